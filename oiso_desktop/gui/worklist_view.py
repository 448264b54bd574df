"""The secretaries' follow-up worklists (DESIGN.md §5): due in N weeks, overdue, not
scheduled, lost to follow-up.

Each list is computed by ``FollowupService.worklist`` in the background (the ids of
every row, in the order of the column clicked) with its first page of rows; a busy
bar shows meanwhile and the rest fills page by page as it scrolls into view
(:class:`~oiso_desktop.gui.worklist_table_model.WorklistTableModel`): the UI never
waits for a long list. The counts of the four lists follow in a second task.
Filters: the practitioner (the file's owner), the exam, the site (the owner's
structure). A secretary sees the files of the practitioners she assists (the
service's ``PatientScope``).

Actions on a selection: book an appointment (the booking dialog of
``gui/appointment_dialog.py``), convocation letters (the selected rows' appointments
to come), reminder letters (the plan items), both previewed in
:class:`~oiso_desktop.gui.letters_preview.LettersPreviewDialog`; an ICS calendar of
the selected appointments (opt-in, explained first). A double-click opens the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.followup.appointments import ACTIVE_STATUSES
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.worklist import MAX_HORIZON_WEEKS, WorklistKind
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.followup_labels import exam_label, worklist_label
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import count_label, data_table
from oiso_desktop.gui.worklist_table_model import LOST_COLOUR, WorklistTableModel
from oiso_desktop.services.followup_service import MAX_PAGE_ROWS, WorklistIds, WorklistRow

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = [
    "KINDS",
    "AppointmentTargets",
    "WorklistQuery",
    "WorklistView",
    "appointment_targets",
    "worklist_counts",
]

#: the lists, in the order of their tabs
KINDS = (
    WorklistKind.DUE_SOON,
    WorklistKind.OVERDUE,
    WorklistKind.NOT_SCHEDULED,
    WorklistKind.LOST,
)
DEFAULT_HORIZON_WEEKS = 8
VISIBLE_ROWS_DELAY_MS = 40
FILTER_DELAY_MS = 200


@dataclass(frozen=True)
class WorklistQuery:
    """What the list shown was asked with."""

    kind: WorklistKind
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS
    practitioner_id: int | None = None
    exam: str | None = None
    site_id: int | None = None
    sort: str = "next_due"
    descending: bool = False

    def filters(self) -> dict[str, object]:
        return {
            "horizon_weeks": self.horizon_weeks,
            "practitioner_id": self.practitioner_id,
            "exam": self.exam,
            "site_id": self.site_id,
        }


@dataclass(frozen=True)
class WorklistResult:
    query: WorklistQuery
    ids: WorklistIds
    first_rows: tuple[WorklistRow, ...]


@dataclass(frozen=True)
class AppointmentTargets:
    """The appointments to come of a selection: their ids, and the number of rows
    that have none."""

    appointment_ids: tuple[int, ...]
    without_appointment: int


def load_worklist(session: UserSession, query: WorklistQuery, first_rows: int) -> WorklistResult:
    """The ids of a list and the rows of its first page (a background task)."""
    ids = session.followup.worklist(
        query.kind, sort=query.sort, descending=query.descending, **query.filters()
    )
    rows = session.followup.worklist_page(ids.ids[:first_rows], horizon_weeks=query.horizon_weeks)
    return WorklistResult(query, ids, rows)


def worklist_counts(session: UserSession, query: WorklistQuery) -> dict[WorklistKind, int]:
    """How many rows each list holds with the filters of ``query`` (a background task)."""
    return {kind: session.followup.worklist(kind, **query.filters()).total for kind in KINDS}


def appointment_targets(
    session: UserSession, item_ids: Sequence[int], *, horizon_weeks: int = DEFAULT_HORIZON_WEEKS
) -> AppointmentTargets:
    """For each plan item, its next appointment to come (booked or confirmed) for the
    same exam: what convocations and calendar files are made of (a background task)."""
    rows: list[WorklistRow] = []
    ids = list(item_ids)
    for start in range(0, len(ids), MAX_PAGE_ROWS):
        rows += session.followup.worklist_page(
            ids[start : start + MAX_PAGE_ROWS], horizon_weeks=horizon_weeks
        )
    now = dt.datetime.now()
    found: list[int] = []
    missing = 0
    by_patient: dict[int, list] = {}
    for row in rows:
        if row.patient_id not in by_patient:
            by_patient[row.patient_id] = [
                a
                for a in session.appointments.for_patient(row.patient_id)
                if a.status in ACTIVE_STATUSES and a.starts_at >= now
            ]
        matching = sorted(
            (a for a in by_patient[row.patient_id] if a.exam == row.exam),
            key=lambda a: a.starts_at,
        )
        if matching:
            if matching[0].id not in found:
                found.append(matching[0].id)
        else:
            missing += 1
    return AppointmentTargets(tuple(found), missing + len(ids) - len(rows))


class WorklistView(QWidget):
    """The four worklists, their filters and the actions on a selection.

    Signals: ``sig_list_shown(object)`` (the WorklistIds applied),
    ``sig_counts_changed(object)`` ({kind: count}), ``sig_open_patient(int)`` (a
    double-click), ``sig_booked(object)`` (a BookingResult), ``sig_letters_opened(object)``
    (the LettersPreviewDialog), ``sig_calendar_exported(int)`` (appointments written).
    """

    sig_list_shown = Signal(object)
    sig_counts_changed = Signal(object)
    sig_open_patient = Signal(int)
    sig_booked = Signal(object)
    sig_letters_opened = Signal(object)
    sig_calendar_exported = Signal(int)

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_view")
        self._session = session
        self._tasks = tasks
        self._seq = 0
        self._applied_seq = 0
        self._counts: dict[WorklistKind, int] = {}
        self._sort = ("next_due", False)
        self.last_dialog: QWidget | None = None
        self.ics_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.list_tabs = QTabBar()
        self.list_tabs.setObjectName("list_tabs")
        self.list_tabs.setExpanding(False)
        self.list_tabs.setDrawBase(False)
        for kind in KINDS:
            index = self.list_tabs.addTab("")
            self.list_tabs.setTabData(index, kind.value)
        self.list_tabs.currentChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.list_tabs, 1)
        horizon_label = QLabel(self.tr("Due within:"))
        self.horizon_spin = QSpinBox()
        self.horizon_spin.setObjectName("horizon_spin")
        self.horizon_spin.setRange(1, MAX_HORIZON_WEEKS)
        self.horizon_spin.setValue(DEFAULT_HORIZON_WEEKS)
        self.horizon_spin.setSuffix(self.tr(" weeks"))
        self.horizon_spin.setToolTip(
            self.tr("The \u201cdue\u201d list holds the exams due within this many weeks")
        )
        horizon_label.setBuddy(self.horizon_spin)
        top.addWidget(horizon_label)
        top.addWidget(self.horizon_spin)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.practitioner_combo = self._filter_combo(
            "practitioner_combo", self.tr("All practitioners")
        )
        self.exam_combo = self._filter_combo("exam_combo", self.tr("All exams"))
        for kind in ExamKind:
            self.exam_combo.addItem(exam_label(kind), kind.value)
        self.site_combo = self._filter_combo("site_combo", self.tr("All sites"))
        for text, combo in (
            (self.tr("Practitioner:"), self.practitioner_combo),
            (self.tr("Exam:"), self.exam_combo),
            (self.tr("Site:"), self.site_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)

        status = QHBoxLayout()
        self.count_label = count_label()
        status.addWidget(self.count_label, 1)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)  # indeterminate: the list is computed
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        status.addWidget(self.busy_bar)
        layout.addLayout(status)

        self._visible_timer = QTimer(self)
        self._filter_timer = QTimer(self)
        self.model = WorklistTableModel(self._load_page, self)
        self.model.sig_load_failed.connect(self._show_error)
        self.table = data_table("worklist_table", self.model, single_selection=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSortIndicator(WorklistTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        self.model.sig_sort_requested.connect(self._on_sort_requested)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_columns()
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.book_button = QPushButton(icon("add"), self.tr("Book an appointment…"))
        self.book_button.setObjectName("book_button")
        self.book_button.clicked.connect(self.book_selected)
        self.convocation_button = QPushButton(self.tr("Convocations…"))
        self.convocation_button.setObjectName("convocation_button")
        self.convocation_button.setToolTip(
            self.tr("Convocation letters for the appointments to come of the selected rows")
        )
        self.convocation_button.clicked.connect(self.convocations)
        self.reminder_button = QPushButton(self.tr("Reminders…"))
        self.reminder_button.setObjectName("reminder_button")
        self.reminder_button.setToolTip(
            self.tr("Letters asking the selected patients to make an appointment")
        )
        self.reminder_button.clicked.connect(self.reminders)
        self.ics_button = QPushButton(icon("export"), self.tr("Export as ICS…"))
        self.ics_button.setObjectName("ics_button")
        self.ics_button.clicked.connect(self.export_calendar)
        self.open_button = QPushButton(self.tr("Open the file"))
        self.open_button.setObjectName("open_button")
        self.open_button.clicked.connect(lambda: self._on_row_activated(self.table.currentIndex()))
        for button in (
            self.book_button,
            self.convocation_button,
            self.reminder_button,
            self.ics_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        layout.addLayout(actions)

        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(VISIBLE_ROWS_DELAY_MS)
        self._visible_timer.timeout.connect(self.load_visible_rows)
        scroll_bar = self.table.verticalScrollBar()
        # (not ``connect(timer.start)``: the scroll value would become the interval)
        scroll_bar.valueChanged.connect(lambda _value: self._visible_timer.start())
        scroll_bar.rangeChanged.connect(lambda _low, _high: self._visible_timer.start())
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.horizon_spin.valueChanged.connect(lambda _value: self._filter_timer.start())
        for combo in (self.practitioner_combo, self.exam_combo, self.site_combo):
            combo.currentIndexChanged.connect(lambda _index: self._filter_timer.start())

        self._update_tab_titles()
        self._update_actions()
        self._load_directory()
        self.refresh()

    def _fit_columns(self) -> None:
        """Dates as wide as their header (bold) or a date, with the sort arrow; names
        and exams a fixed share; the status takes the rest."""
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in (
            WorklistTableModel.COL_BIRTH_DATE,
            WorklistTableModel.COL_DUE,
            WorklistTableModel.COL_LAST_DONE,
        ):
            text = max(
                metrics.horizontalAdvance(self.model.header_label(column)),
                metrics.horizontalAdvance("00/00/0000"),
            )
            header.resizeSection(column, text + 34)
        for column, width in (
            (WorklistTableModel.COL_PATIENT, 200),
            (WorklistTableModel.COL_EXAM, 180),
            (WorklistTableModel.COL_PRACTITIONER, 130),
        ):
            header.resizeSection(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            self._fit_columns()
            self._update_tab_titles()
        super().changeEvent(event)

    # ------------------------------------------------------------------ filters
    def _filter_combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setMinimumWidth(140)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _load_directory(self) -> None:
        """The practitioners the user may filter by (a secretary: those she assists)
        and their sites."""
        self._tasks.run(
            self._session.users.list_practitioners,
            on_success=self._on_practitioners,
            on_failure=lambda _exc: None,  # the filters stay at "all"
            owner=self,
        )

    def _on_practitioners(self, users: Sequence) -> None:  # UserView
        for combo in (self.practitioner_combo, self.site_combo):
            combo.blockSignals(True)
        for user in sorted(users, key=lambda u: (u.last_name.lower(), u.first_name.lower())):
            self.practitioner_combo.addItem(user.display_name, user.id)
        sites = {u.structure_id: u.structure_name for u in users if u.structure_id is not None}
        for site_id, name in sorted(sites.items(), key=lambda pair: pair[1].lower()):
            self.site_combo.addItem(name, site_id)
        for combo in (self.practitioner_combo, self.site_combo):
            combo.blockSignals(False)

    def set_practitioner(self, practitioner_id: int | None) -> bool:
        """Filter by the files of ``practitioner_id`` (None: all); False if not offered."""
        index = self.practitioner_combo.findData(practitioner_id)
        if index < 0:
            return False
        self.practitioner_combo.setCurrentIndex(index)
        return True

    def set_exam(self, exam: str | None) -> None:
        self.exam_combo.setCurrentIndex(max(0, self.exam_combo.findData(exam)))

    def set_site(self, site_id: int | None) -> bool:
        index = self.site_combo.findData(site_id)
        if index < 0:
            return False
        self.site_combo.setCurrentIndex(index)
        return True

    def set_kind(self, kind: WorklistKind | str) -> None:
        self.list_tabs.setCurrentIndex(KINDS.index(WorklistKind(kind)))

    def current_kind(self) -> WorklistKind:
        return KINDS[max(0, self.list_tabs.currentIndex())]

    def query(self) -> WorklistQuery:
        exam = self.exam_combo.currentData()
        return WorklistQuery(
            kind=self.current_kind(),
            horizon_weeks=self.horizon_spin.value(),
            practitioner_id=self.practitioner_combo.currentData(),
            exam=exam,
            site_id=self.site_combo.currentData(),
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Compute the list shown (and the counts) again, in the background."""
        self._filter_timer.stop()
        self._seq += 1
        seq = self._seq
        query = self.query()
        self.busy_bar.show()
        self.count_label.setText(self.tr("Computing the list…"))
        style.set_role(self.count_label, "hint")
        self._tasks.run(
            load_worklist,
            self._session,
            query,
            WorklistTableModel.PAGE_SIZE,
            on_success=lambda result, s=seq: self._on_list_done(s, result),
            on_failure=lambda exc, s=seq: self._on_list_failed(s, exc),
            label=self.tr("Computing the follow-up list…"),
            owner=self,
        )
        self._tasks.run(
            worklist_counts,
            self._session,
            query,
            on_success=lambda counts, s=seq: self._on_counts(s, counts),
            on_failure=lambda _exc: None,  # the list itself says what went wrong
            owner=self,
        )

    def is_loading(self) -> bool:
        """True while the list asked last has not been applied (tests)."""
        return self._applied_seq != self._seq or self._filter_timer.isActive()

    def _on_list_done(self, seq: int, result: WorklistResult) -> None:
        if seq != self._seq:
            return
        self._applied_seq = seq
        self.busy_bar.hide()
        self.model.set_result(result.ids, result.first_rows)
        self._counts[result.query.kind] = result.ids.total
        self._update_tab_titles()
        self._update_count()
        self._update_actions()
        self._visible_timer.start()
        self.sig_list_shown.emit(result.ids)

    def _on_list_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        self._applied_seq = seq
        self.busy_bar.hide()
        self.model.clear()
        self._show_error(exc)
        self._update_actions()

    def _on_counts(self, seq: int, counts: dict[WorklistKind, int]) -> None:
        if seq != self._seq:
            return
        self._counts = dict(counts)
        self._update_tab_titles()
        self.sig_counts_changed.emit(dict(counts))

    def counts(self) -> dict[WorklistKind, int]:
        return dict(self._counts)

    def _show_error(self, exc: BaseException) -> None:
        self.count_label.setText(error_text(exc))
        style.set_role(self.count_label, "error")

    def _update_tab_titles(self) -> None:
        weeks = self.horizon_spin.value()
        for index, kind in enumerate(KINDS):
            if kind is WorklistKind.DUE_SOON:
                title = self.tr("Due within %n week(s)", "", weeks)
            else:
                title = worklist_label(kind)
            count = self._counts.get(kind)
            if count is not None:
                title = f"{title} ({count})"
            self.list_tabs.setTabText(index, title)
        lost = self._counts.get(WorklistKind.LOST, 0)
        lost_index = KINDS.index(WorklistKind.LOST)
        self.list_tabs.setTabTextColor(lost_index, QColor(LOST_COLOUR if lost else "#1f2933"))
        self.list_tabs.setTabIcon(lost_index, icon("warning") if lost else QIcon())

    def _update_count(self) -> None:
        style.set_role(self.count_label, "hint")
        total = self.model.rowCount()
        if total == 0:
            self.count_label.setText(self.tr("No exam in this list"))
        else:
            self.count_label.setText(self.tr("%Ln exam(s) to follow up", "", total))

    # ------------------------------------------------------------------ pages
    def _load_page(
        self,
        ids: tuple[int, ...],
        on_success: Callable[[Sequence[WorklistRow]], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        self._tasks.run(
            self._session.followup.worklist_page,
            ids,
            horizon_weeks=self.horizon_spin.value(),
            on_success=on_success,
            on_failure=on_failure,
            owner=self,
        )

    def load_visible_rows(self) -> None:
        self._visible_timer.stop()
        count = self.model.rowCount()
        first = self.table.rowAt(0)
        if not count or first < 0:
            return
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = count - 1 if last < 0 else last
        margin = WorklistTableModel.PAGE_SIZE // 2
        self.model.load_rows(first - margin, last + margin)

    # ------------------------------------------------------------------ selection
    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_item_ids(self) -> list[int]:
        return [self.model.id_at(row) for row in self.selected_rows()]

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select ``rows`` (tests, and the keyboard)."""
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.clear()
        if rows:
            selection.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
        for row in rows:
            selection.select(self.model.index(row, 0), flags.Select | flags.Rows)
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        count = len(self.selected_rows())
        single = count == 1 and self.model.row_at(self.selected_rows()[0]) is not None
        self.book_button.setEnabled(single)
        self.open_button.setEnabled(single)
        for button in (self.convocation_button, self.reminder_button, self.ics_button):
            button.setEnabled(count > 0)

    def _on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = index.data(WorklistTableModel.PATIENT_ID_ROLE)
        if patient_id is not None:
            self.sig_open_patient.emit(int(patient_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
        ):
            self._on_row_activated(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ actions
    def book_selected(self) -> QWidget | None:
        """The booking dialog for the selected row's exam (its plan item)."""
        rows = self.model.loaded_rows(self.selected_rows())
        if len(rows) != 1:
            return None
        from oiso_desktop.gui.appointment_dialog import AppointmentDialog

        row = rows[0]
        dialog = AppointmentDialog(
            self._session,
            self._tasks,
            row.patient_id,
            exam=row.exam.value,
            plan_item_id=row.item_id,
            practitioner_id=row.owner_id,
            parent=self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_booked.connect(self._on_booked)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _on_booked(self, result: object) -> None:
        self.sig_booked.emit(result)
        self.refresh()

    def reminders(self) -> QWidget | None:
        """Reminder letters for the selected plan items (previewed)."""
        ids = self.selected_item_ids()
        if not ids:
            return None
        return self._open_letters("reminder", ids, 0)

    def convocations(self) -> None:
        """Convocation letters for the appointments to come of the selected rows."""
        ids = self.selected_item_ids()
        if not ids:
            return
        self._tasks.run(
            appointment_targets,
            self._session,
            ids,
            horizon_weeks=self.horizon_spin.value(),
            on_success=self._on_convocation_targets,
            on_failure=self._show_error,
            label=self.tr("Finding the appointments…"),
            owner=self,
        )

    def _on_convocation_targets(self, targets: AppointmentTargets) -> None:
        if not targets.appointment_ids:
            self._tell(
                self.tr(
                    "None of the selected rows has an appointment to come: book one first, "
                    "or send reminders."
                )
            )
            return
        self._open_letters("convocation", targets.appointment_ids, targets.without_appointment)

    def _open_letters(self, kind: str, ids: Sequence[int], skipped: int) -> QWidget:
        from oiso_desktop.gui.letters_preview import LettersPreviewDialog

        dialog = LettersPreviewDialog(
            self._session, self._tasks, kind, ids, self.window(), skipped=skipped
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        self.sig_letters_opened.emit(dialog)
        return dialog

    def _tell(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Follow-up"), text, parent=self)
        box.setObjectName("worklist_message_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box

    # ------------------------------------------------------------------ calendar file
    def export_calendar(self) -> None:
        """Find the appointments to come of the selection, explain what an ICS file
        holds, then ask where to write it."""
        ids = self.selected_item_ids()
        if not ids:
            return
        self._tasks.run(
            appointment_targets,
            self._session,
            ids,
            horizon_weeks=self.horizon_spin.value(),
            on_success=self._confirm_calendar,
            on_failure=self._show_error,
            label=self.tr("Finding the appointments…"),
            owner=self,
        )

    def _confirm_calendar(self, targets: AppointmentTargets) -> None:
        if not targets.appointment_ids:
            self._tell(self.tr("None of the selected rows has an appointment to come."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export as ICS"),
            self.tr(
                "Export %n appointment(s) to a calendar file (ICS)?",
                "",
                len(targets.appointment_ids),
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("ics_confirm_box")
        box.setInformativeText(
            self.tr(
                "The file holds, for each appointment, only \u201cRendez-vous\u201d with the "
                "exam, the place, the start and the end: no name, no diagnosis, no gene. "
                "The export is recorded in the event log."
            )
        )
        export = box.addButton(self.tr("Choose the file…"), QMessageBox.ButtonRole.AcceptRole)
        export.setObjectName("ics_export_button")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ics_box = box

        def clicked(button: object) -> None:
            if button is export:
                self._ask_calendar_path(targets.appointment_ids)

        box.buttonClicked.connect(clicked)
        box.open()

    def _ask_calendar_path(self, appointment_ids: Sequence[int]) -> None:
        dialog = QFileDialog(self, self.tr("Export as ICS"))
        dialog.setObjectName("ics_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Calendar files (*.ics)"))
        dialog.setDefaultSuffix("ics")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(f"rendez-vous-{dt.date.today().isoformat()}.ics")
        self.file_dialog = dialog
        dialog.fileSelected.connect(
            lambda path: self.export_calendar_to(Path(path), appointment_ids)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_calendar_to(self, path: Path, appointment_ids: Sequence[int]) -> None:
        """Write the ICS file (the service logs it)."""
        target = path if path.suffix else path.with_suffix(".ics")
        self._tasks.run(
            self._session.appointments.export_ics,
            tuple(appointment_ids),
            target,
            on_success=self._on_calendar_exported,
            on_failure=self._show_error,
            label=self.tr("Exporting the appointments…"),
            owner=self,
        )

    def _on_calendar_exported(self, count: int) -> None:
        style.set_role(self.count_label, "ok")
        self.count_label.setText(self.tr("%n appointment(s) exported.", "", count))
        self.sig_calendar_exported.emit(count)
