"""Change one's own password (forced at the first login with a one-time password)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.new_password_dialog import NewPasswordDialog, password_edit

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession


class ChangePasswordDialog(NewPasswordDialog):
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
        super().__init__(
            object_name="change_password_dialog", ok_name="change_button", parent=parent
        )
        self.setWindowTitle(self.tr("Change my password"))
        self.ok_button.setText(self.tr("Change the password"))
        self._session = session
        self._tasks = tasks
        self._forced = forced
        self._quit_requested = False
        if forced:
            # No close button: the user must choose between a new password and quitting.
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
            self.intro_label.setText(
                self.tr(
                    "<b>Welcome, {name}.</b> You signed in with a one-time password. "
                    "Choose your own password to continue."
                ).format(name=session.actor.display_name)
            )
            self.cancel_button.setText(self.tr("Quit"))
        else:
            self.intro_label.setText(self.tr("Type your current password, then the new one twice."))
        self.old_edit = password_edit("old_password_edit")
        self.form.addRow(
            self.tr("&One-time password:") if forced else self.tr("&Current password:"),
            self.old_edit,
        )
        self.finish_form(self.old_edit)

    @property
    def forced(self) -> bool:
        return self._forced

    def is_complete(self) -> bool:
        actor = self._session.actor
        password_ok = self.feedback.check(
            self.new_edit.text(),
            self.confirm_edit.text(),
            login=actor.login,
            names=tuple(actor.display_name.split()),
            old_password=self.old_edit.text() or None,
        )
        return password_ok and bool(self.old_edit.text())

    def submit(self) -> None:
        self._tasks.run(
            self._session.change_password,
            self.old_edit.text(),
            self.new_edit.text(),
            on_success=self.done_ok,
            on_failure=self.failed,
            label=self.tr("Changing the password..."),
            writer=True,
            owner=self,
        )

    def error_focus(self) -> QWidget:
        return self.old_edit

    def _on_cancel_clicked(self) -> None:
        self._quit_requested = True
        self.reject()

    def reject(self) -> None:
        # Forced mode: Escape must not skip the change; only the Quit button gets out.
        if self._forced and not self._quit_requested:
            return
        if self.busy:
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
