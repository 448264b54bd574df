"""The patient summary ("synthèse du dossier"): one PDF of the whole oncogenetics file.

Built in memory by :func:`render_patient_summary` from plain data
(:class:`PatientSummary`: the identity, the three clinical forms as saved, the scores
computed from them, the letterhead); no database, no file. French, A4, the DejaVu
fonts embedded (accents, « », −, ≥, — print the same everywhere).

Content, in this order:

* the **letterhead**: the structure (name, address, telephone, FINESS) and the author
  of the summary — the practitioner who produces it, with their RPPS (or ADELI); when
  the file belongs to another practitioner, the file's owner is named too;
* **Identité**: names, birth date and age, sex, INS identity status, NIR (grouped as on
  a carte Vitale), birthplace code, death;
* **Antécédents personnels**: cancers (site and side, age or date of diagnosis,
  histology, grade, receptors, MSI/IHC, verified), risk-reducing surgeries, the note;
* **Génétique**: the result at a glance, the variants (HGVS, ACMG class and its French
  label, zygosity, reading: a class 3 variant is "non concluant", never positive —
  ``domain.genetics.is_positive``), the tests, the consents, the relatives informed;
* **Famille**: relatives and affected relatives counted, and the pedigree drawn from the
  shared layout (``domain.pedigree_layout``, ``reports.pedigree_pdf``) with the genetics
  form's results (carrier marks). A pedigree that fits the portrait page at a readable
  size (text ≥ 6 pt) is drawn there; a larger one gets landscape pages of its own at the
  end, split into parts to assemble when even a landscape page is too small;
* **Scores d'indication**: Eisinger, Manchester (with and without the 2017
  adjustments), Amsterdam II, revised Bethesda, each with its values against its
  threshold, its status, its reading and the relatives who count.

* **Suivi**: the surveillance plan as stored (exam, rhythm, last and next date, state:
  overdue in red, "à confirmer" and adjusted items marked), the appointments to come,
  and the exams held with their results.

The genetics come before the family so that the first page holds the file's facts and the
pedigree starts a page of its own when it cannot follow them.
Every page ends with "Confidentiel — données de santé" and "Page n / N"; every page after
the first names the patient (birth name, first names, birth date) at its top.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.family import (
    CANCER_SITES,
    HISTOLOGIES,
    LATERALITIES,
    Family,
)
from oiso_desktop.domain.family_facts import family_key_facts
from oiso_desktop.domain.genetics import (
    ACMG_CLASSES,
    CONSENT_SCOPES,
    INFORMATION_CHANNELS,
    RELATIVE_OUTCOMES,
    TEST_KINDS,
    TEST_STATUSES,
    ZYGOSITIES,
    Genetics,
    GeneticTest,
    Variant,
    class_label,
    genetics_results,
    is_positive,
    variant_label,
    with_results,
)
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.pedigree_drawing import PedigreeDrawing
from oiso_desktop.domain.personal_history import (
    IHC_STATUSES,
    MSI_STATUSES,
    SURGERY_KINDS,
    SURGERY_SIDES,
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
    age_on,
)
from oiso_desktop.domain.scores import Contribution, Phrase, Scores, Status
from oiso_desktop.domain.scores.amsterdam import AmsterdamCriterion
from oiso_desktop.domain.scores.phrases import (
    BRANCH_LABELS,
    french,
    french_contribution,
    french_person,
)
from oiso_desktop.reports.common import (
    ACCENT,
    FOOTER,
    INK,
    MUTED,
    NO_SIDE_PADDING,
    RULE,
    SHADE,
    base_style,
    draw_footer,
    french_date,
    heading_style,
    letterhead,
    styled_table,
)
from oiso_desktop.reports.common import french as _french
from oiso_desktop.reports.common import para as _p
from oiso_desktop.reports.exam_labels import exam_label_fr
from oiso_desktop.reports.fonts import SANS, SANS_BOLD, register_fonts
from oiso_desktop.reports.pedigree_pdf import (
    PedigreeFlowable,
    Tile,
    legend_height,
    pdf_pedigree_drawing,
    pedigree_tiles,
)

__all__ = [
    "FOOTER",
    "FormStamp",
    "PatientSummary",
    "SummaryAppointment",
    "SummaryAuthor",
    "SummaryExamDone",
    "SummaryFollowup",
    "SummaryLetterhead",
    "SummaryPlanItem",
    "format_nir",
    "render_patient_summary",
    "summary_family",
]

TITLE = "Synthèse du dossier d'oncogénétique"

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X = 17 * mm
#: Landscape pages hold the pedigree alone: narrower margins (as the pedigree PDF's), so
#: that a family of about 40 people still fits one page at a readable size.
LANDSCAPE_MARGIN_X = 10 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 19 * mm  # the footer lives below the frame
FRAME_PADDING = 0.0
PORTRAIT_WIDTH = PORTRAIT[0] - 2 * MARGIN_X
LANDSCAPE_WIDTH = LANDSCAPE[0] - 2 * LANDSCAPE_MARGIN_X
LANDSCAPE_HEADER = 11 * mm
#: The pedigree stays in the Famille section when it fits this height at a readable size.
INLINE_PEDIGREE_HEIGHT = 118 * mm

HEADER_SHADE = colors.HexColor("#E3EAF2")
POSITIVE = colors.HexColor("#8B1A1A")
UNCERTAIN = colors.HexColor("#7A4B00")

SEX_LABELS = {"F": "féminin", "M": "masculin", "I": "indéterminé"}
INS_STATUS_LABELS = {
    "PROV": "identité provisoire",
    "RECUP": "identité récupérée",
    "VALI": "identité validée",
    "QUAL": "identité qualifiée",
}
RECEPTOR_SIGNS = {"P": "+", "N": "−"}

#: What each score's status reads as (the same words as the Scores tab).
THRESHOLD_STATUS = {
    Status.MET: "Seuil atteint",
    Status.NOT_MET: "Seuil non atteint",
    Status.UNCERTAIN: "Seuil incertain",
}
CRITERIA_STATUS = {
    Status.MET: "Critères remplis",
    Status.NOT_MET: "Critères non remplis",
    Status.UNCERTAIN: "À confirmer",
}
BETHESDA_STATUS = {
    Status.MET: "Recherche de MSI indiquée",
    Status.NOT_MET: "Aucun critère rempli",
    Status.UNCERTAIN: "À préciser",
}
CRITERION_MARKS = {Status.MET: "✔", Status.NOT_MET: "✘", Status.UNCERTAIN: "?"}
STATUS_COLOURS = {Status.MET: ACCENT, Status.NOT_MET: MUTED, Status.UNCERTAIN: UNCERTAIN}


# ---------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class SummaryAuthor:
    """A practitioner named on the summary."""

    name: str  # "Paul Durand"
    doctor: bool = True  # "Dr" before the name (a physician)
    profession: str = ""  # "Médecin généticien"
    rpps: str = ""
    adeli: str = ""

    @property
    def display_name(self) -> str:
        name = self.name.strip()
        return f"Dr {name}" if self.doctor and name else name

    @property
    def identifier(self) -> str:
        """ "RPPS 10005173140", else "ADELI 751234567", else ""."""
        if self.rpps:
            return f"RPPS {self.rpps}"
        return f"ADELI {self.adeli}" if self.adeli else ""


@dataclass(frozen=True)
class SummaryLetterhead:
    """The structure and the author (who produces the summary); ``file_owner``: the
    practitioner the file belongs to, when it is someone else."""

    structure_name: str
    author: SummaryAuthor
    finess: str = ""
    address: str = ""
    phone: str = ""
    file_owner: SummaryAuthor | None = None


@dataclass(frozen=True)
class FormStamp:
    """Which saved version of a form the summary shows (revision 0: never saved)."""

    revision: int = 0
    saved_on: dt.date | None = None


@dataclass(frozen=True)
class SummaryPlanItem:
    """One item of the surveillance plan as stored (``PlanItemView``'s plain parts)."""

    exam: str  # ExamKind value
    label: str  # the item's own name (a custom exam)
    start_age: float
    end_age: float | None
    interval_months: int | None
    fixed_ages: tuple[float, ...]
    next_due: dt.date | None
    last_done: dt.date | None
    status: str  # PlanStatus value
    adjusted: bool = False
    to_confirm: bool = False


@dataclass(frozen=True)
class SummaryAppointment:
    starts_at: dt.datetime  # local, naive
    exam: str  # ExamKind value
    place: str
    practitioner: str
    status: str  # AppointmentStatus value


@dataclass(frozen=True)
class SummaryExamDone:
    performed_on: dt.date
    exam: str  # ExamKind value
    result: str


@dataclass(frozen=True)
class SummaryFollowup:
    """The Suivi section: the plan, the appointments to come, the exams held."""

    items: tuple[SummaryPlanItem, ...] = ()
    appointments: tuple[SummaryAppointment, ...] = ()
    performed: tuple[SummaryExamDone, ...] = ()


@dataclass(frozen=True)
class PatientSummary:
    """Everything the summary shows. ``family``: the family form as saved (the genetics
    form's results are added for the pedigree here); ``scores``: computed by the caller
    from the same forms; ``stamps``: by form kind ("history", "family", "genetics")."""

    letterhead: SummaryLetterhead
    identity: IdentityFields
    history: PersonalHistory
    family: Family
    genetics: Genetics
    scores: Scores
    day: dt.date
    stamps: Mapping[str, FormStamp] = field(default_factory=dict)
    followup: SummaryFollowup = field(default_factory=SummaryFollowup)


# ------------------------------------------------------------------------- helpers


def format_nir(nir: str | None) -> str:
    """ "295109912611193" -> "2 95 10 99 126 111 93" (grouped as on a carte Vitale)."""
    if not nir:
        return ""
    text = "".join(nir.split())
    if len(text) != 15:
        return text
    return " ".join(
        (text[0], text[1:3], text[3:5], text[5:7], text[7:10], text[10:13], text[13:15])
    )


def summary_family(family: Family, genetics: Genetics) -> Family:
    """The family as the pedigree shows it: the genetics form's results added (the
    patient's class 4-5 variants as carrier marks, class 3 as "VSI", predictive results
    of relatives), as on the Famille tab."""
    return with_results(family, genetics_results(genetics, family))


def _x(text: object) -> str:
    """Text for Paragraph markup: escaped, French spacing."""
    return escape(_french(str(text)))


def _date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _site(code: str) -> str:
    site = CANCER_SITES.get(code)
    return site.label if site else code


class _Styles:
    def __init__(self) -> None:
        base = base_style(9, 12)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5)
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=SANS_BOLD)
        self.header_cell = ParagraphStyle(
            "header_cell", parent=self.cell, fontName=SANS_BOLD, fontSize=8, textColor=ACCENT
        )
        self.label = ParagraphStyle("label", parent=self.cell, textColor=MUTED)
        self.head = heading_style("head", base, 11.5, 14)
        self.right = ParagraphStyle("right", parent=self.small, alignment=2, textColor=MUTED)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=15, leading=19, textColor=INK
        )
        self.section = heading_style("section", base, 12, 15, spaceBefore=10, spaceAfter=2)
        self.subsection = ParagraphStyle(
            "subsection",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
        )
        self.score_title = ParagraphStyle(
            "score_title", parent=base, fontName=SANS_BOLD, fontSize=10.5, leading=13
        )
        self.badge = ParagraphStyle(
            "badge", parent=base, fontName=SANS_BOLD, fontSize=9, leading=11, alignment=2
        )
        self.headline = ParagraphStyle(
            "headline", parent=base, fontName=SANS_BOLD, fontSize=9.5, leading=12.5
        )
        self.bullet = ParagraphStyle(
            "bullet",
            parent=self.cell,
            leftIndent=10,
            bulletIndent=2,
            bulletFontName=SANS,
            spaceAfter=1,
        )


