"""CanRisk files: hand-made samples of versions 1 to 4, malformed files (every problem named),
export 2.0 and the round trip (export, then import, keeps every field CanRisk holds)."""

from __future__ import annotations

import dataclasses
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oiso_desktop.domain.canrisk import (
    CANRISK_GENES,
    CANRISK_SITES,
    COLUMNS,
    canrisk_export_omitted,
    canrisk_export_problems,
    parse_canrisk,
    to_canrisk,
)
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    Age,
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
    add_sibling,
    new_family,
)
from oiso_desktop.domain.family_checks import validate
from tests.domain.family_builders import families

TODAY = date(2025, 6, 1)
DATA = Path(__file__).resolve().parents[1] / "data" / "canrisk"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def canrisk_problem_files() -> list[tuple[str, str]]:
    """Malformed inputs: the bad_* sample files and a few in-line texts."""
    files = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("bad_*"))]
    header = "##CanRisk 2.0\n##" + "\t".join(COLUMNS["2"]) + "\n"
    row = "F1\tA\t{target}\t{id}\t{father}\t{mother}\t{sex}\t{twin}\t0\t{age}\t{yob}"
    row += "\t0" * 6 + "\t0:0" * 9 + "\t0:0:0:0:0\n"
    old = {"age": 75, "yob": 1950}
    young = {"age": 40, "yob": 1985}
    parents = row.format(target=0, id="P", father=0, mother=0, sex="M", twin=0, **old)
    parents += row.format(target=0, id="Q", father=0, mother=0, sex="F", twin=0, **old)
    files += [
        ("empty", "\n\n"),
        ("only a header", header),
        (
            "no column line",
            "##CanRisk 2.0\n"
            + row.format(target=1, id="A1", father=0, mother=0, sex="F", twin=0, **young),
        ),
        (
            "twin codes",
            header
            + parents
            + "".join(
                row.format(
                    target=int(i == "A1"), id=i, father="P", mother="Q", sex="F", twin=t, **young
                )
                for i, t in (("A1", 3), ("A2", 3), ("A3", 3), ("TOOLONGID", "Z"))
            ),
        ),
    ]
    return files


# --- samples of each version ---------------------------------------------------------------
def test_version_1():
    result = parse_canrisk(read("martin_v1.canrisk"), today=TODAY)
    assert result.ok and result.version == "1"
    (imported,) = result.families
    assert imported.family_id == "MARTIN" and imported.first_line == 7
    assert imported.risk_factors == (
        ("menarche", "13"),
        ("parity", "2"),
        ("first_live_birth", "27"),
        ("oc_use", "F:4"),
    )
    family = imported.family
    assert family.proband is not None and family.proband.name == "Claire"
    mother = family.person("PM")
    assert mother.deceased and mother.age_at_death == Age.exact(61) and not mother.age.known
    assert mother.cancers == (
        Cancer(site="breast", age=Age.exact(52), receptors=Receptors(er="P", pr="N", her2="N")),
    )
    assert mother.genetic_results == (GeneticResult(gene="BRCA1", test_type="S", result="P"),)
    assert family.person("MGM").cancers == (Cancer(site="ovary", age=Age.exact(58)),)
    assert family.person("PF").cancers == (Cancer(site="prostate", age=Age.exact(68)),)
    assert family.person("PB").age == Age.exact(46) and family.person("PB").birth_year == 1978
    assert family.parents_of("D1") == ("PBH", "PB")
    assert family.partnership("PF", "PM") == Partnership("PF", "PM")
    assert validate(family, TODAY) == []


def test_version_2_with_spaces_twins_and_unknown_ages():
    result = parse_canrisk(read("leroy_v2.canrisk"), today=TODAY)
    assert result.ok and result.version == "2"
    family = result.families[0].family
    assert family.twins == (TwinGroup(("I1", "I2"), Zygosity.MZ),)
    assert family.person("M1").cancers == (Cancer(site="breast", age=Age()),)  # "AU"
    assert family.person("F1").cancers == (Cancer(site="pancreas", age=Age.exact(61)),)
    assert all(person.ashkenazi for person in family.people)
    assert family.person("B1").name == ""  # "NA"
    assert family.person("I1").genetic_results == tuple(
        GeneticResult(gene=gene, test_type="S", result="N") for gene in ("BRCA1", "BRCA2", "PALB2")
    )


