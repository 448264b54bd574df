"""The patient's genetics (the Génétique tab): tests, variants, consents, relatives informed.

A third clinical form (``clinical_forms.FormKind.GENETICS``), pure data:

* :class:`GeneticTest` — date, laboratory, indication, the analysis (a panel and
  its genes; the targeted search of a familial variant; a predictive test of a
  relative, who is then named with the familial variant sought), its status
  (requested, sent, result received) and, for a predictive test, the relative's
  result (carrier or not);
* :class:`Variant` — gene (HGNC symbol; :data:`PREDISPOSITION_GENES` is the
  shipped list, another symbol is allowed with a notice), HGVS ``c.`` and ``p.``
  descriptions checked by ``hgvs_syntax``, ACMG/AMP class 1 to 5
  (:data:`ACMG_CLASSES`, French labels), zygosity, the test that found it;
* :class:`Consent` — date, scope, the signed form (``document_id``: an
  attachment of the file, when there is one);
* :class:`RelativeInformation` — which relatives were informed, when, how
  (which letter).

:func:`validate` returns every problem with the path of its field
("variants[0].hgvs_c"), French messages and specific codes; :func:`notices`
the remarks that do not prevent saving (a gene outside the shipped list).

**What counts as a positive result** is decided here and nowhere else:
:func:`is_positive` — class 4 or 5. A class 3 variant (uncertain significance)
is never positive: not on the pedigree (:func:`genetics_results`, shown "VSI"),
not in the patient list, not in letters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import Family, GeneticResult, person_label
from oiso_desktop.domain.hgvs_syntax import ProblemKind, check_c, check_p

__all__ = [
    "ACMG_CLASSES",
    "CONSENT_SCOPES",
    "INFORMATION_CHANNELS",
    "MAX_NOTE_LENGTH",
    "MAX_TEXT_LENGTH",
    "POSITIVE_CLASSES",
    "PREDISPOSITION_GENES",
    "RELATIVE_OUTCOMES",
    "TEST_KINDS",
    "TEST_STATUSES",
    "ZYGOSITIES",
    "Consent",
    "GeneticTest",
    "Genetics",
    "GeneticsKeyFacts",
    "RelativeInformation",
    "Variant",
    "cited_relatives",
    "class_label",
    "gene_problem",
    "genetics_key_facts",
    "genetics_results",
    "hgvs_problem",
    "is_positive",
    "listed_gene",
    "next_test_id",
    "notices",
    "positive_variants",
    "removed_cited_relatives",
    "test_label",
    "unlisted_gene_notice",
    "validate",
    "variant_label",
    "with_results",
]

MAX_NOTE_LENGTH = 4000
MAX_TEXT_LENGTH = 200  # laboratory, indication, letter reference

#: Cancer-predisposition genes with the cancers they are best known for (French).
#: Data, not rules: the list the gene input completes from; another HGNC symbol is
#: accepted with a notice.
PREDISPOSITION_GENES: Mapping[str, str] = {
    "BRCA1": "sein, ovaire",
    "BRCA2": "sein, ovaire, prostate, pancréas",
    "PALB2": "sein, pancréas",
    "ATM": "sein, pancréas",
    "CHEK2": "sein",
    "BARD1": "sein",
    "RAD51C": "ovaire, sein",
    "RAD51D": "ovaire, sein",
    "BRIP1": "ovaire",
    "TP53": "syndrome de Li-Fraumeni",
    "PTEN": "syndrome de Cowden (PHTS)",
    "CDH1": "estomac diffus, sein lobulaire",
    "STK11": "syndrome de Peutz-Jeghers",
    "MLH1": "syndrome de Lynch",
    "MSH2": "syndrome de Lynch",
    "MSH6": "syndrome de Lynch",
    "PMS2": "syndrome de Lynch",
    "EPCAM": "syndrome de Lynch",
    "APC": "polypose adénomateuse familiale",
    "MUTYH": "polypose associée à MUTYH",
    "BMPR1A": "polypose juvénile",
    "SMAD4": "polypose juvénile",
    "POLE": "polypose (PPAP)",
    "POLD1": "polypose (PPAP)",
    "NTHL1": "polypose associée à NTHL1",
    "MSH3": "polypose",
    "GREM1": "polypose mixte héréditaire",
    "CDKN2A": "mélanome, pancréas",
    "CDK4": "mélanome",
    "BAP1": "mélanome uvéal, mésothéliome, rein",
    "MITF": "mélanome, rein",
    "POT1": "mélanome",
    "VHL": "maladie de von Hippel-Lindau",
    "SDHA": "paragangliome, phéochromocytome",
    "SDHB": "paragangliome, phéochromocytome",
    "SDHC": "paragangliome, phéochromocytome",
    "SDHD": "paragangliome, phéochromocytome",
    "SDHAF2": "paragangliome",
    "MAX": "phéochromocytome",
    "TMEM127": "phéochromocytome",
    "RET": "néoplasie endocrinienne multiple de type 2",
    "MEN1": "néoplasie endocrinienne multiple de type 1",
    "CDC73": "hyperparathyroïdie, parathyroïde",
    "NF1": "neurofibromatose de type 1",
    "NF2": "neurofibromatose de type 2",
    "TSC1": "sclérose tubéreuse de Bourneville",
    "TSC2": "sclérose tubéreuse de Bourneville",
    "FH": "léiomyomatose, rein",
    "FLCN": "syndrome de Birt-Hogg-Dubé",
    "MET": "rein papillaire",
    "RB1": "rétinoblastome",
    "WT1": "néphroblastome",
    "DICER1": "syndrome DICER1",
    "SMARCB1": "schwannomatose, tumeur rhabdoïde",
    "PTCH1": "syndrome de Gorlin",
    "SUFU": "syndrome de Gorlin, médulloblastome",
    "HOXB13": "prostate",
    "CTNNA1": "estomac diffus",
    "AXIN2": "polypose oligodontie",
}

#: ACMG/AMP classes (Richards et al. 2015) and their French labels.
ACMG_CLASSES: Mapping[int, str] = {
    1: "bénin",
    2: "probablement bénin",
    3: "de signification incertaine",
    4: "probablement pathogène",
    5: "pathogène",
}
#: The classes read as a positive result; class 3 is not one (see the module).
POSITIVE_CLASSES = frozenset({4, 5})

ZYGOSITIES: Mapping[str, str] = {
    "heterozygous": "hétérozygote",
    "homozygous": "homozygote",
    "compound_heterozygous": "hétérozygote composite",
    "hemizygous": "hémizygote",
    "mosaic": "mosaïque",
    "unknown": "non précisée",
}
TEST_KINDS: Mapping[str, str] = {
    "panel": "panel de gènes",
    "targeted": "recherche ciblée du variant familial",
    "predictive": "test présymptomatique d'un apparenté",
}
TEST_STATUSES: Mapping[str, str] = {
    "requested": "prescrit",
    "sent": "envoyé au laboratoire",
    "result_received": "résultat reçu",
}
#: A predictive test's result for the relative ("": not known yet).
RELATIVE_OUTCOMES: Mapping[str, str] = {
    "": "non connu",
    "carrier": "porteur du variant familial",
    "non_carrier": "non porteur du variant familial",
}
CONSENT_SCOPES: Mapping[str, str] = {
    "diagnostic": "examen des caractéristiques génétiques à visée diagnostique",
    "predictive": "test présymptomatique",
    "sample_storage": "conservation des prélèvements",
    "research": "utilisation pour la recherche",
    "relatives_by_practitioner": "information de la parentèle par le médecin",
}
INFORMATION_CHANNELS: Mapping[str, str] = {
    "letter_by_patient": "lettre remise par la patiente ou le patient",
    "letter_by_practitioner": "lettre adressée par le médecin",
    "oral": "information orale par la patiente ou le patient",
    "other": "autre",
}

_GENE_SYMBOL = re.compile(r"[A-Z][A-Z0-9]*(?:orf\d+)?(?:-[A-Z0-9]+)*")
_MAX_GENE_LENGTH = 20
_LISTED_UPPER = {gene.upper(): gene for gene in PREDISPOSITION_GENES}


# --------------------------------------------------------------------------- content


@dataclass(frozen=True, kw_only=True)
class GeneticTest:
    """One genetic analysis. ``id`` ("t1") stays with the test: variants name it."""

    id: str
    kind: str = "panel"  # key of TEST_KINDS
    date: dt.date | None = None  # prescribed on
    laboratory: str = ""
    indication: str = ""
    genes: tuple[str, ...] = ()  # panel: the genes analysed
    familial_gene: str = ""  # targeted / predictive: the familial variant sought
    familial_variant: str = ""  # its HGVS c. description
    relative_id: str | None = None  # predictive: the relative tested (family person id)
    status: str = "requested"  # key of TEST_STATUSES
    relative_outcome: str = ""  # predictive, result received: key of RELATIVE_OUTCOMES
    note: str = ""

    @property
    def kind_label(self) -> str:
        return TEST_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True, kw_only=True)
class Variant:
    """A germline variant found in the patient."""

    gene: str
    hgvs_c: str = ""
    hgvs_p: str = ""
    acmg_class: int | None = None  # 1..5 (ACMG_CLASSES); None: not chosen yet
    zygosity: str = "heterozygous"  # key of ZYGOSITIES
    test_id: str = ""  # the test that found it ("": not said)
    note: str = ""

    @property
    def positive(self) -> bool:
        return is_positive(self)


@dataclass(frozen=True, kw_only=True)
class Consent:
    """Consent to genetic testing; ``document_id``: the signed form, an attachment."""

    date: dt.date | None = None
    scopes: tuple[str, ...] = ("diagnostic",)  # keys of CONSENT_SCOPES
    document_id: int | None = None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class RelativeInformation:
    """Relatives informed of the familial variant: who, when, by which letter."""

    relative_ids: tuple[str, ...] = ()  # family person ids
    date: dt.date | None = None
    channel: str = "letter_by_patient"  # key of INFORMATION_CHANNELS
    letter: str = ""  # which letter (its reference)
    document_id: int | None = None  # the letter's copy, an attachment
    note: str = ""


@dataclass(frozen=True)
class Genetics:
    """The content of the genetics form (immutable)."""

    tests: tuple[GeneticTest, ...] = ()
    variants: tuple[Variant, ...] = ()
    consents: tuple[Consent, ...] = ()
    relative_information: tuple[RelativeInformation, ...] = ()

    def test(self, test_id: str) -> GeneticTest | None:
        return next((test for test in self.tests if test.id == test_id), None)


# --------------------------------------------------------------------------- readings


def is_positive(variant: Variant) -> bool:
    """THE rule: a result is positive when its variant is of class 4 or 5. Class 3
    (uncertain significance) never is, whatever its gene."""
    return variant.acmg_class in POSITIVE_CLASSES


def positive_variants(genetics: Genetics) -> tuple[Variant, ...]:
    return tuple(variant for variant in genetics.variants if is_positive(variant))


def class_label(acmg_class: int | None) -> str:
    """ "classe 5 (pathogène)"; "" when not chosen."""
    if acmg_class not in ACMG_CLASSES:
        return ""
    assert acmg_class is not None
    return f"classe {acmg_class} ({ACMG_CLASSES[acmg_class]})"


def variant_label(variant: Variant) -> str:
    """ "BRCA2 c.5946del p.(Ser1982Argfs*22)"."""
    return " ".join(part for part in (variant.gene, variant.hgvs_c, variant.hgvs_p) if part)


def test_label(test: GeneticTest) -> str:
    """ "panel de gènes du 12/03/2024"."""
    if test.date is None:
        return test.kind_label
    return f"{test.kind_label} du {test.date.strftime('%d/%m/%Y')}"


def next_test_id(genetics: Genetics) -> str:
    """An id no test has: "t1", "t2"..."""
    used = {test.id for test in genetics.tests}
    number = len(used) + 1
    while f"t{number}" in used:
        number += 1
    return f"t{number}"


def listed_gene(text: str) -> str:
    """The shipped symbol ``text`` names, whatever its case ("brca2" -> "BRCA2"); else
    ``text`` trimmed (HGNC symbols keep their case: "C11orf65")."""
    value = text.strip()
    return _LISTED_UPPER.get(value.upper(), value)


# --------------------------------------------------------------------------- checks


def _french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _invalid(field: str, value: object) -> ValidationError:
    return ValidationError(
        f"La valeur « {value} » n'est pas possible ici.",
        code=ErrorCode.GENETICS_VALUE_INVALID,
        field=field,
        value=str(value),
    )


def _too_long(field: str, text: str, limit: int) -> list[ValidationError]:
    if len(text) <= limit:
        return []
    return [
        ValidationError(
            f"Ce champ est trop long ({limit} caractères au plus).",
            code=ErrorCode.TOO_LONG,
            field=field,
            max_length=limit,
        )
    ]


def gene_problem(gene: str, field: str) -> ValidationError | None:
    """The problem of a gene symbol typed (empty, or not an HGNC-like symbol)."""
    value = gene.strip()
    if not value:
        return ValidationError(
            "Saisissez le gène (symbole HGNC, par exemple BRCA2).",
            code=ErrorCode.GENETICS_GENE_REQUIRED,
            field=field,
        )
    if len(value) > _MAX_GENE_LENGTH or not _GENE_SYMBOL.fullmatch(value):
        return ValidationError(
            f"« {value} » n'est pas un symbole de gène HGNC (lettres majuscules et "
            "chiffres, par exemple BRCA2 ou RAD51C).",
            code=ErrorCode.GENETICS_GENE_FORMAT,
            field=field,
            gene=value,
        )
    return None


def hgvs_problem(text: str, notation: str, field: str) -> ValidationError | None:
    """The problem of an HGVS description (``notation`` "c" or "p"), None if it reads.
    An empty text is not a problem here (whether it is required is said elsewhere)."""
    value = text.strip()
    if not value:
        return None
    problem = check_c(value) if notation == "c" else check_p(value)
    if problem is None:
        return None
    if problem.kind is ProblemKind.RANGE_ORDER:
        return ValidationError(
            f"« {value} » : le début de l'intervalle doit précéder sa fin.",
            code=ErrorCode.GENETICS_HGVS_RANGE,
            field=field,
            value=value,
        )
    if problem.kind is ProblemKind.NOT_ADJACENT:
        return ValidationError(
            f"« {value} » : une insertion se place entre deux positions voisines "
            "(par exemple 1234_1235ins).",
            code=ErrorCode.GENETICS_HGVS_INSERTION,
            field=field,
            value=value,
        )
    if notation == "c":
        return ValidationError(
            f"« {value} » n'est pas une description HGVS c. valide (lecture impossible au "
            f"caractère {problem.position}). Exemples : c.5946del, c.68-2A>G, "
            "c.1234_1235insT.",
            code=ErrorCode.GENETICS_HGVS_C,
            field=field,
            value=value,
            position=problem.position,
        )
    return ValidationError(
        f"« {value} » n'est pas une description HGVS p. valide (lecture impossible au "
        f"caractère {problem.position}). Exemples : p.(Ser1982Argfs*22), p.Arg1699Trp, "
        "p.(=).",
        code=ErrorCode.GENETICS_HGVS_P,
        field=field,
        value=value,
        position=problem.position,
    )


def _date_problems(
    field: str, day: dt.date | None, *, birth_date: dt.date, today: dt.date
) -> list[ValidationError]:
    if day is None:
        return [
            ValidationError(
                "Saisissez la date (JJ/MM/AAAA).",
                code=ErrorCode.GENETICS_DATE_REQUIRED,
                field=field,
            )
        ]
    if day < birth_date:
        return [
            ValidationError(
                f"La date du {_french_date(day)} précède la naissance de la patiente ou du "
                f"patient ({_french_date(birth_date)}).",
                code=ErrorCode.GENETICS_DATE_BEFORE_BIRTH,
                field=field,
                date=_french_date(day),
                birth_date=_french_date(birth_date),
            )
        ]
    if day > today:
        return [
            ValidationError(
                f"La date du {_french_date(day)} est dans le futur.",
                code=ErrorCode.GENETICS_DATE_FUTURE,
                field=field,
                date=_french_date(day),
            )
        ]
    return []


def cited_relatives(genetics: Genetics) -> set[str]:
    """The family person ids the genetics form names: relatives tested (predictive
    tests) and relatives informed of the result."""
    cited = {test.relative_id for test in genetics.tests if test.relative_id}
    for information in genetics.relative_information:
        cited.update(information.relative_ids)
    return cited


def removed_cited_relatives(
    genetics: Genetics, before: Family, after: Family
) -> list[ValidationError]:
    """A family save may not remove a person the genetics form names: the test or the
    information would point to nobody. One error per person, named as in ``before``."""
    problems = []
    for person_id in sorted(cited_relatives(genetics)):
        person = before.get(person_id)
        if person is None or after.get(person_id) is not None:
            continue
        problems.append(
            ValidationError(
                f"{person_label(person)} est cité(e) dans l'onglet Génétique (test prédictif "
                "ou information de la famille) : retirez d'abord ces mentions, puis "
                "supprimez la personne.",
                code=ErrorCode.FAMILY_PERSON_CITED_IN_GENETICS,
                field="people",
                person_id=person_id,
                person=person_label(person),
            )
        )
    return problems


def _relative_problems(field: str, person_id: str, family: Family | None) -> list[ValidationError]:
    if family is None:
        return []
    person = family.get(person_id)
    if person is None:
        return [
            ValidationError(
                f"L'apparenté « {person_id} » ne figure pas dans la famille (onglet Famille).",
                code=ErrorCode.GENETICS_RELATIVE_UNKNOWN,
                field=field,
                person_id=person_id,
            )
        ]
    if person.proband:
        return [
            ValidationError(
                "Choisissez un apparenté : ce ne peut pas être la patiente ou le patient.",
                code=ErrorCode.GENETICS_RELATIVE_PROBAND,
                field=field,
                person_id=person_id,
            )
        ]
    return []


def _test_problems(
    index: int, test: GeneticTest, *, birth_date: dt.date, today: dt.date, family: Family | None
) -> list[ValidationError]:
    prefix = f"tests[{index}]"
    problems: list[ValidationError] = []
    if test.kind not in TEST_KINDS:
        problems.append(_invalid(f"{prefix}.kind", test.kind))
    if test.status not in TEST_STATUSES:
        problems.append(_invalid(f"{prefix}.status", test.status))
    problems += _date_problems(f"{prefix}.date", test.date, birth_date=birth_date, today=today)
    problems += _too_long(f"{prefix}.laboratory", test.laboratory, MAX_TEXT_LENGTH)
    problems += _too_long(f"{prefix}.indication", test.indication, MAX_TEXT_LENGTH)
    if test.kind == "panel":
        if not test.genes:
            problems.append(
                ValidationError(
                    "Un panel analyse au moins un gène : saisissez ses gènes.",
                    code=ErrorCode.GENETICS_PANEL_GENES,
                    field=f"{prefix}.genes",
                )
            )
        for gene in test.genes:
            if (problem := gene_problem(gene, f"{prefix}.genes")) is not None:
                problems.append(problem)
                break
    elif test.kind in ("targeted", "predictive"):
        if not test.familial_gene.strip() or not test.familial_variant.strip():
            missing = "familial_gene" if not test.familial_gene.strip() else "familial_variant"
            problems.append(
                ValidationError(
                    "Une recherche ciblée ou un test présymptomatique porte sur le variant "
                    "familial : saisissez son gène et sa description HGVS c.",
                    code=ErrorCode.GENETICS_FAMILIAL_VARIANT_REQUIRED,
                    field=f"{prefix}.{missing}",
                )
            )
        if test.familial_gene.strip() and (
            problem := gene_problem(test.familial_gene, f"{prefix}.familial_gene")
        ):
            problems.append(problem)
        if problem := hgvs_problem(test.familial_variant, "c", f"{prefix}.familial_variant"):
            problems.append(problem)
    if test.kind == "predictive":
        if not test.relative_id:
            problems.append(
                ValidationError(
                    "Un test présymptomatique concerne un apparenté : choisissez-le.",
                    code=ErrorCode.GENETICS_RELATIVE_REQUIRED,
                    field=f"{prefix}.relative_id",
                )
            )
        else:
            problems += _relative_problems(f"{prefix}.relative_id", test.relative_id, family)
    elif test.relative_id:
        problems.append(_invalid(f"{prefix}.relative_id", test.relative_id))
    if test.relative_outcome not in RELATIVE_OUTCOMES:
        problems.append(_invalid(f"{prefix}.relative_outcome", test.relative_outcome))
    elif test.relative_outcome and (test.kind != "predictive" or test.status != "result_received"):
        problems.append(
            ValidationError(
                "Le résultat de l'apparenté ne se renseigne que pour un test présymptomatique "
                "dont le résultat est reçu.",
                code=ErrorCode.GENETICS_OUTCOME_STATUS,
                field=f"{prefix}.relative_outcome",
            )
        )
    problems += _too_long(f"{prefix}.note", test.note, MAX_NOTE_LENGTH)
    return problems


def _variant_problems(
    index: int, variant: Variant, test_ids: Collection[str], seen: set[tuple[str, str]]
) -> list[ValidationError]:
    prefix = f"variants[{index}]"
    problems: list[ValidationError] = []
    if (problem := gene_problem(variant.gene, f"{prefix}.gene")) is not None:
        problems.append(problem)
    if not variant.hgvs_c.strip():
        problems.append(
            ValidationError(
                "Saisissez la description HGVS c. du variant (par exemple c.5946del).",
                code=ErrorCode.GENETICS_HGVS_C_REQUIRED,
                field=f"{prefix}.hgvs_c",
            )
        )
    elif problem := hgvs_problem(variant.hgvs_c, "c", f"{prefix}.hgvs_c"):
        problems.append(problem)
    if problem := hgvs_problem(variant.hgvs_p, "p", f"{prefix}.hgvs_p"):
        problems.append(problem)
    if variant.acmg_class is None:
        problems.append(
            ValidationError(
                "Choisissez la classe ACMG du variant, de 1 (bénin) à 5 (pathogène).",
                code=ErrorCode.GENETICS_CLASS_REQUIRED,
                field=f"{prefix}.acmg_class",
            )
        )
    elif variant.acmg_class not in ACMG_CLASSES:
        problems.append(
            ValidationError(
                f"Classe ACMG « {variant.acmg_class} » inconnue : choisissez une classe de 1 "
                "(bénin) à 5 (pathogène).",
                code=ErrorCode.GENETICS_CLASS_INVALID,
                field=f"{prefix}.acmg_class",
                value=str(variant.acmg_class),
            )
        )
    if variant.zygosity not in ZYGOSITIES:
        problems.append(_invalid(f"{prefix}.zygosity", variant.zygosity))
    if variant.test_id and variant.test_id not in test_ids:
        problems.append(_invalid(f"{prefix}.test_id", variant.test_id))
    key = (variant.gene.strip().upper(), variant.hgvs_c.strip())
    if all(key) and key in seen:
        problems.append(
            ValidationError(
                f"Ce variant ({variant.gene} {variant.hgvs_c}) est déjà saisi.",
                code=ErrorCode.GENETICS_VARIANT_DUPLICATE,
                field=f"{prefix}.hgvs_c",
                variant=f"{variant.gene} {variant.hgvs_c}",
            )
        )
    seen.add(key)
    problems += _too_long(f"{prefix}.note", variant.note, MAX_NOTE_LENGTH)
    return problems


def _consent_problems(
    index: int, consent: Consent, *, birth_date: dt.date, today: dt.date
) -> list[ValidationError]:
    prefix = f"consents[{index}]"
    problems = _date_problems(f"{prefix}.date", consent.date, birth_date=birth_date, today=today)
    if not consent.scopes:
        problems.append(
            ValidationError(
                "Cochez ce que couvre le consentement.",
                code=ErrorCode.GENETICS_CONSENT_SCOPE,
                field=f"{prefix}.scopes",
            )
        )
    for scope in consent.scopes:
        if scope not in CONSENT_SCOPES:
            problems.append(_invalid(f"{prefix}.scopes", scope))
    if consent.document_id is not None and consent.document_id <= 0:
        problems.append(_invalid(f"{prefix}.document_id", consent.document_id))
    problems += _too_long(f"{prefix}.note", consent.note, MAX_NOTE_LENGTH)
    return problems


def _information_problems(
    index: int,
    information: RelativeInformation,
    *,
    birth_date: dt.date,
    today: dt.date,
    family: Family | None,
) -> list[ValidationError]:
    prefix = f"relative_information[{index}]"
    problems: list[ValidationError] = []
    if not information.relative_ids:
        problems.append(
            ValidationError(
                "Cochez les apparentés informés.",
                code=ErrorCode.GENETICS_INFORMATION_RELATIVES,
                field=f"{prefix}.relative_ids",
            )
        )
    for person_id in dict.fromkeys(information.relative_ids):
        problems += _relative_problems(f"{prefix}.relative_ids", person_id, family)
    problems += _date_problems(
        f"{prefix}.date", information.date, birth_date=birth_date, today=today
    )
    if information.channel not in INFORMATION_CHANNELS:
        problems.append(_invalid(f"{prefix}.channel", information.channel))
    problems += _too_long(f"{prefix}.letter", information.letter, MAX_TEXT_LENGTH)
    if information.document_id is not None and information.document_id <= 0:
        problems.append(_invalid(f"{prefix}.document_id", information.document_id))
    problems += _too_long(f"{prefix}.note", information.note, MAX_NOTE_LENGTH)
    return problems


def validate(
    genetics: Genetics,
    *,
    birth_date: dt.date,
    today: dt.date,
    family: Family | None = None,
) -> list[ValidationError]:
    """Every problem of ``genetics`` for a patient born on ``birth_date``; each with a
    French message, a specific code and the path of its field ("tests[0].date").

    ``family``: the patient's family, against which the relatives named are checked
    (None: not checked)."""
    problems: list[ValidationError] = []
    seen_ids: set[str] = set()
    for index, test in enumerate(genetics.tests):
        if not test.id or test.id in seen_ids:
            problems.append(_invalid(f"tests[{index}].id", test.id))
        seen_ids.add(test.id)
        problems += _test_problems(index, test, birth_date=birth_date, today=today, family=family)
    seen_variants: set[tuple[str, str]] = set()
    for index, variant in enumerate(genetics.variants):
        problems += _variant_problems(index, variant, seen_ids, seen_variants)
    for index, consent in enumerate(genetics.consents):
        problems += _consent_problems(index, consent, birth_date=birth_date, today=today)
    for index, information in enumerate(genetics.relative_information):
        problems += _information_problems(
            index, information, birth_date=birth_date, today=today, family=family
        )
    return problems


def unlisted_gene_notice(gene: str, field: str) -> ValidationError | None:
    """A remark (not a problem) for a valid symbol outside :data:`PREDISPOSITION_GENES`."""
    value = gene.strip()
    if not value or gene_problem(value, field) is not None or value in PREDISPOSITION_GENES:
        return None
    return ValidationError(
        f"{value} ne fait pas partie de la liste des gènes de prédisposition : vérifiez "
        "le symbole.",
        code=ErrorCode.GENETICS_GENE_UNLISTED,
        field=field,
        gene=value,
    )


def notices(genetics: Genetics) -> list[ValidationError]:
    """Remarks that do not prevent saving: genes outside the shipped list."""
    found: list[ValidationError] = []
    for index, variant in enumerate(genetics.variants):
        if notice := unlisted_gene_notice(variant.gene, f"variants[{index}].gene"):
            found.append(notice)
    for index, test in enumerate(genetics.tests):
        if test.kind in ("targeted", "predictive") and (
            notice := unlisted_gene_notice(test.familial_gene, f"tests[{index}].familial_gene")
        ):
            found.append(notice)
    return found


# ------------------------------------------------------------------ the pedigree's marks


def _result_code(variant: Variant) -> str | None:
    """How a variant shows among a person's genetic results (None: not shown)."""
    if is_positive(variant):
        return "HOM" if variant.zygosity == "homozygous" else "P"
    if variant.acmg_class == 3:
        return "VUS"
    return None  # class 1 or 2: benign, nothing to mark


