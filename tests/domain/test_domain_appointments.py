"""The rules of one appointment, its states and its conflicts (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.followup.appointments import (
    AppointmentAction,
    AppointmentStatus,
    ConflictKind,
    Slot,
    check_transition,
    conflicts,
    validate_appointment,
)

NOW = dt.datetime(2026, 3, 2, 10, 0)
BIRTH = dt.date(1980, 6, 1)


def check(**changes: object) -> None:
    values: dict[str, object] = {
        "exam": "colonoscopy",
        "starts_at": dt.datetime(2026, 3, 9, 9, 30),
        "duration_minutes": 45,
        "place": "Endoscopie",
        "now": NOW,
        "birth_date": BIRTH,
    }
    values.update(changes)
    validate_appointment(**values)  # type: ignore[arg-type]


def test_a_good_appointment_passes_even_this_very_minute() -> None:
    check()
    check(starts_at=NOW)
    check(starts_at=NOW.replace(second=0), now=NOW.replace(second=40))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"starts_at": NOW - dt.timedelta(minutes=1)}, ErrorCode.APPOINTMENT_IN_PAST),
        ({"starts_at": dt.datetime(1979, 1, 1, 9, 0)}, ErrorCode.APPOINTMENT_BEFORE_BIRTH),
        ({"death_date": dt.date(2026, 3, 1)}, ErrorCode.APPOINTMENT_AFTER_DEATH),
        ({"deceased": True}, ErrorCode.APPOINTMENT_AFTER_DEATH),
        ({"starts_at": dt.datetime(2026, 3, 9, 9, 30, 1)}, ErrorCode.APPOINTMENT_NOT_ON_MINUTE),
        ({"duration_minutes": 0}, ErrorCode.APPOINTMENT_DURATION),
        ({"duration_minutes": 13 * 60}, ErrorCode.APPOINTMENT_DURATION),
        ({"place": ""}, ErrorCode.APPOINTMENT_PLACE_REQUIRED),
        ({"place": "x" * 201}, ErrorCode.APPOINTMENT_TEXT_TOO_LONG),
        ({"exam": "horoscope"}, ErrorCode.APPOINTMENT_EXAM_UNKNOWN),
    ],
)
def test_bad_appointments_are_refused_with_their_code(
    changes: dict[str, object], code: ErrorCode
) -> None:
    with pytest.raises(ValidationError) as refused:
        check(**changes)
    assert refused.value.code == code
    assert str(refused.value)[-1] == "."


def test_the_french_messages_name_the_dates() -> None:
    with pytest.raises(ValidationError, match=r"du 01/01/1979 serait avant la naissance"):
        check(starts_at=dt.datetime(1979, 1, 1, 9, 0))
    with pytest.raises(ValidationError, match=r"du 02/03/2026 à 9 h 59 est déjà passé"):
        check(starts_at=dt.datetime(2026, 3, 2, 9, 59))


def test_a_death_date_after_the_appointment_does_not_refuse_it() -> None:
    check(death_date=dt.date(2026, 4, 1))


def test_the_states() -> None:
    booked = AppointmentStatus.BOOKED
    assert check_transition(booked, AppointmentAction.CONFIRM) is AppointmentStatus.CONFIRMED
    assert check_transition("confirmed", AppointmentAction.MARK_DONE) is AppointmentStatus.DONE
    assert check_transition(booked, AppointmentAction.MARK_MISSED) is AppointmentStatus.MISSED
    assert check_transition(booked, AppointmentAction.CANCEL) is AppointmentStatus.CANCELLED
    assert check_transition(booked, AppointmentAction.RESCHEDULE) is AppointmentStatus.CANCELLED
    assert check_transition("missed", AppointmentAction.RESCHEDULE) is AppointmentStatus.MISSED
    for status in ("done", "missed", "cancelled"):
        for action in (AppointmentAction.CONFIRM, AppointmentAction.CANCEL):
            with pytest.raises(ValidationError) as refused:
                check_transition(status, action)
            assert refused.value.code == ErrorCode.APPOINTMENT_TRANSITION
    with pytest.raises(ValidationError, match="confirmé ne peut pas être confirmé"):
        check_transition("confirmed", AppointmentAction.CONFIRM)


def slot(id: int, patient: int, start: dt.datetime, minutes: int, place: str) -> Slot:
    return Slot(id, patient, start, minutes, place)


def test_conflicts_same_patient_same_day_and_overlapping_place() -> None:
    nine = dt.datetime(2026, 3, 9, 9, 0)
    candidate = slot(0, 1, nine, 30, "Salle A")
    others = [
        slot(10, 1, nine.replace(hour=17), 15, "Salle B"),  # same patient, same day
        slot(11, 2, nine + dt.timedelta(minutes=20), 30, " salle   a "),  # overlaps
        slot(12, 2, nine + dt.timedelta(minutes=30), 30, "Salle A"),  # just after
        slot(13, 3, nine - dt.timedelta(minutes=30), 30, "Salle A"),  # just before
        slot(14, 1, nine + dt.timedelta(days=1), 30, "Salle A"),  # the next day
    ]
    found = conflicts(candidate, others)
    assert [(w.kind, w.appointment_id) for w in found] == [
        (ConflictKind.PLACE_BUSY, 11),
        (ConflictKind.SAME_PATIENT_DAY, 10),
    ]
    assert found[1].params == {"date": "09/03/2026", "time": "17 h 00"}
    assert conflicts(slot(10, 1, nine.replace(hour=17), 15, "Salle B"), others[:1]) == ()
