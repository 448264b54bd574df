"""The scores' phrases in the interface's language.

The domain builds readings and reasons as :class:`~oiso_desktop.domain.scores.Phrase`
objects (a code and parameters) and renders them in French for reports
(``domain.scores.phrases.FRENCH``). Here each code has an English source text
marked with ``QT_TRANSLATE_NOOP``; its French translation in ``oiso_fr.ts`` is the
domain's French text, word for word (``tests/gui/test_score_texts.py`` checks it),
so that the screen and the summary PDF say the same thing. Parameters are shown
with the interface's labels: people by their relationship (``family_labels``),
sites, histologies and MMR statuses by the history's labels.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from oiso_desktop.domain.family import Age, Family
from oiso_desktop.domain.scores import Branch, Phrase, Points
from oiso_desktop.gui.family_labels import age_text, relationship_label
from oiso_desktop.gui.history_labels import (
    HISTOLOGY_LABELS,
    IHC_LABELS,
    MSI_LABELS,
    SITE_LABELS,
    coded_label,
)

__all__ = [
    "BRANCH_LABELS",
    "PHRASES",
    "branch_text",
    "person_name",
    "phrase_text",
    "site_and_age",
]

CONTEXT = "ScoreTexts"

PHRASES: Mapping[str, str] = {
    # general
    "no_proband": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "The family has no single proband: only the personal history is counted.",
    ),
    "proband_adopted": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Proband adopted: their biological family history is not known."
    ),
    "either": QT_TRANSLATE_NOOP("ScoreTexts", "{first} or {second}"),
    "male_breast": QT_TRANSLATE_NOOP("ScoreTexts", "in a man"),
    "age_unknown": QT_TRANSLATE_NOOP("ScoreTexts", "age at diagnosis unknown"),
    "age_imprecise": QT_TRANSLATE_NOOP("ScoreTexts", "imprecise age (between {low} and {high})"),
    "sex_unknown": QT_TRANSLATE_NOOP("ScoreTexts", "sex unknown"),
    "before_age": QT_TRANSLATE_NOOP("ScoreTexts", "before {limit}"),
    "tumour_unverified": QT_TRANSLATE_NOOP("ScoreTexts", "tumour not verified"),
    "variant_identified": QT_TRANSLATE_NOOP("ScoreTexts", "pathogenic {gene} variant identified"),
    # Eisinger
    "eisinger_branch": QT_TRANSLATE_NOOP("ScoreTexts", "{branch}: score {points}, {meaning}."),
    "eisinger_branch_uncertain": QT_TRANSLATE_NOOP(
        "ScoreTexts", "{branch}: score {points} (imprecise age or sex: {people}), {meaning}."
    ),
    "eisinger_excellent": QT_TRANSLATE_NOOP(
        "ScoreTexts", "excellent indication for an oncogenetics consultation"
    ),
    "eisinger_possible": QT_TRANSLATE_NOOP("ScoreTexts", "possible indication"),
    "eisinger_low": QT_TRANSLATE_NOOP("ScoreTexts", "of low value"),
    "eisinger_none": QT_TRANSLATE_NOOP("ScoreTexts", "no case counted"),
    # Manchester
    "manchester_branch": QT_TRANSLATE_NOOP(
        "ScoreTexts", "{branch}: BRCA1 {brca1}, BRCA2 {brca2}, total {combined}."
    ),
    "manchester_branch_adjusted": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "{branch}: BRCA1 {brca1}, BRCA2 {brca2}, total {combined}; with the 2017 pathology "
        "adjustments: BRCA1 {adjusted_brca1}, BRCA2 {adjusted_brca2}, total "
        "{adjusted_combined}.",
    ),
    "manchester_met": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Total of {threshold} or more: probability of a BRCA1/2 variant of about 10 % or "
        "more, genetic testing indicated.",
    ),
    "manchester_not_met": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Total below {threshold} in each branch: probability of a BRCA1/2 variant below "
        "about 10 %.",
    ),
    "manchester_uncertain": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Threshold of {threshold} perhaps reached (imprecise age or sex: {people}): make "
        "them precise.",
    ),
    "manchester_unaffected": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "No cancer counted in the person themselves: the threshold is {threshold}, that of "
        "testing an unaffected person (Evans 2017).",
    ),
    "adj_grade": QT_TRANSLATE_NOOP("ScoreTexts", "2017 adjustment: grade {grade}"),
    "adj_triple_negative": QT_TRANSLATE_NOOP("ScoreTexts", "2017 adjustment: triple negative"),
    "adj_er_positive": QT_TRANSLATE_NOOP(
        "ScoreTexts", "2017 adjustment: oestrogen receptors positive"
    ),
    "adj_er_negative": QT_TRANSLATE_NOOP(
        "ScoreTexts", "2017 adjustment: oestrogen receptors negative"
    ),
    "adj_her2": QT_TRANSLATE_NOOP("ScoreTexts", "2017 adjustment: HER2 amplified"),
    "adj_histology": QT_TRANSLATE_NOOP("ScoreTexts", "2017 adjustment: {histology} histology"),
    "adj_ovary_not_scored": QT_TRANSLATE_NOOP(
        "ScoreTexts", "2017 adjustment: {histology} histology, the case does not count"
    ),
    "adj_high_grade_serous": QT_TRANSLATE_NOOP(
        "ScoreTexts", "2017 adjustment: high-grade serous before 60"
    ),
    "adj_adopted": QT_TRANSLATE_NOOP("ScoreTexts", "2017 adjustment: proband adopted"),
    # Amsterdam II
    "amsterdam_three": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "at least 3 relatives with a Lynch-spectrum cancer (colorectum, endometrium, small "
        "bowel, ureter or renal pelvis)",
    ),
    "amsterdam_first_degree": QT_TRANSLATE_NOOP(
        "ScoreTexts", "one a first-degree relative of the two others"
    ),
    "amsterdam_generations": QT_TRANSLATE_NOOP(
        "ScoreTexts", "at least 2 successive generations affected"
    ),
    "amsterdam_before_50": QT_TRANSLATE_NOOP("ScoreTexts", "at least one diagnosis before 50"),
    "amsterdam_verified": QT_TRANSLATE_NOOP("ScoreTexts", "tumours verified (pathology report)"),
    "amsterdam_fap_excluded": QT_TRANSLATE_NOOP(
        "ScoreTexts", "familial adenomatous polyposis excluded"
    ),
    "amsterdam_met": QT_TRANSLATE_NOOP("ScoreTexts", "Amsterdam II criteria met: {people}."),
    "amsterdam_uncertain": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Amsterdam II criteria met on the declared history ({people}), to be confirmed.",
    ),
    "amsterdam_to_verify": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Tumours to verify on a pathology report: {people}."
    ),
    "amsterdam_age_to_check": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Age at diagnosis to make precise (before 50?): {people}."
    ),
    "amsterdam_not_met": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Amsterdam II criteria not met, missing: {items}."
    ),
    "amsterdam_none": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "No Lynch-spectrum cancer in the family: Amsterdam II criteria not met.",
    ),
    "amsterdam_fap": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Familial adenomatous polyposis is not recorded in the file: to be excluded.",
    ),
    # revised Bethesda
    "bethesda_1": QT_TRANSLATE_NOOP("ScoreTexts", "criterion 1: colorectal cancer before 50"),
    "bethesda_2": QT_TRANSLATE_NOOP(
        "ScoreTexts", "criterion 2: synchronous or metachronous HNPCC-spectrum tumours"
    ),
    "bethesda_3": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "criterion 3: colorectal cancer with MSI-high histology (mucinous) before 60",
    ),
    "bethesda_4": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "criterion 4: first-degree relative with a spectrum tumour, one diagnosis before "
        "50: {people}",
    ),
    "bethesda_5": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "criterion 5: at least 2 first- or second-degree relatives with spectrum tumours: {people}",
    ),
    "bethesda_test": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Test the tumour of {people} for microsatellite instability (MSI) or MMR deficiency.",
    ),
    "bethesda_maybe": QT_TRANSLATE_NOOP(
        "ScoreTexts",
        "Criterion possibly met depending on an imprecise age: {people}; make the age at "
        "diagnosis precise.",
    ),
    "bethesda_none": QT_TRANSLATE_NOOP("ScoreTexts", "No revised Bethesda criterion is met."),
    "mmr_known_msi": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Tumour of the proband ({site}) already analysed: {msi}."
    ),
    "mmr_known_ihc": QT_TRANSLATE_NOOP(
        "ScoreTexts", "Immunohistochemistry of the proband's tumour ({site}): {ihc}."
    ),
}

BRANCH_LABELS = {
    Branch.PATERNAL: QT_TRANSLATE_NOOP("ScoreTexts", "Paternal branch"),
    Branch.MATERNAL: QT_TRANSLATE_NOOP("ScoreTexts", "Maternal branch"),
}
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("ScoreTexts", "; ")  # between the items of a list
_NOBODY = QT_TRANSLATE_NOOP("ScoreTexts", "—")  # an empty list of people
_NAMED = QT_TRANSLATE_NOOP("ScoreTexts", "{relation} ({name})")  # "mother (Marie)"
_SITE_AGE = QT_TRANSLATE_NOOP("ScoreTexts", "{site}, {age}")  # "Breast, 36 y"
_AGE_UNKNOWN = QT_TRANSLATE_NOOP("ScoreTexts", "age unknown")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def branch_text(branch: Branch) -> str:
    return _tr(BRANCH_LABELS[branch])


def person_name(family: Family, person_id: str, names: dict[str, str] | None = None) -> str:
    """ "mère (Marie)", "tante paternelle (p8)" (no name), "cas index" (the proband).

    ``names``: a cache for one family and one language (a relationship label walks
    the pedigree; a screen names the same people many times).
    """
    if names is not None:
        found = names.get(person_id)
        if found is None:
            found = names[person_id] = person_name(family, person_id)
        return found
    person = family.get(person_id)
    if person is None:
        return relationship_label(family, person_id) or person_id
    relation = relationship_label(family, person_id) or person_id
    if person.proband:
        return relation
    return _tr(_NAMED).format(relation=relation, name=person.name.strip() or person_id)


def site_and_age(site: str, age: Age) -> str:
    """ "Sein, 36 ans", "Ovaire, ~60 ans", "Côlon-rectum, âge inconnu"."""
    label = coded_label(SITE_LABELS, site)
    shown = age_text(age) if age.known else _tr(_AGE_UNKNOWN)
    return _tr(_SITE_AGE).format(site=label, age=shown)


def _value(name: str, value: object, family: Family, names: dict[str, str] | None) -> str:
    if isinstance(value, Phrase):
        return phrase_text(value, family, names)
    if name == "person" and isinstance(value, str):
        return person_name(family, value, names)
    if name == "people" and isinstance(value, tuple):
        return ", ".join(person_name(family, p, names) for p in value) or _tr(_NOBODY)
    if name == "items" and isinstance(value, tuple):
        return _tr(_LIST_SEPARATOR).join(_value("", item, family, names) for item in value)
    if isinstance(value, Branch):
        return branch_text(value)
    if isinstance(value, Age):
        return age_text(value)
    if isinstance(value, Points):
        return str(value)
    tables = {
        "site": SITE_LABELS,
        "histology": HISTOLOGY_LABELS,
        "msi": MSI_LABELS,
        "ihc": IHC_LABELS,
    }
    if name in tables:
        return _lower_first(coded_label(tables[name], value))
    return str(value)


def phrase_text(phrase: Phrase, family: Family, names: dict[str, str] | None = None) -> str:
    """``phrase`` in the interface's language; ``family`` names the people it mentions
    (``names``: a cache of :func:`person_name` for this family)."""
    source = PHRASES.get(phrase.code)
    if source is None:  # a code of a newer domain: better its French than nothing
        from oiso_desktop.domain.scores import french

        return french(phrase, family)
    values = {name: _value(name, value, family, names) for name, value in phrase.params}
    return _tr(source).format(**values)
