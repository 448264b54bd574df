"""Change one's own password (forced at the first login with a one-time password)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
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
    from oiso_desktop.services.auth_service import UserSession


class ChangePasswordDialog(QDialog):
    """Old password, new password twice, live policy feedback.

    In ``forced`` mode the only way out without a new password is "Quit" (rejected);
    Escape and the window's close button do nothing.
    """

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.setWindowIcon(icon("key"))
        self.setWindowTitle(self.tr("Change my password"))
        self._session = session
        self._tasks = tasks
        self._forced = forced
        self._busy = False
        self._quit_requested = False
        if forced:
            # No close button: the user must choose between a new password and quitting.
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

        intro = QLabel()
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        if forced:
            intro.setText(
                self.tr(
                    "<b>Welcome, {name}.</b> You signed in with a one-time password. "
                    "Choose your own password to continue."
                ).format(name=session.actor.display_name)
            )
        else:
            intro.setText(self.tr("Type your current password, then the new one twice."))
        self.old_edit = QLineEdit()
        self.old_edit.setObjectName("old_password_edit")
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("new_password_edit")
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
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
        form.addRow(
            self.tr("&One-time password:") if forced else self.tr("&Current password:"),
            self.old_edit,
        )
        form.addRow(self.tr("&New password:"), self.new_edit)
        form.addRow(self.tr("C&onfirmation:"), self.confirm_edit)
        form.addRow("", self.feedback)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("change_button")
        self.ok_button.setText(self.tr("Change the password"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        if forced:
            self.cancel_button.setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._on_change_clicked)
        self.buttons.rejected.connect(self._on_cancel_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.textChanged.connect(self._on_changed)
        self._on_changed()
        self.setMinimumWidth(600)

    @property
    def forced(self) -> bool:
        return self._forced

    def _on_changed(self, *_args: object) -> None:
        actor = self._session.actor
        ok = self.feedback.check(
            self.new_edit.text(),
            self.confirm_edit.text(),
            login=actor.login,
            names=tuple(actor.display_name.split()),
            old_password=self.old_edit.text() or None,
        )
        self.ok_button.setEnabled(not self._busy and ok and bool(self.old_edit.text()))

    def _on_change_clicked(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        self._busy = True
        self.error_label.hide()
        self._on_changed()
        self._tasks.run(
            self._session.change_password,
            self.old_edit.text(),
            self.new_edit.text(),
            on_success=self._on_changed_done,
            on_failure=self._on_failed,
            label=self.tr("Changing the password..."),
            writer=True,
            owner=self,
        )

    def _on_changed_done(self, _result: object) -> None:
        self._busy = False
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self.old_edit.setFocus()
        self._on_changed()

    def _on_cancel_clicked(self) -> None:
        self._quit_requested = True
        self.reject()

    def reject(self) -> None:
        # Forced mode: Escape must not skip the change; only the Quit button gets out.
        if self._forced and not self._quit_requested:
            return
        if self._busy:
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self._forced and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._forced and not self._quit_requested:
            event.ignore()
            return
        super().closeEvent(event)
