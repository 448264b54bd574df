"""The revised Bethesda guidelines (Umar et al., JNCI 2004; REFERENCE.md): whose
tumour to test for microsatellite instability (MSI) or mismatch-repair deficiency.

A person's tumour is to be tested when any criterion holds:

1. a colorectal cancer diagnosed before 50;
2. synchronous or metachronous tumours of the HNPCC spectrum (two or more, at any
   age);
3. a colorectal cancer of MSI-high histology before 60 (the file codes one such
   histology, mucinous; lymphocytic infiltration and medullary growth are not
   coded);
4. a colorectal cancer and at least one first-degree relative with a tumour of the
   spectrum, one of these cancers diagnosed before 50;
5. a colorectal cancer and at least two first- or second-degree relatives with
   tumours of the spectrum, at any age.

The spectrum is Bethesda's own, wider than Amsterdam's: :data:`BETHESDA_SPECTRUM`
(keratoacanthomas are not coded apart; sebaceous tumours are). Every blood relative
of the patient is examined (the patient first); a criterion that depends on an
imprecise age is uncertain.
"""

from __future__ import annotations

from dataclasses import dataclass

from oiso_desktop.domain.scores.amsterdam import Criterion
from oiso_desktop.domain.scores.inputs import ScoreInputs, context_notes
from oiso_desktop.domain.scores.model import (
    Case,
    Contribution,
    Phrase,
    Status,
    age_bounds,
    before,
    best_status,
)
from oiso_desktop.domain.scores.rules import age_note

__all__ = [
    "BETHESDA_AGE_LIMIT",
    "BETHESDA_MSI_AGE_LIMIT",
    "BETHESDA_SPECTRUM",
    "MSI_HIGH_HISTOLOGIES",
    "BethesdaPerson",
    "BethesdaResult",
    "revised_bethesda",
]

BETHESDA_SPECTRUM = frozenset(
    {
        "colorectal",
        "endometrium",
        "stomach",
        "ovary",
        "pancreas",
        "upper_urinary_tract",
        "biliary_tract",
        "small_bowel",
        "brain",
        "sebaceous",
    }
)
BETHESDA_AGE_LIMIT = 50
BETHESDA_MSI_AGE_LIMIT = 60
MSI_HIGH_HISTOLOGIES = frozenset({"mucinous"})
CRITERIA = ("bethesda_1", "bethesda_2", "bethesda_3", "bethesda_4", "bethesda_5")


@dataclass(frozen=True)
class BethesdaPerson:
    """A person whose tumour meets (or may meet) a criterion."""

    person_id: str
    status: Status
    criteria: tuple[Criterion, ...]  # those met or uncertain; people: the relatives used


@dataclass(frozen=True)
class BethesdaResult:
    status: Status  # the best over the people examined
    people: tuple[BethesdaPerson, ...]  # the patient first, then in family order
    contributions: tuple[Contribution, ...]  # one per person of ``people``
    reading: tuple[Phrase, ...]
    notes: tuple[Phrase, ...] = ()

    def person(self, person_id: str) -> BethesdaPerson | None:
        return next((p for p in self.people if p.person_id == person_id), None)


def _earliest(cases: list[Case]) -> Case:
    return min(cases, key=lambda c: (not c.age.known, age_bounds(c.age)[0]))


