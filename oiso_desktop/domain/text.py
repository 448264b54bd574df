"""Text folding for search and the parsing of the patient search box."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["SearchQuery", "fold", "parse_search_query", "strip_accents"]

# Ligatures and stroked letters that NFKD does not decompose.
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ẞ": "SS",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
    }
)
_SPACES_RE = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Ligatures expanded, NFKD, combining marks removed; case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower-case, no accents, apostrophes/hyphens/punctuation as spaces, single spaces.

    ``fold("  Lefèvre-D'Œuvre ")`` is ``"lefevre d oeuvre"``. Letters and digits of
    any script are kept; everything else becomes a space.
    """
    plain = strip_accents(text).lower()
    spaced = "".join(char if char.isalnum() else " " for char in plain)
    return _SPACES_RE.sub(" ", spaced).strip()


@dataclass(frozen=True)
class SearchQuery:
    """What the user typed in the patient search box, understood.

    ``tokens`` are folded name fragments (all must match); ``birth_date`` a date
    typed as 12/03/1975, 12-03-1975, 12.03.1975 or 1975-03-12; ``nir_prefix`` the
    beginning of a NIR (5+ digits, 2A/2B allowed), exclusive of the others.
    """

    tokens: tuple[str, ...] = ()
    birth_date: date | None = None
    nir_prefix: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.tokens and self.birth_date is None and self.nir_prefix is None


_DMY_RE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_YMD_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NIR_PREFIX_RE = re.compile(r"\d{5}(?:\d{0,10}|2[AB]\d{0,8})")


def _as_date(token: str) -> date | None:
    match = _DMY_RE.fullmatch(token)
    if match:
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        match = _YMD_RE.fullmatch(token)
        if not match:
            return None
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_search_query(text: str) -> SearchQuery:
    """Split the search text into name tokens, a birth date and a NIR prefix.

    * spaces removed, 5 to 15 digits (or 5 digits, 2A/2B, digits): a NIR prefix, and
      nothing else;
    * a word shaped like a valid date is the birth date (the first one only);
      an impossible date ("31/02/1975") is kept as ordinary tokens;
    * everything else is folded into tokens (duplicates dropped, order kept).
    """
    compact = _SPACES_RE.sub("", text).upper()
    if _NIR_PREFIX_RE.fullmatch(compact):
        return SearchQuery(tokens=(), birth_date=None, nir_prefix=compact)
    birth_date: date | None = None
    rest: list[str] = []
    for word in text.split():
        if birth_date is None:
            parsed = _as_date(word)
            if parsed is not None:
                birth_date = parsed
                continue
        rest.append(word)
    tokens = tuple(dict.fromkeys(fold(" ".join(rest)).split()))
    return SearchQuery(tokens=tokens, birth_date=birth_date, nir_prefix=None)
