"""Errors raised by the domain, storage and service layers.

Every error carries a stable ``code`` and ``params`` so that the GUI can turn
it into translated text (``tr()``); ``str(error)`` is a French sentence for
the CLI and for logs.
"""

from __future__ import annotations

from typing import Any


class OisoError(Exception):
    """Base class of all expected (user-facing) errors."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class ValidationError(OisoError, ValueError):
    """Bad input from the user; nothing was changed.

    ``field`` names the offending input field when there is one.
    """

    code = "validation"

    def __init__(
        self, message: str, *, field: str | None = None, code: str | None = None, **params: Any
    ) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class InvalidIdentifier(ValidationError):
    """An identifier (RPPS, ADELI, FINESS, NIR, INSEE code) is malformed."""

    code = "invalid_identifier"


class PermissionDenied(OisoError):
    code = "permission_denied"


class NotFound(OisoError):
    code = "not_found"


class ConcurrentEditError(OisoError):
    """Someone else saved the same record since it was loaded."""

    code = "concurrent_edit"


class AuthenticationError(OisoError):
    """Login refused. The message never says whether the login exists."""

    code = "authentication_failed"


class AccountLocked(AuthenticationError):
    """Too many failures: retry after ``params['retry_after_seconds']``."""

    code = "account_locked"


class AccountDisabled(AuthenticationError):
    """Suspended, revoked or deleted account."""

    code = "account_disabled"


class SessionEnded(AccountDisabled):
    """The session's account was suspended or revoked meanwhile: the session is over.

    ``params['reason']``: "suspended", "revoked" or "gone".
    """

    code = "session_ended"


class PasswordChangeRequired(AuthenticationError):
    """The one-time password must be changed before anything else."""

    code = "password_change_required"


class PasswordPolicyError(ValidationError):
    code = "password_policy"


class StorageError(OisoError):
    """The database or keystore cannot be used (corrupted, foreign, missing)."""

    code = "storage"


class KeyringUnavailable(StorageError):
    """The OS keyring is needed (bound slot) but has no usable backend or secret."""

    code = "keyring_unavailable"


class ConnectionLost(StorageError):
    code = "connection_lost"
