"""The Antécédents editor: entry by keyboard, fields where they apply, problems at their
field and in the list, read-only mode, and the translated labels of every coded value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    HISTOLOGIES,
    LATERALITIES,
    RECEPTOR_VALUES,
    Age,
    Receptors,
)
from oiso_desktop.domain.personal_history import (
    IHC_STATUSES,
    MSI_STATUSES,
    SURGERY_KINDS,
    SURGERY_SIDES,
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.gui.history_editor import HistoryEditor
from oiso_desktop.gui.history_labels import (
    GRADE_LABELS,
    HISTOLOGY_LABELS,
    IHC_LABELS,
    LABEL_TABLES,
    LATERALITY_LABELS,
    MSI_LABELS,
    RECEPTOR_LABELS,
    SITE_LABELS,
    SURGERY_KIND_LABELS,
    SURGERY_SIDE_LABELS,
    coded_label,
)
from oiso_desktop.gui.history_table_model import CancerRow, CancerTableModel, when_text

TODAY = date(2025, 6, 1)
BIRTH = date(1975, 3, 12)  # 50 years old on TODAY

FULL_HISTORY = PersonalHistory(
    cancers=(
        HistoryCancer(
            site="breast",
            laterality="left",
            age=Age.parse("~45"),
            histology="ductal",
            grade=2,
            receptors=Receptors(er="P", pr="P", her2="N"),
            confirmed=True,
            note="Tumorectomie puis radiothérapie",
        ),
        HistoryCancer(
            site="colorectal",
            age=Age.parse("48"),
            diagnosis_date=date(2023, 5, 2),
            msi="msi",
            ihc="loss_mlh1_pms2",
        ),
        HistoryCancer(site="thyroid", age=Age.parse("inconnu")),
    ),
    surgeries=(
        RiskReducingSurgery(kind="mastectomy", side="bilateral", date=date(2024, 1, 15)),
        RiskReducingSurgery(kind="salpingo_oophorectomy", age=Age.parse("40-49")),
    ),
    note="Suivie au centre depuis 2019.",
)


@pytest.fixture
def editor(qtbot) -> HistoryEditor:
    widget = HistoryEditor(today=TODAY)
    qtbot.addWidget(widget)
    widget.set_patient(birth_date=BIRTH, sex="F")
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def changes(editor: HistoryEditor) -> list[None]:
    """One entry per sig_changed."""
    seen: list[None] = []
    editor.sig_changed.connect(lambda: seen.append(None))
    return seen


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot, gui_type, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the input that has the focus, as a user would."""
    gui_type(_focused(), text)


