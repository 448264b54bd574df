"""The Manchester score, BRCA1 / BRCA2 / combined (REFERENCE.md; Evans et al., J Med
Genet 2017), with and without the 2017 pathology adjustments.

Each cancer scores by the table :data:`MANCHESTER_RULES` (the combined column is the
sum of the two others), from one parental branch at a time, as Eisinger does (the
patient, full siblings and descendants belong to both). Threshold: combined ≥ 15
(about 10 % probability of a BRCA1/2 variant); when the patient has no cancer the
table counts, 20 (an unaffected person is tested when the score of their affected
relative reaches 20).

Adjustments of 2017 (added to the age points; BRCA1 / BRCA2), shown beside the
plain score whenever one applies (pathology known):

* the index case's breast cancer — the patient's earliest: grade 3 +2 / 0, grade 2
  0 / 0, grade 1 −2 / 0; triple-negative +4 / 0 in place of the ER points, else ER+
  −1 / 0, ER− +1 / 0; HER2 amplified −6 / 0; DCIS −2 / 0; lobular −2 / 0 (each
  shown as its own line, and added);
* every ovarian cancer of the family: mucinous, germ-cell or borderline, the case
  does not score; high-grade serous before 60, +2 / 0;
* the patient adopted (family history unknown): +2 / +2.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from oiso_desktop.domain.family import MAX_AGE
from oiso_desktop.domain.scores.inputs import ScoreInputs, context_notes
from oiso_desktop.domain.scores.kinship import BOTH, Branch
from oiso_desktop.domain.scores.model import (
    AgeBand,
    Case,
    Contribution,
    Phrase,
    Points,
    Status,
    age_bounds,
    bands_met,
    best_status,
)
from oiso_desktop.domain.scores.rules import (
    BREAST_SITES,
    CaseRule,
    age_note,
    case_notes,
    case_points,
)

__all__ = [
    "ADOPTED_ADJUSTMENT",
    "ER_ADJUSTMENTS",
    "GRADE_ADJUSTMENTS",
    "HER2_AMPLIFIED_ADJUSTMENT",
    "HIGH_GRADE_SEROUS_BANDS",
    "HISTOLOGY_ADJUSTMENTS",
    "MANCHESTER_RULES",
    "MANCHESTER_THRESHOLD",
    "MANCHESTER_UNAFFECTED_THRESHOLD",
    "OVARY_NOT_SCORED",
    "TRIPLE_NEGATIVE_ADJUSTMENT",
    "ManchesterBranch",
    "ManchesterResult",
    "ManchesterValues",
    "manchester",
]

MANCHESTER_THRESHOLD = 15
MANCHESTER_UNAFFECTED_THRESHOLD = 20

#: Points (BRCA1, BRCA2) of a case by site, sex and age band.
MANCHESTER_RULES: tuple[CaseRule, ...] = (
    CaseRule(
        BREAST_SITES,
        frozenset({"F"}),
        (
            AgeBand(0, 29, (6, 5)),
            AgeBand(30, 39, (4, 4)),
            AgeBand(40, 49, (3, 3)),
            AgeBand(50, 59, (2, 2)),
            AgeBand(60, MAX_AGE, (1, 1)),
        ),
    ),
    CaseRule(
        BREAST_SITES, frozenset({"M"}), (AgeBand(0, 59, (5, 8)), AgeBand(60, MAX_AGE, (5, 5)))
    ),
    CaseRule(
        frozenset({"ovary"}),
        frozenset({"F", "M"}),
        (AgeBand(0, 59, (8, 5)), AgeBand(60, MAX_AGE, (5, 5))),
    ),
    CaseRule(frozenset({"pancreas"}), frozenset({"F", "M"}), (AgeBand(0, MAX_AGE, (0, 1)),)),
    CaseRule(
        frozenset({"prostate"}),
        frozenset({"F", "M"}),
        (AgeBand(0, 59, (0, 2)), AgeBand(60, MAX_AGE, (0, 1))),
    ),
)

# The 2017 adjustments (BRCA1, BRCA2).
GRADE_ADJUSTMENTS: dict[int, tuple[int, int]] = {1: (-2, 0), 2: (0, 0), 3: (2, 0)}
ER_ADJUSTMENTS: dict[str, tuple[int, int]] = {"P": (-1, 0), "N": (1, 0)}
TRIPLE_NEGATIVE_ADJUSTMENT = (4, 0)  # in place of the ER points
HER2_AMPLIFIED_ADJUSTMENT = (-6, 0)
HISTOLOGY_ADJUSTMENTS: dict[str, tuple[int, int]] = {"dcis": (-2, 0), "lobular": (-2, 0)}
OVARY_NOT_SCORED = frozenset({"mucinous", "germ_cell", "borderline"})
HIGH_GRADE_SEROUS_BANDS = (AgeBand(0, 59, (2, 0)), AgeBand(60, MAX_AGE, (0, 0)))
ADOPTED_ADJUSTMENT = (2, 2)


@dataclass(frozen=True)
class ManchesterValues:
    brca1: Points
    brca2: Points
    combined: Points


@dataclass(frozen=True)
class ManchesterBranch:
    branch: Branch
    plain: ManchesterValues
    adjusted: ManchesterValues | None  # None: no pathology adjustment applies
    status: Status  # the combined score (adjusted when there is one) against the threshold
    contributions: tuple[Contribution, ...]

    @property
    def scored(self) -> ManchesterValues:
        return self.adjusted or self.plain


@dataclass(frozen=True)
class ManchesterResult:
    status: Status  # the better branch
    threshold: int  # 15, or 20 for a patient without a counted cancer
    patient_affected: bool
    adjusted: bool  # the 2017 adjustments apply (pathology known)
    branches: tuple[ManchesterBranch, ...]  # paternal, maternal
    contributions: tuple[Contribution, ...]  # cases, then adjustments
    reading: tuple[Phrase, ...]
    notes: tuple[Phrase, ...] = ()

    def branch(self, branch: Branch) -> ManchesterBranch:
        return next(b for b in self.branches if b.branch == branch)


def _points(pair: tuple[int, int]) -> tuple[Points, Points, Points]:
    return Points.exactly(pair[0]), Points.exactly(pair[1]), Points.exactly(sum(pair))


def _adjustment(
    case: Case, branches: frozenset[Branch], points: tuple[Points, ...], note: Phrase
) -> Contribution:
    return Contribution(
        person_id=case.person_id,
        branches=branches,
        site=case.site,
        age=case.age,
        points=points,
        notes=(note,),
        kind="adjustment",
        uncertain=not all(p.exact for p in points),
    )


def _index_breast_case(inputs: ScoreInputs) -> Case | None:
    """The patient's earliest breast cancer (unknown ages last), the index case's."""
    cases = [c for c in inputs.person_cases(inputs.proband_id) if c.site in BREAST_SITES]
    if not cases:
        return None
    return min(cases, key=lambda c: (not c.age.known, age_bounds(c.age)[0]))


def _breast_adjustments(case: Case) -> list[Contribution]:
    found: list[tuple[tuple[int, int], Phrase]] = []
    if case.grade in GRADE_ADJUSTMENTS:
        found.append((GRADE_ADJUSTMENTS[case.grade], Phrase.of("adj_grade", grade=case.grade)))
    receptors = case.receptors
    triple_negative = receptors.er == receptors.pr == receptors.her2 == "N"
    if triple_negative:
        found.append((TRIPLE_NEGATIVE_ADJUSTMENT, Phrase.of("adj_triple_negative")))
    elif receptors.er in ER_ADJUSTMENTS:
        note = Phrase.of("adj_er_positive") if receptors.er == "P" else Phrase.of("adj_er_negative")
        found.append((ER_ADJUSTMENTS[receptors.er], note))
    if receptors.her2 == "P":
        found.append((HER2_AMPLIFIED_ADJUSTMENT, Phrase.of("adj_her2")))
    if case.histology in HISTOLOGY_ADJUSTMENTS:
        found.append(
            (
                HISTOLOGY_ADJUSTMENTS[case.histology],
                Phrase.of("adj_histology", histology=case.histology),
            )
        )
    return [_adjustment(case, BOTH, _points(pair), note) for pair, note in found]


def _ovary_adjustment(case: Case, scored: Contribution) -> Contribution | None:
    if case.histology in OVARY_NOT_SCORED:
        cancelled = tuple(Points(-p.high, -p.low) for p in scored.points)
        note = Phrase.of("adj_ovary_not_scored", histology=case.histology)
        return _adjustment(case, scored.branches, cancelled, note)
    if case.histology == "high_grade_serous":
        possible = {band.points for band in bands_met(HIGH_GRADE_SEROUS_BANDS, case.age)}
        brca1 = Points.spanning(p[0] for p in possible)
        brca2 = Points.spanning(p[1] for p in possible)
        notes = Phrase.of("adj_high_grade_serous")
        adjusted = _adjustment(case, scored.branches, (brca1, brca2, brca1 + brca2), notes)
        if not brca1.exact:
            return dataclasses.replace(adjusted, notes=(notes, age_note(case)))
        return adjusted
    return None


def _values(contributions: tuple[Contribution, ...]) -> ManchesterValues:
    totals = [Points(0, 0), Points(0, 0), Points(0, 0)]
    for contribution in contributions:
        for column in range(3):
            totals[column] = totals[column] + contribution.points[column]
    return ManchesterValues(*totals)


def manchester(inputs: ScoreInputs) -> ManchesterResult:
    """The Manchester score of the patient's family, per parental branch."""
    cases: list[Contribution] = []
    adjustments: list[Contribution] = []
    patient_affected = False
    for case in inputs.cases:
        member_of = inputs.branches.get(case.person_id)
        score = case_points(MANCHESTER_RULES, case, width=2)
        if not member_of or score is None:
            continue
        patient_affected = patient_affected or case.person_id == inputs.proband_id
        contribution = Contribution(
            person_id=case.person_id,
            branches=member_of,
            site=case.site,
            age=case.age,
            points=(*score.points, score.total),
            notes=case_notes(case, score),
            uncertain=score.uncertain,
        )
        cases.append(contribution)
        if case.site == "ovary":
            ovary_adjustment = _ovary_adjustment(case, contribution)
            if ovary_adjustment is not None:
                adjustments.append(ovary_adjustment)
    index_case = _index_breast_case(inputs)
    if index_case is not None:
        adjustments[:0] = _breast_adjustments(index_case)
    if inputs.proband_adopted:
        adjustments.insert(
            0,
            Contribution(
                person_id=inputs.proband_id,
                branches=BOTH,
                points=_points(ADOPTED_ADJUSTMENT),
                notes=(Phrase.of("adj_adopted"),),
                kind="adjustment",
            ),
        )
    threshold = MANCHESTER_THRESHOLD if patient_affected else MANCHESTER_UNAFFECTED_THRESHOLD
    adjusted = bool(adjustments)
    branches: list[ManchesterBranch] = []
    for branch in Branch:
        mine = tuple(c for c in cases if branch in c.branches)
        theirs = tuple(a for a in adjustments if branch in a.branches)
        plain = _values(mine)
        values = _values(mine + theirs) if adjusted else None
        scored = values or plain
        branches.append(
            ManchesterBranch(
                branch=branch,
                plain=plain,
                adjusted=values,
                status=scored.combined.status(threshold),
                contributions=mine + theirs,
            )
        )
    status = best_status(b.status for b in branches)
    return ManchesterResult(
        status=status,
        threshold=threshold,
        patient_affected=patient_affected,
        adjusted=adjusted,
        branches=tuple(branches),
        contributions=tuple(cases + adjustments),
        reading=_reading(branches, status, threshold, patient_affected),
        notes=context_notes(inputs),
    )


