"""Convocation and reminder letters in batch: made in the background, previewed from
memory, then saved or printed by an explicit act.

:class:`LettersPreviewDialog` has the batch made by ``session.followup_letters.letters``
on the task runner (access checked on every file; event ``letters_printed`` with the
kind and the count) and shows its pages in the attachments' viewer (``DocumentViewer``:
pdfium renders the bytes in memory, nothing is written to a temporary file), as the
patient summary's preview does. Then:

* **Enregistrer…**: a file dialog, then ``session.followup_letters.export`` writes the
  very bytes previewed (atomically; event ``letters_exported``), :meth:`save_to`;
* **Imprimer…** (Qt's print support installed): the print dialog, then every page goes
  to the printer, rasterised at its resolution (at most 300 dpi), :meth:`print_to`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.gui import style
from oiso_desktop.gui.document_viewer import DocumentViewer
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.pdf_printing import PrintFailed, paint_pdf, print_failure_text
from oiso_desktop.gui.summary_preview import PRINT_SUPPORT
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.dto import DocumentContent, DocumentView
from oiso_desktop.services.followup_letter_service import LetterBatch, letters_file_name

if PRINT_SUPPORT:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["LettersPreviewDialog"]


class LettersPreviewDialog(QDialog):
    """One batch of letters: made, previewed, saved or printed.

    ``kind``: "convocation" (``ids`` are appointment ids) or "reminder" (plan item ids).
    Signals: ``sig_letters_shown(int)`` (the batch is in the viewer: its letter count),
    ``sig_saved(str)`` (the path), ``sig_printed(int)`` (pages sent), ``sig_failed(str)``.
    """

    sig_letters_shown = Signal(int)
    sig_saved = Signal(str)
    sig_printed = Signal(int)
    sig_failed = Signal(str)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        kind: str,
        ids: Sequence[int],
        parent: QWidget | None = None,
        *,
        skipped: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letters_preview_dialog")
        self._session = session
        self._tasks = tasks
        self._kind = kind
        self._ids = tuple(ids)
        self._batch: LetterBatch | None = None
        self._busy = False
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QDialog | None = None
        self.setWindowTitle(
            self.tr("Convocation letters") if kind == "convocation" else self.tr("Reminder letters")
        )

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "One letter per page, shown from memory. Making the letters is recorded in "
                "the event log (their number, never their content); so is saving them."
            )
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        layout.addWidget(intro)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("skipped_label")
        self.skipped_label.setWordWrap(True)
        show_banner(
            self.skipped_label,
            self.tr(
                "%n selected row(s) without an appointment to come: no convocation for them "
                "(send a reminder instead).",
                "",
                skipped,
            )
            if skipped
            else "",
            "warning",
        )
        layout.addWidget(self.skipped_label)
        self.banner = QLabel()
        self.banner.setObjectName("letters_banner")
        self.banner.setWordWrap(True)
        show_banner(self.banner, "")
        layout.addWidget(self.banner)

        self.viewer = DocumentViewer(tasks, self)
        layout.addWidget(self.viewer, 1)

        buttons = QHBoxLayout()
        self.print_unavailable_label = QLabel(
            self.tr(
                "Printing is not available on this installation: save the letters and print "
                "them from a PDF reader."
            )
        )
        self.print_unavailable_label.setObjectName("print_unavailable_label")
        self.print_unavailable_label.setWordWrap(True)
        style.set_role(self.print_unavailable_label, "hint")
        self.print_unavailable_label.setVisible(not PRINT_SUPPORT)
        buttons.addWidget(self.print_unavailable_label, 1)
        if PRINT_SUPPORT:
            buttons.addStretch(1)
        self.save_button = QPushButton(icon("save"), self.tr("Save…"))
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save_letters)
        buttons.addWidget(self.save_button)
        self.print_button: QPushButton | None = None
        if PRINT_SUPPORT:
            self.print_button = QPushButton(icon("export"), self.tr("Print…"))
            self.print_button.setObjectName("print_button")
            self.print_button.clicked.connect(self.print_letters)
            buttons.addWidget(self.print_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.finished.connect(lambda _result: self.release())
        size = QSize(980, 720)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(available.width() - 40, available.height() - 60))
        self.resize(size)
        self._update_buttons()
        self.build()

    # ------------------------------------------------------------------ state
    def batch(self) -> LetterBatch | None:
        """The letters shown (None while they are made, or after a failure)."""
        return self._batch

    def pdf(self) -> bytes | None:
        return self._batch.pdf if self._batch is not None else None

    def _update_buttons(self) -> None:
        ready = self._batch is not None and not self._busy
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

    # ------------------------------------------------------------------ making them
    def build(self) -> None:
        """Have the letters made (in the background) and show them."""
        self._batch = None
        self._busy = True
        self._update_buttons()
        self.viewer.show_loading(self.tr("Making the letters…"))
        self._tasks.run(
            self._session.followup_letters.letters,
            self._kind,
            self._ids,
            on_success=self._on_built,
            on_failure=self._on_build_failed,
            label=self.tr("Making the letters…"),
            owner=self,
        )

    def _on_built(self, batch: LetterBatch) -> None:
        self._batch = batch
        self._busy = False
        self._update_buttons()
        now = dt.datetime.now(dt.UTC)
        name = self._session.actor.display_name
        document = DocumentView(
            id=0,
            patient_id=0,
            title=self.windowTitle(),
            document_date=now.date(),
            category=DocumentCategory.OTHER,
            media_type=MediaType.PDF,
            file_name=batch.file_name,
            size=len(batch.pdf),
            page_count=batch.count,
            display=DisplayStatus.VIEWABLE,
            created_at=now,
            created_by=name,
            updated_at=now,
            updated_by=name,
            version=0,
            access=PatientAccess.READ,
        )
        self.viewer.show_content(DocumentContent(document, batch.pdf))
        self._show_message(self.tr("%n letter(s) ready.", "", batch.count))
        self.sig_letters_shown.emit(batch.count)

    def _on_build_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        text = error_text(exc)
        self.viewer.show_error(text)
        self._show_message(text, "error")

    # ------------------------------------------------------------------ saving
    def save_letters(self) -> None:
        """Ask where to save the letters, then save them."""
        if self._batch is None or self._busy:
            return
        dialog = QFileDialog(self, self.tr("Save the letters"))
        dialog.setObjectName("save_letters_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(letters_file_name(self._kind, dt.date.today()))
        self.file_dialog = dialog
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_to(self, path: str | Path) -> None:
        """Save the letters shown to ``path`` (``.pdf`` added when it has no suffix)."""
        if self._batch is None or self._busy:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        self._busy = True
        self._update_buttons()
        self._tasks.run(
            self._session.followup_letters.export,
            self._batch,
            target,
            on_success=lambda _size, p=target: self._on_saved(p),
            on_failure=self._fail,
            label=self.tr("Saving the letters…"),
            owner=self,
        )

    def _on_saved(self, path: Path) -> None:
        self._busy = False
        self._update_buttons()
        self._show_message(self.tr("Letters saved: {path}").format(path=str(path)))
        self.sig_saved.emit(str(path))

    # ------------------------------------------------------------------ printing
    def print_letters(self) -> None:
        """The print dialog, then :meth:`print_to` the printer chosen."""
        if not PRINT_SUPPORT or self._batch is None or self._busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_letters_dialog")
        self.print_dialog = dialog
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def print_to(self, printer: Any) -> None:
        """Send every letter to ``printer`` (set up by the print dialog, or a test)."""
        if not PRINT_SUPPORT or self._batch is None or self._busy:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = paint_pdf(printer, self._batch.pdf)
        except PrintFailed as exc:
            self._show_message(
                self.tr("The letters could not be printed: {reason}.").format(
                    reason=print_failure_text(exc)
                ),
                "error",
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_message(
            self.tr("Letters sent to the printer (pages: {count}).").format(count=count)
        )
        self.sig_printed.emit(count)

    # ------------------------------------------------------------------ closing
    def release(self) -> None:
        """Forget the letters (bytes and pages shown): when the dialog closes."""
        self._batch = None
        self.viewer.clear()
        self._update_buttons()
