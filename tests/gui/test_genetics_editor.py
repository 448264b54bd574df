"""The Génétique editor: a test and a BRCA2 class 5 variant typed by keyboard, the carrier
mark on the pedigree, the list's column and filter; bad input at its field; read-only;
the letter to relatives; the translated labels of every code."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from oiso_desktop.domain.family import (
    Family,
    GeneticResult,
    add_parents,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.genetics import (
    CONSENT_SCOPES,
    INFORMATION_CHANNELS,
    RELATIVE_OUTCOMES,
    TEST_KINDS,
    TEST_STATUSES,
    ZYGOSITIES,
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.pedigree_drawing import Disc, Text
from oiso_desktop.gui.family_editor import FamilyEditor
from oiso_desktop.gui.family_table_model import FamilyTableModel
from oiso_desktop.gui.genetics_editor import GeneticsEditor
from oiso_desktop.gui.genetics_labels import (
    CHANNEL_LABELS,
    CLASS_LABELS,
    CONSENT_SCOPE_LABELS,
    LABEL_TABLES,
    LETTER_MODE_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
    TEST_KIND_LABELS,
    ZYGOSITY_LABELS,
    coded_label,
)
from oiso_desktop.reports.relatives_letter_pdf import LETTER_MODES

TODAY = date(2026, 3, 2)
BIRTH = date(1975, 3, 12)


def _family() -> Family:
    """Claire (p1, the proband), her parents p2 and p3, her sister Marie (p4)."""
    family = add_sibling(add_parents(new_family(sex="F", name="Claire"), "p1"), "p1", sex="F")
    return update_person(family, dataclasses.replace(family.person("p4"), name="Marie"))


@pytest.fixture
def editor(qtbot) -> GeneticsEditor:
    widget = GeneticsEditor(today=TODAY)
    qtbot.addWidget(widget)
    widget.set_context(birth_date=BIRTH, family=_family())
    widget.resize(1340, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab(qtbot, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _retype(qtbot, gui_type, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the text of the focused input by ``text``, typed."""
    qtbot.keyClick(_focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(_focused(), Qt.Key.Key_Delete)
    gui_type(_focused(), text)


def _insert(qtbot, editor: GeneticsEditor, section: str) -> None:  # type: ignore[no-untyped-def]
    table = editor.table(section)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)


def _type_brca2_test(qtbot, gui_type, editor: GeneticsEditor) -> None:  # type: ignore[no-untyped-def]
    """A BRCA panel and its BRCA2 class 5 variant, typed as a user would."""
    _insert(qtbot, editor, "tests")
    assert _focused() is editor.kind_combo  # a panel, the default kind
    _tab(qtbot)
    assert _focused() is editor.test_date_edit
    _retype(qtbot, gui_type, "12/03/2024")
    _tab(qtbot)
    gui_type(_focused(), "Laboratoire Kerdoc")
    _tab(qtbot)
    gui_type(_focused(), "Cancer du sein à 42 ans")
    _tab(qtbot)
    assert _focused() is editor.status_combo
    gui_type(_focused(), "R")  # "Résultat reçu"
    _tab(qtbot)
    assert _focused() is editor.genes_edit
    gui_type(_focused(), "brca1, BRCA2 palb2")

    _insert(qtbot, editor, "variants")
    assert _focused() is editor.gene_combo
    gui_type(_focused(), "BRCA2")
    _tab(qtbot)
    assert _focused() is editor.hgvs_c_edit
    gui_type(_focused(), "c.5946del")
    _tab(qtbot)
    gui_type(_focused(), "p.(Ser1982Argfs*22)")
    _tab(qtbot)
    assert _focused() is editor.class_combo
    gui_type(_focused(), "5")


