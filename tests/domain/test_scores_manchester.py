"""Manchester score: hand-worked pedigrees (REFERENCE.md; Evans et al., J Med Genet 2017).

Points BRCA1 / BRCA2 (combined = their sum): female breast < 30: 6/5, 30–39: 4/4,
40–49: 3/3, 50–59: 2/2, > 59: 1/1; male breast < 60: 5/8, > 59: 5/5; ovary < 60:
8/5, > 59: 5/5; pancreas 0/1; prostate < 60: 0/2, > 59: 0/1. One branch at a time;
threshold combined ≥ 15 (20 when the patient has no counted cancer).
"""

from __future__ import annotations

import pytest

from oiso_desktop.domain.family import Adoption, Receptors
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores import Branch, Points, Status
from oiso_desktop.domain.scores.manchester import ManchesterValues
from tests.domain.score_pedigrees import Pedigree, history_cancer, texts

P, M = Branch.PATERNAL, Branch.MATERNAL


def _values(brca1, brca2):
    return ManchesterValues(
        Points.exactly(brca1), Points.exactly(brca2), Points.exactly(brca1 + brca2)
    )


@pytest.mark.parametrize(
    ("age", "brca1", "brca2"),
    [
        (29, 6, 5),  # < 30: 6/5, combined 11
        (30, 4, 4),  # 30–39
        (39, 4, 4),
        (40, 3, 3),  # 40–49
        (49, 3, 3),
        (50, 2, 2),  # 50–59
        (59, 2, 2),
        (60, 1, 1),  # > 59
        (70, 1, 1),  # 70/71: no edge for Manchester
        (71, 1, 1),
    ],
)
def test_edge_ages_of_a_mothers_breast_cancer(age, brca1, brca2):
    # The patient is unaffected; her mother had a breast cancer at ``age``.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "breast", age)
    ped.check()
    result = ped.scores().manchester
    assert result.branch(M).plain == _values(brca1, brca2)
    assert result.branch(P).plain == _values(0, 0)
    assert result.adjusted is False and result.branch(M).adjusted is None


@pytest.mark.parametrize(
    ("sex", "site", "age", "brca1", "brca2"),
    [
        ("M", "breast", 59, 5, 8),  # male breast < 60: 13
        ("M", "breast", 60, 5, 5),  # > 59: 10
        ("F", "ovary", 59, 8, 5),  # ovary < 60: 13
        ("F", "ovary", 60, 5, 5),  # > 59: 10
        ("M", "prostate", 59, 0, 2),
        ("M", "prostate", 60, 0, 1),
        ("M", "pancreas", 29, 0, 1),  # pancreas at any age
        ("M", "pancreas", 71, 0, 1),
        ("F", "colorectal", 40, 0, 0),  # not in the table
    ],
)
def test_other_sites_at_their_edges(sex, site, age, brca1, brca2):
    # A maternal uncle or aunt with one cancer.
    ped = Pedigree()
    father, mother = ped.parents()
    relative = ped.sibling(mother, sex)
    ped.cancer(relative, site, age)
    ped.check()
    assert ped.scores().manchester.branch(M).plain == _values(brca1, brca2)


def test_a_family_reaching_15_on_one_side():
    # Patient breast 38: 4/4 (both branches). Mother ovary 55: 8/5. Maternal: 12/9,
    # combined 21 ≥ 15: met. Paternal: 4/4 = 8 only.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 55)
    ped.check()
    history = PersonalHistory(cancers=(history_cancer("breast", 38),))
    result = ped.scores(history).manchester
    assert result.threshold == 15 and result.patient_affected
    assert result.branch(M).plain == _values(12, 9)
    assert result.branch(P).plain == _values(4, 4)
    assert result.branch(M).status == Status.MET
    assert result.branch(P).status == Status.NOT_MET
    assert result.status == Status.MET


def test_sides_are_not_added():
    # Patient breast 45: 3/3, in both branches. Paternal aunt breast 35: 4/4, so the
    # paternal branch is 7/7 = 14, below 15. Mother breast 52 (2/2) and maternal aunt
    # breast 48 (3/3): maternal 3+2+3 = 8/8 = 16 ≥ 15, met. The sides are never added.
    ped = Pedigree()
    father, mother = ped.parents()
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "breast", 35)
    ped.cancer(mother, "breast", 52)
    maternal_aunt = ped.sibling(mother, "F")
    ped.cancer(maternal_aunt, "breast", 48)
    ped.check()
    history = PersonalHistory(cancers=(history_cancer("breast", 45),))
    result = ped.scores(history).manchester
    assert result.branch(P).plain == _values(7, 7)
    assert result.branch(P).status == Status.NOT_MET
    assert result.branch(M).plain == _values(8, 8)
    assert result.status == Status.MET


