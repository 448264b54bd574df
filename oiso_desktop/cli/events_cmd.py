"""``oiso-desktop events verify|export``: the event log (administrators)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from oiso_desktop.cli.common import (
    CliError,
    admin_session,
    as_option,
    check_path,
    day_start_utc,
    folder_option,
    out,
    parse_day,
    path_argument,
)
from oiso_desktop.system.french_argparse import FrenchArgumentParser


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    common = FrenchArgumentParser(add_help=False)
    folder_option(common)
    as_option(common)
    parser = subparsers.add_parser("events", help="journal des événements")
    commands = parser.add_subparsers(dest="events_command", metavar="ACTION", required=True)

    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="vérifier le chaînage du journal (code de sortie 0 : intact, 1 : rompu)",
    )
    verify.set_defaults(run=run_verify)

    export = commands.add_parser("export", parents=[common], help="exporter le journal en CSV")
    export.add_argument(
        "--output",
        metavar="FICHIER",
        required=True,
        type=path_argument,
        help="fichier CSV à écrire",
    )
    export.add_argument(
        "--since", metavar="JOUR", help="à partir de ce jour inclus (AAAA-MM-JJ, UTC)"
    )
    export.add_argument("--until", metavar="JOUR", help="jusqu'à ce jour inclus (AAAA-MM-JJ, UTC)")
    export.set_defaults(run=run_export)


def run_verify(args: argparse.Namespace) -> int:
    with admin_session(args) as session:
        report = session.events.verify()  # type: ignore[attr-defined]
    if report.ok:
        out(f"Journal des événements intact. {report.reason}")
        return 0
    out("ALERTE : le journal des événements a été altéré.")
    out(f"Premier enregistrement en cause : n°{report.first_broken_id}.")
    out(f"Détail : {report.reason}")
    out(f"Enregistrements vérifiés avant la rupture : {report.checked}.")
    return 1


def check_output(path: Path) -> None:
    """Before signing in: the CSV can be written there (nothing is written yet)."""
    check_path(path, "fichier d'export")
    if path.is_dir():
        raise CliError(
            f"{path} est un dossier : indiquez le nom du fichier CSV à écrire, "
            "par exemple --output journal.csv."
        )
    folder = path.parent
    if not folder.is_dir():
        raise CliError(f"Le dossier du fichier d'export est introuvable : {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"Le dossier {folder} ne peut pas être modifié (droits insuffisants).")
    if path.exists() and not os.access(path, os.W_OK):
        raise CliError(f"Le fichier {path} ne peut pas être remplacé (droits insuffisants).")


def run_export(args: argparse.Namespace) -> int:
    check_output(args.output)
    since_day, until_day = parse_day(args.since), parse_day(args.until)
    since = day_start_utc(since_day) if since_day else None
    until = day_start_utc(until_day) + dt.timedelta(days=1) if until_day else None
    with admin_session(args) as session:
        count = session.events.export_csv(  # type: ignore[attr-defined]
            args.output,
            since=since,
            until=until,
        )
    out(f"{count} événement(s) exporté(s) vers {args.output}.")
    return 0
