"""Data-loss probes of the review of issues 6 and 7: typing while a save runs, the
lock screen's "Changer d'utilisateur", and closing while content still loads."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.gui.patient_file_window import PatientFileWindow
from oiso_desktop.services.auth_service import UserSession


@pytest.fixture
def clinician(gui_db, created_db) -> UserSession:
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def patient_id(clinician: UserSession) -> int:
    fields = IdentityFields(
        birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
    )
    return clinician.patients.create(fields).id


def _window(qtbot, session, tasks, patient_id) -> PatientFileWindow:
    window = PatientFileWindow(session, tasks, session.patients.get(patient_id))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_clinical_loaded, timeout=15000):
        window.show()
    assert tasks.wait_idle(10000)
    return window


def _edit(editor, content) -> None:
    editor.set_content(content)
    editor.sig_changed.emit()


def test_typing_while_a_save_runs_is_not_lost(qtbot, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    _edit(window.history_editor, PersonalHistory(note="first"))
    window.save()  # runs in the background; the editors stay enabled
    _edit(window.history_editor, PersonalHistory(note="first, then more"))
    qtbot.waitUntil(lambda: not window._queue, timeout=15000)
    assert gui_tasks.wait_idle(10000)
    assert window.history_editor.content().note == "first, then more"
    assert window.is_modified()
    assert clinician.forms.get(patient_id, "history").content.note == "first"
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()  # over the version just saved: no conflict
    assert clinician.forms.get(patient_id, "history").content.note == "first, then more"
    window.close()


def test_switch_user_on_the_lock_screen_names_the_unsaved_files_first(
    qtbot, gui_db, gui_tasks, clinician, patient_id
):
    from oiso_desktop.gui.main_window import MainWindow

    main = MainWindow(clinician, gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(main)
    main.show()
    assert main.show_page("patients")
    patients = main.pages["patients"]
    with qtbot.waitSignal(patients.sig_patient_opened, timeout=10000):
        patients.open_patient(patient_id)
    window = patients.file_windows[patient_id]
    qtbot.waitUntil(lambda: window.clinical is not None, timeout=15000)
    _edit(window.history_editor, PersonalHistory(note="45 minutes of typing"))
    main.lock()
    assert gui_tasks.wait_idle(10000)
    main.lock_screen.switch_button.click()
    QApplication.processEvents()
    assert not clinician.closed  # nothing dropped yet
    box = main.unsaved_box
    assert box is not None and box.isVisible() and "LEFÈVRE Hélène" in box.text()
    window.discard_and_close()


def test_closing_the_window_while_the_summary_and_a_document_load(
    qtbot, gui_tasks, clinician, patient_id
):
    from document_samples import large_pdf

    clinician.documents.add(patient_id, "gros.pdf", large_pdf(8_000_000))
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    panel = window.documents_panel
    window.show_tab(panel)
    qtbot.waitUntil(lambda: len(panel.documents()) == 1, timeout=10000)
    panel.show_document(panel.documents()[0].id)
    window.open_summary()
    dialog = window.summary_dialog
    window.discard_and_close()  # results arrive after the close: dropped, no exception
    assert gui_tasks.wait_idle(20000)
    for _ in range(20):  # an exception raised in a late callback fails the test (pytest-qt)
        QApplication.processEvents()
    assert not window.isVisible()
    if dialog is not None and shiboken6.isValid(dialog):
        dialog.close()


def test_a_canrisk_export_from_the_file_window_is_a_logged_export(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    import dataclasses
    import json

    from oiso_desktop.domain.family import add_parents, update_person

    window = _window(qtbot, clinician, gui_tasks, patient_id)
    family = add_parents(window.family_editor.content(), "p1")
    mother = family.person(family.proband.mother_id)
    _edit(
        window.family_editor,
        update_person(family, dataclasses.replace(mother, name="Odile-ZEBRE")),
    )
    path = tmp_path / "famille.txt"
    window.family_editor.export_canrisk_file(path)
    assert gui_tasks.wait_idle(10000)
    assert "Odile-ZEBRE" in path.read_text(encoding="utf-8")
    (event,) = clinician.events.list(action="clinical_form_exported")
    assert event.object_id == patient_id
    assert json.loads(event.details) == {"form": "family", "format": "canrisk"}
    assert "ZEBRE" not in event.details
    window.discard_and_close()
