"""French health identifiers: RPPS, ADELI, FINESS, NIR, INSEE birthplace code, IdNat_PS.

Every validator takes what the user typed, removes spaces, checks the format
and the control key, and returns the normalised value (digits, upper-case
``2A``/``2B``). Every error is an :class:`InvalidIdentifier` (a ``ValueError``)
with a French sentence, ``field`` set to the identifier name, a specific
``code`` and ``params`` (``identifier``, ``problem`` and, for length errors,
``expected``/``got``) so that the GUI can translate it.

A wrong RPPS Luhn key is softer: some real RPPS numbers do not satisfy it, so
:class:`RppsLuhnMismatch` is raised only until the admin confirms the number
(``luhn_confirmed=True``).
"""

from __future__ import annotations

import re
from typing import Literal

from stdnum import exceptions as stdnum_exceptions
from stdnum.fr import nir as stdnum_nir

from oiso_desktop.domain.errors import ErrorCode, InvalidIdentifier

__all__ = [
    "InvalidIdentifier",
    "RppsLuhnMismatch",
    "idnat_ps",
    "luhn_ok",
    "rpps_luhn_ok",
    "validate_adeli",
    "validate_finess",
    "validate_insee_birthplace",
    "validate_nir",
    "validate_rpps",
]

RPPS_LENGTH = 11
ADELI_LENGTH = 9
FINESS_LENGTH = 9
NIR_LENGTH = 15
INSEE_LENGTH = 5

_ASCII_DIGITS = frozenset("0123456789")
_WHITESPACE_RE = re.compile(r"\s+")


class RppsLuhnMismatch(InvalidIdentifier):
    """The RPPS has the right shape but its Luhn key does not match.

    Some published RPPS numbers fail the Luhn check: the user must check the
    number and confirm it (``validate_rpps(..., luhn_confirmed=True)``).
    """

    code = ErrorCode.RPPS_LUHN


# --- helpers ---------------------------------------------------------------------------


def _compact(value: object, field: str, label: str) -> str:
    """Remove every whitespace character; refuse what is not text."""
    if not isinstance(value, str):
        raise InvalidIdentifier(
            f"{label} doit être saisi sous forme de texte.",
            code=ErrorCode.IDENTIFIER_NOT_TEXT,
            field=field,
            identifier=field,
            problem="characters",
        )
    return _WHITESPACE_RE.sub("", value)


def _is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits only (not '²' or Arabic digits)."""
    return bool(text) and all(char in _ASCII_DIGITS for char in text)


def _require_digits_or_corsica(department: str, *parts: str, field: str, label: str) -> None:
    """Digits only, except a department that may be 2A or 2B (Corsica)."""
    if (department and not (_is_digits(department) or department in ("2A", "2B"))) or any(
        part and not _is_digits(part) for part in parts
    ):
        raise InvalidIdentifier(
            f"{label} ne doit contenir que des chiffres (le département peut être 2A ou 2B "
            "pour la Corse).",
            code=ErrorCode.IDENTIFIER_DIGITS_OR_CORSICA,
            field=field,
            identifier=field,
            problem="characters",
        )


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check of a string of ASCII digits, key included (last digit)."""
    if not _is_digits(digits):
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def luhn_key(digits: str) -> str:
    """The Luhn key digit to append to ``digits`` (ASCII digits)."""
    for key in "0123456789":
        if luhn_ok(digits + key):
            return key
    raise ValueError("not a string of digits")  # pragma: no cover - unreachable for digits


def _digits_only(value: object, *, field: str, label: str, length: int) -> str:
    """Common checks of all-digit identifiers: non-empty, digits, exact length."""
    text = _compact(value, field, label)
    if not text:
        raise InvalidIdentifier(
            f"{label} n'est pas renseigné.",
            code=ErrorCode.IDENTIFIER_EMPTY,
            field=field,
            identifier=field,
            problem="empty",
        )
    if not _is_digits(text):
        raise InvalidIdentifier(
            f"{label} ne doit contenir que des chiffres.",
            code=ErrorCode.IDENTIFIER_DIGITS_ONLY,
            field=field,
            identifier=field,
            problem="characters",
        )
    if len(text) != length:
        raise InvalidIdentifier(
            f"{label} doit comporter {length} chiffres, et non {len(text)}.",
            code=ErrorCode.IDENTIFIER_DIGIT_COUNT,
            field=field,
            identifier=field,
            problem="length",
            expected=length,
            got=len(text),
        )
    return text


# --- RPPS / ADELI ----------------------------------------------------------------------


def rpps_luhn_ok(value: str) -> bool:
    """True when ``value`` (spaces ignored) is 11 digits whose last digit is a Luhn key."""
    if not isinstance(value, str):
        return False
    text = _WHITESPACE_RE.sub("", value)
    return len(text) == RPPS_LENGTH and luhn_ok(text)


