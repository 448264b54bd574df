"""Portability through the services: a rich file exported as a FHIR R4 bundle and
imported by another practitioner keeps every field; bundles written by hand from the
FHIR R4 specification (tests/data/fhir) are imported; malformed ones are refused with
the list of their problems and nothing is imported."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from rights_helpers import FIRST_NAMES, GENETICS, HISTORY, PLANTED, approved, create_rich_file
from rights_helpers import family as rich_family
from service_helpers import Team

from oiso_desktop.domain.errors import OisoError, PermissionDenied, ValidationError
from oiso_desktop.domain.family import AgeKind
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.portability_service import PortabilityService

DATA = Path(__file__).resolve().parents[1] / "data" / "fhir"


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    return approved(team, created_db)


@pytest.fixture
def bernard(team: Team, created_db, durand: UserSession) -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login("p.bernard")
    durand.clinical_key.approve(team.ids["p.bernard"])
    return session


def _file(session: UserSession, patient_id: int) -> dict[str, object]:
    """Everything a file holds that travels: identity, forms, appointments."""
    view = session.patients.get(patient_id)
    appointments = sorted(
        (a.exam, a.starts_at, a.duration_minutes, a.place, str(a.status), a.note)
        for a in session.appointments.for_patient(patient_id)
    )
    return {
        "identity": view.fields,
        "history": session.forms.get(patient_id, "history").content,
        "family": session.forms.get(patient_id, "family").content,
        "genetics": session.forms.get(patient_id, "genetics").content,
        "appointments": appointments,
    }


def _count(session: UserSession) -> int:
    return len(session.patients.search_ids("").ids)


def test_export_then_import_keeps_every_field_of_a_rich_file(
    durand: UserSession, bernard: UserSession, team: Team
) -> None:
    pid = create_rich_file(durand, team)
    before = _file(durand, pid)
    data = durand.portability.export_bundle(pid)
    bundle = json.loads(data)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    for kind in (
        "Patient",
        "Condition",
        "Procedure",
        "FamilyMemberHistory",
        "Observation",
        "Appointment",
        "ServiceRequest",
        "Consent",
        "Communication",
    ):
        assert kind in kinds
    assert kinds.count("FamilyMemberHistory") == len(rich_family().people)
    patient = bundle["entry"][0]["resource"]
    assert patient["name"][0]["family"] == PLANTED
    assert patient["identifier"][0]["system"] == "urn:oid:1.2.250.1.213.1.4.8"

    new_id = bernard.portability.import_bundle(data)
    assert new_id != pid
    after = _file(bernard, new_id)
    assert after == before
    # the family graph itself, field by field: typed ages kept as typed
    family = after["family"]
    assert family == rich_family()
    assert family.person("p2").age_at_death.text == "60-65"  # type: ignore[attr-defined]
    assert family.person("p3").age.kind is AgeKind.APPROXIMATE  # type: ignore[attr-defined]
    assert after["history"] == HISTORY and after["genetics"] == GENETICS
    # a second round trip gives the same bundle, but for the timestamp
    again = json.loads(bernard.portability.export_bundle(new_id))
    bundle.pop("timestamp"), again.pop("timestamp")
    assert again == bundle
    # the new file is Bernard's, with its plan; the events carry no value
    assert bernard.patients.get(new_id).owner_id == team.ids["p.bernard"]
    assert bernard.followup.plan(new_id).items
    (imported,) = bernard.events.list(action="patient_imported")
    assert imported.object_id == new_id and PLANTED not in imported.details
    (exported,) = durand.events.list(action="patient_exported")
    assert PLANTED not in exported.details and FIRST_NAMES not in exported.details


def test_export_to_folder_writes_the_bundle_and_the_summary(
    durand: UserSession, team: Team, tmp_path: Path
) -> None:
    pid = create_rich_file(durand, team)
    bundle_path, pdf_path = durand.portability.export_to_folder(pid, tmp_path)
    assert json.loads(bundle_path.read_text("utf-8"))["resourceType"] == "Bundle"
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    assert PLANTED not in bundle_path.name and PLANTED not in pdf_path.name
    assert [e.details for e in durand.events.list(action="patient_exported")]
    assert (bundle_path.name, pdf_path.name) == (
        f"dossier-{pid}.fhir.json",
        f"dossier-{pid}-synthese.pdf",
    )
    # A second export beside the first: new names, the first copy left whole.
    first = bundle_path.read_bytes()
    again = durand.portability.export_to_folder(pid, tmp_path)
    assert [p.name for p in again] == [
        f"dossier-{pid}-2.fhir.json",
        f"dossier-{pid}-2-synthese.pdf",
    ]
    assert bundle_path.read_bytes() == first
    with pytest.raises(OisoError) as caught:
        durand.portability.export_to_folder(pid, tmp_path / "absent" / "dossier")
    assert caught.value.code == "portability_export_failed"


def test_only_the_owner_exports(durand: UserSession, bernard: UserSession, team: Team) -> None:
    pid = create_rich_file(durand, team)
    durand.sharing.share(pid, team.ids["p.bernard"], "write")
    with pytest.raises(PermissionDenied):
        bernard.portability.export_bundle(pid)


def test_only_practitioners_import_and_before_the_bundle_is_read(team: Team) -> None:
    secretary = team.login("s.leroy")
    for data in ((DATA / "minimal.json").read_bytes(), b"{ pas du JSON"):
        with pytest.raises(PermissionDenied):
            secretary.portability.import_bundle(data)


def test_a_hand_written_minimal_bundle_is_imported(durand: UserSession) -> None:
    pid = durand.portability.import_bundle((DATA / "minimal.json").read_bytes())
    view = durand.patients.get(pid)
    assert view.fields.birth_name == "GARNIER" and view.fields.first_names == "Sophie"
    assert view.fields.sex == "F" and str(view.fields.birth_date) == "1972-11-04"


def test_a_hand_written_rich_bundle_is_imported(durand: UserSession) -> None:
    pid = durand.portability.import_bundle((DATA / "rich.json").read_bytes())
    file = _file(durand, pid)
    identity = file["identity"]
    assert identity.birth_name == "ROUSSEAU" and identity.used_name == "DUPUIS"  # type: ignore[attr-defined]
    assert identity.nir == "272112901920138" and identity.city == "Brest"  # type: ignore[attr-defined]
    assert identity.referring_physician == "Dr Yves Le Gall"  # type: ignore[attr-defined]
    history = file["history"]
    (cancer,) = history.cancers  # type: ignore[attr-defined]
    assert (cancer.site, cancer.laterality, cancer.age.value, cancer.confirmed) == (
        "breast",
        "right",
        44,
        True,
    )
    (surgery,) = history.surgeries  # type: ignore[attr-defined]
    assert surgery.kind == "salpingo_oophorectomy" and str(surgery.date) == "2019-06-14"
    family = file["family"]
    proband = family.proband  # type: ignore[attr-defined]
    mother = family.person(proband.mother_id)  # type: ignore[attr-defined]
    assert mother.deceased and mother.cancers[0].site == "ovary"
    assert mother.cancers[0].age.value == 58
    sister = next(p for p in family.people if p.name == "Lucie")  # type: ignore[attr-defined]
    assert sister.mother_id == proband.mother_id and sister.birth_year == 1975
    grandmother = family.person(mother.mother_id)  # type: ignore[attr-defined]
    assert grandmother.deceased and grandmother.age_at_death.value == 70
    (variant,) = file["genetics"].variants  # type: ignore[attr-defined]
    assert (variant.gene, variant.hgvs_c, variant.acmg_class) == ("BRCA2", "c.5946del", 5)
    assert variant.hgvs_p == "p.(Ser1982Argfs*22)" and variant.zygosity == "heterozygous"
    ((exam, starts, minutes, place, status, note),) = file["appointments"]  # type: ignore[misc]
    assert minutes == 45 and place == "Radiologie, CHU de Brest" and status == "booked"
    assert note == "Apporter les clichés précédents"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ pas du json", "JSON"),
        (json.dumps({"resourceType": "Patient"}).encode(), "Bundle"),
        ((DATA / "not_fhir.json").read_bytes(), "birthDate"),
        (
            json.dumps({"resourceType": "Bundle", "type": "collection", "entry": []}).encode(),
            "aucune ressource Patient",
        ),
        ((DATA / "wrong_reference.json").read_bytes(), "Patient/unknown-99"),
    ],
)
def test_malformed_bundles_are_refused_and_nothing_is_imported(
    durand: UserSession, content: bytes, expected: str
) -> None:
    before = _count(durand)
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(content)
    assert caught.value.code == "fhir_bundle_invalid"
    assert expected in caught.value.params["problems"]
    assert "rien n'a été importé" in str(caught.value)
    assert _count(durand) == before


def test_a_bundle_whose_content_oisO_refuses_imports_nothing(
    durand: UserSession, team: Team
) -> None:
    pid = create_rich_file(durand, team)
    bundle = json.loads(durand.portability.export_bundle(pid))
    patient = bundle["entry"][0]["resource"]
    patient["identifier"][0]["value"] = "295109912611199"  # wrong NIR key
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Observation":
            for ext in resource["extension"]:
                item = json.loads(ext["valueString"])
                item["acmg_class"] = 9
                ext["valueString"] = json.dumps(item)
    before = _count(durand)
    with pytest.raises(ValidationError) as caught:
        durand.portability.import_bundle(json.dumps(bundle).encode())
    problems = caught.value.params["problems"]
    assert "Patient" in problems and "genetics" in problems
    assert _count(durand) == before
    assert isinstance(durand.portability, PortabilityService)
    assert dataclasses.is_dataclass(HISTORY)
