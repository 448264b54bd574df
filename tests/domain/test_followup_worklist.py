"""Worklist classification: due soon, overdue, not scheduled, lost to follow-up."""

from __future__ import annotations

import datetime as dt

import pytest

from oiso_desktop.domain.followup.engine import PerformedExam, PlanInputs, compute_plan
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import ProtocolChoice
from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS
from oiso_desktop.domain.followup.worklist import WorklistKind, classify, horizon_end

TODAY = dt.date(2026, 6, 15)
DUE_SOON, OVERDUE = WorklistKind.DUE_SOON, WorklistKind.OVERDUE
NOT_SCHEDULED, LOST = WorklistKind.NOT_SCHEDULED, WorklistKind.LOST


class Row:
    """A stored plan item as the services may hold it: only the attributes classify reads."""

    def __init__(
        self, next_due: dt.date | None, last_done: dt.date | None = None, interval: int | None = 12
    ) -> None:
        self.next_due = next_due
        self.last_done = last_done
        self.interval_months = interval


@pytest.mark.parametrize(
    ("row", "scheduled_on", "expected"),
    [
        (Row(TODAY), None, {DUE_SOON, NOT_SCHEDULED}),
        (Row(TODAY + dt.timedelta(weeks=4)), None, {DUE_SOON, NOT_SCHEDULED}),
        (Row(TODAY + dt.timedelta(weeks=4, days=1)), None, set()),
        (Row(TODAY + dt.timedelta(days=10)), TODAY + dt.timedelta(days=9), {DUE_SOON}),
        (Row(TODAY - dt.timedelta(days=1)), None, {OVERDUE, NOT_SCHEDULED}),
        (Row(TODAY - dt.timedelta(days=1)), TODAY, {OVERDUE}),
        # a past appointment that led to no exam marked done: not scheduled any more
        (
            Row(TODAY - dt.timedelta(days=20)),
            TODAY - dt.timedelta(days=3),
            {OVERDUE, NOT_SCHEDULED},
        ),
        (Row(None, dt.date(2020, 1, 1)), None, set()),
    ],
)
def test_due_soon_overdue_not_scheduled(
    row: Row, scheduled_on: dt.date | None, expected: set[WorklistKind]
) -> None:
    assert classify(row, TODAY, horizon_weeks=4, scheduled_on=scheduled_on) == expected


def test_lost_after_two_intervals_without_an_exam() -> None:
    # last exam 15 June 2024, every 12 months: due 15 June 2025, lost after 15 June 2026
    row = Row(dt.date(2025, 6, 15), last_done=dt.date(2024, 6, 15), interval=12)
    assert LOST not in classify(row, dt.date(2026, 6, 15), horizon_weeks=4)
    assert classify(row, dt.date(2026, 6, 16), horizon_weeks=4) == {OVERDUE, NOT_SCHEDULED, LOST}
    # a booked appointment does not make the patient less lost
    assert LOST in classify(
        row, dt.date(2026, 6, 16), horizon_weeks=4, scheduled_on=dt.date(2026, 7, 1)
    )


def test_lost_when_never_performed_counts_from_the_first_due_date() -> None:
    row = Row(dt.date(2022, 3, 1), interval=24)
    assert LOST not in classify(row, dt.date(2026, 3, 1), horizon_weeks=4)
    assert LOST in classify(row, dt.date(2026, 3, 2), horizon_weeks=4)


def test_once_held_items_are_never_lost() -> None:
    row = Row(dt.date(2000, 1, 1), interval=None)
    assert classify(row, TODAY, horizon_weeks=4) == {OVERDUE, NOT_SCHEDULED}


def test_horizon_bounds() -> None:
    assert horizon_end(TODAY, 0) == TODAY
    assert classify(Row(TODAY), TODAY, horizon_weeks=0) == {DUE_SOON, NOT_SCHEDULED}
    with pytest.raises(ValueError):
        classify(Row(TODAY), TODAY, horizon_weeks=-1)
    with pytest.raises(ValueError):
        horizon_end(TODAY, 105)


def test_classify_plan_items_of_the_engine() -> None:
    inputs = PlanInputs(
        sex="F",
        birth_date=dt.date(1985, 4, 10),
        genes=frozenset({"BRCA1"}),
        exams_done=(
            PerformedExam(performed_on=dt.date(2025, 7, 1), exam=ExamKind.BREAST_MRI),
            PerformedExam(performed_on=dt.date(2023, 1, 10), exam=ExamKind.MAMMOGRAPHY),
            PerformedExam(performed_on=dt.date(2026, 2, 1), exam=ExamKind.CLINICAL_BREAST_EXAM),
        ),
    )
    plan = compute_plan(inputs, SEED_PROTOCOLS, ProtocolChoice(), TODAY)
    kinds = {
        item.key: classify(item, TODAY, horizon_weeks=6, scheduled_on=None) for item in plan.items
    }
    assert kinds == {
        "brca1:clinical_breast_exam": set(),  # due 1 August 2026, beyond 6 weeks
        "brca1:breast_mri": {DUE_SOON, NOT_SCHEDULED},  # due 1 July 2026
        "brca1:mammography": {OVERDUE, NOT_SCHEDULED, LOST},  # due 10 January 2024
        "brca1:bilateral_mammography": set(),  # from 65
        "brca1:rrso_discussion": {OVERDUE, NOT_SCHEDULED},  # held once, due at 40
    }
