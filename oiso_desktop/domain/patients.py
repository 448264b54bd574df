"""Patient identity: normalisation, validation and duplicate scoring (DESIGN.md §4).

Names keep their accents in the file (the birth name is the one on the civil
status); searching and duplicate detection use :func:`oiso_desktop.domain.text.fold`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.identifiers import validate_insee_birthplace, validate_nir
from oiso_desktop.domain.text import fold

__all__ = [
    "INS_STATUSES",
    "MIN_BIRTH_DATE",
    "SEXES",
    "VITAL_STATUSES",
    "IdentityFields",
    "duplicate_score",
    "is_possible_duplicate",
    "levenshtein",
    "normalise_identity",
    "search_names",
]

SEXES = ("F", "M", "I")
INS_STATUSES = ("PROV", "RECUP", "VALI", "QUAL")
VITAL_STATUSES = ("alive", "deceased", "unknown")
MIN_BIRTH_DATE = date(1900, 1, 1)

DUPLICATE_WARNING_SCORE = 60


@dataclass(frozen=True, kw_only=True)
class IdentityFields:
    """The identity part of a patient file, as typed or as stored.

    Keyword-only: ``IdentityFields(birth_name=..., first_names=..., birth_date=..., sex=...)``.
    """

    birth_name: str
    used_name: str = ""
    first_names: str
    birth_date: date
    birth_place_code: str = ""
    sex: str
    nir: str | None = None
    ins_status: str = "PROV"
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    referring_physician: str = ""
    vital_status: str = "alive"
    death_date: date | None = None


# --- normalisation ---------------------------------------------------------------------

_SPACES_RE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_PHONE_CHARS_RE = re.compile(r"[0-9 .+]*")


def _clean(text: str | None) -> str:
    return _SPACES_RE.sub(" ", (text or "").translate(_APOSTROPHES)).strip()


def _check_name(value: str, *, field: str, label: str) -> None:
    allowed = all(char.isalpha() or char in " -'." for char in value)
    if not allowed or not any(char.isalpha() for char in value):
        raise ValidationError(
            f"{label} ne peut contenir que des lettres, des espaces, des traits d'union "
            "et des apostrophes.",
            code=ErrorCode.NAME_CHARACTERS,
            field=field,
            name=field,
        )


def _title_case(text: str) -> str:
    """'jean-PIERRE d'arc' -> "Jean-Pierre D'Arc": capital after a space, hyphen or quote."""
    result: list[str] = []
    capital = True
    for char in text:
        result.append(char.upper() if capital else char.lower())
        capital = char in " -'"
    return "".join(result)


def _normalise_phone(value: str) -> str:
    text = _clean(value)
    if not text:
        return ""
    if not _PHONE_CHARS_RE.fullmatch(text) or "+" in text[1:]:
        raise ValidationError(
            "Le numéro de téléphone ne peut contenir que des chiffres, des espaces, des points "
            "et un + initial.",
            code=ErrorCode.PHONE_CHARACTERS,
            field="phone",
        )
    digits = "".join(char for char in text if char.isdigit())
    if text.startswith("+") or digits.startswith("00"):
        international = digits[2:] if not text.startswith("+") else digits
        if international.startswith("33"):
            national = international[2:]
            if national.startswith("0"):
                national = national[1:]
            if len(national) != 9:
                raise ValidationError(
                    "Un numéro de téléphone français (+33) doit comporter 9 chiffres après "
                    "l'indicatif.",
                    code=ErrorCode.PHONE_FRENCH_LENGTH,
                    field="phone",
                )
            return (
                "+33 " + national[0] + " " + " ".join(national[i : i + 2] for i in range(1, 9, 2))
            )
        if not 6 <= len(international) <= 15:
            raise ValidationError(
                "Le numéro de téléphone international doit comporter de 6 à 15 chiffres.",
                code=ErrorCode.PHONE_INTERNATIONAL_LENGTH,
                field="phone",
            )
        return text
    if len(digits) != 10 or not digits.startswith("0"):
        raise ValidationError(
            "Le numéro de téléphone doit comporter 10 chiffres et commencer par 0 (ou par + "
            "suivi de l'indicatif du pays).",
            code=ErrorCode.PHONE_FORMAT,
            field="phone",
        )
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def _check_nir_consistency(nir: str, sex: str, birth_date: date) -> None:
    kind = nir[0]
    if kind not in "12":
        return  # 3/4/7/8: temporary or registration numbers, not checked
    nir_sex = "M" if kind == "1" else "F"
    if sex in ("M", "F") and sex != nir_sex:
        raise ValidationError(
            "Le NIR ne correspond pas au sexe saisi (le premier chiffre est 1 pour un homme, "
            "2 pour une femme).",
            code=ErrorCode.NIR_SEX_MISMATCH,
            field="nir",
        )
    if nir[1:3] != f"{birth_date.year % 100:02d}":
        raise ValidationError(
            "L'année de naissance codée dans le NIR ne correspond pas à la date de naissance.",
            code=ErrorCode.NIR_YEAR_MISMATCH,
            field="nir",
        )
    month = int(nir[3:5])
    if 1 <= month <= 12 and month != birth_date.month:
        raise ValidationError(
            "Le mois de naissance codé dans le NIR ne correspond pas à la date de naissance.",
            code=ErrorCode.NIR_MONTH_MISMATCH,
            field="nir",
        )


