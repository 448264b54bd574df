"""Command-line interface for IT staff (DESIGN.md §10).

One module per command; each calls the same services as the GUI, so the
permissions and the event log apply. Passwords are asked (or read from
``OISO_PASSWORD``), never taken as arguments. Every failure ends with a French
message on stderr and exit code 2, never a traceback: expected errors
(``OisoError``) print their message; anything else prints "Erreur inattendue"
with the type and place of the error only (:func:`exception_summary`), because an
exception's text may quote data (SQL parameters, file names).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.system.diagnostics import exception_summary
from oiso_desktop.system.french_argparse import FrenchArgumentParser

__all__ = ["COMMANDS", "EXIT_ERROR", "build_parser", "main"]

COMMANDS = ("init", "users", "events", "recovery", "keys", "maintenance", "export")

EXIT_ERROR = 2

UNEXPECTED_MESSAGE = (
    "Erreur inattendue : {summary}. Aucune donnée n'est affichée ici ; "
    "transmettez ce message à votre service informatique."
)


def build_parser() -> argparse.ArgumentParser:
    from oiso_desktop.cli import (
        events_cmd,
        export_cmd,
        init_cmd,
        keys_cmd,
        maintenance_cmd,
        recovery_cmd,
        users_cmd,
    )

    parser = FrenchArgumentParser(
        prog="oiso-desktop",
        description=f"{APP_NAME} {__version__} : commandes d'administration.",
    )
    parser.add_version(f"{APP_NAME} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
    for module in (
        init_cmd,
        users_cmd,
        events_cmd,
        recovery_cmd,
        keys_cmd,
        maintenance_cmd,
        export_cmd,
    ):
        module.add_parser(subparsers)
    return parser


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _termination_interrupts() -> Iterator[None]:
    """SIGTERM (a stopped scheduled task) unwinds like Ctrl+C: half-written files go."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_error(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 check failed, 2 error)."""
    from oiso_desktop.cli.common import check_arguments, check_environment

    arguments = list(sys.argv[1:] if argv is None else argv)
    with _termination_interrupts():
        try:
            check_arguments(arguments)
            check_environment()
            args = build_parser().parse_args(arguments)
            return int(args.run(args))
        except OisoError as exc:
            _print_error(f"Erreur : {exc}")
            return EXIT_ERROR
        except KeyboardInterrupt:
            _print_error("\nOpération annulée.")
            return EXIT_ERROR
        except SystemExit:
            raise  # argparse: --help, --version, usage errors (already in French)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback
            _print_error(UNEXPECTED_MESSAGE.format(summary=exception_summary(exc)))
            return EXIT_ERROR
