"""Login, lockout, disabled accounts, lock screen, password change, recovery."""

from __future__ import annotations

import json

import pytest
from service_helpers import Clock, Team

from oiso_desktop.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationError,
    PasswordPolicyError,
    ValidationError,
)
from oiso_desktop.services.auth_service import AuthService, lockout_delay
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.local_database import FAILURES_FILENAME, KEYSTORE_FILENAME


def _keystore(folder) -> Keystore:  # type: ignore[no-untyped-def]
    return Keystore.load(folder / KEYSTORE_FILENAME)


def test_unknown_login_and_wrong_password_get_the_same_answer(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    keystore_before = (created_db.folder / KEYSTORE_FILENAME).read_bytes()
    with pytest.raises(AuthenticationError) as unknown:
        auth.login("personne", "Correct-horse-42!")
    with pytest.raises(AuthenticationError) as wrong:
        auth.login("admin", "Mauvais-mot-2026!")
    assert type(unknown.value) is type(wrong.value) is AuthenticationError
    assert str(unknown.value) == str(wrong.value) == "Identifiant ou mot de passe incorrect."
    # Failures go to their own file; the keystore is not rewritten by them.
    assert (created_db.folder / KEYSTORE_FILENAME).read_bytes() == keystore_before
    counters = _keystore(created_db.folder).failures.counters()  # type: ignore[union-attr]
    assert counters["login:admin"]["login"] == "admin"
    (unknown_key,) = [key for key in counters if key.startswith("unknown:")]
    assert counters[unknown_key]["login"] == ""
    assert b"personne" not in (created_db.folder / FAILURES_FILENAME).read_bytes()


def test_five_failures_lock_the_account_with_a_growing_delay(
    created_db,  # type: ignore[no-untyped-def]
    auth: AuthService,
    clock: Clock,
) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("admin", "Mauvais-mot-2026!")
        clock.advance(seconds=10)
    # Locked even with the right password, without trying it.
    with pytest.raises(AccountLocked) as locked:
        auth.login("admin", created_db.admin_password)
    assert locked.value.params["retry_after_seconds"] == 60 - 10
    assert str(locked.value) == "Trop de tentatives échouées. Réessayez dans 1 minute(s)."

    clock.advance(seconds=51)
    with pytest.raises(AuthenticationError) as sixth:
        auth.login("admin", "Mauvais-mot-2026!")
    assert not isinstance(sixth.value, AccountLocked)
    with pytest.raises(AccountLocked) as again:
        auth.login("admin", created_db.admin_password)
    assert again.value.params["retry_after_seconds"] == 120
    assert "2 minute(s)" in str(again.value)
    assert [lockout_delay(n) for n in (4, 5, 6, 7, 9, 20)] == [0, 60, 120, 240, 960, 1800]

    clock.advance(minutes=2)
    session = auth.login("admin", created_db.admin_password)
    try:
        failed = [e for e in session.events.list() if e.action == "login_failed"]
        assert len(failed) == 6
        assert all(e.login == "admin" and e.user_id == created_db.admin_user_id for e in failed)
        assert json.loads(failed[-1].details)["attempted_at"] == "2026-03-02T09:00:00.000000Z"
    finally:
        session.logout()
    # Moved into the event log: nothing is left to report.
    counters = _keystore(created_db.folder).failures.counters()  # type: ignore[union-attr]
    assert all(not c["unreported"] and not c["overflow"] for c in counters.values())


def test_failures_of_another_login_do_not_lock_this_one(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    for _ in range(6):
        with pytest.raises(AuthenticationError):
            auth.login("quelquun", "Mauvais-mot-2026!")
    auth.login("admin", created_db.admin_password).logout()


def test_a_suspended_user_cannot_log_in_until_reactivated(team: Team) -> None:
    admin = team.sessions[0]
    admin.users.suspend(team.ids["p.durand"])
    with pytest.raises(AccountDisabled) as excinfo:
        team.auth.login("p.durand", team.passwords["p.durand"])
    assert str(excinfo.value) == "Ce compte est désactivé. Contactez l'administrateur."
    admin.users.reactivate(team.ids["p.durand"])
    session = team.auth.login("p.durand", team.passwords["p.durand"])
    team.sessions.append(session)
    assert session.must_change_password is True


def test_password_change_replaces_the_old_password(team: Team) -> None:
    session = team.login("p.durand")
    old = team.passwords["p.durand"]
    with pytest.raises(PasswordPolicyError):
        session.change_password(old, old)
    with pytest.raises(PasswordPolicyError):
        session.change_password(old, "durand-Paul-2026!x")
    with pytest.raises(AuthenticationError):
        session.change_password("Pas-le-bon-2026!", "Nouveau-secret-77?")
    session.change_password(old, "Nouveau-secret-77?")
    assert session.must_change_password is False
    session.logout()

    with pytest.raises(AuthenticationError):
        team.auth.login("p.durand", old)
    again = team.auth.login("p.durand", "Nouveau-secret-77?")
    try:
        assert again.must_change_password is False
        actions = [e.action for e in again.events.list()]
        assert "password_changed" in actions
    finally:
        again.logout()


def test_lock_and_unlock_are_logged_and_a_wrong_unlock_is_refused(team: Team) -> None:
    session = team.login("p.durand")
    session.lock()
    assert session.locked
    with pytest.raises(AuthenticationError):
        session.unlock("Pas-le-bon-2026!")
    assert session.locked
    session.unlock(team.passwords["p.durand"])
    assert not session.locked
    actions = [e.action for e in reversed(session.events.list())]
    assert actions[-3:] == ["lock", "login_failed", "unlock"]


def test_the_recovery_code_gives_an_admin_a_new_password(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationError):
        auth.recover("AAAA-AAAA-AAAA-AAAA-AAAAA-AAAAA", "admin", "Tout-nouveau-2026!")
    with pytest.raises(ValidationError):
        auth.recover(created_db.recovery_code, "personne", "Tout-nouveau-2026!")

    session = auth.recover(created_db.recovery_code.lower(), "admin", "Tout-nouveau-2026!")
    try:
        assert session.actor.user_id == created_db.admin_user_id
        actions = [e.action for e in session.events.list()]
        assert "recovery_used" in actions
    finally:
        session.logout()
    with pytest.raises(AuthenticationError):
        auth.login("admin", created_db.admin_password)
    auth.login("admin", "Tout-nouveau-2026!").logout()


def test_recovery_only_for_an_active_admin(team: Team, created_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as excinfo:
        team.auth.recover(created_db.recovery_code, "p.durand", "Tout-nouveau-2026!")
    assert excinfo.value.field == "admin_login"
    # The practitioner's password is unchanged.
    team.login("p.durand")


def test_wrong_passwords_at_the_lock_screen_are_throttled(team: Team) -> None:
    session = team.login("p.durand")
    session.lock()
    for _ in range(5):
        with pytest.raises(AuthenticationError) as refused:
            session.unlock("Pas-le-bon-2026!")
        assert not isinstance(refused.value, AccountLocked)
    # The sixth try is refused before the password is even checked, the right one too.
    with pytest.raises(AccountLocked):
        session.unlock(team.passwords["p.durand"])
    assert session.locked


def test_a_recovery_can_re_key_so_a_copy_of_the_old_key_file_no_longer_opens(
    created_db, auth, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Suspected compromise: the recovery changes the database key at once."""
    import shutil

    from oiso_desktop.storage.engine import verify_key
    from oiso_desktop.storage.keystore import Keystore
    from oiso_desktop.storage.secret_store import MemorySecretStore

    shutil.copy(created_db.folder / "oiso.keystore", tmp_path / "old.keystore")
    old = Keystore.load(tmp_path / "old.keystore").unlock_user(
        created_db.admin_login, created_db.admin_password, MemorySecretStore()
    )
    session = auth.recover(created_db.recovery_code, "admin", "Tout-nouveau-2026!", rekey=True)
    try:
        assert session.rekey_error is None
        reasons = [e.details for e in session.events.list(action="database_rekeyed")]
        assert len(reasons) == 1 and "suspected_compromise" in reasons[0]
    finally:
        session.logout()
    db_file = created_db.folder / "oiso.db"
    assert not any(verify_key(db_file, key, check_integrity=False) for key in old.dmk_candidates)
    # The new password and the (unchanged) recovery code still open the database.
    auth.login("admin", "Tout-nouveau-2026!").logout()
    auth.recover(created_db.recovery_code, "admin", "Encore-plus-neuf-2026!").logout()


def test_the_right_code_with_a_non_admin_login_leaves_a_trace(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        auth.recover(created_db.recovery_code, "personne", "Tout-nouveau-2026!")
    session = auth.login(created_db.admin_login, created_db.admin_password)
    try:
        refused = session.events.list(action="recovery_refused")
    finally:
        session.logout()
    assert len(refused) == 1
    assert refused[0].login == "" and "personne" not in refused[0].details
