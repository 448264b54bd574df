"""A rich patient file for the patient-rights tests: identity with NIR and INS status,
every pathology field, surgeries, a family graph with partners, twins, consanguinity,
adoption and typed ages, genetics with tests, variants, consents and relatives
informed, a document and appointments."""

from __future__ import annotations

import datetime as dt

from document_samples import text_pdf
from service_helpers import Team, identity

from oiso_desktop.domain.family import (
    Adoption,
    Age,
    Cancer,
    Family,
    Partnership,
    Person,
    Receptors,
    TwinGroup,
    Zygosity,
)
from oiso_desktop.domain.genetics import (
    Consent,
    Genetics,
    GeneticTest,
    RelativeInformation,
    Variant,
)
from oiso_desktop.domain.identifiers import nir_key
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession

#: The patient's planted birth name: erasure must leave it nowhere.
PLANTED = "QUOVADIXTE"
FIRST_NAMES = "Hélène Marie"
BIRTH_DATE = dt.date(1980, 5, 17)
NIR = "2800575112123" + nir_key("2800575112123")

HISTORY = PersonalHistory(
    cancers=(
        HistoryCancer(
            site="breast",
            laterality="left",
            age=Age.parse("41"),
            diagnosis_date=dt.date(2021, 9, 3),
            histology="ductal",
            grade=3,
            receptors=Receptors(er="N", pr="N", her2="N", ck14="P", ck56="P"),
            confirmed=True,
            note="Carcinome canalaire infiltrant",
        ),
        HistoryCancer(
            site="colorectal",
            age=Age.parse("43"),
            msi="msi",
            ihc="loss_mlh1_pms2",
            note="",
        ),
    ),
    surgeries=(
        RiskReducingSurgery(
            kind="mastectomy", side="right", date=dt.date(2022, 4, 11), note="Prophylactique"
        ),
        RiskReducingSurgery(kind="salpingo_oophorectomy", age=Age.parse("43")),
    ),
    note="Suivi au CHU",
)


def family() -> Family:
    people = (
        Person(
            id="p1",
            name=FIRST_NAMES,
            sex="F",
            proband=True,
            father_id="p2",
            mother_id="p3",
            birth_year=1980,
            cancers=(
                Cancer(
                    site="breast",
                    age=Age.parse("41"),
                    laterality="left",
                    histology="ductal",
                    grade=3,
                    receptors=Receptors(er="N", pr="N", her2="N"),
                    confirmed=True,
                ),
            ),
        ),
        Person(
            id="p2",
            name="Jacques",
            sex="M",
            birth_year=1950,
            deceased=True,
            age_at_death=Age.parse("60-65"),
            ashkenazi=True,
        ),
        Person(
            id="p3",
            name="Odette",
            sex="F",
            age=Age.parse("~70"),
            cancers=(Cancer(site="ovary", age=Age.parse("55"), note="séreux"),),
        ),
        Person(id="p4", name="Lise", sex="F", father_id="p2", mother_id="p3", birth_year=1982),
        Person(
            id="p5",
            name="Léa",
            sex="F",
            father_id="p2",
            mother_id="p3",
            birth_year=1982,
            adoption=Adoption.IN,
        ),
        Person(id="p6", name="Marc", sex="M", age=Age.parse("<50"), note="conjoint"),
        Person(id="p7", name="", sex="U", father_id="p6", mother_id="p1", age=Age.parse("12")),
    )
    return Family(
        people=people,
        partnerships=(
            Partnership("p2", "p3", consanguineous=True),
            Partnership("p1", "p6"),
        ),
        twins=(TwinGroup(("p4", "p5"), Zygosity.MZ),),
        risk_factors=(("menarche", "12"), ("oc_use", "F:4")),
    )


GENETICS = Genetics(
    tests=(
        GeneticTest(
            id="t1",
            kind="panel",
            date=dt.date(2021, 11, 2),
            laboratory="Laboratoire Kerdoc",
            indication="Cancer du sein triple négatif",
            genes=("BRCA1", "BRCA2", "PALB2"),
            status="result_received",
            note="Panel 13 gènes",
        ),
        GeneticTest(
            id="t2",
            kind="predictive",
            date=dt.date(2022, 6, 1),
            laboratory="Laboratoire Kerdoc",
            familial_gene="BRCA1",
            familial_variant="c.68_69del",
            relative_id="p4",
            status="result_received",
            relative_outcome="carrier",
        ),
    ),
    variants=(
        Variant(
            gene="BRCA1",
            hgvs_c="c.68_69del",
            hgvs_p="p.(Glu23Valfs*17)",
            acmg_class=5,
            test_id="t1",
            note="fondateur",
        ),
        Variant(
            gene="PALB2",
            hgvs_c="c.1676A>G",
            hgvs_p="p.(Gln559Arg)",
            acmg_class=3,
            zygosity="heterozygous",
            test_id="t1",
        ),
    ),
    consents=(
        Consent(date=dt.date(2021, 10, 20), scopes=("diagnostic", "sample_storage"), note="signé"),
    ),
    relative_information=(
        RelativeInformation(
            relative_ids=("p4", "p5"),
            date=dt.date(2022, 1, 15),
            channel="letter_by_patient",
            letter="Lettre type 2022",
            note="remise en main propre",
        ),
    ),
)


def create_rich_file(session: UserSession, team: Team, *, birth_name: str = PLANTED) -> int:
    """A rich file owned by ``session``'s user (an approved clinical account)."""
    view = session.patients.create(
        identity(
            birth_name=birth_name,
            used_name="MARTIN",
            first_names=FIRST_NAMES,
            birth_date=BIRTH_DATE,
            sex="F",
            nir=NIR,
            ins_status="QUAL",
            birth_place_code="75112",
            address="12 rue des Lilas",
            postal_code="75012",
            city="Paris",
            phone="0612345678",
            email="helene.martin@example.org",
            referring_physician="Dr Anne Roux",
        )
    )
    pid = view.id
    session.forms.save(pid, "family", family(), expected_version=0)
    session.forms.save(pid, "history", HISTORY, expected_version=0)
    session.forms.save(pid, "genetics", GENETICS, expected_version=0)
    session.documents.add(pid, f"CR_{birth_name}.pdf", text_pdf(f"Compte rendu {birth_name}"))
    starts = dt.datetime.combine(session.ctx.today() + dt.timedelta(days=10), dt.time(10, 30))
    session.appointments.book(
        AppointmentInput(
            patient_id=pid,
            exam="breast_mri",
            starts_at=starts,
            duration_minutes=45,
            place="Hôpital Nord — Radiologie",
            practitioner_id=team.ids["p.durand"],
            note="à jeun",
        )
    )
    return pid


def approved(team: Team, created_db, login: str = "p.durand") -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login(login)
    session.clinical_key.approve_with_recovery_code(team.ids[login], str(created_db.recovery_code))
    return session
