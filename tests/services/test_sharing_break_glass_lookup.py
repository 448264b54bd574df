"""The break-the-glass lookup (``session.sharing.find_for_break_glass``): exact
identities only, for practitioners only, never the files one may already open, and
an event without the values looked up."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from service_helpers import Team, identity
from sqlalchemy import select

from oiso_desktop.domain.errors import InvalidIdentifier, PermissionDenied, ValidationError
from oiso_desktop.domain.identifiers import nir_key
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.uow import UnitOfWork

BODY = "2750375056123"
NIR = BODY + nir_key(BODY)
BIRTH = dt.date(1975, 3, 12)


def _lookups(session: UserSession) -> list[Event]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = list(
            uow.session.scalars(
                select(Event).where(Event.action == "break_glass_lookup").order_by(Event.id)
            )
        )
        uow.session.expunge_all()
        return rows


@pytest.fixture
def durand_file(team: Team) -> int:
    durand = team.login("p.durand")
    pid = durand.patients.create(
        identity(birth_name="Lefèvre", first_names="Hélène, Marie", nir=NIR)
    ).id
    durand.patients.create(
        identity(birth_name="Lefebvre", first_names="Hélène"), confirm_duplicates=True
    )
    durand.logout()
    return pid


def test_an_exact_identity_finds_the_file_with_its_owner(team: Team, durand_file: int) -> None:
    bernard = team.login("p.bernard")
    by_nir = bernard.sharing.find_for_break_glass(nir=NIR[:5] + " " + NIR[5:])
    assert [(c.id, c.display_name, c.birth_date, c.owner_name) for c in by_nir] == [
        (durand_file, "LEFÈVRE Hélène Marie", BIRTH, "Paul Durand")
    ]
    # case and accents ignored; any of the first names
    by_name = bernard.sharing.find_for_break_glass(
        birth_name="LEFEVRE", first_name="marie", birth_date=BIRTH
    )
    assert [c.id for c in by_name] == [durand_file]


@pytest.mark.parametrize(
    ("kwargs", "found"),
    [
        ({"birth_name": "Lef", "first_name": "Hélène", "birth_date": BIRTH}, 0),
        ({"birth_name": "Lefèvre", "first_name": "Hél", "birth_date": BIRTH}, 0),
        ({"birth_name": "Lefèvre", "first_name": "Hélène", "birth_date": dt.date(1975, 3, 13)}, 0),
    ],
)
def test_never_a_partial_match(team: Team, durand_file: int, kwargs: dict, found: int) -> None:
    bernard = team.login("p.bernard")
    assert len(bernard.sharing.find_for_break_glass(**kwargs)) == found


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"nir": NIR[:10]}, InvalidIdentifier),  # a NIR prefix is not a lookup
        ({"nir": BODY + "00"}, InvalidIdentifier),  # wrong key
        ({"birth_name": "Lefèvre", "first_name": "Hélène"}, ValidationError),
        ({"birth_name": "Lefèvre", "birth_date": BIRTH}, ValidationError),
        ({}, ValidationError),
    ],
)
def test_incomplete_or_invalid_lookups_are_refused_in_french(
    team: Team, durand_file: int, kwargs: dict, error: type
) -> None:
    bernard = team.login("p.bernard")
    with pytest.raises(error) as refused:
        bernard.sharing.find_for_break_glass(**kwargs)
    assert any(word in str(refused.value) for word in ("NIR", "prénom"))
    assert _lookups(bernard) == []


@pytest.mark.parametrize("login", ["c.petit", "s.leroy", "admin"])
def test_only_a_practitioner_may_look_up(team: Team, durand_file: int, login: str) -> None:
    session = team.login(login)
    with pytest.raises(PermissionDenied) as refused:
        session.sharing.find_for_break_glass(nir=NIR)
    assert refused.value.code == "break_glass_role"
    assert _lookups(session) == []


def test_files_already_visible_are_left_out(team: Team, durand_file: int) -> None:
    durand = team.login("p.durand")
    bernard = team.login("p.bernard")
    # the owner: nothing to break
    assert durand.sharing.find_for_break_glass(nir=NIR) == ()
    durand.sharing.share(durand_file, team.ids["p.bernard"], "read")
    assert bernard.sharing.find_for_break_glass(nir=NIR) == ()
    durand.sharing.revoke_share(durand_file, team.ids["p.bernard"])
    assert [c.id for c in bernard.sharing.find_for_break_glass(nir=NIR)] == [durand_file]
    bernard.sharing.break_glass(durand_file, "Patient admis aux urgences cette nuit")
    assert bernard.sharing.find_for_break_glass(nir=NIR) == ()


def test_each_lookup_is_logged_without_the_values(team: Team, durand_file: int) -> None:
    bernard = team.login("p.bernard")
    bernard.sharing.find_for_break_glass(nir=NIR)
    bernard.sharing.find_for_break_glass(
        birth_name="Lefèvre", first_name="Hélène", birth_date=BIRTH
    )
    bernard.sharing.find_for_break_glass(birth_name="Martin", first_name="Luc", birth_date=BIRTH)
    events = _lookups(bernard)
    assert [json.loads(e.details) for e in events] == [
        {"by": "nir", "found": 1},
        {"by": "identity", "found": 1},
        {"by": "identity", "found": 0},
    ]
    assert all(e.user_id == team.ids["p.bernard"] for e in events)
    for event in events:
        text = json.dumps([event.details, event.object_type, event.object_id])
        assert BODY not in text and "Lef" not in text and "Martin" not in text
        assert "1975" not in text
