"""Table model over the user accounts (``services.dto.UserView``), and its filter proxy.

No widget code: tested on its own.
"""

from __future__ import annotations

from datetime import UTC, datetime
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

from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.domain.text import fold
from oiso_desktop.gui.i18n import role_label, status_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.dto import UserView

__all__ = ["UserFilterProxyModel", "UserTableModel", "format_local_datetime"]

CONTEXT = "UserTableModel"

_STATUS_COLOURS = {
    AccountStatus.ACTIVE: "#1e7a3c",
    AccountStatus.SUSPENDED: "#9a5b00",
    AccountStatus.REVOKED: "#b3261e",
    AccountStatus.DELETED: "#7b8794",
}
# the other cells of an account that is not active
_INACTIVE_COLOUR = "#7b8794"


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


class UserTableModel(RowTableModel[UserView]):
    """One row per user account."""

    CONTEXT = CONTEXT
    COL_LOGIN = 0
    COL_NAME = 1
    COL_ROLE = 2
    COL_STATUS = 3
    COL_IDENTIFIER = 4
    COL_STRUCTURE = 5
    COL_LAST_LOGIN = 6
    HEADERS = (
        QT_TRANSLATE_NOOP("UserTableModel", "Login"),
        QT_TRANSLATE_NOOP("UserTableModel", "Name"),
        QT_TRANSLATE_NOOP("UserTableModel", "Role"),
        QT_TRANSLATE_NOOP("UserTableModel", "Status"),
        QT_TRANSLATE_NOOP("UserTableModel", "RPPS / ADELI"),
        QT_TRANSLATE_NOOP("UserTableModel", "Structure"),
        QT_TRANSLATE_NOOP("UserTableModel", "Last login"),
    )

    USER_ID_ROLE = RowTableModel.ID_ROLE
    USER_ROLE = RowTableModel.ROW_ROLE
    # folded text of the row, for accent-insensitive filtering
    FILTER_ROLE = RowTableModel.FIRST_FREE_ROLE

    def display(self, item: UserView, column: int) -> str | None:
        if column == self.COL_LOGIN:
            return item.login
        if column == self.COL_NAME:
            return item.display_name
        if column == self.COL_ROLE:
            return role_label(item.role)
        if column == self.COL_STATUS:
            return status_label(item.status)
        if column == self.COL_IDENTIFIER:
            parts = []
            if item.rpps:
                parts.append(
                    QCoreApplication.translate("UserTableModel", "RPPS {number}").format(
                        number=item.rpps
                    )
                )
            if item.adeli:
                parts.append(
                    QCoreApplication.translate("UserTableModel", "ADELI {number}").format(
                        number=item.adeli
                    )
                )
            return " · ".join(parts)
        if column == self.COL_STRUCTURE:
            return item.structure_name or ""
        if column == self.COL_LAST_LOGIN:
            never = QCoreApplication.translate("UserTableModel", "Never")
            return format_local_datetime(item.last_login_at) or never
        return None

    def role_data(self, item: UserView, column: int, role: int) -> Any:
        if role == self.FILTER_ROLE:
            return fold(
                " ".join(str(self.display(item, c) or "") for c in range(self.COLUMN_COUNT))
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_STATUS:
                colour = _STATUS_COLOURS.get(AccountStatus(item.status))
                return QColor(colour) if colour else None
            if item.status != AccountStatus.ACTIVE:
                return QColor(_INACTIVE_COLOUR)
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
