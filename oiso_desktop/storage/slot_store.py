"""Where the key slots live, and the checks of their layout (no cryptography here).

:class:`SlotStore` is the interface the key-slot crypto (``storage.keystore``)
works through: read a validated copy, or change it inside a *transaction* that
holds an exclusive lock from the fresh read to the write. A server mode can
implement it on a table (``SELECT ... FOR UPDATE``); the local mode is
:class:`JsonFileSlotStore`: the ``oiso.keystore`` JSON file beside the
database, locked by an OS file lock on ``oiso.keystore.lock`` (several app
instances may run on one database folder, e.g. on a shared hospital PC).

Reads take no lock: every write replaces the file atomically, so a reader sees
either the old or the new content, never a mix.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import filelock

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.crypto import KdfParams
from oiso_desktop.system.files import atomic_write

FORMAT = "oiso-keystore"
#: 2: the associated data of boxes marked ``"aad": 2`` binds the login too; failed
#: logins moved to their own file. 3: the clinical section (clinical key generations)
#: and the clinical-key boxes of slots (``"ck"``). 4: the chain of clinical-key
#: generations (``clinical.chain``), the pins of slots (``"ck_pin"``, and in the
#: recovery slot's private-key box): an older version of the application must not
#: rewrite such a file. Older files are read and upgraded on write; a version-2 file
#: simply has no clinical key until one is created.
#: 5: the optional unattended-maintenance slot (``maintenance``): an older version
#: would re-key without sealing the new key to it.
VERSION = 5
AAD_VERSIONS = (1, 2)
LOCK_SUFFIX = ".lock"
#: A re-key holds the lock while the database file is re-encrypted (seconds for
#: a large file); other writers wait that long before giving up.
LOCK_TIMEOUT_SECONDS = 30.0
LOCK_POLL_SECONDS = 0.005

BUSY_MESSAGE = (
    "Le fichier de clés est occupé par une autre session d'OISO Desktop depuis plus de "
    "{seconds} secondes : réessayez dans un instant."
)


def corrupt_error(path: object, detail: str = "") -> StorageError:
    message = f"Le fichier de clés est endommagé ou n'est pas un fichier de clés OISO : {path}."
    if detail:
        message += f" ({detail})"
    return StorageError(message, code="keystore_corrupt", path=str(path))


def b64d(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    return base64.b64decode(text.encode("ascii"), validate=True)


def parse_time(text: Any) -> dt.datetime:
    if not isinstance(text, str):
        raise ValueError("not a time")
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def file_lock(lock_path: Path, timeout: float, mode: int) -> filelock.FileLock:
    """An OS lock on ``lock_path`` (created with ``mode``; reentrant in one thread)."""
    # Short polls: a waiting instance gets the lock soon after it is released.
    return filelock.FileLock(str(lock_path), timeout=timeout, mode=mode)


@contextlib.contextmanager
def holding(lock: filelock.FileLock, what: Path, timeout: float) -> Iterator[None]:
    """Hold ``lock``; StorageError (French) after ``timeout`` or if it cannot be created."""
    try:
        lock.acquire(poll_interval=LOCK_POLL_SECONDS)
    except filelock.Timeout as exc:
        raise StorageError(
            BUSY_MESSAGE.format(seconds=round(timeout)),
            code="keystore_busy",
            path=str(what),
            seconds=round(timeout),
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"Le verrou du fichier {what.name} ne peut pas être créé : {exc.strerror}.",
            code="keystore_unwritable",
            path=str(what),
            name=what.name,
            reason=exc.strerror or "",
        ) from exc
    try:
        yield
    finally:
        lock.release()


def shared_mode(path: Path) -> int:
    """Permissions for a file beside ``path``: those of ``path``, else from its folder.

    A folder shared by the OS users of the computer (group-accessible) gets
    group read-write files, as ``LocalDatabase.create`` does.
    """
    try:
        return path.stat().st_mode & 0o666
    except OSError:
        pass
    try:
        return 0o660 if path.parent.stat().st_mode & 0o070 else 0o600
    except OSError:
        return 0o600


# --------------------------------------------------------------------------- validation


def _check_box(path: Path, box: Any, *, sealed: bool) -> None:
    if not isinstance(box, dict):
        raise corrupt_error(path)
    try:
        if len(b64d(box["nonce"])) != crypto.NONCE_LENGTH:
            raise ValueError("nonce")
        if len(b64d(box["ciphertext"])) < 16:
            raise ValueError("ciphertext")
        if box.get("aad", 1) not in AAD_VERSIONS:
            raise ValueError("aad version")
        if sealed:
            if len(b64d(box["ephemeral_public_key"])) != 32:
                raise ValueError("ephemeral key")
            if not isinstance(box["key_id"], str):
                raise ValueError("key id")
        else:
            if len(b64d(box["salt"])) < 8:
                raise ValueError("salt")
    except (KeyError, TypeError, ValueError) as exc:
        raise corrupt_error(path) from exc
    if not sealed:
        try:
            KdfParams.from_dict(box["kdf"])
        except StorageError as exc:
            raise corrupt_error(path, "paramètres de dérivation hors limites") from exc


def _check_slot(path: Path, slot: Any, *, user: bool) -> None:
    if not isinstance(slot, dict):
        raise corrupt_error(path)
    try:
        if user:
            if not isinstance(slot["user_id"], int) or isinstance(slot["user_id"], bool):
                raise ValueError("user_id")
            if not isinstance(slot["login"], str) or not slot["login"]:
                raise ValueError("login")
            if not isinstance(slot["bound"], bool):
                raise ValueError("bound")
            if slot["bound"] and not isinstance(slot.get("keyring_entry"), str):
                raise ValueError("keyring entry")
        if len(b64d(slot["public_key"])) != 32:
            raise ValueError("public key")
    except (KeyError, TypeError, ValueError) as exc:
        raise corrupt_error(path) from exc
    _check_box(path, slot.get("private_key"), sealed=False)
    _check_box(path, slot.get("dmk"), sealed=True)
    if slot.get("pending_dmk") is not None:
        _check_box(path, slot["pending_dmk"], sealed=True)
    boxes = slot.get("ck", {})
    if not isinstance(boxes, dict):
        raise corrupt_error(path)
    for generation, box in boxes.items():
        _check_box(path, box, sealed=True)
        if box["key_id"] != generation or not _is_generation(generation):
            raise corrupt_error(path, "clé clinique")
    # Its content is checked with the slot's key (an unverifiable pin is ignored).
    if "ck_pin" in slot and not isinstance(slot["ck_pin"], dict):
        raise corrupt_error(path, "clé clinique")


def _is_generation(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 16:
        return False
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True


def _check_clinical(path: Path, section: Any) -> None:
    """``{"clinical_key_id": id, "retiring_clinical_key_ids": [ids], "endorsements": 1,
    "rotation_owed": [reasons], "chain": [records]}`` (the last three optional) or
    None. The chain's records are checked with their signatures
    (``storage.clinical_chain``), by the sessions that use the key."""
    if section is None:
        return
    if not isinstance(section, dict):
        raise corrupt_error(path)
    retiring = section.get("retiring_clinical_key_ids")
    if (
        not _is_generation(section.get("clinical_key_id"))
        or not isinstance(retiring, list)
        or not all(_is_generation(item) for item in retiring)
        or section["clinical_key_id"] in retiring
    ):
        raise corrupt_error(path, "section clinique")
    owed = section.get("rotation_owed", [])
    if not isinstance(owed, list) or not all(isinstance(item, str) for item in owed):
        raise corrupt_error(path, "section clinique")
    chain = section.get("chain", [])
    if not isinstance(chain, list) or not all(isinstance(item, dict) for item in chain):
        raise corrupt_error(path, "section clinique")


def validate(path: Path, data: Any) -> dict[str, Any]:
    """Check the layout of a keystore; fill the optional keys. StorageError if invalid."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise corrupt_error(path)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise corrupt_error(path)
    if version > VERSION:
        raise StorageError(
            "Ce fichier de clés provient d'une version plus récente d'OISO Desktop : "
            "mettez l'application à jour.",
            code="keystore_too_new",
        )
    if not isinstance(data.get("database_uuid"), str) or not data["database_uuid"]:
        raise corrupt_error(path)
    if not isinstance(data.get("current_key_id"), (str, type(None))):
        raise corrupt_error(path)
    if not isinstance(data.get("pending_key_id"), (str, type(None))):
        raise corrupt_error(path)
    dropped = data.get("pending_drop_user_ids", [])
    if not isinstance(dropped, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in dropped
    ):
        raise corrupt_error(path)
    slots = data.get("slots")
    if not isinstance(slots, list):
        raise corrupt_error(path)
    seen: set[int] = set()
    logins: set[str] = set()
    for slot in slots:
        _check_slot(path, slot, user=True)
        if slot["user_id"] in seen or slot["login"] in logins:
            raise corrupt_error(path)
        seen.add(slot["user_id"])
        logins.add(slot["login"])
    if data.get("recovery") is not None:
        _check_slot(path, data["recovery"], user=False)
    maintenance = data.get("maintenance")
    if maintenance is not None:
        _check_slot(path, maintenance, user=False)
        if (
            maintenance.get("kind") != "maintenance"
            or not isinstance(maintenance.get("keyring_entry"), str)
            or maintenance.get("ck")
        ):
            raise corrupt_error(path, "clé de maintenance")
    _check_clinical(path, data.get("clinical"))
    # Version 1 kept failed logins here; they are moved to their own file.
    failures = data.get("failures", [])
    if not isinstance(failures, list):
        raise corrupt_error(path)
    try:
        for item in failures:
            if not isinstance(item["login"], str):
                raise ValueError("login")
            parse_time(item["at"])
    except (KeyError, TypeError, ValueError) as exc:
        raise corrupt_error(path) from exc
    data.setdefault("recovery", None)
    data.setdefault("pending_key_id", None)
    data.setdefault("clinical", None)  # version 2: no clinical key yet
    data["pending_drop_user_ids"] = list(dropped)
    return data


