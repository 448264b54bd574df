"""Frame of the dialogs that set a new password (change it, restore access with a code).

An introduction, a form ending with the new password typed twice and its live
feedback against the policy (:class:`~oiso_desktop.gui.password_feedback.PasswordFeedback`),
an error line and OK / Cancel. The work runs in the background; while it runs
the OK button stays disabled.

A subclass sets the window title, the introduction (:attr:`intro_label`) and the
OK button's text, adds its own rows to :attr:`NewPasswordDialog.form`, then calls
:meth:`NewPasswordDialog.finish_form` with the inputs to watch, and implements
:meth:`NewPasswordDialog.is_complete` (when OK may be pressed) and
:meth:`NewPasswordDialog.submit` (start the work, ending in :meth:`done_ok` or
:meth:`failed`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.password_feedback import PasswordFeedback
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons

__all__ = ["NewPasswordDialog", "password_edit"]


def password_edit(object_name: str) -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NewPasswordDialog(QDialog):
    """Introduction, form, new password twice with live feedback, error line, OK / Cancel."""

    def __init__(
        self,
        *,
        object_name: str,
        ok_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowIcon(icon("key"))
        self._busy = False

        self.intro_label = QLabel()
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.form = QFormLayout()
        self.new_edit = password_edit("new_password_edit")
        self.confirm_edit = password_edit("confirm_edit")
        self.feedback = PasswordFeedback()
        self.error_label = error_label("error_label")

        self.buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(ok_name)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self._on_cancel_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def finish_form(self, *watched: QLineEdit) -> None:
        """Add the new password rows after the subclass's rows; watch every input."""
        self.form.addRow(
            QCoreApplication.translate("NewPasswordDialog", "&New password:"), self.new_edit
        )
        self.form.addRow(
            QCoreApplication.translate("NewPasswordDialog", "C&onfirmation:"), self.confirm_edit
        )
        self.form.addRow("", self.feedback)
        for edit in (*watched, self.new_edit, self.confirm_edit):
            edit.textChanged.connect(self._on_changed)
        self._on_changed()

    # ----------------------------------------------------------- for subclasses
    def is_complete(self) -> bool:
        """True when every input is acceptable (updates the feedback as a side effect)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Start the work; it ends in :meth:`done_ok` or :meth:`failed`."""
        raise NotImplementedError

    def error_focus(self) -> QWidget | None:
        """The input to focus after a failure."""
        return None

    # ------------------------------------------------------------------- state
    @property
    def busy(self) -> bool:
        return self._busy

    def _on_changed(self, *_args: object) -> None:
        complete = self.is_complete()  # always: it refreshes the feedback
        self.ok_button.setEnabled(not self._busy and complete)

    def _on_ok_clicked(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        self._busy = True
        self.error_label.hide()
        self._on_changed()
        self.submit()

    def _on_cancel_clicked(self) -> None:
        self.reject()

    def done_ok(self, _result: object = None) -> None:
        self._busy = False
        self.accept()

    def failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        focus = self.error_focus()
        if focus is not None:
            focus.setFocus()
        self._on_changed()
