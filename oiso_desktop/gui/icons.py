"""Application icons: SVG files shipped in ``oiso_desktop.resources/icons``.

``icon("patients")`` returns a cached QIcon. The SVGs are 24x24 stroke icons
in one colour (warning and error use their signal colours), so they scale
cleanly on high-DPI screens.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

#: the stroke colour of the SVG files
PRIMARY_COLOR = "#2b5797"

ICON_NAMES = (
    "patients",
    "followup",
    "shares",
    "journal",
    "admin",
    "user",
    "user-add",
    "lock",
    "logout",
    "search",
    "save",
    "cancel",
    "add",
    "edit",
    "warning",
    "error",
    "info",
    "key",
    "database",
    "verify",
    "export",
    "suspend",
    "reactivate",
    "revoke",
    "app",
    "chevron-down",
)


def icon_path(name: str) -> Path:
    """Path of the SVG file for ``name`` (it may not exist for a wrong name)."""
    return Path(str(files("oiso_desktop.resources") / "icons" / f"{name}.svg"))


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name``; an empty QIcon (and a warning in the log) if unknown."""
    path = icon_path(name)
    if not path.is_file():
        log.warning("Unknown icon %r", name)
        return QIcon()
    return QIcon(str(path))


def pixmap(name: str, size: int = 24) -> QPixmap:
    """A pixmap of the icon at ``size`` logical pixels."""
    return icon(name).pixmap(QSize(size, size))


@cache
def navigation_icon(name: str, selected_color: str = "#ffffff") -> QIcon:
    """The icon ``name`` with a light variant for selected items (white on the primary colour)."""
    base = icon(name)
    path = icon_path(name)
    if base.isNull():
        return base
    result = QIcon(base)
    svg = path.read_bytes().replace(PRIMARY_COLOR.encode(), selected_color.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    for size in (16, 22, 24, 32, 44, 48):
        light = QPixmap(size, size)
        light.fill(Qt.GlobalColor.transparent)
        painter = QPainter(light)
        renderer.render(painter)
        painter.end()
        result.addPixmap(light, QIcon.Mode.Selected, QIcon.State.Off)
    return result
