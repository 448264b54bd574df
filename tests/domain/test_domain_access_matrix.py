"""The access matrix: roles x account states x relationships x actions (DESIGN.md §3).

The expected table is written here by hand, apart from ``domain.permissions``; every
cell is printed (``pytest -s``) and the count of cells passed is printed at the end.
"""

from __future__ import annotations

import itertools

from oiso_desktop.domain.permissions import Permission, Relationship, may_on_file
from oiso_desktop.domain.roles import AccountStatus, Role

ACTIONS = {
    "open": Permission.VIEW_PATIENTS,
    "edit identity": Permission.EDIT_PATIENT_IDENTITY,
    "appointments": Permission.MANAGE_APPOINTMENTS,
    "clinical read": Permission.VIEW_CLINICAL,
    "clinical edit": Permission.EDIT_CLINICAL,
}
ALL = frozenset(ACTIONS)
READ = frozenset({"open", "clinical read"})
SECRETARY = frozenset({"open", "edit identity", "appointments"})
R = Relationship

#: (role, relationship) -> the actions allowed to an active account; absent: none.
EXPECTED: dict[tuple[Role, Relationship], frozenset[str]] = {
    (Role.PRACTITIONER, R.OWNER): ALL,
    (Role.PRACTITIONER, R.SHARED_WRITE): ALL,
    (Role.PRACTITIONER, R.SHARED_READ): READ,
    (Role.PRACTITIONER, R.BREAK_GLASS): READ,
    (Role.GENETIC_COUNSELLOR, R.OWNER): ALL,  # a practitioner turned counsellor keeps files
    (Role.GENETIC_COUNSELLOR, R.SHARED_WRITE): ALL,
    (Role.GENETIC_COUNSELLOR, R.SHARED_READ): READ,
    # a secretary: identity, contacts, appointments; never clinical content
    (Role.SECRETARY, R.ASSISTING): SECRETARY,
}


def test_every_cell_of_the_access_matrix() -> None:
    passed = 0
    for role, status, relationship, (action, permission) in itertools.product(
        Role,
        (AccountStatus.ACTIVE, AccountStatus.SUSPENDED, AccountStatus.REVOKED),
        Relationship,
        ACTIONS.items(),
    ):
        allowed = status is AccountStatus.ACTIVE and action in EXPECTED.get(
            (role, relationship), frozenset()
        )
        got = may_on_file(role, relationship, permission, status=status)
        verdict = "yes" if got else "no"
        print(f"{role:<18} {status:<9} {relationship:<12} {action:<13} -> {verdict}")
        assert got is allowed, (role, status, relationship, action)
        passed += 1
    print(f"access matrix: {passed} cells checked, {passed} passed")
    assert passed == len(Role) * 3 * len(Relationship) * len(ACTIONS)