def genetics_results(genetics: Genetics, family: Family) -> dict[str, tuple[GeneticResult, ...]]:
    """The results of the genetics form as the pedigree shows them, by person id.

    The proband: each variant of class 4-5 as a pathogenic result (the carrier
    mark), class 3 as "VUS" (never a carrier mark), classes 1-2 not shown. A
    relative with a predictive test whose result is received: carrier ("P") or
    not ("N") for the familial gene.
    """
    results: dict[str, list[GeneticResult]] = {}
    proband = family.proband
    tests = {test.id: test for test in genetics.tests}
    if proband is not None:
        for variant in genetics.variants:
            code = _result_code(variant)
            if code is None or not variant.gene.strip():
                continue
            test = tests.get(variant.test_id)
            results.setdefault(proband.id, []).append(
                GeneticResult(
                    gene=listed_gene(variant.gene),
                    test_type="T" if test is not None and test.kind != "panel" else "S",
                    result=code,
                    variant=variant.hgvs_c.strip(),
                )
            )
    for test in genetics.tests:
        if (
            test.kind != "predictive"
            or test.status != "result_received"
            or test.relative_outcome not in ("carrier", "non_carrier")
            or not test.relative_id
            or family.get(test.relative_id) is None
            or not test.familial_gene.strip()
        ):
            continue
        results.setdefault(test.relative_id, []).append(
            GeneticResult(
                gene=listed_gene(test.familial_gene),
                test_type="T",
                result="P" if test.relative_outcome == "carrier" else "N",
                variant=test.familial_variant.strip(),
            )
        )
    return {person_id: tuple(found) for person_id, found in results.items()}


