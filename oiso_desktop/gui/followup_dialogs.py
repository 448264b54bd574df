"""The Suivi tab's dialogs: an exam performed, an item adjusted, an exam added, the
protocols applied by hand (no variant: HAS 2014 high-risk protocols).

Each checks what it can as the user types (a date not in the future, a reason), then
calls the service through the TaskRunner; a refusal shows the service's message at
its field (or in the banner). ``sig_saved`` carries the service's ``PlanUpdate``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import Protocol, ProtocolItem
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.followup_labels import ages_text, exam_label, schedule_text
from oiso_desktop.gui.followup_table_models import french_day
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.dialog_parts import ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import FieldMessage
from oiso_desktop.gui.widgets.form_dialog import FormDialog
from oiso_desktop.services.followup_service import (
    MAX_REASON_LENGTH,
    MAX_RESULT_LENGTH,
    PlanItemView,
)

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = [
    "AddExamDialog",
    "AdjustItemDialog",
    "ExamDoneDialog",
    "ManualProtocols",
    "ManualProtocolsDialog",
    "load_manual_protocols",
]

MAX_AGE = 120.0

_T_EXAM_PERFORMED = QT_TRANSLATE_NOOP("FollowupDialogs", "Exam performed")
_T_RECORD = QT_TRANSLATE_NOOP("FollowupDialogs", "Record")
_T_ADJUST_THE_EXAM = QT_TRANSLATE_NOOP("FollowupDialogs", "Adjust the exam")
_T_ADJUST = QT_TRANSLATE_NOOP("FollowupDialogs", "Adjust")
_T_ADD_AN_EXAM_TO_THE_PLAN = QT_TRANSLATE_NOOP("FollowupDialogs", "Add an exam to the plan")
_T_ADD = QT_TRANSLATE_NOOP("FollowupDialogs", "Add")
_T_PROTOCOLS_WITHOUT_VARIANT = QT_TRANSLATE_NOOP("FollowupDialogs", "Protocols without a variant")
_T_APPLY = QT_TRANSLATE_NOOP("FollowupDialogs", "Apply")


def _dtr(text: str) -> str:
    return QCoreApplication.translate("FollowupDialogs", text)


def _age_spin(object_name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(object_name)
    spin.setRange(0.0, MAX_AGE)
    spin.setDecimals(1)
    spin.setSingleStep(1.0)
    return spin


class _PlanDialog(FormDialog):
    """A form with a message under each input, a banner, OK / Cancel; one service call."""

    sig_saved = Signal(object)  # PlanUpdate

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        title: str,
        ok_text: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, show_all=False)
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._busy = False
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._layout = QVBoxLayout(self)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        self._layout.addWidget(self.banner_label)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addLayout(self.form)
        self._field_inputs: dict[str, QWidget] = {}
        self._field_messages: dict[str, QLabel] = {}
        self._buttons, self.ok_button, self.cancel_button = ok_cancel_buttons("ok_button", ok_text)
        self._buttons.accepted.connect(self.submit)
        self._buttons.rejected.connect(self.reject)

    def _row(self, name: str, label: str, widget: QWidget, target: QWidget | None = None) -> None:
        """A row of the form; ``target`` is the input the messages of ``name`` go to."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = FieldMessage()
        column.addWidget(message)
        self.form.addRow(label, box)
        self._field_inputs[name] = target or widget
        self._field_messages[name] = message

    def _finish(self) -> None:
        self._layout.addWidget(self._buttons)
        self.set_fields(self._field_inputs, self._field_messages, self.banner_label)
        self._revalidate()

    # --------------------------------------------------------------- validation
    def _local_errors(self) -> dict[str, str]:
        return {}

    def _revalidate(self, *_args: object) -> None:
        self._errors = self._local_errors()
        self.show_field_errors()
        self.ok_button.setEnabled(not self._busy)

    # ------------------------------------------------------------------ saving
    def _call(self) -> tuple[object, tuple[object, ...], dict[str, object]]:
        raise NotImplementedError

    def submit(self) -> None:
        self._show_all = True
        self._revalidate()
        if self._errors or self._busy:
            self.adjustSize()  # room for the messages now shown
            return
        fn, args, kwargs = self._call()
        self._busy = True
        self._revalidate()
        self._show_banner("")
        self._tasks.run(
            fn,  # type: ignore[arg-type]
            *args,
            on_success=self._on_saved,
            on_failure=self._on_failed,
            label=self.windowTitle(),
            owner=self,
            **kwargs,
        )

    def _on_saved(self, update: object) -> None:
        self._busy = False
        self.sig_saved.emit(update)
        self.accept()

    def _field_of(self, exc: BaseException) -> str | None:
        return exc.field if isinstance(exc, ValidationError) else None

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._revalidate()
        field = self._field_of(exc)
        if field is not None and field in self._messages:
            self.show_field_error(field, error_text(exc))
        else:
            self._show_banner(error_text(exc), "error")


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("reason_edit")
    edit.setFixedHeight(64)
    edit.setTabChangesFocus(True)
    return edit


