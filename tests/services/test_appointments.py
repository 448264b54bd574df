"""Appointments through the service: who may book and change them, the states, bad
input refused in French with nothing changed, conflicts as warnings, optimistic
locking, the week calendar, the ICS export and the events without values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from service_helpers import Clock, Team, identity

from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    PermissionDenied,
    ValidationError,
)
from oiso_desktop.domain.followup.appointments import AppointmentStatus, ConflictKind
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.models import Appointment, Event
from oiso_desktop.storage.uow import UnitOfWork


def local_now(clock: Clock) -> dt.datetime:
    return clock.now.astimezone().replace(tzinfo=None, second=0, microsecond=0)


def at(clock: Clock, days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = local_now(clock).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute))


def booking(patient_id: int, practitioner_id: int, starts_at: dt.datetime, **extra: object):
    values: dict[str, object] = {
        "patient_id": patient_id,
        "exam": "breast_mri",
        "starts_at": starts_at,
        "duration_minutes": 30,
        "place": "Hôpital Nord — Radiologie",
        "practitioner_id": practitioner_id,
    }
    values.update(extra)
    return AppointmentInput(**values)  # type: ignore[arg-type]


def counts(session: UserSession) -> tuple[int, int]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        return (
            uow.session.query(Appointment).count(),
            uow.session.query(Event).count(),
        )


@dataclasses.dataclass(frozen=True)
class Logged:
    object_id: int | None
    details: str


def events(session: UserSession, action: str) -> list[Logged]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = uow.session.query(Event).filter(Event.action == action).order_by(Event.id)
        return [Logged(row.object_id, row.details) for row in rows]


@pytest.fixture
def durand(team: Team) -> UserSession:
    return team.login("p.durand")


@pytest.fixture
def patient_id(durand: UserSession) -> int:
    return durand.patients.create(identity(address="3 rue Pasteur", city="Lyon")).id


def test_a_practitioner_books_confirms_and_the_events_hold_no_value(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    result = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 10, 9, 30), note="À jeun")
    )
    view = result.appointment
    assert result.warnings == ()
    assert view.status is AppointmentStatus.BOOKED and view.active
    assert view.patient_name == "LEFÈVRE Hélène"
    assert view.practitioner_name == "Paul Durand"
    assert view.ends_at - view.starts_at == dt.timedelta(minutes=30)
    confirmed = durand.appointments.confirm(view.id, expected_version=view.version)
    assert confirmed.status is AppointmentStatus.CONFIRMED
    assert confirmed.version == view.version + 1
    done = durand.appointments.mark_done(confirmed.id, expected_version=confirmed.version)
    assert done.status is AppointmentStatus.DONE
    assert [a.id for a in durand.appointments.for_patient(patient_id)] == [view.id]
    created = events(durand, "appointment_created")
    changed = events(durand, "appointment_changed")
    assert len(created) == 1 and created[0].object_id == patient_id
    assert [json.loads(e.details)["change"] for e in changed] == ["confirmed", "done"]
    for event in created + changed:
        text = event.details
        assert "Nord" not in text and "jeun" not in text and "09:30" not in text


def test_a_secretary_books_on_the_files_she_assists_only(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    secretary = team.login("s.leroy")
    view = secretary.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 3, 14))
    ).appointment
    assert secretary.appointments.get(view.id).patient_id == patient_id
    missed = secretary.appointments.mark_missed(view.id, expected_version=view.version)
    assert missed.status is AppointmentStatus.MISSED

    bernard = team.login("p.bernard")
    other = bernard.patients.create(identity(birth_name="Autre")).id
    with pytest.raises(PermissionDenied):
        secretary.appointments.book(booking(other, team.ids["p.bernard"], at(clock, 3, 15)))
    with pytest.raises(PermissionDenied):
        bernard.appointments.get(view.id)
    with pytest.raises(PermissionDenied):
        team.login("admin").appointments.for_patient(patient_id)


def test_a_read_share_reads_the_appointments_but_does_not_book(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    durand.sharing.share(patient_id, team.ids["c.petit"], "read")
    view = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 5, 10))
    ).appointment
    counsellor = team.login("c.petit")
    assert counsellor.appointments.get(view.id).read_only
    with pytest.raises(PermissionDenied) as refused:
        counsellor.appointments.cancel(view.id, expected_version=view.version)
    assert refused.value.code == ErrorCode.PATIENT_READ_ONLY
    durand.sharing.share(patient_id, team.ids["c.petit"], "write")
    cancelled = counsellor.appointments.cancel(view.id, expected_version=view.version)
    assert cancelled.status is AppointmentStatus.CANCELLED
    assert len(events(durand, "appointment_cancelled")) == 1


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        ("past", ErrorCode.APPOINTMENT_IN_PAST, "est déjà passé"),
        ("before_birth", ErrorCode.APPOINTMENT_BEFORE_BIRTH, "avant la naissance"),
        ("after_death", ErrorCode.APPOINTMENT_AFTER_DEATH, "décédé"),
        ("seconds", ErrorCode.APPOINTMENT_NOT_ON_MINUTE, "à la minute près"),
        ("duration", ErrorCode.APPOINTMENT_DURATION, "durée"),
        ("place", ErrorCode.APPOINTMENT_PLACE_REQUIRED, "lieu"),
        ("exam", ErrorCode.APPOINTMENT_EXAM_UNKNOWN, "examen"),
        ("practitioner", ErrorCode.APPOINTMENT_PRACTITIONER, "praticien"),
    ],
)
def test_bad_appointments_are_refused_in_french_and_change_nothing(
    team: Team,
    durand: UserSession,
    patient_id: int,
    clock: Clock,
    change: str,
    code: ErrorCode,
    words: str,
) -> None:
    data = booking(patient_id, team.ids["p.durand"], at(clock, 2, 11))
    if change == "past":
        data = dataclasses.replace(data, starts_at=at(clock, 0, 0) - dt.timedelta(minutes=5))
    elif change == "before_birth":
        data = dataclasses.replace(data, starts_at=dt.datetime(1974, 5, 2, 10, 0))
    elif change == "after_death":
        view = durand.patients.get(patient_id)
        fields = dataclasses.replace(
            view.fields, vital_status="deceased", death_date=local_now(clock).date()
        )
        durand.patients.update(patient_id, fields, expected_version=view.version)
    elif change == "seconds":
        data = dataclasses.replace(data, starts_at=data.starts_at.replace(second=30))
    elif change == "duration":
        data = dataclasses.replace(data, duration_minutes=0)
    elif change == "place":
        data = dataclasses.replace(data, place="   ")
    elif change == "exam":
        data = dataclasses.replace(data, exam="tarot")
    elif change == "practitioner":
        data = dataclasses.replace(data, practitioner_id=team.ids["s.leroy"])
    before = counts(durand)
    with pytest.raises(ValidationError) as refused:
        durand.appointments.book(data)
    assert refused.value.code == code
    assert words in str(refused.value)
    assert counts(durand) == before


def test_conflicts_are_warnings_and_the_booking_goes_through(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    first = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 7, 9))
    ).appointment
    # the same patient later that day, elsewhere
    same_day = booking(
        patient_id, team.ids["p.durand"], at(clock, 7, 16), place="Centre Est", exam="mammography"
    )
    assert [w.kind for w in durand.appointments.conflicts_for(same_day)] == [
        ConflictKind.SAME_PATIENT_DAY
    ]
    # another patient in the same room at overlapping times (spelt differently)
    other = durand.patients.create(identity(birth_name="Martin", first_names="Zoé")).id
    overlap = booking(
        other, team.ids["p.durand"], at(clock, 7, 9, 15), place="hôpital nord —  radiologie"
    )
    result = durand.appointments.book(overlap)
    assert [(w.kind, w.appointment_id) for w in result.warnings] == [
        (ConflictKind.PLACE_BUSY, first.id)
    ]
    assert "déjà réservé" in result.warnings[0].message
    assert result.warnings[0].code == ErrorCode.APPOINTMENT_PLACE_BUSY
    # right after: no overlap
    after = booking(other, team.ids["p.durand"], at(clock, 8, 9, 30))
    assert durand.appointments.conflicts_for(after) == ()


def test_a_stale_version_is_a_conflict_and_a_closed_appointment_stays_closed(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    view = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 4, 9))
    ).appointment
    secretary = team.login("s.leroy")
    secretary.appointments.confirm(view.id, expected_version=view.version)
    with pytest.raises(ConcurrentEditError) as stale:
        durand.appointments.cancel(view.id, expected_version=view.version)
    assert stale.value.code == ErrorCode.APPOINTMENT_CONFLICT
    current = durand.appointments.get(view.id)
    assert current.status is AppointmentStatus.CONFIRMED
    cancelled = durand.appointments.cancel(view.id, expected_version=current.version)
    with pytest.raises(ValidationError) as closed:
        durand.appointments.confirm(view.id, expected_version=cancelled.version)
    assert closed.value.code == ErrorCode.APPOINTMENT_TRANSITION
    assert "annulé ne peut pas être confirmé" in str(closed.value)


def test_a_reschedule_cancels_and_links_a_new_appointment(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    view = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 4, 9))
    ).appointment
    moved = durand.appointments.reschedule(
        view.id, expected_version=view.version, starts_at=at(clock, 11, 15, 45), place="Site B"
    ).appointment
    assert moved.rescheduled_from_id == view.id
    assert moved.status is AppointmentStatus.BOOKED
    assert (moved.place, moved.exam, moved.duration_minutes) == ("Site B", "breast_mri", 30)
    assert durand.appointments.get(view.id).status is AppointmentStatus.CANCELLED
    with pytest.raises(ValidationError):  # into the past: nothing changes
        durand.appointments.reschedule(
            moved.id, expected_version=moved.version, starts_at=at(clock, -1, 9)
        )
    assert durand.appointments.get(moved.id).status is AppointmentStatus.BOOKED


def test_the_week_calendar_shows_other_files_as_busy_slots(
    team: Team, durand: UserSession, patient_id: int, clock: Clock
) -> None:
    start = at(clock, 7, 9)
    monday = start.date() - dt.timedelta(days=start.weekday())
    mine = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], start, place="Salle 2")
    ).appointment
    bernard = team.login("p.bernard")
    other = bernard.patients.create(identity(birth_name="Autre")).id
    bernard.appointments.book(
        booking(other, team.ids["p.bernard"], start + dt.timedelta(hours=2), place="Salle 2")
    )
    week = durand.appointments.week(monday, place="salle 2")
    assert [a.id for a in week.appointments] == [mine.id]
    assert [(b.starts_at, b.place) for b in week.busy] == [
        (start + dt.timedelta(hours=2), "Salle 2")
    ]
    secretary = team.login("s.leroy")
    by_practitioner = secretary.appointments.week(monday, practitioner_id=team.ids["p.durand"])
    assert [a.patient_name for a in by_practitioner.appointments] == ["LEFÈVRE Hélène"]
    assert (
        durand.appointments.week(monday + dt.timedelta(days=7), place="Salle 2").appointments == ()
    )


def test_the_ics_export_is_minimal_folded_and_logged(
    team: Team, durand: UserSession, patient_id: int, clock: Clock, tmp_path: Path
) -> None:
    long_place = "Hôpital Nord; bâtiment C, radiologie — " + "couloir très long " * 4
    view = durand.appointments.book(
        booking(patient_id, team.ids["p.durand"], at(clock, 6, 8, 15), place=long_place)
    ).appointment
    path = tmp_path / "rdv.ics"
    assert durand.appointments.export_ics([view.id], path) == 1
    data = path.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "SUMMARY:Rendez-vous IRM mammaire\r\n" in unfolded
    assert "LOCATION:Hôpital Nord\\; bâtiment C\\, radiologie" in unfolded
    start = at(clock, 6, 8, 15)
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}\r\n" in unfolded
    assert f"DTEND:{start + dt.timedelta(minutes=30):%Y%m%dT%H%M%S}\r\n" in unfolded
    assert f"UID:appointment-{view.id}@oiso-desktop" in unfolded
    for forbidden in ("LEFÈVRE", "Lefèvre", "Hélène", "BRCA", "cancer", "Durand"):
        assert forbidden not in unfolded
    exported = events(durand, "appointments_exported")
    assert [json.loads(e.details) for e in exported] == [{"count": 1}]
    with pytest.raises(ValidationError) as empty:
        durand.appointments.export_ics([], tmp_path / "none.ics")
    assert empty.value.code == ErrorCode.CALENDAR_NOTHING_SELECTED
    assert not (tmp_path / "none.ics").exists()
