"""Clinical forms: their kinds, their sections, and their content as plain data.

A clinical section of the patient file is a *form* (DESIGN.md §4): today the
personal history (:class:`~oiso_desktop.domain.personal_history.PersonalHistory`,
kind ``"history"``), the family (:class:`~oiso_desktop.domain.family.Family`,
kind ``"family"``) and the genetics (:class:`~oiso_desktop.domain.genetics.Genetics`,
kind ``"genetics"``). The services store a form as one JSON document, encrypted;
this module turns the content into a plain JSON-able dict and back:

* every dict carries ``"schema"`` (:data:`SCHEMA_VERSION`) and ``"kind"``; a dict
  from a newer schema is refused (``clinical_form_too_new``), a malformed one
  names the faulty place (``clinical_form_content``, ``field`` = its path);
* ages are kept as typed (``Age.text``, parsed again on reading), dates as ISO
  text; a round trip gives back an equal object (property-tested).

A form's *top-level sections* (:data:`SECTIONS`) are what the event log names
when a form changes: never a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeAlias, TypeVar

from oiso_desktop.domain import family_checks, genetics, personal_history
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
    new_family,
)
from oiso_desktop.domain.genetics import (
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)

__all__ = [
    "FORM_LABELS",
    "SCHEMA_VERSION",
    "SECTIONS",
    "SECTION_LABELS",
    "FormContent",
    "FormKind",
    "changed_sections",
    "content_from_dict",
    "content_to_dict",
    "empty_content",
    "empty_of",
    "family_from_dict",
    "family_to_dict",
    "form_kind",
    "genetics_from_dict",
    "genetics_to_dict",
    "history_from_dict",
    "history_to_dict",
    "kind_of",
    "validate_content",
]

#: Version of the dict layout written by :func:`content_to_dict`.
SCHEMA_VERSION = 1


class FormKind(StrEnum):
    HISTORY = "history"
    FAMILY = "family"
    GENETICS = "genetics"


FormContent: TypeAlias = PersonalHistory | Family | Genetics

FORM_LABELS: Mapping[FormKind, str] = {
    FormKind.HISTORY: "Antécédents personnels",
    FormKind.FAMILY: "Famille",
    FormKind.GENETICS: "Génétique",
}
#: The top-level sections of each kind (attribute names of the content), in order.
SECTIONS: Mapping[FormKind, tuple[str, ...]] = {
    FormKind.HISTORY: ("cancers", "surgeries", "note"),
    FormKind.FAMILY: ("people", "partnerships", "twins", "risk_factors"),
    FormKind.GENETICS: ("tests", "variants", "consents", "relative_information"),
}
SECTION_LABELS: Mapping[str, str] = {
    "cancers": "Cancers",
    "surgeries": "Chirurgies de réduction de risque",
    "note": "Commentaire",
    "people": "Personnes",
    "partnerships": "Couples",
    "twins": "Jumeaux",
    "risk_factors": "Facteurs de risque CanRisk",
    "tests": "Analyses",
    "variants": "Variants",
    "consents": "Consentements",
    "relative_information": "Information de la parentèle",
}


def form_kind(value: str) -> FormKind:
    """``value`` as a FormKind; ValidationError ``clinical_form_kind`` otherwise."""
    try:
        return FormKind(value)
    except ValueError:
        raise ValidationError(
            f"Type de formulaire clinique inconnu : « {value} ».",
            code=ErrorCode.CLINICAL_FORM_KIND,
            field="kind",
            kind=str(value),
        ) from None


def kind_of(content: FormContent) -> FormKind:
    """The kind of a content object (TypeError for anything else: a programming error)."""
    if isinstance(content, PersonalHistory):
        return FormKind.HISTORY
    if isinstance(content, Family):
        return FormKind.FAMILY
    if isinstance(content, Genetics):
        return FormKind.GENETICS
    raise TypeError(f"not the content of a clinical form: {type(content).__name__}")


def empty_content(kind: FormKind, *, sex: str = "U", birth_year: int | None = None) -> FormContent:
    """What a form holds before its first save.

    The history and the genetics are empty; the family holds the proband alone
    ("p1"), with the patient's sex ("F", "M"; anything else: unknown) and birth year.
    """
    if form_kind(kind) is FormKind.HISTORY:
        return PersonalHistory()
    if form_kind(kind) is FormKind.GENETICS:
        return Genetics()
    return new_family(sex=sex if sex in ("F", "M") else "U", birth_year=birth_year)


def validate_content(
    content: FormContent,
    *,
    birth_date: dt.date,
    sex: str,
    today: dt.date,
    family: Family | None = None,
) -> list[ValidationError]:
    """Every problem of ``content`` (the patient's birth date and sex as in the identity;
    ``family``: the saved family, against which the genetics' relatives are checked)."""
    if isinstance(content, PersonalHistory):
        return personal_history.validate(content, birth_date=birth_date, sex=sex, today=today)
    if isinstance(content, Family):
        return family_checks.validate(content, today)
    if isinstance(content, Genetics):
        return genetics.validate(content, birth_date=birth_date, today=today, family=family)
    kind_of(content)  # raises TypeError
    return []


def empty_of(kind: FormKind) -> FormContent:
    """The content with nothing in it (a family without anyone): what a first save
    is compared with."""
    if kind is FormKind.HISTORY:
        return PersonalHistory()
    if kind is FormKind.GENETICS:
        return Genetics()
    return Family()


def changed_sections(old: FormContent | None, new: FormContent) -> list[str]:
    """Names of the top-level sections that differ (``old`` None: those not empty)."""
    kind = kind_of(new)
    if old is None:
        old = empty_of(kind)
    elif kind_of(old) is not kind:
        raise TypeError("two contents of different kinds")
    return [name for name in SECTIONS[kind] if getattr(old, name) != getattr(new, name)]


# --- writing --------------------------------------------------------------------------------


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _receptors(receptors: Receptors) -> dict[str, str]:
    return {
        "er": receptors.er,
        "pr": receptors.pr,
        "her2": receptors.her2,
        "ck14": receptors.ck14,
        "ck56": receptors.ck56,
    }


def history_to_dict(history: PersonalHistory) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "kind": FormKind.HISTORY.value,
        "cancers": [
            {
                "site": cancer.site,
                "laterality": cancer.laterality,
                "age": cancer.age.text,
                "diagnosis_date": _date_text(cancer.diagnosis_date),
                "histology": cancer.histology,
                "grade": cancer.grade,
                "receptors": _receptors(cancer.receptors),
                "msi": cancer.msi,
                "ihc": cancer.ihc,
                "confirmed": cancer.confirmed,
                "note": cancer.note,
            }
            for cancer in history.cancers
        ],
        "surgeries": [
            {
                "kind": surgery.kind,
                "side": surgery.side,
                "date": _date_text(surgery.date),
                "age": surgery.age.text,
                "note": surgery.note,
            }
            for surgery in history.surgeries
        ],
        "note": history.note,
    }


