"""Retention rules of the maintenance job (REFERENCE.md "Retention", DESIGN.md §6-7).

Pure rules, no Qt and no SQL:

* **Event log**: an event is purged when ``occurred_at < purge_cutoff(now)``,
  the cut-off being ``now`` minus 6 *calendar* months (the day clamped to the
  end of a shorter month: 31 August minus 6 months is 28/29 February). Only a
  prefix of the chain is ever purged (the oldest events up to the first one
  that is recent enough), so that what remains chains to one anchor.
  Events the clinical-key trust needs (:data:`KEPT_ACTIONS`) are never purged:
  they stay in the table, listed by the anchor.
* **Purge anchor** (:class:`PurgeAnchor`): the id and hash of the last purged
  event (the first kept event chains to it), the purged count, the cut-off,
  the kept events below it (id and hash) and the digest of the anchor before
  it. Each purge step records an ``events_purged`` event carrying the anchor's
  digest, in the same transaction: removing or altering the anchor no longer
  matches the newest such event (itself protected by the chain and its head).
* **Inactivity**: an account whose last sign-in (or creation, if it never
  signed in) is at least :data:`INACTIVITY_DAYS` days old gets one invitation
  email; if it still has not signed in :data:`DEFAULT_GRACE_DAYS` days (a
  setting) after the warning, it is revoked. A sign-in after the warning
  cancels it. Only active accounts are concerned; the last active
  administrator is never warned nor revoked (someone must keep the keys).
* **Email backoff**: one minute after the first failure, doubled at each
  failure, at most 6 hours.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "EVENT_RETENTION_MONTHS",
    "INACTIVITY_DAYS",
    "KEPT_ACTIONS",
    "MAX_GRACE_DAYS",
    "MIN_GRACE_DAYS",
    "SYSTEM_LOGIN",
    "InactivityStep",
    "MaintenanceTask",
    "PurgeAnchor",
    "inactivity_step",
    "last_seen",
    "months_before",
    "next_attempt_at",
    "purge_cutoff",
    "retry_delay",
]

EVENT_RETENTION_MONTHS = 6
INACTIVITY_DAYS = 365
DEFAULT_GRACE_DAYS = 30
MIN_GRACE_DAYS = 7
MAX_GRACE_DAYS = 180

FIRST_RETRY_DELAY = dt.timedelta(minutes=1)
MAX_RETRY_DELAY = dt.timedelta(hours=6)

#: The login written in the events of the maintenance job (the system actor).
SYSTEM_LOGIN = "system"

#: Events the clinical-key trust reads back (``services.clinical_key_service``:
#: the generation events, and the one-time migrations it refuses to replay).
#: The purge keeps them: the anchor lists them, so their removal is detected.
KEPT_ACTIONS = frozenset(
    {
        "clinical_key_created",
        "clinical_key_chain_migrated",
        "clinical_key_rotated",
        "clinical_key_endorsements_migrated",
    }
)


class MaintenanceTask(StrEnum):
    """What the system actor may do: nothing else (``services.maintenance_service``)."""

    PURGE_EVENTS = "purge_events"
    CHECK_INTEGRITY = "check_integrity"
    REVOKE_INACTIVE = "revoke_inactive"
    WARN_INACTIVE = "warn_inactive"
    SEND_MAIL = "send_mail"


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """``moment`` minus ``months`` calendar months (day clamped to the month's end)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def purge_cutoff(now: dt.datetime) -> dt.datetime:
    """Events that occurred strictly before this moment are purged."""
    return months_before(now, EVENT_RETENTION_MONTHS)


def _digest(payload: Mapping[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"oiso-purge-anchor-v1\n{text}".encode()).hexdigest()


@dataclass(frozen=True)
class PurgeAnchor:
    """Where the purged part of the event chain ends (see the module docstring).

    ``last_id``/``last_hash``: the last purged event (the next one chains to
    it). ``purged``: events purged since the first purge. ``cutoff``: the
    cut-off of the purge that wrote it (``event_time`` text). ``kept``: the
    events at or below ``last_id`` that stay (id, hash), oldest first.
    ``previous``: the digest of the anchor it replaced ("" for the first).
    """

    last_id: int
    last_hash: str
    purged: int
    cutoff: str
    kept: tuple[tuple[int, str], ...] = field(default=())
    previous: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "purged": self.purged,
            "cutoff": self.cutoff,
            "kept": [[kept_id, kept_hash] for kept_id, kept_hash in self.kept],
            "previous": self.previous,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @property
    def digest(self) -> str:
        """sha256 over the anchor's content: what the ``events_purged`` event records."""
        return _digest(self.to_dict())

    @classmethod
    def from_json(cls, text: str) -> PurgeAnchor:
        """ValueError for anything that is not a well-formed anchor."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("anchor is not an object")
        kept_raw = data.get("kept")
        if not isinstance(kept_raw, list):
            raise ValueError("kept is not a list")
        kept: list[tuple[int, str]] = []
        for item in kept_raw:
            if (
                not isinstance(item, list)
                or len(item) != 2
                or not isinstance(item[0], int)
                or not isinstance(item[1], str)
            ):
                raise ValueError("malformed kept event")
            kept.append((item[0], item[1]))
        last_id, last_hash = data.get("last_id"), data.get("last_hash")
        purged, cutoff, previous = data.get("purged"), data.get("cutoff"), data.get("previous")
        if (
            not isinstance(last_id, int)
            or isinstance(last_id, bool)
            or not isinstance(last_hash, str)
            or not isinstance(purged, int)
            or not isinstance(cutoff, str)
            or not isinstance(previous, str)
        ):
            raise ValueError("malformed anchor")
        return cls(last_id, last_hash, purged, cutoff, tuple(kept), previous)

    def advanced(
        self,
        *,
        last_id: int,
        last_hash: str,
        purged: int,
        cutoff: str,
        kept: Sequence[tuple[int, str]],
    ) -> PurgeAnchor:
        """The anchor after one more purge step (``purged``: events deleted by it)."""
        return PurgeAnchor(
            last_id=last_id,
            last_hash=last_hash,
            purged=self.purged + purged,
            cutoff=cutoff,
            kept=(*self.kept, *kept),
            previous=self.digest,
        )


class InactivityStep(StrEnum):
    NONE = "none"
    WARN = "warn"  # send the invitation email, note the warning
    CANCEL = "cancel"  # signed in since the warning: forget it
    REVOKE = "revoke"


def last_seen(last_login_at: dt.datetime | None, created_at: dt.datetime) -> dt.datetime:
    """The last sign-in, else the account's creation."""
    return last_login_at if last_login_at is not None else created_at


def inactivity_step(
    *,
    seen: dt.datetime,
    warned_at: dt.datetime | None,
    now: dt.datetime,
    grace_days: int,
) -> InactivityStep:
    """What the inactivity rule asks for one active account (all times in UTC)."""
    if warned_at is not None and seen >= warned_at:
        return InactivityStep.CANCEL
    if warned_at is not None:
        if now >= warned_at + dt.timedelta(days=grace_days):
            return InactivityStep.REVOKE
        return InactivityStep.NONE
    if now - seen >= dt.timedelta(days=INACTIVITY_DAYS):
        return InactivityStep.WARN
    return InactivityStep.NONE


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed delivery (1 minute, doubled, 6 hours at most)."""
    if attempts <= 0:
        return dt.timedelta(0)
    factor = 2 ** min(attempts - 1, 20)
    return min(FIRST_RETRY_DELAY * factor, MAX_RETRY_DELAY)


def next_attempt_at(failed_at: dt.datetime, attempts: int) -> dt.datetime:
    return failed_at + retry_delay(attempts)
