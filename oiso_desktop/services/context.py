"""What every service needs: the open database, the acting user, the clock.

The one factory of units of work is :meth:`ServiceContext.unit_of_work`:

* every service method declares whether it reads or writes (:func:`reads`,
  :func:`writes`); a read begins deferred on a connection that cannot write, a
  write takes the write lock at once. The GUI's task runner picks its thread
  pool from the same declaration (``access_mode`` of the method);
* in a user's session, each unit of work re-reads the acting user's row: a
  suspended or revoked account ends the session (:class:`SessionEnded`), a role
  change applies at once, and an account that must change its one-time
  password may do nothing else. The acting user therefore always comes from
  the session, never from the caller (``uow.actor``);
* what must be written even when the transaction in progress fails (the event
  of a refusal found inside it) is handed to :func:`after_units_of_work`: it runs
  once no unit of work is open any more in the thread.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType
from typing import Any, TypeVar

from oiso_desktop import __version__
from oiso_desktop.domain.errors import (
    AuthenticationError,
    ErrorCode,
    OisoError,
    PasswordChangeRequired,
    SessionEnded,
)
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.dto import Actor
from oiso_desktop.storage.field_crypto import ClinicalKeys
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.local_database import Database
from oiso_desktop.storage.models import User
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "AccessMode",
    "ServiceContext",
    "ServiceUnitOfWork",
    "actor_of",
    "after_units_of_work",
    "in_unit_of_work",
    "as_utc",
    "from_db_time",
    "naive_utc",
    "reads",
    "utc_now",
    "writes",
]

SESSION_LOCKED_MESSAGE = "La session est verrouillée : déverrouillez-la pour continuer."
SESSION_CLOSED_MESSAGE = "La session est fermée : reconnectez-vous."
SUSPENDED_MESSAGE = "Votre compte a été suspendu par un administrateur : la session est fermée."
REVOKED_MESSAGE = "Votre compte a été révoqué : la session est fermée."
ACCOUNT_GONE_MESSAGE = "Votre compte n'existe plus : la session est fermée."
PASSWORD_CHANGE_REQUIRED_MESSAGE = "Vous devez d'abord remplacer votre mot de passe provisoire."
NO_ACTOR_MESSAGE = "Aucun utilisateur n'est connecté."


class AccessMode(StrEnum):
    READ = "read"
    WRITE = "write"


_declared_mode: contextvars.ContextVar[AccessMode | None] = contextvars.ContextVar(
    "oiso_declared_access_mode", default=None
)
# Units of work open in this thread, and what runs once none is (after_units_of_work).
_units_open: contextvars.ContextVar[int] = contextvars.ContextVar("oiso_units_open", default=0)
_after_units: contextvars.ContextVar[tuple[Callable[[], None], ...]] = contextvars.ContextVar(
    "oiso_after_units", default=()
)

log = logging.getLogger(__name__)


def in_unit_of_work() -> bool:
    """Whether a unit of work of the services is open in this thread."""
    return _units_open.get() > 0


def after_units_of_work(callback: Callable[[], None]) -> None:
    """Run ``callback`` once no unit of work is open in this thread: now if none is,
    else when the outermost one closes (committed or rolled back).

    For a write that must not depend on the transaction in progress, e.g. the event
    of a refusal raised inside it (the raise rolls that transaction back). A
    failure of ``callback`` is logged, never raised over the caller's outcome.
    """
    if not in_unit_of_work():
        callback()
        return
    _after_units.set((*_after_units.get(), callback))


def _run_after_units() -> None:
    while _after_units.get():
        pending = _after_units.get()
        _after_units.set(())
        for callback in pending:
            try:
                callback()
            except Exception as exc:  # a follow-up write must not hide the outcome
                log.warning("A write after a unit of work failed: %s", type(exc).__name__)


F = TypeVar("F", bound=Callable[..., Any])


def _declare(mode: AccessMode) -> Callable[[F], F]:
    def decorator(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            token = _declared_mode.set(mode)
            try:
                return fn(*args, **kwargs)
            finally:
                _declared_mode.reset(token)

        wrapper.access_mode = mode  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


#: The method only reads (its units of work begin deferred and cannot write).
reads = _declare(AccessMode.READ)
#: The method writes (opening a file writes its ``patient_viewed`` event).
writes = _declare(AccessMode.WRITE)


def access_mode_of(fn: Callable[..., Any]) -> AccessMode | None:
    """The declared mode of a service method (bound or not), None if undeclared."""
    mode = getattr(fn, "access_mode", None)
    return mode if isinstance(mode, AccessMode) else None


def utc_now() -> dt.datetime:
    """The production clock: an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def _workstation() -> str:
    try:
        return socket.gethostname()[:100]
    except OSError:  # pragma: no cover - defensive
        return ""


