"""Table model over the administrator's break-the-glass review queue
(``services.sharing_service.BreakGlassReview``).

Who, when, which file id and the reason: never the patient's name nor any
content of the file (the service does not hand them). No widget code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.services.sharing_service import BreakGlassReview

__all__ = ["BreakGlassTableModel", "review_status_text"]

CONTEXT = "BreakGlassTableModel"

_PENDING_COLOUR = "#9a5b00"
_REVIEWED_COLOUR = "#1e7a3c"


def review_status_text(review: BreakGlassReview) -> str:
    """ "To review", or "Reviewed on <date> by <name>"."""
    if review.reviewed_at is None:
        return QCoreApplication.translate("BreakGlassTableModel", "To review")
    name = review.reviewed_by.display_name if review.reviewed_by is not None else "?"
    return QCoreApplication.translate(
        "BreakGlassTableModel", "Reviewed on {date} by {name}"
    ).format(date=format_local_datetime(review.reviewed_at), name=name)


class BreakGlassTableModel(RowTableModel[BreakGlassReview]):
    """One row per break-the-glass access, oldest first (the service's order)."""

    CONTEXT = CONTEXT
    COL_WHEN = 0
    COL_USER = 1
    COL_ROLE = 2
    COL_STRUCTURE = 3
    COL_FILE = 4
    COL_REASON = 5
    COL_STATUS = 6
    COL_COMMENT = 7
    HEADERS = (
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Date and time"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "User"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Role"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Structure"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "File no."),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Reason"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Status"),
        QT_TRANSLATE_NOOP("BreakGlassTableModel", "Review comment"),
    )

    def pending_count(self) -> int:
        return sum(1 for review in self.rows() if review.reviewed_at is None)

    def display(self, item: BreakGlassReview, column: int) -> str | None:
        if column == self.COL_WHEN:
            return format_local_datetime(item.occurred_at)
        if column == self.COL_USER:
            return item.user.display_name
        if column == self.COL_ROLE:
            return role_label(item.user.role)
        if column == self.COL_STRUCTURE:
            return item.user.structure_name
        if column == self.COL_FILE:
            return str(item.patient_id)
        if column == self.COL_REASON:
            return item.reason
        if column == self.COL_STATUS:
            return review_status_text(item)
        if column == self.COL_COMMENT:
            return item.comment
        return None

    def role_data(self, item: BreakGlassReview, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.COL_STRUCTURE,
            self.COL_REASON,
            self.COL_STATUS,
            self.COL_COMMENT,
        ):
            return self.display(item, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return QColor(_PENDING_COLOUR if item.reviewed_at is None else _REVIEWED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_FILE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
