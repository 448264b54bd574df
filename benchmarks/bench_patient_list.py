"""The lazy patient list on 100,000 patients: first rows, then a page with key facts.

    python benchmarks/bench_patient_list.py [--patients 100000] [--runs 20] [--pages 10]
                                            [--rebuild]

The database is ``bench_search.py``'s (100,000 generated files owned by the demo
practitioner), copied once into ``benchmarks/data/patient-list-<n>/`` where
``--pages`` pages of 50 rows of the list (the first one and others spread
over it) get a family form for each of their files, saved through
``session.forms.save`` (the sample families: 10 to 40 people). Then, signed in
as the practitioner (who holds the clinical key), it times what the list does:

* **first rows**: ``PatientService.search_ids(text, first_rows=50)`` — every id of
  the matches and the first page's rows (with their key facts): the empty query
  (all 100,000 files) and 3-letter name searches;
* **page with key facts**: ``PatientService.page`` for 50 rows each with a family
  form (decrypted, counted) — what scrolling asks for;
* **page without family**: the same for 50 rows with none (identity only).

Targets: first rows of every file under 300 ms, a page with key facts under
100 ms (medians).
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
from bench_search import MARKER as SEARCH_MARKER  # noqa: E402
from bench_search import build_database  # noqa: E402

TARGET_FIRST_ROWS_MS = 300.0
TARGET_PAGE_MS = 100.0
PAGE = 50  # gui.patient_table_model.PatientListModel.PAGE_SIZE
MARKER = "list.json"
PREFIXES = ("mar", "ber", "dur", "lef", "gar", "rou", "bla", "mor", "fon", "hen")
#: the sample families a file of that sex gets (the proband's sex)
FAMILIES = {"F": ("brca1", "large", "consanguineous_twins"), "M": ("brca2", "lynch")}


def prepare(folder: Path, patients: int, pages: int, rebuild: bool) -> dict[str, Any]:
    """The search benchmark's database, copied, with family forms on ``pages`` pages."""
    from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.secret_store import MemorySecretStore

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
    started = time.perf_counter()
    ids = session.patients.search_ids("").ids
    rng = random.Random(11)
    others = rng.sample(range(1, len(ids) // PAGE), pages - 1)
    starts = sorted([0, *(page * PAGE for page in others)])
    saved = 0
    for start in starts:
        for summary_row in session.patients.page(ids[start : start + PAGE]).rows:
            key = rng.choice(FAMILIES["M" if summary_row.sex == "M" else "F"])
            family = SAMPLE_FAMILIES[key][1]()
            session.forms.save(summary_row.id, "family", family, expected_version=0)
            saved += 1
        print(f"\r  family forms: {saved:>4} / {len(starts) * PAGE}", end="", flush=True)
    print()
    session.logout()
    info.update(
        pages_with_families=starts,
        family_forms=saved,
        forms_saved_s=round(time.perf_counter() - started, 1),
    )
    (folder / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def timed(runs: int, step) -> list[float]:
    times = []
    for index in range(runs):
        started = time.perf_counter()
        step(index)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10, help="pages given family forms")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.secret_store import MemorySecretStore

    folder = DATA_DIR / f"patient-list-{args.patients}"
    marker = folder / MARKER
    info: dict[str, Any]
    if args.rebuild or not marker.exists():
        print(f"Preparing {folder} ...")
        info = prepare(folder, args.patients, args.pages, args.rebuild)
    else:
        info = json.loads(marker.read_text(encoding="utf-8"))
        print(f"Reusing {folder} ({info['family_forms']} family forms; --rebuild to rebuild)")

    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        info["practitioner_login"], info["practitioner_password"]
    )
    listed = session.patients.search_ids("", first_rows=PAGE)  # warm the page cache
    ids = listed.ids
    assert listed.with_key_facts and all(r.key_facts for r in listed.first_rows)
    with_families = [ids[start : start + PAGE] for start in info["pages_with_families"]]
    plain_starts = [
        start
        for start in range(PAGE, len(ids) - PAGE, len(ids) // 23)
        if start // PAGE * PAGE not in info["pages_with_families"]
    ]
    without = [ids[start // PAGE * PAGE : start // PAGE * PAGE + PAGE] for start in plain_starts]
    for page in with_families:
        rows = session.patients.page(page).rows
        assert len(rows) == PAGE and all(r.key_facts is not None for r in rows)

    prefix_matches: list[int] = []

    def every_file(_index: int) -> None:
        session.patients.search_ids("", first_rows=PAGE)

    def name_prefix(index: int) -> None:
        text = PREFIXES[index % len(PREFIXES)]
        prefix_matches.append(session.patients.search_ids(text, first_rows=PAGE).total)

    timings = {
        "first rows, every file": timed(args.runs, every_file),
        "first rows, 3-letter name": timed(args.runs, name_prefix),
        "page with key facts": timed(
            args.runs, lambda i: session.patients.page(with_families[i % len(with_families)])
        ),
        "page without family": timed(
            args.runs, lambda i: session.patients.page(without[i % len(without)])
        ),
    }
    session.logout()
    config.cleanup()

    stats = {name: summary(times) for name, times in timings.items()}
    rows = [
        [name, s["runs"], s["median_ms"], s["p95_ms"], s["max_ms"]] for name, s in stats.items()
    ]
    print_table(
        f"The lazy list on {len(ids):,} patients, pages of {PAGE} rows (ms)",
        ["step", "runs", "median", "p95", "max"],
        rows,
    )
    first = stats["first rows, every file"]["median_ms"]
    page_ms = stats["page with key facts"]["median_ms"]
    print(
        f"\nfirst rows of every file {first} ms (target {TARGET_FIRST_ROWS_MS:.0f}): "
        f"{verdict(first, TARGET_FIRST_ROWS_MS)}; a page with key facts {page_ms} ms "
        f"(target {TARGET_PAGE_MS:.0f}): {verdict(page_ms, TARGET_PAGE_MS)}"
    )
    write_results(
        "bench_patient_list",
        {
            "patients": len(ids),
            "page_rows": PAGE,
            "family_forms": info["family_forms"],
            "mean_prefix_matches": round(sum(prefix_matches) / len(prefix_matches)),
            "steps": stats,
            "targets": {
                "first_rows_median_ms": TARGET_FIRST_ROWS_MS,
                "page_with_key_facts_median_ms": TARGET_PAGE_MS,
            },
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
