"""Departed users' files (issue 10), by time travel with ``now``: a revoked
owner's unshared files are kept 1 year, archived 1 more, then deleted for good
with everything on them; shared files survive; an administrator's transfer during
the kept year saves a file. Account deletion on request."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from document_samples import text_pdf
from service_helpers import Clock, Team, identity
from sqlalchemy import delete as sa_delete
from sqlalchemy import func, select, text

from oiso_desktop.domain.errors import ValidationError
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.domain.retention import archive_date, deletion_date
from oiso_desktop.domain.roles import AccountStatus
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.maintenance_service import MaintenanceReport, MaintenanceService
from oiso_desktop.services.retention_files_service import RetentionFilesService
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
from oiso_desktop.storage.uow import UnitOfWork

DAY = dt.timedelta(days=1)


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    team.login("p.bernard").logout()
    return session


def _rich_file(durand: UserSession, name: str) -> int:
    """A file with a saved form (two revisions) and an attachment."""
    pid = durand.patients.create(identity(birth_name=name)).id
    saved = durand.forms.save(pid, "history", PersonalHistory(note="a"), expected_version=0)
    durand.forms.save(pid, "history", PersonalHistory(note="b"), expected_version=saved.version)
    durand.documents.add(pid, "compte-rendu.pdf", text_pdf("Compte rendu", "fictif"))
    return pid


def _count(team: Team, model: type, **where: object) -> int:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return int(uow.session.scalar(query) or 0)


def _state(team: Team, pid: int) -> str | None:
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        row = uow.session.get(Patient, pid)
        return None if row is None else row.retention_state


def _revoke(team: Team, login: str) -> None:
    for session in team.sessions[1:]:
        session.logout()
    team.sessions[0].users.revoke(team.ids[login])


def _run(team: Team, clock: Clock, moment: dt.datetime) -> MaintenanceReport:
    """Sign the others in (they are not inactive), then run as the administrator."""
    clock.now = moment
    for login in ("p.bernard", "c.petit", "s.leroy"):
        team.login(login).logout()
    admin = team.login("admin")
    try:
        return MaintenanceService(admin.ctx).run(now=moment)
    finally:
        admin.logout()


def test_unshared_files_kept_then_archived_then_deleted_shared_and_transferred_survive(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    lonely = _rich_file(durand, "Seule")
    shared = _rich_file(durand, "Partagee")
    saved = durand.patients.create(identity(birth_name="Sauvee")).id
    durand.sharing.share(shared, team.ids["p.bernard"], "read")
    durand.logout()
    revoked_at = clock.now
    _revoke(team, "p.durand")
    archive, deletion = archive_date(revoked_at), deletion_date(revoked_at)
    assert (archive.date(), deletion.date()) == (dt.date(2027, 3, 2), dt.date(2028, 3, 2))

    # The kept year: an administrator assigns a successor to one file.
    clock.now = revoked_at + dt.timedelta(days=180)
    admin = team.login("admin")
    assert admin.sharing.transfer([saved], team.ids["p.bernard"]) == 1
    admin.logout()
    report = _run(team, clock, archive - DAY)
    assert (report.files_archived, report.files_deleted) == (0, 0)
    assert _state(team, lonely) == "active"

    # The day of the archive: the unshared file only.
    report = _run(team, clock, archive)
    assert (report.files_archived, report.files_deleted) == (1, 0)
    assert [_state(team, pid) for pid in (lonely, shared, saved)] == [
        "archived",
        "active",
        "active",
    ]
    admin = team.login("admin")
    assert RetentionFilesService(admin.ctx).archived_count() == 1
    admin.logout()
    bernard = team.login("p.bernard")
    assert set(bernard.patients.search_ids("").ids) == {shared, saved}
    bernard.logout()
    # Archived for a year, nothing else moves.
    report = _run(team, clock, deletion - DAY)
    assert (report.files_archived, report.files_deleted) == (0, 0)
    assert _state(team, lonely) == "archived"

    # The day of the deletion: gone with its attachments, forms and revisions.
    forms_before = _count(team, ClinicalForm)
    report = _run(team, clock, deletion)
    assert (report.files_archived, report.files_deleted) == (0, 1)
    assert _state(team, lonely) is None
    assert _count(team, Document, patient_id=lonely) == 0
    assert _count(team, ClinicalForm, patient_id=lonely) == 0
    assert _count(team, ClinicalForm) == forms_before - 1
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        orphans = uow.session.scalar(
            text(
                "SELECT (SELECT count(*) FROM document_chunks WHERE document_id NOT IN "
                "(SELECT id FROM documents)) + (SELECT count(*) FROM clinical_form_revisions "
                "WHERE form_id NOT IN (SELECT id FROM clinical_forms))"
            )
        )
        assert orphans == 0
        events = list(uow.session.scalars(select(Event).where(Event.object_id == lonely)))
        deleted = [e for e in events if e.action == "patient_deleted"]
        assert len(deleted) == 1 and json.loads(deleted[0].details) == {}
        assert deleted[0].login == "system"
    assert _count(team, DocumentChunk) > 0 and _count(team, ClinicalFormRevision) > 0
    # The shared file survives, still shared; the transferred one is Bernard's.
    assert _state(team, shared) == "active" and _count(team, PatientShare, patient_id=shared) == 1
    assert _count(team, Patient, id=saved, owner_id=team.ids["p.bernard"]) == 1
    # Twice in a row: nothing more.
    report = _run(team, clock, deletion + DAY)
    assert (report.files_archived, report.files_deleted, report.files_restored) == (0, 0, 0)
    admin = team.login("admin")
    assert admin.events.verify().ok
    admin.logout()


def test_an_archived_file_transferred_or_shared_again_comes_back(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    pid = durand.patients.create(identity()).id
    durand.logout()
    revoked_at = clock.now
    _revoke(team, "p.durand")
    assert _run(team, clock, archive_date(revoked_at)).files_archived == 1
    bernard = team.login("p.bernard")
    assert pid not in bernard.patients.search_ids("").ids
    bernard.logout()
    admin = team.login("admin")
    admin.sharing.transfer([pid], team.ids["p.bernard"])
    admin.logout()
    report = _run(team, clock, archive_date(revoked_at) + DAY)
    assert report.files_restored == 1 and _state(team, pid) == "active"
    bernard = team.login("p.bernard")
    assert pid in bernard.patients.search_ids("").ids
    bernard.logout()
    # Its new owner is active: never deleted.
    assert _run(team, clock, deletion_date(revoked_at)).files_deleted == 0


def test_deleting_a_departed_account_on_request(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    lonely = _rich_file(durand, "Seule")
    other = durand.patients.create(identity(birth_name="Autre")).id
    shared = durand.patients.create(identity(birth_name="Partagee")).id
    durand.sharing.share(shared, team.ids["p.bernard"], "write")
    durand.logout()
    admin = team.sessions[0]
    with pytest.raises(ValidationError) as active:
        admin.users.deletion_preview(team.ids["p.durand"])
    assert active.value.code == "user_not_departed" and "révoquez" in str(active.value)
    with pytest.raises(ValidationError) as self_delete:
        admin.users.delete_user(team.ids["admin"], 0)
    assert self_delete.value.code == "delete_self"
    _revoke(team, "p.durand")
    preview = admin.users.deletion_preview(team.ids["p.durand"])
    assert (preview.unshared_files, preview.shared_files) == (2, 1)
    # The count confirmed is no longer right: nothing happens.
    with pytest.raises(ValidationError) as changed:
        admin.users.delete_user(team.ids["p.durand"], 1)
    assert changed.value.code == "deletion_count_changed"
    assert "1 annoncés, 2 maintenant" in str(changed.value)
    assert _count(team, Patient, owner_id=team.ids["p.durand"]) == 3

    done = admin.users.delete_user(team.ids["p.durand"], 2)
    assert (done.unshared_files, done.shared_files) == (2, 1)
    assert _state(team, lonely) is None and _state(team, other) is None
    assert _count(team, Document, patient_id=lonely) == 0
    assert _state(team, shared) == "active"
    with UnitOfWork(admin.ctx.database.session_factory) as uow:
        user = uow.session.get(User, team.ids["p.durand"])
        assert user is not None and user.status == AccountStatus.DELETED.value
        assert (user.login, user.last_name, user.email) == ("p.durand", "Durand", "")
        assert user.revoked_at is not None
        actions = [
            (e.action, e.login)
            for e in uow.session.scalars(select(Event).order_by(Event.id))
            if e.action in ("user_deleted", "patient_deleted")
        ]
    assert actions == [("user_deleted", "admin")] + [("patient_deleted", "admin")] * 2
    bernard = team.login("p.bernard")
    assert shared in bernard.patients.search_ids("").ids
    bernard.logout()
    with pytest.raises(ValidationError) as again:
        admin.users.delete_user(team.ids["p.durand"], 0)
    assert again.value.code == "user_already_deleted"


def test_a_deletion_cut_short_is_finished_by_the_maintenance_job(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    pid = durand.patients.create(identity()).id
    durand.logout()
    _revoke(team, "p.durand")
    admin = team.sessions[0]
    # What a kill right after the account's transaction leaves.
    with admin.ctx.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE users SET status = 'deleted' WHERE id = ?", (team.ids["p.durand"],)
        )
        connection.exec_driver_sql(
            "UPDATE patients SET retention_state = 'deleting' WHERE id = ?", (pid,)
        )
    bernard = team.login("p.bernard")
    assert pid not in bernard.patients.search_ids("").ids
    bernard.logout()
    assert _run(team, clock, clock.now + DAY).files_deleted == 1
    assert _state(team, pid) is None


def test_a_file_that_loses_its_last_share_years_later_is_kept_a_year_first(
    team: Team, durand: UserSession, clock: Clock
) -> None:
    shared = _rich_file(durand, "Partagee")
    durand.sharing.share(shared, team.ids["p.bernard"], "read")
    durand.logout()
    revoked_at = clock.now
    _revoke(team, "p.durand")
    # Three years on, still shared: the daily run sees it so (and stamps it).
    three_years = revoked_at + dt.timedelta(days=3 * 365)
    report = _run(team, clock, three_years)
    assert (report.files_archived, report.files_deleted) == (0, 0)
    # Then its last share ends (whichever way: the share row goes).
    with UnitOfWork(team.sessions[0].ctx.database.session_factory) as uow:
        uow.session.execute(sa_delete(PatientShare).where(PatientShare.patient_id == shared))
        uow.commit()
    # Kept a year from its last day shared, archived a year, then deleted.
    report = _run(team, clock, three_years + 2 * DAY)
    assert (report.files_archived, report.files_deleted) == (0, 0)
    assert _state(team, shared) == "active"
    assert _run(team, clock, archive_date(three_years) - DAY).files_archived == 0
    assert _run(team, clock, archive_date(three_years)).files_archived == 1
    assert _run(team, clock, deletion_date(three_years) - DAY).files_deleted == 0
    assert _run(team, clock, deletion_date(three_years)).files_deleted == 1
    assert _state(team, shared) is None