def _table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    styles: _Styles,
    *,
    header: bool = True,
) -> Table:
    """A table of paragraphs, its first row a header repeated on each page."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE)]
    return styled_table(rows, commands, colWidths=list(widths), repeatRows=1 if header else 0)


def _headers(texts: Sequence[str], styles: _Styles) -> list[Paragraph]:
    return [_p(text, styles.header_cell) for text in texts]


def _section(title: str, styles: _Styles, stamp: FormStamp | None = None) -> Flowable:
    """A section title, with the version of the form it comes from on its right."""
    note = ""
    if stamp is not None:
        if stamp.revision and stamp.saved_on is not None:
            note = f"version {stamp.revision} du {_date(stamp.saved_on)}"
        elif stamp.revision:
            note = f"version {stamp.revision}"
        else:
            note = "jamais enregistré"
    return styled_table(
        [[_p(title, styles.section), _p(note, styles.right)]],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *NO_SIDE_PADDING,
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ],
        colWidths=[PORTRAIT_WIDTH * 0.7, PORTRAIT_WIDTH * 0.3],
    )


def _with_section(head: Flowable, first: Sequence[Flowable]) -> list[Flowable]:
    """A section title kept with what follows it (never alone at a page's foot)."""
    return [CondPageBreak(40 * mm), KeepTogether([head, Spacer(1, 4), *first])]


# ------------------------------------------------------------------------ letterhead


def _letterhead(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    head = summary.letterhead
    author = head.author
    table = letterhead(
        structure_name=head.structure_name,
        address=head.address,
        phone=head.phone,
        finess=head.finess,
        practitioner=author.display_name,
        profession=author.profession,
        identifier=author.identifier.replace(" ", " : ", 1),
        head=styles.head,
        small=styles.muted,
        width=PORTRAIT_WIDTH,
    )
    title = styled_table(
        [
            [
                _p(TITLE, styles.title),
                _p(f"Établie le {french_date(summary.day)}", styles.right),
            ]
        ],
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *NO_SIDE_PADDING],
        colWidths=[PORTRAIT_WIDTH * 0.72, PORTRAIT_WIDTH * 0.28],
    )
    story: list[Flowable] = [
        table,
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=5, spaceAfter=9),
        title,
    ]
    owner = head.file_owner
    intro = "D'après le dossier tel qu'il est enregistré"
    if owner is not None and owner.display_name:
        identifier = f" ({owner.identifier})" if owner.identifier else ""
        intro += f" ; dossier suivi par {owner.display_name}{identifier}"
    story.append(_p(intro + ".", styles.muted))
    return story


