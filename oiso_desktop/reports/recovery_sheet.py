"""The recovery sheet: the one printed copy of the database recovery code.

The first-run wizard shows the recovery code once and offers this sheet. The
PDF is built in memory (``render_recovery_sheet``); ``write_recovery_sheet``
writes it with ``system.files.atomic_write`` (temporary file in the target
folder, ``fsync``, ``os.replace``) so that a half-written sheet never stays on disk.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.reports.common import (
    ACCENT,
    FRAME_WIDTH,
    FRENCH_MONTHS,
    INK,
    MUTED,
    NO_SIDE_PADDING,
    RULE,
    SHADE,
    a4_document,
    base_style,
    draw_footer,
    heading_style,
    styled_table,
)
from oiso_desktop.reports.common import french as _french
from oiso_desktop.reports.fonts import MONO_BOLD, SANS, SANS_BOLD, register_fonts
from oiso_desktop.system.files import atomic_write

TITLE = f"{APP_NAME} — Fiche de récupération"
PURPOSE = (
    "Ce code permet de rétablir l'accès à la base si tous les mots de passe "
    "administrateur sont perdus. Conservez cette fiche sous clé, hors de l'ordinateur. "
    "Elle n'est imprimée qu'une fois : le code n'est enregistré nulle part en clair."
)


def format_french_datetime(moment: datetime) -> str:
    """``23 novembre 2025 à 14 h 05`` in local time (a naive value is taken as local)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    day = "1er" if local.day == 1 else str(local.day)
    month = FRENCH_MONTHS[local.month - 1]
    return f"{day} {month} {local.year} à {local.hour} h {local.minute:02d}"


def code_groups(code: str) -> list[str]:
    """The code split for reading aloud and typing: the dash groups, else blocks of 4."""
    text = code.strip().upper()
    if "-" in text:
        groups = [part.strip() for part in text.split("-")]
        return [group for group in groups if group]
    compact = "".join(text.split())
    return [compact[i : i + 4] for i in range(0, len(compact), 4)]


def render_recovery_sheet(
    *, code: str, structure_name: str, database_folder: str, created_at: datetime
) -> bytes:
    """The recovery sheet as PDF bytes (A4, French, fonts embedded)."""
    groups = code_groups(code)
    if not groups:
        raise ValueError("empty recovery code")
    register_fonts()
    styles = _styles()

    buffer = io.BytesIO()
    document = a4_document(
        buffer, title=TITLE, subject="Code de récupération de la base de données"
    )
    story: list[Flowable] = [
        Paragraph("DOCUMENT CONFIDENTIEL", styles["tag"]),
        Paragraph(escape(TITLE), styles["title"]),
        Paragraph("Accès de secours à la base de données chiffrée", styles["subtitle"]),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=12),
        _details_table(styles, structure_name, database_folder, created_at),
        Spacer(1, 7 * mm),
        Paragraph("Code de récupération", styles["heading"]),
        _code_box(styles, groups),
        Spacer(1, 7 * mm),
        Paragraph(_french("À quoi sert cette fiche ?"), styles["heading"]),
        Paragraph(escape(_french(PURPOSE)), styles["body"]),
        Spacer(1, 4 * mm),
        Paragraph("Comment l'utiliser", styles["heading"]),
        _usage_list(styles),
        Spacer(1, 7 * mm),
        KeepTogether(
            [Paragraph(_french("Fiche remise à :"), styles["heading"]), _handover_box(styles)]
        ),
    ]
    document.build(story, onFirstPage=_draw_footer, onLaterPages=_draw_footer)
    return buffer.getvalue()


def write_recovery_sheet(
    path: Path, *, code: str, structure_name: str, database_folder: str, created_at: datetime
) -> None:
    """Render the sheet and write it to ``path`` atomically (owner-only permissions).

    Raises ``OisoError`` (code ``report_write_failed``) when the file cannot be written.
    """
    data = render_recovery_sheet(
        code=code,
        structure_name=structure_name,
        database_folder=database_folder,
        created_at=created_at,
    )
    path = Path(path)
    try:
        # Owner-only: the sheet holds the code that opens the database.
        atomic_write(path, data, mode=0o600)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, IsADirectoryError):
            reason = "c'est un dossier, indiquez un nom de fichier"
        elif isinstance(exc, PermissionError):
            reason = "droits insuffisants"
        raise OisoError(
            f"La fiche de récupération n'a pas pu être enregistrée dans « {path} » : {reason}.",
            code="report_write_failed",
            path=str(path),
            reason=reason,
        ) from exc


