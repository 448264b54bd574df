"""The IT commands, end to end on real files, passwords from OISO_PASSWORD."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD, INIT_ARGS

from oiso_desktop import __version__
from oiso_desktop.__main__ import main as entry_point
from oiso_desktop.cli import main
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.secret_store import MemorySecretStore


def test_init_creates_the_database_prints_the_code_once_and_remembers_the_folder(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = env / "base"
    assert main(["init", "--folder", str(folder), *INIT_ARGS]) == 0
    output = capsys.readouterr().out
    assert "CODE DE RÉCUPÉRATION" in output
    code = output.split("CODE DE RÉCUPÉRATION (affiché une seule fois) :\n")[1].split()[0]
    assert len(code.replace("-", "")) == 26
    assert (folder / "oiso.db").exists() and (folder / "oiso.keystore").exists()
    # The GUI will find it.
    from oiso_desktop.system import paths

    assert paths.find_database_folder() == folder
    sheet = Path.cwd() / "oiso-feuille-de-recuperation.pdf"
    try:
        import oiso_desktop.reports.recovery_sheet  # noqa: F401
    except ImportError:
        pass
    else:
        assert sheet.read_bytes().startswith(b"%PDF")
    # The code opens the database.
    session = AuthService(folder, secret_store=MemorySecretStore()).recover(
        code, "admin", "Tout-nouveau-2026!"
    )
    session.logout()


def test_init_refuses_bad_input_with_a_french_message(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OISO_PASSWORD", "court")
    assert main(["init", "--folder", str(env / "base"), *INIT_ARGS]) == 2
    captured = capsys.readouterr()
    assert "Le mot de passe doit comporter au moins 12 caractères" in captured.err
    assert "Traceback" not in captured.err
    assert not (env / "base").exists()


def test_users_add_list_suspend_reactivate_revoke(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--folder", str(folder), "--as", "admin"]
    assert (
        main(
            ["users", "add", *base, "--login", "p.durand", "--first-name", "Paul"]
            + ["--last-name", "Durand", "--role", "practitioner", "--rpps", "10000123454"]
        )
        == 0
    )
    output = capsys.readouterr().out
    password = output.split("Mot de passe à usage unique : ")[1].split()[0]
    auth = AuthService(folder, secret_store=MemorySecretStore())
    auth.login("p.durand", password).logout()

    assert (
        main(
            ["users", "add", *base, "--login", "s.leroy", "--first-name", "Sylvie"]
            + ["--last-name", "Leroy", "--role", "secretary", "--assists", "p.durand"]
        )
        == 0
    )
    capsys.readouterr()

    assert main(["users", "list", *base]) == 0
    listing = capsys.readouterr().out
    assert "p.durand" in listing and "praticien" in listing and "secrétariat" in listing

    assert main(["users", "suspend", *base, "p.durand"]) == 0
    assert "suspendu" in capsys.readouterr().out
    with pytest.raises(Exception, match="désactivé"):
        auth.login("p.durand", password)
    assert main(["users", "reactivate", *base, "p.durand"]) == 0
    auth.login("p.durand", password).logout()

    assert main(["users", "revoke", *base, "p.durand", "--yes"]) == 0
    assert "révoqué" in capsys.readouterr().out
    with pytest.raises(Exception, match="incorrect"):
        auth.login("p.durand", password)

    assert main(["users", "suspend", *base, "personne"]) == 2
    assert "Aucun compte" in capsys.readouterr().err


def test_users_add_checks_the_rpps_and_asks_to_confirm_a_luhn_mismatch(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--folder", str(folder), "--as", "admin"]
    add = ["users", "add", *base, "--login", "p.x", "--first-name", "Paul", "--last-name", "X"]
    add += ["--role", "practitioner"]
    assert main([*add, "--rpps", "1000346103"]) == 2
    assert "11 chiffres" in capsys.readouterr().err
    # A published RPPS whose Luhn key fails: refused until the admin confirms it.
    assert main([*add, "--rpps", "10003461033"]) == 2
    assert "--rpps-confirmed" in capsys.readouterr().err
    assert main(["users", "list", *base]) == 0
    assert "p.x" not in capsys.readouterr().out
    assert main([*add, "--rpps", "10003461033", "--rpps-confirmed"]) == 0
    assert "Compte créé : p.x" in capsys.readouterr().out


def test_a_wrong_password_exits_2_without_traceback(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OISO_PASSWORD", "Pas-le-bon-2026!")
    assert main(["users", "list", "--folder", str(folder), "--as", "admin"]) == 2
    captured = capsys.readouterr()
    assert "Identifiant ou mot de passe incorrect." in captured.err
    assert "Traceback" not in captured.err


def test_events_verify_and_export(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--folder", str(folder), "--as", "admin"]
    assert main(["events", "verify", *base]) == 0
    assert "intact" in capsys.readouterr().out

    target = folder.parent / "journal.csv"
    assert main(["events", "export", *base, "--output", str(target), "--since", "2000-01-01"]) == 0
    assert "exporté" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "database_created" in target.read_text(encoding="utf-8-sig")

    # Someone edits a row directly in the file.
    session = AuthService(folder, secret_store=MemorySecretStore()).login("admin", ADMIN_PASSWORD)
    with session.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE events SET action = 'logout' WHERE id = 2")
    session.logout()
    assert main(["events", "verify", *base]) == 1
    output = capsys.readouterr().out
    assert "ALERTE" in output and "n°2" in output


def test_python_dash_m_runs_the_sub_commands(folder: Path) -> None:
    environment = {**os.environ, "OISO_PASSWORD": ADMIN_PASSWORD}
    completed = subprocess.run(
        [sys.executable, "-m", "oiso_desktop", "events", "verify", "--folder", str(folder)]
        + ["--as", "admin"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Journal des événements intact" in completed.stdout
    assert "PySide6" not in completed.stderr


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry_point(["--version"]) == 0
    assert __version__ in capsys.readouterr().out
    assert entry_point(["--help"]) == 0
    help_text = capsys.readouterr().out
    assert "init" in help_text and "users" in help_text and "events" in help_text
    assert "--demo" in help_text


def test_the_entry_point_dispatches_sub_commands(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry_point(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
    assert "intact" in capsys.readouterr().out
    # Passwords are never accepted as arguments.
    with pytest.raises(SystemExit) as excinfo:
        entry_point(["users", "list", "--folder", str(folder), "--as", "admin", "--password", "x"])
    assert excinfo.value.code == 2
