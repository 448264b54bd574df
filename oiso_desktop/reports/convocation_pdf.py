"""Convocation and reminder letters of the follow-up, in batch: one PDF, one page each.

* **convocation**: the appointment — exam, date, time and place — and what to bring;
* **reminder**: the exam is due (the due date) and the patient is asked to make an
  appointment ("merci de prendre rendez-vous").

Each page: the letterhead of the structure (name, address, telephone, FINESS) and of
the signing practitioner (RPPS), the patient's name and postal address where a window
envelope shows it, the place and date of issue, the body, the signature. Never a
gene, a variant nor a diagnosis: the exam's French name only
(``reports.exam_labels``). Built in memory with the embedded font; the footer says
"Confidentiel — données de santé".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop.reports.common import (
    ACCENT,
    FOOTER,
    FRAME_WIDTH,
    MUTED,
    RULE,
    SHADE,
    a4_document,
    base_style,
    draw_footer,
    french_date,
    heading_style,
    letterhead,
    styled_table,
)
from oiso_desktop.reports.common import para as _p
from oiso_desktop.reports.exam_labels import exam_label_fr
from oiso_desktop.reports.fonts import SANS_BOLD, register_fonts

__all__ = [
    "LETTER_KINDS",
    "FollowupLetter",
    "LetterPatient",
    "LetterSignatory",
    "LetterStructure",
    "french_time",
    "render_followup_letters",
]

#: The two letters and their French names (the PDF's title).
LETTER_KINDS = {
    "convocation": "Convocation",
    "reminder": "Rappel de suivi",
}


@dataclass(frozen=True)
class LetterStructure:
    name: str
    address: str = ""
    phone: str = ""
    finess: str = ""

    @property
    def city(self) -> str:
        """The town of the address's last line ("69008 Lyon" → "Lyon"), or ""."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        if not lines:
            return ""
        words = lines[-1].split()
        if words and words[0].isdigit():
            words = words[1:]
        return " ".join(words)


@dataclass(frozen=True)
class LetterSignatory:
    name: str  # "Paul Durand"
    profession: str = ""
    rpps: str = ""
    doctor: bool = True

    @property
    def display_name(self) -> str:
        return f"Dr {self.name}" if self.doctor and self.name else self.name


@dataclass(frozen=True)
class LetterPatient:
    first_names: str
    last_name: str  # the used name, else the birth name
    sex: str = ""  # F | M | I
    address: str = ""
    postal_code: str = ""
    city: str = ""

    @property
    def civility(self) -> str:
        return {"F": "Madame", "M": "Monsieur"}.get(self.sex, "Madame, Monsieur")

    @property
    def full_name(self) -> str:
        first = self.first_names.split(",")[0].split()[0] if self.first_names.strip() else ""
        return " ".join(part for part in (first, self.last_name.upper()) if part)

    @property
    def address_lines(self) -> list[str]:
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        town = " ".join(part for part in (self.postal_code.strip(), self.city.strip()) if part)
        return lines + ([town] if town else [])


@dataclass(frozen=True)
class FollowupLetter:
    """One page. ``kind`` "convocation": ``starts_at`` (local) and ``place`` given;
    "reminder": ``due_date`` given (None: as soon as possible)."""

    kind: str
    structure: LetterStructure
    signatory: LetterSignatory
    patient: LetterPatient
    exam: str  # ExamKind value
    issued_on: dt.date
    starts_at: dt.datetime | None = None
    duration_minutes: int = 0
    place: str = ""
    due_date: dt.date | None = None


def french_time(moment: dt.datetime) -> str:
    """ "9 h 30"."""
    return f"{moment.hour} h {moment.minute:02d}"


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _styles() -> dict[str, ParagraphStyle]:
    base = base_style(10.5, 15)
    return {
        "body": ParagraphStyle("body", parent=base, spaceAfter=7),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=MUTED),
        "head": heading_style("head", base, 12, 15),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "address": ParagraphStyle("address", parent=base, leading=14),
        "subject": ParagraphStyle("subject", parent=base, fontName=SANS_BOLD, spaceAfter=10),
        "box": ParagraphStyle("box", parent=base, fontName=SANS_BOLD, leading=16),
        "signature": ParagraphStyle("signature", parent=base, leading=14),
    }


def _address_block(patient: LetterPatient, styles: dict[str, ParagraphStyle]) -> Flowable:
    lines = [_p(f"{patient.civility} {patient.full_name}", styles["address"])]
    lines += [_p(line, styles["address"]) for line in patient.address_lines]
    # The right half of the page: where a window envelope shows the address.
    return styled_table(
        [["", lines]],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (1, 0), (1, 0), 0)],
        colWidths=[FRAME_WIDTH * 0.52, FRAME_WIDTH * 0.48],
    )


def _box(rows: Sequence[str], styles: dict[str, ParagraphStyle]) -> Flowable:
    return styled_table(
        [[_p(text, styles["box"])] for text in rows],
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=[FRAME_WIDTH],
    )