def test_a_brca2_class_5_variant_typed_by_keyboard_marks_the_carrier_on_the_pedigree(
    qtbot, gui_type, editor: GeneticsEditor
) -> None:
    changes: list[None] = []
    editor.sig_changed.connect(lambda: changes.append(None))
    _type_brca2_test(qtbot, gui_type, editor)

    assert editor.problems() == []
    content = editor.content()
    assert content.tests == (
        GeneticTest(
            id="t1",
            kind="panel",
            date=date(2024, 3, 12),
            laboratory="Laboratoire Kerdoc",
            indication="Cancer du sein à 42 ans",
            genes=("BRCA1", "BRCA2", "PALB2"),
            status="result_received",
        ),
    )
    assert content.variants == (
        Variant(
            gene="BRCA2",
            hgvs_c="c.5946del",
            hgvs_p="p.(Ser1982Argfs*22)",
            acmg_class=5,
            test_id="t1",  # found by the test with a result
        ),
    )
    assert changes
    assert editor.result_badge.isVisible() and editor.result_badge.text() == "Résultat positif"
    model = editor.variant_model
    assert [model.index(0, c).data() for c in range(4)] == [
        "BRCA2",
        "c.5946del",
        "p.(Ser1982Argfs*22)",
        "5 — pathogène",
    ]

    # The family editor shows the carrier mark, its content unchanged.
    family_editor = FamilyEditor(today=TODAY)
    qtbot.addWidget(family_editor)
    family_editor.set_content(_family())
    family_editor.set_genetics_results(editor.pedigree_results())
    item = family_editor.pedigree_view.pedigree_scene.person_items()["p1"]
    assert any(isinstance(op, Disc) for op in item.ops)
    assert "BRCA2 +" in [op.text for op in item.ops if isinstance(op, Text)]
    assert family_editor.content() == _family()
    row = family_editor.model.row_of_person("p1")
    results = family_editor.model.index(row, FamilyTableModel.COL_RESULTS).data()
    assert "BRCA2" in results
    # the same through the proband's results only
    family_editor.set_genetics_results({})
    assert not any(
        isinstance(op, Disc)
        for op in family_editor.pedigree_view.pedigree_scene.person_items()["p1"].ops
    )
    family_editor.set_proband_results(
        [GeneticResult(gene="BRCA2", result="P", variant="c.5946del")]
    )
    item = family_editor.pedigree_view.pedigree_scene.person_items()["p1"]
    assert any(isinstance(op, Disc) for op in item.ops)


def test_a_class_3_variant_is_never_a_carrier(qtbot, gui_type, editor: GeneticsEditor) -> None:
    _type_brca2_test(qtbot, gui_type, editor)
    for _ in range(2):  # from "5 — pathogène", two up
        qtbot.keyClick(editor.class_combo, Qt.Key.Key_Up)
    assert editor.content().variants[0].acmg_class == 3
    assert editor.result_badge.text() == "Résultat non positif"
    family_editor = FamilyEditor(today=TODAY)
    qtbot.addWidget(family_editor)
    family_editor.set_content(_family())
    family_editor.set_genetics_results(editor.pedigree_results())
    item = family_editor.pedigree_view.pedigree_scene.person_items()["p1"]
    assert not any(isinstance(op, Disc) for op in item.ops)
    assert "BRCA2 VSI" in [op.text for op in item.ops if isinstance(op, Text)]


# --- bad input at the field ------------------------------------------------------------


def test_malformed_hgvs_and_missing_class_are_said_at_the_field(
    qtbot, gui_type, editor: GeneticsEditor
) -> None:
    _insert(qtbot, editor, "variants")
    gui_type(_focused(), "BRCA2")
    _tab(qtbot)
    gui_type(_focused(), "c.5946delX")
    assert editor.field_message("variants[0].hgvs_c") == (
        "« c.5946delX » n'est pas une description HGVS c. valide (lecture impossible au "
        "caractère 10). Exemples : c.5946del, c.68-2A>G, c.1234_1235insT."
    )
    assert editor.hgvs_c_edit.property("invalid") is True
    assert editor.field_message("variants[0].acmg_class") == (
        "Choisissez la classe ACMG du variant, de 1 (bénin) à 5 (pathogène)."
    )
    # The message follows the typing: corrected, it goes.
    qtbot.keyClick(editor.hgvs_c_edit, Qt.Key.Key_Backspace)
    assert editor.field_message("variants[0].hgvs_c") == ""
    _tab(qtbot)
    gui_type(_focused(), "p.Ser1982")
    assert "HGVS p." in editor.field_message("variants[0].hgvs_p")
    assert "caractère 10" in editor.field_message("variants[0].hgvs_p")
    assert [p.code for p in editor.problems()] == ["genetics_hgvs_p", "genetics_class_required"]
    texts = editor.problem_texts()
    assert texts[1] == "Choisissez la classe ACMG du variant, de 1 (bénin) à 5 (pathogène)."
    line = editor.problem_list.item(0).text()
    assert line.startswith("Variant 1 (BRCA2) — HGVS p. : ")


