"""The demo's follow-up: carriers of both practitioners whose exams are due, overdue or
lost to follow-up, and appointments this week and the next, all visible to the
secretary who assists both practitioners."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from oiso_desktop.domain.followup.appointments import ACTIVE_STATUSES
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.services.auth_service import AuthService, UserSession
from oiso_desktop.services.demo import DEMO_PLACES, DemoAccounts, create_demo_database
from oiso_desktop.storage.secret_store import MemorySecretStore


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoAccounts:
    return create_demo_database(
        Path(tmp_path_factory.mktemp("demo-followup")) / "demo", patients=120
    )


@pytest.fixture
def secretary(demo: DemoAccounts) -> Iterator[UserSession]:
    session = AuthService(demo.folder, secret_store=MemorySecretStore()).login(
        demo.secretary_login, demo.secretary_password
    )
    yield session
    session.logout()


def _patients(session: UserSession, kind: WorklistKind) -> set[int]:
    ids = session.followup.worklist(kind).ids
    rows = []
    for start in range(0, len(ids), 500):
        rows += session.followup.worklist_page(ids[start : start + 500])
    return {row.patient_id for row in rows}


def test_the_demo_carriers_fill_each_list_for_the_secretary(
    demo: DemoAccounts, secretary: UserSession
) -> None:
    patterns = demo.followup_patients
    assert set(patterns.values()) == {"due", "overdue", "lost"}
    due = _patients(secretary, WorklistKind.DUE_SOON)
    overdue = _patients(secretary, WorklistKind.OVERDUE)
    lost = _patients(secretary, WorklistKind.LOST)
    for patient_id, pattern in patterns.items():
        if pattern == "due":
            assert patient_id in due
        elif pattern == "overdue":
            assert patient_id in overdue and patient_id not in lost
        else:
            assert patient_id in lost
    # both practitioners' files
    owners = {secretary.patients.page([pid]).rows[0].owner_display_name for pid in patterns}
    assert owners == {"Marc Généticien", "Hugo Oncologue"}


def test_the_demo_has_appointments_this_week_and_the_next_for_both_practitioners(
    demo: DemoAccounts, secretary: UserSession
) -> None:
    today = secretary.ctx.today()
    monday = today - dt.timedelta(days=today.weekday())
    practitioners = {user.display_name: user.id for user in secretary.users.list_practitioners()}
    found = {}
    for name in ("Marc Généticien", "Hugo Oncologue"):
        appointments = [
            a
            for week in (monday, monday + dt.timedelta(days=7), monday + dt.timedelta(days=14))
            for a in secretary.appointments.week(
                week, practitioner_id=practitioners[name]
            ).appointments
        ]
        assert appointments, name
        assert all(
            today < a.starts_at.date() <= today + dt.timedelta(days=14) for a in appointments
        )
        assert all(a.status in ACTIVE_STATUSES and not a.read_only for a in appointments)
        assert {a.place for a in appointments} <= set(DEMO_PLACES)
        found[name] = appointments
    # one place booked twice at the same time: the calendar shows a conflict
    doubled = [
        a
        for a in found["Marc Généticien"]
        if sum(b.starts_at == a.starts_at and b.place == a.place for b in found["Marc Généticien"])
        > 1
    ]
    assert len(doubled) == 2
