"""The Maintenance page's "Planification" tab: unattended maintenance set up and removed
by an administrator, against a real encrypted database, its real keystore file and an
in-memory secret store standing for the OS keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from oiso_desktop.gui.maintenance_view import MaintenanceView, unattended_command
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.maintenance_service import open_unattended
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.secret_store import MemorySecretStore


def _page(qtbot, session, tasks) -> MaintenanceView:
    page = MaintenanceView(session, tasks)
    qtbot.addWidget(page)
    page.resize(1340, 640)
    page.show()
    with qtbot.waitSignal(page.sig_unattended_loaded, timeout=10000):
        pass
    assert tasks.wait_idle(10000)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    return page


def _confirm(qtbot, page: MaintenanceView, button, *, configured: bool) -> None:
    """Click ``button``, accept its confirmation, wait for the state read again."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = page.last_confirmation
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(page.sig_unattended_loaded, timeout=30000) as loaded:
        qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert loaded.args == [configured]


def _has_slot(folder: Path) -> bool:
    return Keystore.load(folder / "oiso.keystore").has_maintenance_slot()


def test_set_up_then_remove_unattended_maintenance(
    qtbot, gui_db, gui_admin, gui_tasks, tmp_path
) -> None:
    page = _page(qtbot, gui_admin, gui_tasks)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Planification"
    assert page.unattended_state_label.text() == "Non configurée pour cette base."
    assert page.setup_unattended_button.text() == "Configurer…"
    assert not page.remove_unattended_button.isEnabled()

    # The command names this database's folder; "Copier" puts it on the clipboard.
    command = page.unattended_command_edit.text()
    assert command == unattended_command(gui_db.folder)
    assert command.startswith("oiso-desktop maintenance run --unattended --folder ")
    assert str(gui_db.folder) in command
    assert page.unattended_command_edit.isReadOnly()
    qtbot.mouseClick(page.copy_command_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == command
    assert page.unattended_message_label.text() == "Commande copiée."

    qtbot.mouseClick(page.setup_unattended_button, Qt.MouseButton.LeftButton)
    box = page.last_confirmation
    assert box.text() == "Configurer la maintenance planifiée de cette base ?"
    assert "trousseau système" in box.informativeText()
    box.reject()  # cancelled: nothing happens
    assert gui_tasks.wait_idle(5000)
    assert not _has_slot(gui_db.folder) and gui_db.secret_store.names() == []

    _confirm(qtbot, page, page.setup_unattended_button, configured=True)
    assert page.unattended_state_label.text().startswith("Configurée pour cette base")
    assert page.unattended_message_label.text().startswith("Maintenance planifiée configurée")
    assert page.setup_unattended_button.text() == "Reconfigurer…"
    assert page.remove_unattended_button.isEnabled()
    assert _has_slot(gui_db.folder)
    assert len(gui_db.secret_store.names()) == 1
    # The secret really opens the database with nobody signed in.
    ctx = open_unattended(gui_db.folder, secret_store=gui_db.secret_store)
    ctx.database.close()
    assert [e.action for e in gui_admin.events.list(limit=1)] == ["maintenance_slot_created"]
    page.grab().save(str(tmp_path / "maintenance-planification.png"))

    _confirm(qtbot, page, page.remove_unattended_button, configured=False)
    assert page.unattended_state_label.text() == "Non configurée pour cette base."
    assert "effacés" in page.unattended_message_label.text()
    assert not _has_slot(gui_db.folder)
    assert gui_db.secret_store.names() == []
    assert not page.remove_unattended_button.isEnabled()


def test_without_a_keyring_it_says_so_in_french_and_changes_nothing(
    qtbot, gui_db, gui_tasks, tmp_path
) -> None:
    no_keyring = MemorySecretStore(available=False)
    session = AuthService(gui_db.folder, secret_store=no_keyring).login(
        gui_db.admin_login, gui_db.admin_password
    )
    gui_db.sessions.append(session)
    page = _page(qtbot, session, gui_tasks)
    _confirm(qtbot, page, page.setup_unattended_button, configured=False)
    message = page.unattended_message_label.text()
    assert message.startswith("Aucun trousseau système n'est disponible pour ce compte")
    assert page.unattended_message_label.property("role") == "error"
    assert page.unattended_state_label.text() == "Non configurée pour cette base."
    assert not _has_slot(gui_db.folder)
    assert [e.action for e in session.events.list(action="maintenance_slot_created")] == []
    page.grab().save(str(tmp_path / "maintenance-sans-trousseau.png"))


@pytest.mark.parametrize(
    ("windows", "expected"),
    [
        (False, "oiso-desktop maintenance run --unattended --folder '/srv/OISO base'"),
        (True, 'oiso-desktop maintenance run --unattended --folder "C:\\OISO base"'),
    ],
)
def test_the_command_is_quoted_for_the_os(windows: bool, expected: str) -> None:
    folder = Path("C:\\OISO base") if windows else Path("/srv/OISO base")
    assert unattended_command(folder, windows=windows) == expected
