"""Creating a local database with its first administrator."""

from __future__ import annotations

from pathlib import Path

import pytest

from oiso_desktop.domain.errors import (
    InvalidIdentifier,
    KeyringUnavailable,
    PasswordPolicyError,
    StorageError,
    ValidationError,
)
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.dto import StructureInput, UserInput
from oiso_desktop.services.setup_service import create_local_database
from oiso_desktop.storage.secret_store import MemorySecretStore

STRUCTURE = StructureInput(name="Centre de génétique", finess="750712184")
ADMIN = UserInput(login="Admin", first_name="Alice", last_name="Martin", role=Role.ADMIN)
PASSWORD = "Correct-horse-42!"


def test_the_admin_created_at_setup_logs_in_without_forced_change(tmp_path: Path) -> None:
    folder = tmp_path / "base"
    result = create_local_database(
        folder, structure=STRUCTURE, admin=ADMIN, admin_password=PASSWORD
    )
    assert result.database_folder == folder
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "oiso.db",
        "oiso.keystore",
        "oiso.keystore.lock",
    ]
    assert len(result.recovery_code.replace("-", "")) == 26

    session = AuthService(folder, secret_store=MemorySecretStore()).login("admin", PASSWORD)
    try:
        assert session.actor.user_id == result.admin_user_id
        assert session.actor.role is Role.ADMIN
        assert session.actor.login == "admin"  # stored lower-case
        assert session.must_change_password is False
        events = session.events.list()
        assert [e.action for e in reversed(events)] == [
            "database_created",
            "user_created",
            "clinical_key_created",
            "login",
        ]
        structures = session.users.list_structures()
        assert [(s.name, s.finess) for s in structures] == [("Centre de génétique", "750712184")]
        assert session.events.verify().ok
    finally:
        session.logout()


@pytest.mark.parametrize(
    ("structure", "admin", "password", "error"),
    [
        (StructureInput(name="Centre", finess="750712185"), ADMIN, PASSWORD, InvalidIdentifier),
        (StructureInput(name=" ", finess="750712184"), ADMIN, PASSWORD, ValidationError),
        (STRUCTURE, ADMIN, "court", PasswordPolicyError),
        (STRUCTURE, ADMIN, "Alice-Martin-2026!", PasswordPolicyError),  # contains the name
        (
            STRUCTURE,
            UserInput(login="m", first_name="Alice", last_name="Martin", role=Role.ADMIN),
            PASSWORD,
            ValidationError,
        ),
        (
            STRUCTURE,
            UserInput(login="alice", first_name="Alice", last_name="Martin", role=Role.SECRETARY),
            PASSWORD,
            ValidationError,
        ),
    ],
)
def test_bad_input_is_refused_before_any_file_is_written(
    tmp_path: Path,
    structure: StructureInput,
    admin: UserInput,
    password: str,
    error: type[Exception],
) -> None:
    folder = tmp_path / "base"
    with pytest.raises(error):
        create_local_database(folder, structure=structure, admin=admin, admin_password=password)
    assert not folder.exists()


def test_an_existing_database_is_never_overwritten(created_db) -> None:  # type: ignore[no-untyped-def]
    before = {p.name: p.read_bytes() for p in created_db.folder.iterdir()}
    with pytest.raises(StorageError) as excinfo:
        create_local_database(
            created_db.folder, structure=STRUCTURE, admin=ADMIN, admin_password=PASSWORD
        )
    assert excinfo.value.code == "already_exists"
    assert {p.name: p.read_bytes() for p in created_db.folder.iterdir()} == before


def test_a_failure_after_the_files_were_created_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "base"
    # Binding the slot to this computer needs a keyring: this one has none.
    with pytest.raises(KeyringUnavailable):
        create_local_database(
            folder,
            structure=STRUCTURE,
            admin=ADMIN,
            admin_password=PASSWORD,
            bind_admin_slot=True,
            secret_store=MemorySecretStore(available=False),
        )
    assert not folder.exists()

    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(KeyringUnavailable):
        create_local_database(
            existing,
            structure=STRUCTURE,
            admin=ADMIN,
            admin_password=PASSWORD,
            bind_admin_slot=True,
            secret_store=MemorySecretStore(available=False),
        )
    assert [p.name for p in existing.iterdir()] == ["notes.txt"]


def test_a_bound_admin_slot_needs_this_computers_keyring(tmp_path: Path) -> None:
    folder = tmp_path / "base"
    store = MemorySecretStore()
    create_local_database(
        folder,
        structure=STRUCTURE,
        admin=ADMIN,
        admin_password=PASSWORD,
        bind_admin_slot=True,
        secret_store=store,
    )
    AuthService(folder, secret_store=store).login("admin", PASSWORD).logout()
    with pytest.raises(KeyringUnavailable):
        AuthService(folder, secret_store=MemorySecretStore()).login("admin", PASSWORD)
