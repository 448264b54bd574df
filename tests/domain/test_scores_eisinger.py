"""Eisinger score: hand-worked pedigrees (REFERENCE.md "Testing-indication scores").

Table: BRCA variant identified in the family 5; female breast cancer < 30: 4,
30–39: 3, 40–49: 2, 50–70: 1 (none after 70); male breast cancer 4; ovarian
cancer 3. Per parental branch, never added across branches; threshold 5.
Each test says how the points were worked out by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from oiso_desktop.domain.family import Adoption
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores import Branch, Points, Status
from tests.domain.score_pedigrees import Pedigree, history_cancer, texts

P, M = Branch.PATERNAL, Branch.MATERNAL


def _points(result, branch):
    return result.eisinger.branch(branch).points


@pytest.mark.parametrize(
    ("age", "points"),
    [
        (29, 4),  # < 30
        (30, 3),  # 30–39
        (39, 3),
        (40, 2),  # 40–49
        (49, 2),
        (50, 1),  # 50–70
        (59, 1),  # 59/60 is no edge for Eisinger: both 1
        (60, 1),
        (70, 1),  # 70 is still in 50–70
        (71, 0),  # after 70: no point
    ],
)
def test_edge_ages_of_a_mothers_breast_cancer(age, points):
    # Proband unaffected; her mother had a breast cancer at ``age``: the maternal
    # branch scores the band's points, the paternal branch nothing.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "breast", age)
    ped.check()
    scores = ped.scores()
    assert _points(scores, M) == Points.exactly(points)
    assert _points(scores, P) == Points.exactly(0)
    assert scores.eisinger.status == Status.NOT_MET  # at most 4 < 5


def test_branches_are_not_added():
    # Paternal aunt, breast at 38: 3. Mother, breast at 28: 4. Paternal 3, maternal 4;
    # 7 if added, but Eisinger reads each branch alone: neither reaches 5.
    ped = Pedigree()
    father, mother = ped.parents()
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "breast", 38)
    ped.cancer(mother, "breast", 28)
    ped.check()
    scores = ped.scores()
    assert _points(scores, P) == Points.exactly(3)
    assert _points(scores, M) == Points.exactly(4)
    assert scores.eisinger.status == Status.NOT_MET
    assert texts(scores.eisinger.reading, scores.family) == [
        "Branche paternelle : score 3, indication possible.",
        "Branche maternelle : score 4, indication possible.",
    ]


def test_paternal_branch_reaches_the_threshold():
    # Paternal aunt breast 35 (3) + paternal grandmother ovary 62 (3) = 6 ≥ 5: met.
    # Maternal aunt breast 45 (2): maternal 2, "intérêt faible".
    ped = Pedigree()
    father, mother = ped.parents()
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "breast", 35)
    grandfather, grandmother = ped.family.parents_of(father)
    ped.cancer(grandmother, "ovary", 62)
    maternal_aunt = ped.sibling(mother, "F")
    ped.cancer(maternal_aunt, "breast", 45)
    ped.check()
    scores = ped.scores()
    assert _points(scores, P) == Points.exactly(6)
    assert _points(scores, M) == Points.exactly(2)
    assert scores.eisinger.status == Status.MET
    assert scores.eisinger.branch(P).status == Status.MET
    assert scores.eisinger.branch(M).status == Status.NOT_MET
    reading = texts(scores.eisinger.reading, scores.family)
    assert reading[0] == (
        "Branche paternelle : score 6, excellente indication de consultation d'oncogénétique."
    )
    assert reading[1] == "Branche maternelle : score 2, intérêt faible."
    contributors = {c.person_id: c.branches for c in scores.eisinger.contributions}
    assert contributors == {aunt: {P}, grandmother: {P}, maternal_aunt: {M}}


def test_male_breast_cancer_scores_four_at_any_age():
    # Father, breast at 75: a man's breast cancer is 4 whatever the age (a woman's
    # would be 0 after 70). The proband's brother, breast at 50: 4 in both branches
    # (a full sibling belongs to both). Paternal 8, maternal 4.
    ped = Pedigree(sex="M")
    father, mother = ped.parents()
    ped.cancer(father, "breast", 75)
    brother = ped.sibling("p1", "M")
    ped.cancer(brother, "breast", 50)
    ped.check()
    scores = ped.scores()
    assert _points(scores, P) == Points.exactly(8)
    assert _points(scores, M) == Points.exactly(4)
    assert scores.eisinger.status == Status.MET
    father_row = next(c for c in scores.eisinger.contributions if c.person_id == father)
    assert texts(father_row.notes, scores.family) == ["chez un homme"]


def test_a_brca_variant_counts_five_once_per_branch():
    # A paternal cousin carries a BRCA2 pathogenic variant (5), her mother (paternal
    # aunt) too — still 5 once — and had a breast cancer at 52 (1): paternal 6.
    # A maternal aunt's PALB2 variant and a maternal cousin's BRCA1 VUS do not count.
    ped = Pedigree()
    father, mother = ped.parents()
    aunt = ped.sibling(father, "F")
    cousin = ped.child(aunt, "F")
    ped.result(cousin, "BRCA2")
    ped.result(aunt, "BRCA2")
    ped.cancer(aunt, "breast", 52)
    maternal_aunt = ped.sibling(mother, "F")
    ped.result(maternal_aunt, "PALB2")
    maternal_cousin = ped.child(maternal_aunt, "M")
    ped.result(maternal_cousin, "BRCA1", "VUS")
    ped.check()
    scores = ped.scores()
    assert _points(scores, P) == Points.exactly(6)
    assert _points(scores, M) == Points.exactly(0)
    variants = [c for c in scores.eisinger.contributions if c.kind == "variant"]
    assert len(variants) == 1 and variants[0].branches == {P}
    assert texts(variants[0].notes, scores.family) == ["variant pathogène BRCA2 identifié"]


def test_the_patients_own_variant_and_cancer_count_in_both_branches():
    # The patient (genetics tab: BRCA1 class 5) had a breast cancer at 42 (history: 2):
    # 5 + 2 = 7 in each branch; her mother's ovarian cancer at 55 adds 3 on the
    # maternal side: 10.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 55)
    ped.check()
    history = PersonalHistory(cancers=(history_cancer("breast", 42),))
    scores = ped.scores(history, variant_genes=("brca1",))
    assert _points(scores, P) == Points.exactly(7)
    assert _points(scores, M) == Points.exactly(10)


def test_imprecise_ages_give_a_range_and_an_uncertain_status():
    # Mother breast 38: 3. Maternal grandmother breast "~50" (45 to 55): 2 or 1.
    # Maternal branch 4 to 5: the threshold of 5 may or may not be reached: uncertain,
    # and the reading names the grandmother. A paternal aunt's "40-49" lies wholly in
    # the 40–49 band: exactly 2, certain.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "breast", 38)
    grandfather, grandmother = ped.parents(mother)
    ped.cancer(grandmother, "breast", "~50")
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "breast", "40-49")
    ped.check()
    scores = ped.scores()
    assert _points(scores, M) == Points(4, 5)
    assert scores.eisinger.branch(M).status == Status.UNCERTAIN
    assert _points(scores, P) == Points.exactly(2)
    assert scores.eisinger.status == Status.UNCERTAIN
    reading = texts(scores.eisinger.reading, scores.family)
    assert reading[1] == (
        "Branche maternelle : score 4–5 (âge ou sexe imprécis : grand-mère maternelle "
        f"({grandmother})), indication possible ou excellente indication de consultation "
        "d'oncogénétique."
    )
    row = next(c for c in scores.eisinger.contributions if c.person_id == grandmother)
    assert row.uncertain and row.points == (Points(1, 2),)
    assert texts(row.notes, scores.family) == ["âge imprécis (entre 45 et 55 ans)"]


def test_unknown_age_and_unknown_sex():
    # Mother ovary, age unknown: 3 (ovary scores at any age: not uncertain). Maternal
    # aunt breast, age unknown: 0 to 4. A maternal relative of unknown sex (a sibling
    # of the mother) with a breast cancer at 60: 1 as a woman, 4 as a man.
    # Maternal: 3 + 0..4 + 1..4 = 4 to 11: uncertain.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", "inconnu")
    aunt = ped.sibling(mother, "F")
    ped.cancer(aunt, "breast", "inconnu")
    sibling = ped.sibling(mother, "U")
    ped.cancer(sibling, "breast", 60)
    ped.check()
    scores = ped.scores()
    assert _points(scores, M) == Points(4, 11)
    assert scores.eisinger.status == Status.UNCERTAIN
    rows = {c.person_id: c for c in scores.eisinger.contributions}
    assert not rows[mother].uncertain
    assert texts(rows[aunt].notes, scores.family) == ["âge au diagnostic inconnu"]
    assert texts(rows[sibling].notes, scores.family) == ["sexe inconnu"]


def test_only_blood_relatives_count():
    # The proband's husband had a breast cancer at 60 and his mother one at 30: not
    # blood relatives. A paternal aunt adopted into the family (breast 30) is not
    # either. A maternal half-sister (same mother) breast 35: maternal only, 3.
    ped = Pedigree()
    husband = ped.partner("p1")
    ped.cancer(husband, "breast", 60)
    ped.child("p1", "F", partner=husband)
    father_in_law, mother_in_law = ped.parents(husband)
    ped.cancer(mother_in_law, "breast", 30)
    father, mother = ped.parents()
    aunt = ped.sibling(father, "F", adoption=Adoption.IN)
    ped.cancer(aunt, "breast", 30)
    other_father = ped.partner(mother)
    half_sister = ped.child(mother, "F", partner=other_father)
    ped.cancer(half_sister, "breast", 35)
    ped.check()
    scores = ped.scores()
    assert _points(scores, P) == Points.exactly(0)
    assert _points(scores, M) == Points.exactly(3)
    assert [c.person_id for c in scores.eisinger.contributions] == [half_sister]


def test_bilateral_breast_cancer_counts_each_cancer():
    # Mother: breast at 45 (2), then the other breast at 52 (1): 3 in the maternal
    # branch; the maternal grandmother's ovary at 71 (3, any age) brings it to 6.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "breast", 45)
    ped.cancer(mother, "contralateral_breast", 52)
    grandfather, grandmother = ped.parents(mother)
    ped.cancer(grandmother, "ovary", 71)
    ped.check()
    scores = ped.scores()
    assert _points(scores, M) == Points.exactly(6)
    assert scores.eisinger.status == Status.MET


def test_the_history_and_the_family_count_the_patients_cancer_once():
    # The patient's breast cancer is typed in the family (36) and in the history (with
    # its date only, 12/2011, born 03/1975: 36): counted once, 3 in each branch.
    # Her colorectal cancer (family only) is no Eisinger case.
    ped = Pedigree()
    ped.cancer("p1", "breast", 36)
    ped.cancer("p1", "colorectal", 40)
    ped.parents()
    ped.check()
    history = PersonalHistory(
        cancers=(history_cancer("breast", "", diagnosis_date=dt.date(2011, 12, 5)),)
    )
    scores = ped.scores(history, birth_date=dt.date(1975, 3, 1))
    assert _points(scores, P) == Points.exactly(3)
    assert _points(scores, M) == Points.exactly(3)
    (row,) = scores.eisinger.contributions
    assert row.age.text == "36"


def test_adopted_proband_counts_her_own_history_only():
    # The proband was adopted: the parents drawn are adoptive, their cancers are not
    # hers to inherit. Her own breast cancer at 29: 4 in each branch; a note says why.
    ped = Pedigree(adoption=Adoption.IN)
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 50)
    ped.cancer("p1", "breast", 29)
    ped.check()
    scores = ped.scores()
    assert _points(scores, M) == Points.exactly(4)
    assert texts(scores.eisinger.notes, scores.family) == [
        "Cas index adopté : ses antécédents familiaux biologiques ne sont pas connus."
    ]


def test_no_cancer_at_all():
    ped = Pedigree()
    ped.parents()
    scores = ped.scores()
    assert scores.eisinger.status == Status.NOT_MET
    assert texts(scores.eisinger.reading, scores.family) == [
        "Branche paternelle : score 0, aucun cas compté.",
        "Branche maternelle : score 0, aucun cas compté.",
    ]
