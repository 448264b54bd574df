"""Administration → security settings, against a real encrypted database (offscreen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from oiso_desktop.domain.errors import AuthenticationError
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.gui.recovery_sheet_dialog import RecoverySheetDialog
from oiso_desktop.gui.user_admin_view import UserAdminView
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.engine import verify_key
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.local_database import DB_FILENAME, KEYSTORE_FILENAME
from oiso_desktop.storage.secret_store import MemorySecretStore

NEW_PASSWORD = "Nouveau-Mot-de-passe-77!"


@pytest.fixture
def admin_view(qtbot, gui_admin, gui_tasks):
    view = UserAdminView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1150, 640)
    view.show()
    assert gui_tasks.wait_idle(10000)
    return view


def _confirm(qtbot, box) -> None:
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.findChild(type(box.buttons()[0]), "confirm_button"), Qt.LeftButton)


def test_the_idle_delay_is_read_and_saved_by_the_admin(
    qtbot, admin_view, gui_tasks, gui_admin, gui_practitioner
):
    panel = admin_view.security_panel
    assert panel.idle_spin.value() == 10 and panel.idle_spin.isEnabled()
    assert not panel.idle_save_button.isEnabled()
    panel.idle_spin.setValue(4)
    assert panel.idle_save_button.isEnabled()
    with qtbot.waitSignal(panel.sig_idle_lock_changed, timeout=5000) as signal:
        qtbot.mouseClick(panel.idle_save_button, Qt.LeftButton)
    assert signal.args == [4]
    assert "4 minute" in panel.status_label.text()
    assert "verrouillent" in panel.status_label.text()
    assert gui_practitioner.settings.idle_lock_minutes() == 4
    assert gui_admin.events.list(action="setting_changed")


def test_the_main_window_takes_its_idle_delay_from_the_setting(qtbot, gui_db, gui_tasks):
    admin = gui_db.login(gui_db.admin_login)
    admin.settings.set_idle_lock_minutes(3)
    window = MainWindow(admin, gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(window)
    assert gui_tasks.wait_idle(5000)  # the setting is read off the UI thread
    assert window.idle_watcher.timeout_ms == 3 * 60 * 1000
    # Changed from the Administration page: applied at once.
    window.pages["admin"].security_panel.sig_idle_lock_changed.emit(7)
    assert window.idle_watcher.timeout_ms == 7 * 60 * 1000
    # The tests' explicit override still wins.
    other = MainWindow(admin, gui_tasks, database_folder=gui_db.folder, idle_timeout_ms=250)
    qtbot.addWidget(other)
    assert other.idle_watcher.timeout_ms == 250
    gui_tasks.wait_idle(5000)


def test_a_new_recovery_sheet_from_the_admin_page(
    qtbot, admin_view, gui_tasks, gui_db, created_db, tmp_path: Path
):
    panel = admin_view.security_panel
    qtbot.mouseClick(panel.new_sheet_button, Qt.LeftButton)
    assert "cesse de fonctionner" in panel.last_confirmation.informativeText()
    with qtbot.waitSignal(panel.sig_done, timeout=10000):
        _confirm(qtbot, panel.last_confirmation)
    dialog = panel.sheet_dialog
    assert isinstance(dialog, RecoverySheetDialog) and dialog.isVisible()
    code = dialog.code_label.text()
    assert len(code.replace("-", "")) == 26
    assert not dialog.close_button.isEnabled()
    sheet = tmp_path / "fiche.pdf"
    dialog.save_sheet(sheet)
    assert gui_tasks.wait_idle(10000)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert "Fiche enregistrée" in dialog.saved_label.text()
    dialog.confirm_checkbox.setChecked(True)
    assert dialog.close_button.isEnabled()
    dialog.grab().save(str(tmp_path / "recovery_sheet_dialog.png"))
    # The real keystore: the old code no longer opens the database, the new one does.
    auth = AuthService(gui_db.folder, secret_store=MemorySecretStore())
    with pytest.raises(AuthenticationError):
        auth.recover(created_db.recovery_code, gui_db.admin_login, NEW_PASSWORD)
    keystore = Keystore.load(gui_db.folder / KEYSTORE_FILENAME)
    assert any(verify_key(gui_db.folder / DB_FILENAME, k) for k in keystore.unlock_recovery(code))


def test_rekey_now_from_the_admin_page(qtbot, admin_view, gui_tasks, gui_db, tmp_path: Path):
    copy = tmp_path / "copie.keystore"
    shutil.copy2(gui_db.folder / KEYSTORE_FILENAME, copy)
    old = Keystore.load(copy).unlock_user(
        gui_db.admin_login, gui_db.admin_password, MemorySecretStore()
    )
    panel = admin_view.security_panel
    qtbot.mouseClick(panel.rekey_button, Qt.LeftButton)
    detail = panel.last_confirmation.informativeText()
    assert "doit être fermée" in detail or "doivent être fermées" in detail
    with qtbot.waitSignal(panel.sig_done, timeout=20000):
        _confirm(qtbot, panel.last_confirmation)
    assert "changé de clé" in panel.status_label.text()
    assert not any(verify_key(gui_db.folder / DB_FILENAME, k) for k in old.dmk_candidates)


def test_reset_password_can_also_rekey(qtbot, admin_view, gui_tasks, gui_db):
    keystore = Keystore.load(gui_db.folder / KEYSTORE_FILENAME)
    before = keystore.current_key_id
    assert admin_view.select_user(gui_db.user_ids["cdubois"])
    qtbot.mouseClick(admin_view.reset_password_button, Qt.LeftButton)
    box = admin_view.last_confirmation
    checkbox = box.checkBox()
    assert checkbox is not None and "compromission suspectée" in checkbox.text()
    checkbox.setChecked(True)
    _confirm(qtbot, box)
    assert gui_tasks.wait_idle(20000)
    qtbot.waitUntil(lambda: admin_view.password_dialog is not None, timeout=5000)
    keystore.reload()
    assert keystore.current_key_id != before


def _open_window(qtbot, session, gui_tasks, folder):
    window = MainWindow(session, gui_tasks, database_folder=folder, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login_notice is not None, timeout=5000)
    assert gui_tasks.wait_idle(10000)  # the pages have loaded (the panel's setting too)
    qtbot.wait(10)
    return window


def test_the_main_window_warns_of_an_older_copy(qtbot, gui_db, gui_tasks, tmp_path: Path):
    for session in gui_db.sessions:
        session.logout()
    gui_db.login(gui_db.admin_login).logout()
    snapshot = tmp_path / "snapshot"
    shutil.copytree(gui_db.folder, snapshot)
    gui_db.login("cdubois").logout()
    for name in (DB_FILENAME, KEYSTORE_FILENAME):
        shutil.copy2(snapshot / name, gui_db.folder / name)
    session = gui_db.login(gui_db.admin_login)
    assert session.rollback_warning is not None
    window = _open_window(qtbot, session, gui_tasks, gui_db.folder)
    box = window.login_notice
    assert box.objectName() == "rollback_warning_box" and box.isVisible()
    assert "plus ancienne" in box.text()
    assert f"n° {session.rollback_warning.remembered_id}" in box.informativeText()
    box.grab().save(str(tmp_path / "rollback_warning.png"))


def test_after_a_recovery_a_new_sheet_is_offered(qtbot, gui_db, gui_tasks, created_db):
    for session in gui_db.sessions:
        session.logout()
    session = AuthService(gui_db.folder, secret_store=MemorySecretStore()).recover(
        created_db.recovery_code, gui_db.admin_login, NEW_PASSWORD
    )
    gui_db.sessions.append(session)
    window = _open_window(qtbot, session, gui_tasks, gui_db.folder)
    box = window.login_notice
    assert box.objectName() == "new_sheet_offer_box"
    assert "code de récupération" in box.informativeText()
    panel = window.pages["admin"].security_panel
    qtbot.mouseClick(box.findChild(type(box.buttons()[0]), "issue_sheet_button"), Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.sheet_dialog is not None, timeout=10000)
    assert window.page_keys()[window.navigation.currentRow()] == "admin"
    assert isinstance(panel.sheet_dialog, RecoverySheetDialog)
    with pytest.raises(AuthenticationError):
        AuthService(gui_db.folder, secret_store=MemorySecretStore()).recover(
            created_db.recovery_code, gui_db.admin_login, "Encore-un-autre-88!"
        )
