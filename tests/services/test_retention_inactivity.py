"""Inactivity (issue 10): one email at 1 year, revocation after the grace period
through the administrators' path (re-key included), a sign-in cancels it."""

from __future__ import annotations

import datetime as dt

import pytest
from retention_helpers import smtp_server
from service_helpers import Clock, Team

from oiso_desktop.domain.errors import PermissionDenied, ValidationError
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.outbox_service import OutboxService, SmtpSecurity, SmtpSettingsInput
from oiso_desktop.storage.models import Event, OutboxMessage, User
from oiso_desktop.storage.uow import UnitOfWork

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _set_emails(team: Team) -> None:
    admin = team.sessions[0]
    with admin.ctx.database.engine.begin() as connection:
        for login in ("p.durand", "p.bernard", "c.petit", "s.leroy"):
            connection.exec_driver_sql(
                "UPDATE users SET email = ? WHERE login = ?", (f"{login}@chu-exemple.fr", login)
            )


def _user(team: Team, login: str) -> User:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        user = uow.users.by_login(login)
        assert user is not None
        uow.session.expunge(user)
        return user


def _actions(team: Team, action: str) -> list[Event]:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        rows = list(uow.events.iterate(action=action))
        uow.session.expunge_all()
        return rows


@pytest.fixture
def active_team(team: Team, clock: Clock) -> Team:
    """p.durand and p.bernard signed in at T0; c.petit and s.leroy 100 days later."""
    for login in ("p.durand", "p.bernard"):
        team.login(login).logout()
    clock.now = T0 + dt.timedelta(days=100)
    for login in ("c.petit", "s.leroy"):
        team.login(login).logout()
    _set_emails(team)
    return team


def test_one_email_at_one_year_then_revocation_after_the_grace_period(
    active_team: Team, clock: Clock
) -> None:
    team = active_team
    admin = team.sessions[0]
    maintenance = MaintenanceService(admin.ctx)
    durand, bernard = team.ids["p.durand"], team.ids["p.bernard"]
    dmk_before = admin.ctx.dmk
    with smtp_server() as server:
        OutboxService(admin.ctx).set_smtp_settings(
            SmtpSettingsInput("127.0.0.1", server.port, SmtpSecurity.NONE, "oiso@chu-exemple.fr")
        )
        first = T0 + dt.timedelta(days=366)
        report = maintenance.run(now=first)
        assert (report.warned, report.revoked, report.mails_sent) == (2, 0, 2)
        assert sorted(m["To"] for m in server.messages) == [
            "p.bernard@chu-exemple.fr",
            "p.durand@chu-exemple.fr",
        ]
        body = server.messages[0].get_content()
        assert "révoqué" in body and "aucune donnée de patient" in body
        assert "02/03/2026" in body  # the last sign-in; no health data
        # The next day: nothing new (one email only).
        report = maintenance.run(now=first + dt.timedelta(days=1))
        assert (report.warned, report.mails_sent) == (0, 0)
        inactive = {item.login: item for item in maintenance.inactive_users(now=first)}
        assert inactive["p.durand"].revocation_due == first + dt.timedelta(days=30)

        # p.bernard signs in during the grace period.
        clock.now = first + dt.timedelta(days=10)
        team.login("p.bernard").logout()

        report = maintenance.run(now=first + dt.timedelta(days=30))
        assert (report.revoked, report.cancelled, report.mails_sent) == (1, 1, 0)
    assert len(server.messages) == 2
    assert _user(team, "p.durand").status == "revoked"
    assert _user(team, "p.bernard").status == "active"
    assert _user(team, "p.bernard").inactivity_warning_sent_at is None
    # The same path as an administrator's revocation: re-keyed, the slot gone.
    keystore = admin.ctx.keystore
    assert keystore is not None
    keystore.reload()
    assert not keystore.has_slot(durand) and keystore.has_slot(bernard)
    assert admin.ctx.dmk != dmk_before
    revoked = _actions(team, "user_revoked")
    assert revoked[-1].object_id == durand and '"reason":"inactivity"' in revoked[-1].details
    assert revoked[-1].login == "system" and revoked[-1].user_id is None
    rekeyed = _actions(team, "database_rekeyed")
    assert rekeyed and '"reason":"user_revoked"' in rekeyed[-1].details
    # The revoked user can no longer sign in; the chain verifies.
    with pytest.raises(Exception):  # noqa: B017 - refused at the key slot or the status
        team.auth.login("p.durand", team.passwords["p.durand"])
    assert admin.events.verify().ok


def test_a_warning_waits_for_smtp_and_nobody_is_warned_twice(active_team: Team) -> None:
    admin = active_team.sessions[0]
    maintenance = MaintenanceService(admin.ctx)
    first = T0 + dt.timedelta(days=400)
    report = maintenance.run(now=first)
    assert report.warned == 2 and not report.smtp_configured
    maintenance.run(now=first + dt.timedelta(days=1))
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        rows = [(r.sent_at, r.attempts) for r in uow.session.query(OutboxMessage).all()]
    assert rows == [(None, 0), (None, 0)]


def test_the_last_active_admin_is_never_warned(team: Team, clock: Clock) -> None:
    # The only admin runs it (excluded as signed in), and an idle admin alone would be
    # kept anyway: here a practitioner runs the job, a year after the admin's sign-in.
    clock.now = T0 + dt.timedelta(days=500)
    practitioner = team.login("p.durand")
    report = MaintenanceService(practitioner.ctx).run()
    assert _user(team, "admin").inactivity_warning_sent_at is None
    assert _user(team, "admin").status == "active"
    assert report.warned >= 1  # the others who never signed in


def test_only_the_system_actor_revokes_for_inactivity_and_admins_set_the_grace(
    active_team: Team,
) -> None:
    admin = active_team.sessions[0]
    with pytest.raises(PermissionDenied):
        admin.users.revoke_inactive([active_team.ids["p.durand"]], grace_days=30)
    maintenance = MaintenanceService(admin.ctx)
    assert maintenance.grace_days() == 30
    assert maintenance.set_grace_days(45) == 45
    assert maintenance.grace_days() == 45
    with pytest.raises(ValidationError) as error:
        maintenance.set_grace_days(3)
    assert error.value.code == "grace_days_range"
    practitioner = active_team.login("p.durand")
    with pytest.raises(PermissionDenied):
        MaintenanceService(practitioner.ctx).set_grace_days(40)


def test_an_account_reactivated_after_its_warning_gets_a_new_grace_period(
    active_team: Team, clock: Clock
) -> None:
    """Warned, then suspended (unable to sign in) past the grace period, then
    reactivated by an administrator: the next run warns again instead of revoking."""
    team = active_team
    admin = team.sessions[0]
    maintenance = MaintenanceService(admin.ctx)
    warned_at = T0 + dt.timedelta(days=366)
    assert maintenance.run(now=warned_at).warned == 2
    clock.now = T0 + dt.timedelta(days=370)
    admin.users.suspend(team.ids["p.durand"])
    clock.now = T0 + dt.timedelta(days=400)
    admin.users.reactivate(team.ids["p.durand"])
    later = T0 + dt.timedelta(days=401)
    report = maintenance.run(now=later)
    assert (report.warned, report.revoked) == (1, 1)  # p.durand warned again, p.bernard revoked
    durand = _user(team, "p.durand")
    assert durand.status == "active"
    assert durand.inactivity_warning_sent_at == later.replace(tzinfo=None)
    assert _user(team, "p.bernard").status == "revoked"
