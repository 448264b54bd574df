"""The seed protocols: REFERENCE.md "Surveillance protocols (seed data)", as data.

Stored in the database at setup (version 1), then reviewed and versioned there; this
module is only their first content. Names, notes and source notes are French: they
are clinical data shown as such in the protocol screen, like the surgery labels of
``personal_history``.

Choices made where REFERENCE.md is silent (also said in the source notes):

* Men carrying BRCA1/BRCA2: REFERENCE.md gives no row for men, so the seed
  protocols have women's items only and a man's plan is empty; the engine names the
  gene in ``Plan.genes_without_items`` and a custom protocol can fill the gap.
* A bilateral mastectomy stops breast imaging (MRI, mammographies), not the
  clinical exam, which comes with the gynaecological exam. A bilateral
  salpingo-oophorectomy stops the RRSO discussion. A hysterectomy stops the Lynch
  gynaecological exam (endometrium) and the hysterectomy discussion. A colectomy
  stops the APC colectomy discussion; the APC endoscopy goes on (rectum or pouch).
* APC upper endoscopy "per findings": the first is due at the start age, the next
  when a practitioner sets the interval (adjustment).
* MUTYH ESGE: REFERENCE.md gives the start ages only (colonoscopy 18, upper
  endoscopy 35); the interval is the French one (24 months), without fixed ages.
* The HAS 2014 protocols (no variant found) are not gene-driven: ``genes=()``,
  ``manual_only=True``, selected by hand in the patient's file.
"""

from __future__ import annotations

from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.protocols import (
    BOTH_SEXES,
    VARIANT_ESGE,
    VARIANT_FR,
    WOMEN,
    Protocol,
    ProtocolItem,
)

__all__ = ["SEED_PROTOCOLS", "seed_protocol"]

_MASTECTOMY = frozenset({"mastectomy"})
_RRSO = frozenset({"salpingo_oophorectomy"})
_HYSTERECTOMY = frozenset({"hysterectomy"})
_COLECTOMY = frozenset({"colectomy"})

_REF = "REFERENCE.md, « Surveillance protocols (seed data) »"


def _item(
    exam: ExamKind,
    sexes: frozenset[str],
    *,
    start_age: int,
    interval_months: int | None = None,
    note: str,
    end_age: int | None = None,
    fixed_ages: tuple[float, ...] = (),
    from_diagnosis: bool = False,
    repeat_per_findings: bool = False,
    stopped_by: frozenset[str] = frozenset(),
    to_confirm_note: str = "",
) -> ProtocolItem:
    """One row of a seed protocol, stating only what it sets: its key is the exam's code
    (a seed protocol has one item per exam), and a ``to_confirm_note`` marks it
    "to confirm"."""
    return ProtocolItem(
        key=exam.value,
        exam=exam,
        sexes=sexes,
        start_age=start_age,
        end_age=end_age,
        interval_months=interval_months,
        fixed_ages=fixed_ages,
        from_diagnosis=from_diagnosis,
        repeat_per_findings=repeat_per_findings,
        stopped_by=stopped_by,
        to_confirm=bool(to_confirm_note),
        to_confirm_note=to_confirm_note,
        note=note,
    )


def _breast_items(*, high_risk_note: str = "") -> tuple[ProtocolItem, ...]:
    """The breast rows shared by BRCA1/BRCA2 women and the HAS very high risk."""
    return (
        _item(
            ExamKind.CLINICAL_BREAST_EXAM,
            WOMEN,
            start_age=20,
            interval_months=6,
            to_confirm_note=(
                "INCa 2017 pourrait indiquer : annuel avant 30 ans, semestriel à partir de "
                "30 ans (à confirmer)."
            ),
            note="Examen clinique mammaire, avec l'examen gynécologique." + high_risk_note,
        ),
        _item(
            ExamKind.BREAST_MRI,
            WOMEN,
            start_age=30,
            interval_months=12,
            end_age=65,
            stopped_by=_MASTECTOMY,
            note="IRM mammaire entre le 7e et le 14e jour du cycle ; de 30 à 64 ans.",
        ),
        _item(
            ExamKind.MAMMOGRAPHY,
            WOMEN,
            start_age=30,
            interval_months=12,
            end_age=65,
            stopped_by=_MASTECTOMY,
            note=(
                "Mammographie (une incidence oblique par sein) ± échographie si seins denses, "
                "dans les 2 mois de l'IRM ; de 30 à 64 ans."
            ),
        ),
        _item(
            ExamKind.BILATERAL_MAMMOGRAPHY,
            WOMEN,
            start_age=65,
            interval_months=12,
            stopped_by=_MASTECTOMY,
            note="Après 65 ans : mammographie bilatérale (deux incidences) ± échographie.",
        ),
    )