def test_version_3_with_two_families():
    result = parse_canrisk(read("two_families_v3.canrisk"), today=TODAY)
    assert result.ok and result.version == "3"
    bernard, petit = result.families
    assert (bernard.family_id, len(bernard.family.people)) == ("BERNARD", 3)
    assert (petit.family_id, len(petit.family.people)) == ("PETIT", 4)
    assert bernard.risk_factors[-1] == ("PRS_BC", "alpha=0.45,zscore=1.2")
    assert petit.risk_factors == (("menarche", "11"), ("birads", "c"))
    julie = bernard.family.person("J1")
    assert [c.site for c in julie.cancers] == ["breast", "contralateral_breast"]
    assert julie.cancers[0].receptors == Receptors(er="P", pr="P", her2="N")
    assert petit.family.person("E3").genetic_results[-1] == GeneticResult(
        gene="RAD51D", test_type="S", result="P"
    )


def test_version_4_with_hoxb13():
    result = parse_canrisk(read("girard_v4.canrisk"), today=TODAY)
    assert result.ok and result.version == "4"
    family = result.families[0].family
    assert family.person("G1").genetic_results[-1] == GeneticResult(
        gene="HOXB13", test_type="T", result="HET"
    )
    assert family.person("G1").cancers == (Cancer(site="prostate", age=Age.exact(57)),)
    assert family.person("G6").father_id == "G1"


def test_column_lists_of_each_version():
    assert [len(COLUMNS[v]) for v in "1234"] == [26, 27, 27, 28]
    assert "BARD1" not in COLUMNS["1"] and COLUMNS["4"][-2] == "HOXB13"
    assert set(CANRISK_SITES.values()) <= set(CANCER_SITES)


