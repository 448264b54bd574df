"""Sharing, transfer, assistance and break-the-glass through ``session.sharing``:
what each user then sees, the refusals (French message, nothing changed) and the
events (never a patient value, never the message or the reason)."""

from __future__ import annotations

import json

import pytest
from service_helpers import Team, identity
from sqlalchemy import func, select

from oiso_desktop.domain.errors import NotFound, PermissionDenied, StorageError, ValidationError
from oiso_desktop.domain.permissions import PatientAccess, ShareAccess
from oiso_desktop.domain.personal_history import PersonalHistory
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.storage.models import Event, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

REASON = "Urgence : patient admis aux urgences cette nuit"


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    """Durand (approved with the recovery code) approves Bernard and Petit."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    team.login("p.bernard").logout()
    team.login("c.petit").logout()
    session.clinical_key.approve(team.ids["p.bernard"])
    session.clinical_key.approve(team.ids["c.petit"])
    return session


def revoke(admin: UserSession, user_id: int) -> None:
    """Revoke an account; the re-key may wait for the other open sessions."""
    try:
        admin.users.revoke(user_id)
    except StorageError as pending:
        assert pending.code == "rekey_pending"


def _visible(session: UserSession) -> set[int]:
    return set(session.patients.search_ids("").ids)


def _shares(session: UserSession) -> int:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(PatientShare)) or 0)


def _events(session: UserSession) -> list[Event]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        rows = list(uow.session.scalars(select(Event).order_by(Event.id)))
        uow.session.expunge_all()
        return rows


def test_a_share_is_seen_by_the_recipient_and_gone_once_revoked(
    team: Team, durand: UserSession
) -> None:
    pid = durand.patients.create(identity()).id
    bernard = team.login("p.bernard")
    assert pid not in _visible(bernard)
    view = durand.sharing.share(pid, team.ids["p.bernard"], "read", "Pour avis, merci")
    assert view.access is ShareAccess.READ and view.recipient.display_name == "Pauline Bernard"
    assert view.message == "Pour avis, merci" and view.owner.id == team.ids["p.durand"]
    assert pid in _visible(bernard)
    row = bernard.patients.page([pid]).rows[0]
    assert row.access is PatientAccess.READ and row.owner_display_name == "Paul Durand"
    assert [s.patient.id for s in bernard.sharing.shared_with_me()] == [pid]
    assert [s.recipient.id for s in durand.sharing.shared_by_me()] == [team.ids["p.bernard"]]
    # told once, at the next login
    assert [s.patient.id for s in bernard.sharing.new_shares_since_last_login()] == [pid]
    bernard.sharing.acknowledge_notices()
    assert bernard.sharing.new_shares_since_last_login() == ()
    with pytest.raises(PermissionDenied) as read_only:
        bernard.patients.update(pid, identity(city="Lyon"), expected_version=1)
    assert read_only.value.code == "patient_read_only"
    durand.sharing.change_level(pid, team.ids["p.bernard"], ShareAccess.WRITE)
    assert bernard.patients.update(pid, identity(city="Lyon"), expected_version=1)
    access = durand.sharing.list_access(pid)
    assert [(s.recipient.id, s.access) for s in access.shares] == [
        (team.ids["p.bernard"], ShareAccess.WRITE)
    ]
    durand.sharing.revoke_share(pid, team.ids["p.bernard"])
    assert pid not in _visible(bernard)
    assert bernard.sharing.shared_with_me() == ()
    with pytest.raises(PermissionDenied) as gone:
        bernard.patients.get(pid)
    assert gone.value.code == "no_patient_access"
    actions = [(e.action, json.loads(e.details)) for e in _events(durand) if "share" in e.action]
    assert actions == [
        ("share_granted", {"user_id": team.ids["p.bernard"], "access": "read"}),
        ("share_changed", {"user_id": team.ids["p.bernard"], "access": "write"}),
        ("share_revoked", {"user_id": team.ids["p.bernard"]}),
    ]
    assert all("avis" not in e.details and "Lef" not in e.details for e in _events(durand))


@pytest.mark.parametrize(
    ("who", "recipient", "code"),
    [
        ("p.durand", "p.durand", "share_with_self"),
        ("p.durand", "admin", "share_recipient_role"),
        ("p.durand", "s.leroy", "share_recipient_role"),
        ("p.bernard", "c.petit", "no_patient_access"),
    ],
)
def test_bad_shares_are_refused_in_french_and_change_nothing(
    team: Team, durand: UserSession, who: str, recipient: str, code: str
) -> None:
    pid = durand.patients.create(identity()).id
    session = durand if who == "p.durand" else team.login(who)
    before = len(_events(durand))
    with pytest.raises((ValidationError, PermissionDenied)) as refused:
        session.sharing.share(pid, team.ids[recipient], "write")
    assert refused.value.code == code
    assert "dossier" in str(refused.value)  # a French sentence
    assert _shares(durand) == 0 and len(_events(durand)) == before


def test_only_the_owner_shares_a_recipient_with_write_access_cannot(
    team: Team, durand: UserSession
) -> None:
    pid = durand.patients.create(identity()).id
    durand.sharing.share(pid, team.ids["p.bernard"], "write")
    bernard = team.login("p.bernard")
    with pytest.raises(PermissionDenied) as refused:
        bernard.sharing.share(pid, team.ids["c.petit"], "read")
    assert refused.value.code == "not_file_owner"
    assert "Seul le praticien responsable" in str(refused.value)
    with pytest.raises(ValidationError) as level:
        durand.sharing.share(pid, team.ids["c.petit"], "tout")
    assert level.value.code == "share_level"
    assert _shares(durand) == 1


def test_inactive_accounts_get_no_share_and_revoking_ends_theirs(
    team: Team, durand: UserSession
) -> None:
    admin = team.sessions[0]
    pid = durand.patients.create(identity()).id
    durand.sharing.share(pid, team.ids["c.petit"], "read")
    admin.users.suspend(team.ids["p.bernard"])
    with pytest.raises(ValidationError) as suspended:
        durand.sharing.share(pid, team.ids["p.bernard"], "read")
    assert suspended.value.code == "share_recipient_inactive"
    assert [r.id for r in durand.sharing.find_recipients("")] == [team.ids["c.petit"]]
    revoke(admin, team.ids["c.petit"])
    assert _shares(durand) == 0
    assert durand.sharing.list_access(pid).shares == ()


def test_find_recipients_by_name_rpps_or_structure(team: Team, durand: UserSession) -> None:
    from service_helpers import RPPS_BERNARD

    names = {r.display_name for r in durand.sharing.find_recipients("")}
    assert names == {"Pauline Bernard", "Claire Petit"}  # never me, an admin, a secretary
    assert [r.id for r in durand.sharing.find_recipients("BERNARD")] == [team.ids["p.bernard"]]
    assert [r.id for r in durand.sharing.find_recipients(RPPS_BERNARD[:6])] == [
        team.ids["p.bernard"]
    ]
    structure = team.sessions[0].users.list_structures()[0].name
    assert len(durand.sharing.find_recipients(structure.split()[0])) >= 0
    assert durand.sharing.find_recipients("claire pet")[0].id == team.ids["c.petit"]
    assert durand.sharing.find_recipients("zzz") == ()


def test_transfer_moves_the_file_and_its_secretaries(team: Team, durand: UserSession) -> None:
    admin = team.sessions[0]
    pid = durand.patients.create(identity()).id
    other = durand.patients.create(identity(birth_name="Martin")).id
    leroy = team.login("s.leroy")  # assists Durand
    assert {pid, other} <= _visible(leroy)
    bernard = team.login("p.bernard")
    durand.sharing.share(pid, team.ids["p.bernard"], "read")
    durand.sharing.share(pid, team.ids["c.petit"], "read")
    for successor, code in (("c.petit", "transfer_successor"), ("s.leroy", "transfer_successor")):
        with pytest.raises(ValidationError) as refused:
            durand.sharing.transfer([pid], team.ids[successor])
        assert refused.value.code == code
        assert "praticien actif" in str(refused.value)
    with pytest.raises(PermissionDenied) as not_mine:
        bernard.sharing.transfer([pid], team.ids["p.bernard"])
    assert not_mine.value.code == "not_file_owner"
    assert durand.sharing.transfer([pid], team.ids["p.bernard"]) == 1
    assert pid not in _visible(durand) and pid in _visible(bernard)
    assert bernard.patients.page([pid]).rows[0].access is PatientAccess.WRITE
    assert pid not in _visible(leroy) and other in _visible(leroy)
    # Bernard's share ended (he owns the file), Petit's stays.
    assert [s.recipient.id for s in bernard.sharing.list_access(pid).shares] == [
        team.ids["c.petit"]
    ]
    # Bernard's new secretary sees it.
    bernard.sharing.set_assistants([team.ids["s.leroy"]])
    assert pid in _visible(leroy)
    # An admin transfers a departed practitioner's files, not an active one's.
    with pytest.raises(PermissionDenied) as active:
        admin.sharing.transfer([other], team.ids["p.bernard"])
    assert active.value.code == "transfer_not_allowed"
    revoke(admin, team.ids["p.durand"])
    assert admin.sharing.files_of(team.ids["p.durand"]) == (other,)
    assert admin.sharing.transfer([other], team.ids["p.bernard"]) == 1
    assert other in _visible(bernard)
    details = [json.loads(e.details) for e in _events(admin) if e.action == "patient_transferred"]
    assert details == [
        {"from_user_id": team.ids["p.durand"], "to_user_id": team.ids["p.bernard"]},
        {"from_user_id": team.ids["p.durand"], "to_user_id": team.ids["p.bernard"]},
    ]


def test_secretaries_follow_their_practitioners_and_never_read_clinical_content(
    team: Team, durand: UserSession
) -> None:
    admin = team.sessions[0]
    bernard = team.login("p.bernard")
    own = durand.patients.create(identity()).id
    durand.forms.save(own, "history", PersonalHistory(note="vu"), expected_version=0)
    written = bernard.patients.create(identity(birth_name="Garnier")).id
    read = bernard.patients.create(identity(birth_name="Roux")).id
    bernard.sharing.share(written, team.ids["p.durand"], "write")
    bernard.sharing.share(read, team.ids["p.durand"], "read")
    leroy = team.login("s.leroy")
    assert _visible(leroy) == {own, written}
    assert leroy.patients.get(written).access is PatientAccess.WRITE
    for call in (
        lambda: leroy.forms.get(own, "history"),
        lambda: leroy.summaries.build(own),
        lambda: leroy.documents.list(own),
    ):
        with pytest.raises(PermissionDenied):
            call()
    # Durand suspended: his secretary's access follows the files, not her.
    admin.users.suspend(team.ids["p.durand"])
    assert _visible(leroy) == set()
    with pytest.raises(PermissionDenied):
        leroy.patients.update(own, identity(city="Lyon"), expected_version=1)
    admin.users.reactivate(team.ids["p.durand"])
    assert _visible(leroy) == {own, written}
    # Durand removes her.
    durand = team.login("p.durand")
    assert [s.id for s in durand.sharing.assistants()] == [team.ids["s.leroy"]]
    durand.sharing.set_assistants([])
    assert _visible(leroy) == set() and leroy.sharing.assisted_practitioners() == ()
    with pytest.raises(ValidationError) as not_secretary:
        durand.sharing.set_assistants([team.ids["c.petit"]])
    assert not_secretary.value.code == "assistant_not_secretary"
    changes = [json.loads(e.details) for e in _events(admin) if e.action == "assistance_changed"]
    assert changes == [{"added": [], "removed": [team.ids["s.leroy"]]}]


def test_break_the_glass_is_read_only_for_the_session_told_and_reviewed(
    team: Team, durand: UserSession
) -> None:
    admin = team.sessions[0]
    pid = durand.patients.create(identity()).id
    durand.forms.save(pid, "history", PersonalHistory(note="vu"), expected_version=0)
    bernard = team.login("p.bernard")
    for reason in ("", "urgence", "   court   "):
        with pytest.raises(ValidationError) as short:
            bernard.sharing.break_glass(pid, reason)
        assert short.value.code == "break_glass_reason" and short.value.params["minimum"] == 15
        assert "au moins 15 caractères" in str(short.value)
    with pytest.raises(PermissionDenied) as counsellor:
        team.login("c.petit").sharing.break_glass(pid, REASON)
    assert counsellor.value.code == "break_glass_role"
    with pytest.raises(ValidationError) as own:
        durand.sharing.break_glass(pid, REASON)
    assert own.value.code == "break_glass_not_needed"
    assert admin.sharing.list_break_glass_reviews() == ()
    notice = bernard.sharing.break_glass(pid, REASON)
    assert notice.patient_id == pid and notice.reason == REASON
    assert bernard.patients.get(pid).access is PatientAccess.READ
    assert pid in _visible(bernard)
    assert bernard.forms.get(pid, "history").content.note == "vu"
    assert bernard.summaries.build(pid).startswith(b"%PDF")
    with pytest.raises(PermissionDenied) as read_only:
        bernard.patients.update(pid, identity(city="Lyon"), expected_version=1)
    assert read_only.value.code == "patient_read_only"
    with pytest.raises(PermissionDenied):
        bernard.sharing.share(pid, team.ids["c.petit"], "read")
    # The session ends: so does the access.
    bernard.logout()
    again = team.login("p.bernard")
    assert pid not in _visible(again)
    with pytest.raises(PermissionDenied):
        again.patients.get(pid)
    # The owner is told at the next login, once.
    notices = durand.sharing.break_glass_notices()
    assert [(n.patient_id, n.user.id, n.reason) for n in notices] == [
        (pid, team.ids["p.bernard"], REASON)
    ]
    durand.sharing.acknowledge_notices()
    assert durand.sharing.break_glass_notices() == ()
    # The admin reviews: who, when, which file id, the reason.
    (review,) = admin.sharing.list_break_glass_reviews()
    assert (review.user.id, review.patient_id, review.reason) == (
        team.ids["p.bernard"],
        pid,
        REASON,
    )
    admin.sharing.mark_reviewed(review.id, "Justifié")
    assert admin.sharing.list_break_glass_reviews() == ()
    (done,) = admin.sharing.list_break_glass_reviews(include_reviewed=True)
    assert done.comment == "Justifié" and done.reviewed_by is not None
    with pytest.raises(NotFound) as missing:
        admin.sharing.mark_reviewed(review.id + 99)
    assert missing.value.code == "break_glass_review_not_found"
    with pytest.raises(PermissionDenied):
        durand.sharing.list_break_glass_reviews()
    logged = [e for e in _events(admin) if e.action.startswith("break_glass")]
    assert [e.action for e in logged] == ["break_glass", "break_glass_reviewed"]
    assert all("urgences" not in e.details and "Justifié" not in e.details for e in logged)


def test_a_share_granted_while_the_notice_is_open_is_told_next_time(
    team: Team, durand: UserSession
) -> None:
    first = durand.patients.create(identity()).id
    second = durand.patients.create(identity(birth_name="MARTIN")).id
    bernard = team.login("p.bernard")
    durand.sharing.share(first, team.ids["p.bernard"], "read", "")
    shown = bernard.sharing.new_shares_since_last_login()
    assert [s.patient.id for s in shown] == [first]
    # Another share arrives before "J'ai pris connaissance" is clicked.
    durand.sharing.share(second, team.ids["p.bernard"], "read", "")
    bernard.sharing.acknowledge_notices(shown, ())
    assert [s.patient.id for s in bernard.sharing.new_shares_since_last_login()] == [second]
    # With nothing named, everything pending is marked.
    bernard.sharing.acknowledge_notices()
    assert bernard.sharing.new_shares_since_last_login() == ()
