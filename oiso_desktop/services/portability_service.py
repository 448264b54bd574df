"""Portability (patient rights): a file out as a FHIR R4 bundle with its summary PDF,
and a bundle in as a new file (DESIGN.md §7; the mapping: ``interop.fhir_bundle``).

* :meth:`PortabilityService.export_bundle` — the bundle of a file, as bytes (event
  ``patient_exported``, details: format and size; never a value).
* :meth:`PortabilityService.export_to_folder` — the bundle and the summary PDF written
  into a folder the user chose, each atomically, then logged; files whose event cannot
  be written are removed (export, then log).
* :meth:`PortabilityService.import_bundle` — a new file owned by the actor (a
  practitioner), in one transaction: the identity, the three clinical forms (encrypted
  under the clinical key, validated like a save), the appointments (the actor is their
  practitioner), the plan computed. Any problem — JSON, resource type, FHIR validation,
  no Patient, unknown references, identity or form content OISO refuses, a NIR that
  a file the actor opens already has — raises
  ``fhir_bundle_invalid`` listing every problem, and nothing is written. Event
  ``patient_imported`` (object id only).

Only the file's owner exports it (the patient's request goes through the practitioner in
charge); a restricted file can be exported (reading only).
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from oiso_desktop.domain.clinical_forms import (
    FormContent,
    FormKind,
    content_from_dict,
    content_to_dict,
    empty_content,
    validate_content,
)
from oiso_desktop.domain.errors import (
    ErrorCode,
    OisoError,
    PermissionDenied,
    ValidationError,
)
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.followup.appointments import (
    MAX_DURATION_MINUTES,
    MAX_NOTE_LENGTH,
    MAX_PLACE_LENGTH,
    AppointmentStatus,
)
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.genetics import Genetics
from oiso_desktop.domain.patients import normalise_identity, search_names
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.roles import Role
from oiso_desktop.interop.fhir_bundle import (
    BundleProblems,
    PortableAppointment,
    PortableFile,
    bundle_bytes,
    from_bundle,
)
from oiso_desktop.services.access import PatientScope, authorize
from oiso_desktop.services.clinical_form_service import PAD_TO, saved_content
from oiso_desktop.services.clinical_gate import open_clinical_file
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import (
    ServiceContext,
    ServiceUnitOfWork,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.followup_service import recompute_after_form_save
from oiso_desktop.services.patient_service import IDENTITY_FIELD_NAMES, fields_of
from oiso_desktop.services.summary_service import SummaryService
from oiso_desktop.storage.field_crypto import EncryptedColumn
from oiso_desktop.storage.models import Appointment, ClinicalForm, Patient
from oiso_desktop.system.files import atomic_write

__all__ = ["BUNDLE_FILE", "SUMMARY_FILE", "PortabilityService"]

BUNDLE_FILE = "dossier-{id}{n}.fhir.json"
SUMMARY_FILE = "dossier-{id}{n}-synthese.pdf"
NOT_OWNER_MESSAGE = "Seul le praticien responsable du dossier peut faire cela."
EXPORT_FAILED_MESSAGE = "L'export n'a pas pu être écrit dans {path} : {reason}."
SAME_NIR_MESSAGE = (
    "Patient : un dossier que vous pouvez ouvrir porte déjà ce NIR ; "
    "ouvrez-le plutôt que d'importer ce paquet."
)

_FORM_CONTENT = EncryptedColumn(ClinicalForm.__table__, "content")  # type: ignore[arg-type]


def _encode(data: dict[str, object]) -> bytes:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )
    return raw + b" " * (-len(raw) % PAD_TO)


def _problem_line(exc: ValidationError) -> str:
    field = exc.field or ""
    return f"{field} : {exc.message}" if field else exc.message


def _free_names(folder: Path, patient_id: int) -> tuple[Path, Path]:
    """The bundle's and the summary's paths in ``folder``, neither taken yet."""
    number = 1
    while True:
        suffix = f"-{number}" if number > 1 else ""
        bundle = folder / BUNDLE_FILE.format(id=patient_id, n=suffix)
        summary = folder / SUMMARY_FILE.format(id=patient_id, n=suffix)
        if not bundle.exists() and not summary.exists():
            return bundle, summary
        number += 1


class PortabilityService:
    """``session.portability``: FHIR export and import (see the module)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ export

    def _file(self, uow: ServiceUnitOfWork, patient_id: int) -> tuple[Patient, PortableFile]:
        patient, _, keys = open_clinical_file(self.ctx, uow, Permission.VIEW_CLINICAL, patient_id)
        if uow.actor.role is Role.SECRETARY or patient.owner_id != uow.actor.user_id:
            raise PermissionDenied(NOT_OWNER_MESSAGE, code=ErrorCode.NOT_FILE_OWNER)
        contents = {kind: saved_content(uow, keys, patient, kind) for kind in FormKind}
        history = contents[FormKind.HISTORY]
        family = contents[FormKind.FAMILY]
        genetics = contents[FormKind.GENETICS]
        assert isinstance(history, PersonalHistory)
        assert isinstance(family, Family) and isinstance(genetics, Genetics)
        rows = uow.session.scalars(
            select(Appointment)
            .where(Appointment.patient_id == patient.id)
            .order_by(Appointment.starts_at, Appointment.id)
        )
        appointments = tuple(
            PortableAppointment(
                exam=row.exam,
                starts_at=row.starts_at,
                duration_minutes=row.duration_minutes,
                place=row.place,
                status=row.status,
                note=row.note,
            )
            for row in rows
        )
        return patient, PortableFile(
            identity=fields_of(patient),
            history=history,
            family=family,
            genetics=genetics,
            appointments=appointments,
        )

    def _bundle(self, patient_id: int) -> bytes:
        with self.ctx.unit_of_work() as uow:
            _, file = self._file(uow, patient_id)
        return bundle_bytes(file, exported_at=self.ctx.now())

    def _log(self, patient_id: int, action: str, details: dict[str, object]) -> None:
        with self.ctx.unit_of_work() as uow:
            record_event(
                uow,
                self.ctx,
                uow.actor,
                action,
                object_type="patient",
                object_id=patient_id,
                details=details,
            )
            uow.commit()

    @writes
    def export_bundle(self, patient_id: int) -> bytes:
        """The FHIR R4 bundle (JSON, UTF-8) of the file as saved. Owner only;
        PermissionDenied, NotFound, the clinical key's errors. Event ``patient_exported``
        (details: format "fhir", size)."""
        data = self._bundle(patient_id)
        self._log(patient_id, "patient_exported", {"format": "fhir", "size": len(data)})
        return data

    @writes
    def export_to_folder(self, patient_id: int, folder: Path) -> tuple[Path, Path]:
        """Write the bundle and the summary PDF into ``folder`` (names without the
        patient's: ``dossier-<id>.fhir.json``, ``dossier-<id>-synthese.pdf``; ``-2``,
        ``-3``… after the id when an earlier export is there: never overwritten). OisoError
        ``portability_export_failed`` (params path, reason). Event ``patient_exported``
        (details: format "fhir+pdf", sizes) once both are written; otherwise the files
        are removed. Returns both paths."""
        folder = Path(folder)
        data = self._bundle(patient_id)
        pdf = SummaryService(self.ctx).build(patient_id)
        bundle_path, pdf_path = _free_names(folder, patient_id)
        written: list[Path] = []
        try:
            for path, content in ((bundle_path, data), (pdf_path, pdf)):
                try:
                    atomic_write(path, content)
                except OSError as exc:
                    reason = exc.strerror or type(exc).__name__
                    raise OisoError(
                        EXPORT_FAILED_MESSAGE.format(path=path, reason=reason),
                        code=ErrorCode.PORTABILITY_EXPORT_FAILED,
                        path=str(path),
                        reason=reason,
                    ) from exc
                written.append(path)
            self._log(
                patient_id,
                "patient_exported",
                {"format": "fhir+pdf", "size": len(data), "pdf_size": len(pdf)},
            )
        except BaseException:
            # No event, no copy: an export that could not be logged is taken back.
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return bundle_path, pdf_path

    # ------------------------------------------------------------------ import

    @staticmethod
    def _visible_same_nir(uow: ServiceUnitOfWork, nir: str) -> bool:
        scope = PatientScope(uow, uow.actor)
        return any(
            scope.access_to(patient) >= PatientAccess.READ
            for patient in uow.session.scalars(select(Patient).where(Patient.nir == nir))
        )

    @reads
    def check_bundle(self, data: bytes) -> None:
        """Raise ``fhir_bundle_invalid`` if ``data`` is not a bundle OISO can import
        (the FHIR checks only; the identity and forms are checked at the import)."""
        from_bundle(data)

    @staticmethod
    def _check_importer(uow: ServiceUnitOfWork) -> None:
        """Practitioners only: they own files and hold the clinical key."""
        actor = uow.actor
        authorize(uow, actor, Permission.CREATE_PATIENT)
        authorize(uow, actor, Permission.EDIT_CLINICAL)
        if actor.role is not Role.PRACTITIONER:
            raise PermissionDenied(NOT_OWNER_MESSAGE, code=ErrorCode.NOT_FILE_OWNER)

    @writes
    def import_bundle(self, data: bytes) -> int:
        """A new file owned by the actor from a FHIR bundle; its id (see the module)."""
        # Who may import, before the bundle is even read (checked again when writing).
        with self.ctx.unit_of_work() as uow:
            self._check_importer(uow)
        file, forms = from_bundle(data)
        assert file is not None
        today = self.ctx.today()
        problems: list[str] = []
        try:
            identity = normalise_identity(file.identity, today=today)
        except ValidationError as exc:
            problems.append(f"Patient : {_problem_line(exc)}")
            identity = file.identity
        contents: dict[FormKind, FormContent] = {}
        for name, kind in (
            ("family", FormKind.FAMILY),
            ("history", FormKind.HISTORY),
            ("genetics", FormKind.GENETICS),
        ):
            if kind is FormKind.FAMILY and not forms[name].get("people"):
                # no relative in the bundle: the family of a new file (the proband alone)
                contents[kind] = empty_content(
                    kind, sex=identity.sex, birth_year=identity.birth_date.year
                )
                continue
            try:
                contents[kind] = content_from_dict(forms[name], kind=kind)
            except ValidationError as exc:
                problems.append(f"{kind.value} : {_problem_line(exc)}")
        family = contents.get(FormKind.FAMILY)
        for kind, content in contents.items():
            for problem in validate_content(
                content,
                birth_date=identity.birth_date,
                sex=identity.sex,
                today=today,
                family=family if kind is FormKind.GENETICS else None,  # type: ignore[arg-type]
            ):
                problems.append(f"{kind.value} : {_problem_line(problem)}")
        for appointment in file.appointments:
            if appointment.exam not in {e.value for e in ExamKind}:
                problems.append(f"Rendez-vous : examen inconnu « {appointment.exam} ».")
            if appointment.status not in {s.value for s in AppointmentStatus}:
                problems.append(f"Rendez-vous : statut inconnu « {appointment.status} ».")
            if not 1 <= appointment.duration_minutes <= MAX_DURATION_MINUTES:
                problems.append("Rendez-vous : durée invalide.")
            # The limits of an appointment booked in the application.
            if len(" ".join(appointment.place.split())) > MAX_PLACE_LENGTH:
                problems.append(
                    f"Rendez-vous : lieu trop long ({MAX_PLACE_LENGTH} caractères au plus)."
                )
            if len(appointment.note.strip()) > MAX_NOTE_LENGTH:
                problems.append(
                    f"Rendez-vous : note trop longue ({MAX_NOTE_LENGTH} caractères au plus)."
                )
        if problems:
            raise BundleProblems(problems)
        with self.ctx.unit_of_work() as uow:
            actor = uow.actor
            self._check_importer(uow)
            if identity.nir and self._visible_same_nir(uow, identity.nir):
                # The same person already has a file the actor opens: importing would
                # silently make a second one (files the actor cannot see stay unsaid).
                raise BundleProblems([SAME_NIR_MESSAGE])
            keys = session_clinical_keys(self.ctx, uow)
            now = naive_utc(self.ctx.now())
            patient = Patient(
                owner_id=actor.user_id,
                search_names=search_names(identity),
                created_at=now,
                updated_at=now,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
                **{name: getattr(identity, name) for name in IDENTITY_FIELD_NAMES},
            )
            uow.patients.add(patient)
            uow.flush()
            for kind, content in contents.items():
                form = ClinicalForm(
                    patient_id=patient.id,
                    kind=kind.value,
                    revision=1,
                    created_at=now,
                    updated_at=now,
                    created_by_id=actor.user_id,
                    updated_by_id=actor.user_id,
                )
                form.content = _FORM_CONTENT.encrypt(keys, form, _encode(content_to_dict(content)))
                uow.forms.add(form)
            uow.flush()
            for appointment in file.appointments:
                uow.session.add(
                    Appointment(
                        patient_id=patient.id,
                        exam=appointment.exam,
                        starts_at=appointment.starts_at,
                        duration_minutes=appointment.duration_minutes,
                        place=" ".join(appointment.place.split()),
                        practitioner_id=actor.user_id,
                        status=appointment.status,
                        note=appointment.note.strip(),
                        created_by_id=actor.user_id,
                        created_at=now,
                        updated_by_id=actor.user_id,
                        updated_at=now,
                    )
                )
            uow.flush()
            record_event(
                uow,
                self.ctx,
                actor,
                "patient_imported",
                object_type="patient",
                object_id=patient.id,
                details={"format": "fhir", "appointments": len(file.appointments)},
            )
            recompute_after_form_save(self.ctx, uow, keys, patient, FormKind.GENETICS)
            uow.commit()
            return patient.id
