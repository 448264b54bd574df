"""What changed between two versions of a clinical form, in French (the Historique tab).

:func:`form_changes` compares two contents of the same kind and lists each
difference as a :class:`Change`: an item added or removed, or one field of an
item modified, with French labels and values as shown to the user. Pure: no
storage, no Qt. These texts hold clinical values: they are for the screen only,
never for the event log (which keeps section names, see
``clinical_forms.changed_sections``).

Items are matched so that an insertion does not read as "everything changed":
cancers and surgeries equal in both versions are set aside first, the rest are
paired by site (kind) in order; people by id; couples by their two ids; twin
groups by their members; CanRisk risk factors by key, in order; genetic tests by
their id, variants by gene, consents and information of relatives by date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from oiso_desktop.domain.clinical_forms import (
    SECTION_LABELS,
    FormContent,
    changed_sections,
    empty_of,
    kind_of,
)
from oiso_desktop.domain.family import (
    CANCER_SITES,
    GENETIC_RESULTS,
    HISTOLOGIES,
    LATERALITIES,
    RECEPTOR_VALUES,
    SEXES,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    TwinGroup,
    Zygosity,
    person_label,
)
from oiso_desktop.domain.genetics import (
    ACMG_CLASSES,
    CONSENT_SCOPES,
    INFORMATION_CHANNELS,
    RELATIVE_OUTCOMES,
    TEST_KINDS,
    TEST_STATUSES,
    ZYGOSITIES,
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.personal_history import (
    IHC_STATUSES,
    MSI_STATUSES,
    SURGERY_SIDES,
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.domain.relationships import relationship_to_proband

__all__ = ["Change", "ChangeKind", "form_changes"]

EMPTY = "—"


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"


@dataclass(frozen=True)
class Change:
    """One difference. ``section``: top-level section code ("cancers", "people"...);
    ``item``: the thing concerned, in French ("Cancer (sein, gauche)", "Marie (p3)");
    ``field``: the French label of the field modified ("" when added or removed);
    ``before`` / ``after``: French texts of the values ("—" when empty)."""

    section: str
    kind: ChangeKind
    item: str
    field: str = ""
    before: str = ""
    after: str = ""

    @property
    def section_label(self) -> str:
        return SECTION_LABELS.get(self.section, self.section)

    def __str__(self) -> str:
        if self.kind is ChangeKind.ADDED:
            return f"{self.section_label} : ajout de {self.item}"
        if self.kind is ChangeKind.REMOVED:
            return f"{self.section_label} : suppression de {self.item}"
        return f"{self.item} — {self.field} : {self.before} → {self.after}"


# --- value texts ------------------------------------------------------------------------------


def _text(value: str) -> str:
    return value if value.strip() else EMPTY


def _label(table: dict[str, str]) -> Callable[[Any], str]:
    return lambda value: _text(table.get(value, str(value)) if value else "")


def _day(value: dt.date | None) -> str:
    return EMPTY if value is None else value.strftime("%d/%m/%Y")


def _age(value: Age) -> str:
    return _text(value.text)


def _number(value: int | None) -> str:
    return EMPTY if value is None else str(value)


def _yes_no(value: bool) -> str:
    return "oui" if value else "non"


def _site(value: str) -> str:
    site = CANCER_SITES.get(value)
    return site.label if site else _text(value)


_RECEPTOR = _label(RECEPTOR_VALUES)

# (attribute, French label, text of a value)
Field = tuple[str, str, Callable[[Any], str]]

_HISTORY_CANCER_FIELDS: tuple[Field, ...] = (
    ("site", "Localisation", _site),
    ("laterality", "Latéralité", _label(LATERALITIES)),
    ("age", "Âge au diagnostic", _age),
    ("diagnosis_date", "Date du diagnostic", _day),
    ("histology", "Histologie", _label(HISTOLOGIES)),
    ("grade", "Grade", _number),
    ("receptors.er", "Récepteurs aux œstrogènes", _RECEPTOR),
    ("receptors.pr", "Récepteurs à la progestérone", _RECEPTOR),
    ("receptors.her2", "HER2", _RECEPTOR),
    ("receptors.ck14", "CK14", _RECEPTOR),
    ("receptors.ck56", "CK5/6", _RECEPTOR),
    ("msi", "Statut MSI", _label(MSI_STATUSES)),
    ("ihc", "Immunohistochimie", _label(IHC_STATUSES)),
    ("confirmed", "Confirmé par un compte rendu", _yes_no),
    ("note", "Commentaire", _text),
)
_SURGERY_FIELDS: tuple[Field, ...] = (
    ("kind", "Chirurgie", lambda v: RiskReducingSurgery(kind=v).kind_label),
    ("side", "Côté", _label(SURGERY_SIDES)),
    ("date", "Date", _day),
    ("age", "Âge", _age),
    ("note", "Commentaire", _text),
)


def _family_cancers(cancers: Sequence[Cancer]) -> str:
    parts = [
        f"{cancer.site_label} à {cancer.age} ans" if cancer.age.known else cancer.site_label
        for cancer in cancers
    ]
    return ", ".join(parts) or EMPTY


def _results(results: Sequence[GeneticResult]) -> str:
    parts = [
        " ".join(
            p
            for p in (
                f"{r.gene} :",
                GENETIC_RESULTS.get(r.result, r.result),
                r.variant,
            )
            if p
        )
        for r in results
    ]
    return ", ".join(parts) or EMPTY


_ADOPTION = {"": "non", "in": "adopté(e) dans la famille", "out": "adopté(e) hors de la famille"}

_PERSON_FIELDS: tuple[Field, ...] = (
    ("name", "Nom", _text),
    ("sex", "Sexe", _label(SEXES)),
    ("proband", "Cas index", _yes_no),
    ("father_id", "Père", lambda v: _text(v or "")),
    ("mother_id", "Mère", lambda v: _text(v or "")),
    ("birth_year", "Année de naissance", _number),
    ("age", "Âge", _age),
    ("deceased", "Décédé(e)", _yes_no),
    ("age_at_death", "Âge au décès", _age),
    ("cancers", "Cancers", _family_cancers),
    ("genetic_results", "Analyses génétiques", _results),
    ("adoption", "Adoption", lambda v: _ADOPTION.get(str(v), str(v))),
    ("ashkenazi", "Ascendance juive ashkénaze", _yes_no),
    ("patient_id", "Dossier lié", lambda v: EMPTY if v is None else f"n° {v}"),
    ("note", "Commentaire", _text),
)


def _class_text(value: int | None) -> str:
    return EMPTY if value is None else f"{value} ({ACMG_CLASSES.get(value, '?')})"


def _codes(table: dict[str, str]) -> Callable[[Any], str]:
    return lambda values: ", ".join(table.get(v, v) for v in values) or EMPTY


def _genes(values: Sequence[str]) -> str:
    return ", ".join(values) or EMPTY


_TEST_FIELDS: tuple[Field, ...] = (
    ("kind", "Analyse", _label(dict(TEST_KINDS))),
    ("date", "Date", _day),
    ("laboratory", "Laboratoire", _text),
    ("indication", "Indication", _text),
    ("genes", "Gènes du panel", _genes),
    ("familial_gene", "Gène du variant familial", _text),
    ("familial_variant", "Variant familial", _text),
    ("relative_id", "Apparenté testé", lambda v: _text(v or "")),
    ("status", "Statut", _label(dict(TEST_STATUSES))),
    ("relative_outcome", "Résultat de l'apparenté", _label(dict(RELATIVE_OUTCOMES))),
    ("note", "Commentaire", _text),
)
_VARIANT_FIELDS: tuple[Field, ...] = (
    ("gene", "Gène", _text),
    ("hgvs_c", "Description c.", _text),
    ("hgvs_p", "Description p.", _text),
    ("acmg_class", "Classe ACMG", _class_text),
    ("zygosity", "Zygotie", _label(dict(ZYGOSITIES))),
    ("test_id", "Analyse", _text),
    ("note", "Commentaire", _text),
)
_CONSENT_FIELDS: tuple[Field, ...] = (
    ("date", "Date", _day),
    ("scopes", "Portée", _codes(dict(CONSENT_SCOPES))),
    ("document_id", "Formulaire signé", lambda v: EMPTY if v is None else f"document n° {v}"),
    ("note", "Commentaire", _text),
)
_INFORMATION_FIELDS: tuple[Field, ...] = (
    ("relative_ids", "Apparentés", lambda v: ", ".join(v) or EMPTY),
    ("date", "Date", _day),
    ("channel", "Moyen", _label(dict(INFORMATION_CHANNELS))),
    ("letter", "Lettre", _text),
    ("document_id", "Copie de la lettre", lambda v: EMPTY if v is None else f"document n° {v}"),
    ("note", "Commentaire", _text),
)


def _get(obj: object, path: str) -> Any:
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _field_changes(
    section: str, item: str, old: object, new: object, fields: Sequence[Field]
) -> list[Change]:
    changes = []
    for path, label, text in fields:
        before, after = _get(old, path), _get(new, path)
        if before != after:
            changes.append(
                Change(section, ChangeKind.MODIFIED, item, label, text(before), text(after))
            )
    return changes


# --- matching ---------------------------------------------------------------------------------

T = TypeVar("T")


def _pair_lists(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], object]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """(pairs to compare, removed, added): equal items set aside, then paired by key in order."""
    left = list(old)
    right = list(new)
    for item in list(left):
        if item in right:
            right.remove(item)
            left.remove(item)
    pairs: list[tuple[T, T]] = []
    for item in list(left):
        match = next((other for other in right if key(other) == key(item)), None)
        if match is not None:
            pairs.append((item, match))
            left.remove(item)
            right.remove(match)
    return pairs, left, right


def _cancer_item(cancer: HistoryCancer) -> str:
    side = LATERALITIES.get(cancer.laterality, "") if cancer.laterality else ""
    return f"Cancer ({', '.join(p for p in (cancer.site_label, side) if p)})"


def _surgery_item(surgery: RiskReducingSurgery) -> str:
    side = SURGERY_SIDES.get(surgery.side, "") if surgery.side else ""
    return f"{surgery.kind_label} {side}".strip()


def _list_changes(
    section: str,
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], object],
    item: Callable[[T], str],
    fields: Sequence[Field],
) -> list[Change]:
    pairs, removed, added = _pair_lists(old, new, key)
    changes: list[Change] = []
    for before, after in pairs:
        changes += _field_changes(section, item(after), before, after, fields)
    changes += [Change(section, ChangeKind.REMOVED, item(x)) for x in removed]
    changes += [Change(section, ChangeKind.ADDED, item(x)) for x in added]
    return changes


def _history_changes(old: PersonalHistory, new: PersonalHistory) -> list[Change]:
    changes = _list_changes(
        "cancers",
        old.cancers,
        new.cancers,
        lambda c: c.site,
        _cancer_item,
        _HISTORY_CANCER_FIELDS,
    )
    changes += _list_changes(
        "surgeries",
        old.surgeries,
        new.surgeries,
        lambda s: s.kind,
        _surgery_item,
        _SURGERY_FIELDS,
    )
    if old.note != new.note:
        changes.append(
            Change(
                "note",
                ChangeKind.MODIFIED,
                "Commentaire",
                "Texte",
                _text(old.note),
                _text(new.note),
            )
        )
    return changes


def _couple(family: Family, partnership: Partnership) -> str:
    def name(person_id: str) -> str:
        person = family.get(person_id)
        return person_label(person) if person is not None else person_id

    return f"couple {name(partnership.first)} – {name(partnership.second)}"


def _twin_item(family: Family, group: TwinGroup) -> str:
    names = ", ".join(
        person_label(p) if (p := family.get(member)) is not None else member
        for member in group.members
    )
    return f"jumeaux {names}"


_ZYGOSITY = {Zygosity.MZ: "monozygotes", Zygosity.DZ: "dizygotes", Zygosity.UNKNOWN: "inconnue"}


def _relative_label(family: Family, person: Person) -> str:
    """ "Marie (p3), mère": the person as messages name them, and who they are."""
    label = person_label(person)
    relationship = relationship_to_proband(family, person.id)
    return f"{label}, {relationship}" if relationship else label


def _family_changes(old: Family, new: Family) -> list[Change]:
    changes: list[Change] = []
    new_ids = set(new.ids)
    for person in new.people:
        before = old.get(person.id)
        if before is None:
            changes.append(Change("people", ChangeKind.ADDED, _relative_label(new, person)))
        elif before != person:
            changes += _field_changes(
                "people", _relative_label(new, person), before, person, _PERSON_FIELDS
            )
    changes += [
        Change("people", ChangeKind.REMOVED, _relative_label(old, p))
        for p in old.people
        if p.id not in new_ids
    ]
    old_couples = {p.ids: p for p in old.partnerships}
    new_couples = {p.ids: p for p in new.partnerships}
    for ids, couple in new_couples.items():
        previous = old_couples.get(ids)
        if previous is None:
            changes.append(Change("partnerships", ChangeKind.ADDED, _couple(new, couple)))
        elif previous.consanguineous != couple.consanguineous:
            changes.append(
                Change(
                    "partnerships",
                    ChangeKind.MODIFIED,
                    _couple(new, couple),
                    "Consanguinité",
                    _yes_no(previous.consanguineous),
                    _yes_no(couple.consanguineous),
                )
            )
    changes += [
        Change("partnerships", ChangeKind.REMOVED, _couple(old, couple))
        for ids, couple in old_couples.items()
        if ids not in new_couples
    ]
    old_twins = {frozenset(g.members): g for g in old.twins}
    new_twins = {frozenset(g.members): g for g in new.twins}
    for members, group in new_twins.items():
        previous_group = old_twins.get(members)
        if previous_group is None:
            changes.append(Change("twins", ChangeKind.ADDED, _twin_item(new, group)))
        elif previous_group.zygosity != group.zygosity:
            changes.append(
                Change(
                    "twins",
                    ChangeKind.MODIFIED,
                    _twin_item(new, group),
                    "Zygotie",
                    _ZYGOSITY.get(Zygosity(previous_group.zygosity), EMPTY),
                    _ZYGOSITY.get(Zygosity(group.zygosity), EMPTY),
                )
            )
    changes += [
        Change("twins", ChangeKind.REMOVED, _twin_item(old, group))
        for members, group in old_twins.items()
        if members not in new_twins
    ]
    return changes + _risk_factor_changes(old.risk_factors, new.risk_factors)


def _risk_factor_changes(
    old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
) -> list[Change]:
    """``##key=value`` lines of CanRisk: paired by key in order; a value modified."""
    pairs, removed, added = _pair_lists(old, new, lambda factor: factor[0])
    section = "risk_factors"
    changes = [
        Change(
            section,
            ChangeKind.MODIFIED,
            f"Facteur de risque CanRisk « {key} »",
            "Valeur",
            _text(before),
            _text(after),
        )
        for (key, before), (_, after) in pairs
    ]
    changes += [Change(section, ChangeKind.REMOVED, f"{k} = {v}") for k, v in removed]
    changes += [Change(section, ChangeKind.ADDED, f"{k} = {v}") for k, v in added]
    return changes


