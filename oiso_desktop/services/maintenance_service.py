"""The maintenance job (DESIGN.md §6-7, issue 10): retention, every day, by itself.

:meth:`MaintenanceService.run`, in this order:

1. **purge** the event log of what is older than 6 calendar months, batch by
   batch, each batch a transaction that moves the chain anchor and records
   ``events_purged`` (``services.event_log.purge_step``);
2. **inactivity**: the invitation email at 1 year without sign-in, the
   revocation after the grace period (``domain.retention.inactivity_step``),
   through the administrators' revocation path (shares ended, clinical key
   rotation owed, re-key);
3. **integrity**: the whole-file check that login skips above 64 MiB (``PRAGMA
   cipher_integrity_check``: every page's HMAC, not repeated after a re-key of
   this run, which has just authenticated every page; ``PRAGMA quick_check``:
   every page and b-tree read);
4. **departed files**: a departed owner's unshared files kept 1 year, archived 1
   more, then deleted (``services.retention_files_service``);
5. **alerts**: unusual access into the administrators' review queue
   (``services.alerts_service``);
6. **outbox**: the emails that are due.

It runs as the system actor (``services.system_actor``) over the keys of the
session that starts it: the ``maintenance run`` command, or the GUI after a
login. For a scheduled task with nobody signed in, :func:`run_unattended` opens
the database with the unattended-maintenance slot (its secret in the OS keyring
of the OS account that runs the task, set up by an administrator with
:meth:`MaintenanceService.setup_unattended`) and runs the job in a
:class:`~services.system_actor.SystemContext` with no user at all: only the
maintenance tasks are allowed. Every step re-reads what it acts on and commits on its own, so a run
killed anywhere leaves a state that the next run completes, and a run with
nothing to do changes nothing but its own two events (``maintenance_started``,
``maintenance_finished`` with counts, never values).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from oiso_desktop.domain.errors import (
    ErrorCode,
    KeyringUnavailable,
    OisoError,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import (
    DEFAULT_GRACE_DAYS,
    MAX_GRACE_DAYS,
    MIN_GRACE_DAYS,
    InactivityStep,
    MaintenanceTask,
    inactivity_step,
    last_seen,
    purge_cutoff,
)
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.access import authorize
from oiso_desktop.services.alerts_service import raise_alerts
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    as_utc,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import purge_step, record_event
from oiso_desktop.services.outbox_service import OutboxService, SendReport, enqueue_message
from oiso_desktop.services.retention_files_service import (
    FileRetentionReport,
    apply_departed_files,
)
from oiso_desktop.services.system_actor import (
    SystemContext,
    authorize_task,
    system_context,
    unattended_context,
)
from oiso_desktop.services.user_service import UserService, revoked_slot_holders
from oiso_desktop.storage.engine import bulk_page_cache
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.local_database import LocalDatabase
from oiso_desktop.storage.models import Setting, User
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "GRACE_DAYS_KEY",
    "InactiveUser",
    "MaintenanceProgress",
    "MaintenanceReport",
    "MaintenanceService",
    "MaintenanceStep",
]

GRACE_DAYS_KEY = "inactivity_grace_days"
#: Events examined per purge transaction. Each batch rewrites the pages of the
#: event log's random-hash index it touches: one large batch writes them once
#: (257,000 events: 3.4 s in one batch, 4.2 s in two of 250,000, 9 s in batches of
#: 50,000). A run killed mid-batch loses that batch's work only; the process peaks
#: near 400 MB during the batch (the page cache of ``bulk_page_cache``).
PURGE_BATCH = 500_000
INACTIVITY_KIND = "inactivity_warning"

GRACE_RANGE_MESSAGE = (
    "Le délai avant révocation doit être un nombre entier de jours, "
    f"compris entre {MIN_GRACE_DAYS} et {MAX_GRACE_DAYS} jours."
)

WARNING_SUBJECT = "OISO : connectez-vous pour conserver votre accès"
WARNING_BODY = (
    "Bonjour {name},\n\n"
    "Vous ne vous êtes pas connecté(e) à l'application OISO depuis plus d'un an "
    "(dernière connexion : {seen}).\n\n"
    "Conformément à la politique de confidentialité d'OISO, votre accès sera révoqué "
    "le {revocation} si vous ne vous connectez pas d'ici là. Pour le conserver, il "
    "suffit de vous connecter avec votre identifiant « {login} ».\n\n"
    "Si vous n'avez plus besoin de cet accès, vous pouvez ignorer ce message.\n\n"
    "Message envoyé automatiquement ; il ne contient aucune donnée de patient.\n"
)
NEVER_SEEN = "aucune depuis la création du compte, le {created}"


_T = TypeVar("_T")
log = logging.getLogger(__name__)


class _ProgressStopped(Exception):
    """The ``progress`` callback raised (the GUI stops the run at a progress point):
    carried through the steps' guards, raised again as it was by :meth:`run`."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(type(original).__name__)
        self.original = original


