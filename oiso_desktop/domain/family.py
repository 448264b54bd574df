"""The family of a patient file as a graph of people (DESIGN.md §4, "Family").

A :class:`Family` is immutable: the operations below (:func:`add_parents`,
:func:`add_sibling`, :func:`add_child`, :func:`add_partner`, :func:`remove_person`,
:func:`update_person`, :func:`set_proband`, :func:`set_partnership`, :func:`set_twins`)
return a new family. Each person points to their father and mother (both or
neither); partnerships and twin groups are listed on the family. Relationship
labels ("tante paternelle") are derived (``domain.relationships``), never typed.
Consistency rules live in ``domain.family_checks.validate``; the pedigree layout
in ``domain.pedigree_layout``; CanRisk files in ``domain.canrisk``.

Ages are kept as entered: "45", "~45", "40-49", "< 50", "inconnu" (:class:`Age`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from oiso_desktop.domain.errors import ErrorCode, ValidationError

__all__ = [
    "APPROXIMATE_MARGIN",
    "CANCER_SITES",
    "GENETIC_RESULTS",
    "HISTOLOGIES",
    "LATERALITIES",
    "MAX_AGE",
    "MAX_FAMILY_SIZE",
    "RECEPTOR_VALUES",
    "SEXES",
    "TEST_TYPES",
    "Adoption",
    "Age",
    "AgeKind",
    "Cancer",
    "CancerSite",
    "Family",
    "GeneticResult",
    "Partnership",
    "Person",
    "Receptors",
    "TwinGroup",
    "Zygosity",
    "add_child",
    "add_parents",
    "add_partner",
    "add_sibling",
    "added_ids",
    "new_family",
    "person_label",
    "remove_person",
    "set_partnership",
    "set_proband",
    "set_twins",
    "update_person",
]

MAX_AGE = 125
MAX_FAMILY_SIZE = 275  # the largest family CanRisk accepts
APPROXIMATE_MARGIN = 5  # "~45": checked as 40..50

SEXES = {"F": "féminin", "M": "masculin", "U": "inconnu"}


# --- ages ---------------------------------------------------------------------------------


class AgeKind(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    UNKNOWN = "unknown"


_UNKNOWN_WORDS = {"", "?", "inconnu", "inconnue", "nc", "na", "ni", "-", "unknown"}
_EXACT_RE = re.compile(r"(\d{1,3})", re.ASCII)
_ABOUT_RE = re.compile(r"(?:~|≈|env\.?|environ|vers|ca\.?)\s*(\d{1,3})|(\d{1,3})\s*\?", re.ASCII)
_RANGE_RE = re.compile(r"(\d{1,3})\s*(?:-|–|à)\s*(\d{1,3})", re.ASCII)
_BELOW_RE = re.compile(r"(?:<|avant)\s*(\d{1,3})", re.ASCII)
_ABOVE_RE = re.compile(r"(?:>|après)\s*(\d{1,3})", re.ASCII)
_YEARS_SUFFIX_RE = re.compile(r"\s*(?:ans|an|a)$")


@dataclass(frozen=True)
class Age:
    """An age as entered: exact ("45"), approximate ("~45", "40-49", "< 50") or unknown.

    ``text`` is what was typed (trimmed); ``low``/``high`` bound the true age (an
    "~N" is read as N ± :data:`APPROXIMATE_MARGIN`); ``value`` is the single age
    to use where one number is needed (CanRisk, scores): N for "45" and "~45", the
    middle of a range, 49 for "< 50", 61 for "> 60".
    """

    text: str = ""
    kind: AgeKind = AgeKind.UNKNOWN
    low: int | None = None
    high: int | None = None
    value: int | None = None

    @classmethod
    def exact(cls, years: int) -> Age:
        if not 0 <= years <= MAX_AGE:
            raise _age_range(str(years), field=None)
        return cls(str(years), AgeKind.EXACT, years, years, years)

    @classmethod
    def parse(cls, text: str | int | None, *, field: str | None = None) -> Age:
        """Read an age as typed; ValidationError (``age_format``/``age_range``) otherwise."""
        if text is None:
            return cls()
        if isinstance(text, int):
            return cls.exact(text)
        shown = " ".join(str(text).split())
        folded = _YEARS_SUFFIX_RE.sub("", shown.lower())
        if folded in _UNKNOWN_WORDS:
            return cls(shown, AgeKind.UNKNOWN)
        if match := _EXACT_RE.fullmatch(folded):
            years = _bounded(match.group(1), shown, field)
            return cls(shown, AgeKind.EXACT, years, years, years)
        if match := _ABOUT_RE.fullmatch(folded):
            years = _bounded(match.group(1) or match.group(2), shown, field)
            low = max(0, years - APPROXIMATE_MARGIN)
            high = min(MAX_AGE, years + APPROXIMATE_MARGIN)
            return cls(shown, AgeKind.APPROXIMATE, low, high, years)
        if match := _RANGE_RE.fullmatch(folded):
            low = _bounded(match.group(1), shown, field)
            high = _bounded(match.group(2), shown, field)
            if low > high:
                raise _age_format(shown, field)
            return cls(shown, AgeKind.APPROXIMATE, low, high, (low + high) // 2)
        if match := _BELOW_RE.fullmatch(folded):
            limit = _bounded(match.group(1), shown, field)
            if limit == 0:
                raise _age_format(shown, field)
            return cls(shown, AgeKind.APPROXIMATE, 0, limit - 1, limit - 1)
        if match := _ABOVE_RE.fullmatch(folded):
            limit = _bounded(match.group(1), shown, field)
            if limit >= MAX_AGE:
                raise _age_range(shown, field)
            return cls(shown, AgeKind.APPROXIMATE, limit + 1, MAX_AGE, limit + 1)
        raise _age_format(shown, field)

    @property
    def known(self) -> bool:
        return self.kind != AgeKind.UNKNOWN

    def __str__(self) -> str:
        return self.text


def _bounded(digits: str, shown: str, field: str | None) -> int:
    years = int(digits)
    if years > MAX_AGE:
        raise _age_range(shown, field)
    return years


def _age_format(shown: str, field: str | None) -> ValidationError:
    return ValidationError(
        f"« {shown} » n'est pas un âge : saisissez un nombre (45), un âge approché "
        "(~45, 40-49, < 50) ou « inconnu ».",
        code=ErrorCode.AGE_FORMAT,
        field=field,
        value=shown,
    )


def _age_range(shown: str, field: str | None) -> ValidationError:
    return ValidationError(
        f"L'âge « {shown} » doit être compris entre 0 et {MAX_AGE} ans.",
        code=ErrorCode.AGE_RANGE,
        field=field,
        value=shown,
        maximum=MAX_AGE,
    )


# --- cancers and genetics -------------------------------------------------------------


@dataclass(frozen=True)
class CancerSite:
    label: str  # French, as in "cancer du sein"
    sexes: frozenset[str] = frozenset({"F", "M", "U"})


_ANY = frozenset({"F", "M", "U"})
_WOMEN = frozenset({"F", "U"})
_MEN = frozenset({"M", "U"})

# Site codes (stable: stored and used by the scores). "contralateral_breast" is the
# second, contralateral breast cancer (CanRisk BC2).
CANCER_SITES: Mapping[str, CancerSite] = {
    "breast": CancerSite("sein", _ANY),
    "contralateral_breast": CancerSite("sein controlatéral", _ANY),
    "ovary": CancerSite("ovaire", _WOMEN),
    "endometrium": CancerSite("endomètre", _WOMEN),
    "cervix": CancerSite("col de l'utérus", _WOMEN),
    "prostate": CancerSite("prostate", _MEN),
    "testis": CancerSite("testicule", _MEN),
    "pancreas": CancerSite("pancréas"),
    "colorectal": CancerSite("côlon-rectum"),
    "stomach": CancerSite("estomac"),
    "small_bowel": CancerSite("intestin grêle"),
    "biliary_tract": CancerSite("voies biliaires"),
    "liver": CancerSite("foie"),
    "oesophagus": CancerSite("œsophage"),
    "upper_urinary_tract": CancerSite("voies urinaires hautes (uretère, bassinet)"),
    "bladder": CancerSite("vessie"),
    "kidney": CancerSite("rein"),
    "brain": CancerSite("cerveau"),
    "sebaceous": CancerSite("tumeur sébacée"),
    "melanoma": CancerSite("mélanome"),
    "thyroid": CancerSite("thyroïde"),
    "lung": CancerSite("poumon"),
    "adrenal_cortex": CancerSite("corticosurrénale"),
    "sarcoma": CancerSite("sarcome"),
    "leukaemia": CancerSite("leucémie"),
    "lymphoma": CancerSite("lymphome"),
    "head_and_neck": CancerSite("voies aérodigestives supérieures"),
    "other": CancerSite("autre localisation"),
}

LATERALITIES = {"": "non précisée", "left": "gauche", "right": "droit", "bilateral": "bilatéral"}
HISTOLOGIES = {
    "": "non précisée",
    "ductal": "canalaire",
    "lobular": "lobulaire",
    "dcis": "canalaire in situ",
    "high_grade_serous": "séreux de haut grade",
    "mucinous": "mucineux",
    "germ_cell": "germinal",
    "borderline": "borderline",
    "other": "autre",
}
RECEPTOR_VALUES = {"": "inconnu", "N": "négatif", "P": "positif"}


@dataclass(frozen=True)
class Receptors:
    """Breast tumour markers (CanRisk ER:PR:HER2:CK14:CK56): "", "N" or "P" each."""

    er: str = ""
    pr: str = ""
    her2: str = ""
    ck14: str = ""
    ck56: str = ""

    def values(self) -> tuple[str, str, str, str, str]:
        return (self.er, self.pr, self.her2, self.ck14, self.ck56)

    @property
    def known(self) -> bool:
        return any(self.values())


@dataclass(frozen=True, kw_only=True)
class Cancer:
    """One cancer of one person. ``age``: at diagnosis, kept as entered."""

    site: str
    age: Age = Age()
    laterality: str = ""
    histology: str = ""
    grade: int | None = None  # 1..3
    receptors: Receptors = Receptors()
    confirmed: bool = False  # checked on a pathology report (Amsterdam: "verified")
    note: str = ""

    @property
    def site_label(self) -> str:
        site = CANCER_SITES.get(self.site)
        return site.label if site else self.site


TEST_TYPES = {"S": "recherche de mutation", "T": "test ciblé d'un variant connu"}
GENETIC_RESULTS = {
    "N": "négatif",
    "P": "variant pathogène",
    "VUS": "variant de signification inconnue",
    "HET": "hétérozygote",
    "HOM": "homozygote",
}


@dataclass(frozen=True, kw_only=True)
class GeneticResult:
    """A germline test result for one gene (HGNC symbol, upper case)."""

    gene: str
    test_type: str = "S"  # key of TEST_TYPES
    result: str = "N"  # key of GENETIC_RESULTS
    variant: str = ""  # HGVS, as reported


# --- people, couples, twins -------------------------------------------------------------


class Adoption(StrEnum):
    NONE = ""
    IN = "in"  # adopted into this family: the parents drawn are the adoptive ones
    OUT = "out"  # adopted out of it: the parents drawn are the biological ones


class Zygosity(StrEnum):
    MZ = "MZ"
    DZ = "DZ"
    UNKNOWN = "unknown"


@dataclass(frozen=True, kw_only=True)
class Person:
    """One member of the family.

    ``age`` is the age at last news of the living (or an approximate age when the
    birth year is not known); ``age_at_death`` that of the deceased. Both parents
    or neither: ``father_id`` and ``mother_id``.
    """

    id: str
    name: str = ""
    sex: str = "U"  # key of SEXES
    proband: bool = False
    father_id: str | None = None
    mother_id: str | None = None
    birth_year: int | None = None
    age: Age = Age()
    deceased: bool = False
    age_at_death: Age = Age()
    cancers: tuple[Cancer, ...] = ()
    genetic_results: tuple[GeneticResult, ...] = ()
    adoption: Adoption = Adoption.NONE
    ashkenazi: bool = False
    patient_id: int | None = None  # the relative's own patient file, when linked
    note: str = ""

    @property
    def has_parents(self) -> bool:
        return self.father_id is not None or self.mother_id is not None

    @property
    def adopted(self) -> bool:
        return self.adoption != Adoption.NONE


@dataclass(frozen=True)
class Partnership:
    """Two partners (in any order); a consanguineous couple is drawn with a double line."""

    first: str
    second: str
    consanguineous: bool = False

    @property
    def ids(self) -> frozenset[str]:
        return frozenset((self.first, self.second))


@dataclass(frozen=True)
class TwinGroup:
    members: tuple[str, ...]
    zygosity: Zygosity = Zygosity.UNKNOWN


def person_label(person: Person) -> str:
    """How messages name a person: "Marie (p3)", or the id alone."""
    return f"{person.name} ({person.id})" if person.name.strip() else person.id


@dataclass(frozen=True)
class Family:
    """People in insertion order, partnerships and twin groups. Immutable.

    ``risk_factors``: the ``##key=value`` lines of the CanRisk file the family came
    from (menarche, parity, PRS...), in the file's order, key and value as written:
    kept with the family and written back by the CanRisk export. The operations
    below keep them.
    """

    people: tuple[Person, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    twins: tuple[TwinGroup, ...] = ()
    risk_factors: tuple[tuple[str, str], ...] = ()

    # Indexes, built on first use (a frozen dataclass keeps them per instance).
    @cached_property
    def _by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {}
        for person in self.people:
            for parent in (person.father_id, person.mother_id):
                if parent is not None:
                    children.setdefault(parent, []).append(person.id)
        return children

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(person.id for person in self.people)

    def get(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def person(self, person_id: str) -> Person:
        found = self._by_id.get(person_id)
        if found is None:
            raise ValidationError(
                f"La personne « {person_id} » n'est pas dans la famille.",
                code=ErrorCode.FAMILY_PERSON_NOT_FOUND,
                field="id",
                person_id=person_id,
            )
        return found

    @property
    def proband(self) -> Person | None:
        """The proband (cas index), if exactly one person is marked so."""
        probands = [person for person in self.people if person.proband]
        return probands[0] if len(probands) == 1 else None

    def children_of(self, person_id: str) -> tuple[str, ...]:
        return tuple(self._children.get(person_id, ()))

    def parents_of(self, person_id: str) -> tuple[str, ...]:
        person = self.person(person_id)
        return tuple(p for p in (person.father_id, person.mother_id) if p is not None)

    def partners_of(self, person_id: str) -> tuple[str, ...]:
        """Listed partners and the other parents of the person's children, in order."""
        found: list[str] = []
        for partnership in self.partnerships:
            if person_id in (partnership.first, partnership.second):
                other = partnership.second if partnership.first == person_id else partnership.first
                if other not in found and other != person_id:
                    found.append(other)
        for child_id in self.children_of(person_id):
            child = self._by_id[child_id]
            for parent in (child.father_id, child.mother_id):
                if parent is not None and parent != person_id and parent not in found:
                    found.append(parent)
        return tuple(found)

    def partnership(self, a: str, b: str) -> Partnership | None:
        pair = frozenset((a, b))
        return next((p for p in self.partnerships if p.ids == pair), None)

    def siblings_of(self, person_id: str) -> tuple[str, ...]:
        """Full and half siblings (sharing at least one parent)."""
        person = self.person(person_id)
        found: list[str] = []
        for parent in (person.father_id, person.mother_id):
            if parent is None:
                continue
            for child in self.children_of(parent):
                if child != person_id and child not in found:
                    found.append(child)
        return tuple(found)

    def twin_group_of(self, person_id: str) -> TwinGroup | None:
        return next((group for group in self.twins if person_id in group.members), None)

    def next_id(self) -> str:
        """A new id: "p" and a number (at most 7 characters, as CanRisk wants)."""
        numbers = [int(m.group(1)) for i in self.ids if (m := re.fullmatch(r"p(\d{1,6})", i))]
        return f"p{max(numbers, default=0) + 1}"


