"""Patient rights through the services: restriction freezes every write path of the
file (identity, forms, documents, plan, appointments, letters) with a French message,
lifting gives it back, and erasure leaves no trace of the patient in the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
import sqlcipher3
from document_samples import text_pdf
from rights_helpers import HISTORY, PLANTED, approved, create_rich_file
from service_helpers import Team, identity

from oiso_desktop.domain.documents import DocumentDetails
from oiso_desktop.domain.errors import PermissionDenied, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.local_database import DB_FILENAME
from oiso_desktop.storage.models import PatientShare
from oiso_desktop.storage.uow import UnitOfWork


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    return approved(team, created_db)


@pytest.fixture
def rich(durand: UserSession, team: Team) -> int:
    return create_rich_file(durand, team)


def _share(session: UserSession, patient_id: int, user_id: int, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id, user_id=user_id, access=access, granted_by_id=user_id
            )
        )
        uow.commit()


def _restricted(call) -> PermissionDenied:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied) as caught:
        call()
    assert caught.value.code == "patient_restricted"
    assert "restreint" in str(caught.value)
    return caught.value


# ---------------------------------------------------------------- restriction


def test_a_restricted_file_refuses_every_write_and_reads_as_before(
    durand: UserSession, team: Team, rich: int
) -> None:
    secretary = team.login("s.leroy")
    view = durand.rights.restrict(rich, "Demande écrite du patient (litige)")
    assert view.restricted and view.reason == "Demande écrite du patient (litige)"
    assert view.owner and view.restricted_at is not None

    patient = durand.patients.get(rich)
    assert patient.access is PatientAccess.READ  # the window shows it read-only
    fields = dataclasses.replace(patient.fields, city="Lyon")
    _restricted(lambda: durand.patients.update(rich, fields, expected_version=patient.version))
    _restricted(lambda: secretary.patients.update(rich, fields, expected_version=patient.version))
    form = durand.forms.get(rich, "history")
    _restricted(
        lambda: durand.forms.save(
            rich, "history", dataclasses.replace(HISTORY, note="x"), expected_version=form.version
        )
    )
    documents = durand.documents.list(rich)
    _restricted(lambda: durand.documents.add(rich, "autre.pdf", text_pdf("autre")))
    _restricted(
        lambda: durand.documents.delete(documents[0].id, expected_version=documents[0].version)
    )
    (appointment,) = durand.appointments.for_patient(rich)
    _restricted(
        lambda: durand.appointments.cancel(appointment.id, expected_version=appointment.version)
    )
    _restricted(
        lambda: secretary.appointments.book(
            AppointmentInput(
                patient_id=rich,
                exam=ExamKind.BREAST_MRI.value,
                starts_at=dt.datetime.combine(
                    durand.ctx.today() + dt.timedelta(days=20), dt.time(9, 0)
                ),
                duration_minutes=30,
                place="Hôpital Nord",
                practitioner_id=team.ids["p.durand"],
            )
        )
    )
    _restricted(lambda: durand.followup.recompute_plan(rich))
    plan = durand.followup.plan(rich)
    assert plan.items
    _restricted(lambda: durand.followup.mark_done(rich, plan.items[0].key, durand.ctx.today()))
    _restricted(
        lambda: durand.documents.update(
            documents[0].id,
            DocumentDetails(title="Autre titre"),
            expected_version=documents[0].version,
        )
    )
    with pytest.raises(PermissionDenied):  # identity held by the secretary too
        secretary.patients.update(rich, fields, expected_version=patient.version)
    # reading goes on: identity, forms, documents, plan, summary
    assert durand.forms.get(rich, "genetics").content.variants
    assert durand.documents.content(documents[0].id).data.startswith(b"%PDF")
    assert durand.followup.plan(rich) is not None
    assert durand.summaries.build(rich).startswith(b"%PDF-")
    # the events say that it happened, never why
    (event,) = durand.events.list(action="patient_restricted")
    assert event.object_id == rich
    assert "litige" not in json.dumps(dataclasses.asdict(event), default=str)


def test_only_the_owner_restricts_and_lifts_with_a_reason(
    durand: UserSession, team: Team, rich: int
) -> None:
    bernard = team.login("p.bernard")
    _share(durand, rich, team.ids["p.bernard"], "write")
    with pytest.raises(PermissionDenied) as caught:
        bernard.rights.restrict(rich, "Je voudrais geler")
    assert caught.value.code == "not_file_owner"
    with pytest.raises(ValidationError) as short:
        durand.rights.restrict(rich, "  ab ")
    assert short.value.code == "restriction_reason"
    durand.rights.restrict(rich, "Demande du patient")
    # a read-write share reads only while the file is restricted
    assert bernard.patients.get(rich).access is PatientAccess.READ
    assert bernard.rights.restriction(rich).restricted
    assert not bernard.rights.restriction(rich).owner
    with pytest.raises(ValidationError) as twice:
        durand.rights.restrict(rich, "Demande du patient")
    assert twice.value.code == "already_restricted"
    # sharing stays possible: a new recipient reads only
    durand.sharing.share(rich, team.ids["c.petit"], "write")
    assert team.login("c.petit").patients.get(rich).access is PatientAccess.READ
    with pytest.raises(ValidationError):
        durand.rights.lift_restriction(rich, "")
    lifted = durand.rights.lift_restriction(rich, "Litige réglé, accord du patient")
    assert not lifted.restricted and lifted.lift_reason == "Litige réglé, accord du patient"
    assert lifted.lifted_at is not None
    assert bernard.patients.get(rich).access is PatientAccess.WRITE
    patient = durand.patients.get(rich)
    durand.patients.update(
        rich, dataclasses.replace(patient.fields, city="Lyon"), expected_version=patient.version
    )
    with pytest.raises(ValidationError) as again:
        durand.rights.lift_restriction(rich, "encore une fois")
    assert again.value.code == "not_restricted"
    assert [e.object_id for e in durand.events.list(action="patient_unrestricted")] == [rich]


# ---------------------------------------------------------------- erasure


def _all_text(created_db, dmk: bytes) -> str:  # type: ignore[no-untyped-def]
    """Every value of every row of the database, opened with its key outside the app,
    as one text."""
    connection = sqlcipher3.connect(str(created_db.folder / DB_FILENAME))
    try:
        connection.execute(f"PRAGMA key = \"x'{dmk.hex()}'\"")
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        parts: list[str] = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        parts.append(value.decode("latin-1"))
                    else:
                        parts.append(str(value))
        return "\n".join(parts)
    finally:
        connection.close()


def _decrypted_bytes(created_db, dmk: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """Every page of the database file and of its write-ahead log, decrypted with the
    key (SQLCipher 4: AES-256-CBC per page, the IV in the page's reserved bytes; a raw
    key is the cipher key itself): live rows, free pages and leftovers alike."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    page, reserve = 4096, 80  # defaults: 16-byte IV + 64-byte HMAC-SHA512

    def decrypt(raw: bytes, first: bool) -> bytes:
        start = 16 if first else 0  # page 1 begins with the salt
        iv = raw[page - reserve : page - reserve + 16]
        body = raw[start : page - reserve]
        decryptor = Cipher(algorithms.AES(dmk), modes.CBC(iv)).decryptor()
        return decryptor.update(body) + decryptor.finalize()

    out = bytearray()
    data = (created_db.folder / DB_FILENAME).read_bytes()
    for offset in range(0, len(data) - page + 1, page):
        out += decrypt(data[offset : offset + page], offset == 0)
    wal = created_db.folder / f"{DB_FILENAME}-wal"
    if wal.exists():
        frames = wal.read_bytes()[32:]  # WAL header
        for offset in range(0, len(frames) - (24 + page) + 1, 24 + page):
            number = int.from_bytes(frames[offset : offset + 4], "big")
            out += decrypt(frames[offset + 24 : offset + 24 + page], number == 1)
    return bytes(out)