class MaintenanceStep:
    """Names of the steps reported to ``progress`` (the GUI translates them)."""

    PURGE = "purge"
    INTEGRITY = "integrity"
    INACTIVITY = "inactivity"
    FILES = "files"
    ALERTS = "alerts"
    OUTBOX = "outbox"


@dataclass(frozen=True)
class MaintenanceProgress:
    step: str  # MaintenanceStep
    done: int
    total: int  # 0: unknown


@dataclass(frozen=True)
class MaintenanceReport:
    purged: int = 0  # events removed from the log
    integrity_ok: bool | None = None  # None: not checked (no local file)
    warned: int = 0
    cancelled: int = 0  # warnings forgotten: the user signed in since
    revoked: int = 0
    mails_sent: int = 0
    mails_failed: int = 0
    mails_waiting: int = 0
    smtp_configured: bool = True
    rekey_pending: bool = False  # a revocation's re-key waits for the file to be free
    files_archived: int = 0  # departed users' files archived, restored, deleted
    files_restored: int = 0
    files_deleted: int = 0
    alerts: int = 0  # access alerts raised
    errors: tuple[str, ...] = field(default=())  # error codes of the steps that failed


@dataclass(frozen=True)
class InactiveUser:
    """An account the inactivity rule concerns (administrators' screen)."""

    user_id: int
    login: str
    display_name: str
    role: Role
    last_seen: dt.datetime
    never_logged_in: bool
    warned_at: dt.datetime | None
    revocation_due: dt.datetime | None  # after the warning, when it will be revoked


def _stored_grace_days(uow: UnitOfWork) -> int:
    row = uow.session.get(Setting, GRACE_DAYS_KEY)
    try:
        value = int(row.value) if row is not None else DEFAULT_GRACE_DAYS
    except ValueError:
        return DEFAULT_GRACE_DAYS
    return value if MIN_GRACE_DAYS <= value <= MAX_GRACE_DAYS else DEFAULT_GRACE_DAYS


def _french_date(moment: dt.datetime) -> str:
    return moment.strftime("%d/%m/%Y")


def _warning_body(user: User, grace_days: int, now: dt.datetime) -> str:
    if user.last_login_at is not None:
        seen = _french_date(user.last_login_at)
    else:
        seen = NEVER_SEEN.format(created=_french_date(user.created_at))
    return WARNING_BODY.format(
        name=f"{user.first_name} {user.last_name}".strip(),
        seen=seen,
        revocation=_french_date(now + dt.timedelta(days=grace_days)),
        login=user.login,
    )


class MaintenanceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ administrators

    @reads
    def grace_days(self) -> int:
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return _stored_grace_days(uow)

    @writes
    def set_grace_days(self, days: int) -> int:
        """The days between the inactivity email and the revocation (administrators)."""
        if isinstance(days, bool) or not isinstance(days, int):
            days = -1
        if not MIN_GRACE_DAYS <= days <= MAX_GRACE_DAYS:
            raise ValidationError(
                GRACE_RANGE_MESSAGE,
                field=GRACE_DAYS_KEY,
                code="grace_days_range",
                minimum=MIN_GRACE_DAYS,
                maximum=MAX_GRACE_DAYS,
            )
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            old = _stored_grace_days(uow)
            if old != days:
                uow.session.merge(Setting(key=GRACE_DAYS_KEY, value=str(days)))
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "setting_changed",
                    object_type="setting",
                    details={"key": GRACE_DAYS_KEY, "old": old, "new": days},
                )
                uow.commit()
        return days

    @reads
    def inactive_users(self, now: dt.datetime | None = None) -> list[InactiveUser]:
        """Active accounts warned, or due a warning (administrators), oldest first."""
        moment = naive_utc(now or self.ctx.now())
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            grace = _stored_grace_days(uow)
            found = []
            for user in uow.users.list(statuses=[AccountStatus.ACTIVE.value]):
                seen = last_seen(user.last_login_at, user.created_at)
                warned = user.inactivity_warning_sent_at
                step = inactivity_step(seen=seen, warned_at=warned, now=moment, grace_days=grace)
                if warned is None and step is not InactivityStep.WARN:
                    continue
                if step is InactivityStep.CANCEL:
                    continue
                found.append(
                    InactiveUser(
                        user_id=user.id,
                        login=user.login,
                        display_name=f"{user.first_name} {user.last_name}".strip(),
                        role=Role(user.role),
                        last_seen=as_utc(seen),
                        never_logged_in=user.last_login_at is None,
                        warned_at=from_db_time(warned),
                        revocation_due=(
                            as_utc(warned + dt.timedelta(days=grace)) if warned else None
                        ),
                    )
                )
            found.sort(key=lambda item: item.last_seen)
            return found

    # ------------------------------------------------- unattended maintenance

    def _keystore_and_slot(self) -> tuple[Keystore, SlotKey]:
        if self.ctx.keystore is None or self.ctx.slot_key is None:
            raise StorageError(
                "La clé de cette session n'est pas disponible : reconnectez-vous.",
                code="no_slot_key",
            )
        return self.ctx.keystore, self.ctx.slot_key

    @writes
    def setup_unattended(self) -> None:
        """Create (or replace) the unattended-maintenance slot (administrators).

        Its random secret goes only to the OS keyring of the current OS user;
        KeyringUnavailable (nothing written) if there is no secure keyring.
        """
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        keystore, holder = self._keystore_and_slot()
        if self.ctx.secret_store is None or not self.ctx.secret_store.available():
            raise KeyringUnavailable(
                NO_UNATTENDED_KEYRING_MESSAGE, code=ErrorCode.MAINTENANCE_KEYRING_UNAVAILABLE
            )
        replaced = keystore.has_maintenance_slot()
        keystore.set_maintenance_slot(self.ctx.secret_store, holder=holder)
        with self.ctx.unit_of_work() as uow:
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "maintenance_slot_created",
                object_type="database",
                details={"replaced": replaced},
            )
            uow.commit()

    @writes
    def remove_unattended(self) -> bool:
        """Remove the slot and its keyring secret (administrators); False if none."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        keystore, _ = self._keystore_and_slot()
        removed = keystore.remove_maintenance_slot(self.ctx.secret_store)
        if removed:
            with self.ctx.unit_of_work() as uow:
                record_event(
                    uow, self.ctx, uow.actor, "maintenance_slot_removed", object_type="database"
                )
                uow.commit()
        return removed

    @reads
    def unattended_configured(self) -> bool:
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        return self.ctx.keystore is not None and self.ctx.keystore.has_maintenance_slot()

    # ----------------------------------------------------------------- the job

    @writes
    def run(
        self,
        now: dt.datetime | None = None,
        progress: Callable[[MaintenanceProgress], None] | None = None,
    ) -> MaintenanceReport:
        """Run the maintenance job (any signed-in session; it acts as the system).

        ``now`` overrides the clock (tests, ``maintenance run --now``).
        """
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            runner_id = uow.actor.user_id  # an active, signed-in account
        moment = as_utc(now) if now is not None else self.ctx.now()
        system = system_context(self.ctx, moment)

        def report(step: str, done: int, total: int) -> None:
            if progress is not None:
                try:
                    progress(MaintenanceProgress(step, done, total))
                except BaseException as exc:  # the caller stops the run: let it through
                    raise _ProgressStopped(exc) from exc

        errors: list[str] = []
        with system.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.PURGE_EVENTS)
            record_event(uow, system, uow.actor, "maintenance_started", object_type="database")
            uow.commit()

        def guarded(name: str, step: Callable[[], _T], default: _T) -> _T:
            """One step: whatever it fails on is reported, and the next steps run."""
            try:
                return step()
            except _ProgressStopped:
                raise
            except OisoError as exc:
                errors.append(exc.code)
            except Exception as exc:  # noqa: BLE001 - a lock, a driver error: the others go on
                log.error("Maintenance step %s failed: %s", name, type(exc).__name__)
                errors.append(ErrorCode.MAINTENANCE_STEP_FAILED.value)
            return default

        try:
            purged = guarded(
                MaintenanceStep.PURGE, lambda: self._purge(system, moment, report, errors), 0
            )
            key_before = system.dmk
            inactivity = guarded(
                MaintenanceStep.INACTIVITY,
                lambda: self._inactivity(system, moment, runner_id, report, errors),
                (0, 0, 0, False),
            )
            rekeyed = system.dmk is not None and system.dmk != key_before
            integrity = guarded(
                MaintenanceStep.INTEGRITY,
                lambda: self._integrity(system, report, errors, rekeyed=rekeyed),
                None,
            )
            files = guarded(
                MaintenanceStep.FILES,
                lambda: self._departed_files(system, moment, report),
                FileRetentionReport(),
            )
            alerts = guarded(
                MaintenanceStep.ALERTS, lambda: self._alerts(system, moment, report), 0
            )
            mail = guarded(
                MaintenanceStep.OUTBOX, lambda: self._outbox(system, report), SendReport()
            )
        except _ProgressStopped as stopped:
            raise stopped.original from None
        finally:
            if system.dmk is not None and system.dmk != self.ctx.dmk:
                self.ctx.dmk = system.dmk  # a revocation re-keyed the database
        result = MaintenanceReport(
            purged=purged,
            integrity_ok=integrity,
            warned=inactivity[0],
            cancelled=inactivity[1],
            revoked=inactivity[2],
            rekey_pending=inactivity[3],
            mails_sent=mail.sent,
            mails_failed=mail.failed,
            mails_waiting=mail.waiting,
            smtp_configured=not mail.not_configured,
            files_archived=files.archived,
            files_restored=files.restored,
            files_deleted=files.deleted,
            alerts=alerts,
            errors=tuple(errors),
        )
        with system.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.PURGE_EVENTS)
            details: dict[str, object] = {
                "purged": result.purged,
                "integrity_ok": result.integrity_ok,
                "warned": result.warned,
                "cancelled": result.cancelled,
                "revoked": result.revoked,
                "mails_sent": result.mails_sent,
                "mails_failed": result.mails_failed,
                "files_archived": result.files_archived,
                "files_restored": result.files_restored,
                "files_deleted": result.files_deleted,
                "alerts": result.alerts,
            }
            if errors:
                details["errors"] = list(errors)
            record_event(
                uow,
                system,
                uow.actor,
                "maintenance_finished",
                object_type="database",
                details=details,
            )
            uow.commit()
        return result

    def _purge(
        self,
        system: SystemContext,
        now: dt.datetime,
        report: Callable[[str, int, int], None],
        errors: list[str],
    ) -> int:
        cutoff = purge_cutoff(now)
        examined_total = purged_total = 0
        report(MaintenanceStep.PURGE, 0, 0)
        try:
            while True:
                with system.unit_of_work(AccessMode.WRITE) as uow:
                    authorize_task(uow.actor, MaintenanceTask.PURGE_EVENTS)
                    with bulk_page_cache(uow.session.connection()):
                        examined, purged = purge_step(
                            uow, system, uow.actor, cutoff, batch=PURGE_BATCH
                        )
                        if not examined:
                            break
                        uow.commit()
                examined_total += examined
                purged_total += purged
                report(MaintenanceStep.PURGE, examined_total, 0)
        except OisoError as exc:
            errors.append(exc.code)
        return purged_total

    def _integrity(
        self,
        system: SystemContext,
        report: Callable[[str, int, int], None],
        errors: list[str],
        *,
        rekeyed: bool = False,
    ) -> bool | None:
        report(MaintenanceStep.INTEGRITY, 0, 1)
        with system.unit_of_work(AccessMode.READ) as uow:
            authorize_task(uow.actor, MaintenanceTask.CHECK_INTEGRITY)
            if uow.session.get_bind().dialect.name != "sqlite":
                return None
            try:
                # Every page's HMAC, then every page and b-tree read (the check that
                # login runs only below 64 MiB). ``integrity_check`` would also
                # cross-check every index entry: 5 times longer for no page more read.
                # A re-key in this run (a revocation) has just read and authenticated
                # every page, free ones included (it stops at the first bad HMAC:
                # tested), and written them anew: the HMAC pass would only repeat it.
                cipher = (
                    []
                    if rekeyed
                    else uow.session.execute(text("PRAGMA cipher_integrity_check")).fetchall()
                )
                full = uow.session.execute(text("PRAGMA quick_check")).fetchall()
            except DBAPIError:
                ok = False
            else:
                ok = not cipher and [tuple(row) for row in full] == [("ok",)]
        report(MaintenanceStep.INTEGRITY, 1, 1)
        if not ok:
            errors.append("database_corrupted")
        return ok

    def _inactivity(
        self,
        system: SystemContext,
        now: dt.datetime,
        runner_id: int,
        report: Callable[[str, int, int], None],
        errors: list[str],
    ) -> tuple[int, int, int, bool]:
        users = UserService(system)
        moment = naive_utc(now)
        rekey_pending = False
        try:
            # A revocation of an earlier run cut short before its re-key.
            with system.unit_of_work(AccessMode.READ) as uow:
                authorize_task(uow.actor, MaintenanceTask.REVOKE_INACTIVE)
                if system.keystore is not None:
                    system.keystore.reload()
                leftover = system.keystore is not None and (
                    bool(system.keystore.pending_drop_user_ids)
                    or bool(revoked_slot_holders(uow, system.keystore))
                )
            if leftover:
                users.finish_revocation_as_system()
        except StorageError as exc:
            rekey_pending = rekey_pending or exc.code == "rekey_pending"
            if exc.code != "rekey_pending":
                errors.append(exc.code)
        with system.unit_of_work(AccessMode.READ) as uow:
            authorize_task(uow.actor, MaintenanceTask.WARN_INACTIVE)
            grace = _stored_grace_days(uow)
            plan: list[tuple[int, InactivityStep]] = []
            for user in uow.users.list(statuses=[AccountStatus.ACTIVE.value]):
                if user.id == runner_id:
                    continue  # signed in right now
                step = inactivity_step(
                    seen=last_seen(user.last_login_at, user.created_at),
                    warned_at=user.inactivity_warning_sent_at,
                    now=moment,
                    grace_days=grace,
                )
                if step is not InactivityStep.NONE:
                    plan.append((user.id, step))
        warned = cancelled = revoked = 0
        to_revoke = [user_id for user_id, step in plan if step is InactivityStep.REVOKE]
        for index, (user_id, step) in enumerate(plan):
            if step is InactivityStep.REVOKE:
                continue
            report(MaintenanceStep.INACTIVITY, index, len(plan))
            if self._warn_or_cancel(system, user_id, moment, grace, runner_id):
                if step is InactivityStep.WARN:
                    warned += 1
                else:
                    cancelled += 1
        if to_revoke:
            # One re-key for all of them (the administrators' path, batched).
            try:
                revoked = len(users.revoke_inactive(to_revoke, grace_days=grace))
            except StorageError as exc:
                if exc.code != "rekey_pending":
                    errors.append(exc.code)
                else:
                    rekey_pending = True
                with system.unit_of_work(AccessMode.READ) as uow:
                    revoked = sum(
                        1
                        for user_id in to_revoke
                        if (row := uow.users.get(user_id)) is not None
                        and row.status == AccountStatus.REVOKED.value
                    )
            except ValidationError as exc:
                errors.append(exc.code)
        report(MaintenanceStep.INACTIVITY, len(plan), len(plan))
        return warned, cancelled, revoked, rekey_pending

    @staticmethod
    def _warn_or_cancel(
        system: SystemContext, user_id: int, moment: dt.datetime, grace: int, runner_id: int
    ) -> bool:
        """One account's warning (email + mark) or its cancellation, in one transaction."""
        with system.unit_of_work(AccessMode.WRITE) as uow:
            authorize_task(uow.actor, MaintenanceTask.WARN_INACTIVE)
            user = uow.users.get(user_id)
            if user is None or user.status != AccountStatus.ACTIVE.value or user.id == runner_id:
                return False
            step = inactivity_step(
                seen=last_seen(user.last_login_at, user.created_at),
                warned_at=user.inactivity_warning_sent_at,
                now=moment,
                grace_days=grace,
            )
            if step is InactivityStep.CANCEL:
                user.inactivity_warning_sent_at = None
                record_event(
                    uow,
                    system,
                    uow.actor,
                    "inactivity_warning_cleared",
                    object_type="user",
                    object_id=user.id,
                )
            elif step is InactivityStep.WARN:
                admins = uow.session.scalars(
                    select(User.id).where(
                        User.role == Role.ADMIN.value,
                        User.status == AccountStatus.ACTIVE.value,
                    )
                ).all()
                if user.role == Role.ADMIN.value and len(admins) <= 1:
                    return False  # the last active administrator keeps the keys
                user.inactivity_warning_sent_at = moment
                if user.email:
                    enqueue_message(
                        uow,
                        moment,
                        recipient=user.email,
                        subject=WARNING_SUBJECT,
                        body=_warning_body(user, grace, moment),
                        kind=INACTIVITY_KIND,
                        user_id=user.id,
                    )
                record_event(
                    uow,
                    system,
                    uow.actor,
                    "inactivity_warned",
                    object_type="user",
                    object_id=user.id,
                    details={"email": bool(user.email), "grace_days": grace},
                )
            else:
                return False
            uow.flush()
            uow.commit()
            return True

    @staticmethod
    def _departed_files(
        system: SystemContext,
        now: dt.datetime,
        report: Callable[[str, int, int], None],
    ) -> FileRetentionReport:
        return apply_departed_files(
            system, now, lambda done, total: report(MaintenanceStep.FILES, done, total)
        )

    @staticmethod
    def _alerts(
        system: SystemContext, now: dt.datetime, report: Callable[[str, int, int], None]
    ) -> int:
        report(MaintenanceStep.ALERTS, 0, 1)
        added = raise_alerts(system, now)
        report(MaintenanceStep.ALERTS, 1, 1)
        return added

    @staticmethod
    def _outbox(system: SystemContext, report: Callable[[str, int, int], None]) -> SendReport:
        return OutboxService(system).send_due(
            lambda done, total: report(MaintenanceStep.OUTBOX, done, total)
        )