def added_ids(before: Family, after: Family) -> tuple[str, ...]:
    """Ids present in ``after`` and not in ``before`` (the people an operation created)."""
    old = set(before.ids)
    return tuple(person_id for person_id in after.ids if person_id not in old)


# --- operations (each returns a new family) ---------------------------------------------


def new_family(*, sex: str = "U", name: str = "", **fields: Any) -> Family:
    """A family of one person: the proband, id "p1" (``fields``: other Person fields)."""
    return Family(people=(Person(id="p1", sex=sex, name=name, proband=True, **fields),))


def _replace_people(
    family: Family, changed: Iterable[Person] = (), added: Iterable[Person] = ()
) -> tuple[Person, ...]:
    by_id = {person.id: person for person in changed}
    people = tuple(by_id.get(person.id, person) for person in family.people) + tuple(added)
    return people


def _ids(family: Family, count: int) -> list[str]:
    first = int(family.next_id()[1:])
    return [f"p{first + offset}" for offset in range(count)]


def add_parents(family: Family, person_id: str) -> Family:
    """A father and a mother (unknown otherwise) for a person who has none."""
    person = family.person(person_id)
    if person.has_parents:
        raise ValidationError(
            f"{person_label(person)} a déjà des parents.",
            code=ErrorCode.FAMILY_HAS_PARENTS,
            field="father_id",
            person_id=person_id,
            person=person_label(person),
        )
    father_id, mother_id = _ids(family, 2)
    father = Person(id=father_id, sex="M")
    mother = Person(id=mother_id, sex="F")
    child = dataclasses.replace(person, father_id=father_id, mother_id=mother_id)
    return dataclasses.replace(
        family,
        people=_replace_people(family, [child], [father, mother]),
        partnerships=(*family.partnerships, Partnership(father_id, mother_id)),
    )


