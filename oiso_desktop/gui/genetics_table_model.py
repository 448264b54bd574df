"""The four tables of the Génétique tab: tests, variants, consents, relatives informed.

One row per item of the form being edited, in its order; the row's ``id`` is its
position. A row carries the domain object built from the inputs, the texts as
typed (a date being typed shows as it is) and the translated texts of its problems
(an error icon and a tool tip). No widget code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from oiso_desktop.domain.genetics import (
    Consent,
    GeneticTest,
    RelativeInformation,
    Variant,
    is_positive,
)
from oiso_desktop.gui.edited_rows_model import EditedRowsModel
from oiso_desktop.gui.genetics_labels import (
    CHANNEL_LABELS,
    CONSENT_SCOPE_LABELS,
    STATUS_LABELS,
    TEST_KIND_LABELS,
    class_text,
    coded_label,
)

__all__ = [
    "ConsentRow",
    "ConsentTableModel",
    "InformationRow",
    "InformationTableModel",
    "TestRow",
    "TestTableModel",
    "VariantRow",
    "VariantTableModel",
]

_POSITIVE = QT_TRANSLATE_NOOP("VariantTableModel", "Positive result (class 4 or 5)")
_UNCERTAIN = QT_TRANSLATE_NOOP(
    "VariantTableModel", "Uncertain significance: never a positive result"
)
POSITIVE_COLOUR = "#8c1d18"
UNCERTAIN_COLOUR = "#7a4b00"


@dataclass(frozen=True)
class TestRow:
    id: int
    test: GeneticTest
    date_text: str = ""  # as typed
    relative: str = ""  # the relative tested, named ("Marie (p4)")
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class VariantRow:
    id: int
    variant: Variant
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentRow:
    id: int
    consent: Consent
    date_text: str = ""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class InformationRow:
    id: int
    information: RelativeInformation
    date_text: str = ""
    relatives: str = ""  # named, comma-separated
    problems: tuple[str, ...] = ()


def _tr(context: str) -> Callable[[str], str]:
    return lambda text: QCoreApplication.translate(context, text)


class TestTableModel(EditedRowsModel[TestRow]):
    __test__ = False  # not a pytest class
    CONTEXT = "TestTableModel"
    COL_DATE, COL_KIND, COL_LABORATORY, COL_STATUS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("TestTableModel", "Date"),
        QT_TRANSLATE_NOOP("TestTableModel", "Analysis"),
        QT_TRANSLATE_NOOP("TestTableModel", "Laboratory"),
        QT_TRANSLATE_NOOP("TestTableModel", "Status"),
    )

    def display(self, item: TestRow, column: int) -> str | None:
        test = item.test
        if column == self.COL_DATE:
            return item.date_text
        if column == self.COL_KIND:
            kind = coded_label(TEST_KIND_LABELS, test.kind)
            if test.kind == "panel" and test.genes:
                return f"{kind} ({len(test.genes)})"
            if test.kind == "predictive" and item.relative:
                return f"{kind} — {item.relative}"
            return kind
        if column == self.COL_LABORATORY:
            return test.laboratory
        if column == self.COL_STATUS:
            return coded_label(STATUS_LABELS, test.status)
        return None


class VariantTableModel(EditedRowsModel[VariantRow]):
    CONTEXT = "VariantTableModel"
    COL_GENE, COL_C, COL_P, COL_CLASS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("VariantTableModel", "Gene"),
        QT_TRANSLATE_NOOP("VariantTableModel", "c."),
        QT_TRANSLATE_NOOP("VariantTableModel", "p."),
        QT_TRANSLATE_NOOP("VariantTableModel", "Class"),
    )

    def display(self, item: VariantRow, column: int) -> str | None:
        variant = item.variant
        if column == self.COL_GENE:
            return variant.gene
        if column == self.COL_C:
            return variant.hgvs_c
        if column == self.COL_P:
            return variant.hgvs_p
        if column == self.COL_CLASS:
            return class_text(variant.acmg_class)
        return None

    def role_data(self, item: VariantRow, column: int, role: int) -> Any:
        if column == self.COL_CLASS:
            positive = is_positive(item.variant)
            uncertain = item.variant.acmg_class == 3
            if role == Qt.ItemDataRole.ForegroundRole and (positive or uncertain):
                return QBrush(QColor(POSITIVE_COLOUR if positive else UNCERTAIN_COLOUR))
            if role == Qt.ItemDataRole.FontRole and positive:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and (positive or uncertain):
                return _tr(self.CONTEXT)(_POSITIVE if positive else _UNCERTAIN)
        return super().role_data(item, column, role)


class ConsentTableModel(EditedRowsModel[ConsentRow]):
    CONTEXT = "ConsentTableModel"
    COL_DATE, COL_SCOPE = range(2)
    HEADERS = (
        QT_TRANSLATE_NOOP("ConsentTableModel", "Date"),
        QT_TRANSLATE_NOOP("ConsentTableModel", "Covers"),
    )

    def display(self, item: ConsentRow, column: int) -> str | None:
        if column == self.COL_DATE:
            return item.date_text
        if column == self.COL_SCOPE:
            return ", ".join(
                coded_label(CONSENT_SCOPE_LABELS, scope) for scope in item.consent.scopes
            )
        return None


class InformationTableModel(EditedRowsModel[InformationRow]):
    CONTEXT = "InformationTableModel"
    COL_DATE, COL_RELATIVES, COL_CHANNEL = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("InformationTableModel", "Date"),
        QT_TRANSLATE_NOOP("InformationTableModel", "Relatives"),
        QT_TRANSLATE_NOOP("InformationTableModel", "How"),
    )

    def display(self, item: InformationRow, column: int) -> str | None:
        if column == self.COL_DATE:
            return item.date_text
        if column == self.COL_RELATIVES:
            return item.relatives
        if column == self.COL_CHANNEL:
            return coded_label(CHANNEL_LABELS, item.information.channel)
        return None