def _person_to_dict(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "sex": person.sex,
        "proband": person.proband,
        "father_id": person.father_id,
        "mother_id": person.mother_id,
        "birth_year": person.birth_year,
        "age": person.age.text,
        "deceased": person.deceased,
        "age_at_death": person.age_at_death.text,
        "cancers": [
            {
                "site": cancer.site,
                "age": cancer.age.text,
                "laterality": cancer.laterality,
                "histology": cancer.histology,
                "grade": cancer.grade,
                "receptors": _receptors(cancer.receptors),
                "confirmed": cancer.confirmed,
                "note": cancer.note,
            }
            for cancer in person.cancers
        ],
        "genetic_results": [
            {
                "gene": result.gene,
                "test_type": result.test_type,
                "result": result.result,
                "variant": result.variant,
            }
            for result in person.genetic_results
        ],
        "adoption": str(person.adoption),
        "ashkenazi": person.ashkenazi,
        "patient_id": person.patient_id,
        "note": person.note,
    }


def family_to_dict(family: Family) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "kind": FormKind.FAMILY.value,
        "people": [_person_to_dict(person) for person in family.people],
        "partnerships": [
            {"first": p.first, "second": p.second, "consanguineous": p.consanguineous}
            for p in family.partnerships
        ],
        "twins": [
            {"members": list(group.members), "zygosity": str(group.zygosity)}
            for group in family.twins
        ],
        "risk_factors": [{"key": key, "value": value} for key, value in family.risk_factors],
    }


