"""Idle-lock setting, new recovery sheet, re-key on suspected compromise (real files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from service_helpers import Team

from oiso_desktop.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.security_service import save_recovery_sheet
from oiso_desktop.services.settings_service import DEFAULT_IDLE_LOCK_MINUTES
from oiso_desktop.storage import crypto
from oiso_desktop.storage.engine import verify_key
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.local_database import DB_FILENAME, KEYSTORE_FILENAME
from oiso_desktop.storage.secret_store import MemorySecretStore

# ------------------------------------------------------------------ idle-lock setting


def test_idle_lock_minutes_default_read_by_anyone_set_by_an_admin(team: Team) -> None:
    admin = team.login("admin")
    secretary = team.login("s.leroy")
    assert secretary.settings.idle_lock_minutes() == DEFAULT_IDLE_LOCK_MINUTES == 10
    assert admin.settings.set_idle_lock_minutes(3) == 3
    # Another workstation's session reads the database's value.
    assert secretary.settings.idle_lock_minutes() == 3
    event = admin.events.list(action="setting_changed")[0]
    assert event.user_id == team.ids["admin"]
    assert json.loads(event.details) == {"key": "idle_lock_minutes", "old": 10, "new": 3}
    # The same value again changes nothing and logs nothing.
    admin.settings.set_idle_lock_minutes(3)
    assert len(admin.events.list(action="setting_changed")) == 1


@pytest.mark.parametrize("value", [0, 61, -5, 2.5, True, "5"])
def test_idle_lock_minutes_out_of_range_is_refused_in_french(team: Team, value: object) -> None:
    admin = team.login("admin")
    with pytest.raises(ValidationError) as caught:
        admin.settings.set_idle_lock_minutes(value)  # type: ignore[arg-type]
    assert caught.value.code == "idle_lock_minutes_range"
    assert "comprise entre 1 et 60 minutes" in str(caught.value)
    assert admin.settings.idle_lock_minutes() == 10


def test_only_an_admin_sets_the_idle_lock(team: Team) -> None:
    durand = team.login("p.durand")
    with pytest.raises(PermissionDenied):
        durand.settings.set_idle_lock_minutes(5)
    assert durand.settings.idle_lock_minutes() == 10


# ------------------------------------------------------------------ recovery sheet


def _recovery_opens(folder: Path, code: str) -> bool:
    keystore = Keystore.load(folder / KEYSTORE_FILENAME)
    try:
        candidates = keystore.unlock_recovery(code)
    except AuthenticationError:
        return False
    return any(verify_key(folder / DB_FILENAME, key) for key in candidates)


def test_a_new_recovery_sheet_retires_the_old_code(team: Team, created_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = team.login("admin")
    issued = admin.security.issue_recovery_sheet()
    assert issued.code != created_db.recovery_code
    assert crypto.is_valid_recovery_code(crypto.normalise_recovery_code(issued.code))
    assert issued.structure_name == "Centre de génétique de test"
    assert issued.code not in repr(issued)
    events = admin.events.list(action="recovery_sheet_issued")
    assert len(events) == 1 and events[0].user_id == team.ids["admin"]
    assert issued.code not in events[0].details
    team.close_all()

    assert not _recovery_opens(team.folder, created_db.recovery_code)
    assert _recovery_opens(team.folder, issued.code)
    with pytest.raises(AuthenticationError):
        team.auth.recover(created_db.recovery_code, "admin", "Nouveau-Mot-de-passe-77!")
    session = team.auth.recover(issued.code, "admin", "Nouveau-Mot-de-passe-77!")
    assert session.recovered

    sheet = tmp_path / "fiche.pdf"
    save_recovery_sheet(sheet, issued)
    assert sheet.read_bytes().startswith(b"%PDF")
    session.logout()


def test_only_an_admin_issues_a_recovery_sheet(team: Team, created_db) -> None:  # type: ignore[no-untyped-def]
    durand = team.login("p.durand")
    with pytest.raises(PermissionDenied):
        durand.security.issue_recovery_sheet()
    team.close_all()
    assert _recovery_opens(team.folder, created_db.recovery_code)


# ------------------------------------------------------------------ re-key


def _old_slot_keys(keystore_copy: Path, login: str, password: str) -> list[bytes]:
    return (
        Keystore.load(keystore_copy)
        .unlock_user(login, password, MemorySecretStore())
        .dmk_candidates
    )


def test_rekey_now_makes_an_old_keystore_copy_useless(
    team: Team, created_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    team.login("p.durand")  # the one-time password is replaced: a real slot
    team.close_all()
    copy = tmp_path / "stolen.keystore"
    shutil.copy2(team.folder / KEYSTORE_FILENAME, copy)
    old_keys = _old_slot_keys(copy, "admin", team.passwords["admin"])
    db_path = team.folder / DB_FILENAME
    assert any(verify_key(db_path, key) for key in old_keys)

    admin = team.login("admin")
    admin.security.rekey_now("suspected_compromise")
    event = admin.events.list(action="database_rekeyed")[0]
    assert json.loads(event.details) == {"reason": "suspected_compromise"}
    # The session goes on with the new key (a new account gets a working slot).
    admin.users.list_users()
    team.close_all()

    assert not any(verify_key(db_path, key) for key in old_keys)
    stolen_durand = _old_slot_keys(copy, "p.durand", team.passwords["p.durand"])
    assert not any(verify_key(db_path, key) for key in stolen_durand)
    for login in ("admin", "p.durand"):
        session = AuthService(team.folder, secret_store=MemorySecretStore()).login(
            login, team.passwords[login]
        )
        session.logout()
    assert _recovery_opens(team.folder, created_db.recovery_code)


def test_rekey_now_is_for_admins_and_known_reasons(team: Team) -> None:
    durand = team.login("p.durand")
    with pytest.raises(PermissionDenied):
        durand.security.rekey_now()
    admin = team.login("admin")
    with pytest.raises(ValidationError) as caught:
        admin.security.rekey_now("patient Dupont")
    assert caught.value.code == "rekey_reason"
    assert admin.events.list(action="database_rekeyed") == []


def test_reset_password_with_rekey(team: Team, tmp_path: Path) -> None:
    team.login("p.durand")
    team.close_all()
    copy = tmp_path / "old.keystore"
    shutil.copy2(team.folder / KEYSTORE_FILENAME, copy)
    old_keys = _old_slot_keys(copy, "p.durand", team.passwords["p.durand"])
    db_path = team.folder / DB_FILENAME

    admin = team.login("admin")
    one_time = admin.users.reset_password(team.ids["p.durand"], rekey=True)
    event = admin.events.list(action="database_rekeyed")[0]
    assert json.loads(event.details) == {
        "reason": "password_reset",
        "user_id": team.ids["p.durand"],
    }
    team.close_all()
    assert not any(verify_key(db_path, key) for key in old_keys)
    # The new one-time password opens the database (and must be changed).
    team.passwords["p.durand"] = one_time
    durand = team.login("p.durand")
    durand.patients.search("")


def test_reset_password_without_rekey_keeps_the_key(team: Team) -> None:
    admin = team.login("admin")
    before = admin.ctx.keystore.current_key_id  # type: ignore[union-attr]
    admin.users.reset_password(team.ids["p.bernard"])
    assert admin.ctx.keystore.current_key_id == before  # type: ignore[union-attr]
    assert admin.events.list(action="database_rekeyed") == []


def test_a_sheet_that_cannot_be_kept_retires_nothing(team: Team, created_db) -> None:  # type: ignore[no-untyped-def]
    """The new code is kept (PDF written) before the old one stops working."""
    admin = team.sessions[0]

    def fail(_issued: object) -> None:
        raise OSError("disque plein")

    with pytest.raises(OSError):
        admin.security.issue_recovery_sheet(keep=fail)
    assert admin.events.list(action="recovery_sheet_issued") == []
    AuthService(team.folder, secret_store=MemorySecretStore()).recover(
        created_db.recovery_code, "admin", "Tout-nouveau-2026!"
    ).logout()


def test_a_re_key_asked_with_a_reset_stays_owed_until_done(team: Team) -> None:
    """Third review: a reset with "re-key too" cut short between its commit and the
    re-key left old key-file copies working with nothing to say so."""
    admin = team.sessions[0]
    elsewhere = team.login("p.bernard")  # another session keeps the file open
    elsewhere.patients.search("")
    password = admin.users.reset_password(team.ids["p.durand"], rekey=True)
    assert password  # the new password is handed over even though the re-key waits
    assert admin.security.rekey_owed() == "password_reset"
    elsewhere.logout()
    admin.security.rekey_now("suspected_compromise")
    assert admin.security.rekey_owed() is None
    with pytest.raises(PermissionDenied):
        team.login("p.bernard").security.rekey_owed()
