"""Child process of the patient-file window tests (started with the "spawn" context):
another instance of the application, on the same database folder, saving a form."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any


def save_history_note(
    folder: str, login: str, password: str, patient_id: int, note: str, queue: Any
) -> None:
    """Log in, read the history form, save it with ``note``, report the new version."""
    from cheap_kdf import use_cheap_kdf

    use_cheap_kdf()
    try:
        import dataclasses

        from oiso_desktop.services.auth_service import AuthService
        from oiso_desktop.storage.secret_store import MemorySecretStore

        session = AuthService(Path(folder), secret_store=MemorySecretStore()).login(login, password)
        view = session.forms.get(patient_id, "history")
        content = dataclasses.replace(view.content, note=note)
        saved = session.forms.save(patient_id, "history", content, expected_version=view.version)
        session.logout()
        queue.put(("saved", saved.version))
    except BaseException:  # noqa: BLE001 - reported to the test
        queue.put(("error", traceback.format_exc()))
