"""The demonstration database (``--demo``) and synthetic patients for benchmarks.

Everything here is fictitious: names drawn from lists, identifiers with valid
check keys but made up. Built at each ``--demo`` start, so it must be quick:
the patients are inserted in bulk.

Five of the practitioner's files are the probands of the sample families
(``domain.sample_families``: BRCA1, BRCA2, Lynch, 40 people, consanguineous with
twins), each with its family and a personal history consistent with it, saved
as clinical forms through ``session.forms.save`` by the demo's clinical
accounts (who hold the clinical key from the start). The Lynch family was
entered in three steps: first by the counsellor (its file is shared with her),
then completed twice by the practitioner, so its history has something to show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from oiso_desktop.domain.clinical_forms import FormKind
from oiso_desktop.domain.family import (
    Age,
    Cancer,
    Family,
    Receptors,
    add_child,
    add_parents,
    add_partner,
    add_sibling,
    added_ids,
    new_family,
    remove_person,
    update_person,
)
from oiso_desktop.domain.followup.engine import add_months
from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.identifiers import luhn_key, nir_key
from oiso_desktop.domain.patients import IdentityFields, normalise_identity, search_names
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.domain.retention import AlertKind, FileState, archive_date
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.domain.sample_families import SAMPLE_FAMILIES
from oiso_desktop.reports.relatives_letter_pdf import LetterSender
from oiso_desktop.services.alerts_service import AlertsService, raise_alerts
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import AuthService, UserSession
from oiso_desktop.services.context import AccessMode, ServiceContext, actor_of, naive_utc
from oiso_desktop.services.demo_records import DemoFile, demo_record, save_demo_record
from oiso_desktop.services.dto import StructureInput, UserInput
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.followup_service import PlanItemView
from oiso_desktop.services.setup_service import create_database
from oiso_desktop.services.system_actor import system_context
from oiso_desktop.services.user_service import add_account
from oiso_desktop.services.validation import clean_user
from oiso_desktop.storage.models import (
    Assistance,
    BreakGlassAccess,
    Patient,
    PatientShare,
    Setting,
    User,
)
from oiso_desktop.storage.secret_store import MemorySecretStore, SecretStore
from oiso_desktop.storage.uow import UnitOfWork

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_FAMILIES",
    "DEMO_SETTING",
    "DemoAccount",
    "DemoAccounts",
    "DEMO_PLACES",
    "create_demo_database",
    "save_demo_followup",
    "generate_patients",
    "insert_patients",
    "patient_rows",
]

DEMO_SETTING = "demo"
DEMO_STRUCTURE_NAME = "Centre de démonstration OISO"
# Fictitious identifiers with valid Luhn keys.
DEMO_FINESS = "9909" + "9999" + luhn_key("99099999")
DEMO_RPPS = "1999999900" + luhn_key("1999999900")
DEMO_COUNSELLOR_ADELI = "999999999"
DEMO_SECOND_RPPS = "1999999901" + luhn_key("1999999901")
#: why the second practitioner opened one of the first one's files (break-the-glass)
DEMO_BREAK_GLASS_REASON = (
    "Patiente vue en urgence en oncologie ce week-end : antécédents familiaux nécessaires"
)
DEMO_PRACTITIONER_SPECIALTY = "Génétique médicale"
DEMO_DEPARTED_RPPS = "1999999902" + luhn_key("1999999902")

#: Accounts that show the retention rules to an administrator (not on the login
#: screen): login, first name, last name, days since the last sign-in, days since
#: the inactivity email (None: not warned yet).
DEMO_INACTIVE_ACCOUNTS: tuple[tuple[str, str, str, int, int | None], ...] = (
    ("demo.absent", "Paul", "Absent", 400, None),
    ("demo.averti", "Claire", "Lointaine", 410, 20),
)
#: A practitioner revoked this many days ago: his unshared files are archived.
DEMO_DEPARTED_LOGIN = "demo.parti"
DEMO_DEPARTED_DAYS = 400
DEMO_DEPARTED_FILES = 6  # the last one is shared with the counsellor: it stays


@dataclass(frozen=True)
class DemoAccount:
    login: str
    password: str
    role: Role
    display_name: str


#: login, password, role, first name, last name
DEMO_ACCOUNTS: tuple[tuple[str, str, Role, str, str], ...] = (
    ("demo.admin", "Essai-Gestion-2468!", Role.ADMIN, "Anne", "Gestionnaire"),
    ("demo.medecin", "Essai-Consult-1357!", Role.PRACTITIONER, "Marc", "Généticien"),
    ("demo.conseillere", "Essai-Conseil-9753!", Role.GENETIC_COUNSELLOR, "Léa", "Conseillère"),
    ("demo.secretaire", "Essai-Accueil-8642!", Role.SECRETARY, "Sophie", "Secrétaire"),
    # a second practitioner: files shared both ways, a break-the-glass to review
    ("demo.oncologue", "Essai-Oncolog-4826!", Role.PRACTITIONER, "Hugo", "Oncologue"),
)


@dataclass(frozen=True)
class DemoAccounts:
    folder: Path
    admin_login: str
    admin_password: str
    practitioner_login: str
    practitioner_password: str
    counsellor_login: str
    counsellor_password: str
    secretary_login: str
    secretary_password: str
    #: the files of the demo families' probands: DEMO_FAMILY_BUILDERS key -> patient id
    family_patients: Mapping[str, int] = field(default_factory=dict)
    #: the second practitioner (files shared both ways with the first one)
    second_practitioner_login: str = ""
    second_practitioner_password: str = ""

    #: the follow-up demo: carrier file -> "due", "overdue" or "lost"
    followup_patients: Mapping[int, str] = field(default_factory=dict)

    @property
    def accounts(self) -> tuple[DemoAccount, ...]:
        """The accounts in the order shown on the login screen."""
        return tuple(
            DemoAccount(login=login, password=password, role=role, display_name=f"{first} {last}")
            for login, password, role, first, last in DEMO_ACCOUNTS
        )


# ---------------------------------------------------------------------------- names

_LAST_NAMES = (
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Müller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martínez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Lecomte",
    "Le Gall",
    "Hubert",
    "Carpentier",
    "Da Silva",
    "N'Diaye",
    "Le Goff",
    "Bouvier",
    "Besnard",
    "Hébert",
)
_FEMALE_FIRST = (
    "Marie",
    "Hélène",
    "Zoé",
    "Camille",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Sarah",
    "Émilie",
    "Céline",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Françoise",
    "Monique",
    "Agnès",
    "Anaïs",
    "Clémence",
    "Maëlle",
    "Noémie",
    "Océane",
    "Béatrice",
    "Geneviève",
    "Josiane",
    "Anne-Sophie",
    "Marie-Claire",
    "Élodie",
    "Aurélie",
    "Valérie",
    "Sandrine",
    "Brigitte",
)
_MALE_FIRST = (
    "Jean",
    "Benoît",
    "Pierre",
    "Michel",
    "Philippe",
    "Alain",
    "Jérôme",
    "François",
    "Étienne",
    "Hervé",
    "Loïc",
    "Gaël",
    "Noël",
    "Raphaël",
    "Théo",
    "Mathéo",
    "Lucas",
    "Hugo",
    "Louis",
    "Gabriel",
    "Arthur",
    "Jules",
    "Cédric",
    "Frédéric",
    "Sébastien",
    "Jean-Pierre",
    "Jean-Luc",
    "Marc-Antoine",
    "Régis",
    "André",
    "Thierry",
    "Grégoire",
)
# INSEE commune codes (department + commune) and cities with their postal codes.
_BIRTH_PLACES = (
    ("75056", "Paris", "75013"),
    ("69123", "Lyon", "69003"),
    ("13055", "Marseille", "13005"),
    ("31555", "Toulouse", "31000"),
    ("33063", "Bordeaux", "33000"),
    ("59350", "Lille", "59000"),
    ("67482", "Strasbourg", "67000"),
    ("44109", "Nantes", "44000"),
    ("35238", "Rennes", "35000"),
    ("06088", "Nice", "06000"),
    ("34172", "Montpellier", "34000"),
    ("2A004", "Ajaccio", "20000"),
)
# Born abroad: INSEE country codes (department 99 in the NIR).
_FOREIGN_PLACES = ("99350", "99352", "99127", "99134", "99139", "99109")
_STREETS = (
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Pasteur",
    "place de l'Église",
    "chemin des Écoliers",
    "rue du Général Leclerc",
    "allée des Tilleuls",
)
_REFERRING = ("Dr Aubry", "Dr Cazenave", "Dr Lemarchand", "Dr Poirier", "Dr Vasseur", "")


def _nir(rng: random.Random, sex: str, birth_date: dt.date, place: str) -> str:
    department, commune = place[:2], place[2:]
    body = (
        ("1" if sex == "M" else "2")
        + f"{birth_date.year % 100:02d}"
        + f"{birth_date.month:02d}"
        + department
        + commune
        + f"{rng.randint(1, 999):03d}"
    )
    return body + nir_key(body)


def generate_patients(
    n: int, seed: int = 7, *, today: dt.date | None = None
) -> list[IdentityFields]:
    """``n`` fictitious, valid identities (plain data, reproducible with ``seed``)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    oldest = dt.date(1930, 1, 1).toordinal()
    youngest = (today - dt.timedelta(days=18 * 365)).toordinal()
    result: list[IdentityFields] = []
    for _ in range(n):
        sex = "F" if rng.random() < 0.7 else "M"  # mostly women in oncogenetics
        names = _FEMALE_FIRST if sex == "F" else _MALE_FIRST
        first_names = rng.choice(names)
        if rng.random() < 0.25:  # a second first name, never the same twice ("Léa Léa")
            first_names += " " + rng.choice([name for name in names if name != first_names])
        birth_name = rng.choice(_LAST_NAMES)
        used_name = rng.choice(_LAST_NAMES) if sex == "F" and rng.random() < 0.35 else ""
        birth_date = dt.date.fromordinal(rng.randint(oldest, youngest))
        foreign = rng.random() < 0.1
        if foreign:
            place = rng.choice(_FOREIGN_PLACES)
            city, postal_code = rng.choice(_BIRTH_PLACES)[1:]
        else:
            place, city, postal_code = rng.choice(_BIRTH_PLACES)
        has_nir = rng.random() < 0.6
        nir = _nir(rng, sex, birth_date, place) if has_nir else None
        roll = rng.random()
        if nir and roll < 0.4:
            ins_status = "QUAL"
        elif roll < 0.6:
            ins_status = "VALI"
        elif roll < 0.75:
            ins_status = "RECUP"
        else:
            ins_status = "PROV"
        vital = "deceased" if rng.random() < 0.03 else "alive"
        death_date = None
        if vital == "deceased":
            # Usually as an adult, but a young patient may have died too.
            earliest = min(birth_date.toordinal() + 365 * 20, today.toordinal())
            death_date = dt.date.fromordinal(rng.randint(earliest, today.toordinal()))
        result.append(
            IdentityFields(
                birth_name=birth_name.upper(),
                used_name=used_name.upper(),
                first_names=first_names,
                birth_date=birth_date,
                birth_place_code=place if (ins_status != "PROV" or rng.random() < 0.5) else "",
                sex=sex,
                nir=nir,
                ins_status=ins_status,
                address=f"{rng.randint(1, 120)} {rng.choice(_STREETS)}",
                postal_code=postal_code,
                city=city,
                phone="06 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4)),
                email="",
                referring_physician=rng.choice(_REFERRING),
                vital_status=vital,
                death_date=death_date,
            )
        )
    return result


