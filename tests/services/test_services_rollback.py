"""An older copy of the database copied back over the current one is noticed at login."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from service_helpers import Team

from oiso_desktop.services.rollback_guard import ROLLBACK_ACTION, STATE_FILENAME
from oiso_desktop.storage.local_database import DB_FILENAME, KEYSTORE_FILENAME
from oiso_desktop.system import paths


def _snapshot(team: Team, target: Path) -> None:
    """Copy the two files while no session has them open (as a backup would)."""
    team.close_all()
    folder = team.folder
    target.mkdir()
    for name in (DB_FILENAME, KEYSTORE_FILENAME):
        shutil.copy2(folder / name, target / name)


def _put_back(snapshot: Path, team: Team) -> None:
    team.close_all()
    folder = team.folder
    for suffix in ("-wal", "-shm"):
        (folder / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    for name in (DB_FILENAME, KEYSTORE_FILENAME):
        shutil.copy2(snapshot / name, folder / name)


def _state() -> dict:
    return json.loads((paths.user_state_folder() / STATE_FILENAME).read_text(encoding="utf-8"))


def test_an_older_copy_put_back_is_reported_once_and_logged(team: Team, tmp_path: Path) -> None:
    admin = team.login("admin")
    uuid = admin.ctx.database.database_uuid
    admin.logout()
    snapshot = tmp_path / "snapshot"
    _snapshot(team, snapshot)

    durand = team.login("p.durand")
    for _ in range(3):
        durand.patients.search("martin")
    durand.logout()
    seen = _state()["databases"][uuid]["users"]
    newest = max(entry["event_id"] for entry in seen.values())

    _put_back(snapshot, team)
    admin = team.login("admin")
    warning = admin.rollback_warning
    assert warning is not None
    assert warning.remembered_id == newest
    assert warning.found_id < newest
    assert f"n°{newest}" in warning.message and "copie plus ancienne" in warning.message
    events = admin.events.list(action=ROLLBACK_ACTION)
    assert len(events) == 1
    assert json.loads(events[0].details) == {
        "remembered_id": warning.remembered_id,
        "found_id": warning.found_id,
    }
    admin.logout()
    # Warned once: the copy now in use is what this computer has seen.
    again = team.login("admin")
    assert again.rollback_warning is None


def test_an_older_copy_that_received_more_events_is_still_reported(
    team: Team, tmp_path: Path
) -> None:
    """The head id may pass the remembered one: the remembered event's hash tells."""
    team.login("admin").logout()
    snapshot = tmp_path / "snapshot"
    _snapshot(team, snapshot)
    durand = team.login("p.durand")
    durand.patients.search("a")
    durand.logout()
    remembered = max(
        entry["event_id"] for db in _state()["databases"].values() for entry in db["users"].values()
    )
    _put_back(snapshot, team)
    # Someone works on the old copy on another computer (its own state folder).
    other_computer = paths.user_state_folder() / STATE_FILENAME
    saved = other_computer.read_bytes()
    other_computer.unlink()
    elsewhere = team.login("admin")
    while _head_id(elsewhere) <= remembered:
        elsewhere.events.verify()  # writes an event
    elsewhere.logout()
    other_computer.write_bytes(saved)

    admin = team.login("admin")
    assert admin.rollback_warning is not None
    assert admin.rollback_warning.found_id > remembered
    assert admin.events.list(action=ROLLBACK_ACTION)


def _head_id(session) -> int:  # type: ignore[no-untyped-def]
    from oiso_desktop.services.context import AccessMode
    from oiso_desktop.services.event_log import chain_head

    with session.ctx.unit_of_work(AccessMode.READ) as uow:
        head = chain_head(uow)
    assert head is not None
    return head[0]


def test_a_normal_sequence_never_warns(team: Team) -> None:
    for login in ("admin", "p.durand", "admin", "s.leroy", "p.durand"):
        session = team.login(login)
        assert session.rollback_warning is None
        if login == "admin":
            session.users.list_users()
        else:
            session.patients.search("x")
        session.logout()
    admin = team.login("admin")
    assert admin.rollback_warning is None
    assert admin.events.list(action=ROLLBACK_ACTION) == []
    state = _state()["databases"][admin.ctx.database.database_uuid]["users"]
    assert set(state) == {str(team.ids[name]) for name in ("admin", "p.durand", "s.leroy")}
    # Nothing but event ids, hashes and times is kept outside the database.
    for entry in state.values():
        assert set(entry) == {"event_id", "hash", "seen_at"}


_OTHER_PROCESS = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, "tests")
    import conftest  # cheap argon2 parameters, in-memory keyring
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.storage.secret_store import MemorySecretStore
    folder, login, password = sys.argv[1], sys.argv[2], sys.argv[3]
    session = AuthService(folder, secret_store=MemorySecretStore()).login(login, password)
    warned = session.rollback_warning is not None
    session.patients.search("dupont")
    session.logout()
    print("WARNED" if warned else "OK")
    """
)


def _login_in_another_process(team: Team, login: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS, str(team.folder), login, team.passwords[login]],
        check=True,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    return result.stdout.strip()


def test_two_processes_taking_turns_never_raise_a_false_alarm(team: Team) -> None:
    durand = team.login("p.durand")
    durand.logout()
    admin = team.login("admin")  # stays open while the other process works
    for _round in range(2):
        assert _login_in_another_process(team, "p.durand") == "OK"
        admin.users.list_users()
        admin.patients  # noqa: B018
        assert _login_in_another_process(team, "p.durand") == "OK"
    admin.logout()
    for login in ("admin", "p.durand"):
        session = team.login(login)
        assert session.rollback_warning is None
        session.logout()
    assert _login_in_another_process(team, "p.durand") == "OK"


def test_instances_remembering_at_once_keep_every_head(tmp_path: Path) -> None:
    """The state file is shared by every instance of the OS user: read-modify-write
    under a file lock, so none drops another's heads (four real processes)."""
    state = tmp_path / "state" / STATE_FILENAME
    script = textwrap.dedent(
        """
        import datetime as dt, sys
        from pathlib import Path
        from oiso_desktop.services.rollback_guard import SeenHeads
        store, first = SeenHeads(Path(sys.argv[1])), int(sys.argv[2])
        now = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
        for user_id in range(first, first + 40):
            store.remember("base-partagee", user_id, (user_id, "h%d" % user_id), now=now)
        """
    )
    children = [
        subprocess.Popen([sys.executable, "-c", script, str(state), str(first)])
        for first in (0, 100, 200, 300)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0, 0]
    users = json.loads(state.read_text(encoding="utf-8"))["databases"]["base-partagee"]["users"]
    assert len(users) == 160
