"""The family model: ages as entered, one-step operations, every impossible family named."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Age,
    AgeKind,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    new_family,
    person_label,
    remove_person,
    set_partnership,
    set_proband,
    set_twins,
    update_person,
)
from oiso_desktop.domain.family_checks import validate

TODAY = date(2025, 6, 1)


# --- ages -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "value"),
    [
        ("45", AgeKind.EXACT, 45, 45, 45),
        (" 45 ans ", AgeKind.EXACT, 45, 45, 45),
        ("~45", AgeKind.APPROXIMATE, 40, 50, 45),
        ("env. 45", AgeKind.APPROXIMATE, 40, 50, 45),
        ("vers 45", AgeKind.APPROXIMATE, 40, 50, 45),
        ("45 ?", AgeKind.APPROXIMATE, 40, 50, 45),
        ("40-49", AgeKind.APPROXIMATE, 40, 49, 44),
        ("40 à 49 ans", AgeKind.APPROXIMATE, 40, 49, 44),
        ("< 50", AgeKind.APPROXIMATE, 0, 49, 49),
        ("avant 50", AgeKind.APPROXIMATE, 0, 49, 49),
        ("> 60", AgeKind.APPROXIMATE, 61, 125, 61),
        ("inconnu", AgeKind.UNKNOWN, None, None, None),
        ("Inconnue", AgeKind.UNKNOWN, None, None, None),
        ("?", AgeKind.UNKNOWN, None, None, None),
        ("", AgeKind.UNKNOWN, None, None, None),
    ],
)
def test_ages_are_read_and_kept_as_entered(text, kind, low, high, value):
    age = Age.parse(text)
    assert (age.kind, age.low, age.high, age.value) == (kind, low, high, value)
    assert str(age) == " ".join(text.split())  # kept as typed (spaces tidied)


def test_bad_ages_are_refused_in_french_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        Age.parse("quarante", field="cancers[0].age")
    assert caught.value.code == ErrorCode.AGE_FORMAT
    assert caught.value.field == "cancers[0].age"
    assert "« quarante » n'est pas un âge" in str(caught.value)
    for text in ("130", "~126", "50-40", "< 0", "> 125"):
        with pytest.raises(ValidationError) as caught:
            Age.parse(text, field="age")
        assert caught.value.code in (ErrorCode.AGE_FORMAT, ErrorCode.AGE_RANGE), text
    assert Age.parse(52) == Age.exact(52)
    with pytest.raises(ValidationError):
        Age.exact(-1)


# --- operations -------------------------------------------------------------------------
def test_each_operation_is_one_step_and_returns_a_new_family():
    start = new_family(sex="F", name="Léa")
    assert start.proband is not None and start.proband.id == "p1"
    with_parents = add_parents(start, "p1")
    assert start.people == (start.person("p1"),)  # unchanged
    father_id, mother_id = added_ids(start, with_parents)
    assert with_parents.parents_of("p1") == (father_id, mother_id)
    assert with_parents.person(father_id).sex == "M"
    assert with_parents.person(mother_id).sex == "F"
    assert with_parents.partnership(father_id, mother_id) == Partnership(father_id, mother_id)

    # A sibling of someone without parents adds the parents too.
    alone = new_family(sex="M")
    brother = add_sibling(alone, "p1", sex="M")
    assert len(added_ids(alone, brother)) == 3
    assert brother.siblings_of("p1") == ("p4",)

    # A child of someone without partner adds the partner (opposite sex).
    family = add_child(with_parents, "p1", sex="F")
    partner_id, child_id = added_ids(with_parents, family)
    assert family.person(partner_id).sex == "M"
    assert family.person(child_id).father_id == partner_id
    assert family.person(child_id).mother_id == "p1"
    # A second child goes with the only partner.
    again = add_child(family, "p1")
    assert again.person(added_ids(family, again)[0]).father_id == partner_id

    # Twins: same parents and birth year; MZ twins share the sex.
    dated = update_person(family, dataclasses.replace(family.person("p1"), birth_year=1980))
    twins = add_sibling(dated, "p1", sex="M", twin=Zygosity.MZ)
    (twin_id,) = added_ids(dated, twins)
    assert twins.person(twin_id).sex == "F" and twins.person(twin_id).birth_year == 1980
    assert twins.twin_group_of("p1") == TwinGroup(("p1", twin_id), Zygosity.MZ)
    triplets = add_sibling(twins, twin_id, twin=Zygosity.DZ)
    assert len(triplets.twin_group_of("p1").members) == 3
    assert validate(triplets, TODAY) == []


def test_partners_and_consanguinity():
    family = add_parents(new_family(sex="F"), "p1")  # p2 father, p3 mother
    family = add_sibling(family, "p2", sex="M")  # p4, p5 grandparents; p6 uncle
    family = add_child(family, "p6", sex="M")  # p7 aunt-in-law, p8 cousin
    family = add_partner(family, "p1", partner_id="p8", consanguineous=True)
    assert family.partnership("p1", "p8").consanguineous
    with pytest.raises(ValidationError) as caught:
        add_partner(family, "p8", partner_id="p1")
    assert caught.value.code == ErrorCode.FAMILY_ALREADY_PARTNERS
    family = set_partnership(family, "p1", "p8", consanguineous=False)
    assert not family.partnership("p1", "p8").consanguineous
    second = add_partner(family, "p1")
    with pytest.raises(ValidationError) as caught:
        add_child(second, "p1")
    assert caught.value.code == ErrorCode.FAMILY_PARTNER_REQUIRED
    child = add_child(second, "p1", partner_id="p8")
    assert child.person(added_ids(second, child)[0]).father_id == "p8"
    with pytest.raises(ValidationError) as caught:
        add_child(new_family(), "p1")
    assert caught.value.code == ErrorCode.FAMILY_PARENT_SEX_UNKNOWN
    assert validate(child, TODAY) == []


def test_remove_person_keeps_the_family_whole():
    family = add_parents(new_family(sex="F"), "p1")
    family = add_child(family, "p1", sex="M")  # p4 partner, p5 son
    with pytest.raises(ValidationError) as caught:
        remove_person(family, "p1")
    assert caught.value.code == ErrorCode.FAMILY_REMOVE_PROBAND
    with pytest.raises(ValidationError) as caught:
        remove_person(family, "p4")
    assert caught.value.code == ErrorCode.FAMILY_REMOVE_HAS_CHILDREN
    without_son = remove_person(family, "p5")
    assert "p5" not in without_son.ids and "p4" in without_son.ids  # still the partner
    alone = remove_person(add_partner(new_family(sex="F"), "p1"), "p2")
    assert alone.ids == ("p1",) and alone.partnerships == ()
    twins = add_sibling(family, "p1", twin=Zygosity.DZ)
    assert remove_person(twins, "p6").twins == ()
    with pytest.raises(ValidationError) as caught:
        remove_person(family, "nobody")
    assert caught.value.code == ErrorCode.FAMILY_PERSON_NOT_FOUND


def test_set_proband_and_twins():
    family = add_sibling(new_family(sex="F"), "p1", sex="F")
    moved = set_proband(family, "p4")
    assert moved.proband.id == "p4" and not moved.person("p1").proband
    grouped = set_twins(family, ["p1", "p4"], Zygosity.MZ)
    assert grouped.twins == (TwinGroup(("p1", "p4"), Zygosity.MZ),)
    assert set_twins(grouped, ["p4"], None).twins == ()


# --- validation: impossible families, every problem named -----------------------------
def _codes(family: Family) -> list[str]:
    return [problem.code.value for problem in validate(family, TODAY)]


def _base() -> Family:
    """Proband p1 (F, 1980) with father p2, mother p3, brother p4."""
    family = add_parents(new_family(sex="F", name="Léa", birth_year=1980), "p1")
    family = add_sibling(family, "p1", sex="M")
    return family


def _change(family: Family, person_id: str, **changes: object) -> Family:
    return update_person(family, dataclasses.replace(family.person(person_id), **changes))


def test_a_cycle_of_parents():
    family = _change(_base(), "p2", father_id="p4", mother_id="p3")
    problems = [p for p in validate(family, TODAY) if p.code == ErrorCode.FAMILY_PARENT_CYCLE]
    assert len(problems) == 1
    assert problems[0].field == "father_id"
    assert (
        str(problems[0])
        == "Filiation circulaire : p2, p4 se retrouvent parmi leurs propres ancêtres."
    )


def test_a_mother_who_is_male_and_a_father_who_is_female():
    family = _change(_change(_base(), "p3", sex="M", name="Paul"), "p2", sex="F")
    problems = validate(family, TODAY)
    mother = [p for p in problems if p.code == ErrorCode.FAMILY_MOTHER_SEX]
    father = [p for p in problems if p.code == ErrorCode.FAMILY_FATHER_SEX]
    assert len(mother) == len(father) == 1  # one per parent, naming every child
    assert mother[0].field == "sex" and mother[0].params["person_id"] == "p3"
    assert str(mother[0]) == (
        "Paul (p3) est la mère de Léa (p1), p4 mais n'est pas de sexe féminin."
    )


def test_a_child_born_before_a_parent():
    family = _change(_change(_base(), "p3", birth_year=1985), "p2", age=Age.parse("~60"))
    problems = validate(family, TODAY)
    assert [p.code for p in problems] == [ErrorCode.FAMILY_CHILD_BEFORE_PARENT]
    assert problems[0].field == "mother_id"
    assert "Léa (p1) (né(e) au plus tard en 1980) ne peut pas être l'enfant de p3" in str(
        problems[0]
    )
    # The father, "~60" (born 1959 to 1970), may be old enough: no problem for him; at
    # "~40" (born 1979 to 1990) he is certainly too young.
    younger = _change(family, "p2", age=Age.parse("~40"))
    assert [p.field for p in validate(younger, TODAY)] == ["father_id", "mother_id"]


def test_a_diagnosis_after_death_or_above_the_age():
    family = _change(
        _base(),
        "p3",
        deceased=True,
        age_at_death=Age.parse("60"),
        cancers=(Cancer(site="breast", age=Age.parse("62")),),
    )
    family = _change(
        family, "p1", cancers=(Cancer(site="ovary", age=Age.parse("50-55")),)
    )  # born 1980: 45 at most
    family = _change(
        family, "p2", age=Age.parse("70"), cancers=(Cancer(site="prostate", age=Age.parse("~68")),)
    )
    problems = validate(family, TODAY)
    assert [(p.code, p.field, p.params["person_id"]) for p in problems] == [
        (ErrorCode.FAMILY_CANCER_ABOVE_AGE, "cancers[0].age", "p1"),
        (ErrorCode.FAMILY_CANCER_AFTER_DEATH, "cancers[0].age", "p3"),
    ]
    assert str(problems[1]) == (
        "p3 : le diagnostic (sein, à 62 ans) est postérieur au décès (à 60 ans)."
    )
    assert "(ovaire, 50-55 ans) dépasse l'âge de la personne (45 ans au plus)" in str(problems[0])


def test_two_probands_and_none():
    family = _change(_base(), "p4", proband=True)
    problems = validate(family, TODAY)
    assert [p.code for p in problems] == [ErrorCode.FAMILY_TWO_PROBANDS]
    assert problems[0].field == "proband"
    assert "Léa (p1), p4" in str(problems[0])
    assert _codes(_change(_base(), "p1", proband=False)) == ["family_no_proband"]


def test_every_problem_is_reported_not_only_the_first():
    family = _base()
    family = _change(family, "p3", sex="M")
    family = _change(family, "p4", birth_year=2040, sex="X")
    family = _change(
        family,
        "p1",
        age_at_death=Age.parse("40"),
        cancers=(
            Cancer(site="contralateral_breast", age=Age.parse("40")),
            Cancer(site="kidneys"),
            Cancer(site="prostate", histology="weird", receptors=Receptors(er="P")),
        ),
        genetic_results=(GeneticResult(gene="brca1", result="maybe"),),
    )
    family = Family(
        people=(*family.people, Person(id="p9", sex="F"), Person(id="p10", father_id="p99")),
        partnerships=(*family.partnerships, Partnership("p1", "p1")),
        twins=(TwinGroup(("p1",), Zygosity.DZ), TwinGroup(("p2", "p9"), Zygosity.MZ)),
    )
    codes = _codes(family)
    for expected in (
        "family_mother_sex",
        "family_birth_year_range",
        "family_sex_invalid",
        "family_death_age_alive",
        "family_contralateral",
        "family_cancer_site",
        "family_cancer_sex",
        "family_value_invalid",
        "family_gene_invalid",
        "family_genetic_result_invalid",
        "family_not_connected",
        "family_unknown_parent",
        "family_one_parent",
        "family_twins_invalid",
        "family_twins_sex",
        "family_partner_invalid",
    ):
        assert expected in codes, expected
    assert codes.count("family_not_connected") == 2  # p9 and p10
    for problem in validate(family, TODAY):
        assert problem.field, problem
        assert "person_id" in problem.params and "person" in problem.params


def test_ages_and_birth_years_must_agree():
    family = _change(_base(), "p1", age=Age.parse("50"))  # born 1980: 45 in 2025
    assert _codes(family) == ["family_age_birth_year"]
    # An age at last news below today's age is fine (news from years ago).
    assert _codes(_change(_base(), "p1", age=Age.parse("40"))) == []
    dead = _change(_base(), "p1", deceased=True, age_at_death=Age.parse("~50"))
    assert _codes(dead) == []  # 45 to 55: possible
    assert _codes(_change(dead, "p1", age_at_death=Age.parse("50-60"))) == ["family_age_birth_year"]


def test_twins_must_share_parents_and_birth_year():
    family = add_sibling(_base(), "p1", sex="F", twin=Zygosity.DZ)  # p5
    family = _change(family, "p5", birth_year=1981)
    assert _codes(family) == ["family_twins_birth_year"]
    family = add_parents(new_family(sex="F"), "p1")
    family = add_partner(family, "p2")  # p4, second partner of the father
    family = add_child(family, "p2", partner_id="p4", sex="F")  # p5, half-sister
    assert _codes(set_twins(family, ["p1", "p5"], Zygosity.DZ)) == ["family_twins_parents"]


def test_person_label():
    assert person_label(Person(id="p3", name="Marie")) == "Marie (p3)"
    assert person_label(Person(id="p3")) == "p3"
