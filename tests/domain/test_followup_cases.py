"""Runs the hand-written cases of ``data/followup_cases.json`` against the engine.

The cases were written from REFERENCE.md before the engine, independently of
its code: each gives the inputs, the chosen variants and, per plan item key, the
expected next due date and status.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from oiso_desktop.domain.followup.engine import (
    PerformedExam,
    PlanAdjustment,
    PlanInputs,
    SurgeryRecord,
    compute_plan,
)
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import ProtocolChoice, ProtocolItem
from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS

DATA = json.loads((Path(__file__).parent / "data" / "followup_cases.json").read_text("utf-8"))
TODAY = dt.date.fromisoformat(DATA["today"])
CASES = DATA["cases"]


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _item(data: dict[str, Any]) -> ProtocolItem:
    return ProtocolItem(
        key=data["key"],
        exam=ExamKind(data["exam"]),
        label=data.get("label", ""),
        sexes=frozenset(data.get("sexes", ["F", "M"])),
        start_age=data["start_age"],
        end_age=data.get("end_age"),
        interval_months=data.get("interval_months"),
    )


def _adjustment(data: dict[str, Any]) -> PlanAdjustment:
    return PlanAdjustment(
        item_key=data.get("item_key", ""),
        reason=data["reason"],
        start_age=data.get("start_age"),
        end_age=data.get("end_age"),
        interval_months=data.get("interval_months"),
        stopped=data.get("stopped", False),
        added=_item(data["added"]) if "added" in data else None,
    )


def inputs_of(data: dict[str, Any]) -> PlanInputs:
    birth_date = _day(data["birth_date"])
    assert birth_date is not None
    return PlanInputs(
        sex=data["sex"],
        birth_date=birth_date,
        death_date=_day(data.get("death_date")),
        genes=frozenset(data.get("genes", [])),
        gene_dates=tuple(
            (gene, dt.date.fromisoformat(day)) for gene, day in data.get("gene_dates", {}).items()
        ),
        surgeries=tuple(
            SurgeryRecord(code=s["code"], side=s.get("side", ""), date=_day(s.get("date")))
            for s in data.get("surgeries", [])
        ),
        exams_done=tuple(
            PerformedExam(
                performed_on=dt.date.fromisoformat(e["performed_on"]),
                exam=ExamKind(e["exam"]) if "exam" in e else None,
                item_key=e.get("item_key"),
            )
            for e in data.get("exams_done", [])
        ),
        adjustments=tuple(_adjustment(a) for a in data.get("adjustments", [])),
        extra_protocols=tuple(data.get("extra_protocols", [])),
    )


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    plan = compute_plan(
        inputs_of(case["inputs"]),
        SEED_PROTOCOLS,
        ProtocolChoice(**case.get("choice", {})),
        TODAY,
    )
    got = {
        item.key: [item.next_due.isoformat() if item.next_due else None, item.status.value]
        for item in plan.items
    }
    expected = case["items"]
    if case.get("exact"):
        assert got == expected
    else:
        assert {key: got.get(key) for key in expected} == expected
    if "genes_without_protocol" in case:
        assert list(plan.genes_without_protocol) == case["genes_without_protocol"]
    if "genes_without_items" in case:
        assert list(plan.genes_without_items) == case["genes_without_items"]
