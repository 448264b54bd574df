"""The letter informing relatives of a familial variant ("information de la parentèle").

French law (code de la santé publique, art. L. 1131-1-2 and R. 1131-20-1 ff.) asks a
person found to carry a serious genetic anomaly to inform their relatives, or to
ask the prescribing physician to do it. Two letters, one page per relative:

* **handed by the patient** (``"by_patient"``): names the gene, the variant and its
  class, so that the relative's genetics consultation can offer the targeted test;
* **sent by the physician** (``"by_practitioner"``): the law forbids it to reveal
  the name of the person tested, the anomaly and its risks; it only says that a
  family medical information may concern the relative and invites them to a
  genetics consultation.

Neither names the patient. Built in memory (:func:`render_relatives_letters`);
writing the file is the user's act, elsewhere. Letterhead: the structure with its
FINESS, the physician with their RPPS; footer "Confidentiel — données de santé".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop.domain.genetics import Variant, class_label
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
from oiso_desktop.reports.fonts import SANS_BOLD, register_fonts

__all__ = [
    "LETTER_MODES",
    "LetterRecipient",
    "LetterSender",
    "RelativesLetters",
    "french_date",
    "render_relatives_letters",
]

#: The two letters (see the module) and their French names.
LETTER_MODES = {
    "by_patient": "lettre remise par la patiente ou le patient",
    "by_practitioner": "lettre adressée par le médecin (art. L. 1131-1-2 CSP)",
}


@dataclass(frozen=True)
class LetterSender:
    """The letterhead: the structure and the physician who signs."""

    structure_name: str
    finess: str = ""
    address: str = ""
    phone: str = ""
    practitioner: str = ""  # "Claire Dubois"
    profession: str = ""  # "Médecin généticien"
    rpps: str = ""


@dataclass(frozen=True)
class LetterRecipient:
    """One relative: the name as entered in the family ("" when none)."""

    name: str = ""


@dataclass(frozen=True)
class RelativesLetters:
    sender: LetterSender
    recipients: tuple[LetterRecipient, ...]
    variants: tuple[Variant, ...]  # the familial variants (positive: class 4 or 5)
    mode: str  # key of LETTER_MODES
    day: dt.date


def _styles() -> dict[str, ParagraphStyle]:
    base = base_style(10.5, 15)
    return {
        "body": ParagraphStyle("body", parent=base, spaceAfter=7),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=MUTED),
        "head": heading_style("head", base, 12, 15),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "subject": ParagraphStyle("subject", parent=base, fontName=SANS_BOLD, spaceAfter=10),
        "variant": ParagraphStyle("variant", parent=base, fontName=SANS_BOLD, leading=16),
        "signature": ParagraphStyle("signature", parent=base, leading=14),
    }


def _letterhead(sender: LetterSender, styles: dict[str, ParagraphStyle]) -> Table:
    return letterhead(
        structure_name=sender.structure_name,
        address=sender.address,
        phone=sender.phone,
        finess=sender.finess,
        practitioner=f"Dr {sender.practitioner}" if sender.practitioner else "",
        profession=sender.profession,
        identifier=f"RPPS : {sender.rpps}" if sender.rpps else "",
        head=styles["head"],
        small=styles["small"],
        width=FRAME_WIDTH,
    )


def _variant_box(variants: Sequence[Variant], styles: dict[str, ParagraphStyle]) -> Table:
    rows = []
    for variant in variants:
        description = " ".join(part for part in (variant.hgvs_c, variant.hgvs_p) if part)
        rows.append(
            [
                _p(f"Gène {variant.gene} — {description}", styles["variant"]),
            ]
        )
        rows.append([_p(f"Variant {class_label(variant.acmg_class)}", styles["small"])])
    return styled_table(
        rows,
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=[FRAME_WIDTH],
    )


def _body_by_patient(
    letters: RelativesLetters, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    sender = letters.sender
    several = len(letters.variants) > 1
    contact = (
        f"Vous pouvez être reçu(e) par l'équipe qui vous écrit, {sender.structure_name}"
        + (f" ({sender.phone})" if sender.phone else "")
        + ", ou dans la consultation de votre choix."
    )
    return [
        _p(
            "Une analyse génétique réalisée chez un membre de votre famille a identifié "
            + (
                "des variations génétiques qui augmentent"
                if several
                else "une variation génétique (un « variant ») qui augmente"
            )
            + " le risque de développer certains cancers. "
            + (
                "Ces variations peuvent se transmettre"
                if several
                else "Cette variation peut se transmettre"
            )
            + " d'une génération à l'autre : vous pouvez en être porteuse ou porteur, même "
            "si vous êtes en bonne santé.",
            styles["body"],
        ),
        _p(
            "Variation identifiée :" if not several else "Variations identifiées :",
            styles["body"],
        ),
        _variant_box(letters.variants, styles),
        Spacer(1, 4 * mm),
        _p(
            "Un test génétique ciblé sur cette variation permet de savoir si vous la portez. "
            "Si c'est le cas, une surveillance adaptée et, le cas échéant, des mesures de "
            "prévention peuvent vous être proposées.",
            styles["body"],
        ),
        _p(
            "Je vous invite à prendre rendez-vous dans une consultation de génétique en "
            "présentant cette lettre. " + contact,
            styles["body"],
        ),
        _p(
            "Cette démarche est libre : vous pouvez aussi choisir de ne pas être informé(e) "
            "de votre statut génétique.",
            styles["body"],
        ),
    ]


def _body_by_practitioner(
    letters: RelativesLetters, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    sender = letters.sender
    phone = f" ({sender.phone})" if sender.phone else ""
    return [
        _p(
            "Je porte à votre connaissance l'existence d'une information médicale à caractère "
            "familial susceptible de vous concerner.",
            styles["body"],
        ),
        _p(
            "Je vous invite à prendre rendez-vous dans une consultation de génétique, en "
            "présentant cette lettre. Vous pouvez être reçu(e) par l'équipe qui vous écrit, "
            f"{sender.structure_name}{phone}, ou dans la consultation de votre choix, qui "
            "pourra prendre contact avec moi.",
            styles["body"],
        ),
        _p(
            "Conformément à l'article L. 1131-1-2 du code de la santé publique, cette lettre "
            "ne mentionne ni le nom de la personne qui a fait l'objet de l'examen, ni "
            "l'anomalie génétique, ni les risques qui lui sont associés : ils vous seront "
            "expliqués lors de la consultation.",
            styles["body"],
        ),
        _p(
            "Cette démarche est libre : vous pouvez aussi choisir de ne pas être informé(e).",
            styles["body"],
        ),
    ]


def _letter(
    letters: RelativesLetters, recipient: LetterRecipient, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    sender = letters.sender
    addressee = recipient.name.strip()
    story: list[Flowable] = [
        _letterhead(sender, styles),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=14),
        _p(f"Le {french_date(letters.day)}", styles["right"]),
        Spacer(1, 6 * mm),
        _p(
            f"À l'attention de {addressee}" if addressee else "À l'attention de :",
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        _p(
            "Objet : information médicale à caractère familial"
            + (" — prédisposition héréditaire aux cancers" if letters.mode == "by_patient" else ""),
            styles["subject"],
        ),
        _p("Madame, Monsieur,", styles["body"]),
    ]
    if letters.mode == "by_practitioner":
        story += _body_by_practitioner(letters, styles)
    else:
        story += _body_by_patient(letters, styles)
    signature = [
        Spacer(1, 2 * mm),
        _p(
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            styles["body"],
        ),
        Spacer(1, 6 * mm),
    ]
    if sender.practitioner:
        signature.append(_p(f"Dr {sender.practitioner}", styles["signature"]))
    if sender.profession:
        signature.append(_p(sender.profession, styles["signature"]))
    if sender.rpps:
        signature.append(_p(f"RPPS {sender.rpps}", styles["signature"]))
    story.append(KeepTogether(signature))
    return story


def _footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    draw_footer(canvas, FOOTER, f"Page {document.page}")


def render_relatives_letters(letters: RelativesLetters) -> bytes:
    """The letters as one PDF (A4, one page per recipient, fonts embedded)."""
    if not letters.recipients:
        raise ValueError("no recipient")
    if letters.mode not in LETTER_MODES:
        raise ValueError(f"unknown letter mode {letters.mode!r}")
    if letters.mode == "by_patient" and not letters.variants:
        raise ValueError("a letter handed by the patient names the familial variant")
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    document = a4_document(
        buffer,
        title="Information de la parentèle",
        subject="Information médicale à caractère familial",
    )
    story: list[Flowable] = []
    for index, recipient in enumerate(letters.recipients):
        if index:
            story.append(PageBreak())
        story += _letter(letters, recipient, styles)
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
