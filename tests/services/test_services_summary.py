"""The patient summary through the service: the PDF of a rich file (names, variants,
scores, letterhead, footer on every page), the class 3 variant never positive, the
access checks, the events without values, saving and printing as logged acts, and no
planted name in any file written outside the database but the summary itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from service_helpers import RPPS_DURAND, Team, identity

from oiso_desktop.domain.errors import NotFound, OisoError, PermissionDenied
from oiso_desktop.domain.family import Age, Receptors, update_person
from oiso_desktop.domain.genetics import Consent, Genetics, GeneticTest, Variant
from oiso_desktop.domain.identifiers import nir_key
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.domain.sample_families import brca1_family
from oiso_desktop.domain.scores import Branch
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import UserInput
from oiso_desktop.services.summary_service import file_scores
from oiso_desktop.storage.models import PatientShare
from oiso_desktop.storage.uow import UnitOfWork

#: A name planted in the file: it must appear in the summary and nowhere else on disk.
PLANTED = "ZORGLUBIAN"
MOTHER = "Ysaline"
BRCA2_C = "c.5946del"
BRCA2_P = "p.(Ser1982Argfs*22)"
VUS_C = "c.1676A>G"

PANEL = GeneticTest(
    id="t1",
    kind="panel",
    date=dt.date(2024, 3, 12),
    laboratory="Laboratoire Kerdoc",
    indication="Cancer du sein à 36 ans",
    genes=("BRCA1", "BRCA2", "PALB2"),
    status="result_received",
)
GENETICS = Genetics(
    tests=(PANEL,),
    variants=(
        Variant(gene="BRCA2", hgvs_c=BRCA2_C, hgvs_p=BRCA2_P, acmg_class=5, test_id="t1"),
        Variant(gene="PALB2", hgvs_c=VUS_C, hgvs_p="p.(Gln559Arg)", acmg_class=3, test_id="t1"),
    ),
    consents=(Consent(date=dt.date(2024, 3, 1), scopes=("diagnostic", "sample_storage")),),
)
HISTORY = PersonalHistory(
    cancers=(
        HistoryCancer(
            site="breast",
            laterality="left",
            age=Age.exact(36),
            histology="ductal",
            grade=3,
            receptors=Receptors(er="N", pr="N", her2="N"),
            confirmed=True,
        ),
    ),
    surgeries=(RiskReducingSurgery(kind="mastectomy", side="right", age=Age.exact(37)),),
)
BIRTH_DATE = dt.date(1988, 1, 20)  # 38 on the test clock's day (2 March 2026)
NIR = "2880175112123" + nir_key("2880175112123")


def _family():
    """The sample BRCA1 family without its own test results (the genetics form gives the
    proband's), the mother named."""
    family = brca1_family()
    people = [dataclasses.replace(p, genetic_results=()) for p in family.people]
    family = dataclasses.replace(family, people=tuple(people))
    mother = family.person(family.parents_of("p1")[1])
    return update_person(family, dataclasses.replace(mother, name=MOTHER))


def _text(pdf: bytes) -> list[str]:
    """Each page's text, whitespace made single."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    admin = team.login("admin")
    (structure,) = admin.users.list_structures()
    user = admin.users.get_user(team.ids["p.durand"])
    admin.users.update_user(
        user.id,
        UserInput(
            login=user.login,
            first_name=user.first_name,
            last_name=user.last_name,
            role=Role.PRACTITIONER,
            rpps=RPPS_DURAND,
            profession="Médecin généticien",
            structure_id=structure.id,
        ),
        expected_version=user.version,
    )
    admin.logout()
    return session


@pytest.fixture
def patient_id(durand: UserSession) -> int:
    return durand.patients.create(
        identity(
            birth_name=PLANTED,
            used_name="MARTIN",
            first_names="Hélène",
            birth_date=BIRTH_DATE,
            nir=NIR,
            ins_status="VALI",
            birth_place_code="75112",
        )
    ).id


@pytest.fixture
def rich(durand: UserSession, patient_id: int) -> int:
    family = _family()
    family = update_person(
        family, dataclasses.replace(family.person("p1"), birth_year=BIRTH_DATE.year)
    )
    durand.forms.save(patient_id, "family", family, expected_version=0)
    durand.forms.save(patient_id, "history", HISTORY, expected_version=0)
    durand.forms.save(patient_id, "genetics", GENETICS, expected_version=0)
    return patient_id


def _share(session: UserSession, patient_id: int, user_id: int, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id, user_id=user_id, access=access, granted_by_id=user_id
            )
        )
        uow.commit()


def _events(session: UserSession, action: str) -> list[dict[str, object]]:
    return [json.loads(e.details or "{}") for e in session.events.list(action=action)]


# ---------------------------------------------------------------- content


def test_the_summary_of_a_rich_file_names_people_variants_and_scores(
    durand: UserSession, rich: int, tmp_path: Path
) -> None:
    pdf = durand.summaries.build(rich)
    assert pdf.startswith(b"%PDF-") and b"/FontFile2" in pdf  # DejaVu embedded
    pages = _text(pdf)
    text = " ".join(pages)
    # letterhead: the structure with its FINESS, the practitioner with their RPPS
    assert "Centre de génétique de test" in text and "FINESS : 750712184" in text
    assert "Dr Paul Durand" in text and f"RPPS : {RPPS_DURAND}" in text
    assert "Médecin généticien" in text and "Établie le 2 mars 2026" in text
    # identity
    assert f"Nom de naissance {PLANTED}" in text
    nir = f"2 88 01 75 112 123 {NIR[-2:]}"
    for shown in ("Hélène", "MARTIN", "20/01/1988 (38 ans)", nir):
        assert shown in text, shown
    assert "identité validée" in text and "féminin" in text
    # history
    assert "Sein (gauche)" in text and "à 36 ans" in text
    assert "canalaire ; grade 3 ; RE −, RP −, HER2 − (triple négatif)" in text
    assert "Mastectomie (droite)" in text and "à 37 ans" in text
    # genetics: the variant, its class in French, the VUS never positive
    assert f"Variant pathogène identifié : BRCA2 {BRCA2_C} {BRCA2_P}, classe 5 (pathogène)." in text
    assert VUS_C in text and "3 (de signification incertaine)" in text
    assert "Non concluant" in text
    assert text.count("Positif") == 1  # the BRCA2 row only
    assert "PALB2 +" not in text and "PALB2 VSI" in text  # the pedigree: no carrier mark
    assert "Panel de gènes : BRCA1, BRCA2, PALB2" in text and "Laboratoire Kerdoc" in text
    assert "Examen des caractéristiques génétiques à visée diagnostique" in text
    # family and pedigree
    assert "17 personnes sur 4 générations" in text
    assert "BRCA2 +" in text and "Légende" in text and "III-2" in text
    # scores: worked by hand for the maternal branch (Eisinger): the patient's BRCA2
    # variant 5, her breast cancer at 36 3, the mother's ovary 3, the grandmother's breast
    # at ~60 1, the aunt's breast at 45 2 = 14; the paternal branch: 5 + 3 = 8.
    assert "Score d'Eisinger" in text
    assert "Branche maternelle — score 14" in text and "Branche paternelle — score 8" in text
    assert f"mère ({MOTHER}) : ovaire, 52 ans, 3 points" in text
    scores = file_scores(
        HISTORY, _family_saved(durand, rich), GENETICS, birth_date=BIRTH_DATE, sex="F"
    )
    manchester = scores.manchester.branch(Branch.MATERNAL)
    assert f"total {manchester.scored.combined}" in text
    for title in ("Score de Manchester", "Critères d'Amsterdam II", "Critères de Bethesda"):
        assert title in text
    assert "Seuil atteint" in text and "Critères non remplis" in text
    # the follow-up that the BRCA2 variant set off (woman of 38, 2 March 2026)
    assert "Plan de surveillance" in text and "Rendez-vous à venir" in text
    assert "IRM mammaire" in text and "tous les ans, de 30 à 65 ans" in text
    assert "Aucun rendez-vous à venir." in text and "Examens réalisés" not in text
    # the footer on every page
    for number, page in enumerate(pages, start=1):
        assert "Confidentiel — données de santé" in page
        assert f"Page {number} / {len(pages)}" in page

    if shutil.which("pdftoppm"):
        source = tmp_path / "synthese.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(source), str(tmp_path / "page")], check=True
        )
        images = sorted(tmp_path.glob("page-*.png"))
        assert len(images) == len(pages)
        assert all(image.stat().st_size > 10_000 for image in images)


def _family_saved(session: UserSession, patient_id: int):
    return session.forms.get(patient_id, "family").content


def test_a_file_with_nothing_saved_still_has_a_summary(
    durand: UserSession, patient_id: int
) -> None:
    text = " ".join(_text(durand.summaries.build(patient_id)))
    assert "Aucun cancer enregistré." in text
    assert "Aucune chirurgie de réduction de risque enregistrée." in text
    assert "Aucune analyse génétique enregistrée." in text
    assert "jamais enregistré" in text
    assert "1 personne sur 1 génération" in text
    assert "Page 1 / 1" in text or "Page 1 / 2" in text


def test_a_counsellor_signs_with_adeli_and_names_the_files_owner(
    team: Team, durand: UserSession, rich: int
) -> None:
    _share(durand, rich, team.ids["c.petit"], "read")
    team.login("c.petit").logout()
    durand.clinical_key.approve(team.ids["c.petit"])
    counsellor = team.login("c.petit")
    text = " ".join(_text(counsellor.summaries.build(rich)))
    assert "Claire Petit" in text and "Dr Claire Petit" not in text
    assert "ADELI : 751234567" in text and "Conseiller en génétique" in text
    assert f"; dossier suivi par Dr Paul Durand (RPPS {RPPS_DURAND})" in text
    # no structure of her own: the owner's
    assert "Centre de génétique de test" in text


# ---------------------------------------------------------------- access and events


def test_only_clinical_readers_of_the_file_get_a_summary(
    team: Team, durand: UserSession, rich: int
) -> None:
    secretary = team.login("s.leroy")  # assists Durand: identity only
    admin = team.login("admin")
    for session in (secretary, admin):
        with pytest.raises(PermissionDenied):
            session.summaries.build(rich)
        with pytest.raises(PermissionDenied):
            session.summaries.record_printed(rich, 2)
    bernard = team.login("p.bernard")  # not shared with her
    with pytest.raises(PermissionDenied):
        bernard.summaries.build(rich)
    _share(durand, rich, team.ids["p.bernard"], "read")
    with pytest.raises(PermissionDenied) as awaiting:  # her clinical access not approved
        bernard.summaries.build(rich)
    assert awaiting.value.code == "clinical_access_awaiting"
    with pytest.raises(NotFound):
        durand.summaries.build(rich + 1000)
    assert durand.events.list(action="patient_summary_created") == []


def test_building_is_logged_with_the_revisions_shown_and_no_value(
    durand: UserSession, rich: int
) -> None:
    durand.summaries.build(rich)
    (event,) = durand.events.list(action="patient_summary_created")
    assert (event.object_type, event.object_id) == ("patient", rich)
    assert json.loads(event.details) == {"revisions": {"family": 1, "genetics": 1, "history": 1}}
    for logged in durand.events.list(limit=500):
        for value in (PLANTED, "Hélène", MOTHER, "BRCA2", BRCA2_C, "Kerdoc"):
            assert value not in (logged.details or ""), (logged.action, value)


def test_saving_and_printing_are_explicit_logged_acts(
    durand: UserSession, rich: int, tmp_path: Path
) -> None:
    pdf = durand.summaries.build(rich)
    target = tmp_path / "copies" / "synthese.pdf"
    target.parent.mkdir()
    assert durand.summaries.export(rich, target, pdf) == len(pdf)
    assert target.read_bytes() == pdf  # the copy is what was previewed
    assert _events(durand, "patient_summary_exported") == [{"size": len(pdf)}]
    # without the bytes: a new summary, logged as made too
    durand.summaries.export(rich, tmp_path / "copies" / "autre.pdf")
    assert len(durand.events.list(action="patient_summary_created")) == 2
    with pytest.raises(OisoError) as failed:
        durand.summaries.export(rich, tmp_path / "missing" / "x.pdf", pdf)
    assert failed.value.code == "summary_export_failed"
    assert failed.value.params["path"] == str(tmp_path / "missing" / "x.pdf")
    assert len(durand.events.list(action="patient_summary_exported")) == 2
    with pytest.raises(ValueError):
        durand.summaries.export(rich, tmp_path / "copies" / "x.pdf", b"not a pdf")
    durand.summaries.record_printed(rich, 3)
    assert _events(durand, "patient_summary_printed") == [{"pages": 3}]


def test_a_planted_name_is_written_nowhere_but_in_the_summary_saved(
    durand: UserSession,
    rich: int,
    created_db,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    pdf = durand.summaries.build(rich)
    assert PLANTED in " ".join(_text(pdf))
    saved = tmp_path / "chosen" / "synthese.pdf"
    saved.parent.mkdir()
    durand.summaries.export(rich, saved, pdf)
    durand.logout()
    folders = [created_db.folder, private_temp, Path(os.environ["OISO_CONFIG_DIR"])]
    scanned = 0
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                scanned += 1
                assert PLANTED.encode() not in data, path
                assert PLANTED.encode("utf-16-le") not in data, path
    assert scanned >= 3  # the database, its keystore, its failures file at least
    assert list(private_temp.iterdir()) == []
    assert PLANTED in " ".join(_text(saved.read_bytes()))


def test_the_summary_shows_the_plan_the_appointments_and_the_exams_held(
    durand: UserSession, rich: int, team: Team
) -> None:
    plan = durand.followup.plan(rich)
    mri = next(item for item in plan.items if item.exam == "breast_mri")
    durand.followup.mark_done(rich, mri.key, dt.date(2026, 2, 10), "ACR 2, pas d'anomalie")
    durand.appointments.book(
        AppointmentInput(
            patient_id=rich,
            exam="breast_mri",
            starts_at=dt.datetime(2027, 2, 9, 9, 30),
            duration_minutes=30,
            place="IRM 2",
            practitioner_id=team.ids["p.durand"],
        )
    )
    text = " ".join(_text(durand.summaries.build(rich)))
    assert "09/02/2027 à 09:30" in text and "IRM 2" in text and "Prévu" in text
    assert "Examens réalisés" in text and "10/02/2026" in text
    assert "ACR 2, pas d'anomalie" in text
    # the next breast MRI: a year after the one held
    assert "10/02/2027" in text
