"""Table models over patient summaries (``services.dto.PatientSummary``).

* :class:`PatientTableModel`: a short list held whole (the duplicate candidates).
* :class:`PatientListModel`: the patient list, lazy. It keeps the ids of every
  match (``services.dto.PatientIdList``) and holds the rows of a few pages only,
  fetched when they come into view (:meth:`PatientListModel.load_rows`) through
  the page loader the view gives it (a background task); pages out of view are
  dropped. Clinical roles get the family's key facts and the patient's variants
  (gene and ACMG class, from the genetics form) as more columns. The files
  shared with the user (:meth:`PatientListModel.set_shared_with_me`) carry a
  "shared" icon in the practitioner column, whose tool tip says by whom and at
  which level.

No widget code: tested on their own. The rows are plain frozen data objects; the
models never hold a database session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.gui.genetics_labels import CLASS_LABELS, coded_label
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.paged_table_model import PagedIdTableModel
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.dto import (
    FamilyKeyFacts,
    GeneticsKeyFacts,
    PatientIdList,
    PatientPage,
    PatientSummary,
)
from oiso_desktop.services.sharing_service import ShareView

__all__ = [
    "INS_STATUS_LABELS",
    "PageLoader",
    "PatientListModel",
    "PatientTableModel",
    "format_date",
    "format_nir",
    "ins_status_label",
    "sex_label",
    "shared_tooltip",
]

CONTEXT = "PatientTableModel"

INS_STATUS_LABELS: dict[str, str] = {
    "PROV": QT_TRANSLATE_NOOP("PatientTableModel", "Provisional"),
    "RECUP": QT_TRANSLATE_NOOP("PatientTableModel", "Retrieved"),
    "VALI": QT_TRANSLATE_NOOP("PatientTableModel", "Validated"),
    "QUAL": QT_TRANSLATE_NOOP("PatientTableModel", "Qualified"),
}

SEX_LABELS: dict[str, str] = {
    "F": QT_TRANSLATE_NOOP("PatientTableModel", "F"),
    "M": QT_TRANSLATE_NOOP("PatientTableModel", "M"),
    "I": QT_TRANSLATE_NOOP("PatientTableModel", "I"),
}

_SEX_TOOLTIPS: dict[str, str] = {
    "F": QT_TRANSLATE_NOOP("PatientTableModel", "Female"),
    "M": QT_TRANSLATE_NOOP("PatientTableModel", "Male"),
    "I": QT_TRANSLATE_NOOP("PatientTableModel", "Undetermined"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ins_status_label(code: str) -> str:
    """French label of an INS identity status (PROV -> Provisoire...)."""
    source = INS_STATUS_LABELS.get(code)
    return _tr(source) if source else code


def sex_label(code: str) -> str:
    source = SEX_LABELS.get(code)
    return _tr(source) if source else code


def format_nir(nir: str | None) -> str:
    """'295109912611193' -> '2 95 10 99 126 111 93' (the usual grouping on a carte Vitale)."""
    if not nir:
        return ""
    text = "".join(nir.split())
    if len(text) != 15:
        return text
    parts = (text[0], text[1:3], text[3:5], text[5:7], text[7:10], text[10:13], text[13:15])
    return " ".join(parts)


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


# the identity columns, shared by both models
COL_BIRTH_NAME = 0
COL_USED_NAME = 1
COL_FIRST_NAMES = 2
COL_BIRTH_DATE = 3
COL_SEX = 4
COL_NIR = 5
COL_INS_STATUS = 6
COL_OWNER = 7
IDENTITY_HEADERS = (
    QT_TRANSLATE_NOOP("PatientTableModel", "Birth name"),
    QT_TRANSLATE_NOOP("PatientTableModel", "Used name"),
    QT_TRANSLATE_NOOP("PatientTableModel", "First name(s)"),
    QT_TRANSLATE_NOOP("PatientTableModel", "Born on"),
    QT_TRANSLATE_NOOP("PatientTableModel", "Sex"),
    QT_TRANSLATE_NOOP("PatientTableModel", "NIR"),
    QT_TRANSLATE_NOOP("PatientTableModel", "INS status"),
    QT_TRANSLATE_NOOP("PatientTableModel", "Practitioner"),
)


def identity_display(item: PatientSummary, column: int) -> str | None:
    """The text of an identity column for ``item``."""
    if column == COL_BIRTH_NAME:
        return item.birth_name
    if column == COL_USED_NAME:
        return item.used_name or ""
    if column == COL_FIRST_NAMES:
        return item.first_names
    if column == COL_BIRTH_DATE:
        return format_date(item.birth_date)
    if column == COL_SEX:
        return sex_label(item.sex)
    if column == COL_NIR:
        return format_nir(item.nir)
    if column == COL_INS_STATUS:
        return ins_status_label(item.ins_status)
    if column == COL_OWNER:
        return item.owner_display_name
    return None


def identity_role_data(item: PatientSummary, column: int, role: int) -> Any:
    """Tool tips and alignment of the identity columns."""
    if role == Qt.ItemDataRole.ToolTipRole:
        if column in (COL_BIRTH_NAME, COL_USED_NAME, COL_FIRST_NAMES, COL_OWNER):
            # the whole text, for a narrow column that elides it
            return identity_display(item, column) or None
        if column == COL_SEX:
            source = _SEX_TOOLTIPS.get(item.sex)
            return _tr(source) if source else None
        if column == COL_INS_STATUS:
            return item.ins_status
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_BIRTH_DATE, COL_SEX):
        return int(Qt.AlignmentFlag.AlignCenter)
    return None


class PatientTableModel(RowTableModel[PatientSummary]):
    """One row per :class:`PatientSummary`, in the order given (a short list, held whole)."""

    CONTEXT = CONTEXT
    COL_BIRTH_NAME = COL_BIRTH_NAME
    COL_USED_NAME = COL_USED_NAME
    COL_FIRST_NAMES = COL_FIRST_NAMES
    COL_BIRTH_DATE = COL_BIRTH_DATE
    COL_SEX = COL_SEX
    COL_NIR = COL_NIR
    COL_INS_STATUS = COL_INS_STATUS
    COL_OWNER = COL_OWNER
    HEADERS = IDENTITY_HEADERS

    # the patient id of the row (int), for any column
    PATIENT_ID_ROLE = RowTableModel.ID_ROLE
    # the PatientSummary of the row, for any column
    SUMMARY_ROLE = RowTableModel.ROW_ROLE

    def display(self, item: PatientSummary, column: int) -> str | None:
        return identity_display(item, column)

    def role_data(self, item: PatientSummary, column: int, role: int) -> Any:
        return identity_role_data(item, column, role)


POSITIVE_COLOUR = "#8c1d18"
UNCERTAIN_COLOUR = "#7a4b00"


def genetics_text(facts: GeneticsKeyFacts | None) -> str:
    """ "BRCA2 (5), ATM (3)": the patient's variants, the most significant first."""
    if facts is None:
        return ""
    return ", ".join(f"{gene} ({acmg_class})" for gene, acmg_class in facts.variants)


