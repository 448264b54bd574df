"""The hash-chained event log: same transaction, who reads it, tamper evidence, export."""

from __future__ import annotations

import csv
import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from service_helpers import Team

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.domain.event_chain import event_hash
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.event_log import record_event
from oiso_desktop.storage.uow import UnitOfWork


def _sql(session: UserSession, statement: str) -> None:
    """Tamper with the file directly, as someone bypassing the application would."""
    with session.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def _count(session: UserSession) -> int:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        return uow.events.count()


def test_an_event_is_written_only_if_its_transaction_commits(team: Team) -> None:
    admin = team.sessions[0]
    before = _count(admin)
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        record_event(uow, admin.ctx, admin.actor, "lock")
        # No commit: rolled back with the rest.
    assert _count(admin) == before
    with pytest.raises(ZeroDivisionError), UnitOfWork(admin.ctx.database.session_factory) as uow:
        record_event(uow, admin.ctx, admin.actor, "lock")
        raise ZeroDivisionError
    assert _count(admin) == before


def test_events_are_chained_with_explicit_ids_and_utc_times(team: Team, clock) -> None:  # type: ignore[no-untyped-def]
    admin = team.sessions[0]
    clock.advance(microseconds=123)
    admin.lock()
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        events = list(uow.events.iterate())
        assert [e.id for e in events] == list(range(1, len(events) + 1))
        last = events[-1]
        assert last.occurred_at == "2026-03-02T09:00:00.000123Z"
        assert last.action == "lock"
        assert last.prev_hash == events[-2].hash
        record = {name: getattr(last, name) for name in ("id", "occurred_at", "user_id", "login")}
        record.update(
            action=last.action,
            object_type=last.object_type,
            object_id=last.object_id,
            workstation=last.workstation,
            app_version=last.app_version,
            details=last.details,
        )
        assert last.hash == event_hash(last.prev_hash, record)


def test_an_admin_reads_every_event_others_only_their_own(team: Team) -> None:
    admin = team.sessions[0]
    durand = team.login("p.durand")
    durand.lock()
    durand.unlock(team.passwords["p.durand"])
    own = durand.events.list()
    assert own and {e.user_id for e in own} == {team.ids["p.durand"]}
    with pytest.raises(PermissionDenied):
        durand.events.list(user_id=team.ids["admin"])
    with pytest.raises(PermissionDenied):
        durand.events.verify()
    with pytest.raises(PermissionDenied):
        durand.events.export_csv(Path("ignored.csv"))
    users = {e.user_id for e in admin.events.list()}
    assert {team.ids["admin"], team.ids["p.durand"]} <= users
    only_durand = admin.events.list(user_id=team.ids["p.durand"], action="lock")
    assert [e.action for e in only_durand] == ["lock"]


def test_verify_reports_an_intact_chain_and_logs_the_check(team: Team) -> None:
    admin = team.sessions[0]
    count = _count(admin)
    report = admin.events.verify()
    assert report.ok and report.checked == count
    assert report.first_broken_id is None
    last = admin.events.list(limit=1)[0]
    assert last.action == "events_verified"
    assert json.loads(last.details) == {"checked": count, "first_broken_id": None, "ok": True}


def test_verify_detects_an_update_in_sql(team: Team) -> None:
    admin = team.sessions[0]
    _sql(admin, "UPDATE events SET login = 'quelquun' WHERE id = 3")
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id == 3
    assert report.checked == 2
    assert "modifié" in report.reason


def test_verify_detects_a_delete_in_sql(team: Team) -> None:
    admin = team.sessions[0]
    _sql(admin, "DELETE FROM events WHERE id = 4")
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id == 5
    assert "manquant" in report.reason


def test_verify_detects_an_insert_in_sql(team: Team) -> None:
    admin = team.sessions[0]
    # A forged row between 3 and 4: ids shifted to make room, hashes copied.
    _sql(admin, "UPDATE events SET id = id + 1000 WHERE id > 3")
    _sql(admin, "UPDATE events SET id = id - 999 WHERE id > 1000")
    _sql(
        admin,
        "INSERT INTO events (id, occurred_at, user_id, login, action, object_type, object_id, "
        "workstation, app_version, details, prev_hash, hash) SELECT 4, occurred_at, user_id, "
        "login, 'logout', object_type, object_id, workstation, app_version, details, hash, "
        "'forged' || substr(hash, 7) FROM events WHERE id = 3",
    )
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id == 4


