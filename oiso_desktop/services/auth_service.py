"""Login, lock/unlock, password change and recovery of a local database.

Failed logins cannot be written into a database that did not open: they go to
the keystore (``Keystore.record_failure``), drive the lockout, and are moved
into the event log at the next successful login.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from oiso_desktop.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationError,
    KeyringUnavailable,
    PasswordPolicyError,
    SessionEnded,
    ValidationError,
)
from oiso_desktop.domain.passwords import validate_password
from oiso_desktop.domain.permissions import Permission, role_can
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.context import (
    SESSION_LOCKED_MESSAGE,
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    actor_of,
    naive_utc,
    reads,
    utc_now,
    writes,
)
from oiso_desktop.services.dto import Actor
from oiso_desktop.services.event_log import EventService, event_time, record_event
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.rollback_guard import (
    RollbackWarning,
    check_database_head,
    remember_database_head,
)
from oiso_desktop.services.security_service import SecurityService
from oiso_desktop.services.settings_service import SettingsService
from oiso_desktop.services.user_service import UserService
from oiso_desktop.storage.keystore import (
    BAD_CREDENTIALS_MESSAGE,
    Keystore,
    UnlockedSlot,
    key_id_of,
)
from oiso_desktop.storage.local_database import Database, LocalDatabase
from oiso_desktop.storage.secret_store import NO_KEYRING_MESSAGE, SecretStore
from oiso_desktop.storage.uow import UnitOfWork

__all__ = ["AuthService", "UserSession", "lockout_delay"]

LOCKOUT_THRESHOLD = 5
LOCKOUT_WINDOW = dt.timedelta(minutes=15)
LOCKOUT_BASE_SECONDS = 60
LOCKOUT_MAX_SECONDS = 30 * 60

DISABLED_MESSAGE = "Ce compte est désactivé. Contactez l'administrateur."
SAME_PASSWORD_MESSAGE = "Le nouveau mot de passe doit être différent de l'actuel."
NOT_AN_ADMIN_MESSAGE = "Ce compte n'est pas un compte administrateur actif."


def lockout_delay(failure_count: int) -> int:
    """Seconds of lockout after ``failure_count`` recent failures (0 below the threshold)."""
    if failure_count < LOCKOUT_THRESHOLD:
        return 0
    extra = failure_count - LOCKOUT_THRESHOLD
    return min(LOCKOUT_BASE_SECONDS * 2 ** min(extra, 20), LOCKOUT_MAX_SECONDS)


def _locked_error(seconds: int) -> AccountLocked:
    minutes = max(1, math.ceil(seconds / 60))
    return AccountLocked(
        f"Trop de tentatives échouées. Réessayez dans {minutes} minute(s).",
        retry_after_seconds=seconds,
    )


def current_dmk(keystore: Keystore, candidates: Sequence[bytes]) -> bytes:
    """The candidate that is the database's current key (after ``connect``)."""
    keystore.reload()
    for candidate in candidates:
        if key_id_of(candidate) == keystore.current_key_id:
            return candidate
    return candidates[0]


