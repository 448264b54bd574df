"""Review 6/7: a very long position number in an HGVS description."""

from __future__ import annotations

import pytest
from service_helpers import Team, identity

from oiso_desktop.domain.errors import FormValidationError
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.hgvs_syntax import check_c, check_p


def test_check_c_on_a_5000_digit_position_gives_a_problem_not_a_crash() -> None:
    # Expected: an HgvsProblem (syntax/too long). Actual: ValueError from int() (4300 digits).
    assert check_c("c." + "1" * 5000 + "A>G") is not None


def test_check_p_on_a_5000_digit_position_gives_a_problem_not_a_crash() -> None:
    assert check_p("p.Ser" + "1" * 5000 + "Ala") is not None


def test_fullwidth_digits_are_not_hgvs() -> None:
    # str.isdigit() and int() accept "１" (U+FF11), Arabic-Indic digits... HGVS is ASCII.
    assert check_c("c.１２３A>G") is not None
    assert check_p("p.Ser１２Ala") is not None


def test_saving_a_genetics_form_with_a_huge_position_is_a_field_message(
    team: Team, created_db
) -> None:  # type: ignore[no-untyped-def]
    durand = team.login("p.durand")
    durand.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    pid = durand.patients.create(identity()).id
    test = GeneticTest(
        id="t1", kind="panel", laboratory="Lab", genes=("BRCA2",), status="requested"
    )
    variant = Variant(gene="BRCA2", hgvs_c="c." + "9" * 5000 + "del", acmg_class=5, test_id="t1")
    with pytest.raises(FormValidationError):
        durand.forms.save(
            pid, "genetics", Genetics(tests=(test,), variants=(variant,)), expected_version=0
        )


@pytest.mark.parametrize("length", [300, 20_000])
def test_a_long_insertion_is_either_refused_or_summarised(
    team: Team, created_db, length: int
) -> None:  # type: ignore[no-untyped-def]
    durand = team.login("p.durand")
    durand.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    pid = durand.patients.create(identity()).id
    test = GeneticTest(
        id="t1", kind="panel", laboratory="Lab", genes=("BRCA2",), status="requested"
    )
    variant = Variant(
        gene="BRCA2", hgvs_c="c.100_101ins" + "ACGT" * (length // 4), acmg_class=5, test_id="t1"
    )
    try:
        durand.forms.save(
            pid, "genetics", Genetics(tests=(test,), variants=(variant,)), expected_version=0
        )
    except FormValidationError:
        return  # refused at the field: fine
    assert durand.summaries.build(pid).startswith(b"%PDF")  # accepted: the summary must still build
