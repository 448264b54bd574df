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

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    Protocol,
    ProtocolChoice,
    ProtocolItem,
    item_from_dict,
    item_to_dict,
    validate_protocol,
)

__all__ = [
    "CUSTOM_PROTOCOL_KEY",
    "PLAN_SCHEMA_VERSION",
    "PerformedExam",
    "Plan",
    "PlanAdjustment",
    "PlanChange",
    "PlanChangeKind",
    "PlanInputs",
    "PlanItem",
    "PlanStatus",
    "SurgeryRecord",
    "add_months",
    "adjustment_from_dict",
    "adjustment_to_dict",
    "compute_plan",
    "date_at_age",
    "diff_plans",
    "plan_from_dict",
    "plan_to_dict",
    "select_protocols",
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


def validate_adjustment(
    adjustment: PlanAdjustment, item: ProtocolItem | None = None
) -> list[ValidationError]:
    """Every problem of ``adjustment``: a reason is required, something must change,
    and the resulting values follow the protocol rules (ages within 0..120, end age
    above start age, interval of at least one month). ``item``: the protocol item
    adjusted, to check the result against its own ages (an end age below its start
    age); without it, only the values given are checked. Problems of an added item
    have fields ``added.<name>``, the others the adjustment's field names."""
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
        for problem in validate_protocol(probe):
            problem.field = "added." + (problem.field or "").removeprefix("items[0].")
            problems.append(problem)
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
    if item is not None:
        applied = _apply_adjustments(item, [adjustment]).item
        probe_item = ProtocolItem(
            key="probe",
            exam=ExamKind.CLINICAL_EXAM,
            start_age=applied.start_age,
            end_age=applied.end_age,
            interval_months=applied.interval_months,
            fixed_ages=applied.fixed_ages,
        )
    else:
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


# --- dates ---------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, exactly: the same day of the month,
    or the month's last day when it has fewer days (31 March + 6 months = 30
    September, 29 February + 12 months = 28 February). Capped at ``date.max``."""
    total = day.year * 12 + day.month - 1 + months
    year, month_index = divmod(total, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    month = month_index + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def date_at_age(birth_date: dt.date, age: float) -> dt.date:
    """The day someone born on ``birth_date`` reaches ``age`` years (whole months)."""
    return add_months(birth_date, round(age * 12))


# --- protocol selection --------------------------------------------------------------------


def select_protocols(
    protocols: Iterable[Protocol],
    *,
    genes: Iterable[str],
    choice: ProtocolChoice,
    extra_protocols: Iterable[str] = (),
) -> tuple[Protocol, ...]:
    """The protocols that apply: in the version ``choice`` selects, the highest
    ``version`` of each key, brought by one of ``genes`` or selected by hand
    (``extra_protocols``, keys). In the order of ``protocols``."""
    wanted = {gene.strip().upper() for gene in genes}
    extra = set(extra_protocols)
    best: dict[str, Protocol] = {}
    order: list[str] = []
    for protocol in protocols:
        if not choice.applies(protocol):
            continue
        current = best.get(protocol.key)
        if current is None:
            order.append(protocol.key)
        if current is None or protocol.version > current.version:
            best[protocol.key] = protocol
    return tuple(best[key] for key in order if key in extra or wanted.intersection(best[key].genes))


# --- the engine ------------------------------------------------------------------------------


def _stopping_surgery(item: ProtocolItem, surgeries: Sequence[SurgeryRecord]) -> str | None:
    """The surgery code among ``item.stopped_by`` that stops it, if any was done.

    A mastectomy stops only when both sides are removed (one bilateral record, or a
    left and a right one); a salpingo-oophorectomy unless recorded as one-sided (a
    risk-reducing adnexectomy is bilateral by nature); other surgeries always.
    """
    for code in sorted(item.stopped_by):
        sides = {surgery.side for surgery in surgeries if surgery.code == code}
        if not sides:
            continue
        both = "bilateral" in sides or {"left", "right"} <= sides
        if code == "mastectomy":
            if both:
                return code
        elif code == "salpingo_oophorectomy":
            if both or "" in sides:
                return code
        else:
            return code
    return None


def _matches(done: PerformedExam, key: str, item: ProtocolItem) -> bool:
    if done.item_key is not None:
        return done.item_key == key
    if done.exam is None or done.exam != item.exam:
        return False
    if item.exam is ExamKind.OTHER:
        return done.label.strip().casefold() == item.label.strip().casefold()
    return True


def _fixed_schedule_next(
    dates: Sequence[dt.date], last: dt.date | None, interval: int | None
) -> dt.date | None:
    """Next due date of a fixed schedule (dates of the fixed ages, ascending).

    An exam done after the midpoint between two scheduled dates counts for the
    later one (for the first: half the gap to the second, or half the interval);
    the next due is the first scheduled date not yet counted for, then the last
    exam + the interval; ``None`` when the schedule is over without an interval.
    """
    if last is None:
        return dates[0]
    covered = -1
    for index, day in enumerate(dates):
        if index > 0:
            half = (day - dates[index - 1]) / 2
        elif len(dates) > 1:
            half = (dates[1] - day) / 2
        else:
            half = (add_months(day, interval or 12) - day) / 2
        if last >= day - half:
            covered = index
    if covered < len(dates) - 1:
        return dates[covered + 1]
    if interval is not None:
        return add_months(last, interval)
    return None


@dataclass(frozen=True)
class _Applied:
    """A protocol item with the patient's adjustments applied."""

    item: ProtocolItem
    adjusted: bool
    reason: str
    stopped: bool


