"""Where the database folder and config files are (oiso_desktop.system.paths)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from oiso_desktop.domain.errors import StorageError
from oiso_desktop.system import paths


@pytest.fixture
def config_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("OISO_CONFIG_DIR", str(folder))
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)
    return folder


def test_app_dir_name():
    assert paths.APP_DIR_NAME == "OISO Desktop"


def test_default_folders_follow_platformdirs(monkeypatch):
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)
    monkeypatch.delenv("OISO_CONFIG_DIR", raising=False)
    assert paths.default_user_data_folder() == (
        Path(platformdirs.user_data_dir("OISO Desktop", appauthor=False)) / "database"
    )
    assert paths.shared_data_folder() == (
        Path(platformdirs.site_data_dir("OISO Desktop", appauthor=False)) / "database"
    )
    assert paths.user_config_file() == (
        Path(platformdirs.user_config_dir("OISO Desktop", appauthor=False)) / "config.json"
    )
    assert paths.site_config_file() == (
        Path(platformdirs.site_config_dir("OISO Desktop", appauthor=False)) / "config.json"
    )
    assert "OISO Desktop" in paths.default_user_data_folder().parts


def test_env_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("OISO_DATA_DIR", str(tmp_path / "db"))
    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "cfg"))
    assert paths.default_user_data_folder() == tmp_path / "db"
    assert paths.find_database_folder() == tmp_path / "db"
    assert paths.user_config_file() == tmp_path / "cfg" / "config.json"
    assert paths.site_config_file() == tmp_path / "cfg" / "shared" / "config.json"


def test_blank_env_is_ignored(config_dir, monkeypatch):
    monkeypatch.setenv("OISO_DATA_DIR", "   ")
    assert paths.find_database_folder() is None


def test_first_run_finds_nothing(config_dir):
    assert paths.find_database_folder() is None
    assert not config_dir.exists()  # looking writes nothing


def test_remember_user_folder(config_dir, tmp_path):
    folder = tmp_path / "my db"
    written = paths.remember_database_folder(folder, shared=False)
    assert written == config_dir / "config.json"
    assert json.loads(written.read_text(encoding="utf-8")) == {"database_folder": str(folder)}
    assert paths.find_database_folder() == folder
    # Only the config file is left in the folder (no temp file).
    assert sorted(p.name for p in config_dir.iterdir()) == ["config.json"]


def test_remember_shared_folder_and_precedence(config_dir, tmp_path):
    shared = tmp_path / "shared db"
    personal = tmp_path / "personal db"
    paths.remember_database_folder(shared, shared=True)
    assert (config_dir / "shared" / "config.json").exists()
    assert not (config_dir / "config.json").exists()
    assert paths.find_database_folder() == shared
    paths.remember_database_folder(personal, shared=False)
    assert paths.find_database_folder() == personal  # the user's choice wins


def test_env_data_dir_wins_over_config(config_dir, tmp_path, monkeypatch):
    paths.remember_database_folder(tmp_path / "configured", shared=False)
    monkeypatch.setenv("OISO_DATA_DIR", str(tmp_path / "from env"))
    assert paths.find_database_folder() == tmp_path / "from env"


def test_remember_keeps_other_keys_and_relative_paths_become_absolute(
    config_dir, tmp_path, monkeypatch
):
    config_dir.mkdir(parents=True)
    (config_dir / "config.json").write_text(
        json.dumps({"language": "fr", "database_folder": "old"}), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    paths.remember_database_folder(Path("relative"), shared=False)
    data = json.loads((config_dir / "config.json").read_text(encoding="utf-8"))
    assert data == {"language": "fr", "database_folder": str(tmp_path / "relative")}
    assert Path(data["database_folder"]).is_absolute()


def test_configured_folder_is_returned_even_if_missing(config_dir, tmp_path):
    missing = tmp_path / "unplugged share" / "database"
    paths.remember_database_folder(missing, shared=False)
    assert paths.find_database_folder() == missing
    assert not missing.exists()


@pytest.mark.parametrize(
    "content", ["not json", "[1, 2]", '{"database_folder": 3}', '{"database_folder": " "}', ""]
)
def test_broken_user_config_falls_back_to_shared(config_dir, tmp_path, content):
    paths.remember_database_folder(tmp_path / "shared", shared=True)
    (config_dir / "config.json").write_text(content, encoding="utf-8")
    assert paths.find_database_folder() == tmp_path / "shared"


def test_read_config_missing_is_empty(tmp_path):
    assert paths.read_config(tmp_path / "nope.json") == {}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unwritable_config_raises_storage_error(config_dir, tmp_path):
    config_dir.mkdir(parents=True)
    config_dir.chmod(0o500)
    try:
        with pytest.raises(paths.ConfigWriteError, match="Impossible d'enregistrer"):
            paths.remember_database_folder(tmp_path / "db", shared=False)
    finally:
        config_dir.chmod(0o700)


def test_config_path_that_is_a_directory_raises_config_write_error(config_dir, tmp_path):
    (config_dir / "config.json").mkdir(parents=True)  # os.replace onto a directory fails
    with pytest.raises(paths.ConfigWriteError) as caught:
        paths.remember_database_folder(tmp_path / "db", shared=False)
    assert isinstance(caught.value, OSError)  # the platform layer knows no domain error
    assert "Impossible d'enregistrer l'emplacement de la base de données" in str(caught.value)
    assert caught.value.config_path == config_dir / "config.json"
    # The temporary file was cleaned up.
    assert [p.name for p in config_dir.iterdir()] == ["config.json"]


def test_paths_and_domain_import_no_qt_and_no_sql():
    code = (
        "import sys\n"
        "import oiso_desktop.system.paths\n"
        "from oiso_desktop.domain import event_chain, identifiers, passwords, patients\n"
        "from oiso_desktop.domain import permissions, roles, text\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_the_setup_service_turns_a_config_failure_into_a_storage_error(config_dir, tmp_path):
    from oiso_desktop.services.setup_service import remember_database_folder

    (config_dir / "config.json").mkdir(parents=True)
    with pytest.raises(StorageError) as caught:
        remember_database_folder(tmp_path / "db", shared=False)
    assert caught.value.code == "config_write_failed"
    assert caught.value.params["path"] == str(config_dir / "config.json")


def test_config_files_modes_user_private_computer_readable_by_all(config_dir, tmp_path):
    old = os.umask(0)
    try:
        user = paths.remember_database_folder(tmp_path / "mine", shared=False)
        site = paths.remember_database_folder(tmp_path / "ours", shared=True)
    finally:
        os.umask(old)
    if os.name == "posix":
        assert user.stat().st_mode & 0o777 == 0o600
        assert config_dir.stat().st_mode & 0o777 == 0o700
        # Every OS user of the computer must be able to read the shared choice.
        assert site.stat().st_mode & 0o777 == 0o644


def test_per_user_state_folders_are_owner_only_whatever_the_umask(tmp_path, monkeypatch) -> None:
    """Another OS user must not replace the seen event heads (rollback detection)."""
    import os
    import stat

    from oiso_desktop.system import paths

    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "cfg"))
    previous = os.umask(0)
    try:
        target = paths.user_state_folder() / "seen_event_heads.json"
        paths.write_json_atomically(target, {"x": 1})
    finally:
        os.umask(previous)
    for folder in (tmp_path / "cfg", tmp_path / "cfg" / "state"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
