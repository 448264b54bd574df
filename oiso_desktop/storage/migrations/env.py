"""Alembic environment: online only, on the connection handed in by the caller."""

from __future__ import annotations

from alembic import context

from oiso_desktop.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "OISO migrations run through oiso_desktop.storage.migrations.upgrade_to_head()"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
