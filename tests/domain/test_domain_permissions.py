"""Roles, permissions and access to one patient file (DESIGN.md §3)."""

from __future__ import annotations

import pytest

from oiso_desktop.domain.errors import OisoError, PermissionDenied
from oiso_desktop.domain.permissions import (
    PatientAccess,
    Permission,
    patient_access,
    require,
    role_can,
    role_permissions,
)
from oiso_desktop.domain.roles import AccountStatus, Role

PATIENT_PERMISSIONS = {
    Permission.VIEW_PATIENTS,
    Permission.CREATE_PATIENT,
    Permission.EDIT_PATIENT_IDENTITY,
    Permission.VIEW_CLINICAL,
    Permission.EDIT_CLINICAL,
    Permission.MANAGE_APPOINTMENTS,
}
CLINICAL = {Permission.VIEW_CLINICAL, Permission.EDIT_CLINICAL}


def test_enum_values_match_the_database_strings():
    assert [role.value for role in Role] == [
        "admin",
        "practitioner",
        "genetic_counsellor",
        "secretary",
    ]
    assert [status.value for status in AccountStatus] == [
        "active",
        "suspended",
        "revoked",
        "deleted",
    ]
    assert Role("secretary") is Role.SECRETARY
    assert Permission.MANAGE_USERS == "manage_users"


def test_admin_manages_users_and_events_but_has_no_patient_permission():
    assert role_can(Role.ADMIN, Permission.MANAGE_USERS)
    assert role_can(Role.ADMIN, Permission.VIEW_ALL_EVENTS)
    assert role_can(Role.ADMIN, Permission.VIEW_OWN_EVENTS)
    assert not role_permissions(Role.ADMIN) & PATIENT_PERMISSIONS


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.GENETIC_COUNSELLOR, Role.SECRETARY])
def test_non_admins_cannot_manage_users_nor_see_all_events(role):
    assert not role_can(role, Permission.MANAGE_USERS)
    assert not role_can(role, Permission.VIEW_ALL_EVENTS)
    assert role_can(role, Permission.VIEW_OWN_EVENTS)


def test_practitioner_has_every_patient_permission():
    assert role_permissions(Role.PRACTITIONER) >= PATIENT_PERMISSIONS


def test_counsellor_works_on_shared_files_without_creating_them():
    perms = role_permissions(Role.GENETIC_COUNSELLOR)
    assert PATIENT_PERMISSIONS - {Permission.CREATE_PATIENT} <= perms
    assert Permission.CREATE_PATIENT not in perms


def test_secretary_has_identity_and_appointments_but_no_clinical():
    perms = role_permissions(Role.SECRETARY)
    assert {
        Permission.VIEW_PATIENTS,
        Permission.CREATE_PATIENT,
        Permission.EDIT_PATIENT_IDENTITY,
        Permission.MANAGE_APPOINTMENTS,
    } <= perms
    assert not perms & CLINICAL


def test_role_can_accepts_plain_strings_and_unknown_roles_have_nothing():
    assert role_can("practitioner", "view_clinical")  # type: ignore[arg-type]
    assert role_permissions("intruder") == frozenset()  # type: ignore[arg-type]


def test_require_raises_permission_denied_in_french():
    require(Role.ADMIN, Permission.MANAGE_USERS)  # no error
    with pytest.raises(PermissionDenied) as caught:
        require(Role.SECRETARY, Permission.VIEW_CLINICAL)
    error = caught.value
    assert isinstance(error, OisoError)
    assert error.code == "permission_denied"
    assert str(error) == "Votre rôle ne vous permet pas d'effectuer cette action."
    assert error.params == {"role": "secretary", "permission": "view_clinical"}


def _access(role, *, actor=1, owner=2, share=None, assists=False):
    return patient_access(
        role=role, actor_id=actor, owner_id=owner, share_access=share, assists_owner=assists
    )


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.GENETIC_COUNSELLOR])
def test_owner_and_shares(role):
    assert _access(role, actor=2, owner=2) is PatientAccess.WRITE
    assert _access(role, share="write") is PatientAccess.WRITE
    assert _access(role, share="read") is PatientAccess.READ
    assert _access(role) is PatientAccess.NONE
    assert _access(role, share="bogus") is PatientAccess.NONE
    # Assisting is a secretary's relation: it gives a practitioner nothing.
    assert _access(role, assists=True) is PatientAccess.NONE


def test_secretary_access_comes_from_assisting_the_owner():
    assert _access(Role.SECRETARY, assists=True) is PatientAccess.WRITE
    assert _access(Role.SECRETARY) is PatientAccess.NONE
    assert _access(Role.SECRETARY, share="write") is PatientAccess.NONE


@pytest.mark.parametrize("share", [None, "read", "write"])
@pytest.mark.parametrize("assists", [False, True])
def test_admin_never_has_patient_access(share, assists):
    assert _access(Role.ADMIN, share=share, assists=assists) is PatientAccess.NONE
    assert _access(Role.ADMIN, actor=2, owner=2, share=share, assists=assists) is (
        PatientAccess.NONE
    )


def test_patient_access_orders():
    assert PatientAccess.NONE < PatientAccess.READ < PatientAccess.WRITE
    assert _access("intruder", actor=2, owner=2) is PatientAccess.NONE  # type: ignore[arg-type]


def test_a_secretary_never_reaches_a_file_through_ownership() -> None:
    """A practitioner demoted to secretary keeps no access to the files they own
    (lists already hid them: the rule for one file must agree)."""
    from oiso_desktop.domain.permissions import PatientAccess, patient_access
    from oiso_desktop.domain.roles import Role

    assert (
        patient_access(
            role=Role.SECRETARY, actor_id=7, owner_id=7, share_access=None, assists_owner=False
        )
        is PatientAccess.NONE
    )
    assert (
        patient_access(
            role=Role.SECRETARY, actor_id=7, owner_id=7, share_access=None, assists_owner=True
        )
        is PatientAccess.WRITE
    )
