"""The Scores tab: four cards computed live, relatives that lead to the Famille tab,
French by default, the same words as the domain's French readings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from oiso_desktop.domain.family import update_person
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES, lynch_family
from oiso_desktop.domain.scores import Status, compute_scores, french
from oiso_desktop.domain.scores.phrases import FRENCH
from oiso_desktop.gui.i18n import install_translations
from oiso_desktop.gui.score_texts import PHRASES, phrase_text
from oiso_desktop.gui.scores_panel import ScoresPanel
from oiso_desktop.services.demo import DEMO_FAMILIES
from tests.domain.score_pedigrees import Pedigree

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "oiso_fr.ts"
HISTORIES = {demo.key: demo.history for demo in DEMO_FAMILIES}
BIRTH = dt.date(1987, 2, 14)


@pytest.fixture
def panel(qtbot):
    widget = ScoresPanel()
    qtbot.addWidget(widget)
    widget.resize(1240, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _show(qtbot, panel, key, family=None, history=None):
    """Give the panel a file and wait for the cards (redrawn once edits pause)."""
    family = family or SAMPLE_FAMILIES[key][1]()
    with qtbot.waitSignal(panel.sig_refreshed, timeout=2000):
        panel.set_inputs(
            HISTORIES[key] if history is None else history,
            family,
            birth_date=BIRTH,
            sex=family.proband.sex,
        )
    return family


def test_the_four_cards_of_the_brca1_family(panel, qtbot):
    family = _show(qtbot, panel, "brca1")
    assert panel.eisinger_card.badge_label.text() == "Seuil atteint"
    assert panel.manchester_card.badge_label.text() == "Seuil atteint"
    assert panel.amsterdam_card.badge_label.text() == "Critères non remplis"
    assert panel.bethesda_card.badge_label.text() == "Aucun critère rempli"
    assert panel.eisinger_card.title_label.text() == "Score d'Eisinger"
    scores = panel.scores
    assert panel.eisinger_card.reading_label.text() == "\n".join(
        french(p, scores.family) for p in scores.eisinger.reading
    )
    # Values against the threshold: 8 and 14 in the branches; Manchester with and
    # without the 2017 adjustments (the demo history: grade 3, triple negative).
    values = panel.eisinger_card.values_label.text()
    assert ">8<" in values and ">14<" in values and "Seuil : 5" in values
    assert "Avec les ajustements de 2017" in panel.manchester_card.values_label.text()
    # The relatives who count, with their relationship.
    mother = family.person("p1").mother_id
    assert mother in panel.eisinger_card.listed_people()
    assert panel.eisinger_card.person_button(mother).text() == f"mère ({mother})"


def test_clicking_a_relative_asks_to_show_them(panel, qtbot):
    family = _show(qtbot, panel, "brca1")
    mother = family.person("p1").mother_id
    button = panel.manchester_card.person_button(mother)
    with qtbot.waitSignal(panel.sig_person_activated, timeout=1000) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [mother]
    # The keyboard reaches it too: a focused button answers the space bar.
    button.setFocus()
    with qtbot.waitSignal(panel.sig_person_activated, timeout=1000) as signal:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert signal.args == [mother]


def test_scores_follow_the_edits(panel, qtbot):
    # The Lynch family as declared: Amsterdam to confirm (tumours not verified). Once
    # every Lynch-spectrum tumour is marked verified, the criteria are met.
    family = _show(qtbot, panel, "lynch")
    assert panel.amsterdam_card.badge_label.text() == "À confirmer"
    assert panel.bethesda_card.badge_label.text() == "Recherche de MSI indiquée"
    for person in family.people:
        cancers = tuple(dataclasses.replace(c, confirmed=True) for c in person.cancers)
        family = update_person(family, dataclasses.replace(person, cancers=cancers))
    _show(qtbot, panel, "lynch", family)
    assert panel.scores.amsterdam.status == Status.MET
    assert panel.amsterdam_card.badge_label.text() == "Critères remplis"


def test_an_imprecise_age_shows_an_uncertain_badge(panel, qtbot):
    # Mother breast 38 (3) and maternal grandmother breast "~50" (1 or 2): the maternal
    # branch is 4 to 5 against a threshold of 5.
    ped = Pedigree()
    father, mother = ped.parents()
    grandfather, grandmother = ped.parents(mother)
    ped.cancer(mother, "breast", 38)
    ped.cancer(grandmother, "breast", "~50")
    with qtbot.waitSignal(panel.sig_refreshed, timeout=2000):
        panel.set_inputs(PersonalHistory(), ped.family, birth_date=BIRTH, sex="F")
    assert panel.scores.eisinger.status == Status.UNCERTAIN
    assert panel.eisinger_card.badge_label.text() == "Seuil incertain"
    assert "4–5" in panel.eisinger_card.values_label.text()
    assert "âge imprécis (entre 45 et 55 ans)" in [
        label.text().removeprefix("• ")
        for label in panel.eisinger_card.findChildren(QLabel, "row_notes_label")
    ]


def test_edits_in_a_row_are_drawn_once(panel, qtbot):
    # Three edits within the pause: the scores follow each at once, the cards are
    # redrawn once, with the last.
    family = lynch_family()
    drawn = []
    panel.sig_refreshed.connect(lambda: drawn.append(panel.bethesda_card.badge_label.text()))
    with qtbot.waitSignal(panel.sig_refreshed, timeout=2000):
        for history in (PersonalHistory(), HISTORIES["brca1"], HISTORIES["lynch"]):
            panel.set_inputs(history, family, birth_date=BIRTH, sex="M")
            assert panel.scores.inputs.cases[0].person_id == "p1"
    qtbot.wait(50)
    assert drawn == ["Recherche de MSI indiquée"]


def test_a_hidden_panel_computes_when_shown(qtbot):
    widget = ScoresPanel()
    qtbot.addWidget(widget)
    family = lynch_family()
    widget.set_inputs(HISTORIES["lynch"], family, birth_date=BIRTH, sex="M")
    assert widget.bethesda_card.content is None  # nothing drawn while hidden
    assert widget.scores.bethesda.status == Status.MET  # but the scores are there
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.bethesda_card.badge_label.text() == "Recherche de MSI indiquée"


def test_english_interface(panel, qtbot):
    _show(qtbot, panel, "brca2")
    try:
        install_translations("en")
        qtbot.waitUntil(lambda: panel.eisinger_card.badge_label.text() == "Threshold reached")
        assert panel.eisinger_card.title_label.text() == "Eisinger score"
        assert "Paternal branch" in panel.eisinger_card.reading_label.text()
    finally:
        install_translations("fr")
    qtbot.waitUntil(lambda: panel.eisinger_card.badge_label.text() == "Seuil atteint")


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_every_sample_family_fits_a_laptop_screen(panel, qtbot, key):
    _show(qtbot, panel, key)
    assert panel.minimumSizeHint().width() <= 1000
    for card in panel.cards():
        assert card.content is not None and card.badge_label.text()


# --- the phrases --------------------------------------------------------------------


def _score_texts_catalogue() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "ScoreTexts":
            return {
                m.findtext("source") or "": m.findtext("translation") or ""
                for m in context.iter("message")
            }
    return {}


def test_every_phrase_has_an_english_source_and_the_domains_french():
    assert set(PHRASES) == set(FRENCH)
    catalogue = _score_texts_catalogue()
    for code, source in PHRASES.items():
        assert catalogue.get(source) == FRENCH[code], code


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_the_screen_says_what_the_domain_says(key):
    # In French, each reading on screen is the domain's French reading, word for word
    # (the summary PDF prints the latter).
    family = SAMPLE_FAMILIES[key][1]()
    scores = compute_scores(HISTORIES[key], family, birth_date=BIRTH, sex=family.proband.sex)
    for result in (scores.eisinger, scores.manchester, scores.amsterdam, scores.bethesda):
        phrases = [*result.reading, *result.notes]
        phrases += [n for c in result.contributions for n in c.notes]
        for phrase in phrases:
            assert phrase_text(phrase, scores.family) == french(phrase, scores.family)
