"""``oiso-desktop export --patient ID --out DOSSIER``: patient portability.

The practitioner in charge of the file (``--as``) writes its FHIR R4 bundle and its
summary PDF into a folder, through the same service as the application: the same
permission (the owner only) and the same event (``patient_exported``).
"""

from __future__ import annotations

import argparse
import os

from oiso_desktop.cli.common import (
    CliError,
    admin_session,
    as_option,
    check_path,
    folder_option,
    out,
    path_argument,
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="exporter un dossier patient (FHIR R4 + synthèse PDF), à la demande du patient",
    )
    folder_option(parser)
    as_option(parser, who="du praticien responsable du dossier")
    parser.add_argument(
        "--patient", metavar="ID", type=int, required=True, help="numéro du dossier patient"
    )
    parser.add_argument(
        "--out",
        metavar="DOSSIER",
        required=True,
        type=path_argument,
        help="dossier où écrire le paquet FHIR et la synthèse",
    )
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    folder = args.out
    check_path(folder, "dossier d'export")
    if not folder.is_dir():
        raise CliError(f"Le dossier d'export est introuvable : {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"Le dossier {folder} ne peut pas être modifié (droits insuffisants).")
    with admin_session(args) as session:
        bundle, pdf = session.portability.export_to_folder(  # type: ignore[attr-defined]
            args.patient, folder
        )
    out(f"Dossier n°{args.patient} exporté :")
    out(f"  paquet FHIR R4 : {bundle}")
    out(f"  synthèse PDF : {pdf}")
    return 0