class ExamDoneDialog(_PlanDialog):
    """Record the exam of ``item`` as performed (date, result summary): clinical roles."""

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        item: PlanItemView,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            tasks,
            patient_id,
            _dtr(_T_EXAM_PERFORMED),
            _dtr(_T_RECORD),
            parent,
        )
        self.setObjectName("exam_done_dialog")
        self._item = item
        self._today = today or dt.date.today()
        title = QLabel(exam_label(item.exam, item.label))
        title.setObjectName("exam_title_label")
        title.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("Exam:"), title)
        self.date_edit = DateLineEdit()
        self.date_edit.setObjectName("performed_on_edit")
        self.date_edit.setDate(self._today)
        self.date_edit.setMaximumWidth(130)
        self._row("performed_on", self.tr("Performed on:"), self.date_edit)
        self.result_edit = QPlainTextEdit()
        self.result_edit.setObjectName("result_edit")
        self.result_edit.setPlaceholderText(self.tr("Result summary (e.g. normal, ACR 2)"))
        self.result_edit.setFixedHeight(90)
        self.result_edit.setTabChangesFocus(True)
        self.result_edit.textChanged.connect(self._revalidate)
        self._row("result_summary", self.tr("Result:"), self.result_edit)
        self._finish()

    def _local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        day = self.date_edit.date()
        if not self.date_edit.text().strip():
            errors["performed_on"] = self.tr("Enter the date of the exam.")
        elif day is None:
            errors["performed_on"] = self.date_edit.problem()
        elif day > self._today:
            errors["performed_on"] = self.tr(
                "An exam cannot be marked as performed in the future ({date})."
            ).format(date=french_day(day))
        if len(self.result_edit.toPlainText().strip()) > MAX_RESULT_LENGTH:
            errors["result_summary"] = self.tr("At most {count} characters.").format(
                count=MAX_RESULT_LENGTH
            )
        return errors

    def _call(self) -> tuple[object, tuple[object, ...], dict[str, object]]:
        return (
            self._session.followup.mark_done,
            (self._patient_id, self._item.key, self.date_edit.date()),
            {"result_summary": self.result_edit.toPlainText().strip()},
        )


