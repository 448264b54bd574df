"""Pure rules of issue 10: departed users' files, access-alert windows."""

from __future__ import annotations

import datetime as dt

import pytest

from oiso_desktop.domain.retention import (
    FileState,
    FileStep,
    archive_date,
    bursts,
    deletion_date,
    departed_file_step,
    off_hours_period,
    years_after,
)

LEFT = dt.datetime(2026, 3, 2, 9, 0)
DAY = dt.timedelta(days=1)


def _step(
    now: dt.datetime, *, shared: bool = False, departed: bool = True, state: str = "active"
) -> FileStep:
    return departed_file_step(
        owner_departed=departed, departed_at=LEFT, shared=shared, state=state, now=now
    )


def test_calendar_years_clamp_the_29th_of_february() -> None:
    assert years_after(dt.datetime(2028, 2, 29, 8), 1) == dt.datetime(2029, 2, 28, 8)
    assert (archive_date(LEFT), deletion_date(LEFT)) == (
        dt.datetime(2027, 3, 2, 9),
        dt.datetime(2028, 3, 2, 9),
    )


def test_unshared_files_kept_then_archived_then_deleted() -> None:
    archive, deletion = archive_date(LEFT), deletion_date(LEFT)
    assert _step(archive - DAY) is FileStep.NONE
    assert _step(archive) is FileStep.ARCHIVE
    assert _step(archive, state="archived") is FileStep.NONE
    assert _step(deletion - DAY, state="archived") is FileStep.NONE
    assert _step(deletion, state="archived") is FileStep.DELETE
    assert _step(deletion) is FileStep.DELETE  # a job that did not run for a year


@pytest.mark.parametrize("shared, departed", [(True, True), (False, False), (True, False)])
def test_shared_or_owned_by_someone_active_stays_and_comes_back(
    shared: bool, departed: bool
) -> None:
    later = deletion_date(LEFT) + DAY
    assert _step(later, shared=shared, departed=departed) is FileStep.NONE
    assert _step(later, shared=shared, departed=departed, state="archived") is FileStep.RESTORE


def test_a_file_being_deleted_is_finished_whatever_else() -> None:
    assert _step(LEFT, state=FileState.DELETING, shared=True) is FileStep.DELETE


def test_bursts_are_greedy_windows() -> None:
    start = dt.datetime(2026, 3, 10, 10)
    moments = [(start + dt.timedelta(minutes=i), i % 3) for i in range(12)]
    window = dt.timedelta(minutes=5)
    assert bursts(moments, window=window, threshold=6, distinct=False) == [
        (start, start + dt.timedelta(minutes=5), 6),
        (start + dt.timedelta(minutes=6), start + dt.timedelta(minutes=11), 6),
    ]
    assert bursts(moments, window=window, threshold=4, distinct=True) == []


@pytest.mark.parametrize(
    "local, period",
    [
        ("2026-03-10 12:00", None),  # Tuesday noon
        ("2026-03-10 20:59", None),
        ("2026-03-10 21:00", ("2026-03-10 21:00", "2026-03-11 07:00")),
        ("2026-03-11 06:59", ("2026-03-10 21:00", "2026-03-11 07:00")),
        ("2026-03-11 07:00", None),
        ("2026-03-13 22:00", ("2026-03-13 21:00", "2026-03-16 07:00")),  # Friday night
        ("2026-03-14 12:00", ("2026-03-13 21:00", "2026-03-16 07:00")),  # Saturday
        ("2026-03-16 06:00", ("2026-03-13 21:00", "2026-03-16 07:00")),  # Monday dawn
        ("2026-03-16 07:00", None),
    ],
)
def test_off_hours_periods(local: str, period: tuple[str, str] | None) -> None:
    expected = (
        None
        if period is None
        else (dt.datetime.fromisoformat(period[0]), dt.datetime.fromisoformat(period[1]))
    )
    assert off_hours_period(dt.datetime.fromisoformat(local)) == expected


def test_a_restricted_file_is_archived_but_never_deleted_by_the_rules() -> None:
    """Restriction (patient rights) freezes the file: storage only, no deletion."""
    archive, deletion = archive_date(LEFT), deletion_date(LEFT)

    def restricted(now: dt.datetime, state: str = "active") -> FileStep:
        return departed_file_step(
            owner_departed=True,
            departed_at=LEFT,
            shared=False,
            state=state,
            now=now,
            restricted=True,
        )

    assert restricted(archive - DAY) is FileStep.NONE
    assert restricted(archive) is FileStep.ARCHIVE
    assert restricted(deletion, state="archived") is FileStep.NONE
    assert restricted(deletion) is FileStep.ARCHIVE  # a job that did not run for a year
