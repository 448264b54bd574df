"""The key facts of a family at a glance: what the patient list shows clinical roles.

Derived from the family form, never typed: how many relatives are entered, how
many of them had a cancer, and which genes carry a pathogenic variant somewhere
in the family. Pure; the services decide who may see them.
"""

from __future__ import annotations

from dataclasses import dataclass

from oiso_desktop.domain.family import Family
from oiso_desktop.domain.pedigree_drawing import PATHOGENIC_RESULTS

__all__ = ["FamilyKeyFacts", "family_key_facts"]


@dataclass(frozen=True)
class FamilyKeyFacts:
    """The proband's family in three numbers and a few gene names."""

    relatives: int  # people entered besides the proband
    affected_relatives: int  # relatives with at least one cancer
    variant_genes: tuple[str, ...] = ()  # genes with a pathogenic result (P, HET, HOM: the
    # pedigree's carrier dot), anyone's, sorted

    @property
    def variant_recorded(self) -> bool:
        return bool(self.variant_genes)


def family_key_facts(family: Family) -> FamilyKeyFacts:
    """The key facts of ``family`` (the proband is not counted among the relatives)."""
    relatives = [person for person in family.people if not person.proband]
    genes = {
        result.gene.strip().upper()
        for person in family.people
        for result in person.genetic_results
        if result.result in PATHOGENIC_RESULTS and result.gene.strip()
    }
    return FamilyKeyFacts(
        relatives=len(relatives),
        affected_relatives=sum(1 for person in relatives if person.cancers),
        variant_genes=tuple(sorted(genes)),
    )
