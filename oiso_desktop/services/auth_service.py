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
    ValidationError,
)
from oiso_desktop.domain.passwords import validate_password
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.context import (
    SESSION_LOCKED_MESSAGE,
    ServiceContext,
    naive_utc,
    utc_now,
)
from oiso_desktop.services.dto import Actor
from oiso_desktop.services.event_log import EventService, event_time, record_event
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.user_service import UserService
from oiso_desktop.storage.keystore import (
    BAD_CREDENTIALS_MESSAGE,
    Keystore,
    UnlockedSlot,
    key_id_of,
)
from oiso_desktop.storage.local_database import Database, LocalDatabase
from oiso_desktop.storage.models import User
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
SESSION_CLOSED_MESSAGE = "La session est fermée : reconnectez-vous."


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


def actor_of(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        login=user.login,
        role=Role(user.role),
        display_name=f"{user.first_name} {user.last_name}",
        structure_id=user.structure_id,
    )


class UserSession:
    """A logged-in user: the services, bound to the open database."""

    def __init__(self, ctx: ServiceContext, actor: Actor, *, must_change_password: bool) -> None:
        self.ctx = ctx
        self.actor = actor
        self.must_change_password = must_change_password
        self.locked = False
        self.closed = False
        # Wrong passwords typed at the lock screen: throttled like the login screen.
        self._unlock_failures: list[dt.datetime] = []
        self.users = UserService(ctx)
        self.patients = PatientService(ctx)
        self.events = EventService(ctx)

    def _uow(self) -> UnitOfWork:
        if self.closed:
            raise AuthenticationError(SESSION_CLOSED_MESSAGE, code="session_closed")
        return UnitOfWork(self.ctx.database.session_factory)

    def _record(self, action: str, **kwargs: object) -> None:
        with self._uow() as uow:
            record_event(uow, self.ctx, self.actor, action, **kwargs)  # type: ignore[arg-type]
            uow.commit()

    def _keystore(self) -> Keystore:
        assert self.ctx.keystore is not None, "local database expected"
        return self.ctx.keystore

    def lock(self) -> None:
        """The screen is locked (idle or on request)."""
        if self.locked:
            return
        self._record("lock")
        self.locked = True
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

    def unlock(self, password: str) -> None:
        """Check the password again (AuthenticationError, logged, if wrong)."""
        self._check_own_password(password, "unlock")
        self._record("unlock")
        self.locked = False
        self.ctx.locked = False

    def computer_binding_available(self) -> bool:
        """True when this computer has a secure OS keyring to bind a slot to."""
        store = self.ctx.secret_store
        return store is not None and store.available()

    def is_bound_to_this_computer(self) -> bool:
        return self._keystore().is_bound(self.actor.user_id)

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
        with self._uow() as uow:
            record_event(
                uow,
                self.ctx,
                self.actor,
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
                self.actor,
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

    def logout(self) -> None:
        """Record the logout and close the database (idempotent)."""
        if self.closed:
            return
        try:
            self._record("logout")
        finally:
            self.closed = True
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

    def _context(self, local: LocalDatabase, database: Database, dmk: bytes) -> ServiceContext:
        return ServiceContext(
            database=database,
            secret_store=self.secret_store,
            keystore=local.keystore,
            clock=self.clock,
            dmk=dmk,
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
            ctx = self._context(local, database, current_dmk(keystore, slot.dmk_candidates))
            with UnitOfWork(database.session_factory) as uow:
                user = uow.users.get(slot.user_id)
                if user is None or user.status != AccountStatus.ACTIVE.value:
                    raise AccountDisabled(DISABLED_MESSAGE)
                actor = actor_of(user)
                drained = keystore.drain_failures()
                try:
                    self._record_failures(uow, ctx, drained)
                    user.last_login_at = naive_utc(ctx.now())
                    record_event(uow, ctx, actor, "login", object_type="user", object_id=user.id)
                    uow.commit()
                except BaseException:
                    # Nothing was written: keep the failures for the next login.
                    for failed_login, at in drained:
                        keystore.record_failure(failed_login, at)
                    raise
                must_change = user.must_change_password
        except BaseException:
            database.dispose()
            raise
        return UserSession(ctx, actor, must_change_password=must_change)

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
            ctx = self._context(local, database, dmk)
            with UnitOfWork(database.session_factory) as uow:
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
                user.password_changed_at = naive_utc(ctx.now())
                record_event(
                    uow, ctx, actor, "recovery_used", object_type="user", object_id=user.id
                )
                record_event(
                    uow,
                    ctx,
                    actor,
                    "login",
                    object_type="user",
                    object_id=user.id,
                    details={"method": "recovery"},
                )
                user.last_login_at = naive_utc(ctx.now())
                uow.flush()
                # A fresh slot (new key pair) with the new password.
                keystore.add_user_slot(user.id, user.login, new_password, dmk)
                uow.commit()
        except BaseException:
            database.dispose()
            raise
        return UserSession(ctx, actor, must_change_password=False)