def _tab(qtbot, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _key(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focused(), key)


def _insert_into(qtbot, editor: HistoryEditor, table) -> None:  # type: ignore[no-untyped-def]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)


# --------------------------------------------------------------- entry by keyboard
def test_a_history_entered_by_keyboard_is_the_content(
    qtbot, gui_type, editor: HistoryEditor, changes
) -> None:
    # A breast cancer: left, ~45, ductal, confirmed, grade 2, ER+ PR+ HER2−.
    _insert_into(qtbot, editor, editor.cancer_table)
    assert _focused() is editor.site_combo
    assert editor.site_combo.currentText() == "Sein"  # the first choice
    _tab(qtbot)
    assert _focused() is editor.laterality_combo
    _type(qtbot, gui_type, "g")
    _tab(qtbot)
    _type(qtbot, gui_type, "~45")
    _tab(qtbot, 2)
    assert _focused() is editor.histology_combo
    _type(qtbot, gui_type, "can")
    _tab(qtbot)
    assert _focused() is editor.confirmed_check
    _key(qtbot, Qt.Key.Key_Space)
    _tab(qtbot)
    assert _focused() is editor.grade_combo
    _type(qtbot, gui_type, "2")
    for value in ("p", "p", "n"):  # ER, PR, HER2
        _tab(qtbot)
        _type(qtbot, gui_type, value)
    assert editor.breast_group.isVisible() and not editor.mmr_group.isVisible()

    # A colorectal cancer with MSI: the breast fields give way to MSI and IHC.
    _insert_into(qtbot, editor, editor.cancer_table)
    _type(qtbot, gui_type, "côlon")
    assert editor.site_combo.currentData() == "colorectal"
    assert not editor.breast_group.isVisible() and editor.mmr_group.isVisible()
    _tab(qtbot, 2)
    _type(qtbot, gui_type, "48")
    _tab(qtbot, 4)  # date, histology, confirmed: the breast markers are skipped
    assert _focused() is editor.msi_combo
    _type(qtbot, gui_type, "inst")
    _tab(qtbot)
    _type(qtbot, gui_type, "perte mlh")

    # A bilateral mastectomy with its date, then a salpingo-oophorectomy at 48.
    _insert_into(qtbot, editor, editor.surgery_table)
    assert _focused() is editor.kind_combo
    assert editor.kind_combo.currentData() == "mastectomy"
    _tab(qtbot)
    _type(qtbot, gui_type, "bi")
    _tab(qtbot, 2)
    assert _focused() is editor.surgery_date_edit
    _type(qtbot, gui_type, "15012024")
    _tab(qtbot)  # leaving the field shows the date as 15/01/2024
    assert editor.surgery_date_edit.text() == "15/01/2024"
    _insert_into(qtbot, editor, editor.surgery_table)
    _type(qtbot, gui_type, "annex")
    _tab(qtbot, 2)
    _type(qtbot, gui_type, "48")
    editor.history_note_edit.setFocus()
    _type(qtbot, gui_type, "Suivie depuis 2019.")

    assert editor.content() == PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                laterality="left",
                age=Age.parse("~45"),
                histology="ductal",
                grade=2,
                receptors=Receptors(er="P", pr="P", her2="N"),
                confirmed=True,
            ),
            HistoryCancer(site="colorectal", age=Age.parse("48"), msi="msi", ihc="loss_mlh1_pms2"),
        ),
        surgeries=(
            RiskReducingSurgery(kind="mastectomy", side="bilateral", date=date(2024, 1, 15)),
            RiskReducingSurgery(kind="salpingo_oophorectomy", age=Age.parse("48")),
        ),
        note="Suivie depuis 2019.",
    )
    assert editor.content().cancers[0].age.text == "~45"  # kept as typed
    assert editor.problems() == [] and editor.problem_texts() == []
    assert len(changes) > 20  # one per edit
    # The tables summarise each row in French.
    model = editor.cancer_model
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "Sein",
        "Gauche",
        "~45 ans",
        "Canalaire · RE+ RP+ HER2\N{MINUS SIGN} · grade 2",
    ]
    assert model.data(model.index(1, 3)) == "MSI · Perte MLH1/PMS2"
    surgeries = editor.surgery_model
    assert [surgeries.data(surgeries.index(0, c)) for c in range(3)] == [
        "Mastectomie",
        "Bilatérale",
        "15/01/2024",
    ]
    assert editor.cancers_title.text() == "Cancers (2)"


def test_set_content_shows_the_history_and_gives_it_back_unchanged(
    editor: HistoryEditor, changes
) -> None:
    editor.set_content(FULL_HISTORY)
    assert changes == []  # loading is not an edit
    assert editor.content() == FULL_HISTORY
    assert editor.current_item() == ("cancers", 0)
    assert editor.site_combo.currentText() == "Sein"
    assert editor.cancer_age_edit.text() == "~45"
    assert editor.cancer_note_edit.toPlainText() == "Tumorectomie puis radiothérapie"
    assert editor.history_note_edit.toPlainText() == "Suivie au centre depuis 2019."
    assert editor.cancer_model.data(editor.cancer_model.index(2, 2)) == "inconnu"
    assert editor.surgery_model.data(editor.surgery_model.index(1, 2)) == "40-49 ans"
    editor.set_content(PersonalHistory())
    assert editor.content() == PersonalHistory()
    assert editor.current_page() == "empty"
    assert changes == []


def test_fields_appear_only_where_they_apply(qtbot, editor: HistoryEditor) -> None:
    editor.set_content(FULL_HISTORY)
    assert editor.breast_group.isVisible() and not editor.mmr_group.isVisible()
    editor.cancer_table.selectRow(1)
    assert editor.current_page() == "cancer"
    assert not editor.breast_group.isVisible() and editor.mmr_group.isVisible()
    editor.cancer_table.selectRow(2)  # thyroid: neither
    assert not editor.breast_group.isVisible() and not editor.mmr_group.isVisible()
    editor.surgery_table.selectRow(0)
    assert editor.current_page() == "surgery"
    assert editor.side_combo.isVisible()
    assert not editor.cancer_table.selectionModel().hasSelection()
    # A hysterectomy has no side: the side input goes.
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("hysterectomy"))
    assert not editor.side_combo.isVisible()
    assert editor.content().surgeries[0].side == ""