def test_a_gene_outside_the_list_is_a_warning_only(qtbot, gui_type, editor: GeneticsEditor) -> None:
    _insert(qtbot, editor, "variants")
    gui_type(_focused(), "FANCM")
    assert editor.field_message("variants[0].gene") == (
        "FANCM ne fait pas partie de la liste des gènes de prédisposition : vérifiez le symbole."
    )
    assert editor.gene_combo.property("invalid") is not True
    assert [n.code for n in editor.notices()] == ["genetics_gene_unlisted"]
    editor.gene_combo.setEditText("")
    gui_type(editor.gene_combo, "brca 2")
    assert editor.field_message("variants[0].gene").startswith("« brca 2 » n'est pas un symbole")


def test_a_predictive_test_without_its_familial_variant_nor_relative(
    qtbot, gui_type, editor: GeneticsEditor
) -> None:
    _insert(qtbot, editor, "tests")
    index = editor.kind_combo.findData("predictive")
    editor.kind_combo.setCurrentIndex(index)
    assert editor.familial_variant_edit.isVisibleTo(editor)
    assert editor.relative_combo.isVisibleTo(editor)
    assert not editor.genes_edit.isVisibleTo(editor)
    assert editor.field_message("tests[0].familial_gene").startswith(
        "Une recherche ciblée ou un test présymptomatique porte sur le variant familial"
    )
    assert editor.field_message("tests[0].relative_id") == (
        "Un test présymptomatique concerne un apparenté : choisissez-le."
    )
    # the relatives offered: the family's, the proband excepted
    assert [editor.relative_combo.itemText(i) for i in range(editor.relative_combo.count())] == [
        "— choisir —",
        "père (p2)",
        "mère (p3)",
        "Marie (p4)",
    ]
    editor.relative_combo.setCurrentIndex(3)
    editor.familial_gene_combo.setFocus()
    gui_type(_focused(), "BRCA2")
    _tab(qtbot)
    assert _focused() is editor.familial_variant_edit
    gui_type(_focused(), "c.5946del")
    assert editor.problems() == []
    test = editor.content().tests[0]
    assert (test.kind, test.relative_id, test.familial_gene, test.familial_variant) == (
        "predictive",
        "p4",
        "BRCA2",
        "c.5946del",
    )
    # the relative's result only once the result is received
    assert not editor.outcome_combo.isEnabled()
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("result_received"))
    assert editor.outcome_combo.isEnabled()
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData("carrier"))
    results = editor.pedigree_results()
    assert [(r.gene, r.result) for r in results["p4"]] == [("BRCA2", "P")]


def test_dates_before_birth_in_the_future_or_unreadable(
    qtbot, gui_type, editor: GeneticsEditor
) -> None:
    _insert(qtbot, editor, "tests")
    editor.test_date_edit.setFocus()
    _retype(qtbot, gui_type, "11/03/1975")
    assert editor.field_message("tests[0].date") == (
        "La date du 11/03/1975 précède la naissance de la patiente ou du patient (12/03/1975)."
    )
    _retype(qtbot, gui_type, "03/03/2026")
    assert editor.field_message("tests[0].date") == "La date du 03/03/2026 est dans le futur."
    _retype(qtbot, gui_type, "31/02/2024")
    assert editor.field_message("tests[0].date") == (
        "« 31/02/2024 » n'est pas une date valide : saisissez-la sous la forme JJ/MM/AAAA."
    )
    assert editor.content().tests[0].date is None  # what does not read stays out
    _retype(qtbot, gui_type, "")
    assert editor.field_message("tests[0].date") == "Saisissez la date (JJ/MM/AAAA)."


