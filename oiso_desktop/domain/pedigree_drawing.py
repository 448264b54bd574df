"""The pedigree as a list of drawing operations, for the Qt scene and the PDF. Pure, no Qt.

Both renderers (``gui/pedigree_scene.py``, ``reports/pedigree_pdf.py``) draw the same
:class:`~oiso_desktop.domain.pedigree_layout.Layout`, and they draw it from here, so
that the screen and the paper show the same thing. :func:`pedigree_drawing` turns a
family and its layout into a short list of primitives — lines, symbols, discs,
polygons, texts — in points at scale 1, y downwards; a renderer only knows how to
draw each primitive (and measures its texts: both use the embedded DejaVu Sans).

The nomenclature is the standard one (Bennett et al., NSGC 2008/2022):

* square (male), circle (female), diamond (sex unknown); an affected person's symbol is
  split into one sector per cancer group, each with its colour and fill pattern
  (:data:`CANCER_GROUPS`: readable in print, distinct in greyscale), with a legend;
* a slash across the deceased; an arrow and "P" at the proband; a dot in the symbol of a
  carrier of a pathogenic variant; brackets around the adopted;
* under each symbol: the individual number ("II-3"), the age as entered ("~45 a",
  "†62 a", or "°1950" with a birth year only), the cancers with the age at diagnosis
  ("Sein 42", "Côlon ~50") and the test results ("BRCA1 +", "MLH1 VSI",
  "BRCA1, BRCA2 −");
* partnership lines (double when consanguineous), lines of descent, sibship lines,
  child lines (dashed for an adopted child), twins from one point (a bar for
  monozygotic twins); generations in Roman numerals on the left.

Texts never overlap: each label line is wrapped to the slot width, and adjacent symbols
are one slot apart. The words are French by default (:data:`FRENCH`, used by the PDF);
the Qt scene passes its translated words.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from oiso_desktop.domain.family import Adoption, Age, Family, Person, Zygosity
from oiso_desktop.domain.pedigree_layout import Layout, roman

__all__ = [
    "CANCER_GROUPS",
    "FONT_SIZE",
    "FRENCH",
    "LEGEND_FONT_SIZE",
    "MIN_FONT_SIZE",
    "SLOT",
    "SYMBOL",
    "CancerGroup",
    "Disc",
    "Geometry",
    "LegendEntry",
    "Line",
    "Measure",
    "Op",
    "Pattern",
    "PedigreeDrawing",
    "PedigreeWords",
    "PersonMarks",
    "Polygon",
    "Shape",
    "Symbol",
    "Text",
    "age_line",
    "cancer_group_of",
    "cancer_lines",
    "hatch_lines",
    "legend_drawing",
    "legend_entries",
    "pedigree_drawing",
    "person_marks",
    "sectors",
    "result_lines",
    "wrap_line",
]

# --- sizes, in points at scale 1 --------------------------------------------------------
SYMBOL = 20.0  # side of a square, diameter of a circle
SLOT = 54.0  # one grid unit of the layout: adjacent symbols are one slot apart
FONT_SIZE = 7.5  # the text under the symbols
NUMBER_SIZE = 7.5  # the individual number, bold
NUMERAL_SIZE = 9.0  # the Roman numerals
MIN_FONT_SIZE = 6.0  # never printed smaller (the PDF splits a wider family across pages)
LEADING = 8.8
ASCENT = 0.76  # of the font size: from the top of a line to its baseline
LABEL_GAP = 3.5  # symbol bottom -> top of the first text line
LABEL_WIDTH = SLOT - 4.0  # every text line is wrapped to this width
SIBSHIP_DROP = 12.0  # bottom of the labels above -> the sibship line
CHILD_DROP = 15.0  # sibship line -> top of the children's symbols
TOP_MARGIN = 14.0  # room above the first row (slash, brackets)
NUMERALS_WIDTH = 28.0  # the column of Roman numerals on the left
LINE_WIDTH = 0.9
DOUBLE_LINE_GAP = 3.2
LEGEND_FONT_SIZE = 7.0
LEGEND_SWATCH = 10.0
LEGEND_ROW = 14.0

# A renderer's width of ``text`` at ``size`` points (bold or not), in points.
Measure = Callable[[str, float, bool], float]


class Shape(StrEnum):
    SQUARE = "square"  # male
    CIRCLE = "circle"  # female
    DIAMOND = "diamond"  # sex unknown


class Pattern(StrEnum):
    SOLID = "solid"
    DIAGONAL = "diagonal"  # lines rising to the right
    CROSS = "cross"  # both diagonals
    HORIZONTAL = "horizontal"
    DOTS = "dots"


@dataclass(frozen=True)
class CancerGroup:
    """Cancer sites drawn alike: a colour readable in print, and a pattern (or lightness)
    that stays distinct in greyscale. Patterned sectors get a light tint of the colour."""

    code: str
    colour: str  # "#rrggbb"
    pattern: Pattern
    sites: frozenset[str]

    @property
    def tint(self) -> str:
        """The colour mixed with 80 % white: the ground of a patterned sector."""
        red, green, blue = (int(self.colour[i : i + 2], 16) for i in (1, 3, 5))
        return "#" + "".join(f"{round(255 - (255 - c) * 0.2):02x}" for c in (red, green, blue))


# In this order around the symbol and in the legend. The ovary stays apart from the
# Lynch spectrum: an ovarian cancer points to BRCA first.
CANCER_GROUPS: tuple[CancerGroup, ...] = (
    CancerGroup("breast", "#c0306a", Pattern.SOLID, frozenset({"breast", "contralateral_breast"})),
    CancerGroup("ovary", "#f0b040", Pattern.SOLID, frozenset({"ovary"})),
    CancerGroup(
        "lynch",
        "#1f5fad",
        Pattern.DIAGONAL,
        frozenset(
            {
                "colorectal",
                "endometrium",
                "stomach",
                "small_bowel",
                "biliary_tract",
                "upper_urinary_tract",
                "sebaceous",
            }
        ),
    ),
    CancerGroup("prostate", "#2e7d4f", Pattern.CROSS, frozenset({"prostate"})),
    CancerGroup("pancreas", "#6d3f99", Pattern.HORIZONTAL, frozenset({"pancreas"})),
    CancerGroup("other", "#4d4d4d", Pattern.DOTS, frozenset()),
)
_GROUPS = {group.code: group for group in CANCER_GROUPS}
_GROUP_OF_SITE = {site: group.code for group in CANCER_GROUPS for site in group.sites}
_GROUP_ORDER = {group.code: index for index, group in enumerate(CANCER_GROUPS)}


def cancer_group_of(site: str) -> str:
    """The group code of a cancer site ("other" for a site of no named group)."""
    return _GROUP_OF_SITE.get(site, "other")


# --- words --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PedigreeWords:
    """Every word the drawing prints: :data:`FRENCH` for the PDF; the Qt scene builds its
    own from its translations (the same French by default, checked by a test)."""

    sites: Mapping[str, str]  # short site names: "Sein", "Côlon"
    groups: Mapping[str, str]  # the cancer groups in the legend
    legend: Mapping[str, str]  # the other legend entries, by LegendEntry.kind
    years: str  # after an age: "45 a"
    born: str  # before a birth year when no age is known: "°1950"
    positive: str  # after a gene: a pathogenic variant
    negative: str
    vus: str  # a variant of unknown significance
    proband: str  # beside the proband's arrow


FRENCH = PedigreeWords(
    sites={
        "breast": "Sein",
        "contralateral_breast": "Sein contro.",
        "ovary": "Ovaire",
        "endometrium": "Endomètre",
        "cervix": "Col utérin",
        "prostate": "Prostate",
        "testis": "Testicule",
        "pancreas": "Pancréas",
        "colorectal": "Côlon",
        "stomach": "Estomac",
        "small_bowel": "Grêle",
        "biliary_tract": "Voies bil.",
        "liver": "Foie",
        "oesophagus": "Œsophage",
        "upper_urinary_tract": "Voies urin.",
        "bladder": "Vessie",
        "kidney": "Rein",
        "brain": "Cerveau",
        "sebaceous": "Sébacée",
        "melanoma": "Mélanome",
        "thyroid": "Thyroïde",
        "lung": "Poumon",
        "adrenal_cortex": "Surrénale",
        "sarcoma": "Sarcome",
        "leukaemia": "Leucémie",
        "lymphoma": "Lymphome",
        "head_and_neck": "VADS",
        "other": "Autre",
    },
    groups={
        "breast": "Cancer du sein",
        "ovary": "Cancer de l'ovaire",
        "lynch": "Côlon-rectum et spectre de Lynch",
        "prostate": "Cancer de la prostate",
        "pancreas": "Cancer du pancréas",
        "other": "Autre cancer",
    },
    legend={
        "male": "Homme",
        "female": "Femme",
        "unknown_sex": "Sexe inconnu",
        "deceased": "Décédé(e)",
        "proband": "Cas index",
        "carrier": "Porteur d'un variant pathogène",
        "tests": "Gène + : variant pathogène ; − : négatif ; VSI : signification inconnue",
        "adopted": "Adopté(e)",
        "consanguineous": "Union consanguine",
        "twins_mz": "Jumeaux monozygotes",
        "twins_dz": "Jumeaux dizygotes",
    },
    years="a",
    born="°",
    positive="+",
    negative="−",
    vus="VSI",
    proband="P",
)

PATHOGENIC_RESULTS = frozenset({"P", "HET", "HOM"})
LEGEND_KINDS = tuple(FRENCH.legend)

# --- what is drawn for one person ---------------------------------------------------------


@dataclass(frozen=True)
class PersonMarks:
    person_id: str
    number: str  # "II-3"
    shape: Shape
    groups: tuple[str, ...]  # affected cancer groups, in CANCER_GROUPS order
    deceased: bool
    proband: bool
    carrier: bool  # a pathogenic variant: a dot in the symbol
    adopted: bool  # brackets around the symbol
    lines: tuple[str, ...]  # under the number: age, cancers, test results


_SHAPES = {"M": Shape.SQUARE, "F": Shape.CIRCLE}
_YEARS_WORD_RE = re.compile(r"\s*(?:ans|an|a)$", re.IGNORECASE)


def _age(age: Age) -> str:
    """The age as entered, without a typed "ans" (the drawing adds its own word)."""
    return _YEARS_WORD_RE.sub("", age.text) if age.known else ""


def age_line(person: Person, words: PedigreeWords = FRENCH) -> str:
    """ "45 a", "~45 a", "†62 a", "†", "°1950" or ""."""
    if person.deceased:
        at_death = _age(person.age_at_death)
        return f"†{at_death} {words.years}" if at_death else "†"
    age = _age(person.age)
    if age:
        return f"{age} {words.years}"
    if person.birth_year is not None:
        return f"{words.born}{person.birth_year}"
    return ""


def cancer_lines(person: Person, words: PedigreeWords = FRENCH) -> list[str]:
    """ "Sein 42", "Côlon ~50", "Prostate" (age at diagnosis unknown)."""
    lines = []
    for cancer in person.cancers:
        site = words.sites.get(cancer.site, cancer.site_label)
        age = _age(cancer.age)
        lines.append(f"{site} {age}" if age else site)
    return lines


def result_lines(person: Person, words: PedigreeWords = FRENCH) -> list[str]:
    """ "BRCA1 +", "MSH2 VSI"; negative genes together: "BRCA1, BRCA2 −"."""
    lines: list[str] = []
    negative: list[str] = []
    for result in person.genetic_results:
        gene = result.gene.strip() or "?"
        if result.result in PATHOGENIC_RESULTS:
            lines.append(f"{gene} {words.positive}")
        elif result.result == "VUS":
            lines.append(f"{gene} {words.vus}")
        elif gene not in negative:
            negative.append(gene)
    if negative:
        lines.append(f"{', '.join(negative)} {words.negative}")
    return lines


def person_marks(person: Person, number: str, words: PedigreeWords = FRENCH) -> PersonMarks:
    groups = sorted({cancer_group_of(c.site) for c in person.cancers}, key=_GROUP_ORDER.__getitem__)
    age = age_line(person, words)
    return PersonMarks(
        person_id=person.id,
        number=number,
        shape=_SHAPES.get(person.sex, Shape.DIAMOND),
        groups=tuple(groups),
        deceased=person.deceased,
        proband=person.proband,
        carrier=any(r.result in PATHOGENIC_RESULTS for r in person.genetic_results),
        adopted=person.adoption != Adoption.NONE,
        lines=tuple(
            ([age] if age else []) + cancer_lines(person, words) + result_lines(person, words)
        ),
    )


def wrap_line(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` cut into lines that fit (at spaces, else inside a word that is too long)."""
    if fits(text):
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            lines.append(current)
        while not fits(word) and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and not fits(word[:cut]):
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


