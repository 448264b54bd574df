"""Fixtures of the command-line tests: a clean environment and a database made by ``init``."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD, INIT_ARGS

from oiso_desktop.cli import main


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean environment: config and data folders in tmp_path, admin password set."""
    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)
    monkeypatch.setenv("OISO_PASSWORD", ADMIN_PASSWORD)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path


@pytest.fixture
def folder(env: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database created by ``oiso-desktop init`` (no recovery sheet written)."""
    folder = env / "base"
    assert main(["init", "--folder", str(folder), "--no-recovery-sheet", *INIT_ARGS]) == 0
    capsys.readouterr()
    return folder
