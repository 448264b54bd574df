"""Helpers of the service tests: a hand-moved clock, a small team, identities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.services.auth_service import AuthService, UserSession

RPPS_DURAND = "1000012345" + luhn_key("1000012345")
RPPS_BERNARD = "1000067890" + luhn_key("1000067890")


class Clock:
    """A clock the test moves by hand (aware UTC)."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@dataclass
class Team:
    """The admin and four users created through the user service."""

    folder: Path
    auth: AuthService
    passwords: dict[str, str]
    ids: dict[str, int]
    sessions: list[UserSession] = field(default_factory=list)

    def login(self, login: str) -> UserSession:
        """Log in; a one-time password is replaced first, as the login screen demands."""
        session = self.auth.login(login, self.passwords[login])
        self.sessions.append(session)
        if session.must_change_password:
            chosen = f"Tournesol-{len(login)}-Quai-2468!"
            session.change_password(self.passwords[login], chosen)
            self.passwords[login] = chosen
        return session

    def close_all(self) -> None:
        for session in self.sessions:
            session.logout()


def identity(**overrides: object) -> IdentityFields:
    values: dict[str, object] = {
        "birth_name": "Lefèvre",
        "first_names": "Hélène",
        "birth_date": dt.date(1975, 3, 12),
        "sex": "F",
    }
    values.update(overrides)
    return IdentityFields(**values)  # type: ignore[arg-type]
