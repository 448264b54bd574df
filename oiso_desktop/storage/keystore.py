"""The key slots of a local database: the cryptography of the keystore.

Layout of the document (``"format": "oiso-keystore"``, ``"version": 4``)::

    {
      "format": "oiso-keystore", "version": 4,
      "database_uuid": "...",
      "current_key_id": "...",            # id of the DMK generation in use
      "pending_key_id": "..." | null,     # set between begin_rekey and commit_rekey
      "pending_drop_user_ids": [3],       # revocations waiting for that re-key
      "clinical": null | {                # the clinical key (CK), version 3
        "clinical_key_id": "...",         # the CK generation new ciphertexts use
        "retiring_clinical_key_ids": [],  # older generations, readable until the
                                          # re-encryption after a rotation is done
        "endorsements": 1,                # absent: a file from before endorsements
        "rotation_owed": ["user_revoked"],# reasons of a rotation a holder still owes
        "chain": [{...}]                  # version 4: the generations, each signed by
                                          # the one before (storage.clinical_chain);
                                          # absent: a file from before the chain
      },
      "slots": [                          # one per user
        {"user_id": 1, "login": "admin", "public_key": "<b64>",
         "private_key": {"salt", "kdf": {...}, "nonce", "ciphertext", "aad": 2},
         "bound": false, "keyring_entry": null | "slot:<db uuid>:<user id>",
         "dmk": {"key_id", "ephemeral_public_key", "nonce", "ciphertext", "aad": 2},
         "pending_dmk": {...},            # only during a re-key
         "ck": {"<generation>": {"key_id", "ephemeral_public_key", ...}},
         "ck_pin": {"generation", "verify_key", "mac"}}  # the generation it trusts
      ],                                  # "ck", "ck_pin": clinical accounts only
      "recovery": null | {"public_key", "private_key", "dmk", "pending_dmk", "ck"},
      "maintenance": {                    # version 5, optional: the unattended-
        "kind": "maintenance",            # maintenance slot (no "ck", ever)
        "keyring_entry": "maintenance:<db uuid>",
        "public_key", "private_key", "dmk", "pending_dmk"}
    }

The private key of a user slot is wrapped with AES-256-GCM under
argon2id(password) (peppered with a secret from the OS keyring when the slot is
bound to this computer). The database master key (DMK) is sealed to the slot's
X25519 public key, so an administrator can re-key for every slot without
knowing any password.

Associated data, per box (``"aad"``, absent = 1):

* 2 — private key ``oiso-user-slot|<db uuid>|<user id>|<login>``; DMK
  ``oiso-dmk-v2|<db uuid>|user:<user id>|<key id>|<login>``: a slot renamed in
  the JSON no longer opens.
* 1 — the same without the login (files written before). A version-1 file
  still opens; its DMK boxes are sealed again (public keys suffice) when a
  session holding the DMK opens the database (:meth:`Keystore.upgrade_seals`),
  and a private key is wrapped again at its owner's next successful password
  check (:meth:`Keystore.sign_in`).

The **maintenance slot** (optional, at most one) lets the scheduled
``maintenance run --unattended`` open the database with nobody signed in. Its
private key is wrapped like a user's under a random secret that lives only in
the OS keyring of the OS account that set it up (``keyring_entry``); associated
data ``oiso-maintenance-slot|<db uuid>`` and, for its DMK boxes,
``oiso-dmk|<db uuid>|maintenance|<key id>``. It holds the DMK only, never a
clinical-key box; a re-key seals the new DMK to it like to every other slot.

The recovery slot is bound to the database only (it has no login). From
version 4 its private-key box also holds, after the 32-byte key, the **pin** of
the clinical-key generation it trusts (JSON ``{"ck_pin": {"generation",
"verify_key"}}``): written only by a process that knows the recovery code, so
nobody else can remove or change it (a box of 32 bytes is from an older file).

Clinical-key boxes (``"ck"``) are sealed like the DMK boxes, with their own
associated data ``oiso-ck-v1|<db uuid>|user:<user id>|<generation>|<login>``
(``recovery`` and no login for the recovery slot). They live inside the slot, so
a slot replaced (password reset: new key pair) or removed loses them: only a
holder of the CK (a clinical colleague, or the recovery code) can seal it again.

Every CK box carries an **endorsement** of the slot's public key:
``HMAC-SHA256(CK of that generation, "oiso-ck-endorse|<db uuid>|<slot ref>|<public
key b64>")`` with slot ref ``user:<id>|<login>`` or ``recovery``. Only a CK holder
can make one (at an approval, or when a holder endorses the recovery slot); a
rotation seals the new generation only to slots whose endorsement still matches
their public key, so a public key written into the file by someone without the CK
never receives it.

The generations themselves form a signed **chain** (``clinical.chain``, see
``storage.clinical_chain``): :meth:`Keystore.verified_clinical_keys` returns a
slot's generations only if the chain verifies, the boxes hold the keys the chain
names, and the chain contains the generation the caller trusts (its pin, or what
the session verified before). A user slot's pin (``ck_pin``, an HMAC under a key
derived from the slot's private key) is written by its owner's session; the
recovery slot's pin lives in its private-key box.

Where the document lives and how it is locked is the business of a
:class:`~oiso_desktop.storage.slot_store.SlotStore` (locally the JSON file
``oiso.keystore`` under ``oiso.keystore.lock``): every change re-reads it under
the lock, applies the change and saves it before the lock is released. Failed
sign-ins live in another file (``storage.failure_log``).
"""

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oiso_desktop.domain.errors import AuthenticationError, KeyringUnavailable, StorageError
from oiso_desktop.domain.lockout import account_locked, retry_after_seconds
from oiso_desktop.storage import crypto
from oiso_desktop.storage.clinical_chain import (
    ChainError,
    GenerationAnchor,
    anchor_of,
    chain_records,
    pin_mac,
    verify_chain_records,
    verify_key_of,
)
from oiso_desktop.storage.crypto import DecryptionError, KdfParams
from oiso_desktop.storage.failure_log import FailureLog, ReportedFailure, Subject
from oiso_desktop.storage.field_crypto import ClinicalKeys, clinical_key_id, new_clinical_key
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.storage.slot_store import (
    FORMAT,
    VERSION,
    JsonFileSlotStore,
    SlotStore,
    corrupt_error,
    parse_time,
)

__all__ = [
    "BAD_CREDENTIALS_MESSAGE",
    "FAILURES_FILENAME",
    "FORMAT",
    "VERSION",
    "Keystore",
    "SignInResult",
    "SlotKey",
    "UnlockedSlot",
    "VerifiedClinicalKeys",
    "clinical_key_forged",
    "key_id_of",
]

MAINTENANCE_SECRET_LENGTH = 32
NO_MAINTENANCE_SLOT_MESSAGE = (
    "La maintenance sans surveillance n'est pas configurée pour cette base : un "
    "administrateur doit lancer « oiso-desktop maintenance setup-unattended »."
)
MAINTENANCE_SECRET_MISSING_MESSAGE = (
    "Le secret de la maintenance sans surveillance est introuvable dans le trousseau "
    "système de ce compte : lancez la maintenance avec le compte du système qui l'a "
    "configurée, ou configurez-la de nouveau."
)
MAINTENANCE_SECRET_WRONG_MESSAGE = (
    "Le secret du trousseau système n'ouvre pas la clé de maintenance de cette base : "
    "configurez de nouveau la maintenance sans surveillance."
)

FAILURES_FILENAME = "oiso.failures"
PEPPER_LENGTH = 32

