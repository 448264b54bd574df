"""``oiso-desktop recovery new-sheet``: a new recovery code retires the old one (admins)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from oiso_desktop.cli.common import CliError, admin_session, as_option, err, folder_option, out


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("recovery", help="code et fiche de récupération")
    commands = parser.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    sheet = commands.add_parser(
        "new-sheet",
        help="émettre une nouvelle fiche de récupération (l'ancien code cesse de fonctionner)",
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
    from oiso_desktop.domain.errors import OisoError
    from oiso_desktop.services.security_service import save_recovery_sheet

    _check_output(args.output)
    with admin_session(args) as session:
        issued = session.security.issue_recovery_sheet()  # type: ignore[attr-defined]
    out("Nouvelle fiche de récupération émise : l'ancien code ne fonctionne plus.")
    out("")
    out("NOUVEAU CODE DE RÉCUPÉRATION (affiché une seule fois) :")
    out(f"    {issued.code}")
    out("Conservez-le sous clé, hors de l'ordinateur.")
    try:
        save_recovery_sheet(args.output, issued)
    except OisoError as exc:
        err(f"Erreur : {exc}")
        err("Recopiez le code ci-dessus : il ne sera plus affiché.")
        return 2
    out(f"Fiche à imprimer puis supprimer : {args.output}")
    return 0
