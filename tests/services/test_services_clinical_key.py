"""The clinical key (CK) through the services: who gets it, approvals, rotation,
re-encryption, and what an administrator holding the DMK can read (real files)."""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from clinical_helpers import MARKER, NOW, probe_column
from clinical_helpers import generations as _generations
from clinical_helpers import read_all as _read_all
from clinical_helpers import write as _write
from service_helpers import Team
from sqlalchemy import select
from sqlcipher3 import dbapi2

from oiso_desktop.domain.errors import (
    AuthenticationError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_key_service import (
    ClinicalAccess,
    session_clinical_keys,
)
from oiso_desktop.services.context import AccessMode
from oiso_desktop.services.demo import create_demo_database
from oiso_desktop.services.dto import UserInput
from oiso_desktop.storage.field_crypto import (
    EncryptedColumn,
    register_metadata,
    unregister_metadata,
)
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.secret_store import MemorySecretStore


def _keystore(team: Team) -> Keystore:
    return Keystore.load(team.folder / "oiso.keystore")


def _raw_clinical_keys(team: Team, login: str):  # type: ignore[no-untyped-def]
    """What ``login``'s own slot opens in the keystore file, outside the application."""
    keystore = _keystore(team)
    result = keystore.sign_in(login, team.passwords[login], now=NOW, secret_store=None)
    return keystore.clinical_keys_for(result.slot_key)


def _events(session: UserSession, action: str) -> list:  # type: ignore[type-arg]
    return session.events.list(action=action)


@pytest.fixture
def code(created_db) -> str:  # type: ignore[no-untyped-def]
    return str(created_db.recovery_code)


@pytest.fixture
def durand(team: Team, code: str) -> UserSession:
    """The first practitioner, approved with the recovery code."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    return session


@pytest.fixture
def probe() -> Iterator[EncryptedColumn]:
    """A clinical table as future ones will be: registered, encrypted column."""
    metadata, column = probe_column()
    register_metadata(metadata)
    yield column
    unregister_metadata(metadata)


def _demote(admin: UserSession, user_id: int, role: Role, **changes: object) -> None:
    view = admin.users.get_user(user_id)
    data = UserInput(
        login=view.login,
        first_name=view.first_name,
        last_name=view.last_name,
        role=role,
        rpps=view.rpps,
        adeli=view.adeli,
        **changes,  # type: ignore[arg-type]
    )
    admin.users.update_user(user_id, data, expected_version=view.version)


# ---------------------------------------------------------------- who holds it


def test_a_new_database_seals_the_clinical_key_to_the_recovery_slot_only(
    team: Team, code: str
) -> None:
    keystore = _keystore(team)
    assert keystore.clinical_key_id is not None
    assert keystore.clinical_key_holders() == () and keystore.recovery_holds_clinical_key()
    admin = team.sessions[0]
    assert admin.clinical_access is ClinicalAccess.NOT_APPLICABLE and admin.ctx.clinical is None
    durand = team.login("p.durand")
    assert durand.clinical_access is ClinicalAccess.AWAITING_APPROVAL
    assert durand.clinical_key.access_state() is ClinicalAccess.AWAITING_APPROVAL
    secretary = team.login("s.leroy")
    assert secretary.clinical_access is ClinicalAccess.NOT_APPLICABLE
    for login in ("admin", "p.durand", "s.leroy"):
        assert _raw_clinical_keys(team, login) is None


def test_the_first_account_is_approved_with_the_recovery_code_then_colleagues_approve(
    team: Team, code: str
) -> None:
    durand = team.login("p.durand")
    assert durand.clinical_key.recovery_code_needed()
    with pytest.raises(PermissionDenied) as awaiting:  # nobody approves without the CK
        durand.clinical_key.approve(team.ids["p.bernard"])
    assert awaiting.value.code == "clinical_access_awaiting"
    with pytest.raises(AuthenticationError) as wrong:
        durand.clinical_key.approve_with_recovery_code(
            team.ids["p.durand"], "0000-0000-0000-0000-00000-00000"
        )
    assert wrong.value.code == "bad_recovery_code"
    view = durand.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    assert view.login == "p.durand"
    assert durand.clinical_access is ClinicalAccess.GRANTED
    assert not durand.clinical_key.recovery_code_needed()
    # Now a colleague holds it: the recovery code approves nobody any more.
    bernard = team.login("p.bernard")
    assert bernard.clinical_access is ClinicalAccess.AWAITING_APPROVAL
    with pytest.raises(ValidationError) as held:
        bernard.clinical_key.approve_with_recovery_code(team.ids["p.bernard"], code)
    assert held.value.code == "clinical_key_already_held"
    waiting = [u.login for u in durand.clinical_key.awaiting_approval()]
    assert waiting == ["p.bernard", "c.petit"]
    durand.clinical_key.approve(team.ids["p.bernard"])
    # Bernard's open session sees the approval at once (its own slot opens the box).
    assert bernard.clinical_access is ClinicalAccess.GRANTED
    assert _raw_clinical_keys(team, "p.bernard") is not None
    with pytest.raises(ValidationError) as twice:
        durand.clinical_key.approve(team.ids["p.bernard"])
    assert twice.value.code == "clinical_not_awaiting"
    with pytest.raises(ValidationError):  # a secretary never awaits the CK
        durand.clinical_key.approve(team.ids["s.leroy"])
    granted = _events(durand, "clinical_access_granted")
    assert sorted((e.object_id, json.loads(e.details)["method"]) for e in granted) == sorted(
        [(team.ids["p.durand"], "recovery_code"), (team.ids["p.bernard"], "colleague")]
    )


def test_administrators_and_secretaries_never_obtain_the_clinical_key(
    team: Team, durand: UserSession
) -> None:
    admin = team.sessions[0]
    for session in (admin, team.login("s.leroy")):
        with pytest.raises(PermissionDenied):
            session.clinical_key.approve(team.ids["p.bernard"])
        with pytest.raises(PermissionDenied):
            session.clinical_key.awaiting_approval()
    # Forge boxes for the administrator's and the secretary's slots in the key file.
    assert durand.ctx.clinical is not None
    keystore = _keystore(team)
    keystore.grant_clinical_key(team.ids["admin"], durand.ctx.clinical)
    keystore.grant_clinical_key(team.ids["s.leroy"], durand.ctx.clinical)
    forged_generation = durand.ctx.clinical.current_id
    secretary = team.login("s.leroy")
    admin2 = team.login("admin")
    for session in (secretary, admin2):
        assert session.ctx.clinical is None
        assert session.clinical_access is ClinicalAccess.NOT_APPLICABLE
        with session.ctx.unit_of_work(AccessMode.READ) as uow, pytest.raises(PermissionDenied):
            session_clinical_keys(session.ctx, uow)
    # The login noticed the forged boxes and dropped them; the rotation away from
    # them is owed to a session holding the CK (changed with the endorsements: a
    # non-clinical login never generates nor seals a CK any more).
    keystore.reload()
    assert keystore.clinical_key_holders(any_generation=True) == (team.ids["p.durand"],)
    assert keystore.clinical_rotation_owed == ("stale_holder",)
    assert durand.clinical_key.rotation_owed()
    assert durand.clinical_key.rotate_owed() is not None
    keystore.reload()
    assert keystore.clinical_key_id != forged_generation
    assert not durand.clinical_key.rotation_owed()
    for login in ("admin", "s.leroy"):
        assert _raw_clinical_keys(team, login) is None
    assert durand.clinical_access is ClinicalAccess.GRANTED


def test_a_password_reset_takes_the_clinical_key_away_from_the_new_slot(
    team: Team, durand: UserSession
) -> None:
    """Otherwise an administrator could reset a password and log in as the practitioner."""
    admin = team.sessions[0]
    durand.logout()
    team.passwords["p.durand"] = admin.users.reset_password(team.ids["p.durand"])
    again = team.login("p.durand")
    assert again.clinical_access is ClinicalAccess.AWAITING_APPROVAL
    assert again.ctx.clinical is None


# ---------------------------------------------------------------- rotation


def test_removing_the_clinical_role_rotates_the_key(
    team: Team, durand: UserSession, probe: EncryptedColumn, tmp_path: Path
) -> None:
    admin = team.sessions[0]
    bernard = team.login("p.bernard")  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["p.bernard"])
    _write(durand, probe, 1, "avant la rotation")
    old_copy = tmp_path / "copie.keystore"
    shutil.copy(team.folder / "oiso.keystore", old_copy)  # kept by Bernard
    old_generation = _keystore(team).clinical_key_id
    _demote(admin, team.ids["p.bernard"], Role.SECRETARY)
    # Changed with the endorsements: the administrator's change only drops Bernard's
    # boxes and makes the rotation owed; Durand's session (holding the CK) does it.
    assert _keystore(team).clinical_key_id == old_generation
    assert _keystore(team).clinical_key_holders(any_generation=True) == (team.ids["p.durand"],)
    durand.clinical_key.rotate_owed()
    keystore = _keystore(team)
    assert keystore.clinical_key_id != old_generation
    assert keystore.retiring_clinical_key_ids == (old_generation,)
    assert keystore.clinical_key_holders(any_generation=True) == (team.ids["p.durand"],)
    assert keystore.recovery_holds_clinical_key()
    (owed,) = _events(admin, "clinical_key_rotation_owed")
    assert json.loads(owed.details) == {
        "reason": "role_removed",
        "user_id": bernard.actor.user_id,
    }
    (rotated,) = _events(admin, "clinical_key_rotated")
    # The new generation and its verify key are in the log: what sessions check.
    assert json.loads(rotated.details) == {
        "reasons": ["role_removed"],
        "generation": keystore.clinical_key_id,
        "verify_key": keystore.clinical_chain()[-1].verify_key,
    }
    assert rotated.user_id == team.ids["p.durand"]
    # Bernard's open session: no longer clinical, its keys are forgotten.
    assert bernard.clinical_access is ClinicalAccess.NOT_APPLICABLE
    assert bernard.ctx.clinical is None
    # Durand reads both generations and writes with the new one.
    _write(durand, probe, 2, "après la rotation")
    assert _read_all(durand, probe) == {1: "avant la rotation", 2: "après la rotation"}
    # Bernard's copy of his old box opens the old generation, never the new one.
    copy_store = Keystore.load(old_copy)
    held = copy_store.sign_in("p.bernard", team.passwords["p.bernard"], now=NOW, secret_store=None)
    old_keys = copy_store.clinical_keys_for(held.slot_key)
    assert old_keys is not None and old_keys.generations == (old_generation,)
    with durand.ctx.unit_of_work(AccessMode.READ) as uow:
        newest = uow.session.execute(select(probe.table).where(probe.table.c.id == 2)).one()
    with pytest.raises(Exception) as refused:
        probe.decrypt(old_keys, newest, newest.notes)
    assert getattr(refused.value, "code", None) == "clinical_key_generation_missing"


def test_revoking_a_clinical_user_rotates_and_the_data_are_re_encrypted_in_batches(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    admin = team.sessions[0]
    team.login("c.petit").logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["c.petit"])
    for row_id in range(1, 6):
        _write(durand, probe, row_id, f"note {row_id}")
    petit_keys = _raw_clinical_keys(team, "c.petit")
    assert petit_keys is not None
    old_generation = petit_keys.current_id
    with pytest.raises(StorageError) as pending:  # other sessions have the file open
        admin.users.revoke(team.ids["c.petit"])
    assert pending.value.code == "rekey_pending"  # the DMK waits; the CK rotation is owed
    # Changed with the endorsements: the holder's session performs the rotation.
    durand.clinical_key.rotate_owed()
    new_generation = _keystore(team).clinical_key_id
    assert new_generation != old_generation
    assert _generations(durand, probe) == {old_generation}
    steps = []
    while True:
        progress = durand.clinical_key.rekey_clinical_data(batch_size=2)
        steps.append((progress.reencrypted, progress.remaining, progress.retired))
        if progress.done:
            break
    assert steps == [(2, 3, ()), (2, 1, ()), (1, 0, (old_generation,))]
    again = durand.clinical_key.rekey_clinical_data(batch_size=2)  # idempotent
    assert (again.reencrypted, again.remaining, again.retired) == (0, 0, ())
    assert _generations(durand, probe) == {new_generation}
    assert _read_all(durand, probe) == {i: f"note {i}" for i in range(1, 6)}
    keystore = _keystore(team)
    assert keystore.retiring_clinical_key_ids == ()
    # Everything the revoked counsellor's key opened is gone from the file.
    with durand.ctx.unit_of_work(AccessMode.READ) as uow:
        rows = uow.session.execute(select(probe.table)).all()
    for row in rows:
        with pytest.raises(Exception):  # noqa: B017 - generation missing
            probe.decrypt(petit_keys, row, row.notes)
    assert [json.loads(e.details)["count"] for e in _events(durand, "clinical_data_rekeyed")] == [
        1,
        2,
        2,
    ]


def test_a_new_recovery_sheet_opens_the_clinical_key_only_once_a_holder_endorses_it(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Attack (c): the administrator knows the new code. Before the endorsements the
    next clinical login sealed the CK to the new recovery slot automatically."""
    admin = team.sessions[0]
    issued = admin.security.issue_recovery_sheet()
    assert not _keystore(team).recovery_holds_clinical_key()  # an admin cannot seal it
    durand.logout()
    durand = team.login("p.durand")  # a holder's login no longer seals it
    keystore = _keystore(team)
    assert not keystore.recovery_holds_clinical_key()
    recovery = keystore.sign_in_recovery(issued.code, now=NOW)
    assert keystore.clinical_keys_for(recovery.slot_key) is None
    assert not durand.clinical_key.recovery_endorsed()
    # A holder who trusts the administrator endorses the new slot explicitly.
    assert durand.clinical_key.endorse_recovery_slot()
    assert not durand.clinical_key.endorse_recovery_slot()  # once
    assert durand.clinical_key.recovery_endorsed()
    keystore = _keystore(team)
    assert keystore.recovery_holds_clinical_key()
    recovery = keystore.sign_in_recovery(issued.code, now=NOW)
    assert keystore.clinical_keys_for(recovery.slot_key) is not None
    assert len(_events(durand, "clinical_recovery_endorsed")) == 1
    for session in (admin, team.login("s.leroy")):
        with pytest.raises(PermissionDenied):
            session.clinical_key.endorse_recovery_slot()


def test_a_secretary_replacing_the_recovery_slot_never_gets_the_clinical_key(
    team: Team, durand: UserSession
) -> None:
    """Attack (a): with the DMK of her own slot she writes a recovery slot of her own."""
    from oiso_desktop.storage import crypto

    keystore = _keystore(team)
    mine = keystore.sign_in("s.leroy", team.passwords["s.leroy"], now=NOW, secret_store=None)
    her_code = crypto.new_recovery_code()
    keystore.set_recovery_slot(her_code, mine.dmk_candidates[0])
    durand.logout()
    durand = team.login("p.durand")  # a clinician logs in after the forgery
    assert durand.clinical_access is ClinicalAccess.GRANTED
    durand.clinical_key.rotate_owed()
    keystore = _keystore(team)
    assert not keystore.recovery_holds_clinical_key()
    hers = keystore.sign_in_recovery(her_code, now=NOW)
    assert keystore.clinical_keys_for(hers.slot_key) is None


def test_a_forged_public_key_in_a_clinical_slot_gets_nothing_from_a_rotation(
    team: Team, durand: UserSession
) -> None:
    """Attack (b): a public key of the forger's in Bernard's slot, then a rotation."""
    from oiso_desktop.storage import crypto

    team.login("p.bernard").logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["p.bernard"])
    path = team.folder / "oiso.keystore"
    data = json.loads(path.read_text("utf-8"))
    private_key, public_key = crypto.new_keypair()
    (slot,) = [s for s in data["slots"] if s["user_id"] == team.ids["p.bernard"]]
    slot["public_key"] = base64.b64encode(public_key).decode("ascii")
    path.write_text(json.dumps(data), "utf-8")
    admin = team.sessions[0]
    old_generation = _keystore(team).clinical_key_id
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)  # a rotation is owed
    new_generation = durand.clinical_key.rotate_owed()
    assert new_generation is not None and new_generation != old_generation
    keystore = _keystore(team)
    assert keystore.clinical_key_id == new_generation
    assert keystore.clinical_key_holders(any_generation=True) == (team.ids["p.durand"],)
    forged = keystore.clinical_keys_for(SlotKey(team.ids["p.bernard"], private_key))
    assert forged is None
    assert keystore.recovery_holds_clinical_key()  # endorsed at creation
    (refused,) = _events(durand, "clinical_key_refused")
    assert json.loads(refused.details) == {"slot": f"user:{team.ids['p.bernard']}"}


