"""Failed sign-ins of a local database, in their own file (``oiso.failures``).

Failed logins cannot be written into a database that did not open. They are
kept here, beside the keystore but in another file with its own lock, so that
the unauthenticated writers (anyone typing a wrong password) never rewrite the
file that holds the key slots. They drive the lockout
(``domain.lockout``) and are moved into the event log at the next successful
login (:meth:`FailureLog.drain`, exactly once: the drain happens under the lock).

Layout::

    {"format": "oiso-failures", "version": 1, "salt": "<b64, 16 random bytes>",
     "counters": {
       "login:admin": {"login": "admin",
                       "recent": ["2026-03-02T09:00:00.000000Z", ...],
                       "unreported": [{"at": "...", "reason": "bad_password",
                                       "context": "login"}, ...],
                       "overflow": null | {"count": 7, "first": "...", "last": "...",
                                           "reason": "bad_password"}},
       "unknown:3fa9": {"login": "", ...},
       "recovery": {"login": "", ...}}}

One counter per login, bounded on its own (no global cap: throwaway logins
cannot push a real account's failures out): ``recent`` keeps the failures of
the lockout window that still change the delay, ``unreported`` the last ones
not yet in the event log, ``overflow`` counts older unreported ones (count,
first and last times).
"""

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.lockout import (
    FUTURE_TOLERANCE,
    LOCKOUT_USEFUL_FAILURES,
    LOCKOUT_WINDOW,
    retry_after_seconds,
)
from oiso_desktop.storage.slot_store import (
    LOCK_SUFFIX,
    b64d,
    file_lock,
    holding,
    parse_time,
    shared_mode,
)
from oiso_desktop.system.files import atomic_write

FAILURES_FORMAT = "oiso-failures"
FAILURES_VERSION = 1
SALT_LENGTH = 16
MAX_UNREPORTED = 20
#: Unknown logins keep fewer individual records (an attacker chooses how many exist).
MAX_UNREPORTED_UNKNOWN = 5
FAILURES_LOCK_TIMEOUT_SECONDS = 10.0

#: Reasons recorded with a failure (and written in the event log).
REASONS = (
    "bad_password",
    "unknown_login",
    "account_disabled",
    "bad_recovery_code",
    "slot_login_mismatch",
    "bound_secret_missing",
)


#: Where a failure happened.
CONTEXTS = ("login", "unlock", "password_change", "computer_binding", "recovery")
#: The longest login an account may have (and so a known-login key).
MAX_LOGIN_LENGTH = 64
MAX_COUNT = 100_000
_UNKNOWN_KEY = re.compile(r"unknown:[0-9a-f]{4}")


def _check_counter_key(key: Any, login: Any) -> None:
    """A counter's key and login agree: the file cannot smuggle text into the log."""
    if not isinstance(key, str) or not isinstance(login, str):
        raise ValueError("key")
    if key == "recovery" or _UNKNOWN_KEY.fullmatch(key):
        if login != "":
            raise ValueError("login of an unknown subject")
        return
    if not key.startswith("login:") or key[len("login:") :] != login:
        raise ValueError("key and login differ")
    if not login or len(login) > MAX_LOGIN_LENGTH or not login.isprintable():
        raise ValueError("login")


#: What an entry waiting for the event log may say, by kind of counter. Failures in
#: an open session (lock screen, password change, binding) are logged at once and
#: never wait in the file: such contexts there can only be forged.
_REPORTED = {
    "login": (
        {"bad_password", "account_disabled", "slot_login_mismatch", "bound_secret_missing"},
        {"login"},
    ),
    "unknown": ({"unknown_login"}, {"login"}),
    "recovery": ({"bad_recovery_code"}, {"recovery"}),
}


def _kind(key: str) -> str:
    if key == "recovery":
        return "recovery"
    return "unknown" if key.startswith("unknown:") else "login"


def _check_entry(reason: Any, context: Any, kind: str = "") -> None:
    if reason not in REASONS or context not in CONTEXTS:
        raise ValueError("reason or context")
    if kind:
        reasons, contexts = _REPORTED[kind]
        if reason not in reasons or context not in contexts:
            raise ValueError("reason or context of this kind of counter")


