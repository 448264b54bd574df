"""The patient list filtered by gene and class, on 100,000 patients.

    python benchmarks/bench_genetics_filter.py [--patients 100000] [--forms 5000]
                                               [--runs 20] [--rebuild]

The database is ``bench_search.py``'s (100,000 generated files owned by the demo
practitioner), copied once into ``benchmarks/data/genetics-filter-<n>/`` where
``--forms`` files spread over the list get a genetics form (one to three variants
of the shipped genes, every class), saved through ``session.forms.save``. Then,
signed in as the practitioner (who holds the clinical key), it times
``PatientService.search_ids(text, first_rows=50, gene=..., classes=...)``:

* **first filter of a session**: the genetics forms are encrypted under the
  clinical key, so the session's index decrypts every one of them once;
* **filter, index up to date**: the (id, version) of every genetics form read
  again, nothing decrypted; every file (the empty query) or a 3-letter name;
* **filter after a save**: one form saved by the session meanwhile, decrypted again;
* **no filter**: the same query unfiltered, for comparison.

Target: a filtered search with the index up to date under 300 ms (the list's
first-rows target); the first one of a session under 1 s.
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

TARGET_WARM_MS = 300.0
TARGET_COLD_MS = 1000.0
PAGE = 50  # gui.patient_table_model.PatientListModel.PAGE_SIZE
MARKER = "genetics.json"
GENES = ("BRCA1", "BRCA2", "PALB2", "ATM", "CHEK2", "MLH1", "MSH2", "MSH6", "PMS2", "TP53")
PREFIXES = ("mar", "ber", "dur", "lef", "gar", "rou", "bla", "mor", "fon", "hen")


def _genetics(rng: random.Random) -> Any:
    """A panel with one to three variants of its genes, of every class."""
    import datetime as dt

    from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant

    test = GeneticTest(
        id="t1",
        kind="panel",
        date=dt.date(2023, 5, 4),
        laboratory="Laboratoire de génétique",
        genes=GENES,
        status="result_received",
    )
    variants = tuple(
        Variant(
            gene=rng.choice(GENES),
            hgvs_c=f"c.{rng.randint(1, 9000)}del",
            acmg_class=rng.choice((1, 2, 3, 3, 3, 4, 5, 5)),
            test_id="t1",
        )
        for _ in range(rng.randint(1, 3))
    )
    return Genetics(tests=(test,), variants=tuple({v.hgvs_c: v for v in variants}.values()))


def prepare(folder: Path, patients: int, forms: int, rebuild: bool) -> dict[str, Any]:
    """The search benchmark's database, copied, with ``forms`` genetics forms."""
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
    rng = random.Random(17)
    chosen = rng.sample(list(ids), forms)
    for count, patient_id in enumerate(chosen, 1):
        session.forms.save(patient_id, "genetics", _genetics(rng), expected_version=0)
        if count % 250 == 0:
            print(f"\r  genetics forms: {count:>6} / {forms}", end="", flush=True)
    print()
    session.logout()
    info.update(genetics_forms=forms, forms_saved_s=round(time.perf_counter() - started, 1))
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
    parser.add_argument("--forms", type=int, default=5_000, help="files given a genetics form")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.genetics import Genetics, Variant
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.secret_store import MemorySecretStore

    folder = DATA_DIR / f"genetics-filter-{args.patients}"
    marker = folder / MARKER
    info: dict[str, Any]
    if (
        args.rebuild
        or not marker.exists()
        or json.loads(marker.read_text())["genetics_forms"] != (args.forms)
    ):
        print(f"Preparing {folder} ...")
        info = prepare(folder, args.patients, args.forms, args.rebuild)
    else:
        info = json.loads(marker.read_text(encoding="utf-8"))
        print(f"Reusing {folder} ({info['genetics_forms']} genetics forms; --rebuild to rebuild)")

    def login():  # type: ignore[no-untyped-def]
        return AuthService(folder, secret_store=MemorySecretStore()).login(
            info["practitioner_login"], info["practitioner_password"]
        )

    cold: list[float] = []
    matches: dict[str, int] = {}
    for run in range(max(3, args.runs // 4)):
        session = login()
        started = time.perf_counter()
        found = session.patients.search_ids("", first_rows=PAGE, gene="BRCA2", classes=(4, 5))
        cold.append(time.perf_counter() - started)
        matches["BRCA2, class 4-5"] = found.total
        if run == 0:
            assert all(r.genetics and r.genetics.matches("BRCA2", {4, 5}) for r in found.first_rows)
        session.logout()

    session = login()
    session.patients.search_ids("", gene="BRCA2")  # the index built
    every = session.patients.search_ids("").ids
    saved_ids = [pid for pid in every[:2000] if session.forms.get(pid, "genetics").exists][:1]

    def warm_every(_index: int) -> None:
        found = session.patients.search_ids("", first_rows=PAGE, gene="BRCA2", classes=(4, 5))
        matches["BRCA2, class 4-5"] = found.total

    def warm_class(_index: int) -> None:
        matches["class 3"] = session.patients.search_ids("", first_rows=PAGE, classes=(3,)).total

    def warm_name(index: int) -> None:
        text = PREFIXES[index % len(PREFIXES)]
        session.patients.search_ids(text, first_rows=PAGE, gene="MLH1")

    def after_save(index: int) -> None:
        if saved_ids:
            pid = saved_ids[0]
            view = session.forms.get(pid, "genetics")
            variant = Variant(gene="BRCA2", hgvs_c=f"c.{index + 1}del", acmg_class=5)
            assert isinstance(view.content, Genetics)
            content = Genetics(tests=view.content.tests, variants=(variant,))
            session.forms.save(pid, "genetics", content, expected_version=view.version)
        started = time.perf_counter()
        session.patients.search_ids("", first_rows=PAGE, gene="BRCA2", classes=(4, 5))
        saved_times.append(time.perf_counter() - started)

    def unfiltered(_index: int) -> None:
        session.patients.search_ids("", first_rows=PAGE)

    saved_times: list[float] = []
    timings = {
        "first filter of a session (every form decrypted)": cold,
        "filter, every file, gene + class": timed(args.runs, warm_every),
        "filter, every file, class only": timed(args.runs, warm_class),
        "filter, 3-letter name + gene": timed(args.runs, warm_name),
    }
    timed(args.runs, after_save)
    timings["filter after one form saved"] = saved_times
    timings["no filter, every file"] = timed(args.runs, unfiltered)
    session.logout()
    config.cleanup()

    stats = {name: summary(times) for name, times in timings.items()}
    rows = [
        [name, s["runs"], s["median_ms"], s["p95_ms"], s["max_ms"]] for name, s in stats.items()
    ]
    print_table(
        f"Filter by gene and class: {len(every):,} patients, {info['genetics_forms']:,} "
        "genetics forms (ms)",
        ["step", "runs", "median", "p95", "max"],
        rows,
    )
    warm = stats["filter, every file, gene + class"]["median_ms"]
    first = stats["first filter of a session (every form decrypted)"]["median_ms"]
    print(
        f"\nmatches: {matches}\nfiltered, index up to date {warm} ms (target "
        f"{TARGET_WARM_MS:.0f}): {verdict(warm, TARGET_WARM_MS)}; first of a session {first} ms "
        f"(target {TARGET_COLD_MS:.0f}): {verdict(first, TARGET_COLD_MS)}"
    )
    write_results(
        "bench_genetics_filter",
        {
            "patients": len(every),
            "genetics_forms": info["genetics_forms"],
            "matches": matches,
            "steps": stats,
            "targets": {"warm_median_ms": TARGET_WARM_MS, "cold_median_ms": TARGET_COLD_MS},
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
