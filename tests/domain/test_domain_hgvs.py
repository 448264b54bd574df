"""The HGVS grammar (domain.hgvs_syntax): the descriptions of germline reports read, the
malformed ones are refused at the character where they go wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.hgvs_syntax import (
    AMINO_ACIDS_1,
    AMINO_ACIDS_3,
    HgvsProblem,
    ProblemKind,
    check_c,
    check_p,
)

VALID_C = [
    # substitutions: coding, 5' and 3' UTR, intronic offsets on both sides
    "c.68A>G",
    "c.1A>G",
    "c.5123C>A",
    "c.-12C>T",
    "c.*34A>G",
    "c.68-2A>G",
    "c.212+1G>A",
    "c.-15+1G>A",
    "c.*10-3T>C",
    # deletions, duplications, with or without the sequence (legacy) or a length
    "c.5946del",
    "c.5946delT",
    "c.68_69del",
    "c.68_69delAG",
    "c.68_70del3",
    "c.4035dup",
    "c.4035dupA",
    "c.3756_3759dup",
    # insertions between neighbours, inside an intron, across the start codon
    "c.1234_1235insT",
    "c.1234_1235insTTAG",
    "c.1234_1235ins(10)",
    "c.1234_1235insN[12]",
    "c.100_100+1insA",
    "c.100+5_100+6insG",
    "c.101-1_101insC",
    "c.-1_1insA",
    "c.-3_-2insG",
    # deletion-insertions, legacy form too, inversions, no change
    "c.68delinsTT",
    "c.68_70delinsGA",
    "c.68_69delAGinsT",
    "c.1_10inv",
    "c.123=",
    # copy-number changes with uncertain ends, unknown offsets
    "c.(4185+1_4186-1)_(4357+1_4358-1)del",
    "c.(?_-233)_(*1_?)del",
    "c.(4185+1_4186-1)_(4357+1_4358-1)dup",
    "c.123+?_456-?del",
    # with a reference sequence
    "NM_000059.4:c.5946del",
    "NM_000059.4(BRCA2):c.5946del",
    "ENST00000380152.8:c.5946del",
    "LRG_293t1:c.5946del",
    "  c.5946del  ",  # spaces around are ignored
]

# (text, problem kind, 1-based character where it stops)
INVALID_C = [
    ("", ProblemKind.SYNTAX, 1),
    ("5946del", ProblemKind.SYNTAX, 1),  # no "c."
    ("g.5946del", ProblemKind.SYNTAX, 1),
    ("c.", ProblemKind.SYNTAX, 3),  # ends too soon
    ("c.123", ProblemKind.SYNTAX, 6),
    ("c.0A>G", ProblemKind.SYNTAX, 3),  # no position 0
    ("c.123+0G>A", ProblemKind.SYNTAX, 7),
    ("c.68A>A", ProblemKind.SYNTAX, 7),  # the same base
    ("c.68A>X", ProblemKind.SYNTAX, 7),
    ("c.68a>g", ProblemKind.SYNTAX, 5),  # bases are upper case
    ("c.68_70A>G", ProblemKind.SYNTAX, 8),  # a substitution is one position
    ("c.(68_70)A>G", ProblemKind.SYNTAX, 10),
    ("c.5946delX", ProblemKind.SYNTAX, 10),
    ("c.5946 del", ProblemKind.SYNTAX, 7),
    ("c.5ins", ProblemKind.SYNTAX, 4),  # an insertion needs two positions
    ("c.5_6ins", ProblemKind.SYNTAX, 9),  # and what is inserted
    ("c.5inv", ProblemKind.SYNTAX, 4),
    ("c.100_98del", ProblemKind.RANGE_ORDER, 3),
    ("c.100+5_100+2del", ProblemKind.RANGE_ORDER, 3),
    ("c.*5_-3del", ProblemKind.RANGE_ORDER, 3),
    ("c.(4186-1_4185+1)_4357del", ProblemKind.RANGE_ORDER, 4),
    ("c.1234_1236insT", ProblemKind.NOT_ADJACENT, 3),
    ("c.-1_2insA", ProblemKind.NOT_ADJACENT, 3),
    ("c.100+5_100+7insG", ProblemKind.NOT_ADJACENT, 3),
    ("c.IVS2+1G>A", ProblemKind.SYNTAX, 3),  # the old intron notation
]

VALID_P = [
    "p.Arg1699Trp",
    "p.(Arg1699Trp)",
    "p.R1699W",
    "p.Arg1699Ter",
    "p.Arg1699*",
    "p.(Arg1699*)",
    "p.Arg1699=",
    "p.Met1?",
    "p.(Ser1982Argfs*22)",
    "p.Ser1982ArgfsTer22",
    "p.Ser1982fs",
    "p.Glu23ValfsTer17",
    "p.Ile327Argfs*?",
    "p.S1982Rfs*22",
    "p.Met1ext-5",
    "p.Ter110GlnextTer17",
    "p.*110Glnext*17",
    "p.Lys23del",
    "p.Lys23_Val25del",
    "p.Lys23dup",
    "p.(Lys23_Val25dup)",
    "p.His4_Gln5insAla",
    "p.His4_Gln5insAlaGlySer",
    "p.His4_Gln5ins(10)",
    "p.Cys28delinsTrpVal",
    "p.Cys28_Lys29delinsTrp",
    "p.?",
    "p.=",
    "p.(=)",
    "p.0",
    "p.0?",
    "NP_000050.3:p.(Ser1982Argfs*22)",
]

INVALID_P = [
    ("", ProblemKind.SYNTAX, 1),
    ("Arg1699Trp", ProblemKind.SYNTAX, 1),
    ("p.", ProblemKind.SYNTAX, 3),
    ("p.Arg1699", ProblemKind.SYNTAX, 10),
    ("p.Arg0Trp", ProblemKind.SYNTAX, 6),  # no residue 0
    ("p.Arg1699W", ProblemKind.SYNTAX, 10),  # three letters then one: not mixed
    ("p.R1699Trp", ProblemKind.SYNTAX, 9),
    ("p.Xyz12Ala", ProblemKind.SYNTAX, 4),
    ("p.(Arg1699Trp", ProblemKind.SYNTAX, 14),  # the parenthesis is not closed
    ("p.arg1699trp", ProblemKind.SYNTAX, 3),
    ("p.Lys23_Val25", ProblemKind.SYNTAX, 14),
    ("p.Lys23ins", ProblemKind.SYNTAX, 8),
    ("p.Val25_Lys23del", ProblemKind.RANGE_ORDER, 3),
    ("p.His4_Gln6insAla", ProblemKind.NOT_ADJACENT, 3),
    ("p.Arg12ext-5", ProblemKind.SYNTAX, 3),  # only Met1 gains a new start
    ("p.Arg110GlnextTer17", ProblemKind.SYNTAX, 3),  # only a stop is extended
]


@pytest.mark.parametrize("text", VALID_C)
def test_coding_descriptions_read(text: str) -> None:
    assert check_c(text) is None


@pytest.mark.parametrize(("text", "kind", "position"), INVALID_C)
def test_malformed_coding_descriptions_say_where(
    text: str, kind: ProblemKind, position: int
) -> None:
    assert check_c(text) == HgvsProblem(kind, position)


@pytest.mark.parametrize("text", VALID_P)
def test_protein_descriptions_read(text: str) -> None:
    assert check_p(text) is None


@pytest.mark.parametrize(("text", "kind", "position"), INVALID_P)
def test_malformed_protein_descriptions_say_where(
    text: str, kind: ProblemKind, position: int
) -> None:
    assert check_p(text) == HgvsProblem(kind, position)


def test_a_c_description_is_not_a_p_description() -> None:
    assert check_p("c.5946del") is not None
    assert check_c("p.(Ser1982Argfs*22)") is not None


# --- generated descriptions --------------------------------------------------------------

positions = st.integers(1, 20000)
bases = st.sampled_from("ACGT")


@given(positions, bases, bases)
def test_every_substitution_of_two_different_bases_reads(position: int, ref: str, alt: str) -> None:
    expected = None if ref != alt else HgvsProblem(ProblemKind.SYNTAX, len(f"c.{position}A>") + 1)
    assert check_c(f"c.{position}{ref}>{alt}") == expected


@given(positions, st.integers(0, 50), st.sampled_from(["del", "dup", "inv", "delinsA"]))
def test_a_range_reads_exactly_when_its_start_comes_first(
    start: int, length: int, edit: str
) -> None:
    result = check_c(f"c.{start}_{start + length}{edit}")
    if length > 0:
        assert result is None
    else:
        assert result == HgvsProblem(ProblemKind.RANGE_ORDER, 3)


@given(positions, st.integers(1, 3))
def test_an_insertion_reads_exactly_between_neighbours(start: int, gap: int) -> None:
    result = check_c(f"c.{start}_{start + gap}insGG")
    assert (result is None) == (gap == 1)


@given(st.sampled_from(sorted(AMINO_ACIDS_3)), st.integers(1, 5000), st.sampled_from(["Ter", "*"]))
def test_three_letter_frameshifts_read(amino: str, position: int, stop: str) -> None:
    assert check_p(f"p.({amino}{position}Argfs{stop}12)") is None


@given(st.sampled_from(sorted(AMINO_ACIDS_1)), st.sampled_from(sorted(AMINO_ACIDS_1)), positions)
def test_one_letter_missense_read(ref: str, alt: str, position: int) -> None:
    assert check_p(f"p.{ref}{position}{alt}") is None


@given(st.text(alphabet="cp.0123456789ACGT_+-*>()delinsupv=?", max_size=24))
def test_any_text_gets_an_answer_without_an_exception(text: str) -> None:
    for check in (check_c, check_p):
        result = check(text)
        assert result is None or 1 <= result.position <= len(text.strip()) + 1
