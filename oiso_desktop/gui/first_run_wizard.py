"""First-run wizard: create the local encrypted database and its administrator.

Pages: welcome -> location -> structure -> administrator -> summary (creation in
a worker) -> recovery code (PDF sheet, mandatory acknowledgement).
"""

from __future__ import annotations

import contextlib
import html
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from oiso_desktop.domain.errors import OisoError, StorageError
from oiso_desktop.domain.identifiers import validate_finess
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import pixmap
from oiso_desktop.gui.password_feedback import PasswordFeedback
from oiso_desktop.gui.style import set_invalid, set_role
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import error_label
from oiso_desktop.services.dto import StructureInput, UserInput
from oiso_desktop.services.setup_service import (
    database_file,
    database_in_the_way,
    prepare_database_folder,
    remember_database_folder,
)
from oiso_desktop.system import paths
from oiso_desktop.system.diagnostics import exception_summary

log = logging.getLogger(__name__)

# The files of a local database (ARCHITECTURE.md, "Files on disk"); checked here
# only to warn early, the setup service refuses to overwrite them anyway.


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.setTitle(self.tr("Welcome to OISO Desktop"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "<p>No OISO database was found on this computer.</p>"
                "<p>This assistant creates an <b>encrypted</b> database, records your "
                "structure and creates the <b>administrator</b> account, who will then "
                "create the accounts of the other users.</p>"
                "<p>At the end, a <b>recovery code</b> is shown once: it restores access "
                "if every administrator password is lost. Keep a printer or a USB key "
                "at hand to save it.</p>"
            )
        )
        text.setObjectName("welcome_label")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        layout.addStretch(1)


class LocationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("location_page")
        self.setTitle(self.tr("Database location"))
        self.setSubTitle(self.tr("Who will use OISO Desktop on this computer?"))
        self.user_radio = QRadioButton(self.tr("Just me (folder of my user account)"))
        self.user_radio.setObjectName("user_folder_radio")
        self.shared_radio = QRadioButton(self.tr("All users of this computer (shared folder)"))
        self.shared_radio.setObjectName("shared_folder_radio")
        self._group = QButtonGroup(self)
        self._group.addButton(self.user_radio)
        self._group.addButton(self.shared_radio)
        self.user_radio.setChecked(True)

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folder_edit")
        self.browse_button = QPushButton(self.tr("Browse..."))
        self.browse_button.setObjectName("browse_button")
        self.path_label = QLabel()
        self.path_label.setObjectName("path_label")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.path_label, "hint")
        self.error_label = error_label("location_error_label")

        layout = QVBoxLayout(self)
        layout.addWidget(self.user_radio)
        layout.addWidget(self.shared_radio)
        shared_hint = QLabel(
            self.tr(
                "Choose the shared folder when several people, each with their own "
                "session on this computer, use OISO Desktop. Creating it may require "
                "administrator rights on the computer."
            )
        )
        shared_hint.setWordWrap(True)
        set_role(shared_hint, "hint")
        layout.addWidget(shared_hint)
        layout.addSpacing(8)
        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        layout.addLayout(folder_row)
        layout.addWidget(self.path_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.user_radio.toggled.connect(self._on_scope_changed)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.folder_edit.textChanged.connect(self._on_folder_changed)
        self._on_scope_changed()

    @property
    def shared(self) -> bool:
        return self.shared_radio.isChecked()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def _on_scope_changed(self, *_args: object) -> None:
        default = paths.shared_data_folder() if self.shared else paths.default_user_data_folder()
        self.folder_edit.setText(str(default))

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the database folder"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def _on_folder_changed(self, text: str) -> None:
        _show_error(self.error_label, "")
        if text.strip():
            self.path_label.setText(
                self.tr("The database will be created in: {path}").format(
                    path=str(database_file(self.folder()))
                )
            )
        else:
            self.path_label.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.folder_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        folder = self.folder()
        if not folder.is_absolute():
            _show_error(self.error_label, self.tr("Give the full path of the folder."))
            return False
        if database_in_the_way(folder):
            _show_error(
                self.error_label,
                self.tr(
                    "This folder already contains an OISO database. Choose another folder, "
                    "or cancel and start OISO Desktop with this folder."
                ),
            )
            return False
        try:
            # Created with its final mode (0700, or 0770 when shared), whatever the umask.
            prepare_database_folder(folder, shared=self.shared)
        except StorageError as exc:
            _show_error(
                self.error_label,
                self.tr("Cannot write in this folder ({reason}). Choose another folder.").format(
                    reason=exc.params.get("reason") or error_text(exc)
                ),
            )
            return False
        return True


class StructurePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structure_page")
        self.setTitle(self.tr("Your structure"))
        self.setSubTitle(
            self.tr("The hospital or practice where the database is used (letters, reports).")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("structure_name_edit")
        self.finess_edit = QLineEdit()
        self.finess_edit.setObjectName("finess_edit")
        self.finess_edit.setMaxLength(12)
        self.finess_edit.setPlaceholderText(self.tr("9 characters, e.g. 750712184"))
        self.finess_error_label = error_label("finess_error_label")
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("structure_address_edit")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("structure_phone_edit")

        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&FINESS number:"), self.finess_edit)
        form.addRow("", self.finess_error_label)
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("&Phone:"), self.phone_edit)

        self.name_edit.textChanged.connect(self.completeChanged)
        self.finess_edit.textChanged.connect(self._on_finess_changed)

    def _finess_error(self) -> str:
        text = self.finess_edit.text().strip()
        if not text:
            return ""
        try:
            validate_finess(text)
        except OisoError as exc:
            return error_text(exc)
        return ""

    def _on_finess_changed(self, _text: str) -> None:
        message = self._finess_error()
        # Only complain about the length once the user has typed enough.
        typed = len(self.finess_edit.text().replace(" ", ""))
        if message and typed < 9 and self.finess_edit.text().strip().isalnum():
            message = ""
        _show_error(self.finess_error_label, message)
        set_invalid(self.finess_edit, bool(message))
        self.completeChanged.emit()

    def finess(self) -> str:
        return validate_finess(self.finess_edit.text())

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return (
            bool(self.name_edit.text().strip())
            and bool(self.finess_edit.text().strip())
            and not self._finess_error()
        )

    def structure(self) -> StructureInput:
        return StructureInput(
            name=self.name_edit.text().strip(),
            finess=self.finess(),
            address=self.address_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
        )


class AdminPage(QWizardPage):
    def __init__(self, keyring_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_page")
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(
            self.tr(
                "The administrator manages the user accounts and the event log; "
                "they do not see patient files."
            )
        )
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("admin_login_edit")
        self.first_name_edit = QLineEdit()
        self.first_name_edit.setObjectName("admin_first_name_edit")
        self.last_name_edit = QLineEdit()
        self.last_name_edit.setObjectName("admin_last_name_edit")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("admin_email_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("admin_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("admin_confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.feedback = PasswordFeedback()
        self.bind_checkbox = QCheckBox(
            self.tr("Link this account to this computer (system keyring)")
        )
        self.bind_checkbox.setObjectName("bind_checkbox")
        self.bind_hint = QLabel()
        self.bind_hint.setWordWrap(True)
        set_role(self.bind_hint, "hint")
        if keyring_available:
            self.bind_hint.setText(
                self.tr(
                    "For a laptop taken outside the hospital: the database files copied "
                    "elsewhere cannot then be opened with this account, even with its password."
                )
            )
        else:
            self.bind_checkbox.setEnabled(False)
            self.bind_hint.setText(
                self.tr(
                    "Unavailable: no system keyring was found on this computer "
                    "(OISO never stores secrets in a plain file)."
                )
            )

        form = QFormLayout(self)
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&First name:"), self.first_name_edit)
        form.addRow(self.tr("Last &name:"), self.last_name_edit)
        form.addRow(self.tr("&Email (optional):"), self.email_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Confirmation:"), self.confirm_edit)
        form.addRow("", self.feedback)
        bind_box = QWidget()
        bind_layout = QVBoxLayout(bind_box)
        bind_layout.setContentsMargins(0, 0, 0, 0)
        bind_layout.setSpacing(2)
        bind_layout.addWidget(self.bind_checkbox)
        bind_layout.addWidget(self.bind_hint)
        form.addRow("", bind_box)

        for edit in (
            self.login_edit,
            self.first_name_edit,
            self.last_name_edit,
            self.password_edit,
            self.confirm_edit,
        ):
            edit.textChanged.connect(self._on_changed)

    def _on_changed(self, *_args: object) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        password_ok = self.feedback.check(
            self.password_edit.text(),
            self.confirm_edit.text(),
            login=self.login_edit.text().strip(),
            names=(self.first_name_edit.text(), self.last_name_edit.text()),
        )
        return password_ok and all(
            edit.text().strip()
            for edit in (self.login_edit, self.first_name_edit, self.last_name_edit)
        )

    def admin(self) -> UserInput:
        return UserInput(
            login=self.login_edit.text().strip(),
            first_name=self.first_name_edit.text().strip(),
            last_name=self.last_name_edit.text().strip(),
            role=Role.ADMIN,
            email=self.email_edit.text().strip(),
        )


class SummaryPage(QWizardPage):
    """Recap; "Create" runs the creation in a worker and moves on when done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_page")
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the information, then create the database."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the database"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label("creation_error_label")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        self._busy = False

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        loc, struct, admin = wizard.location_page, wizard.structure_page, wizard.admin_page
        esc = html.escape
        rows = [
            (self.tr("Database folder"), str(loc.folder())),
            (
                self.tr("Used by"),
                self.tr("all users of this computer") if loc.shared else self.tr("me only"),
            ),
            (self.tr("Structure"), struct.name_edit.text().strip()),
            (self.tr("FINESS"), struct.finess_edit.text().strip()),
            (
                self.tr("Administrator"),
                f"{admin.first_name_edit.text().strip()} {admin.last_name_edit.text().strip()}"
                f" ({admin.login_edit.text().strip()})",
            ),
            (
                self.tr("Linked to this computer"),
                self.tr("yes") if admin.bind_checkbox.isChecked() else self.tr("no"),
            ),
        ]
        body = "".join(
            f"<tr><td style='padding:3px 12px 3px 0'><b>{esc(k)}</b></td>"
            f"<td style='padding:3px 0'>{esc(v)}</td></tr>"
            for k, v in rows
        )
        self.summary_label.setText(f"<table>{body}</table>")
        _show_error(self.error_label, "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.status_label.setText(
            self.tr("Creating the encrypted database... This takes a few seconds.") if busy else ""
        )
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if wizard.result_code is not None:
            return True
        if not self._busy:
            _show_error(self.error_label, "")
            wizard.start_creation()
        return False


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_page")
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "The database is created. This code is shown only once: it restores access "
                "if every administrator password is lost."
            )
        )
        self.code_label = QLabel()
        self.code_label.setObjectName("recovery_code_label")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(18)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.save_button = QPushButton(self.tr("Save the recovery sheet (PDF)..."))
        self.save_button.setObjectName("save_sheet_button")
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        set_role(self.saved_label, "ok")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        set_role(self.warning_label, "hint")
        advice = QLabel(
            self.tr(
                "Print the sheet or write the code down, and keep it in a safe place "
                "(a locked cabinet), away from the computer. Anyone holding this code and "
                "the database files can open the database."
            )
        )
        advice.setWordWrap(True)
        self.confirm_checkbox = QCheckBox(
            self.tr("I have printed or stored this code in a safe place")
        )
        self.confirm_checkbox.setObjectName("recovery_confirm_checkbox")
        self.registerField("recovery_confirmed*", self.confirm_checkbox)

        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.saved_label)
        layout.addWidget(advice)
        layout.addWidget(self.warning_label)
        layout.addStretch(1)
        layout.addWidget(self.confirm_checkbox)
        self.save_button.clicked.connect(self._on_save_clicked)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        self.code_label.setText(wizard.result_code or "")
        self.warning_label.setText(wizard.config_warning)
        self.warning_label.setVisible(bool(wizard.config_warning))

    def _on_save_clicked(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        default = Path.home() / self.tr("oiso-recovery-sheet.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), str(default), self.tr("PDF (*.pdf)")
        )
        if path:
            wizard.save_recovery_sheet(Path(path))


class FirstRunWizard(QWizard):
    """Creates a local database; ``database_folder`` is set once it exists."""

    #: emitted (on the GUI thread) once the database exists, with its folder
    sig_database_created = Signal(Path)

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        secret_store: object | None = None,
        keyring_available: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self._tasks = tasks
        self._secret_store = secret_store
        if keyring_available is None:
            keyring_available = _keyring_available(secret_store)
        self.setWindowTitle(self.tr("OISO Desktop — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, pixmap("app", 48))
        self.setMinimumSize(720, 560)

        self.database_folder: Path | None = None
        self.result_code: str | None = None
        self.config_warning = ""
        self._created_at: datetime | None = None

        self.welcome_page = WelcomePage()
        self.location_page = LocationPage()
        self.structure_page = StructurePage()
        self.admin_page = AdminPage(keyring_available)
        self.summary_page = SummaryPage()
        self.recovery_page = RecoveryPage()
        for page in (
            self.welcome_page,
            self.location_page,
            self.structure_page,
            self.admin_page,
            self.summary_page,
            self.recovery_page,
        ):
            self.addPage(page)

    # ---------------------------------------------------------------- creation
    def start_creation(self) -> None:
        folder = self.location_page.folder()
        shared = self.location_page.shared
        structure = self.structure_page.structure()
        admin = self.admin_page.admin()
        password = self.admin_page.password_edit.text()
        bind = self.admin_page.bind_checkbox.isChecked()
        self.summary_page.set_busy(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self._tasks.run(
            _create_database,
            folder,
            shared,
            structure,
            admin,
            password,
            bind,
            self._secret_store,
            on_success=self._on_created,
            on_failure=self._on_creation_failed,
            label=self.tr("Creating the database..."),
            writer=True,
            owner=self,
        )

    def _on_created(self, outcome: tuple[Path, str, str]) -> None:
        folder, code, config_warning = outcome
        self.database_folder = folder
        self.result_code = code
        if config_warning:
            self.config_warning = (
                config_warning
                + " "
                + self.tr(
                    "The location was saved for your account only; the other users of this "
                    "computer will have to choose this folder at their first start."
                )
            )
        self._created_at = datetime.now().astimezone()
        self.summary_page.set_busy(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.sig_database_created.emit(folder)
        self.next()

    def _on_creation_failed(self, exc: BaseException) -> None:
        self.summary_page.set_busy(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        _show_error(
            self.summary_page.error_label,
            self.tr("The database could not be created: {reason}").format(reason=error_text(exc)),
        )

    # ---------------------------------------------------------- recovery sheet
    def save_recovery_sheet(self, path: Path) -> None:
        if self.result_code is None or self.database_folder is None:
            return
        page = self.recovery_page
        page.save_button.setEnabled(False)

        def done(_result: object) -> None:
            page.save_button.setEnabled(True)
            set_role(page.saved_label, "ok")
            page.saved_label.setText(self.tr("Sheet saved: {path}").format(path=str(path)))

        def failed(exc: BaseException) -> None:
            page.save_button.setEnabled(True)
            set_role(page.saved_label, "error")
            page.saved_label.setText(
                self.tr("The sheet could not be saved: {reason}").format(reason=error_text(exc))
                if isinstance(exc, OisoError)
                else self.tr("The sheet could not be saved: {reason}").format(reason=str(exc))
            )

        self._tasks.run(
            _write_sheet,
            path,
            self.result_code,
            self.structure_page.name_edit.text().strip(),
            str(self.database_folder),
            self._created_at or datetime.now().astimezone(),
            on_success=done,
            on_failure=failed,
            label=self.tr("Saving the recovery sheet..."),
            owner=self,
        )

    def reject(self) -> None:
        # Once the database exists, the code must be acknowledged: no cancelling.
        if self.result_code is not None:
            return
        super().reject()


def _keyring_available(secret_store: object | None) -> bool:
    available = getattr(secret_store, "available", None)
    if available is None:
        return False
    try:
        return bool(available())
    except Exception as exc:  # noqa: BLE001 - a broken backend is an unavailable one
        log.warning("Keyring availability check failed: %s", exception_summary(exc))
        return False


def _create_database(
    folder: Path,
    shared: bool,
    structure: StructureInput,
    admin: UserInput,
    password: str,
    bind: bool,
    secret_store: object | None,
) -> tuple[Path, str, str]:
    """Worker: create the database, then remember its folder. Returns (folder, code, warning)."""
    from oiso_desktop.services.setup_service import create_local_database

    result = create_local_database(
        folder,
        structure=structure,
        admin=admin,
        admin_password=password,
        bind_admin_slot=bind,
        secret_store=secret_store,  # type: ignore[arg-type]
        shared=shared,
    )
    warning = ""
    try:
        remember_database_folder(folder, shared=shared)
    except StorageError as exc:
        # The database exists: its recovery code must still be shown, so a config
        # that cannot be written is a warning, never a failure.
        warning = str(exc)
        if shared:
            # No right to write the computer-wide config: at least this user finds it again.
            with contextlib.suppress(StorageError):
                remember_database_folder(folder, shared=False)
    return Path(result.database_folder), result.recovery_code, warning


def _write_sheet(
    path: Path, code: str, structure_name: str, database_folder: str, created_at: datetime
) -> None:
    from oiso_desktop.reports.recovery_sheet import write_recovery_sheet

    write_recovery_sheet(
        path,
        code=code,
        structure_name=structure_name,
        database_folder=database_folder,
        created_at=created_at,
    )
