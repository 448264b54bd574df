"""Protocols as data: the seed, validation (French messages, stable codes), dict form."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from oiso_desktop.domain.errors import ErrorCode, FormValidationError, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    SCHEMA_VERSION,
    Protocol,
    ProtocolChoice,
    ProtocolItem,
    check_protocol,
    choice_from_dict,
    choice_to_dict,
    protocol_from_dict,
    protocol_to_dict,
    validate_protocol,
)
from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS, seed_protocol


def custom(*items: ProtocolItem, **changes: object) -> Protocol:
    protocol = Protocol(key="tp53", name="TP53", genes=("TP53",), custom=True, items=items)
    return dataclasses.replace(protocol, **changes)  # type: ignore[arg-type]


def item(**changes: object) -> ProtocolItem:
    base = ProtocolItem(key="whole_body_mri", exam=ExamKind.WHOLE_BODY_MRI, start_age=18)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --- the seed -----------------------------------------------------------------------------


def test_seed_protocols_are_valid_and_sourced() -> None:
    for protocol in SEED_PROTOCOLS:
        assert validate_protocol(protocol) == [], protocol.key
        assert "REFERENCE.md" in protocol.source_note
        assert not protocol.custom


def test_variants_pair_up_with_the_same_item_keys() -> None:
    for key, family in (
        ("lynch_mlh1_msh2_epcam", "lynch"),
        ("lynch_msh6_pms2", "lynch"),
        ("apc", "apc"),
        ("mutyh", "mutyh"),
    ):
        french, esge = seed_protocol(key, "fr"), seed_protocol(key, "esge")
        assert (french.family, esge.family) == (family, family)
        assert [i.key for i in french.items] == [i.key for i in esge.items]
        assert french.genes == esge.genes


@pytest.mark.parametrize(
    ("key", "variant", "item_key", "start_age"),
    [
        ("lynch_mlh1_msh2_epcam", "fr", "colonoscopy", 20),
        ("lynch_mlh1_msh2_epcam", "esge", "colonoscopy", 25),
        ("lynch_msh6_pms2", "fr", "colonoscopy", 20),
        ("lynch_msh6_pms2", "esge", "colonoscopy", 35),
        ("apc", "fr", "upper_endoscopy", 15),
        ("apc", "esge", "upper_endoscopy", 25),
        ("mutyh", "fr", "colonoscopy", 20),
        ("mutyh", "esge", "colonoscopy", 18),
        ("mutyh", "fr", "upper_endoscopy", 25),
        ("mutyh", "esge", "upper_endoscopy", 35),
        ("brca1", None, "rrso_discussion", 40),
        ("brca2", None, "rrso_discussion", 45),
    ],
)
def test_start_ages_of_reference(
    key: str, variant: str | None, item_key: str, start_age: int
) -> None:
    found = seed_protocol(key, variant).item(item_key)
    assert found is not None and found.start_age == start_age


def test_to_confirm_marks_of_reference() -> None:
    marked = {
        (protocol.key, entry.key)
        for protocol in SEED_PROTOCOLS
        for entry in protocol.items
        if entry.to_confirm
    }
    assert marked == {
        ("brca1", "clinical_breast_exam"),
        ("brca1", "rrso_discussion"),
        ("brca2", "clinical_breast_exam"),
        ("brca2", "rrso_discussion"),
        ("has2014_very_high_risk", "clinical_breast_exam"),
    }
    for protocol in SEED_PROTOCOLS:
        for entry in protocol.items:
            assert bool(entry.to_confirm_note) == entry.to_confirm


def test_brca_protocols_have_no_item_for_men_and_say_so() -> None:
    for key in ("brca1", "brca2"):
        protocol = seed_protocol(key)
        assert all(entry.sexes == {"F"} for entry in protocol.items)
        assert "hommes" in protocol.source_note.lower()


def test_has_protocols_are_selected_by_hand() -> None:
    for key in ("has2014_high_risk", "has2014_very_high_risk"):
        protocol = seed_protocol(key)
        assert protocol.genes == () and protocol.manual_only


def test_mutyh_special_schedule() -> None:
    colonoscopy = seed_protocol("mutyh", "fr").item("colonoscopy")
    assert colonoscopy is not None
    assert (colonoscopy.fixed_ages, colonoscopy.interval_months) == ((20, 25, 30), 24)


def test_choice() -> None:
    choice = ProtocolChoice(lynch="esge")
    assert choice.applies(seed_protocol("lynch_msh6_pms2", "esge"))
    assert not choice.applies(seed_protocol("lynch_msh6_pms2", "fr"))
    assert choice.applies(seed_protocol("apc", "fr"))
    assert choice.applies(seed_protocol("brca1"))
    assert choice_from_dict(choice_to_dict(choice)) == choice
    assert choice_from_dict({"lynch": "us", "apc": "esge"}) == ProtocolChoice(apc="esge")
    assert choice_from_dict(None) == ProtocolChoice()


# --- validation ---------------------------------------------------------------------------


def test_end_age_before_start_age() -> None:
    (problem,) = validate_protocol(custom(item(start_age=40, end_age=30)))
    assert problem.code is ErrorCode.PROTOCOL_END_BEFORE_START
    assert problem.field == "items[0].end_age"
    assert str(problem) == "L'âge de fin (30 ans) doit être supérieur à l'âge de début (40 ans)."
    assert problem.params == {"start_age": "40", "end_age": "30"}


def test_end_age_equal_to_start_age_is_refused() -> None:
    (problem,) = validate_protocol(custom(item(start_age=40, end_age=40)))
    assert problem.code is ErrorCode.PROTOCOL_END_BEFORE_START


@pytest.mark.parametrize("interval", [0, -12])
def test_zero_or_negative_interval(interval: int) -> None:
    (problem,) = validate_protocol(custom(item(interval_months=interval)))
    assert problem.code is ErrorCode.PROTOCOL_INTERVAL
    assert problem.field == "items[0].interval_months"
    assert str(problem) == (
        f"L'intervalle entre deux examens ({interval} mois) doit être d'au moins un mois."
    )


def test_no_genes() -> None:
    (problem,) = validate_protocol(custom(item(), genes=()))
    assert problem.code is ErrorCode.PROTOCOL_NO_GENES
    assert "au moins un gène" in str(problem)
    assert validate_protocol(custom(item(), genes=(), manual_only=True)) == []


def test_duplicate_item_keys() -> None:
    (problem,) = validate_protocol(custom(item(), item(exam=ExamKind.BRAIN_MRI)))
    assert problem.code is ErrorCode.PROTOCOL_ITEM_KEY_DUPLICATE
    assert problem.field == "items[1].key"
    assert str(problem) == "La clé d'examen « whole_body_mri » figure deux fois dans le protocole."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_age": -1}, "items[0].start_age"),
        ({"start_age": 121}, "items[0].start_age"),
        ({"start_age": math.nan}, "items[0].start_age"),
        ({"end_age": 130}, "items[0].end_age"),
        ({"fixed_ages": (18, 200)}, "items[0].fixed_ages"),
    ],
)
def test_ages_out_of_range(changes: dict[str, object], field: str) -> None:
    (problem,) = validate_protocol(custom(item(**changes)))
    assert problem.code is ErrorCode.PROTOCOL_AGE_RANGE
    assert problem.field == field
    assert "entre 0 et 120 ans" in str(problem)


@pytest.mark.parametrize(
    ("protocol", "code"),
    [
        (custom(), ErrorCode.PROTOCOL_NO_ITEMS),
        (custom(item(), name=" "), ErrorCode.PROTOCOL_NAME_REQUIRED),
        (custom(item(), genes=("tp53",)), ErrorCode.PROTOCOL_GENE_FORMAT),
        (custom(item(), key="TP 53"), ErrorCode.PROTOCOL_KEY_FORMAT),
        (custom(item(), variant="esge"), ErrorCode.PROTOCOL_VARIANT),
        (custom(item(), version=0), ErrorCode.PROTOCOL_VERSION),
        (custom(item(key="Whole body")), ErrorCode.PROTOCOL_ITEM_KEY_FORMAT),
        (custom(item(exam=ExamKind.OTHER)), ErrorCode.PROTOCOL_ITEM_LABEL_REQUIRED),
        (custom(item(sexes=frozenset())), ErrorCode.PROTOCOL_ITEM_SEXES),
        (custom(item(sexes=frozenset({"X"}))), ErrorCode.PROTOCOL_ITEM_SEXES),
        (custom(item(fixed_ages=(25, 20))), ErrorCode.PROTOCOL_FIXED_AGES),
        (custom(item(fixed_ages=(10, 20))), ErrorCode.PROTOCOL_FIXED_AGES),
        (custom(item(stopped_by=frozenset({"appendectomy"}))), ErrorCode.PROTOCOL_STOPPED_BY),
        (custom(item(interval_months=2000)), ErrorCode.PROTOCOL_INTERVAL),
    ],
)
def test_other_problems(protocol: Protocol, code: ErrorCode) -> None:
    assert [problem.code for problem in validate_protocol(protocol)] == [code]


def test_check_protocol_raises_one_or_all_problems() -> None:
    check_protocol(custom(item()))
    with pytest.raises(ValidationError) as one:
        check_protocol(custom(item(interval_months=0)))
    assert one.value.code is ErrorCode.PROTOCOL_INTERVAL
    with pytest.raises(FormValidationError) as several:
        check_protocol(custom(item(start_age=40, end_age=30, interval_months=0), genes=()))
    assert [p.code for p in several.value.problems] == [
        ErrorCode.PROTOCOL_NO_GENES,
        ErrorCode.PROTOCOL_END_BEFORE_START,
        ErrorCode.PROTOCOL_INTERVAL,
    ]
    assert "3 problèmes" in str(several.value)


# --- dict form ----------------------------------------------------------------------------


def test_dict_round_trip_of_every_seed_protocol() -> None:
    for protocol in SEED_PROTOCOLS:
        data = json.loads(json.dumps(protocol_to_dict(protocol)))
        assert data["schema"] == SCHEMA_VERSION
        assert protocol_from_dict(data) == protocol


def test_a_newer_schema_is_refused() -> None:
    data = protocol_to_dict(seed_protocol("brca1"))
    data["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(ValidationError) as error:
        protocol_from_dict(data)
    assert error.value.code is ErrorCode.PROTOCOL_SCHEMA_TOO_NEW


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("items", 0, "exam"), "x_ray", "items[0].exam"),
        (("items", 0, "start_age"), "20", "items[0].start_age"),
        (("items", 1, "sexes"), "F", "items[1].sexes"),
        (("genes",), "BRCA1", "genes"),
        (("version",), None, "version"),
    ],
)
def test_malformed_dicts_are_refused(path: tuple[object, ...], value: object, field: str) -> None:
    data = protocol_to_dict(seed_protocol("brca1"))
    target: object = data
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(ValidationError) as error:
        protocol_from_dict(data)
    assert error.value.code is ErrorCode.PROTOCOL_DATA_INVALID
    assert error.value.params["path"] == field
    assert "ne peut pas être lu" in str(error.value)
    with pytest.raises(ValidationError):
        protocol_from_dict([1, 2])
