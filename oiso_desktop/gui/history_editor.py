"""The Antécédents tab's editor: the patient's cancers and risk-reducing surgeries.

A widget, not a window: the patient file window hosts it, loads it with
:meth:`HistoryEditor.set_content`, saves :meth:`HistoryEditor.content` through
the services and hands back what a refused save reports
(:meth:`HistoryEditor.show_problems`). It makes no service or database call.

Two compact tables (one row per cancer, one per surgery) and, beside them, the
form of the selected row. Fields appear only where they apply: grade and breast
markers for a breast cancer, MSI and immunohistochemistry for a colorectal or
endometrial one, the side for a surgery that has sides. Every edit is checked at
once with ``domain.personal_history.validate``: each problem is shown under its
input (red outline) and in the list "To correct", whose entries lead to the
item and input concerned.

The inputs keep what the user typed (an age such as "~45" or "40-49", a date
being typed); the domain object is rebuilt from them at each edit. An age or a
date that cannot be read is a problem of its own (``age_format``,
``date_format``) and is left out of :meth:`HistoryEditor.content`: the window
saves only when :meth:`HistoryEditor.problems` is empty.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import Age, Receptors
from oiso_desktop.domain.personal_history import (
    BREAST_SITES,
    MMR_SITES,
    SURGERY_KINDS,
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
    validate,
)
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.history_labels import (
    GRADE_LABELS,
    HISTOLOGY_LABELS,
    IHC_LABELS,
    LATERALITY_LABELS,
    MSI_LABELS,
    RECEPTOR_LABELS,
    SITE_LABELS,
    SURGERY_KIND_LABELS,
    SURGERY_SIDE_LABELS,
    coded_label,
)
from oiso_desktop.gui.history_table_model import (
    CancerRow,
    CancerTableModel,
    SurgeryRow,
    SurgeryTableModel,
)
from oiso_desktop.gui.widgets.data_table import set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import FieldMessage
from oiso_desktop.gui.widgets.item_form import (
    FieldBox,
    ItemEditor,
    format_date,
    read_date,
    unreadable_date,
)

__all__ = ["CANCERS", "HISTORY", "SURGERIES", "HistoryEditor"]

#: sections of the history, as in the problems' ``field`` ("cancers[0].age", "note")
CANCERS = "cancers"
SURGERIES = "surgeries"
HISTORY = "history"

_RECEPTOR_KEYS = ("er", "pr", "her2", "ck14", "ck56")

# Combos have no red outline in the application's stylesheet: the editor adds one.
_BADGE_STYLE = (
    "background: #eaf0f8; border: 1px solid #b7c7de; color: #1f3a60; "
    "border-radius: 4px; padding: 2px 8px; font-weight: bold;"
)


# --------------------------------------------------------------------------- drafts
def _read_age(text: str) -> Age:
    try:
        return Age.parse(text)
    except ValidationError:
        return Age()


def _typed_problems(
    prefix: str, age_text: str, date_key: str, date_text: str
) -> list[ValidationError]:
    """The age and date typed that cannot be read (the domain never sees them)."""
    problems: list[ValidationError] = []
    try:
        Age.parse(age_text, field=f"{prefix}.age")
    except ValidationError as exc:
        problems.append(exc)
    return problems + unreadable_date(f"{prefix}.{date_key}", date_text)


@dataclass
class _CancerDraft:
    """A cancer as its inputs hold it: every field, the age and date as typed."""

    site: str = "breast"
    laterality: str = ""
    age_text: str = ""
    date_text: str = ""
    histology: str = ""
    grade: int | None = None
    receptors: Receptors = field(default_factory=Receptors)
    msi: str = ""
    ihc: str = ""
    confirmed: bool = False
    note: str = ""

    @classmethod
    def of(cls, cancer: HistoryCancer) -> _CancerDraft:
        return cls(
            site=cancer.site,
            laterality=cancer.laterality,
            age_text=cancer.age.text,
            date_text=format_date(cancer.diagnosis_date),
            histology=cancer.histology,
            grade=cancer.grade,
            receptors=cancer.receptors,
            msi=cancer.msi,
            ihc=cancer.ihc,
            confirmed=cancer.confirmed,
            note=cancer.note,
        )

    def item(self) -> HistoryCancer:
        """The domain object; markers of another site (kept in the inputs) are left out."""
        breast = self.site in BREAST_SITES
        mmr = self.site in MMR_SITES
        return HistoryCancer(
            site=self.site,
            laterality=self.laterality,
            age=_read_age(self.age_text),
            diagnosis_date=read_date(self.date_text),
            histology=self.histology,
            grade=self.grade if breast else None,
            receptors=self.receptors if breast else Receptors(),
            msi=self.msi if mmr else "",
            ihc=self.ihc if mmr else "",
            confirmed=self.confirmed,
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return _typed_problems(prefix, self.age_text, "diagnosis_date", self.date_text)


@dataclass
class _SurgeryDraft:
    kind: str = "mastectomy"
    side: str = ""
    age_text: str = ""
    date_text: str = ""
    note: str = ""

    @classmethod
    def of(cls, surgery: RiskReducingSurgery) -> _SurgeryDraft:
        return cls(
            kind=surgery.kind,
            side=surgery.side,
            age_text=surgery.age.text,
            date_text=format_date(surgery.date),
            note=surgery.note,
        )

    def item(self) -> RiskReducingSurgery:
        kind = SURGERY_KINDS.get(self.kind)
        sided = kind is None or kind.sided
        return RiskReducingSurgery(
            kind=self.kind,
            side=self.side if sided else "",
            date=read_date(self.date_text),
            age=_read_age(self.age_text),
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return _typed_problems(prefix, self.age_text, "date", self.date_text)


# ------------------------------------------------------------------------ the widget
class HistoryEditor(ItemEditor):
    """Edit a :class:`PersonalHistory`: cancers, risk-reducing surgeries, a comment.

    ``sig_changed`` is emitted after every edit by the user (never after
    :meth:`set_content` or :meth:`set_patient`).
    """

    _SECTIONS = (CANCERS, SURGERIES)
    _GENERAL = HISTORY

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent, today=today)
        self.setObjectName("history_editor")
        self._birth_date: date | None = None
        self._sex: str | None = None
        self._cancers: list[_CancerDraft] = []
        self._surgeries: list[_SurgeryDraft] = []

        self._build()

    # ================================================================== public API
    def set_patient(self, *, birth_date: date, sex: str) -> None:
        """The patient's birth date and sex ("F", "M" or "I"): the checks depend on them."""
        self._birth_date = birth_date
        self._sex = sex
        if self._current is not None and self._current[0] == SURGERIES:
            with self._filling_inputs():
                self._fill_kind_combo(self._surgeries[self._current[1]].kind)
        self._refresh()

    def set_content(self, history: PersonalHistory) -> None:
        """Show ``history`` (what is typed is replaced); the first item is selected."""
        self._cancers = [_CancerDraft.of(cancer) for cancer in history.cancers]
        self._surgeries = [_SurgeryDraft.of(surgery) for surgery in history.surgeries]
        self._service_problems = []
        with self._filling_inputs():
            self.history_note_edit.setPlainText(history.note)
        self._update_rows()
        if self._cancers:
            self._select(CANCERS, 0)
        elif self._surgeries:
            self._select(SURGERIES, 0)
        else:
            self._select(None)
        self._refresh()

    def content(self) -> PersonalHistory:
        """The history as entered (an age or date that cannot be read is left out)."""
        return PersonalHistory(
            cancers=tuple(draft.item() for draft in self._cancers),
            surgeries=tuple(draft.item() for draft in self._surgeries),
            note=self.history_note_edit.toPlainText(),
        )

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: the items can be selected and read, nothing can be changed."""
        self._set_inputs_read_only(read_only)
        self._update_hints()

    def problems(self) -> list[ValidationError]:
        """Every problem of what is entered now: unreadable ages and dates, then the
        domain's checks (those need :meth:`set_patient`), item by item."""
        history = self.content()
        typed = [
            problem
            for index, cancer in enumerate(self._cancers)
            for problem in cancer.typed_problems(f"{CANCERS}[{index}]")
        ] + [
            problem
            for index, surgery in enumerate(self._surgeries)
            for problem in surgery.typed_problems(f"{SURGERIES}[{index}]")
        ]
        checked: list[ValidationError] = []
        if self._birth_date is not None and self._sex is not None:
            checked = validate(
                history, birth_date=self._birth_date, sex=self._sex, today=self._today()
            )
        return sorted(typed + checked, key=self._problem_order)

    # --------------------------------------------------------------- for tests
    def current_item(self) -> tuple[str, int] | None:
        """("cancers", 0), ("surgeries", 1) or None: the item whose form is shown."""
        return self._current

    # ==================================================================== building
    def _build_lists(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)

        self.cancer_model = CancerTableModel(self)
        self.cancer_table = self._table_section(
            column,
            CANCERS,
            "cancer",
            self.cancer_model,
            self.tr("Add a cancer (Insert)"),
            self.tr("Remove the selected cancer (Delete)"),
            row_height=26,
            min_height=90,
            stretch=3,
        )
        self.cancers_title = self._titles[CANCERS]
        self.add_cancer_button = self._add_buttons[CANCERS]
        self.remove_cancer_button = self._remove_buttons[CANCERS]
        set_column_modes(
            self.cancer_table.horizontalHeader(),
            widths={CancerTableModel.COL_SITE: 120},
            contents=(CancerTableModel.COL_SIDE, CancerTableModel.COL_WHEN),
            stretch=(CancerTableModel.COL_DETAILS,),
        )
        column.addSpacing(8)

        self.surgery_model = SurgeryTableModel(self)
        self.surgery_table = self._table_section(
            column,
            SURGERIES,
            "surgery",
            self.surgery_model,
            self.tr("Add a risk-reducing surgery (Insert)"),
            self.tr("Remove the selected surgery (Delete)"),
            row_height=26,
            min_height=90,
            stretch=2,
        )
        self.surgeries_title = self._titles[SURGERIES]
        self.add_surgery_button = self._add_buttons[SURGERIES]
        self.remove_surgery_button = self._remove_buttons[SURGERIES]
        set_column_modes(
            self.surgery_table.horizontalHeader(),
            widths={SurgeryTableModel.COL_KIND: 150},
            contents=(SurgeryTableModel.COL_SIDE, SurgeryTableModel.COL_WHEN),
            stretch=(SurgeryTableModel.COL_NOTE,),
        )
        column.addSpacing(8)

        note_title = self._section_title(self.tr("General comment"))
        column.addWidget(note_title)
        self.history_note_edit = self._note_edit("history_note_edit", lines=2)
        self.history_note_edit.setPlaceholderText(
            self.tr("Anything about the personal history that the fields above do not say")
        )
        note_title.setBuddy(self.history_note_edit)
        box = FieldBox(self.history_note_edit, fill=True)
        column.addWidget(box)
        self._register(HISTORY, "note", box.message, [self.history_note_edit])
        column.addSpacing(8)

        problems = self._build_problem_list(100)
        column.addWidget(self.problems_title)
        column.addWidget(problems)
        return column

    def _build_detail(self) -> QGroupBox:
        self.cancer_page = self._build_cancer_page()
        self.surgery_page = self._build_surgery_page()
        return self._build_detail_group([self.cancer_page, self.surgery_page])

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(self.tr("{label}:").format(label=text))
        label.setBuddy(buddy)
        return label

    def _build_cancer_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("cancer_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(8)

        form = self._form()
        self.site_combo = self._combo("site_combo")
        self._add_row(form, CANCERS, "site", self.tr("Site"), self.site_combo)
        self.laterality_combo = self._combo("laterality_combo")
        self._add_row(form, CANCERS, "laterality", self.tr("Side"), self.laterality_combo)
        self.cancer_age_edit = self._age_edit("cancer_age_edit")
        self._add_row(form, CANCERS, "age", self.tr("Age at diagnosis"), self.cancer_age_edit)
        self.diagnosis_date_edit = self._date_edit("diagnosis_date_edit")
        self._add_row(
            form, CANCERS, "diagnosis_date", self.tr("Date of diagnosis"), self.diagnosis_date_edit
        )
        self.cancer_when_hint = self._when_hint("cancer_when_hint")
        form.addRow("", self.cancer_when_hint)
        self.histology_combo = self._combo("histology_combo")
        self._add_row(form, CANCERS, "histology", self.tr("Histology"), self.histology_combo)
        self.confirmed_check = QCheckBox(self.tr("Confirmed by a pathology report"))
        self.confirmed_check.setObjectName("confirmed_check")
        form.addRow("", self.confirmed_check)
        layout.addLayout(form)

        # Breast: grade and markers, with the triple-negative status they imply.
        self.breast_group = QGroupBox(self.tr("Breast cancer: grade and markers"))
        self.breast_group.setObjectName("breast_group")
        grid = QGridLayout(self.breast_group)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grade_row = QHBoxLayout()
        grade_row.setSpacing(6)
        self.grade_combo = self._combo("grade_combo")
        grade_row.addWidget(self._caption(self.tr("Grade"), self.grade_combo))
        grade_row.addWidget(self.grade_combo)
        grade_row.addSpacing(16)
        self.triple_negative_label = QLabel(self.tr("Triple negative"))
        self.triple_negative_label.setObjectName("triple_negative_label")
        self.triple_negative_label.setStyleSheet(_BADGE_STYLE)
        self.triple_negative_label.setToolTip(
            self.tr("Oestrogen and progesterone receptors and HER2 are all negative")
        )
        grade_row.addWidget(self.triple_negative_label)
        grade_row.addStretch(1)
        grid.addLayout(grade_row, 0, 0, 1, 4)
        grade_message = FieldMessage()
        grid.addWidget(grade_message, 1, 0, 1, 4)
        self._register(CANCERS, "grade", grade_message, [self.grade_combo])
        self.receptor_combos: dict[str, QComboBox] = {}
        captions = {
            "er": self.tr("ER"),
            "pr": self.tr("PR"),
            "her2": "HER2",
            "ck14": "CK14",
            "ck56": "CK5/6",
        }
        for position, key in enumerate(_RECEPTOR_KEYS):
            combo = self._combo(f"{key}_combo")
            # The name above its value: three abreast fit the narrowest window.
            row, col = divmod(position, 3)
            caption = QLabel(captions[key])
            caption.setBuddy(combo)
            grid.addWidget(caption, 2 + row * 2, col)
            grid.addWidget(combo, 3 + row * 2, col)
            self.receptor_combos[key] = combo
        receptors_message = FieldMessage()
        grid.addWidget(receptors_message, 6, 0, 1, 4)
        self._register(CANCERS, "receptors", receptors_message, list(self.receptor_combos.values()))
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.breast_group)

        # Colorectal and endometrium: mismatch repair (Lynch syndrome).
        self.mmr_group = QGroupBox(self.tr("Mismatch repair (colorectal, endometrium)"))
        self.mmr_group.setObjectName("mmr_group")
        mmr_form = self._form()
        self.msi_combo = self._combo("msi_combo")
        self._add_row(mmr_form, CANCERS, "msi", self.tr("MSI status"), self.msi_combo)
        self.ihc_combo = self._combo("ihc_combo")
        self._add_row(mmr_form, CANCERS, "ihc", self.tr("Immunohistochemistry"), self.ihc_combo)
        self.mmr_group.setLayout(mmr_form)
        layout.addWidget(self.mmr_group)

        note_form = self._form()
        self.cancer_note_edit = self._note_edit("cancer_note_edit", lines=2)
        self._add_row(note_form, CANCERS, "note", self.tr("Comment"), self.cancer_note_edit)
        layout.addLayout(note_form)
        layout.addStretch(1)

        self._fill_fixed_combo(self.laterality_combo, LATERALITY_LABELS)
        self._fill_fixed_combo(self.histology_combo, HISTOLOGY_LABELS)
        self._fill_fixed_combo(self.grade_combo, GRADE_LABELS)
        for combo in self.receptor_combos.values():
            self._fill_fixed_combo(combo, RECEPTOR_LABELS)
            # As wide as the longest value needs, not more (the styled combo would add a
            # third): five of them share two rows.
            metrics = combo.fontMetrics()
            longest = max(
                metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
            )
            combo.setFixedWidth(longest + 64)
        self._fill_fixed_combo(self.msi_combo, MSI_LABELS)
        self._fill_fixed_combo(self.ihc_combo, IHC_LABELS)
        self._fill_fixed_combo(self.site_combo, SITE_LABELS)
        return page

    def _build_surgery_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("surgery_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        self.surgery_form = self._form()
        self.kind_combo = self._combo("kind_combo")
        self._add_row(self.surgery_form, SURGERIES, "kind", self.tr("Surgery"), self.kind_combo)
        self.side_combo = self._combo("side_combo")
        self._add_row(self.surgery_form, SURGERIES, "side", self.tr("Side"), self.side_combo)
        self.surgery_age_edit = self._age_edit("surgery_age_edit")
        self._add_row(self.surgery_form, SURGERIES, "age", self.tr("Age"), self.surgery_age_edit)
        self.surgery_date_edit = self._date_edit("surgery_date_edit")
        self._add_row(self.surgery_form, SURGERIES, "date", self.tr("Date"), self.surgery_date_edit)
        self.surgery_when_hint = self._when_hint("surgery_when_hint")
        self.surgery_form.addRow("", self.surgery_when_hint)
        self.surgery_note_edit = self._note_edit("surgery_note_edit", lines=3)
        self._add_row(
            self.surgery_form, SURGERIES, "note", self.tr("Comment"), self.surgery_note_edit
        )
        layout.addLayout(self.surgery_form)
        layout.addStretch(1)
        self._fill_fixed_combo(self.side_combo, SURGERY_SIDE_LABELS)
        self._fill_kind_combo("mastectomy")
        return page

    def _age_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaximumWidth(140)
        edit.setPlaceholderText(self.tr("45, ~45, 40-49…"))
        edit.setToolTip(
            self.tr("An exact age (45), an approximate one (~45, 40-49, < 50) or “unknown”")
        )
        return edit

    def _when_hint(self, name: str) -> QLabel:
        hint = QLabel(self.tr("The age or the date is enough; if both are given, they must agree."))
        hint.setObjectName(name)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        style.set_role(hint, "hint")
        return hint

    # ============================================================= combo contents
    def _fill_fixed_combo(self, combo: QComboBox, table: Mapping[object, str]) -> None:
        combo.clear()
        for code in table:
            combo.addItem(coded_label(table, code), code)
        combo.setProperty("standard_count", combo.count())

    def _fill_kind_combo(self, current: str) -> None:
        """The surgeries possible for the patient's sex, and ``current`` in any case."""
        combo = self.kind_combo
        combo.clear()
        for code, kind in SURGERY_KINDS.items():
            if self._sex is None or self._sex in kind.sexes or code == current:
                combo.addItem(coded_label(SURGERY_KIND_LABELS, code), code)
        combo.setProperty("standard_count", combo.count())
        self._set_combo(combo, current)

    # ================================================================== signals
    def _connect_inputs(self) -> None:
        for combo in (
            self.site_combo,
            self.laterality_combo,
            self.histology_combo,
            self.grade_combo,
            self.msi_combo,
            self.ihc_combo,
            *self.receptor_combos.values(),
        ):
            combo.currentIndexChanged.connect(self._on_cancer_edited)
        for edit in (self.cancer_age_edit, self.diagnosis_date_edit):
            edit.textChanged.connect(self._on_cancer_edited)
        self.confirmed_check.toggled.connect(self._on_cancer_edited)
        self.cancer_note_edit.textChanged.connect(self._on_cancer_edited)

        for combo in (self.kind_combo, self.side_combo):
            combo.currentIndexChanged.connect(self._on_surgery_edited)
        for edit in (self.surgery_age_edit, self.surgery_date_edit):
            edit.textChanged.connect(self._on_surgery_edited)
        self.surgery_note_edit.textChanged.connect(self._on_surgery_edited)

        self.history_note_edit.textChanged.connect(self._on_note_edited)

    def _set_tab_order(self) -> None:
        """Lists first, then the form shown, in reading order (hidden inputs are skipped)."""
        chain: list[QWidget] = [
            *self._table_tab_chain(),
            self.history_note_edit,
            self.problem_list,
            self.site_combo,
            self.laterality_combo,
            self.cancer_age_edit,
            self.diagnosis_date_edit,
            self.histology_combo,
            self.confirmed_check,
            self.grade_combo,
            *self.receptor_combos.values(),
            self.msi_combo,
            self.ihc_combo,
            self.cancer_note_edit,
            self.kind_combo,
            self.side_combo,
            self.surgery_age_edit,
            self.surgery_date_edit,
            self.surgery_note_edit,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_cancer_edited(self, *_args: object) -> None:
        if self._filling or self._current is None or self._current[0] != CANCERS:
            return
        self._cancers[self._current[1]] = _CancerDraft(
            site=self.site_combo.currentData(),
            laterality=self.laterality_combo.currentData(),
            age_text=self.cancer_age_edit.text(),
            date_text=self.diagnosis_date_edit.text(),
            histology=self.histology_combo.currentData(),
            grade=self.grade_combo.currentData(),
            receptors=Receptors(
                **{key: combo.currentData() for key, combo in self.receptor_combos.items()}
            ),
            msi=self.msi_combo.currentData(),
            ihc=self.ihc_combo.currentData(),
            confirmed=self.confirmed_check.isChecked(),
            note=self.cancer_note_edit.toPlainText(),
        )
        self._edited()

    def _on_surgery_edited(self, *_args: object) -> None:
        if self._filling or self._current is None or self._current[0] != SURGERIES:
            return
        self._surgeries[self._current[1]] = _SurgeryDraft(
            kind=self.kind_combo.currentData(),
            side=self.side_combo.currentData(),
            age_text=self.surgery_age_edit.text(),
            date_text=self.surgery_date_edit.text(),
            note=self.surgery_note_edit.toPlainText(),
        )
        self._edited()

    def _on_note_edited(self) -> None:
        if not self._filling:
            self._edited()

    # ================================================================ selection
    def current_page(self) -> str:
        """ "empty", "cancer" or "surgery": the form shown (tests)."""
        return {self.cancer_page: "cancer", self.surgery_page: "surgery"}.get(self._page, "empty")

    def _drafts(self, section: str) -> list[_CancerDraft] | list[_SurgeryDraft]:
        return self._cancers if section == CANCERS else self._surgeries

    def _page_of(self, section: str) -> QWidget:
        return self.cancer_page if section == CANCERS else self.surgery_page

    def _fill_form(self, section: str, index: int) -> None:
        if section == CANCERS:
            self._fill_cancer_form(self._cancers[index])
        else:
            self._fill_surgery_form(self._surgeries[index])

    def _fill_cancer_form(self, draft: _CancerDraft) -> None:
        self._set_combo(self.site_combo, draft.site)
        self._set_combo(self.laterality_combo, draft.laterality)
        self.cancer_age_edit.setText(draft.age_text)
        self.diagnosis_date_edit.setText(draft.date_text)
        self._set_combo(self.histology_combo, draft.histology)
        self.confirmed_check.setChecked(draft.confirmed)
        self._set_combo(self.grade_combo, draft.grade)
        for key, combo in self.receptor_combos.items():
            self._set_combo(combo, getattr(draft.receptors, key))
        self._set_combo(self.msi_combo, draft.msi)
        self._set_combo(self.ihc_combo, draft.ihc)
        if self.cancer_note_edit.toPlainText() != draft.note:
            self.cancer_note_edit.setPlainText(draft.note)

    def _fill_surgery_form(self, draft: _SurgeryDraft) -> None:
        self._fill_kind_combo(draft.kind)
        self._set_combo(self.side_combo, draft.side)
        self.surgery_age_edit.setText(draft.age_text)
        self.surgery_date_edit.setText(draft.date_text)
        if self.surgery_note_edit.toPlainText() != draft.note:
            self.surgery_note_edit.setPlainText(draft.note)

    # ========================================================== add and remove
    def _add(self, section: str) -> None:
        if self._read_only:
            return
        if section == CANCERS:
            self._cancers.append(_CancerDraft())
            first_input: QWidget = self.site_combo
        else:
            kinds = [
                code
                for code, kind in SURGERY_KINDS.items()
                if self._sex is None or self._sex in kind.sexes
            ]
            self._surgeries.append(_SurgeryDraft(kind=kinds[0]))
            first_input = self.kind_combo
        self._show_added(section)
        first_input.setFocus()

    def _ask_remove(self, section: str) -> None:
        if self._read_only:
            return
        if self._current is None or self._current[0] != section:
            return
        index = self._current[1]  # the item whose form is shown
        if section == CANCERS:
            title = self.tr("Remove a cancer")
            text = self.tr("Remove cancer {number} ({site}) from the personal history?").format(
                number=index + 1, site=self._what(section, index)
            )
        else:
            title = self.tr("Remove a surgery")
            text = self.tr("Remove surgery {number} ({kind}) from the personal history?").format(
                number=index + 1, kind=self._what(section, index)
            )
        self.last_confirmation = confirm(
            self,
            title,
            text,
            self.tr("The removal is saved with the rest of the form."),
            self.tr("Remove"),
            lambda: self._remove(section, index),
        )

    # ================================================================= keyboard
    def _first_input(self) -> QWidget:
        if self._current is not None and self._current[0] == SURGERIES:
            return self.kind_combo
        return self.site_combo

    # ============================================================== refreshing
    def _update_rows(self) -> None:
        by_item = self._problems_by_item()
        cancer_rows = [
            CancerRow(
                id=index,
                cancer=draft.item(),
                age_text=draft.age_text,
                date_text=draft.date_text,
                problems=tuple(by_item.get((CANCERS, index), ())),
            )
            for index, draft in enumerate(self._cancers)
        ]
        surgery_rows = [
            SurgeryRow(
                id=index,
                surgery=draft.item(),
                age_text=draft.age_text,
                date_text=draft.date_text,
                problems=tuple(by_item.get((SURGERIES, index), ())),
            )
            for index, draft in enumerate(self._surgeries)
        ]
        with self._filling_inputs():
            self.cancer_model.update_rows(cancer_rows)
            self.surgery_model.update_rows(surgery_rows)

    def _update_form_state(self) -> None:
        """What applies to the item shown: breast or MMR fields, side, triple negative."""
        if self._current is None:
            return
        section, index = self._current
        if section == CANCERS:
            draft = self._cancers[index]
            self.breast_group.setVisible(draft.site in BREAST_SITES)
            self.mmr_group.setVisible(draft.site in MMR_SITES)
            triple = HistoryCancer(site=draft.site, receptors=draft.receptors).triple_negative
            self.triple_negative_label.setVisible(bool(triple))
        else:
            kind = SURGERY_KINDS.get(self._surgeries[index].kind)
            self.surgery_form.setRowVisible(
                self.side_combo.parentWidget(), kind is None or kind.sided
            )

    def _problem_line(self, problem: ValidationError, target: tuple[str, int, str]) -> str:
        section, index, key = target
        text = error_text(problem)
        field_label = self._field_label(section, key)
        if section == HISTORY:
            where = field_label
        else:
            where = self.tr("{item} — {field}").format(
                item=self._item_name(section, index), field=field_label
            )
        return self.tr("{where}: {message}").format(where=where, message=text)

    def _field_label(self, section: str, key: str) -> str:
        labels = {
            (CANCERS, "site"): self.tr("Site"),
            (CANCERS, "laterality"): self.tr("Side"),
            (CANCERS, "age"): self.tr("Age at diagnosis"),
            (CANCERS, "diagnosis_date"): self.tr("Date of diagnosis"),
            (CANCERS, "histology"): self.tr("Histology"),
            (CANCERS, "grade"): self.tr("Grade"),
            (CANCERS, "receptors"): self.tr("Receptors"),
            (CANCERS, "msi"): self.tr("MSI status"),
            (CANCERS, "ihc"): self.tr("Immunohistochemistry"),
            (CANCERS, "note"): self.tr("Comment"),
            (SURGERIES, "kind"): self.tr("Surgery"),
            (SURGERIES, "side"): self.tr("Side"),
            (SURGERIES, "age"): self.tr("Age"),
            (SURGERIES, "date"): self.tr("Date"),
            (SURGERIES, "note"): self.tr("Comment"),
            (HISTORY, "note"): self.tr("General comment"),
        }
        return labels.get((section, key), key)

    def _what(self, section: str, index: int) -> str:
        """The site or kind of an item, in lower case to go inside a sentence."""
        if section == CANCERS:
            return coded_label(SITE_LABELS, self._cancers[index].site).lower()
        return coded_label(SURGERY_KIND_LABELS, self._surgeries[index].kind).lower()

    def _item_name(self, section: str, index: int) -> str:
        """ "Cancer 2 (colon and rectum)", "Surgery 1 (mastectomy)"."""
        if section == CANCERS and 0 <= index < len(self._cancers):
            return self.tr("Cancer {number} ({site})").format(
                number=index + 1, site=self._what(section, index)
            )
        if section == SURGERIES and 0 <= index < len(self._surgeries):
            return self.tr("Surgery {number} ({kind})").format(
                number=index + 1, kind=self._what(section, index)
            )
        return ""

    def _update_titles(self) -> None:
        self.cancers_title.setText(
            self.tr("Cancers ({count})").format(count=len(self._cancers))
            if self._cancers
            else self.tr("Cancers")
        )
        self.surgeries_title.setText(
            self.tr("Risk-reducing surgeries ({count})").format(count=len(self._surgeries))
            if self._surgeries
            else self.tr("Risk-reducing surgeries")
        )
        if self._current is None:
            self.detail_group.setTitle(self.tr("Details"))
        else:
            self.detail_group.setTitle(self._item_name(*self._current))

    def _update_hints(self) -> None:
        if self._read_only:
            empty = self.tr("Select a cancer or a surgery to see its details.")
        elif self._cancers or self._surgeries:
            empty = self.tr("Select a cancer or a surgery to see and edit its details.")
        else:
            empty = self.tr(
                "No cancer and no risk-reducing surgery recorded. Add one with the “Add” "
                "buttons, or with the Insert key in a table."
            )
        self.empty_label.setText(empty)
        for hint in (self.cancer_when_hint, self.surgery_when_hint):
            hint.setVisible(not self._read_only)

    # =============================================================== navigation
    def _all_inputs(self) -> list[QWidget]:
        return [*super()._all_inputs(), self.confirmed_check]
