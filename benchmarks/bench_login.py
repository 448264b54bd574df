"""Sign-in time with the production argon2id parameters.

    python benchmarks/bench_login.py [--runs 5]

Creates a local database (SQLCipher + keystore) in a temporary folder, then
times ``AuthService.login`` (unwrap the key slot with argon2id, open and check
the encrypted file, write the ``login`` event) ``--runs`` times, and a refused
sign-in (wrong password: same argon2 work, then a failure record).
Target: median under 2 s on a hospital workstation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import isolate_user_config, print_table, summary, verdict, write_results  # noqa: E402

TARGET_MS = 2000.0
LOGIN = "admin.bench"
PASSWORD = "Banc-Essai-Ocre-2468!"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    config = isolate_user_config()

    from oiso_desktop.domain.errors import AuthenticationError
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.secret_store import MemorySecretStore
    from oiso_desktop.services.setup_service import create_local_database
    from oiso_desktop.storage import crypto

    params = crypto.default_kdf_params()
    with tempfile.TemporaryDirectory(prefix="oiso-bench-login-") as temp:
        folder = Path(temp) / "base"
        started = time.perf_counter()
        create_local_database(
            folder,
            structure=StructureInput(name="Centre de mesure", finess="750712184"),
            admin=UserInput(login=LOGIN, first_name="Alice", last_name="Mesure", role=Role.ADMIN),
            admin_password=PASSWORD,
        )
        created_s = time.perf_counter() - started

        auth = AuthService(folder, secret_store=MemorySecretStore())
        login_times: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            session = auth.login(LOGIN, PASSWORD)
            login_times.append(time.perf_counter() - started)
            session.logout()

        refused_times: list[float] = []
        for _ in range(min(args.runs, 3)):  # more would trigger the lockout
            started = time.perf_counter()
            try:
                auth.login(LOGIN, PASSWORD + "x")
            except AuthenticationError:
                refused_times.append(time.perf_counter() - started)
            else:
                raise SystemExit("a wrong password was accepted")
    config.cleanup()

    login = summary(login_times)
    refused = summary(refused_times)
    print(
        f"argon2id: time_cost={params.time_cost}, memory_cost={params.memory_cost} KiB, "
        f"parallelism={params.parallelism}"
    )
    print_table(
        "Sign-in (ms)",
        ["case", "runs", "median", "p95", "min", "max", "target", "verdict"],
        [
            ["login", login["runs"], login["median_ms"], login["p95_ms"], login["min_ms"],
             login["max_ms"], TARGET_MS, verdict(login["median_ms"], TARGET_MS)],
            ["wrong password", refused["runs"], refused["median_ms"], refused["p95_ms"],
             refused["min_ms"], refused["max_ms"], "", ""],
        ],
    )  # fmt: skip
    print(f"\nDatabase creation (one admin slot): {created_s * 1000:.0f} ms")
    write_results(
        "bench_login",
        {
            "argon2": {
                "time_cost": params.time_cost,
                "memory_cost_kib": params.memory_cost,
                "parallelism": params.parallelism,
            },
            "login": login,
            "wrong_password": refused,
            "database_creation_ms": round(created_s * 1000, 1),
            "target_median_ms": TARGET_MS,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
