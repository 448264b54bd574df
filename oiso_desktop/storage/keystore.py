"""The keystore: key slots of a local database, in a JSON file beside it.

Layout (``"format": "oiso-keystore"``, ``"version": 1``)::

    {
      "format": "oiso-keystore", "version": 1,
      "database_uuid": "...",
      "current_key_id": "...",            # id of the DMK generation in use
      "pending_key_id": "..." | null,     # set between begin_rekey and commit_rekey
      "slots": [                          # one per user
        {"user_id": 1, "login": "admin", "public_key": "<b64>",
         "private_key": {"salt", "kdf": {...}, "nonce", "ciphertext"},
         "bound": false, "keyring_entry": null | "slot:<db uuid>:<user id>",
         "dmk": {"key_id", "ephemeral_public_key", "nonce", "ciphertext"},
         "pending_dmk": {...}}            # only during a re-key
      ],
      "recovery": null | {"public_key", "private_key", "dmk", "pending_dmk"},
      "failures": [{"login": "...", "at": "2026-01-02T03:04:05.123456Z"}]   # at most 200
    }

The private key of a user slot is wrapped with AES-256-GCM under
argon2id(password) (peppered with a secret from the OS keyring when the slot is
bound to this computer); the associated data is
``b"oiso-user-slot|<db uuid>|<user id>"``. The database master key (DMK) is
sealed to the slot's X25519 public key, so an administrator can re-key for
every slot without knowing any password.

Every mutation re-reads the file, applies the change and saves atomically
(temporary file in the same folder, fsync, ``os.replace``, fsync of the folder).
"""

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
import secrets
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oiso_desktop.domain.errors import AuthenticationError, KeyringUnavailable, StorageError
from oiso_desktop.storage import crypto
from oiso_desktop.storage.crypto import DecryptionError, KdfParams
from oiso_desktop.storage.secret_store import SecretStore

FORMAT = "oiso-keystore"
VERSION = 1
MAX_FAILURES = 200
PEPPER_LENGTH = 32

BAD_CREDENTIALS_MESSAGE = "Identifiant ou mot de passe incorrect."
BOUND_SECRET_MISSING_MESSAGE = (
    "Ce compte est lié à cet ordinateur mais son secret est introuvable dans le trousseau "
    "système. Utilisez le code de récupération ou demandez à l'administrateur de "
    "réinitialiser votre mot de passe."
)
BAD_RECOVERY_CODE_MESSAGE = "Code de récupération incorrect."
NO_RECOVERY_SLOT_MESSAGE = "Ce trousseau de clés ne contient pas de code de récupération."

_DUMMY_SALT = b"oiso-dummy-salt!"


def _corrupt(path: Path, detail: str = "") -> StorageError:
    message = f"Le fichier de clés est endommagé ou n'est pas un fichier de clés OISO : {path}."
    if detail:
        message += f" ({detail})"
    return StorageError(message, code="keystore_corrupt", path=str(path))


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64d(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id_of(dmk: bytes) -> str:
    """A short public identifier of a DMK generation."""
    return hashlib.sha256(b"oiso-key-id|" + dmk).hexdigest()[:16]


def _to_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _format_time(value: dt.datetime) -> str:
    return _to_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_time(text: str) -> dt.datetime:
    return _to_utc(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))


@dataclass
class UnlockedSlot:
    """The result of a successful unlock."""

    user_id: int
    dmk_candidates: list[bytes]
    private_key: bytes = field(repr=False)


