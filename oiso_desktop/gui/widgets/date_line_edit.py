"""A date entry that accepts what people type: 12/03/1975, 12031975, 12.03.1975, 1975-03-12."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = ["DateLineEdit", "parse_french_date"]

_DMY_RE = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})")
_COMPACT_RE = re.compile(r"(\d{2})(\d{2})(\d{4})")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateLineEdit", text)


def parse_french_date(text: str) -> date:
    """Parse a JJ/MM/AAAA date (also JJMMAAAA, JJ.MM.AAAA, AAAA-MM-JJ).

    Raises ValueError with a translated message for the user.
    """
    value = text.strip()
    match = _DMY_RE.fullmatch(value) or _COMPACT_RE.fullmatch(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_RE.fullmatch(value)
        if not match:
            raise ValueError(
                QCoreApplication.translate("DateLineEdit", "Enter the date as DD/MM/YYYY.")
            )
        year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("DateLineEdit", "This date does not exist.")
        ) from None


class DateLineEdit(QLineEdit):
    """A line edit for a date typed as JJ/MM/AAAA; empty means "no date"."""

    # emitted with the parsed date (or None when empty or invalid) as the text changes
    dateChanged = Signal(object)  # noqa: N815 - Qt-style signal name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("DateLineEdit", "DD/MM/YYYY"))
        self.setMaxLength(10)
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._reformat)

    def date(self) -> date | None:
        """The date typed, or None when the field is empty or invalid."""
        try:
            return parse_french_date(self.text()) if self.text().strip() else None
        except ValueError:
            return None

    def problem(self) -> str:
        """A message when the text is not a valid date; "" when valid or empty."""
        if not self.text().strip():
            return ""
        try:
            parse_french_date(self.text())
        except ValueError as exc:
            return str(exc)
        return ""

    def setDate(self, value: date | None) -> None:  # noqa: N802 - Qt naming
        self.setText(value.strftime("%d/%m/%Y") if value is not None else "")

    def _on_text_changed(self, _text: str) -> None:
        self.dateChanged.emit(self.date())

    def _reformat(self) -> None:
        # Show 12031975 as 12/03/1975 once the user leaves the field.
        value = self.date()
        if value is not None:
            formatted = value.strftime("%d/%m/%Y")
            if formatted != self.text():
                self.setText(formatted)