class UserSession:
    """A logged-in user: the services, bound to the open database.

    The acting user is the session's (``ctx.user_id``): services take no actor
    argument, and each of their units of work re-reads the account (status,
    role, one-time password). ``actor`` is the account as last read.
    """

    def __init__(self, ctx: ServiceContext, actor: Actor, *, must_change_password: bool) -> None:
        assert ctx.user_id == actor.user_id, "the session acts as its own user"
        self.ctx = ctx
        ctx.actor = actor
        self.must_change_password = must_change_password
        self._disposed = False
        # Wrong passwords typed at the lock screen: throttled like the login screen.
        self._unlock_failures: list[dt.datetime] = []
        self.users = UserService(ctx)
        self.patients = PatientService(ctx)
        self.events = EventService(ctx)
        self.settings = SettingsService(ctx)
        self.security = SecurityService(ctx)
        #: Set at login when the database looks older than one seen here (rollback_guard).
        self.rollback_warning: RollbackWarning | None = None
        #: True when the session was opened with the recovery code (a new sheet is advised).
        self.recovered = False

    @property
    def actor(self) -> Actor:
        """The session's user, as the database said at the last call."""
        assert self.ctx.actor is not None
        return self.ctx.actor

    @property
    def locked(self) -> bool:
        return self.ctx.locked

    @property
    def closed(self) -> bool:
        return self.ctx.closed

    @property
    def ended(self) -> SessionEnded | None:
        """Why the session ended by itself (account suspended or revoked), if it did."""
        return self.ctx.ended

    def can(self, permission: Permission) -> bool:
        """Whether the session's role has ``permission`` (what the GUI shows)."""
        return role_can(self.actor.role, permission)

    def _uow(self, *, password_change: bool = True) -> ServiceUnitOfWork:
        # Session housekeeping (lock, unlock, logout, password change) stays
        # possible while the one-time password is pending.
        return self.ctx.unit_of_work(
            AccessMode.WRITE, password_change=password_change, while_locked=True
        )

    def _record(self, action: str, **kwargs: object) -> None:
        with self._uow() as uow:
            record_event(uow, self.ctx, uow.actor, action, **kwargs)  # type: ignore[arg-type]
            uow.commit()

    def _keystore(self) -> Keystore:
        assert self.ctx.keystore is not None, "local database expected"
        return self.ctx.keystore

    @writes
    def lock(self) -> None:
        """The screen is locked (idle or on request)."""
        if self.locked:
            return
        self._record("lock")
        self.ctx.locked = True

    def _check_own_password(self, password: str, context: str) -> UnlockedSlot:
        """Unlock one's own slot again; wrong passwords are logged and throttled."""
        keystore = self._keystore()
        keystore.reload()
        now = self.ctx.now()
        recent = [at for at in self._unlock_failures if at > now - LOCKOUT_WINDOW]
        delay = lockout_delay(len(recent))
        if delay:
            retry_at = max(recent) + dt.timedelta(seconds=delay)
            if retry_at > now:
                raise _locked_error(math.ceil((retry_at - now).total_seconds()))
        try:
            slot = keystore.unlock_user(self.actor.login, password, self.ctx.secret_store)  # type: ignore[arg-type]
            if slot.user_id != self.actor.user_id:
                raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
        except AuthenticationError:
            self._unlock_failures = [*recent, now]
            self._record(
                "login_failed",
                object_type="user",
                object_id=self.actor.user_id,
                details={"reason": "bad_password", "context": context},
            )
            raise
        self._unlock_failures = []
        return slot

    @writes
    def unlock(self, password: str) -> None:
        """Check the password again (AuthenticationError, logged, if wrong).

        A suspended or revoked account is refused (SessionEnded): the session
        is over, whatever the password.
        """
        self._check_own_password(password, "unlock")
        self._record("unlock")
        self.ctx.locked = False

    @reads
    def computer_binding_available(self) -> bool:
        """True when this computer has a secure OS keyring to bind a slot to."""
        store = self.ctx.secret_store
        return store is not None and store.available()

    @reads
    def is_bound_to_this_computer(self) -> bool:
        return self._keystore().is_bound(self.actor.user_id)

    @writes
    def set_computer_binding(self, password: str, bind: bool) -> None:
        """Bind one's own key slot to this computer's keyring, or unbind it.

        The password is checked first (wrong: AuthenticationError, throttled);
        binding without a usable keyring raises KeyringUnavailable; nothing
        changes on error.
        """
        if self.ctx.locked:
            raise AuthenticationError(SESSION_LOCKED_MESSAGE, code="session_locked")
        if bind and not self.computer_binding_available():
            raise KeyringUnavailable(NO_KEYRING_MESSAGE)
        slot = self._check_own_password(password, "computer_binding")
        keystore = self._keystore()
        with self._uow(password_change=False) as uow:
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "computer_binding_changed",
                object_type="user",
                object_id=self.actor.user_id,
                details={"bound": bind},
            )
            uow.flush()
            # The key slot changes last: if it fails, the event is rolled back.
            keystore.set_password(
                slot.user_id,
                slot.private_key,
                password,
                bind=bind,
                secret_store=self.ctx.secret_store,
            )
            uow.commit()

    @writes
    def change_password(self, old: str, new: str) -> None:
        """Change one's own password (the old one is checked, the policy applied)."""
        if new == old:
            raise PasswordPolicyError(
                SAME_PASSWORD_MESSAGE, field="password", problems=["same_as_old"]
            )
        keystore = self._keystore()
        keystore.reload()
        with self._uow() as uow:
            user = uow.users.get(self.actor.user_id)
            assert user is not None
            validate_password(new, login=user.login, names=(user.first_name, user.last_name))
        try:
            slot = keystore.unlock_user(self.actor.login, old, self.ctx.secret_store)  # type: ignore[arg-type]
        except AuthenticationError:
            self._record(
                "login_failed",
                object_type="user",
                object_id=self.actor.user_id,
                details={"reason": "bad_password", "context": "password_change"},
            )
            raise
        with self._uow() as uow:
            user = uow.users.get(self.actor.user_id)
            assert user is not None
            user.must_change_password = False
            user.password_changed_at = naive_utc(self.ctx.now())
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "password_changed",
                object_type="user",
                object_id=user.id,
            )
            uow.flush()
            # The key slot changes last: if it fails, the transaction is rolled back.
            keystore.set_password(
                slot.user_id, slot.private_key, new, secret_store=self.ctx.secret_store
            )
            uow.commit()
        self.must_change_password = False

    @writes
    def logout(self) -> None:
        """Record the logout, close the database and forget its key (idempotent).

        A session that ended by itself (account suspended or revoked) records
        nothing more: its account may no longer act.
        """
        if self._disposed:
            return
        try:
            if not self.closed:
                self._record("logout")
                remember_database_head(self.ctx)
        finally:
            self._disposed = True
            self.ctx.end()
            self.ctx.database.dispose()


