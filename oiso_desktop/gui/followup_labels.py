"""Translated labels of the follow-up codes: exams, plan statuses, worklists, appointments.

Shared by every follow-up screen (the file's Suivi tab, the protocol screen, the
worklists, the week calendar). Each table holds English sources marked with
``QT_TRANSLATE_NOOP``, translated in ``oiso_fr.ts``; one context per table. The keys
are exactly the domain codes (``tests/gui/test_followup_labels.py`` checks it).
Letters and calendar files print their own French names (``reports/exam_labels.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from oiso_desktop.domain.followup.appointments import AppointmentStatus, ConflictKind
from oiso_desktop.domain.followup.engine import PlanChangeKind, PlanStatus
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import VARIANT_ESGE, VARIANT_FR
from oiso_desktop.domain.followup.worklist import WorklistKind

__all__ = [
    "APPOINTMENT_STATUS_LABELS",
    "CONFLICT_LABELS",
    "EXAM_LABELS",
    "LABEL_TABLES",
    "PLAN_CHANGE_LABELS",
    "PLAN_STATUS_LABELS",
    "VARIANT_LABELS",
    "WORKLIST_LABELS",
    "age_text",
    "ages_text",
    "appointment_status_label",
    "exam_label",
    "followup_label",
    "interval_text",
    "plan_status_label",
    "schedule_text",
    "variant_label",
    "worklist_label",
]

EXAM_LABELS: dict[str, str] = {
    ExamKind.CLINICAL_BREAST_EXAM: QT_TRANSLATE_NOOP(
        "FollowupExam", "Clinical breast and gynaecological exam"
    ),
    ExamKind.BREAST_MRI: QT_TRANSLATE_NOOP("FollowupExam", "Breast MRI"),
    ExamKind.MAMMOGRAPHY: QT_TRANSLATE_NOOP("FollowupExam", "Mammography ± ultrasound"),
    ExamKind.BILATERAL_MAMMOGRAPHY: QT_TRANSLATE_NOOP(
        "FollowupExam", "Bilateral mammography (two views)"
    ),
    ExamKind.RRSO_DISCUSSION: QT_TRANSLATE_NOOP(
        "FollowupExam", "Discussion of risk-reducing salpingo-oophorectomy"
    ),
    ExamKind.CLINICAL_EXAM: QT_TRANSLATE_NOOP("FollowupExam", "Clinical exam"),
    ExamKind.COLONOSCOPY: QT_TRANSLATE_NOOP("FollowupExam", "Colonoscopy with chromoendoscopy"),
    ExamKind.GYNAECOLOGICAL_EXAM: QT_TRANSLATE_NOOP(
        "FollowupExam", "Gynaecological exam and endovaginal ultrasound"
    ),
    ExamKind.HYSTERECTOMY_DISCUSSION: QT_TRANSLATE_NOOP(
        "FollowupExam", "Discussion of hysterectomy with adnexectomy"
    ),
    ExamKind.COLECTOMY_DISCUSSION: QT_TRANSLATE_NOOP("FollowupExam", "Discussion of colectomy"),
    ExamKind.UPPER_ENDOSCOPY: QT_TRANSLATE_NOOP("FollowupExam", "Upper endoscopy"),
    ExamKind.DERMATOLOGY_CONSULTATION: QT_TRANSLATE_NOOP(
        "FollowupExam", "Dermatology consultation"
    ),
    ExamKind.WHOLE_BODY_MRI: QT_TRANSLATE_NOOP("FollowupExam", "Whole-body MRI"),
    ExamKind.BRAIN_MRI: QT_TRANSLATE_NOOP("FollowupExam", "Brain MRI"),
    ExamKind.ABDOMINAL_ULTRASOUND: QT_TRANSLATE_NOOP("FollowupExam", "Abdominal ultrasound"),
    ExamKind.GENETICS_CONSULTATION: QT_TRANSLATE_NOOP("FollowupExam", "Genetics consultation"),
    ExamKind.OTHER: QT_TRANSLATE_NOOP("FollowupExam", "Other exam"),
}
PLAN_STATUS_LABELS: dict[str, str] = {
    PlanStatus.NOT_STARTED: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Not started yet"),
    PlanStatus.ACTIVE: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Active"),
    PlanStatus.DONE: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Done"),
    PlanStatus.PER_FINDINGS: QT_TRANSLATE_NOOP("FollowupPlanStatus", "According to findings"),
    PlanStatus.ENDED: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Ended (age limit)"),
    PlanStatus.STOPPED_BY_SURGERY: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Stopped by surgery"),
    PlanStatus.STOPPED_BY_ADJUSTMENT: QT_TRANSLATE_NOOP(
        "FollowupPlanStatus", "Stopped by adjustment"
    ),
    PlanStatus.DECEASED: QT_TRANSLATE_NOOP("FollowupPlanStatus", "Deceased"),
}
PLAN_CHANGE_LABELS: dict[str, str] = {
    PlanChangeKind.ADDED: QT_TRANSLATE_NOOP("FollowupPlanChange", "added"),
    PlanChangeKind.REMOVED: QT_TRANSLATE_NOOP("FollowupPlanChange", "removed"),
    PlanChangeKind.NEXT_DUE_CHANGED: QT_TRANSLATE_NOOP(
        "FollowupPlanChange", "next due date changed"
    ),
    PlanChangeKind.SCHEDULE_CHANGED: QT_TRANSLATE_NOOP(
        "FollowupPlanChange", "ages or interval changed"
    ),
    PlanChangeKind.STOPPED: QT_TRANSLATE_NOOP("FollowupPlanChange", "stopped"),
    PlanChangeKind.RESUMED: QT_TRANSLATE_NOOP("FollowupPlanChange", "resumed"),
}
WORKLIST_LABELS: dict[str, str] = {
    WorklistKind.DUE_SOON: QT_TRANSLATE_NOOP("FollowupWorklist", "Due soon"),
    WorklistKind.OVERDUE: QT_TRANSLATE_NOOP("FollowupWorklist", "Overdue"),
    WorklistKind.NOT_SCHEDULED: QT_TRANSLATE_NOOP("FollowupWorklist", "Not scheduled"),
    WorklistKind.LOST: QT_TRANSLATE_NOOP("FollowupWorklist", "Lost to follow-up"),
}
APPOINTMENT_STATUS_LABELS: dict[str, str] = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("FollowupAppointmentStatus", "Booked"),
    AppointmentStatus.CONFIRMED: QT_TRANSLATE_NOOP("FollowupAppointmentStatus", "Confirmed"),
    AppointmentStatus.DONE: QT_TRANSLATE_NOOP("FollowupAppointmentStatus", "Attended"),
    AppointmentStatus.MISSED: QT_TRANSLATE_NOOP("FollowupAppointmentStatus", "Missed"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("FollowupAppointmentStatus", "Cancelled"),
}
CONFLICT_LABELS: dict[str, str] = {
    ConflictKind.SAME_PATIENT_DAY: QT_TRANSLATE_NOOP(
        "FollowupConflict", "The patient has another appointment that day"
    ),
    ConflictKind.PLACE_BUSY: QT_TRANSLATE_NOOP(
        "FollowupConflict", "The place is already booked at that time"
    ),
}
VARIANT_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("FollowupVariant", "Single version"),
    VARIANT_FR: QT_TRANSLATE_NOOP("FollowupVariant", "France"),
    VARIANT_ESGE: QT_TRANSLATE_NOOP("FollowupVariant", "ESGE"),
}

#: (context, table) of every coded value: tests check keys and translations.
LABEL_TABLES: dict[str, Mapping[str, str]] = {
    "FollowupExam": EXAM_LABELS,
    "FollowupPlanStatus": PLAN_STATUS_LABELS,
    "FollowupPlanChange": PLAN_CHANGE_LABELS,
    "FollowupWorklist": WORKLIST_LABELS,
    "FollowupAppointmentStatus": APPOINTMENT_STATUS_LABELS,
    "FollowupConflict": CONFLICT_LABELS,
    "FollowupVariant": VARIANT_LABELS,
}
_CONTEXT_OF = {id(table): context for context, table in LABEL_TABLES.items()}


def followup_label(table: Mapping[str, str], code: object) -> str:
    """The translated label of ``code`` in ``table``; an unknown code shows as it is."""
    source = table.get(str(code)) if code is not None else None
    if source is None:
        return "" if code is None else str(code)
    return QCoreApplication.translate(_CONTEXT_OF[id(table)], source)


def exam_label(exam: object, label: str = "") -> str:
    """The exam's name; a custom exam (``ExamKind.OTHER``) shows its own ``label``."""
    if label and (str(exam) == ExamKind.OTHER or exam is None):
        return label
    return followup_label(EXAM_LABELS, exam)