def add_sibling(
    family: Family, person_id: str, *, sex: str = "U", twin: Zygosity | None = None
) -> Family:
    """A brother or sister (same parents; parents are added first when missing).

    ``twin``: the new sibling is the person's twin (same birth year; same sex for MZ),
    joining the person's twin group (and its zygosity) or making a new one.
    """
    if not family.person(person_id).has_parents:
        family = add_parents(family, person_id)
    person = family.person(person_id)
    (new_id,) = _ids(family, 1)
    group = family.twin_group_of(person_id) if twin is not None else None
    if twin == Zygosity.MZ or (group is not None and group.zygosity == Zygosity.MZ):
        sex = person.sex  # monozygotic twins share their sex
    sibling = Person(
        id=new_id,
        sex=sex,
        father_id=person.father_id,
        mother_id=person.mother_id,
        birth_year=person.birth_year if twin else None,
    )
    twins = family.twins
    if twin is not None:
        if group is None:
            twins = (*twins, TwinGroup((person_id, new_id), Zygosity(twin)))
        else:
            grown = TwinGroup((*group.members, new_id), group.zygosity)
            twins = tuple(grown if g is group else g for g in twins)
    return dataclasses.replace(family, people=_replace_people(family, added=[sibling]), twins=twins)


def _opposite(sex: str) -> str:
    return {"F": "M", "M": "F"}.get(sex, "U")


