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
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeAlias, TypeVar

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


# --- reading --------------------------------------------------------------------------------------

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


# --- the stored records, as tables of fields ------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    """One key of a stored record: how its value is written, and read back (with the
    reader of the record and the key)."""

    name: str
    write: Callable[[Any], Any]
    read: Callable[[_Reader, str], Any]


class _Record(Generic[T]):
    """An object stored as a dict: its fields, by attribute name, in the stored order.

    Written and read in that order, so the first bad value is the one named."""

    def __init__(self, make: Callable[..., T], *fields: _Field) -> None:
        self.make = make
        self.fields = fields

    def write(self, value: T) -> dict[str, Any]:
        return {field.name: field.write(getattr(value, field.name)) for field in self.fields}

    def read(self, reader: _Reader) -> T:
        return self.make(**{field.name: field.read(reader, field.name) for field in self.fields})


def _as_is(value: Any) -> Any:
    return value


def _text(name: str, default: str = "") -> _Field:
    return _Field(name, _as_is, lambda reader, key: reader.text(key, default))


def _optional_text(name: str) -> _Field:
    return _Field(name, _as_is, _Reader.optional_text)


def _flag(name: str) -> _Field:
    return _Field(name, _as_is, _Reader.flag)


def _number(name: str) -> _Field:
    return _Field(name, _as_is, _Reader.number)


def _age(name: str) -> _Field:
    """An age as typed (``Age.text``), parsed again on reading."""
    return _Field(name, lambda age: age.text, _Reader.age)


def _day(name: str) -> _Field:
    """A date or None, as ISO text."""
    return _Field(name, lambda day: None if day is None else day.isoformat(), _Reader.day)


def _strings(name: str) -> _Field:
    return _Field(name, list, _Reader.strings)


def _choice(name: str, enum: type[StrEnum], default: str) -> _Field:
    return _Field(name, str, lambda reader, key: reader.choice(key, enum, default))


def _items(name: str, record: _Record[Any]) -> _Field:
    """A list of records."""
    return _Field(
        name,
        lambda values: [record.write(value) for value in values],
        lambda reader, key: reader.items(key, record.read),
    )


def _child(name: str, record: _Record[Any]) -> _Field:
    """One record inside another."""
    return _Field(name, record.write, lambda reader, key: record.read(reader.child(key)))


def _read_risk_factor(reader: _Reader) -> tuple[str, str]:
    """A ``##key=value`` line of CanRisk: a key (not empty, without "="), a value."""
    return reader.line("key", required=True, forbidden="="), reader.line("value")


_RISK_FACTORS = _Field(
    "risk_factors",
    lambda factors: [{"key": key, "value": value} for key, value in factors],
    lambda reader, key: reader.items(key, _read_risk_factor),
)

_RECEPTORS = _Record(
    Receptors, _text("er"), _text("pr"), _text("her2"), _text("ck14"), _text("ck56")
)

_HISTORY = _Record(
    PersonalHistory,
    _items(
        "cancers",
        _Record(
            HistoryCancer,
            _text("site"),
            _text("laterality"),
            _age("age"),
            _day("diagnosis_date"),
            _text("histology"),
            _number("grade"),
            _child("receptors", _RECEPTORS),
            _text("msi"),
            _text("ihc"),
            _flag("confirmed"),
            _text("note"),
        ),
    ),
    _items(
        "surgeries",
        _Record(
            RiskReducingSurgery,
            _text("kind"),
            _text("side"),
            _day("date"),
            _age("age"),
            _text("note"),
        ),
    ),
    _text("note"),
)

_PERSON = _Record(
    Person,
    _text("id"),
    _text("name"),
    _text("sex", "U"),
    _flag("proband"),
    _optional_text("father_id"),
    _optional_text("mother_id"),
    _number("birth_year"),
    _age("age"),
    _flag("deceased"),
    _age("age_at_death"),
    _items(
        "cancers",
        _Record(
            Cancer,
            _text("site"),
            _age("age"),
            _text("laterality"),
            _text("histology"),
            _number("grade"),
            _child("receptors", _RECEPTORS),
            _flag("confirmed"),
            _text("note"),
        ),
    ),
    _items(
        "genetic_results",
        _Record(
            GeneticResult,
            _text("gene"),
            _text("test_type", "S"),
            _text("result", "N"),
            _text("variant"),
        ),
    ),
    _choice("adoption", Adoption, ""),
    _flag("ashkenazi"),
    _number("patient_id"),
    _text("note"),
)

_FAMILY = _Record(
    Family,
    _items("people", _PERSON),
    _items(
        "partnerships",
        _Record(Partnership, _text("first"), _text("second"), _flag("consanguineous")),
    ),
    _items(
        "twins", _Record(TwinGroup, _strings("members"), _choice("zygosity", Zygosity, "unknown"))
    ),
    _RISK_FACTORS,
)

_GENETICS = _Record(
    Genetics,
    _items(
        "tests",
        _Record(
            GeneticTest,
            _text("id"),
            _text("kind", "panel"),
            _day("date"),
            _text("laboratory"),
            _text("indication"),
            _strings("genes"),
            _text("familial_gene"),
            _text("familial_variant"),
            _optional_text("relative_id"),
            _text("status", "requested"),
            _text("relative_outcome"),
            _text("note"),
        ),
    ),
    _items(
        "variants",
        _Record(
            Variant,
            _text("gene"),
            _text("hgvs_c"),
            _text("hgvs_p"),
            _number("acmg_class"),
            _text("zygosity", "heterozygous"),
            _text("test_id"),
            _text("note"),
        ),
    ),
    _items(
        "consents",
        _Record(Consent, _day("date"), _strings("scopes"), _number("document_id"), _text("note")),
    ),
    _items(
        "relative_information",
        _Record(
            RelativeInformation,
            _strings("relative_ids"),
            _day("date"),
            _text("channel", "letter_by_patient"),
            _text("letter"),
            _number("document_id"),
            _text("note"),
        ),
    ),
)


# --- the forms ------------------------------------------------------------------------------------


def _form_dict(kind: FormKind, record: _Record[T], content: T) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, "kind": kind.value, **record.write(content)}


def history_to_dict(history: PersonalHistory) -> dict[str, Any]:
    return _form_dict(FormKind.HISTORY, _HISTORY, history)


def family_to_dict(family: Family) -> dict[str, Any]:
    return _form_dict(FormKind.FAMILY, _FAMILY, family)


def genetics_to_dict(content: Genetics) -> dict[str, Any]:
    return _form_dict(FormKind.GENETICS, _GENETICS, content)


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
    return _HISTORY.read(_checked_root(data, FormKind.HISTORY))


def family_from_dict(data: Mapping[str, Any]) -> Family:
    return _FAMILY.read(_checked_root(data, FormKind.FAMILY))


def genetics_from_dict(data: Mapping[str, Any]) -> Genetics:
    return _GENETICS.read(_checked_root(data, FormKind.GENETICS))


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
