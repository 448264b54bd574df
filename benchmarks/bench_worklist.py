"""The secretaries' worklists over 100,000 files, about 5,000 of them carriers with plans.

    python benchmarks/bench_worklist.py [--patients 100000] [--carriers 5000] [--runs 20]
                                        [--rebuild]

The database is ``bench_search.py``'s (100,000 generated files owned by the demo
practitioner, whom the demo secretary assists), copied to
``benchmarks/data/worklist-<n>/`` and given plans: ``--carriers`` files drawn at random
each get a gene (BRCA1, BRCA2, MLH1, MSH6, APC, MUTYH), up to two exams performed in
the last three years and their plan computed by ``domain.followup.engine.compute_plan``
with the seed protocols, stored as the service stores it (``plan_items``, the origin
encrypted under the clinical key) in bulk; one overdue item in ten gets an appointment
to come. Built once, reused (``--rebuild``).

Each run times, as the demo secretary (no clinical key) and as the practitioner:

* ``session.followup.worklist(kind)`` for the four lists — due in the next 8 weeks,
  overdue, not yet scheduled, lost to follow-up: the access filter (``PatientScope``),
  the plan items of the visible files in one query (ids and dates only), the
  appointments to come, ``classify`` on each, sorted by due date;
* ``worklist(overdue, exam=mammography)`` and sorted by name;
* ``worklist_page`` of the first 50 rows (what the lazy view asks first).

Target: a worklist computed in under 200 ms (median).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DATA_DIR,
    isolate_user_config,
    print_table,
    summary,
    verdict,
    write_results,
)
from bench_search import MARKER as SEARCH_MARKER  # noqa: E402
from bench_search import build_database  # noqa: E402

TARGET_MS = 200.0
MARKER = "worklist.json"
GENES = ("BRCA1", "BRCA2", "MLH1", "MSH6", "APC", "MUTYH")
PAGE = 50


def prepare(folder: Path, patients: int, carriers: int, rebuild: bool) -> dict[str, Any]:
    from sqlalchemy import insert, select

    from oiso_desktop.domain.followup.engine import PerformedExam, PlanInputs, compute_plan
    from oiso_desktop.domain.followup.protocols import ProtocolChoice
    from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.context import naive_utc
    from oiso_desktop.services.followup_service import _ORIGIN, _encode
    from oiso_desktop.services.secret_store import MemorySecretStore
    from oiso_desktop.storage.models import Appointment, Patient, PlanItem
    from oiso_desktop.storage.uow import UnitOfWork

    source = DATA_DIR / f"search-{patients}"
    if rebuild or not (source / SEARCH_MARKER).exists():
        print(f"Building a database of {patients:,} patients in {source} ...")
        build_database(source, patients)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source, folder)
    info = json.loads((folder / SEARCH_MARKER).read_text(encoding="utf-8"))
    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        info["practitioner_login"], info["practitioner_password"]
    )
    keys = session.ctx.clinical
    assert keys is not None, "the demo practitioner holds the clinical key"
    started = time.perf_counter()
    today = session.ctx.today()
    now = naive_utc(session.ctx.now())
    rng = random.Random(5)
    factory = session.ctx.database.session_factory
    with UnitOfWork(factory) as uow:
        people = uow.session.execute(
            select(Patient.id, Patient.sex, Patient.birth_date, Patient.death_date)
        ).all()
    chosen = rng.sample(people, carriers)
    items: list[dict[str, Any]] = []
    for patient_id, sex, birth_date, death_date in chosen:
        gene = rng.choice(GENES)
        done = tuple(
            PerformedExam(performed_on=today - dt.timedelta(days=rng.randint(1, 3 * 365)))
            for _ in range(rng.randint(0, 2))
        )
        plan = compute_plan(
            PlanInputs(
                sex=sex,
                birth_date=birth_date,
                death_date=death_date,
                genes=frozenset({gene}),
                exams_done=done,
            ),
            SEED_PROTOCOLS,
            ProtocolChoice(),
            today,
        )
        for item in plan.items:
            row = PlanItem(uuid=uuid.uuid4().hex, patient_id=patient_id)
            items.append(
                {
                    "uuid": row.uuid,
                    "patient_id": patient_id,
                    "origin": _ORIGIN.encrypt(
                        keys,
                        row,
                        _encode(
                            {
                                "key": item.key,
                                "protocol_key": item.protocol_key,
                                "protocol_version": item.protocol_version,
                            }
                        ),
                    ),
                    "exam": item.exam.value,
                    "label": item.label,
                    "start_age": float(item.start_age),
                    "end_age": item.end_age,
                    "interval_months": item.interval_months,
                    "fixed_ages": json.dumps(list(item.fixed_ages)),
                    "next_due": item.next_due,
                    "last_done": item.last_done,
                    "status": item.status.value,
                    "adjusted": False,
                    "to_confirm": item.to_confirm,
                    "updated_at": now,
                    "version": 1,
                }
            )
    with UnitOfWork(factory) as uow:
        uow.session.execute(insert(PlanItem), items)
        overdue = uow.session.execute(
            select(PlanItem.id, PlanItem.patient_id, PlanItem.exam).where(PlanItem.next_due < today)
        ).all()
        booked = rng.sample(overdue, len(overdue) // 10)
        start = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(8, 0))
        user_id = session.actor.user_id
        uow.session.execute(
            insert(Appointment),
            [
                {
                    "patient_id": patient_id,
                    "exam": exam,
                    "plan_item_id": item_id,
                    "starts_at": start + dt.timedelta(minutes=20 * index),
                    "duration_minutes": 20,
                    "place": f"Site {index % 3 + 1}",
                    "practitioner_id": user_id,
                    "status": "booked",
                    "note": "",
                    "created_by_id": user_id,
                    "created_at": now,
                    "updated_by_id": user_id,
                    "updated_at": now,
                    "version": 1,
                }
                for index, (item_id, patient_id, exam) in enumerate(booked)
            ],
        )
        uow.commit()
    session.logout()
    info.update(
        carriers=carriers,
        plan_items=len(items),
        appointments=len(booked),
        plans_built_s=round(time.perf_counter() - started, 1),
        plans_built_on=today.isoformat(),
    )
    (folder / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def timed(runs: int, step) -> list[float]:  # type: ignore[no-untyped-def]
    step()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--carriers", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.followup.worklist import WorklistKind
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import DEMO_ACCOUNTS
    from oiso_desktop.services.secret_store import MemorySecretStore

    folder = DATA_DIR / f"worklist-{args.patients}"
    marker = folder / MARKER
    if args.rebuild or not marker.exists():
        print(f"Preparing {folder} ...")
        info = prepare(folder, args.patients, args.carriers, args.rebuild)
    else:
        info = json.loads(marker.read_text(encoding="utf-8"))
        print(f"Reusing {folder} ({info['plan_items']:,} plan items; --rebuild to rebuild)")
    auth = AuthService(folder, secret_store=MemorySecretStore())
    secretary_login, secretary_password = next(
        (login, password) for login, password, *_ in DEMO_ACCOUNTS if login == "demo.secretaire"
    )
    sessions = {
        "secretary": auth.login(secretary_login, secretary_password),
        "practitioner": auth.login(info["practitioner_login"], info["practitioner_password"]),
    }
    rows = []
    stats: dict[str, Any] = {}
    worst = 0.0
    for who, session in sessions.items():
        followup = session.followup
        for kind in WorklistKind:
            result = followup.worklist(kind, horizon_weeks=8)
            times = timed(
                args.runs, lambda kind=kind, f=followup: f.worklist(kind, horizon_weeks=8)
            )
            s = summary(times)
            worst = max(worst, s["median_ms"])
            stats[f"{who}: {kind.value}"] = {**s, "rows": result.total}
            rows.append([who, f"worklist {kind.value}", result.total, s["median_ms"], s["p95_ms"]])
        extra = {
            "overdue, mammography only": lambda f=followup: f.worklist(
                WorklistKind.OVERDUE, exam="mammography"
            ),
            "overdue, sorted by name": lambda f=followup: f.worklist(
                WorklistKind.OVERDUE, sort="name"
            ),
        }
        for name, step in extra.items():
            total = step().total
            s = summary(timed(args.runs, step))
            worst = max(worst, s["median_ms"])
            stats[f"{who}: {name}"] = {**s, "rows": total}
            rows.append([who, name, total, s["median_ms"], s["p95_ms"]])
        first = followup.worklist(WorklistKind.OVERDUE).ids[:PAGE]
        s = summary(timed(args.runs, lambda first=first, f=followup: f.worklist_page(first)))
        stats[f"{who}: first page"] = s
        rows.append([who, "worklist_page (50 rows)", len(first), s["median_ms"], s["p95_ms"]])
    for session in sessions.values():
        session.logout()
    config.cleanup()
    print_table(
        f"Worklists, {info['patients']:,} files, {info['carriers']:,} carriers, "
        f"{info['plan_items']:,} plan items, {info['appointments']:,} appointments",
        ["who", "query", "rows", "median ms", "p95 ms"],
        rows,
    )
    print(f"\nTarget: a worklist < {TARGET_MS:.0f} ms — {verdict(worst, TARGET_MS)}")
    write_results(
        "bench_worklist",
        {
            "patients": info["patients"],
            "carriers": info["carriers"],
            "plan_items": info["plan_items"],
            "steps": stats,
            "target_ms": TARGET_MS,
        },
    )
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
