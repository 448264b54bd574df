"""Appointments of the follow-up (issue 9, DESIGN.md §5): ``session.appointments``.

**Who** (DESIGN.md §3, through the one access point): a role with
``MANAGE_APPOINTMENTS`` — practitioners and genetic counsellors on the files they may
write (owner, read-write share), secretaries on the files of the practitioners they
assist; reading needs read access to the file (``VIEW_PATIENTS``). Administrators
nothing. Appointments carry no clinical content (an exam kind, a place, a
practitioner, a practical note): a secretary needs no clinical key.

**Times** are the local wall-clock date and time at the place of the appointment
(naive datetimes, see ``domain.followup.appointments``); "now" is the workstation's
local time.

**Rules**: :func:`~oiso_desktop.domain.followup.appointments.validate_appointment`
(not in the past, not before birth, not after death, on the minute, a duration, a
place); the practitioner is an active practitioner or counsellor; conflicts (the same
patient the same day, a place double-booked) are *warnings* returned with the result
(:class:`BookingResult`) and by :meth:`AppointmentService.conflicts_for` before
booking. Every change takes the version the user saw (optimistic locking:
``appointment_conflict``).

**Events**: ``appointment_created``, ``appointment_changed`` (details "change":
confirmed, done, missed, rescheduled), ``appointment_cancelled``; object the
patient, details "appointment_id". Never a time, a place nor a note.
``appointments_exported`` (an ICS file the user chose; details "count").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    NotFound,
    OisoError,
    ValidationError,
)
from oiso_desktop.domain.followup.appointments import (
    ACTIVE_STATUSES,
    AppointmentAction,
    AppointmentStatus,
    ConflictWarning,
    Slot,
    check_transition,
    conflicts,
    place_key,
    validate_appointment,
)
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.reports.appointments_ics import CalendarEntry, ics_calendar
from oiso_desktop.services.access import PatientScope, authorize
from oiso_desktop.services.clinical_gate import PATIENT_NOT_FOUND_MESSAGE
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.validation import PROFESSIONAL_ROLES
from oiso_desktop.storage.models import Appointment, Patient, PlanItem, User
from oiso_desktop.storage.repositories import _search_conditions
from oiso_desktop.system.files import atomic_write

__all__ = [
    "AppointmentInput",
    "AppointmentService",
    "AppointmentView",
    "BookingResult",
    "BusySlot",
    "WeekView",
    "visible_patients",
]

NOT_FOUND_MESSAGE = "Ce rendez-vous n'existe pas (ou plus)."
CONFLICT_MESSAGE = (
    "Quelqu'un d'autre a modifié ce rendez-vous entre-temps. Rechargez-le, puis recommencez."
)
PRACTITIONER_MESSAGE = (
    "Un rendez-vous se donne avec un praticien ou un conseiller en génétique actif."
)
NOTHING_SELECTED_MESSAGE = "Choisissez au moins un rendez-vous à exporter."
PLAN_ITEM_GONE_MESSAGE = "Cet examen ne figure pas (ou plus) dans le plan de suivi."
EXPORT_FAILED_MESSAGE = "Le calendrier n'a pas pu être enregistré : {path} ({reason})."


@dataclass(frozen=True)
class AppointmentInput:
    """What the booking form gives: ``starts_at`` local and naive, on the minute."""

    patient_id: int
    exam: str  # domain.followup.exams.ExamKind value
    starts_at: dt.datetime
    duration_minutes: int
    place: str
    practitioner_id: int
    note: str = ""
    plan_item_id: int | None = None  # the plan item this appointment serves, if any


@dataclass(frozen=True)
class AppointmentView:
    id: int
    patient_id: int
    patient_name: str  # "LEFÈVRE Hélène" (the used name first when there is one)
    exam: str
    plan_item_id: int | None
    starts_at: dt.datetime  # local, naive
    duration_minutes: int
    place: str
    practitioner_id: int
    practitioner_name: str
    status: AppointmentStatus
    note: str
    rescheduled_from_id: int | None
    created_at: dt.datetime  # aware UTC
    version: int
    access: PatientAccess

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def read_only(self) -> bool:
        return self.access < PatientAccess.WRITE


@dataclass(frozen=True)
class BookingResult:
    """The appointment as saved and the warnings it raised (booked anyway)."""

    appointment: AppointmentView
    warnings: tuple[ConflictWarning, ...] = ()


@dataclass(frozen=True)
class BusySlot:
    """A slot of the calendar taken by an appointment the user may not see."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str


