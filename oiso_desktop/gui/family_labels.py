"""Translated labels of the family's codes and the short texts of the family table.

The domain's label tables (``domain.family``: SEXES, CANCER_SITES, LATERALITIES...)
are plain French; the interface shows these translatable ones instead, keyed by
the same codes (``tests/gui/test_family_editor.py`` checks that every domain code
has one). The short words of the summaries ("Sein 45", "BRCA1 +") are those of the
pedigree (``pedigree_scene.pedigree_words``), so that the table and the drawing
agree. Relationship labels come from ``domain.relationships`` (French clinical
terms); with the interface in English, :func:`relationship_label` renders the same
relationship in English.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from oiso_desktop.domain.family import Age, Cancer, Family, GeneticResult, Person, person_label
from oiso_desktop.domain.relationships import blood_relation, relationship_to_proband
from oiso_desktop.gui.i18n import current_language
from oiso_desktop.gui.pedigree_scene import pedigree_words

__all__ = [
    "ADOPTION_LABELS",
    "GRADE_LABELS",
    "HISTOLOGY_LABELS",
    "LATERALITY_LABELS",
    "RECEPTOR_LABELS",
    "RESULT_LABELS",
    "SEX_LABELS",
    "SEX_SHORT_LABELS",
    "SITE_LABELS",
    "TEST_TYPE_LABELS",
    "ZYGOSITY_LABELS",
    "age_text",
    "birth_and_age_text",
    "cancers_summary",
    "label",
    "person_text",
    "relationship_label",
    "results_summary",
    "vital_status_text",
]

CONTEXT = "FamilyLabels"

SEX_LABELS = {
    "F": QT_TRANSLATE_NOOP("FamilyLabels", "Female"),
    "M": QT_TRANSLATE_NOOP("FamilyLabels", "Male"),
    "U": QT_TRANSLATE_NOOP("FamilyLabels", "Unknown"),
}
# One letter for the table's narrow column (the full label in its tool tip).
SEX_SHORT_LABELS = {
    "F": QT_TRANSLATE_NOOP("FamilyLabels", "F"),  # female
    "M": QT_TRANSLATE_NOOP("FamilyLabels", "M"),  # male
    "U": QT_TRANSLATE_NOOP("FamilyLabels", "?"),  # sex unknown
}
SITE_LABELS = {
    "breast": QT_TRANSLATE_NOOP("FamilyLabels", "Breast"),
    "contralateral_breast": QT_TRANSLATE_NOOP("FamilyLabels", "Contralateral breast"),
    "ovary": QT_TRANSLATE_NOOP("FamilyLabels", "Ovary"),
    "endometrium": QT_TRANSLATE_NOOP("FamilyLabels", "Endometrium"),
    "cervix": QT_TRANSLATE_NOOP("FamilyLabels", "Cervix"),
    "prostate": QT_TRANSLATE_NOOP("FamilyLabels", "Prostate"),
    "testis": QT_TRANSLATE_NOOP("FamilyLabels", "Testis"),
    "pancreas": QT_TRANSLATE_NOOP("FamilyLabels", "Pancreas"),
    "colorectal": QT_TRANSLATE_NOOP("FamilyLabels", "Colon and rectum"),
    "stomach": QT_TRANSLATE_NOOP("FamilyLabels", "Stomach"),
    "small_bowel": QT_TRANSLATE_NOOP("FamilyLabels", "Small bowel"),
    "biliary_tract": QT_TRANSLATE_NOOP("FamilyLabels", "Biliary tract"),
    "liver": QT_TRANSLATE_NOOP("FamilyLabels", "Liver"),
    "oesophagus": QT_TRANSLATE_NOOP("FamilyLabels", "Oesophagus"),
    "upper_urinary_tract": QT_TRANSLATE_NOOP(
        "FamilyLabels", "Upper urinary tract (ureter, renal pelvis)"
    ),
    "bladder": QT_TRANSLATE_NOOP("FamilyLabels", "Bladder"),
    "kidney": QT_TRANSLATE_NOOP("FamilyLabels", "Kidney"),
    "brain": QT_TRANSLATE_NOOP("FamilyLabels", "Brain"),
    "sebaceous": QT_TRANSLATE_NOOP("FamilyLabels", "Sebaceous tumour"),
    "melanoma": QT_TRANSLATE_NOOP("FamilyLabels", "Melanoma"),
    "thyroid": QT_TRANSLATE_NOOP("FamilyLabels", "Thyroid"),
    "lung": QT_TRANSLATE_NOOP("FamilyLabels", "Lung"),
    "adrenal_cortex": QT_TRANSLATE_NOOP("FamilyLabels", "Adrenal cortex"),
    "sarcoma": QT_TRANSLATE_NOOP("FamilyLabels", "Sarcoma"),
    "leukaemia": QT_TRANSLATE_NOOP("FamilyLabels", "Leukaemia"),
    "lymphoma": QT_TRANSLATE_NOOP("FamilyLabels", "Lymphoma"),
    "head_and_neck": QT_TRANSLATE_NOOP("FamilyLabels", "Head and neck"),
    "other": QT_TRANSLATE_NOOP("FamilyLabels", "Other site"),
}
LATERALITY_LABELS = {
    "": QT_TRANSLATE_NOOP("FamilyLabels", "Side not specified"),
    "left": QT_TRANSLATE_NOOP("FamilyLabels", "Left"),
    "right": QT_TRANSLATE_NOOP("FamilyLabels", "Right"),
    "bilateral": QT_TRANSLATE_NOOP("FamilyLabels", "Bilateral"),
}
HISTOLOGY_LABELS = {
    "": QT_TRANSLATE_NOOP("FamilyLabels", "Histology not specified"),
    "ductal": QT_TRANSLATE_NOOP("FamilyLabels", "Ductal"),
    "lobular": QT_TRANSLATE_NOOP("FamilyLabels", "Lobular"),
    "dcis": QT_TRANSLATE_NOOP("FamilyLabels", "Ductal in situ (DCIS)"),
    "high_grade_serous": QT_TRANSLATE_NOOP("FamilyLabels", "High-grade serous"),
    "mucinous": QT_TRANSLATE_NOOP("FamilyLabels", "Mucinous"),
    "germ_cell": QT_TRANSLATE_NOOP("FamilyLabels", "Germ cell"),
    "borderline": QT_TRANSLATE_NOOP("FamilyLabels", "Borderline"),
    "other": QT_TRANSLATE_NOOP("FamilyLabels", "Other histology"),
}
RECEPTOR_LABELS = {
    "": QT_TRANSLATE_NOOP("FamilyLabels", "not known"),
    "N": QT_TRANSLATE_NOOP("FamilyLabels", "negative"),
    "P": QT_TRANSLATE_NOOP("FamilyLabels", "positive"),
}
# None: not given; the grades 1 to 3 (family_checks accepts these only)
GRADE_LABELS: dict[int | None, str] = {
    None: QT_TRANSLATE_NOOP("FamilyLabels", "Grade not specified"),
    1: QT_TRANSLATE_NOOP("FamilyLabels", "Grade 1"),
    2: QT_TRANSLATE_NOOP("FamilyLabels", "Grade 2"),
    3: QT_TRANSLATE_NOOP("FamilyLabels", "Grade 3"),
}
TEST_TYPE_LABELS = {
    "S": QT_TRANSLATE_NOOP("FamilyLabels", "Mutation search"),
    "T": QT_TRANSLATE_NOOP("FamilyLabels", "Targeted test (known variant)"),
}
RESULT_LABELS = {
    "N": QT_TRANSLATE_NOOP("FamilyLabels", "Negative"),
    "P": QT_TRANSLATE_NOOP("FamilyLabels", "Pathogenic variant"),
    "VUS": QT_TRANSLATE_NOOP("FamilyLabels", "Variant of unknown significance"),
    "HET": QT_TRANSLATE_NOOP("FamilyLabels", "Heterozygous"),
    "HOM": QT_TRANSLATE_NOOP("FamilyLabels", "Homozygous"),
}
ADOPTION_LABELS = {
    "": QT_TRANSLATE_NOOP("FamilyLabels", "Not adopted"),
    "in": QT_TRANSLATE_NOOP("FamilyLabels", "Adopted into the family (adoptive parents drawn)"),
    "out": QT_TRANSLATE_NOOP(
        "FamilyLabels", "Adopted out of the family (biological parents drawn)"
    ),
}
ZYGOSITY_LABELS = {
    "MZ": QT_TRANSLATE_NOOP("FamilyLabels", "Monozygotic"),
    "DZ": QT_TRANSLATE_NOOP("FamilyLabels", "Dizygotic"),
    "unknown": QT_TRANSLATE_NOOP("FamilyLabels", "Zygosity unknown"),
}
# Marks of a result in the table's summary ("BRCA1 +"); VUS uses the pedigree's word.
_RESULT_MARKS = {
    "HET": QT_TRANSLATE_NOOP("FamilyLabels", "het."),  # heterozygous (HOXB13)
    "HOM": QT_TRANSLATE_NOOP("FamilyLabels", "hom."),  # homozygous (HOXB13)
}
_YEARS = QT_TRANSLATE_NOOP("FamilyLabels", "{age} y")  # an age: "45 y", "~45 y"
_ALIVE = QT_TRANSLATE_NOOP("FamilyLabels", "Alive")
_DECEASED = QT_TRANSLATE_NOOP("FamilyLabels", "Deceased")
_DECEASED_AT = QT_TRANSLATE_NOOP("FamilyLabels", "† {age} y")  # deceased at that age


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(labels: Mapping[object, str], code: object) -> str:
    """The translated label of ``code`` in one of the tables above (the code if unknown)."""
    source = labels.get(code)
    return _tr(source) if source is not None else str(code)


# --- short texts of the table ----------------------------------------------------------


def age_text(age: Age) -> str:
    """ "45 ans", "~45 ans", "40-49 ans"; an unknown age as typed ("inconnu") or ""."""
    if not age.text:
        return ""
    if not age.known:
        return age.text
    return _tr(_YEARS).format(age=age.text)


def birth_and_age_text(person: Person) -> str:
    """ "1986 · 38 ans", "~45 ans", "1950" (the deceased: the birth year only)."""
    parts = [str(person.birth_year)] if person.birth_year is not None else []
    if not person.deceased and person.age.text:
        parts.append(age_text(person.age))
    return " · ".join(parts)


def vital_status_text(person: Person) -> str:
    if not person.deceased:
        return _tr(_ALIVE)
    if person.age_at_death.known:
        return _tr(_DECEASED_AT).format(age=person.age_at_death.text)
    return _tr(_DECEASED)


def _cancer_text(cancer: Cancer, sites: Mapping[str, str]) -> str:
    site = sites.get(cancer.site, cancer.site)
    return f"{site} {cancer.age.text}" if cancer.age.known else site


def cancers_summary(person: Person) -> str:
    """ "Sein 45 ; Ovaire ~60" (the pedigree's short site names, ages as typed)."""
    sites = pedigree_words().sites
    return " ; ".join(_cancer_text(cancer, sites) for cancer in person.cancers)


def _result_text(result: GeneticResult, vus: str) -> str:
    marks = {"P": "+", "N": "−", "VUS": vus}
    mark = marks.get(result.result) or label(_RESULT_MARKS, result.result)
    return f"{result.gene} {mark}".strip()


def results_summary(person: Person) -> str:
    """ "BRCA1 + ; BRCA2 −" (VUS: the pedigree's word, "VSI" in French)."""
    vus = pedigree_words().vus
    return " ; ".join(_result_text(result, vus) for result in person.genetic_results)


# --- relationships -----------------------------------------------------------------------


def relationship_label(family: Family, person_id: str) -> str:
    """The person's relationship to the proband in the interface's language.

    French: ``domain.relationships`` ("tante paternelle"). English: the same
    relationship worded in English ("paternal aunt"), from the same graph walk.
    """
    if current_language() != "en":
        return relationship_to_proband(family, person_id)
    return _english_relationship(family, person_id)


def person_text(family: Family, person_id: str) -> str:
    """How the editor names a person: "Claire (p1)", else by relationship "mère (p3)"."""
    person = family.get(person_id)
    if person is None:
        return person_id
    if person.name.strip():
        return person_label(person)
    relation = relationship_label(family, person_id)
    return f"{relation} ({person_id})" if relation else person_id


def _gendered(sex: str, masculine: str, feminine: str, neutral: str) -> str:
    return {"M": masculine, "F": feminine}.get(sex, neutral)


def _english_blood(sex: str, up: int, down: int, side: str, half: bool, twin: bool) -> str:
    sided = {"paternel": "paternal ", "maternel": "maternal "}.get(side, "")
    halved = "half-" if half else ""
    if up == 0 and down == 0:
        return "proband"
    if down == 0:
        if up == 1:
            return _gendered(sex, "father", "mother", "parent")
        base = _gendered(sex, "grandfather", "grandmother", "grandparent")
        return sided + "great-" * (up - 2) + base
    if up == 0:
        if down == 1:
            return _gendered(sex, "son", "daughter", "child")
        base = _gendered(sex, "grandson", "granddaughter", "grandchild")
        return "great-" * (down - 2) + base
    if up == 1 and down == 1:
        if twin and not half:
            return _gendered(sex, "twin brother", "twin sister", "twin")
        base = _gendered(sex, "brother", "sister", "sibling")
        return (sided if half else "") + halved + base
    if up == 1:
        if down == 2:
            return halved + _gendered(sex, "nephew", "niece", "nephew or niece")
        base = _gendered(sex, "grandnephew", "grandniece", "grandnephew or grandniece")
        return halved + "great-" * (down - 3) + base
    if down == 1:
        if up == 2:
            base = _gendered(sex, "uncle", "aunt", "uncle or aunt")
        else:
            base = "great-" * (up - 3) + _gendered(
                sex, "great-uncle", "great-aunt", "great-uncle or great-aunt"
            )
        return sided + halved + base
    if up == 2 and down == 2:
        return sided + halved + "first cousin"
    if up in (2, 3) and down in (2, 3) and up != down:
        return sided + "first cousin once removed"
    if up == 3 and down == 3:
        return sided + "second cousin"
    return sided + "distant relative"


def _english_relationship(family: Family, person_id: str) -> str:
    proband = family.proband
    person = family.get(person_id)
    if proband is None or person is None:
        return ""
    sex = person.sex
    relation = blood_relation(family, person_id)
    if relation is not None:
        group = family.twin_group_of(person_id)
        twin = group is not None and proband.id in group.members
        return _english_blood(sex, *relation, twin=twin)
    partners = family.partners_of(person_id)
    if proband.id in partners:
        return "partner"
    proband_partners = set(family.partners_of(proband.id))
    if any(child in proband_partners for child in family.children_of(person_id)):
        return _gendered(sex, "father-in-law", "mother-in-law", "parent-in-law")
    if proband_partners & set(family.parents_of(person_id)):
        return _gendered(sex, "stepson", "stepdaughter", "stepchild")
    related = [(blood_relation(family, p), p) for p in partners]
    closest = [(r[0] + r[1], p) for r, p in related if r is not None]
    if closest:
        _, relative_id = min(closest)
        return "partner of the " + _english_relationship(family, relative_id)
    return "relative by marriage"
