"""Helpers shared by the CLI commands: folder, passwords, login, French output."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oiso_desktop import paths
from oiso_desktop.domain.errors import OisoError, ValidationError
from oiso_desktop.domain.roles import AccountStatus, Role

PASSWORD_ENV = "OISO_PASSWORD"

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


def folder_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--folder",
        type=Path,
        help="dossier de la base de données (par défaut : celui configuré pour ce poste)",
    )


def as_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="acting_login",
        required=True,
        metavar="IDENTIFIANT",
        help="identifiant de l'administrateur qui agit (mot de passe demandé ou OISO_PASSWORD)",
    )


def database_folder(args: argparse.Namespace) -> Path:
    folder = args.folder or paths.find_database_folder()
    if folder is None:
        raise CliError(
            "Aucune base OISO n'est configurée sur ce poste : indiquez son dossier avec --folder."
        )
    return Path(folder)


def read_password(prompt: str = "Mot de passe : ", *, confirm: bool = False) -> str:
    """The password from OISO_PASSWORD, else asked without echo (twice if ``confirm``)."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    try:
        password = getpass.getpass(prompt)
        if confirm and getpass.getpass("Confirmez le mot de passe : ") != password:
            raise ValidationError("Les deux mots de passe saisis sont différents.")
    except EOFError:
        raise CliError("Aucun mot de passe saisi.") from None
    return password


def ask(prompt: str, value: str | None, *, required: bool = True) -> str:
    """``value`` if given on the command line, else asked on the terminal."""
    if value is not None:
        return value
    try:
        answer = input(prompt).strip()
    except EOFError:
        answer = ""
    if required and not answer:
        raise CliError(f"Valeur obligatoire manquante : {prompt.strip(' :')}.")
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
    raise CliError(f"Date invalide : {text} (attendu AAAA-MM-JJ ou JJ/MM/AAAA).")


def day_start_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def out(text: str = "") -> None:
    print(text)


def err(text: str) -> None:
    print(text, file=sys.stderr)