def _apply_adjustments(item: ProtocolItem, adjustments: Sequence[PlanAdjustment]) -> _Applied:
    if not adjustments:
        return _Applied(item, False, "", False)
    stopped = False
    for adjustment in adjustments:
        changes: dict[str, object] = {}
        if adjustment.start_age is not None:
            changes["start_age"] = adjustment.start_age
            if item.fixed_ages and adjustment.start_age > item.fixed_ages[0]:
                changes["fixed_ages"] = tuple(
                    age for age in item.fixed_ages if age >= adjustment.start_age
                )
        if adjustment.remove_end_age:
            changes["end_age"] = None
        if adjustment.end_age is not None:
            changes["end_age"] = adjustment.end_age
        if adjustment.interval_months is not None:
            changes["interval_months"] = adjustment.interval_months
        item = replace(item, **changes)  # type: ignore[arg-type]
        stopped = stopped or adjustment.stopped
    reasons = dict.fromkeys(a.reason.strip() for a in adjustments if a.reason.strip())
    return _Applied(item, True, " ; ".join(reasons), stopped)


def _plan_item(
    *,
    protocol_key: str,
    protocol_version: int,
    applied: _Applied,
    inputs: PlanInputs,
    diagnosed_on: dt.date | None,
    today: dt.date,
) -> PlanItem:
    item = applied.item
    key = f"{protocol_key}:{item.key}"
    done = [
        exam.performed_on
        for exam in inputs.exams_done
        if exam.performed_on <= today and _matches(exam, key, item)
    ]
    last = max(done, default=None)
    start = date_at_age(inputs.birth_date, item.start_age)
    end = date_at_age(inputs.birth_date, item.end_age) if item.end_age is not None else None
    base = PlanItem(
        key=key,
        protocol_key=protocol_key,
        protocol_version=protocol_version,
        exam=item.exam,
        label=item.label,
        start_age=item.start_age,
        end_age=item.end_age,
        interval_months=item.interval_months,
        fixed_ages=item.fixed_ages,
        last_done=last,
        adjusted=applied.adjusted,
        adjustment_reason=applied.reason,
        to_confirm=item.to_confirm,
        note=item.note,
    )
    if inputs.death_date is not None:
        return replace(base, status=PlanStatus.DECEASED, stopped_reason="death")
    surgery = _stopping_surgery(item, inputs.surgeries)
    if surgery is not None:
        return replace(base, status=PlanStatus.STOPPED_BY_SURGERY, stopped_reason=surgery)
    if applied.stopped:
        return replace(base, status=PlanStatus.STOPPED_BY_ADJUSTMENT, stopped_reason="adjustment")

    status = PlanStatus.ACTIVE
    next_due: dt.date | None
    if item.fixed_ages:
        dates = [date_at_age(inputs.birth_date, age) for age in item.fixed_ages]
        next_due = _fixed_schedule_next(dates, last, item.interval_months)
        if next_due is None:
            status = PlanStatus.DONE
    elif item.interval_months is not None:
        if last is not None:
            next_due = max(add_months(last, item.interval_months), start)
        else:
            next_due = start
            if item.from_diagnosis:
                next_due = max(start, diagnosed_on or today)
    elif last is not None:
        next_due = None
        status = PlanStatus.PER_FINDINGS if item.repeat_per_findings else PlanStatus.DONE
    else:
        next_due = start
        if item.from_diagnosis:
            next_due = max(start, diagnosed_on or today)

    if next_due is not None and end is not None and (next_due >= end or today >= end):
        return replace(base, status=PlanStatus.ENDED, stopped_reason="end_age")
    if next_due is not None and today < start:
        status = PlanStatus.NOT_STARTED
    return replace(base, next_due=next_due, status=status)


