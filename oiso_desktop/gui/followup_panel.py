"""The file's Suivi tab: the surveillance plan, the exams performed, the appointments.

What each role sees (the service decides, the panel follows what it is given):

* clinical roles holding the clinical key: every plan item with its remarks
  (adjustment reasons, "à confirmer"), the "plan mis à jour" note of the last
  recomputation (what changed), the exams performed with their result summary;
  "Examen réalisé…" (write access), "Ajuster…" / "Ajouter un examen…" /
  "Protocoles sans variant…" (protocols applied by hand, HAS 2014 high risk: a
  practitioner with write access, the service's rule for ``select_protocols``);
* a secretary of an assisted file: the plan's exams and dates and the
  appointments, no result, no clinical action.

Everyone who may manage the file's appointments books ("Prendre rendez-vous…":
conflicts warned before confirming) and confirms, marks attended or missed,
cancels or reschedules them. Everything is read and written through the
TaskRunner; each change reads the plan and the appointments again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.followup.appointments import (
    ACTIVE_STATUSES,
    AppointmentAction,
    AppointmentStatus,
)
from oiso_desktop.domain.followup.engine import PlanChange, PlanChangeKind
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.appointment_dialog import AppointmentDialog, warning_text
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.followup_dialogs import (
    AddExamDialog,
    AdjustItemDialog,
    ExamDoneDialog,
    ManualProtocolsDialog,
)
from oiso_desktop.gui.followup_labels import PLAN_CHANGE_LABELS, exam_label, followup_label
from oiso_desktop.gui.followup_table_models import (
    AppointmentTableModel,
    PerformedExamTableModel,
    PlanItemTableModel,
    french_day,
)
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.appointment_service import AppointmentView, BookingResult
from oiso_desktop.services.followup_service import PlanItemView, PlanView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["FollowupData", "FollowupPanel", "load_followup"]


@dataclass(frozen=True)
class FollowupData:
    """What the tab shows: the plan as stored and the file's appointments."""

    plan: PlanView
    appointments: tuple[AppointmentView, ...]


def load_followup(session: UserSession, patient_id: int) -> FollowupData:
    """Read the plan and the appointments of a file (in the background)."""
    plan = session.followup.plan(patient_id)
    appointments = session.appointments.for_patient(patient_id)
    return FollowupData(plan=plan, appointments=appointments)


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


