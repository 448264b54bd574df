"""The clinical key's generation chain against an account holder who rewrites the files.

Every account holder holds the DMK and can rewrite the key file and the database.
These tests play such a person with nothing but the files and the library: a key of
their own substituted for the clinical key, a fork from a generation they once
held, a replayed trust-on-first-use migration. A holder's session must refuse each
one (a French StorageError, an event), never encrypt with the offered key, and the
legitimate paths (rotation, approval, recovery code, older key files) must still work.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from clinical_helpers import (
    MARKER,
    NOW,
    append_event,
    details,
    edit_event_in_place,
    events,
    forge_clinical_key,
    generations,
    legacy_recovery_box,
    probe_column,
    read_all,
    read_json,
    rewrite_log,
    write,
    write_json,
)
from service_helpers import Team

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_key_service import ClinicalAccess, generation_details
from oiso_desktop.services.dto import UserInput
from oiso_desktop.storage import crypto
from oiso_desktop.storage.clinical_chain import anchor_of, chain_records
from oiso_desktop.storage.field_crypto import (
    ClinicalKeys,
    EncryptedColumn,
    clinical_key_id,
    new_clinical_key,
    register_metadata,
    unregister_metadata,
)
from oiso_desktop.storage.keystore import VERSION, Keystore, SlotKey

SUBSTITUTION = "clinical_key_substitution_refused"
MIGRATION_REFUSED = "clinical_key_migration_refused"


@pytest.fixture
def probe() -> Iterator[EncryptedColumn]:
    metadata, column = probe_column()
    register_metadata(metadata)
    yield column
    unregister_metadata(metadata)


@pytest.fixture
def code(created_db) -> str:  # type: ignore[no-untyped-def]
    return str(created_db.recovery_code)


@pytest.fixture
def durand(team: Team, code: str) -> UserSession:
    """The first practitioner, approved with the recovery code."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    return session


def _keystore(team: Team) -> Keystore:
    return Keystore.load(team.folder / "oiso.keystore")


def _slot(data: dict[str, Any], team: Team, login: str) -> dict[str, Any]:
    (slot,) = [s for s in data["slots"] if s["user_id"] == team.ids[login]]
    return slot


def _admin(team: Team) -> UserSession:
    return team.sessions[0]


def _demote(admin: UserSession, user_id: int, role: Role) -> None:
    view = admin.users.get_user(user_id)
    data = UserInput(
        login=view.login,
        first_name=view.first_name,
        last_name=view.last_name,
        role=role,
        rpps=view.rpps,
        adeli=view.adeli,
    )
    admin.users.update_user(user_id, data, expected_version=view.version)


def _approved(team: Team, approver: UserSession, login: str) -> None:
    """``login`` chooses their own password (first login), then ``approver`` approves."""
    team.login(login).logout()
    approver.clinical_key.approve(team.ids[login])


def _relogin(team: Team, session: UserSession, login: str) -> UserSession:
    session.logout()
    return team.login(login)


def _alert(session: UserSession) -> StorageError:
    alert = session.clinical_key_alert
    assert isinstance(alert, StorageError)
    return alert


def _refused_use(session: UserSession, probe: EncryptedColumn, row_id: int) -> StorageError:
    """A save through the session is refused; the error is returned."""
    with pytest.raises(StorageError) as refused:
        write(session, probe, row_id, "ne doit jamais être chiffré")
    return refused.value


# ------------------------------------------------------------------ key substitution


