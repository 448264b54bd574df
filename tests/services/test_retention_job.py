"""The maintenance job as a whole (issue 10): idempotent, resumable after a kill,
and driven by ``oiso-desktop maintenance run --now`` (time travel).

The kill test kills ``OISO_MAINTENANCE_KILLS`` runs (10 by default; 50 for the
issue's figure: ``OISO_MAINTENANCE_KILLS=50``) at random points drawn with
``OISO_MAINTENANCE_SEED``, and prints the count.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from retention_helpers import fill_events, smtp_server
from service_helpers import Clock, Team
from sqlalchemy import select

import oiso_desktop
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.event_log import HEAD_SETTING
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.outbox_service import OutboxService, SmtpSecurity, SmtpSettingsInput
from oiso_desktop.storage.models import Base, Event
from oiso_desktop.storage.secret_store import MemorySecretStore
from oiso_desktop.storage.uow import UnitOfWork

# After the database's creation (real time): the log is in time order, as in real use.
T0 = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
SOURCE_ROOT = Path(oiso_desktop.__file__).resolve().parents[1]
BOOKKEEPING = {
    "login",
    "logout",
    "maintenance_started",
    "maintenance_finished",
    "events_purged",
    "database_rekeyed",
    # Two copies of one database opened here: the rollback guard notices, rightly.
    "database_rollback_suspected",
}
KILLS = int(os.environ.get("OISO_MAINTENANCE_KILLS", "10"))


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


def _tables(uow: UnitOfWork, *, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but the event log, rows sorted (the chain head and ``skip`` columns
    left out)."""
    state: dict[str, list[tuple[Any, ...]]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "events":
            continue
        columns = [c for c in table.columns if c.name not in skip]
        rows = [tuple(row) for row in uow.session.execute(select(*columns)).all()]
        if table.name == "settings":
            rows = [row for row in rows if row[0] not in (HEAD_SETTING,)]
        state[table.name] = sorted(rows, key=repr)
    return state


def _events(uow: UnitOfWork) -> list[Event]:
    events = list(uow.events.iterate())
    uow.session.expunge_all()
    return events


def _prepare(team: Team, clock: Clock, port: int) -> dt.datetime:
    """8 months of events, two users idle for a year, SMTP on ``port``; returns the
    first run's time."""
    admin = team.sessions[0]
    for login in ("p.durand", "p.bernard"):
        team.login(login).logout()
    with admin.ctx.database.engine.begin() as connection:
        for login in ("p.durand", "p.bernard"):
            connection.exec_driver_sql(
                "UPDATE users SET email = ? WHERE login = ?", (f"{login}@chu-exemple.fr", login)
            )
    clock.now = T0 + dt.timedelta(days=200)
    for login in ("c.petit", "s.leroy"):
        team.login(login).logout()
    OutboxService(admin.ctx).set_smtp_settings(
        SmtpSettingsInput("127.0.0.1", port, SmtpSecurity.NONE, "oiso@chu-exemple.fr")
    )
    fill_events(admin.ctx, T0 + dt.timedelta(days=200), days=243, per_day=4)
    return T0 + dt.timedelta(days=443)


def test_a_second_run_changes_nothing(team: Team, clock: Clock) -> None:
    with smtp_server() as server:
        first = _prepare(team, clock, server.port)
        admin = team.sessions[0]
        maintenance = MaintenanceService(admin.ctx)
        report = maintenance.run(now=first)
        assert report.purged > 0 and report.warned == 2 and report.mails_sent == 2
        assert report.integrity_ok is True
        with UnitOfWork(admin.ctx.database.session_factory) as uow:
            tables, events = _tables(uow), _events(uow)
        again = maintenance.run(now=first)
        assert (again.purged, again.warned, again.revoked, again.mails_sent) == (0, 0, 0, 0)
        with UnitOfWork(admin.ctx.database.session_factory) as uow:
            assert _tables(uow) == tables
            after = _events(uow)
    assert len(server.messages) == 2
    assert [(e.id, e.hash) for e in after[: len(events)]] == [(e.id, e.hash) for e in events]
    assert [e.action for e in after[len(events) :]] == [
        "maintenance_started",
        "maintenance_finished",
    ]
    assert admin.events.verify().ok


def test_a_step_failing_unexpectedly_does_not_stop_the_others(
    team: Team, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fault injected in one step (what a driver error or a lock would raise): the
    # steps after it still run, the report names it, the run is logged as finished.
    from oiso_desktop.services import maintenance_service

    def broken(*_args: object) -> int:
        raise RuntimeError("disque plein")

    monkeypatch.setattr(maintenance_service, "raise_alerts", broken)
    with smtp_server() as server:
        first = _prepare(team, clock, server.port)
        admin = team.sessions[0]
        report = MaintenanceService(admin.ctx).run(now=first)
    assert report.errors == ("maintenance_step_failed",)
    assert report.purged > 0 and report.mails_sent == 2  # before and after the alerts
    finished = admin.events.list(action="maintenance_finished", limit=1)[0]
    assert '"errors":["maintenance_step_failed"]' in finished.details
    assert "disque" not in finished.details


def _cli(folder: Path, now: dt.datetime, env: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {**env, "OISO_CONFIG_DIR": str(folder.parent / f"config-{folder.name}")}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oiso_desktop",
            "maintenance",
            "run",
            "--folder",
            str(folder),
            "--as",
            "admin",
            "--now",
            now.isoformat(),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _state(folder: Path, password: str, initial_ids: set[int]) -> dict[str, Any]:
    """What a run must leave, whatever the number of runs it took."""
    session = AuthService(folder, secret_store=MemorySecretStore()).login("admin", password)
    try:
        with UnitOfWork(session.ctx.database.session_factory) as uow:
            # The administrator's sign-ins (one per run, at the real time) differ.
            tables = _tables(uow, skip=("last_login_at",))
            events = _events(uow)
        keystore = session.ctx.keystore
        assert keystore is not None
        keystore.reload()
        slots = sorted(keystore.user_ids())
        verified = session.events.verify()
    finally:
        session.logout()
    tables.pop("settings")  # the anchor's purged count includes the killed runs' logins
    outbox = tables.pop("outbox")
    # Access alerts: the same subjects and kinds. Their counts and creation times
    # follow the runs (each killed run signs the administrator in once more).
    alerts = tables.pop("access_alerts")
    return {
        "alerts": sorted({(r[1], r[2], r[3]) for r in alerts if r[3] != "admin"}),
        "tables": tables,
        # recipient, subject, kind, user, sent (attempts may differ after a kill)
        "outbox": sorted((r[1], r[2], r[4], r[5], r[9] is not None) for r in outbox),
        "initial_events_left": sorted(e.id for e in events if e.id in initial_ids),
        "run_events": sorted(
            (e.action, e.object_type, e.object_id, e.user_id, e.login, e.details)
            for e in events
            if e.id not in initial_ids and e.action not in BOOKKEEPING
        ),
        "slots": slots,
        "chain_ok": verified.ok,
    }


def _two_copies(
    team: Team, clock: Clock, port: int, tmp_path: Path, other: str
) -> tuple[dt.datetime, set[int], dict[str, str]]:
    """The prepared database copied to ``tmp_path/reference`` and ``tmp_path/other``,
    closed; the first run's time, the ids of the events before it, and the CLI's
    environment (the administrator's password, this source tree)."""
    first = _prepare(team, clock, port)
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        initial_ids = {e.id for e in _events(uow)}
    team.close_all()
    for name in ("reference", other):
        shutil.copytree(team.folder, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OISO_")}
    env.update(
        PYTHONPATH=str(SOURCE_ROOT),
        PYTHONDONTWRITEBYTECODE="1",
        OISO_PASSWORD=team.passwords["admin"],
    )
    return first, initial_ids, env


def test_time_travel_through_the_cli_and_killed_runs_end_like_an_uninterrupted_one(
    team: Team, clock: Clock, tmp_path: Path
) -> None:
    with smtp_server() as server:
        first, initial_ids, env = _two_copies(team, clock, server.port, tmp_path, "killed")
        password = team.passwords["admin"]
        reference, killed = tmp_path / "reference", tmp_path / "killed"

        # Uninterrupted: a year after their last sign-in, one email each...
        started = time.monotonic()
        done = _cli(reference, first, env)
        out, err = done.communicate(timeout=120)
        duration = time.monotonic() - started
        print(f"uninterrupted run: {duration:.2f} s")
        assert done.returncode == 0, err.decode()
        assert "2 prévenu(s)" in out.decode()
        assert len(server.messages) == 2
        # ... and 30 days later, p.durand is revoked; p.bernard signed in meanwhile.
        AuthService(
            reference, secret_store=MemorySecretStore(), clock=lambda: first + dt.timedelta(days=5)
        ).login("p.bernard", team.passwords["p.bernard"]).logout()
        later = first + dt.timedelta(days=30)
        done = _cli(reference, later, env)
        out, err = done.communicate(timeout=120)
        assert done.returncode == 0, err.decode()
        assert "1 révoqué(s)" in out.decode()
        assert len(server.messages) == 2
        reference_state = _state(reference, password, initial_ids)
        assert reference_state["chain_ok"]
        assert team.ids["p.durand"] not in reference_state["slots"]
        assert team.ids["p.bernard"] in reference_state["slots"]

        # Killed at random points, then run again to the end.
        rng = random.Random(int(os.environ.get("OISO_MAINTENANCE_SEED", "10")))
        AuthService(
            killed, secret_store=MemorySecretStore(), clock=lambda: first + dt.timedelta(days=5)
        )
        for index in range(KILLS):
            when = first if index < KILLS // 2 else later
            if index == KILLS // 2:
                _finish(killed, first, env)
                AuthService(
                    killed,
                    secret_store=MemorySecretStore(),
                    clock=lambda: first + dt.timedelta(days=5),
                ).login("p.bernard", team.passwords["p.bernard"]).logout()
            process = _cli(killed, when, env)
            time.sleep(rng.uniform(min(0.5, duration / 2), duration))
            process.kill()
            process.communicate(timeout=60)
        _finish(killed, later, env)
        print(f"maintenance killed {KILLS} times, then completed")
        killed_state = _state(killed, password, initial_ids)
        for key in reference_state:
            assert killed_state[key] == reference_state[key], key


def _finish(folder: Path, now: dt.datetime, env: dict[str, str]) -> None:
    process = _cli(folder, now, env)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, (out + err).decode()


def test_two_instances_running_the_job_at_once_end_like_one_run(
    team: Team, clock: Clock, tmp_path: Path
) -> None:
    # On a shared PC two people sign in at the same time: each instance starts the job
    # after its login. Nothing is done twice (one email per user, one purge, one
    # revocation) and the end state is that of a single run, once a later run has
    # finished what a busy file deferred (a re-key waits for the file to be free).
    with smtp_server() as server:
        first, initial_ids, env = _two_copies(team, clock, server.port, tmp_path, "together")
        password = team.passwords["admin"]
        reference, together = tmp_path / "reference", tmp_path / "together"
        later = first + dt.timedelta(days=30)
        for when in (first, later):
            _finish(reference, when, env)
        sent_alone = len(server.messages)
        for when in (first, later):
            pair = [_cli(together, when, env) for _ in range(2)]
            for process in pair:
                out, err = process.communicate(timeout=120)
                assert process.returncode == 0, (out + err).decode()
        _finish(together, later, env)  # the next run: whatever a busy file deferred
        assert len(server.messages) == 2 * sent_alone  # the copy sent as many, no more
    alone, both = _state(reference, password, initial_ids), _state(together, password, initial_ids)
    assert both["chain_ok"] and alone["chain_ok"]
    for key in ("tables", "outbox", "initial_events_left", "slots", "alerts"):
        assert both[key] == alone[key], key