def add_partner(
    family: Family,
    person_id: str,
    *,
    partner_id: str | None = None,
    consanguineous: bool = False,
) -> Family:
    """A new partner (of the opposite sex), or a partnership with a person already there.

    Linking two relatives is how consanguinity is entered (``consanguineous=True``).
    """
    person = family.person(person_id)
    added: list[Person] = []
    if partner_id is None:
        (partner_id,) = _ids(family, 1)
        added.append(Person(id=partner_id, sex=_opposite(person.sex)))
    else:
        partner = family.person(partner_id)
        if partner_id == person_id or family.partnership(person_id, partner_id) is not None:
            raise ValidationError(
                f"{person_label(person)} et {person_label(partner)} sont déjà partenaires.",
                code=ErrorCode.FAMILY_ALREADY_PARTNERS,
                field="partner_id",
                person_id=person_id,
                person=person_label(person),
                partner=person_label(partner),
            )
    return dataclasses.replace(
        family,
        people=_replace_people(family, added=added),
        partnerships=(*family.partnerships, Partnership(person_id, partner_id, consanguineous)),
    )


def add_child(
    family: Family, person_id: str, *, sex: str = "U", partner_id: str | None = None
) -> Family:
    """A son or daughter of the person and a partner.

    Without ``partner_id``: the person's only partner, or a new one when they have
    none. The person's sex must be known (a father is male, a mother female).
    """
    person = family.person(person_id)
    if person.sex not in ("F", "M"):
        raise ValidationError(
            f"Précisez le sexe de {person_label(person)} avant de lui ajouter un enfant "
            "(un père est de sexe masculin, une mère de sexe féminin).",
            code=ErrorCode.FAMILY_PARENT_SEX_UNKNOWN,
            field="sex",
            person_id=person_id,
            person=person_label(person),
        )
    if partner_id is None:
        partners = family.partners_of(person_id)
        if len(partners) > 1:
            raise ValidationError(
                f"{person_label(person)} a plusieurs partenaires : choisissez l'autre parent.",
                code=ErrorCode.FAMILY_PARTNER_REQUIRED,
                field="partner_id",
                person_id=person_id,
                person=person_label(person),
            )
        if not partners:
            family = add_partner(family, person_id)
            partners = family.partners_of(person_id)
        partner_id = partners[0]
    partner = family.person(partner_id)
    if family.partnership(person_id, partner_id) is None:
        family = add_partner(family, person_id, partner_id=partner_id)
    if partner.sex == person.sex or partner.sex not in ("F", "M"):
        raise ValidationError(
            f"Précisez le sexe de {person_label(partner)} avant de lui ajouter un enfant "
            "(un père est de sexe masculin, une mère de sexe féminin).",
            code=ErrorCode.FAMILY_PARENT_SEX_UNKNOWN,
            field="sex",
            person_id=partner_id,
            person=person_label(partner),
        )
    father_id, mother_id = (person_id, partner_id) if person.sex == "M" else (partner_id, person_id)
    (new_id,) = _ids(family, 1)
    child = Person(id=new_id, sex=sex, father_id=father_id, mother_id=mother_id)
    return dataclasses.replace(family, people=_replace_people(family, added=[child]))


