"""Review 6/7: type detection of attachments."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from document_samples import text_pdf

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.services.document_service import read_document_file


def test_a_zip_archive_renamed_pdf_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("compte-rendu.pdf", text_pdf("CR", "x"))  # a PDF inside, stored
        archive.writestr("programme.exe", b"MZ" + b"\0" * 4000)
    path = tmp_path / "compte-rendu.pdf"
    path.write_bytes(buf.getvalue())
    assert path.read_bytes()[:4] == b"PK\x03\x04"  # a zip
    # Expected: ValidationError document_type_mismatch. Actual: accepted as a viewable PDF.
    with pytest.raises(ValidationError):
        read_document_file(path)


def test_an_html_page_with_a_pdf_after_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "resultat.pdf"
    path.write_bytes(b"<html><body><script>alert(1)</script></body></html>\n" + text_pdf("CR", "x"))
    with pytest.raises(ValidationError):
        read_document_file(path)
