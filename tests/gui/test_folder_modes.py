"""The database folder gets 0700 (per user) or 0770 (shared) whatever the umask,
through the first-run wizard and through ``oiso-desktop init``; parents are
chmod-ed only where they were created."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

from oiso_desktop.cli import main  # noqa: E402
from oiso_desktop.gui.first_run_wizard import FirstRunWizard  # noqa: E402
from oiso_desktop.gui.tasks import TaskRunner  # noqa: E402
from oiso_desktop.storage.secret_store import MemorySecretStore  # noqa: E402

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

INIT_ARGS = [
    "--structure-name",
    "Centre de génétique",
    "--finess",
    "750712184",
    "--admin-login",
    "admin",
    "--admin-first-name",
    "Alice",
    "--admin-last-name",
    "Martin",
    "--no-recovery-sheet",
]
UMASKS = [0o000, 0o022]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)
    monkeypatch.setenv("OISO_PASSWORD", "Correct-horse-42!")
    monkeypatch.chdir(tmp_path)


def _existing_parent(tmp_path: Path) -> Path:
    parent = tmp_path / "existant"
    parent.mkdir()
    parent.chmod(0o751)
    return parent


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
@pytest.mark.parametrize(("shared", "expected"), [(False, 0o700), (True, 0o770)])
def test_init_gives_the_folder_and_new_parents_the_intended_mode(
    tmp_path: Path, umask: int, shared: bool, expected: int, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = _existing_parent(tmp_path)
    folder = parent / "nouveau" / "base"
    args = ["init", "--folder", str(folder), *INIT_ARGS] + (["--shared"] if shared else [])
    assert main(args) == 0, capsys.readouterr().err
    assert _mode(folder) == expected
    assert _mode(folder.parent) == expected  # created for it
    assert _mode(parent) == 0o751  # there before: untouched
    file_mode = 0o660 if shared else 0o600
    assert _mode(folder / "oiso.db") == file_mode
    assert _mode(folder / "oiso.keystore") == file_mode


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
@pytest.mark.parametrize(("shared", "expected"), [(False, 0o700), (True, 0o770)])
def test_the_wizard_creates_the_folder_with_the_intended_mode(
    qtbot, tmp_path: Path, umask: int, shared: bool, expected: int
) -> None:
    parent = _existing_parent(tmp_path)
    folder = parent / "nouveau" / "base"
    wizard = FirstRunWizard(TaskRunner(), secret_store=MemorySecretStore(available=False))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.location_page
    (page.shared_radio if shared else page.user_radio).setChecked(True)
    page.folder_edit.setText(str(folder))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is not page, page.error_label.text()
    assert _mode(folder) == expected
    assert _mode(folder.parent) == expected
    assert _mode(parent) == 0o751


def test_the_wizard_refuses_a_folder_under_a_file(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    wizard = FirstRunWizard(TaskRunner(), secret_store=MemorySecretStore(available=False))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.location_page
    page.folder_edit.setText(str(blocker / "base"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    assert page.error_label.text()
    assert blocker.read_text(encoding="utf-8") == "x"