def fsync_directory(folder: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, replace, fsync folder)."""
    folder = path.parent
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o660 if folder.stat().st_mode & 0o070 else 0o600
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_directory(folder)


# --------------------------------------------------------------------------- validation


def _check_box(path: Path, box: Any, *, sealed: bool) -> None:
    if not isinstance(box, dict):
        raise _corrupt(path)
    try:
        if len(_b64d(box["nonce"])) != crypto.NONCE_LENGTH:
            raise ValueError("nonce")
        if len(_b64d(box["ciphertext"])) < 16:
            raise ValueError("ciphertext")
        if sealed:
            if len(_b64d(box["ephemeral_public_key"])) != 32:
                raise ValueError("ephemeral key")
            if not isinstance(box["key_id"], str):
                raise ValueError("key id")
        else:
            if len(_b64d(box["salt"])) < 8:
                raise ValueError("salt")
            KdfParams.from_dict(box["kdf"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _corrupt(path) from exc


def _check_slot(path: Path, slot: Any, *, user: bool) -> None:
    if not isinstance(slot, dict):
        raise _corrupt(path)
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
        if len(_b64d(slot["public_key"])) != 32:
            raise ValueError("public key")
    except (KeyError, TypeError, ValueError) as exc:
        raise _corrupt(path) from exc
    _check_box(path, slot.get("private_key"), sealed=False)
    _check_box(path, slot.get("dmk"), sealed=True)
    if slot.get("pending_dmk") is not None:
        _check_box(path, slot["pending_dmk"], sealed=True)


def _validate(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _corrupt(path)
    version = data.get("version")
    if not isinstance(version, int):
        raise _corrupt(path)
    if version > VERSION:
        raise StorageError(
            "Ce fichier de clés provient d'une version plus récente d'OISO Desktop : "
            "mettez l'application à jour.",
            code="keystore_too_new",
        )
    if not isinstance(data.get("database_uuid"), str) or not data["database_uuid"]:
        raise _corrupt(path)
    if not isinstance(data.get("current_key_id"), (str, type(None))):
        raise _corrupt(path)
    if not isinstance(data.get("pending_key_id"), (str, type(None))):
        raise _corrupt(path)
    slots = data.get("slots")
    if not isinstance(slots, list):
        raise _corrupt(path)
    seen: set[int] = set()
    for slot in slots:
        _check_slot(path, slot, user=True)
        if slot["user_id"] in seen:
            raise _corrupt(path)
        seen.add(slot["user_id"])
    if data.get("recovery") is not None:
        _check_slot(path, data["recovery"], user=False)
    failures = data.get("failures", [])
    if not isinstance(failures, list):
        raise _corrupt(path)
    try:
        for item in failures:
            if not isinstance(item["login"], str):
                raise ValueError("login")
            _parse_time(item["at"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _corrupt(path) from exc
    data.setdefault("failures", [])
    data.setdefault("recovery", None)
    data.setdefault("pending_key_id", None)
    return data


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise StorageError(
            f"Le fichier de clés est introuvable : {path}", code="keystore_missing", path=str(path)
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"Le fichier de clés ne peut pas être lu : {path} ({exc.strerror}).",
            code="keystore_unreadable",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _corrupt(path) from exc
    return _validate(path, data)


# --------------------------------------------------------------------------- keystore


class Keystore:
    """Key slots of one local database. See the module docstring for the format."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = Path(path)
        self._data = data

    # -- files

    @classmethod
    def create(cls, path: Path, database_uuid: str) -> Keystore:
        path = Path(path)
        if path.exists():
            raise StorageError("Une base OISO existe déjà dans ce dossier.", code="already_exists")
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "database_uuid": database_uuid,
            "current_key_id": None,
            "pending_key_id": None,
            "slots": [],
            "recovery": None,
            "failures": [],
        }
        keystore = cls(path, data)
        keystore._save()
        return keystore

    @classmethod
    def load(cls, path: Path) -> Keystore:
        path = Path(path)
        return cls(path, _read(path))

    def reload(self) -> None:
        self._data = _read(self.path)

    def _save(self) -> None:
        text = json.dumps(self._data, indent=2, sort_keys=True, ensure_ascii=False)
        atomic_write(self.path, text.encode("utf-8") + b"\n")

    def _mutate(self) -> dict[str, Any]:
        """Fresh copy of the file content to change, then :meth:`_commit`."""
        return copy.deepcopy(_read(self.path))

    def _commit(self, data: dict[str, Any]) -> None:
        self._data = data
        self._save()

    # -- facts

    @property
    def database_uuid(self) -> str:
        return str(self._data["database_uuid"])

    @property
    def current_key_id(self) -> str | None:
        return self._data.get("current_key_id")

    @property
    def pending_key_id(self) -> str | None:
        return self._data.get("pending_key_id")

    @property
    def rekey_pending(self) -> bool:
        return self._data.get("pending_key_id") is not None

    def user_ids(self) -> list[int]:
        return [slot["user_id"] for slot in self._data["slots"]]

    def has_slot(self, user_id: int) -> bool:
        return self._find(self._data, user_id) is not None

    def slot_login(self, user_id: int) -> str:
        slot = self._find(self._data, user_id)
        if slot is None:
            raise StorageError("Aucune clé n'existe pour ce compte.", code="no_slot")
        return str(slot["login"])

    def is_bound(self, user_id: int) -> bool:
        slot = self._find(self._data, user_id)
        return bool(slot and slot["bound"])

    def has_recovery_slot(self) -> bool:
        return self._data.get("recovery") is not None

    def slot_json(self, user_id: int) -> dict[str, Any]:
        """A copy of a slot's JSON (for diagnostics and tests)."""
        slot = self._find(self._data, user_id)
        if slot is None:
            raise StorageError("Aucune clé n'existe pour ce compte.", code="no_slot")
        return copy.deepcopy(slot)

    @staticmethod
    def _find(data: dict[str, Any], user_id: int) -> dict[str, Any] | None:
        for slot in data["slots"]:
            if slot["user_id"] == user_id:
                return slot
        return None

    @staticmethod
    def _find_login(data: dict[str, Any], login: str) -> dict[str, Any] | None:
        wanted = login.strip().lower()
        for slot in data["slots"]:
            if slot["login"] == wanted:
                return slot
        return None

    # -- associated data

    def _user_aad(self, user_id: int) -> bytes:
        return f"oiso-user-slot|{self.database_uuid}|{user_id}".encode()

    def _recovery_aad(self) -> bytes:
        return f"oiso-recovery-slot|{self.database_uuid}".encode()

    def _dmk_aad(self, slot_ref: str, key_id: str) -> bytes:
        return f"oiso-dmk|{self.database_uuid}|{slot_ref}|{key_id}".encode()

    def _keyring_entry(self, user_id: int) -> str:
        return f"slot:{self.database_uuid}:{user_id}"

    # -- building blocks

    def _wrap_private_key(
        self, private_key: bytes, secret: str, aad: bytes, pepper: bytes | None
    ) -> dict[str, Any]:
        params = crypto.default_kdf_params()
        salt = crypto.new_salt()
        key = crypto.derive_key(secret, salt, params, pepper=pepper)
        box = crypto.aead_encrypt(key, private_key, aad=aad)
        return {"salt": _b64e(salt), "kdf": params.to_dict(), **box}

    def _seal_dmk(self, public_key: bytes, dmk: bytes, slot_ref: str) -> dict[str, Any]:
        key_id = key_id_of(dmk)
        sealed = crypto.seal(public_key, dmk, aad=self._dmk_aad(slot_ref, key_id))
        return {"key_id": key_id, **sealed}

    def _unwrap_private_key(
        self, slot: dict[str, Any], secret: str, aad: bytes, pepper: bytes | None
    ) -> bytes | None:
        box = slot["private_key"]
        salt = _b64d(box["salt"])
        params = KdfParams.from_dict(box["kdf"])
        key = crypto.derive_key(secret, salt, params, pepper=pepper)
        try:
            private_key = crypto.aead_decrypt(key, box, aad=aad)
        except DecryptionError:
            return None
        if len(private_key) != 32 or crypto.public_key_of(private_key) != _b64d(slot["public_key"]):
            raise _corrupt(self.path, "clé privée incohérente")
        return private_key

    def _open_dmks(self, slot: dict[str, Any], private_key: bytes, slot_ref: str) -> list[bytes]:
        candidates: list[bytes] = []
        for name in ("dmk", "pending_dmk"):
            box = slot.get(name)
            if box is None:
                continue
            try:
                dmk = crypto.unseal(private_key, box, aad=self._dmk_aad(slot_ref, box["key_id"]))
            except DecryptionError:
                continue
            if key_id_of(dmk) != box["key_id"]:
                continue
            candidates.append(dmk)
        if not candidates:
            raise StorageError(
                "Le fichier de clés est endommagé : la clé de la base de données ne peut pas "
                "être déchiffrée pour ce compte.",
                code="keystore_slot_damaged",
                path=str(self.path),
            )
        return candidates

    def _check_dmk_generation(self, data: dict[str, Any], dmk: bytes) -> None:
        key_id = key_id_of(dmk)
        current = data.get("current_key_id")
        if current is None:
            data["current_key_id"] = key_id
        elif current != key_id:
            raise StorageError(
                "Cette clé ne correspond pas à la clé actuelle de la base de données.",
                code="wrong_dmk",
            )

    # -- user slots

    def add_user_slot(
        self,
        user_id: int,
        login: str,
        password: str,
        dmk: bytes,
        *,
        bind: bool = False,
        secret_store: SecretStore | None = None,
    ) -> None:
        """Create (or replace, for a password reset) the slot of ``user_id``."""
        login = login.strip().lower()
        data = self._mutate()
        self._check_dmk_generation(data, dmk)
        other = self._find_login(data, login)
        if other is not None and other["user_id"] != user_id:
            raise StorageError(
                "Un autre compte utilise déjà cet identifiant.", code="login_taken", login=login
            )
        pepper = None
        entry = None
        if bind:
            pepper, entry = self._new_binding(user_id, secret_store)
        private_key, public_key = crypto.new_keypair()
        slot = {
            "user_id": user_id,
            "login": login,
            "public_key": _b64e(public_key),
            "private_key": self._wrap_private_key(
                private_key, password, self._user_aad(user_id), pepper
            ),
            "bound": bind,
            "keyring_entry": entry,
            "dmk": self._seal_dmk(public_key, dmk, f"user:{user_id}"),
        }
        data["slots"] = [s for s in data["slots"] if s["user_id"] != user_id] + [slot]
        self._commit(data)

    def _new_binding(self, user_id: int, secret_store: SecretStore | None) -> tuple[bytes, str]:
        from oiso_desktop.storage.secret_store import NO_KEYRING_MESSAGE

        if secret_store is None or not secret_store.available():
            raise KeyringUnavailable(NO_KEYRING_MESSAGE)
        pepper = secrets.token_bytes(PEPPER_LENGTH)
        entry = self._keyring_entry(user_id)
        secret_store.set(entry, pepper)
        return pepper, entry

    def _dummy_derivation(self, password: str) -> None:
        crypto.derive_key(password, _DUMMY_SALT, crypto.default_kdf_params())

    def unlock_user(self, login: str, password: str, secret_store: SecretStore) -> UnlockedSlot:
        """Unwrap the private key of ``login`` and the DMK candidates.

        Never modifies the file. An unknown login costs the same argon2 work and
        raises the same AuthenticationError as a wrong password.
        """
        slot = self._find_login(self._data, login)
        if slot is None:
            self._dummy_derivation(password)
            raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
        user_id = int(slot["user_id"])
        pepper = None
        if slot["bound"]:
            try:
                pepper = secret_store.get(slot["keyring_entry"]) if secret_store else None
            except KeyringUnavailable:
                pepper = None
            if pepper is None:
                self._dummy_derivation(password)
                raise KeyringUnavailable(BOUND_SECRET_MISSING_MESSAGE, code="bound_secret_missing")
        private_key = self._unwrap_private_key(slot, password, self._user_aad(user_id), pepper)
        if private_key is None:
            raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
        candidates = self._open_dmks(slot, private_key, f"user:{user_id}")
        return UnlockedSlot(user_id=user_id, dmk_candidates=candidates, private_key=private_key)

    def set_password(
        self,
        user_id: int,
        private_key: bytes,
        new_password: str,
        *,
        bind: bool | None = None,
        secret_store: SecretStore | None = None,
    ) -> None:
        """Re-wrap the private key of ``user_id`` under a new password.

        ``bind=None`` keeps the current binding; True makes a new keyring secret;
        False removes the binding (and its keyring secret when a store is given).
        """
        data = self._mutate()
        slot = self._find(data, user_id)
        if slot is None:
            raise StorageError("Aucune clé n'existe pour ce compte.", code="no_slot")
        if crypto.public_key_of(private_key) != _b64d(slot["public_key"]):
            raise StorageError("La clé privée ne correspond pas à ce compte.", code="wrong_key")
        old_entry = slot.get("keyring_entry") if slot["bound"] else None
        keep_bound = slot["bound"] if bind is None else bind
        pepper = None
        entry = None
        if keep_bound:
            if bind is None and old_entry is not None:
                if secret_store is None:
                    raise KeyringUnavailable(
                        BOUND_SECRET_MISSING_MESSAGE, code="bound_secret_missing"
                    )
                pepper = secret_store.get(old_entry)
                if pepper is None:
                    raise KeyringUnavailable(
                        BOUND_SECRET_MISSING_MESSAGE, code="bound_secret_missing"
                    )
                entry = old_entry
            else:
                pepper, entry = self._new_binding(user_id, secret_store)
        slot["private_key"] = self._wrap_private_key(
            private_key, new_password, self._user_aad(user_id), pepper
        )
        slot["bound"] = keep_bound
        slot["keyring_entry"] = entry
        self._commit(data)
        if old_entry is not None and not keep_bound and secret_store is not None:
            with contextlib.suppress(KeyringUnavailable):
                secret_store.delete(old_entry)

    def remove_slot(self, user_id: int) -> None:
        data = self._mutate()
        data["slots"] = [s for s in data["slots"] if s["user_id"] != user_id]
        self._commit(data)

    # -- recovery slot

    def set_recovery_slot(self, code: str, dmk: bytes) -> None:
        normalised = crypto.normalise_recovery_code(code)
        if not crypto.is_valid_recovery_code(normalised):
            raise ValueError("invalid recovery code")
        data = self._mutate()
        self._check_dmk_generation(data, dmk)
        private_key, public_key = crypto.new_keypair()
        data["recovery"] = {
            "public_key": _b64e(public_key),
            "private_key": self._wrap_private_key(
                private_key, normalised, self._recovery_aad(), None
            ),
            "dmk": self._seal_dmk(public_key, dmk, "recovery"),
        }
        self._commit(data)

    def unlock_recovery(self, code: str) -> list[bytes]:
        """DMK candidates from the recovery code; AuthenticationError if wrong."""
        slot = self._data.get("recovery")
        normalised = crypto.normalise_recovery_code(code)
        if slot is None:
            raise StorageError(NO_RECOVERY_SLOT_MESSAGE, code="no_recovery_slot")
        private_key = self._unwrap_private_key(slot, normalised, self._recovery_aad(), None)
        if private_key is None:
            raise AuthenticationError(BAD_RECOVERY_CODE_MESSAGE, code="bad_recovery_code")
        return self._open_dmks(slot, private_key, "recovery")

    # -- re-key

    def begin_rekey(self, new_dmk: bytes, *, drop_user_ids: Iterable[int] = ()) -> None:
        """Seal ``new_dmk`` as ``pending_dmk`` to every remaining slot; drop the others."""
        dropped = set(drop_user_ids)
        data = self._mutate()
        key_id = key_id_of(new_dmk)
        data["slots"] = [s for s in data["slots"] if s["user_id"] not in dropped]
        for slot in data["slots"]:
            slot["pending_dmk"] = self._seal_dmk(
                _b64d(slot["public_key"]), new_dmk, f"user:{slot['user_id']}"
            )
        if data.get("recovery") is not None:
            data["recovery"]["pending_dmk"] = self._seal_dmk(
                _b64d(data["recovery"]["public_key"]), new_dmk, "recovery"
            )
        data["pending_key_id"] = key_id
        self._commit(data)

    def commit_rekey(self) -> None:
        """Make the pending DMK the current one (no-op when no re-key is pending)."""
        data = self._mutate()
        if data.get("pending_key_id") is None:
            self._data = data
            return
        slots = list(data["slots"])
        if data.get("recovery") is not None:
            slots.append(data["recovery"])
        for slot in slots:
            pending = slot.pop("pending_dmk", None)
            if pending is not None:
                slot["dmk"] = pending
        data["current_key_id"] = data["pending_key_id"]
        data["pending_key_id"] = None
        self._commit(data)

    def abort_rekey(self) -> None:
        """Forget pending keys (the database kept its current key)."""
        data = self._mutate()
        slots = list(data["slots"])
        if data.get("recovery") is not None:
            slots.append(data["recovery"])
        for slot in slots:
            slot.pop("pending_dmk", None)
        data["pending_key_id"] = None
        self._commit(data)

    # -- failed logins

    def record_failure(self, login: str, at: dt.datetime) -> None:
        data = self._mutate()
        failures = data["failures"]
        failures.append({"login": login.strip().lower()[:64], "at": _format_time(at)})
        data["failures"] = failures[-MAX_FAILURES:]
        self._commit(data)

    def failures_for(self, login: str, since: dt.datetime) -> list[dt.datetime]:
        wanted = login.strip().lower()
        since_utc = _to_utc(since)
        result = []
        for item in self._data["failures"]:
            if item["login"] != wanted:
                continue
            at = _parse_time(item["at"])
            if at >= since_utc:
                result.append(at)
        return result

    def drain_failures(self) -> list[tuple[str, dt.datetime]]:
        """Return every recorded failure (oldest first) and clear the list."""
        data = self._mutate()
        drained = [(item["login"], _parse_time(item["at"])) for item in data["failures"]]
        if drained:
            data["failures"] = []
            self._commit(data)
        else:
            self._data = data
        return drained
