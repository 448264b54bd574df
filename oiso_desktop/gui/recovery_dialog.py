"""Recovery: the code from the recovery sheet gives an administrator a new password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.password_feedback import PasswordFeedback
from oiso_desktop.gui.style import set_role
from oiso_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import AuthService, UserSession


class RecoveryDialog(QDialog):
    """Code + administrator login + new password; ``session`` is set once accepted."""

    def __init__(self, auth: AuthService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Recovery code"))
        self.setWindowIcon(icon("key"))
        self._auth = auth
        self._tasks = tasks
        self._busy = False
        self.session: UserSession | None = None

        intro = QLabel(
            self.tr(
                "Type the code printed on the recovery sheet, the login of an administrator "
                "account and a new password for that account. The use of the code is recorded "
                "in the event log."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("admin_login_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("new_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.feedback = PasswordFeedback()
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code_edit)
        form.addRow(self.tr("&Administrator login:"), self.login_edit)
        form.addRow(self.tr("&New password:"), self.password_edit)
        form.addRow(self.tr("C&onfirmation:"), self.confirm_edit)
        form.addRow("", self.feedback)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("recover_button")
        self.ok_button.setText(self.tr("Restore access"))
        self.buttons.accepted.connect(self._on_recover_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for edit in (self.code_edit, self.login_edit, self.password_edit, self.confirm_edit):
            edit.textChanged.connect(self._on_changed)
        self._on_changed()
        self.setMinimumWidth(600)

    def _on_changed(self, *_args: object) -> None:
        password_ok = self.feedback.check(
            self.password_edit.text(),
            self.confirm_edit.text(),
            login=self.login_edit.text().strip(),
        )
        self.ok_button.setEnabled(
            not self._busy
            and password_ok
            and bool(self.code_edit.text().strip())
            and bool(self.login_edit.text().strip())
        )

    def _on_recover_clicked(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        self._busy = True
        self.error_label.hide()
        self._on_changed()
        self._tasks.run(
            self._auth.recover,
            self.code_edit.text().strip(),
            self.login_edit.text().strip(),
            self.password_edit.text(),
            on_success=self._on_recovered,
            on_failure=self._on_failed,
            label=self.tr("Checking the recovery code..."),
            writer=True,
            owner=self,
        )

    def _on_recovered(self, session: UserSession) -> None:
        self._busy = False
        self.session = session
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._on_changed()
