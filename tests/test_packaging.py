"""The wheel: built offline, holds the forms and resources, and runs once installed.

The wheel is built from a copy of the source tree (no stale ``build/`` folder),
without build isolation (no network needed: setuptools comes with the ``test``
extra), then installed with ``pip install --no-deps --target`` into a temporary
folder. That folder goes first on ``PYTHONPATH``, so the checks run the
installed copy while reusing the dependencies of the current environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from oiso_desktop import APP_NAME, __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "benchmarks" / "startup_probe.py"
SKIPPED_WHEN_COPYING = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "benchmarks",
    "docs",
    "tests",
)


def _run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(args)} exited with {result.returncode}\n"
        f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
    )
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIPPED_WHEN_COPYING)
    out = work / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "-w",
            str(out),
            str(source),
        ],
        cwd=work,
    )
    (built,) = out.glob("oiso_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        cwd=target,
    )
    return target


def _env(site: Path, tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["OISO_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("OISO_DATA_DIR", None)
    return env


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    source_ui = {path.name for path in (ROOT / "ui").glob("*.ui")}
    source_icons = {path.name for path in (ROOT / "resources" / "icons").glob("*.svg")}
    assert source_ui and source_icons
    for name in source_ui:
        assert f"oiso_desktop/ui/{name}" in names
    for name in source_icons:
        assert f"oiso_desktop/resources/icons/{name}" in names
    for required in [
        "oiso_desktop/__main__.py",
        "oiso_desktop/resources/translations/oiso_fr.qm",
        "oiso_desktop/resources/styles/oiso.qss",
        "oiso_desktop/resources/fonts/DejaVuSans.ttf",
        "oiso_desktop/resources/fonts/DejaVuSans-Bold.ttf",
        "oiso_desktop/resources/fonts/DejaVuSansMono-Bold.ttf",
        "oiso_desktop/resources/fonts/DejaVu-LICENSE.txt",
        "oiso_desktop/storage/migrations/env.py",
        "oiso_desktop/storage/migrations/script.py.mako",
        "oiso_desktop/storage/migrations/versions/0001_baseline.py",
        "oiso_desktop/reports/recovery_sheet.py",
        "oiso_desktop/cli/__init__.py",
    ]:
        assert required in names, required
    assert any(name.endswith("entry_points.txt") for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "oiso-desktop = oiso_desktop.__main__:main" in text
    # Nothing from the development tree leaks into the wheel.
    assert not any(name.startswith(("tests/", "benchmarks/", "tools/")) for name in names)
    assert not any("__pycache__" in name for name in names)


def test_installed_package_finds_its_resources(installed: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from datetime import datetime, timezone
        from importlib import resources
        from pathlib import Path

        import oiso_desktop
        assert Path(oiso_desktop.__file__).parent == Path(sys.argv[1]) / "oiso_desktop", (
            oiso_desktop.__file__
        )
        root = resources.files("oiso_desktop")
        res = resources.files("oiso_desktop.resources")
        ui = sorted(p.name for p in resources.files("oiso_desktop.ui").iterdir()
                    if p.name.endswith(".ui"))
        print("UI", *ui)
        print("ICONS", len([p for p in res.joinpath("icons").iterdir()
                            if p.name.endswith(".svg")]))
        print("QM", res.joinpath("translations", "oiso_fr.qm").is_file())
        print("QSS", res.joinpath("styles", "oiso.qss").is_file())
        versions = root.joinpath("storage", "migrations", "versions")
        print("MIGRATIONS", sorted(p.name for p in versions.iterdir()
                                   if p.name.endswith(".py") and p.name[0].isdigit()))

        # The translation loads in Qt from the installed file.
        from PySide6.QtCore import QTranslator
        translator = QTranslator()
        with resources.as_file(res.joinpath("translations", "oiso_fr.qm")) as qm:
            print("QM_LOADED", translator.load(str(qm)))

        # The PDF report embeds the packaged fonts.
        from oiso_desktop.reports.recovery_sheet import render_recovery_sheet
        pdf = render_recovery_sheet(code="ABCD-EFGH", structure_name="Hôpital",
                                    database_folder="C:/Données",
                                    created_at=datetime.now(timezone.utc))
        print("PDF", pdf[:5].decode(), b"DejaVuSans" in pdf)

        # The database layer finds its migrations: create a real encrypted base.
        from oiso_desktop.storage.local_database import LocalDatabase
        db, dmk = LocalDatabase.create(Path(sys.argv[2]) / "base")
        opened = LocalDatabase.open(Path(sys.argv[2]) / "base").connect([dmk])
        print("DATABASE", opened.backend)
        opened.dispose()
        """
    )
    result = _run(
        [sys.executable, "-c", script, str(installed), str(tmp_path)],
        cwd=tmp_path,
        env=_env(installed, tmp_path),
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    expected_ui = sorted(path.name for path in (ROOT / "ui").glob("*.ui"))
    assert lines["UI"].split() == expected_ui
    assert int(lines["ICONS"]) == len(list((ROOT / "resources" / "icons").glob("*.svg")))
    assert lines["QM"] == "True"
    assert lines["QSS"] == "True"
    assert "0001_baseline.py" in lines["MIGRATIONS"]
    assert lines["QM_LOADED"] == "True"
    assert lines["PDF"] == "%PDF- True"
    assert lines["DATABASE"] == "sqlcipher"


def test_installed_version_and_cli(installed: Path, tmp_path: Path) -> None:
    env = _env(installed, tmp_path)
    version = _run([sys.executable, "-m", "oiso_desktop", "--version"], cwd=tmp_path, env=env)
    assert version.stdout.strip() == f"{APP_NAME} {__version__}"

    help_text = _run(
        [sys.executable, "-m", "oiso_desktop", "events", "--help"], cwd=tmp_path, env=env
    )
    assert "verify" in help_text.stdout

    scripts = installed / "bin" / "oiso-desktop"
    if os.name == "posix" and scripts.exists():
        from_script = _run([str(scripts), "--version"], cwd=tmp_path, env=env)
        assert from_script.stdout.strip() == f"{APP_NAME} {__version__}"


def test_installed_gui_reaches_the_login_window(installed: Path, tmp_path: Path) -> None:
    """Headless smoke test: ``--demo`` builds its base and shows the sign-in window."""
    result = _run(
        [sys.executable, str(PROBE), "--demo", "--timeout", "180"],
        cwd=tmp_path,
        env=_env(installed, tmp_path),
        timeout=240,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert "LOGIN_SHOWN" in lines, result.stdout
    assert Path(lines["MODULE"]) == installed / "oiso_desktop"
    assert not (tmp_path / "config" / "config.json").exists()  # demo leaves no config


def test_readme_and_ci_run_the_same_test_command() -> None:
    """``.ci/run`` runs exactly the test command documented in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [
        line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    test_command = ci_commands[-1].strip()
    assert "pytest" in test_command
    readme_lines = [line.strip() for line in readme.splitlines()]
    assert test_command in readme_lines
    assert ci.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in ci
    if os.name == "posix":
        assert os.access(ROOT / ".ci" / "run", os.X_OK)
    # The demo start command is documented too.
    assert any("oiso-desktop --demo" in line and "pip install ." in line for line in readme_lines)


def test_readme_links_exist() -> None:
    """Every screenshot and local page the README points to is in the repository."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)\)", readme)
    local = [target for target in targets if "://" not in target]
    assert any(target.endswith(".png") for target in local)
    for target in local:
        assert (ROOT / target).exists(), f"README.md links to a missing file: {target}"


def test_every_code_package_is_listed_for_the_wheel() -> None:
    """A package missing from [tool.setuptools] packages is missing from the wheel
    (gui.widgets was: the installed application failed on its first dialog)."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "oiso_desktop").rglob("__init__.py")
    }
    assert found - listed == set()
