"""Refresh the French translation source and build the binary catalogue.

    python tools/update_translations.py            # lupdate + lrelease
    python tools/update_translations.py --release  # lrelease only

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` /
   ``QT_TRANSLATE_NOOP`` string of ``oiso_desktop/gui`` and every ``ui/*.ui``
   form into ``resources/translations/oiso_fr.ts`` (existing translations are
   kept; vanished strings are dropped; no source locations, so that the file
   only changes when a text changes);
2. new strings appear as ``type="unfinished"``: translate them (Qt Linguist or
   a text editor) — ``tests/gui/test_translations.py`` fails until none is left;
3. ``pyside6-lrelease`` builds ``oiso_fr.qm``, which is committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_DIR = ROOT / "oiso_desktop" / "gui"
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    """The PySide6 tool ``name``, next to the running interpreter first."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    """Python sources of the GUI (generated forms excluded: the .ui files are read) and forms."""
    sources = [
        path
        for path in sorted(GUI_DIR.rglob("*.py"))
        if "__pycache__" not in path.parts and not path.name.startswith("ui_")
    ]
    sources += sorted(UI_DIR.glob("*.ui"))
    return sources


def ts_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"oiso_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"oiso_{language}.qm"


def lupdate(language: str) -> None:
    ts = ts_file(language)
    ts.parent.mkdir(parents=True, exist_ok=True)
    command = [
        _tool("pyside6-lupdate"),
        "-locations",
        "none",
        "-no-obsolete",
        *(str(path.relative_to(ROOT)) for path in source_files()),
        "-ts",
        str(ts.relative_to(ROOT)),
    ]
    if not ts.exists():
        command[1:1] = ["-target-language", f"{language}_FR"]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Build ``qm`` from ``ts`` (used by the test to check the committed .qm)."""
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        if not args.release:
            lupdate(language)
        lrelease(ts_file(language), qm_file(language))
        print(f"{qm_file(language).relative_to(ROOT)} built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
