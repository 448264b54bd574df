"""Account management: administrators only, validated, logged, revocation re-keys."""

from __future__ import annotations

import shutil

import pytest
from service_helpers import RPPS_DURAND, Team

from oiso_desktop.domain.errors import (
    AuthenticationError,
    ConcurrentEditError,
    PermissionDenied,
    SessionEnded,
    ValidationError,
)
from oiso_desktop.domain.identifiers import RppsLuhnMismatch
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.dto import UserInput
from oiso_desktop.storage.engine import verify_key
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.local_database import DB_FILENAME, KEYSTORE_FILENAME
from oiso_desktop.storage.secret_store import MemorySecretStore


def _practitioner(login: str = "m.roux", **overrides: object) -> UserInput:
    values: dict[str, object] = {
        "login": login,
        "first_name": "Marc",
        "last_name": "Roux",
        "role": Role.PRACTITIONER,
        "rpps": "10000555556",
    }
    values.update(overrides)
    return UserInput(**values)  # type: ignore[arg-type]


def test_only_an_administrator_manages_accounts(team: Team) -> None:
    practitioner = team.login("p.durand")
    with pytest.raises(PermissionDenied) as excinfo:
        practitioner.users.create_user(_practitioner())
    assert str(excinfo.value) == "Action réservée aux administrateurs."
    with pytest.raises(PermissionDenied):
        practitioner.users.list_users()
    with pytest.raises(PermissionDenied):
        practitioner.users.suspend(team.ids["p.bernard"])
    # Reading one's own account is allowed.
    assert practitioner.users.get_user(team.ids["p.durand"]).rpps == RPPS_DURAND


def test_account_input_is_validated(team: Team) -> None:
    admin = team.sessions[0]
    with pytest.raises(RppsLuhnMismatch):
        admin.users.create_user(_practitioner(rpps="10000555557"))
    view, _ = admin.users.create_user(_practitioner(rpps="10000555557", rpps_luhn_confirmed=True))
    assert view.rpps == "10000555557"
    with pytest.raises(ValidationError) as taken:
        admin.users.create_user(_practitioner(login="M.Roux"))
    assert taken.value.field == "login"
    with pytest.raises(ValidationError) as bad_login:
        admin.users.create_user(_practitioner(login="marc roux"))
    assert bad_login.value.field == "login"
    with pytest.raises(ValidationError) as no_id:
        admin.users.create_user(_practitioner(login="x.dupuis", rpps=""))
    assert no_id.value.field == "rpps"
    with pytest.raises(ValidationError) as email:
        admin.users.create_user(_practitioner(login="x.dupuis", email="pas-un-email"))
    assert email.value.field == "email"
    with pytest.raises(ValidationError):  # a secretary assists practitioners only
        admin.users.create_user(
            UserInput(
                login="s.faure",
                first_name="Sonia",
                last_name="Faure",
                role=Role.SECRETARY,
                assisted_practitioner_ids=(team.ids["s.leroy"],),
            ),
        )
    logins = [u.login for u in admin.users.list_users()]
    assert "x.dupuis" not in logins and "s.faure" not in logins


def test_a_new_account_gets_a_one_time_password(team: Team) -> None:
    admin = team.sessions[0]
    view, password = admin.users.create_user(_practitioner())
    assert view.must_change_password is True
    assert view.status is AccountStatus.ACTIVE
    session = team.auth.login("m.roux", password)
    try:
        assert session.must_change_password is True
    finally:
        session.logout()
    secretary = admin.users.get_user(team.ids["s.leroy"])
    assert secretary.assisted_practitioner_ids == (team.ids["p.durand"],)


def test_an_admin_cannot_suspend_themself_nor_the_last_admin(team: Team) -> None:
    admin = team.sessions[0]
    with pytest.raises(ValidationError):
        admin.users.suspend(admin.actor.user_id)
    with pytest.raises(ValidationError):
        admin.users.revoke(admin.actor.user_id)
    other, password = admin.users.create_user(
        UserInput(login="admin2", first_name="Bruno", last_name="Admin", role=Role.ADMIN),
    )
    second = team.auth.login("admin2", password)
    team.sessions.append(second)
    # admin2 is suspended while their session is still open: that session ends at
    # its next call, so admin2 cannot suspend the last active administrator.
    admin.users.suspend(other.id)
    with pytest.raises(SessionEnded) as excinfo:
        second.users.suspend(admin.actor.user_id)
    assert excinfo.value.params["reason"] == "suspended"
    with pytest.raises(ValidationError) as own_role:
        admin.users.update_user(
            admin.actor.user_id,
            UserInput(login="admin", first_name="Alice", last_name="Martin", role=Role.SECRETARY),
            expected_version=admin.users.get_user(admin.actor.user_id).version,
        )
    assert own_role.value.field == "role"