def validate_rpps(value: str, *, luhn_confirmed: bool = False) -> str:
    """Return the 11-digit RPPS; raise InvalidIdentifier (or RppsLuhnMismatch)."""
    text = _digits_only(value, field="rpps", label="Le numéro RPPS", length=RPPS_LENGTH)
    if not luhn_confirmed and not luhn_ok(text):
        raise RppsLuhnMismatch(
            "La clé de contrôle (Luhn) du numéro RPPS ne correspond pas : vérifiez le numéro, "
            "puis confirmez s'il est exact.",
            field="rpps",
            identifier="rpps",
            problem="checksum",
            value=text,
        )
    return text


def validate_adeli(value: str) -> str:
    """Return the 9-digit ADELI number (its key algorithm is not published)."""
    return _digits_only(value, field="adeli", label="Le numéro ADELI", length=ADELI_LENGTH)


# --- FINESS ----------------------------------------------------------------------------


def validate_finess(value: str) -> str:
    """Return the 9-character FINESS (``2A``/``2B`` upper-case for Corsica).

    The key is a Luhn check on the 9 digits after replacing 2A by 21 and 2B by 22.
    """
    label = "Le numéro FINESS"
    text = _compact(value, "finess", label).upper()
    if not text:
        raise InvalidIdentifier(
            f"{label} n'est pas renseigné.",
            code=ErrorCode.IDENTIFIER_EMPTY,
            field="finess",
            identifier="finess",
            problem="empty",
        )
    department, rest = text[:2], text[2:]
    _require_digits_or_corsica(department, rest, field="finess", label=label)
    if len(text) != FINESS_LENGTH:
        raise InvalidIdentifier(
            f"{label} doit comporter {FINESS_LENGTH} caractères, et non {len(text)}.",
            code=ErrorCode.IDENTIFIER_CHARACTER_COUNT,
            field="finess",
            identifier="finess",
            problem="length",
            expected=FINESS_LENGTH,
            got=len(text),
        )
    numeric = {"2A": "21", "2B": "22"}.get(department, department) + rest
    if not luhn_ok(numeric):
        raise InvalidIdentifier(
            "La clé de contrôle du numéro FINESS est incorrecte : vérifiez le numéro.",
            code=ErrorCode.FINESS_CHECKSUM,
            field="finess",
            identifier="finess",
            problem="checksum",
        )
    return text


# --- NIR -------------------------------------------------------------------------------

#: First digit of a NIR: 1 man, 2 woman; 3/4 people born abroad being registered;
#: 7/8 temporary numbers (NIA). Anything else is not a NIR.
NIR_SEX_DIGITS = frozenset("123478")


def validate_nir(value: str) -> str:
    """Return the 15-character NIR (``2A``/``2B`` upper-case) after checking its key.

    Key = 97 - (first 13 digits mod 97), with 2A -> 19 and 2B -> 18 (``stdnum.fr.nir``).
    """
    label = "Le NIR"
    text = _compact(value, "nir", label).upper()
    if not text:
        raise InvalidIdentifier(
            "Le NIR n'est pas renseigné.",
            code=ErrorCode.IDENTIFIER_EMPTY,
            field="nir",
            identifier="nir",
            problem="empty",
        )
    head, department, tail = text[:5], text[5:7], text[7:]
    _require_digits_or_corsica(department, head, tail, field="nir", label=label)
    if len(text) != NIR_LENGTH:
        raise InvalidIdentifier(
            f"Le NIR doit comporter {NIR_LENGTH} caractères, clé comprise, et non {len(text)}.",
            code=ErrorCode.NIR_LENGTH,
            field="nir",
            identifier="nir",
            problem="length",
            expected=NIR_LENGTH,
            got=len(text),
        )
    if text[0] not in NIR_SEX_DIGITS:
        raise InvalidIdentifier(
            "Le premier chiffre du NIR doit être 1 (homme) ou 2 (femme), ou 3, 4, 7 ou 8 pour "
            "un numéro provisoire.",
            code=ErrorCode.NIR_FIRST_DIGIT,
            field="nir",
            identifier="nir",
            problem="format",
        )
    try:
        return str(stdnum_nir.validate(text))
    except stdnum_exceptions.InvalidChecksum:
        raise InvalidIdentifier(
            "La clé du NIR est incorrecte.",
            code=ErrorCode.NIR_CHECKSUM,
            field="nir",
            identifier="nir",
            problem="checksum",
        ) from None
    except stdnum_exceptions.ValidationError:  # pragma: no cover - format checked above
        raise InvalidIdentifier(
            "Le NIR n'est pas valide.",
            code=ErrorCode.NIR_INVALID,
            field="nir",
            identifier="nir",
            problem="format",
        ) from None


def nir_key(first_13: str) -> str:
    """The 2-digit key of a NIR body (13 characters, 2A/2B allowed)."""
    return str(stdnum_nir.calc_check_digits(first_13.upper()))