def test_the_problems_of_a_refused_save_are_shown_and_lead_to_the_field(
    qtbot, editor: GeneticsEditor
) -> None:
    from oiso_desktop.domain.errors import ValidationError

    editor.set_content(Genetics(variants=(Variant(gene="BRCA2", hgvs_c="c.1A>G", acmg_class=4),)))
    problem = ValidationError(
        "L'apparenté « p9 » ne figure pas dans la famille (onglet Famille).",
        code="genetics_relative_unknown",
        field="variants[0].hgvs_c",
        person_id="p9",
    )
    editor.show_problems([problem])
    assert editor.current_item() == ("variants", 0)
    assert editor.field_message("variants[0].hgvs_c") == (
        "L'apparenté « p9 » ne figure pas dans la famille (onglet Famille)."
    )
    assert QApplication.focusWidget() is editor.hgvs_c_edit


def test_consent_and_information_of_relatives(qtbot, gui_type, editor: GeneticsEditor) -> None:
    _insert(qtbot, editor, "consents")
    assert _focused() is editor.consent_date_edit
    assert editor.scope_checks["diagnostic"].isChecked()
    editor.scope_checks["diagnostic"].setChecked(False)
    assert editor.field_message("consents[0].scopes") == "Cochez ce que couvre le consentement."
    editor.scope_checks["sample_storage"].setChecked(True)
    assert editor.content().consents == (Consent(date=TODAY, scopes=("sample_storage",)),)

    _insert(qtbot, editor, "relative_information")
    assert editor.field_message("relative_information[0].relative_ids") == (
        "Cochez les apparentés informés."
    )
    items = [editor.relatives_list.item(i) for i in range(editor.relatives_list.count())]
    assert [item.text() for item in items] == ["père (p2)", "mère (p3)", "Marie (p4)"]
    items[2].setCheckState(Qt.CheckState.Checked)
    assert editor.content().relative_information == (
        RelativeInformation(relative_ids=("p4",), date=TODAY),
    )
    asked: list[object] = []
    editor.sig_letter_requested.connect(asked.append)
    qtbot.mouseClick(editor.letter_button, Qt.MouseButton.LeftButton)
    assert asked == [("p4",)]
    editor.record_letter(("p2", "p3"), TODAY, "by_practitioner", "Lettre du 02/03/2026")
    assert editor.content().relative_information[-1] == RelativeInformation(
        relative_ids=("p2", "p3"),
        date=TODAY,
        channel="letter_by_practitioner",
        letter="Lettre du 02/03/2026",
    )
    assert editor.current_item() == ("relative_information", 1)


def test_a_document_id_and_unknown_codes_are_kept(qtbot, editor: GeneticsEditor) -> None:
    kept = Genetics(
        tests=(GeneticTest(id="t1", kind="wgs", date=date(2024, 1, 1), status="sent"),),
        variants=(Variant(gene="BRCA2", hgvs_c="c.1A>G", acmg_class=5, zygosity="triploid"),),
        consents=(Consent(date=date(2024, 1, 1), document_id=42),),
        relative_information=(
            RelativeInformation(relative_ids=("p4",), date=date(2024, 2, 1), document_id=7),
        ),
    )
    editor.set_content(kept)
    assert editor.content() == kept
    assert {p.field for p in editor.problems()} == {"tests[0].kind", "variants[0].zygosity"}
    for section, index in (("consents", 0), ("relative_information", 0), ("variants", 0)):
        editor._select(section, index)
    editor.zygosity_combo.setCurrentIndex(editor.zygosity_combo.findData("heterozygous"))
    assert editor.content().consents[0].document_id == 42
    assert editor.content().relative_information[0].document_id == 7


def test_removing_a_test_unlinks_its_variants(qtbot, gui_type, editor: GeneticsEditor) -> None:
    _type_brca2_test(qtbot, gui_type, editor)
    editor.table("tests").selectRow(0)
    editor.table("tests").setFocus()
    qtbot.keyClick(editor.table("tests"), Qt.Key.Key_Delete)
    box = editor.last_confirmation
    assert box is not None and "sans leur analyse" in box.informativeText()
    next(b for b in box.buttons() if b.objectName() == "confirm_button").click()
    assert editor.content().tests == ()
    assert editor.content().variants[0].test_id == ""


