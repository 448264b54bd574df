"""Login, lock/unlock, password change and recovery of a local database.

Every password check is one call, ``Keystore.sign_in`` (lockout, unwrap,
failure counted when refused). Failed logins cannot be written into a database
that did not open: they go to the failures file beside the keystore, drive the
lockout (``domain.lockout``), and are moved into the event log at the next
successful login.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import update

from oiso_desktop.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationError,
    KeyringUnavailable,
    OisoError,
    PasswordPolicyError,
    SessionEnded,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.lockout import FUTURE_TOLERANCE, lockout_delay
from oiso_desktop.domain.passwords import validate_password
from oiso_desktop.domain.permissions import Permission, role_can
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.appointment_service import AppointmentService
from oiso_desktop.services.clinical_form_service import ClinicalFormService
from oiso_desktop.services.clinical_key_service import (
    ClinicalAccess,
    ClinicalKeyService,
    clinical_access_of,
    is_clinical_role,
    open_session_clinical_keys,
    settle_clinical_key,
)
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
from oiso_desktop.services.document_service import DocumentService
from oiso_desktop.services.dto import Actor
from oiso_desktop.services.event_log import EventService, event_time, record_event
from oiso_desktop.services.followup_letter_service import FollowupLetterService
from oiso_desktop.services.followup_service import FollowupService
from oiso_desktop.services.letter_service import LetterService
from oiso_desktop.services.patient_rights_service import PatientRightsService
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.portability_service import PortabilityService
from oiso_desktop.services.rollback_guard import (
    RollbackWarning,
    check_database_head,
    remember_database_head,
)
from oiso_desktop.services.security_service import SecurityService, rekey_database
from oiso_desktop.services.settings_service import SettingsService
from oiso_desktop.services.sharing_service import SharingService
from oiso_desktop.services.summary_service import SummaryService
from oiso_desktop.services.user_service import UserService, owe_rekey
from oiso_desktop.storage.failure_log import ReportedFailure
from oiso_desktop.storage.keystore import (
    BAD_CREDENTIALS_MESSAGE,
    Keystore,
    SignInResult,
    SlotKey,
)
from oiso_desktop.storage.local_database import Database, LocalDatabase
from oiso_desktop.storage.models import User
from oiso_desktop.storage.secret_store import NO_KEYRING_MESSAGE, SecretStore
from oiso_desktop.storage.uow import UnitOfWork

__all__ = ["AuthService", "UserSession", "lockout_delay"]

#: Failed sign-ins older than this are not written into the event log (a real one
#: is moved there at the next successful login; the log itself keeps 6 months).
FAILURE_MAX_AGE = dt.timedelta(days=400)

DISABLED_MESSAGE = "Ce compte est désactivé. Contactez l'administrateur."
SAME_PASSWORD_MESSAGE = "Le nouveau mot de passe doit être différent de l'actuel."
NOT_AN_ADMIN_MESSAGE = "Ce compte n'est pas un compte administrateur actif."


def _note_login(uow: UnitOfWork, user_id: int, at: dt.datetime) -> None:
    """Record the login time without bumping the account's version: a login is not
    an edit, and must not make an administrator's next action on the account fail
    as a concurrent edit."""
    uow.session.execute(update(User).where(User.id == user_id).values(last_login_at=naive_utc(at)))


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
        self.clinical_key = ClinicalKeyService(ctx)
        self.forms = ClinicalFormService(ctx)
        self.documents = DocumentService(ctx)
        self.letters = LetterService(ctx)
        self.summaries = SummaryService(ctx)
        self.sharing = SharingService(ctx)
        self.appointments = AppointmentService(ctx)
        self.followup_letters = FollowupLetterService(ctx)
        self.followup = FollowupService(ctx)
        self.rights = PatientRightsService(ctx)
        self.portability = PortabilityService(ctx)
        #: Set at login when the database looks older than one seen here (rollback_guard).
        self.rollback_warning: RollbackWarning | None = None
        #: True when the session was opened with the recovery code (a new sheet is advised).
        self.recovered = False
        #: why a re-key asked at recovery could not be done (None: done or not asked)
        self.rekey_error: StorageError | None = None

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

    @property
    def clinical_key_alert(self) -> OisoError | None:
        """Why the clinical key was refused at login, if it was: a key that does not
        chain to a trusted generation (``clinical_key_forged``) or a migration
        replayed (``clinical_key_migration_refused``); the event log has it too."""
        return self.ctx.clinical_alert

    @property
    def clinical_access(self) -> ClinicalAccess:
        """Granted, awaiting approval, or not applicable (a role that never holds it).

        The role is read from the database and the keystore again: an approval, a
        rotation or a role change made meanwhile by another session is seen at
        once (a role that lost the right forgets the keys). While the screen is
        locked, the role last read is used. SessionEnded if the account was
        suspended or revoked meanwhile.
        """
        if self.closed:
            return ClinicalAccess.NOT_APPLICABLE
        if self.locked:
            return clinical_access_of(self.ctx, self.actor)
        return self.clinical_key.access_state()

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

    def _check_own_password(self, password: str, context: str) -> SignInResult:
        """Check one's own password again, throttled by the same per-login counter
        as the login screen; a wrong password is logged at once.

        The account is read first: a suspended or revoked account ends the
        session here (SessionEnded), before any password is tried.
        """
        with self.ctx.unit_of_work(AccessMode.READ, password_change=True, while_locked=True):
            pass
        keystore = self._keystore()
        try:
            result = keystore.sign_in(
                self.actor.login,
                password,
                now=self.ctx.now(),
                secret_store=self.ctx.secret_store,  # type: ignore[arg-type]
                context=context,
                report=False,  # written into the event log below, not at the next login
            )
            if result.user_id != self.actor.user_id:
                raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
            with contextlib.suppress(StorageError):
                keystore.accept_sign_in(result, password, self.ctx.secret_store)
        except AccountLocked:
            raise
        except AuthenticationError:
            self._record(
                "login_failed",
                object_type="user",
                object_id=self.actor.user_id,
                details={"reason": "bad_password", "context": context},
            )
            raise
        return result

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
                self.actor.user_id,
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
        with self._uow() as uow:
            user = uow.users.get(self.actor.user_id)
            assert user is not None
            validate_password(new, login=user.login, names=(user.first_name, user.last_name))
        slot = self._check_own_password(old, "password_change")
        if self.ctx.slot_key is not None:
            # An administrator's session re-keys with its slot: keep the one on disk
            # (a reset by another administrator gave this account a new key pair).
            self.ctx.slot_key = slot.slot_key
        with self._uow() as uow:
            user = uow.users.get(self.actor.user_id)
            assert user is not None
            # A password an administrator issued (creation, reset) came with a key
            # pair the administrator could have copied with the key file: replacing
            # it makes a fresh key pair, which only the user's own password opens.
            fresh_key_pair = user.must_change_password
            user.must_change_password = False
            user.password_changed_at = naive_utc(self.ctx.now())
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "password_changed",
                object_type="user",
                object_id=user.id,
                details={"new_key_pair": True} if fresh_key_pair else None,
            )
            uow.flush()
            # The key slot changes last: if it fails, the transaction is rolled back.
            if fresh_key_pair:
                keystore.add_user_slot(
                    user.id,
                    user.login,
                    new,
                    self.ctx.dmk,
                    holder=slot.slot_key,
                    secret_store=self.ctx.secret_store,
                )
            else:
                keystore.set_password(
                    self.actor.user_id, slot.private_key, new, secret_store=self.ctx.secret_store
                )
            uow.commit()
        if fresh_key_pair and self.ctx.slot_key is not None:
            # Only sessions that keep their slot key need the new one (one more argon2).
            new_key = keystore.sign_in(
                self.actor.login, new, now=self.ctx.now(), secret_store=self.ctx.secret_store
            )
            self.ctx.slot_key = new_key.slot_key
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
                with contextlib.suppress(SessionEnded):  # revoked meanwhile: nothing to log
                    self._record("logout")
                    remember_database_head(self.ctx)
        finally:
            self._disposed = True
            self.ctx.end()
            self.ctx.database.close()


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

    def _context(
        self,
        local: LocalDatabase,
        database: Database,
        dmk: bytes,
        slot_key: SlotKey,
        user_id: int | None,
    ) -> ServiceContext:
        return ServiceContext(
            database=database,
            secret_store=self.secret_store,
            keystore=local.keystore,
            clock=self.clock,
            dmk=dmk,
            slot_key=slot_key,
            user_id=user_id,
        )

    def login(self, login: str, password: str) -> UserSession:
        """Open the database as ``login``; AuthenticationError and subclasses if refused."""
        typed = (login or "").strip().lower()
        local = LocalDatabase.open(self.folder)
        keystore = local.keystore
        now = self._now()
        result = keystore.sign_in(typed, password, now=now, secret_store=self.secret_store)
        database = local.connect(result.dmk_candidates, holder=result.slot_key)
        try:
            dmk = database.key
            # Version-1 DMK boxes get the login in their associated data (public
            # keys suffice); not essential to this login, done at the next otherwise.
            with contextlib.suppress(StorageError):
                keystore.upgrade_seals([dmk, *result.dmk_candidates])
            # No file lock is taken inside a database transaction here: another
            # instance may hold that lock while waiting for the database.
            system = self._context(local, database, dmk, result.slot_key, None)
            with system.unit_of_work(AccessMode.READ) as uow:
                user = uow.users.get(result.user_id) if result.user_id is not None else None
                refusal = self._refusal(user, result)
            if refusal is not None:
                keystore.record_failure(typed, now, reason=refusal)
                if refusal == "account_disabled":
                    raise AccountDisabled(DISABLED_MESSAGE)
                raise AuthenticationError(BAD_CREDENTIALS_MESSAGE)
            with contextlib.suppress(StorageError):  # not essential: done at the next login
                keystore.accept_sign_in(result, password, self.secret_store)
            ctx = self._context(local, database, dmk, result.slot_key, result.user_id)
            drained = keystore.drain_failures()
            try:
                with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
                    user = uow.users.get(uow.actor.user_id)
                    assert user is not None
                    actor = uow.actor
                    self._record_failures(uow, ctx, drained)
                    _note_login(uow, user.id, ctx.now())
                    record_event(uow, ctx, actor, "login", object_type="user", object_id=user.id)
                    uow.commit()
                    must_change = user.must_change_password
            except BaseException as exc:
                # Nothing was written: keep the failures for the next login.
                keystore.restore_failures(drained)
                if isinstance(exc, SessionEnded):
                    raise AccountDisabled(DISABLED_MESSAGE) from exc
                raise
            with contextlib.suppress(StorageError):  # not essential: done at the next login
                settle_clinical_key(ctx)
            # Only a clinical role opens the clinical key (the role as the database says).
            open_session_clinical_keys(ctx, actor)
            if not role_can(actor.role, Permission.MANAGE_USERS):
                # Only administrators give slots or re-key: nobody else keeps the DMK.
                # A clinical account keeps the key of its own slot, to open the
                # clinical key again after an approval or a rotation.
                ctx.dmk = None
                if not is_clinical_role(actor.role):
                    ctx.slot_key = None
        except BaseException:
            database.close()  # refused: the key goes with the connections
            raise
        session = UserSession(ctx, actor, must_change_password=must_change)
        session.rollback_warning = check_database_head(ctx)
        return session

    @staticmethod
    def _refusal(user: User | None, result: SignInResult) -> str | None:
        """Why a right password still does not open a session (None: it does)."""
        if user is not None and user.login.strip().lower() != result.login:
            return "slot_login_mismatch"  # the slot answers to another login than its account
        if user is None or user.status != AccountStatus.ACTIVE.value:
            return "account_disabled"  # right password, account not active: a failure too
        return None

    @staticmethod
    def _record_failures(
        uow: UnitOfWork, ctx: ServiceContext, drained: Sequence[ReportedFailure]
    ) -> None:
        now = ctx.now()
        earliest = now - FAILURE_MAX_AGE
        for failure in drained:
            # The failures file is writable by every OS user of a shared folder: a
            # login that is no account's is shown as unknown (never as its text), and
            # times that cannot be true are not written into the log.
            last = failure.last_at or failure.at
            if not earliest <= failure.at <= last <= now + FUTURE_TOLERANCE:
                continue
            known = uow.users.by_login(failure.login) if failure.login else None
            details: dict[str, object] = {
                "attempted_at": event_time(failure.at),
                "reason": failure.reason,
                "context": failure.context,
                "source": "failures_file",
            }
            if failure.count > 1:
                details["count"] = failure.count
                details["last_attempted_at"] = event_time(failure.last_at or failure.at)
            record_event(
                uow,
                ctx,
                None,
                "login_failed",
                object_type="user" if known else "",
                object_id=known.id if known else None,
                user_id=known.id if known else None,
                login=known.login if known else "",
                details=details,
            )

    @staticmethod
    def _recover_admin(
        system: ServiceContext,
        keystore: Keystore,
        result: SignInResult,
        typed: str,
        new_password: str,
        rekey: bool = False,
    ) -> tuple[Actor, str]:
        """Give the active administrator ``typed`` a fresh slot with ``new_password``."""
        dmk = system.dmk
        assert dmk is not None
        with system.unit_of_work(AccessMode.WRITE) as uow:
            user = uow.users.by_login(typed)
            if (
                user is None
                or user.role != Role.ADMIN.value
                or user.status != AccountStatus.ACTIVE.value
            ):
                raise ValidationError(
                    NOT_AN_ADMIN_MESSAGE, code="not_an_admin", field="admin_login"
                )
            validate_password(
                new_password, login=user.login, names=(user.first_name, user.last_name)
            )
            actor = actor_of(user)
            user.must_change_password = False
            user.password_changed_at = naive_utc(system.now())
            record_event(uow, system, actor, "recovery_used", object_type="user", object_id=user.id)
            record_event(
                uow,
                system,
                actor,
                "login",
                object_type="user",
                object_id=user.id,
                details={"method": "recovery"},
            )
            _note_login(uow, user.id, system.now())
            if rekey:
                owe_rekey(uow, "recovery")
            uow.flush()
            # A fresh slot (new key pair) with the new password.
            keystore.add_user_slot(user.id, user.login, new_password, dmk, holder=result.slot_key)
            uow.commit()
            return actor, user.login

    def recover(
        self, code: str, admin_login: str, new_password: str, *, rekey: bool = False
    ) -> UserSession:
        """Open with the recovery code and give ``admin_login`` a new password.

        ``rekey``: the code (or a copy of the key file) may have leaked — change
        the database key at once, so that copies of the old key file no longer
        open it. If the file is busy, the session opens all the same and
        ``session.rekey_error`` says why the key was not changed.
        """
        typed = (admin_login or "").strip().lower()
        validate_password(new_password, login=typed)
        local = LocalDatabase.open(self.folder)
        keystore = local.keystore
        result = keystore.sign_in_recovery(code, now=self._now())
        database = local.connect(result.dmk_candidates, holder=result.slot_key)
        try:
            dmk = database.key
            # The recovery code acts as the system until the administrator is known.
            system = self._context(local, database, dmk, result.slot_key, None)
            try:
                actor, user_login = self._recover_admin(
                    system, keystore, result, typed, new_password, rekey
                )
            except ValidationError as exc:
                # The right code with a login that is not an active administrator:
                # traced (no typed text), so that a known code probing accounts shows.
                with system.unit_of_work(AccessMode.WRITE) as uow:
                    record_event(
                        uow,
                        system,
                        None,
                        "recovery_refused",
                        object_type="database",
                        login="",
                        details={"reason": exc.code},
                    )
                    uow.commit()
                raise
            with contextlib.suppress(StorageError):
                keystore.accept_sign_in(result, code, self.secret_store)
            # From now on the administrator acts with their own new slot, not the
            # recovery slot (which a new recovery sheet replaces).
            own = keystore.sign_in(
                user_login, new_password, now=self._now(), secret_store=self.secret_store
            )
            ctx = self._context(local, database, dmk, own.slot_key, actor.user_id)
        except BaseException:
            database.close()  # refused: the key goes with the connections
            raise
        session = UserSession(ctx, actor, must_change_password=False)
        session.recovered = True
        if rekey:
            try:
                rekey_database(ctx, "suspected_compromise", after="recovery")
            except StorageError as exc:
                session.rekey_error = exc
        session.rollback_warning = check_database_head(ctx)
        return session
