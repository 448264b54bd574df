"""Administration: the maintenance job, the inactive accounts, the email settings and
the scheduled (unattended) maintenance (issue 10; REFERENCE.md "Retention").

Four tabs under a "run the maintenance now" bar:

* **Inactive accounts**: the accounts warned, or due a warning, after a year
  without sign-in; "revoke now" (with a confirmation, the administrators'
  revocation path); the grace period between the email and the revocation;
* **Email**: the SMTP settings (the stored password is never shown; left
  empty it is kept), a test message;
* **Outbox**: the counts and the messages (never their bodies);
* **Schedule**: whether unattended maintenance is set up for this database, the
  command for the OS's scheduled task (copied to the clipboard), set it up again or
  remove it (``MaintenanceService.setup_unattended`` / ``remove_unattended``).

Every service call runs in the background (``TaskRunner``).
"""

from __future__ import annotations

import getpass
import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.domain.retention import MAX_GRACE_DAYS, MIN_GRACE_DAYS
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.maintenance_job import MaintenanceJob, report_error_texts
from oiso_desktop.gui.maintenance_table_models import InactiveUserTableModel, OutboxTableModel
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    set_column_modes,
)
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.maintenance_service import (
    InactiveUser,
    MaintenanceReport,
    MaintenanceService,
)
from oiso_desktop.services.outbox_service import (
    OutboxService,
    OutboxStatus,
    OutboxView,
    SmtpSecurity,
    SmtpSettings,
    SmtpSettingsInput,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from oiso_desktop.services.auth_service import UserSession

__all__ = ["MaintenanceView", "unattended_command"]

#: the usual port of each kind of connection (offered when the kind changes)
DEFAULT_PORTS = {SmtpSecurity.NONE: 25, SmtpSecurity.STARTTLS: 587, SmtpSecurity.TLS: 465}


def unattended_command(folder: Path, *, windows: bool | None = None) -> str:
    """The command a scheduled task runs for unattended maintenance of ``folder``,
    quoted for the OS's command line (``windows``: default, this computer's OS)."""
    words = ["oiso-desktop", "maintenance", "run", "--unattended", "--folder", str(folder)]
    if windows if windows is not None else sys.platform == "win32":
        return subprocess.list2cmdline(words)
    return shlex.join(words)


def _os_account() -> str:
    """The name of the OS account running the application ("" if it cannot be told)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class MaintenanceView(QWidget):
    """The administrators' "Maintenance" page.

    Signals: ``sig_loaded`` after each reload of the inactive accounts and of the
    outbox; ``sig_settings_loaded`` once the SMTP settings and the grace period
    are in the form; ``sig_unattended_loaded(configured)`` each time the state of
    the scheduled maintenance is read; ``sig_action_done`` after a save, a
    revocation, a test message, a maintenance run, or setting up or removing the
    scheduled maintenance (successful or not).
    """

    sig_loaded = Signal()
    sig_settings_loaded = Signal()
    sig_action_done = Signal()
    sig_unattended_loaded = Signal(bool)  # configured for this database

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maintenance_view")
        self._session = session
        self._tasks = tasks
        self._maintenance = MaintenanceService(session.ctx)
        self._outbox = OutboxService(session.ctx)
        self._smtp: SmtpSettings | None = None
        self._grace_days: int | None = None
        self._unattended: bool | None = None  # None until read
        self._pending_loads = 0  # reads under way (``sig_loaded`` when none is left)
        self.last_confirmation: QMessageBox | None = None
        self.test_dialog: QInputDialog | None = None
        self.job = MaintenanceJob(session, tasks, parent=self)

        layout, _title = page_layout(self, self.tr("Maintenance"))
        intro = QLabel(
            self.tr(
                "Runs by itself after each sign-in: purges the event log beyond 6 months, "
                "checks the database, warns then revokes the accounts unused for a year, "
                "archives then deletes the departed users' unshared files, raises the "
                "access alerts and sends the waiting emails."
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        layout.addWidget(intro)
        layout.addLayout(self._build_run_bar())
        self.report_label = QLabel("")
        self.report_label.setObjectName("report_label")
        self.report_label.setWordWrap(True)
        self.report_label.setTextFormat(Qt.TextFormat.PlainText)
        self.report_label.hide()
        layout.addWidget(self.report_label)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("maintenance_tabs")
        self.tabs.addTab(self._build_inactive_tab(), self.tr("Inactive accounts"))
        self.tabs.addTab(self._build_email_tab(), self.tr("Email settings"))
        self.tabs.addTab(self._build_outbox_tab(), self.tr("Outbox"))
        self.tabs.addTab(self._build_unattended_tab(), self.tr("Schedule"))
        layout.addWidget(self.tabs, 1)

        self.status_label = QLabel("")
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)

        self.job.sig_progress.connect(self._on_job_progress)
        self.job.sig_finished.connect(self._on_job_finished)
        self.job.sig_failed.connect(self._on_job_failed)
        self._update_buttons()
        self.reload()
        self.load_settings()
        self.load_unattended()

    # ------------------------------------------------------------------- build
    def _build_run_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.run_button = QPushButton(icon("verify"), self.tr("Run the maintenance now"))
        self.run_button.setObjectName("run_button")
        self.run_progress = QProgressBar()
        self.run_progress.setObjectName("run_progress")
        self.run_progress.setRange(0, 100)
        self.run_progress.setMaximumWidth(220)
        self.run_progress.setTextVisible(False)
        self.run_progress.hide()
        self.run_step_label = QLabel("")
        self.run_step_label.setObjectName("run_step_label")
        style.set_role(self.run_step_label, "hint")
        row.addWidget(self.run_button)
        row.addWidget(self.run_progress)
        row.addWidget(self.run_step_label)
        row.addStretch(1)
        self.run_button.clicked.connect(self.run_maintenance)
        return row

    def _build_inactive_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(
            self.tr(
                "After a year without sign-in, the account's user gets an email inviting "
                "them to sign in; without a sign-in within the grace period, the account "
                "is revoked (the database is re-keyed). A sign-in meanwhile cancels it."
            )
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        layout.addWidget(hint)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Grace period before revocation:")))
        self.grace_spin = QSpinBox()
        self.grace_spin.setObjectName("grace_spin")
        self.grace_spin.setRange(MIN_GRACE_DAYS, MAX_GRACE_DAYS)
        self.grace_spin.setSuffix(self.tr(" days"))
        self.grace_spin.setEnabled(False)
        top.addWidget(self.grace_spin)
        self.grace_save_button = QPushButton(self.tr("Save"))
        self.grace_save_button.setObjectName("grace_save_button")
        top.addWidget(self.grace_save_button)
        range_hint = QLabel(
            self.tr("({minimum} to {maximum} days)").format(
                minimum=MIN_GRACE_DAYS, maximum=MAX_GRACE_DAYS
            )
        )
        style.set_role(range_hint, "hint")
        top.addWidget(range_hint)
        top.addStretch(1)
        self.inactive_count_label = count_label()
        self.inactive_count_label.setObjectName("inactive_count_label")
        top.addWidget(self.inactive_count_label)
        layout.addLayout(top)

        self.inactive_model = InactiveUserTableModel(self)
        self.inactive_table = data_table("inactive_table", self.inactive_model)
        set_column_modes(
            self.inactive_table.horizontalHeader(),
            contents=(
                InactiveUserTableModel.COL_LOGIN,
                InactiveUserTableModel.COL_ROLE,
                InactiveUserTableModel.COL_LAST_LOGIN,
                InactiveUserTableModel.COL_WARNED,
                InactiveUserTableModel.COL_DUE,
            ),
            stretch=(InactiveUserTableModel.COL_NAME,),
        )
        layout.addWidget(self.inactive_table, 1)
        actions = QHBoxLayout()
        self.revoke_button = QPushButton(icon("revoke"), self.tr("Revoke now…"))
        self.revoke_button.setObjectName("revoke_button")
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.grace_spin.valueChanged.connect(lambda _value: self._update_buttons())
        self.grace_save_button.clicked.connect(self.save_grace_days)
        self.inactive_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        return tab

    def _build_email_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        hint = QLabel(
            self.tr(
                "The server through which OISO sends its emails (inactivity warnings, "
                "alerts). The messages are in French and carry no health data. The "
                "password is stored encrypted in the database."
            )
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        outer.addWidget(hint)
        box = QGroupBox(self.tr("SMTP server"))
        form = QFormLayout(box)
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("host_edit")
        self.host_edit.setPlaceholderText(self.tr("e.g. smtp.chu-exemple.fr"))
        form.addRow(self.tr("Server:"), self.host_edit)
        self.security_combo = QComboBox()
        self.security_combo.setObjectName("security_combo")
        self.security_combo.addItem(self.tr("STARTTLS"), SmtpSecurity.STARTTLS.value)
        self.security_combo.addItem(self.tr("TLS"), SmtpSecurity.TLS.value)
        self.security_combo.addItem(self.tr("None (unencrypted)"), SmtpSecurity.NONE.value)
        form.addRow(self.tr("Security:"), self.security_combo)
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORTS[SmtpSecurity.STARTTLS])
        form.addRow(self.tr("Port:"), self.port_spin)
        self.sender_edit = QLineEdit()
        self.sender_edit.setObjectName("sender_edit")
        self.sender_edit.setPlaceholderText(self.tr("e.g. oiso@chu-exemple.fr"))
        form.addRow(self.tr("Sender address:"), self.sender_edit)
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setPlaceholderText(self.tr("empty: no authentication"))
        form.addRow(self.tr("User name:"), self.username_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password_edit)
        self.remove_password_check = QCheckBox(self.tr("Remove the stored password"))
        self.remove_password_check.setObjectName("remove_password_check")
        form.addRow("", self.remove_password_check)
        buttons = QHBoxLayout()
        self.smtp_save_button = QPushButton(self.tr("Save the settings"))
        self.smtp_save_button.setObjectName("smtp_save_button")
        self.test_button = QPushButton(icon("info"), self.tr("Send a test message…"))
        self.test_button.setObjectName("test_button")
        buttons.addWidget(self.smtp_save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        box.setMaximumWidth(720)
        outer.addWidget(box)
        outer.addStretch(1)

        for widget in (self.host_edit, self.sender_edit, self.username_edit, self.password_edit):
            widget.textEdited.connect(lambda _text: self._update_buttons())
        self.port_spin.valueChanged.connect(lambda _value: self._update_buttons())
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self.remove_password_check.toggled.connect(self._on_remove_password_toggled)
        self.smtp_save_button.clicked.connect(self.save_smtp_settings)
        self.test_button.clicked.connect(self.ask_test_message)
        box.setEnabled(False)  # until the stored settings are loaded
        self.smtp_box = box
        return tab

    def _build_outbox_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.outbox_status_label = QLabel("")
        self.outbox_status_label.setObjectName("outbox_status_label")
        top.addWidget(self.outbox_status_label, 1)
        self.refresh_button = QPushButton(icon("reactivate"), self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.last_error_label = QLabel("")
        self.last_error_label.setObjectName("last_error_label")
        self.last_error_label.setWordWrap(True)
        self.last_error_label.hide()
        layout.addWidget(self.last_error_label)
        self.outbox_model = OutboxTableModel(self)
        self.outbox_table = data_table("outbox_table", self.outbox_model)
        set_column_modes(
            self.outbox_table.horizontalHeader(),
            contents=(
                OutboxTableModel.COL_CREATED,
                OutboxTableModel.COL_ATTEMPTS,
                OutboxTableModel.COL_NEXT,
                OutboxTableModel.COL_SENT,
            ),
            widths={OutboxTableModel.COL_RECIPIENT: 220, OutboxTableModel.COL_ERROR: 240},
            stretch=(OutboxTableModel.COL_SUBJECT,),
        )
        layout.addWidget(self.outbox_table, 1)
        self.refresh_button.clicked.connect(lambda: self.reload())
        return tab

    def _build_unattended_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        box = QGroupBox(self.tr("Scheduled maintenance"))
        box.setObjectName("unattended_box")
        layout = QVBoxLayout(box)
        self.unattended_state_label = QLabel(self.tr("Reading the state…"))
        self.unattended_state_label.setObjectName("unattended_state_label")
        layout.addWidget(self.unattended_state_label)
        account = _os_account()
        explanation = QLabel(
            self.tr(
                "The maintenance can also run every night with nobody signed in: a "
                "scheduled task of this computer starts the command below under this OS "
                "account ({account}). Setting it up puts a random secret in this "
                "account's system keyring and adds a maintenance key to the database; "
                "no password is stored, nothing is written in clear. Schedule the task "
                "under this same account, in a session where its keyring is available."
            ).format(account=account or self.tr("the current one"))
        )
        explanation.setObjectName("unattended_explanation_label")
        explanation.setWordWrap(True)
        style.set_role(explanation, "hint")
        layout.addWidget(explanation)

        layout.addWidget(QLabel(self.tr("Command to schedule:")))
        command_row = QHBoxLayout()
        self.unattended_command_edit = QLineEdit(unattended_command(self._database_folder()))
        self.unattended_command_edit.setObjectName("unattended_command_edit")
        self.unattended_command_edit.setReadOnly(True)
        self.unattended_command_edit.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )
        self.unattended_command_edit.setCursorPosition(0)
        self.unattended_command_edit.setToolTip(self.unattended_command_edit.text())
        command_row.addWidget(self.unattended_command_edit, 1)
        self.copy_command_button = QPushButton(self.tr("Copy"))
        self.copy_command_button.setObjectName("copy_command_button")
        command_row.addWidget(self.copy_command_button)
        layout.addLayout(command_row)

        buttons = QHBoxLayout()
        self.setup_unattended_button = QPushButton(icon("verify"), self.tr("Set up…"))
        self.setup_unattended_button.setObjectName("setup_unattended_button")
        self.remove_unattended_button = QPushButton(icon("revoke"), self.tr("Remove…"))
        self.remove_unattended_button.setObjectName("remove_unattended_button")
        buttons.addWidget(self.setup_unattended_button)
        buttons.addWidget(self.remove_unattended_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.unattended_message_label = QLabel("")
        self.unattended_message_label.setObjectName("unattended_message_label")
        self.unattended_message_label.setWordWrap(True)
        self.unattended_message_label.hide()
        layout.addWidget(self.unattended_message_label)
        box.setMaximumWidth(1100)
        outer.addWidget(box)
        outer.addStretch(1)

        self.copy_command_button.clicked.connect(self.copy_unattended_command)
        self.setup_unattended_button.clicked.connect(self._on_setup_unattended_clicked)
        self.remove_unattended_button.clicked.connect(self._on_remove_unattended_clicked)
        return tab

    def _database_folder(self) -> Path:
        """The folder of this session's database (the ``--folder`` of the CLI)."""
        ctx = self._session.ctx
        keystore_path = getattr(ctx.keystore, "path", None)
        if keystore_path is not None:
            return Path(keystore_path).parent
        return Path(ctx.database.path).parent

    # -------------------------------------------------------------------- data
    def reload(self) -> None:
        """Read the inactive accounts and the outbox again."""
        self._pending_loads += 3
        self._tasks.run(
            self._maintenance.inactive_users,
            on_success=self._on_inactive_loaded,
            on_failure=self._on_load_failed,
            owner=self,
        )
        self._tasks.run(
            self._outbox.status,
            on_success=self._on_outbox_status,
            on_failure=self._on_load_failed,
            owner=self,
        )
        self._tasks.run(
            self._outbox.list_messages,
            on_success=self._on_messages_loaded,
            on_failure=self._on_load_failed,
            owner=self,
        )

    def load_settings(self) -> None:
        """Read the grace period and the SMTP settings into the forms."""
        self._tasks.run(
            self._maintenance.grace_days,
            on_success=self._on_grace_loaded,
            on_failure=self._on_load_failed,
            owner=self,
        )
        self._tasks.run(
            self._outbox.smtp_settings,
            on_success=self._on_smtp_loaded,
            on_failure=self._on_load_failed,
            owner=self,
        )

    def _loaded_one(self) -> None:
        self._pending_loads -= 1
        if self._pending_loads == 0:
            self.sig_loaded.emit()

    def _on_inactive_loaded(self, users: list[InactiveUser]) -> None:
        selected = self.selected_user()
        self.inactive_model.set_users(users)
        self.inactive_count_label.setText(self.tr("%n account(s)", "", len(users)))
        if selected is not None and (row := self.inactive_model.row_of(selected.user_id)) >= 0:
            self.inactive_table.selectRow(row)
        self._update_buttons()
        self._loaded_one()

    def _on_outbox_status(self, status: OutboxStatus) -> None:
        self.outbox_status_label.setText(
            self.tr("Waiting: {pending} (failing: {failing}) · sent: {sent}").format(
                pending=status.pending, failing=status.failing, sent=status.sent
            )
        )
        show_banner(
            self.last_error_label,
            self.tr("Last error: {error}").format(error=status.last_error)
            if status.last_error
            else "",
            "warning",
        )
        self._loaded_one()

    def _on_messages_loaded(self, messages: list[OutboxView]) -> None:
        self.outbox_model.set_rows(messages)
        self._loaded_one()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self._loaded_one()

    def _on_grace_loaded(self, days: int) -> None:
        self._grace_days = int(days)
        self.grace_spin.setValue(self._grace_days)
        self.grace_spin.setEnabled(True)
        self._update_buttons()
        if self._smtp is not None:
            self.sig_settings_loaded.emit()

    def _on_smtp_loaded(self, settings: SmtpSettings) -> None:
        self._smtp = settings
        self.host_edit.setText(settings.host)
        self.security_combo.blockSignals(True)
        self.security_combo.setCurrentIndex(
            max(0, self.security_combo.findData(SmtpSecurity(settings.security).value))
        )
        self.security_combo.blockSignals(False)
        if settings.configured or settings.port:
            self.port_spin.setValue(settings.port or DEFAULT_PORTS[self._security()])
        self.sender_edit.setText(settings.sender)
        self.username_edit.setText(settings.username)
        self.password_edit.clear()
        self.remove_password_check.setChecked(False)
        self.remove_password_check.setEnabled(settings.password_set)
        self.password_edit.setPlaceholderText(
            self.tr("stored; leave empty to keep it")
            if settings.password_set
            else self.tr("none stored")
        )
        self.smtp_box.setEnabled(True)
        self._update_buttons()
        if self._grace_days is not None:
            self.sig_settings_loaded.emit()

    # ----------------------------------------------------------------- helpers
    def selected_user(self) -> InactiveUser | None:
        rows = self.inactive_table.selectionModel().selectedRows()
        return self.inactive_model.user_at(rows[0].row()) if rows else None

    def _security(self) -> SmtpSecurity:
        return SmtpSecurity(self.security_combo.currentData())

    def _show_status(self, text: str, kind: str = "ok") -> None:
        show_banner(self.status_label, text, kind)

    def _update_buttons(self, *_args: object) -> None:
        self.revoke_button.setEnabled(self.selected_user() is not None)
        self.grace_save_button.setEnabled(
            self._grace_days is not None and self.grace_spin.value() != self._grace_days
        )
        self.test_button.setEnabled(self._smtp is not None and self._smtp.configured)
        self.run_button.setEnabled(not self.job.running)
        self.setup_unattended_button.setEnabled(self._unattended is not None)
        self.remove_unattended_button.setEnabled(bool(self._unattended))

    def _on_security_changed(self, _index: int) -> None:
        # The usual port of the new kind of connection, unless a custom one is set.
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[self._security()])
        self._update_buttons()

    def _on_remove_password_toggled(self, checked: bool) -> None:
        if checked:
            self.password_edit.clear()
        self.password_edit.setEnabled(not checked)

    # ------------------------------------------------------------ grace period
    def save_grace_days(self) -> None:
        self.grace_save_button.setEnabled(False)
        self._tasks.run(
            self._maintenance.set_grace_days,
            self.grace_spin.value(),
            on_success=self._on_grace_saved,
            on_failure=self._on_action_failed,
            label=self.tr("Saving…"),
            owner=self,
        )

    def _on_grace_saved(self, days: int) -> None:
        self._grace_days = int(days)
        self._show_status(self.tr("Grace period saved: {days} days.").format(days=self._grace_days))
        self._update_buttons()
        self.reload()  # the revocation dates follow
        self.sig_action_done.emit()

    # -------------------------------------------------------------- revocation
    def _on_revoke_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self.last_confirmation = confirm(
            self,
            self.tr("Revoke an account"),
            self.tr("Revoke the account {login} ({name}) now, for good?").format(
                login=user.login, name=user.display_name
            ),
            self.tr(
                "The database will be re-keyed: it is encrypted again with a new key and this "
                "account's key is removed, so its password can no longer open the database. "
                "This may take a moment and cannot be undone. The user's identity is kept for "
                "traceability."
            ),
            self.tr("Revoke and re-key"),
            lambda: self._revoke(user),
        )

    def _revoke(self, user: InactiveUser) -> None:
        self.revoke_button.setEnabled(False)
        self._tasks.run(
            self._session.users.revoke,
            user.user_id,
            on_success=lambda _result: self._on_revoked(user),
            on_failure=self._on_action_failed,
            label=self.tr("Revoking the account and re-keying the database…"),
            owner=self,
        )

    def _on_revoked(self, user: InactiveUser) -> None:
        self._show_status(
            self.tr("Account {login} revoked; the database has been re-keyed.").format(
                login=user.login
            )
        )
        self.reload()
        self.sig_action_done.emit()

    # -------------------------------------------------------------------- SMTP
    def smtp_input(self) -> SmtpSettingsInput:
        """What the form says; an empty password keeps the stored one."""
        if self.remove_password_check.isChecked():
            password: str | None = ""
        else:
            password = self.password_edit.text() or None
        return SmtpSettingsInput(
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            security=self._security(),
            sender=self.sender_edit.text().strip(),
            username=self.username_edit.text().strip(),
            password=password,
        )

    def save_smtp_settings(self) -> None:
        self.smtp_save_button.setEnabled(False)
        self._tasks.run(
            self._outbox.set_smtp_settings,
            self.smtp_input(),
            on_success=self._on_smtp_saved,
            on_failure=self._on_smtp_save_failed,
            label=self.tr("Saving…"),
            owner=self,
        )

    def _on_smtp_saved(self, settings: SmtpSettings) -> None:
        self.smtp_save_button.setEnabled(True)
        self._on_smtp_loaded(settings)
        self._show_status(self.tr("Email settings saved."))
        self.sig_action_done.emit()

    def _on_smtp_save_failed(self, exc: BaseException) -> None:
        self.smtp_save_button.setEnabled(True)
        self._on_action_failed(exc)

    def ask_test_message(self) -> QInputDialog:
        """Ask the address of the test message (non-blocking dialog)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("test_address_dialog")
        dialog.setWindowTitle(self.tr("Test message"))
        dialog.setLabelText(self.tr("Send a test message to the address:"))
        dialog.setTextValue("")
        dialog.setOkButtonText(self.tr("Send"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.send_test_message)
        self.test_dialog = dialog
        dialog.open()
        return dialog

    def send_test_message(self, address: str) -> None:
        address = address.strip()
        if not address:
            return
        self.test_button.setEnabled(False)
        self._show_status(self.tr("Sending the test message to {address}…").format(address=address))
        self._tasks.run(
            self._outbox.send_test_message,
            address,
            on_success=lambda _result: self._on_test_sent(address),
            on_failure=self._on_test_failed,
            label=self.tr("Sending the test message…"),
            owner=self,
        )

    def _on_test_sent(self, address: str) -> None:
        self._update_buttons()
        self._show_status(
            self.tr("Test message sent to {address}: check that it arrived.").format(
                address=address
            )
        )
        self.sig_action_done.emit()

    def _on_test_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self._on_action_failed(exc)

    # ------------------------------------------------------------- maintenance
    def run_maintenance(self) -> bool:
        """Run the maintenance job now, its progress in the bar; False if not started."""
        if not self.job.start():
            return False
        self.report_label.hide()
        self._show_status("")
        self.run_progress.setValue(0)
        self.run_progress.show()
        self.run_step_label.setText(self.tr("Starting…"))
        self._update_buttons()
        return True

    def _on_job_progress(self, step: str, percent: int) -> None:
        self.run_progress.setValue(percent)
        self.run_step_label.setText(
            self.tr("{step}… {percent} %").format(step=step, percent=percent)
        )

    def _on_job_finished(self, report: MaintenanceReport) -> None:
        self.run_progress.hide()
        self.run_step_label.clear()
        show_banner(
            self.report_label,
            self.report_text(report),
            "warning" if report.errors or report.integrity_ok is False else "ok",
        )
        self._update_buttons()
        self.reload()
        self.sig_action_done.emit()

    def _on_job_failed(self, exc: BaseException) -> None:
        self.run_progress.hide()
        self.run_step_label.clear()
        self._update_buttons()
        self._show_status(error_text(exc), "error")
        self.sig_action_done.emit()

    def report_text(self, report: MaintenanceReport) -> str:
        """The counts of a run, one line per step."""
        if report.integrity_ok is None:
            integrity = self.tr("not checked (server database)")
        elif report.integrity_ok:
            integrity = self.tr("no problem found")
        else:
            integrity = self.tr("PROBLEM FOUND: tell your IT department")
        lines = [
            self.tr("Maintenance finished."),
            self.tr("Old events purged from the log: {count}.").format(count=report.purged),
            self.tr("Database check: {result}.").format(result=integrity),
            self.tr(
                "Inactive accounts: warned {warned}, warnings cancelled {cancelled}, "
                "revoked {revoked}."
            ).format(warned=report.warned, cancelled=report.cancelled, revoked=report.revoked),
            self.tr(
                "Departed users' files: archived {archived}, restored {restored}, "
                "deleted {deleted}."
            ).format(
                archived=report.files_archived,
                restored=report.files_restored,
                deleted=report.files_deleted,
            ),
            self.tr("Access alerts raised: {count}.").format(count=report.alerts),
            self.tr("Emails: sent {sent}, failed {failed}, waiting {waiting}.").format(
                sent=report.mails_sent, failed=report.mails_failed, waiting=report.mails_waiting
            ),
        ]
        if not report.smtp_configured:
            lines.append(self.tr("No email server is set: the messages wait in the outbox."))
        if report.rekey_pending:
            lines.append(
                self.tr("A revocation's re-key waits until no other session has the database open.")
            )
        if report.errors:
            lines.append(
                self.tr("Steps not completed: {reasons}").format(
                    reasons=" ".join(report_error_texts(report.errors))
                )
            )
        return "\n".join(lines)

    # --------------------------------------------------- scheduled maintenance
    def load_unattended(self) -> None:
        """Read whether unattended maintenance is set up for this database."""
        self._tasks.run(
            self._maintenance.unattended_configured,
            on_success=self._on_unattended_loaded,
            on_failure=self._on_unattended_load_failed,
            owner=self,
        )

    def _on_unattended_loaded(self, configured: bool) -> None:
        self._unattended = bool(configured)
        if configured:
            text = self.tr("Set up for this database: the scheduled task can run the command.")
        else:
            text = self.tr("Not set up for this database.")
        show_banner(self.unattended_state_label, text, "ok" if configured else "hint", bold=True)
        self.setup_unattended_button.setText(
            self.tr("Set up again…") if configured else self.tr("Set up…")
        )
        self._update_buttons()
        self.sig_unattended_loaded.emit(self._unattended)

    def _on_unattended_load_failed(self, exc: BaseException) -> None:
        show_banner(self.unattended_state_label, error_text(exc), "error")
        self._update_buttons()

    def copy_unattended_command(self) -> None:
        QGuiApplication.clipboard().setText(self.unattended_command_edit.text())
        show_banner(self.unattended_message_label, self.tr("Command copied."), "ok")

    def _on_setup_unattended_clicked(self) -> None:
        account = _os_account() or self.tr("the current one")
        self.last_confirmation = confirm(
            self,
            self.tr("Scheduled maintenance"),
            (
                self.tr("Set up scheduled maintenance again for this database?")
                if self._unattended
                else self.tr("Set up scheduled maintenance for this database?")
            ),
            self.tr(
                "A new random secret goes to the system keyring of this OS account "
                "({account}) and a maintenance key that it opens is added to the database. "
                "The scheduled task must run under this account. An earlier setup, even "
                "from another OS account, stops working."
            ).format(account=account),
            self.tr("Set up again") if self._unattended else self.tr("Set up"),
            self.setup_unattended,
        )

    def setup_unattended(self) -> None:
        """Set up (or again) unattended maintenance, in the background."""
        self._unattended_busy()
        self._tasks.run(
            self._maintenance.setup_unattended,
            on_success=lambda _result: self._on_unattended_done(
                self.tr(
                    "Scheduled maintenance set up: schedule the command above under this "
                    "OS account."
                )
            ),
            on_failure=self._on_unattended_failed,
            label=self.tr("Setting up scheduled maintenance…"),
            owner=self,
        )

    def _on_remove_unattended_clicked(self) -> None:
        self.last_confirmation = confirm(
            self,
            self.tr("Scheduled maintenance"),
            self.tr("Remove scheduled maintenance for this database?"),
            self.tr(
                "The database's maintenance key and the secret in this account's system "
                "keyring are erased: the scheduled command will be refused until it is set "
                "up again. Remove the scheduled task from the computer too."
            ),
            self.tr("Remove"),
            self.remove_unattended,
        )

    def remove_unattended(self) -> None:
        """Remove unattended maintenance (its key and secret), in the background."""
        self._unattended_busy()
        self._tasks.run(
            self._maintenance.remove_unattended,
            on_success=lambda removed: self._on_unattended_done(
                self.tr("Scheduled maintenance removed: its key and its secret are erased.")
                if removed
                else self.tr("Scheduled maintenance was not set up.")
            ),
            on_failure=self._on_unattended_failed,
            label=self.tr("Removing scheduled maintenance…"),
            owner=self,
        )

    def _unattended_busy(self) -> None:
        self.setup_unattended_button.setEnabled(False)
        self.remove_unattended_button.setEnabled(False)
        self.unattended_message_label.hide()

    def _on_unattended_done(self, text: str) -> None:
        show_banner(self.unattended_message_label, text, "ok")
        self.load_unattended()
        self.sig_action_done.emit()

    def _on_unattended_failed(self, exc: BaseException) -> None:
        show_banner(self.unattended_message_label, error_text(exc), "error")
        self.load_unattended()
        self.sig_action_done.emit()

    # ------------------------------------------------------------------ errors
    def _on_action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OisoError) and exc.code == ErrorCode.REKEY_PENDING:
            self._show_status(
                self.tr(
                    "Account revoked. The database key will be changed as soon as the other "
                    "open sessions are closed."
                ),
                "warning",
            )
            self.reload()
        else:
            self._show_status(error_text(exc), "error")
        self._update_buttons()
        self.sig_action_done.emit()