BAD_CREDENTIALS_MESSAGE = "Identifiant ou mot de passe incorrect."
BOUND_SECRET_MISSING_MESSAGE = (
    "Ce compte est lié à cet ordinateur mais son secret est introuvable dans le trousseau "
    "système. Utilisez le code de récupération ou demandez à l'administrateur de "
    "réinitialiser votre mot de passe."
)
BAD_RECOVERY_CODE_MESSAGE = "Code de récupération incorrect."
NO_RECOVERY_SLOT_MESSAGE = "Ce trousseau de clés ne contient pas de code de récupération."
NO_SLOT_MESSAGE = "Aucune clé n'existe pour ce compte."
PENDING_KEY_NEEDED_MESSAGE = (
    "Un changement de clé de la base est en attente : la clé en attente n'est pas "
    "disponible dans cette session. Reconnectez-vous puis réessayez."
)
REKEY_MISMATCH_MESSAGE = (
    "Le changement de clé en attente dans le fichier de clés n'est pas celui qui vient "
    "d'être appliqué : rien n'a été validé. Reconnectez-vous avant de réessayer."
)
REKEY_ALREADY_PENDING_MESSAGE = "Un changement de clé de la base est déjà en attente."
NO_CLINICAL_KEY_MESSAGE = "Cette base n'a pas encore de clé clinique."
CLINICAL_KEY_STALE_MESSAGE = (
    "La clé clinique a changé depuis l'ouverture de cette session : reconnectez-vous "
    "puis réessayez."
)
CLINICAL_KEY_FORGED_MESSAGE = (
    "La clé clinique inscrite dans le fichier de clés ne se rattache à aucune clé de "
    "confiance : elle a pu être substituée. Elle n'est pas utilisée ; prévenez "
    "l'administrateur."
)
MIGRATION_REFUSED_MESSAGE = (
    "Des marques de confiance de la clé clinique manquent dans le fichier de clés alors "
    "que le journal montre qu'elles ont été posées (ou ne peut pas montrer le contraire) : "
    "personne n'est approuvé de nouveau et la clé n'est pas renouvelée. Prévenez "
    "l'administrateur."
)