# -------------------------------------------------------------------------- identity


def _identity(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    fields = summary.identity
    age = age_on(fields.birth_date, fields.death_date or summary.day)
    born = f"{_date(fields.birth_date)} ({age} ans)"
    pairs = [
        ("Nom de naissance", fields.birth_name),
        ("Nom utilisé", fields.used_name or "—"),
        ("Prénoms", fields.first_names),
        ("Sexe", SEX_LABELS.get(fields.sex, fields.sex)),
        ("Date de naissance", born),
        ("Statut INS", INS_STATUS_LABELS.get(fields.ins_status, fields.ins_status)),
        ("NIR", format_nir(fields.nir) or "non renseigné"),
        ("Lieu de naissance (INSEE)", fields.birth_place_code or "—"),
    ]
    if fields.vital_status == "deceased":
        pairs.append(
            ("Décès", f"le {_date(fields.death_date)}" if fields.death_date else "date inconnue")
        )
    if fields.referring_physician:
        pairs.append(("Médecin traitant", fields.referring_physician))
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = []
    for index in range(0, len(pairs), 2):
        row: list[Paragraph] = []
        for label, value in pairs[index : index + 2]:
            row += [_p(label, styles.label), _p(value, styles.cell_bold)]
        rows.append(row)
    width = PORTRAIT_WIDTH
    table = _table(
        rows, [width * 0.2, width * 0.3, width * 0.22, width * 0.28], styles, header=False
    )
    return _with_section(_section("Identité", styles), [table])


# --------------------------------------------------------------------------- history


def _markers(cancer: HistoryCancer) -> str:
    parts = []
    if cancer.histology:
        parts.append(HISTOLOGIES.get(cancer.histology, cancer.histology))
    if cancer.grade is not None:
        parts.append(f"grade {cancer.grade}")
    receptors = cancer.receptors
    shown = [
        f"{name} {RECEPTOR_SIGNS[value]}"
        for name, value in (
            ("RE", receptors.er),
            ("RP", receptors.pr),
            ("HER2", receptors.her2),
            ("CK14", receptors.ck14),
            ("CK5/6", receptors.ck56),
        )
        if value in RECEPTOR_SIGNS
    ]
    if shown:
        parts.append(", ".join(shown) + (" (triple négatif)" if cancer.triple_negative else ""))
    if cancer.msi:
        parts.append(f"MSI : {MSI_STATUSES.get(cancer.msi, cancer.msi)}")
    if cancer.ihc:
        parts.append(f"IHC : {IHC_STATUSES.get(cancer.ihc, cancer.ihc)}")
    return " ; ".join(parts) or "—"


def _diagnosis(cancer: HistoryCancer) -> str:
    age = f"{cancer.age.text} ans" if cancer.age.known else ""
    if cancer.diagnosis_date is not None:
        return f"le {_date(cancer.diagnosis_date)}" + (f" ({age})" if age else "")
    return f"à {age}" if age else "âge inconnu"


def _cancer_row(cancer: HistoryCancer, styles: _Styles) -> list[Paragraph]:
    site = _capital(_site(cancer.site))
    if cancer.laterality:
        site += f" ({LATERALITIES.get(cancer.laterality, cancer.laterality)})"
    markers = _x(_markers(cancer))
    if cancer.note.strip():
        markers += f"<br/><i>{_x(cancer.note.strip())}</i>"
    return [
        _p(site, styles.cell_bold),
        _p(_diagnosis(cancer), styles.cell),
        Paragraph(markers, styles.cell),
        _p("oui" if cancer.confirmed else "non", styles.cell),
    ]


def _surgery_row(surgery: RiskReducingSurgery, styles: _Styles) -> list[Paragraph]:
    kind = SURGERY_KINDS.get(surgery.kind)
    label = _capital(kind.label if kind else surgery.kind)
    if surgery.side:
        label += f" ({SURGERY_SIDES.get(surgery.side, surgery.side)})"
    when = []
    if surgery.date is not None:
        when.append(f"le {_date(surgery.date)}")
    if surgery.age.known:
        when.append(f"à {surgery.age.text} ans")
    return [
        _p(label, styles.cell_bold),
        _p(" ".join(when) or "date inconnue", styles.cell),
        _p(surgery.note.strip() or "—", styles.cell),
    ]


def _history(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    history = summary.history
    width = PORTRAIT_WIDTH
    first: list[Flowable] = [_p("Cancers", styles.subsection)]
    if history.cancers:
        rows: list[list[Any]] = [
            _headers(("Localisation", "Diagnostic", "Anatomopathologie", "Vérifié"), styles)
        ]
        rows += [_cancer_row(cancer, styles) for cancer in history.cancers]
        first.append(_table(rows, [width * 0.24, width * 0.2, width * 0.46, width * 0.1], styles))
    else:
        first.append(_p("Aucun cancer enregistré.", styles.body))
    story = _with_section(
        _section("Antécédents personnels", styles, summary.stamps.get("history")), first
    )
    story.append(_p("Chirurgies de réduction de risque", styles.subsection))
    if history.surgeries:
        rows = [_headers(("Intervention", "Date", "Remarque"), styles)]
        rows += [_surgery_row(surgery, styles) for surgery in history.surgeries]
        story.append(_table(rows, [width * 0.38, width * 0.22, width * 0.4], styles))
    else:
        story.append(_p("Aucune chirurgie de réduction de risque enregistrée.", styles.body))
    if history.note.strip():
        story.append(Spacer(1, 4))
        story.append(Paragraph(f"<b>Remarque :</b> {_x(history.note.strip())}", styles.body))
    return story


# ---------------------------------------------------------------------------- family


class _PageNotes:
    """What the page decorations need to know from the flowables drawn on a page."""

    def __init__(self) -> None:
        self.tile: Tile | None = None


class _AppendixPedigree(PedigreeFlowable):
    """The pedigree on landscape pages: each part tells the page header which it is."""

    def __init__(self, drawing: PedigreeDrawing, notes: _PageNotes, **kwargs: Any) -> None:
        super().__init__(drawing, **kwargs)
        self.notes = notes

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        return [
            _AppendixPedigree(part.drawing, self.notes, tile=part.tile, max_height=part.max_height)
            for part in parts
            if isinstance(part, PedigreeFlowable)
        ]

    def draw(self) -> None:
        self.notes.tile = self.tile
        super().draw()


def _inline_tile(drawing: PedigreeDrawing) -> Tile | None:
    """The tile that draws the whole tree in the portrait frame, or None when it would not
    be readable there."""
    legend = legend_height(drawing, PORTRAIT_WIDTH) + 8.0
    tiles = pedigree_tiles(drawing, PORTRAIT_WIDTH, INLINE_PEDIGREE_HEIGHT - legend)
    return tiles[0] if len(tiles) == 1 else None


def _family(
    summary: PatientSummary, drawing: PedigreeDrawing, inline: Tile | None, styles: _Styles
) -> list[Flowable]:
    facts = family_key_facts(summary.family)
    generations = len(drawing.geometry.row_centres)
    people = len(summary.family.people)
    line = (
        f"{people} personne{'s' if people > 1 else ''} sur {generations} génération"
        f"{'s' if generations > 1 else ''} ; {facts.relatives} apparenté"
        f"{'s' if facts.relatives > 1 else ''}, dont {facts.affected_relatives} "
        f"atteint{'s' if facts.affected_relatives > 1 else ''} d'un cancer."
    )
    first: list[Flowable] = [_p(line, styles.body), Spacer(1, 4)]
    if inline is not None:
        first.append(PedigreeFlowable(drawing, tile=inline))
    else:
        first.append(
            _p(
                "L'arbre généalogique, trop grand pour cette page, est imprimé en fin de "
                "document sur des pages à l'italienne.",
                styles.muted,
            )
        )
    return _with_section(_section("Famille", styles, summary.stamps.get("family")), first)


# -------------------------------------------------------------------------- genetics


def _variant_reading(variant: Variant) -> tuple[str, colors.Color]:
    """How a variant reads: positive only for class 4-5 (``is_positive``)."""
    if is_positive(variant):
        return "Positif", POSITIVE
    if variant.acmg_class == 3:
        return "Non concluant", UNCERTAIN
    if variant.acmg_class in (1, 2):
        return "Négatif (variant non pathogène)", MUTED
    return "Classe non précisée", MUTED


def _genetics_headline(genetics: Genetics) -> str:
    positive = [v for v in genetics.variants if is_positive(v)]
    uncertain = [v for v in genetics.variants if v.acmg_class == 3]
    if positive:
        described = " ; ".join(f"{variant_label(v)}, {class_label(v.acmg_class)}" for v in positive)
        several = len(positive) > 1
        return f"Variant{'s' if several else ''} pathogène{'s' if several else ''} identifié{'s' if several else ''} : {described}."
    received = any(test.status == "result_received" for test in genetics.tests)
    if uncertain:
        genes = ", ".join(dict.fromkeys(v.gene for v in uncertain))
        return (
            "Aucun variant pathogène identifié. Variant de signification incertaine "
            f"(classe 3) : {genes} — résultat non concluant, qui n'est pas un résultat positif."
        )
    if received:
        return "Aucun variant pathogène identifié."
    if genetics.tests:
        return "Analyse en cours : aucun résultat reçu."
    return ""


def _test_analysis(test: GeneticTest, family: Family) -> str:
    kind = _capital(TEST_KINDS.get(test.kind, test.kind))
    if test.kind == "panel":
        return f"{kind} : {', '.join(test.genes)}" if test.genes else kind
    target = " ".join(p for p in (test.familial_gene, test.familial_variant) if p)
    text = f"{kind} : {target}" if target else kind
    if test.kind == "predictive" and test.relative_id:
        text += f" — {french_person(family, test.relative_id)}"
    return text


def _test_status(test: GeneticTest) -> str:
    status = TEST_STATUSES.get(test.status, test.status)
    if test.kind == "predictive" and test.status == "result_received" and test.relative_outcome:
        status += f" : {RELATIVE_OUTCOMES.get(test.relative_outcome, test.relative_outcome)}"
    return _capital(status)


def _genetics(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    genetics = summary.genetics
    family = summary.family
    width = PORTRAIT_WIDTH
    head = _section("Génétique", styles, summary.stamps.get("genetics"))
    if not (
        genetics.tests or genetics.variants or genetics.consents or genetics.relative_information
    ):
        return _with_section(head, [_p("Aucune analyse génétique enregistrée.", styles.body)])
    first: list[Flowable] = []
    headline = _genetics_headline(genetics)
    if headline:
        first += [_p(headline, styles.headline), Spacer(1, 3)]
    first.append(_p("Variants", styles.subsection))
    if genetics.variants:
        rows: list[list[Any]] = [
            _headers(("Gène", "Description (HGVS)", "Classe ACMG", "Zygotie", "Lecture"), styles)
        ]
        for variant in genetics.variants:
            reading, colour = _variant_reading(variant)
            description = "<br/>".join(_x(p) for p in (variant.hgvs_c, variant.hgvs_p) if p)
            if variant.note.strip():
                description += f"<br/><i>{_x(variant.note.strip())}</i>"
            acmg = variant.acmg_class
            label = (
                f"{acmg} ({ACMG_CLASSES[acmg]})"
                if acmg is not None and acmg in ACMG_CLASSES
                else "non précisée"
            )
            rows.append(
                [
                    _p(variant.gene, styles.cell_bold),
                    Paragraph(description or "—", styles.cell),
                    _p(label, styles.cell),
                    _p(ZYGOSITIES.get(variant.zygosity, variant.zygosity), styles.cell),
                    Paragraph(
                        f'<font color="{_hex(colour)}"><b>{_x(reading)}</b></font>',
                        styles.cell,
                    ),
                ]
            )
        first.append(
            _table(
                rows,
                [width * 0.11, width * 0.33, width * 0.2, width * 0.14, width * 0.22],
                styles,
            )
        )
    else:
        first.append(_p("Aucun variant enregistré.", styles.body))
    story = _with_section(head, first)

    story.append(_p("Analyses", styles.subsection))
    if genetics.tests:
        rows = [_headers(("Date", "Analyse", "Laboratoire", "Indication", "Statut"), styles)]
        for test in genetics.tests:
            analysis = _x(_test_analysis(test, family))
            if test.note.strip():
                analysis += f"<br/><i>{_x(test.note.strip())}</i>"
            rows.append(
                [
                    _p(_date(test.date) or "—", styles.cell),
                    Paragraph(analysis, styles.cell),
                    _p(test.laboratory or "—", styles.cell),
                    _p(test.indication or "—", styles.cell),
                    _p(_test_status(test), styles.cell),
                ]
            )
        story.append(
            _table(
                rows,
                [width * 0.12, width * 0.34, width * 0.18, width * 0.18, width * 0.18],
                styles,
            )
        )
    else:
        story.append(_p("Aucune analyse enregistrée.", styles.body))

    story.append(_p("Consentements", styles.subsection))
    if genetics.consents:
        rows = [_headers(("Date", "Portée", "Formulaire signé"), styles)]
        for consent in genetics.consents:
            scopes = "<br/>".join(
                _x(_capital(CONSENT_SCOPES.get(scope, scope))) for scope in consent.scopes
            )
            if consent.note.strip():
                scopes += f"<br/><i>{_x(consent.note.strip())}</i>"
            rows.append(
                [
                    _p(_date(consent.date) or "—", styles.cell),
                    Paragraph(scopes or "—", styles.cell),
                    _p(
                        "joint au dossier" if consent.document_id is not None else "non joint",
                        styles.cell,
                    ),
                ]
            )
        story.append(_table(rows, [width * 0.14, width * 0.62, width * 0.24], styles))
    else:
        story.append(_p("Aucun consentement enregistré.", styles.body))

    if genetics.relative_information:
        story.append(_p("Information de la parentèle", styles.subsection))
        rows = [_headers(("Date", "Apparentés informés", "Moyen", "Lettre"), styles)]
        for information in genetics.relative_information:
            names = "<br/>".join(
                _x(french_person(family, person_id)) for person_id in information.relative_ids
            )
            rows.append(
                [
                    _p(_date(information.date) or "—", styles.cell),
                    Paragraph(names or "—", styles.cell),
                    _p(
                        _capital(
                            INFORMATION_CHANNELS.get(information.channel, information.channel)
                        ),
                        styles.cell,
                    ),
                    _p(information.letter or "—", styles.cell),
                ]
            )
        story.append(_table(rows, [width * 0.12, width * 0.38, width * 0.26, width * 0.24], styles))
    return story


# ---------------------------------------------------------------------------- scores


def _badge(title: str, subtitle: str, status_text: str, status: Status, styles: _Styles) -> Table:
    colour = STATUS_COLOURS[status]
    return styled_table(
        [
            [
                Paragraph(
                    f"{_x(title)} <font size='8' color='#5A6672'>— {_x(subtitle)}</font>",
                    styles.score_title,
                ),
                Paragraph(f'<font color="{_hex(colour)}">{_x(status_text)}</font>', styles.badge),
            ]
        ],
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colour),
        ],
        colWidths=[PORTRAIT_WIDTH * 0.68, PORTRAIT_WIDTH * 0.32],
    )


def _hex(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:]


def _values_table(rows: Sequence[Sequence[str]], widths: Sequence[float], styles: _Styles) -> Table:
    """A small table of numbers: first row a header, first column labels."""
    cells: list[list[Paragraph]] = []
    for index, row in enumerate(rows):
        line = []
        for column, text in enumerate(row):
            if index == 0:
                style = styles.header_cell
            elif column == 0:
                style = styles.cell
            else:
                style = styles.cell_bold if "Total" in rows[0][column] else styles.cell
            line.append(_p(text, style))
        cells.append(line)
    return styled_table(
        cells,
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ],
        colWidths=list(widths),
        hAlign="LEFT",
    )


