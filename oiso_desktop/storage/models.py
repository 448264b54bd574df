"""SQLAlchemy 2 models. One model serves every backend.

Every editable row carries a ``version`` column used for optimistic locking
(``version_id_col``): a stale save raises ``StaleDataError``, which the
services turn into ``ConcurrentEditError``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from oiso_desktop.storage.field_crypto import ClinicalCiphertext, register_metadata

# Deterministic constraint names: Alembic batch migrations (SQLite) and PostgreSQL
# need names to alter constraints later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Setting(Base):
    """Database-wide settings (database uuid, schema facts, event-chain anchor...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Structure(Base):
    """A health structure (établissement) identified by its FINESS."""

    __tablename__ = "structures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    finess: Mapped[str | None] = mapped_column(String(9), unique=True)
    address: Mapped[str] = mapped_column(Text, default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    lab_client_number: Mapped[str] = mapped_column(String(50), default="", nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored lower-case; unique.
    login: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    email: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    profession: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    specialty: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    rpps: Mapped[str | None] = mapped_column(String(11))
    rpps_luhn_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    adeli: Mapped[str | None] = mapped_column(String(9))
    structure_id: Mapped[int | None] = mapped_column(ForeignKey("structures.id"))
    # admin | practitioner | genetic_counsellor | secretary  (domain.roles.Role)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    # active | suspended | revoked | deleted  (domain.roles.AccountStatus)
    status: Mapped[str] = mapped_column(String(20), default="active", nullable=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    inactivity_warning_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # When the account was revoked (0007): the departed user's files count from it,
    # and it stays when the account is later deleted on request.
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    structure: Mapped[Structure | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}


class Assistance(Base):
    """A secretary assists a practitioner: she sees that practitioner's files."""

    __tablename__ = "assistances"

    secretary_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)


class Patient(Base):
    """Identity part of the patient file (DESIGN.md §4)."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    birth_name: Mapped[str] = mapped_column(String(100), nullable=False)
    used_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    first_names: Mapped[str] = mapped_column(String(200), nullable=False)
    birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    birth_place_code: Mapped[str] = mapped_column(String(5), default="", nullable=False)
    # F | M | I (indéterminé)
    sex: Mapped[str] = mapped_column(String(1), nullable=False)
    nir: Mapped[str | None] = mapped_column(String(15))
    # PROV | RECUP | VALI | QUAL
    ins_status: Mapped[str] = mapped_column(String(5), default="PROV", nullable=False)
    address: Mapped[str] = mapped_column(Text, default="", nullable=False)
    postal_code: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    city: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    email: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    referring_physician: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    # alive | deceased | unknown
    vital_status: Mapped[str] = mapped_column(String(10), default="alive", nullable=False)
    death_date: Mapped[dt.date | None] = mapped_column(Date)
    # Restriction (patient rights): frozen read-only since then, with the owner's reason.
    restricted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    restriction_reason: Mapped[str] = mapped_column(
        Text, default="", server_default="", nullable=False
    )
    restriction_lifted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    restriction_lift_reason: Mapped[str] = mapped_column(
        Text, default="", server_default="", nullable=False
    )
    # Accent- and case-folded names, for instant search (domain.text.fold).
    search_names: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    # active | archived (0007; domain.retention.FileState): an archived file (a
    # departed owner's unshared file after its kept year) is hidden from everyone.
    retention_state: Mapped[str] = mapped_column(String(10), default="active", nullable=False)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # 0009: the last time the maintenance job saw this file shared while its owner
    # had departed; the kept and archived years count from it if later than the
    # departure.
    retention_since: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_patients_owner", "owner_id"),
        Index("ix_patients_birth_date", "birth_date"),
        Index("ix_patients_nir", "nir"),
        Index("ix_patients_search_names", "search_names"),
    )


class PatientShare(Base):
    """A file shared by its owner with another practitioner or counsellor."""

    __tablename__ = "patient_shares"

    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    # read | write  (domain.permissions.ShareAccess)
    access: Mapped[str] = mapped_column(String(10), nullable=False)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    granted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    # The owner's note to the recipient (no patient values expected; never logged).
    message: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # When the recipient was told of the share (None: at their next login).
    notified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_patient_shares_user", "user_id"),
        CheckConstraint("access IN ('read', 'write')", name="access"),
    )


class BreakGlassAccess(Base):
    """A practitioner opened a file not shared with them (read-only, one session).

    Shown to the file's owner at their next login (``owner_notified_at``) and
    queued for an administrator's review (``reviewed_at``): the admin sees who,
    when, which file id and the reason, never the file.
    """

    __tablename__ = "break_glass_accesses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    # The owner when the glass was broken (the one told of it).
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    owner_notified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    review_comment: Mapped[str] = mapped_column(Text, default="", nullable=False)

    __table_args__ = (
        Index("ix_break_glass_owner", "owner_id"),
        Index("ix_break_glass_reviewed", "reviewed_at"),
    )


class ClinicalForm(Base):
    """One clinical form of a patient file: its current content, encrypted under the CK.

    ``kind``: "history" | "family" (``domain.clinical_forms.FormKind``), one form of
    each kind per file. ``content`` is the form's JSON document
    (``clinical_forms.content_to_dict``) encrypted with the row key
    ``patient_id|kind`` (known before the insert). ``revision`` numbers the saved
    contents (1, 2, ...), apart from ``version``, the optimistic lock: the previous
    contents are rows of :class:`ClinicalFormRevision`.
    """

    __tablename__ = "clinical_forms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("patient_id", "kind", name="uq_clinical_forms_patient_kind"),
        {"info": {"clinical_row_key": ("patient_id", "kind")}},
    )


class ClinicalFormRevision(Base):
    """A previous content of a clinical form (never changed once written).

    Encrypted under the CK with the row key ``form_id|revision``.
    """

    __tablename__ = "clinical_form_revisions"

    form_id: Mapped[int] = mapped_column(ForeignKey("clinical_forms.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    content: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    saved_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)


class Document(Base):
    """An attachment of a patient file (lab report, letter...), DESIGN.md §4.

    Clear columns: what lists and sorts need and says nothing of a result
    (category, date of the document, media type, size, page count, whether the
    viewer can show it). Encrypted under the CK with the row key ``uuid`` (known
    before the insert): the ``title`` and the original ``file_name`` (either may
    name a result or the patient), and ``digest``, the SHA-256 of the clear
    content: kept encrypted, because a plain hash of a known file would let
    anyone holding only the database key confirm that this file is attached
    here. The content itself is in :class:`DocumentChunk` rows.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    # domain.documents.DocumentCategory
    category: Mapped[str] = mapped_column(String(30), nullable=False)
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    # domain.documents.MediaType
    media_type: Mapped[str] = mapped_column(String(50), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    chunk_count: Mapped[int] = mapped_column(Integer, nullable=False)
    page_count: Mapped[int | None] = mapped_column(Integer)
    # domain.documents.DisplayStatus
    display_status: Mapped[str] = mapped_column(String(30), nullable=False)
    title: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    file_name: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    digest: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_documents_patient", "patient_id"),
        {"info": {"clinical_row_key": ("uuid",)}},
    )


class DocumentChunk(Base):
    """One piece of an attachment's content (at most ``DOCUMENT_CHUNK_SIZE`` clear bytes).

    A 50 Mo file is many rows, never one value: it is written and read piece by
    piece (no several copies of it in memory) and re-encrypted after a CK
    rotation in batches. Encrypted under the CK with the row key
    ``document_id|seq``: a piece moved to another document or place no longer opens.
    """

    __tablename__ = "document_chunks"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)


class Event(Base):
    """Append-only, hash-chained event log (DESIGN.md §6). Never data values."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # ISO 8601 UTC with microseconds, e.g. 2026-11-23T21:03:41.123456Z
    occurred_at: Mapped[str] = mapped_column(String(32), nullable=False)
    user_id: Mapped[int | None] = mapped_column(Integer)
    # The login as typed, for failed logins of unknown accounts; else the user's login.
    login: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    action: Mapped[str] = mapped_column(String(50), nullable=False)
    object_type: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    object_id: Mapped[int | None] = mapped_column(Integer)
    workstation: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    app_version: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    # Small JSON object of non-clinical facts (e.g. which fields changed, a reason code).
    details: Mapped[str] = mapped_column(Text, default="{}", nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        UniqueConstraint("hash", name="uq_events_hash"),
        Index("ix_events_occurred_at", "occurred_at"),
        Index("ix_events_user", "user_id"),
    )


# ------------------------------------------------------------------------------ follow-up
# DESIGN.md §5, issue 9. Plan items, appointments and the protocols' clear columns name
# exams and dates, never a gene or a variant: secretaries read them without the
# clinical key. What a clinician types (a result summary, the reason of an adjustment)
# is encrypted under the CK.


class FollowupProtocol(Base):
    """One version of a surveillance protocol (``domain.followup.protocols``), as data.

    Never changed once written: editing a protocol adds its next ``version``. The
    French-practice and ESGE versions of one protocol share its ``key`` and differ by
    ``variant`` ("fr" / "esge"; "" for a protocol without versions). Seed protocols
    (REFERENCE.md) have ``custom`` False and no author; a practitioner's new version or
    custom protocol carries its author and ``reason``. ``body`` is the protocol's JSON
    document (``protocol_to_dict``). Reference data, not patient data: clear.
    """

    __tablename__ = "followup_protocols"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(50), nullable=False)
    variant: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    source_note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    custom: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)

    __table_args__ = (
        UniqueConstraint(
            "key", "variant", "version", name="uq_followup_protocols_key_variant_version"
        ),
    )


class FollowupChoice(Base):
    """Where French practice and ESGE differ, which one a structure follows."""

    __tablename__ = "followup_choices"

    structure_id: Mapped[int] = mapped_column(ForeignKey("structures.id"), primary_key=True)
    # "fr" | "esge"
    lynch: Mapped[str] = mapped_column(String(10), default="fr", nullable=False)
    apc: Mapped[str] = mapped_column(String(10), default="fr", nullable=False)
    mutyh: Mapped[str] = mapped_column(String(10), default="fr", nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class PlanItem(Base):
    """One item of a patient's surveillance plan, as last computed.

    Clear: what the worklists, the letters and the secretaries need — the exam, its
    ages, interval and special schedule (``fixed_ages``, a JSON list: MUTYH's 20, 25,
    30), the next due and last done dates, the status. Ages in years (fractions:
    whole months). ``interval_months`` None: held once.

    Encrypted under the CK (row key ``uuid``), in ``origin``: the plan key
    ("brca1:breast_mri"), the protocol key and version — a protocol key names the
    gene, which a secretary or anyone holding only the database key must not read.
    """

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    origin: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    # domain.followup.exams.ExamKind
    exam: Mapped[str] = mapped_column(String(40), nullable=False)
    label: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    start_age: Mapped[float] = mapped_column(Float, nullable=False)
    end_age: Mapped[float | None] = mapped_column(Float)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    fixed_ages: Mapped[str] = mapped_column(Text, default="[]", nullable=False)
    next_due: Mapped[dt.date | None] = mapped_column(Date)
    last_done: Mapped[dt.date | None] = mapped_column(Date)
    # domain.followup.engine.PlanStatus
    status: Mapped[str] = mapped_column(String(30), nullable=False)
    adjusted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    to_confirm: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_plan_items_patient", "patient_id"),
        Index("ix_plan_items_next_due", "next_due"),
        Index("ix_plan_items_exam_next_due", "exam", "next_due"),
        {"info": {"clinical_row_key": ("uuid",)}},
    )


class PlanAdjustment(Base):
    """A practitioner's change to one plan item, or an item added, with its reason.

    Everything of it is in ``content``, encrypted under the CK (row key ``uuid``): the
    plan key, the overrides (``domain.followup.engine.PlanAdjustment`` as JSON) and the
    reason. The newest adjustment of an item wins; it survives every recomputation.
    """

    __tablename__ = "plan_adjustments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    content: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)

    __table_args__ = (
        Index("ix_plan_adjustments_patient", "patient_id"),
        {"info": {"clinical_row_key": ("uuid",)}},
    )


class PerformedExam(Base):
    """An exam marked done by a clinician. The plan key it counts for and the result
    summary are encrypted under the CK (``content``, row key ``uuid``)."""

    __tablename__ = "performed_exams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    exam: Mapped[str] = mapped_column(String(40), nullable=False)
    performed_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    content: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)

    __table_args__ = (
        Index("ix_performed_exams_patient", "patient_id", "performed_on"),
        {"info": {"clinical_row_key": ("uuid",)}},
    )


class PlanSelection(Base):
    """A protocol a practitioner selected by hand for one file (HAS 2014 high risk,
    no variant), with the selection encrypted under the CK (``content``: the protocol
    key, row key ``uuid``): it says the patient's risk."""

    __tablename__ = "plan_selections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    content: Mapped[bytes] = mapped_column(ClinicalCiphertext, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)

    __table_args__ = (
        Index("ix_plan_selections_patient", "patient_id"),
        {"info": {"clinical_row_key": ("uuid",)}},
    )


class Appointment(Base):
    """An appointment for an exam of the plan (issue 9).

    ``starts_at`` is the local wall-clock date and time at the place of the
    appointment (naive, not UTC): "le 12 mars à 9 h 30" stays 9 h 30 across a
    daylight-saving change and on every workstation. No clinical content: the exam
    kind, the place, the practitioner, a practical ``note``.
    ``status``: booked | confirmed | done | missed | cancelled
    (``domain.followup.appointments.AppointmentStatus``); a rescheduled appointment is
    cancelled and the new one points to it (``rescheduled_from_id``).
    """

    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    exam: Mapped[str] = mapped_column(String(40), nullable=False)
    # the plan item this appointment serves, if any
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_items.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    duration_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    rescheduled_from_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "status IN ('booked', 'confirmed', 'done', 'missed', 'cancelled')", name="status"
        ),
        CheckConstraint("duration_minutes > 0", name="duration"),
        Index("ix_appointments_patient", "patient_id", "starts_at"),
        Index("ix_appointments_practitioner", "practitioner_id", "starts_at"),
        Index("ix_appointments_place", "place", "starts_at"),
    )


