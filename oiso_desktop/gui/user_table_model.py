"""Table model over the user accounts (``services.dto.UserView``), and its filter proxy.

No widget code: tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.domain.text import fold
from oiso_desktop.gui.i18n import role_label, status_label
from oiso_desktop.services.dto import UserView

__all__ = ["UserFilterProxyModel", "UserTableModel", "format_local_datetime"]

CONTEXT = "UserTableModel"

_STATUS_COLOURS = {
    AccountStatus.ACTIVE: "#1e7a3c",
    AccountStatus.SUSPENDED: "#9a5b00",
    AccountStatus.REVOKED: "#b3261e",
    AccountStatus.DELETED: "#7b8794",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def format_local_datetime(value: datetime | str | None, *, seconds: bool = False) -> str:
    """A UTC instant shown in local time: 'dd/mm/yyyy hh:mm[:ss]'.

    ``value``: an aware datetime, a naive one (taken as UTC) or ISO 8601 text
    ("2026-11-23T21:03:41.123456Z", as stored in the event log).
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    return local.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


class UserTableModel(QAbstractTableModel):
    """One row per user account."""

    COL_LOGIN = 0
    COL_NAME = 1
    COL_ROLE = 2
    COL_STATUS = 3
    COL_IDENTIFIER = 4
    COL_STRUCTURE = 5
    COL_LAST_LOGIN = 6
    COLUMN_COUNT = 7

    USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    USER_ROLE = Qt.ItemDataRole.UserRole + 2
    # folded text of the row, for accent-insensitive filtering
    FILTER_ROLE = Qt.ItemDataRole.UserRole + 3

    _HEADERS = (
        QT_TRANSLATE_NOOP("UserTableModel", "Login"),
        QT_TRANSLATE_NOOP("UserTableModel", "Name"),
        QT_TRANSLATE_NOOP("UserTableModel", "Role"),
        QT_TRANSLATE_NOOP("UserTableModel", "Status"),
        QT_TRANSLATE_NOOP("UserTableModel", "RPPS / ADELI"),
        QT_TRANSLATE_NOOP("UserTableModel", "Structure"),
        QT_TRANSLATE_NOOP("UserTableModel", "Last login"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserView] = []

    def set_rows(self, rows: Sequence[UserView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def user(self, row: int) -> UserView:
        return self._rows[row]

    def row_of(self, user_id: int) -> int:
        for row, user in enumerate(self._rows):
            if user.id == user_id:
                return row
        return -1

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
        user = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == self.USER_ID_ROLE:
            return user.id
        if role == self.USER_ROLE:
            return user
        if role == self.FILTER_ROLE:
            return fold(
                " ".join(str(self._display(user, c) or "") for c in range(self.COLUMN_COUNT))
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            colour = _STATUS_COLOURS.get(AccountStatus(user.status))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and user.status != AccountStatus.ACTIVE:
            return QColor("#7b8794")
        return None

    def _display(self, user: UserView, column: int) -> str | None:
        if column == self.COL_LOGIN:
            return user.login
        if column == self.COL_NAME:
            return user.display_name
        if column == self.COL_ROLE:
            return role_label(user.role)
        if column == self.COL_STATUS:
            return status_label(user.status)
        if column == self.COL_IDENTIFIER:
            parts = []
            if user.rpps:
                parts.append(
                    QCoreApplication.translate("UserTableModel", "RPPS {number}").format(
                        number=user.rpps
                    )
                )
            if user.adeli:
                parts.append(
                    QCoreApplication.translate("UserTableModel", "ADELI {number}").format(
                        number=user.adeli
                    )
                )
            return " · ".join(parts)
        if column == self.COL_STRUCTURE:
            return user.structure_name or ""
        if column == self.COL_LAST_LOGIN:
            return format_local_datetime(user.last_login_at) or QCoreApplication.translate(
                "UserTableModel", "Never"
            )
        return None


class UserFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose text contains every word typed (accents and case ignored)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

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
        model = self.sourceModel()
        haystack = model.index(source_row, 0, source_parent).data(UserTableModel.FILTER_ROLE)
        return all(word in (haystack or "") for word in self._words)
