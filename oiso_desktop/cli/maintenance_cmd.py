"""``oiso-desktop maintenance run``: the maintenance job (DESIGN.md §7, §10).

For a scheduled task, or by hand. It opens the database as ``--as`` (an
administrator; password by prompt or ``OISO_PASSWORD``) and runs
``MaintenanceService.run``, which acts as the system actor. ``--now`` moves the
job's clock, for tests only: it is not shown in the help.

``maintenance run --unattended`` needs no login: it opens the database with the
unattended-maintenance slot, whose secret is in the OS keyring of the OS
account running it (``maintenance setup-unattended --as ADMIN``, run by an
administrator in that OS account; ``remove-unattended`` undoes it).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from oiso_desktop.cli.common import (
    CliError,
    admin_session,
    as_option,
    database_folder,
    folder_option,
    out,
    secret_store,
)
from oiso_desktop.system.french_argparse import FrenchArgumentParser

if TYPE_CHECKING:
    from oiso_desktop.services.maintenance_service import MaintenanceReport

STEP_LABELS = {
    "purge": "purge du journal",
    "integrity": "contrôle d'intégrité",
    "inactivity": "comptes inactifs",
    "files": "dossiers des utilisateurs partis",
    "alerts": "alertes d'accès",
    "outbox": "envoi des courriels",
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    common = FrenchArgumentParser(add_help=False)
    folder_option(common)
    as_option(common)
    parser = subparsers.add_parser("maintenance", help="maintenance quotidienne")
    commands = parser.add_subparsers(dest="maintenance_command", metavar="ACTION", required=True)
    run = commands.add_parser(
        "run",
        help=(
            "purger le journal, contrôler la base, traiter les comptes inactifs, envoyer "
            "les courriels (code de sortie 0 : terminé, 1 : une étape a échoué)"
        ),
    )
    folder_option(run)
    run.add_argument(
        "--as",
        dest="acting_login",
        metavar="IDENTIFIANT",
        help="identifiant de l'administrateur qui agit (mot de passe demandé ou OISO_PASSWORD)",
    )
    run.add_argument(
        "--unattended",
        action="store_true",
        help=(
            "sans connexion ni mot de passe, avec la clé de maintenance du trousseau "
            "système de ce compte (voir setup-unattended)"
        ),
    )
    # Tests only (time-based rules): hidden from the help.
    run.add_argument("--now", metavar="DATE-HEURE", help=argparse.SUPPRESS)
    run.set_defaults(run=run_maintenance)
    setup = commands.add_parser(
        "setup-unattended",
        parents=[common],
        help=(
            "permettre la maintenance planifiée sans connexion pour le compte du système "
            "qui lance cette commande (secret dans son trousseau système)"
        ),
    )
    setup.set_defaults(run=run_setup_unattended)
    remove = commands.add_parser(
        "remove-unattended",
        parents=[common],
        help="supprimer la clé de maintenance sans surveillance et son secret",
    )
    remove.set_defaults(run=run_remove_unattended)


def parse_now(text: str | None) -> dt.datetime | None:
    """An ISO 8601 date and time (UTC if no offset is given)."""
    if text is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise CliError(
            f"Date et heure invalides : {text} (attendu ISO 8601, par exemple 2027-01-31T02:00Z).",
            code="cli_bad_datetime",
            text=text,
        ) from exc
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def run_setup_unattended(args: argparse.Namespace) -> int:
    from oiso_desktop.services.maintenance_service import MaintenanceService

    with admin_session(args) as session:
        MaintenanceService(session.ctx).setup_unattended()  # type: ignore[attr-defined]
    out(
        "Maintenance sans surveillance configurée pour ce compte du système : "
        "« oiso-desktop maintenance run --unattended » peut être planifiée avec ce compte."
    )
    return 0


def run_remove_unattended(args: argparse.Namespace) -> int:
    from oiso_desktop.services.maintenance_service import MaintenanceService

    with admin_session(args) as session:
        removed = MaintenanceService(session.ctx).remove_unattended()  # type: ignore[attr-defined]
    if removed:
        out("Maintenance sans surveillance supprimée : sa clé et son secret sont effacés.")
    else:
        out("La maintenance sans surveillance n'était pas configurée.")
    return 0


def run_maintenance(args: argparse.Namespace) -> int:
    from oiso_desktop.services.maintenance_service import MaintenanceService, run_unattended

    now = parse_now(args.now)
    if args.unattended:
        if args.acting_login is not None:
            raise CliError(
                "--unattended se lance sans --as : la maintenance sans surveillance "
                "n'utilise aucun compte.",
                code="cli_unattended_with_login",
            )
        report = run_unattended(database_folder(args), secret_store=secret_store(), now=now)
        return _print_report(report)
    if args.acting_login is None:
        raise CliError(
            "Indiquez --as IDENTIFIANT (un administrateur) ou --unattended.",
            code="cli_value_missing",
            value="--as",
        )
    with admin_session(args) as session:
        report = MaintenanceService(session.ctx).run(now=now)  # type: ignore[attr-defined]
    return _print_report(report)


def _print_report(report: MaintenanceReport) -> int:
    out(f"Journal : {report.purged} événement(s) de plus de 6 mois purgé(s).")
    if report.integrity_ok is None:
        out("Intégrité de la base : sans objet.")
    else:
        out(f"Intégrité de la base : {'correcte' if report.integrity_ok else 'ANOMALIE'}.")
    out(
        f"Comptes inactifs : {report.warned} prévenu(s), {report.revoked} révoqué(s), "
        f"{report.cancelled} revenu(s)."
    )
    out(
        f"Dossiers des utilisateurs partis : {report.files_archived} archivé(s), "
        f"{report.files_deleted} supprimé(s), {report.files_restored} réactivé(s)."
    )
    out(f"Alertes d'accès : {report.alerts} nouvelle(s).")
    if report.rekey_pending:
        out(
            "Une révocation attend que la base soit libre pour changer sa clé : "
            "elle s'achèvera à la prochaine ouverture."
        )
    out(
        f"Courriels : {report.mails_sent} envoyé(s), {report.mails_failed} en échec, "
        f"{report.mails_waiting} en attente."
    )
    if not report.smtp_configured:
        out("L'envoi des courriels n'est pas configuré : des messages attendent.")
    if report.errors:
        out(f"Étape(s) en échec : {', '.join(report.errors)}.")
        return 1
    return 0
