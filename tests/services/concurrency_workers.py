"""Child processes of the multi-process tests (started with the "spawn" context).

Each child is a separate app instance on the same database folder: it sets the
cheap test argon2 parameters itself, uses an in-memory secret store, and
reports what it did on a queue. Only the public service API is used.
"""

from __future__ import annotations

import secrets
import time
import traceback
from pathlib import Path
from typing import Any


def _setup() -> None:
    from cheap_kdf import use_cheap_kdf

    use_cheap_kdf()


def _auth(folder: str) -> Any:
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.storage.secret_store import MemorySecretStore

    return AuthService(Path(folder), secret_store=MemorySecretStore())


def fail_logins(folder: str, victims: list[str], queue: Any, stop: Any) -> None:
    """Wrong passwords for known logins, and unknown logins, until ``stop``."""
    _setup()
    from oiso_desktop.domain.errors import AuthenticationError, OisoError

    auth = _auth(folder)
    injected = 0
    errors: list[str] = []
    i = 0
    try:
        while not stop.is_set():
            i += 1
            login = victims[i % len(victims)] if i % 3 == 0 else f"inconnu.{secrets.token_hex(4)}"
            try:
                auth.login(login, f"Mauvais-mot-{i}-Xz!")
            except AuthenticationError:
                injected += 1
            except OisoError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
    except BaseException:
        errors.append(traceback.format_exc())
    queue.put(("failer_done", injected, errors))


def change_passwords(folder: str, users: dict[str, str], queue: Any, stop: Any) -> None:
    """Log in, change the password, log out, for each user in turn, until ``stop``."""
    _setup()
    from oiso_desktop.domain.errors import OisoError

    auth = _auth(folder)
    passwords = dict(users)
    changes = 0
    errors: list[str] = []
    n = 0
    try:
        while not stop.is_set():
            for login in passwords:
                n += 1
                new = f"Nouveau-{secrets.token_hex(3)}-{n}-Qz7!"
                try:
                    session = auth.login(login, passwords[login])
                except OisoError as exc:
                    errors.append(f"login {login}: {type(exc).__name__}: {exc}")
                    continue
                try:
                    session.change_password(passwords[login], new)
                except OisoError as exc:
                    errors.append(f"change {login}: {type(exc).__name__}: {exc}")
                else:
                    passwords[login] = new
                    changes += 1
                    queue.put(("changed", login, new))
                finally:
                    session.logout()
                time.sleep(0.01)  # the file is free now and then: some re-keys go through
    except BaseException:
        errors.append(traceback.format_exc())
    queue.put(("changer_done", changes, errors))


def create_and_revoke(
    folder: str, admin_login: str, admin_password: str, copies: str, count: int, queue: Any
) -> None:
    """Create a user, keep a copy of the keystore holding its slot, revoke the
    previous one; ``count`` revocations in all."""
    _setup()
    from oiso_desktop.domain.errors import OisoError
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.dto import UserInput

    errors: list[str] = []
    outcomes: dict[str, int] = {}
    started = time.monotonic()
    try:
        session = _auth(folder).login(admin_login, admin_password)
        previous: int | None = None
        for i in range(count + 1):
            for _attempt in range(5):
                try:
                    view, password = session.users.create_user(
                        UserInput(
                            login=f"r.user{i}",
                            first_name="Temp",
                            last_name=f"Compte{i}",
                            role=Role.SECRETARY,
                        ),
                    )
                    break
                except OisoError as exc:
                    errors.append(f"create {i}: {type(exc).__name__}: {exc}")
            else:
                continue
            copy = Path(copies) / f"r.user{i}.keystore"
            copy.write_bytes((Path(folder) / "oiso.keystore").read_bytes())
            queue.put(("created", view.id, view.login, password, str(copy)))
            if previous is not None:
                try:
                    session.users.revoke(previous)
                    outcome = "rekeyed"
                except OisoError as exc:
                    outcome = str(exc.code)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                queue.put(("revoked", previous, outcome))
            previous = view.id
        session.logout()
    except BaseException:
        errors.append(traceback.format_exc())
    queue.put(("revoker_done", outcomes, errors, time.monotonic() - started))


