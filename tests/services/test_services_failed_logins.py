"""Failed sign-ins: one bounded counter per login, in their own file, drained once."""

from __future__ import annotations

import json
import multiprocessing

import concurrency_workers as workers
import pytest
from service_helpers import Team

from oiso_desktop.domain.errors import AccountDisabled, AccountLocked, AuthenticationError
from oiso_desktop.services.auth_service import AuthService

WRONG = "Mauvais-mot-2026!"


def _forge_then_log_in(created_db, auth, clock, forge) -> list:  # type: ignore[no-untyped-def]
    """One real failure, then ``forge(data)`` edits the failures file as any OS user of
    a shared folder could; returns the login_failed events of the next admin login."""
    with pytest.raises(AuthenticationError):
        auth.login("admin", WRONG)
    path = created_db.folder / "oiso.failures"
    data = json.loads(path.read_text(encoding="utf-8"))
    forge(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    clock.advance(seconds=1)
    session = auth.login("admin", created_db.admin_password)
    try:
        return session.events.list(action="login_failed")
    finally:
        session.logout()


def test_throwaway_logins_do_not_erase_a_real_accounts_failures(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("admin", WRONG)
    # Today's keystore kept only the last 200 failures in all: these pushed the
    # admin's out and unlocked the account.
    for i in range(210):
        with pytest.raises(AuthenticationError):
            auth.login(f"jetable.{i}", WRONG)
    with pytest.raises(AccountLocked):
        auth.login("admin", created_db.admin_password)


def test_an_unknown_login_is_never_stored_as_typed(created_db, auth, clock) -> None:  # type: ignore[no-untyped-def]
    typed = "Mon-Mot-De-Passe-Tape-Ici"  # typed in the login field by mistake
    with pytest.raises(AuthenticationError):
        auth.login(typed, WRONG)
    for path in created_db.folder.iterdir():
        if path.is_file() and path.suffix != ".db":
            content = path.read_bytes()
            assert typed.encode() not in content and typed.lower().encode() not in content, path
    clock.advance(seconds=1)
    session = auth.login("admin", created_db.admin_password)
    try:
        (event,) = session.events.list(action="login_failed")
        assert event.login == ""
        details = json.loads(event.details)
        assert details["reason"] == "unknown_login"
        assert details["source"] == "failures_file"
        assert typed.lower() not in event.details
    finally:
        session.logout()


def test_unknown_logins_lock_like_known_ones(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("personne", WRONG)
    with pytest.raises(AccountLocked):
        auth.login("personne", WRONG)
    auth.login("admin", created_db.admin_password).logout()


def test_the_lock_screen_shares_the_login_screen_counter(team: Team) -> None:
    session = team.login("p.durand")
    session.lock()
    for _ in range(3):  # at the login screen of another instance
        with pytest.raises(AuthenticationError):
            team.auth.login("p.durand", WRONG)
    for _ in range(2):
        with pytest.raises(AuthenticationError) as refused:
            session.unlock(WRONG)
        assert not isinstance(refused.value, AccountLocked)
    with pytest.raises(AccountLocked):
        session.unlock(team.passwords["p.durand"])
    with pytest.raises(AccountLocked):
        team.auth.login("p.durand", team.passwords["p.durand"])


def test_right_password_on_a_suspended_account_counts_as_a_failure(team: Team) -> None:
    admin = team.sessions[0]
    admin.users.suspend(team.ids["p.durand"])
    for _ in range(5):
        with pytest.raises(AccountDisabled):
            team.auth.login("p.durand", team.passwords["p.durand"])
    with pytest.raises(AccountLocked):
        team.auth.login("p.durand", team.passwords["p.durand"])


def test_wrong_recovery_codes_are_throttled(created_db, auth) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.recover("AAAA-AAAA-AAAA-AAAA-AAAAA-AAAAA", "admin", "Tout-nouveau-2026!")
    with pytest.raises(AccountLocked):
        auth.recover(created_db.recovery_code, "admin", "Tout-nouveau-2026!")
    session = auth.login("admin", created_db.admin_password)
    try:
        failed = session.events.list(action="login_failed")
        assert len(failed) == 5
        assert {json.loads(e.details)["reason"] for e in failed} == {"bad_recovery_code"}
        assert {e.login for e in failed} == {""}
    finally:
        session.logout()


def test_failures_are_drained_exactly_once_by_concurrent_logins(team: Team) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            team.auth.login("c.petit", WRONG)
    team.close_all()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    results = ctx.Queue()
    logins = ["admin", "p.durand", "p.bernard", "s.leroy"]
    processes = [
        ctx.Process(
            target=workers.log_in_once,
            args=(str(team.folder), login, team.passwords[login], start, results),
        )
        for login in logins
    ]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=10)
    assert [o for o in outcomes if o[0] != "ok"] == []
    session = AuthService(team.folder, secret_store=team.auth.secret_store).login(
        "admin", team.passwords["admin"]
    )
    try:
        failed = [e for e in session.events.list(action="login_failed") if e.login == "c.petit"]
        assert len(failed) == 4
        assert all(json.loads(e.details)["source"] == "failures_file" for e in failed)
    finally:
        session.logout()


def test_a_revocation_while_the_user_is_connected_elsewhere_locks_nobody_out(team: Team) -> None:
    """Today every login failed ("database locked") while another instance had the file open."""
    from oiso_desktop.domain.errors import StorageError
    from oiso_desktop.domain.roles import AccountStatus, Role
    from oiso_desktop.services.dto import UserInput
    from oiso_desktop.storage.engine import verify_key
    from oiso_desktop.storage.keystore import Keystore
    from oiso_desktop.storage.secret_store import MemorySecretStore

    admin = team.sessions[0]
    durand = team.ids["p.durand"]
    team.login("p.durand").logout()  # replaces the one-time password, as at a first login
    old = Keystore.load(team.folder / "oiso.keystore").unlock_user(
        "p.durand", team.passwords["p.durand"], MemorySecretStore()
    )
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(
        target=workers.hold_session,
        args=(str(team.folder), "p.durand", team.passwords["p.durand"], ready, release),
    )
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StorageError) as pending:
            admin.users.revoke(durand)
        assert pending.value.code == "rekey_pending"
        assert "en attente" in str(pending.value)
        assert admin.users.get_user(durand).status is AccountStatus.REVOKED
        assert admin.users.pending_revocations() == (durand,)
        # Everyone else still logs in, and a new account made meanwhile keeps access.
        team.login("p.bernard").logout()
        _, password = admin.users.create_user(
            UserInput(login="m.roux", first_name="Marc", last_name="Roux", role=Role.SECRETARY),
        )
        with pytest.raises(StorageError):
            admin.users.finish_revocation()  # still busy
    finally:
        release.set()
        holder.join(timeout=30)
    team.close_all()
    admin = team.login("admin")  # the file is free: this login completes the re-key
    assert admin.users.pending_revocations() == ()
    assert admin.users.finish_revocation() == ()
    assert not any(verify_key(team.folder / "oiso.db", key) for key in old.dmk_candidates)
    team.auth.login("m.roux", password).logout()
    with pytest.raises(AuthenticationError):
        team.auth.login("p.durand", team.passwords["p.durand"])


def test_finish_revocation_completes_the_pending_re_key(team: Team) -> None:
    from oiso_desktop.domain.errors import StorageError

    admin = team.sessions[0]
    other = team.login("p.bernard")  # same process, another session: the file is busy
    with pytest.raises(StorageError):
        admin.users.revoke(team.ids["p.durand"])
    other.logout()
    assert admin.users.finish_revocation() == (team.ids["p.durand"],)
    assert admin.users.pending_revocations() == ()
    actions = [e.action for e in admin.events.list()]
    assert actions[0] == "database_rekeyed"
    team.login("p.bernard")


def test_parallel_guesses_cannot_all_pass_the_lockout(team: Team) -> None:
    """Before, every parallel attempt read the counter before any failure was written:
    16 processes all got their password checked at production argon2 cost."""
    from oiso_desktop.domain.lockout import LOCKOUT_THRESHOLD
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.dto import UserInput
    from oiso_desktop.storage import crypto

    admin = team.sessions[0]
    # A slot whose argon2 takes a while, so that the attempts really overlap.
    crypto.set_default_kdf_params(crypto.KdfParams(time_cost=2, memory_cost=16384, parallelism=1))
    admin.users.create_user(
        UserInput(
            login="cible",
            first_name="Camille",
            last_name="Cible",
            role=Role.PRACTITIONER,
            adeli="751234568",
        )
    )
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    processes = [
        ctx.Process(
            target=workers.try_wrong_password, args=(str(team.folder), "cible", start, results)
        )
        for _ in range(10)
    ]
    for process in processes:
        process.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    assert "opened" not in outcomes and not [o for o in outcomes if o.startswith("error")]
    assert outcomes.count("checked") <= LOCKOUT_THRESHOLD, outcomes
    assert outcomes.count("locked") >= len(processes) - LOCKOUT_THRESHOLD


def test_forged_records_in_the_failures_file_never_reach_the_event_log(
    created_db, auth, clock
) -> None:  # type: ignore[no-untyped-def]
    """The file is writable by every OS user of a shared folder: it is checked, not trusted."""
    with pytest.raises(AuthenticationError):
        auth.login("personne", WRONG)
    path = created_db.folder / "oiso.failures"
    data = json.loads(path.read_text(encoding="utf-8"))
    planted = "DUPONT Jean né le 01/01/1970"
    key = next(k for k in data["counters"] if k.startswith("unknown:"))
    data["counters"][key]["login"] = planted
    data["counters"][key]["unreported"][0]["reason"] = "=HYPERLINK(1)"
    path.write_text(json.dumps(data), encoding="utf-8")
    clock.advance(seconds=1)
    session = auth.login("admin", created_db.admin_password)
    try:
        texts = [e.login + e.details for e in session.events.list(action="login_failed")]
    finally:
        session.logout()
    assert not [t for t in texts if "DUPONT" in t or "HYPERLINK" in t]


def test_a_forged_known_login_counter_cannot_plant_text_or_dates(created_db, auth, clock) -> None:  # type: ignore[no-untyped-def]
    """Second review: a "login:" counter whose login is no account's reached the log
    as typed, and a forged summary put invented dates on a real account."""
    with pytest.raises(AuthenticationError):
        auth.login("admin", WRONG)
    path = created_db.folder / "oiso.failures"
    data = json.loads(path.read_text(encoding="utf-8"))
    planted = "dupont jean ne le 01/01/1970 brca1+"
    data["counters"][f"login:{planted}"] = {
        "login": planted,
        "recent": [],
        "unreported": [
            {"at": "2026-03-02T08:59:00.000000Z", "reason": "bad_password", "context": "login"}
        ],
        "overflow": None,
    }
    data["counters"]["login:admin"]["unreported"].append(
        {"at": "9999-12-31T00:00:00.000000Z", "reason": "bad_password", "context": "login"}
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    clock.advance(seconds=1)
    session = auth.login("admin", created_db.admin_password)
    try:
        failed = session.events.list(action="login_failed")
    finally:
        session.logout()
    assert not [e for e in failed if "dupont" in (e.login + e.details).lower()]
    assert not [e for e in failed if "9999" in e.details]
    assert [e.login for e in failed].count("admin") == 1


def test_forged_failures_cannot_invent_facts_about_a_real_account(created_db, auth, clock) -> None:  # type: ignore[no-untyped-def]
    """Third review: reasons and contexts that never wait in the file (lock screen,
    password change) were logged against the real administrator."""

    def forge(data: dict) -> None:  # type: ignore[type-arg]
        data["counters"]["login:admin"]["unreported"] += [
            {
                "at": "2026-03-02T08:00:00.000000Z",
                "reason": "account_disabled",
                "context": "unlock",
            },
            {
                "at": "2026-03-02T08:00:01.000000Z",
                "reason": "bad_recovery_code",
                "context": "recovery",
            },
        ]

    failed = _forge_then_log_in(created_db, auth, clock, forge)
    assert not [e for e in failed if '"unlock"' in e.details or "bad_recovery_code" in e.details]


def test_a_forged_summary_cannot_date_a_failure_in_the_future(created_db, auth, clock) -> None:  # type: ignore[no-untyped-def]
    """Fourth review: a summary's last time was not checked (a failure "in 2099")."""

    def forge(data: dict) -> None:  # type: ignore[type-arg]
        data["counters"]["login:admin"]["overflow"] = {
            "count": 99999,
            "first": "2026-03-01T03:00:00.000000Z",
            "last": "2099-12-31T23:59:59.000000Z",
            "reason": "account_disabled",
        }

    failed = _forge_then_log_in(created_db, auth, clock, forge)
    assert not [e for e in failed if "2099" in e.details or "99999" in e.details]
