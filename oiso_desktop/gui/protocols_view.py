"""The surveillance protocols (``session.followup``): read by every clinical role,
versioned by a practitioner (menu "Suivi > Protocoles de surveillance…").

* the list: each protocol's name, genes, version, variant (France / ESGE) and whether
  the structure applies it; every version on request;
* the selected version: its exams ("à confirmer" marks of REFERENCE.md, notes), who
  saved it and why, its source note;
* the structure's choice where French practice and ESGE differ (Lynch, APC, MUTYH);
* "Nouvelle version…" / "Nouveau protocole…" (a practitioner): the editor checks the
  protocol like the service (``domain.followup.protocols.validate_protocol``), shows
  each problem at its field in French, and saves nothing until it is valid and a
  reason is given. Custom protocols cover genes without a default (TP53, PALB2, CDH1…).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import FormValidationError, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    BOTH_SEXES,
    FAMILIES,
    VARIANT_ESGE,
    VARIANT_FR,
    Protocol,
    ProtocolChoice,
    ProtocolItem,
    validate_protocol,
)
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.personal_history import SURGERY_KINDS
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.followup_labels import (
    age_text,
    ages_text,
    exam_label,
    schedule_text,
    variant_label,
)
from oiso_desktop.gui.history_labels import SURGERY_KIND_LABELS, coded_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import FieldMessage, show_banner
from oiso_desktop.gui.widgets.form_dialog import FormDialog
from oiso_desktop.services.followup_service import ProtocolView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["ProtocolEditorDialog", "ProtocolItemTableModel", "ProtocolsView"]

CONTEXT = "ProtocolsView"

_SEXES_LABELS = {
    "F": QT_TRANSLATE_NOOP("ProtocolsView", "Women"),
    "M": QT_TRANSLATE_NOOP("ProtocolsView", "Men"),
    "FM": QT_TRANSLATE_NOOP("ProtocolsView", "Women and men"),
}
_FAMILY_LABELS = {
    "lynch": QT_TRANSLATE_NOOP("ProtocolsView", "Lynch syndrome (start of colonoscopies)"),
    "apc": QT_TRANSLATE_NOOP("ProtocolsView", "APC (upper endoscopy)"),
    "mutyh": QT_TRANSLATE_NOOP("ProtocolsView", "MUTYH (upper endoscopy)"),
}
_TO_CONFIRM = QT_TRANSLATE_NOOP("ProtocolsView", "(to be confirmed)")
_STOPPED_BY = QT_TRANSLATE_NOOP("ProtocolsView", "stops after: {surgeries}")
_PER_FINDINGS = QT_TRANSLATE_NOOP("ProtocolsView", "then according to findings")
_FROM_DIAGNOSIS = QT_TRANSLATE_NOOP("ProtocolsView", "from the diagnosis")
_BY_HAND = QT_TRANSLATE_NOOP("ProtocolsView", "selected by hand")
_YES = QT_TRANSLATE_NOOP("ProtocolsView", "yes")
_NO = QT_TRANSLATE_NOOP("ProtocolsView", "no")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def sexes_text(sexes: frozenset[str]) -> str:
    return _tr(_SEXES_LABELS["".join(sorted(sexes))] if sexes else "")


@dataclasses.dataclass(frozen=True)
class _ItemRow:
    """A protocol item with the ``id`` the table model wants."""

    id: int
    item: ProtocolItem


class ProtocolItemTableModel(RowTableModel[_ItemRow]):
    """The exams of one protocol version."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("ProtocolsView", "Exam"),
        QT_TRANSLATE_NOOP("ProtocolsView", "For"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Ages"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Schedule"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Remarks"),
    )
    COL_EXAM, COL_SEXES, COL_AGES, COL_SCHEDULE, COL_REMARKS = range(5)

    def set_items(self, items: Sequence[ProtocolItem]) -> None:
        self.set_rows([_ItemRow(id=index, item=item) for index, item in enumerate(items)])

    @staticmethod
    def remarks(item: ProtocolItem) -> str:
        parts = []
        if item.to_confirm:
            parts.append(
                _tr(_TO_CONFIRM) + (f" {item.to_confirm_note}" if item.to_confirm_note else "")
            )
        if item.from_diagnosis:
            parts.append(_tr(_FROM_DIAGNOSIS))
        if item.repeat_per_findings:
            parts.append(_tr(_PER_FINDINGS))
        if item.stopped_by:
            names = ", ".join(
                coded_label(SURGERY_KIND_LABELS, code) for code in sorted(item.stopped_by)
            )
            parts.append(_tr(_STOPPED_BY).format(surgeries=names))
        if item.note:
            parts.append(item.note)
        return " · ".join(parts)

    def display(self, row: _ItemRow, column: int) -> str | None:
        item = row.item
        if column == self.COL_EXAM:
            text = exam_label(item.exam, item.label)
            return f"{text} {_tr(_TO_CONFIRM)}" if item.to_confirm else text
        if column == self.COL_SEXES:
            return sexes_text(item.sexes)
        if column == self.COL_AGES:
            return ages_text(item.start_age, item.end_age)
        if column == self.COL_SCHEDULE:
            return schedule_text(item.interval_months, item.fixed_ages)
        if column == self.COL_REMARKS:
            return self.remarks(item)
        return None

    def role_data(self, row: _ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_REMARKS, self.COL_EXAM):
            return self.remarks(row.item) or None
        return None


