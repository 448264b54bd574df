"""Temporary folders that say which process owns them, so that leftovers can go.

The demo database holds patient-like data in the system temp folder. It is
removed when the application ends, even on Ctrl+C or SIGTERM; a process killed
outright (SIGKILL, power cut) cannot clean up, so the next start removes the
folders of *dead* processes: the pid is part of the name
(``<prefix><pid>-<random>``), and only folders owned by the current OS user whose
process no longer exists are removed.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

__all__ = ["owned_temp_folder", "remove_stale_temp_folders"]

_PID = re.compile(r"^(?P<pid>\d+)-[^/\\]+$")


def owned_temp_folder(prefix: str) -> Path:
    """A new folder ``<tmp>/<prefix><pid>-<random>``, readable by its owner only."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: existence check only (POSIX)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, someone else's
        return True
    return True


def remove_stale_temp_folders(prefix: str) -> list[Path]:
    """Remove this user's ``prefix`` folders whose process is gone; return them.

    POSIX only (elsewhere nothing is removed: there is no harmless existence check).
    A reused pid only means a leftover is kept a little longer.
    """
    if os.name != "posix":
        return []
    removed = []
    for entry in Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        match = _PID.match(entry.name[len(prefix) :])
        if match is None:
            continue
        try:
            info = entry.lstat()
        except OSError:
            continue
        if not entry.is_dir() or entry.is_symlink() or info.st_uid != os.getuid():
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or _process_exists(pid):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed
