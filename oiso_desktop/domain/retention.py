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
    "DEPARTED_ARCHIVED_YEARS",
    "DEPARTED_KEPT_YEARS",
    "FAILED_LOGINS_THRESHOLD",
    "FAILED_LOGINS_WINDOW",
    "LOCAL_TIME_ZONE",
    "MANY_FILES_THRESHOLD",
    "MANY_FILES_WINDOW",
    "OFF_HOURS_END",
    "OFF_HOURS_START",
    "AlertKind",
    "AlertWindow",
    "FileState",
    "FileStep",
    "archive_date",
    "bursts",
    "deletion_date",
    "departed_file_step",
    "off_hours_period",
    "years_after",
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
    APPLY_FILE_RETENTION = "apply_file_retention"
    RAISE_ALERTS = "raise_alerts"


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


# ----------------------------------------------------------------- departed users' files
#
# A *departed* owner is a revoked (or deleted) account; ``departed_at`` is its
# revocation date (``users.revoked_at``). What happens to each of its files:
#
# * **shared** (at least one share to another account): the file stays with those
#   it is shared with, at their level (read or read-write), and the departed owner
#   stays its owner of record, so that the log and the file keep saying who created
#   it. It is never archived nor deleted while shared. Choosing a new responsible
#   practitioner is a medical decision, not a rule: an administrator transfers the
#   file (``SharingService.transfer``) when the team names one; the job does not
#   pick a recipient on its own. If its last share ends later, the file falls under
#   the rules below, counted from the owner's revocation date.
# * **unshared**: KEPT for :data:`DEPARTED_KEPT_YEARS` year from the revocation
#   date (an administrator may transfer it to a successor meanwhile), then
#   ARCHIVED for :data:`DEPARTED_ARCHIVED_YEARS` more year (hidden from every list,
#   search and opening; administrators see a count), then DELETED for good.
#   A file archived and then transferred to an active successor, or shared again,
#   becomes active again (RESTORE).
# * **restricted** at the patient's request (patient rights): frozen, storage only.
#   It is archived on its date like any other, but never deleted by these rules
#   while the restriction lasts (its owner may still erase it on request; an
#   account deletion on request leaves it, see ``UserService.delete_user``).
# * an account **deleted on request** (``UserService.delete_user``): its unshared
#   files go at once (marked DELETING in the account's transaction, then deleted
#   one by one; the job finishes what a kill left); its shared files follow the
#   shared rule, and the schedule above if their shares end later.
#
# Dates are calendar years (29 February clamped to 28 February): a file of an
# account revoked on 2026-03-02 is archived on 2027-03-02 and deleted on 2028-03-02.

DEPARTED_KEPT_YEARS = 1
DEPARTED_ARCHIVED_YEARS = 1


class FileState(StrEnum):
    """``patients.retention_state``."""

    ACTIVE = "active"
    ARCHIVED = "archived"
    DELETING = "deleting"  # its owner's account deleted on request: going now


class FileStep(StrEnum):
    NONE = "none"
    ARCHIVE = "archive"
    DELETE = "delete"
    RESTORE = "restore"  # archived, but transferred or shared again since


def years_after(moment: dt.datetime, years: int) -> dt.datetime:
    """``moment`` plus ``years`` calendar years (29 February clamped to the 28th)."""
    return months_before(moment, -12 * years)


def archive_date(departed_at: dt.datetime) -> dt.datetime:
    """When a departed owner's unshared file is archived."""
    return years_after(departed_at, DEPARTED_KEPT_YEARS)


def deletion_date(departed_at: dt.datetime) -> dt.datetime:
    """When a departed owner's unshared file is deleted for good."""
    return years_after(departed_at, DEPARTED_KEPT_YEARS + DEPARTED_ARCHIVED_YEARS)


def departed_file_step(
    *,
    owner_departed: bool,
    departed_at: dt.datetime | None,
    shared: bool,
    state: FileState | str,
    now: dt.datetime,
    restricted: bool = False,
) -> FileStep:
    """What the departed-user rules ask for one patient file (times in UTC)."""
    if FileState(state) is FileState.DELETING:
        return FileStep.DELETE  # decided by an administrator: finish it
    archived = FileState(state) is FileState.ARCHIVED
    if not owner_departed or shared:
        return FileStep.RESTORE if archived else FileStep.NONE
    if departed_at is None:
        return FileStep.NONE  # a revocation without a date: nothing is decided from it
    if now >= deletion_date(departed_at) and not restricted:
        return FileStep.DELETE
    if now >= archive_date(departed_at):
        return FileStep.NONE if archived else FileStep.ARCHIVE
    return FileStep.RESTORE if archived else FileStep.NONE


