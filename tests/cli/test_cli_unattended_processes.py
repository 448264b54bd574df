"""The unattended-maintenance slot across processes, as a scheduled task meets it:
the administrator sets it up in one process, another process re-keys the database,
and the scheduled run, a third process of the same OS account, still opens the file
with the secret from the keyring. Removed, the next run is refused in French."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli_helpers import ADMIN_PASSWORD

import oiso_desktop

SOURCE_ROOT = Path(oiso_desktop.__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parents[1]


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oiso_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_setup_rekey_and_scheduled_run_in_three_processes(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "keyring.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OISO_", "PYTHON"))}
    env.update(
        PYTHONPATH=os.pathsep.join((str(SOURCE_ROOT), str(TESTS))),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring",
        OISO_TEST_KEYRING=str(store),
        OISO_CONFIG_DIR=str(tmp_path / "config-children"),
    )
    admin = {**env, "OISO_PASSWORD": ADMIN_PASSWORD}
    base = ("--folder", str(folder))

    setup = _run(admin, "maintenance", "setup-unattended", *base, "--as", "admin")
    assert setup.returncode == 0, setup.stderr
    assert store.exists() and "maintenance:" in store.read_text("utf-8")

    rekey = _run(admin, "keys", "rekey", *base, "--as", "admin", "--yes")
    assert rekey.returncode == 0, rekey.stderr

    scheduled = _run(env, "maintenance", "run", "--unattended", *base)
    assert scheduled.returncode == 0, scheduled.stderr

    removed = _run(admin, "maintenance", "remove-unattended", *base, "--as", "admin")
    assert removed.returncode == 0, removed.stderr
    refused = _run(env, "maintenance", "run", "--unattended", *base)
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr
    assert "maintenance sans surveillance" in refused.stderr.lower()
