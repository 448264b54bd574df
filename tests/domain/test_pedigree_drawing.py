"""The pedigree drawing shared by the Qt scene and the PDF: marks, words, legend, no overlap."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from oiso_desktop.domain.family import (
    CANCER_SITES,
    Adoption,
    Age,
    Cancer,
    GeneticResult,
    Person,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.family_checks import validate
from oiso_desktop.domain.pedigree_drawing import (
    CANCER_GROUPS,
    FRENCH,
    LEGEND_KINDS,
    Disc,
    Line,
    Pattern,
    Shape,
    Symbol,
    Text,
    age_line,
    cancer_group_of,
    cancer_lines,
    hatch_lines,
    legend_drawing,
    pedigree_drawing,
    person_marks,
    result_lines,
    sectors,
    wrap_line,
)
from oiso_desktop.domain.pedigree_layout import layout
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
from tests.domain.family_builders import families

TODAY = date(2025, 6, 1)


def measure(text: str, size: float, bold: bool) -> float:
    """A stand-in for a font: DejaVu Sans is about 0.6 em per character."""
    return len(text) * size * (0.66 if bold else 0.6)


def test_age_line_keeps_the_age_as_entered() -> None:
    assert age_line(Person(id="a", age=Age.parse("45"))) == "45 a"
    assert age_line(Person(id="a", age=Age.parse("~45"))) == "~45 a"
    assert age_line(Person(id="a", age=Age.parse("45 ans"))) == "45 a"
    assert age_line(Person(id="a", age=Age.parse("40-49"))) == "40-49 a"
    assert age_line(Person(id="a", deceased=True, age_at_death=Age.parse("62"))) == "†62 a"
    assert age_line(Person(id="a", deceased=True)) == "†"
    assert age_line(Person(id="a", birth_year=1950)) == "°1950"
    assert age_line(Person(id="a", age=Age.parse("inconnu"))) == ""


def test_cancers_and_tests_in_short_french() -> None:
    person = Person(
        id="a",
        cancers=(
            Cancer(site="breast", age=Age.parse("42")),
            Cancer(site="colorectal", age=Age.parse("~50")),
            Cancer(site="pancreas"),
        ),
        genetic_results=(
            GeneticResult(gene="BRCA1", result="P"),
            GeneticResult(gene="MSH2", result="VUS"),
            GeneticResult(gene="BRCA2", result="N"),
            GeneticResult(gene="PALB2", result="N"),
        ),
    )
    assert cancer_lines(person) == ["Sein 42", "Côlon ~50", "Pancréas"]
    assert result_lines(person) == ["BRCA1 +", "MSH2 VSI", "BRCA2, PALB2 −"]
    marks = person_marks(person, "II-3")
    assert marks.groups == ("breast", "lynch", "pancreas")
    assert marks.carrier and marks.shape == Shape.DIAMOND
    assert marks.lines == (
        "Sein 42",
        "Côlon ~50",
        "Pancréas",
        "BRCA1 +",
        "MSH2 VSI",
        "BRCA2, PALB2 −",
    )


def test_every_site_has_a_short_label_and_a_group() -> None:
    assert set(FRENCH.sites) == set(CANCER_SITES)
    assert set(FRENCH.groups) == {group.code for group in CANCER_GROUPS}
    assert set(FRENCH.legend) == set(LEGEND_KINDS)
    assert cancer_group_of("ovary") == "ovary"
    assert cancer_group_of("endometrium") == "lynch"
    assert cancer_group_of("melanoma") == "other"


def test_groups_differ_in_greyscale_or_pattern() -> None:
    def grey(colour: str) -> float:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * red + 0.587 * green + 0.114 * blue

    solids = [g for g in CANCER_GROUPS if g.pattern == Pattern.SOLID]
    patterns = [g.pattern for g in CANCER_GROUPS if g.pattern != Pattern.SOLID]
    assert len(set(patterns)) == len(patterns)
    greys = sorted(grey(g.colour) for g in solids)
    assert all(b - a > 60 for a, b in zip(greys, greys[1:], strict=False))


def test_sectors_and_hatching() -> None:
    assert sectors(0) == []
    assert sectors(1) == [(0.0, 360.0)]
    assert sectors(2) == [(180.0, -180.0), (0.0, -180.0)]
    assert sum(abs(sweep) for _, sweep in sectors(5)) == pytest.approx(360)
    assert hatch_lines(Pattern.SOLID, 10) == []
    dots = hatch_lines(Pattern.DOTS, 10)
    assert dots and all(x1 == x2 and y1 == y2 for x1, y1, x2, y2 in dots)
    assert len(hatch_lines(Pattern.CROSS, 10)) == 2 * len(hatch_lines(Pattern.DIAGONAL, 10))


def test_wrap_line() -> None:
    def fits(text: str) -> bool:
        return len(text) <= 8

    assert wrap_line("Sein 42", fits) == ["Sein 42"]
    assert wrap_line("Endomètre 46", fits) == ["Endomètr", "e 46"]
    assert wrap_line("BRCA1, BRCA2 −", fits) == ["BRCA1,", "BRCA2 −"]


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_sample_families_are_valid(key: str) -> None:
    _, make = SAMPLE_FAMILIES[key]
    family = make()
    assert validate(family, TODAY) == []
    assert validate(family, date.today()) == []
    assert family.proband is not None


def test_sample_families_show_what_they_are_for() -> None:
    large = SAMPLE_FAMILIES["large"][1]()
    assert len(large.people) == 40
    twins = SAMPLE_FAMILIES["consanguineous_twins"][1]()
    placed = layout(twins, today=TODAY)
    assert any(p.consanguineous for p in placed.partnerships)
    assert {t.zygosity.value for t in placed.twins} == {"MZ", "DZ"}
    assert any(p.adoption == Adoption.IN for p in twins.people)


def _boxes(drawing, measure=measure):
    boxes = []
    for op in drawing.ops:
        if isinstance(op, Text) and not op.numeral:
            width = measure(op.text, op.size, op.bold)
            left = {"center": op.x - width / 2, "left": op.x, "right": op.x - width}[op.align]
            boxes.append((left, op.y - op.size * 0.76, left + width, op.y + op.size * 0.24, op))
        elif isinstance(op, Symbol):
            half = op.size / 2
            boxes.append((op.cx - half, op.cy - half, op.cx + half, op.cy + half, op))
    return boxes


def check_no_overlap(drawing, measure=measure) -> None:
    """No text over another text or a symbol (of another person: over the symbol's box)."""
    boxes = sorted(_boxes(drawing, measure), key=lambda b: b[0])
    for index, (_l1, t1, r1, b1, op1) in enumerate(boxes):
        for l2, t2, _r2, b2, op2 in boxes[index + 1 :]:
            if l2 >= r1:
                break
            if op1.owner == op2.owner and (isinstance(op1, Text) and isinstance(op2, Text)):
                assert t2 >= b1 - 1e-6 or t1 >= b2 - 1e-6, (op1, op2)
            elif op1.owner != op2.owner:
                assert t2 >= b1 or t1 >= b2, (op1, op2)


@pytest.mark.parametrize("key", list(SAMPLE_FAMILIES))
def test_sample_drawings_never_overlap(key: str) -> None:
    family = SAMPLE_FAMILIES[key][1]()
    drawing = pedigree_drawing(family, layout(family, today=TODAY), measure)
    check_no_overlap(drawing)
    assert {op.owner for op in drawing.ops if isinstance(op, Symbol)} == set(family.ids)
    numbers = {op.text for op in drawing.ops if isinstance(op, Text) and op.bold and op.owner}
    assert {p.label for p in layout(family, today=TODAY).people.values()} <= numbers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(max_size=80))
