"""Small parts every dialog of the application builds the same way.

* :func:`error_label` — the red line under a form, hidden until it has text;
* :func:`ok_cancel_buttons` — the OK / Cancel box with named, translated buttons;
* :func:`confirm` — the non-blocking "are you sure?" box (Cancel is the default).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from oiso_desktop.gui.style import set_role

__all__ = ["confirm", "error_label", "ok_cancel_buttons"]


_CANCEL = QT_TRANSLATE_NOOP("DialogParts", "Cancel")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DialogParts", text)


def error_label(object_name: str = "error_label") -> QLabel:
    """A word-wrapped red label, hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    set_role(label, "error")
    label.hide()
    return label


def ok_cancel_buttons(
    ok_name: str, ok_text: str | None = None
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """An OK / Cancel box; the buttons are named ``ok_name`` and ``cancel_button``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(ok_name)
    if ok_text is not None:
        ok.setText(ok_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName("cancel_button")
    cancel.setText(_tr(_CANCEL))
    return buttons, ok, cancel


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    detail: str,
    accept_text: str,
    on_yes: Callable[[], None],
    *,
    checkbox: QCheckBox | None = None,
    object_name: str = "confirmation_box",
) -> QMessageBox:
    """Open a warning box; ``on_yes`` runs only if the user confirms (Cancel is default)."""
    box = QMessageBox(parent)
    if checkbox is not None:
        box.setCheckBox(checkbox)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    yes = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm_button")
    cancel = box.addButton(_tr(_CANCEL), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box