def hold_session(folder: str, login: str, password: str, ready: Any, release: Any) -> None:
    """Log in and keep the database open until ``release`` (another user's instance)."""
    _setup()
    session = _auth(folder).login(login, password)
    session.patients.search("x")
    ready.set()
    release.wait(30)
    session.logout()


def log_in_once(folder: str, login: str, password: str, start: Any, queue: Any) -> None:
    """Wait for ``start`` then log in and out (concurrent logins)."""
    _setup()
    start.wait(30)
    try:
        _auth(folder).login(login, password).logout()
        queue.put(("ok", login))
    except Exception as exc:  # reported to the test
        queue.put(("error", f"{login}: {type(exc).__name__}: {exc}"))


def try_wrong_password(folder: str, login: str, start: Any, queue: Any) -> None:
    """Wait for ``start``, then one wrong password: report whether it was checked."""
    _setup()
    from oiso_desktop.domain.errors import AccountLocked, AuthenticationError

    auth = _auth(folder)
    start.wait(60)
    try:
        auth.login(login, "Faux-mot-de-passe-2026!").logout()
        queue.put("opened")
    except AccountLocked:
        queue.put("locked")
    except AuthenticationError:
        queue.put("checked")
    except Exception as exc:  # reported to the test
        queue.put(f"error: {type(exc).__name__}")


def save_form_rounds(
    folder: str, login: str, password: str, patient_id: int, rounds: int, barrier: Any, queue: Any
) -> None:
    """Each round: read the history form, wait for the other instance, save a note.

    Reports ("saved", round, login, version) or ("conflict", round, login, the
    version and note of the current form carried by the error).
    """
    _setup()
    from oiso_desktop.domain.errors import ConcurrentEditError
    from oiso_desktop.domain.personal_history import PersonalHistory

    errors: list[str] = []
    try:
        session = _auth(folder).login(login, password)
        try:
            for round_number in range(rounds):
                view = session.forms.get(patient_id, "history")
                barrier.wait(60)
                note = f"{login} tour {round_number}"
                try:
                    saved = session.forms.save(
                        patient_id,
                        "history",
                        PersonalHistory(note=note),
                        expected_version=view.version,
                    )
                    queue.put(("saved", round_number, login, saved.version, note))
                except ConcurrentEditError as exc:
                    current = exc.params["current"]
                    queue.put(
                        ("conflict", round_number, login, current.version, current.content.note)
                    )
                barrier.wait(60)
        finally:
            session.logout()
    except BaseException:
        errors.append(traceback.format_exc())
        barrier.abort()
    queue.put(("form_worker_done", login, errors))


def create_and_erase_patients(
    folder: str, login: str, password: str, rounds: int, queue: Any
) -> None:
    """As a practitioner: create two files, erase the newest, ``rounds`` times; report
    every id given (erased ones included)."""
    _setup()
    import datetime as dt

    from oiso_desktop.domain.patients import IdentityFields

    given: list[int] = []
    errors: list[str] = []
    try:
        session = _auth(folder).login(login, password)
        try:
            for n in range(rounds):
                suffix = chr(ord("A") + n % 26)
                for month, name in enumerate((f"GARDE{suffix}", f"EFFACE{suffix}"), start=1):
                    fields = IdentityFields(
                        birth_name=name,
                        first_names="Test",
                        birth_date=dt.date(1950 + n, month, 1),  # never a likely duplicate
                        sex="F",
                    )
                    given.append(session.patients.create(fields).id)
                session.rights.erase(given[-1], f"EFFACE{suffix}")
        finally:
            session.logout()
    except BaseException:
        errors.append(traceback.format_exc())
    queue.put(("patients_done", given, errors))
