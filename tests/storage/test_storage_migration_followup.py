"""Migration 0005: a database of version 0004 with a patient gets the follow-up tables,
the patient kept; the new clinical columns are known to the re-encryption job."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from oiso_desktop.storage.crypto import new_dmk
from oiso_desktop.storage.engine import create_sqlcipher_engine
from oiso_desktop.storage.field_crypto import encrypted_columns
from oiso_desktop.storage.migrations import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from oiso_desktop.storage.models import Base

FOLLOWUP_TABLES = {
    "followup_protocols",
    "followup_choices",
    "plan_items",
    "plan_adjustments",
    "performed_exams",
    "appointments",
    "plan_selections",
}


def test_a_0004_database_is_upgraded_to_the_followup_tables(tmp_path: Path) -> None:
    engine = create_sqlcipher_engine(tmp_path / "old.db", new_dmk(), create=True)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0004")
            assert not FOLLOWUP_TABLES & set(inspect(conn).get_table_names())
            conn.execute(
                text(
                    "INSERT INTO users (id, login, first_name, last_name, email, phone,"
                    " profession, specialty, rpps_luhn_confirmed, role, status,"
                    " must_change_password, created_at, version) VALUES"
                    " (1, 'a', 'A', 'A', '', '', '', '', 0, 'practitioner', 'active', 0,"
                    " '2026-01-01 00:00:00', 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO patients (id, owner_id, birth_name, used_name, first_names,"
                    " birth_date, birth_place_code, sex, ins_status, address, postal_code,"
                    " city, phone, email, referring_physician, vital_status, search_names,"
                    " created_at, updated_at, created_by_id, updated_by_id, version) VALUES"
                    " (1, 1, 'X', '', 'Y', '1970-01-01', '', 'F', 'PROV', '', '', '', '', '',"
                    " '', 'alive', 'x y', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 1, 1)"
                )
            )
        upgrade_to_head(engine)
        with engine.begin() as conn:
            assert current_revision(conn) == head_revision()
            assert set(inspect(conn).get_table_names()) >= FOLLOWUP_TABLES
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert conn.execute(text("SELECT birth_name FROM patients")).scalar_one() == "X"
            conn.execute(
                text(
                    "INSERT INTO appointments (patient_id, exam, starts_at,"
                    " duration_minutes, place, practitioner_id, status, note, created_by_id,"
                    " created_at, updated_by_id, updated_at, version) VALUES (1, 'breast_mri',"
                    " '2026-05-04 09:30:00', 30, 'Site A', 1, 'booked', '', 1,"
                    " '2026-01-01 00:00:00', 1, '2026-01-01 00:00:00', 1)"
                )
            )
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("appointments")}
            assert {"ix_appointments_practitioner", "ix_appointments_place"} <= indexes
            plan_indexes = {ix["name"] for ix in inspect(conn).get_indexes("plan_items")}
            assert "ix_plan_items_next_due" in plan_indexes
    finally:
        engine.dispose()


def test_the_followup_clinical_columns_are_registered_for_the_re_encryption() -> None:
    found = {(c.table.name, c.column) for c in encrypted_columns()}
    assert {
        ("performed_exams", "content"),
        ("plan_adjustments", "content"),
        ("plan_items", "origin"),
        ("plan_selections", "content"),
    } <= found
    keys = {c.table.name: [k.name for k in c.row_key_columns] for c in encrypted_columns()}
    assert keys["performed_exams"] == ["uuid"]
    assert keys["plan_adjustments"] == ["uuid"]
    assert keys["plan_items"] == ["uuid"]
    # Nothing of an appointment needs the clinical key.
    assert "appointments" not in {name for name, _ in found}