def test_an_unaffected_patient_needs_20():
    # Patient unaffected: threshold 20. Mother breast 35 (4/4) + maternal aunt ovary 50
    # (8/5) = 21: met. With the aunt's ovary at 65 instead (5/5): 18, not met although
    # ≥ 15.
    for ovary_age, combined, status in ((50, 21, Status.MET), (65, 18, Status.NOT_MET)):
        ped = Pedigree()
        father, mother = ped.parents()
        ped.cancer(mother, "breast", 35)
        aunt = ped.sibling(mother, "F")
        ped.cancer(aunt, "ovary", ovary_age)
        ped.check()
        scores = ped.scores()
        result = scores.manchester
        assert result.threshold == 20 and not result.patient_affected
        assert result.branch(M).plain.combined == Points.exactly(combined)
        assert result.status == status
        assert texts(result.reading, scores.family)[-1] == (
            "Aucun cancer compté chez la personne elle-même : le seuil est de 20, celui de "
            "l'analyse d'une personne non atteinte (Evans 2017)."
        )


def test_breast_pathology_adjustments_of_the_index_case():
    # Patient breast 36, grade 3, triple negative (ER−, PR−, HER2−): plain 4/4 = 8.
    # Adjusted BRCA1: +2 (grade 3) +4 (triple negative, in place of ER− +1) = +6 ->
    # 10/4 = 14. Mother ovary 52 (8/5): maternal plain 12/9 = 21, adjusted 18/9 = 27.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 52)
    ped.check()
    cancer = history_cancer("breast", 36, grade=3, receptors=Receptors(er="N", pr="N", her2="N"))
    scores = ped.scores(PersonalHistory(cancers=(cancer,)))
    result = scores.manchester
    assert result.adjusted
    assert result.branch(P).plain == _values(4, 4)
    assert result.branch(P).adjusted == _values(10, 4)
    assert result.branch(M).adjusted == _values(18, 9)
    adjustments = [c for c in result.contributions if c.kind == "adjustment"]
    assert [texts(a.notes, scores.family)[0] for a in adjustments] == [
        "ajustement 2017 : grade 3",
        "ajustement 2017 : triple négatif",
    ]
    assert [a.points[0].signed() for a in adjustments] == ["+2", "+4"]
    assert texts(result.reading, scores.family)[0] == (
        "Branche paternelle : BRCA1 4, BRCA2 4, total 8 ; avec les ajustements "
        "anatomopathologiques de 2017 : BRCA1 10, BRCA2 4, total 14."
    )


def test_her2_er_grade_and_lobular_adjustments_add_up():
    # Patient breast 45 (3/3), grade 1 (−2), ER+ (−1), HER2 amplified (−6), lobular
    # (−2): BRCA1 3 − 11 = −8; BRCA2 unchanged (3). Her later breast cancer (55) is
    # not the index case: it scores 2/2 plainly and is not adjusted.
    ped = Pedigree()
    ped.parents()
    first = history_cancer(
        "breast", 45, grade=1, histology="lobular", receptors=Receptors(er="P", her2="P")
    )
    second = history_cancer("contralateral_breast", 55, grade=3)
    scores = ped.scores(PersonalHistory(cancers=(second, first)))
    result = scores.manchester
    assert result.branch(P).plain == _values(5, 5)
    assert result.branch(P).adjusted == _values(5 - 11, 5)
    assert result.branch(P).adjusted.combined == Points.exactly(-1)
    assert str(result.branch(P).adjusted.brca1) == "−6"


def test_dcis_adjustment_and_grade_2():
    # DCIS at 32 (4/4), grade 2 (0): BRCA1 4 − 2 = 2. A known grade 2 counts as known
    # pathology: the adjusted score is shown.
    ped = Pedigree()
    ped.parents()
    scores = ped.scores(
        PersonalHistory(cancers=(history_cancer("breast", 32, histology="dcis", grade=2),))
    )
    assert scores.manchester.branch(M).adjusted == _values(2, 4)


