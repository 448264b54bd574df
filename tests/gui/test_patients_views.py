"""Patient list and identity dialog against a real encrypted database."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.gui.patient_dialog import PatientDialog
from oiso_desktop.gui.patient_list_view import VISIBLE_ROWS_DELAY_MS, PatientListView
from oiso_desktop.gui.patient_table_model import PatientListModel, PatientTableModel


@pytest.fixture
def view(qtbot, gui_practitioner, gui_tasks):
    widget = PatientListView(gui_practitioner, gui_tasks)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    assert gui_tasks.wait_idle(10000)
    return widget


def _search(qtbot, view, tasks, text):
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, text)
    qtbot.waitUntil(lambda: not view.is_search_pending(), timeout=5000)
    assert tasks.wait_idle(5000)
    return [view.model.row_at(row) for row in range(view.model.rowCount())]


def _new_dialog(qtbot, view) -> PatientDialog:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.last_dialog
    assert isinstance(dialog, PatientDialog) and dialog.isVisible()
    return dialog


def _fill_identity(dialog, gui_type, *, nir="295109912611193"):
    ui = dialog.ui
    gui_type(ui.birth_name_edit, "Lefèvre")
    gui_type(ui.first_names_edit, "Hélène Marie")
    gui_type(ui.birth_date_edit, "03/10/1995")
    ui.sex_combo.setCurrentIndex(ui.sex_combo.findData("F"))
    gui_type(ui.nir_edit, nir)
    gui_type(ui.city_edit, "Nantes")


def test_create_through_dialog_then_find_it(qtbot, view, gui_tasks, gui_type, gui_practitioner):
    dialog = _new_dialog(qtbot, view)
    assert not dialog.ui.save_button.isEnabled()  # nothing typed yet
    _fill_identity(dialog, gui_type)
    assert dialog.errors() == {}
    assert dialog.ui.save_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    saved = dialog.saved_patient
    assert saved.fields.birth_name == "LEFÈVRE"
    assert saved.fields.first_names == "Hélène Marie"
    assert saved.fields.nir == "295109912611193"
    assert gui_tasks.wait_idle(5000)

    # Accent- and case-insensitive name search, birth date, NIR prefix, several words.
    for query in ("lefevre", "LEFEVRE helene", "03/10/1995", "2951099", "2 95 10 99 126"):
        rows = _search(qtbot, view, gui_tasks, query)
        assert [r.id for r in rows] == [saved.id], query
    assert view.model.index(0, PatientTableModel.COL_NIR).data() == "2 95 10 99 126 111 93"
    assert view.model.index(0, PatientTableModel.COL_BIRTH_DATE).data() == "03/10/1995"
    assert "1" in view.count_label.text()
    assert _search(qtbot, view, gui_tasks, "dupont") == []

    # Keyboard: Down from the search field moves to the table, Enter opens the file.
    _search(qtbot, view, gui_tasks, "lefevre")
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.focusWidget() is view.table  # the window is not active offscreen
    with qtbot.waitSignal(view.sig_patient_opened, timeout=10000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [saved.id]
    opened_dialog = view.file_windows[saved.id].identity  # opened in its file window
    assert opened_dialog.ui.nir_edit.text() == "2 95 10 99 126 111 93"
    assert opened_dialog.ui.birth_name_edit.text() == "LEFÈVRE"
    assert opened_dialog.ui.birth_date_edit.text() == "03/10/1995"
    # Opening was logged by the service.
    events = gui_practitioner.events.list(action="patient_viewed")
    assert [e.object_id for e in events] == [saved.id]


def test_invalid_nir_shows_french_message_and_saves_nothing(
    qtbot, view, gui_tasks, gui_type, gui_practitioner
):
    dialog = _new_dialog(qtbot, view)
    _fill_identity(dialog, gui_type, nir="295109912611199")
    assert dialog.field_message("nir") == "La clé du NIR est incorrecte."
    assert dialog.ui.nir_message_label.isVisible()
    assert not dialog.ui.save_button.isEnabled()
    qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    dialog.save()  # even a forced save is refused while invalid
    assert gui_tasks.wait_idle(5000)
    assert dialog.saved_patient is None
    result = gui_practitioner.patients.search("lefevre")
    assert result.total == 0

    # Fixing it clears the message; a NIR of a man does not match sex F.
    dialog.ui.nir_edit.clear()
    gui_type(dialog.ui.nir_edit, "1 95 10 99 126 111 ")
    assert "comporter 15 caractères" in dialog.field_message("nir")
    dialog.ui.nir_edit.clear()
    gui_type(dialog.ui.nir_edit, "295109912611193")
    assert dialog.field_message("nir") == ""
    assert dialog.ui.save_button.isEnabled()


def test_live_messages_for_dates_and_insee(qtbot, view, gui_type):
    dialog = _new_dialog(qtbot, view)
    ui = dialog.ui
    gui_type(ui.birth_date_edit, "31/02/1990")
    assert dialog.field_message("birth_date")  # impossible date
    ui.birth_date_edit.clear()
    gui_type(ui.birth_date_edit, "01/01/2999")
    assert "futur" in dialog.field_message("birth_date")
    gui_type(ui.birth_place_code_edit, "20123")
    assert "Corse" in dialog.field_message("birth_place_code")
    ui.birth_place_code_edit.clear()
    gui_type(ui.birth_place_code_edit, "2A004")
    assert dialog.field_message("birth_place_code") == ""
    # The death date is only enabled for a deceased patient.
    assert not ui.death_date_edit.isEnabled()
    ui.vital_status_combo.setCurrentIndex(ui.vital_status_combo.findData("deceased"))
    assert ui.death_date_edit.isEnabled()


def test_duplicate_warning_lists_candidates_then_create_anyway(
    qtbot, view, gui_tasks, gui_type, gui_practitioner
):
    first = _new_dialog(qtbot, view)
    _fill_identity(first, gui_type)
    with qtbot.waitSignal(first.sig_saved, timeout=10000):
        first.save()
    assert gui_tasks.wait_idle(5000)

    second = _new_dialog(qtbot, view)
    _fill_identity(second, gui_type, nir="")
    second.ui.first_names_edit.clear()
    gui_type(second.ui.first_names_edit, "Helene")
    second.save()
    qtbot.waitUntil(lambda: second.duplicate_dialog is not None, timeout=10000)
    candidates = second.duplicate_dialog.model
    assert candidates.rowCount() == 1
    assert candidates.row_at(0).id == first.saved_patient.id
    assert gui_practitioner.patients.search("lefevre").total == 1
    with qtbot.waitSignal(second.sig_saved, timeout=10000):
        qtbot.mouseClick(second.duplicate_dialog.create_button, Qt.MouseButton.LeftButton)
    assert gui_practitioner.patients.search("lefevre").total == 2


def test_cancel_on_duplicate_creates_nothing(qtbot, view, gui_tasks, gui_type, gui_practitioner):
    first = _new_dialog(qtbot, view)
    _fill_identity(first, gui_type)
    with qtbot.waitSignal(first.sig_saved, timeout=10000):
        first.save()
    second = _new_dialog(qtbot, view)
    _fill_identity(second, gui_type)
    second.save()
    qtbot.waitUntil(lambda: second.duplicate_dialog is not None, timeout=10000)
    qtbot.mouseClick(second.duplicate_dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(5000)
    assert second.saved_patient is None and second.isVisible()
    assert gui_practitioner.patients.search("lefevre").total == 1


def test_concurrent_edit_keeps_the_users_entries(
    qtbot, gui_db, gui_practitioner, gui_tasks, gui_type
):
    from oiso_desktop.domain.patients import IdentityFields

    service = gui_practitioner.patients
    created = service.create(
        IdentityFields(
            birth_name="Martin",
            first_names="Paul",
            birth_date=__import__("datetime").date(1970, 5, 17),
            sex="M",
            city="Lyon",
        ),
    )
    dialog = PatientDialog(gui_practitioner, gui_tasks, patient=service.get(created.id))
    qtbot.addWidget(dialog)
    dialog.show()

    # Someone else (another workstation) saves the file meanwhile.
    other = gui_db.login("cdubois")
    current = other.patients.get(created.id)
    other.patients.update(
        created.id,
        dataclasses.replace(current.fields, city="Marseille", phone="0612345678"),
        expected_version=current.version,
    )

    dialog.ui.city_edit.clear()
    gui_type(dialog.ui.city_edit, "Grenoble")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=10000)
    assert dialog.saved_patient is None
    assert dialog.ui.city_edit.text() == "Grenoble"  # never lost
    reload_button = dialog.conflict_box.findChild(object, "reload_button")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)
    assert dialog.ui.city_edit.text() == "Grenoble"
    assert "Marseille" in dialog.field_message("city")
    assert "06 12 34 56 78" in dialog.field_message("phone")
    assert dialog.banner_text()

    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save()
    final = service.get(created.id)
    assert final.fields.city == "Grenoble"


def test_copy_entries_to_clipboard(qtbot, view, gui_type):
    dialog = _new_dialog(qtbot, view)
    _fill_identity(dialog, gui_type)
    dialog.copy_entries_to_clipboard()
    text = QApplication.clipboard().text()
    assert "Lefèvre" in text and "295109912611193" in text and "Nantes" in text


def test_read_only_access(qtbot, gui_practitioner, gui_tasks):
    from datetime import date

    from oiso_desktop.domain.patients import IdentityFields

    service = gui_practitioner.patients
    created = service.create(
        IdentityFields(birth_name="Roux", first_names="Anne", birth_date=date(1980, 1, 2), sex="F"),
    )
    read_only = dataclasses.replace(service.get(created.id), access=PatientAccess.READ)
    dialog = PatientDialog(gui_practitioner, gui_tasks, patient=read_only)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.save_button.isHidden()
    assert dialog.ui.birth_name_edit.isReadOnly()
    assert not dialog.ui.sex_combo.isEnabled()
    assert dialog.banner_text()


def test_new_patient_hidden_for_roles_that_cannot_create(qtbot, gui_db, gui_tasks):
    from oiso_desktop.domain.roles import Role

    gui_db.add_user(
        "conseil", Role.GENETIC_COUNSELLOR, first_name="Léa", last_name="Petit", adeli="751234567"
    )
    session = gui_db.login("conseil")
    widget = PatientListView(session, gui_tasks)
    qtbot.addWidget(widget)
    assert gui_tasks.wait_idle(5000)
    assert not widget.new_button.isVisibleTo(widget)


def test_the_form_edits_every_identity_field():
    from oiso_desktop.domain.patients import IdentityFields
    from oiso_desktop.gui.patient_dialog import FIELD_NAMES

    assert sorted(FIELD_NAMES) == sorted(f.name for f in dataclasses.fields(IdentityFields))
    assert len(set(FIELD_NAMES)) == len(FIELD_NAMES)


def test_field_messages_follow_the_language(qtbot, view, gui_type):
    """The service's rules, in English for an English user (same text as error_text)."""
    from oiso_desktop.gui.i18n import install_translations

    install_translations("en")
    try:
        dialog = _new_dialog(qtbot, view)
        _fill_identity(dialog, gui_type, nir="295109912611199")
        assert dialog.field_message("nir") == "The NIR key is incorrect."
        dialog.ui.nir_edit.clear()
        gui_type(dialog.ui.nir_edit, "2951099126111")
        assert dialog.field_message("nir") == (
            "The NIR must have 15 characters including the key, not 13."
        )
    finally:
        install_translations("fr")