NO_UNATTENDED_KEYRING_MESSAGE = (
    "Aucun trousseau système n'est disponible pour ce compte : la maintenance sans "
    "surveillance ne peut pas être configurée (aucun secret n'est jamais écrit en clair)."
)


def open_unattended(
    folder: Path,
    *,
    secret_store: SecretStore,
    clock: Callable[[], dt.datetime] | None = None,
) -> SystemContext:
    """The database of ``folder`` opened with the unattended-maintenance slot.

    No user, no password: the secret comes from the OS keyring of the current OS
    user. The context acts as the system actor only (close it with
    ``ctx.database.close()``). French errors: not set up (StorageError
    ``no_maintenance_slot``), keyring unavailable or without the secret
    (KeyringUnavailable), a secret that does not open the slot
    (AuthenticationError ``maintenance_secret_wrong``).
    """
    local = LocalDatabase.open(Path(folder))
    keystore = local.keystore
    if keystore.has_maintenance_slot() and not secret_store.available():
        raise KeyringUnavailable(
            NO_UNATTENDED_RUN_KEYRING_MESSAGE, code=ErrorCode.MAINTENANCE_KEYRING_UNAVAILABLE
        )
    result = keystore.unlock_maintenance(secret_store)
    database = local.connect(result.dmk_candidates, holder=result.slot_key)
    try:
        return unattended_context(
            database=database,
            keystore=keystore,
            secret_store=secret_store,
            dmk=database.key,
            slot_key=result.slot_key,
            clock=clock,
        )
    except BaseException:
        database.close()
        raise


NO_UNATTENDED_RUN_KEYRING_MESSAGE = (
    "Aucun trousseau système n'est disponible pour ce compte : la maintenance sans "
    "surveillance ne peut pas ouvrir la base. Lancez-la avec le compte du système qui "
    "l'a configurée, dans une session où son trousseau est accessible."
)


def run_unattended(
    folder: Path,
    *,
    secret_store: SecretStore,
    now: dt.datetime | None = None,
    clock: Callable[[], dt.datetime] | None = None,
) -> MaintenanceReport:
    """Run the maintenance job with the unattended-maintenance slot (no login)."""
    ctx = open_unattended(folder, secret_store=secret_store, clock=clock)
    try:
        return MaintenanceService(ctx).run(now=now)
    finally:
        ctx.dmk = None
        ctx.slot_key = None
        ctx.database.close()
