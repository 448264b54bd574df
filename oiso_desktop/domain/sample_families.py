"""Fictitious families for the demo, the screenshots and the renderer tests.

Every family is built with the domain's own operations (``add_parents``,
``add_sibling``, ``add_child``, ``add_partner``...), as a user would enter it, and
passes ``family_checks.validate``. Names, ages and histories are invented. Living
people have an age at last news, the deceased a birth year and an age at death.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    new_family,
    set_partnership,
    update_person,
)

__all__ = [
    "SAMPLE_FAMILIES",
    "brca1_family",
    "brca2_family",
    "consanguineous_twins_family",
    "large_family",
    "lynch_family",
]


class _Builder:
    """Operations that answer the id of the person they create."""

    def __init__(self, sex: str, name: str, **fields: Any) -> None:
        self.family = new_family(sex=sex, name=name)
        self.set("p1", **fields)

    def _apply(self, after: Family) -> tuple[str, ...]:
        new = added_ids(self.family, after)
        self.family = after
        return new

    def parents(self, person_id: str) -> tuple[str, str]:
        father, mother = self._apply(add_parents(self.family, person_id))
        return father, mother

    def sibling(self, person_id: str, sex: str, twin: Zygosity | None = None, **fields: Any) -> str:
        new = self._apply(add_sibling(self.family, person_id, sex=sex, twin=twin))
        self.set(new[-1], **fields)
        return new[-1]

    def partner(self, person_id: str, **fields: Any) -> str:
        (new,) = self._apply(add_partner(self.family, person_id))
        self.set(new, **fields)
        return new

    def child(self, person_id: str, sex: str, partner: str | None = None, **fields: Any) -> str:
        new = self._apply(add_child(self.family, person_id, sex=sex, partner_id=partner))
        self.set(new[-1], **fields)
        return new[-1]

    def marry(self, a: str, b: str, *, consanguineous: bool = False) -> None:
        self.family = set_partnership(self.family, a, b, consanguineous=consanguineous)

    def set(self, person_id: str, **fields: Any) -> None:
        if not fields:
            return
        for key in ("age", "age_at_death"):
            if key in fields and not isinstance(fields[key], Age):
                fields[key] = Age.parse(fields[key])
        if "age_at_death" in fields:
            fields.setdefault("deceased", True)
        person = dataclasses.replace(self.family.person(person_id), **fields)
        self.family = update_person(self.family, person)


def _cancer(site: str, age: str | int, **fields: Any) -> Cancer:
    return Cancer(site=site, age=Age.parse(age), **fields)


def _test(
    gene: str, result: str = "N", *, test_type: str = "S", variant: str = ""
) -> GeneticResult:
    return GeneticResult(gene=gene, result=result, test_type=test_type, variant=variant)


def brca1_family() -> Family:
    """Breast and ovarian cancers on the mother's side; the proband carries a BRCA1 variant."""
    b = _Builder(
        sex="F",
        name="Claire",
        age="38",
        cancers=(_cancer("breast", 36, laterality="left", histology="ductal"),),
        genetic_results=(_test("BRCA1", "P", variant="c.5266dupC"),),
    )
    father, mother = b.parents("p1")
    b.set(father, age="67")
    b.set(mother, birth_year=1957, age_at_death="55", cancers=(_cancer("ovary", 52),))
    b.sibling("p1", "F", age="41", genetic_results=(_test("BRCA1", "P", test_type="T"),))
    b.sibling("p1", "M", age="33", genetic_results=(_test("BRCA1", "N", test_type="T"),))
    grandfather, grandmother = b.parents(mother)
    b.set(grandfather, birth_year=1928, age_at_death="81")
    b.set(grandmother, birth_year=1931, age_at_death="~70", cancers=(_cancer("breast", "~60"),))
    aunt = b.sibling(mother, "F", age="64", cancers=(_cancer("breast", 45),))
    b.sibling(mother, "M", age="61")
    cousin = b.child(aunt, "F", age="35")
    b.set(b.family.person(cousin).father_id or "", age="66")
    paternal_grandfather, paternal_grandmother = b.parents(father)
    b.set(paternal_grandfather, birth_year=1930, age_at_death="79", cancers=(_cancer("lung", 75),))
    b.set(paternal_grandmother, birth_year=1933, age_at_death="88")
    b.sibling(father, "M", age="70")
    b.child("p1", "F", age="9")
    b.child("p1", "M", age="6")
    return b.family