def genetics_to_dict(content: Genetics) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "kind": FormKind.GENETICS.value,
        "tests": [
            {
                "id": test.id,
                "kind": test.kind,
                "date": _date_text(test.date),
                "laboratory": test.laboratory,
                "indication": test.indication,
                "genes": list(test.genes),
                "familial_gene": test.familial_gene,
                "familial_variant": test.familial_variant,
                "relative_id": test.relative_id,
                "status": test.status,
                "relative_outcome": test.relative_outcome,
                "note": test.note,
            }
            for test in content.tests
        ],
        "variants": [
            {
                "gene": variant.gene,
                "hgvs_c": variant.hgvs_c,
                "hgvs_p": variant.hgvs_p,
                "acmg_class": variant.acmg_class,
                "zygosity": variant.zygosity,
                "test_id": variant.test_id,
                "note": variant.note,
            }
            for variant in content.variants
        ],
        "consents": [
            {
                "date": _date_text(consent.date),
                "scopes": list(consent.scopes),
                "document_id": consent.document_id,
                "note": consent.note,
            }
            for consent in content.consents
        ],
        "relative_information": [
            {
                "relative_ids": list(information.relative_ids),
                "date": _date_text(information.date),
                "channel": information.channel,
                "letter": information.letter,
                "document_id": information.document_id,
                "note": information.note,
            }
            for information in content.relative_information
        ],
    }


def content_to_dict(content: FormContent) -> dict[str, Any]:
    """The content as a JSON-able dict with its ``schema`` and ``kind``."""
    kind = kind_of(content)
    if kind is FormKind.HISTORY:
        assert isinstance(content, PersonalHistory)
        return history_to_dict(content)
    if kind is FormKind.GENETICS:
        assert isinstance(content, Genetics)
        return genetics_to_dict(content)
    assert isinstance(content, Family)
    return family_to_dict(content)


# --- reading --------------------------------------------------------------------------------

_MISSING = object()
T = TypeVar("T")


def _malformed(path: str) -> ValidationError:
    return ValidationError(
        f"Le contenu enregistré du formulaire clinique est illisible (champ « {path} »).",
        code=ErrorCode.CLINICAL_FORM_CONTENT,
        field=path,
        path=path,
    )


