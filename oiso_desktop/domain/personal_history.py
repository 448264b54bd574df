"""The patient's personal history: cancers and risk-reducing surgeries (DESIGN.md §4).

A :class:`PersonalHistory` is immutable; the form builds a new one at each edit.
Sites come from the coded list of the family (``family.CANCER_SITES``), so the
proband's history and the pedigree speak the same codes. Ages at diagnosis are
kept as entered (:class:`~oiso_desktop.domain.family.Age`: "45", "~45", "40-49"),
beside an optional exact date.

:func:`validate` returns **every** problem at once, each a
:class:`~oiso_desktop.domain.errors.ValidationError` with a French message, a
specific ``code`` and the ``field`` it belongs to (``"cancers[0].diagnosis_date"``,
``"surgeries[1].side"``...), so the form shows each one at its input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    CANCER_SITES,
    HISTOLOGIES,
    LATERALITIES,
    RECEPTOR_VALUES,
    Age,
    Receptors,
)

__all__ = [
    "BREAST_SITES",
    "IHC_STATUSES",
    "MAX_NOTE_LENGTH",
    "MMR_SITES",
    "MSI_STATUSES",
    "SURGERY_KINDS",
    "SURGERY_SIDES",
    "HistoryCancer",
    "PersonalHistory",
    "RiskReducingSurgery",
    "SurgeryKind",
    "age_on",
    "validate",
]

MAX_NOTE_LENGTH = 4000

#: Sites whose tumour markers (ER/PR/HER2, CK14, CK5/6) and grade are recorded.
BREAST_SITES = frozenset({"breast", "contralateral_breast"})
#: Sites whose mismatch-repair status (MSI, immunohistochemistry) is recorded (Lynch).
MMR_SITES = frozenset({"colorectal", "endometrium"})

MSI_STATUSES = {
    "": "non précisé",
    "msi": "instable (MSI)",
    "mss": "stable (MSS)",
}
IHC_STATUSES = {
    "": "non précisée",
    "normal": "expression conservée des 4 protéines",
    "loss_mlh1_pms2": "perte MLH1/PMS2",
    "loss_msh2_msh6": "perte MSH2/MSH6",
    "loss_msh6": "perte isolée MSH6",
    "loss_pms2": "perte isolée PMS2",
    "other": "autre profil",
}


@dataclass(frozen=True)
class SurgeryKind:
    label: str  # French
    sexes: frozenset[str]  # patient sexes for whom it is possible ("I": any)
    sides_required: bool = False  # mastectomy: left, right or bilateral
    sided: bool = False  # a side may be given


_ANY = frozenset({"F", "M", "I"})
_WOMEN = frozenset({"F", "I"})

#: Risk-reducing surgeries (stable codes, stored).
SURGERY_KINDS: Mapping[str, SurgeryKind] = {
    "mastectomy": SurgeryKind("mastectomie", _ANY, sides_required=True, sided=True),
    "salpingo_oophorectomy": SurgeryKind(
        "annexectomie (salpingo-ovariectomie)", _WOMEN, sided=True
    ),
    "hysterectomy": SurgeryKind("hystérectomie", _WOMEN),
    "colectomy": SurgeryKind("colectomie", _ANY),
}
SURGERY_SIDES = {"": "non précisé", "left": "gauche", "right": "droite", "bilateral": "bilatérale"}


@dataclass(frozen=True, kw_only=True)
class HistoryCancer:
    """One cancer of the patient.

    ``age`` (at diagnosis, as entered) and ``diagnosis_date`` may both be given;
    they must then agree with the birth date. ``receptors`` and ``grade`` are for
    breast cancers only; ``msi`` and ``ihc`` for colorectal and endometrial ones.
    """

    site: str  # key of family.CANCER_SITES
    laterality: str = ""  # key of family.LATERALITIES
    age: Age = Age()
    diagnosis_date: dt.date | None = None
    histology: str = ""  # key of family.HISTOLOGIES
    grade: int | None = None  # 1..3 (breast)
    receptors: Receptors = Receptors()  # ER, PR, HER2, CK14, CK5/6 (breast)
    msi: str = ""  # key of MSI_STATUSES
    ihc: str = ""  # key of IHC_STATUSES
    confirmed: bool = False  # checked on a pathology report
    note: str = ""

    @property
    def site_label(self) -> str:
        site = CANCER_SITES.get(self.site)
        return site.label if site else self.site

    @property
    def triple_negative(self) -> bool | None:
        """True: ER, PR and HER2 all negative; False: one is positive; None: not known."""
        markers = (self.receptors.er, self.receptors.pr, self.receptors.her2)
        if "P" in markers:
            return False
        if all(value == "N" for value in markers):
            return True
        return None


@dataclass(frozen=True, kw_only=True)
class RiskReducingSurgery:
    """A risk-reducing surgery: when (date and/or age, as entered) and which side."""

    kind: str  # key of SURGERY_KINDS
    side: str = ""  # key of SURGERY_SIDES
    date: dt.date | None = None
    age: Age = Age()
    note: str = ""

    @property
    def kind_label(self) -> str:
        kind = SURGERY_KINDS.get(self.kind)
        return kind.label if kind else self.kind


@dataclass(frozen=True)
class PersonalHistory:
    """The personal history section of the file. Immutable."""

    cancers: tuple[HistoryCancer, ...] = ()
    surgeries: tuple[RiskReducingSurgery, ...] = ()
    note: str = ""


# --- validation --------------------------------------------------------------------------


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def _french_date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _invalid(field: str, value: object) -> ValidationError:
    return ValidationError(
        f"La valeur « {value} » n'est pas possible ici.",
        code=ErrorCode.HISTORY_VALUE_INVALID,
        field=field,
        value=str(value),
    )


def _when_problems(
    prefix: str,
    day: dt.date | None,
    day_field: str,
    age: Age,
    *,
    birth_date: dt.date,
    today: dt.date,
) -> list[ValidationError]:
    """Date before birth or in the future; age above today's; age and date disagreeing."""
    problems: list[ValidationError] = []
    current = age_on(birth_date, today)
    if day is not None:
        if day < birth_date:
            problems.append(
                ValidationError(
                    f"La date du {_french_date(day)} précède la naissance "
                    f"({_french_date(birth_date)}).",
                    code=ErrorCode.HISTORY_DATE_BEFORE_BIRTH,
                    field=f"{prefix}.{day_field}",
                    date=_french_date(day),
                    birth_date=_french_date(birth_date),
                )
            )
        elif day > today:
            problems.append(
                ValidationError(
                    f"La date du {_french_date(day)} est dans le futur.",
                    code=ErrorCode.HISTORY_DATE_FUTURE,
                    field=f"{prefix}.{day_field}",
                    date=_french_date(day),
                )
            )
    if age.low is not None and age.low > current:
        problems.append(
            ValidationError(
                f"L'âge de {age} ans dépasse l'âge de la patiente ou du patient ({current} ans).",
                code=ErrorCode.HISTORY_AGE_ABOVE_CURRENT,
                field=f"{prefix}.age",
                age=str(age),
                current_age=current,
            )
        )
    elif (
        day is not None
        and birth_date <= day <= today
        and age.low is not None
        and age.high is not None
        and not age.low <= age_on(birth_date, day) <= age.high
    ):
        problems.append(
            ValidationError(
                f"L'âge saisi ({age} ans) ne correspond pas à la date du "
                f"{_french_date(day)} ({age_on(birth_date, day)} ans).",
                code=ErrorCode.HISTORY_AGE_DATE_MISMATCH,
                field=f"{prefix}.age",
                age=str(age),
                date=_french_date(day),
                date_age=age_on(birth_date, day),
            )
        )
    return problems


