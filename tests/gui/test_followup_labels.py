"""The follow-up labels: every domain code has one, translated into French."""

from __future__ import annotations

import pytest

from oiso_desktop.domain.followup.appointments import AppointmentStatus, ConflictKind
from oiso_desktop.domain.followup.engine import PlanChangeKind, PlanStatus
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import VARIANTS
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.gui.followup_labels import (
    APPOINTMENT_STATUS_LABELS,
    CONFLICT_LABELS,
    EXAM_LABELS,
    LABEL_TABLES,
    PLAN_CHANGE_LABELS,
    PLAN_STATUS_LABELS,
    VARIANT_LABELS,
    WORKLIST_LABELS,
    appointment_status_label,
    exam_label,
    followup_label,
    plan_status_label,
    variant_label,
    worklist_label,
)


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (EXAM_LABELS, set(ExamKind)),
        (PLAN_STATUS_LABELS, set(PlanStatus)),
        (PLAN_CHANGE_LABELS, set(PlanChangeKind)),
        (WORKLIST_LABELS, set(WorklistKind)),
        (APPOINTMENT_STATUS_LABELS, set(AppointmentStatus)),
        (CONFLICT_LABELS, set(ConflictKind)),
        (VARIANT_LABELS, {"", *VARIANTS}),
    ],
)
def test_every_code_has_a_label(table, codes) -> None:
    assert set(table) == {str(code) for code in codes}
    assert table in LABEL_TABLES.values()


def test_the_labels_are_french() -> None:
    assert exam_label(ExamKind.BREAST_MRI) == "IRM mammaire"
    assert exam_label("other", "Gastroscopie") == "Gastroscopie"
    assert exam_label(ExamKind.BREAST_MRI, "ignored") == "IRM mammaire"
    assert plan_status_label(PlanStatus.STOPPED_BY_SURGERY) == "Arrêté par la chirurgie"
    assert worklist_label(WorklistKind.LOST) == "Perdu de vue"
    assert appointment_status_label(AppointmentStatus.MISSED) == "Manqué"
    assert variant_label("esge") == "ESGE"
    assert variant_label(None) == "Version unique"
    assert followup_label(EXAM_LABELS, "unknown_code") == "unknown_code"
    for context, table in LABEL_TABLES.items():
        for code in table:
            assert followup_label(table, code), (context, code)
