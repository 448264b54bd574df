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

import json
import os
from pathlib import Path

import platformdirs

from oiso_desktop.system.files import atomic_write, make_folders

__all__ = [
    "APP_DIR_NAME",
    "CONFIG_FILENAME",
    "CONFIG_KEY_DATABASE_FOLDER",
    "ConfigWriteError",
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
# The user's config is theirs alone; the computer's must be readable by every OS user.
_USER_CONFIG_MODE = 0o600
_SITE_CONFIG_MODE = 0o644
_USER_CONFIG_FOLDER_MODE = 0o700
_SITE_CONFIG_FOLDER_MODE = 0o755


class ConfigWriteError(OSError):
    """The config file could not be written; ``str()`` is a French sentence.

    An ``OSError`` (this layer knows nothing of the domain errors): the callers
    turn it into their own error type. ``config_path`` is the file concerned.
    """

    def __init__(self, message: str, config_path: Path, reason: str = "") -> None:
        super().__init__(message)
        self.config_path = config_path
        self.reason = reason

    def __str__(self) -> str:
        return str(self.args[0])


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


def write_json_atomically(path: Path, data: dict[str, object]) -> None:
    """Write a small per-user JSON file atomically; OSError on failure.

    Missing folders are created owner-only (0700) whatever the umask: another OS
    user must not be able to replace what is kept there (seen event heads).
    """
    make_folders(path.parent, 0o700)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write(path, text.encode("utf-8"), mode=0o600)


def remember_database_folder(folder: Path, *, shared: bool) -> Path:
    """Write ``folder`` into the user (or shared) config file; return that file.

    Other keys of the config file are kept; the write is atomic. Raises
    :class:`ConfigWriteError` (French) when the file cannot be written (e.g. no
    right to write the computer-wide config).
    """
    config = site_config_file() if shared else user_config_file()
    data = read_config(config)
    data[CONFIG_KEY_DATABASE_FOLDER] = os.path.abspath(Path(folder).expanduser())
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        make_folders(
            config.parent, _SITE_CONFIG_FOLDER_MODE if shared else _USER_CONFIG_FOLDER_MODE
        )
        atomic_write(
            config,
            text.encode("utf-8"),
            mode=_SITE_CONFIG_MODE if shared else _USER_CONFIG_MODE,
        )
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise ConfigWriteError(
            f"Impossible d'enregistrer l'emplacement de la base de données dans {config} : "
            f"{reason}.",
            config,
            reason,
        ) from error
    return config
