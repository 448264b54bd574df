"""The file's "Partage" tab, for its owner: who has access, share, change the
level, revoke, transfer to a successor (DESIGN.md §3; issue 8).

Every service call runs in the background (:class:`~oiso_desktop.gui.tasks.TaskRunner`);
refusals are shown in French (:func:`~oiso_desktop.gui.error_text.error_text`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.share_dialogs import ShareDialog, TransferDialog
from oiso_desktop.gui.share_table_model import ShareTableModel, level_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.sharing_service import FileAccess, ShareView, UserRef

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["SharePanel"]


class SharePanel(QWidget):
    """Who has access to one file its owner opened, and the owner's actions on it.

    ``sig_loaded`` after each reading of the accesses; ``sig_transferred(UserRef)``
    once the file has a new owner (the window then closes: the former owner keeps
    no access).
    """

    sig_loaded = Signal()
    sig_transferred = Signal(object)  # the successor, UserRef

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        patient_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("share_panel")
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._patient_label = patient_label
        self.access: FileAccess | None = None
        self.dialog: ShareDialog | TransferDialog | None = None
        self.confirm_box: QMessageBox | None = None
        # asked before a transfer: False refuses it (unsaved entries in the window)
        self.may_transfer = lambda: True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.owner_label = QLabel()
        self.owner_label.setObjectName("owner_label")
        self.owner_label.setWordWrap(True)
        style.set_role(self.owner_label, "section")
        layout.addWidget(self.owner_label)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("share_banner_label")
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()
        layout.addWidget(self.banner_label)

        shares_title = QLabel(self.tr("Shared with"))
        style.set_role(shares_title, "section")
        layout.addWidget(shares_title)
        self.model = ShareTableModel(self)
        self.table = data_table("share_table", self.model)
        m = ShareTableModel
        set_column_modes(
            self.table.horizontalHeader(),
            contents=(m.COL_ROLE, m.COL_RPPS, m.COL_LEVEL, m.COL_GRANTED),
            stretch=(m.COL_NAME, m.COL_STRUCTURE, m.COL_BY, m.COL_MESSAGE),
        )
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        selection.currentRowChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 3)
        self.empty_label = QLabel(
            self.tr("This file is not shared: only you (and your secretaries) can open it.")
        )
        self.empty_label.setObjectName("share_empty_label")
        style.set_role(self.empty_label, "hint")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.share_button = QPushButton(self.tr("Share…"))
        self.share_button.setObjectName("share_button")
        self.share_button.setToolTip(
            self.tr("Share this file with a practitioner or a genetic counsellor")
        )
        self.share_button.setProperty("primary", True)
        self.share_button.clicked.connect(self.open_share_dialog)
        actions.addWidget(self.share_button)
        self.level_button = QPushButton()
        self.level_button.setObjectName("level_button")
        self.level_button.clicked.connect(self._on_level_clicked)
        actions.addWidget(self.level_button)
        self.revoke_button = QPushButton(self.tr("Remove access"))
        self.revoke_button.setObjectName("revoke_button")
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        self.transfer_button = QPushButton(self.tr("Transfer the file…"))
        self.transfer_button.setObjectName("transfer_button")
        self.transfer_button.setToolTip(
            self.tr("Make another practitioner the owner of this file (a successor)")
        )
        self.transfer_button.clicked.connect(self.open_transfer_dialog)
        actions.addWidget(self.transfer_button)
        layout.addLayout(actions)

        secretaries_title = QLabel(self.tr("Secretaries"))
        style.set_role(secretaries_title, "section")
        layout.addWidget(secretaries_title)
        self.secretaries_hint = QLabel()
        self.secretaries_hint.setObjectName("secretaries_hint")
        self.secretaries_hint.setWordWrap(True)
        style.set_role(self.secretaries_hint, "hint")
        layout.addWidget(self.secretaries_hint)
        self.secretaries_list = QListWidget()
        self.secretaries_list.setObjectName("secretaries_list")
        self.secretaries_list.setMaximumHeight(110)
        layout.addWidget(self.secretaries_list, 1)
        # the free height goes below the content (the lists are short or hidden)
        layout.addStretch(1)
        self._update_buttons()
        self.refresh()

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        self._tasks.run(
            self._session.sharing.list_access,
            self._patient_id,
            on_success=self._show_access,
            on_failure=self._on_failed,
            owner=self,
        )

    def _show_access(self, access: FileAccess) -> None:
        self.access = access
        owner = access.owner
        self.owner_label.setText(
            self.tr("Owner: {name} ({details}). The owner decides who else has access.").format(
                name=owner.display_name, details=self._details(owner)
            )
        )
        current = self.selected_share()
        self.model.set_shares(access.shares)
        if current is not None and (row := self.model.row_of(current.recipient.id)) >= 0:
            self.table.selectRow(row)
        self.table.setVisible(bool(access.shares))
        self.empty_label.setVisible(not access.shares)
        self.secretaries_list.clear()
        for secretary in access.secretaries:
            text = secretary.display_name
            if secretary.structure_name:
                text += f" — {secretary.structure_name}"
            self.secretaries_list.addItem(text)
        if access.secretaries:
            self.secretaries_hint.setText(
                self.tr(
                    "These secretaries reach this file because they assist you or a recipient "
                    "with read and write access: they see its identity, contacts, follow-up "
                    "plan and appointments, never its clinical content."
                )
            )
        else:
            self.secretaries_hint.setText(self.tr("No secretary reaches this file."))
        self.secretaries_list.setVisible(bool(access.secretaries))
        self._update_buttons()
        self.sig_loaded.emit()

    def _details(self, user: UserRef) -> str:
        parts = [role_label(user.role)]
        if user.structure_name:
            parts.append(user.structure_name)
        if user.rpps:
            parts.append(self.tr("RPPS {number}").format(number=user.rpps))
        return ", ".join(parts)

    def selected_share(self) -> ShareView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row()).share

    def select_recipient(self, user_id: int) -> None:
        row = self.model.row_of(user_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        share = self.selected_share()
        self.revoke_button.setEnabled(share is not None)
        self.level_button.setEnabled(share is not None)
        # nothing to change or remove on a file shared with nobody
        shared = self.model.rowCount() > 0
        self.revoke_button.setVisible(shared)
        self.level_button.setVisible(shared)
        if share is not None and share.access is ShareAccess.WRITE:
            self.level_button.setText(self.tr("Change to read only"))
        else:
            self.level_button.setText(self.tr("Change to read and write"))
        self.level_button.setToolTip(
            self.tr("Change the access of the selected recipient")
            if share is None
            else self.tr("{name} now has: {level}").format(
                name=share.recipient.display_name, level=level_label(share.access)
            )
        )

    def _show_banner(self, text: str, kind: str) -> None:
        show_banner(self.banner_label, text, kind)

    def _on_failed(self, exc: BaseException) -> None:
        self._show_banner(error_text(exc), "error")

    # ------------------------------------------------------------------ actions
    def open_share_dialog(self) -> ShareDialog:
        dialog = ShareDialog(
            self._session, self._tasks, self._patient_id, self._patient_label, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_shared.connect(self._on_shared)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_shared(self, view: ShareView) -> None:
        self._show_banner(
            self.tr("The file is shared with {name} ({level}).").format(
                name=view.recipient.display_name, level=level_label(view.access).lower()
            ),
            "ok",
        )
        self.refresh()

    def _on_level_clicked(self) -> None:
        share = self.selected_share()
        if share is None:
            return
        level = ShareAccess.READ if share.access is ShareAccess.WRITE else ShareAccess.WRITE
        self._tasks.run(
            self._session.sharing.change_level,
            self._patient_id,
            share.recipient.id,
            level,
            on_success=lambda view: self._on_changed(view),
            on_failure=self._on_failed,
            label=self.tr("Changing the access…"),
            owner=self,
        )

    def _on_changed(self, view: ShareView) -> None:
        self._show_banner(
            self.tr("{name} now has: {level}.").format(
                name=view.recipient.display_name, level=level_label(view.access).lower()
            ),
            "ok",
        )
        self.refresh()

    def _on_revoke_clicked(self) -> None:
        share = self.selected_share()
        if share is None:
            return
        name = share.recipient.display_name
        self.confirm_box = confirm(
            self,
            self.tr("Remove access"),
            self.tr("Remove the access of {name} to this file?").format(name=name),
            self.tr("The file disappears from their list at once. You can share it again later."),
            self.tr("Remove access"),
            lambda: self._revoke(share.recipient),
            object_name="revoke_confirm_box",
        )

    def _revoke(self, recipient: UserRef) -> None:
        self._tasks.run(
            self._session.sharing.revoke_share,
            self._patient_id,
            recipient.id,
            on_success=lambda _none: self._on_revoked(recipient),
            on_failure=self._on_failed,
            label=self.tr("Removing the access…"),
            owner=self,
        )

    def _on_revoked(self, recipient: UserRef) -> None:
        self._show_banner(
            self.tr("{name} no longer has access to this file.").format(
                name=recipient.display_name
            ),
            "ok",
        )
        self.refresh()

    def open_transfer_dialog(self) -> TransferDialog | None:
        if not self.may_transfer():
            self._show_banner(
                self.tr("Save or undo your changes to this file before transferring it."),
                "warning",
            )
            return None
        dialog = TransferDialog(
            self._session, self._tasks, self._patient_id, self._patient_label, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_transferred.connect(self.sig_transferred)
        self.dialog = dialog
        dialog.open()
        return dialog
