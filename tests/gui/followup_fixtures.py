"""A small follow-up team for the Suivi page's tests: a practitioner holding the
clinical key with BRCA carriers whose exams are due, overdue or lost to follow-up; a
secretary assisting her; a second practitioner whose carrier the secretary never sees.
Everything through the services, on the suite's real encrypted database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import UserInput

RPPS_BERNARD = "1000067890" + luhn_key("1000067890")


def carrier_genetics(gene: str) -> Genetics:
    return Genetics(
        tests=(
            GeneticTest(
                id="t1",
                kind="panel",
                date=dt.date(2024, 3, 12),
                laboratory="Laboratoire Kerdoc",
                genes=(gene,),
                status="result_received",
            ),
        ),
        variants=(Variant(gene=gene, hgvs_c="c.68_69del", acmg_class=5, test_id="t1"),),
    )


def years_ago(years: int, days: int = 0) -> dt.date:
    today = dt.date.today()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day - dt.timedelta(days=days)


@dataclass
class FollowupTeam:
    db: Any  # tests/gui/conftest.py's GuiDatabase
    practitioner: UserSession
    practitioner_id: int
    secretary_id: int
    other_id: int
    #: patient name -> patient id
    patients: dict[str, int] = field(default_factory=dict)

    def secretary(self) -> UserSession:
        return self.db.login("sleroy")

    def book(self, name: str, exam: str, days: int, hour: int, place: str = "Radiologie") -> int:
        """An appointment for ``name`` in ``days`` days (the practitioner books it)."""
        day = dt.date.today() + dt.timedelta(days=days)
        return self.practitioner.appointments.book(
            AppointmentInput(
                patient_id=self.patients[name],
                exam=exam,
                starts_at=dt.datetime.combine(day, dt.time(hour, 0)),
                duration_minutes=30,
                place=place,
                practitioner_id=self.practitioner_id,
            )
        ).appointment.id


# name, first names, gene, birth date, MRI done (days before today) or None
CARRIERS = (
    ("LEFÈVRE", "Hélène", "BRCA1", (1990, 5, 10), 365 - 10),  # MRI due in 10 days
    ("MARTIN", "Julie", "BRCA1", (1988, 2, 3), 365 - 20),  # MRI due in 20 days
    ("NGUYEN", "Anh", "BRCA1", (1985, 9, 21), 365 - 30),  # MRI due in 30 days
    ("ROUX", "Camille", "BRCA1", (1986, 1, 15), 365 + 60),  # MRI overdue by 60 days
    ("PETIT", "Louise", "BRCA2", (1980, 11, 2), None),  # nothing done: lost
)


def make_followup_team(db: Any, recovery_code: str) -> FollowupTeam:
    practitioner_id = db.user_ids["cdubois"]
    other_id = db.add_user(
        "pbernard",
        Role.PRACTITIONER,
        first_name="Pauline",
        last_name="Bernard",
        rpps=RPPS_BERNARD,
    )
    secretary_id = db.add_user(
        "sleroy",
        Role.SECRETARY,
        first_name="Sylvie",
        last_name="Leroy",
        assisted_practitioner_ids=(practitioner_id,),
    )
    admin = db.login(db.admin_login)
    (structure,) = admin.users.list_structures()
    for login in ("cdubois", "pbernard"):
        user = admin.users.get_user(db.user_ids[login])
        admin.users.update_user(
            user.id,
            UserInput(
                login=user.login,
                first_name=user.first_name,
                last_name=user.last_name,
                role=Role.PRACTITIONER,
                rpps=user.rpps,
                structure_id=structure.id,
            ),
            expected_version=user.version,
        )
    admin.logout()
    practitioner = db.login("cdubois")
    practitioner.clinical_key.approve_with_recovery_code(practitioner_id, recovery_code)
    team = FollowupTeam(db, practitioner, practitioner_id, secretary_id, other_id)
    today = dt.date.today()
    for name, first, gene, birth, mri_done in CARRIERS:
        patient = practitioner.patients.create(
            IdentityFields(
                birth_name=name.capitalize(),
                first_names=first,
                birth_date=dt.date(*birth),
                sex="F",
                address="3 rue Pasteur",
                postal_code="69007",
                city="Lyon",
            )
        )
        practitioner.forms.save(patient.id, "genetics", carrier_genetics(gene), expected_version=0)
        if mri_done is not None:
            practitioner.followup.mark_done(
                patient.id, f"{gene.lower()}:breast_mri", today - dt.timedelta(days=mri_done)
            )
        team.patients[name] = patient.id
    practitioner.clinical_key.approve(other_id)
    other = db.login("pbernard")
    patient = other.patients.create(
        IdentityFields(
            birth_name="Bernardin",
            first_names="Zoé",
            birth_date=dt.date(1984, 4, 4),
            sex="F",
        )
    )
    other.forms.save(patient.id, "genetics", carrier_genetics("BRCA1"), expected_version=0)
    team.patients["BERNARDIN"] = patient.id
    other.logout()
    return team