def test_read_only_shows_without_editing(qtbot, editor: GeneticsEditor) -> None:
    genetics = Genetics(variants=(Variant(gene="BRCA2", hgvs_c="c.1A>G", acmg_class=5),))
    editor.set_content(genetics)
    editor.set_read_only(True)
    assert not editor.add_button("variants").isVisible()
    assert editor.hgvs_c_edit.isReadOnly() and not editor.class_combo.isEnabled()
    qtbot.keyClick(editor.table("variants"), Qt.Key.Key_Insert)
    editor.record_letter(("p4",), TODAY, "by_patient", "x")
    assert editor.content() == genetics
    assert editor.letter_button.isVisible()  # the saved file's letter is still possible


# --- labels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (CLASS_LABELS, {1, 2, 3, 4, 5}),
        (TEST_KIND_LABELS, set(TEST_KINDS)),
        (STATUS_LABELS, set(TEST_STATUSES)),
        (OUTCOME_LABELS, set(RELATIVE_OUTCOMES)),
        (ZYGOSITY_LABELS, set(ZYGOSITIES)),
        (CONSENT_SCOPE_LABELS, set(CONSENT_SCOPES)),
        (CHANNEL_LABELS, set(INFORMATION_CHANNELS)),
        (LETTER_MODE_LABELS, set(LETTER_MODES)),
    ],
)
def test_every_code_has_a_translated_label(table, codes) -> None:  # type: ignore[no-untyped-def]
    assert set(table) == codes
    for code in table:  # French, not the English source
        assert coded_label(table, code) != table[code], (code, table[code])
    assert table in LABEL_TABLES.values()


def test_the_french_class_labels() -> None:
    assert [coded_label(CLASS_LABELS, n) for n in range(1, 6)] == [
        "1 — bénin",
        "2 — probablement bénin",
        "3 — de signification incertaine",
        "4 — probablement pathogène",
        "5 — pathogène",
    ]


# --- the picture -------------------------------------------------------------------------


def test_the_editor_renders_at_laptop_size(qtbot, editor: GeneticsEditor, tmp_path: Path) -> None:
    from tests.domain.test_domain_genetics import RICH

    editor.set_content(RICH)
    editor.resize(1340, 540)
    for section, index in (("variants", 0), ("tests", 1), ("relative_information", 0)):
        editor._select(section, index)
        editor._refresh()
        QApplication.processEvents()
        image = editor.grab().toImage()
        path = tmp_path / f"genetics-{section}.png"
        assert image.save(str(path))
        assert QImage(str(path)).width() == 1340
    # nothing cut: every input of the variant page is inside the editor
    editor._select("variants", 0)
    QApplication.processEvents()
    for widget in (editor.gene_combo, editor.hgvs_c_edit, editor.class_combo, editor.result_badge):
        corner = widget.mapTo(editor, widget.rect().bottomRight())
        assert corner.x() <= editor.width() and corner.y() <= editor.height()


# --- the letter dialog ---------------------------------------------------------------------


@pytest.fixture
def clinical_session(gui_db, gui_practitioner, created_db):  # type: ignore[no-untyped-def]
    gui_practitioner.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], created_db.recovery_code
    )
    return gui_practitioner


def test_the_letter_is_saved_where_chosen_and_recorded(
    qtbot, clinical_session, gui_tasks, editor: GeneticsEditor, tmp_path: Path
) -> None:
    from oiso_desktop.gui.relatives_letter_dialog import open_relatives_letter
    from oiso_desktop.services.dto import PatientInput

    session = clinical_session
    patient = session.patients.create(
        PatientInput(birth_name="Lefèvre", first_names="Claire", birth_date=BIRTH, sex="F")
    )
    family = session.forms.get(patient.id, "family").content
    family = add_sibling(add_parents(family, "p1"), "p1", sex="F")
    family = update_person(family, dataclasses.replace(family.person("p4"), name="Marie"))
    session.forms.save(patient.id, "family", family, expected_version=0)
    editor.set_context(birth_date=BIRTH, family=family)

    dialog = open_relatives_letter(editor, session, gui_tasks, patient.id, ("p4",), unsaved=True)
    qtbot.addWidget(dialog)
    assert dialog.unsaved_label.isVisible()
    assert dialog.chosen() == ("p4",)
    failures: list[str] = []
    dialog.sig_failed.connect(failures.append)
    target = tmp_path / "lettres.pdf"
    dialog.create_letters(target)  # nothing positive saved yet: refused, said in French
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0].startswith("Aucun variant pathogène (classe 4 ou 5)")
    assert not target.exists()

    genetics = Genetics(variants=(Variant(gene="BRCA2", hgvs_c="c.5946del", acmg_class=5),))
    session.forms.save(patient.id, "genetics", genetics, expected_version=0)
    before = set(tmp_path.iterdir())
    with qtbot.waitSignal(dialog.sig_letter_saved, timeout=10000):
        dialog.create_letters(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert set(tmp_path.iterdir()) - before == {target}  # no other file
    recorded = editor.content().relative_information[-1]
    assert recorded.relative_ids == ("p4",) and recorded.channel == "letter_by_patient"
    assert recorded.letter.startswith("Lettre d'information de la parentèle du ")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, check=True
        ).stdout.decode()
        assert "Marie" in text and "BRCA2" in text and "LEFÈVRE" not in text


