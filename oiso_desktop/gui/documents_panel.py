"""The Documents tab of a patient file: attachments listed, shown, edited, copied, deleted.

Left, the list (title, date, category, type, size) with "Attach files…" and the
drop zone (PDF, JPEG, PNG dragged from the file manager); right, the selected
document shown in memory (:class:`~oiso_desktop.gui.document_viewer.DocumentViewer`)
under its title and its actions: edit the details, save a copy (an explicit,
logged export), delete (after confirmation).

Every service call goes through the task runner: reading a 50 Mo file, attaching
it, fetching its content never block the window; a busy line says what is going
on. Attaching asks for the details first (title from the file name, date,
category) in :class:`DocumentDetailsDialog`; a file refused (format, size,
damaged...) says why at once, before any detail is asked.

Read-only (:meth:`DocumentsPanel.set_read_only`, or a file shared for reading):
documents are listed, shown and copied; nothing is attached, edited or deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.documents import (
    EXTENSIONS,
    MAX_DOCUMENT_SIZE,
    MAX_TITLE_LENGTH,
    DisplayStatus,
    DocumentCategory,
    DocumentDetails,
    default_title,
    export_file_name,
    validate_details,
)
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    FormValidationError,
    NotFound,
)
from oiso_desktop.gui import style
from oiso_desktop.gui.document_table_model import (
    DocumentTableModel,
    category_label,
    format_document_date,
    kind_label,
    kind_text,
    size_text,
)
from oiso_desktop.gui.document_viewer import DocumentViewer
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.dialog_parts import confirm, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.gui.widgets.form_dialog import FormDialog
from oiso_desktop.services.document_service import DocumentFile, read_document_file
from oiso_desktop.services.dto import DocumentContent, DocumentView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["DocumentDetailsDialog", "DocumentsPanel"]

#: The file dialog's filter: the accepted extensions.
_PATTERNS = " ".join(f"*{extension}" for extension in EXTENSIONS)
#: Selecting a row shows it after this pause (arrow keys through a list read nothing).
_SHOW_DELAY_MS = 150


# ------------------------------------------------------------------------ details dialog


class DocumentDetailsDialog(FormDialog):
    """Title, date and category of a document: before attaching a file, or to edit them.

    ``file`` (attaching): what was read, shown above the fields; ``document``
    (editing): the details now. :meth:`details` gives what was typed once accepted.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        file: DocumentFile | None = None,
        document: DocumentView | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, show_all=document is not None)
        self.setObjectName("document_details_dialog")
        self._today = today or date.today()
        adding = document is None
        self.setWindowTitle(self.tr("Attach a document") if adding else self.tr("Document details"))
        layout = QVBoxLayout(self)
        banner = QLabel()
        banner.setObjectName("details_banner")
        layout.addWidget(banner)
        self.file_label = QLabel()
        self.file_label.setObjectName("details_file_label")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.file_label, "hint")
        if file is not None:
            self.file_label.setText(
                self.tr("File “{name}” — {kind}, {size}").format(
                    name=file.file_name,
                    kind=kind_label(file.media_type, file.display, file.page_count),
                    size=size_text(file.size),
                )
            )
        elif document is not None:
            self.file_label.setText(
                self.tr("File “{name}” — {kind}, {size}; attached on {day} by {who}").format(
                    name=document.file_name,
                    kind=kind_text(document),
                    size=size_text(document.size),
                    day=document.created_at.astimezone().strftime("%d/%m/%Y"),
                    who=document.created_by or "—",
                )
            )
        layout.addWidget(self.file_label)
        self.protected_label = QLabel(
            self.tr(
                "This PDF is protected by a password: it will be kept as received, and its "
                "password will be asked to display it."
            )
        )
        self.protected_label.setObjectName("details_protected_label")
        self.protected_label.setWordWrap(True)
        show_banner(self.protected_label, self.protected_label.text(), "warning")
        self.protected_label.setVisible(
            file is not None and file.display is DisplayStatus.PASSWORD_PROTECTED
        )
        layout.addWidget(self.protected_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setMaxLength(MAX_TITLE_LENGTH + 50)  # too long: said, not cut
        self.title_edit.setMinimumWidth(420)
        self.date_edit = DateLineEdit()
        self.date_edit.setObjectName("document_date_edit")
        self.date_edit.setMaximumWidth(130)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category_combo")
        for category in DocumentCategory:
            self.category_combo.addItem(category_label(category), category.value)
        messages: dict[str, QLabel] = {}
        for name, caption, widget in (
            ("title", self.tr("&Title"), self.title_edit),
            ("document_date", self.tr("&Date of the document"), self.date_edit),
            ("category", self.tr("&Category"), self.category_combo),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            line = QHBoxLayout()  # a narrow input keeps its message as wide as the form
            line.addWidget(widget, 0 if widget is self.date_edit else 1)
            if widget is self.date_edit:
                line.addStretch(1)
            box.addLayout(line)
            message = QLabel()
            message.setObjectName(f"{name}_message")
            box.addWidget(message)
            messages[name] = message
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, box)
        layout.addLayout(form)
        self.date_hint = QLabel(self.tr("Leave empty if the document has no date."))
        style.set_role(self.date_hint, "hint")
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "details_ok_button", self.tr("Attach") if adding else self.tr("Save")
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_fields(
            {
                "title": self.title_edit,
                "document_date": self.date_edit,
                "category": self.category_combo,
            },
            messages,
            banner,
        )
        if document is not None:
            self.title_edit.setText(document.title)
            self.date_edit.setDate(document.document_date)
            self.category_combo.setCurrentIndex(
                self.category_combo.findData(document.category.value)
            )
        elif file is not None:
            self.title_edit.setText(default_title(file.file_name))
            self.category_combo.setCurrentIndex(
                self.category_combo.findData(DocumentCategory.LAB_REPORT.value)
            )
        self.date_edit.textEdited.connect(lambda _t: self._on_field_edited("document_date"))
        self.date_edit.textChanged.connect(self._revalidate)
        self._revalidate()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def details(self) -> DocumentDetails:
        return DocumentDetails(
            title=self.title_edit.text(),
            document_date=self.date_edit.date(),
            category=DocumentCategory(self.category_combo.currentData()),
        )

    def _revalidate(self, *_args: object) -> None:
        errors: dict[str, str] = {}
        typed = self.date_edit.problem()
        if typed:
            errors["document_date"] = typed
        for problem in validate_details(self.details(), today=self._today):
            if problem.field and problem.field not in errors:
                errors[problem.field] = error_text(problem)
        self._errors = errors
        self.show_field_errors({"document_date": self.date_hint.text()})
        self.ok_button.setEnabled(not errors)

    def show_service_error(self, exc: BaseException) -> None:
        """A refusal from the service: at its fields, or in the banner."""
        if isinstance(exc, FormValidationError):
            for problem in exc.problems:
                if problem.field:
                    self.show_field_error(problem.field, error_text(problem))
            return
        self._show_banner(error_text(exc), "error")

    def _on_ok(self) -> None:
        self._show_all = True
        self._revalidate()
        if not self._errors:
            self.accept()


# ------------------------------------------------------------------------------ panel


@dataclass
class _Pending:
    """A file on its way in (the busy line names it)."""

    path: Path
    details: DocumentDetails | None


class DocumentsPanel(QWidget):
    """The Documents tab (see the module docstring).

    ``DocumentsPanel(session, tasks, patient_id, parent=None)``; the list is read at
    once. Public: :meth:`refresh`, :meth:`add_file` / :meth:`add_files` (the file
    dialog and the drop zone call them), :meth:`show_document`, :meth:`edit_selected`,
    :meth:`save_copy` / :meth:`save_copy_to`, :meth:`delete_selected`,
    :meth:`set_read_only`, :meth:`release` (forget the content shown: window closed).
    """

    sig_documents_loaded = Signal(int)  # the list was read: how many documents
    sig_document_added = Signal(object)  # DocumentView
    sig_document_shown = Signal(object)  # DocumentView whose content the viewer got
    sig_copy_saved = Signal(str)  # the path written
    sig_failed = Signal(object)  # an error shown in the banner (tests)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documents_panel")
        self.setAcceptDrops(True)
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._today = today
        self._read_only = False
        self._shown_id: int | None = None
        self._show_seq = 0
        self._queue: list[_Pending] = []
        self._busy = False
        self.details_dialog: DocumentDetailsDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("documents_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_viewer())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 780])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("documents_banner_label")
        self.banner_label.hide()
        layout.addWidget(self.banner_label)
        layout.addWidget(splitter, 1)

        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(_SHOW_DELAY_MS)
        self._show_timer.timeout.connect(self._show_selected)
        for keys, action in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            (QKeySequence("F2"), self.edit_selected),
            (QKeySequence("Ctrl+Shift+S"), self.save_copy),
            (QKeySequence("Insert"), self.choose_files),
        ):
            shortcut = QShortcut(keys, self.table, activated=action)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_actions()
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build_list(self) -> QWidget:
        left = QWidget()
        left.setMinimumWidth(380)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(6)
        top = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("documents_count_label")
        style.set_role(self.count_label, "section")
        top.addWidget(self.count_label, 1)
        self.add_button = QPushButton(icon("add"), self.tr("Attach files…"))
        self.add_button.setObjectName("add_document_button")
        self.add_button.setToolTip(
            self.tr("Attach PDF, JPEG or PNG files of at most {size} (Insert)").format(
                size=size_text(MAX_DOCUMENT_SIZE)
            )
        )
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose_files)
        top.addWidget(self.add_button)
        column.addLayout(top)

        self.model = DocumentTableModel(self)
        self.table = data_table("documents_table", self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        set_column_modes(
            self.table.horizontalHeader(),
            contents=(
                DocumentTableModel.COL_DATE,
                DocumentTableModel.COL_CATEGORY,
                DocumentTableModel.COL_SIZE,
            ),
            stretch=(DocumentTableModel.COL_TITLE,),
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        column.addWidget(self.table, 1)

        self.drop_label = QLabel(
            self.tr(
                "Drop PDF, JPEG or PNG files here to attach them ({size} at most each). "
                "They are kept encrypted in the database."
            ).format(size=size_text(MAX_DOCUMENT_SIZE))
        )
        self.drop_label.setObjectName("drop_label")
        self.drop_label.setWordWrap(True)
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setMinimumHeight(52)
        self._style_drop_zone(False)
        column.addWidget(self.drop_label)

        busy = QHBoxLayout()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("documents_busy_label")
        self.busy_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.busy_label, "hint")
        busy.addWidget(self.busy_label, 1)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("documents_busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        busy.addWidget(self.busy_bar)
        column.addLayout(busy)
        self._set_busy("")
        return left

    def _build_viewer(self) -> QWidget:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.setSpacing(6)
        header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("document_title_label")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        style.set_role(self.title_label, "section")
        header.addWidget(self.title_label, 1)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("edit_document_button")
        self.edit_button.setToolTip(self.tr("Change the title, date or category (F2)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.copy_button = QPushButton(icon("export"), self.tr("Save a copy…"))
        self.copy_button.setObjectName("save_copy_button")
        self.copy_button.setToolTip(
            self.tr(
                "Write a copy of this document to a file of your choice (Ctrl+Shift+S). The "
                "copy is not encrypted; it is recorded in the event log."
            )
        )
        self.copy_button.clicked.connect(self.save_copy)
        self.delete_button = QPushButton(icon("revoke"), self.tr("Delete…"))
        self.delete_button.setObjectName("delete_document_button")
        self.delete_button.setToolTip(self.tr("Delete this document from the file (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.edit_button, self.copy_button, self.delete_button):
            button.setAutoDefault(False)
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("document_subtitle_label")
        self.subtitle_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.subtitle_label, "hint")
        column.addWidget(self.subtitle_label)
        self.viewer = DocumentViewer(self._tasks)
        column.addWidget(self.viewer, 1)
        return right

    def _style_drop_zone(self, active: bool) -> None:
        colour = style.PRIMARY if active else "#9aa5b1"
        background = "#eaf0f8" if active else "transparent"
        self.drop_label.setStyleSheet(
            f"border: 2px dashed {colour}; border-radius: 6px; padding: 6px; color: #52606d;"
            f" background: {background};"
        )

    # ------------------------------------------------------------------ state

    def documents(self) -> tuple[DocumentView, ...]:
        return self.model.rows()

    def selected(self) -> DocumentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def release(self) -> None:
        """Forget the document shown (its clear content, its open PDF): when the file
        window closes or locks. The list stays; selecting a row shows it again."""
        self._show_timer.stop()
        self._show_seq += 1
        self._shown_id = None
        self.viewer.clear()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: documents are shown and copied, never attached, edited or deleted."""
        self._read_only = read_only
        self.setAcceptDrops(not read_only)
        self._update_actions()

    def is_read_only(self) -> bool:
        return self._read_only

    def _can_edit(self, document: DocumentView | None) -> bool:
        return document is not None and not self._read_only and not document.read_only

    def _update_actions(self) -> None:
        document = self.selected()
        self.add_button.setVisible(not self._read_only)
        self.drop_label.setVisible(not self._read_only)
        self.edit_button.setVisible(not self._read_only)
        self.delete_button.setVisible(not self._read_only)
        self.edit_button.setEnabled(self._can_edit(document))
        self.delete_button.setEnabled(self._can_edit(document))
        self.copy_button.setEnabled(document is not None)
        count = self.model.rowCount()
        self.count_label.setText(
            self.tr("%n document(s)", "", count) if count else self.tr("No document yet")
        )
        if document is None:
            self.title_label.setText(self.tr("No document selected"))
            self.subtitle_label.setText("")
        else:
            self.title_label.setText(document.title)
            parts = [category_label(document.category)]
            day = format_document_date(document)
            parts.append(day or self.tr("undated"))
            parts += [kind_text(document), size_text(document.size)]
            self.subtitle_label.setText(" — ".join(parts))

    def _set_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))
        self.busy_bar.setVisible(bool(text))

    def _show_banner(self, text: str, kind: str = "error") -> None:
        show_banner(self.banner_label, text, kind)

    def _fail(self, exc: BaseException) -> None:
        self._show_banner(error_text(exc), "error")
        self.sig_failed.emit(exc)

    # ------------------------------------------------------------------ list

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (keeps the selection, or selects ``select_id``)."""
        current = select_id if select_id is not None else getattr(self.selected(), "id", None)
        self._tasks.run(
            self._session.documents.list,
            self._patient_id,
            on_success=lambda rows: self._on_listed(rows, current),
            on_failure=self._fail,
            owner=self,
        )

    def _on_listed(self, rows: Sequence[DocumentView], select_id: int | None) -> None:
        self.model.set_rows(rows)
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        elif self.model.rowCount() and self._shown_id is None:
            self.table.selectRow(0)
        else:
            self._on_selection_changed()
        if row < 0 and self._shown_id is not None and self.model.row_of(self._shown_id) < 0:
            self._shown_id = None
            self.viewer.clear()
        self._update_actions()
        self.sig_documents_loaded.emit(len(rows))

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        self._update_actions()
        document = self.selected()
        if document is None:
            self._show_timer.stop()
            return
        if document.id != self._shown_id:
            self._show_timer.start()

    def _show_selected(self) -> None:
        document = self.selected()
        if document is not None:
            self.show_document(document.id)

    def _on_context_menu(self, position: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        actions: list[tuple[str, object, bool]] = [
            (self.tr("Save a copy…"), self.save_copy, True),
        ]
        if not self._read_only:
            actions = [
                (self.tr("Edit…"), self.edit_selected, self._can_edit(self.selected())),
                *actions,
                (self.tr("Delete…"), self.delete_selected, self._can_edit(self.selected())),
            ]
        for text, slot, enabled in actions:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ viewing

    def show_document(self, document_id: int) -> None:
        """Fetch the content of ``document_id`` and show it (each time logged as a view)."""
        row = self.model.row_of(document_id)
        if row < 0:
            return
        document = self.model.row_at(row)
        self._shown_id = document_id
        self._show_seq += 1
        seq = self._show_seq
        self.viewer.show_loading(
            self.tr("Opening “{title}” ({size})…").format(
                title=document.title, size=size_text(document.size)
            )
        )
        self._tasks.run(
            self._session.documents.content,
            document_id,
            on_success=lambda content, s=seq: self._on_content(s, content),
            on_failure=lambda exc, s=seq: self._on_content_failed(s, exc),
            label=self.tr("Opening a document…"),
            owner=self,
        )

    def _on_content(self, seq: int, content: DocumentContent) -> None:
        if seq != self._show_seq:
            return
        self.viewer.show_content(content)
        self.sig_document_shown.emit(content.document)

    def _on_content_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._show_seq:
            return
        self.viewer.show_error(error_text(exc))
        if isinstance(exc, NotFound):
            self.refresh()

    # ------------------------------------------------------------------ adding

    def choose_files(self) -> None:
        """The file dialog (several files at once); each is then attached in turn."""
        if self._read_only:
            return
        dialog = QFileDialog(self, self.tr("Attach documents"))
        dialog.setObjectName("attach_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("Documents (PDF, JPEG, PNG) ({patterns})").format(patterns=_PATTERNS),
                self.tr("All files (*)"),
            ]
        )
        self.file_dialog = dialog
        dialog.filesSelected.connect(lambda paths: self.add_files([Path(p) for p in paths]))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_files(self, paths: Sequence[Path]) -> None:
        """Attach each of ``paths`` in turn (its details asked for each)."""
        if self._read_only:
            return
        self._queue += [_Pending(Path(path), None) for path in paths]
        self._next_file()

    def add_file(self, path: Path, details: DocumentDetails | None = None) -> None:
        """Attach the file at ``path``: read and checked off the UI thread, then its
        details asked (unless given), then saved. A refusal is shown at once."""
        if self._read_only:
            return
        self._queue.append(_Pending(Path(path), details))
        self._next_file()

    def _next_file(self) -> None:
        if self._busy or not self._queue:
            return
        pending = self._queue[0]
        self._busy = True
        self._show_banner("")
        self._set_busy(self.tr("Reading “{name}”…").format(name=pending.path.name))
        self._tasks.run(
            read_document_file,
            pending.path,
            on_success=lambda found, p=pending: self._on_file_read(p, found),
            on_failure=self._on_add_failed,
            label=self.tr("Reading a file…"),
            owner=self,
        )

    def _on_file_read(self, pending: _Pending, found: DocumentFile) -> None:
        if pending.details is not None:
            self._save_new(found, pending.details)
            return
        self._set_busy("")
        dialog = DocumentDetailsDialog(self, file=found, today=self._today)
        self.details_dialog = dialog

        def done(result: int) -> None:
            self.details_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._save_new(found, dialog.details())
            else:
                self._file_done()

        dialog.finished.connect(done)
        dialog.open()

    def _save_new(self, found: DocumentFile, details: DocumentDetails) -> None:
        self._set_busy(
            self.tr("Attaching “{name}” ({size}): encrypting and saving…").format(
                name=found.file_name, size=size_text(found.size)
            )
        )
        self._tasks.run(
            self._session.documents.add,
            self._patient_id,
            found.file_name,
            found.data,
            details,
            on_success=self._on_added,
            on_failure=self._on_add_failed,
            label=self.tr("Attaching a document…"),
            owner=self,
        )

    def _on_added(self, document: DocumentView) -> None:
        self._show_banner(self.tr("“{title}” is attached.").format(title=document.title), "ok")
        self.sig_document_added.emit(document)
        self.refresh(select_id=document.id)
        self._file_done()

    def _on_add_failed(self, exc: BaseException) -> None:
        self._fail(exc)
        self._file_done()

    def _file_done(self) -> None:
        if self._queue:
            self._queue.pop(0)
        self._busy = False
        self._set_busy("")
        self._next_file()

    # drag and drop --------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt)
        if not self._read_only and self._dropped_paths(event):
            event.acceptProposedAction()
            self._style_drop_zone(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802 (Qt)
        self._style_drop_zone(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt)
        self._style_drop_zone(False)
        paths = self._dropped_paths(event)
        if self._read_only or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    # ------------------------------------------------------------------ editing

    def edit_selected(self) -> None:
        """The details dialog of the selected document; saved with its version."""
        document = self.selected()
        if not self._can_edit(document):
            return
        assert document is not None
        dialog = DocumentDetailsDialog(self, document=document, today=self._today)
        self.details_dialog = dialog

        def done(result: int) -> None:
            self.details_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self.update_details(document, dialog.details())

        dialog.finished.connect(done)
        dialog.open()

    def update_details(self, document: DocumentView, details: DocumentDetails) -> None:
        self._tasks.run(
            self._session.documents.update,
            document.id,
            details,
            expected_version=document.version,
            on_success=lambda view: self.refresh(select_id=view.id),
            on_failure=self._on_change_failed,
            label=self.tr("Saving the details…"),
            owner=self,
        )

    def _on_change_failed(self, exc: BaseException) -> None:
        self._fail(exc)
        code = getattr(exc, "code", None)
        if isinstance(exc, ConcurrentEditError | NotFound) or code == ErrorCode.DOCUMENT_CONFLICT:
            self.refresh()

    # ------------------------------------------------------------------ deleting

    def delete_selected(self) -> None:
        """Ask, then delete the selected document."""
        document = self.selected()
        if not self._can_edit(document):
            return
        assert document is not None
        self.confirm_box = confirm(
            self,
            self.tr("Delete a document"),
            self.tr("Delete “{title}” from this file?").format(title=document.title),
            self.tr(
                "The document and its content are removed from the database. The deletion is "
                "recorded in the event log."
            ),
            self.tr("Delete"),
            lambda: self._delete(document),
            object_name="delete_document_box",
        )

    def _delete(self, document: DocumentView) -> None:
        self._tasks.run(
            self._session.documents.delete,
            document.id,
            expected_version=document.version,
            on_success=lambda _none: self._on_deleted(document),
            on_failure=self._on_change_failed,
            label=self.tr("Deleting the document…"),
            owner=self,
        )

    def _on_deleted(self, document: DocumentView) -> None:
        if self._shown_id == document.id:
            self._shown_id = None
            self.viewer.clear()
        self._show_banner(self.tr("“{title}” was deleted.").format(title=document.title), "ok")
        self.refresh()

    # ------------------------------------------------------------------ copies

    def save_copy(self) -> None:
        """Ask where to write a copy of the selected document, then write it."""
        document = self.selected()
        if document is None:
            return
        dialog = QFileDialog(self, self.tr("Save a copy of the document"))
        dialog.setObjectName("save_copy_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(export_file_name(document.title, document.file_name, document.media_type))
        self.file_dialog = dialog
        dialog.fileSelected.connect(lambda path: self.save_copy_to(Path(path), document))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_copy_to(self, path: Path, document: DocumentView | None = None) -> None:
        """Write a clear copy of ``document`` (default: the selected one) to ``path``."""
        document = document or self.selected()
        if document is None:
            return
        self._tasks.run(
            self._session.documents.export_copy,
            document.id,
            Path(path),
            on_success=lambda _view: self._on_copy_saved(Path(path)),
            on_failure=self._fail,
            label=self.tr("Saving a copy…"),
            owner=self,
        )

    def _on_copy_saved(self, path: Path) -> None:
        self._show_banner(self.tr("Copy saved: {path}").format(path=str(path)), "ok")
        self.sig_copy_saved.emit(str(path))
