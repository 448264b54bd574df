"""The clinical key (CK): who holds it, four-eyes approvals, rotation, re-encryption.

The DMK opens the database file for every account; the CK (``storage.field_crypto``)
encrypts clinical content a second time and is sealed only to approved clinical
accounts (roles with ``HOLD_CLINICAL_KEY``) and to the recovery slot.

* A new database has a CK sealed (and endorsed) to the recovery slot only. An administrator who
  creates a clinical account cannot give it the CK: a colleague holding it
  approves the account (:meth:`ClinicalKeyService.approve`), or, while no
  clinical account holds it yet, the recovery code does
  (:meth:`ClinicalKeyService.approve_with_recovery_code`).
* At login a clinical account's slot opens the CK into the session
  (:func:`open_session_clinical_keys`); other roles never get it, whatever the
  keystore says: the role is read from the database.
* The CK is sealed only from a session holding it, and only to slots whose
  public key carries an **endorsement** (a MAC made with the CK, see
  ``storage.keystore``): an approval endorses the approved slot; a rotation
  seals the new generation only to endorsed slots. A public key written into
  the key file by anyone else (every account holder can rewrite it) gets
  nothing, and the session logs ``clinical_key_refused``.
* An account leaving the clinical roles (role change, revocation) drops its
  boxes at once and makes a rotation **owed** (:func:`owe_clinical_rotation`):
  the next session holding the CK performs it (:func:`perform_owed_rotation`,
  at login or :meth:`ClinicalKeyService.rotate_owed`).
  :meth:`ClinicalKeyService.rekey_clinical_data` then re-encrypts, batch by
  batch, what the old generations encrypted, and forgets them once nothing
  uses them.
* A new recovery sheet is not endorsed: its code opens the CK only once a
  holder endorses it (:meth:`ClinicalKeyService.endorse_recovery_slot`).
* A session uses a generation only once it has chained it to one it trusts
  (``storage.clinical_chain``: each generation's record is signed by the one
  before): what it verified earlier, its slot's pin, else the start and the
  rotations the event log recorded (:func:`check_history`). Every generation is
  logged (``clinical_key_created``, ``clinical_key_chain_migrated``,
  ``clinical_key_rotated``) with its verify key, in the transaction that makes it.
  A key that does not chain is refused (``clinical_key_forged``, event
  ``clinical_key_substitution_refused``) and nothing is encrypted with it.
* The trust-on-first-use migrations of older key files (endorsements, chain) run
  once: refused when the verified event log already records them.

Services that read or write clinical fields get the keys with
:func:`session_clinical_keys` *inside their unit of work*: a write transaction
then always encrypts with the generation current when it took the write lock,
which is what lets the re-encryption job finish safely.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, literal, select, update
from sqlalchemy.exc import OperationalError

from oiso_desktop.domain.errors import (
    ErrorCode,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.permissions import Permission, role_can
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.access import authorize
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    after_units_of_work,
    in_unit_of_work,
    reads,
    writes,
)
from oiso_desktop.services.dto import Actor, UserView
from oiso_desktop.services.event_log import chain_report, event_intact, record_event
from oiso_desktop.services.user_service import user_view
from oiso_desktop.storage.clinical_chain import GenerationAnchor, anchor_of
from oiso_desktop.storage.field_crypto import (
    ClinicalKeys,
    EncryptedColumn,
    encrypted_columns,
    new_clinical_key,
)
from oiso_desktop.storage.keystore import (
    MIGRATION_REFUSED_MESSAGE,
    Keystore,
    SlotKey,
    clinical_key_forged,
)
from oiso_desktop.storage.models import Event, User
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "ClinicalAccess",
    "ClinicalKeyService",
    "ClinicalRekeyProgress",
    "check_history",
    "check_latest",
    "clinical_access_of",
    "clinical_account_ids",
    "generation_details",
    "is_clinical_role",
    "open_session_clinical_keys",
    "owe_clinical_rotation",
    "perform_owed_rotation",
    "session_clinical_keys",
    "settle_clinical_key",
]

AWAITING_MESSAGE = (
    "Votre accès aux données cliniques attend l'approbation d'un praticien ou d'un "
    "conseiller qui le détient déjà."
)
PASSWORD_PENDING_MESSAGE = (
    "Ce compte n'a pas encore remplacé son mot de passe provisoire : l'accès aux données "
    "cliniques sera approuvé ensuite."
)
NOT_AWAITING_MESSAGE = "Ce compte n'attend pas d'accès aux données cliniques."
ALREADY_HELD_MESSAGE = (
    "Un praticien ou un conseiller détient déjà la clé clinique : c'est à lui d'approuver "
    "ce compte, pas au code de récupération."
)
NO_CLINICAL_KEY_MESSAGE = "Cette base n'a pas encore de clé clinique."
USER_NOT_FOUND_MESSAGE = "Ce compte n'existe pas."

#: Generation events: the history a session checks a chain against (check_history).
CREATED_ACTION = "clinical_key_created"  # {generation, verify_key}: a new CK (a genesis)
CHAIN_MIGRATED_ACTION = "clinical_key_chain_migrated"  # {generation, verify_key, earlier}
ROTATED_ACTION = "clinical_key_rotated"  # {reasons, generation, verify_key[, late]}
START_ACTIONS = (CREATED_ACTION, CHAIN_MIGRATED_ACTION)
GENERATION_ACTIONS = (*START_ACTIONS, ROTATED_ACTION)
ENDORSEMENTS_MIGRATED_ACTION = "clinical_key_endorsements_migrated"
#: Refusals: a generation that does not chain to a trusted one, a migration replayed.
SUBSTITUTION_REFUSED_ACTION = "clinical_key_substitution_refused"  # {reason, generation}
MIGRATION_REFUSED_ACTION = "clinical_key_migration_refused"  # {mark, reason}
REFUSAL_CODES = (ErrorCode.CLINICAL_KEY_FORGED, ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED)

#: Accounts that keep their CK boxes: clinical roles, active or suspended (a
#: suspension keeps the key slot; a revocation or a role change rotates the CK).
_KEEPING_STATUSES = (AccountStatus.ACTIVE.value, AccountStatus.SUSPENDED.value)
DEFAULT_BATCH_SIZE = 200


class ClinicalAccess(StrEnum):
    """What a session has of the clinical key."""

    GRANTED = "granted"
    AWAITING_APPROVAL = "awaiting_approval"
    NOT_APPLICABLE = "not_applicable"  # a role that never holds it


@dataclass(frozen=True)
class ClinicalRekeyProgress:
    """One call of the re-encryption job after a rotation."""

    reencrypted: int  # ciphertexts re-encrypted by this call
    remaining: int  # ciphertexts still under an older generation
    retired: tuple[str, ...]  # generations forgotten by this call (nothing uses them)

    @property
    def done(self) -> bool:
        return self.remaining == 0


def is_clinical_role(role: Role | str) -> bool:
    """Whether the role may hold the clinical key (practitioner, genetic counsellor)."""
    return role_can(Role(role), Permission.HOLD_CLINICAL_KEY)


def clinical_account_ids(uow: UnitOfWork) -> set[int]:
    """Accounts entitled to keep their CK boxes, as the database says now."""
    rows = uow.session.execute(select(User.id, User.role).where(User.status.in_(_KEEPING_STATUSES)))
    return {user_id for user_id, role in rows if is_clinical_role(role)}


def _keystore(ctx: ServiceContext) -> Keystore:
    if ctx.keystore is None:
        raise StorageError("Les clés de cette base ne sont pas disponibles.", code="no_keystore")
    return ctx.keystore


# ---------------------------------------------------------------------- trust


def generation_details(anchor: GenerationAnchor) -> dict[str, str | None]:
    """What a generation event records of a generation (public: its id and verify key)."""
    return {"generation": anchor.generation, "verify_key": anchor.verify_key}


@dataclass(frozen=True)
class _Logged:
    """A generation event: a start (created, chain migrated) or a rotation."""

    action: str
    anchors: tuple[GenerationAnchor, ...]


def _anchor_from(value: Any) -> GenerationAnchor | None:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        value = {"generation": value[0], "verify_key": value[1]}
    if not isinstance(value, dict):
        return None
    generation, verify_key = value.get("generation"), value.get("verify_key")
    if not isinstance(generation, str) or not isinstance(verify_key, str):
        return None
    return GenerationAnchor(generation, verify_key)


def _logged_generations(uow: UnitOfWork) -> list[_Logged]:
    """The generation events of the log, oldest first; each row's hash is checked
    (StorageError ``clinical_key_forged`` for a row edited behind the log's back)."""
    events = uow.session.scalars(
        select(Event).where(Event.action.in_(GENERATION_ACTIONS)).order_by(Event.id)
    )
    return [item for item in (_logged(event) for event in events) if item is not None]


def _logged(event: Event) -> _Logged | None:
    """The generations a generation event records (None: a rotation logged by a
    version without the chain); StorageError if the row was edited in place."""
    if not event_intact(event):
        raise clinical_key_forged("event_altered")
    try:
        details = json.loads(event.details)
    except ValueError as exc:
        raise clinical_key_forged("event_altered") from exc
    anchor = _anchor_from(details) if isinstance(details, dict) else None
    if anchor is None:
        return None
    earlier = details.get("earlier", []) if event.action == CHAIN_MIGRATED_ACTION else []
    found = (_anchor_from(item) for item in (earlier if isinstance(earlier, list) else []))
    return _Logged(event.action, (*(a for a in found if a is not None), anchor))


def check_latest(uow: UnitOfWork, chain: tuple[GenerationAnchor, ...]) -> None:
    """The last generation the event log recorded is the chain's current one (or the
    one before it, the current one's event not committed yet). Cheaper than
    :func:`check_history`, for a session whose pin already names the current
    generation: it refuses a key file put back from an older copy."""
    query = select(Event).where(Event.action.in_(GENERATION_ACTIONS)).order_by(Event.id.desc())
    for event in uow.session.scalars(query):
        logged = _logged(event)
        if logged is None:
            continue
        latest = logged.anchors[-1]
        if latest == chain[-1] or (len(chain) > 1 and latest == chain[-2]):
            return
        break
    raise clinical_key_forged("history_mismatch", chain[-1].generation)


def _ciphertext_outside(uow: UnitOfWork, generations: set[str]) -> bool:
    """Whether a clinical value is encrypted with a generation not in ``generations``."""
    allowed = [bytes.fromhex(g) for g in generations]
    for column in encrypted_columns():
        target = column.table.c[column.column]
        query = (
            select(literal(1))
            .select_from(column.table)
            .where(target.is_not(None), func.substr(target, 2, 8).not_in(allowed))
            .limit(1)
        )
        try:
            if uow.session.scalar(query) is not None:
                return True
        except OperationalError:  # a registered table this database does not have
            continue
    return False


def check_history(uow: UnitOfWork, chain: tuple[GenerationAnchor, ...]) -> None:
    """The chain against the generations the event log recorded.

    The log's generations since the last start (a creation, or the adoption of a
    key file from before the chain) must be the chain's, in order; only the
    current generation may be missing (a rotation whose event is not committed
    yet). A start after an earlier one (a new key made for a new recovery sheet)
    counts only while no clinical value is encrypted outside the chain.
    StorageError ``clinical_key_forged`` otherwise.
    """
    current = chain[-1].generation
    logged = _logged_generations(uow)
    starts = [i for i, item in enumerate(logged) if item.action in START_ACTIONS]
    if not starts:
        raise clinical_key_forged("no_anchor", current)
    if len(starts) > 1 and _ciphertext_outside(uow, {a.generation for a in chain}):
        raise clinical_key_forged("new_genesis_over_data", current)
    expected: list[GenerationAnchor] = []
    for item in logged[starts[-1] :]:
        for anchor in item.anchors:
            if not expected or expected[-1] != anchor:  # logged twice (late, then committed)
                expected.append(anchor)
    found = list(chain)
    if found != expected and not (len(found) > 1 and found[:-1] == expected):
        raise clinical_key_forged("history_mismatch", current)


def _report_refusal(ctx: ServiceContext, action: str, details: dict[str, Any]) -> None:
    """Log a refusal once per session, after the transaction in progress (if any):
    the refusal rolls that one back."""
    key = json.dumps([action, details], sort_keys=True)
    if key in ctx.clinical_refusals_logged:
        return
    ctx.clinical_refusals_logged.add(key)

    def write() -> None:
        with ctx.unit_of_work(AccessMode.WRITE, password_change=True, while_locked=True) as uow:
            actor = None if uow.system else uow.actor
            record_event(uow, ctx, actor, action, object_type="database", details=details)
            uow.commit()

    after_units_of_work(write)


def _refused(ctx: ServiceContext, exc: StorageError) -> StorageError:
    """Log the event of a refused key or migration; return ``exc`` to raise."""
    if exc.code == ErrorCode.CLINICAL_KEY_FORGED:
        details = {
            "reason": exc.params.get("reason", ""),
            "generation": exc.params.get("generation", ""),
        }
        _report_refusal(ctx, SUBSTITUTION_REFUSED_ACTION, details)
    elif exc.code == ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED:
        details = {"mark": exc.params.get("mark", ""), "reason": exc.params.get("reason", "")}
        _report_refusal(ctx, MIGRATION_REFUSED_ACTION, details)
    return exc


def _migration_refusal(uow: UnitOfWork, actions: tuple[str, ...]) -> str | None:
    """Why a trust-on-first-use migration must not run (None: it may): the whole
    event chain is checked, and must not hold one of ``actions`` already."""
    if not chain_report(uow).ok:
        return "journal_broken"
    if uow.session.scalar(select(Event.id).where(Event.action.in_(actions)).limit(1)):
        return "replayed"
    return None


def _adopt_chain(
    ctx: ServiceContext, uow: ServiceUnitOfWork, keys: ClinicalKeys
) -> tuple[GenerationAnchor, ...] | None:
    """A key file from before the chain: its first holder makes the chain of the
    generations it holds (trust on first use), once. Event
    ``clinical_key_chain_migrated`` in ``uow`` (a write, committed by the caller,
    who drops the chain again if that commit fails). Refused (StorageError
    ``clinical_key_migration_refused``) if the verified log shows a start already
    (the chain was removed from the file) or the log is broken."""
    keystore = _keystore(ctx)
    refusal = _migration_refusal(uow, START_ACTIONS)
    keystore.reload()
    if keystore.has_clinical_chain:
        return None  # another session adopted it meanwhile
    if refusal is not None:
        raise StorageError(
            MIGRATION_REFUSED_MESSAGE,
            code=ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED,
            mark="chain",
            reason=refusal,
        )
    adopted = keystore.adopt_clinical_chain(keys)
    if adopted is None:
        return None
    details: dict[str, Any] = {**generation_details(adopted[-1])}
    details["earlier"] = [[a.generation, a.verify_key] for a in adopted[:-1]]
    actor = None if uow.system else uow.actor
    record_event(uow, ctx, actor, CHAIN_MIGRATED_ACTION, object_type="database", details=details)
    uow.flush()
    return adopted


def _adopt_at_login(ctx: ServiceContext, keys: ClinicalKeys) -> None:
    keystore = _keystore(ctx)
    with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
        adopted = _adopt_chain(ctx, uow, keys)
        try:
            uow.commit()
        except BaseException:
            if adopted is not None:
                keystore.drop_clinical_chain(adopted)
            raise


def _verify(
    ctx: ServiceContext,
    slot_key: SlotKey,
    held: ClinicalKeys | None,
    uow: ServiceUnitOfWork | None,
) -> ClinicalKeys | None:
    """``slot_key``'s generations, once chained to a trusted one (see check_history).

    Trusted, in this order: what this session verified before (``held``), the
    slot's pin, else the start the event log recorded. A key file from before
    the chain is adopted here when no transaction is open (at login) or inside
    ``uow`` if it writes. The user slot's pin then moves to the current generation.
    """
    keystore = _keystore(ctx)
    if keystore.clinical_key_id is None:
        return None
    if not keystore.has_clinical_chain:
        raw = keystore.clinical_keys_for(slot_key)
        if raw is None:
            return None
        if held is not None:
            raise clinical_key_forged("chain_missing", keystore.clinical_key_id)
        if uow is not None and uow.mode is AccessMode.WRITE:
            _adopt_chain(ctx, uow, raw)
        elif not in_unit_of_work():
            _adopt_at_login(ctx, raw)
        else:
            raise clinical_key_forged("chain_missing", keystore.clinical_key_id)
        keystore.reload()
    roots: list[GenerationAnchor | None] = []
    if held is not None and not held.forgotten:
        roots.append(anchor_of(held.key(held.current_id)))
    pinned, pin = keystore.clinical_pin(slot_key)
    roots.append(pin)
    verified = keystore.verified_clinical_keys(slot_key, roots)
    if verified is None:
        return None
    if verified.root is None and pinned:
        # A recovery slot made while the database had no clinical key: the only key
        # it may hold is one its own code made (which pins it).
        raise clinical_key_forged("pinned_without_key", verified.current.generation)
    # The whole history when the chain moved past what the session trusts; else
    # only its last generation event (a key file put back from an older copy
    # brings its older pin with it, and an older generation a former holder has).
    check = (
        check_history
        if verified.root is None or not verified.root.matches(verified.current)
        else check_latest
    )
    if uow is not None:
        check(uow, verified.chain)
    else:
        with ctx.unit_of_work(AccessMode.READ, password_change=True, while_locked=True) as read:
            check(read, verified.chain)
    with contextlib.suppress(StorageError):  # the pin is a shortcut, not essential
        keystore.pin_clinical_generation(slot_key, verified.current)
    return verified.keys


def _reopen(ctx: ServiceContext, uow: ServiceUnitOfWork | None = None) -> ClinicalKeys | None:
    """The CK generations the session's slot opens in the keystore now, verified.

    StorageError ``clinical_key_forged`` (event ``clinical_key_substitution_refused``)
    when the file offers a generation that does not chain to a trusted one: the
    session then uses no clinical key at all, never the offered one.
    """
    keystore = ctx.keystore
    if keystore is None or ctx.slot_key is None:
        return None
    held = ctx.clinical
    keystore.reload()
    if keystore.clinical_key_id is None:
        ctx.clinical = None
        return None
    wanted = (keystore.clinical_key_id, *keystore.retiring_clinical_key_ids)
    if held is not None and held.current_id == wanted[0] and set(held.generations) >= set(wanted):
        return held
    try:
        keys = _verify(ctx, ctx.slot_key, held, uow)
    except StorageError as exc:
        raise _refused(ctx, exc) from None
    # The previous keys are dropped, not wiped: a reader in another thread may still
    # be using them (ClinicalKeys.forget is for the end of the session).
    ctx.clinical = keys
    return keys


def open_session_clinical_keys(ctx: ServiceContext, actor: Actor) -> ClinicalAccess:
    """At login: a clinical account's slot opens the CK into the session, verified.

    Any other role gets nothing, even if its slot held a CK box (the role is
    the database's, not the keystore's). A session holding the CK then endorses
    the holders of a key file from before endorsements (once, trust on first
    use) and performs a rotation owed. It never seals the CK to a recovery slot
    that a holder has not endorsed (a new recovery sheet). A key that does not
    chain to a trusted generation, or a migration refused, is kept in
    ``ctx.clinical_alert`` (and logged); the login goes on without the key.
    """
    ctx.forget_clinical_keys()
    ctx.clinical_alert = None
    if not is_clinical_role(actor.role):
        return ClinicalAccess.NOT_APPLICABLE
    try:
        keys = _reopen(ctx)
    except StorageError as exc:
        if exc.code not in REFUSAL_CODES:
            raise
        ctx.clinical_alert = exc
        return ClinicalAccess.AWAITING_APPROVAL
    if keys is None:
        return ClinicalAccess.AWAITING_APPROVAL
    try:
        _migrate_endorsements(ctx, keys)
    except StorageError as exc:  # not essential: done at the next login
        if exc.code in REFUSAL_CODES:
            ctx.clinical_alert = exc
    with contextlib.suppress(StorageError):
        perform_owed_rotation(ctx)
    return ClinicalAccess.GRANTED


def _migrate_endorsements(ctx: ServiceContext, keys: ClinicalKeys) -> None:
    """A key file from before endorsements: endorse the current holders' slots (and
    the recovery slot) as they are, once (trust on first use). Event
    ``clinical_key_endorsements_migrated`` {count}.

    Refused when the verified event log already holds that event (the mark was
    stripped from the file to be trusted again) or the log is broken: nobody is
    endorsed, the mark is put back (the endorsements that verify keep counting),
    event ``clinical_key_migration_refused`` and StorageError
    ``clinical_key_migration_refused``.
    """
    keystore = _keystore(ctx)
    keystore.reload()
    if keystore.endorsements_migrated:
        return
    with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
        keystore.reload()
        if keystore.endorsements_migrated:
            return  # another session did it meanwhile
        refusal = _migration_refusal(uow, (ENDORSEMENTS_MIGRATED_ACTION,))
        if refusal is None:
            done = keystore.endorse_current_holders(keys, clinical_account_ids(uow))
            record_event(
                uow,
                ctx,
                uow.actor,
                ENDORSEMENTS_MIGRATED_ACTION,
                object_type="database",
                details={"count": len(done)},
            )
            uow.commit()
            return
    keystore.restore_endorsement_mark()
    raise _refused(
        ctx,
        StorageError(
            MIGRATION_REFUSED_MESSAGE,
            code=ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED,
            mark="endorsements",
            reason=refusal,
        ),
    )


def clinical_access_of(ctx: ServiceContext, actor: Actor) -> ClinicalAccess:
    """The session's state (its slot is opened again if the CK changed meanwhile).

    StorageError ``clinical_key_forged`` when the key file offers a generation
    that does not chain to a trusted one.
    """
    if not is_clinical_role(actor.role):
        ctx.forget_clinical_keys()
        return ClinicalAccess.NOT_APPLICABLE
    return ClinicalAccess.GRANTED if _reopen(ctx) is not None else ClinicalAccess.AWAITING_APPROVAL


def session_clinical_keys(ctx: ServiceContext, uow: ServiceUnitOfWork) -> ClinicalKeys:
    """The CK of the session, for a service reading or writing clinical fields.

    Call it inside the unit of work (after its actor was read again): a role
    that lost ``HOLD_CLINICAL_KEY`` forgets the keys and is refused; a clinical
    account not approved yet gets PermissionDenied ``clinical_access_awaiting``;
    a key that does not chain to a trusted generation StorageError
    ``clinical_key_forged`` (nothing is encrypted with it).
    """
    actor = uow.actor
    if not is_clinical_role(actor.role):
        ctx.forget_clinical_keys()
    authorize(uow, actor, Permission.HOLD_CLINICAL_KEY)
    keys = _reopen(ctx, uow)
    if keys is None:
        raise PermissionDenied(AWAITING_MESSAGE, code=ErrorCode.CLINICAL_ACCESS_AWAITING)
    return keys


# ---------------------------------------------------------------------- rotation


def owe_clinical_rotation(
    ctx: ServiceContext,
    uow: UnitOfWork,
    actor: Actor | None,
    *,
    reason: str,
    user_id: int | None = None,
    drop_user_ids: tuple[int, ...] = (),
) -> bool:
    """An account leaves the clinical roles: its boxes go now, a rotation is owed.

    Called in the transaction that removes a clinical role or revokes an
    account, after its flush and before its commit. Needs no CK: the rotation
    itself is done by the next session holding the CK
    (:func:`perform_owed_rotation`). Returns False when the database has no CK.
    Event ``clinical_key_rotation_owed`` (reason, user_id).
    """
    keystore = _keystore(ctx)
    keystore.reload()
    if keystore.clinical_key_id is None:
        return False
    details: dict[str, object] = {"reason": reason}
    if user_id is not None:
        details["user_id"] = user_id
    record_event(
        uow, ctx, actor, "clinical_key_rotation_owed", object_type="database", details=details
    )
    uow.flush()
    drop = {*drop_user_ids, *((user_id,) if user_id is not None else ())}
    keystore.owe_clinical_rotation(reason, drop)
    return True


def _log_unlogged_current(
    ctx: ServiceContext, uow: ServiceUnitOfWork, chain: tuple[GenerationAnchor, ...]
) -> None:
    """The current generation was rotated in but its event never committed (the
    history check tolerates that for the current one only): log it now, before
    a new generation follows it."""
    logged = {anchor for item in _logged_generations(uow) for anchor in item.anchors}
    if len(chain) > 1 and chain[-1] not in logged:
        details: dict[str, Any] = {"reasons": [], **generation_details(chain[-1]), "late": True}
        record_event(uow, ctx, uow.actor, ROTATED_ACTION, object_type="database", details=details)


def perform_owed_rotation(ctx: ServiceContext) -> str | None:
    """The rotation owed, by a session holding the current CK (None: nothing done).

    The new generation is signed by the current one (its chain record) and sealed
    only to the still-clinical slots whose public key carries a valid endorsement
    (and the session's own slot), and to the recovery slot if endorsed; each slot
    refused (public key not endorsed) is logged ``clinical_key_refused`` {slot}.
    Event ``clinical_key_rotated`` {reasons, generation, verify_key}, written
    before the key file changes. Nothing is done while the endorsement mark is
    missing (a migration first).
    """
    keystore = _keystore(ctx)
    keystore.reload()
    reasons = keystore.clinical_rotation_owed
    if not reasons:
        return None
    keys = _reopen(ctx)
    if keys is None or not keystore.endorsements_migrated:
        return None
    ck = new_clinical_key()
    with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
        actor = uow.actor
        if not is_clinical_role(actor.role):
            ctx.forget_clinical_keys()
            return None
        _log_unlogged_current(ctx, uow, keystore.clinical_chain())
        details: dict[str, Any] = {"reasons": list(reasons), **generation_details(anchor_of(ck))}
        record_event(uow, ctx, actor, ROTATED_ACTION, object_type="database", details=details)
        uow.flush()
        generation, refused = keystore.rotate_clinical_key(
            keys, keep_user_ids=clinical_account_ids(uow), new_key=ck, holder=ctx.slot_key
        )
        _log_refused(ctx, uow, refused)
        uow.commit()
    _reopen(ctx)
    return generation


def _log_refused(ctx: ServiceContext, uow: ServiceUnitOfWork, refused: tuple[str, ...]) -> None:
    for ref in refused:
        record_event(
            uow,
            ctx,
            uow.actor,
            "clinical_key_refused",
            object_type="database",
            details={"slot": ref},
        )


def stale_clinical_holders(uow: UnitOfWork, keystore: Keystore) -> list[int]:
    """Slots holding a CK box whose account may no longer hold it (to rotate away)."""
    holders = set(keystore.clinical_key_holders(any_generation=True))
    return sorted(holders - clinical_account_ids(uow)) if holders else []


def recovery_only_holds_clinical_key(uow: UnitOfWork, keystore: Keystore) -> bool:
    """True when the database has a CK and no clinical account holds it (yet)."""
    if keystore.clinical_key_id is None:
        return False
    return not set(keystore.clinical_key_holders()) & clinical_account_ids(uow)


def clinical_ciphertext_count(uow: UnitOfWork) -> int:
    """How many clinical values are encrypted (any generation), every column."""
    total = 0
    for column in encrypted_columns():
        target = column.table.c[column.column]
        query = select(func.count()).select_from(column.table).where(target.is_not(None))
        total += uow.session.scalar(query) or 0
    return total


def settle_clinical_key(ctx: ServiceContext) -> None:
    """Housekeeping at any login: a box left to an account that may no longer hold
    it (forged, or a change cut short) is dropped and a rotation is owed (the
    next holder's session performs it). Never generates nor seals a CK: a
    database from before the CK gets one at its first recovery-code approval.
    Idempotent."""
    keystore = _keystore(ctx)
    keystore.reload()
    if keystore.clinical_key_id is None:
        return
    with ctx.unit_of_work(AccessMode.READ, password_change=True) as uow:
        stale = stale_clinical_holders(uow, keystore)
    if stale:
        with ctx.unit_of_work(AccessMode.WRITE, password_change=True) as uow:
            actor = uow.actor if not uow.system else None
            owe_clinical_rotation(
                ctx, uow, actor, reason="stale_holder", drop_user_ids=tuple(stale)
            )
            uow.commit()


# ---------------------------------------------------------------------- service


class ClinicalKeyService:
    """``session.clinical_key``: approvals and the re-encryption job."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @reads
    def access_state(self) -> ClinicalAccess:
        """Granted, awaiting approval, or not applicable (the role never holds it).

        Allowed before the one-time password is replaced (the login screen asks).
        """
        with self.ctx.unit_of_work(password_change=True) as uow:
            return clinical_access_of(self.ctx, uow.actor)

    def _awaiting_ids(self, uow: UnitOfWork, keystore: Keystore) -> list[User]:
        keystore.reload()
        holders = set(keystore.clinical_key_holders())
        users = uow.users.list(statuses=[AccountStatus.ACTIVE.value])
        return [
            u
            for u in users
            if is_clinical_role(u.role)
            and u.id not in holders
            and keystore.has_slot(u.id)
            and keystore.slot_login(u.id) == u.login
        ]

    @reads
    def awaiting_approval(self) -> list[UserView]:
        """Active clinical accounts whose slot does not hold the CK yet."""
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.APPROVE_CLINICAL_ACCESS)
            return [user_view(u) for u in self._awaiting_ids(uow, keystore)]

    @reads
    def recovery_code_needed(self) -> bool:
        """True while no clinical account holds the CK: approvals need the recovery code."""
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.APPROVE_CLINICAL_ACCESS)
            return not self._held_by_colleagues(uow, keystore)

    @staticmethod
    def _held_by_colleagues(uow: UnitOfWork, keystore: Keystore) -> bool:
        keystore.reload()
        return keystore.clinical_key_id is not None and not recovery_only_holds_clinical_key(
            uow, keystore
        )

    def _awaiting_user(self, uow: UnitOfWork, keystore: Keystore, user_id: int) -> User:
        user = uow.users.get(user_id)
        if user is None:
            raise ValidationError(
                USER_NOT_FOUND_MESSAGE, code=ErrorCode.USER_NOT_FOUND, field="user_id"
            )
        if user not in self._awaiting_ids(uow, keystore):
            raise ValidationError(NOT_AWAITING_MESSAGE, code=ErrorCode.CLINICAL_NOT_AWAITING)
        if user.must_change_password:
            # Its key pair came with a password an administrator saw: the clinical
            # key is sealed only to the key pair the user makes with their own.
            raise ValidationError(
                PASSWORD_PENDING_MESSAGE, code=ErrorCode.CLINICAL_APPROVAL_PASSWORD_PENDING
            )
        return user

    def _grant(
        self, uow: ServiceUnitOfWork, user: User, keys: ClinicalKeys, method: str
    ) -> UserView:
        """Event, then the box sealed (last), then commit; the box goes if the commit fails."""
        keystore = _keystore(self.ctx)
        record_event(
            uow,
            self.ctx,
            uow.actor,
            "clinical_access_granted",
            object_type="user",
            object_id=user.id,
            details={"method": method},
        )
        uow.flush()
        keystore.grant_clinical_key(user.id, keys)
        try:
            uow.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                keystore.drop_clinical_boxes(user.id)
            raise
        return user_view(user)

    @writes
    def approve(self, user_id: int) -> UserView:
        """Four-eyes: a colleague holding the CK seals it to ``user_id``'s slot.

        The approver must hold the CK (``clinical_access_awaiting`` otherwise);
        ``user_id`` must be an active clinical account awaiting approval
        (ValidationError ``clinical_not_awaiting``). Event ``clinical_access_granted``.
        """
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.APPROVE_CLINICAL_ACCESS)
            keys = session_clinical_keys(self.ctx, uow)
            user = self._awaiting_user(uow, keystore, user_id)
            return self._grant(uow, user, keys, "colleague")

    @writes
    def approve_with_recovery_code(self, user_id: int, code: str) -> UserView:
        """The first clinical account, approved with the recovery code.

        Only while no clinical account holds the CK (ValidationError
        ``clinical_key_already_held`` otherwise). A wrong code is throttled and
        counted like a wrong password (AuthenticationError ``bad_recovery_code``).
        The code opens the CK only if the recovery slot holds it (a new sheet
        does not, until a holder endorses it: StorageError ``no_clinical_key``),
        and only if it chains to the generation pinned in the recovery slot (or,
        for a recovery slot from before pins, to the start the event log recorded):
        StorageError ``clinical_key_forged`` otherwise. A database without any CK
        gets one here, sealed to this recovery slot and pinned in it (event
        ``clinical_key_created``).
        """
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.APPROVE_CLINICAL_ACCESS)
            approver_id = uow.actor.user_id
            user = self._awaiting_user(uow, keystore, user_id)
            if self._held_by_colleagues(uow, keystore):
                raise ValidationError(
                    ALREADY_HELD_MESSAGE, code=ErrorCode.CLINICAL_KEY_ALREADY_HELD
                )
            result = keystore.sign_in_recovery(code, now=self.ctx.now())
            keystore.reload()
            keys: ClinicalKeys | None = None
            created: str | None = None
            adopted: tuple[GenerationAnchor, ...] | None = None
            try:
                if keystore.clinical_key_id is None:
                    # A database without a CK (from before it, or a new sheet of an
                    # unused one): the recovery slot was just opened with its code, so
                    # its public key is genuine; the CK is made for it, endorsed, pinned.
                    keys = keystore.create_clinical_key(code)
                    if keys is not None:
                        created = keys.current_id
                        record_event(
                            uow,
                            self.ctx,
                            uow.actor,
                            CREATED_ACTION,
                            object_type="database",
                            details=generation_details(anchor_of(keys.key(created))),
                        )
                        uow.flush()
                if keys is None:
                    adopted = self._adopt_for_recovery(uow, result.slot_key)
                    keys = _verify(self.ctx, result.slot_key, None, uow)
                if keys is None:
                    raise StorageError(NO_CLINICAL_KEY_MESSAGE, code=ErrorCode.NO_CLINICAL_KEY)
                view = self._grant(uow, user, keys, "recovery_code")
            except BaseException as exc:
                # Not committed: a key made (or a chain adopted) here must not stay
                # in the key file without its event.
                with contextlib.suppress(StorageError):
                    if created is not None:
                        keystore.forget_clinical_key(created)
                    if adopted is not None:
                        keystore.drop_clinical_chain(adopted)
                if isinstance(exc, StorageError):
                    raise _refused(self.ctx, exc) from None
                raise
            finally:
                if keys is not None:
                    keys.forget()
        with contextlib.suppress(StorageError):
            keystore.accept_sign_in(result, code, None)  # the recovery lockout starts again
        if user_id == approver_id:
            _reopen(self.ctx)  # approved oneself: the session opens its new box
        return view

    def _adopt_for_recovery(
        self, uow: ServiceUnitOfWork, recovery: SlotKey
    ) -> tuple[GenerationAnchor, ...] | None:
        """A key file from before the chain, only the recovery code holding its key:
        the code's process adopts the chain (once, see :func:`_adopt_chain`)."""
        keystore = _keystore(self.ctx)
        if keystore.has_clinical_chain:
            return None
        raw = keystore.clinical_keys_for(recovery)
        if raw is None:
            return None
        try:
            return _adopt_chain(self.ctx, uow, raw)
        finally:
            raw.forget()

    @reads
    def rotation_owed(self) -> bool:
        """True while a rotation of the CK is owed (a clinical account left): the
        next session holding the CK performs it. Any signed-in session may ask."""
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work(password_change=True):
            keystore.reload()
            return bool(keystore.clinical_rotation_owed)

    @writes
    def rotate_owed(self) -> str | None:
        """Perform the rotation owed now (a session holding the CK); the new
        generation, or None if none was owed. See :func:`perform_owed_rotation`."""
        with self.ctx.unit_of_work() as uow:
            session_clinical_keys(self.ctx, uow)
        return perform_owed_rotation(self.ctx)

    @reads
    def recovery_endorsed(self) -> bool:
        """Whether the recovery code opens the current CK (its slot is endorsed)."""
        with self.ctx.unit_of_work() as uow:
            keys = session_clinical_keys(self.ctx, uow)
            return _keystore(self.ctx).recovery_endorsed(keys)

    @writes
    def endorse_recovery_slot(self) -> bool:
        """Give the CK to the recovery slot as it is now (after a new recovery sheet).

        Only a session holding the CK can (PermissionDenied otherwise). **Trust:**
        nothing in the key file proves who made the recovery slot: every account
        holder can replace it. Endorse it only when you trust the administrator
        who issued the sheet and know it was issued just now (the event log shows
        ``recovery_sheet_issued``); whoever knows its code then reads every
        clinical value. Returns False if it was already endorsed. Event
        ``clinical_recovery_endorsed``.
        """
        keystore = _keystore(self.ctx)
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.APPROVE_CLINICAL_ACCESS)
            keys = session_clinical_keys(self.ctx, uow)
            keystore.reload()
            if keystore.recovery_endorsed(keys):
                return False
            record_event(
                uow, self.ctx, uow.actor, "clinical_recovery_endorsed", object_type="database"
            )
            uow.flush()
            changed = keystore.endorse_recovery_slot(keys)
            uow.commit()
            return changed

    @writes
    def rekey_clinical_data(self, batch_size: int = DEFAULT_BATCH_SIZE) -> ClinicalRekeyProgress:
        """Re-encrypt up to ``batch_size`` ciphertexts made with an older generation.

        Resumable and idempotent: each call commits its batch, only ciphertexts
        not under the current generation are touched (an update applies only if
        the value is still the one read), and once none is left the older
        generations are forgotten in the keystore. Needs a session holding the CK.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        keystore = _keystore(self.ctx)
        reencrypted = 0
        with self.ctx.unit_of_work() as uow:
            keys = session_clinical_keys(self.ctx, uow)
            current = bytes.fromhex(keys.current_id)
            for column in encrypted_columns():
                budget = batch_size - reencrypted
                if budget <= 0:
                    break
                reencrypted += self._rekey_column(uow, keys, column, current, budget)
            remaining = self._count_stale(uow, current)
            if reencrypted:
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "clinical_data_rekeyed",
                    object_type="database",
                    details={"count": reencrypted, "remaining": remaining},
                )
            uow.commit()
        retired: tuple[str, ...] = ()
        keystore.reload()
        if remaining == 0 and keystore.retiring_clinical_key_ids:
            retired = keystore.retiring_clinical_key_ids
            keystore.retire_clinical_generations(retired)
            _reopen(self.ctx)
        return ClinicalRekeyProgress(reencrypted=reencrypted, remaining=remaining, retired=retired)

    @staticmethod
    def _stale_filter(target: Any, current: bytes) -> Any:
        """Ciphertexts whose generation (bytes 2-9 of the header) is not ``current``."""
        return and_(target.is_not(None), func.substr(target, 2, 8) != current)

    def _rekey_column(
        self,
        uow: UnitOfWork,
        keys: ClinicalKeys,
        column: EncryptedColumn,
        current: bytes,
        budget: int,
    ) -> int:
        table = column.table
        target = table.c[column.column]
        key_columns = column.row_key_columns
        rows = uow.session.execute(
            select(*key_columns, target).where(self._stale_filter(target, current)).limit(budget)
        ).all()
        done = 0
        for row in rows:
            old = row._mapping[target.name]
            fresh = column.encrypt(keys, row, column.decrypt(keys, row, old))
            match = [c == row._mapping[c.name] for c in key_columns]
            result = uow.session.execute(
                update(table).where(*match, target == old).values({target.name: fresh})
            )
            done += result.rowcount or 0  # type: ignore[attr-defined]
        return done

    def _count_stale(self, uow: UnitOfWork, current: bytes) -> int:
        total = 0
        for column in encrypted_columns():
            target = column.table.c[column.column]
            total += (
                uow.session.scalar(
                    select(func.count())
                    .select_from(column.table)
                    .where(self._stale_filter(target, current))
                )
                or 0
            )
        return total
