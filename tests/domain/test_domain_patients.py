"""Patient identity normalisation and duplicate scoring."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oiso_desktop.domain.errors import InvalidIdentifier, ValidationError
from oiso_desktop.domain.patients import (
    INS_STATUSES,
    SEXES,
    VITAL_STATUSES,
    IdentityFields,
    duplicate_score,
    is_possible_duplicate,
    levenshtein,
    normalise_identity,
    search_names,
)

TODAY = date(2026, 1, 15)


def make(**changes) -> IdentityFields:
    base = IdentityFields(
        birth_name="Lefèvre",
        first_names="hélène marie",
        birth_date=date(1995, 10, 3),
        sex="F",
    )
    return dataclasses.replace(base, **changes)


def invalid(field: str, **changes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        normalise_identity(make(**changes), today=TODAY)
    assert caught.value.field == field, str(caught.value)
    return caught.value


def test_constants():
    assert SEXES == ("F", "M", "I")
    assert INS_STATUSES == ("PROV", "RECUP", "VALI", "QUAL")
    assert VITAL_STATUSES == ("alive", "deceased", "unknown")


def test_defaults_and_immutability():
    fields = make()
    assert fields.used_name == ""
    assert fields.nir is None
    assert fields.ins_status == "PROV"
    assert fields.vital_status == "alive"
    assert fields.death_date is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        fields.birth_name = "X"  # type: ignore[misc]


def test_normalise_names():
    result = normalise_identity(
        make(
            birth_name="  lefèvre   d’ornano ",
            used_name=" martin-duval ",
            first_names="  jean-PIERRE,  marie  ",
        ),
        today=TODAY,
    )
    assert result.birth_name == "LEFÈVRE D'ORNANO"
    assert result.used_name == "MARTIN-DUVAL"
    assert result.first_names == "Jean-Pierre Marie"


def test_normalise_is_idempotent_and_returns_new_object():
    fields = make(
        nir="2 95 10 99 126 111 93",
        birth_place_code="99126",
        phone="06.12.34.56.78",
        postal_code=" 75 012",
        email=" h.lefevre@exemple.fr ",
        city="  Paris ",
        ins_status="vali",
    )
    once = normalise_identity(fields, today=TODAY)
    assert once.nir == "295109912611193"
    assert once.birth_place_code == "99126"
    assert once.phone == "06 12 34 56 78"
    assert once.postal_code == "75012"
    assert once.email == "h.lefevre@exemple.fr"
    assert once.city == "Paris"
    assert once.ins_status == "VALI"
    assert normalise_identity(once, today=TODAY) == once
    assert fields.nir == "2 95 10 99 126 111 93"  # the input is untouched


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"birth_name": "  "}, "birth_name", "Le nom de naissance est obligatoire."),
        ({"birth_name": "Dupont2"}, "birth_name", "ne peut contenir que des lettres"),
        ({"used_name": "Du@pont"}, "used_name", "ne peut contenir que des lettres"),
        ({"first_names": ""}, "first_names", "Le prénom est obligatoire."),
        ({"first_names": "---"}, "first_names", "ne peut contenir que des lettres"),
        ({"sex": "X"}, "sex", "Le sexe doit être F (féminin), M (masculin) ou I (indéterminé)."),
        (
            {"birth_date": date(2026, 1, 16)},
            "birth_date",
            "La date de naissance ne peut pas être dans le futur.",
        ),
        ({"birth_date": date(1899, 12, 31)}, "birth_date", "1er janvier 1900"),
        ({"email": "h.lefevre@exemple"}, "email", "L'adresse e-mail n'est pas valide"),
        ({"email": "h lefevre@exemple.fr"}, "email", "L'adresse e-mail n'est pas valide"),
        ({"postal_code": "7501"}, "postal_code", "Le code postal doit comporter 5 chiffres."),
        ({"postal_code": "7501A"}, "postal_code", "5 chiffres"),
        ({"phone": "06 12 34 56"}, "phone", "10 chiffres"),
        ({"phone": "16 12 34 56 78"}, "phone", "commencer par 0"),
        ({"phone": "06-12-34-56-78"}, "phone", "ne peut contenir que des chiffres"),
        ({"phone": "+33 6 12 34 56"}, "phone", "9 chiffres après l'indicatif"),
        ({"ins_status": "OK"}, "ins_status", "PROV, RECUP, VALI ou QUAL"),
        ({"vital_status": "dead"}, "vital_status", "Le statut vital"),
        (
            {"death_date": date(2020, 1, 1)},
            "death_date",
            "Une date de décès ne peut être saisie que pour un patient décédé.",
        ),
        (
            {"vital_status": "deceased", "death_date": date(1990, 1, 1)},
            "death_date",
            "antérieure à la date de naissance",
        ),
        (
            {"vital_status": "deceased", "death_date": date(2026, 2, 1)},
            "death_date",
            "La date de décès ne peut pas être dans le futur.",
        ),
    ],
)
def test_validation_errors(changes, field, message):
    error = invalid(field, **changes)
    assert message in str(error)


def test_dates_on_the_limits_are_accepted():
    assert normalise_identity(make(birth_date=TODAY), today=TODAY).birth_date == TODAY
    assert normalise_identity(make(birth_date=date(1900, 1, 1)), today=TODAY)
    deceased = normalise_identity(
        make(vital_status="Deceased", death_date=date(1995, 10, 3)), today=TODAY
    )
    assert deceased.vital_status == "deceased"
    assert deceased.death_date == date(1995, 10, 3)
    # Deceased with an unknown date of death is fine.
    assert normalise_identity(make(vital_status="deceased"), today=TODAY).death_date is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0612345678", "06 12 34 56 78"),
        ("01 23 45 67 89", "01 23 45 67 89"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("+33612345678", "+33 6 12 34 56 78"),
        ("0033 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("+41 22 123 45 67", "+41 22 123 45 67"),
        ("", ""),
    ],
)
def test_phone_numbers(typed, stored):
    assert normalise_identity(make(phone=typed), today=TODAY).phone == stored


def test_nir_errors_are_invalid_identifiers_on_the_nir_field():
    error = invalid("nir", nir="295109912611199")
    assert isinstance(error, InvalidIdentifier)
    assert str(error) == "La clé du NIR est incorrecte."
    error = invalid("birth_place_code", birth_place_code="20004")
    assert isinstance(error, InvalidIdentifier)


def test_nir_must_agree_with_sex_and_birth_date():
    assert normalise_identity(make(nir="295109912611193"), today=TODAY).nir == "295109912611193"
    assert "sexe" in str(invalid("nir", nir="295109912611193", sex="M"))
    assert "année" in str(invalid("nir", nir="295109912611193", birth_date=date(1994, 10, 3)))
    assert "mois" in str(invalid("nir", nir="295109912611193", birth_date=date(1995, 11, 3)))
    # Sex "I" (indeterminate) is not compared with the NIR.
    assert normalise_identity(make(nir="295109912611193", sex="I"), today=TODAY).sex == "I"
    # Empty NIR is no NIR.
    assert normalise_identity(make(nir="  "), today=TODAY).nir is None


def _nir(body: str) -> str:
    from oiso_desktop.domain.identifiers import nir_key

    return body + nir_key(body)


def test_nir_month_outside_1_12_is_not_compared():
    # Months 20-42 and 50+ exist in real NIRs (unknown or special month).
    nir = _nir("2953375056123")
    assert normalise_identity(make(nir=nir), today=TODAY).nir == nir


@pytest.mark.parametrize("first", ["3", "4", "7", "8"])
def test_temporary_nir_is_not_compared(first):
    nir = _nir(first + "000175056123")
    fields = make(nir=nir, sex="M", birth_date=date(1980, 5, 5))
    assert normalise_identity(fields, today=TODAY).nir == nir


def test_ins_status_requirements():
    assert "lieu de naissance" in str(invalid("birth_place_code", ins_status="VALI"))
    assert "lieu de naissance" in str(
        invalid("birth_place_code", ins_status="QUAL", nir="295109912611193")
    )
    assert "NIR" in str(invalid("nir", ins_status="QUAL", birth_place_code="99126"))
    qualified = normalise_identity(
        make(ins_status="QUAL", nir="295109912611193", birth_place_code="99126"), today=TODAY
    )
    assert qualified.ins_status == "QUAL"
    assert normalise_identity(make(ins_status="RECUP"), today=TODAY).ins_status == "RECUP"


def test_search_names():
    fields = make(used_name="D'Ornano-Martin", first_names="Hélène Marie")
    assert search_names(fields) == "lefevre d ornano martin helene marie"
    assert search_names(make()) == "lefevre helene marie"


# --- duplicates --------------------------------------------------------------------------


def test_levenshtein():
    assert levenshtein("", "") == 0
    assert levenshtein("abc", "") == 3
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("dupont", "dupond") == 1
    assert levenshtein("lefevre", "lefebvre") == 1
    assert levenshtein("martin", "matrin") == 2


@given(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
def test_levenshtein_is_a_distance(a, b, c):
    assert levenshtein(a, b) == levenshtein(b, a)
    assert (levenshtein(a, b) == 0) == (a == b)
    assert levenshtein(a, c) <= levenshtein(a, b) + levenshtein(b, c)
    assert levenshtein(a, b) <= max(len(a), len(b))


def test_same_nir_is_100_whatever_else():
    a = make(nir="295109912611193")
    b = make(nir="2 95 10 99 126 111 93", birth_name="Autre", birth_date=date(1960, 1, 1))
    assert duplicate_score(a, b) == 100


def test_same_name_birth_date_and_first_first_name_is_90():
    a = make(birth_name="Lefèvre", first_names="Hélène Marie")
    b = make(birth_name="LEFEVRE", first_names="helene, Anne")
    assert duplicate_score(a, b) == 90
    # Used name of one against birth name of the other.
    c = make(birth_name="Martin", used_name="Lefevre", first_names="Hélène")
    assert duplicate_score(a, c) == 90
    assert duplicate_score(c, a) == 90


def test_compound_first_name_is_one_first_name():
    a = make(first_names="Jean-Pierre")
    assert duplicate_score(a, make(first_names="Jean Pierre")) == 90
    assert duplicate_score(a, make(first_names="Jean")) == 60


def test_close_names_same_first_name_and_birth_date_is_70():
    a = make(birth_name="Lefèvre")
    assert duplicate_score(a, make(birth_name="Lefebvre")) == 70
    assert duplicate_score(a, make(birth_name="Lefeuvre")) == 70
    assert duplicate_score(a, make(birth_name="Lefebvres")) == 70  # distance 2
    assert duplicate_score(a, make(birth_name="Lefebvrese")) == 0  # distance 4


def test_same_name_and_birth_date_only_is_60():
    a = make(first_names="Hélène")
    b = make(first_names="Sophie")
    assert duplicate_score(a, b) == 60
    assert is_possible_duplicate(a, b)


def test_different_people_score_0():
    a = make()
    assert duplicate_score(a, make(birth_date=date(1995, 10, 4))) == 0
    assert duplicate_score(a, make(birth_name="Martin", first_names="Sophie")) == 0
    assert duplicate_score(a, make(birth_name="Martin")) == 0  # same first name only
    assert not is_possible_duplicate(a, make(birth_date=date(1995, 10, 4)))
    # Different NIRs do not prevent the name checks.
    assert duplicate_score(make(nir="295109912611193"), make(nir="255081416802538")) == 90


@given(
    st.sampled_from(["Dupont", "Dupond", "Martin", "Lefèvre", "Lefebvre"]),
    st.sampled_from(["Dupont", "Dupond", "Martin", "Lefèvre", "Lefebvre"]),
    st.sampled_from(["Jean", "Jeanne", "Hélène"]),
    st.sampled_from(["Jean", "Jeanne", "Hélène"]),
    st.sampled_from([date(1970, 1, 1), date(1970, 1, 2)]),
)
def test_duplicate_score_is_symmetric_and_bounded(name_a, name_b, first_a, first_b, day):
    a = make(birth_name=name_a, first_names=first_a)
    b = make(birth_name=name_b, first_names=first_b, birth_date=day)
    score = duplicate_score(a, b)
    assert score == duplicate_score(b, a)
    assert score in (0, 60, 70, 90, 100)
    assert duplicate_score(a, a) == 90
