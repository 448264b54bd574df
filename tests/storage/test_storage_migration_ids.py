"""Migration 0009: the highest ids ever given are seeded from the tables and from what
the event log still names (an erased newest file, a deleted attachment); the next ORM
insert goes above them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from oiso_desktop.storage.crypto import new_dmk
from oiso_desktop.storage.engine import create_sqlcipher_engine
from oiso_desktop.storage.migrations import alembic_config, upgrade_to_head
from oiso_desktop.storage.models import Patient

USER = (
    "INSERT INTO users (id, login, first_name, last_name, email, phone, profession,"
    " specialty, rpps_luhn_confirmed, role, status, must_change_password, created_at,"
    " version) VALUES (1, 'a', 'A', 'A', '', '', '', '', 0, 'practitioner', 'active', 0,"
    " '2026-01-01 00:00:00', 1)"
)
PATIENT = (
    "INSERT INTO patients (id, owner_id, birth_name, used_name, first_names, birth_date,"
    " birth_place_code, sex, ins_status, address, postal_code, city, phone, email,"
    " referring_physician, vital_status, search_names, created_at, updated_at,"
    " created_by_id, updated_by_id, version) VALUES (:id, 1, 'X', '', 'Y', '1970-01-01',"
    " '', 'F', 'PROV', '', '', '', '', '', '', 'alive', 'x y', '2026-01-01 00:00:00',"
    " '2026-01-01 00:00:00', 1, 1, 1)"
)
EVENT = (
    "INSERT INTO events (id, occurred_at, user_id, login, action, object_type, object_id,"
    " workstation, app_version, details, prev_hash, hash) VALUES (:id,"
    " '2026-01-01T00:00:00.000000Z', 1, 'a', :action, 'patient', :object, 'pc', '0.1',"
    " :details, :prev, :hash)"
)


def test_a_0008_database_gets_high_water_marks_from_its_tables_and_its_log(
    tmp_path: Path,
) -> None:
    engine = create_sqlcipher_engine(tmp_path / "old.db", new_dmk(), create=True)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0008")
            conn.execute(text(USER))
            conn.execute(text(PATIENT), {"id": 3})
            # The log names file 7 (erased since) and attachment 12 (deleted since).
            for number, (action, patient, details) in enumerate(
                (
                    ("patient_created", 7, "{}"),
                    ("patient_erased", 7, "{}"),
                    ("document_added", 3, '{"document":12}'),
                ),
                start=1,
            ):
                conn.execute(
                    text(EVENT),
                    {
                        "id": number,
                        "action": action,
                        "object": patient,
                        "details": details,
                        "prev": f"{number - 1:064d}",
                        "hash": f"{number:064d}",
                    },
                )
        upgrade_to_head(engine)
        with engine.begin() as conn:
            rows = conn.execute(text("SELECT table_name, last_id FROM id_high_water")).all()
            marks = {name: last for name, last in rows}
        assert marks == {"patients": 7, "documents": 12}
        with Session(engine) as session:
            patient = Patient(
                owner_id=1,
                birth_name="Z",
                first_names="W",
                birth_date=dt.date(1980, 1, 1),
                sex="F",
                search_names="z w",
                created_by_id=1,
                updated_by_id=1,
            )
            session.add(patient)
            session.commit()
            assert patient.id == 8  # not 4: the log still names file 7
    finally:
        engine.dispose()