def brca2_family() -> Family:
    """A man with breast cancer and a BRCA2 variant; prostate and pancreas on his father's side."""
    b = _Builder(
        sex="M",
        name="Henri",
        age="63",
        cancers=(_cancer("breast", 61),),
        genetic_results=(_test("BRCA2", "P", variant="c.5946delT"),),
    )
    father, mother = b.parents("p1")
    b.set(father, birth_year=1934, age_at_death="68", cancers=(_cancer("pancreas", 67),))
    b.set(mother, birth_year=1937, age_at_death="86")
    b.sibling("p1", "M", age="66", cancers=(_cancer("prostate", 58),))
    b.sibling("p1", "F", age="59", genetic_results=(_test("BRCA2", "N", test_type="T"),))
    aunt = b.sibling(father, "F", birth_year=1931, age_at_death="49")
    b.set(aunt, cancers=(_cancer("ovary", 47),))
    grandfather, grandmother = b.family.parents_of(father)
    b.set(grandfather, birth_year=1905, age_at_death="71", cancers=(_cancer("prostate", 70),))
    b.set(grandmother, birth_year=1908, age_at_death="83")
    daughter = b.child("p1", "F", age="35", genetic_results=(_test("BRCA2", "P", test_type="T"),))
    b.set(b.family.person(daughter).mother_id or "", age="62", cancers=(_cancer("thyroid", 40),))
    b.child("p1", "M", age="31")
    b.child(daughter, "F", age="4")
    return b.family


def lynch_family() -> Family:
    """Colorectal and endometrial cancers over three generations; an MLH1 variant."""
    b = _Builder(
        sex="M",
        name="Julien",
        age="44",
        cancers=(_cancer("colorectal", 41),),
        genetic_results=(_test("MLH1", "P", variant="c.1852_1854del"),),
    )
    father, mother = b.parents("p1")
    b.set(father, birth_year=1950, age_at_death="56", cancers=(_cancer("colorectal", 48),))
    b.set(mother, age="72", cancers=(_cancer("breast", 68),))
    sister = b.sibling("p1", "F", age="47", cancers=(_cancer("endometrium", 46),))
    b.set(sister, genetic_results=(_test("MLH1", "P", test_type="T"),))
    b.sibling("p1", "M", age="39", genetic_results=(_test("MLH1", "N", test_type="T"),))
    grandfather, grandmother = b.parents(father)
    b.set(grandfather, birth_year=1922, age_at_death="~65", cancers=(_cancer("stomach", "~60"),))
    b.set(grandmother, birth_year=1925, age_at_death="91")
    aunt = b.sibling(
        father,
        "F",
        age="73",
        cancers=(_cancer("endometrium", 50), _cancer("colorectal", "~62")),
    )
    b.sibling(father, "M", age="70")
    cousin = b.child(aunt, "M", age="45", cancers=(_cancer("colorectal", 38),))
    b.set(cousin, genetic_results=(_test("MLH1", "VUS"),))
    b.child(aunt, "F", age="42")
    b.child("p1", "F", age="14")
    b.child("p1", "F", age="11")
    return b.family


