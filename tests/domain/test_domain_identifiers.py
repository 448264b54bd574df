"""Identifiers: reference vectors (REFERENCE.md) and properties."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.errors import InvalidIdentifier, ValidationError
from oiso_desktop.domain.identifiers import (
    RppsLuhnMismatch,
    idnat_ps,
    luhn_key,
    luhn_ok,
    nir_key,
    rpps_luhn_ok,
    validate_adeli,
    validate_finess,
    validate_insee_birthplace,
    validate_nir,
    validate_rpps,
)

digits = st.text(alphabet=string.digits, min_size=1, max_size=1)


def _with_luhn(body: str) -> str:
    return body + luhn_key(body)


# --- RPPS --------------------------------------------------------------------------------


def test_rpps_reference_vector_passes_luhn():
    assert rpps_luhn_ok("10005173140")
    assert validate_rpps("10005173140") == "10005173140"
    assert validate_rpps(" 100 051 731 40 ") == "10005173140"


def test_rpps_published_example_failing_luhn_needs_confirmation():
    assert not rpps_luhn_ok("10003461033")
    with pytest.raises(RppsLuhnMismatch) as caught:
        validate_rpps("10003461033")
    error = caught.value
    assert isinstance(error, InvalidIdentifier)
    assert isinstance(error, ValueError)
    assert error.code == "rpps_luhn"
    assert error.field == "rpps"
    assert str(error) == (
        "La clé de contrôle (Luhn) du numéro RPPS ne correspond pas : vérifiez le numéro, "
        "puis confirmez s'il est exact."
    )
    assert validate_rpps("10003461033", luhn_confirmed=True) == "10003461033"


def test_rpps_wrong_length_is_a_hard_error_even_when_confirmed():
    with pytest.raises(InvalidIdentifier) as caught:
        validate_rpps("10003461", luhn_confirmed=True)
    assert not isinstance(caught.value, RppsLuhnMismatch)
    assert str(caught.value) == "Le numéro RPPS doit comporter 11 chiffres, et non 8."
    assert caught.value.field == "rpps"
    assert caught.value.code == "identifier_digit_count"
    assert caught.value.params == {
        "identifier": "rpps",
        "problem": "length",
        "expected": 11,
        "got": 8,
    }


def test_rpps_one_digit_typed_reads_well():
    with pytest.raises(InvalidIdentifier, match=r"11 chiffres, et non 1\.$"):
        validate_rpps("1")


@pytest.mark.parametrize(
    "value", ["1000517314A", "10005-173140", "1000517314²", "１０００５１７３１４０"]
)
def test_rpps_non_digits_rejected(value):
    with pytest.raises(InvalidIdentifier, match="ne doit contenir que des chiffres") as caught:
        validate_rpps(value, luhn_confirmed=True)
    assert caught.value.params["problem"] == "characters"


def test_rpps_empty():
    with pytest.raises(InvalidIdentifier, match="n'est pas renseigné"):
        validate_rpps("   ")


@given(st.text(alphabet=string.digits, min_size=10, max_size=10))
def test_any_ten_digits_plus_luhn_key_is_a_valid_rpps(body):
    rpps = _with_luhn(body)
    assert rpps_luhn_ok(rpps)
    assert validate_rpps(rpps) == rpps
    # Idempotent on its output.
    assert validate_rpps(validate_rpps(rpps)) == rpps


@given(
    st.text(alphabet=string.digits, min_size=10, max_size=10),
    st.integers(min_value=0, max_value=10),
    st.integers(min_value=1, max_value=9),
)
def test_changing_one_digit_of_a_valid_rpps_breaks_luhn(body, position, delta):
    rpps = _with_luhn(body)
    changed_digit = str((int(rpps[position]) + delta) % 10)
    changed = rpps[:position] + changed_digit + rpps[position + 1 :]
    assert not rpps_luhn_ok(changed)
    with pytest.raises(RppsLuhnMismatch):
        validate_rpps(changed)


@given(st.text(alphabet=string.digits, min_size=10, max_size=10), st.data())
def test_spaces_are_ignored_in_rpps(body, data):
    rpps = _with_luhn(body)
    spaced = "".join(
        char + data.draw(st.sampled_from(["", " ", "  ", "\t", "\u00a0"])) for char in rpps
    )
    assert validate_rpps(spaced) == rpps


def test_luhn_helpers():
    assert luhn_ok("79927398713")
    assert not luhn_ok("79927398710")
    assert not luhn_ok("")
    assert not luhn_ok("12a")
    assert luhn_key("7992739871") == "3"


# --- ADELI -------------------------------------------------------------------------------


def test_adeli():
    assert validate_adeli("751 234 567") == "751234567"
    with pytest.raises(InvalidIdentifier) as caught:
        validate_adeli("75123456")
    assert str(caught.value) == "Le numéro ADELI doit comporter 9 chiffres, et non 8."
    assert caught.value.field == "adeli"
    with pytest.raises(InvalidIdentifier, match="ne doit contenir que des chiffres"):
        validate_adeli("75123456X")


# --- FINESS ------------------------------------------------------------------------------


@pytest.mark.parametrize("finess", ["750712184", "330781196", "690781810", "130786049"])
def test_finess_reference_vectors(finess):
    assert validate_finess(finess) == finess
    assert validate_finess(f" {finess[:3]} {finess[3:]} ") == finess


def test_finess_wrong_key():
    with pytest.raises(InvalidIdentifier) as caught:
        validate_finess("750712185")
    assert caught.value.field == "finess"
    assert str(caught.value) == (
        "La clé de contrôle du numéro FINESS est incorrecte : vérifiez le numéro."
    )


def test_finess_corsica_uses_21_22_for_luhn():
    body_2a = "2A" + "0000" + "12"  # 8 characters
    key_2a = luhn_key("21" + body_2a[2:])
    assert validate_finess((body_2a + key_2a).lower()) == body_2a + key_2a
    body_2b = "2B0001234"[:8]
    key_2b = luhn_key("22" + body_2b[2:])
    assert validate_finess(body_2b + key_2b) == body_2b + key_2b
    # The key computed for 2A is not valid for 2B (different digits).
    if key_2a != luhn_key("22" + body_2a[2:]):
        with pytest.raises(InvalidIdentifier):
            validate_finess("2B" + body_2a[2:] + key_2a)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("75071218", "Le numéro FINESS doit comporter 9 caractères, et non 8."),
        ("2C0712184", "ne doit contenir que des chiffres"),
        ("75071218A", "ne doit contenir que des chiffres"),
        ("", "n'est pas renseigné"),
    ],
)
def test_finess_bad_shapes(value, message):
    with pytest.raises(InvalidIdentifier) as caught:
        validate_finess(value)
    assert message in str(caught.value)
    assert caught.value.field == "finess"


@given(st.text(alphabet=string.digits, min_size=8, max_size=8))
def test_any_eight_digits_plus_luhn_key_is_a_valid_finess(body):
    finess = _with_luhn(body)
    assert validate_finess(finess) == finess
    assert validate_finess(validate_finess(finess)) == finess


@given(
    st.text(alphabet=string.digits, min_size=8, max_size=8),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=1, max_value=9),
)
def test_changing_one_digit_of_a_valid_finess_breaks_luhn(body, position, delta):
    finess = _with_luhn(body)
    changed = finess[:position] + str((int(finess[position]) + delta) % 10) + finess[position + 1 :]
    with pytest.raises(InvalidIdentifier, match="clé de contrôle"):
        validate_finess(changed)


# --- NIR ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nir", ["295109912611193", "253072B07300470", "253072A07300443", "255081416802538"]
)
def test_nir_reference_vectors(nir):
    assert validate_nir(nir) == nir


def test_nir_accepts_spaces_and_lower_case_corsica():
    assert validate_nir("2 95 10 99 126 111 93") == "295109912611193"
    assert validate_nir("2 53 07 2b 073 004 70") == "253072B07300470"


@pytest.mark.parametrize("nir", ["295109912611199", "255081416802500"])
def test_nir_invalid_key(nir):
    with pytest.raises(InvalidIdentifier) as caught:
        validate_nir(nir)
    assert str(caught.value) == "La clé du NIR est incorrecte."
    assert caught.value.field == "nir"
    assert caught.value.params["problem"] == "checksum"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2951099126111", "Le NIR doit comporter 15 caractères, clé comprise, et non 13."),
        ("2951099126111933", "Le NIR doit comporter 15 caractères, clé comprise, et non 16."),
        ("253072C07300443", "ne doit contenir que des chiffres"),
        ("2950A9912611193", "ne doit contenir que des chiffres"),
        ("595109912611193", "Le premier chiffre du NIR"),
        ("", "Le NIR n'est pas renseigné."),
    ],
)
def test_nir_bad_shapes(value, message):
    with pytest.raises(InvalidIdentifier) as caught:
        validate_nir(value)
    assert message in str(caught.value)
    assert caught.value.field == "nir"


nir_bodies = st.builds(
    lambda sex, middle, department, tail: sex + middle + department + tail,
    st.sampled_from("123478"),
    st.text(alphabet=string.digits, min_size=4, max_size=4),
    st.one_of(
        st.text(alphabet=string.digits, min_size=2, max_size=2), st.sampled_from(["2A", "2B"])
    ),
    st.text(alphabet=string.digits, min_size=6, max_size=6),
)


@given(nir_bodies)
def test_random_nir_bodies_with_computed_key_validate(body):
    nir = body + nir_key(body)
    assert validate_nir(nir) == nir
    assert validate_nir(validate_nir(nir)) == nir
    spaced = " ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]])
    assert validate_nir(spaced.lower()) == nir


@given(nir_bodies, st.integers(min_value=1, max_value=96))
def test_nir_with_any_other_key_fails(body, delta):
    key = int(nir_key(body))
    wrong = (key + delta) % 97 or 97
    if wrong == key:
        return
    with pytest.raises(InvalidIdentifier, match="La clé du NIR est incorrecte."):
        validate_nir(body + f"{wrong:02d}")


# --- INSEE birthplace code ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("75056", "75056"),  # Paris
        ("13055", "13055"),  # Marseille
        ("2a004", "2A004"),  # Ajaccio
        ("2B033", "2B033"),  # Bastia
        ("97411", "97411"),  # Saint-Denis (La Réunion)
        ("97611", "97611"),  # Mamoudzou
        ("97701", "97701"),  # Saint-Barthélemy
        ("98818", "98818"),  # Nouméa
        ("99350", "99350"),  # Maroc
        ("99100", "99100"),
        (" 69 123 ", "69123"),
    ],
)
def test_insee_birthplace_valid(value, expected):
    assert validate_insee_birthplace(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("00123", "aucun département ne porte le numéro 00"),
        ("20004", "pour la Corse, le département s'écrit 2A ou 2B"),
        ("96001", "aucun département ne porte le numéro 96"),
        ("97011", "971 à 978"),
        ("97911", "971 à 978"),
        ("98311", "984 à 989"),
        ("99012", "99100 à 99599"),
        ("99612", "99100 à 99599"),
        ("75000", "000"),
        ("2A000", "000"),
        ("7505", "doit comporter 5 caractères, et non 4."),
        ("2C004", "ne doit contenir que des chiffres"),
        ("75A56", "ne doit contenir que des chiffres"),
    ],
)
def test_insee_birthplace_invalid(value, message):
    with pytest.raises(InvalidIdentifier) as caught:
        validate_insee_birthplace(value)
    assert message in str(caught.value)
    assert caught.value.field == "birth_place_code"
    assert str(caught.value).startswith("Le code INSEE du lieu de naissance")


# --- IdNat_PS ----------------------------------------------------------------------------


def test_idnat_ps():
    assert idnat_ps("rpps", "10005173140") == "810005173140"
    # A confirmed RPPS failing Luhn still has an IdNat_PS.
    assert idnat_ps("rpps", "10003461033") == "810003461033"
    assert idnat_ps("adeli", "751234567") == "0751234567"
    assert idnat_ps("finess", "750712184") == "3750712184"
    with pytest.raises(InvalidIdentifier):
        idnat_ps("finess", "750712185")
    with pytest.raises(InvalidIdentifier, match="inconnu"):
        idnat_ps("nope", "1")  # type: ignore[arg-type]


# --- junk never crashes ------------------------------------------------------------------

VALIDATORS = [
    validate_rpps,
    lambda value: validate_rpps(value, luhn_confirmed=True),
    validate_adeli,
    validate_finess,
    validate_nir,
    validate_insee_birthplace,
]


@pytest.mark.parametrize("validator", VALIDATORS)
@given(
    junk=st.text(min_size=1).filter(
        lambda text: bool(re.search(r"[^0-9]", re.sub(r"\s+|2[AB]", "", text.upper())))
    )
)
def test_junk_always_raises_invalid_identifier(validator, junk):
    # Junk: any text with at least one non-digit character apart from spaces and the
    # 2A/2B of Corsica: must be refused, with InvalidIdentifier only.
    try:
        validator(junk)
    except InvalidIdentifier as error:
        assert isinstance(error, ValidationError)
        assert str(error)
        assert error.field
    else:  # pragma: no cover - would be a bug
        pytest.fail(f"{junk!r} was accepted")


@pytest.mark.parametrize("validator", VALIDATORS)
@given(anything=st.text(max_size=30))
def test_any_text_raises_nothing_but_invalid_identifier(validator, anything):
    try:
        result = validator(anything)
    except InvalidIdentifier:
        return
    # Accepted: the output is normalised and stable.
    assert result == validator(result)
    assert " " not in result


@pytest.mark.parametrize("validator", VALIDATORS)
def test_non_text_input_raises_invalid_identifier(validator):
    with pytest.raises(InvalidIdentifier):
        validator(None)
    with pytest.raises(InvalidIdentifier):
        validator(12345678901)
