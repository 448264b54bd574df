"""Running the real CLI in a subprocess, possibly as an unprivileged OS user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import oiso_desktop

# The checkout whose code this test process runs (the child must run the same).
SOURCE_ROOT = Path(oiso_desktop.__file__).resolve().parents[1]
NOBODY = 65534

ADMIN_PASSWORD = "Correct-horse-42!"
#: The options of ``oiso-desktop init`` every test database is made with.
INIT_ARGS = [
    "--structure-name",
    "Centre de génétique",
    "--finess",
    "750712184",
    "--admin-login",
    "admin",
    "--admin-first-name",
    "Alice",
    "--admin-last-name",
    "Martin",
]


@dataclass(frozen=True)
class Unprivileged:
    """Where an unprivileged process may work, and how to start one."""

    workdir: Path
    prefix: tuple[str, ...]  # () when the tests already run unprivileged

    def chown(self, path: Path) -> None:
        if self.prefix:
            for item in [path, *path.rglob("*")]:
                os.chown(item, NOBODY, NOBODY, follow_symlinks=False)


@contextmanager
def unprivileged_place(tmp_path: Path) -> Iterator[Unprivileged | None]:
    """Permission checks need a user the kernel refuses things to (root bypasses them).

    Not root: ``tmp_path`` and no prefix. Root: a folder in the system temp folder
    owned by ``nobody`` and ``setpriv`` to run as ``nobody``; None when impossible.
    """
    if os.name != "posix":
        yield None
        return
    if os.geteuid() != 0:
        yield Unprivileged(tmp_path, ())
        return
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        yield None
        return
    workdir = Path(tempfile.mkdtemp(prefix="oiso-test-unpriv-"))
    os.chmod(workdir, 0o755)
    os.chown(workdir, NOBODY, NOBODY)
    try:
        yield Unprivileged(
            workdir,
            (setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"),
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_cli(
    args: Sequence[str | bytes],
    *,
    env: dict[str | bytes, str | bytes] | None = None,
    cwd: Path | None = None,
    prefix: Sequence[str] = (),
    stdout: int | object = subprocess.PIPE,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m oiso_desktop ARGS`` with bytes allowed in arguments and environment."""
    environment: dict[str | bytes, str | bytes] = {
        key: value for key, value in os.environ.items() if not key.startswith("OISO_")
    }
    # The child imports this checkout (also when it runs as another user).
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(SOURCE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    environment.update(env or {})
    return subprocess.run(
        [*prefix, sys.executable, "-m", "oiso_desktop", *args],
        env=environment,  # type: ignore[arg-type]
        cwd=cwd,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )


def text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