# ----------------------------------------------------------------------- access alerts
#
# Computed by the maintenance job over the events still in the log (6 months):
#
# * ``many_files``: more than :data:`MANY_FILES_THRESHOLD` distinct files opened
#   (``patient_viewed``) by one account within :data:`MANY_FILES_WINDOW`;
# * ``off_hours``: any signed-in activity between :data:`OFF_HOURS_START` and
#   :data:`OFF_HOURS_END` local time, or on a Saturday or Sunday. Local time is
#   the structures' time zone, :data:`LOCAL_TIME_ZONE` (French hospitals of
#   metropolitan France; the product has no per-structure zone). One alert per
#   account and off-hours period (a weeknight, or the whole weekend from Friday
#   21:00 to Monday 07:00), counting its events;
# * ``failed_logins``: at least :data:`FAILED_LOGINS_THRESHOLD` failed sign-ins
#   for one login within :data:`FAILED_LOGINS_WINDOW`;
# * ``break_glass``: each break-the-glass opening.
#
# Windows of the first and third kinds are found greedily from the oldest event:
# a window starts at an event and spans the duration; the next one starts after
# it. An alert overlapping one already raised for the same kind and subject is the
# same alert: running the job twice raises nothing new.

MANY_FILES_THRESHOLD = 30  # strictly more distinct files than this
MANY_FILES_WINDOW = dt.timedelta(minutes=10)
FAILED_LOGINS_THRESHOLD = 5  # at least this many
FAILED_LOGINS_WINDOW = dt.timedelta(minutes=15)
OFF_HOURS_START = dt.time(21, 0)
OFF_HOURS_END = dt.time(7, 0)
LOCAL_TIME_ZONE = "Europe/Paris"


class AlertKind(StrEnum):
    MANY_FILES = "many_files"
    OFF_HOURS = "off_hours"
    FAILED_LOGINS = "failed_logins"
    BREAK_GLASS = "break_glass"


@dataclass(frozen=True)
class AlertWindow:
    """One alert found: the subject (account id or login), its window (UTC), a count."""

    kind: AlertKind
    user_id: int | None
    login: str
    start: dt.datetime
    end: dt.datetime
    count: int


def bursts(
    moments: Sequence[tuple[dt.datetime, object]],
    *,
    window: dt.timedelta,
    threshold: int,
    distinct: bool,
) -> list[tuple[dt.datetime, dt.datetime, int]]:
    """Greedy windows of ``moments`` (sorted (time, key) pairs) holding at least
    ``threshold`` items (distinct keys if ``distinct``): (first, last, count)."""
    found: list[tuple[dt.datetime, dt.datetime, int]] = []
    index = 0
    total = len(moments)
    while index < total:
        start = moments[index][0]
        stop = index
        while stop < total and moments[stop][0] - start <= window:
            stop += 1
        inside = moments[index:stop]
        count = len({key for _, key in inside}) if distinct else len(inside)
        if count >= threshold:
            found.append((start, inside[-1][0], count))
            index = stop
        else:
            index += 1
    return found


def off_hours_period(local: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    """The off-hours period (local, naive) holding ``local`` (naive local time), if any.

    Weeknights run from 21:00 to 07:00; the weekend from Friday 21:00 to Monday 07:00.
    """
    day = local.date()
    start_time = dt.datetime.combine(day, OFF_HOURS_START)
    end_time = dt.datetime.combine(day, OFF_HOURS_END)
    weekday = local.weekday()  # Monday 0 … Sunday 6
    if local < end_time:
        # the end of the night begun the day before
        period_start = start_time - dt.timedelta(days=1)
    elif local >= start_time:
        period_start = start_time
    elif weekday >= 5:
        period_start = start_time  # a daytime of the weekend: found below
    else:
        return None
    # Walk back to the Friday 21:00 of a weekend.
    start_day = period_start.weekday()
    if start_day in (5, 6):
        period_start -= dt.timedelta(days=start_day - 4)
    if period_start.weekday() == 4:
        end = dt.datetime.combine(period_start.date() + dt.timedelta(days=3), OFF_HOURS_END)
    else:
        end = dt.datetime.combine(period_start.date() + dt.timedelta(days=1), OFF_HOURS_END)
    if not period_start <= local < end:
        return None
    return period_start, end
