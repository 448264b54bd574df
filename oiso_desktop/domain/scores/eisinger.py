"""The Eisinger score (breast and ovary; REFERENCE.md "Testing-indication scores").

Computed per parental branch, never added across branches. In a branch:

* a pathogenic BRCA1 or BRCA2 variant identified in a member of the branch: 5
  points, once;
* each breast cancer of a woman: 4 before 30, 3 at 30–39, 2 at 40–49, 1 at 50–70,
  none after 70; of a man: 4; each ovarian cancer: 3.

Every cancer counts (a second, contralateral breast cancer too); the patient, their
full siblings and descendants count in both branches (``kinship``). Reading of a
branch: 5 or more, an excellent indication for an oncogenetics consultation; 3–4,
a possible indication; 1–2, of low value. An imprecise age or an unknown sex gives
a range of points and, across the threshold, an uncertain status (``model``).
"""

from __future__ import annotations

from dataclasses import dataclass

from oiso_desktop.domain.family import MAX_AGE
from oiso_desktop.domain.scores.inputs import ScoreInputs, context_notes
from oiso_desktop.domain.scores.kinship import Branch
from oiso_desktop.domain.scores.model import (
    AgeBand,
    Contribution,
    Phrase,
    Points,
    Status,
    best_status,
)
from oiso_desktop.domain.scores.rules import BREAST_SITES, CaseRule, case_notes, case_points

__all__ = [
    "EISINGER_GENES",
    "EISINGER_READINGS",
    "EISINGER_RULES",
    "EISINGER_THRESHOLD",
    "EISINGER_VARIANT_POINTS",
    "EisingerBranch",
    "EisingerResult",
    "eisinger",
]

EISINGER_THRESHOLD = 5
EISINGER_VARIANT_POINTS = 5
EISINGER_GENES = frozenset({"BRCA1", "BRCA2"})

#: Points of a case, by site, sex ("F", "M": an unknown sex scores as either) and age band.
EISINGER_RULES: tuple[CaseRule, ...] = (
    CaseRule(
        BREAST_SITES,
        frozenset({"F"}),
        (
            AgeBand(0, 29, (4,)),
            AgeBand(30, 39, (3,)),
            AgeBand(40, 49, (2,)),
            AgeBand(50, 70, (1,)),
            AgeBand(71, MAX_AGE, (0,)),
        ),
    ),
    CaseRule(BREAST_SITES, frozenset({"M"}), (AgeBand(0, MAX_AGE, (4,)),)),
    CaseRule(frozenset({"ovary"}), frozenset({"F", "M"}), (AgeBand(0, MAX_AGE, (3,)),)),
)

#: Reading of a branch's points: the first line whose minimum the points reach.
EISINGER_READINGS: tuple[tuple[int, str], ...] = (
    (5, "eisinger_excellent"),
    (3, "eisinger_possible"),
    (1, "eisinger_low"),
    (0, "eisinger_none"),
)


@dataclass(frozen=True)
class EisingerBranch:
    branch: Branch
    points: Points
    status: Status  # against EISINGER_THRESHOLD
    contributions: tuple[Contribution, ...]
    reading: Phrase


@dataclass(frozen=True)
class EisingerResult:
    status: Status  # the better branch
    threshold: int
    branches: tuple[EisingerBranch, ...]  # paternal, maternal
    contributions: tuple[Contribution, ...]  # each person's once, with their branches
    reading: tuple[Phrase, ...]
    notes: tuple[Phrase, ...] = ()

    def branch(self, branch: Branch) -> EisingerBranch:
        return next(b for b in self.branches if b.branch == branch)


def _meaning(points: int) -> str:
    return next(code for minimum, code in EISINGER_READINGS if points >= minimum)


def _reading(branch: Branch, points: Points, uncertain_people: tuple[str, ...]) -> Phrase:
    low, high = _meaning(points.low), _meaning(points.high)
    meaning = (
        Phrase.of(low)
        if low == high
        else Phrase.of("either", first=Phrase.of(low), second=Phrase.of(high))
    )
    if uncertain_people and not points.exact:
        return Phrase.of(
            "eisinger_branch_uncertain",
            branch=branch,
            points=points,
            meaning=meaning,
            people=uncertain_people,
        )
    return Phrase.of("eisinger_branch", branch=branch, points=points, meaning=meaning)


def _variant_contributions(inputs: ScoreInputs) -> list[Contribution]:
    """One BRCA carrier per branch (the patient first, else the first entered), 5 points."""
    chosen: dict[str, tuple[str, set[Branch]]] = {}
    for branch in Branch:
        carriers = [
            (person_id, gene)
            for person_id, genes in inputs.carriers.items()
            if branch in inputs.branches.get(person_id, frozenset())
            for gene in sorted(genes & EISINGER_GENES)
        ]
        if not carriers:
            continue
        person_id, gene = min(carriers, key=lambda pair: pair[0] != inputs.proband_id)
        chosen.setdefault(person_id, (gene, set()))[1].add(branch)
    return [
        Contribution(
            person_id=person_id,
            branches=frozenset(branches),
            points=(Points.exactly(EISINGER_VARIANT_POINTS),),
            notes=(Phrase.of("variant_identified", gene=gene),),
            kind="variant",
        )
        for person_id, (gene, branches) in chosen.items()
    ]


def eisinger(inputs: ScoreInputs) -> EisingerResult:
    """The Eisinger score of the patient's family, per parental branch."""
    contributions = _variant_contributions(inputs)
    for case in inputs.cases:
        member_of = inputs.branches.get(case.person_id)
        score = case_points(EISINGER_RULES, case, width=1)
        if not member_of or score is None:
            continue  # not a blood relative, or a site Eisinger does not count
        contributions.append(
            Contribution(
                person_id=case.person_id,
                branches=member_of,
                site=case.site,
                age=case.age,
                points=score.points,
                notes=case_notes(case, score),
                uncertain=score.uncertain,
            )
        )
    everything = tuple(contributions)
    branches: list[EisingerBranch] = []
    for branch in Branch:
        mine = tuple(c for c in everything if branch in c.branches)
        points = Points(0, 0)
        for contribution in mine:
            points = points + contribution.points[0]
        uncertain_people = tuple(dict.fromkeys(c.person_id for c in mine if c.uncertain))
        branches.append(
            EisingerBranch(
                branch=branch,
                points=points,
                status=points.status(EISINGER_THRESHOLD),
                contributions=mine,
                reading=_reading(branch, points, uncertain_people),
            )
        )
    return EisingerResult(
        status=best_status(b.status for b in branches),
        threshold=EISINGER_THRESHOLD,
        branches=tuple(branches),
        contributions=everything,
        reading=tuple(b.reading for b in branches),
        notes=context_notes(inputs),
    )
