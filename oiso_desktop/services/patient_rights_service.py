"""Patient rights on one file: restriction and erasure (REFERENCE.md "Retention").

Only the file's owner (the practitioner or counsellor in charge) uses them.

* **Restriction** freezes the file read-only, with the reason the owner gives. The
  freeze itself lives in the one access point (``services.access.authorize`` and
  ``PatientScope.access``): while ``patients.restricted_at`` is set, every permission
  that needs write access to the file is refused (``patient_restricted``), whichever
  service asks — identity, clinical forms, documents, plan, appointments, letters —
  and everybody's access reads as READ at most. Sharing is still possible (the owner
  may grant, change, revoke a share or transfer the file): a recipient reads only.
  Lifting needs a reason as well. Events ``patient_restricted`` /
  ``patient_unrestricted`` carry no text (the reasons stay in the file).
* **Erasure** removes every trace of the patient in one transaction: identity (and the
  search column), clinical forms and their revisions, documents and their chunks, the
  surveillance plan (items, adjustments, selections, performed exams), appointments,
  shares and break-the-glass records (the event log keeps their ``break_glass`` events,
  ids only). What stays is the event log, ids only, plus one ``patient_erased`` event
  (object id only). The owner confirms by typing the patient's birth name. The
  connection runs with ``PRAGMA secure_delete = ON`` (freed pages are zeroed before they
  are encrypted again) and the write-ahead log is checkpointed and truncated afterwards,
  so the old pages do not linger in the file or its WAL (best effort: a reader holding
  an old snapshot delays the truncation until the next checkpoint).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from oiso_desktop.domain.errors import ErrorCode, NotFound, PermissionDenied, ValidationError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.domain.text import fold
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import (
    ServiceContext,
    ServiceUnitOfWork,
    as_utc,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.retention_files_service import (
    checkpoint_after_deletion,
    delete_patient_file,
)
from oiso_desktop.storage.models import (
    Patient,
)

__all__ = [
    "RESTRICTION_REASON_MIN",
    "PatientRightsService",
    "RestrictionView",
]

#: A restriction or its lifting needs a reason at least this long (stripped).
RESTRICTION_REASON_MIN = 5
REASON_MAX = 1000

NOT_FOUND_MESSAGE = "Ce dossier patient n'existe pas."
NOT_OWNER_MESSAGE = "Seul le praticien responsable du dossier peut faire cela."
REASON_MESSAGE = "Indiquez le motif (au moins {minimum} caractères)."
ALREADY_RESTRICTED_MESSAGE = "Ce dossier est déjà restreint."
NOT_RESTRICTED_MESSAGE = "Ce dossier n'est pas restreint."
CONFIRMATION_MESSAGE = (
    "Le nom saisi ne correspond pas au nom de naissance du patient : rien n'a été effacé."
)


@dataclass(frozen=True)
class RestrictionView:
    """Whether a file is restricted, since when and why; the last lifting."""

    patient_id: int
    restricted: bool
    restricted_at: dt.datetime | None  # aware, UTC
    reason: str
    lifted_at: dt.datetime | None  # aware, UTC
    lift_reason: str
    #: the actor is the file's owner (may restrict, lift, erase)
    owner: bool


def _view(patient: Patient, owner: bool) -> RestrictionView:
    restricted_at = from_db_time(patient.restricted_at)
    lifted_at = from_db_time(patient.restriction_lifted_at)
    return RestrictionView(
        patient_id=patient.id,
        restricted=patient.restricted_at is not None,
        restricted_at=as_utc(restricted_at) if restricted_at else None,
        reason=patient.restriction_reason,
        lifted_at=as_utc(lifted_at) if lifted_at else None,
        lift_reason=patient.restriction_lift_reason,
        owner=owner,
    )


def _clean_reason(reason: str) -> str:
    clean = " ".join((reason or "").split())
    if len(clean) < RESTRICTION_REASON_MIN:
        raise ValidationError(
            REASON_MESSAGE.format(minimum=RESTRICTION_REASON_MIN),
            field="reason",
            code=ErrorCode.RESTRICTION_REASON,
            minimum=RESTRICTION_REASON_MIN,
        )
    return clean[:REASON_MAX]


class PatientRightsService:
    """``session.rights``: restriction and erasure of one file (see the module)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _patient(self, uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
        patient = uow.patients.get(patient_id)
        if patient is None:
            raise NotFound(
                NOT_FOUND_MESSAGE,
                code=ErrorCode.PATIENT_NOT_FOUND,
                object_type="patient",
                object_id=patient_id,
            )
        authorize(uow, uow.actor, Permission.VIEW_PATIENTS, patient)
        return patient

    def _owned(self, uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        patient = self._patient(uow, patient_id)
        if not self._is_owner(uow, patient):
            raise PermissionDenied(NOT_OWNER_MESSAGE, code=ErrorCode.NOT_FILE_OWNER)
        return patient

    @staticmethod
    def _is_owner(uow: ServiceUnitOfWork, patient: Patient) -> bool:
        actor = uow.actor
        return actor.role is not Role.SECRETARY and patient.owner_id == actor.user_id

    # ------------------------------------------------------------------ restriction

    @reads
    def restriction(self, patient_id: int) -> RestrictionView:
        """The restriction state of a file the actor may open (not logged)."""
        with self.ctx.unit_of_work() as uow:
            patient = self._patient(uow, patient_id)
            return _view(patient, self._is_owner(uow, patient))

    @writes
    def restrict(self, patient_id: int, reason: str) -> RestrictionView:
        """Freeze the file read-only (owner only). ValidationError ``restriction_reason``,
        ``already_restricted``; event ``patient_restricted`` (no text)."""
        clean = _clean_reason(reason)
        with self.ctx.unit_of_work() as uow:
            patient = self._owned(uow, patient_id)
            if patient.restricted_at is not None:
                raise ValidationError(ALREADY_RESTRICTED_MESSAGE, code=ErrorCode.ALREADY_RESTRICTED)
            patient.restricted_at = naive_utc(self.ctx.now())
            patient.restriction_reason = clean
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "patient_restricted",
                object_type="patient",
                object_id=patient.id,
            )
            uow.commit()
            return _view(patient, True)

    @writes
    def lift_restriction(self, patient_id: int, reason: str) -> RestrictionView:
        """Lift the restriction (owner only), with a reason. ValidationError
        ``restriction_reason``, ``not_restricted``; event ``patient_unrestricted``."""
        clean = _clean_reason(reason)
        with self.ctx.unit_of_work() as uow:
            patient = self._owned(uow, patient_id)
            if patient.restricted_at is None:
                raise ValidationError(NOT_RESTRICTED_MESSAGE, code=ErrorCode.NOT_RESTRICTED)
            patient.restricted_at = None
            patient.restriction_lifted_at = naive_utc(self.ctx.now())
            patient.restriction_lift_reason = clean
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "patient_unrestricted",
                object_type="patient",
                object_id=patient.id,
            )
            uow.commit()
            return _view(patient, True)

    # ------------------------------------------------------------------ erasure

    @writes
    def erase(self, patient_id: int, typed_name: str) -> None:
        """Erase the file and every trace of the patient (owner only; see the module).

        ``typed_name``: the patient's birth name as the owner typed it to confirm
        (case and accents ignored); otherwise ValidationError ``erasure_confirmation``
        and nothing happens. A restricted file may be erased (erasure is a right of its
        own). Event ``patient_erased`` (object id only).
        """
        with self.ctx.unit_of_work() as uow:
            patient = self._owned(uow, patient_id)
            if not typed_name or fold(typed_name.strip()) != fold(patient.birth_name):
                raise ValidationError(
                    CONFIRMATION_MESSAGE, field="typed_name", code=ErrorCode.ERASURE_CONFIRMATION
                )
            pid = patient.id
            # Every row that refers to the file, found from the models' foreign keys
            # (a table added later is not forgotten), freed pages zeroed.
            delete_patient_file(uow, pid)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "patient_erased",
                object_type="patient",
                object_id=pid,
            )
            uow.commit()
        # The session's break-the-glass set may name the file: forget it.
        glass = getattr(self.ctx, "break_glass", None)
        if isinstance(glass, set):
            glass.discard(patient_id)
        checkpoint_after_deletion(self.ctx)
