"""Acceptance tests of the local encrypted database (real SQLCipher files)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from pathlib import Path

import pytest
from memory_keyring import MemoryKeyring
from sqlalchemy import select
from storage_helpers import (
    ADMIN_PASSWORD,
    USER_PASSWORD,
    Folder,
    build_folder,
    listing,
    sha256,
)

from oiso_desktop.domain.errors import AuthenticationError, KeyringUnavailable, StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage import engine as engine_mod
from oiso_desktop.storage.keystore import Keystore, key_id_of
from oiso_desktop.storage.local_database import LocalDatabase
from oiso_desktop.storage.migrations import head_revision
from oiso_desktop.storage.models import Patient, Setting
from oiso_desktop.storage.secret_store import MemorySecretStore, OsKeyringSecretStore
from oiso_desktop.storage.uow import UnitOfWork

GENERIC = "Identifiant ou mot de passe incorrect."


def add_patient(database, birth_name: str, *, first_names: str = "Marie") -> int:
    with UnitOfWork(database.session_factory) as uow:
        patient = uow.patients.add(
            Patient(
                owner_id=2,
                birth_name=birth_name,
                first_names=first_names,
                birth_date=dt.date(1975, 3, 12),
                sex="F",
                search_names=f"{birth_name} {first_names}".lower(),
                created_by_id=2,
                updated_by_id=2,
            )
        )
        uow.commit()
        return patient.id


def folder_files(folder: Folder) -> list[Path]:
    return [p for p in folder.path.iterdir() if p.is_file()]


def test_create_layout_and_settings(folder: Folder) -> None:
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]
    assert folder.path.stat().st_mode & 0o777 == 0o700
    assert folder.db_path.stat().st_mode & 0o777 == 0o600
    assert folder.keystore_path.stat().st_mode & 0o777 == 0o600
    local = folder.open()
    database = local.connect([folder.dmk])
    try:
        assert database.backend == "sqlcipher"
        assert database.database_uuid == local.keystore.database_uuid
        uuid.UUID(database.database_uuid)
        with database.session_factory() as session:
            settings = {s.key: s.value for s in session.scalars(select(Setting))}
        assert settings["database_uuid"] == database.database_uuid
        assert settings["baseline_revision"] == head_revision()  # the schema it was created at
        assert {"created_at", "created_with_version"} <= set(settings)
    finally:
        database.dispose()


def test_create_shared_folder(tmp_path: Path) -> None:
    local, _ = LocalDatabase.create(tmp_path / "partage", shared=True)
    assert local.folder.stat().st_mode & 0o777 == 0o770
    assert local.db_path.stat().st_mode & 0o777 == 0o660


def test_create_refuses_an_existing_database(folder: Folder) -> None:
    digest = sha256(folder.db_path)
    with pytest.raises(StorageError) as info:
        LocalDatabase.create(folder.path)
    assert str(info.value) == "Une base OISO existe déjà dans ce dossier."
    assert sha256(folder.db_path) == digest
    folder.db_path.unlink()
    with pytest.raises(StorageError):
        LocalDatabase.create(folder.path)  # the keystore alone is enough to refuse


def test_no_clear_text_on_disk(folder: Folder) -> None:
    marker = f"ZQXWYLMN-{uuid.uuid4().hex}"
    database = folder.login("admin", ADMIN_PASSWORD)
    add_patient(database, marker, first_names=f"Prénom {marker}")
    # Before dispose: the WAL holds the new pages; it is encrypted too.
    forms = {marker, marker.lower(), marker.upper()}
    needles = [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    for path in folder_files(folder):
        content = path.read_bytes()
        assert not any(n in content for n in needles), path.name
    database.dispose()
    files = folder_files(folder)
    assert {p.name for p in files} == {"oiso.db", "oiso.keystore", "oiso.keystore.lock"}
    for path in files:
        content = path.read_bytes()
        assert not any(n in content for n in needles), path.name
    assert folder.db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    # ...and the patient is really there.
    database = folder.login("ADMIN", ADMIN_PASSWORD)
    with UnitOfWork(database.session_factory) as uow:
        rows, total = uow.patients.search([marker.lower()])
        assert total == 1 and rows[0].birth_name == marker
    database.dispose()


def test_wrong_password_changes_nothing(folder: Folder) -> None:
    digest = sha256(folder.db_path)
    keystore_bytes = folder.keystore_path.read_bytes()
    files = listing(folder.path)
    for login, password in (("admin", "not the password"), ("ghost", ADMIN_PASSWORD)):
        local = folder.open()
        with pytest.raises(AuthenticationError) as info:
            local.keystore.unlock_user(login, password, MemorySecretStore())
        assert str(info.value) == GENERIC
    assert sha256(folder.db_path) == digest
    assert folder.keystore_path.read_bytes() == keystore_bytes
    assert listing(folder.path) == files


def test_bound_slot_keyring_and_recovery(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    store = OsKeyringSecretStore()
    folder = build_folder(tmp_path / "portable", bind_user=True, store=store)
    assert len(memory_keyring.values) == 1
    database = folder.login("j.dupont", USER_PASSWORD, store)
    database.dispose()
    # The secret disappears from the keyring (another computer, or another OS user).
    (entry,) = [name for (_, name) in memory_keyring.values]
    store.delete(entry)
    digest = sha256(folder.db_path)
    with pytest.raises(KeyringUnavailable) as info:
        folder.login("j.dupont", USER_PASSWORD, store)
    assert "introuvable dans le trousseau système" in str(info.value)
    assert sha256(folder.db_path) == digest
    # The recovery code still opens the database.
    local = folder.open()
    database = local.connect(local.keystore.unlock_recovery(folder.recovery_code))
    with UnitOfWork(database.session_factory) as uow:
        assert uow.users.by_login("J.Dupont") is not None
    database.dispose()


def test_unbound_slots_do_not_need_a_keyring(folder: Folder) -> None:
    database = folder.login("admin", ADMIN_PASSWORD, MemorySecretStore(available=False))
    database.dispose()


@pytest.mark.parametrize("cut", ["half", "odd", "zero", "flip"])
def test_damaged_database_file(folder: Folder, cut: str) -> None:
    database = folder.login("admin", ADMIN_PASSWORD)
    for i in range(200):  # a few pages of content
        add_patient(database, f"PATIENT{i:04d}")
    database.dispose()
    data = bytearray(folder.db_path.read_bytes())
    assert len(data) >= 16 * 4096
    if cut == "half":
        data = data[: len(data) // 2 // 4096 * 4096]
    elif cut == "odd":
        data = data[: len(data) // 2 + 7]
    elif cut == "zero":
        data = bytearray()
    else:
        data[len(data) // 2] ^= 0xFF
    folder.db_path.write_bytes(bytes(data))
    digest = sha256(folder.db_path)
    with pytest.raises(StorageError) as info:
        folder.login("admin", ADMIN_PASSWORD)
    message = str(info.value)
    if cut in ("odd", "zero"):
        assert message == "Le fichier de base de données est tronqué ou endommagé."
    else:
        assert "endommagé" in message
    assert sha256(folder.db_path) == digest
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]


def test_missing_database_file(folder: Folder) -> None:
    folder.db_path.unlink()
    with pytest.raises(StorageError) as info:
        folder.open()
    assert "introuvable" in str(info.value)
    assert listing(folder.path) == ["oiso.keystore", "oiso.keystore.lock"]


def test_plain_sqlite_file_in_place_of_the_database(folder: Folder) -> None:
    import sqlite3

    folder.db_path.unlink()
    conn = sqlite3.connect(folder.db_path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as info:
        folder.open()
    assert "non chiffrée" in str(info.value)


def test_foreign_database_copied_in(tmp_path: Path, folder: Folder) -> None:
    other = build_folder(tmp_path / "autre")
    shutil.copyfile(other.db_path, folder.db_path)
    digest = sha256(folder.db_path)
    # With this folder's key: the file does not open.
    with pytest.raises(StorageError) as info:
        folder.login("admin", ADMIN_PASSWORD)
    assert str(info.value) == (
        "Impossible d'ouvrir la base de données avec cette clé : fichier endommagé ou clé "
        "d'une autre base."
    )
    # Even with the other database's key, it is not this keystore's database.
    with pytest.raises(StorageError) as info:
        folder.open().connect([other.dmk])
    assert str(info.value) == "Cette base de données n'appartient pas à ce trousseau de clés."
    assert sha256(folder.db_path) == digest
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]


def test_rekey_after_dropping_a_user(folder: Folder) -> None:
    old_slot = folder.open().keystore.slot_json(2)
    database, holder = folder.session("admin", ADMIN_PASSWORD)
    add_patient(database, "AVANT")
    local = folder.open()
    database.rekey(local.keystore, drop_user_ids=[2], holder=holder)
    add_patient(database, "APRES")  # the same Database goes on with the new key
    database.dispose()
    keystore = Keystore.load(folder.keystore_path)
    assert not keystore.has_slot(2)
    assert keystore.pending_key_id is None
    # The dropped user's old slot, put back, no longer opens the database.
    data = json.loads(folder.keystore_path.read_text("utf-8"))
    data["slots"].append(old_slot)
    folder.keystore_path.write_text(json.dumps(data), "utf-8")
    local = folder.open()
    stolen = local.keystore.unlock_user("j.dupont", USER_PASSWORD, MemorySecretStore())
    assert stolen.dmk_candidates == [folder.dmk]
    digest = sha256(folder.db_path)
    with pytest.raises(StorageError):
        local.connect(stolen.dmk_candidates)
    assert sha256(folder.db_path) == digest
    # The remaining user and the recovery code still open it, with every row.
    for candidates in (
        local.keystore.unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore()).dmk_candidates,
        local.keystore.unlock_recovery(folder.recovery_code),
    ):
        database = local.connect(candidates)
        with UnitOfWork(database.session_factory) as uow:
            assert uow.patients.search(["avant"])[1] == 1
            assert uow.patients.search(["apres"])[1] == 1
        database.dispose()


def test_password_change_old_password_no_longer_opens(folder: Folder) -> None:
    local = folder.open()
    slot = local.keystore.unlock_user("j.dupont", USER_PASSWORD, MemorySecretStore())
    local.keystore.set_password(slot.user_id, slot.private_key, "Tout-nouveau-mdp-2026")
    local = folder.open()
    with pytest.raises(AuthenticationError):
        local.keystore.unlock_user("j.dupont", USER_PASSWORD, MemorySecretStore())
    folder.login("j.dupont", "Tout-nouveau-mdp-2026").dispose()


@pytest.mark.parametrize("crash_after", ["begin_rekey", "pragma_rekey"])
def test_pending_rekey_crash_recovery(folder: Folder, crash_after: str) -> None:
    database = folder.login("admin", ADMIN_PASSWORD)
    add_patient(database, "SURVIVANT")
    local = folder.open()
    new_dmk = crypto.new_dmk()
    local.keystore.begin_rekey(new_dmk, drop_user_ids=[2])
    if crash_after == "pragma_rekey":
        engine_mod.rekey(database.engine, new_dmk)
    database.dispose()  # "crash": commit_rekey never ran
    assert Keystore.load(folder.keystore_path).pending_key_id == key_id_of(new_dmk)
    assert engine_mod.verify_key(folder.db_path, new_dmk) is (crash_after == "pragma_rekey")
    # The next login works, whichever key the file has, and finishes the re-key.
    database = folder.login("admin", ADMIN_PASSWORD)
    with UnitOfWork(database.session_factory) as uow:
        assert uow.patients.search(["survivant"])[1] == 1
    database.dispose()
    keystore = Keystore.load(folder.keystore_path)
    assert keystore.pending_key_id is None
    assert keystore.current_key_id == key_id_of(new_dmk)
    assert engine_mod.verify_key(folder.db_path, new_dmk) is True
    assert engine_mod.verify_key(folder.db_path, folder.dmk) is False
    assert keystore.unlock_recovery(folder.recovery_code) == [new_dmk]


def test_open_modifies_nothing(folder: Folder) -> None:
    digest = sha256(folder.db_path)
    keystore_bytes = folder.keystore_path.read_bytes()
    local = folder.open()
    assert local.keystore.database_uuid
    assert LocalDatabase.exists(folder.path)
    assert sha256(folder.db_path) == digest
    assert folder.keystore_path.read_bytes() == keystore_bytes
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]


def test_folder_name_with_spaces_and_uri_characters(tmp_path: Path) -> None:
    folder = build_folder(tmp_path / "Mes données #1 ?%20 & co")
    database = folder.login("admin", ADMIN_PASSWORD)
    add_patient(database, "ESPACE")
    database.dispose()
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]
    assert listing(tmp_path) == ["Mes données #1 ?%20 & co"]


def test_large_files_skip_the_full_check_at_login(folder: Folder) -> None:
    """Above the size limit, damage is found by Database.check_integrity (maintenance)."""
    database = folder.login("admin", ADMIN_PASSWORD)
    for i in range(200):
        add_patient(database, f"PATIENT{i:04d}")
    database.check_integrity()
    database.dispose()
    data = bytearray(folder.db_path.read_bytes())
    data[len(data) - 2 * 4096 + 100] ^= 0xFF  # a data page, not the schema
    folder.db_path.write_bytes(bytes(data))
    local = folder.open()
    database = local.connect([folder.dmk], full_check=False)
    try:
        with pytest.raises(StorageError) as info:
            database.check_integrity()
        assert "endommagée" in str(info.value)
    finally:
        database.dispose()


_CRASHING_REKEY = """
import sys
from pathlib import Path
from oiso_desktop.storage import engine
engine_obj = engine.create_sqlcipher_engine(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
with engine_obj.connect() as conn:
    conn.exec_driver_sql("PRAGMA cache_size = 5")
print("ready", flush=True)
engine.rekey(engine_obj, bytes.fromhex(sys.argv[3]))
"""


def test_crash_during_pragma_rekey_rolls_back(folder: Folder) -> None:
    """A process killed inside PRAGMA rekey leaves a hot journal; the old key recovers."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from sqlalchemy import insert

    database = folder.login("admin", ADMIN_PASSWORD)
    with database.engine.begin() as conn:
        conn.execute(
            insert(Patient),
            [
                {
                    "owner_id": 2,
                    "birth_name": f"N{i}",
                    "first_names": "x" * 150,
                    "birth_date": dt.date(1980, 1, 1),
                    "sex": "F",
                    "search_names": f"n{i} " + "x" * 150,
                    "created_by_id": 2,
                    "updated_by_id": 2,
                    "version": 1,
                }
                for i in range(40000)
            ],
        )
    database.dispose()
    local = folder.open()
    new_dmk = crypto.new_dmk()
    local.keystore.begin_rekey(new_dmk)
    journal = Path(f"{folder.db_path}-journal")
    for _attempt in range(5):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _CRASHING_REKEY,
                str(folder.db_path),
                folder.dmk.hex(),
                new_dmk.hex(),
            ],
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            if journal.exists() and journal.stat().st_size > 256 * 1024:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.001)
        proc.wait()
        if proc.returncode == -signal.SIGKILL and journal.exists():
            break
        # The re-key finished before the kill: nothing to test this time; start over.
        if engine_mod.verify_key(folder.db_path, new_dmk, check_integrity=False):
            local.keystore.commit_rekey()
            folder.dmk, new_dmk = new_dmk, crypto.new_dmk()
            local.keystore.begin_rekey(new_dmk)
    else:
        pytest.skip("the re-key always finished before it could be interrupted")
    assert engine_mod.hot_journal_exists(folder.db_path)
    database = folder.login("admin", ADMIN_PASSWORD)
    try:
        with UnitOfWork(database.session_factory) as uow:
            assert uow.patients.search(["n39999"])[1] == 1
        database.check_integrity()
    finally:
        database.dispose()
    # The interrupted re-key was redone and committed at login.
    keystore = Keystore.load(folder.keystore_path)
    assert keystore.pending_key_id is None
    assert keystore.current_key_id == key_id_of(new_dmk)
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]


def test_second_session_while_the_first_is_open(folder: Folder) -> None:
    """verify_key reads through the existing WAL of a running session."""
    first = folder.login("admin", ADMIN_PASSWORD)
    add_patient(first, "PREMIER")
    assert Path(f"{folder.db_path}-wal").exists()
    second = folder.login("j.dupont", USER_PASSWORD)
    try:
        with UnitOfWork(second.session_factory) as uow:
            assert uow.patients.search(["premier"])[1] == 1
        add_patient(second, "SECOND")
        with UnitOfWork(first.session_factory) as uow:
            assert uow.patients.search(["second"])[1] == 1
    finally:
        first.dispose()
        second.dispose()
    assert listing(folder.path) == ["oiso.db", "oiso.keystore", "oiso.keystore.lock"]
