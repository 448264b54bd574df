"""A patient's name never reaches a log line, a traceback or the CLI's stderr.

A distinctive name is stored, then errors are forced on real files: an
IntegrityError on an insert that carries the name (SQLite, real SQLCipher), a
failing write to a path named after the patient, and the same kind of database
error in a CLI subprocess. Logs are captured at DEBUG (SQLAlchemy logs every
statement then) and the CLI's stderr is read.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

import pytest

from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.auth_service import AuthService
from oiso_desktop.services.demo import generate_patients, insert_patients, patient_rows
from oiso_desktop.storage.secret_store import MemorySecretStore
from oiso_desktop.storage.uow import UnitOfWork
from oiso_desktop.system.files import atomic_write

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
from cli_helpers import run_cli, text  # noqa: E402

NAME = "ZORGLUBETTE"  # upper-cased like a stored birth name
FIRST_NAME = "Quintessencia"


def _patient_row(owner_id: int) -> dict[str, object]:
    identity = generate_patients(1, seed=3)[0]
    identity = type(identity)(
        **{**identity.__dict__, "birth_name": NAME, "first_names": FIRST_NAME}
    )
    now = dt.datetime(2026, 3, 2, 9, 0)
    [row] = patient_rows([identity], owner_id=owner_id, today=now.date(), now=now)
    return {**row, "id": 4242}


def _assert_no_name(*texts: str) -> None:
    for value in texts:
        assert NAME not in value.upper(), value
        assert FIRST_NAME.upper() not in value.upper(), value


def test_database_errors_and_failed_writes_leave_no_name_in_the_logs(
    created_db, qtbot, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    # As someone debugging would: SQLAlchemy then logs every statement with its values.
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")
    session = AuthService(created_db.folder, secret_store=MemorySecretStore()).login(
        created_db.admin_login, created_db.admin_password
    )
    row = _patient_row(created_db.admin_user_id)

    def insert_twice() -> None:
        with UnitOfWork(session.ctx.database.session_factory) as uow:
            insert_patients(uow.session, [row])
            insert_patients(uow.session, [row])  # same id: IntegrityError
            uow.commit()

    def write_named_after_the_patient() -> None:
        folder = tmp_path / f"dossier-{NAME}"
        folder.mkdir()
        atomic_write(folder, b"x")  # a folder: IsADirectoryError with the path

    failures: list[BaseException] = []
    runner = TaskRunner()
    try:
        runner.run(insert_twice, on_failure=failures.append, writer=True)
        runner.run(write_named_after_the_patient, on_failure=failures.append)
        assert runner.wait_idle(20000)
    finally:
        runner.shutdown()
        session.logout()
    by_type = {type(f).__name__: f for f in failures}
    assert sorted(by_type) == ["IntegrityError", "IsADirectoryError"]
    # The database error itself no longer quotes the parameters.
    _assert_no_name(str(by_type["IntegrityError"]))
    logged = caplog.text + "\n".join(record.getMessage() for record in caplog.records)
    assert "Background task failed: IntegrityError" in logged
    assert "Background task failed: IsADirectoryError" in logged
    assert "INSERT INTO patients" in logged  # SQLAlchemy did log the statement...
    _assert_no_name(logged)  # ...but none of its values, nor any traceback text


def test_an_unexpected_cli_error_prints_no_value(created_db, tmp_path: Path) -> None:
    session = AuthService(created_db.folder, secret_store=MemorySecretStore()).login(
        created_db.admin_login, created_db.admin_password
    )
    try:
        with session.ctx.database.engine.begin() as connection:
            # Someone's trigger (or a damaged schema) makes every new account fail.
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_users BEFORE INSERT ON users "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
    finally:
        session.logout()
    completed = run_cli(
        ["users", "add", "--folder", str(created_db.folder), "--as", created_db.admin_login]
        + ["--login", "q.z", "--first-name", FIRST_NAME, "--last-name", NAME]
        + ["--role", "secretary"],
        env={"OISO_PASSWORD": created_db.admin_password, "PYTHONWARNINGS": "default"},
        cwd=tmp_path,
    )
    error = text(completed.stderr)
    assert completed.returncode == 2, error
    assert "Erreur inattendue : IntegrityError" in error, error
    assert "Traceback" not in error
    _assert_no_name(error, text(completed.stdout))
    assert os.path.isdir(created_db.folder)
