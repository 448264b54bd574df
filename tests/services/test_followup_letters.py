"""Convocation and reminder letters through the service: one PDF, one page per
patient with the right names and dates, the signing practitioner, the access of each
role, the events with the count only, saving as a logged act."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from service_helpers import RPPS_DURAND, Clock, Team, identity

from oiso_desktop.domain.errors import ErrorCode, PermissionDenied, ValidationError
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.services.appointment_service import AppointmentInput
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.uow import UnitOfWork


def at(clock: Clock, days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = clock.now.astimezone().date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def logged(session: UserSession, action: str) -> list[dict[str, object]]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = uow.session.query(Event).filter(Event.action == action).order_by(Event.id)
        return [json.loads(row.details) for row in rows]


@pytest.fixture
def durand(team: Team) -> UserSession:
    return team.login("p.durand")


PATIENTS = (
    ("Lefèvre", "Hélène", "F", "3 rue Pasteur", "69007", "Lyon"),
    ("Martin", "Jules", "M", "12 avenue Foch", "75016", "Paris"),
    ("Nguyen", "Anh", "F", "1 place Bellecour", "69002", "Lyon"),
)


def test_a_secretary_prints_one_convocation_per_patient(
    team: Team, durand: UserSession, clock: Clock, tmp_path: Path
) -> None:
    ids = []
    for index, (name, first, sex, address, postal, city) in enumerate(PATIENTS):
        patient = durand.patients.create(
            identity(
                birth_name=name,
                first_names=first,
                sex=sex,
                address=address,
                postal_code=postal,
                city=city,
            )
        )
        ids.append(
            durand.appointments.book(
                AppointmentInput(
                    patient_id=patient.id,
                    exam="colonoscopy" if index else "breast_mri",
                    starts_at=at(clock, 9 + index, 8 + index, 15),
                    duration_minutes=30,
                    place=f"Site {index + 1}",
                    practitioner_id=team.ids["p.durand"],
                )
            ).appointment.id
        )
    secretary = team.login("s.leroy")
    batch = secretary.followup_letters.letters("convocation", ids + ids[:1])
    assert batch.count == 3 and "pdf" not in repr(batch)
    texts = page_texts(batch.pdf)
    assert len(texts) == 3
    for index, text in enumerate(texts):
        name, first, _, address, postal, city = PATIENTS[index]
        start = at(clock, 9 + index, 8 + index, 15)
        assert f"{first} {name.upper()}" in text
        assert address in text and f"{postal} {city}" in text
        assert f"{start.day}" in text and f"à {start.hour} h 15" in text
        assert f"Lieu : Site {index + 1}" in text
        assert "Dr Paul Durand" in text and f"RPPS : {RPPS_DURAND}" in text
        others = [p[0].upper() for p in PATIENTS if p[0] != name]
        assert not any(other in text for other in others)
    assert "IRM mammaire" in texts[0] and "Coloscopie" in texts[1]
    assert logged(durand, "letters_printed") == [{"kind": "convocation", "count": 3}]

    path = tmp_path / batch.file_name
    assert secretary.followup_letters.export(batch, path) == len(batch.pdf)
    assert path.read_bytes() == batch.pdf
    assert "convocations-" in path.name and "fevre" not in path.name.lower()
    assert logged(durand, "letters_exported") == [{"kind": "convocation", "count": 3}]


def test_reminders_give_the_due_date_and_are_signed_by_the_owner(
    team: Team,
    durand: UserSession,
    clock: Clock,
    created_db,  # type: ignore[no-untyped-def]
) -> None:
    durand.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    patient = durand.patients.create(
        identity(birth_date=dt.date(1990, 5, 10), address="3 rue Pasteur", city="Lyon")
    )
    carrier = Genetics(
        tests=(GeneticTest(id="t1", date=dt.date(2024, 1, 8), genes=("BRCA2",)),),
        variants=(Variant(gene="BRCA2", hgvs_c="c.5946del", acmg_class=5, test_id="t1"),),
    )
    durand.forms.save(patient.id, "genetics", carrier, expected_version=0)
    secretary = team.login("s.leroy")
    overdue = secretary.followup.worklist(WorklistKind.OVERDUE, exam="mammography")
    (row,) = secretary.followup.worklist_page(overdue.ids)
    assert row.next_due == dt.date(2020, 5, 10)
    batch = secretary.followup_letters.letters("reminder", overdue.ids)
    (text,) = page_texts(batch.pdf)
    assert "rappel de suivi — mammographie" in text
    assert "Prévu depuis le 10 mai 2020" in text
    assert "Merci de prendre rendez-vous" in text
    assert "Hélène LEFÈVRE" in text and "Dr Paul Durand" in text
    assert "BRCA" not in text and "5946" not in text
    assert logged(durand, "letters_printed") == [{"kind": "reminder", "count": 1}]


def test_letters_are_refused_outside_ones_files_and_for_nothing(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    bernard = team.login("p.bernard")
    other = bernard.patients.create(identity(birth_name="Autre"))
    appointment = bernard.appointments.book(
        AppointmentInput(
            patient_id=other.id,
            exam="mammography",
            starts_at=at(clock, 3, 10),
            duration_minutes=20,
            place="Site",
            practitioner_id=team.ids["p.bernard"],
        )
    ).appointment
    with pytest.raises(PermissionDenied):
        team.login("s.leroy").followup_letters.letters("convocation", [appointment.id])
    with pytest.raises(PermissionDenied):
        team.login("admin").followup_letters.letters("convocation", [appointment.id])
    with pytest.raises(ValidationError) as empty:
        durand.followup_letters.letters("reminder", [])
    assert empty.value.code == ErrorCode.LETTERS_NOTHING_SELECTED
    cancelled = bernard.appointments.cancel(appointment.id, expected_version=appointment.version)
    with pytest.raises(ValidationError) as closed:
        bernard.followup_letters.letters("convocation", [cancelled.id])
    assert closed.value.code == ErrorCode.APPOINTMENT_TRANSITION
    assert logged(durand, "letters_printed") == []
    assert dataclasses.is_dataclass(cancelled)
