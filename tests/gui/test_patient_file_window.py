"""The patient file window: tabs by role, saving each section with its version,
the conflict dialog against another process, revisions, links, closing and locking."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
from pathlib import Path

import file_workers
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.family import Age, Cancer, add_parents, update_person
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.patient_file_window import FormConflictDialog, PatientFileWindow
from oiso_desktop.services.auth_service import UserSession

TODAY = dt.date.today()
CANRISK = Path(__file__).resolve().parents[1] / "data" / "canrisk"


@pytest.fixture
def clinician(gui_db, created_db) -> UserSession:
    """Claire Dubois, practitioner, holding the clinical key (approved with the
    recovery code: the first clinical account of the database)."""
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def patient_id(clinician: UserSession) -> int:
    fields = IdentityFields(
        birth_name="Lefèvre",
        first_names="Hélène",
        birth_date=dt.date(1975, 3, 12),
        sex="F",
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
    """What a user's typing ends with (the editors' own tests type key by key)."""
    editor.set_content(content)
    editor.sig_changed.emit()


def _save(qtbot, window, tasks) -> None:
    window.save()
    assert tasks.wait_idle(15000)


BREAST = HistoryCancer(site="breast", laterality="left", age=Age.parse("~45"))


def test_tabs_follow_the_role_and_the_clinical_key(qtbot, gui_db, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    assert window.tab_titles() == [
        "Identité", "Antécédents", "Famille", "Génétique", "Scores", "Suivi",
        "Documents", "Historique", "Partage",
    ]  # fmt: skip
    assert window.header_label.text().startswith("LEFÈVRE Hélène — née le 12/03/1975")
    assert window.windowTitle() == "LEFÈVRE Hélène — dossier patient"
    assert window.state_label.text() == "Tout est enregistré."
    assert not window.save_button.isEnabled()
    # The family of a file never saved: the proband alone, female, born 1975.
    proband = window.family_editor.content().proband
    assert proband.sex == "F" and proband.birth_year == 1975
    window.close()

    # A secretary (assisting Claire) sees the identity and the follow-up (exams and
    # dates): no empty clinical tab.
    gui_db.add_user(
        "secr",
        Role.SECRETARY,
        first_name="Sam",
        last_name="Roux",
        assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
    )
    secretary = gui_db.login("secr")
    window = PatientFileWindow(secretary, gui_tasks, secretary.patients.get(patient_id))
    qtbot.addWidget(window)
    window.show()
    assert gui_tasks.wait_idle(10000)
    assert window.tab_titles() == ["Identité", "Suivi"]
    window.close()

    # A new practitioner awaiting a colleague's approval: the reason, not the data.
    gui_db.add_user(
        "nnouveau", Role.PRACTITIONER, first_name="Noé", last_name="Nouveau", adeli="751234568"
    )
    newcomer = gui_db.login("nnouveau")
    own = newcomer.patients.create(
        IdentityFields(
            birth_name="Martin", first_names="Paul", birth_date=dt.date(1960, 1, 2), sex="M"
        )
    )
    window = PatientFileWindow(newcomer, gui_tasks, own)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_clinical_loaded, timeout=15000):
        window.show()
    assert window.tab_titles() == ["Identité", "Suivi", "Données cliniques", "Partage"]
    assert "ne détient pas encore la clé clinique" in window.notice.text()
    # A colleague approves; "check again" brings the clinical tabs.
    clinician.clinical_key.approve(gui_db.user_ids["nnouveau"])
    with qtbot.waitSignal(window.sig_clinical_loaded, timeout=15000):
        window.notice.check_again()
    assert window.tab_titles() == [
        "Identité", "Antécédents", "Famille", "Génétique", "Scores", "Suivi",
        "Documents", "Historique", "Partage",
    ]  # fmt: skip
    window.close()


def test_sections_save_with_their_versions_and_reopen(qtbot, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    _edit(window.history_editor, PersonalHistory(cancers=(BREAST,), note="Suivi IRM"))
    family = add_parents(window.family_editor.content(), "p1")
    mother_id = family.proband.mother_id
    mother = family.person(mother_id)
    family = update_person(
        family,
        dataclasses.replace(
            mother,
            name="Odile",
            age=Age.parse("70-79"),
            cancers=(Cancer(site="ovary", age=Age.parse("~41")),),
        ),
    )
    _edit(window.family_editor, family)
    assert window.modified_sections() == ["Antécédents", "Famille"]
    assert window.state_label.text() == "Non enregistré : Antécédents, Famille."
    assert window.tabs.tabText(1) == "Antécédents •"
    assert window.save_button.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        qtbot.keyClick(window.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert gui_tasks.wait_idle(10000)
    assert window.state_label.text() == "Tout est enregistré."
    assert window.tabs.tabText(1) == "Antécédents"
    window.close()

    again = _window(qtbot, clinician, gui_tasks, patient_id)
    history = again.history_editor.content()
    assert history.note == "Suivi IRM" and history.cancers[0].age.text == "~45"
    reopened = again.family_editor.content()
    assert reopened.person(mother_id).name == "Odile"
    assert reopened.person(mother_id).age.text == "70-79"
    assert reopened.person(mother_id).cancers[0].age.text == "~41"
    # The history tab lists the versions of both forms, with who saved them.
    panel = again.history_panel
    qtbot.waitUntil(lambda: len(panel.revision_items()) == 2, timeout=10000)
    assert {item.text(2) for item in panel.revision_items()} == {"Claire Dubois"}
    again.close()


def test_a_save_by_another_process_gives_one_conflict_dialog_and_no_lost_update(
    qtbot, gui_db, gui_tasks, clinician, patient_id
):
    clinician.forms.save(patient_id, "history", PersonalHistory(note="v1"), expected_version=0)
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    _edit(window.history_editor, PersonalHistory(cancers=(BREAST,), note="ma saisie"))

    # Another instance of the application saves the same form meanwhile.
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    process = ctx.Process(
        target=file_workers.save_history_note,
        args=(
            str(gui_db.folder),
            "cdubois",
            gui_db.passwords["cdubois"],
            patient_id,
            "la sienne",
            results,
        ),
    )
    process.start()
    outcome = results.get(timeout=90)
    process.join(30)
    assert outcome == ("saved", 2), outcome

    _save(qtbot, window, gui_tasks)
    dialog = window.conflict_dialog
    assert isinstance(dialog, FormConflictDialog) and dialog.isVisible()
    assert any("ma saisie" in line for line in dialog.mine_lines)
    assert any("la sienne" in line for line in dialog.theirs_lines)
    assert "Claire Dubois" in dialog.windowTitle() or "Claire Dubois" in " ".join(
        label.text() for label in dialog.findChildren(type(window.header_label))
    )
    qtbot.mouseClick(
        dialog.findChild(type(window.save_button), "keep_mine_button"), Qt.MouseButton.LeftButton
    )
    # What the user typed is still there, now over the other version.
    assert window.history_editor.content().note == "ma saisie"
    assert window.is_modified()
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    assert gui_tasks.wait_idle(10000)
    assert window.conflict_dialog is dialog  # one dialog, for the one conflict
    # No lost update: both versions are in the history.
    notes = [
        clinician.forms.revision(patient_id, "history", number).content.note for number in (1, 2, 3)
    ]
    assert notes == ["v1", "la sienne", "ma saisie"]
    window.close()


def test_taking_the_saved_version_replaces_the_entries(qtbot, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    clinician.forms.save(patient_id, "history", PersonalHistory(note="autre"), expected_version=0)
    _edit(window.history_editor, PersonalHistory(note="mienne"))
    _save(qtbot, window, gui_tasks)
    dialog = window.conflict_dialog
    qtbot.mouseClick(
        dialog.findChild(type(window.save_button), "take_theirs_button"), Qt.MouseButton.LeftButton
    )
    assert window.history_editor.content().note == "autre"
    assert not window.is_modified()
    window.close()


def test_invalid_entries_save_nothing_and_show_the_tab(qtbot, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    window.tabs.setCurrentIndex(0)
    prostate = HistoryCancer(site="prostate", age=Age.parse("50"))
    _edit(window.history_editor, PersonalHistory(cancers=(prostate,)))
    assert window.history_editor.problems()
    window.save()
    assert gui_tasks.wait_idle(5000)
    assert window.tabs.currentWidget() is window.sections[FormKind.HISTORY].page
    assert "rien n'a été enregistré" in window.banner_label.text()
    assert clinician.forms.get(patient_id, "history").version == 0
    window.discard_and_close()


def test_a_revision_is_shown_read_only_with_its_changes_and_can_be_restored(
    qtbot, gui_tasks, clinician, patient_id
):
    first = clinician.forms.save(
        patient_id, "history", PersonalHistory(note="première"), expected_version=0
    )
    clinician.forms.save(
        patient_id,
        "history",
        PersonalHistory(cancers=(BREAST,), note="seconde"),
        expected_version=first.version,
    )
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    panel = window.history_panel
    qtbot.waitUntil(lambda: len(panel.revision_items()) == 2, timeout=10000)
    window.show_tab(panel)
    current, older = panel.revision_items()
    assert current.text(0) == "N° 2 (actuelle)" and older.text(0) == "N° 1"
    with qtbot.waitSignal(panel.sig_revision_shown, timeout=10000):
        panel.tree.setCurrentItem(current)
    changes = [panel.changes_list.item(i).text() for i in range(panel.changes_list.count())]
    assert any("ajout" in line for line in changes), changes
    assert not panel.restore_button.isVisible()
    with qtbot.waitSignal(panel.sig_revision_shown, timeout=10000):
        panel.tree.setCurrentItem(older)
    assert "lecture seule" in panel.title_label.text()
    assert panel.history_view.content().note == "première"
    assert panel.restore_button.isVisible()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.sections[FormKind.HISTORY].page
    assert window.history_editor.content().note == "première"
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    assert clinician.forms.get(patient_id, "history").content.note == "première"
    window.close()


def test_closing_with_unsaved_entries_asks_first(qtbot, gui_tasks, clinician, patient_id):
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    _edit(window.history_editor, PersonalHistory(note="brouillon"))
    window.close()
    box = window.close_box
    assert box is not None and box.isVisible()
    assert window.isVisible()  # not closed
    assert "Antécédents" in box.text()
    qtbot.mouseClick(
        box.findChild(type(window.save_button), "save_changes_button"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert clinician.forms.get(patient_id, "history").content.note == "brouillon"


def test_several_files_open_at_once_from_the_list(qtbot, gui_tasks, clinician, patient_id):
    from oiso_desktop.gui.patient_list_view import PatientListView

    other = clinician.patients.create(
        IdentityFields(
            birth_name="Martin", first_names="Paul", birth_date=dt.date(1960, 1, 2), sex="M"
        )
    ).id
    view = PatientListView(clinician, gui_tasks)
    qtbot.addWidget(view)
    view.show()
    for pid in (patient_id, other, patient_id):
        with qtbot.waitSignal(view.sig_patient_opened, timeout=10000):
            view.open_patient(pid)
        assert gui_tasks.wait_idle(10000)
    assert set(view.file_windows) == {patient_id, other}  # the first one was not opened twice
    titles = sorted(w.windowTitle() for w in view.file_windows.values())
    assert titles == ["LEFÈVRE Hélène — dossier patient", "MARTIN Paul — dossier patient"]
    for window in list(view.file_windows.values()):
        window.close()
    qtbot.waitUntil(lambda: not view.file_windows, timeout=5000)
    QApplication.processEvents()


def test_the_idle_lock_covers_open_files_and_keeps_their_entries(
    qtbot, gui_db, gui_tasks, gui_type, clinician, patient_id
):
    from oiso_desktop.gui.lock_screen import LockScreen
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
    _edit(window.history_editor, PersonalHistory(note="non enregistré"))

    main.lock()
    assert gui_tasks.wait_idle(10000)
    assert window.isVisible() and not window.tabs.isEnabled()  # covered, not closed
    # The file window's own cover takes the password (the window is not disabled with
    # the page that opened it).
    cover = window.findChild(LockScreen)
    assert cover is not None and cover.isVisible()
    assert cover.password_edit.isEnabled() and cover.unlock_button.isEnabled()
    gui_type(cover.password_edit, gui_db.passwords["cdubois"])
    qtbot.keyClick(cover.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not main.locked, timeout=15000)
    assert window.tabs.isEnabled()
    assert window.history_editor.content().note == "non enregistré"
    assert window.is_modified()

    # Logging out with an unsaved file asks first; confirming closes it unsaved.
    main.logout_action.trigger()
    box = main.unsaved_box
    assert box is not None and box.isVisible()
    assert "LEFÈVRE Hélène" in box.text()
    assert window.isVisible() and not main.session.closed
    qtbot.mouseClick(
        box.findChild(type(window.save_button), "confirm_button"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: main.session.closed, timeout=15000)
    assert clinician.closed
    assert not shiboken6.isValid(window) or not window.isVisible()


def test_a_family_of_15_relatives_typed_in_the_window_is_saved_and_found_again(
    qtbot, gui_tasks, gui_type, clinician, patient_id
):
    """The keyboard path of the Famille tab (shortcuts of the family editor), then
    Ctrl+S, then the file opened again: every person, age as typed, relationship."""
    from test_family_editor import _enter, _relationships, _scene_people, _shortcut, _to_row

    window = _window(qtbot, clinician, gui_tasks, patient_id)
    editor = window.family_editor
    window.show_tab(editor)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    _enter(qtbot, gui_type, "Hélène")
    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # p2 father, p3 mother
    _enter(qtbot, gui_type, "Paul", birth_year="1948")
    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # p4, p5
    _enter(qtbot, gui_type, "Louis", birth_year="1920")
    _to_row(qtbot, editor, 4)
    _enter(qtbot, gui_type, "Jeanne", age="inconnu")
    _to_row(qtbot, editor, 2)
    _enter(qtbot, gui_type, "Marie", age="~75")
    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # p6, p7
    _enter(qtbot, gui_type, "Henri", birth_year="1918")
    _to_row(qtbot, editor, 6)
    _enter(qtbot, gui_type, "Louise", age="90-99")
    _to_row(qtbot, editor, 2)
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p8, Marie's sister
    _enter(qtbot, gui_type, "Anne", sex="f", age="72")
    _shortcut(qtbot, editor, Qt.Key.Key_E, 2)  # p9 husband, p10 daughter
    _enter(qtbot, gui_type, "Emma", sex="f", age="45")
    _to_row(qtbot, editor, 8)
    _enter(qtbot, gui_type, "Alain")
    _to_row(qtbot, editor, 1)
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p11, Paul's brother
    _enter(qtbot, gui_type, "Pierre", sex="m")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p12
    _enter(qtbot, gui_type, "Marc", sex="m", age="48")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p13
    _enter(qtbot, gui_type, "Sophie", sex="f", birth_year="1979")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_C, 1)  # p14
    _enter(qtbot, gui_type, "Jean", age="52")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_E, 1)  # p15
    _enter(qtbot, gui_type, "Léa", sex="f", age="20")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_E, 1)  # p16
    _enter(qtbot, gui_type, "Tom", sex="m", age="~17")

    typed = editor.content()
    assert len(typed.people) == 16 and _scene_people(editor) == 16
    assert editor.problems() == []
    relationships = _relationships(editor)
    assert (
        window.tabs.tabText(window.tabs.indexOf(window.sections[FormKind.FAMILY].page))
        == "Famille •"
    )
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert gui_tasks.wait_idle(10000)
    assert window.state_label.text() == "Tout est enregistré."
    window.close()

    again = _window(qtbot, clinician, gui_tasks, patient_id)
    assert again.family_editor.content() == typed
    assert _relationships(again.family_editor) == relationships
    assert relationships["p10"] == "cousine germaine maternelle"
    assert again.family_editor.content().person("p16").age.text == "~17"
    assert _scene_people(again.family_editor) == 16
    again.close()


def test_a_relative_is_linked_to_their_own_file_through_the_picker(
    qtbot, gui_tasks, gui_type, clinician, patient_id
):
    sister = clinician.patients.create(
        IdentityFields(
            birth_name="Lefèvre", first_names="Odile", birth_date=dt.date(1972, 6, 1), sex="F"
        )
    ).id
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    editor = window.family_editor
    family = add_parents(editor.content(), "p1")
    _edit(editor, family)
    from oiso_desktop.domain.family import add_sibling

    family = add_sibling(editor.content(), "p1", sex="F")
    _edit(editor, family)
    sister_id = family.people[-1].id
    editor.sig_link_requested.emit(sister_id)
    picker = window.picker
    assert picker is not None and picker.isVisible()
    with qtbot.waitSignal(picker.sig_results_shown, timeout=10000):
        gui_type(picker.search_edit, "odile")
    assert picker.results.count() == 1  # the file itself is never offered
    picker.results.setCurrentRow(0)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert editor.content().person(sister_id).patient_id == sister
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    saved = clinician.forms.get(patient_id, "family")
    assert saved.link_labels == {sister: "LEFÈVRE Odile"}
    window.close()


def test_a_canrisk_import_is_saved_with_its_risk_factors(qtbot, gui_tasks, clinician, patient_id):
    """The file's ##key=value lines are part of the family: saved, reopened, exported."""
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    window.family_editor.import_canrisk_file(CANRISK / "leroy_v2.canrisk")
    imported = window.family_editor.content()
    assert imported.risk_factors and window.modified_sections() == ["Famille"]
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    assert gui_tasks.wait_idle(10000)
    window.close()

    again = _window(qtbot, clinician, gui_tasks, patient_id)
    assert again.family_editor.content() == imported
    assert again.family_editor.content().risk_factors == imported.risk_factors
    again.close()


