"""Surveillance protocols as data (REFERENCE.md "Surveillance protocols", DESIGN.md §5).

A :class:`Protocol` is a versioned list of :class:`ProtocolItem` (an exam, the ages
it applies between, its interval or special schedule, the risk-reducing surgeries
that stop it). The seed protocols live in :mod:`.seed`; custom ones (TP53, PALB2,
CDH1...) are built the same way. Where French practice and ESGE differ (Lynch,
APC, MUTYH), the two versions share a protocol ``key`` and ``family`` and differ by
``variant``; :class:`ProtocolChoice` says which one the structure applies, so that
plan item keys (``protocol_key:item_key``) stay the same when the choice changes.

:func:`validate_protocol` returns every problem at once (French messages, stable
codes, the ``field`` concerned); :func:`check_protocol` raises them.
:func:`protocol_to_dict` / :func:`protocol_from_dict` give a JSON-safe, versioned
form for storage.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from oiso_desktop.domain.errors import ErrorCode, FormValidationError, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.personal_history import SURGERY_KINDS

__all__ = [
    "BOTH_SEXES",
    "FAMILIES",
    "MAX_AGE",
    "SCHEMA_VERSION",
    "VARIANTS",
    "VARIANT_ESGE",
    "VARIANT_FR",
    "WOMEN",
    "Protocol",
    "ProtocolChoice",
    "ProtocolItem",
    "check_protocol",
    "choice_from_dict",
    "choice_to_dict",
    "item_from_dict",
    "item_to_dict",
    "protocol_from_dict",
    "protocol_to_dict",
    "validate_protocol",
]

#: Version of the dict form written by :func:`protocol_to_dict`.
SCHEMA_VERSION = 1

#: Ages of a protocol item are within 0..MAX_AGE years.
MAX_AGE = 120

VARIANT_FR = "fr"  # French practice (INCa, HAS): the default
VARIANT_ESGE = "esge"  # European Society of Gastrointestinal Endoscopy 2019
VARIANTS = (VARIANT_FR, VARIANT_ESGE)

#: Protocol families whose French and ESGE versions differ.
FAMILIES = ("lynch", "apc", "mutyh")

WOMEN = frozenset({"F"})
BOTH_SEXES = frozenset({"F", "M"})

_KEY = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_GENE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


@dataclass(frozen=True, kw_only=True)
class ProtocolItem:
    """One exam of a protocol.

    * ``key``: stable within the protocol (``"breast_mri"``); plan items and
      adjustments refer to it.
    * ``exam``: the exam kind; ``label`` names a custom exam (``ExamKind.OTHER``).
    * ``sexes``: the patient sexes it applies to (``"F"``, ``"M"``).
    * ``start_age`` / ``end_age`` (years): the first exam is due on the day of
      ``start_age``; ``end_age`` is an exclusive upper bound (nothing due at or
      after it); ``None``: no end.
    * ``interval_months``: time between two exams; ``None``: held once.
    * ``fixed_ages``: a special schedule (MUTYH colonoscopy at 20, 25, 30): one exam
      at each of these ages, then every ``interval_months`` after the last one.
    * ``from_diagnosis``: due when the variant is known (MUTYH dermatology "at
      diagnosis"), and not before ``start_age``.
    * ``repeat_per_findings``: after the first exam, the interval depends on the
      findings (APC upper endoscopy): the practitioner sets it by an adjustment.
    * ``stopped_by``: risk-reducing surgeries (codes of
      ``personal_history.SURGERY_KINDS``) after which the item stops. A mastectomy
      stops it only when bilateral (one bilateral entry, or a left and a right one);
      a salpingo-oophorectomy unless recorded as one-sided.
    * ``to_confirm`` / ``to_confirm_note``: the "(to confirm)" marks of REFERENCE.md.
    """

    key: str
    exam: ExamKind
    label: str = ""
    sexes: frozenset[str] = BOTH_SEXES
    start_age: float = 0.0
    end_age: float | None = None
    interval_months: int | None = None
    fixed_ages: tuple[float, ...] = ()
    from_diagnosis: bool = False
    repeat_per_findings: bool = False
    stopped_by: frozenset[str] = frozenset()
    to_confirm: bool = False
    to_confirm_note: str = ""
    note: str = ""

    @property
    def once(self) -> bool:
        """Held once: no interval, no fixed schedule, no repetition per findings."""
        return self.interval_months is None and not self.fixed_ages and not self.repeat_per_findings


@dataclass(frozen=True, kw_only=True)
class Protocol:
    """A versioned surveillance protocol.

    * ``key``: stable (``"brca1"``, ``"lynch_mlh1_msh2_epcam"``); the French and the
      ESGE versions of one protocol share it and differ by ``variant``.
    * ``genes``: upper-case HGNC symbols whose pathogenic variants (class 4/5) bring
      the protocol into the plan; ``()`` with ``manual_only``: selected by hand
      (HAS 2014 high-risk protocols, without a variant).
    * ``family``: ``"lynch"``, ``"apc"``, ``"mutyh"`` when there are French and ESGE
      versions (``variant`` then ``"fr"`` or ``"esge"``), else ``""`` and ``None``.
    * ``source_note``: where the values come from (REFERENCE.md lines).
    * ``custom``: entered by a practitioner, not a seed protocol.
    """

    key: str
    name: str
    genes: tuple[str, ...] = ()
    variant: str | None = None
    family: str = ""
    version: int = 1
    source_note: str = ""
    items: tuple[ProtocolItem, ...] = ()
    custom: bool = False
    manual_only: bool = False

    def item(self, key: str) -> ProtocolItem | None:
        return next((item for item in self.items if item.key == key), None)

    @property
    def to_confirm(self) -> bool:
        return any(item.to_confirm for item in self.items)


@dataclass(frozen=True)
class ProtocolChoice:
    """Which version the structure applies per protocol family ("fr" by default)."""

    lynch: str = VARIANT_FR
    apc: str = VARIANT_FR
    mutyh: str = VARIANT_FR

    def variant_for(self, family: str) -> str | None:
        """The chosen variant of ``family``; ``None`` for a protocol without variants."""
        if family in FAMILIES:
            return str(getattr(self, family))
        return None

    def applies(self, protocol: Protocol) -> bool:
        """Whether ``protocol`` is the version this choice selects."""
        if protocol.variant is None:
            return True
        return protocol.variant == self.variant_for(protocol.family)


# --- validation --------------------------------------------------------------------------


def _age_text(value: float) -> str:
    return f"{value:g}"


def _problem(message: str, code: ErrorCode, field_name: str, **params: Any) -> ValidationError:
    return ValidationError(message, code=code, field=field_name, **params)


def _valid_age(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= MAX_AGE
    )


def _age_problem(field_name: str, value: object) -> ValidationError:
    return _problem(
        f"L'âge de {value} ans n'est pas possible : il doit être compris entre 0 et {MAX_AGE} ans.",
        ErrorCode.PROTOCOL_AGE_RANGE,
        field_name,
        age=str(value),
        minimum=0,
        maximum=MAX_AGE,
    )


def _item_problems(index: int, item: ProtocolItem) -> list[ValidationError]:
    prefix = f"items[{index}]"
    problems: list[ValidationError] = []
    if not _KEY.match(item.key):
        problems.append(
            _problem(
                f"La clé d'examen « {item.key} » n'est pas valide (lettres minuscules, "
                "chiffres et « _ »).",
                ErrorCode.PROTOCOL_ITEM_KEY_FORMAT,
                f"{prefix}.key",
                key=item.key,
            )
        )
    if item.exam is ExamKind.OTHER and not item.label.strip():
        problems.append(
            _problem(
                "Un examen « autre » doit être nommé.",
                ErrorCode.PROTOCOL_ITEM_LABEL_REQUIRED,
                f"{prefix}.label",
            )
        )
    if not item.sexes or not item.sexes <= BOTH_SEXES:
        problems.append(
            _problem(
                "L'examen doit s'appliquer aux femmes, aux hommes ou aux deux.",
                ErrorCode.PROTOCOL_ITEM_SEXES,
                f"{prefix}.sexes",
            )
        )
    start_ok = _valid_age(item.start_age)
    if not start_ok:
        problems.append(_age_problem(f"{prefix}.start_age", item.start_age))
    end_ok = item.end_age is None or _valid_age(item.end_age)
    if not end_ok:
        problems.append(_age_problem(f"{prefix}.end_age", item.end_age))
    if start_ok and end_ok and item.end_age is not None and item.end_age <= item.start_age:
        problems.append(
            _problem(
                f"L'âge de fin ({_age_text(item.end_age)} ans) doit être supérieur à l'âge "
                f"de début ({_age_text(item.start_age)} ans).",
                ErrorCode.PROTOCOL_END_BEFORE_START,
                f"{prefix}.end_age",
                start_age=_age_text(item.start_age),
                end_age=_age_text(item.end_age),
            )
        )
    interval = item.interval_months
    if interval is not None and (
        not isinstance(interval, int) or isinstance(interval, bool) or interval <= 0
    ):
        problems.append(
            _problem(
                f"L'intervalle entre deux examens ({interval} mois) doit être d'au moins un mois.",
                ErrorCode.PROTOCOL_INTERVAL,
                f"{prefix}.interval_months",
                interval=str(interval),
            )
        )
    elif interval is not None and interval > MAX_AGE * 12:
        problems.append(
            _problem(
                f"L'intervalle entre deux examens ({interval} mois) dépasse {MAX_AGE} ans.",
                ErrorCode.PROTOCOL_INTERVAL,
                f"{prefix}.interval_months",
                interval=str(interval),
            )
        )
    if item.fixed_ages:
        ages = item.fixed_ages
        if not all(_valid_age(age) for age in ages):
            bad = next(age for age in ages if not _valid_age(age))
            problems.append(_age_problem(f"{prefix}.fixed_ages", bad))
        elif (
            any(later <= earlier for earlier, later in zip(ages, ages[1:], strict=False))
            or (start_ok and ages[0] < item.start_age)
            or (end_ok and item.end_age is not None and ages[-1] >= item.end_age)
        ):
            problems.append(
                _problem(
                    "Les âges du calendrier particulier doivent être croissants, à partir de "
                    "l'âge de début et avant l'âge de fin.",
                    ErrorCode.PROTOCOL_FIXED_AGES,
                    f"{prefix}.fixed_ages",
                    ages=", ".join(_age_text(age) for age in ages),
                )
            )
    for surgery in sorted(item.stopped_by - set(SURGERY_KINDS)):
        problems.append(
            _problem(
                f"Chirurgie de réduction de risque « {surgery} » inconnue.",
                ErrorCode.PROTOCOL_STOPPED_BY,
                f"{prefix}.stopped_by",
                surgery=surgery,
            )
        )
    return problems


def validate_protocol(protocol: Protocol) -> list[ValidationError]:
    """Every problem of ``protocol``; an empty list: it can be saved and applied.

    Checked: a name; genes (upper-case HGNC symbols) unless the protocol is selected
    by hand; a known variant and family; at least one item; item keys well formed
    and unique; ages within 0..120; an end age above the start age; an interval of
    at least one month; fixed ages ascending within the item's ages; known surgeries.
    """
    problems: list[ValidationError] = []
    if not _KEY.match(protocol.key):
        problems.append(
            _problem(
                f"La clé de protocole « {protocol.key} » n'est pas valide (lettres minuscules, "
                "chiffres et « _ »).",
                ErrorCode.PROTOCOL_KEY_FORMAT,
                "key",
                key=protocol.key,
            )
        )
    if not protocol.name.strip():
        problems.append(
            _problem("Le protocole doit avoir un nom.", ErrorCode.PROTOCOL_NAME_REQUIRED, "name")
        )
    if not protocol.genes and not protocol.manual_only:
        problems.append(
            _problem(
                "Le protocole doit indiquer au moins un gène (ou être choisi manuellement).",
                ErrorCode.PROTOCOL_NO_GENES,
                "genes",
            )
        )
    for gene in protocol.genes:
        if not _GENE.match(gene):
            problems.append(
                _problem(
                    f"« {gene} » n'est pas un symbole de gène valide (symbole HGNC en "
                    "majuscules, par exemple TP53).",
                    ErrorCode.PROTOCOL_GENE_FORMAT,
                    "genes",
                    gene=gene,
                )
            )
    variant_ok = (protocol.variant is None and protocol.family == "") or (
        protocol.variant in VARIANTS and protocol.family in FAMILIES
    )
    if not variant_ok:
        problems.append(
            _problem(
                f"Version « {protocol.variant or ''} » inconnue pour ce protocole.",
                ErrorCode.PROTOCOL_VARIANT,
                "variant",
                value=str(protocol.variant or ""),
            )
        )
    if not isinstance(protocol.version, int) or protocol.version < 1:
        problems.append(
            _problem(
                f"Le numéro de version ({protocol.version}) doit être un entier positif.",
                ErrorCode.PROTOCOL_VERSION,
                "version",
                value=str(protocol.version),
            )
        )
    if not protocol.items:
        problems.append(
            _problem(
                "Le protocole doit comporter au moins un examen.",
                ErrorCode.PROTOCOL_NO_ITEMS,
                "items",
            )
        )
    seen: set[str] = set()
    for index, item in enumerate(protocol.items):
        if item.key in seen:
            problems.append(
                _problem(
                    f"La clé d'examen « {item.key} » figure deux fois dans le protocole.",
                    ErrorCode.PROTOCOL_ITEM_KEY_DUPLICATE,
                    f"items[{index}].key",
                    key=item.key,
                )
            )
        seen.add(item.key)
        problems += _item_problems(index, item)
    return problems


def check_protocol(protocol: Protocol) -> None:
    """Raise the problems of :func:`validate_protocol`: the problem itself when there
    is one, a :class:`FormValidationError` holding them all when there are several."""
    problems = validate_protocol(protocol)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise FormValidationError(
            f"Le protocole n'est pas valide : {len(problems)} problèmes.", problems
        )


# --- dict form (storage) -----------------------------------------------------------------


def item_to_dict(item: ProtocolItem) -> dict[str, Any]:
    """``item`` as a JSON-safe dict (part of :func:`protocol_to_dict`)."""
    return {
        "key": item.key,
        "exam": item.exam.value,
        "label": item.label,
        "sexes": sorted(item.sexes),
        "start_age": item.start_age,
        "end_age": item.end_age,
        "interval_months": item.interval_months,
        "fixed_ages": list(item.fixed_ages),
        "from_diagnosis": item.from_diagnosis,
        "repeat_per_findings": item.repeat_per_findings,
        "stopped_by": sorted(item.stopped_by),
        "to_confirm": item.to_confirm,
        "to_confirm_note": item.to_confirm_note,
        "note": item.note,
    }


def protocol_to_dict(protocol: Protocol) -> dict[str, Any]:
    """``protocol`` as a JSON-safe dict carrying ``"schema"`` (:data:`SCHEMA_VERSION`)."""
    return {
        "schema": SCHEMA_VERSION,
        "key": protocol.key,
        "name": protocol.name,
        "genes": list(protocol.genes),
        "variant": protocol.variant,
        "family": protocol.family,
        "version": protocol.version,
        "source_note": protocol.source_note,
        "custom": protocol.custom,
        "manual_only": protocol.manual_only,
        "items": [item_to_dict(item) for item in protocol.items],
    }


class _Reader:
    """Typed access to a stored dict; a malformed value raises ``protocol_data_invalid``."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise _malformed(path)
        self.data = data
        self.path = path

    def _get(self, name: str, default: Any) -> Any:
        return self.data.get(name, default)

    def text(self, name: str, default: str = "") -> str:
        value = self._get(name, default)
        if not isinstance(value, str):
            raise _malformed(f"{self.path}{name}")
        return value

    def flag(self, name: str) -> bool:
        value = self._get(name, False)
        if not isinstance(value, bool):
            raise _malformed(f"{self.path}{name}")
        return value

    def number(self, name: str, *, optional: bool = False) -> float | None:
        value = self._get(name, None)
        if value is None and optional:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _malformed(f"{self.path}{name}")
        return float(value)

    def integer(self, name: str, *, optional: bool = False) -> int | None:
        value = self._get(name, None)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise _malformed(f"{self.path}{name}")
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        value = self._get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _malformed(f"{self.path}{name}")
        return tuple(value)

    def numbers(self, name: str) -> tuple[float, ...]:
        value = self._get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value
        ):
            raise _malformed(f"{self.path}{name}")
        return tuple(float(v) for v in value)


