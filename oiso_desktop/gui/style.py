"""Look and feel: Fusion style, a light palette, a readable font and the stylesheet."""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

PRIMARY = "#2b5797"
TEXT = "#1f2933"
ERROR = "#b3261e"
OK = "#1e7a3c"
BASE_POINT_SIZE = 10


def light_palette() -> QPalette:
    """A light palette, whatever the OS theme, so that screens look the same everywhere."""
    pal = QPalette()
    window = QColor("#f4f6f9")
    text = QColor(TEXT)
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fc"))
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8794"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(PRIMARY))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Link, QColor(PRIMARY))
    pal.setColor(QPalette.ColorRole.BrightText, QColor(ERROR))
    disabled = QColor("#9aa5b1")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def stylesheet() -> str:
    """The application stylesheet shipped in ``resources/styles/oiso.qss``.

    ``@ICONS@`` in the file stands for the folder of the SVG icons (QSS needs a path).
    """
    resources = files("oiso_desktop.resources")
    try:
        text = (resources / "styles" / "oiso.qss").read_text("utf-8")
    except OSError:
        log.warning("Stylesheet not found; using the plain Fusion style")
        return ""
    icons_dir = Path(str(resources / "icons")).as_posix()
    return text.replace("@ICONS@", icons_dir)


def apply_style(app: QApplication) -> None:
    """Apply the OISO look to the whole application."""
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(stylesheet())


def set_role(widget: QWidget, role: str) -> None:
    """Set the ``role`` property used by the stylesheet (error, ok, hint, title) and refresh."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark an input as invalid (red outline) or valid again."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
