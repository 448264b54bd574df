"""Login: identifier + password, checked in a worker (argon2 takes about half a second)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import current_language, role_label
from oiso_desktop.gui.icons import icon, pixmap
from oiso_desktop.gui.style import set_role
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import error_label

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import AuthService, UserSession


@dataclass(frozen=True)
class DemoAccount:
    """A demo account shown on the login screen in ``--demo`` mode only."""

    login: str
    password: str
    role: str


class LoginDialog(QDialog):
    """Asks for login and password; ``session`` holds the UserSession once accepted."""

    #: the user picked another interface language ("fr" or "en")
    sig_language_requested = Signal(str)

    def __init__(
        self,
        auth: AuthService,
        tasks: TaskRunner,
        *,
        database_folder: Path | None = None,
        demo_accounts: Sequence[DemoAccount] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self._auth = auth
        self._tasks = tasks
        self._database_folder = database_folder
        self._demo_accounts = tuple(demo_accounts)
        self._busy = False
        self.session: UserSession | None = None
        self.setWindowIcon(icon("app"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)

        self.demo_banner = QLabel()
        self.demo_banner.setObjectName("demo_banner_label")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setVisible(bool(self._demo_accounts))
        layout.addWidget(self.demo_banner)

        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(pixmap("app", 48))
        header.addWidget(logo)
        titles = QVBoxLayout()
        self.title_label = QLabel()
        set_role(self.title_label, "title")
        self.subtitle_label = QLabel()
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.subtitle_label, "hint")
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        index = self.language_combo.findData(current_language())
        self.language_combo.setCurrentIndex(max(index, 0))
        header.addWidget(self.language_combo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        self.login_label = QLabel()
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login_edit")
        self.login_label.setBuddy(self.login_edit)
        self.password_label = QLabel()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password_edit)
        form.addWidget(self.login_label, 0, 0)
        form.addWidget(self.login_edit, 0, 1)
        form.addWidget(self.password_label, 1, 0)
        form.addWidget(self.password_edit, 1, 1)
        layout.addLayout(form)

        self.error_label = error_label("error_label")
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.recovery_button = QPushButton()
        self.recovery_button.setObjectName("recovery_button")
        self.recovery_button.setFlat(True)
        self.recovery_button.setIcon(icon("key"))
        self.recovery_button.setAutoDefault(False)
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quit_button")
        self.quit_button.setAutoDefault(False)
        self.login_button = QPushButton()
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)

        self.demo_frame = QFrame()
        self.demo_frame.setObjectName("demo_accounts_frame")
        self.demo_frame.setVisible(bool(self._demo_accounts))
        demo_layout = QGridLayout(self.demo_frame)
        demo_layout.setContentsMargins(12, 10, 12, 10)
        self.demo_title = QLabel()
        self.demo_title.setStyleSheet("font-weight: bold;")
        demo_layout.addWidget(self.demo_title, 0, 0, 1, 4)
        self.fill_buttons: list[QPushButton] = []
        self._demo_role_labels: list[QLabel] = []
        for row, account in enumerate(self._demo_accounts, start=1):
            role = QLabel()
            login = QLabel(account.login)
            login.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            password = QLabel(account.password)
            password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fill = QPushButton()
            fill.setObjectName(f"fill_button_{row}")
            fill.setAutoDefault(False)
            fill.clicked.connect(lambda _checked=False, a=account: self._on_fill_clicked(a))
            demo_layout.addWidget(role, row, 0)
            demo_layout.addWidget(login, row, 1)
            demo_layout.addWidget(password, row, 2)
            demo_layout.addWidget(fill, row, 3)
            self.fill_buttons.append(fill)
            self._demo_role_labels.append(role)
        demo_layout.setColumnStretch(1, 1)
        layout.addWidget(self.demo_frame)

        self.login_button.clicked.connect(self._on_login_clicked)
        self.quit_button.clicked.connect(self.reject)
        self.recovery_button.clicked.connect(self._on_recovery_clicked)
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.login_edit.textChanged.connect(self._on_input_changed)
        self.password_edit.textChanged.connect(self._on_input_changed)

        self._retranslate()
        self._on_input_changed()
        self.setMinimumWidth(600)
        self.login_edit.setFocus()

    # ------------------------------------------------------------- texts
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("OISO Desktop — Sign in"))
        self.demo_banner.setText(self.tr("DEMONSTRATION MODE — fictitious data"))
        self.title_label.setText(self.tr("OISO Desktop"))
        self.subtitle_label.setText(
            self.tr("Oncogenetics identification and follow-up")
            if self._database_folder is None
            else self.tr("Database: {folder}").format(folder=str(self._database_folder))
        )
        self.login_label.setText(self.tr("&Login:"))
        self.password_label.setText(self.tr("&Password:"))
        self.login_button.setText(self.tr("Sign in"))
        self.quit_button.setText(self.tr("Quit"))
        self.recovery_button.setText(self.tr("Recovery code..."))
        self.demo_title.setText(self.tr("Demonstration accounts"))
        for label, account in zip(self._demo_role_labels, self._demo_accounts, strict=True):
            label.setText(role_label(account.role))
        for button in self.fill_buttons:
            button.setText(self.tr("Fill in"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------- slots
    def _on_input_changed(self, *_args: object) -> None:
        self.login_button.setEnabled(
            not self._busy
            and bool(self.login_edit.text().strip())
            and bool(self.password_edit.text())
        )

    def _on_fill_clicked(self, account: DemoAccount) -> None:
        self.login_edit.setText(account.login)
        self.password_edit.setText(account.password)
        self.login_button.setFocus()

    def _on_language_changed(self, _index: int) -> None:
        language = self.language_combo.currentData()
        if language:
            self.sig_language_requested.emit(language)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.login_edit, self.password_edit, self.recovery_button):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Signing in...") if busy else self.tr("Sign in"))
        self._on_input_changed()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _on_login_clicked(self) -> None:
        if self._busy or not self.login_button.isEnabled():
            return
        self.show_error("")
        self._set_busy(True)
        self._tasks.run(
            self._auth.login,
            self.login_edit.text().strip(),
            self.password_edit.text(),
            on_success=self._on_login_done,
            on_failure=self._on_login_failed,
            label=self.tr("Signing in..."),
            writer=True,
            owner=self,
        )

    def _on_login_done(self, session: UserSession) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.session = session
        self.accept()

    def _on_login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_error(error_text(exc))
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _on_recovery_clicked(self) -> None:
        from oiso_desktop.gui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self._auth, self._tasks, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.session is not None:
            self.session = dialog.session
            self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Enter in either field signs in (the default button may be disabled while busy).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_login_clicked()
            return
        super().keyPressEvent(event)
