"""Unattended maintenance: ``maintenance setup-unattended`` / ``remove-unattended`` and
``maintenance run --unattended`` (DESIGN.md §2 "Keyring" (b), issue 10).

A real keyring backend (in memory, through the ``keyring`` library like the OS
backends) holds the secret; ``keyring.backends.fail`` stands for a computer
without one.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cli_helpers import ADMIN_PASSWORD
from keyring.backends.fail import Keyring as FailKeyring
from memory_keyring import MemoryKeyring

from oiso_desktop.cli import main
from oiso_desktop.domain.errors import AuthenticationError, PermissionDenied
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.maintenance_service import open_unattended
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.secret_store import OsKeyringSecretStore
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.secret_store import SERVICE_NAME


@pytest.fixture
def backend() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    fresh = MemoryKeyring()
    keyring.set_keyring(fresh)
    yield fresh
    keyring.set_keyring(previous)


def _entry(folder: Path) -> tuple[str, str]:
    return SERVICE_NAME, f"maintenance:{Keystore.load(folder / 'oiso.keystore').database_uuid}"


def _setup(folder: Path) -> int:
    return main(["maintenance", "setup-unattended", "--folder", str(folder), "--as", "admin"])


def _unattended(folder: Path, *extra: str) -> int:
    return main(["maintenance", "run", "--unattended", "--folder", str(folder), *extra])


def _actions(folder: Path, action: str) -> int:
    session = AuthService(folder, secret_store=OsKeyringSecretStore()).login(
        "admin", ADMIN_PASSWORD
    )
    try:
        return len(session.events.list(action=action))  # type: ignore[attr-defined]
    finally:
        session.logout()


def test_setup_run_remove_round_trip(
    folder: Path,
    backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _setup(folder) == 0
    assert "Maintenance sans surveillance configurée" in capsys.readouterr().out
    assert _actions(folder, "maintenance_slot_created") == 1
    secret_text = backend.values[_entry(folder)]
    secret = base64.b64decode(secret_text)
    assert len(secret) == 32
    raw = (folder / "oiso.keystore").read_bytes()
    assert b'"maintenance"' in raw
    for form in (secret, secret_text.encode(), secret.hex().encode()):
        assert form not in raw

    # No login, no password: 8 months later the events of the setup are purged.
    monkeypatch.delenv("OISO_PASSWORD")
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=240)).strftime("%Y-%m-%dT%H:%MZ")
    assert _unattended(folder, "--now", later) == 0
    out = capsys.readouterr().out
    purged = re.search(r"Journal : (\d+) événement", out)
    assert purged is not None and int(purged.group(1)) > 0
    assert "Intégrité de la base : correcte." in out
    monkeypatch.setenv("OISO_PASSWORD", ADMIN_PASSWORD)
    assert main(["events", "verify", "--folder", str(folder), "--as", "admin"]) == 0
    assert _actions(folder, "maintenance_finished") == 1

    assert main(["maintenance", "remove-unattended", "--folder", str(folder), "--as", "admin"]) == 0
    assert "supprimée" in capsys.readouterr().out
    assert _entry(folder) not in backend.values
    assert b'"kind"' not in (folder / "oiso.keystore").read_bytes()
    assert _actions(folder, "maintenance_slot_removed") == 1
    capsys.readouterr()
    monkeypatch.delenv("OISO_PASSWORD")
    assert _unattended(folder) != 0
    assert "La maintenance sans surveillance n'est pas configurée" in capsys.readouterr().err


def test_setup_without_a_keyring_backend_writes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (folder / "oiso.keystore").read_bytes()
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        assert _setup(folder) != 0
        err = capsys.readouterr().err
        assert "Aucun trousseau système n'est disponible pour ce compte" in err
        assert "jamais écrit en clair" in err
    finally:
        keyring.set_keyring(previous)
    assert (folder / "oiso.keystore").read_bytes() == before
    assert _actions(folder, "maintenance_slot_created") == 0


def test_unattended_run_refuses_a_missing_keyring_or_a_wrong_secret(
    folder: Path,
    backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _setup(folder) == 0
    monkeypatch.delenv("OISO_PASSWORD")
    capsys.readouterr()
    keyring.set_keyring(FailKeyring())
    try:
        assert _unattended(folder) != 0
        assert "Aucun trousseau système n'est disponible pour ce compte" in (
            capsys.readouterr().err
        )
    finally:
        keyring.set_keyring(backend)
    entry = _entry(folder)
    good = backend.values[entry]
    backend.values[entry] = base64.b64encode(b"\x01" * 32).decode()
    assert _unattended(folder) != 0
    assert "n'ouvre pas la clé de maintenance" in capsys.readouterr().err
    del backend.values[entry]
    assert _unattended(folder) != 0
    assert "introuvable dans le trousseau" in capsys.readouterr().err
    backend.values[entry] = good
    assert _unattended(folder) == 0


def test_unattended_with_as_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _unattended(folder, "--as", "admin") != 0
    assert "--unattended se lance sans --as" in capsys.readouterr().err
    assert main(["maintenance", "run", "--folder", str(folder)]) != 0
    assert "--unattended" in capsys.readouterr().err


def test_setup_again_replaces_the_slot(folder: Path, backend: MemoryKeyring) -> None:
    assert _setup(folder) == 0
    first_secret = backend.values[_entry(folder)]
    first_key = Keystore.load(folder / "oiso.keystore")._data["maintenance"]["public_key"]
    assert _setup(folder) == 0
    data = Keystore.load(folder / "oiso.keystore")._data
    assert data["maintenance"]["public_key"] != first_key
    assert backend.values[_entry(folder)] != first_secret
    assert _unattended(folder) == 0


def test_a_rekey_keeps_the_slot_working(
    folder: Path,
    backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _setup(folder) == 0
    old_key_id = Keystore.load(folder / "oiso.keystore").current_key_id
    assert main(["keys", "rekey", "--folder", str(folder), "--as", "admin", "--yes"]) == 0
    keystore = Keystore.load(folder / "oiso.keystore")
    assert keystore.current_key_id != old_key_id
    assert keystore._data["maintenance"]["dmk"]["key_id"] == keystore.current_key_id
    monkeypatch.delenv("OISO_PASSWORD")
    capsys.readouterr()
    assert _unattended(folder) == 0
    assert "Intégrité de la base : correcte." in capsys.readouterr().out


def test_the_slot_opens_no_patient_data_and_no_login(folder: Path, backend: MemoryKeyring) -> None:
    assert _setup(folder) == 0
    secret_text = backend.values[_entry(folder)]
    ctx = open_unattended(folder, secret_store=OsKeyringSecretStore())
    try:
        assert ctx.user_id is None and ctx.clinical is None
        with pytest.raises(PermissionDenied):
            PatientService(ctx).search("Durand")
    finally:
        ctx.database.close()
    auth = AuthService(folder, secret_store=OsKeyringSecretStore())
    for login in ("maintenance", "system", ""):
        with pytest.raises(AuthenticationError):
            auth.login(login, secret_text)
