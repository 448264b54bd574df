"""Table model over the patient search results (``services.dto.PatientSummary``).

No widget code: tested on its own. The rows are plain frozen data objects; the
model never holds a database session.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from oiso_desktop.gui.table_model_base import RowTableModel
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


class PatientTableModel(RowTableModel[PatientSummary]):
    """One row per :class:`PatientSummary`, in the order given by the search."""

    CONTEXT = CONTEXT
    COL_BIRTH_NAME = 0
    COL_USED_NAME = 1
    COL_FIRST_NAMES = 2
    COL_BIRTH_DATE = 3
    COL_SEX = 4
    COL_NIR = 5
    COL_INS_STATUS = 6
    COL_OWNER = 7
    HEADERS = (
        QT_TRANSLATE_NOOP("PatientTableModel", "Birth name"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Used name"),
        QT_TRANSLATE_NOOP("PatientTableModel", "First name(s)"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Born on"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Sex"),
        QT_TRANSLATE_NOOP("PatientTableModel", "NIR"),
        QT_TRANSLATE_NOOP("PatientTableModel", "INS status"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Practitioner"),
    )

    # the patient id of the row (int), for any column
    PATIENT_ID_ROLE = RowTableModel.ID_ROLE
    # the PatientSummary of the row, for any column
    SUMMARY_ROLE = RowTableModel.ROW_ROLE

    def display(self, item: PatientSummary, column: int) -> str | None:
        if column == self.COL_BIRTH_NAME:
            return item.birth_name
        if column == self.COL_USED_NAME:
            return item.used_name or ""
        if column == self.COL_FIRST_NAMES:
            return item.first_names
        if column == self.COL_BIRTH_DATE:
            return format_date(item.birth_date)
        if column == self.COL_SEX:
            return sex_label(item.sex)
        if column == self.COL_NIR:
            return format_nir(item.nir)
        if column == self.COL_INS_STATUS:
            return ins_status_label(item.ins_status)
        if column == self.COL_OWNER:
            return item.owner_display_name
        return None

    def role_data(self, item: PatientSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_SEX:
                source = _SEX_TOOLTIPS.get(item.sex)
                return _tr(source) if source else None
            if column == self.COL_INS_STATUS:
                return item.ins_status
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_BIRTH_DATE,
            self.COL_SEX,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