def test_a_stale_edit_is_refused(team: Team) -> None:
    admin = team.sessions[0]
    loaded = admin.users.get_user(team.ids["p.durand"])
    data = UserInput(
        login="p.durand",
        first_name="Paul",
        last_name="Durand",
        role=Role.PRACTITIONER,
        rpps=RPPS_DURAND,
        specialty="Oncogénétique",
    )
    updated = admin.users.update_user(loaded.id, data, expected_version=loaded.version)
    assert updated.version == loaded.version + 1
    assert updated.specialty == "Oncogénétique"
    before = len(admin.events.list())
    with pytest.raises(ConcurrentEditError):
        admin.users.update_user(
            loaded.id,
            UserInput(**{**data.__dict__, "email": "paul.durand@chu.fr"}),
            expected_version=loaded.version,
        )
    assert len(admin.events.list()) == before  # no event for a refused edit
    event = admin.events.list(action="user_updated")[0]
    assert event.details == '{"fields":["specialty"]}'


def test_revoking_re_keys_so_a_copy_of_the_old_slot_no_longer_opens(team: Team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    admin = team.sessions[0]
    copy = tmp_path / "stolen.keystore"
    shutil.copy(team.folder / KEYSTORE_FILENAME, copy)
    old_slot = Keystore.load(copy).unlock_user(
        "p.durand", team.passwords["p.durand"], MemorySecretStore()
    )
    assert verify_key(team.folder / DB_FILENAME, old_slot.dmk_candidates[0])

    view = admin.users.revoke(team.ids["p.durand"])
    assert view.status is AccountStatus.REVOKED

    assert not any(verify_key(team.folder / DB_FILENAME, key) for key in old_slot.dmk_candidates)
    with pytest.raises(AuthenticationError):
        team.auth.login("p.durand", team.passwords["p.durand"])
    # Everyone else still logs in, and the admin can still create accounts.
    team.login("p.bernard")
    team.login("s.leroy")
    _, password = admin.users.create_user(_practitioner())
    team.auth.login("m.roux", password).logout()
    actions = [e.action for e in admin.events.list()]
    assert actions.index("database_rekeyed") < actions.index("user_revoked")  # newest first
    assert admin.events.verify().ok


def test_reset_password_gives_a_new_one_time_password(team: Team) -> None:
    admin = team.sessions[0]
    old = team.passwords["p.bernard"]
    new = admin.users.reset_password(team.ids["p.bernard"])
    assert new != old
    with pytest.raises(AuthenticationError):
        team.auth.login("p.bernard", old)
    session = team.auth.login("p.bernard", new)
    try:
        assert session.must_change_password is True
    finally:
        session.logout()


def test_list_practitioners_depends_on_the_role(team: Team) -> None:
    admin = team.sessions[0]
    names = {u.login for u in admin.users.list_practitioners()}
    assert names == {"p.durand", "p.bernard", "c.petit"}
    secretary = team.login("s.leroy")
    assert [u.login for u in secretary.users.list_practitioners()] == ["p.durand"]


def test_a_revocation_whose_re_key_fails_removes_the_slot_and_can_be_finished(
    team: Team,
) -> None:
    from oiso_desktop.domain.errors import OisoError

    admin = team.sessions[0]
    durand_id = team.ids["p.durand"]
    other = team.login("p.bernard")
    # Another session reading the file: the re-key cannot take the file for itself.
    raw = other.ctx.database.engine.raw_connection()
    reader = raw.driver_connection
    reader.execute("BEGIN DEFERRED")
    reader.execute("SELECT count(*) FROM users").fetchall()
    try:
        with pytest.raises(OisoError):
            admin.users.revoke(durand_id)
    finally:
        reader.execute("ROLLBACK")
        raw.close()
    assert admin.users.get_user(durand_id).status == AccountStatus.REVOKED
    assert not Keystore.load(team.folder / KEYSTORE_FILENAME).has_slot(durand_id)
    with pytest.raises(AuthenticationError):
        team.auth.login("p.durand", team.passwords["p.durand"])

    other.logout()
    before = Keystore.load(team.folder / KEYSTORE_FILENAME).current_key_id
    admin.users.revoke(durand_id)  # finishes: a new database key
    assert Keystore.load(team.folder / KEYSTORE_FILENAME).current_key_id != before
    team.login("p.bernard")


def test_a_revocation_cut_short_after_its_commit_is_finished_later(team: Team) -> None:
    """A process killed (or a keystore lock timing out) after the account was marked
    revoked but before the re-key began left a slot that still opened the file, with
    nothing pending: the revoked slot holder is now listed and dropped."""
    from sqlalchemy import update

    from oiso_desktop.services.context import AccessMode
    from oiso_desktop.storage.models import User
    from oiso_desktop.storage.secret_store import MemorySecretStore

    admin = team.sessions[0]
    team.login("p.durand").logout()
    durand = team.ids["p.durand"]
    old = Keystore.load(team.folder / "oiso.keystore").unlock_user(
        "p.durand", team.passwords["p.durand"], MemorySecretStore()
    )
    # The state such an interruption leaves: revoked in the database, slot still there.
    with admin.ctx.unit_of_work(AccessMode.WRITE) as uow:
        uow.session.execute(update(User).where(User.id == durand).values(status="revoked"))
        uow.commit()
    db_file = team.folder / "oiso.db"
    assert any(verify_key(db_file, key, check_integrity=False) for key in old.dmk_candidates)
    assert admin.users.pending_revocations() == (durand,)

    assert admin.users.finish_revocation() == (durand,)
    assert admin.users.pending_revocations() == ()
    assert not Keystore.load(team.folder / "oiso.keystore").has_slot(durand)
    assert not any(verify_key(db_file, key, check_integrity=False) for key in old.dmk_candidates)
    team.login("p.bernard").logout()  # everyone else still opens it


def test_re_keying_now_also_drops_a_revoked_accounts_leftover_slot(team: Team) -> None:
    from sqlalchemy import update

    from oiso_desktop.services.context import AccessMode
    from oiso_desktop.storage.models import User

    admin = team.sessions[0]
    durand = team.ids["p.durand"]
    with admin.ctx.unit_of_work(AccessMode.WRITE) as uow:
        uow.session.execute(update(User).where(User.id == durand).values(status="revoked"))
        uow.commit()
    admin.security.rekey_now("suspected_compromise")
    assert not Keystore.load(team.folder / "oiso.keystore").has_slot(durand)
    assert admin.users.pending_revocations() == ()


def test_a_session_whose_slot_was_replaced_cannot_lose_a_revocation(team: Team, created_db) -> None:  # type: ignore[no-untyped-def]
    """Second review: a re-key by a session whose own slot had been replaced (the
    recovery code used elsewhere) dropped the slots, then gave up and forgot the
    drops: the revoked user's old slot copy kept opening the file, nothing pending."""
    from oiso_desktop.domain.errors import StorageError
    from oiso_desktop.storage.secret_store import MemorySecretStore

    admin = team.sessions[0]
    team.login("p.durand").logout()
    durand = team.ids["p.durand"]
    old = Keystore.load(team.folder / "oiso.keystore").unlock_user(
        "p.durand", team.passwords["p.durand"], MemorySecretStore()
    )
    # Elsewhere, the recovery code gives "admin" a new slot (new key pair).
    elsewhere = team.auth.recover(created_db.recovery_code, "admin", "Tout-nouveau-2026!")
    elsewhere.logout()
    with pytest.raises(StorageError) as info:
        admin.users.revoke(durand)
    assert info.value.code == "stale_slot_key"
    assert admin.users.get_user(durand).status is AccountStatus.REVOKED
    # Nothing was lost: the revocation is still owed and shown as pending.
    admin.logout()
    fresh = team.auth.login("admin", "Tout-nouveau-2026!")
    team.sessions.append(fresh)
    assert fresh.users.pending_revocations() == (durand,)
    assert fresh.users.finish_revocation() == (durand,)
    db_file = team.folder / "oiso.db"
    assert not any(verify_key(db_file, key, check_integrity=False) for key in old.dmk_candidates)
