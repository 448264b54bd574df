"""Fictitious documents for the demonstration database: lab reports, consent forms, letters.

The demo's patient files carry attachments as a real file would (``services.
demo_records``): a laboratory's report, a signed consent form, a letter to the
referring physician. Their content is invented, and every page says so twice: a
banner at its top ("Document fictif — base de démonstration") and a large
"FICTIF" across the page. One layout serves them all (:class:`DemoDocument`): a
letterhead, a title, a table of facts, sections of paragraphs and tables, and
drawn signatures. Built in memory with the report fonts embedded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop.reports.common import (
    ACCENT,
    FRAME_WIDTH,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SHADE,
    a4_document,
    base_style,
    draw_footer,
    french_date,
    heading_style,
    styled_table,
)
from oiso_desktop.reports.common import para as _p
from oiso_desktop.reports.fonts import SANS_BOLD, register_fonts

__all__ = [
    "FICTITIOUS_BANNER",
    "DemoDocument",
    "DemoSection",
    "render_demo_document",
]

#: Printed at the top of every page of a demo document.
FICTITIOUS_BANNER = "Document fictif — base de démonstration OISO, sans valeur médicale"
_WATERMARK = "FICTIF"

WARNING = colors.HexColor("#A4262C")
SIGNATURE_INK = colors.HexColor("#1A3F8F")


@dataclass(frozen=True)
class DemoSection:
    """A part of a document: a heading, paragraphs, then a table (first row: its header)."""

    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()  # the table's columns, as shares of the text width


@dataclass(frozen=True)
class DemoDocument:
    """A fictitious document.

    ``issuer``: the letterhead's lines, the first one in bold; ``facts``: label and
    value rows under the title (patient, dates, prescriber...); ``signatures``: the
    names signed at the end, each above a drawn signature.
    """

    issuer: tuple[str, ...]
    title: str
    day: dt.date
    facts: tuple[tuple[str, str], ...] = ()
    sections: tuple[DemoSection, ...] = ()
    place: str = ""  # "Fait à <place>, le <day>" above the signatures
    signatures: tuple[str, ...] = ()


def _styles() -> dict[str, ParagraphStyle]:
    base = base_style(10, 14)
    return {
        "body": ParagraphStyle("body", parent=base, spaceAfter=6),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "issuer": heading_style("issuer", base, 12, 15),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=14, leading=18, spaceAfter=8
        ),
        "heading": heading_style("heading", base, 11, 14, spaceBefore=8, spaceAfter=4),
        "label": ParagraphStyle("label", parent=base, fontSize=9, leading=12, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=SANS_BOLD, fontSize=9, leading=12
        ),
        "right": ParagraphStyle("right", parent=base, alignment=2),
    }


def _letterhead(document: DemoDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines: list[Flowable] = []
    for index, line in enumerate(document.issuer):
        lines.append(_p(line, styles["issuer" if index == 0 else "small"]))
    return [
        *lines,
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=10),
        _p(document.title, styles["title"]),
    ]


def _facts(document: DemoDocument, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [
        [_p(label, styles["label"]), _p(value, styles["cell"])] for label, value in document.facts
    ]
    return styled_table(
        rows,
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
        colWidths=[FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7],
    )


def _table(section: DemoSection, styles: dict[str, ParagraphStyle]) -> Table:
    rows = section.rows
    columns = max(len(row) for row in rows)
    shares = section.widths if len(section.widths) == columns else (1 / columns,) * columns
    cells = [
        [_p(text, styles["cell_head" if index == 0 else "cell"]) for text in row]
        + [_p("", styles["cell"])] * (columns - len(row))
        for index, row in enumerate(rows)
    ]
    return styled_table(
        cells,
        [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
        colWidths=[FRAME_WIDTH * share for share in shares],
        repeatRows=1,
    )


class _Signature(Flowable):
    """A name under a hand-drawn-looking stroke (its shape drawn from the name)."""

    def __init__(self, name: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.name = name
        self.style = style
        self.width = FRAME_WIDTH / 2 - 6 * mm
        self.height = 22 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        seed = hashlib.sha256(self.name.encode("utf-8")).digest()
        canvas.saveState()
        canvas.setStrokeColor(SIGNATURE_INK)
        canvas.setLineWidth(1.1)
        path = canvas.beginPath()
        x, y = 4 * mm, 12 * mm
        path.moveTo(x, y)
        for index in range(5):
            step = 6 + seed[index] % 8
            rise = (seed[index + 5] % 14) - 4
            path.curveTo(
                x + step * 0.6 * mm,
                y + (rise + 8) * 0.5 * mm,
                x + step * 0.9 * mm,
                y - (rise + 6) * 0.5 * mm,
                x + step * mm,
                y + (seed[index + 10] % 5 - 2) * 0.4 * mm,
            )
            x += step * mm
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.line(3 * mm, 8.5 * mm, x + 4 * mm, 9.5 * mm)
        canvas.restoreState()
        paragraph = _p(self.name, self.style)
        paragraph.wrapOn(canvas, self.width, self.height)
        paragraph.drawOn(canvas, 0, 0)


def _signatures(document: DemoDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not document.signatures:
        return []
    blocks: list[Flowable] = [Spacer(1, 4 * mm)]
    if document.place:
        blocks.append(
            _p(f"Fait à {document.place}, le {french_date(document.day)}", styles["body"])
        )
    signed = [_Signature(name, styles["cell"]) for name in document.signatures]
    row = [signed[index : index + 2] for index in range(0, len(signed), 2)]
    cells = [[*pair, *([""] * (2 - len(pair)))] for pair in row]
    blocks.append(
        styled_table(cells, [("LEFTPADDING", (0, 0), (-1, -1), 0)], colWidths=[FRAME_WIDTH / 2] * 2)
    )
    return [KeepTogether(blocks)]


def _page(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """The banner, the watermark and the page number of every page."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.08))
    canvas.setFont(SANS_BOLD, 110)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -35, _WATERMARK)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(WARNING)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 10 * mm, FICTITIOUS_BANNER)
    canvas.restoreState()
    draw_footer(canvas, "Document fictif", f"Page {document.page}")


def render_demo_document(document: DemoDocument) -> bytes:
    """The document as a PDF (A4, fonts embedded), built in memory."""
    register_fonts()
    styles = _styles()
    story: list[Flowable] = _letterhead(document, styles)
    if document.facts:
        story += [_facts(document, styles), Spacer(1, 3 * mm)]
    for section in document.sections:
        if section.heading:
            story.append(_p(section.heading, styles["heading"]))
        story += [_p(text, styles["body"]) for text in section.paragraphs]
        if section.rows:
            story += [_table(section, styles), Spacer(1, 3 * mm)]
    story += _signatures(document, styles)
    buffer = io.BytesIO()
    template = a4_document(buffer, title=f"{document.title} (fictif)", subject=FICTITIOUS_BANNER)
    template.build(story, onFirstPage=_page, onLaterPages=_page)
    return buffer.getvalue()
