"""Helpers of the clinical-key tests: a probe clinical table, and what an account
holder can do to the files outside the application (real key file, real database)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from service_helpers import Team
from sqlalchemy import Column, Integer, MetaData, Table, delete, insert, select

from oiso_desktop.domain.event_chain import event_hash
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import AccessMode, ServiceContext
from oiso_desktop.services.event_log import HEAD_SETTING, record_event
from oiso_desktop.storage import crypto
from oiso_desktop.storage.clinical_chain import chain_records
from oiso_desktop.storage.field_crypto import (
    ClinicalCiphertext,
    ClinicalKeys,
    EncryptedColumn,
    clinical_key_id,
    field_generation,
    new_clinical_key,
)
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.local_database import LocalDatabase
from oiso_desktop.storage.models import Event, Setting

MARKER = "ZEBRE-7F3A antécédent BRCA1 c.68_69delAG"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def probe_column() -> tuple[MetaData, EncryptedColumn]:
    """A clinical table as future ones will be: an encrypted column (register it)."""
    metadata = MetaData()
    table = Table(
        "clinical_probe",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("notes", ClinicalCiphertext),
    )
    return metadata, EncryptedColumn(table, "notes")


def write(session: UserSession, column: EncryptedColumn, row_id: int, text: str) -> None:
    ctx = session.ctx
    with ctx.unit_of_work(AccessMode.WRITE) as uow:
        column.table.create(uow.session.connection(), checkfirst=True)
        keys = session_clinical_keys(ctx, uow)
        blob = column.encrypt(keys, {"id": row_id}, text.encode())
        uow.session.execute(insert(column.table), {"id": row_id, "notes": blob})
        uow.commit()


def read_all(session: UserSession, column: EncryptedColumn) -> dict[int, str]:
    ctx = session.ctx
    with ctx.unit_of_work(AccessMode.READ) as uow:
        keys = session_clinical_keys(ctx, uow)
        rows = uow.session.execute(select(column.table)).all()
        return {row.id: column.decrypt(keys, row, row.notes).decode() for row in rows}


def generations(session: UserSession, column: EncryptedColumn) -> set[str]:
    """The generations the stored ciphertexts were made with (read as the admin can)."""
    with session.ctx.unit_of_work(AccessMode.READ) as uow:
        blobs = uow.session.scalars(select(column.table.c.notes)).all()
    return {field_generation(blob) for blob in blobs}


def events(session: UserSession, action: str) -> list[Any]:
    return session.events.list(action=action)


def details(event: Any) -> dict[str, Any]:
    return dict(json.loads(event.details))


# ------------------------------------------------------------------ the files, by hand


def keystore_path(team: Team) -> Path:
    return team.folder / "oiso.keystore"


def read_json(team: Team) -> dict[str, Any]:
    return dict(json.loads(keystore_path(team).read_text("utf-8")))


def write_json(team: Team, data: dict[str, Any]) -> None:
    keystore_path(team).write_text(json.dumps(data), "utf-8")


def forge_clinical_key(
    team: Team, *, seal_to: Iterable[int], strip_pins: bool = True, recovery: bool = True
) -> bytes:
    """A key of one's own substituted for the clinical key, as any account holder can:
    a clinical section naming it (its chain a genesis signed with itself, current
    generation, endorsement mark), every box dropped, then boxes of it sealed and
    endorsed to ``seal_to`` and the recovery slot (public keys suffice). Returns it."""
    ck = new_clinical_key()
    generation = clinical_key_id(ck)
    data = read_json(team)
    data["clinical"] = {
        "clinical_key_id": generation,
        "retiring_clinical_key_ids": [],
        "endorsements": 1,
        "rotation_owed": [],
        "chain": chain_records(data["database_uuid"], [ck]),
    }
    for slot in [*data["slots"], data["recovery"]]:
        slot.pop("ck", None)
        if strip_pins:
            slot.pop("ck_pin", None)
    write_json(team, data)
    keystore = Keystore.load(keystore_path(team))
    keys = ClinicalKeys(generation, {generation: ck})
    for user_id in seal_to:
        keystore.grant_clinical_key(user_id, keys)
    if recovery:
        keystore.endorse_recovery_slot(keys)
    return ck


def legacy_recovery_box(team: Team, code: str) -> None:
    """Wrap the recovery private key again as version 3 did: the 32 bytes alone (no
    pin). Needs the recovery code, as in a file written before pins."""
    data = read_json(team)
    recovery = data["recovery"]
    box = recovery["private_key"]
    normalised = crypto.normalise_recovery_code(code)
    aad = f"oiso-recovery-slot|{data['database_uuid']}".encode()
    key = crypto.derive_key(
        normalised, base64.b64decode(box["salt"]), crypto.KdfParams.from_dict(box["kdf"])
    )
    private_key = crypto.aead_decrypt(key, box, aad=aad)[:32]
    salt = crypto.new_salt()
    params = crypto.default_kdf_params()
    wrapped = crypto.aead_encrypt(crypto.derive_key(normalised, salt, params), private_key, aad=aad)
    recovery["private_key"] = {
        "salt": base64.b64encode(salt).decode("ascii"),
        "kdf": params.to_dict(),
        **wrapped,
    }
    write_json(team, data)


def _attacker_database(team: Team, login: str = "s.leroy") -> Any:
    """The database opened with the DMK of ``login``'s own slot, outside the app."""
    local = LocalDatabase.open(team.folder)
    result = local.keystore.sign_in(login, team.passwords[login], now=NOW, secret_store=None)
    return local.connect(result.dmk_candidates)


