"""Patient identity dialog: create or edit, live validation, duplicates, edit conflicts.

The form is ``ui/patient_dialog.ui`` (compiled into ``gui/forms``). Validation
uses the domain rules (``domain.identifiers``, ``domain.patients``) as the user
types; the service validates again when saving.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ConcurrentEditError, ValidationError
from oiso_desktop.domain.identifiers import validate_nir
from oiso_desktop.domain.patients import IdentityFields, normalise_identity
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.forms.ui_patient_dialog import Ui_PatientDialog
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.patient_table_model import (
    PatientTableModel,
    format_date,
    format_nir,
    ins_status_label,
)
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import PatientSummary, PatientView

__all__ = ["DuplicateCandidatesDialog", "PatientDialog"]

CONTEXT = "PatientDialog"

SEX_LABELS = {
    "F": QT_TRANSLATE_NOOP("PatientDialog", "Female (F)"),
    "M": QT_TRANSLATE_NOOP("PatientDialog", "Male (M)"),
    "I": QT_TRANSLATE_NOOP("PatientDialog", "Undetermined (I)"),
}
VITAL_STATUS_LABELS = {
    "alive": QT_TRANSLATE_NOOP("PatientDialog", "Alive"),
    "deceased": QT_TRANSLATE_NOOP("PatientDialog", "Deceased"),
    "unknown": QT_TRANSLATE_NOOP("PatientDialog", "Unknown"),
}

# every IdentityFields attribute edited by the form, in screen order
FIELD_NAMES = (
    "birth_name",
    "first_names",
    "birth_date",
    "sex",
    "birth_place_code",
    "nir",
    "ins_status",
    "used_name",
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "referring_physician",
    "vital_status",
    "death_date",
)

# A valid identity used to check one field at a time with the domain rules.
_PROBE = IdentityFields(
    birth_name="PROBE", first_names="Probe", birth_date=date(2000, 1, 1), sex="I"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class DuplicateCandidatesDialog(QDialog):
    """Lists the existing files that look like the new patient: create anyway or cancel."""

    def __init__(self, candidates: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicate_dialog")
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.resize(820, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "One or more existing patient files look like this patient. Check that it is "
                "not the same person before creating a new file."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = PatientTableModel(self)
        summaries = [c for c in candidates if hasattr(c, "birth_name")]
        self.model.set_rows(summaries)
        table = data_table("candidates_table", self.model)
        set_column_modes(
            table.horizontalHeader(), contents=range(PatientTableModel.COLUMN_COUNT - 1)
        )
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("create_anyway_button")
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PatientDialog(FormDialog):
    """Create (``patient=None``) or edit the identity of a patient file.

    ``sig_saved(PatientView)`` is emitted after a successful save; the dialog
    then closes. ``saved_patient`` keeps the last saved view.

    ``embedded=True`` (an existing file, in the Identité tab of the patient-file
    window): the form is a plain widget, without its own buttons; the window
    calls :meth:`save` and the form stays open after saving. ``sig_edited`` tells
    the window that the entries changed.
    """

    sig_saved = Signal(object)
    # emitted whenever the validation state changes (tests)
    sig_validation_changed = Signal()
    # the user changed an entry (embedded form)
    sig_edited = Signal()
    # a save attempt ended without saving (refused, conflict, duplicates): embedded form
    sig_save_failed = Signal()

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient: PatientView | None = None,
        parent: QWidget | None = None,
        *,
        embedded: bool = False,
    ) -> None:
        super().__init__(parent, show_all=patient is not None)
        self._embedded = embedded and patient is not None
        if self._embedded:
            self.setWindowFlags(Qt.WindowType.Widget)
        self._session = session
        self._tasks = tasks
        self._patient = patient
        self._version = patient.version if patient is not None else None
        self._conflict_hints: dict[str, str] = {}
        self.saved_patient: PatientView | None = None
        self.duplicate_dialog: DuplicateCandidatesDialog | None = None
        self.conflict_box: QMessageBox | None = None
        # A secretary creates files on behalf of a practitioner she assists.
        self._choose_owner = patient is None and session.can(Permission.CREATE_PATIENT_FOR_ASSISTED)
        self._owners_loaded = not self._choose_owner

        self.ui = Ui_PatientDialog()
        self.ui.setupUi(self)
        self.setObjectName("patient_dialog")
        ui = self.ui
        ui.cancel_button.setIcon(icon("cancel"))
        style.set_role(ui.required_hint_label, "hint")

        ui.sex_combo.addItem("—", "")
        for code, source in SEX_LABELS.items():
            ui.sex_combo.addItem(_tr(source), code)
        for code in ("PROV", "RECUP", "VALI", "QUAL"):
            ui.ins_status_combo.addItem(ins_status_label(code), code)
        for code, source in VITAL_STATUS_LABELS.items():
            ui.vital_status_combo.addItem(_tr(source), code)

        inputs: dict[str, QWidget] = {name: self._input(name) for name in FIELD_NAMES}
        messages: dict[str, QLabel] = {
            name: getattr(ui, f"{name}_message_label") for name in FIELD_NAMES
        }
        inputs["owner_id"] = ui.owner_combo
        messages["owner_id"] = ui.owner_message_label
        ui.followup_group_box_form_layout.setRowVisible(ui.owner_field_layout, self._choose_owner)
        self.set_fields(inputs, messages, ui.banner_label)
        ui.vital_status_combo.currentIndexChanged.connect(self._update_death_date_enabled)
        ui.save_button.clicked.connect(self._on_save_clicked)
        ui.cancel_button.clicked.connect(self.reject)

        if patient is None:
            self.setWindowTitle(self.tr("New patient"))
        else:
            self._load(patient.fields)
            name = f"{patient.fields.birth_name} {patient.fields.first_names}".strip()
            self.setWindowTitle(self.tr("Patient identity — {name}").format(name=name))
            if patient.access < PatientAccess.WRITE:
                self._set_read_only()
        self._update_death_date_enabled()
        if self._embedded:
            ui.save_button.hide()
            ui.cancel_button.hide()
        if self._choose_owner:
            ui.owner_combo.addItem(self.tr("Choose…"), None)
            tasks.run(
                session.users.list_practitioners,
                on_success=self._on_owners_loaded,
                on_failure=lambda exc: self._show_banner(error_text(exc), "error"),
                owner=self,
            )
        self._revalidate()

    def _on_owners_loaded(self, practitioners: list) -> None:
        combo = self.ui.owner_combo
        for practitioner in practitioners:
            combo.addItem(practitioner.display_name, practitioner.id)
        if len(practitioners) == 1:
            combo.setCurrentIndex(1)
        elif not practitioners:
            self._show_banner(
                self.tr(
                    "You assist no practitioner yet: ask the administrator to link your "
                    "account to the practitioners you work for."
                ),
                "warning",
            )
        self._owners_loaded = True
        self._revalidate()

    def owner_id(self) -> int | None:
        """The practitioner chosen as owner (secretary creating a file), else None."""
        return self.ui.owner_combo.currentData() if self._choose_owner else None

    def is_ready(self) -> bool:
        return self._owners_loaded

    # ------------------------------------------------------------ form <-> data
    def _input(self, name: str) -> QWidget:
        ui = self.ui
        if name in ("sex", "ins_status", "vital_status"):
            return getattr(ui, f"{name}_combo")
        return getattr(ui, f"{name}_edit")

    def _load(self, fields: IdentityFields) -> None:
        for name in FIELD_NAMES:
            self._set_value(name, getattr(fields, name))

    def _set_value(self, name: str, value: Any) -> None:
        widget = self._inputs[name]
        if isinstance(widget, DateLineEdit):
            widget.setDate(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value or "")
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            text = format_nir(value) if name == "nir" else (value or "")
            widget.setText(text)

    def _raw_value(self, name: str) -> Any:
        widget = self._inputs[name]
        if isinstance(widget, DateLineEdit):
            return widget.date()
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def collect_fields(self) -> IdentityFields:
        """The identity as typed (not normalised); the birth date may be None."""
        values = {name: self._raw_value(name) for name in FIELD_NAMES}
        values["nir"] = values["nir"].strip() or None
        if values["vital_status"] != "deceased":
            values["death_date"] = None
        return IdentityFields(**values)  # type: ignore[arg-type]

    # --------------------------------------------------------------- validation
    def is_modified(self) -> bool:
        """Whether the entries differ from the identity as loaded or last saved."""
        if self._patient is None:
            return any(self._raw_value(name) not in ("", None) for name in FIELD_NAMES)
        saved = self._patient.fields
        mine = self.collect_fields()
        return any(
            _comparable(name, getattr(mine, name)) != _comparable(name, getattr(saved, name))
            for name in FIELD_NAMES
        )

    def can_save(self) -> bool:
        """Whether a save would be attempted now (valid entries, not read only, idle)."""
        self._show_all = True
        self._revalidate()
        return not (self._errors or self._saving or self._read_only or not self._owners_loaded)

    def _on_field_edited(self, name: str) -> None:
        self._conflict_hints.pop(name, None)
        super()._on_field_edited(name)
        self.sig_edited.emit()

    def _update_death_date_enabled(self) -> None:
        deceased = self.ui.vital_status_combo.currentData() == "deceased"
        self.ui.death_date_edit.setEnabled(deceased and not self._read_only)

    @property
    def _read_only(self) -> bool:
        return self._patient is not None and self._patient.access < PatientAccess.WRITE

    def _validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        today = date.today()
        fields = self.collect_fields()

        def probe(**changes: Any) -> None:
            try:
                normalise_identity(dataclasses.replace(_PROBE, **changes), today=today)
            except ValidationError as exc:
                errors.setdefault(exc.field or next(iter(changes)), error_text(exc))

        for name in ("birth_name", "used_name", "first_names", "birth_place_code"):
            probe(**{name: getattr(fields, name)})
        for name in ("email", "postal_code", "phone"):
            if getattr(fields, name).strip():
                probe(**{name: getattr(fields, name)})

        birth_problem = self.ui.birth_date_edit.problem()
        if birth_problem:
            errors["birth_date"] = birth_problem
        else:
            probe(birth_date=fields.birth_date)
        if not fields.sex:
            errors["sex"] = self.tr("Choose the sex.")
        if fields.nir:
            try:
                validate_nir(fields.nir)
            except ValidationError as exc:
                errors["nir"] = error_text(exc)
        if fields.vital_status == "deceased":
            death_problem = self.ui.death_date_edit.problem()
            if death_problem:
                errors["death_date"] = death_problem
            elif fields.death_date is not None:
                birth = fields.birth_date if "birth_date" not in errors else _PROBE.birth_date
                probe(vital_status="deceased", birth_date=birth, death_date=fields.death_date)

        if self._choose_owner and self.ui.owner_combo.currentData() is None:
            errors["owner_id"] = self.tr("Choose the practitioner in charge of this file.")
        if not errors:
            # Rules across fields: NIR vs sex and birth date, QUAL needs a NIR...
            try:
                normalise_identity(fields, today=today)
            except ValidationError as exc:
                errors[exc.field if exc.field in self._inputs else "birth_name"] = error_text(exc)
        return errors

    def _revalidate(self, *_args: object) -> None:
        self._errors = self._validate()
        self.show_field_errors(self._conflict_hints)
        self.ui.save_button.setEnabled(
            not self._errors and not self._saving and not self._read_only and self._owners_loaded
        )
        self.sig_validation_changed.emit()

    # ---------------------------------------------------------------- read only
    def _set_read_only(self) -> None:
        for widget in self._inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.ui.save_button.hide()
        self.ui.required_hint_label.hide()
        self.ui.cancel_button.setText(self.tr("Close"))
        self._show_banner(
            self.tr("Read only: this file is shared with you for reading; you cannot change it."),
            "hint",
        )

    # -------------------------------------------------------------------- save
    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.ui.cancel_button.setEnabled(not saving)
        self._revalidate()

    def _on_save_clicked(self) -> None:
        self.save()

    def save(self, *, confirm_duplicates: bool = False) -> None:
        """Validate and save in the background (create or update)."""
        self._show_all = True
        self._revalidate()
        if self._errors or self._saving or self._read_only or not self._owners_loaded:
            return
        fields = normalise_identity(self.collect_fields(), today=date.today())
        self._show_banner("")
        self._set_saving(True)
        service = self._session.patients
        if self._patient is None:
            owner = {"owner_id": self.owner_id()} if self._choose_owner else {}
            self._tasks.run(
                service.create,
                fields,
                confirm_duplicates=confirm_duplicates,
                **owner,
                on_success=self._on_saved,
                on_failure=self._on_save_failed,
                label=self.tr("Saving the patient file…"),
                owner=self,
            )
        else:
            self._tasks.run(
                service.update,
                self._patient.id,
                fields,
                expected_version=self._version,
                on_success=self._on_saved,
                on_failure=self._on_save_failed,
                label=self.tr("Saving the patient file…"),
                owner=self,
            )

    def _on_saved(self, patient: PatientView) -> None:
        self._saving = False
        self.saved_patient = patient
        self._patient = patient
        self._version = patient.version
        self.sig_saved.emit(patient)
        if self._embedded:
            self._conflict_hints = {}
            self._show_banner("")
            self._revalidate()
        else:
            self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.sig_save_failed.emit()
        if getattr(exc, "code", None) == "possible_duplicate":
            self._show_duplicates(exc.params.get("candidates", ()))  # type: ignore[attr-defined]
        elif isinstance(exc, ConcurrentEditError):
            self._on_conflict()
        elif isinstance(exc, ValidationError) and exc.field in self._inputs:
            self._touched.add(exc.field)
            self._revalidate()
            self.show_field_error(exc.field, error_text(exc))
        else:
            self._show_banner(error_text(exc), "error")

    # -------------------------------------------------------------- duplicates
    def _show_duplicates(self, candidates: Sequence[PatientSummary]) -> None:
        dialog = DuplicateCandidatesDialog(candidates, self)
        self.duplicate_dialog = dialog
        dialog.accepted.connect(lambda: self.save(confirm_duplicates=True))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ---------------------------------------------------------------- conflict
    def _on_conflict(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("conflict_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Edit conflict"))
        box.setText(self.tr("This file was changed by someone else while you were editing it."))
        box.setInformativeText(
            self.tr(
                "Your entries are not lost. Reload the saved version: your entries stay in "
                "the form and the values saved meanwhile are shown under each field."
            )
        )
        reload_button = box.addButton(
            self.tr("Reload (your entries will be shown beside)"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        reload_button.setObjectName("reload_button")
        copy_button = box.addButton(self.tr("Copy my entries"), QMessageBox.ButtonRole.ActionRole)
        copy_button.setObjectName("copy_entries_button")
        box.setDefaultButton(reload_button)
        self.conflict_box = box

        def on_clicked(button: QPushButton) -> None:
            if button is copy_button:
                self.copy_entries_to_clipboard()
            # In both cases the current version is loaded beside the user's entries.
            self.reload_keeping_entries()

        box.buttonClicked.connect(on_clicked)
        box.finished.connect(box.deleteLater)
        self._show_banner(
            self.tr("This file was changed by someone else. Your entries are kept."), "warning"
        )
        box.open()

    def entries_text(self) -> str:
        """The user's entries as text lines "Label: value" (for the clipboard)."""
        lines = []
        for name in FIELD_NAMES:
            label = getattr(self.ui, f"{name}_label").text().rstrip(" *")
            widget = self._inputs[name]
            if isinstance(widget, QComboBox):
                value = widget.currentText() if widget.currentData() else ""
            else:
                value = widget.text()  # type: ignore[attr-defined]
            if value:
                lines.append(f"{label} : {value}")
        return "\n".join(lines)

    def copy_entries_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.entries_text())

    def reload_keeping_entries(self) -> None:
        """Fetch the saved version; keep the typed values and show the saved ones beside."""
        if self._patient is None:
            return
        self._tasks.run(
            self._session.patients.get,
            self._patient.id,
            on_success=self._on_reloaded,
            on_failure=lambda exc: self._show_banner(error_text(exc), "error"),
            label=self.tr("Reloading the patient file…"),
            owner=self,
        )

    def _on_reloaded(self, current: PatientView) -> None:
        mine = self.collect_fields()
        with contextlib.suppress(ValidationError):  # else compare what was typed
            mine = normalise_identity(mine, today=date.today())
        hints: dict[str, str] = {}
        for name in FIELD_NAMES:
            theirs = getattr(current.fields, name)
            ours = getattr(mine, name)
            if _comparable(name, theirs) != _comparable(name, ours):
                shown = self._display_value(name, theirs) or self.tr("(empty)")
                hints[name] = self.tr("Saved by the other user: {value}").format(value=shown)
        self._patient = dataclasses.replace(current)
        self._version = current.version
        self._conflict_hints = hints
        self._show_all = True
        if hints:
            self._show_banner(
                self.tr(
                    "This file was changed by someone else. Your entries are kept in the form; "
                    "the values they saved are shown under the fields that differ. Check, then "
                    "save again."
                ),
                "warning",
            )
        else:
            self._show_banner(
                self.tr("The saved version has been reloaded; you can save again."), "hint"
            )
        self._revalidate()

    def _display_value(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, date):
            return format_date(value)
        if name == "nir":
            return format_nir(value)
        widget = self._inputs[name]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            return widget.itemText(index) if index >= 0 else str(value)
        return str(value)


def _comparable(name: str, value: Any) -> Any:
    if isinstance(value, str):
        text = " ".join(value.split())
        if name in ("birth_name", "used_name", "nir"):
            text = text.upper().replace(" ", "") if name == "nir" else text.upper()
        return text
    return value
