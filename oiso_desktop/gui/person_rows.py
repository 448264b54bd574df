"""The rows of the person panel: one cancer, one genetic result (and their combos).

Each row edits one item of the person's ``cancers`` or ``genetic_results`` and says
which sub-field changed (``sig_edited("age")``...); the panel builds the person.
The combos list translated labels (``family_labels``), each item carrying its code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.family import Age, Cancer, GeneticResult, Receptors
from oiso_desktop.gui.family_labels import (
    GRADE_LABELS,
    HISTOLOGY_LABELS,
    LATERALITY_LABELS,
    RECEPTOR_LABELS,
    RESULT_LABELS,
    SITE_LABELS,
    TEST_TYPE_LABELS,
    label,
)
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.widgets.field_message import FieldMessage

__all__ = [
    "AGE_INPUT_WIDTH",
    "BREAST_SITES",
    "CancerRow",
    "ResultRow",
    "code_combo",
    "fill_combo",
    "select_code",
]

BREAST_SITES = ("breast", "contralateral_breast")
AGE_INPUT_WIDTH = 120


def fill_combo(
    combo: QComboBox, labels: Mapping[Any, str], codes: Sequence[Any] | None = None
) -> None:
    """Items: the translated labels, each carrying its code (kept current on refill)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code in codes if codes is not None else list(labels):
        combo.addItem(label(labels, code), code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def select_code(combo: QComboBox, code: Any) -> None:
    index = combo.findData(code)
    if index < 0:  # a code the lists do not hold (an import): shown as is
        combo.addItem(str(code), code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def code_combo(name: str, labels: Mapping[Any, str], length: int = 0) -> QComboBox:
    """A combo of coded labels; ``length``: its width in characters (0: its longest label),
    the list it opens being as wide as its longest label."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if length:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(length)
    else:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    fill_combo(combo, labels)
    return combo


class CancerRow(QFrame):
    """One cancer: site, side, age at diagnosis, confirmation; histology, grade, markers."""

    sig_edited = Signal(str)  # the sub-field: site, laterality, age, histology...
    sig_remove = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancer_row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.age: Age = Age()
        self._note = ""
        self._receptors_rest = ("", "")  # CK14, CK56: kept, not edited here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        first = QHBoxLayout()
        self.site_combo = code_combo("site_combo", SITE_LABELS, 14)
        self.site_combo.setMaxVisibleItems(15)
        self.laterality_combo = code_combo("laterality_combo", LATERALITY_LABELS, 8)
        self.age_label = QLabel()
        self.age_edit = QLineEdit()
        self.age_edit.setObjectName("cancer_age_edit")
        self.age_edit.setMaximumWidth(AGE_INPUT_WIDTH)
        self.age_edit.setMinimumWidth(110)
        self.age_label.setBuddy(self.age_edit)
        self.confirmed_check = QCheckBox()
        self.confirmed_check.setObjectName("confirmed_check")
        self.remove_button = QPushButton(icon("cancel"), "")
        self.remove_button.setObjectName("remove_cancer_button")
        self.remove_button.setFlat(True)
        first.addWidget(self.site_combo, 3)
        first.addWidget(self.laterality_combo, 2)
        first.addWidget(self.age_label)
        first.addWidget(self.age_edit, 1)
        first.addWidget(self.remove_button)
        layout.addLayout(first)
        second = QHBoxLayout()
        self.histology_combo = code_combo("histology_combo", HISTOLOGY_LABELS, 14)
        self.grade_combo = code_combo("grade_combo", GRADE_LABELS, 8)
        second.addWidget(self.histology_combo, 3)
        second.addWidget(self.grade_combo, 2)
        second.addWidget(self.confirmed_check, 1)
        layout.addLayout(second)
        # Breast cancers only: hormone receptors and HER2.
        third = QHBoxLayout()
        self.receptor_labels: list[QLabel] = []
        self.receptor_combos: list[QComboBox] = []
        for name in ("er", "pr", "her2"):
            caption = QLabel()
            combo = code_combo(f"{name}_combo", RECEPTOR_LABELS, 5)
            caption.setBuddy(combo)
            self.receptor_labels.append(caption)
            self.receptor_combos.append(combo)
            third.addWidget(caption)
            third.addWidget(combo)
        third.addStretch(1)
        layout.addLayout(third)
        self.message = FieldMessage()
        self.message.setObjectName("cancer_message")
        self.message.clear_message()
        layout.addWidget(self.message)

        self.site_combo.currentIndexChanged.connect(self._on_site_changed)
        self.laterality_combo.currentIndexChanged.connect(
            lambda: self.sig_edited.emit("laterality")
        )
        self.age_edit.textEdited.connect(lambda _t: self.sig_edited.emit("age"))
        self.confirmed_check.toggled.connect(lambda _c: self.sig_edited.emit("confirmed"))
        self.histology_combo.currentIndexChanged.connect(lambda: self.sig_edited.emit("histology"))
        self.grade_combo.currentIndexChanged.connect(lambda: self.sig_edited.emit("grade"))
        for combo in self.receptor_combos:
            combo.currentIndexChanged.connect(lambda: self.sig_edited.emit("receptors"))
        self.remove_button.clicked.connect(self.sig_remove.emit)
        self.retranslate()

    def retranslate(self) -> None:
        for combo, labels in (
            (self.site_combo, SITE_LABELS),
            (self.laterality_combo, LATERALITY_LABELS),
            (self.histology_combo, HISTOLOGY_LABELS),
            (self.grade_combo, GRADE_LABELS),
            *((combo, RECEPTOR_LABELS) for combo in self.receptor_combos),
        ):
            fill_combo(combo, labels)
        self.age_label.setText(self.tr("Age at diagnosis:"))
        self.age_edit.setPlaceholderText(self.tr("52, ~60, 40-49"))
        self.age_edit.setToolTip(
            self.tr(
                "Age at diagnosis, exact (52), approximate (~60, 40-49, < 50) or unknown "
                "(leave empty or type “unknown”): kept as typed"
            )
        )
        self.confirmed_check.setText(self.tr("Confirmed"))
        self.confirmed_check.setToolTip(self.tr("Checked on a pathology report"))
        self.remove_button.setToolTip(self.tr("Remove this cancer"))
        self.site_combo.setToolTip(self.tr("Cancer site"))
        self.laterality_combo.setToolTip(self.tr("Side"))
        self.histology_combo.setToolTip(self.tr("Histology"))
        self.grade_combo.setToolTip(self.tr("Grade"))
        for caption, text in zip(
            self.receptor_labels,
            (self.tr("ER:"), self.tr("PR:"), self.tr("HER2:")),
            strict=True,
        ):
            caption.setText(text)
        for combo, tip in zip(
            self.receptor_combos,
            (
                self.tr("Oestrogen receptors"),
                self.tr("Progesterone receptors"),
                self.tr("HER2 status"),
            ),
            strict=True,
        ):
            combo.setToolTip(tip)

    def set_cancer(self, cancer: Cancer, age_text: str | None) -> None:
        self.blockSignals(True)
        try:
            select_code(self.site_combo, cancer.site)
            select_code(self.laterality_combo, cancer.laterality)
            self.age = cancer.age
            self.age_edit.setText(cancer.age.text if age_text is None else age_text)
            self.confirmed_check.setChecked(cancer.confirmed)
            select_code(self.histology_combo, cancer.histology)
            select_code(self.grade_combo, cancer.grade)
            for combo, value in zip(
                self.receptor_combos,
                (cancer.receptors.er, cancer.receptors.pr, cancer.receptors.her2),
                strict=True,
            ):
                select_code(combo, value)
            self._receptors_rest = (cancer.receptors.ck14, cancer.receptors.ck56)
            self._note = cancer.note
        finally:
            self.blockSignals(False)
        self._show_receptors()

    def cancer(self) -> Cancer:
        site = self.site_combo.currentData()
        breast = site in BREAST_SITES
        er, pr, her2 = (combo.currentData() for combo in self.receptor_combos)
        ck14, ck56 = self._receptors_rest
        receptors = Receptors(er, pr, her2, ck14, ck56) if breast else Receptors()
        return Cancer(
            site=site,
            age=self.age,
            laterality=self.laterality_combo.currentData(),
            histology=self.histology_combo.currentData(),
            grade=self.grade_combo.currentData(),
            receptors=receptors,
            confirmed=self.confirmed_check.isChecked(),
            note=self._note,
        )

    def _on_site_changed(self) -> None:
        self._show_receptors()
        self.sig_edited.emit("site")

    def _show_receptors(self) -> None:
        breast = self.site_combo.currentData() in BREAST_SITES
        for widget in (*self.receptor_labels, *self.receptor_combos):
            widget.setVisible(breast)

    def inputs(self) -> list[QWidget]:
        """The inputs in Tab order."""
        return [
            self.site_combo,
            self.laterality_combo,
            self.age_edit,
            self.histology_combo,
            self.grade_combo,
            self.confirmed_check,
            *self.receptor_combos,
            self.remove_button,
        ]

    def widget_for(self, sub_field: str) -> QWidget:
        return {
            "site": self.site_combo,
            "age": self.age_edit,
            "laterality": self.laterality_combo,
            "histology": self.histology_combo,
            "grade": self.grade_combo,
            "receptors": self.receptor_combos[0],
        }.get(sub_field, self.site_combo)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)


class ResultRow(QFrame):
    """One genetic result: gene, type of test, result, variant."""

    sig_edited = Signal(str)
    sig_remove = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        line = QHBoxLayout()
        self.gene_edit = QLineEdit()
        self.gene_edit.setObjectName("gene_edit")
        self.gene_edit.setMaximumWidth(110)
        self.gene_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9-]{0,15}"), self.gene_edit)
        )
        self.test_type_combo = code_combo("test_type_combo", TEST_TYPE_LABELS, 14)
        self.result_combo = code_combo("result_combo", RESULT_LABELS, 14)
        self.variant_edit = QLineEdit()
        self.variant_edit.setObjectName("variant_edit")
        self.remove_button = QPushButton(icon("cancel"), "")
        self.remove_button.setObjectName("remove_result_button")
        self.remove_button.setFlat(True)
        line.addWidget(self.gene_edit)
        line.addWidget(self.test_type_combo, 3)
        line.addWidget(self.result_combo, 3)
        line.addWidget(self.variant_edit, 2)
        line.addWidget(self.remove_button)
        layout.addLayout(line)
        self.message = FieldMessage()
        self.message.setObjectName("result_message")
        self.message.clear_message()
        layout.addWidget(self.message)
        self.gene_edit.textEdited.connect(self._on_gene_edited)
        self.test_type_combo.currentIndexChanged.connect(lambda: self.sig_edited.emit("test_type"))
        self.result_combo.currentIndexChanged.connect(lambda: self.sig_edited.emit("result"))
        self.variant_edit.textEdited.connect(lambda _t: self.sig_edited.emit("variant"))
        self.remove_button.clicked.connect(self.sig_remove.emit)
        self.retranslate()

    def retranslate(self) -> None:
        fill_combo(self.test_type_combo, TEST_TYPE_LABELS)
        fill_combo(self.result_combo, RESULT_LABELS)
        self.gene_edit.setPlaceholderText(self.tr("Gene"))
        self.gene_edit.setToolTip(self.tr("Gene symbol (BRCA1, MLH1...)"))
        self.variant_edit.setPlaceholderText(self.tr("Variant (HGVS), e.g. c.5266dupC"))
        self.test_type_combo.setToolTip(self.tr("Type of test"))
        self.result_combo.setToolTip(self.tr("Result"))
        self.remove_button.setToolTip(self.tr("Remove this result"))

    def _on_gene_edited(self, text: str) -> None:
        if text != text.upper():
            position = self.gene_edit.cursorPosition()
            self.gene_edit.setText(text.upper())
            self.gene_edit.setCursorPosition(position)
        self.sig_edited.emit("gene")

    def set_result(self, result: GeneticResult) -> None:
        self.blockSignals(True)
        try:
            self.gene_edit.setText(result.gene)
            select_code(self.test_type_combo, result.test_type)
            select_code(self.result_combo, result.result)
            self.variant_edit.setText(result.variant)
        finally:
            self.blockSignals(False)

    def result(self) -> GeneticResult:
        return GeneticResult(
            gene=self.gene_edit.text().strip(),
            test_type=self.test_type_combo.currentData(),
            result=self.result_combo.currentData(),
            variant=self.variant_edit.text().strip(),
        )

    def inputs(self) -> list[QWidget]:
        return [
            self.gene_edit,
            self.test_type_combo,
            self.result_combo,
            self.variant_edit,
            self.remove_button,
        ]

    def widget_for(self, sub_field: str) -> QWidget:
        return {"result": self.result_combo, "test_type": self.test_type_combo}.get(
            sub_field, self.gene_edit
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)
