"""The Famille tab's editor: keyboard entry, table and pedigree together, problems at
their field, CanRisk files in and out, read-only mode, links to patient files.

Real widgets offscreen (pytest-qt); the window is made active so that the editor's
shortcuts work as for a user. No database: the editor never calls a service.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from oiso_desktop.domain import family as domain_family
from oiso_desktop.domain.canrisk import parse_canrisk, to_canrisk
from oiso_desktop.domain.clinical_forms import family_from_dict, family_to_dict
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Family,
    Zygosity,
    add_parents,
    add_partner,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.sample_families import brca1_family, large_family
from oiso_desktop.gui import family_labels
from oiso_desktop.gui.family_dialogs import ChoiceDialog, ProblemListDialog
from oiso_desktop.gui.family_editor import FamilyEditor
from oiso_desktop.gui.family_table_model import FamilyTableModel
from oiso_desktop.gui.i18n import install_translations
from oiso_desktop.gui.pedigree_scene import PersonItem

TODAY = date(2025, 6, 1)
DATA = Path(__file__).resolve().parents[1] / "data" / "canrisk"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot) -> FamilyEditor:
    widget = FamilyEditor(today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1340, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focused(), key, modifiers)


def _scene_people(editor: FamilyEditor) -> int:
    scene = editor.pedigree_view.pedigree_scene
    return sum(1 for item in scene.items() if isinstance(item, PersonItem))


def _relationships(editor: FamilyEditor) -> dict[str, str]:
    model = editor.model
    return {
        model.person_id_at(row): model.index(row, FamilyTableModel.COL_RELATIONSHIP).data()
        for row in range(model.rowCount())
    }


def _cell(editor: FamilyEditor, person_id: str, column: int) -> str:
    return editor.model.index(editor.model.row_of_person(person_id), column).data()


def _change(family: Family, person_id: str, **changes: object) -> Family:
    return update_person(family, dataclasses.replace(family.person(person_id), **changes))


# ------------------------------------------------------------------ labels
def test_every_domain_code_has_a_translated_gui_label() -> None:
    labels = family_labels
    pairs = [
        (labels.SEX_LABELS, domain_family.SEXES),
        (labels.SEX_SHORT_LABELS, domain_family.SEXES),
        (labels.SITE_LABELS, domain_family.CANCER_SITES),
        (labels.LATERALITY_LABELS, domain_family.LATERALITIES),
        (labels.HISTOLOGY_LABELS, domain_family.HISTOLOGIES),
        (labels.RECEPTOR_LABELS, domain_family.RECEPTOR_VALUES),
        (labels.TEST_TYPE_LABELS, domain_family.TEST_TYPES),
        (labels.RESULT_LABELS, domain_family.GENETIC_RESULTS),
        (labels.ADOPTION_LABELS, {a.value: a for a in Adoption}),
        (labels.ZYGOSITY_LABELS, {z.value: z for z in Zygosity}),
        (labels.GRADE_LABELS, {None: "", 1: "", 2: "", 3: ""}),
    ]
    for gui, domain in pairs:
        assert set(gui) == set(domain)
        for code in domain:
            assert labels.label(gui, code).strip()
    # French by default, from the catalogue (not the English source).
    assert labels.label(labels.SITE_LABELS, "colorectal") == "Côlon-rectum"
    assert labels.label(labels.RESULT_LABELS, "VUS") == "Variant de signification inconnue"
    assert labels.label(labels.ADOPTION_LABELS, "in").startswith("Adopté(e) dans la famille")


def test_relationships_in_english_when_the_interface_is_english() -> None:
    family = brca1_family()
    mother = family.person("p1").mother_id
    aunt = next(p for p in family.siblings_of(str(mother)) if family.person(p).sex == "F")
    assert family_labels.relationship_label(family, aunt) == "tante maternelle"
    try:
        install_translations("en")
        assert family_labels.relationship_label(family, aunt) == "maternal aunt"
        assert family_labels.relationship_label(family, "p1") == "proband"
        assert family_labels.relationship_label(family, str(mother)) == "mother"
        assert family_labels.label(family_labels.SITE_LABELS, "colorectal") == "Colon and rectum"
    finally:
        install_translations("fr")


# ------------------------------------------------------------------ keyboard entry
def _enter(qtbot, gui_type, name: str, *, sex: str = "", birth_year: str = "", age: str = ""):
    """From the name input: name, Tab, sex (a letter), Tab, birth year, Tab, age."""
    assert _focused().objectName() == "name_edit"
    gui_type(_focused(), name)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused().objectName() == "sex_combo"
    if sex:
        qtbot.keyClicks(_focused(), sex)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused().objectName() == "birth_year_edit"
    if birth_year:
        qtbot.keyClicks(_focused(), birth_year)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused().objectName() == "age_edit"
    if age:
        qtbot.keyClicks(_focused(), age)


def _to_row(qtbot, editor: FamilyEditor, row: int) -> None:
    """Esc back to the table, Ctrl+Home, Down to ``row``, Enter: the name is ready."""
    _press(qtbot, Qt.Key.Key_Escape)
    assert _focused() is editor.table
    _press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(row):
        _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Return)
    assert _focused().objectName() == "name_edit"


def _shortcut(qtbot, editor: FamilyEditor, key: Qt.Key, added: int) -> None:
    before = len(editor.content().people)
    _press(qtbot, key, CTRL_SHIFT)
    assert len(editor.content().people) == before + added
    # The pedigree was redrawn at once, one symbol per person.
    assert _scene_people(editor) == before + added
    assert _focused().objectName() == "name_edit"


def test_a_three_generation_family_of_15_relatives_entered_by_keyboard(
    editor: FamilyEditor, qtbot, gui_type
) -> None:
    changes: list[int] = []
    editor.sig_changed.connect(lambda: changes.append(1))
    editor.set_content(new_family(sex="F"))
    assert changes == []  # loading is not an edit
    assert _scene_people(editor) == 1
    editor.table.setFocus()
    _press(qtbot, Qt.Key.Key_Return)
    _enter(qtbot, gui_type, "Claire", birth_year="1980")
    assert editor.content().person("p1").name == "Claire"  # the model follows the typing
    assert changes

    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # parents of Claire: p2 (selected), p3
    assert editor.selected_person() == "p2"
    _enter(qtbot, gui_type, "Paul", birth_year="1950")
    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # Paul's parents: p4, p5
    _enter(qtbot, gui_type, "Louis", birth_year="1925")
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focused().objectName() == "deceased_check"
    _press(qtbot, Qt.Key.Key_Space)
    assert _focused().objectName() == "death_age_edit"  # ready for the age at death
    qtbot.keyClicks(_focused(), "80")
    _to_row(qtbot, editor, 4)  # p5
    _enter(qtbot, gui_type, "Jeanne", age="inconnu")
    _to_row(qtbot, editor, 2)  # p3
    _enter(qtbot, gui_type, "Marie", age="~70")
    _shortcut(qtbot, editor, Qt.Key.Key_P, 2)  # Marie's parents: p6, p7
    _enter(qtbot, gui_type, "Henri", birth_year="1920")
    _to_row(qtbot, editor, 6)  # p7
    _enter(qtbot, gui_type, "Louise", age="80-89")
    _to_row(qtbot, editor, 2)  # Marie again: her sister
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p8
    _enter(qtbot, gui_type, "Anne", sex="f", age="68")
    _shortcut(qtbot, editor, Qt.Key.Key_E, 2)  # Anne's husband p9 and daughter p10
    assert editor.selected_person() == "p10"
    _enter(qtbot, gui_type, "Emma", sex="f", age="40")
    _to_row(qtbot, editor, 8)  # p9
    _enter(qtbot, gui_type, "Alain")
    _to_row(qtbot, editor, 1)  # Paul: his brother
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p11
    _enter(qtbot, gui_type, "Pierre", sex="m")
    _to_row(qtbot, editor, 0)  # Claire: brother, sister, partner, children
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p12
    _enter(qtbot, gui_type, "Marc", sex="m", age="48")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_S, 1)  # p13
    _enter(qtbot, gui_type, "Sophie", sex="f", birth_year="1983")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_C, 1)  # p14
    _enter(qtbot, gui_type, "Jean", age="47")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_E, 1)  # p15, with Jean
    _enter(qtbot, gui_type, "Léa", sex="f", age="15")
    _to_row(qtbot, editor, 0)
    _shortcut(qtbot, editor, Qt.Key.Key_E, 1)  # p16
    _enter(qtbot, gui_type, "Tom", sex="m", age="12")

    family = editor.content()
    assert len(family.people) == 16  # the proband and 15 relatives
    assert editor.problems() == [] and editor.problem_texts() == []
    assert _scene_people(editor) == 16
    names = {p.id: p.name for p in family.people}
    assert names == {
        "p1": "Claire", "p2": "Paul", "p3": "Marie", "p4": "Louis", "p5": "Jeanne",
        "p6": "Henri", "p7": "Louise", "p8": "Anne", "p9": "Alain", "p10": "Emma",
        "p11": "Pierre", "p12": "Marc", "p13": "Sophie", "p14": "Jean", "p15": "Léa",
        "p16": "Tom",
    }  # fmt: skip
    # Derived, never typed.
    assert _relationships(editor) == {
        "p1": "cas index", "p2": "père", "p3": "mère", "p4": "grand-père paternel",
        "p5": "grand-mère paternelle", "p6": "grand-père maternel",
        "p7": "grand-mère maternelle", "p8": "tante maternelle",
        "p9": "conjoint de la tante maternelle", "p10": "cousine germaine maternelle",
        "p11": "oncle paternel", "p12": "frère", "p13": "sœur", "p14": "conjoint",
        "p15": "fille", "p16": "fils",
    }  # fmt: skip
    # Ages kept as typed; birth years, sexes, death and parents as entered.
    person = family.person
    assert person("p3").age == Age.parse("~70") and person("p3").age.text == "~70"
    assert person("p5").age.text == "inconnu"
    assert person("p7").age.text == "80-89"
    assert person("p4").deceased and person("p4").age_at_death.text == "80"
    assert (person("p1").birth_year, person("p2").birth_year, person("p13").birth_year) == (
        1980,
        1950,
        1983,
    )
    assert {p.id for p in family.people if p.sex == "M"} == {
        "p2", "p4", "p6", "p9", "p11", "p12", "p14", "p16",
    }  # fmt: skip
    assert (person("p1").father_id, person("p1").mother_id) == ("p2", "p3")
    assert (person("p8").father_id, person("p8").mother_id) == ("p6", "p7")
    assert (person("p10").father_id, person("p10").mother_id) == ("p9", "p8")
    assert (person("p11").father_id, person("p11").mother_id) == ("p4", "p5")
    assert (person("p16").father_id, person("p16").mother_id) == ("p14", "p1")
    assert _cell(editor, "p3", FamilyTableModel.COL_BIRTH_AGE) == "~70 ans"
    assert _cell(editor, "p4", FamilyTableModel.COL_VITAL) == "† 80 ans"

    # Saved and reopened (the form's JSON content): everything is found again.
    reopened = family_from_dict(family_to_dict(family))
    assert reopened == family
    editor.set_content(reopened)
    assert editor.content() == family
    assert _relationships(editor)["p10"] == "cousine germaine maternelle"
    assert not editor.can_undo()


def test_typing_in_one_field_is_one_undo_step(editor: FamilyEditor, qtbot, gui_type) -> None:
    editor.set_content(brca1_family())
    editor.panel.focus_name()
    qtbot.keyClick(_focused(), Qt.Key.Key_End)
    gui_type(_focused(), "-Marie")
    assert editor.content().person("p1").name == "Claire-Marie"
    assert _cell(editor, "p1", FamilyTableModel.COL_NAME) == "Claire-Marie"
    editor.table.setFocus()
    _press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.content() == brca1_family()
    assert editor.panel.name_edit.text() == "Claire"
    _press(qtbot, Qt.Key.Key_Y, CTRL)
    assert editor.content().person("p1").name == "Claire-Marie"


# ------------------------------------------------------------------ table and pedigree
def test_clicking_a_symbol_selects_the_row_and_the_other_way_round(
    editor: FamilyEditor, qtbot
) -> None:
    family = brca1_family()
    editor.set_content(family)
    view = editor.pedigree_view
    mother = str(family.person("p1").mother_id)
    centre = view.pedigree_scene.person_items()[mother].centre
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(*centre))
    )
    assert editor.selected_person() == mother
    assert editor.table.currentIndex().row() == editor.model.row_of_person(mother)
    assert editor.panel.title_label.text().endswith("— mère")
    # The table's selection moves the highlight of the pedigree.
    grandmother = str(family.person(mother).mother_id)
    editor.table.selectRow(editor.model.row_of_person(grandmother))
    assert editor.selected_person() == grandmother
    items = view.pedigree_scene.person_items()
    assert items[grandmother].chosen and not items[mother].chosen
    editor.select_person("p1")
    assert editor.table.currentIndex().row() == 0 and items["p1"].chosen


def test_every_edit_redraws_the_pedigree(editor: FamilyEditor, qtbot, gui_type) -> None:
    editor.set_content(brca1_family())
    scene = editor.pedigree_view.pedigree_scene
    before = scene.drawing
    editor.panel.add_cancer()
    row = editor.panel.cancer_rows[-1]
    qtbot.keyClicks(row.site_combo, "ov")  # keyboard search: "Ovaire"
    qtbot.keyClicks(row.age_edit, "~37")
    after = scene.drawing
    assert after is not before
    cancer = editor.content().person("p1").cancers[-1]
    assert (cancer.site, cancer.age.text) == ("ovary", "~37")
    texts = [getattr(op, "text", "") for op in after.person_ops("p1")]
    assert "Ovaire ~37" in texts
    assert _cell(editor, "p1", FamilyTableModel.COL_CANCERS) == "Sein 36 ; Ovaire ~37"


# ------------------------------------------------------------------ problems at the field
def test_a_mother_made_male_gets_the_french_message_at_her_sex(editor: FamilyEditor, qtbot) -> None:
    family = _change(brca1_family(), "p3", name="Marie")
    editor.set_content(family)
    editor.select_person("p3")
    qtbot.keyClicks(editor.panel.sex_combo, "m")
    assert editor.content().person("p3").sex == "M"
    message = editor.field_message("sex")
    assert message.startswith("Marie (p3) est la mère de Claire (p1)")
    assert message.endswith("mais n'est pas de sexe féminin.")
    assert editor.panel.sex_combo.property("invalid") is True
    assert message in editor.problem_texts()
    # Her ovarian cancer is now impossible too: shown at its own field.
    assert [p.code for p in editor.problems()] == [
        ErrorCode.FAMILY_CANCER_SEX,
        ErrorCode.FAMILY_MOTHER_SEX,
    ]
    assert editor.field_message("cancers[0].site") == (
        "Marie (p3) : un cancer (ovaire) est impossible pour une personne de sexe M."
    )
    # The table flags the person; the pedigree still draws everyone.
    assert _scene_people(editor) == len(family.people)
    index = editor.model.index(editor.model.row_of_person("p3"), 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Cette personne a un problème à corriger"
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not "mf"
    qtbot.keyClicks(editor.panel.sex_combo, "f")
    assert editor.field_message("sex") == "" and editor.problems() == []
    assert editor.panel.sex_combo.property("invalid") is False


def test_a_child_born_before_a_parent_is_shown_at_the_birth_year(
    editor: FamilyEditor, qtbot
) -> None:
    editor.set_content(add_parents(new_family(sex="F", name="Claire"), "p1"))
    editor.select_person("p2")
    qtbot.keyClicks(editor.panel.birth_year_edit, "1975")
    editor.select_person("p1")
    qtbot.keyClicks(editor.panel.birth_year_edit, "1980")
    message = editor.field_message("birth_year")
    assert message.startswith("Claire (p1) (né(e) au plus tard en 1980) ne peut pas être l'enfant")
    assert editor.panel.birth_year_edit.property("invalid") is True


def test_diagnoses_after_death_or_above_the_age_are_shown_at_the_cancer_age(
    editor: FamilyEditor, qtbot
) -> None:
    family = brca1_family()  # the mother died at 55, ovarian cancer at 52
    mother = str(family.person("p1").mother_id)
    editor.set_content(family)
    editor.select_person(mother)
    age_edit = editor.panel.cancer_rows[0].age_edit
    age_edit.selectAll()
    qtbot.keyClicks(age_edit, "60")
    assert "le diagnostic (ovaire, à 60 ans) est postérieur au décès (à 55 ans)" in (
        editor.field_message("cancers[0].age")
    )
    assert age_edit.property("invalid") is True
    editor.select_person("p1")  # 38 years old, breast cancer at 36
    age_edit = editor.panel.cancer_rows[0].age_edit
    age_edit.selectAll()
    qtbot.keyClicks(age_edit, "45")
    assert "l'âge au diagnostic (sein, 45 ans) dépasse l'âge de la personne" in (
        editor.field_message("cancers[0].age")
    )
    assert len(editor.problems()) == 2


def test_two_probands_and_a_cycle_are_named_at_their_field(editor: FamilyEditor) -> None:
    family = add_sibling(new_family(sex="F", name="Léa"), "p1", sex="F")
    two = _change(family, "p4", proband=True, name="Zoé")
    editor.set_content(two)
    editor.select_person("p4")
    assert editor.field_message("proband").startswith(
        "Il ne peut y avoir qu'un cas index ; plusieurs personnes le sont"
    )
    # A cycle: the father is his own grandchild.
    cycle = _change(add_parents(family, "p2"), "p2", father_id="p4", mother_id="p1")
    editor.set_content(cycle)
    texts = editor.problem_texts()
    assert any(text.startswith("Filiation circulaire :") for text in texts)
    cyclic = next(p for p in editor.problems() if p.code == ErrorCode.FAMILY_PARENT_CYCLE)
    editor.select_person(cyclic.params["person_id"])
    assert editor.field_message(str(cyclic.field)).startswith("Filiation circulaire :")


def test_an_age_that_does_not_read_stays_red_and_blocks(editor: FamilyEditor, qtbot) -> None:
    editor.set_content(brca1_family())
    age_edit = editor.panel.age_edit
    age_edit.selectAll()
    qtbot.keyClicks(age_edit, "quarante")
    assert age_edit.text() == "quarante"
    assert editor.content().person("p1").age.text == "38"  # the last age that read
    assert [p.code for p in editor.problems()] == [ErrorCode.AGE_FORMAT]
    assert editor.field_message("age").startswith("« quarante » n'est pas un âge")
    assert editor.problem_texts()[0].startswith("Claire (p1) : « quarante » n'est pas un âge")
    assert age_edit.property("invalid") is True
    # Kept while another person is looked at.
    editor.select_person("p2")
    editor.select_person("p1")
    assert editor.panel.age_edit.text() == "quarante"
    age_edit.selectAll()
    qtbot.keyClicks(age_edit, "40-45")
    assert editor.problems() == []
    assert editor.content().person("p1").age.text == "40-45"


def test_clicking_a_problem_selects_the_person_and_focuses_the_field(
    editor: FamilyEditor, qtbot
) -> None:
    family = _change(brca1_family(), "p4", sex="U")
    editor.set_content(_change(family, "p5", birth_year=2030))
    assert editor.problem_list.count() == 1
    item = editor.problem_list.item(0)
    rect = editor.problem_list.visualItemRect(item)
    qtbot.mouseClick(editor.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected_person() == "p5"
    assert _focused() is editor.panel.birth_year_edit
    assert "l'année de naissance 2030 doit être comprise entre 1850 et 2025" in (
        editor.field_message("birth_year")
    )


def test_problems_from_the_service_are_shown_until_the_next_edit(
    editor: FamilyEditor, qtbot
) -> None:
    editor.set_content(brca1_family())
    refused = ValidationError(
        "Aucune personne n'est désignée comme cas index.",
        code=ErrorCode.FAMILY_NO_PROBAND,
        field="proband",
        person_id=None,
        person="",
    )
    editor.show_problems([refused])
    assert editor.problem_texts() == ["Aucune personne n'est désignée comme cas index."]
    assert editor.problems() == []  # live validation: the family itself is fine
    qtbot.keyClicks(editor.panel.name_edit, "e")
    assert editor.problem_texts() == []


# ------------------------------------------------------------------ adding and removing
def test_operations_refused_by_the_family_say_why(editor: FamilyEditor, qtbot) -> None:
    editor.set_content(new_family(sex="U", name="Camille"))
    editor.panel.focus_name()
    _press(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    assert len(editor.content().people) == 1
    assert editor.message_label.text().startswith("Précisez le sexe de Camille (p1)")
    assert _focused() is editor.panel.sex_combo


def test_a_child_of_someone_with_two_partners_asks_for_the_other_parent(
    editor: FamilyEditor, qtbot
) -> None:
    family = add_partner(add_partner(new_family(sex="F", name="Inès"), "p1"), "p1")
    editor.set_content(family)
    editor.panel.focus_name()
    _press(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = editor.findChild(ChoiceDialog, "partner_choice_dialog")
    assert dialog is not None and dialog.choice_list.count() == 2
    dialog.choice_list.setCurrentRow(1)
    dialog.ok_button.click()
    child = editor.content().person(str(editor.selected_person()))
    assert (child.father_id, child.mother_id) == ("p3", "p1")


def test_removing_asks_when_others_would_go_too(editor: FamilyEditor, qtbot) -> None:
    family = add_partner(add_sibling(new_family(sex="F"), "p1", sex="F"), "p4")
    editor.set_content(family)
    editor.select_person("p4")  # the sister, whose partner p5 has no other link
    editor.table.setFocus()
    _press(qtbot, Qt.Key.Key_Delete)
    box = editor.findChild(QMessageBox, "remove_confirmation_box")
    assert box is not None and "retire aussi conjoint de la sœur (p5)" in box.text()
    box.findChild(QWidget, "confirm_button").click()
    assert editor.content().ids == ("p1", "p2", "p3")
    # Alone: removed at once (Ctrl+Delete), and undone.
    editor.set_content(add_sibling(new_family(sex="F"), "p1", sex="M"))
    editor.select_person("p4")
    editor.table.setFocus()
    _press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert editor.content().ids == ("p1", "p2", "p3")
    _press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.content().ids == ("p1", "p2", "p3", "p4")
    # The proband cannot be removed.
    editor.select_person("p1")
    editor.remove_selected()
    assert editor.message_label.text() == "Le cas index ne peut pas être retiré de la famille."


def test_twins_and_a_consanguineous_couple_from_the_panel(editor: FamilyEditor, qtbot) -> None:
    editor.set_content(add_sibling(new_family(sex="F", name="Ana"), "p1", sex="F"))
    editor.select_person("p4")
    panel = editor.panel
    panel.zygosity_combo.setCurrentIndex(panel.zygosity_combo.findData("MZ"))
    panel.twin_combo.setCurrentIndex(panel.twin_combo.findData("p1"))
    group = editor.content().twin_group_of("p4")
    assert group is not None and set(group.members) == {"p1", "p4"}
    assert group.zygosity == Zygosity.MZ
    assert _relationships(editor)["p4"] == "sœur jumelle"
    panel.zygosity_combo.setCurrentIndex(panel.zygosity_combo.findData("DZ"))
    assert editor.content().twin_group_of("p4").zygosity == Zygosity.DZ
    panel.twin_combo.setCurrentIndex(0)
    assert editor.content().twins == ()
    # Parents marked as a consanguineous couple.
    editor.select_person("p2")
    (check,) = panel.consanguinity_checks
    check.setChecked(True)
    assert editor.content().partnership("p2", "p3").consanguineous


# ------------------------------------------------------------------ links, read-only
def test_a_relative_linked_to_a_patient_file(editor: FamilyEditor, qtbot) -> None:
    editor.set_content(brca1_family())
    changes: list[int] = []
    editor.sig_changed.connect(lambda: changes.append(1))
    editor.select_person("p4")
    with qtbot.waitSignal(editor.sig_link_requested) as asked:
        editor.panel.link_button.click()
    assert asked.args == ["p4"]
    editor.set_person_link("p4", 412, "MARTIN Sophie (née en 1984)")
    assert changes == [1]
    assert editor.content().person("p4").patient_id == 412
    assert _cell(editor, "p4", FamilyTableModel.COL_LINK) == "MARTIN Sophie (née en 1984)"
    assert not editor.table.isColumnHidden(FamilyTableModel.COL_LINK)
    with qtbot.waitSignal(editor.sig_open_linked) as opened:
        editor.panel.open_link_button.click()
    assert opened.args == [412]
    editor.panel.unlink_button.click()
    assert editor.content().person("p4").patient_id is None
    assert _cell(editor, "p4", FamilyTableModel.COL_LINK) == ""


def test_read_only_selects_and_zooms_but_changes_nothing(editor: FamilyEditor, qtbot) -> None:
    family = brca1_family()
    editor.set_content(family)
    editor.set_read_only(True)
    editor.panel.focus_name()
    assert editor.panel.name_edit.isReadOnly()
    qtbot.keyClicks(editor.panel.name_edit, "x")
    _press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    _press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    editor.add_child()
    editor.remove_selected()
    editor.import_canrisk_file(DATA / "martin_v1.canrisk")
    assert editor.content() == family
    assert not editor.panel.add_cancer_button.isVisibleTo(editor)
    assert not editor.edit_bar.isVisibleTo(editor)
    editor.select_person("p3")
    assert editor.pedigree_view.pedigree_scene.selected_person() == "p3"
    zoom = editor.pedigree_view.zoom
    editor.zoom_in_button.click()
    assert editor.pedigree_view.zoom > zoom
    editor.set_read_only(False)
    assert editor.panel.name_edit.isReadOnly() is False


# ------------------------------------------------------------------ CanRisk
@pytest.mark.parametrize("name", ["martin_v1", "leroy_v2", "girard_v4"])
def test_canrisk_files_of_every_version_import(editor: FamilyEditor, name: str) -> None:
    path = DATA / f"{name}.canrisk"
    expected = parse_canrisk(path.read_text(encoding="utf-8"), today=TODAY).families[0]
    editor.set_content(new_family(sex="F"))
    changes: list[int] = []
    editor.sig_changed.connect(lambda: changes.append(1))
    editor.import_canrisk_file(path)
    assert editor.content() == expected.family
    assert editor.content().risk_factors == expected.risk_factors  # part of the family
    assert changes == [1]
    assert _scene_people(editor) == len(expected.family.people)
    assert editor.selected_person() == expected.family.proband.id
    assert "importée" in editor.message_label.text()


def test_the_risk_factors_of_an_import_are_in_the_content_and_survive_edits(
    editor: FamilyEditor, qtbot
) -> None:
    path = DATA / "martin_v1.canrisk"
    factors = parse_canrisk(path.read_text(encoding="utf-8"), today=TODAY).families[0].risk_factors
    assert factors[0] == ("menarche", "13")
    editor.set_content(new_family(sex="F"))
    editor.import_canrisk_file(path)
    assert editor.content().risk_factors == factors
    editor.select_person("PB")
    editor.panel.focus_name()
    editor.panel.name_edit.selectAll()
    qtbot.keyClicks(editor.panel.name_edit, "Claude")
    qtbot.keyClick(editor.panel.name_edit, Qt.Key.Key_Tab)
    editor.add_child()
    assert editor.content().person("PB").name == "Claude"
    assert editor.content().risk_factors == factors  # edits keep them
    # What the window saves and loads again: set_content gives them back.
    saved = editor.content()
    editor.set_content(new_family(sex="F"))
    assert editor.content().risk_factors == ()
    editor.set_content(saved)
    assert editor.content().risk_factors == factors
    editor.undo()  # nothing to undo after a load
    assert editor.content() == saved


def test_an_import_replaces_a_family_after_confirmation_and_is_undone(
    editor: FamilyEditor,
) -> None:
    family = brca1_family()
    editor.set_content(family)
    editor.import_canrisk_file(DATA / "leroy_v2.canrisk")
    box = editor.findChild(QMessageBox, "canrisk_replace_box")
    assert box is not None and "Remplacer la famille saisie (17 personnes)" in box.text()
    assert "par la famille LEROY du fichier ?" in box.text()
    assert editor.content() == family
    box.findChild(QWidget, "confirm_button").click()
    assert editor.content().proband.name == "Anne"
    editor.undo()
    assert editor.content() == family


def test_a_file_with_two_families_asks_which_one(editor: FamilyEditor) -> None:
    editor.set_content(new_family(sex="F"))
    editor.import_canrisk_file(DATA / "two_families_v3.canrisk")
    dialog = editor.findChild(ChoiceDialog, "canrisk_family_dialog")
    assert dialog is not None
    choices = [dialog.choice_list.item(i).text() for i in range(dialog.choice_list.count())]
    assert choices == [
        "BERNARD : 3 personnes, cas index Julie (J1)",
        "PETIT : 4 personnes, cas index Emma (E1)",
    ]
    dialog.choice_list.setCurrentRow(1)
    dialog.ok_button.click()
    assert editor.content().proband.name == "Emma"
    assert editor.content().risk_factors == (("menarche", "11"), ("birads", "c"))


@pytest.mark.parametrize(
    "name", ["bad_header", "bad_columns_v2", "bad_values_v2", "bad_structure_v4"]
)
def test_a_malformed_file_lists_every_problem_and_changes_nothing(
    editor: FamilyEditor, qtbot, name: str
) -> None:
    family = brca1_family()
    editor.set_content(family)
    path = DATA / f"{name}.canrisk"
    expected = parse_canrisk(path.read_text(encoding="utf-8"), today=TODAY).problems
    with qtbot.assertNotEmitted(editor.sig_changed):
        editor.import_canrisk_file(path)
    dialog = editor.findChild(ProblemListDialog, "canrisk_problems_dialog")
    assert dialog is not None
    texts = dialog.problems()
    assert len(texts) == len(expected) >= 1
    assert all(text.startswith("Ligne ") for text in texts)
    assert [str(problem) for problem in expected] == texts  # the French of the domain
    assert editor.content() == family
    if name == "bad_values_v2":
        assert "personne D3, colonne Sex : « X » n'est pas une valeur possible (M, F)" in (
            " ".join(texts)
        )


def test_an_unreadable_or_huge_file_says_so(editor: FamilyEditor, tmp_path: Path) -> None:
    editor.set_content(new_family(sex="F"))
    editor.import_canrisk_file(tmp_path / "absent.txt")
    box = editor.findChild(QMessageBox, "canrisk_error_box")
    assert box is not None and box.text().startswith("Le fichier ne peut pas être lu :")
    box.close()
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"##CanRisk 2.0\n" + b"x" * 2_100_000)
    editor.import_canrisk_file(huge)
    texts = [b.text() for b in editor.findChildren(QMessageBox, "canrisk_error_box")]
    assert any("trop volumineux pour être importé (2000 ko au plus)" in text for text in texts)
    assert len(editor.content().people) == 1


def test_export_then_import_gives_the_same_family(editor: FamilyEditor, tmp_path: Path) -> None:
    source = DATA / "martin_v1.canrisk"
    editor.set_content(new_family(sex="F"))
    editor.import_canrisk_file(source)
    imported = editor.content()
    target = tmp_path / "martin_export.txt"
    exported: list[str] = []
    editor.sig_exported.connect(exported.append)
    editor.export_canrisk_file(target)
    assert exported == [str(target)]
    assert (target.stat().st_mode & 0o777) == 0o600
    text = target.read_text(encoding="utf-8")
    assert text.startswith("##CanRisk 2.0\n##menarche=13\n##parity=2\n")  # kept, written back
    editor.set_content(new_family(sex="F"))
    editor.import_canrisk_file(target)
    assert editor.content() == imported
    original = parse_canrisk(source.read_text(encoding="utf-8"), today=TODAY).families[0]
    assert editor.content().risk_factors == original.risk_factors
    # A family entered here: what the file holds comes back as the domain reads it.
    family = brca1_family()
    editor.set_content(family)
    editor.export_canrisk_file(target)
    assert target.read_text(encoding="utf-8") == to_canrisk(family, today=TODAY, family_id="FAM1")


def test_export_refuses_problems_and_warns_of_people_left_out(
    editor: FamilyEditor, tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    editor.set_content(add_sibling(new_family(sex="F", name="Léa"), "p1"))  # sex unknown
    editor.export_canrisk_file(target)
    dialog = editor.findChild(ProblemListDialog, "canrisk_problems_dialog")
    assert dialog is not None
    assert dialog.problems() == ["p4 : CanRisk exige le sexe de chaque personne (F ou M)."]
    assert not target.exists()
    dialog.close()
    # A childless partner: CanRisk cannot place him; the user is told, then decides.
    editor.set_content(add_partner(new_family(sex="F", name="Léa"), "p1"))
    editor.export_canrisk_file(target)
    box = editor.findChild(QMessageBox, "canrisk_omitted_box")
    assert box is not None and "conjoint (p2)" in box.text()
    assert not target.exists()
    box.findChild(QWidget, "confirm_button").click()
    assert "\tp2\t" not in target.read_text(encoding="utf-8")


def test_the_export_says_what_it_is_for(editor: FamilyEditor) -> None:
    assert "canrisk.org" in editor.canrisk_hint.text()
    assert "BOADICEA" in editor.canrisk_hint.text()
    assert editor.export_button.text() == "Exporter pour CanRisk…"
    assert editor.import_button.text() == "Importer un fichier CanRisk…"
    editor.set_canrisk_enabled(False)
    assert not editor.canrisk_box.isVisibleTo(editor)


def test_shortcuts_are_shown_and_avoid_the_window_ones(editor: FamilyEditor) -> None:
    keys = {
        key.toString()
        for action in editor.actions()
        for key in action.shortcuts()  # type: ignore[attr-defined]
    }
    assert {"Ctrl+Shift+P", "Ctrl+Shift+S", "Ctrl+Shift+E", "Ctrl+Shift+C"} <= keys
    assert not keys & {"Ctrl+S", "Ctrl+W"}
    assert "Ctrl+Maj+P" in editor.parents_action.toolTip()
    assert "Ctrl+Maj+E enfant" in editor.help_label.text()


# ------------------------------------------------------------------ what it looks like
@pytest.mark.parametrize("builder", [brca1_family, large_family])
def test_the_editor_renders_at_laptop_size(qtbot, tmp_path: Path, builder) -> None:
    editor = FamilyEditor(today=TODAY)
    qtbot.addWidget(editor)
    editor.resize(1366, 640)  # a 1366x768 screen, less the window's title, tabs and bar
    editor.show()
    qtbot.waitExposed(editor)
    family = builder()
    editor.set_content(family)
    editor.select_person(family.people[-1].id)
    image = editor.grab().toImage()
    assert image.save(str(tmp_path / f"{builder.__name__}.png"))
    assert image.width() == 1366
    # Nothing important is squeezed out: the table, the panel and the pedigree all show.
    assert editor.table.width() > 700 and editor.pedigree_view.width() > 500
    assert editor.panel.name_edit.isVisible()
    header = editor.table.horizontalHeader()
    # No linked file in these families: that column is hidden, its width given to the others.
    assert editor.table.isColumnHidden(FamilyTableModel.COL_LINK)
    for column in range(FamilyTableModel.COLUMN_COUNT):
        if column == FamilyTableModel.COL_LINK:
            continue
        label = editor.model.headerData(column, Qt.Orientation.Horizontal)
        width = header.fontMetrics().horizontalAdvance(label)
        assert header.sectionSize(column) >= width, label


def test_english_interface(qtbot) -> None:
    try:
        install_translations("en")
        editor = FamilyEditor(today=TODAY)
        qtbot.addWidget(editor)
        editor.set_content(brca1_family())
        assert editor.export_button.text() == "Export for CanRisk…"
        assert _relationships(editor)["p2"] == "father"
        assert _cell(editor, "p3", FamilyTableModel.COL_VITAL) == "† 55 y"
    finally:
        install_translations("fr")


def test_switching_the_language_retranslates_the_editor(editor: FamilyEditor, qtbot) -> None:
    editor.set_content(_change(brca1_family(), "p5", birth_year=2030))
    assert editor.problem_texts() and editor.export_button.text() == "Exporter pour CanRisk…"
    try:
        install_translations("en")
        qtbot.waitUntil(lambda: editor.export_button.text() == "Export for CanRisk…", timeout=2000)
        assert _relationships(editor)["p2"] == "father"
        assert editor.model.headerData(0, Qt.Orientation.Horizontal) == "Relationship"
        assert editor.panel.cancers_label.text() == "Cancers (1)"
        assert editor.problem_texts()[0].endswith("must be between 1850 and 2025.")
    finally:
        install_translations("fr")
    qtbot.waitUntil(lambda: editor.export_button.text() == "Exporter pour CanRisk…", timeout=2000)
    assert _relationships(editor)["p2"] == "père"
