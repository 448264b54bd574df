"""The administrators' Alerts page and the deletion of a departed account, against
a real encrypted database (rendered to PNG by the author)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui.alert_table_model import AlertTableModel
from oiso_desktop.gui.alerts_view import AlertsView
from oiso_desktop.gui.user_admin_view import UserAdminView
from oiso_desktop.services.context import AccessMode
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.system_actor import system_context

START = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)  # a Tuesday, 10:00 in Paris


def _views(session, user_id: int, login: str) -> None:
    system = system_context(session.ctx)
    for index in range(32):
        moment = START + dt.timedelta(seconds=10 * index)
        system.clock = lambda moment=moment: moment
        with system.unit_of_work(AccessMode.WRITE) as uow:
            record_event(
                uow,
                system,
                None,
                "patient_viewed",
                object_type="patient",
                object_id=index + 1,
                user_id=user_id,
                login=login,
            )
            uow.commit()


def _confirm(qtbot, box) -> None:
    qtbot.mouseClick(box.findChild(object, "confirm_button"), Qt.MouseButton.LeftButton)


@pytest.fixture
def alerts_view(qtbot, gui_db, gui_admin, gui_tasks):
    _views(gui_admin, gui_db.user_ids["cdubois"], "cdubois")
    MaintenanceService(gui_admin.ctx).run(now=START + dt.timedelta(days=1))
    view = AlertsView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1180, 560)
    view.show()
    assert gui_tasks.wait_idle(10000)
    return view


def _select(view, alert_id: int) -> None:
    row = view.model.row_of(alert_id)
    assert row >= 0
    view.table.selectRow(row)


def test_alerts_listed_reviewed_and_account_suspended(
    qtbot, alerts_view, gui_db, gui_admin, gui_tasks
):
    view = alerts_view
    rows = [view.model.row_at(r) for r in range(view.model.rowCount())]
    # (her first sign-in, at the real time of the run, may be off hours too)
    mine = [r for r in rows if r.login == "cdubois" and r.kind == "many_files"]
    assert len(mine) == 1
    _select(view, mine[0].id)
    row = view.model.row_of(mine[0].id)
    assert view.model.index(row, AlertTableModel.COL_KIND).data() == "Nombreux dossiers ouverts"
    assert view.model.index(row, AlertTableModel.COL_ACCOUNT).data() == "Claire Dubois (cdubois)"
    assert view.model.index(row, AlertTableModel.COL_COUNT).data() == "32"
    assert view.model.index(row, AlertTableModel.COL_STATE).data() == "À examiner"
    view.grab().save("/tmp/retention-files-alerts.png")

    # No address: the refusal in French.
    qtbot.mouseClick(view.inform_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert "adresse électronique" in view.status_label.text()

    _select(view, mine[0].id)
    qtbot.mouseClick(view.suspend_button, Qt.MouseButton.LeftButton)
    box = view.last_confirmation
    assert "cdubois" in box.text() and "Nombreux dossiers ouverts" in box.informativeText()
    _confirm(qtbot, box)
    assert gui_tasks.wait_idle(10000)
    assert gui_admin.users.get_user(gui_db.user_ids["cdubois"]).status is AccountStatus.SUSPENDED
    qtbot.waitUntil(lambda: view.selected_alert() is not None)
    assert (
        "Compte suspendu"
        in view.model.index(view.model.row_of(mine[0].id), AlertTableModel.COL_STATE).data()
    )

    view.comment_edit.setText("Appelée : tri de dossiers pour une RCP.")
    qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: view.model.row_of(mine[0].id) < 0)
    view.show_reviewed_check.setChecked(True)
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: view.model.row_of(mine[0].id) >= 0)
    state = view.model.index(view.model.row_of(mine[0].id), AlertTableModel.COL_STATE).data()
    assert "Examinée le" in state and "Alice Martin" in state


def test_a_departed_account_is_deleted_after_a_confirmation_with_the_count(
    qtbot, gui_db, gui_admin, gui_tasks
):
    owner_id = gui_db.add_user(
        "jmartin", Role.PRACTITIONER, first_name="Jérôme", last_name="Martin", adeli="751234567"
    )
    owner = gui_db.login("jmartin")
    for name in ("Lefèvre", "Garnier", "Roux"):
        last = owner.patients.create(
            IdentityFields(
                birth_name=name, first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
            )
        )
    owner.rights.restrict(last.id, "Demande de la patiente du 3 mars")  # kept, not deleted
    owner.logout()
    view = UserAdminView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1180, 620)
    view.show()
    assert gui_tasks.wait_idle(10000)
    view.select_user(owner_id)
    assert not view.delete_button.isEnabled()  # active: revoke first
    gui_admin.users.revoke(owner_id)
    view.reload(select_user_id=owner_id)
    assert gui_tasks.wait_idle(10000)
    assert view.delete_button.isEnabled()
    assert view.archived_label.text() == "Aucun dossier archivé d'utilisateurs partis."
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    box = view.last_confirmation
    assert "jmartin" in box.text()
    assert "2 dossiers patients partagés avec personne seront supprimés" in box.informativeText()
    assert (
        "1 dossier restreint à la demande du patient sera archivé, et non supprimé"
        in box.informativeText()
    )
    assert box.findChild(object, "confirm_button").text() == "Supprimer le compte et 2 dossiers"
    box.grab().save("/tmp/retention-files-delete-confirm.png")
    view.grab().save("/tmp/retention-files-users.png")
    _confirm(qtbot, box)
    assert gui_tasks.wait_idle(10000)
    assert gui_admin.users.get_user(owner_id).status is AccountStatus.DELETED
    assert "jmartin" in view.status_label.text() and "supprimé" in view.status_label.text()
    assert not view.delete_button.isEnabled()
