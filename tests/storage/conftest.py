"""Fixtures of the storage tests: real SQLCipher files in tmp_path, cheap argon2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cheap_kdf import FAST_KDF
from memory_keyring import MemoryKeyring
from storage_helpers import Folder, build_folder

from oiso_desktop.storage import crypto
from oiso_desktop.storage.secret_store import MemorySecretStore


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """Cheap argon2 through the documented test hook (production defaults untouched)."""
    previous = crypto.default_kdf_params()
    crypto.set_default_kdf_params(FAST_KDF)
    yield
    crypto.set_default_kdf_params(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A real keyring backend (in memory) made the active one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def secret_store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    return build_folder(tmp_path / "base")