def normalise_identity(fields: IdentityFields, *, today: date) -> IdentityFields:
    """Return the cleaned identity, or raise ValidationError(field=...) in French.

    Names are trimmed and single-spaced; birth and used names upper-cased (accents
    kept), first names title-cased. Dates, NIR (key, sex, birth year and month),
    INSEE birthplace code, INS status, e-mail, postal code and phone are checked.
    """
    birth_name = _clean(fields.birth_name).upper()
    if not birth_name:
        raise ValidationError(
            "Le nom de naissance est obligatoire.",
            code=ErrorCode.BIRTH_NAME_REQUIRED,
            field="birth_name",
        )
    _check_name(birth_name, field="birth_name", label="Le nom de naissance")
    used_name = _clean(fields.used_name).upper()
    if used_name:
        _check_name(used_name, field="used_name", label="Le nom d'usage")
    first_names = _title_case(_clean((fields.first_names or "").replace(",", " ")))
    if not first_names:
        raise ValidationError(
            "Le prénom est obligatoire.", code=ErrorCode.FIRST_NAME_REQUIRED, field="first_names"
        )
    _check_name(first_names, field="first_names", label="Le prénom")

    birth_date = fields.birth_date
    if not isinstance(birth_date, date):
        raise ValidationError(
            "La date de naissance est obligatoire.",
            code=ErrorCode.BIRTH_DATE_REQUIRED,
            field="birth_date",
        )
    if birth_date > today:
        raise ValidationError(
            "La date de naissance ne peut pas être dans le futur.",
            code=ErrorCode.BIRTH_DATE_FUTURE,
            field="birth_date",
        )
    if birth_date < MIN_BIRTH_DATE:
        raise ValidationError(
            "La date de naissance ne peut pas être antérieure au 1er janvier 1900.",
            code=ErrorCode.BIRTH_DATE_TOO_OLD,
            field="birth_date",
        )

    sex = _clean(fields.sex).upper()
    if sex not in SEXES:
        raise ValidationError(
            "Le sexe doit être F (féminin), M (masculin) ou I (indéterminé).",
            code=ErrorCode.SEX_INVALID,
            field="sex",
        )

    vital_status = _clean(fields.vital_status).lower() or "alive"
    if vital_status not in VITAL_STATUSES:
        raise ValidationError(
            "Le statut vital doit être « vivant », « décédé » ou « inconnu ».",
            code=ErrorCode.VITAL_STATUS_INVALID,
            field="vital_status",
        )
    death_date = fields.death_date
    if death_date is not None:
        if vital_status != "deceased":
            raise ValidationError(
                "Une date de décès ne peut être saisie que pour un patient décédé.",
                code=ErrorCode.DEATH_DATE_NOT_DECEASED,
                field="death_date",
            )
        if death_date < birth_date:
            raise ValidationError(
                "La date de décès ne peut pas être antérieure à la date de naissance.",
                code=ErrorCode.DEATH_DATE_BEFORE_BIRTH,
                field="death_date",
            )
        if death_date > today:
            raise ValidationError(
                "La date de décès ne peut pas être dans le futur.",
                code=ErrorCode.DEATH_DATE_FUTURE,
                field="death_date",
            )

    birth_place_code = _clean(fields.birth_place_code)
    if birth_place_code:
        birth_place_code = validate_insee_birthplace(birth_place_code)

    nir: str | None = None
    if fields.nir is not None and fields.nir.strip():
        nir = validate_nir(fields.nir)
        _check_nir_consistency(nir, sex, birth_date)

    ins_status = _clean(fields.ins_status).upper() or "PROV"
    if ins_status not in INS_STATUSES:
        raise ValidationError(
            "Le statut de l'identité doit être PROV, RECUP, VALI ou QUAL.",
            code=ErrorCode.INS_STATUS_INVALID,
            field="ins_status",
        )
    if ins_status in ("VALI", "QUAL") and not birth_place_code:
        raise ValidationError(
            "Une identité validée ou qualifiée nécessite le code du lieu de naissance.",
            code=ErrorCode.INS_BIRTHPLACE_REQUIRED,
            field="birth_place_code",
        )
    if ins_status == "QUAL" and nir is None:
        raise ValidationError(
            "Une identité qualifiée nécessite le NIR (matricule INS).",
            code=ErrorCode.INS_NIR_REQUIRED,
            field="nir",
        )

    email = _clean(fields.email)
    if email and not _EMAIL_RE.fullmatch(email):
        raise ValidationError(
            "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
            code=ErrorCode.EMAIL_INVALID,
            field="email",
        )

    postal_code = _SPACES_RE.sub("", fields.postal_code or "")
    if postal_code and not (
        len(postal_code) == 5 and postal_code.isascii() and postal_code.isdigit()
    ):
        raise ValidationError(
            "Le code postal doit comporter 5 chiffres.",
            code=ErrorCode.POSTAL_CODE_INVALID,
            field="postal_code",
        )

    phone = _normalise_phone(fields.phone)

    return dataclasses.replace(
        fields,
        birth_name=birth_name,
        used_name=used_name,
        first_names=first_names,
        birth_date=birth_date,
        birth_place_code=birth_place_code,
        sex=sex,
        nir=nir,
        ins_status=ins_status,
        address=(fields.address or "").strip(),
        postal_code=postal_code,
        city=_clean(fields.city),
        phone=phone,
        email=email,
        referring_physician=_clean(fields.referring_physician),
        vital_status=vital_status,
        death_date=death_date,
    )