def test_a_revocation_owes_a_rotation_performed_at_the_next_holder_login(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    admin = team.sessions[0]
    team.login("c.petit").logout()
    durand.clinical_key.approve(team.ids["c.petit"])
    _write(durand, probe, 1, MARKER)
    old_generation = _keystore(team).clinical_key_id
    durand.logout()
    try:  # the DMK re-key may wait for the other sessions (rekey_pending)
        admin.users.revoke(team.ids["c.petit"])
    except StorageError as pending:
        assert pending.code == "rekey_pending"
    keystore = _keystore(team)
    assert keystore.clinical_key_id == old_generation  # the admin's process made none
    assert keystore.clinical_rotation_owed == ("user_revoked",)
    assert keystore.clinical_key_holders(any_generation=True) == (team.ids["p.durand"],)
    assert admin.clinical_key.rotation_owed()
    durand = team.login("p.durand")
    keystore = _keystore(team)
    assert keystore.clinical_key_id != old_generation
    assert keystore.clinical_rotation_owed == ()
    assert keystore.recovery_holds_clinical_key()
    assert keystore.clinical_key_holders() == (team.ids["p.durand"],)
    assert _read_all(durand, probe) == {1: MARKER}
    assert len(_events(durand, "clinical_key_rotated")) == 1


def test_a_key_file_from_before_endorsements_trusts_its_holders_on_first_use(
    team: Team, durand: UserSession
) -> None:
    path = team.folder / "oiso.keystore"
    data = json.loads(path.read_text("utf-8"))
    del data["clinical"]["endorsements"]
    for slot in [*data["slots"], data["recovery"]]:
        for box in slot.get("ck", {}).values():
            box.pop("endorsement", None)
    path.write_text(json.dumps(data), "utf-8")
    assert not _keystore(team).endorsements_migrated
    durand.logout()
    durand = team.login("p.durand")
    keystore = _keystore(team)
    assert keystore.endorsements_migrated
    assert durand.clinical_key.recovery_endorsed()
    (migrated,) = _events(durand, "clinical_key_endorsements_migrated")
    assert json.loads(migrated.details) == {"count": 2}  # Durand's slot and the recovery slot
    # The endorsements now carry the next rotation.
    _demote(team.sessions[0], team.ids["c.petit"], Role.SECRETARY)
    durand.clinical_key.rotate_owed()
    assert _keystore(team).clinical_key_holders() == (team.ids["p.durand"],)
    assert not _events(durand, "clinical_key_refused")


def test_a_new_sheet_is_refused_while_only_the_recovery_code_holds_used_data(
    team: Team, durand: UserSession, probe: EncryptedColumn, code: str
) -> None:
    admin = team.sessions[0]
    _write(durand, probe, 1, MARKER)
    durand.logout()
    admin.users.revoke(team.ids["p.durand"])  # the recovery slot is now the only holder
    with pytest.raises(ValidationError) as refused:
        admin.security.issue_recovery_sheet()
    assert refused.value.code == "clinical_key_only_in_recovery"
    # The current code still approves the next practitioner, who reads the data.
    bernard = team.login("p.bernard")
    bernard.clinical_key.approve_with_recovery_code(team.ids["p.bernard"], code)
    assert _read_all(bernard, probe) == {1: MARKER}


def test_a_new_sheet_of_an_unused_database_gets_a_fresh_clinical_key(team: Team) -> None:
    admin = team.sessions[0]
    before = _keystore(team).clinical_key_id
    issued = admin.security.issue_recovery_sheet()
    # Changed with the endorsements: the administrator's process generates no CK;
    # the unused one is forgotten and the approval with the new code makes one.
    assert _keystore(team).clinical_key_id is None
    durand = team.login("p.durand")
    durand.clinical_key.approve_with_recovery_code(team.ids["p.durand"], issued.code)
    assert durand.clinical_access is ClinicalAccess.GRANTED
    keystore = _keystore(team)
    assert keystore.recovery_holds_clinical_key() and keystore.clinical_key_id != before


# ---------------------------------------------------------------- what the DMK reveals


def _scan_every_row(db_path: Path, dmk: bytes, needles: list[bytes]) -> int:
    """Open the file as an account holder would, outside the app; scan every value."""
    connection = dbapi2.connect(str(db_path))
    try:
        connection.execute(f"PRAGMA key = \"x'{dmk.hex()}'\"")
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        assert "clinical_probe" in tables and "patients" in tables
        scanned = 0
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    raw = value if isinstance(value, bytes) else str(value).encode()
                    for needle in needles:
                        assert needle not in raw, f"clear clinical text in {table}"
                    scanned += 1
        return scanned
    finally:
        connection.close()


def test_an_administrator_opening_the_file_with_the_dmk_never_sees_clinical_text(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    _write(durand, probe, 1, MARKER)
    assert _read_all(durand, probe) == {1: MARKER}
    durand.logout()
    keystore = _keystore(team)
    result = keystore.sign_in("admin", team.passwords["admin"], now=NOW, secret_store=None)
    assert keystore.clinical_keys_for(result.slot_key) is None
    (dmk,) = result.dmk_candidates
    needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), b"ZEBRE-7F3A"]
    assert _scan_every_row(team.folder / "oiso.db", dmk, needles) > 50
    for path in team.folder.iterdir():  # nor any file of the folder
        if path.is_file():
            assert b"ZEBRE-7F3A" not in path.read_bytes()


