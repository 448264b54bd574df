"""The Scores tab: the four testing-indication scores, computed live.

A widget, not a window: the patient file window gives it the personal history
and the family as they stand in their tabs (saved or not) with
:meth:`ScoresPanel.set_inputs`, and shows a relative in the Famille tab when
:attr:`ScoresPanel.sig_person_activated` names one. It makes no service call.

Four cards, breast/ovary scores on the left (Eisinger, Manchester), Lynch ones on
the right (Amsterdam II, revised Bethesda). Each shows its value against the
threshold, a badge (met, not met, uncertain), the reading, the notes, and the
relatives who count, grouped by parental branch where the score is read per
branch, each with the cancer and the points or criteria it brings; a relative's
name is a button that leads to them.

The scores take a few milliseconds even for 275 people (``benchmarks/
bench_scores.py``); redrawing four cards listing a hundred affected relatives
takes longer (tens of milliseconds), so :meth:`ScoresPanel.set_inputs` redraws a
visible panel once edits pause (:data:`REFRESH_DELAY_MS`), a hidden one when it
is shown, and a card only when what it shows has changed.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.family import Family
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.scores import (
    AmsterdamCriterion,
    Contribution,
    Phrase,
    Scores,
    Status,
    compute_scores,
)
from oiso_desktop.domain.scores.bethesda import BETHESDA_SPECTRUM
from oiso_desktop.gui import style
from oiso_desktop.gui.history_labels import SITE_LABELS, coded_label
from oiso_desktop.gui.score_texts import branch_text, person_name, phrase_text, site_and_age

__all__ = ["REFRESH_DELAY_MS", "ContributionRow", "ScoreCard", "ScoresPanel"]

#: How long the visible cards wait for more edits before they are redrawn.
REFRESH_DELAY_MS = 150

_MARKS = {
    Status.MET: ("✔", style.OK),
    Status.UNCERTAIN: ("?", "#a15c00"),
    Status.NOT_MET: ("✘", "#7b8794"),
}

# One style sheet for the whole panel: rows only carry object names and properties
# (a style sheet per widget would be re-parsed for each of hundreds of rows).
_PANEL_STYLE = f"""
QFrame[scoreCard="true"] {{
    background: #ffffff; border: 1px solid #c5ccd6; border-radius: 6px;
}}
QLabel#badge_label {{
    border: 1px solid #c5ccd6; border-radius: 10px; padding: 3px 12px; font-weight: bold;
    background: #eceff3; color: #3e4c59;
}}
QLabel#badge_label[status="met"] {{
    background: {style.PRIMARY}; color: #ffffff; border-color: #224677;
}}
QLabel#badge_label[status="uncertain"] {{
    background: #fff4d6; color: #7a4b00; border-color: #e7c36b;
}}
QLabel#group_label {{ color: {style.PRIMARY}; font-weight: bold; padding-top: 4px; }}
QPushButton#person_button {{
    border: none; background: transparent; color: {style.PRIMARY}; text-align: left;
    text-decoration: underline; padding: 1px 0; min-height: 0;
}}
QPushButton#person_button:focus {{ border: 1px solid {style.PRIMARY}; padding: 0; }}
QLabel#row_notes_label {{ color: #52606d; padding-left: 14px; padding-bottom: 3px; }}
QLabel#row_notes_label[uncertain="true"] {{ color: #7a4b00; background: #fffaf0; }}
"""


@dataclass(frozen=True)
class ContributionRow:
    """One line of a card's list of relatives (texts already translated)."""

    person_id: str
    person: str  # "mère (Marie)"
    cancer: str  # "Sein, 36 ans" or "" (a variant, an adjustment of the patient)
    points: str  # "3", "4 / 4", "+2 / 0", "" for criteria
    notes: tuple[str, ...] = ()  # shown under the row: reasons, caveats, criteria met
    uncertain: bool = False


class _Result(Protocol):
    """What every score's result gives a card."""

    @property
    def status(self) -> Status: ...

    @property
    def reading(self) -> tuple[Phrase, ...]: ...

    @property
    def notes(self) -> tuple[Phrase, ...]: ...


@dataclass(frozen=True)
class CardContent:
    """Everything a card shows; compared to skip rebuilding what did not change."""

    title: str
    subtitle: str
    status: Status
    badge: str
    values_html: str
    reading: tuple[str, ...]
    notes: tuple[str, ...]
    headers: tuple[str, ...]  # person, cancer, points (or "")
    groups: tuple[tuple[str, tuple[ContributionRow, ...]], ...]  # (heading or "", rows)
    empty_text: str = ""