class ProtocolTableModel(RowTableModel[ProtocolView]):
    """The protocols: name, genes, variant, version, applied by the structure."""

    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("ProtocolsView", "Protocol"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Genes"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Variant"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Version"),
        QT_TRANSLATE_NOOP("ProtocolsView", "Applied"),
    )
    COL_NAME, COL_GENES, COL_VARIANT, COL_VERSION, COL_APPLIED = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choice = ProtocolChoice()

    def applied(self, view: ProtocolView) -> bool:
        """The version plans use: the current one, of the variant the structure chose."""
        if not view.current:
            return False
        family = view.protocol.family
        return not family or self.choice.variant_for(family) == view.variant

    def display(self, view: ProtocolView, column: int) -> str | None:
        protocol = view.protocol
        if column == self.COL_NAME:
            return protocol.name + (f" {_tr(_TO_CONFIRM)}" if protocol.to_confirm else "")
        if column == self.COL_GENES:
            return ", ".join(protocol.genes) or _tr(_BY_HAND)
        if column == self.COL_VARIANT:
            return variant_label(protocol.variant) if protocol.variant else "—"
        if column == self.COL_VERSION:
            return str(view.version)
        if column == self.COL_APPLIED:
            return _tr(_YES) if self.applied(view) else _tr(_NO)
        return None

    def role_data(self, view: ProtocolView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not self.applied(view):
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NAME:
            return view.protocol.name
        return None


class ProtocolsView(QDialog):
    """The protocol screen (see the module docstring)."""

    sig_loaded = Signal()  # the list (and the choice) read
    sig_saved = Signal(object)  # ProtocolView of a version just saved

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("protocols_view")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setWindowTitle(self.tr("Surveillance protocols"))
        self._session = session
        self._tasks = tasks
        self.protocols: tuple[ProtocolView, ...] = ()
        self.choice: ProtocolChoice = ProtocolChoice()
        self._choice_version = 0
        self.editor: ProtocolEditorDialog | None = None
        self.may_edit = session.actor.role is Role.PRACTITIONER and session.can(
            Permission.EDIT_CLINICAL
        )

        layout = QVBoxLayout(self)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)

        # --- the structure's choice
        choice_box = QGroupBox(self.tr("Recommendations applied by your structure"))
        choice_layout = QHBoxLayout(choice_box)
        self.choice_combos: dict[str, QComboBox] = {}
        for family in FAMILIES:
            label = QLabel(_tr(_FAMILY_LABELS[family]))
            combo = QComboBox()
            combo.setObjectName(f"{family}_choice_combo")
            combo.addItem(variant_label(VARIANT_FR), VARIANT_FR)
            combo.addItem(variant_label(VARIANT_ESGE), VARIANT_ESGE)
            combo.setEnabled(self.may_edit)
            combo.currentIndexChanged.connect(self._update_choice_button)
            self.choice_combos[family] = combo
            choice_layout.addWidget(label)
            choice_layout.addWidget(combo)
            choice_layout.addSpacing(12)
        choice_layout.addStretch(1)
        self.choice_button = QPushButton(self.tr("Apply this choice"))
        self.choice_button.setObjectName("choice_button")
        self.choice_button.setAutoDefault(False)
        self.choice_button.clicked.connect(self.save_choice)
        self.choice_button.setVisible(self.may_edit)
        choice_layout.addWidget(self.choice_button)
        layout.addWidget(choice_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.protocol_model = ProtocolTableModel(self)
        self.protocol_table = data_table("protocol_table", self.protocol_model)
        set_column_modes(
            self.protocol_table.horizontalHeader(),
            contents=(
                ProtocolTableModel.COL_VARIANT,
                ProtocolTableModel.COL_VERSION,
                ProtocolTableModel.COL_APPLIED,
            ),
            widths={ProtocolTableModel.COL_GENES: 110},
            stretch=(ProtocolTableModel.COL_NAME,),
        )
        self.protocol_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_protocol_selected(current.row())
        )
        left_layout.addWidget(self.protocol_table, 1)
        self.all_versions_check = QCheckBox(self.tr("Show every version"))
        self.all_versions_check.setObjectName("all_versions_check")
        self.all_versions_check.toggled.connect(lambda _on: self.refresh())
        left_layout.addWidget(self.all_versions_check)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setObjectName("protocol_title_label")
        style.set_role(self.title_label, "title")
        self.title_label.setWordWrap(True)
        right_layout.addWidget(self.title_label)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("protocol_facts_label")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        right_layout.addWidget(self.facts_label)
        self.items_model = ProtocolItemTableModel(self)
        self.items_table = data_table("protocol_items_table", self.items_model)
        self.items_table.setWordWrap(True)
        set_column_modes(
            self.items_table.horizontalHeader(),
            widths={ProtocolItemTableModel.COL_EXAM: 190, ProtocolItemTableModel.COL_SCHEDULE: 150},
            contents=(ProtocolItemTableModel.COL_SEXES, ProtocolItemTableModel.COL_AGES),
            stretch=(ProtocolItemTableModel.COL_REMARKS,),
        )
        right_layout.addWidget(self.items_table, 1)
        source_title = QLabel(self.tr("Source"))
        source_title.setStyleSheet("font-weight: bold;")
        right_layout.addWidget(source_title)
        self.source_label = QLabel()
        self.source_label.setObjectName("source_label")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.set_role(self.source_label, "hint")
        right_layout.addWidget(self.source_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 870])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.new_version_button = QPushButton(self.tr("New version…"))
        self.new_version_button.setObjectName("new_version_button")
        self.new_version_button.setAutoDefault(False)
        self.new_version_button.clicked.connect(self.open_new_version)
        self.new_protocol_button = QPushButton(self.tr("New protocol…"))
        self.new_protocol_button.setObjectName("new_protocol_button")
        self.new_protocol_button.setToolTip(
            self.tr("A protocol for genes without a default one (TP53, PALB2, CDH1…)")
        )
        self.new_protocol_button.setAutoDefault(False)
        self.new_protocol_button.clicked.connect(self.open_new_protocol)
        for button in (self.new_version_button, self.new_protocol_button):
            button.setVisible(self.may_edit)
            buttons.addWidget(button)
        self.read_only_label = QLabel(self.tr("Read only: a practitioner edits the protocols."))
        style.set_role(self.read_only_label, "hint")
        self.read_only_label.setVisible(not self.may_edit)
        buttons.addWidget(self.read_only_label)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close_button")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(1200, 680)
        self._update_buttons()

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the protocols and the structure's choice (in the background)."""
        all_versions = self.all_versions_check.isChecked()
        self._tasks.run(
            _read_protocols,
            self._session,
            all_versions,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            label=self.tr("Reading the protocols…"),
            owner=self,
        )

    def _on_loaded(self, result: tuple[tuple[ProtocolView, ...], ProtocolChoice, int]) -> None:
        protocols, choice, version = result
        current = self.selected_protocol()
        self.protocols = protocols
        self.choice, self._choice_version = choice, version
        for family, combo in self.choice_combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(getattr(choice, family))))
            combo.blockSignals(False)
        self.protocol_model.choice = choice
        self.protocol_model.set_rows(protocols)
        row = 0
        if current is not None:
            row = next(
                (
                    i
                    for i, view in enumerate(protocols)
                    if (view.key, view.variant) == (current.key, current.variant) and view.current
                ),
                0,
            )
        if protocols:
            self.protocol_table.selectRow(row)
        self._on_protocol_selected(row)
        self._update_choice_button()
        self.sig_loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        show_banner(self.banner_label, error_text(exc), "error")
        self.sig_loaded.emit()

    def _applied(self, view: ProtocolView) -> bool:
        return self.protocol_model.applied(view)

    def selected_protocol(self) -> ProtocolView | None:
        row = self.protocol_table.currentIndex().row()
        return self.protocols[row] if 0 <= row < len(self.protocols) else None

    def select(self, key: str, variant: str = "") -> None:
        for row, view in enumerate(self.protocols):
            if view.key == key and view.variant == variant and view.current:
                self.protocol_table.selectRow(row)
                return

    def _on_protocol_selected(self, _row: int) -> None:
        view = self.selected_protocol()
        self._update_buttons()
        if view is None:
            self.title_label.setText("")
            self.facts_label.setText("")
            self.items_model.clear()
            self.source_label.setText("")
            return
        protocol = view.protocol
        self.title_label.setText(protocol.name)
        facts = [
            self.tr("Genes: {genes}").format(genes=", ".join(protocol.genes) or _tr(_BY_HAND)),
            self.tr("Version {version}").format(version=view.version),
        ]
        if protocol.variant:
            facts.append(
                self.tr("Variant: {variant}").format(variant=variant_label(protocol.variant))
            )
            facts.append(
                self.tr("applied by your structure")
                if self._applied(view)
                else self.tr("not applied by your structure")
            )
        if protocol.custom:
            facts.append(self.tr("custom protocol"))
        lines = [" — ".join(facts)]
        if view.created_by:
            lines.append(
                self.tr("Saved on {date} by {name}: {reason}").format(
                    date=view.created_at.astimezone().strftime("%d/%m/%Y"),
                    name=view.created_by,
                    reason=view.reason,
                )
            )
        elif not view.current:
            lines.append(self.tr("Former version"))
        self.facts_label.setText("\n".join(lines))
        self.items_model.set_items(protocol.items)
        self.items_table.resizeRowsToContents()
        self.source_label.setText(protocol.source_note or "—")

    def _update_buttons(self) -> None:
        view = self.selected_protocol()
        self.new_version_button.setEnabled(view is not None and view.current)

    # ------------------------------------------------------------------ the choice
    def _chosen(self) -> ProtocolChoice:
        return ProtocolChoice(
            **{family: str(combo.currentData()) for family, combo in self.choice_combos.items()}
        )

    def _update_choice_button(self) -> None:
        self.choice_button.setEnabled(self.may_edit and self._chosen() != self.choice)

    def save_choice(self) -> None:
        if not self.may_edit:
            return
        self.choice_button.setEnabled(False)
        self._tasks.run(
            self._session.followup.set_choice,
            self._chosen(),
            expected_version=self._choice_version,
            on_success=lambda _result: self._after_save(None),
            on_failure=self._on_failed_write,
            label=self.tr("Saving the choice…"),
            owner=self,
        )

    def _on_failed_write(self, exc: BaseException) -> None:
        show_banner(self.banner_label, error_text(exc), "error")
        self._update_choice_button()

    def _after_save(self, view: ProtocolView | None) -> None:
        self.banner_label.hide()
        if view is not None:
            self.sig_saved.emit(view)
            show_banner(
                self.banner_label,
                self.tr(
                    "Version {version} of “{name}” saved. Plans follow it when they are next "
                    "recomputed."
                ).format(version=view.version, name=view.protocol.name),
                "ok",
            )
        self.refresh()

    # ------------------------------------------------------------------ editing
    def open_new_version(self) -> ProtocolEditorDialog | None:
        view = self.selected_protocol()
        if view is None or not self.may_edit:
            return None
        return self._open_editor(view.protocol, new=False)

    def open_new_protocol(self) -> ProtocolEditorDialog | None:
        if not self.may_edit:
            return None
        return self._open_editor(None, new=True)

    def _open_editor(self, protocol: Protocol | None, *, new: bool) -> ProtocolEditorDialog:
        dialog = ProtocolEditorDialog(
            self._session,
            self._tasks,
            protocol,
            taken_keys={view.key for view in self.protocols} if new else set(),
            parent=self,
        )
        dialog.sig_saved.connect(self._after_save)
        self.editor = dialog
        dialog.open()
        return dialog


