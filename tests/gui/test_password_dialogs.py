"""The dialogs that set a new password: recovery with the code, shared frame, French labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from oiso_desktop.gui.i18n import install_translations
from oiso_desktop.gui.recovery_dialog import RecoveryDialog
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.new_password_dialog import NewPasswordDialog
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.secret_store import MemorySecretStore

NEW_PASSWORD = "Granit-Azur-58?Ciel"


@pytest.fixture
def french(qapp):
    install_translations("fr")
    yield
    install_translations("fr")


@pytest.fixture
def recovery(qtbot, created_db, french):
    tasks = TaskRunner()
    auth = AuthService(created_db.folder, secret_store=MemorySecretStore())
    dialog = RecoveryDialog(auth, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, tasks
    tasks.wait_idle(10000)
    tasks.shutdown(10000)


def _label_of(dialog: NewPasswordDialog, widget) -> str:
    label = dialog.form.labelForField(widget)
    assert label is not None
    return label.text()


def test_recovery_dialog_shares_the_new_password_frame(recovery):
    dialog, _tasks = recovery
    assert isinstance(dialog, NewPasswordDialog)
    assert dialog.windowTitle() == "Code de récupération"
    assert dialog.ok_button.objectName() == "recover_button"
    assert dialog.ok_button.text() == "Rétablir l'accès"
    # Own rows first, then the shared password rows and the feedback, in French.
    rows = [
        (
            dialog.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            or dialog.form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        ).widget()
        for row in range(dialog.form.rowCount())
    ]
    assert rows == [
        dialog.code_edit,
        dialog.login_edit,
        dialog.rekey_check,
        dialog.new_edit,
        dialog.confirm_edit,
        dialog.feedback,
    ]
    assert _label_of(dialog, dialog.new_edit) == "&Nouveau mot de passe :"
    assert _label_of(dialog, dialog.confirm_edit) == "C&onfirmation :"
    assert dialog.new_edit.echoMode() == dialog.new_edit.EchoMode.Password
    assert dialog.error_label.isHidden()


def test_recovery_needs_code_login_and_a_good_password(qtbot, recovery, created_db):
    dialog, _tasks = recovery
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSWORD)
    assert dialog.feedback.problems == []
    assert not dialog.ok_button.isEnabled()  # no code, no login yet
    qtbot.keyClicks(dialog.code_edit, created_db.recovery_code)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.login_edit, created_db.admin_login)
    assert dialog.ok_button.isEnabled()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSWORD + "x")
    assert dialog.feedback.problems == ["mismatch"]
    assert "même mot de passe" in dialog.feedback.text()
    assert not dialog.ok_button.isEnabled()


def test_wrong_code_shows_the_error_then_the_right_code_restores_access(
    qtbot, recovery, created_db
):
    dialog, tasks = recovery
    code = created_db.recovery_code
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    qtbot.keyClicks(dialog.code_edit, wrong)
    qtbot.keyClicks(dialog.login_edit, created_db.admin_login)
    qtbot.keyClicks(dialog.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.ok_button.isEnabled()  # busy while the code is checked
    assert tasks.wait_idle(15000)
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden(), timeout=5000)
    assert dialog.error_label.text()
    assert dialog.session is None and dialog.isVisible()
    assert dialog.ok_button.isEnabled()  # free again to correct the code

    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, code)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    assert dialog.session.actor.login == created_db.admin_login
    dialog.session.logout()
    again = AuthService(created_db.folder, secret_store=MemorySecretStore()).login(
        created_db.admin_login, NEW_PASSWORD
    )
    again.logout()


def test_recovery_can_also_change_the_database_key(qtbot, recovery, created_db):
    dialog, _tasks = recovery
    assert dialog.rekey_check.text() == "Changer aussi la clé de la base (compromission suspectée)"
    assert not dialog.rekey_check.isChecked()
    qtbot.keyClicks(dialog.code_edit, created_db.recovery_code)
    qtbot.keyClicks(dialog.login_edit, created_db.admin_login)
    qtbot.keyClicks(dialog.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSWORD)
    dialog.rekey_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    session = dialog.session
    assert session is not None and session.rekey_error is None
    assert [e.action for e in session.events.list(action="database_rekeyed")] == [
        "database_rekeyed"
    ]
    session.logout()
