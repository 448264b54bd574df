"""Where OISO Desktop keeps its files (no Qt).

* the *database folder* (``oiso.db`` + ``oiso.keystore``), in the OS user's data
  folder or in a folder shared by every OS user of the computer;
* ``config.json`` files remembering which database folder to open: the user's
  (``<user_config_dir>/config.json``) wins over the computer's
  (``<site_config_dir>/config.json``).

Environment overrides (tests, demo):

* ``OISO_DATA_DIR``: the database folder to use, before any config file;
* ``OISO_CONFIG_DIR``: the folder of the user config file; the shared config
  file is then ``$OISO_CONFIG_DIR/shared/config.json``, and the user state
  folder ``$OISO_CONFIG_DIR/state``.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

import platformdirs

from oiso_desktop.domain.errors import StorageError

__all__ = [
    "APP_DIR_NAME",
    "CONFIG_FILENAME",
    "CONFIG_KEY_DATABASE_FOLDER",
    "ENV_CONFIG_DIR",
    "ENV_DATA_DIR",
    "default_user_data_folder",
    "find_database_folder",
    "read_config",
    "remember_database_folder",
    "shared_data_folder",
    "site_config_file",
    "user_config_file",
    "user_state_folder",
    "write_json_atomically",
]

APP_DIR_NAME = "OISO Desktop"
CONFIG_FILENAME = "config.json"
CONFIG_KEY_DATABASE_FOLDER = "database_folder"
ENV_DATA_DIR = "OISO_DATA_DIR"
ENV_CONFIG_DIR = "OISO_CONFIG_DIR"
_DATABASE_SUBFOLDER = "database"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def default_user_data_folder() -> Path:
    """The database folder proposed for one OS user (``OISO_DATA_DIR`` if set)."""
    override = _env_path(ENV_DATA_DIR)
    if override is not None:
        return override
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / _DATABASE_SUBFOLDER


def shared_data_folder() -> Path:
    """The database folder proposed when every OS user of the computer shares it."""
    return Path(platformdirs.site_data_dir(APP_DIR_NAME, appauthor=False)) / _DATABASE_SUBFOLDER


def user_config_file() -> Path:
    override = _env_path(ENV_CONFIG_DIR)
    if override is not None:
        return override / CONFIG_FILENAME
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / CONFIG_FILENAME


def site_config_file() -> Path:
    override = _env_path(ENV_CONFIG_DIR)
    if override is not None:
        return override / "shared" / CONFIG_FILENAME
    return Path(platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False)) / CONFIG_FILENAME


def user_state_folder() -> Path:
    """Small per-OS-user state kept outside the database (``$OISO_CONFIG_DIR/state`` if set)."""
    override = _env_path(ENV_CONFIG_DIR)
    if override is not None:
        return override / "state"
    return Path(platformdirs.user_state_dir(APP_DIR_NAME, appauthor=False))


def read_config(path: Path) -> dict[str, object]:
    """The JSON object in ``path``; ``{}`` when missing, unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _configured_folder(path: Path) -> Path | None:
    value = read_config(path).get(CONFIG_KEY_DATABASE_FOLDER)
    if isinstance(value, str) and value.strip():
        return Path(value.strip()).expanduser()
    return None


def find_database_folder() -> Path | None:
    """The database folder to open, or None (first run: the wizard).

    ``OISO_DATA_DIR`` -> the user config -> the shared config -> None. The folder
    is returned even if it does not exist (yet, or any more: e.g. a network share
    not mounted), so that the caller can say so instead of creating a new database.
    """
    override = _env_path(ENV_DATA_DIR)
    if override is not None:
        return override
    for config in (user_config_file(), site_config_file()):
        folder = _configured_folder(config)
        if folder is not None:
            return folder
    return None


def _write_json_atomically(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def write_json_atomically(path: Path, data: dict[str, object]) -> None:
    """Write a small JSON file atomically (temp file, fsync, replace); OSError on failure."""
    _write_json_atomically(path, data)


def remember_database_folder(folder: Path, *, shared: bool) -> Path:
    """Write ``folder`` into the user (or shared) config file; return that file.

    Other keys of the config file are kept. Raises StorageError (French) when the
    file cannot be written (e.g. no right to write the computer-wide config).
    """
    config = site_config_file() if shared else user_config_file()
    data = read_config(config)
    data[CONFIG_KEY_DATABASE_FOLDER] = os.path.abspath(Path(folder).expanduser())
    try:
        _write_json_atomically(config, data)
    except OSError as error:
        raise StorageError(
            f"Impossible d'enregistrer l'emplacement de la base de données dans {config} : "
            f"{error.strerror or error}.",
            code="config_write_failed",
            path=str(config),
        ) from error
    return config
