"""Random sequences of sharing operations, checked against a simple reference model.

Among 8 users of every role (admin, 3 practitioners, 2 counsellors, 2 secretaries),
hypothesis runs create / share / change level / revoke share / transfer / assist /
unassist / suspend / revoke user / break-the-glass / log in again. After every step,
every user's list, search and counts, and for every (user, file): open, edit,
clinical read and attachments, plus the PDF summary and an attachment export of one
pair, must agree with the model of who may see or change what. Any disagreement is a
leak (or a wrongful refusal) and fails the test.

``OISO_SHARING_EXAMPLES`` / ``OISO_SHARING_STEPS`` run it longer (default: a run of
under a minute); ``OISO_SHARING_FILES`` caps the files of a sequence (8) and
``OISO_SHARING_PROGRESS=1`` prints a line per sequence. The long run (thousands of
steps), its command and its figures: benchmarks/README.md, "The long sharing state
machine".
"""

from __future__ import annotations

import itertools
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from document_samples import png_image
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from service_helpers import Team, identity

from oiso_desktop.domain.errors import (
    ConcurrentEditError,
    NotFound,
    OisoError,
    PermissionDenied,
    SessionEnded,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.permissions import PatientAccess
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import UserInput

EXAMPLES = int(os.environ.get("OISO_SHARING_EXAMPLES", "3"))
STEPS = int(os.environ.get("OISO_SHARING_STEPS", "20"))
#: files per sequence at most: every step checks every (user, file) pair, so the
#: cost of a step stays bounded however long the sequence
MAX_FILES = int(os.environ.get("OISO_SHARING_FILES", "8"))
#: a line per sequence on stderr (time, memory, open files, database size)
PROGRESS = os.environ.get("OISO_SHARING_PROGRESS", "") not in ("", "0")
LONG_REASON = "Patient inconscient admis aux urgences cette nuit"
ROLES = (
    Role.PRACTITIONER,
    Role.PRACTITIONER,
    Role.PRACTITIONER,
    Role.GENETIC_COUNSELLOR,
    Role.GENETIC_COUNSELLOR,
    Role.SECRETARY,
    Role.SECRETARY,
)
PROFESSIONAL = (Role.PRACTITIONER, Role.GENETIC_COUNSELLOR)
NONE, READ, WRITE = PatientAccess.NONE, PatientAccess.READ, PatientAccess.WRITE


@dataclass
class Model:
    """Who may see or change what: the rule of DESIGN.md §3, written plainly."""

    role: dict[int, Role] = field(default_factory=dict)
    active: dict[int, bool] = field(default_factory=dict)
    owner: dict[int, int] = field(default_factory=dict)
    shares: dict[tuple[int, int], str] = field(default_factory=dict)
    assists: set[tuple[int, int]] = field(default_factory=set)  # (secretary, practitioner)
    glass: dict[int, set[int]] = field(default_factory=dict)
    documents: dict[int, int] = field(default_factory=dict)  # patient -> document

    def access(self, user: int, patient: int) -> PatientAccess:
        role = self.role[user]
        if not self.active[user] or role is Role.ADMIN:
            return NONE
        if role is Role.SECRETARY:
            for secretary, practitioner in self.assists:
                if secretary == user and self.active[practitioner]:
                    if self.owner[patient] == practitioner:
                        return WRITE
                    if self.shares.get((patient, practitioner)) == "write":
                        return WRITE
            return NONE
        if self.owner[patient] == user:
            return WRITE
        share = self.shares.get((patient, user))
        if share == "write":
            return WRITE
        if share == "read":
            return READ
        if role is Role.PRACTITIONER and patient in self.glass.get(user, set()):
            return READ
        return NONE

    def clinical(self, user: int) -> bool:
        return self.role[user] in PROFESSIONAL


def _letters(n: int) -> str:
    """A name from a number ("Bac", ...): names hold letters only."""
    out = ""
    while True:
        n, digit = divmod(n, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not n:
            return out.capitalize()


class Counter:
    steps = 0
    checks = 0
    examples = 0
    started = 0.0


def _open_fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:  # not Linux
        return -1


def _rss_mib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class SharingMachine(RuleBasedStateMachine):
    team: Team
    approver: UserSession
    tmp: Path
    serial = itertools.count(1)

    def __init__(self) -> None:
        super().__init__()
        self.model = Model()
        self.sessions: dict[int, UserSession] = {}
        self.logins: dict[int, str] = {}
        self.users: list[int] = []
        self.patients: list[int] = []
        self.revoked: set[int] = set()
        self.admin = self.team.sessions[0]

    # ------------------------------------------------------------------ set-up

    @initialize()
    def create_users(self) -> None:
        Counter.examples += 1
        admin_id = self.admin.actor.user_id
        self.model.role[admin_id] = Role.ADMIN
        self.model.active[admin_id] = True
        self.sessions[admin_id] = self.admin
        self.users.append(admin_id)
        for role in ROLES:
            n = next(self.serial)
            login = f"u{n:04d}.{role.value[:4]}"
            data = UserInput(
                login=login,
                first_name=f"Prénom{n}",
                last_name=f"Nom{n}",
                role=role,
                adeli=f"75{n:07d}" if role in PROFESSIONAL else None,
            )
            view, password = self.admin.users.create_user(data)
            self.team.passwords[login] = password
            session = self._login(login)
            if role in PROFESSIONAL:
                self.approver.clinical_key.approve(view.id)
            self.sessions[view.id] = session
            self.logins[view.id] = login
            self.model.role[view.id] = role
            self.model.active[view.id] = True
            self.users.append(view.id)

    # ------------------------------------------------------------------ helpers

    def _login(self, login: str) -> UserSession:
        """Log in; the machine logs its sessions out itself (``teardown``): the team's
        list would keep every one of them, engine and statement cache, to the end of
        the run."""
        session = self.team.login(login)
        self.team.sessions.remove(session)
        return session

    def _users(self, *roles: Role) -> list[int]:
        return [u for u in self.users if self.model.role[u] in roles]

    def _attempt(self, allowed: bool, call) -> object:  # type: ignore[no-untyped-def]
        """Run ``call``; it must succeed exactly when the model allows it."""
        try:
            result = call()
        except (ValidationError, PermissionDenied, NotFound, SessionEnded) as exc:
            assert not allowed, f"refused but allowed by the model: {exc.code} {exc}"
            return None
        assert allowed, "done but refused by the model"
        return result

    def _owner_may(self, actor: int, patient: int) -> bool:
        m = self.model
        return m.active[actor] and m.role[actor] in PROFESSIONAL and m.owner[patient] == actor

    # ------------------------------------------------------------------ rules

    @precondition(lambda self: len(self.patients) < MAX_FILES)
    @rule(data=st.data())
    def create(self, data: st.DataObject) -> None:
        actor = data.draw(st.sampled_from(self._users(Role.PRACTITIONER, Role.SECRETARY)))
        m = self.model
        session = self.sessions[actor]
        n = next(self.serial)
        fields = identity(birth_name=f"Patient {_letters(n)}", first_names="Jeanne")
        if m.role[actor] is Role.SECRETARY:
            owner = data.draw(st.sampled_from(self._users(Role.PRACTITIONER)))
            allowed = m.active[actor] and m.active[owner] and (actor, owner) in m.assists
            view = self._attempt(
                allowed,
                lambda: session.patients.create(fields, owner_id=owner, confirm_duplicates=True),
            )
        else:
            owner = actor
            allowed = m.active[actor]
            view = self._attempt(
                allowed, lambda: session.patients.create(fields, confirm_duplicates=True)
            )
        if view is None:
            return
        pid = view.id  # type: ignore[attr-defined]
        m.owner[pid] = owner
        self.patients.append(pid)
        if m.role[actor] is Role.PRACTITIONER:
            doc = session.documents.add(pid, f"courrier{n}.png", png_image(colour=(n % 255, 9, 9)))
            m.documents[pid] = doc.id
        Counter.steps += 1

    @precondition(lambda self: self.patients)
    @rule(data=st.data(), level=st.sampled_from(["read", "write"]))
    def share(self, data: st.DataObject, level: str) -> None:
        m = self.model
        pid = data.draw(st.sampled_from(self.patients))
        actor = data.draw(st.sampled_from([m.owner[pid], *self.users]))
        recipient = data.draw(st.sampled_from(self.users))
        allowed = (
            self._owner_may(actor, pid)
            and recipient != actor
            and m.role[recipient] in PROFESSIONAL
            and m.active[recipient]
        )
        session = self.sessions[actor]
        if self._attempt(allowed, lambda: session.sharing.share(pid, recipient, level)):
            m.shares[(pid, recipient)] = level
        Counter.steps += 1

    @precondition(lambda self: self.model.shares)
    @rule(data=st.data())
    def change_level(self, data: st.DataObject) -> None:
        m = self.model
        pid, recipient = data.draw(st.sampled_from(sorted(m.shares)))
        actor = m.owner[pid]
        level = "read" if m.shares[(pid, recipient)] == "write" else "write"
        session = self.sessions[actor]
        allowed = self._owner_may(actor, pid)
        if self._attempt(allowed, lambda: session.sharing.change_level(pid, recipient, level)):
            m.shares[(pid, recipient)] = level
        Counter.steps += 1

    @precondition(lambda self: self.model.shares)
    @rule(data=st.data())
    def revoke_share(self, data: st.DataObject) -> None:
        m = self.model
        pid, recipient = data.draw(st.sampled_from(sorted(m.shares)))
        actor = data.draw(st.sampled_from([m.owner[pid], recipient]))
        session = self.sessions[actor]
        allowed = self._owner_may(actor, pid)
        if self._attempt(allowed, lambda: session.sharing.revoke_share(pid, recipient) or True):
            del m.shares[(pid, recipient)]
        Counter.steps += 1

    @precondition(lambda self: self.patients)
    @rule(data=st.data())
    def transfer(self, data: st.DataObject) -> None:
        m = self.model
        pid = data.draw(st.sampled_from(self.patients))
        admin = self.users[0]
        actor = data.draw(st.sampled_from([m.owner[pid], admin, *self.users]))
        successor = data.draw(st.sampled_from(self.users))
        successor_ok = m.role[successor] is Role.PRACTITIONER and m.active[successor]
        if actor == admin:
            allowed = successor_ok and not m.active[m.owner[pid]]
        else:
            allowed = self._owner_may(actor, pid) and successor_ok
        session = self.sessions[actor]
        if self._attempt(allowed, lambda: session.sharing.transfer([pid], successor) + 1):
            m.owner[pid] = successor
            m.shares.pop((pid, successor), None)
        Counter.steps += 1

    @rule(data=st.data(), add=st.booleans())
    def assist(self, data: st.DataObject, add: bool) -> None:
        m = self.model
        actor = data.draw(st.sampled_from(self._users(*PROFESSIONAL)))
        secretary = data.draw(st.sampled_from(self._users(Role.SECRETARY, Role.PRACTITIONER)))
        current = {s for s, p in m.assists if p == actor}
        wanted = current | {secretary} if add else current - {secretary}
        new = wanted - current
        allowed = m.active[actor] and all(m.role[s] is Role.SECRETARY and m.active[s] for s in new)
        session = self.sessions[actor]
        if self._attempt(allowed, lambda: session.sharing.set_assistants(wanted) or True):
            m.assists = {(s, p) for s, p in m.assists if p != actor} | {(s, actor) for s in wanted}
        Counter.steps += 1

    @rule(data=st.data(), revoke=st.booleans())
    def suspend_or_revoke(self, data: st.DataObject, revoke: bool) -> None:
        m = self.model
        target = data.draw(st.sampled_from(self.users[1:]))
        if not m.active[target]:
            return
        try:
            if revoke:
                self.admin.users.revoke(target)
            else:
                self.admin.users.suspend(target)
        except StorageError as pending:  # the re-key waits for the other sessions
            assert pending.code == "rekey_pending"
        m.active[target] = False
        m.glass.pop(target, None)
        if revoke:
            m.shares = {k: v for k, v in m.shares.items() if k[1] != target}
            self.revoked.add(target)
        Counter.steps += 1

    @precondition(lambda self: any(not self.model.active[u] for u in self.users[1:]))
    @rule(data=st.data())
    def reactivate(self, data: st.DataObject) -> None:
        """An administrator lifts a suspension (a revoked account stays revoked); the
        user signs in again. Keeps long sequences from ending with everyone inactive."""
        m = self.model
        target = data.draw(st.sampled_from([u for u in self.users[1:] if not m.active[u]]))
        allowed = target not in self.revoked
        if self._attempt(allowed, lambda: self.admin.users.reactivate(target)):
            m.active[target] = True
            self.sessions[target].logout()
            self.sessions[target] = self._login(self.logins[target])
        Counter.steps += 1

    @precondition(lambda self: self.patients)
    @rule(data=st.data(), long=st.booleans())
    def break_glass(self, data: st.DataObject, long: bool) -> None:
        m = self.model
        pid = data.draw(st.sampled_from(self.patients))
        actor = data.draw(st.sampled_from(self.users[1:]))
        allowed = (
            long
            and m.active[actor]
            and m.role[actor] is Role.PRACTITIONER
            and m.access(actor, pid) is NONE
        )
        reason = LONG_REASON if long else "urgence"
        session = self.sessions[actor]
        if self._attempt(allowed, lambda: session.sharing.break_glass(pid, reason)):
            m.glass.setdefault(actor, set()).add(pid)
        Counter.steps += 1

    @rule(data=st.data())
    def log_in_again(self, data: st.DataObject) -> None:
        m = self.model
        user = data.draw(st.sampled_from(self.users[1:]))
        if not m.active[user]:
            return
        self.sessions[user].logout()
        self.sessions[user] = self._login(self.logins[user])
        m.glass.pop(user, None)  # break-the-glass lasts one session
        Counter.steps += 1

    # ------------------------------------------------------------------ the check

    @invariant()
    def every_call_agrees_with_the_model(self) -> None:
        m = self.model
        mine = set(self.patients)
        for user in self.users:
            session = self.sessions[user]
            if not m.active[user]:
                with pytest.raises(SessionEnded):
                    session.patients.search_ids("")
                Counter.checks += 1
                continue
            if m.role[user] is Role.ADMIN:
                with pytest.raises(PermissionDenied):
                    session.patients.search_ids("")
                Counter.checks += 1
                continue
            expected = {pid for pid in mine if m.access(user, pid) is not NONE}
            listed = session.patients.search_ids("")
            ids = set(listed.ids)
            # files of earlier examples are nobody's here: none may show up
            assert ids == expected, (user, m.role[user], ids ^ expected)
            assert session.patients.search("", limit=500).total == len(expected)  # counts
            rows = session.patients.page(sorted(ids)[:100]).rows if ids else ()
            assert {r.id: r.access for r in rows} == {
                pid: m.access(user, pid) for pid in sorted(ids)[:100]
            }
            Counter.checks += 3
            for pid in self.patients:
                self._check_file(session, user, pid)
        pairs = [(u, p) for u in self.users for p in self.patients if m.active[u]]
        if pairs:
            user, pid = pairs[Counter.steps % len(pairs)]
            self._check_exports(self.sessions[user], user, pid)

    def _expect(self, allowed: bool, call, *denied: type[OisoError]) -> None:  # type: ignore[no-untyped-def]
        Counter.checks += 1
        if allowed:
            call()
        else:
            with pytest.raises(denied or (PermissionDenied,)):
                call()

    def _check_file(self, session: UserSession, user: int, pid: int) -> None:
        m = self.model
        access = m.access(user, pid)
        clinical = m.clinical(user) and access >= READ
        self._expect(access >= READ, lambda: session.patients.get(pid))
        if access >= READ:
            assert session.patients.get(pid).access is access
        # edit: an out-of-date version shows the refusal comes before any change
        Counter.checks += 1
        expected = ConcurrentEditError if access is WRITE else PermissionDenied
        with pytest.raises(expected):
            session.patients.update(pid, identity(city="Lyon"), expected_version=999)
        self._expect(clinical, lambda: session.forms.get(pid, "history"))
        self._expect(clinical, lambda: session.documents.list(pid))

    def _check_exports(self, session: UserSession, user: int, pid: int) -> None:
        m = self.model
        clinical = m.clinical(user) and m.access(user, pid) >= READ
        self._expect(clinical, lambda: session.summaries.build(pid))  # the PDF
        document = m.documents.get(pid)
        if document is not None:
            target = self.tmp / f"export-{Counter.checks}.png"
            self._expect(clinical, lambda: session.documents.export_copy(document, target))
            assert target.exists() is clinical

    def teardown(self) -> None:
        for user, session in self.sessions.items():
            # Every session, an ended one too (suspended, revoked): an ended session
            # still holds its engine, connections and page cache until logout.
            if user != self.users[0]:
                session.logout()
        if PROGRESS:
            folder = self.team.folder
            size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) / 2**20
            print(
                f"sequence {Counter.examples}: {Counter.steps} steps, {Counter.checks} calls, "
                f"{time.monotonic() - Counter.started:.0f} s, RSS {_rss_mib():.0f} MiB, "
                f"{_open_fds()} open files, {sum(not s._disposed for s in [*self.team.sessions, *self.sessions.values()])} "
                f"sessions open, database {size:.1f} MiB",
                file=sys.stderr,
                flush=True,
            )


def test_random_sharing_sequences_never_leak(team: Team, created_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    approver = team.login("p.durand")
    approver.clinical_key.approve_with_recovery_code(
        team.ids["p.durand"], str(created_db.recovery_code)
    )
    SharingMachine.team = team
    SharingMachine.approver = approver
    SharingMachine.tmp = tmp_path
    Counter.steps = Counter.checks = Counter.examples = 0
    Counter.started = time.monotonic()
    run_state_machine_as_test(
        SharingMachine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],  # no shrinking: the steps print
            suppress_health_check=list(HealthCheck),
        ),
    )
    print(
        f"sharing state machine: {Counter.examples} sequences, {Counter.steps} steps, "
        f"{Counter.checks} service calls checked against the model, 0 leaks "
        f"({time.monotonic() - Counter.started:.0f} s)"
    )
    assert Counter.steps > 0
