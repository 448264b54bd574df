"""Biological kinship for the scores: parental branches, degrees and generations.

The scores count blood relatives only, so the walk up a pedigree follows the
biological parents: a person adopted *into* the family (``Adoption.IN``, the
adoptive parents drawn) has none there, and neither do their descendants
through them. A person adopted *out* (the biological parents drawn) keeps them.

**Branches.** The paternal branch is the father and every biological relative
who descends from one of the father's ancestors (the father included); the
maternal branch likewise. The proband, their full siblings and the proband's
descendants belong to both; a half-sibling to the branch of the parent they
share. A person related through both parents (consanguinity) is in both.
Partners who are not blood relatives belong to none: the scores ignore them.

**Degree** between two people: 1 for parent, child and full sibling; 2 for
grandparent, grandchild, aunt/uncle, niece/nephew and half-sibling; 3 for first
cousins... (lineal: the number of generations between them; collateral: the
steps up and down through the closest common couple, minus one when both
members of the couple are common ancestors, i.e. a full relationship).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property

from oiso_desktop.domain.family import Adoption, Family, Person

__all__ = ["BOTH", "Branch", "Kinship", "biological_parents"]


class Branch(StrEnum):
    PATERNAL = "paternal"
    MATERNAL = "maternal"


BOTH = frozenset({Branch.PATERNAL, Branch.MATERNAL})
NONE: frozenset[Branch] = frozenset()


def biological_parents(person: Person) -> tuple[str, ...]:
    """The parents through whom the person is related by blood (none if adopted in)."""
    if person.adoption == Adoption.IN:
        return ()
    return tuple(p for p in (person.father_id, person.mother_id) if p is not None)


class Kinship:
    """Kinship questions about one family, answered from cached ancestor tables.

    ``proband_id``: the person the branches are seen from (the family's proband
    by default); ``None`` when the family has none: nobody then has a branch.
    """

    def __init__(self, family: Family, proband_id: str | None = None) -> None:
        self.family = family
        if proband_id is None and family.proband is not None:
            proband_id = family.proband.id
        self.proband_id = proband_id
        self._ancestors: dict[str, dict[str, int]] = {}

    def ancestors(self, person_id: str) -> dict[str, int]:
        """Biological ancestors -> generations up (the person at 0). Cached; loops stop."""
        found = self._ancestors.get(person_id)
        if found is not None:
            return found
        found = {person_id: 0}
        frontier = [person_id]
        depth = 0
        while frontier:
            depth += 1
            following: list[str] = []
            for current in frontier:
                person = self.family.get(current)
                if person is None:
                    continue
                for parent in biological_parents(person):
                    if parent not in found and self.family.get(parent) is not None:
                        found[parent] = depth
                        following.append(parent)
            frontier = following
        self._ancestors[person_id] = found
        return found

    @cached_property
    def _branch_roots(self) -> dict[Branch, frozenset[str]]:
        if self.proband_id is None or self.family.get(self.proband_id) is None:
            return {Branch.PATERNAL: frozenset(), Branch.MATERNAL: frozenset()}
        proband = self.family.person(self.proband_id)
        roots: dict[Branch, frozenset[str]] = {}
        for branch, parent in (
            (Branch.PATERNAL, proband.father_id),
            (Branch.MATERNAL, proband.mother_id),
        ):
            if parent is None or proband.adoption == Adoption.IN or self.family.get(parent) is None:
                roots[branch] = frozenset()
            else:
                roots[branch] = frozenset(self.ancestors(parent))
        return roots

    def branches_of(self, person_id: str) -> frozenset[Branch]:
        """The proband's parental branches the person belongs to (see the module docstring)."""
        if self.proband_id is None or self.family.get(person_id) is None:
            return NONE
        mine = self.ancestors(person_id)
        if self.proband_id in mine:  # the proband and their descendants
            return BOTH
        return frozenset(
            branch for branch, roots in self._branch_roots.items() if not roots.isdisjoint(mine)
        )

    def is_blood_relative(self, person_id: str) -> bool:
        return bool(self.branches_of(person_id))

    def degree(self, a: str, b: str) -> int | None:
        """Degree of relationship between two people (None: not related by blood; 0: same)."""
        if a == b:
            return 0
        mine = self.ancestors(a)
        theirs = self.ancestors(b)
        if b in mine:
            return mine[b]
        if a in theirs:
            return theirs[a]
        best: int | None = None
        closest: list[str] = []
        for ancestor, up in mine.items():
            down = theirs.get(ancestor)
            if down is None:
                continue
            total = up + down
            if best is None or total < best:
                best, closest = total, [ancestor]
            elif total == best:
                closest.append(ancestor)
        if best is None:
            return None
        full = any(
            other in closest for ancestor in closest for other in self.family.partners_of(ancestor)
        )
        return best - 1 if full else best

    def generation(self, person_id: str) -> int | None:
        """Generations below the proband (parents -1, siblings and cousins 0, children +1);
        None for someone not related by blood to the proband."""
        if self.proband_id is None:
            return None
        mine = self.ancestors(self.proband_id)
        theirs = self.ancestors(person_id)
        best: tuple[int, int] | None = None
        for ancestor, up in mine.items():
            down = theirs.get(ancestor)
            if down is None:
                continue
            if best is None or up + down < best[0] + best[1]:
                best = (up, down)
        if best is None:
            return None
        return best[1] - best[0]
