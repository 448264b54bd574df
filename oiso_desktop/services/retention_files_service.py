"""Departed users' files (REFERENCE.md "Retention", DESIGN.md §7, issue 10).

The rules are pure (``domain.retention.departed_file_step``); this module applies
them:

* :func:`apply_departed_files`: the maintenance step (system actor, task
  ``APPLY_FILE_RETENTION``) after the inactivity step. Each file is archived,
  restored or deleted in its own transaction, re-reading its facts there: a run
  killed anywhere leaves files either untouched or done, and the next run does
  the rest.
* :func:`delete_patient_file`: removes a file and everything that hangs on it
  (attachments and their chunks, clinical forms and revisions, plan items,
  adjustments, selections, performed exams, appointments, shares, break-the-glass
  rows: every table that refers to ``patients``, found from the models' foreign
  keys, so a table added later is not forgotten). Events stay: they only carry
  ids, and ``patient_deleted`` records the file's id only. As for an erasure
  (``patient_rights_service``), freed pages are zeroed (``PRAGMA secure_delete``)
  and :func:`checkpoint_after_deletion` moves the write-ahead log into the file
  and truncates it, so no old page of the file lingers.
* :class:`RetentionFilesService` (``session.retention_files``): what
  administrators see (the archived count).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, func, select, text, update

from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import FileState, FileStep, MaintenanceTask, departed_file_step
from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import AccessMode, ServiceContext, naive_utc, reads
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.system_actor import SystemContext, authorize_task
from oiso_desktop.storage.models import Base, Patient, PatientShare, User
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "DEPARTED_STATUSES",
    "FileRetentionReport",
    "RetentionFilesService",
    "apply_departed_files",
    "apply_one",
    "checkpoint_after_deletion",
    "delete_patient_file",
    "unshared_file_ids",
]

DEPARTED_STATUSES = (AccountStatus.REVOKED.value, AccountStatus.DELETED.value)


@dataclass(frozen=True)
class FileRetentionReport:
    archived: int = 0
    restored: int = 0
    deleted: int = 0


def _dependent_tables(table: Table) -> list[tuple[Table, str, str]]:
    """(child table, child column, parent column) of every foreign key to ``table``."""
    found = []
    for candidate in Base.metadata.sorted_tables:
        for fk in candidate.foreign_keys:
            if fk.column.table is table:
                found.append((candidate, fk.parent.name, fk.column.name))
    return found


def _delete_rows(uow: UnitOfWork, table: Table, column: str, values: list[object]) -> None:
    """Delete the rows of ``table`` whose ``column`` is in ``values``, children first."""
    if not values:
        return
    for child, child_column, parent_column in _dependent_tables(table):
        if child is table:
            continue
        keys = list(
            uow.session.scalars(select(table.c[parent_column]).where(table.c[column].in_(values)))
        )
        _delete_rows(uow, child, child_column, keys)
    uow.session.execute(delete(table).where(table.c[column].in_(values)))


def delete_patient_file(uow: UnitOfWork, patient_id: int) -> None:
    """Remove a patient file and every row that refers to it (in the caller's
    transaction; never commits). Events are not touched."""
    uow.session.flush()
    # Freed pages are zeroed before being written again (per connection).
    uow.session.execute(text("PRAGMA secure_delete = ON"))
    _delete_rows(uow, Patient.__table__, "id", [patient_id])  # type: ignore[arg-type]
    uow.session.expire_all()


def checkpoint_after_deletion(ctx: ServiceContext) -> None:
    """Move the WAL into the file and truncate it, so that the pages of deleted files
    do not linger there (best effort: a reader holding an old snapshot delays it to
    SQLite's next checkpoint). On the raw connection, outside any transaction."""
    try:
        connection = ctx.database.engine.raw_connection()
    except Exception:  # noqa: BLE001 - a server database has no WAL of ours
        return
    try:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Exception:  # noqa: BLE001 - busy: SQLite checkpoints again later
        return
    finally:
        connection.close()


def unshared_file_ids(
    uow: UnitOfWork, owner_id: int, *, restricted: bool | None = None
) -> list[int]:
    """The files of ``owner_id`` shared with nobody (any retention state); only the
    restricted ones (``restricted`` True) or only the others (False)."""
    shared = select(PatientShare.patient_id)
    query = select(Patient.id).where(Patient.owner_id == owner_id, Patient.id.not_in(shared))
    if restricted is not None:
        query = query.where(
            Patient.restricted_at.is_not(None) if restricted else Patient.restricted_at.is_(None)
        )
    return list(uow.session.scalars(query.order_by(Patient.id)))


def _step_for(uow: UnitOfWork, patient: Patient, now: dt.datetime) -> FileStep:
    owner = uow.session.get(User, patient.owner_id)
    shared = bool(
        uow.session.scalar(
            select(func.count())
            .select_from(PatientShare)
            .where(PatientShare.patient_id == patient.id)
        )
    )
    status = owner.status if owner is not None else AccountStatus.DELETED.value
    departed_at = None
    if owner is not None:
        departed_at = owner.revoked_at or owner.status_changed_at
    if departed_at is not None and patient.retention_since is not None:
        # Shared after its owner left: the years count from when it was last shared.
        departed_at = max(departed_at, patient.retention_since)
    return departed_file_step(
        owner_departed=status in DEPARTED_STATUSES,
        departed_at=departed_at,
        shared=shared,
        state=patient.retention_state,
        now=now,
        restricted=patient.restricted_at is not None,
    )


def _system_guard(uow: UnitOfWork) -> None:
    authorize_task(uow.actor, MaintenanceTask.APPLY_FILE_RETENTION)  # type: ignore[attr-defined]


def apply_one(
    system: ServiceContext,
    patient_id: int,
    now: dt.datetime,
    guard: Callable[[UnitOfWork], None] = _system_guard,
) -> FileStep:
    """One file's step, in its own transaction (re-read there). The step done.

    ``guard`` checks who acts, inside the transaction: the system actor by default
    (the maintenance job), an administrator's check for a deletion on request.
    """
    with system.unit_of_work(AccessMode.WRITE) as uow:
        guard(uow)
        patient = uow.session.get(Patient, patient_id)
        if patient is None:
            return FileStep.NONE
        step = _step_for(uow, patient, naive_utc(now))
        if step is FileStep.ARCHIVE:
            patient.retention_state = FileState.ARCHIVED.value
            patient.archived_at = naive_utc(now)
            record_event(
                uow,
                system,
                uow.actor,
                "patient_archived",
                object_type="patient",
                object_id=patient_id,
            )
        elif step is FileStep.RESTORE:
            patient.retention_state = FileState.ACTIVE.value
            patient.archived_at = None
            record_event(
                uow,
                system,
                uow.actor,
                "patient_restored",
                object_type="patient",
                object_id=patient_id,
            )
        elif step is FileStep.DELETE:
            delete_patient_file(uow, patient_id)
            record_event(
                uow,
                system,
                uow.actor,
                "patient_deleted",
                object_type="patient",
                object_id=patient_id,
            )
        else:
            return step
        uow.flush()
        uow.commit()
        return step


def stamp_shared_files(system: ServiceContext, now: dt.datetime) -> int:
    """Mark the departed owners' files that are shared today (``retention_since``):
    the kept year of a file that loses its last share later counts from its last
    day shared, as the job saw it (it runs daily and after each sign-in). A plain
    UPDATE: the file's version does not move (no one's edit is made to conflict).
    Never moves backwards, so a second run at the same time changes nothing."""
    moment = naive_utc(now)
    with system.unit_of_work(AccessMode.WRITE) as uow:
        authorize_task(uow.actor, MaintenanceTask.APPLY_FILE_RETENTION)
        table: Table = Patient.__table__  # type: ignore[assignment]
        departed = select(User.id).where(User.status.in_(DEPARTED_STATUSES))
        shared = select(PatientShare.patient_id)
        stamped = uow.session.execute(
            update(table)
            .where(
                table.c.owner_id.in_(departed),
                table.c.id.in_(shared),
                (table.c.retention_since.is_(None)) | (table.c.retention_since < moment),
            )
            .values(retention_since=moment)
        )
        uow.commit()
    return int(stamped.rowcount or 0)  # type: ignore[attr-defined]


def apply_departed_files(
    system: SystemContext,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> FileRetentionReport:
    """The maintenance step: every file of a departed owner, and every archived file."""
    stamp_shared_files(system, now)
    with system.unit_of_work(AccessMode.READ) as uow:
        authorize_task(uow.actor, MaintenanceTask.APPLY_FILE_RETENTION)
        departed = select(User.id).where(User.status.in_(DEPARTED_STATUSES))
        ids = list(
            uow.session.scalars(
                select(Patient.id)
                .where(
                    (Patient.owner_id.in_(departed))
                    | (Patient.retention_state != FileState.ACTIVE.value)
                )
                .order_by(Patient.id)
            )
        )
    counts = {FileStep.ARCHIVE: 0, FileStep.RESTORE: 0, FileStep.DELETE: 0}
    for index, patient_id in enumerate(ids):
        if progress is not None:
            progress(index, len(ids))
        step = apply_one(system, patient_id, now)
        if step in counts:
            counts[step] += 1
    if counts[FileStep.DELETE]:
        checkpoint_after_deletion(system)
    if progress is not None:
        progress(len(ids), len(ids))
    return FileRetentionReport(
        archived=counts[FileStep.ARCHIVE],
        restored=counts[FileStep.RESTORE],
        deleted=counts[FileStep.DELETE],
    )


class RetentionFilesService:
    """What administrators see of the departed users' files."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @reads
    def archived_count(self) -> int:
        """How many files are archived (administrators; never which ones)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return int(
                uow.session.scalar(
                    select(func.count())
                    .select_from(Patient)
                    .where(Patient.retention_state == FileState.ARCHIVED.value)
                )
                or 0
            )
