"""Appointments: the rules of one appointment, its states, and the conflicts to warn of.

Pure: no clock of its own (``now`` is given), no database. Times are the local
wall-clock date and time at the place of the appointment (naive datetimes): "le 12
mars à 9 h 30" stays 9 h 30 across a daylight-saving change.

* :func:`validate_appointment`: an appointment is refused (ValidationError, French
  message, a code of its own) in the past, before the patient's birth, after their
  death, off the minute, with no duration or no place;
* :func:`conflicts`: two appointments of the same patient the same day, or a place
  booked twice at overlapping times, are *warnings* returned as data
  (:class:`ConflictWarning`): the user may book anyway;
* :func:`check_transition`: booked → confirmed → done or missed; booked or confirmed →
  cancelled; a reschedule cancels the appointment (or leaves a missed one missed)
  and books a new one linked to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.text import fold

__all__ = [
    "ACTIVE_STATUSES",
    "MAX_DURATION_MINUTES",
    "AppointmentAction",
    "AppointmentStatus",
    "ConflictKind",
    "ConflictWarning",
    "Slot",
    "check_transition",
    "conflicts",
    "french_date",
    "french_time",
    "place_key",
    "validate_appointment",
]

#: An appointment lasts at most a day's work.
MAX_DURATION_MINUTES = 12 * 60
MAX_PLACE_LENGTH = 200
MAX_NOTE_LENGTH = 500


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    DONE = "done"  # the patient came
    MISSED = "missed"  # the patient did not come
    CANCELLED = "cancelled"


#: Appointments still to come (they hold their slot, count for conflicts and letters).
ACTIVE_STATUSES = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED})


class AppointmentAction(StrEnum):
    CONFIRM = "confirm"
    MARK_DONE = "mark_done"
    MARK_MISSED = "mark_missed"
    CANCEL = "cancel"
    RESCHEDULE = "reschedule"


_FROM: dict[AppointmentAction, frozenset[AppointmentStatus]] = {
    AppointmentAction.CONFIRM: frozenset({AppointmentStatus.BOOKED}),
    AppointmentAction.MARK_DONE: ACTIVE_STATUSES,
    AppointmentAction.MARK_MISSED: ACTIVE_STATUSES,
    AppointmentAction.CANCEL: ACTIVE_STATUSES,
    AppointmentAction.RESCHEDULE: ACTIVE_STATUSES | {AppointmentStatus.MISSED},
}
_TO: dict[AppointmentAction, AppointmentStatus | None] = {
    AppointmentAction.CONFIRM: AppointmentStatus.CONFIRMED,
    AppointmentAction.MARK_DONE: AppointmentStatus.DONE,
    AppointmentAction.MARK_MISSED: AppointmentStatus.MISSED,
    AppointmentAction.CANCEL: AppointmentStatus.CANCELLED,
    AppointmentAction.RESCHEDULE: None,  # see check_transition
}

_STATUS_WORDS = {
    AppointmentStatus.BOOKED: "réservé",
    AppointmentStatus.CONFIRMED: "confirmé",
    AppointmentStatus.DONE: "honoré",
    AppointmentStatus.MISSED: "manqué",
    AppointmentStatus.CANCELLED: "annulé",
}
_ACTION_WORDS = {
    AppointmentAction.CONFIRM: "confirmé",
    AppointmentAction.MARK_DONE: "marqué comme honoré",
    AppointmentAction.MARK_MISSED: "marqué comme manqué",
    AppointmentAction.CANCEL: "annulé",
    AppointmentAction.RESCHEDULE: "reporté",
}


def french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def french_time(moment: dt.datetime | dt.time) -> str:
    """ "9 h 30", "14 h 00"."""
    return f"{moment.hour} h {moment.minute:02d}"


def place_key(place: str) -> str:
    """Two spellings of one place compare equal ("Site  Nord" and "site nord")."""
    return " ".join(fold(place).split())


def check_transition(
    status: AppointmentStatus | str, action: AppointmentAction
) -> AppointmentStatus:
    """The status after ``action`` on an appointment in ``status``; ValidationError
    ``appointment_transition`` (params status, action: French words) otherwise.

    A reschedule returns the old appointment's new status: cancelled, or missed
    left as it is."""
    current = AppointmentStatus(status)
    if current not in _FROM[action]:
        raise ValidationError(
            f"Un rendez-vous {_STATUS_WORDS[current]} ne peut pas être {_ACTION_WORDS[action]}.",
            code=ErrorCode.APPOINTMENT_TRANSITION,
            status=str(current),
            action=str(action),
        )
    target = _TO[action]
    if target is None:
        return current if current is AppointmentStatus.MISSED else AppointmentStatus.CANCELLED
    return target


def validate_appointment(
    *,
    exam: str,
    starts_at: dt.datetime,
    duration_minutes: int,
    place: str,
    now: dt.datetime,
    birth_date: dt.date,
    deceased: bool = False,
    death_date: dt.date | None = None,
    note: str = "",
) -> None:
    """Raise ValidationError (French message, ``field``, a code of its own) for the
    first problem of an appointment at ``starts_at`` (local, naive); ``now`` is the
    local time now (naive)."""
    try:
        ExamKind(exam)
    except ValueError:
        raise ValidationError(
            "Cet examen n'est pas connu.",
            code=ErrorCode.APPOINTMENT_EXAM_UNKNOWN,
            field="exam",
            exam=str(exam),
        ) from None
    if starts_at.tzinfo is not None:
        raise ValueError("an appointment time is a naive local time")
    if starts_at.second or starts_at.microsecond:
        raise ValidationError(
            "L'heure du rendez-vous se donne à la minute près.",
            code=ErrorCode.APPOINTMENT_NOT_ON_MINUTE,
            field="starts_at",
        )
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int):
        raise TypeError("duration_minutes is an int")
    if not 0 < duration_minutes <= MAX_DURATION_MINUTES:
        raise ValidationError(
            f"La durée du rendez-vous doit être comprise entre 1 et "
            f"{MAX_DURATION_MINUTES} minutes.",
            code=ErrorCode.APPOINTMENT_DURATION,
            field="duration_minutes",
            maximum=MAX_DURATION_MINUTES,
        )
    if not place.strip():
        raise ValidationError(
            "Indiquez le lieu du rendez-vous.",
            code=ErrorCode.APPOINTMENT_PLACE_REQUIRED,
            field="place",
        )
    if len(place.strip()) > MAX_PLACE_LENGTH or len(note) > MAX_NOTE_LENGTH:
        field = "place" if len(place.strip()) > MAX_PLACE_LENGTH else "note"
        maximum = MAX_PLACE_LENGTH if field == "place" else MAX_NOTE_LENGTH
        raise ValidationError(
            f"Ce texte est trop long ({maximum} caractères au plus).",
            code=ErrorCode.APPOINTMENT_TEXT_TOO_LONG,
            field=field,
            max_length=maximum,
        )
    day = starts_at.date()
    if day < birth_date:
        raise ValidationError(
            f"Le rendez-vous du {french_date(day)} serait avant la naissance du patient "
            f"({french_date(birth_date)}).",
            code=ErrorCode.APPOINTMENT_BEFORE_BIRTH,
            field="starts_at",
            date=french_date(day),
            birth_date=french_date(birth_date),
        )
    if deceased or (death_date is not None and day >= death_date):
        raise ValidationError(
            "Ce patient est décédé : aucun rendez-vous ne peut lui être donné.",
            code=ErrorCode.APPOINTMENT_AFTER_DEATH,
            field="starts_at",
        )
    if starts_at < now.replace(second=0, microsecond=0):
        raise ValidationError(
            f"Le rendez-vous du {french_date(day)} à {french_time(starts_at)} est déjà passé.",
            code=ErrorCode.APPOINTMENT_IN_PAST,
            field="starts_at",
            date=french_date(day),
            time=french_time(starts_at),
        )


@dataclass(frozen=True)
class Slot:
    """An appointment as far as conflicts go (``id`` 0: the one being booked)."""

    id: int
    patient_id: int
    starts_at: dt.datetime
    duration_minutes: int
    place: str

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


class ConflictKind(StrEnum):
    SAME_PATIENT_DAY = "same_patient_day"  # the patient has another appointment that day
    PLACE_BUSY = "place_busy"  # the place is booked at overlapping times


@dataclass(frozen=True)
class ConflictWarning:
    """A warning, not an error: the user may book anyway.

    ``code``: the ErrorCode whose text the GUI shows with ``params`` (date, time)."""

    kind: ConflictKind
    appointment_id: int
    starts_at: dt.datetime

    @property
    def code(self) -> ErrorCode:
        if self.kind is ConflictKind.SAME_PATIENT_DAY:
            return ErrorCode.APPOINTMENT_SAME_DAY
        return ErrorCode.APPOINTMENT_PLACE_BUSY

    @property
    def params(self) -> dict[str, str]:
        return {"date": french_date(self.starts_at.date()), "time": french_time(self.starts_at)}

    @property
    def message(self) -> str:
        if self.kind is ConflictKind.SAME_PATIENT_DAY:
            return (
                f"Ce patient a déjà un rendez-vous le {self.params['date']} à "
                f"{self.params['time']}."
            )
        return (
            f"Ce lieu est déjà réservé le {self.params['date']} à {self.params['time']} "
            "sur un créneau qui chevauche celui-ci."
        )


def conflicts(candidate: Slot, others: Iterable[Slot]) -> tuple[ConflictWarning, ...]:
    """The warnings for ``candidate`` among ``others`` (active appointments; the
    candidate itself, by id, is skipped), in time order."""
    found: list[ConflictWarning] = []
    place = place_key(candidate.place)
    for other in sorted(others, key=lambda slot: (slot.starts_at, slot.id)):
        if candidate.id and other.id == candidate.id:
            continue
        if (
            other.patient_id == candidate.patient_id
            and other.starts_at.date() == candidate.starts_at.date()
        ):
            found.append(ConflictWarning(ConflictKind.SAME_PATIENT_DAY, other.id, other.starts_at))
        elif (
            place_key(other.place) == place
            and other.starts_at < candidate.ends_at
            and candidate.starts_at < other.ends_at
        ):
            found.append(ConflictWarning(ConflictKind.PLACE_BUSY, other.id, other.starts_at))
    return tuple(found)
