"""Plumbing shared by the form dialogs that validate as the user types (patient, user).

A message label under each input, shown once the user has edited that input
(or for every input after a first save attempt, or when editing an existing
record); a banner at the top for what concerns the whole form. The subclass
builds its Designer form, hands its inputs, message labels and banner to
:meth:`FormDialog.set_fields`, and implements :meth:`FormDialog._revalidate`
(compute the errors, call :meth:`FormDialog.show_field_errors`, enable Save).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from oiso_desktop.gui import style
from oiso_desktop.gui.widgets.field_message import show_banner, show_field_message

__all__ = ["FormDialog"]


class FormDialog(QDialog):
    """Field messages, touched inputs and the banner of a form dialog."""

    def __init__(self, parent: QWidget | None = None, *, show_all: bool = False) -> None:
        super().__init__(parent)
        self._touched: set[str] = set()
        # True: show every error, even under inputs not edited yet
        self._show_all = show_all
        self._errors: dict[str, str] = {}
        self._saving = False
        self._inputs: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}
        self._banner: QLabel | None = None

    def set_fields(
        self, inputs: dict[str, QWidget], messages: dict[str, QLabel], banner: QLabel
    ) -> None:
        """The inputs and their message labels by field name, and the banner.

        Line edits and combo boxes are watched: an edit marks the field as touched
        and every change revalidates the form.
        """
        self._inputs = inputs
        self._messages = messages
        self._banner = banner
        for label in messages.values():
            show_field_message(label, "")
        for name, widget in inputs.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, n=name: self._on_field_edited(n))
                widget.textChanged.connect(self._revalidate)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(lambda _i, n=name: self._on_field_edited(n))
                widget.currentIndexChanged.connect(self._revalidate)

    # ------------------------------------------------------------- for tests
    def field_message(self, name: str) -> str:
        """The message shown under the field ``name`` ("" if none)."""
        label = self._messages[name]
        return "" if label.isHidden() else label.text()

    def errors(self) -> dict[str, str]:
        return dict(self._errors)

    def banner_text(self) -> str:
        banner = self._banner
        return "" if banner is None or banner.isHidden() else banner.text()

    # ------------------------------------------------------------ validation
    def _revalidate(self, *_args: object) -> None:
        raise NotImplementedError

    def _on_field_edited(self, name: str) -> None:
        self._touched.add(name)
        self._revalidate()

    def show_field_errors(self, hints: Mapping[str, str] | None = None) -> None:
        """Show ``self._errors`` under the inputs the user has reached; else the hints."""
        hints = hints or {}
        for name, label in self._messages.items():
            error = self._errors.get(name, "")
            shown = bool(error) and (self._show_all or name in self._touched)
            if shown:
                show_field_message(label, error, "error")
            else:
                show_field_message(label, hints.get(name, ""), "hint")
            style.set_invalid(self._inputs[name], shown)

    def show_field_error(self, name: str, text: str, kind: str = "error") -> None:
        """A message from the service under ``name`` (a save refused); focus that input."""
        self._touched.add(name)
        show_field_message(self._messages[name], text, kind)
        style.set_invalid(self._inputs[name], kind == "error")
        self._inputs[name].setFocus()

    # ---------------------------------------------------------------- banner
    def _show_banner(self, text: str, kind: str = "error") -> None:
        if self._banner is not None:
            show_banner(self._banner, text, kind)
