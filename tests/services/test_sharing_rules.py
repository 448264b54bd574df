"""The two copies of the access rule agree: the SQL filter of lists and searches
(``PatientScope.filter`` through ``PatientRepository.search_ids``) and the rule for
one file (``PatientScope.access``), on generated data: users of every role and
account state, files (active, archived or being deleted), shares of both levels,
assistances and break-the-glass.

(Server mode will add a third copy, row-level security, to this same test.)
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from service_helpers import Team

from oiso_desktop.domain.permissions import PatientAccess, ShareAccess
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.services.access import PatientScope
from oiso_desktop.services.context import actor_of
from oiso_desktop.storage.models import Assistance, Patient, PatientShare, User
from oiso_desktop.storage.uow import UnitOfWork

FILE_STATES = ("active",) * 8 + ("archived", "deleting")
STATUSES = (
    AccountStatus.ACTIVE,
    AccountStatus.ACTIVE,
    AccountStatus.SUSPENDED,
    AccountStatus.REVOKED,
)


def _generate(uow: UnitOfWork, rng: random.Random, admin_id: int) -> tuple[list[User], list[int]]:
    users: list[User] = []
    for n in range(24):
        role = rng.choice(list(Role))
        user = User(
            login=f"gen{n}",
            first_name="Gen",
            last_name=f"User{n}",
            role=role.value,
            status=rng.choice(STATUSES).value,
        )
        uow.session.add(user)
        users.append(user)
    uow.session.flush()
    professionals = [u for u in users if u.role in ("practitioner", "genetic_counsellor")]
    secretaries = [u for u in users if u.role == "secretary"]
    patients: list[int] = []
    for n in range(300):
        owner = rng.choice(users)  # any role: a demoted owner must not widen access
        patient = Patient(
            owner_id=owner.id,
            birth_name=f"Nom{n}",
            first_names="Prénom",
            birth_date=dt.date(1950, 1, 1) + dt.timedelta(days=n),
            sex="F",
            search_names=f"nom{n} prenom",
            created_by_id=admin_id,
            updated_by_id=admin_id,
            # archived or being deleted (departed users' files): nobody's
            retention_state=rng.choice(FILE_STATES),
        )
        uow.session.add(patient)
        uow.session.flush()
        patients.append(patient.id)
        for recipient in rng.sample(professionals, k=min(len(professionals), rng.randint(0, 3))):
            if recipient.id != owner.id:
                uow.session.add(
                    PatientShare(
                        patient_id=patient.id,
                        user_id=recipient.id,
                        access=rng.choice(list(ShareAccess)).value,
                        granted_by_id=owner.id,
                    )
                )
    for secretary in secretaries:
        for practitioner in rng.sample(users, k=rng.randint(0, 4)):
            if practitioner.id != secretary.id:
                uow.session.add(
                    Assistance(secretary_id=secretary.id, practitioner_id=practitioner.id)
                )
    uow.session.flush()
    return users, patients


@pytest.mark.parametrize("seed", range(4))
def test_the_sql_filter_and_the_per_file_rule_agree(team: Team, seed: int) -> None:
    rng = random.Random(seed)
    admin = team.sessions[0]
    checked = 0
    with UnitOfWork(admin.ctx.database.session_factory) as uow:  # never committed
        users, patient_ids = _generate(uow, rng, admin.actor.user_id)
        every = {p.id: p for p in uow.session.query(Patient).filter(Patient.id.in_(patient_ids))}
        for user in users:
            scope = PatientScope(uow, actor_of(user))
            if user.role == "practitioner":
                scope.break_glass = set(rng.sample(patient_ids, k=5))
            listed = set(uow.patients.search_ids(**scope.filter())) & set(patient_ids)
            shares = scope.shares(patient_ids)
            by_row = {
                pid
                for pid, patient in every.items()
                if scope.access(patient, shares.get(pid)) is not PatientAccess.NONE
            }
            assert listed == by_row, (user.role, user.status, listed ^ by_row)
            one_by_one = {
                pid for pid in rng.sample(patient_ids, k=40) if scope.access_to(every[pid])
            }
            assert one_by_one <= by_row
            assert not {pid for pid in by_row if every[pid].retention_state != "active"}
            checked += len(patient_ids)
    print(f"seed {seed}: {len(users)} users x {len(patient_ids)} files: {checked} pairs agree")
