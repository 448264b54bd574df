"""Worklist classification of plan items (the secretaries' lists, DESIGN.md §5).

Pure: :func:`classify` reads an item's dates (``next_due``, ``last_done``,
``interval_months``: a :class:`~.engine.PlanItem` or any stored row with those
attributes) and the date of its next appointment, and says which lists it
belongs to on ``today``. Definitions (``horizon`` = ``today`` + ``horizon_weeks``
weeks):

* ``OVERDUE``: ``next_due < today`` (the due date has passed and no exam was
  performed since: performing one moves ``next_due``).
* ``DUE_SOON``: ``today <= next_due <= horizon``.
* ``NOT_SCHEDULED``: overdue or due soon, and no upcoming appointment
  (``scheduled_on`` is ``None`` or before ``today``: a past appointment that did
  not lead to an exam marked done does not count).
* ``LOST`` (lost to follow-up, "no exam for 2 intervals"): overdue, the item has
  an interval, and ``today > reference + 2 × interval`` where ``reference`` is the
  last performed exam or, when none was performed, the date the item first fell
  due (its ``next_due``). Items held once have no interval and are never lost:
  they stay overdue.

An item with no ``next_due`` (stopped, ended, done, deceased) belongs to no list.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Protocol

from oiso_desktop.domain.followup.engine import add_months

__all__ = ["MAX_HORIZON_WEEKS", "Schedulable", "WorklistKind", "classify", "horizon_end"]

#: The longest "due in the next N weeks" horizon (two years).
MAX_HORIZON_WEEKS = 104


class WorklistKind(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NOT_SCHEDULED = "not_scheduled"
    LOST = "lost"


class Schedulable(Protocol):
    """What :func:`classify` reads of an item."""

    @property
    def next_due(self) -> dt.date | None: ...

    @property
    def last_done(self) -> dt.date | None: ...

    @property
    def interval_months(self) -> int | None: ...


def horizon_end(today: dt.date, horizon_weeks: int) -> dt.date:
    """The last day of the "due in the next ``horizon_weeks`` weeks" window."""
    if not 0 <= horizon_weeks <= MAX_HORIZON_WEEKS:
        raise ValueError(f"horizon_weeks must be within 0..{MAX_HORIZON_WEEKS}")
    return today + dt.timedelta(weeks=horizon_weeks)


def classify(
    item: Schedulable,
    today: dt.date,
    *,
    horizon_weeks: int,
    scheduled_on: dt.date | None = None,
) -> set[WorklistKind]:
    """The lists ``item`` belongs to on ``today`` (see the module's definitions).

    ``scheduled_on``: the date of the item's next appointment (booked or
    confirmed), if any. ValueError for a horizon outside 0..104 weeks.
    """
    end = horizon_end(today, horizon_weeks)
    due = item.next_due
    kinds: set[WorklistKind] = set()
    if due is None:
        return kinds
    if due < today:
        kinds.add(WorklistKind.OVERDUE)
        interval = item.interval_months
        if interval is not None:
            reference = item.last_done or due
            if today > add_months(reference, 2 * interval):
                kinds.add(WorklistKind.LOST)
    elif due <= end:
        kinds.add(WorklistKind.DUE_SOON)
    if kinds and (scheduled_on is None or scheduled_on < today):
        kinds.add(WorklistKind.NOT_SCHEDULED)
    return kinds
