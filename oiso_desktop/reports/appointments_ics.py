"""Appointments as an iCalendar file (RFC 5545), written by hand: a few properties.

Minimal content, by design: the summary "Rendez-vous <exam>" (never a diagnosis, a
gene nor the patient's name: the file leaves the application for a phone or a
mailbox), the place, the start and the end as local "floating" times (the wall-clock
time at the place, like the appointments themselves), a stable UID and its SEQUENCE,
and STATUS:CANCELLED for a cancelled one. Text values are escaped (``\\`` ``;`` ``,``
and new lines), lines folded at 75 octets without cutting a UTF-8 character, every
line ends with CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.reports.exam_labels import exam_label_fr

__all__ = ["CalendarEntry", "escape_text", "fold_line", "ics_calendar"]

MAX_OCTETS = 75
UID_DOMAIN = "oiso-desktop"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # unique within the database: "appointment-12"
    exam: str  # ExamKind value
    starts_at: dt.datetime  # local, naive
    duration_minutes: int
    place: str
    stamp: dt.datetime  # when the file is made (aware)
    sequence: int = 0
    cancelled: bool = False


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> bytes:
    """One content line, folded at 75 octets (continuations start with a space),
    CRLF-terminated; a multi-byte character is never cut."""
    out = bytearray()
    width = 0
    limit = MAX_OCTETS
    for char in line:
        data = char.encode("utf-8")
        if width + len(data) > limit:
            out += b"\r\n "
            width = 1
        out += data
        width += len(data)
    out += b"\r\n"
    return bytes(out)


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_calendar(entries: Iterable[CalendarEntry]) -> bytes:
    """The VCALENDAR of ``entries`` as bytes (UTF-8, CRLF)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{__version__}//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for entry in entries:
        end = entry.starts_at + dt.timedelta(minutes=entry.duration_minutes)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(entry.uid)}@{UID_DOMAIN}",
            f"SEQUENCE:{int(entry.sequence)}",
            f"DTSTAMP:{_utc(entry.stamp)}",
            f"DTSTART:{_local(entry.starts_at)}",
            f"DTEND:{_local(end)}",
            f"SUMMARY:{escape_text('Rendez-vous ' + exam_label_fr(entry.exam))}",
            f"LOCATION:{escape_text(entry.place)}",
            f"STATUS:{'CANCELLED' if entry.cancelled else 'CONFIRMED'}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)