def test_a_key_of_ones_own_written_into_the_key_file_is_refused_and_never_used(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """The secretary writes a clinical section and boxes of a key of her own (the
    key file and the library are all she needs): Durand's running session and his
    next login refuse it, and no value is ever encrypted with it."""
    admin = _admin(team)
    write(durand, probe, 1, MARKER)
    genuine = _keystore(team).clinical_key_id
    pin = _slot(read_json(team), team, "p.durand")["ck_pin"]
    assert pin["generation"] == genuine  # his session pinned what it verified
    forged = forge_clinical_key(team, seal_to=[team.ids["p.durand"]], strip_pins=False)
    # The open session still trusts what it verified: the file's key does not chain to it.
    refused = _refused_use(durand, probe, 2)
    assert refused.code == "clinical_key_forged"
    assert refused.params["reason"] == "not_chained"
    assert "substituée" in str(refused)
    assert "substitu" in error_text(refused)  # its text in the GUI (English or French)
    assert generations(admin, probe) == {genuine}
    # A new login: its pin refuses it too; the session holds no key at all.
    durand = _relogin(team, durand, "p.durand")
    assert _alert(durand).code == "clinical_key_forged"
    assert durand.ctx.clinical is None
    with pytest.raises(StorageError):
        _ = durand.clinical_access
    assert _refused_use(durand, probe, 3).code == "clinical_key_forged"
    assert generations(admin, probe) == {genuine}
    logged = events(admin, SUBSTITUTION)
    assert logged and {details(e)["generation"] for e in logged} == {clinical_key_id(forged)}
    assert {details(e)["reason"] for e in logged} == {"not_chained"}
    # One event per session and reason, not one per call.
    assert len(logged) == 2


def test_a_stripped_pin_falls_back_on_the_event_log_which_refuses_the_forgery(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """The pins removed with the forgery: the session checks the chain against the
    start the event log recorded (the genesis made with the database)."""
    write(durand, probe, 1, MARKER)
    durand.logout()
    forge_clinical_key(team, seal_to=[team.ids["p.durand"]])
    assert "ck_pin" not in _slot(read_json(team), team, "p.durand")
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "history_mismatch"
    assert _refused_use(durand, probe, 2).code == "clinical_key_forged"


def test_a_creation_event_appended_for_the_forged_key_does_not_cover_existing_data(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """The log has no secret: the forger appends a `clinical_key_created` event of her
    key, correctly chained. A new start counts only while no clinical value is
    encrypted outside it, and here Durand's data are."""
    write(durand, probe, 1, MARKER)
    genuine = _keystore(team).clinical_key_id
    durand.logout()
    forged = forge_clinical_key(team, seal_to=[team.ids["p.durand"]])
    append_event(team, "clinical_key_created", generation_details(anchor_of(forged)))
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "new_genesis_over_data"
    assert _refused_use(durand, probe, 2).code == "clinical_key_forged"
    assert generations(_admin(team), probe) == {genuine}


def test_a_pin_written_by_someone_else_counts_for_nothing(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """A pin is an HMAC under a key only the slot's owner derives: one written by the
    forger (naming her key) is ignored, and the log refuses her key."""
    write(durand, probe, 1, MARKER)
    durand.logout()
    forged = forge_clinical_key(team, seal_to=[team.ids["p.durand"]])
    data = read_json(team)
    anchor = anchor_of(forged)
    _slot(data, team, "p.durand")["ck_pin"] = {
        "generation": anchor.generation,
        "verify_key": anchor.verify_key,
        "mac": base64.b64encode(b"\0" * 32).decode("ascii"),
    }
    write_json(team, data)
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "history_mismatch"


def test_an_event_edited_in_place_to_name_the_forged_key_is_refused(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    write(durand, probe, 1, MARKER)
    durand.logout()
    forged = anchor_of(forge_clinical_key(team, seal_to=[team.ids["p.durand"]]))

    def name_forged(values: dict[str, object]) -> None:
        values.update(generation=forged.generation, verify_key=forged.verify_key)

    edit_event_in_place(team, "clinical_key_created", name_forged)
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "event_altered"


def test_a_pinned_holder_refuses_a_forgery_the_whole_log_was_rewritten_for(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Even a consistent rewrite of the whole log (what the DMK allows) does not move
    a holder whose pin names the genuine generation."""
    durand.logout()
    forged = anchor_of(forge_clinical_key(team, seal_to=[team.ids["p.durand"]], strip_pins=False))

    def swap(record: dict[str, object]) -> dict[str, object]:
        if record["action"] == "clinical_key_created":
            record = {**record, "details": _json(generation_details(forged))}
        return record

    rewrite_log(team, swap)
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "not_chained"


def _json(values: dict[str, object]) -> str:
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# ------------------------------------------------------------------ newly approved accounts


def test_a_newly_approved_account_holding_only_a_later_generation_checks_it_against_the_log(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Bernard is approved after a rotation whose old generation is retired: his slot
    holds only generation N+1 and no pin. His first session chains it to the
    genesis the event log recorded (signatures need no retired key), then pins it."""
    admin = _admin(team)
    _approved(team, durand, "c.petit")
    write(durand, probe, 1, MARKER)
    first = _keystore(team).clinical_key_id
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    second = durand.clinical_key.rotate_owed()
    assert second is not None and second != first
    assert durand.clinical_key.rekey_clinical_data().retired == (first,)
    _approved(team, durand, "p.bernard")
    slot = _slot(read_json(team), team, "p.bernard")
    assert set(slot["ck"]) == {second} and "ck_pin" not in slot
    assert [a.generation for a in _keystore(team).clinical_chain()] == [first, second]
    bernard = team.login("p.bernard")
    assert bernard.clinical_key_alert is None
    assert bernard.clinical_access is ClinicalAccess.GRANTED
    assert read_all(bernard, probe) == {1: MARKER}
    assert _slot(read_json(team), team, "p.bernard")["ck_pin"]["generation"] == second


def test_a_newly_approved_account_refuses_a_key_substituted_before_its_first_login(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    write(durand, probe, 1, MARKER)
    _approved(team, durand, "p.bernard")
    forge_clinical_key(team, seal_to=[team.ids["p.bernard"]])
    bernard = team.login("p.bernard")
    assert _alert(bernard).params["reason"] == "history_mismatch"
    assert bernard.ctx.clinical is None
    assert _refused_use(bernard, probe, 2).code == "clinical_key_forged"


# ------------------------------------------------------------------ a former holder's fork


def test_a_former_holder_cannot_fork_the_chain_from_a_generation_she_held(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Petit held generation N before she became a secretary (her own copy of it):
    she signs a generation X of her own after N. The rotation to N+1 is in the log,
    so neither a pinned holder nor one whose pin she stripped accepts X."""
    admin = _admin(team)
    _approved(team, durand, "c.petit")
    write(durand, probe, 1, MARKER)
    keystore = _keystore(team)
    result = keystore.sign_in("c.petit", team.passwords["c.petit"], now=NOW, secret_store=None)
    kept = keystore.clinical_keys_for(result.slot_key)  # what she could read, kept
    assert kept is not None
    old = kept.key(kept.current_id)
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    assert durand.clinical_key.rotate_owed() is not None
    durand = _relogin(team, durand, "p.durand")  # pins N+1
    for strip_pin, reason in ((False, "not_chained"), (True, "history_mismatch")):
        mine = new_clinical_key()
        data = read_json(team)
        section = data["clinical"]
        section["chain"] = section["chain"][:1] + chain_records(
            data["database_uuid"], [mine], previous=old
        )
        section["clinical_key_id"] = clinical_key_id(mine)
        section["retiring_clinical_key_ids"] = [kept.current_id]
        if strip_pin:
            _slot(data, team, "p.durand").pop("ck_pin")
        write_json(team, data)
        forged = ClinicalKeys(
            clinical_key_id(mine), {clinical_key_id(mine): mine, **dict(kept.items())}
        )
        _keystore(team).grant_clinical_key(team.ids["p.durand"], forged)
        durand = _relogin(team, durand, "p.durand")
        assert _alert(durand).params["reason"] == reason
        assert _refused_use(durand, probe, 2).code == "clinical_key_forged"


def test_a_key_file_put_back_from_a_copy_made_before_the_rotation_is_refused(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Petit copies the key file while she holds generation N; after her role is
    removed and the key rotated, she puts the copy back (no re-key: it still opens
    the database). Its pins name N, as its current generation does: the last
    generation the log recorded (N+1) refuses it."""
    admin = _admin(team)
    _approved(team, durand, "c.petit")
    write(durand, probe, 1, MARKER)
    durand = _relogin(team, durand, "p.durand")  # his pin in the copy names generation N
    copy = read_json(team)
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    assert durand.clinical_key.rotate_owed() is not None
    write(durand, probe, 2, "après la rotation")
    before = generations(admin, probe)
    durand.logout()
    write_json(team, copy)
    durand = team.login("p.durand")
    assert _alert(durand).params["reason"] == "history_mismatch"
    assert _refused_use(durand, probe, 3).code == "clinical_key_forged"
    assert generations(admin, probe) == before  # nothing written under the old generation


# ------------------------------------------------------------------ the recovery slot


def test_the_recovery_code_grants_only_the_key_pinned_in_its_slot(team: Team, code: str) -> None:
    """Before any approval only the recovery slot holds the key. The forger seals a
    key of hers to it and appends its creation event: the recovery slot's box pins
    the genuine generation (only the code rewrites it), so the first approval refuses."""
    admin = _admin(team)
    genuine = _keystore(team).clinical_key_id
    forged = forge_clinical_key(team, seal_to=[])
    append_event(team, "clinical_key_created", generation_details(anchor_of(forged)))
    durand = team.login("p.durand")
    with pytest.raises(StorageError) as refused:
        durand.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    assert refused.value.code == "clinical_key_forged"
    assert refused.value.params["reason"] == "not_chained"
    assert _keystore(team).clinical_key_holders() == ()
    (logged,) = events(admin, SUBSTITUTION)  # written after the approval rolled back
    assert details(logged) == {"reason": "not_chained", "generation": clinical_key_id(forged)}
    assert genuine != clinical_key_id(forged)


def test_a_new_sheet_pins_the_key_of_the_moment_and_the_approval_after_it_works(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """A new recovery sheet (the administrator) pins the current generation in the new
    slot; once a holder endorses it, its code opens the key after a rotation too."""
    admin = _admin(team)
    write(durand, probe, 1, MARKER)
    issued = admin.security.issue_recovery_sheet()
    assert durand.clinical_key.endorse_recovery_slot()
    _approved(team, durand, "c.petit")
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    durand.clinical_key.rotate_owed()
    durand.logout()
    admin.users.revoke(team.ids["p.durand"])  # the recovery code is the only holder now
    bernard = team.login("p.bernard")
    bernard.clinical_key.approve_with_recovery_code(team.ids["p.bernard"], issued.code)
    assert read_all(bernard, probe) == {1: MARKER}
    assert not events(admin, SUBSTITUTION)


# ------------------------------------------------------------------ replayed migrations


def _strip_endorsements(team: Team) -> None:
    data = read_json(team)
    del data["clinical"]["endorsements"]
    for slot in [*data["slots"], data["recovery"]]:
        for box in slot.get("ck", {}).values():
            box.pop("endorsement", None)
    write_json(team, data)


def test_a_stripped_endorsement_mark_is_not_trusted_on_first_use_again(
    team: Team, durand: UserSession
) -> None:
    """The endorsements were migrated once (trust on first use). Then the secretary
    puts a public key of hers in Bernard's slot, and strips the mark and the
    endorsements so that the next holder trusts the slots as they are: the verified
    log shows the migration already happened, so nothing is endorsed; the rotation
    then refuses her key, and Durand keeps the clinical key."""
    admin = _admin(team)
    _approved(team, durand, "p.bernard")
    _approved(team, durand, "c.petit")
    _strip_endorsements(team)
    durand = _relogin(team, durand, "p.durand")
    assert durand.clinical_key_alert is None
    (migrated,) = events(admin, "clinical_key_endorsements_migrated")
    assert details(migrated) == {"count": 4}  # Durand, Bernard, Petit, the recovery slot
    # The replay.
    private_key, public_key = crypto.new_keypair()
    _strip_endorsements(team)
    data = read_json(team)
    _slot(data, team, "p.bernard")["public_key"] = base64.b64encode(public_key).decode("ascii")
    write_json(team, data)
    durand = _relogin(team, durand, "p.durand")
    alert = _alert(durand)
    assert alert.code == "clinical_key_migration_refused"
    assert alert.params == {"mark": "endorsements", "reason": "replayed"}
    assert error_text(alert) in (
        str(alert),  # the French translation is the service's message
        "Trust marks of the clinical key are missing from the key file although the event "
        "log shows they were set (or cannot show they were not): nobody is trusted anew "
        "and the key is not renewed. Tell the administrator.",
    )
    (refusal,) = events(admin, MIGRATION_REFUSED)
    assert details(refusal) == {"mark": "endorsements", "reason": "replayed"}
    assert len(events(admin, "clinical_key_endorsements_migrated")) == 1
    keystore = _keystore(team)
    assert keystore.endorsements_migrated  # the mark is back, nobody endorsed anew
    # The next rotation: only Durand (whose session proved its own key) keeps the key.
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    assert durand.clinical_key.rotate_owed() is not None
    keystore = _keystore(team)
    assert keystore.clinical_key_holders() == (team.ids["p.durand"],)
    assert keystore.clinical_keys_for(SlotKey(team.ids["p.bernard"], private_key)) is None
    refused = {details(e)["slot"] for e in events(admin, "clinical_key_refused")}
    assert f"user:{team.ids['p.bernard']}" in refused
    assert durand.clinical_access is ClinicalAccess.GRANTED


def test_a_stripped_chain_is_not_adopted_again(
    team: Team, durand: UserSession, probe: EncryptedColumn
) -> None:
    """Without its chain the file looks older than the chain; but the verified log
    holds the start of the chain: the adoption (trust on first use) is refused."""
    admin = _admin(team)
    write(durand, probe, 1, MARKER)
    durand.logout()
    data = read_json(team)
    del data["clinical"]["chain"]
    for slot in data["slots"]:
        slot.pop("ck_pin", None)
    write_json(team, data)
    durand = team.login("p.durand")
    alert = _alert(durand)
    assert alert.code == "clinical_key_migration_refused"
    assert alert.params == {"mark": "chain", "reason": "replayed"}
    assert durand.ctx.clinical is None
    # Every save tries the adoption again, and is refused again.
    assert _refused_use(durand, probe, 2).code == "clinical_key_migration_refused"
    assert not _keystore(team).has_clinical_chain
    assert details(events(admin, MIGRATION_REFUSED)[0]) == {"mark": "chain", "reason": "replayed"}


# ------------------------------------------------------------------ older key files


def _as_version_3(team: Team, code: str) -> None:
    """The files as version 3 left them: no chain, no pins, a recovery box of 32 bytes,
    no endorsement mark nor endorsements, and no creation event in the log."""
    legacy_recovery_box(team, code)
    _strip_endorsements(team)
    data = read_json(team)
    data["version"] = 3
    del data["clinical"]["chain"]
    for slot in data["slots"]:
        slot.pop("ck_pin", None)
    write_json(team, data)
    rewrite_log(team, lambda r: None if r["action"] == "clinical_key_created" else r)


def test_a_key_file_from_before_the_chain_is_adopted_once_by_its_first_holder(
    team: Team, durand: UserSession, probe: EncryptedColumn, code: str
) -> None:
    admin = _admin(team)
    write(durand, probe, 1, MARKER)
    generation = _keystore(team).clinical_key_id
    durand.logout()
    _as_version_3(team, code)
    assert _admin(team).events.verify().ok  # the log is intact, only older
    durand = team.login("p.durand")
    assert durand.clinical_key_alert is None
    assert durand.clinical_access is ClinicalAccess.GRANTED
    assert read_all(durand, probe) == {1: MARKER}
    (adopted,) = events(admin, "clinical_key_chain_migrated")
    assert details(adopted)["generation"] == generation
    assert details(adopted)["earlier"] == []
    assert len(events(admin, "clinical_key_endorsements_migrated")) == 1
    data = read_json(team)
    assert data["version"] == VERSION
    assert _slot(data, team, "p.durand")["ck_pin"]["generation"] == generation
    # Then everything goes on: a colleague approved, a rotation, new data.
    _approved(team, durand, "p.bernard")
    _approved(team, durand, "c.petit")
    _demote(admin, team.ids["c.petit"], Role.SECRETARY)
    assert durand.clinical_key.rotate_owed() is not None
    write(durand, probe, 2, "après la rotation")
    bernard = team.login("p.bernard")
    assert bernard.clinical_key_alert is None
    assert read_all(bernard, probe) == {1: MARKER, 2: "après la rotation"}
    assert not events(admin, SUBSTITUTION) and not events(admin, MIGRATION_REFUSED)


def test_a_key_file_from_before_the_chain_held_only_by_the_recovery_code_is_adopted_by_it(
    team: Team, code: str, probe: EncryptedColumn
) -> None:
    admin = _admin(team)
    _as_version_3(team, code)
    durand = team.login("p.durand")
    durand.clinical_key.approve_with_recovery_code(team.ids["p.durand"], code)
    assert durand.clinical_access is ClinicalAccess.GRANTED
    write(durand, probe, 1, MARKER)
    assert read_all(durand, probe) == {1: MARKER}
    (adopted,) = events(admin, "clinical_key_chain_migrated")
    assert details(adopted)["generation"] == _keystore(team).clinical_key_id
