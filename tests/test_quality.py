"""Quality gates run by the test command: layer contracts, ruff, mypy.

The tools run as subprocesses from the interpreter's own ``bin`` (``Scripts``)
folder, so the suite checks with the versions pinned by the ``test`` extra.
"""

from __future__ import annotations

import ast
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
TYPED = [
    "oiso_desktop/domain",
    "oiso_desktop/storage",
    "oiso_desktop/services",
    "oiso_desktop/interop",
]
PACKAGE = ROOT / "oiso_desktop"
CORE_PACKAGES = {
    "oiso_desktop.domain",
    "oiso_desktop.system",
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


def _layers() -> list[list[str]]:
    """The layers contract, top first; each layer as its list of sibling modules."""
    contracts = [c for c in _contracts() if c["type"] == "layers"]
    assert len(contracts) == 1, "exactly one layers contract is expected"
    return [
        [name.strip() for name in str(layer).split("|")]
        for layer in contracts[0]["layers"]  # type: ignore[attr-defined]
    ]


def test_contracts_layer_order() -> None:
    layers = _layers()

    def level(module: str) -> int:
        return next(i for i, layer in enumerate(layers) if module in layer)

    assert level("oiso_desktop.__main__") < level("oiso_desktop.gui")
    assert level("oiso_desktop.gui") == level("oiso_desktop.cli")
    assert level("oiso_desktop.cli") < level("oiso_desktop.services")
    assert level("oiso_desktop.services") < level("oiso_desktop.storage")
    assert level("oiso_desktop.storage") == level("oiso_desktop.reports")
    assert level("oiso_desktop.reports") < level("oiso_desktop.domain")
    assert layers[-1] == ["oiso_desktop.domain", "oiso_desktop.system"]


def _package_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(".".join(parts))
    return modules


def test_every_module_of_the_package_belongs_to_a_layer() -> None:
    """No module escapes the layers contract (a new top-level module must be placed)."""
    layer_modules = [name for layer in _layers() for name in layer]
    modules = _package_modules()
    assert "oiso_desktop.system.files" in modules and "oiso_desktop.__main__" in modules
    outside = [
        module
        for module in modules
        if module != "oiso_desktop"
        and not any(module == name or module.startswith(name + ".") for name in layer_modules)
    ]
    assert outside == [], f"modules outside every layer of [tool.importlinter]: {outside}"


def test_the_root_package_imports_nothing() -> None:
    """oiso_desktop/__init__.py is outside the layers: it may only hold constants."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    imports = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
    ]
    assert imports == []


# A package with every layer, each case adding the files that break one contract.
_SKELETON = {
    "__init__.py": "",
    "__main__.py": "",
    "domain/__init__.py": "",
    "domain/rules.py": "",
    "system/__init__.py": "",
    "system/files.py": "",
    "storage/__init__.py": "",
    "storage/models.py": "",
    "reports/__init__.py": "",
    "interop/__init__.py": "",
    "interop/fhir.py": "",
    "services/__init__.py": "",
    "services/use_case.py": "",
    "cli/__init__.py": "",
    "cli/command.py": "",
    "gui/__init__.py": "",
    "gui/window.py": "",
}
# contract name -> (files that break it, a line the report must show)
_BREAKING_CASES: dict[str, tuple[dict[str, str], str]] = {
    "Core layers import no Qt (direct)": (
        {"domain/rules.py": "from PySide6 import QtCore\n"},
        "oiso_desktop.domain.rules -> PySide6",
    ),
    "Core layers import no Qt (indirect)": (
        {
            "services/use_case.py": "from oiso_desktop import qt_helper\n",
            "qt_helper.py": "import PySide6\n",
        },
        "oiso_desktop.qt_helper -> PySide6",
    ),
    "The GUI never touches storage": (
        {"gui/window.py": "from oiso_desktop.storage import models\n"},
        "oiso_desktop.gui.window -> oiso_desktop.storage.models",
    ),
    "The CLI never touches storage": (
        {"cli/command.py": "import sqlalchemy\n"},
        "oiso_desktop.cli.command -> sqlalchemy",
    ),
    "Domain is pure: no SQL, no storage, no services": (
        {"domain/rules.py": "import sqlalchemy\n"},
        "oiso_desktop.domain.rules -> sqlalchemy",
    ),
    "Interop maps domain objects only: no SQL, no storage, no services": (
        {"interop/fhir.py": "import sqlalchemy\n"},
        "oiso_desktop.interop.fhir -> sqlalchemy",
    ),
    "System is the platform layer: no SQL, no crypto, no PDF": (
        {"system/files.py": "import reportlab\n"},
        "oiso_desktop.system.files -> reportlab",
    ),
    "Layers go one way (upwards)": (
        {"services/use_case.py": "from oiso_desktop.gui import window\n"},
        "oiso_desktop.services.use_case -> oiso_desktop.gui.window",
    ),
    "Layers go one way (siblings)": (
        {"domain/rules.py": "from oiso_desktop.system import files\n"},
        "oiso_desktop.domain.rules -> oiso_desktop.system.files",
    ),
}


def _contract_name(case: str) -> str:
    return case.split(" (")[0] if case.endswith(")") and "(" in case[-14:] else case


def test_every_contract_has_a_breaking_case() -> None:
    names = {str(contract["name"]) for contract in _contracts()}
    assert {_contract_name(case) for case in _BREAKING_CASES} == names


@pytest.mark.parametrize("case", sorted(_BREAKING_CASES))
def test_each_contract_breaks_on_a_forbidden_import(tmp_path: Path, case: str) -> None:
    """The real contracts, applied to a small package that breaks one of them, fail."""
    files, expected_line = _BREAKING_CASES[case]
    package = tmp_path / "oiso_desktop"
    for name, text in {**_SKELETON, **files}.items():
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
    assert f"{_contract_name(case)} BROKEN" in output
    assert expected_line in output


def test_pre_commit_runs_the_same_ruff() -> None:
    """The developer hooks lint and format with ruff, like the suite."""
    hooks = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "astral-sh/ruff-pre-commit" in hooks
    assert "id: ruff-check" in hooks
    assert "id: ruff-format" in hooks
