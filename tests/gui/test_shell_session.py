"""Login, forced password change, lock/unlock, main window by role, demo login box.

Real SQLCipher databases in tmp_path, created through the services.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout  # noqa: E402

from oiso_desktop.domain.identifiers import rpps_luhn_ok, validate_finess  # noqa: E402
from oiso_desktop.domain.roles import Role  # noqa: E402
from oiso_desktop.gui.app import AppController, demo_accounts_of  # noqa: E402
from oiso_desktop.gui.change_password_dialog import ChangePasswordDialog  # noqa: E402
from oiso_desktop.gui.i18n import install_translations  # noqa: E402
from oiso_desktop.gui.login_dialog import LoginDialog  # noqa: E402
from oiso_desktop.gui.main_window import MainWindow  # noqa: E402
from oiso_desktop.gui.tasks import TaskRunner  # noqa: E402
from oiso_desktop.services.auth_service import AuthService  # noqa: E402
from oiso_desktop.services.dto import StructureInput, UserInput  # noqa: E402
from oiso_desktop.services.setup_service import create_local_database  # noqa: E402
from oiso_desktop.storage.secret_store import MemorySecretStore  # noqa: E402

ADMIN_PASSWORD = "Vanille-Ocre-74!Brume"
NEW_PASSWORD = "Granit-Azur-58?Ciel"


@dataclass
class Db:
    folder: Path
    secret_store: MemorySecretStore
    users: dict[str, str]  # login -> password (one-time for non-admins)

    def auth(self) -> AuthService:
        return AuthService(self.folder, secret_store=self.secret_store)


@pytest.fixture(autouse=True)
def french(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("OISO_CONFIG_DIR", str(tmp_path / "config"))
    # Window geometry and language go to tmp_path, never to the developer's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName("OISO-tests")
    install_translations("fr")


def _rpps() -> str:
    for key in range(10):
        candidate = f"1000000001{key}"
        if rpps_luhn_ok(candidate):
            return candidate
    raise AssertionError


def _finess() -> str:
    for key in range(10):
        try:
            return validate_finess(f"75071218{key}")
        except ValueError:
            continue
    raise AssertionError


@pytest.fixture
def db(tmp_path) -> Db:
    store = MemorySecretStore()
    folder = tmp_path / "base"
    result = create_local_database(
        folder,
        structure=StructureInput(name="CH Test", finess=_finess()),
        admin=UserInput(login="admin", first_name="Alice", last_name="Admin", role=Role.ADMIN),
        admin_password=ADMIN_PASSWORD,
        secret_store=store,
    )
    users = {"admin": ADMIN_PASSWORD}
    session = AuthService(result.database_folder, secret_store=store).login("admin", ADMIN_PASSWORD)
    try:
        for login, first, last, role, rpps in (
            ("dr.house", "Grégoire", "Maison", Role.PRACTITIONER, _rpps()),
            ("secretaire", "Sophie", "Lambert", Role.SECRETARY, ""),
        ):
            _view, one_time = session.users.create_user(
                UserInput(login=login, first_name=first, last_name=last, role=role, rpps=rpps),
            )
            users[login] = one_time
    finally:
        session.logout()
    return Db(Path(result.database_folder), store, users)


def _login_dialog(qtbot, db: Db, tasks: TaskRunner, **kwargs) -> LoginDialog:
    dialog = LoginDialog(db.auth(), tasks, database_folder=db.folder, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _sign_in(qtbot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login_edit.clear()
    qtbot.keyClicks(dialog.login_edit, login)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def _session(db: Db, login: str, password: str | None = None):
    return db.auth().login(login, password or db.users[login])


def _change_first_password(db: Db, login: str) -> None:
    session = _session(db, login)
    session.change_password(db.users[login], NEW_PASSWORD)
    session.logout()
    db.users[login] = NEW_PASSWORD


# ---------------------------------------------------------------------- login
def test_login_wrong_password_then_right(qtbot, db):
    tasks = TaskRunner()
    dialog = _login_dialog(qtbot, db, tasks)
    assert dialog.login_button.text() == "Se connecter"
    assert not dialog.login_button.isEnabled()  # nothing typed yet

    _sign_in(qtbot, dialog, "admin", "pas-le-bon-mot-de-passe")
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden(), timeout=15000)
    assert dialog.error_label.text() == "Identifiant ou mot de passe incorrect."
    assert dialog.password_edit.text() == ""
    assert dialog.isVisible()
    assert dialog.session is None

    # An unknown login gets exactly the same message.
    _sign_in(qtbot, dialog, "personne", "pas-le-bon-mot-de-passe")
    assert tasks.wait_idle(15000)
    assert dialog.error_label.text() == "Identifiant ou mot de passe incorrect."

    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        _sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.session is not None
    assert dialog.session.actor.login == "admin"
    assert dialog.session.actor.role == Role.ADMIN
    dialog.session.logout()


def test_login_does_not_freeze_the_interface(qtbot, db):
    """The check runs in a worker: the dialog reports busy and stays responsive."""
    tasks = TaskRunner()
    dialog = _login_dialog(qtbot, db, tasks)
    with qtbot.waitSignal(tasks.sig_busy_changed, timeout=2000) as blocker:
        _sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert blocker.args == [True]
    assert dialog.login_button.text() == "Connexion…"
    assert not dialog.login_edit.isEnabled()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=15000)
    dialog.session.logout()


def test_lockout_message_after_repeated_failures(qtbot, db):
    tasks = TaskRunner()
    dialog = _login_dialog(qtbot, db, tasks)
    for _ in range(12):
        _sign_in(qtbot, dialog, "admin", "mauvais-mot-de-passe")
        assert tasks.wait_idle(15000)
        if "Trop de tentatives" in dialog.error_label.text():
            break
    assert "Trop de tentatives échouées" in dialog.error_label.text()


# ------------------------------------------------------------ forced change
def test_forced_password_change_at_first_login(qtbot, db):
    tasks = TaskRunner()
    session = _session(db, "dr.house")
    assert session.must_change_password
    dialog = ChangePasswordDialog(session, tasks, forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.text() == "Quitter"

    # Escape, reject() and the close button do not skip it.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.close()
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.old_edit, db.users["dr.house"])
    qtbot.keyClicks(dialog.new_edit, "maison")
    assert not dialog.ok_button.isEnabled()
    assert "Trop court" in dialog.feedback.text()
    dialog.new_edit.clear()
    qtbot.keyClicks(dialog.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSWORD)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    session.logout()

    again = _session(db, "dr.house", NEW_PASSWORD)
    assert not again.must_change_password
    again.logout()


def test_forced_change_quit_button_rejects(qtbot, db):
    session = _session(db, "dr.house")
    dialog = ChangePasswordDialog(session, TaskRunner(), forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    session.logout()


def test_controller_walks_login_forced_change_main_window(qtbot, db, qapp):
    tasks = TaskRunner()
    controller = AppController(qapp, tasks, secret_store=db.secret_store, database_folder=db.folder)
    controller.start()
    login = controller.login_dialog
    assert login is not None and login.isVisible()
    _sign_in(qtbot, login, "dr.house", db.users["dr.house"])
    qtbot.waitUntil(lambda: controller.password_dialog is not None, timeout=15000)
    change = controller.password_dialog
    qtbot.keyClicks(change.old_edit, db.users["dr.house"])
    qtbot.keyClicks(change.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(change.confirm_edit, NEW_PASSWORD)
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=15000)
    window = controller.main_window
    assert window.session.actor.login == "dr.house"
    assert window.user_label.text() == window.session.actor.display_name
    assert window.role_label.text() == "Praticien"

    # Log out -> back to the login screen.
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=5000)
    assert controller.login_dialog.isVisible()
    controller.login_dialog.reject()
    tasks.wait_idle(5000)


def test_suspension_elsewhere_brings_the_window_back_to_the_login_screen(qtbot, db, qapp):
    """Account state is read at every call: a suspended user's window closes itself."""
    _change_first_password(db, "dr.house")
    tasks = TaskRunner()
    controller = AppController(qapp, tasks, secret_store=db.secret_store, database_folder=db.folder)
    controller.start()
    _sign_in(qtbot, controller.login_dialog, "dr.house", db.users["dr.house"])
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=15000)
    window = controller.main_window
    assert tasks.wait_idle(15000)

    admin = _session(db, "admin")
    house = next(u for u in admin.users.list_users() if u.login == "dr.house")
    admin.users.suspend(house.id)
    admin.logout()

    window.pages["patients"].search_edit.setText("Dupont")
    qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=15000)
    login = controller.login_dialog
    assert login.isVisible()
    assert login.error_label.text() == (
        "Votre compte a été suspendu par un administrateur : la session est fermée."
    )
    assert window.session.closed
    login.reject()
    tasks.wait_idle(5000)


