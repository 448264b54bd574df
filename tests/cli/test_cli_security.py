"""``recovery new-sheet``, ``keys rekey``, ``reset-password --rekey``, the rollback warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD, INIT_ARGS

from oiso_desktop.cli import main
from oiso_desktop.domain.errors import AuthenticationError
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.engine import verify_key
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.secret_store import MemorySecretStore


@pytest.fixture
def created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)
    monkeypatch.setenv("OISO_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "base"
    assert main(["init", "--folder", str(folder), "--no-recovery-sheet", *INIT_ARGS]) == 0
    output = capsys.readouterr().out
    code = output.split("CODE DE RÉCUPÉRATION (affiché une seule fois) :\n")[1].split()[0]
    return folder, code


def _auth(folder: Path) -> AuthService:
    return AuthService(folder, secret_store=MemorySecretStore())


def test_recovery_new_sheet_writes_the_pdf_and_retires_the_old_code(
    created: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, old_code = created
    sheet = tmp_path / "fiche.pdf"
    args = ["recovery", "new-sheet", "--folder", str(folder), "--as", "admin"]
    assert main([*args, "--output", str(sheet)]) == 0
    output = capsys.readouterr().out
    assert "l'ancien code ne fonctionne plus" in output
    new_code = output.split("(affiché une seule fois) :\n")[1].split()[0]
    assert sheet.read_bytes().startswith(b"%PDF")
    with pytest.raises(AuthenticationError):
        _auth(folder).recover(old_code, "admin", "Tout-nouveau-2026!")
    _auth(folder).recover(new_code, "admin", "Tout-nouveau-2026!").logout()


def test_recovery_new_sheet_refuses_an_unwritable_output_before_changing_anything(
    created: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, old_code = created
    args = ["recovery", "new-sheet", "--folder", str(folder), "--as", "admin"]
    assert main([*args, "--output", str(tmp_path / "absent" / "fiche.pdf")]) == 2
    assert "Impossible d'écrire la fiche" in capsys.readouterr().err
    _auth(folder).recover(old_code, "admin", "Tout-nouveau-2026!").logout()


def test_keys_rekey_makes_an_old_keystore_copy_useless(
    created: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, code = created
    copy = tmp_path / "copie.keystore"
    shutil.copy2(folder / "oiso.keystore", copy)
    old = Keystore.load(copy).unlock_user("admin", ADMIN_PASSWORD, MemorySecretStore())
    assert main(["keys", "rekey", "--folder", str(folder), "--as", "admin", "--yes"]) == 0
    assert "a changé de clé (compromission suspectée)" in capsys.readouterr().out
    assert not any(verify_key(folder / "oiso.db", key) for key in old.dmk_candidates)
    session = _auth(folder).login("admin", ADMIN_PASSWORD)
    event = session.events.list(action="database_rekeyed")[0]
    assert '"reason":"suspected_compromise"' in event.details
    session.logout()
    _auth(folder).recover(code, "admin", "Tout-nouveau-2026!").logout()


def test_keys_rekey_asks_for_confirmation(
    created: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _code = created
    before = Keystore.load(folder / "oiso.keystore").current_key_id
    monkeypatch.setattr("builtins.input", lambda _prompt: "non")
    assert main(["keys", "rekey", "--folder", str(folder), "--as", "admin"]) == 2
    assert "annulé" in capsys.readouterr().out
    assert Keystore.load(folder / "oiso.keystore").current_key_id == before


def test_users_reset_password_with_rekey(
    created: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _code = created
    base = ["--folder", str(folder), "--as", "admin"]
    main(
        ["users", "add", *base, "--login", "p.durand", "--first-name", "Paul"]
        + ["--last-name", "Durand", "--role", "practitioner", "--rpps", "10000123454"]
    )
    capsys.readouterr()
    before = Keystore.load(folder / "oiso.keystore").current_key_id
    assert main(["users", "reset-password", *base, "p.durand", "--rekey"]) == 0
    password = capsys.readouterr().out.split(" : ")[-1].split()[0]
    assert Keystore.load(folder / "oiso.keystore").current_key_id != before
    _auth(folder).login("p.durand", password).logout()


def test_the_cli_prints_the_rollback_warning(
    created: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _code = created
    _auth(folder).login("admin", ADMIN_PASSWORD).logout()
    snapshot = tmp_path / "snapshot"
    shutil.copytree(folder, snapshot)
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
    capsys.readouterr()
    for name in ("oiso.db", "oiso.keystore"):
        shutil.copy2(snapshot / name, folder / name)
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
    assert "copie plus ancienne" in capsys.readouterr().err


def test_a_new_sheet_reaches_its_file_even_when_the_terminal_cannot_show_the_code(
    created: tuple[Path, str], tmp_path: Path
) -> None:
    """The old code stops working at once: the new one must not be lost with stdout."""
    import os
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    folder, _old = created
    sheet = tmp_path / "fiche.pdf"
    env = dict(os.environ, OISO_PASSWORD=ADMIN_PASSWORD)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "oiso_desktop",
                "recovery",
                "new-sheet",
                "--folder",
                str(folder),
                "--as",
                "admin",
                "--output",
                str(sheet),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "figure sur la fiche" in done.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
        ).stdout
        printed = text.split("Code de récupération", 1)[1].split("Tirets", 1)[0]
        code = "".join(ch for ch in printed if ch.isalnum())
        _auth(folder).recover(code, "admin", "Tout-nouveau-2026!").logout()