# ---------------------------------------------------------------- session life


def test_the_clinical_key_is_never_shown_and_is_forgotten_at_logout(
    team: Team, durand: UserSession
) -> None:
    keys = durand.ctx.clinical
    assert keys is not None
    secret = keys.key(keys.current_id).hex()
    for text in (repr(durand.ctx), str(durand.ctx), repr(keys), repr(durand)):
        assert secret not in text
    durand.logout()
    assert durand.ctx.clinical is None and keys.forgotten
    assert durand.clinical_access is ClinicalAccess.NOT_APPLICABLE


def test_an_older_database_gets_no_clinical_key_from_an_administrator_login(
    created_db,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    path = created_db.folder / "oiso.keystore"
    data = json.loads(path.read_text("utf-8"))
    data["version"] = 2
    del data["clinical"]
    del data["recovery"]["ck"]
    path.write_text(json.dumps(data), "utf-8")
    session = auth.login("admin", created_db.admin_password)
    try:
        # Changed with the endorsements: an administrator's login generates no CK;
        # the first approval with the recovery code makes it (test above).
        keystore = Keystore.load(path)
        assert keystore.clinical_key_id is None
        assert keystore.clinical_key_holders() == ()
    finally:
        session.logout()


def test_the_demo_grants_the_clinical_key_to_its_clinical_accounts(tmp_path: Path) -> None:
    accounts = create_demo_database(tmp_path / "demo", patients=0)
    from oiso_desktop.services.auth_service import AuthService

    auth = AuthService(accounts.folder, secret_store=MemorySecretStore())
    expected = {
        Role.ADMIN: ClinicalAccess.NOT_APPLICABLE,
        Role.PRACTITIONER: ClinicalAccess.GRANTED,
        Role.GENETIC_COUNSELLOR: ClinicalAccess.GRANTED,
        Role.SECRETARY: ClinicalAccess.NOT_APPLICABLE,
    }
    for account in accounts.accounts:
        session = auth.login(account.login, account.password)
        try:
            assert session.clinical_access is expected[account.role], account.login
        finally:
            session.logout()


def test_a_key_file_copied_by_the_admin_with_a_one_time_password_never_opens_the_ck(
    team: Team, code: str
) -> None:
    """Third review: the admin saw the one-time password and could copy the key file;
    the user's key pair stayed the same after their own password, so every later
    clinical key sealed to it opened with the admin's copy."""
    from oiso_desktop.storage.keystore import Keystore, SlotKey
    from oiso_desktop.storage.secret_store import MemorySecretStore

    one_time = team.passwords["p.durand"]
    copy = team.folder.parent / "copie-admin.keystore"
    shutil.copy(team.folder / "oiso.keystore", copy)
    durand = team.login("p.durand")  # replaces the one-time password: a fresh key pair
    durand.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    assert durand.clinical_access.value == "granted"
    old = Keystore.load(copy).unlock_user("p.durand", one_time, MemorySecretStore())
    live = Keystore.load(team.folder / "oiso.keystore")
    stolen = SlotKey(team.ids["p.durand"], old.private_key)
    assert live.clinical_keys_for(stolen) is None  # not the key pair of the slot any more
    # And a slot still under an administrator's password is never approved.
    second = team.auth.login("p.bernard", team.passwords["p.bernard"])
    team.sessions.append(second)
    with pytest.raises(ValidationError) as info:
        durand.clinical_key.approve(team.ids["p.bernard"])
    assert info.value.code == "clinical_approval_password_pending"
