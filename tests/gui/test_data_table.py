"""The view parts shared by the working views: table set-up and column modes, banners."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget  # noqa: E402

from oiso_desktop.gui.widgets.data_table import (  # noqa: E402
    count_label,
    data_table,
    page_layout,
    search_field,
    set_column_modes,
)
from oiso_desktop.gui.widgets.field_message import BANNER_STYLES, show_banner  # noqa: E402

HEADERS = ["Identifiant", "Nom", "Dernière connexion très détaillée", "Structure", "N°"]


def _model() -> QStandardItemModel:
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    model.appendRow([QStandardItem(text) for text in ("a", "Anne", "hier", "CHU", "1")])
    return model


def test_data_table_is_read_only_whole_rows(qtbot):
    model = _model()
    table = data_table("some_table", model, row_height=30)
    qtbot.addWidget(table)
    assert table.objectName() == "some_table"
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.verticalHeader().isHidden()
    assert table.verticalHeader().defaultSectionSize() == 30
    several = data_table("other", model, single_selection=False)
    qtbot.addWidget(several)
    assert several.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection


def test_column_modes_never_cut_a_header(qtbot):
    table = data_table("table", _model())
    qtbot.addWidget(table)
    header = table.horizontalHeader()
    set_column_modes(header, widths={0: 60, 1: 10}, contents=(2, 4), stretch=(3,))
    table.resize(1000, 300)
    table.show()
    qtbot.waitExposed(table)
    modes = [header.sectionResizeMode(c) for c in range(header.count())]
    assert modes == [
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.ResizeToContents,
        QHeaderView.ResizeMode.Stretch,
        QHeaderView.ResizeMode.ResizeToContents,
    ]
    assert not header.stretchLastSection()
    for column, label in enumerate(HEADERS):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), label
    assert header.sectionSize(0) >= 60  # the width asked for, at least
    # Without a stretched column, the last one takes the remaining width.
    set_column_modes(header, contents=(0,))
    assert header.stretchLastSection()


def test_page_parts(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    layout, title = page_layout(page, "Comptes")
    assert page.layout() is layout and layout.itemAt(0).widget() is title
    assert title.text() == "Comptes" and title.property("role") == "title"
    edit = search_field("filter_edit", "Filtrer…")
    qtbot.addWidget(edit)
    assert (edit.objectName(), edit.placeholderText()) == ("filter_edit", "Filtrer…")
    assert edit.isClearButtonEnabled() and len(edit.actions()) >= 1
    label = count_label()
    qtbot.addWidget(label)
    assert label.objectName() == "count_label" and label.property("role") == "hint"


def test_banner_colours_by_kind_and_hidden_when_empty(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    show_banner(label, "Journal intact", "ok", bold=True)
    assert not label.isHidden() and label.text() == "Journal intact"
    assert BANNER_STYLES["ok"] in label.styleSheet() and "bold" in label.styleSheet()
    show_banner(label, "Modifié ailleurs", "warning")
    assert BANNER_STYLES["warning"] in label.styleSheet() and "bold" not in label.styleSheet()
    assert label.property("role") == "warning"
    show_banner(label, "", "error")
    assert label.isHidden()
