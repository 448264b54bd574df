"""The file's "Partage" tab: share through the dialog, the recipient sees the file in
their list; revoke, it is gone; transfer to a successor; refusals in French."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.patient_file_window import PatientFileWindow
from oiso_desktop.gui.patient_list_view import PatientListView
from oiso_desktop.gui.share_dialogs import ShareDialog, TransferDialog
from oiso_desktop.gui.share_panel import SharePanel
from oiso_desktop.services.auth_service import UserSession

RPPS_MARTIN = "1000067890" + luhn_key("1000067890")
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def team(gui_db) -> dict[str, int]:
    gui_db.add_user(
        "pmartin", Role.PRACTITIONER, first_name="Pierre", last_name="Martin", rpps=RPPS_MARTIN
    )
    gui_db.add_user(
        "lpetit", Role.GENETIC_COUNSELLOR, first_name="Léa", last_name="Petit", adeli="751234567"
    )
    return gui_db.user_ids


@pytest.fixture
def owner(gui_db, team) -> UserSession:
    return gui_db.login("cdubois")


@pytest.fixture
def patient_id(owner: UserSession) -> int:
    fields = IdentityFields(
        birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
    )
    return owner.patients.create(fields).id


def _window(qtbot, session, tasks, patient_id) -> PatientFileWindow:
    window = PatientFileWindow(session, tasks, session.patients.get(patient_id))
    qtbot.addWidget(window)
    window.show()
    assert tasks.wait_idle(10000)
    return window


def _share_panel(window: PatientFileWindow, tasks) -> SharePanel:
    window.tabs.setCurrentIndex(window.tab_titles().index("Partage"))
    assert tasks.wait_idle(10000)
    panel = window.share_panel
    assert panel is not None and panel.isVisible()
    return panel


def _search(qtbot, dialog: ShareDialog | TransferDialog, tasks, text: str) -> list[str]:
    recipients = dialog.recipients
    assert tasks.wait_idle(5000)  # the first list (every colleague) is in
    recipients.search_edit.clear()
    with qtbot.waitSignal(recipients.sig_results_shown, timeout=5000):
        qtbot.keyClicks(recipients.search_edit, text)
    assert tasks.wait_idle(5000)
    return [recipients.results.item(i).text() for i in range(recipients.results.count())]


@pytest.fixture
def listed(qtbot, gui_tasks):
    """``listed(session)``: the ids in a new patient list of ``session``. The views stay
    referenced until the test ends (a view collected by a worker thread's garbage
    collection would be destroyed off the GUI thread)."""
    views: list[PatientListView] = []

    def ids(session: UserSession) -> tuple[int, ...]:
        view = PatientListView(session, gui_tasks)
        qtbot.addWidget(view)
        views.append(view)
        assert gui_tasks.wait_idle(10000)
        return view.model.ids()

    yield ids
    views.clear()


def test_share_then_the_recipient_sees_it_then_revoke(
    qtbot, gui_db, gui_tasks, team, owner, patient_id, listed
):
    window = _window(qtbot, owner, gui_tasks, patient_id)
    assert window.tab_titles()[-1] == "Partage"
    panel = _share_panel(window, gui_tasks)
    assert panel.owner_label.text().startswith("Responsable du dossier : Claire Dubois (Praticien")
    assert panel.empty_label.isVisible() and not panel.revoke_button.isEnabled()
    martin = gui_db.login("pmartin")
    assert patient_id not in listed(martin)

    qtbot.mouseClick(panel.share_button, CLICK)
    dialog = panel.dialog
    assert isinstance(dialog, ShareDialog) and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # nobody chosen yet
    assert _search(qtbot, dialog, gui_tasks, "marti") == [
        f"Pierre Martin — Praticien — Centre de génétique de test — RPPS {RPPS_MARTIN}"
    ]
    assert dialog.recipients.choose(team["pmartin"])
    dialog.write_radio.setChecked(True)
    qtbot.keyClicks(dialog.message_edit, "Pour avis")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    assert gui_tasks.wait_idle(10000)
    assert not shiboken6.isValid(dialog)  # closed (and deleted)
    assert panel.model.rowCount() == 1 and not panel.empty_label.isVisible()
    row = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert row[0] == "Pierre Martin" and row[1] == "Praticien" and row[3] == RPPS_MARTIN
    assert row[4] == "Lecture et écriture" and row[6] == "Claire Dubois" and row[7] == "Pour avis"
    assert "partagé avec Pierre Martin" in panel.banner_label.text()

    # the recipient (a new session) finds it in their list, read-write
    assert patient_id in listed(martin)

    # change the level from the row
    panel.select_recipient(team["pmartin"])
    assert panel.level_button.text() == "Passer en lecture seule"
    qtbot.mouseClick(panel.level_button, CLICK)
    assert gui_tasks.wait_idle(10000)
    assert panel.model.index(0, 4).data() == "Lecture seule"

    # revoke, after the confirmation
    panel.select_recipient(team["pmartin"])
    qtbot.mouseClick(panel.revoke_button, CLICK)
    box = panel.confirm_box
    assert isinstance(box, QMessageBox) and "Pierre Martin" in box.text()
    qtbot.mouseClick(box.findChild(type(panel.share_button), "confirm_button"), CLICK)
    assert gui_tasks.wait_idle(10000)
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisible()
    assert patient_id not in listed(martin)


def test_the_tab_is_the_owners_only(qtbot, gui_db, gui_tasks, team, owner, patient_id):
    owner.sharing.share(patient_id, team["pmartin"], "write")
    martin = gui_db.login("pmartin")
    window = _window(qtbot, martin, gui_tasks, patient_id)
    assert "Partage" not in window.tab_titles() and window.share_panel is None


def test_secretaries_reaching_the_file_are_listed_with_why(
    qtbot, gui_db, gui_tasks, team, patient_id
):
    gui_db.add_user(
        "sleroy",
        Role.SECRETARY,
        first_name="Sylvie",
        last_name="Leroy",
        assisted_practitioner_ids=(team["cdubois"],),
    )
    owner = gui_db.login("cdubois")
    panel = _share_panel(_window(qtbot, owner, gui_tasks, patient_id), gui_tasks)
    assert [panel.secretaries_list.item(i).text() for i in range(panel.secretaries_list.count())]
    assert panel.secretaries_list.item(0).text().startswith("Sylvie Leroy")
    assert "jamais son contenu clinique" in panel.secretaries_hint.text()


def test_a_refused_share_says_why_in_french_and_changes_nothing(
    qtbot, gui_db, gui_tasks, team, owner, patient_id
):
    panel = _share_panel(_window(qtbot, owner, gui_tasks, patient_id), gui_tasks)
    dialog = panel.open_share_dialog()
    _search(qtbot, dialog, gui_tasks, "Martin")
    assert dialog.recipients.choose(team["pmartin"])
    # meanwhile, the administrator suspends the account
    admin = gui_db.login(gui_db.admin_login)
    admin.users.suspend(team["pmartin"])
    qtbot.mouseClick(dialog.ok_button, CLICK)
    assert gui_tasks.wait_idle(10000)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Ce compte est suspendu ou révoqué : le dossier ne peut pas lui être partagé."
    )
    assert owner.sharing.list_access(patient_id).shares == ()


def test_transfer_to_a_successor_closes_the_file(
    qtbot, gui_db, gui_tasks, team, owner, patient_id, listed
):
    window = _window(qtbot, owner, gui_tasks, patient_id)
    panel = _share_panel(window, gui_tasks)
    qtbot.mouseClick(panel.transfer_button, CLICK)
    dialog = panel.dialog
    assert isinstance(dialog, TransferDialog)
    assert (
        "vous n'avez plus aucun accès"
        in dialog.findChild(type(panel.owner_label), "transfer_warning_label").text()
    )
    # practitioners only: the genetic counsellor is not offered
    assert _search(qtbot, dialog, gui_tasks, "Petit") == []
    assert len(_search(qtbot, dialog, gui_tasks, "")) == 1
    assert dialog.recipients.choose(team["pmartin"])
    with qtbot.waitSignal(window.sig_transferred, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)
        box = dialog.confirm_box
        assert isinstance(box, QMessageBox) and "Pierre Martin" in box.text()
        qtbot.mouseClick(box.findChild(type(panel.share_button), "confirm_button"), CLICK)
    assert gui_tasks.wait_idle(10000)
    assert not window.isVisible()
    assert "appartient désormais à Pierre Martin" in window.transfer_notice.text()
    martin = gui_db.login("pmartin")
    assert martin.patients.get(patient_id).owner_id == team["pmartin"]
    assert patient_id not in owner.patients.search_ids("").ids
    assert patient_id not in listed(owner)


def test_no_transfer_with_unsaved_entries(qtbot, gui_tasks, team, owner, patient_id):
    window = _window(qtbot, owner, gui_tasks, patient_id)
    panel = _share_panel(window, gui_tasks)
    window.identity.ui.city_edit.setText("Nantes")
    assert window.is_modified()
    assert panel.open_transfer_dialog() is None
    assert "avant de le transférer" in panel.banner_label.text()