def format_time(value: dt.datetime) -> str:
    value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Subject:
    """Who a failure counts against: a known login, an unknown one, or the recovery code.

    An unknown login is *never* stored as typed (people type their password in
    the login field). It is counted under ``unknown:<4 hex digits>``: the first
    16 bits of a hash of the typed text keyed with a random salt kept in the
    failures file. Why this shape:

    * the same typed text always lands in the same counter, so five failures on
      an unknown login lock it exactly as five on a real one: the lockout does
      not reveal whether a login exists;
    * 16 bits cannot identify the text: every bucket has countless preimages, so
      a stolen failures file does not give back a password typed as a login
      (the salt stops precomputed tables across databases);
    * two unknown texts share a bucket with probability 1/65536; the cost is
      only that they lock together. Known logins never share a counter with
      unknown ones.
    """

    kind: str  # "login" | "unknown" | "recovery"
    text: str = ""

    @classmethod
    def account(cls, login: str) -> Subject:
        return cls("login", login.strip().lower())

    @classmethod
    def unknown(cls, typed: str) -> Subject:
        return cls("unknown", typed.strip().lower())

    @classmethod
    def recovery(cls) -> Subject:
        return cls("recovery")

    def __repr__(self) -> str:  # never show an unknown login's text
        shown = self.text if self.kind == "login" else ""
        return f"Subject({self.kind!r}, {shown!r})"

    def key(self, salt: bytes) -> str:
        if self.kind == "login":
            return f"login:{self.text}"
        if self.kind == "recovery":
            return "recovery"
        digest = hashlib.blake2b(self.text.encode("utf-8"), key=salt, digest_size=2)
        return f"unknown:{digest.hexdigest()}"

    @property
    def stored_login(self) -> str:
        """What the file and the event log may show: the login if known, else ""."""
        return self.text if self.kind == "login" else ""


@dataclass(frozen=True)
class ReportedFailure:
    """A failure taken out of the file to be written into the event log."""

    key: str
    login: str  # "" for unknown logins and the recovery code
    at: dt.datetime
    reason: str
    context: str
    count: int = 1  # > 1: a summary of older failures (``at`` first, ``last_at`` last)
    last_at: dt.datetime | None = None


def _corrupt(path: Path) -> StorageError:
    return StorageError(
        f"Le fichier des échecs de connexion est endommagé : {path}.",
        code="failures_corrupt",
        path=str(path),
    )


