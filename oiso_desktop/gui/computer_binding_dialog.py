"""Bind one's own account to this computer's OS keyring, or undo it (DESIGN.md §2)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.new_password_dialog import password_edit

__all__ = ["ComputerBindingDialog"]

DIALOG_WIDTH = 560


class ComputerBindingDialog(QDialog):
    """Explains the binding, asks the password, applies it in the background."""

    def __init__(self, session: object, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("computer_binding_dialog")
        self.setWindowIcon(icon("key"))
        self.session = session
        self._tasks = tasks
        self.bound = bool(session.is_bound_to_this_computer())  # type: ignore[attr-defined]
        self.setWindowTitle(
            self.tr("Unbind my account from this computer")
            if self.bound
            else self.tr("Bind my account to this computer")
        )

        self.intro_label = QLabel()
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        if self.bound:
            self.intro_label.setText(
                self.tr(
                    "Your account is bound to this computer: it opens only here, in this "
                    "session of the operating system.\n\nUnbinding lets you sign in again "
                    "from any computer that reaches this database. Do it before handing "
                    "this computer back, for instance."
                )
            )
        else:
            self.intro_label.setText(
                self.tr(
                    "For a laptop taken to outreach consultations: once bound, your key "
                    "also needs a secret kept in this computer's keyring, so the database "
                    "files copied off this computer cannot be attacked offline.\n\n"
                    "Your account will then open only on this computer, in this session "
                    "of the operating system. If the computer is lost or replaced, the "
                    "recovery code or a password reset by an administrator restores access."
                )
            )

        self.password_edit = password_edit("password_edit")
        form = QFormLayout()
        form.addRow(self.tr("Your &password:"), self.password_edit)
        form.labelForField(self.password_edit).setBuddy(self.password_edit)

        self.error_label = error_label("error_label")

        self.buttons, self.ok_button, _cancel = ok_cancel_buttons(
            "apply_button", self.tr("Unbind") if self.bound else self.tr("Bind")
        )
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_apply_clicked)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(self._on_password_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # A wrapped label gets no height for its width in a dialog: give it one.
        self.setFixedWidth(DIALOG_WIDTH)
        margins = layout.contentsMargins()
        text_width = DIALOG_WIDTH - margins.left() - margins.right()
        self.intro_label.setMinimumHeight(self.intro_label.heightForWidth(text_width))

    def _on_password_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text))
        self.error_label.hide()

    def _on_apply_clicked(self) -> None:
        self.ok_button.setEnabled(False)
        self.password_edit.setEnabled(False)
        self._tasks.run(
            self.session.set_computer_binding,  # type: ignore[attr-defined]
            self.password_edit.text(),
            not self.bound,
            on_success=self._on_applied,
            on_failure=self._on_failed,
            label=self.tr("Updating the key slot…"),
            writer=True,
            owner=self,
        )

    def _on_applied(self, _result: object) -> None:
        self.bound = not self.bound
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.password_edit.setEnabled(True)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self.ok_button.setEnabled(bool(self.password_edit.text()))
