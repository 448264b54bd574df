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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from oiso_desktop.domain.errors import OisoError
from oiso_desktop.gui.pdf_preview import PRINT_SUPPORT, PdfPreviewDialog
from oiso_desktop.gui.pdf_printing import MAX_PRINT_DPI
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.pdf_pages import PdfPages
from oiso_desktop.services.summary_service import summary_file_name

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["MAX_PRINT_DPI", "PRINT_SUPPORT", "SummaryPreviewDialog", "open_summary_preview"]


class SummaryPreviewDialog(PdfPreviewDialog):
    """The summary of one file: preview, save a copy, print.

    Signals: ``sig_summary_shown(int)`` (the PDF is in the viewer: its size in bytes),
    ``sig_copy_saved(str)`` (the path), ``sig_printed(int)`` (pages sent),
    ``sig_failed(str)`` (the message shown).
    """

    sig_summary_shown = Signal(int)
    sig_copy_saved = Signal(str)

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
        super().__init__(session, tasks, parent)
        self._patient_id = patient_id
        self._today = today or dt.date.today()
        self._pdf: bytes | None = None
        self._build_frame(
            name="summary_preview_dialog",
            intro=self.tr(
                "The summary of the saved file, shown from memory. Saving a copy or printing "
                "it is recorded in the event log."
            ),
            notice_name="unsaved_label",
            notice=self.tr(
                "This file has unsaved entries: the summary shows the file as saved. Save it "
                "first for the summary to include them."
            )
            if unsaved
            else "",
            banner_name="summary_banner",
            print_unavailable=self.tr(
                "Printing is not available on this installation: save a copy and print it "
                "from a PDF reader."
            ),
            save_text=self.tr("Save a copy…"),
            save_name="save_copy_button",
            print_support=PRINT_SUPPORT,
        )
        self.setWindowTitle(self.tr("Patient summary"))
        self.unsaved_label = self.notice_label
        self.save_button.clicked.connect(self.save_copy)
        if self.print_button is not None:
            self.print_button.clicked.connect(self.print_summary)
        self._update_buttons()
        self.build()

    # ------------------------------------------------------------------ state

    def pdf(self) -> bytes | None:
        """The summary shown (None while it is made, or after a failure)."""
        return self._pdf

    # ------------------------------------------------------------------ making it

    def build(self) -> None:
        """Have the summary made again (in the background) and show it."""
        self._pdf = None
        self._show_message("")
        self._show_loading(self.tr("Making the summary…"))
        self._tasks.run(
            self._session.summaries.build,
            self._patient_id,
            on_success=self._on_built,
            on_failure=self._on_build_failed,
            label=self.tr("Making the summary…"),
            owner=self,
        )

    def _on_built(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._show_pdf(
            pdf,
            patient_id=self._patient_id,
            title=self.tr("Patient summary"),
            document_date=self._today,
            file_name=summary_file_name(self._today),
            page_count=None,
        )
        self.sig_summary_shown.emit(len(pdf))

    def _on_build_failed(self, exc: BaseException) -> None:
        self.sig_failed.emit(self._build_failed(exc))

    # ------------------------------------------------------------------ saving

    def save_copy(self) -> None:
        """Ask where to save a copy of the summary, then save it."""
        if not self._ready():
            return
        self._open_save_dialog(
            self.tr("Save a copy of the summary"),
            "save_summary_dialog",
            summary_file_name(self._today),
        )

    def save_to(self, path: str | Path) -> None:
        """Save the summary shown to ``path`` (``.pdf`` added when it has no suffix)."""
        target = self._save_target(path)
        if target is None:
            return
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
        self._saved(self.tr("Copy saved: {path}").format(path=str(path)))
        self.sig_copy_saved.emit(str(path))

    # ------------------------------------------------------------------ printing

    def print_summary(self) -> None:
        """The print dialog, then :meth:`print_to` the printer chosen."""
        if not PRINT_SUPPORT or not self._ready():
            return
        self._open_print_dialog(self.tr("Patient summary"), "print_summary_dialog")

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
            on_success=lambda _none: self._print_pages(printer, pdf),
            on_failure=self._fail,
            label=self.tr("Printing the summary…"),
            owner=self,
        )

    def _print_pages(self, printer: Any, pdf: bytes) -> None:
        """Every page, rasterised at the printer's resolution, fitted to its page."""
        try:
            self._paint(
                printer,
                pdf,
                failed=self.tr("The summary could not be printed: {reason}."),
                sent=self.tr("Summary sent to the printer (pages: {count})."),
            )
        except OisoError as exc:  # the PDF reader's
            self._fail(exc)

    # ------------------------------------------------------------------ closing

    def release(self) -> None:
        """Forget the summary (the bytes and the pages shown): when the dialog closes."""
        self._pdf = None
        super().release()


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
