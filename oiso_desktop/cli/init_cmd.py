"""``oiso-desktop init``: create the local database and its first administrator."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from oiso_desktop.cli.common import (
    CliError,
    ask,
    check_path,
    err,
    out,
    path_argument,
    read_password,
    secret_store,
)
from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.roles import Role
from oiso_desktop.system import paths

if TYPE_CHECKING:
    from oiso_desktop.services.dto import SetupResult

RECOVERY_SHEET_NAME = "oiso-feuille-de-recuperation.pdf"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "init",
        help="créer la base de données locale et son premier administrateur",
        description="Crée la base de données chiffrée et le compte administrateur. "
        "Le mot de passe est demandé (ou lu dans OISO_PASSWORD), jamais passé en argument.",
    )
    parser.add_argument(
        "--folder", metavar="DOSSIER", type=path_argument, help="dossier de la nouvelle base"
    )
    parser.add_argument(
        "--shared",
        action="store_true",
        help="base partagée par tous les utilisateurs de l'ordinateur",
    )
    parser.add_argument("--structure-name", metavar="NOM", help="nom de la structure")
    parser.add_argument("--finess", metavar="FINESS", help="numéro FINESS de la structure")
    parser.add_argument(
        "--admin-login", metavar="IDENTIFIANT", help="identifiant de l'administrateur"
    )
    parser.add_argument("--admin-first-name", metavar="PRÉNOM", help="prénom de l'administrateur")
    parser.add_argument("--admin-last-name", metavar="NOM", help="nom de l'administrateur")
    parser.add_argument(
        "--admin-email", metavar="E-MAIL", default="", help="e-mail de l'administrateur"
    )
    parser.add_argument(
        "--recovery-sheet",
        metavar="FICHIER",
        type=path_argument,
        help=f"fichier PDF de la feuille de récupération (par défaut : ./{RECOVERY_SHEET_NAME})",
    )
    parser.add_argument(
        "--no-recovery-sheet", action="store_true", help="ne pas écrire la feuille de récupération"
    )
    parser.set_defaults(run=run)


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    except ValueError:
        return False
    return True


def _check_sheet_path(sheet: Path, folder: Path) -> None:
    """The recovery sheet can be written at ``sheet`` (checked before anything is made)."""
    check_path(sheet, "fichier de la feuille de récupération")
    if _inside(sheet, folder):
        raise CliError(
            "La feuille de récupération ne doit pas être enregistrée dans le dossier de la "
            "base : choisissez un autre emplacement avec --recovery-sheet."
        )
    if sheet.is_dir():
        raise CliError(
            f"{sheet} est un dossier : indiquez le nom du fichier PDF de la feuille de "
            "récupération avec --recovery-sheet."
        )
    if sheet.exists():
        raise CliError(
            f"Le fichier {sheet} existe déjà : choisissez un autre nom avec --recovery-sheet "
            "(une ancienne feuille ne doit pas être écrasée)."
        )
    parent = sheet.parent
    if not parent.is_dir():
        raise CliError(f"Le dossier de la feuille de récupération est introuvable : {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CliError(
            f"Le dossier {parent} ne peut pas être modifié (droits insuffisants) : choisissez "
            "un autre emplacement avec --recovery-sheet."
        )


def _show_code(result: SetupResult, sheet: Path | None) -> None:
    """Print the recovery code (and where the sheet is); OSError if stdout fails."""
    out(f"Base de données créée dans : {result.database_folder}")
    out("")
    out("CODE DE RÉCUPÉRATION (affiché une seule fois) :")
    out(f"    {result.recovery_code}")
    out("Conservez-le sous clé, hors de l'ordinateur : il permet de rouvrir la base si tous")
    out("les mots de passe administrateur sont perdus.")
    if sheet is not None:
        out(f"Feuille de récupération à imprimer puis supprimer : {sheet}")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    """Create the database; the recovery code is shown, or nothing is left behind.

    Every input is checked before anything is written. If the recovery sheet
    cannot be written or the code cannot be printed, the new database (and the
    folders made for it) is removed again: a database whose recovery code nobody
    has seen must not exist.
    """
    from oiso_desktop.reports.recovery_sheet import write_recovery_sheet
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.setup_service import (
        create_local_database,
        discard_database,
        prepare_database_folder,
        remember_database_folder,
        validate_setup,
    )

    if args.folder is not None:
        folder = args.folder
    else:
        folder = paths.shared_data_folder() if args.shared else paths.default_user_data_folder()
    folder = Path(os.path.abspath(folder))
    check_path(folder, "dossier de la base")
    sheet: Path | None = None
    if not args.no_recovery_sheet:
        sheet = Path(os.path.abspath(args.recovery_sheet or Path.cwd() / RECOVERY_SHEET_NAME))
        _check_sheet_path(sheet, folder)
    if sys.stdout is None:
        raise CliError(
            "La sortie standard est fermée : le code de récupération ne pourrait pas être affiché."
        )
    structure = StructureInput(
        name=ask("Nom de la structure : ", args.structure_name),
        finess=ask("Numéro FINESS : ", args.finess),
    )
    admin = UserInput(
        login=ask("Identifiant de l'administrateur : ", args.admin_login),
        first_name=ask("Prénom : ", args.admin_first_name),
        last_name=ask("Nom : ", args.admin_last_name),
        email=args.admin_email,
        role=Role.ADMIN,
    )
    password = read_password("Mot de passe de l'administrateur : ", confirm=True)
    validate_setup(structure, admin, password)
    created_folders = prepare_database_folder(folder, shared=args.shared)
    sheet_written = False
    try:
        result = create_local_database(
            folder,
            structure=structure,
            admin=admin,
            admin_password=password,
            secret_store=secret_store(),
            shared=args.shared,
        )
        if sheet is not None:
            write_recovery_sheet(
                sheet,
                code=result.recovery_code,
                structure_name=structure.name,
                database_folder=str(result.database_folder),
                created_at=dt.datetime.now(dt.UTC),
            )
            sheet_written = True
        try:
            _show_code(result, sheet)
        except (OSError, UnicodeError) as exc:
            raise CliError(
                "Le code de récupération n'a pas pu être affiché (sortie standard "
                f"inutilisable : {type(exc).__name__})."
            ) from exc
    except BaseException:
        if sheet_written and sheet is not None:
            with contextlib.suppress(OSError):
                sheet.unlink()
        discard_database(folder, created_folders)
        err("La base n'a pas été créée : rien n'a été laissé sur le disque.")
        raise
    try:
        remember_database_folder(folder, shared=args.shared)
    except StorageError as exc:
        err(f"Attention : {exc}")
        if args.shared:
            with contextlib.suppress(StorageError):
                remember_database_folder(folder, shared=False)
    return 0
