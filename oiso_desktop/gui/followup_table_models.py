"""Table models of the file's Suivi tab: plan items, performed exams, appointments.

Over the service's frozen views (``services.followup_service.PlanItemView``,
``PerformedExamView``, ``services.appointment_service.AppointmentView``). No widget
code. The plan model marks each open item by where it stands on the day shown
(``domain.followup.worklist.classify``): overdue, lost to follow-up, due soon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from oiso_desktop.domain.followup.appointments import AppointmentStatus
from oiso_desktop.domain.followup.worklist import WorklistKind, classify
from oiso_desktop.gui.followup_labels import (
    ages_text,
    appointment_status_label,
    exam_label,
    plan_status_label,
    schedule_text,
    worklist_label,
)
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.appointment_service import AppointmentView
from oiso_desktop.services.followup_service import PerformedExamView, PlanItemView

__all__ = [
    "DUE_SOON_WEEKS",
    "AppointmentTableModel",
    "PerformedExamTableModel",
    "PlanItemTableModel",
    "french_day",
]

CONTEXT = "FollowupTables"

#: "Due soon" on the Suivi tab: within this many weeks (the worklists' default).
DUE_SOON_WEEKS = 8

_TO_CONFIRM = QT_TRANSLATE_NOOP("FollowupTables", "to be confirmed")
_ADJUSTED = QT_TRANSLATE_NOOP("FollowupTables", "adjusted")
_ADJUSTED_BECAUSE = QT_TRANSLATE_NOOP("FollowupTables", "adjusted: {reason}")
_SCHEDULED = QT_TRANSLATE_NOOP("FollowupTables", "appointment on {date}")

#: Background and text colours of the due-date badges.
BADGE_COLOURS: dict[WorklistKind, tuple[str, str]] = {
    WorklistKind.LOST: ("#f3c6c6", "#7a0e0e"),
    WorklistKind.OVERDUE: ("#fbdcdc", "#a11d1d"),
    WorklistKind.DUE_SOON: ("#fff1cc", "#7a4b00"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def french_day(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else "—"


class PlanItemTableModel(RowTableModel[PlanItemView]):
    """The items of a plan: exam, ages, rhythm, last and next exam, status, remarks."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowupTables", "Exam"),
        QT_TRANSLATE_NOOP("FollowupTables", "Ages"),
        QT_TRANSLATE_NOOP("FollowupTables", "Schedule"),
        QT_TRANSLATE_NOOP("FollowupTables", "Last done"),
        QT_TRANSLATE_NOOP("FollowupTables", "Next due"),
        QT_TRANSLATE_NOOP("FollowupTables", "Status"),
        QT_TRANSLATE_NOOP("FollowupTables", "Remarks"),
    )
    COL_EXAM, COL_AGES, COL_SCHEDULE, COL_LAST, COL_NEXT, COL_STATUS, COL_REMARKS = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = dt.date.today()
        self._scheduled: Mapping[int, dt.date] = {}

    def set_plan(
        self,
        items: Sequence[PlanItemView],
        *,
        today: dt.date,
        scheduled: Mapping[int, dt.date] | None = None,
    ) -> None:
        """``scheduled``: the date of each item's next appointment (by item id)."""
        self._today = today
        self._scheduled = dict(scheduled or {})
        self.set_rows(items)

    def kinds(self, item: PlanItemView) -> set[WorklistKind]:
        """Where ``item`` stands today (overdue, lost, due soon, not scheduled)."""
        return classify(
            item,
            self._today,
            horizon_weeks=DUE_SOON_WEEKS,
            scheduled_on=self._scheduled.get(item.id),
        )

    def badge(self, item: PlanItemView) -> WorklistKind | None:
        """The most pressing mark of an open item: lost, overdue or due soon."""
        kinds = self.kinds(item)
        for kind in (WorklistKind.LOST, WorklistKind.OVERDUE, WorklistKind.DUE_SOON):
            if kind in kinds:
                return kind
        return None

    def remarks(self, item: PlanItemView) -> str:
        parts = []
        if item.to_confirm:
            parts.append(_tr(_TO_CONFIRM))
        if item.adjusted:
            reason = (item.adjustment_reason or "").strip()
            parts.append(_tr(_ADJUSTED_BECAUSE).format(reason=reason) if reason else _tr(_ADJUSTED))
        scheduled = self._scheduled.get(item.id)
        if scheduled is not None and scheduled >= self._today:
            parts.append(_tr(_SCHEDULED).format(date=french_day(scheduled)))
        return " · ".join(parts)

    def display(self, item: PlanItemView, column: int) -> str | None:
        if column == self.COL_EXAM:
            return exam_label(item.exam, item.label)
        if column == self.COL_AGES:
            return ages_text(item.start_age, item.end_age)
        if column == self.COL_SCHEDULE:
            return schedule_text(item.interval_months, item.fixed_ages)
        if column == self.COL_LAST:
            return french_day(item.last_done)
        if column == self.COL_NEXT:
            return french_day(item.next_due)
        if column == self.COL_STATUS:
            badge = self.badge(item)
            if badge is not None:
                return worklist_label(badge)
            return plan_status_label(item.status)
        if column == self.COL_REMARKS:
            return self.remarks(item)
        return None

    def role_data(self, item: PlanItemView, column: int, role: int) -> Any:
        if column in (self.COL_NEXT, self.COL_STATUS):
            badge = self.badge(item)
            if badge is not None and role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(BADGE_COLOURS[badge][0]))
            if badge is not None and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(BADGE_COLOURS[badge][1]))
            if badge is not None and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and not item.status.open:
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REMARKS:
            return self.remarks(item) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_STATUS:
            return plan_status_label(item.status)
        return None