def _applies_to_sex(item: ProtocolItem, sex: str) -> bool:
    # "I" (indeterminate): every item; the practitioner stops what does not apply.
    return sex == "I" or sex in item.sexes


def compute_plan(
    inputs: PlanInputs,
    protocols: Iterable[Protocol],
    choice: ProtocolChoice,
    today: dt.date,
) -> Plan:
    """The patient's plan on ``today`` (see the module's rules)."""
    genes = {gene.strip().upper() for gene in inputs.genes}
    gene_dates = {gene.strip().upper(): day for gene, day in inputs.gene_dates}
    selected = select_protocols(
        protocols, genes=genes, choice=choice, extra_protocols=inputs.extra_protocols
    )
    by_key: dict[str, list[PlanAdjustment]] = {}
    for adjustment in inputs.adjustments:
        by_key.setdefault(adjustment.target_key, []).append(adjustment)

    items: list[PlanItem] = []
    covered: set[str] = set()
    with_items: set[str] = set()
    for protocol in selected:
        its_genes = genes.intersection(protocol.genes)
        covered |= its_genes
        diagnosed = [gene_dates[gene] for gene in its_genes if gene in gene_dates]
        count = 0
        for item in protocol.items:
            if not _applies_to_sex(item, inputs.sex):
                continue
            key = f"{protocol.key}:{item.key}"
            applied = _apply_adjustments(item, by_key.get(key, ()))
            items.append(
                _plan_item(
                    protocol_key=protocol.key,
                    protocol_version=protocol.version,
                    applied=applied,
                    inputs=inputs,
                    diagnosed_on=min(diagnosed, default=None),
                    today=today,
                )
            )
            count += 1
        if count:
            with_items |= its_genes

    for adjustment in inputs.adjustments:
        if adjustment.added is None:
            continue
        added = adjustment.added
        key = adjustment.target_key
        if any(item.key == key for item in items) or not _applies_to_sex(added, inputs.sex):
            continue
        applied = _apply_adjustments(added, [a for a in by_key.get(key, ()) if a is not adjustment])
        reasons = dict.fromkeys(r for r in (adjustment.reason.strip(), applied.reason) if r)
        applied = replace(applied, adjusted=True, reason=" ; ".join(reasons))
        items.append(
            _plan_item(
                protocol_key=CUSTOM_PROTOCOL_KEY,
                protocol_version=0,
                applied=applied,
                inputs=inputs,
                diagnosed_on=None,
                today=today,
            )
        )

    present = {item.key for item in items}
    unused = sorted({key for key in by_key if key not in present})
    return Plan(
        items=tuple(items),
        protocol_versions=tuple(
            (protocol.key, protocol.variant or "", protocol.version) for protocol in selected
        ),
        genes_without_protocol=tuple(sorted(genes - covered)),
        genes_without_items=tuple(sorted(covered - with_items)),
        unused_adjustments=tuple(unused),
        computed_on=today,
    )


