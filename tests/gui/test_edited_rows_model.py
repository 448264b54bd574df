"""The tables of a form being edited (Antécédents, Génétique): rows replaced in place
while the user types, problems shown on the first cell. No widget."""

from __future__ import annotations

from PySide6.QtCore import Qt

from oiso_desktop.domain.genetics import GeneticTest
from oiso_desktop.domain.personal_history import HistoryCancer
from oiso_desktop.gui.genetics_table_model import TestRow as AnalysisRow
from oiso_desktop.gui.genetics_table_model import TestTableModel
from oiso_desktop.gui.history_table_model import CancerRow, CancerTableModel

TOOL_TIP = Qt.ItemDataRole.ToolTipRole
DECORATION = Qt.ItemDataRole.DecorationRole


def _signals(model) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.dataChanged.connect(
        lambda top, bottom: seen.append(f"changed {top.row()}-{bottom.row()}")
    )
    return seen


def test_rows_typed_in_are_replaced_in_place_and_a_new_count_resets(qapp):
    model = CancerTableModel()
    seen = _signals(model)
    colon = HistoryCancer(site="colorectal")
    model.update_rows([CancerRow(0, colon, age_text="4"), CancerRow(1, colon)])
    assert seen == ["reset"]
    model.update_rows([CancerRow(0, colon, age_text="45"), CancerRow(1, colon)])
    assert seen == ["reset", "changed 0-1"]
    assert model.index(0, CancerTableModel.COL_WHEN).data() == "45 ans"
    model.update_rows([CancerRow(0, colon)])
    assert seen == ["reset", "changed 0-1", "reset"] and model.rowCount() == 1
    model.update_rows([])
    model.update_rows([])  # nothing shown, nothing to say
    assert seen[-1] == "reset" and model.rowCount() == 0


def test_problems_on_the_first_cell_and_texts_as_tool_tips(qapp):
    model = TestTableModel()
    test = GeneticTest(id="t1", kind="panel", laboratory="Laboratoire Kerdoc")
    model.update_rows(
        [
            AnalysisRow(0, test, date_text="32/13/2023", problems=("Date illisible", "Statut ?")),
            AnalysisRow(1, test),
        ]
    )
    first = model.index(0, 0)
    assert first.data(TOOL_TIP) == "Date illisible\nStatut ?"
    assert not first.data(DECORATION).isNull()
    assert model.index(0, TestTableModel.COL_LABORATORY).data(TOOL_TIP) == "Laboratoire Kerdoc"
    assert model.index(1, 0).data(DECORATION) is None
    assert model.index(1, TestTableModel.COL_DATE).data(TOOL_TIP) is None  # no text, no tip
