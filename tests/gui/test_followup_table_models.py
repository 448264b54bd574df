"""The Suivi tab's table models, without widgets: due-date badges, remarks, texts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from oiso_desktop.domain.followup.appointments import AppointmentStatus
from oiso_desktop.domain.followup.engine import PlanStatus
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.gui.followup_table_models import (
    AppointmentTableModel,
    PlanItemTableModel,
)
from oiso_desktop.services.appointment_service import AppointmentView
from oiso_desktop.services.followup_service import PlanItemView

TODAY = dt.date(2026, 3, 2)


def item(item_id: int, next_due: dt.date | None, **extra: object) -> PlanItemView:
    values: dict[str, object] = {
        "id": item_id,
        "patient_id": 1,
        "exam": ExamKind.BREAST_MRI,
        "label": "",
        "start_age": 30.0,
        "end_age": 65.0,
        "interval_months": 12,
        "fixed_ages": (),
        "next_due": next_due,
        "last_done": None,
        "status": PlanStatus.ACTIVE if next_due else PlanStatus.STOPPED_BY_SURGERY,
        "adjusted": False,
        "to_confirm": False,
        "version": 1,
    }
    values.update(extra)
    return PlanItemView(**values)  # type: ignore[arg-type]


def test_badges_follow_the_worklist_rules(qapp) -> None:
    model = PlanItemTableModel()
    rows = [
        item(1, TODAY - dt.timedelta(days=10)),  # overdue
        item(2, TODAY - dt.timedelta(days=800)),  # more than 2 intervals: lost
        item(3, TODAY + dt.timedelta(days=20)),  # due within 8 weeks
        item(4, TODAY + dt.timedelta(days=200)),  # later
        item(5, None),  # stopped by surgery
    ]
    model.set_plan(rows, today=TODAY, scheduled={3: TODAY + dt.timedelta(days=15)})
    assert [model.badge(row) for row in rows] == [
        WorklistKind.OVERDUE,
        WorklistKind.LOST,
        WorklistKind.DUE_SOON,
        None,
        None,
    ]
    status = PlanItemTableModel.COL_STATUS
    assert [model.index(r, status).data() for r in range(5)] == [
        "En retard",
        "Perdu de vue",
        "À échéance proche",
        "En cours",
        "Arrêté par la chirurgie",
    ]
    assert model.index(4, PlanItemTableModel.COL_NEXT).data() == "—"
    assert model.index(2, PlanItemTableModel.COL_REMARKS).data() == "rendez-vous le 17/03/2026"
    assert model.index(0, PlanItemTableModel.COL_NEXT).data(Qt.ItemDataRole.BackgroundRole)
    assert model.index(3, PlanItemTableModel.COL_NEXT).data(Qt.ItemDataRole.BackgroundRole) is None


def test_texts_of_ages_schedules_and_remarks(qapp) -> None:
    model = PlanItemTableModel()
    rows = [
        item(1, TODAY, fixed_ages=(20.0, 25.0, 30.0), interval_months=24, end_age=None),
        item(2, TODAY, to_confirm=True, adjusted=True, adjustment_reason="Seins denses"),
        item(3, TODAY, adjusted=True, interval_months=None, exam=ExamKind.OTHER, label="Gastro"),
    ]
    model.set_plan(rows, today=TODAY)
    cell = lambda r, c: model.index(r, c).data()  # noqa: E731
    assert cell(0, 1) == "à partir de 30 ans"
    assert cell(0, 2) == "à 20, 25, 30 ans, puis tous les 2 ans"
    assert cell(1, 6) == "à confirmer · ajusté : Seins denses"
    assert (cell(2, 0), cell(2, 2), cell(2, 6)) == ("Gastro", "une fois", "ajusté")
    assert model.header_label(PlanItemTableModel.COL_NEXT) == "Prochaine échéance"


def test_the_appointments(qapp) -> None:
    model = AppointmentTableModel()
    view = AppointmentView(
        id=7,
        patient_id=1,
        patient_name="LEFÈVRE Hélène",
        exam="colonoscopy",
        plan_item_id=None,
        starts_at=dt.datetime(2026, 3, 9, 14, 30),
        duration_minutes=30,
        place="Hôpital Nord",
        practitioner_id=2,
        practitioner_name="Claire Dubois",
        status=AppointmentStatus.MISSED,
        note="",
        rescheduled_from_id=None,
        created_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        version=1,
        access=PatientAccess.WRITE,
    )
    model.set_rows([view])
    assert [model.index(0, c).data() for c in range(6)] == [
        "09/03/2026",
        "14:30",
        "Coloscopie avec chromoendoscopie",
        "Hôpital Nord",
        "Claire Dubois",
        "Manqué",
    ]
