"""Shared fixtures of the whole suite.

* Qt runs offscreen.
* argon2 runs with cheap parameters through the documented test hook
  ``storage.crypto.set_default_kdf_params`` (production defaults untouched).
* The OS keyring is replaced by an in-memory backend (never the developer's one).
* ``created_db``: a real local database (SQLCipher + keystore) with its admin.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's own settings (QtProject.conf: file dialogs...) never go to the developer's folder.
_XDG_CONFIG = tempfile.mkdtemp(prefix="oiso-tests-xdg-")
os.environ["XDG_CONFIG_HOME"] = _XDG_CONFIG
atexit.register(shutil.rmtree, _XDG_CONFIG, ignore_errors=True)

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from cheap_kdf import FAST_KDF  # noqa: E402
from memory_keyring import MemoryKeyring  # noqa: E402

from oiso_desktop.storage import crypto  # noqa: E402

crypto.set_default_kdf_params(FAST_KDF)

ADMIN_LOGIN = "admin"
ADMIN_PASSWORD = "Correct-horse-42!"
STRUCTURE_NAME = "Centre de génétique de test"
STRUCTURE_FINESS = "750712184"  # valid Luhn key


keyring.set_keyring(MemoryKeyring())


@pytest.fixture(autouse=True)
def _private_config_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Config and state files (seen event heads...) never go to the developer's folders."""
    folder = tmp_path_factory.mktemp("oiso-config")
    monkeypatch.setenv("OISO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _cheap_kdf() -> Iterator[None]:
    """Some tests change the parameters; restore the cheap ones for the next test."""
    crypto.set_default_kdf_params(FAST_KDF)
    yield
    crypto.set_default_kdf_params(FAST_KDF)


@dataclass(frozen=True)
class CreatedDatabase:
    folder: Path
    admin_login: str
    admin_password: str
    recovery_code: str
    admin_user_id: int


@pytest.fixture
def created_db(tmp_path: Path) -> CreatedDatabase:
    """A local database created by the setup service, with its administrator."""
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.services.dto import StructureInput, UserInput
    from oiso_desktop.services.setup_service import create_local_database

    folder = tmp_path / "base"
    result = create_local_database(
        folder,
        structure=StructureInput(name=STRUCTURE_NAME, finess=STRUCTURE_FINESS),
        admin=UserInput(login=ADMIN_LOGIN, first_name="Alice", last_name="Martin", role=Role.ADMIN),
        admin_password=ADMIN_PASSWORD,
    )
    return CreatedDatabase(
        folder=folder,
        admin_login=ADMIN_LOGIN,
        admin_password=ADMIN_PASSWORD,
        recovery_code=result.recovery_code,
        admin_user_id=result.admin_user_id,
    )
