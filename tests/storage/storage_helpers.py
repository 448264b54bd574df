"""Helpers of the storage tests: real SQLCipher files in tmp_path, cheap argon2."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from oiso_desktop.storage import crypto
from oiso_desktop.storage.keystore import SlotKey
from oiso_desktop.storage.local_database import Database, LocalDatabase
from oiso_desktop.storage.models import User
from oiso_desktop.storage.secret_store import MemorySecretStore
from oiso_desktop.storage.uow import UnitOfWork

ADMIN_PASSWORD = "Correct-horse-42!"
USER_PASSWORD = "Battery-staple-77?"


@dataclass
class Folder:
    """A database folder with an admin (id 1), a user (id 2) and a recovery code."""

    path: Path
    dmk: bytes
    recovery_code: str

    @property
    def db_path(self) -> Path:
        return self.path / "oiso.db"

    @property
    def keystore_path(self) -> Path:
        return self.path / "oiso.keystore"

    def open(self) -> LocalDatabase:
        return LocalDatabase.open(self.path)

    def login(self, login: str, password: str, store: object | None = None) -> Database:
        local = self.open()
        slot = local.keystore.unlock_user(login, password, store or MemorySecretStore())
        return local.connect(slot.dmk_candidates)

    def session(self, login: str, password: str) -> tuple[Database, SlotKey]:
        """An open database and the slot key of ``login`` (what a signed-in session holds)."""
        local = self.open()
        slot = local.keystore.unlock_user(login, password, MemorySecretStore())
        holder = SlotKey(slot.user_id, slot.private_key)
        return local.connect(slot.dmk_candidates, holder=holder), holder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def make_user(user_id: int, login: str, role: str = "practitioner") -> User:
    return User(
        id=user_id,
        login=login,
        first_name="Prénom",
        last_name=f"Nom{user_id}",
        role=role,
        status="active",
        must_change_password=False,
        created_at=dt.datetime(2026, 1, 1),
    )


def build_folder(path: Path, *, bind_user: bool = False, store: object | None = None) -> Folder:
    local, dmk = LocalDatabase.create(path)
    local.keystore.add_user_slot(1, "Admin", ADMIN_PASSWORD, dmk)
    local.keystore.add_user_slot(
        2,
        "j.dupont",
        USER_PASSWORD,
        dmk,
        bind=bind_user,
        secret_store=store,  # type: ignore[arg-type]
    )
    code = crypto.new_recovery_code()
    local.keystore.set_recovery_slot(code, dmk)
    database = local.connect([dmk])
    with UnitOfWork(database.session_factory) as uow:
        uow.users.add(make_user(1, "admin", role="admin"))
        uow.users.add(make_user(2, "j.dupont"))
        uow.commit()
    database.dispose()
    return Folder(path=path, dmk=dmk, recovery_code=code)
