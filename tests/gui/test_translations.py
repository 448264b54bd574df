"""The French catalogue is complete, the committed .qm is current, and the app speaks French."""

from __future__ import annotations

import importlib.util
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "oiso_fr.ts"
QM = ROOT / "resources" / "translations" / "oiso_fr.qm"


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated():
    root = ET.parse(TS).getroot()
    assert root.get("language", "").startswith("fr")
    unfinished = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(
                text.strip() for text in texts
            ):
                unfinished.append(f"[{name}] {message.findtext('source')}")
    assert unfinished == [], "untranslated strings:\n" + "\n".join(unfinished)


def test_translations_keep_their_placeholders():
    """A '{name}' lost in translation would break str.format at run time."""
    import re

    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if not translation:
            continue  # reported by test_every_message_is_translated
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(
            re.findall(r"\{\w*\}", translation)
        ), source


def test_committed_qm_matches_ts(tmp_path):
    tool = _load_tool()
    rebuilt = tmp_path / "oiso_fr.qm"
    tool.lrelease(TS, rebuilt)
    assert QM.read_bytes() == rebuilt.read_bytes(), (
        "oiso_fr.qm is out of date: run python tools/update_translations.py --release"
    )


def test_every_gui_string_is_in_the_catalogue(tmp_path):
    """lupdate over the current sources adds nothing: no string was forgotten."""
    tool = _load_tool()
    before = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(TS).getroot().iter("context")
        for m in c.iter("message")
    }
    scratch = tmp_path / "scratch.ts"
    import shutil
    import subprocess

    shutil.copy(TS, scratch)
    subprocess.run(
        [
            tool._tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            *(str(p) for p in tool.source_files()),
            "-ts",
            str(scratch),
        ],
        check=True,
    )
    after = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(scratch).getroot().iter("context")
        for m in c.iter("message")
    }
    assert after - before == set(), "run python tools/update_translations.py"


@pytest.fixture
def french(qapp):
    from oiso_desktop.gui.i18n import install_translations

    assert install_translations("fr")
    yield
    install_translations("fr")


def test_main_strings_are_french_in_a_running_app(qtbot, french):
    from PySide6.QtCore import QCoreApplication

    from oiso_desktop.domain.errors import AccountLocked, AuthenticationError
    from oiso_desktop.domain.roles import Role
    from oiso_desktop.gui.error_text import error_text
    from oiso_desktop.gui.i18n import role_label
    from oiso_desktop.gui.lock_screen import LockScreen
    from oiso_desktop.gui.login_dialog import DemoAccount, LoginDialog
    from oiso_desktop.gui.main_window import backend_label
    from oiso_desktop.gui.tasks import TaskRunner

    dialog = LoginDialog(
        None,  # type: ignore[arg-type]  # no login attempted here
        TaskRunner(),
        demo_accounts=[DemoAccount("demo.medecin", "x", "practitioner")],
    )
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "Se connecter"
    assert dialog.quit_button.text() == "Quitter"
    assert dialog.demo_banner.text() == "MODE DÉMONSTRATION — données fictives"
    assert dialog.fill_buttons[0].text() == "Remplir"
    assert dialog.windowTitle() == "OISO Desktop — Connexion"

    assert role_label(Role.SECRETARY) == "Secrétaire médicale"
    assert role_label(Role.PRACTITIONER) == "Praticien"
    assert backend_label("sqlcipher") == "Base locale chiffrée (SQLCipher)"
    assert error_text(AuthenticationError("x")) == "Identifiant ou mot de passe incorrect."
    assert error_text(AccountLocked("x", retry_after_seconds=600)) == (
        "Trop de tentatives échouées. Réessayez dans 10 minute(s)."
    )
    assert error_text(RuntimeError("boom")).startswith("Une erreur inattendue est survenue.")

    host = QWidgetForTest()
    qtbot.addWidget(host)
    lock = LockScreen(host, user_name="Dr Test")
    assert lock.unlock_button.text() == "Déverrouiller"
    assert lock.switch_button.text() == "Changer d'utilisateur"
    # Qt's own strings come from qtbase_fr.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_switching_to_english_retranslates_login(qtbot, french):
    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.login_dialog import LoginDialog
    from oiso_desktop.gui.tasks import TaskRunner

    dialog = LoginDialog(None, TaskRunner())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "Se connecter"
    install_translations("en")
    qtbot.waitUntil(lambda: dialog.login_button.text() == "Sign in", timeout=2000)
    assert dialog.quit_button.text() == "Quit"
    install_translations("fr")
    qtbot.waitUntil(lambda: dialog.login_button.text() == "Se connecter", timeout=2000)


def QWidgetForTest():  # noqa: N802 - reads like a class in the test
    from PySide6.QtWidgets import QWidget

    return QWidget()