def test_scores_follow_the_entries_and_lead_to_the_relative(
    qtbot, gui_tasks, clinician, patient_id
):
    from oiso_desktop.domain.scores import Status

    window = _window(qtbot, clinician, gui_tasks, patient_id)
    panel = window.scores_panel
    assert panel.scores.eisinger.status is Status.NOT_MET  # the proband alone
    # The mother had an ovarian cancer at ~41 and her sister a breast cancer at 38:
    # the maternal branch reaches the Eisinger threshold before anything is saved.
    family = add_parents(window.family_editor.content(), "p1")
    mother_id = family.proband.mother_id
    family = update_person(
        family,
        dataclasses.replace(
            family.person(mother_id),
            age=Age.parse("70"),
            cancers=(Cancer(site="ovary", age=Age.parse("41")),),
        ),
    )
    from oiso_desktop.domain.family import add_sibling

    family = add_sibling(family, mother_id, sex="F")
    aunt = family.people[-1]
    family = update_person(
        family,
        dataclasses.replace(
            aunt, age=Age.parse("66"), cancers=(Cancer(site="breast", age=Age.parse("38")),)
        ),
    )
    _edit(window.family_editor, family)
    maternal = [b for b in panel.scores.eisinger.branches if b.branch.value == "maternal"][0]
    assert maternal.status is Status.MET, maternal
    assert {c.person_id for c in maternal.contributions} >= {mother_id, aunt.id}
    assert clinician.forms.get(patient_id, "family").version == 0  # nothing saved
    # A relative named in a score opens the Famille tab on them.
    panel.sig_person_activated.emit(aunt.id)
    assert window.tabs.currentWidget() is window.sections[FormKind.FAMILY].page
    assert window.family_editor.selected_person() == aunt.id
    window.discard_and_close()