def update_person(family: Family, person: Person) -> Family:
    """The family with ``person`` replacing the person of the same id."""
    family.person(person.id)
    return dataclasses.replace(family, people=_replace_people(family, [person]))


def set_proband(family: Family, person_id: str) -> Family:
    """Make ``person_id`` the proband (the previous one no longer is)."""
    family.person(person_id)
    people = tuple(
        dataclasses.replace(person, proband=person.id == person_id)
        if person.proband != (person.id == person_id)
        else person
        for person in family.people
    )
    return dataclasses.replace(family, people=people)


def set_partnership(family: Family, a: str, b: str, *, consanguineous: bool) -> Family:
    """Mark the couple (a, b) consanguineous or not (the partnership is created if needed)."""
    family.person(a)
    family.person(b)
    existing = family.partnership(a, b)
    if existing is None:
        return add_partner(family, a, partner_id=b, consanguineous=consanguineous)
    changed = dataclasses.replace(existing, consanguineous=consanguineous)
    return dataclasses.replace(
        family, partnerships=tuple(changed if p is existing else p for p in family.partnerships)
    )


def set_twins(family: Family, members: Iterable[str], zygosity: Zygosity | None) -> Family:
    """Group ``members`` as twins (``None``: they are no longer twins).

    The members leave any previous group; groups left with one member disappear.
    """
    chosen = tuple(dict.fromkeys(members))
    for member in chosen:
        family.person(member)
    twins: list[TwinGroup] = []
    for group in family.twins:
        kept = tuple(m for m in group.members if m not in chosen)
        if len(kept) >= 2:
            twins.append(TwinGroup(kept, group.zygosity))
    if zygosity is not None and len(chosen) >= 2:
        twins.append(TwinGroup(chosen, Zygosity(zygosity)))
    return dataclasses.replace(family, twins=tuple(twins))


