"""Key slots under concurrency, re-key checks, login-bound associated data, KDF bounds."""

from __future__ import annotations

import base64
import json
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_helpers import ADMIN_PASSWORD, USER_PASSWORD, Folder

from oiso_desktop.domain.errors import AccountLocked, AuthenticationError, StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.keystore import VERSION, Keystore, SlotKey, key_id_of
from oiso_desktop.storage.secret_store import MemorySecretStore
from oiso_desktop.storage.slot_store import JsonFileSlotStore


def _change_password_repeatedly(path: str, login: str, password: str, rounds: int, q) -> None:  # type: ignore[no-untyped-def]
    from cheap_kdf import use_cheap_kdf

    use_cheap_kdf()
    for i in range(rounds):
        ks = Keystore.load(Path(path))
        slot = ks.unlock_user(login, password, MemorySecretStore())
        password = f"{login}-tour-{i}-Xy!"
        ks.set_password(slot.user_id, slot.private_key, password)
    q.put((login, password))


def test_concurrent_password_changes_are_not_lost(folder: Folder) -> None:
    """Each process changes its own user's password; no change may erase another."""
    local = folder.open()
    for user_id in (3, 4, 5):
        local.keystore.add_user_slot(user_id, f"u{user_id}", f"depart-{user_id}", folder.dmk)
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    args = [(str(folder.keystore_path), f"u{i}", f"depart-{i}", 15, q) for i in (3, 4, 5)]
    processes = [ctx.Process(target=_change_password_repeatedly, args=a) for a in args]
    for process in processes:
        process.start()
    final = dict(q.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(timeout=10)
    keystore = Keystore.load(folder.keystore_path)
    for login, password in final.items():
        assert keystore.unlock_user(login, password, MemorySecretStore()).dmk_candidates == [
            folder.dmk
        ]


_HOLD_LOCK = """
import sys, time, filelock
lock = filelock.FileLock(sys.argv[1])
with lock:
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_held_lock_gives_a_clear_french_error_not_a_lost_update(folder: Folder) -> None:
    lock_path = folder.keystore_path.with_name("oiso.keystore.lock")
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(lock_path), "3"], stdout=subprocess.PIPE
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"held"
        before = folder.keystore_path.read_bytes()
        keystore = Keystore(JsonFileSlotStore(folder.keystore_path, lock_timeout=0.3))
        started = time.monotonic()
        with pytest.raises(StorageError) as info:
            keystore.remove_slot(2)
        assert time.monotonic() - started < 2
        assert info.value.code == "keystore_busy"
        assert "occupé par une autre session" in str(info.value)
        assert folder.keystore_path.read_bytes() == before
    finally:
        proc.wait(timeout=10)


def test_commit_rekey_refuses_someone_elses_pending_key(folder: Folder) -> None:
    first, second = crypto.new_dmk(), crypto.new_dmk()
    mine = folder.open().keystore
    mine.begin_rekey(first)
    theirs = folder.open().keystore
    theirs.begin_rekey(second, replace_pending=True)
    with pytest.raises(StorageError) as info:
        mine.commit_rekey(key_id_of(first))
    assert info.value.code == "rekey_mismatch"
    keystore = folder.open().keystore
    assert keystore.pending_key_id == key_id_of(second)
    assert keystore.current_key_id == key_id_of(folder.dmk)
    # A second begin without replace_pending is refused too.
    with pytest.raises(StorageError):
        keystore.begin_rekey(crypto.new_dmk())


def test_a_slot_added_while_a_re_key_is_pending_keeps_access(folder: Folder) -> None:
    local = folder.open()
    admin = local.keystore.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())
    holder = SlotKey(admin.user_id, admin.private_key)
    new_dmk = crypto.new_dmk()
    local.keystore.begin_rekey(new_dmk, drop_user_ids=[2])
    with pytest.raises(StorageError):  # without the pending key: refused, nothing written
        local.keystore.add_user_slot(3, "nouveau", "Mot-de-passe-neuf-1", folder.dmk)
    local.keystore.add_user_slot(3, "nouveau", "Mot-de-passe-neuf-1", None, holder=holder)
    folder.login("admin", ADMIN_PASSWORD).dispose()  # free file: the re-key completes
    keystore = folder.open().keystore
    assert keystore.current_key_id == key_id_of(new_dmk)
    slot = keystore.unlock_user("nouveau", "Mot-de-passe-neuf-1", MemorySecretStore())
    assert slot.dmk_candidates == [new_dmk]


def test_database_rekey_is_verified_and_reports_the_new_key(folder: Folder) -> None:
    database, holder = folder.session("admin", ADMIN_PASSWORD)
    new_dmk = database.rekey(folder.open().keystore, drop_user_ids=[2], holder=holder)
    database.dispose()
    assert folder.open().keystore.current_key_id == key_id_of(new_dmk)
    # A holder whose slot is not in the file cannot re-key: the file keeps its key.
    database, _ = folder.session("admin", ADMIN_PASSWORD)
    stranger = SlotKey(1, crypto.new_keypair()[0])
    with pytest.raises(StorageError) as info:
        database.rekey(folder.open().keystore, drop_user_ids=[], holder=stranger)
    assert info.value.code in {"stale_slot_key", "rekey_unverified", "rekey_pending_key_missing"}
    database.dispose()
    keystore = folder.open().keystore
    assert keystore.current_key_id == key_id_of(new_dmk) and not keystore.rekey_pending
    folder.login("admin", ADMIN_PASSWORD).dispose()


def test_a_renamed_slot_does_not_answer_to_another_login(folder: Folder) -> None:
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    for slot in data["slots"]:
        if slot["login"] == "j.dupont":
            slot["login"] = "mallory"
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    with pytest.raises((AuthenticationError, StorageError)):
        folder.open().keystore.unlock_user("mallory", USER_PASSWORD, MemorySecretStore())


def _downgrade_to_version_1(folder: Folder) -> None:
    """Write the slots as version 1 did: associated data without the login."""
    local = folder.open()
    uuid = local.keystore.database_uuid
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    for slot, password in zip(data["slots"], (ADMIN_PASSWORD, USER_PASSWORD), strict=True):
        private = local.keystore.unlock_user(slot["login"], password, MemorySecretStore())
        salt = crypto.new_salt()
        params = crypto.default_kdf_params()
        key = crypto.derive_key(password, salt, params)
        aad = f"oiso-user-slot|{uuid}|{slot['user_id']}".encode()
        box = crypto.aead_encrypt(key, private.private_key, aad=aad)
        slot["private_key"] = {"salt": base64.b64encode(salt).decode(), "kdf": params.to_dict()}
        slot["private_key"].update(box)
        key_id = key_id_of(folder.dmk)
        sealed = crypto.seal(
            base64.b64decode(slot["public_key"]),
            folder.dmk,
            aad=f"oiso-dmk|{uuid}|user:{slot['user_id']}|{key_id}".encode(),
        )
        slot["dmk"] = {"key_id": key_id, **sealed}
    data["version"] = 1
    data["failures"] = [{"login": "admin", "at": "2026-03-02T09:00:00.000000Z"}]
    folder.keystore_path.write_text(json.dumps(data), "utf-8")


def test_a_version_1_keystore_opens_and_is_upgraded(folder: Folder) -> None:
    import datetime as dt

    _downgrade_to_version_1(folder)
    keystore = folder.open().keystore
    assert keystore.version == 1
    now = dt.datetime(2026, 3, 2, 9, 1, tzinfo=dt.UTC)
    result = keystore.sign_in("admin", ADMIN_PASSWORD, now=now, secret_store=None)
    assert result.dmk_candidates == (folder.dmk,)
    keystore.accept_sign_in(result, ADMIN_PASSWORD, None)  # private key wrapped again
    assert keystore.upgrade_seals(result.dmk_candidates) == 2  # both DMK boxes
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    assert data["version"] == VERSION and "failures" not in data
    admin, dupont = data["slots"]
    assert admin["private_key"]["aad"] == 2 and dupont["private_key"].get("aad", 1) == 1
    assert admin["dmk"]["aad"] == 2 and dupont["dmk"]["aad"] == 2
    # The v1 failure moved to the failures file, still counting for the lockout.
    assert keystore.failures is not None
    assert keystore.failures.recent(keystore_subject("admin"), now)
    # The other user, still version 1 for their private key, logs in.
    assert folder.open().keystore.unlock_user("j.dupont", USER_PASSWORD, MemorySecretStore())


def keystore_subject(login: str):  # type: ignore[no-untyped-def]
    from oiso_desktop.storage.failure_log import Subject

    return Subject.account(login)


def test_sign_in_locks_after_five_failures_without_trying_the_password(folder: Folder) -> None:
    import datetime as dt

    keystore = folder.open().keystore
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    for i in range(5):
        with pytest.raises(AuthenticationError):
            keystore.sign_in("admin", "faux", now=now + dt.timedelta(seconds=i), secret_store=None)
    before = folder.keystore_path.read_bytes()
    with pytest.raises(AccountLocked) as locked:
        keystore.sign_in(
            "admin", ADMIN_PASSWORD, now=now + dt.timedelta(seconds=5), secret_store=None
        )
    assert locked.value.params["retry_after_seconds"] == 59
    assert folder.keystore_path.read_bytes() == before  # failures never touch the keystore


@pytest.mark.parametrize("change", [{"time_cost": 10**6}, {"memory_cost": 2**40}])
def test_a_keystore_with_a_huge_kdf_cost_is_refused_at_once(folder: Folder, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    data["slots"][0]["private_key"]["kdf"].update(change)
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    started = time.monotonic()
    with pytest.raises(StorageError) as info:
        Keystore.load(folder.keystore_path)
    assert info.value.code == "keystore_corrupt"
    assert time.monotonic() - started < 1
