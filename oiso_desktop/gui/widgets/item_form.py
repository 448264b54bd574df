"""The plumbing shared by the clinical tabs' item editors (Antécédents, Génétique).

:class:`ItemEditor` is a widget with one compact table per section of items (Add and
Remove above each; Insert, Delete and Enter in the table), the form of the selected
item beside them, and the list "To correct" whose entries lead to the item and input
concerned. A subclass builds its tables and forms with the helpers here, and says what
is particular to it: its sections (:attr:`ItemEditor._SECTIONS`), its items
(:meth:`ItemEditor._drafts`), how an item fills the form (:meth:`ItemEditor._fill_form`)
and which page shows it (:meth:`ItemEditor._page_of`), its rows and problems.

Problems are :class:`ValidationError` whose ``field`` names an item's input
("cancers[0].age"); a field outside the items belongs to :attr:`ItemEditor._GENERAL`.
The inputs keep dates as typed: :func:`read_date`, :func:`format_date` and
:func:`unreadable_date` (a date typed that cannot be read, a problem of its own).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.widgets.data_table import data_table
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit, parse_french_date
from oiso_desktop.gui.widgets.field_message import FieldMessage

__all__ = ["FieldBox", "ItemEditor", "format_date", "read_date", "same_problem", "unreadable_date"]


# ------------------------------------------------------------ dates as typed
def read_date(text: str) -> date | None:
    """The date typed, or None (nothing typed, or a date that cannot be read)."""
    try:
        return parse_french_date(text) if text.strip() else None
    except ValueError:
        return None


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def unreadable_date(field_path: str, text: str) -> list[ValidationError]:
    """A date typed that cannot be read (the domain never sees it), as a problem."""
    if not text.strip():
        return []
    try:
        parse_french_date(text)
    except ValueError:
        value = text.strip()
        return [
            ValidationError(
                f"« {value} » n'est pas une date valide : saisissez-la sous la forme JJ/MM/AAAA.",
                code=ErrorCode.DATE_FORMAT,
                field=field_path,
                value=value,
            )
        ]
    return []


def same_problem(a: ValidationError, b: ValidationError) -> bool:
    return (a.field, a.code, str(a)) == (b.field, b.code, str(b))


@functools.cache
def _field_pattern(sections: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(section) for section in sections)
    return re.compile(rf"({names})\[(\d+)\]\.(\w+)")


class FieldBox(QWidget):
    """An input (or a row of them) with its message line beneath."""

    def __init__(self, content: QWidget | QHBoxLayout, *, fill: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # Choices keep the width of their longest label; text areas take the whole row.
        if isinstance(content, QHBoxLayout):
            layout.addLayout(content)
        elif fill:
            layout.addWidget(content)
        else:
            layout.addWidget(content, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = FieldMessage(self)
        self.message.clear_message()
        layout.addWidget(self.message)


class ItemEditor(QWidget):
    """Tables of items, the form of the selected one, the problems to correct.

    ``sig_changed`` is emitted after every edit by the user (never when the content is
    set by code).
    """

    sig_changed = Signal()

    # The sections of items, in the order of the tables (and of the problems).
    _SECTIONS: tuple[str, ...] = ()
    # The section of the fields that belong to no item ("note": (_GENERAL, -1, "note")).
    _GENERAL = ""
    # The vertical spacing of the forms' rows.
    _FORM_SPACING = 6
    # The tallest a row's label may be (None: as tall as its first input).
    _LABEL_MAX_HEIGHT: int | None = None

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._fixed_today = today
        self._current: tuple[str, int] | None = None
        self._read_only = False
        self._filling = 0  # > 0 while the inputs are filled by code
        self._service_problems: list[ValidationError] = []
        self._shown: list[ValidationError] = []
        self._notices: list[ValidationError] = []
        self._list_entries: list[tuple[str, tuple[str, int, str]]] = []
        self.last_confirmation: QMessageBox | None = None
        self._messages: dict[tuple[str, str], FieldMessage] = {}
        self._inputs: dict[tuple[str, str], list[QWidget]] = {}
        self._rows: dict[tuple[str, str], tuple[QLabel, FieldBox]] = {}
        self._titles: dict[str, QLabel] = {}
        self._tables: dict[str, QTableView] = {}
        self._add_buttons: dict[str, QPushButton] = {}
        self._remove_buttons: dict[str, QPushButton] = {}
        self._pages: tuple[QWidget, ...] = ()
        self._page: QWidget | None = None

    def _build(self) -> None:
        """The tables beside the form, the inputs connected; no item shown. The subclass
        calls it at the end of its ``__init__``."""
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        outer.addLayout(self._build_lists(), 9)
        outer.addWidget(self._build_detail(), 11)
        self._connect_inputs()
        self._set_tab_order()
        self._select(None)
        self._refresh()

    # ======================================================== for the subclass
    def _build_lists(self) -> QVBoxLayout:
        """The tables (:meth:`_table_section`) and the list "To correct"
        (:meth:`_build_problem_list`)."""
        raise NotImplementedError

    def _build_detail(self) -> QGroupBox:
        """The forms of the items, in :meth:`_build_detail_group`."""
        raise NotImplementedError

    def _connect_inputs(self) -> None:
        raise NotImplementedError

    def _set_tab_order(self) -> None:
        raise NotImplementedError

    def problems(self) -> list[ValidationError]:
        raise NotImplementedError

    def _drafts(self, section: str) -> list[Any]:
        raise NotImplementedError

    def _fill_form(self, section: str, index: int) -> None:
        """The inputs of item ``index`` of ``section`` (called while filling)."""
        raise NotImplementedError

    def _page_of(self, section: str) -> QWidget:
        raise NotImplementedError

    def _first_input(self) -> QWidget:
        raise NotImplementedError

    def _update_rows(self) -> None:
        raise NotImplementedError

    def _update_form_state(self) -> None:
        """What applies to the item shown (fields of its kind...)."""

    def _update_titles(self) -> None:
        pass

    def _update_hints(self) -> None:
        pass

    def _problem_line(self, problem: ValidationError, target: tuple[str, int, str]) -> str:
        return error_text(problem)

    def _current_notices(self) -> list[ValidationError]:
        """Remarks shown under their input (orange) that do not prevent saving."""
        return []

    def _forget(self, section: str, removed: object) -> None:
        """What else follows the removal of the item ``removed`` of ``section``."""

    # ================================================================== public API
    def is_read_only(self) -> bool:
        return self._read_only

    def problem_texts(self) -> list[str]:
        """The translated texts of the problems shown (the list "To correct")."""
        return [error_text(problem) for problem in self._shown]

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show the problems of a refused save (until the next edit) and go to the first."""
        self._service_problems = list(problems)
        self._refresh()
        if self._service_problems:
            self._go_to(self._split_field(self._service_problems[0].field))

    def field_message(self, name: str) -> str:
        """The message shown under the input of ``name`` ("cancers[0].age", "note");
        "" when that item is not the one shown or the input has no message."""
        section, index, key = self._split_field(name)
        if section != self._GENERAL and self._current != (section, index):
            return ""
        label = self._messages.get((section, key))
        return "" if label is None or label.isHidden() else label.text()

    def current_item(self) -> tuple[str, int] | None:
        """(section, index) of the item whose form is shown, or None."""
        return self._current

    # ==================================================================== building
    def _split_field(self, name: str | None) -> tuple[str, int, str]:
        """("cancers", 0, "age") for "cancers[0].age"; (_GENERAL, -1, "note") for "note"."""
        match = _field_pattern(self._SECTIONS).fullmatch(name or "")
        if match is None:
            return self._GENERAL, -1, name or ""
        return match.group(1), int(match.group(2)), match.group(3)

    def _section_title(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"font-weight: bold; color: {style.PRIMARY};")
        return label

    def _table_section(
        self,
        column: QVBoxLayout,
        section: str,
        name: str,
        model: RowTableModel[Any],
        add_tip: str,
        remove_tip: str,
        *,
        row_height: int,
        min_height: int,
        stretch: int,
    ) -> QTableView:
        """A title with the Add and Remove buttons, and the table of ``section`` beneath
        (object names from ``name``: "{name}_table", "add_{name}_button"...)."""
        header = QHBoxLayout()
        title = self._section_title()
        title.setObjectName(f"{name}_title")
        header.addWidget(title)
        header.addStretch(1)
        add = QPushButton(icon("add"), QCoreApplication.translate("ItemEditor", "Add"))
        add.setObjectName(f"add_{name}_button")
        add.setToolTip(add_tip)
        remove = QPushButton(QCoreApplication.translate("ItemEditor", "Remove"))
        remove.setObjectName(f"remove_{name}_button")
        remove.setToolTip(remove_tip)
        add.clicked.connect(lambda _checked=False, s=section: self._add(s))
        remove.clicked.connect(lambda _checked=False, s=section: self._ask_remove(s))
        header.addWidget(add)
        header.addWidget(remove)
        column.addLayout(header)

        table = data_table(f"{name}_table", model, row_height=row_height)
        table.setMinimumHeight(min_height)
        table.setTabKeyNavigation(False)
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(
            lambda selected, _deselected, t=table: self._on_table_selection(t, selected)
        )
        title.setBuddy(table)
        column.addWidget(table, stretch)
        self._titles[section] = title
        self._tables[section] = table
        self._add_buttons[section] = add
        self._remove_buttons[section] = remove
        return table

    def _build_problem_list(self, height: int) -> QStackedWidget:
        """The title ``problems_title`` (placed by the caller) and the list "To correct"."""
        self.problems_title = self._section_title()
        self.problems_title.setObjectName("problems_title")
        # A fixed height, problems or not: the tables above do not jump as one types.
        self.problems_stack = QStackedWidget()
        self.problems_stack.setFixedHeight(height)
        self.no_problem_label = QLabel(
            QCoreApplication.translate("ItemEditor", "Nothing to correct.")
        )
        self.no_problem_label.setObjectName("no_problem_label")
        self.no_problem_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        style.set_role(self.no_problem_label, "ok")
        self.problems_stack.addWidget(self.no_problem_label)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problem_list")
        self.problem_list.setWordWrap(True)
        self.problem_list.setToolTip(
            QCoreApplication.translate("ItemEditor", "Click a problem to go to its field")
        )
        self.problem_list.itemClicked.connect(self._on_problem_chosen)
        self.problem_list.itemActivated.connect(self._on_problem_chosen)
        self.problems_stack.addWidget(self.problem_list)
        return self.problems_stack

    def _build_detail_group(self, pages: Sequence[QWidget]) -> QGroupBox:
        """The group box of the form shown: an empty page (``empty_label``), then ``pages``."""
        self.detail_group = QGroupBox()
        self.detail_group.setObjectName("detail_group")
        layout = QVBoxLayout(self.detail_group)
        layout.setContentsMargins(4, 8, 4, 4)
        # One page shown at a time. Not a QStackedWidget: its height would be that of
        # the tallest page (word-wrapped labels included), scrolling a short form.
        self.detail_pages = QWidget()
        self.detail_pages.setObjectName("detail_pages")
        pages_layout = QVBoxLayout(self.detail_pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style.set_role(self.empty_label, "hint")
        empty_layout.addWidget(self.empty_label)
        self._pages = (self.empty_page, *pages)
        for page in self._pages:
            pages_layout.addWidget(page)

        scroll = QScrollArea()
        scroll.setObjectName("detail_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail_pages)
        # The white of the group box shows through (the viewport would paint it grey).
        scroll.viewport().setAutoFillBackground(False)
        self.detail_pages.setAutoFillBackground(False)
        layout.addWidget(scroll)
        return self.detail_group

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(self._FORM_SPACING)
        return form

    def _add_row(
        self,
        form: QFormLayout,
        section: str,
        key: str,
        label_text: str,
        content: QWidget | QHBoxLayout,
        inputs: list[QWidget] | None = None,
        *,
        fill: bool = False,
    ) -> QLabel:
        """A labelled row: ``content`` with its message line, for the problems of ``key``
        (``inputs``: those outlined in red, the first one the label's buddy; by default
        ``content``)."""
        if inputs is None:
            assert isinstance(content, QWidget)
            inputs = [content]
        label = QLabel(
            QCoreApplication.translate("ItemEditor", "{label}:").format(label=label_text)
        )
        label.setObjectName(f"{section}_{key}_label")
        box = FieldBox(content, fill=fill or isinstance(content, QPlainTextEdit))
        label.setBuddy(inputs[0])
        # Aligned on the (first line of the first) input, not on the input and its message.
        height = min(inputs[0].sizeHint().height(), inputs[0].maximumHeight())
        if self._LABEL_MAX_HEIGHT is not None:
            height = min(height, self._LABEL_MAX_HEIGHT)
        label.setFixedHeight(height)
        form.addRow(label, box)
        self._register(section, key, box.message, inputs)
        self._rows[(section, key)] = (label, box)
        return label

    def _register(
        self, section: str, key: str, message: FieldMessage, inputs: list[QWidget]
    ) -> None:
        message.clear_message()
        self._messages[(section, key)] = message
        self._inputs[(section, key)] = inputs

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str) -> DateLineEdit:
        edit = DateLineEdit()
        edit.setObjectName(name)
        edit.setMaximumWidth(140)
        return edit

    def _note_edit(self, name: str, *, lines: int = 2) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
        return edit

    def _set_combo(self, combo: QComboBox, code: object) -> None:
        """Select ``code``; a code the list does not offer is added (shown as it is) so
        that content from elsewhere is seen, kept, and reported by the checks."""
        standard = int(combo.property("standard_count") or combo.count())
        while combo.count() > standard:
            combo.removeItem(combo.count() - 1)
        index = combo.findData(code)
        if index < 0:
            combo.addItem("" if code is None else str(code), code)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _table_tab_chain(self) -> list[QWidget]:
        """Each table with its Add and Remove buttons, in the order of the sections."""
        chain: list[QWidget] = []
        for section in self._SECTIONS:
            chain += [
                self._tables[section],
                self._add_buttons[section],
                self._remove_buttons[section],
            ]
        return chain

    # ================================================================== editing
    @contextmanager
    def _filling_inputs(self) -> Iterator[None]:
        self._filling += 1
        try:
            yield
        finally:
            self._filling -= 1

    def _edited(self) -> None:
        self._service_problems = []
        self._refresh()
        self.sig_changed.emit()

    def _set_inputs_read_only(self, read_only: bool) -> None:
        """Read-only: the Add and Remove buttons hidden, the inputs locked."""
        self._read_only = read_only
        for button in (*self._add_buttons.values(), *self._remove_buttons.values()):
            button.setVisible(not read_only)
        for widget in self._all_inputs():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def _all_inputs(self) -> list[QWidget]:
        return [widget for widgets in self._inputs.values() for widget in widgets]

    # ================================================================ selection
    def _on_table_selection(self, table: QTableView, selected: QItemSelection) -> None:
        if self._filling:
            return
        section = next(s for s, t in self._tables.items() if t is table)
        if selected.isEmpty():
            # Deselected (Ctrl+click): the row of the form shown stays selected.
            if self._current is not None and self._current[0] == section:
                with self._filling_inputs():
                    table.selectRow(self._current[1])
            return
        self._select(section, selected.indexes()[0].row())
        self._refresh()

    def _select(self, section: str | None, index: int = -1) -> None:
        """Show the form of item ``index`` of ``section`` (None: no item), select its row."""
        with self._filling_inputs():
            if section is None or not 0 <= index < len(self._drafts(section)):
                self._current = None
                for table in self._tables.values():
                    table.selectionModel().clear()
                self._show_page(self.empty_page)
                return
            self._current = (section, index)
            for other, table in self._tables.items():
                if other != section:
                    table.selectionModel().clear()
            table = self._tables[section]
            if table.currentIndex().row() != index or not table.selectionModel().hasSelection():
                table.selectRow(index)
            self._fill_form(section, index)
            self._show_page(self._page_of(section))

    def _show_page(self, page: QWidget) -> None:
        for other in self._pages:
            other.setVisible(other is page)
        self._page = page

    # ========================================================== add and remove
    def _add(self, section: str) -> None:
        raise NotImplementedError

    def _ask_remove(self, section: str) -> None:
        raise NotImplementedError

    def _show_added(self, section: str) -> None:
        """The item just appended to ``section``: listed, selected, an edit."""
        self._update_rows()
        self._select(section, len(self._drafts(section)) - 1)
        self._edited()

    def _remove(self, section: str, index: int) -> None:
        drafts = self._drafts(section)
        if self._read_only or not 0 <= index < len(drafts):
            return
        self._forget(section, drafts.pop(index))
        self._update_rows()
        if drafts:
            self._select(section, min(index, len(drafts) - 1))
        else:
            self._select(None)
        self._edited()
        self._tables[section].setFocus()

    # ================================================================= keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched in self._tables.values()
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            section = next(s for s, t in self._tables.items() if t is watched)
            if event.key() == Qt.Key.Key_Insert:
                self._add(section)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._ask_remove(section)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current:
                self._first_input().setFocus()
                return True
        return super().eventFilter(watched, event)

    # ============================================================== refreshing
    def _today(self) -> date:
        return self._fixed_today or date.today()

    def _problem_order(self, problem: ValidationError) -> tuple[int, int]:
        section, index, _key = self._split_field(problem.field)
        sections = self._SECTIONS
        return (sections.index(section) if section in sections else len(sections)), index

    def _refresh(self) -> None:
        """Recompute the problems and show them: rows, field messages, list, visibility."""
        live = self.problems()
        extra = [p for p in self._service_problems if not any(same_problem(p, q) for q in live)]
        self._shown = sorted(live + extra, key=self._problem_order)
        self._notices = self._current_notices()
        self._update_rows()
        self._update_form_state()
        self._update_field_messages()
        self._update_problem_list()
        self._update_titles()
        self._update_hints()
        section = self._current[0] if self._current is not None else None
        for name, button in self._remove_buttons.items():
            button.setEnabled(section == name)

    def _problems_by_item(self) -> dict[tuple[str, int], list[str]]:
        """The texts of the problems shown, by item (for the tables' rows)."""
        by_item: dict[tuple[str, int], list[str]] = {}
        for problem in self._shown:
            section, index, _key = self._split_field(problem.field)
            by_item.setdefault((section, index), []).append(error_text(problem))
        return by_item

    def _update_field_messages(self) -> None:
        def by_place(problems: list[ValidationError]) -> dict[tuple[str, str], list[str]]:
            texts: dict[tuple[str, str], list[str]] = {}
            for problem in problems:
                section, index, key = self._split_field(problem.field)
                if section == self._GENERAL or self._current == (section, index):
                    texts.setdefault((section, key), []).append(error_text(problem))
            return texts

        texts = by_place(self._shown)
        warnings = by_place(self._notices)
        for place, label in self._messages.items():
            messages = texts.get(place, [])
            if messages:
                label.show_message("\n".join(messages))
            elif warnings.get(place):
                label.show_message("\n".join(warnings[place]), "warning")
            else:
                label.clear_message()
            for widget in self._inputs[place]:
                style.set_invalid(widget, bool(messages))

    def _update_problem_list(self) -> None:
        entries = []
        for problem in self._shown:
            target = self._split_field(problem.field)
            entries.append((self._problem_line(problem, target), target))
        count = len(entries)
        self.problems_title.setText(
            QCoreApplication.translate("ItemEditor", "To correct ({count})").format(count=count)
            if count
            else QCoreApplication.translate("ItemEditor", "To correct")
        )
        self.problems_stack.setCurrentWidget(self.problem_list if count else self.no_problem_label)
        if entries == self._list_entries:
            return
        self._list_entries = entries
        self.problem_list.clear()
        for text, target in entries:
            item = QListWidgetItem(icon("error"), text)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(text)
            self.problem_list.addItem(item)

    # =============================================================== navigation
    def _on_problem_chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self._go_to(tuple(target))

    def _go_to(self, target: tuple[str, int, str]) -> None:
        """Select the item of a problem and put the focus on its input."""
        section, index, key = target
        in_item = section in self._SECTIONS
        if in_item:
            self._select(section, index)
            self._refresh()
        elif section != self._GENERAL:
            return
        widgets = self._inputs.get((section, key), [])
        visible = [widget for widget in widgets if widget.isVisibleTo(self)]
        if visible:
            visible[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif in_item:
            self._first_input().setFocus(Qt.FocusReason.OtherFocusReason)