def genetics_role_data(facts: GeneticsKeyFacts | None, role: int) -> Any:
    """Tool tip (each variant with its class label) and colour of the genetics column:
    dark red and bold when a positive result (class 4 or 5) is recorded, amber when the
    most significant is of uncertain significance (class 3: never positive)."""
    if role == Qt.ItemDataRole.ToolTipRole:
        if facts is None:
            return QCoreApplication.translate("PatientTableModel", "No genetics entered yet")
        if not facts.variants:
            return QCoreApplication.translate("PatientTableModel", "No variant recorded")
        line = QCoreApplication.translate("PatientTableModel", "{gene}: {label}")
        return "\n".join(
            line.format(gene=gene, label=coded_label(CLASS_LABELS, acmg_class))
            for gene, acmg_class in facts.variants
        )
    if facts is None or not facts.variants:
        return None
    positive = bool(facts.positive_genes)  # domain.genetics: class 4 or 5, never 3
    uncertain = not positive and facts.variants[0][1] == 3
    if role == Qt.ItemDataRole.ForegroundRole and (positive or uncertain):
        return QColor(POSITIVE_COLOUR if positive else UNCERTAIN_COLOUR)
    if role == Qt.ItemDataRole.FontRole and positive:
        font = QFont()
        font.setBold(True)
        return font
    return None


# ``loader(ids, on_success, on_failure)``: fetch the summaries of ``ids`` in the
# background (``PatientService.page``), then call back on the GUI thread with the
# ``PatientPage`` or the exception. The view builds it on its TaskRunner.
PageLoader = Callable[
    [tuple[int, ...], Callable[[PatientPage], None], Callable[[BaseException], None]], None
]

_SHARED_TOOLTIPS = {
    ShareAccess.READ: QT_TRANSLATE_NOOP(
        "PatientTableModel", "Shared with me by {owner} — read only"
    ),
    ShareAccess.WRITE: QT_TRANSLATE_NOOP(
        "PatientTableModel", "Shared with me by {owner} — read and write"
    ),
}


