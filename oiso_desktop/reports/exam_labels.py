"""The French names of the exams, as letters and calendar files print them.

The GUI has its own translated labels (``tr()``); documents produced for patients are
French whatever the interface language, like every report of the package.
"""

from __future__ import annotations

from oiso_desktop.domain.followup.exams import ExamKind

__all__ = ["EXAM_LABELS_FR", "exam_label_fr"]

EXAM_LABELS_FR: dict[ExamKind, str] = {
    ExamKind.CLINICAL_BREAST_EXAM: "examen clinique des seins et gynécologique",
    ExamKind.BREAST_MRI: "IRM mammaire",
    ExamKind.MAMMOGRAPHY: "mammographie",
    ExamKind.BILATERAL_MAMMOGRAPHY: "mammographie bilatérale",
    ExamKind.RRSO_DISCUSSION: "consultation (chirurgie de prévention gynécologique)",
    ExamKind.CLINICAL_EXAM: "examen clinique",
    ExamKind.COLONOSCOPY: "coloscopie",
    ExamKind.GYNAECOLOGICAL_EXAM: "examen gynécologique et échographie",
    ExamKind.HYSTERECTOMY_DISCUSSION: "consultation (chirurgie de prévention gynécologique)",
    ExamKind.COLECTOMY_DISCUSSION: "consultation de chirurgie digestive",
    ExamKind.UPPER_ENDOSCOPY: "endoscopie digestive haute",
    ExamKind.DERMATOLOGY_CONSULTATION: "consultation de dermatologie",
    ExamKind.WHOLE_BODY_MRI: "IRM corps entier",
    ExamKind.BRAIN_MRI: "IRM cérébrale",
    ExamKind.ABDOMINAL_ULTRASOUND: "échographie abdominale",
    ExamKind.GENETICS_CONSULTATION: "consultation de génétique",
    ExamKind.OTHER: "consultation de suivi",
}


def exam_label_fr(exam: str) -> str:
    """The French name of ``exam`` (an ExamKind value); a follow-up consultation for
    anything else."""
    try:
        return EXAM_LABELS_FR[ExamKind(exam)]
    except ValueError:
        return EXAM_LABELS_FR[ExamKind.OTHER]
