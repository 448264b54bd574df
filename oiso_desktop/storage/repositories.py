"""Small repositories over one SQLAlchemy session. They never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from oiso_desktop.storage.models import (
    ClinicalForm,
    ClinicalFormRevision,
    Document,
    DocumentChunk,
    Event,
    Patient,
    PatientShare,
    User,
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def by_login(self, login: str) -> User | None:
        wanted = login.strip().lower()
        return self.session.scalars(select(User).where(User.login == wanted)).one_or_none()

    def list(self, *, statuses: Collection[str] | None = None) -> list[User]:
        """Users ordered by last name, first name, id; optionally only some statuses."""
        query = select(User).order_by(User.last_name, User.first_name, User.id)
        if statuses is not None:
            query = query.where(User.status.in_(list(statuses)))
        return list(self.session.scalars(query))

    def add(self, user: User) -> User:
        """Add and flush (the id is set on return). The login is stored lower-case."""
        user.login = user.login.strip().lower()
        self.session.add(user)
        self.session.flush()
        return user


class PatientRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: int) -> Patient | None:
        return self.session.get(Patient, patient_id)

    def add(self, patient: Patient) -> Patient:
        self.session.add(patient)
        self.session.flush()
        return patient

    def search(
        self,
        tokens: Collection[str] = (),
        birth_date: dt.date | None = None,
        nir_prefix: str | None = None,
        *,
        visible_owner_ids: Collection[int] | None = None,
        shared_with_user_id: int | None = None,
        shared_write_with_user_ids: Collection[int] = (),
        shared_patient_ids: Collection[int] = (),
        limit: int = 200,
    ) -> tuple[list[Patient], int]:
        """Matching patients (at most ``limit``, by name) and the total match count.

        Each token must occur in ``search_names`` (already folded, see
        ``domain.text.fold``). Visibility: ``visible_owner_ids=None`` means no
        restriction; otherwise a patient is visible when its owner is in
        ``visible_owner_ids``, or it is shared with ``shared_with_user_id``, or
        shared read-write with one of ``shared_write_with_user_ids``, or its id
        is in ``shared_patient_ids``.
        """
        conditions = _search_conditions(
            tokens,
            birth_date,
            nir_prefix,
            visible_owner_ids=visible_owner_ids,
            shared_with_user_id=shared_with_user_id,
            shared_write_with_user_ids=shared_write_with_user_ids,
            shared_patient_ids=shared_patient_ids,
        )
        # One pass: the window count sees every match before LIMIT applies.
        result = self.session.execute(
            select(Patient, func.count().over())
            .where(*conditions)
            .order_by(*PATIENT_ORDER)
            .limit(limit)
        ).all()
        total = result[0][1] if result else 0
        return [row[0] for row in result], int(total)

    def search_ids(
        self,
        tokens: Collection[str] = (),
        birth_date: dt.date | None = None,
        nir_prefix: str | None = None,
        *,
        visible_owner_ids: Collection[int] | None = None,
        shared_with_user_id: int | None = None,
        shared_write_with_user_ids: Collection[int] = (),
        shared_patient_ids: Collection[int] = (),
    ) -> list[int]:
        """The ids of *every* patient :meth:`search` matches, in its order (no limit).

        Ids only, through the connection (no ORM rows): a list of 100,000 files
        costs one sort, not 100,000 objects.
        """
        conditions = _search_conditions(
            tokens,
            birth_date,
            nir_prefix,
            visible_owner_ids=visible_owner_ids,
            shared_with_user_id=shared_with_user_id,
            shared_write_with_user_ids=shared_write_with_user_ids,
            shared_patient_ids=shared_patient_ids,
        )
        query = select(Patient.id).where(*conditions).order_by(*PATIENT_ORDER)
        return list(self.session.connection().execute(query).scalars())

    def by_ids(self, patient_ids: Collection[int]) -> list[Patient]:
        """The patients of ``patient_ids`` that exist, in no particular order."""
        ids = list(patient_ids)
        if not ids:
            return []
        return list(self.session.scalars(select(Patient).where(Patient.id.in_(ids))))


#: The order of patient lists: by name, then birth date; the id settles ties.
PATIENT_ORDER = (Patient.birth_name, Patient.first_names, Patient.birth_date, Patient.id)


def _search_conditions(
    tokens: Collection[str],
    birth_date: dt.date | None,
    nir_prefix: str | None,
    *,
    visible_owner_ids: Collection[int] | None,
    shared_with_user_id: int | None,
    shared_write_with_user_ids: Collection[int] = (),
    shared_patient_ids: Collection[int],
) -> list[ColumnElement[bool]]:
    """The WHERE terms of a patient search (see :meth:`PatientRepository.search`)."""
    conditions: list[ColumnElement[bool]] = []
    for token in tokens:
        if token:
            pattern = f"%{_escape_like(token)}%"
            conditions.append(Patient.search_names.like(pattern, escape="\\"))
    if birth_date is not None:
        conditions.append(Patient.birth_date == birth_date)
    if nir_prefix:
        # A range, not LIKE 'p%': SQLite uses the NIR index for it.
        upper = nir_prefix[:-1] + chr(ord(nir_prefix[-1]) + 1)
        conditions.append(and_(Patient.nir >= nir_prefix, Patient.nir < upper))
    if visible_owner_ids is not None:
        visible: list[ColumnElement[bool]] = []
        if visible_owner_ids:
            # "+ 0" keeps SQLite off the owner index: walking every file of a
            # practitioner costs far more than scanning the folded names.
            visible.append((Patient.owner_id + 0).in_(list(visible_owner_ids)))
        if shared_with_user_id is not None:
            visible.append(
                Patient.id.in_(
                    select(PatientShare.patient_id).where(
                        PatientShare.user_id == shared_with_user_id
                    )
                )
            )
        if shared_write_with_user_ids:
            visible.append(
                Patient.id.in_(
                    select(PatientShare.patient_id).where(
                        PatientShare.user_id.in_(list(shared_write_with_user_ids)),
                        PatientShare.access == "write",
                    )
                )
            )
        if shared_patient_ids:
            visible.append(Patient.id.in_(list(shared_patient_ids)))
        conditions.append(or_(*visible) if visible else false())
        # Archived files (a departed owner's, after the kept year) are nobody's.
        conditions.append(Patient.retention_state == "active")
    return conditions


class EventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def last(self) -> Event | None:
        return self.session.scalars(select(Event).order_by(Event.id.desc()).limit(1)).first()

    def add(self, event: Event) -> Event:
        self.session.add(event)
        self.session.flush()
        return event

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(Event)) or 0)

    def iterate(
        self, *, after_id: int = 0, batch_size: int = 1000, **filters: Any
    ) -> Iterator[Event]:
        """Every event with ``id > after_id``, ordered by id, fetched in batches.

        ``filters`` are equality filters on Event columns (e.g. ``user_id=3``).
        """
        last_id = after_id
        while True:
            query = select(Event).where(Event.id > last_id)
            for name, value in filters.items():
                query = query.where(getattr(Event, name) == value)
            batch = list(self.session.scalars(query.order_by(Event.id).limit(batch_size)))
            if not batch:
                return
            yield from batch
            last_id = batch[-1].id
            if len(batch) < batch_size:
                return
            # Keep memory flat on long iterations.
            for event in batch:
                self.session.expunge(event)


class ClinicalFormRepository:
    """Clinical forms and their revisions (contents stay encrypted here)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: int, kind: str) -> ClinicalForm | None:
        return self.session.scalars(
            select(ClinicalForm).where(
                ClinicalForm.patient_id == patient_id, ClinicalForm.kind == kind
            )
        ).one_or_none()

    def add(self, form: ClinicalForm) -> ClinicalForm:
        """Add and flush (the id is set on return)."""
        self.session.add(form)
        self.session.flush()
        return form

    def add_revision(self, revision: ClinicalFormRevision) -> ClinicalFormRevision:
        self.session.add(revision)
        return revision

    def revisions(self, form_id: int) -> list[ClinicalFormRevision]:
        """The previous contents of a form, newest first."""
        return list(
            self.session.scalars(
                select(ClinicalFormRevision)
                .where(ClinicalFormRevision.form_id == form_id)
                .order_by(ClinicalFormRevision.revision.desc())
            )
        )

    def revision(self, form_id: int, number: int) -> ClinicalFormRevision | None:
        return self.session.get(ClinicalFormRevision, (form_id, number))