def test_ovarian_histology_adjustments_anywhere_in_the_family():
    # Mother ovary 59, high-grade serous: 8/5 plus +2/0 (HGS < 60) -> 10/5.
    # Maternal aunt ovary 45, mucinous: 8/5 plainly, but does not score once adjusted.
    # Paternal aunt ovary 60, high-grade serous: 5/5, no adjustment at 60.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 59, histology="high_grade_serous")
    aunt = ped.sibling(mother, "F")
    ped.cancer(aunt, "ovary", 45, histology="mucinous")
    paternal_aunt = ped.sibling(father, "F")
    ped.cancer(paternal_aunt, "ovary", 60, histology="high_grade_serous")
    ped.check()
    scores = ped.scores()
    result = scores.manchester
    assert result.branch(M).plain == _values(16, 10)
    assert result.branch(M).adjusted == _values(10, 5)
    assert result.branch(P).plain == _values(5, 5)
    assert result.branch(P).adjusted == _values(5, 5)
    notes = [
        texts(c.notes, scores.family)[0] for c in result.contributions if c.kind == "adjustment"
    ]
    assert "ajustement 2017 : histologie mucineux, le cas ne compte pas" in notes
    assert "ajustement 2017 : séreux de haut grade avant 60 ans" in notes


def test_adopted_patient_adds_two_and_two():
    # The patient was adopted (family history unknown): her adoptive mother's ovarian
    # cancer does not count; her own breast cancer at 41 (3/3) does; +2/+2 adjusted.
    ped = Pedigree(adoption=Adoption.IN)
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", 40)
    ped.check()
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("breast", 41),)))
    assert scores.manchester.branch(M).plain == _values(3, 3)
    assert scores.manchester.branch(M).adjusted == _values(5, 5)


def test_an_imprecise_age_across_the_threshold_is_uncertain():
    # Unaffected patient (threshold 20). Mother ovary "~60" (55 to 65): 8/5 or 5/5,
    # combined 10 to 13. Maternal aunt breast 38: 4/4 = 8. Maternal cousin breast
    # "40-49": 3/3 exactly (the whole range in one band). 10..13 + 8 + 6 = 24..27 ≥ 20:
    # met whatever the mother's exact age. Without the cousin: 18..21, uncertain; the
    # reading names the mother.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "ovary", "~60")
    aunt = ped.sibling(mother, "F")
    ped.cancer(aunt, "breast", 38)
    cousin = ped.child(aunt, "F")
    ped.cancer(cousin, "breast", "40-49")
    ped.check()
    result = ped.scores().manchester
    assert result.branch(M).plain.combined == Points(24, 27)
    assert result.status == Status.MET

    ped.set(cousin, cancers=())
    scores = ped.scores()
    result = scores.manchester
    assert result.branch(M).plain == ManchesterValues(Points(9, 12), Points(9, 9), Points(18, 21))
    assert result.status == Status.UNCERTAIN
    assert texts(result.reading, scores.family)[2] == (
        f"Seuil de 20 peut-être atteint (âge ou sexe imprécis : mère ({mother})) : précisez-les."
    )


def test_unknown_sex_with_breast_cancer():
    # A paternal relative of unknown sex, breast at 45: as a woman 3/3, as a man 5/8.
    # BRCA1 3..5, BRCA2 3..8, combined 6..13 (the combined range is that of the two
    # possibilities, 6 or 13, not the sum of the column ranges).
    ped = Pedigree()
    father, mother = ped.parents()
    relative = ped.sibling(father, "U")
    ped.cancer(relative, "breast", 45)
    ped.check()
    plain = ped.scores().manchester.branch(P).plain
    assert plain == ManchesterValues(Points(3, 5), Points(3, 8), Points(6, 13))


def test_brca2_pattern_male_breast_prostate_pancreas():
    # Patient (man) breast 61: 5/5. Father pancreas 67: 0/1. Paternal grandfather
    # prostate 58: 0/2. Paternal aunt ovary 47: 8/5. Paternal: 13/13 = 26 ≥ 15: met.
    # Maternal: the patient only, 5/5 = 10.
    ped = Pedigree(sex="M")
    father, mother = ped.parents()
    ped.cancer(father, "pancreas", 67)
    grandfather, grandmother = ped.parents(father)
    ped.cancer(grandfather, "prostate", 58)
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "ovary", 47)
    ped.check()
    result = ped.scores(PersonalHistory(cancers=(history_cancer("breast", 61),))).manchester
    assert result.branch(P).plain == _values(13, 13)
    assert result.branch(M).plain == _values(5, 5)
    assert result.status == Status.MET
