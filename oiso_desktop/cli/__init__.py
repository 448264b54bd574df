"""Command-line interface for IT staff (DESIGN.md §10).

One module per command; each calls the same services as the GUI, so the
permissions and the event log apply. Passwords are asked (or read from
``OISO_PASSWORD``), never taken as arguments. Expected errors print their French
message and exit with code 2, without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.errors import OisoError

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS = ("init", "users", "events", "recovery", "keys")

EXIT_ERROR = 2


class _FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"Erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from oiso_desktop.cli import events_cmd, init_cmd, keys_cmd, recovery_cmd, users_cmd

    parser = _FrenchParser(
        prog="oiso-desktop",
        description=f"{APP_NAME} {__version__} : commandes d'administration.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
    for module in (init_cmd, users_cmd, events_cmd, recovery_cmd, keys_cmd):
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 check failed, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args))
    except OisoError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\nOpération annulée.", file=sys.stderr)
        return EXIT_ERROR
