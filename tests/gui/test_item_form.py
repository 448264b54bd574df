"""The item editors' shared parts: dates as typed, and where a problem's field leads."""

from __future__ import annotations

from datetime import date

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.gui.genetics_editor import GeneticsEditor
from oiso_desktop.gui.history_editor import HistoryEditor
from oiso_desktop.gui.widgets.item_form import format_date, read_date, unreadable_date


def test_dates_as_typed_read_back_and_an_unreadable_one_is_a_problem_at_its_field() -> None:
    assert read_date(" 02/03/2026 ") == date(2026, 3, 2)
    assert read_date("") is None and read_date("31/02/2026") is None
    assert format_date(date(2026, 3, 2)) == "02/03/2026" and format_date(None) == ""
    assert unreadable_date("tests[0].date", "  ") == []
    assert unreadable_date("tests[0].date", "02/03/2026") == []
    [problem] = unreadable_date("tests[0].date", " 12/3 ")
    assert problem.code == ErrorCode.DATE_FORMAT
    assert problem.field == "tests[0].date"
    assert "« 12/3 »" in str(problem)


def test_a_problem_field_names_its_section_item_and_input(qtbot) -> None:
    history = HistoryEditor()
    genetics = GeneticsEditor()
    qtbot.addWidget(history)
    qtbot.addWidget(genetics)
    assert history._split_field("surgeries[2].side") == ("surgeries", 2, "side")
    assert history._split_field("note") == ("history", -1, "note")
    assert genetics._split_field("relative_information[0].date") == (
        "relative_information",
        0,
        "date",
    )
    assert genetics._split_field("cancers[0].age") == ("", -1, "cancers[0].age")
    assert genetics._split_field(None) == ("", -1, "")