def large_family() -> Family:
    """Forty people over four generations, both sides of the proband (a BRCA-like history)."""
    b = _Builder(sex="F", name="Sophie", age="45", cancers=(_cancer("breast", 43),))
    b.set("p1", genetic_results=(_test("BRCA1", "N"), _test("BRCA2", "N"), _test("PALB2", "N")))
    father, mother = b.parents("p1")
    b.set(father, age="74")
    b.set(mother, age="72", cancers=(_cancer("breast", 58),))
    brother = b.sibling("p1", "M", age="48")
    sister = b.sibling("p1", "F", age="41")
    b.child(brother, "M", age="20")
    b.child(brother, "F", age="17")
    b.child(sister, "F", age="12")
    b.child("p1", "M", age="16")
    b.child("p1", "F", age="13")
    pgf, pgm = b.parents(father)
    b.set(pgf, birth_year=1920, age_at_death="70", cancers=(_cancer("prostate", 68),))
    b.set(pgm, birth_year=1924, age_at_death="85")
    paternal_aunt = b.sibling(father, "F", age="76", cancers=(_cancer("ovary", 61),))
    paternal_uncle = b.sibling(father, "M", birth_year=1953, age_at_death="60")
    b.set(paternal_uncle, cancers=(_cancer("pancreas", 59),))
    b.child(paternal_aunt, "F", age="50")
    b.child(paternal_aunt, "M", age="47")
    b.child(paternal_uncle, "M", age="44")
    b.child(paternal_uncle, "F", age="40", cancers=(_cancer("breast", 39),))
    mgf, mgm = b.parents(mother)
    b.set(mgf, birth_year=1925, age_at_death="77", cancers=(_cancer("colorectal", 70),))
    b.set(mgm, birth_year=1927, age_at_death="~80", cancers=(_cancer("breast", "~50"),))
    maternal_aunt = b.sibling(mother, "F", age="69")
    b.sibling(mother, "M", age="66", cancers=(_cancer("melanoma", 55),))
    b.sibling(mother, "F", birth_year=1960, age_at_death="42", cancers=(_cancer("breast", 40),))
    cousin = b.child(maternal_aunt, "F", age="44")
    b.child(maternal_aunt, "M", age="40")
    b.child(cousin, "F", age="15")
    second_cousin = b.family.children_of(paternal_aunt)[0]
    b.child(second_cousin, "M", age="22")
    b.child(second_cousin, "F", age="19", cancers=(_cancer("sarcoma", 17),))
    maternal_uncle = b.family.siblings_of(mother)[1]
    b.child(maternal_uncle, "F", age="38")
    b.child(maternal_uncle, "M", age="36")
    b.child(maternal_uncle, "M", age="31")
    return b.family


def consanguineous_twins_family() -> Family:
    """First cousins who married; monozygotic and dizygotic twins; an adopted child."""
    b = _Builder(sex="F", name="Amina", age="29", cancers=(_cancer("breast", 28),))
    b.set("p1", genetic_results=(_test("PALB2", "P", variant="c.3113G>A"),))
    twin = b.sibling("p1", "F", twin=Zygosity.MZ, age="29")
    b.set(twin, genetic_results=(_test("PALB2", "P", test_type="T"),))
    b.sibling("p1", "M", age="34")
    b.sibling("p1", "F", age="24", adoption=Adoption.IN)
    father = b.family.person("p1").father_id or ""
    mother = b.family.person("p1").mother_id or ""
    b.set(father, age="63")
    b.set(mother, age="60", cancers=(_cancer("breast", 51),))
    paternal_grandfather, paternal_grandmother = b.parents(father)
    b.set(paternal_grandfather, birth_year=1930, age_at_death="80")
    b.set(paternal_grandmother, birth_year=1934, age_at_death="75")
    # The two mothers of the cousins are sisters: the mother's mother is the father's aunt.
    maternal_grandfather, maternal_grandmother = b.parents(mother)
    b.set(maternal_grandfather, birth_year=1931, age_at_death="70")
    b.set(maternal_grandmother, birth_year=1936, age_at_death="62")
    b.set(maternal_grandmother, cancers=(_cancer("ovary", 60),))
    great_grandfather, great_grandmother = b.parents(paternal_grandmother)
    b.set(great_grandfather, birth_year=1905, age_at_death="70")
    b.set(great_grandmother, birth_year=1908, age_at_death="81")
    # The maternal grandmother is the paternal grandmother's sister.
    b.family = _make_sibling(b.family, maternal_grandmother, paternal_grandmother)
    b.marry(father, mother, consanguineous=True)
    b.sibling(father, "M", twin=Zygosity.DZ, age="63")
    b.sibling(father, "F", age="58", cancers=(_cancer("breast", 55),))
    return b.family


def _make_sibling(family: Family, person_id: str, sibling_id: str) -> Family:
    """Give ``person_id`` the parents of ``sibling_id`` (people entered separately)."""
    sibling = family.person(sibling_id)
    person = dataclasses.replace(
        family.person(person_id), father_id=sibling.father_id, mother_id=sibling.mother_id
    )
    return update_person(family, person)


SAMPLE_FAMILIES: Mapping[str, tuple[str, Callable[[], Family]]] = {
    "brca1": ("Famille BRCA1 (sein et ovaire, côté maternel)", brca1_family),
    "brca2": ("Famille BRCA2 (cancer du sein masculin)", brca2_family),
    "lynch": ("Famille Lynch (MLH1)", lynch_family),
    "large": ("Grande famille (40 personnes)", large_family),
    "consanguineous_twins": ("Famille consanguine avec jumeaux", consanguineous_twins_family),
}