def test_markers_of_another_site_are_kept_in_the_inputs_not_in_the_content(
    editor: HistoryEditor,
) -> None:
    editor.set_content(FULL_HISTORY)
    editor.site_combo.setCurrentIndex(editor.site_combo.findData("colorectal"))
    cancer = editor.content().cancers[0]
    assert (cancer.grade, cancer.receptors) == (None, Receptors())
    assert editor.problems() == []  # no "breast markers on a colon cancer"
    editor.site_combo.setCurrentIndex(editor.site_combo.findData("breast"))
    assert editor.content() == FULL_HISTORY  # a slip of the site loses nothing


def test_triple_negative_is_shown_from_the_receptors(editor: HistoryEditor) -> None:
    editor.set_content(FULL_HISTORY)
    assert not editor.triple_negative_label.isVisible()
    for key in ("er", "pr", "her2"):
        combo = editor.receptor_combos[key]
        combo.setCurrentIndex(combo.findData("N"))
    assert editor.triple_negative_label.isVisible()
    assert editor.triple_negative_label.text() == "Triple négatif"
    assert "triple négatif" in editor.cancer_model.data(editor.cancer_model.index(0, 3))
    combo = editor.receptor_combos["her2"]
    combo.setCurrentIndex(combo.findData("P"))
    assert not editor.triple_negative_label.isVisible()


def test_surgeries_offered_follow_the_sex(editor: HistoryEditor) -> None:
    editor.set_content(PersonalHistory(surgeries=(RiskReducingSurgery(kind="colectomy"),)))

    def offered() -> list[str]:
        combo = editor.kind_combo
        return [combo.itemData(i) for i in range(combo.count())]

    assert offered() == list(SURGERY_KINDS)
    editor.set_patient(birth_date=BIRTH, sex="M")
    assert offered() == ["mastectomy", "colectomy"]
    editor.set_patient(birth_date=BIRTH, sex="I")
    assert offered() == list(SURGERY_KINDS)


# ------------------------------------------------------------------- bad input
def _new_cancer(qtbot, editor: HistoryEditor) -> None:  # type: ignore[no-untyped-def]
    _insert_into(qtbot, editor, editor.cancer_table)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("diagnosis_date", "01/01/2030", "La date du 01/01/2030 est dans le futur."),
        (
            "diagnosis_date",
            "01/01/1970",
            "La date du 01/01/1970 précède la naissance (12/03/1975).",
        ),
        (
            "diagnosis_date",
            "31/02/2020",
            "« 31/02/2020 » n'est pas une date valide : saisissez-la sous la forme JJ/MM/AAAA.",
        ),
        (
            "age",
            "70",
            "L'âge de 70 ans dépasse l'âge de la patiente ou du patient (50 ans).",
        ),
        (
            "age",
            "quarante",
            "« quarante » n'est pas un âge : saisissez un nombre (45), un âge approché "
            "(~45, 40-49, < 50) ou « inconnu ».",
        ),
    ],
)
def test_a_bad_date_or_age_is_reported_at_its_field(
    qtbot, gui_type, editor: HistoryEditor, field: str, typed: str, message: str
) -> None:
    _new_cancer(qtbot, editor)
    edit = editor.diagnosis_date_edit if field == "diagnosis_date" else editor.cancer_age_edit
    gui_type(edit, typed)
    assert editor.field_message(f"cancers[0].{field}") == message
    assert edit.property("invalid") is True
    assert editor.problem_texts() == [message]
    assert [p.field for p in editor.problems()] == [f"cancers[0].{field}"]
    assert editor.problem_list.count() == 1
    assert editor.problem_list.item(0).text().endswith(f" : {message}")
    assert editor.cancer_model.data(
        editor.cancer_model.index(0, 0), Qt.ItemDataRole.ToolTipRole
    ) == (message)
    # Corrected: the message and the red outline go.
    edit.clear()
    gui_type(edit, "45" if field == "age" else "02/05/2020")
    assert editor.field_message(f"cancers[0].{field}") == ""
    assert edit.property("invalid") is False
    assert editor.problems() == [] and editor.problem_list.count() == 0
    assert editor.no_problem_label.text() == "Rien à corriger."


