"""``oiso-desktop events verify|export``: the event log (administrators).

``events export`` follows the Journal's filters: ``--user LOGIN``, ``--action CODE``
and the period (``--since``/``--until``, UTC days).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any

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
from oiso_desktop.domain.event_actions import EVENT_ACTIONS
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
    export.add_argument(
        "--user",
        dest="user_login",
        metavar="IDENTIFIANT",
        help="seulement les événements de ce compte",
    )
    export.add_argument(
        "--action",
        metavar="CODE",
        help="seulement les événements de cette action (par exemple login_failed)",
    )
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


def check_action(code: str | None) -> str | None:
    """The ``--action`` code, checked against the codes the event log records."""
    if code is None:
        return None
    wanted = code.strip().lower()
    if wanted not in EVENT_ACTIONS:
        raise CliError(
            f"Action inconnue : « {code.strip()} ». Indiquez un code du journal, "
            "par exemple login, login_failed, patient_viewed ou user_created.",
            code="cli_unknown_action",
            action=code.strip(),
        )
    return wanted


def _user_id(session: Any, login: str) -> int:
    """The account of ``login`` (anyone may name themselves; others: administrators)."""
    wanted = login.strip().lower()
    if wanted == session.actor.login:
        return int(session.actor.user_id)
    for user in session.users.list_users(include_revoked=True):
        if user.login == wanted:
            return int(user.id)
    raise CliError(
        f"Aucun compte ne porte l'identifiant « {wanted} ».", code="cli_unknown_login", login=wanted
    )


def run_export(args: argparse.Namespace) -> int:
    check_output(args.output)
    action = check_action(args.action)
    since_day, until_day = parse_day(args.since), parse_day(args.until)
    since = day_start_utc(since_day) if since_day else None
    until = day_start_utc(until_day) + dt.timedelta(days=1) if until_day else None
    with admin_session(args) as session:
        user_id = _user_id(session, args.user_login) if args.user_login is not None else None
        count = session.events.export_csv(  # type: ignore[attr-defined]
            args.output,
            since=since,
            until=until,
            user_id=user_id,
            action=action,
        )
    out(f"{count} événement(s) exporté(s) vers {args.output}.")
    return 0
