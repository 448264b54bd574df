"""Patient identity files: search, read, create, update (DESIGN.md §3-4).

Who sees a file (``domain.permissions.patient_access``): its owner, the users it
is shared with, the secretaries of its owner; never an administrator. Searches
are not logged (they run at each keystroke); opening a file is.

The patient list is loaded lazily: :meth:`PatientService.search_ids` gives the
ids of *every* match in display order (no cap), :meth:`PatientService.page` the
summaries of the few rows in view. For a clinical role whose session holds the
clinical key, those summaries carry the family's key facts
(``domain.family_facts``), decrypted from the family form of the files the user
may open, page by page; other roles never get them.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import or_, select

from oiso_desktop.domain.clinical_forms import FormKind, content_from_dict
from oiso_desktop.domain.errors import (
    ErrorCode,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.family_facts import FamilyKeyFacts, family_key_facts
from oiso_desktop.domain.patients import (
    DUPLICATE_WARNING_SCORE,
    IdentityFields,
    duplicate_score,
    normalise_identity,
    search_names,
)
from oiso_desktop.domain.permissions import PatientAccess, Permission, access_needed
from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.domain.text import parse_search_query
from oiso_desktop.services.access import PatientScope, authorize, can
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import (
    ServiceContext,
    ServiceUnitOfWork,
    as_utc,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.dto import (
    Actor,
    PatientIdList,
    PatientPage,
    PatientSummary,
    PatientView,
    SearchResult,
)
from oiso_desktop.services.errors import DuplicateWarning
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.validation import PROFESSIONAL_ROLES
from oiso_desktop.storage.field_crypto import ClinicalKeys, EncryptedColumn
from oiso_desktop.storage.models import ClinicalForm, Patient, User
from oiso_desktop.storage.uow import UnitOfWork

__all__ = ["IDENTITY_FIELD_NAMES", "MAX_PAGE_ROWS", "PatientService", "fields_of"]

log = logging.getLogger(__name__)

#: The most rows one :meth:`PatientService.page` call returns (a screenful is ~20-40).
MAX_PAGE_ROWS = 500

_FAMILY_CONTENT = EncryptedColumn(ClinicalForm.__table__, "content")  # type: ignore[arg-type]

IDENTITY_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(IdentityFields))

NOT_FOUND_MESSAGE = "Ce dossier patient n'existe pas."
OWNER_REQUIRED_MESSAGE = "Choisissez le praticien responsable du dossier."
OWNER_NOT_ASSISTED_MESSAGE = (
    "Vous ne pouvez créer un dossier que pour un praticien que vous assistez."
)
OWNER_FOR_SELF_MESSAGE = (
    "Le dossier est créé à votre nom : un autre responsable ne peut pas être choisi."
)


def fields_of(patient: Patient) -> IdentityFields:
    return IdentityFields(**{name: getattr(patient, name) for name in IDENTITY_FIELD_NAMES})


def _display_names(uow: UnitOfWork, user_ids: Collection[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = uow.session.execute(
        select(User.id, User.first_name, User.last_name).where(User.id.in_(list(user_ids)))
    )
    return {user_id: f"{first} {last}" for user_id, first, last in rows}


def _summary(
    patient: Patient,
    owner_name: str,
    access: PatientAccess,
    key_facts: FamilyKeyFacts | None = None,
) -> PatientSummary:
    return PatientSummary(
        id=patient.id,
        birth_name=patient.birth_name,
        used_name=patient.used_name,
        first_names=patient.first_names,
        birth_date=patient.birth_date,
        sex=patient.sex,
        nir=patient.nir,
        ins_status=patient.ins_status,
        owner_display_name=owner_name,
        access=access,
        key_facts=key_facts,
    )


def _family_key_facts(
    uow: UnitOfWork, keys: ClinicalKeys, patient_ids: Collection[int]
) -> dict[int, FamilyKeyFacts]:
    """The key facts of the saved family forms of ``patient_ids`` (decrypted here, one
    page at a time; the contents are dropped once counted). A form that cannot be
    read is left out of the list (its file still opens, where the error is shown)."""
    if not patient_ids:
        return {}
    rows = uow.session.execute(
        select(ClinicalForm.patient_id, ClinicalForm.kind, ClinicalForm.content).where(
            ClinicalForm.patient_id.in_(list(patient_ids)),
            ClinicalForm.kind == FormKind.FAMILY.value,
        )
    )
    facts: dict[int, FamilyKeyFacts] = {}
    for row in rows:
        try:
            plaintext = _FAMILY_CONTENT.decrypt(keys, row, row.content)
            family = content_from_dict(json.loads(plaintext), kind=FormKind.FAMILY)
        except (StorageError, ValidationError, ValueError) as exc:
            log.warning("Key facts of a family form left out: %s", type(exc).__name__)
            continue
        assert isinstance(family, Family)
        facts[row.patient_id] = family_key_facts(family)
    return facts


class PatientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _uow(self) -> ServiceUnitOfWork:
        return self.ctx.unit_of_work()

    def _summaries(
        self, uow: UnitOfWork, scope: PatientScope, patients: list[Patient]
    ) -> list[PatientSummary]:
        shares = scope.shares([p.id for p in patients])
        names = _display_names(uow, {p.owner_id for p in patients})
        result = []
        for patient in patients:
            access = scope.access(patient, shares.get(patient.id))
            if access is PatientAccess.NONE:
                continue
            result.append(_summary(patient, names.get(patient.owner_id, ""), access))
        return result

    def _clinical_keys(self, uow: ServiceUnitOfWork) -> ClinicalKeys | None:
        """The clinical key when this session may see key facts, else None (omitted).

        A role without ``VIEW_CLINICAL`` (secretary) never gets them; a clinical
        account awaiting approval has no key yet.
        """
        if not can(uow.actor, Permission.VIEW_CLINICAL):
            return None
        try:
            authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
            return session_clinical_keys(self.ctx, uow)
        except PermissionDenied:
            return None
        except StorageError as exc:  # the key file unreadable now: the identities still list
            log.warning("Key facts left out of the list: %s", type(exc).__name__)
            return None

    def _page(
        self,
        uow: UnitOfWork,
        scope: PatientScope,
        patient_ids: Sequence[int],
        keys: ClinicalKeys | None,
    ) -> tuple[PatientSummary, ...]:
        """Summaries of the visible files among ``patient_ids``, in that order; key
        facts (``keys`` given) only for the files the actor may open clinically."""
        patients = {p.id: p for p in uow.patients.by_ids(patient_ids)}
        shares = scope.shares(patients)
        access = {pid: scope.access(p, shares.get(pid)) for pid, p in patients.items()}
        facts: Mapping[int, FamilyKeyFacts] = {}
        if keys is not None:
            needed = access_needed(Permission.VIEW_CLINICAL)
            clinical = [pid for pid, level in access.items() if level >= needed]
            facts = _family_key_facts(uow, keys, clinical)
        names = _display_names(uow, {p.owner_id for p in patients.values()})
        rows: list[PatientSummary] = []
        seen: set[int] = set()
        for pid in patient_ids:
            patient = patients.get(pid)
            if patient is None or pid in seen or access[pid] is PatientAccess.NONE:
                continue
            seen.add(pid)
            owner = names.get(patient.owner_id, "")
            rows.append(_summary(patient, owner, access[pid], facts.get(pid)))
        return tuple(rows)

    def _view(self, uow: UnitOfWork, patient: Patient, access: PatientAccess) -> PatientView:
        names = _display_names(uow, {patient.owner_id})
        return PatientView(
            id=patient.id,
            fields=fields_of(patient),
            owner_id=patient.owner_id,
            owner_display_name=names.get(patient.owner_id, ""),
            access=access,
            created_at=as_utc(patient.created_at),
            updated_at=as_utc(patient.updated_at),
            version=patient.version,
        )

    @staticmethod
    def _load(
        uow: ServiceUnitOfWork, permission: Permission, patient_id: int
    ) -> tuple[Patient, PatientAccess]:
        authorize(uow, uow.actor, permission)
        patient = uow.patients.get(patient_id)
        if patient is None:
            raise NotFound(
                NOT_FOUND_MESSAGE,
                code=ErrorCode.PATIENT_NOT_FOUND,
                object_type="patient",
                object_id=patient_id,
            )
        return patient, authorize(uow, uow.actor, permission, patient)

    # ------------------------------------------------------------------ reading

    @reads
    def search(self, text: str, *, limit: int = 200) -> SearchResult:
        """Visible patients matching ``text`` (names, birth date, NIR prefix). Not logged."""
        query = parse_search_query(text or "")
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            scope = PatientScope(uow, uow.actor)
            rows, total = uow.patients.search(
                query.tokens,
                query.birth_date,
                query.nir_prefix,
                visible_owner_ids=scope.owner_ids,
                shared_with_user_id=scope.shared_with,
                limit=limit,
            )
            summaries = self._summaries(uow, scope, rows)
        return SearchResult(rows=tuple(summaries), total=total, truncated=total > len(rows))

    @reads
    def search_ids(self, text: str, *, first_rows: int = 0) -> PatientIdList:
        """The ids of *every* visible file matching ``text``, in display order (by name).

        No cap: the list keeps the ids and asks :meth:`page` for the rows in view.
        ``first_rows``: the summaries of the first ids come in the same transaction
        (what the list shows at once). Not logged, like :meth:`search`.
        """
        if not 0 <= first_rows <= MAX_PAGE_ROWS:
            raise ValueError(f"first_rows must be 0..{MAX_PAGE_ROWS}")
        query = parse_search_query(text or "")
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            scope = PatientScope(uow, uow.actor)
            ids = uow.patients.search_ids(
                query.tokens,
                query.birth_date,
                query.nir_prefix,
                visible_owner_ids=scope.owner_ids,
                shared_with_user_id=scope.shared_with,
            )
            keys = self._clinical_keys(uow)
            first = self._page(uow, scope, ids[:first_rows], keys) if first_rows else ()
        return PatientIdList(ids=tuple(ids), with_key_facts=keys is not None, first_rows=first)

    @reads
    def page(self, patient_ids: Sequence[int]) -> PatientPage:
        """The summaries of ``patient_ids`` (at most :data:`MAX_PAGE_ROWS`), in that order.

        Every id is checked again through the access rule: a file the user may not
        see (any more) is left out. For a clinical role whose session holds the
        clinical key, each summary carries its family's key facts (None: no family
        form saved yet); for any other role they are omitted. Not logged: a list,
        like the search (opening a form is).
        """
        ids = list(dict.fromkeys(int(pid) for pid in patient_ids))
        if len(ids) > MAX_PAGE_ROWS:
            raise ValueError(f"at most {MAX_PAGE_ROWS} rows per page")
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            scope = PatientScope(uow, uow.actor)
            keys = self._clinical_keys(uow)
            rows = self._page(uow, scope, ids, keys)
        return PatientPage(rows=rows, with_key_facts=keys is not None)

    @writes
    def get(self, patient_id: int) -> PatientView:
        """Open a file (logged as ``patient_viewed``, hence a write)."""
        with self._uow() as uow:
            patient, access = self._load(uow, Permission.VIEW_PATIENTS, patient_id)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "patient_viewed",
                object_type="patient",
                object_id=patient.id,
            )
            uow.commit()
            return self._view(uow, patient, access)

    def _duplicates(
        self, uow: UnitOfWork, actor: Actor, fields: IdentityFields, exclude_id: int | None = None
    ) -> list[PatientSummary]:
        conditions = [Patient.birth_date == fields.birth_date]
        if fields.nir:
            conditions.append(Patient.nir == fields.nir)
        candidates = [
            p
            for p in uow.session.scalars(select(Patient).where(or_(*conditions)))
            if p.id != exclude_id
            and duplicate_score(fields, fields_of(p)) >= DUPLICATE_WARNING_SCORE
        ]
        # Only files the actor may see are shown (no identity leaks across teams).
        return self._summaries(uow, PatientScope(uow, actor), candidates)

    @reads
    def find_duplicates(self, fields: IdentityFields) -> list[PatientSummary]:
        """Visible files that may be the same person as ``fields`` (not logged)."""
        clean = normalise_identity(fields, today=self.ctx.today())
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            return self._duplicates(uow, uow.actor, clean)

    # ------------------------------------------------------------------ writing

    def _owner_for(self, uow: UnitOfWork, actor: Actor, owner_id: int | None) -> int:
        if can(actor, Permission.CREATE_PATIENT_FOR_ASSISTED):
            if owner_id is None:
                raise ValidationError(
                    OWNER_REQUIRED_MESSAGE, field="owner_id", code=ErrorCode.OWNER_REQUIRED
                )
            scope = PatientScope(uow, actor)
            owner = uow.users.get(owner_id)
            if (
                owner_id not in scope.assisted
                or owner is None
                or owner.status != AccountStatus.ACTIVE.value
                or owner.role not in {r.value for r in PROFESSIONAL_ROLES}
            ):
                raise PermissionDenied(
                    OWNER_NOT_ASSISTED_MESSAGE, code=ErrorCode.OWNER_NOT_ASSISTED
                )
            return owner_id
        if owner_id is not None and owner_id != actor.user_id:
            raise ValidationError(
                OWNER_FOR_SELF_MESSAGE, field="owner_id", code=ErrorCode.OWNER_FOR_SELF
            )
        return actor.user_id

    @writes
    def create(
        self,
        fields: IdentityFields,
        *,
        confirm_duplicates: bool = False,
        owner_id: int | None = None,
    ) -> PatientView:
        """Create a file. DuplicateWarning unless ``confirm_duplicates``.

        The owner is the actor (practitioner); a secretary passes ``owner_id``, a
        practitioner she assists.
        """
        clean = normalise_identity(fields, today=self.ctx.today())
        with self._uow() as uow:
            actor = uow.actor
            authorize(uow, actor, Permission.CREATE_PATIENT)
            owner = self._owner_for(uow, actor, owner_id)
            duplicates = self._duplicates(uow, actor, clean)
            if duplicates and not confirm_duplicates:
                raise DuplicateWarning(duplicates)
            now = naive_utc(self.ctx.now())
            patient = Patient(
                owner_id=owner,
                search_names=search_names(clean),
                created_at=now,
                updated_at=now,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
                **{name: getattr(clean, name) for name in IDENTITY_FIELD_NAMES},
            )
            uow.patients.add(patient)
            record_event(
                uow,
                self.ctx,
                actor,
                "patient_created",
                object_type="patient",
                object_id=patient.id,
                details={"duplicates_confirmed": len(duplicates)} if duplicates else None,
            )
            uow.commit()
            return self._view(uow, patient, PatientAccess.WRITE)

    @writes
    def update(
        self, patient_id: int, fields: IdentityFields, *, expected_version: int
    ) -> PatientView:
        """Save an edited identity; ConcurrentEditError if someone saved it meanwhile."""
        clean = normalise_identity(fields, today=self.ctx.today())
        with self._uow() as uow:
            actor = uow.actor
            patient, access = self._load(uow, Permission.EDIT_PATIENT_IDENTITY, patient_id)
            uow.check_version(patient, expected_version)
            changed = [
                name
                for name in IDENTITY_FIELD_NAMES
                if getattr(patient, name) != getattr(clean, name)
            ]
            if not changed:
                return self._view(uow, patient, access)
            for name in changed:
                setattr(patient, name, getattr(clean, name))
            patient.search_names = search_names(clean)
            patient.updated_at = naive_utc(self.ctx.now())
            patient.updated_by_id = actor.user_id
            uow.flush()
            record_event(
                uow,
                self.ctx,
                actor,
                "patient_updated",
                object_type="patient",
                object_id=patient.id,
                details={"fields": changed},
            )
            uow.commit()
            return self._view(uow, patient, access)
