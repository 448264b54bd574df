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
from typing import Any

from sqlalchemy import select

from oiso_desktop.domain.errors import ErrorCode, PermissionDenied
from oiso_desktop.domain.permissions import (
    PatientAccess,
    Permission,
    ShareAccess,
    access_needed,
    patient_access,
    role_can,
)
from oiso_desktop.domain.retention import FileState
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.dto import Actor
from oiso_desktop.services.validation import PROFESSIONAL_ROLES
from oiso_desktop.storage.models import Assistance, Patient, PatientShare, User
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "NO_ACCESS_MESSAGE",
    "READ_ONLY_MESSAGE",
    "RESTRICTED_MESSAGE",
    "ROLE_DENIED_MESSAGE",
    "PatientScope",
    "authorize",
    "can",
]

ADMIN_ONLY_MESSAGE = "Action réservée aux administrateurs."
ROLE_DENIED_MESSAGE = "Votre rôle ne vous permet pas d'effectuer cette action."
NO_ACCESS_MESSAGE = "Vous n'avez pas accès à ce dossier patient."
READ_ONLY_MESSAGE = "Ce dossier vous est partagé en lecture seule."
RESTRICTED_MESSAGE = (
    "Ce dossier est restreint à la demande du patient : il est figé en lecture seule "
    "jusqu'à la levée de la restriction par son responsable."
)

# ids per IN (...) list: well under SQLite's bound-parameter limit
_CHUNK = 900


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
    # Restriction (patient rights): every write of the file stops here, whoever asks
    # (if they may see the file at all) and through whichever service; reading stays.
    restricted = patient.restricted_at is not None
    if restricted and needed >= PatientAccess.WRITE and access >= PatientAccess.READ:
        raise PermissionDenied(
            RESTRICTED_MESSAGE,
            code=ErrorCode.PATIENT_RESTRICTED,
            reason="restricted",
            permission=str(permission),
        )
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

    The SQL filter of lists and searches (:meth:`filter`) and the rule for one
    row (:meth:`access`) are the same rule, written twice:

    * a practitioner or counsellor: the files they own, the files shared with
      them, and (practitioner) the files they broke the glass on in this session;
    * a secretary: the files owned by the *active* practitioners she assists,
      and the files shared read-write with them; a suspended or revoked
      practitioner's files are no longer hers (they follow the files: whoever
      the file is transferred to brings their own assistants);
    * an administrator: nothing;
    * nobody: a file that is not active (archived: a departed owner's unshared
      file after its kept year; or being deleted, ``domain.retention.FileState``):
      the list filter keeps active rows only (``storage.repositories``), and
      :meth:`access` answers NONE for the others.

    ``tests/services/test_sharing_rules.py`` checks that both agree on generated data.
    """

    def __init__(self, uow: UnitOfWork, actor: Actor) -> None:
        self._uow = uow
        self.actor = actor
        self.assisted: set[int] = set()
        self.owner_ids: set[int] = set()
        self.shared_with: int | None = None
        #: secretaries: practitioners whose read-write shares she reaches
        self.shared_write_with: set[int] = set()
        #: files opened by breaking the glass in this session (read-only)
        self.break_glass: set[int] = set()
        if not role_can(actor.role, Permission.VIEW_PATIENTS):
            return
        if role_can(actor.role, Permission.CREATE_PATIENT_FOR_ASSISTED):
            # A secretary sees the files of the active practitioners she assists.
            self.assisted = set(
                uow.session.scalars(
                    select(Assistance.practitioner_id)
                    .join(User, User.id == Assistance.practitioner_id)
                    .where(
                        Assistance.secretary_id == actor.user_id,
                        User.status == AccountStatus.ACTIVE.value,
                        User.role.in_([r.value for r in PROFESSIONAL_ROLES]),
                    )
                )
            )
            self.owner_ids = set(self.assisted)
            self.shared_write_with = set(self.assisted)
        else:
            self.owner_ids = {actor.user_id}
            self.shared_with = actor.user_id
            ctx = getattr(uow, "ctx", None)
            if actor.role is Role.PRACTITIONER and ctx is not None:
                self.break_glass = set(getattr(ctx, "break_glass", ()) or ())

    def filter(self) -> dict[str, Any]:
        """The keyword arguments of ``PatientRepository.search`` / ``search_ids``."""
        return {
            "visible_owner_ids": self.owner_ids,
            "shared_with_user_id": self.shared_with,
            "shared_write_with_user_ids": self.shared_write_with,
            "shared_patient_ids": self.break_glass,
        }

    def shares(self, patient_ids: Iterable[int]) -> dict[int, str]:
        """The share level reaching the actor for each of ``patient_ids`` (absent:
        not shared): the actor's own share, or for a secretary "write" when the
        file is shared read-write with a practitioner she assists."""
        ids = list(patient_ids)
        if not ids:
            return {}
        result: dict[int, str] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            if self.shared_with is not None:
                rows = self._uow.session.execute(
                    select(PatientShare.patient_id, PatientShare.access).where(
                        PatientShare.user_id == self.shared_with,
                        PatientShare.patient_id.in_(chunk),
                    )
                )
                result.update({patient_id: access for patient_id, access in rows})
            elif self.shared_write_with:
                result.update(
                    (patient_id, ShareAccess.WRITE.value)
                    for patient_id in self._uow.session.scalars(
                        select(PatientShare.patient_id).where(
                            PatientShare.user_id.in_(list(self.shared_write_with)),
                            PatientShare.access == ShareAccess.WRITE.value,
                            PatientShare.patient_id.in_(chunk),
                        )
                    )
                )
        return result

    def access(self, patient: Patient, share: str | None) -> PatientAccess:
        """The actor's access to ``patient``; a restricted file gives READ at most."""
        access = self.unrestricted_access(patient, share)
        # Some lists pass (id, owner_id) rows: they only ask for READ, never capped.
        if getattr(patient, "restricted_at", None) is not None and access > PatientAccess.READ:
            return PatientAccess.READ
        return access

    def unrestricted_access(self, patient: Patient, share: str | None) -> PatientAccess:
        """The access the actor's relationship gives, restriction not applied (an
        archived or departing file gives none)."""
        # A partial row (id, owner_id) comes from ids the list filter already kept.
        if getattr(patient, "retention_state", FileState.ACTIVE.value) != FileState.ACTIVE.value:
            return PatientAccess.NONE
        secretary = self.actor.role is Role.SECRETARY
        return patient_access(
            role=self.actor.role,
            actor_id=self.actor.user_id,
            owner_id=patient.owner_id,
            share_access=None if secretary else share,
            assists_owner=patient.owner_id in self.assisted,
            assists_writer=secretary and share == ShareAccess.WRITE.value,
            break_glass=patient.id in self.break_glass,
        )

    def access_to(self, patient: Patient) -> PatientAccess:
        return self.access(patient, self.shares([patient.id]).get(patient.id))
