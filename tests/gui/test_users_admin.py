"""User administration views against a real encrypted database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.identifiers import luhn_key, rpps_luhn_ok
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui.user_admin_view import UserAdminView
from oiso_desktop.gui.user_dialog import UserDialog
from oiso_desktop.gui.user_table_model import UserTableModel

VALID_RPPS = "1000000001" + luhn_key("1000000001")
LUHN_MISMATCH_RPPS = "10003461033"  # published example failing Luhn (REFERENCE.md)


@pytest.fixture
def admin_view(qtbot, gui_admin, gui_tasks):
    view = UserAdminView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1150, 450)
    view.show()
    assert gui_tasks.wait_idle(10000)
    return view


def _logins(view) -> list[str]:
    return [view.model.row_at(row).login for row in range(view.model.rowCount())]


def _new_user_dialog(qtbot, view, tasks) -> UserDialog:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.last_dialog
    assert isinstance(dialog, UserDialog)
    assert tasks.wait_idle(5000)
    assert dialog.is_ready()
    return dialog


def _fill(qtbot, dialog, gui_type, login="jmartin"):
    ui = dialog.ui
    gui_type(ui.login_edit, login)
    gui_type(ui.first_name_edit, "Jérôme")
    gui_type(ui.last_name_edit, "Martin")
    ui.role_combo.setCurrentIndex(ui.role_combo.findData(Role.PRACTITIONER.value))
    gui_type(ui.profession_edit, "Médecin")
    gui_type(ui.email_edit, "jerome.martin@chu.example.fr")


def test_list_shows_accounts(admin_view, gui_db):
    assert set(_logins(admin_view)) >= {gui_db.admin_login, "cdubois"}
    row = admin_view.model.row_of(gui_db.user_ids["cdubois"])
    assert admin_view.model.index(row, UserTableModel.COL_IDENTIFIER).data().endswith("10005173140")
    admin_view.filter_edit.setText("DUBOIS")
    assert admin_view.proxy.rowCount() == 1


def test_invalid_rpps_then_valid_one(qtbot, admin_view, gui_tasks, gui_type, gui_admin):
    dialog = _new_user_dialog(qtbot, admin_view, gui_tasks)
    _fill(qtbot, dialog, gui_type)
    gui_type(dialog.ui.rpps_edit, "1000517314")  # 10 digits
    assert "11 chiffres" in dialog.field_message("rpps")
    assert dialog.ui.rpps_edit.property("invalid") is True
    assert not dialog.ui.rpps_confirm_checkbox.isVisible()
    assert not dialog.ui.save_button.isEnabled()
    qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    dialog.save()
    assert gui_tasks.wait_idle(5000)
    assert "jmartin" not in [u.login for u in gui_admin.users.list_users()]

    dialog.ui.rpps_edit.clear()
    gui_type(dialog.ui.rpps_edit, "1000517314A")
    assert "chiffres" in dialog.field_message("rpps")

    dialog.ui.rpps_edit.clear()
    gui_type(dialog.ui.rpps_edit, VALID_RPPS)
    assert dialog.field_message("rpps") == ""
    assert dialog.ui.save_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)

    # One-time password shown once, with a copy button.
    password_dialog = admin_view.password_dialog
    assert password_dialog is not None and password_dialog.isVisible()
    password = password_dialog.password_edit.text()
    assert len(password) >= 12
    qtbot.mouseClick(password_dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == password

    # Saved and listed, selected.
    assert "jmartin" in _logins(admin_view)
    assert admin_view.selected_user().login == "jmartin"
    saved = {u.login: u for u in gui_admin.users.list_users()}["jmartin"]
    assert saved.rpps == VALID_RPPS and saved.role == Role.PRACTITIONER
    assert saved.first_name == "Jérôme"
    assert saved.must_change_password


def test_luhn_mismatch_must_be_confirmed(qtbot, admin_view, gui_tasks, gui_type, gui_admin):
    assert not rpps_luhn_ok(LUHN_MISMATCH_RPPS)
    dialog = _new_user_dialog(qtbot, admin_view, gui_tasks)
    _fill(qtbot, dialog, gui_type, login="pgarnier")
    gui_type(dialog.ui.rpps_edit, LUHN_MISMATCH_RPPS)
    assert "Luhn" in dialog.rpps_warning()  # orange, not red
    assert dialog.ui.rpps_edit.property("invalid") is not True
    assert dialog.ui.rpps_confirm_checkbox.isVisible()
    assert not dialog.ui.save_button.isEnabled()

    qtbot.mouseClick(dialog.ui.rpps_confirm_checkbox, Qt.MouseButton.LeftButton)
    assert dialog.ui.rpps_confirm_checkbox.isChecked()
    assert dialog.ui.save_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    saved = {u.login: u for u in gui_admin.users.list_users()}["pgarnier"]
    assert saved.rpps == LUHN_MISMATCH_RPPS


def test_service_error_shown_under_the_field(qtbot, admin_view, gui_tasks, gui_type):
    dialog = _new_user_dialog(qtbot, admin_view, gui_tasks)
    _fill(qtbot, dialog, gui_type, login="cdubois")  # already taken
    gui_type(dialog.ui.rpps_edit, VALID_RPPS)
    dialog.save()
    assert gui_tasks.wait_idle(10000)
    assert dialog.saved_user is None and dialog.isVisible()
    assert dialog.field_message("login")  # the service's French message
    assert dialog.field_message("rpps") == ""


def test_secretary_assists_practitioners(qtbot, admin_view, gui_tasks, gui_type, gui_db, gui_admin):
    dialog = _new_user_dialog(qtbot, admin_view, gui_tasks)
    ui = dialog.ui
    gui_type(ui.login_edit, "slambert")
    gui_type(ui.first_name_edit, "Sophie")
    gui_type(ui.last_name_edit, "Lambert")
    assert not ui.assisted_group_box.isVisible()
    ui.role_combo.setCurrentIndex(ui.role_combo.findData(Role.SECRETARY.value))
    assert ui.assisted_group_box.isVisible()
    assert dialog.set_assisted(gui_db.user_ids["cdubois"])
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save()
    saved = {u.login: u for u in gui_admin.users.list_users()}["slambert"]
    assert saved.role == Role.SECRETARY
    assert saved.assisted_practitioner_ids == (gui_db.user_ids["cdubois"],)


def test_suspend_reactivate_and_reset_password(qtbot, admin_view, gui_tasks, gui_db, gui_admin):
    user_id = gui_db.user_ids["cdubois"]
    assert admin_view.select_user(user_id)
    assert admin_view.suspend_button.isEnabled()
    assert not admin_view.reactivate_button.isEnabled()
    qtbot.mouseClick(admin_view.suspend_button, Qt.MouseButton.LeftButton)
    box = admin_view.last_confirmation
    qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert gui_admin.users.get_user(user_id).status == AccountStatus.SUSPENDED
    assert admin_view.selected_user().status == AccountStatus.SUSPENDED
    assert admin_view.reactivate_button.isEnabled()

    qtbot.mouseClick(admin_view.reactivate_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert gui_admin.users.get_user(user_id).status == AccountStatus.ACTIVE

    qtbot.mouseClick(admin_view.reset_password_button, Qt.MouseButton.LeftButton)
    box = admin_view.last_confirmation
    qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    password = admin_view.password_dialog.password_edit.text()
    assert len(password) >= 12
    assert gui_admin.users.get_user(user_id).must_change_password


def test_revoke_asks_for_confirmation_and_rekeys(qtbot, admin_view, gui_tasks, gui_db, gui_admin):
    user_id = gui_db.user_ids["cdubois"]
    admin_view.select_user(user_id)
    qtbot.mouseClick(admin_view.revoke_button, Qt.MouseButton.LeftButton)
    box = admin_view.last_confirmation
    assert box is not None and box.isVisible()
    # Cancel first: nothing happens.
    cancel = [b for b in box.buttons() if b.objectName() != "confirm_button"][0]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(5000)
    assert gui_admin.users.get_user(user_id).status == AccountStatus.ACTIVE

    admin_view.select_user(user_id)
    qtbot.mouseClick(admin_view.revoke_button, Qt.MouseButton.LeftButton)
    box = admin_view.last_confirmation
    qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(30000)
    assert gui_admin.users.get_user(user_id).status == AccountStatus.REVOKED
    events = gui_admin.events.list(action="user_revoked")
    assert [e.object_id for e in events] == [user_id]
    assert not admin_view.revoke_button.isEnabled()


def test_admin_cannot_suspend_themselves(admin_view, gui_db):
    admin_view.select_user(gui_db.admin_user_id)
    assert admin_view.edit_button.isEnabled()
    assert not admin_view.suspend_button.isEnabled()
    assert not admin_view.revoke_button.isEnabled()


def test_every_header_reads_in_full_at_the_usual_width(qtbot, admin_view, qapp):
    # The admin view inside a 1280 px main window (the side bar takes about 190 px).
    admin_view.resize(1090, 450)
    qapp.processEvents()
    header = admin_view.table.horizontalHeader()
    for column in range(header.count()):
        label = admin_view.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), label
    assert header.sectionResizeMode(UserTableModel.COL_STRUCTURE) == header.ResizeMode.Stretch
    assert (
        header.sectionResizeMode(UserTableModel.COL_LAST_LOGIN)
        == header.ResizeMode.ResizeToContents
    )
    # Nothing is pushed out of sight: the columns fit in the table.
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total <= admin_view.table.viewport().width()


def test_a_revocation_pending_while_the_user_is_connected_can_be_finished(
    qtbot, admin_view, gui_tasks, gui_db, gui_admin
):
    """The re-key waits for the file; the page says so and offers to finish it."""
    user_id = gui_db.user_ids["cdubois"]
    elsewhere = gui_db.login("cdubois")  # another workstation keeps the file open
    elsewhere.patients.search("")
    admin_view.select_user(user_id)
    qtbot.mouseClick(admin_view.revoke_button, Qt.MouseButton.LeftButton)
    box = admin_view.last_confirmation
    qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(30000)
    qtbot.waitUntil(lambda: admin_view.pending_user_ids == (user_id,), timeout=30000)
    assert gui_admin.users.get_user(user_id).status == AccountStatus.REVOKED
    assert admin_view.status_label.text().startswith("Compte révoqué.")
    assert "Révocation en attente (cdubois)" in admin_view.pending_label.text()
    assert admin_view.finish_revocation_button.isVisible()

    # Still open elsewhere: finishing is refused with the reason.
    qtbot.mouseClick(admin_view.finish_revocation_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(30000)
    assert admin_view.pending_user_ids == (user_id,)
    assert "en attente" in admin_view.status_label.text()

    elsewhere.logout()
    qtbot.mouseClick(admin_view.finish_revocation_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: admin_view.pending_user_ids == (), timeout=30000)
    assert admin_view.status_label.text() == (
        "Révocation terminée : la clé de la base a été changée."
    )
    assert not admin_view.finish_revocation_button.isVisible()
