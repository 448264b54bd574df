"""``oiso-desktop export --patient ID --out DOSSIER``: the owner's export through the CLI
(the same service: the bundle, the summary, the event), and a refusal in French."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rights_helpers import approved, create_rich_file
from service_helpers import Team

from oiso_desktop.cli import main


def test_the_owner_exports_a_file_from_the_command_line(
    team: Team,
    created_db,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    durand = approved(team, created_db)
    pid = create_rich_file(durand, team)
    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setenv("OISO_PASSWORD", team.passwords["p.durand"])
    args = ["export", "--folder", str(created_db.folder), "--as", "p.durand"]
    assert main([*args, "--patient", str(pid), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "exporté" in printed
    (bundle,) = out.glob("*.fhir.json")
    assert json.loads(bundle.read_text("utf-8"))["resourceType"] == "Bundle"
    assert len(list(out.glob("*.pdf"))) == 1
    assert len(durand.events.list(action="patient_exported")) == 1
    # someone else's file: refused with a French message, nothing written
    team.login("p.bernard")  # replaces the one-time password
    monkeypatch.setenv("OISO_PASSWORD", team.passwords["p.bernard"])
    other = tmp_path / "autre"
    other.mkdir()
    code = main(
        [
            "export",
            "--folder",
            str(created_db.folder),
            "--as",
            "p.bernard",
            "--patient",
            str(pid),
            "--out",
            str(other),
        ]
    )
    assert code != 0
    assert "pas accès à ce dossier" in capsys.readouterr().err
    assert list(other.iterdir()) == []
