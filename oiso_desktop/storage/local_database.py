"""A local OISO database: ``oiso.db`` (SQLCipher) + ``oiso.keystore`` in one folder.

Beside them: ``oiso.keystore.lock`` (the keystore's OS lock), ``oiso.failures``
(failed sign-ins) and its lock ``oiso.failures.lock``.

``LocalDatabase.open`` reads and checks, and modifies nothing. ``connect``
tries the DMK candidates read-only first, finishes a pending re-key when the
file is free (leaves it pending when another session has the file open), then
opens read-write and brings the schema up to date.

Every re-key and every choice of the key to open with happen under the
keystore lock: a re-key never runs while another instance checks which key
opens the file, and the keystore on disk always has a slot for the key the
file has.
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
from oiso_desktop.storage.keystore import FAILURES_FILENAME, Keystore, SlotKey, key_id_of
from oiso_desktop.storage.migrations import head_revision, upgrade_to_head
from oiso_desktop.storage.models import Setting

DB_FILENAME = "oiso.db"
KEYSTORE_FILENAME = "oiso.keystore"
__all__ = [
    "DB_FILENAME",
    "FAILURES_FILENAME",
    "KEYSTORE_FILENAME",
    "Database",
    "LocalDatabase",
]

SETTING_DATABASE_UUID = "database_uuid"
SETTING_CREATED_AT = "created_at"
SETTING_CREATED_WITH = "created_with_version"
SETTING_BASELINE_REVISION = "baseline_revision"

ALREADY_EXISTS_MESSAGE = "Une base OISO existe déjà dans ce dossier."
FOREIGN_DATABASE_MESSAGE = "Cette base de données n'appartient pas à ce trousseau de clés."
REKEY_PENDING_MESSAGE = (
    "La base est ouverte par une autre session d'OISO Desktop : le changement de clé "
    "(révocation) est en attente. Il se fera dès que la base sera libre, à la prochaine "
    "ouverture ou quand vous le relancerez."
)
REKEY_UNVERIFIED_MESSAGE = (
    "La nouvelle clé de la base n'a pas pu être vérifiée dans le fichier de clés : "
    "la base garde sa clé actuelle."
)
REKEY_FAILED_MESSAGE = (
    "Le changement de clé de la base n'a pas abouti : la base garde sa clé actuelle."
)
STALE_HOLDER_MESSAGE = (
    "La clé de cette session ne correspond plus au fichier de clés (mot de passe "
    "réinitialisé ou code de récupération utilisé depuis) : reconnectez-vous puis réessayez."
)
STALE_KEY_MESSAGE = (
    "La clé de la base a changé depuis l'ouverture de cette session : reconnectez-vous."
)

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

    @property
    def key(self) -> bytes:
        """The DMK the connections use now (local only)."""
        return engine_mod.engine_key(self.engine)

    def _check_local(self) -> Path:
        if self.backend != "sqlcipher" or self.db_path is None:
            raise StorageError(
                "Le changement de clé ne concerne que la base locale.", code="rekey_local_only"
            )
        return self.db_path

    def _check_current_key(self, keystore: Keystore) -> bytes:
        """Under the keystore lock: the file still has the keystore's current key, ours."""
        db_path = self._check_local()
        with self.engine.connect():
            pass  # a connection switches to the file's key if another instance re-keyed
        key = self.key
        if key_id_of(key) != keystore.current_key_id or not engine_mod.verify_key(
            db_path, key, check_integrity=False
        ):
            raise StorageError(STALE_KEY_MESSAGE, code="stale_key")
        return key

    def rekey(self, keystore: Keystore, *, drop_user_ids: Iterable[int], holder: SlotKey) -> bytes:
        """New DMK for every remaining slot; dropped slots can no longer open the file.

        ``holder`` is the acting session's slot key: before the file is
        re-encrypted, its slot *in the keystore on disk* must open the new DMK.
        Returns the new DMK once the file opens with it and the keystore made it
        current. Under the keystore lock throughout, in a crash-safe order:
        pending keys written, checked, file re-encrypted and checked, keystore
        committed; whatever step a crash interrupts, a slot opens the file and
        ``LocalDatabase.connect`` finishes the job.

        When another session has the file open, the re-key stays pending
        (StorageError code ``rekey_pending``; :attr:`Keystore.rekey_pending`):
        the current key keeps working and the next ``connect`` with the file
        free, or :meth:`finish_pending_rekey`, completes it. Other failures
        raise StorageError and leave the current key usable.
        """
        self._check_local()
        new_dmk = crypto.new_dmk()
        with keystore.locked():
            keystore.reload()
            current = self._check_current_key(keystore)
            # Before anything is dropped: the acting session's slot must still be
            # the one on disk (a password reset or a recovery elsewhere replaces it).
            if current not in keystore.dmk_candidates(holder):
                raise StorageError(STALE_HOLDER_MESSAGE, code="stale_slot_key")
            keystore.begin_rekey(new_dmk, drop_user_ids=list(drop_user_ids), replace_pending=True)
            self._apply_pending(keystore, holder, new_dmk)
        return new_dmk

    def finish_pending_rekey(self, keystore: Keystore, holder: SlotKey) -> bytes | None:
        """Complete a pending re-key now; returns the new DMK (None: nothing pending).

        StorageError (code ``rekey_pending``) while another session has the file open.
        """
        db_path = self._check_local()
        with keystore.locked():
            keystore.reload()
            pending_id = keystore.pending_key_id
            if pending_id is None:
                return None
            pending_dmk = keystore.pending_dmk_on_disk(holder)
            assert pending_dmk is not None
            with self.engine.connect():
                pass  # switches to the pending key if the file already has it
            if engine_mod.verify_key(db_path, pending_dmk, check_integrity=False):
                keystore.commit_rekey(pending_id)  # re-keyed by a crashed instance
                return pending_dmk
            self._check_current_key(keystore)
            self._apply_pending(keystore, holder, pending_dmk)
        return pending_dmk

    def _apply_pending(self, keystore: Keystore, holder: SlotKey, new_dmk: bytes) -> None:
        """Re-encrypt the file with the pending ``new_dmk`` and commit it (lock held)."""
        db_path = self._check_local()
        key_id = key_id_of(new_dmk)
        try:
            on_disk = keystore.pending_dmk_on_disk(holder)
        except StorageError:
            on_disk = None
        if on_disk != new_dmk:
            keystore.abort_rekey(key_id)
            raise StorageError(REKEY_UNVERIFIED_MESSAGE, code="rekey_unverified")
        try:
            engine_mod.rekey(self.engine, new_dmk)
        except StorageError as exc:
            if exc.code == "database_locked":
                raise StorageError(REKEY_PENDING_MESSAGE, code="rekey_pending") from exc
            raise
        if not engine_mod.verify_key(db_path, new_dmk, check_integrity=False):
            # Left pending: whichever key the file has, a slot holds it.
            raise StorageError(REKEY_FAILED_MESSAGE, code="rekey_failed")
        keystore.commit_rekey(key_id)

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

    def close(self) -> None:
        """Dispose of the connections and forget the key (end of a session)."""
        if self.backend == "sqlcipher":
            engine_mod.forget_key(self.engine)
        else:
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
            lock_path = keystore_path.with_name(KEYSTORE_FILENAME + ".lock")
            keystore = Keystore.create(keystore_path, database_uuid)
            created += [keystore_path, lock_path]
            for path in (keystore_path, lock_path):
                with contextlib.suppress(OSError):
                    os.chmod(path, file_mode)
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
        self,
        dmk_candidates: Sequence[bytes],
        *,
        full_check: bool | None = None,
        holder: SlotKey | None = None,
    ) -> Database:
        """Open the database with the first candidate that works (see module doc).

        ``holder``: the slot key of the signed-in session; its slot is opened
        again from the keystore under the lock, so a re-key committed by another
        instance since the sign-in does not refuse the login, and the engine
        follows later re-keys. ``full_check`` (every page's HMAC) defaults to
        files up to ``FULL_CHECK_MAX_BYTES``; larger ones are checked by the
        maintenance job.
        """
        engine_mod.check_database_file(self.db_path)
        keystore = self.keystore

        def key_source() -> list[bytes]:
            return keystore.dmk_candidates(holder) if holder is not None else []

        with keystore.locked():
            keystore.reload()
            candidates = [*key_source(), *dmk_candidates]
            if engine_mod.hot_journal_exists(self.db_path):
                # A crash interrupted PRAGMA rekey: roll back with the key the file had
                # before it, i.e. the keystore's current key (never try the pending one).
                current = keystore.current_key_id
                for candidate in candidates:
                    if key_id_of(candidate) == current and engine_mod.recover_hot_journal(
                        self.db_path, candidate
                    ):
                        break
            if full_check is None:
                full_check = self.db_path.stat().st_size <= FULL_CHECK_MAX_BYTES
            key = self._working_key(candidates, full_check)
            key = self._finish_rekey_if_free(key, candidates)
            engine = engine_mod.create_sqlcipher_engine(
                self.db_path, key, key_source=key_source if holder is not None else None
            )
            try:
                # The first connection is made (and kept by the pool) before the lock
                # is released: from then on the file is open and no re-key can start
                # under us. No transaction here: a writer elsewhere may be waiting
                # for this lock.
                engine.connect().close()
            except Exception:
                engine.dispose()
                raise
        try:
            upgrade_to_head(engine)
        except Exception:
            engine.dispose()
            raise
        return Database(
            engine,
            database_uuid=keystore.database_uuid,
            backend="sqlcipher",
            db_path=self.db_path,
        )

    def _finish_rekey_if_free(self, key: bytes, candidates: Sequence[bytes]) -> bytes:
        """A pending re-key: commit it, or do it if the file is free (lock held)."""
        keystore = self.keystore
        pending = keystore.pending_key_id
        if pending is None:
            return key
        if key_id_of(key) == pending:
            # The file was re-keyed but the keystore was not told: finish.
            keystore.commit_rekey(pending)
            return key
        new_key = next((k for k in candidates if key_id_of(k) == pending), None)
        if new_key is None or key_id_of(key) != keystore.current_key_id:
            return key
        # Pending keys were written but the file was not re-keyed: re-key now, so
        # that dropped slots really lose access; if another session has the file
        # open, leave it pending and open with the current key.
        engine = engine_mod.create_sqlcipher_engine(self.db_path, key)
        try:
            engine_mod.rekey(engine, new_key)
        except StorageError as exc:
            if exc.code == "database_locked":
                return key
            raise
        finally:
            engine.dispose()
        if not engine_mod.verify_key(self.db_path, new_key, check_integrity=False):
            raise StorageError(REKEY_FAILED_MESSAGE, code="rekey_failed")
        keystore.commit_rekey(pending)
        return new_key