# ---------------------------------------------------------------------------- database

# the Patient columns filled from an identity, named like the IdentityFields attributes
_IDENTITY_COLUMNS = tuple(field.name for field in dataclasses.fields(IdentityFields))


def patient_rows(
    identities: Iterable[IdentityFields],
    *,
    owner_id: int,
    today: dt.date,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """Rows of the patients table for ``identities``, validated and normalised like any file.

    Owned, created and last updated by ``owner_id`` at ``now`` (naive UTC), version 1.
    Raises ValidationError for an invalid identity.
    """
    rows = []
    for fields in identities:
        clean = normalise_identity(fields, today=today)
        row: dict[str, Any] = {name: getattr(clean, name) for name in _IDENTITY_COLUMNS}
        row.update(
            owner_id=owner_id,
            search_names=search_names(clean),
            created_at=now,
            updated_at=now,
            created_by_id=owner_id,
            updated_by_id=owner_id,
            version=1,
        )
        rows.append(row)
    return rows


def insert_patients(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the :func:`patient_rows` in bulk (one statement, no event per file).

    Only for the demo and benchmark databases: real files are created one by one
    through ``PatientService.create``, which logs them. The caller commits.
    """
    if rows:
        session.execute(insert(Patient), list(rows))


# ---------------------------------------------------------------------------- families


def _breast(age: int, laterality: str, histology: str, grade: int, er: str, pr: str, her2: str):
    return HistoryCancer(
        site="breast",
        laterality=laterality,
        age=Age.exact(age),
        histology=histology,
        grade=grade,
        receptors=Receptors(er=er, pr=pr, her2=her2),
        confirmed=True,
    )


def sporadic_family() -> Family:
    """A breast cancer at 58 and two late cancers in the family: below every score's
    threshold (the demo's file without an indication for a test)."""
    family = new_family(
        sex="F",
        name="Martine",
        age=Age.exact(61),
        cancers=(Cancer(site="breast", age=Age.exact(58), laterality="right", histology="ductal"),),
    )
    before = family
    family = add_parents(family, "p1")
    father, mother = added_ids(before, family)
    before = family
    family = add_sibling(family, father, sex="F")
    (grandfather, grandmother, aunt) = added_ids(before, family)
    before = family
    family = add_sibling(family, "p1", sex="F")
    family = add_sibling(family, "p1", sex="M")
    sister, brother = added_ids(before, family)
    before = family
    family = add_partner(family, "p1")
    (husband,) = added_ids(before, family)
    before = family
    family = add_child(family, "p1", sex="F", partner_id=husband)
    family = add_child(family, "p1", sex="M", partner_id=husband)
    daughter, son = added_ids(before, family)
    details: dict[str, dict[str, Any]] = {
        father: {
            "birth_year": 1936,
            "deceased": True,
            "age_at_death": Age.exact(79),
            "cancers": (Cancer(site="prostate", age=Age.exact(76)),),
        },
        mother: {"age": Age.exact(86)},
        grandfather: {"birth_year": 1904, "deceased": True, "age_at_death": Age.exact(72)},
        grandmother: {"birth_year": 1908, "deceased": True, "age_at_death": Age.exact(90)},
        aunt: {
            "birth_year": 1933,
            "deceased": True,
            "age_at_death": Age.exact(80),
            "cancers": (Cancer(site="colorectal", age=Age.exact(74)),),
        },
        sister: {"age": Age.exact(63)},
        brother: {"age": Age.exact(57)},
        husband: {"age": Age.exact(63)},
        daughter: {"age": Age.exact(34)},
        son: {"age": Age.exact(31)},
    }
    for person_id, fields in details.items():
        family = update_person(family, dataclasses.replace(family.person(person_id), **fields))
    return family


#: The families of the demo files: the sample families, and one of the demo only.
DEMO_FAMILY_BUILDERS: Mapping[str, Callable[[], Family]] = {
    **{key: build for key, (_, build) in SAMPLE_FAMILIES.items()},
    "sporadic": sporadic_family,
}


@dataclass(frozen=True)
class DemoFamily:
    """A sample family and the file of its proband in the demo database."""

    key: str  # of DEMO_FAMILY_BUILDERS
    birth_name: str
    used_name: str
    history: PersonalHistory  # consistent with the proband's cancers in the family
    shared_with_counsellor: bool = False


#: The proband's first name, sex and age come from the family itself. Their names
#: come first in the alphabet: a newcomer sees these files at the top of the list.
DEMO_FAMILIES: tuple[DemoFamily, ...] = (
    DemoFamily(
        "brca1",
        "ABADIE",
        "",
        PersonalHistory(
            cancers=(_breast(36, "left", "ductal", 3, "N", "N", "N"),),
            surgeries=(RiskReducingSurgery(kind="mastectomy", side="right", age=Age.exact(37)),),
        ),
    ),
    DemoFamily(
        "brca2",
        "ACHARD",
        "",
        PersonalHistory(cancers=(_breast(61, "left", "ductal", 2, "P", "P", "N"),)),
    ),
    DemoFamily(
        "lynch",
        "ADAM",
        "",
        PersonalHistory(
            cancers=(
                HistoryCancer(
                    site="colorectal",
                    age=Age.exact(41),
                    msi="msi",
                    ihc="loss_mlh1_pms2",
                    confirmed=True,
                ),
            ),
            surgeries=(RiskReducingSurgery(kind="colectomy", age=Age.exact(41)),),
        ),
        shared_with_counsellor=True,
    ),
    DemoFamily(
        "large",
        "ALBERT",
        "MERCIER",
        PersonalHistory(cancers=(_breast(43, "right", "lobular", 2, "P", "P", "N"),)),
    ),
    DemoFamily(
        "consanguineous_twins",
        "ALAOUI",
        "",
        PersonalHistory(cancers=(_breast(28, "left", "ductal", 3, "P", "N", "N"),)),
        shared_with_counsellor=True,
    ),
    DemoFamily(
        "sporadic",
        "ALLARD",
        "",
        PersonalHistory(cancers=(_breast(58, "right", "ductal", 1, "P", "P", "N"),)),
    ),
)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def demo_family(key: str, birth_date: dt.date) -> Family:
    """The family ``key`` (of DEMO_FAMILY_BUILDERS), its proband born in the year of
    ``birth_date``."""
    family = DEMO_FAMILY_BUILDERS[key]()
    proband = family.proband
    assert proband is not None
    return update_person(family, dataclasses.replace(proband, birth_year=birth_date.year))


def proband_identity(demo: DemoFamily, today: dt.date, rng: random.Random) -> IdentityFields:
    """The identity of the proband's file: sex, first name and age as in the family."""
    proband = DEMO_FAMILY_BUILDERS[demo.key]().proband
    assert proband is not None and proband.age.value is not None
    # Born some months before the day the proband reached the age entered in the family.
    birth_date = _years_before(today, proband.age.value) - dt.timedelta(days=rng.randint(20, 330))
    place, city, postal_code = rng.choice(_BIRTH_PLACES)
    return IdentityFields(
        birth_name=demo.birth_name,
        used_name=demo.used_name,
        first_names=proband.name,
        birth_date=birth_date,
        birth_place_code=place,
        sex=proband.sex,
        address=f"{rng.randint(1, 120)} {rng.choice(_STREETS)}",
        postal_code=postal_code,
        city=city,
        referring_physician=rng.choice(_REFERRING[:-1]),
    )


def first_steps(family: Family) -> tuple[Family, Family]:
    """Two earlier states of ``family``, as a first consultation would enter it: the
    nuclear family with no relative's test result, then every relative still
    without test results. Used for the Lynch family's revisions."""
    proband = family.proband
    assert proband is not None
    keep = {proband.id, *family.parents_of(proband.id), *family.siblings_of(proband.id)}
    keep |= set(family.children_of(proband.id)) | set(family.partners_of(proband.id))
    no_results = family
    for person in family.people:
        if person.genetic_results and not person.proband:
            no_results = update_person(no_results, dataclasses.replace(person, genetic_results=()))
    nuclear = no_results
    for person_id in keep:  # the grandparents go: their links to the kept are cut first
        person = nuclear.person(person_id)
        if person.has_parents and not keep.issuperset(nuclear.parents_of(person_id)):
            nuclear = update_person(
                nuclear, dataclasses.replace(person, father_id=None, mother_id=None)
            )
    while True:  # then the others, leaves first (a childless partner goes with them)
        leaves = [
            p.id for p in nuclear.people if p.id not in keep and not nuclear.children_of(p.id)
        ]
        if not leaves:
            break
        nuclear = remove_person(nuclear, leaves[0])
    return nuclear, no_results


def save_demo_families(
    folder: Path,
    patient_ids: Mapping[str, int],
    *,
    secret_store: SecretStore | None = None,
    followup: Sequence[DemoCarrier] = (),
) -> dict[int, str]:
    """Save the family and the personal history of the probands' files (``patient_ids``:
    DEMO_FAMILY_BUILDERS key -> file) through the clinical form service, signed in as
    the demo's counsellor (the Lynch family's first entry, a file shared with her) then
    as its practitioner (everything else: also each file's attachments and genetics
    form, ``services.demo_records``). ``followup``: the practitioner's carriers of
    :func:`save_demo_followup`, saved in the same session (one login less); returns
    their patterns."""
    auth = AuthService(folder, secret_store=secret_store or MemorySecretStore())
    passwords = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    histories = {demo.key: demo.history for demo in DEMO_FAMILIES}
    lynch = patient_ids.get("lynch")
    if lynch is not None:
        counsellor = auth.login("demo.conseillere", passwords["demo.conseillere"])
        try:
            patient = counsellor.patients.get(lynch)
            nuclear, _ = first_steps(demo_family("lynch", patient.fields.birth_date))
            counsellor.forms.save(lynch, FormKind.FAMILY, nuclear, expected_version=0)
        finally:
            counsellor.logout()
    practitioner = auth.login("demo.medecin", passwords["demo.medecin"])
    try:
        for key, patient_id in patient_ids.items():
            patient = practitioner.patients.get(patient_id)
            family = demo_family(key, patient.fields.birth_date)
            version = 0
            if key == "lynch":  # completed in two steps after the counsellor's entry
                _, no_results = first_steps(family)
                version = practitioner.forms.save(
                    patient_id, FormKind.FAMILY, no_results, expected_version=1
                ).version
            practitioner.forms.save(patient_id, FormKind.FAMILY, family, expected_version=version)
            practitioner.forms.save(
                patient_id, FormKind.HISTORY, histories[key], expected_version=0
            )
            identity = patient.fields
            file = DemoFile(
                key=key,
                patient_name=f"{identity.birth_name} {identity.first_names}"
                + (f" (nom d'usage {identity.used_name})" if identity.used_name else ""),
                birth_date=identity.birth_date,
                sex=identity.sex,
                family=family,
                history=histories[key],
                today=practitioner.ctx.today(),
                sender=_demo_sender(),
            )
            save_demo_record(practitioner, patient_id, demo_record(file))
        return _save_followup_as(practitioner, followup)
    finally:
        practitioner.logout()


def _demo_sender() -> LetterSender:
    """The letterhead of the demo's documents: its structure and its practitioner, as
    ``LetterService`` prints them."""
    _, _, role, first, last = next(a for a in DEMO_ACCOUNTS if a[0] == "demo.medecin")
    return LetterSender(
        structure_name=DEMO_STRUCTURE_NAME,
        finess=DEMO_FINESS,
        practitioner=f"{first} {last}",
        profession=f"{DEMO_PROFESSIONS[role]}, {DEMO_PRACTITIONER_SPECIALTY}",
        rpps=DEMO_RPPS,
    )


DEMO_PROFESSIONS = {
    Role.PRACTITIONER: "Médecin",
    Role.GENETIC_COUNSELLOR: "Conseillère en génétique",
    Role.SECRETARY: "Secrétaire médicale",
}


def _demo_shares_between_practitioners(
    owners: Mapping[int, int], medecin: int, oncologue: int, now: dt.datetime
) -> list[dict[str, Any]]:
    """Files shared both ways between the two practitioners. The second one's shares
    are new: the first is told of them at his next login."""
    shares: list[dict[str, Any]] = []
    theirs = [pid for pid, owner in sorted(owners.items()) if owner == oncologue]
    for n, pid in enumerate(theirs[::3]):
        shares.append(
            {
                "patient_id": pid,
                "user_id": medecin,
                "access": "write" if n % 2 else "read",
                "granted_at": now,
                "granted_by_id": oncologue,
                "message": "Pour avis en consultation d'oncogénétique." if n == 0 else "",
                "notified_at": None,
            }
        )
    mine = [pid for pid, owner in sorted(owners.items()) if owner == medecin]
    for n, pid in enumerate(mine[5::40]):
        shares.append(
            {
                "patient_id": pid,
                "user_id": oncologue,
                "access": "read" if n % 2 else "write",
                "granted_at": now,
                "granted_by_id": medecin,
                "message": "",
                "notified_at": now,
            }
        )
    return shares


def _demo_retention(
    uow: UnitOfWork,
    ctx: ServiceContext,
    admin: Any,
    keystore: Any,
    dmk: bytes,
    now: dt.datetime,
    today: dt.date,
    seed: int,
    counsellor: int,
) -> None:
    """The retention rules at work, for an administrator (issue 10).

    * two secretaries unseen for more than a year: one not warned yet (the first
      maintenance run after a sign-in emails her; the message waits in the outbox
      until an SMTP server is set), one warned 20 days ago (revoked in 10 days);
    * a practitioner revoked 400 days ago, as the revocation path leaves him (no
      key slot any more): his unshared files were archived a year after his
      departure, as the maintenance job does; the file he shared stays active.
    """
    for login, first, last, seen_days, warned_days in DEMO_INACTIVE_ACCOUNTS:
        data = UserInput(
            login=login,
            first_name=first,
            last_name=last,
            role=Role.SECRETARY,
            email=f"{login.replace('demo.', '')}@demo-oiso.invalid",
            profession=DEMO_PROFESSIONS[Role.SECRETARY],
        )
        # Nobody signs in with these accounts: a random password, never shown.
        user = add_account(
            uow,
            ctx,
            admin,
            clean_user(data),
            f"Demo-{secrets.token_urlsafe(16)}-7!",
            keystore=keystore,
            dmk=dmk,
            must_change_password=False,
        )
        seen = now - dt.timedelta(days=seen_days)
        user.created_at = seen - dt.timedelta(days=200)
        user.last_login_at = seen
        user.password_changed_at = seen
        if warned_days is not None:
            user.inactivity_warning_sent_at = now - dt.timedelta(days=warned_days)
    departed_at = now - dt.timedelta(days=DEMO_DEPARTED_DAYS)
    departed = User(
        login=DEMO_DEPARTED_LOGIN,
        first_name="Jean",
        last_name="Parti",
        role=Role.PRACTITIONER.value,
        rpps=DEMO_DEPARTED_RPPS,
        profession=DEMO_PROFESSIONS[Role.PRACTITIONER],
        specialty=DEMO_PRACTITIONER_SPECIALTY,
        structure_id=admin.structure_id,
        status=AccountStatus.REVOKED.value,
        must_change_password=False,
        created_at=departed_at - dt.timedelta(days=900),
        last_login_at=departed_at - dt.timedelta(days=3),
        password_changed_at=departed_at - dt.timedelta(days=900),
        status_changed_at=departed_at,
        revoked_at=departed_at,
    )
    uow.users.add(departed)
    uow.flush()
    rows = patient_rows(
        generate_patients(DEMO_DEPARTED_FILES, seed + 2, today=today),
        owner_id=departed.id,
        today=today,
        now=departed_at - dt.timedelta(days=30),
    )
    archived_at = archive_date(departed_at)
    for index, row in enumerate(rows):
        shared = index == len(rows) - 1
        if not shared:
            row.update(retention_state=FileState.ARCHIVED.value, archived_at=archived_at)
        patient_id = uow.session.scalar(insert(Patient).values(**row).returning(Patient.id))
        if shared:
            uow.session.add(
                PatientShare(
                    patient_id=patient_id,
                    user_id=counsellor,
                    access="read",
                    granted_at=departed_at - dt.timedelta(days=60),
                    granted_by_id=departed.id,
                    notified_at=departed_at - dt.timedelta(days=59),
                )
            )
    record_event(uow, ctx, admin, "user_revoked", object_type="user", object_id=departed.id)


def _demo_break_glass(
    uow: UnitOfWork,
    ctx: ServiceContext,
    owners: Mapping[int, int],
    medecin: int,
    oncologue: int,
    now: dt.datetime,
) -> None:
    """The second practitioner opened one of the first one's files in an emergency:
    pending the administrator's review, and told to the owner at his next login."""
    shared = set(
        uow.session.scalars(
            select(PatientShare.patient_id).where(PatientShare.user_id == oncologue)
        )
    )
    target = next(
        (pid for pid, owner in sorted(owners.items()) if owner == medecin and pid not in shared),
        None,
    )
    if target is None:
        return
    row = BreakGlassAccess(
        user_id=oncologue,
        patient_id=target,
        owner_id=medecin,
        reason=DEMO_BREAK_GLASS_REASON,
        occurred_at=now,
        review_comment="",
    )
    uow.session.add(row)
    uow.session.flush()
    oncologist = uow.users.get(oncologue)
    assert oncologist is not None
    record_event(
        uow,
        ctx,
        actor_of(oncologist),
        "break_glass",
        object_type="patient",
        object_id=target,
        details={"owner_id": medecin, "break_glass_id": row.id},
    )


# ------------------------------------------------------------------------- follow-up

#: the places of the demo's appointments
DEMO_PLACES = (
    "Imagerie, Hôpital Nord",
    "Consultation de génétique, bâtiment B",
    "Endoscopie, site Sud",
)
_ENDOSCOPY = {ExamKind.COLONOSCOPY, ExamKind.UPPER_ENDOSCOPY}
_IMAGING = {
    ExamKind.BREAST_MRI,
    ExamKind.MAMMOGRAPHY,
    ExamKind.BILATERAL_MAMMOGRAPHY,
    ExamKind.WHOLE_BODY_MRI,
    ExamKind.BRAIN_MRI,
    ExamKind.ABDOMINAL_ULTRASOUND,
}


def demo_place(exam: ExamKind) -> str:
    """Where the demo books ``exam``: the imaging, endoscopy or consultation place."""
    if exam in _IMAGING:
        return DEMO_PLACES[0]
    if exam in _ENDOSCOPY:
        return DEMO_PLACES[2]
    return DEMO_PLACES[1]


#: (pattern, gene) of the carriers of each practitioner: "due" (the next exams fall
#: due within a few weeks), "overdue" (two months late), "lost" (nothing done: lost to
#: follow-up)
_FOLLOWUP_PLAN: dict[str, tuple[tuple[str, str], ...]] = {
    "demo.medecin": (
        ("due", "BRCA1"),
        ("due", "BRCA2"),
        ("due", "MLH1"),
        ("overdue", "BRCA1"),
        ("overdue", "MSH2"),
        ("lost", "BRCA2"),
        ("lost", "MLH1"),
    ),
    "demo.oncologue": (
        ("due", "MLH1"),
        ("overdue", "MSH2"),
        ("lost", "BRCA2"),
    ),
}
_BREAST_GENES = {"BRCA1", "BRCA2"}

#: a carrier of the follow-up demo: file, pattern, gene, the file's practitioner
DemoCarrier = tuple[int, str, str, int]


def choose_followup_carriers(
    patients: Iterable[tuple[int, dt.date, str, str, int]],
    owners: Mapping[str, int],
    today: dt.date,
    *,
    writable: Iterable[int] | None = None,
) -> list[DemoCarrier]:
    """The synthetic files that become carriers, from ``patients`` (id, birth date,
    sex, vital status, owner id) in id order: living adults of 30 to 70, women for
    BRCA1/2. ``writable``: the second practitioner's files the first one may write (shared
    with him read-write): the only ones of his chosen, so that one session saves all."""
    chosen: list[DemoCarrier] = []
    taken: set[int] = set()
    every = sorted(patients)
    allowed = set(writable) if writable is not None else None
    for login, plan in _FOLLOWUP_PLAN.items():
        owner = owners[login]
        rows = [
            row
            for row in every
            if row[4] == owner
            and row[3] == "alive"
            and 30 <= _age(row[1], today) <= 70
            and (login == "demo.medecin" or allowed is None or row[0] in allowed)
        ]
        for pattern, gene in plan:
            for patient_id, _birth, sex, _vital, _owner in rows:
                if patient_id in taken or (gene in _BREAST_GENES and sex != "F"):
                    continue
                taken.add(patient_id)
                chosen.append((patient_id, pattern, gene, owner))
                break
    return chosen


def _age(birth_date: dt.date, today: dt.date) -> int:
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )


def _demo_genetics(gene: str, today: dt.date) -> Genetics:
    tested = today - dt.timedelta(days=400)
    return Genetics(
        tests=(
            GeneticTest(
                id="t1",
                kind="panel",
                date=tested,
                laboratory="Laboratoire de démonstration",
                genes=(gene,),
                status="result_received",
            ),
        ),
        variants=(Variant(gene=gene, hgvs_c="c.68_69del", acmg_class=5, test_id="t1"),),
    )


def _working_slots(today: dt.date, count: int) -> list[dt.datetime]:
    """``count`` appointment times on the working days after ``today`` (two weeks at
    most: this week and the next), 8 h 30 to 16 h."""
    days = [
        today + dt.timedelta(days=offset)
        for offset in range(1, 15)
        if (today + dt.timedelta(days=offset)).weekday() < 5
    ]
    hours = (dt.time(8, 30), dt.time(10, 0), dt.time(11, 30), dt.time(14, 0), dt.time(15, 30))
    return [
        dt.datetime.combine(days[index % len(days)], hours[(index * 2) % len(hours)])
        for index in range(count)
    ]


def save_demo_followup(
    folder: Path,
    carriers: Sequence[DemoCarrier],
    *,
    secret_store: SecretStore | None = None,
) -> dict[int, str]:
    """Make the chosen files carriers (their genetics form: the plan follows), record
    the exams that put them on the "due" or "overdue" list ("lost": nothing done), and
    book the appointments of this week and the next with each file's practitioner — in
    each calendar one place booked twice at once, so that it shows a conflict; some
    confirmed. Everything through the services (access checked, events logged), signed
    in as the demo's practitioner (the second one's files are shared with him
    read-write). Returns file -> pattern."""
    auth = AuthService(folder, secret_store=secret_store or MemorySecretStore())
    passwords = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    session = auth.login("demo.medecin", passwords["demo.medecin"])
    try:
        return _save_followup_as(session, carriers)
    finally:
        session.logout()


def _save_followup_as(session: UserSession, carriers: Sequence[DemoCarrier]) -> dict[int, str]:
    """:func:`save_demo_followup` in an open session of the demo's practitioner."""
    patterns: dict[int, str] = {}
    today = session.ctx.today()
    to_book: dict[int, list[tuple[int, PlanItemView]]] = {}
    for patient_id, pattern, gene, practitioner_id in carriers:
        session.forms.save(
            patient_id, FormKind.GENETICS, _demo_genetics(gene, today), expected_version=0
        )
        patterns[patient_id] = pattern
        items = [
            item
            for item in session.followup.plan(patient_id).items
            if item.interval_months and item.next_due is not None and item.key
        ]
        for index, item in enumerate(items):
            months = item.interval_months or 12
            if pattern == "due":  # falls due within 2 to 6 weeks
                done = add_months(today, -months) + dt.timedelta(weeks=2 + 2 * (index % 3))
            elif pattern == "overdue":  # two months late
                done = add_months(today, -months - 2)
            else:
                continue
            session.followup.mark_done(patient_id, str(item.key), min(done, today))
        if pattern != "lost" and items:
            to_book.setdefault(practitioner_id, []).append((patient_id, items[0]))
    for practitioner_id, booking in to_book.items():
        slots = _working_slots(today, len(booking))
        for index, ((patient_id, item), starts_at) in enumerate(zip(booking, slots, strict=True)):
            booked = session.appointments.book(
                AppointmentInput(
                    patient_id=patient_id,
                    exam=item.exam.value,
                    starts_at=starts_at,
                    duration_minutes=30,
                    place=demo_place(item.exam),
                    practitioner_id=practitioner_id,
                    plan_item_id=item.id,
                )
            ).appointment
            if index % 2:
                session.appointments.confirm(booked.id, expected_version=booked.version)
        # a consultation room booked twice at the same time: a conflict to show
        twice = next(
            (
                index
                for index, (_, item) in enumerate(booking)
                if demo_place(item.exam) == DEMO_PLACES[1]
            ),
            0,
        )
        session.appointments.book(
            AppointmentInput(
                patient_id=booking[-1][0],
                exam=ExamKind.GENETICS_CONSULTATION.value,
                starts_at=slots[twice],
                duration_minutes=30,
                place=demo_place(booking[twice][1].exam),
                practitioner_id=practitioner_id,
                note="Créneau en double : à déplacer",
            )
        )
    return patterns


#: The administrator's comment on the off-hours alerts the demo's own creation raises.
DEMO_SEEDING_REVIEW = (
    "Création des données de démonstration au démarrage de l'application (pas une "
    "utilisation réelle)."
)


def review_seeding_alerts(folder: Path, *, secret_store: SecretStore | None = None) -> int:
    """The demo is created when it starts, at any hour: in the evening or at the weekend,
    its accounts' seeding would read as off-hours use. Those alerts are raised now and
    marked reviewed by the demo administrator, with a comment that says why (shown
    with "Afficher les alertes déjà examinées"); the break-the-glass alert stays to
    review. How many were marked."""
    accounts = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    auth = AuthService(folder, secret_store=secret_store or MemorySecretStore())
    session = auth.login("demo.admin", accounts["demo.admin"])
    try:
        now = session.ctx.now()
        raise_alerts(system_context(session.ctx, now), now)
        alerts = AlertsService(session.ctx)
        seeding = [a for a in alerts.list_alerts() if a.kind is AlertKind.OFF_HOURS]
        for alert in seeding:
            alerts.mark_reviewed(alert.id, DEMO_SEEDING_REVIEW)
        return len(seeding)
    finally:
        session.logout()


def create_demo_database(
    folder: Path,
    *,
    patients: int = 300,
    seed: int = 7,
    secret_store: SecretStore | None = None,
    families: bool = True,
) -> DemoAccounts:
    """A throwaway database with the demo accounts and ``patients`` synthetic files.

    ``families``: also the five files of the sample families' probands, with their
    clinical forms (:data:`DEMO_FAMILIES`, :func:`save_demo_families`).
    """
    (admin_login, admin_password, _, admin_first, admin_last) = DEMO_ACCOUNTS[0]
    created = create_database(
        Path(folder),
        structure=StructureInput(name=DEMO_STRUCTURE_NAME, finess=DEMO_FINESS),
        admin=UserInput(
            login=admin_login, first_name=admin_first, last_name=admin_last, role=Role.ADMIN
        ),
        admin_password=admin_password,
        secret_store=secret_store,
    )
    ctx = created.ctx
    keystore = created.local.keystore
    try:
        now = naive_utc(ctx.now())
        today = ctx.today()
        with ctx.unit_of_work(AccessMode.WRITE) as uow:
            uow.session.add(Setting(key=DEMO_SETTING, value="1"))
            ids: dict[str, int] = {}
            # The accounts are created through the administrators' own path.
            for login, password, role, first, last in DEMO_ACCOUNTS[1:]:
                # The secretary assists both practitioners (the second one is created
                # after her: he designates her below).
                assisted = (ids["demo.medecin"],) if role is Role.SECRETARY else ()
                data = UserInput(
                    login=login,
                    first_name=first,
                    last_name=last,
                    role=role,
                    rpps=(
                        (DEMO_RPPS if login == "demo.medecin" else DEMO_SECOND_RPPS)
                        if role is Role.PRACTITIONER
                        else ""
                    ),
                    adeli=DEMO_COUNSELLOR_ADELI if role is Role.GENETIC_COUNSELLOR else "",
                    profession=DEMO_PROFESSIONS[role],
                    specialty=DEMO_PRACTITIONER_SPECIALTY if role is Role.PRACTITIONER else "",
                    assisted_practitioner_ids=assisted,
                )
                user = add_account(
                    uow,
                    ctx,
                    created.admin,
                    clean_user(data),
                    password,
                    keystore=keystore,
                    dmk=created.dmk,
                    must_change_password=False,
                )
                ids[login] = user.id
            medecin, conseillere = ids["demo.medecin"], ids["demo.conseillere"]
            oncologue = ids["demo.oncologue"]
            uow.session.add(
                Assistance(secretary_id=ids["demo.secretaire"], practitioner_id=oncologue)
            )
            # The demo's clinical accounts are approved at creation (no colleague yet).
            for user_id in (medecin, conseillere, oncologue):
                record_event(
                    uow,
                    ctx,
                    created.admin,
                    "clinical_access_granted",
                    object_type="user",
                    object_id=user_id,
                    details={"method": "demo"},
                )
                uow.flush()
                keystore.grant_clinical_key(user_id, created.clinical_keys)
            rows = patient_rows(
                generate_patients(patients, seed, today=today),
                owner_id=medecin,
                today=today,
                now=now,
            )
            for index, row in enumerate(rows):
                if index % 10 == 3:  # every tenth file is the second practitioner's
                    row.update(owner_id=oncologue, created_by_id=oncologue, updated_by_id=oncologue)
            if rows:
                insert_patients(uow.session, rows)
                # Every seventh file is shared with the counsellor, some read-write.
                patient_ids = list(
                    uow.session.scalars(Patient.__table__.select().with_only_columns(Patient.id))
                )
                owners: dict[int, int] = {
                    pid: owner
                    for pid, owner in uow.session.execute(
                        Patient.__table__.select().with_only_columns(Patient.id, Patient.owner_id)
                    )
                }
                shares: list[dict[str, Any]] = [
                    {
                        "patient_id": pid,
                        "user_id": conseillere,
                        "access": "write" if pid % 2 else "read",
                        "granted_at": now,
                        "granted_by_id": medecin,
                        "message": "",
                        "notified_at": now,
                    }
                    for pid in patient_ids
                    if pid % 7 == 0 and owners[pid] == medecin
                ]
                shares += _demo_shares_between_practitioners(owners, medecin, oncologue, now)
                if shares:
                    uow.session.execute(insert(PatientShare), shares)
                _demo_break_glass(uow, ctx, owners, medecin, oncologue, now)
            _demo_retention(
                uow, ctx, created.admin, keystore, created.dmk, now, today, seed, conseillere
            )
            carriers: list[DemoCarrier] = []
            if rows:
                found = uow.session.execute(
                    select(
                        Patient.id,
                        Patient.birth_date,
                        Patient.sex,
                        Patient.vital_status,
                        Patient.owner_id,
                    )
                )
                carriers = choose_followup_carriers(
                    [(row[0], row[1], row[2], row[3], row[4]) for row in found],
                    {"demo.medecin": medecin, "demo.oncologue": oncologue},
                    today,
                    writable=[
                        share["patient_id"]
                        for share in shares
                        if share["user_id"] == medecin and share["access"] == "write"
                    ],
                )
            family_patients: dict[str, int] = {}
            if families:
                rng = random.Random(seed + 1)
                for demo in DEMO_FAMILIES:
                    (row,) = patient_rows(
                        [proband_identity(demo, today, rng)],
                        owner_id=medecin,
                        today=today,
                        now=now,
                    )
                    patient_id = uow.session.scalar(
                        insert(Patient).values(**row).returning(Patient.id)
                    )
                    assert patient_id is not None
                    family_patients[demo.key] = patient_id
                    if demo.shared_with_counsellor:
                        uow.session.add(
                            PatientShare(
                                patient_id=patient_id,
                                user_id=conseillere,
                                access="write",
                                granted_at=now,
                                granted_by_id=medecin,
                            )
                        )
            uow.commit()
    finally:
        created.clinical_keys.forget()
        created.database.dispose()
    if family_patients:  # one session for the families and the follow-up
        followup = save_demo_families(
            Path(folder), family_patients, secret_store=secret_store, followup=carriers
        )
    else:
        followup = save_demo_followup(Path(folder), carriers, secret_store=secret_store)
    review_seeding_alerts(Path(folder), secret_store=secret_store)
    accounts = {login: password for login, password, *_ in DEMO_ACCOUNTS}
    return DemoAccounts(
        folder=Path(folder),
        admin_login="demo.admin",
        admin_password=accounts["demo.admin"],
        practitioner_login="demo.medecin",
        practitioner_password=accounts["demo.medecin"],
        counsellor_login="demo.conseillere",
        counsellor_password=accounts["demo.conseillere"],
        secretary_login="demo.secretaire",
        secretary_password=accounts["demo.secretaire"],
        family_patients=family_patients,
        second_practitioner_login="demo.oncologue",
        second_practitioner_password=accounts["demo.oncologue"],
        followup_patients=followup,
    )
