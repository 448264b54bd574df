"""Unit of work: one session, one transaction, rolled back unless committed.

    with UnitOfWork(db.session_factory) as uow:
        patient = uow.patients.get(patient_id)
        ...
        uow.commit()

A stale save (the row's ``version`` changed since it was loaded) raises
:class:`ConcurrentEditError` instead of SQLAlchemy's ``StaleDataError``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from oiso_desktop.domain.errors import ConcurrentEditError, ErrorCode, StorageError
from oiso_desktop.storage.repositories import (
    ClinicalFormRepository,
    DocumentRepository,
    EventRepository,
    PatientRepository,
    UserRepository,
)

CONCURRENT_EDIT_MESSAGE = "Ce dossier a été modifié par un autre utilisateur depuis son ouverture."
BUSY_MESSAGE = (
    "La base de données est occupée par un autre poste : réessayez dans quelques instants."
)


def _translate(exc: BaseException) -> BaseException | None:
    if isinstance(exc, StaleDataError):
        return ConcurrentEditError(CONCURRENT_EDIT_MESSAGE)
    if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
        return StorageError(BUSY_MESSAGE, code=ErrorCode.DATABASE_BUSY)
    return None


class UnitOfWork:
    session: Session
    users: UserRepository
    patients: PatientRepository
    events: EventRepository
    forms: ClinicalFormRepository
    documents: DocumentRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.users = UserRepository(self.session)
        self.patients = PatientRepository(self.session)
        self.events = EventRepository(self.session)
        self.forms = ClinicalFormRepository(self.session)
        self.documents = DocumentRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if exc is not None:
            translated = _translate(exc)
            if translated is not None:
                raise translated from exc

    def flush(self) -> None:
        try:
            self.session.flush()
        except (StaleDataError, OperationalError) as exc:
            translated = _translate(exc)
            if translated is None:
                raise
            raise translated from exc

    def commit(self) -> None:
        """Commit everything done so far (later changes need another commit)."""
        try:
            self.session.commit()
        except (StaleDataError, OperationalError) as exc:
            self.session.rollback()
            translated = _translate(exc)
            if translated is None:
                raise
            raise translated from exc

    @staticmethod
    def check_version(row: Any, expected_version: int) -> None:
        """ConcurrentEditError when ``row.version`` is not the version the user edited."""
        if row.version != expected_version:
            raise ConcurrentEditError(CONCURRENT_EDIT_MESSAGE)
