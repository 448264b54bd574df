"""The patient list: instant search, results table, new patient, open on double-click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.patient_table_model import PatientTableModel
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    search_field,
    set_column_modes,
)

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import PatientView, SearchResult

__all__ = ["SEARCH_DEBOUNCE_MS", "SEARCH_LIMIT", "PatientListView"]

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 200


class PatientListView(QWidget):
    """Search the accessible patient files and open them.

    ``sig_patient_opened(int)`` is emitted once a patient file has been loaded
    and shown; ``sig_patient_saved(int)`` after a create or an update.
    """

    sig_patient_opened = Signal(int)
    sig_patient_saved = Signal(int)
    # emitted after each applied search result (tests, status bar)
    sig_results_changed = Signal()

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_list_view")
        self._session = session
        self._tasks = tasks
        self._search_seq = 0  # id of the latest query: older results are dropped
        self._applied_seq = 0
        self._last_text: str | None = None
        self._dialogs: set[QWidget] = set()
        # the open patient-file windows, by patient id (one window per file)
        self.file_windows: dict[int, QWidget] = {}
        self.last_file_window: QWidget | None = None

        layout, _title = page_layout(self, self.tr("Patients"))

        top = QHBoxLayout()
        self.search_edit = search_field(
            "search_edit", self.tr("Search: name, first name, birth date (DD/MM/YYYY) or NIR…")
        )
        self.search_edit.installEventFilter(self)
        top.addWidget(self.search_edit, 1)
        self.new_button = QPushButton(self.tr("New patient"))
        self.new_button.setObjectName("new_button")
        self.new_button.setToolTip(self.tr("Create a patient file (Ctrl+N)"))
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self._on_new_clicked)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.count_label = count_label()
        layout.addWidget(self.count_label)

        self.model = PatientTableModel(self)
        self.table = data_table("patient_table", self.model)
        set_column_modes(
            self.table.horizontalHeader(),
            # names start narrow enough for the whole row to fit the default window
            # (the practitioner column takes what is left); the user can widen them
            widths={
                PatientTableModel.COL_BIRTH_NAME: 150,
                PatientTableModel.COL_USED_NAME: 120,
                PatientTableModel.COL_FIRST_NAMES: 150,
            },
            # fixed formats: sized to their text, never cut
            contents=(
                PatientTableModel.COL_BIRTH_DATE,
                PatientTableModel.COL_SEX,
                PatientTableModel.COL_NIR,
                PatientTableModel.COL_INS_STATUS,
            ),
        )
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_edit.textChanged.connect(self._on_search_text_changed)

        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(self._on_new_clicked)

        can_create = session.can(Permission.CREATE_PATIENT)
        self.new_button.setVisible(can_create)
        self.new_shortcut.setEnabled(can_create)

        # First content: what an empty query returns (the service decides).
        self.refresh()

    # ---------------------------------------------------------------- search
    def refresh(self) -> None:
        """Run the current query again now (after a save, or on first show)."""
        self._debounce.stop()
        self._run_search()

    def search_text(self) -> str:
        return self.search_edit.text()

    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _run_search(self) -> None:
        text = self.search_edit.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        self._last_text = text
        self._tasks.run(
            self._session.patients.search,
            text,
            limit=SEARCH_LIMIT,
            on_success=lambda result, seq=seq: self._on_search_done(seq, result),
            on_failure=lambda exc, seq=seq: self._on_search_failed(seq, exc),
            label=self.tr("Searching…"),
            owner=self,
        )

    def _on_search_done(self, seq: int, result: SearchResult) -> None:
        if seq != self._search_seq:
            return  # a newer query was typed meanwhile
        self._applied_seq = seq
        self.model.set_rows(result.rows)
        self._update_count(result)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.sig_results_changed.emit()

    def _on_search_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._search_seq:
            return
        self._applied_seq = seq
        self.model.clear()
        self.count_label.setText(error_text(exc))
        style.set_role(self.count_label, "error")
        self.sig_results_changed.emit()

    def _update_count(self, result: SearchResult) -> None:
        style.set_role(self.count_label, "hint")
        if result.truncated:
            text = self.tr("More than {limit} results: refine your search").format(
                limit=self.locale().toString(len(result.rows))
            )
        elif result.total == 0:
            text = (
                self.tr("No patient file found")
                if self._last_text
                else self.tr("No patient file yet")
            )
        else:
            # %Ln: the number with the locale's digit grouping ("1 234 dossiers").
            text = self.tr("%Ln file(s)", "", result.total)
        self.count_label.setText(text)

    def is_search_pending(self) -> bool:
        """True while a typed query has not produced its result yet (tests)."""
        return self._debounce.isActive() or self._applied_seq != self._search_seq

    # ---------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self.table.setFocus()
                    if not self.table.selectionModel().hasSelection():
                        self.table.selectRow(0)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self._debounce.isActive():
                        self.refresh()
                    elif self.model.rowCount() == 1:
                        self.open_patient(self.model.row_at(0).id)
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._on_row_activated(self.table.currentIndex())
                    return True
                if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                    self.search_edit.setFocus()
                    return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.search_edit.setFocus()

    # ---------------------------------------------------------------- open
    def _on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = index.data(PatientTableModel.PATIENT_ID_ROLE)
        if patient_id is not None:
            self.open_patient(int(patient_id))

    def open_patient(self, patient_id: int) -> None:
        """Open the patient file in its window (the service logs the reading); a file
        already open is brought to the front instead."""
        window = self.file_windows.get(patient_id)
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()
            self.sig_patient_opened.emit(patient_id)
            return
        self._tasks.run(
            self._session.patients.get,
            patient_id,
            on_success=self._show_patient,
            label=self.tr("Opening the patient file…"),
            owner=self,
        )

    def _show_patient(self, patient: PatientView) -> None:
        from oiso_desktop.gui.patient_file_window import PatientFileWindow

        if patient.id in self.file_windows:  # opened twice quickly
            self.open_patient(patient.id)
            return
        window = PatientFileWindow(self._session, self._tasks, patient, parent=self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.sig_identity_saved.connect(self._on_patient_saved)
        window.sig_open_patient.connect(self.open_patient)
        self.file_windows[patient.id] = window
        window.destroyed.connect(
            lambda _obj=None, pid=patient.id: self.file_windows.pop(pid, None)
        )
        self.last_file_window = window
        window.show()
        self.sig_patient_opened.emit(patient.id)

    def _on_new_clicked(self) -> None:
        if not self.new_button.isVisible():
            return
        dialog = self._make_dialog(None)
        # Pre-fill the birth name from a name-only query, a common workflow.
        text = self.search_edit.text().strip()
        if text and all(char.isalpha() or char in " -'" for char in text):
            dialog.ui.birth_name_edit.setText(text.split()[0].upper())
        dialog.open()

    def _make_dialog(self, patient: PatientView | None):
        from oiso_desktop.gui.patient_dialog import PatientDialog

        dialog = PatientDialog(self._session, self._tasks, patient=patient, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._on_patient_saved)
        self._dialogs.add(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._dialogs.discard(d))
        self.last_dialog = dialog
        return dialog

    def _on_patient_saved(self, patient: PatientView) -> None:
        created = patient.id not in self.file_windows
        self.sig_patient_saved.emit(patient.id)
        self.refresh()
        if created:  # a new file: open it, the work goes on there
            self.open_patient(patient.id)
