"""Break-the-glass from the patient list: exact identity, a reason of 15+ characters,
the file opens read-only with its banner; the event is written and the owner is told."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from oiso_desktop.domain.identifiers import luhn_key, nir_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.break_glass_dialog import BreakGlassDialog
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.gui.patient_file_window import PatientFileWindow
from oiso_desktop.gui.patient_list_view import PatientListView
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.uow import UnitOfWork

RPPS_MARTIN = "1000067890" + luhn_key("1000067890")
BODY = "2750375056123"
NIR = BODY + nir_key(BODY)
CLICK = Qt.MouseButton.LeftButton
REASON = "Patiente admise aux urgences cette nuit"


@pytest.fixture
def patient_id(gui_db) -> int:
    gui_db.add_user(
        "pmartin", Role.PRACTITIONER, first_name="Pierre", last_name="Martin", rpps=RPPS_MARTIN
    )
    owner = gui_db.login("cdubois")
    fields = IdentityFields(
        birth_name="Lefèvre",
        first_names="Hélène",
        birth_date=dt.date(1975, 3, 12),
        sex="F",
        nir=NIR,
    )
    pid = owner.patients.create(fields).id
    owner.logout()
    return pid


@pytest.fixture
def martin(gui_db, patient_id) -> UserSession:
    return gui_db.login("pmartin")


@pytest.fixture
def view(qtbot, martin, gui_tasks) -> PatientListView:
    widget = PatientListView(martin, gui_tasks)
    qtbot.addWidget(widget)
    widget.show()
    assert gui_tasks.wait_idle(10000)
    return widget


def _events(session: UserSession, action: str) -> list[Event]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = list(uow.session.scalars(select(Event).where(Event.action == action)))
        uow.session.expunge_all()
        return rows


def _open_dialog(qtbot, view: PatientListView) -> BreakGlassDialog:
    assert view.break_glass_button.isVisibleTo(view)
    assert "bris de glace" in view.break_glass_button.toolTip().lower()
    qtbot.mouseClick(view.break_glass_button, CLICK)
    dialog = view.last_dialog
    assert isinstance(dialog, BreakGlassDialog) and dialog.isVisible()
    return dialog


def _look_up(qtbot, dialog: BreakGlassDialog) -> None:
    with qtbot.waitSignal(dialog.sig_looked_up, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)


def test_break_the_glass_opens_the_file_read_only_and_the_owner_is_told(
    qtbot, gui_db, gui_tasks, martin, view, patient_id, gui_type
):
    assert patient_id not in view.model.ids()
    dialog = _open_dialog(qtbot, view)
    assert dialog.ok_button.text() == "Rechercher" and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.nir_edit, NIR)
    _look_up(qtbot, dialog)
    assert dialog.step() == 1
    assert dialog.candidates.count() == 1
    assert dialog.candidates.item(0).text() == (
        "LEFÈVRE Hélène — né(e) le 12/03/1975 — responsable : Claire Dubois"
    )
    assert "examiné par un administrateur" in dialog.warning_label.text()
    # a short reason: refused
    gui_type(dialog.reason_edit, "Urgence")
    assert dialog.counter_label.text() == "7 / 15 caractères minimum"
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.clear()
    gui_type(dialog.reason_edit, REASON)
    assert dialog.counter_label.text() == f"{len(REASON)} / 15 caractères minimum"
    assert dialog.ok_button.text() == "Ouvrir en lecture seule" and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(view.sig_patient_opened, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    assert gui_tasks.wait_idle(10000)

    window = view.file_windows[patient_id]
    assert isinstance(window, PatientFileWindow) and window.isVisible()
    assert window.emergency_label.isVisible()
    assert window.emergency_label.text().startswith(
        "Accès d'urgence (bris de glace) — lecture seule, jusqu'à la déconnexion"
    )
    assert window.save_button.isHidden() and "Partage" not in window.tab_titles()
    assert window.identity.ui.birth_name_edit.isReadOnly()
    assert window.identity.banner_text() == "Lecture seule : accès d'urgence (bris de glace)."
    assert window.state_label.text() == "Lecture seule : accès d'urgence (bris de glace)."

    events = _events(martin, "break_glass")
    assert [(e.user_id, e.object_id) for e in events] == [(gui_db.user_ids["pmartin"], patient_id)]
    assert "urgences" not in events[0].details
    lookups = _events(martin, "break_glass_lookup")
    assert [json.loads(e.details) for e in lookups] == [{"by": "nir", "found": 1}]

    owner = gui_db.login("cdubois")
    notices = owner.sharing.break_glass_notices()
    assert [(n.patient_id, n.user.display_name, n.reason) for n in notices] == [
        (patient_id, "Pierre Martin", REASON)
    ]
    owner.logout()

    # The owner's next login in the application tells her, with the reason written.
    main = MainWindow(gui_db.login("cdubois"), gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitUntil(lambda: main.sharing_notices_dialog is not None, timeout=10000)
    notice = main.sharing_notices_dialog
    assert notice.isVisible()
    text = notice.break_glass_browser.toPlainText()
    assert "Pierre Martin" in text and "LEFÈVRE Hélène" in text and REASON in text
    main.close()


def test_lookup_by_identity_exact_only(qtbot, gui_tasks, view, patient_id, gui_type):
    dialog = _open_dialog(qtbot, view)
    gui_type(dialog.birth_name_edit, "Lef")
    gui_type(dialog.first_name_edit, "Hélène")
    gui_type(dialog.birth_date_edit, "12/03/1975")
    _look_up(qtbot, dialog)
    assert dialog.step() == 0
    assert dialog.lookup_status.text().startswith("Aucun dossier auquel vous n'avez pas déjà accès")
    dialog.birth_name_edit.clear()
    gui_type(dialog.birth_name_edit, "LEFEVRE")
    _look_up(qtbot, dialog)
    assert dialog.step() == 1 and dialog.chosen().id == patient_id
    qtbot.mouseClick(dialog.back_button, CLICK)
    assert dialog.step() == 0 and dialog.ok_button.text() == "Rechercher"


def test_a_wrong_nir_is_refused_in_french(qtbot, view, patient_id):
    dialog = _open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.nir_edit, BODY + "00")
    _look_up(qtbot, dialog)
    assert dialog.step() == 0 and dialog.error_label.isVisible()
    assert "clé" in dialog.error_label.text() and "NIR" in dialog.error_label.text()


def test_only_practitioners_get_the_entry(qtbot, gui_db, gui_tasks):
    gui_db.add_user(
        "lpetit", Role.GENETIC_COUNSELLOR, first_name="Léa", last_name="Petit", adeli="751234567"
    )
    widget = PatientListView(gui_db.login("lpetit"), gui_tasks)
    qtbot.addWidget(widget)
    assert gui_tasks.wait_idle(10000)
    assert not widget.break_glass_button.isVisibleTo(widget)
    practitioner = PatientListView(gui_db.login("cdubois"), gui_tasks)
    qtbot.addWidget(practitioner)
    assert gui_tasks.wait_idle(10000)
    assert practitioner.break_glass_button.isVisibleTo(practitioner)
