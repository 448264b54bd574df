"""The chain of clinical-key generations and the pins, on real key files."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json

import pytest
from storage_helpers import USER_PASSWORD, Folder

from oiso_desktop.domain.errors import AuthenticationError, StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.clinical_chain import (
    ChainError,
    GenerationAnchor,
    _link_message,
    _signing_key,
    anchor_of,
    chain_records,
    pin_mac,
    verify_chain_records,
    verify_key_of,
)
from oiso_desktop.storage.field_crypto import ClinicalKeys, clinical_key_id, new_clinical_key
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.secret_store import MemorySecretStore

UUID = "7d3c0a52-0b7e-4d51-9a43-5c1f3b0f2e11"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _keys(ck: bytes) -> ClinicalKeys:
    return ClinicalKeys(clinical_key_id(ck), {clinical_key_id(ck): ck})


def _dupont(keystore: Keystore) -> SlotKey:
    slot = keystore.unlock_user("j.dupont", USER_PASSWORD, MemorySecretStore())
    return SlotKey(slot.user_id, slot.private_key)


# ------------------------------------------------------------------ records


def test_each_generation_is_signed_by_the_one_before_and_checked_without_its_key() -> None:
    first, second, third = new_clinical_key(), new_clinical_key(), new_clinical_key()
    records = chain_records(UUID, [first])
    records += chain_records(UUID, [second, third], previous=first)
    assert [r["previous"] for r in records] == [
        None,
        clinical_key_id(first),
        clinical_key_id(second),
    ]
    # Only public data: the verify keys in the records.
    assert verify_chain_records(UUID, records) == tuple(map(anchor_of, (first, second, third)))
    assert anchor_of(first) == GenerationAnchor(clinical_key_id(first), verify_key_of(first))
    assert verify_key_of(first) != verify_key_of(second)
    assert first.hex() not in json.dumps(records)


def _broken(records: list[dict[str, object]], change) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    damaged = copy.deepcopy(records)
    change(damaged)
    return damaged


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r[1].update(generation=clinical_key_id(new_clinical_key())),
        lambda r: r[1].update(verify_key=verify_key_of(new_clinical_key())),
        lambda r: r[1].update(signature=r[0]["signature"]),
        lambda r: r[1].update(previous=None),
        lambda r: r.reverse(),
        lambda r: r.append(copy.deepcopy(r[1])),
        lambda r: r.clear(),
        lambda r: r[0].update(verify_key="not base64!"),
    ],
)
def test_an_altered_chain_is_refused(change) -> None:  # type: ignore[no-untyped-def]
    first, second = new_clinical_key(), new_clinical_key()
    records = chain_records(UUID, [first, second])
    verify_chain_records(UUID, records)
    with pytest.raises(ChainError):
        verify_chain_records(UUID, _broken(records, change))


def test_a_successor_signed_with_a_key_outside_the_chain_or_another_database_is_refused() -> None:
    first, mine, other = new_clinical_key(), new_clinical_key(), new_clinical_key()
    genuine = chain_records(UUID, [first])
    forged = genuine + chain_records(UUID, [mine], previous=other)
    forged[1]["previous"] = clinical_key_id(first)  # claims to follow the genuine one
    with pytest.raises(ChainError):
        verify_chain_records(UUID, forged)
    with pytest.raises(ChainError):  # a chain copied from another database
        verify_chain_records("another-uuid", genuine)


def test_a_pin_is_bound_to_the_slot_key_the_slot_and_the_generation() -> None:
    anchor = anchor_of(new_clinical_key())
    key, other_key = b"\x01" * 32, b"\x02" * 32
    mac = pin_mac(key, UUID, "user:2|j.dupont", anchor)
    assert mac == pin_mac(key, UUID, "user:2|j.dupont", anchor)
    assert mac != pin_mac(other_key, UUID, "user:2|j.dupont", anchor)
    assert mac != pin_mac(key, UUID, "user:3|j.dupont", anchor)
    assert mac != pin_mac(key, UUID, "user:2|j.dupont", anchor_of(new_clinical_key()))


# ------------------------------------------------------------------ in the key file


def test_a_session_gets_its_keys_only_when_the_chain_reaches_what_it_trusts(
    folder: Folder,
) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    genesis = anchor_of(keys.key(keys.current_id))
    keystore.grant_clinical_key(2, keys)
    dupont = _dupont(keystore)
    verified = keystore.verified_clinical_keys(dupont, [])
    assert verified is not None and verified.root is None and verified.chain == (genesis,)
    assert verified.keys.current_id == keys.current_id
    # Trusting the genesis, a rotation is reached through its signed record.
    new_id, _ = keystore.rotate_clinical_key(keys, keep_user_ids=[2])
    verified = keystore.verified_clinical_keys(dupont, [genesis])
    assert verified is not None and verified.current.generation == new_id
    assert verified.root == genesis and set(verified.keys.generations) == {
        genesis.generation,
        new_id,
    }
    # A generation the chain does not hold is refused.
    with pytest.raises(StorageError) as refused:
        keystore.verified_clinical_keys(dupont, [anchor_of(new_clinical_key())])
    assert refused.value.code == "clinical_key_forged"
    assert refused.value.params["reason"] == "not_chained"
    # The administrator's slot opens nothing: no check, no error.
    admin = keystore.unlock_user("admin", "Correct-horse-42!", MemorySecretStore())
    assert keystore.verified_clinical_keys(SlotKey(1, admin.private_key), []) is None


def test_a_record_naming_the_genuine_generation_with_another_verify_key_is_refused(
    folder: Folder,
) -> None:
    """The forger keeps the generation id of the genuine key but signs with a key of
    her own: the box opens the genuine key, whose verify key is not the record's."""
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    keystore.grant_clinical_key(2, keys)
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    mine = new_clinical_key()
    record = {
        "generation": keys.current_id,
        "verify_key": verify_key_of(mine),
        "previous": None,
    }
    anchor = GenerationAnchor(keys.current_id, verify_key_of(mine))
    signature = _signing_key(mine).sign(_link_message(data["database_uuid"], None, anchor))
    record["signature"] = base64.b64encode(signature).decode("ascii")
    assert verify_chain_records(data["database_uuid"], [record]) == (anchor,)
    data["clinical"]["chain"] = [record]
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(StorageError) as refused:
        keystore.verified_clinical_keys(_dupont(keystore), [])
    assert refused.value.params["reason"] == "key_mismatch"


