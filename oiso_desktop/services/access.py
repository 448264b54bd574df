"""The one access point of the services: :func:`authorize`.

Every service call asks it, lists included. Two questions are answered in one
place (DESIGN.md §3):

* may the acting user's *role* do this kind of thing at all
  (``domain.permissions.role_can``)?
* when the call concerns one patient file, has this *user* enough access to
  *that file* (owner, share, assisting secretary: ``domain.permissions.patient_access``)?

:class:`PatientScope` is the public form of the patient-access rule for lists:
the SQL filter of what a user may see, and the same rule applied to one row.
The clinical file, sharing and follow-up build on both.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from oiso_desktop.domain.errors import ErrorCode, PermissionDenied
from oiso_desktop.domain.permissions import (
    PatientAccess,
    Permission,
    access_needed,
    patient_access,
    role_can,
)
from oiso_desktop.services.dto import Actor
from oiso_desktop.storage.models import Assistance, Patient, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "NO_ACCESS_MESSAGE",
    "READ_ONLY_MESSAGE",
    "ROLE_DENIED_MESSAGE",
    "PatientScope",
    "authorize",
    "can",
]

ADMIN_ONLY_MESSAGE = "Action réservée aux administrateurs."
ROLE_DENIED_MESSAGE = "Votre rôle ne vous permet pas d'effectuer cette action."
NO_ACCESS_MESSAGE = "Vous n'avez pas accès à ce dossier patient."
READ_ONLY_MESSAGE = "Ce dossier vous est partagé en lecture seule."


def can(actor: Actor, permission: Permission) -> bool:
    """Whether the actor's role has ``permission`` (no file involved)."""
    return role_can(actor.role, permission)


def authorize(
    uow: UnitOfWork,
    actor: Actor,
    permission: Permission,
    patient: Patient | None = None,
) -> PatientAccess:
    """Raise PermissionDenied unless ``actor`` may use ``permission`` (on ``patient``).

    Returns the actor's access to ``patient`` (``PatientAccess.NONE`` when no
    file is given).
    """
    if not role_can(actor.role, permission):
        admin_only = permission in (Permission.MANAGE_USERS, Permission.VIEW_ALL_EVENTS)
        raise PermissionDenied(
            ADMIN_ONLY_MESSAGE if admin_only else ROLE_DENIED_MESSAGE,
            code=ErrorCode.ADMIN_ONLY if admin_only else ErrorCode.PERMISSION_DENIED,
            reason="role",
            role=str(actor.role),
            permission=str(permission),
        )
    if patient is None:
        return PatientAccess.NONE
    access = PatientScope(uow, actor).access_to(patient)
    needed = access_needed(permission)
    if access is PatientAccess.NONE or access < needed:
        none = access is PatientAccess.NONE
        raise PermissionDenied(
            NO_ACCESS_MESSAGE if none else READ_ONLY_MESSAGE,
            code=ErrorCode.NO_PATIENT_ACCESS if none else ErrorCode.PATIENT_READ_ONLY,
            reason="patient_access",
            permission=str(permission),
        )
    return access


class PatientScope:
    """Which patient files one actor may see, computed once per unit of work.

    ``owner_ids`` and ``shared_with`` are the SQL filter of lists and searches
    (files owned by one of ``owner_ids``, or shared with ``shared_with``);
    :meth:`access` is the same rule for one row. Both agree by construction:
    an administrator has an empty scope.
    """

    def __init__(self, uow: UnitOfWork, actor: Actor) -> None:
        self._uow = uow
        self.actor = actor
        self.assisted: set[int] = set()
        self.owner_ids: set[int] = set()
        self.shared_with: int | None = None
        if not role_can(actor.role, Permission.VIEW_PATIENTS):
            return
        if role_can(actor.role, Permission.CREATE_PATIENT_FOR_ASSISTED):
            # A secretary sees the files of the practitioners she assists.
            self.assisted = set(
                uow.session.scalars(
                    select(Assistance.practitioner_id).where(
                        Assistance.secretary_id == actor.user_id
                    )
                )
            )
            self.owner_ids = set(self.assisted)
        else:
            self.owner_ids = {actor.user_id}
            self.shared_with = actor.user_id

    def shares(self, patient_ids: Iterable[int]) -> dict[int, str]:
        """The actor's share level of each of ``patient_ids`` (absent: not shared)."""
        ids = list(patient_ids)
        if self.shared_with is None or not ids:
            return {}
        rows = self._uow.session.execute(
            select(PatientShare.patient_id, PatientShare.access).where(
                PatientShare.user_id == self.shared_with, PatientShare.patient_id.in_(ids)
            )
        )
        return {patient_id: access for patient_id, access in rows}

    def access(self, patient: Patient, share: str | None) -> PatientAccess:
        return patient_access(
            role=self.actor.role,
            actor_id=self.actor.user_id,
            owner_id=patient.owner_id,
            share_access=share,
            assists_owner=patient.owner_id in self.assisted,
        )

    def access_to(self, patient: Patient) -> PatientAccess:
        return self.access(patient, self.shares([patient.id]).get(patient.id))