class _Reader:
    """Typed access to one dict of the content, naming the path of a bad value."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise _malformed(path or "(racine)")
        self.data = data
        self.path = path

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, default: Any, check: Callable[[Any], bool]) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not check(value):
            raise _malformed(self._at(key))
        return value

    def text(self, key: str, default: str = "") -> str:
        return str(self._get(key, default, lambda v: isinstance(v, str)))

    def line(self, key: str, *, required: bool = False, forbidden: str = "") -> str:
        """A text on one line (``required``: not blank; ``forbidden``: characters)."""
        text = self.text(key)
        one_line = "".join(text.splitlines()) == text
        if not one_line or (required and not text.strip()) or any(c in text for c in forbidden):
            raise _malformed(self._at(key))
        return text

    def flag(self, key: str) -> bool:
        return bool(self._get(key, False, lambda v: isinstance(v, bool)))

    def number(self, key: str) -> int | None:
        value = self._get(
            key, None, lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool))
        )
        return None if value is None else int(value)

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, None, lambda v: v is None or isinstance(v, str))
        return None if value is None else str(value)

    def day(self, key: str) -> dt.date | None:
        text = self.optional_text(key)
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise _malformed(self._at(key)) from None

    def age(self, key: str) -> Age:
        text = self.text(key)
        try:
            return Age.parse(text, field=self._at(key))
        except ValidationError:
            raise _malformed(self._at(key)) from None

    def items(self, key: str, read: Callable[[_Reader], T]) -> tuple[T, ...]:
        values = self._get(key, [], lambda v: isinstance(v, list))
        return tuple(read(_Reader(item, f"{self._at(key)}[{i}]")) for i, item in enumerate(values))

    def strings(self, key: str) -> tuple[str, ...]:
        values = self._get(key, [], lambda v: isinstance(v, list))
        if not all(isinstance(v, str) for v in values):
            raise _malformed(self._at(key))
        return tuple(values)

    def child(self, key: str) -> _Reader:
        return _Reader(self.data.get(key, {}), self._at(key))

    def choice(self, key: str, enum: type[StrEnum], default: str) -> Any:
        text = self.text(key, default)
        try:
            return enum(text)
        except ValueError:
            raise _malformed(self._at(key)) from None


def _read_receptors(reader: _Reader) -> Receptors:
    return Receptors(
        er=reader.text("er"),
        pr=reader.text("pr"),
        her2=reader.text("her2"),
        ck14=reader.text("ck14"),
        ck56=reader.text("ck56"),
    )


def _read_history_cancer(reader: _Reader) -> HistoryCancer:
    return HistoryCancer(
        site=reader.text("site"),
        laterality=reader.text("laterality"),
        age=reader.age("age"),
        diagnosis_date=reader.day("diagnosis_date"),
        histology=reader.text("histology"),
        grade=reader.number("grade"),
        receptors=_read_receptors(reader.child("receptors")),
        msi=reader.text("msi"),
        ihc=reader.text("ihc"),
        confirmed=reader.flag("confirmed"),
        note=reader.text("note"),
    )


def _read_surgery(reader: _Reader) -> RiskReducingSurgery:
    return RiskReducingSurgery(
        kind=reader.text("kind"),
        side=reader.text("side"),
        date=reader.day("date"),
        age=reader.age("age"),
        note=reader.text("note"),
    )


def _read_family_cancer(reader: _Reader) -> Cancer:
    return Cancer(
        site=reader.text("site"),
        age=reader.age("age"),
        laterality=reader.text("laterality"),
        histology=reader.text("histology"),
        grade=reader.number("grade"),
        receptors=_read_receptors(reader.child("receptors")),
        confirmed=reader.flag("confirmed"),
        note=reader.text("note"),
    )


def _read_genetic_result(reader: _Reader) -> GeneticResult:
    return GeneticResult(
        gene=reader.text("gene"),
        test_type=reader.text("test_type", "S"),
        result=reader.text("result", "N"),
        variant=reader.text("variant"),
    )


def _read_person(reader: _Reader) -> Person:
    return Person(
        id=reader.text("id"),
        name=reader.text("name"),
        sex=reader.text("sex", "U"),
        proband=reader.flag("proband"),
        father_id=reader.optional_text("father_id"),
        mother_id=reader.optional_text("mother_id"),
        birth_year=reader.number("birth_year"),
        age=reader.age("age"),
        deceased=reader.flag("deceased"),
        age_at_death=reader.age("age_at_death"),
        cancers=reader.items("cancers", _read_family_cancer),
        genetic_results=reader.items("genetic_results", _read_genetic_result),
        adoption=reader.choice("adoption", Adoption, ""),
        ashkenazi=reader.flag("ashkenazi"),
        patient_id=reader.number("patient_id"),
        note=reader.text("note"),
    )


def _read_partnership(reader: _Reader) -> Partnership:
    return Partnership(reader.text("first"), reader.text("second"), reader.flag("consanguineous"))


def _read_twins(reader: _Reader) -> TwinGroup:
    return TwinGroup(reader.strings("members"), reader.choice("zygosity", Zygosity, "unknown"))


def _read_risk_factor(reader: _Reader) -> tuple[str, str]:
    """A ``##key=value`` line of CanRisk: a key (not empty, without "="), a value."""
    return reader.line("key", required=True, forbidden="="), reader.line("value")


