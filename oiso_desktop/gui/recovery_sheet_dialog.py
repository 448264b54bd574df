"""Shows a new recovery code once and saves its PDF sheet (Administration)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from oiso_desktop.services.security_service import IssuedRecoveryCode

__all__ = ["RecoverySheetDialog"]


class RecoverySheetDialog(QDialog):
    """The new code, a button to save the sheet, and an acknowledgement before closing."""

    def __init__(
        self, issued: IssuedRecoveryCode, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_sheet_dialog")
        self.setWindowTitle(self.tr("New recovery sheet"))
        self.setMinimumWidth(560)
        self._issued = issued
        self._tasks = tasks
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "The new recovery code is shown only once. The previous code no longer works: "
                "destroy the old sheet."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.code_label = QLabel(issued.code)
        self.code_label.setObjectName("recovery_code_label")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(16)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        layout.addWidget(self.code_label)

        row = QHBoxLayout()
        self.save_button = QPushButton(icon("export"), self.tr("Save the recovery sheet (PDF)…"))
        self.save_button.setObjectName("save_sheet_button")
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setWordWrap(True)
        layout.addWidget(self.saved_label)

        advice = QLabel(
            self.tr(
                "Print the sheet or write the code down, and keep it in a safe place (a locked "
                "cabinet), away from the computer. Delete the PDF file once printed."
            )
        )
        advice.setWordWrap(True)
        style.set_role(advice, "hint")
        layout.addWidget(advice)

        self.confirm_checkbox = QCheckBox(
            self.tr("I have printed or stored this code in a safe place")
        )
        self.confirm_checkbox.setObjectName("recovery_confirm_checkbox")
        layout.addWidget(self.confirm_checkbox)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setEnabled(False)
        self.buttons.rejected.connect(self.accept)
        layout.addWidget(self.buttons)

        self.save_button.clicked.connect(self._on_save_clicked)
        self.confirm_checkbox.toggled.connect(self.close_button.setEnabled)

    def reject(self) -> None:
        # Escape or the window's close button: not before the code is acknowledged.
        if self.confirm_checkbox.isChecked():
            super().reject()

    def _on_save_clicked(self) -> None:
        default = Path.home() / self.tr("oiso-recovery-sheet.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), str(default), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_sheet(Path(path))

    def save_sheet(self, path: Path) -> None:
        from oiso_desktop.services.security_service import save_recovery_sheet

        self.save_button.setEnabled(False)
        self._tasks.run(
            save_recovery_sheet,
            path,
            self._issued,
            on_success=lambda _result: self._on_saved(path),
            on_failure=self._on_save_failed,
            label=self.tr("Saving the recovery sheet…"),
            owner=self,
        )

    def _on_saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        style.set_role(self.saved_label, "ok")
        self.saved_label.setText(self.tr("Sheet saved: {path}").format(path=str(path)))

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        style.set_role(self.saved_label, "error")
        self.saved_label.setText(
            self.tr("The sheet could not be saved: {reason}").format(reason=error_text(exc))
        )
