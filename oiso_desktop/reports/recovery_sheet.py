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
from reportlab.lib.pagesizes import A4
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
    TableStyle,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.reports.fonts import MONO_BOLD, SANS, SANS_BOLD, register_fonts
from oiso_desktop.system.files import atomic_write

TITLE = f"{APP_NAME} — Fiche de récupération"
PURPOSE = (
    "Ce code permet de rétablir l'accès à la base si tous les mots de passe "
    "administrateur sont perdus. Conservez cette fiche sous clé, hors de l'ordinateur. "
    "Elle n'est imprimée qu'une fois : le code n'est enregistré nulle part en clair."
)
FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

INK = colors.HexColor("#1B2733")
MUTED = colors.HexColor("#5A6672")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#B8C4CE")
CODE_BACKGROUND = colors.HexColor("#F2F6FA")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
# SimpleDocTemplate's frame keeps a 6 pt padding on each side.
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12


def format_french_datetime(moment: datetime) -> str:
    """``23 novembre 2025 à 14 h 05`` in local time (a naive value is taken as local)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    day = "1er" if local.day == 1 else str(local.day)
    month = FRENCH_MONTHS[local.month - 1]
    return f"{day} {month} {local.year} à {local.hour} h {local.minute:02d}"


def _french(text: str) -> str:
    """French spacing: no line break before ``:`` ``?`` ``!`` ``;`` nor inside « »."""
    for before, after in (
        (" :", "\u00a0:"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
        (" ;", "\u00a0;"),
        ("« ", "«\u00a0"),
        (" »", "\u00a0»"),
    ):
        text = text.replace(before, after)
    return text


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
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=TITLE,
        author=APP_NAME,
        subject="Code de récupération de la base de données",
        creator=f"{APP_NAME} {__version__}",
        # No reference to a non-embedded standard font anywhere in the file.
        initialFontName=SANS,
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
    base = ParagraphStyle(
        "base", fontName=SANS, bulletFontName=SANS, fontSize=10.5, leading=15, textColor=INK
    )
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
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=20, leading=25, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11.5, leading=16, textColor=MUTED, spaceAfter=4
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceAfter=5,
        ),
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
    table = Table(rows, colWidths=[42 * mm, FRAME_WIDTH - 42 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


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
    group_table = Table(lines, colWidths=widths)
    group_table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                # A thin line between groups makes them easy to follow with a finger.
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
            ]
        )
    )
    note = Paragraph(
        _french(
            "Tirets et espaces sont facultatifs à la saisie.<br/>"
            "Le code ne contient ni O, ni I, ni L, ni U : « 0 » est un zéro, « 1 » est un un."
        ),
        styles["code_note"],
    )
    box = Table([[group_table], [note]], colWidths=[FRAME_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BACKGROUND", (0, 0), (-1, -1), CODE_BACKGROUND),
                ("BOX", (0, 0), (-1, -1), 1.4, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
                ("TOPPADDING", (0, 0), (0, 0), 6 * mm),
                ("BOTTOMPADDING", (0, 0), (0, 0), 3 * mm),
                ("TOPPADDING", (0, 1), (0, 1), 1 * mm),
                ("BOTTOMPADDING", (0, 1), (0, 1), 5 * mm),
            ]
        )
    )
    return box


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
    table = Table(
        rows,
        colWidths=[45 * mm, FRAME_WIDTH - 45 * mm],
        rowHeights=[10 * mm, 10 * mm, 10 * mm, 20 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BOX", (0, 0), (-1, -1), 0.9, MUTED),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
                ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return table


def _draw_footer(canvas: Canvas, _document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    left, right = MARGIN + 6, PAGE_WIDTH - MARGIN - 6  # aligned with the frame content
    y = MARGIN - 2 * mm
    canvas.line(left, y + 4.5 * mm, right, y + 4.5 * mm)
    canvas.setFont(SANS, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(
        left,
        y,
        _french("Confidentiel : ne pas photocopier, numériser ni envoyer par messagerie."),
    )
    canvas.drawRightString(right, y, f"{APP_NAME} {__version__}")
    canvas.restoreState()