def test_an_age_that_disagrees_with_the_date_is_reported(
    qtbot, gui_type, editor: HistoryEditor
) -> None:
    _new_cancer(qtbot, editor)
    gui_type(editor.cancer_age_edit, "30")
    gui_type(editor.diagnosis_date_edit, "02/05/2020")
    assert editor.field_message("cancers[0].age") == (
        "L'âge saisi (30 ans) ne correspond pas à la date du 02/05/2020 (45 ans)."
    )
    # An unreadable age or date is left out of the content, never saved as typed.
    gui_type(editor.cancer_age_edit, "x")
    assert editor.content().cancers[0].age == Age()
    assert [p.code for p in editor.problems()] == [ErrorCode.AGE_FORMAT]


def test_a_prostate_cancer_for_a_woman_is_reported_at_the_site(
    qtbot, gui_type, editor: HistoryEditor
) -> None:
    _new_cancer(qtbot, editor)
    gui_type(editor.site_combo, "prost")
    assert editor.site_combo.currentData() == "prostate"
    expected = "Un cancer de cette localisation (prostate) est impossible pour ce sexe (F)."
    assert editor.field_message("cancers[0].site") == expected
    assert editor.site_combo.property("invalid") is True
    assert editor.problem_texts() == [expected]
    # For a man it is fine.
    editor.set_patient(birth_date=BIRTH, sex="M")
    assert editor.problems() == []
    assert editor.field_message("cancers[0].site") == ""


def test_a_mastectomy_needs_its_side(qtbot, gui_type, editor: HistoryEditor) -> None:
    _insert_into(qtbot, editor, editor.surgery_table)
    expected = (
        "Côté de la chirurgie (mastectomie) : gauche, droite ou bilatérale pour une "
        "mastectomie, aucun pour une chirurgie sans côté."
    )
    assert editor.field_message("surgeries[0].side") == expected
    assert editor.side_combo.property("invalid") is True
    assert editor.problems()[0].code is ErrorCode.HISTORY_SURGERY_SIDE
    editor.side_combo.setFocus()
    gui_type(editor.side_combo, "d")
    assert editor.side_combo.currentText() == "Droite"
    assert editor.problems() == [] and editor.field_message("surgeries[0].side") == ""


def test_a_surgery_impossible_for_the_sex_is_reported_at_its_kind(
    editor: HistoryEditor,
) -> None:
    history = PersonalHistory(surgeries=(RiskReducingSurgery(kind="hysterectomy"),))
    editor.set_patient(birth_date=BIRTH, sex="M")
    editor.set_content(history)
    expected = "Cette chirurgie (hystérectomie) est impossible pour un patient de sexe masculin."
    assert editor.field_message("surgeries[0].kind") == expected
    # Shown although a man is not offered it, so that it can be seen and changed.
    assert editor.kind_combo.currentText() == "Hystérectomie"
    assert editor.problem_texts() == [expected]
    assert editor.content() == history
    # A woman's history checked again after the sex is corrected in the identity.
    editor.set_patient(birth_date=BIRTH, sex="F")
    assert editor.problems() == []


