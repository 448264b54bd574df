"""Sharing patient files, transfer to a successor, secretaries' assistance and
break-the-glass (``session.sharing``; DESIGN.md §3, issue 8).

Who sees what is decided in one place, ``services.access`` (``authorize`` and
``PatientScope``); this service only changes the facts that rule reads:

* ``patient_shares``: the owner shares a file read-only or read-write with a
  practitioner or counsellor of any structure, changes the level, revokes;
* ``patients.owner_id``: the owner (or an administrator, for a suspended or
  revoked owner) transfers files to a successor practitioner; the former owner
  keeps no access unless the successor shares the file back;
* ``assistances``: a practitioner designates the secretaries who assist them;
* ``break_glass_accesses``: a practitioner opens a file not shared with them,
  read-only, for this session only (``ServiceContext.break_glass``), with a
  reason; the owner is told at their next login and an administrator reviews it.

Every change is an event without patient values (the message of a share and the
reason of a break-the-glass stay out of the log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, false, or_, select, update

from oiso_desktop.domain.errors import ErrorCode, NotFound, PermissionDenied, ValidationError
from oiso_desktop.domain.identifiers import validate_nir
from oiso_desktop.domain.permissions import (
    BREAK_GLASS_REASON_MIN,
    PatientAccess,
    Permission,
    ShareAccess,
)
from oiso_desktop.domain.retention import FileState
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.domain.text import fold
from oiso_desktop.services.access import PatientScope, authorize
from oiso_desktop.services.context import (
    ServiceContext,
    ServiceUnitOfWork,
    from_db_time,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.validation import PROFESSIONAL_ROLES
from oiso_desktop.storage.models import (
    Assistance,
    BreakGlassAccess,
    Patient,
    PatientShare,
    User,
)

__all__ = [
    "BreakGlassCandidate",
    "BreakGlassNotice",
    "BreakGlassReview",
    "FileAccess",
    "PatientRef",
    "ShareView",
    "SharingService",
    "UserRef",
]

MESSAGE_MAX = 2000
RECIPIENTS_MAX = 50

SELF_MESSAGE = "Vous ne pouvez pas partager un dossier avec vous-même."
RECIPIENT_ROLE_MESSAGE = (
    "Un dossier ne se partage qu'avec un praticien ou un conseiller en génétique "
    "(jamais avec un administrateur ni une secrétaire)."
)
RECIPIENT_INACTIVE_MESSAGE = (
    "Ce compte est suspendu ou révoqué : le dossier ne peut lui être partagé."
)
LEVEL_MESSAGE = "Niveau de partage inconnu : choisissez lecture seule ou lecture et écriture."
SHARE_NOT_FOUND_MESSAGE = "Ce dossier n'est pas partagé avec cet utilisateur."
NOT_OWNER_MESSAGE = "Seul le praticien responsable du dossier peut le faire."
SUCCESSOR_MESSAGE = "Un dossier ne peut être transféré qu'à un praticien actif."
TRANSFER_NOT_ALLOWED_MESSAGE = (
    "Un administrateur ne transfère que les dossiers d'un compte suspendu ou révoqué."
)
TRANSFER_EMPTY_MESSAGE = "Choisissez les dossiers à transférer."
ASSISTANT_MESSAGE = "Seules des secrétaires actives peuvent être désignées comme assistantes."
REASON_MESSAGE = (
    f"Expliquez pourquoi vous avez besoin de ce dossier "
    f"(au moins {BREAK_GLASS_REASON_MIN} caractères)."
)
BREAK_GLASS_ROLE_MESSAGE = "Seul un praticien peut ouvrir un dossier en urgence."
BREAK_GLASS_NOT_NEEDED_MESSAGE = "Vous avez déjà accès à ce dossier."
REVIEW_NOT_FOUND_MESSAGE = "Cet accès en urgence n'existe pas."
LOOKUP_INCOMPLETE_MESSAGE = (
    "Saisissez le NIR complet, ou le nom de naissance, le prénom et la date de naissance."
)
PATIENT_NOT_FOUND_MESSAGE = "Ce dossier patient n'existe pas."
USER_NOT_FOUND_MESSAGE = "Ce compte n'existe pas."


# ---------------------------------------------------------------------- data objects


@dataclass(frozen=True)
class UserRef:
    """A colleague as the sharing screens show them (no credentials)."""

    id: int
    display_name: str
    role: Role
    status: AccountStatus
    structure_name: str
    rpps: str | None


@dataclass(frozen=True)
class PatientRef:
    """A file as the sharing lists show it (to users who may see its identity)."""

    id: int
    display_name: str  # "LEFÈVRE Hélène"
    birth_date: dt.date


@dataclass(frozen=True)
class ShareView:
    patient: PatientRef
    owner: UserRef
    recipient: UserRef
    access: ShareAccess
    granted_at: dt.datetime  # aware UTC
    granted_by: UserRef
    message: str


@dataclass(frozen=True)
class FileAccess:
    """Who has access to one file (the file's "Partage" tab, for its owner)."""

    patient: PatientRef
    owner: UserRef
    shares: tuple[ShareView, ...]
    #: secretaries reaching the file (the owner's, and read-write recipients')
    secretaries: tuple[UserRef, ...]


@dataclass(frozen=True)
class BreakGlassNotice:
    """Someone broke the glass on a file of mine (told at my next login)."""

    id: int
    patient_id: int
    patient: PatientRef | None  # None: the file is no longer visible to me
    user: UserRef
    occurred_at: dt.datetime
    reason: str


@dataclass(frozen=True)
class BreakGlassCandidate:
    """A file not visible to me that matches an exact identity (break-the-glass)."""

    id: int
    display_name: str  # "LEFÈVRE Hélène"
    birth_date: dt.date
    owner_name: str


@dataclass(frozen=True)
class BreakGlassReview:
    """One break-the-glass access in the administrator's review queue: who, when,
    which file id and the reason, never the content of the file."""

    id: int
    user: UserRef
    patient_id: int
    occurred_at: dt.datetime
    reason: str
    reviewed_at: dt.datetime | None
    reviewed_by: UserRef | None
    comment: str


# ---------------------------------------------------------------------- helpers


def _user_ref(user: User) -> UserRef:
    return UserRef(
        id=user.id,
        display_name=f"{user.first_name} {user.last_name}",
        role=Role(user.role),
        status=AccountStatus(user.status),
        structure_name=user.structure.name if user.structure is not None else "",
        rpps=user.rpps,
    )


def _patient_ref(patient: Patient) -> PatientRef:
    name = (patient.used_name or patient.birth_name).upper()
    return PatientRef(
        id=patient.id, display_name=f"{name} {patient.first_names}", birth_date=patient.birth_date
    )


def _first_names_of(patient: Patient) -> set[str]:
    """Each first name folded ("Jean-Pierre" is one), and all of them together."""
    names = patient.first_names.replace(",", " ")
    return {fold(name) for name in names.split()} | {fold(names)}


def _as_level(access: ShareAccess | str) -> ShareAccess:
    try:
        return ShareAccess(access)
    except ValueError:
        raise ValidationError(
            LEVEL_MESSAGE, field="access", code=ErrorCode.SHARE_LEVEL, value=str(access)
        ) from None


def _aware(value: dt.datetime | None) -> dt.datetime:
    result = from_db_time(value)
    assert result is not None
    return result


class SharingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _uow(self) -> ServiceUnitOfWork:
        return self.ctx.unit_of_work()

    # ------------------------------------------------------------------ lookups

    @staticmethod
    def _patient(uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        patient = uow.patients.get(patient_id)
        if patient is None:
            raise NotFound(
                PATIENT_NOT_FOUND_MESSAGE,
                code=ErrorCode.PATIENT_NOT_FOUND,
                object_type="patient",
                object_id=patient_id,
            )
        return patient

    @staticmethod
    def _user(uow: ServiceUnitOfWork, user_id: int) -> User:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound(USER_NOT_FOUND_MESSAGE, object_type="user", object_id=user_id)
        return user

    def _owned(self, uow: ServiceUnitOfWork, patient_id: int) -> Patient:
        """The file, if the actor owns it (and may still edit it)."""
        authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
        patient = self._patient(uow, patient_id)
        authorize(uow, uow.actor, Permission.VIEW_PATIENTS, patient)
        if uow.actor.role is Role.SECRETARY or patient.owner_id != uow.actor.user_id:
            raise PermissionDenied(NOT_OWNER_MESSAGE, code=ErrorCode.NOT_FILE_OWNER)
        return patient

    @staticmethod
    def _check_recipient(uow: ServiceUnitOfWork, recipient: User) -> None:
        if recipient.id == uow.actor.user_id:
            raise ValidationError(SELF_MESSAGE, field="user_id", code=ErrorCode.SHARE_WITH_SELF)
        if recipient.role not in {r.value for r in PROFESSIONAL_ROLES}:
            raise ValidationError(
                RECIPIENT_ROLE_MESSAGE, field="user_id", code=ErrorCode.SHARE_RECIPIENT_ROLE
            )
        if recipient.status != AccountStatus.ACTIVE.value:
            raise ValidationError(
                RECIPIENT_INACTIVE_MESSAGE,
                field="user_id",
                code=ErrorCode.SHARE_RECIPIENT_INACTIVE,
            )

    def _share_views(
        self, uow: ServiceUnitOfWork, shares: Iterable[PatientShare]
    ) -> tuple[ShareView, ...]:
        rows = list(shares)
        if not rows:
            return ()
        patients = {p.id: p for p in uow.patients.by_ids([s.patient_id for s in rows])}
        user_ids = {s.user_id for s in rows} | {s.granted_by_id for s in rows}
        user_ids |= {p.owner_id for p in patients.values()}
        users = {
            u.id: _user_ref(u)
            for u in uow.session.scalars(select(User).where(User.id.in_(user_ids)))
        }
        views = [
            ShareView(
                patient=_patient_ref(patients[s.patient_id]),
                owner=users[patients[s.patient_id].owner_id],
                recipient=users[s.user_id],
                access=ShareAccess(s.access),
                granted_at=_aware(s.granted_at),
                granted_by=users[s.granted_by_id],
                message=s.message,
            )
            for s in rows
            if s.patient_id in patients
        ]
        views.sort(key=lambda v: (fold(v.patient.display_name), v.patient.id, v.recipient.id))
        return tuple(views)

    # ------------------------------------------------------------------ sharing

    @writes
    def share(
        self, patient_id: int, user_id: int, access: ShareAccess | str, message: str = ""
    ) -> ShareView:
        """Share a file one owns with a practitioner or counsellor (read / write).

        Sharing again with the same user changes the level and the message.
        """
        level = _as_level(access)
        text = (message or "").strip()[:MESSAGE_MAX]
        with self._uow() as uow:
            patient = self._owned(uow, patient_id)
            recipient = self._user(uow, user_id)
            self._check_recipient(uow, recipient)
            share = uow.session.get(PatientShare, (patient.id, recipient.id))
            now = naive_utc(self.ctx.now())
            if share is None:
                share = PatientShare(
                    patient_id=patient.id,
                    user_id=recipient.id,
                    access=level.value,
                    granted_at=now,
                    granted_by_id=uow.actor.user_id,
                    message=text,
                )
                uow.session.add(share)
                action = "share_granted"
            else:
                share.access = level.value
                share.message = text
                share.granted_at = now
                share.granted_by_id = uow.actor.user_id
                share.notified_at = None
                action = "share_changed"
            record_event(
                uow,
                self.ctx,
                uow.actor,
                action,
                object_type="patient",
                object_id=patient.id,
                details={"user_id": recipient.id, "access": level.value},
            )
            uow.flush()
            view = self._share_views(uow, [share])[0]
            uow.commit()
        return view

    @writes
    def change_level(self, patient_id: int, user_id: int, access: ShareAccess | str) -> ShareView:
        level = _as_level(access)
        with self._uow() as uow:
            patient = self._owned(uow, patient_id)
            share = uow.session.get(PatientShare, (patient.id, user_id))
            if share is None:
                raise NotFound(SHARE_NOT_FOUND_MESSAGE, code=ErrorCode.SHARE_NOT_FOUND)
            if share.access != level.value:
                share.access = level.value
                record_event(
                    uow,
                    self.ctx,
                    uow.actor,
                    "share_changed",
                    object_type="patient",
                    object_id=patient.id,
                    details={"user_id": user_id, "access": level.value},
                )
            uow.flush()
            view = self._share_views(uow, [share])[0]
            uow.commit()
        return view

    @writes
    def revoke_share(self, patient_id: int, user_id: int) -> None:
        with self._uow() as uow:
            patient = self._owned(uow, patient_id)
            share = uow.session.get(PatientShare, (patient.id, user_id))
            if share is None:
                raise NotFound(SHARE_NOT_FOUND_MESSAGE, code=ErrorCode.SHARE_NOT_FOUND)
            uow.session.delete(share)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "share_revoked",
                object_type="patient",
                object_id=patient.id,
                details={"user_id": user_id},
            )
            uow.commit()

    @reads
    def list_access(self, patient_id: int) -> FileAccess:
        """Who has access to a file one owns: the shares and the secretaries."""
        with self._uow() as uow:
            patient = self._owned(uow, patient_id)
            shares = list(
                uow.session.scalars(
                    select(PatientShare).where(PatientShare.patient_id == patient.id)
                )
            )
            active = {
                u.id
                for u in uow.session.scalars(
                    select(User).where(
                        User.id.in_([s.user_id for s in shares]),
                        User.status == AccountStatus.ACTIVE.value,
                    )
                )
            }
            through = {patient.owner_id} | {
                s.user_id
                for s in shares
                if s.access == ShareAccess.WRITE.value and s.user_id in active
            }
            secretaries = uow.session.scalars(
                select(User)
                .join(Assistance, Assistance.secretary_id == User.id)
                .where(
                    Assistance.practitioner_id.in_(through),
                    User.status == AccountStatus.ACTIVE.value,
                    User.role == Role.SECRETARY.value,
                )
                .distinct()
            )
            return FileAccess(
                patient=_patient_ref(patient),
                owner=_user_ref(self._user(uow, patient.owner_id)),
                shares=self._share_views(uow, shares),
                secretaries=tuple(
                    sorted((_user_ref(u) for u in secretaries), key=lambda r: fold(r.display_name))
                ),
            )

    @reads
    def shared_by_me(self) -> tuple[ShareView, ...]:
        """Every share of the files I own ("Partagés par moi")."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            if uow.actor.role is Role.SECRETARY:
                return ()
            shares = uow.session.scalars(
                select(PatientShare)
                .join(Patient, Patient.id == PatientShare.patient_id)
                .where(Patient.owner_id == uow.actor.user_id)
            )
            return self._share_views(uow, shares)

    @reads
    def shared_with_me(self) -> tuple[ShareView, ...]:
        """Every file shared with me ("Partagés avec moi")."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            if uow.actor.role is Role.SECRETARY:
                return ()
            shares = uow.session.scalars(
                select(PatientShare).where(PatientShare.user_id == uow.actor.user_id)
            )
            return self._share_views(uow, shares)

    @reads
    def new_shares_since_last_login(self) -> tuple[ShareView, ...]:
        """Shares with me I was not told of yet (the notice at login); see
        :meth:`acknowledge_notices`."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            if uow.actor.role is Role.SECRETARY:
                return ()
            shares = uow.session.scalars(
                select(PatientShare).where(
                    PatientShare.user_id == uow.actor.user_id, PatientShare.notified_at.is_(None)
                )
            )
            return self._share_views(uow, shares)

    @reads
    def break_glass_notices(self) -> tuple[BreakGlassNotice, ...]:
        """Break-the-glass accesses to my files I was not told of yet."""
        with self._uow() as uow:
            if uow.actor.role not in PROFESSIONAL_ROLES:
                return ()
            rows = list(
                uow.session.scalars(
                    select(BreakGlassAccess)
                    .where(
                        BreakGlassAccess.owner_id == uow.actor.user_id,
                        BreakGlassAccess.owner_notified_at.is_(None),
                    )
                    .order_by(BreakGlassAccess.occurred_at, BreakGlassAccess.id)
                )
            )
            scope = PatientScope(uow, uow.actor)
            patients = {p.id: p for p in uow.patients.by_ids([r.patient_id for r in rows])}
            result = []
            for row in rows:
                patient = patients.get(row.patient_id)
                visible = patient is not None and scope.access_to(patient) >= PatientAccess.READ
                result.append(
                    BreakGlassNotice(
                        id=row.id,
                        patient_id=row.patient_id,
                        patient=_patient_ref(patient) if visible and patient else None,
                        user=_user_ref(self._user(uow, row.user_id)),
                        occurred_at=_aware(row.occurred_at),
                        reason=row.reason,
                    )
                )
            return tuple(result)

    @writes
    def acknowledge_notices(
        self,
        shares: Sequence[ShareView] | None = None,
        break_glass: Sequence[BreakGlassNotice] | None = None,
    ) -> None:
        """I was shown these new shares and break-the-glass accesses: not again.

        Only those shown are marked (a share granted while the notice was open is
        told at the next login); ``None`` for both marks every pending one.
        """
        every = shares is None and break_glass is None
        with self._uow() as uow:
            now = naive_utc(self.ctx.now())
            me = uow.actor.user_id
            share_rows = update(PatientShare).where(
                PatientShare.user_id == me, PatientShare.notified_at.is_(None)
            )
            if not every:
                shown = [
                    and_(
                        PatientShare.patient_id == view.patient.id,
                        PatientShare.granted_at == naive_utc(view.granted_at),
                    )
                    for view in shares or ()
                ]
                share_rows = share_rows.where(or_(false(), *shown))
            uow.session.execute(share_rows.values(notified_at=now))
            glass_rows = update(BreakGlassAccess).where(
                BreakGlassAccess.owner_id == me, BreakGlassAccess.owner_notified_at.is_(None)
            )
            if not every:
                ids = [notice.id for notice in break_glass or ()]
                glass_rows = glass_rows.where(BreakGlassAccess.id.in_(ids))
            uow.session.execute(glass_rows.values(owner_notified_at=now))
            uow.commit()

    @reads
    def find_recipients(self, text: str) -> tuple[UserRef, ...]:
        """Active practitioners and counsellors of any structure matching ``text``
        (name, RPPS or structure); never admins, secretaries, inactive accounts or me."""
        words = fold(text or "").split()
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_DIRECTORY)
            users = uow.session.scalars(
                select(User).where(
                    User.role.in_([r.value for r in PROFESSIONAL_ROLES]),
                    User.status == AccountStatus.ACTIVE.value,
                    User.id != uow.actor.user_id,
                )
            )
            found = []
            for user in users:
                haystack = fold(
                    " ".join(
                        (
                            user.first_name,
                            user.last_name,
                            user.rpps or "",
                            user.adeli or "",
                            user.structure.name if user.structure is not None else "",
                        )
                    )
                )
                if all(word in haystack for word in words):
                    found.append(_user_ref(user))
            found.sort(key=lambda r: (fold(r.display_name), r.id))
            return tuple(found[:RECIPIENTS_MAX])

    # ------------------------------------------------------------------ transfer

    @reads
    def files_of(self, owner_id: int) -> tuple[int, ...]:
        """The ids of the files owned by a suspended or revoked account (admin, for a
        transfer: ids only, never the identities)."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            return tuple(
                uow.session.scalars(
                    select(Patient.id).where(Patient.owner_id == owner_id).order_by(Patient.id)
                )
            )

    @writes
    def transfer(self, patient_ids: Collection[int], successor_id: int) -> int:
        """Make ``successor_id`` (an active practitioner) the owner of the files.

        By the owner of every file, or by an administrator when the owner is
        suspended or revoked. The former owner keeps no access (unless the
        successor shares the file back); the successor's share of the file, if
        any, ends (they own it); the other shares stay. Returns how many files
        changed hands.
        """
        ids = sorted({int(pid) for pid in patient_ids})
        if not ids:
            raise ValidationError(TRANSFER_EMPTY_MESSAGE, code=ErrorCode.TRANSFER_EMPTY)
        with self._uow() as uow:
            actor = uow.actor
            admin = actor.role is Role.ADMIN
            if admin:
                authorize(uow, actor, Permission.MANAGE_USERS)
            else:
                authorize(uow, actor, Permission.VIEW_PATIENTS)
            successor = self._user(uow, successor_id)
            if (
                successor.role != Role.PRACTITIONER.value
                or successor.status != AccountStatus.ACTIVE.value
            ):
                raise ValidationError(
                    SUCCESSOR_MESSAGE, field="successor_id", code=ErrorCode.TRANSFER_SUCCESSOR
                )
            patients = {p.id: p for p in uow.patients.by_ids(ids)}
            for pid in ids:
                patient = patients.get(pid)
                if patient is None:
                    raise NotFound(
                        PATIENT_NOT_FOUND_MESSAGE,
                        code=ErrorCode.PATIENT_NOT_FOUND,
                        object_type="patient",
                        object_id=pid,
                    )
                if admin:
                    owner = self._user(uow, patient.owner_id)
                    if owner.status == AccountStatus.ACTIVE.value:
                        raise PermissionDenied(
                            TRANSFER_NOT_ALLOWED_MESSAGE, code=ErrorCode.TRANSFER_NOT_ALLOWED
                        )
                else:
                    authorize(uow, actor, Permission.VIEW_PATIENTS, patient)
                    if actor.role is Role.SECRETARY or patient.owner_id != actor.user_id:
                        raise PermissionDenied(NOT_OWNER_MESSAGE, code=ErrorCode.NOT_FILE_OWNER)
            moved = 0
            for pid in ids:
                patient = patients[pid]
                if patient.owner_id == successor.id:
                    continue
                former = patient.owner_id
                patient.owner_id = successor.id
                uow.session.execute(
                    delete(PatientShare).where(
                        PatientShare.patient_id == pid, PatientShare.user_id == successor.id
                    )
                )
                record_event(
                    uow,
                    self.ctx,
                    actor,
                    "patient_transferred",
                    object_type="patient",
                    object_id=pid,
                    details={"from_user_id": former, "to_user_id": successor.id},
                )
                moved += 1
            uow.commit()
        return moved

    # ------------------------------------------------------------------ assistance

    @reads
    def assistants(self) -> tuple[UserRef, ...]:
        """The secretaries who assist me."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_DIRECTORY)
            users = uow.session.scalars(
                select(User)
                .join(Assistance, Assistance.secretary_id == User.id)
                .where(Assistance.practitioner_id == uow.actor.user_id)
            )
            return tuple(sorted((_user_ref(u) for u in users), key=lambda r: fold(r.display_name)))

    @reads
    def available_secretaries(self) -> tuple[UserRef, ...]:
        """Active secretaries who may be designated (the "Mes secrétaires" picker)."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_DIRECTORY)
            users = uow.session.scalars(
                select(User).where(
                    User.role == Role.SECRETARY.value, User.status == AccountStatus.ACTIVE.value
                )
            )
            return tuple(sorted((_user_ref(u) for u in users), key=lambda r: fold(r.display_name)))

    @reads
    def assisted_practitioners(self) -> tuple[UserRef, ...]:
        """The practitioners I assist (a secretary), active or not."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_DIRECTORY)
            users = uow.session.scalars(
                select(User)
                .join(Assistance, Assistance.practitioner_id == User.id)
                .where(Assistance.secretary_id == uow.actor.user_id)
            )
            return tuple(sorted((_user_ref(u) for u in users), key=lambda r: fold(r.display_name)))

    @writes
    def set_assistants(self, secretary_ids: Collection[int]) -> tuple[UserRef, ...]:
        """The secretaries who assist me are exactly ``secretary_ids`` (active ones)."""
        wanted = {int(i) for i in secretary_ids}
        with self._uow() as uow:
            actor = uow.actor
            if actor.role not in PROFESSIONAL_ROLES:
                raise PermissionDenied(
                    "Seul un praticien désigne ses secrétaires.",
                    code=ErrorCode.PERMISSION_DENIED,
                )
            current = set(
                uow.session.scalars(
                    select(Assistance.secretary_id).where(
                        Assistance.practitioner_id == actor.user_id
                    )
                )
            )
            added = wanted - current
            if added:
                valid = set(
                    uow.session.scalars(
                        select(User.id).where(
                            User.id.in_(added),
                            User.role == Role.SECRETARY.value,
                            User.status == AccountStatus.ACTIVE.value,
                        )
                    )
                )
                if valid != added:
                    raise ValidationError(
                        ASSISTANT_MESSAGE,
                        field="secretary_ids",
                        code=ErrorCode.ASSISTANT_NOT_SECRETARY,
                    )
            removed = current - wanted
            if removed:
                uow.session.execute(
                    delete(Assistance).where(
                        Assistance.practitioner_id == actor.user_id,
                        Assistance.secretary_id.in_(removed),
                    )
                )
            for secretary_id in sorted(added):
                uow.session.add(
                    Assistance(secretary_id=secretary_id, practitioner_id=actor.user_id)
                )
            if added or removed:
                record_event(
                    uow,
                    self.ctx,
                    actor,
                    "assistance_changed",
                    object_type="user",
                    object_id=actor.user_id,
                    details={"added": sorted(added), "removed": sorted(removed)},
                )
            uow.flush()
            users = uow.session.scalars(
                select(User)
                .join(Assistance, Assistance.secretary_id == User.id)
                .where(Assistance.practitioner_id == actor.user_id)
            )
            result = tuple(
                sorted((_user_ref(u) for u in users), key=lambda r: fold(r.display_name))
            )
            uow.commit()
        return result

    # ------------------------------------------------------------------ break-the-glass

    @writes
    def find_for_break_glass(
        self,
        nir: str | None = None,
        birth_name: str = "",
        first_name: str = "",
        birth_date: dt.date | None = None,
    ) -> tuple[BreakGlassCandidate, ...]:
        """Files NOT visible to me matching an exact identity, to break the glass on.

        A practitioner only. Exact match only, never a partial search (that would be
        a directory of every patient): the whole NIR with a valid key, or the birth
        name, a first name and the birth date (case and accents ignored). Files I
        may already open are left out. Each lookup is an event, without the values
        looked up.
        """
        typed_nir = (nir or "").strip()
        name = fold(birth_name or "")
        first = fold(first_name or "")
        with self._uow() as uow:
            actor = uow.actor
            if actor.role is not Role.PRACTITIONER:
                raise PermissionDenied(BREAK_GLASS_ROLE_MESSAGE, code=ErrorCode.BREAK_GLASS_ROLE)
            if typed_nir:
                number = validate_nir(typed_nir)
                query = select(Patient).where(Patient.nir == number)
                method = "nir"
            elif name and first and birth_date is not None:
                query = select(Patient).where(Patient.birth_date == birth_date)
                method = "identity"
            else:
                raise ValidationError(
                    LOOKUP_INCOMPLETE_MESSAGE, code=ErrorCode.BREAK_GLASS_LOOKUP_INCOMPLETE
                )
            # An archived or departing file (domain.retention) is nobody's: not found.
            query = query.where(Patient.retention_state == FileState.ACTIVE.value)
            rows = list(uow.session.scalars(query.order_by(Patient.id)))
            if method == "identity":
                rows = [
                    p for p in rows if name == fold(p.birth_name) and first in _first_names_of(p)
                ]
            scope = PatientScope(uow, actor)
            shares = scope.shares(p.id for p in rows)
            hidden = [p for p in rows if scope.access(p, shares.get(p.id)) is PatientAccess.NONE]
            owners = {
                u.id: _user_ref(u)
                for u in uow.session.scalars(
                    select(User).where(User.id.in_({p.owner_id for p in hidden}))
                )
            }
            record_event(
                uow,
                self.ctx,
                actor,
                "break_glass_lookup",
                details={"by": method, "found": len(hidden)},
            )
            uow.commit()
            return tuple(
                BreakGlassCandidate(
                    id=p.id,
                    display_name=_patient_ref(p).display_name,
                    birth_date=p.birth_date,
                    owner_name=owners[p.owner_id].display_name,
                )
                for p in hidden
            )

    @writes
    def break_glass(self, patient_id: int, reason: str) -> BreakGlassNotice:
        """Open a file not shared with me, read-only, until I log out.

        A practitioner only, with a reason of at least
        ``BREAK_GLASS_REASON_MIN`` characters. Logged; the owner is told at
        their next login; queued for an administrator's review. Open the file
        afterwards as any other (``session.patients.get``).
        """
        text = " ".join((reason or "").split())
        with self._uow() as uow:
            actor = uow.actor
            if actor.role is not Role.PRACTITIONER:
                raise PermissionDenied(BREAK_GLASS_ROLE_MESSAGE, code=ErrorCode.BREAK_GLASS_ROLE)
            if len(text) < BREAK_GLASS_REASON_MIN:
                raise ValidationError(
                    REASON_MESSAGE,
                    field="reason",
                    code=ErrorCode.BREAK_GLASS_REASON,
                    minimum=BREAK_GLASS_REASON_MIN,
                )
            patient = self._patient(uow, patient_id)
            if patient.retention_state != FileState.ACTIVE.value:
                # Archived or departing: hidden from everyone, as if it did not exist.
                raise NotFound(
                    PATIENT_NOT_FOUND_MESSAGE,
                    code=ErrorCode.PATIENT_NOT_FOUND,
                    object_type="patient",
                    object_id=patient_id,
                )
            if PatientScope(uow, actor).access_to(patient) >= PatientAccess.READ:
                raise ValidationError(
                    BREAK_GLASS_NOT_NEEDED_MESSAGE, code=ErrorCode.BREAK_GLASS_NOT_NEEDED
                )
            row = BreakGlassAccess(
                user_id=actor.user_id,
                patient_id=patient.id,
                owner_id=patient.owner_id,
                reason=text,
                occurred_at=naive_utc(self.ctx.now()),
                review_comment="",
            )
            uow.session.add(row)
            uow.flush()
            record_event(
                uow,
                self.ctx,
                actor,
                "break_glass",
                object_type="patient",
                object_id=patient.id,
                details={"owner_id": patient.owner_id, "break_glass_id": row.id},
            )
            notice = BreakGlassNotice(
                id=row.id,
                patient_id=patient.id,
                patient=_patient_ref(patient),
                user=_user_ref(self._user(uow, actor.user_id)),
                occurred_at=_aware(row.occurred_at),
                reason=text,
            )
            uow.commit()
        self.ctx.break_glass.add(patient.id)
        return notice

    @reads
    def list_break_glass_reviews(
        self, *, include_reviewed: bool = False
    ) -> tuple[BreakGlassReview, ...]:
        """The administrator's review queue (oldest first): who, when, file id, reason."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            query = select(BreakGlassAccess).order_by(
                BreakGlassAccess.occurred_at, BreakGlassAccess.id
            )
            if not include_reviewed:
                query = query.where(BreakGlassAccess.reviewed_at.is_(None))
            rows = list(uow.session.scalars(query))
            user_ids = {r.user_id for r in rows} | {
                r.reviewed_by_id for r in rows if r.reviewed_by_id is not None
            }
            users = {
                u.id: _user_ref(u)
                for u in uow.session.scalars(select(User).where(User.id.in_(user_ids)))
            }
            return tuple(
                BreakGlassReview(
                    id=r.id,
                    user=users[r.user_id],
                    patient_id=r.patient_id,
                    occurred_at=_aware(r.occurred_at),
                    reason=r.reason,
                    reviewed_at=from_db_time(r.reviewed_at),
                    reviewed_by=None if r.reviewed_by_id is None else users[r.reviewed_by_id],
                    comment=r.review_comment,
                )
                for r in rows
            )

    @writes
    def mark_reviewed(self, review_id: int, comment: str = "") -> None:
        """The administrator reviewed one break-the-glass access."""
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_USERS)
            row = uow.session.get(BreakGlassAccess, review_id)
            if row is None:
                raise NotFound(
                    REVIEW_NOT_FOUND_MESSAGE, code=ErrorCode.BREAK_GLASS_REVIEW_NOT_FOUND
                )
            row.reviewed_at = naive_utc(self.ctx.now())
            row.reviewed_by_id = uow.actor.user_id
            row.review_comment = (comment or "").strip()[:MESSAGE_MAX]
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "break_glass_reviewed",
                object_type="break_glass",
                object_id=row.id,
            )
            uow.commit()
