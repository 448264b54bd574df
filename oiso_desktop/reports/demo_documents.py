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
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts
from oiso_desktop.reports.relatives_letter_pdf import french_date

__all__ = [
    "FICTITIOUS_BANNER",
    "DemoDocument",
    "DemoSection",
    "render_demo_document",
]

#: Printed at the top of every page of a demo document.
FICTITIOUS_BANNER = "Document fictif — base de démonstration OISO, sans valeur médicale"
_WATERMARK = "FICTIF"

INK = colors.HexColor("#1B2733")
MUTED = colors.HexColor("#5A6672")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#B8C4CE")
BOX = colors.HexColor("#F2F6FA")
WARNING = colors.HexColor("#A4262C")
SIGNATURE_INK = colors.HexColor("#1A3F8F")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12


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


def _french(text: str) -> str:
    """French spacing: no line break before ``:`` ``?`` ``!`` ``;`` nor inside « »."""
    for before, after in (
        (" :", "\u00a0:"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
        (" ;", "\u00a0;"),
        ("« ", "«\u00a0"),
        (" »", "\u00a0»"),
    ):
        text = text.replace(before, after)
    return text


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_french(text)), style)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=10, leading=14, textColor=INK)
    return {
        "body": ParagraphStyle("body", parent=base, spaceAfter=6),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "issuer": ParagraphStyle(
            "issuer", parent=base, fontName=SANS_BOLD, fontSize=12, leading=15, textColor=ACCENT
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=14, leading=18, spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
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
    table = Table(rows, colWidths=[TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.7])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _table(section: DemoSection, styles: dict[str, ParagraphStyle]) -> Table:
    rows = section.rows
    columns = max(len(row) for row in rows)
    shares = section.widths if len(section.widths) == columns else (1 / columns,) * columns
    cells = [
        [_p(text, styles["cell_head" if index == 0 else "cell"]) for text in row]
        + [_p("", styles["cell"])] * (columns - len(row))
        for index, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=[TEXT_WIDTH * share for share in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), BOX),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


class _Signature(Flowable):
    """A name under a hand-drawn-looking stroke (its shape drawn from the name)."""

    def __init__(self, name: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.name = name
        self.style = style
        self.width = TEXT_WIDTH / 2 - 6 * mm
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
    table = Table(cells, colWidths=[TEXT_WIDTH / 2] * 2)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    blocks.append(table)
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
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    left, right = MARGIN + 6, PAGE_WIDTH - MARGIN - 6
    y = MARGIN - 2 * mm
    canvas.line(left, y + 4.5 * mm, right, y + 4.5 * mm)
    canvas.setFont(SANS, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, y, "Document fictif")
    canvas.drawRightString(right, y, f"Page {document.page}")
    canvas.restoreState()


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
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"{document.title} (fictif)",
        author=APP_NAME,
        subject=FICTITIOUS_BANNER,
        creator=f"{APP_NAME} {__version__}",
        initialFontName=SANS,
    )
    template.build(story, onFirstPage=_page, onLaterPages=_page)
    return buffer.getvalue()
