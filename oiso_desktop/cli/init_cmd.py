"""``oiso-desktop init``: create the local database and its first administrator."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from oiso_desktop import paths
from oiso_desktop.cli.common import CliError, ask, err, out, read_password, secret_store
from oiso_desktop.domain.errors import StorageError
from oiso_desktop.domain.roles import Role

RECOVERY_SHEET_NAME = "oiso-feuille-de-recuperation.pdf"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "init",
        help="créer la base de données locale et son premier administrateur",
        description="Crée la base de données chiffrée et le compte administrateur. "
        "Le mot de passe est demandé (ou lu dans OISO_PASSWORD), jamais passé en argument.",
    )
    parser.add_argument("--folder", type=Path, help="dossier de la nouvelle base")
    parser.add_argument(
        "--shared",
        action="store_true",
        help="base partagée par tous les utilisateurs de l'ordinateur",
    )
    parser.add_argument("--structure-name", help="nom de la structure")
    parser.add_argument("--finess", help="numéro FINESS de la structure")
    parser.add_argument("--admin-login", help="identifiant de l'administrateur")
    parser.add_argument("--admin-first-name", help="prénom de l'administrateur")
    parser.add_argument("--admin-last-name", help="nom de l'administrateur")
    parser.add_argument("--admin-email", default="", help="e-mail de l'administrateur")
    parser.add_argument(
        "--recovery-sheet",
        type=Path,
        help=f"fichier PDF de la feuille de récupération (par défaut : ./{RECOVERY_SHEET_NAME})",
    )
    parser.add_argument(
        "--no-recovery-sheet", action="store_true", help="ne pas écrire la feuille de récupération"
    )
    parser.set_defaults(run=run)


def _sheet_writer():  # type: ignore[no-untyped-def]
    try:
        from oiso_desktop.reports.recovery_sheet import write_recovery_sheet
    except ImportError:
        return None
    return write_recovery_sheet


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    except ValueError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.setup_service import create_local_database

    if args.folder is not None:
        folder = args.folder
    else:
        folder = paths.shared_data_folder() if args.shared else paths.default_user_data_folder()
    sheet: Path | None = None
    if not args.no_recovery_sheet:
        sheet = args.recovery_sheet or Path.cwd() / RECOVERY_SHEET_NAME
        if _inside(sheet, folder):
            raise CliError(
                "La feuille de récupération ne doit pas être enregistrée dans le dossier de la "
                "base : choisissez un autre emplacement avec --recovery-sheet.",
                code="cli_sheet_in_database_folder",
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
    result = create_local_database(
        folder,
        structure=structure,
        admin=admin,
        admin_password=password,
        secret_store=secret_store(),
        shared=args.shared,
    )
    out(f"Base de données créée dans : {result.database_folder}")
    try:
        paths.remember_database_folder(folder, shared=args.shared)
    except StorageError as exc:
        err(str(exc))
        if args.shared:
            paths.remember_database_folder(folder, shared=False)
    out("")
    out("CODE DE RÉCUPÉRATION (affiché une seule fois) :")
    out(f"    {result.recovery_code}")
    out("Conservez-le sous clé, hors de l'ordinateur : il permet de rouvrir la base si tous")
    out("les mots de passe administrateur sont perdus.")
    if sheet is not None:
        writer = _sheet_writer()
        if writer is None:
            err("La feuille de récupération (PDF) n'est pas disponible dans cette version.")
        else:
            try:
                writer(
                    sheet,
                    code=result.recovery_code,
                    structure_name=structure.name,
                    database_folder=str(result.database_folder),
                    created_at=dt.datetime.now(dt.UTC),
                )
            except Exception as exc:  # noqa: BLE001 - the database exists: report and go on
                err(f"La feuille de récupération n'a pas pu être écrite : {exc}")
            else:
                out(f"Feuille de récupération à imprimer puis supprimer : {sheet}")
    return 0