def test_attachments_in_their_tab_are_dropped_from_memory_at_the_lock(
    qtbot, gui_db, gui_tasks, clinician, patient_id, tmp_path
):
    """The Documents tab of the window: an attachment added, shown, then the idle lock
    releases its decrypted content (the viewer is cleared)."""
    from document_samples import text_pdf

    from oiso_desktop.domain.documents import DocumentDetails
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
    panel = window.documents_panel
    window.show_tab(panel)
    report = tmp_path / "compte-rendu.pdf"
    report.write_bytes(text_pdf("Compte rendu BRCA2"))
    with qtbot.waitSignal(panel.sig_document_added, timeout=15000) as added:
        panel.add_file(report, DocumentDetails(title="Compte rendu BRCA2"))
    assert gui_tasks.wait_idle(15000)
    with qtbot.waitSignal(panel.sig_document_shown, timeout=15000):
        panel.show_document(added.args[0].id)
    qtbot.waitUntil(lambda: panel.viewer.state() not in ("empty", "loading"), timeout=15000)
    assert [d.title for d in panel.documents()] == ["Compte rendu BRCA2"]
    main.lock()
    assert gui_tasks.wait_idle(10000)
    assert panel.viewer.state() == "empty"
    window.discard_and_close()


def test_a_brca2_class_5_variant_typed_in_the_genetics_tab_marks_the_pedigree_and_is_saved(
    qtbot, gui_tasks, gui_type, clinician, patient_id
):
    from test_genetics_editor import _type_brca2_test

    from oiso_desktop.domain.pedigree_drawing import Disc

    window = _window(qtbot, clinician, gui_tasks, patient_id)
    window.show_tab(window.genetics_editor)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    _type_brca2_test(qtbot, gui_type, window.genetics_editor)
    assert window.genetics_editor.problems() == []
    # The Famille tab's pedigree shows the carrier mark at once; its content is unchanged.
    proband = window.family_editor.pedigree_view.pedigree_scene.person_items()["p1"]
    assert any(isinstance(op, Disc) for op in proband.ops)
    assert window.modified_sections() == ["Génétique"]
    # The scores know the familial variant (Eisinger: a BRCA variant in the family).
    assert "BRCA2" in str(window.scores_panel.scores.eisinger)
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    saved = clinician.forms.get(patient_id, "genetics").content
    assert [(v.gene, v.acmg_class) for v in saved.variants] == [("BRCA2", 5)]
    window.close()


