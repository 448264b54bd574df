"""Cryptographic primitives of the key slots.

* Password derivation: argon2id (``argon2.low_level.hash_secret_raw``). The
  parameters are stored with every slot, so a slot stays openable when the
  defaults change. An optional *pepper* (the secret of a slot bound to this
  computer, kept in the OS keyring) is mixed in with HKDF-SHA256.
* Sealing to a public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM with
  associated data. The result is a small dict of base64 strings (JSON-ready).
* Recovery codes: 26 Crockford base32 characters (130 bits) in dashed groups.

Tests lower the argon2 cost through :func:`set_default_kdf_params`; production
code never calls it.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from oiso_desktop.domain.errors import StorageError

KEY_LENGTH = 32
SALT_LENGTH = 16
NONCE_LENGTH = 12
SEAL_INFO = b"oiso-slot-v1"
PEPPER_INFO = b"oiso-pepper-v1"

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CODE_LENGTH = 26  # 26 * 5 = 130 bits
_RECOVERY_GROUPS = (4, 4, 4, 4, 5, 5)


class DecryptionError(Exception):
    """Authenticated decryption failed (wrong key, or tampered data)."""


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost parameters (memory in KiB)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 2

    def to_dict(self) -> dict[str, int]:
        return {"algorithm": "argon2id", **asdict(self)}  # type: ignore[dict-item]

    @classmethod
    def from_dict(cls, data: Any) -> KdfParams:
        """Parameters read from a keystore, within bounds (StorageError otherwise).

        The bounds keep a forged or damaged file from hanging the login (a huge
        ``time_cost`` or ``memory_cost``) while accepting the production values
        and the cheap ones of the tests.
        """
        try:
            if data.get("algorithm", "argon2id") != "argon2id":
                raise ValueError("unsupported kdf")
            values = [data["time_cost"], data["memory_cost"], data["parallelism"]]
            if not all(type(value) is int for value in values):
                raise ValueError("not integers")
            params = cls(time_cost=values[0], memory_cost=values[1], parallelism=values[2])
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise _bad_kdf() from exc
        if not (
            KDF_TIME_COST_RANGE[0] <= params.time_cost <= KDF_TIME_COST_RANGE[1]
            and KDF_PARALLELISM_RANGE[0] <= params.parallelism <= KDF_PARALLELISM_RANGE[1]
            and 8 * params.parallelism <= params.memory_cost <= KDF_MAX_MEMORY_KIB
        ):
            raise _bad_kdf()
        return params


#: Accepted argon2id parameters (memory in KiB: from 8 x parallelism up to 256 MiB).
#: The ceilings keep one check under a few seconds (production: 3 passes, 64 MiB,
#: about 0.1 s): every sign-in on a folder waits for the previous one under the
#: failures lock, whose wait is bounded.
KDF_TIME_COST_RANGE = (1, 10)
KDF_PARALLELISM_RANGE = (1, 8)
KDF_MAX_MEMORY_KIB = 256 * 1024


def _bad_kdf() -> StorageError:
    return StorageError(
        "Le fichier de clés est endommagé : paramètres de dérivation du mot de passe "
        "invalides ou hors limites.",
        code="keystore_corrupt",
    )


PRODUCTION_KDF_PARAMS = KdfParams()
_default_params = PRODUCTION_KDF_PARAMS


def default_kdf_params() -> KdfParams:
    """Parameters used for newly written slots (and for dummy derivations)."""
    return _default_params


def set_default_kdf_params(params: KdfParams) -> None:
    """Test hook: change the parameters of newly written slots.

    Existing slots keep the parameters stored with them. Never called by the
    application itself.
    """
    global _default_params
    _default_params = params


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _hkdf(material: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LENGTH, salt=salt, info=info).derive(material)


def derive_key(
    password: str, salt: bytes, params: KdfParams, *, pepper: bytes | None = None
) -> bytes:
    """argon2id(password, salt); then HKDF-SHA256(argon2 output || pepper) if peppered."""
    raw = hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_LENGTH,
        type=Type.ID,
    )
    if pepper is None:
        return raw
    return _hkdf(raw + pepper, PEPPER_INFO, salt=salt)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_LENGTH)


def new_dmk() -> bytes:
    """A random 256-bit database master key."""
    return secrets.token_bytes(KEY_LENGTH)


def new_keypair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes: (private, public)."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def public_key_of(private_key: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()


def aead_encrypt(key: bytes, plaintext: bytes, *, aad: bytes) -> dict[str, str]:
    """AES-256-GCM with a random nonce: {"nonce", "ciphertext"} in base64."""
    nonce = secrets.token_bytes(NONCE_LENGTH)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, aad)
    return {"nonce": _b64e(nonce), "ciphertext": _b64e(ciphertext)}


def aead_decrypt(key: bytes, box: dict[str, str], *, aad: bytes) -> bytes:
    """Inverse of :func:`aead_encrypt`; DecryptionError on a wrong key or tampering.

    A structurally invalid box (missing field, bad base64) raises StorageError.
    """
    try:
        nonce = _b64d(box["nonce"])
        ciphertext = _b64d(box["ciphertext"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StorageError(
            "Le fichier de clés est endommagé : une clé chiffrée est illisible.",
            code="keystore_key_unreadable",
        ) from exc
    if len(nonce) != NONCE_LENGTH:
        raise StorageError(
            "Le fichier de clés est endommagé : une clé chiffrée est illisible.",
            code="keystore_key_unreadable",
        )
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise DecryptionError("authentication tag mismatch") from exc


def seal(public_key: bytes, plaintext: bytes, *, aad: bytes) -> dict[str, str]:
    """Encrypt ``plaintext`` so that only the holder of the private key can read it."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = _hkdf(shared, SEAL_INFO, salt=ephemeral_public + public_key)
    box = aead_encrypt(key, plaintext, aad=aad)
    return {"ephemeral_public_key": _b64e(ephemeral_public), **box}


def unseal(private_key: bytes, sealed: dict[str, str], *, aad: bytes) -> bytes:
    """Inverse of :func:`seal`; DecryptionError when the key or aad do not match."""
    try:
        ephemeral_public = _b64d(sealed["ephemeral_public_key"])
        peer = X25519PublicKey.from_public_bytes(ephemeral_public)
    except (KeyError, TypeError, ValueError) as exc:
        raise StorageError(
            "Le fichier de clés est endommagé : une clé chiffrée est illisible.",
            code="keystore_key_unreadable",
        ) from exc
    private = X25519PrivateKey.from_private_bytes(private_key)
    shared = private.exchange(peer)
    public_key = private.public_key().public_bytes_raw()
    key = _hkdf(shared, SEAL_INFO, salt=ephemeral_public + public_key)
    return aead_decrypt(key, sealed, aad=aad)


def new_recovery_code() -> str:
    """A random recovery code, e.g. ``K7QF-2M9X-...`` (26 Crockford base32 chars)."""
    chars = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    groups = []
    start = 0
    for size in _RECOVERY_GROUPS:
        groups.append(chars[start : start + size])
        start += size
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Upper-case, drop spaces and dashes, read O as 0 and I/L as 1.

    Returns the 26 canonical characters (no dashes). Anything else (wrong length,
    character outside the alphabet) is returned as is after the mapping, and
    will simply not open the recovery slot.
    """
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_")
    return cleaned.translate(str.maketrans("OIL", "011"))


def is_valid_recovery_code(text: str) -> bool:
    code = normalise_recovery_code(text)
    return len(code) == RECOVERY_CODE_LENGTH and all(ch in CROCKFORD_ALPHABET for ch in code)
