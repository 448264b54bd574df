"""Convocation and reminder letters in batch: ``session.followup_letters``.

From a worklist selection the secretary (or a clinician) gets **one PDF**, one letter
per page (``reports.convocation_pdf``):

* ``"convocation"``: a selection of appointments (booked or confirmed), each letter
  signed by the appointment's practitioner;
* ``"reminder"``: a selection of plan items (``plan_items.id``), each letter giving
  the due date and asking the patient to make an appointment, signed by the file's
  owner.

The letterhead is the signatory's structure (else the acting user's). Only what the
letters need is read: identity and postal address, the exam, the appointment or the
due date; never a clinical form (no clinical key needed, nothing of genetics).

**Access**: ``MANAGE_APPOINTMENTS`` on every file of the selection (write access:
owner, read-write share, assisting secretary), checked through the one access point.

**Events** (never a name, an address nor a date): ``letters_printed`` when a batch is
produced (details "kind", "count"), ``letters_exported`` when the user saves it to a
file (atomic; the file removed if the event cannot be written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from oiso_desktop.domain.errors import ErrorCode, NotFound, OisoError, ValidationError
from oiso_desktop.domain.followup.appointments import ACTIVE_STATUSES
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.reports.convocation_pdf import (
    LETTER_KINDS,
    FollowupLetter,
    LetterPatient,
    LetterSignatory,
    LetterStructure,
    render_followup_letters,
)
from oiso_desktop.services.access import authorize
from oiso_desktop.services.appointment_service import NOT_FOUND_MESSAGE as APPOINTMENT_GONE
from oiso_desktop.services.context import AccessMode, ServiceContext, ServiceUnitOfWork, writes
from oiso_desktop.services.event_log import record_event
from oiso_desktop.storage.models import Appointment, Patient, PlanItem, User
from oiso_desktop.system.files import atomic_write

__all__ = ["LETTER_KINDS", "FollowupLetterService", "LetterBatch", "letters_file_name"]

NOTHING_SELECTED_MESSAGE = "Choisissez au moins une ligne pour laquelle imprimer un courrier."
EXPORT_FAILED_MESSAGE = "Les courriers n'ont pas pu être enregistrés : {path} ({reason})."
PLAN_ITEM_GONE_MESSAGE = "Cette ligne du plan de suivi n'existe plus."
NOT_TO_COME_MESSAGE = "Une convocation se fait pour un rendez-vous à venir (réservé ou confirmé)."
COUNSELLOR_PROFESSION = "Conseiller en génétique"


@dataclass(frozen=True)
class LetterBatch:
    """A batch of letters, in memory: ``pdf`` (never in the repr), one page each."""

    kind: str
    count: int
    pdf: bytes

    def __repr__(self) -> str:
        return f"LetterBatch(kind={self.kind!r}, count={self.count}, size={len(self.pdf)})"

    @property
    def file_name(self) -> str:
        return letters_file_name(self.kind, dt.date.today())


def letters_file_name(kind: str, day: dt.date) -> str:
    """The name proposed when saving a batch; never a patient's name."""
    word = "convocations" if kind == "convocation" else "rappels"
    return f"{word}-{day.isoformat()}.pdf"


def _signatory(user: User | None) -> LetterSignatory:
    if user is None:
        return LetterSignatory(name="")
    profession = ", ".join(part for part in (user.profession, user.specialty) if part)
    if not profession and user.role == Role.GENETIC_COUNSELLOR:
        profession = COUNSELLOR_PROFESSION
    return LetterSignatory(
        name=f"{user.first_name} {user.last_name}".strip(),
        profession=profession,
        rpps=user.rpps or "",
        doctor=user.role == Role.PRACTITIONER,
    )


def _patient(patient: Patient) -> LetterPatient:
    return LetterPatient(
        first_names=patient.first_names,
        last_name=patient.used_name or patient.birth_name,
        sex=patient.sex,
        address=patient.address,
        postal_code=patient.postal_code,
        city=patient.city,
    )