def test_erasure_leaves_no_trace_but_one_event(
    durand: UserSession, team: Team, rich: int, created_db
) -> None:
    _share(durand, rich, team.ids["p.bernard"], "read")
    dmk = durand.ctx.database.key  # type: ignore[attr-defined]
    text_before = _all_text(created_db, dmk)
    assert PLANTED in text_before  # identity rows are in clear inside the database
    # the page decryption works: the name is in the decrypted pages before
    assert PLANTED.encode() in _decrypted_bytes(created_db, dmk)
    with pytest.raises(ValidationError) as wrong:
        durand.rights.erase(rich, "MARTIN")
    assert wrong.value.code == "erasure_confirmation"
    assert durand.patients.get(rich).id == rich  # nothing happened
    bernard = team.login("p.bernard")
    with pytest.raises(PermissionDenied):
        bernard.rights.erase(rich, PLANTED)
    durand.rights.erase(rich, PLANTED.lower())
    text_after = _all_text(created_db, dmk)
    assert PLANTED not in text_after
    assert PLANTED.lower() not in text_after.lower()
    assert "12 rue des Lilas" not in text_after
    # not in any page either, free pages and the write-ahead log included
    raw = _decrypted_bytes(created_db, dmk)
    assert PLANTED.encode() not in raw and b"12 rue des Lilas" not in raw
    assert durand.patients.search_ids("").ids == ()
    (event,) = durand.events.list(action="patient_erased")
    assert event.object_id == rich and event.details in ("", "{}")
    # the WAL was checkpointed and truncated: no old page lingers beside the file
    wal = created_db.folder / f"{DB_FILENAME}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    admin = team.login("admin")
    assert admin.events.verify().ok


def test_a_restricted_file_can_still_be_erased(durand: UserSession, team: Team, rich: int) -> None:
    durand.rights.restrict(rich, "Demande du patient")
    durand.rights.erase(rich, PLANTED)
    assert durand.patients.search_ids("").ids == ()


def test_an_erased_file_s_id_is_never_given_again(durand: UserSession) -> None:
    # SQLite alone gives max(id) + 1: the newest file erased, its id would go to the
    # next file, which would inherit its log entries and the links naming it.
    first = durand.patients.create(identity()).id
    newest = durand.patients.create(identity(birth_name="MARTIN")).id
    document = durand.documents.add(newest, "cr.pdf", text_pdf("Compte rendu"))
    durand.documents.delete(document.id, expected_version=document.version)
    durand.rights.erase(newest, "MARTIN")
    again = durand.patients.create(identity(birth_name="BERNARD")).id
    assert again > newest > first
    assert durand.documents.add(again, "cr.pdf", text_pdf("Autre")).id > document.id
    # what the log says of the erased file stays its own
    histories = [e for e in durand.events.list(limit=500) if e.object_id == again]
    assert all(e.action != "patient_erased" for e in histories)
