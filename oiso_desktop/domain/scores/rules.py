"""Point tables as data: a rule gives, for cancers of some sites in people of some
sexes, the points of each age band. Eisinger and Manchester are such tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from oiso_desktop.domain.scores.model import AgeBand, Case, Phrase, Points, age_bounds, bands_met

__all__ = ["BREAST_SITES", "CaseRule", "CaseScore", "case_notes", "case_points"]

BREAST_SITES = frozenset({"breast", "contralateral_breast"})


@dataclass(frozen=True)
class CaseRule:
    """Cancers of ``sites`` in people of ``sexes`` ("F", "M") score by ``bands``."""

    sites: frozenset[str]
    sexes: frozenset[str]
    bands: tuple[AgeBand, ...]


@dataclass(frozen=True)
class CaseScore:
    """The points of one case: one value per column of the table, and their sum."""

    points: tuple[Points, ...]
    total: Points
    uncertain_age: bool
    uncertain_sex: bool

    @property
    def uncertain(self) -> bool:
        return self.uncertain_age or self.uncertain_sex


def _rule(rules: Iterable[CaseRule], site: str, sex: str) -> CaseRule | None:
    return next((r for r in rules if site in r.sites and sex in r.sexes), None)


def case_points(rules: Iterable[CaseRule], case: Case, *, width: int) -> CaseScore | None:
    """The points of ``case`` (None: no rule counts its site, whatever the sex).

    Every band the age may fall in, for every sex the person may be, is a
    possibility; each column's points span the possibilities.
    """
    rules = tuple(rules)
    sexes = (case.sex,) if case.sex in ("F", "M") else ("F", "M")
    per_sex: dict[str, set[tuple[int, ...]]] = {}
    for sex in sexes:
        rule = _rule(rules, case.site, sex)
        if rule is None:
            per_sex[sex] = {(0,) * width}
        else:
            per_sex[sex] = {band.points for band in bands_met(rule.bands, case.age)}
    if all(_rule(rules, case.site, sex) is None for sex in sexes):
        return None
    possible = set().union(*per_sex.values())
    return CaseScore(
        points=tuple(Points.spanning(p[i] for p in possible) for i in range(width)),
        total=Points.spanning(sum(p) for p in possible),
        uncertain_age=any(len(found) > 1 for found in per_sex.values()),
        uncertain_sex=len({frozenset(found) for found in per_sex.values()}) > 1,
    )


def case_notes(case: Case, score: CaseScore | None = None) -> tuple[Phrase, ...]:
    """What to say about a case besides its site and age: a man's breast cancer, an
    imprecise age or an unknown sex that makes its points a range."""
    notes: list[Phrase] = []
    if case.site in BREAST_SITES and case.sex == "M":
        notes.append(Phrase.of("male_breast"))
    if score is not None and score.uncertain_age:
        notes.append(age_note(case))
    if score is not None and score.uncertain_sex:
        notes.append(Phrase.of("sex_unknown"))
    return tuple(notes)


def age_note(case: Case) -> Phrase:
    """ "Age unknown", or "imprecise age (between 55 and 65)"."""
    if not case.age.known:
        return Phrase.of("age_unknown")
    low, high = age_bounds(case.age)
    return Phrase.of("age_imprecise", low=low, high=high)
