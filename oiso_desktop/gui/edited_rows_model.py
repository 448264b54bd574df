"""Base of the tables of a form being edited (Antécédents, Génétique tabs).

One row per item of the form, in its order; each row carries the translated texts
of its problems. The rows are replaced in place while the user types, so that the
selection stays; the first cell of a row with problems shows an error icon and the
problems as its tool tip; any other cell's tool tip is its text (often wider than its
column). No widget code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Qt

from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.table_model_base import RowTableModel

__all__ = ["EditedRowsModel"]


class _EditedRow(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def problems(self) -> tuple[str, ...]: ...


RowT = TypeVar("RowT", bound=_EditedRow)


class EditedRowsModel(RowTableModel[RowT]):
    """Rows replaced in place while the user types, so that the selection stays."""

    def update_rows(self, rows: Sequence[RowT]) -> None:
        """Show ``rows``: in place when the count is unchanged, else by a reset."""
        if len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        self._rows = tuple(rows)
        if rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, self.COLUMN_COUNT - 1)
            )

    def role_data(self, item: RowT, column: int, role: int) -> Any:
        if column == 0 and item.problems:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("error")
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(item.problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The details and comments are often wider than their column.
            return self.display(item, column) or None
        return None