def test_clicking_a_problem_goes_to_its_item_and_field(qtbot, editor: HistoryEditor) -> None:
    editor.set_content(
        PersonalHistory(
            cancers=(HistoryCancer(site="breast", diagnosis_date=date(2030, 1, 1)),),
            surgeries=(RiskReducingSurgery(kind="mastectomy"),),
        )
    )
    assert editor.problem_list.count() == 2
    assert editor.problems_title.text() == "À corriger (2)"
    assert editor.current_item() == ("cancers", 0)
    # Only the selected item's problems are under its inputs.
    assert editor.field_message("surgeries[0].side") == ""
    second = editor.problem_list.item(1)
    assert second.text().startswith("Chirurgie 1 (mastectomie) — Côté : ")
    rect = editor.problem_list.visualItemRect(second)
    qtbot.mouseClick(editor.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.current_item() == ("surgeries", 0)
    assert editor.surgery_table.selectionModel().selectedRows()[0].row() == 0
    assert QApplication.focusWidget() is editor.side_combo
    assert editor.field_message("surgeries[0].side") != ""


def test_problems_of_a_refused_save_are_shown_until_the_next_edit(
    qtbot, gui_type, editor: HistoryEditor
) -> None:
    editor.set_content(FULL_HISTORY)
    refused = ValidationError(
        "Ce champ est trop long (4000 caractères au plus).",
        code=ErrorCode.TOO_LONG,
        field="cancers[1].note",
        max_length=4000,
    )
    editor.show_problems([refused])
    assert editor.current_item() == ("cancers", 1)
    assert QApplication.focusWidget() is editor.cancer_note_edit
    assert editor.field_message("cancers[1].note") == (
        "Ce champ est trop long (4000 caractères au plus)."
    )
    assert editor.problem_texts() == ["Ce champ est trop long (4000 caractères au plus)."]
    assert editor.problems() == []  # the live checks do not see it
    gui_type(editor.cancer_note_edit, "!")
    assert editor.problem_texts() == []


# ----------------------------------------------------------------- add, remove
def _answer(editor: HistoryEditor, qtbot, *, confirm: bool) -> None:  # type: ignore[no-untyped-def]
    box = editor.last_confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    name = "confirm_button"
    button = (
        box.findChild(QWidget, name)
        if confirm
        else [b for b in box.buttons() if b.objectName() != name][0]
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_delete_removes_the_selected_row_after_confirmation(
    qtbot, editor: HistoryEditor, changes
) -> None:
    editor.set_content(FULL_HISTORY)
    editor.cancer_table.setFocus()
    editor.cancer_table.selectRow(1)
    qtbot.keyClick(editor.cancer_table, Qt.Key.Key_Delete)
    box = editor.last_confirmation
    assert box is not None
    assert box.text() == "Supprimer le cancer 2 (côlon-rectum) des antécédents ?"
    _answer(editor, qtbot, confirm=False)
    assert len(editor.content().cancers) == 3 and changes == []

    qtbot.keyClick(editor.cancer_table, Qt.Key.Key_Delete)
    _answer(editor, qtbot, confirm=True)
    assert [c.site for c in editor.content().cancers] == ["breast", "thyroid"]
    assert editor.current_item() == ("cancers", 1)  # the next row is selected
    assert len(changes) == 1

    editor.surgery_table.selectRow(0)
    qtbot.mouseClick(editor.remove_surgery_button, Qt.MouseButton.LeftButton)
    assert editor.last_confirmation.text() == (
        "Supprimer la chirurgie 1 (mastectomie) des antécédents ?"
    )
    _answer(editor, qtbot, confirm=True)
    assert [s.kind for s in editor.content().surgeries] == ["salpingo_oophorectomy"]
    # Ctrl+click on the selected row keeps it selected: the table shows the form's row.
    table = editor.surgery_table
    row = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, row
    )
    assert editor.current_item() == ("surgeries", 0)
    assert table.selectionModel().selectedRows()[0].row() == 0


def test_buttons_add_and_remove(qtbot, editor: HistoryEditor, changes) -> None:
    assert not editor.remove_cancer_button.isEnabled()
    qtbot.mouseClick(editor.add_cancer_button, Qt.MouseButton.LeftButton)
    assert editor.current_item() == ("cancers", 0)
    assert editor.remove_cancer_button.isEnabled()
    assert not editor.remove_surgery_button.isEnabled()
    assert editor.content().cancers == (HistoryCancer(site="breast"),)
    assert len(changes) == 1
    # Enter in a table goes to the form of its selected row.
    editor.cancer_table.setFocus()
    qtbot.keyClick(editor.cancer_table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.site_combo


# ------------------------------------------------------------------- read-only
def test_read_only_allows_reading_and_no_edit(qtbot, gui_type, editor: HistoryEditor, changes):  # type: ignore[no-untyped-def]
    editor.set_content(FULL_HISTORY)
    editor.set_read_only(True)
    assert editor.is_read_only()
    for button in (editor.add_cancer_button, editor.remove_cancer_button):
        assert not button.isVisible()
    editor.cancer_table.setFocus()
    for key in (Qt.Key.Key_Insert, Qt.Key.Key_Delete):
        qtbot.keyClick(editor.cancer_table, key)
    assert editor.last_confirmation is None
    gui_type(editor.cancer_age_edit, "12")
    gui_type(editor.cancer_note_edit, "x")
    gui_type(editor.history_note_edit, "x")
    assert not editor.site_combo.isEnabled() and not editor.confirmed_check.isEnabled()
    qtbot.keyClick(editor.site_combo, Qt.Key.Key_Down)
    # Rows can still be selected and read.
    editor.surgery_table.selectRow(1)
    assert editor.current_page() == "surgery"
    assert editor.surgery_age_edit.text() == "40-49"
    assert not editor.kind_combo.isEnabled()
    assert editor.content() == FULL_HISTORY
    assert changes == []
    editor.set_read_only(False)
    gui_type(editor.surgery_note_edit, "Bien tolérée")
    assert editor.content().surgeries[1].note == "Bien tolérée"
    assert changes


# ---------------------------------------------------------------- look and size
def test_the_editor_fits_the_tab_and_renders(qtbot, editor: HistoryEditor, tmp_path: Path) -> None:
    """Rendered empty and filled at 1100×650 (saved for a look); nothing needs to scroll."""
    assert editor.minimumSizeHint().width() <= 1100
    assert editor.minimumSizeHint().height() <= 650
    editor.grab().save(str(tmp_path / "history-empty.png"))
    editor.set_content(FULL_HISTORY)
    qtbot.wait(10)
    scroll = editor.findChild(QWidget, "detail_scroll")
    assert not scroll.horizontalScrollBar().isVisible()
    assert not scroll.verticalScrollBar().isVisible()
    path = tmp_path / "history-filled.png"
    editor.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1100, 650)


# --------------------------------------------------------- labels and table model
def test_every_domain_code_has_a_translated_label() -> None:
    assert set(SITE_LABELS) == set(CANCER_SITES)
    assert set(LATERALITY_LABELS) == set(LATERALITIES)
    assert set(HISTOLOGY_LABELS) == set(HISTOLOGIES)
    assert set(RECEPTOR_LABELS) == set(RECEPTOR_VALUES)
    assert set(MSI_LABELS) == set(MSI_STATUSES)
    assert set(IHC_LABELS) == set(IHC_STATUSES)
    assert set(SURGERY_KIND_LABELS) == set(SURGERY_KINDS)
    assert set(SURGERY_SIDE_LABELS) == set(SURGERY_SIDES)
    assert set(GRADE_LABELS) == {None, 1, 2, 3}
    # In French, the labels say what the domain says (with a capital).
    for labels, domain in (
        (SITE_LABELS, {code: site.label for code, site in CANCER_SITES.items()}),
        (HISTOLOGY_LABELS, HISTOLOGIES),
        (RECEPTOR_LABELS, RECEPTOR_VALUES),
        (MSI_LABELS, MSI_STATUSES),
        (IHC_LABELS, IHC_STATUSES),
        (SURGERY_KIND_LABELS, {code: kind.label for code, kind in SURGERY_KINDS.items()}),
        (SURGERY_SIDE_LABELS, SURGERY_SIDES),
    ):
        for code, french in domain.items():
            assert coded_label(labels, code).lower() == french.lower(), code
    # The laterality agrees with "Côté" (masculine), the domain's "non précisée" with
    # "latéralité": the other labels are the domain's.
    assert [coded_label(LATERALITY_LABELS, c) for c in LATERALITIES] == [
        "Non précisé",
        "Gauche",
        "Droit",
        "Bilatéral",
    ]
    assert len(LABEL_TABLES) == 9


def test_labels_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from oiso_desktop.gui.i18n import install_translations

    assert install_translations("en")
    try:
        assert coded_label(SITE_LABELS, "colorectal") == "Colon and rectum"
        assert coded_label(SURGERY_SIDE_LABELS, "right") == "Right"
        assert when_text("45", "") == "45 y"
    finally:
        install_translations("fr")
    assert coded_label(SITE_LABELS, "colorectal") == "Côlon-rectum"
    assert coded_label(SITE_LABELS, "nowhere") == "nowhere"  # unknown codes show as they are


def test_cancer_table_model_without_widgets() -> None:
    model = CancerTableModel()
    model.set_rows(
        [
            CancerRow(0, FULL_HISTORY.cancers[0], "~45", ""),
            CancerRow(1, FULL_HISTORY.cancers[1], "48", "02/05/2023", ("Un problème.",)),
        ]
    )
    assert model.rowCount() == 2 and model.columnCount() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Localisation", "Côté", "Âge ou date", "Détails"]
    assert model.data(model.index(1, 2)) == "48 ans (02/05/2023)"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "Un problème."
    assert model.data(model.index(1, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ToolTipRole) == "MSI · Perte MLH1/PMS2"
    assert when_text("inconnu", "") == "inconnu"
    assert when_text("", "02/05/2023") == "02/05/2023"
    # Replaced in place while typing: a view's selection survives.
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.update_rows([CancerRow(0, FULL_HISTORY.cancers[2], "inconnu", ""), model.row_at(1)])
    assert resets == [] and model.data(model.index(0, 0)) == "Thyroïde"
