"""The lazy patient list through the services: every id first (no cap), rows by page,
and the family's key facts only for clinical roles holding the clinical key, only on
the files they may open."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from service_helpers import Team, identity
from sqlalchemy import delete

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.domain.family import (
    Age,
    Cancer,
    GeneticResult,
    add_parents,
    add_sibling,
    new_family,
    update_person,
)
from oiso_desktop.domain.family_facts import FamilyKeyFacts, family_key_facts
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.demo import generate_patients, insert_patients, patient_rows
from oiso_desktop.services.patient_service import MAX_PAGE_ROWS
from oiso_desktop.storage.models import PatientShare
from oiso_desktop.storage.uow import UnitOfWork

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    """The first practitioner, holding the clinical key (approved with the recovery code);
    Bernard approved by him."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    team.login("p.bernard").logout()  # their own password first: then the approval
    session.clinical_key.approve(team.ids["p.bernard"])
    return session


def _family(sex: str = "F", birth_year: int = 1975):
    """The proband, her parents (the mother with a breast cancer and BRCA1) and a sister."""
    family = add_parents(new_family(sex=sex, birth_year=birth_year), "p1")
    father, mother = family.parents_of("p1")
    family = update_person(
        family,
        dataclasses.replace(
            family.person(mother),
            age=Age.parse("72"),
            cancers=(Cancer(site="breast", age=Age.parse("51")),),
            genetic_results=(GeneticResult(gene="BRCA1", result="P"),),
        ),
    )
    return add_sibling(family, "p1", sex="F")


def _share(session: UserSession, patient_id: int, user_id: int, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id, user_id=user_id, access=access, granted_by_id=user_id
            )
        )
        uow.commit()


def _bulk(session: UserSession, count: int, seed: int = 5) -> None:
    rows = patient_rows(
        generate_patients(count, seed=seed, today=TODAY),
        owner_id=session.actor.user_id,
        today=TODAY,
        now=dt.datetime(2026, 3, 2, 9, 0),
    )
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        insert_patients(uow.session, rows)
        uow.commit()


def test_the_key_facts_of_a_family() -> None:
    family = _family()
    assert family_key_facts(family) == FamilyKeyFacts(
        relatives=3, affected_relatives=1, variant_genes=("BRCA1",)
    )
    assert family_key_facts(family).variant_recorded
    alone = new_family(sex="M")
    assert family_key_facts(alone) == FamilyKeyFacts(relatives=0, affected_relatives=0)
    assert not family_key_facts(alone).variant_recorded
    # The proband's own cancer is not a relative's; a VUS is not a pathogenic variant.
    proband = family.person("p1")
    family = update_person(
        family,
        dataclasses.replace(
            proband,
            cancers=(Cancer(site="breast", age=Age.parse("45")),),
            genetic_results=(
                GeneticResult(gene="brca1 ", result="HET"),
                GeneticResult(gene="PALB2", result="VUS"),
            ),
        ),
    )
    assert family_key_facts(family) == FamilyKeyFacts(3, 1, ("BRCA1",))


def test_ids_first_returns_every_match_in_display_order(team: Team) -> None:
    durand = team.login("p.durand")
    _bulk(durand, 230)
    capped = durand.patients.search("")
    assert (len(capped.rows), capped.total, capped.truncated) == (200, 230, True)

    listed = durand.patients.search_ids("")
    assert listed.total == 230 and len(set(listed.ids)) == 230
    assert list(listed.ids[:200]) == [r.id for r in capped.rows]  # the same order
    assert listed.first_rows == ()
    assert not listed.with_key_facts  # Durand is not approved yet: no clinical key

    # The rows of any slice, in the order asked (duplicates once).
    tail = list(listed.ids[200:])
    page = durand.patients.page(tail + tail[:3])
    assert [r.id for r in page.rows] == tail
    names = [(r.birth_name, r.first_names, r.birth_date, r.id) for r in page.rows]
    assert names == sorted(names)
    assert all(r.key_facts is None and r.access is PatientAccess.WRITE for r in page.rows)

    with_first = durand.patients.search_ids("", first_rows=50)
    assert with_first.ids == listed.ids
    assert [r.id for r in with_first.first_rows] == list(listed.ids[:50])

    # Queries narrow the ids as the capped search does, and count the same.
    for text in ("mar", "lefevre", "12/03/1975", "2"):
        assert durand.patients.search_ids(text).total == durand.patients.search(text).total
    with pytest.raises(ValueError):
        durand.patients.page(list(range(1, MAX_PAGE_ROWS + 2)))
    with pytest.raises(ValueError):
        durand.patients.search_ids("", first_rows=MAX_PAGE_ROWS + 1)