def _values_params(prefix: str, values: ManchesterValues) -> dict[str, object]:
    return {
        f"{prefix}brca1": values.brca1,
        f"{prefix}brca2": values.brca2,
        f"{prefix}combined": values.combined,
    }


def _reading(
    branches: list[ManchesterBranch], status: Status, threshold: int, patient_affected: bool
) -> tuple[Phrase, ...]:
    phrases: list[Phrase] = []
    for branch in branches:
        if branch.adjusted is None:
            phrases.append(
                Phrase.of(
                    "manchester_branch", branch=branch.branch, **_values_params("", branch.plain)
                )
            )
        else:
            phrases.append(
                Phrase.of(
                    "manchester_branch_adjusted",
                    branch=branch.branch,
                    **_values_params("", branch.plain),
                    **_values_params("adjusted_", branch.adjusted),
                )
            )
    if status == Status.MET:
        phrases.append(Phrase.of("manchester_met", threshold=threshold))
    elif status == Status.NOT_MET:
        phrases.append(Phrase.of("manchester_not_met", threshold=threshold))
    else:
        people = tuple(
            dict.fromkeys(
                c.person_id
                for b in branches
                if b.status == Status.UNCERTAIN
                for c in b.contributions
                if c.uncertain
            )
        )
        phrases.append(Phrase.of("manchester_uncertain", threshold=threshold, people=people))
    if not patient_affected:
        phrases.append(Phrase.of("manchester_unaffected", threshold=threshold))
    return tuple(phrases)
