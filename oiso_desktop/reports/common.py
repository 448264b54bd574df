"""What the A4 reports share: colours, French text, paragraph styles, the letterhead,
the footer, the document template and tables that carry the embedded font.

Used by the patient summary, the letters to relatives, the demo documents and the
recovery sheet, so that they look alike and none of them falls back on a standard
(non-embedded) font.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.reports.fonts import SANS, SANS_BOLD

__all__ = [
    "ACCENT",
    "FOOTER",
    "FRAME_WIDTH",
    "FRENCH_MONTHS",
    "INK",
    "MARGIN",
    "MUTED",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "RULE",
    "SHADE",
    "NO_SIDE_PADDING",
    "a4_document",
    "base_style",
    "draw_footer",
    "french",
    "french_date",
    "heading_style",
    "letterhead",
    "para",
    "styled_table",
    "table_style",
]

FOOTER = "Confidentiel — données de santé"
FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

INK = colors.HexColor("#1B2733")
MUTED = colors.HexColor("#5A6672")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#B8C4CE")
SHADE = colors.HexColor("#F2F6FA")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
# SimpleDocTemplate's frame keeps a 6 pt padding on each side.
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12

#: Table cells flush with the frame on the left and right.
NO_SIDE_PADDING: tuple[tuple[Any, ...], ...] = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
)


# ------------------------------------------------------------------------------ text


def french_date(day: dt.date) -> str:
    """ "2 mars 2026", "1er mai 2026"."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def french(text: str) -> str:
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


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped for the markup, French spacing)."""
    return Paragraph(escape(french(text)), style)


# ---------------------------------------------------------------------------- styles


def base_style(font_size: float, leading: float, **extra: Any) -> ParagraphStyle:
    """The body text every other style of a report derives from."""
    return ParagraphStyle(
        "base", fontName=SANS, fontSize=font_size, leading=leading, textColor=INK, **extra
    )


def heading_style(
    name: str, parent: ParagraphStyle, font_size: float, leading: float, **extra: Any
) -> ParagraphStyle:
    """A bold heading in the accent colour."""
    return ParagraphStyle(
        name,
        parent=parent,
        fontName=SANS_BOLD,
        fontSize=font_size,
        leading=leading,
        textColor=ACCENT,
        **extra,
    )


# ---------------------------------------------------------------------------- tables


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """``commands`` after the embedded font set on every cell: a table defaults to
    Helvetica, a font the PDF would not embed."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands])


def styled_table(
    rows: Sequence[Sequence[Any]], commands: Sequence[tuple[Any, ...]], **table: Any
) -> Table:
    """A ``Table`` of ``rows`` (``table``: its keyword arguments) styled by
    :func:`table_style`."""
    result = Table([list(row) for row in rows], **table)
    result.setStyle(table_style(*commands))
    return result


# ------------------------------------------------------------------------ letterhead


def letterhead(
    *,
    structure_name: str,
    address: str,
    phone: str,
    finess: str,
    practitioner: str,
    profession: str,
    identifier: str,
    head: ParagraphStyle,
    small: ParagraphStyle,
    width: float,
) -> Table:
    """The structure (name, address, telephone, FINESS) on the left, the practitioner
    (name, profession, ``identifier`` such as "RPPS : 10005173140") on the right."""
    left: list[Flowable] = [para(structure_name, head)] if structure_name else []
    left += [para(line.strip(), small) for line in address.splitlines() if line.strip()]
    if phone:
        left.append(para(f"Téléphone : {phone}", small))
    if finess:
        left.append(para(f"FINESS : {finess}", small))
    right: list[Flowable] = []
    if practitioner:
        right.append(para(practitioner, head))
    if profession:
        right.append(para(profession, small))
    if identifier:
        right.append(para(identifier, small))
    return styled_table(
        [[left, right]],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_SIDE_PADDING],
        colWidths=[width * 0.58, width * 0.42],
    )


# ---------------------------------------------------------------------- page, footer


def a4_document(buffer: BinaryIO, *, title: str, subject: str) -> SimpleDocTemplate:
    """A portrait A4 document with the reports' margins (room for the footer) and
    metadata; no reference to a standard font anywhere in the file."""
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=title,
        author=APP_NAME,
        subject=subject,
        creator=f"{APP_NAME} {__version__}",
        initialFontName=SANS,
    )


def draw_footer(
    canvas: Canvas,
    left_text: str,
    right_text: str,
    *,
    left: float = MARGIN + 6,
    right: float = PAGE_WIDTH - MARGIN - 6,
    y: float = MARGIN - 2 * mm,
    font: str = SANS,
    font_size: float = 8,
    rule_gap: float = 4.5 * mm,
) -> None:
    """A thin rule, ``left_text`` under its start and ``right_text`` under its end
    (by default aligned with the frame content of :func:`a4_document`)."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, y + rule_gap, right, y + rule_gap)
    canvas.setFont(font, font_size)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, y, left_text)
    canvas.drawRightString(right, y, right_text)
    canvas.restoreState()
