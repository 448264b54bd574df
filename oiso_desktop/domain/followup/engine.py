"""The plan engine: protocols + the patient's file -> the surveillance plan.

Pure and deterministic: ``today`` is a parameter, nothing is read from the clock.
:func:`compute_plan` takes :class:`PlanInputs` (sex, birth and death dates, the
genes carrying a pathogenic variant, risk-reducing surgeries, performed exams,
the practitioners' adjustments, protocols selected by hand) and returns a
:class:`Plan`: one :class:`PlanItem` per applicable protocol item, with its next
due date. :func:`diff_plans` lists what changed between two plans (the "plan
updated" note).

Rules (REFERENCE.md "Surveillance protocols", and the choices made where it is
silent):

* Protocols apply by gene (any of ``Protocol.genes`` among ``PlanInputs.genes``),
  in the version :class:`~.protocols.ProtocolChoice` selects, or by hand
  (``extra_protocols``). Of several versions of one protocol, the highest applies.
* An item applies to the sexes it names. A patient of sex "I" (indeterminate)
  gets every item: the practitioner stops those that do not apply (adjustment).
  REFERENCE.md has no row for men carrying BRCA1/BRCA2: their plan is empty
  unless a custom protocol exists; ``Plan.genes_without_items`` names such genes
  (and ``Plan.genes_without_protocol`` the genes no protocol covers) so that the
  screen can suggest a custom protocol.
* The date of an age is the birthday (months added exactly: someone born on 29
  February turns 30 on 28 February of a common year); fractional ages are whole
  months (``round(age * 12)``).
* Next due date: the last performed exam + the interval, never before the start
  age; none performed: the start age (a date in the past means overdue). A fixed
  schedule (MUTYH: 20, 25, 30, then every 24 months): an exam done after the
  midpoint between two scheduled ages counts for the later one; the next due is
  the first scheduled age not yet covered, then the last exam + the interval.
  A once-held item (a discussion) is done by any performed exam of it.
* Nothing is due at or after the end age (status ``ended``); after a matching
  risk-reducing surgery (``stopped_by_surgery``); after death (``deceased``).
* Adjustments (start/end age, interval, stop, or an added item, always with a
  reason) are inputs: they are applied at every computation, so they survive it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    Protocol,
    ProtocolItem,
    validate_protocol,
)

__all__ = [
    "CUSTOM_PROTOCOL_KEY",
    "PerformedExam",
    "Plan",
    "PlanAdjustment",
    "PlanChange",
    "PlanChangeKind",
    "PlanInputs",
    "PlanItem",
    "PlanStatus",
    "SurgeryRecord",
    "validate_adjustment",
]

#: Protocol key of the items a practitioner added to one patient's plan.
CUSTOM_PROTOCOL_KEY = "custom"


@dataclass(frozen=True)
class SurgeryRecord:
    """A risk-reducing surgery of the file: ``code`` of ``SURGERY_KINDS``, ``side``
    ("", "left", "right", "bilateral"), when (date and/or age in years) if known."""

    code: str
    side: str = ""
    date: dt.date | None = None
    age: float | None = None


@dataclass(frozen=True)
class PerformedExam:
    """An exam marked done on ``performed_on``.

    ``item_key`` (``"protocol_key:item_key"``) ties it to one plan item; without
    it, the exam counts for every item of the same ``exam`` kind (and, for
    ``ExamKind.OTHER``, the same ``label``).
    """

    performed_on: dt.date
    exam: ExamKind | None = None
    item_key: str | None = None
    label: str = ""


@dataclass(frozen=True, kw_only=True)
class PlanAdjustment:
    """A practitioner's change to one patient's plan, with its reason.

    ``item_key`` names the plan item (``"protocol_key:item_key"``); ``start_age``,
    ``end_age``, ``interval_months`` override the protocol's values when not
    ``None``; ``remove_end_age`` lifts the end age; ``stopped`` stops the item.
    ``added`` is a new item for this patient only: its plan key is then
    ``"custom:<added.key>"`` and ``item_key`` is ignored.
    """

    item_key: str = ""
    reason: str
    start_age: float | None = None
    end_age: float | None = None
    remove_end_age: bool = False
    interval_months: int | None = None
    stopped: bool = False
    added: ProtocolItem | None = None

    @property
    def target_key(self) -> str:
        """The plan item key this adjustment applies to."""
        if self.added is not None:
            return f"{CUSTOM_PROTOCOL_KEY}:{self.added.key}"
        return self.item_key


@dataclass(frozen=True, kw_only=True)
class PlanInputs:
    """What the engine reads from the file (see the module's rules).

    ``genes``: upper-case symbols with a pathogenic (class 4/5) variant;
    ``gene_dates``: when each was reported (items "at diagnosis"); ``surgeries``:
    risk-reducing surgeries; ``extra_protocols``: protocol keys selected by hand.
    """

    sex: str
    birth_date: dt.date
    death_date: dt.date | None = None
    genes: frozenset[str] = frozenset()
    gene_dates: tuple[tuple[str, dt.date], ...] = ()
    surgeries: tuple[SurgeryRecord, ...] = ()
    exams_done: tuple[PerformedExam, ...] = ()
    adjustments: tuple[PlanAdjustment, ...] = ()
    extra_protocols: tuple[str, ...] = ()


class PlanStatus(StrEnum):
    NOT_STARTED = "not_started"  # the start age is ahead: next_due is its date
    ACTIVE = "active"  # due on next_due (in the past: overdue)
    DONE = "done"  # a once-held item that was held
    PER_FINDINGS = "per_findings"  # the next interval depends on the findings
    ENDED = "ended"  # the next exam would fall at or after the end age
    STOPPED_BY_SURGERY = "stopped_by_surgery"
    STOPPED_BY_ADJUSTMENT = "stopped_by_adjustment"
    DECEASED = "deceased"

    @property
    def open(self) -> bool:
        """An exam is still to come (``next_due`` is set)."""
        return self in (PlanStatus.NOT_STARTED, PlanStatus.ACTIVE)


@dataclass(frozen=True, kw_only=True)
class PlanItem:
    """One exam of a patient's plan. Exams and dates only: no gene, no variant.

    ``key`` is ``"protocol_key:item_key"``. ``start_age``, ``end_age``,
    ``interval_months`` are the values applied (after adjustment). ``next_due``
    is ``None`` when nothing is due any more (see ``status``, ``stopped_reason``).
    """

    key: str
    protocol_key: str
    protocol_version: int
    exam: ExamKind
    label: str = ""
    start_age: float
    end_age: float | None = None
    interval_months: int | None = None
    fixed_ages: tuple[float, ...] = ()
    next_due: dt.date | None = None
    last_done: dt.date | None = None
    status: PlanStatus = PlanStatus.ACTIVE
    stopped_reason: str = ""  # surgery code, "death", "adjustment", "end_age"
    adjusted: bool = False
    adjustment_reason: str = ""
    to_confirm: bool = False
    note: str = ""

    @property
    def item_key(self) -> str:
        return self.key.split(":", 1)[1]


@dataclass(frozen=True, kw_only=True)
class Plan:
    """A computed plan.

    ``protocol_versions``: ``(key, variant or "", version)`` of every protocol
    applied; ``genes_without_protocol``: genes of the inputs no protocol covers;
    ``genes_without_items``: genes whose protocols have no item for this patient's
    sex (a man carrying BRCA2); ``unused_adjustments``: keys of adjustments whose
    item is no longer in the plan.
    """

    items: tuple[PlanItem, ...] = ()
    protocol_versions: tuple[tuple[str, str, int], ...] = ()
    genes_without_protocol: tuple[str, ...] = ()
    genes_without_items: tuple[str, ...] = ()
    unused_adjustments: tuple[str, ...] = ()
    computed_on: dt.date | None = None

    def item(self, key: str) -> PlanItem | None:
        return next((item for item in self.items if item.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)


class PlanChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    NEXT_DUE_CHANGED = "next_due_changed"
    SCHEDULE_CHANGED = "schedule_changed"  # ages or interval, same next due date
    STOPPED = "stopped"  # no exam to come any more
    RESUMED = "resumed"  # an exam to come again


@dataclass(frozen=True, kw_only=True)
class PlanChange:
    kind: PlanChangeKind
    key: str
    exam: ExamKind
    label: str = ""
    old_next_due: dt.date | None = None
    new_next_due: dt.date | None = None
    old_status: PlanStatus | None = None
    new_status: PlanStatus | None = None


def validate_adjustment(adjustment: PlanAdjustment) -> list[ValidationError]:
    """Every problem of ``adjustment``: a reason is required, something must change,
    and the resulting values follow the protocol rules (ages within 0..120, end age
    above start age when both are given, interval of at least one month)."""
    problems: list[ValidationError] = []
    if not adjustment.reason.strip():
        problems.append(
            ValidationError(
                "Indiquez le motif de cette modification du plan.",
                code=ErrorCode.PLAN_ADJUSTMENT_REASON,
                field="reason",
            )
        )
    if adjustment.added is not None:
        probe = Protocol(key="custom", name="custom", manual_only=True, items=(adjustment.added,))
        problems += validate_protocol(probe)
        return problems
    changes = (
        adjustment.start_age is not None
        or adjustment.end_age is not None
        or adjustment.remove_end_age
        or adjustment.interval_months is not None
        or adjustment.stopped
    )
    if not changes:
        problems.append(
            ValidationError(
                "La modification du plan ne change rien : ajustez un âge, l'intervalle, ou "
                "arrêtez l'examen.",
                code=ErrorCode.PLAN_ADJUSTMENT_EMPTY,
            )
        )
        return problems
    probe_item = ProtocolItem(
        key="probe",
        exam=ExamKind.CLINICAL_EXAM,
        start_age=adjustment.start_age if adjustment.start_age is not None else 0.0,
        end_age=adjustment.end_age,
        interval_months=adjustment.interval_months,
    )
    probe = Protocol(key="custom", name="custom", manual_only=True, items=(probe_item,))
    for problem in validate_protocol(probe):
        problem.field = (problem.field or "").removeprefix("items[0].") or None
        problems.append(problem)
    return problems