def test_a_secretary_or_an_admin_never_gets_key_facts(team: Team, durand: UserSession) -> None:
    patient = durand.patients.create(identity())
    durand.forms.save(patient.id, "family", _family(), expected_version=0)
    facts = durand.patients.page([patient.id])
    assert facts.with_key_facts
    assert facts.rows[0].key_facts == FamilyKeyFacts(3, 1, ("BRCA1",))

    secretary = team.login("s.leroy")  # assists Durand: sees the file, never its clinical part
    listed = secretary.patients.search_ids("", first_rows=10)
    assert listed.ids == (patient.id,) and not listed.with_key_facts
    assert listed.first_rows[0].key_facts is None
    page = secretary.patients.page([patient.id])
    assert [r.id for r in page.rows] == [patient.id]
    assert not page.with_key_facts and page.rows[0].key_facts is None

    admin = team.sessions[0]
    with pytest.raises(PermissionDenied):
        admin.patients.search_ids("")
    with pytest.raises(PermissionDenied):
        admin.patients.page([patient.id])


def test_a_practitioner_gets_facts_only_of_files_he_may_open(
    team: Team, durand: UserSession
) -> None:
    mine = durand.patients.create(identity())
    shared = durand.patients.create(identity(first_names="Zoé", birth_date=dt.date(1980, 1, 2)))
    unshared = durand.patients.create(identity(first_names="Anne", birth_date=dt.date(1981, 1, 2)))
    for patient in (mine, shared, unshared):
        family = _family(birth_year=patient.fields.birth_date.year)
        durand.forms.save(patient.id, "family", family, expected_version=0)
    bernard = team.login("p.bernard")
    _share(durand, shared.id, team.ids["p.bernard"], "read")
    own = bernard.patients.create(identity(birth_name="Benoît", sex="F"))

    listed = bernard.patients.search_ids("", first_rows=10)
    assert set(listed.ids) == {shared.id, own.id} and listed.with_key_facts
    # Asking for every id, his or not: the others' files are left out, facts and all.
    page = bernard.patients.page([mine.id, shared.id, unshared.id, own.id])
    assert [r.id for r in page.rows] == [shared.id, own.id]
    by_id = {r.id: r for r in page.rows}
    assert by_id[shared.id].access is PatientAccess.READ
    assert by_id[shared.id].key_facts == FamilyKeyFacts(3, 1, ("BRCA1",))
    assert by_id[own.id].key_facts is None  # no family form saved yet

    # A share revoked after the search: the next page leaves the file out.
    with UnitOfWork(durand.ctx.database.session_factory) as uow:
        uow.session.execute(delete(PatientShare).where(PatientShare.patient_id == shared.id))
        uow.commit()
    assert [r.id for r in bernard.patients.page(list(listed.ids)).rows] == [own.id]


def test_a_clinical_account_awaiting_approval_gets_rows_without_facts(
    team: Team, durand: UserSession
) -> None:
    patient = durand.patients.create(identity())
    durand.forms.save(patient.id, "family", _family(), expected_version=0)
    _share(durand, patient.id, team.ids["c.petit"], "write")
    counsellor = team.login("c.petit")  # not approved: no clinical key in her session
    page = counsellor.patients.page([patient.id])
    assert [r.id for r in page.rows] == [patient.id]
    assert not page.with_key_facts and page.rows[0].key_facts is None
    durand.clinical_key.approve(team.ids["c.petit"])
    page = counsellor.patients.page([patient.id])
    assert page.with_key_facts and page.rows[0].key_facts == FamilyKeyFacts(3, 1, ("BRCA1",))


def test_listing_is_not_logged_and_facts_follow_the_last_save(durand: UserSession) -> None:
    patient = durand.patients.create(identity())
    saved = durand.forms.save(patient.id, "family", _family(), expected_version=0)
    before = len(durand.events.list())
    durand.patients.search_ids("", first_rows=5)
    durand.patients.page([patient.id])
    assert len(durand.events.list()) == before
    smaller = add_parents(new_family(sex="F", birth_year=1975), "p1")
    durand.forms.save(patient.id, "family", smaller, expected_version=saved.version)
    (row,) = durand.patients.page([patient.id]).rows
    assert row.key_facts == FamilyKeyFacts(2, 0, ())
