"""Attachments read in memory: what is checked when a file is attached, PDF pages rendered.

PDFs go through pdfium (``pypdfium2``: wheels for every platform, no Qt module
needed — PySide6-Essentials has no QtPdf), images through Pillow; everything
works on bytes in memory, never on a temporary file.

pdfium is not thread-safe: every call into it, whatever the document, holds
:data:`PDFIUM_LOCK`, and documents, pages and bitmaps are closed explicitly
under it (never left to a finaliser that could run in another thread).

What is accepted when a file is attached (:func:`inspect_content`):

* a PDF pdfium opens, with at least one page: viewable;
* a PDF protected by a password: **kept** as it is (the lab sent it that way;
  it is still the patient's document), flagged ``password_protected``: the viewer
  asks for its password (never stored) and a copy can be saved to open elsewhere;
* a damaged PDF (pdfium cannot read it, or it has no page) and a damaged image
  are **refused** (``document_damaged``): such a file cannot be read anywhere
  either, and the user still has the source at hand to ask for a good copy;
* an image of more than :data:`MAX_IMAGE_PIXELS` pixels is refused
  (``document_image_too_large``): it could not be shown without exhausting memory.
"""

from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import PurePath

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from oiso_desktop.domain.documents import DisplayStatus, MediaType
from oiso_desktop.domain.errors import ErrorCode, OisoError, ValidationError

__all__ = [
    "MAX_IMAGE_PIXELS",
    "PDFIUM_LOCK",
    "ContentCheck",
    "PdfPages",
    "RenderedPage",
    "inspect_content",
]

#: One lock for every pdfium call of the process.
PDFIUM_LOCK = threading.RLock()
#: Largest image accepted (pixels): 100 Mpx, an A4 page scanned at 1200 dpi is 140.
MAX_IMAGE_PIXELS = 100_000_000

PASSWORD_REQUIRED_MESSAGE = (
    "Ce PDF est protégé par un mot de passe : saisissez-le pour afficher le document."
)
PASSWORD_WRONG_MESSAGE = "Mot de passe incorrect : ce PDF n'a pas pu être ouvert."
CANNOT_DISPLAY_MESSAGE = (
    "Ce document ne peut pas être affiché : son contenu est illisible. Enregistrez-en une "
    "copie pour l'ouvrir avec un autre logiciel."
)


@dataclass(frozen=True)
class ContentCheck:
    """What :func:`inspect_content` found: can the viewer show it, how many pages."""

    display: DisplayStatus
    page_count: int | None  # PDF pages; None for an image or a protected PDF


def _damaged(file_name: str) -> ValidationError:
    name = PurePath(file_name).name
    return ValidationError(
        f"Le fichier « {name} » est endommagé et ne peut pas être lu : il n'a pas été joint. "
        "Demandez-en une nouvelle copie.",
        code=ErrorCode.DOCUMENT_DAMAGED,
        file_name=name,
    )


def inspect_content(data: bytes, media_type: MediaType, file_name: str) -> ContentCheck:
    """Whether a file about to be attached can be read (see the module docstring)."""
    if media_type is MediaType.PDF:
        return _inspect_pdf(data, file_name)
    return _inspect_image(data, file_name)


def _inspect_pdf(data: bytes, file_name: str) -> ContentCheck:
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                return ContentCheck(DisplayStatus.PASSWORD_PROTECTED, None)
            raise _damaged(file_name) from None
        try:
            count = len(document)
            if count < 1:
                raise _damaged(file_name)
            page = document[0]  # the first page must load too
            page.close()
        except pdfium.PdfiumError:
            raise _damaged(file_name) from None
        finally:
            document.close()
    return ContentCheck(DisplayStatus.VIEWABLE, count)