def _note_problem(field: str, note: str) -> list[ValidationError]:
    if len(note) <= MAX_NOTE_LENGTH:
        return []
    return [
        ValidationError(
            f"Ce champ est trop long ({MAX_NOTE_LENGTH} caractères au plus).",
            code=ErrorCode.TOO_LONG,
            field=field,
            max_length=MAX_NOTE_LENGTH,
        )
    ]


def _cancer_problems(
    index: int, cancer: HistoryCancer, *, birth_date: dt.date, sex: str, today: dt.date
) -> list[ValidationError]:
    prefix = f"cancers[{index}]"
    site = CANCER_SITES.get(cancer.site)
    if site is None:
        return [
            ValidationError(
                f"Localisation de cancer « {cancer.site} » inconnue.",
                code=ErrorCode.HISTORY_CANCER_SITE,
                field=f"{prefix}.site",
                site=cancer.site,
            )
        ]
    what = f"Cancer ({site.label})"
    problems: list[ValidationError] = []
    family_sex = {"F": "F", "M": "M"}.get(sex, "U")
    if family_sex not in site.sexes:
        problems.append(
            ValidationError(
                f"Un cancer de cette localisation ({site.label}) est impossible pour ce "
                f"sexe ({sex}).",
                code=ErrorCode.HISTORY_CANCER_SEX,
                field=f"{prefix}.site",
                site=site.label,
                sex=sex,
            )
        )
    if cancer.laterality not in LATERALITIES:
        problems.append(_invalid(f"{prefix}.laterality", cancer.laterality))
    if cancer.histology not in HISTOLOGIES:
        problems.append(_invalid(f"{prefix}.histology", cancer.histology))
    problems += _when_problems(
        prefix,
        cancer.diagnosis_date,
        "diagnosis_date",
        cancer.age,
        birth_date=birth_date,
        today=today,
    )
    breast = cancer.site in BREAST_SITES
    if cancer.grade is not None and cancer.grade not in (1, 2, 3):
        problems.append(_invalid(f"{prefix}.grade", cancer.grade))
    elif cancer.grade is not None and not breast:
        problems.append(_breast_marker(f"{prefix}.grade", site.label))
    if any(value not in RECEPTOR_VALUES for value in cancer.receptors.values()):
        problems.append(_invalid(f"{prefix}.receptors", ":".join(cancer.receptors.values())))
    elif cancer.receptors.known and not breast:
        problems.append(_breast_marker(f"{prefix}.receptors", site.label))
    for name, value, allowed in (
        ("msi", cancer.msi, MSI_STATUSES),
        ("ihc", cancer.ihc, IHC_STATUSES),
    ):
        if value not in allowed:
            problems.append(_invalid(f"{prefix}.{name}", value))
        elif value and cancer.site not in MMR_SITES:
            problems.append(
                ValidationError(
                    f"{what} : le statut MSI et l'immunohistochimie ne se renseignent que pour "
                    "un cancer colorectal ou de l'endomètre.",
                    code=ErrorCode.HISTORY_MMR_SITE,
                    field=f"{prefix}.{name}",
                    site=site.label,
                )
            )
    problems += _note_problem(f"{prefix}.note", cancer.note)
    return problems


