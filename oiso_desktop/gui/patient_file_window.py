"""The patient file window: where a file is opened and worked on (DESIGN.md §4, §9).

One window per open file; several may be open at once (the patient list keeps
them, and brings an open one to the front instead of opening it twice). Tabs:

* **Identité** — the identity form (:class:`~oiso_desktop.gui.patient_dialog.PatientDialog`,
  embedded), for everyone who may open the file;
* **Antécédents** and **Famille** — the clinical forms (``session.forms``), for
  clinical roles whose session holds the clinical key; otherwise one tab says
  why the clinical data are not shown (awaiting a colleague's approval);
* **Suivi** — the surveillance plan, the exams performed and the appointments
  (:class:`~oiso_desktop.gui.followup_panel.FollowupPanel`), for everyone who may
  open the file: a secretary of an assisted file sees exams, dates and
  appointments, never a result; read again after each save (the plan follows the
  Antécédents and Génétique forms);
* **Historique** — every saved version of the clinical forms, shown read-only
  with what changed;
* **Partage** — for the file's owner only (:class:`~oiso_desktop.gui.share_panel.SharePanel`):
  who has access, share, revoke, transfer. After a transfer the window closes:
  the former owner keeps no access.

A file opened by breaking the glass shows a banner saying so, read-only like a
file shared for reading.

Save (Ctrl+S) saves every modified section, each with its own version: a
section saved meanwhile by someone else opens :class:`FormConflictDialog`, which
shows both and keeps what the user typed. Unsaved edits survive the idle lock
(the window is covered, not closed); closing with unsaved edits asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.clinical_forms import FormContent, FormKind
from oiso_desktop.domain.errors import ConcurrentEditError, FormValidationError, OisoError
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.form_changes import Change, form_changes
from oiso_desktop.domain.genetics import Genetics, genetics_results, positive_variants
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.clinical_access_notice import (
    ClinicalAccessNotice,
    clinical_access_state_of,
)
from oiso_desktop.gui.documents_panel import DocumentsPanel
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.family_editor import FamilyEditor
from oiso_desktop.gui.followup_panel import FollowupPanel
from oiso_desktop.gui.genetics_editor import GeneticsEditor
from oiso_desktop.gui.history_editor import HistoryEditor
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.patient_dialog import PatientDialog
from oiso_desktop.gui.patient_table_model import format_date, ins_status_label, sex_label
from oiso_desktop.gui.relatives_letter_dialog import open_relatives_letter
from oiso_desktop.gui.scores_panel import ScoresPanel
from oiso_desktop.gui.share_panel import SharePanel
from oiso_desktop.gui.summary_preview import open_summary_preview
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.clinical_key_service import ClinicalAccess

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import (
        ClinicalFormView,
        PatientView,
        RevisionSummary,
        SearchResult,
    )

__all__ = [
    "ClinicalFile",
    "FormConflictDialog",
    "PatientFileWindow",
    "PatientPickerDialog",
    "RevisionHistoryPanel",
    "load_clinical_file",
]

CONTEXT = "PatientFileWindow"

_AT = QT_TRANSLATE_NOOP("PatientFileWindow", "{date} at {time}")
_NO_CHANGE = QT_TRANSLATE_NOOP("PatientFileWindow", "(no change)")

FORM_TITLES = {
    FormKind.HISTORY: QT_TRANSLATE_NOOP("PatientFileWindow", "Personal history"),
    FormKind.FAMILY: QT_TRANSLATE_NOOP("PatientFileWindow", "Family"),
    FormKind.GENETICS: QT_TRANSLATE_NOOP("PatientFileWindow", "Genetics"),
}
_EDITOR = HistoryEditor | FamilyEditor | GeneticsEditor


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    return _tr(_AT).format(date=format_date(local.date()), time=local.strftime("%H:%M"))


def _link_labels(view: ClinicalFormView) -> dict[str, str]:
    """Person id -> the name of their linked file, for the links the reader may see."""
    content = view.content
    if not isinstance(content, Family):
        return {}
    return {
        person.id: view.link_labels[person.patient_id]
        for person in content.people
        if person.patient_id is not None and person.patient_id in view.link_labels
    }


# ---------------------------------------------------------------- loading (background)


@dataclass(frozen=True)
class ClinicalFile:
    """What the clinical tabs show: both forms, or why they are not shown."""

    history: ClinicalFormView | None = None
    family: ClinicalFormView | None = None
    genetics: ClinicalFormView | None = None
    refused: OisoError | None = None  # awaiting approval, no access...


def _page(name: str) -> QWidget:
    """An empty tab page that receives its content when first shown."""
    page = QWidget()
    page.setObjectName(name)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page


def load_clinical_file(session: UserSession, patient_id: int) -> ClinicalFile:
    """Both clinical forms of a file (each read is logged by the service)."""
    try:
        views = session.forms.get_all(
            patient_id, (FormKind.HISTORY, FormKind.FAMILY, FormKind.GENETICS)
        )
    except OisoError as exc:
        if getattr(exc, "code", "") in ("clinical_access_awaiting", "clinical_key_missing"):
            return ClinicalFile(refused=exc)
        raise
    return ClinicalFile(
        history=views[FormKind.HISTORY],
        family=views[FormKind.FAMILY],
        genetics=views[FormKind.GENETICS],
    )


# ---------------------------------------------------------------------- form sections


class _FormSection:
    """One clinical form in the window: its tab page, its editor (built the first time
    it is needed: opening a file stays quick), the view it was loaded from."""

    def __init__(
        self,
        kind: FormKind,
        factory: Callable[[], _EDITOR],
        on_built: Callable[[_FormSection], None],
    ) -> None:
        self.kind = kind
        self.page = QWidget()
        self.page.setObjectName(f"{kind.value}_page")
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._factory = factory
        self._on_built = on_built
        self._editor: _EDITOR | None = None
        self.view: ClinicalFormView | None = None
        self.saving = False

    @property
    def built(self) -> bool:
        return self._editor is not None

    @property
    def editor(self) -> _EDITOR:
        if self._editor is None:
            editor = self._factory()
            self._editor = editor
            self.page.layout().addWidget(editor)
            if self.view is not None:
                editor.set_content(self.view.content)  # type: ignore[arg-type]
                editor.set_read_only(self.view.read_only)
            self._on_built(self)
        return self._editor

    def content(self) -> FormContent | None:
        """The entries (the editor's), or the form as loaded while no editor exists."""
        if self._editor is not None:
            return self._editor.content()
        return self.view.content if self.view is not None else None

    def load(self, view: ClinicalFormView) -> None:
        self.view = view
        if self._editor is not None:
            self._editor.set_content(view.content)  # type: ignore[arg-type]
            self._editor.set_read_only(view.read_only)

    def rebase(self, view: ClinicalFormView) -> None:
        """Keep the entries; take ``view`` as the version they will replace."""
        self.view = view

    @property
    def read_only(self) -> bool:
        return self.view is None or self.view.read_only

    def is_modified(self) -> bool:
        if self.view is None or self.read_only or self._editor is None:
            return False
        return self._editor.content() != self.view.content


# --------------------------------------------------------------------- conflict dialog


def _change_lines(changes: list[Change]) -> list[str]:
    return [str(change) for change in changes] or [_tr(_NO_CHANGE)]


class FormConflictDialog(QDialog):
    """Someone saved the form meanwhile: both sides, and what to keep.

    Left, the user's entries (what they changed since they opened the form);
    right, the version saved by the other user (what that user changed). The
    user's entries are never dropped without their choice:

    * **Keep my entries** — the form keeps them, now over the other version:
      saving again replaces it (the other version stays in the history);
    * **Take the saved version** — the form shows the saved version (the user's
      entries remain readable here until the dialog closes, and can be copied).
    """

    KEEP_MINE = 1
    TAKE_THEIRS = 2

    def __init__(
        self,
        kind: FormKind,
        base: FormContent,
        mine: FormContent,
        theirs: ClinicalFormView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("form_conflict_dialog")
        self.setWindowTitle(self.tr("Edit conflict — {form}").format(form=_tr(FORM_TITLES[kind])))
        self.choice = 0
        self.mine_lines = _change_lines(form_changes(base, mine))
        self.theirs_lines = _change_lines(form_changes(base, theirs.content))

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{name} saved this form on {when} while you were editing it. Nothing is "
                "lost: your entries are below, beside what they saved."
            ).format(name=theirs.saved_by or self.tr("Another user"), when=_when(theirs.saved_at))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        for title, lines, name in (
            (self.tr("Your entries (not saved)"), self.mine_lines, "mine_list"),
            (
                self.tr("Saved by {name}").format(name=theirs.saved_by or self.tr("another user")),
                self.theirs_lines,
                "theirs_list",
            ),
        ):
            column = QVBoxLayout()
            heading = QLabel(title)
            style.set_role(heading, "section")
            column.addWidget(heading)
            view = QListWidget()
            view.setObjectName(name)
            view.setWordWrap(True)
            view.addItems(lines)
            column.addWidget(view)
            columns.addLayout(column)
        layout.addLayout(columns, 1)
        hint = QLabel(
            self.tr(
                "Keep your entries to save them over the other version (it stays in the "
                "history), or take the saved version and enter your changes again."
            )
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        keep = buttons.addButton(self.tr("Keep my entries"), QDialogButtonBox.ButtonRole.AcceptRole)
        keep.setObjectName("keep_mine_button")
        take = buttons.addButton(
            self.tr("Take the saved version"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        take.setObjectName("take_theirs_button")
        keep.setDefault(True)
        keep.clicked.connect(lambda: self._choose(self.KEEP_MINE))
        take.clicked.connect(lambda: self._choose(self.TAKE_THEIRS))
        layout.addWidget(buttons)
        self.resize(860, 460)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:  # Esc, the close button: the safe choice
        self.choice = self.KEEP_MINE
        super().accept()


# ---------------------------------------------------------------------- patient picker


class PatientPickerDialog(QDialog):
    """Choose a patient file the user may open (to link a relative to it)."""

    sig_results_shown = Signal()  # tests

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        exclude: int,
        person: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_picker_dialog")
        self.setWindowTitle(self.tr("Link to a patient file"))
        self._session = session
        self._tasks = tasks
        self._exclude = exclude
        self._seq = 0
        self.chosen: tuple[int, str] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the patient file of {person}. The link is shown only to users who "
                "may open both files."
            ).format(person=person)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("picker_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Name, first name or birth date…"))
        layout.addWidget(self.search_edit)
        self.results = QListWidget()
        self.results.setObjectName("picker_results")
        layout.addWidget(self.results, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Link"))
        self.ok_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self._search)
        self.results.currentRowChanged.connect(lambda row: self.ok_button.setEnabled(row >= 0))
        self.results.itemDoubleClicked.connect(lambda _item: self._on_ok())
        self.resize(520, 420)

    def _search(self, text: str) -> None:
        self._seq += 1
        seq = self._seq
        if len(text.strip()) < 2:
            self.results.clear()
            return
        self._tasks.run(
            self._session.patients.search,
            text,
            on_success=lambda result, s=seq: self._show(s, result),
            owner=self,
        )

    def _show(self, seq: int, result: SearchResult) -> None:
        if seq != self._seq:
            return
        self.results.clear()
        for row in result.rows:
            if row.id == self._exclude:
                continue
            label = f"{row.birth_name} {row.first_names}".strip()
            text = f"{label} — {format_date(row.birth_date)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (row.id, label))
            self.results.addItem(item)
        self.sig_results_shown.emit()

    def _on_ok(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()


# ---------------------------------------------------------------------- history panel


class RevisionHistoryPanel(QWidget):
    """The Historique tab: every saved version, read-only, with what changed."""

    sig_restore_requested = Signal(object)  # the ClinicalFormView to put back in its tab
    sig_revision_shown = Signal()  # tests

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revision_history_panel")
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self.shown: ClinicalFormView | None = None
        self._seq = 0

        # Above: the versions and what changed, side by side; below, the whole width for
        # the version shown (the family needs it: table, person, pedigree).
        self.tree = QTreeWidget()
        self.tree.setObjectName("revision_tree")
        self.tree.setHeaderLabels([self.tr("Version"), self.tr("Saved on"), self.tr("By")])
        self.tree.setRootIsDecorated(True)
        changes_box = QWidget()
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_title = QLabel(self.tr("Changes from the previous version"))
        style.set_role(changes_title, "hint")
        changes_layout.addWidget(changes_title)
        self.changes_list = QListWidget()
        self.changes_list.setObjectName("changes_list")
        self.changes_list.setWordWrap(True)
        changes_layout.addWidget(self.changes_list, 1)
        top_splitter = QSplitter(Qt.Orientation.Horizontal)
        top_splitter.addWidget(self.tree)
        top_splitter.addWidget(changes_box)
        top_splitter.setStretchFactor(0, 45)
        top_splitter.setStretchFactor(1, 55)

        title_row = QHBoxLayout()
        self.title_label = QLabel(self.tr("Choose a version above."))
        self.title_label.setObjectName("revision_title_label")
        self.title_label.setWordWrap(True)
        style.set_role(self.title_label, "section")
        title_row.addWidget(self.title_label, 1)
        self.restore_button = QPushButton(self.tr("Restore this version…"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setToolTip(
            self.tr(
                "Puts this version back in its tab as your entries; saving makes it the "
                "current version (the others stay in the history)."
            )
        )
        self.restore_button.hide()
        self.restore_button.clicked.connect(
            lambda: self.sig_restore_requested.emit(self.shown) if self.shown else None
        )
        title_row.addWidget(self.restore_button)
        self.stack = QStackedWidget()
        self._today = today
        self._patient_context: tuple[date, str] | None = None
        # The read-only viewers are built when a first version is shown (opening the
        # file stays quick).
        self._history_view: HistoryEditor | None = None
        self._genetics_view: GeneticsEditor | None = None
        self._family_view: FamilyEditor | None = None
        self.empty_label = QLabel(self.tr("No clinical form of this file has been saved yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty_label)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(title_row)
        bottom_layout.addWidget(self.stack, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_splitter)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 25)
        splitter.setStretchFactor(1, 75)
        splitter.setSizes([170, 530])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tree.currentItemChanged.connect(self._on_current_changed)

    def set_patient(self, *, birth_date: date, sex: str) -> None:
        self._patient_context = (birth_date, sex)
        if self._history_view is not None:
            self._history_view.set_patient(birth_date=birth_date, sex=sex)

    @property
    def history_view(self) -> HistoryEditor:
        if self._history_view is None:
            view = HistoryEditor(today=self._today)
            view.set_read_only(True)
            if self._patient_context is not None:
                birth_date, sex = self._patient_context
                view.set_patient(birth_date=birth_date, sex=sex)
            self.stack.addWidget(view)
            self._history_view = view
        return self._history_view

    @property
    def genetics_view(self) -> GeneticsEditor:
        if self._genetics_view is None:
            view = GeneticsEditor(today=self._today)
            view.set_read_only(True)
            self.stack.addWidget(view)
            self._genetics_view = view
        return self._genetics_view

    @property
    def family_view(self) -> FamilyEditor:
        if self._family_view is None:
            view = FamilyEditor(today=self._today)
            view.set_read_only(True)
            view.set_canrisk_enabled(False)
            self.stack.addWidget(view)
            self._family_view = view
        return self._family_view

    def refresh(self) -> None:
        """Reload the list of versions (after a save, on opening the tab)."""
        self._tasks.run(self._list_all, on_success=self._show_list, owner=self, label=None)

    def _list_all(self) -> dict[FormKind, list[RevisionSummary]]:
        return {
            kind: self._session.forms.revisions(self._patient_id, kind)
            for kind in (FormKind.FAMILY, FormKind.HISTORY, FormKind.GENETICS)
        }

    def _show_list(self, revisions: dict[FormKind, list[RevisionSummary]]) -> None:
        self.tree.clear()
        for kind, summaries in revisions.items():
            parent = QTreeWidgetItem(
                [
                    _tr(FORM_TITLES[kind]),
                    "",
                    self.tr("{count} version(s)").format(count=len(summaries)),
                ]
            )
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for summary in summaries:
                label = self.tr("No. {revision}").format(revision=summary.revision)
                if summary.current:
                    label = self.tr("No. {revision} (current)").format(revision=summary.revision)
                item = QTreeWidgetItem([label, _when(summary.saved_at), summary.saved_by])
                item.setData(0, Qt.ItemDataRole.UserRole, (kind, summary.revision))
                parent.addChild(item)
            parent.setExpanded(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if not any(revisions.values()):
            self.stack.setCurrentWidget(self.empty_label)
            self.title_label.setText(self.tr("No saved version yet."))

    def revision_items(self) -> list[QTreeWidgetItem]:
        items = []
        for top in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(top)
            items += [parent.child(row) for row in range(parent.childCount())]
        return items

    def _on_current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not data:
            return
        kind, number = data
        self.show_revision(kind, number)

    def show_revision(self, kind: FormKind, number: int) -> None:
        self._seq += 1
        self._tasks.run(
            self._revision_pair,
            kind,
            number,
            on_success=lambda pair, s=self._seq: self._show_revision(s, *pair),
            on_failure=lambda exc: self.title_label.setText(error_text(exc)),
            owner=self,
            writer=True,
        )

    def _revision_pair(
        self, kind: FormKind, number: int
    ) -> tuple[ClinicalFormView, ClinicalFormView | None]:
        shown = self._session.forms.revision(self._patient_id, kind, number)
        previous = (
            self._session.forms.revision(self._patient_id, kind, number - 1) if number > 1 else None
        )
        return shown, previous

    def _show_revision(
        self, seq: int, shown: ClinicalFormView, previous: ClinicalFormView | None
    ) -> None:
        if seq != self._seq:
            return
        self.shown = shown
        title = self.tr("{form}, version no. {revision} — saved on {when} by {name}").format(
            form=_tr(FORM_TITLES[shown.kind]),
            revision=shown.revision,
            when=_when(shown.saved_at),
            name=shown.saved_by or "—",
        )
        if not shown.current:
            title += " " + self.tr("(read only)")
        self.title_label.setText(title)
        self.changes_list.clear()
        changes = form_changes(previous.content if previous else None, shown.content)
        self.changes_list.addItems(_change_lines(changes))
        editor: _EDITOR
        if shown.kind is FormKind.HISTORY:
            editor = self.history_view
        elif shown.kind is FormKind.GENETICS:
            editor = self.genetics_view
        else:
            editor = self.family_view
        editor.set_content(shown.content)  # type: ignore[arg-type]
        editor.set_read_only(True)
        if isinstance(editor, FamilyEditor):
            editor.set_link_labels(_link_labels(shown))
        self.stack.setCurrentWidget(editor)
        self.restore_button.setVisible(not shown.current and shown.access >= PatientAccess.WRITE)
        self.sig_revision_shown.emit()


# ------------------------------------------------------------------------------ window


class PatientFileWindow(QDialog):
    """One open patient file (see the module docstring)."""

    sig_identity_saved = Signal(object)  # PatientView
    sig_open_patient = Signal(int)  # a linked relative's own file
    sig_clinical_loaded = Signal()
    sig_saved = Signal()  # a save round ended with every section saved
    sig_transferred = Signal(int)  # this file now has another owner (the window closes)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient: PatientView,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_file_window")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self._session = session
        self._tasks = tasks
        self._today = today
        self.patient = patient
        self.sections: dict[FormKind, _FormSection] = {}
        self.clinical: ClinicalFile | None = None
        self.conflict_dialog: FormConflictDialog | None = None
        self.picker: PatientPickerDialog | None = None
        self.close_box: QMessageBox | None = None
        self._queue: list[Callable[[], None]] = []
        self._round_failed = False
        self._force_close = False
        self._close_when_saved = False
        self._links_shown = False
        self.share_panel: SharePanel | None = None
        self._share_page: QWidget | None = None  # the Partage tab, last (owner only)

        layout = QVBoxLayout(self)
        self.header_label = QLabel()
        self.header_label.setObjectName("file_header_label")
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.header_label, "header")
        layout.addWidget(self.header_label)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("file_banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)
        self.emergency_label = QLabel()
        self.emergency_label.setObjectName("emergency_label")
        self.emergency_label.setWordWrap(True)
        self.emergency_label.hide()
        layout.addWidget(self.emergency_label)

        self.followup_panel: FollowupPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("file_tabs")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.setDocumentMode(True)
        self.identity = PatientDialog(session, tasks, patient, parent=self, embedded=True)
        self.identity.sig_saved.connect(self._on_identity_saved)
        self.identity.sig_save_failed.connect(self._on_identity_save_failed)
        self.identity.sig_edited.connect(self._update_state)
        self.tabs.addTab(self.identity, self.tr("Identity"))
        # The Suivi tab: every role reading the file (a secretary sees exams and dates)
        if session.can(Permission.VIEW_PATIENTS):
            self.followup_panel = FollowupPanel(session, tasks, patient.id, today=today)
            self.tabs.addTab(self.followup_panel, self.tr("Follow-up"))
            self.sig_saved.connect(self._refresh_followup)
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("file_state_label")
        style.set_role(self.state_label, "hint")
        bottom.addWidget(self.state_label, 1)
        self.summary_button = QPushButton(icon("export"), self.tr("Summary (PDF)…"))
        self.summary_button.setObjectName("summary_button")
        self.summary_button.setToolTip(
            self.tr(
                "Preview the patient summary (identity, history, family and pedigree, "
                "genetics, scores) as saved; save or print it from there."
            )
        )
        self.summary_button.setAutoDefault(False)
        self.summary_button.hide()  # shown once the clinical forms are readable
        self.summary_button.clicked.connect(self.open_summary)
        bottom.addWidget(self.summary_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setToolTip(self.tr("Close this file (Ctrl+W)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.close_button)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Save every modified tab (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=self.close)

        self.notice: ClinicalAccessNotice | None = None
        self.scores_panel: ScoresPanel | None = None
        # Built when their tab is first shown (or when something needs them).
        self._history_panel: RevisionHistoryPanel | None = None
        self._documents_panel: DocumentsPanel | None = None
        self._revisions_page: QWidget | None = None
        self._documents_page: QWidget | None = None
        # what the Famille pedigree shows of the genetics form (a new editor shows nothing)
        self._pedigree_results: object = {}
        self.letter_dialog: QDialog | None = None
        self.summary_dialog: QDialog | None = None
        self.transfer_notice: QMessageBox | None = None
        self._show_patient(patient)
        if session.can(Permission.VIEW_CLINICAL):
            self._load_clinical()  # read in the background while the tabs are built
            self._build_clinical_tabs()
        else:
            self._update_state()
        if self.is_owner():
            self._share_page = _page("share_page")
            self.tabs.addTab(self._share_page, self.tr("Sharing"))
        if self.is_break_glass():
            show_banner(
                self.emergency_label,
                self.tr(
                    "Emergency access (break-the-glass) — read only, until you log out. "
                    "This access is logged, shown to the file's owner and reviewed by an "
                    "administrator."
                ),
                "warning",
                bold=True,
            )
            # the identity tab says why it is read-only: not "shared with you"
            self.identity._show_banner(  # noqa: SLF001 - the embedded form's banner
                self.tr("Read only: emergency access (break-the-glass)."), "hint"
            )
        self._fit_to_screen()

    def is_owner(self) -> bool:
        """The user owns this file (the Partage tab is theirs)."""
        actor = self._session.actor
        return self.patient.owner_id == actor.user_id and actor.role in (
            Role.PRACTITIONER,
            Role.GENETIC_COUNSELLOR,
        )

    def is_break_glass(self) -> bool:
        """The file is open only because the user broke the glass in this session."""
        return (
            self.patient.access == PatientAccess.READ
            and self.patient.id in self._session.ctx.break_glass
        )

    def _fit_to_screen(self) -> None:
        """1280×800 where it fits; maximized on a laptop screen (1366×768 and the like)."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or available.width() >= 1400 and available.height() >= 860:
            self.resize(1280, 800)
            return
        self.resize(min(1280, available.width()), min(800, available.height()))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # ------------------------------------------------------------------- header
    def _show_patient(self, patient: PatientView) -> None:
        fields = patient.fields
        name = f"{fields.birth_name} {fields.first_names}".strip()
        shown = name
        if fields.used_name and fields.used_name != fields.birth_name:
            shown = self.tr("{used} (birth name {birth}) {first}").format(
                used=fields.used_name, birth=fields.birth_name, first=fields.first_names
            )
        day = format_date(fields.birth_date) if fields.birth_date else "—"
        if fields.sex == "F":
            born = self.tr("born on {date}", "female").format(date=day)
        elif fields.sex == "M":
            born = self.tr("born on {date}", "male").format(date=day)
        else:
            born = self.tr("born on {date}").format(date=day)
        self.header_label.setText(
            self.tr("{name} — {born} — {sex} — INS: {ins}").format(
                name=shown,
                born=born,
                sex=sex_label(fields.sex),
                ins=ins_status_label(fields.ins_status),
            )
        )
        self.setWindowTitle(self.tr("{name} — patient file").format(name=name))

    # ---------------------------------------------------------- clinical tabs
    def _load_clinical(self) -> None:
        self.state_label.setText(self.tr("Opening the clinical forms…"))
        self._tasks.run(
            load_clinical_file,
            self._session,
            self.patient.id,
            on_success=self._on_clinical_loaded,
            on_failure=self._on_clinical_failed,
            label=self.tr("Opening the clinical forms…"),
            owner=self,
            writer=True,
        )

    def _on_clinical_access_changed(self, state: str) -> None:
        if state == ClinicalAccess.GRANTED and self.notice is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.notice))
            self.notice.deleteLater()
            self.notice = None
            self._build_clinical_tabs()
            self._load_clinical()

    def _build_clinical_tabs(self) -> None:
        """The clinical tabs, made before the forms arrive (and before the window is
        shown) but hidden until they hold their content. The Famille editor is built at
        once (the pedigree is what one opens a file for); the Antécédents and Génétique
        editors when first needed (their tab shown, a score, a save)."""
        self._pedigree_results = {}
        # Saved in this order: the genetics form names relatives of the family as saved.
        for kind, factory in (
            (FormKind.HISTORY, self._make_history_editor),
            (FormKind.FAMILY, self._make_family_editor),
            (FormKind.GENETICS, self._make_genetics_editor),
        ):
            self.sections[kind] = _FormSection(kind, factory, self._on_editor_built)
        self.scores_panel = ScoresPanel()
        self.scores_panel.setObjectName("scores_panel")
        self.scores_panel.sig_person_activated.connect(self._on_score_person_activated)
        self._revisions_page = _page("revisions_page")
        self._documents_page = _page("documents_tab_page")
        for widget, title in (
            (self.sections[FormKind.HISTORY].page, self.tr("Personal history")),
            (self.sections[FormKind.FAMILY].page, self.tr("Family")),
            (self.sections[FormKind.GENETICS].page, self.tr("Genetics")),
            (self.scores_panel, self.tr("Scores")),
            (self._documents_page, self.tr("Documents")),
            (self._revisions_page, self.tr("History")),
        ):
            self.tabs.setTabVisible(self._add_tab(widget, title), False)
        if self.followup_panel is not None:  # Suivi comes after the clinical forms
            here = self.tabs.indexOf(self.followup_panel)
            there = self.tabs.indexOf(self._documents_page)
            self.tabs.tabBar().moveTab(here, there - 1 if here < there else there)
        self.sections[FormKind.FAMILY].editor  # noqa: B018 - built now, see above

    def _add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab, before the Partage tab (which stays last)."""
        if self._share_page is not None:
            return self.tabs.insertTab(self.tabs.indexOf(self._share_page), widget, title)
        return self.tabs.addTab(widget, title)

    @property
    def history_panel(self) -> RevisionHistoryPanel | None:
        """The Historique tab's panel (built, and its list read, on first use)."""
        if self._history_panel is None and self._revisions_page is not None:
            fields = self.patient.fields
            panel = RevisionHistoryPanel(
                self._session, self._tasks, self.patient.id, today=self._today
            )
            panel.set_patient(birth_date=fields.birth_date, sex=fields.sex)
            panel.sig_restore_requested.connect(self._on_restore_requested)
            self._revisions_page.layout().addWidget(panel)
            self._history_panel = panel
            panel.refresh()
        return self._history_panel

    @property
    def documents_panel(self) -> DocumentsPanel | None:
        """The Documents tab's panel (built, and its list read, on first use)."""
        if self._documents_panel is None and self._documents_page is not None:
            panel = DocumentsPanel(self._session, self._tasks, self.patient.id, today=self._today)
            panel.setObjectName("documents_panel")
            panel.set_read_only(self.patient.access < PatientAccess.WRITE)
            # A consent's signed form is chosen among the file's attachments.
            panel.sig_documents_loaded.connect(self._share_documents)
            self._documents_page.layout().addWidget(panel)
            self._documents_panel = panel
        return self._documents_panel

    def build_share_panel(self) -> SharePanel | None:
        """The Partage tab's panel (built, and the accesses read, on first use)."""
        if self.share_panel is None and self._share_page is not None:
            fields = self.patient.fields
            label = f"{fields.birth_name} {fields.first_names}".strip()
            panel = SharePanel(self._session, self._tasks, self.patient.id, label)
            panel.may_transfer = lambda: not self.is_modified()
            panel.sig_transferred.connect(self._on_transferred)
            self._share_page.layout().addWidget(panel)
            self.share_panel = panel
        return self.share_panel

    def _on_transferred(self, successor: object) -> None:
        """The file has a new owner: the former owner keeps no access, so its window
        closes (a note says so, over the patient list)."""
        name = getattr(successor, "display_name", "")
        fields = self.patient.fields
        box = QMessageBox(self.parentWidget())
        box.setObjectName("transfer_notice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("File transferred"))
        box.setText(
            self.tr("The file of {patient} now belongs to {name}.").format(
                patient=f"{fields.birth_name} {fields.first_names}".strip(), name=name
            )
        )
        box.setInformativeText(
            self.tr("Its window is closed: you no longer have access to it unless they share it.")
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.transfer_notice = box
        box.open()
        self.sig_transferred.emit(self.patient.id)
        self.discard_and_close()

    def _make_history_editor(self) -> HistoryEditor:
        editor = HistoryEditor(today=self._today)
        editor.setObjectName("history_editor")
        fields = self.patient.fields
        editor.set_patient(birth_date=fields.birth_date, sex=fields.sex)
        editor.sig_changed.connect(self._update_scores)
        return editor

    def _make_family_editor(self) -> FamilyEditor:
        editor = FamilyEditor(today=self._today)
        editor.setObjectName("family_editor")
        editor.sig_changed.connect(self._update_genetics_context)
        editor.sig_changed.connect(self._update_scores)
        editor.sig_link_requested.connect(self._on_link_requested)
        editor.sig_open_linked.connect(self.sig_open_patient)
        editor.sig_exported.connect(self._on_canrisk_exported)
        return editor

    def _on_canrisk_exported(self, path: str) -> None:
        """A CanRisk file left the application: logged, or taken back if it cannot be."""

        def failed(exc: BaseException) -> None:
            Path(path).unlink(missing_ok=True)
            self._show_banner(
                self.tr(
                    "The CanRisk file was removed: its export could not be logged. {error}"
                ).format(error=error_text(exc)),
                "error",
            )

        self._tasks.run(
            self._session.forms.record_export,
            self.patient.id,
            FormKind.FAMILY,
            "canrisk",
            on_failure=failed,
            owner=self,
        )

    def _make_genetics_editor(self) -> GeneticsEditor:
        editor = GeneticsEditor(today=self._today)
        editor.setObjectName("genetics_editor")
        editor.sig_changed.connect(self._update_pedigree_results)
        editor.sig_changed.connect(self._update_scores)
        editor.sig_letter_requested.connect(self._on_letter_requested)
        return editor

    def _on_editor_built(self, section: _FormSection) -> None:
        section.editor.sig_changed.connect(self._update_state)
        if section.kind is FormKind.GENETICS:
            self._update_genetics_context()
            if self.documents_panel is not None:  # builds it: its list feeds the consents
                self._share_documents()
        elif section.kind is FormKind.FAMILY and section.view is not None:
            self._show_link_labels(section.view)

    def _share_documents(self, *_args: object) -> None:
        section = self.sections.get(FormKind.GENETICS)
        panel = self._documents_panel
        if section is not None and section.built and panel is not None:
            section.editor.set_documents(  # type: ignore[union-attr]
                [(d.id, d.title) for d in panel.documents()]
            )

    def _refresh_followup(self) -> None:
        """The forms saved: the plan was recomputed with them; show it again if shown."""
        panel = self.followup_panel
        if panel is not None and panel.data is not None:
            panel.refresh()

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None and page is self._share_page:
            self.build_share_panel()
            return
        panel = self.followup_panel
        if panel is not None and page is panel and panel.data is None:
            panel.refresh()  # read when first shown
        if not self.sections:  # the identity tab, while the window is being built
            return
        if page is not None and page is self._revisions_page:
            self.history_panel  # noqa: B018 - builds it
        elif page is not None and page is self._documents_page:
            self.documents_panel  # noqa: B018 - builds it
        for section in self.sections.values():
            if section.page is page and not section.built:
                section.editor  # noqa: B018 - builds it, with its content

    def _update_scores(self) -> None:
        """The scores follow the entries as they are typed (not only what is saved)."""
        if self.scores_panel is None or not self.sections:
            return
        history = self.sections[FormKind.HISTORY].content()
        family = self.sections[FormKind.FAMILY].content()
        genetics = self.sections[FormKind.GENETICS].content()
        if history is None or family is None:
            return
        genes = (
            tuple(sorted({v.gene for v in positive_variants(genetics)}))  # type: ignore[arg-type]
            if genetics is not None
            else ()
        )
        fields = self.patient.fields
        self.scores_panel.set_inputs(
            history,  # type: ignore[arg-type]
            family,  # type: ignore[arg-type]
            birth_date=fields.birth_date,
            sex=fields.sex,
            variant_genes=genes,
        )

    def _update_genetics_context(self) -> None:
        """The Génétique tab knows the relatives as entered; the pedigree shows its results."""
        section = self.sections.get(FormKind.GENETICS)
        family = self.sections[FormKind.FAMILY].content() if self.sections else None
        if section is not None and section.built and isinstance(family, Family):
            section.editor.set_context(  # type: ignore[union-attr]
                birth_date=self.patient.fields.birth_date, family=family
            )
        self._update_pedigree_results()

    def _update_pedigree_results(self) -> None:
        """The Famille pedigree and table show the genetics form's results."""
        if not self.sections:
            return
        family_section = self.sections[FormKind.FAMILY]
        genetics = self.sections[FormKind.GENETICS].content()
        family = family_section.content()
        if family_section.built and isinstance(genetics, Genetics) and isinstance(family, Family):
            results = genetics_results(genetics, family)
            if results == self._pedigree_results:
                return  # unchanged: no redraw
            self._pedigree_results = results
            family_section.editor.set_genetics_results(results)  # type: ignore[union-attr]

    def _on_letter_requested(self, chosen: tuple[str, ...]) -> None:
        editor = self.genetics_editor
        if editor is None:
            return
        section = self.sections[FormKind.GENETICS]
        self.letter_dialog = open_relatives_letter(
            editor,
            self._session,
            self._tasks,
            self.patient.id,
            chosen,
            unsaved=section.is_modified() or self.sections[FormKind.FAMILY].is_modified(),
            parent=self,
        )

    def _on_score_person_activated(self, person_id: str) -> None:
        editor = self.family_editor
        if editor is not None:
            self.tabs.setCurrentWidget(self.sections[FormKind.FAMILY].page)
            editor.select_person(person_id)

    def _drop_clinical_tabs(self) -> None:
        widgets = [section.page for section in self.sections.values()]
        pages = [self.scores_panel, self._documents_page, self._revisions_page]
        for widget in [*widgets, *pages]:
            if widget is not None and self.tabs.indexOf(widget) >= 0:
                self.tabs.removeTab(self.tabs.indexOf(widget))
                widget.deleteLater()
        self.sections.clear()
        self._history_panel = None
        self._documents_panel = None
        self._revisions_page = None
        self._documents_page = None
        self.scores_panel = None

    def _on_clinical_loaded(self, clinical: ClinicalFile) -> None:
        self.clinical = clinical
        if clinical.refused is not None or None in (
            clinical.history,
            clinical.family,
            clinical.genetics,
        ):
            state = (
                clinical_access_state_of(clinical.refused) if clinical.refused else None
            ) or ClinicalAccess.AWAITING_APPROVAL
            self._drop_clinical_tabs()
            self.notice = ClinicalAccessNotice(
                state, session=self._session, tasks=self._tasks, parent=self
            )
            self.notice.setObjectName("clinical_access_notice")
            self.notice.sig_access_changed.connect(self._on_clinical_access_changed)
            self._add_tab(self.notice, self.tr("Clinical data"))
            self._update_state()
            self.sig_clinical_loaded.emit()
            return
        for section, view in (
            (self.sections[FormKind.HISTORY], clinical.history),
            (self.sections[FormKind.FAMILY], clinical.family),
            (self.sections[FormKind.GENETICS], clinical.genetics),
        ):
            if view is not None:
                section.load(view)
        self._show_link_labels(clinical.family)
        self._update_genetics_context()
        self.summary_button.show()
        self._update_scores()
        for index in range(1, self.tabs.count()):
            self.tabs.setTabVisible(index, True)
        if self._history_panel is not None:
            self._history_panel.refresh()
        self._update_state()
        self.sig_clinical_loaded.emit()

    def _on_clinical_failed(self, exc: BaseException) -> None:
        self._show_banner(error_text(exc), "error")
        self._update_state()
        self.sig_clinical_loaded.emit()

    def _show_link_labels(self, view: ClinicalFormView) -> None:
        """Name the linked files of ``view`` (display only: not an edit)."""
        editor = self.family_editor
        labels = _link_labels(view)
        if editor is not None and (labels or self._links_shown):
            editor.set_link_labels(labels)
            self._links_shown = bool(labels)

    @property
    def history_editor(self) -> HistoryEditor | None:
        section = self.sections.get(FormKind.HISTORY)
        return section.editor if section else None  # type: ignore[return-value]

    @property
    def genetics_editor(self) -> GeneticsEditor | None:
        section = self.sections.get(FormKind.GENETICS)
        return section.editor if section else None  # type: ignore[return-value]

    @property
    def family_editor(self) -> FamilyEditor | None:
        section = self.sections.get(FormKind.FAMILY)
        return section.editor if section else None  # type: ignore[return-value]

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(index) for index in range(self.tabs.count())]

    def show_tab(self, widget: QWidget) -> None:
        """Show the tab of ``widget`` (a tab page, or a clinical form's editor)."""
        for section in self.sections.values():
            if section.built and widget is section.editor:
                widget = section.page
        if widget is not None and widget is self._history_panel:
            widget = self._revisions_page
        elif widget is not None and widget is self._documents_panel:
            widget = self._documents_page
        elif widget is not None and widget is self.share_panel:
            widget = self._share_page
        self.tabs.setCurrentWidget(widget)

    # -------------------------------------------------------------------- links
    def _on_link_requested(self, person_id: str) -> None:
        editor = self.family_editor
        if editor is None:
            return
        family = editor.content()
        person = family.get(person_id)
        label = person.name if person is not None and person.name.strip() else person_id
        picker = PatientPickerDialog(
            self._session, self._tasks, exclude=self.patient.id, person=label, parent=self
        )
        self.picker = picker

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and picker.chosen is not None:
                patient_id, name = picker.chosen
                editor.set_person_link(person_id, patient_id, name)
            picker.deleteLater()

        picker.finished.connect(done)
        picker.open()

    # ------------------------------------------------------------------- state
    def modified_sections(self) -> list[str]:
        """Titles of the tabs with unsaved entries."""
        titles = []
        if self.identity.is_modified():
            titles.append(self.tr("Identity"))
        titles += [
            _tr(FORM_TITLES[kind])
            for kind, section in self.sections.items()
            if section.is_modified()
        ]
        return titles

    def is_modified(self) -> bool:
        return bool(self.modified_sections())

    def _update_state(self) -> None:
        modified = self.modified_sections()
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            title = self.tabs.tabText(index).rstrip(" •")
            dirty = (widget is self.identity and self.identity.is_modified()) or any(
                section.page is widget and section.is_modified()
                for section in self.sections.values()
            )
            self.tabs.setTabText(index, f"{title} •" if dirty else title)
        read_only = self.patient.access < PatientAccess.WRITE
        if read_only and self.is_break_glass():
            self.state_label.setText(self.tr("Read only: emergency access (break-the-glass)."))
        elif read_only:
            self.state_label.setText(
                self.tr("Read only: this file is shared with you for reading.")
            )
        elif modified:
            self.state_label.setText(self.tr("Not saved: {tabs}.").format(tabs=", ".join(modified)))
        else:
            self.state_label.setText(self.tr("Everything is saved."))
        self.save_button.setEnabled(bool(modified) and not read_only and not self._queue)
        self.save_button.setVisible(not read_only)

    def _show_banner(self, text: str, kind: str = "error") -> None:
        show_banner(self.banner_label, text, kind)

    # -------------------------------------------------------------------- save
    def save(self) -> None:
        """Save every modified section, one after the other (each its own version)."""
        if self._queue or self.patient.access < PatientAccess.WRITE:
            return
        steps: list[Callable[[], None]] = []
        problems_at: QWidget | None = None
        for section in self.sections.values():
            if not section.is_modified():
                continue
            if section.editor.problems():
                problems_at = problems_at or section.page
                continue
            steps.append(lambda s=section: self._save_section(s))
        if self.identity.is_modified():
            if self.identity.can_save():
                steps.insert(0, self._save_identity)
            else:
                problems_at = problems_at or self.identity
        if problems_at is not None:
            self.tabs.setCurrentWidget(problems_at)
            self._show_banner(
                self.tr(
                    "Some entries are not valid: nothing was saved. Each problem is shown at "
                    "its field."
                ),
                "error",
            )
            return
        if not steps:
            return
        self._show_banner("")
        self._round_failed = False
        self._queue = steps
        self._update_state()
        self._next_step()

    def _next_step(self) -> None:
        if not self._queue:
            self._update_state()
            return
        step = self._queue[0]
        step()

    def _step_done(self, ok: bool) -> None:
        if self._queue:
            self._queue.pop(0)
        if not ok:
            self._round_failed = True
        if self._queue:
            self._next_step()
            return
        self._update_state()
        close = self._close_when_saved
        self._close_when_saved = False
        if not self._round_failed:
            self.sig_saved.emit()
            if close:
                self.discard_and_close()

    def _save_identity(self) -> None:
        self.identity.save()

    def _on_identity_saved(self, patient: PatientView) -> None:
        self.patient = patient
        self._show_patient(patient)
        fields = patient.fields
        if self.history_editor is not None:
            self.history_editor.set_patient(birth_date=fields.birth_date, sex=fields.sex)
        self._update_scores()
        self.sig_identity_saved.emit(patient)
        self._step_done(True)

    def _on_identity_save_failed(self) -> None:
        self.tabs.setCurrentWidget(self.identity)
        self._step_done(False)

    def _save_section(self, section: _FormSection) -> None:
        assert section.view is not None
        section.saving = True
        sent = section.editor.content()
        self._tasks.run(
            self._session.forms.save,
            self.patient.id,
            section.kind,
            sent,
            expected_version=section.view.version,
            on_success=lambda view, s=section, c=sent: self._on_section_saved(s, view, c),
            on_failure=lambda exc, s=section: self._on_section_failed(s, exc),
            label=self.tr("Saving {form}…").format(form=_tr(FORM_TITLES[section.kind]).lower()),
            owner=self,
        )

    def _on_section_saved(
        self, section: _FormSection, view: ClinicalFormView, sent: FormContent
    ) -> None:
        section.saving = False
        typed_since = section.editor.content() != sent
        section.view = view
        if not typed_since and view.content != sent:
            # The service put back links this reader may not see: show what was saved.
            section.load(view)
        # Otherwise what was typed while the save ran stays, now over the saved version.
        if section.kind is FormKind.FAMILY:
            self._show_link_labels(view)
        if self._history_panel is not None:
            self._history_panel.refresh()
        self._step_done(True)

    def _on_section_failed(self, section: _FormSection, exc: BaseException) -> None:
        section.saving = False
        self.tabs.setCurrentWidget(section.page)
        if isinstance(exc, ConcurrentEditError) and "current" in exc.params:
            self._step_done(False)
            self._open_conflict(section, exc.params["current"])
            return
        if isinstance(exc, FormValidationError):
            section.editor.show_problems(exc.problems)
        self._show_banner(error_text(exc), "error")
        self._step_done(False)

    def _open_conflict(self, section: _FormSection, theirs: ClinicalFormView) -> None:
        assert section.view is not None
        dialog = FormConflictDialog(
            section.kind, section.view.content, section.editor.content(), theirs, self
        )
        self.conflict_dialog = dialog

        def done(_result: int) -> None:
            if dialog.choice == FormConflictDialog.TAKE_THEIRS:
                section.load(theirs)
                if section.kind is FormKind.FAMILY:
                    self._show_link_labels(theirs)
                self._show_banner(self.tr("The version saved by the other user is shown."), "hint")
            else:
                section.rebase(theirs)
                self._show_banner(
                    self.tr(
                        "Your entries are kept. Check them, then save: they will replace the "
                        "version saved meanwhile (it stays in the history)."
                    ),
                    "warning",
                )
            self._update_genetics_context()
            self._update_scores()
            self._update_state()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def _on_restore_requested(self, view: ClinicalFormView) -> None:
        section = self.sections.get(view.kind)
        if section is None or section.read_only:
            return
        section.editor.set_content(view.content)  # type: ignore[arg-type]
        if isinstance(section.editor, FamilyEditor):
            section.editor.set_link_labels(_link_labels(view))
        section.editor.sig_changed.emit()
        self._update_genetics_context()
        self._update_scores()
        self.tabs.setCurrentWidget(section.page)
        self._show_banner(
            self.tr(
                "Version no. {revision} is back in the form. Save to make it the current version."
            ).format(revision=view.revision),
            "hint",
        )
        self._update_state()

    # ------------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self._confirm_close():
            if self._documents_panel is not None:
                self._documents_panel.release()
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc
        if self._confirm_close():
            super().reject()

    def open_summary(self) -> None:
        """The summary PDF of the file as saved (a note says so when entries are not)."""
        if self.clinical is None or self.clinical.refused is not None:
            return
        self.summary_dialog = open_summary_preview(
            self._session,
            self._tasks,
            self.patient.id,
            unsaved=self.is_modified(),
            parent=self,
        )

    def on_screen_locked(self) -> None:
        """The idle lock covers this window: no attachment stays decrypted in memory."""
        if self._documents_panel is not None:
            self._documents_panel.release()

    def done(self, result: int) -> None:
        if self._documents_panel is not None:
            self._documents_panel.release()
        super().done(result)

    def discard_and_close(self) -> None:
        """Close without asking (the session ends): unsaved entries are dropped."""
        self._force_close = True
        self.close()

    def _confirm_close(self) -> bool:
        if self._force_close or not self.is_modified():
            return True
        box = QMessageBox(self)
        box.setObjectName("unsaved_box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(
            self.tr("This file has unsaved changes: {tabs}.").format(
                tabs=", ".join(self.modified_sections())
            )
        )
        box.setInformativeText(self.tr("Save them before closing?"))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("save_changes_button")
        discard = box.addButton(
            self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        discard.setObjectName("discard_button")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_close_button")
        box.setDefaultButton(save)
        self.close_box = box

        def clicked(button: Any) -> None:
            if button is save:
                self._close_when_saved = True
                self.save()
                if not self._queue:  # nothing could be saved (invalid entries)
                    self._close_when_saved = False
            elif button is discard:
                self.discard_and_close()

        box.buttonClicked.connect(clicked)
        box.finished.connect(box.deleteLater)
        box.open()
        return False
