"""Patient rights: the restriction of a file (frozen read-only, with its reason).

Four nullable/defaulted columns on ``patients`` (restricted since, why; last lifted
on, why); no new table. Erasure and
portability need no schema change.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("restricted_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("restriction_reason", sa.Text(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("restriction_lifted_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("restriction_lift_reason", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("restriction_lift_reason")
        batch.drop_column("restriction_lifted_at")
        batch.drop_column("restriction_reason")
        batch.drop_column("restricted_at")