# --- fills --------------------------------------------------------------------------------


def sectors(count: int) -> list[tuple[float, float]]:
    """(start, sweep) in degrees, counter-clockwise from 3 o'clock as seen, one per group:
    the whole symbol for one group, then halves (top, bottom), thirds, quadrants (from the
    top left, clockwise)..."""
    if count <= 1:
        return [(0.0, 360.0)] * count
    sweep = 360.0 / count
    return [(180.0 - index * sweep, -sweep) for index in range(count)]


def hatch_lines(pattern: Pattern, half: float) -> list[tuple[float, float, float, float]]:
    """Lines covering the square [-half, half]² around a symbol's centre (y downwards) for
    a pattern; the renderer clips them to the sector. Dots come as zero-length lines."""
    step = max(half * 0.36, 1.2)
    lines: list[tuple[float, float, float, float]] = []
    count = math.ceil(2 * half / step) + 1
    reach = half + step
    if pattern in (Pattern.DIAGONAL, Pattern.CROSS):
        for i in range(-2 * count, 2 * count + 1):
            offset = i * step * math.sqrt(2)
            lines.append((-reach, reach + offset, reach, -reach + offset))  # rising
            if pattern == Pattern.CROSS:
                lines.append((-reach, -reach + offset, reach, reach + offset))
    elif pattern == Pattern.HORIZONTAL:
        for i in range(-count, count + 1):
            if abs(i * step) <= half:
                lines.append((-reach, i * step, reach, i * step))
    elif pattern == Pattern.DOTS:
        for j in range(-count, count + 1):
            for i in range(-count, count + 1):
                x, y = (i + (0.5 if j % 2 else 0.0)) * step, j * step
                if abs(x) <= half and abs(y) <= half:
                    lines.append((x, y, x, y))
    return lines


