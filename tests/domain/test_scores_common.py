"""What the scores share: kinship, uncertain points, age tables, phrases, inputs."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oiso_desktop.domain.family import MAX_AGE, Adoption, Age, Cancer, Family, update_person
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
from oiso_desktop.domain.scores import Branch, Kinship, Points, Status, compute_scores, french
from oiso_desktop.domain.scores.eisinger import EISINGER_RULES
from oiso_desktop.domain.scores.inputs import PATIENT_ALONE_ID
from oiso_desktop.domain.scores.manchester import HIGH_GRADE_SEROUS_BANDS, MANCHESTER_RULES
from oiso_desktop.domain.scores.model import AgeBand, band_of, bands_met
from oiso_desktop.domain.scores.phrases import FRENCH
from tests.domain.family_builders import families
from tests.domain.score_pedigrees import Pedigree, history_cancer

P, M = Branch.PATERNAL, Branch.MATERNAL
SCORES_DIR = Path(__file__).resolve().parents[2] / "oiso_desktop" / "domain" / "scores"


# --- kinship --------------------------------------------------------------------------


def test_branches_degrees_and_generations():
    ped = Pedigree()
    father, mother = ped.parents()
    grandfather, grandmother = ped.parents(father)
    aunt = ped.sibling(father, "F")
    cousin = ped.child(aunt, "F")
    sister = ped.sibling("p1", "F")
    half_brother = ped.child(mother, "M", partner=ped.partner(mother))
    daughter = ped.child("p1", "F")
    son_in_law = ped.partner(daughter)
    maternal_uncle = ped.sibling(mother, "M")
    kin = Kinship(ped.family)
    assert kin.branches_of("p1") == {P, M}
    assert kin.branches_of(sister) == {P, M}
    assert kin.branches_of(daughter) == {P, M}
    assert kin.branches_of(father) == {P} == kin.branches_of(cousin) == kin.branches_of(aunt)
    assert kin.branches_of(half_brother) == {M} == kin.branches_of(maternal_uncle)
    assert kin.branches_of(son_in_law) == set()
    degrees = {
        father: 1, sister: 1, daughter: 1,
        grandfather: 2, aunt: 2, half_brother: 2, maternal_uncle: 2,
        cousin: 3, son_in_law: None,
    }  # fmt: skip
    assert {person: kin.degree("p1", person) for person in degrees} == degrees
    assert kin.degree(aunt, cousin) == 1 and kin.degree(cousin, "p1") == 3
    assert kin.generation(grandfather) == -2
    assert kin.generation(aunt) == -1
    assert kin.generation(cousin) == 0 == kin.generation(half_brother)
    assert kin.generation(daughter) == 1
    assert kin.generation(son_in_law) is None


def test_adoption_cuts_the_blood_line():
    ped = Pedigree()
    father, mother = ped.parents()
    adopted = ped.sibling(father, "M", adoption=Adoption.IN)
    his_son = ped.child(adopted, "M")
    given_away = ped.sibling("p1", "F", adoption=Adoption.OUT)
    kin = Kinship(ped.family)
    assert kin.branches_of(adopted) == set() == kin.branches_of(his_son)
    assert kin.branches_of(given_away) == {P, M}  # biological parents drawn
    assert kin.degree("p1", adopted) is None


def test_consanguineous_family_is_in_both_branches():
    # The sample family's parents are first cousins: relatives of the shared
    # great-grandparents' line belong to both branches.
    family = SAMPLE_FAMILIES["consanguineous_twins"][1]()
    kin = Kinship(family)
    father = family.person("p1").father_id
    grandmother = family.person(father).mother_id
    assert kin.branches_of(grandmother) == {P, M}


SITES = ("breast", "ovary", "colorectal", "endometrium", "stomach", "prostate", "pancreas")
AGES = ("29", "30", "49", "50", "59", "60", "~45", "40-49", "< 50", "inconnu")


def with_cancers(family: Family, seed: int) -> Family:
    """Cancers drawn for about a third of the people, at edge and imprecise ages."""
    chooser = random.Random(seed)
    for person in family.people:
        if chooser.random() < 0.35:
            site = chooser.choice(SITES)
            if site in ("ovary", "endometrium") and person.sex == "M":
                site = "colorectal"
            if site == "prostate" and person.sex == "F":
                site = "breast"
            cancer = Cancer(site=site, age=Age.parse(chooser.choice(AGES)))
            family = update_person(family, dataclasses.replace(person, cancers=(cancer,)))
    return family


@settings(max_examples=40, deadline=None)
@given(families(max_size=60), st.integers(0, 2**16))
def test_every_family_is_scored_without_error(family: Family, seed: int):
    # Random families (loops of consanguinity, twins, partners) with random cancers
    # never break the scores; every contributor is a blood relative of the proband;
    # a range of points always contains its exact reading.
    family = with_cancers(family, seed)
    scores = compute_scores(PersonalHistory(), family, birth_date=None, sex="F")
    kin = Kinship(family)
    for result in (scores.eisinger, scores.manchester, scores.amsterdam, scores.bethesda):
        for contribution in result.contributions:
            assert kin.branches_of(contribution.person_id)
            assert all(p.low <= p.high for p in contribution.points)
        for phrase in result.reading:
            assert french(phrase, scores.family)
    for branch in scores.eisinger.branches:
        assert branch.points.low <= branch.points.high


# --- points and tables ----------------------------------------------------------------


def test_points_arithmetic_and_text():
    assert Points(1, 2) + Points.exactly(3) == Points(4, 5)
    assert str(Points(4, 5)) == "4–5" and str(Points.exactly(-6)) == "−6"
    assert Points.exactly(2).signed() == "+2" and Points(-2, 0).signed() == "−2–0"
    assert Points(4, 5).status(5) == Status.UNCERTAIN
    assert Points(5, 9).status(5) == Status.MET
    assert Points(0, 4).status(5) == Status.NOT_MET


@pytest.mark.parametrize(
    "bands",
    [rule.bands for rule in (*EISINGER_RULES, *MANCHESTER_RULES)] + [HIGH_GRADE_SEROUS_BANDS],
)
def test_age_tables_cover_every_age_once(bands: tuple[AgeBand, ...]):
    for years in range(MAX_AGE + 1):
        assert len([b for b in bands if b.low <= years <= b.high]) == 1, years
        assert band_of(bands, years).low <= years


@pytest.mark.parametrize(
    ("typed", "bands"),
    [("45", 1), ("40-49", 1), ("~45", 2), ("< 50", 3), ("> 60", 2), ("inconnu", 5)],
)
def test_an_age_meets_the_bands_its_range_meets(typed, bands):
    breast = EISINGER_RULES[0].bands  # < 30, 30–39, 40–49, 50–70, > 70
    assert len(bands_met(breast, Age.parse(typed))) == bands


# --- phrases ------------------------------------------------------------------------


def _codes_in_sources() -> set[str]:
    """Every literal phrase code the scores build (Phrase.of("code", ...))."""
    found: set[str] = set()
    for path in SCORES_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "of"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_phrase_has_french_text():
    from oiso_desktop.domain.scores.amsterdam import AmsterdamCriterion
    from oiso_desktop.domain.scores.bethesda import CRITERIA
    from oiso_desktop.domain.scores.eisinger import EISINGER_READINGS

    used = _codes_in_sources() | set(AmsterdamCriterion) | set(CRITERIA)
    used |= {code for _, code in EISINGER_READINGS}
    assert used - set(FRENCH) == set()
    assert set(FRENCH) - used == set(), "French texts nobody uses"


def test_french_texts_are_well_formed():
    for code, text in FRENCH.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert all(name.isidentifier() for name in fields), code
        assert "'" not in text.replace("d'", "").replace("l'", "").replace("n'", ""), code
        assert " ?" in text or "?" not in text, code  # French spacing


# --- inputs -------------------------------------------------------------------------


def test_history_age_from_the_diagnosis_date():
    ped = Pedigree()
    ped.parents()
    history = PersonalHistory(
        cancers=(history_cancer("ovary", "", diagnosis_date=dt.date(2020, 2, 28)),)
    )
    scores = ped.scores(history, birth_date=dt.date(1970, 3, 1))
    (case,) = scores.inputs.cases
    assert case.age == Age.exact(49)  # the day before her 50th birthday


def test_a_family_without_a_single_proband_reads_the_history_alone():
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 40)
    people = tuple(
        p if not p.proband else type(p)(**{**p.__dict__, "proband": False})
        for p in ped.family.people
    )
    family = Family(people=people, partnerships=ped.family.partnerships)
    history = PersonalHistory(cancers=(history_cancer("breast", 29),))
    scores = compute_scores(history, family, birth_date=None, sex="F")
    assert scores.eisinger.branch(M).points == Points.exactly(4)
    assert [c.person_id for c in scores.eisinger.contributions] == [PATIENT_ALONE_ID]
    assert [french(n, scores.family) for n in scores.eisinger.notes] == [
        "La famille n'a pas un cas index unique : seuls les antécédents personnels sont comptés."
    ]


def test_identity_sex_indeterminate_reads_as_unknown():
    ped = Pedigree(sex="U")
    ped.parents()
    scores = compute_scores(
        PersonalHistory(cancers=(history_cancer("breast", 45),)),
        ped.family,
        birth_date=None,
        sex="I",
    )
    # As a woman 2, as a man 4.
    assert scores.eisinger.branch(P).points == Points(2, 4)


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_sample_families_read_in_french(key):
    family = SAMPLE_FAMILIES[key][1]()
    scores = compute_scores(PersonalHistory(), family, birth_date=None, sex=family.proband.sex)
    for result in (scores.eisinger, scores.manchester, scores.amsterdam, scores.bethesda):
        for phrase in (*result.reading, *result.notes):
            text = french(phrase, scores.family)
            assert text[0].isupper() and text.endswith("."), text
        for contribution in result.contributions:
            for note in contribution.notes:
                assert french(note, scores.family)


def test_french_lines_for_a_report():
    # What the summary PDF prints: the reading as a paragraph, one line per relative.
    from oiso_desktop.domain.scores.phrases import french_contribution, french_text

    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 52)
    grandfather, grandmother = ped.parents(mother)
    ped.cancer(grandmother, "breast", "~70")  # 65 to 75: 1 point up to 70, none after
    ped.result("p1", "BRCA1")
    scores = ped.scores()
    lines = [french_contribution(c, scores.family) for c in scores.eisinger.contributions]
    assert lines == [
        "cas index : variant pathogène BRCA1 identifié, 5 points",
        f"mère ({mother}) : ovaire, 52 ans, 3 points",
        f"grand-mère maternelle ({grandmother}) : sein, ~70 ans, 0–1 point "
        "(âge imprécis (entre 65 et 75 ans))",
    ]
    assert french_text(scores.eisinger.reading, scores.family) == (
        "Branche paternelle : score 5, excellente indication de consultation "
        "d'oncogénétique. Branche maternelle : score 8–9 (âge ou sexe imprécis : "
        f"grand-mère maternelle ({grandmother})), excellente indication de consultation "
        "d'oncogénétique."
    )
