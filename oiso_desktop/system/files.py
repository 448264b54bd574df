"""Crash-safe writes and folder creation: the one place the product writes files.

* :func:`atomic_write` / :func:`atomic_writer`: the data go to a temporary file in
  the target's folder, are flushed to disk (``fsync``), then replace the target in
  one step (``os.replace``), and the folder is synced so that the rename survives a
  power cut. A reader sees the old file or the new one, never half of one; on any
  failure (or an interruption) the temporary file is removed.
* :func:`make_folders`: ``mkdir`` then an explicit ``chmod``, so that the folders
  get the intended mode whatever the umask; only the folders it creates are touched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = [
    "DEFAULT_FILE_MODE",
    "atomic_write",
    "atomic_writer",
    "fsync_directory",
    "make_folders",
    "remove_empty_folders",
]

#: A new file is readable by its owner only unless the caller says otherwise.
DEFAULT_FILE_MODE = 0o600


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened, Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _target_mode(path: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return stat.S_IMODE(path.stat().st_mode)  # replacing a file keeps its mode
    except FileNotFoundError:
        return DEFAULT_FILE_MODE


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    file_mode: int | None = None,
) -> Iterator[IO[Any]]:
    """A handle on a temporary file that replaces ``path`` when the block ends normally.

    ``mode`` is ``"wb"`` (bytes) or ``"w"`` (text, with ``encoding`` and ``newline``
    as for :func:`open`). ``file_mode``: the permissions of the result (default: those
    of the file replaced, else owner-only). If the block raises, ``path`` is left as
    it was and the temporary file is removed. ``IsADirectoryError`` when ``path`` is
    a folder (or empty).
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"unsupported mode {mode!r}: 'w' or 'wb'")
    path = Path(path)
    if str(path) in ("", ".") or path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    folder = path.parent
    permissions = _target_mode(path, file_mode)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if mode == "wb":
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # e.g. Windows: only the read-only bit exists
            os.chmod(temp_name, permissions)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_directory(folder)


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, replace, fsync of the folder).

    ``mode``: permissions of the result (default: kept from the file replaced, else
    owner-only ``0o600``).
    """
    with atomic_writer(path, "wb", file_mode=mode) as handle:
        handle.write(data)


def make_folders(folder: Path, mode: int) -> list[Path]:
    """Create ``folder`` and its missing parents with exactly ``mode``; return those created.

    The umask does not apply (each new folder is ``chmod``-ed after ``mkdir``);
    folders that already existed are left as they are. The list goes from the
    outermost created folder to ``folder``, for :func:`remove_empty_folders`.
    Raises ``OSError`` (e.g. ``NotADirectoryError`` under a regular file,
    ``PermissionError`` under a read-only folder); what was created is then removed.
    """
    folder = Path(os.path.abspath(Path(folder).expanduser()))
    missing: list[Path] = []
    current = folder
    while not current.exists():
        if current.is_symlink():  # a dangling link: mkdir would fail anyway, say so now
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(current))
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    if not missing and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    created: list[Path] = []
    try:
        for path in reversed(missing):
            path.mkdir(mode=mode)
            created.append(path)
            os.chmod(path, mode)
    except BaseException:
        remove_empty_folders(created)
        raise
    return created


def remove_empty_folders(created: list[Path]) -> None:
    """Remove the folders :func:`make_folders` created, innermost first, if empty."""
    for path in reversed(created):
        with contextlib.suppress(OSError):
            path.rmdir()
