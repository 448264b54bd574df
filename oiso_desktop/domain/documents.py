"""Attachments of a patient file (lab reports, letters...): the rules, without storage.

What is accepted (DESIGN.md §4, issue "Documents"):

* **formats**: PDF, JPEG and PNG, up to :data:`MAX_DOCUMENT_SIZE` (50 Mo). The
  type is read from the first bytes of the file (its *magic bytes*), never taken
  from the name alone: a file whose content is not what its extension says is
  refused (``document_type_mismatch``), as is a format outside the list
  (``document_type_unsupported``) and an empty file;
* **details** the user edits: a title (required, at most :data:`MAX_TITLE_LENGTH`
  characters: it may name a result, so it is stored encrypted), the date of the
  document (optional, not in the future, not before :data:`MIN_DOCUMENT_YEAR`:
  a grandparent's pathology report may predate the patient's birth), a category.

Whether a PDF can be opened (damaged, protected by a password) is looked at by
``services.pdf_pages``; this module has no third-party dependency.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePath

from oiso_desktop.domain.errors import ErrorCode, FormValidationError, ValidationError

__all__ = [
    "CATEGORY_LABELS",
    "EXTENSIONS",
    "MAX_DOCUMENT_SIZE",
    "MAX_TITLE_LENGTH",
    "MEDIA_TYPE_LABELS",
    "MIN_DOCUMENT_YEAR",
    "SNIFF_LENGTH",
    "DisplayStatus",
    "DocumentCategory",
    "DocumentDetails",
    "DocumentDetailsInvalid",
    "MediaType",
    "check_document_file",
    "default_title",
    "details_invalid",
    "document_category",
    "export_file_name",
    "format_size",
    "media_type_of_name",
    "sniff_media_type",
    "validate_details",
]

#: Largest attachment accepted, in bytes (50 Mo).
MAX_DOCUMENT_SIZE = 50 * 1024 * 1024
MAX_TITLE_LENGTH = 200
MIN_DOCUMENT_YEAR = 1900
#: How many first bytes :func:`sniff_media_type` looks at (a PDF header may follow
#: a little junk: readers accept it within the first kilobyte).
SNIFF_LENGTH = 1024


class MediaType(StrEnum):
    PDF = "application/pdf"
    JPEG = "image/jpeg"
    PNG = "image/png"


class DocumentCategory(StrEnum):
    LAB_REPORT = "lab_report"  # compte rendu de laboratoire (génétique)
    PATHOLOGY_REPORT = "pathology_report"  # compte rendu anatomopathologique
    LETTER = "letter"  # courrier
    CONSENT_FORM = "consent_form"  # consentement signé
    PRESCRIPTION = "prescription"  # ordonnance, prescription d'analyse
    OTHER = "other"


class DisplayStatus(StrEnum):
    """Whether the viewer can show an attachment as it is."""

    VIEWABLE = "viewable"
    #: a PDF protected by a password: kept as it is, shown once its password is typed
    PASSWORD_PROTECTED = "password_protected"


#: French labels (sentences, CLI); the GUI shows its own translated ones.
CATEGORY_LABELS: dict[DocumentCategory, str] = {
    DocumentCategory.LAB_REPORT: "Compte rendu de laboratoire",
    DocumentCategory.PATHOLOGY_REPORT: "Compte rendu anatomopathologique",
    DocumentCategory.LETTER: "Courrier",
    DocumentCategory.CONSENT_FORM: "Consentement",
    DocumentCategory.PRESCRIPTION: "Prescription",
    DocumentCategory.OTHER: "Autre",
}
MEDIA_TYPE_LABELS: dict[MediaType, str] = {
    MediaType.PDF: "PDF",
    MediaType.JPEG: "JPEG",
    MediaType.PNG: "PNG",
}

EXTENSIONS: dict[str, MediaType] = {
    ".pdf": MediaType.PDF,
    ".jpg": MediaType.JPEG,
    ".jpeg": MediaType.JPEG,
    ".jpe": MediaType.JPEG,
    ".png": MediaType.PNG,
}
#: The extension an exported copy gets when its name has none of its type.
_DEFAULT_EXTENSION = {MediaType.PDF: ".pdf", MediaType.JPEG: ".jpg", MediaType.PNG: ".png"}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
_PDF_SIGNATURE = b"%PDF-"

# What other common files look like: named in the message when one is renamed .pdf.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP / Office"),
    (b"\xd0\xcf\x11\xe0", "Office 97-2003"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"{\\rtf", "RTF"),
    (b"MZ", "programme Windows"),
    (b"\x7fELF", "programme"),
    (b"<", "page HTML / XML"),
)


def sniff_media_type(head: bytes) -> MediaType | None:
    """The type the first bytes of a file show (None: none of the accepted ones)."""
    if head.startswith(_PNG_SIGNATURE):
        return MediaType.PNG
    if head.startswith(_JPEG_SIGNATURE):
        return MediaType.JPEG
    # "%PDF-" within the first KiB (readers tolerate a little junk before it), unless
    # the file starts as something else: a PDF inside a zip or after an HTML page is
    # that zip or that page.
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00\x0c")
    if any(start.startswith(signature) for signature, _ in _OTHER_SIGNATURES):
        return None
    if _PDF_SIGNATURE in head[:SNIFF_LENGTH]:
        return MediaType.PDF
    return None


def _found_label(head: bytes) -> str:
    sniffed = sniff_media_type(head)
    if sniffed is not None:
        return MEDIA_TYPE_LABELS[sniffed]
    for signature, label in _OTHER_SIGNATURES:
        if head.startswith(signature):
            return label
    return "inconnu"


def media_type_of_name(file_name: str) -> MediaType | None:
    """The type the extension of ``file_name`` announces (None: not an accepted one)."""
    return EXTENSIONS.get(PurePath(file_name).suffix.lower())


def format_size(size: int) -> str:
    """A size for people, French style: "850 o", "12 ko", "3,4 Mo"."""
    if size < 1024:
        return f"{size} o"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} ko"
    megabytes = size / (1024 * 1024)
    text = f"{megabytes:.1f}" if megabytes < 10 else f"{round(megabytes)}"
    return text.replace(".", ",") + " Mo"


def check_document_file(file_name: str, head: bytes, size: int) -> MediaType:
    """The media type of a file about to be attached; ValidationError if it is refused.

    ``head``: its first :data:`SNIFF_LENGTH` bytes (or all of it when shorter).
    Codes: ``document_empty``, ``document_too_large`` (params size, maximum: French
    sizes), ``document_type_unsupported`` (file_name, extension),
    ``document_type_mismatch`` (file_name, announced, found).
    """
    name = PurePath(file_name).name
    if size <= 0:
        raise ValidationError(
            f"Le fichier « {name} » est vide : il n'a pas été joint.",
            code=ErrorCode.DOCUMENT_EMPTY,
            file_name=name,
        )
    if size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            f"Le fichier « {name} » est trop volumineux ({format_size(size)}) : "
            f"{format_size(MAX_DOCUMENT_SIZE)} au plus.",
            code=ErrorCode.DOCUMENT_TOO_LARGE,
            file_name=name,
            size=format_size(size),
            maximum=format_size(MAX_DOCUMENT_SIZE),
        )
    announced = media_type_of_name(name)
    if announced is None:
        extension = PurePath(name).suffix.lower() or "(aucune)"
        raise ValidationError(
            f"Le fichier « {name} » n'a pas été joint : seuls les fichiers PDF, JPEG et PNG "
            f"sont acceptés (extension {extension}).",
            code=ErrorCode.DOCUMENT_TYPE_UNSUPPORTED,
            file_name=name,
            extension=extension,
        )
    found = sniff_media_type(head)
    if found is not announced:
        raise ValidationError(
            f"Le fichier « {name} » n'a pas été joint : son nom annonce un fichier "
            f"{MEDIA_TYPE_LABELS[announced]} mais son contenu est de type {_found_label(head)}.",
            code=ErrorCode.DOCUMENT_TYPE_MISMATCH,
            file_name=name,
            announced=MEDIA_TYPE_LABELS[announced],
            found=_found_label(head),
        )
    return announced


_SEPARATORS = re.compile(r"[_\s]+")


def default_title(file_name: str) -> str:
    """A first title from a file name: "CR_BRCA2_2024.pdf" -> "CR BRCA2 2024"."""
    stem = PurePath(file_name).stem if media_type_of_name(file_name) else PurePath(file_name).name
    title = _SEPARATORS.sub(" ", unicodedata.normalize("NFC", stem)).strip()
    return title[:MAX_TITLE_LENGTH]


def export_file_name(title: str, file_name: str, media_type: MediaType) -> str:
    """The name proposed for a copy: the original name, else the title, with its extension."""
    base = PurePath(file_name).name.strip() if file_name else ""
    if not base:
        cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
        base = re.sub(r"\s+", " ", cleaned).strip() or "document"
    if media_type_of_name(base) is not media_type:
        base += _DEFAULT_EXTENSION[media_type]
    return base


def document_category(value: DocumentCategory | str) -> DocumentCategory:
    """``value`` as a category; ValidationError ``document_category`` otherwise."""
    try:
        return DocumentCategory(value)
    except ValueError:
        raise ValidationError(
            f"Catégorie de document inconnue : « {value} ».",
            code=ErrorCode.DOCUMENT_CATEGORY,
            field="category",
            value=str(value),
        ) from None


class DocumentDetailsInvalid(FormValidationError):
    """The details of an attachment have problems (each at its field): nothing saved."""

    code = ErrorCode.DOCUMENT_DETAILS_INVALID


def details_invalid(problems: list[ValidationError]) -> DocumentDetailsInvalid:
    return DocumentDetailsInvalid(
        f"Le document n'a pas été enregistré : {len(problems)} problème(s), chacun signalé "
        "à son champ.",
        problems,
    )


@dataclass(frozen=True, kw_only=True)
class DocumentDetails:
    """What the user gives (and edits) for an attachment."""

    title: str
    document_date: date | None = None
    category: DocumentCategory = DocumentCategory.OTHER

    def normalised(self) -> DocumentDetails:
        """Title trimmed (inner runs of spaces kept as typed), NFC."""
        return DocumentDetails(
            title=unicodedata.normalize("NFC", self.title).strip(),
            document_date=self.document_date,
            category=self.category,
        )


def validate_details(details: DocumentDetails, *, today: date) -> list[ValidationError]:
    """Every problem of ``details``, each with its ``field`` and a French message."""
    problems: list[ValidationError] = []
    title = details.title.strip()
    if not title:
        problems.append(
            ValidationError(
                "Donnez un titre au document.", code=ErrorCode.DOCUMENT_TITLE_EMPTY, field="title"
            )
        )
    elif len(title) > MAX_TITLE_LENGTH:
        problems.append(
            ValidationError(
                f"Le titre est trop long : {MAX_TITLE_LENGTH} caractères au plus.",
                code=ErrorCode.TOO_LONG,
                field="title",
                max_length=MAX_TITLE_LENGTH,
            )
        )
    when = details.document_date
    if when is not None:
        if when > today:
            problems.append(
                ValidationError(
                    f"La date du document ({when:%d/%m/%Y}) est dans le futur.",
                    code=ErrorCode.DOCUMENT_DATE_FUTURE,
                    field="document_date",
                    date=f"{when:%d/%m/%Y}",
                )
            )
        elif when.year < MIN_DOCUMENT_YEAR:
            problems.append(
                ValidationError(
                    f"La date du document ({when:%d/%m/%Y}) est antérieure à "
                    f"{MIN_DOCUMENT_YEAR} : vérifiez l'année.",
                    code=ErrorCode.DOCUMENT_DATE_TOO_OLD,
                    field="document_date",
                    date=f"{when:%d/%m/%Y}",
                    year=MIN_DOCUMENT_YEAR,
                )
            )
    try:
        document_category(details.category)
    except ValidationError as exc:
        problems.append(exc)
    return problems
