"""The event log (Journal): filters, table, CSV export and PDF extract of the filtered
events (an admin: any filter; the others: their own events), and for admins the
integrity check."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.event_table_model import (
    ACTION_LABELS,
    OBJECT_TYPE_LABELS,
    EventTableModel,
    action_label,
    object_label,
)
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    set_column_modes,
)
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.domain.event_chain import ChainReport
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import EventView, UserView

__all__ = ["EVENT_LIMIT", "EventLogView"]

EVENT_LIMIT = 1000
FILTER_DEBOUNCE_MS = 250


class EventLogView(QWidget):
    """Who did what and when. Admins see every event; the others their own."""

    sig_events_loaded = Signal()
    sig_verify_finished = Signal(object)  # ChainReport or exception
    sig_export_finished = Signal(object)  # number of records or exception
    sig_pdf_export_finished = Signal(object)  # number of events or exception

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event_log_view")
        self._session = session
        self._tasks = tasks
        self._is_admin = session.can(Permission.VIEW_ALL_EVENTS)
        self._load_seq = 0

        layout, _title = page_layout(
            self, self.tr("Event log") if self._is_admin else self.tr("My event log")
        )

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(QLabel(self.tr("From")))
        self.from_date_edit = DateLineEdit()
        self.from_date_edit.setObjectName("from_date_edit")
        self.from_date_edit.setFixedWidth(110)
        filters.addWidget(self.from_date_edit)
        filters.addWidget(QLabel(self.tr("to")))
        self.to_date_edit = DateLineEdit()
        self.to_date_edit.setObjectName("to_date_edit")
        self.to_date_edit.setFixedWidth(110)
        filters.addWidget(self.to_date_edit)

        self.user_label = QLabel(self.tr("User"))
        filters.addSpacing(8)
        filters.addWidget(self.user_label)
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("user_combo")
        self.user_combo.setMinimumWidth(200)
        self.user_combo.addItem(self.tr("All users"), None)
        filters.addWidget(self.user_combo)
        self.user_label.setVisible(self._is_admin)
        self.user_combo.setVisible(self._is_admin)

        filters.addSpacing(8)
        filters.addWidget(QLabel(self.tr("Action")))
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("action_combo")
        self.action_combo.addItem(self.tr("All actions"), None)
        for code in sorted(ACTION_LABELS, key=action_label):
            self.action_combo.addItem(action_label(code), code)
        # Long action labels must not widen the page past a laptop screen: the
        # box shows about 20 characters, its list the whole labels.
        self.action_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_combo.setMinimumContentsLength(20)
        self.action_combo.view().setMinimumWidth(self.action_combo.view().sizeHintForColumn(0) + 24)
        filters.addWidget(self.action_combo)
        filters.addStretch(1)
        self.refresh_button = QPushButton(icon("search"), self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)

        self.filter_message_label = QLabel("")
        self.filter_message_label.setObjectName("filter_message_label")
        style.set_role(self.filter_message_label, "error")
        self.filter_message_label.hide()
        layout.addWidget(self.filter_message_label)

        self.model = EventTableModel(self)
        self.table = data_table("event_table", self.model, row_height=26, single_selection=False)
        set_column_modes(
            self.table.horizontalHeader(),
            widths={
                EventTableModel.COL_USER: 140,
                EventTableModel.COL_ACTION: 220,
                EventTableModel.COL_WORKSTATION: 160,
            },
            contents=(EventTableModel.COL_WHEN, EventTableModel.COL_VERSION),
            stretch=(EventTableModel.COL_OBJECT,),
        )
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count_label = count_label()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        self.verify_button = QPushButton(icon("verify"), self.tr("Verify integrity"))
        self.verify_button.setObjectName("verify_button")
        self.export_button = QPushButton(icon("export"), self.tr("Export (CSV)…"))
        self.export_button.setObjectName("export_button")
        # Everyone may export (an admin: any filter; the others: their own events).
        self.export_pdf_button = QPushButton(icon("export"), self.tr("Export (PDF)…"))
        self.export_pdf_button.setObjectName("export_pdf_button")
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.export_pdf_button)
        self.verify_button.setVisible(self._is_admin)
        layout.addLayout(bottom)

        self.result_label = QLabel("")
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        layout.addWidget(self.result_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.from_date_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.to_date_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.user_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_pdf_button.clicked.connect(self._on_export_pdf_clicked)

        if self._is_admin:
            self._tasks.run(
                session.users.list_users,
                include_revoked=True,
                on_success=self._on_users_loaded,
                on_failure=lambda exc: None,  # the filter stays at "All users"
                owner=self,
            )
        self.reload()

    # ----------------------------------------------------------------- filters
    def _on_users_loaded(self, users: list[UserView]) -> None:
        for user in sorted(users, key=lambda u: u.display_name.casefold()):
            self.user_combo.addItem(f"{user.display_name} ({user.login})", user.id)

    def _period(self) -> tuple[datetime | None, datetime | None, str]:
        problem = self.from_date_edit.problem() or self.to_date_edit.problem()
        start, end = self.from_date_edit.date(), self.to_date_edit.date()
        if not problem and start and end and end < start:
            problem = self.tr("The end date is before the start date.")
        since = _to_utc(start) if start else None
        until = _to_utc(end + timedelta(days=1)) if end else None
        return since, until, problem

    def _user_filter(self) -> int | None:
        """The user whose events are shown and exported (None: all, admins only)."""
        if self._is_admin:
            user_id = self.user_combo.currentData()
            return int(user_id) if user_id is not None else None
        return self._session.actor.user_id

    def reload(self) -> None:
        self._debounce.stop()
        since, until, problem = self._period()
        self.filter_message_label.setText(problem)
        self.filter_message_label.setVisible(bool(problem))
        if problem:
            return
        self._load_seq += 1
        seq = self._load_seq
        self._tasks.run(
            self._session.events.list,
            user_id=self._user_filter(),
            action=self.action_combo.currentData(),
            since=since,
            until=until,
            limit=EVENT_LIMIT,
            on_success=lambda rows, seq=seq: self._on_events_loaded(seq, rows),
            on_failure=lambda exc, seq=seq: self._on_load_failed(seq, exc),
            label=self.tr("Loading the event log…"),
            owner=self,
        )

    def _on_events_loaded(self, seq: int, rows: list[EventView]) -> None:
        if seq != self._load_seq:
            return
        self.model.set_rows(rows)
        count = len(rows)
        if count >= EVENT_LIMIT:
            self.count_label.setText(
                self.tr("The {count} most recent events are shown: narrow the filters.").format(
                    count=self.locale().toString(count)
                )
            )
        else:
            self.count_label.setText(self.tr("%Ln event(s)", "", count))
        self.sig_events_loaded.emit()

    def _on_load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._load_seq:
            return
        self.model.set_rows(())
        self.count_label.setText(error_text(exc))
        self.sig_events_loaded.emit()

    # ------------------------------------------------------------------ verify
    def _on_verify_clicked(self) -> None:
        self.verify_button.setEnabled(False)
        self._show_result(self.tr("Verifying the event log…"), "hint")
        self._tasks.run(
            self._session.events.verify,
            on_success=self._on_verified,
            on_failure=self._on_verify_failed,
            label=self.tr("Verifying the event log…"),
            owner=self,
        )

    def _on_verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        count = self.locale().toString(report.checked)
        if report.ok:
            self._show_result(
                self.tr("Event log intact: {count} records verified.").format(count=count), "ok"
            )
        else:
            text = self.tr(
                "Event log ALTERED: first faulty record no. {id} ({count} records checked)."
            ).format(id=report.first_broken_id, count=count)
            if report.reason:
                text += "\n" + report.reason
            self._show_result(text, "error")
        self.sig_verify_finished.emit(report)

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self._show_result(error_text(exc), "error")
        self.sig_verify_finished.emit(exc)

    def _show_result(self, text: str, kind: str) -> None:
        show_banner(self.result_label, text, kind, bold=True)

    def result_text(self) -> str:
        return "" if self.result_label.isHidden() else self.result_label.text()

    # ------------------------------------------------------------------ export
    def _on_export_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the event log"))
        dialog.setObjectName("export_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"journal-oiso-{date.today():%Y%m%d}.csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        """Write the events matching the current filters to ``path`` (CSV) in the background."""
        since, until, problem = self._period()
        if problem:
            self._show_result(problem, "error")
            return
        self.export_button.setEnabled(False)
        self._tasks.run(
            self._session.events.export_csv,
            path,
            user_id=self._user_filter(),
            action=self.action_combo.currentData(),
            since=since,
            until=until,
            on_success=lambda count: self._on_exported(path, count),
            on_failure=self._on_export_failed,
            label=self.tr("Exporting the event log…"),
            owner=self,
        )

    def _on_exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self._show_result(
            self.tr("{count} records exported to {path}.").format(
                count=self.locale().toString(count), path=str(path)
            ),
            "ok",
        )
        self.sig_export_finished.emit(count)
        self.reload()

    def _on_export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._show_result(error_text(exc), "error")
        self.sig_export_finished.emit(exc)

    # -------------------------------------------------------------- PDF export
    def _on_export_pdf_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Export an extract of the event log"))
        dialog.setObjectName("export_pdf_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"journal-oiso-{date.today():%Y%m%d}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_pdf_to(Path(path)))
        self.export_pdf_dialog = dialog
        dialog.open()

    def export_pdf_to(self, path: Path) -> None:
        """Write the events matching the current filters to ``path`` (PDF) in the background."""
        since, until, problem = self._period()
        if problem:
            self._show_result(problem, "error")
            return
        self.export_pdf_button.setEnabled(False)
        self._tasks.run(
            self._session.events.export_pdf,
            path,
            user_id=self._user_filter(),
            action=self.action_combo.currentData(),
            since=since,
            until=until,
            action_labels={code: action_label(code) for code in ACTION_LABELS},
            object_labels={code: object_label(code, None) for code in OBJECT_TYPE_LABELS},
            on_success=lambda count: self._on_pdf_exported(path, count),
            on_failure=self._on_pdf_export_failed,
            label=self.tr("Exporting the event log…"),
            owner=self,
        )

    def _on_pdf_exported(self, path: Path, count: int) -> None:
        self.export_pdf_button.setEnabled(True)
        self._show_result(
            self.tr("PDF extract saved ({events}): {path}").format(
                events=self.tr("%Ln event(s)", "", count), path=str(path)
            ),
            "ok",
        )
        self.sig_pdf_export_finished.emit(count)
        self.reload()

    def _on_pdf_export_failed(self, exc: BaseException) -> None:
        self.export_pdf_button.setEnabled(True)
        self._show_result(error_text(exc), "error")
        self.sig_pdf_export_finished.emit(exc)


def _to_utc(day: date) -> datetime:
    """00:00 local time on ``day``, as an aware UTC datetime."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)