def _contributions(
    heading: str, contributions: Sequence[Contribution], family: Family, styles: _Styles
) -> list[Flowable]:
    if not contributions:
        return []
    story: list[Flowable] = []
    if heading:
        story.append(_p(heading, styles.cell_bold))
    for contribution in contributions:
        story.append(
            Paragraph(_x(french_contribution(contribution, family)), styles.bullet, bulletText="•")
        )
    return story


def _reading(phrases: Sequence[Any], family: Family, styles: _Styles) -> list[Flowable]:
    return [_p(french(phrase, family), styles.body) for phrase in phrases]


def _score_block(head: Sequence[Flowable], rest: Sequence[Flowable]) -> list[Flowable]:
    return [KeepTogether(list(head)), *rest, Spacer(1, 8)]


def _eisinger(scores: Scores, styles: _Styles) -> list[Flowable]:
    result = scores.eisinger
    family = scores.family
    values = [["Branche", "Score", "Seuil", "Statut"]]
    for branch in result.branches:
        values.append(
            [
                BRANCH_LABELS[branch.branch],
                str(branch.points),
                str(result.threshold),
                THRESHOLD_STATUS[branch.status],
            ]
        )
    head = [
        _badge(
            "Score d'Eisinger",
            "sein et ovaire, par branche parentale",
            THRESHOLD_STATUS[result.status],
            result.status,
            styles,
        ),
        Spacer(1, 3),
        _values_table(values, [110, 50, 45, 120], styles),
        _p(
            f"Seuil : {result.threshold} dans une branche (les branches ne s'additionnent jamais).",
            styles.muted,
        ),
        Spacer(1, 2),
        *_reading(result.reading, family, styles),
    ]
    rest: list[Flowable] = [*_reading(result.notes, family, styles)]
    for branch in result.branches:
        rest += _contributions(
            f"{BRANCH_LABELS[branch.branch]} — score {branch.points}",
            branch.contributions,
            family,
            styles,
        )
    return _score_block(head, rest)