class AdjustItemDialog(_PlanDialog):
    """Adjust one plan item (ages, interval, or stop it) with a reason: a practitioner."""

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        item: PlanItemView,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            tasks,
            patient_id,
            _dtr(_T_ADJUST_THE_EXAM),
            _dtr(_T_ADJUST),
            parent,
        )
        self.setObjectName("adjust_item_dialog")
        self._item = item
        current = QLabel(
            self.tr("{exam} — {ages}, {schedule}").format(
                exam=exam_label(item.exam, item.label),
                ages=ages_text(item.start_age, item.end_age),
                schedule=schedule_text(item.interval_months, item.fixed_ages),
            )
        )
        current.setObjectName("current_label")
        current.setWordWrap(True)
        self.form.addRow(self.tr("Now:"), current)
        self.start_spin = _age_spin("start_age_spin")
        self.start_spin.setValue(item.start_age)
        self.start_spin.setSuffix(self.tr(" years"))
        self._row("start_age", self.tr("Start age:"), self.start_spin)
        self.end_spin = _age_spin("end_age_spin")
        self.end_spin.setSuffix(self.tr(" years"))
        self.no_end_check = QCheckBox(self.tr("No end age"))
        self.no_end_check.setObjectName("no_end_check")
        if item.end_age is None:
            self.no_end_check.setChecked(True)
            self.end_spin.setValue(max(item.start_age + 1, 0))
        else:
            self.end_spin.setValue(item.end_age)
        self.end_spin.setEnabled(item.end_age is not None)
        self.no_end_check.toggled.connect(lambda on: self.end_spin.setEnabled(not on))
        end_box = QWidget()
        end_row = QVBoxLayout(end_box)
        end_row.setContentsMargins(0, 0, 0, 0)
        end_row.addWidget(self.end_spin)
        end_row.addWidget(self.no_end_check)
        self._row("end_age", self.tr("End age:"), end_box, self.end_spin)
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("interval_spin")
        self.interval_spin.setRange(0, 1440)
        self.interval_spin.setSpecialValueText(self.tr("once"))
        self.interval_spin.setSuffix(self.tr(" months"))
        self.interval_spin.setValue(item.interval_months or 0)
        self._row("interval_months", self.tr("Interval:"), self.interval_spin)
        self.stop_check = QCheckBox(self.tr("Stop this exam"))
        self.stop_check.setObjectName("stop_check")
        self.form.addRow("", self.stop_check)
        self.reason_edit = _reason_edit()
        self.reason_edit.setPlaceholderText(self.tr("Why this exam is adjusted (required)"))
        self.reason_edit.textChanged.connect(self._revalidate)
        self._row("reason", self.tr("Reason:"), self.reason_edit)
        for spin in (self.start_spin, self.end_spin, self.interval_spin):
            spin.valueChanged.connect(self._revalidate)
        self._finish()

    def _local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            errors["reason"] = self.tr("Enter the reason for this adjustment.")
        elif len(reason) > MAX_REASON_LENGTH:
            errors["reason"] = self.tr("At most {count} characters.").format(
                count=MAX_REASON_LENGTH
            )
        if not self.no_end_check.isChecked() and self.end_spin.value() <= self.start_spin.value():
            errors["end_age"] = self.tr("The end age must be above the start age.")
        return errors

    def changes(self) -> dict[str, object]:
        """The keyword arguments of ``adjust_item`` for what the user changed."""
        item = self._item
        changes: dict[str, object] = {}
        if self.stop_check.isChecked():
            changes["stopped"] = True
        if abs(self.start_spin.value() - item.start_age) > 1e-9:
            changes["start_age"] = self.start_spin.value()
        if self.no_end_check.isChecked():
            if item.end_age is not None:
                changes["remove_end_age"] = True
        elif item.end_age is None or abs(self.end_spin.value() - item.end_age) > 1e-9:
            changes["end_age"] = self.end_spin.value()
        interval = self.interval_spin.value() or None
        if interval != item.interval_months and interval is not None:
            changes["interval_months"] = interval
        return changes

    def _call(self) -> tuple[object, tuple[object, ...], dict[str, object]]:
        return (
            self._session.followup.adjust_item,
            (self._patient_id, self._item.key),
            {"reason": self.reason_edit.toPlainText().strip(), **self.changes()},
        )


