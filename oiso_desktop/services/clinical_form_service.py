"""Clinical forms of a patient file, with versions (DESIGN.md §4): ``session.forms``.

A form (kind ``"history"``, ``"family"`` or ``"genetics"``,
``domain.clinical_forms.FormKind``) is one JSON document per file and kind,
encrypted under the clinical key (CK):

* **who**: a role with ``VIEW_CLINICAL`` / ``EDIT_CLINICAL`` (practitioners,
  counsellors; never a secretary or an administrator) on a file it may read /
  write (owner, read or write share), through :func:`~services.access.authorize`;
  and a session holding the CK (:func:`session_clinical_keys`: an account
  awaiting approval gets ``clinical_access_awaiting``), both checked by
  ``services.clinical_gate.open_clinical_file``;
* **versions**: ``save`` takes the ``version`` the user edited; a stale one raises
  ConcurrentEditError ``clinical_form_conflict`` carrying the current saved form
  (``params["current"]``), so the GUI shows both and keeps what the user typed.
  Each save keeps the previous content as a revision (``revisions``,
  ``revision``); revisions are numbered apart from the optimistic-lock version;
* **validation**: every problem at once, in one FormValidationError
  (``clinical_form_invalid``, ``.problems`` each with its ``field``); the relatives
  a genetics form names are checked against the family as saved (the window saves
  the family before the genetics);
* **links** (family): a relative may be linked to their own patient file
  (``Person.patient_id``). A reader sees a link only if they may open that file
  too (``view.link_labels`` names it); a link they may not see is absent from
  the content they get, and kept as it was when they save. A new or changed link
  needs the right to open the target file (``clinical_form_link_denied``);
* **event log**: ``clinical_form_viewed`` (a form or a revision opened),
  ``clinical_form_created`` / ``clinical_form_updated`` with the names of the
  changed top-level sections. Never a value.

Contents are padded before encryption (:data:`PAD_TO` bytes) so the size of a
ciphertext says little about how much was entered.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from oiso_desktop.domain.clinical_forms import (
    FormContent,
    FormKind,
    changed_sections,
    content_from_dict,
    content_to_dict,
    empty_content,
    form_kind,
    kind_of,
    validate_content,
)
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    ErrorCode,
    FormValidationError,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.family import Family
from oiso_desktop.domain.genetics import Genetics, removed_cited_relatives
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.services.access import PatientScope
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
from oiso_desktop.services.dto import ClinicalFormView, RevisionSummary
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.followup_service import recompute_after_form_save
from oiso_desktop.storage.field_crypto import ClinicalKeys, EncryptedColumn
from oiso_desktop.storage.models import (
    ClinicalForm,
    ClinicalFormRevision,
    Document,
    Patient,
    User,
)
from oiso_desktop.storage.uow import UnitOfWork

__all__ = ["PAD_TO", "ClinicalFormService", "saved_content"]

#: Plain contents are padded with spaces to a multiple of this many bytes.
PAD_TO = 512

CONFLICT_MESSAGE = (
    "Quelqu'un d'autre a enregistré ce formulaire pendant que vous le modifiiez. Les deux "
    "versions sont affichées : gardez votre saisie, reprenez la sienne ou combinez-les, "
    "puis enregistrez à nouveau."
)
REVISION_NOT_FOUND_MESSAGE = "Ce formulaire n'a pas de version n° {revision}."
DOCUMENT_LINK_MESSAGE = (
    "Le document joint n° {document_id} n'appartient pas à ce dossier : le lien n'a pas "
    "été enregistré."
)
LINK_DENIED_MESSAGE = (
    "Le lien vers le dossier n° {patient_id} n'a pas été enregistré : vous ne pouvez pas "
    "ouvrir ce dossier, ou il n'existe pas."
)
UNREADABLE_MESSAGE = (
    "Le contenu enregistré du formulaire clinique est illisible (champ « {path} »)."
)

_FORM_CONTENT = EncryptedColumn(ClinicalForm.__table__, "content")  # type: ignore[arg-type]
_REVISION_CONTENT = EncryptedColumn(
    ClinicalFormRevision.__table__,  # type: ignore[arg-type]
    "content",
)


def _invalid_message(count: int) -> str:
    return (
        f"Le formulaire n'a pas été enregistré : {count} problème(s), chacun signalé à son champ."
    )


def _encode(content: FormContent) -> bytes:
    data = json.dumps(
        content_to_dict(content), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    return data + b" " * (-len(data) % PAD_TO)


def _decode(plaintext: bytes, kind: FormKind) -> FormContent:
    try:
        data = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise StorageError(
            UNREADABLE_MESSAGE.format(path="(racine)"),
            code=ErrorCode.CLINICAL_FORM_CONTENT,
            path="(racine)",
        ) from None
    try:
        return content_from_dict(data, kind=kind)
    except ValidationError as exc:  # stored content: a storage problem, not the user's input
        raise StorageError(str(exc), code=exc.code, **exc.params) from exc


def saved_content(
    uow: UnitOfWork, keys: ClinicalKeys, patient: Patient, kind: FormKind
) -> FormContent:
    """The content of a form as saved now (never saved: its empty content), decrypted
    with ``keys``. For services that have checked the access (no event logged here)."""
    form = uow.forms.get(patient.id, kind.value)
    if form is None:
        return empty_content(kind, sex=patient.sex, birth_year=patient.birth_date.year)
    return _decode(_FORM_CONTENT.decrypt(keys, form, form.content), kind)


def _display_names(uow: UnitOfWork, user_ids: Collection[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = uow.session.execute(
        select(User.id, User.first_name, User.last_name).where(User.id.in_(list(user_ids)))
    )
    return {user_id: f"{first} {last}" for user_id, first, last in rows}


def _linked_ids(content: FormContent) -> set[int]:
    if not isinstance(content, Family):
        return set()
    return {person.patient_id for person in content.people if person.patient_id is not None}


def _openable_files(uow: ServiceUnitOfWork, ids: Collection[int]) -> dict[int, str]:
    """Of the patient files ``ids``, those the actor may open, with their names."""
    if not ids:
        return {}
    scope = PatientScope(uow, uow.actor)
    patients = uow.session.scalars(select(Patient).where(Patient.id.in_(list(ids))))
    return {
        patient.id: f"{patient.birth_name} {patient.first_names}".strip()
        for patient in patients
        if scope.access_to(patient) >= PatientAccess.READ
    }


def _visible_links(
    uow: ServiceUnitOfWork, content: FormContent
) -> tuple[FormContent, Mapping[int, str]]:
    """``content`` without the links the actor may not see, and the labels of the others."""
    linked = _linked_ids(content)
    if not linked:
        return content, {}
    assert isinstance(content, Family)
    labels = _openable_files(uow, linked)
    if len(labels) == len(linked):
        return content, labels
    people = tuple(
        dataclasses.replace(person, patient_id=None)
        if person.patient_id is not None and person.patient_id not in labels
        else person
        for person in content.people
    )
    return dataclasses.replace(content, people=people), labels


def _document_ids(content: FormContent | None) -> set[int]:
    """The attachments a genetics form points to (signed consents, letters' copies)."""
    if not isinstance(content, Genetics):
        return set()
    linked = [consent.document_id for consent in content.consents]
    linked += [item.document_id for item in content.relative_information]
    return {document_id for document_id in linked if document_id is not None}


def _check_document_links(
    uow: ServiceUnitOfWork, patient: Patient, old: FormContent | None, new: FormContent
) -> None:
    """A link to an attachment added by this save must name one of this file's
    attachments (a link saved earlier stays, even if its attachment was deleted since)."""
    added = _document_ids(new) - _document_ids(old)
    if not added:
        return
    found = set(
        uow.session.scalars(
            select(Document.id).where(Document.id.in_(added), Document.patient_id == patient.id)
        )
    )
    missing = sorted(added - found)
    if missing:
        raise ValidationError(
            DOCUMENT_LINK_MESSAGE.format(document_id=missing[0]),
            code=ErrorCode.CLINICAL_FORM_DOCUMENT_UNKNOWN,
            document_id=missing[0],
        )


def _merged_links(
    uow: ServiceUnitOfWork, patient: Patient, old: FormContent | None, new: FormContent
) -> FormContent:
    """``new`` with the links the actor could not see put back; new links checked."""
    _check_document_links(uow, patient, old, new)
    if not isinstance(new, Family):
        return new
    before = (
        {person.id: person.patient_id for person in old.people} if isinstance(old, Family) else {}
    )
    openable = _openable_files(uow, _linked_ids(new) | {i for i in before.values() if i})
    people = []
    for person in new.people:
        link, previous = person.patient_id, before.get(person.id)
        if link is None and previous is not None and previous not in openable:
            person = dataclasses.replace(person, patient_id=previous)  # hidden from this reader
        elif link is not None and link != previous and (link not in openable or link == patient.id):
            raise PermissionDenied(
                LINK_DENIED_MESSAGE.format(patient_id=link),
                code=ErrorCode.CLINICAL_FORM_LINK_DENIED,
                patient_id=link,
                person_id=person.id,
            )
        people.append(person)
    return dataclasses.replace(new, people=tuple(people))


class ClinicalFormService:
    """``session.forms``: read, save and look back at the clinical forms of a file."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ plumbing

    @staticmethod
    def _saved_family(uow: ServiceUnitOfWork, patient: Patient, keys: ClinicalKeys) -> Family:
        """The family as saved (never saved: the proband alone)."""
        content = saved_content(uow, keys, patient, FormKind.FAMILY)
        assert isinstance(content, Family)
        return content

    @staticmethod
    def _current_content(keys: ClinicalKeys, form: ClinicalForm) -> tuple[bytes, FormContent]:
        plaintext = _FORM_CONTENT.decrypt(keys, form, form.content)
        return plaintext, _decode(plaintext, FormKind(form.kind))

    def _form_view(
        self,
        uow: ServiceUnitOfWork,
        patient: Patient,
        kind: FormKind,
        form: ClinicalForm | None,
        keys: ClinicalKeys,
        access: PatientAccess,
        content: FormContent | None = None,
    ) -> ClinicalFormView:
        if form is None:
            return ClinicalFormView(
                patient_id=patient.id,
                kind=kind,
                content=empty_content(kind, sex=patient.sex, birth_year=patient.birth_date.year),
                version=0,
                revision=0,
                current=True,
                saved_at=None,
                saved_by="",
                access=access,
            )
        if content is None:
            _, content = self._current_content(keys, form)
        names = _display_names(uow, {form.updated_by_id})
        content, labels = _visible_links(uow, content)
        return ClinicalFormView(
            patient_id=patient.id,
            kind=kind,
            content=content,
            link_labels=labels,
            version=form.version,
            revision=form.revision,
            current=True,
            saved_at=as_utc(form.updated_at),
            saved_by=names.get(form.updated_by_id, ""),
            access=access,
        )

    def _log(
        self,
        uow: ServiceUnitOfWork,
        action: str,
        patient: Patient,
        kind: FormKind,
        **details: object,
    ) -> None:
        record_event(
            uow,
            self.ctx,
            uow.actor,
            action,
            object_type="patient",
            object_id=patient.id,
            details={"form": kind.value, **details},
        )

    @staticmethod
    def _conflict(view: ClinicalFormView, expected_version: int) -> ConcurrentEditError:
        return ConcurrentEditError(
            CONFLICT_MESSAGE,
            code=ErrorCode.CLINICAL_FORM_CONFLICT,
            current=view,
            expected_version=expected_version,
        )

    # ------------------------------------------------------------------ reading

    @writes
    def get(self, patient_id: int, kind: FormKind | str) -> ClinicalFormView:
        """The form as saved now; never saved: the empty form with ``version`` 0.

        Logged as ``clinical_form_viewed`` (details: form kind, revision), hence a write.
        """
        form_type = form_kind(kind)
        with self.ctx.unit_of_work() as uow:
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.VIEW_CLINICAL, patient_id
            )
            form = uow.forms.get(patient.id, form_type.value)
            view = self._form_view(uow, patient, form_type, form, keys, access)
            self._log(uow, "clinical_form_viewed", patient, form_type, revision=view.revision)
            uow.commit()
            return view

    @writes
    def record_export(self, patient_id: int, kind: FormKind | str, file_format: str) -> None:
        """Log that a form of this file left the application as a file the user chose
        (e.g. ``"canrisk"``): event ``clinical_form_exported`` {form, format}, no value.

        Needs the right to read the form; the caller removes its file if this fails."""
        form_type = form_kind(kind)
        with self.ctx.unit_of_work() as uow:
            patient, _, _ = open_clinical_file(self.ctx, uow, Permission.VIEW_CLINICAL, patient_id)
            self._log(uow, "clinical_form_exported", patient, form_type, format=file_format)
            uow.commit()

    @writes
    def get_all(
        self, patient_id: int, kinds: Collection[FormKind | str]
    ) -> dict[FormKind, ClinicalFormView]:
        """Several forms of one file at once (opening it): one unit of work, one
        ``clinical_form_viewed`` event per form, as :meth:`get` would log."""
        form_types = [form_kind(kind) for kind in kinds]
        with self.ctx.unit_of_work() as uow:
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.VIEW_CLINICAL, patient_id
            )
            views: dict[FormKind, ClinicalFormView] = {}
            for form_type in form_types:
                form = uow.forms.get(patient.id, form_type.value)
                view = self._form_view(uow, patient, form_type, form, keys, access)
                self._log(uow, "clinical_form_viewed", patient, form_type, revision=view.revision)
                views[form_type] = view
            uow.commit()
            return views

    @reads
    def revisions(self, patient_id: int, kind: FormKind | str) -> list[RevisionSummary]:
        """Every saved content, newest (the current one) first; [] if never saved. Not
        logged: dates and names only."""
        form_type = form_kind(kind)
        with self.ctx.unit_of_work() as uow:
            patient, _, _ = open_clinical_file(self.ctx, uow, Permission.VIEW_CLINICAL, patient_id)
            form = uow.forms.get(patient.id, form_type.value)
            if form is None:
                return []
            older = uow.forms.revisions(form.id)
            names = _display_names(uow, {form.updated_by_id, *(r.saved_by_id for r in older)})
            summaries = [
                RevisionSummary(
                    form.revision, as_utc(form.updated_at), names.get(form.updated_by_id, ""), True
                )
            ]
            summaries += [
                RevisionSummary(r.revision, as_utc(r.saved_at), names.get(r.saved_by_id, ""), False)
                for r in older
            ]
            return summaries

    @writes
    def revision(self, patient_id: int, kind: FormKind | str, number: int) -> ClinicalFormView:
        """One saved content (read-only view unless it is the current one).

        NotFound ``clinical_form_revision_not_found``. Logged as ``clinical_form_viewed``
        with its revision number.
        """
        form_type = form_kind(kind)
        with self.ctx.unit_of_work() as uow:
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.VIEW_CLINICAL, patient_id
            )
            form = uow.forms.get(patient.id, form_type.value)
            older = None
            if form is not None and number != form.revision:
                older = uow.forms.revision(form.id, number)
            if form is None or (older is None and number != form.revision):
                raise NotFound(
                    REVISION_NOT_FOUND_MESSAGE.format(revision=number),
                    code=ErrorCode.CLINICAL_FORM_REVISION_NOT_FOUND,
                    revision=number,
                )
            if older is None:
                view = self._form_view(uow, patient, form_type, form, keys, access)
            else:
                plaintext = _REVISION_CONTENT.decrypt(keys, older, older.content)
                names = _display_names(uow, {older.saved_by_id})
                content, labels = _visible_links(uow, _decode(plaintext, form_type))
                view = ClinicalFormView(
                    patient_id=patient.id,
                    kind=form_type,
                    content=content,
                    link_labels=labels,
                    version=form.version,
                    revision=older.revision,
                    current=False,
                    saved_at=as_utc(older.saved_at),
                    saved_by=names.get(older.saved_by_id, ""),
                    access=access,
                )
            self._log(uow, "clinical_form_viewed", patient, form_type, revision=number)
            uow.commit()
            return view

    # ------------------------------------------------------------------ writing

    @writes
    def save(
        self,
        patient_id: int,
        kind: FormKind | str,
        content: FormContent,
        *,
        expected_version: int,
    ) -> ClinicalFormView:
        """Save ``content`` over the version the user edited (0: a form never saved).

        * ConcurrentEditError ``clinical_form_conflict`` when someone saved meanwhile:
          ``params["current"]`` is the form as saved now (a ClinicalFormView);
        * FormValidationError ``clinical_form_invalid`` with every problem;
        * unchanged content: nothing written, the current view returned.

        The previous content becomes a revision; event ``clinical_form_created`` or
        ``clinical_form_updated`` (details: form, sections changed, revision).
        """
        form_type = form_kind(kind)
        if kind_of(content) is not form_type:
            raise TypeError(f"a {type(content).__name__} is not the content of a {form_type} form")
        try:
            return self._save(patient_id, form_type, content, expected_version)
        except (ConcurrentEditError, IntegrityError) as exc:
            if isinstance(exc, ConcurrentEditError) and "current" in exc.params:
                raise
            # Lost a race the version check could not see (another writer between our
            # read and our write, possible on a server): report it like any conflict.
            current = self._current_view(patient_id, form_type)
            raise self._conflict(current, expected_version) from exc

    def _save(
        self, patient_id: int, kind: FormKind, content: FormContent, expected_version: int
    ) -> ClinicalFormView:
        with self.ctx.unit_of_work() as uow:
            actor = uow.actor
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.EDIT_CLINICAL, patient_id
            )
            form = uow.forms.get(patient.id, kind.value)
            if (form.version if form is not None else 0) != expected_version:
                view = self._form_view(uow, patient, kind, form, keys, access)
                raise self._conflict(view, expected_version)
            problems = validate_content(
                content,
                birth_date=patient.birth_date,
                sex=patient.sex,
                today=self.ctx.today(),
                family=self._saved_family(uow, patient, keys)
                if kind is FormKind.GENETICS
                else None,
            )
            if problems:
                raise FormValidationError(_invalid_message(len(problems)), problems)
            old_plaintext, old = (
                self._current_content(keys, form) if form is not None else (b"", None)
            )
            if kind is FormKind.FAMILY and isinstance(old, Family):
                assert isinstance(content, Family)
                genetics = saved_content(uow, keys, patient, FormKind.GENETICS)
                assert isinstance(genetics, Genetics)
                cited = removed_cited_relatives(genetics, old, content)
                if cited:
                    raise FormValidationError(_invalid_message(len(cited)), cited)
            content = _merged_links(uow, patient, old, content)
            now = naive_utc(self.ctx.now())
            plaintext = _encode(content)
            if form is None:
                form = ClinicalForm(
                    patient_id=patient.id,
                    kind=kind.value,
                    revision=1,
                    created_at=now,
                    updated_at=now,
                    created_by_id=actor.user_id,
                    updated_by_id=actor.user_id,
                )
                form.content = _FORM_CONTENT.encrypt(keys, form, plaintext)
                uow.forms.add(form)
                action, sections = "clinical_form_created", changed_sections(None, content)
            else:
                if old == content:
                    return self._form_view(uow, patient, kind, form, keys, access, content)
                sections = changed_sections(old, content)
                archived = ClinicalFormRevision(
                    form_id=form.id,
                    revision=form.revision,
                    saved_at=form.updated_at,
                    saved_by_id=form.updated_by_id,
                )
                archived.content = _REVISION_CONTENT.encrypt(keys, archived, old_plaintext)
                uow.forms.add_revision(archived)
                form.content = _FORM_CONTENT.encrypt(keys, form, plaintext)
                form.revision += 1
                form.updated_at = now
                form.updated_by_id = actor.user_id
                action = "clinical_form_updated"
            uow.flush()
            self._log(uow, action, patient, kind, sections=sections, revision=form.revision)
            # The surveillance plan follows the history and genetics forms.
            recompute_after_form_save(self.ctx, uow, keys, patient, kind)
            uow.commit()
            return self._form_view(uow, patient, kind, form, keys, access, content)

    def _current_view(self, patient_id: int, kind: FormKind) -> ClinicalFormView:
        with self.ctx.unit_of_work(AccessMode.READ) as uow:
            patient, access, keys = open_clinical_file(
                self.ctx, uow, Permission.EDIT_CLINICAL, patient_id
            )
            return self._form_view(
                uow, patient, kind, uow.forms.get(patient.id, kind.value), keys, access
            )
