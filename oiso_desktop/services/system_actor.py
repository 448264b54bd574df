"""The system actor: who the maintenance job acts as (DESIGN.md §7, issue 10).

The maintenance job runs inside a session (a user who just signed in, or the
administrator of the ``maintenance run`` command), because it needs that
session's keys to open the database and to re-key it. It does not act with
that user's rights: its units of work carry :data:`SYSTEM_ACTOR`, whose role is
none of the users' roles, so :func:`services.access.authorize` grants it
nothing. It may only do the tasks of :class:`domain.retention.MaintenanceTask`,
checked by :func:`authorize_task` at the one point each task starts.

The unattended run (``maintenance run --unattended``) has no session at all:
:func:`unattended_context` builds a :class:`SystemContext` with no user over
the keys of the unattended-maintenance slot. Every unit of work of it acts as
the system actor, so any other service refuses it (PermissionDenied), and it
never holds the clinical key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import cast

from oiso_desktop.domain.errors import ErrorCode, PermissionDenied
from oiso_desktop.domain.retention import SYSTEM_LOGIN, MaintenanceTask
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.context import AccessMode, ServiceContext, ServiceUnitOfWork
from oiso_desktop.services.dto import Actor
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.local_database import Database
from oiso_desktop.storage.secret_store import SecretStore

__all__ = [
    "SYSTEM_ACTOR",
    "SYSTEM_ROLE",
    "SystemContext",
    "authorize_task",
    "is_system_actor",
    "system_context",
    "unattended_context",
]

#: Not a member of ``Role``: no permission of the users' roles applies to it.
SYSTEM_ROLE = "system"
SYSTEM_ACTOR = Actor(
    user_id=0,
    login=SYSTEM_LOGIN,
    role=cast(Role, SYSTEM_ROLE),
    display_name="Maintenance",
)
SYSTEM_TASKS = frozenset(MaintenanceTask)
SYSTEM_ONLY_MESSAGE = "Cette opération est réservée à la maintenance automatique."


def is_system_actor(actor: Actor) -> bool:
    return actor == SYSTEM_ACTOR


def authorize_task(actor: Actor, task: MaintenanceTask) -> None:
    """PermissionDenied unless ``actor`` is the system actor and ``task`` one of its tasks."""
    if not is_system_actor(actor) or MaintenanceTask(task) not in SYSTEM_TASKS:
        raise PermissionDenied(
            SYSTEM_ONLY_MESSAGE,
            code=ErrorCode.PERMISSION_DENIED,
            reason="system_only",
            task=str(task),
        )


class _SystemUnitOfWork(ServiceUnitOfWork):
    def __enter__(self) -> ServiceUnitOfWork:
        super().__enter__()
        self._actor = SYSTEM_ACTOR
        return self


@dataclasses.dataclass
class SystemContext(ServiceContext):
    """A copy of a session's context whose units of work act as the system actor."""

    def unit_of_work(
        self,
        mode: AccessMode | None = None,
        *,
        password_change: bool = False,
        while_locked: bool = False,
    ) -> ServiceUnitOfWork:
        checked = super().unit_of_work(
            mode, password_change=password_change, while_locked=while_locked
        )
        return _SystemUnitOfWork(self, checked.mode)


def system_context(session: ServiceContext, now: dt.datetime | None = None) -> SystemContext:
    """The system's context over the keys of ``session`` (its clock fixed at ``now``)."""
    clock = session.clock if now is None else (lambda: now)
    return SystemContext(
        database=session.database,
        secret_store=session.secret_store,
        keystore=session.keystore,
        clock=clock,
        workstation=session.workstation,
        app_version=session.app_version,
        dmk=session.dmk,
        slot_key=session.slot_key,
        clinical=None,
        user_id=None,
    )


def unattended_context(
    *,
    database: Database,
    keystore: Keystore,
    secret_store: SecretStore,
    dmk: bytes,
    slot_key: SlotKey,
    clock: Callable[[], dt.datetime] | None = None,
) -> SystemContext:
    """The system's context of an unattended run: no user, no clinical key."""
    ctx = SystemContext(
        database=database,
        secret_store=secret_store,
        keystore=keystore,
        dmk=dmk,
        slot_key=slot_key,
        clinical=None,
        user_id=None,
    )
    if clock is not None:
        ctx.clock = clock
    return ctx
