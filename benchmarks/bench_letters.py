"""Follow-up letters in batch: 200 convocations (and 200 reminders) in one PDF.

    python benchmarks/bench_letters.py [--letters 200] [--runs 5]

A demo database (its accounts and synthetic files, production argon2 parameters) gets
``--letters`` appointments, one per file, booked through ``session.appointments`` by
the practitioner, who also saves a genetics form with a BRCA2 variant in each of these
files (their plans follow: exams overdue). As the demo secretary, each run times:

* **render**: ``reports.convocation_pdf.render_followup_letters`` on the letters in
  memory (the report alone);
* **convocations**: ``session.followup_letters.letters("convocation", ids)`` — the
  appointments, files and signatories read in a read transaction with the access of
  each file checked, the PDF, the ``letters_printed`` event;
* **reminders**: the same for ``letters("reminder", plan item ids)`` (one overdue
  item per file, from ``session.followup.worklist``).

Target: 200 letters under 5 s (median).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    isolate_user_config,
    print_table,
    summary,
    verdict,
    write_results,
)

TARGET_MS = 5000.0


def timed(runs: int, step: Callable[[], Any]) -> list[float]:
    step()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    config = isolate_user_config()

    from oiso_desktop.domain.errors import OisoError
    from oiso_desktop.domain.followup.worklist import WorklistKind
    from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
    from oiso_desktop.domain.permissions import PatientAccess
    from oiso_desktop.services.appointment_service import AppointmentInput
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import create_demo_database
    from oiso_desktop.services.secret_store import MemorySecretStore

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "base"
        # more files than letters: some demo files are only shared read-only with the
        # practitioner (no appointment may be booked on them)
        accounts = create_demo_database(folder, patients=args.letters * 2, families=False)
        auth = AuthService(folder, secret_store=MemorySecretStore())
        practitioner = auth.login(accounts.practitioner_login, accounts.practitioner_password)
        page = practitioner.patients.page(practitioner.patients.search_ids("").ids[:500])
        patient_ids = [row.id for row in page.rows if row.access == PatientAccess.WRITE]
        start = (dt.datetime.now() + dt.timedelta(days=7)).replace(
            hour=8, minute=0, second=0, microsecond=0
        )
        appointment_ids = []
        booked_ids = []
        for patient_id in patient_ids:
            index = len(appointment_ids)
            try:
                view = practitioner.appointments.book(
                    AppointmentInput(
                        patient_id=patient_id,
                        exam=("breast_mri", "colonoscopy", "mammography")[index % 3],
                        starts_at=start + dt.timedelta(minutes=20 * index),
                        duration_minutes=20,
                        place=f"Site {index % 4 + 1}",
                        practitioner_id=practitioner.actor.user_id,
                    )
                ).appointment
            except OisoError:  # a deceased patient of the demo: no appointment
                continue
            appointment_ids.append(view.id)
            booked_ids.append(patient_id)
            if len(appointment_ids) == args.letters:
                break
        patient_ids = booked_ids
        # reminders: each file carries a BRCA2 variant (its plan computed when the
        # genetics form is saved); one overdue plan item per file
        carrier = Genetics(
            tests=(GeneticTest(id="t1", date=dt.date(2024, 1, 8), genes=("BRCA2",)),),
            variants=(Variant(gene="BRCA2", hgvs_c="c.5946del", acmg_class=5, test_id="t1"),),
        )
        for patient_id in patient_ids:
            practitioner.forms.save(patient_id, "genetics", carrier, expected_version=0)
        first_item: dict[int, int] = {}
        overdue = practitioner.followup.worklist(WorklistKind.OVERDUE).ids
        for row in practitioner.followup.worklist_page(overdue[:500]):
            first_item.setdefault(row.patient_id, row.item_id)
        item_ids = list(first_item.values())[: args.letters]
        practitioner.logout()

        secretary = auth.login(accounts.secretary_login, accounts.secretary_password)
        letters_service = secretary.followup_letters
        in_memory = letters_service._letters("convocation", appointment_ids)

        from oiso_desktop.reports.convocation_pdf import render_followup_letters

        batch = letters_service.letters("convocation", appointment_ids)
        steps = {
            "render (the report alone)": timed(
                args.runs, lambda: render_followup_letters(in_memory)
            ),
            "convocations (read, access, PDF, event)": timed(
                args.runs, lambda: letters_service.letters("convocation", appointment_ids)
            ),
            "reminders (read, access, PDF, event)": timed(
                args.runs, lambda: letters_service.letters("reminder", item_ids)
            ),
        }
        secretary.logout()
    config.cleanup()

    stats = {name: summary(times) for name, times in steps.items()}
    rows = [
        [name, len(appointment_ids), s["median_ms"], s["p95_ms"], s["max_ms"]]
        for name, s in stats.items()
    ]
    print_table(
        f"Follow-up letters, {len(appointment_ids)} per batch ({batch.count} pages, "
        f"{len(batch.pdf) // 1024} KiB)",
        ["step", "letters", "median ms", "p95 ms", "max ms"],
        rows,
    )
    worst = max(stats[name]["median_ms"] for name in stats if "(read" in name)
    print(
        f"\nTarget: {len(appointment_ids)} letters < {TARGET_MS / 1000:.0f} s — "
        f"{verdict(worst, TARGET_MS)}"
    )
    write_results(
        "bench_letters",
        {
            "letters": len(appointment_ids),
            "pdf_bytes": len(batch.pdf),
            "steps": stats,
            "target_ms": TARGET_MS,
        },
    )
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
