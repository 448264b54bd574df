"""Revised Bethesda guidelines: hand-worked pedigrees (REFERENCE.md; Umar et al. 2004).

A tumour is tested for MSI when any holds: (1) colorectal cancer < 50;
(2) synchronous/metachronous tumours of the HNPCC spectrum at any age;
(3) colorectal cancer with MSI-high histology < 60; (4) colorectal cancer with a
first-degree relative with a spectrum tumour, one of them < 50; (5) colorectal
cancer with ≥ 2 first- or second-degree relatives with spectrum tumours, any age.
Spectrum: colorectal, endometrium, stomach, ovary, pancreas, ureter/renal pelvis,
biliary tract, small bowel, brain, sebaceous tumours.
"""

from __future__ import annotations

import pytest

from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores import Status
from tests.domain.score_pedigrees import Pedigree, history_cancer, texts


def _criteria(result, person_id="p1"):
    person = result.bethesda.person(person_id)
    return {} if person is None else {c.code: c.status for c in person.criteria}


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (29, Status.MET),
        (30, Status.MET),
        (39, Status.MET),
        (40, Status.MET),
        (49, Status.MET),  # criterion 1: < 50
        (50, Status.NOT_MET),
        (59, Status.NOT_MET),
        (60, Status.NOT_MET),
        (70, Status.NOT_MET),
        (71, Status.NOT_MET),
    ],
)
def test_criterion_1_edge_ages(age, status):
    # The patient alone with a colorectal cancer at ``age``: only criterion 1 can hold.
    ped = Pedigree(sex="M")
    ped.parents()
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("colorectal", age),)))
    assert scores.bethesda.status == status
    assert _criteria(scores) == ({"bethesda_1": Status.MET} if status == Status.MET else {})


def test_patient_before_50_reading():
    # Patient CRC 41: criterion 1; the reading asks for an MSI test of her tumour and
    # recalls the MSI status already known.
    ped = Pedigree()
    ped.parents()
    history = PersonalHistory(
        cancers=(history_cancer("colorectal", 41, msi="msi", ihc="loss_mlh1_pms2"),)
    )
    scores = ped.scores(history)
    assert texts(scores.bethesda.reading, scores.family) == [
        "Rechercher une instabilité microsatellitaire (MSI) ou un déficit MMR sur la tumeur "
        "de : cas index.",
        "Tumeur du cas index (côlon-rectum) déjà analysée : instable (MSI).",
        "Immunohistochimie de la tumeur du cas index (côlon-rectum) : perte MLH1/PMS2.",
    ]


def test_criterion_2_metachronous_tumours():
    # Patient CRC 65 then endometrium 58 (both spectrum): criterion 2 at any age.
    # A CRC at 70 with a breast cancer at 60 is not: breast is outside the spectrum.
    ped = Pedigree()
    ped.parents()
    history = PersonalHistory(
        cancers=(history_cancer("colorectal", 65), history_cancer("endometrium", 58))
    )
    assert _criteria(ped.scores(history)) == {"bethesda_2": Status.MET}
    history = PersonalHistory(
        cancers=(history_cancer("colorectal", 70), history_cancer("breast", 60))
    )
    assert ped.scores(history).bethesda.status == Status.NOT_MET


def test_criterion_2_without_colorectal_cancer():
    # REFERENCE.md's criterion 2 is "Lynch-spectrum tumours", not colorectal ones only:
    # a mother with an endometrial cancer at 55 and an ovarian cancer at 62 has her
    # tumour tested.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "endometrium", 55)
    ped.cancer(mother, "ovary", 62)
    ped.check()
    scores = ped.scores()
    assert _criteria(scores, mother) == {"bethesda_2": Status.MET}
    assert texts(scores.bethesda.reading, scores.family) == [
        "Rechercher une instabilité microsatellitaire (MSI) ou un déficit MMR sur la tumeur "
        f"de : mère ({mother})."
    ]


@pytest.mark.parametrize(
    ("age", "histology", "status"),
    [
        (59, "mucinous", Status.MET),  # MSI-high histology before 60
        (60, "mucinous", Status.NOT_MET),
        (55, "", Status.NOT_MET),  # histology not given
        (55, "other", Status.NOT_MET),
    ],
)
def test_criterion_3_msi_high_histology_before_60(age, histology, status):
    ped = Pedigree()
    ped.parents()
    history = PersonalHistory(cancers=(history_cancer("colorectal", age, histology=histology),))
    scores = ped.scores(history)
    assert scores.bethesda.status == status
    if status == Status.MET:
        assert _criteria(scores) == {"bethesda_3": Status.MET}


def test_criterion_4_first_degree_relative_one_before_50():
    # Patient CRC 55, father stomach cancer 45 (Bethesda spectrum, not Amsterdam's):
    # first-degree, one < 50: criterion 4. With the father's at 55, neither is < 50:
    # not met (and a single relative cannot meet criterion 5).
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(father, "stomach", 45)
    ped.check()
    history = PersonalHistory(cancers=(history_cancer("colorectal", 55),))
    scores = ped.scores(history)
    assert _criteria(scores) == {"bethesda_4": Status.MET}
    person = scores.bethesda.person("p1")
    assert person.criteria[0].people == (father,)
    (row,) = scores.bethesda.contributions
    assert texts(row.notes, scores.family) == [
        "critère 4 : apparenté au premier degré atteint d'une tumeur du spectre, un "
        f"diagnostic avant 50 ans : père ({father})"
    ]
    ped.set(father, cancers=())
    ped.cancer(father, "stomach", 55)
    assert ped.scores(history).bethesda.status == Status.NOT_MET


