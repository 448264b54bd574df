"""The administrators' Maintenance page, against a real encrypted database and a
real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import socket
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from PySide6.QtCore import Qt

from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui.maintenance_table_models import InactiveUserTableModel, OutboxTableModel
from oiso_desktop.gui.maintenance_view import MaintenanceView
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.outbox_service import OutboxService, SmtpSecurity
from oiso_desktop.storage.models import User
from oiso_desktop.storage.uow import UnitOfWork


class _Handler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(
            message_from_bytes(envelope.original_content, policy=policy.default)  # type: ignore[arg-type]
        )
        return "250 Message accepted"


@pytest.fixture
def smtp():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    handler = _Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    controller.messages = handler.messages  # type: ignore[attr-defined]
    yield controller
    controller.stop()


def _age(session, user_id: int, *, days: int, warned_days: int | None = None, never=False):
    """The account last seen ``days`` ago (or created then and never signed in)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        user.created_at = now - dt.timedelta(days=days + 5 if not never else days)
        user.last_login_at = None if never else now - dt.timedelta(days=days)
        if warned_days is not None:
            user.inactivity_warning_sent_at = now - dt.timedelta(days=warned_days)
        uow.commit()


@pytest.fixture
def inactive_db(gui_db):
    old = gui_db.add_user(
        "m.ancien",
        Role.PRACTITIONER,
        first_name="Marc",
        last_name="Ancien",
        email="m.ancien@chu-exemple.fr",
        rpps="10000000017",
    )
    warned = gui_db.add_user(
        "s.averti",
        Role.SECRETARY,
        first_name="Sophie",
        last_name="Averti",
        email="s.averti@chu-exemple.fr",
    )
    admin = gui_db.login(gui_db.admin_login)
    _age(admin, old, days=400, never=True)
    _age(admin, warned, days=420, warned_days=20)
    return gui_db


@pytest.fixture
def view(qtbot, inactive_db, gui_tasks):
    admin = inactive_db.login(inactive_db.admin_login)
    page = MaintenanceView(admin, gui_tasks)
    qtbot.addWidget(page)
    page.resize(1160, 680)
    page.show()
    qtbot.waitUntil(
        lambda: page.smtp_box.isEnabled() and page.grace_spin.isEnabled(), timeout=10000
    )
    assert gui_tasks.wait_idle(10000)
    return page


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_inactive_accounts_are_listed_and_revoked_after_confirmation(qtbot, view, inactive_db):
    model = view.inactive_model
    assert model.rowCount() == 2
    rows = {_cell(model, r, InactiveUserTableModel.COL_LOGIN): r for r in range(2)}
    warned = rows["s.averti"]
    assert _cell(model, warned, InactiveUserTableModel.COL_ROLE) == "Secrétaire médicale"
    assert _cell(model, warned, InactiveUserTableModel.COL_WARNED) != "pas encore"
    due = _cell(model, warned, InactiveUserTableModel.COL_DUE)
    assert len(due) == 10 and due[2] == "/"  # warned 20 days ago + 30 days
    old = rows["m.ancien"]
    assert _cell(model, old, InactiveUserTableModel.COL_LAST_LOGIN) == "jamais"
    assert _cell(model, old, InactiveUserTableModel.COL_WARNED) == "pas encore"
    assert _cell(model, old, InactiveUserTableModel.COL_DUE) == ""
    assert view.inactive_count_label.text() == "2 comptes"
    assert not view.revoke_button.isEnabled()

    view.inactive_table.selectRow(warned)
    assert view.revoke_button.isEnabled()
    qtbot.mouseClick(view.revoke_button, Qt.MouseButton.LeftButton)
    box = view.last_confirmation
    assert box is not None and "s.averti" in box.text()
    with qtbot.waitSignal(view.sig_action_done, timeout=30000):
        qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)
    assert "révoqué" in view.status_label.text()
    qtbot.waitUntil(lambda: view.inactive_model.rowCount() == 1, timeout=10000)
    admin = inactive_db.login(inactive_db.admin_login)
    statuses = {u.login: u.status for u in admin.users.list_users(include_revoked=True)}
    assert statuses["s.averti"] == AccountStatus.REVOKED
    assert statuses["m.ancien"] == AccountStatus.ACTIVE


def test_grace_period_is_saved(qtbot, view, inactive_db):
    assert view.grace_spin.value() == 30
    assert (view.grace_spin.minimum(), view.grace_spin.maximum()) == (7, 180)
    assert not view.grace_save_button.isEnabled()
    view.grace_spin.setValue(45)
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        qtbot.mouseClick(view.grace_save_button, Qt.MouseButton.LeftButton)
    assert "45 jours" in view.status_label.text()
    admin = inactive_db.login(inactive_db.admin_login)
    assert MaintenanceService(admin.ctx).grace_days() == 45


