"""The maintenance job over 1,000,000 events and 1,000 users.

    python benchmarks/bench_maintenance.py [--events 1000000] [--users 1000] [--rebuild]

A database (production argon2 parameters) gets ``--users`` accounts (bulk rows,
no key slots: 30 idle for more than a year, 10 warned 31 days ago, the rest seen
recently) and ``--events`` chained events spread evenly over the 8 months before
the job's time, 8 months after the database's creation (so 2 months' worth, a
quarter, are older than 6 months). It is built once
in ``benchmarks/data/maintenance-<events>/`` and copied for each measure. Then
``MaintenanceService.run`` is timed as the administrator of ``maintenance run``:

* **first run**: purge of a quarter of the log (anchored, in batches), the full
  integrity check, 30 invitation emails, 10 revocations (one re-key of the whole
  file), the emails sent to an SMTP server on loopback (aiosmtpd, if installed);
* **second run**: the same day, nothing left to do;
* **next day**: one more day of events to purge (about 4,100), the integrity
  check: the daily case.

Target: under 10 s.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import shutil
import socket
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DATA_DIR, isolate_user_config, print_table, write_results  # noqa: E402

LOGIN = "admin.mesure"
PASSWORD = "Tournesol-quai-2468-Purge!"
TARGET_S = 10.0
MARKER = "maintenance-build.json"
IDLE, TO_REVOKE = 30, 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def event_moments(
    first: dt.datetime, span: dt.timedelta, events: int, spread: str
) -> list[dt.datetime]:
    """The events' times in order. ``uniform``: evenly over day and night (more than
    half off hours: the worst case for access alerts). ``workday``: a hospital's
    rhythm, 98 % on weekdays from 08:00 to 19:00 (Paris time), 2 % at any time."""
    if spread == "uniform":
        step = span / events
        return [first + step * n for n in range(events)]
    zone = ZoneInfo("Europe/Paris")
    windows: list[tuple[dt.datetime, float]] = []  # (start in UTC, seconds)
    day = first.astimezone(zone).date()
    while day <= (first + span).astimezone(zone).date():
        if day.weekday() < 5:
            start = dt.datetime.combine(day, dt.time(8), zone).astimezone(dt.UTC)
            end = dt.datetime.combine(day, dt.time(19), zone).astimezone(dt.UTC)
            start, end = max(start, first), min(end, first + span)
            if end > start:
                windows.append((start, (end - start).total_seconds()))
        day += dt.timedelta(days=1)
    offsets = list(itertools.accumulate(seconds for _, seconds in windows))
    working = offsets[-1]
    moments = []
    for n in range(events):
        if n % 50 == 49:  # 2 %: any time
            moments.append(first + span * ((n + 0.5) / events))
            continue
        position = working * ((n + 0.5) / events)
        index = bisect.bisect_right(offsets, position)
        start, seconds = windows[index]
        moments.append(start + dt.timedelta(seconds=position - (offsets[index] - seconds)))
    return sorted(moments)


def build(
    folder: Path, events: int, users: int, now: dt.datetime, spread: str = "workday"
) -> dict[str, Any]:
    from sqlalchemy import insert

    from oiso_desktop.domain.event_chain import event_hash
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.event_log import HEAD_SETTING, event_time
    from oiso_desktop.services.secret_store import MemorySecretStore
    from oiso_desktop.services.setup_service import create_local_database
    from oiso_desktop.storage.models import Event, Setting, User
    from oiso_desktop.storage.uow import UnitOfWork

    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    create_local_database(
        folder,
        structure=StructureInput(name="Centre de mesure", finess="750712184"),
        admin=UserInput(login=LOGIN, first_name="Alice", last_name="Mesure", role=Role.ADMIN),
        admin_password=PASSWORD,
    )
    from oiso_desktop.services.auth_service import AuthService

    session = AuthService(folder, secret_store=MemorySecretStore()).login(LOGIN, PASSWORD)
    naive_now = now.replace(tzinfo=None)
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = []
        for n in range(users):
            if n < IDLE:
                seen, warned = naive_now - dt.timedelta(days=400), None
            elif n < IDLE + TO_REVOKE:
                seen = naive_now - dt.timedelta(days=420)
                warned = naive_now - dt.timedelta(days=31)
            else:
                seen, warned = naive_now - dt.timedelta(days=n % 300), None
            rows.append(
                {
                    "login": f"bench.user{n:04d}",
                    "first_name": "Compte",
                    "last_name": f"Mesure{n:04d}",
                    "email": f"bench.user{n:04d}@chu-exemple.fr",
                    "role": Role.PRACTITIONER.value if n % 3 else Role.SECRETARY.value,
                    "status": "active",
                    "must_change_password": False,
                    "created_at": seen,
                    "last_login_at": seen,
                    "inactivity_warning_sent_at": warned,
                    "version": 1,
                }
            )
        uow.session.execute(insert(User), rows)
        uow.commit()
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        last = uow.events.last()
        assert last is not None
        prev_id, prev_hash = last.id, last.hash
    # The events: the 8 months before the job's time, in time order (after the
    # database's creation, as in real use), chained as record_event does.
    span = dt.timedelta(days=243)
    first = now - span
    moments = event_moments(first, span, events, spread)
    batch: list[dict[str, Any]] = []
    engine = session.ctx.database.engine
    for n in range(events):
        record = {
            "id": prev_id + 1,
            "occurred_at": event_time(moments[n]),
            "user_id": 2 + n % users,
            "login": f"bench.user{n % users:04d}",
            "action": "patient_viewed",
            "object_type": "patient",
            "object_id": 1 + n % 100_000,
            "workstation": "poste-mesure",
            "app_version": "0.1.0",
            "details": "{}",
        }
        digest = event_hash(prev_hash, record)
        batch.append({**record, "prev_hash": prev_hash, "hash": digest})
        prev_id, prev_hash = record["id"], digest
        if len(batch) == 50_000 or n == events - 1:
            with engine.begin() as connection:
                connection.execute(insert(Event), batch)
            batch = []
    with engine.begin() as connection:
        connection.execute(
            Setting.__table__.update()
            .where(Setting.key == HEAD_SETTING)
            .values(value=f"{prev_id}:{prev_hash}")
        )
    session.logout()
    info = {
        "events": events,
        "users": users,
        "spread": spread,
        "built_at": now.isoformat(),
        "build_s": round(time.perf_counter() - started, 1),
        "size_mb": round(sum(p.stat().st_size for p in folder.iterdir()) / 1e6, 1),
    }
    (folder / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def measure(folder: Path, now: dt.datetime, smtp_port: int | None) -> dict[str, Any]:
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.maintenance_service import MaintenanceService
    from oiso_desktop.services.outbox_service import (
        OutboxService,
        SmtpSecurity,
        SmtpSettingsInput,
    )
    from oiso_desktop.services.secret_store import MemorySecretStore

    session = AuthService(folder, secret_store=MemorySecretStore()).login(LOGIN, PASSWORD)
    if smtp_port is not None:
        OutboxService(session.ctx).set_smtp_settings(
            SmtpSettingsInput("127.0.0.1", smtp_port, SmtpSecurity.NONE, "oiso@chu-exemple.fr")
        )
    steps: dict[str, float] = {}
    marks: list[tuple[str, float]] = []

    def progress(item: Any) -> None:
        if not marks or marks[-1][0] != item.step:
            marks.append((item.step, time.perf_counter()))

    service = MaintenanceService(session.ctx)
    started = time.perf_counter()
    first = service.run(now=now, progress=progress)
    first_s = time.perf_counter() - started
    marks.append(("end", time.perf_counter()))
    for (name, at), (_next, until) in zip(marks, marks[1:], strict=False):
        steps[name] = round(until - at, 2)
    started = time.perf_counter()
    second = service.run(now=now)
    second_s = time.perf_counter() - started
    started = time.perf_counter()
    daily = service.run(now=now + dt.timedelta(days=1))
    daily_s = time.perf_counter() - started
    verify_started = time.perf_counter()
    verified = session.events.verify()
    verify_s = time.perf_counter() - verify_started
    session.logout()
    return {
        "first_run_s": round(first_s, 2),
        "steps_s": steps,
        "second_run_s": round(second_s, 2),
        "verify_s": round(verify_s, 2),
        "verify_ok": verified.ok,
        "first": {
            "purged": first.purged,
            "warned": first.warned,
            "revoked": first.revoked,
            "mails_sent": first.mails_sent,
            "alerts": first.alerts,
            "integrity_ok": first.integrity_ok,
            "errors": list(first.errors),
        },
        "second": {"purged": second.purged, "warned": second.warned, "revoked": second.revoked},
        "daily_run_s": round(daily_s, 2),
        "daily": {"purged": daily.purged, "warned": daily.warned, "revoked": daily.revoked},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument(
        "--spread",
        choices=("workday", "uniform"),
        default="workday",
        help="events on weekdays' working hours (a hospital) or evenly day and night",
    )
    args = parser.parse_args(argv)
    config = isolate_user_config()

    source = DATA_DIR / f"maintenance-{args.events}-{args.spread}"
    marker = source / MARKER
    if args.rebuild or not marker.exists():
        print(f"Building {args.events:,} events and {args.users:,} users in {source} ...")
        # The job's time: 8 months after the database's creation.
        job_time = dt.datetime.now(dt.UTC) + dt.timedelta(days=243, minutes=1)
        info = build(source, args.events, args.users, job_time, args.spread)
    else:
        info = json.loads(marker.read_text(encoding="utf-8"))
    # The job runs at the time the data was built for (8 months of events before it).
    now = dt.datetime.fromisoformat(info["built_at"])
    work = DATA_DIR / f"maintenance-{args.events}-{args.spread}-run"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(source, work)

    controller = None
    port: int | None = None
    try:
        from aiosmtpd.controller import Controller

        class Sink:
            received = 0

            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                Sink.received += 1
                return "250 OK"

        port = _free_port()
        controller = Controller(Sink(), hostname="127.0.0.1", port=port)
        controller.start()
    except ImportError:
        print("aiosmtpd not installed: the emails stay in the outbox")
    try:
        result = measure(work, now, port)
    finally:
        if controller is not None:
            controller.stop()
        shutil.rmtree(work, ignore_errors=True)
        config.cleanup()

    verdict = "ok" if result["first_run_s"] <= TARGET_S else "OVER TARGET"
    print_table(
        f"Maintenance, {args.events:,} events ({args.spread}), {args.users:,} users "
        f"(file {info['size_mb']} MB)",
        ["run", "seconds", "purged", "warned", "revoked", "target", "verdict"],
        [
            ["first", result["first_run_s"], result["first"]["purged"], result["first"]["warned"],
             result["first"]["revoked"], TARGET_S, verdict],
            ["second (nothing to do)", result["second_run_s"], result["second"]["purged"],
             result["second"]["warned"], result["second"]["revoked"], "", ""],
            ["next day (daily case)", result["daily_run_s"], result["daily"]["purged"],
             result["daily"]["warned"], result["daily"]["revoked"], TARGET_S,
             "ok" if result["daily_run_s"] <= TARGET_S else "OVER TARGET"],
        ],
    )  # fmt: skip
    print("steps of the first run (s):", result["steps_s"])
    print("access alerts raised by the first run:", result["first"]["alerts"])
    print(f"events verify after the purge: {result['verify_s']} s, ok={result['verify_ok']}")
    write_results(f"maintenance-{args.spread}", {"build": info, **result, "target_s": TARGET_S})
    return 0 if result["verify_ok"] and not result["first"]["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
