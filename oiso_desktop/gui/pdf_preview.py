"""Base of the in-app PDF previews: a PDF made in the background, shown from memory,
then saved or printed by an explicit act.

:class:`PdfPreviewDialog` lays out what the previews share (a hint, a warning line, the
message banner, the attachments' viewer — pdfium renders the bytes in memory, nothing
is written to a temporary file — and the Save / Print / Close buttons) and the
mechanics around them: buttons enabled only when a PDF is shown and nothing runs, the
file dialog, the print dialog, the pages sent to the printer. A subclass says what is
made, saved, logged and printed (``SummaryPreviewDialog``, ``LettersPreviewDialog``):
it lays the dialog out with its texts (:meth:`PdfPreviewDialog._build_frame`),
implements :meth:`PdfPreviewDialog.pdf`, ``save_to`` and ``print_to``, connects the
Save and Print buttons and calls :meth:`PdfPreviewDialog._update_buttons` once its
state is set.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
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
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.dto import DocumentContent, DocumentView

try:  # QtPrintSupport ships with PySide6-Essentials; a trimmed build may lack it
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    PRINT_SUPPORT = True
except ImportError:  # pragma: no cover - depends on the installation
    PRINT_SUPPORT = False

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["PRINT_SUPPORT", "PdfPreviewDialog"]

CONTEXT = "PdfPreviewDialog"
_PRINT = QT_TRANSLATE_NOOP("PdfPreviewDialog", "Print…")
_CLOSE = QT_TRANSLATE_NOOP("PdfPreviewDialog", "Close")
_PDF_FILTER = QT_TRANSLATE_NOOP("PdfPreviewDialog", "PDF documents (*.pdf)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PdfPreviewDialog(QDialog):
    """The frame of a PDF preview (see the module docstring), laid out by
    :meth:`_build_frame`.

    ``notice_name`` / ``notice``: the object name and text of the warning line under
    the hint (hidden when ``notice`` is empty), :attr:`notice_label`. ``print_support``:
    whether Qt's print support is installed (the subclass's module decides, so that
    tests can turn it off). Signals: ``sig_printed(int)`` (pages sent),
    ``sig_failed(str)`` (the message shown).
    """

    sig_printed = Signal(int)
    sig_failed = Signal(str)

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._busy = False
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QDialog | None = None

    def _build_frame(
        self,
        *,
        name: str,
        intro: str,
        notice_name: str,
        notice: str,
        banner_name: str,
        print_unavailable: str,
        save_text: str,
        save_name: str,
        print_support: bool,
    ) -> None:
        """Lay the dialog out (called once by the subclass, its texts translated)."""
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setObjectName("intro_label")
        intro_label.setWordWrap(True)
        style.set_role(intro_label, "hint")
        layout.addWidget(intro_label)
        self.notice_label = QLabel()
        self.notice_label.setObjectName(notice_name)
        self.notice_label.setWordWrap(True)
        show_banner(self.notice_label, notice, "warning")
        layout.addWidget(self.notice_label)
        self.banner = QLabel()
        self.banner.setObjectName(banner_name)
        self.banner.setWordWrap(True)
        show_banner(self.banner, "")
        layout.addWidget(self.banner)

        self.viewer = DocumentViewer(self._tasks, self)
        layout.addWidget(self.viewer, 1)

        buttons = QHBoxLayout()
        self.print_unavailable_label = QLabel(print_unavailable)
        self.print_unavailable_label.setObjectName("print_unavailable_label")
        self.print_unavailable_label.setWordWrap(True)
        style.set_role(self.print_unavailable_label, "hint")
        self.print_unavailable_label.setVisible(not print_support)
        buttons.addWidget(self.print_unavailable_label, 1)
        if print_support:
            buttons.addStretch(1)
        self.save_button = QPushButton(icon("save"), save_text)
        self.save_button.setObjectName(save_name)
        buttons.addWidget(self.save_button)
        self.print_button: QPushButton | None = None
        if print_support:
            self.print_button = QPushButton(icon("export"), _tr(_PRINT))
            self.print_button.setObjectName("print_button")
            buttons.addWidget(self.print_button)
        self.close_button = QPushButton(_tr(_CLOSE))
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.finished.connect(lambda _result: self.release())
        self._fit_screen()

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
        """The PDF shown (None while it is made, or after a failure)."""
        raise NotImplementedError

    def _ready(self) -> bool:
        """A PDF is shown and nothing runs: it may be saved or printed."""
        return self.pdf() is not None and not self._busy

    def _update_buttons(self) -> None:
        ready = self._ready()
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

    def _show_loading(self, text: str) -> None:
        """Busy while the PDF is made: ``text`` in the viewer."""
        self._busy = True
        self._update_buttons()
        self.viewer.show_loading(text)

    def _show_pdf(
        self,
        pdf: bytes,
        *,
        patient_id: int,
        title: str,
        document_date: dt.date,
        file_name: str,
        page_count: int | None,
    ) -> None:
        """Show ``pdf`` in the viewer (it is no attachment: id 0)."""
        self._busy = False
        self._update_buttons()
        now = dt.datetime.now(dt.UTC)
        name = self._session.actor.display_name
        document = DocumentView(
            id=0,
            patient_id=patient_id,
            title=title,
            document_date=document_date,
            category=DocumentCategory.OTHER,
            media_type=MediaType.PDF,
            file_name=file_name,
            size=len(pdf),
            page_count=page_count,
            display=DisplayStatus.VIEWABLE,
            created_at=now,
            created_by=name,
            updated_at=now,
            updated_by=name,
            version=0,
            access=PatientAccess.READ,
        )
        self.viewer.show_content(DocumentContent(document, pdf))

    def _build_failed(self, exc: BaseException) -> str:
        """The PDF could not be made: the reason in the viewer; the text shown."""
        self._busy = False
        self._update_buttons()
        text = error_text(exc)
        self.viewer.show_error(text)
        return text

    # ------------------------------------------------------------------ saving

    def _open_save_dialog(self, title: str, name: str, file_name: str) -> None:
        """The file dialog (window-modal); the path chosen goes to ``save_to``."""
        dialog = QFileDialog(self, title)
        dialog.setObjectName(name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(_tr(_PDF_FILTER))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(file_name)
        self.file_dialog = dialog
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_to(self, path: str | Path) -> None:
        """Save the PDF shown to ``path`` (``.pdf`` added when it has no suffix)."""
        raise NotImplementedError

    def _save_target(self, path: str | Path) -> Path | None:
        """Where to save (``.pdf`` added when ``path`` has no suffix), the dialog then
        busy; None when there is nothing to save now."""
        if not self._ready():
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        self._busy = True
        self._update_buttons()
        return target

    def _saved(self, text: str) -> None:
        self._busy = False
        self._update_buttons()
        self._show_message(text)

    # ------------------------------------------------------------------ printing

    def _open_print_dialog(self, doc_name: str, name: str) -> None:
        """The print dialog (window-modal); the printer chosen goes to ``print_to``."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(doc_name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName(name)
        self.print_dialog = dialog
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def print_to(self, printer: Any) -> None:
        """Send every page to ``printer`` (set up by the print dialog, or a test)."""
        raise NotImplementedError

    def _paint(self, printer: Any, pdf: bytes, *, failed: str, sent: str) -> int | None:
        """Every page of ``pdf``, rasterised at the printer's resolution, fitted to its
        page; the number sent (None when the printer refused: ``failed`` shown, with
        ``{reason}``). ``sent``: the message, with ``{count}``. The PDF reader's errors
        go to the caller."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = paint_pdf(printer, pdf)
        except PrintFailed as exc:
            self._busy = False
            self._update_buttons()
            self._show_message(failed.format(reason=print_failure_text(exc)), "error")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._busy = False
        self._update_buttons()
        self._show_message(sent.format(count=count))
        self.sig_printed.emit(count)
        return count

    # ------------------------------------------------------------------ closing

    def release(self) -> None:
        """Forget the pages shown and refresh the buttons: when the dialog closes (a
        subclass forgets its PDF first)."""
        self.viewer.clear()
        self._update_buttons()