def as_utc(value: dt.datetime) -> dt.datetime:
    """Aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def naive_utc(value: dt.datetime) -> dt.datetime:
    """The naive UTC datetime stored in DateTime columns."""
    return as_utc(value).replace(tzinfo=None)


def from_db_time(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else as_utc(value)


def actor_of(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        login=user.login,
        role=Role(user.role),
        display_name=f"{user.first_name} {user.last_name}",
        structure_id=user.structure_id,
    )


class ServiceUnitOfWork(UnitOfWork):
    """A unit of work of the services: its ``actor`` is re-read from the database."""

    def __init__(
        self, ctx: ServiceContext, mode: AccessMode, *, password_change: bool = False
    ) -> None:
        database = ctx.database
        factory = (
            database.read_session_factory if mode is AccessMode.READ else database.session_factory
        )
        super().__init__(factory)
        self.ctx = ctx
        self.mode = mode
        self._password_change = password_change
        self._actor: Actor | None = None

    def __enter__(self) -> ServiceUnitOfWork:
        super().__enter__()
        _units_open.set(_units_open.get() + 1)
        if self.ctx.user_id is not None:
            try:
                self._actor = self.ctx._refresh_actor(self, password_change=self._password_change)
            except BaseException as exc:
                self.__exit__(type(exc), exc, exc.__traceback__)
                raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            super().__exit__(exc_type, exc, tb)
        finally:
            _units_open.set(max(0, _units_open.get() - 1))
            if not in_unit_of_work():
                _run_after_units()

    @property
    def actor(self) -> Actor:
        """The acting user, as the database says now (PermissionDenied-free)."""
        if self._actor is None:
            raise AuthenticationError(NO_ACTOR_MESSAGE, code=ErrorCode.NO_ACTOR)
        return self._actor

    @property
    def system(self) -> bool:
        """True outside a user's session (setup, demo builder, maintenance)."""
        return self.ctx.user_id is None


@dataclass
class ServiceContext:
    """An unlocked database, the session's user and the facts of each event.

    ``user_id`` is the session's user (None for the setup and demo builders,
    which act as the system). ``dmk`` is the current database master key of a
    local database: it is needed to give a new user a key slot, changes after a
    re-key, and is cleared at logout. ``clinical`` holds the clinical key
    generations of an approved clinical account (never anyone else's), also
    forgotten at logout.
    """

    database: Database
    secret_store: SecretStore | None = None
    keystore: Keystore | None = None
    clock: Callable[[], dt.datetime] = utc_now
    workstation: str = field(default_factory=_workstation)
    app_version: str = __version__
    dmk: bytes | None = field(default=None, repr=False)
    # The signed-in slot's key (local): opens a pending DMK for new slots and re-keys,
    # and the clinical key boxes of a clinical account after a rotation or approval.
    slot_key: SlotKey | None = field(default=None, repr=False)
    #: The clinical key (CK) generations of an approved clinical account, else None.
    clinical: ClinicalKeys | None = field(default=None, repr=False)
    user_id: int | None = None
    # Set while the user's screen is locked: the services then refuse to work.
    locked: bool = False
    # Set at logout, or when the account was suspended or revoked meanwhile.
    closed: bool = False
    ended: SessionEnded | None = field(default=None, repr=False)
    #: The acting user as last read from the database (None before the first call).
    actor: Actor | None = None
    #: Refusals of the clinical key already logged in this session (one event each).
    clinical_refusals_logged: set[str] = field(default_factory=set, repr=False)
    #: Why the clinical key was refused at login (a key that does not chain to a
    #: trusted generation, a migration replayed), for the GUI and the CLI.
    clinical_alert: OisoError | None = field(default=None, repr=False)
    #: Files this session opened by breaking the glass (read-only, until logout).
    break_glass: set[int] = field(default_factory=set, repr=False)

    def unit_of_work(
        self,
        mode: AccessMode | None = None,
        *,
        password_change: bool = False,
        while_locked: bool = False,
    ) -> ServiceUnitOfWork:
        """The one way services open a transaction.

        ``mode`` defaults to the declaration of the running service method
        (:func:`reads` / :func:`writes`); an undeclared call is a programming
        error. Refused while the session is locked, closed or ended.
        ``password_change``: the call is allowed while the one-time password
        has not been changed yet (changing it, logging out). ``while_locked``:
        the session's own housekeeping (unlocking, logging out).
        """
        if mode is None:
            mode = _declared_mode.get()
            if mode is None:
                raise RuntimeError("service method without @reads or @writes")
        if self.ended is not None:
            raise self.ended
        if self.closed:
            raise AuthenticationError(SESSION_CLOSED_MESSAGE, code=ErrorCode.SESSION_CLOSED)
        if self.locked and not while_locked:
            raise AuthenticationError(SESSION_LOCKED_MESSAGE, code=ErrorCode.SESSION_LOCKED)
        return ServiceUnitOfWork(self, mode, password_change=password_change)

    def _refresh_actor(self, uow: UnitOfWork, *, password_change: bool) -> Actor:
        assert self.user_id is not None
        user = uow.users.get(self.user_id)
        if user is None or user.status != AccountStatus.ACTIVE.value:
            status = None if user is None else user.status
            if status == AccountStatus.SUSPENDED.value:
                ended = SessionEnded(SUSPENDED_MESSAGE, reason="suspended")
            elif status in (AccountStatus.REVOKED.value, AccountStatus.DELETED.value):
                ended = SessionEnded(REVOKED_MESSAGE, reason="revoked")
            else:
                ended = SessionEnded(ACCOUNT_GONE_MESSAGE, reason="gone")
            self.end(ended)
            raise ended
        if user.must_change_password and not password_change:
            raise PasswordChangeRequired(PASSWORD_CHANGE_REQUIRED_MESSAGE)
        actor = actor_of(user)
        self.actor = actor
        return actor

    def end(self, reason: SessionEnded | None = None) -> None:
        """Close the session for good: no more calls, the keys are forgotten."""
        if reason is not None:
            self.ended = reason
        self.closed = True
        self.break_glass.clear()
        self.dmk = None
        self.slot_key = None
        self.forget_clinical_keys()

    def forget_clinical_keys(self) -> None:
        if self.clinical is not None:
            self.clinical.forget()
        self.clinical = None

    def now(self) -> dt.datetime:
        """The clock's time as an aware UTC datetime."""
        return as_utc(self.clock())

    def today(self) -> dt.date:
        """Today's date on this workstation (local time), for date-of-birth checks."""
        return self.now().astimezone().date()
