"""Detect an older copy of the database put back over the current one.

The event chain proves that no row was edited or removed *inside* one copy of
the database, but a whole older copy of ``oiso.db`` (and its keystore) copied
back over the current one is a valid chain too: the events written since are
simply gone. What this OS user has already seen cannot be rolled back with the
files, so it is kept **outside** the database folder: a small JSON file in the
OS user's state folder (``paths.user_state_folder()``), holding for each
database uuid and each user id the highest event-chain head seen (event id and
hash). Never any health data.

At each login the database's head is compared with the highest head remembered
for that database: a lower id, the same id with another hash, or a remembered
event whose hash changed means the file is not the one seen before. The event
``database_rollback_suspected`` is then recorded and the session carries a
:class:`RollbackWarning` for the GUI and the CLI. The remembered heads are
updated after each login and at logout; they only ever go up, so two
workstations (or processes) taking turns never raise a false alarm.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oiso_desktop.domain.errors import OisoError
from oiso_desktop.services.context import AccessMode, ServiceContext
from oiso_desktop.services.event_log import chain_head, event_time, record_event
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.slot_store import file_lock
from oiso_desktop.storage.uow import UnitOfWork
from oiso_desktop.system import paths
from oiso_desktop.system.files import make_folders

__all__ = [
    "ROLLBACK_ACTION",
    "STATE_FILENAME",
    "RollbackWarning",
    "SeenHeads",
    "check_database_head",
    "remember_database_head",
]

log = logging.getLogger(__name__)

#: How long an instance waits for another one writing the seen heads.
STATE_LOCK_SECONDS = 5.0

STATE_FILENAME = "seen_event_heads.json"
ROLLBACK_ACTION = "database_rollback_suspected"
#: Databases remembered per OS user (the oldest are forgotten: demo databases).
MAX_DATABASES = 50
_FORMAT = 1


@dataclass(frozen=True)
class RollbackWarning:
    """The database holds fewer (or other) events than this computer has seen."""

    remembered_id: int
    found_id: int

    @property
    def message(self) -> str:
        return (
            "Attention : cette base de données semble être une copie plus ancienne que celle "
            f"déjà utilisée sur cet ordinateur (dernier événement vu : n°{self.remembered_id}, "
            f"trouvé : n°{self.found_id}). Des données et des événements récents ont pu être "
            "perdus ou la base a été remplacée. Prévenez l'administrateur ; l'alerte est "
            "enregistrée dans le journal."
        )


class SeenHeads:
    """The JSON file of the highest heads seen, by database uuid and user id."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.user_state_folder() / STATE_FILENAME

    def _load(self) -> dict[str, Any]:
        data = paths.read_config(self.path)
        databases = data.get("databases")
        if data.get("format") != _FORMAT or not isinstance(databases, dict):
            return {"format": _FORMAT, "databases": {}}
        return data

    def heads(self, database_uuid: str) -> list[tuple[int, str]]:
        """Every head remembered for the database (one per user), valid entries only."""
        entry = self._load()["databases"].get(database_uuid)
        users = entry.get("users") if isinstance(entry, dict) else None
        result = []
        for value in (users or {}).values():
            if isinstance(value, dict):
                event_id, digest = value.get("event_id"), value.get("hash")
                if isinstance(event_id, int) and isinstance(digest, str):
                    result.append((event_id, digest))
        return result

    def highest(self, database_uuid: str) -> tuple[int, str] | None:
        heads = self.heads(database_uuid)
        return max(heads) if heads else None

    def remember(
        self,
        database_uuid: str,
        user_id: int,
        head: tuple[int, str],
        *,
        now: dt.datetime,
        reset: bool = False,
    ) -> None:
        """Keep ``head`` for the user if it is not older than the one kept.

        ``reset``: forget the other heads of this database (after a warning, the
        database seen from now on is another copy; warn once, not at every login).
        The file is re-read and written under an OS file lock: instances running at
        once never drop each other's heads.
        """
        make_folders(self.path.parent, 0o700)
        with file_lock(self.path.with_name(self.path.name + ".lock"), STATE_LOCK_SECONDS, 0o600):
            self._remember(database_uuid, user_id, head, now=now, reset=reset)

    def _remember(
        self,
        database_uuid: str,
        user_id: int,
        head: tuple[int, str],
        *,
        now: dt.datetime,
        reset: bool,
    ) -> None:
        data = self._load()
        databases: dict[str, Any] = data["databases"]
        entry = databases.get(database_uuid)
        if reset or not isinstance(entry, dict) or not isinstance(entry.get("users"), dict):
            entry = {"users": {}}
        users: dict[str, Any] = entry["users"]
        known = users.get(str(user_id))
        if (
            not reset
            and isinstance(known, dict)
            and isinstance(known.get("event_id"), int)
            and known["event_id"] > head[0]
        ):
            return
        users[str(user_id)] = {"event_id": head[0], "hash": head[1], "seen_at": event_time(now)}
        entry["updated_at"] = event_time(now)
        databases[database_uuid] = entry
        if len(databases) > MAX_DATABASES:
            by_age = sorted(databases, key=lambda key: str(databases[key].get("updated_at", "")))
            for key in by_age[: len(databases) - MAX_DATABASES]:
                del databases[key]
        paths.write_json_atomically(self.path, data)


