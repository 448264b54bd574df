"""The Amsterdam II criteria (Lynch syndrome; REFERENCE.md). All must hold:

1. at least 3 relatives with a cancer of the Lynch spectrum (:data:`AMSTERDAM_SPECTRUM`:
   colorectal, endometrium, small bowel, ureter or renal pelvis);
2. one is a first-degree relative of the other two;
3. at least 2 successive generations affected;
4. at least one diagnosed before 50;
5. familial adenomatous polyposis excluded — not recorded in the file: always
   shown as a check to make, it does not decide the status;
6. tumours verified (``confirmed``: checked on a pathology report).

"Relatives" are blood relatives of one another: the criteria are read in each
parental branch (``kinship``: the patient, full siblings and descendants belong to
both), and the better branch is reported. Criteria 1–3 read the cancers as
declared; criterion 4 is uncertain when only an imprecise age may be under 50;
criterion 6 holds when the verified tumours alone meet criteria 1–4 as well as the
declared ones do, and is uncertain (to verify) otherwise. The status is the least
of the criteria: met, uncertain (met on the declared history, to confirm), not met.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from oiso_desktop.domain.scores.inputs import ScoreInputs, context_notes
from oiso_desktop.domain.scores.kinship import Branch
from oiso_desktop.domain.scores.model import (
    Case,
    Contribution,
    Phrase,
    Status,
    before,
    best_status,
)
from oiso_desktop.domain.scores.rules import age_note

__all__ = [
    "AMSTERDAM_AGE_LIMIT",
    "AMSTERDAM_SPECTRUM",
    "AmsterdamCriterion",
    "AmsterdamResult",
    "Criterion",
    "amsterdam_ii",
]

AMSTERDAM_SPECTRUM = frozenset({"colorectal", "endometrium", "small_bowel", "upper_urinary_tract"})
AMSTERDAM_AGE_LIMIT = 50


class AmsterdamCriterion(StrEnum):
    THREE_RELATIVES = "amsterdam_three"
    FIRST_DEGREE = "amsterdam_first_degree"
    GENERATIONS = "amsterdam_generations"
    BEFORE_50 = "amsterdam_before_50"
    VERIFIED = "amsterdam_verified"
    FAP_EXCLUDED = "amsterdam_fap_excluded"


@dataclass(frozen=True)
class Criterion:
    """One criterion: its status and the people it rests on (or who leave it open)."""

    code: str  # an AmsterdamCriterion (or a Bethesda criterion)
    status: Status
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class AmsterdamResult:
    status: Status
    branch: Branch | None  # the branch reported (None: no affected relative at all)
    criteria: tuple[Criterion, ...]  # in the order of AmsterdamCriterion
    contributions: tuple[Contribution, ...]  # the spectrum cancers of the branch
    reading: tuple[Phrase, ...]
    notes: tuple[Phrase, ...] = ()

    def criterion(self, code: AmsterdamCriterion) -> Criterion:
        return next(c for c in self.criteria if c.code == code)


def _people(cases: Iterable[Case]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(case.person_id for case in cases))


class _Reading:
    """The structural criteria on one set of cases."""

    def __init__(self, inputs: ScoreInputs, cases: list[Case]) -> None:
        kinship = inputs.kinship
        self.cases = cases
        order = inputs.order
        self.people = tuple(
            sorted(
                _people(cases),
                key=lambda person: (kinship.generation(person) or 0, order.get(person, 0)),
            )
        )
        self.three = len(self.people) >= 3
        self.centre: tuple[str, ...] = ()
        for person in self.people:
            first = [other for other in self.people if kinship.degree(person, other) == 1]
            if len(first) >= 2:
                self.centre = (person, *first)
                break
        generation = {person: kinship.generation(person) for person in self.people}
        generations = {g for g in generation.values() if g is not None}
        self.successive = tuple(
            person
            for person in self.people
            if (mine := generation[person]) is not None
            and (mine - 1 in generations or mine + 1 in generations)
        )
        self.young = best_status(before(AMSTERDAM_AGE_LIMIT, case.age) for case in cases)
        young = {c.person_id for c in cases if before(AMSTERDAM_AGE_LIMIT, c.age) != Status.NOT_MET}
        self.young_people = tuple(person for person in self.people if person in young)

    @property
    def structural(self) -> bool:
        return self.three and bool(self.centre) and bool(self.successive)


def _yes(holds: bool) -> Status:
    return Status.MET if holds else Status.NOT_MET


def _evaluate(
    inputs: ScoreInputs, branch: Branch
) -> tuple[Status, tuple[Criterion, ...], list[Case]]:
    declared = [
        case
        for case in inputs.cases
        if case.site in AMSTERDAM_SPECTRUM
        and branch in inputs.branches.get(case.person_id, frozenset())
    ]
    verified = [case for case in declared if case.confirmed]
    full = _Reading(inputs, declared)
    declared.sort(key=lambda case: full.people.index(case.person_id))  # oldest first
    checked = _Reading(inputs, verified)
    pending = {case.person_id for case in declared if not case.confirmed}
    unverified = tuple(person for person in full.people if person in pending)
    if checked.structural and checked.young == full.young:
        verified_status = Status.MET
    else:
        verified_status = Status.UNCERTAIN if unverified else Status.NOT_MET
    criteria = (
        Criterion(AmsterdamCriterion.THREE_RELATIVES, _yes(full.three), full.people),
        Criterion(AmsterdamCriterion.FIRST_DEGREE, _yes(bool(full.centre)), full.centre),
        Criterion(AmsterdamCriterion.GENERATIONS, _yes(bool(full.successive)), full.successive),
        Criterion(AmsterdamCriterion.BEFORE_50, full.young, full.young_people),
        Criterion(AmsterdamCriterion.VERIFIED, verified_status, unverified),
    )
    status = min(
        (c.status for c in criteria),
        key=[Status.NOT_MET, Status.UNCERTAIN, Status.MET].index,
    )
    return status, criteria, declared


def amsterdam_ii(inputs: ScoreInputs) -> AmsterdamResult:
    """The Amsterdam II criteria in the patient's family (the better parental branch)."""
    results = []
    rank = [Status.NOT_MET, Status.UNCERTAIN, Status.MET].index
    for order, branch in enumerate(Branch):
        status, criteria, declared = _evaluate(inputs, branch)
        met = sum(c.status == Status.MET for c in criteria)
        results.append(((rank(status), met, -order), branch, status, criteria, declared))
    _, branch, status, criteria, declared = max(results, key=lambda r: r[0])
    fap = Criterion(AmsterdamCriterion.FAP_EXCLUDED, Status.UNCERTAIN)
    contributions = tuple(_contribution(inputs, case) for case in declared)
    return AmsterdamResult(
        status=status,
        branch=branch if declared else None,
        criteria=(*criteria, fap),
        contributions=contributions,
        reading=_reading(status, criteria),
        notes=context_notes(inputs),
    )


