"""The chain of clinical-key generations: each one vouched for by the one before.

Every account holder holds the DMK and can rewrite the key file, so a clinical
section and boxes of a key of their own could be written into it. A session
therefore uses a generation only if it can chain it to one it already trusts:

* Each CK generation has an Ed25519 signing key derived from the CK itself
  (HKDF-SHA256, info ``oiso-ck-sign-v1``): only a holder of that generation can
  sign with it, and its public **verify key** is a commitment to the CK (a
  session holding the CK derives it again and compares).
* The chain is a list of records, oldest first (``clinical.chain`` in the key
  file)::

      {"generation": "<16 hex>", "verify_key": "<b64, 32 bytes>",
       "previous": "<16 hex>" | null, "signature": "<b64, 64 bytes>"}

  A record's signature is made with the **previous** generation's signing key
  over ``oiso-ck-link-v1|<db uuid>|<previous>|<generation>|<verify key>``; the
  first record (the genesis) is signed with its own key (it proves possession
  only: the genesis is anchored elsewhere, see ``services.clinical_key_service``).
  A signature, unlike an HMAC, is checked without the previous key, so a session
  that trusted generation N verifies N+3 even once N+1 and N+2 are retired.
* A **pin** says "this slot trusted this generation": an HMAC-SHA256 under a key
  derived from the slot's private key (info ``oiso-ck-pin-v1``) over
  ``oiso-ck-pin|<db uuid>|<slot ref>|<generation>|<verify key>``. Only the
  slot's owner can make one.

Pure functions on JSON-ready values; no file, no database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from oiso_desktop.storage.field_crypto import clinical_key_id

__all__ = [
    "ChainError",
    "GenerationAnchor",
    "anchor_of",
    "chain_records",
    "pin_mac",
    "verify_chain_records",
    "verify_key_of",
]

SIGN_INFO = b"oiso-ck-sign-v1"
PIN_INFO = b"oiso-ck-pin-v1"
VERIFY_KEY_LENGTH = 32
SIGNATURE_LENGTH = 64


class ChainError(ValueError):
    """A chain record is malformed, out of order, or its signature is wrong."""


@dataclass(frozen=True)
class GenerationAnchor:
    """A CK generation and its verify key: what a session trusts, or a record states.

    ``verify_key`` None: a generation pinned before it had a chain record (a
    recovery sheet issued on a key file from before the chain).
    """

    generation: str
    verify_key: str | None

    def matches(self, other: GenerationAnchor) -> bool:
        """Same generation, and the same verify key where both are known."""
        if self.generation != other.generation:
            return False
        if self.verify_key is None or other.verify_key is None:
            return True
        return hmac.compare_digest(self.verify_key, other.verify_key)


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64d(text: Any, length: int) -> bytes:
    if not isinstance(text, str):
        raise ChainError("not a base64 string")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, ValueError) as exc:
        raise ChainError("not a base64 string") from exc
    if len(raw) != length:
        raise ChainError("wrong length")
    return raw


def _signing_key(ck: bytes) -> Ed25519PrivateKey:
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SIGN_INFO).derive(ck)
    return Ed25519PrivateKey.from_private_bytes(seed)


def verify_key_of(ck: bytes) -> str:
    """The public verify key of a CK generation (base64)."""
    public = _signing_key(ck).public_key()
    return _b64e(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def anchor_of(ck: bytes) -> GenerationAnchor:
    return GenerationAnchor(clinical_key_id(ck), verify_key_of(ck))


def _link_message(database_uuid: str, previous: str | None, anchor: GenerationAnchor) -> bytes:
    return (
        f"oiso-ck-link-v1|{database_uuid}|{previous or '-'}|{anchor.generation}|{anchor.verify_key}"
    ).encode()


def chain_records(
    database_uuid: str, keys: Sequence[bytes], previous: bytes | None = None
) -> list[dict[str, Any]]:
    """Records for ``keys`` (oldest first), each signed by the one before it.

    ``previous`` is the CK of the generation the first of ``keys`` follows (a
    rotation); None makes the first record a genesis, signed with its own key.
    """
    records = []
    before = previous
    for ck in keys:
        anchor = anchor_of(ck)
        previous_id = clinical_key_id(before) if before is not None else None
        signer = _signing_key(before if before is not None else ck)
        signature = signer.sign(_link_message(database_uuid, previous_id, anchor))
        records.append(
            {
                "generation": anchor.generation,
                "verify_key": anchor.verify_key,
                "previous": previous_id,
                "signature": _b64e(signature),
            }
        )
        before = ck
    return records


def _generation(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 16:
        raise ChainError("not a generation id")
    try:
        bytes.fromhex(value)
    except ValueError as exc:
        raise ChainError("not a generation id") from exc
    return value


def verify_chain_records(database_uuid: str, records: Any) -> tuple[GenerationAnchor, ...]:
    """The generations of a chain, oldest first, once every record is checked.

    ChainError unless: a non-empty list; each record names the generation of the
    one before it (the first names none); no generation twice; each signature
    verifies with the previous record's verify key (the first with its own).
    """
    if not isinstance(records, list) or not records:
        raise ChainError("no chain")
    anchors: list[GenerationAnchor] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise ChainError("not a record")
        generation = _generation(record.get("generation"))
        verify_key = _b64d(record.get("verify_key"), VERIFY_KEY_LENGTH)
        signature = _b64d(record.get("signature"), SIGNATURE_LENGTH)
        previous = record.get("previous")
        expected = anchors[-1].generation if anchors else None
        if previous != expected or generation in seen:
            raise ChainError(f"record {index} out of order")
        anchor = GenerationAnchor(generation, _b64e(verify_key))
        signer = _b64d(anchors[-1].verify_key, VERIFY_KEY_LENGTH) if anchors else verify_key
        try:
            Ed25519PublicKey.from_public_bytes(signer).verify(
                signature, _link_message(database_uuid, previous, anchor)
            )
        except (InvalidSignature, ValueError) as exc:
            raise ChainError(f"record {index}: bad signature") from exc
        anchors.append(anchor)
        seen.add(generation)
    return tuple(anchors)


def pin_mac(private_key: bytes, database_uuid: str, slot_ref: str, anchor: GenerationAnchor) -> str:
    """HMAC-SHA256, under a key only the slot's owner derives, of the pinned generation."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PIN_INFO).derive(private_key)
    message = (
        f"oiso-ck-pin|{database_uuid}|{slot_ref}|{anchor.generation}|{anchor.verify_key or '-'}"
    )
    return _b64e(hmac.new(key, message.encode(), hashlib.sha256).digest())
