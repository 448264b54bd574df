"""Recovery: the code from the recovery sheet gives an administrator a new password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.new_password_dialog import NewPasswordDialog

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import AuthService, UserSession


class RecoveryDialog(NewPasswordDialog):
    """Code + administrator login + new password; ``session`` is set once accepted."""

    def __init__(self, auth: AuthService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(object_name="recovery_dialog", ok_name="recover_button", parent=parent)
        self.setWindowTitle(self.tr("Recovery code"))
        self.ok_button.setText(self.tr("Restore access"))
        self._auth = auth
        self._tasks = tasks
        self.session: UserSession | None = None

        self.intro_label.setText(
            self.tr(
                "Type the code printed on the recovery sheet, the login of an administrator "
                "account and a new password for that account. The use of the code is recorded "
                "in the event log."
            )
        )
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("admin_login_edit")
        self.form.addRow(self.tr("Recovery &code:"), self.code_edit)
        self.form.addRow(self.tr("&Administrator login:"), self.login_edit)
        self.rekey_check = QCheckBox(self.tr("Also change the database key (suspected compromise)"))
        self.rekey_check.setObjectName("rekey_check")
        self.rekey_check.setToolTip(
            self.tr(
                "If the sheet or a copy of the database folder may have been seen by someone "
                "else: copies of the old key file will no longer open the database. Other "
                "sessions must be closed."
            )
        )
        self.form.addRow(self.rekey_check)  # the whole row: the text reads in full
        self.finish_form(self.code_edit, self.login_edit)

    def is_complete(self) -> bool:
        password_ok = self.feedback.check(
            self.new_edit.text(),
            self.confirm_edit.text(),
            login=self.login_edit.text().strip(),
        )
        return (
            password_ok
            and bool(self.code_edit.text().strip())
            and bool(self.login_edit.text().strip())
        )

    def submit(self) -> None:
        self._tasks.run(
            self._auth.recover,
            self.code_edit.text().strip(),
            self.login_edit.text().strip(),
            self.new_edit.text(),
            rekey=self.rekey_check.isChecked(),
            on_success=self._on_recovered,
            on_failure=self.failed,
            label=self.tr("Checking the recovery code..."),
            writer=True,
            owner=self,
        )

    def _on_recovered(self, session: UserSession) -> None:
        self.session = session
        self.done_ok()