class ScoreCard(QFrame):
    """One score: title, badge, values, reading, notes and the relatives who count."""

    sig_person_activated = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("scoreCard", True)
        self.content: CardContent | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = QLabel()
        self.title_label.setObjectName("title_label")
        self.title_label.setWordWrap(True)
        style.set_role(self.title_label, "header")
        titles.addWidget(self.title_label)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("subtitle_label")
        self.subtitle_label.setWordWrap(True)
        style.set_role(self.subtitle_label, "hint")
        titles.addWidget(self.subtitle_label)
        top.addLayout(titles, 1)
        self.badge_label = QLabel()
        self.badge_label.setObjectName("badge_label")
        self.badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.values_label = QLabel()
        self.values_label.setObjectName("values_label")
        self.values_label.setTextFormat(Qt.TextFormat.RichText)
        self.values_label.setWordWrap(True)
        layout.addWidget(self.values_label)
        self.reading_label = QLabel()
        self.reading_label.setObjectName("reading_label")
        self.reading_label.setWordWrap(True)
        self.reading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reading_label)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("notes_label")
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_role(self.notes_label, "hint")
        layout.addWidget(self.notes_label)
        self.rows_holder = QVBoxLayout()
        self.rows_holder.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.rows_holder)
        self.rows_widget: QWidget | None = None
        self.person_buttons: list[QPushButton] = []

    # ------------------------------------------------------------------ display
    def show_content(self, content: CardContent) -> None:
        """Show ``content`` (nothing is rebuilt when it is what the card shows)."""
        if content == self.content:
            return
        self.content = content
        self.title_label.setText(content.title)
        self.subtitle_label.setText(content.subtitle)
        self.badge_label.setText(content.badge)
        if self.badge_label.property("status") != content.status.value:
            self.badge_label.setProperty("status", content.status.value)
            self.badge_label.style().unpolish(self.badge_label)
            self.badge_label.style().polish(self.badge_label)
        self.values_label.setText(content.values_html)
        self.values_label.setVisible(bool(content.values_html))
        self.reading_label.setText("\n".join(content.reading))
        self.notes_label.setText("\n".join(content.notes))
        self.notes_label.setVisible(bool(content.notes))
        self._show_rows(content)

    def _show_rows(self, content: CardContent) -> None:
        if self.rows_widget is not None:
            self.rows_widget.hide()
            self.rows_widget.deleteLater()
        self.person_buttons = []
        self.rows_widget = QWidget(self)
        self.rows_widget.setObjectName("contributions_widget")
        grid = QGridLayout(self.rows_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(3, 1)
        row = 0
        if not any(rows for _, rows in content.groups):
            empty = QLabel(content.empty_text)
            empty.setObjectName("empty_label")
            empty.setWordWrap(True)
            empty.setProperty("role", "hint")
            grid.addWidget(empty, row, 0, 1, 4)
        else:
            for column, header in enumerate(content.headers):
                label = QLabel(header)
                label.setProperty("role", "section")
                grid.addWidget(label, row, column)
            row += 1
            for heading, rows in content.groups:
                if heading:
                    label = QLabel(heading)
                    label.setObjectName("group_label")
                    grid.addWidget(label, row, 0, 1, 4)
                    row += 1
                for line in rows:
                    row += self._add_row(grid, row, line)
        self.rows_holder.addWidget(self.rows_widget)

    def _add_row(self, grid: QGridLayout, row: int, line: ContributionRow) -> int:
        """Add ``line`` at ``row``; the number of grid rows it took."""
        button = QPushButton(line.person)
        button.setObjectName("person_button")
        button.setProperty("person_id", line.person_id)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFlat(True)
        button.setAutoDefault(False)
        button.setToolTip(self.tr("Show {person} in the Family tab").format(person=line.person))
        button.clicked.connect(lambda: self.sig_person_activated.emit(line.person_id))
        self.person_buttons.append(button)
        grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        for column, text in ((1, line.cancer), (2, line.points)):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if column == 2:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        if not line.notes:
            return 1
        notes = QLabel("\n".join(f"• {text}" for text in line.notes))
        notes.setObjectName("row_notes_label")
        notes.setTextFormat(Qt.TextFormat.PlainText)
        notes.setWordWrap(True)
        notes.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        notes.setProperty("uncertain", line.uncertain)
        grid.addWidget(notes, row + 1, 0, 1, 4)
        return 2

    # -------------------------------------------------------------------- tests
    def person_button(self, person_id: str) -> QPushButton | None:
        """The first button of ``person_id`` in the list (None if they do not count)."""
        return next((b for b in self.person_buttons if b.property("person_id") == person_id), None)

    def listed_people(self) -> list[str]:
        return list(dict.fromkeys(str(b.property("person_id")) for b in self.person_buttons))


class ScoresPanel(QWidget):
    """The Scores tab (see the module docstring)."""

    sig_person_activated = Signal(str)  # a relative's person id ("p3"): show them
    sig_refreshed = Signal()  # the cards show the last inputs

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = REFRESH_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("scores_panel")
        self.setStyleSheet(_PANEL_STYLE)
        self._inputs: tuple[PersonalHistory, Family, dt.date | None, str, tuple[str, ...]] | None
        self._inputs = None
        self._scores: Scores | None = None
        self._dirty = False
        self._names: dict[str, str] = {}  # person_name cache of the shown scores
        self._drawn: Scores | None = None  # the scores the cards show
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("scores_hint_label")
        self.hint_label.setWordWrap(True)
        style.set_role(self.hint_label, "hint")
        outer.addWidget(self.hint_label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("scores_scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("scores_body")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 4, 4, 4)
        columns.setSpacing(12)
        self.eisinger_card = ScoreCard("eisinger")
        self.manchester_card = ScoreCard("manchester")
        self.amsterdam_card = ScoreCard("amsterdam")
        self.bethesda_card = ScoreCard("bethesda")
        for cards in (
            (self.eisinger_card, self.manchester_card),
            (self.amsterdam_card, self.bethesda_card),
        ):
            column = QVBoxLayout()
            column.setSpacing(12)
            for card in cards:
                card.sig_person_activated.connect(self.sig_person_activated)
                column.addWidget(card)
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self._retranslate()

    # ---------------------------------------------------------------------- API
    def set_inputs(
        self,
        history: PersonalHistory,
        family: Family,
        *,
        birth_date: dt.date | None,
        sex: str,
        variant_genes: Iterable[str] = (),
    ) -> None:
        """Take the file as it stands: the cards follow ``delay_ms`` later if the panel
        is visible (edits in a row are shown once), else when it is shown; ``scores``
        is current at once. ``sex``: the identity's ("F", "M", "I"); ``variant_genes``:
        the patient's class 4–5 variants from the genetics tab."""
        self._inputs = (history, family, birth_date, sex, tuple(variant_genes))
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    @property
    def scores(self) -> Scores | None:
        """The scores of the last inputs (computed now if not yet)."""
        if self._dirty and self._inputs is not None:
            history, family, birth_date, sex, genes = self._inputs
            self._scores = compute_scores(
                history, family, birth_date=birth_date, sex=sex, variant_genes=genes
            )
            self._dirty = False
        return self._scores

    def refresh(self) -> None:
        """Compute (if needed) and show the scores now."""
        self._timer.stop()
        scores = self.scores
        if scores is None or scores is self._drawn:
            return
        self._drawn = scores
        self._names = {}
        self.eisinger_card.show_content(self._eisinger(scores))
        self.manchester_card.show_content(self._manchester(scores))
        self.amsterdam_card.show_content(self._amsterdam(scores))
        self.bethesda_card.show_content(self._bethesda(scores))
        self.sig_refreshed.emit()

    def cards(self) -> list[ScoreCard]:
        return [self.eisinger_card, self.manchester_card, self.amsterdam_card, self.bethesda_card]

    # ------------------------------------------------------------------ events
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._drawn = None  # the same scores, other words
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.hint_label.setText(
            self.tr(
                "Computed from the personal history and the family as entered in their tabs, "
                "saved or not. Click a relative to show them in the Family tab."
            )
        )

    # ------------------------------------------------------------- shared parts
    def _badge(self, status: Status, met: str, not_met: str, uncertain: str) -> str:
        return {Status.MET: met, Status.NOT_MET: not_met, Status.UNCERTAIN: uncertain}[status]

    def _notes(self, scores: Scores, phrases: Iterable) -> tuple[str, ...]:
        return tuple(phrase_text(p, scores.family, self._names) for p in phrases)

    def _row(self, scores: Scores, contribution: Contribution, points: str) -> ContributionRow:
        family = scores.family
        cancer = site_and_age(contribution.site, contribution.age) if contribution.site else ""
        return ContributionRow(
            person_id=contribution.person_id,
            person=person_name(family, contribution.person_id, self._names),
            cancer=cancer,
            points=points,
            notes=tuple(phrase_text(n, family, self._names) for n in contribution.notes),
            uncertain=contribution.uncertain,
        )

    @staticmethod
    def _cell(text: str, *, bold: bool = False, header: bool = False, colour: str = "") -> str:
        tag = "th" if header else "td"
        shown = html.escape(text)
        if bold:
            shown = f"<b>{shown}</b>"
        if colour:
            shown = f'<span style="color:{colour}">{shown}</span>'
        align = "left" if header and not text else "right"
        return f'<{tag} align="{align}" style="padding: 1px 8px">{shown}</{tag}>'

    def _mark(self, status: Status) -> str:
        mark, colour = _MARKS[status]
        return f'<span style="color:{colour}; font-weight:bold">{mark}</span>'

    @staticmethod
    def _branch_cell(branch: str) -> str:
        """The first cell of a branch's line in a values table."""
        return (
            '<td style="padding: 1px 8px 1px 0; white-space: nowrap">'
            f"{html.escape(branch_text(branch))}</td>"
        )

    @staticmethod
    def _hint_html(text: str) -> str:
        """A line of grey text under or instead of the values (a threshold, a spectrum)."""
        return f'<div style="color:#52606d">{html.escape(text)}</div>'

    def _threshold_badges(self) -> tuple[str, str, str]:
        """The badges of a score read against a threshold: met, not met, uncertain."""
        return (
            self.tr("Threshold reached"),
            self.tr("Threshold not reached"),
            self.tr("Threshold uncertain"),
        )

    def _card(
        self,
        scores: Scores,
        result: _Result,
        *,
        title: str,
        subtitle: str,
        badges: tuple[str, str, str],
        values_html: str,
        headers: tuple[str, ...],
        groups: tuple[tuple[str, tuple[ContributionRow, ...]], ...],
        empty_text: str,
        reading: Iterable[Phrase] | None = None,
    ) -> CardContent:
        """A card's content: ``badges`` are the texts when met, not met, uncertain;
        ``reading`` the phrases shown as the reading (by default all of the result's)."""
        return CardContent(
            title=title,
            subtitle=subtitle,
            status=result.status,
            badge=self._badge(result.status, *badges),
            values_html=values_html,
            reading=self._notes(scores, result.reading if reading is None else reading),
            notes=self._notes(scores, result.notes),
            headers=headers,
            groups=groups,
            empty_text=empty_text,
        )

    # ---------------------------------------------------------------- Eisinger
    def _eisinger(self, scores: Scores) -> CardContent:
        result = scores.eisinger
        cells = []
        for branch in result.branches:
            cells.append(
                "<tr>"
                + self._branch_cell(branch.branch)
                + self._cell(str(branch.points), bold=True)
                + f"<td>{self._mark(branch.status)}</td></tr>"
            )
        threshold = self.tr("Threshold: {threshold} in one branch (branches are never added)")
        values = f"<table>{''.join(cells)}</table>" + self._hint_html(
            threshold.format(threshold=result.threshold)
        )
        groups = tuple(
            (
                self.tr("{branch} — score {points}").format(
                    branch=branch_text(branch.branch), points=str(branch.points)
                ),
                tuple(self._row(scores, c, str(c.points[0])) for c in branch.contributions),
            )
            for branch in result.branches
        )
        return self._card(
            scores,
            result,
            title=self.tr("Eisinger score"),
            subtitle=self.tr("Breast and ovary, per parental branch"),
            badges=self._threshold_badges(),
            values_html=values,
            headers=(self.tr("Relative"), self.tr("Cancer"), self.tr("Points")),
            groups=groups if any(b.contributions for b in result.branches) else (),
            empty_text=self.tr("No breast or ovarian cancer and no BRCA variant in the family."),
        )

    # -------------------------------------------------------------- Manchester
    def _manchester(self, scores: Scores) -> CardContent:
        result = scores.manchester
        header = "<tr><th></th>"
        sub = "<tr><th></th>"
        blocks = [self.tr("Without adjustment")]
        if result.adjusted:
            blocks.append(self.tr("With 2017 adjustments"))
        for block in blocks:
            header += (
                f'<th colspan="3" align="center" style="padding: 1px 8px">{html.escape(block)}</th>'
            )
            for column in ("BRCA1", "BRCA2", self.tr("Total")):
                sub += self._cell(column, header=True)
        rows = [header + "<th></th></tr>", sub + "<th></th></tr>"]
        for branch in result.branches:
            line = "<tr>" + self._branch_cell(branch.branch)
            shown = [branch.plain] + ([branch.adjusted] if branch.adjusted else [])
            for values in shown:
                line += self._cell(str(values.brca1)) + self._cell(str(values.brca2))
                line += self._cell(str(values.combined), bold=True)
            line += f"<td>{self._mark(branch.status)}</td></tr>"
            rows.append(line)
        if result.patient_affected:
            threshold = self.tr("Threshold: total ≥ {threshold} in one branch")
        else:
            threshold = self.tr(
                "Threshold: total ≥ {threshold} in one branch (no counted cancer in the patient)"
            )
        values = f"<table>{''.join(rows)}</table>" + self._hint_html(
            threshold.format(threshold=result.threshold)
        )

        def points(c: Contribution) -> str:
            if c.kind == "adjustment":
                return f"{c.points[0].signed()} / {c.points[1].signed()}"
            return f"{c.points[0]} / {c.points[1]}"

        groups = tuple(
            (
                self.tr("{branch} — total {points}").format(
                    branch=branch_text(branch.branch), points=str(branch.scored.combined)
                ),
                tuple(self._row(scores, c, points(c)) for c in branch.contributions),
            )
            for branch in result.branches
        )
        return self._card(
            scores,
            result,
            title=self.tr("Manchester score"),
            subtitle=self.tr("BRCA1 / BRCA2 / combined, per parental branch"),
            badges=self._threshold_badges(),
            values_html=values,
            reading=(p for p in result.reading if not p.code.startswith("manchester_branch")),
            headers=(
                self.tr("Relative"),
                self.tr("Cancer"),
                self.tr("BRCA1 / BRCA2"),
            ),
            groups=groups if result.contributions else (),
            empty_text=self.tr("No cancer of the Manchester table in the family."),
        )

    # --------------------------------------------------------------- Amsterdam
    def _amsterdam(self, scores: Scores) -> CardContent:
        result = scores.amsterdam
        lines = []
        for criterion in result.criteria:
            text = phrase_text(Phrase(criterion.code), scores.family, self._names)
            if criterion.code == AmsterdamCriterion.FAP_EXCLUDED:
                text = self.tr("{criterion} (not recorded: to check)").format(criterion=text)
            lines.append(
                f'<tr><td style="padding: 1px 6px 1px 0">{self._mark(criterion.status)}</td>'
                f"<td>{html.escape(text)}</td></tr>"
            )
        values = f"<table>{''.join(lines)}</table>"
        rows = tuple(self._row(scores, c, "") for c in result.contributions)
        heading = branch_text(result.branch) if result.branch is not None else ""
        return self._card(
            scores,
            result,
            title=self.tr("Amsterdam II criteria"),
            subtitle=self.tr("Lynch syndrome; all must hold"),
            badges=(
                self.tr("Criteria met"),
                self.tr("Criteria not met"),
                self.tr("To be confirmed"),
            ),
            values_html=values,
            headers=(self.tr("Relative"), self.tr("Cancer"), ""),
            groups=((heading, rows),) if rows else (),
            empty_text=self.tr("No Lynch-spectrum cancer in the family."),
        )

    # ---------------------------------------------------------------- Bethesda
    def _bethesda(self, scores: Scores) -> CardContent:
        result = scores.bethesda
        spectrum = ", ".join(
            _lower_first(coded_label(SITE_LABELS, site))
            for site in sorted(BETHESDA_SPECTRUM, key=_BETHESDA_ORDER.index)
        )
        values = self._hint_html(self.tr("HNPCC spectrum: {sites}.").format(sites=spectrum))
        rows = tuple(self._row(scores, c, "") for c in result.contributions)
        return self._card(
            scores,
            result,
            title=self.tr("Revised Bethesda criteria"),
            subtitle=self.tr("Which tumours to test for microsatellite instability"),
            badges=(
                self.tr("MSI testing indicated"),
                self.tr("No criterion met"),
                self.tr("To be made precise"),
            ),
            values_html=values,
            headers=(self.tr("Tumour of"), self.tr("Cancer"), ""),
            groups=(("", rows),) if rows else (),
            empty_text=self.tr("No tumour meets a criterion."),
        )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_BETHESDA_ORDER: Sequence[str] = (
    "colorectal",
    "endometrium",
    "stomach",
    "ovary",
    "pancreas",
    "upper_urinary_tract",
    "biliary_tract",
    "small_bowel",
    "brain",
    "sebaceous",
)
