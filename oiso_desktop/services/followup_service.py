"""Surveillance protocols, plans and worklists (issue 9, DESIGN.md §5): ``session.followup``.

**Protocols** (``followup_protocols``, seeded by migration 0005 from
``domain.followup.seed``) are versioned data: :meth:`FollowupService.protocols` lists
them for clinical roles (practitioners, counsellors); :meth:`~FollowupService.save_protocol`
adds the next version of a protocol, or a custom protocol (TP53, PALB2, CDH1...), by a
**practitioner** with a reason (``domain.followup.protocols.validate_protocol``; event
``protocol_changed``). Where French practice and ESGE differ (Lynch, APC, MUTYH), the
**structure's choice** applies (:meth:`~FollowupService.set_choice`, a practitioner of
that structure; event ``followup_choice_changed``; "fr" everywhere until chosen).

**Plans**: :meth:`~FollowupService.recompute_plan` reads the file as saved — sex, birth
and death dates, the genetics form's class 4-5 genes (with the date of the test that
found them), the history form's risk-reducing surgeries — with the session's clinical
key, plus the exams performed, the adjustments and the protocols selected by hand, runs
``domain.followup.engine.compute_plan`` and stores the items (``plan_items``), returning
what changed (the "plan updated" note, ``PlanUpdate.changes``). Saving the history or
the genetics form recomputes the plan in the same transaction
(:func:`recompute_after_form_save`, a savepoint: a plan that cannot be computed never
blocks the form); the note waits in :meth:`~FollowupService.plan` (``update``) until
:meth:`~FollowupService.acknowledge_update`.

Plan items hold exams, ages and dates only: a secretary reads a plan
(:meth:`~FollowupService.plan`) and the worklists without the clinical key; each
item's plan key and protocol (which name the gene) are encrypted and shown to clinical
roles only. :meth:`~FollowupService.adjust_item` / :meth:`~FollowupService.add_item`
(a practitioner, a reason; event ``plan_adjusted``) survive every recomputation;
:meth:`~FollowupService.mark_done` (clinical roles; never in the future nor before
birth; event ``exam_done``) records an exam with its result summary (encrypted).

**Worklists** (:meth:`~FollowupService.worklist`): due in the next N weeks, overdue,
not yet scheduled (no booked or confirmed appointment to come for that exam), lost to
follow-up (``domain.followup.worklist.classify``); filtered by practitioner (the file's
owner), exam and site (the owner's structure); sorted; the ids of every row at once
and :meth:`~FollowupService.worklist_page` for the rows in view. Every list goes
through ``PatientScope``: a secretary sees the files of the practitioners she assists.

A secretary's call for genetic data — protocols (they are per gene), a plan's keys
and protocols, adjustments, results — is refused (``PermissionDenied``), like
``session.forms``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    NotFound,
    OisoError,
    PermissionDenied,
    ValidationError,
)
from oiso_desktop.domain.followup.engine import (
    CUSTOM_PROTOCOL_KEY,
    Plan,
    PlanAdjustment,
    PlanChange,
    PlanInputs,
    PlanStatus,
    SurgeryRecord,
    add_months,
    adjustment_from_dict,
    adjustment_to_dict,
    compute_plan,
    diff_plans,
    validate_adjustment,
)
from oiso_desktop.domain.followup.engine import (
    PerformedExam as DoneExam,
)
from oiso_desktop.domain.followup.engine import PlanItem as EnginePlanItem
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    FAMILIES,
    VARIANTS,
    Protocol,
    ProtocolChoice,
    ProtocolItem,
    check_protocol,
    protocol_from_dict,
    protocol_to_dict,
)
from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS
from oiso_desktop.domain.followup.worklist import WorklistKind, classify, horizon_end
from oiso_desktop.domain.genetics import Genetics, positive_variants
from oiso_desktop.domain.permissions import PatientAccess, Permission, role_can
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.access import PatientScope, authorize
from oiso_desktop.services.appointment_service import (
    patient_display_name,
    user_display_name,
    visible_patients,
)
from oiso_desktop.services.clinical_gate import PATIENT_NOT_FOUND_MESSAGE, open_clinical_file
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.event_log import record_event
from oiso_desktop.storage.field_crypto import ClinicalKeys, EncryptedColumn
from oiso_desktop.storage.models import (
    Appointment,
    FollowupChoice,
    FollowupProtocol,
    Patient,
    PerformedExam,
    PlanItem,
    PlanSelection,
    User,
)
from oiso_desktop.storage.models import PlanAdjustment as AdjustmentRow
from oiso_desktop.storage.uow import UnitOfWork

log = logging.getLogger(__name__)

__all__ = [
    "MAX_PAGE_ROWS",
    "WORKLIST_SORTS",
    "FollowupService",
    "PerformedExamView",
    "PlanItemView",
    "PlanUpdate",
    "PlanView",
    "ProtocolView",
    "WorklistIds",
    "WorklistRow",
    "recompute_after_form_save",
]

MAX_PAGE_ROWS = 500
MAX_RESULT_LENGTH = 2000
MAX_REASON_LENGTH = 1000
WORKLIST_SORTS = ("next_due", "name", "exam", "birth_date", "last_done", "practitioner")

PROTOCOL_REASON_MESSAGE = "Indiquez le motif de cette modification du protocole."
PROTOCOL_NOT_FOUND_MESSAGE = "Le protocole « {key} » n'existe pas."
PRACTITIONER_ONLY_MESSAGE = "Seul un praticien peut modifier les protocoles et les plans de suivi."
NO_STRUCTURE_MESSAGE = (
    "Votre compte n'est rattaché à aucun établissement : le choix des recommandations "
    "se fait par établissement."
)
CHOICE_VALUE_MESSAGE = "Recommandation « {value} » inconnue (fr ou esge)."
CHOICE_CONFLICT_MESSAGE = (
    "Quelqu'un d'autre a modifié le choix des recommandations entre-temps. Rechargez-le, "
    "puis recommencez."
)
PROTOCOL_CONFLICT_MESSAGE = (
    "Quelqu'un d'autre a enregistré une version de ce protocole entre-temps. Rechargez-le, "
    "puis recommencez."
)
PLAN_ITEM_NOT_FOUND_MESSAGE = "Cet examen ne figure pas (ou plus) dans le plan de suivi."
EXAM_FUTURE_MESSAGE = "Un examen ne peut pas être marqué comme fait le {date}, dans le futur."
EXAM_BEFORE_BIRTH_MESSAGE = (
    "Un examen ne peut pas être marqué comme fait le {date}, avant la naissance du patient "
    "({birth_date})."
)
TEXT_TOO_LONG_MESSAGE = "Ce texte est trop long ({max_length} caractères au plus)."
HORIZON_MESSAGE = "L'horizon de la liste doit être compris entre 0 et {maximum} semaines."

_ORIGIN = EncryptedColumn(PlanItem.__table__, "origin")  # type: ignore[arg-type]
_ADJUSTMENT = EncryptedColumn(AdjustmentRow.__table__, "content")  # type: ignore[arg-type]
_PERFORMED = EncryptedColumn(PerformedExam.__table__, "content")  # type: ignore[arg-type]
_SELECTION = EncryptedColumn(PlanSelection.__table__, "content")  # type: ignore[arg-type]

#: Padding of the encrypted JSON documents (their size says little).
PAD_TO = 256


def _french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _encode(data: dict[str, Any]) -> bytes:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return raw + b" " * (-len(raw) % PAD_TO)


def _decode(raw: bytes) -> dict[str, Any]:
    value = json.loads(raw.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


# ---------------------------------------------------------------------------------- DTOs


@dataclass(frozen=True)
class ProtocolView:
    """One stored version of a protocol (clinical roles only)."""

    id: int
    protocol: Protocol  # the domain object: items, genes, source note, "(to confirm)" marks
    created_at: dt.datetime  # aware UTC
    created_by: str  # "" for a seed protocol
    reason: str
    current: bool  # the highest version of its key and variant

    @property
    def key(self) -> str:
        return self.protocol.key

    @property
    def variant(self) -> str:
        return self.protocol.variant or ""

    @property
    def version(self) -> int:
        return self.protocol.version


@dataclass(frozen=True)
class PlanItemView:
    """One plan item. ``key``, ``protocol_key``, ``protocol_version`` and
    ``adjustment_reason``: clinical roles holding the clinical key only (None else)."""

    id: int
    patient_id: int
    exam: ExamKind
    label: str
    start_age: float
    end_age: float | None
    interval_months: int | None
    fixed_ages: tuple[float, ...]
    next_due: dt.date | None
    last_done: dt.date | None
    status: PlanStatus
    adjusted: bool
    to_confirm: bool
    version: int
    key: str | None = None
    protocol_key: str | None = None
    protocol_version: int | None = None
    adjustment_reason: str | None = None


@dataclass(frozen=True)
class PerformedExamView:
    id: int
    exam: ExamKind
    item_key: str
    performed_on: dt.date
    result_summary: str
    recorded_by: str
    recorded_at: dt.datetime  # aware UTC


@dataclass(frozen=True)
class PlanUpdate:
    """What a recomputation changed (the "plan updated" note; empty: nothing)."""

    patient_id: int
    changes: tuple[PlanChange, ...]
    computed_on: dt.date


@dataclass(frozen=True)
class PlanView:
    """A patient's plan as stored. ``clinical``: the view carries the clinical parts
    (keys, protocols, performed exams with results); ``update``: the note of the last
    recomputation not yet acknowledged in this session (None: none)."""

    patient_id: int
    items: tuple[PlanItemView, ...]
    clinical: bool
    performed: tuple[PerformedExamView, ...] = ()
    protocol_versions: tuple[tuple[str, int], ...] = ()
    update: PlanUpdate | None = None
    access: PatientAccess = PatientAccess.NONE


@dataclass(frozen=True)
class WorklistIds:
    """Every row of a worklist, as plan item ids in the order asked."""

    kind: WorklistKind
    ids: tuple[int, ...]
    today: dt.date

    @property
    def total(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class WorklistRow:
    item_id: int
    patient_id: int
    patient_name: str
    birth_date: dt.date
    owner_id: int
    owner_name: str
    exam: ExamKind
    label: str
    next_due: dt.date | None
    last_done: dt.date | None
    interval_months: int | None
    kinds: frozenset[WorklistKind]
    scheduled_on: dt.datetime | None  # the next booked or confirmed appointment for it


# ------------------------------------------------------------------- "plan updated" notes

#: The notes of recomputations done in each session (by the context's id), waiting to
#: be shown; forgotten with the session's context.
_NOTES: dict[int, dict[int, PlanUpdate]] = {}


def _notes(ctx: ServiceContext) -> dict[int, PlanUpdate]:
    key = id(ctx)
    if key not in _NOTES:
        _NOTES[key] = {}
        weakref.finalize(ctx, _NOTES.pop, key, None)
    return _NOTES[key]


def _note(ctx: ServiceContext, update: PlanUpdate) -> None:
    if update.changes:
        _notes(ctx)[update.patient_id] = update


# ------------------------------------------------------------------------ storage helpers


def _protocol_rows(uow: UnitOfWork) -> list[FollowupProtocol]:
    return list(
        uow.session.scalars(
            select(FollowupProtocol).order_by(
                FollowupProtocol.key, FollowupProtocol.variant, FollowupProtocol.version
            )
        )
    )


def _protocol_of(row: FollowupProtocol) -> Protocol:
    protocol = protocol_from_dict(json.loads(row.body))
    return replace(protocol, version=row.version, custom=row.custom)


def _choice_row(uow: UnitOfWork, structure_id: int | None) -> FollowupChoice | None:
    if structure_id is None:
        return None
    return uow.session.get(FollowupChoice, structure_id)


def _choice_of(row: FollowupChoice | None) -> ProtocolChoice:
    if row is None:
        return ProtocolChoice()
    return ProtocolChoice(lynch=row.lynch, apc=row.apc, mutyh=row.mutyh)


@dataclass
class _Stored:
    row: PlanItem
    key: str
    protocol_key: str
    protocol_version: int

    def engine_item(self) -> EnginePlanItem:
        row = self.row
        return EnginePlanItem(
            key=self.key,
            protocol_key=self.protocol_key,
            protocol_version=self.protocol_version,
            **_schedule_of(row),
        )


def _schedule_of(row: PlanItem) -> dict[str, Any]:
    """The clear columns of a stored plan item, as the engine's and the views' fields."""
    return {
        "exam": ExamKind(row.exam),
        "label": row.label,
        "start_age": row.start_age,
        "end_age": row.end_age,
        "interval_months": row.interval_months,
        "fixed_ages": tuple(json.loads(row.fixed_ages)),
        "next_due": row.next_due,
        "last_done": row.last_done,
        "status": PlanStatus(row.status),
        "adjusted": row.adjusted,
        "to_confirm": row.to_confirm,
    }


def _stored_items(uow: UnitOfWork, keys: ClinicalKeys, patient_id: int) -> list[_Stored]:
    stored = []
    for row in uow.session.scalars(
        select(PlanItem).where(PlanItem.patient_id == patient_id).order_by(PlanItem.id)
    ):
        origin = _decode(_ORIGIN.decrypt(keys, row, row.origin))
        stored.append(
            _Stored(row, origin["key"], origin["protocol_key"], int(origin["protocol_version"]))
        )
    return stored


def _adjustments(
    uow: UnitOfWork, keys: ClinicalKeys, patient_id: int
) -> list[tuple[AdjustmentRow, PlanAdjustment]]:
    rows = uow.session.scalars(
        select(AdjustmentRow)
        .where(AdjustmentRow.patient_id == patient_id)
        .order_by(AdjustmentRow.id)
    )
    return [
        (row, adjustment_from_dict(_decode(_ADJUSTMENT.decrypt(keys, row, row.content))))
        for row in rows
    ]


def _performed(
    uow: UnitOfWork, keys: ClinicalKeys, patient_id: int
) -> list[tuple[PerformedExam, dict[str, Any]]]:
    rows = uow.session.scalars(
        select(PerformedExam)
        .where(PerformedExam.patient_id == patient_id)
        .order_by(PerformedExam.performed_on.desc(), PerformedExam.id.desc())
    )
    return [(row, _decode(_PERFORMED.decrypt(keys, row, row.content))) for row in rows]


def _selections(uow: UnitOfWork, keys: ClinicalKeys, patient_id: int) -> list[str]:
    rows = uow.session.scalars(select(PlanSelection).where(PlanSelection.patient_id == patient_id))
    return [
        str(_decode(_SELECTION.decrypt(keys, row, row.content))["protocol_key"]) for row in rows
    ]


def _plan_inputs(uow: UnitOfWork, keys: ClinicalKeys, patient: Patient) -> PlanInputs:
    # imported here: clinical_form_service imports this module for its save hook
    from oiso_desktop.services.clinical_form_service import saved_content

    genetics = saved_content(uow, keys, patient, FormKind.GENETICS)
    history = saved_content(uow, keys, patient, FormKind.HISTORY)
    assert isinstance(genetics, Genetics) and isinstance(history, PersonalHistory)
    test_dates = {test.id: test.date for test in genetics.tests if test.date is not None}
    genes: set[str] = set()
    gene_dates: dict[str, dt.date] = {}
    for variant in positive_variants(genetics):
        gene = variant.gene.strip().upper()
        genes.add(gene)
        day = test_dates.get(variant.test_id)
        if day is not None and (gene not in gene_dates or day < gene_dates[gene]):
            gene_dates[gene] = day
    surgeries = tuple(
        SurgeryRecord(
            code=surgery.kind,
            side=surgery.side,
            date=surgery.date,
            age=float(surgery.age.value) if surgery.age.value is not None else None,
        )
        for surgery in history.surgeries
    )
    exams_done = tuple(
        DoneExam(
            performed_on=row.performed_on,
            exam=ExamKind(row.exam),
            item_key=content.get("item_key") or None,
            label=str(content.get("label") or ""),
        )
        for row, content in _performed(uow, keys, patient.id)
    )
    return PlanInputs(
        sex=patient.sex,
        birth_date=patient.birth_date,
        death_date=patient.death_date,
        genes=frozenset(genes),
        gene_dates=tuple(sorted(gene_dates.items())),
        surgeries=surgeries,
        exams_done=exams_done,
        adjustments=tuple(adjustment for _, adjustment in _adjustments(uow, keys, patient.id)),
        extra_protocols=tuple(_selections(uow, keys, patient.id)),
    )


def _structure_of_owner(uow: UnitOfWork, patient: Patient) -> int | None:
    owner = uow.session.get(User, patient.owner_id)
    return owner.structure_id if owner is not None else None


def _store_plan(
    uow: UnitOfWork, keys: ClinicalKeys, patient: Patient, plan: Plan, now: dt.datetime
) -> list[PlanChange]:
    stored = {item.key: item for item in _stored_items(uow, keys, patient.id)}
    old = Plan(items=tuple(item.engine_item() for item in stored.values()))
    changes = diff_plans(old, plan)
    for item in plan.items:
        values = {
            "exam": item.exam.value,
            "label": item.label,
            "start_age": float(item.start_age),
            "end_age": None if item.end_age is None else float(item.end_age),
            "interval_months": item.interval_months,
            "fixed_ages": json.dumps([float(age) for age in item.fixed_ages]),
            "next_due": item.next_due,
            "last_done": item.last_done,
            "status": item.status.value,
            "adjusted": item.adjusted,
            "to_confirm": item.to_confirm,
        }
        origin = {
            "key": item.key,
            "protocol_key": item.protocol_key,
            "protocol_version": item.protocol_version,
        }
        existing = stored.pop(item.key, None)
        if existing is None:
            row = PlanItem(uuid=uuid.uuid4().hex, patient_id=patient.id, updated_at=now, **values)
            row.origin = _ORIGIN.encrypt(keys, row, _encode(origin))
            uow.session.add(row)
            continue
        row = existing.row
        same_origin = (existing.protocol_key, existing.protocol_version) == (
            item.protocol_key,
            item.protocol_version,
        )
        if all(getattr(row, name) == value for name, value in values.items()) and same_origin:
            continue
        for name, value in values.items():
            setattr(row, name, value)
        if not same_origin:
            row.origin = _ORIGIN.encrypt(keys, row, _encode(origin))
        row.updated_at = now
    gone = [item.row for item in stored.values()]
    if gone:
        ids = [row.id for row in gone]
        for appointment in uow.session.scalars(
            select(Appointment).where(Appointment.plan_item_id.in_(ids))
        ):
            appointment.plan_item_id = None
        for row in gone:
            uow.session.delete(row)
    uow.session.flush()
    return changes


def recompute_in(
    ctx: ServiceContext, uow: UnitOfWork, keys: ClinicalKeys, patient: Patient
) -> PlanUpdate:
    """Recompute and store ``patient``'s plan in the open unit of work (the caller
    checked the access and holds the clinical key)."""
    protocols = [_protocol_of(row) for row in _protocol_rows(uow)]
    choice = _choice_of(_choice_row(uow, _structure_of_owner(uow, patient)))
    today = ctx.today()
    plan = compute_plan(_plan_inputs(uow, keys, patient), protocols, choice, today)
    changes = _store_plan(uow, keys, patient, plan, naive_utc(ctx.now()))
    update = PlanUpdate(patient.id, tuple(changes), today)
    _note(ctx, update)
    return update


def recompute_after_form_save(
    ctx: ServiceContext, uow: UnitOfWork, keys: ClinicalKeys, patient: Patient, kind: FormKind
) -> None:
    """The clinical form service's hook: after the history or genetics form of
    ``patient`` is saved, recompute the plan in the same transaction, in a savepoint —
    a plan that cannot be computed (a protocol unreadable) never blocks the form: the
    plan is then left as it was, and recomputed at the next save or on demand."""
    if kind not in (FormKind.HISTORY, FormKind.GENETICS):
        return
    try:
        with uow.session.begin_nested():
            recompute_in(ctx, uow, keys, patient)
    except (OisoError, ValueError, KeyError, TypeError) as exc:
        # no value in the log: the kind of failure and the file's id
        log.warning(
            "Follow-up plan of file %s not recomputed: %s %s",
            patient.id,
            type(exc).__name__,
            getattr(exc, "code", ""),
        )


# -------------------------------------------------------------------------------- service


class FollowupService:
    """``session.followup``: protocols, the structure's choice, plans, worklists."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ helpers

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
    def _practitioner_only(uow: ServiceUnitOfWork) -> None:
        if uow.actor.role is not Role.PRACTITIONER:
            raise PermissionDenied(
                PRACTITIONER_ONLY_MESSAGE,
                code=ErrorCode.PERMISSION_DENIED,
                reason="role",
                role=str(uow.actor.role),
            )

    def _clinical_file(
        self, uow: ServiceUnitOfWork, permission: Permission, patient_id: int
    ) -> tuple[Patient, PatientAccess, ClinicalKeys]:
        return open_clinical_file(self.ctx, uow, permission, patient_id)

    # ------------------------------------------------------------------ protocols

    @reads
    def protocols(self, *, all_versions: bool = False) -> tuple[ProtocolView, ...]:
        """The protocols (the current version of each key and variant; every version
        with ``all_versions``), by key then variant then version. Clinical roles only:
        protocols are per gene."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
            rows = _protocol_rows(uow)
            latest: dict[tuple[str, str], int] = {}
            for row in rows:
                latest[(row.key, row.variant)] = max(
                    row.version, latest.get((row.key, row.variant), 0)
                )
            names = self._user_names(uow, {row.created_by_id for row in rows})
            views = []
            for row in rows:
                current = row.version == latest[(row.key, row.variant)]
                if current or all_versions:
                    views.append(self._protocol_view(row, names, current))
            return tuple(views)

    @reads
    def protocol(self, key: str, variant: str = "", version: int | None = None) -> ProtocolView:
        """One protocol (its current version unless ``version``); NotFound
        ``protocol_not_found``."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
            rows = [
                row
                for row in _protocol_rows(uow)
                if row.key == key and row.variant == (variant or "")
            ]
            if not rows:
                raise NotFound(
                    PROTOCOL_NOT_FOUND_MESSAGE.format(key=key),
                    code=ErrorCode.PROTOCOL_NOT_FOUND,
                    key=key,
                )
            top = rows[-1].version
            chosen = (
                rows[-1]
                if version is None
                else next((row for row in rows if row.version == version), None)
            )
            if chosen is None:
                raise NotFound(
                    PROTOCOL_NOT_FOUND_MESSAGE.format(key=key),
                    code=ErrorCode.PROTOCOL_NOT_FOUND,
                    key=key,
                )
            names = self._user_names(uow, {chosen.created_by_id})
            return self._protocol_view(chosen, names, chosen.version == top)

    @staticmethod
    def _user_names(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        return {
            user.id: user_display_name(user)
            for user in uow.session.scalars(select(User).where(User.id.in_(wanted)))
        }

    @staticmethod
    def _protocol_view(row: FollowupProtocol, names: dict[int, str], current: bool) -> ProtocolView:
        return ProtocolView(
            id=row.id,
            protocol=_protocol_of(row),
            created_at=row.created_at.replace(tzinfo=dt.UTC),
            created_by=names.get(row.created_by_id, "") if row.created_by_id else "",
            reason=row.reason,
            current=current,
        )

    @writes
    def save_protocol(self, protocol: Protocol, reason: str) -> ProtocolView:
        """Save ``protocol`` as the next version of its key and variant (version 1 of a
        new, custom protocol). A practitioner, with a reason. The protocol is checked
        (``check_protocol``: every problem, French messages) before anything is
        written. Logged ``protocol_changed`` (details: key, variant, version, custom).
        Plans follow at their next recomputation."""
        text = (reason or "").strip()
        if not text:
            raise ValidationError(
                PROTOCOL_REASON_MESSAGE, code=ErrorCode.PROTOCOL_REASON_REQUIRED, field="reason"
            )
        if len(text) > MAX_REASON_LENGTH:
            raise ValidationError(
                TEXT_TOO_LONG_MESSAGE.format(max_length=MAX_REASON_LENGTH),
                code=ErrorCode.FOLLOWUP_TEXT_TOO_LONG,
                field="reason",
                max_length=MAX_REASON_LENGTH,
            )
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.EDIT_CLINICAL)
            self._practitioner_only(uow)
            variant = protocol.variant or ""
            top = uow.session.scalar(
                select(func.max(FollowupProtocol.version)).where(
                    FollowupProtocol.key == protocol.key, FollowupProtocol.variant == variant
                )
            )
            seed_keys = {seed.key for seed in SEED_PROTOCOLS}
            custom = protocol.key not in seed_keys
            saved = replace(protocol, version=int(top or 0) + 1, custom=custom)
            check_protocol(saved)
            row = FollowupProtocol(
                key=saved.key,
                variant=variant,
                version=saved.version,
                name=saved.name.strip(),
                body=json.dumps(protocol_to_dict(saved), ensure_ascii=False, sort_keys=True),
                source_note=saved.source_note,
                custom=custom,
                created_by_id=uow.actor.user_id,
                created_at=naive_utc(self.ctx.now()),
                reason=text,
            )
            uow.session.add(row)
            try:
                uow.flush()
            except IntegrityError as exc:  # another practitioner saved that version first
                raise ConcurrentEditError(
                    PROTOCOL_CONFLICT_MESSAGE, code=ErrorCode.PROTOCOL_CONFLICT, key=saved.key
                ) from exc
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "protocol_changed",
                object_type="protocol",
                object_id=row.id,
                details={
                    "key": saved.key,
                    "variant": variant,
                    "version": saved.version,
                    "custom": custom,
                },
            )
            names = self._user_names(uow, {uow.actor.user_id})
            view = self._protocol_view(row, names, True)
            uow.commit()
            return view

    # ------------------------------------------------------------------ structure choice

    @reads
    def choice(self) -> tuple[ProtocolChoice, int]:
        """The choice of the acting user's structure and its version (0: never set,
        French practice everywhere)."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.VIEW_CLINICAL)
            row = _choice_row(uow, uow.actor.structure_id)
            return _choice_of(row), row.version if row is not None else 0

    @writes
    def set_choice(
        self, choice: ProtocolChoice, *, expected_version: int
    ) -> tuple[ProtocolChoice, int]:
        """Set which recommendations the acting practitioner's structure follows per
        family (Lynch, APC, MUTYH: "fr" or "esge"). Logged ``followup_choice_changed``
        (details: the families changed and their new value). Plans follow at their next
        recomputation."""
        for family in FAMILIES:
            value = getattr(choice, family)
            if value not in VARIANTS:
                raise ValidationError(
                    CHOICE_VALUE_MESSAGE.format(value=value),
                    code=ErrorCode.FOLLOWUP_CHOICE_VALUE,
                    field=family,
                    value=str(value),
                )
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.EDIT_CLINICAL)
            self._practitioner_only(uow)
            structure_id = uow.actor.structure_id
            if structure_id is None:
                raise ValidationError(NO_STRUCTURE_MESSAGE, code=ErrorCode.FOLLOWUP_NO_STRUCTURE)
            row = _choice_row(uow, structure_id)
            if (row.version if row is not None else 0) != expected_version:
                raise ConcurrentEditError(
                    CHOICE_CONFLICT_MESSAGE, code=ErrorCode.FOLLOWUP_CHOICE_CONFLICT
                )
            before = _choice_of(row)
            if row is None:
                row = FollowupChoice(structure_id=structure_id)
                uow.session.add(row)
            changed = {
                family: getattr(choice, family)
                for family in FAMILIES
                if getattr(choice, family) != getattr(before, family)
            }
            row.lynch, row.apc, row.mutyh = choice.lynch, choice.apc, choice.mutyh
            row.updated_at = naive_utc(self.ctx.now())
            row.updated_by_id = uow.actor.user_id
            uow.flush()
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "followup_choice_changed",
                object_type="structure",
                object_id=structure_id,
                details={"changed": changed},
            )
            uow.commit()
            return _choice_of(row), row.version

    # ------------------------------------------------------------------ plans

    @writes
    def recompute_plan(self, patient_id: int) -> PlanUpdate:
        """Recompute and store the plan of a file (clinical roles with write access and
        the clinical key); returns what changed (see the module). Not logged: the plan
        is derived from the file, whose changes are."""
        with self.ctx.unit_of_work() as uow:
            patient, _, keys = self._clinical_file(uow, Permission.EDIT_CLINICAL, patient_id)
            update = recompute_in(self.ctx, uow, keys, patient)
            uow.commit()
            return update

    @reads
    def plan(self, patient_id: int) -> PlanView:
        """The plan of a file as stored: items by next due date. Anyone who may read the
        file (a secretary of an assisted file included, without the clinical key);
        clinical roles holding the clinical key also get keys, protocols, adjustment
        reasons and the performed exams with their results."""
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.VIEW_PATIENTS)
            patient = self._patient(uow, patient_id)
            access = authorize(uow, uow.actor, Permission.VIEW_PATIENTS, patient)
            keys = None
            if role_can(uow.actor.role, Permission.VIEW_CLINICAL) and self.ctx.clinical:
                try:
                    authorize(uow, uow.actor, Permission.VIEW_CLINICAL, patient)
                    keys = session_clinical_keys(self.ctx, uow)
                except (PermissionDenied, OisoError):
                    keys = None
            rows = list(
                uow.session.scalars(select(PlanItem).where(PlanItem.patient_id == patient.id))
            )
            origins: dict[int, dict[str, Any]] = {}
            reasons: dict[str, str] = {}
            performed: tuple[PerformedExamView, ...] = ()
            if keys is not None:
                for row in rows:
                    origins[row.id] = _decode(_ORIGIN.decrypt(keys, row, row.origin))
                for _, adjustment in _adjustments(uow, keys, patient.id):
                    reasons[adjustment.target_key] = adjustment.reason
                done = _performed(uow, keys, patient.id)
                names = self._user_names(uow, {row.recorded_by_id for row, _ in done})
                performed = tuple(
                    PerformedExamView(
                        id=row.id,
                        exam=ExamKind(row.exam),
                        item_key=str(content.get("item_key") or ""),
                        performed_on=row.performed_on,
                        result_summary=str(content.get("result_summary") or ""),
                        recorded_by=names.get(row.recorded_by_id, ""),
                        recorded_at=row.recorded_at.replace(tzinfo=dt.UTC),
                    )
                    for row, content in done
                )
            items = []
            for row in rows:
                origin = origins.get(row.id)
                key = origin["key"] if origin else None
                items.append(
                    PlanItemView(
                        id=row.id,
                        patient_id=row.patient_id,
                        **_schedule_of(row),
                        version=row.version,
                        key=key,
                        protocol_key=origin["protocol_key"] if origin else None,
                        protocol_version=int(origin["protocol_version"]) if origin else None,
                        adjustment_reason=(reasons.get(key, "") if key is not None else None),
                    )
                )
            items.sort(key=lambda v: (v.next_due is None, v.next_due or dt.date.max, v.id))
            versions = sorted(
                {
                    (item.protocol_key, item.protocol_version)
                    for item in items
                    if item.protocol_key
                    and item.protocol_key != CUSTOM_PROTOCOL_KEY
                    and item.protocol_version is not None
                }
            )
            clinical = keys is not None
            update = _notes(self.ctx).get(patient.id) if clinical else None
            return PlanView(
                patient_id=patient.id,
                items=tuple(items),
                clinical=clinical,
                performed=performed,
                protocol_versions=tuple(versions),  # type: ignore[arg-type]
                update=update,
                access=access,
            )

    def acknowledge_update(self, patient_id: int) -> None:
        """Forget the "plan updated" note of a file (the user has seen it)."""
        _notes(self.ctx).pop(patient_id, None)

    def _adjust(self, patient_id: int, adjustment: PlanAdjustment) -> PlanUpdate:
        if len(adjustment.reason.strip()) > MAX_REASON_LENGTH:
            raise ValidationError(
                TEXT_TOO_LONG_MESSAGE.format(max_length=MAX_REASON_LENGTH),
                code=ErrorCode.FOLLOWUP_TEXT_TOO_LONG,
                field="reason",
                max_length=MAX_REASON_LENGTH,
            )
        if adjustment.added is not None:
            problems = validate_adjustment(adjustment)
            if problems:
                raise problems[0]
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            patient, _, keys = self._clinical_file(uow, Permission.EDIT_CLINICAL, patient_id)
            self._practitioner_only(uow)
            if adjustment.added is None:
                current = next(
                    (
                        stored
                        for stored in _stored_items(uow, keys, patient.id)
                        if stored.key == adjustment.item_key
                    ),
                    None,
                )
                if current is None:
                    problems = validate_adjustment(adjustment)
                    if problems:
                        raise problems[0]
                    raise NotFound(
                        PLAN_ITEM_NOT_FOUND_MESSAGE,
                        code=ErrorCode.PLAN_ITEM_NOT_FOUND,
                        key=adjustment.item_key,
                    )
                # checked against the item as it stands (its own ages and interval)
                row_item = current.row
                problems = validate_adjustment(
                    adjustment,
                    ProtocolItem(
                        key=current.key.split(":", 1)[-1],
                        exam=ExamKind(row_item.exam),
                        label=row_item.label,
                        start_age=row_item.start_age,
                        end_age=row_item.end_age,
                        interval_months=row_item.interval_months,
                    ),
                )
                if problems:
                    raise problems[0]
            row = AdjustmentRow(
                uuid=uuid.uuid4().hex,
                patient_id=patient.id,
                created_by_id=uow.actor.user_id,
                created_at=naive_utc(self.ctx.now()),
            )
            row.content = _ADJUSTMENT.encrypt(
                keys,
                row,
                _encode(adjustment_to_dict(replace(adjustment, reason=adjustment.reason.strip()))),
            )
            uow.session.add(row)
            uow.flush()
            update = recompute_in(self.ctx, uow, keys, patient)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "plan_adjusted",
                object_type="patient",
                object_id=patient.id,
                details={"adjustment_id": row.id, "added": adjustment.added is not None},
            )
            uow.commit()
            return update

    @writes
    def adjust_item(
        self,
        patient_id: int,
        key: str,
        *,
        reason: str,
        start_age: float | None = None,
        end_age: float | None = None,
        remove_end_age: bool = False,
        interval_months: int | None = None,
        stopped: bool = False,
    ) -> PlanUpdate:
        """Adjust one plan item (``key``: "protocol_key:item_key", from a clinical
        :meth:`plan`): a practitioner with write access, a reason required
        (``plan_adjustment_reason``), something changed (``plan_adjustment_empty``),
        values checked like a protocol's. The adjustment survives every
        recomputation; logged ``plan_adjusted``."""
        return self._adjust(
            patient_id,
            PlanAdjustment(
                item_key=key,
                reason=reason or "",
                start_age=start_age,
                end_age=end_age,
                remove_end_age=remove_end_age,
                interval_months=interval_months,
                stopped=stopped,
            ),
        )

    @writes
    def add_item(self, patient_id: int, item: ProtocolItem, *, reason: str) -> PlanUpdate:
        """Add an exam to one patient's plan (plan key "custom:<item.key>"), with a
        reason; as :meth:`adjust_item`."""
        return self._adjust(patient_id, PlanAdjustment(reason=reason or "", added=item))

    @reads
    def selected_protocols(self, patient_id: int) -> tuple[str, ...]:
        """The keys of the protocols applied to a file by hand (see
        :meth:`select_protocols`), sorted: clinical roles holding the clinical key."""
        with self.ctx.unit_of_work() as uow:
            patient, _, keys = self._clinical_file(uow, Permission.VIEW_CLINICAL, patient_id)
            return tuple(sorted(set(_selections(uow, keys, patient.id))))

    @writes
    def select_protocols(self, patient_id: int, protocol_keys: Sequence[str]) -> PlanUpdate:
        """The protocols applied to a file by hand (HAS 2014 high risk, no variant),
        replacing the previous selection; a practitioner. Logged ``plan_adjusted``
        (details "selected": how many)."""
        with self.ctx.unit_of_work() as uow:
            patient, _, keys = self._clinical_file(uow, Permission.EDIT_CLINICAL, patient_id)
            self._practitioner_only(uow)
            known = {row.key for row in _protocol_rows(uow)}
            wanted = list(dict.fromkeys(str(key) for key in protocol_keys))
            for key in wanted:
                if key not in known:
                    raise NotFound(
                        PROTOCOL_NOT_FOUND_MESSAGE.format(key=key),
                        code=ErrorCode.PROTOCOL_NOT_FOUND,
                        key=key,
                    )
            for old in uow.session.scalars(
                select(PlanSelection).where(PlanSelection.patient_id == patient.id)
            ):
                uow.session.delete(old)
            now = naive_utc(self.ctx.now())
            for key in wanted:
                row = PlanSelection(
                    uuid=uuid.uuid4().hex,
                    patient_id=patient.id,
                    created_by_id=uow.actor.user_id,
                    created_at=now,
                )
                row.content = _SELECTION.encrypt(keys, row, _encode({"protocol_key": key}))
                uow.session.add(row)
            uow.flush()
            update = recompute_in(self.ctx, uow, keys, patient)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "plan_adjusted",
                object_type="patient",
                object_id=patient.id,
                details={"selected": len(wanted)},
            )
            uow.commit()
            return update

    @writes
    def mark_done(
        self, patient_id: int, key: str, performed_on: dt.date, result_summary: str = ""
    ) -> PlanUpdate:
        """Record that the exam of plan item ``key`` was performed on ``performed_on``
        with a result summary (encrypted): clinical roles with write access. Never in
        the future (``exam_done_future``) nor before birth (``exam_done_before_birth``);
        the plan is recomputed. Logged ``exam_done`` (details: the record's id)."""
        text = (result_summary or "").strip()
        if len(text) > MAX_RESULT_LENGTH:
            raise ValidationError(
                TEXT_TOO_LONG_MESSAGE.format(max_length=MAX_RESULT_LENGTH),
                code=ErrorCode.FOLLOWUP_TEXT_TOO_LONG,
                field="result_summary",
                max_length=MAX_RESULT_LENGTH,
            )
        today = self.ctx.today()
        if performed_on > today:
            raise ValidationError(
                EXAM_FUTURE_MESSAGE.format(date=_french_date(performed_on)),
                code=ErrorCode.EXAM_DONE_FUTURE,
                field="performed_on",
                date=_french_date(performed_on),
            )
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            patient, _, keys = self._clinical_file(uow, Permission.EDIT_CLINICAL, patient_id)
            if performed_on < patient.birth_date:
                raise ValidationError(
                    EXAM_BEFORE_BIRTH_MESSAGE.format(
                        date=_french_date(performed_on),
                        birth_date=_french_date(patient.birth_date),
                    ),
                    code=ErrorCode.EXAM_DONE_BEFORE_BIRTH,
                    field="performed_on",
                    date=_french_date(performed_on),
                    birth_date=_french_date(patient.birth_date),
                )
            item = next(
                (stored for stored in _stored_items(uow, keys, patient.id) if stored.key == key),
                None,
            )
            if item is None:
                raise NotFound(
                    PLAN_ITEM_NOT_FOUND_MESSAGE, code=ErrorCode.PLAN_ITEM_NOT_FOUND, key=key
                )
            row = PerformedExam(
                uuid=uuid.uuid4().hex,
                patient_id=patient.id,
                exam=item.row.exam,
                performed_on=performed_on,
                recorded_by_id=uow.actor.user_id,
                recorded_at=naive_utc(self.ctx.now()),
            )
            row.content = _PERFORMED.encrypt(
                keys,
                row,
                _encode({"item_key": key, "label": item.row.label, "result_summary": text}),
            )
            uow.session.add(row)
            uow.flush()
            update = recompute_in(self.ctx, uow, keys, patient)
            record_event(
                uow,
                self.ctx,
                uow.actor,
                "exam_done",
                object_type="patient",
                object_id=patient.id,
                details={"performed_exam_id": row.id},
            )
            uow.commit()
            return update

    # ------------------------------------------------------------------ worklists

    @reads
    def worklist(
        self,
        kind: WorklistKind | str,
        *,
        horizon_weeks: int = 8,
        practitioner_id: int | None = None,
        exam: ExamKind | str | None = None,
        site_id: int | None = None,
        sort: str = "next_due",
        descending: bool = False,
    ) -> WorklistIds:
        """Every plan item of the files the user may see that belongs to list ``kind``
        on today's date (``domain.followup.worklist.classify``), as ids in the order
        asked (``sort``: next_due, name, exam, birth_date, last_done or practitioner — the
        owner's last name; then next due date, name, id).

        Filters: ``practitioner_id`` (the file's owner), ``exam``, ``site_id`` (the
        owner's structure). No clinical key needed: a secretary's list. Not logged.
        ValidationError ``worklist_horizon`` outside 0..104 weeks."""
        wanted = WorklistKind(kind)
        if sort not in WORKLIST_SORTS:
            raise ValueError(f"unknown sort {sort!r}")
        today = self.ctx.today()
        try:
            end = horizon_end(today, horizon_weeks)
        except ValueError:
            raise ValidationError(
                HORIZON_MESSAGE.format(maximum=104),
                code=ErrorCode.WORKLIST_HORIZON,
                field="horizon_weeks",
                maximum=104,
            ) from None
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            scope = PatientScope(uow, uow.actor)
            conditions: list[ColumnElement[bool]] = [PlanItem.next_due.is_not(None)]
            if wanted is WorklistKind.DUE_SOON:
                conditions += [PlanItem.next_due >= today, PlanItem.next_due <= end]
            elif wanted in (WorklistKind.OVERDUE, WorklistKind.LOST):
                conditions.append(PlanItem.next_due < today)
                if wanted is WorklistKind.LOST:
                    conditions.append(PlanItem.interval_months.is_not(None))
            else:
                conditions.append(PlanItem.next_due <= end)
            if exam is not None:
                conditions.append(PlanItem.exam == ExamKind(exam).value)
            if practitioner_id is not None:
                conditions.append(Patient.owner_id == practitioner_id)
            if site_id is not None:
                conditions.append(
                    Patient.owner_id.in_(select(User.id).where(User.structure_id == site_id))
                )
            owner_name = select(User.last_name).where(User.id == Patient.owner_id).scalar_subquery()
            order: tuple[Any, ...] = {
                "next_due": (PlanItem.next_due,),
                "name": (Patient.birth_name, Patient.first_names),
                "exam": (PlanItem.exam,),
                "birth_date": (Patient.birth_date,),
                "last_done": (PlanItem.last_done,),
                "practitioner": (owner_name,),
            }[sort]
            if descending:
                order = tuple(column.desc() for column in order)
            base = (
                select(PlanItem.id)
                .join(Patient, Patient.id == PlanItem.patient_id)
                .where(*conditions, *visible_patients(scope))
                .order_by(*order, PlanItem.next_due, Patient.birth_name, PlanItem.id)
            )
            connection = uow.session.connection()
            if wanted is WorklistKind.LOST:
                base = base.where(self._lost_condition(connection, today))
            if wanted is not WorklistKind.NOT_SCHEDULED:
                # the SQL conditions are the whole rule (classify's): ids only
                return WorklistIds(wanted, tuple(connection.execute(base).scalars()), today)
            rows = connection.execute(base.add_columns(PlanItem.patient_id, PlanItem.exam))
            scheduled = self._scheduled(uow, today)
            # overdue or due within the horizon, and no appointment to come for it
            ids = [
                item_id
                for item_id, patient_id, item_exam in rows
                if (patient_id, item_exam) not in scheduled
            ]
            return WorklistIds(wanted, tuple(ids), today)

    @staticmethod
    def _lost_condition(connection: Any, today: dt.date) -> Any:
        """``classify``'s "lost" rule in SQL: for each interval ``m`` in use, the last
        exam (or the first due date) before the earliest day ``r`` such that
        ``add_months(r, 2 m) >= today`` (month ends clamped as ``add_months`` does)."""
        intervals = connection.execute(
            select(PlanItem.interval_months).where(PlanItem.interval_months.is_not(None)).distinct()
        ).scalars()
        reference = func.coalesce(PlanItem.last_done, PlanItem.next_due)
        terms = [
            and_(PlanItem.interval_months == months, reference < _lost_cutoff(today, months))
            for months in intervals
        ]
        return or_(*terms) if terms else false()

    @staticmethod
    def _scheduled(
        uow: UnitOfWork, today: dt.date, patient_ids: Iterable[int] | None = None
    ) -> dict[tuple[int, str], dt.datetime]:
        """(patient, exam) -> the first booked or confirmed appointment from today."""
        query = select(Appointment.patient_id, Appointment.exam, Appointment.starts_at).where(
            Appointment.status.in_(("booked", "confirmed")),
            Appointment.starts_at >= dt.datetime.combine(today, dt.time()),
        )
        if patient_ids is not None:
            query = query.where(Appointment.patient_id.in_(list(patient_ids)))
        found: dict[tuple[int, str], dt.datetime] = {}
        for patient_id, exam, starts_at in uow.session.connection().execute(query):
            key = (patient_id, exam)
            if key not in found or starts_at < found[key]:
                found[key] = starts_at
        return found

    @reads
    def worklist_page(
        self, item_ids: Sequence[int], *, horizon_weeks: int = 8
    ) -> tuple[WorklistRow, ...]:
        """The rows of ``item_ids`` (at most 500, ValueError) in the order asked; items
        gone or of files no longer visible are left out. Not logged."""
        ids = list(item_ids)
        if len(ids) > MAX_PAGE_ROWS:
            raise ValueError(f"at most {MAX_PAGE_ROWS} rows per page")
        today = self.ctx.today()
        with self.ctx.unit_of_work() as uow:
            authorize(uow, uow.actor, Permission.MANAGE_APPOINTMENTS)
            if not ids:
                return ()
            scope = PatientScope(uow, uow.actor)
            query = (
                select(PlanItem, Patient)
                .join(Patient, Patient.id == PlanItem.patient_id)
                .where(PlanItem.id.in_(ids), *visible_patients(scope))
            )
            found = {item.id: (item, patient) for item, patient in uow.session.execute(query)}
            owners = self._user_names(uow, {patient.owner_id for _, patient in found.values()})
            scheduled = self._scheduled(uow, today, {p.id for _, p in found.values()})
            rows = []
            for item_id in ids:
                if item_id not in found:
                    continue
                item, patient = found[item_id]
                when = scheduled.get((patient.id, item.exam))
                rows.append(
                    WorklistRow(
                        item_id=item.id,
                        patient_id=patient.id,
                        patient_name=patient_display_name(patient),
                        birth_date=patient.birth_date,
                        owner_id=patient.owner_id,
                        owner_name=owners.get(patient.owner_id, ""),
                        exam=ExamKind(item.exam),
                        label=item.label,
                        next_due=item.next_due,
                        last_done=item.last_done,
                        interval_months=item.interval_months,
                        kinds=frozenset(
                            classify(
                                item,
                                today,
                                horizon_weeks=horizon_weeks,
                                scheduled_on=when.date() if when is not None else None,
                            )
                        ),
                        scheduled_on=when,
                    )
                )
            return tuple(rows)


def _lost_cutoff(today: dt.date, months: int) -> dt.date:
    """The earliest date ``r`` with ``add_months(r, 2 * months) >= today``: an item whose
    reference date is before it is lost to follow-up (``worklist.classify``)."""
    span = 2 * months
    day = add_months(today, -span)
    while add_months(day, span) < today:
        day += dt.timedelta(days=1)
    while add_months(day - dt.timedelta(days=1), span) >= today:
        day -= dt.timedelta(days=1)
    return day
