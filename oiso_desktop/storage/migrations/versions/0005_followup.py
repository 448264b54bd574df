"""Follow-up: surveillance protocols (versioned), the structures' choice between French
practice and ESGE, plan items, adjustments, performed exams and appointments.

Plan items and appointments hold exams and dates only (no gene, no variant): the
secretaries' worklists read them without the clinical key. What would say more — a
plan item's key and protocol (which name the gene), the adjustments, the performed
exams' results, the protocols selected by hand — are clinical-key ciphertexts
(``field_crypto.ClinicalCiphertext``, a BLOB).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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


def _insert_seed_protocols() -> None:
    """The seed protocols of REFERENCE.md (``domain.followup.seed``), version 1 of each
    (and both versions, French practice and ESGE, where they differ). A later change of
    the seed ships as a migration adding the next versions."""
    from oiso_desktop.domain.followup.protocols import protocol_to_dict
    from oiso_desktop.domain.followup.seed import SEED_PROTOCOLS

    table = sa.table(
        "followup_protocols",
        sa.column("key", sa.String),
        sa.column("variant", sa.String),
        sa.column("version", sa.Integer),
        sa.column("name", sa.String),
        sa.column("body", sa.Text),
        sa.column("source_note", sa.Text),
        sa.column("custom", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("reason", sa.Text),
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    op.bulk_insert(
        table,
        [
            {
                "key": protocol.key,
                "variant": protocol.variant or "",
                "version": protocol.version,
                "name": protocol.name,
                "body": json.dumps(protocol_to_dict(protocol), ensure_ascii=False, sort_keys=True),
                "source_note": protocol.source_note,
                "custom": False,
                "created_at": now,
                "reason": "",
            }
            for protocol in SEED_PROTOCOLS
        ],
    )


def upgrade() -> None:
    op.create_table(
        "followup_protocols",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("variant", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source_note", sa.Text(), nullable=False),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("followup_protocols", "created_by_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_protocols")),
        sa.UniqueConstraint(
            "key", "variant", "version", name="uq_followup_protocols_key_variant_version"
        ),
    )
    _insert_seed_protocols()
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
        sa.Column("uuid", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.LargeBinary(), nullable=False),
        sa.Column("exam", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("start_age", sa.Float(), nullable=False),
        sa.Column("end_age", sa.Float(), nullable=True),
        sa.Column("interval_months", sa.Integer(), nullable=True),
        sa.Column("fixed_ages", sa.Text(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("last_done", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("adjusted", sa.Boolean(), nullable=False),
        sa.Column("to_confirm", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("plan_items", "patient_id", "patients"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_items_uuid")),
    )
    op.create_index("ix_plan_items_patient", "plan_items", ["patient_id"])
    op.create_index("ix_plan_items_next_due", "plan_items", ["next_due"])
    op.create_index("ix_plan_items_exam_next_due", "plan_items", ["exam", "next_due"])
    for table, extra in (
        ("plan_adjustments", []),
        ("performed_exams", ["exam", "performed_on"]),
        ("plan_selections", []),
    ):
        columns: list[Any] = [
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("uuid", sa.String(length=32), nullable=False),
            sa.Column("patient_id", sa.Integer(), nullable=False),
        ]
        if extra:
            columns += [
                sa.Column("exam", sa.String(length=40), nullable=False),
                sa.Column("performed_on", sa.Date(), nullable=False),
            ]
        author = "recorded" if extra else "created"
        columns += [
            sa.Column("content", sa.LargeBinary(), nullable=False),
            sa.Column(f"{author}_by_id", sa.Integer(), nullable=False),
            sa.Column(f"{author}_at", sa.DateTime(), nullable=False),
        ]
        op.create_table(
            table,
            *columns,
            _fk(table, "patient_id", "patients"),
            _fk(table, f"{author}_by_id", "users"),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("uuid", name=op.f(f"uq_{table}_uuid")),
        )
    op.create_index("ix_plan_adjustments_patient", "plan_adjustments", ["patient_id"])
    op.create_index("ix_performed_exams_patient", "performed_exams", ["patient_id", "performed_on"])
    op.create_index("ix_plan_selections_patient", "plan_selections", ["patient_id"])
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("exam", sa.String(length=40), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
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
        _fk("appointments", "plan_item_id", "plan_items"),
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
    op.drop_index("ix_plan_selections_patient", table_name="plan_selections")
    op.drop_table("plan_selections")
    op.drop_index("ix_plan_adjustments_patient", table_name="plan_adjustments")
    op.drop_table("plan_adjustments")
    op.drop_index("ix_plan_items_exam_next_due", table_name="plan_items")
    op.drop_index("ix_plan_items_next_due", table_name="plan_items")
    op.drop_index("ix_plan_items_patient", table_name="plan_items")
    op.drop_table("plan_items")
    op.drop_table("followup_choices")
    op.drop_table("followup_protocols")
