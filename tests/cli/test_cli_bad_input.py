"""Bad input at the command line and on the file system: a French message, exit
code 2, no traceback, and nothing half-made. Run through the real CLI: in process
(``cli.main``) and as ``python -m oiso_desktop`` with bytes in argv/environment."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD, INIT_ARGS, run_cli, text, unprivileged_place

from oiso_desktop.cli import main
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.storage.secret_store import MemorySecretStore

NOT_UTF8 = os.fsdecode(b"b\xe9ase")  # Latin-1 "béase": a lone surrogate once decoded


def _refused(capsys: pytest.CaptureFixture[str], code: int, *expected: str) -> str:
    assert code == 2
    error = capsys.readouterr().err
    assert "Traceback" not in error
    for part in expected:
        assert part in error, error
    return error


def _nothing_made(env: Path) -> None:
    """No database, no config, no sheet: nothing of a failed init is left."""
    leftovers = [
        p
        for p in env.rglob("*")
        if p.name in ("oiso.db", "oiso.keystore", "config.json")
        or p.suffix in (".pdf", ".tmp")
        or p.name.startswith("base")
    ]
    assert leftovers == []


# ------------------------------------------------------------------ not UTF-8
@pytest.mark.parametrize(
    "option", ["--folder", "--structure-name", "--admin-login", "--admin-last-name"]
)
def test_init_refuses_non_utf8_arguments_in_process(
    env: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    args = ["init", "--folder", str(env / "base"), *INIT_ARGS]
    position = args.index(option) + 1
    args[position] = str(env / NOT_UTF8) if option == "--folder" else NOT_UTF8
    _refused(capsys, main(args), "UTF-8", option)
    _nothing_made(env)


def test_init_into_a_non_utf8_folder_name_as_a_process(env: Path) -> None:
    """The worst case of before: database and admin created, then a crash before the code."""
    folder = os.fsencode(env) + b"/b\xe9ase"
    completed = run_cli(
        [b"init", b"--folder", folder, b"--no-recovery-sheet", *map(str.encode, INIT_ARGS)],
        env={"OISO_PASSWORD": ADMIN_PASSWORD, "OISO_CONFIG_DIR": str(env / "config")},
        cwd=env / "work",
    )
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert "UTF-8" in error and "Traceback" not in error
    assert not os.path.exists(folder)
    _nothing_made(env)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        ([b"users", b"list", b"--as", b"adm\xefn"], b"--as"),
        (
            [b"users", b"add", b"--as", b"admin", b"--login", b"p.x", b"--first-name", b"Ren\xe9e"]
            + [b"--last-name", b"X", b"--role", b"practitioner"],
            b"--first-name",
        ),
    ],
)
def test_users_refuses_non_utf8_arguments_as_a_process(
    folder: Path, args: list[bytes], option: bytes
) -> None:
    completed = run_cli(
        [*args[:2], b"--folder", os.fsencode(folder), *args[2:]],
        env={"OISO_PASSWORD": ADMIN_PASSWORD},
    )
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert "UTF-8" in error and option.decode() in error and "Traceback" not in error


def test_a_non_utf8_password_in_the_environment_is_refused(folder: Path) -> None:
    completed = run_cli(
        ["users", "list", "--folder", str(folder), "--as", "admin"],
        env={b"OISO_PASSWORD": b"Mot-de-passe-\xe9t\xe9-2026!"},
    )
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert "OISO_PASSWORD" in error and "UTF-8" in error and "Traceback" not in error
    # Refused before any attempt: no failed login recorded for the admin.
    session = AuthService(folder, secret_store=MemorySecretStore()).login("admin", ADMIN_PASSWORD)
    try:
        actions = [e.action for e in session.events.list()]
    finally:
        session.logout()
    assert "login_failed" not in actions


# ------------------------------------------------------------- init and folders
def test_init_under_a_regular_file(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = env / "un-fichier"
    blocker.write_text("x", encoding="utf-8")
    code = main(["init", "--folder", str(blocker / "base"), "--no-recovery-sheet", *INIT_ARGS])
    _refused(capsys, code, "Erreur :", "pas un dossier")
    code = main(["init", "--folder", str(blocker), "--no-recovery-sheet", *INIT_ARGS])
    _refused(capsys, code, "n'est pas un dossier")
    assert blocker.read_text(encoding="utf-8") == "x"
    _nothing_made(env)


def test_init_into_a_read_only_parent(tmp_path: Path) -> None:
    with unprivileged_place(tmp_path) as place:
        if place is None:
            pytest.skip("needs POSIX permissions and an unprivileged user")
        parent = place.workdir / "lecture-seule"
        parent.mkdir()
        place.chown(parent)
        parent.chmod(0o555)
        completed = run_cli(
            ["init", "--folder", str(parent / "base"), "--no-recovery-sheet", *INIT_ARGS],
            env={"OISO_PASSWORD": ADMIN_PASSWORD, "OISO_CONFIG_DIR": str(place.workdir / "cfg")},
            cwd=place.workdir,
            prefix=place.prefix,
        )
        error = text(completed.stderr)
        assert completed.returncode == 2, error
        assert "droits insuffisants" in error and "Traceback" not in error
        assert list(parent.iterdir()) == []
        assert not (place.workdir / "cfg").exists()


def test_init_with_an_unwritable_sheet_place_makes_nothing(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["init", "--folder", str(env / "base"), "--recovery-sheet", str(env / "nope" / "f.pdf")]
        + INIT_ARGS
    )
    _refused(capsys, code, "introuvable")
    code = main(["init", "--folder", str(env / "base"), "--recovery-sheet", str(env), *INIT_ARGS])
    _refused(capsys, code, "est un dossier")
    _nothing_made(env)


def test_init_whose_code_cannot_be_printed_is_undone(env: Path) -> None:
    """stdout on a full disk: the code would be lost, so the database must go."""
    with open(os.devnull if os.name != "posix" else "/dev/full", "wb") as full:
        if os.name != "posix":
            pytest.skip("needs /dev/full")
        completed = run_cli(
            ["init", "--folder", str(env / "base"), "--recovery-sheet", str(env / "fiche.pdf")]
            + INIT_ARGS,
            env={"OISO_PASSWORD": ADMIN_PASSWORD, "OISO_CONFIG_DIR": str(env / "config")},
            cwd=env / "work",
            stdout=full,
        )
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert "code de récupération n'a pas pu être affiché" in error
    assert "Traceback" not in error
    _nothing_made(env)


def test_init_with_a_config_that_cannot_be_written_still_shows_the_code(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = env / "config-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("OISO_CONFIG_DIR", str(blocker))  # a file: no config can go there
    code = main(["init", "--folder", str(env / "base"), "--no-recovery-sheet", *INIT_ARGS])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "CODE DE RÉCUPÉRATION" in captured.out
    assert "Impossible d'enregistrer l'emplacement" in captured.err
    assert "Traceback" not in captured.err


def test_init_with_an_empty_folder_argument(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:  # an argparse error: usage, then the message
        main(["init", "--folder", "", *INIT_ARGS])
    _refused(capsys, int(excinfo.value.code or 0), "chemin vide")
    assert list((env / "work").iterdir()) == []


# ----------------------------------------------------------------------- export
@pytest.mark.parametrize("target", ["dir", "empty", "missing-folder"])
def test_events_export_to_a_folder_or_an_empty_path(
    folder: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    output = {
        "dir": str(folder.parent),
        "empty": "",
        "missing-folder": str(folder.parent / "absent" / "journal.csv"),
    }[target]
    before = sorted(p.name for p in folder.parent.iterdir())
    try:
        code = main(
            ["events", "export", "--folder", str(folder), "--as", "admin", "--output", output]
        )
    except SystemExit as exit_:  # argparse refuses the empty path (usage, then the message)
        code = int(exit_.code or 0)
    expected = {"dir": "est un dossier", "empty": "chemin vide", "missing-folder": "introuvable"}
    _refused(capsys, code, expected[target])
    assert sorted(p.name for p in folder.parent.iterdir()) == before  # no temporary file
    assert list(Path.cwd().iterdir()) == []


# -------------------------------------------------------------- file permissions
@pytest.mark.parametrize("damage", ["unreadable-db", "read-only-db", "read-only-folder"])
def test_a_database_without_the_rights_says_so(
    tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unprivileged_place(tmp_path) as place:
        if place is None:
            pytest.skip("needs POSIX permissions and an unprivileged user")
        folder = place.workdir / "base"
        monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "config"))
        monkeypatch.setenv("OISO_PASSWORD", ADMIN_PASSWORD)
        assert main(["init", "--folder", str(folder), "--no-recovery-sheet", *INIT_ARGS]) == 0
        place.chown(folder)
        if damage == "unreadable-db":
            (folder / "oiso.db").chmod(0o000)
        elif damage == "read-only-db":
            (folder / "oiso.db").chmod(0o400)
        else:
            folder.chmod(0o500)
        try:
            completed = run_cli(
                ["users", "list", "--folder", str(folder), "--as", "admin"],
                env={"OISO_PASSWORD": ADMIN_PASSWORD},
                cwd=place.workdir,
                prefix=place.prefix,
            )
        finally:
            folder.chmod(0o700)
            (folder / "oiso.db").chmod(0o600)
        error = text(completed.stderr)
        assert completed.returncode == 2, error
        assert "droits insuffisants" in error, error
        assert "autre base" not in error and "Traceback" not in error
        expected = (
            "ne peut pas être lu" if damage == "unreadable-db" else "ne peut pas être modifié"
        )
        assert expected in error


# --------------------------------------------------------------- argparse, French
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "choix non valide"),
        (["users", "frob"], "choix non valide"),
        (["users", "add", "--as", "admin"], "arguments obligatoires manquants"),
        (["users", "list", "--as", "admin", "--password", "Secret-2026!"], "non reconnus"),
        (["events", "export", "--as", "admin"], "arguments obligatoires manquants : --output"),
        (["events"], "arguments obligatoires manquants"),
        (
            ["users", "add", "--as", "admin", "--login", "x", "--first-name", "A", "--last-name"]
            + ["B", "--role", "chef"],
            "choix non valide",
        ),
        (["init", "--folder"], "une valeur est attendue"),
    ],
)
def test_argparse_speaks_french(
    env: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(args)
    assert excinfo.value.code == 2
    error = capsys.readouterr().err
    assert expected in error, error
    assert error.startswith("utilisation : ")
    for english in ("usage:", "invalid choice", "required", "unrecognized", "expected", "error"):
        assert english not in error, error
    assert "Secret-2026!" not in error  # a value typed by mistake is not echoed


@pytest.mark.parametrize("args", [["--help"], ["users", "--help"], ["events", "export", "-h"]])
def test_help_is_in_french(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(args)
    assert excinfo.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("utilisation : ")
    assert "afficher cette aide et quitter" in help_text
    assert "options :" in help_text
    for english in ("usage:", "show this help", "positional arguments", "optional arguments"):
        assert english not in help_text


def test_the_gui_options_speak_french_too() -> None:
    completed = run_cli(["--lang", "de"])
    error = text(completed.stderr)
    assert completed.returncode == 2
    assert "choix non valide" in error and "invalid choice" not in error


def test_a_subprocess_usage_error_is_french(tmp_path: Path) -> None:
    completed = run_cli(["users"], cwd=tmp_path)
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert error.startswith("utilisation : oiso-desktop users")
    assert "arguments obligatoires manquants : ACTION" in error


def test_stdin_and_stdout_are_left_alone_by_a_refused_command(tmp_path: Path) -> None:
    completed = run_cli(["users", "list", "--as", "admin"], cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout == b""
    assert "Traceback" not in text(completed.stderr)


def _unused(_: subprocess.CompletedProcess[bytes]) -> None:  # keep the import for typing
    pass


def test_an_unknown_command_does_not_start_the_interface(capsys) -> None:  # type: ignore[no-untyped-def]
    from oiso_desktop.__main__ import main as entry

    assert entry(["purger", "run"]) == 2
    err = capsys.readouterr().err
    assert "commande inconnue « purger »" in err and "Traceback" not in err


@pytest.mark.parametrize("stdout", ["closed", "full"])
def test_a_one_time_password_that_cannot_be_shown_changes_nothing(
    folder: Path, stdout: str
) -> None:
    """Third review: ``users add`` with stdout closed created the account silently
    (exit 0) and its one-time password was lost."""
    import subprocess
    import sys

    if stdout == "full" and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    args = [
        sys.executable,
        "-m",
        "oiso_desktop",
        "users",
        "add",
        "--folder",
        str(folder),
        "--as",
        "admin",
        "--login",
        "nouveau",
        "--first-name",
        "Nora",
        "--last-name",
        "Nouvel",
        "--role",
        "secretary",
    ]
    if stdout == "full":
        with open("/dev/full", "w") as full:
            done = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    else:
        done = subprocess.run(
            args,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            preexec_fn=lambda: os.close(1),  # the child starts with no standard output
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "Rien n'a été modifié" in done.stderr
    session = AuthService(folder, secret_store=MemorySecretStore()).login("admin", ADMIN_PASSWORD)
    try:
        assert "nouveau" not in {u.login for u in session.users.list_users()}
    finally:
        session.logout()


def test_every_sub_command_is_reachable_from_the_entry_point() -> None:
    """The entry point dispatches on ``COMMANDS``: each parser's command is listed."""
    import argparse

    from oiso_desktop.cli import COMMANDS, build_parser

    (subparsers,) = (
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(subparsers.choices) == set(COMMANDS)
