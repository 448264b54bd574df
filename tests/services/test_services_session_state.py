"""Live account state, the session's own actor, and read/write units of work.

Regression tests of the foundation review: an account's state was read once at
login (a suspended or revoked session kept working, a demoted admin kept
listing users), services trusted the actor passed by the caller, and every
transaction started as a writer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from service_helpers import Team, identity

from oiso_desktop.domain.errors import (
    AuthenticationError,
    PasswordChangeRequired,
    PermissionDenied,
    SessionEnded,
    StorageError,
)
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.context import AccessMode, access_mode_of
from oiso_desktop.services.dto import UserInput
from oiso_desktop.services.event_log import EventService
from oiso_desktop.services.patient_service import PatientService
from oiso_desktop.services.user_service import UserService
from oiso_desktop.storage import engine as engine_mod


def _user_input(session: UserSession, user_id: int, **changes: object) -> tuple[UserInput, int]:
    view = session.users.get_user(user_id)
    data = UserInput(
        login=view.login,
        first_name=view.first_name,
        last_name=view.last_name,
        role=view.role,
        rpps=view.rpps,
        adeli=view.adeli,
        assisted_practitioner_ids=view.assisted_practitioner_ids,
    )
    return dataclasses.replace(data, **changes), view.version  # type: ignore[arg-type]


# ---------------------------------------------------------------- live account state


def test_a_suspended_users_open_session_ends_at_its_next_call(team: Team) -> None:
    admin = team.sessions[0]
    durand = team.login("p.durand")
    durand.patients.create(identity())
    admin.users.suspend(team.ids["p.durand"])

    with pytest.raises(SessionEnded) as excinfo:
        durand.patients.create(identity(birth_name="Autre"))
    assert "suspendu" in str(excinfo.value)
    assert excinfo.value.params["reason"] == "suspended"
    # The session is over: every later call is refused, nothing more is written.
    with pytest.raises(SessionEnded):
        durand.patients.search("")
    assert durand.closed
    assert durand.ctx.dmk is None
    created = [e for e in admin.events.list(action="patient_created")]
    assert len(created) == 1


def test_a_revoked_users_session_ends_and_the_lock_screen_does_not_reopen_it(team: Team) -> None:
    admin = team.sessions[0]
    durand = team.login("p.durand")
    password = team.passwords["p.durand"]
    durand.lock()
    # The re-key waits for the file to be free while durand's session holds it open;
    # the account is revoked at once all the same.
    with contextlib.suppress(StorageError):
        admin.users.revoke(team.ids["p.durand"])
    with pytest.raises((SessionEnded, AuthenticationError)):
        durand.unlock(password)
    with pytest.raises(SessionEnded) as excinfo:
        durand.patients.search("")
    assert excinfo.value.params["reason"] == "revoked"


def test_the_lock_screen_refuses_a_suspended_account_with_the_right_password(team: Team) -> None:
    admin = team.sessions[0]
    durand = team.login("p.durand")
    durand.lock()
    admin.users.suspend(team.ids["p.durand"])
    with pytest.raises(SessionEnded):
        durand.unlock(team.passwords["p.durand"])
    assert durand.closed
    with pytest.raises(SessionEnded):
        durand.patients.search("")


def test_a_role_change_applies_at_the_next_call(team: Team) -> None:
    admin = team.sessions[0]
    second, password = admin.users.create_user(
        UserInput(login="admin2", first_name="Bruno", last_name="Gestion", role=Role.ADMIN)
    )
    team.passwords["admin2"] = password
    other = team.login("admin2")
    assert other.users.list_users()
    data, version = _user_input(admin, second.id, role=Role.SECRETARY)
    admin.users.update_user(second.id, data, expected_version=version)

    with pytest.raises(PermissionDenied):
        other.users.list_users()
    assert other.actor.role is Role.SECRETARY
    assert not other.can(Permission.MANAGE_USERS)


def test_a_suspension_made_by_another_process_ends_this_session(team: Team) -> None:
    """The account state lives in the database: another workstation's change applies."""
    durand = team.login("p.durand")
    durand.patients.search("")
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, "tests")
        import conftest  # cheap argon2 parameters, in-memory keyring
        from oiso_desktop.services.auth_service import AuthService
        from oiso_desktop.storage.secret_store import MemorySecretStore
        folder, password, user_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
        admin = AuthService(folder, secret_store=MemorySecretStore()).login("admin", password)
        admin.users.suspend(user_id)
        admin.logout()
        """
    )
    env = dict(os.environ)
    subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(team.folder),
            team.passwords["admin"],
            str(team.ids["p.durand"]),
        ],
        check=True,
        env=env,
        timeout=60,
    )
    with pytest.raises(SessionEnded):
        durand.patients.search("")


# ---------------------------------------------------------------- the session's actor


def test_services_take_no_actor_from_the_caller(team: Team) -> None:
    """A secretary's session cannot act as an administrator, whatever it passes."""
    secretary = team.login("s.leroy")
    forged_admin = dataclasses.replace(secretary.actor, role=Role.ADMIN)
    # No service method accepts an actor argument any more.
    with pytest.raises(TypeError):
        secretary.users.create_user(  # type: ignore[call-arg]
            forged_admin,
            UserInput(login="pirate", first_name="Pi", last_name="Rate", role=Role.ADMIN),
        )
    # Forging the session's cached actor changes nothing: each call re-reads it.
    secretary.ctx.actor = forged_admin
    with pytest.raises(PermissionDenied):
        secretary.users.create_user(
            UserInput(login="pirate", first_name="Pi", last_name="Rate", role=Role.ADMIN)
        )
    assert secretary.actor.role is Role.SECRETARY
    admin = team.sessions[0]
    assert "pirate" not in {u.login for u in admin.users.list_users()}