def test_random_drawings_never_overlap(family) -> None:
    check_no_overlap(pedigree_drawing(family, layout(family, today=TODAY), measure))


def test_marks_of_a_person() -> None:
    family = new_family(sex="F", age=Age.parse("38"))
    family = add_sibling(family, "p1", sex="M")
    brother = dataclasses.replace(
        family.person("p4"),
        deceased=True,
        age_at_death=Age.parse("20"),
        adoption=Adoption.IN,
        genetic_results=(GeneticResult(gene="BRCA2", result="HET"),),
    )
    family = update_person(family, brother)
    drawing = pedigree_drawing(family, layout(family, today=TODAY), measure)
    own = drawing.person_ops("p4")
    assert any(isinstance(op, Disc) for op in own)  # carrier
    assert sum(isinstance(op, Line) for op in own) == 1 + 6  # the slash and two brackets
    proband = drawing.person_ops("p1")
    assert any(isinstance(op, Text) and op.text == "P" for op in proband)
    kinds = [entry.kind for entry in drawing.legend]
    assert kinds == ["male", "female", "deceased", "proband", "carrier", "tests", "adopted"]
    ops, height = legend_drawing(drawing.legend, 200, measure)
    assert height > 14 and ops  # several rows in a narrow width
    assert all(op.x <= 200 for op in ops if isinstance(op, Text))
