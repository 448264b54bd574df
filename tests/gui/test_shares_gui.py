"""The sharing screens: the "Partages" page (both directions, level, revoke, open),
"Mes secrétaires", the "shared with me" mark of the patient list and the login
notices (new shares, break-the-glass on my files).

Real encrypted database, real sessions through the auth service, real widgets.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.assistants_dialog import AssistantsDialog
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.gui.patient_list_view import PatientListView
from oiso_desktop.gui.patient_table_model import PatientListModel
from oiso_desktop.gui.shares_view import SharesView

RPPS_MARTIN = "1000067890" + luhn_key("1000067890")
REASON = "Patiente admise aux urgences cette nuit, traitement à décider"


def _identity(birth_name: str, first_names: str, year: int) -> IdentityFields:
    return IdentityFields(
        birth_name=birth_name, first_names=first_names, birth_date=dt.date(year, 3, 12), sex="F"
    )


@pytest.fixture
def team(gui_db):
    """cdubois (gui_db's practitioner), pmartin (practitioner), a counsellor and a
    secretary; one file of each practitioner, shared with the other."""
    gui_db.add_user(
        "pmartin", Role.PRACTITIONER, first_name="Paul", last_name="Martin", rpps=RPPS_MARTIN
    )
    gui_db.add_user(
        "cpetit",
        Role.GENETIC_COUNSELLOR,
        first_name="Chloé",
        last_name="Petit",
        adeli="751234567",
    )
    gui_db.add_user("sleroy", Role.SECRETARY, first_name="Sylvie", last_name="Leroy")
    dubois = gui_db.login("cdubois")
    martin = gui_db.login("pmartin")
    own = dubois.patients.create(_identity("Lefèvre", "Hélène", 1975))
    theirs = martin.patients.create(_identity("Garnier", "Élise", 1982))
    dubois.sharing.share(own.id, gui_db.user_ids["pmartin"], ShareAccess.WRITE, "Avis svp")
    martin.sharing.share(
        theirs.id, gui_db.user_ids["cdubois"], ShareAccess.READ, "Pour la RCP de jeudi"
    )
    martin.logout()
    dubois.logout()
    return {"db": gui_db, "own": own.id, "theirs": theirs.id}


def _shares_view(qtbot, session, tasks) -> SharesView:
    view = SharesView(session, tasks)
    qtbot.addWidget(view)
    view.resize(1150, 620)
    with qtbot.waitSignal(view.sig_shares_loaded, timeout=5000):
        view.show()
    assert tasks.wait_idle(5000)
    return view


def test_shares_page_lists_both_directions(qtbot, team, gui_tasks, gui_type):
    session = team["db"].login("cdubois")
    view = _shares_view(qtbot, session, gui_tasks)

    by_me, with_me = view.by_me.model, view.with_me.model
    assert [(s.patient.id, s.recipient.display_name) for s in by_me.shares()] == [
        (team["own"], "Paul Martin")
    ]
    assert by_me.index(0, by_me.COL_PATIENT).data() == "LEFÈVRE Hélène"
    assert by_me.index(0, by_me.COL_LEVEL).data() == "Lecture et écriture"
    assert by_me.index(0, by_me.COL_MESSAGE).data() == "Avis svp"
    assert [(s.patient.id, s.owner.display_name) for s in with_me.shares()] == [
        (team["theirs"], "Paul Martin")
    ]
    assert with_me.index(0, with_me.COL_LEVEL).data() == "Lecture seule"
    assert with_me.headerData(with_me.COL_PERSON, Qt.Orientation.Horizontal) == (
        "Praticien responsable"
    )
    assert view.tabs.tabText(0) == "Partagés par moi (1)"
    assert view.tabs.tabText(1) == "Partagés avec moi (1)"
    assert view.by_me.count_label.text() == "1 partage de vos dossiers"

    # The filter: accents and case ignored, on every column.
    gui_type(view.filter_edit, "garnier")
    assert view.with_me.proxy.rowCount() == 1
    assert view.by_me.proxy.rowCount() == 0
    assert not view.by_me.empty_label.isHidden()
    assert view.by_me.empty_label.text() == "Aucun partage ne correspond au filtre."
    view.filter_edit.clear()
    assert view.by_me.proxy.rowCount() == 1


def test_change_level_then_revoke_removes_the_row_and_the_access(qtbot, team, gui_tasks):
    db = team["db"]
    session = db.login("cdubois")
    recipient = db.login("pmartin")
    assert team["own"] in recipient.patients.search_ids("").ids
    view = _shares_view(qtbot, session, gui_tasks)

    view.by_me.table.selectRow(0)
    assert view.level_button.text() == "Passer en lecture seule"
    with qtbot.waitSignal(view.sig_shares_loaded, timeout=5000):
        view.level_button.click()
    assert gui_tasks.wait_idle(5000)
    assert [s.access for s in recipient.sharing.shared_with_me()] == [ShareAccess.READ]
    assert view.by_me.model.index(0, view.by_me.model.COL_LEVEL).data() == "Lecture seule"
    assert view.by_me.selected_share() is not None  # still selected after the reload
    assert view.level_button.text() == "Autoriser l'écriture"

    view.revoke_button.click()
    box = view.last_confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Paul Martin" in box.text() and "LEFÈVRE Hélène" in box.text()
    with qtbot.waitSignal(view.sig_shares_loaded, timeout=5000):
        next(b for b in box.buttons() if b.objectName() == "confirm_button").click()
    assert gui_tasks.wait_idle(5000)
    assert view.by_me.model.rowCount() == 0
    assert view.by_me.stack.currentWidget() is view.by_me.empty_label
    assert "Vous n'avez partagé aucun dossier" in view.by_me.empty_label.text()
    assert "n'a plus accès" in view.message_label.text()
    # The recipient's services no longer see the file.
    assert recipient.sharing.shared_with_me() == ()
    assert team["own"] not in recipient.patients.search_ids("").ids


def test_counsellor_sees_only_what_is_shared_with_them(qtbot, team, gui_tasks):
    session = team["db"].login("cpetit")
    view = _shares_view(qtbot, session, gui_tasks)
    assert not view.tabs.isTabVisible(0)
    assert view.tabs.currentWidget() is view.with_me
    assert view.with_me.stack.currentWidget() is view.with_me.empty_label
    assert view.with_me.empty_label.text() == "Aucun dossier n'est partagé avec vous."


def test_pages_by_role_and_open_from_the_shares_page(qtbot, team, gui_tasks):
    db = team["db"]
    secretary = MainWindow(db.login("sleroy"), gui_tasks, database_folder=db.folder)
    qtbot.addWidget(secretary)
    assert "shares" not in secretary.page_keys()
    assert secretary.assistants_action.text() == "Praticiens que j'a&ssiste..."
    secretary.close()

    window = MainWindow(db.login("cdubois"), gui_tasks, database_folder=db.folder)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.page_keys() == ["patients", "followup", "shares", "journal"]
    assert window.assistants_action.text() == "Mes &secrétaires..."
    assert window.show_page("shares")
    page = window.pages["shares"]
    assert gui_tasks.wait_idle(5000)
    dialog = window.sharing_notices_dialog  # the share by Martin is new to Dubois
    assert dialog is not None
    dialog.acknowledge_button.click()
    assert gui_tasks.wait_idle(5000)

    page.tabs.setCurrentWidget(page.with_me)
    table = page.with_me.table
    table.selectRow(0)
    table.setFocus()
    patients = window.pages["patients"]
    with qtbot.waitSignal(patients.sig_patient_opened, timeout=5000) as opened:
        QApplication.sendEvent(
            table,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        )
    assert opened.args == [team["theirs"]]
    assert team["theirs"] in patients.file_windows
    assert gui_tasks.wait_idle(5000)
    window.close()


def test_patient_list_marks_the_files_shared_with_me(qtbot, team, gui_tasks):
    session = team["db"].login("cdubois")
    view = PatientListView(session, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1150, 600)
    view.show()
    assert gui_tasks.wait_idle(5000)
    model = view.model
    shared_row = model.row_of(team["theirs"])
    own_row = model.row_of(team["own"])
    assert shared_row >= 0 and own_row >= 0
    shared_index = model.index(shared_row, PatientListModel.COL_OWNER)
    own_index = model.index(own_row, PatientListModel.COL_OWNER)
    assert shared_index.data() == "Paul Martin"
    assert shared_index.data(Qt.ItemDataRole.ToolTipRole) == (
        "Partagé avec moi par Paul Martin — lecture seule"
    )
    assert shared_index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert shared_index.data(PatientListModel.SHARED_ROLE).patient.id == team["theirs"]
    assert own_index.data(Qt.ItemDataRole.DecorationRole) is None
    assert own_index.data(PatientListModel.SHARED_ROLE) is None
    assert own_index.data(Qt.ItemDataRole.ToolTipRole) == "Claire Dubois"


def test_my_secretaries_add_and_remove(qtbot, team, gui_tasks):
    db = team["db"]
    session = db.login("cdubois")
    dialog = AssistantsDialog(session, gui_tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=5000):
        dialog.show()
    assert dialog.windowTitle() == "Mes secrétaires"
    assert "jamais leur contenu clinique" in dialog.explanation_label.text()
    assert dialog.empty_label.isVisible()
    assert dialog.add_combo.count() == 1
    assert dialog.add_combo.itemText(0).startswith("Sylvie Leroy")

    with qtbot.waitSignal(dialog.sig_assistants_changed, timeout=5000):
        dialog.add_button.click()
    assert [u.id for u in session.sharing.assistants()] == [db.user_ids["sleroy"]]
    assert dialog.people_list.count() == 1
    assert dialog.add_combo.count() == 0 and not dialog.add_button.isEnabled()
    assert dialog.message_label.text() == "Vos secrétaires ont été enregistrées."

    # The secretary sees, read only, whom she assists.
    other = AssistantsDialog(db.login("sleroy"), gui_tasks)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.sig_loaded, timeout=5000):
        other.show()
    assert other.windowTitle() == "Praticiens que j'assiste"
    assert [u.display_name for u in other.assistants()] == ["Claire Dubois"]
    assert other.people_list.item(0).text().startswith("Claire Dubois — Praticien")
    assert not other.add_button.isVisible() and not other.remove_button.isVisible()

    dialog.people_list.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_assistants_changed, timeout=5000):
        dialog.remove_button.click()
    assert session.sharing.assistants() == ()
    assert dialog.empty_label.isVisible()
    assert gui_tasks.wait_idle(5000)


def _main_window(qtbot, db, login, tasks) -> MainWindow:
    window = MainWindow(db.login(login), tasks, database_folder=db.folder)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert tasks.wait_idle(5000)
    return window


def test_login_notices_break_the_glass_and_new_shares_once(qtbot, team, gui_tasks):
    db = team["db"]
    owner = db.login("pmartin")
    urgent = owner.patients.create(_identity("Roussel", "Agnès", 1960))
    owner.logout()
    other = db.login("cdubois")
    other.sharing.break_glass(urgent.id, REASON)
    other.logout()

    # Martin's next login: the file Dubois shared with him, and the emergency opening.
    window = _main_window(qtbot, db, "pmartin", gui_tasks)
    dialog = window.sharing_notices_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Depuis votre dernière connexion"
    assert dialog.shares_title_label.text() == "Nouveau dossier partagé avec vous (1)"
    shares_text = dialog.shares_browser.toPlainText()
    assert "LEFÈVRE Hélène" in shares_text and "Claire Dubois" in shares_text
    assert "lecture et écriture" in shares_text and "Avis svp" in shares_text
    assert dialog.break_glass_title_label.text() == "Accès d'urgence à vos dossiers (1)"
    text = dialog.break_glass_browser.toPlainText()
    assert "Claire Dubois" in text and "ROUSSEL Agnès" in text and REASON in text
    with qtbot.waitSignal(dialog.sig_acknowledged, timeout=5000):
        dialog.acknowledge_button.click()
    window.close()

    # Acknowledged: nothing at the following login.
    again = _main_window(qtbot, db, "pmartin", gui_tasks)
    assert again.sharing_notices_dialog is None
    again.close()

    # A new share is announced once, alone (no break-the-glass section).
    dubois = db.login("cdubois")
    new = dubois.patients.create(_identity("Bonnet", "Inès", 1990))
    dubois.sharing.share(new.id, db.user_ids["pmartin"], ShareAccess.READ)
    dubois.logout()
    third = _main_window(qtbot, db, "pmartin", gui_tasks)
    dialog = third.sharing_notices_dialog
    assert dialog is not None
    assert "BONNET Inès" in dialog.shares_browser.toPlainText()
    assert "LEFÈVRE" not in dialog.shares_browser.toPlainText()
    assert dialog.break_glass_browser.isHidden()
    with qtbot.waitSignal(dialog.sig_acknowledged, timeout=5000):
        dialog.acknowledge_button.click()
    third.close()
    fourth = _main_window(qtbot, db, "pmartin", gui_tasks)
    assert fourth.sharing_notices_dialog is None
    fourth.close()
