"""The demonstration database and the synthetic patients."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from sqlalchemy import select

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.documents import DocumentCategory, MediaType
from oiso_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.genetics import Genetics, genetics_results
from oiso_desktop.domain.genetics import validate as genetics_problems
from oiso_desktop.domain.identifiers import validate_nir
from oiso_desktop.domain.passwords import password_problems
from oiso_desktop.domain.patients import IdentityFields, normalise_identity
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.retention import AlertKind
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.domain.scores import Status, compute_scores
from oiso_desktop.reports.relatives_letter_pdf import LetterSender
from oiso_desktop.services.alerts_service import AlertsService
from oiso_desktop.services.auth_service import AuthService, UserSession
from oiso_desktop.services.demo import (
    DEMO_ACCOUNTS,
    DEMO_DEPARTED_FILES,
    DEMO_FAMILIES,
    DEMO_FAMILY_BUILDERS,
    DEMO_SEEDING_REVIEW,
    DemoAccounts,
    create_demo_database,
    demo_family,
    first_steps,
    generate_patients,
    insert_patients,
    patient_rows,
)
from oiso_desktop.services.demo_records import DemoFile, demo_record
from oiso_desktop.services.maintenance_service import MaintenanceService
from oiso_desktop.services.pdf_pages import PDFIUM_LOCK, PdfPages
from oiso_desktop.services.retention_files_service import RetentionFilesService
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
    started = time.perf_counter()
    accounts = create_demo_database(tmp_path / "demo", patients=300)
    # About 1.5 s on a laptop (bench_startup.py --demo); a wide margin for busy machines.
    assert time.perf_counter() - started < 10

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

    # Files shared both ways between the two practitioners; the first one is told of
    # the new shares and of the break-the-glass on his file at his next login.
    medecin = auth.login(accounts.practitioner_login, accounts.practitioner_password)
    oncologue = auth.login(
        accounts.second_practitioner_login, accounts.second_practitioner_password
    )
    try:
        with_me = medecin.sharing.shared_with_me()
        assert with_me and {s.owner.display_name for s in with_me} == {"Hugo Oncologue"}
        assert medecin.sharing.new_shares_since_last_login() == with_me
        assert len(medecin.sharing.break_glass_notices()) == 1
        assert oncologue.sharing.shared_with_me()
        assert oncologue.sharing.new_shares_since_last_login() == ()
        assert {s.id for s in oncologue.sharing.assistants()} == {
            s.id for s in medecin.sharing.assistants()
        }
    finally:
        medecin.logout()
        oncologue.logout()

    admin = auth.login(accounts.admin_login, accounts.admin_password)
    try:
        users = admin.users.list_users()
        roles = {u.login: u.role for u in users}
        assert roles == {
            "demo.admin": Role.ADMIN,
            "demo.medecin": Role.PRACTITIONER,
            "demo.conseillere": Role.GENETIC_COUNSELLOR,
            "demo.secretaire": Role.SECRETARY,
            "demo.oncologue": Role.PRACTITIONER,
            # the retention rules at work (issue 10): not on the login screen
            "demo.absent": Role.SECRETARY,
            "demo.averti": Role.SECRETARY,
            "demo.parti": Role.PRACTITIONER,
        }
        statuses = {u.login: u.status for u in users}
        assert statuses["demo.parti"] is AccountStatus.REVOKED
        # Unseen for more than a year: one warned 20 days ago, one to warn.
        inactive = {u.login: u for u in MaintenanceService(admin.ctx).inactive_users()}
        assert set(inactive) == {"demo.absent", "demo.averti"}
        assert inactive["demo.absent"].warned_at is None
        warned = inactive["demo.averti"]
        assert warned.warned_at is not None and warned.revocation_due is not None
        assert 9 <= (warned.revocation_due - dt.datetime.now(dt.UTC)).days <= 10
        # The departed practitioner's unshared files are archived; the shared one is not.
        assert RetentionFilesService(admin.ctx).archived_count() == DEMO_DEPARTED_FILES - 1
        # A maintenance run now warns the second one and archives nothing more.
        report = MaintenanceService(admin.ctx).run()
        assert (report.warned, report.revoked, report.files_archived) == (1, 0, 0)
        assert report.mails_waiting == 1 and not report.smtp_configured
        assert report.errors == ()
        # A break-the-glass access awaits the administrator's review.
        (review,) = admin.sharing.list_break_glass_reviews()
        assert review.user.display_name == "Hugo Oncologue" and len(review.reason) >= 15
        medecin = next(u for u in users if u.login == "demo.medecin")
        assert medecin.rpps and len(medecin.rpps) == 11
        assert admin.events.verify().ok
        structure = admin.users.list_structures()[0]
        assert structure.name == "Centre de démonstration OISO"
    finally:
        admin.logout()


def test_demo_accounts_adapt_to_the_login_screen(tmp_path: Path) -> None:
    accounts = create_demo_database(tmp_path / "demo", patients=5, families=False)
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
    from oiso_desktop.domain.clinical_forms import validate_content
    from oiso_desktop.domain.personal_history import age_on
    from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
    from oiso_desktop.services.clinical_key_service import ClinicalAccess

    accounts = create_demo_database(tmp_path / "demo", patients=20)
    assert set(accounts.family_patients) == {d.key for d in DEMO_FAMILIES}
    assert set(DEMO_FAMILY_BUILDERS) == {d.key for d in DEMO_FAMILIES}
    assert set(SAMPLE_FAMILIES) < set(DEMO_FAMILY_BUILDERS)  # every sample family, and more
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
            sample = DEMO_FAMILY_BUILDERS[demo.key]().proband
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
        page = counsellor.patients.page(list(accounts.family_patients.values()))
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


# ------------------------------------------------------------- genetics, scores, attachments


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoAccounts:
    """One demo database for the tests below, which only read it."""
    return create_demo_database(tmp_path_factory.mktemp("demo") / "demo", patients=10)


@pytest.fixture
def medecin(demo: DemoAccounts) -> Iterator[UserSession]:
    session = AuthService(demo.folder, secret_store=MemorySecretStore()).login(
        demo.practitioner_login, demo.practitioner_password
    )
    yield session
    session.logout()


def _file(session: UserSession, patient_id: int) -> tuple[IdentityFields, Family, Genetics]:
    identity = session.patients.get(patient_id).fields
    family = session.forms.get(patient_id, FormKind.FAMILY).content
    genetics = session.forms.get(patient_id, FormKind.GENETICS).content
    assert isinstance(family, Family) and isinstance(genetics, Genetics)
    return identity, family, genetics


def test_the_demo_genetics_show_every_class_and_agree_with_the_families(
    demo: DemoAccounts, medecin: UserSession
) -> None:
    today = medecin.ctx.today()
    variants: dict[str, list[tuple[str, int | None]]] = {}
    kinds: set[str] = set()
    statuses: set[str] = set()
    for key, patient_id in demo.family_patients.items():
        identity, family, genetics = _file(medecin, patient_id)
        assert (
            genetics_problems(genetics, birth_date=identity.birth_date, today=today, family=family)
            == []
        ), key
        variants[key] = [(v.gene, v.acmg_class) for v in genetics.variants]
        kinds |= {test.kind for test in genetics.tests}
        statuses |= {test.status for test in genetics.tests}
        for test in genetics.tests:
            assert test.date is not None and identity.birth_date < test.date <= today
            if test.kind == "panel":
                assert len(test.genes) >= 5
            if test.kind == "predictive":
                # The relative tested carries the result the family form shows for them.
                assert test.relative_id is not None
                relative = family.person(test.relative_id)
                shown = {(r.gene, r.result) for r in relative.genetic_results}
                if test.relative_outcome == "carrier":
                    assert (test.familial_gene, "P") in shown, key
                elif test.relative_outcome == "non_carrier":
                    assert (test.familial_gene, "N") in shown, key
                else:
                    assert test.status != "result_received"
            if test.kind in ("targeted", "predictive"):
                found = {(v.gene, v.hgvs_c) for v in genetics.variants if v.positive}
                assert (test.familial_gene, test.familial_variant) in found, key
        for consent in genetics.consents:
            assert consent.date is not None and identity.birth_date < consent.date <= today
        for information in genetics.relative_information:
            assert information.date is not None and information.date <= today
            for person_id in information.relative_ids:
                relative = family.person(person_id)
                assert not relative.proband and not relative.deceased and not relative.adopted
    every_class = {acmg for found in variants.values() for _, acmg in found}
    assert every_class == {1, 2, 3, 4, 5}
    assert ("BRCA1", 5) in variants["brca1"]
    assert ("BRCA2", 5) in variants["brca2"]
    assert ("MLH1", 4) in variants["lynch"]
    assert ("PALB2", 5) in variants["consanguineous_twins"]
    assert ("PALB2", 3) in variants["large"]
    assert variants["sporadic"] == []  # below every threshold: no test
    assert kinds == {"panel", "targeted", "predictive"}
    assert statuses == {"requested", "sent", "result_received"}

    # The list: gene and class at a glance, a class 3 never as a positive result.
    page = medecin.patients.page(list(demo.family_patients.values()))
    facts = {row.id: row.genetics for row in page.rows}
    large = facts[demo.family_patients["large"]]
    assert large is not None and ("PALB2", 3) in large.variants
    assert large.positive_genes == ()
    brca1 = facts[demo.family_patients["brca1"]]
    assert brca1 is not None and brca1.positive_genes == ("BRCA1",)
    assert facts[demo.family_patients["sporadic"]] is None
    # The list's filters find them.
    assert medecin.patients.search_ids("", gene="palb2", classes=[3]).ids == (
        demo.family_patients["large"],
    )
    # (the follow-up demo's carriers have a class 5 variant too)
    class_5 = set(medecin.patients.search_ids("", classes=[5]).ids) - set(demo.followup_patients)
    assert class_5 == {
        demo.family_patients[key] for key in ("brca1", "brca2", "consanguineous_twins")
    }

    # The pedigree shows the carriers from the genetics form, never the VUS as one.
    _, family, genetics = _file(medecin, demo.family_patients["large"])
    shown = genetics_results(genetics, family)
    assert family.proband is not None
    assert {(r.gene, r.result) for r in shown[family.proband.id]} == {("PALB2", "VUS")}


def test_the_demo_files_are_above_and_below_the_scores_thresholds(
    demo: DemoAccounts, medecin: UserSession
) -> None:
    statuses = {}
    for key, patient_id in demo.family_patients.items():
        identity, family, genetics = _file(medecin, patient_id)
        history = medecin.forms.get(patient_id, FormKind.HISTORY).content
        assert isinstance(history, PersonalHistory)
        scores = compute_scores(
            history,
            family,
            birth_date=identity.birth_date,
            sex=identity.sex,
            variant_genes=[v.gene for v in genetics.variants if v.positive],
        )
        statuses[key] = (
            scores.eisinger.status,
            scores.manchester.status,
            scores.amsterdam.status,
            scores.bethesda.status,
        )
    met, not_met = Status.MET, Status.NOT_MET
    assert statuses["brca1"][:2] == (met, met)  # Eisinger and Manchester
    assert statuses["brca2"][:2] == (met, met)
    assert statuses["consanguineous_twins"][:2] == (met, met)
    assert statuses["large"][:2] == (met, met)
    assert statuses["lynch"][3] == met  # revised Bethesda
    assert statuses["lynch"][:2] == (not_met, not_met)
    assert statuses["sporadic"] == (not_met, not_met, not_met, not_met)


def _pdf_text(data: bytes) -> str:
    pages = PdfPages(data)
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(data)
            try:
                texts = []
                for index in range(len(document)):
                    page = document[index]
                    text_page = page.get_textpage()
                    texts.append(text_page.get_text_range())
                    text_page.close()
                    page.close()
            finally:
                document.close()
        rendered = pages.render(0, 0.5)  # and the viewer can draw it
        assert rendered.width > 0
    finally:
        pages.close()
    return "\n".join(texts)


def test_the_demo_attachments_are_readable_by_the_practitioner_only(
    demo: DemoAccounts, medecin: UserSession
) -> None:
    categories: set[DocumentCategory] = set()
    media: set[MediaType] = set()
    for key, patient_id in demo.family_patients.items():
        identity, _, genetics = _file(medecin, patient_id)
        documents = {d.id: d for d in medecin.documents.list(patient_id)}
        for document in documents.values():
            categories.add(document.category)
            media.add(document.media_type)
            assert document.title and document.document_date is not None
            assert identity.birth_date < document.document_date <= medecin.ctx.today()
            content = medecin.documents.content(document.id)
            if document.media_type is MediaType.PDF:
                text = _pdf_text(content.data)
                assert "fictif" in text.lower(), (key, document.title)
                assert "Document fictif — base de démonstration OISO" in text
            else:
                with Image.open(io.BytesIO(content.data)) as image:
                    assert image.format == "PNG" and image.width > 500
        # The consent and the letter point to their attachments, of their category.
        for consent in genetics.consents:
            if consent.document_id is not None:
                linked = documents[consent.document_id]
                assert linked.category is DocumentCategory.CONSENT_FORM
        for information in genetics.relative_information:
            if information.document_id is not None:
                assert documents[information.document_id].category is DocumentCategory.LETTER
    assert {
        DocumentCategory.LAB_REPORT,
        DocumentCategory.LETTER,
        DocumentCategory.CONSENT_FORM,
    } <= categories
    assert media == {MediaType.PDF, MediaType.PNG}

    _, _, abadie = _file(medecin, demo.family_patients["brca1"])
    assert abadie.consents[0].document_id is not None
    scan = medecin.documents.get(abadie.consents[0].document_id)
    assert scan.media_type is MediaType.PNG
    assert abadie.relative_information[0].document_id is not None
    letter = medecin.documents.content(abadie.relative_information[0].document_id)
    text = _pdf_text(letter.data)
    assert "BRCA1" in text and "c.5266dup" in text
    lab = next(
        d
        for d in medecin.documents.list(demo.family_patients["brca1"])
        if d.category is DocumentCategory.LAB_REPORT
    )
    text = _pdf_text(medecin.documents.content(lab.id).data)
    assert "ABADIE Claire" in text and "c.5266dup" in text and "pathogène" in text
    # The sporadic file's letter quotes its scores as computed.
    (letter_view,) = medecin.documents.list(demo.family_patients["sporadic"])
    text = _pdf_text(medecin.documents.content(letter_view.id).data)
    assert "Eisinger" in text and "non atteint" in text and "critères non remplis" in text

    auth = AuthService(demo.folder, secret_store=MemorySecretStore())
    secretary = auth.login(demo.secretary_login, demo.secretary_password)
    try:
        for patient_id in demo.family_patients.values():
            with pytest.raises(PermissionDenied):
                secretary.documents.list(patient_id)
        with pytest.raises(PermissionDenied):
            secretary.documents.content(scan.id)
    finally:
        secretary.logout()

    counsellor = auth.login(demo.counsellor_login, demo.counsellor_password)
    try:  # the Lynch file is shared with her, the BRCA1 file is not
        assert counsellor.documents.list(demo.family_patients["lynch"])
        with pytest.raises((PermissionDenied, NotFound)):
            counsellor.documents.content(scan.id)
    finally:
        counsellor.logout()


def test_the_demo_records_are_generated_quickly(demo: DemoAccounts, medecin: UserSession) -> None:
    files = []
    for key, patient_id in demo.family_patients.items():
        identity, family, _ = _file(medecin, patient_id)
        history = medecin.forms.get(patient_id, FormKind.HISTORY).content
        assert isinstance(history, PersonalHistory)
        files.append(
            DemoFile(
                key=key,
                patient_name=f"{identity.birth_name} {identity.first_names}",
                birth_date=identity.birth_date,
                sex=identity.sex,
                family=family,
                history=history,
                today=medecin.ctx.today(),
                sender=LetterSender(structure_name="Centre"),
            )
        )
    started = time.perf_counter()
    records = [demo_record(file) for file in files]
    # About 0.15 s (six files, seven documents): it runs at each `--demo` start.
    assert time.perf_counter() - started < 1.5
    assert sum(len(record.attachments) for record in records) >= 7


def test_the_demo_s_own_creation_leaves_no_off_hours_alert_to_review(
    demo: DemoAccounts,
) -> None:
    # Built in the evening or at the weekend, the seeding reads as off-hours use: those
    # alerts are marked reviewed, with a comment; the emergency access stays to review.
    admin = AuthService(demo.folder, secret_store=MemorySecretStore()).login(
        demo.admin_login, demo.admin_password
    )
    try:
        alerts = AlertsService(admin.ctx)
        assert [a.kind for a in alerts.list_alerts()] == [AlertKind.BREAK_GLASS]
        for alert in alerts.list_alerts(include_reviewed=True):
            if alert.kind is AlertKind.OFF_HOURS:
                assert alert.comment == DEMO_SEEDING_REVIEW and alert.reviewed_at is not None
    finally:
        admin.logout()
