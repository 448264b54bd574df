"""The surveillance plan through the service: computed from the forms as saved (the
save hook), read by a secretary without the clinical key and without the gene,
performed exams and adjustments (who, bad input, survival across recomputations),
protocols as versioned data, the structure's French/ESGE choice, worklists by role,
reminders from a worklist selection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from service_helpers import RPPS_DURAND, Clock, Team, identity
from sqlalchemy import select

from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from oiso_desktop.domain.family import Age
from oiso_desktop.domain.followup.engine import PlanChangeKind, PlanStatus, add_months
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import Protocol, ProtocolChoice, ProtocolItem
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.personal_history import PersonalHistory, RiskReducingSurgery
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import UserInput
from oiso_desktop.services.followup_service import _lost_cutoff
from oiso_desktop.storage.models import Event, FollowupProtocol, PerformedExam, PlanItem
from oiso_desktop.storage.uow import UnitOfWork

BIRTH = dt.date(1990, 5, 10)


def genetics(gene: str, acmg_class: int = 5) -> Genetics:
    return Genetics(
        tests=(
            GeneticTest(
                id="t1",
                kind="panel",
                date=dt.date(2024, 3, 12),
                laboratory="Laboratoire Kerdoc",
                genes=(gene,),
                status="result_received",
            ),
        ),
        variants=(Variant(gene=gene, hgvs_c="c.68_69del", acmg_class=acmg_class, test_id="t1"),),
    )


def logged(session: UserSession, action: str) -> list[dict[str, object]]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = uow.session.query(Event).filter(Event.action == action).order_by(Event.id)
        return [json.loads(row.details) for row in rows]


def by_exam(view, exam: ExamKind):  # type: ignore[no-untyped-def]
    (item,) = [item for item in view.items if item.exam is exam]
    return item


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    admin = team.login("admin")
    (structure,) = admin.users.list_structures()
    user = admin.users.get_user(team.ids["p.durand"])
    admin.users.update_user(
        user.id,
        UserInput(
            login=user.login,
            first_name=user.first_name,
            last_name=user.last_name,
            role=Role.PRACTITIONER,
            rpps=RPPS_DURAND,
            structure_id=structure.id,
        ),
        expected_version=user.version,
    )
    admin.logout()
    return session


@pytest.fixture
def carrier(durand: UserSession) -> int:
    """A woman born in 1990 carrying a BRCA1 class 5 variant (saved: the plan follows)."""
    patient = durand.patients.create(
        identity(birth_date=BIRTH, address="3 rue Pasteur", postal_code="69007", city="Lyon")
    )
    durand.forms.save(patient.id, "genetics", genetics("BRCA1"), expected_version=0)
    return patient.id


def test_saving_the_genetics_form_computes_the_plan_with_its_note(
    durand: UserSession, carrier: int
) -> None:
    plan = durand.followup.plan(carrier)
    assert plan.clinical
    mri = by_exam(plan, ExamKind.BREAST_MRI)
    assert mri.key == "brca1:breast_mri" and mri.protocol_key == "brca1"
    assert mri.protocol_version == 1
    assert (mri.start_age, mri.end_age, mri.interval_months) == (30, 65, 12)
    assert mri.next_due == dt.date(2020, 5, 10)  # the start age: overdue
    assert by_exam(plan, ExamKind.CLINICAL_BREAST_EXAM).next_due == dt.date(2010, 5, 10)
    assert ("brca1", 1) in plan.protocol_versions
    assert plan.update is not None
    assert {change.kind for change in plan.update.changes} == {PlanChangeKind.ADDED}
    durand.followup.acknowledge_update(carrier)
    assert durand.followup.plan(carrier).update is None
    # recomputing with nothing new changes nothing
    assert durand.followup.recompute_plan(carrier).changes == ()


def test_a_secretary_reads_the_plan_without_gene_nor_clinical_key(
    team: Team, durand: UserSession, carrier: int
) -> None:
    secretary = team.login("s.leroy")
    plan = secretary.followup.plan(carrier)
    assert not plan.clinical and plan.performed == ()
    clinical = durand.followup.plan(carrier)
    assert [(i.exam, i.next_due, i.status) for i in plan.items] == [
        (i.exam, i.next_due, i.status) for i in clinical.items
    ]
    assert all(i.key is None and i.protocol_key is None for i in plan.items)
    assert "BRCA" not in repr(plan).upper()
    # nothing in the clear columns of the plan names the gene
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        for row in uow.session.execute(select(PlanItem.__table__)).all():
            for value in row:
                assert "brca" not in str(value).lower()


def test_a_secretarys_calls_for_genetic_data_are_refused(
    team: Team, durand: UserSession, carrier: int
) -> None:
    secretary = team.login("s.leroy")
    key = by_exam(durand.followup.plan(carrier), ExamKind.BREAST_MRI).key
    assert key is not None
    calls = [
        lambda: secretary.forms.get(carrier, "genetics"),
        lambda: secretary.followup.protocols(),
        lambda: secretary.followup.protocol("brca1"),
        lambda: secretary.followup.recompute_plan(carrier),
        lambda: secretary.followup.adjust_item(carrier, key, reason="r", interval_months=6),
        lambda: secretary.followup.mark_done(carrier, key, dt.date(2026, 1, 5)),
        lambda: secretary.followup.choice(),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        team.login("p.bernard").followup.plan(carrier)
    with pytest.raises(PermissionDenied):
        team.login("admin").followup.plan(carrier)


def test_an_exam_marked_done_moves_the_next_due_date(
    team: Team, durand: UserSession, carrier: int, clock: Clock
) -> None:
    today = clock.now.astimezone().date()
    done_on = today - dt.timedelta(days=10)
    update = durand.followup.mark_done(carrier, "brca1:breast_mri", done_on, "Pas d'anomalie")
    assert [c.kind for c in update.changes] == [PlanChangeKind.NEXT_DUE_CHANGED]
    plan = durand.followup.plan(carrier)
    mri = by_exam(plan, ExamKind.BREAST_MRI)
    assert (mri.last_done, mri.next_due) == (done_on, add_months(done_on, 12))
    (performed,) = plan.performed
    assert (performed.result_summary, performed.recorded_by) == ("Pas d'anomalie", "Paul Durand")
    events = logged(durand, "exam_done")
    assert events == [{"performed_exam_id": performed.id}]
    # the result summary is stored encrypted
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        raw = uow.session.execute(select(PerformedExam.__table__)).all()
        assert b"anomalie" not in b"".join(
            value if isinstance(value, bytes) else str(value).encode() for value in raw[0]
        )
    # a secretary sees the date, never the result
    assert team.login("s.leroy").followup.plan(carrier).performed == ()


@pytest.mark.parametrize(
    ("day", "code", "words"),
    [
        (dt.date(2026, 3, 20), ErrorCode.EXAM_DONE_FUTURE, "dans le futur"),
        (dt.date(1989, 1, 1), ErrorCode.EXAM_DONE_BEFORE_BIRTH, "avant la naissance"),
    ],
)
def test_an_exam_done_in_the_future_or_before_birth_is_refused_and_changes_nothing(
    durand: UserSession, carrier: int, day: dt.date, code: ErrorCode, words: str
) -> None:
    before = durand.followup.plan(carrier)
    with pytest.raises(ValidationError) as refused:
        durand.followup.mark_done(carrier, "brca1:breast_mri", day)
    assert refused.value.code == code and words in str(refused.value)
    after = durand.followup.plan(carrier)
    assert after.items == before.items and after.performed == ()
    assert logged(durand, "exam_done") == []


def test_an_adjustment_needs_a_practitioner_and_a_reason_and_survives_recomputation(
    team: Team, durand: UserSession, carrier: int
) -> None:
    with pytest.raises(ValidationError) as no_reason:
        durand.followup.adjust_item(carrier, "brca1:breast_mri", reason=" ", interval_months=6)
    assert no_reason.value.code == ErrorCode.PLAN_ADJUSTMENT_REASON
    with pytest.raises(ValidationError) as zero:
        durand.followup.adjust_item(carrier, "brca1:breast_mri", reason="r", interval_months=0)
    assert zero.value.code == ErrorCode.PROTOCOL_INTERVAL
    durand.sharing.share(carrier, team.ids["c.petit"], "write")
    team.login("c.petit").logout()
    durand.clinical_key.approve(team.ids["c.petit"])
    with pytest.raises(PermissionDenied):
        team.login("c.petit").followup.adjust_item(
            carrier, "brca1:breast_mri", reason="Dense", interval_months=6
        )
    update = durand.followup.adjust_item(
        carrier, "brca1:breast_mri", reason="Seins denses, avis RCP", start_age=25
    )
    assert [c.key for c in update.changes] == ["brca1:breast_mri"]
    mri = by_exam(durand.followup.plan(carrier), ExamKind.BREAST_MRI)
    assert mri.adjusted and mri.adjustment_reason == "Seins denses, avis RCP"
    assert mri.next_due == dt.date(2015, 5, 10)
    # the genetics form saved again: the adjustment is still applied
    form = durand.forms.get(carrier, "genetics")
    durand.forms.save(
        carrier,
        "genetics",
        dataclasses.replace(genetics("BRCA1"), variants=genetics("BRCA1").variants * 1),
        expected_version=form.version,
    )
    assert durand.followup.recompute_plan(carrier).changes == ()
    assert by_exam(durand.followup.plan(carrier), ExamKind.BREAST_MRI).start_age == 25
    added = durand.followup.add_item(
        carrier,
        ProtocolItem(key="dermato", exam=ExamKind.DERMATOLOGY_CONSULTATION, start_age=30),
        reason="Naevus multiples",
    )
    assert [c.key for c in added.changes] == ["custom:dermato"]
    assert [e["added"] for e in logged(durand, "plan_adjusted")] == [False, True]
    assert "Seins" not in json.dumps(logged(durand, "plan_adjusted"))


def test_a_bilateral_mastectomy_stops_breast_imaging(durand: UserSession, carrier: int) -> None:
    history = PersonalHistory(
        surgeries=(
            RiskReducingSurgery(kind="mastectomy", side="bilateral", date=dt.date(2025, 6, 1)),
        )
    )
    durand.forms.save(carrier, "history", history, expected_version=0)
    plan = durand.followup.plan(carrier)
    mri = by_exam(plan, ExamKind.BREAST_MRI)
    assert mri.status is PlanStatus.STOPPED_BY_SURGERY and mri.next_due is None
    assert plan.update is not None
    assert any(c.kind is PlanChangeKind.STOPPED for c in plan.update.changes)


def test_protocols_are_versioned_data_edited_by_a_practitioner_with_a_reason(
    team: Team, durand: UserSession
) -> None:
    protocols = durand.followup.protocols()
    keys = {(view.key, view.variant) for view in protocols}
    assert {
        ("brca1", ""),
        ("lynch_mlh1_msh2_epcam", "fr"),
        ("lynch_mlh1_msh2_epcam", "esge"),
    } <= keys
    brca1 = durand.followup.protocol("brca1")
    assert brca1.version == 1 and brca1.current and brca1.protocol.source_note
    assert brca1.protocol.to_confirm  # the "(to confirm)" marks of REFERENCE.md
    changed = dataclasses.replace(
        brca1.protocol,
        items=tuple(
            dataclasses.replace(item, interval_months=12)
            if item.key == "clinical_breast_exam"
            else item
            for item in brca1.protocol.items
        ),
    )
    with pytest.raises(ValidationError) as no_reason:
        durand.followup.save_protocol(changed, "")
    assert no_reason.value.code == ErrorCode.PROTOCOL_REASON_REQUIRED
    bad = dataclasses.replace(
        changed,
        items=(dataclasses.replace(changed.items[0], start_age=40, end_age=30),)
        + changed.items[1:],
    )
    with pytest.raises(ValidationError) as refused:
        durand.followup.save_protocol(bad, "Essai")
    assert refused.value.code == ErrorCode.PROTOCOL_END_BEFORE_START
    assert "doit être supérieur" in str(refused.value)
    zero = dataclasses.replace(
        changed,
        items=(dataclasses.replace(changed.items[0], interval_months=0),) + changed.items[1:],
    )
    with pytest.raises(ValidationError):
        durand.followup.save_protocol(zero, "Essai")
    assert durand.followup.protocol("brca1").version == 1  # nothing saved
    saved = durand.followup.save_protocol(changed, "INCa 2017 : annuel avant 30 ans")
    assert (saved.version, saved.current, saved.created_by) == (2, True, "Paul Durand")
    versions = [v.version for v in durand.followup.protocols(all_versions=True) if v.key == "brca1"]
    assert versions == [1, 2]
    assert logged(durand, "protocol_changed") == [
        {"key": "brca1", "variant": "", "version": 2, "custom": False}
    ]
    team.login("c.petit").logout()
    durand.clinical_key.approve(team.ids["c.petit"])
    counsellor = team.login("c.petit")
    assert counsellor.followup.protocol("brca1").version == 2  # counsellors read them
    with pytest.raises(PermissionDenied):
        counsellor.followup.save_protocol(changed, "Essai")


def test_a_custom_protocol_brings_a_gene_without_default_into_the_plan(
    durand: UserSession,
) -> None:
    tp53 = Protocol(
        key="tp53_custom",
        name="TP53 (Li-Fraumeni) — protocole local",
        genes=("TP53",),
        source_note="Protocole local, RCP du 12/01/2026",
        items=(
            ProtocolItem(
                key="whole_body_mri", exam=ExamKind.WHOLE_BODY_MRI, start_age=18, interval_months=12
            ),
        ),
    )
    view = durand.followup.save_protocol(tp53, "Pas de protocole par défaut pour TP53")
    assert view.protocol.custom and view.version == 1
    patient = durand.patients.create(identity(birth_name="Roux", birth_date=BIRTH))
    durand.forms.save(patient.id, "genetics", genetics("TP53"), expected_version=0)
    (item,) = durand.followup.plan(patient.id).items
    assert (item.exam, item.key, item.next_due) == (
        ExamKind.WHOLE_BODY_MRI,
        "tp53_custom:whole_body_mri",
        dt.date(2008, 5, 10),
    )


def test_the_structure_chooses_esge_for_lynch(team: Team, durand: UserSession) -> None:
    patient = durand.patients.create(identity(birth_name="Blanc", birth_date=BIRTH))
    durand.forms.save(patient.id, "genetics", genetics("MLH1"), expected_version=0)
    colonoscopy = by_exam(durand.followup.plan(patient.id), ExamKind.COLONOSCOPY)
    assert colonoscopy.start_age == 20
    choice, version = durand.followup.choice()
    assert (choice, version) == (ProtocolChoice(), 0)
    with pytest.raises(ValidationError):
        durand.followup.set_choice(ProtocolChoice(lynch="usa"), expected_version=0)
    _, version = durand.followup.set_choice(ProtocolChoice(lynch="esge"), expected_version=0)
    assert version == 1
    assert logged(durand, "followup_choice_changed") == [{"changed": {"lynch": "esge"}}]
    update = durand.followup.recompute_plan(patient.id)
    assert update.changes
    colonoscopy = by_exam(durand.followup.plan(patient.id), ExamKind.COLONOSCOPY)
    assert colonoscopy.start_age == 25
    with pytest.raises(ConcurrentEditError):  # a stale version
        durand.followup.set_choice(ProtocolChoice(), expected_version=0)


def test_worklists_by_role_with_filters_and_reminders(
    team: Team, durand: UserSession, carrier: int, clock: Clock
) -> None:
    secretary = team.login("s.leroy")
    overdue = secretary.followup.worklist(WorklistKind.OVERDUE)
    rows = secretary.followup.worklist_page(overdue.ids)
    assert {row.patient_id for row in rows} == {carrier}
    assert {row.exam for row in rows} >= {ExamKind.BREAST_MRI, ExamKind.MAMMOGRAPHY}
    assert all(WorklistKind.OVERDUE in row.kinds for row in rows)
    assert [row.next_due for row in rows] == sorted(row.next_due for row in rows)
    lost = secretary.followup.worklist(WorklistKind.LOST)
    assert set(lost.ids) <= set(overdue.ids) and lost.ids
    # the SQL of the list and the domain's classify agree
    assert set(lost.ids) == {r.item_id for r in rows if WorklistKind.LOST in r.kinds}
    assert team.login("p.bernard").followup.worklist(WorklistKind.OVERDUE).ids == ()
    only_mri = secretary.followup.worklist(WorklistKind.OVERDUE, exam=ExamKind.BREAST_MRI)
    assert [r.exam for r in secretary.followup.worklist_page(only_mri.ids)] == [ExamKind.BREAST_MRI]
    assert (
        secretary.followup.worklist(WorklistKind.OVERDUE, practitioner_id=team.ids["p.bernard"]).ids
        == ()
    )

    # booking the MRI takes it off the "not scheduled" list
    not_scheduled = secretary.followup.worklist(WorklistKind.NOT_SCHEDULED)
    mri_id = only_mri.ids[0]
    assert mri_id in not_scheduled.ids
    day = clock.now.astimezone().date() + dt.timedelta(days=5)
    secretary.appointments.book(
        AppointmentInput(
            patient_id=carrier,
            exam="breast_mri",
            starts_at=dt.datetime.combine(day, dt.time(10, 0)),
            duration_minutes=30,
            place="Radiologie",
            practitioner_id=team.ids["p.durand"],
            plan_item_id=mri_id,
        )
    )
    assert mri_id not in secretary.followup.worklist(WorklistKind.NOT_SCHEDULED).ids
    other = durand.patients.create(identity(birth_name="Autre")).id
    with pytest.raises(NotFound):  # a plan item of another file
        secretary.appointments.book(
            AppointmentInput(
                patient_id=other,
                exam="breast_mri",
                starts_at=dt.datetime.combine(day, dt.time(11, 0)),
                duration_minutes=30,
                place="Radiologie",
                practitioner_id=team.ids["p.durand"],
                plan_item_id=mri_id,
            )
        )
    (row,) = secretary.followup.worklist_page([mri_id])
    assert row.scheduled_on == dt.datetime.combine(day, dt.time(10, 0))

    # due soon: an exam done today comes back in 12 months
    today = clock.now.astimezone().date()
    durand.followup.mark_done(carrier, "brca1:mammography", today)
    assert durand.followup.worklist(WorklistKind.DUE_SOON, horizon_weeks=4).ids == ()
    soon = durand.followup.worklist(WorklistKind.DUE_SOON, horizon_weeks=60)
    assert [r.exam for r in durand.followup.worklist_page(soon.ids)] == [ExamKind.MAMMOGRAPHY]
    with pytest.raises(ValidationError) as horizon:
        durand.followup.worklist(WorklistKind.DUE_SOON, horizon_weeks=500)
    assert horizon.value.code == ErrorCode.WORKLIST_HORIZON

    # reminders from a worklist selection: one page per item, the due date
    batch = secretary.followup_letters.letters("reminder", list(lost.ids[:2]))
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(batch.pdf)).pages]
    assert len(texts) == len(lost.ids[:2])
    assert all("Hélène LEFÈVRE" in text and "Prévu depuis le" in text for text in texts)
    assert all("BRCA" not in text for text in texts)


def test_an_age_from_the_history_surgery_counts(durand: UserSession, carrier: int) -> None:
    history = PersonalHistory(
        surgeries=(RiskReducingSurgery(kind="salpingo_oophorectomy", age=Age.exact(34)),)
    )
    durand.forms.save(carrier, "history", history, expected_version=0)
    rrso = by_exam(durand.followup.plan(carrier), ExamKind.RRSO_DISCUSSION)
    assert rrso.status is PlanStatus.STOPPED_BY_SURGERY


@pytest.mark.parametrize("months", [1, 6, 12, 24])
def test_the_lost_cutoff_is_classifys_rule_on_every_day(months: int) -> None:
    for today in (dt.date(2026, 3, 31), dt.date(2026, 2, 28), dt.date(2024, 2, 29)):
        cutoff = _lost_cutoff(today, months)
        for offset in range(-5, 6):
            reference = cutoff + dt.timedelta(days=offset)
            assert (reference < cutoff) == (today > add_months(reference, 2 * months))


def test_a_plan_that_cannot_be_computed_never_blocks_saving_a_form(
    durand: UserSession, carrier: int
) -> None:
    before = durand.followup.plan(carrier).items
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        uow.session.add(
            FollowupProtocol(key="brca1", variant="", version=2, name="Abîmé", body="{}")
        )
        uow.commit()
    history = PersonalHistory(
        surgeries=(RiskReducingSurgery(kind="mastectomy", side="bilateral", date=BIRTH),)
    )
    saved = durand.forms.save(carrier, "history", history, expected_version=0)
    assert saved.revision == 1
    assert durand.followup.plan(carrier).items == before
    with pytest.raises(ValidationError) as unreadable:
        durand.followup.recompute_plan(carrier)
    assert unreadable.value.code == ErrorCode.PROTOCOL_DATA_INVALID


def test_protocols_selected_by_hand_for_a_woman_without_a_variant(
    team: Team, durand: UserSession
) -> None:
    patient = durand.patients.create(identity(birth_date=BIRTH)).id
    assert durand.followup.plan(patient).items == ()
    assert durand.followup.selected_protocols(patient) == ()
    update = durand.followup.select_protocols(patient, ["has2014_high_risk"])
    assert update.changes
    assert durand.followup.selected_protocols(patient) == ("has2014_high_risk",)
    plan = durand.followup.plan(patient)
    assert {item.protocol_key for item in plan.items} == {"has2014_high_risk"}
    clinical = by_exam(plan, ExamKind.CLINICAL_EXAM)
    assert (clinical.start_age, clinical.interval_months) == (20, 12)
    assert logged(durand, "plan_adjusted")[-1] == {"selected": 1}
    with pytest.raises(NotFound):
        durand.followup.select_protocols(patient, ["no_such_protocol"])
    assert durand.followup.selected_protocols(patient) == ("has2014_high_risk",)

    # a counsellor with write access reads the selection but may not change it
    durand.sharing.share(patient, team.ids["c.petit"], "write")
    team.login("c.petit").logout()
    durand.clinical_key.approve(team.ids["c.petit"])
    counsellor = team.login("c.petit")
    assert counsellor.followup.selected_protocols(patient) == ("has2014_high_risk",)
    with pytest.raises(PermissionDenied):
        counsellor.followup.select_protocols(patient, [])
    # a secretary neither reads nor changes it
    secretary = team.login("s.leroy")
    for call in (
        lambda: secretary.followup.selected_protocols(patient),
        lambda: secretary.followup.select_protocols(patient, []),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert durand.followup.selected_protocols(patient) == ("has2014_high_risk",)

    # unselected: its exams leave the plan
    durand.followup.select_protocols(patient, [])
    assert durand.followup.selected_protocols(patient) == ()
    assert durand.followup.plan(patient).items == ()
