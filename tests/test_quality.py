"""Quality gates run by the test command: layer contracts, ruff, mypy.

The tools run as subprocesses from the interpreter's own ``bin`` (``Scripts``)
folder, so the suite checks with the versions pinned by the ``test`` extra.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
LINTED = ["oiso_desktop", "tests", "tools", "benchmarks"]
TYPED = ["oiso_desktop/domain", "oiso_desktop/storage", "oiso_desktop/services"]
CORE_PACKAGES = {
    "oiso_desktop.domain",
    "oiso_desktop.storage",
    "oiso_desktop.services",
    "oiso_desktop.reports",
    "oiso_desktop.cli",
}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN_DIR))
    if found is None:
        pytest.fail(f"{name} not found beside {sys.executable}: install the 'test' extra")
    return found


def _run(args: list[str], *, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env["NO_COLOR"] = "1"
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )


def _assert_ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, (
        f"{' '.join(result.args)} exited with {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )


def _present(paths: list[str]) -> list[str]:
    return [path for path in paths if (ROOT / path).exists()]


def test_import_contracts_are_kept() -> None:
    result = _run([_tool("lint-imports"), "--no-cache"])
    _assert_ok(result)
    assert "0 broken" in result.stdout


def test_ruff_lint() -> None:
    _assert_ok(_run([_tool("ruff"), "check", "--no-cache", *_present(LINTED)]))


def test_ruff_format() -> None:
    _assert_ok(_run([_tool("ruff"), "format", "--check", "--no-cache", *_present(LINTED)]))


def test_mypy_core_layers() -> None:
    result = _run([_tool("mypy"), *TYPED])
    _assert_ok(result)


# ------------------------------------------------------- the contracts themselves
def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    assert linter["root_package"] == "oiso_desktop"
    return list(linter["contracts"])


def _forbids(source: str, forbidden: str) -> bool:
    """True when a forbidden contract stops ``source`` importing ``forbidden``."""
    for contract in _contracts():
        if contract["type"] != "forbidden":
            continue
        sources = set(contract["source_modules"])  # type: ignore[call-overload]
        targets = set(contract["forbidden_modules"])  # type: ignore[call-overload]
        if source in sources and forbidden in targets:
            return True
    return False


@pytest.mark.parametrize("package", sorted(CORE_PACKAGES))
def test_contracts_keep_qt_out_of_the_core(package: str) -> None:
    assert _forbids(package, "PySide6")


@pytest.mark.parametrize("forbidden", ["oiso_desktop.storage", "sqlalchemy", "sqlcipher3"])
def test_contracts_keep_storage_out_of_the_gui(forbidden: str) -> None:
    assert _forbids("oiso_desktop.gui", forbidden)


def test_contracts_layer_order() -> None:
    layers = [c for c in _contracts() if c["type"] == "layers"]
    assert layers, "a layers contract is required"
    order = [str(layer) for layer in layers[0]["layers"]]  # type: ignore[attr-defined]
    assert order.index(next(x for x in order if "gui" in x)) < order.index("oiso_desktop.services")
    assert order.index("oiso_desktop.services") < order.index(
        next(x for x in order if "storage" in x)
    )
    assert order[-1] == "oiso_desktop.domain"


def test_contracts_do_break_on_a_forbidden_import(tmp_path: Path) -> None:
    """The real contracts, applied to a small package that breaks them, fail."""
    package = tmp_path / "oiso_desktop"
    modules = {
        "__init__.py": "",
        "domain/__init__.py": "",
        "domain/rules.py": "from PySide6 import QtCore\n",  # Qt in the domain
        "storage/__init__.py": "",
        "storage/models.py": "import sqlalchemy\nfrom oiso_desktop.domain import rules\n",
        "services/__init__.py": "",
        "services/use_case.py": "from oiso_desktop.storage import models\n",
        "reports/__init__.py": "",
        "cli/__init__.py": "",
        "gui/__init__.py": "",
        "gui/window.py": "from oiso_desktop.storage import models\n",  # GUI on storage
    }
    for name, text in modules.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    real = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    start = real.index("[tool.importlinter]")
    end = real.find("\n[tool.", start + 1)
    section = real[start:] if end < 0 else real[start:end]
    config = tmp_path / "contracts.toml"
    config.write_text(section, encoding="utf-8")

    result = _run(
        [_tool("lint-imports"), "--no-cache", "--config", str(config)],
        cwd=tmp_path,  # lint-imports puts the current folder first on sys.path
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Core layers import no Qt BROKEN" in output
    assert "The GUI never touches storage BROKEN" in output
    assert "oiso_desktop.domain.rules -> PySide6" in output
    assert "oiso_desktop.gui.window -> oiso_desktop.storage.models" in output


def test_pre_commit_runs_the_same_ruff() -> None:
    """The developer hooks lint and format with ruff, like the suite."""
    hooks = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "astral-sh/ruff-pre-commit" in hooks
    assert "id: ruff-check" in hooks
    assert "id: ruff-format" in hooks