# --- INSEE birthplace code -------------------------------------------------------------

_OVERSEAS_DEPARTMENT_DIGITS = frozenset("12345678")  # 971..976 departments, 977/978 COM
_PACIFIC_COM_DIGITS = frozenset("456789")  # 984 TAAF, 985 old Mayotte, 986..989


def validate_insee_birthplace(value: str) -> str:
    """Return the 5-character INSEE code of the birthplace (commune, or 99xxx country).

    Accepted shapes: a metropolitan department 01-19, 21-95, 2A or 2B followed by a
    3-digit commune number (not 000); an overseas department or community 971-978 or
    984-989 followed by 2 digits; 99 followed by a country code (991xx-995xx).
    Codes 00xxx, 20xxx (Corsica is 2A/2B since 1976) and 96xxx do not exist.
    """
    field = "birth_place_code"
    label = "Le code INSEE du lieu de naissance"
    text = _compact(value, field, label).upper()
    if not text:
        raise InvalidIdentifier(
            f"{label} n'est pas renseigné.",
            code=ErrorCode.IDENTIFIER_EMPTY,
            field=field,
            identifier=field,
            problem="empty",
        )
    department, rest = text[:2], text[2:]
    _require_digits_or_corsica(department, rest, field=field, label=label)
    if len(text) != INSEE_LENGTH:
        raise InvalidIdentifier(
            f"{label} doit comporter {INSEE_LENGTH} caractères, et non {len(text)}.",
            code=ErrorCode.IDENTIFIER_CHARACTER_COUNT,
            field=field,
            identifier=field,
            problem="length",
            expected=INSEE_LENGTH,
            got=len(text),
        )
    problem = _insee_problem(text)
    if problem is not None:
        code, explanation = problem
        raise InvalidIdentifier(
            f"{label} est incorrect : {explanation}",
            code=code,
            field=field,
            identifier=field,
            problem="format",
            department=text[:2],
        )
    return text


_INSEE_PROBLEMS = {
    ErrorCode.INSEE_COMMUNE_ZERO: "le numéro de commune ne peut pas être 000.",
    ErrorCode.INSEE_CORSICA: "pour la Corse, le département s'écrit 2A ou 2B.",
    ErrorCode.INSEE_OVERSEAS: "les codes d'outre-mer commencent par 971 à 978.",
    ErrorCode.INSEE_PACIFIC: "les codes des collectivités du Pacifique commencent par 984 à 989.",
    ErrorCode.INSEE_COUNTRY: "les codes de pays étrangers vont de 99100 à 99599.",
}


def _insee_problem(code: str) -> tuple[ErrorCode, str] | None:
    """What is wrong with a 5-character code (error code, French explanation), or None."""
    department = code[:2]
    found: ErrorCode | None = None
    if department in ("2A", "2B"):
        found = ErrorCode.INSEE_COMMUNE_ZERO if code[2:] == "000" else None
    elif department in ("00", "96"):
        return (
            ErrorCode.INSEE_NO_DEPARTMENT,
            f"aucun département ne porte le numéro {department}.",
        )
    elif department == "20":
        found = ErrorCode.INSEE_CORSICA
    elif department == "97":
        found = ErrorCode.INSEE_OVERSEAS if code[2] not in _OVERSEAS_DEPARTMENT_DIGITS else None
    elif department == "98":
        found = ErrorCode.INSEE_PACIFIC if code[2] not in _PACIFIC_COM_DIGITS else None
    elif department == "99":
        found = ErrorCode.INSEE_COUNTRY if code[2] not in "12345" else None
    elif code[2:] == "000":
        found = ErrorCode.INSEE_COMMUNE_ZERO
    return None if found is None else (found, _INSEE_PROBLEMS[found])


# --- IdNat_PS --------------------------------------------------------------------------

_IDNAT_PREFIX = {"rpps": "8", "adeli": "0", "finess": "3"}


def idnat_ps(kind: Literal["rpps", "adeli", "finess"], value: str) -> str:
    """National professional identifier (Pro Santé Connect): 8+RPPS, 0+ADELI, 3+FINESS.

    The RPPS is expected to be already accepted: its Luhn key is not re-checked here.
    """
    if kind == "rpps":
        body = validate_rpps(value, luhn_confirmed=True)
    elif kind == "adeli":
        body = validate_adeli(value)
    elif kind == "finess":
        body = validate_finess(value)
    else:
        raise InvalidIdentifier(
            "Type d'identifiant professionnel inconnu (RPPS, ADELI ou FINESS attendu).",
            code=ErrorCode.IDENTIFIER_KIND_UNKNOWN,
            field="idnat_ps",
            identifier="idnat_ps",
            problem="kind",
        )
    return _IDNAT_PREFIX[kind] + body