# --------------------------------------------------------------------------- stores


class SlotStore(Protocol):
    """Storage of the key-slot document (a JSON-ready dict) of one database."""

    def read(self) -> dict[str, Any]:
        """A validated copy of the current document (no lock)."""
        ...

    def transaction(self) -> AbstractContextManager[dict[str, Any]]:
        """Lock, yield a fresh validated copy to change, save it on normal exit."""
        ...

    def locked(self) -> AbstractContextManager[None]:
        """Hold the lock across several reads and transactions (e.g. a re-key)."""
        ...


class JsonFileSlotStore:
    """The ``oiso.keystore`` file, written atomically under ``oiso.keystore.lock``."""

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT_SECONDS) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + LOCK_SUFFIX)
        self.lock_timeout = lock_timeout
        self._lock: filelock.FileLock | None = None

    def _file_lock(self) -> filelock.FileLock:
        if self._lock is None:
            self._lock = file_lock(self.lock_path, self.lock_timeout, shared_mode(self.path))
        return self._lock

    def create(self, data: dict[str, Any]) -> None:
        if self.path.exists():
            raise StorageError("Une base OISO existe déjà dans ce dossier.", code="already_exists")
        with self.locked():
            self._write(validate(self.path, copy.deepcopy(data)))

    def read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise StorageError(
                f"Le fichier de clés est introuvable : {self.path}",
                code="keystore_missing",
                path=str(self.path),
            ) from exc
        except OSError as exc:
            raise StorageError(
                f"Le fichier de clés ne peut pas être lu : {self.path} ({exc.strerror}).",
                code="keystore_unreadable",
                path=str(self.path),
                reason=exc.strerror or "",
            ) from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise corrupt_error(self.path) from exc
        return validate(self.path, data)

    def locked(self) -> AbstractContextManager[None]:
        return holding(self._file_lock(), self.lock_path, self.lock_timeout)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[dict[str, Any]]:
        with self.locked():
            data = self.read()
            yield data
            data["version"] = VERSION
            self._write(validate(self.path, data))

    def _write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
        atomic_write(self.path, text.encode("utf-8") + b"\n")
