"""The patient summary PDF: ``session.summaries``.

:meth:`SummaryService.build` makes the summary of a file (``reports.patient_summary_pdf``)
from the file **as saved**: the identity, the personal history, the family and the
genetics forms, and the scores computed from them (:func:`file_scores`). It checks the
access like any clinical read (``VIEW_CLINICAL`` on the file through the one access
point, then the session's clinical key), reads in a read transaction, renders outside
any transaction, then logs ``patient_summary_created`` in a short write of its own
(the access checked again) with the revisions of the forms shown, never a value. The
PDF stays in memory.

Saving it to a file and printing it are separate, explicit acts, each logged:
:meth:`SummaryService.export` writes the bytes previewed (or a new summary) through
``system.files.atomic_write`` and logs ``patient_summary_exported``;
:meth:`SummaryService.record_printed` logs ``patient_summary_printed`` before the GUI
sends the pages to the printer.

**Letterhead.** The summary is signed by whoever produces it: the acting practitioner
(or genetic counsellor), with their RPPS (or ADELI) and their structure (name, address,
telephone, FINESS) — the person who hands or sends it answers for it, as for the letters
to relatives. When the file belongs to another practitioner, the summary also names the
file's owner with their RPPS; a user without a structure borrows the owner's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.errors import ErrorCode, OisoError
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.genetics import Genetics, positive_variants
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.roles import Role
from oiso_desktop.domain.scores import Scores, compute_scores
from oiso_desktop.reports.patient_summary_pdf import (
    FormStamp,
    PatientSummary,
    SummaryAppointment,
    SummaryAuthor,
    SummaryExamDone,
    SummaryFollowup,
    SummaryLetterhead,
    SummaryPlanItem,
    render_patient_summary,
    summary_family,
)
from oiso_desktop.services.appointment_service import AppointmentService
from oiso_desktop.services.clinical_form_service import saved_content
from oiso_desktop.services.clinical_gate import open_clinical_file
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    as_utc,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.followup_service import FollowupService
from oiso_desktop.services.patient_service import fields_of
from oiso_desktop.storage.field_crypto import ClinicalKeys
from oiso_desktop.storage.models import Patient, User
from oiso_desktop.system.files import atomic_write

__all__ = ["SummaryService", "file_scores", "summary_file_name"]

EXPORT_FAILED_MESSAGE = "La synthèse n'a pas pu être enregistrée : {path} ({reason})."
COUNSELLOR_PROFESSION = "Conseiller en génétique"


def file_scores(
    history: PersonalHistory,
    family: Family,
    genetics: Genetics,
    *,
    birth_date: dt.date,
    sex: str,
) -> Scores:
    """The scores of a file as the summary shows them: the family with the genetics
    form's results (as on the pedigree), the patient's class 4-5 variants as carriers."""
    return compute_scores(
        history,
        summary_family(family, genetics),
        birth_date=birth_date,
        sex=sex,
        variant_genes=tuple(variant.gene for variant in positive_variants(genetics)),
    )


def summary_file_name(day: dt.date) -> str:
    """The name proposed when saving a copy; never the patient's name."""
    return f"synthese-dossier-{day.isoformat()}.pdf"


def _author(user: User) -> SummaryAuthor:
    profession = ", ".join(part for part in (user.profession, user.specialty) if part)
    if not profession and user.role == Role.GENETIC_COUNSELLOR:
        profession = COUNSELLOR_PROFESSION
    return SummaryAuthor(
        name=f"{user.first_name} {user.last_name}".strip(),
        doctor=user.role == Role.PRACTITIONER,
        profession=profession,
        rpps=user.rpps or "",
        adeli=user.adeli or "",
    )


