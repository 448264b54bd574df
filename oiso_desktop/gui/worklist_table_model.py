"""The lazy table model of the follow-up worklists (the "Suivi" page).

A worklist (``FollowupService.worklist``) gives the plan item ids of every row at
once, in the order asked; :class:`WorklistTableModel` keeps those ids and holds the
rows (``WorklistRow``) of a few pages only, fetched when they come into view
(:meth:`WorklistTableModel.load_rows`) through the page loader the view gives it (a
background task calling ``FollowupService.worklist_page``); pages out of view are
dropped. Sorting asks the view for a new list in the service's order
(:attr:`WorklistTableModel.sig_sort_requested`): the model never sorts rows it does
not hold. Patients lost to follow-up stand out (bold, dark red, a warning icon).

No widget code; the model never holds a database session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.gui.followup_labels import exam_label, worklist_label
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.paged_table_model import PagedIdTableModel
from oiso_desktop.services.followup_service import WorklistIds, WorklistRow

__all__ = ["WorklistPageLoader", "WorklistTableModel", "status_text"]

CONTEXT = "WorklistTableModel"

LOST_COLOUR = "#8c1d18"
OVERDUE_COLOUR = "#7a4b00"
_MUTED = "#7b8794"
_PLACEHOLDER = "…"

# ``loader(item_ids, on_success, on_failure)``: fetch the rows of ``item_ids`` in the
# background (``FollowupService.worklist_page``), then call back on the GUI thread.
WorklistPageLoader = Callable[
    [
        tuple[int, ...],
        Callable[[Sequence[WorklistRow]], None],
        Callable[[BaseException], None],
    ],
    None,
]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _date(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def status_text(row: WorklistRow) -> str:
    """ "Perdu de vue · RDV le 12/01/2027": the most telling list of the row, then its
    next appointment or "not scheduled"."""
    for kind in (WorklistKind.LOST, WorklistKind.OVERDUE, WorklistKind.DUE_SOON):
        if kind in row.kinds:
            first = worklist_label(kind)
            break
    else:
        first = ""
    if row.scheduled_on is not None:
        second = QCoreApplication.translate("WorklistTableModel", "appointment on {date}").format(
            date=_date(row.scheduled_on)
        )
    else:
        second = QCoreApplication.translate("WorklistTableModel", "not scheduled")
    return f"{first} · {second}" if first else second


class WorklistTableModel(PagedIdTableModel[WorklistRow]):
    """A worklist: every plan item id, the rows of the pages in view."""

    COL_PATIENT = 0
    COL_BIRTH_DATE = 1
    COL_EXAM = 2
    COL_DUE = 3
    COL_LAST_DONE = 4
    COL_PRACTITIONER = 5
    COL_STATUS = 6
    HEADERS = (
        QT_TRANSLATE_NOOP("WorklistTableModel", "Patient"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Born on"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Exam"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Due date"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Last done"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Practitioner"),
        QT_TRANSLATE_NOOP("WorklistTableModel", "Status"),
    )
    COLUMN_COUNT = len(HEADERS)
    #: the service's sort key of each column (the status follows the due date)
    SORT_KEYS = {
        COL_PATIENT: "name",
        COL_BIRTH_DATE: "birth_date",
        COL_EXAM: "exam",
        COL_DUE: "next_due",
        COL_LAST_DONE: "last_done",
        COL_PRACTITIONER: "practitioner",
        COL_STATUS: "next_due",
    }

    #: the plan item id of the row (int), for any column, loaded or not
    ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    #: the WorklistRow (None while not loaded), for any column
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2
    #: the patient id (None while not loaded), for any column
    PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
    #: True for a row lost to follow-up
    LOST_ROLE = Qt.ItemDataRole.UserRole + 4

    #: a header was clicked: (service sort key, descending)
    sig_sort_requested = Signal(str, bool)

    def __init__(
        self, loader: WorklistPageLoader | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(loader, parent)
        self._kind: WorklistKind | None = None
        self._lost_icon: QIcon | None = None
        self._sort_column = self.COL_DUE
        self._descending = False

    # ------------------------------------------------------------------ the list
    def set_result(self, result: WorklistIds, first_rows: Sequence[WorklistRow] = ()) -> None:
        """A new list: its ids, and the rows of its first page when already fetched."""
        self.beginResetModel()
        self._new_list(result.ids)
        self._kind = result.kind
        if first_rows:
            self._store_page(0, first_rows)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._new_list(())
        self.endResetModel()

    def kind(self) -> WorklistKind | None:
        return self._kind

    def row_id(self, row: WorklistRow) -> int:
        return row.item_id

    def loaded_rows(self, rows: Sequence[int]) -> list[WorklistRow]:
        """The data of ``rows`` that are loaded, in that order."""
        found = [self.row_at(row) for row in rows if 0 <= row < len(self._ids)]
        return [item for item in found if item is not None]

    def sort_order(self) -> tuple[int, bool]:
        """(column, descending) of the list shown."""
        return self._sort_column, self._descending

    # ------------------------------------------------------------------ cells
    def header_label(self, column: int) -> str:
        return _tr(self.HEADERS[column])

    def display(self, item: WorklistRow, column: int) -> str:
        if column == self.COL_PATIENT:
            return item.patient_name
        if column == self.COL_BIRTH_DATE:
            return _date(item.birth_date)
        if column == self.COL_EXAM:
            return exam_label(item.exam, item.label)
        if column == self.COL_DUE:
            return _date(item.next_due)
        if column == self.COL_LAST_DONE:
            return _date(item.last_done)
        if column == self.COL_PRACTITIONER:
            return item.owner_name
        if column == self.COL_STATUS:
            return status_text(item)
        return ""

    def _role_data(self, item: WorklistRow, column: int, role: int) -> Any:
        lost = WorklistKind.LOST in item.kinds
        if role == self.LOST_ROLE:
            return lost
        if role == Qt.ItemDataRole.ToolTipRole:
            if lost and column in (self.COL_PATIENT, self.COL_STATUS):
                return QCoreApplication.translate(
                    "WorklistTableModel", "No exam for more than two intervals: lost to follow-up"
                )
            if column in (self.COL_PATIENT, self.COL_EXAM, self.COL_PRACTITIONER):
                return self.display(item, column) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if lost:
                return QColor(LOST_COLOUR)
            if WorklistKind.OVERDUE in item.kinds and column in (self.COL_DUE, self.COL_STATUS):
                return QColor(OVERDUE_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole and lost:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and lost and column == self.COL_PATIENT:
            if self._lost_icon is None:
                self._lost_icon = icon("warning")
            return self._lost_icon
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_BIRTH_DATE,
            self.COL_DUE,
            self.COL_LAST_DONE,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # ------------------------------------------------------------------ Qt interface
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.header_label(section)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, column = index.row(), index.column()
        if role == self.ITEM_ID_ROLE:
            return self._ids[row]
        page = self._pages.get(row // self.PAGE_SIZE)
        item = None if page is None else page[row % self.PAGE_SIZE]
        if item is None:
            if role == Qt.ItemDataRole.DisplayRole and column == self.COL_PATIENT:
                if page is None:
                    return _PLACEHOLDER
                return QCoreApplication.translate("WorklistTableModel", "No longer in this list")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(_MUTED)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == self.ROW_ROLE:
            return item
        if role == self.PATIENT_ID_ROLE:
            return item.patient_id
        return self._role_data(item, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the list in the order of ``column`` (the view runs the query)."""
        if column not in self.SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.sig_sort_requested.emit(self.SORT_KEYS[column], descending)
