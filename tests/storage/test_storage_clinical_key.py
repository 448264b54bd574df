"""The clinical key (CK): field encryption and its keystore section, on real files."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.exc import StatementError
from storage_helpers import ADMIN_PASSWORD, USER_PASSWORD, Folder

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.storage.clinical_chain import anchor_of
from oiso_desktop.storage.field_crypto import (
    ClinicalCiphertext,
    ClinicalKeys,
    EncryptedColumn,
    clinical_key_id,
    decrypt_field,
    encrypt_field,
    encrypted_columns,
    field_generation,
    new_clinical_key,
    register_metadata,
    unregister_metadata,
)
from oiso_desktop.storage.keystore import VERSION, Keystore, SlotKey
from oiso_desktop.storage.secret_store import MemorySecretStore

SECRET = "BRCA2 c.5946delT, mère et tante".encode()


def _keys(*cks: bytes) -> ClinicalKeys:
    return ClinicalKeys(clinical_key_id(cks[0]), {clinical_key_id(ck): ck for ck in cks})


def _holder(keystore: Keystore, login: str, password: str) -> SlotKey:
    slot = keystore.unlock_user(login, password, MemorySecretStore())
    return SlotKey(slot.user_id, slot.private_key)


# ------------------------------------------------------------------ field encryption


def test_a_field_round_trips_and_records_its_generation() -> None:
    ck = new_clinical_key()
    generation = clinical_key_id(ck)
    blob = encrypt_field(generation, ck, "history", "12", "notes", SECRET)
    assert blob[0] == 1 and field_generation(blob) == generation
    assert SECRET not in blob
    assert decrypt_field({generation: ck}, "history", "12", "notes", blob) == SECRET
    # Random nonce: the same value never gives the same ciphertext.
    assert encrypt_field(generation, ck, "history", "12", "notes", SECRET) != blob


@pytest.mark.parametrize(
    ("table", "row_key", "column"),
    [("history", "13", "notes"), ("history", "12", "surgery"), ("family", "12", "notes")],
)
def test_a_ciphertext_moved_to_another_row_column_or_table_is_refused(
    table: str, row_key: str, column: str
) -> None:
    ck = new_clinical_key()
    blob = encrypt_field(clinical_key_id(ck), ck, "history", "12", "notes", SECRET)
    with pytest.raises(StorageError) as info:
        decrypt_field({clinical_key_id(ck): ck}, table, row_key, column, blob)
    assert info.value.code == "clinical_field_unreadable"


def test_a_wrong_or_missing_generation_is_refused() -> None:
    old, new = new_clinical_key(), new_clinical_key()
    blob = encrypt_field(clinical_key_id(old), old, "history", 1, "notes", SECRET)
    with pytest.raises(StorageError) as missing:
        _keys(new).decrypt("history", 1, "notes", blob)
    assert missing.value.code == "clinical_key_generation_missing"
    # A header rewritten to claim the other generation fails authentication.
    forged = bytes([1]) + bytes.fromhex(clinical_key_id(new)) + blob[9:]
    with pytest.raises(StorageError) as forged_info:
        _keys(new).decrypt("history", 1, "notes", forged)
    assert forged_info.value.code == "clinical_field_unreadable"
    with pytest.raises(StorageError):  # the right generation id, the wrong key
        decrypt_field({clinical_key_id(old): new}, "history", 1, "notes", blob)
    with pytest.raises(ValueError):
        encrypt_field(clinical_key_id(old), new, "history", 1, "notes", SECRET)


def test_both_generations_read_during_a_rotation_and_the_new_one_writes() -> None:
    old, new = new_clinical_key(), new_clinical_key()
    before = _keys(old).encrypt("history", 1, "notes", b"avant")
    during = _keys(new, old)
    after = during.encrypt("history", 2, "notes", b"apres")
    assert field_generation(after) == clinical_key_id(new)
    assert during.decrypt("history", 1, "notes", before) == b"avant"
    assert during.decrypt("history", 2, "notes", after) == b"apres"
    text = repr(during)
    assert old.hex() not in text and new.hex() not in text
    during.forget()
    assert during.forgotten
    with pytest.raises(StorageError):
        during.decrypt("history", 2, "notes", after)


@pytest.fixture
def probe_table(folder: Folder) -> Iterator[Table]:
    metadata = MetaData()
    table = Table(
        "clinical_probe",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("notes", ClinicalCiphertext),
    )
    register_metadata(metadata)
    yield table
    unregister_metadata(metadata)


def test_the_column_type_stores_only_ciphertexts_and_registers_itself(
    folder: Folder, probe_table: Table
) -> None:
    column = EncryptedColumn(probe_table, "notes")
    assert column in encrypted_columns()
    keys = _keys(new_clinical_key())
    database = folder.login("admin", ADMIN_PASSWORD)
    try:
        with database.engine.begin() as connection:
            probe_table.create(connection)
            with pytest.raises(StatementError) as info:
                connection.execute(insert(probe_table), {"id": 1, "notes": SECRET})
            assert isinstance(info.value.orig, StorageError)
            assert info.value.orig.code == "clinical_field_not_encrypted"
            sealed = column.encrypt(keys, {"id": 1}, SECRET)
            connection.execute(insert(probe_table), {"id": 1, "notes": sealed})
            row = connection.execute(select(probe_table)).one()
        assert column.decrypt(keys, row, row.notes) == SECRET
    finally:
        database.dispose()


# ------------------------------------------------------------------ keystore section


def test_a_new_clinical_key_is_sealed_to_the_recovery_slot_only(folder: Folder) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    assert keystore.create_clinical_key(folder.recovery_code) is None  # one CK per database
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    assert data["version"] == VERSION
    chain = data["clinical"].pop("chain")
    assert data["clinical"] == {
        "clinical_key_id": keys.current_id,
        "retiring_clinical_key_ids": [],
        "endorsements": 1,
        "rotation_owed": [],
    }
    # The genesis of the chain: the new generation, signed with its own key.
    assert keystore.clinical_chain() == (anchor_of(keys.key(keys.current_id)),)
    assert [(r["generation"], r["previous"]) for r in chain] == [(keys.current_id, None)]
    assert set(data["recovery"]["ck"]) == {keys.current_id}
    assert all("ck" not in slot for slot in data["slots"])
    assert keys.key(keys.current_id).hex() not in folder.keystore_path.read_text("utf-8")
    for login, password in (("admin", ADMIN_PASSWORD), ("j.dupont", USER_PASSWORD)):
        assert keystore.clinical_keys_for(_holder(keystore, login, password)) is None
    recovery = keystore.sign_in_recovery(folder.recovery_code, now=_now())
    opened = keystore.clinical_keys_for(recovery.slot_key)
    assert opened is not None and opened.key(keys.current_id) == keys.key(keys.current_id)
    assert keystore.recovery_holds_clinical_key()


def _now():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_granted_box_opens_only_for_its_slot_and_login(folder: Folder) -> None:
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    keystore.grant_clinical_key(2, keys)
    assert keystore.clinical_key_holders() == (2,)
    dupont = _holder(keystore, "j.dupont", USER_PASSWORD)
    opened = keystore.clinical_keys_for(dupont)
    assert opened is not None and opened.current_id == keys.current_id
    # The box copied into the administrator's slot opens for nobody.
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    data["slots"][0]["ck"] = data["slots"][1]["ck"]
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    assert keystore.clinical_keys_for(_holder(keystore, "admin", ADMIN_PASSWORD)) is None
    # The slot renamed in the file: the login-bound associated data refuses it.
    data["slots"][1]["login"] = "j.dupond"
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    assert keystore.clinical_keys_for(dupont) is None


def test_a_replaced_slot_loses_its_clinical_key(folder: Folder) -> None:
    """A password reset (new key pair) must not hand the CK to whoever reset it."""
    keystore = folder.open().keystore
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    keystore.grant_clinical_key(2, keys)
    keystore.add_user_slot(2, "j.dupont", "Reset-password-55!", folder.dmk)
    assert keystore.clinical_key_holders() == ()
    assert keystore.clinical_keys_for(_holder(keystore, "j.dupont", "Reset-password-55!")) is None


def test_a_rotation_locks_out_the_old_box_and_keeps_both_generations_for_holders(
    folder: Folder, tmp_path: Path
) -> None:
    local = folder.open()
    keystore = local.keystore
    keystore.add_user_slot(3, "c.petit", "Conseil-2468-ok!", folder.dmk)
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    keystore.grant_clinical_key(2, keys)
    keystore.grant_clinical_key(3, keys)
    copy = tmp_path / "old.keystore"
    shutil.copy(folder.keystore_path, copy)  # what the leaving user kept
    new_id, refused = keystore.rotate_clinical_key(keys, keep_user_ids=[1, 2])
    assert refused == ()
    assert keystore.clinical_key_id == new_id != keys.current_id
    assert keystore.retiring_clinical_key_ids == (keys.current_id,)
    assert keystore.clinical_key_holders() == (2,)
    assert keystore.clinical_key_holders(any_generation=True) == (2,)
    assert keystore.recovery_holds_clinical_key()
    kept = keystore.clinical_keys_for(_holder(keystore, "j.dupont", USER_PASSWORD))
    assert kept is not None and set(kept.generations) == {new_id, keys.current_id}
    # The leaving user's copy opens the old generation, never the new one.
    old_store = Keystore.load(copy)
    leaving = _holder(old_store, "c.petit", "Conseil-2468-ok!")
    old_keys = old_store.clinical_keys_for(leaving)
    assert old_keys is not None and old_keys.generations == (keys.current_id,)
    blob = kept.encrypt("history", 1, "notes", SECRET)
    with pytest.raises(StorageError):
        old_keys.decrypt("history", 1, "notes", blob)
    assert keystore.clinical_keys_for(_holder(keystore, "c.petit", "Conseil-2468-ok!")) is None
    # Once the data are re-encrypted, the old generation is forgotten everywhere.
    keystore.retire_clinical_generations([keys.current_id])
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    assert data["clinical"]["retiring_clinical_key_ids"] == []
    assert set(data["slots"][1]["ck"]) == {new_id} and set(data["recovery"]["ck"]) == {new_id}


def test_a_version_2_keystore_opens_and_gets_its_clinical_section(folder: Folder) -> None:
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    data["version"] = 2
    del data["clinical"]
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    keystore = Keystore.load(folder.keystore_path)
    assert keystore.version == 2 and keystore.clinical_key_id is None
    assert keystore.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).dmk_candidates == [
        folder.dmk
    ]
    keys = keystore.create_clinical_key(folder.recovery_code)
    assert keys is not None
    upgraded = json.loads(folder.keystore_path.read_text("utf-8"))
    assert (
        upgraded["version"] == VERSION
        and upgraded["clinical"]["clinical_key_id"] == keys.current_id
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(clinical={"clinical_key_id": "xyz", "retiring_clinical_key_ids": []}),
        lambda d: d["clinical"].update(retiring_clinical_key_ids="none"),
        lambda d: d["recovery"]["ck"].update({"0" * 16: d["recovery"]["ck"].popitem()[1]}),
    ],
)
def test_a_damaged_clinical_section_is_refused(folder: Folder, damage) -> None:  # type: ignore[no-untyped-def]
    keystore = folder.open().keystore
    assert keystore.create_clinical_key(folder.recovery_code) is not None
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    damage(data)
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(StorageError) as info:
        Keystore.load(folder.keystore_path)
    assert info.value.code == "keystore_corrupt"


def _grant_from_recovery(path: str, code: str, user_ids: list[int], q) -> None:  # type: ignore[no-untyped-def]
    """Another process: open the CK with the recovery code, grant it to ``user_ids``."""
    import datetime as dt

    from cheap_kdf import use_cheap_kdf

    use_cheap_kdf()
    keystore = Keystore.load(Path(path))
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    keys = keystore.clinical_keys_for(keystore.sign_in_recovery(code, now=now).slot_key)
    assert keys is not None
    for user_id in user_ids:
        keystore.grant_clinical_key(user_id, keys)
    q.put(sorted(user_ids))


def test_grants_from_two_processes_are_not_lost(folder: Folder) -> None:
    """Every keystore change re-reads the file under its lock: no box erases another."""
    import multiprocessing

    keystore = folder.open().keystore
    for user_id in range(3, 9):
        keystore.add_user_slot(user_id, f"clin{user_id}", f"depart-{user_id}-Ok!", folder.dmk)
    assert keystore.create_clinical_key(folder.recovery_code) is not None
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    groups = [[3, 5, 7], [4, 6, 8]]
    processes = [
        ctx.Process(
            target=_grant_from_recovery,
            args=(str(folder.keystore_path), folder.recovery_code, group, q),
        )
        for group in groups
    ]
    for process in processes:
        process.start()
    done = sorted(q.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(timeout=10)
    assert done == groups
    keystore.reload()
    assert keystore.clinical_key_holders() == (3, 4, 5, 6, 7, 8)
