"""A patient file as a FHIR R4 bundle, and back (portability, DESIGN.md §7).

The bundle (``type: collection``) holds one ``Patient`` and, for the clinical file:

* ``Condition``: the patient's cancers (site, laterality, age or date at diagnosis);
* ``Procedure``: the risk-reducing surgeries;
* ``FamilyMemberHistory``: every person of the family graph, the proband included
  (relationship ``ONESELF``), with sex, birth year or age, vital status and cancers;
* ``Observation``: the variants (genomics-reporting components: gene studied, DNA and
  amino-acid change, clinical significance, allelic state);
* ``ServiceRequest``: the genetic tests; ``Consent``: the testing consents;
  ``Communication``: the information of relatives;
* ``Appointment``: the appointments.

Every resource is built and checked with the ``fhir.resources`` models (R4B, which is
R4-compatible for these resources). Where FHIR has no field for what OISO keeps —
an age as typed ("~45", "60-65"), the pathology markers, the family graph (parents,
partners, twins, consanguinity, adoption) —, each resource carries the OISO item
itself in the extension :data:`EXT_ITEM` (the JSON of ``domain.clinical_forms``),
beside the standard fields. Reading a bundle, that extension wins when present, so an
OISO export → import keeps every field; a bundle from elsewhere is read from its
standard fields (see :func:`from_bundle`). The extensions and code systems are listed in
``docs/ARCHITECTURE.md`` ("FHIR portability").

Links that only make sense in the exporting database are not exported: a relative's
own patient file (``Person.patient_id``) and the attachments a consent or a letter
points to (``document_id``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError as PydanticValidationError

from oiso_desktop.domain.clinical_forms import (
    SCHEMA_VERSION,
    FormKind,
    family_to_dict,
    genetics_to_dict,
    history_to_dict,
)
from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    MAX_FAMILY_SIZE,
    Age,
    Cancer,
    Family,
    Partnership,
    Person,
)
from oiso_desktop.domain.genetics import Genetics, Variant
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import (
    SURGERY_KINDS,
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)

__all__ = [
    "EXT_ITEM",
    "MAX_BUNDLE_BYTES",
    "NIR_SYSTEM",
    "BundleProblems",
    "PortableAppointment",
    "PortableFile",
    "bundle_bytes",
    "from_bundle",
    "to_bundle",
]

OISO = "https://oiso-desktop.fr/fhir"
#: A bundle carries no attachment: a few hundred kilobytes at most. Anything larger
#: is refused before it is parsed (memory, time).
MAX_BUNDLE_BYTES = 20 * 1024 * 1024
#: valueString: the OISO item (JSON of ``domain.clinical_forms``), lossless.
EXT_ITEM = f"{OISO}/StructureDefinition/item"
#: on the proband's FamilyMemberHistory, valueString: partnerships, twins, risk factors.
EXT_FAMILY_GRAPH = f"{OISO}/StructureDefinition/family-graph"
#: on Patient, valueString: the note of the personal history.
EXT_HISTORY_NOTE = f"{OISO}/StructureDefinition/history-note"
#: on FamilyMemberHistory, valueId: the person's id in the family graph ("p3").
EXT_PERSON_ID = f"{OISO}/StructureDefinition/family-person-id"
#: on Patient, valueCode: INS identity status PROV | RECUP | VALI | QUAL.
EXT_INS_STATUS = f"{OISO}/StructureDefinition/ins-identity-status"
#: on Patient, valueCode: INSEE code of the birthplace (commune or 99xxx country).
EXT_BIRTH_PLACE = f"{OISO}/StructureDefinition/birth-place-insee"
#: on Patient, valueCode: alive | deceased | unknown.
EXT_VITAL_STATUS = f"{OISO}/StructureDefinition/vital-status"
#: on Appointment, valueString: where it takes place.
EXT_PLACE = f"{OISO}/StructureDefinition/appointment-place"
CS_CANCER_SITE = f"{OISO}/CodeSystem/cancer-site"
CS_SURGERY = f"{OISO}/CodeSystem/risk-reducing-surgery"
CS_EXAM = f"{OISO}/CodeSystem/exam"
CS_APPOINTMENT_STATUS = f"{OISO}/CodeSystem/appointment-status"
#: INS-NIR (matricule INS from the NIR).
NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"

_GENDER = {"F": "female", "M": "male", "I": "other", "U": "unknown"}
_SEX_FROM_GENDER = {"female": "F", "male": "M"}
_SIDES = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "bilateral": ("51440002", "Bilateral"),
}
_SIDE_FROM_SNOMED = {code: key for key, (code, _) in _SIDES.items()}
#: A few SNOMED CT disorder codes of the main sites (bundles written elsewhere).
_SITE_FROM_SNOMED = {
    "254837009": "breast",
    "363443007": "ovary",
    "363406005": "colorectal",
    "93761005": "colorectal",
    "399068003": "prostate",
    "363418001": "pancreas",
    "254878006": "endometrium",
    "363349007": "stomach",
}
_SITE_WORDS = {
    "breast": "breast",
    "sein": "breast",
    "ovar": "ovary",
    "ovaire": "ovary",
    "colon": "colorectal",
    "colorectal": "colorectal",
    "rect": "colorectal",
    "prostat": "prostate",
    "pancrea": "pancreas",
    "endometri": "endometrium",
    "stomach": "stomach",
    "gastric": "stomach",
    "estomac": "stomach",
}
_SURGERY_WORDS = {
    "mastectom": "mastectomy",
    "salpingo": "salpingo_oophorectomy",
    "oophorectom": "salpingo_oophorectomy",
    "annexectom": "salpingo_oophorectomy",
    "hysterectom": "hysterectomy",
    "colectom": "colectomy",
}
#: LOINC answers of "genetic variation's clinical significance" (53037-8), by ACMG class.
_SIGNIFICANCE = {
    5: ("LA6668-3", "Pathogenic"),
    4: ("LA26332-9", "Likely pathogenic"),
    3: ("LA26333-7", "Uncertain significance"),
    2: ("LA26334-5", "Likely benign"),
    1: ("LA6675-8", "Benign"),
}
_CLASS_FROM_LOINC = {code: acmg for acmg, (code, _) in _SIGNIFICANCE.items()}
_ZYGOSITY = {
    "heterozygous": ("LA6706-1", "Heterozygous"),
    "homozygous": ("LA6705-3", "Homozygous"),
    "hemizygous": ("LA6707-9", "Hemizygous"),
}
_ZYGOSITY_FROM_LOINC = {code: key for key, (code, _) in _ZYGOSITY.items()}
_APPOINTMENT_STATUS = {
    "booked": "booked",
    "confirmed": "booked",
    "done": "fulfilled",
    "missed": "noshow",
    "cancelled": "cancelled",
}
_STATUS_FROM_FHIR = {
    "booked": "booked",
    "pending": "booked",
    "proposed": "booked",
    "arrived": "confirmed",
    "checked-in": "confirmed",
    "fulfilled": "done",
    "noshow": "missed",
    "cancelled": "cancelled",
    "entered-in-error": "cancelled",
    "waitlist": "booked",
}
_ACCEPTED = {
    "Patient",
    "Condition",
    "Procedure",
    "FamilyMemberHistory",
    "Observation",
    "ServiceRequest",
    "Consent",
    "Communication",
    "Appointment",
}
#: Resources an appointment may point to; read only for their names.
_TOLERATED = {"Practitioner", "PractitionerRole", "Organization", "Location"}


class BundleProblems(ValidationError):
    """The bundle cannot be imported: ``problems`` (French lines) say why; the error's
    ``problems`` parameter is the same list as one text, a line each."""

    code = ErrorCode.FHIR_BUNDLE_INVALID

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        listed = "\n".join(f"• {p}" for p in self.problems)
        super().__init__(
            "Ce paquet FHIR ne peut pas être importé ; rien n'a été importé :\n" + listed,
            problems=listed,
        )


@dataclass(frozen=True)
class PortableAppointment:
    exam: str  # domain.followup.exams.ExamKind value
    starts_at: dt.datetime  # local, naive
    duration_minutes: int
    place: str
    status: str = "booked"  # domain.followup.appointments.AppointmentStatus value
    note: str = ""


@dataclass(frozen=True)
class PortableFile:
    """What a bundle carries: the identity, the three clinical forms, the appointments."""

    identity: IdentityFields
    history: PersonalHistory = PersonalHistory()
    family: Family = Family()
    genetics: Genetics = Genetics()
    appointments: tuple[PortableAppointment, ...] = ()


# ====================================================================== writing


def _ext(url: str, **value: Any) -> dict[str, Any]:
    return {"url": url, **value}


def _item(data: Mapping[str, Any]) -> dict[str, Any]:
    return _ext(EXT_ITEM, valueString=json.dumps(data, ensure_ascii=False, sort_keys=True))


def _text(value: str) -> str | None:
    return value or None


def _age(age: Age) -> dict[str, Any]:
    """``ageAge`` for an exact age, ``ageString`` for any other one typed."""
    if age.kind == "exact" and age.value is not None:
        return {
            "Age": {
                "value": age.value,
                "unit": "a",
                "system": "http://unitsofmeasure.org",
                "code": "a",
            }
        }
    if age.text:
        return {"String": age.text}
    return {}


def _prefixed(prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {f"{prefix}{key}": value for key, value in values.items()}


def _side(side: str) -> list[dict[str, Any]] | None:
    if side not in _SIDES:
        return None
    code, display = _SIDES[side]
    return [{"coding": [{"system": SNOMED, "code": code, "display": display}]}]


def _patient(identity: IdentityFields, history_note: str) -> dict[str, Any]:
    names = [
        {"use": "official", "family": identity.birth_name, "given": identity.first_names.split()}
    ]
    if identity.used_name:
        names.append({"use": "usual", "family": identity.used_name})
    extensions = [
        _ext(EXT_INS_STATUS, valueCode=identity.ins_status),
        _ext(EXT_VITAL_STATUS, valueCode=identity.vital_status),
    ]
    if identity.birth_place_code:
        extensions.append(_ext(EXT_BIRTH_PLACE, valueCode=identity.birth_place_code))
    if history_note:
        extensions.append(_ext(EXT_HISTORY_NOTE, valueString=history_note))
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": "patient",
        "extension": extensions,
        "name": names,
        "gender": _GENDER.get(identity.sex, "unknown"),
        "birthDate": identity.birth_date.isoformat(),
    }
    if identity.nir:
        resource["identifier"] = [{"system": NIR_SYSTEM, "value": identity.nir}]
    telecom = []
    if identity.phone:
        telecom.append({"system": "phone", "value": identity.phone})
    if identity.email:
        telecom.append({"system": "email", "value": identity.email})
    if telecom:
        resource["telecom"] = telecom
    if identity.address or identity.postal_code or identity.city:
        address: dict[str, Any] = {"use": "home"}
        if identity.address:
            address["line"] = identity.address.split("\n")
        if identity.postal_code:
            address["postalCode"] = identity.postal_code
        if identity.city:
            address["city"] = identity.city
        resource["address"] = [address]
    if identity.death_date is not None:
        resource["deceasedDateTime"] = identity.death_date.isoformat()
    elif identity.vital_status == "deceased":
        resource["deceasedBoolean"] = True
    if identity.referring_physician:
        resource["generalPractitioner"] = [{"display": identity.referring_physician}]
    return resource


_SUBJECT = {"reference": "urn:uuid:patient"}


def _site_code(site: str) -> dict[str, Any]:
    label = CANCER_SITES[site].label if site in CANCER_SITES else site
    return {
        "coding": [{"system": CS_CANCER_SITE, "code": site, "display": label}],
        "text": f"cancer : {label}",
    }


def _condition(index: int, cancer: HistoryCancer, item: Mapping[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Condition",
        "id": f"cancer-{index}",
        "extension": [_item(item)],
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "active",
                }
            ]
        },
        "verificationStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "code": "confirmed" if cancer.confirmed else "provisional",
                }
            ]
        },
        "code": _site_code(cancer.site),
        "subject": _SUBJECT,
    }
    if (side := _side(cancer.laterality)) is not None:
        resource["bodySite"] = side
    if cancer.diagnosis_date is not None:
        resource["onsetDateTime"] = cancer.diagnosis_date.isoformat()
    else:
        resource.update(_prefixed("onset", _age(cancer.age)))
    if cancer.note:
        resource["note"] = [{"text": cancer.note}]
    return resource


def _procedure(index: int, surgery: RiskReducingSurgery, item: Mapping[str, Any]) -> dict:
    label = SURGERY_KINDS[surgery.kind].label if surgery.kind in SURGERY_KINDS else surgery.kind
    resource: dict[str, Any] = {
        "resourceType": "Procedure",
        "id": f"surgery-{index}",
        "extension": [_item(item)],
        "status": "completed",
        "code": {
            "coding": [{"system": CS_SURGERY, "code": surgery.kind, "display": label}],
            "text": label,
        },
        "subject": _SUBJECT,
    }
    if surgery.date is not None:
        resource["performedDateTime"] = surgery.date.isoformat()
    elif surgery.age.text:
        resource.update(_prefixed("performed", _age(surgery.age)))
    if (side := _side(surgery.side)) is not None:
        resource["bodySite"] = side
    if surgery.note:
        resource["note"] = [{"text": surgery.note}]
    return resource


def _relationship(family: Family, person: Person) -> tuple[str, str]:
    proband = next((p for p in family.people if p.proband), None)
    if proband is None or person.id == proband.id:
        return "ONESELF", "self"
    if person.id == proband.father_id:
        return "FTH", "father"
    if person.id == proband.mother_id:
        return "MTH", "mother"
    if proband.id in (person.father_id, person.mother_id):
        return {"F": ("DAU", "daughter"), "M": ("SON", "son")}.get(person.sex, ("CHILD", "child"))
    parents = {proband.father_id, proband.mother_id} - {None}
    if parents and parents & {person.father_id, person.mother_id}:
        return {"F": ("SIS", "sister"), "M": ("BRO", "brother")}.get(person.sex, ("SIB", "sibling"))
    partners = {
        p.second if p.first == proband.id else p.first
        for p in family.partnerships
        if proband.id in (p.first, p.second)
    }
    if person.id in partners:
        return "SIGOTHR", "significant other"
    return "FAMMEMB", "family member"


def _member(family: Family, person: Person, item: Mapping[str, Any], graph: str) -> dict:
    code, display = _relationship(family, person)
    extensions = [_ext(EXT_PERSON_ID, valueId=person.id), _item(item)]
    if graph:
        extensions.append(_ext(EXT_FAMILY_GRAPH, valueString=graph))
    resource: dict[str, Any] = {
        "resourceType": "FamilyMemberHistory",
        "id": f"relative-{person.id}",
        "extension": extensions,
        "status": "completed",
        "patient": _SUBJECT,
        "relationship": {"coding": [{"system": ROLE_CODE, "code": code, "display": display}]},
        "sex": {
            "coding": [
                {
                    "system": "http://hl7.org/fhir/administrative-gender",
                    "code": _GENDER.get(person.sex, "unknown"),
                }
            ]
        },
    }
    if person.name:
        resource["name"] = person.name
    if person.birth_year is not None:
        resource["bornString"] = str(person.birth_year)
    elif person.age.text:
        resource.update(_prefixed("age", _age(person.age)))
    if person.deceased:
        death = _age(person.age_at_death)
        resource.update(_prefixed("deceased", death) if death else {"deceasedBoolean": True})
    conditions = []
    for cancer in person.cancers:
        condition: dict[str, Any] = {"code": _site_code(cancer.site)}
        condition.update(_prefixed("onset", _age(cancer.age)))
        if cancer.note:
            condition["note"] = [{"text": cancer.note}]
        conditions.append(condition)
    if conditions:
        resource["condition"] = conditions
    if person.note:
        resource["note"] = [{"text": person.note}]
    return resource


def _component(code: str, display: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"code": {"coding": [{"system": LOINC, "code": code, "display": display}]}, **value}


def _concept(text: str, coding: tuple[str, str] | None = None, system: str = LOINC) -> dict:
    concept: dict[str, Any] = {"text": text}
    if coding is not None:
        concept["coding"] = [{"system": system, "code": coding[0], "display": coding[1]}]
    return {"valueCodeableConcept": concept}


def _observation(index: int, variant: Variant, item: Mapping[str, Any]) -> dict[str, Any]:
    components = [_component("48018-6", "Gene studied [ID]", _concept(variant.gene))]
    if variant.hgvs_c:
        components.append(_component("48004-6", "DNA change (c.HGVS)", _concept(variant.hgvs_c)))
    if variant.hgvs_p:
        components.append(
            _component("48005-3", "Amino acid change (pHGVS)", _concept(variant.hgvs_p))
        )
    if variant.acmg_class in _SIGNIFICANCE:
        answer = _SIGNIFICANCE[variant.acmg_class]
        components.append(
            _component(
                "53037-8", "Genetic variation clinical significance", _concept(answer[1], answer)
            )
        )
    if variant.zygosity in _ZYGOSITY:
        answer = _ZYGOSITY[variant.zygosity]
        components.append(_component("53034-5", "Allelic state", _concept(answer[1], answer)))
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": f"variant-{index}",
        "extension": [_item(item)],
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "laboratory",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {"system": LOINC, "code": "69548-6", "display": "Genetic variant assessment"}
            ]
        },
        "subject": _SUBJECT,
        "valueCodeableConcept": {
            "coding": [{"system": LOINC, "code": "LA9633-4", "display": "Present"}]
        },
        "component": components,
    }
    if variant.note:
        resource["note"] = [{"text": variant.note}]
    return resource


def _service_request(index: int, item: Mapping[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": f"test-{index}",
        "extension": [_item(item)],
        "status": "completed" if item.get("status") == "result_received" else "active",
        "intent": "order",
        "code": {"text": f"test génétique : {item.get('kind', '')}"},
        "subject": _SUBJECT,
    }
    if item.get("date"):
        resource["authoredOn"] = item["date"]
    if item.get("laboratory"):
        resource["performer"] = [{"display": item["laboratory"]}]
    if item.get("indication"):
        resource["reasonCode"] = [{"text": item["indication"]}]
    return resource


def _consent(index: int, item: Mapping[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Consent",
        "id": f"consent-{index}",
        "extension": [_item(item)],
        "status": "active",
        "scope": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                    "code": "treatment",
                }
            ]
        },
        "category": [
            {"coding": [{"system": LOINC, "code": "59284-0", "display": "Patient Consent"}]}
        ],
        "patient": _SUBJECT,
    }
    if item.get("date"):
        resource["dateTime"] = item["date"]
    return resource


def _communication(index: int, item: Mapping[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Communication",
        "id": f"relatives-information-{index}",
        "extension": [_item(item)],
        "status": "completed",
        "subject": _SUBJECT,
        "topic": {"text": "information de la parentèle"},
    }
    if item.get("date"):
        resource["sent"] = item["date"]
    return resource


def _appointment(index: int, appointment: PortableAppointment) -> dict[str, Any]:
    start = appointment.starts_at.astimezone()  # naive local -> aware local
    end = start + dt.timedelta(minutes=appointment.duration_minutes)
    resource: dict[str, Any] = {
        "resourceType": "Appointment",
        "id": f"appointment-{index}",
        "extension": [
            _ext(EXT_PLACE, valueString=appointment.place),
            _ext(f"{OISO}/StructureDefinition/appointment-status", valueCode=appointment.status),
        ],
        "status": _APPOINTMENT_STATUS.get(appointment.status, "booked"),
        "serviceType": [{"coding": [{"system": CS_EXAM, "code": appointment.exam}]}],
        "start": start.isoformat(),
        "end": end.isoformat(),
        "minutesDuration": appointment.duration_minutes,
        "participant": [{"actor": {"reference": "urn:uuid:patient"}, "status": "accepted"}],
    }
    if appointment.note:
        resource["comment"] = appointment.note
    return resource


def _without_local_links(file: PortableFile) -> PortableFile:
    people = tuple(dataclasses.replace(p, patient_id=None) for p in file.family.people)
    genetics = dataclasses.replace(
        file.genetics,
        consents=tuple(dataclasses.replace(c, document_id=None) for c in file.genetics.consents),
        relative_information=tuple(
            dataclasses.replace(r, document_id=None) for r in file.genetics.relative_information
        ),
    )
    return dataclasses.replace(
        file, family=dataclasses.replace(file.family, people=people), genetics=genetics
    )


def to_bundle(file: PortableFile, *, exported_at: dt.datetime) -> dict[str, Any]:
    """The bundle of ``file`` as a JSON-able dict, checked by the FHIR models."""
    file = _without_local_links(file)
    history = history_to_dict(file.history)
    family = family_to_dict(file.family)
    genetics = genetics_to_dict(file.genetics)
    resources: list[dict[str, Any]] = [_patient(file.identity, file.history.note)]
    for i, (cancer, item) in enumerate(zip(file.history.cancers, history["cancers"], strict=True)):
        resources.append(_condition(i + 1, cancer, item))
    for i, (surgery, item) in enumerate(
        zip(file.history.surgeries, history["surgeries"], strict=True)
    ):
        resources.append(_procedure(i + 1, surgery, item))
    graph = json.dumps(
        {key: family[key] for key in ("partnerships", "twins", "risk_factors")},
        ensure_ascii=False,
        sort_keys=True,
    )
    people = file.family.people
    proband_id = next((p.id for p in people if p.proband), people[0].id if people else None)
    for person, item in zip(people, family["people"], strict=True):
        resources.append(
            _member(file.family, person, item, graph if person.id == proband_id else "")
        )
    for i, (variant, item) in enumerate(
        zip(file.genetics.variants, genetics["variants"], strict=True)
    ):
        resources.append(_observation(i + 1, variant, item))
    resources += [_service_request(i + 1, t) for i, t in enumerate(genetics["tests"])]
    resources += [_consent(i + 1, c) for i, c in enumerate(genetics["consents"])]
    resources += [_communication(i + 1, r) for i, r in enumerate(genetics["relative_information"])]
    resources += [_appointment(i + 1, a) for i, a in enumerate(file.appointments)]
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": exported_at.astimezone(dt.UTC).isoformat(),
        "meta": {"tag": [{"system": OISO, "code": f"oiso-form-schema-{SCHEMA_VERSION}"}]},
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    # The library checks every resource and element name; a mistake here is a bug.
    return Bundle.model_validate(bundle).model_dump(mode="json", exclude_none=True)


def bundle_bytes(file: PortableFile, *, exported_at: dt.datetime) -> bytes:
    """:func:`to_bundle` as indented UTF-8 JSON."""
    return json.dumps(
        to_bundle(file, exported_at=exported_at), ensure_ascii=False, indent=2
    ).encode("utf-8")


# ====================================================================== reading


def _extension(resource: Mapping[str, Any], url: str) -> Any:
    for extension in resource.get("extension") or ():
        if isinstance(extension, Mapping) and extension.get("url") == url:
            for key, value in extension.items():
                if key.startswith("value"):
                    return value
    return None


def _codes(concept: Any) -> list[tuple[str, str]]:
    if not isinstance(concept, Mapping):
        return []
    return [
        (str(c.get("system", "")), str(c.get("code", "")))
        for c in concept.get("coding") or ()
        if isinstance(c, Mapping)
    ]


def _concept_text(concept: Any) -> str:
    if not isinstance(concept, Mapping):
        return ""
    texts = [str(concept.get("text") or "")]
    texts += [
        str(c.get("display") or "") for c in concept.get("coding") or () if isinstance(c, Mapping)
    ]
    return " ".join(t for t in texts if t)


def _by_words(text: str, words: Mapping[str, str]) -> str | None:
    lowered = text.lower()
    return next((key for word, key in words.items() if word in lowered), None)


def _site_of(concept: Any) -> str | None:
    for system, code in _codes(concept):
        if system == CS_CANCER_SITE and code in CANCER_SITES:
            return code
        if system == SNOMED and code in _SITE_FROM_SNOMED:
            return _SITE_FROM_SNOMED[code]
    return _by_words(_concept_text(concept), _SITE_WORDS)


def _side_of(body_sites: Any) -> str:
    for concept in body_sites or ():
        for system, code in _codes(concept):
            if system == SNOMED and code in _SIDE_FROM_SNOMED:
                return _SIDE_FROM_SNOMED[code]
        text = _concept_text(concept).lower()
        for key in ("bilateral", "left", "right"):
            if key in text:
                return key
    return ""


def _age_of(resource: Mapping[str, Any], prefix: str, where: str, problems: list[str]) -> Age:
    quantity = resource.get(f"{prefix}Age")
    try:
        if isinstance(quantity, Mapping) and quantity.get("value") is not None:
            return Age.exact(int(quantity["value"]))
        if resource.get(f"{prefix}String"):
            return Age.parse(str(resource[f"{prefix}String"]))
        age_range = resource.get(f"{prefix}Range")
        if isinstance(age_range, Mapping):
            low = (age_range.get("low") or {}).get("value")
            high = (age_range.get("high") or {}).get("value")
            if low is not None and high is not None:
                return Age.parse(f"{int(low)}-{int(high)}")
    except (ValidationError, ValueError, TypeError):
        problems.append(f"{where} : âge illisible.")
    return Age()


def _date_of(value: Any, where: str, problems: list[str]) -> dt.date | None:
    """A full date (FHIR also allows "2015" or "2015-03": OISO needs the day)."""
    if not value:
        return None
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        problems.append(
            f"{where} : date incomplète ou illisible « {text[:40]} » "
            "(une date complète AAAA-MM-JJ est attendue)."
        )
        return None


def _notes(resource: Mapping[str, Any]) -> str:
    return "\n".join(
        str(n.get("text", "")) for n in resource.get("note") or () if isinstance(n, Mapping)
    ).strip()


def _loaded_item(resource: Mapping[str, Any], where: str, problems: list[str]) -> Any:
    raw = _extension(resource, EXT_ITEM)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        problems.append(f"{where} : extension OISO illisible.")
        return None


def _reference_target(reference: Any) -> str:
    if isinstance(reference, Mapping):
        return str(reference.get("reference") or "")
    return ""


class _Reader:
    """One pass over a parsed bundle, collecting problems instead of stopping."""

    def __init__(self, entries: list[tuple[str, dict[str, Any]]]) -> None:
        self.entries = entries
        self.problems: list[str] = []
        patients = [(url, r) for url, r in entries if r.get("resourceType") == "Patient"]
        if not patients:
            self.problems.append("Le paquet ne contient aucune ressource Patient.")
        elif len(patients) > 1:
            self.problems.append("Le paquet contient plusieurs ressources Patient.")
        self.patient = patients[0][1] if patients else {}
        self.patient_refs = set()
        if patients:
            url, resource = patients[0]
            if url:
                self.patient_refs.add(url)
            if resource.get("id"):
                self.patient_refs.add(f"Patient/{resource['id']}")
        self.known_refs = {url for url, _ in entries if url}
        self.known_refs |= {
            f"{r.get('resourceType')}/{r.get('id')}" for _, r in entries if r.get("id")
        }

    def of_type(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        return [
            (f"{kind} {r.get('id') or i + 1}", r)
            for i, (_, r) in enumerate(e for e in self.entries if e[1].get("resourceType") == kind)
        ]

    def check_subject(self, where: str, reference: Any) -> None:
        target = _reference_target(reference)
        if not target:
            self.problems.append(f"{where} : le patient concerné n'est pas indiqué.")
        elif target not in self.patient_refs:
            self.problems.append(f"{where} : référence inconnue « {target} ».")

    # -- identity

    def identity(self) -> IdentityFields | None:
        patient = self.patient
        if not patient:
            return None
        names = [n for n in patient.get("name") or () if isinstance(n, Mapping)]
        official = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
        usual = next((n for n in names if n.get("use") == "usual" and n is not official), {})
        birth_name = str(official.get("family") or "")
        first_names = " ".join(str(g) for g in official.get("given") or ())
        if not birth_name or not first_names:
            self.problems.append("Patient : le nom de naissance et les prénoms sont requis.")
        if not patient.get("birthDate"):
            self.problems.append("Patient : la date de naissance est requise.")
            return None
        birth_date = _date_of(patient.get("birthDate"), "Patient, date de naissance", self.problems)
        if birth_date is None:
            return None
        nir = next(
            (
                str(i.get("value"))
                for i in patient.get("identifier") or ()
                if isinstance(i, Mapping) and i.get("system") == NIR_SYSTEM and i.get("value")
            ),
            None,
        )
        telecom = [t for t in patient.get("telecom") or () if isinstance(t, Mapping)]
        addresses = [a for a in patient.get("address") or () if isinstance(a, Mapping)]
        address = addresses[0] if addresses else {}
        death_date = _date_of(
            patient.get("deceasedDateTime"), "Patient, date de décès", self.problems
        )
        vital = _extension(patient, EXT_VITAL_STATUS) or (
            "deceased" if death_date or patient.get("deceasedBoolean") else "alive"
        )
        physicians = [g for g in patient.get("generalPractitioner") or () if isinstance(g, Mapping)]
        sex = {"female": "F", "male": "M"}.get(str(patient.get("gender")), "I")
        return IdentityFields(
            birth_name=birth_name,
            used_name=str(usual.get("family") or ""),
            first_names=first_names,
            birth_date=birth_date,
            birth_place_code=str(_extension(patient, EXT_BIRTH_PLACE) or ""),
            sex=sex,
            nir=nir,
            ins_status=str(_extension(patient, EXT_INS_STATUS) or "PROV"),
            address="\n".join(str(line) for line in address.get("line") or ()),
            postal_code=str(address.get("postalCode") or ""),
            city=str(address.get("city") or ""),
            phone=next(
                (str(t["value"]) for t in telecom if t.get("system") == "phone" and t.get("value")),
                "",
            ),
            email=next(
                (str(t["value"]) for t in telecom if t.get("system") == "email" and t.get("value")),
                "",
            ),
            referring_physician=str(physicians[0].get("display") or "") if physicians else "",
            vital_status=str(vital),
            death_date=death_date,
        )

    # -- personal history

    def history(self) -> dict[str, Any]:
        cancers: list[Any] = []
        for where, resource in self.of_type("Condition"):
            self.check_subject(where, resource.get("subject"))
            item = _loaded_item(resource, where, self.problems)
            if item is not None:
                cancers.append(item)
                continue
            site = _site_of(resource.get("code"))
            if site is None:
                self.problems.append(f"{where} : localisation du cancer non reconnue.")
                continue
            cancer = HistoryCancer(
                site=site,
                laterality=_side_of(resource.get("bodySite")),
                age=_age_of(resource, "onset", where, self.problems),
                diagnosis_date=_date_of(resource.get("onsetDateTime"), where, self.problems),
                confirmed="confirmed" in {c for _, c in _codes(resource.get("verificationStatus"))},
                note=_notes(resource),
            )
            cancers.append(history_to_dict(PersonalHistory(cancers=(cancer,)))["cancers"][0])
        surgeries: list[Any] = []
        for where, resource in self.of_type("Procedure"):
            self.check_subject(where, resource.get("subject"))
            item = _loaded_item(resource, where, self.problems)
            if item is not None:
                surgeries.append(item)
                continue
            kind = next(
                (
                    c
                    for s, c in _codes(resource.get("code"))
                    if s == CS_SURGERY and c in SURGERY_KINDS
                ),
                None,
            )
            kind = kind or _by_words(_concept_text(resource.get("code")), _SURGERY_WORDS)
            if kind is None:
                self.problems.append(f"{where} : chirurgie de réduction de risque non reconnue.")
                continue
            surgery = RiskReducingSurgery(
                kind=kind,
                side=_side_of(resource.get("bodySite")),
                date=_date_of(resource.get("performedDateTime"), where, self.problems),
                age=_age_of(resource, "performed", where, self.problems),
                note=_notes(resource),
            )
            surgeries.append(history_to_dict(PersonalHistory(surgeries=(surgery,)))["surgeries"][0])
        return {
            "schema": SCHEMA_VERSION,
            "kind": FormKind.HISTORY.value,
            "cancers": cancers,
            "surgeries": surgeries,
            "note": str(_extension(self.patient, EXT_HISTORY_NOTE) or ""),
        }

    # -- family

    def family(self, identity: IdentityFields | None) -> dict[str, Any]:
        members = self.of_type("FamilyMemberHistory")
        for where, resource in members:
            self.check_subject(where, resource.get("patient"))
        items = [(where, r, _loaded_item(r, where, self.problems)) for where, r in members]
        empty = {
            "schema": SCHEMA_VERSION,
            "kind": FormKind.FAMILY.value,
            "people": [],
            "partnerships": [],
            "twins": [],
            "risk_factors": [],
        }
        if not members:
            return empty
        if len(members) > MAX_FAMILY_SIZE:
            self.problems.append(
                f"Famille : {len(members)} apparentés, au-delà des {MAX_FAMILY_SIZE} "
                "que l'arbre généalogique d'OISO accepte."
            )
            return empty
        if all(item is not None for _, _, item in items):
            data = dict(empty, people=[item for _, _, item in items])
            for _, resource, _ in items:
                graph = _extension(resource, EXT_FAMILY_GRAPH)
                if graph:
                    try:
                        links = json.loads(graph)
                    except (TypeError, ValueError, RecursionError):
                        links = None
                    if isinstance(links, dict):
                        data.update(links)
                    else:
                        self.problems.append("Famille : extension OISO illisible.")
            return data
        return family_to_dict(self._family_from_relationships(members, identity))

    def _family_from_relationships(
        self, members: list[tuple[str, dict[str, Any]]], identity: IdentityFields | None
    ) -> Family:
        sex = identity.sex if identity and identity.sex in ("F", "M") else "U"
        first = identity.first_names.split()[0] if identity and identity.first_names else ""
        people: dict[str, Person] = {"p1": Person(id="p1", name=first, sex=sex, proband=True)}
        partnerships: list[Partnership] = []
        counter = itertools.count(2)

        def new_id() -> str:
            return f"p{next(counter)}"

        def ensure_parent(child_id: str, which: str) -> str:
            child = people[child_id]
            current = child.father_id if which == "father" else child.mother_id
            if current is not None:
                return current
            parent_id = new_id()
            people[parent_id] = Person(id=parent_id, sex="M" if which == "father" else "F")
            if which == "father":
                people[child_id] = dataclasses.replace(child, father_id=parent_id)
            else:
                people[child_id] = dataclasses.replace(child, mother_id=parent_id)
            other = people[child_id].mother_id if which == "father" else people[child_id].father_id
            if other is not None:
                pair = (parent_id, other) if which == "father" else (other, parent_id)
                partnerships.append(Partnership(*pair))
            return parent_id

        def ensure_both(child_id: str) -> tuple[str, str]:
            return ensure_parent(child_id, "father"), ensure_parent(child_id, "mother")

        proband_partner: list[str] = []

        def partner_of_proband() -> str:
            if not proband_partner:
                partner_id = new_id()
                people[partner_id] = Person(id=partner_id, sex={"F": "M", "M": "F"}.get(sex, "U"))
                partnerships.append(Partnership("p1", partner_id))
                proband_partner.append(partner_id)
            return proband_partner[0]

        for where, resource in members:
            codes = {c for _, c in _codes(resource.get("relationship"))}
            code = next(iter(codes), "")
            person = self._person(where, resource, "")
            if code == "ONESELF":
                people["p1"] = dataclasses.replace(
                    person,
                    id="p1",
                    proband=True,
                    name=person.name or first,
                    sex=person.sex if person.sex != "U" else sex,
                )
                continue
            pid = new_id()
            person = dataclasses.replace(person, id=pid)
            if code in ("FTH", "NFTH", "MTH", "NMTH"):
                which = "father" if code in ("FTH", "NFTH") else "mother"
                existing = getattr(people["p1"], f"{which}_id")
                target = existing or ensure_parent("p1", which)
                people[target] = dataclasses.replace(
                    person,
                    id=target,
                    sex="M" if which == "father" else "F",
                    father_id=people[target].father_id,
                    mother_id=people[target].mother_id,
                )
                continue
            if code in ("BRO", "SIS", "SIB", "NBRO", "NSIS", "NSIB", "TWINBRO", "TWINSIS"):
                father, mother = ensure_both("p1")
                people[pid] = dataclasses.replace(person, father_id=father, mother_id=mother)
            elif code in ("SON", "DAU", "CHILD", "NCHILD", "SONC", "DAUC", "CHLDADOPT"):
                partner = partner_of_proband()
                father, mother = ("p1", partner) if sex == "M" else (partner, "p1")
                people[pid] = dataclasses.replace(person, father_id=father, mother_id=mother)
            elif code in ("HUSB", "WIFE", "SPS", "SIGOTHR", "DOMPART"):
                if proband_partner:
                    people[pid] = person
                    partnerships.append(Partnership("p1", pid))
                else:
                    people[pid] = person
                    partnerships.append(Partnership("p1", pid))
                    proband_partner.append(pid)
            elif code in (
                "MGRFTH",
                "MGRMTH",
                "PGRFTH",
                "PGRMTH",
                "MAUNT",
                "MUNCLE",
                "PAUNT",
                "PUNCLE",
            ):
                side_parent = ensure_parent("p1", "mother" if code[0] == "M" else "father")
                grand_f, grand_m = ensure_both(side_parent)
                if code.endswith(("GRFTH", "GRMTH")):
                    target = grand_f if code.endswith("GRFTH") else grand_m
                    people[target] = dataclasses.replace(
                        person, id=target, sex="M" if code.endswith("GRFTH") else "F"
                    )
                else:
                    people[pid] = dataclasses.replace(person, father_id=grand_f, mother_id=grand_m)
            else:
                self.problems.append(
                    f"{where} : lien de parenté non pris en charge « {code or '?'} »."
                )
        return Family(people=tuple(people.values()), partnerships=tuple(partnerships))

    def _person(self, where: str, resource: Mapping[str, Any], pid: str) -> Person:
        sexes = {c for _, c in _codes(resource.get("sex"))}
        sex = next((_SEX_FROM_GENDER[s] for s in sexes if s in _SEX_FROM_GENDER), "U")
        born = resource.get("bornString") or resource.get("bornDate")
        birth_year = None
        if born and re.match(r"\d{4}", str(born)):
            birth_year = int(str(born)[:4])
        deceased = bool(resource.get("deceasedBoolean")) or any(
            resource.get(k) is not None
            for k in ("deceasedAge", "deceasedString", "deceasedRange", "deceasedDate")
        )
        cancers = []
        for condition in resource.get("condition") or ():
            site = _site_of(condition.get("code"))
            if site is None:
                self.problems.append(f"{where} : localisation du cancer non reconnue.")
                continue
            cancers.append(
                Cancer(
                    site=site,
                    age=_age_of(condition, "onset", where, self.problems),
                    note=_notes(condition),
                )
            )
        return Person(
            id=pid,
            name=str(resource.get("name") or ""),
            sex=sex,
            birth_year=birth_year,
            age=_age_of(resource, "age", where, self.problems),
            deceased=deceased,
            age_at_death=_age_of(resource, "deceased", where, self.problems),
            cancers=tuple(cancers),
            note=_notes(resource),
        )

    # -- genetics

    def genetics(self) -> dict[str, Any]:
        variants: list[Any] = []
        for where, resource in self.of_type("Observation"):
            self.check_subject(where, resource.get("subject"))
            item = _loaded_item(resource, where, self.problems)
            if item is not None:
                variants.append(item)
                continue
            values: dict[str, Any] = {}
            for component in resource.get("component") or ():
                codes = {c for _, c in _codes(component.get("code"))}
                concept = component.get("valueCodeableConcept")
                text = str(component.get("valueString") or "") or (
                    str(concept.get("text") or "") if isinstance(concept, Mapping) else ""
                )
                if not text and isinstance(concept, Mapping):
                    text = next(
                        (
                            str(c.get("display") or c.get("code") or "")
                            for c in concept.get("coding") or ()
                        ),
                        "",
                    )
                answers = {c for _, c in _codes(concept)}
                if "48018-6" in codes:
                    values["gene"] = text.strip().upper()
                elif "48004-6" in codes:
                    values["hgvs_c"] = text.strip()
                elif "48005-3" in codes:
                    values["hgvs_p"] = text.strip()
                elif "53037-8" in codes:
                    values["acmg_class"] = next(
                        (_CLASS_FROM_LOINC[a] for a in answers if a in _CLASS_FROM_LOINC), None
                    )
                elif "53034-5" in codes:
                    zygosity = next(
                        (_ZYGOSITY_FROM_LOINC[a] for a in answers if a in _ZYGOSITY_FROM_LOINC),
                        None,
                    )
                    if zygosity:
                        values["zygosity"] = zygosity
            if not values.get("gene"):
                self.problems.append(f"{where} : le gène du variant (LOINC 48018-6) manque.")
                continue
            variant = Variant(note=_notes(resource), **values)
            variants.append(genetics_to_dict(Genetics(variants=(variant,)))["variants"][0])
        lists: dict[str, list[Any]] = {}
        for kind, key in (
            ("ServiceRequest", "tests"),
            ("Consent", "consents"),
            ("Communication", "relative_information"),
        ):
            lists[key] = []
            for where, resource in self.of_type(kind):
                self.check_subject(
                    where, resource.get("patient" if kind == "Consent" else "subject")
                )
                item = _loaded_item(resource, where, self.problems)
                if item is not None:
                    lists[key].append(item)
        return {
            "schema": SCHEMA_VERSION,
            "kind": FormKind.GENETICS.value,
            "variants": variants,
            **lists,
        }

    # -- appointments

    def appointments(self) -> tuple[PortableAppointment, ...]:
        found = []
        for where, resource in self.of_type("Appointment"):
            actors = [
                _reference_target(p.get("actor"))
                for p in resource.get("participant") or ()
                if isinstance(p, Mapping)
            ]
            if not any(a in self.patient_refs for a in actors):
                self.problems.append(f"{where} : le patient n'y participe pas.")
                continue
            for target in actors:
                if target and target not in self.known_refs:
                    self.problems.append(f"{where} : référence inconnue « {target} ».")
            start = resource.get("start")
            if not start:
                self.problems.append(f"{where} : l'heure de début manque.")
                continue
            starts = dt.datetime.fromisoformat(str(start))
            if starts.tzinfo is not None:
                starts = starts.astimezone().replace(tzinfo=None)
            minutes = resource.get("minutesDuration")
            if minutes is None and resource.get("end"):
                end = dt.datetime.fromisoformat(str(resource["end"]))
                if end.tzinfo is not None:
                    end = end.astimezone().replace(tzinfo=None)
                minutes = int((end - starts).total_seconds() // 60)
            exam = next(
                (
                    c
                    for s, c in (
                        code
                        for concept in resource.get("serviceType") or ()
                        for code in _codes(concept)
                    )
                    if s == CS_EXAM
                ),
                "other",
            )
            place = _extension(resource, EXT_PLACE) or next(
                (
                    str(p["actor"].get("display"))
                    for p in resource.get("participant") or ()
                    if isinstance(p.get("actor"), Mapping)
                    and str(p["actor"].get("reference", "")).startswith("Location")
                    and p["actor"].get("display")
                ),
                str(resource.get("description") or ""),
            )
            status = _extension(resource, f"{OISO}/StructureDefinition/appointment-status") or (
                _STATUS_FROM_FHIR.get(str(resource.get("status")), "booked")
            )
            found.append(
                PortableAppointment(
                    exam=exam,
                    starts_at=starts.replace(second=0, microsecond=0),
                    duration_minutes=int(minutes or 30),
                    place=str(place or ""),
                    status=str(status),
                    note=str(resource.get("comment") or ""),
                )
            )
        return tuple(found)


_PYDANTIC_FRENCH = {
    "missing": "élément obligatoire absent",
    "model_field_validation.missing": "élément obligatoire absent",
    "extra_forbidden": "élément inconnu de FHIR R4",
    "model_validation_format": "ressource illisible",
}


def _french_problem(error: Mapping[str, Any]) -> str:
    """What fhir.resources (pydantic) found wrong, in French."""
    kind = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    if kind in _PYDANTIC_FRENCH:
        return _PYDANTIC_FRENCH[kind]
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "type de valeur incorrect"
    if kind.startswith(("less_than", "greater_than", "too_long", "too_short")):
        return "valeur hors des limites admises"
    if "regex" in message or "pattern" in kind:
        return "format incorrect"
    if "Any of one field value" in message:
        return "plusieurs valeurs données pour un élément qui n'en admet qu'une"
    return "valeur non conforme à FHIR R4"


def _problem_place(location: tuple[Any, ...], raw: Mapping[str, Any]) -> str:
    """ "Entrée 2 (Condition), subject" for ('entry', 1, 'resource', 'subject')."""
    parts = [part for part in location if part not in ("__root__", "root")]
    if len(parts) >= 3 and parts[0] == "entry" and isinstance(parts[1], int):
        index = parts[1]
        entries = raw.get("entry")
        kind = ""
        if isinstance(entries, list) and 0 <= index < len(entries):
            resource = entries[index].get("resource") if isinstance(entries[index], dict) else None
            if isinstance(resource, dict) and isinstance(resource.get("resourceType"), str):
                kind = f" ({resource['resourceType'][:40]})"
        rest = parts[3:] if parts[2] == "resource" else parts[2:]
        place = f"Entrée {index + 1}{kind}"
        return f"{place}, {'.'.join(str(p) for p in rest)}" if rest else place
    return ".".join(str(part) for part in parts) or "Bundle"


def _pydantic_problems(exc: PydanticValidationError, raw: Mapping[str, Any]) -> list[str]:
    return [
        f"{_problem_place(tuple(error.get('loc', ())), raw)} : {_french_problem(error)}."
        for error in exc.errors()[:20]
    ]


def from_bundle(data: bytes | str) -> tuple[PortableFile | None, dict[str, Any]]:
    """Read a bundle: (the identity and appointments, the three form dicts).

    Raises :class:`BundleProblems` listing every problem found: JSON, resource type,
    FHIR validation (``fhir.resources``), missing or several Patients, references to
    resources the bundle does not hold, what OISO cannot place. The form dicts are
    ``domain.clinical_forms`` dicts, for the caller to read and validate.
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleProblems(
            [
                f"Le fichier est trop volumineux pour un paquet FHIR d'OISO "
                f"({len(data) / 1024 / 1024:.0f} Mo ; au plus {MAX_BUNDLE_BYTES // 1024 // 1024} Mo)."
            ]
        )
    try:
        raw = json.loads(data)
    except UnicodeDecodeError as exc:
        raise BundleProblems(
            ["Le fichier n'est pas du JSON valide (il n'est pas encodé en UTF-8)."]
        ) from exc
    except json.JSONDecodeError as exc:
        raise BundleProblems(
            [f"Le fichier n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno})."]
        ) from exc
    except ValueError as exc:
        raise BundleProblems(["Le fichier n'est pas du JSON valide."]) from exc
    except RecursionError as exc:
        raise BundleProblems(
            ["Le fichier n'est pas du JSON valide (imbrication trop profonde)."]
        ) from exc
    if not isinstance(raw, dict) or raw.get("resourceType") != "Bundle":
        found = raw.get("resourceType") if isinstance(raw, dict) else type(raw).__name__
        raise BundleProblems([f"Le fichier n'est pas un Bundle FHIR (resourceType : {found})."])
    try:
        Bundle.model_validate(raw)
    except PydanticValidationError as exc:
        raise BundleProblems(_pydantic_problems(exc, raw)) from exc
    except (ValueError, TypeError, KeyError) as exc:
        raise BundleProblems(["Bundle : contenu non conforme à FHIR R4."]) from exc
    except RecursionError as exc:
        raise BundleProblems(["Bundle : imbrication trop profonde."]) from exc
    entries: list[tuple[str, dict[str, Any]]] = []
    problems: list[str] = []
    for index, entry in enumerate(raw.get("entry") or ()):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            problems.append(f"Entrée {index + 1} : pas de ressource.")
            continue
        kind = resource.get("resourceType")
        if kind in _ACCEPTED or kind in _TOLERATED:
            entries.append((str(entry.get("fullUrl") or ""), resource))
        else:
            problems.append(f"Entrée {index + 1} : type de ressource non pris en charge ({kind}).")
    reader = _Reader(entries)
    reader.problems[:0] = problems
    identity = reader.identity()
    forms = {
        "history": reader.history(),
        "family": reader.family(identity),
        "genetics": reader.genetics(),
    }
    appointments = reader.appointments()
    if reader.problems:
        raise BundleProblems(reader.problems)
    assert identity is not None
    return PortableFile(identity=identity, appointments=appointments), forms
