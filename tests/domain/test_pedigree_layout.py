"""Pedigree layout: generations, sibships, partners, twins, consanguinity; never overlapping."""

from __future__ import annotations

import dataclasses
import random
import sys
from datetime import date

from hypothesis import HealthCheck, example, given, settings

from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Family,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.family_checks import validate
from oiso_desktop.domain.pedigree_layout import GAP, Layout, layout, roman
from tests.domain.family_builders import families, grow_family, random_steps

TODAY = date(2025, 6, 1)


def check_layout(family: Family, placed: Layout) -> None:
    """Everyone placed; no two symbols of a row closer than GAP; sibship lines disjoint."""
    assert set(placed.people) == set(family.ids)
    assert sorted(p for row in placed.generations for p in row) == sorted(family.ids)
    for generation, row in enumerate(placed.generations):
        xs = [placed.people[p].x for p in row]
        assert all(placed.people[p].generation == generation for p in row)
        assert all(b - a >= GAP - 1e-9 for a, b in zip(xs, xs[1:], strict=False)), row
    levels: dict[float, list[tuple[float, float]]] = {}
    for sibship in placed.sibships:
        assert sibship.x_left - 1e-9 <= sibship.descent_x <= sibship.x_right + 1e-9
        for child in sibship.children:
            assert sibship.x_left - 1e-9 <= placed.people[child].x <= sibship.x_right + 1e-9
        levels.setdefault(sibship.y, []).append((sibship.x_left, sibship.x_right))
    for spans in levels.values():
        spans.sort()
        for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
            assert left > right, spans  # lines of one level never touch nor cross
    assert min((p.x for p in placed.people.values()), default=0.0) == 0.0


def _family() -> Family:
    family = add_parents(new_family(sex="F", name="Léa", birth_year=1980), "p1")  # p2, p3
    family = add_sibling(family, "p1", sex="M")  # p4
    family = update_person(family, dataclasses.replace(family.person("p4"), birth_year=1975))
    family = add_sibling(family, "p1", sex="F")  # p5, birth year unknown: after Léa
    family = add_parents(family, "p2")  # p6, p7
    family = add_sibling(family, "p2", sex="F")  # p8, the father's sister
    family = add_parents(family, "p3")  # p9, p10
    family = add_child(family, "p1", sex="M")  # p11 partner, p12 son
    return family


def test_generations_sibships_and_partners():
    family = _family()
    placed = layout(family, today=TODAY)
    check_layout(family, placed)
    assert placed.height == 4
    assert set(placed.generations[0]) == {"p6", "p7", "p9", "p10"}
    assert [placed.people[p].label for p in placed.generations[0]] == ["I-1", "I-2", "I-3", "I-4"]
    x = {p: placed.people[p].x for p in family.ids}
    # The father's family on the left, the mother's on the right, partners side by side.
    assert x["p8"] < x["p2"] < x["p3"] and x["p6"] < x["p9"]
    # Sibship in birth order: brother (1975), Léa (1980), then the sister (year unknown).
    assert x["p4"] < x["p1"] < x["p5"]
    (sibship,) = [s for s in placed.sibships if s.parents == ("p2", "p3")]
    assert sibship.children == ("p4", "p1", "p5") and sibship.y == 1.5
    assert sibship.descent_x == (x["p2"] + x["p3"]) / 2 and sibship.descent_y == 1.0
    # The son under the couple.
    (son,) = [s for s in placed.sibships if s.children == ("p12",)]
    assert son.descent_x == x["p12"] == (x["p1"] + x["p11"]) / 2
    kinds = {segment.kind for segment in placed.segments()}
    assert {"partner", "descent", "sibship", "child"} <= kinds
    assert roman(1) == "I" and roman(4) == "IV" and roman(14) == "XIV"


def test_ages_order_a_sibship_when_birth_years_are_unknown():
    family = add_sibling(add_sibling(new_family(sex="F", age=Age.parse("40")), "p1"), "p1")
    family = update_person(family, dataclasses.replace(family.person("p4"), age=Age.parse("50")))
    family = update_person(family, dataclasses.replace(family.person("p5"), age=Age.parse("~30")))
    row = layout(family, today=TODAY).generations[1]
    assert row == ("p4", "p1", "p5")


def test_twins_hang_together_with_a_bar_for_monozygotic_twins():
    family = add_parents(new_family(sex="F", birth_year=1980), "p1")
    family = add_sibling(family, "p1", sex="M")  # p4
    family = add_sibling(family, "p1", twin=Zygosity.MZ)  # p5
    family = add_child(family, "p1", sex="F")  # p6 partner, p7 child
    family = add_child(family, "p5", sex="M")  # p8 partner, p9 child
    placed = layout(family, today=TODAY)
    check_layout(family, placed)
    (twins,) = placed.twins
    assert twins.members in (("p1", "p5"), ("p5", "p1")) and twins.zygosity == Zygosity.MZ
    x = {p: placed.people[p].x for p in family.ids}
    assert abs(x["p1"] - x["p5"]) == 1.0  # side by side: partners go outside
    assert twins.apex_x == (x["p1"] + x["p5"]) / 2 and twins.apex_y == 0.5
    assert twins.bar is not None and twins.bar[1] == twins.bar[3] == 0.75
    assert {"twin", "twin_bar"} <= {segment.kind for segment in placed.segments()}
    dz = layout(add_sibling(add_parents(new_family(), "p1"), "p1", twin=Zygosity.DZ))
    assert dz.twins[0].bar is None


