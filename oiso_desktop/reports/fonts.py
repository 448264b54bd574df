"""The fonts embedded in every PDF report.

The DejaVu fonts ship with the package (``resources/fonts``, licence in
``DejaVu-LICENSE.txt``) so that accents, the euro sign and typographic quotes
print the same on every machine; reportlab's standard fonts only cover Latin-1
and are not embedded. Registration happens once per process.
"""

from __future__ import annotations

import threading
from importlib import resources
from importlib.resources.abc import Traversable

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "OisoSans"
SANS_BOLD = "OisoSans-Bold"
MONO_BOLD = "OisoMono-Bold"

FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}
LICENCE_FILE = "DejaVu-LICENSE.txt"

_lock = threading.Lock()
_registered = False


def font_resource(file_name: str) -> Traversable:
    """The packaged font (or licence) file ``file_name``."""
    return resources.files("oiso_desktop.resources").joinpath("fonts", file_name)


def register_fonts() -> None:
    """Register the report fonts with reportlab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in FONT_FILES.items():
            # as_file() also works when the package is imported from a zip archive;
            # TTFont reads the whole file at once, so the temporary copy may go.
            with resources.as_file(font_resource(file_name)) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> in Paragraph markup selects the bold face.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True
