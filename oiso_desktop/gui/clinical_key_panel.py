"""The clinical key in the main window: banners, the Security menu, the login prompt.

:class:`ClinicalKeyPanel` sits at the top of the main window, under the demo
banner. From the session's :class:`~oiso_desktop.gui.clinical_key_status.ClinicalKeyStatus`
it shows, each in its own coloured row:

* a clinical account not approved yet: its access awaits a colleague's approval
  (or, while nobody holds the key, the recovery code);
* a holder with the approve permission: how many accounts await approval;
  at login, the approval prompt opens by itself (:meth:`ClinicalKeyPanel.start`);
* a rotation of the key owed (a clinical account left): "Renew the key now",
  then the re-encryption of clinical data in the background, with its progress;
* a new recovery sheet not endorsed yet: "Endorse the sheet...";
* a clinical key refused (the key file offers a key that does not chain to a
  trusted one, or a trust-on-first-use migration was replayed): the error, in red,
  while it lasts.

The re-encryption left by a rotation is resumed at every holder's login
(:class:`~oiso_desktop.gui.clinical_reencryption.ClinicalReencryptionJob`): the
first batch tells whether anything is left, and nothing is shown if not.
The status is read again every few minutes, so that an approval or a
role change made from another workstation shows up without a new login.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui.clinical_key_dialogs import (
    ClinicalApprovalDialog,
    confirm_recovery_endorsement,
)
from oiso_desktop.gui.clinical_key_status import ClinicalKeyStatus, fetch_clinical_key_status
from oiso_desktop.gui.clinical_reencryption import ClinicalReencryptionJob
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import BANNER_STYLES
from oiso_desktop.services.clinical_key_service import DEFAULT_BATCH_SIZE, ClinicalAccess
from oiso_desktop.system.diagnostics import exception_summary

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["REFRESH_INTERVAL_MS", "BannerRow", "ClinicalKeyPanel"]

log = logging.getLogger(__name__)

# how often the clinical-key status is read again (approvals, rotations from elsewhere)
REFRESH_INTERVAL_MS = 3 * 60 * 1000
# how long a confirmation ("access approved", "key renewed") stays on screen
MESSAGE_MS = 12000

_SECURITY_MENU = QT_TRANSLATE_NOOP("ClinicalKeyPanel", "&Security")
# the clinical key refused: shown in red until it is put right
_REFUSALS = (ErrorCode.CLINICAL_KEY_FORGED, ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED)


def _banner_colours(kind: str) -> dict[str, str]:
    """background, border and color of the banner ``kind`` (see BANNER_STYLES)."""
    parts = (part.split(":", 1) for part in BANNER_STYLES[kind].split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in parts}


class BannerRow(QFrame):
    """One coloured row: a wrapped text, an optional progress bar, action buttons."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._kind = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(10)
        self.label = QLabel()
        self.label.setObjectName(f"{object_name}_label")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName(f"{object_name}_progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setMaximumHeight(16)
        self.progress_bar.setFormat("%p %")
        self.progress_bar.hide()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.progress_bar, 0, Qt.AlignmentFlag.AlignVCenter)
        self._buttons_layout = QHBoxLayout()
        self._buttons_layout.setSpacing(6)
        layout.addLayout(self._buttons_layout)
        self.hide()

    @property
    def kind(self) -> str:
        return self._kind

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def add_button(self, text: str, object_name: str, icon_name: str | None = None) -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.setObjectName(object_name)
        self._buttons_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def show_message(self, text: str, kind: str = "hint") -> None:
        """Show ``text`` with the colours of ``kind`` ("ok", "error", "warning", "hint");
        an empty text hides the row."""
        if kind != self._kind:
            self._kind = kind
            colours = _banner_colours(kind)
            name = self.objectName()
            self.setStyleSheet(
                f"QFrame#{name} {{ background: {colours['background']};"
                f" border: {colours['border']}; border-radius: 4px; }}"
                f" QFrame#{name} > QLabel {{ color: {colours['color']}; background: transparent;"
                " border: none; }"
            )
        self.label.setText(text)
        self.setVisible(bool(text))


