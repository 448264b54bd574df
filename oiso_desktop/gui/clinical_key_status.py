"""What the GUI needs to know of the clinical key for the signed-in account, in one read.

:func:`fetch_clinical_key_status` asks the clinical-key service (in the
background, through the task runner) and returns a frozen
:class:`ClinicalKeyStatus`; the banner, the menu and the approval dialog are
built from it. The services remain the real check of every action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui.awaiting_account_table_model import is_approvable
from oiso_desktop.services.clinical_key_service import ClinicalAccess
from oiso_desktop.services.context import reads
from oiso_desktop.services.dto import UserView

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["ClinicalKeyStatus", "fetch_clinical_key_status"]


@dataclass(frozen=True)
class ClinicalKeyStatus:
    """The clinical key as the signed-in account sees it."""

    access: ClinicalAccess
    #: the role may approve colleagues (``APPROVE_CLINICAL_ACCESS``)
    can_approve: bool = False
    #: clinical accounts awaiting approval (only for roles that may approve)
    awaiting: tuple[UserView, ...] = ()
    #: no clinical account holds the key: approvals need the recovery code
    recovery_code_needed: bool = False
    #: a rotation of the key is owed (a clinical account left)
    rotation_owed: bool = False
    #: the recovery code opens the current key (False: a new sheet awaits a holder)
    recovery_endorsed: bool = True

    @property
    def holder(self) -> bool:
        """The session holds the clinical key."""
        return self.access is ClinicalAccess.GRANTED

    @property
    def may_approve(self) -> bool:
        """The account can approve now: it holds the key, or the recovery code is needed."""
        return self.can_approve and (self.holder or self.recovery_code_needed)

    @property
    def approvable(self) -> tuple[UserView, ...]:
        """Awaiting accounts that can be approved now (own password chosen)."""
        return tuple(account for account in self.awaiting if is_approvable(account))

    @property
    def rotation_to_perform(self) -> bool:
        """A rotation is owed and this session can perform it."""
        return self.holder and self.rotation_owed

    @property
    def endorsement_wanted(self) -> bool:
        """A new recovery sheet awaits a holder's endorsement, and this account can give it."""
        return self.holder and self.can_approve and not self.recovery_endorsed


@reads
def fetch_clinical_key_status(session: UserSession) -> ClinicalKeyStatus:
    """Ask the services (several short reads); run it through the task runner."""
    keys = session.clinical_key
    access = keys.access_state()
    if access is ClinicalAccess.NOT_APPLICABLE:
        return ClinicalKeyStatus(access=access)
    can_approve = session.can(Permission.APPROVE_CLINICAL_ACCESS)
    holder = access is ClinicalAccess.GRANTED
    return ClinicalKeyStatus(
        access=access,
        can_approve=can_approve,
        awaiting=tuple(keys.awaiting_approval()) if can_approve else (),
        recovery_code_needed=keys.recovery_code_needed() if can_approve else False,
        rotation_owed=keys.rotation_owed(),
        recovery_endorsed=keys.recovery_endorsed() if holder else True,
    )
