"""A local OISO database: ``oiso.db`` (SQLCipher) + ``oiso.keystore`` in one folder.

``LocalDatabase.open`` reads and checks, and modifies nothing. ``connect``
tries the DMK candidates read-only first, finishes a re-key interrupted by a
crash, then opens read-write and brings the schema up to date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from oiso_desktop import __version__
from oiso_desktop.domain.errors import StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage import engine as engine_mod
from oiso_desktop.storage.keystore import Keystore, key_id_of
from oiso_desktop.storage.migrations import head_revision, upgrade_to_head
from oiso_desktop.storage.models import Setting

DB_FILENAME = "oiso.db"
KEYSTORE_FILENAME = "oiso.keystore"

SETTING_DATABASE_UUID = "database_uuid"
SETTING_CREATED_AT = "created_at"
SETTING_CREATED_WITH = "created_with_version"
SETTING_BASELINE_REVISION = "baseline_revision"

ALREADY_EXISTS_MESSAGE = "Une base OISO existe déjà dans ce dossier."
FOREIGN_DATABASE_MESSAGE = "Cette base de données n'appartient pas à ce trousseau de clés."

# Checking every page's HMAC costs about 6-7 ms per MB here (2.6 s for 390 MB):
# done at each login below this size, otherwise by the maintenance job
# (Database.check_integrity) so that a login stays fast.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services build their DTOs after commit without reloading.
    return sessionmaker(bind=engine, expire_on_commit=False)


class Database:
    """An unlocked database (any backend)."""

    backend = "sqlcipher"

    def __init__(
        self,
        engine: Engine,
        *,
        database_uuid: str,
        backend: str = "sqlcipher",
        db_path: Path | None = None,
    ) -> None:
        self.engine = engine
        #: Write units of work (BEGIN IMMEDIATE: one writer at a time).
        self.session_factory = make_session_factory(engine)
        #: Read units of work (deferred BEGIN, query_only: readers run in parallel).
        self.read_session_factory = make_session_factory(
            engine.execution_options(**{engine_mod.READ_ONLY_OPTION: True})
        )
        self.backend = backend
        self.database_uuid = database_uuid
        self.db_path = db_path

    def rekey(self, keystore: Keystore, *, drop_user_ids: Iterable[int]) -> bytes:
        """New DMK for every remaining slot; dropped slots can no longer open the file.

        Returns the new DMK (added for the services: the open session keeps the
        current DMK to create slots for new users after a revocation).

        Crash-safe order: pending keys are written to the keystore first, then the
        file is re-encrypted, then the keystore makes the pending keys current.
        Whatever step a crash interrupts, one of the two keys opens the file and
        ``LocalDatabase.connect`` finishes the job.
        """
        if self.backend != "sqlcipher":
            raise StorageError(
                "Le changement de clé ne concerne que la base locale.", code="rekey_local_only"
            )
        new_dmk = crypto.new_dmk()
        keystore.begin_rekey(new_dmk, drop_user_ids=list(drop_user_ids))
        engine_mod.rekey(self.engine, new_dmk)
        keystore.commit_rekey()
        return new_dmk

    def check_integrity(self) -> None:
        """Check every page (HMAC and b-tree structure); StorageError if damaged."""
        if self.db_path is None:
            return
        try:
            with self.engine.connect() as connection:
                problems = connection.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                quick = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
        except DBAPIError as exc:
            raise StorageError(engine_mod.CORRUPTED_MESSAGE, code="database_corrupted") from exc
        if problems or [tuple(row) for row in quick] != [("ok",)]:
            raise StorageError(engine_mod.CORRUPTED_MESSAGE, code="database_corrupted")

    def dispose(self) -> None:
        self.engine.dispose()


class LocalDatabase:
    """The two files of a local database folder, before and after unlocking."""

    def __init__(self, folder: Path, keystore: Keystore) -> None:
        self.folder = Path(folder)
        self.keystore = keystore
        self.db_path = self.folder / DB_FILENAME

    @staticmethod
    def exists(folder: Path) -> bool:
        folder = Path(folder)
        return (folder / DB_FILENAME).exists() or (folder / KEYSTORE_FILENAME).exists()

    @classmethod
    def create(cls, folder: Path, *, shared: bool = False) -> tuple[LocalDatabase, bytes]:
        """Create keystore + encrypted database with its schema; return (db, dmk).

        The caller adds the user and recovery slots. ``shared`` makes the folder and
        files readable and writable by the group (a folder shared by the OS users of
        the computer) instead of the OS user only.
        """
        folder = Path(folder)
        if cls.exists(folder):
            raise StorageError(ALREADY_EXISTS_MESSAGE, code="already_exists")
        folder_mode = 0o770 if shared else 0o700
        file_mode = 0o660 if shared else 0o600
        if not folder.exists():
            folder.mkdir(parents=True, mode=folder_mode)
            with contextlib.suppress(OSError):
                os.chmod(folder, folder_mode)
        db_path = folder / DB_FILENAME
        keystore_path = folder / KEYSTORE_FILENAME
        database_uuid = str(uuid.uuid4())
        dmk = crypto.new_dmk()
        created: list[Path] = []
        try:
            keystore = Keystore.create(keystore_path, database_uuid)
            created.append(keystore_path)
            with contextlib.suppress(OSError):
                os.chmod(keystore_path, file_mode)
            # Create the file with the right permissions before SQLite opens it.
            fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode)
            os.close(fd)
            created.append(db_path)
            with contextlib.suppress(OSError):
                os.chmod(db_path, file_mode)
            engine = engine_mod.create_sqlcipher_engine(db_path, dmk, create=True)
            try:
                upgrade_to_head(engine)
                now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                with engine.begin() as connection:
                    connection.execute(
                        insert(Setting),
                        [
                            {"key": SETTING_DATABASE_UUID, "value": database_uuid},
                            {"key": SETTING_CREATED_AT, "value": now},
                            {"key": SETTING_CREATED_WITH, "value": __version__},
                            {"key": SETTING_BASELINE_REVISION, "value": head_revision()},
                        ],
                    )
            finally:
                engine.dispose()
        except BaseException:
            for path in (*created, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        return cls(folder, keystore), dmk

    @classmethod
    def open(cls, folder: Path) -> LocalDatabase:
        """Read and check the two files; modifies nothing."""
        folder = Path(folder)
        keystore = Keystore.load(folder / KEYSTORE_FILENAME)
        engine_mod.check_database_file(folder / DB_FILENAME)
        return cls(folder, keystore)

    def _working_key(self, candidates: Sequence[bytes], full_check: bool) -> bytes:
        for candidate in candidates:
            if not engine_mod.verify_key(self.db_path, candidate, check_integrity=full_check):
                continue
            settings = engine_mod.read_settings_readonly(self.db_path, candidate)
            if not settings or settings.get(SETTING_DATABASE_UUID) != self.keystore.database_uuid:
                raise StorageError(FOREIGN_DATABASE_MESSAGE, code="foreign_database")
            return candidate
        raise StorageError(engine_mod.WRONG_KEY_MESSAGE, code="database_key")

    def connect(
        self, dmk_candidates: Sequence[bytes], *, full_check: bool | None = None
    ) -> Database:
        """Open the database with the first candidate that works (see module doc).

        ``full_check`` (every page's HMAC) defaults to files up to
        ``FULL_CHECK_MAX_BYTES``; larger ones are checked by the maintenance job.
        """
        engine_mod.check_database_file(self.db_path)
        if engine_mod.hot_journal_exists(self.db_path):
            # A crash interrupted PRAGMA rekey: roll back with the key the file had
            # before it, i.e. the keystore's current key (never try the pending one).
            current = self.keystore.current_key_id
            for candidate in dmk_candidates:
                if key_id_of(candidate) == current and engine_mod.recover_hot_journal(
                    self.db_path, candidate
                ):
                    break
        if full_check is None:
            full_check = self.db_path.stat().st_size <= FULL_CHECK_MAX_BYTES
        key = self._working_key(dmk_candidates, full_check)
        self.keystore.reload()
        pending = self.keystore.pending_key_id
        if pending is not None:
            if key_id_of(key) == pending:
                # The file was re-keyed but the keystore was not told: finish.
                self.keystore.commit_rekey()
            else:
                new_key = next((k for k in dmk_candidates if key_id_of(k) == pending), None)
                if new_key is not None:
                    # Pending keys were written but the file was not re-keyed:
                    # re-key now, so that dropped slots really lose access.
                    engine = engine_mod.create_sqlcipher_engine(self.db_path, key)
                    try:
                        engine_mod.rekey(engine, new_key)
                    finally:
                        engine.dispose()
                    self.keystore.commit_rekey()
                    key = new_key
        engine = engine_mod.create_sqlcipher_engine(self.db_path, key)
        try:
            upgrade_to_head(engine)
        except Exception:
            engine.dispose()
            raise
        return Database(
            engine,
            database_uuid=self.keystore.database_uuid,
            backend="sqlcipher",
            db_path=self.db_path,
        )