def _rrso(start_age: int) -> ProtocolItem:
    return _item(
        ExamKind.RRSO_DISCUSSION,
        WOMEN,
        start_age=start_age,
        stopped_by=_RRSO,
        to_confirm_note=f"Âge de {start_age} ans couramment cité, non lu dans une source "
        "primaire (à confirmer).",
        note="Annexectomie bilatérale prophylactique discutée.",
    )


_BRCA_MEN = (
    " Hommes porteurs : REFERENCE.md ne donne pas de ligne pour les hommes ; le plan d'un "
    "homme est vide sauf protocole personnalisé."
)
_STOPS_BREAST = (
    " Une mastectomie bilatérale (ou gauche et droite) arrête l'imagerie mammaire, pas "
    "l'examen clinique ; une annexectomie bilatérale arrête la discussion d'annexectomie."
)

BRCA1 = Protocol(
    key="brca1",
    name="BRCA1 — femmes",
    genes=("BRCA1",),
    source_note=f"{_REF} : lignes « BRCA1/BRCA2 women » (INCa 2017) et « BRCA1 women » "
    "(annexectomie discutée à 40 ans, à confirmer)." + _STOPS_BREAST + _BRCA_MEN,
    items=(*_breast_items(), _rrso(40)),
)

BRCA2 = Protocol(
    key="brca2",
    name="BRCA2 — femmes",
    genes=("BRCA2",),
    source_note=f"{_REF} : lignes « BRCA1/BRCA2 women » (INCa 2017) et « BRCA2 women » "
    "(annexectomie discutée à 45 ans, à confirmer)." + _STOPS_BREAST + _BRCA_MEN,
    items=(*_breast_items(), _rrso(45)),
)


def _lynch_women() -> tuple[ProtocolItem, ...]:
    return (
        _item(
            ExamKind.GYNAECOLOGICAL_EXAM,
            WOMEN,
            start_age=30,
            interval_months=12,
            stopped_by=_HYSTERECTOMY,
            note="Examen gynécologique, échographie endovaginale ± biopsie d'endomètre.",
        ),
        _item(
            ExamKind.HYSTERECTOMY_DISCUSSION,
            WOMEN,
            start_age=40,
            stopped_by=_HYSTERECTOMY,
            note="Hystérectomie avec annexectomie prophylactique discutée, projet parental "
            "accompli.",
        ),
    )


def _lynch(
    key: str, genes: tuple[str, ...], variant: str, start_age: int, other_start_age: int
) -> Protocol:
    names = "/".join(genes)
    french = variant == VARIANT_FR
    version_text = "pratique française" if french else "ESGE 2019"
    start_text = (
        f"coloscopie à partir de {start_age} ans (pratique française ; ESGE : "
        f"{other_start_age} ans)"
        if french
        else f"coloscopie à partir de {start_age} ans (ESGE 2019 ; pratique française : "
        f"{other_start_age} ans)"
    )
    return Protocol(
        key=key,
        name=f"Lynch {names} — {version_text}",
        genes=genes,
        variant=variant,
        family="lynch",
        source_note=f"{_REF} : lignes « Lynch ({', '.join(genes)}) » — {start_text}, tous "
        "les 24 mois — et « Lynch women » (examen gynécologique à partir de 30 ans, "
        "hystérectomie discutée à 40 ans). Une hystérectomie arrête les deux lignes "
        "gynécologiques ; une colectomie n'arrête pas la coloscopie.",
        items=(
            _item(
                ExamKind.COLONOSCOPY,
                BOTH_SEXES,
                start_age=start_age,
                interval_months=24,
                note="Coloscopie avec chromoendoscopie.",
            ),
            *_lynch_women(),
        ),
    )


