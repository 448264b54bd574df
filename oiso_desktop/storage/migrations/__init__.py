"""Alembic migrations, driven programmatically (no alembic.ini needed at runtime).

``upgrade_to_head(engine)`` brings a database to the newest schema inside one
transaction. ``env.py`` takes the connection from
``config.attributes["connection"]``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    # path_separator=os: an install folder with spaces ("Program Files") must not be
    # split into several paths.
    config.set_main_option("path_separator", "os")
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every missing migration (no-op when the schema is current)."""
    with engine.begin() as connection:
        if current_revision(connection) == head_revision():
            return
        command.upgrade(alembic_config(connection), "head")
