"""Creation of a local database with its first administrator (first-run wizard, CLI)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from oiso_desktop.domain.errors import StorageError, ValidationError
from oiso_desktop.domain.passwords import validate_password
from oiso_desktop.domain.roles import Role
from oiso_desktop.services.clinical_key_service import CREATED_ACTION, generation_details
from oiso_desktop.services.context import AccessMode, ServiceContext, actor_of, naive_utc
from oiso_desktop.services.dto import Actor, SetupResult, StructureInput, UserInput
from oiso_desktop.services.event_log import record_event
from oiso_desktop.services.user_service import add_account
from oiso_desktop.services.validation import (
    CleanStructure,
    CleanUser,
    clean_structure,
    clean_user,
)
from oiso_desktop.storage import crypto
from oiso_desktop.storage.clinical_chain import anchor_of
from oiso_desktop.storage.field_crypto import ClinicalKeys
from oiso_desktop.storage.local_database import (
    DB_FILENAME,
    FAILURES_FILENAME,
    KEYSTORE_FILENAME,
    Database,
    LocalDatabase,
)
from oiso_desktop.storage.models import Structure, User
from oiso_desktop.storage.secret_store import SecretStore
from oiso_desktop.system import paths
from oiso_desktop.system.files import make_folders, remove_empty_folders

__all__ = [
    "create_local_database",
    "database_present",
    "discard_database",
    "prepare_database_folder",
    "remember_database_folder",
    "validate_setup",
]

ALREADY_EXISTS_MESSAGE = "Une base OISO existe déjà dans ce dossier."
#: The database folder: the OS user only, or the OS users of the computer (group).
FOLDER_MODE = 0o700
SHARED_FOLDER_MODE = 0o770


@dataclass
class CreatedDatabase:
    """An open, freshly created database (for the demo builder)."""

    result: SetupResult
    local: LocalDatabase
    database: Database
    dmk: bytes
    admin: Actor
    ctx: ServiceContext
    #: The new clinical key, sealed to the recovery slot only (the demo grants it to
    #: its clinical accounts); forget it when done.
    clinical_keys: ClinicalKeys = field(repr=False)


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


def _folder_error(folder: Path, exc: OSError) -> StorageError:
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return StorageError(
            f"Le dossier {folder} ne peut pas être créé : un élément de ce chemin est un "
            "fichier, pas un dossier.",
            code="not_a_folder",
            path=str(folder),
        )
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError):
        reason = "droits insuffisants"
    return StorageError(
        f"Le dossier {folder} ne peut pas être créé ou modifié ({reason}). "
        "Choisissez un autre dossier.",
        code="folder_not_writable",
        path=str(folder),
        reason=reason,
    )


def prepare_database_folder(folder: Path, *, shared: bool = False) -> list[Path]:
    """Check (and create) the folder of a new database; return the folders created.

    New folders (the folder and missing parents) get 0o700, or 0o770 when
    ``shared``, whatever the umask. StorageError (French) when a database is
    already there, when the path goes through a file, or when the folder cannot be
    created or written. Nothing is left behind on failure.
    """
    folder = Path(folder)
    if LocalDatabase.exists(folder):
        raise StorageError(ALREADY_EXISTS_MESSAGE, code="already_exists")
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            f"Ce chemin n'est pas un dossier : {folder}", code="not_a_folder", path=str(folder)
        )
    try:
        created = make_folders(folder, SHARED_FOLDER_MODE if shared else FOLDER_MODE)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        remove_empty_folders(created)
        raise _folder_error(folder, PermissionError(13, "Permission denied", str(folder)))
    return created


def discard_database(folder: Path, created_folders: list[Path] | tuple[Path, ...] = ()) -> None:
    """Remove a database that was just created, and the folders created for it.

    For a creation that cannot be completed (e.g. the recovery code could not be
    shown): only the files this module creates are removed, then the
    ``created_folders`` (from :func:`prepare_database_folder`) if they are empty.
    """
    folder = Path(folder)
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
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{KEYSTORE_FILENAME}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    remove_empty_folders(list(created_folders))


def remember_database_folder(folder: Path, *, shared: bool) -> Path:
    """Remember ``folder`` in the user's (or the computer's) config file; return the file.

    StorageError (code ``config_write_failed``, French) when it cannot be written.
    """
    try:
        return paths.remember_database_folder(folder, shared=shared)
    except paths.ConfigWriteError as exc:
        raise StorageError(
            str(exc), code="config_write_failed", path=str(exc.config_path), reason=exc.reason
        ) from exc


def validate_setup(
    structure: StructureInput, admin: UserInput, admin_password: str
) -> tuple[CleanStructure, CleanUser]:
    """Every check of a creation that needs no file; returns the cleaned inputs."""
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
    return clean_struct, clean_admin


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
    clean_struct, clean_admin = validate_setup(structure, admin, admin_password)
    created_folders = prepare_database_folder(folder, shared=shared)
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
            # The clinical key: sealed and endorsed to the recovery slot only (this
            # process made both: its public key is genuine) and pinned in it;
            # clinical accounts get it when a colleague (or, for the first, the
            # recovery code) approves. Its creation event anchors its chain.
            clinical_keys = local.keystore.create_clinical_key(recovery_code)
            assert clinical_keys is not None
            record_event(
                uow,
                ctx,
                actor,
                CREATED_ACTION,
                object_type="database",
                details=generation_details(anchor_of(clinical_keys.key(clinical_keys.current_id))),
            )
            uow.commit()
    except BaseException:
        if database is not None:
            database.dispose()
        discard_database(folder, created_folders)
        raise
    result = SetupResult(
        database_folder=folder, recovery_code=recovery_code, admin_user_id=actor.user_id
    )
    return CreatedDatabase(
        result=result,
        local=local,
        database=database,
        dmk=dmk,
        admin=actor,
        ctx=ctx,
        clinical_keys=clinical_keys,
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
    The recovery code of the result is shown once (recovery sheet). The clinical
    key is created sealed to the recovery slot only: the administrator's slot never
    holds it.
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
    created.clinical_keys.forget()
    created.database.dispose()
    return created.result