# --- end to end: typed, saved, on the pedigree, in the list and its filter -----------------


def test_brca2_class_5_typed_shows_on_the_pedigree_the_list_column_and_the_filter(
    qtbot, gui_type, clinical_session, gui_tasks, editor: GeneticsEditor
) -> None:
    from oiso_desktop.gui.patient_list_view import PatientListView
    from oiso_desktop.gui.patient_table_model import PatientListModel
    from oiso_desktop.services.dto import PatientInput

    session = clinical_session
    carrier = session.patients.create(
        PatientInput(birth_name="Abel", first_names="Claire", birth_date=BIRTH, sex="F")
    )
    other = session.patients.create(
        PatientInput(birth_name="Bravo", first_names="Anne", birth_date=date(1980, 5, 6), sex="F")
    )
    session.forms.save(
        other.id,
        "genetics",
        Genetics(variants=(Variant(gene="BRCA2", hgvs_c="c.7007G>A", acmg_class=3),)),
        expected_version=0,
    )
    # typed in the editor, saved as the file window saves it
    family = session.forms.get(carrier.id, "family").content
    editor.set_context(birth_date=BIRTH, family=family)
    _type_brca2_test(qtbot, gui_type, editor)
    saved = session.forms.save(carrier.id, "genetics", editor.content(), expected_version=0)
    assert saved.content == editor.content()

    # the pedigree: the carrier mark on the proband
    family_editor = FamilyEditor(today=TODAY)
    qtbot.addWidget(family_editor)
    family_editor.set_content(family)
    family_editor.set_genetics_results(editor.pedigree_results())
    proband = family_editor.pedigree_view.pedigree_scene.person_items()["p1"]
    assert any(isinstance(op, Disc) for op in proband.ops)

    # the list: the gene and class column, then the filters
    view = PatientListView(session, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitUntil(lambda: not view.is_search_pending() and view.model.rowCount() == 2)
    assert view.genetics_filter.isVisible()
    model = view.model
    column = PatientListModel.COL_GENETICS
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Gène (classe)"
    cells = {model.id_at(row): model.index(row, column).data() for row in range(2)}
    assert cells == {carrier.id: "BRCA2 (5)", other.id: "BRCA2 (3)"}
    carrier_row = model.row_of(carrier.id)
    assert model.index(carrier_row, column).data(Qt.ItemDataRole.ToolTipRole) == (
        "BRCA2 : 5 — pathogène"
    )

    def shown() -> set[int]:
        qtbot.waitUntil(lambda: not view.is_search_pending(), timeout=5000)
        return {model.id_at(row) for row in range(model.rowCount())}

    view.gene_filter_combo.setFocus()
    gui_type(_focused(), "BRCA2")
    assert shown() == {carrier.id, other.id}
    view.class_filter_combo.setFocus()
    gui_type(_focused(), "P")  # "Positifs (classe 4 ou 5)"
    assert view.genetics_filter_values() == ("BRCA2", (4, 5))
    assert shown() == {carrier.id}  # the class 3 variant is not a positive result
    combo = view.class_filter_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == (3,)))
    assert shown() == {other.id}
    view.gene_filter_combo.setEditText("BRCA1")
    assert shown() == set()
    assert view.count_label.text() == "Aucun dossier patient trouvé"
