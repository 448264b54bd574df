"""SQLCipher engines.

* The database is opened with its raw 256-bit key (``PRAGMA key = "x'..'"``):
  no per-open PBKDF2.
* A file is never created unless ``create=True`` (SQLite URI ``mode=rw``).
* A write transaction starts with ``BEGIN IMMEDIATE`` so that two writers never
  build on the same snapshot (the event-log hash chain cannot fork); a read
  transaction (engine option ``READ_ONLY_OPTION``) starts deferred, with
  ``PRAGMA query_only`` on, so readers run in parallel and can never write.
* :func:`verify_key` opens the file read-only (``immutable=1`` when there is no
  WAL file, so that no ``-wal``/``-shm`` file is ever created) and checks every
  page's HMAC with ``PRAGMA cipher_integrity_check``.
* :func:`rekey` switches to a rollback journal for the duration of
  ``PRAGMA rekey``: in WAL mode the re-encrypted pages would sit in the WAL
  while the main file still holds the old key, and a crash in between would
  leave the two halves under different keys.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2

from oiso_desktop.domain.errors import StorageError

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
REKEY_BUSY_TIMEOUT_MS = 250
PAGE_CACHE_KIB = 64 * 1024
#: Page cache of a bulk deletion (the maintenance purge): the event log's
#: indexes (one on a random hash) stay in memory instead of being read and
#: decrypted again for every row; given back at the end of the step.
BULK_PAGE_CACHE_KIB = 256 * 1024
SQLITE_NOTADB = 26
#: Execution option of the engine that read units of work use (see ``_on_begin``).
READ_ONLY_OPTION = "oiso_read_only"

MISSING_MESSAGE = "Le fichier de base de données est introuvable : {path}"
TRUNCATED_MESSAGE = "Le fichier de base de données est tronqué ou endommagé."
PLAIN_SQLITE_MESSAGE = "Ce fichier est une base SQLite non chiffrée : ce n'est pas une base OISO."
CORRUPTED_MESSAGE = (
    "La base de données est endommagée : certaines pages ne peuvent pas être "
    "déchiffrées. Restaurez la dernière sauvegarde."
)
WRONG_KEY_MESSAGE = (
    "Impossible d'ouvrir la base de données avec cette clé : fichier endommagé ou clé "
    "d'une autre base."
)
UNREADABLE_MESSAGE = (
    "Le fichier de base de données {path} ne peut pas être lu (droits insuffisants) : "
    "vérifiez ses permissions ou demandez l'accès à votre service informatique."
)
UNWRITABLE_MESSAGE = (
    "Le fichier de base de données {path} ne peut pas être modifié (droits insuffisants) : "
    "vérifiez ses permissions ou demandez l'accès à votre service informatique."
)
FOLDER_UNWRITABLE_MESSAGE = (
    "Le dossier de la base de données {path} ne peut pas être modifié (droits "
    "insuffisants) : OISO Desktop doit pouvoir y écrire son journal de transactions."
)
LOCKED_MESSAGE = (
    "La base de données est utilisée par une autre session d'OISO Desktop : "
    "fermez-la puis réessayez."
)


def _silence_sqlcipher_log(connection: Any) -> None:
    # cipher_log_level is process-global in SQLCipher 4.19 (default WARN, printed to
    # stderr): a wrong key or a damaged page would otherwise print ERROR lines.
    connection.execute("PRAGMA cipher_log_level = NONE")


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    uri = f"{Path(path).absolute().as_uri()}?mode={mode}"
    if immutable:
        uri += "&immutable=1"
    return uri


def check_database_access(path: Path, *, write: bool = True) -> None:
    """The OS user may read (and, with ``write``, modify) the file and its folder.

    Without this, a file the user may not read fails like a wrong key ("clé d'une
    autre base"), which sends people looking for the wrong problem. ``write`` also
    asks for the folder: SQLite creates its ``-wal``/``-shm`` files beside the file.
    """
    path = Path(path)
    if not os.access(path, os.R_OK):
        raise StorageError(
            UNREADABLE_MESSAGE.format(path=path), code="database_unreadable", path=str(path)
        )
    if not write:
        return
    if not os.access(path, os.W_OK):
        raise StorageError(
            UNWRITABLE_MESSAGE.format(path=path), code="database_read_only", path=str(path)
        )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            FOLDER_UNWRITABLE_MESSAGE.format(path=folder),
            code="database_folder_read_only",
            path=str(folder),
        )


def check_database_file(path: Path, *, write: bool = True) -> None:
    """Cheap checks before any key is tried; StorageError with a French message.

    The file exists, the OS user has the rights (see :func:`check_database_access`;
    ``write=False`` for a read-only use), its size is whole pages and it is not a
    plain SQLite file.
    """
    path = Path(path)
    if not path.is_file():
        raise StorageError(
            MISSING_MESSAGE.format(path=path), code="database_missing", path=str(path)
        )
    check_database_access(path, write=write)
    size = path.stat().st_size
    if size == 0 or size % 1024 != 0:
        raise StorageError(TRUNCATED_MESSAGE, code="database_truncated", path=str(path))
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_PLAIN_HEADER))
    if header == SQLITE_PLAIN_HEADER:
        raise StorageError(PLAIN_SQLITE_MESSAGE, code="database_not_encrypted", path=str(path))


class _ConnectionFactory:
    """Creates keyed dbapi connections; the key can change after a re-key.

    ``key_source`` (optional) gives the keys the file may have now: when the
    key in use no longer opens the file (another instance finished a re-key
    while this engine had no connection open), the factory switches to the
    one of them that does.
    """

    def __init__(
        self,
        path: Path,
        key: bytes,
        create: bool,
        key_source: Callable[[], Sequence[bytes]] | None = None,
    ) -> None:
        self.path = Path(path)
        self._key = key
        self._mode = "rwc" if create else "rw"
        self._lock = threading.Lock()
        self._key_source = key_source

    @property
    def key(self) -> bytes:
        with self._lock:
            return self._key

    def set_key(self, key: bytes) -> None:
        with self._lock:
            self._key = key
        # Later connections must never create a file.
        self._mode = "rw"

    def __call__(self) -> Any:
        with self._lock:
            key = self._key
        try:
            return self._connect(key)
        except StorageError as exc:
            if exc.code != "database_key" or self._key_source is None:
                raise
            for other in self._key_source():
                if other == key:
                    continue
                try:
                    connection = self._connect(other)
                except StorageError:
                    continue
                with self._lock:
                    self._key = other
                return connection
            raise

    def _connect(self, key: bytes) -> Any:
        with self._lock:
            mode = self._mode
        try:
            connection = dbapi2.connect(
                _uri(self.path, mode),
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
        except dbapi2.Error as exc:
            raise StorageError(
                MISSING_MESSAGE.format(path=self.path),
                code="database_missing",
                path=str(self.path),
            ) from exc
        try:
            _silence_sqlcipher_log(connection)
            connection.execute(_key_pragma(key))
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL").fetchall()
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            # Decrypting pages is the main cost of a scan: keep up to 64 MiB of
            # decrypted pages per connection so that instant search stays instant.
            connection.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        except dbapi2.DatabaseError as exc:
            connection.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise StorageError(LOCKED_MESSAGE, code="database_locked") from exc
            raise StorageError(WRONG_KEY_MESSAGE, code="database_key") from exc
        return connection


_factories: weakref.WeakKeyDictionary[Engine, _ConnectionFactory] = weakref.WeakKeyDictionary()


def create_sqlcipher_engine(
    path: Path,
    key: bytes,
    *,
    create: bool = False,
    key_source: Callable[[], Sequence[bytes]] | None = None,
) -> Engine:
    """A SQLAlchemy engine on the SQLCipher file ``path`` opened with ``key``.

    ``key_source``: see :class:`_ConnectionFactory` (a re-key by another instance).
    """
    factory = _ConnectionFactory(Path(path), key, create, key_source)
    engine = create_engine(
        "sqlite+pysqlite://",
        module=dbapi2,
        creator=factory,
        poolclass=QueuePool,
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=False,
        # SQL parameters hold health data: never in an error message or a log line.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite recipe).
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Reads begin deferred, so that WAL readers run beside a writer, and the
        # connection refuses any write (query_only); writes take the write lock
        # at once, so two writers never build on the same snapshot.
        if connection.get_execution_options().get(READ_ONLY_OPTION, False):
            connection.exec_driver_sql("PRAGMA query_only = 1")
            connection.exec_driver_sql("BEGIN DEFERRED")
        else:
            connection.exec_driver_sql("PRAGMA query_only = 0")
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    _factories[engine] = factory
    return engine


@contextlib.contextmanager
def bulk_page_cache(connection: Any) -> Iterator[None]:
    """A larger page cache on ``connection`` (a SQLAlchemy connection) for one bulk
    step, shrunk back afterwards, even after a commit that released the connection
    to the pool. Does nothing on another database than SQLite."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection
    raw.execute(f"PRAGMA cache_size = -{BULK_PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        raw.execute("PRAGMA shrink_memory")


def forget_key(engine: Engine) -> None:
    """Dispose of ``engine`` and drop the key it holds (the session is over)."""
    engine.dispose()
    factory = _factories.get(engine)
    if factory is not None:
        with factory._lock:
            factory._key = b""
            factory._key_source = None


def engine_key(engine: Engine) -> bytes:
    """The key new connections of ``engine`` use (it changes after a re-key)."""
    factory = _factories.get(engine)
    if factory is None:
        raise ValueError("not a SQLCipher engine created by create_sqlcipher_engine")
    return factory.key


def _open_readonly(path: Path, key: bytes) -> Any:
    wal = Path(f"{path}-wal")
    # Without a WAL file, immutable=1 guarantees that nothing is created or locked.
    # With one (another session is running, or a crash), read it through mode=ro:
    # the -wal/-shm files exist already.
    connection = dbapi2.connect(
        _uri(path, "ro", immutable=not wal.exists()),
        uri=True,
        check_same_thread=False,
        isolation_level=None,
    )
    _silence_sqlcipher_log(connection)
    connection.execute(_key_pragma(key))
    return connection


def verify_key(path: Path, key: bytes, *, check_integrity: bool = True) -> bool:
    """True when ``key`` opens ``path``; never creates or modifies a file.

    False on a wrong key (or an unreadable first page). With the right key, a
    page whose HMAC fails raises StorageError (the file is damaged).
    """
    path = Path(path)
    check_database_file(path, write=False)
    try:
        connection = _open_readonly(path, key)
    except dbapi2.Error:
        return False
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except dbapi2.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", SQLITE_NOTADB) == SQLITE_NOTADB:
                return False  # wrong key (or a damaged first page: indistinguishable)
            raise StorageError(CORRUPTED_MESSAGE, code="database_corrupted") from exc
        if check_integrity:
            try:
                problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
                quick = connection.execute("PRAGMA quick_check").fetchall()
            except dbapi2.DatabaseError as exc:
                raise StorageError(CORRUPTED_MESSAGE, code="database_corrupted") from exc
            if problems or quick != [("ok",)]:
                raise StorageError(CORRUPTED_MESSAGE, code="database_corrupted")
        return True
    finally:
        connection.close()


def rekey(engine: Engine, new_key: bytes) -> None:
    """Re-encrypt every page of the database under ``new_key`` (``PRAGMA rekey``)."""
    factory = _factories.get(engine)
    if factory is None:
        raise ValueError("not a SQLCipher engine created by create_sqlcipher_engine")
    pragma = _key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1)
    engine.dispose()
    connection = factory()
    try:
        # Another session with the file open keeps it in WAL mode for as long as it
        # stays open: waiting the full busy timeout would only hold the keystore lock.
        connection.execute(f"PRAGMA busy_timeout = {REKEY_BUSY_TIMEOUT_MS}")
        try:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
        except dbapi2.OperationalError as exc:
            raise StorageError(LOCKED_MESSAGE, code="database_locked") from exc
        if mode is None or str(mode[0]).lower() != "delete":
            raise StorageError(LOCKED_MESSAGE, code="database_locked")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute(pragma).fetchall()
        factory.set_key(new_key)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        connection.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        with contextlib.suppress(dbapi2.Error):
            connection.close()
    engine.dispose()


def read_settings_readonly(path: Path, key: bytes) -> dict[str, str] | None:
    """The ``settings`` table read without writing anything; None if it has none."""
    connection = _open_readonly(Path(path), key)
    try:
        rows = connection.execute("SELECT key, value FROM settings").fetchall()
    except dbapi2.DatabaseError:
        return None
    finally:
        connection.close()
    return {str(k): str(v) for k, v in rows}


def hot_journal_exists(path: Path) -> bool:
    """A rollback journal left by a crash during :func:`rekey` (never in WAL mode)."""
    journal = Path(f"{path}-journal")
    try:
        return journal.stat().st_size > 0
    except FileNotFoundError:
        return False


def recover_hot_journal(path: Path, key: bytes) -> bool:
    """Roll back an interrupted re-key with the key the file had before it.

    This is the only read-write open before a key is known to work: SQLite must
    replay the journal to make the file consistent again. Returns False when
    ``key`` is not the key of the journal (nothing is written then).
    """
    connection = dbapi2.connect(
        _uri(Path(path), "rw"), uri=True, check_same_thread=False, isolation_level=None
    )
    try:
        _silence_sqlcipher_log(connection)
        connection.execute(_key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except dbapi2.DatabaseError:
        return False
    finally:
        connection.close()
    return not hot_journal_exists(path)