def test_criterion_5_two_relatives_first_or_second_degree():
    # Patient CRC 65; paternal aunt pancreas 70 (second degree); paternal grandfather
    # ureter 75 (second degree): two, at any age: criterion 5. A paternal cousin's
    # endometrium (third degree) would not count in their place.
    ped = Pedigree()
    father, mother = ped.parents()
    grandfather, grandmother = ped.parents(father)
    aunt = ped.sibling(father, "F")
    ped.cancer(aunt, "pancreas", 70)
    ped.cancer(grandfather, "upper_urinary_tract", 75)
    ped.check()
    history = PersonalHistory(cancers=(history_cancer("colorectal", 65),))
    assert _criteria(ped.scores(history)) == {"bethesda_5": Status.MET}
    ped.set(grandfather, cancers=())
    cousin = ped.child(aunt, "F")
    ped.cancer(cousin, "endometrium", 45)
    ped.check()
    assert ped.scores(history).bethesda.status == Status.NOT_MET


def test_brain_and_sebaceous_tumours_belong_to_the_spectrum():
    # Patient CRC 70; brother glioblastoma 40, sister sebaceous tumour 50: criterion 4
    # (the brother, first-degree, < 50) and criterion 5 (two first-degree relatives).
    ped = Pedigree(sex="M")
    ped.parents()
    brother = ped.sibling("p1", "M")
    sister = ped.sibling("p1", "F")
    ped.cancer(brother, "brain", 40)
    ped.cancer(sister, "sebaceous", 50)
    ped.check()
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("colorectal", 70),)))
    assert _criteria(scores) == {"bethesda_4": Status.MET, "bethesda_5": Status.MET}
    person = scores.bethesda.person("p1")
    assert person.criteria[0].people == (brother,)
    assert person.criteria[1].people == (brother, sister)


def test_a_relatives_tumour_meets_the_criteria():
    # The patient has no cancer; her father had a CRC at 45: his tumour is the one to
    # test (criterion 1). Her husband's CRC at 40 is not the family's.
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(father, "colorectal", 45)
    husband = ped.partner("p1")
    ped.cancer(husband, "colorectal", 40)
    ped.check()
    scores = ped.scores()
    assert [p.person_id for p in scores.bethesda.people] == [father]
    assert texts(scores.bethesda.reading, scores.family) == [
        "Rechercher une instabilité microsatellitaire (MSI) ou un déficit MMR sur la tumeur "
        f"de : père ({father})."
    ]


def test_imprecise_age_is_uncertain():
    # Patient CRC "~48" (43 to 53): maybe before 50: uncertain, with the age to make
    # precise; "40-49" is certainly before 50.
    ped = Pedigree()
    ped.parents()
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("colorectal", "~48"),)))
    assert scores.bethesda.status == Status.UNCERTAIN
    (row,) = scores.bethesda.contributions
    assert texts(row.notes, scores.family) == [
        "critère 1 : cancer colorectal avant 50 ans",
        "âge imprécis (entre 43 et 53 ans)",
    ]
    assert texts(scores.bethesda.reading, scores.family) == [
        "Critère possiblement rempli selon un âge imprécis : cas index ; précisez l'âge au "
        "diagnostic."
    ]
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("colorectal", "40-49"),)))
    assert scores.bethesda.status == Status.MET


def test_half_sibling_is_second_degree():
    # Patient CRC 60; paternal half-brother CRC 70 (second degree); paternal
    # grandmother endometrium 80 (second degree): criterion 5 holds for the patient.
    # The half-brother (CRC 70) also meets it: the patient (second degree) and their
    # common grandmother (second degree).
    ped = Pedigree()
    father, mother = ped.parents()
    other_mother = ped.partner(father)
    half_brother = ped.child(father, "M", partner=other_mother)
    grandfather, grandmother = ped.parents(father)
    ped.cancer(half_brother, "colorectal", 70)
    ped.cancer(grandmother, "endometrium", 80)
    ped.check()
    scores = ped.scores(PersonalHistory(cancers=(history_cancer("colorectal", 60),)))
    assert _criteria(scores) == {"bethesda_5": Status.MET}
    assert _criteria(scores, half_brother) == {"bethesda_5": Status.MET}
    assert [p.person_id for p in scores.bethesda.people] == ["p1", half_brother]


def test_no_spectrum_tumour():
    ped = Pedigree()
    father, mother = ped.parents()
    ped.cancer(mother, "breast", 40)
    ped.cancer(father, "lung", 45)
    ped.check()
    scores = ped.scores()
    assert scores.bethesda.status == Status.NOT_MET
    assert texts(scores.bethesda.reading, scores.family) == [
        "Aucun critère de Bethesda révisé n'est rempli."
    ]
