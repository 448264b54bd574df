"""Sharing: the share level as an enumeration, the owner's message, the recipient's
notice, and the break-the-glass accesses awaiting review.

Existing shares keep their rows; a level other than read / write (none was ever
written by the application) becomes "read", the safer of the two.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE patient_shares SET access = lower(trim(access)) "
        "WHERE lower(trim(access)) IN ('read', 'write')"
    )
    op.execute("UPDATE patient_shares SET access = 'read' WHERE access NOT IN ('read', 'write')")
    with op.batch_alter_table("patient_shares") as batch:
        batch.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("notified_at", sa.DateTime(), nullable=True))
        batch.create_check_constraint("access", "access IN ('read', 'write')")
    # Shares made before this version were never announced: no notice for them.
    op.execute("UPDATE patient_shares SET notified_at = granted_at")
    op.create_table(
        "break_glass_accesses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("owner_notified_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_break_glass_accesses_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_break_glass_accesses_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_break_glass_accesses_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["users.id"],
            name=op.f("fk_break_glass_accesses_reviewed_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_accesses")),
    )
    op.create_index("ix_break_glass_owner", "break_glass_accesses", ["owner_id"])
    op.create_index("ix_break_glass_reviewed", "break_glass_accesses", ["reviewed_at"])


def downgrade() -> None:
    op.drop_index("ix_break_glass_reviewed", table_name="break_glass_accesses")
    op.drop_index("ix_break_glass_owner", table_name="break_glass_accesses")
    op.drop_table("break_glass_accesses")
    with op.batch_alter_table("patient_shares") as batch:
        batch.drop_constraint("ck_patient_shares_access", type_="check")
        batch.drop_column("notified_at")
        batch.drop_column("message")
