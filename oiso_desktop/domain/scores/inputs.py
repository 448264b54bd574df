"""The inputs of the scores, gathered once: every cancer as a :class:`Case`, the
carriers of pathogenic variants, the kinship of the family.

**The patient is the proband.** Their cancers are those of the personal history
(with its pathology and MSI status; an age missing there is computed from the
diagnosis date and the birth date). The proband's cancers typed in the family
are added only for the sites the history does not hold, so that a cancer entered
in both places counts once. The patient's sex is the identity's (``"I"``,
indeterminate, reads as unknown).

**Variants.** A person carries a pathogenic variant of a gene when the family
records a ``P``, ``HET`` or ``HOM`` result for it (the pedigree's carrier mark;
never a VUS), and the patient when ``variant_genes`` names it (the genetics tab's
class 4 and 5 variants).

A family without exactly one proband cannot be read around the patient: the
scores then count the personal history alone, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from oiso_desktop.domain.family import Adoption, Age, Family, Person
from oiso_desktop.domain.pedigree_drawing import PATHOGENIC_RESULTS
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory, age_on
from oiso_desktop.domain.scores.kinship import Branch, Kinship
from oiso_desktop.domain.scores.model import Case, Phrase

__all__ = ["PATIENT_ALONE_ID", "ScoreInputs", "context_notes", "score_inputs"]

#: The patient's id when the family has no single proband (the scores then read the
#: personal history alone).
PATIENT_ALONE_ID = "patient"

_IDENTITY_SEXES = {"F": "F", "M": "M"}


@dataclass(frozen=True)
class ScoreInputs:
    """Everything the four scores read, prepared once (see the module docstring)."""

    family: Family
    proband_id: str
    cases: tuple[Case, ...]
    carriers: Mapping[str, frozenset[str]]  # person id -> genes with a pathogenic variant
    family_read: bool  # False: no single proband, the personal history alone

    @cached_property
    def kinship(self) -> Kinship:
        return Kinship(self.family, self.proband_id)

    @cached_property
    def order(self) -> dict[str, int]:
        """Person id -> place in the family (lists of people follow it)."""
        return {person_id: index for index, person_id in enumerate(self.family.ids)}

    @cached_property
    def cases_by_person(self) -> dict[str, tuple[Case, ...]]:
        grouped: dict[str, list[Case]] = {}
        for case in self.cases:
            grouped.setdefault(case.person_id, []).append(case)
        return {person_id: tuple(cases) for person_id, cases in grouped.items()}

    @cached_property
    def branches(self) -> dict[str, frozenset[Branch]]:
        """Branches of every person with a case or a variant (blood relatives only)."""
        ids = {case.person_id for case in self.cases} | set(self.carriers)
        return {person_id: self.kinship.branches_of(person_id) for person_id in ids}

    @property
    def proband(self) -> Person:
        return self.family.person(self.proband_id)

    @property
    def proband_adopted(self) -> bool:
        return self.family_read and self.proband.adoption == Adoption.IN

    def person_cases(self, person_id: str) -> tuple[Case, ...]:
        return self.cases_by_person.get(person_id, ())


def _history_age(cancer: HistoryCancer, birth_date: dt.date | None) -> Age:
    if cancer.age.known or cancer.diagnosis_date is None or birth_date is None:
        return cancer.age
    if cancer.diagnosis_date < birth_date:
        return cancer.age
    return Age.exact(age_on(birth_date, cancer.diagnosis_date))


def score_inputs(
    history: PersonalHistory,
    family: Family,
    *,
    birth_date: dt.date | None,
    sex: str,
    variant_genes: Iterable[str] = (),
) -> ScoreInputs:
    """Gather the cases and carriers of the patient's file (see the module docstring)."""
    patient_sex = _IDENTITY_SEXES.get(sex, "U")
    proband = family.proband
    family_read = proband is not None
    if proband is None:
        proband = Person(id=PATIENT_ALONE_ID, sex=patient_sex, proband=True)
        family = Family(people=(proband,))
    proband_id = proband.id
    cases: list[Case] = []
    history_sites: set[str] = set()
    for own in history.cancers:
        history_sites.add(own.site)
        cases.append(
            Case(
                person_id=proband_id,
                sex=patient_sex,
                site=own.site,
                age=_history_age(own, birth_date),
                histology=own.histology,
                grade=own.grade,
                receptors=own.receptors,
                confirmed=own.confirmed,
                msi=own.msi,
                ihc=own.ihc,
            )
        )
    carriers: dict[str, set[str]] = {}
    for person in family.people:
        is_proband = person.id == proband_id
        person_sex = patient_sex if is_proband else person.sex
        for cancer in person.cancers:
            if is_proband and cancer.site in history_sites:
                continue  # the same cancer, entered in the history too
            cases.append(
                Case(
                    person_id=person.id,
                    sex=person_sex,
                    site=cancer.site,
                    age=cancer.age,
                    histology=cancer.histology,
                    grade=cancer.grade,
                    receptors=cancer.receptors,
                    confirmed=cancer.confirmed,
                )
            )
        for result in person.genetic_results:
            gene = result.gene.strip().upper()
            if gene and result.result in PATHOGENIC_RESULTS:
                carriers.setdefault(person.id, set()).add(gene)
    for gene in variant_genes:
        if gene.strip():
            carriers.setdefault(proband_id, set()).add(gene.strip().upper())
    return ScoreInputs(
        family=family,
        proband_id=proband_id,
        cases=tuple(cases),
        carriers={person_id: frozenset(genes) for person_id, genes in carriers.items()},
        family_read=family_read,
    )


def context_notes(inputs: ScoreInputs) -> tuple[Phrase, ...]:
    """What every score says about how the family was read."""
    if not inputs.family_read:
        return (Phrase.of("no_proband"),)
    if inputs.proband_adopted:
        return (Phrase.of("proband_adopted"),)
    return ()
