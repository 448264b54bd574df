"""Creation of a local database with its first administrator (first-run wizard, CLI)."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from oiso_desktop.domain.errors import StorageError, ValidationError
from oiso_desktop.domain.passwords import validate_password
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.context import AccessMode, ServiceContext, actor_of, naive_utc
from oiso_desktop.services.dto import Actor, SetupResult, StructureInput, UserInput
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.user_service import add_account
from oiso_desktop.services.validation import clean_structure, clean_user
from oiso_desktop.storage import crypto
from oiso_desktop.storage.local_database import (
    DB_FILENAME,
    FAILURES_FILENAME,
    KEYSTORE_FILENAME,
    Database,
    LocalDatabase,
)
from oiso_desktop.storage.models import Structure, User
from oiso_desktop.storage.secret_store import SecretStore

__all__ = ["create_local_database"]

ALREADY_EXISTS_MESSAGE = "Une base OISO existe déjà dans ce dossier."


@dataclass
class CreatedDatabase:
    """An open, freshly created database (for the demo builder)."""

    result: SetupResult
    local: LocalDatabase
    database: Database
    dmk: bytes
    admin: Actor
    ctx: ServiceContext


def database_file(folder: Path) -> Path:
    """The encrypted database file a local database folder holds (or will hold)."""
    return Path(folder) / DB_FILENAME


def database_present(folder: Path) -> bool:
    """True when ``folder`` holds both files of a local database."""
    folder = Path(folder)
    return (folder / DB_FILENAME).is_file() and (folder / KEYSTORE_FILENAME).is_file()


def database_in_the_way(folder: Path) -> bool:
    """True when creating a database in ``folder`` would meet an existing one."""
    return LocalDatabase.exists(Path(folder))


def _remove_created(folder: Path, folder_existed: bool) -> None:
    """Remove what a failed creation left (only the files this module creates)."""
    for name in (
        DB_FILENAME,
        f"{DB_FILENAME}-wal",
        f"{DB_FILENAME}-shm",
        f"{DB_FILENAME}-journal",
        KEYSTORE_FILENAME,
        f"{KEYSTORE_FILENAME}.lock",
        FAILURES_FILENAME,
        f"{FAILURES_FILENAME}.lock",
    ):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    for leftover in folder.glob(f".{KEYSTORE_FILENAME}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    if not folder_existed:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty


def create_database(
    folder: Path,
    *,
    structure: StructureInput,
    admin: UserInput,
    admin_password: str,
    bind_admin_slot: bool = False,
    secret_store: SecretStore | None = None,
    shared: bool = False,
) -> CreatedDatabase:
    """Like :func:`create_local_database`, but the database stays open (caller disposes)."""
    folder = Path(folder)
    # Every check before any file is written.
    clean_admin = clean_user(admin)
    if clean_admin.role is not Role.ADMIN:
        raise ValidationError(
            "Le premier compte doit être un compte administrateur.",
            code="first_account_not_admin",
            field="role",
        )
    clean_struct = clean_structure(structure)
    validate_password(
        admin_password,
        login=clean_admin.login,
        names=(clean_admin.first_name, clean_admin.last_name),
    )
    if LocalDatabase.exists(folder):
        raise StorageError(ALREADY_EXISTS_MESSAGE, code="already_exists")
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            f"Ce chemin n'est pas un dossier : {folder}", code="not_a_folder", path=str(folder)
        )
    folder_existed = folder.exists()
    database: Database | None = None
    try:
        local, dmk = LocalDatabase.create(folder, shared=shared)
        database = local.connect([dmk])
        ctx = ServiceContext(
            database=database, secret_store=secret_store, keystore=local.keystore, dmk=dmk
        )
        now = naive_utc(ctx.now())
        with ctx.unit_of_work(AccessMode.WRITE) as uow:
            structure_row = Structure(
                name=clean_struct.name,
                finess=clean_struct.finess,
                address=clean_struct.address,
                phone=clean_struct.phone,
                lab_client_number=clean_struct.lab_client_number,
                created_at=now,
            )
            uow.session.add(structure_row)
            uow.flush()
            admin_data = dataclasses.replace(clean_admin, structure_id=structure_row.id)

            def database_created(user: User) -> None:
                record_event(
                    uow,
                    ctx,
                    actor_of(user),
                    "database_created",
                    object_type="database",
                    details={"backend": database.backend, "shared": shared},
                )

            # The administrator chose this password: no change forced.
            user = add_account(
                uow,
                ctx,
                None,
                admin_data,
                admin_password,
                keystore=local.keystore,
                dmk=dmk,
                must_change_password=False,
                bind=bind_admin_slot,
                secret_store=secret_store,
                before_event=database_created,
            )
            actor = actor_of(user)
            recovery_code = crypto.new_recovery_code()
            local.keystore.set_recovery_slot(recovery_code, dmk)
            uow.commit()
    except BaseException:
        if database is not None:
            database.dispose()
        _remove_created(folder, folder_existed)
        raise
    result = SetupResult(
        database_folder=folder, recovery_code=recovery_code, admin_user_id=actor.user_id
    )
    return CreatedDatabase(
        result=result, local=local, database=database, dmk=dmk, admin=actor, ctx=ctx
    )


def create_local_database(
    folder: Path,
    *,
    structure: StructureInput,
    admin: UserInput,
    admin_password: str,
    bind_admin_slot: bool = False,
    secret_store: SecretStore | None = None,
    shared: bool = False,
) -> SetupResult:
    """Create ``oiso.db`` + ``oiso.keystore`` in ``folder`` with the first administrator.

    Input and password policy are checked before any file is written; on any later
    failure, the files created are removed (nothing half-made is left behind).
    The recovery code of the result is shown once (recovery sheet).
    """
    created = create_database(
        folder,
        structure=structure,
        admin=admin,
        admin_password=admin_password,
        bind_admin_slot=bind_admin_slot,
        secret_store=secret_store,
        shared=shared,
    )
    created.database.dispose()
    return created.result