def test_consanguinity_is_a_double_line():
    family = add_parents(new_family(sex="F"), "p1")  # p2, p3
    family = add_parents(family, "p2")  # p4, p5
    family = add_sibling(family, "p2", sex="F")  # p6, the father's sister
    family = add_child(family, "p6", sex="M")  # p7 her husband, p8 her son
    family = add_partner(family, "p1", partner_id="p8")  # first cousins, not flagged
    family = add_child(family, "p1", partner_id="p8", sex="F")  # p9
    assert validate(family, TODAY) == []
    placed = layout(family, today=TODAY)
    check_layout(family, placed)
    (cousins,) = [p for p in placed.partnerships if {p.first, p.second} == {"p1", "p8"}]
    assert cousins.consanguineous  # detected: they share grandparents
    assert "partner_double" in {segment.kind for segment in placed.segments()}
    others = [p for p in placed.partnerships if {p.first, p.second} != {"p1", "p8"}]
    assert not any(p.consanguineous for p in others)


def test_adopted_in_children_hang_by_a_dashed_line():
    family = add_sibling(add_parents(new_family(sex="F"), "p1"), "p1")
    family = update_person(family, dataclasses.replace(family.person("p4"), adoption=Adoption.IN))
    kinds = [s.kind for s in layout(family).segments()]
    assert kinds.count("child_adopted") == 1 and kinds.count("child") == 1


def test_one_person_and_unconnected_people():
    placed = layout(new_family())
    assert placed.people["p1"].x == 0.0 and placed.height == 1 and placed.width == 0.0
    family = add_parents(new_family(), "p1")
    stray = Family(people=(*family.people, dataclasses.replace(family.person("p1"), id="x")))
    check_layout(stray, layout(stray))


def _generated(seed: int, size: int) -> Family:
    """The family that ``families()`` draws for this seed and size."""
    return grow_family(random_steps(seed, 5 * size + 10), size=size)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families())
@example(_generated(769, 144))
def test_generated_families_never_overlap(family):
    assert 1 <= len(family.people) <= 275
    assert validate(family, TODAY) == []
    check_layout(family, layout(family, today=TODAY))


def test_a_sibling_reached_as_a_partner_while_its_sibship_is_built_is_placed_once():
    """Sisters p10 and p35 are both partners of p9; p35 also has a daughter with p61.
    Building the sisters' sibship reaches p35 through p10's husband: she used to be
    drawn there and then again in her sibship, her line of descent left unreserved and
    crossing her sister's sibship line. She is drawn once, in her sibship."""
    family = _generated(769, 144)
    assert family.person("p35").father_id == family.person("p10").father_id == "p22"
    assert {"p10", "p35"} <= set(family.partners_of("p9"))
    placed = layout(family, today=TODAY)
    check_layout(family, placed)
    (sisters,) = [s for s in placed.sibships if s.parents == ("p22", "p23")]
    assert {"p10", "p35"} <= set(sisters.children)
    (daughter,) = [s for s in placed.sibships if set(s.parents) == {"p61", "p35"}]
    assert daughter.children == ("p62",) and not daughter.remote_children


def test_large_families_up_to_275_people():
    for seed in range(4):
        chooser = random.Random(seed)
        steps = [
            (chooser.randrange(7), chooser.randrange(10_000), chooser.randrange(10_000))
            for _ in range(1200)
        ]
        family = grow_family(steps)
        assert len(family.people) >= 270
        check_layout(family, layout(family, today=TODAY))


def test_a_chain_of_130_generations():
    family = new_family(sex="F")
    person_id = "p1"
    for _ in range(130):
        family = add_parents(family, person_id)
        person_id = family.person(person_id).father_id or ""
    limit = sys.getrecursionlimit()
    placed = layout(family)
    assert placed.height == 131 and sys.getrecursionlimit() == limit
    check_layout(family, placed)


def test_the_first_child_of_a_sibship_has_its_partner_on_the_outside():
    family = add_parents(new_family(sex="F", birth_year=1980), "p1")
    family = add_sibling(family, "p1", sex="F")  # p4, born later (unknown year, entered after)
    family = add_child(family, "p1", sex="M")  # p5 partner, p6 child
    family = add_child(family, "p4", sex="M")  # p7 partner, p8 child
    placed = layout(family, today=TODAY)
    check_layout(family, placed)
    assert placed.generations[1] == ("p5", "p1", "p4", "p7")


def test_a_twin_meets_its_partner_at_the_end_of_the_sibship() -> None:
    """The twin who has a partner is the one beside the partner (the line of the couple
    does not cross the other twin), and the line of descent starts between the two."""
    from oiso_desktop.domain.sample_families import consanguineous_twins_family

    family = consanguineous_twins_family()
    placed = layout(family, today=TODAY)
    father, mother = family.person("p1").father_id, family.person("p1").mother_id
    assert father is not None and mother is not None
    x_father, x_mother = placed.people[father].x, placed.people[mother].x
    assert abs(x_father - x_mother) == 1.0
    (twins,) = [t for t in placed.twins if father in t.members]
    assert all(
        not min(x_father, x_mother) < placed.people[m].x < max(x_father, x_mother)
        for m in twins.members
    )
    (sibship,) = [s for s in placed.sibships if set(s.parents) == {father, mother}]
    assert sibship.descent_x == (x_father + x_mother) / 2
    check_layout(family, placed)