def _read_test(reader: _Reader) -> GeneticTest:
    return GeneticTest(
        id=reader.text("id"),
        kind=reader.text("kind", "panel"),
        date=reader.day("date"),
        laboratory=reader.text("laboratory"),
        indication=reader.text("indication"),
        genes=reader.strings("genes"),
        familial_gene=reader.text("familial_gene"),
        familial_variant=reader.text("familial_variant"),
        relative_id=reader.optional_text("relative_id"),
        status=reader.text("status", "requested"),
        relative_outcome=reader.text("relative_outcome"),
        note=reader.text("note"),
    )


def _read_variant(reader: _Reader) -> Variant:
    return Variant(
        gene=reader.text("gene"),
        hgvs_c=reader.text("hgvs_c"),
        hgvs_p=reader.text("hgvs_p"),
        acmg_class=reader.number("acmg_class"),
        zygosity=reader.text("zygosity", "heterozygous"),
        test_id=reader.text("test_id"),
        note=reader.text("note"),
    )


def _read_consent(reader: _Reader) -> Consent:
    return Consent(
        date=reader.day("date"),
        scopes=reader.strings("scopes"),
        document_id=reader.number("document_id"),
        note=reader.text("note"),
    )


def _read_information(reader: _Reader) -> RelativeInformation:
    return RelativeInformation(
        relative_ids=reader.strings("relative_ids"),
        date=reader.day("date"),
        channel=reader.text("channel", "letter_by_patient"),
        letter=reader.text("letter"),
        document_id=reader.number("document_id"),
        note=reader.text("note"),
    )


def _checked_root(data: object, kind: FormKind) -> _Reader:
    reader = _Reader(data, "")
    schema = reader.data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _malformed("schema")
    if schema > SCHEMA_VERSION:
        raise ValidationError(
            "Ce formulaire a été enregistré par une version plus récente d'OISO Desktop : "
            "mettez l'application à jour pour l'ouvrir.",
            code=ErrorCode.CLINICAL_FORM_TOO_NEW,
            schema=schema,
            supported=SCHEMA_VERSION,
        )
    if reader.data.get("kind") != kind.value:
        raise _malformed("kind")
    return reader


def history_from_dict(data: Mapping[str, Any]) -> PersonalHistory:
    reader = _checked_root(data, FormKind.HISTORY)
    return PersonalHistory(
        cancers=reader.items("cancers", _read_history_cancer),
        surgeries=reader.items("surgeries", _read_surgery),
        note=reader.text("note"),
    )


def family_from_dict(data: Mapping[str, Any]) -> Family:
    reader = _checked_root(data, FormKind.FAMILY)
    return Family(
        people=reader.items("people", _read_person),
        partnerships=reader.items("partnerships", _read_partnership),
        twins=reader.items("twins", _read_twins),
        risk_factors=reader.items("risk_factors", _read_risk_factor),
    )


def genetics_from_dict(data: Mapping[str, Any]) -> Genetics:
    reader = _checked_root(data, FormKind.GENETICS)
    return Genetics(
        tests=reader.items("tests", _read_test),
        variants=reader.items("variants", _read_variant),
        consents=reader.items("consents", _read_consent),
        relative_information=reader.items("relative_information", _read_information),
    )


def content_from_dict(data: Mapping[str, Any], *, kind: FormKind | None = None) -> FormContent:
    """The content a dict of :func:`content_to_dict` holds (``kind``: the one expected).

    ValidationError ``clinical_form_too_new`` (newer schema) or
    ``clinical_form_content`` (malformed; ``field`` = the path of the bad value).
    """
    if not isinstance(data, Mapping):
        raise _malformed("(racine)")
    found = data.get("kind")
    if kind is None:
        if found not in {k.value for k in FormKind}:
            raise _malformed("kind")
        kind = FormKind(found)
    if kind is FormKind.HISTORY:
        return history_from_dict(data)
    if kind is FormKind.GENETICS:
        return genetics_from_dict(data)
    return family_from_dict(data)
