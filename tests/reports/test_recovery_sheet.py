"""The recovery sheet PDF: content, fonts, one page, atomic write."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from oiso_desktop.domain.errors import OisoError
from oiso_desktop.reports import fonts
from oiso_desktop.reports.recovery_sheet import (
    PURPOSE,
    code_groups,
    format_french_datetime,
    render_recovery_sheet,
    write_recovery_sheet,
)
from oiso_desktop.storage.crypto import new_recovery_code, normalise_recovery_code

STRUCTURE = "Centre hospitalier de Saint-Étienne — Oncogénétique"
FOLDER = "/srv/données partagées/OISO Desktop/base"
CREATED = datetime(2025, 3, 1, 13, 5, tzinfo=UTC)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)


def _render(code: str, **overrides: object) -> bytes:
    arguments: dict[str, object] = {
        "code": code,
        "structure_name": STRUCTURE,
        "database_folder": FOLDER,
        "created_at": CREATED,
    }
    arguments.update(overrides)
    return render_recovery_sheet(**arguments)  # type: ignore[arg-type]


def _pdf_text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def _one_line(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_sheet_text_holds_code_structure_date_and_instructions(tmp_path: Path) -> None:
    code = new_recovery_code()
    pdf = tmp_path / "fiche.pdf"
    pdf.write_bytes(_render(code))

    text = _pdf_text(pdf)
    flat = _one_line(text)
    assert "OISO Desktop — Fiche de récupération" in flat
    assert STRUCTURE in flat
    assert FOLDER in flat
    local = CREATED.astimezone()
    assert f"{local.year} à {local.hour} h {local.minute:02d}" in flat
    assert "mars" in flat
    assert _one_line(PURPOSE) in flat
    assert "Fiche remise à :" in flat
    # Every group is printed, in order, and together they give back the code.
    positions = [flat.index(group) for group in code.split("-")]
    assert positions == sorted(positions)
    printed = re.search(r"Code de récupération (.+?) Tirets", flat)
    assert printed is not None
    assert normalise_recovery_code(printed.group(1)) == normalise_recovery_code(code)


@needs_poppler
def test_sheet_is_one_a4_page_with_embedded_fonts_only(tmp_path: Path) -> None:
    pdf = tmp_path / "fiche.pdf"
    long_name = "Institut régional de cancérologie " * 4
    pdf.write_bytes(_render(new_recovery_code(), structure_name=long_name.strip()))

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.M)
    assert "595.276 x 841.89 pts (A4)" in info.stdout
    assert "Fiche de récupération" in info.stdout  # document title metadata

    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert len(rows) == 3  # DejaVu Sans, Sans Bold, Sans Mono Bold
    for row in rows:
        assert "DejaVu" in row
        columns = row.split()
        assert columns[-5] == "yes", row  # embedded


@needs_poppler
def test_sheet_renders_to_an_image(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    pdf = tmp_path / "fiche.pdf"
    pdf.write_bytes(_render(new_recovery_code()))
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 5_000


def test_code_does_not_leak_into_metadata() -> None:
    code = "ABCD-EFGH-JKMN-PQRS-TVWXY-Z0123"
    data = _render(code)
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    # Content streams are compressed; the clear code must not sit in the
    # uncompressed parts (info dictionary, outline).
    assert b"ABCD" not in data
    assert b"Z0123" not in data


def test_write_is_atomic_and_private(tmp_path: Path) -> None:
    target = tmp_path / "fiche.pdf"
    target.write_bytes(b"old content")
    write_recovery_sheet(
        target,
        code=new_recovery_code(),
        structure_name=STRUCTURE,
        database_folder=FOLDER,
        created_at=CREATED,
    )
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fiche.pdf"]  # no temp file left
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_failure_is_a_french_error_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "fiche.pdf"
    with pytest.raises(OisoError) as caught:
        write_recovery_sheet(
            target,
            code=new_recovery_code(),
            structure_name=STRUCTURE,
            database_folder=FOLDER,
            created_at=CREATED,
        )
    assert caught.value.code == "report_write_failed"
    assert "n'a pas pu être enregistrée" in str(caught.value)
    assert caught.value.params["path"] == str(target)
    assert list(tmp_path.iterdir()) == []


def test_code_groups() -> None:
    assert code_groups("k7qf-2m9x-A1B2") == ["K7QF", "2M9X", "A1B2"]
    assert code_groups("K7QF2M9XA1") == ["K7QF", "2M9X", "A1"]
    assert code_groups(" K7QF 2M9X ") == ["K7QF", "2M9X"]
    with pytest.raises(ValueError):
        render_recovery_sheet(code=" - ", structure_name="", database_folder="", created_at=CREATED)


def test_french_date_format() -> None:
    paris_winter = timezone(timedelta(hours=1))
    moment = datetime(2025, 2, 1, 9, 7, tzinfo=paris_winter)
    local = moment.astimezone()
    expected_day = "1er" if local.day == 1 else str(local.day)
    assert format_french_datetime(moment).startswith(f"{expected_day} ")
    assert format_french_datetime(moment).endswith(f"à {local.hour} h {local.minute:02d}")
    # Naive values are taken as local time, as is.
    assert format_french_datetime(datetime(2024, 8, 15, 16, 30)) == "15 août 2024 à 16 h 30"
    assert format_french_datetime(datetime(2024, 12, 1, 0, 0)) == "1er décembre 2024 à 0 h 00"


def test_fonts_and_licence_ship_with_the_package() -> None:
    for file_name in fonts.FONT_FILES.values():
        assert fonts.font_resource(file_name).read_bytes()[:4] in (b"\x00\x01\x00\x00", b"true")
    licence = fonts.font_resource(fonts.LICENCE_FILE).read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Permission is hereby granted" in licence
    fonts.register_fonts()
    fonts.register_fonts()  # idempotent