def with_results(family: Family, results: Mapping[str, Sequence[GeneticResult]]) -> Family:
    """``family`` as displayed with ``results`` (from :func:`genetics_results`): for each
    person named, the results of the same genes entered in the family form give way to
    these, the others stay. For display only: never saved."""
    if not results:
        return family
    people = []
    for person in family.people:
        extra = tuple(results.get(person.id, ()))
        if extra:
            genes = {result.gene.upper() for result in extra}
            kept = tuple(r for r in person.genetic_results if r.gene.strip().upper() not in genes)
            person = dataclasses.replace(person, genetic_results=kept + extra)
        people.append(person)
    return dataclasses.replace(family, people=tuple(people))


# ------------------------------------------------------------------ the patient list


@dataclass(frozen=True)
class GeneticsKeyFacts:
    """The patient's variants at a glance: (gene, class) pairs, the most significant
    first; what the patient list shows and filters on."""

    variants: tuple[tuple[str, int], ...] = ()

    @property
    def positive_genes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g for g, c in self.variants if c in POSITIVE_CLASSES))

    def matches(self, gene: str | None = None, classes: Iterable[int] | None = None) -> bool:
        """Whether one variant has ``gene`` (any case; None: any) and a class among
        ``classes`` (None: any)."""
        wanted = None if classes is None else frozenset(classes)
        target = None if gene is None else gene.strip().upper()
        return any(
            (target is None or g.upper() == target) and (wanted is None or c in wanted)
            for g, c in self.variants
        )


def genetics_key_facts(genetics: Genetics) -> GeneticsKeyFacts:
    """The (gene, class) of each classified variant, by class (5 first) then gene."""
    pairs = {
        (listed_gene(variant.gene), variant.acmg_class)
        for variant in genetics.variants
        if variant.gene.strip() and variant.acmg_class in ACMG_CLASSES
    }
    ordered = sorted(pairs, key=lambda pair: (-(pair[1] or 0), pair[0]))
    return GeneticsKeyFacts(tuple((gene, int(cls or 0)) for gene, cls in ordered))
