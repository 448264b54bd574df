"""Password policy (CNIL deliberation 2022-100) and one-time initial passwords.

A password is accepted when it is long and varied enough:

* at least 12 characters from the 4 classes (lower-case, upper-case, digits, symbols), or
* at least 14 characters from 3 classes, or
* a passphrase of at least 7 different words of at least 3 letters each,

and when it does not contain the login or the user's names (case- and
accent-insensitive, names of 3 letters or more) and is not built on a very
common password or pattern (``motdepasse``, ``azerty``, ``123456``, a repeated
sequence...).
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Sequence

from oiso_desktop.domain.errors import PasswordPolicyError
from oiso_desktop.domain.text import fold, strip_accents

__all__ = [
    "GENERATED_LENGTH",
    "MIN_LENGTH",
    "MIN_LENGTH_THREE_CLASSES",
    "PASSPHRASE_MIN_WORDS",
    "character_classes",
    "generate_initial_password",
    "password_problems",
    "validate_password",
]

MIN_LENGTH = 12
MIN_LENGTH_THREE_CLASSES = 14
PASSPHRASE_MIN_WORDS = 7
PASSPHRASE_MIN_LETTERS = 3
MIN_NAME_LENGTH = 3
GENERATED_LENGTH = 16

# Folded (lower-case, no accents, no spaces) words that must not carry a password.
_COMMON_WORDS = (
    "motdepasse",
    "password",
    "passwort",
    "azertyuiop",
    "azerty",
    "qwertyuiop",
    "qwerty",
    "qwertz",
    "abc123",
    "iloveyou",
    "jetaime",
    "bonjour",
    "bonsoir",
    "salut",
    "soleil",
    "doudou",
    "loulou",
    "chouchou",
    "marseille",
    "paris",
    "france",
    "football",
    "administrateur",
    "admin",
    "utilisateur",
    "welcome",
    "bienvenue",
    "letmein",
    "changeme",
    "secret",
    "sesame",
    "oiso",
    "hopital",
    "docteur",
    "medecin",
    "genetique",
    "oncogenetique",
)
_COMMON_SORTED = tuple(sorted(_COMMON_WORDS, key=len, reverse=True))

_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)
_MIN_SEQUENCE = 4
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_WORD_SPLIT_RE = re.compile(r"[\s\-_.,;:/+]+")
_MIN_RESIDUAL = 4


def character_classes(password: str) -> int:
    """How many of the 4 classes (lower, upper, digit, symbol) appear in ``password``."""
    lower = upper = digit = symbol = False
    for char in password:
        if char in string.digits:
            digit = True
        elif char.islower():
            lower = True
        elif char.isupper():
            upper = True
        else:
            symbol = True
    return lower + upper + digit + symbol


def _loose(text: str) -> str:
    """Accent-free, case-folded text; nothing else changed."""
    return strip_accents(text).casefold()


def _is_passphrase(password: str) -> bool:
    words = {
        _loose(word)
        for word in _WORD_SPLIT_RE.split(password.strip())
        if sum(char.isalpha() for char in word) >= PASSPHRASE_MIN_LETTERS
    }
    return len(words) >= PASSPHRASE_MIN_WORDS


def _remove_sequences(text: str) -> str:
    """Remove runs of 4+ characters taken in order (or reverse) from a known sequence."""
    result: list[str] = []
    index = 0
    while index < len(text):
        best = 0
        for sequence in _SEQUENCES:
            for candidate in (sequence, sequence[::-1]):
                length = 0
                position = candidate.find(text[index])
                if position < 0:
                    continue
                while (
                    index + length < len(text)
                    and position + length < len(candidate)
                    and text[index + length] == candidate[position + length]
                ):
                    length += 1
                best = max(best, length)
        if best >= _MIN_SEQUENCE:
            index += best
        else:
            result.append(text[index])
            index += 1
    return "".join(result)


def _remove_common_words(text: str) -> str:
    for word in _COMMON_SORTED:
        text = text.replace(word, "")
    return text


def _is_repetition(text: str) -> bool:
    """True for 'aaaa', 'abab', 'Aa1!Aa1!'...: a shorter unit repeated."""
    length = len(text)
    return any(
        length % unit == 0 and text[:unit] * (length // unit) == text
        for unit in range(1, length // 2 + 1)
    )


def _weak_residual(text: str) -> bool:
    residual = "".join(char for char in text if char.isalnum())
    return len(residual) < _MIN_RESIDUAL or len(set(residual)) < 3


def _is_too_common(password: str) -> bool:
    loose = _loose(password)
    if not loose or _is_repetition(loose):
        return True
    compact = re.sub(r"\s+", "", loose)
    # As typed: remove common words, years and keyboard/alphabet/digit runs.
    plain = _remove_sequences(_YEAR_RE.sub("", _remove_common_words(compact)))
    # "P@ssw0rd2024": years out first, then leetspeak back to letters.
    leet = _remove_sequences(
        _remove_common_words(_remove_sequences(_YEAR_RE.sub("", compact)).translate(_LEET))
    )
    return _weak_residual(plain) or _weak_residual(leet)


def _contains(password_loose: str, needle: str) -> bool:
    needle = _loose(needle).strip()
    if len(needle) < MIN_NAME_LENGTH:
        return False
    squeezed = re.sub(r"[\s\-_.']+", "", password_loose)
    return needle in password_loose or re.sub(r"[\s\-_.']+", "", needle) in squeezed


def password_problems(password: str, *, login: str = "", names: Sequence[str] = ()) -> list[str]:
    """Codes of what is wrong with ``password`` (empty list: acceptable).

    Codes: "too_short", "too_few_classes", "contains_login", "contains_name", "too_common".
    """
    problems: list[str] = []
    length = len(password)
    classes = character_classes(password)
    strong_enough = (length >= MIN_LENGTH and classes >= 4) or (
        length >= MIN_LENGTH_THREE_CLASSES and classes >= 3
    )
    if not strong_enough and not _is_passphrase(password):
        if length < MIN_LENGTH:
            problems.append("too_short")
        # 3 classes and 12-13 characters: one more class (or 14 characters) is needed.
        if classes < 3 or (classes == 3 and length >= MIN_LENGTH):
            problems.append("too_few_classes")
    loose = _loose(password)
    if login and _contains(loose, login):
        problems.append("contains_login")
    name_parts = [part for name in names for part in fold(name).split()]
    if any(_contains(loose, part) for part in name_parts):
        problems.append("contains_name")
    if password and _is_too_common(password):
        problems.append("too_common")
    return problems


_MESSAGES = {
    "composition": (
        "Le mot de passe doit comporter au moins 12 caractères et 4 types de caractères "
        "(minuscules, majuscules, chiffres, symboles), ou au moins 14 caractères et 3 types. "
        "Une phrase de passe d'au moins 7 mots est aussi acceptée."
    ),
    "contains_login": "Le mot de passe ne doit pas contenir l'identifiant.",
    "contains_name": "Le mot de passe ne doit pas contenir le nom ou le prénom de l'utilisateur.",
    "too_common": (
        "Ce mot de passe est trop courant ou trop facile à deviner (mot de passe usuel, "
        "suite de touches ou de chiffres, motif répété)."
    ),
}


def validate_password(password: str, *, login: str = "", names: Sequence[str] = ()) -> None:
    """Raise PasswordPolicyError (field "password", params["problems"]) when not acceptable."""
    problems = password_problems(password, login=login, names=names)
    if not problems:
        return
    sentences: list[str] = []
    if "too_short" in problems or "too_few_classes" in problems:
        sentences.append(_MESSAGES["composition"])
    sentences.extend(_MESSAGES[code] for code in problems if code in _MESSAGES)
    raise PasswordPolicyError(" ".join(sentences), field="password", problems=problems)


# --- initial passwords -----------------------------------------------------------------

# No 0/O/o, 1/l/I: the one-time password is read aloud or copied from paper.
_GEN_LOWER = "".join(c for c in string.ascii_lowercase if c not in "lo")
_GEN_UPPER = "".join(c for c in string.ascii_uppercase if c not in "IO")
_GEN_DIGITS = "23456789"
_GEN_SYMBOLS = "!#%+-=?@*_$&"
_GEN_CLASSES = (_GEN_LOWER, _GEN_UPPER, _GEN_DIGITS, _GEN_SYMBOLS)
_GEN_ALL = "".join(_GEN_CLASSES)


def generate_initial_password() -> str:
    """A random 16-character one-time password, 4 classes, no ambiguous characters.

    It always satisfies :func:`password_problems` (drawn again in the rare case it
    would not, e.g. if it happened to contain a common word).
    """
    rng = secrets.SystemRandom()
    while True:
        chars = [secrets.choice(chars) for chars in _GEN_CLASSES]
        chars += [secrets.choice(_GEN_ALL) for _ in range(GENERATED_LENGTH - len(chars))]
        rng.shuffle(chars)
        password = "".join(chars)
        if not password_problems(password):
            return password
