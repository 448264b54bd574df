"""RowTableModel, the base of the three table models, without widgets."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt  # noqa: E402

from oiso_desktop.gui.event_table_model import EventTableModel  # noqa: E402
from oiso_desktop.gui.patient_table_model import PatientTableModel  # noqa: E402
from oiso_desktop.gui.table_model_base import RowTableModel  # noqa: E402
from oiso_desktop.gui.user_table_model import UserTableModel  # noqa: E402


@dataclass(frozen=True)
class _Fruit:
    id: int
    name: str
    colour: str


class _FruitModel(RowTableModel[_Fruit]):
    CONTEXT = "FruitModel"
    COL_NAME = 0
    COL_COLOUR = 1
    HEADERS = (
        QT_TRANSLATE_NOOP("FruitModel", "Name"),
        QT_TRANSLATE_NOOP("FruitModel", "Colour"),
    )

    def display(self, item: _Fruit, column: int) -> str | None:
        return item.name if column == self.COL_NAME else item.colour

    def role_data(self, item: _Fruit, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_COLOUR:
            return f"{item.name} is {item.colour}"
        return None


def test_rows_columns_roles_and_lookup(qapp, qtbot):
    model = _FruitModel()
    assert _FruitModel.COLUMN_COUNT == 2
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    rows = [_Fruit(7, "pomme", "verte"), _Fruit(3, "cerise", "rouge")]
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(rows)
    rows.append(_Fruit(9, "poire", "jaune"))  # the model keeps its own copy
    assert model.rows() == (_Fruit(7, "pomme", "verte"), _Fruit(3, "cerise", "rouge"))
    assert model.rowCount() == 2
    assert model.index(1, _FruitModel.COL_NAME).data() == "cerise"
    assert model.index(1, _FruitModel.COL_COLOUR).data() == "rouge"
    assert model.index(0, 1).data(RowTableModel.ID_ROLE) == 7
    assert model.index(0, 0).data(RowTableModel.ROW_ROLE) == _Fruit(7, "pomme", "verte")
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "pomme is verte"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.row_at(1).name == "cerise"
    assert (model.row_of(3), model.row_of(8)) == (1, -1)
    assert model.data(model.index(2, 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0  # flat
    model.clear()
    assert model.rowCount() == 0 and model.rows() == ()


def test_headers_show_the_label_and_explain_it_in_a_tool_tip(qapp):
    model = _FruitModel()
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(0, horizontal) == "Name"
    assert model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole) == "Colour"
    assert model.headerData(2, horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None


@pytest.mark.parametrize("model_class", [PatientTableModel, UserTableModel, EventTableModel])
def test_the_three_models_share_the_base(qapp, model_class):
    assert issubclass(model_class, RowTableModel)
    model = model_class()
    assert model.columnCount() == model_class.COLUMN_COUNT == len(model_class.HEADERS)
    columns = sorted(value for name, value in vars(model_class).items() if name.startswith("COL_"))
    assert columns == list(range(model_class.COLUMN_COUNT))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert all(isinstance(h, str) and h for h in headers)
    assert len(set(headers)) == len(headers)