def shared_tooltip(share: ShareView) -> str:
    """ "Partagé avec moi par Paul Durand — lecture seule"."""
    return _tr(_SHARED_TOOLTIPS[ShareAccess(share.access)]).format(owner=share.owner.display_name)


_PLACEHOLDER = "…"
_MUTED = "#7b8794"  # the palette's placeholder text


class PatientListModel(PagedIdTableModel[PatientSummary]):
    """The patient list: every id of a search, the rows of the pages in view.

    ``set_result(PatientIdList)`` starts a new list (its ``first_rows`` fill the
    first page at once); the view then calls :meth:`load_rows` with the rows in
    view: the pages they fall in that are neither held nor on their way are asked
    from the ``loader``, at most :attr:`MAX_HELD_PAGES` are held (the least
    recently wanted go), and an answer to an older search is dropped. A row not
    loaded yet shows "…"; its id is known at once (``PATIENT_ID_ROLE``), so it
    opens like any other.

    The key-facts columns (affected relatives out of the relatives entered, as
    "4 / 12"; the genes with a pathogenic variant in the family) hold something
    only when the service gave the facts (a clinical role whose session holds the
    clinical key: ``has_key_facts``); the view hides them otherwise.
    """

    CONTEXT = CONTEXT
    COL_BIRTH_NAME = COL_BIRTH_NAME
    COL_USED_NAME = COL_USED_NAME
    COL_FIRST_NAMES = COL_FIRST_NAMES
    COL_BIRTH_DATE = COL_BIRTH_DATE
    COL_SEX = COL_SEX
    COL_NIR = COL_NIR
    COL_INS_STATUS = COL_INS_STATUS
    COL_OWNER = COL_OWNER
    COL_AFFECTED = 8
    COL_VARIANT = 9
    COL_GENETICS = 10
    KEY_FACT_COLUMNS = (COL_AFFECTED, COL_VARIANT, COL_GENETICS)
    HEADERS = (
        *IDENTITY_HEADERS,
        QT_TRANSLATE_NOOP("PatientTableModel", "Affected / relatives"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Variant"),
        QT_TRANSLATE_NOOP("PatientTableModel", "Gene (class)"),
    )
    HEADER_TOOLTIPS = {
        COL_AFFECTED: QT_TRANSLATE_NOOP(
            "PatientTableModel",
            "Relatives who had a cancer / relatives entered in the family (the patient not "
            "counted)",
        ),
        COL_VARIANT: QT_TRANSLATE_NOOP(
            "PatientTableModel", "Genes with a pathogenic variant recorded in the family"
        ),
        COL_GENETICS: QT_TRANSLATE_NOOP(
            "PatientTableModel",
            "The patient's variants and their ACMG class (Genetics tab); only class 4 or 5 "
            "is a positive result",
        ),
    }
    COLUMN_COUNT = len(HEADERS)

    PATIENT_ID_ROLE = RowTableModel.ID_ROLE
    # the PatientSummary of the row (None while not loaded)
    SUMMARY_ROLE = RowTableModel.ROW_ROLE
    # the ShareView of a file shared with me (None: not shared with me), any column
    SHARED_ROLE = RowTableModel.FIRST_FREE_ROLE

    def __init__(self, loader: PageLoader | None = None, parent: QObject | None = None) -> None:
        super().__init__(loader, parent)
        self._key_facts = False
        self._row_of: dict[int, int] | None = None
        # patient id -> the share of that file with me
        self._shared: dict[int, ShareView] = {}
        self._shared_icon: QIcon | None = None

    # ------------------------------------------------------------------ the list
    def set_result(self, result: PatientIdList) -> None:
        """A new search result: its ids, and its first rows when it brought them."""
        self.beginResetModel()
        self._new_list(result.ids)
        self._key_facts = result.with_key_facts
        self._row_of = None
        if result.first_rows:
            self._store_rows(result.first_rows, complete_up_to=len(result.first_rows))
        self.endResetModel()

    def clear(self) -> None:
        self.set_result(PatientIdList(ids=(), with_key_facts=self._key_facts))

    def set_shared_with_me(self, shares: Iterable[ShareView]) -> None:
        """The files shared with me (``SharingService.shared_with_me``): marked in
        the practitioner column."""
        shared = {share.patient.id: share for share in shares}
        if shared == self._shared:
            return
        self._shared = shared
        if self._ids:
            last = len(self._ids) - 1
            self.dataChanged.emit(self.index(0, COL_OWNER), self.index(last, COL_OWNER))

    def shared_with_me(self, patient_id: int) -> ShareView | None:
        return self._shared.get(patient_id)

    @property
    def has_key_facts(self) -> bool:
        """Whether the rows carry key facts (the view shows those columns)."""
        return self._key_facts

    def row_of(self, patient_id: int) -> int:
        """The row of ``patient_id``, or -1."""
        if self._row_of is None:
            self._row_of = {pid: row for row, pid in enumerate(self._ids)}
        return self._row_of.get(patient_id, -1)

    def row_id(self, row: PatientSummary) -> int:
        return row.id

    def page_rows(self, answer: PatientPage) -> Sequence[PatientSummary]:
        return answer.rows

    def _page_answered(self, answer: PatientPage) -> None:
        if answer.with_key_facts != self._key_facts:
            # The clinical key came or went meanwhile (an approval, a role change):
            # the columns follow at the next search; rows never show facts not given.
            self._key_facts = self._key_facts and answer.with_key_facts

    def _store_rows(self, rows: Sequence[PatientSummary], *, complete_up_to: int) -> None:
        """The first rows of a search: the pages wholly covered by them are held (every
        id of such a page not among them is gone)."""
        covered = min(complete_up_to, len(self._ids))
        full = covered // self.PAGE_SIZE + (1 if covered == len(self._ids) else 0)
        for page in range(min(full, -(-len(self._ids) // self.PAGE_SIZE))):
            self._store_page(page, rows)

    # ------------------------------------------------------------------ cells
    def header_label(self, column: int) -> str:
        return _tr(self.HEADERS[column])

    def display(self, item: PatientSummary, column: int) -> str | None:
        if column < self.COL_AFFECTED:
            return identity_display(item, column)
        if column == self.COL_GENETICS:
            return genetics_text(item.genetics)
        facts = item.key_facts
        if facts is None:
            return ""
        if column == self.COL_AFFECTED:
            return f"{facts.affected_relatives} / {facts.relatives}"
        if column == self.COL_VARIANT:
            return ", ".join(facts.variant_genes)
        return None

    def _key_fact_tooltip(self, facts: FamilyKeyFacts | None, column: int) -> str | None:
        if facts is None:
            return QCoreApplication.translate("PatientTableModel", "No family entered yet")
        if column == self.COL_AFFECTED:
            # self.tr: lupdate sees plural forms there only; the counts as plain names too
            relatives, affected = facts.relatives, facts.affected_relatives
            first = self.tr("%n relative(s) entered in the family", "", relatives)
            second = self.tr("%n of them had a cancer", "", affected)
            return f"{first}\n{second}"
        if facts.variant_genes:
            return QCoreApplication.translate(
                "PatientTableModel", "Pathogenic variant recorded in the family: {genes}"
            ).format(genes=", ".join(facts.variant_genes))
        return QCoreApplication.translate(
            "PatientTableModel", "No pathogenic variant recorded in the family"
        )

    def role_data(self, item: PatientSummary, column: int, role: int) -> Any:
        if column < self.COL_AFFECTED:
            return identity_role_data(item, column, role)
        if column == self.COL_GENETICS:
            return genetics_role_data(item.genetics, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._key_fact_tooltip(item.key_facts, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_VARIANT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # ------------------------------------------------------------------ Qt interface
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_label(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            source = self.HEADER_TOOLTIPS.get(section)
            return _tr(source) if source else self.header_label(section)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, column = index.row(), index.column()
        if role == self.PATIENT_ID_ROLE:
            return self._ids[row]
        if role == self.SHARED_ROLE:
            return self._shared.get(self._ids[row])
        page = self._pages.get(row // self.PAGE_SIZE)
        if page is None:  # not loaded yet
            if role == Qt.ItemDataRole.DisplayRole and column == COL_BIRTH_NAME:
                return _PLACEHOLDER
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(_MUTED)
            return None
        item = page[row % self.PAGE_SIZE]
        if item is None:  # no longer visible since the search
            if role == Qt.ItemDataRole.DisplayRole and column == COL_BIRTH_NAME:
                return QCoreApplication.translate("PatientTableModel", "File no longer available")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(_MUTED)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == self.SUMMARY_ROLE:
            return item
        if column == COL_OWNER and item.id in self._shared:
            if role == Qt.ItemDataRole.DecorationRole:
                if self._shared_icon is None:
                    self._shared_icon = icon("shares")
                return self._shared_icon
            if role == Qt.ItemDataRole.ToolTipRole:
                return shared_tooltip(self._shared[item.id])
        return self.role_data(item, column, role)
