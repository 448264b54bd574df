"""``oiso-desktop maintenance run``: the hidden --now option, its bad values, a plain run."""

from __future__ import annotations

from pathlib import Path

import pytest

from oiso_desktop.cli import main


def test_now_is_hidden_from_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["maintenance", "run", "--help"])
    help_text = capsys.readouterr().out
    assert "--folder" in help_text and "--now" not in help_text


def test_a_bad_now_is_refused_in_french(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["maintenance", "run", "--folder", str(folder), "--as", "admin", "--now", "demain"])
        == 2
    )
    assert "Date et heure invalides" in capsys.readouterr().err


def test_a_run_on_a_new_database_purges_nothing_and_reports(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["maintenance", "run", "--folder", str(folder), "--as", "admin"]) == 0
    out = capsys.readouterr().out
    assert "0 événement(s)" in out
    assert "Intégrité de la base : correcte." in out
    assert "n'est pas configuré" not in out  # nothing waits
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
