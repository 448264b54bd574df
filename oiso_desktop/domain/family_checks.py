"""Consistency rules of a family (impossible families are refused, every problem named).

:func:`validate` returns **every** problem, not only the first: a list of
:class:`~oiso_desktop.domain.errors.ValidationError`, each with a French message
naming the person, a specific ``code``, the ``field`` concerned (``"sex"``,
``"mother_id"``, ``"cancers[0].age"``...) and the params ``person_id`` (None for
family-wide problems) and ``person`` (the label shown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    GENETIC_RESULTS,
    HISTOLOGIES,
    LATERALITIES,
    MAX_FAMILY_SIZE,
    RECEPTOR_VALUES,
    SEXES,
    TEST_TYPES,
    Adoption,
    Age,
    Family,
    Person,
    Zygosity,
    person_label,
)

__all__ = [
    "MIN_BIRTH_YEAR",
    "MIN_PARENT_AGE",
    "birth_year_bounds",
    "current_age_bounds",
    "validate",
]

MIN_BIRTH_YEAR = 1850  # CanRisk's lower bound
MIN_PARENT_AGE = 10  # a child born earlier than this is "born before the parent"
GENE_RE = re.compile(r"[A-Z][A-Z0-9-]{1,14}")


def _problem(
    message: str, code: ErrorCode, field: str, person: Person | None = None, **params: Any
) -> ValidationError:
    return ValidationError(
        message,
        code=code,
        field=field,
        person_id=person.id if person is not None else None,
        person=person_label(person) if person is not None else "",
        **params,
    )


def birth_year_bounds(person: Person, today: date) -> tuple[int | None, int | None]:
    """Earliest and latest possible birth year (None: not known)."""
    if person.birth_year is not None:
        return person.birth_year, person.birth_year
    if not person.deceased and person.age.known:
        assert person.age.low is not None and person.age.high is not None
        return today.year - person.age.high - 1, today.year - person.age.low
    return None, None


def current_age_bounds(person: Person, today: date) -> tuple[int | None, int | None]:
    """Bounds of the age reached: at death for the deceased, else at last news or today."""
    if person.deceased:
        return person.age_at_death.low, person.age_at_death.high
    if person.age.known:
        return person.age.low, person.age.high
    if person.birth_year is not None:
        return max(0, today.year - person.birth_year - 1), today.year - person.birth_year
    return None, None


def validate(family: Family, today: date) -> list[ValidationError]:
    """Every problem of ``family`` (empty list: the family is consistent)."""
    problems: list[ValidationError] = []
    if len(family.people) > MAX_FAMILY_SIZE:
        problems.append(
            _problem(
                f"La famille compte {len(family.people)} personnes : au plus {MAX_FAMILY_SIZE}.",
                ErrorCode.FAMILY_TOO_LARGE,
                "people",
                count=len(family.people),
                maximum=MAX_FAMILY_SIZE,
            )
        )
    seen: set[str] = set()
    for person in family.people:
        if person.id in seen or not person.id.strip():
            problems.append(
                _problem(
                    f"L'identifiant « {person.id} » est vide ou utilisé par plusieurs personnes.",
                    ErrorCode.FAMILY_DUPLICATE_ID,
                    "id",
                    person,
                )
            )
        seen.add(person.id)
    for person in family.people:
        problems += _person_problems(family, person, today)
        problems += _parent_sex_problems(family, person)
    problems += _proband_problems(family)
    problems += _cycle_problems(family)
    problems += _connection_problems(family)
    problems += _twin_problems(family)
    problems += _partnership_problems(family)
    return problems


# --- one person -----------------------------------------------------------------------


def _person_problems(family: Family, person: Person, today: date) -> list[ValidationError]:
    label = person_label(person)
    problems: list[ValidationError] = []
    if person.sex not in SEXES:
        problems.append(
            _problem(
                f"{label} : sexe « {person.sex} » inconnu (F, M ou U).",
                ErrorCode.FAMILY_SEX_INVALID,
                "sex",
                person,
                value=person.sex,
            )
        )
    if person.birth_year is not None and not MIN_BIRTH_YEAR <= person.birth_year <= today.year:
        problems.append(
            _problem(
                f"{label} : l'année de naissance {person.birth_year} doit être comprise entre "
                f"{MIN_BIRTH_YEAR} et {today.year}.",
                ErrorCode.FAMILY_BIRTH_YEAR_RANGE,
                "birth_year",
                person,
                year=person.birth_year,
                minimum=MIN_BIRTH_YEAR,
                maximum=today.year,
            )
        )
    elif person.birth_year is not None:
        age, field = (
            (person.age_at_death, "age_at_death") if person.deceased else (person.age, "age")
        )
        if age.low is not None and person.birth_year + age.low > today.year:
            problems.append(
                _problem(
                    f"{label} : l'âge {age} est impossible pour une personne née en "
                    f"{person.birth_year}.",
                    ErrorCode.FAMILY_AGE_BIRTH_YEAR,
                    field,
                    person,
                    age=str(age),
                    birth_year=person.birth_year,
                )
            )
    if not person.deceased and person.age_at_death.known:
        problems.append(
            _problem(
                f"{label} : un âge au décès est saisi alors que la personne est vivante.",
                ErrorCode.FAMILY_DEATH_AGE_ALIVE,
                "age_at_death",
                person,
            )
        )
    if person.adoption not in {a.value for a in Adoption}:
        problems.append(_invalid(person, "adoption", person.adoption))
    problems += _parent_problems(family, person, today)
    problems += _cancer_problems(person, today)
    problems += _genetic_problems(person)
    return problems


def _invalid(person: Person, field: str, value: object) -> ValidationError:
    return _problem(
        f"{person_label(person)} : la valeur « {value} » du champ « {field} » n'est pas valide.",
        ErrorCode.FAMILY_VALUE_INVALID,
        field,
        person,
        value=str(value),
        field_name=field,
    )


def _parent_problems(family: Family, person: Person, today: date) -> list[ValidationError]:
    label = person_label(person)
    problems: list[ValidationError] = []
    parents: dict[str, Person] = {}
    for field, parent_id in (("father_id", person.father_id), ("mother_id", person.mother_id)):
        if parent_id is None:
            continue
        parent = family.get(parent_id)
        if parent is None:
            problems.append(
                _problem(
                    f"{label} : le parent « {parent_id} » n'est pas dans la famille.",
                    ErrorCode.FAMILY_UNKNOWN_PARENT,
                    field,
                    person,
                    parent_id=parent_id,
                )
            )
        else:
            parents[field] = parent
    if (person.father_id is None) != (person.mother_id is None):
        problems.append(
            _problem(
                f"{label} : indiquez les deux parents ou aucun.",
                ErrorCode.FAMILY_ONE_PARENT,
                "mother_id" if person.mother_id is None else "father_id",
                person,
            )
        )
    _, child_latest = birth_year_bounds(person, today)
    for field, parent in parents.items():
        parent_earliest, _ = birth_year_bounds(parent, today)
        if parent is person or child_latest is None or parent_earliest is None:
            continue
        if child_latest < parent_earliest + MIN_PARENT_AGE:
            problems.append(
                _problem(
                    f"{label} (né(e) au plus tard en {child_latest}) ne peut pas être l'enfant "
                    f"de {person_label(parent)} (né(e) au plus tôt en {parent_earliest}) : "
                    f"un parent a au moins {MIN_PARENT_AGE} ans à la naissance de son enfant.",
                    ErrorCode.FAMILY_CHILD_BEFORE_PARENT,
                    field,
                    person,
                    parent=person_label(parent),
                    child_year=child_latest,
                    parent_year=parent_earliest,
                    minimum=MIN_PARENT_AGE,
                )
            )
    return problems


def _parent_sex_problems(family: Family, person: Person) -> list[ValidationError]:
    """A father who is not male, a mother who is not female: one problem per parent."""
    problems: list[ValidationError] = []
    label = person_label(person)
    for role, sex, code, wanted in (
        ("father_id", "M", ErrorCode.FAMILY_FATHER_SEX, "masculin"),
        ("mother_id", "F", ErrorCode.FAMILY_MOTHER_SEX, "féminin"),
    ):
        children = [c for c in family.people if getattr(c, role) == person.id]
        if not children or person.sex == sex:
            continue
        names = ", ".join(person_label(child) for child in children)
        what = "le père" if sex == "M" else "la mère"
        problems.append(
            _problem(
                f"{label} est {what} de {names} mais n'est pas de sexe {wanted}.",
                code,
                "sex",
                person,
                children=names,
            )
        )
    return problems


def _cancer_problems(person: Person, today: date) -> list[ValidationError]:
    label = person_label(person)
    problems: list[ValidationError] = []
    _, highest = current_age_bounds(person, today)
    first_breast: Age | None = None
    for index, cancer in enumerate(person.cancers):
        prefix = f"cancers[{index}]"
        site = CANCER_SITES.get(cancer.site)
        if site is None:
            problems.append(
                _problem(
                    f"{label} : localisation de cancer « {cancer.site} » inconnue.",
                    ErrorCode.FAMILY_CANCER_SITE,
                    f"{prefix}.site",
                    person,
                    site=cancer.site,
                )
            )
            continue
        if person.sex in SEXES and person.sex not in site.sexes:
            problems.append(
                _problem(
                    f"{label} : un cancer ({site.label}) est impossible pour une personne de "
                    f"sexe {person.sex}.",
                    ErrorCode.FAMILY_CANCER_SEX,
                    f"{prefix}.site",
                    person,
                    site=site.label,
                    sex=person.sex,
                )
            )
        age = cancer.age
        if age.low is not None and highest is not None and age.low > highest:
            if person.deceased:
                problems.append(
                    _problem(
                        f"{label} : le diagnostic ({site.label}, à {age} ans) est postérieur au "
                        f"décès (à {person.age_at_death} ans).",
                        ErrorCode.FAMILY_CANCER_AFTER_DEATH,
                        f"{prefix}.age",
                        person,
                        site=site.label,
                        age=str(age),
                        death_age=str(person.age_at_death),
                    )
                )
            else:
                problems.append(
                    _problem(
                        f"{label} : l'âge au diagnostic ({site.label}, {age} ans) dépasse l'âge "
                        f"de la personne ({highest} ans au plus).",
                        ErrorCode.FAMILY_CANCER_ABOVE_AGE,
                        f"{prefix}.age",
                        person,
                        site=site.label,
                        age=str(age),
                        current_age=highest,
                    )
                )
        if cancer.site == "breast" and first_breast is None:
            first_breast = age
        if cancer.site == "contralateral_breast":
            before = first_breast is None or (
                age.high is not None
                and first_breast.low is not None
                and age.high < first_breast.low
            )
            if before:
                problems.append(
                    _problem(
                        f"{label} : un cancer du sein controlatéral suit un premier cancer du sein "
                        "(saisissez d'abord le premier, à un âge inférieur ou égal).",
                        ErrorCode.FAMILY_CONTRALATERAL,
                        f"{prefix}.site",
                        person,
                    )
                )
        if cancer.laterality not in LATERALITIES:
            problems.append(_invalid(person, f"{prefix}.laterality", cancer.laterality))
        if cancer.histology not in HISTOLOGIES:
            problems.append(_invalid(person, f"{prefix}.histology", cancer.histology))
        if cancer.grade is not None and cancer.grade not in (1, 2, 3):
            problems.append(_invalid(person, f"{prefix}.grade", cancer.grade))
        if any(value not in RECEPTOR_VALUES for value in cancer.receptors.values()) or (
            cancer.receptors.known and cancer.site not in ("breast", "contralateral_breast")
        ):
            problems.append(
                _invalid(person, f"{prefix}.receptors", ":".join(cancer.receptors.values()))
            )
    return problems


def _genetic_problems(person: Person) -> list[ValidationError]:
    label = person_label(person)
    problems: list[ValidationError] = []
    for index, result in enumerate(person.genetic_results):
        prefix = f"genetic_results[{index}]"
        if not GENE_RE.fullmatch(result.gene):
            problems.append(
                _problem(
                    f"{label} : « {result.gene} » n'est pas un symbole de gène (BRCA1, MLH1...).",
                    ErrorCode.FAMILY_GENE_INVALID,
                    f"{prefix}.gene",
                    person,
                    gene=result.gene,
                )
            )
        if result.test_type not in TEST_TYPES or result.result not in GENETIC_RESULTS:
            problems.append(
                _problem(
                    f"{label} : le résultat du test {result.gene} ({result.test_type}:"
                    f"{result.result}) n'est pas valide.",
                    ErrorCode.FAMILY_GENETIC_RESULT_INVALID,
                    f"{prefix}.result",
                    person,
                    gene=result.gene,
                    result=f"{result.test_type}:{result.result}",
                )
            )
    return problems


# --- the family as a whole --------------------------------------------------------------


def _proband_problems(family: Family) -> list[ValidationError]:
    probands = [person for person in family.people if person.proband]
    if not probands:
        return [
            _problem(
                "Aucune personne n'est désignée comme cas index.",
                ErrorCode.FAMILY_NO_PROBAND,
                "proband",
            )
        ]
    if len(probands) > 1:
        names = ", ".join(person_label(person) for person in probands)
        return [
            _problem(
                f"Il ne peut y avoir qu'un cas index ; plusieurs personnes le sont : {names}.",
                ErrorCode.FAMILY_TWO_PROBANDS,
                "proband",
                probands[1],
                probands=names,
            )
        ]
    return []


def _cycle_problems(family: Family) -> list[ValidationError]:
    """One problem per group of people who are their own ancestors (Tarjan, iterative)."""
    parents: dict[str, list[str]] = {
        person.id: [
            p for p in (person.father_id, person.mother_id) if p is not None and family.get(p)
        ]
        for person in family.people
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in parents:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            recurse = False
            for offset in range(position, len(parents[node])):
                nxt = parents[node][offset]
                if nxt not in index:
                    work.append((node, offset + 1))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in parents[node]:
                    groups.append(group)
            if work:
                parent_node = work[-1][0]
                low[parent_node] = min(low[parent_node], low[node])
    problems = []
    order = {person_id: i for i, person_id in enumerate(family.ids)}
    for group in groups:
        members = sorted(group, key=order.__getitem__)
        first = family.person(members[0])
        names = ", ".join(person_label(family.person(m)) for m in members)
        problems.append(
            _problem(
                f"Filiation circulaire : {names} se retrouvent parmi leurs propres ancêtres.",
                ErrorCode.FAMILY_PARENT_CYCLE,
                "father_id",
                first,
                people=names,
            )
        )
    return problems


def _neighbours(family: Family) -> dict[str, set[str]]:
    links: dict[str, set[str]] = {person.id: set() for person in family.people}
    for person in family.people:
        for parent in (person.father_id, person.mother_id):
            if parent in links:
                links[person.id].add(parent)
                links[parent].add(person.id)
    for partnership in family.partnerships:
        if partnership.first in links and partnership.second in links:
            links[partnership.first].add(partnership.second)
            links[partnership.second].add(partnership.first)
    return links


def _connection_problems(family: Family) -> list[ValidationError]:
    proband = family.proband
    if proband is None:
        return []
    links = _neighbours(family)
    reached = {proband.id}
    todo = [proband.id]
    while todo:
        for other in links[todo.pop()]:
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return [
        _problem(
            f"{person_label(person)} n'est relié(e) au cas index par aucun lien "
            "(parent, enfant ou partenaire).",
            ErrorCode.FAMILY_NOT_CONNECTED,
            "father_id",
            person,
        )
        for person in family.people
        if person.id not in reached
    ]


def _names(family: Family, ids: Iterable[str]) -> str:
    return ", ".join(person_label(p) if (p := family.get(i)) else i for i in ids)


def _twin_problems(family: Family) -> list[ValidationError]:
    problems: list[ValidationError] = []
    grouped: set[str] = set()
    for group in family.twins:
        names = _names(family, group.members)
        members = [family.get(m) for m in group.members]
        valid_members = [m for m in members if m is not None]
        first = valid_members[0] if valid_members else None
        repeated = grouped & set(group.members) or len(set(group.members)) != len(group.members)
        if (
            len(valid_members) != len(members)
            or len(members) < 2
            or repeated
            or group.zygosity not in {z.value for z in Zygosity}
        ):
            problems.append(
                _problem(
                    f"Groupe de jumeaux incorrect ({names}) : au moins deux personnes de la "
                    "famille, chacune dans un seul groupe.",
                    ErrorCode.FAMILY_TWINS_INVALID,
                    "twins",
                    first,
                    people=names,
                )
            )
        grouped |= set(group.members)
        if len(valid_members) < 2:
            continue
        assert first is not None
        if len({(m.father_id, m.mother_id) for m in valid_members}) > 1:
            problems.append(
                _problem(
                    f"Les jumeaux {names} doivent avoir les mêmes parents.",
                    ErrorCode.FAMILY_TWINS_PARENTS,
                    "twins",
                    first,
                    people=names,
                )
            )
        sexes = {m.sex for m in valid_members if m.sex in ("F", "M")}
        if group.zygosity == Zygosity.MZ and len(sexes) > 1:
            problems.append(
                _problem(
                    f"Les jumeaux monozygotes {names} doivent être de même sexe.",
                    ErrorCode.FAMILY_TWINS_SEX,
                    "twins",
                    first,
                    people=names,
                )
            )
        years = {m.birth_year for m in valid_members if m.birth_year is not None}
        if len(years) > 1:
            problems.append(
                _problem(
                    f"Les jumeaux {names} doivent avoir la même année de naissance.",
                    ErrorCode.FAMILY_TWINS_BIRTH_YEAR,
                    "twins",
                    first,
                    people=names,
                )
            )
    return problems


def _partnership_problems(family: Family) -> list[ValidationError]:
    problems: list[ValidationError] = []
    seen: set[frozenset[str]] = set()
    for partnership in family.partnerships:
        a, b = family.get(partnership.first), family.get(partnership.second)
        if a is None or b is None or a is b or partnership.ids in seen:
            names = _names(family, (partnership.first, partnership.second))
            problems.append(
                _problem(
                    f"Couple incorrect ({names}) : deux personnes différentes de la famille, "
                    "une seule fois.",
                    ErrorCode.FAMILY_PARTNER_INVALID,
                    "partnerships",
                    a or b,
                    people=names,
                )
            )
        seen.add(partnership.ids)
    return problems
