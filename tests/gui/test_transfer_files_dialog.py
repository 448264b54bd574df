"""The administrator transfers a departed practitioner's files to a successor
(Administration > "Transférer ses dossiers…"), against a real encrypted database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.transfer_files_dialog import TransferFilesDialog
from oiso_desktop.gui.user_admin_view import UserAdminView
from oiso_desktop.services.dto import IdentityFields

SUCCESSOR_RPPS = "1000000001" + luhn_key("1000000001")


def _identity(name: str) -> IdentityFields:
    return IdentityFields(
        birth_name=name, first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
    )


@pytest.fixture
def departed(gui_db, gui_admin):
    """cdubois owned 3 files and left (revoked); jmartin (active) and a counsellor stay."""
    owner = gui_db.login("cdubois")
    ids = {owner.patients.create(_identity(name)).id for name in ("Lefèvre", "Garnier", "Roux")}
    owner.logout()
    gui_db.add_user(
        "jmartin", Role.PRACTITIONER, first_name="Jérôme", last_name="Martin", rpps=SUCCESSOR_RPPS
    )
    gui_db.add_user(
        "mpetit",
        Role.GENETIC_COUNSELLOR,
        first_name="Marie",
        last_name="Martineau",
        adeli="751234567",
    )
    try:
        gui_admin.users.revoke(gui_db.user_ids["cdubois"])
    except StorageError as pending:  # the re-key waits for the other sessions
        assert pending.code == "rekey_pending"
    return ids


@pytest.fixture
def admin_view(qtbot, gui_admin, gui_tasks):
    view = UserAdminView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1170, 600)
    view.show()
    assert gui_tasks.wait_idle(10000)
    return view


def _open_dialog(qtbot, view, gui_tasks) -> TransferFilesDialog:
    qtbot.mouseClick(view.transfer_button, Qt.MouseButton.LeftButton)
    dialog = view.last_dialog
    assert isinstance(dialog, TransferFilesDialog)
    assert gui_tasks.wait_idle(10000)
    return dialog


def _search(qtbot, dialog, gui_type, gui_tasks, text: str) -> None:
    with qtbot.waitSignal(dialog.sig_candidates_loaded, timeout=10000):
        gui_type(dialog.search_edit, text)
    assert gui_tasks.wait_idle(10000)


def test_admin_transfers_a_revoked_practitioners_files(
    qtbot, departed, admin_view, gui_db, gui_admin, gui_tasks, gui_type
):
    # An active account offers no transfer.
    admin_view.select_user(gui_db.user_ids["jmartin"])
    assert not admin_view.transfer_button.isEnabled()
    admin_view.select_user(gui_db.user_ids["cdubois"])
    assert admin_view.transfer_button.isEnabled()
    assert admin_view.transfer_button.text() == "Transférer ses dossiers…"

    dialog = _open_dialog(qtbot, admin_view, gui_tasks)
    assert dialog.owner_label.text().startswith("Claire Dubois — Praticien, Révoqué")
    assert dialog.count_label.text() == "3 dossiers à transférer."
    assert not dialog.transfer_button.isEnabled()  # no successor chosen yet
    _search(qtbot, dialog, gui_type, gui_tasks, "Martin")
    # Practitioners only: the counsellor "Martineau" matches the text but is not offered.
    names = [dialog.candidate_list.item(r).text() for r in range(dialog.candidate_list.count())]
    assert len(names) == 1 and names[0].startswith("Jérôme Martin — Praticien")
    assert dialog.select_successor(gui_db.user_ids["jmartin"])
    assert dialog.transfer_button.isEnabled()

    qtbot.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert box is not None
    assert box.text() == "Transférer 3 dossiers ?"
    assert box.informativeText().startswith(
        "Les dossiers de Claire Dubois passent à Jérôme Martin, qui en devient responsable."
    )
    with qtbot.waitSignal(dialog.sig_transferred, timeout=10000) as signal:
        qtbot.mouseClick(
            box.findChild(type(dialog.transfer_button), "confirm_button"), Qt.MouseButton.LeftButton
        )
    assert signal.args == [3, "Jérôme Martin"]
    assert gui_tasks.wait_idle(10000)
    assert admin_view.status_label.text() == (
        "Dossiers de Claire Dubois transférés à Jérôme Martin. "
        "3 dossiers ont changé de responsable."
    )

    successor = gui_db.login("jmartin")
    assert set(successor.patients.search_ids("").ids) == departed
    assert gui_admin.sharing.files_of(gui_db.user_ids["cdubois"]) == ()
    events = gui_admin.events.list(action="patient_transferred")
    assert {e.object_id for e in events} == departed


def test_refusal_is_said_in_french_and_changes_nothing(
    qtbot, departed, admin_view, gui_db, gui_admin, gui_tasks, gui_type
):
    admin_view.select_user(gui_db.user_ids["cdubois"])
    dialog = _open_dialog(qtbot, admin_view, gui_tasks)
    _search(qtbot, dialog, gui_type, gui_tasks, "Jérôme")
    successor = dialog.candidate_list.item(0).data(Qt.ItemDataRole.UserRole)
    # Meanwhile the successor leaves too: the service refuses, the dialog says why.
    gui_admin.users.suspend(gui_db.user_ids["jmartin"])
    dialog.transfer(successor, dialog.file_ids)
    assert gui_tasks.wait_idle(10000)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Un dossier ne peut être transféré qu'à un praticien actif."
    )
    assert set(gui_admin.sharing.files_of(gui_db.user_ids["cdubois"])) == departed


def test_no_files_says_so(qtbot, gui_db, gui_admin, admin_view, gui_tasks):
    gui_admin.users.suspend(gui_db.user_ids["cdubois"])
    admin_view.reload()
    assert gui_tasks.wait_idle(10000)
    admin_view.select_user(gui_db.user_ids["cdubois"])
    dialog = _open_dialog(qtbot, admin_view, gui_tasks)
    assert dialog.count_label.text() == (
        "Claire Dubois ne possède aucun dossier : il n'y a rien à transférer."
    )
    assert not dialog.transfer_button.isEnabled()
