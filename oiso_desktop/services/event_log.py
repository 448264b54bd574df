"""The append-only, hash-chained event log (DESIGN.md §6).

``record_event`` is called by every service inside its own unit of work, so the
event row is written in the same transaction as the change it describes: if the
change is rolled back, so is the event. On SQLite the transaction starts with
``BEGIN IMMEDIATE`` (see ``storage.engine``): reading the last event and
appending the next one cannot interleave with another writer.

Events never hold data values (no names, NIR, search text): only internal ids,
action codes and, in ``details``, facts such as the names of changed fields.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, text

from oiso_desktop.domain.errors import PermissionDenied, StorageError
from oiso_desktop.domain.event_chain import (
    EVENT_FIELDS,
    GENESIS_HASH,
    ChainReport,
    check_chain_head,
    check_purge_anchor,
    event_hash,
    verify_chain,
)
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import KEPT_ACTIONS, PurgeAnchor
from oiso_desktop.reports.event_log_pdf import EventLogExtract, EventLogRow, render_event_log
from oiso_desktop.services.access import authorize, can
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    as_utc,
    reads,
    writes,
)
from oiso_desktop.services.dto import Actor, EventView
from oiso_desktop.storage.models import Event, Setting, Structure, User
from oiso_desktop.storage.uow import UnitOfWork
from oiso_desktop.system.csv_files import csv_writer
from oiso_desktop.system.files import atomic_writer

__all__ = [
    "ANCHOR_SETTING",
    "PURGED_ACTION",
    "EventService",
    "chain_head",
    "chain_report",
    "event_intact",
    "event_time",
    "first_event_since",
    "purge_anchor",
    "purge_step",
    "record_event",
]

#: After a purge the oldest kept event chains to this anchor (settings table,
#: ``domain.retention.PurgeAnchor`` as JSON).
ANCHOR_SETTING = "event_chain_anchor"
#: Recorded by every purge step, with the digest of the anchor it wrote.
PURGED_ACTION = "events_purged"
#: What an action code looks like (``events_exported``).
_ACTION_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")
# "<id>:<hash>" of the newest event, written with every event (see check_chain_head).
HEAD_SETTING = "event_chain_head"

CSV_HEADER = (
    "numéro",
    "date_utc",
    "utilisateur_id",
    "identifiant",
    "action",
    "type_objet",
    "objet_id",
    "poste",
    "version_application",
    "détails",
    "empreinte_précédente",
    "empreinte",
)


def _export_error(path: Path, exc: Exception) -> StorageError:
    if isinstance(exc, IsADirectoryError):
        reason = "c'est un dossier, indiquez un nom de fichier"
    elif isinstance(exc, PermissionError):
        reason = "droits insuffisants"
    elif isinstance(exc, FileNotFoundError):
        reason = "dossier introuvable"
    elif isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
    else:
        reason = "nom de fichier non valide"
    return StorageError(
        f"Impossible d'écrire le fichier d'export : {path} ({reason}).",
        code="export_failed",
        path=str(path),
        reason=reason,
    )


ANCHOR_UNREADABLE_MESSAGE = (
    "Le repère de purge du journal est illisible : vérifiez le journal des événements."
)
CHAIN_BROKEN_MESSAGE = (
    "Le journal des événements est rompu : la purge est suspendue, vérifiez le journal."
)
OWN_EVENTS_ONLY_MESSAGE = "Vous ne pouvez consulter que vos propres événements."


def event_time(value: dt.datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC (sorts like the time it stands for)."""
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _details_json(details: Mapping[str, Any] | None) -> str:
    return json.dumps(
        dict(details or {}), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def _stored_anchor(uow: UnitOfWork) -> tuple[PurgeAnchor | None, bool]:
    """(anchor, malformed): the stored purge anchor, None if there is none."""
    row = uow.session.get(Setting, ANCHOR_SETTING)
    if row is None:
        return None, False
    try:
        return PurgeAnchor.from_json(row.value), False
    except ValueError:
        return None, True


def purge_anchor(uow: UnitOfWork) -> PurgeAnchor | None:
    """The purge anchor (None before the first purge, or if it does not read)."""
    return _stored_anchor(uow)[0]


def _anchor(uow: UnitOfWork) -> tuple[int, str]:
    anchor = purge_anchor(uow)
    if anchor is None:
        return 0, GENESIS_HASH
    return anchor.last_id, anchor.last_hash


def _head(uow: UnitOfWork) -> tuple[int, str] | None:
    value = uow.session.get(Setting, HEAD_SETTING)
    if value is None:
        return None
    head_id, _, head_hash = value.value.partition(":")
    return int(head_id), head_hash


def chain_head(uow: UnitOfWork) -> tuple[int, str] | None:
    """(id, hash) of the newest event: the recorded head, else the newest row; None if empty."""
    head = _head(uow)
    if head is not None:
        return head
    last = uow.events.last()
    return (last.id, last.hash) if last is not None else None


def record_event(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    *,
    object_type: str = "",
    object_id: int | None = None,
    login: str | None = None,
    details: Mapping[str, Any] | None = None,
    user_id: int | None = None,
) -> Event:
    """Append one event to the chain, in the caller's transaction (never commits).

    ``login`` defaults to the actor's login (it is the login as typed for a
    failed login). ``user_id`` is used when there is no actor (failed logins).
    """
    # The recorded head, not the newest row, is the tip: records removed behind
    # the application's back stay visible as a gap instead of being chained over.
    # Rows inserted behind its back must not stop the log either: the id goes
    # past the newest row whatever the head says.
    head = _head(uow)
    last = uow.events.last()
    if head is not None:
        prev_id, prev_hash = head
    else:
        prev_id, prev_hash = (last.id, last.hash) if last is not None else _anchor(uow)
    record: dict[str, Any] = {
        "id": max(prev_id, last.id if last is not None else 0) + 1,
        "occurred_at": event_time(ctx.now()),
        # The system actor (maintenance) has no account: user id 0, recorded as none.
        "user_id": (actor.user_id or None) if actor is not None else user_id,
        "login": (login if login is not None else (actor.login if actor else ""))[:64],
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "workstation": ctx.workstation[:100],
        "app_version": ctx.app_version[:20],
        "details": _details_json(details),
    }
    digest = event_hash(prev_hash, record)
    event = uow.events.add(Event(**record, prev_hash=prev_hash, hash=digest))
    uow.session.merge(Setting(key=HEAD_SETTING, value=f"{record['id']}:{digest}"))
    return event


def _event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "occurred_at": event.occurred_at,
        "user_id": event.user_id,
        "login": event.login,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "workstation": event.workstation,
        "app_version": event.app_version,
        "details": event.details,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def event_intact(event: Event) -> bool:
    """Whether ``event``'s stored hash is the hash of its content after its ``prev_hash``
    (a row edited without recomputing the chain fails; a rewritten chain does not)."""
    return event_hash(event.prev_hash, _event_record(event)) == event.hash


def _vouched_anchor(uow: UnitOfWork) -> tuple[int, str] | None:
    """(anchor id, anchor digest) recorded by the newest ``events_purged`` event."""
    event = uow.session.scalars(
        select(Event).where(Event.action == PURGED_ACTION).order_by(Event.id.desc()).limit(1)
    ).first()
    if event is None:
        return None
    try:
        details = json.loads(event.details)
        return int(details["anchor_id"]), str(details["anchor"])
    except (ValueError, KeyError, TypeError):
        return (-1, "")


_CHAIN_COLUMNS = (*EVENT_FIELDS, "prev_hash", "hash")


def _chain_records(
    uow: UnitOfWork, after_id: int, until_id: int | None = None
) -> Generator[dict[str, Any], None, None]:
    """The events after ``after_id`` (up to ``until_id``) as chain records, ordered
    by id, streamed from the cursor: no ORM object per row (a million rows)."""
    conditions = [Event.id > after_id]
    if until_id is not None:
        conditions.append(Event.id <= until_id)
    rows = uow.session.connection().execute(
        select(*(Event.__table__.c[name] for name in _CHAIN_COLUMNS))
        .where(*conditions)
        .order_by(Event.id)
    )
    try:
        for row in rows:
            yield dict(zip(_CHAIN_COLUMNS, row, strict=True))
    finally:
        rows.close()


def chain_report(uow: UnitOfWork) -> ChainReport:
    """The whole chain checked, from the anchor to the recorded head (no event written)."""
    anchor, malformed = _stored_anchor(uow)
    anchor_id, anchor_hash = (anchor.last_id, anchor.last_hash) if anchor else (0, GENESIS_HASH)
    report = verify_chain(
        _chain_records(uow, anchor_id), anchor_id=anchor_id, anchor_hash=anchor_hash
    )
    newest = uow.events.last()
    report = check_chain_head(
        report,
        last=(newest.id, newest.hash) if newest is not None else None,
        head=_head(uow),
    )
    kept = (
        [
            (event.id, event.hash, event_intact(event))
            for event in uow.session.scalars(
                select(Event).where(Event.id <= anchor_id).order_by(Event.id)
            )
        ]
        if anchor is not None
        else []
    )
    return check_purge_anchor(
        report,
        anchor=anchor,
        anchor_malformed=malformed,
        kept_found=kept,
        vouched=_vouched_anchor(uow),
    )


def first_event_since(uow: UnitOfWork, moment: dt.datetime, *, after_id: int = 0) -> int | None:
    """The lowest id after ``after_id`` of an event at or after ``moment`` (None if none).

    Read from the index on the time: left to itself, SQLite walks the whole
    table in id order for a ``min(id)`` (0.4 s over a million events, 4 ms so).
    """
    since = event_time(moment)
    if uow.session.get_bind().dialect.name == "sqlite":
        found = uow.session.scalar(
            text(
                "SELECT min(id) FROM events INDEXED BY ix_events_occurred_at"
                " WHERE id > :after AND occurred_at >= :since"
            ),
            {"after": after_id, "since": since},
        )
    else:
        found = uow.session.scalar(
            select(func.min(Event.id)).where(Event.id > after_id, Event.occurred_at >= since)
        )
    return int(found) if found is not None else None


def purge_step(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    cutoff: dt.datetime,
    *,
    batch: int = 50_000,
) -> tuple[int, int]:
    """Purge up to ``batch`` of the oldest events older than ``cutoff``.

    Only a prefix of the chain goes (up to the first event recent enough), so
    that what remains chains to the new anchor. Events of ``KEPT_ACTIONS`` stay,
    listed by the anchor. The anchor and an ``events_purged`` event vouching for
    it are written in the caller's transaction: every commit leaves a chain that
    verifies. Never commits. Returns (events examined, events deleted): (0, 0) when
    nothing is left to purge.
    """
    anchor, malformed = _stored_anchor(uow)
    if malformed:
        raise StorageError(ANCHOR_UNREADABLE_MESSAGE, code="event_anchor_unreadable")
    current = anchor or PurgeAnchor(0, GENESIS_HASH, 0, "", (), "")
    cutoff_text = event_time(cutoff)
    head = chain_head(uow)
    if head is None:
        return 0, 0
    first_recent = first_event_since(uow, cutoff, after_id=current.last_id)
    limit = head[0] if first_recent is None else first_recent - 1
    end = min(limit, current.last_id + batch)
    if end <= current.last_id:
        return 0, 0
    in_range = (Event.id > current.last_id, Event.id <= end)
    # What goes must chain from the anchor, or the purge would erase the proof of
    # a tampering: refused (the administrator checks the log), nothing is deleted.
    records = _chain_records(uow, current.last_id, end)
    try:
        check = verify_chain(records, anchor_id=current.last_id, anchor_hash=current.last_hash)
    finally:
        records.close()
    end_hash = uow.session.scalar(select(Event.hash).where(Event.id == end))
    if not check.ok or check.checked != end - current.last_id or end_hash is None:
        raise StorageError(CHAIN_BROKEN_MESSAGE, code="event_chain_broken")
    kept = [
        (int(row[0]), str(row[1]))
        for row in uow.session.execute(
            select(Event.id, Event.hash)
            .where(*in_range, Event.action.in_(sorted(KEPT_ACTIONS)))
            .order_by(Event.id)
        ).all()
    ]
    deleted = uow.session.execute(
        delete(Event).where(*in_range, Event.action.not_in(sorted(KEPT_ACTIONS)))
    )
    purged = int(deleted.rowcount or 0)  # type: ignore[attr-defined]
    new_anchor = current.advanced(
        last_id=end, last_hash=end_hash, purged=purged, cutoff=cutoff_text, kept=kept
    )
    uow.session.merge(Setting(key=ANCHOR_SETTING, value=new_anchor.to_json()))
    record_event(
        uow,
        ctx,
        actor,
        PURGED_ACTION,
        object_type="events",
        details={
            "anchor": new_anchor.digest,
            "anchor_id": end,
            "purged": purged,
            "kept": len(kept),
            "cutoff": cutoff_text,
        },
    )
    return end - current.last_id, purged


def _export_details(
    count: int,
    file_format: str,
    scope: int | None,
    action: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> dict[str, Any]:
    """The ``events_exported`` details: facts only (ids, an action code, dates), never
    a value typed by someone."""
    details: dict[str, Any] = {"rows": count, "format": file_format}
    if scope is not None:
        details["user_id"] = scope
    if action:
        # A code, or a note that the filter was not one (no text typed by someone).
        details["action"] = action if _ACTION_CODE.fullmatch(action) else "?"
    if since is not None:
        details["since"] = event_time(since)
    if until is not None:
        details["until"] = event_time(until)
    return details


def _view(event: Event) -> EventView:
    return EventView(
        id=event.id,
        occurred_at=event.occurred_at,
        user_id=event.user_id,
        login=event.login,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        workstation=event.workstation,
        app_version=event.app_version,
        details=event.details,
    )


def _filters(
    user_id: int | None,
    action: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> list[ColumnElement[bool]]:
    """The Journal's filters as SQL conditions (``until`` exclusive)."""
    conditions: list[ColumnElement[bool]] = []
    if user_id is not None:
        conditions.append(Event.user_id == user_id)
    if action:
        conditions.append(Event.action == action)
    if since is not None:
        conditions.append(Event.occurred_at >= event_time(since))
    if until is not None:
        conditions.append(Event.occurred_at < event_time(until))
    return conditions


def _parse_time(value: str) -> dt.datetime:
    """An ``event_time`` text back to an aware UTC datetime."""
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _matching(
    uow: UnitOfWork, conditions: list[ColumnElement[bool]], batch: int = 2000
) -> Iterator[Event]:
    """The events matching ``conditions``, oldest first, fetched in batches by id."""
    last_id = 0
    while True:
        events = list(
            uow.session.scalars(
                select(Event).where(Event.id > last_id, *conditions).order_by(Event.id).limit(batch)
            )
        )
        if not events:
            return
        yield from events
        last_id = events[-1].id
        uow.session.expunge_all()


def _full_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".strip()


class EventService:
    """Reading, checking and exporting the event log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _uow(self) -> ServiceUnitOfWork:
        return self.ctx.unit_of_work()

    def _scope(self, uow: ServiceUnitOfWork, user_id: int | None) -> int | None:
        """The one check for reading events: an admin reads all (or ``user_id``'s),
        anyone else only their own. Returns the user whose events may be read (None: all)."""
        actor = uow.actor
        if can(actor, Permission.VIEW_ALL_EVENTS):
            return user_id
        authorize(uow, actor, Permission.VIEW_OWN_EVENTS)
        if user_id is not None and user_id != actor.user_id:
            raise PermissionDenied(OWN_EVENTS_ONLY_MESSAGE, code="own_events_only")
        return actor.user_id

    @reads
    def list(
        self,
        *,
        user_id: int | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[EventView]:
        """Events, newest first. An admin sees all; anyone else only their own."""
        with self._uow() as uow:
            user_id = self._scope(uow, user_id)
            query = select(Event).order_by(Event.id.desc()).limit(limit).offset(offset)
            query = query.where(*_filters(user_id, action, since, until))
            return [_view(event) for event in uow.session.scalars(query)]

    @writes
    def verify(self) -> ChainReport:
        """Check the whole chain (admin only), then record that it was checked."""
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            authorize(uow, uow.actor, Permission.VIEW_ALL_EVENTS)
            report = chain_report(uow)
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_ALL_EVENTS)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "events_verified",
                object_type="events",
                details={
                    "ok": report.ok,
                    "checked": report.checked,
                    "first_broken_id": report.first_broken_id,
                },
            )
            uow.commit()
        return report

    @writes
    def export_csv(
        self,
        path: Path,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        user_id: int | None = None,
        action: str | None = None,
    ) -> int:
        """Write the events matching the Journal's filters to ``path`` (CSV for French
        Excel), oldest first; returns the row count.

        Same filters and access as :meth:`export_pdf` and :meth:`list`: an admin exports
        all events (or ``user_id``'s), anyone else only their own (PermissionDenied
        ``own_events_only`` for another user's, and no file). ``until`` is exclusive.
        UTF-8 with BOM and ``;`` separators; cells that a spreadsheet would run as
        formulas are neutralised. Written atomically (StorageError ``export_failed``);
        logged as ``events_exported`` (details: rows, format "csv" and the filters
        applied: user id, action code, UTC bounds); a file whose event cannot be
        written is removed.
        """
        path = Path(path)
        count = 0
        try:
            # Written atomically: an interrupted or refused export leaves no file.
            with (
                atomic_writer(path, "w", encoding="utf-8-sig", newline="") as handle,
                self.ctx.unit_of_work(AccessMode.READ) as uow,
            ):
                scope = self._scope(uow, user_id)
                writer = csv_writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
                writer.writerow(CSV_HEADER)
                for event in _matching(uow, _filters(scope, action, since, until)):
                    writer.writerow(_event_record(event).values())
                    count += 1
        except (OSError, UnicodeError) as exc:
            raise _export_error(path, exc) from exc
        self._log_export(path, user_id, _export_details(count, "csv", scope, action, since, until))
        return count

    @writes
    def export_pdf(
        self,
        path: Path,
        *,
        user_id: int | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        action_labels: Mapping[str, str] | None = None,
        object_labels: Mapping[str, str] | None = None,
    ) -> int:
        """Write the events matching the Journal's filters to ``path`` as a PDF extract
        (``reports.event_log_pdf``), oldest first; returns the number of events.

        Same access as :meth:`list`: an admin exports all events (or ``user_id``'s),
        anyone else only their own (PermissionDenied ``own_events_only`` for another
        user's). ``until`` is exclusive; ``since``/``until`` are printed as the local
        days they start. ``action_labels``: the action codes' names in the user's
        language (the code itself when missing); ``object_labels`` likewise for the
        object types. The chain is checked in the same read transaction and its status
        printed. Written atomically (StorageError
        ``export_failed``); logged as ``events_exported`` (details: rows, format
        "pdf"); a file whose event cannot be written is removed.
        """
        labels = dict(action_labels or {})
        objects = dict(object_labels or {})
        path = Path(path)
        count = 0
        try:
            with (
                atomic_writer(path, "wb") as handle,
                self.ctx.unit_of_work(AccessMode.READ) as uow,
            ):
                scope = self._scope(uow, user_id)
                conditions = _filters(scope, action, since, until)
                count = int(
                    uow.session.scalar(select(func.count(Event.id)).where(*conditions)) or 0
                )
                report = chain_report(uow)
                users = {user.id: user for user in uow.session.scalars(select(User))}
                me = users.get(uow.actor.user_id)
                structure = me.structure if me is not None else None
                if structure is None:
                    structure = uow.session.scalars(
                        select(Structure).order_by(Structure.id).limit(1)
                    ).first()
                chosen = users.get(scope) if scope is not None else None
                extract = EventLogExtract(
                    structure_name=structure.name if structure is not None else "",
                    exported_by=(
                        f"{_full_name(me)} ({me.login})" if me is not None else uow.actor.login
                    ),
                    exported_at=self.ctx.now(),
                    first_day=since.astimezone().date() if since is not None else None,
                    last_day=(
                        (until.astimezone() - dt.timedelta(microseconds=1)).date()
                        if until is not None
                        else None
                    ),
                    user=f"{_full_name(chosen)} ({chosen.login})" if chosen is not None else "",
                    action=labels.get(action, action) if action else "",
                    own_events_only=not can(uow.actor, Permission.VIEW_ALL_EVENTS),
                    chain_ok=report.ok,
                    chain_checked=report.checked,
                    chain_first_broken_id=report.first_broken_id,
                    chain_reason=report.reason,
                )
                names = {uid: _full_name(user) for uid, user in users.items()}
                rows = (
                    EventLogRow(
                        id=event.id,
                        occurred_at=_parse_time(event.occurred_at),
                        login=event.login,
                        user_name=names.get(event.user_id, "") if event.user_id else "",
                        action=labels.get(event.action, event.action),
                        object_type=objects.get(event.object_type, event.object_type),
                        object_id=event.object_id,
                        workstation=event.workstation,
                        app_version=event.app_version,
                    )
                    for event in _matching(uow, conditions)
                )
                render_event_log(handle, extract, rows, count)
        except (OSError, UnicodeError) as exc:
            raise _export_error(path, exc) from exc
        self._log_export(path, user_id, _export_details(count, "pdf", scope, action, since, until))
        return count

    def _log_export(self, path: Path, user_id: int | None, details: dict[str, Any]) -> None:
        """``events_exported`` for the file at ``path`` (access checked again); no
        event, no file: an export that could not be logged is taken back."""
        try:
            with self._uow() as uow:
                self._scope(uow, user_id)
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "events_exported",
                    object_type="events",
                    details=details,
                )
                uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