def _validate(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FAILURES_FORMAT:
        raise _corrupt(path)
    try:
        if data.get("version") != FAILURES_VERSION:
            raise ValueError("version")
        if len(b64d(data["salt"])) != SALT_LENGTH:
            raise ValueError("salt")
        counters = data["counters"]
        if not isinstance(counters, dict):
            raise ValueError("counters")
        for key, counter in counters.items():
            _check_counter_key(key, counter["login"])
            for at in counter["recent"]:
                parse_time(at)
            kind = _kind(key)
            for item in counter["unreported"]:
                parse_time(item["at"])
                _check_entry(item["reason"], item["context"], kind)
            overflow = counter.get("overflow")
            if overflow is not None:
                count = overflow["count"]
                if not isinstance(count, int) or isinstance(count, bool):
                    raise ValueError("count")
                if not 1 <= count <= MAX_COUNT:
                    raise ValueError("count")
                if parse_time(overflow["first"]) > parse_time(overflow["last"]):
                    raise ValueError("first after last")
                _check_entry(
                    overflow["reason"],
                    overflow.get("context", "recovery" if kind == "recovery" else "login"),
                    kind,
                )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _corrupt(path) from exc
    return data


class FailureLog:
    """The failures file of one database folder (see the module docstring)."""

    def __init__(self, path: Path, *, lock_timeout: float = FAILURES_LOCK_TIMEOUT_SECONDS) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + LOCK_SUFFIX)
        self.lock_timeout = lock_timeout
        self._lock: Any = None

    # -- file

    def _read(self) -> dict[str, Any] | None:
        """The validated content, None when there is no file (or it is unusable)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(
                f"Le fichier des échecs de connexion ne peut pas être lu : {self.path} "
                f"({exc.strerror}).",
                code="failures_unreadable",
                path=str(self.path),
                reason=exc.strerror or "",
            ) from exc
        try:
            return _validate(self.path, json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, StorageError):
            return None

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        if self._lock is None:
            mode = shared_mode(self.path.with_name("oiso.keystore"))
            self._lock = file_lock(self.lock_path, self.lock_timeout, mode)
        return holding(self._lock, self.lock_path, self.lock_timeout)

    def one_attempt_at_a_time(self) -> contextlib.AbstractContextManager[None]:
        """Hold the failures lock across a whole password check (lockout, argon2,
        failure counted): attempts made in parallel are then checked one after the
        other, so they cannot all pass the lockout before the first failure is
        counted. Re-entrant: :meth:`record` inside it takes the same lock."""
        return self._locked()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[dict[str, Any]]:
        with self._locked():
            data = self._read()
            if data is None:
                if self.path.exists():
                    # Damaged (it is written atomically, so rarely): keep it aside for
                    # inspection and start again rather than refuse every login.
                    with contextlib.suppress(OSError):
                        os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
                data = {
                    "format": FAILURES_FORMAT,
                    "version": FAILURES_VERSION,
                    "salt": base64.b64encode(secrets.token_bytes(SALT_LENGTH)).decode("ascii"),
                    "counters": {},
                }
            before = copy.deepcopy(data)
            yield data
            if data != before:
                self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
        atomic_write(
            self.path,
            text.encode("utf-8") + b"\n",
            mode=shared_mode(self.path.with_name("oiso.keystore")),
        )

    @staticmethod
    def _salt(data: dict[str, Any]) -> bytes:
        return b64d(data["salt"])

    # -- reading (no lock)

    def recent(self, subject: Subject, now: dt.datetime) -> list[dt.datetime]:
        """Failure times of ``subject`` within the lockout window before ``now``."""
        data = self._read()
        if data is None:
            return []
        counter = data["counters"].get(subject.key(self._salt(data)))
        if counter is None:
            return []
        times = [parse_time(at) for at in counter["recent"]]
        return [at for at in times if now - LOCKOUT_WINDOW < at <= now + FUTURE_TOLERANCE]

    def retry_after(self, subject: Subject, now: dt.datetime) -> int:
        """Seconds before ``subject`` may try again (0: now)."""
        return retry_after_seconds(self.recent(subject, now), now)

    def counters(self) -> dict[str, Any]:
        """A copy of every counter (diagnostics and tests)."""
        data = self._read()
        return copy.deepcopy(data["counters"]) if data else {}

    # -- writing (under the lock)

    def record(
        self,
        subject: Subject,
        at: dt.datetime,
        *,
        reason: str,
        context: str = "login",
        report: bool = True,
    ) -> None:
        """Count a failure against ``subject``.

        ``report=False``: already written into the event log by an open session
        (lock screen); it only counts for the lockout.
        """
        self.record_many([(subject, at, reason, context, report)])

    def record_many(self, items: Iterable[tuple[Subject, dt.datetime, str, str, bool]]) -> None:
        items = list(items)
        if not items:
            return
        with self._transaction() as data:
            salt = self._salt(data)
            for subject, at, reason, context, report in items:
                counter = data["counters"].setdefault(
                    subject.key(salt),
                    {
                        "login": subject.stored_login,
                        "recent": [],
                        "unreported": [],
                        "overflow": None,
                    },
                )
                counter["recent"].append(format_time(at))
                if report:
                    counter["unreported"].append(
                        {"at": format_time(at), "reason": reason, "context": context}
                    )
                self._bound(counter, subject.kind == "unknown")
            self._prune(data, max(at for _s, at, *_rest in items))

    @staticmethod
    def _bound(counter: dict[str, Any], unknown: bool) -> None:
        counter["recent"] = sorted(counter["recent"], key=parse_time)[-LOCKOUT_USEFUL_FAILURES:]
        limit = MAX_UNREPORTED_UNKNOWN if unknown else MAX_UNREPORTED
        unreported = sorted(counter["unreported"], key=lambda item: parse_time(item["at"]))
        dropped, kept = unreported[:-limit], unreported[-limit:]
        counter["unreported"] = kept
        if dropped:
            overflow = counter.get("overflow") or {
                "count": 0,
                "first": dropped[0]["at"],
                "last": dropped[0]["at"],
                "reason": dropped[0]["reason"],
            }
            overflow["count"] += len(dropped)
            overflow["first"] = min([overflow["first"], dropped[0]["at"]], key=parse_time)
            overflow["last"] = max([overflow["last"], dropped[-1]["at"]], key=parse_time)
            overflow["reason"] = dropped[-1]["reason"]
            counter["overflow"] = overflow

    @staticmethod
    def _prune(data: dict[str, Any], now: dt.datetime) -> None:
        for key in list(data["counters"]):
            counter = data["counters"][key]
            counter["recent"] = [
                at for at in counter["recent"] if parse_time(at) > now - LOCKOUT_WINDOW
            ]
            if not counter["recent"] and not counter["unreported"] and not counter["overflow"]:
                del data["counters"][key]

    def reset(self, subject: Subject) -> None:
        """A successful sign-in: the lockout of ``subject`` starts again from zero.

        Unreported failures stay until they are drained into the event log.
        """
        data = self._read()
        if data is None or subject.key(self._salt(data)) not in data["counters"]:
            return
        with self._transaction() as data:
            counter = data["counters"].get(subject.key(self._salt(data)))
            if counter is not None:
                counter["recent"] = []
                if not counter["unreported"] and not counter["overflow"]:
                    del data["counters"][subject.key(self._salt(data))]

    def drain(self) -> list[ReportedFailure]:
        """Take every unreported failure out of the file (oldest first), exactly once."""
        data = self._read()
        if data is None or not any(
            c["unreported"] or c["overflow"] for c in data["counters"].values()
        ):
            return []
        drained: list[ReportedFailure] = []
        with self._transaction() as data:
            for key, counter in list(data["counters"].items()):
                overflow = counter.get("overflow")
                if overflow:
                    drained.append(
                        ReportedFailure(
                            key=key,
                            login=counter["login"],
                            at=parse_time(overflow["first"]),
                            reason=overflow["reason"],
                            context="summary",
                            count=overflow["count"],
                            last_at=parse_time(overflow["last"]),
                        )
                    )
                for item in counter["unreported"]:
                    drained.append(
                        ReportedFailure(
                            key=key,
                            login=counter["login"],
                            at=parse_time(item["at"]),
                            reason=item["reason"],
                            context=item["context"],
                        )
                    )
                counter["unreported"] = []
                counter["overflow"] = None
                if not counter["recent"]:
                    del data["counters"][key]
        drained.sort(key=lambda failure: failure.at)
        return drained

    def restore(self, failures: Sequence[ReportedFailure]) -> None:
        """Put drained failures back (the event log could not be written)."""
        if not failures:
            return
        with self._transaction() as data:
            for failure in failures:
                counter = data["counters"].setdefault(
                    failure.key,
                    {"login": failure.login, "recent": [], "unreported": [], "overflow": None},
                )
                if failure.count > 1:
                    last = failure.last_at or failure.at
                    overflow = counter.get("overflow") or {
                        "count": 0,
                        "first": format_time(failure.at),
                        "last": format_time(last),
                        "reason": failure.reason,
                    }
                    overflow["count"] += failure.count
                    counter["overflow"] = overflow
                else:
                    counter["unreported"].append(
                        {
                            "at": format_time(failure.at),
                            "reason": failure.reason,
                            "context": failure.context,
                        }
                    )
                self._bound(counter, failure.key.startswith("unknown:"))
