"""Event-log purge with a chain anchor (issue 10): what goes, what stays, tampering."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from retention_helpers import fill_events
from service_helpers import Team

from oiso_desktop.domain.retention import KEPT_ACTIONS, purge_cutoff
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_key_service import (
    ENDORSEMENTS_MIGRATED_ACTION,
    GENERATION_ACTIONS,
)
from oiso_desktop.services.context import AccessMode
from oiso_desktop.services.event_log import ANCHOR_SETTING, event_time, purge_step
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.system_actor import SYSTEM_ACTOR, system_context
from oiso_desktop.storage.models import Event, Setting
from oiso_desktop.storage.uow import UnitOfWork

START = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
EIGHT_MONTHS_LATER = START + dt.timedelta(days=243)


def _events(session: UserSession) -> list[Event]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        events = list(uow.events.iterate())
        uow.session.expunge_all()
        return events


def _sql(session: UserSession, statement: str, **params: object) -> None:
    with session.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql(statement, tuple(params.values()) if params else ())


def test_the_kept_actions_are_those_the_clinical_key_trust_reads() -> None:
    assert set(GENERATION_ACTIONS) | {ENDORSEMENTS_MIGRATED_ACTION} == KEPT_ACTIONS


def test_eight_months_of_events_keep_the_last_six_and_the_chain_verifies(team: Team) -> None:
    admin = team.sessions[0]
    fill_events(admin.ctx, START, days=243, per_day=3)
    before = _events(admin)
    created = [e for e in before if e.action == "clinical_key_created"]
    assert created, "the database's creation logged its clinical key"

    report = MaintenanceService(admin.ctx).run(now=EIGHT_MONTHS_LATER)

    cutoff = event_time(purge_cutoff(EIGHT_MONTHS_LATER))
    after = _events(admin)
    old = [e for e in before if e.occurred_at < cutoff and e.action not in KEPT_ACTIONS]
    assert report.purged == len(old) > 150
    assert not report.errors
    remaining_old = [e for e in after if e.occurred_at < cutoff]
    # Only the events the clinical key needs stay among the old ones, unchanged.
    assert {e.action for e in remaining_old} <= KEPT_ACTIONS
    assert [(e.id, e.hash) for e in remaining_old] == [
        (e.id, e.hash) for e in before if e.occurred_at < cutoff and e.action in KEPT_ACTIONS
    ]
    # Every recent event is still there.
    recent_before = [(e.id, e.hash) for e in before if e.occurred_at >= cutoff]
    assert [(e.id, e.hash) for e in after if e.id <= before[-1].id and e.occurred_at >= cutoff] == (
        recent_before
    )
    verified = admin.events.verify()
    assert verified.ok, verified.reason
    # The clinical key still opens: the chain of its generations checks at login.
    practitioner = team.login("p.durand")
    assert practitioner.ctx.clinical is not None or practitioner.clinical_key_alert is None


def test_a_purge_in_several_batches_verifies_at_every_commit(team: Team) -> None:
    admin = team.sessions[0]
    fill_events(admin.ctx, START, days=40, per_day=5)
    system = system_context(admin.ctx, START + dt.timedelta(days=400))
    steps = 0
    while True:
        with system.unit_of_work(AccessMode.WRITE) as uow:
            examined, _purged = purge_step(
                uow, system, SYSTEM_ACTOR, purge_cutoff(system.now()), batch=37
            )
            if not examined:
                break
            uow.commit()
        steps += 1
        report = admin.events.verify()
        assert report.ok, report.reason
    assert steps > 4


@pytest.fixture
def purged(team: Team) -> UserSession:
    admin = team.sessions[0]
    fill_events(admin.ctx, START, days=60, per_day=2)
    MaintenanceService(admin.ctx).run(now=START + dt.timedelta(days=200))
    assert admin.events.verify().ok
    return admin


def test_a_removed_anchor_is_detected(purged: UserSession) -> None:
    _sql(purged, f"DELETE FROM settings WHERE key = '{ANCHOR_SETTING}'")
    report = purged.events.verify()
    assert not report.ok


def test_an_altered_anchor_is_detected(purged: UserSession) -> None:
    with UnitOfWork(purged.ctx.database.session_factory) as uow:
        value = json.loads(uow.session.get(Setting, ANCHOR_SETTING).value)  # type: ignore[union-attr]
    value["purged"] += 1
    _sql(
        purged, "UPDATE settings SET value = ? WHERE key = ?", v=json.dumps(value), k=ANCHOR_SETTING
    )
    report = purged.events.verify()
    assert not report.ok
    assert "purge" in report.reason


def test_an_anchor_moved_over_more_deleted_events_is_detected(purged: UserSession) -> None:
    """Deleting recent events and re-anchoring after them, as a purge would, is caught:
    the newest events_purged event vouches for the old anchor."""
    events = _events(purged)
    with UnitOfWork(purged.ctx.database.session_factory) as uow:
        value = json.loads(uow.session.get(Setting, ANCHOR_SETTING).value)  # type: ignore[union-attr]
    target = next(e for e in events if e.id > value["last_id"] + 3 and e.action == "patient_viewed")
    _sql(purged, "DELETE FROM events WHERE id > ? AND id <= ?", a=value["last_id"], b=target.id)
    value["last_id"], value["last_hash"] = target.id, target.hash
    _sql(
        purged, "UPDATE settings SET value = ? WHERE key = ?", v=json.dumps(value), k=ANCHOR_SETTING
    )
    assert not purged.events.verify().ok


def test_a_kept_event_removed_or_altered_is_detected(purged: UserSession) -> None:
    kept = [e for e in _events(purged) if e.action in KEPT_ACTIONS]
    assert kept
    _sql(purged, "UPDATE events SET workstation = 'x' WHERE id = ?", i=kept[0].id)
    assert not purged.events.verify().ok
    _sql(purged, "DELETE FROM events WHERE id = ?", i=kept[0].id)
    assert not purged.events.verify().ok


def test_the_cli_verifies_after_a_purge_and_fails_without_the_anchor(
    purged: UserSession,
    team: Team,
    capsys,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from oiso_desktop.cli import main

    folder = team.folder
    monkeypatch.setenv("OISO_PASSWORD", team.passwords["admin"])
    purged.logout()
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
    assert "intact" in capsys.readouterr().out
    import sqlite3  # noqa: F401 - the tampering goes through the app's engine below

    session = team.login("admin")
    _sql(session, f"DELETE FROM settings WHERE key = '{ANCHOR_SETTING}'")
    session.logout()
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 1
    assert "ALERTE" in capsys.readouterr().out