class ClinicalKeyPanel(QWidget):
    """Banners and actions of the clinical key for the signed-in account.

    ``sig_status_changed(ClinicalKeyStatus)`` after every read of the status;
    ``sig_access_changed(str)`` when the session's access changed (e.g. a
    colleague approved it: the value of the new ``ClinicalAccess``).
    """

    sig_status_changed = Signal(object)
    sig_access_changed = Signal(str)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        refresh_interval_ms: int = REFRESH_INTERVAL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinical_key_panel")
        self._session = session
        self._tasks = tasks
        self._status: ClinicalKeyStatus | None = None
        self._stopped = False
        self._refreshing = False
        self._prompt_pending = False
        self._checking_again = False
        self.approval_dialog: ClinicalApprovalDialog | None = None
        self.endorse_box: QMessageBox | None = None
        self.menu: QMenu | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(4)

        self.awaiting_row = BannerRow("clinical_awaiting_row")
        self.awaiting_code_button = self.awaiting_row.add_button(
            self.tr("Approve with the recovery code..."), "awaiting_code_button", "key"
        )
        self.awaiting_code_button.clicked.connect(self._on_open_approvals_clicked)
        self.check_again_button = self.awaiting_row.add_button(
            self.tr("Check again"), "check_again_button"
        )
        self.check_again_button.clicked.connect(self._on_check_again_clicked)

        self.approvals_row = BannerRow("clinical_approvals_row")
        self.review_button = self.approvals_row.add_button(
            self.tr("Review..."), "review_approvals_button", "user"
        )
        self.review_button.clicked.connect(self._on_open_approvals_clicked)

        self.rotation_row = BannerRow("clinical_rotation_row")
        self.rotate_button = self.rotation_row.add_button(
            self.tr("Renew the key now"), "rotate_button", "key"
        )
        self.rotate_button.clicked.connect(self.rotate_now)

        self.reencryption_row = BannerRow("clinical_reencryption_row")
        self.retry_button = self.reencryption_row.add_button(
            self.tr("Retry"), "retry_reencryption_button"
        )
        self.retry_button.clicked.connect(self.start_reencryption)
        self.retry_button.hide()

        self.endorse_row = BannerRow("clinical_endorse_row")
        self.endorse_button = self.endorse_row.add_button(
            self.tr("Endorse the sheet..."), "endorse_button", "key"
        )
        self.endorse_button.clicked.connect(self.endorse_recovery)

        self.refusal_row = BannerRow("clinical_refusal_row")

        self.message_row = BannerRow("clinical_message_row")
        self.message_timer = QTimer(self)
        self.message_timer.setSingleShot(True)
        self.message_timer.timeout.connect(lambda: self.message_row.show_message(""))

        for row in (
            self.refusal_row,
            self.awaiting_row,
            self.approvals_row,
            self.rotation_row,
            self.reencryption_row,
            self.endorse_row,
            self.message_row,
        ):
            layout.addWidget(row)

        self.approve_action = QAction(icon("key"), self.tr("&Approve access to clinical data..."))
        self.approve_action.setObjectName("approve_clinical_access_action")
        self.approve_action.triggered.connect(self._on_open_approvals_clicked)
        self.endorse_action = QAction(self.tr("&Endorse the new recovery sheet..."))
        self.endorse_action.setObjectName("endorse_recovery_action")
        self.endorse_action.triggered.connect(self.endorse_recovery)
        self.rotate_action = QAction(self.tr("&Renew the clinical key"))
        self.rotate_action.setObjectName("rotate_clinical_key_action")
        self.rotate_action.triggered.connect(self.rotate_now)
        for action in (self.approve_action, self.endorse_action, self.rotate_action):
            action.setParent(self)
            action.setEnabled(False)

        self.reencryption = ClinicalReencryptionJob(
            session, tasks, batch_size=batch_size, parent=self
        )
        self.reencryption.sig_progress.connect(self._on_reencryption_progress)
        self.reencryption.sig_finished.connect(self._on_reencryption_finished)
        self.reencryption.sig_failed.connect(self._on_reencryption_failed)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(refresh_interval_ms)
        self.refresh_timer.timeout.connect(self.refresh)
        self._update_visibility()

    # ----------------------------------------------------------------- public
    @property
    def status(self) -> ClinicalKeyStatus | None:
        """The status last read (None before the first read)."""
        return self._status

    def add_menu(self, menu_bar: QMenuBar, before: QAction | None = None) -> QMenu | None:
        """The Security menu, for the roles that may approve colleagues (else None)."""
        if not self._session.can(Permission.APPROVE_CLINICAL_ACCESS):
            return None
        menu = QMenu(QCoreApplication.translate("ClinicalKeyPanel", _SECURITY_MENU), menu_bar)
        menu.setObjectName("security_menu")
        menu.addAction(self.approve_action)
        menu.addAction(self.endorse_action)
        menu.addSeparator()
        menu.addAction(self.rotate_action)
        if before is not None:
            menu_bar.insertMenu(before, menu)
        else:
            menu_bar.addMenu(menu)
        self.menu = menu
        return menu

    def start(self) -> None:
        """After login: read the status, prompt a holder for pending approvals,
        resume any re-encryption left by a rotation. Nothing for non-clinical roles."""
        if self._stopped or not self._session.can(Permission.HOLD_CLINICAL_KEY):
            return
        self._prompt_pending = True
        self.refresh()
        self.refresh_timer.start()

    def stop(self) -> None:
        """The session is ending: no more reads, prompts or batches (the batch
        underway finishes and commits; the next holder's session resumes)."""
        self._stopped = True
        self.refresh_timer.stop()
        self.message_timer.stop()
        self.reencryption.stop()

    def refresh(self) -> None:
        """Read the status again (in the background)."""
        session = self._session
        if self._stopped or self._refreshing or session.closed or session.locked:
            return
        self._refreshing = True
        self._tasks.run(
            fetch_clinical_key_status,
            session,
            on_success=self._on_status,
            on_failure=self._on_status_failed,
            owner=self,
        )

    def open_approvals(self, status: ClinicalKeyStatus | None = None) -> ClinicalApprovalDialog:
        """Open (or raise) the approval dialog."""
        dialog = self.approval_dialog
        # A closed dialog deleted itself (WA_DeleteOnClose): a new one is made.
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ClinicalApprovalDialog(
            self._session, self._tasks, status=status or self._status, parent=self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_approved.connect(self._on_account_approved)
        dialog.finished.connect(self._on_approval_dialog_finished)
        self.approval_dialog = dialog
        dialog.open()
        return dialog

    def rotate_now(self) -> None:
        """Perform the rotation owed, then re-encrypt the clinical data in the background."""
        if self._stopped:
            return
        self.rotate_button.setEnabled(False)
        self.rotate_action.setEnabled(False)
        self._tasks.run(
            self._session.clinical_key.rotate_owed,
            on_success=self._on_rotated,
            on_failure=self._on_action_failed,
            label=self.tr("Renewing the clinical key..."),
            owner=self,
        )

    def start_reencryption(self) -> None:
        """Start (or resume) re-encrypting what older key generations encrypted."""
        if self._stopped:
            return
        self.retry_button.hide()
        self.reencryption.start()

    def endorse_recovery(self) -> None:
        """Ask, then give the clinical key to the code of the new recovery sheet."""
        if self._stopped:
            return
        self.endorse_box = confirm_recovery_endorsement(self.window(), self._endorse_confirmed)

    # ------------------------------------------------------------ status
    def _on_status(self, status: ClinicalKeyStatus) -> None:
        self._refreshing = False
        if self._stopped:
            return
        previous = self._status
        self._status = status
        self._show_status(status)
        self.sig_status_changed.emit(status)
        if previous is not None and previous.access is not status.access:
            self.sig_access_changed.emit(status.access.value)
            if status.holder:
                self._show_transient(
                    self.tr("Your access to clinical data has been approved."), "ok"
                )
        elif self._checking_again and status.access is ClinicalAccess.AWAITING_APPROVAL:
            self._show_transient(
                self.tr("Still awaiting approval: nobody has approved your account yet."), "hint"
            )
        self._checking_again = False
        if self._prompt_pending:
            self._prompt_pending = False
            if status.holder:
                self.start_reencryption()  # resumes what a rotation left, if anything
            # Only a holder is prompted; an account awaiting the recovery code is
            # offered it in its banner (the code is not at hand at every login).
            if status.holder and status.can_approve and status.approvable:
                self._prompt_approvals(status)

    def _on_check_again_clicked(self) -> None:
        self._checking_again = True
        self.refresh()

    def _on_status_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self._checking_again = False
        if isinstance(exc, OisoError) and exc.code in (
            ErrorCode.SESSION_LOCKED,
            ErrorCode.SESSION_CLOSED,
        ):
            return  # read again at the next refresh
        log.warning("Clinical key status unavailable: %s", exception_summary(exc))
        self._show_refusal(exc)

    def _show_refusal(self, failure: BaseException | None) -> None:
        """The clinical key refused: by the status read that just failed, or, for a
        migration replayed, at login (the key itself is fine again afterwards)."""
        alert = getattr(self._session, "clinical_key_alert", None)
        if isinstance(failure, OisoError) and failure.code in _REFUSALS:
            shown: OisoError | None = failure
        elif (
            isinstance(alert, OisoError) and alert.code is ErrorCode.CLINICAL_KEY_MIGRATION_REFUSED
        ):
            shown = alert
        else:
            shown = None
        self.refusal_row.show_message(error_text(shown) if shown else "", "error")
        self._update_visibility()

    def _show_status(self, status: ClinicalKeyStatus) -> None:
        self._show_refusal(None)
        awaiting = status.access is ClinicalAccess.AWAITING_APPROVAL
        by_code = awaiting and status.can_approve and status.recovery_code_needed
        if not awaiting:
            self.awaiting_row.show_message("")
        elif by_code:
            self.awaiting_row.show_message(
                self.tr(
                    "Your access to clinical data awaits approval. Nobody holds the "
                    "clinical key yet: the first clinical account is approved with the "
                    "recovery code of the database."
                ),
                "warning",
            )
        else:
            self.awaiting_row.show_message(
                self.tr(
                    "Your access to clinical data awaits the approval of a practitioner or "
                    "genetic counsellor who already holds it: they will be asked at their "
                    "next login. Until then, clinical data stay hidden from you."
                ),
                "warning",
            )
        self.awaiting_code_button.setVisible(by_code)
        self.check_again_button.setVisible(awaiting and not by_code)

        count = len(status.approvable)
        if status.holder and status.may_approve and count:
            self.approvals_row.show_message(
                self.tr(
                    "Accounts awaiting your approval for access to clinical data: {count}."
                ).format(count=count),
                "hint",
            )
        else:
            self.approvals_row.show_message("")

        if status.rotation_to_perform:
            self.rotation_row.show_message(
                self.tr(
                    "The clinical key must be renewed: an account has lost its access to "
                    "clinical data. Clinical data are then re-encrypted in the background "
                    "while you work."
                ),
                "warning",
            )
            self.rotate_button.setEnabled(True)
        else:
            self.rotation_row.show_message("")

        if not status.holder and not self.reencryption.running:
            # The role or the key went away: what a re-encryption said no longer applies.
            self.reencryption_row.show_message("")
            self.retry_button.hide()

        if status.endorsement_wanted:
            self.endorse_row.show_message(
                self.tr(
                    "A new recovery sheet was issued: its code does not open clinical data "
                    "until a holder of the clinical key endorses it."
                ),
                "warning",
            )
        else:
            self.endorse_row.show_message("")

        self.approve_action.setEnabled(status.may_approve)
        self.endorse_action.setEnabled(status.endorsement_wanted)
        self.rotate_action.setEnabled(status.rotation_to_perform)
        self._update_visibility()

    def _update_visibility(self) -> None:
        rows = (
            self.refusal_row,
            self.awaiting_row,
            self.approvals_row,
            self.rotation_row,
            self.reencryption_row,
            self.endorse_row,
            self.message_row,
        )
        self.setVisible(any(not row.isHidden() for row in rows))

    def _show_transient(self, text: str, kind: str = "ok") -> None:
        self.message_row.show_message(text, kind)
        self._update_visibility()
        if kind == "error":
            self.message_timer.stop()  # an error stays until the next action
        else:
            self.message_timer.start(MESSAGE_MS)

    # ------------------------------------------------------------ approvals
    def _on_open_approvals_clicked(self) -> None:
        if not self._stopped:
            self.open_approvals()

    def _prompt_approvals(self, status: ClinicalKeyStatus) -> None:
        """The login prompt, once the login notices (rollback warning...) are closed."""
        if self._stopped:
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal is not self.approval_dialog:
            modal.finished.connect(lambda _result: self._prompt_approvals(status))
            return
        self.open_approvals(status)

    def _on_account_approved(self, _view: object) -> None:
        self.refresh()

    def _on_approval_dialog_finished(self, _result: int) -> None:
        self.refresh()

    # ------------------------------------------------------------ rotation
    def _on_rotated(self, generation: str | None) -> None:
        if generation is not None:
            self._show_transient(self.tr("The clinical key was renewed."), "ok")
        self.start_reencryption()
        self.refresh()

    def _on_action_failed(self, exc: BaseException) -> None:
        self._show_transient(error_text(exc), "error")
        self.refresh()

    def _on_reencryption_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return  # nothing was left: nothing to show
        percent = min(100, (100 * done) // total)
        self.reencryption_row.show_message(
            self.tr(
                "Re-encrypting clinical data with the new key: {done} of {total} values. "
                "You can keep working."
            ).format(done=done, total=total),
            "hint",
        )
        self.reencryption_row.progress_bar.setValue(percent)
        self.reencryption_row.progress_bar.show()
        self._update_visibility()

    def _on_reencryption_finished(self, done: int) -> None:
        self.reencryption_row.progress_bar.hide()
        self.reencryption_row.show_message("")
        if done:
            self._show_transient(
                self.tr("Clinical data re-encrypted with the new key ({count} values).").format(
                    count=done
                ),
                "ok",
            )
        self._update_visibility()

    def _on_reencryption_failed(self, exc: BaseException) -> None:
        self.reencryption_row.progress_bar.hide()
        self.reencryption_row.show_message(
            self.tr(
                "The re-encryption of clinical data has stopped: {reason} It resumes at the "
                "next login of a holder of the key."
            ).format(reason=error_text(exc)),
            "error",
        )
        self.retry_button.show()
        self._update_visibility()

    # ---------------------------------------------------------- endorsement
    def _endorse_confirmed(self) -> None:
        if self._stopped:
            return
        self.endorse_button.setEnabled(False)
        self._tasks.run(
            self._session.clinical_key.endorse_recovery_slot,
            on_success=self._on_endorsed,
            on_failure=self._on_action_failed,
            label=self.tr("Endorsing the recovery sheet..."),
            owner=self,
        )

    def _on_endorsed(self, _changed: bool) -> None:
        self.endorse_button.setEnabled(True)
        self._show_transient(
            self.tr(
                "The code of the new recovery sheet now opens clinical data: keep the sheet "
                "locked away."
            ),
            "ok",
        )
        self.refresh()
