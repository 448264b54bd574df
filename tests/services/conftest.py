"""Fixtures of the service tests: a real database with a small team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from service_helpers import RPPS_BERNARD, RPPS_DURAND, Clock, Team

from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.dto import UserInput
from oiso_desktop.storage.secret_store import MemorySecretStore


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def auth(created_db, clock: Clock) -> AuthService:  # type: ignore[no-untyped-def]
    return AuthService(created_db.folder, secret_store=MemorySecretStore(), clock=clock)


@pytest.fixture
def team(created_db, auth: AuthService) -> Iterator[Team]:  # type: ignore[no-untyped-def]
    team = Team(
        folder=created_db.folder,
        auth=auth,
        passwords={"admin": created_db.admin_password},
        ids={"admin": created_db.admin_user_id},
    )
    admin = team.login("admin")
    for data in (
        UserInput(
            login="p.durand",
            first_name="Paul",
            last_name="Durand",
            role=Role.PRACTITIONER,
            rpps=RPPS_DURAND,
        ),
        UserInput(
            login="p.bernard",
            first_name="Pauline",
            last_name="Bernard",
            role=Role.PRACTITIONER,
            rpps=RPPS_BERNARD,
        ),
        UserInput(
            login="c.petit",
            first_name="Claire",
            last_name="Petit",
            role=Role.GENETIC_COUNSELLOR,
            adeli="751234567",
        ),
    ):
        view, password = admin.users.create_user(data)
        team.passwords[view.login] = password
        team.ids[view.login] = view.id
    view, password = admin.users.create_user(
        UserInput(
            login="s.leroy",
            first_name="Sylvie",
            last_name="Leroy",
            role=Role.SECRETARY,
            assisted_practitioner_ids=(team.ids["p.durand"],),
        ),
    )
    team.passwords["s.leroy"] = password
    team.ids["s.leroy"] = view.id
    yield team
    team.close_all()
