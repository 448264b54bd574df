"""Start-up of the desktop application.

``main()``: QApplication, translations, style; then the database folder
(``--demo`` builds a throwaway one, ``--data-dir`` picks one, otherwise the
remembered one, otherwise the first-run wizard); then login -> forced password
change if needed -> main window; "Log out" comes back to the login screen.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from oiso_desktop import APP_NAME, __version__
from oiso_desktop.gui import file_dialog_privacy
from oiso_desktop.gui.i18n import install_translations, save_language, saved_language
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.login_dialog import DemoAccount
from oiso_desktop.gui.style import apply_style
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.system import paths
from oiso_desktop.system.diagnostics import exception_summary
from oiso_desktop.system.french_argparse import FrenchArgumentParser
from oiso_desktop.system.temp_folders import owned_temp_folder, remove_stale_temp_folders

log = logging.getLogger(__name__)

ORGANIZATION = "OISO"
#: Demo databases live in <tmp>/oiso-demo-<pid>-<random> (see system.temp_folders).
DEMO_FOLDER_PREFIX = "oiso-demo-"
# How often Python gets the hand back from Qt's event loop to run signal handlers.
SIGNAL_POLL_MS = 200


class QuitOnSignals:
    """Ctrl+C (SIGINT), SIGTERM and SIGHUP (terminal closed, session logout) close
    the application cleanly.

    Python runs a signal handler only when the interpreter gets control back, and
    Qt's event loop is C++: a periodic no-op timer lets it run. The handler asks
    Qt to close the windows (the main window logs out) and quit, so that
    ``main()`` returns through its ``finally`` (the demo files are removed).
    """

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.signal_number: int | None = None
        self._previous: dict[int, Any] = {}
        self._timer = QTimer(app)
        self._timer.setInterval(SIGNAL_POLL_MS)
        self._timer.timeout.connect(lambda: None)
        self._timer.start()
        numbers = [signal.SIGINT, signal.SIGTERM]
        if hasattr(signal, "SIGHUP"):  # POSIX only
            numbers.append(signal.SIGHUP)
        for number in numbers:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                self._previous[number] = signal.signal(number, self._on_signal)

    @property
    def requested(self) -> bool:
        return self.signal_number is not None

    def _on_signal(self, number: int, _frame: Any) -> None:
        if self.signal_number is not None:
            return
        self.signal_number = number
        log.info("Signal %s received: closing the application", number)
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        self.app.closeAllWindows()
        self.app.quit()

    def exit_code(self, default: int) -> int:
        return 128 + self.signal_number if self.signal_number is not None else default

    def restore(self) -> None:
        self._timer.stop()
        for number, handler in self._previous.items():
            signal.signal(number, handler)


def _log_unhandled(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
    """An exception escaping a Qt slot: logged without its text (it may quote data)."""
    log.error("Unhandled error: %s", exception_summary(exc.with_traceback(tb)))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = FrenchArgumentParser(prog="oiso-desktop", description=APP_NAME)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="démarrer sur une base jetable avec des patients fictifs et des comptes de "
        "démonstration",
    )
    parser.add_argument(
        "--data-dir", metavar="DOSSIER", type=Path, help="dossier de la base de données à ouvrir"
    )
    parser.add_argument("--lang", choices=("fr", "en"), help="langue de l'interface")
    parser.add_version(f"{APP_NAME} {__version__}")
    # Qt's own options (-platform, -style...) are left for QApplication.
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def make_secret_store(*, demo: bool) -> Any:
    """The secret store (OS keyring) the services need; in memory for the demo."""
    from oiso_desktop.services import secret_store

    if demo:
        return secret_store.MemorySecretStore(available=False)
    return secret_store.OsKeyringSecretStore()


def demo_accounts_of(accounts: Any) -> list[DemoAccount]:
    """Adapt what ``services.demo.create_demo_database`` returns to the login screen."""
    items = getattr(accounts, "accounts", accounts)
    result = []
    for item in items:
        result.append(DemoAccount(login=item.login, password=item.password, role=str(item.role)))
    return result


class AppController(QObject):
    """Walks the user through wizard -> login -> (password change) -> main window."""

    def __init__(
        self,
        app: QApplication,
        tasks: TaskRunner,
        *,
        secret_store: Any,
        database_folder: Path | None = None,
        demo: bool = False,
        demo_accounts: Sequence[DemoAccount] = (),
        idle_timeout_ms: int | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.tasks = tasks
        self.secret_store = secret_store
        self.database_folder = database_folder
        self.demo = demo
        self.demo_accounts = list(demo_accounts)
        self.idle_timeout_ms = idle_timeout_ms
        self.wizard = None
        self.login_dialog = None
        self.password_dialog = None
        self.main_window = None

    # ---------------------------------------------------------------- steps
    def start(self) -> None:
        from oiso_desktop.services.setup_service import database_present

        if self.database_folder is None:
            self.show_wizard()
        elif not database_present(self.database_folder):
            self.ask_missing_database()
        else:
            self.show_login()

    def ask_missing_database(self) -> None:
        """The remembered folder has no database (e.g. a network share not mounted)."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "")
        box.setText(
            self.tr("No OISO database was found in the folder {folder}.").format(
                folder=str(self.database_folder)
            )
        )
        box.setInformativeText(
            self.tr(
                "If the database is on a network share or a removable disk, check that it is "
                "available, then try again. Otherwise you can create a new database."
            )
        )
        retry = box.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        create = box.addButton(
            self.tr("Create a new database..."), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry:
            self.start()
        elif clicked is create:
            self.database_folder = None
            self.show_wizard()
        else:
            self.quit()

    def show_wizard(self) -> None:
        from oiso_desktop.gui.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.tasks, secret_store=self.secret_store)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(self._on_wizard_finished)
        self.wizard = wizard
        wizard.show()

    def _on_wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        folder = wizard.database_folder if wizard is not None else None
        if folder is None:
            self.quit()
            return
        self.database_folder = folder
        self.show_login()

    def _auth_service(self) -> Any:
        from oiso_desktop.services.auth_service import AuthService

        assert self.database_folder is not None
        return AuthService(self.database_folder, secret_store=self.secret_store)

    def show_login(self) -> None:
        from oiso_desktop.gui.login_dialog import LoginDialog

        try:
            auth = self._auth_service()
        except Exception as exc:  # noqa: BLE001 - a missing/corrupt database must be explained
            self._fatal(exc)
            return
        dialog = LoginDialog(
            auth,
            self.tasks,
            database_folder=None if self.demo else self.database_folder,
            demo_accounts=self.demo_accounts,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_language_requested.connect(self._on_language_requested)
        dialog.finished.connect(self._on_login_finished)
        message, self._login_message = getattr(self, "_login_message", ""), ""
        if message:
            dialog.show_error(message)
        self.login_dialog = dialog
        dialog.show()

    def _on_language_requested(self, language: str) -> None:
        save_language(language)
        install_translations(language)

    def _on_login_finished(self, result: int) -> None:
        dialog, self.login_dialog = self.login_dialog, None
        session = dialog.session if dialog is not None else None
        if result != QDialog.DialogCode.Accepted or session is None:
            self.quit()
            return
        if session.must_change_password:
            self.show_forced_password_change(session)
        else:
            self.show_main_window(session)

    def show_forced_password_change(self, session: Any) -> None:
        from oiso_desktop.gui.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(session, self.tasks, forced=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.password_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.show_main_window(session)
                return
            try:
                session.logout()
            except Exception as exc:  # noqa: BLE001
                log.warning("Logout failed: %s", exception_summary(exc))
            self.quit()

        dialog.finished.connect(finished)
        self.password_dialog = dialog
        dialog.show()

    def show_main_window(self, session: Any) -> None:
        from oiso_desktop.gui.main_window import MainWindow

        kwargs: dict[str, Any] = {}
        if self.idle_timeout_ms is not None:
            kwargs["idle_timeout_ms"] = self.idle_timeout_ms
        window = MainWindow(
            session,
            self.tasks,
            database_folder=self.database_folder,
            demo=self.demo,
            maintenance=True,  # the maintenance job, in the background after login
            **kwargs,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.sig_logged_out.connect(self._on_logged_out)
        window.sig_session_ended.connect(self._on_session_ended)
        window.destroyed.connect(self._on_main_window_destroyed)
        self.main_window = window
        self._logging_out = False
        if window.opens_maximized:
            window.showMaximized()
        else:
            window.show()

    def _on_session_ended(self, text: str) -> None:
        # Shown on the next login screen: why the session closed by itself.
        self._login_message = text

    def _on_logged_out(self) -> None:
        self._logging_out = True
        # Show the login screen once the window is gone.
        QTimer.singleShot(0, self.show_login)

    def _on_main_window_destroyed(self, *_args: object) -> None:
        self.main_window = None
        if not getattr(self, "_logging_out", False):
            self.quit()

    # ----------------------------------------------------------------- misc
    def _fatal(self, exc: BaseException) -> None:
        from oiso_desktop.gui.error_text import error_text

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error_text(exc))
        box.setInformativeText(
            self.tr("Database folder: {folder}").format(folder=str(self.database_folder))
        )
        box.exec()
        self.quit()

    def quit(self) -> None:
        QTimer.singleShot(0, self.app.quit)


def build_demo_database(app: QApplication, tasks: TaskRunner, folder: Path) -> Any:
    """Build the demo database in a worker while a progress dialog is shown."""
    from oiso_desktop.services.demo import create_demo_database

    progress = QProgressDialog(
        QCoreApplication.translate(
            "App", "Creating the demonstration database (fictitious patients)..."
        ),
        "",
        0,
        0,
    )
    progress.setWindowTitle(APP_NAME)
    progress.setWindowIcon(icon("app"))
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setMinimumWidth(420)
    progress.show()
    outcome: dict[str, Any] = {}
    tasks.run(
        create_demo_database,
        folder,
        on_success=lambda accounts: outcome.setdefault("accounts", accounts),
        on_failure=lambda exc: outcome.setdefault("error", exc),
        writer=True,
    )
    while not tasks.wait_idle(100):
        pass
    progress.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["accounts"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Schema migrations run at each opening: their step-by-step chatter is noise.
    logging.getLogger("alembic").setLevel(logging.WARNING)

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(icon("app"))
    app.setQuitOnLastWindowClosed(False)
    language = args.lang or saved_language()
    install_translations(language)
    apply_style(app)
    file_dialog_privacy.install(app)

    previous_excepthook, sys.excepthook = sys.excepthook, _log_unhandled
    signals = QuitOnSignals(app)
    tasks = TaskRunner(app)
    demo_dir: Path | None = None
    demo_accounts: list[DemoAccount] = []
    try:
        # Demo databases of processes that were killed outright (SIGKILL, crash).
        for leftover in remove_stale_temp_folders(DEMO_FOLDER_PREFIX):
            log.info("Removed the demo folder of an ended process: %s", leftover.name)
        secret_store = make_secret_store(demo=args.demo)
        if args.demo:
            demo_dir = owned_temp_folder(DEMO_FOLDER_PREFIX)
            folder: Path | None = demo_dir / "database"
            assert folder is not None
            try:
                accounts = build_demo_database(app, tasks, folder)
            except Exception as exc:  # noqa: BLE001
                from oiso_desktop.gui.error_text import error_text

                if signals.requested:
                    return signals.exit_code(1)
                QMessageBox.critical(None, APP_NAME, error_text(exc))
                return 1
            if signals.requested:  # Ctrl+C while the demo was being built
                return signals.exit_code(0)
            log.info("Demo database ready")
            demo_accounts = demo_accounts_of(accounts)
        elif args.data_dir is not None:
            folder = args.data_dir.expanduser().resolve()
        else:
            folder = paths.find_database_folder()

        controller = AppController(
            app,
            tasks,
            secret_store=secret_store,
            database_folder=folder,
            demo=args.demo,
            demo_accounts=demo_accounts,
        )
        controller.start()
        code = app.exec()
        return signals.exit_code(int(code))
    finally:
        # A write in progress finishes before its files are removed.
        tasks.shutdown()
        signals.restore()
        sys.excepthook = previous_excepthook
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
            if demo_dir.exists():
                log.warning("The demo folder could not be deleted: %s", demo_dir.name)


if __name__ == "__main__":
    sys.exit(main())