def test_smtp_settings_password_and_test_message(qtbot, view, inactive_db, smtp, gui_type):
    assert not view.test_button.isEnabled()  # nothing configured yet
    gui_type(view.host_edit, "127.0.0.1")
    view.security_combo.setCurrentIndex(view.security_combo.findData("none"))
    assert view.port_spin.value() == 25
    view.port_spin.setValue(smtp.port)
    gui_type(view.sender_edit, "oiso@chu-exemple.fr")
    gui_type(view.username_edit, "oiso")
    gui_type(view.password_edit, "Secret-SMTP-1")
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        qtbot.mouseClick(view.smtp_save_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == "Paramètres de courriel enregistrés."
    admin = inactive_db.login(inactive_db.admin_login)
    stored = OutboxService(admin.ctx).smtp_settings()
    assert (stored.host, stored.port, stored.security) == (
        "127.0.0.1",
        smtp.port,
        SmtpSecurity.NONE,
    )
    assert stored.password_set and view.password_edit.text() == ""
    assert view.remove_password_check.isEnabled()

    # Saved again with the field empty: the stored password is kept; then removed.
    gui_type(view.username_edit, "")
    view.username_edit.clear()
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        qtbot.mouseClick(view.smtp_save_button, Qt.MouseButton.LeftButton)
    assert OutboxService(admin.ctx).smtp_settings().password_set
    view.remove_password_check.setChecked(True)
    assert not view.password_edit.isEnabled()
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        qtbot.mouseClick(view.smtp_save_button, Qt.MouseButton.LeftButton)
    assert not OutboxService(admin.ctx).smtp_settings().password_set
    assert not view.remove_password_check.isEnabled()

    # The test message, to an address asked for.
    assert view.test_button.isEnabled()
    qtbot.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
    dialog = view.test_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("admin@chu-exemple.fr")
    with qtbot.waitSignal(view.sig_action_done, timeout=15000):
        dialog.accept()
    assert "Message de test envoyé à admin@chu-exemple.fr" in view.status_label.text()
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["To"] == "admin@chu-exemple.fr"


def test_a_failing_test_message_says_why(qtbot, view, inactive_db):
    admin = inactive_db.login(inactive_db.admin_login)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = int(sock.getsockname()[1])
    view.host_edit.setText("127.0.0.1")
    view.security_combo.setCurrentIndex(view.security_combo.findData("none"))
    view.port_spin.setValue(closed_port)
    view.sender_edit.setText("oiso@chu-exemple.fr")
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        view.save_smtp_settings()
    assert OutboxService(admin.ctx).smtp_settings().configured
    with qtbot.waitSignal(view.sig_action_done, timeout=15000):
        view.send_test_message("admin@chu-exemple.fr")
    assert view.status_label.isVisible() and view.status_label.text()
    assert "envoyé à" not in view.status_label.text()


def test_run_now_shows_progress_report_and_outbox(qtbot, view, inactive_db, smtp):
    admin = inactive_db.login(inactive_db.admin_login)
    view.host_edit.setText("127.0.0.1")
    view.security_combo.setCurrentIndex(view.security_combo.findData("none"))
    view.port_spin.setValue(smtp.port)
    view.sender_edit.setText("oiso@chu-exemple.fr")
    with qtbot.waitSignal(view.sig_action_done, timeout=10000):
        view.save_smtp_settings()
    steps: list[str] = []
    view.job.sig_progress.connect(
        lambda step, _percent: steps.append(view.run_step_label.text().split("…")[0])
    )
    with qtbot.waitSignal(view.sig_loaded, timeout=30000):  # the reload after the run
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
        assert not view.run_button.isEnabled() and view.run_progress.isVisible()
    assert "purge du journal" in steps
    assert view.run_button.isEnabled() and not view.run_progress.isVisible()
    report = view.report_label.text()
    assert report.startswith("Maintenance terminée.")
    assert "Comptes inactifs : avertis 1," in report
    assert "Courriels : envoyés 1, en échec 0, en attente 0." in report
    # The warning went out through the real server; the outbox shows it, never its body.
    assert [m["To"] for m in smtp.messages] == ["m.ancien@chu-exemple.fr"]
    assert view.outbox_model.rowCount() == 1
    assert _cell(view.outbox_model, 0, OutboxTableModel.COL_RECIPIENT) == "m.ancien@chu-exemple.fr"
    assert _cell(view.outbox_model, 0, OutboxTableModel.COL_SENT) != ""
    assert "envoyés : 1" in view.outbox_status_label.text()
    texts = [_cell(view.outbox_model, 0, column) for column in range(OutboxTableModel.COLUMN_COUNT)]
    assert not any("Bonjour" in text for text in texts)
    # The warned account is now listed as warned.
    rows = {
        _cell(view.inactive_model, r, InactiveUserTableModel.COL_LOGIN): r
        for r in range(view.inactive_model.rowCount())
    }
    assert _cell(view.inactive_model, rows["m.ancien"], InactiveUserTableModel.COL_WARNED) != (
        "pas encore"
    )
    assert MaintenanceService(admin.ctx).grace_days() == 30
