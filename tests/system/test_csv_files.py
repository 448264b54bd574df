"""CSV cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from oiso_desktop.system.csv_files import FORMULA_PREFIXES, csv_writer, neutralise_cell


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_prefix_is_neutralised(prefix: str) -> None:
    value = f'{prefix}HYPERLINK("https://exemple.invalid","clic")'
    assert neutralise_cell(value) == "'" + value


def test_the_six_prefixes_are_covered() -> None:
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}


@pytest.mark.parametrize("value", ["admin", "login_failed", "", "a=b", '{"rows":3}', " =1"])
def test_ordinary_text_is_kept(value: str) -> None:
    assert neutralise_cell(value) == value


def test_none_and_numbers() -> None:
    assert neutralise_cell(None) == ""
    assert neutralise_cell(42) == 42
    assert neutralise_cell(-3) == -3  # a number is never read as a formula


def test_the_writer_neutralises_every_row() -> None:
    buffer = io.StringIO()
    writer = csv_writer(buffer, delimiter=";")
    writer.writerow(["login", "action"])
    writer.writerows([["=cmd|' /C calc'!A0", "login_failed"], ["@SUM(1)", None]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
    assert rows == [
        ["login", "action"],
        ["'=cmd|' /C calc'!A0", "login_failed"],
        ["'@SUM(1)", ""],
    ]
