"""Render every screen offscreen to docs/screenshots/*.png (used by the README).

    QT_QPA_PLATFORM=offscreen python tools/render_screenshots.py [--out DIR] [--lang fr|en]

Everything is built in a temporary folder: a database created through the
first-run wizard (its pages are captured on the way) and a demo database with
fictitious patients for the main window of each role. Nothing is written to
the user's configuration.
"""

from __future__ import annotations

import argparse
import inspect
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
ADMIN_PASSWORD = "Vanille-Ocre-74!Brume"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--patients", type=int, default=300)
    args = parser.parse_args(argv)

    # A fixed folder name, so that the paths shown in the screenshots do not change.
    temp_dir = Path(tempfile.gettempdir()) / "oiso-screenshots"
    shutil.rmtree(temp_dir, ignore_errors=True)
    temp_dir.mkdir()
    try:
        # Keep the real user configuration untouched.
        os.environ["OISO_CONFIG_DIR"] = str(temp_dir / "config")
        os.environ.pop("OISO_DATA_DIR", None)
        return _render_all(args.out, args.lang, temp_dir, args.patients)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)


def _render_all(out: Path, language: str, temp_dir: Path, patients: int) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QWidget, QWizard

    from oiso_desktop import APP_NAME
    from oiso_desktop.gui.app import demo_accounts_of
    from oiso_desktop.gui.i18n import install_translations
    from oiso_desktop.gui.icons import icon
    from oiso_desktop.gui.style import apply_style
    from oiso_desktop.gui.tasks import TaskRunner
    from oiso_desktop.services.auth_service import AuthService
    from oiso_desktop.services.demo import create_demo_database
    from oiso_desktop.services.secret_store import MemorySecretStore

    QCoreApplication.setOrganizationName("OISO-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp_dir / "settings")
    )
    app = QApplication.instance() or QApplication([APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(icon("app"))
    install_translations(language)
    apply_style(app)
    tasks = TaskRunner(app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        tasks.wait_idle(60000)
        deadline = QCoreApplication.instance()
        assert deadline is not None
        from PySide6.QtCore import QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QApplication.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    # ------------------------------------------------------------ wizard
    from oiso_desktop.domain.identifiers import validate_finess
    from oiso_desktop.gui.first_run_wizard import FirstRunWizard

    finess = next(
        value
        for value in (f"75071218{key}" for key in range(10))
        if _is_valid(validate_finess, value)
    )
    wizard = FirstRunWizard(tasks, secret_store=MemorySecretStore(available=False))
    wizard.resize(760, 580)
    wizard.show()
    shot(wizard, "wizard_1_welcome")
    wizard.next()
    wizard.location_page.folder_edit.setText(str(temp_dir / "OISO Desktop" / "database"))
    shot(wizard, "wizard_2_location")
    wizard.next()
    page = wizard.structure_page
    page.name_edit.setText("Centre Hospitalier Universitaire de Sainte-Énimie")
    page.finess_edit.setText(finess[:-1] + str((int(finess[-1]) + 1) % 10))
    page.address_edit.setText("12 avenue de l'Hôpital, 48210 Sainte-Énimie")
    page.phone_edit.setText("04 66 00 00 00")
    shot(wizard, "wizard_3_structure_error")
    page.finess_edit.setText(finess)
    shot(wizard, "wizard_3_structure")
    wizard.next()
    admin = wizard.admin_page
    admin.login_edit.setText("c.martin")
    admin.first_name_edit.setText("Claire")
    admin.last_name_edit.setText("Martin")
    admin.email_edit.setText("claire.martin@chu-exemple.fr")
    admin.password_edit.setText("martin2024")
    admin.confirm_edit.setText("")
    admin.isComplete()
    shot(wizard, "wizard_4_admin_weak_password")
    admin.password_edit.setText(ADMIN_PASSWORD)
    admin.confirm_edit.setText(ADMIN_PASSWORD)
    shot(wizard, "wizard_4_admin")
    wizard.next()
    shot(wizard, "wizard_5_summary")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    tasks.wait_idle(60000)
    settle(300)
    shot(wizard, "wizard_6_recovery_code")
    created_folder = wizard.database_folder
    wizard.recovery_page.confirm_checkbox.setChecked(True)
    wizard.accept()

    # ------------------------------------------------------------- login
    from oiso_desktop.gui.change_password_dialog import ChangePasswordDialog
    from oiso_desktop.gui.login_dialog import LoginDialog
    from oiso_desktop.gui.recovery_dialog import RecoveryDialog

    store = MemorySecretStore(available=False)
    assert created_folder is not None
    auth = AuthService(created_folder, secret_store=store)
    login = LoginDialog(auth, tasks, database_folder=created_folder)
    login.show()
    shot(login, "login")
    login.login_edit.setText("c.martin")
    login.password_edit.setText("mauvais mot de passe")
    login.login_button.click()
    tasks.wait_idle(30000)
    shot(login, "login_error")
    login.close()

    recovery = RecoveryDialog(auth, tasks)
    recovery.code_edit.setText("K7QF-2M9X")
    recovery.login_edit.setText("c.martin")
    recovery.show()
    shot(recovery, "recovery_dialog")
    recovery.close()

    demo_folder = temp_dir / "demo"
    print("Building the demo database...")
    accounts = demo_accounts_of(create_demo_database(demo_folder, patients=patients))
    demo_auth = AuthService(demo_folder, secret_store=store)
    demo_login = LoginDialog(demo_auth, tasks, demo_accounts=accounts)
    demo_login.show()
    shot(demo_login, "login_demo")
    demo_login.close()

    admin_session = auth.login("c.martin", ADMIN_PASSWORD)
    change = ChangePasswordDialog(admin_session, tasks, forced=True)
    change.old_edit.setText("xxxxxxxxxxxx")
    change.new_edit.setText("azerty123")
    change.show()
    shot(change, "change_password_forced")
    change.done(0)
    admin_session.logout()

    # ------------------------------------------------------- main windows
    from oiso_desktop.gui.main_window import MainWindow

    for account in accounts:
        session = demo_auth.login(account.login, account.password)
        window = MainWindow(session, tasks, database_folder=demo_folder, demo=True)
        window.resize(1280, 800)
        window.show()
        for key in window.page_keys():
            window.show_page(key)
            settle(400)
            shot(window, f"main_{account.role}_{key}")
        if account.role == "admin":
            _render_dialog(window, session, tasks, shot, "user_dialog", "UserDialog")
        if account.role == "practitioner":
            _render_file_window(window, session, tasks, shot, settle)
            _render_dialog(window, session, tasks, shot, "patient_dialog", "PatientDialog")
            _render_dialog(
                window, session, tasks, shot, "computer_binding_dialog", "ComputerBindingDialog"
            )
            window.lock()
            settle(300)
            shot(window, "lock_screen")
        window.close()
        settle()

    tasks.shutdown()
    print(f"{len(written)} screenshots written to {out}")
    return 0


def _is_valid(check: Callable[[str], object], value: str) -> bool:
    try:
        check(value)
    except ValueError:
        return False
    return True


def _render_file_window(window, session, tasks, shot, settle) -> None:
    """The first demo file (a sample family, three saved versions of one form or more),
    each tab of its window at a laptop's 1366×768 (less the title bar)."""
    from PySide6.QtCore import Qt

    from oiso_desktop.gui.patient_file_window import PatientFileWindow

    first = session.patients.search_ids("").ids[0]
    file_window = PatientFileWindow(session, tasks, session.patients.get(first), parent=window)
    file_window.setWindowState(file_window.windowState() & ~Qt.WindowState.WindowMaximized)
    file_window.resize(1366, 740)
    file_window.show()
    tasks.wait_idle(30000)
    settle(300)
    tabs = {
        "identity": file_window.identity,
        "history": file_window.history_editor,
        "family": file_window.family_editor,
        "genetics": file_window.genetics_editor,
        "scores": file_window.scores_panel,
        "documents": file_window.documents_panel,
        "revisions": file_window.history_panel,
    }
    for name, widget in tabs.items():
        if widget is None:
            continue
        file_window.show_tab(widget)
        panel = file_window.history_panel
        if widget is panel and panel is not None:
            tasks.wait_idle(30000)
            settle(200)
            items = panel.revision_items()
            if items:
                panel.tree.setCurrentItem(items[0])
                tasks.wait_idle(30000)
        settle(300)
        shot(file_window, f"patient_file_{name}")
    file_window.discard_and_close()


def _render_dialog(window, session, tasks, shot, module_name: str, class_name: str) -> None:
    """Another view's dialog (``Dialog(session, tasks, parent=...)``), if its module exists."""
    import importlib

    try:
        module = importlib.import_module(f"oiso_desktop.gui.{module_name}")
        dialog_class = getattr(module, class_name)
    except (ImportError, AttributeError):
        print(f"  ({class_name} not available, skipped)")
        return
    try:
        parameters = inspect.signature(dialog_class).parameters
        kwargs = {"parent": window} if "parent" in parameters else {}
        dialog = dialog_class(session, tasks, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a screenshot must not stop the others
        print(f"  ({class_name} could not be built: {exc})")
        return
    dialog.show()
    shot(dialog, module_name)
    dialog.done(0)


if __name__ == "__main__":
    sys.exit(main())
