"""Shows a one-time password once, with a copy button (after user creation or reset)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.icons import icon

__all__ = ["OneTimePasswordDialog"]


class OneTimePasswordDialog(QDialog):
    """The temporary password of ``login``, to hand over to the user."""

    def __init__(self, login: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("one_time_password_dialog")
        self.setWindowTitle(self.tr("Temporary password"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr("Temporary password of the account <b>{login}</b>:").format(
                login=login.replace("<", "&lt;")
            )
        )
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.password_edit = QLineEdit(password)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(14)
        mono.setBold(True)
        self.password_edit.setFont(mono)
        row.addWidget(self.password_edit, 1)
        self.copy_button = QPushButton(icon("export"), self.tr("Copy"))
        self.copy_button.setObjectName("copy_button")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        row.addWidget(self.copy_button)
        layout.addLayout(row)

        note = QLabel(
            self.tr(
                "To be given to the user; they will have to change it at their first login. "
                "It will not be shown again."
            )
        )
        note.setWordWrap(True)
        style.set_role(note, "hint")
        layout.addWidget(note)

        self.copied_label = QLabel("")
        self.copied_label.setObjectName("copied_label")
        style.set_role(self.copied_label, "ok")
        layout.addWidget(self.copied_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.password_edit.text())
        self.copied_label.setText(self.tr("Copied to the clipboard."))
