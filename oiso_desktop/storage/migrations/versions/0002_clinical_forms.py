"""Clinical forms: the current content of each form and its previous revisions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    # The content columns hold clinical-key ciphertexts (field_crypto.ClinicalCiphertext,
    # a BLOB); the model's type is what finds them for the re-encryption job.
    op.create_table(
        "clinical_forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_clinical_forms_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_clinical_forms_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_clinical_forms_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinical_forms")),
        sa.UniqueConstraint("patient_id", "kind", name="uq_clinical_forms_patient_kind"),
    )
    op.create_table(
        "clinical_form_revisions",
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["clinical_forms.id"],
            name=op.f("fk_clinical_form_revisions_form_id_clinical_forms"),
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"],
            ["users.id"],
            name=op.f("fk_clinical_form_revisions_saved_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("form_id", "revision", name=op.f("pk_clinical_form_revisions")),
    )


def downgrade() -> None:
    op.drop_table("clinical_form_revisions")
    op.drop_table("clinical_forms")