class FollowupPanel(QWidget):
    """The Suivi tab of one file (see the module docstring)."""

    sig_loaded = Signal()  # after every read of the plan and the appointments
    sig_changed = Signal()  # something was saved (an exam, an adjustment, an appointment)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followup_panel")
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._today = today
        self.data: FollowupData | None = None
        self.dialog: QWidget | None = None
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)

        # "Plan mis à jour" note, with the button that dismisses it
        note_row = QHBoxLayout()
        self.note_label = QLabel()
        self.note_label.setObjectName("plan_note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.hide()
        note_row.addWidget(self.note_label, 1)
        self.note_button = QPushButton(self.tr("Got it"))
        self.note_button.setObjectName("acknowledge_button")
        self.note_button.setAutoDefault(False)
        self.note_button.clicked.connect(self.acknowledge_update)
        self.note_button.hide()
        note_row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(note_row)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("followup_banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("followup_splitter")
        splitter.setChildrenCollapsible(False)

        # --- the plan
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(_section_title(self.tr("Surveillance plan")))
        self.plan_info_label = QLabel()
        self.plan_info_label.setObjectName("plan_info_label")
        style.set_role(self.plan_info_label, "hint")
        title_row.addWidget(self.plan_info_label, 1)
        plan_layout.addLayout(title_row)
        self.plan_model = PlanItemTableModel(self)
        self.plan_table = data_table("plan_table", self.plan_model)
        set_column_modes(
            self.plan_table.horizontalHeader(),
            widths={PlanItemTableModel.COL_EXAM: 300, PlanItemTableModel.COL_SCHEDULE: 200},
            contents=(
                PlanItemTableModel.COL_AGES,
                PlanItemTableModel.COL_LAST,
                PlanItemTableModel.COL_NEXT,
                PlanItemTableModel.COL_STATUS,
            ),
            stretch=(PlanItemTableModel.COL_REMARKS,),
        )
        self.plan_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.plan_table.doubleClicked.connect(lambda _i: self._default_plan_action())
        plan_layout.addWidget(self.plan_table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("plan_empty_label")
        self.empty_label.setWordWrap(True)
        style.set_role(self.empty_label, "hint")
        self.empty_label.hide()
        plan_layout.addWidget(self.empty_label)
        plan_buttons = QHBoxLayout()
        self.done_button = self._button("exam_done_button", self.tr("Exam performed…"))
        self.done_button.setToolTip(self.tr("Record the selected exam as performed"))
        self.done_button.clicked.connect(self.open_exam_done)
        self.adjust_button = self._button("adjust_button", self.tr("Adjust…"))
        self.adjust_button.setToolTip(
            self.tr("Change the ages or the interval of the selected exam, or stop it")
        )
        self.adjust_button.clicked.connect(self.open_adjust)
        self.add_button = self._button("add_exam_button", self.tr("Add an exam…"))
        self.add_button.clicked.connect(self.open_add_exam)
        self.protocols_button = self._button(
            "manual_protocols_button", self.tr("Protocols without a variant…")
        )
        self.protocols_button.setToolTip(
            self.tr(
                "Apply a protocol selected by hand (HAS 2014 high or very high risk) "
                "to a patient without a variant"
            )
        )
        self.protocols_button.clicked.connect(self.open_manual_protocols)
        self.book_button = self._button("book_button", self.tr("Book an appointment…"))
        self.book_button.setToolTip(self.tr("Book an appointment for the selected exam"))
        self.book_button.clicked.connect(self.open_booking)
        for button in (
            self.done_button,
            self.adjust_button,
            self.add_button,
            self.protocols_button,
            self.book_button,
        ):
            plan_buttons.addWidget(button)
        plan_buttons.addStretch(1)
        plan_layout.addLayout(plan_buttons)
        splitter.addWidget(plan_box)

        # --- performed exams | appointments
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        self.exams_box = QWidget()
        exams_layout = QVBoxLayout(self.exams_box)
        exams_layout.setContentsMargins(0, 0, 0, 0)
        exams_layout.addWidget(_section_title(self.tr("Exams performed")))
        self.exams_model = PerformedExamTableModel(self)
        self.exams_table = data_table("exams_table", self.exams_model)
        set_column_modes(
            self.exams_table.horizontalHeader(),
            contents=(PerformedExamTableModel.COL_DATE,),
            widths={PerformedExamTableModel.COL_EXAM: 150, PerformedExamTableModel.COL_BY: 110},
            stretch=(PerformedExamTableModel.COL_RESULT,),
        )
        exams_layout.addWidget(self.exams_table, 1)
        lower.addWidget(self.exams_box)

        appointments_box = QWidget()
        appointments_layout = QVBoxLayout(appointments_box)
        appointments_layout.setContentsMargins(0, 0, 0, 0)
        appointments_layout.addWidget(_section_title(self.tr("Appointments")))
        self.appointment_model = AppointmentTableModel(self)
        self.appointment_table = data_table("appointment_table", self.appointment_model)
        set_column_modes(
            self.appointment_table.horizontalHeader(),
            contents=(
                AppointmentTableModel.COL_DATE,
                AppointmentTableModel.COL_TIME,
                AppointmentTableModel.COL_STATUS,
            ),
            widths={
                AppointmentTableModel.COL_EXAM: 190,
                AppointmentTableModel.COL_PRACTITIONER: 130,
            },
            stretch=(AppointmentTableModel.COL_PLACE,),
        )
        self.appointment_table.selectionModel().selectionChanged.connect(self._update_actions)
        appointments_layout.addWidget(self.appointment_table, 1)
        actions = QHBoxLayout()
        self.confirm_button = self._button("confirm_appointment_button", self.tr("Confirm"))
        self.confirm_button.clicked.connect(
            lambda: self.appointment_action(AppointmentAction.CONFIRM)
        )
        self.attended_button = self._button("attended_button", self.tr("Attended"))
        self.attended_button.clicked.connect(
            lambda: self.appointment_action(AppointmentAction.MARK_DONE)
        )
        self.missed_button = self._button("missed_button", self.tr("Missed"))
        self.missed_button.clicked.connect(
            lambda: self.appointment_action(AppointmentAction.MARK_MISSED)
        )
        self.cancel_button = self._button("cancel_appointment_button", self.tr("Cancel it…"))
        self.cancel_button.clicked.connect(self._ask_cancel)
        self.reschedule_button = self._button("reschedule_button", self.tr("Reschedule…"))
        self.reschedule_button.clicked.connect(self.open_reschedule)
        for button in (
            self.confirm_button,
            self.attended_button,
            self.missed_button,
            self.cancel_button,
            self.reschedule_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        appointments_layout.addLayout(actions)
        lower.addWidget(appointments_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([600, 700])
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self._update_actions()

    @staticmethod
    def _button(name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # ------------------------------------------------------------------- reading
    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        """Read the plan and the appointments again (in the background)."""
        self._loading = True
        self._update_actions()
        self._tasks.run(
            load_followup,
            self._session,
            self._patient_id,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            label=self.tr("Reading the follow-up…"),
            owner=self,
        )

    def _on_loaded(self, data: FollowupData) -> None:
        self._loading = False
        selected_item = self.selected_item()
        selected_appointment = self.selected_appointment()
        self.data = data
        plan = data.plan
        today = self.today
        scheduled: dict[int, dt.date] = {}
        for appointment in data.appointments:
            if appointment.plan_item_id is None or appointment.status not in ACTIVE_STATUSES:
                continue
            day = appointment.starts_at.date()
            if day >= today:
                known = scheduled.get(appointment.plan_item_id)
                scheduled[appointment.plan_item_id] = min(day, known) if known else day
        self.plan_model.set_plan(plan.items, today=today, scheduled=scheduled)
        self.exams_model.set_exams(plan.performed)
        self.appointment_model.set_rows(self._ordered(data.appointments))
        self.exams_box.setVisible(plan.clinical)
        self._show_note(plan)
        self._show_counts(plan)
        self._reselect(self.plan_table, self.plan_model, selected_item)
        self._reselect(self.appointment_table, self.appointment_model, selected_appointment)
        self._update_actions()
        self.sig_loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_error(exc)
        self._update_actions()
        self.sig_loaded.emit()

    def _ordered(self, appointments: tuple[AppointmentView, ...]) -> list[AppointmentView]:
        """Those to come first (soonest first), then the past ones (latest first)."""
        now = dt.datetime.now()
        upcoming = sorted(
            (a for a in appointments if a.active and a.ends_at >= now), key=lambda a: a.starts_at
        )
        past = [a for a in appointments if a not in upcoming]
        past.sort(key=lambda a: a.starts_at, reverse=True)
        return upcoming + past

    @staticmethod
    def _reselect(table: QTableView, model: object, row_id: object) -> None:
        if row_id is None:
            return
        row = model.row_of(row_id.id)  # type: ignore[attr-defined]
        if row >= 0:
            table.selectRow(row)

    def _show_counts(self, plan: PlanView) -> None:
        if not plan.items:
            self.plan_info_label.setText("")
            text = self.tr(
                "No surveillance plan: the plan follows from the class 4 or 5 variants "
                "of the Genetics tab and from the personal history."
            )
            if self.may_adjust:
                text += " " + self.tr(
                    "Without a variant, a HAS 2014 high-risk protocol is applied with "
                    "“Protocols without a variant…”."
                )
            self.empty_label.setText(text)
            self.empty_label.show()
            return
        self.empty_label.hide()
        kinds = [self.plan_model.badge(item) for item in plan.items]
        overdue = sum(1 for kind in kinds if kind is not None and kind != "due_soon")
        soon = sum(1 for kind in kinds if kind == "due_soon")
        parts = [self.tr("%n exam(s)", "", len(plan.items))]
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n due within 8 weeks", "", soon))
        if not plan.clinical:
            parts.append(self.tr("exams and dates only"))
        self.plan_info_label.setText(" — ".join(parts))

    def _show_note(self, plan: PlanView) -> None:
        update = plan.update
        if update is None or not update.changes:
            self.note_label.hide()
            self.note_button.hide()
            return
        lines = [self._change_text(change) for change in update.changes]
        show_banner(
            self.note_label,
            self.tr("Plan updated on {date}:\n{changes}").format(
                date=french_day(update.computed_on), changes="\n".join(lines)
            ),
            "hint",
        )
        self.note_button.show()

    def _change_text(self, change: PlanChange) -> str:
        text = self.tr("• {exam}: {change}").format(
            exam=exam_label(change.exam, change.label),
            change=followup_label(PLAN_CHANGE_LABELS, change.kind),
        )
        if change.kind is PlanChangeKind.NEXT_DUE_CHANGED or (
            change.old_next_due is not None and change.new_next_due is not None
        ):
            text += self.tr(" ({old} → {new})").format(
                old=french_day(change.old_next_due), new=french_day(change.new_next_due)
            )
        elif change.kind is PlanChangeKind.ADDED and change.new_next_due is not None:
            text += self.tr(" (next due {date})").format(date=french_day(change.new_next_due))
        return text

    def note_text(self) -> str:
        return "" if self.note_label.isHidden() else self.note_label.text()

    def acknowledge_update(self) -> None:
        self._session.followup.acknowledge_update(self._patient_id)  # in memory only
        self.note_label.hide()
        self.note_button.hide()

    def _show_error(self, exc: BaseException) -> None:
        show_banner(self.banner_label, error_text(exc), "error")

    def _clear_error(self) -> None:
        self.banner_label.hide()

    # ------------------------------------------------------------------- actions
    def selected_item(self) -> PlanItemView | None:
        rows = self.plan_table.selectionModel().selectedRows()
        return self.plan_model.row_at(rows[0].row()) if rows else None

    def selected_appointment(self) -> AppointmentView | None:
        rows = self.appointment_table.selectionModel().selectedRows()
        return self.appointment_model.row_at(rows[0].row()) if rows else None

    def select_item(self, row: int) -> None:
        self.plan_table.selectRow(row)

    def select_appointment(self, row: int) -> None:
        self.appointment_table.selectRow(row)

    def _access(self) -> PatientAccess:
        return self.data.plan.access if self.data is not None else PatientAccess.NONE

    @property
    def may_record_exams(self) -> bool:
        """Clinical roles with write access and the clinical key (the plan's keys)."""
        return (
            self.data is not None
            and self.data.plan.clinical
            and self._session.can(Permission.EDIT_CLINICAL)
            and self._access() >= PatientAccess.WRITE
        )

    @property
    def may_adjust(self) -> bool:
        return self.may_record_exams and self._session.actor.role is Role.PRACTITIONER

    @property
    def may_book(self) -> bool:
        return (
            self.data is not None
            and self._session.can(Permission.MANAGE_APPOINTMENTS)
            and self._access() >= PatientAccess.WRITE
        )

    def _update_actions(self, *_args: object) -> None:
        item = self.selected_item()
        appointment = self.selected_appointment()
        idle = not self._loading
        self.done_button.setVisible(self.may_record_exams)
        self.adjust_button.setVisible(self.may_adjust)
        self.add_button.setVisible(self.may_adjust)
        self.done_button.setEnabled(idle and item is not None and item.next_due is not None)
        self.adjust_button.setEnabled(idle and item is not None)
        self.add_button.setEnabled(idle)
        self.protocols_button.setVisible(self.may_adjust)
        self.protocols_button.setEnabled(idle)
        self.book_button.setVisible(self.may_book)
        self.book_button.setEnabled(idle)
        status = appointment.status if appointment is not None else None
        for button, allowed in (
            (self.confirm_button, {AppointmentStatus.BOOKED}),
            (self.attended_button, ACTIVE_STATUSES),
            (self.missed_button, ACTIVE_STATUSES),
            (self.cancel_button, ACTIVE_STATUSES),
            (self.reschedule_button, ACTIVE_STATUSES | {AppointmentStatus.MISSED}),
        ):
            button.setVisible(self.may_book)
            button.setEnabled(idle and status in allowed)

    def _default_plan_action(self) -> None:
        if self.may_record_exams and self.done_button.isEnabled():
            self.open_exam_done()
        elif self.may_book:
            self.open_booking()

    def _open(
        self,
        dialog: ExamDoneDialog | AdjustItemDialog | AddExamDialog | ManualProtocolsDialog,
        on_saved: Callable[[object], None],
    ) -> None:
        self.dialog = dialog
        dialog.sig_saved.connect(on_saved)
        dialog.open()

    def open_exam_done(self) -> ExamDoneDialog | None:
        item = self.selected_item()
        if item is None or not self.may_record_exams:
            return None
        dialog = ExamDoneDialog(
            self._session, self._tasks, self._patient_id, item, today=self.today, parent=self
        )
        self._open(dialog, self._on_plan_saved)
        return dialog

    def open_adjust(self) -> AdjustItemDialog | None:
        item = self.selected_item()
        if item is None or not self.may_adjust:
            return None
        dialog = AdjustItemDialog(self._session, self._tasks, self._patient_id, item, parent=self)
        self._open(dialog, self._on_plan_saved)
        return dialog

    def open_add_exam(self) -> AddExamDialog | None:
        if not self.may_adjust:
            return None
        dialog = AddExamDialog(self._session, self._tasks, self._patient_id, parent=self)
        self._open(dialog, self._on_plan_saved)
        return dialog

    def open_manual_protocols(self) -> ManualProtocolsDialog | None:
        """The protocols applied by hand to a file without a variant (a practitioner)."""
        if not self.may_adjust:
            return None
        dialog = ManualProtocolsDialog(self._session, self._tasks, self._patient_id, parent=self)
        self._open(dialog, self._on_plan_saved)
        return dialog

    def _on_plan_saved(self, _update: object) -> None:
        # The user's own change: no "plan updated" note about it (the table shows it).
        self._session.followup.acknowledge_update(self._patient_id)
        self._clear_error()
        self.sig_changed.emit()
        self.refresh()

    def open_booking(self) -> AppointmentDialog | None:
        if not self.may_book:
            return None
        item = self.selected_item()
        dialog = AppointmentDialog(
            self._session,
            self._tasks,
            self._patient_id,
            exam=str(item.exam) if item is not None else None,
            plan_item_id=item.id if item is not None else None,
            parent=self,
        )
        self.dialog = dialog
        dialog.sig_booked.connect(self._on_booked)
        dialog.open()
        return dialog

    def open_reschedule(self) -> AppointmentDialog | None:
        appointment = self.selected_appointment()
        if appointment is None or not self.may_book:
            return None
        dialog = AppointmentDialog(
            self._session, self._tasks, self._patient_id, appointment=appointment, parent=self
        )
        self.dialog = dialog
        dialog.sig_booked.connect(self._on_booked)
        dialog.open()
        return dialog

    def _on_booked(self, result: BookingResult) -> None:
        if result.warnings:
            show_banner(
                self.banner_label,
                "\n".join(warning_text(w) for w in result.warnings),
                "warning",
            )
        else:
            self._clear_error()
        self.sig_changed.emit()
        self.refresh()

    def _ask_cancel(self) -> None:
        appointment = self.selected_appointment()
        if appointment is None:
            return
        self.dialog = confirm(
            self,
            self.tr("Cancel the appointment"),
            self.tr("Cancel the appointment of {date} at {time}?").format(
                date=french_day(appointment.starts_at.date()),
                time=appointment.starts_at.strftime("%H:%M"),
            ),
            self.tr("The appointment stays in the list as cancelled."),
            self.tr("Cancel the appointment"),
            lambda: self.appointment_action(AppointmentAction.CANCEL),
        )

    def appointment_action(self, action: AppointmentAction) -> None:
        """Confirm, mark attended or missed, or cancel the selected appointment."""
        appointment = self.selected_appointment()
        if appointment is None or not self.may_book:
            return
        service = self._session.appointments
        fn = {
            AppointmentAction.CONFIRM: service.confirm,
            AppointmentAction.MARK_DONE: service.mark_done,
            AppointmentAction.MARK_MISSED: service.mark_missed,
            AppointmentAction.CANCEL: service.cancel,
        }[action]
        self._loading = True
        self._update_actions()
        self._tasks.run(
            fn,
            appointment.id,
            expected_version=appointment.version,
            on_success=lambda _view: self._on_appointment_changed(),
            on_failure=self._on_action_failed,
            label=self.tr("Saving the appointment…"),
            owner=self,
        )

    def _on_appointment_changed(self) -> None:
        self._clear_error()
        self.sig_changed.emit()
        self.refresh()

    def _on_action_failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self.refresh()
