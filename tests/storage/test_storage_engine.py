from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlcipher3 import dbapi2
from storage_helpers import listing, sha256

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.engine import (
    check_database_file,
    create_sqlcipher_engine,
    rekey,
    verify_key,
)


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, bytes]:
    key = crypto.new_dmk()
    path = tmp_path / "test.db"
    engine = create_sqlcipher_engine(path, key, create=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
        conn.execute(
            text("INSERT INTO t (v) VALUES (:v)"), [{"v": f"valeur {i}" * 20} for i in range(300)]
        )
    engine.dispose()
    return path, key


def test_missing_file_is_never_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StorageError) as info:
        check_database_file(path)
    assert str(info.value) == f"Le fichier de base de données est introuvable : {path}"
    engine = create_sqlcipher_engine(path, crypto.new_dmk())
    with pytest.raises(StorageError):
        engine.connect()
    engine.dispose()
    with pytest.raises(StorageError):
        verify_key(path, crypto.new_dmk())
    assert listing(tmp_path) == []


def test_pragmas_of_a_connection(db: tuple[Path, bytes]) -> None:
    path, key = db
    engine = create_sqlcipher_engine(path, key)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")
    engine.dispose()


def test_transactions_begin_immediate(db: tuple[Path, bytes]) -> None:
    """A second writer cannot start a transaction while one is open (no forked chain)."""
    path, key = db
    engine = create_sqlcipher_engine(path, key)
    other = create_sqlcipher_engine(path, key)
    with engine.begin() as conn:
        conn.execute(text("SELECT count(*) FROM t")).scalar()
        raw = other.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(Exception, match="locked"):
                raw.driver_connection.execute("BEGIN IMMEDIATE")
        finally:
            raw.close()
    engine.dispose()
    other.dispose()


def test_check_database_file(tmp_path: Path, db: tuple[Path, bytes]) -> None:
    path, _ = db
    check_database_file(path)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    odd = tmp_path / "odd.db"
    odd.write_bytes(path.read_bytes()[:1500])
    for bad in (empty, odd):
        with pytest.raises(StorageError) as info:
            check_database_file(bad)
        assert str(info.value) == "Le fichier de base de données est tronqué ou endommagé."
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    with pytest.raises(StorageError) as info:
        check_database_file(plain)
    assert "base SQLite non chiffrée" in str(info.value)


def test_verify_key_is_read_only(db: tuple[Path, bytes]) -> None:
    path, key = db
    digest = sha256(path)
    files = listing(path.parent)
    assert verify_key(path, key) is True
    assert verify_key(path, crypto.new_dmk()) is False
    assert sha256(path) == digest
    assert listing(path.parent) == files


def test_verify_key_detects_a_flipped_byte(db: tuple[Path, bytes]) -> None:
    path, key = db
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x55
    path.write_bytes(bytes(data))
    digest = sha256(path)
    with pytest.raises(StorageError) as info:
        verify_key(path, key)
    assert "endommagée" in str(info.value)
    assert sha256(path) == digest
    assert listing(path.parent) == ["test.db"]


def test_verify_key_detects_missing_pages(db: tuple[Path, bytes]) -> None:
    path, key = db
    data = path.read_bytes()
    path.write_bytes(data[: (len(data) // 2) // 4096 * 4096])
    with pytest.raises(StorageError):
        verify_key(path, key)
    assert listing(path.parent) == ["test.db"]


def test_rekey(db: tuple[Path, bytes]) -> None:
    path, key = db
    new = crypto.new_dmk()
    engine = create_sqlcipher_engine(path, key)
    rekey(engine, new)
    # The same engine goes on with the new key.
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 300
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
    assert listing(path.parent) == ["test.db"]
    assert verify_key(path, new) is True
    assert verify_key(path, key) is False


@pytest.mark.parametrize("which", ["used", "free"])
def test_a_rekey_stops_at_a_page_whose_hmac_fails(db: tuple[Path, bytes], which: str) -> None:
    # The maintenance job relies on it: after a re-key of its run, it does not
    # repeat the HMAC pass of the whole-file check (every page, free ones
    # included, has just been read and authenticated).
    path, key = db
    engine = create_sqlcipher_engine(path, key)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM t WHERE id > 150"))  # pages to the free list
    with engine.connect() as conn:
        free = conn.exec_driver_sql("PRAGMA freelist_count").scalar()
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()  # the last connection closed: the WAL is written back
    assert not path.with_name("test.db-wal").exists()
    assert free > 2
    page = 3 if which == "used" else pages  # the last pages are the freed ones
    data = bytearray(path.read_bytes())
    data[4096 * (page - 1) + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    engine = create_sqlcipher_engine(path, key)
    with pytest.raises((StorageError, dbapi2.Error)):
        rekey(engine, crypto.new_dmk())
    engine.dispose()
    assert verify_key(path, key, check_integrity=False) is True  # still under the old key
