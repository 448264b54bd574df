"""A message under an input field: red error, orange warning or grey hint."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from oiso_desktop.gui import style

__all__ = ["FieldMessage", "show_field_message"]

WARNING_COLOUR = "#9a5b00"
HINT_COLOUR = "#52606d"


def show_field_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show ``text`` in ``label`` (hidden when empty) with the colour of ``kind``.

    ``kind``: "error" (red), "warning" (orange, for what the user must confirm),
    "hint" (grey), "ok" (green).
    """
    label.setWordWrap(True)
    label.setText(text)
    label.setVisible(bool(text))
    if kind == "warning":
        label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        style.set_role(label, "warning")
    elif kind == "hint":
        label.setStyleSheet(f"color: {HINT_COLOUR}; font-style: italic;")
        style.set_role(label, "hint")
    else:
        label.setStyleSheet("")
        style.set_role(label, kind)


class FieldMessage(QLabel):
    """A label meant to sit under a field; see :func:`show_field_message`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        show_field_message(self, text, kind)

    def clear_message(self) -> None:
        show_field_message(self, "", "error")
