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
from oiso_desktop.services.event_log import CSV_HEADER, record_event
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


# ------------------------------------------------- CSV export: the Journal's filters


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _exported_details(session: UserSession) -> dict[str, object]:
    last = session.events.list(limit=1)[0]
    assert last.action == "events_exported" and last.user_id == session.actor.user_id
    return dict(json.loads(last.details))


@pytest.fixture
def journal(team: Team, clock) -> Team:  # type: ignore[no-untyped-def]
    """Two days of sign-ins and locks by Durand and Bernard, a week after the setup."""
    for _day in (7, 8):
        clock.advance(days=1)
        for login in ("p.durand", "p.bernard"):
            session = team.login(login)
            session.lock()
            session.unlock(team.passwords[login])
    return team


def test_the_csv_export_follows_the_user_filter(journal: Team, tmp_path: Path) -> None:
    admin = journal.sessions[0]
    durand = journal.ids["p.durand"]
    target = tmp_path / "durand.csv"
    count = admin.events.export_csv(target, user_id=durand)
    rows = _csv_rows(target)
    assert count == len(rows) > 0
    assert {row["utilisateur_id"] for row in rows} == {str(durand)}
    assert {row["identifiant"] for row in rows} == {"p.durand"}
    expected = [e.id for e in admin.events.list(user_id=durand, limit=10_000)]
    assert [int(row["numéro"]) for row in rows] == sorted(expected)
    assert _exported_details(admin) == {"rows": count, "format": "csv", "user_id": durand}


def test_the_csv_export_follows_the_action_filter(journal: Team, tmp_path: Path) -> None:
    admin = journal.sessions[0]
    target = tmp_path / "verrous.csv"
    count = admin.events.export_csv(target, action="lock")
    rows = _csv_rows(target)
    assert count == len(rows) == 4  # two users, two days
    assert {row["action"] for row in rows} == {"lock"}
    assert {row["identifiant"] for row in rows} == {"p.durand", "p.bernard"}
    assert _exported_details(admin) == {"rows": 4, "format": "csv", "action": "lock"}


def test_the_csv_export_follows_the_period(journal: Team, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = journal.sessions[0]
    day = clock.now.replace(hour=0, minute=0, second=0, microsecond=0)  # the last day
    # The events of the day before are left out; until is exclusive.
    everything = admin.events.list(limit=10_000)
    in_day = [e.id for e in everything if e.occurred_at.startswith(day.strftime("%Y-%m-%d"))]
    target = tmp_path / "jour.csv"
    count = admin.events.export_csv(target, since=day, until=day + dt.timedelta(days=1))
    rows = _csv_rows(target)
    assert count == len(rows) > 0
    assert {row["date_utc"][:10] for row in rows} == {day.strftime("%Y-%m-%d")}
    assert sorted(in_day) == [int(row["numéro"]) for row in rows]
    assert _exported_details(admin) == {
        "rows": count,
        "format": "csv",
        "since": day.strftime("%Y-%m-%dT00:00:00.000000Z"),
        "until": (day + dt.timedelta(days=1)).strftime("%Y-%m-%dT00:00:00.000000Z"),
    }


def test_the_csv_export_combines_the_filters(journal: Team, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = journal.sessions[0]
    bernard = journal.ids["p.bernard"]
    day = clock.now.replace(hour=0, minute=0, second=0, microsecond=0)
    target = tmp_path / "bernard.csv"
    count = admin.events.export_csv(
        target, user_id=bernard, action="unlock", since=day, until=day + dt.timedelta(days=1)
    )
    rows = _csv_rows(target)
    assert count == len(rows) == 1
    assert (rows[0]["identifiant"], rows[0]["action"]) == ("p.bernard", "unlock")
    assert rows[0]["date_utc"].startswith(day.strftime("%Y-%m-%d"))
    details = _exported_details(admin)
    assert (details["user_id"], details["action"], details["rows"]) == (bernard, "unlock", 1)
    # Nothing matches: a header and no row, still logged.
    empty = tmp_path / "vide.csv"
    assert admin.events.export_csv(empty, user_id=bernard, action="patient_viewed") == 0
    assert empty.read_text(encoding="utf-8-sig").splitlines() == [";".join(CSV_HEADER)]
    assert _exported_details(admin)["rows"] == 0


def test_a_non_admin_exports_only_their_own_events_as_csv(journal: Team, tmp_path: Path) -> None:
    durand = journal.login("p.durand")
    out = tmp_path / "exports"
    out.mkdir()
    own = durand.actor.user_id
    # Another user's events: refused, no file written, nothing logged.
    before = _count(durand)
    other = out / "bernard.csv"
    with pytest.raises(PermissionDenied) as refused:
        durand.events.export_csv(other, user_id=journal.ids["p.bernard"])
    assert refused.value.code == "own_events_only"
    assert list(out.iterdir()) == []
    assert _count(durand) == before
    # No user given: their own events only, as the Journal shows them.
    mine = out / "mien.csv"
    count = durand.events.export_csv(mine, action="lock")
    rows = _csv_rows(mine)
    assert count == len(rows) == 2
    assert {row["utilisateur_id"] for row in rows} == {str(own)}
    assert _exported_details(durand) == {
        "rows": 2,
        "format": "csv",
        "user_id": own,
        "action": "lock",
    }
    assert durand.events.export_csv(out / "moi.csv", user_id=own) > 0


def test_an_action_filter_that_is_no_code_is_not_logged_as_typed(
    team: Team, tmp_path: Path
) -> None:
    admin = team.sessions[0]
    target = tmp_path / "rien.csv"
    assert admin.events.export_csv(target, action="Hélène Lefèvre") == 0
    assert _exported_details(admin)["action"] == "?"


def test_a_csv_export_that_cannot_be_logged_leaves_no_file(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = team.sessions[0]
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "journal.csv"
    from oiso_desktop.services import event_log

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(event_log, "record_event", refuse)
    with pytest.raises(OSError):
        admin.events.export_csv(target)
    assert not target.exists()
    assert list(out.iterdir()) == []
