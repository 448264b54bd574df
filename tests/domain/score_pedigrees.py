"""A small builder of hand-worked pedigrees for the score tests.

Families are grown with the domain's own operations (``add_parents``,
``add_sibling``, ``add_child``, ``add_partner``, ``update_person``), as a user
enters them; each helper answers the id of the person it creates. The proband is
"p1" (the patient).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Receptors,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    new_family,
    update_person,
)
from oiso_desktop.domain.family_checks import validate
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
from oiso_desktop.domain.scores import Scores, compute_scores, french

TODAY = dt.date(2025, 6, 1)

__all__ = [
    "TODAY",
    "Adoption",
    "Pedigree",
    "Receptors",
    "history_cancer",
    "texts",
]


class Pedigree:
    """A family under construction around the proband "p1"."""

    def __init__(self, sex: str = "F", **fields: Any) -> None:
        self.family = new_family(sex=sex, name="Index")
        self.sex = sex
        self.set("p1", **fields)

    def _apply(self, after: Family) -> tuple[str, ...]:
        new = added_ids(self.family, after)
        self.family = after
        return new

    def parents(self, person_id: str = "p1") -> tuple[str, str]:
        father, mother = self._apply(add_parents(self.family, person_id))
        return father, mother

    def sibling(self, person_id: str, sex: str, **fields: Any) -> str:
        new = self._apply(add_sibling(self.family, person_id, sex=sex))[-1]
        self.set(new, **fields)
        return new

    def child(self, person_id: str, sex: str, partner: str | None = None, **fields: Any) -> str:
        new = self._apply(add_child(self.family, person_id, sex=sex, partner_id=partner))[-1]
        self.set(new, **fields)
        return new

    def partner(self, person_id: str, **fields: Any) -> str:
        (new,) = self._apply(add_partner(self.family, person_id))
        self.set(new, **fields)
        return new

    def set(self, person_id: str, **fields: Any) -> None:
        if fields:
            person = dataclasses.replace(self.family.person(person_id), **fields)
            self.family = update_person(self.family, person)

    def cancer(self, person_id: str, site: str, age: str | int, **fields: Any) -> None:
        """Add a cancer (``age`` as typed: 45, "~45", "40-49", "inconnu")."""
        person = self.family.person(person_id)
        added = Cancer(site=site, age=Age.parse(age), **fields)
        self.set(person_id, cancers=(*person.cancers, added))

    def result(self, person_id: str, gene: str, result: str = "P") -> None:
        person = self.family.person(person_id)
        added = GeneticResult(gene=gene, result=result)
        self.set(person_id, genetic_results=(*person.genetic_results, added))

    def scores(
        self,
        history: PersonalHistory | None = None,
        *,
        variant_genes: tuple[str, ...] = (),
        birth_date: dt.date = dt.date(1975, 3, 1),
    ) -> Scores:
        """The scores of the family; a history given replaces the proband's family cancers
        for its sites (the history is the patient's own record)."""
        return compute_scores(
            history or PersonalHistory(),
            self.family,
            birth_date=birth_date,
            sex=self.sex,
            variant_genes=variant_genes,
        )

    def check(self) -> None:
        """The family passes the domain's checks (a pedigree a user could save)."""
        problems = [p for p in validate(self.family, TODAY) if p.code != "family_age_above_current"]
        assert problems == [], [str(p) for p in problems]


def history_cancer(site: str, age: int | str, **fields: Any) -> HistoryCancer:
    return HistoryCancer(site=site, age=Age.parse(age), **fields)


def texts(phrases: Any, family: Family) -> list[str]:
    return [french(phrase, family) for phrase in phrases]
