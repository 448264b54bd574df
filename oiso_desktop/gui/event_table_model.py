"""Table model over event-log records (``services.dto.EventView``). No widget code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.dto import EventView

__all__ = ["ACTION_LABELS", "EventTableModel", "action_label", "object_label"]

CONTEXT = "EventTableModel"

# every action code of docs/ARCHITECTURE.md, with its label
ACTION_LABELS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("EventTableModel", "Login"),
    "login_failed": QT_TRANSLATE_NOOP("EventTableModel", "Failed login"),
    "logout": QT_TRANSLATE_NOOP("EventTableModel", "Logout"),
    "lock": QT_TRANSLATE_NOOP("EventTableModel", "Session locked"),
    "unlock": QT_TRANSLATE_NOOP("EventTableModel", "Session unlocked"),
    "password_changed": QT_TRANSLATE_NOOP("EventTableModel", "Password changed"),
    "recovery_used": QT_TRANSLATE_NOOP("EventTableModel", "Recovery code used"),
    "database_created": QT_TRANSLATE_NOOP("EventTableModel", "Database created"),
    "database_rekeyed": QT_TRANSLATE_NOOP("EventTableModel", "Database re-keyed"),
    "user_created": QT_TRANSLATE_NOOP("EventTableModel", "Account created"),
    "user_updated": QT_TRANSLATE_NOOP("EventTableModel", "Account modified"),
    "user_suspended": QT_TRANSLATE_NOOP("EventTableModel", "Account suspended"),
    "user_reactivated": QT_TRANSLATE_NOOP("EventTableModel", "Account reactivated"),
    "user_revoked": QT_TRANSLATE_NOOP("EventTableModel", "Account revoked"),
    "password_reset": QT_TRANSLATE_NOOP("EventTableModel", "Password reset"),
    "structure_saved": QT_TRANSLATE_NOOP("EventTableModel", "Structure saved"),
    "patient_created": QT_TRANSLATE_NOOP("EventTableModel", "Patient file created"),
    "patient_updated": QT_TRANSLATE_NOOP("EventTableModel", "Patient file modified"),
    "patient_viewed": QT_TRANSLATE_NOOP("EventTableModel", "Patient file viewed"),
    "patient_searched": QT_TRANSLATE_NOOP("EventTableModel", "Patient search"),
    "events_exported": QT_TRANSLATE_NOOP("EventTableModel", "Event log exported"),
    "events_verified": QT_TRANSLATE_NOOP("EventTableModel", "Event log verified"),
}

OBJECT_TYPE_LABELS: dict[str, str] = {
    "patient": QT_TRANSLATE_NOOP("EventTableModel", "Patient"),
    "user": QT_TRANSLATE_NOOP("EventTableModel", "Account"),
    "structure": QT_TRANSLATE_NOOP("EventTableModel", "Structure"),
    "database": QT_TRANSLATE_NOOP("EventTableModel", "Database"),
    "events": QT_TRANSLATE_NOOP("EventTableModel", "Event log"),
}

# actions shown in a warning colour
ALERT_ACTIONS = frozenset({"login_failed", "recovery_used", "user_revoked", "database_rekeyed"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(code: str) -> str:
    source = ACTION_LABELS.get(code)
    return _tr(source) if source else code


def object_label(object_type: str | None, object_id: int | None) -> str:
    """'Patient n° 12'; the type alone without an id; '' without a type."""
    if not object_type:
        return (
            ""
            if object_id is None
            else QCoreApplication.translate("EventTableModel", "No. {id}").format(id=object_id)
        )
    source = OBJECT_TYPE_LABELS.get(object_type)
    name = _tr(source) if source else object_type
    if object_id is None:
        return name
    return QCoreApplication.translate("EventTableModel", "{type} no. {id}").format(
        type=name, id=object_id
    )


class EventTableModel(QAbstractTableModel):
    """One row per event, newest first as given by the service."""

    COL_WHEN = 0
    COL_USER = 1
    COL_ACTION = 2
    COL_OBJECT = 3
    COL_WORKSTATION = 4
    COL_VERSION = 5
    COLUMN_COUNT = 6

    EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    EVENT_ROLE = Qt.ItemDataRole.UserRole + 2

    _HEADERS = (
        QT_TRANSLATE_NOOP("EventTableModel", "Date / time"),
        QT_TRANSLATE_NOOP("EventTableModel", "User"),
        QT_TRANSLATE_NOOP("EventTableModel", "Action"),
        QT_TRANSLATE_NOOP("EventTableModel", "Object"),
        QT_TRANSLATE_NOOP("EventTableModel", "Workstation"),
        QT_TRANSLATE_NOOP("EventTableModel", "Version"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventView] = []

    def set_rows(self, rows: Sequence[EventView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def event_at(self, row: int) -> EventView:
        return self._rows[row]

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
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHEN:
                return format_local_datetime(record.occurred_at, seconds=True)
            if column == self.COL_USER:
                return record.login or ""
            if column == self.COL_ACTION:
                return action_label(record.action)
            if column == self.COL_OBJECT:
                return object_label(record.object_type, record.object_id)
            if column == self.COL_WORKSTATION:
                return record.workstation or ""
            if column == self.COL_VERSION:
                return record.app_version or ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_ACTION:
            return record.action
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COL_ACTION
            and record.action in ALERT_ACTIONS
        ):
            return QColor("#b3261e")
        if role == self.EVENT_ID_ROLE:
            return record.id
        if role == self.EVENT_ROLE:
            return record
        return None
