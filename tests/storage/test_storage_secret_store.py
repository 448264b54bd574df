from __future__ import annotations

import base64

import keyring
import pytest
from keyring.backends import fail, null
from memory_keyring import MemoryKeyring

from oiso_desktop.domain.errors import KeyringUnavailable
from oiso_desktop.storage.secret_store import (
    SERVICE_NAME,
    MemorySecretStore,
    OsKeyringSecretStore,
    SecretStore,
)

NO_KEYRING = (
    "Aucun trousseau système n'est disponible sur cet ordinateur : "
    "la liaison du compte à ce poste est impossible."
)


class PlainTextLikeKeyring(MemoryKeyring):
    """Stands for keyrings.alt's plain-text file backend."""

    priority = 5  # type: ignore[assignment]


PlainTextLikeKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    priority = 0.5  # type: ignore[assignment]


def test_memory_store_round_trip() -> None:
    store = MemorySecretStore()
    assert isinstance(store, SecretStore)
    assert store.available()
    assert store.get("a") is None
    store.set("a", b"\x00\x01secret")
    assert store.get("a") == b"\x00\x01secret"
    store.delete("a")
    store.delete("a")
    assert store.get("a") is None


def test_unavailable_memory_store_refuses() -> None:
    store = MemorySecretStore(available=False)
    with pytest.raises(KeyringUnavailable) as info:
        store.set("a", b"x")
    assert str(info.value) == NO_KEYRING


def test_os_keyring_store_with_a_real_backend(memory_keyring: MemoryKeyring) -> None:
    store = OsKeyringSecretStore()
    assert isinstance(store, SecretStore)
    assert store.available()
    secret = bytes(range(32))
    store.set("slot:db:1", secret)
    # Stored base64 under the service "OISO Desktop".
    assert memory_keyring.values == {
        (SERVICE_NAME, "slot:db:1"): base64.b64encode(secret).decode("ascii")
    }
    assert keyring.get_password("OISO Desktop", "slot:db:1") is not None
    assert store.get("slot:db:1") == secret
    assert store.get("missing") is None
    store.delete("slot:db:1")
    store.delete("slot:db:1")  # deleting a missing secret is not an error
    assert store.get("slot:db:1") is None
    assert memory_keyring.values == {}


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlainTextLikeKeyring(), LowPriorityKeyring()],
    ids=["fail", "null", "keyrings.alt", "low-priority"],
)
def test_insecure_or_missing_backends_are_refused(backend: object) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)  # type: ignore[arg-type]
    try:
        store = OsKeyringSecretStore()
        assert not store.available()
        for call in (
            lambda: store.get("x"),
            lambda: store.set("x", b"1"),
            lambda: store.delete("x"),
        ):
            with pytest.raises(KeyringUnavailable) as info:
                call()
            assert str(info.value) == NO_KEYRING
        if isinstance(backend, MemoryKeyring):
            assert backend.values == {}  # never a plain-text fallback
    finally:
        keyring.set_keyring(previous)
