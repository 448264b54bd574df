"""Small secret store interface over the OS keyring.

The OS keyring holds the secret of a slot bound to this computer and the
secret of the unattended-maintenance slot. There is never a plain-text
fallback: with no secure backend, :meth:`OsKeyringSecretStore.available` is
false and every operation raises :class:`KeyringUnavailable`.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Protocol, runtime_checkable

from oiso_desktop.domain.errors import ErrorCode, KeyringUnavailable

SERVICE_NAME = "OISO Desktop"

NO_KEYRING_MESSAGE = (
    "Aucun trousseau système n'est disponible sur cet ordinateur : "
    "la liaison du compte à ce poste est impossible."
)
KEYRING_ERROR_MESSAGE = (
    "Le trousseau système a refusé l'opération demandée. "
    "Vérifiez qu'il est déverrouillé puis réessayez."
)
CORRUPT_SECRET_MESSAGE = "Un secret du trousseau système est illisible."


@runtime_checkable
class SecretStore(Protocol):
    def available(self) -> bool: ...

    def get(self, name: str) -> bytes | None: ...

    def set(self, name: str, value: bytes) -> None: ...

    def delete(self, name: str) -> None: ...


def _is_insecure_backend(backend: Any) -> bool:
    """True for fail/null backends, keyrings.alt (plain-text or weak) and low priorities."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return True
    if module.startswith("keyrings.alt") or "keyrings.alt" in module:
        return True
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend that cannot tell is not trusted
        return True
    return priority < 1


def _effective_backends(backend: Any) -> list[Any]:
    """The backends that would really store the secret (the chainer is unfolded)."""
    inner = getattr(backend, "backends", None)
    if type(backend).__module__.startswith("keyring.backends.chainer") and inner is not None:
        return list(inner)
    return [backend]


class OsKeyringSecretStore:
    """Secrets in the OS keyring of the current OS user, base64 encoded."""

    def __init__(self, service: str = SERVICE_NAME) -> None:
        self.service = service

    def _backend(self) -> Any:
        import keyring

        return keyring.get_keyring()

    def available(self) -> bool:
        try:
            backends = _effective_backends(self._backend())
        except Exception:  # noqa: BLE001 - an unusable keyring is simply unavailable
            return False
        return bool(backends) and not any(_is_insecure_backend(b) for b in backends)

    def _require(self) -> Any:
        if not self.available():
            raise KeyringUnavailable(NO_KEYRING_MESSAGE)
        return self._backend()

    def get(self, name: str) -> bytes | None:
        backend = self._require()
        try:
            text = backend.get_password(self.service, name)
        except Exception as exc:  # noqa: BLE001 - keyring backends raise many types
            raise KeyringUnavailable(KEYRING_ERROR_MESSAGE, code=ErrorCode.KEYRING_ERROR) from exc
        if text is None:
            return None
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
            raise KeyringUnavailable(
                CORRUPT_SECRET_MESSAGE, code=ErrorCode.KEYRING_SECRET_CORRUPT
            ) from exc

    def set(self, name: str, value: bytes) -> None:
        backend = self._require()
        try:
            backend.set_password(self.service, name, base64.b64encode(value).decode("ascii"))
        except Exception as exc:  # noqa: BLE001
            raise KeyringUnavailable(KEYRING_ERROR_MESSAGE, code=ErrorCode.KEYRING_ERROR) from exc

    def delete(self, name: str) -> None:
        """Remove a secret; removing a missing secret is not an error."""
        backend = self._require()
        import keyring.errors

        try:
            backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:  # noqa: BLE001
            raise KeyringUnavailable(KEYRING_ERROR_MESSAGE, code=ErrorCode.KEYRING_ERROR) from exc


class MemorySecretStore:
    """A secret store in process memory, for tests and the demo."""

    def __init__(self, *, available: bool = True) -> None:
        self._available = available
        self._values: dict[str, bytes] = {}

    def available(self) -> bool:
        return self._available

    def _require(self) -> None:
        if not self._available:
            raise KeyringUnavailable(NO_KEYRING_MESSAGE)

    def get(self, name: str) -> bytes | None:
        self._require()
        return self._values.get(name)

    def set(self, name: str, value: bytes) -> None:
        self._require()
        self._values[name] = bytes(value)

    def delete(self, name: str) -> None:
        self._require()
        self._values.pop(name, None)

    def names(self) -> list[str]:
        return sorted(self._values)
