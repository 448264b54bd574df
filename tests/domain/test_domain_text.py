"""Folding and the patient search box."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.text import SearchQuery, fold, parse_search_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lefèvre", "lefevre"),
        ("  LEFÈVRE-D'Œuvre  ", "lefevre d oeuvre"),
        ("Jean-Pierre", "jean pierre"),
        ("N’Diaye", "n diaye"),
        ("Lætitia", "laetitia"),
        ("Strauß", "strauss"),
        ("Çağlar Øster", "caglar oster"),
        ("Hélène\t\tMarie", "helene marie"),
        ("Saint-Étienne (42)", "saint etienne 42"),
        ("ﬁlou", "filou"),
        ("", ""),
        (" -'. ", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@given(st.text())
def test_fold_is_idempotent_and_clean(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.lower()
    assert all(char.isalnum() or char == " " for char in folded)


@pytest.mark.parametrize(
    "typed", ["12/03/1975", "12-03-1975", "12.03.1975", "1975-03-12", "1975-3-12"]
)
def test_birth_dates(typed):
    assert parse_search_query(typed) == SearchQuery(
        tokens=(), birth_date=date(1975, 3, 12), nir_prefix=None
    )


def test_name_and_date_mixed():
    query = parse_search_query("  Dupont 12/03/1975  Jean-Marie ")
    assert query.birth_date == date(1975, 3, 12)
    assert query.tokens == ("dupont", "jean", "marie")
    assert query.nir_prefix is None


def test_invalid_date_is_just_tokens():
    query = parse_search_query("31/02/1975")
    assert query.birth_date is None
    assert query.tokens == ("31", "02", "1975")


def test_only_first_date_is_the_birth_date():
    query = parse_search_query("01/01/1950 02/02/1960")
    assert query.birth_date == date(1950, 1, 1)
    assert query.tokens == ("02", "1960")


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("29510", "29510"),
        ("2 95 10 99 126", "2951099126"),
        ("295109912611193", "295109912611193"),
        ("253072b073", "253072B073"),
        ("253072A07300443", "253072A07300443"),
    ],
)
def test_nir_prefix(typed, prefix):
    query = parse_search_query(typed)
    assert query == SearchQuery(tokens=(), birth_date=None, nir_prefix=prefix)


@pytest.mark.parametrize("typed", ["2951", "2951099126111934", "29510 dupont", "2A510"])
def test_not_a_nir_prefix(typed):
    assert parse_search_query(typed).nir_prefix is None


def test_tokens_are_folded_deduplicated_and_non_empty():
    query = parse_search_query("Lefèvre  LEFEVRE - d'Arc ,")
    assert query.tokens == ("lefevre", "d", "arc")
    assert not query.is_empty
    assert parse_search_query("   ").is_empty
    assert parse_search_query(" - , ").tokens == ()


@given(st.text())
def test_parse_never_fails_and_tokens_are_folded(text):
    query = parse_search_query(text)
    assert all(token and fold(token) == token for token in query.tokens)
    if query.nir_prefix is not None:
        assert query.tokens == () and query.birth_date is None
        assert 5 <= len(query.nir_prefix) <= 15
