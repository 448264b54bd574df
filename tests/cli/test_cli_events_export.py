"""``oiso-desktop events export`` follows the Journal's filters: --user, --action, period."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from oiso_desktop.cli import main


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_events_export_by_user_and_action(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--folder", str(folder), "--as", "admin"]
    assert main(["events", "verify", *base]) == 0  # one more event by admin
    capsys.readouterr()

    target = folder.parent / "verifications.csv"
    args = ["events", "export", *base, "--output", str(target)]
    assert main([*args, "--user", "ADMIN", "--action", "events_verified"]) == 0
    assert "1 événement(s) exporté(s)" in capsys.readouterr().out
    rows = _rows(target)
    assert [(row["identifiant"], row["action"]) for row in rows] == [("admin", "events_verified")]

    # The period combines with them: nothing before 2000, everything since.
    assert main([*args, "--action", "database_created", "--until", "1999-12-31"]) == 0
    assert _rows(target) == []
    assert main([*args, "--action", "database_created", "--since", "2000-01-01"]) == 0
    assert [row["action"] for row in _rows(target)] == ["database_created"]
    capsys.readouterr()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--action", "connexion", "Action inconnue : « connexion »"),
        ("--user", "personne", "Aucun compte ne porte l'identifiant « personne »"),
    ],
)
def test_an_unknown_action_or_login_is_refused_in_french(
    folder: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, expected: str
) -> None:
    target = folder.parent / "journal.csv"
    code = main(
        [
            "events",
            "export",
            "--folder",
            str(folder),
            "--as",
            "admin",
            "--output",
            str(target),
            option,
            value,
        ]
    )
    assert code == 2
    error = capsys.readouterr().err
    assert expected in error and "Traceback" not in error
    assert not target.exists()
