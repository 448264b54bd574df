"""Translated labels of the personal history's coded values (sites, sides, markers...).

The domain keeps French plain-text labels for its sentences and the PDF; on
screen every coded value shows a label from here: an English source marked with
``QT_TRANSLATE_NOOP`` and translated in ``oiso_fr.ts``. One translation context
per table, because French agrees in gender ("droit" for a cancer, "droite" for a
mastectomy; "non précisé" or "non précisée"). The keys are exactly the domain
codes (``tests/gui/test_history_editor.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = [
    "GRADE_LABELS",
    "HISTOLOGY_LABELS",
    "IHC_LABELS",
    "LABEL_TABLES",
    "LATERALITY_LABELS",
    "MSI_LABELS",
    "RECEPTOR_LABELS",
    "SITE_LABELS",
    "SURGERY_KIND_LABELS",
    "SURGERY_SIDE_LABELS",
    "coded_label",
]

SITE_LABELS: dict[str, str] = {
    "breast": QT_TRANSLATE_NOOP("HistorySite", "Breast"),
    "contralateral_breast": QT_TRANSLATE_NOOP("HistorySite", "Contralateral breast"),
    "ovary": QT_TRANSLATE_NOOP("HistorySite", "Ovary"),
    "endometrium": QT_TRANSLATE_NOOP("HistorySite", "Endometrium"),
    "cervix": QT_TRANSLATE_NOOP("HistorySite", "Cervix"),
    "prostate": QT_TRANSLATE_NOOP("HistorySite", "Prostate"),
    "testis": QT_TRANSLATE_NOOP("HistorySite", "Testis"),
    "pancreas": QT_TRANSLATE_NOOP("HistorySite", "Pancreas"),
    "colorectal": QT_TRANSLATE_NOOP("HistorySite", "Colon and rectum"),
    "stomach": QT_TRANSLATE_NOOP("HistorySite", "Stomach"),
    "small_bowel": QT_TRANSLATE_NOOP("HistorySite", "Small bowel"),
    "biliary_tract": QT_TRANSLATE_NOOP("HistorySite", "Biliary tract"),
    "liver": QT_TRANSLATE_NOOP("HistorySite", "Liver"),
    "oesophagus": QT_TRANSLATE_NOOP("HistorySite", "Oesophagus"),
    "upper_urinary_tract": QT_TRANSLATE_NOOP(
        "HistorySite", "Upper urinary tract (ureter, renal pelvis)"
    ),
    "bladder": QT_TRANSLATE_NOOP("HistorySite", "Bladder"),
    "kidney": QT_TRANSLATE_NOOP("HistorySite", "Kidney"),
    "brain": QT_TRANSLATE_NOOP("HistorySite", "Brain"),
    "sebaceous": QT_TRANSLATE_NOOP("HistorySite", "Sebaceous tumour"),
    "melanoma": QT_TRANSLATE_NOOP("HistorySite", "Melanoma"),
    "thyroid": QT_TRANSLATE_NOOP("HistorySite", "Thyroid"),
    "lung": QT_TRANSLATE_NOOP("HistorySite", "Lung"),
    "adrenal_cortex": QT_TRANSLATE_NOOP("HistorySite", "Adrenal cortex"),
    "sarcoma": QT_TRANSLATE_NOOP("HistorySite", "Sarcoma"),
    "leukaemia": QT_TRANSLATE_NOOP("HistorySite", "Leukaemia"),
    "lymphoma": QT_TRANSLATE_NOOP("HistorySite", "Lymphoma"),
    "head_and_neck": QT_TRANSLATE_NOOP("HistorySite", "Head and neck"),
    "other": QT_TRANSLATE_NOOP("HistorySite", "Other site"),
}

LATERALITY_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistoryLaterality", "Not specified"),
    "left": QT_TRANSLATE_NOOP("HistoryLaterality", "Left"),
    "right": QT_TRANSLATE_NOOP("HistoryLaterality", "Right"),
    "bilateral": QT_TRANSLATE_NOOP("HistoryLaterality", "Bilateral"),
}

HISTOLOGY_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistoryHistology", "Not specified"),
    "ductal": QT_TRANSLATE_NOOP("HistoryHistology", "Ductal"),
    "lobular": QT_TRANSLATE_NOOP("HistoryHistology", "Lobular"),
    "dcis": QT_TRANSLATE_NOOP("HistoryHistology", "Ductal carcinoma in situ"),
    "high_grade_serous": QT_TRANSLATE_NOOP("HistoryHistology", "High-grade serous"),
    "mucinous": QT_TRANSLATE_NOOP("HistoryHistology", "Mucinous"),
    "germ_cell": QT_TRANSLATE_NOOP("HistoryHistology", "Germ cell"),
    "borderline": QT_TRANSLATE_NOOP("HistoryHistology", "Borderline"),
    "other": QT_TRANSLATE_NOOP("HistoryHistology", "Other"),
}

RECEPTOR_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistoryReceptor", "Unknown"),
    "N": QT_TRANSLATE_NOOP("HistoryReceptor", "Negative"),
    "P": QT_TRANSLATE_NOOP("HistoryReceptor", "Positive"),
}

# Keys are the grade as stored (None: not given); the digits need no translation.
GRADE_LABELS: dict[int | None, str] = {
    None: QT_TRANSLATE_NOOP("HistoryGrade", "Not specified"),
    1: "1",
    2: "2",
    3: "3",
}

MSI_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistoryMsi", "Not specified"),
    "msi": QT_TRANSLATE_NOOP("HistoryMsi", "Unstable (MSI)"),
    "mss": QT_TRANSLATE_NOOP("HistoryMsi", "Stable (MSS)"),
}

IHC_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistoryIhc", "Not specified"),
    "normal": QT_TRANSLATE_NOOP("HistoryIhc", "All four proteins expressed"),
    "loss_mlh1_pms2": QT_TRANSLATE_NOOP("HistoryIhc", "Loss of MLH1/PMS2"),
    "loss_msh2_msh6": QT_TRANSLATE_NOOP("HistoryIhc", "Loss of MSH2/MSH6"),
    "loss_msh6": QT_TRANSLATE_NOOP("HistoryIhc", "Isolated loss of MSH6"),
    "loss_pms2": QT_TRANSLATE_NOOP("HistoryIhc", "Isolated loss of PMS2"),
    "other": QT_TRANSLATE_NOOP("HistoryIhc", "Other pattern"),
}

SURGERY_KIND_LABELS: dict[str, str] = {
    "mastectomy": QT_TRANSLATE_NOOP("HistorySurgeryKind", "Mastectomy"),
    "salpingo_oophorectomy": QT_TRANSLATE_NOOP("HistorySurgeryKind", "Salpingo-oophorectomy"),
    "hysterectomy": QT_TRANSLATE_NOOP("HistorySurgeryKind", "Hysterectomy"),
    "colectomy": QT_TRANSLATE_NOOP("HistorySurgeryKind", "Colectomy"),
}

SURGERY_SIDE_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("HistorySurgerySide", "Not specified"),
    "left": QT_TRANSLATE_NOOP("HistorySurgerySide", "Left"),
    "right": QT_TRANSLATE_NOOP("HistorySurgerySide", "Right"),
    "bilateral": QT_TRANSLATE_NOOP("HistorySurgerySide", "Bilateral"),
}

#: each label table with its translation context
LABEL_TABLES: dict[str, Mapping[object, str]] = {
    "HistorySite": SITE_LABELS,
    "HistoryLaterality": LATERALITY_LABELS,
    "HistoryHistology": HISTOLOGY_LABELS,
    "HistoryReceptor": RECEPTOR_LABELS,
    "HistoryGrade": GRADE_LABELS,
    "HistoryMsi": MSI_LABELS,
    "HistoryIhc": IHC_LABELS,
    "HistorySurgeryKind": SURGERY_KIND_LABELS,
    "HistorySurgerySide": SURGERY_SIDE_LABELS,
}

_CONTEXT_OF: dict[int, str] = {id(table): context for context, table in LABEL_TABLES.items()}


def coded_label(table: Mapping[object, str], code: object) -> str:
    """The translated label of ``code`` in ``table`` (one of :data:`LABEL_TABLES`).

    A code the table does not know (content written by a newer version, or bad
    data under repair) is shown as it is, so that it can still be seen and changed.
    """
    source = table.get(code)
    if source is None:
        return "" if code is None else str(code)
    return QCoreApplication.translate(_CONTEXT_OF[id(table)], source)
