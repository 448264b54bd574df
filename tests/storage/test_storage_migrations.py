from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from storage_helpers import Folder

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


def test_migrated_schema_equals_the_models(folder: Folder) -> None:
    database = folder.login("admin", "Correct-horse-42!")
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert current_revision(conn) == head_revision() == "0009"
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) | {"alembic_version"} == tables
    finally:
        database.dispose()


def test_upgrade_is_idempotent(folder: Folder) -> None:
    database = folder.login("admin", "Correct-horse-42!")
    try:
        upgrade_to_head(database.engine)
        upgrade_to_head(database.engine)
        with database.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        database.dispose()


def test_migration_files_are_package_data() -> None:
    import oiso_desktop.storage.migrations as migrations

    folder = Path(migrations.__file__).parent
    assert (folder / "env.py").is_file()
    assert (folder / "script.py.mako").is_file()
    assert (folder / "versions" / "0001_baseline.py").is_file()
    assert (folder / "versions" / "0002_clinical_forms.py").is_file()
    assert (folder / "versions" / "0003_documents.py").is_file()
    assert (folder / "versions" / "0004_sharing.py").is_file()
    assert (folder / "versions" / "0005_followup.py").is_file()
    assert (folder / "versions" / "0006_retention.py").is_file()
    assert (folder / "versions" / "0007_departed_files.py").is_file()
    assert (folder / "versions" / "0009_ids_and_retention_clock.py").is_file()


def test_a_database_of_the_baseline_is_upgraded_to_the_clinical_forms(tmp_path: Path) -> None:
    engine = create_sqlcipher_engine(tmp_path / "old.db", new_dmk(), create=True)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0001")
            assert "clinical_forms" not in inspect(conn).get_table_names()
        upgrade_to_head(engine)
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_the_clinical_form_contents_are_registered_for_the_re_encryption() -> None:
    found = {(c.table.name, c.column) for c in encrypted_columns()}
    assert {("clinical_forms", "content"), ("clinical_form_revisions", "content")} <= found
    keys = {c.table.name: [k.name for k in c.row_key_columns] for c in encrypted_columns()}
    assert keys["clinical_forms"] == ["patient_id", "kind"]
    assert keys["clinical_form_revisions"] == ["form_id", "revision"]


def test_the_attachment_columns_are_registered_for_the_re_encryption() -> None:
    found = {(c.table.name, c.column) for c in encrypted_columns()}
    assert {
        ("documents", "title"),
        ("documents", "file_name"),
        ("documents", "digest"),
        ("document_chunks", "data"),
    } <= found
    keys = {c.table.name: [k.name for k in c.row_key_columns] for c in encrypted_columns()}
    assert keys["documents"] == ["uuid"]
    assert keys["document_chunks"] == ["document_id", "seq"]


def test_a_database_of_the_clinical_forms_is_upgraded_to_the_attachments(
    tmp_path: Path,
) -> None:
    engine = create_sqlcipher_engine(tmp_path / "old.db", new_dmk(), create=True)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            assert "documents" not in inspect(conn).get_table_names()
        upgrade_to_head(engine)
        with engine.connect() as conn:
            assert {"documents", "document_chunks"} <= set(inspect(conn).get_table_names())
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_shares_of_a_0003_database_are_kept_with_their_level(tmp_path: Path) -> None:
    engine = create_sqlcipher_engine(tmp_path / "old.db", new_dmk(), create=True)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0003")
            conn.execute(
                text(
                    "INSERT INTO users (id, login, first_name, last_name, email, phone,"
                    " profession, specialty, rpps_luhn_confirmed, role, status,"
                    " must_change_password, created_at, version) VALUES"
                    " (1, 'a', 'A', 'A', '', '', '', '', 0, 'practitioner', 'active', 0,"
                    " '2026-01-01 00:00:00', 1),"
                    " (2, 'b', 'B', 'B', '', '', '', '', 0, 'practitioner', 'active', 0,"
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
                    " '', 'alive', 'x y', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 1, 1),"
                    " (2, 1, 'Z', '', 'Y', '1970-01-01', '', 'F', 'PROV', '', '', '', '', '',"
                    " '', 'alive', 'z y', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 1, 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO patient_shares (patient_id, user_id, access, granted_at,"
                    " granted_by_id) VALUES (1, 2, ' Write', '2026-01-02 00:00:00', 1),"
                    " (2, 2, 'lecture', '2026-01-02 00:00:00', 1)"
                )
            )
        upgrade_to_head(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT patient_id, access, message, notified_at FROM patient_shares")
            ).all()
            assert sorted((r[0], r[1], r[2]) for r in rows) == [(1, "write", ""), (2, "read", "")]
            assert all(r[3] is not None for r in rows)  # old shares: no login notice
    finally:
        engine.dispose()
