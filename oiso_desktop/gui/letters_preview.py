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

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from oiso_desktop.gui.pdf_preview import PRINT_SUPPORT, PdfPreviewDialog
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.followup_letter_service import LetterBatch, letters_file_name

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["LettersPreviewDialog"]


class LettersPreviewDialog(PdfPreviewDialog):
    """One batch of letters: made, previewed, saved or printed.

    ``kind``: "convocation" (``ids`` are appointment ids) or "reminder" (plan item ids).
    Signals: ``sig_letters_shown(int)`` (the batch is in the viewer: its letter count),
    ``sig_saved(str)`` (the path), ``sig_printed(int)`` (pages sent), ``sig_failed(str)``.
    """

    sig_letters_shown = Signal(int)
    sig_saved = Signal(str)

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
        super().__init__(session, tasks, parent)
        self._kind = kind
        self._ids = tuple(ids)
        self._batch: LetterBatch | None = None
        self._build_frame(
            name="letters_preview_dialog",
            intro=self.tr(
                "One letter per page, shown from memory. Making the letters is recorded in "
                "the event log (their number, never their content); so is saving them."
            ),
            notice_name="skipped_label",
            notice=self.tr(
                "%n selected row(s) without an appointment to come: no convocation for them "
                "(send a reminder instead).",
                "",
                skipped,
            )
            if skipped
            else "",
            banner_name="letters_banner",
            print_unavailable=self.tr(
                "Printing is not available on this installation: save the letters and print "
                "them from a PDF reader."
            ),
            save_text=self.tr("Save…"),
            save_name="save_button",
            print_support=PRINT_SUPPORT,
        )
        self.setWindowTitle(
            self.tr("Convocation letters") if kind == "convocation" else self.tr("Reminder letters")
        )
        self.skipped_label = self.notice_label
        self.save_button.clicked.connect(self.save_letters)
        if self.print_button is not None:
            self.print_button.clicked.connect(self.print_letters)
        self._update_buttons()
        self.build()

    # ------------------------------------------------------------------ state
    def batch(self) -> LetterBatch | None:
        """The letters shown (None while they are made, or after a failure)."""
        return self._batch

    def pdf(self) -> bytes | None:
        return self._batch.pdf if self._batch is not None else None

    # ------------------------------------------------------------------ making them
    def build(self) -> None:
        """Have the letters made (in the background) and show them."""
        self._batch = None
        self._show_loading(self.tr("Making the letters…"))
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
        self._show_pdf(
            batch.pdf,
            patient_id=0,
            title=self.windowTitle(),
            document_date=dt.datetime.now(dt.UTC).date(),
            file_name=batch.file_name,
            page_count=batch.count,
        )
        self._show_message(self.tr("%n letter(s) ready.", "", batch.count))
        self.sig_letters_shown.emit(batch.count)

    def _on_build_failed(self, exc: BaseException) -> None:
        self._show_message(self._build_failed(exc), "error")

    # ------------------------------------------------------------------ saving
    def save_letters(self) -> None:
        """Ask where to save the letters, then save them."""
        if not self._ready():
            return
        self._open_save_dialog(
            self.tr("Save the letters"),
            "save_letters_dialog",
            letters_file_name(self._kind, dt.date.today()),
        )

    def save_to(self, path: str | Path) -> None:
        """Save the letters shown to ``path`` (``.pdf`` added when it has no suffix)."""
        target = self._save_target(path)
        if target is None:
            return
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
        self._saved(self.tr("Letters saved: {path}").format(path=str(path)))
        self.sig_saved.emit(str(path))

    # ------------------------------------------------------------------ printing
    def print_letters(self) -> None:
        """The print dialog, then :meth:`print_to` the printer chosen."""
        if not PRINT_SUPPORT or not self._ready():
            return
        self._open_print_dialog(self.windowTitle(), "print_letters_dialog")

    def print_to(self, printer: Any) -> None:
        """Send every letter to ``printer`` (set up by the print dialog, or a test)."""
        if not PRINT_SUPPORT or self._batch is None or self._busy:
            return
        self._paint(
            printer,
            self._batch.pdf,
            failed=self.tr("The letters could not be printed: {reason}."),
            sent=self.tr("Letters sent to the printer (pages: {count})."),
        )

    # ------------------------------------------------------------------ closing
    def release(self) -> None:
        """Forget the letters (bytes and pages shown): when the dialog closes."""
        self._batch = None
        super().release()
