"""Testing-indication scores (REFERENCE.md "Testing-indication scores"; DESIGN.md §4).

Pure functions of the patient's personal history, identity (birth date, sex) and
family, and of the genetic results: :func:`compute_scores` gathers the inputs once
(``inputs``) and returns the four scores, each with its status against its
threshold, the contributing relatives (person ids, with their reasons as
:class:`Phrase` objects) and a reading (phrases; :func:`~oiso_desktop.domain.
scores.phrases.french` renders them in French). The point tables, age bands and
tumour spectra are data at the top of each module.

* :mod:`.eisinger` — Eisinger, per parental branch;
* :mod:`.manchester` — Manchester BRCA1 / BRCA2 / combined, with and without the
  2017 pathology adjustments;
* :mod:`.amsterdam` — Amsterdam II;
* :mod:`.bethesda` — revised Bethesda, with its own tumour spectrum.

How imprecise ages and unknown sexes are read: ``model`` (ranges of points and an
uncertain status, never a guess); who belongs to which branch: ``kinship``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from oiso_desktop.domain.family import Family
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores.amsterdam import AmsterdamCriterion, AmsterdamResult, amsterdam_ii
from oiso_desktop.domain.scores.bethesda import BethesdaResult, revised_bethesda
from oiso_desktop.domain.scores.eisinger import EisingerResult, eisinger
from oiso_desktop.domain.scores.inputs import ScoreInputs, score_inputs
from oiso_desktop.domain.scores.kinship import Branch, Kinship
from oiso_desktop.domain.scores.manchester import ManchesterResult, manchester
from oiso_desktop.domain.scores.model import Contribution, Phrase, Points, Status
from oiso_desktop.domain.scores.phrases import french

__all__ = [
    "AmsterdamCriterion",
    "AmsterdamResult",
    "BethesdaResult",
    "Branch",
    "Contribution",
    "EisingerResult",
    "Kinship",
    "ManchesterResult",
    "Phrase",
    "Points",
    "ScoreInputs",
    "Scores",
    "Status",
    "compute_scores",
    "french",
    "score_inputs",
]


@dataclass(frozen=True)
class Scores:
    """The four scores of one file, computed together."""

    inputs: ScoreInputs
    eisinger: EisingerResult
    manchester: ManchesterResult
    amsterdam: AmsterdamResult
    bethesda: BethesdaResult

    @property
    def family(self) -> Family:
        """The family the person ids refer to."""
        return self.inputs.family


def compute_scores(
    history: PersonalHistory,
    family: Family,
    *,
    birth_date: dt.date | None,
    sex: str,
    variant_genes: Iterable[str] = (),
) -> Scores:
    """Every score of the patient's file.

    ``sex``: the identity's ("F", "M", "I"); ``variant_genes``: genes in which the
    patient carries a pathogenic variant besides those recorded in the family (the
    genetics tab's class 4 and 5 variants).
    """
    inputs = score_inputs(
        history, family, birth_date=birth_date, sex=sex, variant_genes=variant_genes
    )
    return Scores(
        inputs=inputs,
        eisinger=eisinger(inputs),
        manchester=manchester(inputs),
        amsterdam=amsterdam_ii(inputs),
        bethesda=revised_bethesda(inputs),
    )
