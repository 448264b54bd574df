"""The pedigree PDF: text with accents, embedded fonts, readable size, split pages."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from oiso_desktop.domain.family import new_family
from oiso_desktop.domain.pedigree_drawing import FONT_SIZE, MIN_FONT_SIZE, Text
from oiso_desktop.domain.pedigree_layout import layout
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES, lynch_family
from oiso_desktop.reports.fonts import SANS, register_fonts
from oiso_desktop.reports.pedigree_pdf import (
    MAX_SCALE,
    PedigreeFlowable,
    _measure,
    pdf_pedigree_drawing,
    pedigree_tiles,
    render_pedigree_pdf,
)
from tests.domain.family_builders import grow_family, random_steps
from tests.domain.test_pedigree_drawing import check_no_overlap

TODAY = date(2025, 6, 1)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)


def _text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def _write(tmp_path: Path, data: bytes, name: str = "arbre.pdf") -> Path:
    assert data.startswith(b"%PDF")
    path = tmp_path / name
    path.write_bytes(data)
    return path


@needs_poppler
def test_text_holds_numerals_numbers_and_french_labels(tmp_path: Path) -> None:
    family = lynch_family()
    pdf = _write(tmp_path, render_pedigree_pdf(family, title="Famille Lynch", today=TODAY))
    text = _text(pdf)
    words = text.split()
    assert "Arbre généalogique — Famille Lynch" in " ".join(words)
    for numeral in ("I", "II", "III", "IV"):
        assert numeral in words
    for spot in layout(family, today=TODAY).people.values():
        assert spot.label in words
    flat = " ".join(words)
    for label in ("Côlon 41", "Endomètre", "Estomac", "†56 a", "MLH1 +", "MLH1 −", "MLH1 VSI"):
        assert label in flat, label
    assert "Côlon-rectum et spectre de Lynch" in flat
    assert "Édité le 1er juin 2025" in flat


@needs_poppler
def test_fonts_are_embedded(tmp_path: Path) -> None:
    pdf = _write(tmp_path, render_pedigree_pdf(SAMPLE_FAMILIES["brca1"][1](), today=TODAY))
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    assert lines, "no font in the PDF"
    for line in lines:
        assert "DejaVu" in line, line
        assert line.split()[-5] == "yes", line  # the "emb" column


@pytest.mark.parametrize("size", [1, 15, 275])
def test_families_of_every_size_render(tmp_path: Path, size: int) -> None:
    family = (
        new_family(sex="F") if size == 1 else grow_family(random_steps(size, 6 * size), size=size)
    )
    assert len(family.people) == size
    data = render_pedigree_pdf(family, title=f"{size}", today=TODAY)
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    drawing = pdf_pedigree_drawing(family, today=TODAY)
    tiles = pedigree_tiles(drawing, 780, 420)
    assert all(tile.scale * FONT_SIZE >= MIN_FONT_SIZE - 1e-9 for tile in tiles)
    assert all(tile.scale <= MAX_SCALE for tile in tiles)
    assert all(tile.width <= 780 + 1e-6 and tile.height <= 420 + 1e-6 for tile in tiles)
    # Every symbol is on a tile, wholly.
    for cx, cy in drawing.centres.values():
        assert any(t.x0 <= cx - 10 and cx + 10 <= t.x1 and t.y0 <= cy <= t.y1 for t in tiles)
    if size == 275:
        assert len(tiles) > 1
        assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 1


@needs_poppler
def test_a_wide_family_is_split_with_every_person_printed(tmp_path: Path) -> None:
    family = grow_family(random_steps(275, 6 * 275), size=275)
    pdf = _write(tmp_path, render_pedigree_pdf(family, today=TODAY))
    text = _text(pdf)
    assert "pages à assembler" in " ".join(text.split())
    words = set(text.split())
    missing = [s.label for s in layout(family, today=TODAY).people.values() if s.label not in words]
    assert missing == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_labels_never_overlap_with_the_pdf_font(seed: int) -> None:
    family = grow_family(random_steps(seed, 6 * 275), size=275)
    drawing = pdf_pedigree_drawing(family, today=TODAY)
    check_no_overlap(drawing, _measure)


def test_small_family_fits_one_page_at_a_readable_size() -> None:
    for key, (_, make) in SAMPLE_FAMILIES.items():
        drawing = pdf_pedigree_drawing(make(), today=TODAY)
        tiles = pedigree_tiles(drawing, 842 - 57, 595 - 150)
        assert len(tiles) == 1, key
        assert tiles[0].scale * FONT_SIZE >= MIN_FONT_SIZE


def test_flowable_inside_a_larger_document() -> None:
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=SANS)
    style = ParagraphStyle("body", fontName=SANS, fontSize=10)
    small = pdf_pedigree_drawing(SAMPLE_FAMILIES["brca1"][1](), today=TODAY)
    large = pdf_pedigree_drawing(grow_family(random_steps(7, 900), size=150), today=TODAY)
    story = [
        Paragraph("Synthèse du dossier", style),
        PedigreeFlowable(small, max_height=300),
        Paragraph("Arbre complet", style),
        PedigreeFlowable(large),
    ]
    document.build(story)
    data = buffer.getvalue()
    assert data.startswith(b"%PDF")
    assert document.page >= 3  # the large tree went on over several pages
    if shutil.which("pdftotext"):
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "IV-2" in first.split() and "Cancer du sein" in first  # the small tree, whole


def test_drawing_texts_are_the_french_words() -> None:
    drawing = pdf_pedigree_drawing(lynch_family(), today=TODAY)
    texts = {op.text for op in drawing.ops if isinstance(op, Text)}
    assert {"Côlon 41", "MLH1 +", "†56 a", "P"} <= texts
