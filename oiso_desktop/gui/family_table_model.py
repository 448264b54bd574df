"""The people of a family as table rows (the Famille tab's table). No widget code.

One row per person, in the family's order (people added go to the end). The
relationship column is derived (``family_labels.relationship_label``), never typed.
:meth:`FamilyTableModel.set_family` keeps the rows in place when the same people
are there (an edit repaints the rows: the selection and the current cell stay).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont

from oiso_desktop.domain.family import Family, Person
from oiso_desktop.gui.family_labels import (
    SEX_LABELS,
    SEX_SHORT_LABELS,
    birth_and_age_text,
    cancers_summary,
    label,
    relationship_label,
    results_summary,
    vital_status_text,
)
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.table_model_base import RowTableModel

__all__ = ["FamilyTableModel"]


class FamilyTableModel(RowTableModel[Person]):  # type: ignore[type-var]  # str ids
    """Rows of :class:`Person`; ``ID_ROLE`` gives the person's id ("p3")."""

    CONTEXT: ClassVar[str] = "FamilyTable"
    COL_RELATIONSHIP = 0
    COL_NAME = 1
    COL_SEX = 2
    COL_BIRTH_AGE = 3
    COL_VITAL = 4
    COL_CANCERS = 5
    COL_RESULTS = 6
    COL_LINK = 7
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("FamilyTable", "Relationship"),
        QT_TRANSLATE_NOOP("FamilyTable", "Name"),
        QT_TRANSLATE_NOOP("FamilyTable", "Sex"),
        QT_TRANSLATE_NOOP("FamilyTable", "Birth year / age"),
        QT_TRANSLATE_NOOP("FamilyTable", "Vital status"),
        QT_TRANSLATE_NOOP("FamilyTable", "Cancers"),
        QT_TRANSLATE_NOOP("FamilyTable", "Genetics"),
        QT_TRANSLATE_NOOP("FamilyTable", "Linked file"),
    )
    _PROBLEM_TIP = QT_TRANSLATE_NOOP("FamilyTable", "This person has a problem to correct")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._family = Family()
        self._relationships: dict[str, str] = {}
        self._link_labels: dict[str, str] = {}
        self._with_problems: frozenset[str] = frozenset()

    @property
    def family(self) -> Family:
        return self._family

    def set_family(
        self,
        family: Family,
        link_labels: Mapping[str, str] | None = None,
        with_problems: frozenset[str] = frozenset(),
    ) -> None:
        """Show ``family``; rows are repainted in place when the people are the same."""
        same_people = family.ids == self._family.ids
        self._family = family
        self._relationships = {pid: relationship_label(family, pid) for pid in family.ids}
        if link_labels is not None:
            self._link_labels = dict(link_labels)
        self._with_problems = with_problems
        if same_people and self._rows:
            self._rows = family.people
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
            )
        else:
            self.set_rows(family.people)

    def person_id_at(self, row: int) -> str:
        return self.row_at(row).id

    def row_of_person(self, person_id: str) -> int:
        """The row of the person ``person_id``, or -1."""
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return -1

    def relationship(self, person_id: str) -> str:
        return self._relationships.get(person_id, "")

    def display(self, item: Person, column: int) -> str | None:
        if column == self.COL_RELATIONSHIP:
            return self._relationships.get(item.id, "")
        if column == self.COL_NAME:
            return item.name
        if column == self.COL_SEX:
            return label(SEX_SHORT_LABELS, item.sex)
        if column == self.COL_BIRTH_AGE:
            return birth_and_age_text(item)
        if column == self.COL_VITAL:
            return vital_status_text(item)
        if column == self.COL_CANCERS:
            return cancers_summary(item)
        if column == self.COL_RESULTS:
            return results_summary(item)
        if column == self.COL_LINK:
            return self._link_labels.get(item.id, "") if item.patient_id is not None else ""
        return None

    def role_data(self, item: Person, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and item.proband:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_RELATIONSHIP and item.id in self._with_problems:
                return QCoreApplication.translate(self.CONTEXT, self._PROBLEM_TIP)
            if column == self.COL_SEX:
                return label(SEX_LABELS, item.sex)
            text = self.display(item, column)
            return text or None
        if column == self.COL_RELATIONSHIP and item.id in self._with_problems:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("warning")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#8c1d18")
        if column == self.COL_SEX and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == self.COL_LINK and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#2b5797")
        return None
