"""The week calendar of the follow-up: one practitioner's or one place's week.

``AppointmentService.week`` (in the background) gives the appointments of the week
the user may see, and the busy slots of the others (time and place only). They are
drawn as blocks in a Monday-to-Sunday grid of hours: the patient's name, the exam
and the status; overlapping ones side by side. A conflict (the same patient twice the
same day, a place booked twice at once: ``domain.followup.appointments.conflicts``)
gets a red border and says so in its tool tip. Clicking a block opens its actions:
confirm, mark missed, cancel (asked first), reschedule (the booking dialog), open
the file. Previous / next week, today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.followup.appointments import (
    ACTIVE_STATUSES,
    AppointmentStatus,
    ConflictWarning,
    Slot,
    conflicts,
)
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.followup_labels import (
    CONFLICT_LABELS,
    appointment_status_label,
    exam_label,
    followup_label,
)
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.services.appointment_service import AppointmentView, BusySlot, WeekView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["AppointmentBlock", "WeekCalendarView", "WeekGrid", "monday_of"]

FIRST_HOUR = 7
LAST_HOUR = 20  # the grid ends at this hour
HOUR_HEIGHT = 76  # half an hour: two lines (time and name; exam and status)
TIME_COLUMN = 48

_STATUS_COLOURS = {
    AppointmentStatus.BOOKED: ("#e8f0fb", "#2b5797"),
    AppointmentStatus.CONFIRMED: ("#e3f4e8", "#1e6b3a"),
    AppointmentStatus.DONE: ("#eef0f2", "#52606d"),
    AppointmentStatus.MISSED: ("#fdecea", "#8c1d18"),
    AppointmentStatus.CANCELLED: ("#eef0f2", "#7b8794"),
}
CONFLICT_COLOUR = "#c62828"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def first_working_monday(day: dt.date) -> dt.date:
    """The week the calendar opens on: this week, or the next one on a Saturday or a
    Sunday (this week's working days are over; what a secretary prepares is next)."""
    return monday_of(day + dt.timedelta(days=2 if day.weekday() >= 5 else 0))


def _lanes(items: Sequence[tuple[dt.datetime, dt.datetime, object]]) -> dict[int, tuple[int, int]]:
    """Side-by-side lanes of overlapping items: index -> (lane, lanes in its group)."""
    order = sorted(range(len(items)), key=lambda i: (items[i][0], items[i][1]))
    result: dict[int, tuple[int, int]] = {}
    group: list[int] = []
    lane_ends: list[dt.datetime] = []
    group_end: dt.datetime | None = None

    def close_group() -> None:
        for index in group:
            result[index] = (result[index][0], len(lane_ends))

    for index in order:
        start, end, _ = items[index]
        if group_end is not None and start >= group_end:
            close_group()
            group, lane_ends, group_end = [], [], None
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        result[index] = (lane, 0)
        group.append(index)
        group_end = end if group_end is None else max(group_end, end)
    close_group()
    return result


class AppointmentBlock(QFrame):
    """One appointment in the grid (or a busy slot of a file the user may not see)."""

    sig_clicked = Signal(object)  # the AppointmentView

    def __init__(
        self,
        appointment: AppointmentView | None,
        text: str,
        tooltip: str,
        *,
        conflict: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.appointment = appointment
        self.conflict = conflict
        self.setObjectName(
            f"appointment_block_{appointment.id}" if appointment is not None else "busy_block"
        )
        if appointment is not None:
            background, foreground = _STATUS_COLOURS[appointment.status]
        else:
            background, foreground = "#f1f3f5", "#7b8794"
        border = CONFLICT_COLOUR if conflict else foreground
        width = 2 if conflict else 1
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {background}; border: {width}px solid {border};"
            f" border-left: 4px solid {border}; border-radius: 3px; }}"
            f" QLabel {{ color: {foreground}; background: transparent; border: none; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(5, 1, 3, 1)
        layout.setSpacing(0)
        self._text = text
        self.label = QLabel(text)
        self.label.setWordWrap(False)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = QFont(self.label.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.label.setFont(font)
        layout.addWidget(self.label)
        self.setToolTip(tooltip)
        if appointment is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def text(self) -> str:
        """The whole text (the label shows it elided to the block's width)."""
        return self._text

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        super().resizeEvent(event)
        metrics = self.label.fontMetrics()
        width = max(10, self.contentsRect().width() - 8)
        self.label.setText(
            "\n".join(
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                for line in self._text.split("\n")
            )
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self.appointment is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.appointment)
            event.accept()
            return
        super().mousePressEvent(event)


@dataclass(frozen=True)
class _Placed:
    start: dt.datetime
    end: dt.datetime
    appointment: AppointmentView | None
    busy: BusySlot | None


class WeekGrid(QWidget):
    """Seven day columns of hours; the blocks are child widgets placed by the grid."""

    sig_block_clicked = Signal(object)  # AppointmentView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_grid")
        self.monday = monday_of(dt.date.today())
        self.today = dt.date.today()
        self.blocks: list[AppointmentBlock] = []
        self._placed: list[tuple[AppointmentBlock, _Placed]] = []
        self.setMinimumHeight((LAST_HOUR - FIRST_HOUR) * HOUR_HEIGHT + 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # geometry
    def day_width(self) -> float:
        return max(1.0, (self.width() - TIME_COLUMN) / 7)

    def column_rect(self, day_index: int) -> QRect:
        left = TIME_COLUMN + round(day_index * self.day_width())
        right = TIME_COLUMN + round((day_index + 1) * self.day_width())
        return QRect(left, 0, right - left, self.height())

    def column_at(self, x: int) -> int:
        """The day (0 Monday .. 6 Sunday) under ``x``; -1 in the hours' column."""
        if x < TIME_COLUMN:
            return -1
        return min(6, int((x - TIME_COLUMN) / self.day_width()))

    def _y(self, moment: dt.datetime) -> int:
        hours = moment.hour + moment.minute / 60 - FIRST_HOUR
        hours = min(max(hours, 0.0), LAST_HOUR - FIRST_HOUR)
        return round(hours * HOUR_HEIGHT)

    # content
    def set_week(
        self,
        monday: dt.date,
        entries: Sequence[tuple[AppointmentBlock, dt.datetime, dt.datetime]],
    ) -> None:
        for block in self.blocks:
            block.deleteLater()
        self.monday = monday
        self.blocks = [block for block, _, _ in entries]
        self._placed = [
            (block, _Placed(start, end, block.appointment, None)) for block, start, end in entries
        ]
        for block in self.blocks:
            block.sig_clicked.connect(self.sig_block_clicked)
            block.show()
        self._layout_blocks()
        self.update()

    def _layout_blocks(self) -> None:
        by_day: dict[int, list[tuple[AppointmentBlock, _Placed]]] = {}
        for block, placed in self._placed:
            day = (placed.start.date() - self.monday).days
            if 0 <= day < 7:
                by_day.setdefault(day, []).append((block, placed))
            else:
                block.hide()
        for day, blocks in by_day.items():
            column = self.column_rect(day)
            lanes = _lanes([(p.start, p.end, b) for b, p in blocks])
            for index, (block, placed) in enumerate(blocks):
                lane, count = lanes[index]
                width = (column.width() - 4) / max(1, count)
                top = self._y(placed.start)
                bottom = max(top + 18, self._y(placed.end))
                block.setGeometry(
                    round(column.left() + 2 + lane * width),
                    top + 1,
                    max(10, round(width) - 2),
                    bottom - top - 2,
                )

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        super().resizeEvent(event)
        self._layout_blocks()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        today_index = (self.today - self.monday).days
        if 0 <= today_index < 7:
            painter.fillRect(self.column_rect(today_index), QColor("#fff8e1"))
        for weekend in (5, 6):
            if weekend != today_index:
                painter.fillRect(self.column_rect(weekend), QColor("#f7f8fa"))
        painter.setPen(QPen(QColor("#d9dee3")))
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = (hour - FIRST_HOUR) * HOUR_HEIGHT
            painter.drawLine(TIME_COLUMN - 4, y, self.width(), y)
        for day in range(8):
            x = TIME_COLUMN + round(day * self.day_width())
            painter.drawLine(x, 0, x, self.height())
        painter.setPen(QPen(QColor("#52606d")))
        for hour in range(FIRST_HOUR, LAST_HOUR):
            y = (hour - FIRST_HOUR) * HOUR_HEIGHT
            painter.drawText(
                QRect(0, y + 2, TIME_COLUMN - 8, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                f"{hour} h",
            )
        painter.end()


class WeekCalendarView(QWidget):
    """A week of one practitioner's or one place's appointments.

    Signals: ``sig_week_shown(object)`` (the WeekView drawn), ``sig_open_patient(int)``,
    ``sig_changed(object)`` (an AppointmentView confirmed, missed, cancelled or the
    BookingResult of a rescheduling).
    """

    sig_week_shown = Signal(object)
    sig_open_patient = Signal(int)
    sig_changed = Signal(object)

    MODE_PRACTITIONER = "practitioner"
    MODE_PLACE = "place"

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("week_calendar_view")
        self._session = session
        self._tasks = tasks
        self._today = today or dt.date.today()
        self._monday = first_working_monday(self._today)
        self._seq = 0
        self._applied_seq = 0
        self._week: WeekView | None = None
        self._places: set[str] = set()
        self.menu: QMenu | None = None
        self.last_dialog: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("mode_combo")
        self.mode_combo.addItem(self.tr("By practitioner"), self.MODE_PRACTITIONER)
        self.mode_combo.addItem(self.tr("By place"), self.MODE_PLACE)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        top.addWidget(self.mode_combo)
        self.practitioner_combo = QComboBox()
        self.practitioner_combo.setObjectName("calendar_practitioner_combo")
        self.practitioner_combo.setMinimumWidth(200)
        self.practitioner_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.practitioner_combo, 1)
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("place_combo")
        self.place_combo.setEditable(True)
        self.place_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place_combo.setMinimumWidth(200)
        line = self.place_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Place (e.g. Radiologie, site Nord)"))
        line.editingFinished.connect(self.refresh)
        self.place_combo.activated.connect(lambda _i: self.refresh())
        self.place_combo.hide()
        top.addWidget(self.place_combo, 1)
        top.addStretch(1)
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.previous_button.setObjectName("previous_week_button")
        self.previous_button.clicked.connect(
            lambda: self.go_to(self._monday - dt.timedelta(days=7))
        )
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("today_button")
        self.today_button.clicked.connect(lambda: self.go_to(self._today))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.next_button.setObjectName("next_week_button")
        self.next_button.clicked.connect(lambda: self.go_to(self._monday + dt.timedelta(days=7)))
        for button in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(button)
        layout.addLayout(top)

        self.week_label = QLabel()
        self.week_label.setObjectName("week_label")
        style.set_role(self.week_label, "title")
        layout.addWidget(self.week_label)
        self.message_label = QLabel()
        self.message_label.setObjectName("calendar_message_label")
        self.message_label.setWordWrap(True)
        style.set_role(self.message_label, "hint")
        layout.addWidget(self.message_label)

        self.day_header = QWidget()
        self.day_header.setObjectName("day_header")
        header_layout = QHBoxLayout(self.day_header)
        header_layout.setContentsMargins(TIME_COLUMN, 0, 0, 0)
        header_layout.setSpacing(0)
        self.day_labels: list[QLabel] = []
        for _day in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header_layout.addWidget(label, 1)
            self.day_labels.append(label)
        layout.addWidget(self.day_header)

        self.grid = WeekGrid()
        self.grid.today = self._today
        self.grid.sig_block_clicked.connect(self.open_actions)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("week_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setWidget(self.grid)
        layout.addWidget(self.scroll, 1)
        # the day names over their columns: the scroll area's frame and scroll bar aside
        frame = self.scroll.frameWidth()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        header_layout.setContentsMargins(TIME_COLUMN + frame, 0, bar + frame, 0)

        self._update_week_label()
        self._tasks.run(
            self._session.users.list_practitioners,
            on_success=self._on_practitioners,
            on_failure=self._show_error,
            owner=self,
        )

    # ------------------------------------------------------------------ choosing
    def _on_practitioners(self, users: Sequence) -> None:  # UserView
        self.practitioner_combo.blockSignals(True)
        for user in sorted(users, key=lambda u: (u.last_name.lower(), u.first_name.lower())):
            self.practitioner_combo.addItem(user.display_name, user.id)
        own = self.practitioner_combo.findData(self._session.actor.user_id)
        self.practitioner_combo.setCurrentIndex(max(0, own))
        self.practitioner_combo.blockSignals(False)
        self.refresh()

    def _on_mode_changed(self, _index: int) -> None:
        by_place = self.mode() == self.MODE_PLACE
        self.place_combo.setVisible(by_place)
        self.practitioner_combo.setVisible(not by_place)
        self.refresh()

    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_practitioner(self, practitioner_id: int) -> bool:
        index = self.practitioner_combo.findData(practitioner_id)
        if index < 0:
            return False
        self.mode_combo.setCurrentIndex(0)
        self.practitioner_combo.setCurrentIndex(index)
        self.refresh()
        return True

    def set_place(self, place: str) -> None:
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(1)
        self.mode_combo.blockSignals(False)
        self.place_combo.setVisible(True)
        self.practitioner_combo.setVisible(False)
        self.place_combo.setEditText(place)
        self.refresh()

    def monday(self) -> dt.date:
        return self._monday

    def go_to(self, day: dt.date) -> None:
        """Show the week of ``day``."""
        self._monday = monday_of(day)
        self._update_week_label()
        self.refresh()

    def _update_week_label(self) -> None:
        sunday = self._monday + dt.timedelta(days=6)
        locale = self.locale()
        self.week_label.setText(
            self.tr("Week of {first} to {last}").format(
                first=locale.toString(self._monday, "d MMMM"),
                last=locale.toString(sunday, "d MMMM yyyy"),
            )
        )
        for index, label in enumerate(self.day_labels):
            day = self._monday + dt.timedelta(days=index)
            label.setText(locale.toString(day, "ddd d/MM"))
            font = QFont(label.font())
            font.setBold(day == self._today)
            label.setFont(font)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read the week shown again (in the background)."""
        kwargs: dict[str, object]
        if self.mode() == self.MODE_PLACE:
            place = self.place_combo.currentText().strip()
            if not place:
                self._show_week(WeekView(self._monday, (), ()))
                self.message_label.setText(self.tr("Type or choose a place."))
                return
            kwargs = {"place": place}
        else:
            practitioner = self.practitioner_combo.currentData()
            if practitioner is None:
                return
            kwargs = {"practitioner_id": int(practitioner)}
        self._seq += 1
        seq = self._seq
        self._tasks.run(
            self._session.appointments.week,
            self._monday,
            on_success=lambda week, s=seq: self._on_week(s, week),
            on_failure=lambda exc, s=seq: self._on_week_failed(s, exc),
            label=self.tr("Reading the calendar…"),
            owner=self,
            **kwargs,
        )

    def is_loading(self) -> bool:
        return self._applied_seq != self._seq

    def _on_week(self, seq: int, week: WeekView) -> None:
        if seq != self._seq:
            return
        self._applied_seq = seq
        self._show_week(week)

    def _on_week_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        self._applied_seq = seq
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        self.message_label.setText(error_text(exc))
        style.set_role(self.message_label, "error")

    def week(self) -> WeekView | None:
        return self._week

    def conflicts_of(self, week: WeekView) -> dict[int, tuple[ConflictWarning, ...]]:
        """The conflicts of each active appointment of ``week`` (by id), with the other
        appointments and the busy slots of the week."""
        active = [a for a in week.appointments if a.status in ACTIVE_STATUSES]
        slots = [Slot(a.id, a.patient_id, a.starts_at, a.duration_minutes, a.place) for a in active]
        slots += [
            Slot(
                -(index + 1),
                -(index + 1),
                busy.starts_at,
                max(1, int((busy.ends_at - busy.starts_at).total_seconds() // 60)),
                busy.place,
            )
            for index, busy in enumerate(week.busy)
        ]
        found = {}
        for slot in slots[: len(active)]:
            warnings = conflicts(slot, slots)
            if warnings:
                found[slot.id] = warnings
        return found

    def _show_week(self, week: WeekView) -> None:
        self._week = week
        self._places |= {a.place for a in week.appointments if a.place}
        self._update_places()
        clashes = self.conflicts_of(week)
        entries: list[tuple[AppointmentBlock, dt.datetime, dt.datetime]] = []
        for appointment in week.appointments:
            exam = exam_label(appointment.exam)
            status = appointment_status_label(appointment.status)
            text = f"{appointment.starts_at:%H:%M} {appointment.patient_name}\n{exam} · {status}"
            lines = [
                appointment.patient_name,
                f"{exam} — {status}",
                self.tr("{start} to {end}, {place}").format(
                    start=f"{appointment.starts_at:%d/%m/%Y %H:%M}",
                    end=f"{appointment.ends_at:%H:%M}",
                    place=appointment.place,
                ),
                self.tr("With {name}").format(name=appointment.practitioner_name),
            ]
            warnings = clashes.get(appointment.id, ())
            lines += [followup_label(CONFLICT_LABELS, w.kind) for w in warnings]
            block = AppointmentBlock(
                appointment,
                text,
                "\n".join(lines),
                conflict=bool(warnings),
                parent=self.grid,
            )
            entries.append((block, appointment.starts_at, appointment.ends_at))
        for busy in week.busy:
            block = AppointmentBlock(
                None,
                self.tr("Busy"),
                self.tr("Taken by an appointment of another file ({place})").format(
                    place=busy.place
                ),
                conflict=False,
                parent=self.grid,
            )
            entries.append((block, busy.starts_at, busy.ends_at))
        self.grid.today = self._today
        self.grid.set_week(week.monday, entries)
        style.set_role(self.message_label, "hint")
        count = len(week.appointments)
        text = (
            self.tr("%n appointment(s) this week.", "", count)
            if count
            else self.tr("No appointment this week.")
        )
        if clashes:
            text += " " + self.tr("%n in conflict (red border).", "", len(clashes))
        self.message_label.setText(text)
        first = min((a.starts_at.hour for a in week.appointments), default=8)
        self.scroll.verticalScrollBar().setValue(max(0, (first - FIRST_HOUR - 1)) * HOUR_HEIGHT)
        self.sig_week_shown.emit(week)

    def _update_places(self) -> None:
        current = self.place_combo.currentText()
        self.place_combo.blockSignals(True)
        self.place_combo.clear()
        self.place_combo.addItems(sorted(self._places, key=str.lower))
        self.place_combo.setEditText(current)
        self.place_combo.blockSignals(False)

    def block_of(self, appointment_id: int) -> AppointmentBlock | None:
        for block in self.grid.blocks:
            if block.appointment is not None and block.appointment.id == appointment_id:
                return block
        return None

    def day_column_of(self, appointment_id: int) -> int:
        """The day column (0 Monday .. 6 Sunday) the block of ``appointment_id`` is
        drawn in; -1 when not drawn."""
        block = self.block_of(appointment_id)
        if block is None or block.isHidden():
            return -1
        return self.grid.column_at(block.geometry().center().x())

    # ------------------------------------------------------------------ actions
    def open_actions(self, appointment: AppointmentView) -> QMenu:
        """The menu of what can be done with ``appointment``, at its block."""
        menu = QMenu(self)
        menu.setObjectName("appointment_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        writable = not appointment.read_only and self._session.can(Permission.MANAGE_APPOINTMENTS)
        active = appointment.status in ACTIVE_STATUSES
        confirm_action = menu.addAction(self.tr("Confirm"))
        confirm_action.setObjectName("confirm_action")
        confirm_action.setEnabled(writable and appointment.status == AppointmentStatus.BOOKED)
        confirm_action.triggered.connect(lambda: self.confirm_appointment(appointment))
        missed_action = menu.addAction(self.tr("Mark as missed"))
        missed_action.setObjectName("missed_action")
        missed_action.setEnabled(writable and active)
        missed_action.triggered.connect(lambda: self.mark_missed(appointment))
        reschedule_action = menu.addAction(self.tr("Reschedule…"))
        reschedule_action.setObjectName("reschedule_action")
        reschedule_action.setEnabled(writable and active)
        reschedule_action.triggered.connect(lambda: self.reschedule(appointment))
        cancel_action = menu.addAction(self.tr("Cancel the appointment…"))
        cancel_action.setObjectName("cancel_action")
        cancel_action.setEnabled(writable and active)
        cancel_action.triggered.connect(lambda: self.ask_cancel(appointment))
        menu.addSeparator()
        open_action = menu.addAction(self.tr("Open the file"))
        open_action.setObjectName("open_file_action")
        open_action.triggered.connect(lambda: self.sig_open_patient.emit(appointment.patient_id))
        self.menu = menu
        block = self.block_of(appointment.id)
        where = block.mapToGlobal(QPoint(8, 8)) if block is not None else self.mapToGlobal(QPoint())
        menu.popup(where)
        return menu

    def _change(self, fn, appointment: AppointmentView, label: str) -> None:  # noqa: ANN001
        self._tasks.run(
            fn,
            appointment.id,
            expected_version=appointment.version,
            on_success=self._on_changed,
            on_failure=self._on_change_failed,
            label=label,
            owner=self,
        )

    def confirm_appointment(self, appointment: AppointmentView) -> None:
        self._change(
            self._session.appointments.confirm, appointment, self.tr("Confirming the appointment…")
        )

    def mark_missed(self, appointment: AppointmentView) -> None:
        self._change(
            self._session.appointments.mark_missed,
            appointment,
            self.tr("Recording the missed appointment…"),
        )

    def cancel_appointment(self, appointment: AppointmentView) -> None:
        self._change(
            self._session.appointments.cancel, appointment, self.tr("Cancelling the appointment…")
        )

    def ask_cancel(self, appointment: AppointmentView) -> QWidget:
        box = confirm(
            self,
            self.tr("Cancel the appointment"),
            self.tr("Cancel the appointment of {name} on {date}?").format(
                name=appointment.patient_name, date=f"{appointment.starts_at:%d/%m/%Y %H:%M}"
            ),
            self.tr("The appointment stays in the file's history as cancelled."),
            self.tr("Cancel the appointment"),
            lambda: self.cancel_appointment(appointment),
            object_name="cancel_appointment_box",
        )
        self.last_dialog = box
        return box

    def reschedule(self, appointment: AppointmentView) -> QWidget:
        from oiso_desktop.gui.appointment_dialog import AppointmentDialog

        dialog = AppointmentDialog(
            self._session,
            self._tasks,
            appointment.patient_id,
            appointment=appointment,
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_booked.connect(self._on_changed)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _on_changed(self, result: object) -> None:
        self.sig_changed.emit(result)
        self.refresh()

    def _on_change_failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self.refresh()