def _malformed(path: str) -> ValidationError:
    return ValidationError(
        f"Le protocole enregistré ne peut pas être lu (champ « {path} »).",
        code=ErrorCode.PROTOCOL_DATA_INVALID,
        path=path,
    )


def item_from_dict(data: object, path: str = "") -> ProtocolItem:
    """One item stored by :func:`item_to_dict`; ``protocol_data_invalid`` if malformed."""
    reader = _Reader(data, path)
    try:
        exam = ExamKind(reader.text("exam"))
    except ValueError:
        raise _malformed(f"{path}exam") from None
    start_age = reader.number("start_age")
    assert start_age is not None
    return ProtocolItem(
        key=reader.text("key"),
        exam=exam,
        label=reader.text("label"),
        sexes=frozenset(reader.texts("sexes")),
        start_age=start_age,
        end_age=reader.number("end_age", optional=True),
        interval_months=reader.integer("interval_months", optional=True),
        fixed_ages=reader.numbers("fixed_ages"),
        from_diagnosis=reader.flag("from_diagnosis"),
        repeat_per_findings=reader.flag("repeat_per_findings"),
        stopped_by=frozenset(reader.texts("stopped_by")),
        to_confirm=reader.flag("to_confirm"),
        to_confirm_note=reader.text("to_confirm_note"),
        note=reader.text("note"),
    )