def _examine(
    inputs: ScoreInputs, person_id: str, spectrum: dict[str, list[Case]]
) -> BethesdaPerson:
    kinship = inputs.kinship
    own = spectrum.get(person_id, [])
    colorectal = [c for c in own if c.site == "colorectal"]
    found: list[Criterion] = []
    if colorectal:
        found.append(
            Criterion(
                "bethesda_1", best_status(before(BETHESDA_AGE_LIMIT, c.age) for c in colorectal)
            )
        )
    found.append(Criterion("bethesda_2", Status.MET if len(own) >= 2 else Status.NOT_MET))
    msi_like = [c for c in colorectal if c.histology in MSI_HIGH_HISTOLOGIES]
    if msi_like:
        found.append(
            Criterion(
                "bethesda_3",
                best_status(before(BETHESDA_MSI_AGE_LIMIT, c.age) for c in msi_like),
            )
        )
    if colorectal:
        first: list[tuple[str, Status]] = []
        close: list[str] = []
        for other, cases in spectrum.items():
            if other == person_id:
                continue
            degree = kinship.degree(person_id, other)
            if degree in (1, 2):
                close.append(other)
            if degree == 1:
                ages = [c.age for c in colorectal] + [c.age for c in cases]
                first.append((other, best_status(before(BETHESDA_AGE_LIMIT, a) for a in ages)))
        status = best_status(s for _, s in first)
        found.append(
            Criterion("bethesda_4", status, tuple(p for p, s in first if s != Status.NOT_MET))
        )
        found.append(
            Criterion("bethesda_5", Status.MET if len(close) >= 2 else Status.NOT_MET, tuple(close))
        )
    kept = tuple(c for c in found if c.status != Status.NOT_MET)
    return BethesdaPerson(person_id, best_status(c.status for c in kept), kept)


def revised_bethesda(inputs: ScoreInputs) -> BethesdaResult:
    """The revised Bethesda guidelines for every blood relative of the patient."""
    spectrum: dict[str, list[Case]] = {}
    for case in inputs.cases:
        if case.site in BETHESDA_SPECTRUM:
            spectrum.setdefault(case.person_id, []).append(case)
    order = [inputs.proband_id] + [p for p in spectrum if p != inputs.proband_id]
    people: list[BethesdaPerson] = []
    contributions: list[Contribution] = []
    for person_id in order:
        if person_id not in spectrum or not inputs.branches.get(person_id):
            continue
        examined = _examine(inputs, person_id, spectrum)
        if not examined.criteria:
            continue
        people.append(examined)
        contributions.append(_contribution(inputs, examined, spectrum[person_id]))
    status = best_status(p.status for p in people)
    return BethesdaResult(
        status=status,
        people=tuple(people),
        contributions=tuple(contributions),
        reading=_reading(inputs, people),
        notes=context_notes(inputs),
    )


def _contribution(inputs: ScoreInputs, person: BethesdaPerson, cases: list[Case]) -> Contribution:
    colorectal = [c for c in cases if c.site == "colorectal"]
    shown = _earliest(colorectal or cases)
    notes: list[Phrase] = []
    for criterion in person.criteria:
        if criterion.people:
            notes.append(Phrase.of(criterion.code, people=criterion.people))
        else:
            notes.append(Phrase.of(criterion.code))
    uncertain = person.status == Status.UNCERTAIN
    if uncertain and age_bounds(shown.age)[0] != age_bounds(shown.age)[1]:
        notes.append(age_note(shown))
    return Contribution(
        person_id=person.person_id,
        branches=inputs.branches.get(person.person_id, frozenset()),
        site=shown.site,
        age=shown.age,
        notes=tuple(notes),
        uncertain=uncertain,
        kind="criterion",
    )


def _reading(inputs: ScoreInputs, people: list[BethesdaPerson]) -> tuple[Phrase, ...]:
    met = tuple(p.person_id for p in people if p.status == Status.MET)
    maybe = tuple(p.person_id for p in people if p.status == Status.UNCERTAIN)
    phrases: list[Phrase] = []
    if met:
        phrases.append(Phrase.of("bethesda_test", people=met))
    if maybe:
        phrases.append(Phrase.of("bethesda_maybe", people=maybe))
    if not met and not maybe:
        phrases.append(Phrase.of("bethesda_none"))
    for case in inputs.person_cases(inputs.proband_id):
        if case.msi:
            phrases.append(Phrase.of("mmr_known_msi", site=case.site, msi=case.msi))
        if case.ihc:
            phrases.append(Phrase.of("mmr_known_ihc", site=case.site, ihc=case.ihc))
    return tuple(phrases)
