"""Encryption of clinical fields under the clinical key (CK), in the application.

The DMK that opens the SQLCipher file is held by every account, administrators
and secretaries included. Clinical content is therefore encrypted a second
time, here, under the CK (sealed in the keystore only to clinical slots and to
the recovery slot, see ``storage.keystore``). The same functions serve a
PostgreSQL server mode: nothing here depends on the backend.

Ciphertext layout (bytes)::

    version (1 byte, 1) | CK generation id (8 bytes) | nonce (12) | AES-256-GCM ciphertext + tag

The associated data binds the header (version and generation) and, each
length-prefixed, the table, the row key and the column: a ciphertext copied to
another row, another column or another table no longer opens.

Clinical tables declare their encrypted columns with the :class:`ClinicalCiphertext`
type; every table of a registered ``MetaData`` (``storage.models`` registers its
own) is found by :func:`encrypted_columns`, which is what the re-encryption job
after a CK rotation walks through. The type refuses to store anything that is not
a well-formed ciphertext, so clear text never reaches such a column by mistake.
Repositories encrypt with :meth:`EncryptedColumn.encrypt` (the row key comes from
the row) or :func:`encrypt_field`.
"""

from __future__ import annotations

import hashlib
import secrets
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Column, LargeBinary, MetaData, Table
from sqlalchemy.types import TypeDecorator

from oiso_desktop.domain.errors import StorageError

__all__ = [
    "FIELD_VERSION",
    "ClinicalCiphertext",
    "ClinicalKeys",
    "EncryptedColumn",
    "clinical_key_id",
    "decrypt_field",
    "encrypt_field",
    "encrypted_columns",
    "field_generation",
    "new_clinical_key",
    "register_metadata",
    "unregister_metadata",
]

FIELD_VERSION = 1
KEY_LENGTH = 32
GENERATION_LENGTH = 8
NONCE_LENGTH = 12
TAG_LENGTH = 16
HEADER_LENGTH = 1 + GENERATION_LENGTH
MIN_LENGTH = HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH
_AAD_LABEL = b"oiso-clinical-field-v1"

UNREADABLE_MESSAGE = (
    "Une donnée clinique chiffrée est illisible : elle a été altérée ou déplacée, "
    "ou la clé clinique ne correspond pas."
)
GENERATION_MISSING_MESSAGE = (
    "Cette donnée clinique est chiffrée avec une clé clinique que cette session ne "
    "détient pas : reconnectez-vous."
)
NOT_A_CIPHERTEXT_MESSAGE = "Une colonne clinique ne peut recevoir que des données chiffrées."


def new_clinical_key() -> bytes:
    """A random 256-bit clinical key."""
    return secrets.token_bytes(KEY_LENGTH)


def clinical_key_id(key: bytes) -> str:
    """The public id of a CK generation (16 hex characters, 8 bytes in a ciphertext)."""
    return hashlib.sha256(b"oiso-ck-id|" + key).hexdigest()[: 2 * GENERATION_LENGTH]


def _generation_bytes(generation: str) -> bytes:
    try:
        raw = bytes.fromhex(generation)
    except (TypeError, ValueError) as exc:
        raise ValueError("a CK generation id is 16 hex characters") from exc
    if len(raw) != GENERATION_LENGTH:
        raise ValueError("a CK generation id is 16 hex characters")
    return raw


def _part(value: str) -> bytes:
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def _aad(header: bytes, table: str, row_key: str | int, column: str) -> bytes:
    return header + _AAD_LABEL + _part(table) + _part(str(row_key)) + _part(column)


def is_ciphertext(value: Any) -> bool:
    """Whether ``value`` has the layout of a field ciphertext (not whether it opens)."""
    return (
        isinstance(value, bytes | bytearray | memoryview)
        and len(value) >= MIN_LENGTH
        and bytes(value[:1]) == bytes([FIELD_VERSION])
    )


def field_generation(ciphertext: bytes) -> str:
    """The CK generation id a ciphertext was made with (StorageError if malformed)."""
    if not is_ciphertext(ciphertext):
        raise StorageError(UNREADABLE_MESSAGE, code="clinical_field_unreadable")
    return bytes(ciphertext[1:HEADER_LENGTH]).hex()


def encrypt_field(
    ck_generation: str,
    key: bytes,
    table: str,
    row_key: str | int,
    column: str,
    plaintext: bytes,
) -> bytes:
    """Encrypt one field value under the CK ``key`` of generation ``ck_generation``."""
    if len(key) != KEY_LENGTH or clinical_key_id(key) != ck_generation:
        raise ValueError("the key is not the CK of this generation")
    header = bytes([FIELD_VERSION]) + _generation_bytes(ck_generation)
    nonce = secrets.token_bytes(NONCE_LENGTH)
    sealed = AESGCM(key).encrypt(nonce, bytes(plaintext), _aad(header, table, row_key, column))
    return header + nonce + sealed