def plan_status_label(status: object) -> str:
    return followup_label(PLAN_STATUS_LABELS, status)


def worklist_label(kind: object) -> str:
    return followup_label(WORKLIST_LABELS, kind)


def appointment_status_label(status: object) -> str:
    return followup_label(APPOINTMENT_STATUS_LABELS, status)


def variant_label(variant: object) -> str:
    return followup_label(VARIANT_LABELS, variant or "")


_AGES_RANGE = QT_TRANSLATE_NOOP("FollowupText", "{start} to {end} years")
_AGES_FROM = QT_TRANSLATE_NOOP("FollowupText", "from {start} years")
_EVERY_MONTHS = QT_TRANSLATE_NOOP("FollowupText", "every {count} months")
_EVERY_MONTH = QT_TRANSLATE_NOOP("FollowupText", "every month")
_EVERY_YEAR = QT_TRANSLATE_NOOP("FollowupText", "every year")
_EVERY_YEARS = QT_TRANSLATE_NOOP("FollowupText", "every {count} years")
_ONCE = QT_TRANSLATE_NOOP("FollowupText", "once")
_AT_AGES = QT_TRANSLATE_NOOP("FollowupText", "at {ages} years, then {interval}")
_AT_AGES_ONLY = QT_TRANSLATE_NOOP("FollowupText", "at {ages} years")


