"""The Journal's PDF extract of 10,000 events.

    python benchmarks/bench_event_log_pdf.py [--events 10000] [--runs 3]

A new database (production argon2 parameters) gets ``--events`` chained events of
the administrator, written through ``record_event`` (a few actions, objects and
workstations). Then ``session.events.export_pdf`` of every event, as the
administrator: the chain check, the count, the rows read in batches, the PDF
(A4 landscape, about 37 events a page) written atomically, the ``events_exported``
event. Also the same with a filter (one action in four).

Target: 10,000 events < 10 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import isolate_user_config, print_table, summary, verdict, write_results  # noqa: E402

LOGIN = "admin.mesure"
PASSWORD = "Tournesol-quai-2468-Journal!"
TARGET_MS = 10_000.0
ACTIONS = ("patient_viewed", "patient_updated", "lock", "unlock")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.roles import Role
    from oiso_desktop.reports.event_log_pdf import page_count
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.event_log import record_event
    from oiso_desktop.services.secret_store import MemorySecretStore
    from oiso_desktop.services.setup_service import create_local_database
    from oiso_desktop.storage.uow import UnitOfWork

    labels = {code: code.replace("_", " ") for code in ACTIONS}
    with tempfile.TemporaryDirectory(prefix="oiso-bench-journal-") as temp:
        folder = Path(temp) / "base"
        create_local_database(
            folder,
            structure=StructureInput(name="Centre de mesure", finess="750712184"),
            admin=UserInput(login=LOGIN, first_name="Alice", last_name="Mesure", role=Role.ADMIN),
            admin_password=PASSWORD,
        )
        session = AuthService(folder, secret_store=MemorySecretStore()).login(LOGIN, PASSWORD)
        with UnitOfWork(session.ctx.database.session_factory) as uow:
            for number in range(args.events):
                record_event(
                    uow,
                    session.ctx,
                    session.actor,
                    ACTIONS[number % len(ACTIONS)],
                    object_type="patient",
                    object_id=number % 5000 + 1,
                )
            uow.commit()
        all_times: list[float] = []
        filtered_times: list[float] = []
        count = filtered = 0
        for run in range(args.runs):
            target = Path(temp) / f"journal-{run}.pdf"
            started = time.perf_counter()
            count = session.events.export_pdf(target, action_labels=labels)
            all_times.append(time.perf_counter() - started)
            size = target.stat().st_size
            started = time.perf_counter()
            filtered = session.events.export_pdf(
                Path(temp) / f"lock-{run}.pdf", action="lock", action_labels=labels
            )
            filtered_times.append(time.perf_counter() - started)
        session.logout()
    config.cleanup()

    everything, some = summary(all_times), summary(filtered_times)
    print_table(
        f"Event-log PDF extract (ms), {count} events, {page_count(count)} pages, "
        f"{size / 1e6:.1f} MB",
        ["case", "events", "runs", "median", "p95", "min", "max", "target", "verdict"],
        [
            ["every event", count, everything["runs"], everything["median_ms"],
             everything["p95_ms"], everything["min_ms"], everything["max_ms"], TARGET_MS,
             verdict(everything["median_ms"], TARGET_MS)],
            ["one action", filtered, some["runs"], some["median_ms"], some["p95_ms"],
             some["min_ms"], some["max_ms"], "", ""],
        ],
    )  # fmt: skip
    write_results(
        "bench_event_log_pdf",
        {
            "events": count,
            "pages": page_count(count),
            "size_bytes": size,
            "every_event": everything,
            "one_action": some,
            "target_ms": TARGET_MS,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
