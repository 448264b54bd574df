"""The panel under the family table: every field of the selected person.

Typing changes the person at once: each edit emits ``sig_person_edited(person,
field)`` with the person as now entered (the editor puts it in the family and
redraws). An age that does not read ("quarante") keeps its text in the input and
is reported by ``sig_raw_input(person_id, field, text, error)`` (``error`` None
once it reads again); the family keeps the last age that did. What concerns
other people (twins, couples, the proband, the file link) is asked of the editor
by a signal, since it changes more than this person.

Cancers and genetic results are rows (``person_rows``). Problems are shown under
their input (:meth:`PersonPanel.show_problems`, fields as ``family_checks`` names
them: "sex", "cancers[0].age"...), the input outlined in red.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    Adoption,
    Age,
    Cancer,
    Family,
    GeneticResult,
    Person,
    Zygosity,
    person_label,
)
from oiso_desktop.gui import style
from oiso_desktop.gui.family_labels import (
    ADOPTION_LABELS,
    SEX_LABELS,
    ZYGOSITY_LABELS,
    person_text,
    relationship_label,
)
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.person_rows import (
    AGE_INPUT_WIDTH,
    CancerRow,
    ResultRow,
    code_combo,
    fill_combo,
    select_code,
)
from oiso_desktop.gui.widgets.field_message import FieldMessage

__all__ = ["PersonPanel"]

_ITEM_RE = re.compile(r"(cancers|genetic_results)\[(\d+)\]\.?(\w*)")
_FIELD_WIDGETS = ("name", "sex", "birth_year", "age", "age_at_death", "adoption")


def _generations(family: Family, person_id: str) -> dict[str, int]:
    """Each connected person's generation relative to ``person_id`` (parents -1,
    children +1, partners 0)."""
    found = {person_id: 0}
    todo = [person_id]
    while todo:
        current = todo.pop()
        level = found[current]
        steps = [
            *((p, level - 1) for p in family.parents_of(current)),
            *((c, level + 1) for c in family.children_of(current)),
            *((p, level) for p in family.partners_of(current)),
        ]
        for other, other_level in steps:
            if other not in found and family.get(other) is not None:
                found[other] = other_level
                todo.append(other)
    return found


def _mark(widget: QWidget, invalid: bool) -> None:
    style.set_invalid(widget, invalid)


class PersonPanel(QWidget):
    """Edits the selected person of a family (see the module's docstring)."""

    sig_person_edited = Signal(object, str)  # Person as now entered, the field edited
    sig_raw_input = Signal(str, str, str, object)  # person id, field, text, error or None
    sig_proband_requested = Signal(str)
    sig_twins_requested = Signal(object, object)  # members (tuple), Zygosity or None
    sig_consanguinity_requested = Signal(str, str, bool)
    sig_couple_requested = Signal(str, str)
    sig_link_requested = Signal(str)
    sig_open_linked = Signal(int)
    sig_unlink_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_panel")
        self._family = Family()
        self._person: Person | None = None
        self._read_only = False
        self._link_label = ""
        self._loading = False
        self.cancer_rows: list[CancerRow] = []
        self.result_rows: list[ResultRow] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 8)
        outer.setSpacing(6)

        head = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("person_title_label")
        self.title_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title_label, 1)
        self.proband_button = QPushButton()
        self.proband_button.setObjectName("proband_button")
        head.addWidget(self.proband_button)
        outer.addLayout(head)
        self.proband_message = self._message("proband_message")
        outer.addWidget(self.proband_message)
        self.parents_label = QLabel()
        self.parents_label.setObjectName("parents_label")
        self.parents_label.setWordWrap(True)
        style.set_role(self.parents_label, "hint")
        outer.addWidget(self.parents_label)
        self.parents_message = self._message("parents_message")
        outer.addWidget(self.parents_message)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._grid_labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.sex_combo = code_combo("sex_combo", SEX_LABELS, 9)
        self.birth_year_edit = QLineEdit()
        self.birth_year_edit.setObjectName("birth_year_edit")
        self.birth_year_edit.setMaximumWidth(AGE_INPUT_WIDTH)
        self.birth_year_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.birth_year_edit)
        )
        self.age_edit = QLineEdit()
        self.age_edit.setObjectName("age_edit")
        self.age_edit.setMaximumWidth(AGE_INPUT_WIDTH)
        self.deceased_check = QCheckBox()
        self.deceased_check.setObjectName("deceased_check")
        self.death_age_edit = QLineEdit()
        self.death_age_edit.setObjectName("death_age_edit")
        self.death_age_edit.setMaximumWidth(AGE_INPUT_WIDTH)
        self.adoption_combo = code_combo("adoption_combo", ADOPTION_LABELS, 14)
        self.ashkenazi_check = QCheckBox()
        self.ashkenazi_check.setObjectName("ashkenazi_check")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")

        self._place(grid, 0, 0, "name", self.name_edit)
        self._place(grid, 0, 2, "sex", self.sex_combo)
        self._place(grid, 2, 0, "birth_year", self.birth_year_edit)
        self._place(grid, 2, 2, "age", self.age_edit)
        grid.addWidget(self.deceased_check, 4, 1)
        self._place(grid, 4, 2, "age_at_death", self.death_age_edit)
        self._place(grid, 6, 0, "adoption", self.adoption_combo)
        grid.addWidget(self.ashkenazi_check, 6, 3)
        self._place(grid, 8, 0, "note", self.note_edit, span=3)
        outer.addLayout(grid)

        # Twins, couples and the file link: the same grid, so that the inputs line up.
        bonds = grid
        self.twin_label = QLabel()
        self.twin_combo = QComboBox()
        self.twin_combo.setObjectName("twin_combo")
        self.twin_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.twin_combo.setMinimumContentsLength(16)
        self.twin_label.setBuddy(self.twin_combo)
        self.zygosity_combo = code_combo("zygosity_combo", ZYGOSITY_LABELS, 12)
        twin_line = QHBoxLayout()
        twin_line.addWidget(self.twin_combo, 1)
        twin_line.addWidget(self.zygosity_combo)
        twin_line.addStretch(1)
        bonds.addWidget(self.twin_label, 10, 0)
        bonds.addLayout(twin_line, 10, 1, 1, 3)
        self.twins_message = self._message("twins_message")
        bonds.addWidget(self.twins_message, 11, 1, 1, 3)
        self.couples_label = QLabel()
        self.couples_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        bonds.addWidget(self.couples_label, 12, 0)
        self.couples_box = QWidget()
        self.couples_layout = QVBoxLayout(self.couples_box)
        self.couples_layout.setContentsMargins(0, 0, 0, 0)
        self.couples_layout.setSpacing(2)
        bonds.addWidget(self.couples_box, 12, 1, 1, 3)
        self.consanguinity_checks: list[QCheckBox] = []
        self.new_couple_combo = QComboBox()
        self.new_couple_combo.setObjectName("new_couple_combo")
        self.new_couple_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.new_couple_combo.setMinimumContentsLength(16)
        self.new_couple_button = QPushButton()
        self.new_couple_button.setObjectName("new_couple_button")
        couple_line = QHBoxLayout()
        couple_line.addWidget(self.new_couple_combo, 1)
        couple_line.addWidget(self.new_couple_button)
        bonds.addLayout(couple_line, 13, 1, 1, 3)
        self.partnerships_message = self._message("partnerships_message")
        bonds.addWidget(self.partnerships_message, 14, 1, 1, 3)
        self.link_caption = QLabel()
        bonds.addWidget(self.link_caption, 15, 0)
        link_line = QHBoxLayout()
        self.link_label = QLabel()
        self.link_label.setObjectName("link_label")
        self.link_button = QPushButton()
        self.link_button.setObjectName("link_button")
        self.open_link_button = QPushButton()
        self.open_link_button.setObjectName("open_link_button")
        self.unlink_button = QPushButton()
        self.unlink_button.setObjectName("unlink_button")
        link_line.addWidget(self.link_label, 1)
        for button in (self.open_link_button, self.link_button, self.unlink_button):
            link_line.addWidget(button)
        bonds.addLayout(link_line, 15, 1, 1, 3)

        # Cancers.
        cancers_head = QHBoxLayout()
        self.cancers_label = QLabel()
        self.cancers_label.setObjectName("cancers_label")
        self.cancers_label.setStyleSheet("font-weight: bold;")
        self.add_cancer_button = QPushButton(icon("add"), "")
        self.add_cancer_button.setObjectName("add_cancer_button")
        cancers_head.addWidget(self.cancers_label)
        cancers_head.addStretch(1)
        cancers_head.addWidget(self.add_cancer_button)
        outer.addLayout(cancers_head)
        self.cancers_box = QVBoxLayout()
        self.cancers_box.setSpacing(4)
        outer.addLayout(self.cancers_box)

        # Genetic results.
        results_head = QHBoxLayout()
        self.results_label = QLabel()
        self.results_label.setObjectName("results_label")
        self.results_label.setStyleSheet("font-weight: bold;")
        self.add_result_button = QPushButton(icon("add"), "")
        self.add_result_button.setObjectName("add_result_button")
        results_head.addWidget(self.results_label)
        results_head.addStretch(1)
        results_head.addWidget(self.add_result_button)
        outer.addLayout(results_head)
        self.results_box = QVBoxLayout()
        self.results_box.setSpacing(4)
        outer.addLayout(self.results_box)
        outer.addStretch(1)

        self.name_edit.textEdited.connect(lambda _t: self._on_edited("name"))
        self.sex_combo.currentIndexChanged.connect(lambda: self._on_edited("sex"))
        self.birth_year_edit.textEdited.connect(lambda _t: self._on_edited("birth_year"))
        self.age_edit.textEdited.connect(lambda _t: self._on_edited("age"))
        self.deceased_check.toggled.connect(lambda _c: self._on_edited("deceased"))
        self.death_age_edit.textEdited.connect(lambda _t: self._on_edited("age_at_death"))
        self.adoption_combo.currentIndexChanged.connect(lambda: self._on_edited("adoption"))
        self.ashkenazi_check.toggled.connect(lambda _c: self._on_edited("ashkenazi"))
        self.note_edit.textEdited.connect(lambda _t: self._on_edited("note"))
        self.proband_button.clicked.connect(self._on_proband_clicked)
        self.twin_combo.currentIndexChanged.connect(self._on_twin_changed)
        self.zygosity_combo.currentIndexChanged.connect(self._on_zygosity_changed)
        self.new_couple_button.clicked.connect(self._on_new_couple_clicked)
        self.link_button.clicked.connect(self._on_link_clicked)
        self.open_link_button.clicked.connect(self._on_open_link_clicked)
        self.unlink_button.clicked.connect(self._on_unlink_clicked)
        self.add_cancer_button.clicked.connect(self.add_cancer)
        self.add_result_button.clicked.connect(self.add_result)
        self.retranslate()
        self.setEnabled(False)

    # ------------------------------------------------------------------ building
    def _message(self, name: str) -> FieldMessage:
        message = FieldMessage()
        message.setObjectName(name)
        message.clear_message()
        return message

    def _place(
        self, grid: QGridLayout, row: int, column: int, field: str, widget: QWidget, span: int = 1
    ) -> None:
        caption = QLabel()
        caption.setBuddy(widget)
        self._grid_labels[field] = caption
        grid.addWidget(caption, row, column)
        grid.addWidget(widget, row, column + 1, 1, span)
        message = self._message(f"{field}_message")
        self.messages[field] = message
        grid.addWidget(message, row + 1, column + 1, 1, span)

    def retranslate(self) -> None:
        captions = {
            "name": self.tr("&Name:"),
            "sex": self.tr("Se&x:"),
            "birth_year": self.tr("&Birth year:"),
            "age": self.tr("A&ge:"),
            "age_at_death": self.tr("Age at &death:"),
            "adoption": self.tr("Ado&ption:"),
            "note": self.tr("N&ote:"),
        }
        for field, text in captions.items():
            self._grid_labels[field].setText(text)
        self.name_edit.setPlaceholderText(self.tr("First name, name or initials"))
        self.birth_year_edit.setPlaceholderText(self.tr("e.g. 1957"))
        self.age_edit.setPlaceholderText(self.tr("45, ~45, 40-49"))
        self.age_edit.setToolTip(
            self.tr(
                "Age at last news: exact (45), approximate (~45, 40-49, < 50) or “unknown”; "
                "kept as typed"
            )
        )
        self.death_age_edit.setPlaceholderText(self.tr("45, ~45, 40-49"))
        self.death_age_edit.setToolTip(
            self.tr(
                "Age at death: exact (45), approximate (~45, 40-49, < 50) or “unknown”; "
                "kept as typed"
            )
        )
        self.deceased_check.setText(self.tr("Dec&eased"))
        self.ashkenazi_check.setText(self.tr("Ashkenazi Jewish ancestry"))
        self.twin_label.setText(self.tr("&Twin of:"))
        self.couples_label.setText(self.tr("Couples:"))
        self.new_couple_button.setText(self.tr("Add the couple"))
        self.new_couple_button.setToolTip(
            self.tr(
                "Record a couple between this person and a relative already entered "
                "(for example cousins who married: then tick “consanguineous”)"
            )
        )
        self.link_caption.setText(self.tr("Patient file:"))
        self.link_button.setText(self.tr("Link to a file…"))
        self.link_button.setToolTip(self.tr("Link this relative to their own patient file"))
        self.open_link_button.setText(self.tr("Open the file"))
        self.unlink_button.setText(self.tr("Remove the link"))
        self.proband_button.setText(self.tr("Make proband"))
        self.proband_button.setToolTip(
            self.tr("Make this person the proband (the previous one no longer is)")
        )
        self.add_cancer_button.setText(self.tr("Add a cancer"))
        self.add_result_button.setText(self.tr("Add a result"))
        fill_combo(self.sex_combo, SEX_LABELS)
        fill_combo(self.adoption_combo, ADOPTION_LABELS)
        fill_combo(self.zygosity_combo, ZYGOSITY_LABELS)
        for row in self.cancer_rows:
            row.retranslate()
        for result_row in self.result_rows:
            result_row.retranslate()
        self._refresh_context()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading
    @property
    def person_id(self) -> str | None:
        return self._person.id if self._person is not None else None

    def load(
        self,
        family: Family,
        person_id: str | None,
        raw_inputs: Mapping[str, str] | None = None,
        link_label: str = "",
    ) -> None:
        """Show the person ``person_id`` of ``family`` (None: nobody, the panel is disabled).

        ``raw_inputs``: texts typed that do not read (field -> text), shown instead of
        the family's values; ``link_label``: how the linked file is named.
        """
        self._family = family
        self._person = family.get(person_id) if person_id is not None else None
        self._link_label = link_label
        raw = dict(raw_inputs or {})
        self._loading = True
        try:
            person = self._person or Person(id="")
            self.name_edit.setText(person.name)
            select_code(self.sex_combo, person.sex)
            birth = "" if person.birth_year is None else str(person.birth_year)
            self.birth_year_edit.setText(raw.get("birth_year", birth))
            self.age_edit.setText(raw.get("age", person.age.text))
            self.deceased_check.setChecked(person.deceased)
            self.death_age_edit.setText(raw.get("age_at_death", person.age_at_death.text))
            select_code(self.adoption_combo, person.adoption.value)
            self.ashkenazi_check.setChecked(person.ashkenazi)
            self.note_edit.setText(person.note)
            self._build_cancers(person, raw)
            self._build_results(person)
        finally:
            self._loading = False
        self.setEnabled(self._person is not None)
        for combo in (self.sex_combo, self.adoption_combo):
            # Letters typed for the previous person must not prefix the next search.
            combo.view().keyboardSearch("")
        self._refresh_context()
        self.show_problems([])

    def set_family_context(self, family: Family, link_label: str | None = None) -> None:
        """The family changed around the person being typed: refresh what is derived from it."""
        self._family = family
        if self._person is not None:
            self._person = family.get(self._person.id)
        if link_label is not None:
            self._link_label = link_label
        self._refresh_context()

    def _refresh_context(self) -> None:
        """Title, parents line, twins, couples and link: derived from the family."""
        person = self._person
        if person is None:
            self.title_label.setText(self.tr("No one selected"))
            self.parents_label.setText("")
            return
        relation = relationship_label(self._family, person.id)
        title = person_label(person)
        self.title_label.setText(f"{title} — {relation}" if relation else title)
        self.proband_button.setVisible(not person.proband and not self._read_only)
        parents = [person_text(self._family, p) for p in (person.father_id, person.mother_id) if p]
        if len(parents) == 2:
            self.parents_label.setText(
                self.tr("Parents: {father} and {mother}").format(
                    father=parents[0], mother=parents[1]
                )
            )
        elif parents:
            self.parents_label.setText(self.tr("Parent: {parent}").format(parent=parents[0]))
        else:
            self.parents_label.setText(self.tr("Parents: not entered"))
        self._enable_ages()
        self._refresh_twins()
        self._refresh_couples()
        self._refresh_link()
        self.cancers_label.setText(self.tr("Cancers (%n)", "", len(self.cancer_rows)))
        self.results_label.setText(self.tr("Genetic results (%n)", "", len(self.result_rows)))
        self._chain_tab_order()

    def _refresh_twins(self) -> None:
        assert self._person is not None
        family, me = self._family, self._person
        siblings = [
            s
            for s in family.siblings_of(me.id)
            if (family.person(s).father_id, family.person(s).mother_id)
            == (me.father_id, me.mother_id)
        ]
        group = family.twin_group_of(me.id)
        others = [m for m in group.members if m != me.id] if group else []
        candidates = list(dict.fromkeys([*others, *siblings]))
        self.twin_combo.blockSignals(True)
        self.zygosity_combo.blockSignals(True)
        try:
            self.twin_combo.clear()
            self.twin_combo.addItem(self.tr("Not a twin"), None)
            for other in candidates:
                self.twin_combo.addItem(person_text(family, other), other)
            self.twin_combo.setCurrentIndex(self.twin_combo.findData(others[0]) if others else 0)
            if group is not None:
                select_code(self.zygosity_combo, group.zygosity.value)
            self.zygosity_combo.setEnabled(group is not None and not self._read_only)
            self.twin_combo.setEnabled(bool(candidates) and not self._read_only)
        finally:
            self.twin_combo.blockSignals(False)
            self.zygosity_combo.blockSignals(False)

    def _refresh_couples(self) -> None:
        assert self._person is not None
        family, me = self._family, self._person
        for check in self.consanguinity_checks:
            check.setParent(None)
            check.deleteLater()
        self.consanguinity_checks = []
        for partner_id in family.partners_of(me.id):
            shown = person_text(family, partner_id)
            check = QCheckBox(self.tr("Consanguineous couple with {partner}").format(partner=shown))
            check.setObjectName("consanguinity_check")
            check.setProperty("partner_id", partner_id)
            couple = family.partnership(me.id, partner_id)
            check.setChecked(couple is not None and couple.consanguineous)
            check.setEnabled(not self._read_only)
            check.toggled.connect(
                lambda checked, p=partner_id: self._on_consanguinity_toggled(p, checked)
            )
            self.couples_layout.addWidget(check)
            self.consanguinity_checks.append(check)
        # Candidates: of the same generation, not a sibling nor a partner already.
        excluded = {me.id, *family.partners_of(me.id), *family.siblings_of(me.id)}
        generations = _generations(family, me.id)
        wanted = {"F": {"M", "U"}, "M": {"F", "U"}}.get(me.sex, {"F", "M", "U"})
        self.new_couple_combo.clear()
        for person in family.people:
            if (
                person.id not in excluded
                and person.sex in wanted
                and generations.get(person.id) == 0
            ):
                self.new_couple_combo.addItem(person_text(family, person.id), person.id)
        offered = self.new_couple_combo.count() > 0 and not self._read_only
        self.new_couple_combo.setVisible(offered)
        self.new_couple_button.setVisible(offered)
        self.couples_label.setVisible(bool(self.consanguinity_checks) or offered)

    def _refresh_link(self) -> None:
        assert self._person is not None
        person = self._person
        visible = not person.proband  # the proband is the patient of this very file
        for widget in (self.link_caption, self.link_label):
            widget.setVisible(visible)
        linked = person.patient_id is not None and bool(self._link_label)
        self.link_label.setText(self._link_label if linked else self.tr("No linked file"))
        self.open_link_button.setVisible(visible and linked)
        self.link_button.setVisible(visible and not self._read_only)
        self.unlink_button.setVisible(visible and linked and not self._read_only)

    def _build_cancers(self, person: Person, raw: Mapping[str, str]) -> None:
        for row in self.cancer_rows:
            row.setParent(None)
            row.deleteLater()
        self.cancer_rows = []
        for index, cancer in enumerate(person.cancers):
            row = self._new_cancer_row()
            row.set_cancer(cancer, raw.get(f"cancers[{index}].age"))

    def _new_cancer_row(self) -> CancerRow:
        row = CancerRow(self)
        row.sig_edited.connect(lambda sub, r=row: self._on_cancer_edited(r, sub))
        row.sig_remove.connect(lambda r=row: self._remove_cancer(r))
        row.set_read_only(self._read_only)
        self.cancers_box.addWidget(row)
        self.cancer_rows.append(row)
        return row

    def _build_results(self, person: Person) -> None:
        for row in self.result_rows:
            row.setParent(None)
            row.deleteLater()
        self.result_rows = []
        for result in person.genetic_results:
            row = self._new_result_row()
            row.set_result(result)

    def _new_result_row(self) -> ResultRow:
        row = ResultRow(self)
        row.sig_edited.connect(lambda sub, r=row: self._on_result_edited(r, sub))
        row.sig_remove.connect(lambda r=row: self._remove_result(r))
        row.set_read_only(self._read_only)
        self.results_box.addWidget(row)
        self.result_rows.append(row)
        return row

    # ------------------------------------------------------------------ editing
    def _emit(self, person: Person, field: str) -> None:
        self._person = person
        self.sig_person_edited.emit(person, field)

    def _read_age(self, edit: QLineEdit, field: str) -> Age | None:
        """The age typed in ``edit``, or None (reported as a raw input) when it does not read."""
        assert self._person is not None
        text = edit.text()
        try:
            age = Age.parse(text, field=field)
        except ValidationError as exc:
            self.sig_raw_input.emit(self._person.id, field, text, exc)
            return None
        self.sig_raw_input.emit(self._person.id, field, text, None)
        return age

    def _on_edited(self, field: str) -> None:
        if self._loading or self._person is None:
            return
        person = self._person
        changes: dict[str, Any] = {}
        if field == "name":
            changes["name"] = self.name_edit.text().strip()
        elif field == "sex":
            changes["sex"] = self.sex_combo.currentData()
        elif field == "birth_year":
            text = self.birth_year_edit.text()
            changes["birth_year"] = int(text) if text else None
        elif field == "age":
            age = self._read_age(self.age_edit, "age")
            if age is None:
                return
            changes["age"] = age
        elif field == "age_at_death":
            age = self._read_age(self.death_age_edit, "age_at_death")
            if age is None:
                return
            changes["age_at_death"] = age
        elif field == "deceased":
            deceased = self.deceased_check.isChecked()
            changes["deceased"] = deceased
            self._enable_ages()
            if not deceased and person.age_at_death.text:
                # Alive again: no age at death (family_checks would refuse it).
                changes["age_at_death"] = Age()
                self.death_age_edit.clear()
                self.sig_raw_input.emit(person.id, "age_at_death", "", None)
        elif field == "adoption":
            changes["adoption"] = Adoption(self.adoption_combo.currentData())
        elif field == "ashkenazi":
            changes["ashkenazi"] = self.ashkenazi_check.isChecked()
        elif field == "note":
            changes["note"] = self.note_edit.text()
        self._emit(dataclasses.replace(person, **changes), field)
        if field == "deceased" and self.deceased_check.isChecked():
            self.death_age_edit.setFocus()

    def _with_cancers(self) -> Person:
        assert self._person is not None
        cancers = tuple(row.cancer() for row in self.cancer_rows)
        return dataclasses.replace(self._person, cancers=cancers)

    def _on_cancer_edited(self, row: CancerRow, sub_field: str) -> None:
        if self._loading or self._person is None or row not in self.cancer_rows:
            return
        field = f"cancers[{self.cancer_rows.index(row)}].{sub_field}"
        if sub_field == "age":
            age = self._read_age(row.age_edit, field)
            if age is None:
                return
            row.age = age
        self._emit(self._with_cancers(), field)

    def add_cancer(self) -> None:
        """A new cancer row (breast, age unknown), its site ready to choose."""
        if self._person is None or self._read_only:
            return
        row = self._new_cancer_row()
        row.set_cancer(Cancer(site=next(iter(CANCER_SITES))), None)
        self._after_rows_changed("cancers")
        self._emit(self._with_cancers(), "cancers")
        row.site_combo.setFocus()

    def _remove_cancer(self, row: CancerRow) -> None:
        if self._person is None or self._read_only:
            return
        index = self.cancer_rows.index(row)
        self.cancer_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        # The rows after it move up: their typed ages are reported at their new index.
        self.sig_raw_input.emit(self._person.id, f"cancers[{len(self.cancer_rows)}].age", "", None)
        for later in range(index, len(self.cancer_rows)):
            self._read_age(self.cancer_rows[later].age_edit, f"cancers[{later}].age")
        self._after_rows_changed("cancers")
        self._emit(self._with_cancers(), "cancers")
        self.add_cancer_button.setFocus()

    def _with_results(self) -> Person:
        assert self._person is not None
        results = tuple(row.result() for row in self.result_rows)
        return dataclasses.replace(self._person, genetic_results=results)

    def _on_result_edited(self, row: ResultRow, sub_field: str) -> None:
        if self._loading or self._person is None or row not in self.result_rows:
            return
        field = f"genetic_results[{self.result_rows.index(row)}].{sub_field}"
        self._emit(self._with_results(), field)

    def add_result(self) -> None:
        """A new genetic result row, its gene ready to type."""
        if self._person is None or self._read_only:
            return
        row = self._new_result_row()
        row.set_result(GeneticResult(gene=""))
        self._after_rows_changed("genetic_results")
        self._emit(self._with_results(), "genetic_results")
        row.gene_edit.setFocus()

    def _remove_result(self, row: ResultRow) -> None:
        if self._person is None or self._read_only:
            return
        self.result_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._after_rows_changed("genetic_results")
        self._emit(self._with_results(), "genetic_results")
        self.add_result_button.setFocus()

    def _after_rows_changed(self, _what: str) -> None:
        self.cancers_label.setText(self.tr("Cancers (%n)", "", len(self.cancer_rows)))
        self.results_label.setText(self.tr("Genetic results (%n)", "", len(self.result_rows)))
        self._chain_tab_order()

    def _on_proband_clicked(self) -> None:
        if self._person is not None:
            self.sig_proband_requested.emit(self._person.id)

    def _on_twin_changed(self) -> None:
        if self._person is None:
            return
        me = self._person.id
        other = self.twin_combo.currentData()
        if other is None:
            self.sig_twins_requested.emit((me,), None)
            return
        group = self._family.twin_group_of(other)
        if group is not None and me in group.members:
            return
        if group is not None:
            self.sig_twins_requested.emit((*group.members, me), group.zygosity)
        else:
            zygosity = Zygosity(self.zygosity_combo.currentData())
            self.sig_twins_requested.emit((other, me), zygosity)

    def _on_zygosity_changed(self) -> None:
        if self._person is None:
            return
        group = self._family.twin_group_of(self._person.id)
        if group is not None:
            self.sig_twins_requested.emit(
                group.members, Zygosity(self.zygosity_combo.currentData())
            )

    def _on_consanguinity_toggled(self, partner_id: str, checked: bool) -> None:
        if self._person is not None:
            self.sig_consanguinity_requested.emit(self._person.id, partner_id, checked)

    def _on_new_couple_clicked(self) -> None:
        other = self.new_couple_combo.currentData()
        if self._person is not None and other is not None:
            self.sig_couple_requested.emit(self._person.id, other)

    def _on_link_clicked(self) -> None:
        if self._person is not None:
            self.sig_link_requested.emit(self._person.id)

    def _on_open_link_clicked(self) -> None:
        if self._person is not None and self._person.patient_id is not None:
            self.sig_open_linked.emit(self._person.patient_id)

    def _on_unlink_clicked(self) -> None:
        if self._person is not None:
            self.sig_unlink_requested.emit(self._person.id)

    # ------------------------------------------------------------------ problems
    def _target(self, field: str) -> tuple[FieldMessage, QWidget | None]:
        """The message label and the input of a problem's field."""
        if match := _ITEM_RE.fullmatch(field):
            kind, index, sub_field = match.group(1), int(match.group(2)), match.group(3)
            rows: Sequence[CancerRow | ResultRow] = (
                self.cancer_rows if kind == "cancers" else self.result_rows
            )
            if index < len(rows):
                return rows[index].message, rows[index].widget_for(sub_field)
        if field in _FIELD_WIDGETS:
            return self.messages[field], self.field_widget(field)
        if field == "deceased":
            return self.messages["age_at_death"], self.deceased_check
        if field == "proband":
            return self.proband_message, None
        if field == "twins":
            return self.twins_message, self.twin_combo
        if field == "partnerships":
            return self.partnerships_message, None
        if field in ("ashkenazi", "note"):
            return self.messages["note"], self.field_widget(field)
        return self.parents_message, None

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """Show ``(field, text)`` problems of this person under their inputs."""
        texts: dict[int, list[str]] = {}
        labels: dict[int, FieldMessage] = {}
        invalid: dict[int, QWidget] = {}
        for field, text in problems:
            message, widget = self._target(field)
            texts.setdefault(id(message), []).append(text)
            labels[id(message)] = message
            if widget is not None:
                invalid[id(widget)] = widget
        for message in self._all_messages():
            if id(message) not in labels:
                message.clear_message()
        for key, message in labels.items():
            message.show_message("\n".join(dict.fromkeys(texts[key])))
        for widget in self._all_inputs():
            _mark(widget, id(widget) in invalid)

    def _all_messages(self) -> list[FieldMessage]:
        return [
            *self.messages.values(),
            self.proband_message,
            self.parents_message,
            self.twins_message,
            self.partnerships_message,
            *(row.message for row in self.cancer_rows),
            *(row.message for row in self.result_rows),
        ]

    def _all_inputs(self) -> list[QWidget]:
        widgets: list[QWidget] = [
            self.name_edit,
            self.sex_combo,
            self.birth_year_edit,
            self.age_edit,
            self.deceased_check,
            self.death_age_edit,
            self.adoption_combo,
            self.ashkenazi_check,
            self.note_edit,
            self.twin_combo,
        ]
        for row in self.cancer_rows:
            widgets += row.inputs()
        for result_row in self.result_rows:
            widgets += result_row.inputs()
        return widgets

    def field_message(self, field: str) -> str:
        """The text shown for ``field`` ("" when none) — for tests."""
        message, _ = self._target(field)
        return "" if message.isHidden() else message.text()

    def field_widget(self, field: str) -> QWidget:
        """The input of ``field`` ("age", "cancers[0].age"...)."""
        simple = {
            "name": self.name_edit,
            "sex": self.sex_combo,
            "birth_year": self.birth_year_edit,
            "age": self.age_edit,
            "age_at_death": self.death_age_edit,
            "deceased": self.deceased_check,
            "adoption": self.adoption_combo,
            "ashkenazi": self.ashkenazi_check,
            "note": self.note_edit,
            "twins": self.twin_combo,
            "proband": self.proband_button,
            "partnerships": self.new_couple_combo,
        }
        if field in simple:
            return simple[field]
        _, widget = self._target(field)
        return widget if widget is not None else self.name_edit

    def focus_field(self, field: str) -> None:
        widget = self.field_widget(field)
        if not widget.isEnabled():
            widget = self.name_edit
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def focus_name(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    # ------------------------------------------------------------------ modes
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in (
            self.name_edit,
            self.birth_year_edit,
            self.age_edit,
            self.death_age_edit,
            self.note_edit,
        ):
            edit.setReadOnly(read_only)
        for widget in (
            self.sex_combo,
            self.deceased_check,
            self.adoption_combo,
            self.ashkenazi_check,
        ):
            widget.setEnabled(not read_only)
        for button in (self.add_cancer_button, self.add_result_button):
            button.setVisible(not read_only)
        for row in self.cancer_rows:
            row.set_read_only(read_only)
        for result_row in self.result_rows:
            result_row.set_read_only(read_only)
        if self._person is not None:
            self._refresh_context()
            if not read_only:
                self._enable_ages()

    def _enable_ages(self) -> None:
        """The living have an age at last news, the deceased an age at death."""
        deceased = self.deceased_check.isChecked()
        self.age_edit.setEnabled(not deceased)
        self.death_age_edit.setEnabled(deceased)

    def _chain_tab_order(self) -> None:
        """Tab goes down the panel: the person's fields, the bonds, then each row."""
        chain: list[QWidget] = [
            self.name_edit,
            self.sex_combo,
            self.birth_year_edit,
            self.age_edit,
            self.deceased_check,
            self.death_age_edit,
            self.adoption_combo,
            self.ashkenazi_check,
            self.note_edit,
            self.twin_combo,
            self.zygosity_combo,
            *self.consanguinity_checks,
            self.new_couple_combo,
            self.new_couple_button,
            self.open_link_button,
            self.link_button,
            self.unlink_button,
            self.proband_button,
            self.add_cancer_button,
        ]
        for row in self.cancer_rows:
            chain += row.inputs()
        chain.append(self.add_result_button)
        for result_row in self.result_rows:
            chain += result_row.inputs()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