@dataclass(frozen=True)
class WeekView:
    """One week (Monday to Sunday) of a practitioner's or a place's calendar."""

    monday: dt.date
    appointments: tuple[AppointmentView, ...]  # active, done and missed; by time
    busy: tuple[BusySlot, ...]  # active appointments of files the user may not see


def visible_patients(scope: PatientScope) -> list:  # type: ignore[type-arg]
    """The SQL conditions on :class:`Patient` of the files ``scope`` may see."""
    return _search_conditions((), None, None, **scope.filter())


def patient_display_name(patient: Patient) -> str:
    name = patient.used_name or patient.birth_name
    return f"{name.upper()} {patient.first_names}".strip()


def user_display_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".strip()


def _local_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None)


class AppointmentService:
    """``session.appointments``: book, confirm, mark done or missed, cancel,
    reschedule; read one, a file's, a week of a calendar; export to ICS."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ helpers

    def _now_local(self) -> dt.datetime:
        return _local_naive(self.ctx.now())

    @staticmethod
    def _patient(uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        patient = uow.patients.get(patient_id)
        if patient is None:
            raise NotFound(
                PATIENT_NOT_FOUND_MESSAGE,
                code=ErrorCode.PATIENT_NOT_FOUND,
                object_type="patient",
                object_id=patient_id,
            )
        return patient

    def _file(
        self, uow: ServiceUnitOfWork, patient_id: int, permission: Permission
    ) -> tuple[Patient, PatientAccess]:
        authorize(uow, uow.actor, permission)
        patient = self._patient(uow, patient_id)
        return patient, authorize(uow, uow.actor, permission, patient)

    @staticmethod
    def _appointment(uow: ServiceUnitOfWork, appointment_id: int) -> Appointment:
        row = uow.session.get(Appointment, appointment_id)
        if row is None:
            raise NotFound(
                NOT_FOUND_MESSAGE,
                code=ErrorCode.APPOINTMENT_NOT_FOUND,
                appointment_id=appointment_id,
            )
        return row

    @staticmethod
    def _practitioner(uow: ServiceUnitOfWork, user_id: int) -> User:
        user = uow.users.get(user_id)
        if (
            user is None
            or user.role not in {role.value for role in PROFESSIONAL_ROLES}
            or user.status != AccountStatus.ACTIVE.value
        ):
            raise ValidationError(
                PRACTITIONER_MESSAGE,
                code=ErrorCode.APPOINTMENT_PRACTITIONER,
                field="practitioner_id",
            )
        return user

    def _view(
        self,
        uow: ServiceUnitOfWork,
        row: Appointment,
        patient: Patient,
        access: PatientAccess,
        names: dict[int, str] | None = None,
    ) -> AppointmentView:
        if names is not None and row.practitioner_id in names:
            practitioner = names[row.practitioner_id]
        else:
            user = uow.users.get(row.practitioner_id)
            practitioner = user_display_name(user) if user is not None else ""
        return AppointmentView(
            id=row.id,
            patient_id=row.patient_id,
            patient_name=patient_display_name(patient),
            exam=row.exam,
            plan_item_id=row.plan_item_id,
            starts_at=row.starts_at,
            duration_minutes=row.duration_minutes,
            place=row.place,
            practitioner_id=row.practitioner_id,
            practitioner_name=practitioner,
            status=AppointmentStatus(row.status),
            note=row.note,
            rescheduled_from_id=row.rescheduled_from_id,
            created_at=row.created_at.replace(tzinfo=dt.UTC),
            version=row.version,
            access=access,
        )

    def _check(self, uow: ServiceUnitOfWork, patient: Patient, data: AppointmentInput) -> None:
        validate_appointment(
            exam=data.exam,
            starts_at=data.starts_at,
            duration_minutes=data.duration_minutes,
            place=data.place,
            note=data.note,
            now=self._now_local(),
            birth_date=patient.birth_date,
            deceased=patient.vital_status == "deceased",
            death_date=patient.death_date,
        )
        self._practitioner(uow, data.practitioner_id)
        if data.plan_item_id is not None:
            item = uow.session.get(PlanItem, data.plan_item_id)
            if item is None or item.patient_id != patient.id:
                raise NotFound(
                    PLAN_ITEM_GONE_MESSAGE,
                    code=ErrorCode.PLAN_ITEM_NOT_FOUND,
                    key=str(data.plan_item_id),
                )

    @staticmethod
    def _warnings(
        uow: ServiceUnitOfWork, data: AppointmentInput, appointment_id: int = 0
    ) -> tuple[ConflictWarning, ...]:
        """Conflicts with the active appointments of the patient that day and of any
        place booked at overlapping times (every file: a room is a room)."""
        start = data.starts_at
        day = dt.datetime.combine(start.date(), dt.time())
        end = start + dt.timedelta(minutes=data.duration_minutes)
        active = [status.value for status in ACTIVE_STATUSES]
        rows = uow.session.scalars(
            select(Appointment).where(
                Appointment.status.in_(active),
                Appointment.id != appointment_id,
                or_(
                    and_(
                        Appointment.patient_id == data.patient_id,
                        Appointment.starts_at >= day,
                        Appointment.starts_at < day + dt.timedelta(days=1),
                    ),
                    # appointments last at most 12 hours: a bounded window
                    and_(
                        Appointment.starts_at < end,
                        Appointment.starts_at >= start - dt.timedelta(hours=12),
                    ),
                ),
            )
        )
        slots = [Slot(r.id, r.patient_id, r.starts_at, r.duration_minutes, r.place) for r in rows]
        candidate = Slot(appointment_id, data.patient_id, start, data.duration_minutes, data.place)
        return conflicts(candidate, slots)

    def _log(
        self, uow: ServiceUnitOfWork, action: str, row: Appointment, **details: object
    ) -> None:
        record_event(
            uow,
            self.ctx,
            uow.actor,
            action,
            object_type="patient",
            object_id=row.patient_id,
            details={"appointment_id": row.id, **details},
        )

    def _commit(self, uow: ServiceUnitOfWork, appointment_id: int) -> None:
        try:
            uow.flush()
        except (StaleDataError, IntegrityError, ConcurrentEditError) as exc:
            raise ConcurrentEditError(
                CONFLICT_MESSAGE,
                code=ErrorCode.APPOINTMENT_CONFLICT,
                appointment_id=appointment_id,
            ) from exc

    @staticmethod
    def _expect(row: Appointment, expected_version: int) -> None:
        if row.version != expected_version:
            raise ConcurrentEditError(
                CONFLICT_MESSAGE, code=ErrorCode.APPOINTMENT_CONFLICT, appointment_id=row.id
            )

    def _insert(
        self,
        uow: ServiceUnitOfWork,
        data: AppointmentInput,
        rescheduled_from: int | None = None,
    ) -> Appointment:
        now = naive_utc(self.ctx.now())
        row = Appointment(
            patient_id=data.patient_id,
            exam=data.exam,
            plan_item_id=data.plan_item_id,
            starts_at=data.starts_at,
            duration_minutes=data.duration_minutes,
            place=" ".join(data.place.split()),
            practitioner_id=data.practitioner_id,
            status=AppointmentStatus.BOOKED.value,
            note=data.note.strip(),
            rescheduled_from_id=rescheduled_from,
            created_by_id=uow.actor.user_id,
            created_at=now,
            updated_by_id=uow.actor.user_id,
            updated_at=now,
        )
        uow.session.add(row)
        uow.flush()
        return row

    # ------------------------------------------------------------------ reading

    @reads
    def get(self, appointment_id: int) -> AppointmentView:
        """One appointment (read access to its file)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            row = self._appointment(uow, appointment_id)
            patient, access = self._file(uow, row.patient_id, Permission.VIEW_PATIENTS)
            return self._view(uow, row, patient, access)

    @reads
    def for_patient(self, patient_id: int) -> tuple[AppointmentView, ...]:
        """Every appointment of a file, the newest first."""
        with self.ctx.unit_of_work() as uow:
            patient, access = self._file(uow, patient_id, Permission.VIEW_PATIENTS)
            rows = uow.session.scalars(
                select(Appointment)
                .where(Appointment.patient_id == patient.id)
                .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
            )
            return tuple(self._view(uow, row, patient, access) for row in rows)

    @reads
    def conflicts_for(
        self, data: AppointmentInput, *, appointment_id: int = 0
    ) -> tuple[ConflictWarning, ...]:
        """The warnings booking ``data`` would raise (``appointment_id``: the one being
        rescheduled, left out), after the same checks as :meth:`book`."""
        with self.ctx.unit_of_work() as uow:
            patient, _ = self._file(uow, data.patient_id, Permission.MANAGE_APPOINTMENTS)
            self._check(uow, patient, data)
            return self._warnings(uow, data, appointment_id)

    @reads
    def week(
        self,
        monday: dt.date,
        *,
        practitioner_id: int | None = None,
        place: str | None = None,
    ) -> WeekView:
        """The week from ``monday`` of one practitioner's or one place's calendar.

        Appointments of files the user may see come whole (cancelled ones left out);
        the active ones of other files only as busy slots (time and place)."""
        if (practitioner_id is None) == (place is None):
            raise ValueError("give a practitioner or a place")
        start = dt.datetime.combine(monday, dt.time())
        end = start + dt.timedelta(days=7)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            scope = PatientScope(uow, uow.actor)
            query = select(Appointment).where(
                Appointment.starts_at >= start,
                Appointment.starts_at < end,
                Appointment.status != AppointmentStatus.CANCELLED.value,
            )
            if practitioner_id is not None:
                query = query.where(Appointment.practitioner_id == practitioner_id)
            rows = list(uow.session.scalars(query.order_by(Appointment.starts_at)))
            if place is not None:
                wanted = place_key(place)
                rows = [row for row in rows if place_key(row.place) == wanted]
            patient_ids = {row.patient_id for row in rows}
            visible_ids = (
                set(
                    uow.session.scalars(
                        select(Patient.id).where(
                            Patient.id.in_(patient_ids), *visible_patients(scope)
                        )
                    )
                )
                if patient_ids
                else set()
            )
            patients = {p.id: p for p in uow.patients.by_ids(visible_ids)}
            shares = scope.shares(visible_ids)
            names = {
                user.id: user_display_name(user)
                for user in uow.session.scalars(
                    select(User).where(User.id.in_({row.practitioner_id for row in rows}))
                )
            }
            views: list[AppointmentView] = []
            busy: list[BusySlot] = []
            for row in rows:
                patient = patients.get(row.patient_id)
                if patient is not None:
                    access = scope.access(patient, shares.get(patient.id))
                    views.append(self._view(uow, row, patient, access, names))
                elif row.status in {s.value for s in ACTIVE_STATUSES}:
                    busy.append(
                        BusySlot(
                            row.starts_at,
                            row.starts_at + dt.timedelta(minutes=row.duration_minutes),
                            row.place,
                        )
                    )
            return WeekView(monday, tuple(views), tuple(busy))

    # ------------------------------------------------------------------ changes

    @writes
    def book(self, data: AppointmentInput) -> BookingResult:
        """Book an appointment (status booked); conflicts come back as warnings.

        ValidationError (past, before birth, after death, not on the minute, no
        duration or place, unknown exam, not a clinician); PermissionDenied."""
        with self.ctx.unit_of_work() as uow:
            patient, access = self._file(uow, data.patient_id, Permission.MANAGE_APPOINTMENTS)
            self._check(uow, patient, data)
            warnings = self._warnings(uow, data)
            row = self._insert(uow, data)
            self._log(uow, "appointment_created", row)
            view = self._view(uow, row, patient, access)
            uow.commit()
            return BookingResult(view, warnings)

    def _change(
        self, appointment_id: int, expected_version: int, action: AppointmentAction
    ) -> AppointmentView:
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            row = self._appointment(uow, appointment_id)
            patient, access = self._file(uow, row.patient_id, Permission.MANAGE_APPOINTMENTS)
            self._expect(row, expected_version)
            row.status = check_transition(row.status, action).value
            row.updated_at = naive_utc(self.ctx.now())
            row.updated_by_id = uow.actor.user_id
            self._commit(uow, row.id)
            if action is AppointmentAction.CANCEL:
                self._log(uow, "appointment_cancelled", row)
            else:
                self._log(uow, "appointment_changed", row, change=row.status)
            view = self._view(uow, row, patient, access)
            uow.commit()
            return view

    @writes
    def confirm(self, appointment_id: int, *, expected_version: int) -> AppointmentView:
        """booked → confirmed (the patient said they will come)."""
        return self._change(appointment_id, expected_version, AppointmentAction.CONFIRM)

    @writes
    def mark_done(self, appointment_id: int, *, expected_version: int) -> AppointmentView:
        """booked or confirmed → done (the patient came). Recording the exam itself
        and its result is the clinicians' act (``session.followup.mark_done``)."""
        return self._change(appointment_id, expected_version, AppointmentAction.MARK_DONE)

    @writes
    def mark_missed(self, appointment_id: int, *, expected_version: int) -> AppointmentView:
        """booked or confirmed → missed (the patient did not come)."""
        return self._change(appointment_id, expected_version, AppointmentAction.MARK_MISSED)

    @writes
    def cancel(self, appointment_id: int, *, expected_version: int) -> AppointmentView:
        """booked or confirmed → cancelled."""
        return self._change(appointment_id, expected_version, AppointmentAction.CANCEL)

    @writes
    def reschedule(
        self,
        appointment_id: int,
        *,
        expected_version: int,
        starts_at: dt.datetime,
        duration_minutes: int | None = None,
        place: str | None = None,
        practitioner_id: int | None = None,
    ) -> BookingResult:
        """Move an appointment: the old one is cancelled (a missed one stays missed)
        and a new one, booked, points to it (``rescheduled_from_id``). Everything not
        given is kept. Logged as ``appointment_changed`` (change: rescheduled) on the
        old one and ``appointment_created`` on the new one."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            old = self._appointment(uow, appointment_id)
            patient, access = self._file(uow, old.patient_id, Permission.MANAGE_APPOINTMENTS)
            self._expect(old, expected_version)
            data = AppointmentInput(
                patient_id=old.patient_id,
                exam=old.exam,
                starts_at=starts_at,
                duration_minutes=(
                    old.duration_minutes if duration_minutes is None else duration_minutes
                ),
                place=old.place if place is None else place,
                practitioner_id=old.practitioner_id if practitioner_id is None else practitioner_id,
                note=old.note,
                plan_item_id=old.plan_item_id,
            )
            self._check(uow, patient, data)
            old.status = check_transition(old.status, AppointmentAction.RESCHEDULE).value
            old.updated_at = naive_utc(self.ctx.now())
            old.updated_by_id = uow.actor.user_id
            self._commit(uow, old.id)
            warnings = self._warnings(uow, data, old.id)
            new = self._insert(uow, data, rescheduled_from=old.id)
            self._log(uow, "appointment_changed", old, change="rescheduled", new_id=new.id)
            self._log(uow, "appointment_created", new, rescheduled_from=old.id)
            view = self._view(uow, new, patient, access)
            uow.commit()
            return BookingResult(view, warnings)

    # ------------------------------------------------------------------ calendar file

    def _entries(self, appointment_ids: Sequence[int]) -> list[CalendarEntry]:
        ids = list(dict.fromkeys(int(i) for i in appointment_ids))
        if not ids:
            raise ValidationError(
                NOTHING_SELECTED_MESSAGE, code=ErrorCode.CALENDAR_NOTHING_SELECTED
            )
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            entries = []
            for appointment_id in ids:
                row = self._appointment(uow, appointment_id)
                self._file(uow, row.patient_id, Permission.MANAGE_APPOINTMENTS)
                entries.append(
                    CalendarEntry(
                        uid=f"appointment-{row.id}",
                        sequence=row.version,
                        exam=row.exam,
                        starts_at=row.starts_at,
                        duration_minutes=row.duration_minutes,
                        place=row.place,
                        cancelled=row.status == AppointmentStatus.CANCELLED.value,
                        stamp=self.ctx.now(),
                    )
                )
        return entries

    @reads
    def ics(self, appointment_ids: Sequence[int]) -> bytes:
        """The ICS calendar of ``appointment_ids`` (not logged: nothing leaves the app)."""
        return ics_calendar(self._entries(appointment_ids))

    @writes
    def export_ics(self, appointment_ids: Iterable[int], path: Path) -> int:
        """Write the appointments as an ICS file the user chose (opt-in), atomically;
        logged ``appointments_exported`` (details "count"); a file whose event cannot
        be written is removed. Minimal content: "Rendez-vous <exam>", the place, the
        start and end; no name, no diagnosis, no gene. Returns the count."""
        path = Path(path)
        entries = self._entries(list(appointment_ids))
        data = ics_calendar(entries)
        try:
            atomic_write(path, data)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise OisoError(
                EXPORT_FAILED_MESSAGE.format(path=path, reason=reason),
                code=ErrorCode.CALENDAR_EXPORT_FAILED,
                path=str(path),
                reason=reason,
            ) from exc
        try:
            with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
                authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "appointments_exported",
                    details={"count": len(entries)},
                )
                uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return len(entries)
