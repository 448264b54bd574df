"""The genetics form's problems and the letter's refusals read as the domain and the
service say them in French, and as complete sentences in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from oiso_desktop.domain.errors import ErrorCode, ValidationError
from oiso_desktop.domain.family import add_parents, new_family
from oiso_desktop.domain.genetics import (
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
    notices,
    validate,
)
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import install_translations
from oiso_desktop.services import letter_service


def _problems() -> list[ValidationError]:
    family = add_parents(new_family(sex="F"), "p1")
    genetics = Genetics(
        tests=(
            GeneticTest(id="t1", kind="wgs", status="lost", date=None),
            GeneticTest(id="t2", kind="panel", date=date(1970, 1, 1), genes=()),
            GeneticTest(id="t3", kind="panel", date=date(2030, 1, 1), genes=("brca 1",)),
            GeneticTest(id="t4", kind="predictive", date=date(2024, 1, 1)),
            GeneticTest(
                id="t5",
                kind="predictive",
                date=date(2024, 1, 1),
                familial_gene="BRCA2",
                familial_variant="c.10_5del",
                relative_id="p9",
            ),
            GeneticTest(
                id="t6",
                kind="targeted",
                date=date(2024, 1, 1),
                familial_gene="BRCA2",
                familial_variant="c.10_12insA",
                relative_outcome="carrier",
            ),
            GeneticTest(
                id="t7",
                kind="predictive",
                date=date(2024, 1, 1),
                familial_gene="BRCA2",
                familial_variant="c.1A>G",
                relative_id="p1",
            ),
        ),
        variants=(
            Variant(gene="", hgvs_c="", hgvs_p="p.Z1", acmg_class=None),
            Variant(gene="BRCA2", hgvs_c="c.1A>A", acmg_class=9),
            Variant(gene="BRCA2", hgvs_c="c.2del", acmg_class=5),
            Variant(gene="BRCA2", hgvs_c="c.2del", acmg_class=5),
        ),
        consents=(Consent(date=date(2024, 1, 1), scopes=()),),
        relative_information=(RelativeInformation(date=date(2024, 1, 1)),),
    )
    problems = validate(
        genetics, birth_date=date(1975, 3, 12), today=date(2026, 1, 1), family=family
    )
    problems += notices(Genetics(variants=(Variant(gene="FANCM", hgvs_c="c.1A>G"),)))
    problems += [
        ValidationError(
            letter_service.NO_VARIANT_MESSAGE, code=ErrorCode.RELATIVES_LETTER_NO_VARIANT
        ),
        ValidationError(
            letter_service.NO_RELATIVE_MESSAGE, code=ErrorCode.RELATIVES_LETTER_NO_RELATIVE
        ),
        ValidationError(
            letter_service.RELATIVE_UNKNOWN_MESSAGE.format(person_id="p9"),
            code=ErrorCode.RELATIVES_LETTER_RELATIVE_UNKNOWN,
            person_id="p9",
        ),
    ]
    return problems


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert install_translations("en")
    yield
    install_translations("fr")


def test_every_genetics_code_is_exercised() -> None:
    codes = {problem.code.value for problem in _problems()}
    wanted = {c.value for c in ErrorCode if c.value.startswith(("genetics_", "relatives_letter_"))}
    assert wanted - codes == set()


def test_french_is_the_domain_sentence(qapp) -> None:  # type: ignore[no-untyped-def]
    install_translations("fr")
    for problem in _problems():
        assert error_text(problem) == str(problem), problem.code


def test_english_is_complete(english) -> None:  # type: ignore[no-untyped-def]
    for problem in _problems():
        text = error_text(problem)
        assert "{" not in text and text != str(problem), (problem.code, text)