def protocol_from_dict(data: object) -> Protocol:
    """The protocol stored by :func:`protocol_to_dict`.

    ValidationError ``protocol_schema_too_new`` for a dict written by a newer
    version of the application, ``protocol_data_invalid`` for a malformed one. The
    protocol itself is not validated: call :func:`validate_protocol`.
    """
    reader = _Reader(data, "")
    schema = reader.integer("schema")
    assert schema is not None
    if schema < 1:
        raise _malformed("schema")
    if schema > SCHEMA_VERSION:
        raise ValidationError(
            "Ce protocole a été enregistré par une version plus récente de l'application.",
            code=ErrorCode.PROTOCOL_SCHEMA_TOO_NEW,
            schema=schema,
            supported=SCHEMA_VERSION,
        )
    variant = reader.data.get("variant")
    if variant is not None and not isinstance(variant, str):
        raise _malformed("variant")
    items = reader.data.get("items", [])
    if not isinstance(items, list):
        raise _malformed("items")
    version = reader.integer("version")
    assert version is not None
    return Protocol(
        key=reader.text("key"),
        name=reader.text("name"),
        genes=reader.texts("genes"),
        variant=variant,
        family=reader.text("family"),
        version=version,
        source_note=reader.text("source_note"),
        custom=reader.flag("custom"),
        manual_only=reader.flag("manual_only"),
        items=tuple(item_from_dict(item, f"items[{index}].") for index, item in enumerate(items)),
    )


def choice_to_dict(choice: ProtocolChoice) -> dict[str, str]:
    return {family: str(getattr(choice, family)) for family in FAMILIES}


def choice_from_dict(data: object) -> ProtocolChoice:
    """The choice stored by :func:`choice_to_dict`; a missing or unknown value: "fr"."""
    values: dict[str, str] = {}
    if isinstance(data, Mapping):
        for family in FAMILIES:
            value = data.get(family)
            values[family] = value if value in VARIANTS else VARIANT_FR
    return ProtocolChoice(**values)
