"""``oiso-desktop recovery new-sheet``: a new recovery code retires the old one (admins)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from oiso_desktop.cli.common import CliError, admin_session, as_option, err, folder_option, out


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("recovery", help="code et fiche de récupération")
    commands = parser.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    sheet = commands.add_parser(
        "new-sheet",
        help=(
            "émettre une nouvelle fiche de récupération (l'ancien code cesse de fonctionner "
            "avec le fichier de clés actuel ; voir aussi keys rekey)"
        ),
    )
    folder_option(sheet)
    as_option(sheet)
    sheet.add_argument(
        "--output", required=True, type=Path, help="fichier PDF de la nouvelle fiche à écrire"
    )
    sheet.set_defaults(run=run_new_sheet)


def _check_output(path: Path) -> None:
    """Refuse before the old code is retired: the new one must not be lost."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise CliError(f"Impossible d'écrire la fiche dans le dossier « {parent} ».")
    if path.exists():
        raise CliError(f"Le fichier « {path} » existe déjà : choisissez un autre nom.")


def run_new_sheet(args: argparse.Namespace) -> int:
    from oiso_desktop.services.security_service import save_recovery_sheet

    _check_output(args.output)
    with admin_session(args) as session:
        # The sheet is written before the old code is retired: if it cannot be,
        # nothing changes. The code then goes to the terminal (or, if standard
        # output is closed or full, to the error output), and stays on the sheet.
        issued = session.security.issue_recovery_sheet(  # type: ignore[attr-defined]
            keep=lambda issued: save_recovery_sheet(args.output, issued)
        )
    lines = [
        "Nouvelle fiche de récupération émise : l'ancien code ne fonctionne plus "
        "avec le fichier de clés actuel.",
        "",
        "NOUVEAU CODE DE RÉCUPÉRATION (affiché une seule fois) :",
        f"    {issued.code}",
        "Conservez-le sous clé, hors de l'ordinateur.",
        f"Fiche à imprimer puis supprimer : {args.output}",
        "Une copie du fichier de clés faite auparavant répond encore à l'ancien code : "
        "si une telle copie peut exister, changez aussi la clé de la base "
        "(oiso-desktop keys rekey).",
    ]
    try:
        if sys.stdout is None:
            raise OSError("no standard output")
        for line in lines:
            out(line)
        sys.stdout.flush()
    except OSError:
        err(f"Le code n'a pas pu être affiché : il figure sur la fiche {args.output}.")
        return 2
    return 0
