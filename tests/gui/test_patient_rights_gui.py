"""The patient-rights actions of the file window (owner): restrict with a reason (the
banner, read only), lift, export to a folder, erase after the birth name is typed; the
patient list's FHIR import, and its refusal listing the problems."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.gui.patient_file_window import PatientFileWindow
from oiso_desktop.gui.patient_list_view import PatientListView
from oiso_desktop.gui.patient_rights import ErasureDialog, ReasonDialog
from oiso_desktop.services.auth_service import UserSession

DATA = Path(__file__).resolve().parents[1] / "data" / "fhir"
SHOTS = os.environ.get("OISO_SCREENSHOTS")  # a folder: renders of the screens for review


def _shot(widget, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / f"rights-{name}.png"))


@pytest.fixture
def owner(gui_db, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def patient_id(owner: UserSession) -> int:
    fields = IdentityFields(
        birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
    )
    return owner.patients.create(fields).id


def _window(qtbot, session, tasks, patient_id) -> PatientFileWindow:
    window = PatientFileWindow(session, tasks, session.patients.get(patient_id))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    assert tasks.wait_idle(10000)
    return window


def test_restrict_then_lift_from_the_file_window(
    qtbot, owner: UserSession, gui_tasks, patient_id: int, gui_type
) -> None:
    window = _window(qtbot, owner, gui_tasks, patient_id)
    assert window.rights_button.isVisible() and window.rights is not None
    assert window.rights_button.text() == "Droits du patient"
    texts = [a.text() for a in window.rights.menu.actions() if a.isVisible() and a.text()]
    assert texts == ["Restreindre le dossier…", "Exporter (FHIR + PDF)…", "Effacer le dossier…"]
    assert not window.restriction_label.isVisible()

    dialog = window.rights.open_restrict()
    assert isinstance(dialog, ReasonDialog) and not dialog.ok_button.isEnabled()
    gui_type(dialog.reason_edit, "Demande écrite du patient")
    assert dialog.ok_button.isEnabled()
    _shot(dialog, "restrict-dialog")
    dialog.ok_button.click()
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: window.patient.access is PatientAccess.READ, timeout=5000)
    assert gui_tasks.wait_idle(10000)
    assert window.restriction_label.isVisible()
    assert "Restreint à la demande du patient" in window.restriction_label.text()
    assert "Demande écrite du patient" in window.restriction_label.text()
    assert not window.save_button.isVisible()
    assert "restreint" in window.state_label.text()
    texts = [a.text() for a in window.rights.menu.actions() if a.isVisible() and a.text()]
    assert texts[0] == "Lever la restriction…"
    _shot(window, "restricted-window")

    again = _window(qtbot, owner, gui_tasks, patient_id)  # a file opened while restricted
    assert again.restriction_label.isVisible() and not again.save_button.isVisible()
    _shot(again, "restricted-opened")
    again.discard_and_close()

    lift = window.rights.open_lift()
    assert lift is not None
    gui_type(lift.reason_edit, "Litige réglé")
    lift.ok_button.click()
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: window.patient.access is PatientAccess.WRITE, timeout=5000)
    assert not window.restriction_label.isVisible()
    window.discard_and_close()


def test_export_and_erase_from_the_file_window(
    qtbot, owner: UserSession, gui_tasks, patient_id: int, gui_type, tmp_path: Path
) -> None:
    window = _window(qtbot, owner, gui_tasks, patient_id)
    assert window.rights is not None
    window.rights.export_to(tmp_path)
    assert gui_tasks.wait_idle(10000)
    assert len(list(tmp_path.glob("*.fhir.json"))) == 1 and len(list(tmp_path.glob("*.pdf"))) == 1
    assert "Dossier exporté" in window.banner_label.text()

    dialog = window.rights.open_erase()
    assert isinstance(dialog, ErasureDialog)
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.text() == "Effacer définitivement"
    gui_type(dialog.name_edit, "LEFEV")
    assert not dialog.ok_button.isEnabled()
    gui_type(dialog.name_edit, "RE")
    assert dialog.ok_button.isEnabled()  # accents and case ignored
    _shot(dialog, "erase-dialog")
    with qtbot.waitSignal(window.sig_erased, timeout=10000):
        dialog.ok_button.click()
    assert gui_tasks.wait_idle(10000)
    assert owner.patients.search_ids("").ids == ()


def test_the_patient_list_imports_a_bundle_and_refuses_a_bad_one(
    qtbot, owner: UserSession, gui_tasks
) -> None:
    view = PatientListView(owner, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1280, 700)
    view.show()
    assert gui_tasks.wait_idle(10000)
    assert view.import_button.isVisible()
    assert view.import_button.text() == "Importer un dossier (FHIR)…"
    _shot(view, "patient-list")
    with qtbot.waitSignal(view.fhir_import.sig_imported, timeout=10000) as imported:
        view.fhir_import.import_file(DATA / "rich.json")
    assert gui_tasks.wait_idle(10000)
    new_id = imported.args[0]
    assert owner.patients.get(new_id).fields.birth_name == "ROUSSEAU"
    qtbot.waitUntil(lambda: new_id in view.file_windows, timeout=5000)
    view.file_windows[new_id].discard_and_close()

    bad = json.loads((DATA / "wrong_reference.json").read_text("utf-8"))
    with qtbot.waitSignal(view.fhir_import.sig_failed, timeout=10000):
        view.fhir_import.import_bytes(json.dumps(bad).encode())
    assert gui_tasks.wait_idle(10000)
    box = view.import_box
    assert box is not None and "rien n'a été importé" in box.text()
    assert "Patient/unknown-99" in box.informativeText()
    _shot(box, "import-refused")
    box.close()
    assert QDialogButtonBox  # the boxes use the standard buttons
