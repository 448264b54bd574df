"""Attachments of a patient file (DESIGN.md §4): ``session.documents``.

Lab reports, letters, consent forms... as PDF, JPEG or PNG files of at most
50 Mo (``domain.documents``), kept **in the database**, encrypted under the
clinical key (CK):

* **who**: like the clinical forms — a role with ``VIEW_CLINICAL`` (list, view,
  save a copy) or ``EDIT_CLINICAL`` (attach, edit the details, delete) on a file
  it may read / write, through :func:`~services.access.authorize`, and a session
  holding the CK (:func:`session_clinical_keys`), both checked by
  ``services.clinical_gate.open_clinical_file``. A secretary or an administrator
  never gets a title nor a byte of content;
* **what is refused** when attaching: see ``domain.documents.check_document_file``
  (size, format read from the magic bytes, extension that lies) and
  ``services.pdf_pages.inspect_content`` (damaged files refused, password-protected
  PDFs kept and flagged); the same file attached twice to one patient file
  (``document_duplicate``);
* **storage**: the content in pieces of :data:`CHUNK_SIZE` bytes, each its own
  ciphertext (``storage.models.DocumentChunk``): written and read piece by piece,
  re-encrypted in batches after a CK rotation. The title, the original file name
  and the SHA-256 of the content are encrypted too (a plain hash would let anyone
  holding only the database key recognise a known file); the category, the date,
  the media type and the size are not. The content read back is checked against
  that hash;
* **versions**: ``update`` and ``delete`` take the ``version`` the user saw; a
  stale one raises ConcurrentEditError ``document_conflict``;
* **event log**: ``document_added``, ``document_viewed`` (the content handed out),
  ``document_updated`` (the names of the fields changed), ``document_deleted``,
  ``document_exported`` (a copy written to disk: an explicit act) — object: the
  patient file; details: the document id and its size. Never a title nor a file
  name. Listing the attachments of an open file is not logged (opening the file is).

The content is read in a read transaction; the event of a view or an export is
then written in its own short write transaction, so a 50 Mo read never holds the
database's write lock.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import select

from oiso_desktop.domain.documents import (
    SNIFF_LENGTH,
    DisplayStatus,
    DocumentCategory,
    DocumentDetails,
    MediaType,
    check_document_file,
    default_title,
    details_invalid,
    document_category,
    validate_details,
)
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    NotFound,
    OisoError,
    StorageError,
)
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.services.access import authorize
from oiso_desktop.services.clinical_gate import open_clinical_file
from oiso_desktop.services.context import (
    AccessMode,
    ServiceContext,
    ServiceUnitOfWork,
    as_utc,
    naive_utc,
    reads,
    writes,
)
from oiso_desktop.services.dto import DocumentContent, DocumentView
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.pdf_pages import inspect_content
from oiso_desktop.storage.field_crypto import ClinicalKeys, EncryptedColumn
from oiso_desktop.storage.models import Document, DocumentChunk, Patient, User
from oiso_desktop.system.files import atomic_writer

__all__ = [
    "CHUNK_SIZE",
    "DocumentFile",
    "DocumentService",
    "read_document_file",
]

#: Clear bytes per stored piece. 256 kio: a 50 Mo file is 200 rows; a batch of the CK
#: re-encryption job (200 values) then holds at most 50 Mo (benchmarks/README.md).
CHUNK_SIZE = 256 * 1024
#: Titles and file names are padded to a multiple of this many bytes before encryption.
PAD_TO = 64

NOT_FOUND_MESSAGE = "Ce document n'existe plus : il a peut-être été supprimé."
CONFLICT_MESSAGE = (
    "Ce document a été modifié ou supprimé par quelqu'un d'autre depuis son affichage : "
    "la liste a été relue, refaites votre modification si elle est encore utile."
)
DUPLICATE_MESSAGE = "Ce fichier est déjà joint à ce dossier : « {title} »."
UNREADABLE_MESSAGE = (
    "Le contenu enregistré de ce document est incomplet ou altéré : il ne peut pas être lu."
)
EXPORT_FAILED_MESSAGE = "La copie n'a pas pu être enregistrée : {path} ({reason})."
READ_FAILED_MESSAGE = "Le fichier ne peut pas être lu : {path} ({reason})."

_TITLE = EncryptedColumn(Document.__table__, "title")  # type: ignore[arg-type]
_FILE_NAME = EncryptedColumn(Document.__table__, "file_name")  # type: ignore[arg-type]
_DIGEST = EncryptedColumn(Document.__table__, "digest")  # type: ignore[arg-type]
_CHUNK = EncryptedColumn(DocumentChunk.__table__, "data")  # type: ignore[arg-type]


# ------------------------------------------------------------------ a file to attach


@dataclass(frozen=True)
class DocumentFile:
    """A file read from disk and checked, about to be attached (nothing saved yet)."""

    file_name: str  # the name only, never the folder
    media_type: MediaType
    display: DisplayStatus
    page_count: int | None
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


def read_document_file(path: Path) -> DocumentFile:
    """Read and check a file the user chose (no database involved; any thread).

    The size is checked before reading, so a huge file is never loaded. OisoError
    ``import_read_failed`` when the file cannot be read, ValidationError ``document_*``
    when it is refused (``domain.documents.check_document_file``, damaged content).
    """
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(0)
            head = handle.read(SNIFF_LENGTH)
            media_type = check_document_file(name, head, size)
            handle.seek(0)
            data = handle.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OisoError(
            READ_FAILED_MESSAGE.format(path=path, reason=reason),
            code=ErrorCode.IMPORT_READ_FAILED,
            path=str(path),
            reason=reason,
        ) from exc
    media_type = check_document_file(name, data[:SNIFF_LENGTH], len(data))  # read as it is
    check = inspect_content(data, media_type, name)
    return DocumentFile(name, media_type, check.display, check.page_count, data)


# ------------------------------------------------------------------------- helpers


def _pad_text(text: str) -> bytes:
    data = json.dumps(text, ensure_ascii=False).encode("utf-8")
    return data + b" " * (-len(data) % PAD_TO)


def _unpad_text(plaintext: bytes) -> str:
    try:
        value = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise StorageError(UNREADABLE_MESSAGE, code=ErrorCode.DOCUMENT_UNREADABLE) from None
    if not isinstance(value, str):
        raise StorageError(UNREADABLE_MESSAGE, code=ErrorCode.DOCUMENT_UNREADABLE)
    return value


def _chunk_row(document_id: int, seq: int) -> Mapping[str, int]:
    return {"document_id": document_id, "seq": seq}


def _display_names(uow: ServiceUnitOfWork, user_ids: set[int]) -> dict[int, str]:
    rows = uow.session.execute(
        select(User.id, User.first_name, User.last_name).where(User.id.in_(list(user_ids)))
    )
    return {user_id: f"{first} {last}" for user_id, first, last in rows}


def _conflict(document_id: int) -> ConcurrentEditError:
    return ConcurrentEditError(
        CONFLICT_MESSAGE, code=ErrorCode.DOCUMENT_CONFLICT, document_id=document_id
    )


def _not_found(document_id: int) -> NotFound:
    return NotFound(
        NOT_FOUND_MESSAGE,
        code=ErrorCode.DOCUMENT_NOT_FOUND,
        object_type="document",
        document_id=document_id,
    )


class DocumentService:
    """``session.documents``: the attachments of patient files (see the module docstring)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ plumbing

    def _document(
        self, uow: ServiceUnitOfWork, permission: Permission, document_id: int
    ) -> tuple[Document, Patient, PatientAccess, ClinicalKeys]:
        authorize(uow, uow.actor, permission)
        document = uow.documents.get(document_id)
        if document is None:
            raise _not_found(document_id)
        patient, access, keys = open_clinical_file(self.ctx, uow, permission, document.patient_id)
        return document, patient, access, keys

    def _views(
        self,
        uow: ServiceUnitOfWork,
        documents: list[Document],
        keys: ClinicalKeys,
        access: PatientAccess,
    ) -> list[DocumentView]:
        names = _display_names(
            uow, {d.created_by_id for d in documents} | {d.updated_by_id for d in documents}
        )
        return [
            DocumentView(
                id=document.id,
                patient_id=document.patient_id,
                title=_unpad_text(_TITLE.decrypt(keys, document, document.title)),
                document_date=document.document_date,
                category=DocumentCategory(document.category),
                media_type=MediaType(document.media_type),
                file_name=_unpad_text(_FILE_NAME.decrypt(keys, document, document.file_name)),
                size=document.size,
                page_count=document.page_count,
                display=DisplayStatus(document.display_status),
                created_at=as_utc(document.created_at),
                created_by=names.get(document.created_by_id, ""),
                updated_at=as_utc(document.updated_at),
                updated_by=names.get(document.updated_by_id, ""),
                version=document.version,
                access=access,
            )
            for document in documents
        ]

    def _view(
        self,
        uow: ServiceUnitOfWork,
        document: Document,
        keys: ClinicalKeys,
        access: PatientAccess,
    ) -> DocumentView:
        return self._views(uow, [document], keys, access)[0]

    def _log(self, uow: ServiceUnitOfWork, action: str, document: Document, **details: Any) -> None:
        record_event(
            uow,
            self.ctx,
            uow.actor,
            action,
            object_type="patient",
            object_id=document.patient_id,
            details={"document": document.id, **details},
        )

    def _pieces(
        self, uow: ServiceUnitOfWork, document: Document, keys: ClinicalKeys
    ) -> Iterator[bytes]:
        """The clear content piece by piece, checked against its size and hash at the end."""
        digest = hashlib.sha256()
        size = 0
        for seq in range(document.chunk_count):
            ciphertext = uow.documents.chunk(document.id, seq)
            if ciphertext is None:
                raise StorageError(UNREADABLE_MESSAGE, code=ErrorCode.DOCUMENT_UNREADABLE)
            piece = _CHUNK.decrypt(keys, _chunk_row(document.id, seq), ciphertext)
            digest.update(piece)
            size += len(piece)
            yield piece
        expected = _DIGEST.decrypt(keys, document, document.digest)
        if size != document.size or not secrets.compare_digest(digest.digest(), expected):
            raise StorageError(UNREADABLE_MESSAGE, code=ErrorCode.DOCUMENT_UNREADABLE)

    def _log_apart(self, action: str, document_id: int, permission: Permission) -> None:
        """The event of a view or an export, in its own write transaction (access
        checked again: the role or the share may have changed meanwhile)."""
        with self.ctx.unit_of_work(AccessMode.WRITE) as uow:
            document, _, _, _ = self._document(uow, permission, document_id)
            self._log(uow, action, document, size=document.size)
            uow.commit()

    # ------------------------------------------------------------------ reading

    @reads
    def list(self, patient_id: int) -> list[DocumentView]:
        """The attachments of a file, newest document date first (undated last)."""
        with self.ctx.unit_of_work() as uow:
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.VIEW_CLINICAL, patient_id
            )
            return self._views(uow, uow.documents.of_patient(patient.id), keys, access)

    @reads
    def get(self, document_id: int) -> DocumentView:
        """One attachment's details (no content; not logged)."""
        with self.ctx.unit_of_work() as uow:
            document, _, access, keys = self._document(uow, Permission.VIEW_CLINICAL, document_id)
            return self._view(uow, document, keys, access)

    @writes
    def content(self, document_id: int) -> DocumentContent:
        """The attachment and its clear content in memory, for the viewer.

        StorageError ``document_unreadable`` when the stored content is incomplete or
        altered. Logged as ``document_viewed``.
        """
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            document, _, access, keys = self._document(uow, Permission.VIEW_CLINICAL, document_id)
            view = self._view(uow, document, keys, access)
            data = b"".join(self._pieces(uow, document, keys))
        self._log_apart("document_viewed", document_id, Permission.VIEW_CLINICAL)
        return DocumentContent(view, data)

    @writes
    def export_copy(self, document_id: int, path: Path) -> DocumentView:
        """Write a clear copy of the content to ``path`` (the user chose it): an explicit,
        logged act (``document_exported``).

        Written piece by piece through ``system.files.atomic_writer``: either the whole
        copy is there, or nothing (a file that was there stays as it was). OisoError
        ``document_export_failed`` (params path, reason) when it cannot be written.
        """
        path = Path(path)
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            document, _, access, keys = self._document(uow, Permission.VIEW_CLINICAL, document_id)
            view = self._view(uow, document, keys, access)
            try:
                with atomic_writer(path, "wb") as handle:
                    for piece in self._pieces(uow, document, keys):
                        handle.write(piece)
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                raise OisoError(
                    EXPORT_FAILED_MESSAGE.format(path=path, reason=reason),
                    code=ErrorCode.DOCUMENT_EXPORT_FAILED,
                    path=str(path),
                    reason=reason,
                ) from exc
        try:
            self._log_apart("document_exported", document_id, Permission.VIEW_CLINICAL)
        except BaseException:
            # No event, no copy: an export that could not be logged is taken back.
            path.unlink(missing_ok=True)
            raise
        return view

    # ------------------------------------------------------------------ writing

    @writes
    def add_file(
        self, patient_id: int, path: Path, details: DocumentDetails | None = None
    ) -> DocumentView:
        """Attach the file at ``path`` (read and checked here; see :meth:`add`)."""
        found = read_document_file(path)
        return self.add(patient_id, found.file_name, found.data, details)

    @writes
    def add(
        self,
        patient_id: int,
        file_name: str,
        data: bytes,
        details: DocumentDetails | None = None,
    ) -> DocumentView:
        """Attach ``data`` (the content of the file ``file_name``) to a patient file.

        ``details`` default to a title made from the file name, no date, category
        "other". Refusals: ValidationError ``document_*`` (format, size, damaged
        content, duplicate), DocumentDetailsInvalid ``document_details_invalid``
        (``.problems``, each with its field). Logged as ``document_added``.
        """
        name = PurePath(file_name).name
        media_type = check_document_file(name, data[:SNIFF_LENGTH], len(data))
        if details is None:
            details = DocumentDetails(title=default_title(name) or name)
        details = details.normalised()
        problems = validate_details(details, today=self.ctx.today())
        if problems:
            raise details_invalid(problems)
        check = inspect_content(data, media_type, name)
        digest = hashlib.sha256(data).digest()
        with self.ctx.unit_of_work() as uow:
            actor = uow.actor
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.EDIT_CLINICAL, patient_id
            )
            self._refuse_duplicate(uow, patient, keys, digest)
            now = naive_utc(self.ctx.now())
            chunk_count = -(-len(data) // CHUNK_SIZE)
            document = Document(
                uuid=secrets.token_hex(16),
                patient_id=patient.id,
                category=document_category(details.category).value,
                document_date=details.document_date,
                media_type=media_type.value,
                size=len(data),
                chunk_count=chunk_count,
                page_count=check.page_count,
                display_status=check.display.value,
                created_at=now,
                updated_at=now,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
            document.title = _TITLE.encrypt(keys, document, _pad_text(details.title))
            document.file_name = _FILE_NAME.encrypt(keys, document, _pad_text(name))
            document.digest = _DIGEST.encrypt(keys, document, digest)
            uow.documents.add(document)
            content = memoryview(data)
            for seq in range(chunk_count):
                piece = content[seq * CHUNK_SIZE : (seq + 1) * CHUNK_SIZE]
                uow.documents.add_chunk(
                    document.id,
                    seq,
                    _CHUNK.encrypt(keys, _chunk_row(document.id, seq), bytes(piece)),
                )
            self._log(uow, "document_added", document, size=document.size)
            uow.commit()
            return self._view(uow, document, keys, access)

    def _refuse_duplicate(
        self, uow: ServiceUnitOfWork, patient: Patient, keys: ClinicalKeys, digest: bytes
    ) -> None:
        for other in uow.documents.of_patient(patient.id):
            if secrets.compare_digest(_DIGEST.decrypt(keys, other, other.digest), digest):
                title = _unpad_text(_TITLE.decrypt(keys, other, other.title))
                raise OisoError(
                    DUPLICATE_MESSAGE.format(title=title),
                    code=ErrorCode.DOCUMENT_DUPLICATE,
                    title=title,
                    document_id=other.id,
                )

    @writes
    def update(
        self, document_id: int, details: DocumentDetails, *, expected_version: int
    ) -> DocumentView:
        """Change the title, date and category of an attachment.

        ConcurrentEditError ``document_conflict`` when it changed (or went) since
        ``expected_version``; DocumentDetailsInvalid with every problem. Unchanged
        details: nothing written. Logged as ``document_updated`` (the fields' names).
        """
        details = details.normalised()
        problems = validate_details(details, today=self.ctx.today())
        if problems:
            raise details_invalid(problems)
        try:
            with self.ctx.unit_of_work() as uow:
                document, _, access, keys = self._document(
                    uow, Permission.EDIT_CLINICAL, document_id
                )
                if document.version != expected_version:
                    raise _conflict(document_id)
                before = self._view(uow, document, keys, access)
                changed = [
                    name
                    for name, old, new in (
                        ("title", before.title, details.title),
                        ("document_date", before.document_date, details.document_date),
                        ("category", before.category, document_category(details.category)),
                    )
                    if old != new
                ]
                if not changed:
                    return before
                if "title" in changed:
                    document.title = _TITLE.encrypt(keys, document, _pad_text(details.title))
                document.document_date = details.document_date
                document.category = document_category(details.category).value
                document.updated_at = naive_utc(self.ctx.now())
                document.updated_by_id = uow.actor.user_id
                uow.flush()
                self._log(uow, "document_updated", document, fields=changed)
                uow.commit()
                return self._view(uow, document, keys, access)
        except NotFound as exc:
            if exc.code == ErrorCode.DOCUMENT_NOT_FOUND:
                raise _conflict(document_id) from exc
            raise
        except ConcurrentEditError as exc:
            if exc.code == ErrorCode.DOCUMENT_CONFLICT:
                raise
            raise _conflict(document_id) from exc

    @writes
    def delete(self, document_id: int, *, expected_version: int) -> None:
        """Remove an attachment and its content (``EDIT_CLINICAL``). Logged as
        ``document_deleted``. ConcurrentEditError ``document_conflict`` when it
        changed since ``expected_version``; gone already: NotFound ``document_not_found``.
        """
        try:
            with self.ctx.unit_of_work() as uow:
                document, _, _, _ = self._document(uow, Permission.EDIT_CLINICAL, document_id)
                if document.version != expected_version:
                    raise _conflict(document_id)
                self._log(uow, "document_deleted", document, size=document.size)
                uow.documents.delete(document)
                uow.commit()
        except ConcurrentEditError as exc:
            if exc.code == ErrorCode.DOCUMENT_CONFLICT:
                raise
            raise _conflict(document_id) from exc
