"""Database-wide settings chosen by the administrators (DESIGN.md §3, STYLE.md §8).

For now one setting: the idle delay after which every workstation locks its
session (``idle_lock_minutes``, 10 minutes by default, 1 to 60). It lives in
the database so that it applies to every workstation and every OS user.
"""

from __future__ import annotations

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import ServiceContext, reads, writes
from oiso_desktop.services.event_log import record_event
from oiso_desktop.storage.models import Setting
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "DEFAULT_IDLE_LOCK_MINUTES",
    "IDLE_LOCK_MINUTES_KEY",
    "MAX_IDLE_LOCK_MINUTES",
    "MIN_IDLE_LOCK_MINUTES",
    "SettingsService",
]

IDLE_LOCK_MINUTES_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES = 1
MAX_IDLE_LOCK_MINUTES = 60
IDLE_LOCK_RANGE_MESSAGE = (
    "La durée avant verrouillage automatique doit être un nombre entier de minutes, "
    f"comprise entre {MIN_IDLE_LOCK_MINUTES} et {MAX_IDLE_LOCK_MINUTES} minutes."
)


def _stored_minutes(uow: UnitOfWork) -> int:
    row = uow.session.get(Setting, IDLE_LOCK_MINUTES_KEY)
    try:
        value = int(row.value) if row is not None else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES
    if not MIN_IDLE_LOCK_MINUTES <= value <= MAX_IDLE_LOCK_MINUTES:
        return DEFAULT_IDLE_LOCK_MINUTES
    return value


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @reads
    def idle_lock_minutes(self) -> int:
        """The idle delay before the session locks itself (any signed-in user)."""
        with self.ctx.unit_of_work() as uow:
            uow.actor  # noqa: B018 - the account is checked (active, no pending password)
            return _stored_minutes(uow)

    @writes
    def set_idle_lock_minutes(self, minutes: int) -> int:
        """Change the idle delay (administrators); returns it. Logged as ``setting_changed``."""
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not MIN_IDLE_LOCK_MINUTES <= minutes <= MAX_IDLE_LOCK_MINUTES
        ):
            raise ValidationError(
                IDLE_LOCK_RANGE_MESSAGE,
                field=IDLE_LOCK_MINUTES_KEY,
                code="idle_lock_minutes_range",
                minimum=MIN_IDLE_LOCK_MINUTES,
                maximum=MAX_IDLE_LOCK_MINUTES,
            )
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            old = _stored_minutes(uow)
            if old == minutes:
                return minutes
            uow.session.merge(Setting(key=IDLE_LOCK_MINUTES_KEY, value=str(minutes)))
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "setting_changed",
                object_type="setting",
                details={"key": IDLE_LOCK_MINUTES_KEY, "old": old, "new": minutes},
            )
            uow.commit()
        return minutes
