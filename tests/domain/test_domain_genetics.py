"""The genetics form (domain.genetics): every bad input named at its field, the one rule of
a positive result, the pedigree's marks, the patient list's facts, the JSON round trip and
the changes in French."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.clinical_forms import (
    FormKind,
    changed_sections,
    content_from_dict,
    content_to_dict,
    empty_content,
    kind_of,
    validate_content,
)
from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import (
    Family,
    GeneticResult,
    add_parents,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.form_changes import form_changes
from oiso_desktop.domain.genetics import (
    ACMG_CLASSES,
    CONSENT_SCOPES,
    INFORMATION_CHANNELS,
    PREDISPOSITION_GENES,
    RELATIVE_OUTCOMES,
    TEST_KINDS,
    TEST_STATUSES,
    ZYGOSITIES,
    Consent,
    Genetics,
    GeneticsKeyFacts,
    GeneticTest,
    RelativeInformation,
    Variant,
    class_label,
    genetics_key_facts,
    genetics_results,
    is_positive,
    listed_gene,
    next_test_id,
    notices,
    positive_variants,
    validate,
    variant_label,
    with_results,
)
from oiso_desktop.domain.pedigree_drawing import person_marks

TODAY = date(2026, 3, 2)
BIRTH = date(1975, 3, 12)


def _family() -> Family:
    """The proband p1 (a woman), her parents p2 (father) and p3 (mother), a sister p4."""
    family = add_parents(new_family(sex="F", name="Claire"), "p1")
    return add_sibling(family, "p1", sex="F")


PANEL = GeneticTest(
    id="t1",
    kind="panel",
    date=date(2024, 3, 12),
    laboratory="Institut Curie",
    indication="Cancer du sein à 42 ans",
    genes=("BRCA1", "BRCA2", "PALB2"),
    status="result_received",
)
BRCA2 = Variant(
    gene="BRCA2",
    hgvs_c="c.5946del",
    hgvs_p="p.(Ser1982Argfs*22)",
    acmg_class=5,
    test_id="t1",
)
PREDICTIVE = GeneticTest(
    id="t2",
    kind="predictive",
    date=date(2025, 1, 20),
    familial_gene="BRCA2",
    familial_variant="c.5946del",
    relative_id="p4",
    status="result_received",
    relative_outcome="carrier",
)
RICH = Genetics(
    tests=(PANEL, PREDICTIVE),
    variants=(
        BRCA2,
        Variant(gene="ATM", hgvs_c="c.7271T>G", hgvs_p="p.Val2424Gly", acmg_class=3, test_id="t1"),
        Variant(gene="CHEK2", hgvs_c="c.1100del", acmg_class=4, zygosity="heterozygous"),
        Variant(gene="PALB2", hgvs_c="c.2T>C", acmg_class=2),
    ),
    consents=(Consent(date=date(2024, 3, 1), scopes=("diagnostic", "sample_storage")),),
    relative_information=(
        RelativeInformation(
            relative_ids=("p2", "p3", "p4"),
            date=date(2024, 6, 3),
            channel="letter_by_patient",
            letter="Lettre d'information de la parentèle du 03/06/2024",
        ),
    ),
)


def _problems(genetics: Genetics, family: Family | None = None) -> list[tuple[str, str]]:
    return [
        (str(p.code), str(p.field))
        for p in validate(genetics, birth_date=BIRTH, today=TODAY, family=family or _family())
    ]


def test_a_complete_form_has_no_problem() -> None:
    assert _problems(RICH) == []
    assert validate_content(RICH, birth_date=BIRTH, sex="F", today=TODAY, family=_family()) == []


# --- bad input, each at its field ---------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        (
            dataclasses.replace(BRCA2, hgvs_c="c.5946delX"),
            ("genetics_hgvs_c", "variants[0].hgvs_c"),
        ),
        (dataclasses.replace(BRCA2, hgvs_c="5946del"), ("genetics_hgvs_c", "variants[0].hgvs_c")),
        (dataclasses.replace(BRCA2, hgvs_c=""), ("genetics_hgvs_c_required", "variants[0].hgvs_c")),
        (
            dataclasses.replace(BRCA2, hgvs_c="c.100_98del"),
            ("genetics_hgvs_range", "variants[0].hgvs_c"),
        ),
        (
            dataclasses.replace(BRCA2, hgvs_c="c.10_12insA"),
            ("genetics_hgvs_insertion", "variants[0].hgvs_c"),
        ),
        (
            dataclasses.replace(BRCA2, hgvs_p="p.Ser1982Argfs*"),
            ("genetics_hgvs_p", "variants[0].hgvs_p"),
        ),
        (
            dataclasses.replace(BRCA2, acmg_class=6),
            ("genetics_class_invalid", "variants[0].acmg_class"),
        ),
        (
            dataclasses.replace(BRCA2, acmg_class=0),
            ("genetics_class_invalid", "variants[0].acmg_class"),
        ),
        (
            dataclasses.replace(BRCA2, acmg_class=None),
            ("genetics_class_required", "variants[0].acmg_class"),
        ),
        (dataclasses.replace(BRCA2, gene=""), ("genetics_gene_required", "variants[0].gene")),
        (dataclasses.replace(BRCA2, gene="brca 2"), ("genetics_gene_format", "variants[0].gene")),
        (dataclasses.replace(BRCA2, gene="BRCA2!"), ("genetics_gene_format", "variants[0].gene")),
        (
            dataclasses.replace(BRCA2, zygosity="triploid"),
            ("genetics_value_invalid", "variants[0].zygosity"),
        ),
        (
            dataclasses.replace(BRCA2, test_id="t9"),
            ("genetics_value_invalid", "variants[0].test_id"),
        ),
        (dataclasses.replace(BRCA2, note="x" * 4001), ("too_long", "variants[0].note")),
    ],
)
def test_a_bad_variant_is_named_at_its_field(variant: Variant, expected: tuple[str, str]) -> None:
    assert _problems(Genetics(tests=(PANEL,), variants=(variant,))) == [expected]


def test_a_malformed_hgvs_message_is_french_and_says_where() -> None:
    genetics = Genetics(variants=(dataclasses.replace(BRCA2, hgvs_c="c.5946delX", test_id=""),))
    (problem,) = validate(genetics, birth_date=BIRTH, today=TODAY)
    assert str(problem) == (
        "« c.5946delX » n'est pas une description HGVS c. valide (lecture impossible au "
        "caractère 10). Exemples : c.5946del, c.68-2A>G, c.1234_1235insT."
    )
    assert problem.params == {"value": "c.5946delX", "position": 10}


def test_the_same_variant_twice_is_refused_once() -> None:
    genetics = Genetics(tests=(PANEL,), variants=(BRCA2, dataclasses.replace(BRCA2, note="bis")))
    assert _problems(genetics) == [("genetics_variant_duplicate", "variants[1].hgvs_c")]


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        (
            dataclasses.replace(PANEL, date=date(1975, 3, 11)),  # the day before birth
            [("genetics_date_before_birth", "tests[0].date")],
        ),
        (
            dataclasses.replace(PANEL, date=date(2026, 3, 3)),  # tomorrow
            [("genetics_date_future", "tests[0].date")],
        ),
        (dataclasses.replace(PANEL, date=None), [("genetics_date_required", "tests[0].date")]),
        (dataclasses.replace(PANEL, genes=()), [("genetics_panel_genes", "tests[0].genes")]),
        (
            dataclasses.replace(PANEL, genes=("BRCA1", "brca2")),
            [("genetics_gene_format", "tests[0].genes")],
        ),
        (dataclasses.replace(PANEL, kind="wgs"), [("genetics_value_invalid", "tests[0].kind")]),
        (
            dataclasses.replace(PANEL, status="lost"),
            [("genetics_value_invalid", "tests[0].status")],
        ),
        (
            dataclasses.replace(PANEL, relative_outcome="carrier"),
            [("genetics_outcome_status", "tests[0].relative_outcome")],
        ),
        (
            dataclasses.replace(PANEL, laboratory="L" * 201),
            [("too_long", "tests[0].laboratory")],
        ),
        (
            GeneticTest(id="t1", kind="targeted", date=date(2024, 1, 5)),
            [("genetics_familial_variant_required", "tests[0].familial_gene")],
        ),
        (
            GeneticTest(id="t1", kind="targeted", date=date(2024, 1, 5), familial_gene="BRCA2"),
            [("genetics_familial_variant_required", "tests[0].familial_variant")],
        ),
        (
            # a predictive test without its familial variant: THE rule of the issue
            dataclasses.replace(PREDICTIVE, familial_gene="", familial_variant="", id="t1"),
            [("genetics_familial_variant_required", "tests[0].familial_gene")],
        ),
        (
            dataclasses.replace(PREDICTIVE, familial_variant="c.5946_5945del", id="t1"),
            [("genetics_hgvs_range", "tests[0].familial_variant")],
        ),
        (
            dataclasses.replace(PREDICTIVE, relative_id=None, id="t1"),
            [("genetics_relative_required", "tests[0].relative_id")],
        ),
        (
            dataclasses.replace(PREDICTIVE, relative_id="p9", id="t1"),
            [("genetics_relative_unknown", "tests[0].relative_id")],
        ),
        (
            dataclasses.replace(PREDICTIVE, relative_id="p1", id="t1"),
            [("genetics_relative_proband", "tests[0].relative_id")],
        ),
        (
            dataclasses.replace(PREDICTIVE, status="sent", id="t1"),
            [("genetics_outcome_status", "tests[0].relative_outcome")],
        ),
    ],
)
def test_a_bad_test_is_named_at_its_field(
    test: GeneticTest, expected: list[tuple[str, str]]
) -> None:
    assert _problems(Genetics(tests=(test,))) == expected


def test_the_birth_day_and_today_themselves_are_accepted() -> None:
    for day in (BIRTH, TODAY):
        assert _problems(Genetics(tests=(dataclasses.replace(PANEL, date=day),))) == []


def test_a_test_id_must_be_unique() -> None:
    twice = Genetics(tests=(PANEL, dataclasses.replace(PANEL, date=date(2025, 1, 1))))
    assert _problems(twice) == [("genetics_value_invalid", "tests[1].id")]


def test_relatives_are_checked_only_against_a_family_given() -> None:
    genetics = Genetics(tests=(dataclasses.replace(PREDICTIVE, relative_id="p9"),))
    assert validate(genetics, birth_date=BIRTH, today=TODAY) == []
    assert _problems(genetics) == [("genetics_relative_unknown", "tests[0].relative_id")]


def test_consents_and_information_are_checked() -> None:
    genetics = Genetics(
        consents=(
            Consent(date=date(2030, 1, 1), scopes=()),
            Consent(date=date(2024, 1, 1), scopes=("diagnostic", "cloning")),
        ),
        relative_information=(
            RelativeInformation(date=None, relative_ids=()),
            RelativeInformation(date=date(2024, 1, 1), relative_ids=("p1", "p8"), channel="fax"),
        ),
    )
    assert _problems(genetics) == [
        ("genetics_date_future", "consents[0].date"),
        ("genetics_consent_scope", "consents[0].scopes"),
        ("genetics_value_invalid", "consents[1].scopes"),
        ("genetics_information_relatives", "relative_information[0].relative_ids"),
        ("genetics_date_required", "relative_information[0].date"),
        ("genetics_relative_proband", "relative_information[1].relative_ids"),
        ("genetics_relative_unknown", "relative_information[1].relative_ids"),
        ("genetics_value_invalid", "relative_information[1].channel"),
    ]


def test_every_problem_has_a_french_message_a_code_and_a_field() -> None:
    bad = Genetics(
        tests=(GeneticTest(id="t1", kind="predictive", date=date(1900, 1, 1)),),
        variants=(Variant(gene="", hgvs_c="c.12A>A", hgvs_p="p.Z", acmg_class=9),),
        consents=(Consent(scopes=()),),
        relative_information=(RelativeInformation(),),
    )
    problems = validate(bad, birth_date=BIRTH, today=TODAY, family=_family())
    assert len(problems) == 11
    for problem in problems:
        assert isinstance(problem, ValidationError)
        assert ErrorCode(problem.code).value.startswith("genetics_")
        assert problem.field and str(problem)[0].isupper() or str(problem).startswith("«")


def test_a_gene_outside_the_list_is_a_notice_not_a_problem() -> None:
    genetics = Genetics(
        variants=(Variant(gene="C11orf65", hgvs_c="c.12A>G", acmg_class=3),),
        tests=(
            GeneticTest(
                id="t1",
                kind="targeted",
                date=date(2024, 1, 1),
                familial_gene="FANCM",
                familial_variant="c.5101C>T",
            ),
        ),
    )
    assert _problems(genetics) == []
    assert [(n.code, n.field, n.params) for n in notices(genetics)] == [
        ("genetics_gene_unlisted", "variants[0].gene", {"gene": "C11orf65"}),
        ("genetics_gene_unlisted", "tests[0].familial_gene", {"gene": "FANCM"}),
    ]
    assert notices(RICH) == []


def test_the_shipped_list_holds_the_genes_of_the_brief() -> None:
    for gene in [
        "BRCA1",
        "BRCA2",
        "PALB2",
        "ATM",
        "CHEK2",
        "RAD51C",
        "RAD51D",
        "BRIP1",
        "TP53",
        "PTEN",
        "CDH1",
        "STK11",
        "MLH1",
        "MSH2",
        "MSH6",
        "PMS2",
        "EPCAM",
        "APC",
        "MUTYH",
        "BMPR1A",
        "SMAD4",
        "POLE",
        "POLD1",
        "NTHL1",
        "CDKN2A",
        "CDK4",
        "BAP1",
        "MITF",
        "VHL",
        "SDHB",
        "SDHD",
        "RET",
        "MEN1",
        "NF1",
    ]:
        assert gene in PREDISPOSITION_GENES
    assert listed_gene(" brca2 ") == "BRCA2" and listed_gene("C11orf65") == "C11orf65"


# --- positive, and what shows -------------------------------------------------------------


@pytest.mark.parametrize("acmg_class", [1, 2, 3, 4, 5, None])
def test_only_classes_4_and_5_are_positive(acmg_class: int | None) -> None:
    variant = dataclasses.replace(BRCA2, acmg_class=acmg_class)
    assert is_positive(variant) == (acmg_class in (4, 5)) == variant.positive


def test_a_class_3_variant_is_never_shown_as_a_carrier() -> None:
    family = _family()
    results = genetics_results(RICH, family)
    assert results == {
        "p1": (
            GeneticResult(gene="BRCA2", test_type="S", result="P", variant="c.5946del"),
            GeneticResult(gene="ATM", test_type="S", result="VUS", variant="c.7271T>G"),
            GeneticResult(gene="CHEK2", test_type="S", result="P", variant="c.1100del"),
        ),
        "p4": (GeneticResult(gene="BRCA2", test_type="T", result="P", variant="c.5946del"),),
    }
    shown = with_results(family, results)
    proband_marks = person_marks(shown.person("p1"), "II-1")
    assert proband_marks.carrier
    assert [line for line in proband_marks.lines if "BRCA2" in line or "ATM" in line] == [
        "BRCA2 +",
        "ATM VSI",
    ]
    only_vus = Genetics(variants=(dataclasses.replace(BRCA2, acmg_class=3),))
    vus_marks = person_marks(
        with_results(family, genetics_results(only_vus, family)).person("p1"), ""
    )
    assert not vus_marks.carrier and "BRCA2 VSI" in vus_marks.lines
    assert [v.gene for v in positive_variants(RICH)] == ["BRCA2", "CHEK2"]


def test_the_family_form_gives_way_for_the_genes_of_the_genetics_form() -> None:
    family = _family()
    proband = family.person("p1")
    family = update_person(
        family,
        dataclasses.replace(
            proband,
            genetic_results=(
                GeneticResult(gene="BRCA2", result="N"),
                GeneticResult(gene="TP53", result="N"),
            ),
        ),
    )
    shown = with_results(family, genetics_results(Genetics(variants=(BRCA2,)), family))
    assert [(r.gene, r.result) for r in shown.person("p1").genetic_results] == [
        ("TP53", "N"),
        ("BRCA2", "P"),
    ]
    assert family.person("p1").genetic_results[0].result == "N"  # the family is unchanged
    assert with_results(family, {}) is family


def test_a_homozygous_pathogenic_variant_and_a_non_carrier_relative() -> None:
    family = _family()
    genetics = Genetics(
        tests=(dataclasses.replace(PREDICTIVE, relative_outcome="non_carrier"),),
        variants=(Variant(gene="MUTYH", hgvs_c="c.1187G>A", acmg_class=5, zygosity="homozygous"),),
    )
    results = genetics_results(genetics, family)
    assert [(r.gene, r.result) for r in results["p1"]] == [("MUTYH", "HOM")]
    assert [(r.gene, r.result) for r in results["p4"]] == [("BRCA2", "N")]


def test_key_facts_for_the_list_and_its_filters() -> None:
    facts = genetics_key_facts(RICH)
    assert facts == GeneticsKeyFacts((("BRCA2", 5), ("CHEK2", 4), ("ATM", 3), ("PALB2", 2)))
    assert facts.positive_genes == ("BRCA2", "CHEK2")
    assert (
        facts.matches("brca2") and facts.matches("BRCA2", {5}) and not facts.matches("BRCA2", {4})
    )
    assert facts.matches(classes={3}) and not facts.matches("ATM", {4, 5})
    assert not facts.matches("BRCA1") and facts.matches()
    assert genetics_key_facts(Genetics()) == GeneticsKeyFacts()
    assert not GeneticsKeyFacts().matches()


def test_labels() -> None:
    assert ACMG_CLASSES[3] == "de signification incertaine"
    assert class_label(5) == "classe 5 (pathogène)" and class_label(None) == ""
    assert variant_label(BRCA2) == "BRCA2 c.5946del p.(Ser1982Argfs*22)"
    assert next_test_id(RICH) == "t3"
    assert next_test_id(Genetics(tests=(dataclasses.replace(PANEL, id="t2"),))) == "t3"


# --- the form: round trip, sections, changes -----------------------------------------------

days = st.none() | st.dates(min_value=date(1850, 1, 1), max_value=date(2100, 12, 31))
texts = st.text(max_size=10)
codes = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", max_size=12)
tests_strategy = st.builds(
    GeneticTest,
    id=texts,
    kind=st.sampled_from(sorted(TEST_KINDS)) | codes,
    date=days,
    laboratory=texts,
    indication=texts,
    genes=st.lists(texts, max_size=4).map(tuple),
    familial_gene=texts,
    familial_variant=texts,
    relative_id=st.none() | texts,
    status=st.sampled_from(sorted(TEST_STATUSES)),
    relative_outcome=st.sampled_from(sorted(RELATIVE_OUTCOMES)),
    note=texts,
)
variants_strategy = st.builds(
    Variant,
    gene=texts,
    hgvs_c=texts,
    hgvs_p=texts,
    acmg_class=st.none() | st.integers(-2, 9),
    zygosity=st.sampled_from(sorted(ZYGOSITIES)) | codes,
    test_id=texts,
    note=texts,
)
consents_strategy = st.builds(
    Consent,
    date=days,
    scopes=st.lists(st.sampled_from(sorted(CONSENT_SCOPES)) | codes, max_size=3).map(tuple),
    document_id=st.none() | st.integers(-5, 10**6),
    note=texts,
)
information_strategy = st.builds(
    RelativeInformation,
    relative_ids=st.lists(texts, max_size=3).map(tuple),
    date=days,
    channel=st.sampled_from(sorted(INFORMATION_CHANNELS)) | codes,
    letter=texts,
    document_id=st.none() | st.integers(1, 10**6),
    note=texts,
)
genetics_strategy = st.builds(
    Genetics,
    tests=st.lists(tests_strategy, max_size=3).map(tuple),
    variants=st.lists(variants_strategy, max_size=3).map(tuple),
    consents=st.lists(consents_strategy, max_size=2).map(tuple),
    relative_information=st.lists(information_strategy, max_size=2).map(tuple),
)


@given(genetics_strategy)
def test_a_genetics_form_survives_a_round_trip_through_json(genetics: Genetics) -> None:
    data = json.loads(json.dumps(content_to_dict(genetics)))
    assert data["kind"] == "genetics"
    assert content_from_dict(data) == genetics
    assert content_from_dict(data, kind=FormKind.GENETICS) == genetics


@given(genetics_strategy, genetics_strategy)
def test_genetics_changes_are_empty_exactly_when_nothing_changed(
    old: Genetics, new: Genetics
) -> None:
    assert (form_changes(old, new) == []) == (old == new)
    assert (changed_sections(old, new) == []) == (old == new)


def test_the_genetics_kind_and_its_empty_form() -> None:
    assert FormKind("genetics") is FormKind.GENETICS
    assert empty_content(FormKind.GENETICS) == Genetics()
    assert kind_of(Genetics()) is FormKind.GENETICS
    assert changed_sections(None, RICH) == ["tests", "variants", "consents", "relative_information"]


def test_a_malformed_genetics_dict_is_refused_by_path() -> None:
    data = content_to_dict(RICH)
    data["variants"][1]["acmg_class"] = "5"
    with pytest.raises(ValidationError) as refused:
        content_from_dict(data)
    assert (refused.value.code, refused.value.field) == (
        "clinical_form_content",
        "variants[1].acmg_class",
    )


def test_genetics_changes_read_as_french_sentences() -> None:
    new = dataclasses.replace(
        RICH,
        variants=(dataclasses.replace(BRCA2, acmg_class=4), *RICH.variants[1:]),
        consents=(),
    )
    assert [str(change) for change in form_changes(RICH, new)] == [
        "Variant BRCA2 c.5946del — Classe ACMG : 5 (pathogène) → 4 (probablement pathogène)",
        "Consentements : suppression de Consentement du 01/03/2024",
    ]
    assert [str(change) for change in form_changes(None, Genetics(tests=(PANEL,)))] == [
        "Analyses : ajout de Analyse t1 (panel de gènes du 12/03/2024)"
    ]