# --- drawing operations -------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = LINE_WIDTH
    dashed: bool = False
    owner: str | None = None  # the person the mark belongs to (None: a line of the tree)


@dataclass(frozen=True)
class Symbol:
    """White inside, one sector per group (``hatch_lines`` for the patterns), black outline."""

    shape: Shape
    cx: float
    cy: float
    size: float
    groups: tuple[CancerGroup, ...] = ()
    width: float = 1.0
    owner: str | None = None


@dataclass(frozen=True)
class Disc:
    cx: float
    cy: float
    radius: float
    ring: float = 0.0  # a white ring around it (visible on a dark fill)
    owner: str | None = None


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    owner: str | None = None  # filled black


@dataclass(frozen=True)
class Text:
    """``y`` is the baseline; ``align``: "center", "left" or "right" of ``x``."""

    x: float
    y: float
    text: str
    size: float = FONT_SIZE
    bold: bool = False
    align: str = "center"
    owner: str | None = None
    numeral: bool = False  # a Roman numeral of the left column


Op = Line | Symbol | Disc | Polygon | Text


# --- geometry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """Where a layout goes, in points at scale 1, y downwards, the numerals column at x=0.

    Rows are as tall as their tallest label: ``row_centres[g]`` is the symbols' centre of
    generation g, ``label_bottoms[g]`` the bottom of its labels, ``sibship_levels[g]`` the
    sibship lines above it (layout y = g - 0.5).
    """

    row_centres: tuple[float, ...]
    label_bottoms: tuple[float, ...]
    sibship_levels: tuple[float, ...]
    grid_width: float  # the layout's width, in slots

    @property
    def width(self) -> float:
        return NUMERALS_WIDTH + (self.grid_width + 1) * SLOT

    @property
    def height(self) -> float:
        return (self.label_bottoms[-1] if self.label_bottoms else TOP_MARGIN) + 4.0

    def x(self, grid_x: float) -> float:
        return NUMERALS_WIDTH + (grid_x + 0.5) * SLOT

    def y(self, grid_y: float) -> float:
        """A layout y (a generation, a sibship line at g - 0.5, or between) in points."""
        points: list[tuple[float, float]] = []
        for g, centre in enumerate(self.row_centres):
            if g:
                points.append((g - 0.5, self.sibship_levels[g]))
            points.append((float(g), centre))
        if not points:
            return TOP_MARGIN + SYMBOL / 2
        if grid_y <= points[0][0]:
            return points[0][1] + (grid_y - points[0][0]) * SLOT
        for (g0, y0), (g1, y1) in zip(points, points[1:], strict=False):
            if grid_y <= g1:
                return y0 + (grid_y - g0) / (g1 - g0) * (y1 - y0)
        return points[-1][1] + (grid_y - points[-1][0]) * SLOT

    def row_cuts(self) -> list[float]:
        """Where a page may be cut between rows: between labels and the next sibship line."""
        cuts = [0.0]
        for g in range(1, len(self.row_centres)):
            cuts.append((self.label_bottoms[g - 1] + self.sibship_levels[g]) / 2)
        cuts.append(self.height)
        return cuts


def _geometry(placed: Layout, line_counts: Mapping[str, int]) -> Geometry:
    centres: list[float] = []
    bottoms: list[float] = []
    levels: list[float] = []
    y = TOP_MARGIN
    for g, row in enumerate(placed.generations):
        level = y + SIBSHIP_DROP
        levels.append(level)
        centre = (level + CHILD_DROP if g else y) + SYMBOL / 2
        centres.append(centre)
        lines = max((line_counts.get(p, 1) for p in row), default=1)
        y = centre + SYMBOL / 2 + LABEL_GAP + lines * LEADING
        bottoms.append(y)
    return Geometry(tuple(centres), tuple(bottoms), tuple(levels), placed.width)


# --- the whole drawing --------------------------------------------------------------------


@dataclass(frozen=True)
class PedigreeDrawing:
    ops: tuple[Op, ...]
    geometry: Geometry
    marks: Mapping[str, PersonMarks]
    legend: tuple[LegendEntry, ...]
    centres: Mapping[str, tuple[float, float]]  # each person's symbol centre

    @property
    def width(self) -> float:
        return self.geometry.width

    @property
    def height(self) -> float:
        return self.geometry.height

    def person_ops(self, person_id: str) -> list[Op]:
        return [op for op in self.ops if op.owner == person_id]

    def column_cuts(self) -> list[float]:
        """Where a page may be cut between columns: half a slot from a symbol, and no
        closer to any other (never through a symbol or its label)."""
        xs = sorted({cx for cx, _ in self.centres.values()})
        cuts = []
        for cut in sorted({x + sign * SLOT / 2 for x in xs for sign in (-1, 1)}):
            near = bisect.bisect_left(xs, cut)
            neighbours = xs[max(near - 1, 0) : near + 1]
            if all(abs(cut - x) >= SLOT / 2 - 1e-6 for x in neighbours):
                cuts.append(cut)
        return cuts


def pedigree_drawing(
    family: Family, placed: Layout, measure: Measure, words: PedigreeWords = FRENCH
) -> PedigreeDrawing:
    """Everything to draw for ``family`` laid out as ``placed``, in points (y down)."""
    marks = {
        person_id: person_marks(family.person(person_id), spot.label, words)
        for person_id, spot in placed.people.items()
    }

    def fits(text: str) -> bool:
        return measure(text, FONT_SIZE, False) <= LABEL_WIDTH

    labels = {
        pid: [line for text in m.lines for line in wrap_line(text, fits)]
        for pid, m in marks.items()
    }
    geometry = _geometry(placed, {pid: 1 + len(lines) for pid, lines in labels.items()})
    ops: list[Op] = []
    for segment in placed.segments():
        x1, y1 = geometry.x(segment.x1), geometry.y(segment.y1)
        x2, y2 = geometry.x(segment.x2), geometry.y(segment.y2)
        if segment.kind == "partner_double":
            ops += [Line(*coords) for coords in _parallel(x1, y1, x2, y2, DOUBLE_LINE_GAP)]
        else:
            ops.append(Line(x1, y1, x2, y2, dashed=segment.kind == "child_adopted"))
    for g, centre in enumerate(geometry.row_centres):
        ops.append(
            Text(
                NUMERALS_WIDTH / 2,
                centre + 0.36 * NUMERAL_SIZE,
                roman(g + 1),
                NUMERAL_SIZE,
                True,
                numeral=True,
            )
        )
    centres: dict[str, tuple[float, float]] = {}
    for person_id, spot in placed.people.items():
        cx, cy = geometry.x(spot.x), geometry.y(spot.y)
        centres[person_id] = (cx, cy)
        side = _arrow_side(placed, person_id) if marks[person_id].proband else 0
        ops += _person_ops(marks[person_id], labels[person_id], cx, cy, side, words)
    legend = tuple(legend_entries(family, marks.values(), placed, words))
    return PedigreeDrawing(tuple(ops), geometry, marks, legend, centres)


def _parallel(
    x1: float, y1: float, x2: float, y2: float, gap: float
) -> list[tuple[float, float, float, float]]:
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length * gap / 2, (x2 - x1) / length * gap / 2
    return [(x1 + nx, y1 + ny, x2 + nx, y2 + ny), (x1 - nx, y1 - ny, x2 - nx, y2 - ny)]


def _arrow_side(placed: Layout, person_id: str) -> int:
    """-1: the proband's arrow on the lower left; +1: lower right, when a line of descent
    starts just left of the symbol (the proband's children with a partner on the left)."""
    spot = placed.people[person_id]
    for sibship in placed.sibships:
        if (
            abs(sibship.descent_y - spot.y) < 1e-9
            and -0.75 < sibship.descent_x - spot.x < 0
            and person_id in sibship.parents
        ):
            return 1
    return -1


def _person_ops(
    marks: PersonMarks,
    labels: list[str],
    cx: float,
    cy: float,
    arrow_side: int,
    words: PedigreeWords,
) -> list[Op]:
    owner = marks.person_id
    half = SYMBOL / 2
    groups = tuple(_GROUPS[code] for code in marks.groups)
    ops: list[Op] = [Symbol(marks.shape, cx, cy, SYMBOL, groups, owner=owner)]
    if marks.carrier:
        ops.append(Disc(cx, cy, 2.6, ring=1.2, owner=owner))
    if marks.deceased:
        reach = 0.72 * SYMBOL
        ops.append(Line(cx - reach, cy + reach, cx + reach, cy - reach, 1.1, owner=owner))
    if marks.adopted:
        ops += _brackets(cx, cy, half + 4.5, half + 4.0, 3.0, owner)
    if arrow_side:
        ops += _arrow(marks.shape, cx, cy, arrow_side, words.proband, owner)
    top = cy + half + LABEL_GAP
    ops.append(Text(cx, top + ASCENT * NUMBER_SIZE, marks.number, NUMBER_SIZE, True, owner=owner))
    for index, text in enumerate(labels, start=1):
        ops.append(Text(cx, top + index * LEADING + ASCENT * FONT_SIZE, text, owner=owner))
    return ops


def _brackets(
    cx: float, cy: float, reach: float, top: float, tick: float, owner: str | None
) -> list[Op]:
    ops: list[Op] = []
    for sign in (-1, 1):
        x = cx + sign * reach
        ops += [
            Line(x, cy - top, x, cy + top, owner=owner),
            Line(x, cy - top, x - sign * tick, cy - top, owner=owner),
            Line(x, cy + top, x - sign * tick, cy + top, owner=owner),
        ]
    return ops


def _arrow(
    shape: Shape, cx: float, cy: float, side: int, letter: str, owner: str | None
) -> list[Op]:
    angle = math.radians(30)  # below the horizontal
    dx, dy = side * math.cos(angle), math.sin(angle)
    edge = {
        Shape.CIRCLE: 0.5,
        Shape.SQUARE: 0.5 / math.cos(angle),
        Shape.DIAMOND: 0.5 / (math.cos(angle) + math.sin(angle)),
    }[shape] * SYMBOL
    head = (cx + dx * (edge + 1.5), cy + dy * (edge + 1.5))
    tail = (cx + dx * (edge + 12.5), cy + dy * (edge + 12.5))
    back = 5.0  # the head's length
    bx, by = head[0] + dx * back, head[1] + dy * back
    px, py = -dy * 2.3, dx * 2.3
    ops: list[Op] = [
        Line(tail[0], tail[1], bx, by, 1.0, owner=owner),
        Polygon((head, (bx + px, by + py), (bx - px, by - py)), owner=owner),
    ]
    align = "right" if side < 0 else "left"
    ops.append(
        Text(tail[0] + side * 1.0, tail[1] + 2.5, letter, FONT_SIZE + 0.5, True, align, owner)
    )
    return ops


# --- legend -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LegendEntry:
    """``kind``: a cancer group code (``group`` set) or a key of ``PedigreeWords.legend``."""

    kind: str
    text: str
    group: CancerGroup | None = None


def legend_entries(
    family: Family, marks: Iterable[PersonMarks], placed: Layout, words: PedigreeWords = FRENCH
) -> list[LegendEntry]:
    """The entries this family needs: the cancer groups present, then the marks used."""
    marks = list(marks)
    present = {g for m in marks for g in m.groups}
    entries = [
        LegendEntry(group.code, words.groups[group.code], group)
        for group in CANCER_GROUPS
        if group.code in present
    ]
    shapes = {m.shape for m in marks}
    used = {
        "male": Shape.SQUARE in shapes,
        "female": Shape.CIRCLE in shapes,
        "unknown_sex": Shape.DIAMOND in shapes,
        "deceased": any(m.deceased for m in marks),
        "proband": any(m.proband for m in marks),
        "carrier": any(m.carrier for m in marks),
        "tests": any(p.genetic_results for p in family.people),
        "adopted": any(m.adopted for m in marks),
        "consanguineous": any(p.consanguineous for p in placed.partnerships),
        "twins_mz": any(t.zygosity == Zygosity.MZ for t in placed.twins),
        "twins_dz": any(t.zygosity != Zygosity.MZ for t in placed.twins),
    }
    entries += [LegendEntry(kind, words.legend[kind]) for kind, shown in used.items() if shown]
    return entries


def legend_drawing(
    entries: Iterable[LegendEntry], width: float, measure: Measure, words: PedigreeWords = FRENCH
) -> tuple[list[Op], float]:
    """The legend flowed in rows within ``width``: (operations from (0, 0) down, height)."""
    ops: list[Op] = []
    x, y = 0.0, 0.0
    for entry in entries:
        text_width = measure(entry.text, LEGEND_FONT_SIZE, False)
        needed = LEGEND_SWATCH + 5.0 + text_width
        if x > 0 and x + needed > width:
            x, y = 0.0, y + LEGEND_ROW
        cx, cy = x + LEGEND_SWATCH / 2, y + LEGEND_ROW / 2
        ops += _swatch(entry, cx, cy, words)
        ops.append(
            Text(
                x + LEGEND_SWATCH + 5.0,
                cy + 0.36 * LEGEND_FONT_SIZE,
                entry.text,
                LEGEND_FONT_SIZE,
                align="left",
            )
        )
        x += needed + 14.0
    return ops, (y + LEGEND_ROW if ops else 0.0)


def _swatch(entry: LegendEntry, cx: float, cy: float, words: PedigreeWords) -> list[Op]:
    size = LEGEND_SWATCH
    half = size / 2
    if entry.group is not None:
        return [Symbol(Shape.SQUARE, cx, cy, size, (entry.group,), 0.8)]
    shapes = {"male": Shape.SQUARE, "female": Shape.CIRCLE, "unknown_sex": Shape.DIAMOND}
    if entry.kind in shapes:
        return [Symbol(shapes[entry.kind], cx, cy, size, (), 0.8)]
    if entry.kind == "deceased":
        return [
            Symbol(Shape.SQUARE, cx, cy, size, (), 0.8),
            Line(cx - 0.75 * size, cy + 0.75 * size, cx + 0.75 * size, cy - 0.75 * size, 0.9),
        ]
    if entry.kind == "proband":
        return [
            Line(cx - half - 1, cy + half - 1, cx + 1.5, cy - 1.5, 0.9),
            Polygon(((cx + half, cy - half), (cx - 0.5, cy - 3.5), (cx + 2.5, cy + 0.5))),
            Text(cx - half - 1.5, cy + half + 1, words.proband, LEGEND_FONT_SIZE, True, "right"),
        ]
    if entry.kind == "carrier":
        return [Symbol(Shape.CIRCLE, cx, cy, size, (), 0.8), Disc(cx, cy, 1.7)]
    if entry.kind == "tests":
        return [
            Text(
                cx,
                cy + 0.36 * LEGEND_FONT_SIZE,
                f"{words.positive}/{words.negative}",
                LEGEND_FONT_SIZE,
                True,
            )
        ]
    if entry.kind == "adopted":
        inner = Symbol(Shape.SQUARE, cx, cy, size - 4, (), 0.8)
        return [inner, *_brackets(cx, cy, half, half, 1.8, None)]
    if entry.kind == "consanguineous":
        return [
            Line(*coords, width=0.8)
            for coords in _parallel(cx - half - 2, cy, cx + half + 2, cy, 2.6)
        ]
    if entry.kind in ("twins_mz", "twins_dz"):
        ops: list[Op] = [
            Line(cx, cy - half, cx - half, cy + half, 0.8),
            Line(cx, cy - half, cx + half, cy + half, 0.8),
        ]
        if entry.kind == "twins_mz":
            ops.append(Line(cx - half / 2, cy, cx + half / 2, cy, 0.8))
        return ops
    return []
