"""Patient files: who sees what, duplicates, edits, and what the log keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import Team, identity

from oiso_desktop.domain.errors import ConcurrentEditError, PermissionDenied, ValidationError
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.services.errors import DuplicateWarning
from oiso_desktop.storage.models import PatientShare
from oiso_desktop.storage.uow import UnitOfWork


def _nir(body: str) -> str:
    from oiso_desktop.domain.identifiers import nir_key

    return body + nir_key(body)


def test_an_administrator_never_sees_patients(team: Team) -> None:
    practitioner = team.login("p.durand")
    created = practitioner.patients.create(identity())
    admin = team.sessions[0]
    with pytest.raises(PermissionDenied):
        admin.patients.search("lefevre")
    with pytest.raises(PermissionDenied):
        admin.patients.get(created.id)
    with pytest.raises(PermissionDenied):
        admin.patients.create(identity(first_names="Zoé"))


def test_each_role_sees_only_the_files_it_may_see(team: Team) -> None:
    durand = team.login("p.durand")
    bernard = team.login("p.bernard")
    mine = durand.patients.create(identity())
    theirs = bernard.patients.create(identity(birth_name="Benoît", first_names="Zoé", sex="F"))

    assert [r.id for r in durand.patients.search("").rows] == [mine.id]
    assert [r.id for r in bernard.patients.search("").rows] == [theirs.id]
    with pytest.raises(PermissionDenied):
        bernard.patients.get(mine.id)

    secretary = team.login("s.leroy")  # assists p.durand only
    rows = secretary.patients.search("lefevre helene").rows
    assert [(r.id, r.access) for r in rows] == [(mine.id, PatientAccess.WRITE)]
    assert secretary.patients.search("benoit").rows == ()
    with pytest.raises(PermissionDenied):
        secretary.patients.get(theirs.id)

    counsellor = team.login("c.petit")
    assert counsellor.patients.search("").rows == ()
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        uow.session.add(
            PatientShare(
                patient_id=mine.id,
                user_id=team.ids["c.petit"],
                access="read",
                granted_by_id=team.ids["p.durand"],
            )
        )
        uow.commit()
    rows = counsellor.patients.search("12/03/1975").rows
    assert [(r.id, r.access) for r in rows] == [(mine.id, PatientAccess.READ)]
    view = counsellor.patients.get(mine.id)
    assert view.access is PatientAccess.READ
    with pytest.raises(PermissionDenied):  # read-only share
        counsellor.patients.update(mine.id, identity(city="Lyon"), expected_version=view.version)


def test_a_secretary_creates_files_for_a_practitioner_she_assists(team: Team) -> None:
    secretary = team.login("s.leroy")
    with pytest.raises(ValidationError) as missing:
        secretary.patients.create(identity())
    assert missing.value.field == "owner_id"
    with pytest.raises(PermissionDenied):
        secretary.patients.create(identity(), owner_id=team.ids["p.bernard"])
    view = secretary.patients.create(identity(), owner_id=team.ids["p.durand"])
    assert view.owner_id == team.ids["p.durand"]
    assert view.owner_display_name == "Paul Durand"
    durand = team.login("p.durand")
    assert durand.patients.get(view.id).fields.birth_name == "LEFÈVRE"


def test_a_counsellor_cannot_create_files(team: Team) -> None:
    counsellor = team.login("c.petit")
    with pytest.raises(PermissionDenied):
        counsellor.patients.create(identity())


def test_possible_duplicates_warn_until_confirmed(team: Team) -> None:
    durand = team.login("p.durand")
    first = durand.patients.create(identity(nir=_nir("2750375056123")))
    before = len(durand.events.list())

    with pytest.raises(DuplicateWarning) as warning:
        durand.patients.create(identity(birth_name="LEFEVRE", first_names="Helene"))
    assert warning.value.code == "possible_duplicate"
    assert [c.id for c in warning.value.params["candidates"]] == [first.id]
    # Same NIR, different names: still the same person.
    with pytest.raises(DuplicateWarning):
        durand.patients.create(
            identity(birth_name="Martin", first_names="Anne", nir=_nir("2750375056123")),
        )
    assert len(durand.events.list()) == before  # refused: nothing logged
    assert durand.patients.find_duplicates(identity())[0].id == first.id

    second = durand.patients.create(
        identity(birth_name="LEFEVRE", first_names="Helene"), confirm_duplicates=True
    )
    assert second.id != first.id
    # Another birth date: no warning.
    durand.patients.create(identity(birth_date=dt.date(1980, 1, 2)))


def test_an_update_logs_the_changed_fields_and_refuses_stale_versions(team: Team) -> None:
    durand = team.login("p.durand")
    created = durand.patients.create(identity())
    updated = durand.patients.update(
        created.id,
        identity(city="Lyon", used_name="Martin"),
        expected_version=created.version,
    )
    assert updated.version == created.version + 1
    assert updated.fields.used_name == "MARTIN"
    assert durand.patients.search("martin").rows[0].id == created.id

    count = len(durand.events.list())
    with pytest.raises(ConcurrentEditError):
        durand.patients.update(
            created.id, identity(city="Nantes"), expected_version=created.version
        )
    assert len(durand.events.list()) == count
    event = durand.events.list(action="patient_updated")[0]
    assert event.object_id == created.id
    assert event.details == '{"fields":["used_name","city"]}'


def test_opening_a_file_is_logged_but_searching_is_not(team: Team) -> None:
    durand = team.login("p.durand")
    created = durand.patients.create(identity())
    durand.patients.search("lefevre")
    durand.patients.search("hel")
    durand.patients.get(created.id)
    actions = [e.action for e in reversed(durand.events.list())]
    assert actions[-2:] == ["patient_created", "patient_viewed"]
    assert "patient_searched" not in actions


def test_the_event_log_never_holds_patient_data(team: Team) -> None:
    durand = team.login("p.durand")
    nir = _nir("2750375056123")
    created = durand.patients.create(identity(nir=nir, city="Besançon", phone="06 12 34 56 78"))
    durand.patients.update(
        created.id,
        identity(nir=nir, city="Lyon", phone="06 12 34 56 78"),
        expected_version=created.version,
    )
    durand.patients.get(created.id)
    durand.patients.search("lefevre 12/03/1975")
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        dumped = " ".join(
            f"{e.login} {e.object_type} {e.details} {e.action}" for e in uow.events.iterate()
        ).lower()
    for secret in ("lefèvre", "lefevre", "hélène", "helene", nir, "besançon", "lyon", "1975"):
        assert secret.lower() not in dumped
