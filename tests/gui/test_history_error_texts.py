"""The personal history's and clinical forms' problems read as the domain says them
in French, and as complete sentences in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from oiso_desktop.domain.clinical_forms import (
    SCHEMA_VERSION,
    FormKind,
    content_from_dict,
    content_to_dict,
    form_kind,
)
from oiso_desktop.domain.errors import ErrorCode, FormValidationError, ValidationError
from oiso_desktop.domain.family import Age, Receptors
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
    validate,
)
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import install_translations


def _raised(action) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        action()
    return caught.value


def _problems() -> list[ValidationError]:
    history = PersonalHistory(
        cancers=(
            HistoryCancer(site="nowhere"),
            HistoryCancer(site="ovary", laterality="up", grade=2, msi="msi"),
            HistoryCancer(site="prostate", receptors=Receptors(er="P")),
            HistoryCancer(site="breast", diagnosis_date=date(1960, 1, 1), age=Age.parse("90")),
            HistoryCancer(site="breast", diagnosis_date=date(2030, 1, 1)),
            HistoryCancer(site="breast", diagnosis_date=date(2000, 1, 1), age=Age.parse("40")),
        ),
        surgeries=(
            RiskReducingSurgery(kind="lobotomy"),
            RiskReducingSurgery(kind="hysterectomy", side="left"),
        ),
        note="x" * 5000,
    )
    problems = validate(history, birth_date=date(1975, 3, 12), sex="M", today=date(2026, 1, 1))
    data = content_to_dict(history)
    problems.append(_raised(lambda: content_from_dict({**data, "schema": SCHEMA_VERSION + 1})))
    problems.append(_raised(lambda: content_from_dict({**data, "note": 3}, kind=FormKind.HISTORY)))
    problems.append(_raised(lambda: form_kind("horoscope")))
    problems.append(FormValidationError("Le formulaire n'a pas été enregistré.", problems[:3]))
    return problems


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert install_translations("en")
    yield
    install_translations("fr")


def test_every_history_code_is_exercised() -> None:
    codes = {problem.code.value for problem in _problems()}
    wanted = {c.value for c in ErrorCode if c.value.startswith("history_")}
    assert wanted - codes == set()
    assert {"clinical_form_content", "clinical_form_too_new", "clinical_form_kind"} <= codes


def test_french_is_the_domain_sentence(qapp) -> None:  # type: ignore[no-untyped-def]
    install_translations("fr")
    for problem in _problems():
        if problem.code is ErrorCode.CLINICAL_FORM_INVALID:
            assert error_text(problem) == (
                "Le formulaire n'a pas été enregistré : 3 problème(s), chacun signalé à son champ."
            )
            continue
        assert error_text(problem) == str(problem), problem.code


def test_english_is_complete(english) -> None:  # type: ignore[no-untyped-def]
    for problem in _problems():
        text = error_text(problem)
        assert "{" not in text and text != str(problem), (problem.code, text)
