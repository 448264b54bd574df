"""Book or reschedule an appointment (``session.appointments``), warning of conflicts first.

The dialog asks for the exam, the date and time, the duration, the place, the
practitioner and a practical note. "Réserver" first asks the service which
conflicts the booking would raise (the same patient the same day, a place already
booked): when there are some, they are shown and the button becomes "Réserver
quand même"; booking anything else asks again. A refused booking shows the
service's message at its field. Everything runs through the TaskRunner.

Used by the file's Suivi tab and by the worklists (a plan item to serve:
``plan_item_id`` and ``exam``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.followup.appointments import (
    MAX_DURATION_MINUTES,
    MAX_NOTE_LENGTH,
    MAX_PLACE_LENGTH,
    ConflictWarning,
)
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.error_text import MESSAGES, error_text, translate
from oiso_desktop.gui.followup_labels import exam_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.dialog_parts import ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import FieldMessage, show_banner
from oiso_desktop.gui.widgets.form_dialog import FormDialog
from oiso_desktop.services.appointment_service import (
    AppointmentInput,
    AppointmentView,
    BookingResult,
)

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["AppointmentDialog", "warning_text"]

DEFAULT_DURATION = 30


def warning_text(warning: ConflictWarning) -> str:
    """The translated sentence of a conflict warning (its date and time filled in)."""
    return translate(MESSAGES[warning.code], warning.params)


class AppointmentDialog(FormDialog):
    """Book an appointment for ``patient_id`` (or reschedule ``appointment``).

    ``exam`` / ``plan_item_id``: the plan item the appointment serves (the exam is
    then preset); ``place`` / ``practitioner_id``: preset values. ``sig_booked``
    carries the :class:`BookingResult` once saved; the dialog then closes.
    """

    sig_booked = Signal(object)  # BookingResult

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        exam: str | None = None,
        plan_item_id: int | None = None,
        place: str = "",
        practitioner_id: int | None = None,
        appointment: AppointmentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointment_dialog")
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._plan_item_id = plan_item_id if appointment is None else appointment.plan_item_id
        self._appointment = appointment
        self._busy = False
        #: the booking whose warnings the user has seen: booking it again goes ahead
        self._confirmed: AppointmentInput | None = None
        self.warnings: tuple[ConflictWarning, ...] = ()
        if appointment is None:
            self.setWindowTitle(self.tr("Book an appointment"))
        else:
            self.setWindowTitle(self.tr("Reschedule the appointment"))

        layout = QVBoxLayout(self)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.exam_combo = QComboBox()
        self.exam_combo.setObjectName("exam_combo")
        for kind in ExamKind:
            self.exam_combo.addItem(exam_label(kind), kind.value)
        wanted = appointment.exam if appointment is not None else exam
        if wanted is not None:
            self.exam_combo.setCurrentIndex(max(0, self.exam_combo.findData(str(wanted))))
        # a rescheduled appointment keeps its exam (the service keeps it too)
        self.exam_combo.setEnabled(appointment is None)
        self.exam_message = FieldMessage()
        form.addRow(self.tr("Exam:"), self._with_message(self.exam_combo, self.exam_message))

        when = QHBoxLayout()
        self.date_edit = DateLineEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setMaximumWidth(130)
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(self.tr("at")))
        self.time_edit = QTimeEdit()
        self.time_edit.setObjectName("time_edit")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(9, 0))
        when.addWidget(self.time_edit)
        when.addWidget(QLabel(self.tr("for")))
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("duration_spin")
        self.duration_spin.setRange(5, MAX_DURATION_MINUTES)
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setValue(DEFAULT_DURATION)
        when.addWidget(self.duration_spin)
        when.addStretch(1)
        when_widget = QWidget()
        when_widget.setLayout(when)
        when.setContentsMargins(0, 0, 0, 0)
        self.date_message = FieldMessage()
        form.addRow(self.tr("Date:"), self._with_message(when_widget, self.date_message))

        self.place_edit = QLineEdit(place)
        self.place_edit.setObjectName("place_edit")
        self.place_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.place_edit.setPlaceholderText(self.tr("e.g. Imaging department, Lyon Sud hospital"))
        self.place_message = FieldMessage()
        form.addRow(self.tr("Place:"), self._with_message(self.place_edit, self.place_message))

        self.practitioner_combo = QComboBox()
        self.practitioner_combo.setObjectName("practitioner_combo")
        self.practitioner_message = FieldMessage()
        form.addRow(
            self.tr("Practitioner:"),
            self._with_message(self.practitioner_combo, self.practitioner_message),
        )
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setMaxLength(MAX_NOTE_LENGTH)
        self.note_edit.setPlaceholderText(self.tr("Practical note (no clinical information)"))
        self.note_message = FieldMessage()
        form.addRow(self.tr("Note:"), self._with_message(self.note_edit, self.note_message))
        layout.addLayout(form)

        self.warning_label = QLabel()
        self.warning_label.setObjectName("warning_label")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        layout.addWidget(self.warning_label)

        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "book_button", self._ok_text()
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if appointment is not None:
            self.date_edit.setDate(appointment.starts_at.date())
            self.time_edit.setTime(QTime(appointment.starts_at.hour, appointment.starts_at.minute))
            self.duration_spin.setValue(appointment.duration_minutes)
            self.place_edit.setText(appointment.place)
            self.note_edit.setText(appointment.note)
            self.note_edit.setEnabled(False)  # the service keeps the note when rescheduling
            practitioner_id = appointment.practitioner_id
        self._wanted_practitioner = practitioner_id
        if practitioner_id is None and session.actor.role is not Role.SECRETARY:
            self._wanted_practitioner = session.actor.user_id

        self.set_fields(
            {
                "exam": self.exam_combo,
                "starts_at": self.date_edit,
                "place": self.place_edit,
                "practitioner_id": self.practitioner_combo,
                "note": self.note_edit,
            },
            {
                "exam": self.exam_message,
                "starts_at": self.date_message,
                "place": self.place_message,
                "practitioner_id": self.practitioner_message,
                "note": self.note_message,
            },
            self.banner_label,
        )
        for widget in (self.time_edit, self.duration_spin):
            widget.editingFinished.connect(self._revalidate)
        self.practitioner_combo.addItem(self.tr("Loading…"), None)
        tasks.run(
            session.users.list_practitioners,
            on_success=self._on_practitioners_loaded,
            on_failure=lambda exc: self._show_banner(error_text(exc), "error"),
            owner=self,
        )
        self.resize(560, self.sizeHint().height())
        self._revalidate()

    @staticmethod
    def _with_message(widget: QWidget, message: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        return box

    def _ok_text(self) -> str:
        if self._confirmed is not None:
            return self.tr("Book anyway")
        return self.tr("Book") if self._appointment is None else self.tr("Reschedule")

    # ----------------------------------------------------------------- practitioners
    def _on_practitioners_loaded(self, practitioners: Sequence[object]) -> None:
        combo = self.practitioner_combo
        combo.clear()
        for practitioner in practitioners:
            combo.addItem(practitioner.display_name, practitioner.id)  # type: ignore[attr-defined]
        index = combo.findData(self._wanted_practitioner)
        if index < 0 and self._wanted_practitioner is None and combo.count():
            index = 0
        if index < 0:
            combo.insertItem(0, self.tr("Choose…"), None)
            index = 0
        combo.setCurrentIndex(index)
        self._revalidate()

    # ----------------------------------------------------------------- the booking
    def booking(self) -> AppointmentInput | None:
        """What the form says, or None while a field is missing or invalid."""
        day = self.date_edit.date()
        practitioner = self.practitioner_combo.currentData()
        if day is None or practitioner is None or not self.place_edit.text().strip():
            return None
        time = self.time_edit.time()
        return AppointmentInput(
            patient_id=self._patient_id,
            exam=str(self.exam_combo.currentData()),
            starts_at=dt.datetime(day.year, day.month, day.day, time.hour(), time.minute()),
            duration_minutes=self.duration_spin.value(),
            place=self.place_edit.text().strip(),
            practitioner_id=int(practitioner),
            note=self.note_edit.text().strip(),
            plan_item_id=self._plan_item_id,
        )

    def _revalidate(self, *_args: object) -> None:
        errors: dict[str, str] = {}
        if not self.date_edit.text().strip():
            errors["starts_at"] = self.tr("Enter the date of the appointment.")
        elif self.date_edit.problem():
            errors["starts_at"] = self.date_edit.problem()
        if not self.place_edit.text().strip():
            errors["place"] = self.tr("Enter the place of the appointment.")
        if self.practitioner_combo.currentData() is None:
            errors["practitioner_id"] = self.tr("Choose the practitioner.")
        self._errors = errors
        self.show_field_errors()
        if self._confirmed is not None and self.booking() != self._confirmed:
            self._confirmed = None  # something changed: the warnings no longer hold
            self._show_warnings(())
        self.ok_button.setText(self._ok_text())
        self.ok_button.setEnabled(not errors and not self._busy)

    def _show_warnings(self, warnings: Sequence[ConflictWarning]) -> None:
        self.warnings = tuple(warnings)
        if not warnings:
            self.warning_label.hide()
            return
        lines = "\n".join(f"• {warning_text(warning)}" for warning in warnings)
        show_banner(
            self.warning_label,
            self.tr("Please check before booking:\n{warnings}").format(warnings=lines),
            "warning",
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._revalidate()

    def submit(self) -> None:
        """Check the conflicts, then book (at once when there are none or they were seen)."""
        self._show_all = True
        self._revalidate()
        data = self.booking()
        if data is None or self._busy:
            return
        self._show_banner("")
        self._set_busy(True)
        if self._confirmed is not None and data == self._confirmed:
            self._save(data)
            return
        appointment_id = self._appointment.id if self._appointment is not None else 0
        self._tasks.run(
            self._session.appointments.conflicts_for,
            data,
            appointment_id=appointment_id,
            on_success=lambda warnings: self._on_conflicts(data, warnings),
            on_failure=self._on_failed,
            label=self.tr("Checking the calendar…"),
            owner=self,
        )

    def _on_conflicts(self, data: AppointmentInput, warnings: Sequence[ConflictWarning]) -> None:
        if warnings:
            self._busy = False
            self._confirmed = data
            self._show_warnings(warnings)
            self._revalidate()
            self.ok_button.setFocus()
            return
        self._save(data)

    def _save(self, data: AppointmentInput) -> None:
        if self._appointment is None:
            self._tasks.run(
                self._session.appointments.book,
                data,
                on_success=self._on_saved,
                on_failure=self._on_failed,
                label=self.tr("Booking the appointment…"),
                owner=self,
            )
            return
        old = self._appointment
        self._tasks.run(
            self._session.appointments.reschedule,
            old.id,
            expected_version=old.version,
            starts_at=data.starts_at,
            duration_minutes=data.duration_minutes,
            place=data.place,
            practitioner_id=data.practitioner_id,
            on_success=self._on_saved,
            on_failure=self._on_failed,
            label=self.tr("Rescheduling the appointment…"),
            owner=self,
        )

    def _on_saved(self, result: BookingResult) -> None:
        self._busy = False
        self.sig_booked.emit(result)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._confirmed = None
        self._show_warnings(())
        field = exc.field if isinstance(exc, ValidationError) else None
        if field == "duration_minutes":
            field = "starts_at"
        if field in self._messages:
            self.show_field_error(field, error_text(exc))
        else:
            self._show_banner(error_text(exc), "error")
        self.ok_button.setText(self._ok_text())
        self.ok_button.setEnabled(True)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        # Enter in a field books through submit(), never by closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)
