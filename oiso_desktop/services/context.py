"""What every service needs: the open database, the clock, where we run."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from oiso_desktop import __version__
from oiso_desktop.domain.errors import AuthenticationError
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.local_database import Database
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.storage.uow import UnitOfWork

SESSION_LOCKED_MESSAGE = "La session est verrouillée : déverrouillez-la pour continuer."


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


@dataclass
class ServiceContext:
    """An unlocked database and the facts the services record with each event.

    ``dmk`` is the current database master key of a local database: it is needed
    to give a new user a key slot, and it changes after a re-key. ``slot_key``
    is the private key of the slot the session signed in with.
    """

    database: Database
    secret_store: SecretStore | None = None
    keystore: Keystore | None = None
    clock: Callable[[], dt.datetime] = utc_now
    workstation: str = field(default_factory=_workstation)
    app_version: str = __version__
    dmk: bytes | None = field(default=None, repr=False)
    # The signed-in slot's key (local): opens a pending DMK for new slots and re-keys.
    slot_key: SlotKey | None = field(default=None, repr=False)
    # Set while the user's screen is locked: the services then refuse to work.
    locked: bool = False

    def unit_of_work(self) -> UnitOfWork:
        """The one way services open a transaction (refused while the session is locked)."""
        if self.locked:
            raise AuthenticationError(SESSION_LOCKED_MESSAGE, code="session_locked")
        return UnitOfWork(self.database.session_factory)

    def now(self) -> dt.datetime:
        """The clock's time as an aware UTC datetime."""
        return as_utc(self.clock())

    def today(self) -> dt.date:
        """Today's date on this workstation (local time), for date-of-birth checks."""
        return self.now().astimezone().date()