class FollowupLetterService:
    """``session.followup_letters``: convocations and reminders, one PDF per batch."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _structure(self, uow: ServiceUnitOfWork, signer: User | None) -> LetterStructure:
        structure = signer.structure if signer is not None else None
        if structure is None:
            actor = uow.users.get(uow.actor.user_id)
            structure = actor.structure if actor is not None else None
        if structure is None:
            return LetterStructure(name="")
        return LetterStructure(
            name=structure.name,
            address=structure.address,
            phone=structure.phone,
            finess=structure.finess or "",
        )

    def _file(self, uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        patient = uow.patients.get(patient_id)
        if patient is None:
            raise NotFound("Ce dossier patient n'existe pas.", code=ErrorCode.PATIENT_NOT_FOUND)
        authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS, patient)
        return patient

    def _letters(self, kind: str, ids: Sequence[int]) -> list[FollowupLetter]:
        today = self.ctx.today()
        letters: list[FollowupLetter] = []
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            users: dict[int, User | None] = {}

            def user(user_id: int) -> User | None:
                if user_id not in users:
                    users[user_id] = uow.users.get(user_id)
                return users[user_id]

            for row_id in ids:
                if kind == "convocation":
                    appointment = uow.session.get(Appointment, row_id)
                    if appointment is None:
                        raise NotFound(
                            APPOINTMENT_GONE,
                            code=ErrorCode.APPOINTMENT_NOT_FOUND,
                            appointment_id=row_id,
                        )
                    patient = self._file(uow, appointment.patient_id)
                    if appointment.status not in {status.value for status in ACTIVE_STATUSES}:
                        raise ValidationError(
                            NOT_TO_COME_MESSAGE,
                            code=ErrorCode.APPOINTMENT_TRANSITION,
                            status=appointment.status,
                            action="convocation",
                        )
                    signer = user(appointment.practitioner_id)
                    letters.append(
                        FollowupLetter(
                            kind=kind,
                            structure=self._structure(uow, signer),
                            signatory=_signatory(signer),
                            patient=_patient(patient),
                            exam=appointment.exam,
                            issued_on=today,
                            starts_at=appointment.starts_at,
                            duration_minutes=appointment.duration_minutes,
                            place=appointment.place,
                        )
                    )
                else:
                    item = uow.session.get(PlanItem, row_id)
                    if item is None:
                        raise NotFound(PLAN_ITEM_GONE_MESSAGE, code=ErrorCode.NOT_FOUND)
                    patient = self._file(uow, item.patient_id)
                    signer = user(patient.owner_id)
                    letters.append(
                        FollowupLetter(
                            kind=kind,
                            structure=self._structure(uow, signer),
                            signatory=_signatory(signer),
                            patient=_patient(patient),
                            exam=item.exam,
                            issued_on=today,
                            due_date=item.next_due,
                        )
                    )
        return letters

    def _log(self, action: str, kind: str, count: int) -> None:
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            record_event(uow, self.ctx, uow.actor, action, details={"kind": kind, "count": count})
            uow.commit()

    @writes
    def letters(self, kind: str, ids: Sequence[int]) -> LetterBatch:
        """One PDF of ``kind`` ("convocation": appointment ids; "reminder": plan item
        ids), one page per id, in the order given (duplicates once).

        ValidationError ``letters_nothing_selected``; NotFound for an id gone;
        PermissionDenied; ``appointment_transition`` for a convocation to an
        appointment no longer to come. Logged ``letters_printed`` (kind, count)."""
        if kind not in LETTER_KINDS:
            raise ValueError(f"unknown letter kind {kind!r}")
        chosen = list(dict.fromkeys(int(i) for i in ids))
        if not chosen:
            raise ValidationError(NOTHING_SELECTED_MESSAGE, code=ErrorCode.LETTERS_NOTHING_SELECTED)
        letters = self._letters(kind, chosen)
        pdf = render_followup_letters(letters)
        self._log("letters_printed", kind, len(letters))
        return LetterBatch(kind=kind, count=len(letters), pdf=pdf)

    @writes
    def export(self, batch: LetterBatch, path: Path) -> int:
        """Save a batch (as previewed) to ``path``, atomically; logged
        ``letters_exported`` (kind, count); the file removed if the event cannot be
        written. OisoError ``letters_export_failed`` (path, reason). Returns the size."""
        path = Path(path)
        if not batch.pdf.startswith(b"%PDF-"):
            raise ValueError("not a PDF")
        try:
            atomic_write(path, batch.pdf)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise OisoError(
                EXPORT_FAILED_MESSAGE.format(path=path, reason=reason),
                code=ErrorCode.LETTERS_EXPORT_FAILED,
                path=str(path),
                reason=reason,
            ) from exc
        try:
            self._log("letters_exported", batch.kind, batch.count)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return len(batch.pdf)