def remove_person(family: Family, person_id: str) -> Family:
    """The family without the person, their partnerships and twin links.

    Refused for the proband and for a parent (remove the children first). A
    partner left with no link at all (no parents, children or partner) goes too.
    """
    person = family.person(person_id)
    if person.proband:
        raise ValidationError(
            "Le cas index ne peut pas être retiré de la famille.",
            code=ErrorCode.FAMILY_REMOVE_PROBAND,
            field="proband",
            person_id=person_id,
            person=person_label(person),
        )
    if family.children_of(person_id):
        raise ValidationError(
            f"{person_label(person)} a des enfants dans la famille : retirez d'abord ses enfants.",
            code=ErrorCode.FAMILY_REMOVE_HAS_CHILDREN,
            field="id",
            person_id=person_id,
            person=person_label(person),
        )
    gone = {person_id}
    partnerships = tuple(p for p in family.partnerships if person_id not in p.ids)
    for partner_id in family.partners_of(person_id):
        partner = family.person(partner_id)
        linked = (
            partner.has_parents
            or partner.proband
            or family.children_of(partner_id)
            or any(partner_id in p.ids for p in partnerships)
        )
        if not linked:
            gone.add(partner_id)
    partnerships = tuple(p for p in partnerships if not (p.ids & gone))
    twins = tuple(
        TwinGroup(kept, group.zygosity)
        for group in family.twins
        if len(kept := tuple(m for m in group.members if m not in gone)) >= 2
    )
    return dataclasses.replace(
        family,
        people=tuple(p for p in family.people if p.id not in gone),
        partnerships=partnerships,
        twins=twins,
    )
