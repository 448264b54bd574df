"""Attachments through the services: attach, view, edit, delete, export; what is refused;
who may see them; encryption at rest (DMK-only scan); the CK re-encryption; the log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import struct
import zlib
from pathlib import Path

import pytest
from document_samples import jpeg_image, large_pdf, png_image, text_pdf
from service_helpers import Team, identity
from sqlalchemy import select, update
from sqlcipher3 import dbapi2

from oiso_desktop.domain.documents import (
    MAX_DOCUMENT_SIZE,
    DisplayStatus,
    DocumentCategory,
    DocumentDetails,
    DocumentDetailsInvalid,
    MediaType,
)
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    NotFound,
    OisoError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.context import AccessMode
from oiso_desktop.services.document_service import CHUNK_SIZE, read_document_file
from oiso_desktop.services.pdf_pages import PdfPages
from oiso_desktop.storage.field_crypto import field_generation
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.models import Document, DocumentChunk, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

MARKER = "ZEBRE-5K2Q BRCA2 c.5946delT"
TITLE = "Résultat BRCA2 de Gertrude-QX9"
FILE_NAME = "CR_Gertrude-QX9_BRCA2.pdf"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    """The first practitioner, approved with the recovery code."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def patient_id(durand: UserSession) -> int:
    return durand.patients.create(identity()).id


def _share(team: Team, session: UserSession, patient_id: int, login: str, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id,
                user_id=team.ids[login],
                access=access,
                granted_by_id=team.ids["p.durand"],
            )
        )
        uow.commit()


def _details(session: UserSession, action: str) -> list[dict[str, object]]:
    return [json.loads(e.details) for e in reversed(session.events.list(action=action))]


def _approved(team: Team, durand: UserSession, login: str) -> UserSession:
    team.login(login).logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids[login])
    return team.login(login)


# ---------------------------------------------------------------- the life of an attachment


def test_an_attachment_is_added_listed_viewed_edited_and_deleted(
    durand: UserSession, patient_id: int
) -> None:
    pdf = text_pdf("Compte rendu", MARKER, pages=3)
    report = durand.documents.add(
        patient_id,
        FILE_NAME,
        pdf,
        DocumentDetails(
            title=f"  {TITLE} ",
            document_date=dt.date(2025, 11, 4),
            category=DocumentCategory.LAB_REPORT,
        ),
    )
    assert (report.title, report.file_name, report.size) == (TITLE, FILE_NAME, len(pdf))
    assert (report.media_type, report.page_count, report.display) == (
        MediaType.PDF,
        3,
        DisplayStatus.VIEWABLE,
    )
    assert (report.created_by, report.updated_by, report.version) == ("Paul Durand",) * 2 + (1,)
    assert report.created_at == NOW and report.access is PatientAccess.WRITE
    assert not report.read_only
    letter = durand.documents.add(patient_id, "courrier.png", png_image())
    assert (letter.title, letter.category, letter.document_date) == (
        "courrier",
        DocumentCategory.OTHER,
        None,
    )
    assert (letter.media_type, letter.page_count) == (MediaType.PNG, None)
    photo = durand.documents.add(
        patient_id,
        "photo.JPG",
        jpeg_image(),
        DocumentDetails(title="Photo", document_date=dt.date(2026, 1, 2)),
    )
    # newest document date first, undated last
    listed = durand.documents.list(patient_id)
    assert [d.id for d in listed] == [photo.id, report.id, letter.id]
    assert durand.documents.get(report.id) == report

    content = durand.documents.content(report.id)
    assert content.data == pdf and content.document == report
    assert "%PDF" not in repr(content) and MARKER not in repr(content)
    pages = PdfPages(content.data)
    assert pages.page_count == 3
    first = pages.render(0, 0.5)
    assert (first.width, first.height) == (298, 421)
    assert first.pixels.count(b"\x00\x00\x00") > 1000  # the dark rectangle is drawn
    pages.close()

    edited = durand.documents.update(
        report.id,
        DocumentDetails(title="CR BRCA2", document_date=None, category="letter"),  # type: ignore[arg-type]
        expected_version=1,
    )
    assert (edited.title, edited.document_date, edited.category, edited.version) == (
        "CR BRCA2",
        None,
        DocumentCategory.LETTER,
        2,
    )
    same = durand.documents.update(
        report.id,
        DocumentDetails(title="CR BRCA2", category=DocumentCategory.LETTER),
        expected_version=2,
    )
    assert same.version == 2  # nothing changed: nothing written
    durand.documents.delete(letter.id, expected_version=letter.version)
    assert [d.id for d in durand.documents.list(patient_id)] == [photo.id, report.id]
    with pytest.raises(NotFound) as gone:
        durand.documents.content(letter.id)
    assert gone.value.code == "document_not_found"
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        left = uow.session.scalars(
            select(DocumentChunk.document_id).where(DocumentChunk.document_id == letter.id)
        ).all()
    assert left == []

    # The log: ids and sizes, never a title nor a file name.
    assert _details(durand, "document_added") == [
        {"document": report.id, "size": len(pdf)},
        {"document": letter.id, "size": letter.size},
        {"document": photo.id, "size": photo.size},
    ]
    assert _details(durand, "document_viewed") == [{"document": report.id, "size": len(pdf)}]
    assert _details(durand, "document_updated") == [
        {"document": report.id, "fields": ["title", "document_date", "category"]}
    ]
    assert _details(durand, "document_deleted") == [{"document": letter.id, "size": letter.size}]
    for event in durand.events.list():
        text = json.dumps(
            [event.details, event.login, event.object_type, event.workstation], ensure_ascii=False
        )
        for needle in (TITLE, "Gertrude", "CR BRCA2", "courrier", "photo", "ZEBRE"):
            assert needle not in text
    viewed = durand.events.list(action="document_viewed")[0]
    assert (viewed.object_type, viewed.object_id) == ("patient", patient_id)


