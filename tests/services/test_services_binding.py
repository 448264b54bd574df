"""Binding one's own key slot to this computer, and the locked session."""

from __future__ import annotations

import json

import keyring
import pytest
from service_helpers import Team

from oiso_desktop.domain.errors import AuthenticationError, KeyringUnavailable
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.local_database import KEYSTORE_FILENAME
from oiso_desktop.storage.secret_store import MemorySecretStore, OsKeyringSecretStore


class _NoKeyring(MemorySecretStore):
    def available(self) -> bool:
        return False


def _slot(folder, user_id: int) -> dict:  # type: ignore[no-untyped-def]
    data = json.loads((folder / KEYSTORE_FILENAME).read_text(encoding="utf-8"))
    return next(s for s in data["slots"] if s.get("user_id") == user_id)


def test_binding_then_losing_the_keyring_secret_then_recovery_then_unbinding(
    created_db,  # type: ignore[no-untyped-def]
) -> None:
    store = OsKeyringSecretStore()
    auth = AuthService(created_db.folder, secret_store=store)
    session = auth.login(created_db.admin_login, created_db.admin_password)
    assert session.computer_binding_available()
    assert not session.is_bound_to_this_computer()

    session.set_computer_binding(created_db.admin_password, True)
    assert session.is_bound_to_this_computer()
    slot = _slot(created_db.folder, created_db.admin_user_id)
    assert slot["bound"] is True
    entry = slot["keyring_entry"]
    assert store.get(entry) is not None
    actions = [e.action for e in session.events.list()]
    assert actions[0] == "computer_binding_changed"
    session.logout()

    # The bound slot opens with the keyring secret...
    auth.login(created_db.admin_login, created_db.admin_password).logout()
    # ...but not without it (files copied off the computer), nor with another store.
    with pytest.raises(KeyringUnavailable):
        AuthService(created_db.folder, secret_store=MemorySecretStore()).login(
            created_db.admin_login, created_db.admin_password
        )
    secret = store.get(entry)
    keyring.delete_password("OISO Desktop", entry)
    with pytest.raises(KeyringUnavailable):
        auth.login(created_db.admin_login, created_db.admin_password)
    store.set(entry, secret)  # type: ignore[arg-type]

    session = auth.login(created_db.admin_login, created_db.admin_password)
    session.set_computer_binding(created_db.admin_password, False)
    assert not session.is_bound_to_this_computer()
    assert store.get(entry) is None  # the keyring secret is gone with the binding
    session.logout()
    AuthService(created_db.folder, secret_store=MemorySecretStore()).login(
        created_db.admin_login, created_db.admin_password
    ).logout()


def test_a_wrong_password_or_no_keyring_changes_nothing(created_db) -> None:  # type: ignore[no-untyped-def]
    keystore_file = created_db.folder / KEYSTORE_FILENAME
    session = AuthService(created_db.folder, secret_store=OsKeyringSecretStore()).login(
        created_db.admin_login, created_db.admin_password
    )
    before = keystore_file.read_bytes()
    with pytest.raises(AuthenticationError):
        session.set_computer_binding("Pas-le-bon-2026!", True)
    assert keystore_file.read_bytes() == before
    session.logout()

    session = AuthService(created_db.folder, secret_store=_NoKeyring()).login(
        created_db.admin_login, created_db.admin_password
    )
    assert not session.computer_binding_available()
    with pytest.raises(KeyringUnavailable, match="trousseau"):
        session.set_computer_binding(created_db.admin_password, True)
    assert keystore_file.read_bytes() == before
    session.logout()


def test_a_locked_session_refuses_every_service_call(team: Team) -> None:
    session = team.login("p.durand")
    admin = team.login("admin")
    session.lock()
    admin.lock()
    for call in (
        lambda: session.patients.search("dupont"),
        lambda: session.events.list(),
        lambda: admin.users.list_users(),
    ):
        with pytest.raises(AuthenticationError) as refused:
            call()
        assert refused.value.code == "session_locked"
        assert "verrouillée" in str(refused.value)
    session.unlock(team.passwords["p.durand"])
    admin.unlock(team.passwords["admin"])
    assert session.patients.search("dupont").total == 0
    assert admin.users.list_users()