def _read_protocols(
    session: UserSession, all_versions: bool
) -> tuple[tuple[ProtocolView, ...], ProtocolChoice, int]:
    protocols = session.followup.protocols(all_versions=all_versions)
    choice, version = session.followup.choice()
    return protocols, choice, version


_ITEM_FIELD = re.compile(r"^items\[(\d+)\]\.(\w+)$")


def parse_ages(text: str) -> tuple[float, ...] | None:
    """Ages as typed, "20, 25, 30", "20,25,30" or "20; 25,5; 30" (a comma followed by a
    single digit is a decimal comma, like a point); () for nothing typed, None when a
    part is not a number."""
    decimal = re.sub(r"(?<=\d),(?=\d(?!\d))", ".", text)
    parts = [part for part in re.split(r"[;,\s]+", decimal) if part]
    try:
        return tuple(float(part) for part in parts)
    except ValueError:
        return None


def _age_spin(name: str, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(0.0, 120.0)
    spin.setDecimals(1)
    spin.setSuffix(suffix)
    return spin


class ProtocolEditorDialog(FormDialog):
    """A new version of ``protocol``, or a new custom protocol (``protocol`` None).

    The exams are listed on the left; the selected one is edited on the right.
    Problems found by ``validate_protocol`` show at their field (the exam concerned
    selected); the reason is required. ``sig_saved`` carries the saved ProtocolView.
    """

    sig_saved = Signal(object)  # ProtocolView

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        protocol: Protocol | None,
        *,
        taken_keys: set[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, show_all=True)
        self.setObjectName("protocol_editor_dialog")
        self._session = session
        self._tasks = tasks
        self._base = protocol
        self._taken = taken_keys or set()
        self._busy = False
        self._loading_item = False
        self.items: list[ProtocolItem] = list(protocol.items) if protocol else []
        if protocol is None:
            self.setWindowTitle(self.tr("New surveillance protocol"))
        else:
            self.setWindowTitle(self.tr("New version of “{name}”").format(name=protocol.name))

        layout = QVBoxLayout(self)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)

        head = QFormLayout()
        self.name_edit = QLineEdit(protocol.name if protocol else "")
        self.name_edit.setObjectName("name_edit")
        self.name_message = FieldMessage()
        head.addRow(self.tr("Name:"), _stack(self.name_edit, self.name_message))
        self.genes_edit = QLineEdit(", ".join(protocol.genes) if protocol else "")
        self.genes_edit.setObjectName("genes_edit")
        self.genes_edit.setPlaceholderText(self.tr("HGNC symbols, e.g. TP53"))
        self.genes_edit.setEnabled(protocol is None)
        self.genes_message = FieldMessage()
        head.addRow(self.tr("Genes:"), _stack(self.genes_edit, self.genes_message))
        self.key_edit = QLineEdit(protocol.key if protocol else "")
        self.key_edit.setObjectName("key_edit")
        self.key_edit.setEnabled(protocol is None)
        self.key_edit.setPlaceholderText(self.tr("lower-case letters, digits and _ (e.g. tp53)"))
        self.key_message = FieldMessage()
        head.addRow(self.tr("Key:"), _stack(self.key_edit, self.key_message))
        if protocol is None:
            self.genes_edit.textEdited.connect(self._suggest_key)
        layout.addLayout(head)

        body = QHBoxLayout()
        list_column = QVBoxLayout()
        list_column.addWidget(QLabel(self.tr("Exams:")))
        self.item_list = QListWidget()
        self.item_list.setObjectName("item_list")
        self.item_list.currentRowChanged.connect(self._show_item)
        list_column.addWidget(self.item_list, 1)
        self.items_message = FieldMessage()
        list_column.addWidget(self.items_message)
        list_buttons = QHBoxLayout()
        self.add_item_button = QPushButton(self.tr("Add an exam"))
        self.add_item_button.setObjectName("add_item_button")
        self.add_item_button.setAutoDefault(False)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button = QPushButton(self.tr("Remove"))
        self.remove_item_button.setObjectName("remove_item_button")
        self.remove_item_button.setAutoDefault(False)
        self.remove_item_button.clicked.connect(self.remove_item)
        list_buttons.addWidget(self.add_item_button)
        list_buttons.addWidget(self.remove_item_button)
        list_column.addLayout(list_buttons)
        body.addLayout(list_column, 2)

        item_box = QGroupBox(self.tr("Selected exam"))
        item_form = QFormLayout(item_box)
        self.exam_combo = QComboBox()
        self.exam_combo.setObjectName("exam_combo")
        for kind in ExamKind:
            self.exam_combo.addItem(exam_label(kind), kind.value)
        self.exam_message = FieldMessage()
        item_form.addRow(self.tr("Exam:"), _stack(self.exam_combo, self.exam_message))
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("item_label_edit")
        self.label_edit.setPlaceholderText(self.tr("Name of an “other” exam"))
        self.label_message = FieldMessage()
        item_form.addRow(self.tr("Name:"), _stack(self.label_edit, self.label_message))
        self.sexes_combo = QComboBox()
        self.sexes_combo.setObjectName("sexes_combo")
        for code in ("FM", "F", "M"):
            self.sexes_combo.addItem(_tr(_SEXES_LABELS[code]), code)
        item_form.addRow(self.tr("For:"), self.sexes_combo)
        self.start_spin = _age_spin("start_age_spin", self.tr(" years"))
        self.start_message = FieldMessage()
        item_form.addRow(self.tr("Start age:"), _stack(self.start_spin, self.start_message))
        self.end_spin = _age_spin("end_age_spin", self.tr(" years"))
        self.end_spin.setSpecialValueText(self.tr("no end age"))
        self.end_message = FieldMessage()
        item_form.addRow(self.tr("End age:"), _stack(self.end_spin, self.end_message))
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("interval_spin")
        self.interval_spin.setRange(0, 1440)
        self.interval_spin.setSpecialValueText(self.tr("once"))
        self.interval_spin.setSuffix(self.tr(" months"))
        self.interval_message = FieldMessage()
        item_form.addRow(self.tr("Interval:"), _stack(self.interval_spin, self.interval_message))
        self.fixed_ages_edit = QLineEdit()
        self.fixed_ages_edit.setObjectName("fixed_ages_edit")
        self.fixed_ages_edit.setPlaceholderText(
            self.tr("e.g. 20, 25, 30: one exam at each age, then the interval")
        )
        self.fixed_ages_message = FieldMessage()
        item_form.addRow(
            self.tr("Special schedule:"), _stack(self.fixed_ages_edit, self.fixed_ages_message)
        )
        surgeries = QWidget()
        surgeries.setObjectName("stopped_by_box")
        surgeries_row = QHBoxLayout(surgeries)
        surgeries_row.setContentsMargins(0, 0, 0, 0)
        self.stopped_by_checks: dict[str, QCheckBox] = {}
        for code in SURGERY_KINDS:
            check = QCheckBox(coded_label(SURGERY_KIND_LABELS, code))
            check.setObjectName(f"stopped_by_{code}")
            check.toggled.connect(self._store_item)
            surgeries_row.addWidget(check)
            self.stopped_by_checks[code] = check
        surgeries_row.addStretch(1)
        self.stopped_by_message = FieldMessage()
        item_form.addRow(self.tr("Stops after:"), _stack(surgeries, self.stopped_by_message))
        self.to_confirm_check = QCheckBox(self.tr("To be confirmed"))
        self.to_confirm_check.setObjectName("to_confirm_check")
        item_form.addRow("", self.to_confirm_check)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("item_note_edit")
        item_form.addRow(self.tr("Note:"), self.note_edit)
        body.addWidget(item_box, 3)
        layout.addLayout(body, 1)

        reason_form = QFormLayout()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setFixedHeight(56)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Why this version (required)"))
        self.reason_edit.textChanged.connect(lambda: self._on_field_edited("reason"))
        self.reason_message = FieldMessage()
        reason_form.addRow(self.tr("Reason:"), _stack(self.reason_edit, self.reason_message))
        layout.addLayout(reason_form)

        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "save_button", self.tr("Save the version")
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.set_fields(
            {
                "name": self.name_edit,
                "genes": self.genes_edit,
                "key": self.key_edit,
                "items": self.item_list,
                "exam": self.exam_combo,
                "label": self.label_edit,
                "start_age": self.start_spin,
                "end_age": self.end_spin,
                "interval_months": self.interval_spin,
                "fixed_ages": self.fixed_ages_edit,
                "stopped_by": surgeries,
                "reason": self.reason_edit,
            },
            {
                "name": self.name_message,
                "genes": self.genes_message,
                "key": self.key_message,
                "items": self.items_message,
                "exam": self.exam_message,
                "label": self.label_message,
                "start_age": self.start_message,
                "end_age": self.end_message,
                "interval_months": self.interval_message,
                "fixed_ages": self.fixed_ages_message,
                "stopped_by": self.stopped_by_message,
                "reason": self.reason_message,
            },
            self.banner_label,
        )
        for spin in (self.start_spin, self.end_spin):
            spin.valueChanged.connect(self._store_item)
        self.interval_spin.valueChanged.connect(self._store_item)
        self.exam_combo.currentIndexChanged.connect(self._store_item)
        self.sexes_combo.currentIndexChanged.connect(self._store_item)
        self.label_edit.textEdited.connect(self._store_item)
        self.note_edit.textEdited.connect(self._store_item)
        self.fixed_ages_edit.textEdited.connect(self._store_item)
        self._fixed_ages_unreadable = False
        self.to_confirm_check.toggled.connect(self._store_item)
        self.problems: list[ValidationError] = []
        self._fill_list()
        if not self.items:
            self.add_item()
        self.item_list.setCurrentRow(0)
        self.resize(940, 640)

    # ------------------------------------------------------------------ items
    def _fill_list(self) -> None:
        current = self.item_list.currentRow()
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self.items:
            self.item_list.addItem(exam_label(item.exam, item.label))
        self.item_list.blockSignals(False)
        if self.items:
            self.item_list.setCurrentRow(min(max(current, 0), len(self.items) - 1))

    def _show_item(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self._loading_item = True
        self.exam_combo.setCurrentIndex(max(0, self.exam_combo.findData(item.exam.value)))
        self.label_edit.setText(item.label)
        self.sexes_combo.setCurrentIndex(
            max(0, self.sexes_combo.findData("".join(sorted(item.sexes))))
        )
        self.start_spin.setValue(item.start_age)
        self.end_spin.setValue(item.end_age or 0.0)
        self.interval_spin.setValue(item.interval_months or 0)
        self.to_confirm_check.setChecked(item.to_confirm)
        self.note_edit.setText(item.note)
        self.fixed_ages_edit.setText(", ".join(age_text(age) for age in item.fixed_ages))
        self._fixed_ages_unreadable = False
        for code, check in self.stopped_by_checks.items():
            check.setChecked(code in item.stopped_by)
        self._loading_item = False
        self._revalidate()

    def current_item_row(self) -> int:
        return self.item_list.currentRow()

    def _store_item(self, *_args: object) -> None:
        """The item form's values into the selected item (other attributes kept)."""
        row = self.item_list.currentRow()
        if self._loading_item or not 0 <= row < len(self.items):
            return
        exam = ExamKind(self.exam_combo.currentData())
        end = self.end_spin.value()
        sexes = str(self.sexes_combo.currentData())
        fixed_ages = parse_ages(self.fixed_ages_edit.text())
        self._fixed_ages_unreadable = fixed_ages is None
        self.items[row] = dataclasses.replace(
            self.items[row],
            fixed_ages=self.items[row].fixed_ages if fixed_ages is None else fixed_ages,
            stopped_by=frozenset(
                code for code, check in self.stopped_by_checks.items() if check.isChecked()
            ),
            exam=exam,
            label=self.label_edit.text().strip() if exam is ExamKind.OTHER else "",
            sexes=frozenset(sexes),
            start_age=self.start_spin.value(),
            end_age=end or None,
            interval_months=self.interval_spin.value() or None,
            to_confirm=self.to_confirm_check.isChecked(),
            note=self.note_edit.text().strip(),
        )
        list_item = self.item_list.item(row)
        if list_item is not None:
            list_item.setText(exam_label(exam, self.items[row].label))
        self.label_edit.setEnabled(exam is ExamKind.OTHER)
        self._revalidate()

    def add_item(self) -> None:
        keys = {item.key for item in self.items}
        number = len(self.items) + 1
        while f"exam_{number}" in keys:
            number += 1
        self.items.append(
            ProtocolItem(
                key=f"exam_{number}",
                exam=ExamKind.CLINICAL_EXAM,
                sexes=BOTH_SEXES,
                start_age=18.0,
                interval_months=12,
            )
        )
        self._fill_list()
        self.item_list.setCurrentRow(len(self.items) - 1)

    def remove_item(self) -> None:
        row = self.item_list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._fill_list()
            self._revalidate()

    def _suggest_key(self, text: str) -> None:
        first = re.split(r"[,;\s]+", text.strip())[0] if text.strip() else ""
        key = re.sub(r"[^a-z0-9_]", "_", first.lower()).strip("_")
        if key and key in self._taken:
            key = f"{key}_custom"
        self.key_edit.setText(key)

    # ------------------------------------------------------------------ validation
    def protocol(self) -> Protocol:
        """The protocol as entered (version and custom flag set by the service)."""
        genes = tuple(
            gene.strip().upper()
            for gene in re.split(r"[,;\s]+", self.genes_edit.text())
            if gene.strip()
        )
        base = self._base
        if base is not None:
            return dataclasses.replace(
                base, name=self.name_edit.text().strip(), items=tuple(self.items)
            )
        return Protocol(
            key=self.key_edit.text().strip(),
            name=self.name_edit.text().strip(),
            genes=genes,
            items=tuple(self.items),
            custom=True,
        )

    def _revalidate(self, *_args: object) -> None:
        protocol = self.protocol()
        self.problems = validate_protocol(protocol)
        errors: dict[str, str] = {}
        row = self.item_list.currentRow()
        other_items: set[int] = set()
        for problem in self.problems:
            field = problem.field or ""
            match = _ITEM_FIELD.match(field)
            if match is not None:
                index, name = int(match.group(1)), match.group(2)
                if index != row:
                    other_items.add(index)
                elif name in self._messages:
                    errors.setdefault(name, error_text(problem))
                else:  # fixed ages, surgeries: under the list of exams
                    errors.setdefault("items", error_text(problem))
            elif field in self._messages:
                errors.setdefault(field, error_text(problem))
            else:
                errors.setdefault("items", error_text(problem))
        if other_items:
            names = ", ".join(str(index + 1) for index in sorted(other_items))
            errors.setdefault(
                "items", self.tr("Exam(s) {numbers} to correct.").format(numbers=names)
            )
        if self._fixed_ages_unreadable:
            errors["fixed_ages"] = self.tr(
                "Write the ages separated by commas, e.g. 20, 25, 30 (25,5 for a half year)."
            )
        if self._touched_reason() and not self.reason_edit.toPlainText().strip():
            errors["reason"] = self.tr("Enter the reason for this version.")
        self._errors = errors
        self.show_field_errors()
        self.remove_item_button.setEnabled(len(self.items) > 1)
        self.ok_button.setEnabled(not self._busy)

    def _touched_reason(self) -> bool:
        return "reason" in self._touched or self._saving

    def submit(self) -> None:
        """Save the version: nothing is sent while a problem remains or no reason is given."""
        self._saving = True
        self._revalidate()
        if self._errors or self._busy:
            bad = next(
                (
                    int(m.group(1))
                    for p in self.problems
                    if (m := _ITEM_FIELD.match(p.field or "")) is not None
                ),
                None,
            )
            if bad is not None and bad != self.item_list.currentRow():
                self.item_list.setCurrentRow(bad)  # shows that exam's problems
            return
        self._busy = True
        self._revalidate()
        self._tasks.run(
            self._session.followup.save_protocol,
            self.protocol(),
            self.reason_edit.toPlainText().strip(),
            on_success=self._on_saved,
            on_failure=self._on_failed,
            label=self.tr("Saving the protocol…"),
            owner=self,
        )

    def _on_saved(self, view: ProtocolView) -> None:
        self._busy = False
        self.sig_saved.emit(view)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._revalidate()
        problems = exc.problems if isinstance(exc, FormValidationError) else ()
        first = problems[0] if problems else exc
        field = first.field if isinstance(first, ValidationError) else None
        if field and field in self._messages:
            self.show_field_error(field, error_text(first))
        else:
            self._show_banner(error_text(exc), "error")


def _stack(widget: QWidget, message: QLabel) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(message)
    return box