class AuthService:
    """Opens a local database folder for a user."""

    def __init__(
        self,
        folder: Path,
        *,
        secret_store: SecretStore,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.secret_store = secret_store
        self.clock = clock or utc_now

    def _now(self) -> dt.datetime:
        value = self.clock()
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)

    def _check_lockout(self, keystore: Keystore, login: str, now: dt.datetime) -> None:
        failures = keystore.failures_for(login, now - LOCKOUT_WINDOW)
        delay = lockout_delay(len(failures))
        if delay:
            retry_at = max(failures) + dt.timedelta(seconds=delay)
            if retry_at > now:
                raise _locked_error(math.ceil((retry_at - now).total_seconds()))

    def _context(
        self, local: LocalDatabase, database: Database, dmk: bytes, user_id: int | None
    ) -> ServiceContext:
        return ServiceContext(
            database=database,
            secret_store=self.secret_store,
            keystore=local.keystore,
            clock=self.clock,
            dmk=dmk,
            user_id=user_id,
        )

    def login(self, login: str, password: str) -> UserSession:
        """Open the database as ``login``; AuthenticationError and subclasses if refused."""
        typed = (login or "").strip().lower()
        local = LocalDatabase.open(self.folder)
        keystore = local.keystore
        now = self._now()
        self._check_lockout(keystore, typed, now)
        try:
            slot = keystore.unlock_user(typed, password, self.secret_store)
        except AuthenticationError as exc:
            keystore.record_failure(typed or "?", now)
            # Same message whether the login exists or not.
            raise AuthenticationError(BAD_CREDENTIALS_MESSAGE) from exc
        database = local.connect(slot.dmk_candidates)
        try:
            ctx = self._context(
                local, database, current_dmk(keystore, slot.dmk_candidates), slot.user_id
            )
            try:
                with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
                    user = uow.users.get(slot.user_id)
                    assert user is not None
                    actor = uow.actor
                    drained = keystore.drain_failures()
                    try:
                        self._record_failures(uow, ctx, drained)
                        user.last_login_at = naive_utc(ctx.now())
                        record_event(
                            uow, ctx, actor, "login", object_type="user", object_id=user.id
                        )
                        uow.commit()
                    except BaseException:
                        # Nothing was written: keep the failures for the next login.
                        for failed_login, at in drained:
                            keystore.record_failure(failed_login, at)
                        raise
                    must_change = user.must_change_password
            except SessionEnded as exc:
                # The key slot opened but the account is not active.
                raise AccountDisabled(DISABLED_MESSAGE) from exc
        except BaseException:
            database.dispose()
            raise
        session = UserSession(ctx, actor, must_change_password=must_change)
        session.rollback_warning = check_database_head(ctx)
        return session

    @staticmethod
    def _record_failures(
        uow: UnitOfWork, ctx: ServiceContext, drained: Sequence[tuple[str, dt.datetime]]
    ) -> None:
        for failed_login, at in drained:
            known = uow.users.by_login(failed_login) if failed_login else None
            record_event(
                uow,
                ctx,
                None,
                "login_failed",
                object_type="user" if known else "",
                object_id=known.id if known else None,
                user_id=known.id if known else None,
                login=failed_login,
                details={"attempted_at": event_time(at), "reason": "bad_credentials"},
            )

    def recover(self, code: str, admin_login: str, new_password: str) -> UserSession:
        """Open with the recovery code and give ``admin_login`` a new password."""
        typed = (admin_login or "").strip().lower()
        validate_password(new_password, login=typed)
        local = LocalDatabase.open(self.folder)
        keystore = local.keystore
        candidates = keystore.unlock_recovery(code)
        database = local.connect(candidates)
        try:
            dmk = current_dmk(keystore, candidates)
            # The recovery code acts as the system until the administrator is known.
            system = self._context(local, database, dmk, None)
            with system.unit_of_work(AccessMode.WRITE) as uow:
                user = uow.users.by_login(typed)
                if (
                    user is None
                    or user.role != Role.ADMIN.value
                    or user.status != AccountStatus.ACTIVE.value
                ):
                    raise ValidationError(NOT_AN_ADMIN_MESSAGE, field="admin_login")
                validate_password(
                    new_password, login=user.login, names=(user.first_name, user.last_name)
                )
                actor = actor_of(user)
                user.must_change_password = False
                user.password_changed_at = naive_utc(system.now())
                record_event(
                    uow, system, actor, "recovery_used", object_type="user", object_id=user.id
                )
                record_event(
                    uow,
                    system,
                    actor,
                    "login",
                    object_type="user",
                    object_id=user.id,
                    details={"method": "recovery"},
                )
                user.last_login_at = naive_utc(system.now())
                uow.flush()
                # A fresh slot (new key pair) with the new password.
                keystore.add_user_slot(user.id, user.login, new_password, dmk)
                uow.commit()
            ctx = self._context(local, database, dmk, actor.user_id)
        except BaseException:
            database.dispose()
            raise
        session = UserSession(ctx, actor, must_change_password=False)
        session.recovered = True
        session.rollback_warning = check_database_head(ctx)
        return session