# --- search and duplicates -------------------------------------------------------------


def search_names(fields: IdentityFields) -> str:
    """Folded birth name, used name and first names, for the search index."""
    return fold(" ".join((fields.birth_name, fields.used_name, fields.first_names)))


def _first_first_name(first_names: str) -> str:
    """The first of the first names, folded ('Jean-Pierre, Marie' -> 'jean pierre')."""
    parts = _clean(first_names.replace(",", " ")).split(" ")
    return fold(parts[0]) if parts else ""


def _names(fields: IdentityFields) -> set[str]:
    return {name for name in (fold(fields.birth_name), fold(fields.used_name)) if name}


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,
                    current[j - 1] + 1,
                    previous[j - 1] + (char_a != char_b),
                )
            )
        previous = current
    return previous[-1]


def _same_nir(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return _SPACES_RE.sub("", a).upper() == _SPACES_RE.sub("", b).upper()


def duplicate_score(a: IdentityFields, b: IdentityFields) -> int:
    """How likely ``a`` and ``b`` are the same person: 0..100, >= 60 = warn.

    * 100: same NIR;
    * 90: same birth date, same first first-name (or the same folded first names),
      a name in common (birth name, or used name against birth name, folded);
    * 70: same birth date, same first first-name, names at edit distance <= 2;
    * 60: same birth date and a name in common;
    * else 0.
    """
    if _same_nir(a.nir, b.nir):
        return 100
    if a.birth_date != b.birth_date:
        return 0
    names_a, names_b = _names(a), _names(b)
    same_name = bool(names_a & names_b)
    first_a, first_b = _first_first_name(a.first_names), _first_first_name(b.first_names)
    # "Jean-Pierre" and "Jean Pierre" fold alike: same first names, typed differently.
    same_first = bool(first_a) and (
        first_a == first_b or fold(a.first_names) == fold(b.first_names)
    )
    if same_name and same_first:
        return 90
    if same_first and any(levenshtein(x, y) <= 2 for x in names_a for y in names_b):
        return 70
    if same_name:
        return 60
    return 0


def is_possible_duplicate(a: IdentityFields, b: IdentityFields) -> bool:
    return duplicate_score(a, b) >= DUPLICATE_WARNING_SCORE
