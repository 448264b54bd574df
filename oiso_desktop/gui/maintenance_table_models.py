"""Table models of the administrators' "Maintenance" page: the inactive accounts
(``MaintenanceService.inactive_users``) and the outbox messages
(``OutboxService.list_messages``; never a message body).

No widget code: tested through the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.maintenance_service import InactiveUser
from oiso_desktop.services.outbox_service import OutboxView

__all__ = ["InactiveRow", "InactiveUserTableModel", "OutboxTableModel", "format_local_date"]

INACTIVE_CONTEXT = "InactiveUserTableModel"
OUTBOX_CONTEXT = "OutboxTableModel"


def format_local_date(value: dt.datetime | None) -> str:
    """A UTC instant shown as its local date, 'dd/mm/yyyy' ("" for None)."""
    return format_local_datetime(value)[:10]


@dataclass(frozen=True)
class InactiveRow:
    """An inactive account, identified by its user id (for the table's selection)."""

    user: InactiveUser

    @property
    def id(self) -> int:
        return self.user.user_id


class InactiveUserTableModel(RowTableModel[InactiveRow]):
    """One row per account warned, or due a warning, oldest sign-in first."""

    CONTEXT = INACTIVE_CONTEXT
    COL_LOGIN = 0
    COL_NAME = 1
    COL_ROLE = 2
    COL_LAST_LOGIN = 3
    COL_WARNED = 4
    COL_DUE = 5
    HEADERS = (
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Login"),
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Name"),
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Role"),
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Last sign-in"),
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Warned on"),
        QT_TRANSLATE_NOOP("InactiveUserTableModel", "Revocation due on"),
    )

    def set_users(self, users: list[InactiveUser] | tuple[InactiveUser, ...]) -> None:
        self.set_rows([InactiveRow(user) for user in users])

    def user_at(self, row: int) -> InactiveUser:
        return self.row_at(row).user

    def display(self, item: InactiveRow, column: int) -> str | None:
        user = item.user
        if column == self.COL_LOGIN:
            return user.login
        if column == self.COL_NAME:
            return user.display_name
        if column == self.COL_ROLE:
            return role_label(user.role)
        if column == self.COL_LAST_LOGIN:
            if user.never_logged_in:
                return QCoreApplication.translate("InactiveUserTableModel", "never")
            return format_local_date(user.last_seen)
        if column == self.COL_WARNED:
            if user.warned_at is None:
                return QCoreApplication.translate("InactiveUserTableModel", "not yet")
            return format_local_date(user.warned_at)
        if column == self.COL_DUE:
            return format_local_date(user.revocation_due)
        return None

    def role_data(self, item: InactiveRow, column: int, role: int) -> Any:
        user = item.user
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == self.COL_LAST_LOGIN
            and user.never_logged_in
        ):
            return QCoreApplication.translate(
                "InactiveUserTableModel", "Never signed in; account created on {date}"
            ).format(date=format_local_date(user.last_seen))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DUE:
            return QColor("#b3261e")
        return None


class OutboxTableModel(RowTableModel[OutboxView]):
    """One row per message of the outbox, newest first (never the body)."""

    CONTEXT = OUTBOX_CONTEXT
    COL_RECIPIENT = 0
    COL_SUBJECT = 1
    COL_CREATED = 2
    COL_ATTEMPTS = 3
    COL_NEXT = 4
    COL_SENT = 5
    COL_ERROR = 6
    HEADERS = (
        QT_TRANSLATE_NOOP("OutboxTableModel", "Recipient"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Subject"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Created"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Attempts"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Next attempt"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Sent"),
        QT_TRANSLATE_NOOP("OutboxTableModel", "Error"),
    )

    def display(self, item: OutboxView, column: int) -> str | None:
        if column == self.COL_RECIPIENT:
            return item.recipient
        if column == self.COL_SUBJECT:
            return item.subject
        if column == self.COL_CREATED:
            return format_local_datetime(item.created_at)
        if column == self.COL_ATTEMPTS:
            return str(item.attempts)
        if column == self.COL_NEXT:
            return "" if item.sent_at is not None else format_local_datetime(item.next_attempt_at)
        if column == self.COL_SENT:
            return format_local_datetime(item.sent_at)
        if column == self.COL_ERROR:
            return item.last_error
        return None

    def role_data(self, item: OutboxView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SUBJECT:
            return item.subject
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_ERROR and item.last_error:
            return item.last_error
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and item.sent_at is None
            and item.last_error
            and column == self.COL_ERROR
        ):
            return QColor("#b3261e")
        return None
