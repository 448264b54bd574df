"""``oiso-desktop keys rekey``: a new database key after a suspected compromise (admins)."""

from __future__ import annotations

import argparse

from oiso_desktop.cli.common import admin_session, as_option, folder_option, out

REASON_LABELS = {
    "suspected_compromise": "compromission suspectée",
    "routine": "changement de routine",
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("keys", help="clé de chiffrement de la base")
    commands = parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    rekey = commands.add_parser(
        "rekey",
        help="chiffrer la base avec une nouvelle clé (une copie ancienne du trousseau "
        "ne l'ouvre plus)",
    )
    folder_option(rekey)
    as_option(rekey)
    rekey.add_argument(
        "--reason",
        choices=tuple(REASON_LABELS),
        default="suspected_compromise",
        help="motif enregistré dans le journal (par défaut : suspected_compromise)",
    )
    rekey.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    rekey.set_defaults(run=run_rekey)


def run_rekey(args: argparse.Namespace) -> int:
    if not args.yes:
        try:
            answer = input(
                "Changer la clé de la base maintenant ? Toutes les autres sessions ouvertes "
                "doivent être fermées. Tapez « oui » pour confirmer : "
            )
        except EOFError:
            answer = ""
        if answer.strip().lower() != "oui":
            out("Changement de clé annulé.")
            return 2
    with admin_session(args) as session:
        session.security.rekey_now(args.reason)  # type: ignore[attr-defined]
    out(
        f"La base de données a changé de clé ({REASON_LABELS[args.reason]}) : "
        "une copie ancienne du trousseau ne l'ouvre plus."
    )
    return 0
