"""Printing a PDF held in memory (the summary, the letters): each page rasterised
at the printer's resolution and fitted to the printable area, in the page's own
orientation. No file is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter

from oiso_desktop.services.pdf_pages import PdfPages

__all__ = ["MAX_PRINT_DPI", "PrintFailed", "paint_pdf", "print_failure_text"]

MAX_PRINT_DPI = 300  # pages rasterised for the printer at its resolution, at most this

_CONTEXT = "PdfPrinting"
_REASONS = {
    "open": QT_TRANSLATE_NOOP("PdfPrinting", "the printer could not be opened"),
    "page": QT_TRANSLATE_NOOP("PdfPrinting", "the printer refused a new page"),
}


class PrintFailed(Exception):
    """The printer refused the job; ``str(exc)`` is "open" or "page"."""


def print_failure_text(exc: PrintFailed) -> str:
    """Why the printer refused, in the interface's language."""
    return QCoreApplication.translate(_CONTEXT, _REASONS.get(str(exc), _REASONS["page"]))


def paint_pdf(printer: Any, pdf: bytes) -> int:
    """Send every page of ``pdf`` to ``printer`` (a set-up QPrinter); the number of
    pages sent. Raises :class:`PrintFailed`, or the PDF reader's error."""
    painter = QPainter()
    pages = PdfPages(pdf)
    try:
        count = pages.page_count
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for index in range(count):
            width, height = pages.page_size(index)
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape
                if width > height
                else QPageLayout.Orientation.Portrait
            )
            if index == 0:
                if not painter.begin(printer):
                    raise PrintFailed("open")
            elif not printer.newPage():
                raise PrintFailed("page")
            page = pages.render(index, dpi / 72)
            image = QImage(
                page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888
            )
            # the page's printable area (origin at its top-left corner): QPainter keeps
            # the first page's viewport when a later page turns landscape
            paint = printer.pageLayout().paintRectPixels(printer.resolution())
            area = QRect(0, 0, paint.width(), paint.height())
            painter.setViewport(area)
            painter.setWindow(area)
            fitted = QSize(page.width, page.height).scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(
                QRect(
                    (area.width() - fitted.width()) // 2,
                    (area.height() - fitted.height()) // 2,
                    fitted.width(),
                    fitted.height(),
                ),
                image,
            )
            del image, page
    finally:
        if painter.isActive():
            painter.end()
        pages.close()
    return count
