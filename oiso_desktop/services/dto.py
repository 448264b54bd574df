"""Frozen data objects handed to the GUI and the CLI (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from oiso_desktop.domain.clinical_forms import FormContent, FormKind
from oiso_desktop.domain.documents import DisplayStatus, DocumentCategory, MediaType
from oiso_desktop.domain.family_facts import FamilyKeyFacts
from oiso_desktop.domain.genetics import GeneticsKeyFacts
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.domain.roles import AccountStatus, Role

__all__ = [
    "Actor",
    "ClinicalFormView",
    "DocumentContent",
    "DocumentView",
    "EventView",
    "FamilyKeyFacts",
    "GeneticsKeyFacts",
    "PatientIdList",
    "PatientInput",
    "PatientPage",
    "PatientSummary",
    "PatientView",
    "RelativesLetterFile",
    "RevisionSummary",
    "SearchResult",
    "SetupResult",
    "StructureInput",
    "StructureView",
    "UserInput",
    "UserView",
]

#: What the identity form hands to the patient service.
PatientInput = IdentityFields


@dataclass(frozen=True)
class Actor:
    """The user acting: every service call takes it first."""

    user_id: int
    login: str
    role: Role
    display_name: str
    structure_id: int | None = None


@dataclass(frozen=True)
class StructureInput:
    name: str
    finess: str
    address: str = ""
    phone: str = ""
    lab_client_number: str = ""


@dataclass(frozen=True)
class StructureView:
    id: int
    name: str
    finess: str
    address: str
    phone: str
    lab_client_number: str
    version: int


@dataclass(frozen=True)
class UserInput:
    login: str
    first_name: str
    last_name: str
    role: Role
    email: str = ""
    phone: str = ""
    profession: str = ""
    specialty: str = ""
    rpps: str = ""
    rpps_luhn_confirmed: bool = False
    adeli: str = ""
    structure_id: int | None = None
    assisted_practitioner_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class UserView:
    id: int
    login: str
    first_name: str
    last_name: str
    display_name: str
    role: Role
    status: AccountStatus
    email: str
    phone: str
    profession: str
    specialty: str
    rpps: str
    adeli: str
    structure_id: int | None
    structure_name: str
    must_change_password: bool
    last_login_at: dt.datetime | None  # aware, UTC
    created_at: dt.datetime  # aware, UTC
    assisted_practitioner_ids: tuple[int, ...]
    version: int


@dataclass(frozen=True)
class PatientSummary:
    id: int
    birth_name: str
    used_name: str
    first_names: str
    birth_date: dt.date
    sex: str
    nir: str | None
    ins_status: str
    owner_display_name: str
    access: PatientAccess
    #: the family at a glance (the patient list of a clinical role holding the clinical
    #: key); None: not given to this user, or no family form saved yet
    key_facts: FamilyKeyFacts | None = None
    #: the patient's variants (gene, class) from the genetics form, same rule; None: not
    #: given to this user, or no genetics form saved yet
    genetics: GeneticsKeyFacts | None = None


@dataclass(frozen=True)
class PatientView:
    id: int
    fields: IdentityFields
    owner_id: int
    owner_display_name: str
    access: PatientAccess
    created_at: dt.datetime  # aware, UTC
    updated_at: dt.datetime  # aware, UTC
    version: int


@dataclass(frozen=True)
class SearchResult:
    rows: tuple[PatientSummary, ...]
    total: int
    truncated: bool


@dataclass(frozen=True)
class PatientIdList:
    """Every visible file matching a search, in display order: ids first, rows later."""

    ids: tuple[int, ...]
    #: whether this session's rows carry key facts (a clinical role holding the CK)
    with_key_facts: bool
    #: the summaries of the first ids, fetched with them (ids[:first_rows] asked)
    first_rows: tuple[PatientSummary, ...] = ()

    @property
    def total(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class PatientPage:
    """The summaries of some ids of a :class:`PatientIdList` (a page of the list).

    In the order asked; a file no longer visible (unshared, gone) is left out.
    """

    rows: tuple[PatientSummary, ...]
    with_key_facts: bool


@dataclass(frozen=True)
class ClinicalFormView:
    """One clinical form of a file as saved (``session.forms``), or one of its revisions.

    ``content`` is the frozen domain object (``PersonalHistory`` for kind "history",
    ``Family`` for "family", ``Genetics`` for "genetics"). ``version`` is what :meth:`save` wants back as
    ``expected_version`` (0: never saved; the content is then the empty form).
    ``revision`` numbers the saved contents (1 = the first save; 0: never saved);
    ``current`` is False for an older revision (read-only; its ``version`` is the
    form's current one, so saving its content restores it).
    """

    patient_id: int
    kind: FormKind
    content: FormContent
    version: int
    revision: int
    current: bool
    saved_at: dt.datetime | None  # aware, UTC; None: never saved
    saved_by: str  # display name of who saved this content ("" if never saved)
    access: PatientAccess  # READ: a read-only share
    # Family forms: "Name First names" of each linked relative's own file the reader may
    # open; links to files they may not open are absent from ``content`` (kept on save).
    link_labels: Mapping[int, str] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return self.version > 0

    @property
    def read_only(self) -> bool:
        return not self.current or self.access < PatientAccess.WRITE


@dataclass(frozen=True)
class DocumentView:
    """An attachment of a patient file (``session.documents``), without its content.

    ``version`` is what ``update`` and ``delete`` want back as ``expected_version``.
    ``display``: ``password_protected`` PDFs are shown once their password is typed.
    """

    id: int
    patient_id: int
    title: str
    document_date: dt.date | None
    category: DocumentCategory
    media_type: MediaType
    file_name: str  # the name of the file attached (never a path)
    size: int  # bytes
    page_count: int | None  # PDF pages (None: an image, or a protected PDF)
    display: DisplayStatus
    created_at: dt.datetime  # aware, UTC
    created_by: str  # display name
    updated_at: dt.datetime  # aware, UTC
    updated_by: str
    version: int
    access: PatientAccess  # READ: a read-only share

    @property
    def read_only(self) -> bool:
        return self.access < PatientAccess.WRITE


@dataclass(frozen=True)
class DocumentContent:
    """An attachment and its clear content, in memory (for the viewer)."""

    document: DocumentView
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class RevisionSummary:
    """One saved content of a form, for the Historique tab (no clinical value)."""

    revision: int
    saved_at: dt.datetime  # aware, UTC
    saved_by: str  # display name
    current: bool


@dataclass(frozen=True)
class EventView:
    id: int
    occurred_at: str  # ISO 8601 UTC, e.g. 2026-11-23T21:03:41.123456Z
    user_id: int | None
    login: str
    action: str
    object_type: str
    object_id: int | None
    workstation: str
    app_version: str
    details: str  # JSON object


@dataclass(frozen=True)
class SetupResult:
    database_folder: Path
    recovery_code: str
    admin_user_id: int


@dataclass(frozen=True)
class RelativesLetterFile:
    """The letters to relatives (``session.letters.relatives_letter``): a PDF in memory,
    one page per relative; saving it is the user's act."""

    pdf: bytes
    relative_ids: tuple[str, ...]  # one letter each, in this order
    mode: str  # "by_patient" | "by_practitioner"
    day: dt.date  # the date the letters bear
    file_name: str  # a suggestion, without names: "lettres-parentele-2026-03-02.pdf"
