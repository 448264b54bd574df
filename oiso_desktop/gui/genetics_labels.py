"""Translated labels of the genetics form's coded values (classes, analyses, statuses...).

The domain keeps French labels for its sentences and the letters; on screen every
code shows a label from here: an English source marked with ``QT_TRANSLATE_NOOP``,
translated in ``oiso_fr.ts``. One context per table (French agrees in gender). The
keys are exactly the domain codes (``tests/gui/test_genetics_editor.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = [
    "CHANNEL_LABELS",
    "CLASS_LABELS",
    "CONSENT_SCOPE_LABELS",
    "LABEL_TABLES",
    "LETTER_MODE_LABELS",
    "OUTCOME_LABELS",
    "STATUS_LABELS",
    "TEST_KIND_LABELS",
    "ZYGOSITY_LABELS",
    "class_text",
    "coded_label",
]

#: ACMG/AMP classes, with their number: what the class combo and the tables show.
CLASS_LABELS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("GeneticsClass", "1 — benign"),
    2: QT_TRANSLATE_NOOP("GeneticsClass", "2 — likely benign"),
    3: QT_TRANSLATE_NOOP("GeneticsClass", "3 — uncertain significance"),
    4: QT_TRANSLATE_NOOP("GeneticsClass", "4 — likely pathogenic"),
    5: QT_TRANSLATE_NOOP("GeneticsClass", "5 — pathogenic"),
}
TEST_KIND_LABELS: dict[str, str] = {
    "panel": QT_TRANSLATE_NOOP("GeneticsTestKind", "Gene panel"),
    "targeted": QT_TRANSLATE_NOOP("GeneticsTestKind", "Targeted familial variant"),
    "predictive": QT_TRANSLATE_NOOP("GeneticsTestKind", "Predictive test of a relative"),
}
STATUS_LABELS: dict[str, str] = {
    "requested": QT_TRANSLATE_NOOP("GeneticsStatus", "Requested"),
    "sent": QT_TRANSLATE_NOOP("GeneticsStatus", "Sent to the laboratory"),
    "result_received": QT_TRANSLATE_NOOP("GeneticsStatus", "Result received"),
}
OUTCOME_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("GeneticsOutcome", "Not known yet"),
    "carrier": QT_TRANSLATE_NOOP("GeneticsOutcome", "Carrier of the familial variant"),
    "non_carrier": QT_TRANSLATE_NOOP("GeneticsOutcome", "Not a carrier"),
}
ZYGOSITY_LABELS: dict[str, str] = {
    "heterozygous": QT_TRANSLATE_NOOP("GeneticsZygosity", "Heterozygous"),
    "homozygous": QT_TRANSLATE_NOOP("GeneticsZygosity", "Homozygous"),
    "compound_heterozygous": QT_TRANSLATE_NOOP("GeneticsZygosity", "Compound heterozygous"),
    "hemizygous": QT_TRANSLATE_NOOP("GeneticsZygosity", "Hemizygous"),
    "mosaic": QT_TRANSLATE_NOOP("GeneticsZygosity", "Mosaic"),
    "unknown": QT_TRANSLATE_NOOP("GeneticsZygosity", "Not specified"),
}
CONSENT_SCOPE_LABELS: dict[str, str] = {
    "diagnostic": QT_TRANSLATE_NOOP("GeneticsConsentScope", "Diagnostic genetic testing"),
    "predictive": QT_TRANSLATE_NOOP("GeneticsConsentScope", "Predictive testing"),
    "sample_storage": QT_TRANSLATE_NOOP("GeneticsConsentScope", "Storage of the samples"),
    "research": QT_TRANSLATE_NOOP("GeneticsConsentScope", "Use for research"),
    "relatives_by_practitioner": QT_TRANSLATE_NOOP(
        "GeneticsConsentScope", "Relatives informed by the physician"
    ),
}
CHANNEL_LABELS: dict[str, str] = {
    "letter_by_patient": QT_TRANSLATE_NOOP("GeneticsChannel", "Letter handed by the patient"),
    "letter_by_practitioner": QT_TRANSLATE_NOOP("GeneticsChannel", "Letter sent by the physician"),
    "oral": QT_TRANSLATE_NOOP("GeneticsChannel", "Told by the patient"),
    "other": QT_TRANSLATE_NOOP("GeneticsChannel", "Other"),
}
LETTER_MODE_LABELS: dict[str, str] = {
    "by_patient": QT_TRANSLATE_NOOP(
        "GeneticsLetterMode", "Handed by the patient: names the gene and the variant"
    ),
    "by_practitioner": QT_TRANSLATE_NOOP(
        "GeneticsLetterMode",
        "Sent by the physician (art. L. 1131-1-2): names neither the patient nor the variant",
    ),
}

#: (context, table) of every coded value: tests check keys and translations.
LABEL_TABLES: dict[str, Mapping[object, str]] = {
    "GeneticsClass": CLASS_LABELS,
    "GeneticsTestKind": TEST_KIND_LABELS,
    "GeneticsStatus": STATUS_LABELS,
    "GeneticsOutcome": OUTCOME_LABELS,
    "GeneticsZygosity": ZYGOSITY_LABELS,
    "GeneticsConsentScope": CONSENT_SCOPE_LABELS,
    "GeneticsChannel": CHANNEL_LABELS,
    "GeneticsLetterMode": LETTER_MODE_LABELS,
}
_CONTEXT_OF = {id(table): context for context, table in LABEL_TABLES.items()}


def coded_label(table: Mapping[object, str], code: object) -> str:
    """The translated label of ``code`` in ``table``; an unknown code shows as it is."""
    source = table.get(code)
    if source is None:
        return "" if code is None else str(code)
    return QCoreApplication.translate(_CONTEXT_OF[id(table)], source)


def class_text(acmg_class: int | None) -> str:
    """ "5 — pathogène"; "" when no class is chosen."""
    return "" if acmg_class is None else coded_label(CLASS_LABELS, acmg_class)