def append_event(team: Team, action: str, event_details: dict[str, Any]) -> None:
    """Append an event whose hash chains correctly: the log has no secret, so any
    account holder can (with the DMK of their own slot)."""
    database = _attacker_database(team)
    try:
        ctx = ServiceContext(database=database)
        with ctx.unit_of_work(AccessMode.WRITE) as uow:
            record_event(uow, ctx, None, action, object_type="database", details=event_details)
            uow.commit()
    finally:
        database.dispose()


def rewrite_log(team: Team, change: Callable[[dict[str, Any]], dict[str, Any] | None]) -> None:
    """Rewrite the whole event log consistently (``change`` returns a record, or None
    to drop it): ids renumbered, every hash and the head recomputed. Nothing in
    the log resists it; only a workstation that saw the old head notices."""
    database = _attacker_database(team)
    try:
        ctx = ServiceContext(database=database)
        with ctx.unit_of_work(AccessMode.WRITE) as uow:
            old = list(uow.session.scalars(select(Event).order_by(Event.id)))
            records = []
            for event in old:
                record = {
                    name: getattr(event, name)
                    for name in (
                        "occurred_at",
                        "user_id",
                        "login",
                        "action",
                        "object_type",
                        "object_id",
                        "workstation",
                        "app_version",
                        "details",
                    )
                }
                kept = change(record)
                if kept is not None:
                    records.append(kept)
            uow.session.execute(delete(Event))
            prev = "0" * 64
            for number, record in enumerate(records, start=1):
                record = {**record, "id": number}
                digest = event_hash(prev, record)
                uow.session.add(Event(**record, prev_hash=prev, hash=digest))
                prev = digest
            uow.session.merge(Setting(key=HEAD_SETTING, value=f"{len(records)}:{prev}"))
            uow.commit()
    finally:
        database.dispose()


def edit_event_in_place(team: Team, action: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the details of the first ``action`` event, without touching any hash."""
    database = _attacker_database(team)
    try:
        ctx = ServiceContext(database=database)
        with ctx.unit_of_work(AccessMode.WRITE) as uow:
            event = uow.session.scalars(
                select(Event).where(Event.action == action).order_by(Event.id)
            ).first()
            assert event is not None
            values = json.loads(event.details)
            change(values)
            event.details = json.dumps(values, sort_keys=True, separators=(",", ":"))
            uow.commit()
    finally:
        database.dispose()
