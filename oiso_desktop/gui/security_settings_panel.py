"""Administration → security settings: idle-lock delay, new recovery sheet, re-key now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.security_service import IssuedRecoveryCode

__all__ = ["SecuritySettingsPanel"]

MIN_MINUTES = 1
MAX_MINUTES = 60


class SecuritySettingsPanel(QGroupBox):
    """The security settings of the database, for administrators."""

    # the idle-lock delay was saved (minutes): the main window applies it at once
    sig_idle_lock_changed = Signal(int)
    # a long operation finished (tests)
    sig_done = Signal()

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Security settings"), parent)
        self.setObjectName("security_settings_group")
        self._session = session
        self._tasks = tasks
        self.last_confirmation: QMessageBox | None = None
        self.sheet_dialog: QWidget | None = None

        layout = QVBoxLayout(self)
        idle_row = QHBoxLayout()
        idle_label = QLabel(self.tr("Lock idle sessions after"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idle_minutes_spin")
        self.idle_spin.setRange(MIN_MINUTES, MAX_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setEnabled(False)
        idle_label.setBuddy(self.idle_spin)
        self.idle_save_button = QPushButton(self.tr("Save"))
        self.idle_save_button.setObjectName("idle_save_button")
        self.idle_save_button.setEnabled(False)
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.idle_save_button)
        idle_hint = QLabel(self.tr("(1 to 60 minutes, every workstation, at the next login)"))
        style.set_role(idle_hint, "hint")
        idle_row.addWidget(idle_hint)
        idle_row.addStretch(1)
        layout.addLayout(idle_row)

        keys_row = QHBoxLayout()
        self.new_sheet_button = QPushButton(icon("key"), self.tr("New recovery sheet…"))
        self.new_sheet_button.setObjectName("new_recovery_sheet_button")
        self.rekey_button = QPushButton(icon("lock"), self.tr("Re-key the database now…"))
        self.rekey_button.setObjectName("rekey_button")
        keys_row.addWidget(self.new_sheet_button)
        keys_row.addWidget(self.rekey_button)
        keys_row.addStretch(1)
        layout.addLayout(keys_row)

        # A re-key asked for with a reset or a recovery, not done yet (a crash, or
        # other sessions had the file open).
        self.rekey_owed_label = QLabel("")
        self.rekey_owed_label.setObjectName("rekey_owed_label")
        layout.addWidget(self.rekey_owed_label)
        show_banner(self.rekey_owed_label, "", "warning")

        self.status_label = QLabel("")
        self.status_label.setObjectName("security_status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.idle_spin.valueChanged.connect(self._on_idle_value_changed)
        self.idle_save_button.clicked.connect(self._on_idle_save_clicked)
        self.new_sheet_button.clicked.connect(self._on_new_sheet_clicked)
        self.rekey_button.clicked.connect(self._on_rekey_clicked)
        self._saved_minutes: int | None = None
        self._tasks.run(
            self._session.settings.idle_lock_minutes,
            on_success=self._on_idle_loaded,
            on_failure=self._on_failed,
            owner=self,
        )
        self.check_rekey_owed()

    def check_rekey_owed(self) -> None:
        self._tasks.run(
            self._session.security.rekey_owed,
            on_success=self._on_rekey_owed,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_rekey_owed(self, reason: str | None) -> None:
        text = ""
        if reason is not None:
            text = self.tr(
                "A change of the database key was asked for and is not done yet (a password "
                "reset or a recovery with \u201cchange the key too\u201d): until it is, a copy "
                "of the old key file still opens the database. Close the other sessions, "
                "then use \u201cRe-key the database now\u201d."
            )
        show_banner(self.rekey_owed_label, text, "warning")

    def _show_status(self, text: str, kind: str = "ok") -> None:
        self.status_label.setText(text)
        style.set_role(self.status_label, kind)

    def _on_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self.sig_done.emit()

    # ------------------------------------------------------------ idle lock
    def _on_idle_loaded(self, minutes: int) -> None:
        self._saved_minutes = minutes
        self.idle_spin.setValue(minutes)
        self.idle_spin.setEnabled(True)
        self.idle_save_button.setEnabled(False)
        self.sig_done.emit()

    def _on_idle_value_changed(self, value: int) -> None:
        self.idle_save_button.setEnabled(value != self._saved_minutes)

    def _on_idle_save_clicked(self) -> None:
        self.idle_save_button.setEnabled(False)
        self._tasks.run(
            self._session.settings.set_idle_lock_minutes,
            self.idle_spin.value(),
            on_success=self._on_idle_saved,
            on_failure=self._on_failed,
            label=self.tr("Saving the setting…"),
            owner=self,
        )

    def _on_idle_saved(self, minutes: int) -> None:
        self._saved_minutes = minutes
        self._show_status(
            self.tr("Idle sessions now lock after {minutes} minute(s).").format(minutes=minutes)
        )
        self.sig_idle_lock_changed.emit(minutes)
        self.sig_done.emit()

    # ------------------------------------------------------- recovery sheet
    def _confirm(self, title: str, text: str, detail: str, accept_text: str, on_yes) -> None:
        self.last_confirmation = confirm(
            self,
            title,
            text,
            detail,
            accept_text,
            on_yes,
            object_name="security_confirmation_box",
        )

    def _on_new_sheet_clicked(self) -> None:
        self._confirm(
            self.tr("New recovery sheet"),
            self.tr("Issue a new recovery sheet?"),
            self.tr(
                "A new recovery code is created and shown once, to be printed. The code of the "
                "current sheet stops working at once: destroy the old sheet. A copy of the key "
                "file made earlier still answers to the old code: if such a copy may exist, "
                "also change the database key."
            ),
            self.tr("Issue a new sheet"),
            self.issue_new_sheet,
        )

    def issue_new_sheet(self) -> None:
        self.new_sheet_button.setEnabled(False)
        self._tasks.run(
            self._session.security.issue_recovery_sheet,
            on_success=self._on_sheet_issued,
            on_failure=self._on_sheet_failed,
            label=self.tr("Creating a new recovery code…"),
            writer=True,
            owner=self,
        )

    def _on_sheet_failed(self, exc: BaseException) -> None:
        self.new_sheet_button.setEnabled(True)
        self._on_failed(exc)

    def _on_sheet_issued(self, issued: IssuedRecoveryCode) -> None:
        from oiso_desktop.gui.recovery_sheet_dialog import RecoverySheetDialog

        self.new_sheet_button.setEnabled(True)
        self._show_status(self.tr("New recovery sheet issued: the previous code no longer works."))
        dialog = RecoverySheetDialog(issued, self._tasks, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sheet_dialog = dialog
        dialog.open()
        self.sig_done.emit()

    # ----------------------------------------------------------------- re-key
    def _on_rekey_clicked(self) -> None:
        self._confirm(
            self.tr("Re-key the database"),
            self.tr("Re-key the database now?"),
            self.tr(
                "Use this when a copy of the database files or a password may have been seen "
                "(suspected compromise). The database is encrypted again with a new key for "
                "every current account and the recovery code: a copy of the key file taken "
                "before no longer opens it.\n\nEvery other open session (other workstations, "
                "other users of this computer) must be closed first; this may take a moment."
            ),
            self.tr("Re-key now"),
            self.rekey_now,
        )

    def rekey_now(self) -> None:
        self.rekey_button.setEnabled(False)
        self._tasks.run(
            self._session.security.rekey_now,
            "suspected_compromise",
            on_success=self._on_rekeyed,
            on_failure=self._on_rekey_failed,
            label=self.tr("Re-keying the database…"),
            writer=True,
            owner=self,
        )

    def _on_rekey_failed(self, exc: BaseException) -> None:
        self.rekey_button.setEnabled(True)
        self._on_failed(exc)

    def _on_rekeyed(self, _result: object) -> None:
        self.rekey_button.setEnabled(True)
        show_banner(self.rekey_owed_label, "", "warning")
        self._show_status(
            self.tr(
                "The database has been re-keyed: an older copy of its key file no longer opens it."
            )
        )
        self.sig_done.emit()
