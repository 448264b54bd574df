"""Patient search with sharing and assistance, on 100,000 generated patients.

    python benchmarks/bench_sharing.py [--patients 100000] [--queries 200] [--rebuild]

The database is ``bench_search.py``'s (built the same way, kept in its own folder
of ``benchmarks/data/``), then its files are given to 33 practitioners: the demo
practitioner owns 3,000 files, the demo's second practitioner 1,500, and 31 more
practitioners the rest. 2,000 files of the others are shared with the second
practitioner (half read-only, half read-write), and 600 files are shared
read-write with the practitioners the demo secretary assists (the two demo
practitioners and one more: 3 practitioners).

Then, signed in as each of them, the list's search
(``PatientService.search_ids(text, first_rows=50)``) runs ``--queries`` queries
of the four kinds of ``bench_search.py`` drawn from the files they may see, and
the empty query (every visible file) ``--queries`` / 10 times.
Target: p95 under 40 ms over the typed queries, for both.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    DATA_DIR,
    isolate_user_config,
    print_table,
    summary,
    verdict,
    write_results,
)
from bench_search import FIRST_ROWS, KINDS, build_database, make_queries  # noqa: E402

TARGET_P95_MS = 40.0
MARKER = "sharing.json"
OTHER_PRACTITIONERS = 31
SHARED_WITH_RECIPIENT = 2000
SHARED_WITH_ASSISTED = 600


def restructure(folder: Path, build: dict[str, Any]) -> dict[str, Any]:
    """Spread the files over 33 practitioners; shares and assistances as described."""
    from sqlalchemy import insert, select, update

    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import DEMO_ACCOUNTS
    from oiso_desktop.services.secret_store import MemorySecretStore
    from oiso_desktop.storage.models import Assistance, Patient, PatientShare, User
    from oiso_desktop.storage.uow import UnitOfWork

    passwords = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        "demo.medecin", passwords["demo.medecin"]
    )
    rng = random.Random(11)
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        ids = {
            login: uow.session.scalar(select(User.id).where(User.login == login))
            for login in ("demo.medecin", "demo.oncologue", "demo.secretaire")
        }
        others = []
        for n in range(OTHER_PRACTITIONERS):
            user = User(
                login=f"bench.praticien{n:02d}",
                first_name="Praticien",
                last_name=f"Banc{n:02d}",
                role="practitioner",
                status="active",
                must_change_password=False,
            )
            uow.session.add(user)
            others.append(user)
        uow.session.flush()
        other_ids = [u.id for u in others]
        patient_ids = list(uow.session.scalars(select(Patient.id).order_by(Patient.id)))
        rng.shuffle(patient_ids)
        medecin_files = patient_ids[:3000]
        oncologue_files = patient_ids[3000:4500]
        rest = patient_ids[4500:]
        owners: dict[int, list[int]] = {ids["demo.medecin"]: medecin_files}
        owners[ids["demo.oncologue"]] = oncologue_files
        for index, owner in enumerate(other_ids):
            owners[owner] = rest[index :: len(other_ids)]
        for owner, files in owners.items():
            for start in range(0, len(files), 900):
                uow.session.execute(
                    update(Patient)
                    .where(Patient.id.in_(files[start : start + 900]))
                    .values(owner_id=owner)
                )
        third = other_ids[0]
        assisted = (ids["demo.medecin"], ids["demo.oncologue"], third)
        uow.session.execute(
            insert(Assistance),
            [{"secretary_id": ids["demo.secretaire"], "practitioner_id": third}],
        )
        shared = rng.sample(
            rest[len(owners[third]) :], SHARED_WITH_RECIPIENT + SHARED_WITH_ASSISTED
        )
        shares = [
            {
                "patient_id": pid,
                "user_id": ids["demo.oncologue"],
                "access": "write" if n % 2 else "read",
                "granted_by_id": ids["demo.medecin"],
                "message": "",
            }
            for n, pid in enumerate(shared[:SHARED_WITH_RECIPIENT])
        ]
        shares += [
            {
                "patient_id": pid,
                "user_id": assisted[n % 3],
                "access": "write",
                "granted_by_id": ids["demo.medecin"],
                "message": "",
            }
            for n, pid in enumerate(shared[SHARED_WITH_RECIPIENT:])
            if assisted[n % 3] != ids["demo.oncologue"]
        ]
        uow.session.execute(insert(PatientShare), shares)
        uow.commit()
    session.logout()
    info = dict(build)
    info["sharing"] = {
        "practitioners": OTHER_PRACTITIONERS + 2,
        "shared_with_recipient": SHARED_WITH_RECIPIENT,
        "shares": len(shares),
    }
    (folder / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def visible_patients(session: Any) -> list[Any]:
    """The files ``session`` may see, as rows (to draw its queries from)."""
    from sqlalchemy import select

    from oiso_desktop.storage.models import Patient
    from oiso_desktop.storage.uow import UnitOfWork

    ids = list(session.patients.search_ids("").ids)
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = []
        for start in range(0, len(ids), 900):
            rows += list(
                uow.session.scalars(select(Patient).where(Patient.id.in_(ids[start : start + 900])))
            )
        uow.session.expunge_all()
    return rows


def run_user(session: Any, queries: int, rng: random.Random) -> dict[str, Any]:
    patients = visible_patients(session)
    asked = make_queries(patients, queries, rng)
    for _kind, text in asked[:8]:  # warm up as a user's first searches do
        session.patients.search_ids(text, first_rows=FIRST_ROWS)
    timings: list[float] = []
    per_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for kind, text in asked:
        t0 = time.perf_counter()
        result = session.patients.search_ids(text, first_rows=FIRST_ROWS)
        elapsed = time.perf_counter() - t0
        timings.append(elapsed)
        per_kind[kind].append(elapsed)
        if result.total == 0:
            raise SystemExit(f"query {text!r} ({kind}) found nothing among the visible files")
    every: list[float] = []
    for _ in range(max(3, queries // 10)):
        t0 = time.perf_counter()
        listed = session.patients.search_ids("", first_rows=FIRST_ROWS)
        every.append(time.perf_counter() - t0)
    return {
        "visible": len(patients),
        "typed": summary(timings),
        "per_kind": {kind: summary(values) for kind, values in per_kind.items()},
        "every_file": {**summary(every), "matches": listed.total},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--data-dir", type=Path, default=None, help="where to keep the database")
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import DEMO_ACCOUNTS
    from oiso_desktop.services.secret_store import MemorySecretStore

    folder = args.data_dir or DATA_DIR / f"sharing-{args.patients}"
    marker = folder / MARKER
    if args.rebuild or not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        print(f"Building a database of {args.patients:,} patients in {folder} ...")
        build = restructure(folder, build_database(folder, args.patients))
    else:
        build = json.loads(marker.read_text(encoding="utf-8"))
        print(f"Reusing {folder} ({build['patients']:,} patients; --rebuild to rebuild)")

    passwords = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    auth = AuthService(folder, secret_store=MemorySecretStore())
    results: dict[str, Any] = {}
    labels = {
        "demo.oncologue": "practitioner, 1,500 own files + 2,000 shared with him",
        "demo.secretaire": "secretary assisting 3 practitioners",
    }
    for login in labels:
        session = auth.login(login, passwords[login])
        try:
            results[login] = run_user(session, args.queries, random.Random(7))
        finally:
            session.logout()
    config.cleanup()

    rows = []
    for login, label in labels.items():
        r = results[login]
        rows.append([label, r["visible"], r["typed"]["runs"], r["typed"]["median_ms"],
                     r["typed"]["p95_ms"], r["typed"]["max_ms"]])  # fmt: skip
        rows.append(["  every visible file (empty query)", r["every_file"]["matches"],
                     r["every_file"]["runs"], r["every_file"]["median_ms"],
                     r["every_file"]["p95_ms"], r["every_file"]["max_ms"]])  # fmt: skip
    print_table(
        f"search_ids (first {FIRST_ROWS} rows) on {build['patients']:,} patients (ms)",
        ["user", "visible files", "runs", "median", "p95", "max"],
        rows,
    )
    for login, label in labels.items():
        p95 = results[login]["typed"]["p95_ms"]
        print(f"{label}: p95 {p95} ms (target {TARGET_P95_MS:.0f}): {verdict(p95, TARGET_P95_MS)}")
    write_results(
        "bench_sharing",
        {
            "patients": build["patients"],
            "queries": args.queries,
            "users": {labels[k]: v for k, v in results.items()},
            "sharing": build.get("sharing", {}),
            "targets": {"p95_ms": TARGET_P95_MS},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
