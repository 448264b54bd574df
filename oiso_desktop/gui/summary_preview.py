"""The patient summary, previewed from memory, then saved or printed by an explicit act.

:class:`SummaryPreviewDialog` has the summary made in the background
(``session.summaries.build`` on the task runner: access checked, event logged) and shows
its pages in the attachments' viewer (``DocumentViewer``: pdfium renders the bytes in
memory; nothing is written to a temporary file). Then:

* **Enregistrer une copie…**: a file dialog, then ``session.summaries.export`` writes the
  very bytes previewed (atomically) and logs the export (:meth:`save_to`, also the entry
  point of the tests);
* **Imprimer…** (when Qt's print support is installed, :data:`PRINT_SUPPORT`): the print
  dialog, then ``session.summaries.record_printed`` logs the act before the pages go to
  the printer (:meth:`print_to`), rendered by pdfium at the printer's resolution (at most
  300 dpi) one page at a time; the operating system's print queue receives them. Without
  print support the dialog says so and offers the copy only.

The summary shows the file **as saved**: the window says so when it has unsaved entries
(``unsaved=True``). :func:`open_summary_preview` is what the patient file window calls.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.documents import DisplayStatus, DocumentCategory, MediaType
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.gui import style
from oiso_desktop.gui.document_viewer import DocumentViewer
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.pdf_printing import MAX_PRINT_DPI, PrintFailed, paint_pdf, print_failure_text
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.dto import DocumentContent, DocumentView
from oiso_desktop.services.pdf_pages import PdfPages
from oiso_desktop.services.summary_service import summary_file_name

try:  # QtPrintSupport ships with PySide6-Essentials; a trimmed build may lack it
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    PRINT_SUPPORT = True
except ImportError:  # pragma: no cover - depends on the installation
    PRINT_SUPPORT = False

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["MAX_PRINT_DPI", "PRINT_SUPPORT", "SummaryPreviewDialog", "open_summary_preview"]


class SummaryPreviewDialog(QDialog):
    """The summary of one file: preview, save a copy, print.

    Signals: ``sig_summary_shown(int)`` (the PDF is in the viewer: its size in bytes),
    ``sig_copy_saved(str)`` (the path), ``sig_printed(int)`` (pages sent),
    ``sig_failed(str)`` (the message shown).
    """

    sig_summary_shown = Signal(int)
    sig_copy_saved = Signal(str)
    sig_printed = Signal(int)
    sig_failed = Signal(str)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        parent: QWidget | None = None,
        *,
        unsaved: bool = False,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summary_preview_dialog")
        self.setWindowTitle(self.tr("Patient summary"))
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._today = today or dt.date.today()
        self._pdf: bytes | None = None
        self._busy = False
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QDialog | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The summary of the saved file, shown from memory. Saving a copy or printing "
                "it is recorded in the event log."
            )
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        layout.addWidget(intro)
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsaved_label")
        self.unsaved_label.setWordWrap(True)
        show_banner(
            self.unsaved_label,
            self.tr(
                "This file has unsaved entries: the summary shows the file as saved. Save it "
                "first for the summary to include them."
            )
            if unsaved
            else "",
            "warning",
        )
        layout.addWidget(self.unsaved_label)
        self.banner = QLabel()
        self.banner.setObjectName("summary_banner")
        self.banner.setWordWrap(True)
        show_banner(self.banner, "")
        layout.addWidget(self.banner)

        self.viewer = DocumentViewer(tasks, self)
        layout.addWidget(self.viewer, 1)

        buttons = QHBoxLayout()
        self.print_unavailable_label = QLabel(
            self.tr(
                "Printing is not available on this installation: save a copy and print it "
                "from a PDF reader."
            )
        )
        self.print_unavailable_label.setObjectName("print_unavailable_label")
        self.print_unavailable_label.setWordWrap(True)
        style.set_role(self.print_unavailable_label, "hint")
        self.print_unavailable_label.setVisible(not PRINT_SUPPORT)
        buttons.addWidget(self.print_unavailable_label, 1)
        if PRINT_SUPPORT:
            buttons.addStretch(1)
        self.save_button = QPushButton(icon("save"), self.tr("Save a copy…"))
        self.save_button.setObjectName("save_copy_button")
        self.save_button.clicked.connect(self.save_copy)
        buttons.addWidget(self.save_button)
        self.print_button: QPushButton | None = None
        if PRINT_SUPPORT:
            self.print_button = QPushButton(icon("export"), self.tr("Print…"))
            self.print_button.setObjectName("print_button")
            self.print_button.clicked.connect(self.print_summary)
            buttons.addWidget(self.print_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.finished.connect(lambda _result: self.release())
        self._fit_screen()
        self._update_buttons()
        self.build()

    def _fit_screen(self) -> None:
        """Wide enough for an A4 page, within a 1366 x 768 laptop screen."""
        size = QSize(980, 720)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(available.width() - 40, available.height() - 60))
        self.resize(size)

    # ------------------------------------------------------------------ state

    def pdf(self) -> bytes | None:
        """The summary shown (None while it is made, or after a failure)."""
        return self._pdf

    def _update_buttons(self) -> None:
        ready = self._pdf is not None and not self._busy
        self.save_button.setEnabled(ready)
        if self.print_button is not None:
            self.print_button.setEnabled(ready)

    def _show_message(self, text: str, kind: str = "ok") -> None:
        show_banner(self.banner, text, kind)
        if text and kind == "error":
            self.sig_failed.emit(text)

    def _fail(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_message(error_text(exc), "error")

    # ------------------------------------------------------------------ making it

    def build(self) -> None:
        """Have the summary made again (in the background) and show it."""
        self._pdf = None
        self._busy = True
        self._update_buttons()
        self._show_message("")
        self.viewer.show_loading(self.tr("Making the summary…"))
        self._tasks.run(
            self._session.summaries.build,
            self._patient_id,
            on_success=self._on_built,
            on_failure=self._on_build_failed,
            label=self.tr("Making the summary…"),
            owner=self,
        )

    def _document(self, pdf: bytes) -> DocumentView:
        """What the viewer needs to know of the PDF (it is no attachment: id 0)."""
        now = dt.datetime.now(dt.UTC)
        name = self._session.actor.display_name
        return DocumentView(
            id=0,
            patient_id=self._patient_id,
            title=self.tr("Patient summary"),
            document_date=self._today,
            category=DocumentCategory.OTHER,
            media_type=MediaType.PDF,
            file_name=summary_file_name(self._today),
            size=len(pdf),
            page_count=None,
            display=DisplayStatus.VIEWABLE,
            created_at=now,
            created_by=name,
            updated_at=now,
            updated_by=name,
            version=0,
            access=PatientAccess.READ,
        )

    def _on_built(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._busy = False
        self._update_buttons()
        self.viewer.show_content(DocumentContent(self._document(pdf), pdf))
        self.sig_summary_shown.emit(len(pdf))

    def _on_build_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        text = error_text(exc)
        self.viewer.show_error(text)
        self.sig_failed.emit(text)

    # ------------------------------------------------------------------ saving

    def save_copy(self) -> None:
        """Ask where to save a copy of the summary, then save it."""
        if self._pdf is None or self._busy:
            return
        dialog = QFileDialog(self, self.tr("Save a copy of the summary"))
        dialog.setObjectName("save_summary_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(summary_file_name(self._today))
        self.file_dialog = dialog
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_to(self, path: str | Path) -> None:
        """Save the summary shown to ``path`` (``.pdf`` added when it has no suffix)."""
        if self._pdf is None or self._busy:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        self._busy = True
        self._update_buttons()
        self._tasks.run(
            self._session.summaries.export,
            self._patient_id,
            target,
            self._pdf,
            on_success=lambda _size, p=target: self._on_saved(p),
            on_failure=self._fail,
            label=self.tr("Saving the summary…"),
            owner=self,
        )

    def _on_saved(self, path: Path) -> None:
        self._busy = False
        self._update_buttons()
        self._show_message(self.tr("Copy saved: {path}").format(path=str(path)))
        self.sig_copy_saved.emit(str(path))

    # ------------------------------------------------------------------ printing

    def print_summary(self) -> None:
        """The print dialog, then :meth:`print_to` the printer chosen."""
        if not PRINT_SUPPORT or self._pdf is None or self._busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Patient summary"))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_summary_dialog")
        self.print_dialog = dialog
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def print_to(self, printer: Any) -> None:
        """Log the printing, then send every page of the summary to ``printer`` (a
        QPrinter set up by the print dialog, or by a test)."""
        if not PRINT_SUPPORT or self._pdf is None or self._busy:
            return
        pdf = self._pdf
        pages = PdfPages(pdf)
        try:
            count = pages.page_count
        finally:
            pages.close()
        self._busy = True
        self._update_buttons()
        self._tasks.run(
            self._session.summaries.record_printed,
            self._patient_id,
            count,
            on_success=lambda _none: self._paint(printer, pdf),
            on_failure=self._fail,
            label=self.tr("Printing the summary…"),
            owner=self,
        )

    def _paint(self, printer: Any, pdf: bytes) -> None:
        """Every page, rasterised at the printer's resolution, fitted to its page."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = paint_pdf(printer, pdf)
        except (PrintFailed, OisoError) as exc:
            self._busy = False
            self._update_buttons()
            self._show_message(
                self.tr("The summary could not be printed: {reason}.").format(
                    reason=print_failure_text(exc)
                )
                if isinstance(exc, PrintFailed)
                else error_text(exc),
                "error",
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._busy = False
        self._update_buttons()
        self._show_message(
            self.tr("Summary sent to the printer (pages: {count}).").format(count=count)
        )
        self.sig_printed.emit(count)

    # ------------------------------------------------------------------ closing

    def release(self) -> None:
        """Forget the summary (the bytes and the pages shown): when the dialog closes."""
        self._pdf = None
        self.viewer.clear()
        self._update_buttons()


def open_summary_preview(
    session: UserSession,
    tasks: TaskRunner,
    patient_id: int,
    *,
    unsaved: bool = False,
    parent: QWidget | None = None,
) -> SummaryPreviewDialog:
    """Open the summary of ``patient_id`` (window-modal, deleted when closed)."""
    dialog = SummaryPreviewDialog(session, tasks, patient_id, parent, unsaved=unsaved)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