def _contribution(inputs: ScoreInputs, case: Case) -> Contribution:
    notes: list[Phrase] = []
    young = before(AMSTERDAM_AGE_LIMIT, case.age)
    if young == Status.MET:
        notes.append(Phrase.of("before_age", limit=AMSTERDAM_AGE_LIMIT))
    elif young == Status.UNCERTAIN:
        notes.append(age_note(case))
    if not case.confirmed:
        notes.append(Phrase.of("tumour_unverified"))
    return Contribution(
        person_id=case.person_id,
        branches=inputs.branches.get(case.person_id, frozenset()),
        site=case.site,
        age=case.age,
        notes=tuple(notes),
        uncertain=young == Status.UNCERTAIN or not case.confirmed,
        kind="criterion",
    )


def _reading(status: Status, criteria: tuple[Criterion, ...]) -> tuple[Phrase, ...]:
    by_code = {c.code: c for c in criteria}
    three = by_code[AmsterdamCriterion.THREE_RELATIVES]
    if status == Status.MET:
        phrases = [Phrase.of("amsterdam_met", people=three.people)]
    elif status == Status.UNCERTAIN:
        phrases = [Phrase.of("amsterdam_uncertain", people=three.people)]
        unverified = by_code[AmsterdamCriterion.VERIFIED]
        if unverified.status == Status.UNCERTAIN:
            phrases.append(Phrase.of("amsterdam_to_verify", people=unverified.people))
        young = by_code[AmsterdamCriterion.BEFORE_50]
        if young.status == Status.UNCERTAIN:
            phrases.append(Phrase.of("amsterdam_age_to_check", people=young.people))
    elif not three.people:
        phrases = [Phrase.of("amsterdam_none")]
    else:
        failed = tuple(
            Phrase.of(c.code)
            for c in criteria
            if c.status == Status.NOT_MET and c.code != AmsterdamCriterion.VERIFIED
        )
        phrases = [Phrase.of("amsterdam_not_met", items=failed)]
    phrases.append(Phrase.of("amsterdam_fap"))
    return tuple(phrases)
