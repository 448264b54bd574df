"""Departed users' files and access alerts (issue 10).

``patients.retention_state`` (active | archived) and ``archived_at``;
``users.revoked_at`` (filled from ``status_changed_at`` for the accounts already
revoked); the ``access_alerts`` table of the administrators' review queue.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.add_column(
            sa.Column(
                "retention_state", sa.String(length=10), nullable=False, server_default="active"
            )
        )
        batch.add_column(sa.Column("archived_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE users SET revoked_at = status_changed_at "
        "WHERE status IN ('revoked', 'deleted') AND revoked_at IS NULL"
    )
    op.create_table(
        "access_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("window_end", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_access_alerts_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"], ["users.id"], name=op.f("fk_access_alerts_reviewed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_alerts")),
    )
    op.create_index("ix_access_alerts_subject", "access_alerts", ["kind", "login", "window_start"])
    op.create_index("ix_access_alerts_reviewed", "access_alerts", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index("ix_access_alerts_reviewed", table_name="access_alerts")
    op.drop_index("ix_access_alerts_subject", table_name="access_alerts")
    op.drop_table("access_alerts")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("revoked_at")
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("archived_at")
        batch.drop_column("retention_state")
