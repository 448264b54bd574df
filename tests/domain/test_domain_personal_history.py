"""The personal history: every impossible entry named at its field, in French."""

from __future__ import annotations

from datetime import date

import pytest

from oiso_desktop.domain.errors import ErrorCode
from oiso_desktop.domain.family import Age, Receptors
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
    age_on,
    validate,
)

BIRTH = date(1975, 3, 12)
TODAY = date(2026, 3, 2)


def _problems(history: PersonalHistory, sex: str = "F") -> list[tuple[str, str | None]]:
    return [(p.code, p.field) for p in validate(history, birth_date=BIRTH, sex=sex, today=TODAY)]


def test_a_plausible_history_has_no_problem() -> None:
    history = PersonalHistory(
        cancers=(
            HistoryCancer(
                site="breast",
                laterality="left",
                age=Age.parse("42"),
                diagnosis_date=date(2017, 6, 1),
                histology="ductal",
                grade=3,
                receptors=Receptors(er="N", pr="N", her2="N"),
                confirmed=True,
            ),
            HistoryCancer(
                site="endometrium", age=Age.parse("~48"), msi="msi", ihc="loss_msh2_msh6"
            ),
        ),
        surgeries=(
            RiskReducingSurgery(kind="mastectomy", side="right", date=date(2018, 1, 10)),
            RiskReducingSurgery(kind="salpingo_oophorectomy", age=Age.parse("45")),
        ),
    )
    assert _problems(history) == []
    assert history.cancers[0].triple_negative is True
    assert history.cancers[1].triple_negative is None
    assert HistoryCancer(site="breast", receptors=Receptors(er="P")).triple_negative is False


def test_dates_before_birth_or_in_the_future_are_refused() -> None:
    history = PersonalHistory(
        cancers=(HistoryCancer(site="colorectal", diagnosis_date=date(1970, 1, 1)),),
        surgeries=(RiskReducingSurgery(kind="colectomy", date=date(2027, 1, 1)),),
    )
    problems = validate(history, birth_date=BIRTH, sex="M", today=TODAY)
    assert [(p.code, p.field) for p in problems] == [
        (ErrorCode.HISTORY_DATE_BEFORE_BIRTH, "cancers[0].diagnosis_date"),
        (ErrorCode.HISTORY_DATE_FUTURE, "surgeries[0].date"),
    ]
    assert "précède la naissance (12/03/1975)" in str(problems[0])
    assert problems[1].params["date"] == "01/01/2027"


def test_ages_must_fit_the_birth_date_and_today() -> None:
    assert age_on(BIRTH, date(2026, 3, 11)) == 50 and age_on(BIRTH, date(2026, 3, 12)) == 51
    history = PersonalHistory(
        cancers=(
            HistoryCancer(site="breast", age=Age.parse("60")),
            HistoryCancer(site="ovary", age=Age.parse("30"), diagnosis_date=date(2015, 1, 1)),
            HistoryCancer(site="ovary", age=Age.parse("35-45"), diagnosis_date=date(2015, 1, 1)),
        )
    )
    assert _problems(history) == [
        (ErrorCode.HISTORY_AGE_ABOVE_CURRENT, "cancers[0].age"),
        (ErrorCode.HISTORY_AGE_DATE_MISMATCH, "cancers[1].age"),
    ]


def test_markers_belong_to_their_sites() -> None:
    history = PersonalHistory(
        cancers=(
            HistoryCancer(site="ovary", receptors=Receptors(er="P"), grade=2),
            HistoryCancer(site="breast", msi="mss"),
            HistoryCancer(site="colorectal", ihc="loss_mlh1_pms2", msi="msi"),
            HistoryCancer(site="contralateral_breast", receptors=Receptors(her2="P"), grade=1),
        )
    )
    assert _problems(history) == [
        (ErrorCode.HISTORY_BREAST_MARKER, "cancers[0].grade"),
        (ErrorCode.HISTORY_BREAST_MARKER, "cancers[0].receptors"),
        (ErrorCode.HISTORY_MMR_SITE, "cancers[1].msi"),
    ]


def test_sex_specific_sites_and_surgeries() -> None:
    history = PersonalHistory(
        cancers=(HistoryCancer(site="ovary"), HistoryCancer(site="prostate")),
        surgeries=(
            RiskReducingSurgery(kind="salpingo_oophorectomy"),
            RiskReducingSurgery(kind="hysterectomy"),
            RiskReducingSurgery(kind="mastectomy", side="bilateral"),
        ),
    )
    assert _problems(history, sex="M") == [
        (ErrorCode.HISTORY_CANCER_SEX, "cancers[0].site"),
        (ErrorCode.HISTORY_SURGERY_SEX, "surgeries[0].kind"),
        (ErrorCode.HISTORY_SURGERY_SEX, "surgeries[1].kind"),
    ]
    assert _problems(history, sex="F") == [(ErrorCode.HISTORY_CANCER_SEX, "cancers[1].site")]
    assert _problems(history, sex="I") == []  # indeterminate: nothing is impossible


@pytest.mark.parametrize(
    ("surgery", "code", "field"),
    [
        (RiskReducingSurgery(kind="mastectomy"), ErrorCode.HISTORY_SURGERY_SIDE, "side"),
        (
            RiskReducingSurgery(kind="hysterectomy", side="left"),
            ErrorCode.HISTORY_SURGERY_SIDE,
            "side",
        ),
        (
            RiskReducingSurgery(kind="mastectomy", side="up"),
            ErrorCode.HISTORY_VALUE_INVALID,
            "side",
        ),
        (RiskReducingSurgery(kind="lobotomy"), ErrorCode.HISTORY_SURGERY_KIND, "kind"),
    ],
)
def test_surgery_kinds_and_sides(surgery: RiskReducingSurgery, code: str, field: str) -> None:
    assert _problems(PersonalHistory(surgeries=(surgery,))) == [(code, f"surgeries[0].{field}")]


def test_unknown_codes_and_long_notes() -> None:
    history = PersonalHistory(
        cancers=(
            HistoryCancer(site="spleen"),
            HistoryCancer(site="breast", laterality="middle", histology="x", grade=5),
        ),
        note="x" * 5000,
    )
    problems = validate(history, birth_date=BIRTH, sex="F", today=TODAY)
    assert [(p.code, p.field) for p in problems] == [
        (ErrorCode.HISTORY_CANCER_SITE, "cancers[0].site"),
        (ErrorCode.HISTORY_VALUE_INVALID, "cancers[1].laterality"),
        (ErrorCode.HISTORY_VALUE_INVALID, "cancers[1].histology"),
        (ErrorCode.HISTORY_VALUE_INVALID, "cancers[1].grade"),
        (ErrorCode.TOO_LONG, "note"),
    ]
    assert all(str(p) for p in problems)
