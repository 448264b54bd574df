"""The secret stores (OS keyring, in memory) for the GUI, which never imports storage."""

from __future__ import annotations

from oiso_desktop.storage.secret_store import (
    MemorySecretStore,
    OsKeyringSecretStore,
    SecretStore,
)

__all__ = ["MemorySecretStore", "OsKeyringSecretStore", "SecretStore"]
