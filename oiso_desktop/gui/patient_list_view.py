"""The patient list: instant search, results table, new patient, open on double-click.

The list is lazy: a search brings the ids of every match and the first page of
rows (``PatientService.search_ids``); the other rows are fetched page by page
(``PatientService.page``, in the background) as they scroll into view, and a
clinical role holding the clinical key sees the family's key facts and the
patient's variants (gene and class) in more columns, and may filter the list by
gene and by class (the service filters, over the encrypted genetics forms). The
columns always fit the table's width: no horizontal scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QWidget,
)

from oiso_desktop.domain.genetics import ACMG_CLASSES, POSITIVE_CLASSES, PREDISPOSITION_GENES
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.break_glass_dialog import BreakGlassDialog
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.genetics_labels import CLASS_LABELS, coded_label
from oiso_desktop.gui.patient_rights import FhirImport
from oiso_desktop.gui.patient_table_model import (
    INS_STATUS_LABELS,
    PatientListModel,
    ins_status_label,
)
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    search_field,
)

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import PatientIdList, PatientPage, PatientView

__all__ = ["SEARCH_DEBOUNCE_MS", "VISIBLE_ROWS_DELAY_MS", "PatientListView"]

SEARCH_DEBOUNCE_MS = 150
# rows in view are asked for once the scrolling pauses this long (a fast drag
# through 100,000 rows asks only for where it stops)
VISIBLE_ROWS_DELAY_MS = 40

_M = PatientListModel
# the name columns share the width the fixed-format columns leave (weights)
_ELASTIC_WEIGHTS = {
    _M.COL_BIRTH_NAME: 3.0,
    _M.COL_USED_NAME: 2.0,
    _M.COL_FIRST_NAMES: 3.0,
    _M.COL_OWNER: 2.5,
}
# a name column is never narrower than this (nor than the longest word of its header)
MIN_NAME_WIDTH = 80
# the widest text of each fixed-format column: its width never depends on the rows
# loaded so far
_FIXED_SAMPLES: dict[int, Callable[[], list[str]]] = {
    _M.COL_BIRTH_DATE: lambda: ["00/00/0000"],
    _M.COL_SEX: lambda: ["M"],
    _M.COL_NIR: lambda: ["0 00 00 00 000 000 00"],
    _M.COL_INS_STATUS: lambda: [ins_status_label(code) for code in INS_STATUS_LABELS],
    _M.COL_AFFECTED: lambda: ["00 / 000"],
    _M.COL_VARIANT: lambda: ["BRCA1"],  # more genes: elided, the tool tip lists them
    _M.COL_GENETICS: lambda: ["RAD51D (5)"],  # idem
}
# columns whose text may be bold (a positive result): measured in bold
_BOLD_SAMPLES = {_M.COL_GENETICS}
# the header's padding (resources/styles/oiso.qss: QHeaderView::section)
_HEADER_PADDING = (6, 5)


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
        self._filtered = False
        self._dialogs: set[QWidget] = set()
        # the open patient-file windows, by patient id (one window per file)
        self.file_windows: dict[int, QWidget] = {}
        self.last_file_window: QWidget | None = None
        self._viewport: QWidget | None = None  # the table's, once built (event filter)

        layout, _title = page_layout(self, self.tr("Patients"))

        top = QHBoxLayout()
        self.search_edit = search_field(
            "search_edit", self.tr("Search: name, first name, birth date (DD/MM/YYYY) or NIR…")
        )
        self.search_edit.installEventFilter(self)
        top.addWidget(self.search_edit, 1)
        self._build_genetics_filter(top)
        self.break_glass_button = QPushButton(self.tr("Emergency access…"))
        self.break_glass_button.setObjectName("break_glass_button")
        self.break_glass_button.setToolTip(
            self.tr(
                "Break-the-glass: open, read-only and until you log out, a file that is not "
                "shared with you, found by the patient's exact identity. You give a reason; "
                "the access is logged, shown to the file's owner and reviewed by an "
                "administrator."
            )
        )
        self.break_glass_button.clicked.connect(self.open_break_glass)
        self.break_glass_button.setVisible(session.actor.role is Role.PRACTITIONER)
        top.addWidget(self.break_glass_button)
        self.fhir_import = FhirImport(session, tasks, self)
        self.fhir_import.sig_imported.connect(self._on_imported)
        self.fhir_import.sig_failed.connect(self._on_import_failed)
        self.import_box: QMessageBox | None = None
        self.import_button = QPushButton(self.tr("Import a file (FHIR)…"))
        self.import_button.setObjectName("import_button")
        self.import_button.setToolTip(
            self.tr(
                "Import a patient file exported by a colleague (FHIR R4 bundle) as a new "
                "file of yours, at the patient's request"
            )
        )
        self.import_button.clicked.connect(self.fhir_import.choose)
        self.import_button.setVisible(
            session.actor.role is Role.PRACTITIONER and session.can(Permission.EDIT_CLINICAL)
        )
        top.addWidget(self.import_button)
        self.new_button = QPushButton(self.tr("New patient"))
        self.new_button.setObjectName("new_button")
        self.new_button.setToolTip(self.tr("Create a patient file (Ctrl+N)"))
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self._on_new_clicked)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.count_label = count_label()
        layout.addWidget(self.count_label)

        self.model = PatientListModel(self._load_page, self)
        self.model.sig_load_failed.connect(self._on_page_failed)
        self.model.sig_rows_loaded.connect(self._on_rows_loaded)
        self.table = data_table("patient_table", self.model)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setHorizontalScrollMode(self.table.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for column in range(PatientListModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._show_key_fact_columns(False)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.installEventFilter(self)
        self._viewport = self.table.viewport()
        self._viewport.installEventFilter(self)
        layout.addWidget(self.table, 1)

        # Rows in view are fetched when the scrolling pauses (or the table grows).
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(VISIBLE_ROWS_DELAY_MS)
        self._visible_timer.timeout.connect(self.load_visible_rows)
        scroll_bar = self.table.verticalScrollBar()
        # (lambdas: QTimer.start(int) would take the scroll position as its delay)
        scroll_bar.valueChanged.connect(lambda _value: self._visible_timer.start())
        scroll_bar.rangeChanged.connect(lambda _low, _high: self._visible_timer.start())

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

    # ---------------------------------------------------------------- filter
    def _build_genetics_filter(self, row: QHBoxLayout) -> None:
        """Gene and class filters: shown with the key-fact columns (clinical roles)."""
        self.genetics_filter = QWidget()
        self.genetics_filter.setObjectName("genetics_filter")
        layout = QHBoxLayout(self.genetics_filter)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        gene_label = QLabel(self.tr("Gene:"))
        self.gene_filter_combo = QComboBox()
        self.gene_filter_combo.setObjectName("gene_filter_combo")
        self.gene_filter_combo.setEditable(True)
        self.gene_filter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.gene_filter_combo.addItem("")
        self.gene_filter_combo.addItems(sorted(PREDISPOSITION_GENES))
        self.gene_filter_combo.setMinimumWidth(150)
        completer = QCompleter(sorted(PREDISPOSITION_GENES), self.gene_filter_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.gene_filter_combo.setCompleter(completer)
        line = self.gene_filter_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("All genes"))
        line.setClearButtonEnabled(True)
        self.gene_filter_combo.setToolTip(
            self.tr("Only the files whose patient carries a variant of this gene")
        )
        gene_label.setBuddy(self.gene_filter_combo)
        class_label = QLabel(self.tr("Class:"))
        self.class_filter_combo = QComboBox()
        self.class_filter_combo.setObjectName("class_filter_combo")
        self.class_filter_combo.addItem(self.tr("All classes"), None)
        self.class_filter_combo.addItem(
            self.tr("Positive (class 4 or 5)"), tuple(sorted(POSITIVE_CLASSES))
        )
        for number in sorted(ACMG_CLASSES, reverse=True):
            self.class_filter_combo.addItem(coded_label(CLASS_LABELS, number), (number,))
        self.class_filter_combo.setToolTip(
            self.tr("Only the files whose patient carries a variant of this class (with the gene)")
        )
        class_label.setBuddy(self.class_filter_combo)
        for widget in (gene_label, self.gene_filter_combo, class_label, self.class_filter_combo):
            layout.addWidget(widget)
        row.addWidget(self.genetics_filter)
        self.genetics_filter.hide()
        self.gene_filter_combo.editTextChanged.connect(self._on_search_text_changed)
        self.class_filter_combo.currentIndexChanged.connect(self._on_search_text_changed)

    def genetics_filter_values(self) -> tuple[str | None, tuple[int, ...] | None]:
        """(gene, classes) the list is filtered by; (None, None) when not filtered (or
        the filter is not offered to this user)."""
        if self.genetics_filter.isHidden():
            return None, None
        gene = self.gene_filter_combo.currentText().strip() or None
        classes = self.class_filter_combo.currentData()
        return gene, (tuple(classes) if classes else None)

    # ---------------------------------------------------------------- search
    def refresh(self) -> None:
        """Run the current query again now (after a save, or on first show)."""
        self._debounce.stop()
        self._run_search()
        if self._session.can(Permission.VIEW_CLINICAL):  # files are shared with these roles
            self._tasks.run(
                self._session.sharing.shared_with_me,
                on_success=self.model.set_shared_with_me,
                owner=self,
            )

    def search_text(self) -> str:
        return self.search_edit.text()

    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _run_search(self) -> None:
        text = self.search_edit.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        self._last_text = text
        gene, classes = self.genetics_filter_values()
        self._filtered = gene is not None or classes is not None
        self._tasks.run(
            self._session.patients.search_ids,
            text,
            first_rows=PatientListModel.PAGE_SIZE,
            gene=gene,
            classes=classes,
            on_success=lambda result, seq=seq: self._on_search_done(seq, result),
            on_failure=lambda exc, seq=seq: self._on_search_failed(seq, exc),
            label=self.tr("Searching…"),
            owner=self,
        )

    def _on_search_done(self, seq: int, result: PatientIdList) -> None:
        if seq != self._search_seq:
            return  # a newer query was typed meanwhile
        self._applied_seq = seq
        self.model.set_result(result)
        self._show_key_fact_columns(result.with_key_facts)
        self._update_count(result)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._visible_timer.start()
        self.sig_results_changed.emit()

    def _on_search_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._search_seq:
            return
        self._applied_seq = seq
        self.model.clear()
        self.count_label.setText(error_text(exc))
        style.set_role(self.count_label, "error")
        self.sig_results_changed.emit()

    def _update_count(self, result: PatientIdList) -> None:
        style.set_role(self.count_label, "hint")
        if result.total == 0:
            text = (
                self.tr("No patient file found")
                if self._last_text or self._filtered
                else self.tr("No patient file yet")
            )
        else:
            # %Ln: the number with the locale's digit grouping ("1 234 dossiers").
            text = self.tr("%Ln file(s)", "", result.total)
        self.count_label.setText(text)

    def is_search_pending(self) -> bool:
        """True while a typed query has not produced its result yet (tests)."""
        return self._debounce.isActive() or self._applied_seq != self._search_seq

    # ---------------------------------------------------------------- pages
    def _load_page(
        self,
        ids: tuple[int, ...],
        on_success: Callable[[PatientPage], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """The model's page loader: ``PatientService.page`` in the background."""
        self._tasks.run(
            self._session.patients.page,
            ids,
            on_success=on_success,
            on_failure=on_failure,
            owner=self,
        )

    def visible_rows(self) -> tuple[int, int] | None:
        """The first and last rows in view (None: no row)."""
        count = self.model.rowCount()
        if not count:
            return None
        first = self.table.rowAt(0)
        if first < 0:
            return None
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return first, count - 1 if last < 0 else last

    def load_visible_rows(self) -> None:
        """Ask for the pages of the rows in view, and half a page around them."""
        self._visible_timer.stop()
        shown = self.visible_rows()
        if shown is None:
            return
        margin = PatientListModel.PAGE_SIZE // 2
        self.model.load_rows(shown[0] - margin, shown[1] + margin)

    def _on_rows_loaded(self, _first: int, _last: int) -> None:
        # The clinical key went meanwhile (a role change): the facts columns go at once.
        if self.key_fact_columns_shown() and not self.model.has_key_facts:
            self._show_key_fact_columns(False)

    def _on_page_failed(self, exc: BaseException) -> None:
        self.count_label.setText(error_text(exc))
        style.set_role(self.count_label, "error")

    # ---------------------------------------------------------------- columns
    def _show_key_fact_columns(self, shown: bool) -> None:
        for column in PatientListModel.KEY_FACT_COLUMNS:
            self.table.setColumnHidden(column, not shown)
        self.genetics_filter.setVisible(shown)
        self.fit_columns()

    def key_fact_columns_shown(self) -> bool:
        return not self.table.isColumnHidden(PatientListModel.COL_AFFECTED)

    def _header_font(self) -> QFont:
        font = QFont(self.table.horizontalHeader().font())
        font.setBold(True)  # the stylesheet's header sections
        return font

    def _header_min_width(self, column: int) -> int:
        """The narrowest the header of ``column`` reads in full, wrapped between words."""
        metrics = QFontMetrics(self._header_font())
        words = self.model.header_label(column).split()
        return max(metrics.horizontalAdvance(word) for word in words) + 2 * _HEADER_PADDING[0] + 2

    def fit_columns(self) -> None:
        """Size the columns to the table: the fixed formats to their widest text, the
        names sharing the rest by weight. Nothing needs horizontal scrolling down to a
        narrow window; a header too long for its column wraps between words (the
        header grows to two lines), and a name too long for its column is elided
        (its tool tip and the file show it whole)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        # the delegate's text margins on both sides, the grid line, a little air
        text_margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        margin = 2 * (text_margin + 1) + 1 + 6
        available = self.table.viewport().width()
        weights = {c: w for c, w in _ELASTIC_WEIGHTS.items() if not self.table.isColumnHidden(c)}
        minimum = {c: max(MIN_NAME_WIDTH, self._header_min_width(c)) for c in weights}
        fixed = [c for c in _FIXED_SAMPLES if not self.table.isColumnHidden(c)]
        bold = QFont(self.table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        content = {
            c: max(
                (bold_metrics if c in _BOLD_SAMPLES else metrics).horizontalAdvance(text)
                for text in _FIXED_SAMPLES[c]()
            )
            + margin
            for c in fixed
        }
        # Headers on one line when the names keep theirs too; else wrapped between words.
        roomy = sum(max(content[c], header.sectionSizeHint(c)) for c in fixed) + sum(
            max(minimum[c], header.sectionSizeHint(c)) for c in weights
        )
        widths: dict[int, int] = {}
        for column in fixed:
            label = header.sectionSizeHint(column) if roomy <= available else 0
            widths[column] = max(content[column], label, self._header_min_width(column))
            available -= widths[column]
        # A column whose share is below its minimum gets that; the others share the rest.
        at_minimum: set[int] = set()
        while True:
            free = [c for c in weights if c not in at_minimum]
            share = available - sum(minimum[c] for c in at_minimum)
            total = sum(weights[c] for c in free) or 1.0
            under = {c for c in free if share * weights[c] / total < minimum[c]}
            if not under:
                break
            at_minimum |= under
        for column in weights:
            if column in at_minimum:
                widths[column] = minimum[column]
            else:
                widths[column] = int(share * weights[column] / total)
        if free:  # the rounding goes to the last name column that is not at its minimum
            widths[free[-1]] += max(0, available - sum(widths[c] for c in weights))
        for column, width in widths.items():
            header.resizeSection(column, width)
        self._fit_header_height(widths)

    def _fit_header_height(self, widths: dict[int, int]) -> None:
        """One line of header, or as many as the narrowest wrapped label needs."""
        metrics = QFontMetrics(self._header_font())
        padding_x, padding_y = _HEADER_PADDING
        lines = 1
        for column, width in widths.items():
            text = self.model.header_label(column)
            box = metrics.boundingRect(
                QRect(0, 0, max(1, width - 2 * padding_x - 2), 1000),
                int(Qt.TextFlag.TextWordWrap),
                text,
            )
            lines = max(lines, round(box.height() / metrics.lineSpacing()))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        header.setFixedHeight(lines * metrics.lineSpacing() + 2 * padding_y + 3)

    # ---------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.fit_columns()
            self._visible_timer.start()
            return False
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
                        self.open_patient(self.model.id_at(0))
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._on_row_activated(self.table.currentIndex())
                    return True
                if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                    self.search_edit.setFocus()
                    return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self._viewport is not None:
            self.fit_columns()  # the headers' words changed
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.search_edit.setFocus()

    # ---------------------------------------------------------------- open
    def _on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = index.data(PatientListModel.PATIENT_ID_ROLE)
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
        # Parented to the top-level window, not to this page: the idle lock disables the
        # page, and a disabled parent would disable the file window and its lock cover.
        window = PatientFileWindow(self._session, self._tasks, patient, parent=self.window())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.sig_identity_saved.connect(self._on_patient_saved)
        window.sig_open_patient.connect(self.open_patient)
        window.sig_transferred.connect(lambda _pid: self.refresh())
        window.sig_erased.connect(lambda _pid: self.refresh())
        self.file_windows[patient.id] = window
        window.destroyed.connect(lambda _obj=None, pid=patient.id: self.file_windows.pop(pid, None))
        self.last_file_window = window
        window.show()
        self.sig_patient_opened.emit(patient.id)

    def _on_imported(self, patient_id: int) -> None:
        self.refresh()
        self.open_patient(patient_id)

    def _on_import_failed(self, text: str) -> None:
        box = QMessageBox(self.window())
        box.setObjectName("import_failed_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Import a file (FHIR)"))
        # the first line says what happened, the next ones list the problems
        first, _, rest = text.partition("\n")
        box.setText(first)
        box.setInformativeText(rest)
        box.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 460px; }"
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_box = box
        box.open()

    def open_break_glass(self) -> QWidget:
        """The break-the-glass dialog (practitioners); the file it opens shows here."""
        dialog = BreakGlassDialog(self._session, self._tasks, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_opened.connect(self.open_patient)
        dialog.sig_opened.connect(lambda _pid: self.refresh())  # now in the list too
        self._dialogs.add(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._dialogs.discard(d))
        self.last_dialog = dialog
        dialog.open()
        return dialog

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

        dialog = PatientDialog(self._session, self._tasks, patient=patient, parent=self.window())
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
