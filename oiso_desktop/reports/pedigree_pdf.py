"""The pedigree in PDF (reportlab, embedded DejaVu), drawn from the same operations as the
Qt scene (``domain.pedigree_drawing``).

* :func:`render_pedigree_pdf`: the pedigree alone, A4 landscape, PDF bytes built in
  memory (no file): a title line, the tree, the legend, a footer.
* :class:`PedigreeFlowable`: the pedigree inside a larger platypus document (the patient
  summary), with its legend.
* :func:`pedigree_tiles`, :func:`draw_pedigree`, :func:`draw_legend`: the parts, for a
  canvas.

Scale: the tree is scaled to fit the box (up to 140 %), but its text is never printed
below 6 pt (``MIN_FONT_SIZE``). A family too wide (or too tall) for that is split across
pages — tiles cut between columns of symbols and between generations, never through a
symbol or a label — each tile with the Roman numerals of its generations, the legend,
and a note saying how to put the pages together.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus.flowables import Flowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.pedigree_drawing import (
    FONT_SIZE,
    MIN_FONT_SIZE,
    NUMERALS_WIDTH,
    Disc,
    Line,
    Op,
    Pattern,
    PedigreeDrawing,
    Polygon,
    Shape,
    Symbol,
    Text,
    hatch_lines,
    legend_drawing,
    pedigree_drawing,
    sectors,
)
from oiso_desktop.domain.pedigree_layout import Layout, layout
from oiso_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts
from oiso_desktop.reports.recovery_sheet import format_french_datetime

__all__ = [
    "MAX_SCALE",
    "PedigreeFlowable",
    "Tile",
    "draw_legend",
    "draw_pedigree",
    "legend_height",
    "pdf_pedigree_drawing",
    "pedigree_tiles",
    "render_pedigree_pdf",
]

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 10 * mm
MAX_SCALE = 1.4
HEADER_HEIGHT = 34.0
FOOTER_HEIGHT = 16.0
LEGEND_TITLE = "Légende"
INK = colors.HexColor("#1B2733")
MUTED = colors.HexColor("#5A6672")
RULE = colors.HexColor("#B8C4CE")


def _measure(text: str, size: float, bold: bool) -> float:
    return stringWidth(text, SANS_BOLD if bold else SANS, size)


def pdf_pedigree_drawing(
    family: Family, *, placed: Layout | None = None, today: date | None = None
) -> PedigreeDrawing:
    """The drawing of ``family`` measured with the PDF fonts (French words)."""
    register_fonts()
    return pedigree_drawing(family, placed or layout(family, today=today), _measure)


# ----------------------------------------------------------------------------- tiles


@dataclass(frozen=True)
class Tile:
    """A window of the drawing (points at scale 1) printed at ``scale``: the whole tree, or
    one part of it, ``row`` and ``column`` of ``rows`` x ``columns`` parts."""

    scale: float
    x0: float
    x1: float
    y0: float
    y1: float
    row: int = 0
    column: int = 0
    rows: int = 1
    columns: int = 1

    @property
    def width(self) -> float:
        return (NUMERALS_WIDTH + self.x1 - self.x0) * self.scale

    @property
    def height(self) -> float:
        return (self.y1 - self.y0) * self.scale


def _windows(
    cuts: Sequence[float], start: float, end: float, span: float
) -> list[tuple[float, float]]:
    """Consecutive windows from ``start`` to ``end``, each at most ``span`` long, ending on
    a cut whenever one is in reach."""
    windows: list[tuple[float, float]] = []
    low = start
    while low < end - 1e-6:
        if end <= low + span + 1e-6:
            high = end
        else:
            reachable = [c for c in cuts if low + 1e-6 < c <= low + span + 1e-6]
            high = max(reachable) if reachable else low + span
        windows.append((low, high))
        low = high
    return windows or [(start, end)]


def pedigree_tiles(drawing: PedigreeDrawing, width: float, height: float) -> list[Tile]:
    """How to print ``drawing`` in boxes of ``width`` x ``height`` points: one tile scaled to
    fit, or — when that would print the text below ``MIN_FONT_SIZE`` — several tiles at the
    smallest readable scale (row by row, left to right)."""
    geometry = drawing.geometry
    scale = min(width / geometry.width, height / geometry.height, MAX_SCALE)
    if scale * FONT_SIZE >= MIN_FONT_SIZE - 1e-9:
        return [Tile(scale, NUMERALS_WIDTH, geometry.width, 0.0, geometry.height)]
    scale = MIN_FONT_SIZE / FONT_SIZE
    columns = _windows(
        drawing.column_cuts(), NUMERALS_WIDTH, geometry.width, width / scale - NUMERALS_WIDTH
    )
    rows = _windows(geometry.row_cuts(), 0.0, geometry.height, height / scale)
    return [
        Tile(scale, x0, x1, y0, y1, r, c, len(rows), len(columns))
        for r, (y0, y1) in enumerate(rows)
        for c, (x0, x1) in enumerate(columns)
    ]


# ---------------------------------------------------------------------------- drawing


def draw_pedigree(
    canvas: Canvas, drawing: PedigreeDrawing, tile: Tile, x: float, top: float
) -> None:
    """Draw ``tile`` of ``drawing`` with its top-left corner at (``x``, ``top``)."""
    canvas.saveState()
    canvas.translate(x, top)
    canvas.scale(tile.scale, tile.scale)
    shift = tile.x0 - NUMERALS_WIDTH  # a drawing x -> a tile x

    def inside(op: Op) -> bool:
        margin = 40.0
        xs, ys = _extent(op)
        return (
            max(xs) >= tile.x0 - margin
            and min(xs) <= tile.x1 + margin
            and max(ys) >= tile.y0 - margin
            and min(ys) <= tile.y1 + margin
        )

    for op in drawing.ops:
        if isinstance(op, Text) and op.numeral and tile.y0 <= op.y <= tile.y1:
            _draw_op(canvas, op, 0.0, tile.y0)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(NUMERALS_WIDTH, -(tile.y1 - tile.y0), tile.x1 - tile.x0, tile.y1 - tile.y0)
    canvas.clipPath(clip, stroke=0, fill=0)
    for op in drawing.ops:
        if not (isinstance(op, Text) and op.numeral) and inside(op):
            _draw_op(canvas, op, shift, tile.y0)
    canvas.restoreState()
    canvas.restoreState()


def legend_height(drawing: PedigreeDrawing, width: float) -> float:
    """The height :func:`draw_legend` takes in ``width`` (0 when there is nothing to show)."""
    _, height = legend_drawing(drawing.legend, width - _legend_title_width(), _measure)
    return height


def draw_legend(
    canvas: Canvas, drawing: PedigreeDrawing, x: float, top: float, width: float
) -> float:
    """The legend of ``drawing`` from (``x``, ``top``) down, within ``width``; its height."""
    title_width = _legend_title_width()
    ops, height = legend_drawing(drawing.legend, width - title_width, _measure)
    if not ops:
        return 0.0
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 7.5)
    canvas.drawString(x, top - 9.5, LEGEND_TITLE)
    canvas.translate(x + title_width, top)
    for op in ops:
        _draw_op(canvas, op, 0.0, 0.0)
    canvas.restoreState()
    return height


def _legend_title_width() -> float:
    return stringWidth(LEGEND_TITLE, SANS_BOLD, 7.5) + 10.0


def _extent(op: Op) -> tuple[tuple[float, ...], tuple[float, ...]]:
    if isinstance(op, Line):
        return (op.x1, op.x2), (op.y1, op.y2)
    if isinstance(op, Symbol):
        return (op.cx - op.size, op.cx + op.size), (op.cy - op.size, op.cy + op.size)
    if isinstance(op, Disc):
        return (op.cx,), (op.cy,)
    if isinstance(op, Polygon):
        return tuple(p[0] for p in op.points), tuple(p[1] for p in op.points)
    return (op.x - 30, op.x + 30), (op.y,)


def _draw_op(canvas: Canvas, op: Op, shift: float, y0: float) -> None:
    """One operation; drawing (x, y down) -> canvas (x - shift, -(y - y0))."""

    def to_x(value: float) -> float:
        return value - shift

    def to_y(value: float) -> float:
        return -(value - y0)

    black = colors.black
    if isinstance(op, Line):
        canvas.setStrokeColor(black)
        canvas.setLineWidth(op.width)
        canvas.setLineCap(0 if op.dashed else 1)
        canvas.setDash([3, 2] if op.dashed else [])
        canvas.line(to_x(op.x1), to_y(op.y1), to_x(op.x2), to_y(op.y2))
        canvas.setDash([])
    elif isinstance(op, Symbol):
        _draw_symbol(canvas, op, to_x(op.cx), to_y(op.cy))
    elif isinstance(op, Disc):
        if op.ring:
            canvas.setFillColor(colors.white)
            canvas.circle(to_x(op.cx), to_y(op.cy), op.radius + op.ring, stroke=0, fill=1)
        canvas.setFillColor(black)
        canvas.circle(to_x(op.cx), to_y(op.cy), op.radius, stroke=0, fill=1)
    elif isinstance(op, Polygon):
        path = canvas.beginPath()
        first, *rest = op.points
        path.moveTo(to_x(first[0]), to_y(first[1]))
        for px, py in rest:
            path.lineTo(to_x(px), to_y(py))
        path.close()
        canvas.setFillColor(black)
        canvas.drawPath(path, stroke=0, fill=1)
    else:
        canvas.setFillColor(INK if not op.numeral else MUTED)
        canvas.setFont(SANS_BOLD if op.bold else SANS, op.size)
        draw = {
            "center": canvas.drawCentredString,
            "left": canvas.drawString,
            "right": canvas.drawRightString,
        }[op.align]
        draw(to_x(op.x), to_y(op.y), op.text)


def _shape_path(canvas: Canvas, shape: Shape, cx: float, cy: float, size: float) -> PDFPathObject:
    half = size / 2
    path = canvas.beginPath()
    if shape == Shape.SQUARE:
        path.rect(cx - half, cy - half, size, size)
    elif shape == Shape.CIRCLE:
        path.circle(cx, cy, half)
    else:
        path.moveTo(cx, cy + half)
        path.lineTo(cx + half, cy)
        path.lineTo(cx, cy - half)
        path.lineTo(cx - half, cy)
        path.close()
    return path


def _draw_symbol(canvas: Canvas, symbol: Symbol, cx: float, cy: float) -> None:
    """White inside, a sector per group (colour, or tint and pattern), black outline."""
    size = symbol.size
    canvas.setFillColor(colors.white)
    canvas.drawPath(_shape_path(canvas, symbol.shape, cx, cy, size), stroke=0, fill=1)
    for group, (start, sweep) in zip(symbol.groups, sectors(len(symbol.groups)), strict=True):
        canvas.saveState()
        canvas.clipPath(_shape_path(canvas, symbol.shape, cx, cy, size), stroke=0, fill=0)
        if abs(sweep) < 360:
            wedge = canvas.beginPath()
            wedge.moveTo(cx, cy)
            wedge.arcTo(cx - size, cy - size, cx + size, cy + size, startAng=start, extent=sweep)
            wedge.close()
            canvas.clipPath(wedge, stroke=0, fill=0)
        solid = group.pattern == Pattern.SOLID
        canvas.setFillColor(colors.HexColor(group.colour if solid else group.tint))
        canvas.rect(cx - size, cy - size, 2 * size, 2 * size, stroke=0, fill=1)
        if not solid:
            colour = colors.HexColor(group.colour)
            canvas.setStrokeColor(colour)
            canvas.setFillColor(colour)
            canvas.setLineWidth(max(size * 0.055, 0.5))
            canvas.setLineCap(0)
            for x1, y1, x2, y2 in hatch_lines(group.pattern, size / 2):
                if x1 == x2 and y1 == y2:
                    canvas.circle(cx + x1, cy - y1, size * 0.045, stroke=0, fill=1)
                else:
                    canvas.line(cx + x1, cy - y1, cx + x2, cy - y2)
        canvas.restoreState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(symbol.width)
    canvas.setLineJoin(0)
    canvas.drawPath(_shape_path(canvas, symbol.shape, cx, cy, size), stroke=1, fill=0)


# -------------------------------------------------------------------------- documents


class PedigreeFlowable(Flowable):
    """The pedigree and its legend inside a platypus story, as wide as the frame.

    When the tree does not fit the frame at a readable size it is split: the parts follow
    one another (each with its legend), as :func:`pedigree_tiles` cuts them.
    """

    def __init__(
        self, drawing: PedigreeDrawing, *, tile: Tile | None = None, max_height: float | None = None
    ) -> None:
        super().__init__()
        self.drawing = drawing
        self.tile = tile
        self.max_height = max_height
        self._legend = 0.0

    def _tiles(self, width: float, height: float) -> list[Tile]:
        if self.max_height is not None:
            height = min(height, self.max_height)
        self._legend = legend_height(self.drawing, width) + 8.0
        return pedigree_tiles(self.drawing, width, max(height - self._legend, 40.0))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.tile is None:
            tiles = self._tiles(availWidth, availHeight)
            if len(tiles) > 1:
                self.width, self.height = availWidth, availHeight + 1  # too tall: split me
                return self.width, self.height
            self.tile = tiles[0]
        self._legend = legend_height(self.drawing, availWidth) + 8.0
        self.width, self.height = availWidth, self.tile.height + self._legend
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Too tall for the space left: start on a fresh frame first (platypus marks a
        # flowable it moved on as _postponed); split only what a whole frame cannot hold.
        if not getattr(self, "_postponed", False) and not self._at_top():
            return []
        if self.tile is not None:
            return []  # a tile was made to fit a whole frame
        tiles = self._tiles(availWidth, availHeight)
        return [PedigreeFlowable(self.drawing, tile=t, max_height=self.max_height) for t in tiles]

    def _at_top(self) -> bool:
        document = getattr(getattr(self, "canv", None), "_doctemplate", None)
        frame = getattr(document, "frame", None)
        return bool(getattr(frame, "_atTop", False))

    def draw(self) -> None:
        assert self.tile is not None
        canvas = self.canv
        draw_pedigree(canvas, self.drawing, self.tile, 0.0, self.height)
        draw_legend(canvas, self.drawing, 0.0, self._legend - 8.0, self.width)


def render_pedigree_pdf(
    family: Family,
    *,
    title: str = "",
    today: date | None = None,
    placed: Layout | None = None,
) -> bytes:
    """The pedigree of ``family`` as PDF bytes: A4 landscape, French, fonts embedded.

    ``title`` follows "Arbre généalogique — " on the title line (the family or the
    patient's name, chosen by the caller). Split across pages when too wide (module doc).
    """
    today = today or date.today()
    drawing = pdf_pedigree_drawing(family, placed=placed, today=today)
    content_width = PAGE_WIDTH - 2 * MARGIN
    legend = legend_height(drawing, content_width)
    box_top = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT
    box_bottom = MARGIN + FOOTER_HEIGHT + legend + 10.0
    tiles = pedigree_tiles(drawing, content_width, box_top - box_bottom)

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        initialFontName=SANS,
        pageCompression=1,
    )
    heading = "Arbre généalogique" + (f" — {title}" if title.strip() else "")
    canvas.setTitle(heading)
    canvas.setAuthor(APP_NAME)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setSubject("Arbre généalogique (nomenclature NSGC)")
    people = len(family.people)
    summary = (
        f"{people} personne{'s' if people > 1 else ''} · "
        f"{len(drawing.geometry.row_centres)} génération"
        f"{'s' if len(drawing.geometry.row_centres) > 1 else ''}"
    )
    for index, tile in enumerate(tiles, start=1):
        _draw_header(canvas, heading, summary, today, tile, index, len(tiles))
        x = MARGIN + (content_width - tile.width) / 2 if len(tiles) == 1 else MARGIN
        draw_pedigree(canvas, drawing, tile, x, box_top)
        draw_legend(canvas, drawing, MARGIN, MARGIN + FOOTER_HEIGHT + legend, content_width)
        _draw_footer(canvas, index, len(tiles))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_header(
    canvas: Canvas, heading: str, summary: str, today: date, tile: Tile, index: int, count: int
) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawString(MARGIN, top - 12, heading)
    canvas.setFont(SANS, 8)
    canvas.setFillColor(MUTED)
    edited = format_french_datetime(_midday(today)).split(" à ")[0]
    canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 11, f"Édité le {edited}")
    note = summary
    if count > 1:
        note += (
            f" · partie {index} sur {count} (ligne {tile.row + 1}, colonne {tile.column + 1}) :"
            f" l'arbre, trop grand pour une page avec un texte lisible (≥ {MIN_FONT_SIZE:g} pt),"
            f" est imprimé sur {tile.rows} x {tile.columns} pages à assembler"
        )
    elif tile.scale < 1:
        note += f" · échelle {math.floor(tile.scale * 100)} %"
    canvas.drawString(MARGIN, top - 24, note)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 29, PAGE_WIDTH - MARGIN, top - 29)
    canvas.restoreState()


def _midday(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0)


def _draw_footer(canvas: Canvas, index: int, count: int) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, MARGIN + 10, PAGE_WIDTH - MARGIN, MARGIN + 10)
    canvas.setFont(SANS, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(
        MARGIN, MARGIN, "Confidentiel : données de santé. Nomenclature NSGC (Bennett et al.)."
    )
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN, MARGIN, f"{APP_NAME} {__version__} · page {index}/{count}"
    )
    canvas.restoreState()