def _apc(variant: str) -> Protocol:
    french = variant == VARIANT_FR
    upper_start = 15 if french else 25
    return Protocol(
        key="apc",
        name="APC (polypose adénomateuse familiale) — "
        + ("pratique française" if french else "ESGE 2019"),
        genes=("APC",),
        variant=variant,
        family="apc",
        source_note=f"{_REF} : lignes « APC » — coloscopie à partir de 12 ans (ESGE : 12–14 "
        "ans) tous les 12 mois, colectomie discutée vers 20 ans ; endoscopie haute à partir "
        f"de {upper_start} ans"
        + (" (ESGE : 25 ans)" if french else " (ESGE 2019 ; pratique française : 15 ans)")
        + ", puis selon les résultats. Une colectomie arrête la discussion de colectomie ; "
        "l'endoscopie du rectum ou du réservoir continue.",
        items=(
            _item(
                ExamKind.COLONOSCOPY,
                BOTH_SEXES,
                start_age=12,
                interval_months=12,
                note="Coloscopie avec chromoendoscopie"
                + ("" if french else " (ESGE : à débuter entre 12 et 14 ans)")
                + " ; après colectomie, endoscopie du rectum restant ou du réservoir.",
            ),
            _item(
                ExamKind.COLECTOMY_DISCUSSION,
                BOTH_SEXES,
                start_age=20,
                stopped_by=_COLECTOMY,
                note="Colectomie discutée vers 20 ans.",
            ),
            _item(
                ExamKind.UPPER_ENDOSCOPY,
                BOTH_SEXES,
                start_age=upper_start,
                repeat_per_findings=True,
                note="Endoscopie haute ; intervalle suivant selon les résultats (à fixer par "
                "un ajustement du plan).",
            ),
        ),
    )


def _mutyh(variant: str) -> Protocol:
    french = variant == VARIANT_FR
    if french:
        colonoscopy = _item(
            ExamKind.COLONOSCOPY,
            BOTH_SEXES,
            start_age=20,
            interval_months=24,
            fixed_ages=(20, 25, 30),
            note="Coloscopie avec chromoendoscopie à 20, 25 et 30 ans, puis tous les 24 mois "
            "au plus.",
        )
        upper = _item(
            ExamKind.UPPER_ENDOSCOPY,
            BOTH_SEXES,
            start_age=25,
            interval_months=24,
            fixed_ages=(25, 30),
            note="Endoscopie haute à 25 et 30 ans, puis tous les 24 mois.",
        )
    else:
        colonoscopy = _item(
            ExamKind.COLONOSCOPY,
            BOTH_SEXES,
            start_age=18,
            interval_months=24,
            note="Coloscopie avec chromoendoscopie à partir de 18 ans (ESGE), puis tous les "
            "24 mois au plus.",
        )
        upper = _item(
            ExamKind.UPPER_ENDOSCOPY,
            BOTH_SEXES,
            start_age=35,
            interval_months=24,
            note="Endoscopie haute à partir de 35 ans (ESGE), puis tous les 24 mois.",
        )
    return Protocol(
        key="mutyh",
        name="MUTYH — " + ("pratique française" if french else "ESGE 2019"),
        genes=("MUTYH",),
        variant=variant,
        family="mutyh",
        source_note=f"{_REF} : lignes « MUTYH » — coloscopie à 20, 25, 30 ans puis tous les "
        "24 mois au plus (ESGE : à partir de 18 ans) ; endoscopie haute à 25, 30 ans puis "
        "tous les 24 mois (ESGE : à partir de 35 ans) ; consultation de dermatologie au "
        "diagnostic."
        + (
            ""
            if french
            else " REFERENCE.md ne donne pour l'ESGE que les âges de début : l'intervalle "
            "retenu est celui de la pratique française (24 mois)."
        ),
        items=(
            colonoscopy,
            upper,
            _item(
                ExamKind.DERMATOLOGY_CONSULTATION,
                BOTH_SEXES,
                start_age=0,
                from_diagnosis=True,
                note="Consultation de dermatologie (tumeurs sébacées) au diagnostic.",
            ),
        ),
    )


