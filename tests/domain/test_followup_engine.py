"""The plan engine: dates, custom protocols, adjustments, versions, plan changes, properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.followup.engine import (
    PerformedExam,
    PlanAdjustment,
    PlanChangeKind,
    PlanInputs,
    PlanStatus,
    SurgeryRecord,
    add_months,
    adjustment_from_dict,
    adjustment_to_dict,
    compute_plan,
    date_at_age,
    diff_plans,
    plan_from_dict,
    plan_to_dict,
    validate_adjustment,
)
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    Protocol,
    ProtocolChoice,
    ProtocolItem,
)
from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS, seed_protocol

TODAY = dt.date(2026, 6, 15)
FR = ProtocolChoice()
ESGE = ProtocolChoice(lynch="esge", apc="esge", mutyh="esge")

TP53 = Protocol(
    key="tp53_li_fraumeni",
    name="TP53 (Li-Fraumeni) — protocole du centre",
    genes=("TP53",),
    custom=True,
    source_note="Protocole personnalisé du centre.",
    items=(
        ProtocolItem(
            key="whole_body_mri",
            exam=ExamKind.WHOLE_BODY_MRI,
            start_age=18,
            interval_months=12,
        ),
        ProtocolItem(key="brain_mri", exam=ExamKind.BRAIN_MRI, start_age=18, interval_months=12),
        ProtocolItem(
            key="breast_mri",
            exam=ExamKind.BREAST_MRI,
            sexes=frozenset({"F"}),
            start_age=20,
            end_age=66,
            interval_months=12,
            stopped_by=frozenset({"mastectomy"}),
        ),
    ),
)


def brca1_woman(**changes: object) -> PlanInputs:
    inputs = PlanInputs(sex="F", birth_date=dt.date(1985, 4, 10), genes=frozenset({"BRCA1"}))
    return dataclasses.replace(inputs, **changes)  # type: ignore[arg-type]


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), 6, dt.date(2026, 9, 30)),
        (dt.date(2026, 11, 15), 2, dt.date(2027, 1, 15)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2026, 5, 5), 0, dt.date(2026, 5, 5)),
    ],
)
def test_add_months_is_exact(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_fractional_ages_are_whole_months() -> None:
    assert date_at_age(dt.date(2014, 8, 31), 12.5) == dt.date(2027, 2, 28)
    assert date_at_age(dt.date(2000, 2, 29), 18) == dt.date(2018, 2, 28)


# --- genes, sexes, custom protocols ---------------------------------------------------------


def test_custom_tp53_protocol_gives_its_items() -> None:
    inputs = PlanInputs(sex="F", birth_date=dt.date(2000, 9, 1), genes=frozenset({"TP53"}))
    without = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    assert without.items == ()
    assert without.genes_without_protocol == ("TP53",)

    plan = compute_plan(inputs, (*SEED_PROTOCOLS, TP53), FR, TODAY)
    assert plan.genes_without_protocol == ()
    assert {item.key: item.next_due for item in plan.items} == {
        "tp53_li_fraumeni:whole_body_mri": dt.date(2018, 9, 1),
        "tp53_li_fraumeni:brain_mri": dt.date(2018, 9, 1),
        "tp53_li_fraumeni:breast_mri": dt.date(2020, 9, 1),
    }
    assert ("tp53_li_fraumeni", "", 1) in plan.protocol_versions


def test_custom_protocol_for_men_fills_the_brca2_gap() -> None:
    men = Protocol(
        key="brca2_men",
        name="BRCA2 — hommes (protocole du centre)",
        genes=("BRCA2",),
        custom=True,
        items=(
            ProtocolItem(
                key="clinical_exam",
                exam=ExamKind.CLINICAL_EXAM,
                sexes=frozenset({"M"}),
                start_age=50,
                interval_months=12,
            ),
        ),
    )
    man = PlanInputs(sex="M", birth_date=dt.date(1970, 7, 7), genes=frozenset({"BRCA2"}))
    plan = compute_plan(man, (*SEED_PROTOCOLS, men), FR, TODAY)
    assert plan.keys == ("brca2_men:clinical_exam",)
    assert plan.items[0].next_due == dt.date(2020, 7, 7)
    assert plan.genes_without_items == ()


def test_indeterminate_sex_gets_every_item() -> None:
    plan = compute_plan(brca1_woman(sex="I"), SEED_PROTOCOLS, FR, TODAY)
    assert len(plan.items) == len(seed_protocol("brca1").items)
    lynch = compute_plan(
        PlanInputs(sex="I", birth_date=dt.date(1990, 1, 1), genes=frozenset({"MSH2"})),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    assert "lynch_mlh1_msh2_epcam:gynaecological_exam" in lynch.keys


def test_gene_symbols_are_normalised_and_several_genes_combine() -> None:
    inputs = PlanInputs(
        sex="F", birth_date=dt.date(1980, 1, 1), genes=frozenset({" brca2", "MLH1", "PALB2"})
    )
    plan = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    assert {item.protocol_key for item in plan.items} == {"brca2", "lynch_mlh1_msh2_epcam"}
    assert plan.genes_without_protocol == ("PALB2",)


def test_items_hold_exams_and_dates_not_genes() -> None:
    plan = compute_plan(brca1_woman(), SEED_PROTOCOLS, FR, TODAY)
    for item in plan.items:
        for name in ("exam", "label", "note", "stopped_reason", "adjustment_reason"):
            assert "BRCA" not in str(getattr(item, name)).upper()


# --- performed exams ------------------------------------------------------------------------


def test_an_exam_tied_to_one_item_counts_for_that_item_only() -> None:
    inputs = PlanInputs(
        sex="F",
        birth_date=dt.date(1980, 1, 1),
        genes=frozenset({"BRCA2"}),
        extra_protocols=("has2014_high_risk",),
        exams_done=(
            PerformedExam(
                performed_on=dt.date(2026, 1, 10),
                exam=ExamKind.MAMMOGRAPHY,
                item_key="brca2:mammography",
            ),
        ),
    )
    plan = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    mammography = plan.item("brca2:mammography")
    high_risk = plan.item("has2014_high_risk:mammography")
    assert mammography is not None and high_risk is not None
    assert mammography.next_due == dt.date(2027, 1, 10)
    assert high_risk.last_done is None
    assert high_risk.next_due == dt.date(2020, 1, 1)


def test_an_exam_in_the_future_is_not_counted() -> None:
    inputs = brca1_woman(
        exams_done=(PerformedExam(performed_on=dt.date(2026, 7, 1), exam=ExamKind.BREAST_MRI),)
    )
    item = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY).item("brca1:breast_mri")
    assert item is not None and item.last_done is None


def test_an_exam_before_the_start_age_does_not_bring_the_start_forward() -> None:
    inputs = PlanInputs(
        sex="F",
        birth_date=dt.date(1998, 1, 1),
        genes=frozenset({"BRCA1"}),
        exams_done=(PerformedExam(performed_on=dt.date(2026, 2, 1), exam=ExamKind.BREAST_MRI),),
    )
    item = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY).item("brca1:breast_mri")
    assert item is not None
    assert item.next_due == dt.date(2028, 1, 1)
    assert item.status is PlanStatus.NOT_STARTED


def test_custom_exams_match_by_label() -> None:
    added = ProtocolItem(
        key="skin_check",
        exam=ExamKind.OTHER,
        label="Examen cutané",
        start_age=30,
        interval_months=12,
    )
    inputs = brca1_woman(
        adjustments=(PlanAdjustment(reason="naevus multiples", added=added),),
        exams_done=(
            PerformedExam(
                performed_on=dt.date(2026, 2, 2), exam=ExamKind.OTHER, label="examen cutané"
            ),
            PerformedExam(performed_on=dt.date(2026, 5, 2), exam=ExamKind.OTHER, label="autre"),
        ),
    )
    item = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY).item("custom:skin_check")
    assert item is not None
    assert item.last_done == dt.date(2026, 2, 2)
    assert item.next_due == dt.date(2027, 2, 2)
    assert item.adjusted and item.adjustment_reason == "naevus multiples"


# --- adjustments --------------------------------------------------------------------------


def test_an_adjustment_survives_recomputation() -> None:
    adjustment = PlanAdjustment(
        item_key="brca1:breast_mri", interval_months=6, reason="seins très denses"
    )
    first = compute_plan(
        brca1_woman(
            adjustments=(adjustment,),
            exams_done=(PerformedExam(performed_on=dt.date(2026, 1, 5), exam=ExamKind.BREAST_MRI),),
        ),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    # The file changes: an MRI is marked done, a one-sided surgery and a second gene added.
    second = compute_plan(
        brca1_woman(
            adjustments=(adjustment,),
            genes=frozenset({"BRCA1", "MLH1"}),
            surgeries=(SurgeryRecord(code="mastectomy", side="left"),),
            exams_done=(
                PerformedExam(performed_on=dt.date(2026, 1, 5), exam=ExamKind.BREAST_MRI),
                PerformedExam(performed_on=dt.date(2026, 6, 1), exam=ExamKind.BREAST_MRI),
            ),
        ),
        SEED_PROTOCOLS,
        ESGE,
        dt.date(2026, 6, 20),
    )
    for plan, due in ((first, dt.date(2026, 7, 5)), (second, dt.date(2026, 12, 1))):
        item = plan.item("brca1:breast_mri")
        assert item is not None
        assert (item.interval_months, item.adjusted, item.adjustment_reason) == (
            6,
            True,
            "seins très denses",
        )
        assert item.next_due == due


def test_adjusted_ages_and_lifted_end_age() -> None:
    inputs = PlanInputs(
        sex="F",
        birth_date=dt.date(1958, 3, 1),
        extra_protocols=("has2014_high_risk",),
        adjustments=(
            PlanAdjustment(
                item_key="has2014_high_risk:mammography",
                start_age=45,
                remove_end_age=True,
                reason="mère atteinte à 50 ans",
            ),
        ),
    )
    item = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY).item("has2014_high_risk:mammography")
    assert item is not None
    assert (item.start_age, item.end_age, item.status) == (45, None, PlanStatus.ACTIVE)
    assert item.next_due == dt.date(2003, 3, 1)


def test_an_adjustment_whose_item_left_the_plan_is_reported() -> None:
    adjustment = PlanAdjustment(item_key="brca1:breast_mri", interval_months=6, reason="dense")
    inputs = brca1_woman(genes=frozenset({"MLH1"}), adjustments=(adjustment,))
    plan = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    assert plan.unused_adjustments == ("brca1:breast_mri",)


def test_apc_per_findings_item_takes_the_interval_of_an_adjustment() -> None:
    inputs = PlanInputs(
        sex="M",
        birth_date=dt.date(2000, 1, 15),
        genes=frozenset({"APC"}),
        exams_done=(
            PerformedExam(performed_on=dt.date(2025, 3, 1), exam=ExamKind.UPPER_ENDOSCOPY),
        ),
    )
    plan = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    item = plan.item("apc:upper_endoscopy")
    assert item is not None and item.status is PlanStatus.PER_FINDINGS and item.next_due is None
    adjusted = compute_plan(
        dataclasses.replace(
            inputs,
            adjustments=(
                PlanAdjustment(
                    item_key="apc:upper_endoscopy", interval_months=36, reason="Spigelman I"
                ),
            ),
        ),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    ).item("apc:upper_endoscopy")
    assert adjusted is not None and adjusted.next_due == dt.date(2028, 3, 1)


def test_validate_adjustment() -> None:
    codes = [p.code for p in validate_adjustment(PlanAdjustment(item_key="a:b", reason=" "))]
    assert codes == [ErrorCode.PLAN_ADJUSTMENT_REASON, ErrorCode.PLAN_ADJUSTMENT_EMPTY]
    (problem,) = validate_adjustment(
        PlanAdjustment(item_key="a:b", interval_months=0, reason="test")
    )
    assert problem.code is ErrorCode.PROTOCOL_INTERVAL
    assert problem.field == "interval_months"
    assert "(0 mois)" in str(problem)
    assert validate_adjustment(PlanAdjustment(item_key="a:b", stopped=True, reason="fait")) == []
    bad_added = ProtocolItem(key="x", exam=ExamKind.OTHER, start_age=30)
    (label,) = validate_adjustment(PlanAdjustment(added=bad_added, reason="r"))
    assert (label.code, label.field) == (ErrorCode.PROTOCOL_ITEM_LABEL_REQUIRED, "added.label")
    mri = seed_protocol("brca1").item("breast_mri")
    assert mri is not None
    lowered_end = PlanAdjustment(item_key="brca1:breast_mri", end_age=25, reason="r")
    assert validate_adjustment(lowered_end) == []  # alone, 25 is a possible end age
    (problem,) = validate_adjustment(lowered_end, mri)  # but it precedes the start (30)
    assert (problem.code, problem.field) == (ErrorCode.PROTOCOL_END_BEFORE_START, "end_age")
    assert str(problem) == "L'âge de fin (25 ans) doit être supérieur à l'âge de début (30 ans)."


def test_adjustment_dict_round_trip() -> None:
    added = ProtocolItem(key="skin", exam=ExamKind.OTHER, label="Peau", start_age=30)
    for adjustment in (
        PlanAdjustment(item_key="brca1:breast_mri", interval_months=6, reason="dense"),
        PlanAdjustment(item_key="x:y", start_age=41.5, remove_end_age=True, reason="r"),
        PlanAdjustment(added=added, reason="ajout"),
    ):
        assert adjustment_from_dict(adjustment_to_dict(adjustment)) == adjustment
    with pytest.raises(Exception) as error:
        adjustment_from_dict({"schema": 1, "reason": 3})
    assert getattr(error.value, "code", None) is ErrorCode.PROTOCOL_DATA_INVALID


def test_plan_dict_round_trip() -> None:
    inputs = brca1_woman(
        genes=frozenset({"BRCA1", "MUTYH", "TP53"}),
        surgeries=(SurgeryRecord(code="mastectomy", side="bilateral"),),
        exams_done=(PerformedExam(performed_on=dt.date(2026, 1, 5), exam=ExamKind.COLONOSCOPY),),
        adjustments=(
            PlanAdjustment(item_key="mutyh:colonoscopy", interval_months=12, reason="polypes"),
            PlanAdjustment(item_key="apc:colonoscopy", interval_months=12, reason="ancien"),
        ),
    )
    plan = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    data = json.loads(json.dumps(plan_to_dict(plan)))
    assert plan_from_dict(data) == plan
    data["items"][0]["next_due"] = "2026-13-01"
    with pytest.raises(ValidationError) as error:
        plan_from_dict(data)
    assert error.value.code is ErrorCode.PROTOCOL_DATA_INVALID
    with pytest.raises(ValidationError) as newer:
        plan_from_dict({**data, "schema": 2})
    assert newer.value.code is ErrorCode.PROTOCOL_SCHEMA_TOO_NEW


# --- versions and choices ---------------------------------------------------------------


def test_the_highest_version_applies_and_is_recorded() -> None:
    brca1 = seed_protocol("brca1")
    mri = brca1.item("breast_mri")
    assert mri is not None
    newer = dataclasses.replace(
        brca1,
        version=2,
        items=tuple(
            dataclasses.replace(item, start_age=25) if item.key == "breast_mri" else item
            for item in brca1.items
        ),
    )
    plan = compute_plan(brca1_woman(), (*SEED_PROTOCOLS, newer), FR, TODAY)
    assert ("brca1", "", 2) in plan.protocol_versions
    item = plan.item("brca1:breast_mri")
    assert item is not None
    assert (item.protocol_version, item.next_due) == (2, dt.date(2010, 4, 10))


def test_changing_the_choice_keeps_item_keys() -> None:
    inputs = PlanInputs(sex="F", birth_date=dt.date(1995, 8, 8), genes=frozenset({"PMS2"}))
    french = compute_plan(inputs, SEED_PROTOCOLS, FR, TODAY)
    esge = compute_plan(inputs, SEED_PROTOCOLS, ESGE, TODAY)
    assert french.keys == esge.keys
    assert french.protocol_versions == (("lynch_msh6_pms2", "fr", 1),)
    assert esge.protocol_versions == (("lynch_msh6_pms2", "esge", 1),)
    (change,) = diff_plans(french, esge)
    assert change.kind is PlanChangeKind.NEXT_DUE_CHANGED
    assert (change.old_next_due, change.new_next_due) == (dt.date(2015, 8, 8), dt.date(2030, 8, 8))


# --- plan changes ---------------------------------------------------------------------------


def test_diff_plans_reports_each_kind_of_change() -> None:
    before = compute_plan(brca1_woman(), SEED_PROTOCOLS, FR, TODAY)
    assert diff_plans(before, before) == []

    after = compute_plan(
        brca1_woman(
            genes=frozenset({"MLH1"}),
            exams_done=(),
        ),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    kinds = {(c.kind, c.key) for c in diff_plans(before, after)}
    assert (PlanChangeKind.ADDED, "lynch_mlh1_msh2_epcam:colonoscopy") in kinds
    assert (PlanChangeKind.REMOVED, "brca1:breast_mri") in kinds

    operated = compute_plan(
        brca1_woman(surgeries=(SurgeryRecord(code="mastectomy", side="bilateral"),)),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    changes = {c.key: c for c in diff_plans(before, operated)}
    assert set(changes) == {
        "brca1:breast_mri",
        "brca1:mammography",
        "brca1:bilateral_mammography",
    }
    assert all(c.kind is PlanChangeKind.STOPPED for c in changes.values())
    assert changes["brca1:breast_mri"].new_status is PlanStatus.STOPPED_BY_SURGERY
    assert {c.kind for c in diff_plans(operated, before)} == {PlanChangeKind.RESUMED}

    done = compute_plan(
        brca1_woman(
            exams_done=(PerformedExam(performed_on=dt.date(2026, 6, 1), exam=ExamKind.BREAST_MRI),)
        ),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    (moved,) = diff_plans(before, done)
    assert (moved.kind, moved.key, moved.new_next_due) == (
        PlanChangeKind.NEXT_DUE_CHANGED,
        "brca1:breast_mri",
        dt.date(2027, 6, 1),
    )

    slower = compute_plan(
        brca1_woman(
            adjustments=(
                PlanAdjustment(
                    item_key="brca1:bilateral_mammography", interval_months=24, reason="r"
                ),
            )
        ),
        SEED_PROTOCOLS,
        FR,
        TODAY,
    )
    (schedule,) = diff_plans(before, slower)
    assert schedule.kind is PlanChangeKind.SCHEDULE_CHANGED


def test_a_salpingo_oophorectomy_on_one_side_does_not_stop_the_discussion() -> None:
    def rrso_status(*surgeries: SurgeryRecord) -> PlanStatus:
        plan = compute_plan(brca1_woman(surgeries=surgeries), SEED_PROTOCOLS, FR, TODAY)
        item = plan.item("brca1:rrso_discussion")
        assert item is not None
        return item.status

    assert rrso_status(SurgeryRecord("salpingo_oophorectomy", "left")) is PlanStatus.ACTIVE
    assert rrso_status(SurgeryRecord("salpingo_oophorectomy", "")) is PlanStatus.STOPPED_BY_SURGERY
    assert (
        rrso_status(
            SurgeryRecord("salpingo_oophorectomy", "left"),
            SurgeryRecord("salpingo_oophorectomy", "right"),
        )
        is PlanStatus.STOPPED_BY_SURGERY
    )


# --- properties -----------------------------------------------------------------------------

GENES = ("BRCA1", "BRCA2", "MLH1", "MSH6", "APC", "MUTYH", "TP53")


@st.composite
def plan_inputs(draw: st.DrawFn) -> tuple[PlanInputs, dt.date]:
    birth = draw(st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2025, 12, 31)))
    today = draw(st.dates(min_value=birth, max_value=dt.date(2060, 12, 31)))
    dead = draw(st.booleans())
    death = draw(st.dates(min_value=birth, max_value=today)) if dead else None
    done = draw(
        st.lists(
            st.tuples(st.sampled_from(list(ExamKind)), st.dates(min_value=birth, max_value=today)),
            max_size=6,
        )
    )
    surgeries = draw(
        st.lists(
            st.tuples(
                st.sampled_from(
                    ["mastectomy", "salpingo_oophorectomy", "hysterectomy", "colectomy"]
                ),
                st.sampled_from(["", "left", "right", "bilateral"]),
            ),
            max_size=2,
        )
    )
    inputs = PlanInputs(
        sex=draw(st.sampled_from(["F", "M", "I"])),
        birth_date=birth,
        death_date=death,
        genes=frozenset(draw(st.lists(st.sampled_from(GENES), max_size=3))),
        surgeries=tuple(SurgeryRecord(code, side) for code, side in surgeries),
        exams_done=tuple(PerformedExam(performed_on=day, exam=exam) for exam, day in done),
        extra_protocols=tuple(draw(st.lists(st.sampled_from(["has2014_high_risk"]), max_size=1))),
    )
    return inputs, today


@settings(max_examples=150, deadline=None)
@given(plan_inputs(), st.booleans())
def test_plan_properties(case: tuple[PlanInputs, dt.date], esge: bool) -> None:
    inputs, today = case
    choice = ESGE if esge else FR
    plan = compute_plan(inputs, SEED_PROTOCOLS, choice, today)
    assert plan == compute_plan(inputs, SEED_PROTOCOLS, choice, today)  # deterministic
    for item in plan.items:
        if inputs.death_date is not None:
            assert item.next_due is None and item.status is PlanStatus.DECEASED
        if item.next_due is None:
            assert not item.status.open
            continue
        assert item.status.open
        assert item.next_due >= inputs.birth_date
        assert item.next_due >= date_at_age(inputs.birth_date, item.start_age)
        if item.end_age is not None:
            assert item.next_due < date_at_age(inputs.birth_date, item.end_age)
        if item.last_done is not None:
            assert item.next_due > item.last_done
        assert (item.status is PlanStatus.NOT_STARTED) == (
            today < date_at_age(inputs.birth_date, item.start_age)
        )
