"""Helpers shared by the benchmark scripts: statistics, table, JSON results."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
DATA_DIR = BENCH_DIR / "data"  # cached generated databases (git-ignored)


def isolate_user_config() -> tempfile.TemporaryDirectory[str]:
    """Point OISO_CONFIG_DIR to a temporary folder: benchmarks never touch the user's config."""
    folder = tempfile.TemporaryDirectory(prefix="oiso-bench-config-")
    os.environ["OISO_CONFIG_DIR"] = folder.name
    os.environ.pop("OISO_DATA_DIR", None)
    return folder


def ms(seconds: float) -> float:
    return round(seconds * 1000.0, 2)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` in 0..1)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(values_s: Sequence[float]) -> dict[str, float]:
    """Median, p95, min and max in milliseconds."""
    return {
        "runs": len(values_s),
        "median_ms": ms(statistics.median(values_s)),
        "p95_ms": ms(percentile(values_s, 0.95)),
        "min_ms": ms(min(values_s)),
        "max_ms": ms(max(values_s)),
    }


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(
            "  ".join(
                _align(c, w, first=i == 0) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def _align(cell: str, width: int, *, first: bool) -> str:
    """Numbers to the right, text to the left."""
    numeric = cell.replace(",", "").replace(".", "", 1).lstrip("-").isdigit()
    return cell.rjust(width) if numeric and not first else cell.ljust(width)


def environment() -> dict[str, object]:
    from oiso_desktop import __version__

    return {
        "app_version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_results(name: str, results: dict[str, object]) -> Path:
    """Write ``benchmarks/results/<name>.json`` (atomically) and return its path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    payload = {"benchmark": name, "environment": environment(), **results}
    temp = path.with_suffix(".json.tmp")
    temp.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, path)
    print(f"\nResults written to {path.relative_to(BENCH_DIR.parent)}")
    return path


def verdict(value_ms: float, target_ms: float) -> str:
    return "ok" if value_ms <= target_ms else "OVER TARGET"