def test_a_rotation_needs_the_chain_and_the_endorsement_mark(folder: Folder) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    for strip, code in (
        ("endorsements", "clinical_key_migration_refused"),
        ("chain", "clinical_key_forged"),
    ):
        damaged = copy.deepcopy(data)
        del damaged["clinical"][strip]
        folder.keystore_path.write_text(json.dumps(damaged), "utf-8")
        with pytest.raises(StorageError) as refused:
            keystore.rotate_clinical_key(keys, keep_user_ids=[])
        assert refused.value.code == code
        assert keystore.clinical_key_id == keys.current_id  # nothing changed


def test_a_key_file_from_before_the_chain_is_adopted_once(folder: Folder) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    new_id, _ = keystore.rotate_clinical_key(keys, keep_user_ids=[])
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    del data["clinical"]["chain"]
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    keystore.reload()
    assert not keystore.has_clinical_chain
    recovery = keystore.sign_in_recovery(folder.recovery_code, now=NOW).slot_key
    held = keystore.clinical_keys_for(recovery)  # what the slot opens, unchecked
    assert held is not None and set(held.generations) == {keys.current_id, new_id}
    adopted = keystore.adopt_clinical_chain(held)
    assert adopted is not None
    assert [a.generation for a in adopted] == [keys.current_id, new_id]  # oldest first
    assert keystore.adopt_clinical_chain(held) is None  # once
    assert keystore.clinical_chain() == adopted
    keystore.drop_clinical_chain(adopted[:1])  # not the chain written: kept
    assert keystore.has_clinical_chain
    keystore.drop_clinical_chain(adopted)
    assert not keystore.has_clinical_chain


def test_only_the_slot_owner_pins_and_a_dropped_box_takes_the_pin_along(folder: Folder) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    keystore.grant_clinical_key(2, keys)
    dupont = _dupont(keystore)
    anchor = anchor_of(keys.key(keys.current_id))
    assert keystore.clinical_pin(dupont) == (False, None)
    assert keystore.pin_clinical_generation(dupont, anchor)
    assert not keystore.pin_clinical_generation(dupont, anchor)  # unchanged
    assert keystore.clinical_pin(dupont) == (True, anchor)
    # Another key pair (the forger's) neither reads nor writes this pin.
    stranger = SlotKey(2, b"\x07" * 32)
    assert keystore.clinical_pin(stranger) == (False, None)
    assert not keystore.pin_clinical_generation(stranger, anchor)
    keystore.drop_clinical_boxes(2)
    assert "ck_pin" not in keystore.slot_json(2)


def test_the_recovery_slot_pins_in_its_box_what_only_its_code_can_change(
    folder: Folder,
) -> None:
    keystore = folder.open().keystore
    recovery = keystore.sign_in_recovery(folder.recovery_code, now=NOW).slot_key
    assert (recovery.pinned, recovery.pin) == (True, None)  # no clinical key yet
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    anchor = anchor_of(keys.key(keys.current_id))
    recovery = keystore.sign_in_recovery(folder.recovery_code, now=NOW).slot_key
    assert (recovery.pinned, recovery.pin) == (True, anchor)
    assert keystore.clinical_pin(recovery) == (True, anchor)
    text = folder.keystore_path.read_text("utf-8")
    assert anchor.generation not in json.loads(text)["recovery"]["private_key"]["ciphertext"]
    # A new recovery slot pins the generation current when it is made.
    code = crypto.new_recovery_code()
    keystore.set_recovery_slot(code, folder.dmk)
    assert keystore.sign_in_recovery(code, now=NOW).slot_key.pin == anchor
    # Only the code rewrites the pin: making a key (and pinning it) needs the code.
    keystore.forget_clinical_key()
    with pytest.raises(AuthenticationError):
        keystore.create_clinical_key(folder.recovery_code)  # the old code
    made = keystore.create_clinical_key(code)
    assert made is not None
    assert keystore.sign_in_recovery(code, now=NOW).slot_key.pin == anchor_of(
        made.key(made.current_id)
    )
