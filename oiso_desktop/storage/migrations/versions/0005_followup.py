"""Follow-up: surveillance protocols (versioned), the structures' choice between French
practice and ESGE, plan items, adjustments, performed exams and appointments.

Plan items and appointments hold exams and dates only (no gene, no variant): the
secretaries' worklists read them without the clinical key. The result summaries of
performed exams and the reasons of plan adjustments are clinical-key ciphertexts
(``field_crypto.ClinicalCiphertext``, a BLOB).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "followup_protocols",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("variant", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source_note", sa.Text(), nullable=False),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("followup_protocols", "created_by_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_protocols")),
        sa.UniqueConstraint("key", "version", name="uq_followup_protocols_key_version"),
    )
    op.create_table(
        "followup_choices",
        sa.Column("structure_id", sa.Integer(), nullable=False),
        sa.Column("lynch", sa.String(length=10), nullable=False),
        sa.Column("apc", sa.String(length=10), nullable=False),
        sa.Column("mutyh", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("followup_choices", "structure_id", "structures"),
        _fk("followup_choices", "updated_by_id", "users"),
        sa.PrimaryKeyConstraint("structure_id", name=op.f("pk_followup_choices")),
    )
    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("exam", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("start_age", sa.Integer(), nullable=True),
        sa.Column("end_age", sa.Integer(), nullable=True),
        sa.Column("interval_months", sa.Integer(), nullable=True),
        sa.Column("fixed_ages", sa.Text(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("last_done", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("protocol_key", sa.String(length=50), nullable=False),
        sa.Column("protocol_version", sa.Integer(), nullable=False),
        sa.Column("adjusted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("plan_items", "patient_id", "patients"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("patient_id", "key", name="uq_plan_items_patient_key"),
    )
    op.create_index("ix_plan_items_next_due", "plan_items", ["next_due"])
    op.create_index("ix_plan_items_exam_next_due", "plan_items", ["exam", "next_due"])
    op.create_table(
        "plan_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("overrides", sa.Text(), nullable=False),
        sa.Column("reason", sa.LargeBinary(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("plan_adjustments", "patient_id", "patients"),
        _fk("plan_adjustments", "created_by_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_adjustments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_adjustments_uuid")),
    )
    op.create_index("ix_plan_adjustments_patient", "plan_adjustments", ["patient_id", "item_key"])
    op.create_table(
        "performed_exams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("exam", sa.String(length=40), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=False),
        sa.Column("result_summary", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _fk("performed_exams", "patient_id", "patients"),
        _fk("performed_exams", "recorded_by_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performed_exams")),
        sa.UniqueConstraint("uuid", name=op.f("uq_performed_exams_uuid")),
    )
    op.create_index("ix_performed_exams_patient", "performed_exams", ["patient_id", "performed_on"])
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("exam", sa.String(length=40), nullable=False),
        sa.Column("plan_item_key", sa.String(length=80), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("rescheduled_from_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'confirmed', 'done', 'missed', 'cancelled')",
            name=op.f("ck_appointments_status"),
        ),
        sa.CheckConstraint("duration_minutes > 0", name=op.f("ck_appointments_duration")),
        _fk("appointments", "patient_id", "patients"),
        _fk("appointments", "practitioner_id", "users"),
        _fk("appointments", "rescheduled_from_id", "appointments"),
        _fk("appointments", "created_by_id", "users"),
        _fk("appointments", "updated_by_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    op.create_index("ix_appointments_patient", "appointments", ["patient_id", "starts_at"])
    op.create_index(
        "ix_appointments_practitioner", "appointments", ["practitioner_id", "starts_at"]
    )
    op.create_index("ix_appointments_place", "appointments", ["place", "starts_at"])


def downgrade() -> None:
    op.drop_index("ix_appointments_place", table_name="appointments")
    op.drop_index("ix_appointments_practitioner", table_name="appointments")
    op.drop_index("ix_appointments_patient", table_name="appointments")
    op.drop_table("appointments")
    op.drop_index("ix_performed_exams_patient", table_name="performed_exams")
    op.drop_table("performed_exams")
    op.drop_index("ix_plan_adjustments_patient", table_name="plan_adjustments")
    op.drop_table("plan_adjustments")
    op.drop_index("ix_plan_items_exam_next_due", table_name="plan_items")
    op.drop_index("ix_plan_items_next_due", table_name="plan_items")
    op.drop_table("plan_items")
    op.drop_table("followup_choices")
    op.drop_table("followup_protocols")
