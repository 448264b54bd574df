"""Table model over the access alerts (``services.alerts_service.AccessAlertView``).

No widget code: tested on its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from oiso_desktop.domain.retention import AlertKind
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.alerts_service import AccessAlertView, AlertAction

__all__ = ["AlertTableModel", "alert_kind_label"]

CONTEXT = "AlertTableModel"

KIND_LABELS = {
    AlertKind.MANY_FILES: QT_TRANSLATE_NOOP("AlertTableModel", "Many files opened"),
    AlertKind.OFF_HOURS: QT_TRANSLATE_NOOP("AlertTableModel", "Off-hours use"),
    AlertKind.FAILED_LOGINS: QT_TRANSLATE_NOOP("AlertTableModel", "Repeated failed sign-ins"),
    AlertKind.BREAK_GLASS: QT_TRANSLATE_NOOP("AlertTableModel", "Break-the-glass"),
}


def alert_kind_label(kind: AlertKind) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_LABELS[kind])


class AlertTableModel(RowTableModel[AccessAlertView]):
    """One row per alert, newest first (the service's order)."""

    CONTEXT = CONTEXT
    COL_WHEN = 0
    COL_KIND = 1
    COL_ACCOUNT = 2
    COL_COUNT = 3
    COL_STATE = 4
    HEADERS = (
        QT_TRANSLATE_NOOP("AlertTableModel", "When"),
        QT_TRANSLATE_NOOP("AlertTableModel", "Alert"),
        QT_TRANSLATE_NOOP("AlertTableModel", "Account"),
        QT_TRANSLATE_NOOP("AlertTableModel", "How many"),
        QT_TRANSLATE_NOOP("AlertTableModel", "Review"),
    )

    def display(self, item: AccessAlertView, column: int) -> str | None:
        if column == self.COL_WHEN:
            start = format_local_datetime(item.window_start)
            if item.window_end == item.window_start:
                return start
            end = format_local_datetime(item.window_end)
            if end[:10] == start[:10]:
                end = end[11:]
            return f"{start} – {end}"
        if column == self.COL_KIND:
            return alert_kind_label(item.kind)
        if column == self.COL_ACCOUNT:
            if item.display_name:
                return f"{item.display_name} ({item.login})"
            return item.login or QCoreApplication.translate("AlertTableModel", "Unknown login")
        if column == self.COL_COUNT:
            return str(item.count)  # files opened, actions, failures (the kind says)
        if column == self.COL_STATE:
            parts = []
            if item.action == AlertAction.INFORMED:
                parts.append(QCoreApplication.translate("AlertTableModel", "User informed"))
            elif item.action == AlertAction.SUSPENDED:
                parts.append(QCoreApplication.translate("AlertTableModel", "Account suspended"))
            if item.reviewed_at is not None:
                parts.append(
                    QCoreApplication.translate(
                        "AlertTableModel", "Reviewed on {date} by {name}"
                    ).format(
                        date=format_local_datetime(item.reviewed_at)[:10], name=item.reviewed_by
                    )
                )
            else:
                parts.append(QCoreApplication.translate("AlertTableModel", "To review"))
            return " · ".join(parts)
        return None

    def role_data(self, item: AccessAlertView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_STATE and item.comment:
            return item.comment
        if role == Qt.ItemDataRole.ForegroundRole and item.reviewed_at is not None:
            return QColor("#7b8794")
        return None