# --------------------------------------------------------------- main window
def _main_window(qtbot, db, login, *, tasks=None, **kwargs) -> MainWindow:
    if login != "admin":
        _change_first_password(db, login)
    session = _session(db, login)
    window = MainWindow(session, tasks or TaskRunner(), database_folder=db.folder, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize(
    ("login", "pages", "role", "menus"),
    [
        (
            "admin",
            ["admin", "break_glass", "alerts", "maintenance", "journal"],
            "Administrateur",
            ["&Fichier", "&Affichage", "Aid&e"],
        ),
        (
            "dr.house",
            ["patients", "followup", "shares", "journal"],
            "Praticien",
            ["&Fichier", "&Affichage", "&Suivi", "&Sécurité", "Aid&e"],  # protocols, approvals
        ),
        (
            "secretaire",
            ["patients", "followup", "journal"],
            "Secrétaire médicale",
            ["&Fichier", "&Affichage", "Aid&e"],
        ),
    ],
)
def test_navigation_and_status_bar_by_role(qtbot, db, login, pages, role, menus):
    window = _main_window(qtbot, db, login)
    assert window.page_errors == {}
    assert window.page_keys() == pages
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert ("Suivi" in labels) == ("followup" in pages)
    assert ("Partages" in labels) == ("shares" in pages)
    assert window.role_label.text() == role
    assert window.backend_label.text() == "Base locale chiffrée (SQLCipher)"
    assert not window.demo_banner.isVisible()
    assert [action.text() for action in window.menuBar().actions()] == menus
    assert str(db.folder) in window.about_text()
    # Every page fits a 1366-pixel laptop screen (no page widens the window).
    for key in pages:
        assert window.show_page(key)
        # offscreen fonts are a little narrower than a desktop's: keep a margin
        assert window.minimumSizeHint().width() <= 1200, key
    window.close()


def test_lock_and_unlock_keep_unsaved_edits(qtbot, db):
    tasks = TaskRunner()
    window = _main_window(qtbot, db, "admin", tasks=tasks)
    assert window.show_page("admin")
    edit = window.pages["admin"].findChild(QLineEdit)
    assert edit is not None, "the administration page has a text field"
    edit.setFocus()
    qtbot.keyClicks(edit, "Texte non enregistre")
    edit.insert("é")

    # A form open above the main window, with its own unsaved text.
    form = QDialog(window)
    form_edit = QLineEdit(form)
    QVBoxLayout(form).addWidget(form_edit)
    form.show()
    qtbot.keyClicks(form_edit, "Brouillon")

    # Ctrl+L works from anywhere in the application, even inside the open form.
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    qtbot.keyClick(form_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert window.lock_screen.isVisible()
    assert window.lock_screen.geometry() == window.centralWidget().rect()
    assert window.lock_screen.user_label.text() == window.session.actor.display_name
    assert not window.content.isEnabled()
    assert not form_edit.isEnabled()  # covered too
    assert tasks.wait_idle(10000)

    # Wrong password: inline error, still locked.
    qtbot.keyClicks(window.lock_screen.password_edit, "mauvais")
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.lock_screen.error_label.isHidden(), timeout=15000)
    assert window.lock_screen.error_label.text() == "Identifiant ou mot de passe incorrect."
    assert window.locked

    qtbot.keyClicks(window.lock_screen.password_edit, ADMIN_PASSWORD)
    qtbot.keyClick(window.lock_screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=15000)
    assert not window.lock_screen.isVisible()
    assert window.content.isEnabled()
    assert edit.text() == "Texte non enregistreé"
    assert form.isVisible() and form_edit.isEnabled()
    assert form_edit.text() == "Brouillon"
    form.close()
    window.close()


def test_idle_timeout_locks(qtbot, db):
    window = _main_window(qtbot, db, "admin", idle_timeout_ms=200)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.lock_screen.isVisible()
    window.close()


def test_switch_user_from_lock_screen_logs_out(qtbot, db):
    tasks = TaskRunner()
    window = _main_window(qtbot, db, "admin", tasks=tasks)
    window.lock()
    with qtbot.waitSignal(window.sig_logged_out, timeout=10000):
        qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


# ----------------------------------------------------------------------- demo
def test_demo_login_box_fills_and_signs_in(qtbot, tmp_path):
    from oiso_desktop.services.demo import create_demo_database

    accounts = demo_accounts_of(create_demo_database(tmp_path / "demo", patients=20))
    logins = [account.login for account in accounts]
    assert {"demo.admin", "demo.medecin", "demo.secretaire"} <= set(logins)

    tasks = TaskRunner()
    dialog = LoginDialog(
        AuthService(tmp_path / "demo", secret_store=MemorySecretStore()),
        tasks,
        demo_accounts=accounts,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_banner.isVisible()
    assert dialog.demo_banner.text() == "MODE DÉMONSTRATION — données fictives"
    assert dialog.demo_frame.isVisible()
    assert dialog.demo_title.text() == "Comptes de démonstration"
    frame_text = " ".join(
        label.text() for label in dialog.demo_frame.findChildren(type(dialog.demo_title))
    )
    for account in accounts:
        assert account.login in frame_text and account.password in frame_text
    assert "Praticien" in frame_text

    row = logins.index("demo.medecin")
    qtbot.mouseClick(dialog.fill_buttons[row], Qt.MouseButton.LeftButton)
    assert dialog.login_edit.text() == "demo.medecin"
    assert dialog.password_edit.text() == accounts[row].password
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.session.actor.role == Role.PRACTITIONER
    dialog.session.logout()


def test_normal_login_has_no_demo_box(qtbot, db):
    dialog = _login_dialog(qtbot, db, TaskRunner())
    assert not dialog.demo_banner.isVisible()
    assert not dialog.demo_frame.isVisible()


# ----------------------------------------------------------------- main()
def test_main_opens_login_on_data_dir_and_quits(qtbot, db, qapp, monkeypatch):
    from PySide6.QtCore import QTimer

    from oiso_desktop.gui import app as app_module

    monkeypatch.setattr(app_module, "make_secret_store", lambda *, demo: db.secret_store)
    seen = {}

    def close_login():
        dialogs = [
            w for w in qapp.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(50, close_login)
            return
        seen["title"] = dialogs[0].windowTitle()
        seen["button"] = dialogs[0].login_button.text()
        dialogs[0].quit_button.click()

    QTimer.singleShot(0, close_login)
    try:
        code = app_module.main(["--data-dir", str(db.folder), "--lang", "en"])
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        install_translations("fr")
    assert code == 0
    assert seen == {"title": "OISO Desktop — Sign in", "button": "Sign in"}


def test_the_first_window_fits_the_screen(qtbot, db):
    # No saved geometry: 1180 x 760 would overflow a laptop's 768 pixels once a
    # title bar and a taskbar are counted; on such a screen the window opens
    # maximized, and its normal size stays inside the screen.
    window = _main_window(qtbot, db, "admin")
    available = window.screen().availableGeometry()
    # (the offscreen screen is 800 pixels wide: narrower than any page's minimum)
    assert window.width() <= max(available.width(), window.minimumSizeHint().width())
    assert window.height() <= available.height() - 40
    small = available.width() < 1280 or available.height() < 800
    assert window.opens_maximized is small
    window.close()
