"""Table models of the "Partages" page (``services.sharing_service.ShareView``).

* :class:`SharedByMeModel`: the shares of the files I own (patient, recipient,
  level, date, message);
* :class:`SharedWithMeModel`: the files shared with me (patient, owner, level,
  date, message);
* :class:`ShareFilterProxyModel`: keeps the rows containing every word typed
  (accents and case ignored).

No widget code: tested on their own. The rows are the frozen ``ShareView``
objects the service hands; the models never hold a database session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.domain.text import fold
from oiso_desktop.gui.patient_table_model import format_date
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.sharing_service import ShareView, UserRef

__all__ = [
    "ShareFilterProxyModel",
    "ShareRow",
    "SharedByMeModel",
    "SharedWithMeModel",
    "share_level_label",
]

CONTEXT = "SharesTableModel"

LEVEL_LABELS: dict[ShareAccess, str] = {
    ShareAccess.READ: QT_TRANSLATE_NOOP("SharesTableModel", "Read only"),
    ShareAccess.WRITE: QT_TRANSLATE_NOOP("SharesTableModel", "Read and write"),
}
_WRITE_COLOUR = "#1d5c8c"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def share_level_label(level: ShareAccess | str) -> str:
    """ "Lecture seule" / "Lecture et écriture"."""
    try:
        return _tr(LEVEL_LABELS[ShareAccess(level)])
    except ValueError:
        return str(level)


@dataclass(frozen=True)
class ShareRow:
    """One share in a table: ``id`` is the row's place in the service's list (a share
    has no id of its own: it is the pair patient, recipient)."""

    id: int
    share: ShareView


def share_rows(shares: Sequence[ShareView]) -> tuple[ShareRow, ...]:
    return tuple(ShareRow(index, share) for index, share in enumerate(shares))


class _ShareModel(RowTableModel[ShareRow]):
    CONTEXT = CONTEXT
    #: the ShareView of the row, for any column
    SHARE_ROLE = RowTableModel.FIRST_FREE_ROLE
    #: the patient id of the row (int), for any column
    PATIENT_ID_ROLE = RowTableModel.FIRST_FREE_ROLE + 1
    #: folded text of the row, for accent-insensitive filtering
    FILTER_ROLE = RowTableModel.FIRST_FREE_ROLE + 2

    COL_PATIENT = 0
    COL_BIRTH_DATE = 1
    COL_PERSON = 2  # the recipient (by me) or the owner (with me)
    COL_LEVEL = 3
    COL_DATE = 4
    COL_MESSAGE = 5

    def set_shares(self, shares: Sequence[ShareView]) -> None:
        self.set_rows(share_rows(shares))

    def shares(self) -> tuple[ShareView, ...]:
        return tuple(row.share for row in self.rows())

    def share_at(self, row: int) -> ShareView:
        return self.row_at(row).share

    def person(self, share: ShareView) -> str:
        raise NotImplementedError

    def display(self, item: ShareRow, column: int) -> str | None:
        share = item.share
        if column == self.COL_PATIENT:
            return share.patient.display_name
        if column == self.COL_BIRTH_DATE:
            return format_date(share.patient.birth_date)
        if column == self.COL_PERSON:
            return self.person(share)
        if column == self.COL_LEVEL:
            return share_level_label(share.access)
        if column == self.COL_DATE:
            return format_local_datetime(share.granted_at)
        if column == self.COL_MESSAGE:
            # one line in the table; the tool tip shows it whole
            return " ".join(share.message.split())
        return None

    def role_data(self, item: ShareRow, column: int, role: int) -> Any:
        share = item.share
        if role == self.SHARE_ROLE:
            return share
        if role == self.PATIENT_ID_ROLE:
            return share.patient.id
        if role == self.FILTER_ROLE:
            return fold(
                " ".join(str(self.display(item, c) or "") for c in range(self.COLUMN_COUNT))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_MESSAGE:
                return share.message or None
            if column == self.COL_PERSON:
                return self._person_tooltip(share)
            if column == self.COL_PATIENT:
                return share.patient.display_name
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COL_LEVEL
            and share.access is ShareAccess.WRITE
        ):
            return QColor(_WRITE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_BIRTH_DATE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _person_tooltip(self, share: ShareView) -> str | None:
        person = self._person_ref(share)
        if not person.structure_name:
            return person.display_name
        return f"{person.display_name} — {person.structure_name}"

    def _person_ref(self, share: ShareView) -> UserRef:
        raise NotImplementedError


class SharedByMeModel(_ShareModel):
    """The shares of the files I own: who I shared each with, at which level."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SharesTableModel", "Patient"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Born on"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Shared with"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Level"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Since"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Message"),
    )

    def person(self, share: ShareView) -> str:
        return share.recipient.display_name

    def _person_ref(self, share: ShareView) -> UserRef:
        return share.recipient


class SharedWithMeModel(_ShareModel):
    """The files shared with me: whose, at which level."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SharesTableModel", "Patient"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Born on"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Responsible practitioner"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Level"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Since"),
        QT_TRANSLATE_NOOP("SharesTableModel", "Message"),
    )

    def person(self, share: ShareView) -> str:
        return share.owner.display_name

    def _person_ref(self, share: ShareView) -> UserRef:
        return share.owner


class ShareFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose text contains every word typed (accents and case ignored)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_filter_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        haystack = (
            self.sourceModel().index(source_row, 0, source_parent).data(_ShareModel.FILTER_ROLE)
        )
        return all(word in (haystack or "") for word in self._words)