def test_a_consent_points_to_its_signed_form_among_the_attachments(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    from document_samples import text_pdf

    from oiso_desktop.domain.documents import DocumentCategory, DocumentDetails

    window = _window(qtbot, clinician, gui_tasks, patient_id)
    panel = window.documents_panel
    form = tmp_path / "consentement.pdf"
    form.write_bytes(text_pdf("Consentement signé"))
    with qtbot.waitSignal(panel.sig_documents_loaded, timeout=15000):
        panel.add_file(
            form,
            DocumentDetails(title="Consentement signé", category=DocumentCategory.CONSENT_FORM),
        )
        assert gui_tasks.wait_idle(15000)
    document_id = panel.documents()[0].id
    editor = window.genetics_editor
    window.show_tab(editor)
    editor.table("consents").setFocus()
    qtbot.keyClick(editor.table("consents"), Qt.Key.Key_Insert)
    editor.consent_date_edit.setText("02/03/2024")
    combo = editor.consent_document_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["(aucun)", "Consentement signé"]
    combo.setCurrentIndex(combo.findData(document_id))
    combo.activated.emit(combo.currentIndex())
    assert editor.problems() == []
    with qtbot.waitSignal(window.sig_saved, timeout=15000):
        window.save()
    consents = clinician.forms.get(patient_id, "genetics").content.consents
    assert [c.document_id for c in consents] == [document_id]
    window.close()


def test_the_summary_opens_from_the_window_as_saved(qtbot, gui_tasks, clinician, patient_id):
    clinician.forms.save(
        patient_id, "history", PersonalHistory(cancers=(BREAST,)), expected_version=0
    )
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    assert window.summary_button.isVisible()
    _edit(window.history_editor, PersonalHistory(note="pas encore enregistré"))
    qtbot.mouseClick(window.summary_button, Qt.MouseButton.LeftButton)
    dialog = window.summary_dialog
    with qtbot.waitSignal(dialog.sig_summary_shown, timeout=20000) as shown:
        pass
    assert shown.args[0] >= 1  # pages
    assert dialog.pdf().startswith(b"%PDF")
    assert "enregistr" in dialog.unsaved_label.text()  # the summary is the saved file
    dialog.close()
    window.discard_and_close()


def test_deleting_a_relative_named_in_the_genetics_form_is_refused_in_french(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    from oiso_desktop.domain.family import add_sibling, remove_person
    from oiso_desktop.domain.genetics import Genetics, RelativeInformation

    family = add_sibling(add_parents(clinician.forms.get(patient_id, "family").content, "p1"), "p1")
    family = update_person(family, dataclasses.replace(family.person("p4"), name="Marie", sex="F"))
    clinician.forms.save(patient_id, "family", family, expected_version=0)
    informed = RelativeInformation(relative_ids=("p4",), date=dt.date(2025, 2, 1))
    clinician.forms.save(
        patient_id, "genetics", Genetics(relative_information=(informed,)), expected_version=0
    )
    window = _window(qtbot, clinician, gui_tasks, patient_id)
    window.show_tab(window.family_editor)
    _edit(window.family_editor, remove_person(family, "p4"))
    _save(qtbot, window, gui_tasks)
    assert window.banner_label.isVisible()
    shown = " ".join((window.banner_label.text(), *window.family_editor.problem_texts()))
    assert "Marie (p4) est cité(e) dans l'onglet Génétique" in shown
    assert clinician.forms.get(patient_id, "family").content.get("p4") is not None
    window.grab().save(str(tmp_path / "refused.png"))
    window.close()
