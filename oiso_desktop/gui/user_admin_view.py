"""Administration: the user accounts (create, edit, suspend, reactivate, revoke, reset,
transfer a departed practitioner's files, delete a departed account on request) and the
count of archived files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.user_table_model import UserFilterProxyModel, UserTableModel
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    search_field,
    set_column_modes,
)
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.gui.widgets.one_time_password_dialog import OneTimePasswordDialog
from oiso_desktop.services.retention_files_service import RetentionFilesService

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import UserView
    from oiso_desktop.services.user_service import DeletionPreview

__all__ = ["UserAdminView"]


class UserAdminView(QWidget):
    """The list of accounts and the actions of the administrator on them."""

    # emitted after each reload of the list (tests)
    sig_users_loaded = Signal()

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("user_admin_view")
        self._session = session
        self._tasks = tasks
        self._select_after_load: int | None = None
        self.last_dialog: QWidget | None = None
        self.last_confirmation: QMessageBox | None = None
        self.password_dialog: OneTimePasswordDialog | None = None

        layout, _title = page_layout(self, self.tr("User accounts"))

        top = QHBoxLayout()
        self.filter_edit = search_field(
            "filter_edit", self.tr("Filter: login, name, role, RPPS, structure…")
        )
        top.addWidget(self.filter_edit, 1)
        self.new_button = self._button("user-add", self.tr("New"), "new_button")
        top.addWidget(self.new_button)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.edit_button = self._button("edit", self.tr("Edit"), "edit_button")
        self.suspend_button = self._button("suspend", self.tr("Suspend"), "suspend_button")
        self.reactivate_button = self._button(
            "reactivate", self.tr("Reactivate"), "reactivate_button"
        )
        self.revoke_button = self._button("revoke", self.tr("Revoke"), "revoke_button")
        self.reset_password_button = self._button(
            "key", self.tr("Reset the password"), "reset_password_button"
        )
        # A departed (suspended or revoked) practitioner's files go to a successor.
        self.transfer_button = self._button(
            "shares", self.tr("Transfer their files…"), "transfer_files_button"
        )
        self.delete_button = self._button(
            "cancel", self.tr("Delete the account…"), "delete_account_button"
        )
        for button in (
            self.edit_button,
            self.suspend_button,
            self.reactivate_button,
            self.revoke_button,
            self.reset_password_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = count_label()
        actions.addWidget(self.count_label)
        layout.addLayout(actions)
        # The departure actions on a second row: one row of seven buttons would not
        # fit a laptop screen.
        departures = QHBoxLayout()
        for button in (self.transfer_button, self.delete_button):
            departures.addWidget(button)
        departures.addStretch(1)
        layout.addLayout(departures)

        # A revocation whose re-key waits for the file to be free (other sessions open).
        pending = QHBoxLayout()
        self.pending_label = QLabel("")
        self.pending_label.setObjectName("pending_revocation_label")
        self.finish_revocation_button = self._button(
            "revoke", self.tr("Finish the revocation"), "finish_revocation_button"
        )
        pending.addWidget(self.pending_label, 1)
        pending.addWidget(self.finish_revocation_button)
        layout.addLayout(pending)
        self.pending_user_ids: tuple[int, ...] = ()

        self.model = UserTableModel(self)
        self.proxy = UserFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table("user_table", self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UserTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        # Columns sized to their text; the structure, the longest, takes the rest.
        set_column_modes(
            self.table.horizontalHeader(),
            contents=(
                UserTableModel.COL_LOGIN,
                UserTableModel.COL_NAME,
                UserTableModel.COL_ROLE,
                UserTableModel.COL_STATUS,
                UserTableModel.COL_IDENTIFIER,
                UserTableModel.COL_LAST_LOGIN,
            ),
            stretch=(UserTableModel.COL_STRUCTURE,),
        )
        layout.addWidget(self.table, 1)

        self.status_label = QLabel("")
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        # Departed users' files archived (hidden from everyone): a count only.
        self.archived_label = QLabel("")
        self.archived_label.setObjectName("archived_files_label")
        self.archived_label.setWordWrap(True)
        style.set_role(self.archived_label, "hint")
        layout.addWidget(self.archived_label)

        from oiso_desktop.gui.security_settings_panel import SecuritySettingsPanel

        self.security_panel = SecuritySettingsPanel(session, tasks, parent=self)
        layout.addWidget(self.security_panel)

        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._on_edit_clicked())
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.suspend_button.clicked.connect(self._on_suspend_clicked)
        self.reactivate_button.clicked.connect(self._on_reactivate_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.finish_revocation_button.clicked.connect(self._on_finish_revocation_clicked)
        self.reset_password_button.clicked.connect(self._on_reset_password_clicked)
        self.transfer_button.clicked.connect(self._on_transfer_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)

        self._show_pending(())
        self._update_buttons()
        self.reload()

    def _button(self, icon_name: str, text: str, name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        return button

    # -------------------------------------------------------------------- data
    def reload(self, select_user_id: int | None = None) -> None:
        if select_user_id is None:
            current = self.selected_user()
            select_user_id = current.id if current is not None else None
        self._select_after_load = select_user_id
        self._tasks.run(
            self._session.users.list_users,
            include_revoked=True,
            on_success=self._on_users_loaded,
            on_failure=self._on_load_failed,
            label=self.tr("Loading the accounts…"),
            owner=self,
        )

    def _on_users_loaded(self, users: list[UserView]) -> None:
        self.model.set_rows(users)
        self._tasks.run(
            RetentionFilesService(self._session.ctx).archived_count,
            on_success=self._show_archived,
            on_failure=lambda _exc: self._show_archived(None),
            owner=self,
        )
        self._tasks.run(
            self._session.users.pending_revocations,
            on_success=self._show_pending,
            on_failure=self._on_pending_failed,
            owner=self,
        )
        self._update_count()
        if self._select_after_load is not None:
            self.select_user(self._select_after_load)
        self._update_buttons()
        self.sig_users_loaded.emit()

    def _show_archived(self, count: int | None) -> None:
        if count is None:
            self.archived_label.setText("")
            return
        self.archived_label.setText(
            self.tr(
                "%n archived file(s) of departed users: hidden from everyone, deleted for good "
                "one year after their archiving.",
                "",
                count,
            )
            if count
            else self.tr("No archived file of departed users.")
        )

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self.sig_users_loaded.emit()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n account(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} accounts").format(shown=shown, total=total)
            )

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()
        self._update_buttons()

    def selected_user(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(UserTableModel.USER_ROLE)

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_buttons(self, *_args: object) -> None:
        user = self.selected_user()
        myself = user is not None and user.id == self._session.actor.user_id
        status = AccountStatus(user.status) if user is not None else None
        self.edit_button.setEnabled(
            user is not None and status in (AccountStatus.ACTIVE, AccountStatus.SUSPENDED)
        )
        self.suspend_button.setEnabled(status == AccountStatus.ACTIVE and not myself)
        self.reactivate_button.setEnabled(status == AccountStatus.SUSPENDED)
        self.revoke_button.setEnabled(
            status in (AccountStatus.ACTIVE, AccountStatus.SUSPENDED) and not myself
        )
        self.reset_password_button.setEnabled(status == AccountStatus.ACTIVE and not myself)
        self.transfer_button.setEnabled(
            user is not None
            and status in (AccountStatus.SUSPENDED, AccountStatus.REVOKED)
            and Role(user.role) in (Role.PRACTITIONER, Role.GENETIC_COUNSELLOR)
        )
        self.delete_button.setEnabled(status == AccountStatus.REVOKED and not myself)

    def _show_status(self, text: str, kind: str = "ok") -> None:
        self.status_label.setText(text)
        style.set_role(self.status_label, kind)

    # ------------------------------------------------------------ create / edit
    def _open_dialog(self, user: UserView | None) -> None:
        from oiso_desktop.gui.user_dialog import UserDialog

        dialog = UserDialog(self._session, self._tasks, user=user, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._on_user_saved)
        self.last_dialog = dialog
        dialog.open()

    def _on_new_clicked(self) -> None:
        self._open_dialog(None)

    def _on_edit_clicked(self) -> None:
        user = self.selected_user()
        if user is not None and self.edit_button.isEnabled():
            self._open_dialog(user)

    def _on_user_saved(self, user: UserView, password: str | None) -> None:
        if password:
            self._show_status(self.tr("Account {login} created.").format(login=user.login), "ok")
            self._show_password(user.login, password)
        else:
            self._show_status(self.tr("Account {login} saved.").format(login=user.login), "ok")
        self.reload(select_user_id=user.id)

    def _show_password(self, login: str, password: str) -> None:
        dialog = OneTimePasswordDialog(login, password, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ actions
    def _confirm(
        self,
        title: str,
        text: str,
        detail: str,
        accept_text: str,
        on_yes,
        checkbox: QCheckBox | None = None,
    ) -> None:
        self.last_confirmation = confirm(
            self, title, text, detail, accept_text, on_yes, checkbox=checkbox
        )

    def _run_action(self, fn, user: UserView, done_text: str, *, label: str) -> None:
        self._tasks.run(
            fn,
            user.id,
            # Act on the account as the admin saw it: a change made meanwhile elsewhere
            # raises ConcurrentEditError instead of being overridden silently.
            expected_version=user.version,
            writer=True,
            on_success=lambda _result: self._on_action_done(user, done_text),
            on_failure=self._on_action_failed,
            label=label,
            owner=self,
        )

    def _on_action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OisoError) and exc.code == ErrorCode.REKEY_PENDING:
            # The account is revoked; only the re-key waits for the file to be free.
            self._show_status(
                self.tr(
                    "Account revoked. The database key will be changed as soon as the other "
                    "open sessions are closed."
                ),
                "warning",
            )
        else:
            self._show_status(error_text(exc), "error")
        self.reload()  # show the current state of the accounts

    # ------------------------------------------------------------ pending revocation
    def _show_pending(self, user_ids: tuple[int, ...]) -> None:
        self.pending_user_ids = tuple(user_ids)
        logins = [user.login for user in self.model.rows() if user.id in self.pending_user_ids]
        text = ""
        if self.pending_user_ids:
            text = self.tr(
                "Revocation pending ({logins}): the database key will be changed as soon as "
                "no other session of OISO Desktop has the database open. Until then, a copy "
                "of the old key file could still open it."
            ).format(logins=", ".join(logins) or "?")
        show_banner(self.pending_label, text, "warning")
        self.finish_revocation_button.setVisible(bool(self.pending_user_ids))

    def _on_pending_failed(self, exc: BaseException) -> None:
        # Not knowing whether a revocation is pending is said, never hidden.
        self._show_pending(())
        self._show_status(error_text(exc), "error")

    def _on_finish_revocation_clicked(self) -> None:
        self.finish_revocation_button.setEnabled(False)
        self._tasks.run(
            self._session.users.finish_revocation,
            on_success=self._on_revocation_finished,
            on_failure=self._on_finish_failed,
            label=self.tr("Changing the database key…"),
            owner=self,
        )

    def _on_revocation_finished(self, dropped: tuple[int, ...]) -> None:
        self.finish_revocation_button.setEnabled(True)
        self._show_status(
            self.tr("Revocation finished: the database key has been changed.")
            if dropped
            else self.tr("No revocation is pending."),
            "ok",
        )
        self.reload()

    def _on_finish_failed(self, exc: BaseException) -> None:
        self.finish_revocation_button.setEnabled(True)
        self._show_status(error_text(exc), "error")

    def _on_action_done(self, user: UserView, done_text: str) -> None:
        self._show_status(done_text.format(login=user.login), "ok")
        self.reload(select_user_id=user.id)

    def _on_suspend_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._confirm(
            self.tr("Suspend an account"),
            self.tr("Suspend the account {login} ({name})?").format(
                login=user.login, name=user.display_name
            ),
            self.tr(
                "The user will no longer be able to log in until the account is reactivated. "
                "Their patient files stay as they are."
            ),
            self.tr("Suspend"),
            lambda: self._run_action(
                self._session.users.suspend,
                user,
                self.tr("Account {login} suspended."),
                label=self.tr("Suspending the account…"),
            ),
        )

    def _on_reactivate_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._run_action(
            self._session.users.reactivate,
            user,
            self.tr("Account {login} reactivated."),
            label=self.tr("Reactivating the account…"),
        )

    def _on_revoke_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._confirm(
            self.tr("Revoke an account"),
            self.tr("Revoke the account {login} ({name}) for good?").format(
                login=user.login, name=user.display_name
            ),
            self.tr(
                "The database will be re-keyed: it is encrypted again with a new key and this "
                "account's key is removed, so its password can no longer open the database. "
                "This may take a moment and cannot be undone. The user's identity is kept for "
                "traceability."
            ),
            self.tr("Revoke and re-key"),
            lambda: self._run_action(
                self._session.users.revoke,
                user,
                self.tr("Account {login} revoked; the database has been re-keyed."),
                label=self.tr("Revoking the account and re-keying the database…"),
            ),
        )

    def _on_delete_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._tasks.run(
            self._session.users.deletion_preview,
            user.id,
            on_success=lambda preview: self._confirm_deletion(user, preview),
            on_failure=self._on_action_failed,
            label=self.tr("Counting the account's files…"),
            owner=self,
        )

    def _confirm_deletion(self, user: UserView, preview: DeletionPreview) -> None:
        detail = self.tr(
            "%n patient file(s) shared with nobody will be deleted at once and for good, with "
            "their attachments, forms, follow-up and appointments.",
            "",
            preview.unshared_files,
        )
        if preview.shared_files:
            detail += " " + self.tr(
                "%n shared file(s) stay with those they are shared with.",
                "",
                preview.shared_files,
            )
        if preview.restricted_files:
            detail += " " + self.tr(
                "%n file(s) restricted at the patient's request are archived, not deleted, "
                "for as long as the restriction lasts.",
                "",
                preview.restricted_files,
            )
        detail += " " + self.tr(
            "The account's contact details are erased; its login and name stay in the event "
            "log for traceability. This cannot be undone."
        )
        self._confirm(
            self.tr("Delete an account"),
            self.tr("Delete the account {login} ({name}) on request?").format(
                login=user.login, name=user.display_name
            ),
            detail,
            self.tr("Delete the account and %n file(s)", "", preview.unshared_files),
            lambda: self._tasks.run(
                self._session.users.delete_user,
                user.id,
                preview.unshared_files,
                writer=True,
                on_success=lambda _done: self._on_action_done(
                    user, self.tr("Account {login} deleted.")
                ),
                on_failure=self._on_action_failed,
                label=self.tr("Deleting the account…"),
                owner=self,
            ),
        )

    def _on_reset_password_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return

        rekey_checkbox = QCheckBox(self.tr("Also re-key the database (suspected compromise)"))
        rekey_checkbox.setObjectName("rekey_checkbox")
        rekey_checkbox.setToolTip(
            self.tr(
                "A copy of the key file taken before will no longer open the database. "
                "Every other open session must be closed first."
            )
        )

        def reset() -> None:
            self._tasks.run(
                self._session.users.reset_password,
                user.id,
                rekey=rekey_checkbox.isChecked(),
                writer=True,
                on_success=lambda password: self._on_password_reset(user, password),
                on_failure=self._on_reset_failed,
                label=self.tr("Resetting the password…"),
                owner=self,
            )

        self._confirm(
            self.tr("Reset a password"),
            self.tr("Reset the password of {login} ({name})?").format(
                login=user.login, name=user.display_name
            ),
            self.tr(
                "A temporary password will be shown once; the user will have to change it at "
                "their first login. Their current password stops working at once."
            ),
            self.tr("Reset"),
            reset,
            checkbox=rekey_checkbox,
        )

    def _on_reset_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self.security_panel.check_rekey_owed()

    def _on_password_reset(self, user: UserView, password: str) -> None:
        self.security_panel.check_rekey_owed()  # a re-key asked for may have had to wait
        self._show_status(self.tr("Password of {login} reset.").format(login=user.login), "ok")
        self._show_password(user.login, password)
        self.reload(select_user_id=user.id)

    # ------------------------------------------------------------------ transfer
    def _on_transfer_clicked(self) -> None:
        user = self.selected_user()
        if user is None or not self.transfer_button.isEnabled():
            return
        from oiso_desktop.gui.transfer_files_dialog import TransferFilesDialog

        dialog = TransferFilesDialog(self._session, self._tasks, user, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_transferred.connect(
            lambda count, successor, user=user: self._on_files_transferred(user, count, successor)
        )
        self.last_dialog = dialog
        dialog.open()

    def _on_files_transferred(self, user: UserView, count: int, successor: str) -> None:
        self._show_status(
            self.tr("Files of {name} transferred to {successor}.").format(
                name=user.display_name, successor=successor
            )
            + " "
            + self.tr("%n file(s) changed hands.", "", count),
            "ok",
        )
