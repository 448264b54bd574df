from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from storage_helpers import Folder

from oiso_desktop.storage.migrations import current_revision, head_revision, upgrade_to_head
from oiso_desktop.storage.models import Base


def test_migrated_schema_equals_the_models(folder: Folder) -> None:
    database = folder.login("admin", "Correct-horse-42!")
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert current_revision(conn) == head_revision() == "0001"
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
            assert current_revision(conn) == "0001"
    finally:
        database.dispose()


def test_migration_files_are_package_data() -> None:
    import oiso_desktop.storage.migrations as migrations

    folder = Path(migrations.__file__).parent
    assert (folder / "env.py").is_file()
    assert (folder / "script.py.mako").is_file()
    assert (folder / "versions" / "0001_baseline.py").is_file()
