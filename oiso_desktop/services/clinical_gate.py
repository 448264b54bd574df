"""The gate of the clinical file: the role, then the patient file, then the clinical key.

Every service that reads or writes clinical content of one patient file (the forms,
the attachments, the summary, the letters to relatives) opens it here, in this order:

1. the acting user's role may use ``permission`` at all (``services.access.authorize``);
2. the file exists (NotFound ``patient_not_found``), and the user has enough access to
   it (``authorize`` with the file);
3. the session holds the clinical key (``session_clinical_keys``: an account awaiting
   approval gets ``clinical_access_awaiting``).
"""

from __future__ import annotations

from oiso_desktop.domain.errors import ErrorCode, NotFound
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.services.access import authorize
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import ServiceContext, ServiceUnitOfWork
from oiso_desktop.storage.field_crypto import ClinicalKeys
from oiso_desktop.storage.models import Patient

__all__ = ["PATIENT_NOT_FOUND_MESSAGE", "open_clinical_file"]

PATIENT_NOT_FOUND_MESSAGE = "Ce dossier patient n'existe pas."


def open_clinical_file(
    ctx: ServiceContext, uow: ServiceUnitOfWork, permission: Permission, patient_id: int
) -> tuple[Patient, PatientAccess, ClinicalKeys]:
    """The file ``patient_id``, the actor's access to it and the session's clinical
    keys, once the role, the file and the key have been checked (see the module).

    Raises PermissionDenied (role, file access), NotFound ``patient_not_found``, or the
    clinical key's error.
    """
    authorize(uow, uow.actor, permission)
    patient = uow.patients.get(patient_id)
    if patient is None:
        raise NotFound(
            PATIENT_NOT_FOUND_MESSAGE,
            code=ErrorCode.PATIENT_NOT_FOUND,
            object_type="patient",
            object_id=patient_id,
        )
    access = authorize(uow, uow.actor, permission, patient)
    return patient, access, session_clinical_keys(ctx, uow)
