"""Accounts and structures (administrators only, DESIGN.md §3)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import delete, select, update

from oiso_desktop.domain.errors import NotFound, StorageError, ValidationError
from oiso_desktop.domain.passwords import generate_initial_password
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.retention import (
    FileState,
    InactivityStep,
    MaintenanceTask,
    inactivity_step,
    last_seen,
)
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.access import authorize, can
from oiso_desktop.services.context import (
    ServiceContext,
    ServiceUnitOfWork,
    actor_of,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.dto import Actor, StructureInput, StructureView, UserInput, UserView
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.retention_files_service import (
    apply_one,
    checkpoint_after_deletion,
    unshared_file_ids,
)
from oiso_desktop.services.system_actor import authorize_task
from oiso_desktop.services.validation import (
    LOGIN_TAKEN_MESSAGE,
    PROFESSIONAL_ROLES,
    CleanUser,
    clean_structure,
    clean_user,
)
from oiso_desktop.storage.keystore import Keystore, SlotKey
from oiso_desktop.storage.models import (
    Assistance,
    Patient,
    PatientShare,
    Setting,
    Structure,
    User,
)
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.storage.uow import UnitOfWork

log = logging.getLogger(__name__)

__all__ = ["DeletionPreview", "UserService", "add_account", "revoked_slot_holders", "user_view"]

USER_NOT_FOUND_MESSAGE = "Ce compte n'existe pas."
STRUCTURE_NOT_FOUND_MESSAGE = "Cette structure n'existe pas."
SELF_MESSAGE = "Vous ne pouvez pas suspendre ou révoquer votre propre compte."
LAST_ADMIN_MESSAGE = "Il doit rester au moins un administrateur actif."
NOT_ACTIVE_MESSAGE = "Ce compte n'est pas actif."
REVOKED_MESSAGE = "Ce compte est révoqué : il ne peut plus être modifié."
LOGIN_CHANGE_MESSAGE = "L'identifiant d'un compte ne peut pas être modifié."
ASSISTED_MESSAGE = "Un secrétariat ne peut assister que des praticiens ou conseillers actifs."
FINESS_TAKEN_MESSAGE = "Une autre structure utilise déjà ce numéro FINESS."
DELETE_SELF_MESSAGE = "Vous ne pouvez pas supprimer votre propre compte."
NOT_DEPARTED_MESSAGE = (
    "Seul le compte d'un utilisateur parti (révoqué) peut être supprimé : révoquez-le d'abord."
)
ALREADY_DELETED_MESSAGE = "Ce compte est déjà supprimé."
COUNT_CHANGED_MESSAGE = (
    "Le nombre de dossiers à supprimer a changé depuis la confirmation "
    "({expected} annoncés, {found} maintenant) : rien n'a été supprimé, recommencez."
)


@dataclasses.dataclass(frozen=True)
class DeletionPreview:
    """What deleting a departed account would do (``UserService.deletion_preview``).

    ``unshared_files`` go at once; ``shared_files`` stay with those they are shared
    with (the departed-user rules, ``domain.retention``); ``restricted_files``
    (unshared, restricted at the patient's request: frozen) stay too, and are
    archived, never deleted, while restricted.
    """

    user_id: int
    unshared_files: int
    shared_files: int
    restricted_files: int = 0


#: Fields of a CleanUser stored as-is on the User row (changes are logged by name);
#: the login never changes and assistances live in their own table.
_USER_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(CleanUser)
    if f.name not in ("login", "assisted_practitioner_ids")
)


def _assisted_ids(
    uow: UnitOfWork, secretary_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, ...]]:
    query = select(Assistance.secretary_id, Assistance.practitioner_id).order_by(
        Assistance.secretary_id, Assistance.practitioner_id
    )
    if secretary_ids is not None:
        query = query.where(Assistance.secretary_id.in_(list(secretary_ids)))
    result: dict[int, list[int]] = {}
    for secretary_id, practitioner_id in uow.session.execute(query):
        result.setdefault(secretary_id, []).append(practitioner_id)
    return {key: tuple(value) for key, value in result.items()}


def user_view(user: User, assisted: tuple[int, ...] = ()) -> UserView:
    created = from_db_time(user.created_at)
    assert created is not None
    return UserView(
        id=user.id,
        login=user.login,
        first_name=user.first_name,
        last_name=user.last_name,
        display_name=f"{user.first_name} {user.last_name}",
        role=Role(user.role),
        status=AccountStatus(user.status),
        email=user.email,
        phone=user.phone,
        profession=user.profession,
        specialty=user.specialty,
        rpps=user.rpps or "",
        adeli=user.adeli or "",
        structure_id=user.structure_id,
        structure_name=user.structure.name if user.structure is not None else "",
        must_change_password=user.must_change_password,
        last_login_at=from_db_time(user.last_login_at),
        created_at=created,
        assisted_practitioner_ids=assisted,
        version=user.version,
    )


def structure_view(row: Structure) -> StructureView:
    return StructureView(
        id=row.id,
        name=row.name,
        finess=row.finess or "",
        address=row.address,
        phone=row.phone,
        lab_client_number=row.lab_client_number,
        version=row.version,
    )


REKEY_OWED_SETTING = "rekey_owed"


def owe_rekey(uow: UnitOfWork, reason: str) -> None:
    """Record, in the transaction that asks for it, that a re-key is owed.

    A reset or a recovery with "re-key too" commits first and re-keys after (the
    re-key needs the file to itself): a crash in between must not leave the old
    key file's copies working unnoticed. :func:`settle_rekey` clears it.
    """
    uow.session.merge(Setting(key=REKEY_OWED_SETTING, value=reason))


def rekey_owed(uow: UnitOfWork) -> str | None:
    """The reason of a re-key asked for and not done yet (None: none)."""
    row = uow.session.get(Setting, REKEY_OWED_SETTING)
    return None if row is None else row.value


def settle_rekey(uow: UnitOfWork) -> None:
    """A re-key was done: nothing is owed any more."""
    uow.session.execute(delete(Setting).where(Setting.key == REKEY_OWED_SETTING))


def revoked_slot_holders(uow: UnitOfWork, keystore: Keystore) -> list[int]:
    """Revoked or deleted accounts that still have a key slot (to drop at the next re-key).

    A revocation interrupted after its status was committed but before its re-key
    began leaves such a slot: it no longer logs into the application (the account
    is not active) but would still open the file itself.
    """
    with_slots = set(keystore.user_ids())
    if not with_slots:
        return []
    rows = uow.session.scalars(
        select(User.id).where(
            User.id.in_(sorted(with_slots)),
            User.status.in_([AccountStatus.REVOKED.value, AccountStatus.DELETED.value]),
        )
    )
    return sorted(rows)


def add_account(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor | None,
    clean: CleanUser,
    password: str,
    *,
    keystore: Keystore,
    dmk: bytes,
    must_change_password: bool = True,
    bind: bool = False,
    secret_store: SecretStore | None = None,
    before_event: Callable[[User], None] | None = None,
) -> User:
    """The one path that creates an account: row, assistances, event, key slot.

    Used by the administrators' ``create_user``, the first-run setup (``actor``
    None: the new administrator records their own creation;
    ``before_event`` records the database's creation first) and the demo
    builder. Flushes, never commits: the caller commits, and removes the slot
    if the commit fails.
    """
    UserService._check_login_free(uow, clean.login)
    structure_id = clean.structure_id
    if structure_id is None and actor is not None:
        structure_id = actor.structure_id
    UserService._check_structure(uow, structure_id)
    now = naive_utc(ctx.now())
    user = User(
        login=clean.login,
        status=AccountStatus.ACTIVE.value,
        must_change_password=must_change_password,
        created_at=now,
        status_changed_at=now,
        password_changed_at=None if must_change_password else now,
    )
    UserService._apply(user, clean)
    user.structure_id = structure_id
    uow.users.add(user)
    UserService._set_assistances(uow, user, clean.assisted_practitioner_ids)
    if before_event is not None:
        before_event(user)
    record_event(
        uow,
        ctx,
        actor if actor is not None else actor_of(user),
        "user_created",
        object_type="user",
        object_id=user.id,
        details={"role": user.role},
    )
    uow.flush()
    keystore.add_user_slot(
        user.id,
        user.login,
        password,
        dmk,
        bind=bind,
        secret_store=secret_store,
        holder=ctx.slot_key,
    )
    return user


def _is_clinical(role: str) -> bool:
    from oiso_desktop.services.clinical_key_service import is_clinical_role

    return is_clinical_role(role)


def _rotate_clinical_key(
    ctx: ServiceContext, uow: UnitOfWork, actor: Actor, reason: str, user_id: int
) -> None:
    """A clinical account leaves: its clinical-key boxes go now and a rotation is owed,
    performed by the next session holding the key (clinical_key_service): an
    administrator's process never generates nor seals the clinical key."""
    from oiso_desktop.services.clinical_key_service import owe_clinical_rotation

    owe_clinical_rotation(ctx, uow, actor, reason=reason, user_id=user_id)


class _AdminUnitOfWork:
    """Enter a service unit of work, then check MANAGE_USERS with the fresh actor."""

    def __init__(self, uow: ServiceUnitOfWork) -> None:
        self._uow = uow

    def __enter__(self) -> ServiceUnitOfWork:
        uow = self._uow.__enter__()
        try:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
        except BaseException as exc:
            uow.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return uow

    def __exit__(self, *exc_info: Any) -> None:
        self._uow.__exit__(*exc_info)


class _SystemTaskUnitOfWork(_AdminUnitOfWork):
    """Enter a service unit of work, then check that the system actor does ``task``."""

    def __init__(self, uow: ServiceUnitOfWork, task: MaintenanceTask) -> None:
        super().__init__(uow)
        self._task = task

    def __enter__(self) -> ServiceUnitOfWork:
        uow = self._uow.__enter__()
        try:
            authorize_task(uow.actor, self._task)
        except BaseException as exc:
            uow.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return uow


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ helpers

    def _uow(self) -> ServiceUnitOfWork:
        return self.ctx.unit_of_work()

    def _admin_uow(self) -> _AdminUnitOfWork:
        """A unit of work of an administrator (MANAGE_USERS checked on entry)."""
        return _AdminUnitOfWork(self.ctx.unit_of_work())

    @staticmethod
    def _get(uow: UnitOfWork, user_id: int) -> User:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound(
                USER_NOT_FOUND_MESSAGE,
                code="user_not_found",
                object_type="user",
                object_id=user_id,
            )
        return user

    def _keystore(self) -> Keystore:
        if self.ctx.keystore is None:
            raise StorageError(
                "Les clés de cette base ne sont pas disponibles.", code="no_keystore"
            )
        return self.ctx.keystore

    def _dmk(self) -> bytes:
        if self.ctx.dmk is None:
            raise StorageError("La clé de la base n'est pas disponible.", code="no_dmk")
        return self.ctx.dmk

    def _slot_key(self) -> SlotKey:
        if self.ctx.slot_key is None:
            raise StorageError(
                "La clé de cette session n'est pas disponible : reconnectez-vous.",
                code="no_slot_key",
            )
        return self.ctx.slot_key

    def _view(self, uow: UnitOfWork, user: User) -> UserView:
        return user_view(user, _assisted_ids(uow, [user.id]).get(user.id, ()))

    @staticmethod
    def _check_login_free(uow: UnitOfWork, login: str, user_id: int | None = None) -> None:
        other = uow.users.by_login(login)
        if other is not None and other.id != user_id:
            raise ValidationError(LOGIN_TAKEN_MESSAGE, field="login", code="login_taken")

    @staticmethod
    def _check_structure(uow: UnitOfWork, structure_id: int | None) -> None:
        if structure_id is not None and uow.session.get(Structure, structure_id) is None:
            raise ValidationError(
                STRUCTURE_NOT_FOUND_MESSAGE, code="structure_not_found", field="structure_id"
            )

    @staticmethod
    def _set_assistances(uow: UnitOfWork, user: User, ids: tuple[int, ...]) -> bool:
        """Replace the practitioners a secretary assists; True if it changed."""
        for practitioner_id in ids:
            practitioner = uow.users.get(practitioner_id)
            if (
                practitioner is None
                or practitioner.role not in {r.value for r in PROFESSIONAL_ROLES}
                or practitioner.status != AccountStatus.ACTIVE.value
            ):
                raise ValidationError(
                    ASSISTED_MESSAGE,
                    code="assisted_not_practitioner",
                    field="assisted_practitioner_ids",
                )
        before = _assisted_ids(uow, [user.id]).get(user.id, ())
        if tuple(sorted(before)) == tuple(sorted(ids)):
            return False
        uow.session.execute(delete(Assistance).where(Assistance.secretary_id == user.id))
        for practitioner_id in ids:
            uow.session.add(Assistance(secretary_id=user.id, practitioner_id=practitioner_id))
        uow.flush()
        return True

    @staticmethod
    def _active_admins(uow: UnitOfWork) -> list[User]:
        return [
            u
            for u in uow.users.list(statuses=[AccountStatus.ACTIVE.value])
            if u.role == Role.ADMIN.value
        ]

    def _check_not_last_admin(self, uow: UnitOfWork, user: User) -> None:
        if user.role == Role.ADMIN.value and user.status == AccountStatus.ACTIVE.value:
            others = [u for u in self._active_admins(uow) if u.id != user.id]
            if not others:
                raise ValidationError(LAST_ADMIN_MESSAGE, code="last_admin")

    # ------------------------------------------------------------------ reading

    @reads
    def list_users(self, *, include_revoked: bool = True) -> list[UserView]:
        with self._admin_uow() as uow:
            statuses = (
                None
                if include_revoked
                else [
                    AccountStatus.ACTIVE.value,
                    AccountStatus.SUSPENDED.value,
                ]
            )
            users = uow.users.list(statuses=statuses)
            assisted = _assisted_ids(uow)
            return [user_view(u, assisted.get(u.id, ())) for u in users]

    @reads
    def get_user(self, user_id: int) -> UserView:
        """An administrator reads any account; anyone reads their own."""
        with self._uow() as uow:
            if user_id != uow.actor.user_id:
                authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return self._view(uow, self._get(uow, user_id))

    @reads
    def list_practitioners(self) -> list[UserView]:
        """Active practitioners and counsellors.

        Admin: all of them; secretary: those she assists (the possible owners of
        the files she creates); practitioner/counsellor: all (to share a file).
        """
        with self._uow() as uow:
            actor = uow.actor
            authorize(uow, actor, Permission.VIEW_DIRECTORY)
            users = [
                u
                for u in uow.users.list(statuses=[AccountStatus.ACTIVE.value])
                if u.role in {r.value for r in PROFESSIONAL_ROLES}
            ]
            if can(actor, Permission.CREATE_PATIENT_FOR_ASSISTED):
                mine = set(_assisted_ids(uow, [actor.user_id]).get(actor.user_id, ()))
                users = [u for u in users if u.id in mine]
            return [user_view(u) for u in users]

    @reads
    def list_structures(self) -> list[StructureView]:
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_DIRECTORY)
            rows = uow.session.scalars(select(Structure).order_by(Structure.name, Structure.id))
            return [structure_view(row) for row in rows]

    # ------------------------------------------------------------------ structures

    @writes
    def save_structure(
        self,
        data: StructureInput,
        id: int | None = None,  # noqa: A002 - name of the contract
        *,
        expected_version: int | None = None,
    ) -> StructureView:
        clean = clean_structure(data)
        with self._admin_uow() as uow:
            actor = uow.actor
            other = uow.session.scalars(
                select(Structure).where(Structure.finess == clean.finess)
            ).first()
            if other is not None and other.id != id:
                raise ValidationError(FINESS_TAKEN_MESSAGE, code="finess_taken", field="finess")
            if id is None:
                row = Structure(created_at=naive_utc(self.ctx.now()))
                uow.session.add(row)
                changed = ["name", "finess", "address", "phone", "lab_client_number"]
            else:
                found = uow.session.get(Structure, id)
                if found is None:
                    raise NotFound(STRUCTURE_NOT_FOUND_MESSAGE, code="structure_not_found")
                row = found
                if expected_version is not None:
                    uow.check_version(row, expected_version)
                changed = [
                    name
                    for name in ("name", "finess", "address", "phone", "lab_client_number")
                    if getattr(row, name) != getattr(clean, name)
                ]
            for name in ("name", "finess", "address", "phone", "lab_client_number"):
                setattr(row, name, getattr(clean, name))
            uow.flush()
            if changed:
                record_event(
                    uow,
                    self.ctx,
                    actor,
                    "structure_saved",
                    object_type="structure",
                    object_id=row.id,
                    details={"fields": changed, "created": id is None},
                )
            uow.commit()
            return structure_view(row)

    # ------------------------------------------------------------------ accounts

    @staticmethod
    def _apply(user: User, clean: CleanUser) -> list[str]:
        changed = []
        for name in _USER_FIELDS:
            value: Any = getattr(clean, name)
            if name == "role":
                value = clean.role.value
            if getattr(user, name) != value:
                setattr(user, name, value)
                changed.append(name)
        return changed

    @writes
    def create_user(self, data: UserInput) -> tuple[UserView, str]:
        """Create an account; returns it and its one-time password (to hand over)."""
        clean = clean_user(data)
        keystore = self._keystore()
        password = generate_initial_password()
        with self._admin_uow() as uow:
            dmk = self._dmk()
            user = add_account(
                uow, self.ctx, uow.actor, clean, password, keystore=keystore, dmk=dmk
            )
            try:
                uow.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    keystore.remove_slot(user.id)
                raise
            return self._view(uow, user), password

    @writes
    def update_user(self, user_id: int, data: UserInput, *, expected_version: int) -> UserView:
        clean = clean_user(data)
        with self._admin_uow() as uow:
            actor = uow.actor
            user = self._get(uow, user_id)
            uow.check_version(user, expected_version)
            if user.status == AccountStatus.REVOKED.value:
                raise ValidationError(REVOKED_MESSAGE, code="user_revoked")
            if clean.login != user.login:
                raise ValidationError(LOGIN_CHANGE_MESSAGE, code="login_change", field="login")
            if clean.role.value != user.role:
                if user.id == actor.user_id:
                    raise ValidationError(
                        "Vous ne pouvez pas modifier votre propre rôle.",
                        code="own_role",
                        field="role",
                    )
                self._check_not_last_admin(uow, user)
            if clean.structure_id is None:  # not given: unchanged
                clean = dataclasses.replace(clean, structure_id=user.structure_id)
            self._check_structure(uow, clean.structure_id)
            was_clinical = _is_clinical(user.role)
            changed = self._apply(user, clean)
            if self._set_assistances(uow, user, clean.assisted_practitioner_ids):
                changed.append("assisted_practitioner_ids")
            if changed:
                record_event(
                    uow,
                    self.ctx,
                    actor,
                    "user_updated",
                    object_type="user",
                    object_id=user.id,
                    details={"fields": changed},
                )
                uow.flush()
                if was_clinical and not _is_clinical(user.role):
                    # The keystore changes last: if it fails, the role change is rolled back.
                    # The account's boxes go now; the rotation is owed to the next holder.
                    _rotate_clinical_key(self.ctx, uow, actor, "role_removed", user.id)
                uow.commit()
            return self._view(uow, user)

    def _set_status(
        self,
        user_id: int,
        status: AccountStatus,
        action: str,
        expected_version: int | None,
    ) -> UserView:
        with self._admin_uow() as uow:
            actor = uow.actor
            user = self._get(uow, user_id)
            if expected_version is not None:
                uow.check_version(user, expected_version)
            if status is not AccountStatus.ACTIVE:
                if user.id == actor.user_id:
                    raise ValidationError(SELF_MESSAGE, code="self")
                self._check_not_last_admin(uow, user)
            if user.status == AccountStatus.REVOKED.value:
                raise ValidationError(REVOKED_MESSAGE, code="user_revoked")
            if user.status == status.value:
                return self._view(uow, user)
            user.status = status.value
            user.status_changed_at = naive_utc(self.ctx.now())
            if status is AccountStatus.ACTIVE:
                # A suspended account could not sign in: an inactivity warning sent
                # before the suspension must not revoke it at the next run; the rule
                # starts again (a new warning and grace period if still inactive).
                user.inactivity_warning_sent_at = None
            record_event(uow, self.ctx, actor, action, object_type="user", object_id=user.id)
            uow.flush()
            uow.commit()
            return self._view(uow, user)

    @writes
    def suspend(self, user_id: int, *, expected_version: int | None = None) -> UserView:
        """The account can no longer log in (its key slot is kept)."""
        return self._set_status(
            user_id, AccountStatus.SUSPENDED, "user_suspended", expected_version
        )

    @writes
    def reactivate(self, user_id: int, *, expected_version: int | None = None) -> UserView:
        return self._set_status(user_id, AccountStatus.ACTIVE, "user_reactivated", expected_version)

    @writes
    def revoke(self, user_id: int, *, expected_version: int | None = None) -> UserView:
        """Revoke for good (administrators)."""
        return self._revoke(user_id, expected_version, self._admin_uow)

    @reads
    def deletion_preview(self, user_id: int) -> DeletionPreview:
        """How many of a departed account's files its deletion would remove at once."""
        with self._admin_uow() as uow:
            user = self._get(uow, user_id)
            self._check_deletable(uow, user)
            unshared = len(unshared_file_ids(uow, user.id, restricted=False))
            frozen = len(unshared_file_ids(uow, user.id, restricted=True))
            total = len(
                uow.session.scalars(select(Patient.id).where(Patient.owner_id == user.id)).all()
            )
            return DeletionPreview(user.id, unshared, total - unshared - frozen, frozen)

    def _check_deletable(self, uow: ServiceUnitOfWork, user: User) -> None:
        if user.id == uow.actor.user_id:
            raise ValidationError(DELETE_SELF_MESSAGE, code="delete_self")
        if user.status == AccountStatus.DELETED.value:
            raise ValidationError(ALREADY_DELETED_MESSAGE, code="user_already_deleted")
        self._check_not_last_admin(uow, user)
        if user.status != AccountStatus.REVOKED.value:
            raise ValidationError(NOT_DEPARTED_MESSAGE, code="user_not_departed")

    @writes
    def delete_user(self, user_id: int, expected_files: int) -> DeletionPreview:
        """Delete a departed (revoked) account on request (administrators).

        ``expected_files``: the count of unshared files the administrator confirmed
        (:meth:`deletion_preview`); if it changed, nothing is done (ValidationError
        ``deletion_count_changed``). The account becomes "deleted": its login, names
        and professional identifiers stay for traceability (the events name it),
        its contact details go. Its unshared files are deleted at once, each in its
        own transaction (a run cut short is completed by the maintenance job, which
        deletes a deleted account's unshared files); its shared files stay with
        those they are shared with, and its restricted files (frozen at the
        patient's request) are kept under the departed-user rules, never deleted
        while restricted. Returns what was announced.
        """
        with self._admin_uow() as uow:
            actor = uow.actor
            user = self._get(uow, user_id)
            self._check_deletable(uow, user)
            unshared = unshared_file_ids(uow, user.id, restricted=False)
            frozen = len(unshared_file_ids(uow, user.id, restricted=True))
            if len(unshared) != expected_files:
                raise ValidationError(
                    COUNT_CHANGED_MESSAGE.format(expected=expected_files, found=len(unshared)),
                    code="deletion_count_changed",
                    expected=expected_files,
                    found=len(unshared),
                )
            total = len(
                uow.session.scalars(select(Patient.id).where(Patient.owner_id == user.id)).all()
            )
            now = naive_utc(self.ctx.now())
            if user.revoked_at is None:
                user.revoked_at = user.status_changed_at or now
            user.status = AccountStatus.DELETED.value
            user.status_changed_at = now
            user.email = ""
            user.phone = ""
            user.inactivity_warning_sent_at = None
            if unshared:
                uow.session.execute(
                    update(Patient)
                    .where(Patient.id.in_(unshared))
                    .values(retention_state=FileState.DELETING.value)
                    .execution_options(synchronize_session=False)
                )
            uow.session.execute(
                delete(Assistance).where(
                    (Assistance.secretary_id == user.id) | (Assistance.practitioner_id == user.id)
                )
            )
            record_event(
                uow,
                self.ctx,
                actor,
                "user_deleted",
                object_type="user",
                object_id=user.id,
                details={
                    "files_deleted": len(unshared),
                    "files_shared": total - len(unshared) - frozen,
                    **({"files_restricted": frozen} if frozen else {}),
                },
            )
            uow.flush()
            uow.commit()

        def admin_guard(uow: UnitOfWork) -> None:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)  # type: ignore[attr-defined]

        for patient_id in unshared:
            apply_one(self.ctx, patient_id, self.ctx.now(), admin_guard)
        if unshared:
            checkpoint_after_deletion(self.ctx)
        return DeletionPreview(user_id, len(unshared), total - len(unshared) - frozen, frozen)

    @writes
    def revoke_inactive(self, user_ids: Iterable[int], *, grace_days: int) -> tuple[int, ...]:
        """The maintenance job revokes accounts left inactive after their warning.

        The system actor only (``MaintenanceTask.REVOKE_INACTIVE``); the same path
        as an administrator's revocation (shares ended, clinical key rotation
        owed, re-key), with one re-key for the whole batch. The inactivity rule is
        checked again in each account's transaction: an account that signed in
        meanwhile, is no longer active, or is the last active administrator is
        left alone. Returns the ids revoked. StorageError ``rekey_pending`` if the
        file is in use: the accounts are revoked, their slots go at the next re-key.
        """

        def still_inactive(uow: UnitOfWork, user: User) -> bool:
            if user.status != AccountStatus.ACTIVE.value or user.inactivity_warning_sent_at is None:
                return False
            if user.role == Role.ADMIN.value and len(self._active_admins(uow)) <= 1:
                return False
            step = inactivity_step(
                seen=last_seen(user.last_login_at, user.created_at),
                warned_at=user.inactivity_warning_sent_at,
                now=naive_utc(self.ctx.now()),
                grace_days=grace_days,
            )
            return step is InactivityStep.REVOKE

        def guarded() -> _SystemTaskUnitOfWork:
            return _SystemTaskUnitOfWork(self.ctx.unit_of_work(), MaintenanceTask.REVOKE_INACTIVE)

        revoked = tuple(
            user_id
            for user_id in user_ids
            if self._revoke_account(
                user_id, None, guarded, precondition=still_inactive, reason="inactivity"
            )
        )
        if revoked:
            self._rekey_after_revocation(revoked, guarded)
        return revoked

    def _revoke(
        self,
        user_id: int,
        expected_version: int | None,
        guarded_uow: Callable[[], Any],
    ) -> UserView:
        """Revoke for good: the key slot is removed and the database re-keyed.

        A copy of the old keystore no longer opens the database file. The slot
        leaves the keystore in the same locked write that records the pending
        re-key, so no crash can leave the slot gone without a re-key owed. If
        another session is using the file, the re-key stays pending
        (StorageError, code ``rekey_pending``) and completes at the next open of
        the free file, or with :meth:`finish_revocation`. A revoked account that
        still has a slot (a revocation cut short before its re-key began) is
        dropped by the next re-key, and listed by :meth:`pending_revocations`.
        """
        self._revoke_account(user_id, expected_version, guarded_uow)
        self._rekey_after_revocation((user_id,), guarded_uow)
        with guarded_uow() as uow:
            return self._view(uow, self._get(uow, user_id))

    def _revoke_account(
        self,
        user_id: int,
        expected_version: int | None,
        guarded_uow: Callable[[], Any],
        *,
        precondition: Callable[[UnitOfWork, User], bool] | None = None,
        reason: str | None = None,
    ) -> bool:
        """The revocation's transaction (status, shares ended, clinical rotation owed);
        False if ``precondition`` refused it."""
        keystore = self._keystore()
        with guarded_uow() as uow:
            actor = uow.actor
            user = self._get(uow, user_id)
            if expected_version is not None:
                uow.check_version(user, expected_version)
            if user.id == actor.user_id:
                raise ValidationError(SELF_MESSAGE, code="self")
            if precondition is not None and not precondition(uow, user):
                return False
            if user.status != AccountStatus.REVOKED.value:
                self._check_not_last_admin(uow, user)
                user.status = AccountStatus.REVOKED.value
                user.status_changed_at = naive_utc(self.ctx.now())
                user.revoked_at = user.status_changed_at
                # Revoking a user ends the shares to them (sharing_service).
                ended = len(
                    uow.session.scalars(
                        delete(PatientShare)
                        .where(PatientShare.user_id == user.id)
                        .returning(PatientShare.patient_id)
                    ).all()
                )
                record_event(
                    uow,
                    self.ctx,
                    actor,
                    "user_revoked",
                    object_type="user",
                    object_id=user.id,
                    details={
                        **({"shares_ended": ended} if ended else {}),
                        **({"reason": reason} if reason else {}),
                    }
                    or None,
                )
                uow.flush()
                keystore.reload()
                if _is_clinical(user.role) or user.id in keystore.clinical_key_holders(
                    any_generation=True
                ):
                    # Before the commit, so that no revoked account keeps a CK box; the
                    # rotation itself is owed to the next session holding the CK.
                    _rotate_clinical_key(self.ctx, uow, actor, "user_revoked", user.id)
                uow.commit()
        return True

    def _rekey_after_revocation(
        self, user_ids: Iterable[int], guarded_uow: Callable[[], Any]
    ) -> None:
        keystore = self._keystore()
        # Re-keying needs every connection closed: outside the transaction. Its
        # first locked write drops the slots (these, and any revoked account's
        # left by an interrupted revocation) and records the re-key as pending.
        with guarded_uow() as uow:
            drop = sorted({*user_ids, *revoked_slot_holders(uow, keystore)})
        new_dmk = self.ctx.database.rekey(keystore, drop_user_ids=drop, holder=self._slot_key())
        self.ctx.dmk = new_dmk
        with guarded_uow() as uow:
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "database_rekeyed",
                object_type="database",
                details={"reason": "user_revoked", "dropped_user_ids": drop},
            )
            settle_rekey(uow)
            uow.commit()

    @reads
    def pending_revocations(self) -> tuple[int, ...]:
        """Revoked users whose key is still to be taken away ("révocation en attente"):
        a re-key pending in the keystore, or a revoked account that still has a slot."""
        keystore = self._keystore()
        with self._admin_uow() as uow:
            keystore.reload()
            waiting = set(keystore.pending_drop_user_ids) | set(revoked_slot_holders(uow, keystore))
            return tuple(sorted(waiting))

    @writes
    def finish_revocation(self) -> tuple[int, ...]:
        """Complete pending revocations now; returns the user ids dropped (empty: none).

        StorageError (code ``rekey_pending``) while another session has the file open.
        """
        return self._finish_revocation(self._admin_uow)

    @writes
    def finish_revocation_as_system(self) -> tuple[int, ...]:
        """:meth:`finish_revocation` for the maintenance job (a revocation it began
        and that was cut short before its re-key); the system actor only."""
        return self._finish_revocation(
            lambda: _SystemTaskUnitOfWork(self.ctx.unit_of_work(), MaintenanceTask.REVOKE_INACTIVE)
        )

    def _finish_revocation(self, guarded_uow: Callable[[], Any]) -> tuple[int, ...]:
        keystore = self._keystore()
        with guarded_uow() as uow:
            keystore.reload()
            dropped = set(keystore.pending_drop_user_ids)
            leftover = revoked_slot_holders(uow, keystore)
        new_dmk = self.ctx.database.finish_pending_rekey(keystore, self._slot_key())
        keystore.reload()
        if leftover or keystore.pending_drop_user_ids:
            # Slots of revoked accounts left by an interrupted revocation, or drops
            # still owed by a re-key that was given up: a fresh re-key completes them.
            new_dmk = self.ctx.database.rekey(
                keystore, drop_user_ids=leftover, holder=self._slot_key()
            )
            dropped |= set(leftover)
        if new_dmk is None:
            return ()
        self.ctx.dmk = new_dmk
        with guarded_uow() as uow:
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "database_rekeyed",
                object_type="database",
                details={"reason": "user_revoked", "dropped_user_ids": sorted(dropped)},
            )
            settle_rekey(uow)
            uow.commit()
        return tuple(sorted(dropped))

    @writes
    def reset_password(
        self, user_id: int, *, expected_version: int | None = None, rekey: bool = False
    ) -> str:
        """A new one-time password (new key pair); the user must change it at login.

        ``rekey``: then re-key the database (compromise suspected), so that a
        copy of the old keystore, with the old slot, no longer opens the file.
        """
        keystore = self._keystore()
        password = generate_initial_password()
        with self._admin_uow() as uow:
            actor = uow.actor
            dmk = self._dmk()
            user = self._get(uow, user_id)
            if expected_version is not None:
                uow.check_version(user, expected_version)
            if user.status == AccountStatus.REVOKED.value:
                raise ValidationError(REVOKED_MESSAGE, code="user_revoked")
            user.must_change_password = True
            record_event(
                uow, self.ctx, actor, "password_reset", object_type="user", object_id=user.id
            )
            if rekey:
                owe_rekey(uow, "password_reset")
            uow.flush()
            keystore.add_user_slot(user.id, user.login, password, dmk, holder=self.ctx.slot_key)
            uow.commit()
        if rekey:
            from oiso_desktop.services.security_service import rekey_database

            try:
                rekey_database(self.ctx, "password_reset", user_id=user_id)
            except StorageError:
                # The new password must still reach the administrator: the re-key
                # stays owed (recorded above) and the administration screen says so.
                log.warning("Re-key after a password reset postponed")
        return password