# ----------------------------------------------------------------- layout parts
def _styles() -> dict[str, ParagraphStyle]:
    base = base_style(10.5, 15, bulletFontName=SANS)
    return {
        "tag": ParagraphStyle(
            "tag",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor("#A33A2B"),
            spaceAfter=6,
        ),
        "title": heading_style("title", base, 20, 25),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11.5, leading=16, textColor=MUTED, spaceAfter=4
        ),
        "heading": heading_style("heading", base, 12, 16, spaceAfter=5),
        "body": base,
        "label": ParagraphStyle("label", parent=base, fontSize=9.5, leading=14, textColor=MUTED),
        "value": ParagraphStyle("value", parent=base, fontSize=10.5, leading=14),
        "value_bold": ParagraphStyle("value_bold", parent=base, fontName=SANS_BOLD, leading=14),
        "code": ParagraphStyle(
            "code",
            parent=base,
            fontName=MONO_BOLD,
            fontSize=20,
            leading=25,
            alignment=TA_CENTER,
            textColor=INK,
        ),
        "code_note": ParagraphStyle(
            "code_note",
            parent=base,
            fontSize=9,
            leading=12.5,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
        "box_label": ParagraphStyle(
            "box_label", parent=base, fontSize=9.5, leading=12, textColor=MUTED
        ),
    }


def _details_table(
    styles: dict[str, ParagraphStyle],
    structure_name: str,
    database_folder: str,
    created_at: datetime,
) -> Table:
    # A long folder path without spaces is split anywhere (splitLongWords).
    folder = escape(database_folder)
    rows = [
        [
            Paragraph("Structure", styles["label"]),
            Paragraph(escape(structure_name) or "—", styles["value_bold"]),
        ],
        [
            Paragraph("Base créée le", styles["label"]),
            Paragraph(escape(format_french_datetime(created_at)), styles["value"]),
        ],
        [
            Paragraph("Dossier de la base", styles["label"]),
            Paragraph(folder or "—", styles["value"]),
        ],
    ]
    return styled_table(
        rows,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=[42 * mm, FRAME_WIDTH - 42 * mm],
    )


def _code_box(styles: dict[str, ParagraphStyle], groups: list[str]) -> Table:
    inner_width = FRAME_WIDTH - 2 * 8 * mm
    code_cells = [Paragraph(escape(group), styles["code"]) for group in groups]
    # Up to 6 groups on one line, otherwise two lines of equal length.
    per_line = len(groups) if len(groups) <= 6 else (len(groups) + 1) // 2
    lines: list[list[Paragraph | str]] = [
        list(code_cells[i : i + per_line]) for i in range(0, len(code_cells), per_line)
    ]
    for line in lines:
        line.extend("" for _ in range(per_line - len(line)))
    # Column widths follow the group lengths so that every gap is the same.
    lengths = [max(len(g) for g in groups[col::per_line]) for col in range(per_line)]
    widths = [inner_width * length / sum(lengths) for length in lengths]
    group_table = styled_table(
        lines,
        [
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            *NO_SIDE_PADDING,
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            # A thin line between groups makes them easy to follow with a finger.
            ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
        ],
        colWidths=widths,
    )
    note = Paragraph(
        _french(
            "Tirets et espaces sont facultatifs à la saisie.<br/>"
            "Le code ne contient ni O, ni I, ni L, ni U : « 0 » est un zéro, « 1 » est un un."
        ),
        styles["code_note"],
    )
    return styled_table(
        [[group_table], [note]],
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 1.4, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 8 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
            ("TOPPADDING", (0, 0), (0, 0), 6 * mm),
            ("BOTTOMPADDING", (0, 0), (0, 0), 3 * mm),
            ("TOPPADDING", (0, 1), (0, 1), 1 * mm),
            ("BOTTOMPADDING", (0, 1), (0, 1), 5 * mm),
        ],
        colWidths=[FRAME_WIDTH],
    )


def _usage_list(styles: dict[str, ParagraphStyle]) -> ListFlowable:
    steps = [
        "Sur l'écran de connexion d'OISO Desktop, cliquez sur « Code de récupération… ».",
        "Saisissez ce code, l'identifiant d'un compte administrateur et un nouveau "
        "mot de passe pour ce compte.",
        "Une fois connecté, l'administrateur peut réinitialiser les mots de passe des "
        "autres utilisateurs. L'utilisation du code est inscrite au journal des événements.",
    ]
    return ListFlowable(
        [
            ListItem(Paragraph(escape(_french(step)), styles["body"]), leftIndent=14)
            for step in steps
        ],
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=SANS_BOLD,
        bulletFontSize=10.5,
        bulletColor=ACCENT,
        leftIndent=14,
        spaceBefore=0,
    )


def _handover_box(styles: dict[str, ParagraphStyle]) -> Table:
    label = styles["box_label"]
    rows = [
        [Paragraph("Nom et fonction", label), ""],
        [Paragraph("Date de remise", label), ""],
        [Paragraph("Lieu de conservation", label), ""],
        [Paragraph("Signature", label), ""],
    ]
    return styled_table(
        rows,
        [
            ("BOX", (0, 0), (-1, -1), 0.9, MUTED),
            ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
            ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ],
        colWidths=[45 * mm, FRAME_WIDTH - 45 * mm],
        rowHeights=[10 * mm, 10 * mm, 10 * mm, 20 * mm],
    )


def _draw_footer(canvas: Canvas, _document: SimpleDocTemplate) -> None:
    draw_footer(
        canvas,
        _french("Confidentiel : ne pas photocopier, numériser ni envoyer par messagerie."),
        f"{APP_NAME} {__version__}",
    )