def _text(source: str) -> str:
    return QCoreApplication.translate("FollowupText", source)


def age_text(age: float) -> str:
    """An age in years as typed: "25", "25,5" in French."""
    if float(age).is_integer():
        return str(int(age))
    return f"{age:.1f}".replace(".", QLocale().decimalPoint() or ".")


def ages_text(start_age: float, end_age: float | None) -> str:
    """ "30 à 65 ans", "à partir de 25 ans"."""
    if end_age is None:
        return _text(_AGES_FROM).format(start=age_text(start_age))
    return _text(_AGES_RANGE).format(start=age_text(start_age), end=age_text(end_age))


def interval_text(months: int | None) -> str:
    """ "tous les ans", "tous les 2 ans", "tous les 6 mois", "une fois" (no interval)."""
    if months is None:
        return _text(_ONCE)
    if months == 1:
        return _text(_EVERY_MONTH)
    if months == 12:
        return _text(_EVERY_YEAR)
    if months % 12 == 0:
        return _text(_EVERY_YEARS).format(count=months // 12)
    return _text(_EVERY_MONTHS).format(count=months)


def schedule_text(interval_months: int | None, fixed_ages: tuple[float, ...] = ()) -> str:
    """The rhythm of an item: its interval, after its special schedule if it has one
    ("à 20, 25, 30 ans, puis tous les 2 ans")."""
    if not fixed_ages:
        return interval_text(interval_months)
    ages = ", ".join(age_text(age) for age in fixed_ages)
    if interval_months is None:
        return _text(_AT_AGES_ONLY).format(ages=ages)
    return _text(_AT_AGES).format(ages=ages, interval=interval_text(interval_months))