def decrypt_field(
    keys: Mapping[str, bytes],
    table: str,
    row_key: str | int,
    column: str,
    ciphertext: bytes,
) -> bytes:
    """Decrypt with the key of the ciphertext's generation (``keys``: id -> CK).

    StorageError ``clinical_key_generation_missing`` when that generation is not
    held, ``clinical_field_unreadable`` when the value was altered, moved to
    another table, row or column, or does not match the key.
    """
    data = bytes(ciphertext)
    generation = field_generation(data)
    key = keys.get(generation)
    if key is None:
        raise StorageError(
            GENERATION_MISSING_MESSAGE,
            code="clinical_key_generation_missing",
            generation=generation,
        )
    header = data[:HEADER_LENGTH]
    nonce = data[HEADER_LENGTH : HEADER_LENGTH + NONCE_LENGTH]
    try:
        return AESGCM(key).decrypt(
            nonce, data[HEADER_LENGTH + NONCE_LENGTH :], _aad(header, table, row_key, column)
        )
    except InvalidTag as exc:
        raise StorageError(UNREADABLE_MESSAGE, code="clinical_field_unreadable") from exc


@dataclass(eq=False)
class ClinicalKeys:
    """The CK generations a session holds: ``current_id`` encrypts, all decrypt.

    Never shown in a ``repr``; :meth:`forget` drops the keys (end of a session).
    """

    current_id: str
    _keys: dict[str, bytes] = field(repr=False)

    def __post_init__(self) -> None:
        for generation, key in self._keys.items():
            if clinical_key_id(key) != generation:
                raise ValueError("a CK does not match its generation id")
        if self.current_id not in self._keys:
            raise ValueError("the current CK generation is missing")

    def __repr__(self) -> str:
        return f"ClinicalKeys(current_id={self.current_id!r}, generations={self.generations!r})"

    @property
    def generations(self) -> tuple[str, ...]:
        return tuple(sorted(self._keys))

    @property
    def forgotten(self) -> bool:
        return not self._keys

    def key(self, generation: str) -> bytes:
        try:
            return self._keys[generation]
        except KeyError:
            raise StorageError(
                GENERATION_MISSING_MESSAGE,
                code="clinical_key_generation_missing",
                generation=generation,
            ) from None

    def items(self) -> Iterable[tuple[str, bytes]]:
        return list(self._keys.items())

    def encrypt(self, table: str, row_key: str | int, column: str, plaintext: bytes) -> bytes:
        return encrypt_field(
            self.current_id, self.key(self.current_id), table, row_key, column, plaintext
        )

    def decrypt(self, table: str, row_key: str | int, column: str, ciphertext: bytes) -> bytes:
        return decrypt_field(self._keys, table, row_key, column, ciphertext)

    def forget(self) -> None:
        self._keys.clear()


# --------------------------------------------------------------------------- columns


class ClinicalCiphertext(TypeDecorator[bytes]):
    """Column type of an encrypted clinical field (BLOB / bytea on every backend).

    Stores only well-formed ciphertexts (StorageError ``clinical_field_not_encrypted``
    otherwise); :func:`encrypted_columns` finds every column of this type.
    """

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> bytes | None:
        if value is None:
            return None
        if not is_ciphertext(value):
            raise StorageError(NOT_A_CIPHERTEXT_MESSAGE, code="clinical_field_not_encrypted")
        return bytes(value)

    def process_result_value(self, value: Any, dialect: Any) -> bytes | None:
        return None if value is None else bytes(value)


@dataclass(frozen=True)
class EncryptedColumn:
    """One encrypted column: its table, its name and the columns of its row key.

    The row key is the primary key unless the table names other columns in
    ``Table.info["clinical_row_key"]`` (a key known before the row is inserted,
    e.g. a uuid column).
    """

    table: Table
    column: str

    @property
    def row_key_columns(self) -> tuple[Column[Any], ...]:
        names = self.table.info.get("clinical_row_key")
        if names:
            return tuple(self.table.c[name] for name in names)
        return tuple(self.table.primary_key.columns)

    def row_key(self, row: Any) -> str:
        """The row key of ``row`` (an ORM object, a Row or a mapping)."""
        values = []
        for column in self.row_key_columns:
            if isinstance(row, Mapping):
                value = row[column.name]
            elif hasattr(row, "_mapping"):
                value = row._mapping[column.name]
            else:
                value = getattr(row, column.key)
            if value is None:
                raise ValueError("the row key is not known yet (flush the row first)")
            values.append(str(value))
        return "|".join(values)

    def encrypt(self, keys: ClinicalKeys, row: Any, plaintext: bytes) -> bytes:
        return keys.encrypt(self.table.name, self.row_key(row), self.column, plaintext)

    def decrypt(self, keys: ClinicalKeys, row: Any, ciphertext: bytes) -> bytes:
        return keys.decrypt(self.table.name, self.row_key(row), self.column, ciphertext)


_metadatas: list[MetaData] = []


def register_metadata(metadata: MetaData) -> None:
    """Make the encrypted columns of ``metadata``'s tables known to the re-encryption job."""
    if not any(known is metadata for known in _metadatas):
        _metadatas.append(metadata)


def unregister_metadata(metadata: MetaData) -> None:
    _metadatas[:] = [known for known in _metadatas if known is not metadata]


def encrypted_columns() -> tuple[EncryptedColumn, ...]:
    """Every column of type :class:`ClinicalCiphertext` in the registered metadata."""
    found = []
    for metadata in _metadatas:
        for table in metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, ClinicalCiphertext):
                    found.append(EncryptedColumn(table, column.name))
    return tuple(found)
