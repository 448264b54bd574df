"""Start-up time: from process start to the login window shown (Qt offscreen).

    python benchmarks/bench_startup.py [--runs 5]

Each run is a new Python process (``startup_probe.py``) running the real
``oiso-desktop`` entry point; the time is taken in the parent from the spawn
until the probe reports the visible sign-in window. Two cases:

* ``existing database`` — the everyday start: a database folder exists
  (created once before the runs), the login window opens on it;
* ``--demo`` — also builds the demonstration database (300 fictitious patients,
  4 accounts with production argon2 parameters).

Target: median under 3 s for an existing database.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import isolate_user_config, print_table, summary, verdict, write_results  # noqa: E402

PROBE = Path(__file__).resolve().parent / "startup_probe.py"
TARGET_MS = 3000.0


def one_run(extra: list[str]) -> tuple[float, float]:
    """(wall seconds from spawn to login window, seconds measured inside the process)."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    wall = None
    inside = None
    for line in process.stdout:
        if line.startswith("LOGIN_SHOWN"):
            wall = time.perf_counter() - started
            inside = float(line.split()[1])
    code = process.wait(timeout=300)
    if code != 0 or wall is None or inside is None:
        raise SystemExit(f"the probe failed (exit code {code})")
    return wall, inside


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.setup_service import create_local_database

    results: dict[str, dict[str, object]] = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="oiso-bench-start-") as temp:
        folder = Path(temp) / "base"
        create_local_database(
            folder,
            structure=StructureInput(name="Centre de mesure", finess="750712184"),
            admin=UserInput(login="admin.bench", first_name="A", last_name="B", role=Role.ADMIN),
            admin_password="Banc-Essai-Ocre-2468!",
        )
        one_run(["--data-dir", str(folder)])  # warm the OS file cache (first import)
        for label, extra in (
            ("existing database", ["--data-dir", str(folder)]),
            ("--demo", ["--demo"]),
        ):
            walls: list[float] = []
            insides: list[float] = []
            for _ in range(args.runs):
                wall, inside = one_run(extra)
                walls.append(wall)
                insides.append(inside)
            wall_stats = summary(walls)
            inside_stats = summary(insides)
            results[label] = {"wall": wall_stats, "in_process": inside_stats}
            target = TARGET_MS if label == "existing database" else None
            rows.append([
                label, wall_stats["runs"], wall_stats["median_ms"], wall_stats["p95_ms"],
                wall_stats["max_ms"], inside_stats["median_ms"],
                target or "", verdict(wall_stats["median_ms"], target) if target else "",
            ])  # fmt: skip
    config.cleanup()

    print_table(
        "Process start -> login window shown (ms, offscreen)",
        ["case", "runs", "median", "p95", "max", "in-process median", "target", "verdict"],
        rows,
    )
    write_results("bench_startup", {"cases": results, "target_median_ms": TARGET_MS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
