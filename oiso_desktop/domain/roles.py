"""Roles and account statuses (DESIGN.md §3).

French labels are not here: the GUI translates the values with ``tr()``.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AccountStatus", "Role"]


class Role(StrEnum):
    ADMIN = "admin"
    PRACTITIONER = "practitioner"
    GENETIC_COUNSELLOR = "genetic_counsellor"
    SECRETARY = "secretary"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    DELETED = "deleted"
