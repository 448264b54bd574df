"""Describe an exception without its values, for logs and "unexpected error" messages.

An exception's text may hold health data: a database driver error quotes the SQL
parameters, an ``OSError`` the path of an export named after a patient, a
``ValueError`` the value it refused. Logs and the CLI therefore never print
``str(exc)`` nor a traceback of an unexpected error: they print this summary, made
only of type names, stable error codes and the place in the code (file and line).
"""

from __future__ import annotations

import errno
import re
import traceback
from pathlib import PurePath

__all__ = ["exception_summary"]

_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
_PACKAGE = "oiso_desktop"


def _code_of(exc: BaseException) -> str | None:
    code = getattr(exc, "code", None)
    if isinstance(code, bool):
        return None
    if isinstance(code, int):
        return str(code)
    if isinstance(code, str) and _CODE.match(code):
        return code
    return None


def _one(exc: BaseException) -> str:
    text = type(exc).__name__
    details = []
    code = _code_of(exc)
    if code is not None:
        details.append(f"code {code}")
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        details.append(errno.errorcode.get(exc.errno, str(exc.errno)))
    sqlite_name = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite_name, str) and _CODE.match(sqlite_name):
        details.append(sqlite_name)
    return f"{text} ({', '.join(details)})" if details else text


def _place(exc: BaseException) -> str | None:
    """``services/user_service.py:120`` for the innermost frame of the package."""
    place = None
    for frame in traceback.extract_tb(exc.__traceback__):
        parts = PurePath(frame.filename).parts
        if _PACKAGE in parts:
            inside = parts[len(parts) - parts[::-1].index(_PACKAGE) :]
            place = f"{'/'.join(inside)}:{frame.lineno}"
    return place


def exception_summary(exc: BaseException) -> str:
    """``IntegrityError (code gkpj) <- IntegrityError [services/user_service.py:120]``.

    The type, code and errno of the exception and of its causes, and where it was
    raised in the package; never the message nor any value.
    """
    chain = [_one(exc)]
    seen = {id(exc)}
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen and len(chain) < 4:
        seen.add(id(cause))
        chain.append(_one(cause))
        cause = cause.__cause__ or cause.__context__
    summary = " <- ".join(chain)
    place = _place(exc)
    return f"{summary} [{place}]" if place else summary