# --- malformed files: nothing imported, every problem named -------------------------------
EXPECTED = {
    "bad_header.canrisk": [
        "Ligne 1 : le fichier ne commence pas par un en-tête « ##CanRisk 1.0 » à « ##CanRisk "
        "4.0 » (trouvé : « CanRisk pedigree file 2.0 »).",
    ],
    "bad_columns_v2.canrisk": [
        "Ligne 2 : les noms de colonnes ne sont pas ceux du format CanRisk 2 (manquantes : "
        "BARD1 ; inattendues : HOXB13).",
    ],
    "bad_values_v2.canrisk": [
        "Ligne 4 (famille DURAND), personne D1, colonne BRCA1 : « S:0 » n'est pas une valeur "
        "possible (0:0, S:N, S:P, T:N, T:P).",
        "Ligne 4 (famille DURAND), Lea (D1) : l'âge au diagnostic (sein, 50 ans) dépasse l'âge "
        "de la personne (45 ans au plus).",
        "Ligne 5 (famille DURAND), Marc (D2) : un cancer (ovaire) est impossible pour une "
        "personne de sexe M.",
        "Ligne 6 (famille DURAND), personne D3, colonne Sex : « X » n'est pas une valeur "
        "possible (M, F).",
        "Ligne 6 (famille DURAND), personne D3, colonne Age : « abc » n'est pas une valeur "
        "possible (0, 1-125).",
        "Ligne 6 (famille DURAND), personne D3, colonne Ashkn : « 2 » n'est pas une valeur "
        "possible (0, 1).",
        "Ligne 7 (famille DURAND), personne D4, colonne ER:PR:HER2:CK14:CK56 : des marqueurs "
        "tumoraux sont saisis sans premier cancer du sein (BC1).",
        "Ligne 7 (famille DURAND), Paul (D4) : le parent « D5 » n'est pas dans la famille.",
        "Ligne 8 (famille DURAND), Il ne peut y avoir qu'un cas index ; plusieurs personnes le "
        "sont : Lea (D1), Ines (D6).",
    ],
    "bad_structure_v4.canrisk": [
        "Ligne 3 (famille ROUX), Les jumeaux Ana (R1), Zoe (R5) doivent avoir la même année de "
        "naissance.",
        "Ligne 4 (famille ROUX), Noe (R2) (né(e) au plus tard en 1960) ne peut pas être "
        "l'enfant de Eva (R3) (né(e) au plus tôt en 1962) : un parent a au moins 10 ans à la "
        "naissance de son enfant.",
        "Ligne 4 (famille ROUX), Filiation circulaire : Noe (R2), Tim (R4) se retrouvent parmi "
        "leurs propres ancêtres.",
        "Ligne 5 (famille ROUX), Eva (R3) est la mère de Ana (R1), Noe (R2), Tim (R4), Zoe (R5) "
        "mais n'est pas de sexe féminin.",
        "Ligne 6 (famille ROUX), Tim (R4) (né(e) au plus tard en 1935) ne peut pas être "
        "l'enfant de Noe (R2) (né(e) au plus tôt en 1960) : un parent a au moins 10 ans à la "
        "naissance de son enfant.",
        "Ligne 6 (famille ROUX), Tim (R4) (né(e) au plus tard en 1935) ne peut pas être "
        "l'enfant de Eva (R3) (né(e) au plus tôt en 1962) : un parent a au moins 10 ans à la "
        "naissance de son enfant.",
        "Ligne 8 (famille ROUX), personne R1 : cet identifiant est déjà celui d'une personne de "
        "la ligne 3.",
        "Ligne 9 (famille ROUX), la ligne a 27 champs au lieu de 28.",
        "Ligne 10 (famille ROUX), Lou (R8) n'est relié(e) au cas index par aucun lien (parent, "
        "enfant ou partenaire).",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_files_import_nothing_and_name_every_problem(name):
    result = parse_canrisk(read(name), today=TODAY)
    assert result.families == () and not result.ok
    assert [str(problem) for problem in result.problems] == EXPECTED[name]
    for problem in result.problems:
        assert isinstance(problem.params["line"], int)
        if "person" in problem.params:
            assert problem.field, problem  # the column


def test_problems_carry_line_person_and_column():
    result = parse_canrisk(read("bad_values_v2.canrisk"), today=TODAY)
    sex = next(p for p in result.problems if p.field == "Sex")
    assert sex.code == ErrorCode.CANRISK_VALUE
    assert (sex.params["line"], sex.params["family_id"], sex.params["person"]) == (
        6,
        "DURAND",
        "D3",
    )
    assert (sex.params["column"], sex.params["value"]) == ("Sex", "X")
    parent = next(p for p in result.problems if p.code == ErrorCode.FAMILY_UNKNOWN_PARENT)
    assert (parent.field, parent.params["person_id"], parent.params["line"]) == ("MothID", "D4", 7)


def test_in_line_malformed_inputs():
    results = {name: parse_canrisk(text, today=TODAY) for name, text in canrisk_problem_files()}
    assert [p.code for p in results["empty"].problems] == [ErrorCode.CANRISK_EMPTY]
    assert [p.code for p in results["only a header"].problems] == [ErrorCode.CANRISK_EMPTY]
    no_columns = results["no column line"]
    assert [p.code for p in no_columns.problems] == [ErrorCode.CANRISK_NO_COLUMNS]
    assert no_columns.families == ()
    twins = [str(p) for p in results["twin codes"].problems]
    assert twins == [
        "Ligne 5 (famille F1), personne A1, colonne MZtwin : le code de jumeaux monozygotes "
        "« 3 » apparaît 3 fois (exactement 2 attendues).",
        "Ligne 8 (famille F1), personne TOOLONGID, colonne IndivID : « TOOLONGID » n'est pas "
        "une valeur possible (1-7 [A-Za-z0-9_-], ≠ 0).",
        "Ligne 8 (famille F1), personne TOOLONGID, colonne MZtwin : « Z » n'est pas une valeur "
        "possible (0, 1-9, A).",
    ]


# --- export ---------------------------------------------------------------------------------
def test_export_writes_version_2_with_the_risk_factors():
    imported = parse_canrisk(read("martin_v1.canrisk"), today=TODAY).families[0]
    assert imported.family.risk_factors == imported.risk_factors  # kept on the family
    text = to_canrisk(imported.family, today=TODAY, family_id="MARTIN")
    lines = text.splitlines()
    assert lines[0] == "##CanRisk 2.0"
    assert lines[1:5] == ["##menarche=13", "##parity=2", "##first_live_birth=27", "##oc_use=F:4"]
    assert lines[5] == "##" + "\t".join(COLUMNS["2"])
    assert lines[6].split("\t") == [
        "MARTIN",
        "Claire",
        "1",
        "PB",
        "PF",
        "PM",
        "F",
        "0",
        "0",
        "46",
        "1978",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "S:N",
        "0:0",
        "0:0",
        "0:0",
        "0:0",
        "0:0",
        "0:0",
        "0:0",
        "0:0",
        "0:0:0:0:0",
    ]
    again = parse_canrisk(text, today=TODAY)
    assert again.ok and again.version == "2"
    assert again.families[0].family == imported.family
    assert again.families[0].risk_factors == imported.risk_factors


@pytest.mark.parametrize(
    "name",
    ["martin_v1.canrisk", "leroy_v2.canrisk", "two_families_v3.canrisk", "girard_v4.canrisk"],
)
def test_every_sample_survives_export_and_import(name):
    for imported in parse_canrisk(read(name), today=TODAY).families:
        text = to_canrisk(imported.family, today=TODAY, family_id=imported.family_id)
        (again,) = parse_canrisk(text, today=TODAY).families
        expected = imported.family
        if name.endswith("v4.canrisk"):  # version 2.0 has no HOXB13 column
            expected = Family(
                people=tuple(
                    dataclasses.replace(
                        p, genetic_results=tuple(r for r in p.genetic_results if r.gene != "HOXB13")
                    )
                    for p in expected.people
                ),
                partnerships=expected.partnerships,
                twins=expected.twins,
                risk_factors=expected.risk_factors,
            )
        assert again.family == expected
        assert again.risk_factors == imported.risk_factors
        assert again.family_id == imported.family_id


def test_export_refuses_what_canrisk_cannot_hold():
    with pytest.raises(ValidationError) as caught:
        to_canrisk(new_family(), today=TODAY)
    assert caught.value.code == ErrorCode.CANRISK_EXPORT_SEX
    family = add_parents(new_family(sex="F"), "p1")
    family = add_sibling(add_sibling(family, "p1", twin=Zygosity.MZ), "p1", twin=Zygosity.MZ)
    problems = canrisk_export_problems(family, TODAY)
    assert [p.code for p in problems] == [ErrorCode.CANRISK_EXPORT_TWINS]
    assert str(problems[0]) == (
        "CanRisk n'accepte que des paires de jumeaux monozygotes, au plus 10 : p1, p4, p5."
    )
    with pytest.raises(ValidationError):  # an invalid family is refused with its problem
        to_canrisk(Family(people=(Person(id="a", sex="F"),)), today=TODAY)


def test_export_replaces_ids_canrisk_refuses_and_writes_approximate_ages():
    family = add_child(new_family(sex="F", age=Age.parse("~45")), "p1", sex="M")
    family = Family(
        people=tuple(
            dataclasses.replace(p, id="a-very-long-id") if p.id == "p3" else p
            for p in family.people
        ),
        partnerships=family.partnerships,
    )
    text = to_canrisk(family, today=TODAY, family_id="famille dupont")
    rows = [line.split("\t") for line in text.splitlines()[2:]]
    assert [row[3] for row in rows] == ["p1", "p2", "i1"]
    assert rows[0][0] == "famille_dupont" and rows[0][9] == "45"  # "~45" written as 45


# --- round trip of generated families ------------------------------------------------------
def canrisk_ready(family: Family, seed: int) -> Family:
    """The generated family with what CanRisk holds drawn at random (valid, exportable).

    Only people without children nor twin get an age while alive, or a birth year: ages
    of parents and children are then never inconsistent.
    """
    chooser = random.Random(seed)
    people = []
    parents = {parent for p in family.people for parent in (p.father_id, p.mother_id)}
    twins = {m for group in family.twins for m in group.members}
    for person in family.people:
        sex = person.sex if person.sex in "FM" else "F"
        deceased = chooser.random() < 0.3
        free = person.id not in parents and person.id not in twins
        age = Age()
        if (deceased or free) and chooser.random() < 0.7:
            age = Age.exact(chooser.randint(1, 100))
        birth_year = None
        if free and not deceased and age.value is not None and chooser.random() < 0.5:
            birth_year = TODAY.year - age.value - chooser.randint(0, 1)
        limit = age.value or 100
        cancers: list[Cancer] = []
        for site in CANRISK_SITES.values():
            if chooser.random() >= 0.25 or sex not in CANCER_SITES[site].sexes:
                continue
            low = 1
            if site == "contralateral_breast":
                if not cancers or cancers[0].site != "breast":
                    continue
                low = cancers[0].age.value or 1
            known = chooser.random() < 0.8 and low <= limit
            diagnosis = Age.exact(chooser.randint(low, limit)) if known else Age()
            receptors = Receptors()
            if site == "breast" and chooser.random() < 0.5:
                receptors = Receptors(*(chooser.choice(["", "N", "P"]) for _ in range(5)))
            cancers.append(Cancer(site=site, age=diagnosis, receptors=receptors))
        results = tuple(
            GeneticResult(gene=gene, test_type=chooser.choice("ST"), result=chooser.choice("NP"))
            for gene in CANRISK_GENES["2"]
            if chooser.random() < 0.15
        )
        people.append(
            dataclasses.replace(
                person,
                sex=sex,
                name=chooser.choice(["", "Anne", "Jean-Luc", "Zoé", "O'Neil"]),
                deceased=deceased,
                age=Age() if deceased else age,
                age_at_death=age if deceased else Age(),
                birth_year=birth_year,
                cancers=tuple(cancers),
                genetic_results=results,
                ashkenazi=chooser.random() < 0.1,
            )
        )
    pairs = tuple(
        TwinGroup(group.members, Zygosity.MZ)
        for group in family.twins
        if group.zygosity == Zygosity.MZ and len(group.members) == 2
    )[:10]
    return Family(people=tuple(people), partnerships=family.partnerships, twins=pairs)


# One line of text as a file keeps it: no control or line-break character, no blank at
# either end (a line is read stripped).
_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30).map(
    str.strip
)
_keys = st.one_of(
    st.sampled_from(["menarche", "parity", "oc_use", "mht_use", "PRS_BC", "birads"]),
    _line.filter(lambda k: k and "=" not in k and k.split()[0].lower() != "famid"),
)
risk_factors = st.lists(st.tuples(_keys, _line), max_size=6).map(tuple)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(), st.integers(0, 2**32 - 1), risk_factors)
def test_export_then_import_keeps_every_field(generated, seed, factors):
    family = dataclasses.replace(canrisk_ready(generated, seed), risk_factors=factors)
    assert canrisk_export_problems(family, TODAY) == []
    text = to_canrisk(family, today=TODAY, family_id="GEN")
    result = parse_canrisk(text, today=TODAY)
    assert result.ok, [str(p) for p in result.problems[:3]]
    (again,) = result.families
    omitted = set(canrisk_export_omitted(family))
    assert again.family.people == tuple(p for p in family.people if p.id not in omitted)
    parent_pairs = {
        frozenset((p.father_id, p.mother_id))
        for p in family.people
        if p.father_id and p.mother_id and p.id not in omitted
    }
    assert {p.ids for p in again.family.partnerships} == parent_pairs
    assert {frozenset(g.members) for g in again.family.twins} == {
        frozenset(g.members) for g in family.twins if not omitted & set(g.members)
    }
    assert again.family.risk_factors == factors and again.family_id == "GEN"
