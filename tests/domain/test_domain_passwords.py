"""Password policy (CNIL 2022-100) and one-time passwords."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oiso_desktop.domain.errors import PasswordPolicyError, ValidationError
from oiso_desktop.domain.passwords import (
    GENERATED_LENGTH,
    MIN_LENGTH,
    character_classes,
    generate_initial_password,
    password_problems,
    validate_password,
)

COMPOSITION = (
    "Le mot de passe doit comporter au moins 12 caractères et 4 types de caractères "
    "(minuscules, majuscules, chiffres, symboles), ou au moins 14 caractères et 3 types."
)


def test_min_length_constant():
    assert MIN_LENGTH == 12


@pytest.mark.parametrize(
    ("password", "classes"),
    [("abc", 1), ("aB", 2), ("aB3", 3), ("aB3!", 4), ("é É", 3), ("１", 1), ("", 0)],
)
def test_character_classes(password, classes):
    assert character_classes(password) == classes


@pytest.mark.parametrize(
    "password",
    [
        "Xk9#mP2$vL7!",  # 12 characters, 4 classes
        "Tr0ub4dor&3xyz",
        "gravel7Turnip5hush",  # 18 characters, 3 classes
        "Kx9mPvLqz2Ws7n",  # 14 characters, 3 classes
        "correct horse battery staple ninja tiger lamp",  # 7 words
        "Clé-d'été!Fûts9",  # accented letters count as letters
    ],
)
def test_acceptable_passwords(password):
    assert password_problems(password) == []
    validate_password(password)


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("Xk9#mP2$vL7", ["too_short"]),  # 11 characters, 4 classes
        ("Kx9mPvLqz2Ws", ["too_few_classes"]),  # 12 characters, 3 classes
        ("Kx9mPvLqz2Wsn", ["too_few_classes"]),  # 13 characters, 3 classes
        ("Kx9mPvL", ["too_short"]),  # 3 classes: 14 characters would do
        ("kxmpvlqzwsnrtgbh", ["too_few_classes"]),  # 16 characters, 1 class
        ("kxm", ["too_short", "too_few_classes", "too_common"]),
    ],
)
def test_composition_problems(password, codes):
    assert password_problems(password) == codes


def test_passphrase_needs_seven_different_words_of_three_letters():
    assert password_problems("le chat noir dort sur le canapé rouge") == ["too_few_classes"]
    assert password_problems("le chat noir dort sur le canapé rouge vif") == []
    assert "too_few_classes" in password_problems("chat chat chat chat chat chat chat")
    assert password_problems("un de le la ce je tu il on ma") == ["too_few_classes"]


@pytest.mark.parametrize(
    "password",
    [
        "motdepasse",
        "MotDePasse2024!",
        "P@ssw0rd2024!!",
        "Azerty123456!",
        "Qwerty!2345678",
        "Abcdefgh1234!",
        "Aa1!Aa1!Aa1!",
        "aaaaaaaaaaaaaaaa",
        "1234567890123456",
        "Soleil1990!#",
        "AZERTYUIOP@2023",
    ],
)
def test_too_common(password):
    assert "too_common" in password_problems(password)


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("jdupont", "XjDupont9#42"),
        ("j.dupont", "Zq!J.DUPONT77"),
        ("j.dupont", "Zq!jdupont77#"),
        ("hélène", "Xx9#HeLeNe!wq"),
    ],
)
def test_contains_login(login, password):
    assert "contains_login" in password_problems(password, login=login)


@pytest.mark.parametrize(
    ("names", "password"),
    [
        (["Dupont"], "Kx9!DUPONTqw"),
        (["Hélène"], "Kx9!heleneqwZ"),
        (["Jean-Pierre"], "Kx9!PIERREqwZ"),
        (["Lefèvre"], "Kx9!LeFeVrEqwZ"),
    ],
)
def test_contains_name(names, password):
    assert password_problems(password, names=names) == ["contains_name"]


def test_short_names_and_logins_are_ignored():
    assert password_problems("Kx9!LiqwZ#Tr4", login="li", names=["Li", "Ng"]) == []


def test_validate_password_message_lists_what_is_wrong():
    with pytest.raises(PasswordPolicyError) as caught:
        validate_password("Dupont1!", login="jdupont", names=["Jean", "Dupont"])
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.code == "password_policy"
    assert error.field == "password"
    assert error.params["problems"] == ["too_short", "contains_name"]
    message = str(error)
    assert message.startswith(COMPOSITION)
    assert "Une phrase de passe d'au moins 7 mots est aussi acceptée." in message
    assert "Le mot de passe ne doit pas contenir le nom ou le prénom de l'utilisateur." in message
    assert "identifiant" not in message


def test_validate_password_common_only():
    with pytest.raises(PasswordPolicyError) as caught:
        validate_password("MotDePasse2024!")
    assert str(caught.value) == (
        "Ce mot de passe est trop courant ou trop facile à deviner (mot de passe usuel, "
        "suite de touches ou de chiffres, motif répété)."
    )


AMBIGUOUS = set("0Oo1lI")


@settings(max_examples=300)
@given(st.integers())
def test_generated_passwords_meet_the_policy(_):
    password = generate_initial_password()
    assert len(password) == GENERATED_LENGTH
    assert character_classes(password) == 4
    assert not AMBIGUOUS & set(password)
    assert password.isascii() and " " not in password
    assert password_problems(password) == []
    validate_password(password)


def test_generated_passwords_differ():
    assert len({generate_initial_password() for _ in range(50)}) == 50