# ------------------------------------------------------------ the lazy list
def _bulk_patients(session, count: int, seed: int = 11) -> None:
    """``count`` generated files owned by the session's user (the demo's bulk insert)."""
    import datetime as dt

    from oiso_desktop.services.demo import generate_patients, insert_patients, patient_rows
    from oiso_desktop.storage.uow import UnitOfWork

    today = dt.date(2026, 3, 2)
    rows = patient_rows(
        generate_patients(count, seed=seed, today=today),
        owner_id=session.actor.user_id,
        today=today,
        now=dt.datetime(2026, 3, 2, 9, 0),
    )
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        insert_patients(uow.session, rows)
        uow.commit()


@pytest.fixture
def clinical_practitioner(gui_db, gui_practitioner, created_db):
    """cdubois holding the clinical key (the first clinical account: the recovery code)."""
    gui_practitioner.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], created_db.recovery_code
    )
    return gui_practitioner


def _family_of(patient, relatives_with_cancer: int):
    from oiso_desktop.domain.family import Age, Cancer, add_parents, new_family, update_person

    family = add_parents(new_family(sex="F", birth_year=patient.birth_date.year), "p1")
    for person_id in family.parents_of("p1")[:relatives_with_cancer]:
        person = family.person(person_id)
        family = update_person(
            family,
            dataclasses.replace(
                person,
                birth_year=patient.birth_date.year - 30,
                deceased=True,
                age_at_death=Age.parse("70"),
                cancers=(Cancer(site="colorectal", age=Age.parse("60")),),
            ),
        )
    return family


