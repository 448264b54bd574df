"""Compile the Qt Designer forms ``ui/*.ui`` into ``oiso_desktop/gui/forms/ui_*.py``.

Run after editing a form:  python tools/compile_forms.py
(``--check`` only reports the forms whose compiled module is out of date).
The compiled modules are committed; ``tests/gui/test_forms_up_to_date.py``
fails when one of them does not match the output of ``pyside6-uic``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "oiso_desktop" / "gui" / "forms"


def uic_command() -> list[str]:
    """The pyside6-uic next to the running interpreter, else the one on PATH."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = scripts / name
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found: install PySide6 in this environment")


def form_sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def compiled_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The Python source pyside6-uic produces for ``ui_file``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / compiled_path(ui_file).name
        subprocess.run([*uic_command(), str(ui_file), "-o", str(out)], check=True)
        return out.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args(argv)
    stale = []
    for ui_file in form_sources():
        target = compiled_path(ui_file)
        source = compile_form(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == source:
            continue
        stale.append(target)
        if not args.check:
            target.write_text(source, encoding="utf-8")
            print(f"compiled {ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    if args.check and stale:
        for target in stale:
            print(f"out of date: {target.relative_to(ROOT)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
