"""The French text of the scores' phrases (readings, reasons, criteria).

Each :class:`~oiso_desktop.domain.scores.model.Phrase` code has one French
template here; the interface holds the English source of the same code
(``gui/score_texts.py``) whose French translation in ``oiso_fr.ts`` is this very
text (``tests/gui/test_score_texts.py`` checks both ways). :func:`french` renders
a phrase for reports and logs-free displays; parameters are named by kind (see
``Phrase``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from oiso_desktop.domain.family import CANCER_SITES, HISTOLOGIES, Age, Family
from oiso_desktop.domain.personal_history import IHC_STATUSES, MSI_STATUSES
from oiso_desktop.domain.relationships import relationship_to_proband
from oiso_desktop.domain.scores.kinship import Branch
from oiso_desktop.domain.scores.model import Contribution, Phrase, Points

__all__ = [
    "BRANCH_LABELS",
    "FRENCH",
    "french",
    "french_age",
    "french_contribution",
    "french_person",
    "french_text",
]

FRENCH: Mapping[str, str] = {
    # general
    "no_proband": (
        "La famille n'a pas un cas index unique : seuls les antécédents personnels sont comptés."
    ),
    "proband_adopted": (
        "Cas index adopté : ses antécédents familiaux biologiques ne sont pas connus."
    ),
    "either": "{first} ou {second}",
    "male_breast": "chez un homme",
    "age_unknown": "âge au diagnostic inconnu",
    "age_imprecise": "âge imprécis (entre {low} et {high} ans)",
    "sex_unknown": "sexe inconnu",
    "before_age": "avant {limit} ans",
    "tumour_unverified": "tumeur non vérifiée",
    "variant_identified": "variant pathogène {gene} identifié",
    # Eisinger
    "eisinger_branch": "{branch} : score {points}, {meaning}.",
    "eisinger_branch_uncertain": (
        "{branch} : score {points} (âge ou sexe imprécis : {people}), {meaning}."
    ),
    "eisinger_excellent": "excellente indication de consultation d'oncogénétique",
    "eisinger_possible": "indication possible",
    "eisinger_low": "intérêt faible",
    "eisinger_none": "aucun cas compté",
    # Manchester
    "manchester_branch": "{branch} : BRCA1 {brca1}, BRCA2 {brca2}, total {combined}.",
    "manchester_branch_adjusted": (
        "{branch} : BRCA1 {brca1}, BRCA2 {brca2}, total {combined} ; avec les ajustements "
        "anatomopathologiques de 2017 : BRCA1 {adjusted_brca1}, BRCA2 {adjusted_brca2}, "
        "total {adjusted_combined}."
    ),
    "manchester_met": (
        "Total d'au moins {threshold} : probabilité d'un variant BRCA1/2 d'environ 10 % "
        "ou plus, indication d'analyse génétique."
    ),
    "manchester_not_met": (
        "Total inférieur à {threshold} dans chaque branche : probabilité d'un variant "
        "BRCA1/2 inférieure à environ 10 %."
    ),
    "manchester_uncertain": (
        "Seuil de {threshold} peut-être atteint (âge ou sexe imprécis : {people}) : précisez-les."
    ),
    "manchester_unaffected": (
        "Aucun cancer compté chez la personne elle-même : le seuil est de {threshold}, "
        "celui de l'analyse d'une personne non atteinte (Evans 2017)."
    ),
    "adj_grade": "ajustement 2017 : grade {grade}",
    "adj_triple_negative": "ajustement 2017 : triple négatif",
    "adj_er_positive": "ajustement 2017 : récepteurs aux œstrogènes positifs",
    "adj_er_negative": "ajustement 2017 : récepteurs aux œstrogènes négatifs",
    "adj_her2": "ajustement 2017 : HER2 amplifié",
    "adj_histology": "ajustement 2017 : histologie {histology}",
    "adj_ovary_not_scored": "ajustement 2017 : histologie {histology}, le cas ne compte pas",
    "adj_high_grade_serous": "ajustement 2017 : séreux de haut grade avant 60 ans",
    "adj_adopted": "ajustement 2017 : cas index adopté",
    # Amsterdam II
    "amsterdam_three": (
        "au moins 3 apparentés atteints d'un cancer du spectre de Lynch (côlon-rectum, "
        "endomètre, intestin grêle, uretère ou bassinet)"
    ),
    "amsterdam_first_degree": "l'un apparenté au premier degré des deux autres",
    "amsterdam_generations": "au moins 2 générations successives atteintes",
    "amsterdam_before_50": "au moins un diagnostic avant 50 ans",
    "amsterdam_verified": "tumeurs vérifiées (compte rendu anatomopathologique)",
    "amsterdam_fap_excluded": "polypose adénomateuse familiale exclue",
    "amsterdam_met": "Critères d'Amsterdam II remplis : {people}.",
    "amsterdam_uncertain": (
        "Critères d'Amsterdam II remplis sur l'histoire déclarée ({people}), à confirmer."
    ),
    "amsterdam_to_verify": (
        "Tumeurs à vérifier sur un compte rendu anatomopathologique : {people}."
    ),
    "amsterdam_age_to_check": "Âge au diagnostic à préciser (avant 50 ans ?) : {people}.",
    "amsterdam_not_met": "Critères d'Amsterdam II non remplis, il manque : {items}.",
    "amsterdam_none": (
        "Aucun cancer du spectre de Lynch dans la famille : critères d'Amsterdam II non remplis."
    ),
    "amsterdam_fap": (
        "La polypose adénomateuse familiale n'est pas renseignée dans le dossier : à exclure."
    ),
    # revised Bethesda
    "bethesda_1": "critère 1 : cancer colorectal avant 50 ans",
    "bethesda_2": "critère 2 : tumeurs synchrones ou métachrones du spectre HNPCC",
    "bethesda_3": (
        "critère 3 : cancer colorectal d'histologie évocatrice d'instabilité (mucineux) "
        "avant 60 ans"
    ),
    "bethesda_4": (
        "critère 4 : apparenté au premier degré atteint d'une tumeur du spectre, "
        "un diagnostic avant 50 ans : {people}"
    ),
    "bethesda_5": (
        "critère 5 : au moins 2 apparentés au premier ou deuxième degré atteints d'une "
        "tumeur du spectre : {people}"
    ),
    "bethesda_test": (
        "Rechercher une instabilité microsatellitaire (MSI) ou un déficit MMR sur la "
        "tumeur de : {people}."
    ),
    "bethesda_maybe": (
        "Critère possiblement rempli selon un âge imprécis : {people} ; précisez l'âge "
        "au diagnostic."
    ),
    "bethesda_none": "Aucun critère de Bethesda révisé n'est rempli.",
    "mmr_known_msi": "Tumeur du cas index ({site}) déjà analysée : {msi}.",
    "mmr_known_ihc": "Immunohistochimie de la tumeur du cas index ({site}) : {ihc}.",
}

BRANCH_LABELS = {Branch.PATERNAL: "Branche paternelle", Branch.MATERNAL: "Branche maternelle"}


def french_age(age: Age) -> str:
    """ "36 ans", "~60 ans", "40-49 ans"; "âge inconnu"."""
    return f"{age.text} ans" if age.known else "âge inconnu"


def french_person(family: Family | None, person_id: str) -> str:
    """ "mère (Marie)", "tante paternelle (p8)" (no name), "cas index"."""
    if family is None or family.get(person_id) is None:
        return "cas index" if family is None else person_id
    person = family.person(person_id)
    relation = relationship_to_proband(family, person_id) or person_id
    if person.proband:
        return relation
    name = person.name.strip()
    return f"{relation} ({name or person_id})"


def _value(name: str, value: object, family: Family | None) -> str:
    if isinstance(value, Phrase):
        return french(value, family)
    if name == "person" and isinstance(value, str):
        return french_person(family, value)
    if name == "people" and isinstance(value, tuple):
        return ", ".join(french_person(family, p) for p in value) or "—"
    if name == "items" and isinstance(value, tuple):
        return " ; ".join(_value("", item, family) for item in value)
    if isinstance(value, Branch):
        return BRANCH_LABELS[value]
    if isinstance(value, Age):
        return french_age(value)
    if isinstance(value, Points):
        return str(value)
    labels = {
        "site": {code: site.label for code, site in CANCER_SITES.items()},
        "histology": HISTOLOGIES,
        "msi": MSI_STATUSES,
        "ihc": IHC_STATUSES,
    }.get(name)
    if labels is not None:
        return labels.get(str(value), str(value))
    return str(value)


def french(phrase: Phrase, family: Family | None = None) -> str:
    """The French text of ``phrase``; ``family`` names the people it mentions."""
    template = FRENCH[phrase.code]
    return template.format(**{name: _value(name, value, family) for name, value in phrase.params})


def french_text(phrases: Iterable[Phrase], family: Family | None = None) -> str:
    """Sentences one after the other: a score's reading as one paragraph."""
    return " ".join(french(phrase, family) for phrase in phrases)


def french_contribution(contribution: Contribution, family: Family | None = None) -> str:
    """One line of a score's list of relatives, for a report: "mère (p3) : ovaire, 52 ans,
    3 points", "cas index : variant pathogène BRCA1 identifié, 5 points", "père (p2) :
    côlon-rectum, 48 ans (avant 50 ans ; tumeur non vérifiée)"."""
    parts = []
    if contribution.site:
        site = CANCER_SITES.get(contribution.site)
        parts.append(f"{site.label if site else contribution.site}, {french_age(contribution.age)}")
    notes = [french(note, family) for note in contribution.notes]
    if notes and not parts:
        parts.append(notes.pop(0))
    if contribution.points:
        shown = " / ".join(
            p.signed() if contribution.kind == "adjustment" else str(p)
            for p in contribution.points[:2]
        )
        unit = (
            "point"
            if len(contribution.points) == 1 and abs(contribution.points[0].high) < 2
            else "points"
        )
        parts.append(
            f"{shown} {unit}" if len(contribution.points) == 1 else f"{shown} (BRCA1 / BRCA2)"
        )
    line = f"{french_person(family, contribution.person_id)} : {', '.join(parts)}"
    return f"{line} ({' ; '.join(notes)})" if notes else line
