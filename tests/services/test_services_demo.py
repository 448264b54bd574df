"""The demonstration database and the synthetic patients."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.identifiers import validate_nir
from oiso_desktop.domain.passwords import password_problems
from oiso_desktop.domain.patients import IdentityFields, normalise_identity
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.demo import (
    DEMO_ACCOUNTS,
    DEMO_FAMILIES,
    create_demo_database,
    demo_family,
    first_steps,
    generate_patients,
    insert_patients,
    patient_rows,
)
from oiso_desktop.storage import crypto
from oiso_desktop.storage.models import Setting
from oiso_desktop.storage.secret_store import MemorySecretStore
from oiso_desktop.storage.uow import UnitOfWork

TODAY = dt.date(2026, 3, 2)


def test_generated_identities_are_valid_varied_and_reproducible() -> None:
    patients = generate_patients(400, seed=3, today=TODAY)
    assert patients == generate_patients(400, seed=3, today=TODAY)
    assert patients != generate_patients(400, seed=4, today=TODAY)
    for fields in patients:
        assert normalise_identity(fields, today=TODAY).birth_date == fields.birth_date
        if fields.nir:
            assert validate_nir(fields.nir) == fields.nir
    text = " ".join(f"{p.birth_name} {p.first_names}" for p in patients)
    assert any(ch in text for ch in "éèêëïîôüç")
    assert {p.ins_status for p in patients} == {"PROV", "RECUP", "VALI", "QUAL"}
    assert any(p.nir and p.nir[5:7] == "99" for p in patients)  # born abroad
    assert any(p.nir is None for p in patients)
    assert len({(p.birth_name, p.first_names, p.birth_date) for p in patients}) > 390


def test_large_batches_are_valid_including_young_deceased_patients() -> None:
    # 5,000 identities used to hit an empty death-date range for young deceased patients.
    patients = generate_patients(5000, seed=11, today=TODAY)
    deceased = [p for p in patients if p.vital_status == "deceased"]
    assert deceased
    for fields in deceased:
        assert fields.death_date is not None
        assert fields.birth_date <= fields.death_date <= TODAY
        normalise_identity(fields, today=TODAY)


def test_the_demo_database_is_quick_to_build_and_ready_to_use(tmp_path: Path) -> None:
    # Production argon2 parameters: this runs at each `--demo` start.
    crypto.set_default_kdf_params(crypto.PRODUCTION_KDF_PARAMS)
    accounts = create_demo_database(tmp_path / "demo", patients=300)

    assert [a.login for a in accounts.accounts] == [a[0] for a in DEMO_ACCOUNTS]
    for account in accounts.accounts:
        assert password_problems(account.password, login=account.login) == []
    auth = AuthService(tmp_path / "demo", secret_store=MemorySecretStore())

    secretary = auth.login(accounts.secretary_login, accounts.secretary_password)
    try:
        assert secretary.must_change_password is False
        result = secretary.patients.search("", limit=1000)
        assert result.total == 300 + len(DEMO_FAMILIES)
        with UnitOfWork(secretary.ctx.database.session_factory) as uow:
            demo = uow.session.scalar(select(Setting.value).where(Setting.key == "demo"))
        assert demo == "1"
    finally:
        secretary.logout()

    counsellor = auth.login(accounts.counsellor_login, accounts.counsellor_password)
    try:
        shared = counsellor.patients.search("", limit=1000)
        assert 0 < shared.total < 300
    finally:
        counsellor.logout()

    admin = auth.login(accounts.admin_login, accounts.admin_password)
    try:
        users = admin.users.list_users()
        roles = {u.login: u.role for u in users}
        assert roles == {
            "demo.admin": Role.ADMIN,
            "demo.medecin": Role.PRACTITIONER,
            "demo.conseillere": Role.GENETIC_COUNSELLOR,
            "demo.secretaire": Role.SECRETARY,
        }
        medecin = next(u for u in users if u.login == "demo.medecin")
        assert medecin.rpps and len(medecin.rpps) == 11
        assert admin.events.verify().ok
        structure = admin.users.list_structures()[0]
        assert structure.name == "Centre de démonstration OISO"
    finally:
        admin.logout()


def test_demo_accounts_adapt_to_the_login_screen(tmp_path: Path) -> None:
    accounts = create_demo_database(tmp_path / "demo", patients=5)
    first = accounts.accounts[0]
    assert dataclasses.asdict(first)["login"] == "demo.admin"
    assert first.role is Role.ADMIN
    assert first.password == accounts.admin_password


def test_patient_rows_are_normalised_owned_and_bulk_inserted(tmp_path: Path) -> None:
    """The bulk insert shared by the demo database and the search benchmark."""
    accounts = create_demo_database(tmp_path / "demo", patients=0, families=False)
    auth = AuthService(tmp_path / "demo", secret_store=MemorySecretStore())
    session = auth.login(accounts.practitioner_login, accounts.practitioner_password)
    try:
        owner_id = session.actor.user_id
        identities = generate_patients(20, seed=5, today=TODAY)
        raw = dataclasses.replace(identities[0], birth_name="  le  goff ", used_name="")
        now = dt.datetime(2026, 3, 2, 9, 30)
        rows = patient_rows([raw, *identities[1:]], owner_id=owner_id, today=TODAY, now=now)
        assert len(rows) == 20
        first = rows[0]
        assert first["birth_name"] == normalise_identity(raw, today=TODAY).birth_name
        assert first["birth_name"] != raw.birth_name  # normalised, not as typed
        assert first["search_names"].startswith("le goff")
        assert (first["owner_id"], first["created_by_id"], first["updated_by_id"]) == (
            owner_id,
            owner_id,
            owner_id,
        )
        assert (first["created_at"], first["updated_at"], first["version"]) == (now, now, 1)
        assert {f.name for f in dataclasses.fields(IdentityFields)} <= set(first)

        bad = dataclasses.replace(identities[1], first_names="")
        with pytest.raises(ValidationError):
            patient_rows([bad], owner_id=owner_id, today=TODAY, now=now)

        with UnitOfWork(session.ctx.database.session_factory) as uow:
            insert_patients(uow.session, rows)
            insert_patients(uow.session, [])  # nothing to do
            uow.commit()
        found = session.patients.search("", limit=100)
        assert found.total == 20
        assert session.patients.search("le goff").total >= 1
    finally:
        session.logout()


def test_the_demo_families_are_saved_valid_and_agree_with_their_files(tmp_path: Path) -> None:
    """The sample families' probands: their family and personal history saved as clinical
    forms by the demo's clinical accounts, valid, consistent with the identity."""
    from oiso_desktop.domain.clinical_forms import FormKind, validate_content
    from oiso_desktop.domain.family import Family
    from oiso_desktop.domain.personal_history import age_on
    from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
    from oiso_desktop.services.clinical_key_service import ClinicalAccess

    accounts = create_demo_database(tmp_path / "demo", patients=20)
    assert set(accounts.family_patients) == set(SAMPLE_FAMILIES) == {d.key for d in DEMO_FAMILIES}
    auth = AuthService(tmp_path / "demo", secret_store=MemorySecretStore())
    medecin = auth.login(accounts.practitioner_login, accounts.practitioner_password)
    try:
        assert medecin.clinical_access is ClinicalAccess.GRANTED
        today = medecin.ctx.today()
        listed = medecin.patients.search_ids("", first_rows=len(DEMO_FAMILIES))
        # First in the list: a newcomer sees them at once, with their key facts.
        assert {r.id for r in listed.first_rows} == set(accounts.family_patients.values())
        assert listed.with_key_facts
        for demo in DEMO_FAMILIES:
            patient_id = accounts.family_patients[demo.key]
            identity = medecin.patients.get(patient_id).fields
            family = medecin.forms.get(patient_id, FormKind.FAMILY)
            history = medecin.forms.get(patient_id, FormKind.HISTORY)
            assert family.exists and history.exists
            assert isinstance(family.content, Family)
            assert family.content == demo_family(demo.key, identity.birth_date)
            assert history.content == demo.history
            for form in (family, history):
                assert (
                    validate_content(
                        form.content, birth_date=identity.birth_date, sex=identity.sex, today=today
                    )
                    == []
                ), demo.key
            proband = family.content.proband
            sample = SAMPLE_FAMILIES[demo.key][1]().proband
            assert proband is not None and sample is not None
            assert (proband.sex, proband.name) == (identity.sex, identity.first_names)
            assert proband.birth_year == identity.birth_date.year
            assert age_on(identity.birth_date, today) == sample.age.value
            # The history tells the proband's own cancers as the family does.
            assert sorted(c.site for c in history.content.cancers) == sorted(
                c.site for c in proband.cancers
            )
            assert [c.age.value for c in history.content.cancers] == [
                c.age.value for c in proband.cancers
            ]
            row = next(r for r in listed.first_rows if r.id == patient_id)
            assert row.key_facts is not None
            assert row.key_facts.relatives == len(family.content.people) - 1
        assert (
            len(medecin.forms.get(accounts.family_patients["large"], "family").content.people) == 40
        )

        # The Lynch family was entered in three steps, the first by the counsellor.
        lynch = accounts.family_patients["lynch"]
        revisions = medecin.forms.revisions(lynch, FormKind.FAMILY)
        assert [(r.revision, r.saved_by) for r in revisions] == [
            (3, "Marc Généticien"),
            (2, "Marc Généticien"),
            (1, "Léa Conseillère"),
        ]
        final = medecin.forms.get(lynch, FormKind.FAMILY).content
        nuclear, no_results = first_steps(final)
        assert medecin.forms.revision(lynch, FormKind.FAMILY, 1).content == nuclear
        assert medecin.forms.revision(lynch, FormKind.FAMILY, 2).content == no_results
        assert len(nuclear.people) < len(no_results.people) == len(final.people)
        assert any(p.genetic_results for p in final.people if not p.proband)
        assert not any(p.genetic_results for p in no_results.people if not p.proband)
    finally:
        medecin.logout()

    counsellor = auth.login(accounts.counsellor_login, accounts.counsellor_password)
    try:
        assert counsellor.clinical_access is ClinicalAccess.GRANTED
        shared = [d.key for d in DEMO_FAMILIES if d.shared_with_counsellor]
        page = counsellor.patients.page([accounts.family_patients[k] for k in SAMPLE_FAMILIES])
        assert page.with_key_facts
        assert sorted(r.id for r in page.rows) == sorted(
            accounts.family_patients[k] for k in shared
        )
        assert all(r.key_facts is not None for r in page.rows)
    finally:
        counsellor.logout()

    secretary = auth.login(accounts.secretary_login, accounts.secretary_password)
    try:
        page = secretary.patients.page(list(accounts.family_patients.values()))
        assert len(page.rows) == len(DEMO_FAMILIES) and not page.with_key_facts
        assert all(r.key_facts is None for r in page.rows)
    finally:
        secretary.logout()
