"""``oiso-desktop maintenance run``: the maintenance job (DESIGN.md §7, §10).

For a scheduled task, or by hand. It opens the database as ``--as`` (an
administrator; password by prompt or ``OISO_PASSWORD``) and runs
``MaintenanceService.run``, which acts as the system actor. ``--now`` moves the
job's clock, for tests only: it is not shown in the help.
"""

from __future__ import annotations

import argparse
import datetime as dt

from oiso_desktop.cli.common import CliError, admin_session, as_option, folder_option, out
from oiso_desktop.system.french_argparse import FrenchArgumentParser

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
        parents=[common],
        help=(
            "purger le journal, contrôler la base, traiter les comptes inactifs, envoyer "
            "les courriels (code de sortie 0 : terminé, 1 : une étape a échoué)"
        ),
    )
    # Tests only (time-based rules): hidden from the help.
    run.add_argument("--now", metavar="DATE-HEURE", help=argparse.SUPPRESS)
    run.set_defaults(run=run_maintenance)


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


def run_maintenance(args: argparse.Namespace) -> int:
    from oiso_desktop.services.maintenance_service import MaintenanceService

    now = parse_now(args.now)
    with admin_session(args) as session:
        report = MaintenanceService(session.ctx).run(now=now)  # type: ignore[attr-defined]
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
