"""The parts shared by the working views: page layout, search field, count, read-only table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.icons import icon

__all__ = [
    "count_label",
    "data_table",
    "page_layout",
    "search_field",
    "set_column_modes",
]


def page_layout(page: QWidget, title: str) -> tuple[QVBoxLayout, QLabel]:
    """The vertical layout of a working view, with its title on top."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 14, 16, 12)
    layout.setSpacing(10)
    title_label = QLabel(title)
    style.set_role(title_label, "title")
    layout.addWidget(title_label)
    return layout, title_label


def search_field(object_name: str, placeholder: str) -> QLineEdit:
    """A line edit with a magnifier and a clear button."""
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    return edit


def count_label() -> QLabel:
    """The grey "N results" line of a view (object name ``count_label``)."""
    label = QLabel("")
    label.setObjectName("count_label")
    style.set_role(label, "hint")
    return label


def data_table(
    object_name: str,
    model: QAbstractItemModel,
    *,
    row_height: int = 28,
    single_selection: bool = True,
) -> QTableView:
    """A read-only table selecting whole rows, without row numbers."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setHighlightSections(False)
    return table


def set_column_modes(
    header: QHeaderView,
    *,
    widths: Mapping[int, int] | None = None,
    contents: Iterable[int] = (),
    stretch: Iterable[int] = (),
) -> None:
    """How the columns share the width, so that every header reads in full.

    ``contents``: short, fixed-format columns sized to their text (dates, codes);
    ``stretch``: the columns sharing the remaining width (names, structures);
    every other column is resizable by the user, starting at its ``widths`` entry
    but never narrower than its header label. Without a stretched column the
    last one takes the remaining width.
    """
    widths = widths or {}
    contents, stretch = set(contents), set(stretch)
    header.setStretchLastSection(not stretch)
    header.setMinimumSectionSize(40)
    for column in range(header.count()):
        if column in contents:
            mode = QHeaderView.ResizeMode.ResizeToContents
        elif column in stretch:
            mode = QHeaderView.ResizeMode.Stretch
        else:
            mode = QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)
        if mode == QHeaderView.ResizeMode.Interactive:
            wanted = widths.get(column, header.defaultSectionSize())
            header.resizeSection(column, max(wanted, header.sectionSizeHint(column)))
