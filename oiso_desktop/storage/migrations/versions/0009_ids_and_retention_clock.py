"""Ids never given twice; the departed-file clock restarts while a file is shared.

* ``id_high_water``: the highest id ever given, per table, for the tables whose ids
  other records name after a deletion (``patients``: events, other families'
  pedigree links; ``documents``: events, genetics links to signed consents).
  SQLite gives ``max(id) + 1``: erasing or deleting the newest file would hand its
  id to the next one, which would inherit its history and its links. Seeded from
  what the tables and the event log still name.
* ``patients.retention_since``: the last time the maintenance job saw a departed
  owner's file shared. The kept year and the archived year count from it when it is
  later than the owner's departure (a file that loses its last share years after its
  owner left is kept a year, not deleted at the next run).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "id_high_water",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_id_high_water")),
    )
    op.execute(
        "INSERT INTO id_high_water (table_name, last_id) SELECT 'patients', max("
        "coalesce((SELECT max(id) FROM patients), 0), "
        "coalesce((SELECT max(object_id) FROM events WHERE object_type = 'patient'), 0))"
    )
    bind = op.get_bind()
    documents = bind.execute(sa.text("SELECT coalesce(max(id), 0) FROM documents")).scalar()
    named = 0
    rows = bind.execute(
        sa.text("SELECT details FROM events WHERE details LIKE '%\"document\":%'")
    ).scalars()

    for details in rows:
        try:
            value = json.loads(details).get("document")
        except (ValueError, AttributeError):
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            named = max(named, value)
    bind.execute(
        sa.text("INSERT INTO id_high_water (table_name, last_id) VALUES ('documents', :last)"),
        {"last": max(int(documents or 0), named)},
    )
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("retention_since", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("retention_since")
    op.drop_table("id_high_water")