class PerformedExamTableModel(RowTableModel[PerformedExamView]):
    """The exams performed: date, exam, who recorded it, result summary."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowupTables", "Performed on"),
        QT_TRANSLATE_NOOP("FollowupTables", "Exam"),
        QT_TRANSLATE_NOOP("FollowupTables", "Recorded by"),
        QT_TRANSLATE_NOOP("FollowupTables", "Result"),
    )
    COL_DATE, COL_EXAM, COL_BY, COL_RESULT = range(4)

    def set_exams(self, exams: Sequence[PerformedExamView]) -> None:
        self.set_rows(sorted(exams, key=lambda e: (e.performed_on, e.id), reverse=True))

    def display(self, item: PerformedExamView, column: int) -> str | None:
        if column == self.COL_DATE:
            return french_day(item.performed_on)
        if column == self.COL_EXAM:
            return exam_label(item.exam)
        if column == self.COL_BY:
            return item.recorded_by
        if column == self.COL_RESULT:
            return item.result_summary.replace("\n", " ")
        return None

    def role_data(self, item: PerformedExamView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_RESULT:
            return item.result_summary or None
        return None


class AppointmentTableModel(RowTableModel[AppointmentView]):
    """A file's appointments: date, time, exam, place, practitioner, status."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowupTables", "Date"),
        QT_TRANSLATE_NOOP("FollowupTables", "Time"),
        QT_TRANSLATE_NOOP("FollowupTables", "Exam"),
        QT_TRANSLATE_NOOP("FollowupTables", "Place"),
        QT_TRANSLATE_NOOP("FollowupTables", "Practitioner"),
        QT_TRANSLATE_NOOP("FollowupTables", "Status"),
    )
    COL_DATE, COL_TIME, COL_EXAM, COL_PLACE, COL_PRACTITIONER, COL_STATUS = range(6)

    def display(self, item: AppointmentView, column: int) -> str | None:
        if column == self.COL_DATE:
            return french_day(item.starts_at.date())
        if column == self.COL_TIME:
            return item.starts_at.strftime("%H:%M")
        if column == self.COL_EXAM:
            return exam_label(item.exam)
        if column == self.COL_PLACE:
            return item.place
        if column == self.COL_PRACTITIONER:
            return item.practitioner_name
        if column == self.COL_STATUS:
            return appointment_status_label(item.status)
        return None

    def role_data(self, item: AppointmentView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and item.status in (
            AppointmentStatus.CANCELLED,
            AppointmentStatus.DONE,
        ):
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ForegroundRole and item.status is AppointmentStatus.MISSED:
            return QBrush(QColor("#a11d1d"))
        if role == Qt.ItemDataRole.FontRole and item.active:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_PLACE:
            return (item.place + ("\n" + item.note if item.note else "")) or None
        return None
