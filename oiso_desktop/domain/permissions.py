"""What each role may do (DESIGN.md §3), and a user's access to one patient file.

Two questions are asked before touching a patient file:

* may this *role* do this kind of thing at all (:func:`role_can` / :func:`require`)?
  e.g. a secretary never sees clinical forms, an admin never sees patients;
* how much access has this *user* to this *file* (:func:`patient_access`)?
  owner, share (read / write), or secretary of the owner.

Both must allow the action.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.domain.roles import AccountStatus, Role

__all__ = [
    "BREAK_GLASS_REASON_MIN",
    "PatientAccess",
    "Relationship",
    "ShareAccess",
    "Permission",
    "access_needed",
    "ROLE_PERMISSIONS",
    "patient_access",
    "relationship_access",
    "may_on_file",
    "require",
    "role_can",
    "role_permissions",
]


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"  # create, edit, suspend, revoke users; structures
    VIEW_ALL_EVENTS = "view_all_events"  # the whole event log, its export and check
    VIEW_OWN_EVENTS = "view_own_events"  # one's own events
    VIEW_PATIENTS = "view_patients"  # search and open accessible patient files (identity)
    CREATE_PATIENT = "create_patient"
    EDIT_PATIENT_IDENTITY = "edit_patient_identity"  # identity and contact
    VIEW_CLINICAL = "view_clinical"  # clinical forms, genetics
    EDIT_CLINICAL = "edit_clinical"
    MANAGE_APPOINTMENTS = "manage_appointments"  # appointments, follow-up lists, letters
    # a secretary creates files for the practitioners she assists (she chooses the owner)
    CREATE_PATIENT_FOR_ASSISTED = "create_patient_for_assisted"
    # names, roles and structures of colleagues (owners, share recipients, assistances)
    VIEW_DIRECTORY = "view_directory"
    # the role may hold the clinical key (CK) that encrypts clinical content
    HOLD_CLINICAL_KEY = "hold_clinical_key"
    # approve a clinical colleague: the app seals the CK to their key slot (four-eyes)
    APPROVE_CLINICAL_ACCESS = "approve_clinical_access"


_CARE = frozenset(
    {
        Permission.VIEW_DIRECTORY,
        Permission.VIEW_OWN_EVENTS,
        Permission.VIEW_PATIENTS,
        Permission.EDIT_PATIENT_IDENTITY,
        Permission.VIEW_CLINICAL,
        Permission.EDIT_CLINICAL,
        Permission.MANAGE_APPOINTMENTS,
        Permission.HOLD_CLINICAL_KEY,
        Permission.APPROVE_CLINICAL_ACCESS,
    }
)

#: The table of DESIGN.md §3. A genetic counsellor works on files shared with
#: them ("as practitioner for files shared with them"), so does not create files;
#: a secretary creates files on behalf of the practitioners she assists.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.VIEW_ALL_EVENTS,
            Permission.VIEW_OWN_EVENTS,
            Permission.VIEW_DIRECTORY,
        }
    ),
    Role.PRACTITIONER: _CARE | {Permission.CREATE_PATIENT},
    Role.GENETIC_COUNSELLOR: _CARE,
    Role.SECRETARY: frozenset(
        {
            Permission.VIEW_DIRECTORY,
            Permission.VIEW_OWN_EVENTS,
            Permission.VIEW_PATIENTS,
            Permission.CREATE_PATIENT,
            Permission.CREATE_PATIENT_FOR_ASSISTED,
            Permission.EDIT_PATIENT_IDENTITY,
            Permission.MANAGE_APPOINTMENTS,
        }
    ),
}


def role_permissions(role: Role) -> frozenset[Permission]:
    """Every permission of ``role`` (an unknown role has none)."""
    try:
        return ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return frozenset()


def role_can(role: Role, permission: Permission) -> bool:
    return Permission(permission) in role_permissions(role)


def require(actor_role: Role, permission: Permission) -> None:
    """Raise PermissionDenied (French message) unless ``actor_role`` has ``permission``."""
    if not role_can(actor_role, permission):
        raise PermissionDenied(
            "Votre rôle ne vous permet pas d'effectuer cette action.",
            role=str(actor_role),
            permission=str(permission),
        )


class PatientAccess(IntEnum):
    NONE = 0
    READ = 1
    WRITE = 2


#: The access to a file that a permission needs when it concerns one file.
_ACCESS_NEEDED: dict[Permission, PatientAccess] = {
    Permission.VIEW_PATIENTS: PatientAccess.READ,
    Permission.VIEW_CLINICAL: PatientAccess.READ,
    Permission.EDIT_PATIENT_IDENTITY: PatientAccess.WRITE,
    Permission.EDIT_CLINICAL: PatientAccess.WRITE,
    Permission.MANAGE_APPOINTMENTS: PatientAccess.WRITE,
}


def access_needed(permission: Permission) -> PatientAccess:
    """What access to one file ``permission`` needs (NONE: not a file permission)."""
    return _ACCESS_NEEDED.get(Permission(permission), PatientAccess.NONE)


class ShareAccess(StrEnum):
    """The level of a share (``patient_shares.access``)."""

    READ = "read"
    WRITE = "write"


class Relationship(StrEnum):
    """How one user stands to one patient file (the columns of the access matrix)."""

    OWNER = "owner"
    SHARED_READ = "shared_read"
    SHARED_WRITE = "shared_write"
    ASSISTING = "assisting"  # secretary of the owner or of a read-write recipient
    BREAK_GLASS = "break_glass"  # this session only, read-only
    NONE = "none"


#: A break-the-glass access needs a reason at least this long (stripped).
BREAK_GLASS_REASON_MIN = 15


def patient_access(
    *,
    role: Role,
    actor_id: int,
    owner_id: int,
    share_access: str | None,
    assists_owner: bool,
    assists_writer: bool = False,
    break_glass: bool = False,
) -> PatientAccess:
    """Access of one user to one patient file.

    * admin: NONE, always (no patient data for the health manager);
    * the owner: WRITE;
    * practitioner or counsellor with a share: 'write' -> WRITE, 'read' -> READ;
    * secretary assisting the (active) owner, or an (active) practitioner the
      file is shared read-write with: WRITE (identity, contact, appointments;
      what her role allows, never clinical forms);
    * a practitioner who broke the glass on the file in this session: READ;
    * anyone else: NONE.

    The callers pass ``assists_*`` only for active practitioners, and
    ``share_access`` only for an active recipient: a suspended or revoked
    account carries nobody's access.
    """
    try:
        role = Role(role)
    except ValueError:
        return PatientAccess.NONE
    if role is Role.ADMIN:
        return PatientAccess.NONE
    if role is Role.SECRETARY:
        # Even on a file she once owned (a practitioner demoted to secretary): a
        # secretary reaches files only through the practitioners she assists.
        return PatientAccess.WRITE if assists_owner or assists_writer else PatientAccess.NONE
    if actor_id == owner_id:
        return PatientAccess.WRITE
    if share_access == ShareAccess.WRITE:
        return PatientAccess.WRITE
    if share_access == ShareAccess.READ:
        return PatientAccess.READ
    if break_glass and role is Role.PRACTITIONER:
        return PatientAccess.READ
    return PatientAccess.NONE


def relationship_access(role: Role, relationship: Relationship) -> PatientAccess:
    """The access a ``role`` gets from one ``relationship`` (the matrix, in one call)."""
    return patient_access(
        role=role,
        actor_id=1,
        owner_id=1 if relationship is Relationship.OWNER else 2,
        share_access={
            Relationship.SHARED_READ: ShareAccess.READ.value,
            Relationship.SHARED_WRITE: ShareAccess.WRITE.value,
        }.get(relationship),
        assists_owner=relationship is Relationship.ASSISTING,
        break_glass=relationship is Relationship.BREAK_GLASS,
    )


def may_on_file(
    role: Role,
    relationship: Relationship,
    permission: Permission,
    *,
    status: AccountStatus = AccountStatus.ACTIVE,
) -> bool:
    """The whole rule for one cell of the matrix: may a user of ``role`` and account
    ``status`` use ``permission`` on a file they stand to as ``relationship``?

    Only an active account acts (a suspended or revoked one has no session); the
    role must have the permission; the relationship must give enough access.
    """
    if AccountStatus(status) is not AccountStatus.ACTIVE or not role_can(role, permission):
        return False
    needed = access_needed(permission)
    return needed is not PatientAccess.NONE and relationship_access(role, relationship) >= needed
