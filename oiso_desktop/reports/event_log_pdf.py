"""The event-log extract: the events matching the Journal's filters, as an A4 landscape PDF.

Page 1 says what the extract is: the structure, who exported it and when, the
filters, and whether the hash chain verified at that moment. Then one line per
event (local date and time, user, action in French, object, workstation,
application version) under a header row repeated on every page, "page n / N" in
the footer. Events hold no patient values, so neither does the extract.

Drawn straight on the canvas, one single-line row per event (long texts are
shortened with "…"): the page count is known before the first page, the rows
are streamed, and 10,000 events take seconds rather than the minutes a
platypus table spends re-measuring itself at every page break.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.reports.common import ACCENT, INK, MUTED, RULE, SHADE, draw_footer, french
from oiso_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts

__all__ = [
    "TITLE",
    "EventLogExtract",
    "EventLogRow",
    "page_count",
    "render_event_log",
]

TITLE = "Extrait du journal des événements"
FOOTER_TEXT = "Confidentiel — journal des événements"
ALERT = colors.HexColor("#B3261E")
OK = colors.HexColor("#1E6B3A")

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 14 * mm
BOTTOM = MARGIN + 8 * mm  # room for the footer
FONT_SIZE = 7.8
ROW_HEIGHT = 12.5
HEADER_HEIGHT = 16.0
# Column titles and widths (points); they fill the width between the margins.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("N°", 46),
    ("Date et heure", 98),
    ("Utilisateur", 165),
    ("Action", 200),
    ("Objet", 90),
    ("Poste", 107),
    ("Version", 0),  # the rest
)
TABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN
# Page 1 starts the table below the description block, the others below a one-line header.
FIRST_TABLE_TOP = PAGE_HEIGHT - MARGIN - 48 * mm
NEXT_TABLE_TOP = PAGE_HEIGHT - MARGIN - 8 * mm


@dataclass(frozen=True)
class EventLogRow:
    """One event, as printed (no details: they are codes for the application)."""

    id: int
    occurred_at: dt.datetime  # aware; printed in local time
    login: str
    user_name: str  # "Claire Dubois", "" when the account is unknown (failed login)
    action: str  # the French label
    object_type: str  # its name, "Patient"
    object_id: int | None
    workstation: str
    app_version: str


@dataclass(frozen=True)
class EventLogExtract:
    """What page 1 says about the extract."""

    structure_name: str
    exported_by: str  # "Claire Dubois (cdubois)"
    exported_at: dt.datetime  # aware; printed in local time
    first_day: dt.date | None  # the period, both days included; None: open
    last_day: dt.date | None
    user: str  # "" for every user
    action: str  # "" for every action (else its French label)
    own_events_only: bool  # the exporter may only see their own events
    chain_ok: bool
    chain_checked: int
    chain_first_broken_id: int | None = None
    chain_reason: str = ""


def page_count(rows: int) -> int:
    """Pages needed for ``rows`` events (at least one)."""
    first = _rows_fitting(FIRST_TABLE_TOP)
    other = _rows_fitting(NEXT_TABLE_TOP)
    if rows <= first:
        return 1
    return 1 + math.ceil((rows - first) / other)


def _rows_fitting(table_top: float) -> int:
    return int((table_top - HEADER_HEIGHT - BOTTOM) // ROW_HEIGHT)


def _widths() -> list[float]:
    fixed = sum(width for _title, width in COLUMNS)
    return [width or TABLE_WIDTH - fixed for _title, width in COLUMNS]


def _number(value: int) -> str:
    """French thousands: 12 345 (narrow no-break space)."""
    return f"{value:,}".replace(",", "\u202f")


def _local(value: dt.datetime) -> dt.datetime:
    return value.astimezone() if value.tzinfo is not None else value


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _fit(text: str, font: str, width: float) -> str:
    """``text`` shortened with "…" to fit ``width`` at the table's font size."""
    if stringWidth(text, font, FONT_SIZE) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, FONT_SIZE) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _period(extract: EventLogExtract) -> str:
    first, last = extract.first_day, extract.last_day
    if first and last:
        return f"du {_day(first)} au {_day(last)}"
    if first:
        return f"depuis le {_day(first)}"
    if last:
        return f"jusqu’au {_day(last)}"
    return "toute la période conservée"


def _cells(row: EventLogRow) -> list[str]:
    user = f"{row.user_name} ({row.login})" if row.user_name else row.login
    target = row.object_type
    if row.object_id is not None:
        target = f"{target} n° {row.object_id}" if target else f"n° {row.object_id}"
    return [
        str(row.id),
        _local(row.occurred_at).strftime("%d/%m/%Y %H:%M:%S"),
        user,
        row.action,
        target,
        row.workstation,
        row.app_version,
    ]


class _Writer:
    """The canvas, the page being filled and the row cursor."""

    def __init__(self, canvas: Canvas, extract: EventLogExtract, pages: int) -> None:
        self.canvas = canvas
        self.extract = extract
        self.pages = pages
        self.page = 1
        self.widths = _widths()
        self.y = 0.0

    # ------------------------------------------------------------------ page parts
    def description(self, count: int) -> None:
        c, e = self.canvas, self.extract
        left = MARGIN
        top = PAGE_HEIGHT - MARGIN
        c.setFillColor(ACCENT)
        c.setFont(SANS_BOLD, 17)
        c.drawString(left, top - 14, TITLE)
        c.setFillColor(INK)
        c.setFont(SANS_BOLD, 11)
        c.drawString(left, top - 32, e.structure_name or "Structure non renseignée")
        exported = _local(e.exported_at)
        lines = [
            f"Exporté le {exported:%d/%m/%Y} à {exported:%H:%M} par {e.exported_by}",
            f"Période : {_period(e)}",
            "Utilisateur : "
            + (e.user or "tous les utilisateurs")
            + (" (seuls ses propres événements sont accessibles)" if e.own_events_only else ""),
            f"Action : {e.action or 'toutes les actions'}",
            f"Événements de l’extrait : {_number(count)}",
        ]
        c.setFont(SANS, 9)
        y = top - 50
        for line in lines:
            c.drawString(left, y, french(line))
            y -= 12.5
        if e.chain_ok:
            c.setFillColor(OK)
            status = (
                "Intégrité du journal à l’export : intact, "
                f"{_number(e.chain_checked)} enregistrement(s) vérifié(s)"
            )
        else:
            c.setFillColor(ALERT)
            status = (
                "Intégrité du journal à l’export : ALTÉRÉ, premier enregistrement fautif "
                f"n° {e.chain_first_broken_id} ({_number(e.chain_checked)} vérifié(s))"
            )
            if e.chain_reason:
                status += f" — {e.chain_reason}"
        c.setFont(SANS_BOLD, 9)
        c.drawString(left, y - 3, _fit(french(status), SANS_BOLD, TABLE_WIDTH * FONT_SIZE / 9))
        c.setFillColor(INK)

    def running_head(self) -> None:
        c = self.canvas
        c.setFont(SANS, 8)
        c.setFillColor(MUTED)
        text = TITLE
        if self.extract.structure_name:
            text += f" — {self.extract.structure_name}"
        c.drawString(MARGIN, PAGE_HEIGHT - MARGIN - 8, text)
        c.setFillColor(INK)

    def footer(self) -> None:
        draw_footer(
            self.canvas,
            FOOTER_TEXT,
            f"page {self.page} / {self.pages}",
            left=MARGIN,
            right=PAGE_WIDTH - MARGIN,
            y=MARGIN,
        )

    def header_row(self, top: float) -> None:
        c = self.canvas
        c.setFillColor(SHADE)
        c.rect(MARGIN, top - HEADER_HEIGHT, TABLE_WIDTH, HEADER_HEIGHT, stroke=0, fill=1)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.8)
        c.line(MARGIN, top - HEADER_HEIGHT, MARGIN + TABLE_WIDTH, top - HEADER_HEIGHT)
        c.setFillColor(ACCENT)
        c.setFont(SANS_BOLD, FONT_SIZE)
        x = MARGIN
        for (title, _w), width in zip(COLUMNS, self.widths, strict=True):
            c.drawString(x + 3, top - HEADER_HEIGHT + 5, title)
            x += width
        c.setFillColor(INK)
        c.setFont(SANS, FONT_SIZE)
        self.y = top - HEADER_HEIGHT

    # ------------------------------------------------------------------ flow
    def start(self, count: int) -> None:
        self.description(count)
        if count:
            self.header_row(FIRST_TABLE_TOP)

    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.page += 1
        self.running_head()
        self.header_row(NEXT_TABLE_TOP)

    def row(self, row: EventLogRow, shaded: bool) -> None:
        if self.y - ROW_HEIGHT < BOTTOM:
            self.new_page()
        c = self.canvas
        bottom = self.y - ROW_HEIGHT
        if shaded:
            c.setFillColor(colors.HexColor("#F8FAFC"))
            c.rect(MARGIN, bottom, TABLE_WIDTH, ROW_HEIGHT, stroke=0, fill=1)
            c.setFillColor(INK)
        x = MARGIN
        for text, width in zip(_cells(row), self.widths, strict=True):
            c.drawString(x + 3, bottom + 3.6, _fit(text, SANS, width - 6))
            x += width
        c.setStrokeColor(RULE)
        c.setLineWidth(0.3)
        c.line(MARGIN, bottom, MARGIN + TABLE_WIDTH, bottom)
        self.y = bottom

    def empty(self) -> None:
        c = self.canvas
        c.setFont(SANS, 10)
        c.setFillColor(MUTED)
        c.drawString(MARGIN, FIRST_TABLE_TOP - 14, "Aucun événement ne correspond aux filtres.")
        c.setFillColor(INK)


def render_event_log(
    target: IO[bytes], extract: EventLogExtract, rows: Iterable[EventLogRow], count: int
) -> int:
    """Write the extract of ``count`` events (``rows``, in the order to print) to
    ``target``; returns the number of pages.

    ``count`` must be the number of ``rows``: "page n / N" is written as the pages
    are drawn. ValueError if ``rows`` holds another number of events.
    """
    register_fonts()
    pages = page_count(count)
    canvas = Canvas(target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), initialFontName=SANS)
    canvas.setTitle(TITLE)
    canvas.setAuthor(APP_NAME)
    canvas.setSubject(TITLE)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    writer = _Writer(canvas, extract, pages)
    writer.start(count)
    written = 0
    for written, row in enumerate(rows, start=1):
        if written > count:
            break
        writer.row(row, shaded=written % 2 == 0)
    if written != count:
        raise ValueError(f"{count} events announced, {written} given")
    if count == 0:
        writer.empty()
    writer.footer()
    canvas.showPage()
    canvas.save()
    return writer.page