def test_a_large_file_is_stored_in_pieces_and_read_back_whole(
    durand: UserSession, patient_id: int
) -> None:
    data = large_pdf(3 * CHUNK_SIZE + 1000, marker=MARKER)
    view = durand.documents.add(patient_id, "scan.pdf", data)
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        seqs = uow.documents.chunk_seqs(view.id)
    assert seqs == list(range(-(-len(data) // CHUNK_SIZE)))
    assert len(seqs) >= 4
    assert durand.documents.content(view.id).data == data


def test_the_details_are_checked_all_at_once_and_nothing_is_saved(
    durand: UserSession, patient_id: int
) -> None:
    with pytest.raises(DocumentDetailsInvalid) as invalid:
        durand.documents.add(
            patient_id,
            "a.pdf",
            text_pdf("x"),
            DocumentDetails(title="  ", document_date=dt.date(2026, 3, 3), category="menu"),  # type: ignore[arg-type]
        )
    problems = invalid.value.problems
    assert [(p.code, p.field) for p in problems] == [
        ("document_title_empty", "title"),
        ("document_date_future", "document_date"),
        ("document_category", "category"),
    ]
    assert invalid.value.code == "document_details_invalid" and invalid.value.params["count"] == 3
    assert durand.documents.list(patient_id) == []
    view = durand.documents.add(patient_id, "a.pdf", text_pdf("x"))
    for details, code in (
        (DocumentDetails(title="x" * 201), "too_long"),
        (
            DocumentDetails(title="Vieux", document_date=dt.date(1899, 12, 31)),
            "document_date_too_old",
        ),
    ):
        with pytest.raises(DocumentDetailsInvalid) as refused:
            durand.documents.update(view.id, details, expected_version=1)
        assert [p.code for p in refused.value.problems] == [code]
    # a grandparent's report may predate the patient's birth (1975)
    old = durand.documents.update(
        view.id,
        DocumentDetails(title="CR 1962", document_date=dt.date(1962, 5, 1)),
        expected_version=1,
    )
    assert old.document_date == dt.date(1962, 5, 1)


# ---------------------------------------------------------------- what is refused


def test_a_file_that_is_not_what_its_extension_says_is_refused(
    durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    cases = [
        ("compte-rendu.pdf", png_image(), "document_type_mismatch", {"found": "PNG"}),
        ("photo.png", text_pdf("x"), "document_type_mismatch", {"found": "PDF"}),
        ("scan.jpg", png_image(), "document_type_mismatch", {"announced": "JPEG"}),
        (
            "lettre.pdf",
            b"PK\x03\x04" + b"\x00" * 200,
            "document_type_mismatch",
            {"found": "ZIP / Office"},
        ),
        (
            "notes.pdf",
            b"Bonjour, voici le compte rendu",
            "document_type_mismatch",
            {"found": "inconnu"},
        ),
        (
            "lettre.docx",
            b"PK\x03\x04" + b"\x00" * 200,
            "document_type_unsupported",
            {"extension": ".docx"},
        ),
        ("sans-extension", text_pdf("x"), "document_type_unsupported", {"extension": "(aucune)"}),
        ("vide.pdf", b"", "document_empty", {}),
    ]
    for name, data, code, params in cases:
        with pytest.raises(ValidationError) as refused:
            durand.documents.add(patient_id, name, data)
        assert refused.value.code == code, name
        for key, value in params.items():
            assert refused.value.params[key] == value, name
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValidationError) as from_disk:
            durand.documents.add_file(patient_id, path)
        assert from_disk.value.code == code
    with pytest.raises(ValidationError) as message:
        durand.documents.add(patient_id, "compte-rendu.pdf", png_image())
    assert str(message.value) == (
        "Le fichier « compte-rendu.pdf » n'a pas été joint : son nom annonce un fichier PDF "
        "mais son contenu est de type PNG."
    )
    assert durand.documents.list(patient_id) == []
    assert durand.events.list(action="document_added") == []


def test_a_file_above_50_mb_is_refused_before_being_read(
    durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    huge = tmp_path / "enorme.pdf"
    with huge.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.write(b"%PDF-1.4\n")
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(ValidationError) as refused:
        read_document_file(huge)
    assert refused.value.code == "document_too_large"
    assert refused.value.params["maximum"] == "50 Mo"
    assert refused.value.params["size"] == "60 Mo"
    just_above = b"%PDF-1.4\n" + bytes(MAX_DOCUMENT_SIZE)
    with pytest.raises(ValidationError) as above:
        durand.documents.add(patient_id, "limite.pdf", just_above)
    assert above.value.code == "document_too_large"
    with pytest.raises(OisoError) as missing:
        read_document_file(tmp_path / "absent.pdf")
    assert missing.value.code == "import_read_failed"


def test_damaged_files_are_refused_and_protected_pdfs_kept_flagged(
    durand: UserSession, patient_id: int
) -> None:
    pdf = text_pdf("Compte rendu", MARKER, pages=2)
    jpeg = jpeg_image(400, 300)
    for name, data in (
        ("tronque.pdf", pdf[: len(pdf) // 2]),
        ("bruit.pdf", b"%PDF-1.7\n" + os.urandom(4000)),
        ("tronquee.jpg", jpeg[: len(jpeg) // 2]),
        ("tronquee.png", png_image(300, 300)[:100]),
    ):
        with pytest.raises(ValidationError) as damaged:
            durand.documents.add(patient_id, name, data)
        assert damaged.value.code == "document_damaged", name
        assert "endommagé" in str(damaged.value)

    protected = text_pdf("Compte rendu", MARKER, pages=2, password="labo2026")
    view = durand.documents.add(patient_id, "protege.pdf", protected)
    assert (view.display, view.page_count) == (DisplayStatus.PASSWORD_PROTECTED, None)
    content = durand.documents.content(view.id)
    assert content.data == protected  # kept as it is
    with pytest.raises(OisoError) as locked:
        PdfPages(content.data)
    assert locked.value.code == "document_password_required"
    with pytest.raises(OisoError) as wrong:
        PdfPages(content.data, password="faux")
    assert wrong.value.code == "document_password_wrong"
    opened = PdfPages(content.data, password="labo2026")
    assert opened.page_count == 2 and opened.render(1, 0.3).width == 179
    opened.close()
    assert [d.id for d in durand.documents.list(patient_id)] == [view.id]


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header announces ``width`` × ``height`` (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 10))
        + chunk(b"IEND", b"")
    )


def test_images_too_large_to_be_shown_are_refused(durand: UserSession, patient_id: int) -> None:
    with pytest.raises(ValidationError) as large:
        durand.documents.add(patient_id, "scan.png", _png_header(12_000, 9_000))
    assert large.value.code == "document_image_too_large"
    assert large.value.params["pixels"] == "12000 × 9000"
    assert "100 millions de pixels au plus" in str(large.value)
    with pytest.raises(ValidationError) as huge:  # beyond what Pillow even opens
        durand.documents.add(patient_id, "scan.png", _png_header(30_000, 30_000))
    assert huge.value.code == "document_image_too_large"
    assert huge.value.params["pixels"] == "plus de 178 millions de"
    with pytest.raises(ValidationError) as header_only:  # a header without its pixels
        durand.documents.add(patient_id, "scan.png", _png_header(300, 200))
    assert header_only.value.code == "document_damaged"


def test_the_same_file_twice_in_one_file_is_refused(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    pdf = text_pdf("Compte rendu")
    first = durand.documents.add(patient_id, "a.pdf", pdf, DocumentDetails(title="Premier"))
    with pytest.raises(OisoError) as twice:
        durand.documents.add(patient_id, "b.pdf", pdf)
    assert twice.value.code == "document_duplicate"
    assert twice.value.params == {"title": "Premier", "document_id": first.id}
    other = durand.patients.create(identity(first_names="Zoé", birth_date=dt.date(1980, 5, 6)))
    durand.documents.add(other.id, "a.pdf", pdf)  # another patient's file: accepted


# ---------------------------------------------------------------- versions


def test_stale_edits_and_deletions_are_conflicts(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _share(team, durand, patient_id, "p.bernard", "write")
    bernard = _approved(team, durand, "p.bernard")
    view = durand.documents.add(patient_id, "a.pdf", text_pdf("x"), DocumentDetails(title="A"))
    bernard.documents.update(view.id, DocumentDetails(title="B"), expected_version=1)
    with pytest.raises(ConcurrentEditError) as stale:
        durand.documents.update(view.id, DocumentDetails(title="C"), expected_version=1)
    assert stale.value.code == "document_conflict"
    with pytest.raises(ConcurrentEditError) as stale_delete:
        durand.documents.delete(view.id, expected_version=1)
    assert stale_delete.value.code == "document_conflict"
    bernard.documents.delete(view.id, expected_version=2)
    with pytest.raises(ConcurrentEditError) as deleted:
        durand.documents.update(view.id, DocumentDetails(title="C"), expected_version=2)
    assert deleted.value.code == "document_conflict"
    with pytest.raises(NotFound):
        durand.documents.delete(view.id, expected_version=2)
    assert durand.documents.list(patient_id) == []


# ---------------------------------------------------------------- who may


def test_secretaries_and_administrators_never_get_a_document(
    team: Team, durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    view = durand.documents.add(
        patient_id, FILE_NAME, text_pdf(MARKER), DocumentDetails(title=TITLE)
    )
    secretary = team.login("s.leroy")  # assists Durand: sees his files' identities
    assert secretary.patients.get(patient_id).id == patient_id
    admin = team.sessions[0]
    for session in (secretary, admin):
        calls = [
            lambda s=session: s.documents.list(patient_id),
            lambda s=session: s.documents.get(view.id),
            lambda s=session: s.documents.content(view.id),
            lambda s=session: s.documents.export_copy(view.id, tmp_path / "copie.pdf"),
            lambda s=session: s.documents.add(patient_id, "b.pdf", text_pdf("b")),
            lambda s=session: s.documents.update(
                view.id, DocumentDetails(title="x"), expected_version=1
            ),
            lambda s=session: s.documents.delete(view.id, expected_version=1),
        ]
        for call in calls:
            with pytest.raises(PermissionDenied) as refused:
                call()
            assert refused.value.code in ("permission_denied", "admin_only")
            assert TITLE not in str(refused.value.params)
    assert not (tmp_path / "copie.pdf").exists()
    assert durand.documents.get(view.id).version == 1


def test_shares_decide_reading_and_editing_and_approval_is_needed(
    team: Team, durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    pdf = text_pdf("x")
    view = durand.documents.add(patient_id, "a.pdf", pdf, DocumentDetails(title="A"))
    counsellor = _approved(team, durand, "c.petit")
    with pytest.raises(PermissionDenied) as unshared:
        counsellor.documents.list(patient_id)
    assert unshared.value.code == "no_patient_access"
    with pytest.raises(PermissionDenied):
        counsellor.documents.content(view.id)
    _share(team, durand, patient_id, "c.petit", "read")
    (seen,) = counsellor.documents.list(patient_id)
    assert seen.access is PatientAccess.READ and seen.read_only and seen.title == "A"
    assert counsellor.documents.content(view.id).data == pdf
    copy = tmp_path / "copie.pdf"
    counsellor.documents.export_copy(view.id, copy)  # reading includes saving a copy
    assert copy.read_bytes() == pdf
    for call in (
        lambda: counsellor.documents.add(patient_id, "b.pdf", text_pdf("b")),
        lambda: counsellor.documents.update(
            view.id, DocumentDetails(title="B"), expected_version=1
        ),
        lambda: counsellor.documents.delete(view.id, expected_version=1),
    ):
        with pytest.raises(PermissionDenied) as read_only:
            call()
        assert read_only.value.code == "patient_read_only"
    _share(team, durand, patient_id, "c.petit", "write")
    assert (
        counsellor.documents.update(view.id, DocumentDetails(title="B"), expected_version=1).access
        is PatientAccess.WRITE
    )
    # Bernard is a practitioner whose clinical access is not approved yet.
    bernard = team.login("p.bernard")
    _share(team, durand, patient_id, "p.bernard", "write")
    with pytest.raises(PermissionDenied) as awaiting:
        bernard.documents.list(patient_id)
    assert awaiting.value.code == "clinical_access_awaiting"


# ---------------------------------------------------------------- export


def test_saving_a_copy_is_an_explicit_logged_export(
    durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    data = large_pdf(2 * CHUNK_SIZE, marker=MARKER)
    view = durand.documents.add(patient_id, "scan.pdf", data)
    target = tmp_path / "export" / "copie.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    assert durand.documents.export_copy(view.id, target) == view
    assert target.read_bytes() == data
    assert sorted(p.name for p in target.parent.iterdir()) == ["copie.pdf"]  # no temp left
    assert _details(durand, "document_exported") == [{"document": view.id, "size": len(data)}]
    with pytest.raises(OisoError) as failed:
        durand.documents.export_copy(view.id, tmp_path / "absent" / "copie.pdf")
    assert failed.value.code == "document_export_failed"
    assert failed.value.params["path"] == str(tmp_path / "absent" / "copie.pdf")
    assert len(durand.events.list(action="document_exported")) == 1
    assert durand.events.list(action="document_viewed") == []


# ---------------------------------------------------------------- at rest


def test_stored_content_that_was_altered_or_cut_is_never_handed_out(
    durand: UserSession, patient_id: int, tmp_path: Path
) -> None:
    data = large_pdf(2 * CHUNK_SIZE, marker=MARKER)
    view = durand.documents.add(patient_id, "scan.pdf", data)
    factory = durand.ctx.database.session_factory
    with UnitOfWork(factory) as uow:  # swap two pieces: each opens only in its own place
        first = uow.documents.chunk(view.id, 0)
        second = uow.documents.chunk(view.id, 1)
        for seq, blob in ((0, second), (1, first)):
            uow.session.execute(
                update(DocumentChunk)
                .where(DocumentChunk.document_id == view.id, DocumentChunk.seq == seq)
                .values(data=blob)
            )
        uow.commit()
    with pytest.raises(StorageError) as moved:
        durand.documents.content(view.id)
    assert moved.value.code == "clinical_field_unreadable"
    exports = tmp_path / "exports"
    exports.mkdir()
    with pytest.raises(StorageError):
        durand.documents.export_copy(view.id, exports / "copie.pdf")
    assert list(exports.iterdir()) == []  # nothing half-written
    with UnitOfWork(factory) as uow:  # put them back, then drop the last piece
        for seq, blob in ((0, first), (1, second)):
            uow.session.execute(
                update(DocumentChunk)
                .where(DocumentChunk.document_id == view.id, DocumentChunk.seq == seq)
                .values(data=blob)
            )
        last = len(uow.documents.chunk_seqs(view.id)) - 1
        uow.session.execute(
            DocumentChunk.__table__.delete().where(  # type: ignore[attr-defined]
                DocumentChunk.document_id == view.id, DocumentChunk.seq == last
            )
        )
        uow.commit()
    with pytest.raises(StorageError) as cut:
        durand.documents.content(view.id)
    assert cut.value.code == "document_unreadable"
    assert durand.events.list(action="document_viewed") == []


def test_attachments_are_ciphertext_for_whoever_holds_only_the_database_key(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    pdf = text_pdf("Compte rendu de laboratoire", MARKER, compress=False)
    assert MARKER.encode() in pdf  # the marker is in the file as clear bytes
    scan = large_pdf(CHUNK_SIZE + 5000, marker=MARKER)
    durand.documents.add(patient_id, FILE_NAME, pdf, DocumentDetails(title=TITLE))
    durand.documents.add(patient_id, "scan.pdf", scan, DocumentDetails(title=f"{TITLE} (scan)"))
    durand.documents.add(patient_id, "image.png", png_image(), DocumentDetails(title=TITLE + " 2"))
    durand.logout()
    keystore = Keystore.load(team.folder / "oiso.keystore")
    result = keystore.sign_in("admin", team.passwords["admin"], now=NOW, secret_store=None)
    assert keystore.clinical_keys_for(result.slot_key) is None
    (dmk,) = result.dmk_candidates
    needles = [
        text.encode(encoding)
        for text in (MARKER, "ZEBRE-5K2Q", "Gertrude-QX9", "Résultat BRCA2")
        for encoding in ("utf-8", "utf-16-le")
    ]
    # pieces of the clear contents, and their hashes (a plain hash would identify a file)
    needles += [pdf[i : i + 48] for i in range(0, len(pdf) - 48, 200)]
    needles += [scan[i : i + 48] for i in range(0, len(scan) - 48, 40_000)]
    needles += [hashlib.sha256(data).digest() for data in (pdf, scan, png_image())]
    needles += [hashlib.sha256(data).hexdigest().encode() for data in (pdf, scan, png_image())]
    connection = dbapi2.connect(str(team.folder / "oiso.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{dmk.hex()}'\"")
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        assert {"documents", "document_chunks"} <= set(tables)
        chunks = connection.execute("SELECT count(*) FROM document_chunks").fetchone()[0]
        assert chunks == sum(-(-len(d) // CHUNK_SIZE) for d in (pdf, scan, png_image()))
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    raw = value if isinstance(value, bytes) else str(value).encode()
                    for needle in needles:
                        assert needle not in raw, f"clear attachment data in {table}"
    finally:
        connection.close()
    for path in team.folder.iterdir():
        if path.is_file():
            raw = path.read_bytes()
            assert b"ZEBRE-5K2Q" not in raw and b"Gertrude" not in raw


def test_re_encryption_after_a_rotation_covers_the_attachments(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    admin = team.sessions[0]
    counsellor = _approved(team, durand, "c.petit")
    counsellor.logout()
    scan = large_pdf(2 * CHUNK_SIZE, marker=MARKER)
    view = durand.documents.add(patient_id, FILE_NAME, scan, DocumentDetails(title=TITLE))
    old = Keystore.load(team.folder / "oiso.keystore").clinical_key_id
    with pytest.raises(StorageError):  # other sessions have the file open: DMK re-key pending
        admin.users.revoke(team.ids["c.petit"])
    durand.clinical_key.rotate_owed()
    new = Keystore.load(team.folder / "oiso.keystore").clinical_key_id
    assert new != old

    def generations() -> set[str]:
        with durand.ctx.unit_of_work(AccessMode.READ) as uow:
            blobs = list(uow.session.scalars(select(DocumentChunk.data)))
            for column in (Document.title, Document.file_name, Document.digest):
                blobs += list(uow.session.scalars(select(column)))
        return {field_generation(blob) for blob in blobs}

    assert generations() == {old}
    assert durand.documents.content(view.id).data == scan  # old generation still held
    while not durand.clinical_key.rekey_clinical_data(batch_size=2).done:
        pass
    assert generations() == {new}
    assert Keystore.load(team.folder / "oiso.keystore").retiring_clinical_key_ids == ()
    again = durand.documents.content(view.id)
    assert again.data == scan and again.document.title == TITLE
