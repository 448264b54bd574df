"""Patient identity files: search, read, create, update (DESIGN.md §3-4).

Who sees a file (``domain.permissions.patient_access``): its owner, the users it
is shared with, the secretaries of its owner; never an administrator. Searches
are not logged (they run at each keystroke); opening a file is.

The patient list is loaded lazily: :meth:`PatientService.search_ids` gives the
ids of *every* match in display order (no cap), :meth:`PatientService.page` the
summaries of the few rows in view. For a clinical role whose session holds the
clinical key, those summaries carry the family's key facts
(``domain.family_facts``) and the patient's variants with their class
(``domain.genetics.GeneticsKeyFacts``), decrypted from the family and genetics
forms of the files the user may open, page by page; other roles never get them.

Filtering the list by gene and class (``search_ids(..., gene=, classes=)``) cannot
be done in SQL: the genetics forms are encrypted under the clinical key. The
session keeps a small index instead (:class:`_GeneticsIndex`): for each saved
genetics form, its (gene, class) pairs, keyed by the form's row and version. A
filter reads the (id, version) of every genetics form, decrypts only those new or
saved since (all of them the first time), and keeps the ids of the search whose
facts match. The index lives in the session's memory only, and is dropped as soon
as the session no longer holds the clinical key.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

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
from oiso_desktop.domain.genetics import Genetics, GeneticsKeyFacts, genetics_key_facts
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
#: Genetics forms decrypted per query when the filter's index is brought up to date.
INDEX_BATCH = 500

_FORM_CONTENT = EncryptedColumn(ClinicalForm.__table__, "content")  # type: ignore[arg-type]

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
    genetics: GeneticsKeyFacts | None = None,
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
        genetics=genetics,
    )


def _read_form(keys: ClinicalKeys, row: Any) -> object | None:
    """The content of a form row (patient_id, kind, content), or None when it cannot be
    read (left out of the list: its file still opens, where the error is shown)."""
    kind = FormKind(row.kind)
    try:
        plaintext = _FORM_CONTENT.decrypt(keys, row, row.content)
        return content_from_dict(json.loads(plaintext), kind=kind)
    except (StorageError, ValidationError, ValueError) as exc:
        log.warning("Key facts of a %s form left out: %s", kind.value, type(exc).__name__)
        return None


def _key_facts(
    uow: UnitOfWork, keys: ClinicalKeys, patient_ids: Collection[int]
) -> tuple[dict[int, FamilyKeyFacts], dict[int, GeneticsKeyFacts]]:
    """The key facts of the saved family and genetics forms of ``patient_ids``
    (decrypted here, one page at a time; the contents are dropped once counted)."""
    if not patient_ids:
        return {}, {}
    rows = uow.session.execute(
        select(ClinicalForm.patient_id, ClinicalForm.kind, ClinicalForm.content).where(
            ClinicalForm.patient_id.in_(list(patient_ids)),
            ClinicalForm.kind.in_([FormKind.FAMILY.value, FormKind.GENETICS.value]),
        )
    )
    family_facts: dict[int, FamilyKeyFacts] = {}
    genetics_facts: dict[int, GeneticsKeyFacts] = {}
    for row in rows:
        content = _read_form(keys, row)
        if isinstance(content, Family):
            family_facts[row.patient_id] = family_key_facts(content)
        elif isinstance(content, Genetics):
            genetics_facts[row.patient_id] = genetics_key_facts(content)
    return family_facts, genetics_facts


class _GeneticsIndex:
    """The (gene, class) facts of every saved genetics form, for the list's filter.

    Held by the session's PatientService, in memory only: patient id -> (form row id,
    form version, facts). :meth:`refresh` reads the (id, version) of every genetics
    form and decrypts only the forms new or saved since it last looked; the
    re-encryption after a key rotation changes no fact and no version. Dropped by
    :meth:`clear` when the session no longer holds the clinical key.
    """

    def __init__(self) -> None:
        self._entries: dict[int, tuple[int, int, GeneticsKeyFacts | None]] = {}

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def refresh(self, uow: UnitOfWork, keys: ClinicalKeys, visible: Collection[int]) -> int:
        """Bring the index up to date for the files of ``visible`` (those the actor's
        search may show: no other file's genetics form is ever decrypted in this
        session); returns the number of forms decrypted."""
        wanted = set(visible)
        current = {
            patient_id: (form_id, version)
            for form_id, patient_id, version in uow.session.execute(
                select(ClinicalForm.id, ClinicalForm.patient_id, ClinicalForm.version).where(
                    ClinicalForm.kind == FormKind.GENETICS.value
                )
            )
        }
        for patient_id in [pid for pid in self._entries if pid not in current]:
            del self._entries[patient_id]
        stale = [
            form_id
            for patient_id, (form_id, version) in current.items()
            if patient_id in wanted
            and self._entries.get(patient_id, (0, 0, None))[:2] != (form_id, version)
        ]
        for start in range(0, len(stale), INDEX_BATCH):
            rows = uow.session.execute(
                select(
                    ClinicalForm.patient_id,
                    ClinicalForm.kind,
                    ClinicalForm.version,
                    ClinicalForm.id,
                    ClinicalForm.content,
                ).where(ClinicalForm.id.in_(stale[start : start + INDEX_BATCH]))
            )
            for row in rows:
                content = _read_form(keys, row)
                facts = genetics_key_facts(content) if isinstance(content, Genetics) else None
                self._entries[row.patient_id] = (row.id, row.version, facts)
        return len(stale)

    def matching(self, gene: str | None, classes: Collection[int] | None) -> set[int]:
        """The patient ids whose genetics form has a variant of ``gene`` (any case; None:
        any gene) with a class among ``classes`` (None: any class)."""
        return {
            patient_id
            for patient_id, (_, _, facts) in self._entries.items()
            if facts is not None and facts.matches(gene, classes)
        }


class PatientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._genetics_index = _GeneticsIndex()

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
            self._genetics_index.clear()
            return None
        try:
            authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
            return session_clinical_keys(self.ctx, uow)
        except PermissionDenied:
            self._genetics_index.clear()
            return None
        except StorageError as exc:  # the key file unreadable now: the identities still list
            log.warning("Key facts left out of the list: %s", type(exc).__name__)
            self._genetics_index.clear()
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
        genetics: Mapping[int, GeneticsKeyFacts] = {}
        if keys is not None:
            needed = access_needed(Permission.VIEW_CLINICAL)
            clinical = [pid for pid, level in access.items() if level >= needed]
            facts, genetics = _key_facts(uow, keys, clinical)
        names = _display_names(uow, {p.owner_id for p in patients.values()})
        rows: list[PatientSummary] = []
        seen: set[int] = set()
        for pid in patient_ids:
            patient = patients.get(pid)
            if patient is None or pid in seen or access[pid] is PatientAccess.NONE:
                continue
            seen.add(pid)
            owner = names.get(patient.owner_id, "")
            rows.append(_summary(patient, owner, access[pid], facts.get(pid), genetics.get(pid)))
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
                **scope.filter(),
                limit=limit,
            )
            summaries = self._summaries(uow, scope, rows)
        return SearchResult(rows=tuple(summaries), total=total, truncated=total > len(rows))

    @reads
    def search_ids(
        self,
        text: str,
        *,
        first_rows: int = 0,
        gene: str | None = None,
        classes: Collection[int] | None = None,
    ) -> PatientIdList:
        """The ids of *every* visible file matching ``text``, in display order (by name).

        No cap: the list keeps the ids and asks :meth:`page` for the rows in view.
        ``first_rows``: the summaries of the first ids come in the same transaction
        (what the list shows at once). Not logged, like :meth:`search`.

        ``gene`` / ``classes``: only the files whose genetics form holds a variant of
        that gene (any case) with a class among ``classes`` (ACMG 1-5), both on the same
        variant; clinical roles holding the clinical key only (else PermissionDenied, or
        ``clinical_access_awaiting``), and only files they may open clinically.
        """
        if not 0 <= first_rows <= MAX_PAGE_ROWS:
            raise ValueError(f"first_rows must be 0..{MAX_PAGE_ROWS}")
        gene = gene.strip() if gene and gene.strip() else None
        wanted = None if classes is None else frozenset(int(c) for c in classes)
        filtered = gene is not None or wanted is not None
        query = parse_search_query(text or "")
        with self._uow() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            if filtered:
                authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
                session_clinical_keys(self.ctx, uow)  # refused while awaiting approval
            scope = PatientScope(uow, uow.actor)
            ids = uow.patients.search_ids(
                query.tokens,
                query.birth_date,
                query.nir_prefix,
                **scope.filter(),
            )
            keys = self._clinical_keys(uow)
            if filtered and keys is not None:
                ids = self._filter_by_genetics(uow, scope, keys, ids, gene, wanted)
            first = self._page(uow, scope, ids[:first_rows], keys) if first_rows else ()
        return PatientIdList(ids=tuple(ids), with_key_facts=keys is not None, first_rows=first)

    def _filter_by_genetics(
        self,
        uow: UnitOfWork,
        scope: PatientScope,
        keys: ClinicalKeys,
        ids: list[int],
        gene: str | None,
        classes: Collection[int] | None,
    ) -> list[int]:
        """``ids`` (in order) whose genetics facts match, among the files the actor may
        open clinically (checked through the access rule, on the matches only)."""
        self._genetics_index.refresh(uow, keys, ids)
        candidates = self._genetics_index.matching(gene, classes)
        matched = [pid for pid in ids if pid in candidates]
        if not matched:
            return []
        # The access rule needs the owner only: (id, owner_id) rows, not whole patients.
        owners: dict[int, Any] = {}
        shares: dict[int, str] = {}
        for start in range(0, len(matched), INDEX_BATCH):
            chunk = matched[start : start + INDEX_BATCH]
            for row in uow.session.execute(
                select(Patient.id, Patient.owner_id).where(Patient.id.in_(chunk))
            ):
                owners[row.id] = row
            shares.update(scope.shares(chunk))
        needed = access_needed(Permission.VIEW_CLINICAL)
        return [
            pid
            for pid in matched
            if pid in owners and scope.access(cast(Patient, owners[pid]), shares.get(pid)) >= needed
        ]

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