def _event_hash(uow: UnitOfWork, event_id: int) -> str | None:
    event = uow.session.get(Event, event_id)
    return event.hash if event is not None else None


def _suspect(
    uow: UnitOfWork, head: tuple[int, str] | None, remembered: list[tuple[int, str]]
) -> RollbackWarning | None:
    if not remembered:
        return None
    highest = max(remembered)
    found_id = head[0] if head is not None else 0
    if found_id < highest[0]:
        return RollbackWarning(remembered_id=highest[0], found_id=found_id)
    assert head is not None
    # Same id, or a remembered event further back: its hash must not have changed.
    for event_id, digest in sorted(set(remembered), reverse=True):
        found = head[1] if event_id == head[0] else _event_hash(uow, event_id)
        if found is not None and found != digest:
            return RollbackWarning(remembered_id=highest[0], found_id=found_id)
    return None


def _remember(
    ctx: ServiceContext, store: SeenHeads, head: tuple[int, str] | None, **kw: Any
) -> None:
    if head is None or ctx.user_id is None:
        return
    try:
        store.remember(ctx.database.database_uuid, ctx.user_id, head, now=ctx.now(), **kw)
    except OSError as exc:  # the check is a safeguard: it must never block a login
        log.warning("The seen event heads could not be saved: %s", type(exc).__name__)


def check_database_head(
    ctx: ServiceContext, store: SeenHeads | None = None
) -> RollbackWarning | None:
    """At login: compare the database's head with the heads seen; record a warning.

    Then remember the database's current head for the session's user.
    """
    store = store or SeenHeads()
    remembered = store.heads(ctx.database.database_uuid)
    with ctx.unit_of_work(AccessMode.READ, password_change=True) as uow:
        head = chain_head(uow)
        warning = _suspect(uow, head, remembered)
    if warning is not None:
        with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
            record_event(
                uow,
                ctx,
                uow.actor,
                ROLLBACK_ACTION,
                object_type="database",
                details={"remembered_id": warning.remembered_id, "found_id": warning.found_id},
            )
            uow.commit()
            head = chain_head(uow)
    _remember(ctx, store, head, reset=warning is not None)
    return warning


def remember_database_head(ctx: ServiceContext, store: SeenHeads | None = None) -> None:
    """At logout (or any time): remember the database's current head for the user."""
    try:
        with ctx.unit_of_work(AccessMode.READ, password_change=True, while_locked=True) as uow:
            head = chain_head(uow)
    except OisoError as exc:  # logging out must go on: the login head is kept
        log.warning("The event head could not be read at logout: %s", type(exc).__name__)
        return
    _remember(ctx, store or SeenHeads(), head)