def diff_plans(old: Plan, new: Plan) -> list[PlanChange]:
    """What changed from ``old`` to ``new``, for the "plan updated" note: items added
    or removed, an item stopped (no exam to come any more) or resumed, its next due
    date moved, or its ages or interval changed with the same next due date. In
    the order of ``new``, removed items last."""
    changes: list[PlanChange] = []
    before = {item.key: item for item in old.items}
    after_keys = {item.key for item in new.items}
    for item in new.items:
        previous = before.get(item.key)
        if previous is None:
            changes.append(_change(PlanChangeKind.ADDED, None, item))
        elif previous.status.open and not item.status.open:
            changes.append(_change(PlanChangeKind.STOPPED, previous, item))
        elif not previous.status.open and item.status.open:
            changes.append(_change(PlanChangeKind.RESUMED, previous, item))
        elif previous.next_due != item.next_due:
            changes.append(_change(PlanChangeKind.NEXT_DUE_CHANGED, previous, item))
        elif _schedule(previous) != _schedule(item):
            changes.append(_change(PlanChangeKind.SCHEDULE_CHANGED, previous, item))
    for item in old.items:
        if item.key not in after_keys:
            changes.append(_change(PlanChangeKind.REMOVED, item, None))
    return changes


def _schedule(item: PlanItem) -> tuple[object, ...]:
    return (item.start_age, item.end_age, item.interval_months, item.fixed_ages)


def _change(kind: PlanChangeKind, old: PlanItem | None, new: PlanItem | None) -> PlanChange:
    either = new or old
    assert either is not None
    return PlanChange(
        kind=kind,
        key=either.key,
        exam=either.exam,
        label=either.label,
        old_next_due=old.next_due if old else None,
        new_next_due=new.next_due if new else None,
        old_status=old.status if old else None,
        new_status=new.status if new else None,
    )


# --- dict form of adjustments (storage) ------------------------------------------------------


def adjustment_to_dict(adjustment: PlanAdjustment) -> dict[str, object]:
    """``adjustment`` as a JSON-safe dict (``"schema"``: 1)."""
    return {
        "schema": 1,
        "item_key": adjustment.item_key,
        "reason": adjustment.reason,
        "start_age": adjustment.start_age,
        "end_age": adjustment.end_age,
        "remove_end_age": adjustment.remove_end_age,
        "interval_months": adjustment.interval_months,
        "stopped": adjustment.stopped,
        "added": item_to_dict(adjustment.added) if adjustment.added is not None else None,
    }