def _manchester(scores: Scores, styles: _Styles) -> list[Flowable]:
    result = scores.manchester
    family = scores.family
    header = ["Branche", "BRCA1", "BRCA2", "Total"]
    widths = [100.0, 40.0, 40.0, 40.0]
    if result.adjusted:
        header += ["BRCA1 ajusté", "BRCA2 ajusté", "Total ajusté"]
        widths += [56.0, 56.0, 56.0]
    header.append("Statut")
    widths.append(100.0)
    values = [header]
    for branch in result.branches:
        row = [
            BRANCH_LABELS[branch.branch],
            str(branch.plain.brca1),
            str(branch.plain.brca2),
            str(branch.plain.combined),
        ]
        if result.adjusted:
            adjusted = branch.adjusted
            row += (
                [str(adjusted.brca1), str(adjusted.brca2), str(adjusted.combined)]
                if adjusted is not None
                else ["—", "—", "—"]
            )
        row.append(THRESHOLD_STATUS[branch.status])
        values.append(row)
    threshold = f"Seuil : total ≥ {result.threshold} dans une branche"
    if not result.patient_affected:
        threshold += " (aucun cancer compté chez la personne elle-même)"
    if result.adjusted:
        threshold += (
            " ; le statut se lit sur le total ajusté (ajustements anatomopathologiques de 2017)"
        )
    head = [
        _badge(
            "Score de Manchester",
            "BRCA1 / BRCA2 / total, avec et sans les ajustements de 2017",
            THRESHOLD_STATUS[result.status],
            result.status,
            styles,
        ),
        Spacer(1, 3),
        _values_table(values, widths, styles),
        _p(threshold + ".", styles.muted),
        Spacer(1, 2),
        *_reading(
            [p for p in result.reading if not p.code.startswith("manchester_branch")],
            family,
            styles,
        ),
    ]
    rest: list[Flowable] = [*_reading(result.notes, family, styles)]
    for branch in result.branches:
        rest += _contributions(
            f"{BRANCH_LABELS[branch.branch]} — total {branch.scored.combined}",
            branch.contributions,
            family,
            styles,
        )
    return _score_block(head, rest)


