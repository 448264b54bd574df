"""First-run wizard driven like a user: real database created in tmp_path."""

from __future__ import annotations

import json
import os
import re

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

from oiso_desktop.domain.errors import InvalidIdentifier  # noqa: E402
from oiso_desktop.domain.identifiers import validate_finess  # noqa: E402
from oiso_desktop.gui.first_run_wizard import FirstRunWizard  # noqa: E402
from oiso_desktop.gui.i18n import install_translations  # noqa: E402
from oiso_desktop.gui.tasks import TaskRunner  # noqa: E402
from oiso_desktop.storage.secret_store import MemorySecretStore  # noqa: E402

ADMIN_PASSWORD = "Vanille-Ocre-74!Brume"


@pytest.fixture(autouse=True)
def isolated_config(tmp_path, monkeypatch):
    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("OISO_DATA_DIR", raising=False)


@pytest.fixture
def french(qapp):
    install_translations("fr")


def _valid_finess() -> str:
    for key in range(10):
        try:
            return validate_finess(f"75071218{key}")
        except InvalidIdentifier:
            continue
    raise AssertionError("no valid FINESS key found")


def _invalid_finess(valid: str) -> str:
    return valid[:-1] + str((int(valid[-1]) + 1) % 10)


def _click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled on page {wizard.currentPage().objectName()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, edit, text: str) -> None:
    """Type like a user; QTest only simulates ASCII keys, accents are inserted."""
    edit.clear()
    edit.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            edit.insert(char)


def test_wizard_creates_database_and_shows_recovery_code(qtbot, tmp_path, french):
    tasks = TaskRunner()
    wizard = FirstRunWizard(tasks, secret_store=MemorySecretStore(available=False))
    qtbot.addWidget(wizard)
    wizard.show()
    folder = tmp_path / "base"

    # Welcome
    assert wizard.currentPage() is wizard.welcome_page
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Location: "just me" is the default; the chosen folder is shown with the file name.
    page = wizard.location_page
    assert page.user_radio.isChecked()
    assert page.user_radio.text() == "Pour moi seul (dossier de mon compte)"
    assert page.shared_radio.text() == "Pour tous les utilisateurs de ce PC (dossier partagé)"
    _type(qtbot, page.folder_edit, str(folder))
    assert page.path_label.text() == f"La base sera créée dans : {folder / 'oiso.db'}"
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Structure: the FINESS is checked as it is typed, in French, under the field.
    page = wizard.structure_page
    assert wizard.currentPage() is page
    _type(qtbot, page.name_edit, "Centre Hospitalier de Test")
    finess = _valid_finess()
    _type(qtbot, page.finess_edit, _invalid_finess(finess))
    assert not page.finess_error_label.isHidden()
    assert "FINESS" in page.finess_error_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _type(qtbot, page.finess_edit, finess)
    assert page.finess_error_label.isHidden()
    _type(qtbot, page.address_edit, "1 rue de l'Hôpital, 75000 Paris")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Administrator: live password feedback; no keyring -> the option is disabled.
    page = wizard.admin_page
    assert wizard.currentPage() is page
    assert not page.bind_checkbox.isEnabled()
    assert "Indisponible" in page.bind_hint.text()
    _type(qtbot, page.login_edit, "c.martin")
    _type(qtbot, page.first_name_edit, "Claire")
    _type(qtbot, page.last_name_edit, "Martin")
    _type(qtbot, page.password_edit, "martin")
    assert "Trop court" in page.feedback.text()
    assert "prénom ou le nom" in page.feedback.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _type(qtbot, page.password_edit, ADMIN_PASSWORD)
    _type(qtbot, page.confirm_edit, ADMIN_PASSWORD + "x")
    assert "même mot de passe" in page.feedback.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _type(qtbot, page.confirm_edit, ADMIN_PASSWORD)
    assert page.feedback.text() == "✓ Le mot de passe respecte les règles de sécurité."
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # Summary, then creation in a worker.
    page = wizard.summary_page
    assert wizard.currentPage() is page
    assert "Centre Hospitalier de Test" in page.summary_label.text()
    assert "c.martin" in page.summary_label.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "&Créer la base"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)

    # Recovery code: shown once, Finish only after the acknowledgement.
    page = wizard.recovery_page
    code = page.code_label.text()
    assert re.fullmatch(r"[0-9A-Z]{4,5}(-[0-9A-Z]{4,5})+", code), code
    assert code == wizard.result_code
    assert page.save_button.text() == "Enregistrer la fiche de récupération (PDF)…"
    assert page.confirm_checkbox.text() == "J'ai imprimé ou conservé ce code en lieu sûr"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # cancelling is not possible any more
    assert wizard.isVisible()
    page.confirm_checkbox.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted

    # The database exists, is remembered, and the administrator can sign in.
    assert wizard.database_folder == folder
    assert (folder / "oiso.db").is_file()
    assert (folder / "oiso.keystore").is_file()
    config = json.loads((tmp_path / "config" / "config.json").read_text("utf-8"))
    assert config["database_folder"] == str(folder)

    from oiso_desktop.services.auth_service import AuthService

    session = AuthService(folder, secret_store=MemorySecretStore()).login(
        "c.martin", ADMIN_PASSWORD
    )
    try:
        assert session.actor.display_name.startswith("Claire") or "Martin" in (
            session.actor.display_name
        )
        assert not session.must_change_password
    finally:
        session.logout()

    # The recovery code restores access.
    recovered = AuthService(folder, secret_store=MemorySecretStore()).recover(
        code, "c.martin", "Nouveau-Mot2passe!Solide"
    )
    recovered.logout()


def test_wizard_saves_recovery_sheet(qtbot, tmp_path, french):
    pytest.importorskip("oiso_desktop.reports.recovery_sheet")
    tasks = TaskRunner()
    wizard = FirstRunWizard(tasks, secret_store=MemorySecretStore(available=False))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    _type(qtbot, wizard.location_page.folder_edit, str(tmp_path / "base"))
    wizard.next()
    _type(qtbot, wizard.structure_page.name_edit, "CH Test")
    _type(qtbot, wizard.structure_page.finess_edit, _valid_finess())
    wizard.next()
    admin = wizard.admin_page
    _type(qtbot, admin.login_edit, "admin.test")
    _type(qtbot, admin.first_name_edit, "Alain")
    _type(qtbot, admin.last_name_edit, "Durand")
    _type(qtbot, admin.password_edit, ADMIN_PASSWORD)
    _type(qtbot, admin.confirm_edit, ADMIN_PASSWORD)
    wizard.next()
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30000)

    sheet = tmp_path / "fiche.pdf"
    wizard.save_recovery_sheet(sheet)
    assert tasks.wait_idle(30000)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert "Fiche enregistrée" in wizard.recovery_page.saved_label.text()


def test_location_refuses_a_folder_with_a_database(qtbot, tmp_path, french):
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "oiso.db").write_bytes(b"")
    wizard = FirstRunWizard(TaskRunner(), secret_store=MemorySecretStore(available=False))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    _type(qtbot, wizard.location_page.folder_edit, str(folder))
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.location_page
    assert "contient déjà une base OISO" in wizard.location_page.error_label.text()
