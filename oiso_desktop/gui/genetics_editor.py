"""The Génétique tab's editor: tests, variants, consents, relatives informed.

A widget, not a window (the editor contract of the clinical tabs): the patient file
window loads it (:meth:`GeneticsEditor.set_content`), gives it the patient's birth
date and family (:meth:`GeneticsEditor.set_context`, again whenever the family
changes), saves :meth:`GeneticsEditor.content` through the services and hands back
what a refused save reports (:meth:`GeneticsEditor.show_problems`). It makes no
service or database call: the letter to relatives is asked for with
``sig_letter_requested`` (``gui.relatives_letter_dialog`` does it).

Four compact tables (one row per item) and, beside them, the form of the selected
item; fields appear where they apply (the genes of a panel; the familial variant of
a targeted or predictive test; the relative of a predictive test). Every edit is
checked at once with ``domain.genetics.validate``: an HGVS description that does not
read, an unknown class, a predictive test without its familial variant, a date
before birth... each problem under its input (red) and in the list "To correct",
whose entries lead to the item and input concerned. A gene outside the shipped list
is a notice (orange), not a problem. Dates keep what is typed; one that cannot be
read is a problem of its own (``date_format``) and is left out of :meth:`content`.

:meth:`GeneticsEditor.pedigree_results` gives what the pedigree shows of this form
(``domain.genetics.genetics_results``: the carrier mark for class 4-5 only), for
``FamilyEditor.set_genetics_results``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import Family, GeneticResult
from oiso_desktop.domain.genetics import (
    ACMG_CLASSES,
    CONSENT_SCOPES,
    INFORMATION_CHANNELS,
    PREDISPOSITION_GENES,
    RELATIVE_OUTCOMES,
    TEST_KINDS,
    TEST_STATUSES,
    ZYGOSITIES,
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
    genetics_results,
    is_positive,
    listed_gene,
    next_test_id,
    notices,
    validate,
)
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.family_labels import person_text
from oiso_desktop.gui.genetics_labels import (
    CHANNEL_LABELS,
    CLASS_LABELS,
    CONSENT_SCOPE_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
    TEST_KIND_LABELS,
    ZYGOSITY_LABELS,
    coded_label,
)
from oiso_desktop.gui.genetics_table_model import (
    ConsentRow,
    ConsentTableModel,
    InformationRow,
    InformationTableModel,
    TestRow,
    TestTableModel,
    VariantRow,
    VariantTableModel,
)
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.gui.widgets.data_table import set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.item_form import (
    ItemEditor,
    format_date,
    read_date,
    unreadable_date,
)

__all__ = ["CONSENTS", "INFORMATION", "PANEL_PRESETS", "TESTS", "VARIANTS", "GeneticsEditor"]

#: sections of the form, as in the problems' ``field`` ("variants[0].hgvs_c")
TESTS = "tests"
VARIANTS = "variants"
CONSENTS = "consents"
INFORMATION = "relative_information"
SECTIONS = (TESTS, VARIANTS, CONSENTS, INFORMATION)

_GENE_SPLIT = re.compile(r"[\s,;]+")

#: Usual panels (the genes of the French GGC panels), offered to fill a panel's genes.
PANEL_PRESETS: Mapping[str, tuple[str, ...]] = {
    "breast_ovary": (
        "BRCA1",
        "BRCA2",
        "PALB2",
        "RAD51C",
        "RAD51D",
        "TP53",
        "PTEN",
        "CDH1",
        "MLH1",
        "MSH2",
        "MSH6",
        "PMS2",
        "EPCAM",
    ),
    "colon": (
        "MLH1",
        "MSH2",
        "MSH6",
        "PMS2",
        "EPCAM",
        "APC",
        "MUTYH",
        "POLE",
        "POLD1",
        "NTHL1",
        "SMAD4",
        "BMPR1A",
        "STK11",
        "PTEN",
        "TP53",
        "CDH1",
    ),
}

# The application's stylesheet outlines invalid inputs; lists are the editor's own.
_INVALID_STYLE = f'QListWidget[invalid="true"] {{ border: 2px solid {style.ERROR}; }}'
# The menu arrow of a tool button drawn after its text, not over it.
_MENU_BUTTON_STYLE = "QToolButton::menu-indicator { image: none; width: 0px; }"
_POSITIVE_BADGE = (
    "background: #fdecea; border: 1px solid #e8a29c; color: #8c1d18; "
    "border-radius: 4px; padding: 2px 8px; font-weight: bold;"
)
_UNCERTAIN_BADGE = (
    "background: #fff4d6; border: 1px solid #e7c36b; color: #7a4b00; "
    "border-radius: 4px; padding: 2px 8px; font-weight: bold;"
)
_OTHER_BADGE = (
    "background: #eaf0f8; border: 1px solid #b7c7de; color: #1f3a60; "
    "border-radius: 4px; padding: 2px 8px;"
)


# --------------------------------------------------------------------------- drafts
def _genes(text: str) -> tuple[str, ...]:
    """ "BRCA1, brca2 PALB2" -> ("BRCA1", "BRCA2", "PALB2"), in order, each once."""
    found = [listed_gene(part) for part in _GENE_SPLIT.split(text) if part.strip()]
    return tuple(dict.fromkeys(found))


@dataclass
class _TestDraft:
    id: str
    kind: str = "panel"
    date_text: str = ""
    laboratory: str = ""
    indication: str = ""
    genes_text: str = ""
    familial_gene: str = ""
    familial_variant: str = ""
    relative_id: str | None = None
    status: str = "requested"
    relative_outcome: str = ""
    note: str = ""

    @classmethod
    def of(cls, test: GeneticTest) -> _TestDraft:
        return cls(
            id=test.id,
            kind=test.kind,
            date_text=format_date(test.date),
            laboratory=test.laboratory,
            indication=test.indication,
            genes_text=", ".join(test.genes),
            familial_gene=test.familial_gene,
            familial_variant=test.familial_variant,
            relative_id=test.relative_id,
            status=test.status,
            relative_outcome=test.relative_outcome,
            note=test.note,
        )

    def item(self) -> GeneticTest:
        """The domain object; fields of another kind of analysis (kept in the inputs)
        are left out."""
        panel = self.kind == "panel"
        familial = self.kind in ("targeted", "predictive")
        predictive = self.kind == "predictive"
        return GeneticTest(
            id=self.id,
            kind=self.kind,
            date=read_date(self.date_text),
            laboratory=self.laboratory.strip(),
            indication=self.indication.strip(),
            genes=_genes(self.genes_text) if panel else (),
            familial_gene=listed_gene(self.familial_gene) if familial else "",
            familial_variant=self.familial_variant.strip() if familial else "",
            relative_id=self.relative_id if predictive else None,
            status=self.status,
            relative_outcome=(
                self.relative_outcome if predictive and self.status == "result_received" else ""
            ),
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return unreadable_date(f"{prefix}.date", self.date_text)


@dataclass
class _VariantDraft:
    gene: str = ""
    hgvs_c: str = ""
    hgvs_p: str = ""
    acmg_class: int | None = None
    zygosity: str = "heterozygous"
    test_id: str = ""
    note: str = ""

    @classmethod
    def of(cls, variant: Variant) -> _VariantDraft:
        return cls(
            gene=variant.gene,
            hgvs_c=variant.hgvs_c,
            hgvs_p=variant.hgvs_p,
            acmg_class=variant.acmg_class,
            zygosity=variant.zygosity,
            test_id=variant.test_id,
            note=variant.note,
        )

    def item(self) -> Variant:
        return Variant(
            gene=listed_gene(self.gene),
            hgvs_c=self.hgvs_c.strip(),
            hgvs_p=self.hgvs_p.strip(),
            acmg_class=self.acmg_class,
            zygosity=self.zygosity,
            test_id=self.test_id,
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return []


@dataclass
class _ConsentDraft:
    date_text: str = ""
    scopes: tuple[str, ...] = ("diagnostic",)
    document_id: int | None = None
    note: str = ""

    @classmethod
    def of(cls, consent: Consent) -> _ConsentDraft:
        return cls(format_date(consent.date), consent.scopes, consent.document_id, consent.note)

    def item(self) -> Consent:
        return Consent(
            date=read_date(self.date_text),
            scopes=self.scopes,
            document_id=self.document_id,
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return unreadable_date(f"{prefix}.date", self.date_text)


@dataclass
class _InformationDraft:
    relative_ids: tuple[str, ...] = ()
    date_text: str = ""
    channel: str = "letter_by_patient"
    letter: str = ""
    document_id: int | None = None
    note: str = ""

    @classmethod
    def of(cls, information: RelativeInformation) -> _InformationDraft:
        return cls(
            information.relative_ids,
            format_date(information.date),
            information.channel,
            information.letter,
            information.document_id,
            information.note,
        )

    def item(self) -> RelativeInformation:
        return RelativeInformation(
            relative_ids=self.relative_ids,
            date=read_date(self.date_text),
            channel=self.channel,
            letter=self.letter.strip(),
            document_id=self.document_id,
            note=self.note,
        )

    def typed_problems(self, prefix: str) -> list[ValidationError]:
        return unreadable_date(f"{prefix}.date", self.date_text)


Draft = _TestDraft | _VariantDraft | _ConsentDraft | _InformationDraft


# ------------------------------------------------------------------------ the widget
class GeneticsEditor(ItemEditor):
    """Edit a :class:`~oiso_desktop.domain.genetics.Genetics`.

    ``sig_changed``: after every edit by the user (never after :meth:`set_content` or
    :meth:`set_context`). ``sig_letter_requested(tuple[str, ...])``: the user asked for
    the letter to relatives; the relatives ticked in the information shown (maybe
    none) come with it.
    """

    sig_letter_requested = Signal(object)

    _SECTIONS = SECTIONS
    _FORM_SPACING = 5
    _LABEL_MAX_HEIGHT = 30  # a list is taller than its label

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent, today=today)
        self.setObjectName("genetics_editor")
        self.setStyleSheet(_INVALID_STYLE)
        self._family = Family()
        self._birth_date: date | None = None
        self._tests: list[_TestDraft] = []
        self._variants: list[_VariantDraft] = []
        self._consents: list[_ConsentDraft] = []
        self._documents: list[tuple[int, str]] = []  # the file's attachments (signed forms)
        self._information: list[_InformationDraft] = []

        self._build()

    # ================================================================== public API
    def set_context(self, *, birth_date: date, family: Family) -> None:
        """The patient's birth date and family (the relatives to choose, and the checks):
        call it again whenever the family changes."""
        self._birth_date = birth_date
        self._family = family
        with self._filling_inputs():
            self._fill_relatives()
            if self._current is not None:
                self._fill_form(*self._current)
        self._refresh()

    def set_content(self, genetics: Genetics) -> None:
        """Show ``genetics`` (what is typed is replaced); the first item is selected."""
        self._tests = [_TestDraft.of(test) for test in genetics.tests]
        self._variants = [_VariantDraft.of(variant) for variant in genetics.variants]
        self._consents = [_ConsentDraft.of(consent) for consent in genetics.consents]
        self._information = [_InformationDraft.of(i) for i in genetics.relative_information]
        self._service_problems = []
        self._update_rows()
        first = next((s for s in SECTIONS if self._drafts(s)), None)
        self._select(first, 0 if first else -1)
        self._refresh()

    def content(self) -> Genetics:
        """The form as entered (a date that cannot be read is left out)."""
        return Genetics(
            tests=tuple(draft.item() for draft in self._tests),
            variants=tuple(draft.item() for draft in self._variants),
            consents=tuple(draft.item() for draft in self._consents),
            relative_information=tuple(draft.item() for draft in self._information),
        )

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: items can be selected and read, nothing can be changed."""
        self._set_inputs_read_only(read_only)
        self.panel_button.setVisible(not read_only)
        self.use_variant_button.setVisible(not read_only)
        if self._current is not None:
            with self._filling_inputs():  # the relatives' ticks follow
                self._fill_form(*self._current)
        self._refresh()

    def problems(self) -> list[ValidationError]:
        """Every problem of what is entered now: unreadable dates, then the domain's
        checks (the relatives against the family of :meth:`set_context`)."""
        typed = [
            problem
            for section in SECTIONS
            for index, draft in enumerate(self._drafts(section))
            for problem in draft.typed_problems(f"{section}[{index}]")
        ]
        checked: list[ValidationError] = []
        if self._birth_date is not None:
            unreadable = {problem.field for problem in typed}
            checked = [
                problem
                for problem in validate(
                    self.content(),
                    birth_date=self._birth_date,
                    today=self._today(),
                    family=self._family if self._family.people else None,
                )
                # a date typed that does not read is not said to be missing too
                if not (
                    problem.code == ErrorCode.GENETICS_DATE_REQUIRED and problem.field in unreadable
                )
            ]
        return sorted(typed + checked, key=self._problem_order)

    def notices(self) -> list[ValidationError]:
        """Remarks that do not prevent saving (a gene outside the shipped list)."""
        return list(self._notices)

    def pedigree_results(self) -> dict[str, tuple[GeneticResult, ...]]:
        """What the pedigree shows of this form, by person id of the family given to
        :meth:`set_context` (``FamilyEditor.set_genetics_results``): the proband's class
        4-5 variants as carrier marks, class 3 as "VSI", the relatives' predictive
        results."""
        return genetics_results(self.content(), self._family)

    def record_letter(self, relative_ids: Sequence[str], day: date, mode: str, letter: str) -> None:
        """Record that ``relative_ids`` were written to (a letter saved): a new information
        item, selected; an edit (``sig_changed``), to be saved with the form."""
        if self._read_only or not relative_ids:
            return
        channel = "letter_by_practitioner" if mode == "by_practitioner" else "letter_by_patient"
        self._information.append(
            _InformationDraft(
                relative_ids=tuple(relative_ids),
                date_text=format_date(day),
                channel=channel,
                letter=letter,
            )
        )
        self._show_added(INFORMATION)

    def relatives(self) -> list[tuple[str, str]]:
        """The relatives of the family given (person id, how they are named), proband
        excepted: those a letter or a predictive test may concern."""
        return [
            (person.id, person_text(self._family, person.id))
            for person in self._family.people
            if not person.proband
        ]

    # --------------------------------------------------------------- for tests
    def current_item(self) -> tuple[str, int] | None:
        """("tests", 0), ("variants", 1)... or None: the item whose form is shown."""
        return self._current

    def current_page(self) -> str:
        """ "empty", "test", "variant", "consent" or "information" (tests)."""
        pages = {
            self.test_page: "test",
            self.variant_page: "variant",
            self.consent_page: "consent",
            self.information_page: "information",
        }
        return pages.get(self._page, "empty")

    def table(self, section: str) -> QTableView:
        return self._tables[section]

    def add_button(self, section: str) -> QPushButton:
        return self._add_buttons[section]

    # ==================================================================== building
    def _table_section_of(
        self,
        column: QVBoxLayout,
        section: str,
        model: RowTableModel[Any],
        add_tip: str,
        remove_tip: str,
    ) -> QTableView:
        return self._table_section(
            column,
            section,
            section,
            model,
            add_tip,
            remove_tip,
            row_height=24,
            # a header and two rows at least (the consents and information: one)
            min_height=56 if section in (CONSENTS, INFORMATION) else 80,
            stretch=1,
        )

    def _build_lists(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)

        self.test_model = TestTableModel(self)
        tests = QVBoxLayout()
        self._table_section_of(
            tests,
            TESTS,
            self.test_model,
            self.tr("Add a genetic test (Insert)"),
            self.tr("Remove the selected test (Delete)"),
        )
        set_column_modes(
            self._tables[TESTS].horizontalHeader(),
            contents=(TestTableModel.COL_DATE, TestTableModel.COL_STATUS),
            stretch=(TestTableModel.COL_KIND, TestTableModel.COL_LABORATORY),
        )
        column.addLayout(tests, 4)
        column.addSpacing(6)

        self.variant_model = VariantTableModel(self)
        variants = QVBoxLayout()
        self._table_section_of(
            variants,
            VARIANTS,
            self.variant_model,
            self.tr("Add a variant (Insert)"),
            self.tr("Remove the selected variant (Delete)"),
        )
        set_column_modes(
            self._tables[VARIANTS].horizontalHeader(),
            contents=(VariantTableModel.COL_GENE, VariantTableModel.COL_CLASS),
            stretch=(VariantTableModel.COL_C, VariantTableModel.COL_P),
        )
        column.addLayout(variants, 4)
        column.addSpacing(6)

        pair = QHBoxLayout()
        pair.setSpacing(10)
        self.consent_model = ConsentTableModel(self)
        consents = QVBoxLayout()
        self._table_section_of(
            consents,
            CONSENTS,
            self.consent_model,
            self.tr("Add a consent (Insert)"),
            self.tr("Remove the selected consent (Delete)"),
        )
        set_column_modes(
            self._tables[CONSENTS].horizontalHeader(),
            contents=(ConsentTableModel.COL_DATE,),
            stretch=(ConsentTableModel.COL_SCOPE,),
        )
        pair.addLayout(consents, 1)
        self.information_model = InformationTableModel(self)
        information = QVBoxLayout()
        self._table_section_of(
            information,
            INFORMATION,
            self.information_model,
            self.tr("Record relatives informed (Insert)"),
            self.tr("Remove the selected information (Delete)"),
        )
        set_column_modes(
            self._tables[INFORMATION].horizontalHeader(),
            contents=(InformationTableModel.COL_DATE,),
            stretch=(InformationTableModel.COL_RELATIVES, InformationTableModel.COL_CHANNEL),
        )
        self.letter_button = QPushButton(icon("export"), self.tr("Letter to relatives…"))
        self.letter_button.setObjectName("letter_button")
        self.letter_button.setToolTip(
            self.tr(
                "Write the letter “information de la parentèle” (PDF) to the relatives you "
                "choose, from the saved file"
            )
        )
        self.letter_button.clicked.connect(self._on_letter_clicked)
        pair.addLayout(information, 1)
        column.addLayout(pair, 2)
        column.addSpacing(6)

        # the letter under the relatives informed, the problems' title beside it
        problems = self._build_problem_list(66)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems_title, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addStretch(1)
        bottom.addWidget(self.letter_button)
        column.addLayout(bottom)
        column.addWidget(problems)
        return column

    def _build_detail(self) -> QGroupBox:
        self.test_page = self._build_test_page()
        self.variant_page = self._build_variant_page()
        self.consent_page = self._build_consent_page()
        self.information_page = self._build_information_page()
        self._set_choice_texts()
        return self._build_detail_group(
            [self.test_page, self.variant_page, self.consent_page, self.information_page]
        )

    def _line(self, name: str, *, width: int | None = None, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if width:
            edit.setMaximumWidth(width)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _gene_combo(self, name: str) -> QComboBox:
        """An editable gene input completing from the shipped list (any symbol allowed)."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMinimumWidth(130)
        combo.setMaximumWidth(180)
        combo.addItem("", "")
        for gene, cancers in sorted(PREDISPOSITION_GENES.items()):
            combo.addItem(gene, gene)
            combo.setItemData(combo.count() - 1, cancers, Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(sorted(PREDISPOSITION_GENES), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        assert line is not None
        line.setPlaceholderText("BRCA2")
        return combo

    def _build_test_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("test_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        form = self._form()
        self.test_form = form
        self.kind_combo = self._combo("kind_combo")
        self._add_row(form, TESTS, "kind", self.tr("Analysis"), self.kind_combo, [self.kind_combo])
        self.test_date_edit = self._date_edit("test_date_edit")
        self._add_row(
            form,
            TESTS,
            "date",
            self.tr("Prescribed on"),
            self.test_date_edit,
            [self.test_date_edit],
        )
        self.laboratory_edit = self._line("laboratory_edit", placeholder=self.tr("Laboratory"))
        self._add_row(
            form,
            TESTS,
            "laboratory",
            self.tr("Laboratory"),
            self.laboratory_edit,
            [self.laboratory_edit],
            fill=True,
        )
        self.indication_edit = self._line(
            "indication_edit", placeholder=self.tr("Personal or family history that justifies it")
        )
        self._add_row(
            form,
            TESTS,
            "indication",
            self.tr("Indication"),
            self.indication_edit,
            [self.indication_edit],
            fill=True,
        )
        self.status_combo = self._combo("status_combo")
        self._add_row(
            form, TESTS, "status", self.tr("Status"), self.status_combo, [self.status_combo]
        )

        genes_row = QHBoxLayout()
        genes_row.setSpacing(6)
        self.genes_edit = self._line("genes_edit", placeholder="BRCA1, BRCA2, PALB2…")
        self.genes_edit.setToolTip(self.tr("Gene symbols separated by commas or spaces"))
        genes_row.addWidget(self.genes_edit, 1)
        self.panel_button = QToolButton()
        self.panel_button.setObjectName("panel_button")
        self.panel_button.setText(self.tr("Usual panels") + " ▾")
        self.panel_button.setStyleSheet(_MENU_BUTTON_STYLE)
        self.panel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.panel_button)
        self._panel_actions: dict[str, QAction] = {}
        for key in PANEL_PRESETS:
            action = menu.addAction("")
            action.triggered.connect(lambda _checked=False, k=key: self._use_panel(k))
            self._panel_actions[key] = action
        self.panel_button.setMenu(menu)
        genes_row.addWidget(self.panel_button)
        self._add_row(
            form, TESTS, "genes", self.tr("Genes of the panel"), genes_row, [self.genes_edit]
        )

        self.familial_gene_combo = self._gene_combo("familial_gene_combo")
        self._add_row(
            form,
            TESTS,
            "familial_gene",
            self.tr("Gene of the familial variant"),
            self.familial_gene_combo,
            [self.familial_gene_combo],
        )
        variant_row = QHBoxLayout()
        variant_row.setSpacing(6)
        self.familial_variant_edit = self._line("familial_variant_edit", placeholder="c.5946del")
        variant_row.addWidget(self.familial_variant_edit, 1)
        self.use_variant_button = QToolButton()
        self.use_variant_button.setObjectName("use_variant_button")
        self.use_variant_button.setText(self.tr("Patient's variants") + " ▾")
        self.use_variant_button.setStyleSheet(_MENU_BUTTON_STYLE)
        self.use_variant_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.use_variant_menu = QMenu(self.use_variant_button)
        self.use_variant_menu.aboutToShow.connect(self._fill_variant_menu)
        self.use_variant_button.setMenu(self.use_variant_menu)
        variant_row.addWidget(self.use_variant_button)
        self._add_row(
            form,
            TESTS,
            "familial_variant",
            self.tr("Familial variant (HGVS c.)"),
            variant_row,
            [self.familial_variant_edit],
        )
        self.relative_combo = self._combo("relative_combo")
        self._add_row(
            form,
            TESTS,
            "relative_id",
            self.tr("Relative tested"),
            self.relative_combo,
            [self.relative_combo],
        )
        self.outcome_combo = self._combo("outcome_combo")
        self._add_row(
            form,
            TESTS,
            "relative_outcome",
            self.tr("Relative's result"),
            self.outcome_combo,
            [self.outcome_combo],
        )
        self.test_note_edit = self._note_edit("test_note_edit")
        self._add_row(
            form, TESTS, "note", self.tr("Comment"), self.test_note_edit, [self.test_note_edit]
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self._fill_fixed_combo(self.kind_combo, TEST_KIND_LABELS, TEST_KINDS)
        self._fill_fixed_combo(self.status_combo, STATUS_LABELS, TEST_STATUSES)
        self._fill_fixed_combo(self.outcome_combo, OUTCOME_LABELS, RELATIVE_OUTCOMES)
        return page

    def _build_variant_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("variant_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        form = self._form()
        self.gene_combo = self._gene_combo("gene_combo")
        self._add_row(form, VARIANTS, "gene", self.tr("Gene"), self.gene_combo, [self.gene_combo])
        self.hgvs_c_edit = self._line("hgvs_c_edit", placeholder="c.5946del")
        self.hgvs_c_edit.setToolTip(
            self.tr("Coding DNA description (HGVS): c.5946del, c.68-2A>G, c.1234_1235insT")
        )
        self._add_row(
            form,
            VARIANTS,
            "hgvs_c",
            self.tr("HGVS c."),
            self.hgvs_c_edit,
            [self.hgvs_c_edit],
            fill=True,
        )
        self.hgvs_p_edit = self._line("hgvs_p_edit", placeholder="p.(Ser1982Argfs*22)")
        self.hgvs_p_edit.setToolTip(
            self.tr("Protein description (HGVS), optional: p.(Ser1982Argfs*22), p.Arg1699Trp")
        )
        self._add_row(
            form,
            VARIANTS,
            "hgvs_p",
            self.tr("HGVS p."),
            self.hgvs_p_edit,
            [self.hgvs_p_edit],
            fill=True,
        )
        class_row = QHBoxLayout()
        class_row.setSpacing(10)
        self.class_combo = self._combo("class_combo")
        class_row.addWidget(self.class_combo)
        self.result_badge = QLabel()
        self.result_badge.setObjectName("result_badge")
        class_row.addWidget(self.result_badge)
        class_row.addStretch(1)
        self._add_row(
            form, VARIANTS, "acmg_class", self.tr("ACMG class"), class_row, [self.class_combo]
        )
        self.zygosity_combo = self._combo("zygosity_combo")
        self._add_row(
            form,
            VARIANTS,
            "zygosity",
            self.tr("Zygosity"),
            self.zygosity_combo,
            [self.zygosity_combo],
        )
        self.variant_test_combo = self._combo("variant_test_combo")
        self._add_row(
            form,
            VARIANTS,
            "test_id",
            self.tr("Found by"),
            self.variant_test_combo,
            [self.variant_test_combo],
        )
        self.variant_note_edit = self._note_edit("variant_note_edit")
        self._add_row(
            form,
            VARIANTS,
            "note",
            self.tr("Comment"),
            self.variant_note_edit,
            [self.variant_note_edit],
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.class_combo.addItem(self.tr("— choose —"), None)
        for number in ACMG_CLASSES:
            self.class_combo.addItem(coded_label(CLASS_LABELS, number), number)
        self.class_combo.setProperty("standard_count", self.class_combo.count())
        self._fill_fixed_combo(self.zygosity_combo, ZYGOSITY_LABELS, ZYGOSITIES)
        return page

    def _build_consent_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("consent_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        form = self._form()
        self.consent_date_edit = self._date_edit("consent_date_edit")
        self._add_row(
            form,
            CONSENTS,
            "date",
            self.tr("Signed on"),
            self.consent_date_edit,
            [self.consent_date_edit],
        )
        scopes = QWidget()
        scopes_layout = QVBoxLayout(scopes)
        scopes_layout.setContentsMargins(0, 0, 0, 0)
        scopes_layout.setSpacing(2)
        self.scope_checks: dict[str, QCheckBox] = {}
        for code in CONSENT_SCOPES:
            check = QCheckBox()
            check.setObjectName(f"scope_{code}_check")
            scopes_layout.addWidget(check)
            self.scope_checks[code] = check
        self._add_row(
            form, CONSENTS, "scopes", self.tr("Covers"), scopes, list(self.scope_checks.values())
        )
        self.consent_document_combo = QComboBox()
        self.consent_document_combo.setObjectName("consent_document_combo")
        self.consent_document_combo.setToolTip(
            self.tr("The scanned signed form, among the file's documents (Documents tab).")
        )
        self._fill_document_choices(None)
        self._add_row(
            form,
            CONSENTS,
            "document_id",
            self.tr("Signed form"),
            self.consent_document_combo,
            [self.consent_document_combo],
        )
        self.consent_note_edit = self._note_edit("consent_note_edit", lines=3)
        self._add_row(
            form,
            CONSENTS,
            "note",
            self.tr("Comment"),
            self.consent_note_edit,
            [self.consent_note_edit],
        )
        layout.addLayout(form)
        self.consent_hint = QLabel(
            self.tr("Attach the scanned signed form in the Documents tab, then choose it here.")
        )
        self.consent_hint.setObjectName("consent_hint")
        self.consent_hint.setWordWrap(True)
        style.set_role(self.consent_hint, "hint")
        layout.addWidget(self.consent_hint)
        layout.addStretch(1)
        return page

    def set_documents(self, documents: Sequence[tuple[int, str]]) -> None:
        """The file's attachments (id, title) a consent's signed form can be chosen among."""
        self._documents = list(documents)
        current = self._consents[self._current[1]] if self._current_is(CONSENTS) else None
        with self._filling_inputs():
            self._fill_document_choices(current.document_id if current else None)

    def _current_is(self, section: str) -> bool:
        return self._current is not None and self._current[0] == section

    def _fill_document_choices(self, document_id: int | None) -> None:
        combo = self.consent_document_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none)"), None)
        for identifier, title in self._documents:
            combo.addItem(title, identifier)
        if document_id is not None and combo.findData(document_id) < 0:
            # a document not listed (deleted, or the list not loaded yet): kept, named
            combo.addItem(self.tr("Document no. {id}").format(id=document_id), document_id)
        combo.setCurrentIndex(max(combo.findData(document_id), 0))
        combo.blockSignals(False)

    def _build_information_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("information_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 4, 6, 4)
        form = self._form()
        self.information_date_edit = self._date_edit("information_date_edit")
        self._add_row(
            form,
            INFORMATION,
            "date",
            self.tr("Informed on"),
            self.information_date_edit,
            [self.information_date_edit],
        )
        self.relatives_list = QListWidget()
        self.relatives_list.setObjectName("relatives_list")
        self.relatives_list.setMinimumHeight(90)
        self.relatives_list.setMaximumHeight(150)
        self._add_row(
            form,
            INFORMATION,
            "relative_ids",
            self.tr("Relatives informed"),
            self.relatives_list,
            [self.relatives_list],
            fill=True,
        )
        self.channel_combo = self._combo("channel_combo")
        self._add_row(
            form, INFORMATION, "channel", self.tr("How"), self.channel_combo, [self.channel_combo]
        )
        self.letter_edit = self._line(
            "letter_edit", placeholder=self.tr("Letter of 02/03/2026, copy in the file…")
        )
        self._add_row(
            form,
            INFORMATION,
            "letter",
            self.tr("Letter"),
            self.letter_edit,
            [self.letter_edit],
            fill=True,
        )
        self.information_note_edit = self._note_edit("information_note_edit")
        self._add_row(
            form,
            INFORMATION,
            "note",
            self.tr("Comment"),
            self.information_note_edit,
            [self.information_note_edit],
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self._fill_fixed_combo(self.channel_combo, CHANNEL_LABELS, INFORMATION_CHANNELS)
        return page

    # ============================================================= combo contents
    def _fill_fixed_combo(
        self, combo: QComboBox, labels: Mapping[object, str], codes: Mapping[str, str]
    ) -> None:
        combo.clear()
        for code in codes:
            combo.addItem(coded_label(labels, code), code)
        combo.setProperty("standard_count", combo.count())

    def _set_gene(self, combo: QComboBox, gene: str) -> None:
        if combo.currentText() != gene:
            combo.setEditText(gene)

    def _fill_relatives(self) -> None:
        """The relative combo and the relatives list, from the family given."""
        self.relative_combo.clear()
        self.relative_combo.addItem(self.tr("— choose —"), None)
        for person_id, label in self.relatives():
            self.relative_combo.addItem(label, person_id)
        self.relative_combo.setProperty("standard_count", self.relative_combo.count())

    def _fill_test_choices(self, current: str) -> None:
        combo = self.variant_test_combo
        combo.clear()
        combo.addItem(self.tr("Not specified"), "")
        for index, draft in enumerate(self._tests):
            test = draft.item()
            when = f" — {draft.date_text}" if draft.date_text.strip() else ""
            combo.addItem(
                self.tr("Test {number}: {kind}").format(
                    number=index + 1, kind=coded_label(TEST_KIND_LABELS, test.kind)
                )
                + when,
                draft.id,
            )
        combo.setProperty("standard_count", combo.count())
        self._set_combo(combo, current)

    def _fill_relatives_list(self, chosen: Sequence[str]) -> None:
        self.relatives_list.clear()
        known = {person_id for person_id, _ in self.relatives()}
        entries = self.relatives() + [(pid, pid) for pid in chosen if pid not in known]
        for person_id, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if self._read_only:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(
                Qt.CheckState.Checked if person_id in chosen else Qt.CheckState.Unchecked
            )
            self.relatives_list.addItem(item)

    def _fill_variant_menu(self) -> None:
        self.use_variant_menu.clear()
        variants = [draft.item() for draft in self._variants if draft.hgvs_c.strip()]
        if not variants:
            action = self.use_variant_menu.addAction(self.tr("No variant entered"))
            action.setEnabled(False)
            return
        for variant in variants:
            text = f"{variant.gene} {variant.hgvs_c}"
            if variant.acmg_class is not None:
                text += f" ({coded_label(CLASS_LABELS, variant.acmg_class)})"
            action = self.use_variant_menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, v=variant: self._use_familial_variant(v)
            )

    def _use_familial_variant(self, variant: Variant) -> None:
        if self._read_only or self._current is None or self._current[0] != TESTS:
            return
        self._set_gene(self.familial_gene_combo, variant.gene)
        self.familial_variant_edit.setText(variant.hgvs_c)
        self._on_test_edited()

    def _use_panel(self, key: str) -> None:
        if self._read_only or self._current is None or self._current[0] != TESTS:
            return
        self.genes_edit.setText(", ".join(PANEL_PRESETS[key]))
        self.genes_edit.setFocus()

    # ================================================================== signals
    def _connect_inputs(self) -> None:
        for combo in (self.kind_combo, self.status_combo, self.relative_combo, self.outcome_combo):
            combo.currentIndexChanged.connect(self._on_test_edited)
        for edit in (
            self.test_date_edit,
            self.laboratory_edit,
            self.indication_edit,
            self.genes_edit,
            self.familial_variant_edit,
        ):
            edit.textChanged.connect(self._on_test_edited)
        self.familial_gene_combo.editTextChanged.connect(self._on_test_edited)
        self.test_note_edit.textChanged.connect(self._on_test_edited)

        self.gene_combo.editTextChanged.connect(self._on_variant_edited)
        for edit in (self.hgvs_c_edit, self.hgvs_p_edit):
            edit.textChanged.connect(self._on_variant_edited)
        for combo in (self.class_combo, self.zygosity_combo, self.variant_test_combo):
            combo.currentIndexChanged.connect(self._on_variant_edited)
        self.variant_note_edit.textChanged.connect(self._on_variant_edited)

        self.consent_date_edit.textChanged.connect(self._on_consent_edited)
        for check in self.scope_checks.values():
            check.toggled.connect(self._on_consent_edited)
        self.consent_note_edit.textChanged.connect(self._on_consent_edited)
        self.consent_document_combo.activated.connect(self._on_consent_edited)

        self.information_date_edit.textChanged.connect(self._on_information_edited)
        self.relatives_list.itemChanged.connect(self._on_information_edited)
        self.channel_combo.currentIndexChanged.connect(self._on_information_edited)
        self.letter_edit.textChanged.connect(self._on_information_edited)
        self.information_note_edit.textChanged.connect(self._on_information_edited)

    def _set_tab_order(self) -> None:
        """Lists first, then the form shown, in reading order (hidden inputs are skipped)."""
        chain: list[QWidget] = [
            *self._table_tab_chain(),
            self.letter_button,
            self.problem_list,
            self.kind_combo,
            self.test_date_edit,
            self.laboratory_edit,
            self.indication_edit,
            self.status_combo,
            self.genes_edit,
            self.panel_button,
            self.familial_gene_combo,
            self.familial_variant_edit,
            self.use_variant_button,
            self.relative_combo,
            self.outcome_combo,
            self.test_note_edit,
            self.gene_combo,
            self.hgvs_c_edit,
            self.hgvs_p_edit,
            self.class_combo,
            self.zygosity_combo,
            self.variant_test_combo,
            self.variant_note_edit,
            self.consent_date_edit,
            *self.scope_checks.values(),
            self.consent_note_edit,
            self.information_date_edit,
            self.relatives_list,
            self.channel_combo,
            self.letter_edit,
            self.information_note_edit,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _editing(self, section: str) -> int | None:
        """The index of the item of ``section`` whose form is shown, when the user edits."""
        if self._filling or self._read_only or self._current is None:
            return None
        if self._current[0] != section:
            return None
        return self._current[1]

    def _on_test_edited(self, *_args: object) -> None:
        index = self._editing(TESTS)
        if index is None:
            return
        draft = self._tests[index]
        self._tests[index] = _TestDraft(
            id=draft.id,
            kind=self.kind_combo.currentData(),
            date_text=self.test_date_edit.text(),
            laboratory=self.laboratory_edit.text(),
            indication=self.indication_edit.text(),
            genes_text=self.genes_edit.text(),
            familial_gene=self.familial_gene_combo.currentText(),
            familial_variant=self.familial_variant_edit.text(),
            relative_id=self.relative_combo.currentData(),
            status=self.status_combo.currentData(),
            relative_outcome=self.outcome_combo.currentData() or "",
            note=self.test_note_edit.toPlainText(),
        )
        self._edited()

    def _on_variant_edited(self, *_args: object) -> None:
        index = self._editing(VARIANTS)
        if index is None:
            return
        self._variants[index] = _VariantDraft(
            gene=self.gene_combo.currentText(),
            hgvs_c=self.hgvs_c_edit.text(),
            hgvs_p=self.hgvs_p_edit.text(),
            acmg_class=self.class_combo.currentData(),
            zygosity=self.zygosity_combo.currentData(),
            test_id=self.variant_test_combo.currentData() or "",
            note=self.variant_note_edit.toPlainText(),
        )
        self._edited()

    def _on_consent_edited(self, *_args: object) -> None:
        index = self._editing(CONSENTS)
        if index is None:
            return
        self._consents[index] = _ConsentDraft(
            date_text=self.consent_date_edit.text(),
            scopes=tuple(code for code, check in self.scope_checks.items() if check.isChecked()),
            document_id=self.consent_document_combo.currentData(),
            note=self.consent_note_edit.toPlainText(),
        )
        self._edited()

    def _on_information_edited(self, *_args: object) -> None:
        index = self._editing(INFORMATION)
        if index is None:
            return
        draft = self._information[index]
        chosen = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.relatives_list.count())
            if (item := self.relatives_list.item(row)).checkState() == Qt.CheckState.Checked
        )
        self._information[index] = _InformationDraft(
            relative_ids=chosen,
            date_text=self.information_date_edit.text(),
            channel=self.channel_combo.currentData(),
            letter=self.letter_edit.text(),
            document_id=draft.document_id,
            note=self.information_note_edit.toPlainText(),
        )
        self._edited()

    def _on_letter_clicked(self) -> None:
        chosen: tuple[str, ...] = ()
        if self._current is not None and self._current[0] == INFORMATION:
            chosen = self._information[self._current[1]].relative_ids
        self.sig_letter_requested.emit(chosen)

    # ================================================================ selection
    def _drafts(self, section: str) -> list[Draft]:
        return {  # type: ignore[return-value]
            TESTS: self._tests,
            VARIANTS: self._variants,
            CONSENTS: self._consents,
            INFORMATION: self._information,
        }[section]

    def _page_of(self, section: str) -> QWidget:
        return {
            TESTS: self.test_page,
            VARIANTS: self.variant_page,
            CONSENTS: self.consent_page,
            INFORMATION: self.information_page,
        }[section]

    def _fill_form(self, section: str, index: int) -> None:
        """The inputs of item ``index`` of ``section`` (called while filling)."""
        self._fill_item(section, index)
        # A long text reads from its start (setText leaves the cursor, and the view, at its end).
        for widget in self._all_inputs():
            if isinstance(widget, QLineEdit) and not widget.hasFocus():
                widget.setCursorPosition(0)

    def _fill_item(self, section: str, index: int) -> None:
        if section == TESTS:
            test = self._tests[index]
            self._set_combo(self.kind_combo, test.kind)
            self.test_date_edit.setText(test.date_text)
            self.laboratory_edit.setText(test.laboratory)
            self.indication_edit.setText(test.indication)
            self._set_combo(self.status_combo, test.status)
            self.genes_edit.setText(test.genes_text)
            self._set_gene(self.familial_gene_combo, test.familial_gene)
            self.familial_variant_edit.setText(test.familial_variant)
            self._set_combo(self.relative_combo, test.relative_id)
            self._set_combo(self.outcome_combo, test.relative_outcome)
            if self.test_note_edit.toPlainText() != test.note:
                self.test_note_edit.setPlainText(test.note)
        elif section == VARIANTS:
            variant = self._variants[index]
            self._set_gene(self.gene_combo, variant.gene)
            self.hgvs_c_edit.setText(variant.hgvs_c)
            self.hgvs_p_edit.setText(variant.hgvs_p)
            self._set_combo(self.class_combo, variant.acmg_class)
            self._set_combo(self.zygosity_combo, variant.zygosity)
            self._fill_test_choices(variant.test_id)
            if self.variant_note_edit.toPlainText() != variant.note:
                self.variant_note_edit.setPlainText(variant.note)
        elif section == CONSENTS:
            consent = self._consents[index]
            self.consent_date_edit.setText(consent.date_text)
            for code, check in self.scope_checks.items():
                check.setChecked(code in consent.scopes)
            self._fill_document_choices(consent.document_id)
            if self.consent_note_edit.toPlainText() != consent.note:
                self.consent_note_edit.setPlainText(consent.note)
        else:
            information = self._information[index]
            self.information_date_edit.setText(information.date_text)
            self._fill_relatives_list(information.relative_ids)
            self._set_combo(self.channel_combo, information.channel)
            self.letter_edit.setText(information.letter)
            if self.information_note_edit.toPlainText() != information.note:
                self.information_note_edit.setPlainText(information.note)

    # ========================================================== add and remove
    def _add(self, section: str) -> None:
        if self._read_only:
            return
        today = format_date(self._today())
        first_input: QWidget
        if section == TESTS:
            self._tests.append(_TestDraft(id=next_test_id(self.content()), date_text=today))
            first_input = self.kind_combo
        elif section == VARIANTS:
            # found by the last test with a result, as a rule
            received = [d.id for d in self._tests if d.status == "result_received"]
            test_id = received[-1] if received else (self._tests[-1].id if self._tests else "")
            self._variants.append(_VariantDraft(test_id=test_id))
            first_input = self.gene_combo
        elif section == CONSENTS:
            self._consents.append(_ConsentDraft(date_text=today))
            first_input = self.consent_date_edit
        else:
            self._information.append(_InformationDraft(date_text=today))
            first_input = self.information_date_edit
        self._show_added(section)
        first_input.setFocus()

    def _ask_remove(self, section: str) -> None:
        if self._read_only or self._current is None or self._current[0] != section:
            return
        index = self._current[1]
        titles = {
            TESTS: self.tr("Remove a test"),
            VARIANTS: self.tr("Remove a variant"),
            CONSENTS: self.tr("Remove a consent"),
            INFORMATION: self.tr("Remove an information of relatives"),
        }
        detail = self.tr("The removal is saved with the rest of the form.")
        if section == TESTS and any(v.test_id == self._tests[index].id for v in self._variants):
            detail = self.tr(
                "The variants found by this test stay, without their test. The removal is "
                "saved with the rest of the form."
            )
        self.last_confirmation = confirm(
            self,
            titles[section],
            self.tr("Remove {item}?").format(item=self._item_name(section, index)),
            detail,
            self.tr("Remove"),
            lambda: self._remove(section, index),
        )

    def _forget(self, section: str, removed: object) -> None:
        if isinstance(removed, _TestDraft):
            for variant in self._variants:
                if variant.test_id == removed.id:
                    variant.test_id = ""

    # ================================================================= keyboard
    def _first_input(self) -> QWidget:
        section = self._current[0] if self._current is not None else TESTS
        return {
            TESTS: self.kind_combo,
            VARIANTS: self.gene_combo,
            CONSENTS: self.consent_date_edit,
            INFORMATION: self.information_date_edit,
        }[section]

    # ============================================================== refreshing
    def _current_notices(self) -> list[ValidationError]:
        return notices(self.content())

    def _update_rows(self) -> None:
        by_item = self._problems_by_item()
        family = self._family

        def named(person_id: str) -> str:
            return person_text(family, person_id) if family.get(person_id) else person_id

        test_rows = [
            TestRow(
                id=index,
                test=draft.item(),
                date_text=draft.date_text,
                relative=named(draft.relative_id) if draft.relative_id else "",
                problems=tuple(by_item.get((TESTS, index), ())),
            )
            for index, draft in enumerate(self._tests)
        ]
        variant_rows = [
            VariantRow(
                id=index,
                variant=draft.item(),
                problems=tuple(by_item.get((VARIANTS, index), ())),
            )
            for index, draft in enumerate(self._variants)
        ]
        consent_rows = [
            ConsentRow(
                id=index,
                consent=draft.item(),
                date_text=draft.date_text,
                problems=tuple(by_item.get((CONSENTS, index), ())),
            )
            for index, draft in enumerate(self._consents)
        ]
        information_rows = [
            InformationRow(
                id=index,
                information=draft.item(),
                date_text=draft.date_text,
                relatives=", ".join(named(pid) for pid in draft.relative_ids),
                problems=tuple(by_item.get((INFORMATION, index), ())),
            )
            for index, draft in enumerate(self._information)
        ]
        with self._filling_inputs():
            self.test_model.update_rows(test_rows)
            self.variant_model.update_rows(variant_rows)
            self.consent_model.update_rows(consent_rows)
            self.information_model.update_rows(information_rows)

    def _set_row_visible(self, section: str, key: str, visible: bool) -> None:
        label, box = self._rows[(section, key)]
        self.test_form.setRowVisible(label, visible)

    def _update_form_state(self) -> None:
        """What applies to the item shown: the fields of its kind, the class badge."""
        if self._current is None:
            return
        section, index = self._current
        if section == TESTS:
            draft = self._tests[index]
            familial = draft.kind in ("targeted", "predictive")
            predictive = draft.kind == "predictive"
            self._set_row_visible(TESTS, "genes", draft.kind == "panel")
            self._set_row_visible(TESTS, "familial_gene", familial)
            self._set_row_visible(TESTS, "familial_variant", familial)
            self._set_row_visible(TESTS, "relative_id", predictive)
            self._set_row_visible(TESTS, "relative_outcome", predictive)
            self.outcome_combo.setEnabled(not self._read_only and draft.status == "result_received")
        elif section == VARIANTS:
            variant = self._variants[index].item()
            badge = self.result_badge
            if is_positive(variant):
                badge.setText(self.tr("Positive result"))
                badge.setStyleSheet(_POSITIVE_BADGE)
                badge.setToolTip(self.tr("Class 4 or 5: shown as a carrier on the pedigree"))
            elif variant.acmg_class == 3:
                badge.setText(self.tr("Not a positive result"))
                badge.setStyleSheet(_UNCERTAIN_BADGE)
                badge.setToolTip(
                    self.tr(
                        "Uncertain significance: never shown as a positive result; "
                        "marked “VUS” on the pedigree"
                    )
                )
            elif variant.acmg_class in (1, 2):
                badge.setText(self.tr("Not a positive result"))
                badge.setStyleSheet(_OTHER_BADGE)
                badge.setToolTip(self.tr("Benign or likely benign: not shown on the pedigree"))
            badge.setVisible(variant.acmg_class is not None)
            gene = variant.gene.strip()
            self.gene_combo.setToolTip(PREDISPOSITION_GENES.get(gene, ""))

    def _problem_line(self, problem: ValidationError, target: tuple[str, int, str]) -> str:
        section, index, key = target
        text = error_text(problem)
        if not section:
            return text
        where = self.tr("{item} — {field}").format(
            item=self._item_name(section, index), field=self._field_label(section, key)
        )
        return self.tr("{where}: {message}").format(where=where, message=text)

    def _field_label(self, section: str, key: str) -> str:
        labels = {
            "kind": self.tr("Analysis"),
            "date": self.tr("Date"),
            "laboratory": self.tr("Laboratory"),
            "indication": self.tr("Indication"),
            "status": self.tr("Status"),
            "genes": self.tr("Genes of the panel"),
            "familial_gene": self.tr("Gene of the familial variant"),
            "familial_variant": self.tr("Familial variant (HGVS c.)"),
            "relative_id": self.tr("Relative tested"),
            "relative_outcome": self.tr("Relative's result"),
            "gene": self.tr("Gene"),
            "hgvs_c": self.tr("HGVS c."),
            "hgvs_p": self.tr("HGVS p."),
            "acmg_class": self.tr("ACMG class"),
            "zygosity": self.tr("Zygosity"),
            "test_id": self.tr("Found by"),
            "scopes": self.tr("Covers"),
            "relative_ids": self.tr("Relatives informed"),
            "channel": self.tr("How"),
            "letter": self.tr("Letter"),
            "note": self.tr("Comment"),
            "id": self.tr("Identifier"),
            "document_id": self.tr("Document"),
        }
        return labels.get(key, key)

    def _item_name(self, section: str, index: int) -> str:
        """ "Test 1 (gene panel)", "Variant 2 (BRCA2)", "Consent 1", "Information 1"."""
        drafts = self._drafts(section) if section in SECTIONS else []
        if not 0 <= index < len(drafts):
            return ""
        number = index + 1
        if section == TESTS:
            kind = coded_label(TEST_KIND_LABELS, self._tests[index].kind).lower()
            return self.tr("Test {number} ({kind})").format(number=number, kind=kind)
        if section == VARIANTS:
            gene = listed_gene(self._variants[index].gene)
            if gene:
                return self.tr("Variant {number} ({gene})").format(number=number, gene=gene)
            return self.tr("Variant {number}").format(number=number)
        if section == CONSENTS:
            return self.tr("Consent {number}").format(number=number)
        return self.tr("Information of relatives {number}").format(number=number)

    def _update_titles(self) -> None:
        titles = {
            TESTS: (self.tr("Genetic tests"), self.tr("Genetic tests ({count})")),
            VARIANTS: (self.tr("Variants"), self.tr("Variants ({count})")),
            CONSENTS: (self.tr("Consents"), self.tr("Consents ({count})")),
            INFORMATION: (self.tr("Relatives informed"), self.tr("Relatives informed ({count})")),
        }
        for section, (plain, counted) in titles.items():
            count = len(self._drafts(section))
            self._titles[section].setText(counted.format(count=count) if count else plain)
        if self._current is None:
            self.detail_group.setTitle(self.tr("Details"))
        else:
            self.detail_group.setTitle(self._item_name(*self._current))

    def _update_hints(self) -> None:
        if self._read_only:
            empty = self.tr("Select a test, a variant, a consent or an information to see it.")
        elif any(self._drafts(section) for section in SECTIONS):
            empty = self.tr("Select an item in a table to see and edit it.")
        else:
            empty = self.tr(
                "Nothing recorded yet. Add a test, a variant, a consent or the relatives "
                "informed with the “Add” buttons, or with the Insert key in a table."
            )
        self.empty_label.setText(empty)

    def _set_choice_texts(self) -> None:
        names = {
            "breast_ovary": self.tr("Breast and ovary ({count} genes)"),
            "colon": self.tr("Colon and digestive tract ({count} genes)"),
        }
        for key, action in self._panel_actions.items():
            action.setText(names[key].format(count=len(PANEL_PRESETS[key])))
        for code, check in self.scope_checks.items():
            check.setText(coded_label(CONSENT_SCOPE_LABELS, code))
