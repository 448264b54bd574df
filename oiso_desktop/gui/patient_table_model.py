"""Table model over the patient search results (``services.dto.PatientSummary``).

No widget code: tested on its own. The rows are plain frozen data objects; the
model never holds a database session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from oiso_desktop.services.dto import PatientSummary

__all__ = [
    "INS_STATUS_LABELS",
    "PatientTableModel",
    "format_date",
    "format_nir",
    "ins_status_label",
    "sex_label",
]

CONTEXT = "PatientTableModel"

INS_STATUS_LABELS: dict[str, str] = {
    "PROV": QT_TRANSLATE_NOOP("PatientTableModel", "Provisional"),
    "RECUP": QT_TRANSLATE_NOOP("PatientTableModel", "Retrieved"),
    "VALI": QT_TRANSLATE_NOOP("PatientTableModel", "Validated"),
    "QUAL": QT_TRANSLATE_NOOP("PatientTableModel", "Qualified"),
}

SEX_LABELS: dict[str, str] = {
    "F": QT_TRANSLATE_NOOP("PatientTableModel", "F"),
    "M": QT_TRANSLATE_NOOP("PatientTableModel", "M"),
    "I": QT_TRANSLATE_NOOP("PatientTableModel", "I"),
}

_SEX_TOOLTIPS: dict[str, str] = {
    "F": QT_TRANSLATE_NOOP("PatientTableModel", "Female"),
    "M": QT_TRANSLATE_NOOP("PatientTableModel", "Male"),
    "I": QT_TRANSLATE_NOOP("PatientTableModel", "Undetermined"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ins_status_label(code: str) -> str:
    """French label of an INS identity status (PROV -> Provisoire...)."""
    source = INS_STATUS_LABELS.get(code)
    return _tr(source) if source else code


def sex_label(code: str) -> str:
    source = SEX_LABELS.get(code)
    return _tr(source) if source else code


def format_nir(nir: str | None) -> str:
    """'295109912611193' -> '2 95 10 99 126 111 93' (the usual grouping on a carte Vitale)."""
    if not nir:
        return ""
    text = "".join(nir.split())
    if len(text) != 15:
        return text
    parts = (text[0], text[1:3], text[3:5], text[5:7], text[7:10], text[10:13], text[13:15])
    return " ".join(parts)


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


class PatientTableModel(QAbstractTableModel):
    """One row per :class:`PatientSummary`, in the order given by the search."""

    COL_BIRTH_NAME = 0
    COL_USED_NAME = 1
    COL_FIRST_NAMES = 2
    COL_BIRTH_DATE = 3
    COL_SEX = 4
    COL_NIR = 5
    COL_INS_STATUS = 6
    COL_OWNER = 7
    COLUMN_COUNT = 8

    # the patient id of the row (int), for any column
    PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    # the PatientSummary of the row, for any column
    SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

    _HEADERS = (
        QT_TRANSLATE_NOOP("PatientTableModel", "Birth name"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Used name"),
        QT_TRANSLATE_NOOP("PatientTableModel", "First name(s)"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Born on"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Sex"),
        QT_TRANSLATE_NOOP("PatientTableModel", "NIR"),
        QT_TRANSLATE_NOOP("PatientTableModel", "INS status"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Practitioner"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientSummary] = []

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: Sequence[PatientSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def summary(self, row: int) -> PatientSummary:
        return self._rows[row]

    def patient_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, patient_id: int) -> int:
        """The row of ``patient_id``, or -1."""
        for row, summary in enumerate(self._rows):
            if summary.id == patient_id:
                return row
        return -1

    # --------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return _tr(self._HEADERS[section])
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == self.PATIENT_ID_ROLE:
            return summary.id
        if role == self.SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_SEX:
                source = _SEX_TOOLTIPS.get(summary.sex)
                return _tr(source) if source else None
            if column == self.COL_INS_STATUS:
                return summary.ins_status
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_BIRTH_DATE,
            self.COL_SEX,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, summary: PatientSummary, column: int) -> str | None:
        if column == self.COL_BIRTH_NAME:
            return summary.birth_name
        if column == self.COL_USED_NAME:
            return summary.used_name or ""
        if column == self.COL_FIRST_NAMES:
            return summary.first_names
        if column == self.COL_BIRTH_DATE:
            return format_date(summary.birth_date)
        if column == self.COL_SEX:
            return sex_label(summary.sex)
        if column == self.COL_NIR:
            return format_nir(summary.nir)
        if column == self.COL_INS_STATUS:
            return ins_status_label(summary.ins_status)
        if column == self.COL_OWNER:
            return summary.owner_display_name
        return None
