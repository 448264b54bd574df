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

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

log = logging.getLogger(__name__)

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
