"""Base of the read-only table models: one row per frozen data object.

A subclass declares its columns (``COL_*`` constants and ``HEADERS``, the
``QT_TRANSLATE_NOOP`` sources of the header labels in the subclass's
``CONTEXT``) and says what a cell shows (:meth:`RowTableModel.display`) and,
if needed, what it gives for other roles (:meth:`RowTableModel.role_data`).
The rows are kept as a tuple of the objects handed by the service: the model
never holds a database session. No widget code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

__all__ = ["RowTableModel"]


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=_Identified)


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows, columns and headers of a table of ``RowT`` objects (each with an ``id``)."""

    #: translation context of the header labels
    CONTEXT: ClassVar[str] = ""
    #: header label sources, one per column, in column order
    HEADERS: ClassVar[tuple[str, ...]] = ()
    #: len(HEADERS), set for each subclass
    COLUMN_COUNT: ClassVar[int] = 0

    #: the ``id`` of the row's object (int), for any column
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    #: the row's object itself, for any column
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2
    #: first role number free for a subclass
    FIRST_FREE_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.COLUMN_COUNT = len(cls.HEADERS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def rows(self) -> tuple[RowT, ...]:
        return self._rows

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """The row whose object has the id ``row_id``, or -1."""
        for row, item in enumerate(self._rows):
            if item.id == row_id:
                return row
        return -1

    def header_label(self, column: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.HEADERS[column])

    # --------------------------------------------------------- for subclasses
    def display(self, item: RowT, column: int) -> str | None:
        """The text of ``column`` for ``item`` (DisplayRole)."""
        raise NotImplementedError

    def role_data(self, item: RowT, column: int, role: int) -> Any:
        """Any other role than display, id and row (tool tips, colours...)."""
        return None

    # --------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, index.column())
        if role == self.ID_ROLE:
            return item.id
        if role == self.ROW_ROLE:
            return item
        return self.role_data(item, index.column(), role)