class AddExamDialog(_PlanDialog):
    """Add an exam to the patient's plan, with a reason: a practitioner."""

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            tasks,
            patient_id,
            _dtr(_T_ADD_AN_EXAM_TO_THE_PLAN),
            _dtr(_T_ADD),
            parent,
        )
        self.setObjectName("add_exam_dialog")
        self.exam_combo = QComboBox()
        self.exam_combo.setObjectName("exam_combo")
        for kind in ExamKind:
            self.exam_combo.addItem(exam_label(kind), kind.value)
        self.exam_combo.currentIndexChanged.connect(self._on_exam_changed)
        self._row("exam", self.tr("Exam:"), self.exam_combo)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("label_edit")
        self.label_edit.setPlaceholderText(self.tr("Name of the exam"))
        self.label_edit.setEnabled(False)
        self._row("label", self.tr("Name:"), self.label_edit)
        self.start_spin = _age_spin("start_age_spin")
        self.start_spin.setSuffix(self.tr(" years"))
        self.start_spin.setValue(18.0)
        self._row("start_age", self.tr("Start age:"), self.start_spin)
        self.end_spin = _age_spin("end_age_spin")
        self.end_spin.setSuffix(self.tr(" years"))
        self.end_spin.setSpecialValueText(self.tr("no end age"))
        self.end_spin.setValue(0.0)
        self._row("end_age", self.tr("End age:"), self.end_spin)
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("interval_spin")
        self.interval_spin.setRange(0, 1440)
        self.interval_spin.setSpecialValueText(self.tr("once"))
        self.interval_spin.setSuffix(self.tr(" months"))
        self.interval_spin.setValue(12)
        self._row("interval_months", self.tr("Interval:"), self.interval_spin)
        self.reason_edit = _reason_edit()
        self.reason_edit.setPlaceholderText(self.tr("Why this exam is added (required)"))
        self.reason_edit.textChanged.connect(self._revalidate)
        self._row("reason", self.tr("Reason:"), self.reason_edit)
        for spin in (self.start_spin, self.end_spin, self.interval_spin):
            spin.valueChanged.connect(self._revalidate)
        self._finish()

    def _on_exam_changed(self) -> None:
        self.label_edit.setEnabled(self.exam_combo.currentData() == ExamKind.OTHER)
        self._revalidate()

    def _local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.reason_edit.toPlainText().strip():
            errors["reason"] = self.tr("Enter the reason for this addition.")
        if self.exam_combo.currentData() == ExamKind.OTHER and not self.label_edit.text().strip():
            errors["label"] = self.tr("Name the exam.")
        end = self.end_spin.value()
        if end and end <= self.start_spin.value():
            errors["end_age"] = self.tr("The end age must be above the start age.")
        return errors

    def item(self) -> ProtocolItem:
        exam = ExamKind(self.exam_combo.currentData())
        end = self.end_spin.value()
        return ProtocolItem(
            key=f"{exam.value}_{uuid.uuid4().hex[:8]}",
            exam=exam,
            label=self.label_edit.text().strip() if exam is ExamKind.OTHER else "",
            start_age=self.start_spin.value(),
            end_age=end or None,
            interval_months=self.interval_spin.value() or None,
        )

    def _field_of(self, exc: BaseException) -> str | None:
        field = super()._field_of(exc)
        return field.removeprefix("added.") if field else None

    def _call(self) -> tuple[object, tuple[object, ...], dict[str, object]]:
        return (
            self._session.followup.add_item,
            (self._patient_id, self.item()),
            {"reason": self.reason_edit.toPlainText().strip()},
        )


@dataclass(frozen=True)
class ManualProtocols:
    """The protocols selectable by hand and the keys applied to the file."""

    protocols: tuple[Protocol, ...]
    selected: tuple[str, ...]


def load_manual_protocols(session: UserSession, patient_id: int) -> ManualProtocols:
    """Read the protocols selectable by hand and the file's selection (in the background)."""
    protocols = tuple(
        view.protocol for view in session.followup.protocols() if view.protocol.manual_only
    )
    return ManualProtocols(
        protocols=protocols, selected=session.followup.selected_protocols(patient_id)
    )


