"""``argparse`` in French: usage line, section titles, ``-h`` and the error messages.

argparse builds its texts with ``gettext`` from English message ids and offers no
catalogue for French. Rather than replacing its module-level ``_`` (global and
fragile), :class:`FrenchArgumentParser` sets its own titles and help option, uses a
formatter with a French usage prefix, and translates the error messages it knows
(the message ids of argparse, Python 3.11 to 3.13) in :meth:`error`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

__all__ = ["EXIT_USAGE", "FrenchArgumentParser", "FrenchHelpFormatter", "translate_error"]

EXIT_USAGE = 2
USAGE_PREFIX = "utilisation : "
HELP_TEXT = "afficher cette aide et quitter"
VERSION_HELP = "afficher le numéro de version et quitter"


class FrenchHelpFormatter(argparse.HelpFormatter):
    def start_section(self, heading: str | None) -> None:
        # French typography: a space before the colon argparse adds ("options :").
        super().start_section(f"{heading} " if heading else heading)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


def _masked_arguments(text: str) -> str:
    """Options kept, values hidden: a value typed by mistake may be a secret."""
    words = text.split()
    shown = [word.split("=", 1)[0] for word in words if word.startswith("-")]
    hidden = len(words) - len(shown)
    if hidden:
        shown.append(f"(+ {hidden} valeur(s) masquée(s))")
    return " ".join(shown)


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_RULES: list[_Rule] = [
    (
        re.compile(r"^argument (?P<name>.+?): (?P<rest>.*)$", re.S),
        lambda m: f"argument {m['name']} : {translate_error(m['rest'])}",
    ),
    (
        re.compile(r"^the following arguments are required: (?P<names>.*)$", re.S),
        lambda m: f"arguments obligatoires manquants : {m['names']}",
    ),
    (
        re.compile(r"^unrecognized arguments: (?P<args>.*)$", re.S),
        lambda m: f"arguments non reconnus : {_masked_arguments(m['args'])}",
    ),
    (
        re.compile(r"^invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)$", re.S),
        lambda m: f"choix non valide : {m['value']} (valeurs possibles : {m['choices']})",
    ),
    (re.compile(r"^expected one argument$"), lambda m: "une valeur est attendue"),
    (re.compile(r"^expected at most one argument$"), lambda m: "au plus une valeur est attendue"),
    (
        re.compile(r"^expected at least one argument$"),
        lambda m: "au moins une valeur est attendue",
    ),
    (
        re.compile(r"^expected (?P<n>\d+) arguments?$"),
        lambda m: f"{m['n']} valeur(s) attendue(s)",
    ),
    (
        re.compile(r"^invalid (?P<type>\S+) value: (?P<value>.*)$", re.S),
        lambda m: f"valeur non valide ({m['type']}) : {m['value']}",
    ),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$", re.S),
        lambda m: f"option ambiguë : {m['option']} peut désigner {m['matches']}",
    ),
    (
        re.compile(r"^not allowed with argument (?P<other>.*)$", re.S),
        lambda m: f"incompatible avec l'argument {m['other']}",
    ),
    (
        re.compile(r"^one of the arguments (?P<names>.*) is required$", re.S),
        lambda m: f"l'un des arguments {m['names']} est obligatoire",
    ),
    (
        re.compile(r"^ignored explicit argument (?P<value>.*)$", re.S),
        lambda m: f"valeur ignorée : {m['value']}",
    ),
    (
        re.compile(r"^unexpected option string: (?P<option>.*)$", re.S),
        lambda m: f"option inattendue : {m['option']}",
    ),
]


def translate_error(message: str) -> str:
    """The French text of an argparse error message (unchanged if unknown)."""
    for pattern, french in _RULES:
        match = pattern.match(message)
        if match:
            return french(match)
    return message


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks French; sub-parsers are French too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments positionnels"
        self._optionals.title = "options"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT
            )

    def add_version(self, version: str) -> None:
        self.add_argument("--version", action="version", version=version, help=VERSION_HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Erreur : {translate_error(message)}\n")