def _too_large(name: str, pixels: str) -> ValidationError:
    return ValidationError(
        f"L'image « {name} » est trop grande ({pixels} pixels) : "
        f"{MAX_IMAGE_PIXELS // 1_000_000} millions de pixels au plus. "
        "Réduisez sa résolution avant de la joindre.",
        code=ErrorCode.DOCUMENT_IMAGE_TOO_LARGE,
        file_name=name,
        pixels=pixels,
        maximum=MAX_IMAGE_PIXELS // 1_000_000,
    )


def _inspect_image(data: bytes, file_name: str) -> ContentCheck:
    name = PurePath(file_name).name
    try:
        with warnings.catch_warnings():
            # The size is checked here, against MAX_IMAGE_PIXELS: not Pillow's warning.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _too_large(name, f"{width} × {height}")
                image.load()  # decodes everything: a truncated file fails here
    except Image.DecompressionBombError:  # far above Pillow's own limit: not even opened
        limit = 2 * (Image.MAX_IMAGE_PIXELS or MAX_IMAGE_PIXELS) // 1_000_000
        raise _too_large(name, f"plus de {limit} millions de") from None
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError):
        raise _damaged(file_name) from None
    return ContentCheck(DisplayStatus.VIEWABLE, None)


# ------------------------------------------------------------------------ rendering


@dataclass(frozen=True)
class RenderedPage:
    """A page as pixels: RGBX, 4 bytes a pixel, ``stride`` bytes a row."""

    width: int
    height: int
    stride: int
    pixels: bytes = field(repr=False)


class PdfPages:
    """An open PDF in memory, for the viewer: sizes of its pages, pages rendered.

    ``data`` must stay unchanged while the document is open (pdfium reads it in
    place). OisoError ``document_password_required`` (a password is needed, none
    given), ``document_password_wrong``, ``document_cannot_display`` (unreadable).
    """

    def __init__(self, data: bytes, *, password: str | None = None) -> None:
        self._data = data
        with PDFIUM_LOCK:
            try:
                self._document: pdfium.PdfDocument | None = pdfium.PdfDocument(
                    data, password=password or None
                )
                self.page_count = len(self._document)
                self._sizes = [
                    self._document.get_page_size(index) for index in range(self.page_count)
                ]
            except pdfium.PdfiumError as exc:
                if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                    if password:
                        raise OisoError(
                            PASSWORD_WRONG_MESSAGE, code=ErrorCode.DOCUMENT_PASSWORD_WRONG
                        ) from None
                    raise OisoError(
                        PASSWORD_REQUIRED_MESSAGE, code=ErrorCode.DOCUMENT_PASSWORD_REQUIRED
                    ) from None
                raise OisoError(
                    CANNOT_DISPLAY_MESSAGE, code=ErrorCode.DOCUMENT_CANNOT_DISPLAY
                ) from None
        if self.page_count < 1:
            self.close()
            raise OisoError(CANNOT_DISPLAY_MESSAGE, code=ErrorCode.DOCUMENT_CANNOT_DISPLAY)

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` in points (1/72 inch), as displayed."""
        return self._sizes[index]

    def render(self, index: int, scale: float) -> RenderedPage:
        """Page ``index`` at ``scale`` pixels per point (OisoError when it cannot be)."""
        with PDFIUM_LOCK:
            if self._document is None:
                raise OisoError(CANNOT_DISPLAY_MESSAGE, code=ErrorCode.DOCUMENT_CANNOT_DISPLAY)
            try:
                page = self._document[index]
                try:
                    bitmap = page.render(
                        scale=scale, rev_byteorder=True, prefer_bgrx=True, draw_annots=True
                    )
                    try:
                        pixels = bytes(bitmap.buffer)
                        return RenderedPage(bitmap.width, bitmap.height, bitmap.stride, pixels)
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                raise OisoError(
                    CANNOT_DISPLAY_MESSAGE, code=ErrorCode.DOCUMENT_CANNOT_DISPLAY
                ) from None

    @property
    def closed(self) -> bool:
        return self._document is None

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._document is not None:
                self._document.close()
                self._document = None
        self._data = b""
