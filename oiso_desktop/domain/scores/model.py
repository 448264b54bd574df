"""What the scores share: uncertain points, statuses, phrases, age bands, contributions.

**Uncertain ages and sexes.** An age is kept as entered (:class:`~oiso_desktop.domain.
family.Age`): exact ("45"), approximate ("~45": 40 to 50; "40-49"; "< 50") or unknown
(0 to 125). A case scores the points of every age band its range meets: when they
differ, the case gives a range of points (:class:`Points` ``low``..``high``) and is
marked uncertain; a relative of unknown sex with a breast cancer scores as a woman
or as a man likewise. Totals add the lows and the highs, and a threshold is
:attr:`Status.MET` only when even the lowest total reaches it,
:attr:`Status.NOT_MET` when even the highest does not, :attr:`Status.UNCERTAIN`
otherwise: the reading then names the people whose age (or sex) decides. A score
never rounds an uncertain age into a certain answer.

**Phrases.** Readings and reasons are :class:`Phrase` objects (a code and its
parameters), not sentences: the domain renders them in French
(``domain.scores.phrases.french``), the interface in its own language from the
same codes (``gui/score_texts.py``), as error codes are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from oiso_desktop.domain.family import MAX_AGE, Age, Receptors
from oiso_desktop.domain.scores.kinship import Branch

__all__ = [
    "AgeBand",
    "Case",
    "Contribution",
    "Phrase",
    "Points",
    "Status",
    "age_bounds",
    "band_of",
    "bands_met",
    "before",
    "best_status",
]


class Status(StrEnum):
    """Whether a threshold (or a set of criteria) is reached."""

    MET = "met"
    UNCERTAIN = "uncertain"  # depends on an imprecise age or sex, or on a check to make
    NOT_MET = "not_met"


_STATUS_RANK = {Status.NOT_MET: 0, Status.UNCERTAIN: 1, Status.MET: 2}


def best_status(statuses: Iterable[Status]) -> Status:
    """MET if any is met, else UNCERTAIN if any is, else NOT_MET."""
    return max(statuses, key=_STATUS_RANK.__getitem__, default=Status.NOT_MET)


@dataclass(frozen=True)
class Points:
    """A number of points, or the range it lies in when an age or a sex is imprecise."""

    low: int
    high: int

    @classmethod
    def exactly(cls, value: int) -> Points:
        return cls(value, value)

    @classmethod
    def spanning(cls, values: Iterable[int]) -> Points:
        found = list(values)
        return cls(min(found), max(found))

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __add__(self, other: Points) -> Points:
        return Points(self.low + other.low, self.high + other.high)

    def status(self, threshold: int) -> Status:
        if self.low >= threshold:
            return Status.MET
        if self.high < threshold:
            return Status.NOT_MET
        return Status.UNCERTAIN

    def __str__(self) -> str:
        """ "3", "1–3" (an en dash between the bounds), "−2" (a true minus sign)."""
        return _number(self.low) if self.exact else f"{_number(self.low)}–{_number(self.high)}"

    def signed(self) -> str:
        """With its sign: "+2", "−6", "0", "0–+2"."""
        if self.exact:
            return _signed(self.low)
        return f"{_signed(self.low)}–{_signed(self.high)}"


ZERO = Points(0, 0)


def _number(value: int) -> str:
    return f"−{-value}" if value < 0 else str(value)


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else _number(value)


ParamValue = object  # str, int, Points, Branch, Age, Phrase, tuple of ids or of Phrases


@dataclass(frozen=True)
class Phrase:
    """A sentence or a reason, as a code and its parameters.

    Parameter names say how a renderer shows them: ``person`` (a person id: their
    name and relationship), ``people`` (ids), ``branch`` (:class:`Branch`),
    ``site`` (a cancer site code), ``age`` (:class:`Age`), ``histology`` and ``msi``
    (codes), ``items`` (phrases, listed), any other: a number, points or a nested
    phrase, shown as such.
    """

    code: str
    params: tuple[tuple[str, ParamValue], ...] = ()

    @classmethod
    def of(cls, code: str, **params: ParamValue) -> Phrase:
        return cls(code, tuple(params.items()))

    def param(self, name: str) -> ParamValue:
        return dict(self.params)[name]


# --- ages -----------------------------------------------------------------------------


def age_bounds(age: Age) -> tuple[int, int]:
    """The ages the true age may be: (low, high); an unknown age spans 0..MAX_AGE."""
    low = age.low if age.low is not None else 0
    high = age.high if age.high is not None else MAX_AGE
    return low, high


@dataclass(frozen=True)
class AgeBand:
    """Ages ``low`` to ``high`` (both included) and the points a case scores there."""

    low: int
    high: int
    points: tuple[int, ...]

    def meets(self, low: int, high: int) -> bool:
        return self.low <= high and low <= self.high


def bands_met(bands: Iterable[AgeBand], age: Age) -> list[AgeBand]:
    """The bands an age (as entered) may fall in: one for an exact age, several otherwise."""
    low, high = age_bounds(age)
    return [band for band in bands if band.meets(low, high)]


def band_of(bands: Iterable[AgeBand], years: int) -> AgeBand:
    """The band of an exact age (the tables cover 0..MAX_AGE: tested)."""
    return next(band for band in bands if band.low <= years <= band.high)


def before(limit: int, age: Age) -> Status:
    """Diagnosed before ``limit`` years: MET surely, UNCERTAIN possibly, NOT_MET surely not."""
    low, high = age_bounds(age)
    if high < limit:
        return Status.MET
    if low < limit:
        return Status.UNCERTAIN
    return Status.NOT_MET


# --- cases and contributions ------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Case:
    """One cancer of one person, as the scores read it.

    The patient's come from the personal history (pathology, MSI status); a
    relative's from the family. ``sex``: the person's ("F", "M" or "U").
    """

    person_id: str
    sex: str
    site: str
    age: Age = Age()
    histology: str = ""
    grade: int | None = None
    receptors: Receptors = Receptors()
    confirmed: bool = False
    msi: str = ""
    ihc: str = ""


@dataclass(frozen=True, kw_only=True)
class Contribution:
    """Why a person counts in a score: the cancer (or the variant) and its points.

    ``points``: one value (Eisinger) or BRCA1 and BRCA2 (Manchester); empty for
    criteria (Amsterdam, Bethesda). ``notes``: the reasons and caveats, as phrases.
    ``uncertain``: the person's age or sex makes the points (or a criterion) imprecise.
    """

    person_id: str
    branches: frozenset[Branch] = frozenset()
    site: str = ""
    age: Age = Age()
    points: tuple[Points, ...] = ()
    notes: tuple[Phrase, ...] = ()
    uncertain: bool = False
    kind: str = "case"  # "case", "variant", "adjustment" (Manchester 2017), "criterion"
