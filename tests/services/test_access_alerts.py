"""Access alerts (issue 10, DESIGN.md §6): raised by the maintenance job from the
events, deduplicated (a second run raises nothing), reviewed by administrators who
may inform the user (outbox, French, no health data) or suspend the account."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Clock, Team
from sqlalchemy import select

from oiso_desktop.domain.errors import PermissionDenied, ValidationError
from oiso_desktop.domain.retention import AlertKind
from oiso_desktop.services.alerts_service import AlertAction, AlertsService
from oiso_desktop.services.context import AccessMode, ServiceContext
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.system_actor import system_context
from oiso_desktop.storage.models import AccessAlert, Event, OutboxMessage
from oiso_desktop.storage.uow import UnitOfWork

# Tuesday 10 March 2026, 10:00 in Paris (09:00 UTC): working hours.
WORKDAY = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _events(
    ctx: ServiceContext,
    moments: list[dt.datetime],
    action: str,
    *,
    user_id: int | None,
    login: str,
    objects: list[int] | None = None,
) -> None:
    system = system_context(ctx)
    for index, moment in enumerate(moments):
        system.clock = lambda moment=moment: moment  # type: ignore[misc]
        with system.unit_of_work(AccessMode.WRITE) as uow:
            record_event(
                uow,
                system,
                None,
                action,
                object_type="patient" if objects else "",
                object_id=objects[index] if objects else None,
                user_id=user_id,
                login=login,
            )
            uow.commit()


def _alerts(team: Team) -> list[AccessAlert]:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        rows = list(uow.session.scalars(select(AccessAlert).order_by(AccessAlert.id)))
        uow.session.expunge_all()
        return rows


@pytest.fixture
def alerted(team: Team, clock: Clock) -> Team:
    ctx = team.sessions[0].ctx
    durand, bernard = team.ids["p.durand"], team.ids["p.bernard"]
    seconds = [WORKDAY + dt.timedelta(seconds=15 * i) for i in range(31)]
    # 31 distinct files in 7.5 minutes: an alert; Bernard's 30: none (more than 30).
    _events(
        ctx, seconds, "patient_viewed", user_id=durand, login="p.durand", objects=list(range(1, 32))
    )
    _events(
        ctx,
        seconds[:30],
        "patient_viewed",
        user_id=bernard,
        login="p.bernard",
        objects=list(range(1, 31)),
    )
    # 5 failed sign-ins in 14 minutes for one login; 4 for another: one alert.
    minutes = [WORKDAY + dt.timedelta(hours=2, minutes=3.5 * i) for i in range(5)]
    _events(ctx, minutes, "login_failed", user_id=bernard, login="p.bernard")
    _events(ctx, minutes[:4], "login_failed", user_id=None, login="")
    # Wednesday 23:10 and Thursday 06:30 in Paris: one off-hours night for Bernard.
    night = [
        dt.datetime(2026, 3, 11, 22, 10, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 12, 5, 30, tzinfo=dt.UTC),
    ]
    _events(ctx, night, "patient_searched", user_id=bernard, login="p.bernard")
    # Thursday 07:05 in Paris: working hours again.
    _events(
        ctx,
        [dt.datetime(2026, 3, 12, 6, 5, tzinfo=dt.UTC)],
        "login",
        user_id=bernard,
        login="p.bernard",
    )
    _events(
        ctx,
        [WORKDAY + dt.timedelta(hours=3)],
        "break_glass",
        user_id=durand,
        login="p.durand",
        objects=[7],
    )
    clock.now = dt.datetime(2026, 3, 13, 9, 0, tzinfo=dt.UTC)
    return team


def test_alerts_are_raised_once_with_their_windows(alerted: Team, clock: Clock) -> None:
    team = alerted
    admin = team.login("admin")
    report = MaintenanceService(admin.ctx).run(now=clock.now)
    # (the database's creation, at the real time of the test run, may be off hours)
    mine = [a for a in _alerts(team) if a.login != "admin"]
    assert report.alerts == len(_alerts(team)) and len(mine) == 4
    found = {(a.kind, a.login, a.count) for a in mine}
    assert found == {
        ("many_files", "p.durand", 31),
        ("failed_logins", "p.bernard", 5),
        ("off_hours", "p.bernard", 2),
        ("break_glass", "p.durand", 1),
    }
    night = next(a for a in mine if a.kind == "off_hours")
    assert (night.window_start, night.window_end) == (
        dt.datetime(2026, 3, 11, 22, 10),
        dt.datetime(2026, 3, 12, 5, 30),
    )
    # A second run (and one a day later) raises nothing new.
    assert MaintenanceService(admin.ctx).run(now=clock.now).alerts == 0
    assert MaintenanceService(admin.ctx).run(now=clock.now + dt.timedelta(days=1)).alerts == 0
    assert len([a for a in _alerts(team) if a.login != "admin"]) == 4
    views = [v for v in AlertsService(admin.ctx).list_alerts() if v.login != "admin"]
    assert views[0].kind is AlertKind.OFF_HOURS  # newest first
    assert {v.display_name for v in views} == {"Paul Durand", "Pauline Bernard"}


def test_administrators_review_inform_and_suspend(alerted: Team, clock: Clock) -> None:
    team = alerted
    admin = team.login("admin")
    MaintenanceService(admin.ctx).run(now=clock.now)
    alerts = AlertsService(admin.ctx)
    by_kind = {v.kind: v for v in alerts.list_alerts() if v.login != "admin"}
    many = by_kind[AlertKind.MANY_FILES]
    with pytest.raises(ValidationError) as no_mail:
        alerts.inform_user(many.id)
    assert no_mail.value.code == "alert_no_recipient"
    with admin.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE users SET email = 'p.durand@chu-exemple.fr' WHERE login = 'p.durand'"
        )
    assert alerts.inform_user(many.id).action == AlertAction.INFORMED
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        message = uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "access_alert")
        ).one()
        assert message.recipient == "p.durand@chu-exemple.fr"
        assert "31 dossiers patients ouverts" in message.body
        assert "aucune donnée de patient" in message.body
        assert "10/03/2026 à 10:00" in message.body  # Paris time
    reviewed = alerts.mark_reviewed(many.id, "Vérifié avec le Dr Durand : consultation.")
    assert reviewed.reviewed_at is not None and reviewed.reviewed_by == "Alice Martin"
    assert many.id not in {v.id for v in alerts.list_alerts()}
    assert many.id in {v.id for v in alerts.list_alerts(include_reviewed=True)}

    failed = by_kind[AlertKind.FAILED_LOGINS]
    assert alerts.suspend_user(failed.id).action == AlertAction.SUSPENDED
    assert admin.users.get_user(team.ids["p.bernard"]).status == "suspended"
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        actions = [
            e.action
            for e in uow.session.scalars(select(Event).order_by(Event.id))
            if e.action.startswith("access_alert") or e.action == "user_suspended"
        ]
        details = [
            e.details
            for e in uow.session.scalars(
                select(Event).where(Event.action == "access_alert_reviewed")
            )
        ]
    assert actions == ["access_alert_user_informed", "access_alert_reviewed", "user_suspended"]
    assert details == ["{}"]  # never the comment

    durand = team.login("p.durand")
    with pytest.raises(PermissionDenied):
        AlertsService(durand.ctx).list_alerts()


def test_the_first_scan_looks_back_thirty_days_only(team: Team, clock: Clock) -> None:
    """A database's first scan does not read the whole retained log: failed sign-ins
    40 days old raise nothing, the same 25 days old do."""
    ctx = team.sessions[0].ctx
    now = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.UTC)
    for days, login in ((40, "old.login"), (25, "recent.login")):
        start = now - dt.timedelta(days=days)
        moments = [start + dt.timedelta(minutes=2 * i) for i in range(5)]
        _events(ctx, moments, "login_failed", user_id=None, login=login)
    clock.now = now
    admin = team.login("admin")
    MaintenanceService(admin.ctx).run(now=now)
    failed = {a.login for a in _alerts(team) if a.kind == "failed_logins"}
    assert failed == {"recent.login"}
