"""The two tables of the Antécédents tab: cancers and risk-reducing surgeries.

One row per item of the history being edited, in its order; the row's ``id`` is
its position. A row carries the domain object built from the form, the age and
date as typed (shown even while they cannot be read) and the translated texts
of its problems (an error icon and a tool tip). No widget code.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from oiso_desktop.domain.personal_history import (
    BREAST_SITES,
    MMR_SITES,
    HistoryCancer,
    RiskReducingSurgery,
)
from oiso_desktop.gui.edited_rows_model import EditedRowsModel
from oiso_desktop.gui.history_labels import (
    HISTOLOGY_LABELS,
    IHC_LABELS,
    LATERALITY_LABELS,
    SITE_LABELS,
    SURGERY_KIND_LABELS,
    SURGERY_SIDE_LABELS,
    coded_label,
)

__all__ = [
    "CancerRow",
    "CancerTableModel",
    "SurgeryRow",
    "SurgeryTableModel",
    "cancer_summary",
    "when_text",
]

CONTEXT = "HistoryTable"

_YEARS = QT_TRANSLATE_NOOP("HistoryTable", "{age} y")  # an age at diagnosis: "45 y"
_AGE_AND_DATE = QT_TRANSLATE_NOOP("HistoryTable", "{age} ({date})")
_ER = QT_TRANSLATE_NOOP("HistoryTable", "ER")  # oestrogen receptors
_PR = QT_TRANSLATE_NOOP("HistoryTable", "PR")  # progesterone receptors
_GRADE = QT_TRANSLATE_NOOP("HistoryTable", "grade {grade}")
_TRIPLE_NEGATIVE = QT_TRANSLATE_NOOP("HistoryTable", "triple negative")
_SEPARATOR = " · "
_SIGNS = {"P": "+", "N": "\N{MINUS SIGN}"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class CancerRow:
    id: int  # position in the history
    cancer: HistoryCancer
    age_text: str = ""  # as typed
    date_text: str = ""  # as typed
    problems: tuple[str, ...] = ()  # translated texts


@dataclass(frozen=True)
class SurgeryRow:
    id: int  # position in the history
    surgery: RiskReducingSurgery
    age_text: str = ""
    date_text: str = ""
    problems: tuple[str, ...] = ()


def when_text(age_text: str, date_text: str) -> str:
    """ "~45 y", "12/03/2015", "45 y (12/03/2015)"; an age typed with words stays as typed."""
    age = age_text.strip()
    if age and not any(char.isalpha() for char in age):
        age = _tr(_YEARS).format(age=age)
    day = date_text.strip()
    if age and day:
        return _tr(_AGE_AND_DATE).format(age=age, date=day)
    return age or day


def _markers(cancer: HistoryCancer) -> str:
    receptors = cancer.receptors
    named = (
        (_tr(_ER), receptors.er),
        (_tr(_PR), receptors.pr),
        ("HER2", receptors.her2),
        ("CK14", receptors.ck14),
        ("CK5/6", receptors.ck56),
    )
    text = " ".join(f"{name}{_SIGNS[value]}" for name, value in named if value in _SIGNS)
    if cancer.triple_negative:
        text += f" ({_tr(_TRIPLE_NEGATIVE)})"
    return text


def cancer_summary(cancer: HistoryCancer) -> str:
    """The key details of a cancer on one line: "Ductal · ER+ PR+ HER2− · grade 2", "MSI"."""
    parts: list[str] = []
    if cancer.histology:
        parts.append(coded_label(HISTOLOGY_LABELS, cancer.histology))
    if cancer.site in BREAST_SITES:
        if markers := _markers(cancer):
            parts.append(markers)
        if cancer.grade is not None:
            parts.append(_tr(_GRADE).format(grade=cancer.grade))
    if cancer.site in MMR_SITES:
        if cancer.msi:
            parts.append(cancer.msi.upper())
        if cancer.ihc:
            parts.append(coded_label(IHC_LABELS, cancer.ihc))
    return _SEPARATOR.join(parts)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


class CancerTableModel(EditedRowsModel[CancerRow]):
    CONTEXT = "CancerTableModel"
    COL_SITE, COL_SIDE, COL_WHEN, COL_DETAILS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("CancerTableModel", "Site"),
        QT_TRANSLATE_NOOP("CancerTableModel", "Side"),
        QT_TRANSLATE_NOOP("CancerTableModel", "Age or date"),
        QT_TRANSLATE_NOOP("CancerTableModel", "Details"),
    )

    def display(self, item: CancerRow, column: int) -> str | None:
        cancer = item.cancer
        if column == self.COL_SITE:
            return coded_label(SITE_LABELS, cancer.site)
        if column == self.COL_SIDE:
            return coded_label(LATERALITY_LABELS, cancer.laterality) if cancer.laterality else ""
        if column == self.COL_WHEN:
            return when_text(item.age_text, item.date_text)
        if column == self.COL_DETAILS:
            return cancer_summary(cancer)
        return None


class SurgeryTableModel(EditedRowsModel[SurgeryRow]):
    CONTEXT = "SurgeryTableModel"
    COL_KIND, COL_SIDE, COL_WHEN, COL_NOTE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("SurgeryTableModel", "Surgery"),
        QT_TRANSLATE_NOOP("SurgeryTableModel", "Side"),
        QT_TRANSLATE_NOOP("SurgeryTableModel", "Age or date"),
        QT_TRANSLATE_NOOP("SurgeryTableModel", "Comment"),
    )

    def display(self, item: SurgeryRow, column: int) -> str | None:
        surgery = item.surgery
        if column == self.COL_KIND:
            return coded_label(SURGERY_KIND_LABELS, surgery.kind)
        if column == self.COL_SIDE:
            return coded_label(SURGERY_SIDE_LABELS, surgery.side) if surgery.side else ""
        if column == self.COL_WHEN:
            return when_text(item.age_text, item.date_text)
        if column == self.COL_NOTE:
            return _first_line(surgery.note)
        return None
