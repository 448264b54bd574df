"""Main window: navigation by role, menus, status bar, idle lock."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop import __version__
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.clinical_key_panel import ClinicalKeyPanel
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import current_language, role_label, save_language, settings
from oiso_desktop.gui.icons import icon, navigation_icon
from oiso_desktop.gui.idle_watcher import DEFAULT_IDLE_MS, IdleWatcher
from oiso_desktop.gui.lock_screen import LockScreen
from oiso_desktop.gui.maintenance_job import MaintenanceJob, report_error_texts
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.system.diagnostics import exception_summary

if TYPE_CHECKING:
    from oiso_desktop.gui.login_notices_dialog import LoginNotices
    from oiso_desktop.services.auth_service import UserSession

#: The window's first size, and what a window manager's title bar may take above it.
DEFAULT_SIZE = QSize(1180, 760)
TITLE_BAR_ALLOWANCE = 40

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    key: str
    icon_name: str
    module: str
    class_name: str
    #: the page is shown to the roles that have this permission
    permission: Permission


PAGES = (
    PageSpec(
        "patients",
        "patients",
        "oiso_desktop.gui.patient_list_view",
        "PatientListView",
        Permission.VIEW_PATIENTS,
    ),
    # the worklists and the week calendar: secretaries and clinical roles
    PageSpec(
        "followup",
        "followup",
        "oiso_desktop.gui.followup_page",
        "FollowupPage",
        Permission.MANAGE_APPOINTMENTS,
    ),
    # practitioners and counsellors (files are shared with them, never with a
    # secretary or an administrator)
    PageSpec(
        "shares",
        "shares",
        "oiso_desktop.gui.shares_view",
        "SharesView",
        Permission.VIEW_CLINICAL,
    ),
    PageSpec(
        "admin",
        "admin",
        "oiso_desktop.gui.user_admin_view",
        "UserAdminView",
        Permission.MANAGE_USERS,
    ),
    PageSpec(
        "break_glass",
        "warning",
        "oiso_desktop.gui.break_glass_review_view",
        "BreakGlassReviewView",
        Permission.MANAGE_USERS,
    ),
    PageSpec(
        "alerts",
        "warning",
        "oiso_desktop.gui.alerts_view",
        "AlertsView",
        Permission.MANAGE_USERS,
    ),
    PageSpec(
        "maintenance",
        "database",
        "oiso_desktop.gui.maintenance_view",
        "MaintenanceView",
        Permission.MANAGE_USERS,
    ),
    PageSpec(
        "journal",
        "journal",
        "oiso_desktop.gui.event_log_view",
        "EventLogView",
        Permission.VIEW_OWN_EVENTS,
    ),
)


_BACKEND_LABELS = {
    "sqlcipher": QT_TRANSLATE_NOOP("MainWindow", "Encrypted local database (SQLCipher)"),
    "postgresql": QT_TRANSLATE_NOOP("MainWindow", "PostgreSQL server"),
}


def backend_label(backend: str) -> str:
    """The translated name of a database backend, for the status bar and "About"."""
    source = _BACKEND_LABELS.get(backend, _BACKEND_LABELS["sqlcipher"])
    return QCoreApplication.translate("MainWindow", source)


class MainWindow(QMainWindow):
    """The window of a signed-in user.

    ``sig_logged_out`` is emitted after "Log out" / "Switch user": the application
    then shows the login screen again. Closing the window logs out too.

    ``maintenance``: run the maintenance job in the background once the window
    opens (the application does; tests ask for it when they test it).
    """

    sig_logged_out = Signal()
    #: the account was suspended or revoked meanwhile; French text for the login screen
    sig_session_ended = Signal(str)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        database_folder: Path | None = None,
        demo: bool = False,
        idle_timeout_ms: int | None = None,
        maintenance: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        self._tasks = tasks
        self._database_folder = database_folder
        self._demo = demo
        self._locked = False
        self._closing = False
        self._discard_confirmed = False  # "leave without saving" was confirmed
        self.unsaved_box: QWidget | None = None
        self._covers: list[tuple[LockScreen, list[QWidget]]] = []
        self.page_errors: dict[str, str] = {}
        self.pages: dict[str, QWidget] = {}
        self.assistants_dialog: QDialog | None = None

        actor = session.actor
        self.setWindowTitle(self.tr("OISO Desktop — {name}").format(name=actor.display_name))
        self.setWindowIcon(icon("app"))

        # Central area: [demo banner] / [navigation | pages]; the lock overlay covers it all.
        central = QWidget()
        central.setObjectName("central_widget")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.content = QWidget()
        self.content.setObjectName("content_widget")
        outer.addWidget(self.content)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        self.demo_banner = QLabel(
            self.tr("DEMONSTRATION MODE — fictitious data, deleted when the application closes")
        )
        self.demo_banner.setObjectName("demo_banner_label")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setVisible(demo)
        content_layout.addWidget(self.demo_banner)
        # The clinical key: awaiting approval, approvals, rotation, re-encryption.
        self.clinical_key_panel = ClinicalKeyPanel(session, tasks, parent=self.content)
        content_layout.addWidget(self.clinical_key_panel)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        content_layout.addLayout(body, 1)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation_list")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(204)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stacked_widget")
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)

        self.lock_screen = LockScreen(central, user_name=actor.display_name)
        self.lock_screen.sig_unlock_requested.connect(self._on_unlock_requested)
        self.lock_screen.sig_switch_user_requested.connect(self._on_switch_user_requested)

        self._build_pages()
        shares_page = self.pages.get("shares")
        if shares_page is not None:
            shares_page.sig_open_patient.connect(self.open_patient)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        if self.navigation.count():
            self.navigation.setCurrentRow(0)
        self._build_menus()
        self.maintenance_job = MaintenanceJob(session, tasks, parent=self)
        self._build_status_bar()
        if maintenance:
            QTimer.singleShot(0, self, self.start_maintenance)

        # The delay is an administrator's setting in the database, read off the UI
        # thread (the default protects the screen meanwhile); tests pass their own.
        self.idle_watcher = IdleWatcher(idle_timeout_ms or DEFAULT_IDLE_MS, self)
        if idle_timeout_ms is None:
            self._tasks.run(
                session.settings.idle_lock_minutes,
                on_success=lambda minutes: self._on_idle_lock_changed(int(minutes)),
                on_failure=self._on_idle_setting_failed,
                owner=self,
            )
        self.idle_watcher.sig_idle.connect(self.lock)
        self.idle_watcher.start()
        panel = getattr(self.pages.get("admin"), "security_panel", None)
        if panel is not None:
            panel.sig_idle_lock_changed.connect(self._on_idle_lock_changed)
        self.login_notice: QMessageBox | None = None
        if getattr(session, "rollback_warning", None) is not None or getattr(
            session, "recovered", False
        ):
            QTimer.singleShot(0, self, self._show_login_notices)
        # After the login notices: its prompt waits for them to be closed.
        QTimer.singleShot(0, self.clinical_key_panel, self.clinical_key_panel.start)
        # New shares with me, emergency openings of my files: read in the background.
        self.sharing_notices_dialog: QDialog | None = None
        QTimer.singleShot(0, self, self._load_sharing_notices)

        geometry = settings().value("main_window/geometry")
        #: show() the window maximized (first start on a small screen): see app.py.
        self.opens_maximized = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()

    def _default_geometry(self) -> None:
        """1180 x 760 where it fits; on a laptop screen (1366 x 768, less a taskbar
        and the title bar) that would overflow: the window opens maximized."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        available = screen.availableGeometry()
        width = min(DEFAULT_SIZE.width(), available.width())
        height = min(DEFAULT_SIZE.height(), available.height() - TITLE_BAR_ALLOWANCE)
        self.resize(width, height)
        self.opens_maximized = (
            available.width() < DEFAULT_SIZE.width() + 100
            or available.height() < DEFAULT_SIZE.height() + TITLE_BAR_ALLOWANCE
        )

    # ------------------------------------------------------------ idle delay
    def _on_idle_setting_failed(self, exc: BaseException) -> None:
        # The default delay still protects the screen.
        log.warning("Idle-lock setting unavailable: %s", type(exc).__name__)

    def _on_idle_lock_changed(self, minutes: int) -> None:
        self.idle_watcher.set_timeout_ms(minutes * 60 * 1000)

    # ------------------------------------------------------- login notices
    def _show_login_notices(self) -> None:
        """After login: an older copy of the database, or a recovery code now known."""
        if self._closing:
            return
        warning = getattr(self.session, "rollback_warning", None)
        if warning is not None:
            box = QMessageBox(self)
            box.setObjectName("rollback_warning_box")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Older copy of the database"))
            box.setText(
                self.tr("This database looks older than the one already used on this computer.")
            )
            box.setInformativeText(
                self.tr(
                    "The last event seen here was no. {remembered}; the database now ends at "
                    "no. {found}. Recent records and events may have been lost, or the "
                    "database files were replaced by an older copy (a restored backup, a "
                    "copied folder). Tell your administrator. This alert has been recorded in "
                    "the event log."
                ).format(remembered=warning.remembered_id, found=warning.found_id)
            )
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if getattr(self.session, "recovered", False):
                box.finished.connect(lambda _result: self._offer_new_recovery_sheet())
            self.login_notice = box
            box.open()
        elif getattr(self.session, "recovered", False):
            self._offer_new_recovery_sheet()

    def _load_sharing_notices(self) -> None:
        if self._closing or self.session.actor.role not in (
            Role.PRACTITIONER,
            Role.GENETIC_COUNSELLOR,
        ):
            return
        from oiso_desktop.gui.login_notices_dialog import load_login_notices

        self._tasks.run(
            load_login_notices,
            self.session,
            on_success=self._show_sharing_notices,
            on_failure=lambda exc: log.warning(
                "Sharing notices unavailable: %s", exception_summary(exc)
            ),
            writer=False,
            owner=self,
        )

    def _show_sharing_notices(self, notices: LoginNotices) -> None:
        """The files newly shared with me and the emergency openings of mine, if any."""
        if self._closing or not notices:
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog | QMessageBox):  # another notice first: one at a time
            modal.finished.connect(lambda _result: self._show_sharing_notices(notices))
            return
        from oiso_desktop.gui.login_notices_dialog import LoginNoticesDialog

        dialog = LoginNoticesDialog(self.session, self._tasks, notices, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "sharing_notices_dialog", None))
        self.sharing_notices_dialog = dialog
        dialog.open()

    def _offer_new_recovery_sheet(self) -> None:
        """The recovery code just used is now known to someone: offer a new sheet."""
        panel = getattr(self.pages.get("admin"), "security_panel", None)
        if panel is None or self._closing:
            return
        box = QMessageBox(self)
        box.setObjectName("new_sheet_offer_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("New recovery sheet"))
        box.setText(self.tr("Issue a new recovery sheet now?"))
        informative = self.tr(
            "You signed in with the recovery code: it is now known to whoever typed or "
            "read it. A new sheet replaces it; the code just used then stops working."
        )
        rekey_error = getattr(self.session, "rekey_error", None)
        if rekey_error is not None:
            informative += "\n\n" + self.tr(
                "The database key could not be changed: {reason} Use \u201cChange the "
                "database key now\u201d once the other sessions are closed."
            ).format(reason=error_text(rekey_error))
        box.setInformativeText(informative)
        yes = box.addButton(self.tr("Issue a new sheet"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("issue_sheet_button")
        later = box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(later)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: object) -> None:
            if button is yes:
                self.show_page("admin")
                panel.issue_new_sheet()

        box.buttonClicked.connect(clicked)
        self.login_notice = box
        box.open()

    # ------------------------------------------------------------------ pages
    def _page_title(self, key: str) -> str:
        titles = {
            "patients": self.tr("Patients"),
            "followup": self.tr("Follow-up"),
            "shares": self.tr("Sharing"),
            "journal": self.tr("Event log"),
            "admin": self.tr("Administration"),
            "break_glass": self.tr("Emergency accesses"),
            "alerts": self.tr("Alerts"),
            "maintenance": self.tr("Maintenance"),
        }
        return titles[key]

    def _build_pages(self) -> None:
        for spec in PAGES:
            if not self.session.can(spec.permission):
                continue
            try:
                module = importlib.import_module(spec.module)
                view_class: Callable[..., QWidget] = getattr(module, spec.class_name)
                page = view_class(self.session, self._tasks, parent=self.stack)
            except Exception as exc:  # noqa: BLE001 - one broken page must not block the others
                log.error("Page %s could not be built: %s", spec.key, exception_summary(exc))
                self.page_errors[spec.key] = f"{type(exc).__name__}: {exc}"
                continue
            page.setObjectName(f"{spec.key}_page")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(navigation_icon(spec.icon_name), self._page_title(spec.key))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
            # A page may say how many items await the user (its entry's tool tip).
            counter = getattr(page, "sig_pending_count_changed", None)
            if counter is not None:
                counter.connect(
                    lambda count, item=item: item.setToolTip(
                        self.tr("%n to review", "", count) if count else ""
                    )
                )

    def open_patient(self, patient_id: int) -> None:
        """Open a patient file in its window, as the patient list does (one window
        per file); from the "Partages" page."""
        page = self.pages.get("patients")
        opener = getattr(page, "open_patient", None)
        if callable(opener):
            opener(patient_id)

    def show_page(self, key: str) -> bool:
        """Select the page ``key`` ("patients", "followup", "shares", "alerts", "journal",
        "admin"); False if absent."""
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)
                return True
        return False

    def page_keys(self) -> list[str]:
        return [
            self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.navigation.count())
        ]

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.change_password_action = QAction(icon("key"), self.tr("&Change my password..."), self)
        self.change_password_action.setObjectName("change_password_action")
        self.change_password_action.triggered.connect(self._on_change_password_triggered)
        self.binding_action = QAction(icon("key"), "", self)
        self.binding_action.setObjectName("binding_action")
        self.binding_action.triggered.connect(self._on_binding_triggered)
        self._update_binding_action()
        self.logout_action = QAction(icon("logout"), self.tr("Log &out"), self)
        self.logout_action.setObjectName("logout_action")
        self.logout_action.triggered.connect(self._on_logout_triggered)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.change_password_action)
        file_menu.addAction(self.binding_action)
        self.assistants_action = self._assistants_action()
        if self.assistants_action is not None:
            file_menu.addAction(self.assistants_action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)
        # Keep Ctrl+L working even when the menu bar is disabled by the lock.
        self.addAction(self.lock_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        group.triggered.connect(self._on_language_triggered)

        # Suivi > Protocoles de surveillance (clinical roles: protocols are per gene)
        self.protocols_action: QAction | None = None
        if self.session.can(Permission.VIEW_CLINICAL):
            followup_menu = self.menuBar().addMenu(self.tr("F&ollow-up"))
            self.protocols_action = QAction(self.tr("Surveillance &protocols..."), self)
            self.protocols_action.setObjectName("protocols_action")
            self.protocols_action.triggered.connect(self.show_protocols)
            followup_menu.addAction(self.protocols_action)

        self.clinical_key_panel.add_menu(self.menuBar())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(icon("info"), self.tr("&About OISO Desktop"), self)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.session.actor
        self.backend_label = QLabel(backend_label(self._backend()))
        self.backend_label.setObjectName("backend_label")
        self.user_label = QLabel(actor.display_name)
        self.user_label.setObjectName("user_label")
        self.role_label = QLabel(role_label(actor.role))
        self.role_label.setObjectName("role_label")
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busy_label")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(110)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        bar.addWidget(self.backend_label)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.busy_bar)
        self._build_maintenance_status()
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.role_label)
        self._tasks.sig_busy_changed.connect(self._on_busy_changed)
        self._tasks.sig_session_ended.connect(self._on_session_ended)
        self._tasks.sig_label_changed.connect(self.busy_label.setText)

    # ------------------------------------------------------------ maintenance
    def _build_maintenance_status(self) -> None:
        bar = self.statusBar()
        self.maintenance_label = QLabel()
        self.maintenance_label.setObjectName("maintenance_label")
        self.maintenance_label.hide()
        self.maintenance_bar = QProgressBar()
        self.maintenance_bar.setObjectName("maintenance_bar")
        self.maintenance_bar.setRange(0, 100)
        self.maintenance_bar.setMaximumWidth(110)
        self.maintenance_bar.setMaximumHeight(14)
        self.maintenance_bar.setTextVisible(False)
        self.maintenance_bar.hide()
        # Left of the user's name: the job's progress, or a discreet warning.
        bar.addPermanentWidget(self.maintenance_label)
        bar.addPermanentWidget(self.maintenance_bar)
        job = self.maintenance_job
        job.sig_progress.connect(self._on_maintenance_progress)
        job.sig_finished.connect(self._on_maintenance_finished)
        job.sig_failed.connect(self._on_maintenance_failed)

    def start_maintenance(self) -> bool:
        """Run the maintenance job in the background (after login); False if not started."""
        if self._closing or not self.maintenance_job.start():
            return False
        self.maintenance_label.setToolTip("")
        self.maintenance_label.setText(self.tr("Maintenance..."))
        self.maintenance_label.show()
        self.maintenance_bar.setValue(0)
        self.maintenance_bar.show()
        return True

    def _on_maintenance_progress(self, step: str, percent: int) -> None:
        self.maintenance_label.setText(
            self.tr("Maintenance: {step}... {percent} %").format(step=step, percent=percent)
        )
        self.maintenance_bar.setValue(percent)

    def _on_maintenance_finished(self, report: object) -> None:
        self.maintenance_bar.hide()
        # The pages that show what the run changed read it again.
        for key in ("maintenance", "alerts", "journal", "admin"):
            reload = getattr(self.pages.get(key), "reload", None)
            if callable(reload):
                reload()
        codes = tuple(getattr(report, "errors", ()))
        if not codes:
            self.maintenance_label.hide()
            self.maintenance_label.clear()
            return
        self._show_maintenance_problem("\n".join(f"• {text}" for text in report_error_texts(codes)))

    def _on_maintenance_failed(self, exc: BaseException) -> None:
        self.maintenance_bar.hide()
        self._show_maintenance_problem(error_text(exc))

    def _show_maintenance_problem(self, reasons: str) -> None:
        """Discreet: a short label; the reasons in its tool tip."""
        self.maintenance_label.setText(self.tr("⚠ Maintenance incomplete"))
        self.maintenance_label.setToolTip(
            self.tr("The maintenance job did not complete:") + "\n" + reasons
        )
        self.maintenance_label.show()

    def _stop_maintenance(self) -> None:
        """Before the session closes: stop the jobs (this window's, the Maintenance
        page's) at their next step and wait for them."""
        jobs = self.findChildren(MaintenanceJob)
        for job in jobs:
            job.stop()
        for job in jobs:
            if not job.wait(120_000):
                log.warning("The maintenance job did not stop in time")

    def _backend(self) -> str:
        ctx = getattr(self.session, "ctx", None)
        database = getattr(ctx, "database", None)
        return str(getattr(database, "backend", "sqlcipher"))

    def _on_busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        if not busy:
            self.busy_label.clear()

    # ----------------------------------------------------------------- locking
    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        """Hide everything behind the lock screen; unsaved edits stay where they are."""
        if self._locked or self._closing:
            return
        self._locked = True
        self.idle_watcher.stop()
        self.menuBar().setEnabled(False)
        # Disabled (not destroyed) content cannot take the focus or shortcuts.
        self.content.setEnabled(False)
        self.lock_screen.lock()
        self._cover_other_windows()
        self._tasks.run(
            self.session.lock,
            on_failure=lambda exc: log.warning("Session lock failed: %s", exception_summary(exc)),
            label=self.tr("Locking..."),
            writer=True,
        )

    def _cover_other_windows(self) -> None:
        """Cover the dialogs open above the main window (patient forms, message boxes)."""
        for window in QApplication.topLevelWidgets():
            if window is self or not window.isVisible() or not isinstance(window, QDialog):
                continue
            disabled = [
                child
                for child in window.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if child.isEnabled() and not child.isWindow()
            ]
            for child in disabled:
                child.setEnabled(False)
            on_locked = getattr(window, "on_screen_locked", None)
            if callable(on_locked):  # e.g. a patient file drops decrypted attachments
                on_locked()
            cover = LockScreen(window, user_name=self.session.actor.display_name, compact=True)
            cover.sig_unlock_requested.connect(self._on_unlock_requested)
            cover.sig_switch_user_requested.connect(self._on_switch_user_requested)
            cover.lock()
            self._covers.append((cover, disabled))

    def _all_lock_screens(self) -> list[LockScreen]:
        return [self.lock_screen, *(cover for cover, _ in self._covers)]

    def _on_unlock_requested(self, password: str) -> None:
        for screen in self._all_lock_screens():
            screen.set_busy(True)
            screen.show_error("")
        self._tasks.run(
            self.session.unlock,
            password,
            on_success=self._on_unlocked,
            on_failure=self._on_unlock_failed,
            label=self.tr("Unlocking..."),
            writer=True,
            owner=self,
        )

    def _on_unlocked(self, _result: object) -> None:
        for cover, disabled in self._covers:
            for child in disabled:
                child.setEnabled(True)
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        self.lock_screen.hide()
        self.content.setEnabled(True)
        self.menuBar().setEnabled(True)
        self._locked = False
        self.idle_watcher.start()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        for screen in self._all_lock_screens():
            screen.set_busy(False)
            screen.show_error(text)

    # ------------------------------------------------------------ log out/quit
    def _on_switch_user_requested(self) -> None:
        # From the lock screen too: unsaved files are named before anything is dropped.
        self._leave_asking_first(self.logout)

    def _on_session_ended(self, exc: BaseException) -> None:
        """The account was suspended or revoked meanwhile: back to the login screen."""
        if self._closing:
            return
        self.sig_session_ended.emit(error_text(exc))
        self.logout()

    def logout(self) -> None:
        """Close every form without saving, end the session, back to the login screen."""
        if self._closing:
            return
        self._closing = True
        self.idle_watcher.stop()
        # No more clinical-key reads or re-encryption batches (the batch underway
        # commits; the next holder's session resumes).
        self.clinical_key_panel.stop()
        self._close_other_windows()
        self._end_session()
        self.close()
        self.sig_logged_out.emit()

    def unsaved_file_windows(self) -> list[QWidget]:
        """The open patient files with entries not saved yet."""
        return [
            window
            for window in QApplication.topLevelWidgets()
            if window.isVisible() and getattr(window, "is_modified", lambda: False)()
        ]

    def _on_logout_triggered(self) -> None:
        self._leave_asking_first(self.logout)

    def _leave_asking_first(self, leave: Callable[[], None]) -> None:
        """Run ``leave`` (log out, quit), after a confirmation if files are not saved."""
        unsaved = self.unsaved_file_windows()
        if not unsaved:
            leave()
            return
        names = "\n".join(f"• {window.windowTitle()}" for window in unsaved)

        def go() -> None:
            self._discard_confirmed = True
            # Not from inside the box's own signal: leaving closes every dialog, this one too.
            QTimer.singleShot(0, self, leave)

        self.unsaved_box = confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("{count} open file(s) have changes that are not saved:").format(
                count=len(unsaved)
            )
            + "\n"
            + names,
            self.tr("Leaving now loses these changes. Cancel, then save each file first."),
            self.tr("Leave without saving"),
            go,
            object_name="unsaved_files_box",
        )

    def _close_other_windows(self) -> None:
        for window in QApplication.topLevelWidgets():
            # Closing one window may delete others (its message boxes): skip the dead.
            if not shiboken6.isValid(window) or window is self or not window.isVisible():
                continue
            discard = getattr(window, "discard_and_close", None)
            if callable(discard):  # a patient file: closed without asking, the session ends
                discard()
            elif isinstance(window, QDialog):
                # reject() also ends a dialog's exec() loop.
                window.setResult(QDialog.DialogCode.Rejected)
                window.done(QDialog.DialogCode.Rejected)
            else:
                window.close()

    def _end_session(self) -> None:
        # Wait for running work (a save in progress must finish), then log out here:
        # the window is going away, there is nobody to call back. The maintenance job
        # stops at its next step (what it did is committed; the next run goes on).
        self._stop_maintenance()
        self._tasks.wait_idle(15000)
        try:
            self.session.logout()
        except Exception as exc:  # noqa: BLE001 - logging out must never block quitting
            log.warning("Logout failed: %s", exception_summary(exc))
        settings().setValue("main_window/geometry", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._closing and not self._discard_confirmed and self.unsaved_file_windows():
            event.ignore()
            self._leave_asking_first(self.close)
            return
        if not self._closing:
            self._closing = True
            self.idle_watcher.stop()
            self.clinical_key_panel.stop()
            self._close_other_windows()
            self._end_session()
        self.idle_watcher.stop()
        event.accept()

    # ------------------------------------------------------------ menu actions
    def _assistants_action(self) -> QAction | None:
        """ "My secretaries" (practitioners, counsellors) or "Practitioners I assist"
        (secretaries); nothing for an administrator."""
        role = self.session.actor.role
        if role in (Role.PRACTITIONER, Role.GENETIC_COUNSELLOR):
            text = self.tr("My &secretaries...")
        elif role is Role.SECRETARY:
            text = self.tr("Practitioners I a&ssist...")
        else:
            return None
        action = QAction(icon("user"), text, self)
        action.setObjectName("assistants_action")
        action.triggered.connect(self.show_assistants_dialog)
        return action

    def show_assistants_dialog(self) -> QDialog:
        from oiso_desktop.gui.assistants_dialog import AssistantsDialog

        dialog = AssistantsDialog(self.session, self._tasks, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.assistants_dialog = dialog
        dialog.open()
        return dialog

    def show_protocols(self) -> QDialog:
        """The surveillance protocols (one window, brought to the front if open)."""
        from oiso_desktop.gui.protocols_view import ProtocolsView

        view = getattr(self, "protocols_view", None)
        if view is not None and shiboken6.isValid(view):
            view.raise_()
            view.activateWindow()
            return view
        view = ProtocolsView(self.session, self._tasks, parent=self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.protocols_view = view
        view.show()
        view.refresh()
        return view

    def _on_change_password_triggered(self) -> None:
        from oiso_desktop.gui.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.session, self._tasks, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Your password has been changed."), 8000)

    def _update_binding_action(self) -> None:
        """Bind or unbind, by the slot's state; disabled without a secure keyring."""
        bound = self.session.is_bound_to_this_computer()
        if bound:
            self.binding_action.setText(self.tr("&Unbind my account from this computer..."))
        else:
            self.binding_action.setText(self.tr("&Bind my account to this computer..."))
        available = self.session.computer_binding_available()
        self.binding_action.setEnabled(available or bound)
        self.binding_action.setToolTip(
            ""
            if available
            else self.tr(
                "No secure keyring (credential manager) was found on this computer: "
                "binding is unavailable."
            )
        )

    def _on_binding_triggered(self) -> None:
        from oiso_desktop.gui.computer_binding_dialog import ComputerBindingDialog

        dialog = ComputerBindingDialog(self.session, self._tasks, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._update_binding_action()
            self.statusBar().showMessage(
                self.tr("Your account is now bound to this computer.")
                if dialog.bound
                else self.tr("Your account is no longer bound to this computer."),
                8000,
            )

    def _on_language_triggered(self, action: QAction) -> None:
        code = action.data()
        if not code:
            return
        save_language(code)
        if code != current_language():
            QMessageBox.information(
                self,
                self.tr("Language"),
                self.tr("The new language will be used the next time OISO Desktop starts."),
            )

    def about_text(self) -> str:
        folder = str(self._database_folder) if self._database_folder else "—"
        return self.tr(
            "<h3>OISO Desktop {version}</h3>"
            "<p>Oncogenetics identification and follow-up.</p>"
            "<p><b>Database:</b> {backend}<br><b>Folder:</b> {folder}</p>"
        ).format(version=__version__, backend=backend_label(self._backend()), folder=folder)

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About OISO Desktop"), self.about_text())
