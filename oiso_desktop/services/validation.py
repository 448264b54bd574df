"""Checks of account and structure input shared by the setup and user services."""

from __future__ import annotations

import re
from dataclasses import dataclass

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.identifiers import validate_adeli, validate_finess, validate_rpps
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.dto import StructureInput, UserInput

LOGIN_RE = re.compile(r"[a-z0-9._-]{3,64}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
PROFESSIONAL_ROLES = (Role.PRACTITIONER, Role.GENETIC_COUNSELLOR)

LOGIN_FORMAT_MESSAGE = (
    "L'identifiant doit comporter de 3 à 64 caractères : lettres minuscules sans accent, "
    "chiffres, point, tiret ou tiret bas."
)
LOGIN_TAKEN_MESSAGE = "Cet identifiant est déjà utilisé par un autre compte."


@dataclass(frozen=True)
class CleanUser:
    """A validated UserInput, ready to be stored."""

    login: str
    first_name: str
    last_name: str
    role: Role
    email: str
    phone: str
    profession: str
    specialty: str
    rpps: str | None
    rpps_luhn_confirmed: bool
    adeli: str | None
    structure_id: int | None
    assisted_practitioner_ids: tuple[int, ...]


def normalise_login(login: str) -> str:
    return (login or "").strip().lower()


def check_login(login: str) -> str:
    value = normalise_login(login)
    if not LOGIN_RE.fullmatch(value):
        raise ValidationError(LOGIN_FORMAT_MESSAGE, field="login", code=ErrorCode.LOGIN_FORMAT)
    return value


def _required(value: str, *, field: str, message: str, code: ErrorCode, max_length: int) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(message, field=field, code=code)
    if len(text) > max_length:
        raise ValidationError(
            f"Ce champ est trop long ({max_length} caractères au plus).",
            field=field,
            code=ErrorCode.TOO_LONG,
            max_length=max_length,
        )
    return text


def _optional(value: str, *, field: str, max_length: int) -> str:
    text = " ".join((value or "").split())
    if len(text) > max_length:
        raise ValidationError(
            f"Ce champ est trop long ({max_length} caractères au plus).",
            field=field,
            code=ErrorCode.TOO_LONG,
            max_length=max_length,
        )
    return text


def clean_user(data: UserInput) -> CleanUser:
    """Validate the fields of an account (not the uniqueness of the login)."""
    login = check_login(data.login)
    first_name = _required(
        data.first_name,
        field="first_name",
        message="Le prénom est obligatoire.",
        code=ErrorCode.FIRST_NAME_REQUIRED,
        max_length=100,
    )
    last_name = _required(
        data.last_name,
        field="last_name",
        message="Le nom est obligatoire.",
        code=ErrorCode.LAST_NAME_REQUIRED,
        max_length=100,
    )
    try:
        role = Role(data.role)
    except ValueError:
        raise ValidationError(
            "Le rôle choisi n'existe pas.", field="role", code=ErrorCode.ROLE_UNKNOWN
        ) from None
    email = (data.email or "").strip()
    if email and not EMAIL_RE.fullmatch(email):
        raise ValidationError(
            "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
            field="email",
            code=ErrorCode.EMAIL_INVALID,
        )
    if len(email) > 200:
        raise ValidationError(
            "L'adresse e-mail est trop longue.", field="email", code=ErrorCode.EMAIL_TOO_LONG
        )
    rpps = (
        validate_rpps(data.rpps, luhn_confirmed=data.rpps_luhn_confirmed)
        if (data.rpps or "").strip()
        else None
    )
    adeli = validate_adeli(data.adeli) if (data.adeli or "").strip() else None
    if role in PROFESSIONAL_ROLES and rpps is None and adeli is None:
        raise ValidationError(
            "Un professionnel de santé doit avoir un numéro RPPS ou ADELI.",
            field="rpps",
            code=ErrorCode.RPPS_OR_ADELI_REQUIRED,
        )
    assisted = tuple(dict.fromkeys(int(i) for i in data.assisted_practitioner_ids))
    if assisted and role is not Role.SECRETARY:
        raise ValidationError(
            "Seul un compte de secrétariat peut assister des praticiens.",
            field="assisted_practitioner_ids",
            code=ErrorCode.ASSISTANCE_SECRETARY_ONLY,
        )
    return CleanUser(
        login=login,
        first_name=first_name,
        last_name=last_name,
        role=role,
        email=email,
        phone=_optional(data.phone, field="phone", max_length=30),
        profession=_optional(data.profession, field="profession", max_length=100),
        specialty=_optional(data.specialty, field="specialty", max_length=100),
        rpps=rpps,
        rpps_luhn_confirmed=bool(rpps and data.rpps_luhn_confirmed),
        adeli=adeli,
        structure_id=data.structure_id,
        assisted_practitioner_ids=assisted,
    )


@dataclass(frozen=True)
class CleanStructure:
    name: str
    finess: str
    address: str
    phone: str
    lab_client_number: str


def clean_structure(data: StructureInput) -> CleanStructure:
    name = _required(
        data.name,
        field="name",
        message="Le nom de la structure est obligatoire.",
        code=ErrorCode.STRUCTURE_NAME_REQUIRED,
        max_length=200,
    )
    return CleanStructure(
        name=name,
        finess=validate_finess(data.finess),
        address=(data.address or "").strip(),
        phone=_optional(data.phone, field="phone", max_length=30),
        lab_client_number=_optional(
            data.lab_client_number, field="lab_client_number", max_length=50
        ),
    )