def test_verify_detects_the_newest_rows_deleted_even_after_new_events(team: Team) -> None:
    admin = team.sessions[0]
    last = admin.events.list(limit=1)[0].id
    _sql(admin, f"DELETE FROM events WHERE id >= {last - 1}")
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id == last - 1
    assert "fin du journal" in report.reason
    # The log keeps working, and new events do not hide the gap.
    admin.lock()
    admin.unlock(team.passwords["admin"])
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id is not None and report.first_broken_id <= last + 1


def test_verify_detects_a_row_appended_in_sql_with_a_valid_hash(team: Team) -> None:
    from oiso_desktop.domain.event_chain import event_hash

    admin = team.sessions[0]
    newest = admin.events.list(limit=1)[0]
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        tip = uow.events.last()
        assert tip is not None
        record = {
            "id": tip.id + 1,
            "occurred_at": tip.occurred_at,
            "user_id": tip.user_id,
            "login": tip.login,
            "action": "logout",
            "object_type": "",
            "object_id": None,
            "workstation": tip.workstation,
            "app_version": tip.app_version,
            "details": "{}",
        }
        forged = event_hash(tip.hash, record)
        tip_hash = tip.hash
    _sql(
        admin,
        "INSERT INTO events (id, occurred_at, user_id, login, action, object_type, object_id, "
        f"workstation, app_version, details, prev_hash, hash) VALUES ({record['id']}, "
        f"'{record['occurred_at']}', {record['user_id']}, '{record['login']}', 'logout', '', "
        f"NULL, '{record['workstation']}', '{record['app_version']}', '{{}}', '{tip_hash}', "
        f"'{forged}')",
    )
    report = admin.events.verify()
    assert not report.ok
    assert report.first_broken_id == newest.id + 1


def test_concurrent_writers_keep_one_chain(team: Team) -> None:
    sessions = [team.login("p.durand"), team.login("p.bernard"), team.sessions[0]]
    errors: list[BaseException] = []

    def work(session: UserSession) -> None:
        try:
            for _ in range(5):
                session.ctx.locked = False
                session.lock()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for session in sessions:
        session.ctx.locked = False  # the test bypassed unlock()
    report = team.sessions[0].events.verify()
    assert report.ok, report.reason


def test_export_writes_csv_for_french_excel_and_is_logged(team: Team, tmp_path: Path) -> None:
    admin = team.sessions[0]
    count = _count(admin)
    target = tmp_path / "journal.csv"
    assert admin.events.export_csv(target) == count
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:5] == ["numéro", "date_utc", "utilisateur_id", "identifiant", "action"]
    assert len(rows) == count + 1
    assert rows[1][4] == "database_created"
    last = admin.events.list(limit=1)[0]
    assert last.action == "events_exported"
    assert json.loads(last.details)["rows"] == count

    # A period: nothing before the first event, everything up to tomorrow.
    later = tmp_path / "vide.csv"
    since = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    assert admin.events.export_csv(later, since=since) == 0
    assert len(later.read_text(encoding="utf-8-sig").splitlines()) == 1


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_the_csv_export_neutralises_formulas_typed_as_a_login(
    created_db, tmp_path: Path, prefix: str
) -> None:
    """A login typed at the login screen is exported as text, never as a formula."""
    from oiso_desktop.domain.errors import AuthenticationError
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.storage.secret_store import MemorySecretStore

    auth = AuthService(created_db.folder, secret_store=MemorySecretStore())
    typed = f'{prefix}HYPERLINK("https://exemple.invalid";"x")'
    with pytest.raises(AuthenticationError):
        auth.login(typed, "Pas-le-bon-2026!")
    admin = auth.login(created_db.admin_login, created_db.admin_password)
    try:
        target = tmp_path / "journal.csv"
        admin.events.export_csv(target)
    finally:
        admin.logout()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    failed = [row for row in rows if row["action"] == "login_failed"]
    # An unknown login is never stored as typed (people type passwords there) ...
    assert failed and all(row["identifiant"] == "" for row in failed)
    assert "HYPERLINK" not in target.read_text(encoding="utf-8-sig")
    # ... and no exported cell can start a formula (system.csv_files neutralises them).
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [cell for cell in cells if cell[0] in "=+-@\t\r"]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_every_text_cell_of_the_csv_export_is_neutralised(
    team: Team, tmp_path: Path, prefix: str
) -> None:
    admin = team.sessions[0]
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        record_event(uow, admin.ctx, None, "login_failed", login=f"{prefix}1+1", user_id=None)
        uow.commit()
    target = tmp_path / "journal.csv"
    admin.events.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert f"'{prefix}1+1" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