_DUMMY_SALT = b"oiso-dummy-salt!"


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64d(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id_of(dmk: bytes) -> str:
    """A short public identifier of a DMK generation."""
    return hashlib.sha256(b"oiso-key-id|" + dmk).hexdigest()[:16]


def clinical_key_forged(reason: str, generation: str | None = None) -> StorageError:
    """The clinical key of the file cannot be chained to a trusted generation.

    ``reason`` (English, for the logs and the event): chain_missing, chain_broken,
    key_mismatch, not_chained, not_current, no_anchor, history_mismatch,
    event_altered, new_genesis_over_data, pinned_without_key.
    """
    return StorageError(
        CLINICAL_KEY_FORGED_MESSAGE,
        code="clinical_key_forged",
        reason=reason,
        generation=generation or "",
    )


def _pin_bytes(anchor: GenerationAnchor | None) -> bytes:
    """What follows the recovery private key in its box: the generation it trusts."""
    pin = (
        None
        if anchor is None
        else {"generation": anchor.generation, "verify_key": anchor.verify_key}
    )
    return json.dumps({"ck_pin": pin}, sort_keys=True, separators=(",", ":")).encode()


@dataclass
class UnlockedSlot:
    """The result of a successful unlock."""

    user_id: int
    dmk_candidates: list[bytes] = field(repr=False)
    private_key: bytes = field(repr=False)


@dataclass(frozen=True)
class SlotKey:
    """The unwrapped private key of the slot a session signed in with.

    ``user_id`` None is the recovery slot. With it, a session opens the DMK
    boxes of its slot again from the file on disk (a re-key pending or just
    committed by another instance) without asking for the password.

    ``pinned``/``pin``: the clinical-key generation pinned in the recovery slot's
    private-key box (``pinned`` False: a box from before pins; ``pin`` None with
    ``pinned``: the database had no clinical key when the slot was made).
    """

    user_id: int | None
    private_key: bytes = field(repr=False)
    pinned: bool = False
    pin: GenerationAnchor | None = None
    #: The unattended-maintenance slot (``user_id`` None too).
    maintenance: bool = False


@dataclass(frozen=True)
class VerifiedClinicalKeys:
    """A slot's clinical-key generations, once its chain is checked.

    ``chain``: every generation of the chain, oldest first (the last one is
    current). ``root``: the trusted generation the chain was checked from (None:
    the caller trusts none yet and must anchor the chain's genesis itself).
    """

    keys: ClinicalKeys = field(repr=False)
    chain: tuple[GenerationAnchor, ...]
    root: GenerationAnchor | None

    @property
    def current(self) -> GenerationAnchor:
        return self.chain[-1]


@dataclass(frozen=True)
class SignInResult:
    """A successful sign-in: the database key candidates and the slot's key."""

    user_id: int | None  # None: the recovery code
    login: str
    dmk_candidates: tuple[bytes, ...] = field(repr=False)
    slot_key: SlotKey = field(repr=False)

    @property
    def private_key(self) -> bytes:
        return self.slot_key.private_key


# --------------------------------------------------------------------------- keystore


class Keystore:
    """Key slots of one database, through a :class:`SlotStore`.

    The in-memory copy (``_data``) answers questions (``has_slot``...) and is
    refreshed from the store before every change and by :meth:`reload`.
    """

    def __init__(
        self, store: SlotStore, failures: FailureLog | None = None, *, path: Path | None = None
    ) -> None:
        self.store = store
        self.failures = failures
        self.path = path
        self._data = store.read()

    # -- files

    @classmethod
    def create(cls, path: Path, database_uuid: str) -> Keystore:
        path = Path(path)
        store = JsonFileSlotStore(path)
        store.create(
            {
                "format": FORMAT,
                "version": VERSION,
                "database_uuid": database_uuid,
                "current_key_id": None,
                "pending_key_id": None,
                "pending_drop_user_ids": [],
                "clinical": None,
                "slots": [],
                "recovery": None,
            }
        )
        return cls(store, FailureLog(path.with_name(FAILURES_FILENAME)), path=path)

    @classmethod
    def load(cls, path: Path) -> Keystore:
        """Read and check the file; modifies nothing."""
        path = Path(path)
        return cls(
            JsonFileSlotStore(path), FailureLog(path.with_name(FAILURES_FILENAME)), path=path
        )

    def reload(self) -> None:
        self._data = self.store.read()

    def locked(self) -> contextlib.AbstractContextManager[None]:
        """Hold the keystore lock across several steps (a re-key, an open)."""
        return self.store.locked()

    @contextlib.contextmanager
    def _change(self) -> Iterator[dict[str, Any]]:
        """A fresh copy under the lock; saved (and kept in memory) on normal exit."""
        with self.store.transaction() as data:
            yield data
            self._move_legacy_failures(data)
        self._data = data

    def _failure_log(self) -> FailureLog:
        if self.failures is None:
            raise StorageError(
                "Les échecs de connexion ne peuvent pas être enregistrés.", code="no_failure_log"
            )
        return self.failures

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

    @property
    def pending_drop_user_ids(self) -> tuple[int, ...]:
        """Users whose slots were dropped and who are still owed a re-key: the one
        pending, or the next one when a re-key was given up (see abort_rekey)."""
        return tuple(sorted(self._data.get("pending_drop_user_ids", [])))

    @property
    def version(self) -> int:
        return int(self._data["version"])

    def user_ids(self) -> list[int]:
        return [slot["user_id"] for slot in self._data["slots"]]

    def has_slot(self, user_id: int) -> bool:
        return self._find(self._data, user_id) is not None

    def slot_login(self, user_id: int) -> str:
        slot = self._find(self._data, user_id)
        if slot is None:
            raise StorageError(NO_SLOT_MESSAGE, code="no_slot")
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
            raise StorageError(NO_SLOT_MESSAGE, code="no_slot")
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

    @staticmethod
    def _holder_slot(data: dict[str, Any], holder: SlotKey) -> dict[str, Any] | None:
        if holder.maintenance:
            maintenance: dict[str, Any] | None = data.get("maintenance")
            return maintenance
        if holder.user_id is None:
            recovery: dict[str, Any] | None = data.get("recovery")
            return recovery
        return Keystore._find(data, holder.user_id)

    # -- associated data

    def _user_aad(self, user_id: int, login: str, version: int) -> bytes:
        base = f"oiso-user-slot|{self.database_uuid}|{user_id}"
        return base.encode() if version == 1 else f"{base}|{login}".encode()

    def _recovery_aad(self) -> bytes:
        return f"oiso-recovery-slot|{self.database_uuid}".encode()

    def _maintenance_aad(self) -> bytes:
        return f"oiso-maintenance-slot|{self.database_uuid}".encode()

    def _dmk_aad(self, slot_ref: str, key_id: str, login: str | None, version: int) -> bytes:
        if version == 1 or login is None:
            return f"oiso-dmk|{self.database_uuid}|{slot_ref}|{key_id}".encode()
        return f"oiso-dmk-v2|{self.database_uuid}|{slot_ref}|{key_id}|{login}".encode()

    def _keyring_entry(self, user_id: int) -> str:
        return f"slot:{self.database_uuid}:{user_id}"

    @staticmethod
    def _ref(slot: dict[str, Any]) -> tuple[str, str | None]:
        """(slot reference, login) of a user slot or of the recovery slot."""
        if "user_id" in slot:
            return f"user:{slot['user_id']}", str(slot["login"])
        if slot.get("kind") == "maintenance":
            return "maintenance", None
        return "recovery", None

    # -- building blocks

    def _wrap_private_key(
        self,
        private_key: bytes,
        secret: str,
        aad: bytes,
        pepper: bytes | None,
        version: int,
        extra: bytes = b"",
    ) -> dict[str, Any]:
        """The private key wrapped under ``secret``; ``extra`` (the recovery slot's
        pin) is encrypted with it, after the 32 bytes of the key."""
        params = crypto.default_kdf_params()
        salt = crypto.new_salt()
        key = crypto.derive_key(secret, salt, params, pepper=pepper)
        box: dict[str, Any] = crypto.aead_encrypt(key, private_key + extra, aad=aad)
        box = {"salt": _b64e(salt), "kdf": params.to_dict(), **box}
        if version != 1:
            box["aad"] = version
        return box

    def _wrap_user_key(
        self, slot_user_id: int, login: str, private_key: bytes, password: str, pepper: bytes | None
    ) -> dict[str, Any]:
        aad = self._user_aad(slot_user_id, login, 2)
        return self._wrap_private_key(private_key, password, aad, pepper, 2)

    def _seal_dmk(self, slot: dict[str, Any], dmk: bytes) -> dict[str, Any]:
        """A DMK box for ``slot`` (user slots: version-2 associated data)."""
        slot_ref, login = self._ref(slot)
        key_id = key_id_of(dmk)
        version = 1 if login is None else 2
        aad = self._dmk_aad(slot_ref, key_id, login, version)
        sealed: dict[str, Any] = crypto.seal(_b64d(slot["public_key"]), dmk, aad=aad)
        box = {"key_id": key_id, **sealed}
        if version != 1:
            box["aad"] = version
        return box

    def _unwrap_private_key(
        self, slot: dict[str, Any], secret: str, pepper: bytes | None
    ) -> bytes | None:
        opened = self._unwrap_private_box(slot, secret, pepper)
        return None if opened is None else opened[0]

    def _unwrap_private_box(
        self, slot: dict[str, Any], secret: str, pepper: bytes | None
    ) -> tuple[bytes, bytes] | None:
        """(private key, what follows it) of ``slot``; None if ``secret`` is wrong."""
        box = slot["private_key"]
        if "user_id" in slot:
            aad = self._user_aad(slot["user_id"], slot["login"], box.get("aad", 1))
        elif slot.get("kind") == "maintenance":
            aad = self._maintenance_aad()
        else:
            aad = self._recovery_aad()
        salt = _b64d(box["salt"])
        params = KdfParams.from_dict(box["kdf"])
        key = crypto.derive_key(secret, salt, params, pepper=pepper)
        try:
            plain = crypto.aead_decrypt(key, box, aad=aad)
        except DecryptionError:
            return None
        private_key, extra = plain[:32], plain[32:]
        if (
            len(private_key) != 32
            or crypto.public_key_of(private_key) != _b64d(slot["public_key"])
            or (extra and "user_id" in slot)
        ):
            raise corrupt_error(self.path, "clé privée incohérente")
        return private_key, extra

    def _recovery_pin(self, extra: bytes) -> tuple[bool, GenerationAnchor | None]:
        """(pinned, pinned generation) from what follows the recovery private key."""
        if not extra:
            return False, None
        try:
            pin = json.loads(extra.decode("utf-8"))["ck_pin"]
            if pin is None:
                return True, None
            generation, verify_key = pin["generation"], pin["verify_key"]
            if not isinstance(generation, str) or not isinstance(verify_key, (str, type(None))):
                raise ValueError("pin")
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise corrupt_error(self.path, "repère de la clé clinique") from exc
        return True, GenerationAnchor(generation, verify_key)

    def _unseal(self, slot: dict[str, Any], private_key: bytes, name: str) -> bytes | None:
        box = slot.get(name)
        if box is None:
            return None
        slot_ref, login = self._ref(slot)
        aad = self._dmk_aad(slot_ref, box["key_id"], login, box.get("aad", 1))
        try:
            dmk = crypto.unseal(private_key, box, aad=aad)
        except DecryptionError:
            return None
        return dmk if key_id_of(dmk) == box["key_id"] else None

    def _open_dmks(self, slot: dict[str, Any], private_key: bytes) -> list[bytes]:
        candidates = [
            dmk
            for dmk in (self._unseal(slot, private_key, n) for n in ("dmk", "pending_dmk"))
            if dmk is not None
        ]
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

    def _pending_dmk(self, data: dict[str, Any], holder: SlotKey | None) -> bytes | None:
        """The pending DMK of ``data`` (None if no re-key is pending), opened by ``holder``."""
        pending = data.get("pending_key_id")
        if pending is None:
            return None
        slot = self._holder_slot(data, holder) if holder is not None else None
        dmk = self._unseal(slot, holder.private_key, "pending_dmk") if slot and holder else None
        if dmk is None or key_id_of(dmk) != pending:
            raise StorageError(PENDING_KEY_NEEDED_MESSAGE, code="rekey_pending_key_missing")
        return dmk

    def _seal_all(self, slot: dict[str, Any], dmk: bytes, pending_dmk: bytes | None) -> None:
        slot["dmk"] = self._seal_dmk(slot, dmk)
        if pending_dmk is not None:
            slot["pending_dmk"] = self._seal_dmk(slot, pending_dmk)
        else:
            slot.pop("pending_dmk", None)

    def dmk_candidates(self, holder: SlotKey) -> list[bytes]:
        """The DMKs ``holder``'s slot opens in the file as it is now (current first).

        Empty when the slot is gone (revoked, or replaced by a password reset).
        """
        data = self.store.read()
        slot = self._holder_slot(data, holder)
        if slot is None or crypto.public_key_of(holder.private_key) != _b64d(slot["public_key"]):
            return []
        return [
            dmk
            for dmk in (self._unseal(slot, holder.private_key, n) for n in ("dmk", "pending_dmk"))
            if dmk is not None
        ]

    # -- user slots

    def add_user_slot(
        self,
        user_id: int,
        login: str,
        password: str,
        dmk: bytes | None,
        *,
        bind: bool = False,
        secret_store: SecretStore | None = None,
        holder: SlotKey | None = None,
    ) -> None:
        """Create (or replace, for a password reset) the slot of ``user_id``.

        The slot gets the current DMK and, while a re-key is pending, the pending
        one too, so that it keeps access when the re-key is committed. With
        ``holder`` (the acting session's slot key) both are opened from the
        holder's slot in the file under the lock (``dmk`` is then ignored);
        without it, ``dmk`` must be the current DMK and no re-key may be pending
        (StorageError, code ``rekey_pending_key_missing``; nothing changes).
        """
        login = login.strip().lower()
        private_key, public_key = crypto.new_keypair()
        with self._change() as data:
            other = self._find_login(data, login)
            if other is not None and other["user_id"] != user_id:
                raise StorageError(
                    "Un autre compte utilise déjà cet identifiant.", code="login_taken", login=login
                )
            current, pending_dmk = self._dmks_to_seal(data, dmk, holder)
            pepper = None
            entry = None
            if bind:
                pepper, entry = self._new_binding(user_id, secret_store)
            slot: dict[str, Any] = {
                "user_id": user_id,
                "login": login,
                "public_key": _b64e(public_key),
                "private_key": self._wrap_user_key(user_id, login, private_key, password, pepper),
                "bound": bind,
                "keyring_entry": entry,
            }
            self._seal_all(slot, current, pending_dmk)
            data["slots"] = [s for s in data["slots"] if s["user_id"] != user_id] + [slot]

    def _dmks_to_seal(
        self, data: dict[str, Any], dmk: bytes | None, holder: SlotKey | None
    ) -> tuple[bytes, bytes | None]:
        """(current DMK, pending DMK or None) for a new slot, checked against ``data``."""
        if holder is None:
            if dmk is None:
                raise ValueError("a DMK or a holder is needed")
            self._check_dmk_generation(data, dmk)
            return dmk, self._pending_dmk(data, None)
        slot = self._holder_slot(data, holder)
        current = self._unseal(slot, holder.private_key, "dmk") if slot else None
        if current is None or key_id_of(current) != data.get("current_key_id"):
            raise StorageError(
                "La clé de cette session ne correspond plus au fichier de clés : "
                "reconnectez-vous puis réessayez.",
                code="stale_slot_key",
            )
        return current, self._pending_dmk(data, holder)

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

    def _unlock(
        self, slot: dict[str, Any] | None, password: str, secret_store: SecretStore | None
    ) -> tuple[UnlockedSlot, bytes | None]:
        """Unwrap ``slot``; AuthenticationError (after the same argon2 work) if refused."""
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
        private_key = self._unwrap_private_key(slot, password, pepper)
        if private_key is None:
            raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
        candidates = self._open_dmks(slot, private_key)
        return UnlockedSlot(user_id, candidates, private_key), pepper

    def unlock_user(self, login: str, password: str, secret_store: SecretStore) -> UnlockedSlot:
        """Unwrap the private key of ``login`` and the DMK candidates.

        Never modifies a file and counts no failure (see :meth:`sign_in`). An
        unknown login costs the same argon2 work and raises the same
        AuthenticationError as a wrong password.
        """
        return self._unlock(self._find_login(self._data, login), password, secret_store)[0]

    def _legacy_failures(self, subject: Subject) -> list[dt.datetime]:
        """Failures still in a version-1 keystore (moved at its next change)."""
        if subject.kind == "recovery":
            return []
        return [
            parse_time(item["at"])
            for item in self._data.get("failures", [])
            if item["login"] == subject.text
        ]

    def _check_lockout(self, subject: Subject, now: dt.datetime) -> None:
        failures = self._failure_log().recent(subject, now) + self._legacy_failures(subject)
        delay = retry_after_seconds(failures, now)
        if delay:
            raise account_locked(delay)

    def sign_in(
        self,
        login: str,
        password: str,
        *,
        now: dt.datetime,
        secret_store: SecretStore | None,
        context: str = "login",
        report: bool = True,
    ) -> SignInResult:
        """The one password check: lockout, unwrap, failure counted when refused.

        Refusals raise: AccountLocked (``retry_after_seconds``) while the login
        is locked, without trying the password; AuthenticationError with the
        same message and the same argon2 work for a wrong password and an
        unknown login (the failure is counted under the lock of the failures
        file first); KeyringUnavailable for a bound slot without its secret.
        ``report=False``: the caller writes the failure into the event log
        itself (an open session); it still counts for the lockout.

        Once the caller has accepted the sign-in (the account may still be
        suspended), :meth:`accept_sign_in` resets the login's lockout and wraps a
        version-1 private key again.
        """
        typed = (login or "").strip().lower()
        self.reload()
        slot = self._find_login(self._data, typed) if typed else None
        subject = Subject.account(typed) if slot is not None else Subject.unknown(typed)
        failures = self._failure_log()
        with failures.one_attempt_at_a_time():
            self._check_lockout(subject, now)
            try:
                unlocked, _pepper = self._unlock(slot, password, secret_store)
            except AuthenticationError:
                reason = "bad_password" if slot is not None else "unknown_login"
                failures.record(subject, now, reason=reason, context=context, report=report)
                raise AuthenticationError(BAD_CREDENTIALS_MESSAGE) from None
            except KeyringUnavailable:
                # A slot bound to another computer: the message says so (it helps its
                # owner), so the attempt is counted and throttled like any other.
                failures.record(
                    subject, now, reason="bound_secret_missing", context=context, report=report
                )
                raise
        return SignInResult(
            user_id=unlocked.user_id,
            login=typed,
            dmk_candidates=tuple(unlocked.dmk_candidates),
            slot_key=SlotKey(unlocked.user_id, unlocked.private_key),
        )

    def accept_sign_in(
        self, result: SignInResult, password: str, secret_store: SecretStore | None
    ) -> None:
        """The sign-in opened a session: its lockout starts from zero again, and a
        version-1 private key gets the login in its associated data."""
        if result.user_id is None:
            self._failure_log().reset(Subject.recovery())
            return
        self._failure_log().reset(Subject.account(result.login))
        self.upgrade_private_key(result, password, secret_store)

    def upgrade_private_key(
        self, result: SignInResult, password: str, secret_store: SecretStore | None
    ) -> bool:
        """Wrap a version-1 private key again with the login in its associated data.

        Called after a successful password login has been accepted (the account's
        login matches the slot's). True if the slot was upgraded.
        """
        user_id = result.user_id
        slot = self._find(self.store.read(), user_id) if user_id is not None else None
        if slot is None or user_id is None or slot["private_key"].get("aad", 1) != 1:
            return False
        pepper = secret_store.get(slot["keyring_entry"]) if slot["bound"] and secret_store else None
        if slot["bound"] and pepper is None:
            return False
        with self._change() as data:
            slot = self._find(data, user_id)
            if (
                slot is None
                or slot["private_key"].get("aad", 1) != 1
                or slot["login"] != result.login
                or crypto.public_key_of(result.private_key) != _b64d(slot["public_key"])
            ):
                return False  # changed meanwhile (password change, reset, revocation)
            slot["private_key"] = self._wrap_user_key(
                user_id, slot["login"], result.private_key, password, pepper
            )
        return True

    def record_failure(
        self, login: str, at: dt.datetime, *, reason: str, context: str = "login"
    ) -> None:
        """Count a refusal decided after the password check (e.g. a suspended account)."""
        self._failure_log().record(Subject.account(login), at, reason=reason, context=context)

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
        old_entry = None
        keep_bound = False
        with self._change() as data:
            slot = self._find(data, user_id)
            if slot is None:
                raise StorageError(NO_SLOT_MESSAGE, code="no_slot")
            if crypto.public_key_of(private_key) != _b64d(slot["public_key"]):
                raise StorageError("La clé privée ne correspond pas à ce compte.", code="wrong_key")
            old_entry = slot.get("keyring_entry") if slot["bound"] else None
            keep_bound = slot["bound"] if bind is None else bind
            pepper = None
            entry = None
            if keep_bound:
                if bind is None and old_entry is not None:
                    if secret_store is None:
                        raise KeyringUnavailable(BOUND_SECRET_MISSING_MESSAGE)
                    pepper = secret_store.get(old_entry)
                    if pepper is None:
                        raise KeyringUnavailable(BOUND_SECRET_MISSING_MESSAGE)
                    entry = old_entry
                else:
                    pepper, entry = self._new_binding(user_id, secret_store)
            slot["private_key"] = self._wrap_user_key(
                user_id, slot["login"], private_key, new_password, pepper
            )
            slot["bound"] = keep_bound
            slot["keyring_entry"] = entry
        if old_entry is not None and not keep_bound and secret_store is not None:
            with contextlib.suppress(KeyringUnavailable):
                secret_store.delete(old_entry)

    def remove_slot(self, user_id: int) -> None:
        with self._change() as data:
            data["slots"] = [s for s in data["slots"] if s["user_id"] != user_id]

    def upgrade_seals(self, dmks: Iterable[bytes]) -> int:
        """Seal again, with the login bound, the version-1 DMK boxes of ``dmks``.

        Sealing needs only public keys: any session holding the DMK upgrades
        every slot. Returns the number of boxes sealed again (0: nothing written).
        """
        held = {key_id_of(dmk): dmk for dmk in dmks}

        def stale(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
            return [
                (slot, name)
                for slot in data["slots"]
                for name in ("dmk", "pending_dmk")
                if slot.get(name) is not None
                and slot[name].get("aad", 1) == 1
                and slot[name]["key_id"] in held
            ]

        if not stale(self.store.read()):
            return 0
        with self._change() as data:
            boxes = stale(data)
            for slot, name in boxes:
                slot[name] = self._seal_dmk(slot, held[slot[name]["key_id"]])
        return len(boxes)

    # -- recovery slot

    def set_recovery_slot(
        self, code: str, dmk: bytes | None, *, holder: SlotKey | None = None
    ) -> None:
        """Create (or replace) the recovery slot; DMKs as in :meth:`add_user_slot`.

        Its box pins the clinical-key generation the file names now (the last
        record of the chain; none if there is no clinical key): the new slot will
        trust that generation and what the chain adds after it.
        """
        normalised = crypto.normalise_recovery_code(code)
        if not crypto.is_valid_recovery_code(normalised):
            raise ValueError("invalid recovery code")
        private_key, public_key = crypto.new_keypair()
        with self._change() as data:
            current, pending_dmk = self._dmks_to_seal(data, dmk, holder)
            slot: dict[str, Any] = {
                "public_key": _b64e(public_key),
                "private_key": self._wrap_private_key(
                    private_key,
                    normalised,
                    self._recovery_aad(),
                    None,
                    1,
                    _pin_bytes(self._public_head(data)),
                ),
            }
            self._seal_all(slot, current, pending_dmk)
            data["recovery"] = slot

    def unlock_recovery(self, code: str) -> list[bytes]:
        """DMK candidates from the recovery code; AuthenticationError if wrong (not counted)."""
        return list(self._unlock_recovery(code).dmk_candidates)

    def _unlock_recovery(self, code: str) -> SignInResult:
        slot = self._data.get("recovery")
        normalised = crypto.normalise_recovery_code(code)
        if slot is None:
            raise StorageError(NO_RECOVERY_SLOT_MESSAGE, code="no_recovery_slot")
        opened = self._unwrap_private_box(slot, normalised, None)
        if opened is None:
            raise AuthenticationError(BAD_RECOVERY_CODE_MESSAGE, code="bad_recovery_code")
        private_key, extra = opened
        pinned, pin = self._recovery_pin(extra)
        return SignInResult(
            user_id=None,
            login="",
            dmk_candidates=tuple(self._open_dmks(slot, private_key)),
            slot_key=SlotKey(None, private_key, pinned=pinned, pin=pin),
        )

    def sign_in_recovery(self, code: str, *, now: dt.datetime) -> SignInResult:
        """The recovery code, throttled like a login (its own counter)."""
        self.reload()
        subject = Subject.recovery()
        failures = self._failure_log()
        with failures.one_attempt_at_a_time():
            self._check_lockout(subject, now)
            try:
                return self._unlock_recovery(code)
            except AuthenticationError:
                failures.record(subject, now, reason="bad_recovery_code", context="recovery")
                raise

    # -- clinical key (CK)

    @property
    def clinical_key_id(self) -> str | None:
        """The CK generation new clinical ciphertexts use (None: no CK yet)."""
        section = self._data.get("clinical")
        return None if section is None else str(section["clinical_key_id"])

    @property
    def retiring_clinical_key_ids(self) -> tuple[str, ...]:
        """Older generations still readable, until the re-encryption is done."""
        section = self._data.get("clinical")
        return () if section is None else tuple(section["retiring_clinical_key_ids"])

    def clinical_key_holders(self, *, any_generation: bool = False) -> tuple[int, ...]:
        """User ids whose slot holds the current CK (``any_generation``: any CK box)."""
        current = self.clinical_key_id
        return tuple(
            sorted(
                slot["user_id"]
                for slot in self._data["slots"]
                if slot.get("ck") and (any_generation or current in slot["ck"])
            )
        )

    def recovery_holds_clinical_key(self) -> bool:
        recovery = self._data.get("recovery")
        current = self.clinical_key_id
        return bool(recovery and current and current in recovery.get("ck", {}))

    @staticmethod
    def _clinical_generations(data: dict[str, Any]) -> list[str]:
        section = data.get("clinical")
        if section is None:
            return []
        return [section["clinical_key_id"], *section["retiring_clinical_key_ids"]]

    def _ck_aad(self, slot: dict[str, Any], generation: str) -> bytes:
        slot_ref, login = self._ref(slot)
        base = f"oiso-ck-v1|{self.database_uuid}|{slot_ref}|{generation}"
        return base.encode() if login is None else f"{base}|{login}".encode()

    def _endorsement(self, slot: dict[str, Any], ck: bytes) -> str:
        """HMAC-SHA256(CK, ``oiso-ck-endorse|<db uuid>|<slot ref>|<public key b64>``).

        Only a holder of the CK can make it: it says "this public key may
        receive this generation". The slot ref is ``user:<id>|<login>`` or
        ``recovery``.
        """
        slot_ref, login = self._ref(slot)
        ref = slot_ref if login is None else f"{slot_ref}|{login}"
        message = f"oiso-ck-endorse|{self.database_uuid}|{ref}|{slot['public_key']}"
        return _b64e(hmac.new(ck, message.encode(), hashlib.sha256).digest())

    def _endorsed(self, slot: dict[str, Any], ck: bytes) -> bool:
        """Whether ``slot``'s box of ``ck``'s generation carries a valid endorsement."""
        box = slot.get("ck", {}).get(clinical_key_id(ck))
        if not isinstance(box, dict) or not isinstance(box.get("endorsement"), str):
            return False
        return hmac.compare_digest(box["endorsement"], self._endorsement(slot, ck))

    def _seal_ck(self, slot: dict[str, Any], ck: bytes) -> None:
        """A CK box for ``slot``, with the endorsement of its public key as it is now."""
        generation = clinical_key_id(ck)
        sealed: dict[str, Any] = crypto.seal(
            _b64d(slot["public_key"]), ck, aad=self._ck_aad(slot, generation)
        )
        box = {"key_id": generation, **sealed}
        if "user_id" in slot:
            box["aad"] = 2
        box["endorsement"] = self._endorsement(slot, ck)
        slot.setdefault("ck", {})[generation] = box

    def _unseal_ck(self, slot: dict[str, Any], private_key: bytes, generation: str) -> bytes | None:
        box = slot.get("ck", {}).get(generation)
        if box is None:
            return None
        try:
            ck = crypto.unseal(private_key, box, aad=self._ck_aad(slot, generation))
        except DecryptionError:
            return None
        return ck if clinical_key_id(ck) == generation else None

    @staticmethod
    def _check_current(data: dict[str, Any], keys: ClinicalKeys) -> list[str]:
        """The generations in use; StorageError unless ``keys`` holds the current one."""
        generations = Keystore._clinical_generations(data)
        if not generations:
            raise StorageError(NO_CLINICAL_KEY_MESSAGE, code="no_clinical_key")
        if keys.current_id != generations[0] or generations[0] not in keys.generations:
            raise StorageError(CLINICAL_KEY_STALE_MESSAGE, code="clinical_key_stale")
        return generations

    @staticmethod
    def _public_head(data: dict[str, Any]) -> GenerationAnchor | None:
        """The current generation as the file names it (its verify key if chained)."""
        section = data.get("clinical")
        if section is None:
            return None
        chain = section.get("chain")
        if isinstance(chain, list) and chain and isinstance(chain[-1], dict):
            record = chain[-1]
            if record.get("generation") == section["clinical_key_id"]:
                return GenerationAnchor(str(record["generation"]), record.get("verify_key"))
        return GenerationAnchor(str(section["clinical_key_id"]), None)

    def create_clinical_key(
        self, recovery_code: str, *, key: bytes | None = None
    ) -> ClinicalKeys | None:
        """A new CK (``key``, else a random one), the genesis of its chain, sealed
        (and endorsed) to the recovery slot only; None if the database has one.

        Called by the process that has just made the recovery slot (database
        creation) or that has just unlocked it with the recovery code (the first
        approval of a database without a CK): it knows the public key is genuine.
        The recovery slot's box is wrapped again with the code to pin the new
        generation. StorageError ``no_recovery_slot`` without a recovery slot,
        AuthenticationError ``bad_recovery_code`` if the code does not open it.
        """
        ck = key if key is not None else new_clinical_key()
        normalised = crypto.normalise_recovery_code(recovery_code)
        with self._change() as data:
            recovery = data.get("recovery")
            if recovery is None:
                raise StorageError(NO_RECOVERY_SLOT_MESSAGE, code="no_recovery_slot")
            if data.get("clinical") is not None:
                return None
            opened = self._unwrap_private_box(recovery, normalised, None)
            if opened is None:
                raise AuthenticationError(BAD_RECOVERY_CODE_MESSAGE, code="bad_recovery_code")
            for slot in data["slots"]:
                slot.pop("ck", None)
                slot.pop("ck_pin", None)
            recovery.pop("ck", None)
            recovery["private_key"] = self._wrap_private_key(
                opened[0], normalised, self._recovery_aad(), None, 1, _pin_bytes(anchor_of(ck))
            )
            self._seal_ck(recovery, ck)
            data["clinical"] = {
                "clinical_key_id": clinical_key_id(ck),
                "retiring_clinical_key_ids": [],
                "endorsements": 1,
                "rotation_owed": [],
                "chain": chain_records(self.database_uuid, [ck]),
            }
        return ClinicalKeys(clinical_key_id(ck), {clinical_key_id(ck): ck})

    def forget_clinical_key(self, generation: str | None = None) -> None:
        """No CK any more (every box and pin dropped): for a CK only an old recovery
        slot held, while nothing is encrypted with it. The next recovery-code
        approval makes a new one. With ``generation``: only if it is still the
        current one (undoing a creation whose event was not committed)."""
        with self._change() as data:
            section = data.get("clinical")
            if generation is not None and (
                section is None or section["clinical_key_id"] != generation
            ):
                return
            for slot in [*data["slots"], *([data["recovery"]] if data.get("recovery") else [])]:
                slot.pop("ck", None)
                slot.pop("ck_pin", None)
            data["clinical"] = None

    def clinical_keys_for(self, holder: SlotKey) -> ClinicalKeys | None:
        """The CK generations ``holder``'s slot opens in the file now, **unchecked**.

        None unless it opens the current generation (not approved yet, or its
        box was dropped). Nothing says these keys are genuine: sessions use
        :meth:`verified_clinical_keys`; this is for a key file from before the
        chain (its first holder adopts it) and for diagnostics.
        """
        data = self.store.read()
        slot = self._holder_slot(data, holder)
        generations = self._clinical_generations(data)
        if (
            slot is None
            or not generations
            or crypto.public_key_of(holder.private_key) != _b64d(slot["public_key"])
        ):
            return None
        keys = {}
        for generation in generations:
            ck = self._unseal_ck(slot, holder.private_key, generation)
            if ck is not None:
                keys[generation] = ck
        if generations[0] not in keys:
            return None
        return ClinicalKeys(generations[0], keys)

    # chain

    @property
    def has_clinical_chain(self) -> bool:
        """False for a key file from before the chain (or whose chain was removed)."""
        section = self._data.get("clinical")
        return section is not None and section.get("chain") is not None

    def _verified_chain(self, data: dict[str, Any]) -> tuple[GenerationAnchor, ...]:
        section = data["clinical"]
        current = section["clinical_key_id"]
        if section.get("chain") is None:
            raise clinical_key_forged("chain_missing", current)
        try:
            chain = verify_chain_records(self.database_uuid, section["chain"])
        except ChainError as exc:
            raise clinical_key_forged("chain_broken", current) from exc
        if chain[-1].generation != current:
            raise clinical_key_forged("not_current", current)
        return chain

    def clinical_chain(self) -> tuple[GenerationAnchor, ...]:
        """The generations of the chain, oldest first, signatures checked (the last
        is current). StorageError ``clinical_key_forged`` if there is no CK, no
        chain, or a record does not verify."""
        data = self.store.read()
        if data.get("clinical") is None:
            raise StorageError(NO_CLINICAL_KEY_MESSAGE, code="no_clinical_key")
        return self._verified_chain(data)

    def verified_clinical_keys(
        self, holder: SlotKey, roots: Sequence[GenerationAnchor | None] = ()
    ) -> VerifiedClinicalKeys | None:
        """``holder``'s generations, only if they chain to the first root given.

        None when the slot does not open the current generation (not approved,
        box dropped, slot replaced). Otherwise StorageError ``clinical_key_forged``
        unless: the chain verifies and ends with the current generation; every
        box the slot opens holds the key its chain record names (the verify key
        derived from the key); and the first root that is not None (what the
        session verified before, then its pin) is in the chain. Generations the
        slot opens outside the chain are left out. With no root, the caller
        anchors the chain's genesis itself (``root`` None in the result).
        """
        data = self.store.read()
        slot = self._holder_slot(data, holder)
        if (
            slot is None
            or data.get("clinical") is None
            or crypto.public_key_of(holder.private_key) != _b64d(slot["public_key"])
        ):
            return None
        current = data["clinical"]["clinical_key_id"]
        if self._unseal_ck(slot, holder.private_key, current) is None:
            return None
        chain = self._verified_chain(data)
        recorded = {anchor.generation: anchor for anchor in chain}
        keys = {}
        for generation in self._clinical_generations(data):
            ck = self._unseal_ck(slot, holder.private_key, generation)
            if ck is None or generation not in recorded:
                continue
            if not hmac.compare_digest(verify_key_of(ck), recorded[generation].verify_key or ""):
                raise clinical_key_forged("key_mismatch", current)
            keys[generation] = ck
        root = next((r for r in roots if r is not None), None)
        if root is not None and (
            root.generation not in recorded or not root.matches(recorded[root.generation])
        ):
            raise clinical_key_forged("not_chained", current)
        return VerifiedClinicalKeys(ClinicalKeys(current, keys), chain, root)

    def adopt_clinical_chain(self, keys: ClinicalKeys) -> tuple[GenerationAnchor, ...] | None:
        """Trust on first use, for a key file from before the chain: the generations
        ``keys`` holds (oldest retiring first, current last) become the chain, each
        signed by the one before. Returns the chain, or None if the file has one
        already (another session adopted it meanwhile)."""
        with self._change() as data:
            generations = self._check_current(data, keys)
            section = data["clinical"]
            if section.get("chain") is not None:
                return None
            held = [keys.key(g) for g in reversed(generations) if g in keys.generations]
            section["chain"] = chain_records(self.database_uuid, held)
        return tuple(anchor_of(ck) for ck in held)

    def drop_clinical_chain(self, expected: Sequence[GenerationAnchor]) -> None:
        """Undo :meth:`adopt_clinical_chain` (its event was not committed), if the
        chain is still exactly ``expected``."""
        with self._change() as data:
            section = data.get("clinical")
            if section is None or section.get("chain") is None:
                return
            try:
                chain = verify_chain_records(self.database_uuid, section["chain"])
            except ChainError:
                return
            if list(chain) == list(expected):
                del section["chain"]

    # pins

    def clinical_pin(self, holder: SlotKey) -> tuple[bool, GenerationAnchor | None]:
        """(pinned, generation) ``holder``'s slot trusts: for a user slot its
        ``ck_pin`` if the MAC verifies (else not pinned), for the recovery slot
        the pin of its box."""
        if holder.user_id is None:
            return holder.pinned, holder.pin
        data = self.store.read()
        slot = self._find(data, holder.user_id)
        pin = slot.get("ck_pin") if slot is not None else None
        if (
            slot is None
            or not isinstance(pin, dict)
            or not isinstance(pin.get("generation"), str)
            or not isinstance(pin.get("verify_key"), str)
            or not isinstance(pin.get("mac"), str)
            or crypto.public_key_of(holder.private_key) != _b64d(slot["public_key"])
        ):
            return False, None
        anchor = GenerationAnchor(pin["generation"], pin["verify_key"])
        expected = pin_mac(holder.private_key, self.database_uuid, self._pin_ref(slot), anchor)
        if not hmac.compare_digest(pin["mac"], expected):
            return False, None
        return True, anchor

    def pin_clinical_generation(self, holder: SlotKey, anchor: GenerationAnchor) -> bool:
        """Pin ``anchor`` in ``holder``'s user slot (its session has verified it).
        True if the file changed. The recovery slot's pin changes only with its code."""
        if holder.user_id is None or anchor.verify_key is None:
            return False
        if self.clinical_pin(holder) == (True, anchor):
            return False
        with self._change() as data:
            slot = self._find(data, holder.user_id)
            if slot is None or crypto.public_key_of(holder.private_key) != _b64d(
                slot["public_key"]
            ):
                return False
            mac = pin_mac(holder.private_key, self.database_uuid, self._pin_ref(slot), anchor)
            slot["ck_pin"] = {
                "generation": anchor.generation,
                "verify_key": anchor.verify_key,
                "mac": mac,
            }
        return True

    def _pin_ref(self, slot: dict[str, Any]) -> str:
        slot_ref, login = self._ref(slot)
        return slot_ref if login is None else f"{slot_ref}|{login}"

    def grant_clinical_key(self, user_id: int, keys: ClinicalKeys) -> None:
        """Seal, and endorse, the CK generations in use (those ``keys`` holds) to
        ``user_id``'s slot as it is now (an approval, four-eyes, in person).

        Only public keys are needed. ``keys`` must hold the current generation
        (StorageError ``clinical_key_stale`` otherwise: a rotation happened).
        """
        with self._change() as data:
            generations = self._check_current(data, keys)
            slot = self._find(data, user_id)
            if slot is None:
                raise StorageError(NO_SLOT_MESSAGE, code="no_slot")
            for generation in generations:
                if generation in keys.generations:
                    self._seal_ck(slot, keys.key(generation))

    def drop_clinical_boxes(self, user_id: int) -> None:
        """Remove every CK box, and the pin, of ``user_id``'s slot (no CK needed)."""
        with self._change() as data:
            slot = self._find(data, user_id)
            if slot is not None:
                slot.pop("ck", None)
                slot.pop("ck_pin", None)

    # endorsements

    def recovery_endorsed(self, keys: ClinicalKeys) -> bool:
        """Whether the recovery slot holds the current generation, endorsed (checked
        with ``keys``)."""
        recovery = self._data.get("recovery")
        current = self.clinical_key_id
        if recovery is None or current is None or current not in keys.generations:
            return False
        return self._endorsed(recovery, keys.key(current))

    def endorse_recovery_slot(self, keys: ClinicalKeys) -> bool:
        """Seal and endorse the CK generations ``keys`` holds to the recovery slot as
        it is now (a holder's explicit decision). True if the file changed."""
        with self._change() as data:
            generations = self._check_current(data, keys)
            recovery = data.get("recovery")
            if recovery is None:
                raise StorageError(NO_RECOVERY_SLOT_MESSAGE, code="no_recovery_slot")
            if self._endorsed(recovery, keys.key(generations[0])):
                return False
            recovery.pop("ck", None)
            for generation in generations:
                if generation in keys.generations:
                    self._seal_ck(recovery, keys.key(generation))
        return True

    @property
    def endorsements_migrated(self) -> bool:
        section = self._data.get("clinical")
        return section is None or bool(section.get("endorsements"))

    def endorse_current_holders(self, keys: ClinicalKeys, user_ids: Iterable[int]) -> list[str]:
        """Trust on first use, once, for a key file from before endorsements: every
        slot among ``user_ids`` (and the recovery slot) holding a box of the current
        generation without an endorsement is endorsed as it is now. Returns the
        slot refs endorsed (nothing if the file was migrated already)."""
        allowed = set(user_ids)
        done: list[str] = []
        with self._change() as data:
            self._check_current(data, keys)
            section = data["clinical"]
            if section.get("endorsements"):
                return []
            current = section["clinical_key_id"]
            slots = [s for s in data["slots"] if s["user_id"] in allowed]
            if data.get("recovery") is not None:
                slots.append(data["recovery"])
            for slot in slots:
                boxes = slot.get("ck", {})
                if current not in boxes or "endorsement" in boxes[current]:
                    continue
                for generation, box in boxes.items():
                    if generation in keys.generations and "endorsement" not in box:
                        box["endorsement"] = self._endorsement(slot, keys.key(generation))
                done.append(self._ref(slot)[0])
            section["endorsements"] = 1
        return done

    def restore_endorsement_mark(self) -> bool:
        """Put the endorsement mark back **without** endorsing anyone (a migration
        refused: the endorsements that verify keep counting, the others do not).
        True if the file changed."""
        with self._change() as data:
            section = data.get("clinical")
            if section is None or section.get("endorsements"):
                return False
            section["endorsements"] = 1
        return True

    # rotation

    @property
    def clinical_rotation_owed(self) -> tuple[str, ...]:
        """Reasons of a rotation owed (empty: none): the next holder's session does it."""
        section = self._data.get("clinical")
        return () if section is None else tuple(section.get("rotation_owed") or ())

    def owe_clinical_rotation(self, reason: str, drop_user_ids: Iterable[int]) -> None:
        """Drop the boxes of ``drop_user_ids`` at once and record a rotation owed.

        Needs no CK (an administrator's or any login's process does it); the
        rotation itself waits for a session holding the CK.
        """
        drop = set(drop_user_ids)
        with self._change() as data:
            section = data.get("clinical")
            if section is None:
                return
            for slot in data["slots"]:
                if slot["user_id"] in drop:
                    slot.pop("ck", None)
                    slot.pop("ck_pin", None)
            owed = list(section.get("rotation_owed") or [])
            if reason not in owed:
                owed.append(reason)
            section["rotation_owed"] = owed

    def rotate_clinical_key(
        self,
        keys: ClinicalKeys,
        *,
        keep_user_ids: Iterable[int],
        new_key: bytes | None = None,
        holder: SlotKey | None = None,
    ) -> tuple[str, tuple[str, ...]]:
        """A new CK generation (``new_key``, else a random one), from a session
        holding the current one (``keys``); its chain record is signed with the
        current generation.

        It is sealed only to the slots of ``keep_user_ids`` that hold the current
        generation **with a valid endorsement** (checked with ``keys``), and to
        the recovery slot if it is endorsed; ``holder``'s own slot counts as
        endorsed when its public key is the one of ``holder``'s private key (the
        session proved it). Each new box is endorsed with the new generation.
        Every other slot loses all its CK boxes and its pin. The new generation
        becomes current, the owed rotation is cleared; the old generations stay
        readable by the remaining holders until :meth:`retire_clinical_generations`.
        Returns (new generation, refs of the slots refused: public key not endorsed).
        StorageError ``clinical_key_migration_refused`` without the endorsement mark,
        ``clinical_key_forged`` without a chain (the first holder's login adopts it).
        """
        keep = set(keep_user_ids)
        ck = new_key if new_key is not None else new_clinical_key()
        generation = clinical_key_id(ck)
        refused: list[str] = []
        with self._change() as data:
            self._check_current(data, keys)
            section = data["clinical"]
            current = section["clinical_key_id"]
            if not section.get("endorsements"):
                raise StorageError(
                    MIGRATION_REFUSED_MESSAGE,
                    code="clinical_key_migration_refused",
                    mark="endorsements",
                    reason="not_migrated",
                )
            self._verified_chain(data)
            old = keys.key(current)
            slots = list(data["slots"])
            recovery = data.get("recovery")
            if recovery is not None:
                slots.append(recovery)
            # The rotating session proved its own slot's public key (it opened its box).
            own = self._holder_slot(data, holder) if holder is not None else None
            proven = (
                own is not None
                and holder is not None
                and own["public_key"] == _b64e(crypto.public_key_of(holder.private_key))
            )
            for slot in slots:
                is_user = "user_id" in slot
                if is_user and slot["user_id"] not in keep or current not in slot.get("ck", {}):
                    slot.pop("ck", None)
                    slot.pop("ck_pin", None)
                elif self._endorsed(slot, old) or (proven and slot is own):
                    self._seal_ck(slot, ck)
                else:
                    slot.pop("ck", None)
                    slot.pop("ck_pin", None)
                    refused.append(self._ref(slot)[0])
            section["retiring_clinical_key_ids"] = [
                current,
                *section["retiring_clinical_key_ids"],
            ]
            section["clinical_key_id"] = generation
            section["rotation_owed"] = []
            section["chain"] = [
                *section["chain"],
                *chain_records(self.database_uuid, [ck], previous=old),
            ]
        return generation, tuple(refused)

    def retire_clinical_generations(self, generations: Iterable[str]) -> None:
        """Forget old generations (nothing is encrypted with them any more)."""
        retired = set(generations)
        with self._change() as data:
            section = data.get("clinical")
            if section is None:
                return
            retired.discard(section["clinical_key_id"])
            section["retiring_clinical_key_ids"] = [
                g for g in section["retiring_clinical_key_ids"] if g not in retired
            ]
            slots = list(data["slots"])
            if data.get("recovery") is not None:
                slots.append(data["recovery"])
            for slot in slots:
                for generation in retired:
                    slot.get("ck", {}).pop(generation, None)

    # -- unattended-maintenance slot

    def has_maintenance_slot(self) -> bool:
        return self._data.get("maintenance") is not None

    def _maintenance_entry(self) -> str:
        return f"maintenance:{self.database_uuid}"

    def set_maintenance_slot(self, secret_store: SecretStore, *, holder: SlotKey) -> None:
        """Create (or replace) the unattended-maintenance slot; its secret goes to the
        OS keyring of the current OS user (KeyringUnavailable, nothing written, if
        there is no secure keyring). The DMKs are opened from ``holder``'s slot, as
        in :meth:`add_user_slot`."""
        from oiso_desktop.storage.secret_store import NO_KEYRING_MESSAGE

        if not secret_store.available():
            raise KeyringUnavailable(NO_KEYRING_MESSAGE)
        secret = secrets.token_bytes(MAINTENANCE_SECRET_LENGTH)
        private_key, public_key = crypto.new_keypair()
        entry = self._maintenance_entry()
        with self._change() as data:
            current, pending_dmk = self._dmks_to_seal(data, None, holder)
            slot: dict[str, Any] = {
                "kind": "maintenance",
                "keyring_entry": entry,
                "public_key": _b64e(public_key),
                "private_key": self._wrap_private_key(
                    private_key, _b64e(secret), self._maintenance_aad(), None, 1
                ),
            }
            self._seal_all(slot, current, pending_dmk)
            data["maintenance"] = slot
            # Last, under the lock: a refused keyring leaves the file unchanged.
            secret_store.set(entry, secret)

    def remove_maintenance_slot(self, secret_store: SecretStore | None) -> bool:
        """Remove the slot and its keyring secret (True if there was a slot)."""
        with self._change() as data:
            slot = data.get("maintenance")
            data["maintenance"] = None
        if slot is not None and secret_store is not None:
            with contextlib.suppress(KeyringUnavailable):
                secret_store.delete(str(slot["keyring_entry"]))
        return slot is not None

    def unlock_maintenance(self, secret_store: SecretStore) -> SignInResult:
        """The DMK candidates of the maintenance slot, from the OS keyring's secret.

        StorageError (``no_maintenance_slot``) if not set up; KeyringUnavailable if
        the keyring is unusable or lacks the secret; AuthenticationError
        (``maintenance_secret_wrong``) if the secret does not open the slot.
        """
        self.reload()
        slot = self._data.get("maintenance")
        if slot is None:
            raise StorageError(NO_MAINTENANCE_SLOT_MESSAGE, code="no_maintenance_slot")
        secret = secret_store.get(str(slot["keyring_entry"]))
        if secret is None:
            raise KeyringUnavailable(
                MAINTENANCE_SECRET_MISSING_MESSAGE, code="maintenance_secret_missing"
            )
        private_key = self._unwrap_private_key(slot, _b64e(secret), None)
        if private_key is None:
            raise AuthenticationError(
                MAINTENANCE_SECRET_WRONG_MESSAGE, code="maintenance_secret_wrong"
            )
        return SignInResult(
            user_id=None,
            login="",
            dmk_candidates=tuple(self._open_dmks(slot, private_key)),
            slot_key=SlotKey(None, private_key, maintenance=True),
        )

    # -- re-key

    @staticmethod
    def _all_slots(data: dict[str, Any]) -> list[dict[str, Any]]:
        """Every slot holding the DMK: users', recovery, unattended maintenance."""
        slots = list(data["slots"])
        for name in ("recovery", "maintenance"):
            if data.get(name) is not None:
                slots.append(data[name])
        return slots

    def begin_rekey(
        self,
        new_dmk: bytes,
        *,
        drop_user_ids: Iterable[int] = (),
        replace_pending: bool = False,
    ) -> None:
        """Seal ``new_dmk`` as ``pending_dmk`` to every remaining slot; drop the others.

        A re-key already pending is replaced only with ``replace_pending=True``
        (the caller has checked, under the lock, that the file still has the
        current key); its dropped users stay dropped.
        """
        dropped = set(drop_user_ids)
        key_id = key_id_of(new_dmk)
        with self._change() as data:
            previous = data.get("pending_key_id")
            if previous is not None and previous != key_id and not replace_pending:
                raise StorageError(REKEY_ALREADY_PENDING_MESSAGE, code="rekey_already_pending")
            # Revocations still owed a re-key (pending, or left by an aborted one)
            # stay dropped.
            dropped |= set(data.get("pending_drop_user_ids", []))
            data["slots"] = [s for s in data["slots"] if s["user_id"] not in dropped]
            for slot in self._all_slots(data):
                slot["pending_dmk"] = self._seal_dmk(slot, new_dmk)
            data["pending_key_id"] = key_id
            data["pending_drop_user_ids"] = sorted(dropped)

    def pending_dmk_on_disk(self, holder: SlotKey) -> bytes | None:
        """The pending DMK as ``holder``'s slot opens it in the file now (None if none)."""
        data = self.store.read()
        if data.get("pending_key_id") is None:
            return None
        return self._pending_dmk(data, holder)

    def commit_rekey(self, expected_key_id: str) -> None:
        """Make the pending DMK (it must be ``expected_key_id``) the current one.

        Committing an already committed ``expected_key_id`` does nothing; any
        other state raises StorageError (code ``rekey_mismatch``) and changes nothing.
        """
        with self._change() as data:
            pending = data.get("pending_key_id")
            if pending != expected_key_id:
                if pending is None and data.get("current_key_id") == expected_key_id:
                    return
                raise StorageError(REKEY_MISMATCH_MESSAGE, code="rekey_mismatch")
            for slot in self._all_slots(data):
                box = slot.pop("pending_dmk", None)
                if box is not None and box["key_id"] == expected_key_id:
                    slot["dmk"] = box
            data["current_key_id"] = expected_key_id
            data["pending_key_id"] = None
            data["pending_drop_user_ids"] = []

    def abort_rekey(self, expected_key_id: str | None = None) -> None:
        """Forget the pending keys (the database kept its current key).

        The users it dropped stay listed in ``pending_drop_user_ids``: their slots
        are gone, but the file still has the key an old copy of their slot opens,
        so a re-key is still owed to them (the next one completes it).
        """
        with self._change() as data:
            if expected_key_id is not None and data.get("pending_key_id") != expected_key_id:
                return
            for slot in self._all_slots(data):
                slot.pop("pending_dmk", None)
            data["pending_key_id"] = None

    # -- failed sign-ins

    def _move_legacy_failures(self, data: dict[str, Any]) -> None:
        """Move the failures of a version-1 file to the failures file (under both locks)."""
        legacy = data.pop("failures", None)
        if not legacy or self.failures is None:
            return
        items = []
        for item in legacy:
            known = self._find_login(data, item["login"]) is not None
            subject = Subject.account(item["login"]) if known else Subject.unknown(item["login"])
            reason = "bad_password" if known else "unknown_login"
            items.append((subject, parse_time(item["at"]), reason, "login", True))
        self.failures.record_many(items)

    def drain_failures(self) -> list[ReportedFailure]:
        """Every failure not yet in the event log (oldest first), taken out exactly once."""
        if self._data.get("failures") or self.store.read().get("failures"):
            with self._change():
                pass
        return self._failure_log().drain()

    def restore_failures(self, failures: Sequence[ReportedFailure]) -> None:
        """Put drained failures back (the event log could not be written)."""
        self._failure_log().restore(failures)