HAS_VERY_HIGH_RISK = Protocol(
    key="has2014_very_high_risk",
    name="Très haut risque sans variant (HAS 2014) — femmes",
    manual_only=True,
    source_note=f"{_REF} : ligne « very high risk, no variant (HAS 2014) » — femmes "
    "atteintes, leurs apparentées au premier degré et les nièces par un frère : comme les "
    "porteuses BRCA (surveillance mammaire). Protocole choisi manuellement : il ne dépend "
    "d'aucun gène. Une mastectomie bilatérale arrête l'imagerie mammaire.",
    items=_breast_items(),
)

HAS_HIGH_RISK = Protocol(
    key="has2014_high_risk",
    name="Haut risque sans variant (HAS 2014) — femmes",
    manual_only=True,
    source_note=f"{_REF} : lignes « high risk (HAS 2014) » — examen clinique annuel à "
    "partir de 20 ans ; mammographie ± échographie annuelle de l'âge le plus tardif entre "
    "40 ans et (l'âge au diagnostic de la plus jeune apparentée − 5 ans), jamais avant 40 "
    "ans, jusqu'à 50 ans puis dépistage organisé. Protocole choisi manuellement : il ne "
    "dépend d'aucun gène.",
    items=(
        _item(
            ExamKind.CLINICAL_EXAM,
            WOMEN,
            start_age=20,
            interval_months=12,
            note="Examen clinique mammaire annuel.",
        ),
        _item(
            ExamKind.MAMMOGRAPHY,
            WOMEN,
            start_age=40,
            interval_months=12,
            end_age=50,
            stopped_by=_MASTECTOMY,
            note="Mammographie ± échographie. Début : le plus tardif de 40 ans et de l'âge au "
            "diagnostic de la plus jeune apparentée moins 5 ans (ajuster l'âge de début dans "
            "le plan) ; à 50 ans, relais par le dépistage organisé.",
        ),
    ),
)

#: Every seed protocol, both versions (French practice and ESGE) where they differ.
SEED_PROTOCOLS: tuple[Protocol, ...] = (
    BRCA1,
    BRCA2,
    _lynch("lynch_mlh1_msh2_epcam", ("MLH1", "MSH2", "EPCAM"), VARIANT_FR, 20, 25),
    _lynch("lynch_mlh1_msh2_epcam", ("MLH1", "MSH2", "EPCAM"), VARIANT_ESGE, 25, 20),
    _lynch("lynch_msh6_pms2", ("MSH6", "PMS2"), VARIANT_FR, 20, 35),
    _lynch("lynch_msh6_pms2", ("MSH6", "PMS2"), VARIANT_ESGE, 35, 20),
    _apc(VARIANT_FR),
    _apc(VARIANT_ESGE),
    _mutyh(VARIANT_FR),
    _mutyh(VARIANT_ESGE),
    HAS_VERY_HIGH_RISK,
    HAS_HIGH_RISK,
)


def seed_protocol(key: str, variant: str | None = None) -> Protocol:
    """The seed protocol ``key``, in ``variant`` ("fr" by default) when it has versions;
    KeyError if none."""
    wanted = variant or VARIANT_FR
    for protocol in SEED_PROTOCOLS:
        if protocol.key == key and protocol.variant in (None, wanted):
            return protocol
    raise KeyError((key, variant))
