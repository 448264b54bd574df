"""The rules of attachments: formats read from the content, sizes, titles, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from oiso_desktop.domain.documents import (
    MAX_DOCUMENT_SIZE,
    DocumentCategory,
    DocumentDetails,
    MediaType,
    check_document_file,
    default_title,
    document_category,
    export_file_name,
    format_size,
    media_type_of_name,
    sniff_media_type,
    validate_details,
)
from oiso_desktop.domain.errors import ValidationError

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
TODAY = dt.date(2026, 3, 2)


def test_the_type_comes_from_the_first_bytes() -> None:
    assert sniff_media_type(PDF) is MediaType.PDF
    assert sniff_media_type(b"\r\n  garbage\n" + PDF) is MediaType.PDF  # within the first KiB
    assert sniff_media_type(b" " * 1024 + PDF) is None
    assert sniff_media_type(PNG) is MediaType.PNG
    assert sniff_media_type(JPEG) is MediaType.JPEG
    for other in (b"", b"GIF89a", b"PK\x03\x04", b"hello", b"\x89PNG\r\n"):
        assert sniff_media_type(other) is None


def test_the_extension_must_tell_the_truth() -> None:
    assert media_type_of_name("Compte rendu.PDF") is MediaType.PDF
    assert media_type_of_name("scan.jpeg") is MediaType.JPEG
    assert media_type_of_name("scan.jpe") is MediaType.JPEG
    assert media_type_of_name("a.tiff") is None
    assert check_document_file("/tmp/dossier/cr.pdf", PDF, 20) is MediaType.PDF
    assert check_document_file("photo.JPG", JPEG, 20) is MediaType.JPEG
    cases = [
        ("cr.pdf", PNG, 20, "document_type_mismatch", {"announced": "PDF", "found": "PNG"}),
        ("cr.png", JPEG, 20, "document_type_mismatch", {"announced": "PNG", "found": "JPEG"}),
        ("cr.jpg", b"GIF89a....", 20, "document_type_mismatch", {"found": "GIF"}),
        ("cr.pdf", b"\xd0\xcf\x11\xe0", 20, "document_type_mismatch", {"found": "Office 97-2003"}),
        ("cr.pdf", b"plain text", 20, "document_type_mismatch", {"found": "inconnu"}),
        ("cr.gif", b"GIF89a", 20, "document_type_unsupported", {"extension": ".gif"}),
        ("README", PDF, 20, "document_type_unsupported", {"extension": "(aucune)"}),
        ("cr.pdf", b"", 0, "document_empty", {}),
        ("cr.pdf", PDF, MAX_DOCUMENT_SIZE + 1, "document_too_large", {"maximum": "50 Mo"}),
    ]
    for name, head, size, code, params in cases:
        with pytest.raises(ValidationError) as refused:
            check_document_file(name, head, size)
        assert refused.value.code == code, name
        assert refused.value.params["file_name"] == name
        for key, value in params.items():
            assert refused.value.params[key] == value
    assert check_document_file("max.pdf", PDF, MAX_DOCUMENT_SIZE) is MediaType.PDF
    with pytest.raises(ValidationError) as message:
        check_document_file("/home/x/cr.pdf", PNG, 20)
    assert str(message.value) == (
        "Le fichier « cr.pdf » n'a pas été joint : son nom annonce un fichier PDF mais son "
        "contenu est de type PNG."
    )


def test_sizes_read_the_french_way() -> None:
    assert [format_size(n) for n in (0, 850, 1024, 12_500, 3_565_158, 52_428_800)] == [
        "0 o",
        "850 o",
        "1 ko",
        "12 ko",
        "3,4 Mo",
        "50 Mo",
    ]


def test_titles_and_names_of_copies() -> None:
    assert default_title("CR_BRCA2__2024.pdf") == "CR BRCA2 2024"
    assert default_title("/dossier/Lettre  de   liaison.PDF") == "Lettre de liaison"
    assert default_title("x" * 300 + ".pdf") == "x" * 200
    assert export_file_name("CR", "cr_labo.pdf", MediaType.PDF) == "cr_labo.pdf"
    assert export_file_name("CR: BRCA2/2024?", "", MediaType.PDF) == "CR BRCA2 2024.pdf"
    assert export_file_name("Photo", "photo", MediaType.JPEG) == "photo.jpg"
    assert export_file_name("", "", MediaType.PNG) == "document.png"


def test_details_report_every_problem_at_its_field() -> None:
    assert validate_details(DocumentDetails(title="CR"), today=TODAY) == []
    ok = DocumentDetails(title="CR", document_date=TODAY, category=DocumentCategory.CONSENT_FORM)
    assert validate_details(ok, today=TODAY) == []
    problems = validate_details(
        DocumentDetails(title=" ", document_date=TODAY + dt.timedelta(days=1), category="x"),  # type: ignore[arg-type]
        today=TODAY,
    )
    assert [(p.code, p.field) for p in problems] == [
        ("document_title_empty", "title"),
        ("document_date_future", "document_date"),
        ("document_category", "category"),
    ]
    assert problems[1].params == {"date": "03/03/2026"}
    old = validate_details(
        DocumentDetails(title="t" * 201, document_date=dt.date(1899, 1, 1)), today=TODAY
    )
    assert [(p.code, p.params.get("max_length")) for p in old] == [
        ("too_long", 200),
        ("document_date_too_old", None),
    ]
    assert document_category("letter") is DocumentCategory.LETTER
    assert DocumentDetails(title="  Lettre\u0301 ").normalised().title == "Lettré"