def test_a_forged_user_id_does_not_open_another_practitioners_file(team: Team) -> None:
    durand = team.login("p.durand")
    bernard = team.login("p.bernard")
    file = durand.patients.create(identity())
    bernard.ctx.actor = dataclasses.replace(bernard.actor, user_id=team.ids["p.durand"])
    with pytest.raises(PermissionDenied):
        bernard.patients.get(file.id)
    assert bernard.patients.search("Lefèvre").total == 0


def test_a_one_time_password_allows_only_changing_it_or_logging_out(team: Team) -> None:
    session = team.auth.login("p.durand", team.passwords["p.durand"])
    team.sessions.append(session)
    assert session.must_change_password
    with pytest.raises(PasswordChangeRequired):
        session.patients.search("")
    with pytest.raises(PasswordChangeRequired):
        session.patients.create(identity())
    with pytest.raises(PasswordChangeRequired):
        session.events.list()
    session.change_password(team.passwords["p.durand"], "Tournesol-77-Quai-2468!")
    assert session.patients.search("").total == 0
    session.logout()


def test_every_public_service_method_declares_whether_it_reads_or_writes() -> None:
    undeclared = []
    pure = {"can"}  # answers from the session's role, opens no unit of work
    for cls in (UserService, PatientService, EventService, UserSession):
        for name, member in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("_") or name in pure:
                continue
            if access_mode_of(member) is None:
                undeclared.append(f"{cls.__name__}.{name}")
    assert undeclared == []
    assert access_mode_of(PatientService.get) is AccessMode.WRITE  # logs patient_viewed
    assert access_mode_of(PatientService.search) is AccessMode.READ


# ---------------------------------------------------------------- read units of work


def test_reads_run_while_another_workstation_holds_the_write_lock(team: Team) -> None:
    """Before: every read began with BEGIN IMMEDIATE and waited for the writer."""
    durand = team.login("p.durand")
    durand.patients.create(identity())
    writer = team.login("p.bernard")
    hold = threading.Event()
    release = threading.Event()

    def hold_write_lock() -> None:
        with writer.ctx.database.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE settings SET value = value WHERE key = 'x'")
            hold.set()
            release.wait(10)

    thread = threading.Thread(target=hold_write_lock)
    thread.start()
    try:
        assert hold.wait(5)
        started = time.monotonic()
        assert durand.patients.search("Lefèvre").total == 1
        elapsed = time.monotonic() - started
    finally:
        release.set()
        thread.join(10)
    # The busy timeout is 5 s: a read that waited for the writer would take that long.
    assert elapsed < engine_mod.BUSY_TIMEOUT_MS / 1000 / 2


def test_a_read_unit_of_work_cannot_write(team: Team) -> None:
    from sqlalchemy.exc import OperationalError

    from oiso_desktop.storage.models import Setting

    admin = team.sessions[0]
    with pytest.raises(OperationalError), admin.ctx.unit_of_work(AccessMode.READ) as uow:
        uow.session.add(Setting(key="read_only_probe", value="1"))
        uow.flush()
    with admin.ctx.unit_of_work(AccessMode.READ) as uow:
        assert uow.session.get(Setting, "read_only_probe") is None


def test_an_undeclared_call_cannot_open_a_unit_of_work(team: Team) -> None:
    admin = team.sessions[0]
    with pytest.raises(RuntimeError):
        admin.ctx.unit_of_work()


# ---------------------------------------------------------------- the database key


def test_the_database_key_is_kept_only_where_needed_and_never_shown(team: Team) -> None:
    admin = team.sessions[0]
    dmk = admin.ctx.dmk
    assert dmk is not None  # an administrator gives slots and re-keys
    texts = [
        repr(admin),
        repr(admin.ctx),
        str(admin.ctx),
        repr(admin.ctx.database),
        repr(admin.ctx.slot_key),
        repr(admin.ctx.keystore),
    ]
    for text in texts:
        assert dmk.hex() not in text and dmk.hex().upper() not in text
        assert repr(dmk) not in text
    durand = team.login("p.durand")
    assert durand.ctx.dmk is None  # nobody else keeps it
    admin.logout()
    assert admin.ctx.dmk is None and admin.ctx.slot_key is None
    assert engine_mod.engine_key(admin.ctx.database.engine) == b""  # the engine forgot it


def test_the_lock_screen_of_a_suspended_account_tries_no_password(team: Team) -> None:
    """The account is read before the password: nothing is counted or reset for it."""
    admin = team.sessions[0]
    durand = team.login("p.durand")
    durand.lock()
    admin.users.suspend(team.ids["p.durand"])
    failures_before = (
        (team.folder / "oiso.failures").read_bytes()
        if (team.folder / "oiso.failures").exists()
        else b""
    )
    with pytest.raises(SessionEnded):
        durand.unlock("Pas-le-bon-2026!")
    after = (
        (team.folder / "oiso.failures").read_bytes()
        if (team.folder / "oiso.failures").exists()
        else b""
    )
    assert after == failures_before
    assert durand.closed
