"""Convocation and reminder letters: one page per letter, the letterhead, the
patient's address, the exam in French, the date, time and place, or the due date;
never a gene or a diagnosis; the font embedded."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from oiso_desktop.reports.appointments_ics import escape_text, fold_line
from oiso_desktop.reports.convocation_pdf import (
    FollowupLetter,
    LetterPatient,
    LetterSignatory,
    LetterStructure,
    render_followup_letters,
)

STRUCTURE = LetterStructure(
    "Centre Léon Bérard — Oncogénétique",
    "28 rue Laennec\n69008 Lyon",
    "04 78 78 28 28",
    "690000880",
)
SIGNER = LetterSignatory("Paul Durand", "Médecin généticien", "10000123451")


def letter(kind: str, name: str, **extra: object) -> FollowupLetter:
    return FollowupLetter(
        kind=kind,
        structure=STRUCTURE,
        signatory=SIGNER,
        patient=LetterPatient("Hélène Marie", name, "F", "3 rue Pasteur", "69007", "Lyon"),
        exam=str(extra.pop("exam", "breast_mri")),
        issued_on=dt.date(2026, 3, 2),
        **extra,  # type: ignore[arg-type]
    )


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_one_page_per_letter_with_everything_a_patient_needs() -> None:
    pdf = render_followup_letters(
        [
            letter(
                "convocation",
                "Lefèvre",
                starts_at=dt.datetime(2026, 3, 12, 9, 30),
                duration_minutes=30,
                place="Hôpital Nord — Radiologie",
            ),
            letter("reminder", "Martin", exam="colonoscopy", due_date=dt.date(2026, 1, 15)),
            letter("reminder", "Petit", exam="mammography", due_date=dt.date(2026, 5, 1)),
        ]
    )
    first, second, third = pages(pdf)
    for text in (first, second, third):
        assert "Centre Léon Bérard" in text and "FINESS : 690000880" in text
        assert "Dr Paul Durand" in text and "RPPS : 10000123451" in text
        assert "Lyon, le 2 mars 2026" in text
        assert "Confidentiel — données de santé" in text
        for word in ("BRCA", "Lynch", "variant", "cancer", "gène"):
            assert word not in text
    assert "Madame Hélène LEFÈVRE" in first and "69007 Lyon" in first
    assert "IRM mammaire" in first
    assert "Le jeudi 12 mars 2026 à 9 h 30" in first
    assert "Lieu : Hôpital Nord — Radiologie" in first
    assert "Madame Hélène MARTIN" in second and "Coloscopie" in second
    assert "Prévu depuis le 15 janvier 2026" in second
    assert "Merci de prendre rendez-vous" in second
    assert "À réaliser à partir du 1er mai 2026" in third
    assert b"Helvetica" not in pdf


def test_no_letter_and_a_convocation_without_time_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        render_followup_letters([])
    with pytest.raises(ValueError):
        render_followup_letters([letter("convocation", "X")])


def test_ics_text_is_escaped_and_folded_without_cutting_a_character() -> None:
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    folded = fold_line("LOCATION:" + "é" * 80)
    lines = folded.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"".join(line[1:] if i else line for i, line in enumerate(lines)).decode() == (
        "LOCATION:" + "é" * 80
    )
