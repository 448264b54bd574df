"""Random but realistic families for the property tests (layout, CanRisk round trip).

A family is grown from a proband by the model's own operations (add parents,
siblings, twins, children, partners, and now and then a marriage between
relatives of the same generation), driven by a list of integers drawn from a seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from hypothesis import strategies as st

from oiso_desktop.domain.family import (
    MAX_FAMILY_SIZE,
    Family,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    new_family,
)
from oiso_desktop.domain.relationships import blood_relation

OPERATIONS = 7


def grow_family(steps: Sequence[tuple[int, int, int]], *, size: int = MAX_FAMILY_SIZE) -> Family:
    """Apply ``steps`` (operation, who, detail) to a one-person family, up to ``size`` people."""
    family = new_family(sex="F")
    for operation, who, detail in steps:
        if len(family.people) >= size:
            break
        people = family.people
        person = people[who % len(people)]
        op = operation % OPERATIONS
        try:
            if op == 0 and not person.has_parents and len(people) + 2 <= size:
                family = add_parents(family, person.id)
            elif op in (1, 2) and len(people) + 3 <= size:
                twin = None
                if detail % 9 == 0:
                    twin = Zygosity.MZ if detail % 2 else Zygosity.DZ
                family = add_sibling(family, person.id, sex="FM"[detail % 2], twin=twin)
            elif op in (3, 4) and person.sex in "FM" and len(people) + 2 <= size:
                partners = family.partners_of(person.id)
                partner = partners[detail % len(partners)] if partners else None
                if partner is not None and family.person(partner).sex == person.sex:
                    continue
                family = add_child(family, person.id, sex="FM"[detail % 2], partner_id=partner)
            elif op == 5:
                family = add_partner(family, person.id)
            elif op == 6 and detail % 5 == 0:
                family = _marry_relatives(family, person.id, detail)
        except ValueError:
            continue
    return family


def _marry_relatives(family: Family, person_id: str, detail: int) -> Family:
    """A partnership with another person of the same generation (cousins, or in-laws)."""
    person = family.person(person_id)
    if person.sex not in "FM":
        return family
    proband_side = blood_relation(family, person_id)
    candidates = [
        other.id
        for other in family.people
        if other.id != person_id
        and other.sex == {"F": "M", "M": "F"}[person.sex]
        and family.partnership(person_id, other.id) is None
        and (relation := blood_relation(family, other.id)) is not None
        and proband_side is not None
        and relation[0] - relation[1] == proband_side[0] - proband_side[1]
        and other.id not in family.siblings_of(person_id)
        and other.id not in family.parents_of(person_id)
    ]
    if not candidates:
        return family
    return add_partner(
        family, person_id, partner_id=candidates[detail % len(candidates)], consanguineous=True
    )


def random_steps(seed: int, count: int) -> list[tuple[int, int, int]]:
    chooser = random.Random(seed)
    return [
        (chooser.randrange(OPERATIONS), chooser.randrange(10_000), chooser.randrange(10_000))
        for _ in range(count)
    ]


@st.composite
def families(draw: st.DrawFn, max_size: int = MAX_FAMILY_SIZE) -> Family:
    """Families of 1 to ``max_size`` people, of every size (a seed drives the growth)."""
    size = draw(st.integers(1, max_size))
    seed = draw(st.integers(0, 2**32 - 1))
    return grow_family(random_steps(seed, 5 * size + 10), size=size)