def adjustment_from_dict(data: object) -> PlanAdjustment:
    """The adjustment stored by :func:`adjustment_to_dict`; ValidationError
    ``protocol_data_invalid`` (``protocol_schema_too_new``) if it cannot be read."""

    def malformed(path: str) -> ValidationError:
        return ValidationError(
            f"L'ajustement enregistré ne peut pas être lu (champ « {path} »).",
            code=ErrorCode.PROTOCOL_DATA_INVALID,
            path=path,
        )

    if not isinstance(data, dict):
        raise malformed("")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise malformed("schema")
    if schema > 1:
        raise ValidationError(
            "Cet ajustement a été enregistré par une version plus récente de l'application.",
            code=ErrorCode.PROTOCOL_SCHEMA_TOO_NEW,
            schema=schema,
            supported=1,
        )

    def number(name: str) -> float | None:
        value = data.get(name)
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise malformed(name)
        return float(value)

    def flag(name: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise malformed(name)
        return value

    item_key, reason, interval = (
        data.get("item_key", ""),
        data.get("reason"),
        data.get("interval_months"),
    )
    if not isinstance(item_key, str):
        raise malformed("item_key")
    if not isinstance(reason, str):
        raise malformed("reason")
    if interval is not None and (not isinstance(interval, int) or isinstance(interval, bool)):
        raise malformed("interval_months")
    added = data.get("added")
    return PlanAdjustment(
        item_key=item_key,
        reason=reason,
        start_age=number("start_age"),
        end_age=number("end_age"),
        remove_end_age=flag("remove_end_age"),
        interval_months=interval,
        stopped=flag("stopped"),
        added=item_from_dict(added, "added.") if added is not None else None,
    )


# --- dict form of plans (storage) -------------------------------------------------------------

PLAN_SCHEMA_VERSION = 1


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def plan_to_dict(plan: Plan) -> dict[str, object]:
    """``plan`` as a JSON-safe dict (``"schema"``: :data:`PLAN_SCHEMA_VERSION`)."""
    return {
        "schema": PLAN_SCHEMA_VERSION,
        "computed_on": _iso(plan.computed_on),
        "protocol_versions": [list(entry) for entry in plan.protocol_versions],
        "genes_without_protocol": list(plan.genes_without_protocol),
        "genes_without_items": list(plan.genes_without_items),
        "unused_adjustments": list(plan.unused_adjustments),
        "items": [
            {
                "key": item.key,
                "protocol_key": item.protocol_key,
                "protocol_version": item.protocol_version,
                "exam": item.exam.value,
                "label": item.label,
                "start_age": item.start_age,
                "end_age": item.end_age,
                "interval_months": item.interval_months,
                "fixed_ages": list(item.fixed_ages),
                "next_due": _iso(item.next_due),
                "last_done": _iso(item.last_done),
                "status": item.status.value,
                "stopped_reason": item.stopped_reason,
                "adjusted": item.adjusted,
                "adjustment_reason": item.adjustment_reason,
                "to_confirm": item.to_confirm,
                "note": item.note,
            }
            for item in plan.items
        ],
    }


def plan_from_dict(data: object) -> Plan:
    """The plan stored by :func:`plan_to_dict`; ValidationError
    ``protocol_data_invalid`` or ``protocol_schema_too_new`` if it cannot be read."""

    def malformed(path: str) -> ValidationError:
        return ValidationError(
            f"Le plan enregistré ne peut pas être lu (champ « {path} »).",
            code=ErrorCode.PROTOCOL_DATA_INVALID,
            path=path,
        )

    if not isinstance(data, dict):
        raise malformed("")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise malformed("schema")
    if schema > PLAN_SCHEMA_VERSION:
        raise ValidationError(
            "Ce plan a été enregistré par une version plus récente de l'application.",
            code=ErrorCode.PROTOCOL_SCHEMA_TOO_NEW,
            schema=schema,
            supported=PLAN_SCHEMA_VERSION,
        )
    try:
        return Plan(
            items=tuple(_plan_item_from_dict(entry) for entry in data["items"]),
            protocol_versions=tuple(
                (str(key), str(variant), int(version))
                for key, variant, version in data["protocol_versions"]
            ),
            genes_without_protocol=tuple(str(g) for g in data["genes_without_protocol"]),
            genes_without_items=tuple(str(g) for g in data["genes_without_items"]),
            unused_adjustments=tuple(str(k) for k in data["unused_adjustments"]),
            computed_on=_date_or_none(data["computed_on"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise malformed(str(error)) from None


def _date_or_none(value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("date")
    return dt.date.fromisoformat(value)


def _optional_number(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError("number")
    return float(value)


def _plan_item_from_dict(entry: dict[str, object]) -> PlanItem:
    start_age = _optional_number(entry["start_age"])
    interval = entry["interval_months"]
    if start_age is None or not (interval is None or isinstance(interval, int)):
        raise TypeError("item")
    fixed = entry["fixed_ages"]
    if not isinstance(fixed, list):
        raise TypeError("fixed_ages")
    version = entry["protocol_version"]
    if not isinstance(version, int):
        raise TypeError("protocol_version")
    return PlanItem(
        key=str(entry["key"]),
        protocol_key=str(entry["protocol_key"]),
        protocol_version=version,
        exam=ExamKind(str(entry["exam"])),
        label=str(entry["label"]),
        start_age=start_age,
        end_age=_optional_number(entry["end_age"]),
        interval_months=interval,
        fixed_ages=tuple(float(age) for age in fixed),
        next_due=_date_or_none(entry["next_due"]),
        last_done=_date_or_none(entry["last_done"]),
        status=PlanStatus(str(entry["status"])),
        stopped_reason=str(entry["stopped_reason"]),
        adjusted=bool(entry["adjusted"]),
        adjustment_reason=str(entry["adjustment_reason"]),
        to_confirm=bool(entry["to_confirm"]),
        note=str(entry["note"]),
    )
