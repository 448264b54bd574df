"""Turn errors raised by the services into text for the user.

Services raise :class:`~oiso_desktop.domain.errors.OisoError` with a stable
``code`` and ``params``; this module maps the codes it knows to translatable
strings (context ``"Errors"``) and falls back to ``str(error)``, which is
already a French sentence. Any other exception gets a generic message: its
details belong in the log, not in front of the user.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from oiso_desktop.domain.errors import OisoError

log = logging.getLogger(__name__)

CONTEXT = "Errors"

# Source strings are English; the French text lives in resources/translations/oiso_fr.ts.
# Codes whose French message from the service is already specific (validation of a
# given field, storage details...) are deliberately absent: str(error) is better.
_MESSAGES: dict[str, str] = {
    "permission_denied": QT_TRANSLATE_NOOP("Errors", "You are not allowed to perform this action."),
    "not_found": QT_TRANSLATE_NOOP(
        "Errors", "The requested item no longer exists. It may have been deleted."
    ),
    "concurrent_edit": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved this record while you were editing it. "
        "Reload it to see their changes, then apply yours again.",
    ),
    "authentication_failed": QT_TRANSLATE_NOOP("Errors", "Incorrect login or password."),
    "account_disabled": QT_TRANSLATE_NOOP(
        "Errors",
        "This account is suspended or revoked. Contact your administrator.",
    ),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors",
        "The system keyring is not available on this computer. "
        "An account linked to this computer cannot be used here.",
    ),
    "connection_lost": QT_TRANSLATE_NOOP(
        "Errors", "The connection to the database was lost. Try again in a moment."
    ),
}

_ACCOUNT_LOCKED = QT_TRANSLATE_NOOP(
    "Errors", "Too many failed attempts. Try again in {minutes} minute(s)."
)
_ACCOUNT_LOCKED_NOW = QT_TRANSLATE_NOOP(
    "Errors", "Too many failed attempts. Try again in a moment."
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors",
    "An unexpected error occurred. The operation was not completed; "
    "if the problem persists, contact your IT support.",
)

# Password policy problem codes (domain.passwords.password_problems).
PASSWORD_PROBLEMS: dict[str, str] = {
    "too_short": QT_TRANSLATE_NOOP(
        "Errors", "Too short: at least 12 characters (14 with three kinds of characters)."
    ),
    "too_few_classes": QT_TRANSLATE_NOOP(
        "Errors", "Mix lower case, upper case, digits and symbols."
    ),
    "contains_login": QT_TRANSLATE_NOOP("Errors", "Must not contain the login."),
    "contains_name": QT_TRANSLATE_NOOP("Errors", "Must not contain the first or last name."),
    "same_as_old": QT_TRANSLATE_NOOP(
        "Errors", "The new password must differ from the current one."
    ),
    "too_common": QT_TRANSLATE_NOOP(
        "Errors", "Too easy to guess (common word, keyboard run, repetition)."
    ),
}


def translate(source: str, params: Mapping[str, Any] | None = None) -> str:
    """Translate ``source`` in the ``Errors`` context and fill ``{params}``."""
    text = QCoreApplication.translate(CONTEXT, source)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            # Parameter names only: their values may be data (names, paths).
            log.warning("Translation %r does not match its parameters %s", text, sorted(params))
    return text


def password_problem_text(code: str) -> str:
    """One line of text for a password policy problem code (domain.passwords)."""
    source = PASSWORD_PROBLEMS.get(code)
    return code if source is None else translate(source)


def error_text(exc: BaseException) -> str:
    """The text to show the user for ``exc``."""
    if isinstance(exc, OisoError):
        code = exc.code
        params = dict(exc.params)
        if code == "account_locked":
            seconds = params.get("retry_after_seconds")
            if isinstance(seconds, int | float) and seconds > 0:
                return translate(_ACCOUNT_LOCKED, {"minutes": max(1, math.ceil(seconds / 60))})
            return translate(_ACCOUNT_LOCKED_NOW)
        if code == "password_policy":
            problems = params.get("problems")
            if problems and all(p in PASSWORD_PROBLEMS for p in problems):
                return "\n".join(password_problem_text(p) for p in problems)
            return str(exc)
        source = _MESSAGES.get(code)
        if source is not None:
            return translate(source, params)
        text = str(exc)
        return text if text else translate(_UNEXPECTED)
    return translate(_UNEXPECTED)
