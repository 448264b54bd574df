"""Clinical forms through the services: versions, revisions, conflicts (two sessions,
two processes), who may read or edit, encryption at rest and what the log keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing
import queue as queue_mod

import concurrency_workers as workers
import pytest
from service_helpers import Team, identity
from sqlalchemy import select
from sqlcipher3 import dbapi2

from oiso_desktop.domain.clinical_forms import SCHEMA_VERSION, FormKind, content_to_dict
from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    FormValidationError,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.family import Age, Cancer, Family, Receptors, add_parents, update_person
from oiso_desktop.domain.form_changes import form_changes
from oiso_desktop.domain.permissions import PatientAccess, Permission
from oiso_desktop.domain.personal_history import (
    HistoryCancer,
    PersonalHistory,
    RiskReducingSurgery,
)
from oiso_desktop.services.access import PatientScope
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.clinical_form_service import _FORM_CONTENT, PAD_TO
from oiso_desktop.services.clinical_key_service import session_clinical_keys
from oiso_desktop.services.context import AccessMode
from oiso_desktop.services.dto import ClinicalFormView, UserInput
from oiso_desktop.storage.field_crypto import field_generation
from oiso_desktop.storage.keystore import Keystore
from oiso_desktop.storage.models import ClinicalForm, ClinicalFormRevision, PatientShare
from oiso_desktop.storage.uow import UnitOfWork

MARKER = "ZEBRE-7F3A carcinome lobulaire"
NAME_MARKER = "Gertrude-QX9"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

BREAST = HistoryCancer(
    site="breast",
    laterality="left",
    age=Age.parse("42"),
    diagnosis_date=dt.date(2017, 6, 1),
    histology="lobular",
    grade=2,
    receptors=Receptors(er="N", pr="N", her2="N"),
)


@pytest.fixture
def durand(team: Team, created_db) -> UserSession:  # type: ignore[no-untyped-def]
    """The first practitioner, approved with the recovery code; Bernard approved by him."""
    session = team.login("p.durand")
    session.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    team.login("p.bernard").logout()  # their own password first: then the approval
    session.clinical_key.approve(team.ids["p.bernard"])
    return session


@pytest.fixture
def patient_id(durand: UserSession) -> int:
    return durand.patients.create(identity()).id


def _share(team: Team, session: UserSession, patient_id: int, login: str, access: str) -> None:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        uow.session.merge(
            PatientShare(
                patient_id=patient_id,
                user_id=team.ids[login],
                access=access,
                granted_by_id=team.ids["p.durand"],
            )
        )
        uow.commit()


def _details(session: UserSession, action: str) -> list[dict[str, object]]:
    return [json.loads(e.details) for e in reversed(session.events.list(action=action))]


# ---------------------------------------------------------------- versions


def test_a_form_is_created_updated_and_every_content_kept(
    durand: UserSession, patient_id: int
) -> None:
    empty = durand.forms.get(patient_id, "history")
    assert (empty.version, empty.revision, empty.exists, empty.saved_at) == (0, 0, False, None)
    assert empty.content == PersonalHistory() and empty.current and not empty.read_only
    family = durand.forms.get(patient_id, FormKind.FAMILY).content
    assert isinstance(family, Family)
    assert [(p.id, p.sex, p.proband, p.birth_year) for p in family.people] == [
        ("p1", "F", True, 1975)
    ]
    assert durand.forms.revisions(patient_id, "history") == []

    first = PersonalHistory(cancers=(BREAST,))
    created = durand.forms.save(patient_id, "history", first, expected_version=0)
    assert (created.version, created.revision, created.saved_by) == (1, 1, "Paul Durand")
    assert created.content == first and created.saved_at == NOW
    second = PersonalHistory(
        cancers=(dataclasses.replace(BREAST, age=Age.parse("~42")),),
        surgeries=(RiskReducingSurgery(kind="salpingo_oophorectomy", date=dt.date(2021, 9, 1)),),
    )
    updated = durand.forms.save(patient_id, "history", second, expected_version=1)
    assert (updated.version, updated.revision) == (2, 2)
    same = durand.forms.save(patient_id, "history", second, expected_version=2)
    assert (same.version, same.revision) == (2, 2)  # nothing changed: nothing written

    assert durand.forms.get(patient_id, "history") == updated
    summaries = durand.forms.revisions(patient_id, "history")
    assert [(s.revision, s.current, s.saved_by) for s in summaries] == [
        (2, True, "Paul Durand"),
        (1, False, "Paul Durand"),
    ]
    old = durand.forms.revision(patient_id, "history", 1)
    assert (old.content, old.revision, old.current, old.read_only) == (first, 1, False, True)
    assert old.version == 2  # saving its content over the current one restores it
    assert durand.forms.revision(patient_id, "history", 2) == updated
    for missing in (0, 3):
        with pytest.raises(NotFound) as absent:
            durand.forms.revision(patient_id, "history", missing)
        assert absent.value.code == "clinical_form_revision_not_found"
    assert [str(c) for c in form_changes(old.content, updated.content)] == [
        "Cancer (sein, gauche) — Âge au diagnostic : 42 → ~42",
        "Chirurgies de réduction de risque : ajout de annexectomie (salpingo-ovariectomie)",
    ]
    assert _details(durand, "clinical_form_created") == [
        {"form": "history", "sections": ["cancers"], "revision": 1}
    ]
    assert _details(durand, "clinical_form_updated") == [
        {"form": "history", "sections": ["cancers", "surgeries"], "revision": 2}
    ]
    viewed = _details(durand, "clinical_form_viewed")
    assert viewed == [
        {"form": "history", "revision": 0},
        {"form": "family", "revision": 0},
        {"form": "history", "revision": 2},
        {"form": "history", "revision": 1},
        {"form": "history", "revision": 2},
    ]


def test_every_problem_is_returned_at_once_and_nothing_is_saved(
    durand: UserSession, patient_id: int
) -> None:
    bad = PersonalHistory(
        cancers=(
            HistoryCancer(site="prostate"),
            dataclasses.replace(BREAST, diagnosis_date=dt.date(1970, 1, 1), msi="msi"),
        ),
        surgeries=(RiskReducingSurgery(kind="mastectomy", date=dt.date(2030, 1, 1)),),
    )
    with pytest.raises(FormValidationError) as invalid:
        durand.forms.save(patient_id, "history", bad, expected_version=0)
    error = invalid.value
    assert isinstance(error, ValidationError) and error.code == "clinical_form_invalid"
    assert [(p.code, p.field) for p in error.problems] == [
        ("history_cancer_sex", "cancers[0].site"),
        ("history_date_before_birth", "cancers[1].diagnosis_date"),
        ("history_mmr_site", "cancers[1].msi"),
        ("history_surgery_side", "surgeries[0].side"),
        ("history_date_future", "surgeries[0].date"),
    ]
    assert error.params["count"] == 5 and str(error).startswith("Le formulaire n'a pas")
    broken_family = Family()  # no proband
    with pytest.raises(FormValidationError) as family_invalid:
        durand.forms.save(patient_id, "family", broken_family, expected_version=0)
    assert [p.code for p in family_invalid.value.problems] == ["family_no_proband"]
    assert durand.forms.get(patient_id, "history").version == 0
    assert durand.events.list(action="clinical_form_created") == []
    with pytest.raises(TypeError):  # a family is not a history
        durand.forms.save(patient_id, "history", broken_family, expected_version=0)
    with pytest.raises(ValidationError) as kind:
        durand.forms.get(patient_id, "horoscope")
    assert kind.value.code == "clinical_form_kind"


# ---------------------------------------------------------------- conflicts


def test_two_sessions_editing_one_form_lose_nothing(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _share(team, durand, patient_id, "p.bernard", "write")
    bernard = team.login("p.bernard")
    # Both open the form never saved, both create it: the second learns of the first.
    mine = durand.forms.get(patient_id, "family")
    theirs = bernard.forms.get(patient_id, "family")
    assert mine.version == theirs.version == 0
    assert isinstance(mine.content, Family)
    with_parents = add_parents(mine.content, "p1")
    durand.forms.save(patient_id, "family", with_parents, expected_version=0)
    typed = update_person(
        theirs.content,  # type: ignore[arg-type]
        dataclasses.replace(
            theirs.content.people[0],  # type: ignore[union-attr]
            cancers=(Cancer(site="breast", age=Age.parse("42")),),
        ),
    )
    with pytest.raises(ConcurrentEditError) as conflict:
        bernard.forms.save(patient_id, "family", typed, expected_version=0)
    error = conflict.value
    assert error.code == "clinical_form_conflict" and error.params["expected_version"] == 0
    current = error.params["current"]
    assert isinstance(current, ClinicalFormView)
    assert (current.version, current.content, current.saved_by) == (1, with_parents, "Paul Durand")
    # Bernard keeps what he typed, merges it into the saved version and saves again.
    proband = dataclasses.replace(typed.people[0], father_id="p2", mother_id="p3")
    merged = update_person(current.content, proband)  # type: ignore[arg-type]
    again = bernard.forms.save(patient_id, "family", merged, expected_version=current.version)
    assert again.version == 2 and again.saved_by == "Pauline Bernard"
    # Durand's view is stale now: exactly one conflict, nothing overwritten.
    with pytest.raises(ConcurrentEditError):
        durand.forms.save(patient_id, "family", with_parents, expected_version=1)
    final = durand.forms.get(patient_id, "family")
    assert final.content == merged
    assert [s.revision for s in durand.forms.revisions(patient_id, "family")] == [2, 1]
    assert durand.forms.revision(patient_id, "family", 1).content == with_parents


def test_two_processes_saving_at_once_get_one_conflict_per_round(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _share(team, durand, patient_id, "p.bernard", "write")
    team.login("p.bernard").logout()  # the one-time password replaced
    rounds = 3
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    processes = [
        ctx.Process(
            target=workers.save_form_rounds,
            args=(
                str(team.folder),
                login,
                team.passwords[login],
                patient_id,
                rounds,
                barrier,
                results,
            ),
        )
        for login in ("p.durand", "p.bernard")
    ]
    for process in processes:
        process.start()
    reports = []
    done = 0
    try:
        while done < 2:
            item = results.get(timeout=90)
            if item[0] == "form_worker_done":
                done += 1
                assert item[2] == [], item[2]
            else:
                reports.append(item)
    except queue_mod.Empty:
        pytest.fail("a form worker did not finish")
    finally:
        for process in processes:
            process.join(30)
    assert all(p.exitcode == 0 for p in processes)
    winners = {}
    for number in range(rounds):
        outcomes = sorted(r for r in reports if r[1] == number)
        assert [o[0] for o in outcomes] == ["conflict", "saved"], outcomes
        conflict, saved = outcomes
        assert conflict[2] != saved[2]
        assert saved[3] == number + 1  # the version after this round
        assert (conflict[3], conflict[4]) == (saved[3], saved[4])  # the winner's form shown
        winners[number + 1] = saved[4]
    summaries = durand.forms.revisions(patient_id, "history")
    assert [s.revision for s in summaries] == [3, 2, 1]
    for number, note in winners.items():
        assert durand.forms.revision(patient_id, "history", number).content.note == note


# ---------------------------------------------------------------- who


def test_secretaries_and_administrators_never_reach_a_form(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    durand.forms.save(patient_id, "history", PersonalHistory(note=MARKER), expected_version=0)
    secretary = team.login("s.leroy")  # assists Durand: sees the file's identity
    assert secretary.patients.get(patient_id).access is PatientAccess.WRITE
    for session in (team.sessions[0], secretary):
        for call in (
            lambda s=session: s.forms.get(patient_id, "history"),
            lambda s=session: s.forms.revisions(patient_id, "history"),
            lambda s=session: s.forms.revision(patient_id, "history", 1),
            lambda s=session: s.forms.save(
                patient_id, "history", PersonalHistory(), expected_version=1
            ),
        ):
            with pytest.raises(PermissionDenied) as refused:
                call()
            assert refused.value.code in ("permission_denied",)


def test_shares_decide_reading_and_editing_and_approval_is_needed(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    durand.forms.save(patient_id, "history", PersonalHistory(note="vu"), expected_version=0)
    team.login("c.petit").logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["c.petit"])
    counsellor = team.login("c.petit")
    with pytest.raises(PermissionDenied) as unshared:
        counsellor.forms.get(patient_id, "history")
    assert unshared.value.code == "no_patient_access"
    _share(team, durand, patient_id, "c.petit", "read")
    view = counsellor.forms.get(patient_id, "history")
    assert view.access is PatientAccess.READ and view.read_only and view.content.note == "vu"
    assert [s.revision for s in counsellor.forms.revisions(patient_id, "history")] == [1]
    with pytest.raises(PermissionDenied) as read_only:
        counsellor.forms.save(patient_id, "history", PersonalHistory(), expected_version=1)
    assert read_only.value.code == "patient_read_only"
    _share(team, durand, patient_id, "c.petit", "write")
    saved = counsellor.forms.save(patient_id, "history", PersonalHistory(), expected_version=1)
    assert saved.version == 2 and saved.access is PatientAccess.WRITE
    # A new practitioner whose clinical access is not approved yet.
    admin = team.sessions[0]
    _, password = admin.users.create_user(
        UserInput(
            login="n.nouveau",
            first_name="Noé",
            last_name="Nouveau",
            role=durand.actor.role,
            adeli="751234568",
        )
    )
    team.passwords["n.nouveau"] = password
    newcomer = team.login("n.nouveau")
    team.ids["n.nouveau"] = newcomer.actor.user_id
    _share(team, durand, patient_id, "n.nouveau", "write")
    with pytest.raises(PermissionDenied) as awaiting:
        newcomer.forms.get(patient_id, "history")
    assert awaiting.value.code == "clinical_access_awaiting"
    assert "attend l'approbation" in str(awaiting.value)


def test_form_access_agrees_with_the_patient_scope(team: Team, durand: UserSession) -> None:
    bernard = team.login("p.bernard")
    files = [
        durand.patients.create(identity()).id,
        durand.patients.create(identity(first_names="Zoé", birth_date=dt.date(1980, 5, 6))).id,
        bernard.patients.create(identity(birth_name="Benoît", birth_date=dt.date(1990, 1, 2))).id,
    ]
    _share(team, durand, files[1], "p.bernard", "read")
    _share(team, bernard, files[2], "p.durand", "write")
    team.login("c.petit").logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["c.petit"])
    _share(team, durand, files[0], "c.petit", "write")
    sessions = {login: team.login(login) for login in ("p.durand", "p.bernard", "c.petit")}
    sessions["s.leroy"] = team.login("s.leroy")
    sessions["admin"] = team.sessions[0]
    for login, session in sessions.items():
        with session.ctx.unit_of_work(AccessMode.READ) as uow:
            scope = PatientScope(uow, uow.actor)
            expected = {
                pid: scope.access_to(p) if (p := uow.patients.get(pid)) else PatientAccess.NONE
                for pid in files
            }
            clinical = session.can(Permission.VIEW_CLINICAL)
        for pid in files:
            access = expected[pid] if clinical else PatientAccess.NONE
            try:
                view = session.forms.get(pid, "history")
                got = view.access
            except PermissionDenied:
                got = PatientAccess.NONE
            assert got is access, (login, pid)
            try:
                session.forms.save(
                    pid,
                    "history",
                    PersonalHistory(note=f"{login}"),
                    expected_version=session.forms.get(pid, "history").version,
                )
                wrote = True
            except PermissionDenied:
                wrote = False
            assert wrote is (access is PatientAccess.WRITE), (login, pid)


# ---------------------------------------------------------------- at rest, in the log


def _planted_forms(durand: UserSession, patient_id: int) -> None:
    noted = PersonalHistory(
        cancers=(dataclasses.replace(BREAST, note=MARKER),), note=f"Suivi {MARKER}"
    )
    durand.forms.save(patient_id, "history", noted, expected_version=0)
    durand.forms.save(
        patient_id, "history", PersonalHistory(note=f"{MARKER} bis"), expected_version=1
    )
    family = durand.forms.get(patient_id, "family").content
    assert isinstance(family, Family)
    grown = add_parents(family, "p1")
    named = update_person(
        grown, dataclasses.replace(grown.person("p1"), name=NAME_MARKER, note=MARKER)
    )
    durand.forms.save(patient_id, "family", named, expected_version=0)


def test_form_contents_are_ciphertext_for_whoever_holds_only_the_database_key(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _planted_forms(durand, patient_id)
    assert durand.forms.get(patient_id, "history").content.note == f"{MARKER} bis"
    durand.logout()
    keystore = Keystore.load(team.folder / "oiso.keystore")
    result = keystore.sign_in("admin", team.passwords["admin"], now=NOW, secret_store=None)
    assert keystore.clinical_keys_for(result.slot_key) is None
    (dmk,) = result.dmk_candidates
    needles = [
        text.encode(encoding)
        for text in (MARKER, NAME_MARKER, "ZEBRE-7F3A", "lobular")
        for encoding in ("utf-8", "utf-16-le")
    ]
    connection = dbapi2.connect(str(team.folder / "oiso.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{dmk.hex()}'\"")
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        assert {"clinical_forms", "clinical_form_revisions", "events"} <= set(tables)
        counts = {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in ("clinical_forms", "clinical_form_revisions")
        }
        assert counts == {"clinical_forms": 2, "clinical_form_revisions": 1}
        sizes = set()
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    raw = value if isinstance(value, bytes) else str(value).encode()
                    for needle in needles:
                        assert needle not in raw, f"clear clinical text in {table}"
                    if table.startswith("clinical_form") and isinstance(value, bytes):
                        sizes.add(len(value))
        # padded before encryption: sizes move by whole blocks only
        overhead = 1 + 8 + 12 + 16  # version, generation, nonce, tag
        assert sizes and all((size - overhead) % PAD_TO == 0 for size in sizes)
    finally:
        connection.close()
    for path in team.folder.iterdir():
        if path.is_file():
            assert b"ZEBRE-7F3A" not in path.read_bytes()


def test_the_event_log_names_sections_never_values(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _planted_forms(durand, patient_id)
    durand.forms.revision(patient_id, "history", 1)
    durand.forms.revisions(patient_id, "history")
    with pytest.raises(ConcurrentEditError):
        durand.forms.save(patient_id, "history", PersonalHistory(note=MARKER), expected_version=1)
    with pytest.raises(FormValidationError):
        durand.forms.save(
            patient_id,
            "history",
            PersonalHistory(cancers=(HistoryCancer(site="prostate", note=MARKER),)),
            expected_version=2,
        )
    events = [e for e in durand.events.list(limit=1000) if e.action.startswith("clinical_form_")]
    assert len(events) == 5  # 3 saves, 2 views (one of a revision); refused saves: none
    for event in events:
        assert (event.object_type, event.object_id) == ("patient", patient_id)
        details = json.loads(event.details)
        assert set(details) <= {"form", "sections", "revision"}
        for value in (event.details, event.login, event.workstation):
            assert "ZEBRE" not in value and NAME_MARKER not in value and "lobul" not in value


# ---------------------------------------------------------------- clinical key rotation


def test_the_re_encryption_after_a_rotation_covers_forms_and_revisions(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    _planted_forms(durand, patient_id)
    before = {k: durand.forms.get(patient_id, k) for k in ("history", "family")}
    team.login("c.petit").logout()  # their own password first: then the approval
    durand.clinical_key.approve(team.ids["c.petit"])
    old_generation = durand.ctx.clinical.current_id  # type: ignore[union-attr]
    admin = team.sessions[0]
    with pytest.raises(Exception) as pending:  # noqa: PT011 - the DMK re-key waits
        admin.users.revoke(team.ids["c.petit"])
    assert getattr(pending.value, "code", None) == "rekey_pending"
    # The rotation is owed to a session holding the clinical key (endorsements):
    # Durand's performs it before re-encrypting.
    assert durand.clinical_key.rotate_owed() is not None

    def generations() -> set[str]:
        with durand.ctx.unit_of_work(AccessMode.READ) as uow:
            blobs = list(uow.session.scalars(select(ClinicalForm.content)))
            blobs += list(uow.session.scalars(select(ClinicalFormRevision.content)))
        return {field_generation(blob) for blob in blobs}

    assert generations() == {old_generation}
    while not durand.clinical_key.rekey_clinical_data(batch_size=2).done:
        pass
    new_generation = Keystore.load(team.folder / "oiso.keystore").clinical_key_id
    assert new_generation != old_generation and generations() == {new_generation}
    for kind, view in before.items():
        again = durand.forms.get(patient_id, kind)
        assert again == view  # same content, same version: no false conflict
    assert durand.forms.revision(patient_id, "history", 1).content.note == f"Suivi {MARKER}"
    saved = durand.forms.save(
        patient_id, "history", PersonalHistory(), expected_version=before["history"].version
    )
    assert saved.revision == 3


def test_forms_reach_the_gui_as_plain_frozen_data(durand: UserSession, patient_id: int) -> None:
    view = durand.forms.get(patient_id, "history")
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.version = 3  # type: ignore[misc]
    assert durand.forms.get.access_mode == "write"  # type: ignore[attr-defined]
    assert durand.forms.save.access_mode == "write"  # type: ignore[attr-defined]
    assert durand.forms.revisions.access_mode == "read"  # type: ignore[attr-defined]
    assert durand.forms.revision.access_mode == "write"  # type: ignore[attr-defined]


def test_a_stored_content_from_a_newer_version_is_refused_clearly(
    durand: UserSession, patient_id: int
) -> None:

    durand.forms.save(patient_id, "history", PersonalHistory(note="vu"), expected_version=0)
    ctx = durand.ctx
    with ctx.unit_of_work(AccessMode.WRITE) as uow:  # as a newer application would write it
        keys = session_clinical_keys(ctx, uow)
        form = uow.forms.get(patient_id, "history")
        assert form is not None
        newer = {"schema": SCHEMA_VERSION + 1, "kind": "history", "notes": ["vu"]}
        form.content = _FORM_CONTENT.encrypt(keys, form, json.dumps(newer).encode())
        uow.commit()
    with pytest.raises(StorageError) as too_new:
        durand.forms.get(patient_id, "history")
    assert too_new.value.code == "clinical_form_too_new"


def test_a_relative_links_to_their_own_file_only_for_readers_of_both(
    team: Team, durand: UserSession, patient_id: int
) -> None:
    """A link is saved only to a file the writer may open; a reader who may not open
    the linked file does not see the link, and saving does not drop it."""
    sister_file = durand.patients.create(
        identity(first_names="Odile", birth_date=dt.date(1950, 1, 9))
    ).id
    bernard = team.login("p.bernard")
    foreign_file = bernard.patients.create(
        identity(birth_name="Martin", birth_date=dt.date(1952, 5, 4))
    ).id
    family = add_parents(durand.forms.get(patient_id, "family").content, "p1")
    assert isinstance(family, Family)
    mother = family.person(family.proband.mother_id)  # type: ignore[union-attr, arg-type]

    # A file the writer may not open cannot be linked: refused, nothing saved.
    denied = update_person(family, dataclasses.replace(mother, patient_id=foreign_file))
    with pytest.raises(PermissionDenied) as refused:
        durand.forms.save(patient_id, "family", denied, expected_version=0)
    assert refused.value.code == "clinical_form_link_denied"
    assert refused.value.params["patient_id"] == foreign_file
    assert durand.forms.get(patient_id, "family").version == 0
    # Nor the file itself.
    own = update_person(family, dataclasses.replace(mother, patient_id=patient_id))
    with pytest.raises(PermissionDenied):
        durand.forms.save(patient_id, "family", own, expected_version=0)

    linked = update_person(family, dataclasses.replace(mother, patient_id=sister_file))
    saved = durand.forms.save(patient_id, "family", linked, expected_version=0)
    assert saved.link_labels == {sister_file: "LEFÈVRE Odile"}
    assert saved.content.person(mother.id).patient_id == sister_file  # type: ignore[union-attr]

    # Bernard may edit the proband's file, not the linked one: he does not see the link.
    _share(team, durand, patient_id, "p.bernard", "write")
    seen = bernard.forms.get(patient_id, "family")
    assert seen.link_labels == {}
    assert seen.content.person(mother.id).patient_id is None  # type: ignore[union-attr]
    assert all(person.patient_id is None for person in seen.content.people)  # type: ignore[union-attr]
    # He edits the family and saves: the link he could not see is kept.
    renamed = update_person(
        seen.content,  # type: ignore[arg-type]
        dataclasses.replace(seen.content.person(mother.id), name="Maman"),  # type: ignore[union-attr]
    )
    bernard.forms.save(patient_id, "family", renamed, expected_version=seen.version)
    after = durand.forms.get(patient_id, "family")
    kept = after.content.person(mother.id)  # type: ignore[union-attr]
    assert kept.name == "Maman" and kept.patient_id == sister_file
    # Revisions are masked the same way.
    older = bernard.forms.revision(patient_id, "family", 1)
    assert older.content.person(mother.id).patient_id is None  # type: ignore[union-attr]
    # The owner removes the link: removed for everyone.
    unlinked = update_person(after.content, dataclasses.replace(kept, patient_id=None))  # type: ignore[arg-type]
    durand.forms.save(patient_id, "family", unlinked, expected_version=after.version)
    assert durand.forms.get(patient_id, "family").link_labels == {}


# ---------------------------------------------------------------- CanRisk risk factors


def test_the_canrisk_risk_factors_of_a_family_are_saved_and_read_back(
    durand: UserSession, patient_id: int
) -> None:
    blank = durand.forms.get(patient_id, FormKind.FAMILY).content
    assert isinstance(blank, Family) and blank.risk_factors == ()
    factors = (("menarche", "13"), ("PRS_BC", "alpha=0.45,zscore=1.2"), ("oc_use", "F:4"))
    family = dataclasses.replace(add_parents(blank, "p1"), risk_factors=factors)
    durand.forms.save(patient_id, "family", family, expected_version=0)
    again = durand.forms.get(patient_id, "family")
    assert again.content == family and again.content.risk_factors == factors
    changed = dataclasses.replace(family, risk_factors=factors[:1])
    durand.forms.save(patient_id, "family", changed, expected_version=1)
    assert durand.forms.get(patient_id, "family").content.risk_factors == factors[:1]
    assert durand.forms.revision(patient_id, "family", 1).content.risk_factors == factors
    created, updated = _details(durand, "clinical_form_created") + _details(
        durand, "clinical_form_updated"
    )
    assert created["sections"] == ["people", "partnerships", "risk_factors"]
    assert updated["sections"] == ["risk_factors"]  # named, never a value
    for event in durand.events.list(limit=1000):
        assert "alpha" not in event.details and "menarche" not in event.details

    # A family stored before the risk factors had a place reads with none.
    ctx = durand.ctx
    with ctx.unit_of_work(AccessMode.WRITE) as uow:
        keys = session_clinical_keys(ctx, uow)
        form = uow.forms.get(patient_id, "family")
        assert form is not None
        older = content_to_dict(family)
        del older["risk_factors"]
        form.content = _FORM_CONTENT.encrypt(keys, form, json.dumps(older).encode())
        uow.commit()
    assert durand.forms.get(patient_id, "family").content == dataclasses.replace(
        family, risk_factors=()
    )


def test_opening_a_file_reads_its_forms_at_once_and_logs_each(
    durand: UserSession, patient_id: int
) -> None:
    durand.forms.save(patient_id, "history", PersonalHistory(note="vu"), expected_version=0)
    views = durand.forms.get_all(patient_id, ("history", "family"))
    assert views[FormKind.HISTORY].content.note == "vu" and views[FormKind.HISTORY].version == 1
    assert views[FormKind.FAMILY].version == 0  # never saved: the proband alone
    details = _details(durand, "clinical_form_viewed")
    assert sorted((d["form"], d["revision"]) for d in details[-2:]) == [
        ("family", 0),
        ("history", 1),
    ]
