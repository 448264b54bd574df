"""A table of a long id list whose rows are fetched by pages, as they come into view.

Shared by the patient list (``patient_table_model.PatientListModel``) and the
follow-up worklists (``worklist_table_model.WorklistTableModel``): the service
gives every id of the list at once (cheap), the rows' data come page by page from a
``loader`` run in the background. :meth:`load_rows` asks the pages of the rows in
view that are neither held nor on their way; at most :attr:`MAX_HELD_PAGES` are
held (the least recently wanted go); an answer for an older list is dropped (each
new list bumps a generation). A row whose id is no longer found in its page's
answer is held as None ("gone").

A subclass gives ``COLUMN_COUNT``, the row's id (:meth:`row_id`), what a loader's
answer holds (:meth:`page_rows`), and the cells (``data``, ``headerData``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)

__all__ = ["PagedIdTableModel"]

RowT = TypeVar("RowT")

#: ``loader(ids, on_loaded(answer), on_failed(exc))``: fetch the rows of ``ids`` (each
#: model names its own answer type: ``PageLoader``, ``WorklistPageLoader``).
PagedLoader = Callable[..., None]


class PagedIdTableModel(QAbstractTableModel, Generic[RowT]):
    """Every id of a list; the rows of the pages in view (see the module)."""

    COLUMN_COUNT = 0
    #: rows per page (a screenful is 20 to 40)
    PAGE_SIZE = 50
    #: pages held at most; the others are fetched again if they come back into view
    MAX_HELD_PAGES = 20

    #: rows first..last (inclusive) were filled by a page that arrived
    sig_rows_loaded = Signal(int, int)
    #: a page could not be fetched (the exception); asked again when next in view
    sig_load_failed = Signal(object)

    def __init__(self, loader: PagedLoader | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._ids: tuple[int, ...] = ()
        # page number -> one entry per id of the page (a row, or None: gone)
        self._pages: OrderedDict[int, tuple[RowT | None, ...]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0

    # ------------------------------------------------------------ for subclasses
    def row_id(self, row: RowT) -> int:
        """The id a row is listed under."""
        raise NotImplementedError

    def page_rows(self, answer: Any) -> Sequence[RowT]:
        """The rows in a loader's answer (the answer itself by default)."""
        return answer  # type: ignore[no-any-return]

    def _new_list(self, ids: Sequence[int]) -> None:
        """Forget the pages of the list shown (inside a model reset)."""
        self._generation += 1
        self._ids = tuple(ids)
        self._pages.clear()
        self._pending.clear()

    def _store_page(self, page: int, rows: Sequence[RowT]) -> None:
        """Hold ``rows`` (found by id) as ``page``; an id of the page not among them is gone."""
        by_id = {self.row_id(row): row for row in rows}
        ids = self._page_ids(page)
        self._pages[page] = tuple(by_id.get(item_id) for item_id in ids)
        self._pages.move_to_end(page)

    def _page_ids(self, page: int) -> tuple[int, ...]:
        return self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]

    # ------------------------------------------------------------------ the list
    def ids(self) -> tuple[int, ...]:
        return self._ids

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_at(self, row: int) -> RowT | None:
        """The data of ``row``; None while its page is not loaded (or the row is gone)."""
        page = self._pages.get(row // self.PAGE_SIZE)
        return None if page is None else page[row % self.PAGE_SIZE]

    def is_row_loaded(self, row: int) -> bool:
        return row // self.PAGE_SIZE in self._pages

    def held_pages(self) -> tuple[int, ...]:
        """The pages held now, least recently wanted first."""
        return tuple(self._pages)

    def pending_pages(self) -> frozenset[int]:
        return frozenset(self._pending)

    # ------------------------------------------------------------------ loading
    def load_rows(self, first: int, last: int) -> list[int]:
        """Make sure the rows ``first``..``last`` are (being) loaded; returns the
        pages asked from the loader now."""
        if not self._ids or last < first:
            return []
        first = max(0, first)
        last = min(last, len(self._ids) - 1)
        asked = []
        for page in range(first // self.PAGE_SIZE, last // self.PAGE_SIZE + 1):
            if page in self._pages:
                self._pages.move_to_end(page)  # recently wanted: kept longest
            elif page not in self._pending and self._loader is not None:
                asked.append(page)
        for page in asked:
            self._pending.add(page)
            generation = self._generation
            self._loader(
                self._page_ids(page),
                lambda answer, g=generation, p=page: self._on_page_loaded(g, p, answer),
                lambda exc, g=generation, p=page: self._on_page_failed(g, p, exc),
            )
        return asked

    def _on_page_loaded(self, generation: int, page: int, answer: Any) -> None:
        if generation != self._generation:
            return  # an answer for an older list
        self._pending.discard(page)
        self._page_answered(answer)
        self._store_page(page, self.page_rows(answer))
        start = page * self.PAGE_SIZE
        last = min(start + self.PAGE_SIZE, len(self._ids)) - 1
        self.dataChanged.emit(self.index(start, 0), self.index(last, self.COLUMN_COUNT - 1))
        self._evict()
        self.sig_rows_loaded.emit(start, last)

    def _page_answered(self, answer: Any) -> None:
        """What else a page's answer says (a subclass's hook; nothing by default)."""

    def _on_page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self.sig_load_failed.emit(exc)

    def _evict(self) -> None:
        while len(self._pages) > self.MAX_HELD_PAGES:
            page, _rows = self._pages.popitem(last=False)
            start = page * self.PAGE_SIZE
            last = min(start + self.PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, self.COLUMN_COUNT - 1))

    # ------------------------------------------------------------ Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT
