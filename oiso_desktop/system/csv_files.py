"""CSV files that a spreadsheet opens as data, never as formulas.

Excel and LibreOffice evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, through quirks, a tab or a carriage return) as a formula: a login typed at
the login screen as ``=HYPERLINK(...)`` would become a live link in the exported
event log ("CSV injection"). Every CSV the product writes goes through
:func:`csv_writer`, which prefixes such text cells with a single quote.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

__all__ = ["FORMULA_PREFIXES", "SafeCsvWriter", "csv_writer", "neutralise_cell"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """``value`` made inert for a spreadsheet: ``'`` before a text that starts a formula.

    ``None`` becomes ``""``; numbers and other non-text values are kept as they are
    (a number is never read as a formula).
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCsvWriter:
    """A ``csv.writer`` whose rows are neutralised (see :func:`neutralise_cell`)."""

    def __init__(self, handle: IO[str], **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralise_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(handle: IO[str], **options: Any) -> SafeCsvWriter:
    """The one way to write CSV rows in the product (``options`` as for ``csv.writer``)."""
    return SafeCsvWriter(handle, **options)
