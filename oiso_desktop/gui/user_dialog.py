"""User account dialog (admin): create or edit an account, with live RPPS/ADELI checks.

The form is ``ui/user_dialog.ui``. An RPPS of the wrong length or with other
characters than digits is an error (save disabled); a Luhn key mismatch is an
orange warning that the admin must confirm with the check box, because some
real RPPS numbers do not satisfy it (REFERENCE.md).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from oiso_desktop.domain.errors import ConcurrentEditError, InvalidIdentifier, ValidationError
from oiso_desktop.domain.identifiers import (
    RppsLuhnMismatch,
    rpps_luhn_ok,
    validate_adeli,
    validate_rpps,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.forms.ui_user_dialog import Ui_UserDialog
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_field_message
from oiso_desktop.gui.widgets.form_dialog import FormDialog
from oiso_desktop.services.dto import UserInput

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import StructureView, UserView

__all__ = ["ROLE_CHOICES", "UserDialog", "role_choice_label"]

CONTEXT = "UserDialog"

# the labels of the role combo box (more explicit than the short role names)
ROLE_CHOICES: dict[Role, str] = {
    Role.PRACTITIONER: QT_TRANSLATE_NOOP("UserDialog", "Practitioner (physician)"),
    Role.GENETIC_COUNSELLOR: QT_TRANSLATE_NOOP("UserDialog", "Genetic counsellor"),
    Role.SECRETARY: QT_TRANSLATE_NOOP("UserDialog", "Medical secretary"),
    Role.ADMIN: QT_TRANSLATE_NOOP("UserDialog", "Administrator"),
}

# the fields of UserInput shown in the form (service errors name one of them); the
# Luhn confirmation is a check box beside the RPPS, not a field of its own
FIELD_NAMES = tuple(
    f.name for f in dataclasses.fields(UserInput) if f.name != "rpps_luhn_confirmed"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_choice_label(role: Role | str) -> str:
    source = ROLE_CHOICES.get(Role(role))
    return _tr(source) if source else str(role)


class UserDialog(FormDialog):
    """Create (``user=None``) or edit a user account.

    ``sig_saved(UserView, password)``: ``password`` is the one-time password
    after a creation, None after an update.
    """

    sig_saved = Signal(object, object)
    sig_validation_changed = Signal()
    # emitted once the structures and practitioners are loaded (tests)
    sig_ready = Signal()

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        user: UserView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, show_all=user is not None)
        self._session = session
        self._tasks = tasks
        self._user = user
        self._version = user.version if user is not None else None
        self._rpps_needs_confirmation = False
        self._loading = 2  # structures + practitioners
        self.saved_user: UserView | None = None
        self.one_time_password: str | None = None

        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        self.setObjectName("user_dialog")
        ui = self.ui
        ui.cancel_button.setIcon(icon("cancel"))
        style.set_role(ui.required_hint_label, "hint")
        style.set_role(ui.assisted_hint_label, "hint")

        for role, source in ROLE_CHOICES.items():
            ui.role_combo.addItem(_tr(source), role.value)
        ui.structure_combo.addItem(self.tr("(none)"), None)

        inputs: dict[str, QWidget] = {
            "login": ui.login_edit,
            "first_name": ui.first_name_edit,
            "last_name": ui.last_name_edit,
            "role": ui.role_combo,
            "email": ui.email_edit,
            "phone": ui.phone_edit,
            "profession": ui.profession_edit,
            "specialty": ui.specialty_edit,
            "rpps": ui.rpps_edit,
            "adeli": ui.adeli_edit,
            "structure_id": ui.structure_combo,
            "assisted_practitioner_ids": ui.assisted_list,
        }
        messages: dict[str, QLabel] = {
            "login": ui.login_message_label,
            "first_name": ui.first_name_message_label,
            "last_name": ui.last_name_message_label,
            "role": ui.role_message_label,
            "email": ui.email_message_label,
            "phone": ui.phone_message_label,
            "profession": ui.profession_message_label,
            "specialty": ui.specialty_message_label,
            "rpps": ui.rpps_message_label,
            "adeli": ui.adeli_message_label,
            "structure_id": ui.structure_message_label,
            "assisted_practitioner_ids": ui.assisted_practitioner_ids_message_label,
        }
        self.set_fields(inputs, messages, ui.banner_label)
        ui.role_combo.currentIndexChanged.connect(self._on_role_changed)
        ui.rpps_confirm_checkbox.toggled.connect(self._revalidate)
        ui.save_button.clicked.connect(self._on_save_clicked)
        ui.cancel_button.clicked.connect(self.reject)

        if user is None:
            self.setWindowTitle(self.tr("New user account"))
            ui.role_combo.setCurrentIndex(0)
        else:
            self.setWindowTitle(self.tr("User account — {login}").format(login=user.login))
            self._load(user)
        self._on_role_changed()
        self._load_choices()

    # ----------------------------------------------------------------- loading
    def _load(self, user: UserView) -> None:
        ui = self.ui
        ui.login_edit.setText(user.login)
        ui.login_edit.setReadOnly(True)  # the key slot is bound to the login
        ui.login_edit.setToolTip(self.tr("The login cannot be changed."))
        ui.first_name_edit.setText(user.first_name)
        ui.last_name_edit.setText(user.last_name)
        ui.role_combo.setCurrentIndex(max(0, ui.role_combo.findData(str(user.role))))
        ui.email_edit.setText(user.email or "")
        ui.phone_edit.setText(user.phone or "")
        ui.profession_edit.setText(user.profession or "")
        ui.specialty_edit.setText(user.specialty or "")
        ui.rpps_edit.setText(user.rpps or "")
        if user.rpps and not rpps_luhn_ok(user.rpps):
            ui.rpps_confirm_checkbox.setChecked(True)  # confirmed when it was saved
        ui.adeli_edit.setText(user.adeli or "")

    def _load_choices(self) -> None:
        users = self._session.users
        self._tasks.run(
            users.list_structures,
            on_success=self._on_structures_loaded,
            on_failure=self._on_choices_failed,
            owner=self,
        )
        self._tasks.run(
            users.list_practitioners,
            on_success=self._on_practitioners_loaded,
            on_failure=self._on_choices_failed,
            owner=self,
        )

    def _on_structures_loaded(self, structures: list[StructureView]) -> None:
        combo = self.ui.structure_combo
        for structure in structures:
            text = structure.name
            if structure.finess:
                text = self.tr("{name} — FINESS {finess}").format(
                    name=structure.name, finess=structure.finess
                )
            combo.addItem(text, structure.id)
        if self._user is not None and self._user.structure_id is not None:
            combo.setCurrentIndex(max(0, combo.findData(self._user.structure_id)))
        elif self._user is None and len(structures) == 1:
            combo.setCurrentIndex(1)  # the usual case: one structure
        self._choice_loaded()

    def _on_practitioners_loaded(self, practitioners: list[UserView]) -> None:
        assisted = set(self._user.assisted_practitioner_ids) if self._user else set()
        widget = self.ui.assisted_list
        for practitioner in practitioners:
            if self._user is not None and practitioner.id == self._user.id:
                continue
            item = QListWidgetItem(practitioner.display_name)
            item.setData(Qt.ItemDataRole.UserRole, practitioner.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = practitioner.id in assisted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        self._choice_loaded()

    def _on_choices_failed(self, exc: BaseException) -> None:
        self._show_banner(error_text(exc))
        self._choice_loaded()

    def _choice_loaded(self) -> None:
        self._loading -= 1
        if self._loading == 0:
            self.sig_ready.emit()
        self._revalidate()

    def is_ready(self) -> bool:
        return self._loading == 0

    # -------------------------------------------------------------- form data
    def selected_role(self) -> Role:
        return Role(self.ui.role_combo.currentData())

    def assisted_ids(self) -> tuple[int, ...]:
        widget = self.ui.assisted_list
        return tuple(
            int(widget.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_assisted(self, practitioner_id: int, checked: bool = True) -> bool:
        widget = self.ui.assisted_list
        for row in range(widget.count()):
            item = widget.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == practitioner_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def collect_input(self) -> UserInput:
        ui = self.ui
        role = self.selected_role()
        return UserInput(
            login=ui.login_edit.text().strip(),
            first_name=ui.first_name_edit.text().strip(),
            last_name=ui.last_name_edit.text().strip(),
            role=role,
            email=ui.email_edit.text().strip(),
            phone=ui.phone_edit.text().strip(),
            profession=ui.profession_edit.text().strip(),
            specialty=ui.specialty_edit.text().strip(),
            rpps="".join(ui.rpps_edit.text().split()),
            rpps_luhn_confirmed=ui.rpps_confirm_checkbox.isChecked(),
            adeli="".join(ui.adeli_edit.text().split()),
            structure_id=ui.structure_combo.currentData(),
            assisted_practitioner_ids=self.assisted_ids() if role == Role.SECRETARY else (),
        )

    # -------------------------------------------------------------- validation
    def _on_role_changed(self, *_args: Any) -> None:
        secretary = self.selected_role() == Role.SECRETARY
        self.ui.assisted_group_box.setVisible(secretary)
        self._revalidate()

    def _validate(self) -> tuple[dict[str, str], str]:
        """(errors by field, RPPS warning)."""
        ui = self.ui
        errors: dict[str, str] = {}
        warning = ""
        if not ui.login_edit.text().strip():
            errors["login"] = self.tr("The login is required.")
        if not ui.first_name_edit.text().strip():
            errors["first_name"] = self.tr("The first name is required.")
        if not ui.last_name_edit.text().strip():
            errors["last_name"] = self.tr("The last name is required.")
        rpps = ui.rpps_edit.text()
        self._rpps_needs_confirmation = False
        if rpps.strip():
            try:
                validate_rpps(rpps, luhn_confirmed=True)
            except InvalidIdentifier as exc:
                errors["rpps"] = error_text(exc)
            else:
                try:
                    validate_rpps(rpps)
                except RppsLuhnMismatch as exc:
                    self._rpps_needs_confirmation = True
                    warning = error_text(exc)
                    if not ui.rpps_confirm_checkbox.isChecked():
                        # Not shown under a field: the orange warning is the message.
                        errors["rpps_confirmation"] = warning
        adeli = ui.adeli_edit.text()
        if adeli.strip():
            try:
                validate_adeli(adeli)
            except InvalidIdentifier as exc:
                errors["adeli"] = error_text(exc)
        professional = self.selected_role() in (Role.PRACTITIONER, Role.GENETIC_COUNSELLOR)
        if professional and not rpps.strip() and not adeli.strip():
            errors["rpps"] = self.tr("A health professional needs an RPPS or an ADELI number.")
        return errors, warning

    def _revalidate(self, *_args: object) -> None:
        self._errors, warning = self._validate()
        ui = self.ui
        self.show_field_errors()
        ui.rpps_confirm_checkbox.setVisible(self._rpps_needs_confirmation)
        if not self._rpps_needs_confirmation and ui.rpps_confirm_checkbox.isChecked():
            ui.rpps_confirm_checkbox.setChecked(False)
        if warning and "rpps" not in self._errors:
            show_field_message(ui.rpps_message_label, warning, "warning")
        elif self._rpps_needs_confirmation:
            show_field_message(
                ui.rpps_message_label,
                self.tr("Luhn key mismatch confirmed by you."),
                "hint",
            )
        ui.save_button.setEnabled(not self._errors and not self._saving and self.is_ready())
        self.sig_validation_changed.emit()

    def rpps_warning(self) -> str:
        """The orange RPPS warning shown, if any."""
        label = self.ui.rpps_message_label
        if label.isHidden() or label.property("role") != "warning":
            return ""
        return label.text()

    # -------------------------------------------------------------------- save
    def _on_save_clicked(self) -> None:
        self.save()

    def save(self) -> None:
        self._show_all = True
        self._revalidate()
        if self._errors or self._saving or not self.is_ready():
            return
        data = self.collect_input()
        self._show_banner("")
        self._saving = True
        self.ui.cancel_button.setEnabled(False)
        self._revalidate()
        users = self._session.users
        if self._user is None:
            self._tasks.run(
                users.create_user,
                data,
                on_success=lambda result: self._on_saved(result[0], result[1]),
                on_failure=self._on_save_failed,
                label=self.tr("Creating the account…"),
                owner=self,
            )
        else:
            self._tasks.run(
                users.update_user,
                self._user.id,
                data,
                expected_version=self._version,
                on_success=lambda user: self._on_saved(user, None),
                on_failure=self._on_save_failed,
                label=self.tr("Saving the account…"),
                owner=self,
            )

    def _on_saved(self, user: UserView, password: str | None) -> None:
        self._saving = False
        self.saved_user = user
        self.one_time_password = password
        self.sig_saved.emit(user, password)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.ui.cancel_button.setEnabled(True)
        self._revalidate()
        if isinstance(exc, ValidationError) and exc.field in self._messages:
            luhn_warning = exc.field == "rpps" and isinstance(exc, RppsLuhnMismatch)
            if luhn_warning:
                self.ui.rpps_confirm_checkbox.setVisible(True)
            self.show_field_error(
                exc.field, error_text(exc), "warning" if luhn_warning else "error"
            )
        elif isinstance(exc, ConcurrentEditError) and self._user is not None:
            self._show_banner(
                self.tr(
                    "This account was changed by someone else meanwhile. Your entries are "
                    "kept: saving again will replace their changes."
                ),
                "warning",
            )
            self._tasks.run(
                self._session.users.get_user,
                self._user.id,
                on_success=self._on_reloaded_version,
                owner=self,
            )
        else:
            self._show_banner(error_text(exc))

    def _on_reloaded_version(self, user: UserView) -> None:
        self._user = user
        self._version = user.version