def _breast_marker(field: str, site_label: str) -> ValidationError:
    return ValidationError(
        f"Cancer ({site_label}) : les récepteurs hormonaux, HER2 et le grade ne se "
        "renseignent que pour un cancer du sein.",
        code=ErrorCode.HISTORY_BREAST_MARKER,
        field=field,
        site=site_label,
    )


def _surgery_problems(
    index: int, surgery: RiskReducingSurgery, *, birth_date: dt.date, sex: str, today: dt.date
) -> list[ValidationError]:
    prefix = f"surgeries[{index}]"
    kind = SURGERY_KINDS.get(surgery.kind)
    if kind is None:
        return [
            ValidationError(
                f"Chirurgie de réduction de risque « {surgery.kind} » inconnue.",
                code=ErrorCode.HISTORY_SURGERY_KIND,
                field=f"{prefix}.kind",
                kind=surgery.kind,
            )
        ]
    problems: list[ValidationError] = []
    if sex not in kind.sexes:
        problems.append(
            ValidationError(
                f"Cette chirurgie ({kind.label}) est impossible pour un patient de sexe masculin.",
                code=ErrorCode.HISTORY_SURGERY_SEX,
                field=f"{prefix}.kind",
                surgery=kind.label,
            )
        )
    if surgery.side not in SURGERY_SIDES:
        problems.append(_invalid(f"{prefix}.side", surgery.side))
    elif (kind.sides_required and not surgery.side) or (surgery.side and not kind.sided):
        problems.append(
            ValidationError(
                f"Côté de la chirurgie ({kind.label}) : gauche, droite ou bilatérale pour une "
                "mastectomie, aucun pour une chirurgie sans côté.",
                code=ErrorCode.HISTORY_SURGERY_SIDE,
                field=f"{prefix}.side",
                surgery=kind.label,
                required=kind.sides_required,
            )
        )
    problems += _when_problems(
        prefix, surgery.date, "date", surgery.age, birth_date=birth_date, today=today
    )
    problems += _note_problem(f"{prefix}.note", surgery.note)
    return problems


def validate(
    history: PersonalHistory, *, birth_date: dt.date, sex: str, today: dt.date
) -> list[ValidationError]:
    """Every problem of ``history`` for a patient born on ``birth_date`` of ``sex``
    ("F", "M" or "I", as in the identity); an empty list: the history is consistent."""
    problems: list[ValidationError] = []
    for index, cancer in enumerate(history.cancers):
        problems += _cancer_problems(index, cancer, birth_date=birth_date, sex=sex, today=today)
    for index, surgery in enumerate(history.surgeries):
        problems += _surgery_problems(index, surgery, birth_date=birth_date, sex=sex, today=today)
    problems += _note_problem("note", history.note)
    return problems
