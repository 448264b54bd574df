"""A file restricted at the patient's request is frozen: neither the maintenance job
nor an account deletion on request deletes it (it is archived and kept while the
restriction lasts); erasure by its owner stays possible."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Clock, Team, identity

from oiso_desktop.domain.retention import archive_date, deletion_date
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.maintenance_service import MaintenanceReport, MaintenanceService
from oiso_desktop.storage.models import Patient
from oiso_desktop.storage.uow import UnitOfWork


@pytest.fixture
def durand(team: Team) -> UserSession:
    session = team.login("p.durand")
    team.login("p.bernard").logout()
    return session


def _files(durand: UserSession) -> tuple[int, int]:
    frozen = durand.patients.create(identity(birth_name="Figée")).id
    durand.rights.restrict(frozen, "Contestation en cours, demande écrite")
    plain = durand.patients.create(identity(birth_name="Ordinaire", first_names="Paule")).id
    durand.logout()
    return frozen, plain


def _state(team: Team, pid: int) -> str | None:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        row = uow.session.get(Patient, pid)
        return None if row is None else row.retention_state


def _revoke(team: Team) -> None:
    for session in team.sessions[1:]:
        session.logout()
    team.sessions[0].users.revoke(team.ids["p.durand"])


def _run(team: Team, clock: Clock, moment: dt.datetime) -> MaintenanceReport:
    clock.now = moment
    for login in ("p.bernard", "c.petit", "s.leroy"):
        team.login(login).logout()
    return MaintenanceService(team.sessions[0].ctx).run(now=moment)


def test_the_maintenance_job_archives_a_restricted_file_and_keeps_it(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    frozen, plain = _files(durand)
    revoked_at = clock.now
    _revoke(team)
    assert _run(team, clock, archive_date(revoked_at)).files_archived == 2
    report = _run(team, clock, deletion_date(revoked_at))
    assert report.files_deleted == 1
    assert (_state(team, frozen), _state(team, plain)) == ("archived", None)
    assert _run(team, clock, deletion_date(revoked_at) + dt.timedelta(days=400)).files_deleted == 0
    assert _state(team, frozen) == "archived"


def test_deleting_the_account_keeps_its_restricted_files(team: Team, durand: UserSession) -> None:
    frozen, plain = _files(durand)
    _revoke(team)
    admin = team.sessions[0]
    preview = admin.users.deletion_preview(team.ids["p.durand"])
    assert (preview.unshared_files, preview.shared_files, preview.restricted_files) == (1, 0, 1)
    done = admin.users.delete_user(team.ids["p.durand"], 1)
    assert done == preview
    assert (_state(team, frozen), _state(team, plain)) == ("active", None)
