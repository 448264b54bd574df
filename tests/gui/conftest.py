"""Fixtures of the working-view tests (patients, users, event log).

Names start with ``gui_`` so that they never clash with the suite-wide ones of
``tests/conftest.py`` (``created_db``...), on which they build: a real encrypted
database in tmp_path, real sessions through the auth service.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.auth_service import AuthService, UserSession
from oiso_desktop.services.dto import UserInput
from oiso_desktop.storage.secret_store import MemorySecretStore

GUI_PASSWORD = "Granit-Azur-58?Ciel"
GUI_PRACTITIONER_RPPS = "10005173140"  # valid Luhn key (REFERENCE.md)


@dataclass
class GuiDatabase:
    folder: Path
    admin_login: str
    admin_password: str
    admin_user_id: int
    secret_store: MemorySecretStore = field(default_factory=MemorySecretStore)
    passwords: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)
    sessions: list[UserSession] = field(default_factory=list)

    def login(self, login: str) -> UserSession:
        password = self.admin_password if login == self.admin_login else self.passwords[login]
        session = AuthService(self.folder, secret_store=self.secret_store).login(login, password)
        self.sessions.append(session)
        return session

    def add_user(self, login: str, role: Role, **kwargs: object) -> int:
        """Create an account through the admin, and set its own password (first login)."""
        admin = self.login(self.admin_login)
        view, one_time = admin.users.create_user(
            UserInput(
                login=login,
                first_name=str(kwargs.pop("first_name", "Claire")),
                last_name=str(kwargs.pop("last_name", "Dubois")),
                role=role,
                **kwargs,  # type: ignore[arg-type]
            ),
        )
        admin.logout()
        session = AuthService(self.folder, secret_store=self.secret_store).login(login, one_time)
        session.change_password(one_time, GUI_PASSWORD)
        session.logout()
        self.passwords[login] = GUI_PASSWORD
        self.user_ids[login] = view.id
        return view.id


@pytest.fixture(autouse=True)
def gui_french(qapp) -> None:
    """Every GUI test starts in French, the product's default language, with the
    application's file-dialog privacy watcher (as ``gui.app`` installs it)."""
    from oiso_desktop.gui import file_dialog_privacy
    from oiso_desktop.gui.i18n import install_translations

    file_dialog_privacy.install(qapp)
    assert install_translations("fr")


@pytest.fixture
def gui_db(created_db) -> Iterator[GuiDatabase]:
    """The suite's database with a practitioner "cdubois" (password GUI_PASSWORD)."""
    db = GuiDatabase(
        folder=created_db.folder,
        admin_login=created_db.admin_login,
        admin_password=created_db.admin_password,
        admin_user_id=created_db.admin_user_id,
    )
    db.add_user(
        "cdubois",
        Role.PRACTITIONER,
        first_name="Claire",
        last_name="Dubois",
        rpps=GUI_PRACTITIONER_RPPS,
    )
    yield db
    for session in db.sessions:
        if not session.closed:
            session.logout()


@pytest.fixture
def gui_tasks(qapp) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle(10000)
    tasks.shutdown(10000)


@pytest.fixture
def gui_admin(gui_db) -> UserSession:
    return gui_db.login(gui_db.admin_login)


@pytest.fixture
def gui_practitioner(gui_db) -> UserSession:
    return gui_db.login("cdubois")


def _type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key; accented letters go as key events carrying the text
    (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


@pytest.fixture
def gui_type(qtbot):
    """``gui_type(widget, "Lefèvre")``: type into a widget like a user."""
    return lambda widget, text: _type_text(qtbot, widget, text)
