"""The lockout rule after failed sign-ins (pure: no clock, no file).

Five failures within 15 minutes lock the login for 60 seconds after the last
one; every further failure doubles the delay, up to 30 minutes. The same rule
serves the login screen, the lock screen and the recovery code.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from oiso_desktop.domain.errors import AccountLocked

LOCKOUT_THRESHOLD = 5
LOCKOUT_WINDOW = dt.timedelta(minutes=15)
#: Failures stamped a little after ``now`` still count: an attempt's clock is read
#: before it waits for the ones checked before it (parallel attempts). Further in
#: the future (a forged record) they are ignored rather than locking for years.
FUTURE_TOLERANCE = dt.timedelta(minutes=1)
LOCKOUT_BASE_SECONDS = 60
LOCKOUT_MAX_SECONDS = 30 * 60
#: Failures beyond this many in the window change nothing (the delay is at its maximum).
LOCKOUT_USEFUL_FAILURES = 16


def lockout_delay(failure_count: int) -> int:
    """Seconds of lockout after ``failure_count`` recent failures (0 below the threshold)."""
    if failure_count < LOCKOUT_THRESHOLD:
        return 0
    extra = failure_count - LOCKOUT_THRESHOLD
    return min(LOCKOUT_BASE_SECONDS * 2 ** min(extra, 20), LOCKOUT_MAX_SECONDS)


def retry_after_seconds(failures: Iterable[dt.datetime], now: dt.datetime) -> int:
    """Seconds before the next attempt is allowed (0: allowed now).

    ``failures`` are the times of the failed attempts (any order, aware or all
    naive like ``now``); only those within :data:`LOCKOUT_WINDOW` (and at most
    :data:`FUTURE_TOLERANCE` ahead) count.
    """
    recent = [at for at in failures if now - LOCKOUT_WINDOW < at <= now + FUTURE_TOLERANCE]
    delay = lockout_delay(len(recent))
    if not delay:
        return 0
    retry_at = max(recent) + dt.timedelta(seconds=delay)
    if retry_at <= now:
        return 0
    return math.ceil((retry_at - now).total_seconds())


def account_locked(seconds: int) -> AccountLocked:
    """The French error shown while a login is locked."""
    minutes = max(1, math.ceil(seconds / 60))
    return AccountLocked(
        f"Trop de tentatives échouées. Réessayez dans {minutes} minute(s).",
        retry_after_seconds=seconds,
    )
