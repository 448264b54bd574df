"""Keys of a local database, for administrators (DESIGN.md §2).

* :meth:`SecurityService.issue_recovery_sheet`: a new recovery code replaces the
  recovery slot, so the old code (perhaps seen, or used) no longer opens the
  database; the new code is returned once, to be printed on a new sheet.
* :meth:`SecurityService.rekey_now`: re-encrypt the database under a new key
  (DMK) sealed to every current slot, so that a copy of the keystore taken
  before (a suspected compromise) no longer opens the file.
* :func:`rekey_database`: the re-key itself, also used after a password reset
  (``UserService.reset_password(..., rekey=True)``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oiso_desktop.domain.errors import StorageError, ValidationError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.services.access import authorize
from oiso_desktop.services.clinical_key_service import (
    clinical_ciphertext_count,
    recovery_only_holds_clinical_key,
)
from oiso_desktop.services.context import AccessMode, ServiceContext, reads, writes
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.user_service import rekey_owed, revoked_slot_holders, settle_rekey
from oiso_desktop.storage import crypto
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.models import Structure

log = logging.getLogger(__name__)

__all__ = [
    "REKEY_REASONS",
    "IssuedRecoveryCode",
    "SecurityService",
    "rekey_database",
    "save_recovery_sheet",
]

#: Why an administrator re-keys the database (the event keeps the code, never free text).
REKEY_REASONS = ("suspected_compromise", "routine")
REKEY_REASON_MESSAGE = "Motif de changement de clé inconnu."
NO_KEYSTORE_MESSAGE = "Les clés de cette base ne sont pas disponibles."
NO_DMK_MESSAGE = "La clé de la base n'est pas disponible."
CLINICAL_KEY_ONLY_IN_RECOVERY_MESSAGE = (
    "Seul le code de récupération actuel donne accès aux données cliniques : faites "
    "d'abord approuver un compte clinique avec ce code, puis émettez une nouvelle feuille."
)


@dataclass(frozen=True)
class IssuedRecoveryCode:
    """A new recovery code and what its sheet prints (shown once, stored nowhere)."""

    code: str = field(repr=False)
    structure_name: str
    database_folder: str
    issued_at: dt.datetime


def _keystore(ctx: ServiceContext) -> Keystore:
    if ctx.keystore is None:
        raise StorageError(NO_KEYSTORE_MESSAGE, code="no_keystore")
    return ctx.keystore


def rekey_database(ctx: ServiceContext, reason: str, **details: Any) -> None:
    """Re-key now (no slot dropped); log ``database_rekeyed`` with ``reason``.

    Runs outside any transaction (``PRAGMA rekey`` needs the file to itself): the
    caller has checked the permission. ``ctx.dmk`` becomes the new key.
    """
    keystore = _keystore(ctx)
    with ctx.unit_of_work(AccessMode.READ) as uow:
        if not uow.system:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        keystore.reload()
        # A revoked account still holding a slot (interrupted revocation) loses it now.
        drop = revoked_slot_holders(uow, keystore)
    if ctx.slot_key is None:
        raise StorageError(
            "La clé de cette session n'est pas disponible : reconnectez-vous.",
            code="no_slot_key",
        )
    ctx.dmk = ctx.database.rekey(keystore, drop_user_ids=drop, holder=ctx.slot_key)
    if drop:
        details = {**details, "dropped_user_ids": drop}
    with ctx.unit_of_work(AccessMode.WRITE) as uow:
        record_event(
            uow,
            ctx,
            uow.actor,
            "database_rekeyed",
            object_type="database",
            details={"reason": reason, **details},
        )
        settle_rekey(uow)
        uow.commit()


def save_recovery_sheet(path: Path, issued: IssuedRecoveryCode) -> None:
    """Write the PDF recovery sheet of ``issued`` (OisoError ``report_write_failed``)."""
    from oiso_desktop.reports.recovery_sheet import write_recovery_sheet

    write_recovery_sheet(
        Path(path),
        code=issued.code,
        structure_name=issued.structure_name,
        database_folder=issued.database_folder,
        created_at=issued.issued_at.astimezone(),
    )


class SecurityService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @reads
    def rekey_owed(self) -> str | None:
        """A re-key asked for (password reset or recovery "re-key too") and not done,
        e.g. cut short by a crash: its reason, else None. Administrators only."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return rekey_owed(uow)

    @reads
    def check_can_manage_keys(self) -> None:
        """PermissionDenied unless the session's user is an administrator (CLI checks first)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)

    @writes
    def issue_recovery_sheet(
        self, *, keep: Callable[[IssuedRecoveryCode], None] | None = None
    ) -> IssuedRecoveryCode:
        """A new recovery code replaces the old one in the key file (which stops
        answering to the old code at once).

        ``keep(issued)`` runs *before* the old code is retired (write the PDF
        sheet there): if it raises, nothing changes and the old code still works,
        so a new code is never lost. A copy of the key file made earlier still
        answers to the old code, as it still answers to old passwords:
        :meth:`rekey_now` makes such copies useless. Logged as
        ``recovery_sheet_issued`` (without the code). The code is returned once.

        The clinical key cannot be sealed by an administrator: the new recovery
        slot is not endorsed, and its code opens the clinical key only once a
        clinical account holding it endorses the slot explicitly
        (``ClinicalKeyService.endorse_recovery_slot``). While the recovery code is
        the only holder, a new sheet would lose the clinical key: refused
        (ValidationError ``clinical_key_only_in_recovery``) once anything is
        encrypted with it; otherwise the unused clinical key is forgotten and the
        next recovery-code approval makes a new one for the new slot.
        """
        keystore = _keystore(self.ctx)
        code = crypto.new_recovery_code()
        with self.ctx.unit_of_work() as uow:
            actor = uow.actor
            authorize(uow, actor, Permission.MANAGE_USERS)
            if self.ctx.dmk is None:
                raise StorageError(NO_DMK_MESSAGE, code="no_dmk")
            structure = (
                uow.session.get(Structure, actor.structure_id)
                if actor.structure_id is not None
                else None
            )
            keystore.reload()
            only_in_recovery = recovery_only_holds_clinical_key(uow, keystore)
            if only_in_recovery and clinical_ciphertext_count(uow):
                raise ValidationError(
                    CLINICAL_KEY_ONLY_IN_RECOVERY_MESSAGE, code="clinical_key_only_in_recovery"
                )
            folder = self.ctx.database.db_path.parent if self.ctx.database.db_path else Path()
            issued = IssuedRecoveryCode(
                code=code,
                structure_name=structure.name if structure is not None else "",
                database_folder=str(folder),
                issued_at=self.ctx.now(),
            )
            if keep is not None:
                keep(issued)
            record_event(uow, self.ctx, actor, "recovery_sheet_issued", object_type="database")
            dmk = self.ctx.dmk
            uow.commit()
        # The point of no return comes last, and alone: once the old code is retired
        # nothing may fail before the new one is handed back (a commit failing after
        # the slot changed would have lost both codes).
        keystore.set_recovery_slot(code, dmk, holder=self.ctx.slot_key)
        if only_in_recovery:
            # Nothing was encrypted with the old clinical key, which only the old
            # recovery slot held: it is forgotten, and the next approval with the new
            # code makes a new one (an administrator never generates it).
            try:
                keystore.forget_clinical_key()
            except StorageError:
                log.warning("Unused clinical key not forgotten after a new recovery slot")
        return issued

    @writes
    def rekey_now(self, reason: str = "suspected_compromise") -> None:
        """Re-encrypt the database under a new key for every current slot and the recovery code.

        A copy of the keystore taken before no longer opens the file. The other
        open sessions (other workstations) must be closed first: the re-key
        needs the file to itself (StorageError ``database_locked`` otherwise).
        """
        if reason not in REKEY_REASONS:
            raise ValidationError(REKEY_REASON_MESSAGE, field="reason", code="rekey_reason")
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        rekey_database(self.ctx, reason)