def _test_item(test: GeneticTest) -> str:
    when = f" du {_day(test.date)}" if test.date is not None else ""
    return f"Analyse {test.id} ({TEST_KINDS.get(test.kind, test.kind)}{when})"


def _variant_item(variant: Variant) -> str:
    return f"Variant {' '.join(p for p in (variant.gene, variant.hgvs_c) if p)}".strip()


def _consent_item(consent: Consent) -> str:
    return f"Consentement du {_day(consent.date)}"


def _information_item(information: RelativeInformation) -> str:
    return f"Information de la parentèle du {_day(information.date)}"


def _genetics_changes(old: Genetics, new: Genetics) -> list[Change]:
    changes = _list_changes("tests", old.tests, new.tests, lambda t: t.id, _test_item, _TEST_FIELDS)
    changes += _list_changes(
        "variants", old.variants, new.variants, lambda v: v.gene, _variant_item, _VARIANT_FIELDS
    )
    changes += _list_changes(
        "consents", old.consents, new.consents, lambda c: c.date, _consent_item, _CONSENT_FIELDS
    )
    changes += _list_changes(
        "relative_information",
        old.relative_information,
        new.relative_information,
        lambda i: i.date,
        _information_item,
        _INFORMATION_FIELDS,
    )
    return changes


def form_changes(old: FormContent | None, new: FormContent) -> list[Change]:
    """Every difference from ``old`` to ``new`` (``old`` None: the first version, so
    everything in ``new`` is added). Both must be of the same kind (TypeError)."""
    kind = kind_of(new)
    if old is None:
        old = empty_of(kind)
    if kind_of(old) is not kind:
        raise TypeError("two contents of different kinds")
    if isinstance(old, PersonalHistory) and isinstance(new, PersonalHistory):
        changes = _history_changes(old, new)
    elif isinstance(old, Genetics) and isinstance(new, Genetics):
        changes = _genetics_changes(old, new)
    else:
        assert isinstance(old, Family) and isinstance(new, Family)
        changes = _family_changes(old, new)
    # A section whose items are all the same but in another order (or repeated).
    found = {change.section for change in changes}
    for section in changed_sections(old, new):
        if section not in found:
            label = SECTION_LABELS.get(section, section)
            changes.append(
                Change(section, ChangeKind.MODIFIED, label, "Ordre", "précédent", "modifié")
            )
    return changes
