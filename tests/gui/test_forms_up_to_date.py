"""The committed compiled forms match what pyside6-uic makes of ui/*.ui."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _compile_forms_module():
    spec = importlib.util.spec_from_file_location(
        "compile_forms", ROOT / "tools" / "compile_forms.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _uic_available() -> bool:
    scripts = Path(sys.executable).parent
    return (scripts / "pyside6-uic").exists() or shutil.which("pyside6-uic") is not None


@pytest.mark.skipif(not _uic_available(), reason="pyside6-uic not installed")
def test_compiled_forms_are_up_to_date():
    tool = _compile_forms_module()
    sources = tool.form_sources()
    assert {p.name for p in sources} >= {"patient_dialog.ui", "user_dialog.ui"}
    stale = []
    for ui_file in sources:
        target = tool.compiled_path(ui_file)
        assert target.exists(), f"{target.name} missing: run python tools/compile_forms.py"
        if target.read_text(encoding="utf-8") != tool.compile_form(ui_file):
            stale.append(target.name)
    assert not stale, f"out of date (run python tools/compile_forms.py): {stale}"


def test_forms_follow_the_naming_rule():
    """Object names in snake_case ending with the widget type (STYLE.md §4)."""
    import xml.etree.ElementTree as ET

    suffixes = {
        "QLineEdit": "_edit",
        "DateLineEdit": "_edit",
        "QComboBox": "_combo",
        "QPushButton": "_button",
        "QCheckBox": "_checkbox",
        "QLabel": "_label",
        "FieldMessage": "_label",
        "QGroupBox": "_group_box",
        "QListWidget": "_list",
    }
    for ui_file in (ROOT / "ui").glob("*.ui"):
        root = ET.parse(ui_file).getroot()
        top = root.find("widget")
        for widget in root.iter("widget"):
            if widget is top:
                continue
            name, cls = widget.get("name"), widget.get("class")
            assert name == name.lower(), f"{ui_file.name}: {name}"
            suffix = suffixes.get(cls)
            if suffix:
                assert name.endswith(suffix), f"{ui_file.name}: {name} ({cls})"
