"""The protocol screen: versions, genes, "(à confirmer)" marks and source notes; the
editor refusing an end age below the start age in French and saving nothing; a new
version and a custom protocol saved by a practitioner; the structure's France/ESGE
choice; read-only for a counsellor; the main window's menu entry."""

from __future__ import annotations

import pytest

from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.protocols_view import ProtocolItemTableModel, ProtocolsView
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import UserInput


@pytest.fixture
def practitioner(gui_db) -> UserSession:
    """Claire Dubois, practitioner of the database's structure."""
    admin = gui_db.login(gui_db.admin_login)
    (structure,) = admin.users.list_structures()
    user = admin.users.get_user(gui_db.user_ids["cdubois"])
    admin.users.update_user(
        user.id,
        UserInput(
            login=user.login,
            first_name=user.first_name,
            last_name=user.last_name,
            role=Role.PRACTITIONER,
            rpps=user.rpps,
            structure_id=structure.id,
        ),
        expected_version=user.version,
    )
    admin.logout()
    return gui_db.login("cdubois")


def _view(qtbot, session, tasks) -> ProtocolsView:
    view = ProtocolsView(session, tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        view.show()
        view.refresh()
    return view


def _cells(view: ProtocolsView) -> list[list[str]]:
    model = view.items_model
    return [
        [model.index(row, col).data() for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_protocols_with_their_marks_and_the_editor_refusing_bad_ages(
    qtbot, gui_tasks, practitioner
) -> None:
    view = _view(qtbot, practitioner, gui_tasks)
    keys = {(p.key, p.variant) for p in view.protocols}
    assert ("brca1", "") in keys and ("lynch_mlh1_msh2_epcam", "esge") in keys
    view.select("brca1")
    assert view.title_label.text() == "BRCA1 — femmes"
    assert "Gènes : BRCA1 — Version 1" in view.facts_label.text()
    rows = _cells(view)
    rrso = next(r for r in rows if r[0].startswith("Discussion d'annexectomie"))
    assert rrso[0].endswith("(à confirmer)") and rrso[1] == "Femmes"
    assert rrso[2] == "à partir de 40 ans" and rrso[3] == "une fois"
    assert "(à confirmer)" in rrso[ProtocolItemTableModel.COL_REMARKS]
    assert "INCa" in view.source_label.text()
    view.select("lynch_mlh1_msh2_epcam", "esge")
    assert "Variante : ESGE — non appliqué par votre établissement" in view.facts_label.text()

    # a new version with an end age below the start age: refused at its field
    view.select("brca1")
    editor = view.open_new_version()
    assert editor is not None
    mri_row = next(i for i, item in enumerate(editor.items) if item.exam is ExamKind.BREAST_MRI)
    editor.item_list.setCurrentRow(mri_row)
    editor.end_spin.setValue(25)
    editor.reason_edit.setPlainText("Relecture des recommandations")
    editor.submit()
    assert (
        editor.field_message("end_age")
        == "L'âge de fin (25 ans) doit être supérieur à l'âge de début (30 ans)."
    )
    assert gui_tasks.wait_idle(5000)
    assert editor.isVisible()
    assert practitioner.followup.protocol("brca1").version == 1  # nothing saved
    # the reason is required too
    editor.end_spin.setValue(70)
    editor.reason_edit.setPlainText("")
    editor.submit()
    assert editor.field_message("reason") == "Indiquez le motif de cette version."
    editor.reason_edit.setPlainText("IRM jusqu'à 70 ans (avis RCP)")
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        editor.submit()
    saved = practitioner.followup.protocol("brca1")
    assert saved.version == 2 and saved.reason == "IRM jusqu'à 70 ans (avis RCP)"
    assert saved.protocol.item("breast_mri").end_age == 70
    assert "Version 2" in view.facts_label.text()
    assert "Claire Dubois" in view.facts_label.text()
    view.close()


def test_a_custom_protocol_and_the_structures_choice(qtbot, gui_tasks, practitioner) -> None:
    view = _view(qtbot, practitioner, gui_tasks)
    editor = view.open_new_protocol()
    assert editor is not None
    editor.name_edit.setText("TP53 — Li-Fraumeni")
    editor.genes_edit.setText("tp53")
    editor._suggest_key("tp53")  # what typing the genes does
    assert editor.key_edit.text() == "tp53"
    editor.exam_combo.setCurrentIndex(editor.exam_combo.findData("whole_body_mri"))
    editor.start_spin.setValue(18)
    editor.interval_spin.setValue(12)
    editor.reason_edit.setPlainText("Pas de protocole par défaut pour TP53")
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        editor.submit()
    custom = practitioner.followup.protocol("tp53")
    assert custom.protocol.custom and custom.protocol.genes == ("TP53",)
    (item,) = custom.protocol.items
    assert (item.exam, item.start_age, item.interval_months) == (ExamKind.WHOLE_BODY_MRI, 18, 12)

    # the structure's choice: ESGE for Lynch
    combo = view.choice_combos["lynch"]
    combo.setCurrentIndex(combo.findData("esge"))
    assert view.choice_button.isEnabled()
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        view.save_choice()
    assert practitioner.followup.choice()[0].lynch == "esge"
    view.select("lynch_mlh1_msh2_epcam", "esge")
    assert "appliqué par votre établissement" in view.facts_label.text()
    assert "non appliqué" not in view.facts_label.text()
    view.close()


def test_the_editor_sets_a_special_schedule_and_the_surgeries_that_stop_an_exam(
    qtbot, gui_tasks, practitioner, tmp_path
) -> None:
    view = _view(qtbot, practitioner, gui_tasks)
    view.select("brca1")
    editor = view.open_new_version()
    assert editor is not None
    mri_row = next(i for i, item in enumerate(editor.items) if item.exam is ExamKind.BREAST_MRI)
    editor.item_list.setCurrentRow(mri_row)
    assert editor.stopped_by_checks["mastectomy"].isChecked()  # as the seed says
    editor.fixed_ages_edit.setText("30, 32 ans")
    editor.fixed_ages_edit.textEdited.emit("30, 32 ans")
    assert editor.field_message("fixed_ages").startswith("Écrivez les âges séparés par des")
    editor.fixed_ages_edit.setText("30; 32,5")
    editor.fixed_ages_edit.textEdited.emit("30; 32,5")
    assert editor.field_message("fixed_ages") == ""
    editor.stopped_by_checks["mastectomy"].setChecked(False)
    editor.stopped_by_checks["colectomy"].setChecked(True)
    editor.reason_edit.setPlainText("Calendrier particulier (essai)")
    editor.grab().save(str(tmp_path / "protocol-editor.png"))
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        editor.submit()
    item = practitioner.followup.protocol("brca1").protocol.item("breast_mri")
    assert item.fixed_ages == (30.0, 32.5) and item.stopped_by == frozenset({"colectomy"})
    rows = _cells(view)
    mri = next(r for r in rows if r[0].startswith("IRM mammaire"))
    assert "à 30, 32,5 ans" in mri[3] and "Colectomie" in mri[ProtocolItemTableModel.COL_REMARKS]
    view.close()


def test_read_only_for_a_counsellor_and_the_menu_entry(qtbot, gui_db, gui_tasks) -> None:
    gui_db.add_user(
        "cpetit", Role.GENETIC_COUNSELLOR, first_name="Chloé", last_name="Petit", adeli="751234567"
    )
    counsellor = gui_db.login("cpetit")
    view = _view(qtbot, counsellor, gui_tasks)
    assert view.protocols
    assert not view.new_version_button.isVisible() and not view.new_protocol_button.isVisible()
    assert not view.choice_button.isVisible()
    assert view.open_new_version() is None
    assert view.read_only_label.text() == "Lecture seule : un praticien modifie les protocoles."
    view.close()

    from oiso_desktop.gui.main_window import MainWindow

    main = MainWindow(counsellor, gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(main)
    main.show()
    assert main.protocols_action is not None
    assert main.protocols_action.text() == "&Protocoles de surveillance…"
    with qtbot.waitSignal(main.show_protocols().sig_loaded, timeout=15000):
        pass
    assert main.show_protocols() is main.protocols_view  # one window
    assert gui_tasks.wait_idle(10000)
    main.close()
