"""Render sample pedigrees from the Qt view to docs/screenshots/pedigree_*.png.

    QT_QPA_PLATFORM=offscreen python tools/render_pedigree_screenshots.py [--out DIR]
        [--lang fr|en] [--all] [--pdf]

The families are the fictitious ones of ``oiso_desktop.domain.sample_families``.
By default the three of the README (BRCA, Lynch, consanguineous with twins); ``--all``
renders every sample family, ``--pdf`` also writes each one's PDF beside the images.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
TODAY = date(2025, 6, 1)  # fixed, so that the images only change when the drawing does
ZOOM = 1.6
SHOTS = {
    "brca1": "pedigree_brca",
    "lynch": "pedigree_lynch",
    "consanguineous_twins": "pedigree_consanguineous_twins",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--all", action="store_true", help="every sample family")
    parser.add_argument("--pdf", action="store_true", help="the PDFs too")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.pedigree_scene import PedigreeView
    from oiso_desktop.gui.style import apply_style
    from oiso_desktop.reports.pedigree_pdf import render_pedigree_pdf

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translations(args.lang)
    apply_style(app)
    args.out.mkdir(parents=True, exist_ok=True)
    names = {key: SHOTS.get(key, f"pedigree_{key}") for key in SAMPLE_FAMILIES}
    if not args.all:
        names = {key: name for key, name in names.items() if key in SHOTS}
    for key, name in names.items():
        title, make = SAMPLE_FAMILIES[key]
        family = make()
        view = PedigreeView(today=TODAY)
        view.set_family(family)
        rect = view.pedigree_scene.sceneRect()
        zoom = min(ZOOM, 1500 / rect.width())
        view.resize(int(rect.width() * zoom) + 24, int(rect.height() * zoom) + 24)
        view.show()
        app.processEvents()
        view.set_zoom(zoom)
        view.centerOn(rect.center())
        app.processEvents()
        path = args.out / f"{name}.png"
        view.grab().save(str(path))
        view.close()
        print(path)
        if args.pdf:
            pdf = args.out / f"{name}.pdf"
            pdf.write_bytes(render_pedigree_pdf(family, title=title, today=TODAY))
            print(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