def _convocation(letter: FollowupLetter, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    assert letter.starts_at is not None
    start = letter.starts_at
    exam = exam_label_fr(letter.exam)
    when = f"Le {_WEEKDAYS[start.weekday()]} {french_date(start.date())} à {french_time(start)}"
    phone = f" au {letter.structure.phone}" if letter.structure.phone else ""
    return [
        _p(f"Objet : convocation — {exam}", styles["subject"]),
        _p(f"{letter.patient.civility},", styles["body"]),
        _p(
            "Dans le cadre de votre suivi, nous vous donnons rendez-vous pour l'examen suivant :",
            styles["body"],
        ),
        _box([exam[:1].upper() + exam[1:], when, f"Lieu : {letter.place}"], styles),
        Spacer(1, 4 * mm),
        _p(
            "Merci de vous présenter un quart d'heure avant l'heure indiquée, muni(e) de "
            "cette lettre, d'une pièce d'identité, de votre carte Vitale et des résultats "
            "de vos examens précédents.",
            styles["body"],
        ),
        _p(
            f"En cas d'empêchement, merci de nous prévenir au plus tôt{phone} afin que ce "
            "rendez-vous puisse être proposé à une autre personne et qu'un nouveau vous "
            "soit donné.",
            styles["body"],
        ),
    ]


def _reminder(letter: FollowupLetter, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    exam = exam_label_fr(letter.exam)
    due = letter.due_date
    overdue = due is not None and due < letter.issued_on
    if due is None:
        when = "À prévoir dès que possible"
    elif overdue:
        when = f"Prévu depuis le {french_date(due)}"
    else:
        when = f"À réaliser à partir du {french_date(due)}"
    phone = f" au {letter.structure.phone}" if letter.structure.phone else ""
    return [
        _p(f"Objet : rappel de suivi — {exam}", styles["subject"]),
        _p(f"{letter.patient.civility},", styles["body"]),
        _p(
            "Votre suivi prévoit l'examen suivant, pour lequel nous n'avons pas de "
            "rendez-vous enregistré :",
            styles["body"],
        ),
        _box([exam[:1].upper() + exam[1:], when], styles),
        Spacer(1, 4 * mm),
        _p(
            f"Merci de prendre rendez-vous{phone}, ou auprès du professionnel de votre "
            "choix, et de nous transmettre le compte rendu de l'examen.",
            styles["body"],
        ),
        _p(
            "Si cet examen a déjà été réalisé, merci de ne pas tenir compte de ce rappel "
            "et de nous en adresser le résultat.",
            styles["body"],
        ),
    ]


def _letter(letter: FollowupLetter, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    structure = letter.structure
    signatory = letter.signatory
    issued = f"Le {french_date(letter.issued_on)}"
    if structure.city:
        issued = f"{structure.city}, le {french_date(letter.issued_on)}"
    story: list[Flowable] = [
        letterhead(
            structure_name=structure.name,
            address=structure.address,
            phone=structure.phone,
            finess=structure.finess,
            practitioner=signatory.display_name,
            profession=signatory.profession,
            identifier=f"RPPS : {signatory.rpps}" if signatory.rpps else "",
            head=styles["head"],
            small=styles["small"],
            width=FRAME_WIDTH,
        ),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=10),
        _address_block(letter.patient, styles),
        Spacer(1, 8 * mm),
        _p(issued, styles["right"]),
        Spacer(1, 6 * mm),
    ]
    if letter.kind == "convocation":
        story += _convocation(letter, styles)
    else:
        story += _reminder(letter, styles)
    signature: list[Flowable] = [
        Spacer(1, 2 * mm),
        _p(
            f"Nous vous prions d'agréer, {letter.patient.civility}, l'expression de nos "
            "salutations distinguées.",
            styles["body"],
        ),
        Spacer(1, 6 * mm),
    ]
    if signatory.name:
        signature.append(_p(signatory.display_name, styles["signature"]))
    if signatory.profession:
        signature.append(_p(signatory.profession, styles["signature"]))
    if signatory.rpps:
        signature.append(_p(f"RPPS {signatory.rpps}", styles["signature"]))
    story.append(KeepTogether(signature))
    return story


def _footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    draw_footer(canvas, FOOTER, f"Page {document.page}")


def render_followup_letters(letters: Sequence[FollowupLetter]) -> bytes:
    """The letters as one PDF (A4, one page per letter, fonts embedded), in memory."""
    if not letters:
        raise ValueError("no letter")
    kinds = {letter.kind for letter in letters}
    if not kinds <= set(LETTER_KINDS):
        raise ValueError(f"unknown letter kind {kinds - set(LETTER_KINDS)!r}")
    for letter in letters:
        if letter.kind == "convocation" and letter.starts_at is None:
            raise ValueError("a convocation names the appointment's time")
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    title = LETTER_KINDS[letters[0].kind] if len(kinds) == 1 else "Courriers de suivi"
    document = a4_document(buffer, title=title, subject="Suivi — courriers aux patients")
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += _letter(letter, styles)
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
