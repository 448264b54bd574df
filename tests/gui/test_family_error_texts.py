"""The family's problems read as the domain says them in French, and in English.

Every family and CanRisk problem the domain raises or returns goes through
``error_text``: in French it must be the domain's own sentence (the .ts
translation has the right placeholders), in English a complete sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest

from oiso_desktop.domain import canrisk
from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import (
    Age,
    Cancer,
    Family,
    GeneticResult,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    new_family,
    remove_person,
    update_person,
)
from oiso_desktop.domain.family_checks import validate
from oiso_desktop.domain.genetics import Genetics, RelativeInformation, removed_cited_relatives
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import install_translations
from tests.domain.test_domain_canrisk import canrisk_problem_files

TODAY = date(2025, 6, 1)


def _change(family: Family, person_id: str, **changes: object) -> Family:
    return update_person(family, dataclasses.replace(family.person(person_id), **changes))


def _raised(action) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action()
    return caught.value


def _problems() -> list[ValidationError]:
    family = add_sibling(add_parents(new_family(sex="F", name="Léa", birth_year=1980), "p1"), "p1")
    problems = [
        _raised(lambda: Age.parse("quarante")),
        _raised(lambda: Age.parse("130")),
        _raised(lambda: family.person("p99")),
        _raised(lambda: add_parents(family, "p1")),
        _raised(lambda: add_partner(family, "p2", partner_id="p3")),
        _raised(lambda: add_child(family, "p4")),
        _raised(lambda: add_child(add_partner(family, "p2"), "p2")),
        _raised(lambda: remove_person(family, "p1")),
        _raised(lambda: remove_person(family, "p2")),
    ]
    bad = _change(
        family, "p3", sex="M", birth_year=1990, deceased=True, age_at_death=Age.parse("20")
    )
    bad = _change(bad, "p2", sex="F", cancers=(Cancer(site="nowhere"),))
    bad = _change(
        bad,
        "p1",
        age=Age.parse("60"),
        age_at_death=Age.parse("50"),
        cancers=(
            Cancer(site="contralateral_breast", age=Age.parse("70")),
            Cancer(site="prostate", laterality="up", receptors=Receptors(er="P")),
        ),
        genetic_results=(GeneticResult(gene="brca1", result="?"),),
    )
    bad = _change(bad, "p4", birth_year=1700, sex="X", proband=True)
    bad = Family(
        people=(
            *bad.people,
            Person(
                id="p5",
                father_id="p6",
                mother_id="p5",
                sex="F",
                deceased=True,
                age_at_death=Age.parse("30"),
                cancers=(Cancer(site="breast", age=Age.parse("40")),),
            ),
            Person(id="p6", sex="M", father_id="p1", mother_id="p7"),
            Person(id="p7", sex="F", birth_year=2020, age=Age.parse("~20")),
            Person(id="p5"),
        ),
        partnerships=(Partnership("p1", "p1"),),
        twins=(
            TwinGroup(("p1",), Zygosity.DZ),
            TwinGroup(("p2", "p7"), Zygosity.MZ),
            TwinGroup(("p3", "p4"), Zygosity.DZ),
        ),
    )
    problems += validate(bad, TODAY)
    loops = Family(
        people=(
            *family.people,
            Person(id="p5", sex="M", father_id="p6", mother_id="p3"),
            Person(id="p6", sex="M", father_id="p5", mother_id="p3"),
            Person(id="p7", father_id="p99"),
            Person(id="p8", sex="F"),
        ),
        twins=(TwinGroup(("p5", "p8"), Zygosity.MZ),),
    )
    problems += validate(loops, TODAY)
    for _, text in canrisk_problem_files():
        problems += canrisk.parse_canrisk(text, today=TODAY).problems
    problems.append(_raised(lambda: canrisk.to_canrisk(new_family(), today=TODAY)))
    triplets = add_sibling(add_parents(new_family(sex="F"), "p1"), "p1", twin=Zygosity.MZ)
    triplets = add_sibling(triplets, "p1", twin=Zygosity.MZ)
    problems.append(_raised(lambda: canrisk.to_canrisk(triplets, today=TODAY)))
    problems += validate(Family(people=tuple(Person(id=f"x{i}") for i in range(276))), TODAY)[:2]
    # a relative the genetics form names, removed from the family
    sister = _change(family, "p4", name="Marie")
    informed = Genetics(relative_information=(RelativeInformation(relative_ids=("p4",)),))
    problems += removed_cited_relatives(informed, sister, remove_person(sister, "p4"))
    return problems


@pytest.fixture
def english(qapp) -> Iterator[None]:
    assert install_translations("en")
    yield
    install_translations("fr")


def test_every_family_code_is_exercised():
    codes = {problem.code.value for problem in _problems()}
    wanted = {
        code
        for code in (c.value for c in ErrorCode)
        if code.startswith(("family_", "age_", "canrisk_"))
    }
    assert wanted - codes == set()


def test_french_is_the_domain_sentence(qapp):
    install_translations("fr")
    for problem in _problems():
        assert error_text(problem) == str(problem), problem.code


def test_english_is_complete(english):
    for problem in _problems():
        text = error_text(problem)
        assert "{" not in text and text != str(problem), (problem.code, text)