def _amsterdam(scores: Scores, styles: _Styles) -> list[Flowable]:
    result = scores.amsterdam
    family = scores.family
    lines = []
    for criterion in result.criteria:
        text = _criterion_text(criterion.code, family)
        if criterion.code == AmsterdamCriterion.FAP_EXCLUDED:
            text += " (non renseignée : à vérifier)"
        colour = _hex(STATUS_COLOURS[criterion.status])
        lines.append(
            [
                Paragraph(
                    f'<font color="{colour}"><b>{CRITERION_MARKS[criterion.status]}</b></font>',
                    styles.cell,
                ),
                _p(text, styles.cell),
            ]
        )
    criteria = styled_table(
        lines,
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
        colWidths=[16, PORTRAIT_WIDTH - 16],
        hAlign="LEFT",
    )
    head = [
        _badge(
            "Critères d'Amsterdam II",
            "syndrome de Lynch, tous requis",
            CRITERIA_STATUS[result.status],
            result.status,
            styles,
        ),
        Spacer(1, 3),
        criteria,
        Spacer(1, 2),
        *_reading(result.reading, family, styles),
    ]
    rest: list[Flowable] = [*_reading(result.notes, family, styles)]
    heading = (
        f"Apparentés pris en compte — {BRANCH_LABELS[result.branch]}"
        if result.branch is not None
        else "Apparentés pris en compte"
    )
    rest += _contributions(heading, result.contributions, family, styles)
    return _score_block(head, rest)


