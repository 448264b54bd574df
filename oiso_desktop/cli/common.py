"""Helpers shared by the CLI commands: folder, passwords, login, checks, French output."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oiso_desktop.domain.errors import OisoError, ValidationError
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.system import paths

PASSWORD_ENV = "OISO_PASSWORD"
#: Environment variables the commands read (checked before anything is done).
CHECKED_ENV = (PASSWORD_ENV, paths.ENV_DATA_DIR, paths.ENV_CONFIG_DIR)
# On POSIX, bytes that are not UTF-8 reach Python (argv, environment, file names)
# as lone surrogates U+DC80..U+DCFF ("surrogateescape"): they cannot be stored,
# printed nor compared with what a user types, so they are refused.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8_HINT = (
    "Utilisez des caractères UTF-8 (vérifiez l'encodage du terminal, par exemple LANG=fr_FR.UTF-8)."
)

ROLE_LABELS = {
    Role.ADMIN: "administrateur",
    Role.PRACTITIONER: "praticien",
    Role.GENETIC_COUNSELLOR: "conseiller en génétique",
    Role.SECRETARY: "secrétariat",
}
STATUS_LABELS = {
    AccountStatus.ACTIVE: "actif",
    AccountStatus.SUSPENDED: "suspendu",
    AccountStatus.REVOKED: "révoqué",
    AccountStatus.DELETED: "supprimé",
}


class CliError(OisoError):
    """A problem with the command line itself (exit code 2)."""

    code = "cli"


def undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not valid UTF-8 (see ``_UNDECODABLE``)."""
    return bool(_UNDECODABLE.search(text))


def check_arguments(argv: list[str]) -> None:
    """Refuse an argument that is not UTF-8, saying which one without repeating it."""
    for position, value in enumerate(argv, start=1):
        if undecodable(value):
            option = ""
            if value.startswith("--"):
                option = f" ({value.split('=', 1)[0]})"
            elif position > 1 and argv[position - 2].startswith("-"):
                option = f" (valeur de {argv[position - 2].split('=', 1)[0]})"
            raise CliError(
                f"L'argument n°{position}{option} contient des octets qui ne forment pas du "
                f"texte UTF-8 valide. {NOT_UTF8_HINT}",
                code="not_utf8",
            )


def check_environment() -> None:
    """Refuse an OISO_* variable (password, folders) that is not UTF-8."""
    for name in CHECKED_ENV:
        if undecodable(os.environ.get(name, "")):
            raise CliError(
                f"La variable d'environnement {name} contient des octets qui ne forment pas "
                f"du texte UTF-8 valide. {NOT_UTF8_HINT}",
                code="not_utf8",
            )


def check_path(path: Path, what: str) -> None:
    """Refuse a path (e.g. from the current folder) whose name is not UTF-8."""
    if undecodable(str(path)):
        raise CliError(
            f"Le chemin du {what} contient des octets qui ne forment pas du texte UTF-8 "
            f"valide : choisissez un autre emplacement. {NOT_UTF8_HINT}",
            code="not_utf8",
        )


def path_argument(text: str) -> Path:
    """argparse ``type`` for a path: an empty one is refused (it would mean ``.``)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("chemin vide : indiquez un chemin")
    return Path(text)


def folder_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--folder",
        metavar="DOSSIER",
        type=path_argument,
        help="dossier de la base de données (par défaut : celui configuré pour ce poste)",
    )


def as_option(parser: argparse.ArgumentParser, *, who: str = "de l'administrateur") -> None:
    parser.add_argument(
        "--as",
        dest="acting_login",
        required=True,
        metavar="IDENTIFIANT",
        help=f"identifiant {who} qui agit (mot de passe demandé ou OISO_PASSWORD)",
    )


def database_folder(args: argparse.Namespace) -> Path:
    """The folder of an existing database: ``--folder``, else the one configured."""
    from oiso_desktop.services.setup_service import database_in_the_way

    folder = args.folder or paths.find_database_folder()
    if folder is None:
        raise CliError(
            "Aucune base OISO n'est configurée sur ce poste : indiquez son dossier avec --folder.",
            code="cli_no_database",
        )
    folder = Path(folder)
    check_path(folder, "dossier de la base")
    if not folder.is_dir():
        raise CliError(f"Le dossier de la base est introuvable : {folder}")
    # Either file is enough to go on: opening then says precisely what is wrong.
    if not database_in_the_way(folder):
        raise CliError(f"Aucune base OISO dans le dossier {folder}.")
    return folder


def read_password(prompt: str = "Mot de passe : ", *, confirm: bool = False) -> str:
    """The password from OISO_PASSWORD, else asked without echo (twice if ``confirm``)."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        if undecodable(from_env):
            check_environment()
        return from_env
    try:
        password = getpass.getpass(prompt)
        if confirm and getpass.getpass("Confirmez le mot de passe : ") != password:
            raise ValidationError(
                "Les deux mots de passe saisis sont différents.", code="passwords_differ"
            )
    except EOFError:
        raise CliError("Aucun mot de passe saisi.") from None
    except UnicodeDecodeError:
        raise CliError(f"Le mot de passe saisi n'est pas du texte UTF-8. {NOT_UTF8_HINT}") from None
    if undecodable(password):
        raise CliError(f"Le mot de passe saisi n'est pas du texte UTF-8. {NOT_UTF8_HINT}")
    return password


def ask(prompt: str, value: str | None, *, required: bool = True) -> str:
    """``value`` if given on the command line, else asked on the terminal."""
    if value is not None:
        return value
    try:
        answer = input(prompt).strip()
    except EOFError:
        answer = ""
    except UnicodeDecodeError:
        raise CliError(
            f"La saisie ({prompt.strip(' :')}) n'est pas du texte UTF-8. {NOT_UTF8_HINT}"
        ) from None
    if undecodable(answer):
        raise CliError(
            f"La saisie ({prompt.strip(' :')}) n'est pas du texte UTF-8. {NOT_UTF8_HINT}"
        )
    if required and not answer:
        raise CliError(
            f"Valeur obligatoire manquante : {prompt.strip(' :')}.",
            code="cli_value_missing",
            value=prompt.strip(" :"),
        )
    return answer


def secret_store():  # type: ignore[no-untyped-def]
    from oiso_desktop.services.secret_store import OsKeyringSecretStore

    return OsKeyringSecretStore()


@contextmanager
def admin_session(args: argparse.Namespace) -> Iterator[object]:
    """Log in as ``--as`` on the database folder; logged out at the end."""
    from oiso_desktop.services.auth_service import AuthService

    folder = database_folder(args)
    password = read_password(f"Mot de passe de {args.acting_login} : ")
    session = AuthService(folder, secret_store=secret_store()).login(args.acting_login, password)
    if session.rollback_warning is not None:
        err(session.rollback_warning.message)
    try:
        yield session
    finally:
        session.logout()


def parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CliError(
        f"Date invalide : {text} (attendu AAAA-MM-JJ ou JJ/MM/AAAA).",
        code="cli_bad_date",
        text=text,
    )


def day_start_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def out(text: str = "") -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr)