class SummaryService:
    """``session.summaries``: the patient summary, in memory; saving and printing logged."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ access

    def _open(self, uow: ServiceUnitOfWork, patient_id: int) -> tuple[Patient, ClinicalKeys]:
        """The one gate: the role, then the file, then the session's clinical key."""
        patient, _, keys = open_clinical_file(self.ctx, uow, Permission.VIEW_CLINICAL, patient_id)
        return patient, keys

    def _log(self, patient_id: int, action: str, details: Mapping[str, object]) -> None:
        """The event, in its own write transaction (access checked again: the role or
        the share may have changed meanwhile)."""
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            patient, _ = self._open(uow, patient_id)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                action,
                object_type="patient",
                object_id=patient.id,
                details=details,
            )
            uow.commit()

    # ------------------------------------------------------------------ reading

    def _summary(self, patient_id: int) -> PatientSummary:
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            patient, keys = self._open(uow, patient_id)
            contents = {kind: saved_content(uow, keys, patient, kind) for kind in FormKind}
            stamps: dict[str, FormStamp] = {}
            for kind in FormKind:
                form = uow.forms.get(patient.id, kind.value)
                stamps[kind.value] = (
                    FormStamp(form.revision, as_utc(form.updated_at).astimezone().date())
                    if form is not None
                    else FormStamp()
                )
            author = uow.users.get(uow.actor.user_id)
            owner = uow.users.get(patient.owner_id)
            assert author is not None and owner is not None
            structure = author.structure or owner.structure
            letterhead = SummaryLetterhead(
                structure_name=structure.name if structure is not None else "",
                finess=(structure.finess or "") if structure is not None else "",
                address=structure.address if structure is not None else "",
                phone=structure.phone if structure is not None else "",
                author=_author(author),
                file_owner=_author(owner) if owner.id != author.id else None,
            )
            identity = fields_of(patient)
        history = contents[FormKind.HISTORY]
        family = contents[FormKind.FAMILY]
        genetics = contents[FormKind.GENETICS]
        assert isinstance(history, PersonalHistory)
        assert isinstance(family, Family) and isinstance(genetics, Genetics)
        return PatientSummary(
            letterhead=letterhead,
            identity=identity,
            history=history,
            family=family,
            genetics=genetics,
            scores=file_scores(
                history, family, genetics, birth_date=identity.birth_date, sex=identity.sex
            ),
            day=self.ctx.today(),
            stamps=stamps,
            followup=self._followup(patient_id),
        )

    def _followup(self, patient_id: int) -> SummaryFollowup:
        """The plan, the appointments and the exams held, as the Suivi tab reads them
        (their own read, with their own access checks: the same file and role)."""
        plan = FollowupService(self.ctx).plan(patient_id)
        appointments = AppointmentService(self.ctx).for_patient(patient_id)
        return SummaryFollowup(
            items=tuple(
                SummaryPlanItem(
                    exam=str(item.exam),
                    label=item.label,
                    start_age=item.start_age,
                    end_age=item.end_age,
                    interval_months=item.interval_months,
                    fixed_ages=item.fixed_ages,
                    next_due=item.next_due,
                    last_done=item.last_done,
                    status=str(item.status),
                    adjusted=item.adjusted,
                    to_confirm=item.to_confirm,
                )
                for item in plan.items
            ),
            appointments=tuple(
                SummaryAppointment(
                    starts_at=appointment.starts_at,
                    exam=appointment.exam,
                    place=appointment.place,
                    practitioner=appointment.practitioner_name,
                    status=str(appointment.status),
                )
                for appointment in appointments
            ),
            performed=tuple(
                SummaryExamDone(
                    performed_on=done.performed_on,
                    exam=str(done.exam),
                    result=done.result_summary,
                )
                for done in plan.performed
            ),
        )

    # ------------------------------------------------------------------ use cases

    @writes
    def build(self, patient_id: int) -> bytes:
        """The summary of the file as saved, as PDF bytes (see the module).

        PermissionDenied for a role without ``VIEW_CLINICAL`` or without access to the
        file, ``clinical_access_awaiting`` for an account not yet given the clinical key;
        NotFound ``patient_not_found``. Logged as ``patient_summary_created`` (details:
        the revision of each form shown; 0 for a form never saved).
        """
        summary = self._summary(patient_id)
        pdf = render_patient_summary(summary)
        revisions = {kind: stamp.revision for kind, stamp in summary.stamps.items()}
        self._log(patient_id, "patient_summary_created", {"revisions": revisions})
        return pdf

    @writes
    def export(self, patient_id: int, path: Path, pdf: bytes | None = None) -> int:
        """Save the summary to ``path`` (the user chose it): an explicit, logged act.

        ``pdf``: the summary previewed (from :meth:`build`), written as it is — the copy
        is what the user saw; None: a new one is built (and logged as created). Written
        atomically: the whole file or nothing. OisoError ``summary_export_failed``
        (params path, reason). Logged as ``patient_summary_exported`` (details: size);
        a copy whose event cannot be written is removed. Returns the size written.
        """
        path = Path(path)
        if pdf is None:
            pdf = self.build(patient_id)
        elif not pdf.startswith(b"%PDF-"):
            raise ValueError("not a PDF")
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            self._open(uow, patient_id)
        try:
            atomic_write(path, pdf)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise OisoError(
                EXPORT_FAILED_MESSAGE.format(path=path, reason=reason),
                code=ErrorCode.SUMMARY_EXPORT_FAILED,
                path=str(path),
                reason=reason,
            ) from exc
        try:
            self._log(patient_id, "patient_summary_exported", {"size": len(pdf)})
        except BaseException:
            # No event, no copy: an export that could not be logged is taken back.
            path.unlink(missing_ok=True)
            raise
        return len(pdf)

    @writes
    def record_printed(self, patient_id: int, pages: int) -> None:
        """Log ``patient_summary_printed`` (details: pages) — called when the user has
        confirmed the print dialog, before the pages go to the printer."""
        self._log(patient_id, "patient_summary_printed", {"pages": int(pages)})
