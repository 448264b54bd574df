"""Hostile or unusual FHIR bundles: each is refused with the French list of its
problems (``fhir_bundle_invalid``) and nothing is imported; none crashes the import
with an unexplained error."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rights_helpers import approved
from service_helpers import Team

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.interop.fhir_bundle import MAX_BUNDLE_BYTES
from oiso_desktop.services.auth_service import UserSession

DATA = Path(__file__).resolve().parents[1] / "data" / "fhir"
OISO = "https://oiso-desktop.fr/fhir/StructureDefinition"


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    return approved(team, created_db)


def _rich() -> dict[str, Any]:
    return json.loads((DATA / "rich.json").read_text(encoding="utf-8"))


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _edit(change: Callable[[dict[str, Any]], None]) -> bytes:
    bundle = _rich()
    change(bundle)
    return json.dumps(bundle).encode()


def _partial_birth_date(bundle: dict[str, Any]) -> None:
    _resources(bundle, "Patient")[0]["birthDate"] = "1972"  # a valid FHIR date


def _partial_onset(bundle: dict[str, Any]) -> None:
    for condition in _resources(bundle, "Condition"):
        condition.pop("onsetAge", None)
        condition["onsetDateTime"] = "2015-03"  # a valid FHIR dateTime


def _partial_performed(bundle: dict[str, Any]) -> None:
    for procedure in _resources(bundle, "Procedure"):
        procedure["performedDateTime"] = "2019"


def _graph(value: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def change(bundle: dict[str, Any]) -> None:
        for member in _resources(bundle, "FamilyMemberHistory"):
            member.setdefault("extension", []).append({"url": f"{OISO}/item", "valueString": "{}"})
            member["extension"].append({"url": f"{OISO}/family-graph", **value})

    return change


def _deep_item(bundle: dict[str, Any]) -> None:
    for condition in _resources(bundle, "Condition"):
        condition.setdefault("extension", []).append(
            {"url": f"{OISO}/item", "valueString": "[" * 100_000}
        )


def _many_relatives(bundle: dict[str, Any]) -> None:
    (model,) = [e for e in bundle["entry"] if e["resource"].get("id") == "fmh-sister"] or [
        next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "FamilyMemberHistory")
    ]
    for index in range(10_000):
        entry = copy.deepcopy(model)
        entry.pop("fullUrl", None)
        entry["resource"]["id"] = f"brother-{index}"
        entry["resource"]["relationship"] = {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "BRO"}
            ]
        }
        bundle["entry"].append(entry)


HOSTILE = {
    "deeply nested JSON": (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    "deeply nested bundle": (
        b'{"resourceType":"Bundle","type":"collection","meta":'
        + b'{"a":' * 50_000
        + b"1"
        + b"}" * 50_001,
        "JSON",
    ),
    "too large": (
        b'{"resourceType":"Bundle","type":"collection","entry":[]' + b" " * MAX_BUNDLE_BYTES + b"}",
        "trop volumineux",
    ),
    "partial birth date": (_edit(_partial_birth_date), "date de naissance"),
    "partial onset date": (_edit(_partial_onset), "2015-03"),
    "partial surgery date": (_edit(_partial_performed), "2019"),
    "family graph not an object": (_edit(_graph({"valueString": "[1, 2]"})), "Famille"),
    "family graph not a string": (_edit(_graph({"valueInteger": 3})), "Famille"),
    "deeply nested OISO item": (_edit(_deep_item), "illisible"),
    "ten thousand relatives": (_edit(_many_relatives), "au-delà des 275"),
}


@pytest.mark.parametrize(("content", "expected"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_bundles_are_refused_clearly_and_nothing_is_imported(
    durand: UserSession, content: bytes, expected: str
) -> None:
    before = len(durand.patients.search_ids("").ids)
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(content)
    assert caught.value.code == "fhir_bundle_invalid"
    assert expected in caught.value.params["problems"]
    assert "rien n'a été importé" in str(caught.value)
    assert len(durand.patients.search_ids("").ids) == before


def test_a_bundle_of_a_patient_who_already_has_a_visible_file_is_refused(
    durand: UserSession, team: Team
) -> None:
    from rights_helpers import create_rich_file

    pid = create_rich_file(durand, team)
    data = durand.portability.export_bundle(pid)
    before = len(durand.patients.search_ids("").ids)
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(data)
    assert caught.value.code == "fhir_bundle_invalid"
    assert "NIR" in caught.value.params["problems"]
    assert len(durand.patients.search_ids("").ids) == before


def _appointment(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(bundle: dict[str, Any]) -> None:
        (appointment,) = _resources(bundle, "Appointment")
        appointment.update(changes)

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _appointment(comment="x" * 5000),
            "Rendez-vous : note trop longue (500 caractères au plus)",
        ),
        (
            _appointment(
                extension=[{"url": f"{OISO}/appointment-place", "valueString": "y" * 500}]
            ),
            "Rendez-vous : lieu trop long (200 caractères au plus)",
        ),
        (_appointment(minutesDuration=23 * 60), "Rendez-vous : durée invalide"),
    ],
)
def test_appointments_beyond_what_the_application_accepts_are_refused(
    durand: UserSession, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    before = len(durand.patients.search_ids("").ids)
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(_edit(change))
    assert expected in caught.value.params["problems"]
    assert len(durand.patients.search_ids("").ids) == before


def _fhir(change: Callable[[dict[str, Any]], None]) -> bytes:
    return _edit(change)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            (DATA / "not_fhir.json").read_bytes(),
            "Entrée 1 (Patient), birthDate : format incorrect.",
        ),
        (
            _fhir(lambda b: _resources(b, "Patient")[0].update(surnom="Zaza")),
            "Entrée 1 (Patient), surnom : élément inconnu de FHIR R4.",
        ),
        (
            _fhir(lambda b: _resources(b, "Condition")[0].pop("subject")),
            "Entrée 2 (Condition), subject : élément obligatoire absent.",
        ),
        (
            _fhir(lambda b: _resources(b, "Patient")[0].update(gender=5)),
            "Entrée 1 (Patient), gender : type de valeur incorrect.",
        ),
        (_fhir(lambda b: b.update(entry="x")), "entry : type de valeur incorrect."),
    ],
)
def test_fhir_validation_problems_are_told_in_french(
    durand: UserSession, content: bytes, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(content)
    problems = caught.value.params["problems"]
    assert expected in problems
    for english in ("Value error", "Field required", "Input should", "Extra inputs"):
        assert english not in problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"resourceType": "Bundle",\n  "entry": [,]}', "JSON valide (ligne 2, colonne 13)"),
        (b'{"resourceType": "Bundle", "id": "\xe9t\xe9"}', "pas encodé en UTF-8"),
    ],
)
def test_a_file_that_is_not_json_is_told_in_french(
    durand: UserSession, content: bytes, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(content)
    problems = caught.value.params["problems"]
    assert expected in problems and "Expecting" not in problems and "codec" not in problems