def _list_view(qtbot, session, tasks, size=(1100, 500)) -> PatientListView:
    widget = PatientListView(session, tasks)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    assert tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: not widget.is_search_pending(), timeout=5000)
    return widget


def test_the_list_fetches_pages_as_the_view_scrolls(qtbot, clinical_practitioner, gui_tasks):
    session = clinical_practitioner
    _bulk_patients(session, 420)
    ids = session.patients.search_ids("").ids
    assert len(ids) == 420
    # Two files with a family: one at the top, one far down the list.
    first_row, far_row = 3, 371
    for row, affected in ((first_row, 1), (far_row, 2)):
        (summary,) = session.patients.page([ids[row]]).rows
        session.forms.save(summary.id, "family", _family_of(summary, affected), expected_version=0)

    view = _list_view(qtbot, session, gui_tasks)
    model = view.model
    page = PatientListModel.PAGE_SIZE
    loaded: list[tuple[int, int]] = []
    model.sig_rows_loaded.connect(lambda first, last: loaded.append((first, last)))
    # Every id at once, the rows of the first page with them; the count is not capped.
    assert model.rowCount() == 420 and model.ids() == ids
    assert view.count_label.text() == "420 dossiers"
    assert model.held_pages() == (0,)
    assert view.key_fact_columns_shown()
    assert model.index(first_row, PatientListModel.COL_AFFECTED).data() == "1 / 2"
    assert not model.is_row_loaded(far_row)

    # Scrolling to the bottom fetches the pages in view there, not those passed by,
    # once the scrolling pauses (the pause never becomes the scroll position).
    view.table.scrollToBottom()
    assert view._visible_timer.interval() == VISIBLE_ROWS_DELAY_MS
    qtbot.waitUntil(lambda: model.is_row_loaded(419), timeout=10000)
    assert gui_tasks.wait_idle(10000)
    held = set(model.held_pages())
    assert {0, 419 // page} <= held and len(held) <= 3
    assert not model.is_row_loaded(4 * page)  # the middle was never asked
    assert model.index(419, 0).data() == model.row_at(419).birth_name
    assert model.row_at(419).id == ids[-1]
    assert model.index(far_row, PatientListModel.COL_AFFECTED).data() == "2 / 2"
    assert loaded and all(first % page == 0 for first, _last in loaded)

    # Back to the middle: that page comes, and a double click opens its file.
    view.table.scrollTo(model.index(4 * page + 10, 0))
    qtbot.waitUntil(lambda: model.is_row_loaded(4 * page + 10), timeout=10000)
    assert model.row_at(4 * page + 10).id == ids[4 * page + 10]

    # A new search starts again from the ids, older pages dropped.
    rows = _search(qtbot, view, gui_tasks, "zzzz")
    assert rows == [] and model.held_pages() == ()


def test_key_fact_columns_for_a_practitioner_not_for_a_secretary(
    qtbot, gui_db, clinical_practitioner, gui_tasks
):
    from datetime import date

    from oiso_desktop.domain.patients import IdentityFields
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.storage.models import PatientShare
    from oiso_desktop.storage.uow import UnitOfWork

    patient = clinical_practitioner.patients.create(
        IdentityFields(
            birth_name="Lefèvre", first_names="Hélène", birth_date=date(1975, 3, 12), sex="F"
        )
    )
    summary = clinical_practitioner.patients.page([patient.id]).rows[0]
    clinical_practitioner.forms.save(
        patient.id, "family", _family_of(summary, 1), expected_version=0
    )
    practitioner_view = _list_view(qtbot, clinical_practitioner, gui_tasks)
    assert practitioner_view.key_fact_columns_shown()
    assert practitioner_view.model.index(0, PatientListModel.COL_AFFECTED).data() == "1 / 2"
    header = practitioner_view.table.horizontalHeader()
    assert not header.isSectionHidden(PatientListModel.COL_VARIANT)

    gui_db.add_user(
        "secretaire",
        Role.SECRETARY,
        first_name="Sophie",
        last_name="Leroy",
        assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
    )
    secretary_view = _list_view(qtbot, gui_db.login("secretaire"), gui_tasks)
    assert secretary_view.model.rowCount() == 1
    assert secretary_view.model.index(0, PatientListModel.COL_BIRTH_NAME).data() == "LEFÈVRE"
    assert not secretary_view.key_fact_columns_shown()
    for column in PatientListModel.KEY_FACT_COLUMNS:
        assert secretary_view.table.isColumnHidden(column)
        assert secretary_view.model.index(0, column).data() == ""  # nothing to show anyway

    # A counsellor awaiting approval: the file is shared with her, the facts are not.
    gui_db.add_user(
        "conseil", Role.GENETIC_COUNSELLOR, first_name="Léa", last_name="Petit", adeli="751234567"
    )
    with UnitOfWork(clinical_practitioner.ctx.database.session_factory) as uow:
        uow.session.add(
            PatientShare(
                patient_id=patient.id,
                user_id=gui_db.user_ids["conseil"],
                access="read",
                granted_by_id=gui_db.user_ids["cdubois"],
            )
        )
        uow.commit()
    counsellor_view = _list_view(qtbot, gui_db.login("conseil"), gui_tasks)
    assert counsellor_view.model.rowCount() == 1
    assert not counsellor_view.key_fact_columns_shown()


@pytest.mark.parametrize("size", [(1180, 760), (1366, 740)])
@pytest.mark.parametrize("clinical", [True, False])
def test_the_list_fits_without_horizontal_scrolling(
    qtbot, gui_db, clinical_practitioner, gui_tasks, size, clinical
):
    """The default window (1180 px) and a 1366x768 laptop screen, maximized: no
    horizontal scrolling, every header read in full (wrapped between words if need
    be), every date, sex, NIR, INS status and key fact whole."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from oiso_desktop.domain.roles import Role
    from oiso_desktop.gui.main_window import MainWindow

    _bulk_patients(clinical_practitioner, 60, seed=3)
    session = clinical_practitioner
    if not clinical:
        gui_db.add_user(
            "secretaire",
            Role.SECRETARY,
            first_name="Sophie",
            last_name="Leroy",
            assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
        )
        session = gui_db.login("secretaire")
    window = MainWindow(session, gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert window.show_page("patients")
    view = window.findChild(PatientListView)
    assert gui_tasks.wait_idle(10000)
    qtbot.waitUntil(lambda: not view.is_search_pending(), timeout=5000)
    QApplication.processEvents()
    table, header = view.table, view.table.horizontalHeader()
    assert view.key_fact_columns_shown() is clinical
    visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert len(visible) == (11 if clinical else 8)
    assert sum(header.sectionSize(c) for c in visible) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0

    bold = view._header_font()
    metrics = QFontMetrics(bold)
    for column in visible:
        label = view.model.headerData(column, Qt.Orientation.Horizontal)
        width = header.sectionSize(column)
        box = metrics.boundingRect(
            QRect(0, 0, width - 14, 1000), int(Qt.TextFlag.TextWordWrap), label
        )
        assert box.width() <= width - 12, label
        assert box.height() + 10 <= header.height(), label
    cell = table.fontMetrics()
    fixed = (
        PatientListModel.COL_BIRTH_DATE,
        PatientListModel.COL_SEX,
        PatientListModel.COL_NIR,
        PatientListModel.COL_INS_STATUS,
        *(PatientListModel.KEY_FACT_COLUMNS if clinical else ()),
    )
    first, last = view.visible_rows()
    for row in range(first, last + 1):
        for column in fixed:
            text = view.model.index(row, column).data() or ""
            assert cell.horizontalAdvance(text) + 8 <= header.sectionSize(column), (row, text)
    if size[0] >= 1366:  # maximized on a laptop: the names read whole too
        elastic = (
            PatientListModel.COL_BIRTH_NAME,
            PatientListModel.COL_USED_NAME,
            PatientListModel.COL_OWNER,
        )
        for row in range(first, last + 1):
            for column in elastic:
                text = view.model.index(row, column).data() or ""
                assert cell.horizontalAdvance(text) + 8 <= header.sectionSize(column), text
