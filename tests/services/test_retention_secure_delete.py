"""A departed user's file deleted for good (account deletion on request, or the
maintenance job after the archived year) leaves nothing readable behind: not in a
live row, nor in a freed page of the database file, nor in its write-ahead log —
as for an erasure on the patient's request."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Clock, Team, identity
from test_patient_rights import _decrypted_bytes

from oiso_desktop.domain.retention import deletion_date
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.maintenance_service import MaintenanceService

PLANTED = "Zebulonnette"
ADDRESS = "7 impasse des Glycines"


@pytest.fixture
def durand(team: Team) -> UserSession:
    session = team.login("p.durand")
    team.login("p.bernard").logout()
    return session


def _plant(durand: UserSession) -> int:
    pid = durand.patients.create(identity(birth_name=PLANTED, address=ADDRESS)).id
    durand.logout()
    return pid


def _revoke(team: Team) -> None:
    for session in team.sessions[1:]:
        session.logout()
    team.sessions[0].users.revoke(team.ids["p.durand"])


def _readable(team: Team, created_db) -> bytes:  # type: ignore[no-untyped-def]
    return _decrypted_bytes(created_db, team.sessions[0].ctx.database.key)  # type: ignore[attr-defined]


def test_deleting_a_departed_account_leaves_no_page_with_its_files(
    team: Team, durand: UserSession, created_db
) -> None:
    _plant(durand)
    _revoke(team)
    assert PLANTED.lower().encode() in _readable(team, created_db).lower()
    team.sessions[0].users.delete_user(team.ids["p.durand"], 1)
    raw = _readable(team, created_db).lower()
    assert PLANTED.lower().encode() not in raw and ADDRESS.lower().encode() not in raw


def test_the_maintenance_deletion_leaves_no_page_with_the_file(
    team: Team, durand: UserSession, clock: Clock, created_db
) -> None:
    _plant(durand)
    revoked_at = clock.now
    _revoke(team)
    assert PLANTED.lower().encode() in _readable(team, created_db).lower()
    moment = deletion_date(revoked_at) + dt.timedelta(days=1)
    clock.now = moment
    for login in ("p.bernard", "c.petit", "s.leroy"):
        team.login(login).logout()
    admin = team.sessions[0]
    report = MaintenanceService(admin.ctx).run(now=moment)
    assert report.files_deleted == 1
    raw = _readable(team, created_db).lower()
    assert PLANTED.lower().encode() not in raw and ADDRESS.lower().encode() not in raw
