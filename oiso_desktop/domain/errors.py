"""Errors raised by the domain, storage and service layers.

Every error carries a stable ``code`` (an :class:`ErrorCode`) and the
``params`` its text needs, so that the GUI can turn it into translated text
(``gui/error_text.py``); ``str(error)`` is a French sentence for the CLI and
for logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from oiso_desktop.domain.error_codes import ErrorCode

__all__ = [
    "AccountDisabled",
    "AccountLocked",
    "AuthenticationError",
    "ConcurrentEditError",
    "ConnectionLost",
    "ErrorCode",
    "FormValidationError",
    "InvalidIdentifier",
    "KeyringUnavailable",
    "NotFound",
    "OisoError",
    "PasswordChangeRequired",
    "PasswordPolicyError",
    "PermissionDenied",
    "SessionEnded",
    "StorageError",
    "ValidationError",
    "check_code",
]


def check_code(code: ErrorCode | str) -> ErrorCode:
    """``code`` as an :class:`ErrorCode`; TypeError for a code that is not listed.

    An unknown code is a programming error: it would have no translated text.
    """
    try:
        return ErrorCode(code)
    except ValueError:
        raise TypeError(
            f"unknown error code {code!r}: add it to domain.error_codes.ErrorCode "
            "and give it a text in gui/error_text.py"
        ) from None


class OisoError(Exception):
    """Base class of all expected (user-facing) errors."""

    code: ErrorCode = ErrorCode.ERROR

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = check_code(cls.__dict__.get("code", cls.code))

    def __init__(self, message: str, *, code: ErrorCode | str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = check_code(code)
        self.params: dict[str, Any] = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class ValidationError(OisoError, ValueError):
    """Bad input from the user; nothing was changed.

    ``field`` names the offending input field when there is one.
    """

    code = ErrorCode.VALIDATION

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        code: ErrorCode | str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class FormValidationError(ValidationError):
    """Several problems of one form, all at once (code ``clinical_form_invalid``).

    ``problems`` (also ``params["problems"]``) holds one ValidationError per
    problem, each with its own code, params and ``field``: the form shows each
    at its input. ``params["count"]``: how many.
    """

    code = ErrorCode.CLINICAL_FORM_INVALID

    def __init__(self, message: str, problems: Sequence[ValidationError]) -> None:
        found = tuple(problems)
        super().__init__(message, problems=found, count=len(found))

    @property
    def problems(self) -> tuple[ValidationError, ...]:
        return tuple(self.params["problems"])


class InvalidIdentifier(ValidationError):
    """An identifier (RPPS, ADELI, FINESS, NIR, INSEE code) is malformed."""

    code = ErrorCode.INVALID_IDENTIFIER


class PermissionDenied(OisoError):
    code = ErrorCode.PERMISSION_DENIED


class NotFound(OisoError):
    code = ErrorCode.NOT_FOUND


class ConcurrentEditError(OisoError):
    """Someone else saved the same record since it was loaded."""

    code = ErrorCode.CONCURRENT_EDIT


class AuthenticationError(OisoError):
    """Login refused. The message never says whether the login exists."""

    code = ErrorCode.AUTHENTICATION_FAILED


class AccountLocked(AuthenticationError):
    """Too many failures: retry after ``params['retry_after_seconds']``."""

    code = ErrorCode.ACCOUNT_LOCKED


class AccountDisabled(AuthenticationError):
    """Suspended, revoked or deleted account."""

    code = ErrorCode.ACCOUNT_DISABLED


class SessionEnded(AccountDisabled):
    """The session's account was suspended or revoked meanwhile: the session is over.

    ``params['reason']``: "suspended", "revoked" or "gone".
    """

    code = ErrorCode.SESSION_ENDED


class PasswordChangeRequired(AuthenticationError):
    """The one-time password must be changed before anything else."""

    code = ErrorCode.PASSWORD_CHANGE_REQUIRED


class PasswordPolicyError(ValidationError):
    code = ErrorCode.PASSWORD_POLICY


class StorageError(OisoError):
    """The database or keystore cannot be used (corrupted, foreign, missing)."""

    code = ErrorCode.STORAGE


class KeyringUnavailable(StorageError):
    """The OS keyring is needed (bound slot) but has no usable backend or secret."""

    code = ErrorCode.KEYRING_UNAVAILABLE


class ConnectionLost(StorageError):
    code = ErrorCode.CONNECTION_LOST