def _criterion_text(code: str, family: Family) -> str:
    return _capital(french(Phrase(code), family))


def _bethesda(scores: Scores, styles: _Styles) -> list[Flowable]:
    result = scores.bethesda
    family = scores.family
    head = [
        _badge(
            "Critères de Bethesda révisés",
            "tumeurs à tester pour l'instabilité microsatellitaire",
            BETHESDA_STATUS[result.status],
            result.status,
            styles,
        ),
        Spacer(1, 3),
        *_reading(result.reading, family, styles),
    ]
    rest: list[Flowable] = [*_reading(result.notes, family, styles)]
    rest += _contributions("Tumeurs répondant à un critère", result.contributions, family, styles)
    return _score_block(head, rest)


def _scores(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    scores = summary.scores
    intro = _p(
        "Calculés d'après les antécédents personnels, la famille et les variants pathogènes "
        "enregistrés (Eisinger ; Manchester, Evans et al. 2017 ; Amsterdam II, Vasen et al. "
        "1999 ; Bethesda révisés, Umar et al. 2004).",
        styles.muted,
    )
    story = _with_section(_section("Scores d'indication", styles), [intro, Spacer(1, 5)])
    for block in (_eisinger, _manchester, _amsterdam, _bethesda):
        story += block(scores, styles)
    return story


# ------------------------------------------------------------------------ the document


# -------------------------------------------------------------------------- follow-up

PLAN_STATUS_FR = {
    "not_started": "À venir",
    "active": "En cours",
    "done": "Réalisé",
    "per_findings": "Selon les résultats",
    "ended": "Terminé (limite d'âge)",
    "stopped_by_surgery": "Arrêté (chirurgie de réduction de risque)",
    "stopped_by_adjustment": "Arrêté (ajustement)",
    "deceased": "Arrêté (décès)",
}
APPOINTMENT_STATUS_FR = {
    "booked": "Prévu",
    "confirmed": "Confirmé",
    "done": "Honoré",
    "missed": "Manqué",
    "cancelled": "Annulé",
}
#: Appointments still to come are the only ones printed (the past ones are exams held).
_UPCOMING = ("booked", "confirmed")


def _age(age: float) -> str:
    return str(int(age)) if float(age).is_integer() else f"{age:.1f}".replace(".", ",")


def _interval(months: int | None) -> str:
    if months is None:
        return "une fois"
    if months == 12:
        return "tous les ans"
    if months % 12 == 0:
        return f"tous les {months // 12} ans"
    return "tous les mois" if months == 1 else f"tous les {months} mois"


def plan_rhythm(item: SummaryPlanItem) -> str:
    """ "tous les ans, de 30 à 65 ans"; "à 20, 25, 30 ans, puis tous les 2 ans"."""
    if item.fixed_ages:
        ages = ", ".join(_age(age) for age in item.fixed_ages)
        if item.interval_months is None:
            return f"à {ages} ans"
        return f"à {ages} ans, puis {_interval(item.interval_months)}"
    if item.end_age is None:
        span = f"à partir de {_age(item.start_age)} ans"
    else:
        span = f"de {_age(item.start_age)} à {_age(item.end_age)} ans"
    return f"{_interval(item.interval_months)}, {span}"


def _plan_exam(item: SummaryPlanItem) -> str:
    if item.exam == "other" and item.label:
        return item.label
    return _capital(exam_label_fr(item.exam))


def _plan_state(item: SummaryPlanItem, day: dt.date) -> str:
    state = PLAN_STATUS_FR.get(item.status, item.status)
    if item.status == "active" and item.next_due is not None and item.next_due < day:
        state = "<font color='#8B1A1A'><b>En retard</b></font>"
    else:
        state = _x(state)
    marks = [
        mark for mark, on in (("à confirmer", item.to_confirm), ("ajusté", item.adjusted)) if on
    ]
    if marks:
        state += f"<br/><font color='#5B6770'>{_x(', '.join(marks))}</font>"
    return state


def _followup(summary: PatientSummary, styles: _Styles) -> list[Flowable]:
    followup = summary.followup
    width = PORTRAIT_WIDTH
    first: list[Flowable] = [_p("Plan de surveillance", styles.subsection)]
    if followup.items:
        rows: list[list[Any]] = [
            _headers(("Examen", "Rythme", "Dernier", "Prochain", "État"), styles)
        ]
        ordered = sorted(
            followup.items,
            key=lambda item: (item.next_due is None, item.next_due or dt.date.max, item.exam),
        )
        rows += [
            [
                _p(_plan_exam(item), styles.cell_bold),
                _p(plan_rhythm(item), styles.cell),
                _p(_date(item.last_done) or "—", styles.cell),
                _p(_date(item.next_due) or "—", styles.cell),
                Paragraph(_plan_state(item, summary.day), styles.cell),
            ]
            for item in ordered
        ]
        first.append(
            _table(
                rows,
                [width * 0.27, width * 0.29, width * 0.12, width * 0.12, width * 0.2],
                styles,
            )
        )
    else:
        first.append(
            _p(
                "Aucun plan de surveillance : il découle d'un variant pathogène enregistré "
                "(onglet Génétique) ou d'un protocole choisi sans variant.",
                styles.body,
            )
        )
    story = _with_section(_section("Suivi", styles), first)
    upcoming = sorted(
        (a for a in followup.appointments if a.status in _UPCOMING), key=lambda a: a.starts_at
    )
    story.append(_p("Rendez-vous à venir", styles.subsection))
    if upcoming:
        rows = [_headers(("Date", "Examen", "Lieu", "Praticien", "État"), styles)]
        rows += [
            [
                _p(
                    f"{_date(a.starts_at.date())} à {a.starts_at.strftime('%H:%M')}",
                    styles.cell_bold,
                ),
                _p(_capital(exam_label_fr(a.exam)), styles.cell),
                _p(a.place or "—", styles.cell),
                _p(a.practitioner or "—", styles.cell),
                _p(APPOINTMENT_STATUS_FR.get(a.status, a.status), styles.cell),
            ]
            for a in upcoming
        ]
        story.append(
            _table(
                rows,
                [width * 0.21, width * 0.27, width * 0.22, width * 0.18, width * 0.12],
                styles,
            )
        )
    else:
        story.append(_p("Aucun rendez-vous à venir.", styles.body))
    if followup.performed:
        story.append(_p("Examens réalisés", styles.subsection))
        rows = [_headers(("Date", "Examen", "Résultat"), styles)]
        rows += [
            [
                _p(_date(done.performed_on), styles.cell),
                _p(_capital(exam_label_fr(done.exam)), styles.cell_bold),
                _p(done.result.strip() or "—", styles.cell),
            ]
            for done in sorted(followup.performed, key=lambda d: d.performed_on, reverse=True)
        ]
        story.append(_table(rows, [width * 0.14, width * 0.3, width * 0.56], styles))
    return story


def _patient_line(identity: IdentityFields) -> str:
    """ "LEFÈVRE Hélène (nom utilisé MARTIN), née le 12/03/1987": the birth name first,
    as identitovigilance wants."""
    line = f"{identity.birth_name} {identity.first_names}".strip()
    if identity.used_name and identity.used_name != identity.birth_name:
        line += f" (nom utilisé {identity.used_name})"
    born = {"F": "née", "M": "né"}.get(identity.sex, "né(e)")
    return f"{line}, {born} le {_date(identity.birth_date)}"


def _numbered_canvas(patient: str) -> type[Canvas]:
    """A canvas that holds its pages back to write "Page n / N" on each at the end."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                self._footer(number, count)
                super().showPage()
            super().save()

        def _footer(self, number: int, count: int) -> None:
            width, height = self._pagesize
            margin = MARGIN_X if width < height else LANDSCAPE_MARGIN_X
            left, right = margin, width - margin
            draw_footer(
                self,
                FOOTER,
                f"Page {number} / {count}",
                left=left,
                right=right,
                y=MARGIN_BOTTOM - 11 * mm,
                font=SANS_BOLD,
                font_size=7.5,
                rule_gap=4.2 * mm,
            )
            if number > 1 and width < height:
                # the patient on every portrait page after the first (identitovigilance);
                # landscape pages name them in their own header
                self.saveState()
                self.setFont(SANS, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(right, height - MARGIN_TOP + 4 * mm, patient)
                self.restoreState()

    return NumberedCanvas


def _landscape_header(notes: _PageNotes, patient: str) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, _document: Any) -> None:
        width, height = LANDSCAPE
        top = height - MARGIN_TOP
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont(SANS_BOLD, 11.5)
        title = "Arbre généalogique"
        tile = notes.tile
        if tile is not None and tile.rows * tile.columns > 1:
            part = tile.row * tile.columns + tile.column + 1
            title += (
                f" — partie {part} sur {tile.rows * tile.columns} (ligne {tile.row + 1}, "
                f"colonne {tile.column + 1}), à assembler"
            )
        canvas.drawString(LANDSCAPE_MARGIN_X, top - 11, title)
        canvas.setFont(SANS, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - LANDSCAPE_MARGIN_X, top - 10, patient)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.9)
        canvas.line(LANDSCAPE_MARGIN_X, top - 16, width - LANDSCAPE_MARGIN_X, top - 16)
        canvas.restoreState()
        notes.tile = None

    return draw


def render_patient_summary(summary: PatientSummary) -> bytes:
    """The summary as PDF bytes (A4, French, fonts embedded); see the module."""
    register_fonts()
    styles = _Styles()
    drawing = pdf_pedigree_drawing(
        summary_family(summary.family, summary.genetics), today=summary.day
    )
    inline = _inline_tile(drawing)
    patient = _patient_line(summary.identity)
    notes = _PageNotes()

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=TITLE,
        author=APP_NAME,
        subject="Synthèse d'un dossier d'oncogénétique",
        creator=f"{APP_NAME} {__version__}",
        initialFontName=SANS,
        pageCompression=1,
    )
    portrait_frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        PORTRAIT_WIDTH,
        PORTRAIT[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=FRAME_PADDING,
        rightPadding=FRAME_PADDING,
        topPadding=FRAME_PADDING,
        bottomPadding=FRAME_PADDING,
        id="portrait",
    )
    landscape_frame = Frame(
        LANDSCAPE_MARGIN_X,
        MARGIN_BOTTOM,
        LANDSCAPE_WIDTH,
        LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM - LANDSCAPE_HEADER,
        leftPadding=FRAME_PADDING,
        rightPadding=FRAME_PADDING,
        topPadding=FRAME_PADDING,
        bottomPadding=FRAME_PADDING,
        id="landscape",
    )
    document.addPageTemplates(
        [
            PageTemplate(id="portrait", frames=[portrait_frame], pagesize=PORTRAIT),
            PageTemplate(
                id="landscape",
                frames=[landscape_frame],
                pagesize=LANDSCAPE,
                onPageEnd=_landscape_header(notes, patient),
            ),
        ]
    )
    story: list[Flowable] = []
    story += _letterhead(summary, styles)
    story += _identity(summary, styles)
    story += _history(summary, styles)
    story += _genetics(summary, styles)
    story += _family(summary, drawing, inline, styles)
    story += _scores(summary, styles)
    story += _followup(summary, styles)
    if inline is None:
        story += [
            NextPageTemplate("landscape"),
            PageBreak(),
            _AppendixPedigree(drawing, notes),
        ]
    document.build(story, canvasmaker=_numbered_canvas(patient))
    return buffer.getvalue()
