"""``oiso-desktop users add|list|suspend|reactivate|revoke|reset-password``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from oiso_desktop.cli.common import (
    ROLE_LABELS,
    STATUS_LABELS,
    CliError,
    admin_session,
    as_option,
    err,
    folder_option,
    out,
)
from oiso_desktop.domain.identifiers import RppsLuhnMismatch
from oiso_desktop.domain.roles import Role
from oiso_desktop.system.french_argparse import FrenchArgumentParser

ROLE_CHOICES = [role.value for role in Role]


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    common = FrenchArgumentParser(add_help=False)
    folder_option(common)
    as_option(common)

    parser = subparsers.add_parser("users", help="gérer les comptes utilisateurs")
    commands = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", parents=[common], help="créer un compte")
    add.add_argument(
        "--login", metavar="IDENTIFIANT", required=True, help="identifiant du nouveau compte"
    )
    add.add_argument("--first-name", metavar="PRÉNOM", required=True, help="prénom")
    add.add_argument("--last-name", metavar="NOM", required=True, help="nom")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES, help="rôle")
    add.add_argument("--email", metavar="E-MAIL", default="", help="e-mail professionnel")
    add.add_argument("--phone", metavar="TÉLÉPHONE", default="", help="téléphone professionnel")
    add.add_argument("--profession", metavar="PROFESSION", default="", help="profession")
    add.add_argument("--specialty", metavar="SPÉCIALITÉ", default="", help="spécialité")
    add.add_argument("--rpps", metavar="RPPS", default="", help="numéro RPPS (11 chiffres)")
    add.add_argument(
        "--rpps-confirmed",
        action="store_true",
        help="accepter un RPPS dont la clé de contrôle ne correspond pas",
    )
    add.add_argument("--adeli", metavar="ADELI", default="", help="numéro ADELI (9 chiffres)")
    add.add_argument(
        "--assists",
        action="append",
        default=[],
        metavar="IDENTIFIANT",
        help="praticien assisté (secrétariat ; option répétable)",
    )
    add.set_defaults(run=run_add)

    listing = commands.add_parser("list", parents=[common], help="lister les comptes")
    listing.add_argument("--active-only", action="store_true", help="masquer les comptes révoqués")
    listing.set_defaults(run=run_list)

    for name, help_text, handler in (
        ("suspend", "suspendre un compte", run_suspend),
        ("reactivate", "réactiver un compte suspendu", run_reactivate),
        ("revoke", "révoquer définitivement un compte (nouvelle clé de base)", run_revoke),
        ("reset-password", "donner un nouveau mot de passe à usage unique", run_reset),
    ):
        sub = commands.add_parser(name, parents=[common], help=help_text)
        sub.add_argument("login", metavar="IDENTIFIANT", help="identifiant du compte visé")
        if name == "revoke":
            sub.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
        if name == "reset-password":
            sub.add_argument(
                "--rekey",
                action="store_true",
                help="changer aussi la clé de la base (compromission suspectée)",
            )
        sub.set_defaults(run=handler)


def _user_id(session: Any, login: str) -> int:
    wanted = login.strip().lower()
    for user in session.users.list_users():
        if user.login == wanted:
            return int(user.id)
    raise CliError(
        f"Aucun compte ne porte l'identifiant « {wanted} ».", code="cli_unknown_login", login=wanted
    )


def _check_terminal_can_show(what: str, announce: str) -> None:
    """A one-time password is shown once: make sure it can be, before anything changes
    (``announce`` is written and flushed first: a full output fails there)."""
    try:
        if sys.stdout is None:
            raise OSError("no standard output")
        out(announce)
        sys.stdout.flush()
    except (OSError, ValueError):
        raise CliError(
            f"La sortie standard est fermée ou pleine : {what} ne pourrait pas être affiché. "
            "Rien n'a été modifié.",
            code="cli_output_unavailable",
        ) from None


def _show_once(lines: list[str], login: str) -> int:
    try:
        for line in lines:
            out(line)
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        err(
            f"Le mot de passe provisoire de {login} n'a pas pu être affiché : "
            "réinitialisez-le (oiso-desktop users reset-password)."
        )
        return 2
    return 0


def run_add(args: argparse.Namespace) -> int:
    _check_terminal_can_show(
        "le mot de passe provisoire", f"Création du compte {args.login.strip().lower()}…"
    )
    with admin_session(args) as session:
        assisted = tuple(_user_id(session, login) for login in args.assists)
        try:
            user, password = _create(session, args, assisted)
        except RppsLuhnMismatch as exc:
            raise RppsLuhnMismatch(
                f"{exc} Si le numéro est exact, relancez la commande avec --rpps-confirmed.",
                field="rpps",
            ) from exc
    return _show_once(
        [
            f"Compte créé : {user.login} ({user.display_name}, {ROLE_LABELS[user.role]}).",
            f"Mot de passe à usage unique : {password}",
            "Remettez-le en main propre : il devra être changé à la première connexion.",
        ],
        user.login,
    )


def _create(session: Any, args: argparse.Namespace, assisted: tuple[int, ...]) -> tuple[Any, str]:
    from oiso_desktop.services.dto import UserInput

    return session.users.create_user(  # type: ignore[no-any-return]
        UserInput(
            login=args.login,
            first_name=args.first_name,
            last_name=args.last_name,
            role=Role(args.role),
            email=args.email,
            phone=args.phone,
            profession=args.profession,
            specialty=args.specialty,
            rpps=args.rpps,
            rpps_luhn_confirmed=args.rpps_confirmed,
            adeli=args.adeli,
            assisted_practitioner_ids=assisted,
        ),
    )


def run_list(args: argparse.Namespace) -> int:
    with admin_session(args) as session:
        users = session.users.list_users(  # type: ignore[attr-defined]
            include_revoked=not args.active_only,
        )
    header = ("N°", "Identifiant", "Nom", "Rôle", "Statut", "Dernière connexion")
    rows = [
        (
            str(u.id),
            u.login,
            u.display_name,
            ROLE_LABELS[u.role],
            STATUS_LABELS[u.status],
            u.last_login_at.astimezone().strftime("%d/%m/%Y %H:%M") if u.last_login_at else "—",
        )
        for u in users
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def _status_change(args: argparse.Namespace, method: str, done: str) -> int:
    with admin_session(args) as session:
        user_id = _user_id(session, args.login)
        view = getattr(session.users, method)(user_id)  # type: ignore[attr-defined]
    out(f"Compte {view.login} {done}.")
    return 0


def run_suspend(args: argparse.Namespace) -> int:
    return _status_change(args, "suspend", "suspendu")


def run_reactivate(args: argparse.Namespace) -> int:
    return _status_change(args, "reactivate", "réactivé")


def run_revoke(args: argparse.Namespace) -> int:
    if not args.yes:
        try:
            answer = input(
                f"Révoquer définitivement le compte {args.login} ? La base changera de clé. "
                "Tapez « oui » pour confirmer : "
            )
        except EOFError:
            answer = ""
        if answer.strip().lower() != "oui":
            out("Révocation annulée.")
            return 2
    return _status_change(args, "revoke", "révoqué ; la base de données a changé de clé")


def run_reset(args: argparse.Namespace) -> int:
    _check_terminal_can_show(
        "le nouveau mot de passe provisoire",
        f"Réinitialisation du mot de passe de {args.login.strip().lower()}…",
    )
    with admin_session(args) as session:
        user_id = _user_id(session, args.login)
        password = session.users.reset_password(  # type: ignore[attr-defined]
            user_id, rekey=args.rekey
        )
        owed = args.rekey and session.security.rekey_owed()  # type: ignore[attr-defined]
    if owed:
        err(
            "Le changement de clé de la base n'a pas pu être fait (d'autres sessions ont la "
            "base ouverte) : relancez « oiso-desktop keys rekey » quand elles seront fermées."
        )
    login = args.login.strip().lower()
    return _show_once([f"Nouveau mot de passe à usage unique pour {login} : {password}"], login)
