from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from storage_helpers import ADMIN_PASSWORD, Folder, make_user

from oiso_desktop.domain.errors import ConcurrentEditError
from oiso_desktop.storage.local_database import Database
from oiso_desktop.storage.models import Event, Patient, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

CONFLICT = "Ce dossier a été modifié par un autre utilisateur depuis son ouverture."


@pytest.fixture
def database(folder: Folder):
    db = folder.login("admin", ADMIN_PASSWORD)
    yield db
    db.dispose()


def patient(owner_id: int, birth_name: str, first_names: str, **extra) -> Patient:
    return Patient(
        owner_id=owner_id,
        birth_name=birth_name,
        first_names=first_names,
        birth_date=extra.pop("birth_date", dt.date(1980, 1, 1)),
        sex=extra.pop("sex", "F"),
        search_names=f"{birth_name} {first_names}".lower(),
        created_by_id=owner_id,
        updated_by_id=owner_id,
        **extra,
    )


def test_rollback_unless_committed(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        uow.patients.add(patient(2, "OUBLIE", "Paul"))
    with UnitOfWork(database.session_factory) as uow:
        uow.patients.add(patient(2, "GARDE", "Anne"))
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        names = [p.birth_name for p in uow.session.scalars(select(Patient))]
    assert names == ["GARDE"]


def test_exception_rolls_back(database: Database) -> None:
    with pytest.raises(RuntimeError), UnitOfWork(database.session_factory) as uow:
        uow.patients.add(patient(2, "ECHEC", "Luc"))
        raise RuntimeError("boom")
    with UnitOfWork(database.session_factory) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Patient)) == 0


def test_users_repository(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        added = uow.users.add(make_user(3, "  Sec.Retaire ", role="secretary"))
        uow.commit()
        assert added.login == "sec.retaire" and added.version == 1
    with UnitOfWork(database.session_factory) as uow:
        assert uow.users.by_login("SEC.RETAIRE").id == 3
        assert uow.users.by_login("nobody") is None
        assert uow.users.get(1).login == "admin"
        assert [u.id for u in uow.users.list()] == [1, 2, 3]
        assert [u.id for u in uow.users.list(statuses=["revoked"])] == []


def test_foreign_keys_are_enforced(database: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), UnitOfWork(database.session_factory) as uow:
        uow.patients.add(patient(99, "ORPHELIN", "Jean"))


def test_patient_search(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        uow.users.add(make_user(3, "autre"))
        a = uow.patients.add(patient(2, "MARTIN", "Claire", nir="280037512345678"))
        uow.patients.add(patient(2, "MARTINEZ", "Jeanne", birth_date=dt.date(1975, 3, 12)))
        c = uow.patients.add(patient(3, "DURAND", "Claire martin"))
        d = uow.patients.add(patient(3, "PETIT", "Zoe"))
        uow.session.add(PatientShare(patient_id=d.id, user_id=2, access="read", granted_by_id=3))
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        rows, total = uow.patients.search(["martin"])
        assert total == 3
        assert [p.birth_name for p in rows] == ["DURAND", "MARTIN", "MARTINEZ"]
        rows, total = uow.patients.search(["martin", "claire"])
        assert {p.id for p in rows} == {a.id, c.id}
        rows, total = uow.patients.search([], birth_date=dt.date(1975, 3, 12))
        assert [p.birth_name for p in rows] == ["MARTINEZ"]
        rows, total = uow.patients.search([], nir_prefix="28003")
        assert [p.id for p in rows] == [a.id]
        rows, total = uow.patients.search(["martin"], limit=1)
        assert len(rows) == 1 and total == 3
        # Wildcards typed by the user are not wildcards.
        assert uow.patients.search(["%"])[1] == 0
        assert uow.patients.search(["mar_in"])[1] == 0
        # Visibility: own files + files shared with the user.
        rows, total = uow.patients.search([], visible_owner_ids={2}, shared_with_user_id=2)
        assert sorted(p.birth_name for p in rows) == ["MARTIN", "MARTINEZ", "PETIT"]
        rows, total = uow.patients.search([], visible_owner_ids={3})
        assert sorted(p.birth_name for p in rows) == ["DURAND", "PETIT"]
        rows, total = uow.patients.search([], visible_owner_ids=set(), shared_patient_ids=[c.id])
        assert [p.id for p in rows] == [c.id]
        assert uow.patients.search([], visible_owner_ids=set()) == ([], 0)


def test_events_repository(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        assert uow.events.last() is None
        for i in range(25):
            uow.events.add(
                Event(
                    occurred_at=f"2026-01-01T00:00:{i:02d}.000000Z",
                    user_id=1 + i % 2,
                    action="login",
                    prev_hash=f"{i:064d}",
                    hash=f"{i + 1:064d}",
                )
            )
        uow.commit()
    with UnitOfWork(database.session_factory) as uow:
        assert uow.events.count() == 25
        assert uow.events.last().id == 25
        ids = [e.id for e in uow.events.iterate(batch_size=7)]
        assert ids == list(range(1, 26))
        assert [e.id for e in uow.events.iterate(after_id=20, batch_size=3)] == [21, 22, 23, 24, 25]
        assert [e.id for e in uow.events.iterate(batch_size=4, user_id=2)] == list(range(2, 26, 2))


def test_concurrent_edit(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        patient_id = uow.patients.add(patient(2, "PARTAGE", "Eve")).id
        uow.commit()
    with (
        UnitOfWork(database.session_factory) as first,
        UnitOfWork(database.session_factory) as second,
    ):
        mine = first.patients.get(patient_id)
        first.commit()  # ends the read transaction, keeps the loaded row
        theirs = second.patients.get(patient_id)
        second.commit()
        assert mine.version == theirs.version == 1
        theirs.city = "Lyon"
        second.commit()
        mine.city = "Lille"
        with pytest.raises(ConcurrentEditError) as info:
            first.commit()
        assert str(info.value) == CONFLICT
    with UnitOfWork(database.session_factory) as uow:
        saved = uow.patients.get(patient_id)
        assert (saved.city, saved.version) == ("Lyon", 2)


def test_check_version(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        row = uow.patients.add(patient(2, "VERSION", "Ida"))
        uow.commit()
        UnitOfWork.check_version(row, 1)
        with pytest.raises(ConcurrentEditError):
            UnitOfWork.check_version(row, 0)


def test_stale_flush_inside_the_block_is_translated(database: Database) -> None:
    with UnitOfWork(database.session_factory) as uow:
        patient_id = uow.patients.add(patient(2, "FLUSH", "Max")).id
        uow.commit()
    with UnitOfWork(database.session_factory) as first:
        mine = first.patients.get(patient_id)
        first.commit()
        with UnitOfWork(database.session_factory) as second:
            second.patients.get(patient_id).city = "Nantes"
            second.commit()
        mine.city = "Brest"
        with pytest.raises(ConcurrentEditError):
            first.flush()