class DocumentRepository:
    """Attachments and the pieces of their content (everything stays encrypted here).

    Pieces go one at a time, in both directions: a 50 Mo content is never held
    twice by the session (written pieces are expunged, read pieces are plain
    values, not ORM objects).
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, document_id: int) -> Document | None:
        return self.session.get(Document, document_id)

    def of_patient(self, patient_id: int) -> list[Document]:
        """The attachments of a file: newest document date first (undated last), then
        the most recently added."""
        return list(
            self.session.scalars(
                select(Document)
                .where(Document.patient_id == patient_id)
                .order_by(
                    Document.document_date.is_(None),
                    Document.document_date.desc(),
                    Document.id.desc(),
                )
            )
        )

    def add(self, document: Document) -> Document:
        """Add and flush (the id is set on return)."""
        self.session.add(document)
        self.session.flush()
        return document

    def add_chunk(self, document_id: int, seq: int, data: bytes) -> None:
        """Write one piece now and let the session forget it."""
        chunk = DocumentChunk(document_id=document_id, seq=seq, data=data)
        self.session.add(chunk)
        self.session.flush()
        self.session.expunge(chunk)

    def chunk(self, document_id: int, seq: int) -> bytes | None:
        """The ciphertext of one piece (None if missing)."""
        return self.session.scalar(
            select(DocumentChunk.data).where(
                DocumentChunk.document_id == document_id, DocumentChunk.seq == seq
            )
        )

    def chunk_seqs(self, document_id: int) -> list[int]:
        return list(
            self.session.scalars(
                select(DocumentChunk.seq)
                .where(DocumentChunk.document_id == document_id)
                .order_by(DocumentChunk.seq)
            )
        )

    def delete(self, document: Document) -> None:
        """Remove the document and every piece of its content (flushed: the version of
        the row is checked now)."""
        self.session.execute(delete(DocumentChunk).where(DocumentChunk.document_id == document.id))
        self.session.delete(document)
        self.session.flush()
