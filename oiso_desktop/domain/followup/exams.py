"""The exams a surveillance plan, a worklist or an appointment may name.

Stored by value (``ExamKind.BREAST_MRI.value``) in plan items, performed exams
and appointments; the French and English labels live in the GUI.
"""

from __future__ import annotations

from enum import StrEnum


class ExamKind(StrEnum):
    CLINICAL_BREAST_EXAM = "clinical_breast_exam"  # with gynaecological exam
    BREAST_MRI = "breast_mri"
    MAMMOGRAPHY = "mammography"  # one oblique view per breast, ± ultrasound
    BILATERAL_MAMMOGRAPHY = "bilateral_mammography"  # two views, after 65
    RRSO_DISCUSSION = "rrso_discussion"  # risk-reducing salpingo-oophorectomy discussed
    CLINICAL_EXAM = "clinical_exam"
    COLONOSCOPY = "colonoscopy"  # with chromoendoscopy
    GYNAECOLOGICAL_EXAM = "gynaecological_exam"  # endovaginal US ± endometrial biopsy
    HYSTERECTOMY_DISCUSSION = "hysterectomy_discussion"  # with adnexectomy
    COLECTOMY_DISCUSSION = "colectomy_discussion"
    UPPER_ENDOSCOPY = "upper_endoscopy"
    DERMATOLOGY_CONSULTATION = "dermatology_consultation"
    WHOLE_BODY_MRI = "whole_body_mri"
    BRAIN_MRI = "brain_mri"
    ABDOMINAL_ULTRASOUND = "abdominal_ultrasound"
    GENETICS_CONSULTATION = "genetics_consultation"
    OTHER = "other"  # a custom protocol's exam, named by its label


#: Exams that are a discussion or a consultation held once, not a repeated exam.
ONCE_BY_NATURE = frozenset(
    {
        ExamKind.RRSO_DISCUSSION,
        ExamKind.HYSTERECTOMY_DISCUSSION,
        ExamKind.COLECTOMY_DISCUSSION,
        ExamKind.DERMATOLOGY_CONSULTATION,
    }
)
