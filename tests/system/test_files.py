"""The one crash-safe file write, and folder creation with an exact mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from oiso_desktop.system.files import (
    atomic_write,
    atomic_writer,
    fsync_directory,
    make_folders,
    remove_empty_folders,
)

POSIX = os.name == "posix"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_creates_then_replaces(tmp_path: Path) -> None:
    target = tmp_path / "config.json"
    atomic_write(target, b"one")
    assert target.read_bytes() == b"one"
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_atomic_write_modes(tmp_path: Path) -> None:
    new = tmp_path / "new"
    atomic_write(new, b"x")
    assert _mode(new) == 0o600  # owner-only unless asked
    shared = tmp_path / "shared"
    atomic_write(shared, b"x", mode=0o644)
    assert _mode(shared) == 0o644
    atomic_write(shared, b"y")  # replacing keeps the mode of the file replaced
    assert _mode(shared) == 0o644


def test_there_is_one_atomic_write_in_the_package() -> None:
    """Keystore, failures file, config, CSV and PDFs all go through system.files."""
    package = Path(__file__).resolve().parents[2] / "oiso_desktop"
    copies = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "files.py"
        and (
            "mkstemp(" in path.read_text(encoding="utf-8")
            or "def atomic_write" in path.read_text(encoding="utf-8")
        )
    ]
    assert copies == []


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "journal.csv"
    target.write_text("ancien", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target, "w", encoding="utf-8") as handle:
        handle.write("nouveau, à moitié")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "ancien"
    assert _leftovers(tmp_path) == []


def test_an_interruption_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as handle:
        handle.write(b"%PDF-")
        raise KeyboardInterrupt
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_atomic_writer_streams_text(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_writer(target, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write("a;b\r\n")
        assert not target.exists()  # nothing visible before the end
    assert target.read_bytes() == b"\xef\xbb\xbfa;b\r\n"


@pytest.mark.parametrize("name", ["", "."])
def test_a_folder_or_an_empty_path_is_refused_before_writing(tmp_path: Path, name: str) -> None:
    os.chdir(tmp_path)
    with pytest.raises(IsADirectoryError):
        atomic_write(Path(name), b"x")
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "missing" / "x.json", b"x")
    assert list(tmp_path.iterdir()) == []


def test_fsync_directory_tolerates_a_missing_folder(tmp_path: Path) -> None:
    fsync_directory(tmp_path)
    fsync_directory(tmp_path / "missing")


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
@pytest.mark.parametrize("mode", [0o700, 0o770])
def test_make_folders_gives_the_mode_whatever_the_umask(
    tmp_path: Path, umask: int, mode: int
) -> None:
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    target = existing / "a" / "b" / "base"
    old = os.umask(umask)
    try:
        created = make_folders(target, mode)
    finally:
        os.umask(old)
    assert created == [existing / "a", existing / "a" / "b", target]
    assert [_mode(p) for p in created] == [mode, mode, mode]
    assert _mode(existing) == 0o755  # not ours: untouched
    assert make_folders(target, mode) == []  # already there: nothing created
    remove_empty_folders(created)
    assert list(existing.iterdir()) == []


def test_make_folders_under_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        make_folders(tmp_path / "file" / "base", 0o700)
    with pytest.raises(NotADirectoryError):
        make_folders(tmp_path / "file", 0o700)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
