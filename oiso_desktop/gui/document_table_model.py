"""Table model over the attachments of a file (``services.dto.DocumentView``). No widget code.

Also the translated labels of the document categories and the size text, shared
by the Documents tab and its dialogs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from oiso_desktop.domain.documents import DisplayStatus, DocumentCategory, MediaType
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.dto import DocumentView

__all__ = [
    "CATEGORY_LABELS",
    "SHORT_CATEGORY_LABELS",
    "DocumentTableModel",
    "category_label",
    "format_document_date",
    "kind_label",
    "kind_text",
    "size_text",
]

CONTEXT = "DocumentTableModel"

#: One label per domain category (the keys are exactly ``DocumentCategory``).
CATEGORY_LABELS: dict[DocumentCategory, str] = {
    DocumentCategory.LAB_REPORT: QT_TRANSLATE_NOOP("DocumentCategory", "Laboratory report"),
    DocumentCategory.PATHOLOGY_REPORT: QT_TRANSLATE_NOOP("DocumentCategory", "Pathology report"),
    DocumentCategory.LETTER: QT_TRANSLATE_NOOP("DocumentCategory", "Letter"),
    DocumentCategory.CONSENT_FORM: QT_TRANSLATE_NOOP("DocumentCategory", "Consent form"),
    DocumentCategory.PRESCRIPTION: QT_TRANSLATE_NOOP("DocumentCategory", "Prescription"),
    DocumentCategory.OTHER: QT_TRANSLATE_NOOP("DocumentCategory", "Other"),
}

#: The same, short, for the list's column.
SHORT_CATEGORY_LABELS: dict[DocumentCategory, str] = {
    DocumentCategory.LAB_REPORT: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Laboratory"),
    DocumentCategory.PATHOLOGY_REPORT: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Pathology"),
    DocumentCategory.LETTER: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Letter"),
    DocumentCategory.CONSENT_FORM: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Consent"),
    DocumentCategory.PRESCRIPTION: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Prescription"),
    DocumentCategory.OTHER: QT_TRANSLATE_NOOP("DocumentCategoryShort", "Other"),
}

_BYTES = QT_TRANSLATE_NOOP("DocumentTableModel", "{size} B")
_KILOBYTES = QT_TRANSLATE_NOOP("DocumentTableModel", "{size} kB")
_MEGABYTES = QT_TRANSLATE_NOOP("DocumentTableModel", "{size} MB")
# (lupdate finds no plural form outside tr(): the two forms apart)
_ONE_PAGE = QT_TRANSLATE_NOOP("DocumentTableModel", "PDF, 1 page")
_PAGES = QT_TRANSLATE_NOOP("DocumentTableModel", "PDF, {count} pages")
_PROTECTED = QT_TRANSLATE_NOOP("DocumentTableModel", "PDF, protected")
_PROTECTED_TIP = QT_TRANSLATE_NOOP(
    "DocumentTableModel",
    "Protected by a password: kept as received; its password is asked to display it.",
)
_NO_DATE = QT_TRANSLATE_NOOP("DocumentTableModel", "undated")
_ADDED = QT_TRANSLATE_NOOP("DocumentTableModel", "File “{file}”, attached by {name}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category_label(category: DocumentCategory | str, *, short: bool = False) -> str:
    try:
        code = DocumentCategory(category)
    except ValueError:
        return str(category)
    if short:
        return QCoreApplication.translate("DocumentCategoryShort", SHORT_CATEGORY_LABELS[code])
    return QCoreApplication.translate("DocumentCategory", CATEGORY_LABELS[code])


def size_text(size: int) -> str:
    """A size as shown: "850 o", "12 ko", "3,4 Mo" in French (from the translations)."""
    if size < 1024:
        return _tr(_BYTES).format(size=size)
    if size < 1024 * 1024:
        return _tr(_KILOBYTES).format(size=round(size / 1024))
    megabytes = size / (1024 * 1024)
    # the language's decimal separator (a comma in French)
    number = QLocale().toString(megabytes, "f", 1) if megabytes < 10 else str(round(megabytes))
    return _tr(_MEGABYTES).format(size=number)


def kind_label(media_type: MediaType, display: DisplayStatus, page_count: int | None) -> str:
    """The type as shown: "PDF, 3 pages", "PDF, protected", "JPEG", "PNG"."""
    if media_type is MediaType.PDF:
        if display is DisplayStatus.PASSWORD_PROTECTED:
            return _tr(_PROTECTED)
        if page_count == 1:
            return _tr(_ONE_PAGE)
        if page_count:
            return _tr(_PAGES).format(count=page_count)
        return "PDF"
    return "JPEG" if media_type is MediaType.JPEG else "PNG"


def kind_text(document: DocumentView) -> str:
    return kind_label(document.media_type, document.display, document.page_count)


def format_document_date(document: DocumentView) -> str:
    value = document.document_date
    return value.strftime("%d/%m/%Y") if value is not None else ""


class DocumentTableModel(RowTableModel[DocumentView]):
    """One row per attachment, in the service's order (newest document date first)."""

    CONTEXT = CONTEXT
    COL_TITLE = 0
    COL_DATE = 1
    COL_CATEGORY = 2
    COL_SIZE = 3
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Date"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Category"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Size"),
    )

    def display(self, item: DocumentView, column: int) -> str | None:
        if column == self.COL_TITLE:
            return item.title
        if column == self.COL_DATE:
            return format_document_date(item) or "—"
        if column == self.COL_CATEGORY:
            return category_label(item.category, short=True)
        if column == self.COL_SIZE:
            return size_text(item.size)
        return None

    def role_data(self, item: DocumentView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TITLE:
                lines = [
                    item.title,
                    kind_text(item),
                    _tr(_ADDED).format(file=item.file_name, name=item.created_by),
                ]
                if item.display is DisplayStatus.PASSWORD_PROTECTED:
                    lines.append(_tr(_PROTECTED_TIP))
                return "\n".join(lines)
            if column == self.COL_DATE and item.document_date is None:
                return _tr(_NO_DATE)
            if column == self.COL_CATEGORY:
                return category_label(item.category)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
