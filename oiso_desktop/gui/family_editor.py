"""The Famille tab's editor: the people table, the selected person's panel, the pedigree.

A widget only: the patient-file window loads it (:meth:`FamilyEditor.set_content`),
reads it back (:meth:`FamilyEditor.content`) and saves through the services; the
editor never calls a service nor touches the database.

* Left: the people table (relationship to the proband derived, never typed) and,
  under it, the panel of the selected person (``person_panel.PersonPanel``): typing
  there changes the family at once. Right: the pedigree (``pedigree_scene``), redrawn
  after every edit, zoomable; a click on a symbol selects the person in the table
  and the other way round. Under it: the problems to correct and the CanRisk files.
* Keyboard entry: shortcuts on the selected person add in one step and select the
  new person, name ready to type (Ctrl+Shift+P parents, Ctrl+Shift+S brother or
  sister, Ctrl+Shift+E child, Ctrl+Shift+C partner, Ctrl+Delete or Delete in the
  table to remove, Ctrl+Z / Ctrl+Y to undo / redo). None collides with the window's
  Ctrl+S (save) and Ctrl+W (close).
* Validation is live (``family_checks.validate``): each problem under the input of
  the person concerned (when selected) and in the problems list, whose items
  select the person and focus the input. Ages are kept as typed ("~45", "40-49",
  "inconnu"); an age that does not read stays in its input, red, and is a problem.
* Every user edit emits ``sig_changed`` (loading with ``set_content`` does not).
* The results of the genetics form (``set_genetics_results``, ``set_proband_results``:
  the proband's class 4-5 variants as carrier marks) are shown in the table and on the
  pedigree beside those entered here, for display only: never in :meth:`content`.

CanRisk files (``family_canrisk.CanRiskFiles``): the import replaces the family (after
a confirmation when there is more than the proband) and counts as an edit; a file
with several families asks which one; a malformed file changes nothing and lists
every problem. The ``##key=value`` risk-factor lines of an imported file are part of
the family (``Family.risk_factors``, so of :meth:`content`: saved with the form) and
written back by the export. The export (CanRisk 2.0, written atomically) is what one
uploads to canrisk.org for BOADICEA risks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Family,
    GeneticResult,
    Person,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    person_label,
    remove_person,
    set_partnership,
    set_proband,
    set_twins,
    update_person,
)
from oiso_desktop.domain.family_checks import validate
from oiso_desktop.domain.genetics import with_results
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.family_canrisk import CanRiskFiles
from oiso_desktop.gui.family_dialogs import ChoiceDialog
from oiso_desktop.gui.family_labels import person_text
from oiso_desktop.gui.family_table_model import FamilyTableModel
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.pedigree_scene import PedigreeView
from oiso_desktop.gui.person_panel import PersonPanel
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner

__all__ = ["FamilyEditor"]
_AGE_CODES = (ErrorCode.AGE_FORMAT, ErrorCode.AGE_RANGE)  # their text does not name the person


@dataclass(frozen=True)
class _State:
    """What undo restores."""

    family: Family
    selected: str | None
    raw: Mapping[tuple[str, str], tuple[str, ValidationError]] = field(default_factory=dict)
    link_labels: Mapping[str, str] = field(default_factory=dict)
    canrisk_family_id: str = ""


class FamilyEditor(QWidget):
    """Edits a family: table, person panel, pedigree, problems, CanRisk files."""

    sig_changed = Signal()  # after every user edit (not after set_content)
    sig_open_linked = Signal(int)  # open the linked patient file of a relative
    sig_link_requested = Signal(str)  # link the person (id) to a patient file
    sig_exported = Signal(str)  # a CanRisk file was written (its path), e.g. for the log

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("family_editor")
        self._today = today or date.today()
        self._family = Family()
        self._selected: str | None = None
        self._undo: list[_State] = []
        self._redo: list[_State] = []
        self._merge_key: tuple[str, str] | None = None
        # Typed texts that do not read: (person id, field) -> (text, problem).
        self._raw: dict[tuple[str, str], tuple[str, ValidationError]] = {}
        self._link_labels: dict[str, str] = {}
        self._canrisk_family_id = ""
        # shown, never saved here: from the genetics form (by person id; the proband's)
        self._genetics_results: dict[str, tuple[GeneticResult, ...]] = {}
        self._proband_results: tuple[GeneticResult, ...] = ()
        self._live: list[ValidationError] = []
        self._service: list[ValidationError] = []
        self._shown: list[ValidationError] = []
        self._read_only = False
        self._canrisk_enabled = True
        self._syncing = False
        self._auto_fit = True
        self._fitting = False
        self._viewport: QWidget | None = None  # the pedigree's, watched for resizes
        self._sized = False  # the splitters get their first sizes when first shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        # --- actions on the selected person ------------------------------------------
        self.parents_action = self._action("add_parents", "user-add", ("Ctrl+Shift+P",))
        self.sibling_action = self._action("add_sibling", "user-add", ("Ctrl+Shift+S",))
        self.child_action = self._action("add_child", "user-add", ("Ctrl+Shift+E",))
        self.partner_action = self._action("add_partner", "user-add", ("Ctrl+Shift+C",))
        self.remove_action = self._action("remove_person", "cancel", ("Ctrl+Del",))
        self.undo_action = self._action("undo", "", ("Ctrl+Z",))
        self.redo_action = self._action("redo", "", ("Ctrl+Y", "Ctrl+Shift+Z"))
        self.parents_action.triggered.connect(self.add_parents)
        self.sibling_action.triggered.connect(self.add_sibling)
        self.child_action.triggered.connect(self.add_child)
        self.partner_action.triggered.connect(self.add_partner)
        self.remove_action.triggered.connect(self.remove_selected)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)

        self.edit_bar = QWidget()
        self.edit_bar.setObjectName("edit_bar")
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        self.action_buttons: dict[str, QToolButton] = {}
        for action in (
            self.parents_action,
            self.sibling_action,
            self.child_action,
            self.partner_action,
            self.remove_action,
        ):
            bar.addWidget(self._tool_button(action))
        bar.addSpacing(12)
        bar.addWidget(self._tool_button(self.undo_action))
        bar.addWidget(self._tool_button(self.redo_action))
        bar.addStretch(1)
        layout.addWidget(self.edit_bar)
        self.help_label = QLabel()
        self.help_label.setObjectName("shortcuts_label")
        self.help_label.setWordWrap(True)
        style.set_role(self.help_label, "hint")
        layout.addWidget(self.help_label)
        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.hide()
        layout.addWidget(self.message_label)

        # --- left: the table and the person's panel -----------------------------------
        self.model = FamilyTableModel(self)
        self._table = data_table("family_table", self.model, row_height=26)
        M = FamilyTableModel  # noqa: N806 - short alias for the column constants
        set_column_modes(
            self._table.horizontalHeader(),
            widths={M.COL_RELATIONSHIP: 165, M.COL_NAME: 80},
            contents=(M.COL_SEX, M.COL_BIRTH_AGE, M.COL_VITAL, M.COL_LINK),
            stretch=(M.COL_CANCERS, M.COL_RESULTS),
        )
        self._table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self._table.doubleClicked.connect(self._on_table_double_clicked)
        self._table.installEventFilter(self)
        self._delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self._table)
        self._delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete_shortcut.activated.connect(self.remove_selected)

        self.panel = PersonPanel()
        self.panel.sig_person_edited.connect(self._on_person_edited)
        self.panel.sig_raw_input.connect(self._on_raw_input)
        self.panel.sig_proband_requested.connect(self._on_proband_requested)
        self.panel.sig_twins_requested.connect(self._on_twins_requested)
        self.panel.sig_consanguinity_requested.connect(self._on_consanguinity_requested)
        self.panel.sig_couple_requested.connect(self._on_couple_requested)
        self.panel.sig_link_requested.connect(self.sig_link_requested.emit)
        self.panel.sig_open_linked.connect(self.sig_open_linked.emit)
        self.panel.sig_unlink_requested.connect(lambda pid: self.set_person_link(pid, None, ""))
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setObjectName("person_scroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Escape in the panel goes back to the table (arrows choose the next person).
        self._back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.panel_scroll)
        self._back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._back_shortcut.activated.connect(self._table.setFocus)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("family_left_splitter")
        self.left_splitter.addWidget(self._table)
        self.left_splitter.addWidget(self.panel_scroll)
        self.left_splitter.setStretchFactor(0, 1)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)

        # --- right: the pedigree, the problems, CanRisk ---------------------------------
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        zoom_bar = QHBoxLayout()
        self.pedigree_title = QLabel()
        self.pedigree_title.setStyleSheet("font-weight: bold;")
        zoom_bar.addWidget(self.pedigree_title)
        zoom_bar.addStretch(1)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setObjectName("zoom_out_button")
        self.zoom_out_button.setText("−")
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setObjectName("zoom_in_button")
        self.zoom_in_button.setText("+")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QToolButton()
        self.fit_button.setObjectName("fit_button")
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            zoom_bar.addWidget(widget)
        right_layout.addLayout(zoom_bar)
        self._pedigree_view = PedigreeView(today=self._today)
        self._pedigree_view.setMinimumSize(260, 200)
        self._pedigree_view.pedigree_scene.sig_person_selected.connect(self._on_symbol_clicked)
        self._pedigree_view.sig_zoom_changed.connect(self._on_zoom_changed)
        self._viewport = self._pedigree_view.viewport()
        self._viewport.installEventFilter(self)
        self.zoom_in_button.clicked.connect(self._zoom_in)
        self.zoom_out_button.clicked.connect(self._zoom_out)
        self.fit_button.clicked.connect(self.fit_pedigree)
        right_layout.addWidget(self._pedigree_view, 1)

        self.problems_title = QLabel()
        self.problems_title.setObjectName("problems_title")
        style.set_role(self.problems_title, "error")
        right_layout.addWidget(self.problems_title)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problem_list")
        self.problem_list.setWordWrap(True)
        self.problem_list.setMaximumHeight(120)
        self.problem_list.itemClicked.connect(self._on_problem_activated)
        self.problem_list.itemActivated.connect(self._on_problem_activated)
        right_layout.addWidget(self.problem_list)

        self.canrisk_box = QWidget()
        self.canrisk_box.setObjectName("canrisk_box")
        canrisk_layout = QVBoxLayout(self.canrisk_box)
        canrisk_layout.setContentsMargins(0, 2, 0, 0)
        canrisk_layout.setSpacing(2)
        canrisk_buttons = QHBoxLayout()
        self.import_button = QPushButton(icon("add"), "")
        self.import_button.setObjectName("canrisk_import_button")
        self.export_button = QPushButton(icon("export"), "")
        self.export_button.setObjectName("canrisk_export_button")
        self._canrisk = CanRiskFiles(self)
        self.import_button.clicked.connect(self._canrisk.ask_import)
        self.export_button.clicked.connect(self._canrisk.ask_export)
        canrisk_buttons.addWidget(self.import_button)
        canrisk_buttons.addWidget(self.export_button)
        canrisk_buttons.addStretch(1)
        canrisk_layout.addLayout(canrisk_buttons)
        self.canrisk_hint = QLabel()
        self.canrisk_hint.setObjectName("canrisk_hint")
        self.canrisk_hint.setWordWrap(True)
        style.set_role(self.canrisk_hint, "hint")
        canrisk_layout.addWidget(self.canrisk_hint)
        right_layout.addWidget(self.canrisk_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("family_splitter")
        self.splitter.addWidget(self.left_splitter)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 58)
        self.splitter.setStretchFactor(1, 42)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.retranslate()
        self._refresh()

    # ------------------------------------------------------------------ building
    def _action(self, name: str, icon_name: str, keys: Sequence[str]) -> QAction:
        action = QAction(self)
        action.setObjectName(f"{name}_action")
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setObjectName(action.objectName().replace("_action", "_button"))
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(False)
        self.action_buttons[action.objectName()] = button
        return button

    @staticmethod
    def _keys(action: QAction) -> str:
        return ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
        )

    def retranslate(self) -> None:
        texts = {
            self.parents_action: (
                self.tr("Parents"),
                self.tr("Add a father and a mother to the selected person ({keys})"),
            ),
            self.sibling_action: (
                self.tr("Brother or sister"),
                self.tr(
                    "Add a brother or sister to the selected person (same parents, added "
                    "first if missing) ({keys})"
                ),
            ),
            self.child_action: (
                self.tr("Child"),
                self.tr(
                    "Add a child to the selected person and their partner (a partner is "
                    "added when there is none) ({keys})"
                ),
            ),
            self.partner_action: (
                self.tr("Partner"),
                self.tr("Add a partner to the selected person ({keys})"),
            ),
            self.remove_action: (
                self.tr("Remove"),
                self.tr(
                    "Remove the selected person ({keys}, or Delete in the table); "
                    "remove their children first"
                ),
            ),
            self.undo_action: (self.tr("Undo"), self.tr("Undo the last change ({keys})")),
            self.redo_action: (self.tr("Redo"), self.tr("Redo the change undone ({keys})")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip.format(keys=self._keys(action)))
        self.help_label.setText(
            self.tr(
                "Keyboard, on the selected person: {parents} parents · {sibling} brother or "
                "sister · {child} child · {partner} partner · {remove} remove · {undo} undo. "
                "The new person is selected, name ready to type; Tab goes down the form, "
                "Esc back to the table (arrows, then Enter to edit)."
            ).format(
                parents=self._keys(self.parents_action),
                sibling=self._keys(self.sibling_action),
                child=self._keys(self.child_action),
                partner=self._keys(self.partner_action),
                remove=self.remove_action.shortcuts()[0].toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
                undo=self.undo_action.shortcuts()[0].toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        self.pedigree_title.setText(self.tr("Pedigree"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (−, or Ctrl+wheel)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+, or Ctrl+wheel)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole pedigree (0)"))
        self.import_button.setText(self.tr("Import a CanRisk file…"))
        self.import_button.setToolTip(
            self.tr(
                "Replace this family by one read from a CanRisk pedigree file (versions 1 to 4)"
            )
        )
        self.export_button.setText(self.tr("Export for CanRisk…"))
        self.export_button.setToolTip(
            self.tr(
                "Write the family as a CanRisk 2.0 pedigree file. CanRisk holds less than "
                "this form: approximate ages become their central value; only breast, "
                "ovarian, prostate and pancreatic cancers and the BOADICEA genes are written."
            )
        )
        self.canrisk_hint.setText(
            self.tr(
                "The exported file is the one to upload to the CanRisk tool (canrisk.org) "
                "to compute BOADICEA risks."
            )
        )
        self.zoom_label.setText(f"{round(self._pedigree_view.zoom * 100)} %")
        self._show_problem_list()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self._sized:
            # First show: the pedigree gets 42 % of the width, the table 40 % of the left.
            self._sized = True
            width = max(self.width(), 600)
            self.splitter.setSizes([width * 58 // 100, width - width * 58 // 100])
            height = max(self.left_splitter.height(), 300)
            self.left_splitter.setSizes([height * 40 // 100, height - height * 40 // 100])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            shown = self.displayed_family()
            self.model.set_family(shown, self._link_labels, self._problem_people())
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, FamilyTableModel.COLUMN_COUNT - 1
            )
            self._pedigree_view.set_family(shown)  # the drawing's words
            self._sync_views(self._selected)
            self._show_panel_problems()
        super().changeEvent(event)

    # ------------------------------------------------------------------ public API
    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def pedigree_view(self) -> PedigreeView:
        return self._pedigree_view

    def set_content(self, family: Family) -> None:
        """Load ``family``: undo, selection, typed texts and links of before are dropped."""
        self._family = family
        self._undo.clear()
        self._redo.clear()
        self._merge_key = None
        self._raw.clear()
        self._link_labels.clear()
        self._canrisk_family_id = ""
        self._service = []
        self._selected = None
        self._auto_fit = True
        self.show_message("")
        self._refresh(select=self._default_selection(family))
        self.fit_pedigree()

    def content(self) -> Family:
        """The family as edited now (texts that do not read are not in it: see problems())."""
        return self._family

    def set_genetics_results(self, results: Mapping[str, Sequence[GeneticResult]]) -> None:
        """Results of the genetics form to show, by person id (``GeneticsEditor.
        pedigree_results``): in the table and on the pedigree (carrier marks), where they
        replace the results of the same genes entered here. Display only: not an edit,
        never in :meth:`content`."""
        self._genetics_results = {pid: tuple(found) for pid, found in results.items()}
        self._show_displayed()

    def set_proband_results(self, results: Sequence[GeneticResult]) -> None:
        """The proband's results from the genetics form (``domain.genetics``: class 4-5
        variants as pathogenic results), shown like :meth:`set_genetics_results` on
        whoever is the proband. Display only."""
        self._proband_results = tuple(results)
        self._show_displayed()

    def displayed_family(self) -> Family:
        """The family as the table and the pedigree show it: :meth:`content` with the
        genetics form's results."""
        results = dict(self._genetics_results)
        proband = self._family.proband
        if proband is not None and self._proband_results:
            results[proband.id] = results.get(proband.id, ()) + self._proband_results
        return with_results(self._family, results)

    def _show_displayed(self) -> None:
        shown = self.displayed_family()
        self.model.set_family(shown, self._link_labels, self._problem_people())
        self._pedigree_view.set_family(shown)
        self._sync_views(self._selected)

    def set_read_only(self, read_only: bool) -> None:
        """No edit possible (revisions, read-only shares); selection and zoom still work."""
        self._read_only = read_only
        self.edit_bar.setVisible(not read_only)
        self.help_label.setVisible(not read_only)
        self.panel.set_read_only(read_only)
        self._update_actions()

    def is_read_only(self) -> bool:
        return self._read_only

    @property
    def today(self) -> date:
        return self._today

    def input_problems(self) -> list[ValidationError]:
        """The texts typed that do not read (an age "quarante"): not in content()."""
        return [
            problem
            for (person_id, _), (_, problem) in self._raw.items()
            if self._family.get(person_id) is not None
        ]

    def problems(self) -> list[ValidationError]:
        """The current problems: texts that do not read, then ``family_checks.validate``."""
        return list(self._live)

    def problem_texts(self) -> list[str]:
        """The translated texts of the problems list, as shown."""
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Problems from the service (a refused save), shown like the live ones until the
        next edit."""
        self._service = list(problems)
        self._refresh(reload_panel=False)

    def set_person_link(self, person_id: str, patient_id: int | None, label: str) -> None:
        """Link the person to a patient file (None: unlink), shown as ``label``; an edit."""
        person = self._family.get(person_id)
        if person is None or self._read_only:
            return
        if patient_id is None:
            self._link_labels.pop(person_id, None)
        else:
            self._link_labels[person_id] = label
        changed = dataclasses.replace(person, patient_id=patient_id)
        self._commit(update_person(self._family, changed), select=person_id, force=True)

    def set_link_labels(self, labels: Mapping[str, str]) -> None:
        """How the linked files are named (person id -> label): display only, not an edit.

        A link without a label is not shown (the window gives labels only for the files
        the user may open)."""
        self._link_labels = dict(labels)
        self._refresh(reload_panel=True)

    def select_person(self, person_id: str) -> None:
        if self._family.get(person_id) is not None:
            self._select(person_id)

    def selected_person(self) -> str | None:
        return self._selected

    def set_canrisk_enabled(self, enabled: bool) -> None:
        """Show the CanRisk import and export buttons (default) or hide them."""
        self._canrisk_enabled = enabled
        self.canrisk_box.setVisible(enabled)
        self._update_actions()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def field_message(self, field_name: str) -> str:
        """The message under ``field_name`` of the selected person ("" if none) — tests."""
        return self.panel.field_message(field_name)

    # ------------------------------------------------------------------ edits
    def _state(self) -> _State:
        return _State(
            self._family,
            self._selected,
            dict(self._raw),
            dict(self._link_labels),
            self._canrisk_family_id,
        )

    def _commit(
        self,
        family: Family,
        *,
        merge_key: tuple[str, str] | None = None,
        select: str | None = None,
        reload_panel: bool = True,
        force: bool = False,
    ) -> None:
        """Make ``family`` current as a user edit (undoable; consecutive typing in one
        field is one step)."""
        if family == self._family and not force:
            return
        if merge_key is None or merge_key != self._merge_key:
            self._undo.append(self._state())
        self._redo.clear()
        self._merge_key = merge_key
        self._family = family
        self._service = []
        self._refresh(select=select, reload_panel=reload_panel)
        self.sig_changed.emit()

    def _operate(self, operation: Callable[[Family, str], Family], *, first: bool = False) -> None:
        """Apply an add operation to the selected person; select whom it created."""
        if self._read_only or self._selected is None:
            return
        before = self._family
        try:
            after = operation(before, self._selected)
        except ValidationError as exc:
            self._refuse(exc)
            return
        self.show_message("")
        new = added_ids(before, after)
        target = (new[0] if first else new[-1]) if new else self._selected
        self._commit(after, select=target)
        self.panel.focus_name()

    def _refuse(self, exc: ValidationError) -> None:
        """An operation the family refuses: say why, and go to the input to fix."""
        self.show_message(error_text(exc), "error")
        person_id = exc.params.get("person_id")
        if exc.field == "sex" and isinstance(person_id, str) and self._family.get(person_id):
            self._select(person_id)
            self.panel.focus_field("sex")

    def add_parents(self) -> None:
        """A father and a mother for the selected person; the father is selected."""
        self._operate(add_parents, first=True)

    def add_sibling(self) -> None:
        self._operate(lambda family, pid: add_sibling(family, pid))

    def add_partner(self) -> None:
        self._operate(lambda family, pid: add_partner(family, pid))

    def add_child(self) -> None:
        """A child with the only partner (a new one if none); several partners: ask which."""
        if self._read_only or self._selected is None:
            return
        person_id = self._selected
        partners = self._family.partners_of(person_id)
        if len(partners) <= 1:
            self._operate(lambda family, pid: add_child(family, pid))
            return
        choices = [self.person_text(p) for p in partners]
        ChoiceDialog(
            self,
            title=self.tr("Other parent"),
            text=self.tr("{person} has several partners: who is the child's other parent?").format(
                person=self.person_text(person_id)
            ),
            choices=choices,
            ok_text=self.tr("Add the child"),
            on_chosen=lambda index: self._operate(
                lambda family, pid: add_child(family, pid, partner_id=partners[index])
            ),
            object_name="partner_choice_dialog",
        ).open()

    def remove_selected(self) -> None:
        """Remove the selected person (confirmation when others would go with them)."""
        if self._read_only or self._selected is None:
            return
        person_id = self._selected
        before = self._family
        try:
            after = remove_person(before, person_id)
        except ValidationError as exc:
            self._refuse(exc)
            return
        self.show_message("")
        row = self.model.row_of_person(person_id)
        gone = [pid for pid in before.ids if after.get(pid) is None and pid != person_id]

        def apply() -> None:
            remaining = after.ids
            target = remaining[min(max(row, 0), len(remaining) - 1)] if remaining else None
            self._commit(after, select=target)
            self._table.setFocus()

        if not gone:
            apply()
            return
        confirm(
            self,
            self.tr("Remove people"),
            self.tr("Removing {person} also removes {others}.").format(
                person=self.person_text(person_id),
                others=", ".join(self.person_text(pid) for pid in gone),
            ),
            self.tr("They would have no other link to the family. Ctrl+Z undoes the removal."),
            self.tr("Remove"),
            apply,
            object_name="remove_confirmation_box",
        )

    def undo(self) -> None:
        if self._read_only or not self._undo:
            return
        self._redo.append(self._state())
        self._restore(self._undo.pop())

    def redo(self) -> None:
        if self._read_only or not self._redo:
            return
        self._undo.append(self._state())
        self._restore(self._redo.pop())

    def _restore(self, state: _State) -> None:
        self._family = state.family
        self._raw = dict(state.raw)
        self._link_labels = dict(state.link_labels)
        self._canrisk_family_id = state.canrisk_family_id
        self._merge_key = None
        self._service = []
        self.show_message("")
        self._selected = None
        self._refresh(select=state.selected)
        self.sig_changed.emit()

    # --- from the panel -------------------------------------------------------------
    def _on_person_edited(self, person: Person, field_name: str) -> None:
        if self._read_only or self._family.get(person.id) is None:
            return
        if field_name in ("cancers", "genetic_results"):
            merge_key = None  # a row added or removed: a step of its own
        else:
            merge_key = (person.id, field_name)
        self._commit(update_person(self._family, person), merge_key=merge_key, reload_panel=False)

    def _on_raw_input(
        self, person_id: str, field_name: str, text: str, error: ValidationError | None
    ) -> None:
        key = (person_id, field_name)
        if error is None:
            if self._raw.pop(key, None) is not None:
                self._refresh(reload_panel=False)
                self.sig_changed.emit()
            return
        person = self._family.get(person_id)
        located = ValidationError(
            str(error),
            code=error.code,
            field=field_name,
            **{
                **error.params,
                "person_id": person_id,
                "person": person_label(person) if person is not None else person_id,
            },
        )
        self._raw[key] = (text, located)
        self._refresh(reload_panel=False)
        self.sig_changed.emit()

    def _on_proband_requested(self, person_id: str) -> None:
        if not self._read_only:
            self._commit(set_proband(self._family, person_id), select=person_id)

    def _on_twins_requested(self, members: tuple[str, ...], zygosity: Zygosity | None) -> None:
        if self._read_only or self._selected is None:
            return
        self._commit(set_twins(self._family, members, zygosity), select=self._selected)
        self.panel.focus_field("twins")

    def _on_consanguinity_requested(self, a: str, b: str, consanguineous: bool) -> None:
        if not self._read_only:
            family = set_partnership(self._family, a, b, consanguineous=consanguineous)
            self._commit(family, select=a)

    def _on_couple_requested(self, a: str, b: str) -> None:
        if self._read_only:
            return
        try:
            family = add_partner(self._family, a, partner_id=b)
        except ValidationError as exc:
            self._refuse(exc)
            return
        self._commit(family, select=a)
        self.panel.focus_field("partnerships")

    # ------------------------------------------------------------------ display
    def _default_selection(self, family: Family) -> str | None:
        proband = family.proband
        if proband is not None:
            return proband.id
        return family.people[0].id if family.people else None

    def _compute_problems(self) -> list[ValidationError]:
        return self.input_problems() + validate(self._family, self._today)

    def _displayed(self) -> list[ValidationError]:
        """Live problems, then the service's not already among them."""
        seen = {(p.code, p.field, p.params.get("person_id"), str(p)) for p in self._live}
        extra = [
            p
            for p in self._service
            if (p.code, p.field, p.params.get("person_id"), str(p)) not in seen
        ]
        return self._live + extra

    def _problem_people(self) -> frozenset[str]:
        return frozenset(
            pid for p in self._shown if isinstance(pid := p.params.get("person_id"), str)
        )

    def _display_field(self, problem: ValidationError) -> str:
        """Where a problem is shown in the panel (the input the user can fix)."""
        field_name = problem.field or ""
        if problem.code == ErrorCode.FAMILY_CHILD_BEFORE_PARENT:
            person = self._family.get(str(problem.params.get("person_id")))
            if person is not None:
                return "birth_year" if person.birth_year is not None else "age"
        return field_name

    def problem_text(self, problem: ValidationError) -> str:
        """The text of the problems list (an age's problem is prefixed with the person)."""
        text = error_text(problem)
        if problem.code in _AGE_CODES and problem.params.get("person"):
            return self.tr("{person}: {problem}").format(
                person=problem.params["person"], problem=text
            )
        return text

    def _refresh(self, *, select: str | None = None, reload_panel: bool = True) -> None:
        """Redraw everything from the family: table, pedigree, problems, panel."""
        family = self._family
        self._live = self._compute_problems()
        self._shown = self._displayed()
        shown = self.displayed_family()
        self.model.set_family(shown, self._link_labels, self._problem_people())
        # The linked-file column only when a link is shown: its width goes to the others.
        self._table.setColumnHidden(
            FamilyTableModel.COL_LINK,
            not any(
                person.patient_id is not None and self._link_labels.get(person.id)
                for person in family.people
            ),
        )
        self._pedigree_view.set_family(shown)
        if self._auto_fit:
            self.fit_pedigree()
        target = select or self._selected
        if target is None or family.get(target) is None:
            target = self._default_selection(family)
        if reload_panel or target != self._selected:
            self._selected = None
            self._select(target)
        else:
            self._sync_views(target)
            self.panel.set_family_context(family, self._link_labels.get(target, ""))
            self._show_panel_problems()
        self._show_problem_list()
        self._update_actions()

    def _select(self, person_id: str | None) -> None:
        if person_id is not None and self._family.get(person_id) is None:
            person_id = None
        changed = person_id != self._selected
        self._selected = person_id
        self._sync_views(person_id)
        if changed:
            self.panel_scroll.verticalScrollBar().setValue(0)
            raw = {fld: text for (pid, fld), (text, _) in self._raw.items() if pid == person_id}
            self.panel.load(
                self._family, person_id, raw, self._link_labels.get(person_id or "", "")
            )
            self._show_panel_problems()
            self._update_actions()

    def _sync_views(self, person_id: str | None) -> None:
        """The table's current row and the pedigree's highlight follow the selection."""
        self._syncing = True
        try:
            row = self.model.row_of_person(person_id) if person_id is not None else -1
            if row >= 0:
                if self._table.currentIndex().row() != row:
                    self._table.selectRow(row)
                self._table.scrollTo(self.model.index(row, 0))
            else:
                self._table.clearSelection()
            scene = self._pedigree_view.pedigree_scene
            scene.select_person(person_id)
            item = scene.person_items().get(person_id or "")
            if item is not None:
                self._pedigree_view.ensureVisible(item, 20, 20)
        finally:
            self._syncing = False

    def _show_panel_problems(self) -> None:
        person_id = self._selected
        self.panel.show_problems(
            [
                (self._display_field(problem), error_text(problem))
                for problem in self._shown
                if problem.params.get("person_id") == person_id and person_id is not None
            ]
        )

    def _show_problem_list(self) -> None:
        self.problem_list.clear()
        for problem in self._shown:
            item = QListWidgetItem(icon("warning"), self.problem_text(problem))
            item.setData(
                Qt.ItemDataRole.UserRole,
                (problem.params.get("person_id"), self._display_field(problem)),
            )
            self.problem_list.addItem(item)
        count = len(self._shown)
        self.problems_title.setText(self.tr("Problems to correct (%n)", "", count))
        self.problems_title.setVisible(count > 0)
        self.problem_list.setVisible(count > 0)

    def show_message(self, text: str, kind: str = "error") -> None:
        """A line above the table: why an operation was refused ("error"), or what was
        done ("ok"); empty text hides it."""
        show_banner(self.message_label, text, kind)

    def _update_actions(self) -> None:
        editable = not self._read_only
        selected = self._selected is not None
        for action in (
            self.parents_action,
            self.sibling_action,
            self.child_action,
            self.partner_action,
            self.remove_action,
        ):
            action.setEnabled(editable and selected)
        if selected and editable:
            person = self._family.person(str(self._selected))
            self.parents_action.setEnabled(not person.has_parents)
            self.remove_action.setEnabled(not person.proband)
        self.undo_action.setEnabled(editable and bool(self._undo))
        self.redo_action.setEnabled(editable and bool(self._redo))
        self._delete_shortcut.setEnabled(editable)
        self.import_button.setEnabled(editable and self._canrisk_enabled)
        self.export_button.setEnabled(bool(self._family.people) and self._canrisk_enabled)

    def person_text(self, person_id: str) -> str:
        """How dialogs name a person: "Claire (p1)", or "mère (p3)" without a name."""
        return person_text(self._family, person_id)

    # --- selection signals --------------------------------------------------------------
    def _on_table_row_changed(self, current, _previous) -> None:  # noqa: ANN001 (Qt indexes)
        if self._syncing or not current.isValid():
            return
        self._select(self.model.person_id_at(current.row()))

    def _on_symbol_clicked(self, person_id: str) -> None:
        self._select(person_id)

    def _on_table_double_clicked(self, index) -> None:  # noqa: ANN001 (Qt index)
        person = self.model.row_at(index.row())
        label = self._link_labels.get(person.id)
        if index.column() == FamilyTableModel.COL_LINK and person.patient_id is not None and label:
            self.sig_open_linked.emit(person.patient_id)
        else:
            self.panel.focus_name()

    def _on_problem_activated(self, item: QListWidgetItem) -> None:
        person_id, field_name = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(person_id, str) and self._family.get(person_id) is not None:
            self._select(person_id)
            self.panel.focus_field(field_name)
            QTimer.singleShot(0, self, self._ensure_focus_visible)

    def _ensure_focus_visible(self) -> None:
        widget = self.panel.focusWidget()
        if widget is not None:
            self.panel_scroll.ensureWidgetVisible(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self._table and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
                Qt.Key.Key_F2,
            ):
                self.panel.focus_name()
                return True
        elif watched is self._viewport and event.type() == QEvent.Type.Resize and self._auto_fit:
            QTimer.singleShot(0, self, self.fit_pedigree)
        return super().eventFilter(watched, event)

    # --- zoom -------------------------------------------------------------------------
    def fit_pedigree(self) -> None:
        """The whole pedigree in view; the view keeps fitting until the user zooms."""
        self._fitting = True
        try:
            self._pedigree_view.fit_to_window()
        finally:
            self._fitting = False
        self._auto_fit = True

    def _zoom_in(self) -> None:
        self._pedigree_view.zoom_in()

    def _zoom_out(self) -> None:
        self._pedigree_view.zoom_out()

    def _on_zoom_changed(self, zoom: float) -> None:
        if not self._fitting:
            self._auto_fit = False
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    # ------------------------------------------------------------------ CanRisk
    def import_canrisk_file(self, path: str | Path) -> None:
        """Import a CanRisk file (the button calls this after its file dialog)."""
        self._canrisk.import_file(Path(path))

    def export_canrisk_file(self, path: str | Path) -> None:
        """Export the family as a CanRisk 2.0 file (the button calls this after its dialog)."""
        self._canrisk.export_file(Path(path))

    def canrisk_family_id(self) -> str:
        """The FamID of the CanRisk family imported ("" when none)."""
        return self._canrisk_family_id

    def replace_family(self, family: Family, canrisk_family_id: str = "") -> None:
        """Replace the whole family (a CanRisk import, with its risk factors): an undoable
        user edit."""
        self._undo.append(self._state())
        self._redo.clear()
        self._merge_key = None
        self._family = family
        self._raw.clear()
        self._link_labels.clear()
        self._canrisk_family_id = canrisk_family_id
        self._service = []
        self._selected = None
        self._auto_fit = True
        self._refresh(select=self._default_selection(family))
        self.sig_changed.emit()