class ManualProtocolsDialog(_PlanDialog):
    """Apply protocols selected by hand (``Protocol.manual_only``) to a file with no
    variant: a practitioner. One checkbox per protocol, with its exams, its source note
    and its "to be confirmed" marks; checked as the file's selection stands. Saving
    replaces the selection (``select_protocols``); ``sig_saved`` carries the
    ``PlanUpdate``."""

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            tasks,
            patient_id,
            _dtr(_T_PROTOCOLS_WITHOUT_VARIANT),
            _dtr(_T_APPLY),
            parent,
        )
        self.setObjectName("manual_protocols_dialog")
        self.setMinimumWidth(640)
        self.data: ManualProtocols | None = None
        self.checks: dict[str, QCheckBox] = {}
        explanation = QLabel(
            self.tr(
                "For a patient without a variant whose family history meets the HAS 2014 "
                "criteria of high or very high risk (no variant found, or no test). The "
                "exams of the checked protocols join the plan; uncheck a protocol to "
                "remove its exams."
            )
        )
        explanation.setObjectName("explanation_label")
        explanation.setWordWrap(True)
        self._layout.insertWidget(1, explanation)
        self.status_label = QLabel(self.tr("Reading the protocols…"))
        self.status_label.setObjectName("status_label")
        style.set_role(self.status_label, "hint")
        self._layout.insertWidget(2, self.status_label)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 8, 0)
        self._list_layout.setSpacing(4)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("protocols_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setWidget(self._list)
        self._scroll.setMinimumHeight(240)
        self._scroll.setMaximumHeight(520)
        self._scroll.hide()
        self._layout.insertWidget(3, self._scroll, 1)
        self._busy = True  # until the protocols are read
        self._finish()
        tasks.run(
            load_manual_protocols,
            session,
            patient_id,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            label=self.tr("Reading the protocols…"),
            owner=self,
        )

    # ------------------------------------------------------------------ reading
    def _on_loaded(self, data: ManualProtocols) -> None:
        self.data = data
        self._busy = False
        if not data.protocols:
            self.status_label.setText(self.tr("No protocol can be selected by hand."))
            self.ok_button.setEnabled(False)
            return
        self.status_label.hide()
        for protocol in data.protocols:
            self._add_protocol(protocol, protocol.key in data.selected)
        self._list_layout.addStretch(1)
        self._scroll.show()
        self._revalidate()
        self.adjustSize()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status_label.hide()
        self._show_banner(error_text(exc), "error")
        self.ok_button.setEnabled(False)

    def _add_protocol(self, protocol: Protocol, checked: bool) -> None:
        name = protocol.name
        if protocol.to_confirm:
            name += " " + self.tr("(to be confirmed)")
        check = QCheckBox(name)
        check.setObjectName(f"protocol_check_{protocol.key}")
        check.setChecked(checked)
        check.setStyleSheet("font-weight: bold;")
        self.checks[protocol.key] = check
        self._list_layout.addWidget(check)
        lines = []
        for item in protocol.items:
            line = self.tr("• {exam}: {ages}, {schedule}").format(
                exam=exam_label(item.exam, item.label),
                ages=ages_text(item.start_age, item.end_age),
                schedule=schedule_text(item.interval_months, item.fixed_ages),
            )
            if item.to_confirm:
                line += " " + self.tr("(to be confirmed)")
            lines.append(line)
            if item.to_confirm and item.to_confirm_note:
                lines.append("   " + item.to_confirm_note)
        details = QLabel("\n".join(lines))
        details.setObjectName(f"protocol_items_{protocol.key}")
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.PlainText)
        details.setContentsMargins(24, 0, 0, 0)
        self._list_layout.addWidget(details)
        if protocol.source_note:
            source = QLabel(self.tr("Source: {note}").format(note=protocol.source_note))
            source.setObjectName(f"protocol_source_{protocol.key}")
            source.setWordWrap(True)
            source.setTextFormat(Qt.TextFormat.PlainText)
            source.setContentsMargins(24, 0, 0, 8)
            style.set_role(source, "hint")
            self._list_layout.addWidget(source)

    # ------------------------------------------------------------------ saving
    def selected_keys(self) -> list[str]:
        """The checked protocols, plus any key of the file's selection not listed here."""
        shown = set(self.checks)
        kept = [key for key in (self.data.selected if self.data else ()) if key not in shown]
        return kept + [key for key, check in self.checks.items() if check.isChecked()]

    def set_checked(self, key: str, checked: bool) -> None:
        self.checks[key].setChecked(checked)

    def submit(self) -> None:
        if self.data is None or not self.data.protocols:
            return
        super().submit()

    def _call(self) -> tuple[object, tuple[object, ...], dict[str, object]]:
        return (
            self._session.followup.select_protocols,
            (self._patient_id, self.selected_keys()),
            {},
        )
