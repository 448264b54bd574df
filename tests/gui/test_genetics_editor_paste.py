"""Review 6/7: pasting a long number into the HGVS c. input of the Génétique editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from oiso_desktop.domain.family import new_family
from oiso_desktop.gui.genetics_editor import GeneticsEditor


def test_pasting_a_5000_digit_position_does_not_raise_in_the_slot(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = GeneticsEditor(today=date(2026, 3, 2))
    qtbot.addWidget(editor)
    editor.set_context(birth_date=date(1975, 3, 12), family=new_family(sex="F", name="Claire"))
    editor.show()
    table = editor.table("variants")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    editor.gene_combo.setEditText("BRCA2")
    editor.hgvs_c_edit.setText("c." + "1" * 5000 + "del")  # a paste
    assert editor.problems()  # a message at the field, no exception in the slot
