"""A compact grammar of HGVS variant descriptions, coding DNA (``c.``) and protein (``p.``).

The ``hgvs`` package brings a heavy stack (a parser generator, a sequence
database client) for far more than the variant form needs: checking that what a
laboratory report says was copied well. This module reads the descriptions met
in germline cancer-predisposition reports (HGVS nomenclature v21) and says
where one goes wrong; it does not check them against a sequence.

``c.`` — an optional reference (``NM_000059.4:``, ``NM_000059.4(BRCA2):``), then

* positions: ``123``, 5' UTR ``-12``, 3' UTR ``*34``, intronic offsets ``123+5`` /
  ``124-2`` / ``-15+1``, unknown offset ``123+?``; uncertain ends ``(123+1_124-1)``
  or ``?`` (copy-number changes: ``c.(4185+1_4186-1)_(4357+1_4358-1)del``);
* edits: substitution ``123A>G`` (one exact position, two different bases),
  ``del``, ``dup`` (with the sequence or a length, legacy ``delAG``), ``ins``
  (between two adjacent positions: ``123_124insT``, ``ins(10)``), ``delins``,
  ``inv`` (a range), ``=`` (no change).

``p.`` — ``p.?``, ``p.=``, ``p.(=)``, ``p.0``, ``p.0?``; or a change, possibly in
parentheses (predicted): missense and nonsense ``Arg1699Trp`` / ``Arg1699Ter`` /
``Arg1699*``, silent ``Arg1699=``, unknown ``Met1?``, frameshift
``Ser1982ArgfsTer22`` / ``Ser1982fs``, extension ``Met1ext-5`` /
``Ter110GlnextTer17``, ``del``, ``dup``, ``ins`` (adjacent residues), ``delins``.
Amino acids in three letters (``Ter`` or ``*`` for a stop) or in one letter
(``*`` for a stop), not mixed.

:func:`check_c` / :func:`check_p` return None for a valid description, else an
:class:`HgvsProblem` saying what is wrong and at which character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "AMINO_ACIDS_1",
    "AMINO_ACIDS_3",
    "HgvsProblem",
    "ProblemKind",
    "check_c",
    "check_p",
]

AMINO_ACIDS_3 = frozenset(
    [
        "Ala",
        "Arg",
        "Asn",
        "Asp",
        "Cys",
        "Gln",
        "Glu",
        "Gly",
        "His",
        "Ile",
        "Leu",
        "Lys",
        "Met",
        "Phe",
        "Pro",
        "Ser",
        "Thr",
        "Trp",
        "Tyr",
        "Val",
        "Sec",
        "Pyl",
        "Xaa",
    ]
)
AMINO_ACIDS_1 = frozenset("ACDEFGHIKLMNPQRSTVWYUOX")
_BASES = "ACGTN"
_REFERENCE = re.compile(
    r"(?:NM|NR|NC|NG|XM|XR)_\d+(?:\.\d+)?(?:\([A-Za-z0-9-]+\))?:"
    r"|ENST\d+(?:\.\d+)?(?:\([A-Za-z0-9-]+\))?:"
    r"|LRG_\d+(?:t\d+)?:"
    r"|(?:NP|XP)_\d+(?:\.\d+)?(?:\([A-Za-z0-9-]+\))?:"
    r"|ENSP\d+(?:\.\d+)?:"
)


#: The most digits a position or a length may have (longer: not HGVS, and never an
#: integer conversion of unbounded size).
MAX_DIGITS = 9


class ProblemKind(StrEnum):
    SYNTAX = "syntax"  # cannot be read from character ``position`` on
    RANGE_ORDER = "range_order"  # a range whose start is not before its end
    NOT_ADJACENT = "not_adjacent"  # an insertion between positions that do not touch


@dataclass(frozen=True)
class HgvsProblem:
    kind: ProblemKind
    position: int  # 1-based character where reading stopped (len + 1: it ended too soon)


class _Fail(Exception):
    def __init__(self, kind: ProblemKind, index: int) -> None:
        super().__init__(kind)
        self.kind = kind
        self.index = index


class _Cursor:
    """Reads ``text`` left to right; every failure names the index it stopped at."""

    def __init__(self, text: str, start: int = 0) -> None:
        self.text = text
        self.i = start

    def at_end(self) -> bool:
        return self.i >= len(self.text)

    def peek(self, literal: str) -> bool:
        return self.text.startswith(literal, self.i)

    def take(self, literal: str) -> bool:
        if self.peek(literal):
            self.i += len(literal)
            return True
        return False

    def expect(self, literal: str) -> None:
        if not self.take(literal):
            self.fail()

    def digits(self, *, required: bool = True) -> int | None:
        """A position or a length: ASCII digits only ("１２３" is not one), at most
        :data:`MAX_DIGITS` of them (a genome coordinate needs 9)."""
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in "0123456789":
            self.i += 1
            if self.i - start > MAX_DIGITS:
                self.i = start + MAX_DIGITS
                self.fail()
        if self.i == start:
            if required:
                self.fail()
            return None
        return int(self.text[start : self.i])

    def run(self, allowed: str) -> str:
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in allowed:
            self.i += 1
        return self.text[start : self.i]

    def fail(self, kind: ProblemKind = ProblemKind.SYNTAX, index: int | None = None) -> None:
        raise _Fail(kind, self.i if index is None else index)


def _skip_reference(cursor: _Cursor) -> None:
    match = _REFERENCE.match(cursor.text, cursor.i)
    if match is not None:
        cursor.i = match.end()


# ----------------------------------------------------------------------------- c.


@dataclass(frozen=True)
class _Point:
    """An exact c. position: region (0: 5' UTR, 1: coding, 2: 3' UTR), base, offset."""

    region: int
    base: int
    offset: int | None  # None: "+?" / "-?" (unknown)
    index: int  # where it starts in the text

    def key(self) -> tuple[int, int, int] | None:
        return None if self.offset is None else (self.region, self.base, self.offset)

    def follows(self, other: _Point) -> bool:
        """Whether this position may be the one right after ``other`` (an insertion site).

        Unknown offsets cannot be checked (taken as adjacent); the last coding base and
        ``*1`` neither (the coding length is not known here)."""
        if self.offset is None or other.offset is None:
            return True
        if self.region != other.region:
            if (other.region, self.region) == (0, 1):  # c.-1_1
                return (other.base, other.offset, self.base, self.offset) == (-1, 0, 1, 0)
            if (other.region, self.region) == (1, 2):  # c.<last>_*1
                return other.offset == 0 and (self.base, self.offset) == (1, 0)
            return False
        if self.base == other.base:  # c.100_100+1, c.100+5_100+6, c.101-1_101
            return self.offset == other.offset + 1
        return other.offset == 0 and self.offset == 0 and self.base == other.base + 1


def _c_point(cursor: _Cursor) -> _Point:
    index = cursor.i
    region = 1
    if cursor.take("-"):
        region = 0
    elif cursor.take("*"):
        region = 2
    number = cursor.digits()
    assert number is not None
    if region == 1 and number == 0:
        cursor.fail(index=index)
    base = -number if region == 0 else number
    offset: int | None = 0
    if cursor.peek("+") or cursor.peek("-"):
        sign = 1 if cursor.take("+") else -1
        if sign < 0:
            cursor.expect("-")
        if cursor.take("?"):
            offset = None
        else:
            value = cursor.digits()
            assert value is not None
            if value == 0:
                cursor.fail(index=cursor.i - 1)
            offset = sign * value
    return _Point(region, base, offset, index)


def _c_end(cursor: _Cursor) -> _Point | None:
    """One end of a location: an exact point, "?" or an uncertain "(a_b)" (None)."""
    if cursor.take("?"):
        return None
    if cursor.take("("):
        first = None if cursor.take("?") else _c_point(cursor)
        cursor.expect("_")
        second = None if cursor.take("?") else _c_point(cursor)
        _check_order(cursor, first, second)
        cursor.expect(")")
        return None
    return _c_point(cursor)


def _check_order(cursor: _Cursor, first: _Point | None, second: _Point | None) -> None:
    if first is None or second is None:
        return
    a, b = first.key(), second.key()
    if a is not None and b is not None and not a < b:
        cursor.fail(ProblemKind.RANGE_ORDER, first.index)


def _inserted_dna(cursor: _Cursor) -> None:
    """What an insertion brings: bases, "(10)" a number of them, or "N[10]"."""
    if cursor.take("("):
        cursor.digits()
        cursor.expect(")")
        return
    if cursor.take("N["):
        cursor.digits()
        cursor.expect("]")
        return
    if not cursor.run(_BASES):
        cursor.fail()


def _parse_c(text: str) -> None:
    cursor = _Cursor(text)
    _skip_reference(cursor)
    cursor.expect("c.")
    start = cursor.i
    first = _c_end(cursor)
    second: _Point | None = None
    ranged = cursor.take("_")
    if ranged:
        second = _c_end(cursor)
        _check_order(cursor, first, second)
    exact_single = not ranged and first is not None
    edit_at = cursor.i
    if cursor.peek("delins"):
        cursor.take("delins")
        _inserted_dna(cursor)
    elif cursor.take("del"):
        if cursor.digits(required=False) is None:
            cursor.run(_BASES)
            if cursor.take("ins"):  # legacy "delAGinsT": a deletion-insertion
                _inserted_dna(cursor)
    elif cursor.take("dup"):
        if cursor.digits(required=False) is None:
            cursor.run(_BASES)
    elif cursor.take("ins"):
        if not ranged:
            cursor.fail(index=edit_at)
        if first is not None and second is not None and not second.follows(first):
            cursor.fail(ProblemKind.NOT_ADJACENT, start)
        _inserted_dna(cursor)
    elif cursor.take("inv"):
        if not ranged:
            cursor.fail(index=edit_at)
        cursor.digits(required=False)
    elif cursor.take("="):
        pass
    elif not cursor.at_end() and cursor.text[cursor.i] in "ACGT":
        if not exact_single:
            cursor.fail(index=edit_at)
        reference = cursor.text[cursor.i]
        cursor.i += 1
        cursor.expect(">")
        if cursor.at_end() or cursor.text[cursor.i] not in "ACGT":
            cursor.fail()
        if cursor.text[cursor.i] == reference:
            cursor.fail()
        cursor.i += 1
    else:
        cursor.fail()
    if not cursor.at_end():
        cursor.fail()


# ----------------------------------------------------------------------------- p.


class _Protein(_Cursor):
    """A p. cursor reading amino acids in three letters (``Ter``, ``*``) or one letter."""

    def __init__(self, text: str, start: int, *, three: bool) -> None:
        super().__init__(text, start)
        self.three = three

    def amino_acid(self, *, stop: bool = True) -> str | None:
        """One residue (a stop if ``stop``), or None without moving."""
        if stop and self.take("*"):
            return "*"
        if self.three:
            word = self.text[self.i : self.i + 3]
            if word in AMINO_ACIDS_3 or (stop and word == "Ter"):
                self.i += 3
                return "*" if word == "Ter" else word
            return None
        letter = self.text[self.i : self.i + 1]
        if letter and letter in AMINO_ACIDS_1:
            self.i += 1
            return letter
        return None

    def residue(self) -> tuple[str, int, int]:
        """A residue and its position: "Arg1699" -> (Arg, 1699, index)."""
        index = self.i
        amino = self.amino_acid()
        if amino is None:
            self.fail()
        number = self.digits()
        assert amino is not None and number is not None
        if number == 0:
            self.fail(index=self.i - 1)
        return amino, number, index

    def sequence(self) -> None:
        """Inserted residues: one or more (a stop may end them), or "(10)"."""
        if self.take("("):
            self.digits()
            self.expect(")")
            return
        count = 0
        while (amino := self.amino_acid()) is not None:
            count += 1
            if amino == "*":
                break
        if count == 0:
            self.fail()

    def stop_position(self) -> None:
        """ "Ter22", "*22", "Ter?", "*?" (after fs or ext)."""
        if not (self.take("Ter") if self.three else False) and not self.take("*"):
            self.fail()
        if not self.take("?"):
            self.digits()


def _p_change(cursor: _Protein) -> None:
    amino, number, index = cursor.residue()
    if cursor.take("_"):
        _, end, _ = cursor.residue()
        if not number < end:
            cursor.fail(ProblemKind.RANGE_ORDER, index)
        edit_at = cursor.i
        if cursor.take("delins"):
            cursor.sequence()
        elif cursor.take("del") or cursor.take("dup"):
            pass
        elif cursor.take("ins"):
            if end != number + 1:
                cursor.fail(ProblemKind.NOT_ADJACENT, index)
            cursor.sequence()
        else:
            cursor.fail(index=edit_at)
        return
    if cursor.take("delins"):
        cursor.sequence()
        return
    if cursor.take("del") or cursor.take("dup") or cursor.take("=") or cursor.take("?"):
        return
    if cursor.take("ext"):  # Met1ext-5: a new start upstream
        if amino != "Met" and amino != "M":
            cursor.fail(index=index)
        cursor.expect("-")
        cursor.digits()
        return
    if cursor.take("fs"):  # Ser1982fs (short form)
        if not cursor.at_end() and not cursor.peek(")"):
            cursor.stop_position()
        return
    new = cursor.amino_acid()
    if new is None:
        cursor.fail()
    if cursor.take("fs"):
        if not cursor.at_end() and not cursor.peek(")"):
            cursor.stop_position()
        return
    if cursor.take("ext"):  # Ter110GlnextTer17: the stop lost, the protein goes on
        if amino != "*":
            cursor.fail(index=index)
        cursor.stop_position()
        return


def _parse_p_with(text: str, start: int, *, three: bool) -> None:
    cursor = _Protein(text, start, three=three)
    for whole in ("?", "=", "(=)", "0?", "0", "(0)"):
        if text[start:] == whole:
            return
    predicted = cursor.take("(")
    _p_change(cursor)
    if predicted:
        cursor.expect(")")
    if not cursor.at_end():
        cursor.fail()


def _parse_p(text: str) -> None:
    cursor = _Cursor(text)
    _skip_reference(cursor)
    cursor.expect("p.")
    start = cursor.i
    # The first residue says the alphabet, three letters ("Arg", "Ter") or one ("R"): a
    # problem is told in that reading. A first "*" says nothing: both are tried.
    first = start + 1 if text.startswith("(", start) else start
    three = text[first : first + 3] in AMINO_ACIDS_3 | {"Ter"}
    try:
        _parse_p_with(text, start, three=three)
    except _Fail:
        try:
            _parse_p_with(text, start, three=not three)
        except _Fail:
            pass
        else:
            return
        raise


# ----------------------------------------------------------------------------- API


def _check(text: str, parse: object) -> HgvsProblem | None:
    try:
        parse(text)  # type: ignore[operator]
    except _Fail as problem:
        return HgvsProblem(problem.kind, problem.index + 1)
    return None


def check_c(text: str) -> HgvsProblem | None:
    """None when ``text`` is a valid HGVS coding-DNA description, else what is wrong."""
    return _check(text.strip(), _parse_c)


def check_p(text: str) -> HgvsProblem | None:
    """None when ``text`` is a valid HGVS protein description, else what is wrong."""
    return _check(text.strip(), _parse_p)