class OutboxMessage(Base):
    """An email waiting to be sent, or sent (DESIGN.md §7): nothing is lost while
    the SMTP server is down. Messages carry no health data (account notices only).

    ``kind``: what the message is for (``inactivity_warning``, ``test``); ``user_id``
    the account it concerns, if any. ``attempts`` counts failed deliveries;
    ``next_attempt_at`` is when the sender may try again (retry backoff);
    ``last_error`` a short technical reason (never the message itself).
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(200), nullable=False)
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    last_error: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_outbox_due", "sent_at", "next_attempt_at"),
        Index("ix_outbox_user", "user_id"),
    )


class AccessAlert(Base):
    """An unusual access raised by the maintenance job (DESIGN.md §6) for the
    administrators' review queue. Never a patient value: who (``user_id`` or, for
    failed sign-ins, the ``login`` typed), what kind, when (the window) and how many.

    ``kind``: ``domain.retention.AlertKind``. ``action``: what the reviewer did
    (``informed``, ``suspended``), empty until then.
    """

    __tablename__ = "access_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    login: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    window_end: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    comment: Mapped[str] = mapped_column(Text, default="", nullable=False)
    action: Mapped[str] = mapped_column(String(20), default="", nullable=False)

    __table_args__ = (
        Index("ix_access_alerts_subject", "kind", "login", "window_start"),
        Index("ix_access_alerts_reviewed", "reviewed_at"),
    )


class IdHighWater(Base):
    """The highest id ever given in a table whose ids outlive their rows (0009).

    SQLite gives ``max(id) + 1``: without this, erasing or deleting the newest
    patient file (or attachment) would hand its id to the next one, and the event
    log, other families' pedigree links and genetics links to signed consents would
    then name a different patient. :func:`_never_reused_id` gives ids above it.
    """

    __tablename__ = "id_high_water"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, nullable=False)


def _never_reused_id(_mapper: Any, connection: Connection, target: Any) -> None:
    """Before an ORM insert into a table of ``HIGH_WATER_TABLES`` on SQLite: the next id
    above both the table's largest and the largest ever given (in the insert's own
    transaction: on SQLite a write transaction is exclusive). A server database's
    sequences never give an id twice."""
    if target.id is not None or connection.dialect.name != "sqlite":
        return
    table = target.__table__
    current = connection.execute(select(func.max(table.c.id))).scalar() or 0
    known = connection.execute(
        select(IdHighWater.last_id).where(IdHighWater.table_name == table.name)
    ).scalar()
    target.id = max(int(current), int(known or 0)) + 1
    if known is None:
        connection.execute(insert(IdHighWater).values(table_name=table.name, last_id=target.id))
    else:
        connection.execute(
            update(IdHighWater)
            .where(IdHighWater.table_name == table.name)
            .values(last_id=target.id)
        )


#: Tables whose ids are named by other records after the row is gone.
HIGH_WATER_TABLES = (Patient, Document)
for _model in HIGH_WATER_TABLES:
    event.listen(_model, "before_insert", _never_reused_id)


# Clinical tables declare their encrypted columns with field_crypto.ClinicalCiphertext;
# the re-encryption job after a clinical-key rotation finds them through this registry.
register_metadata(Base.metadata)
