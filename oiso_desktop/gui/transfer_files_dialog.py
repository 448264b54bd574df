"""Administration: transfer the files of a departed (suspended or revoked) user to a
successor practitioner.

The administrator never sees the files themselves: only how many there are
(``SharingService.files_of`` gives ids). The successor is found among the active
practitioners by name, RPPS or structure (``SharingService.find_recipients``);
the transfer (``SharingService.transfer``) is logged, one event per file, and the
former owner keeps no access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import role_label, status_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import search_field
from oiso_desktop.gui.widgets.dialog_parts import confirm, error_label, ok_cancel_buttons

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import UserView
    from oiso_desktop.services.sharing_service import UserRef

__all__ = ["TransferFilesDialog"]

SEARCH_DEBOUNCE_MS = 250


class TransferFilesDialog(QDialog):
    """Transfer every file of ``owner`` (a suspended or revoked account) to a successor.

    ``sig_transferred(count, successor_name)`` after the transfer.
    """

    sig_transferred = Signal(int, str)
    #: the owner's files were counted (tests)
    sig_files_loaded = Signal()
    #: the successor search answered (tests)
    sig_candidates_loaded = Signal()

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        owner: UserView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transfer_files_dialog")
        self.setWindowTitle(self.tr("Transfer the files of a departed user"))
        self.setMinimumWidth(560)
        self._session = session
        self._tasks = tasks
        self.owner = owner
        self.file_ids: tuple[int, ...] | None = None
        self._search_seq = 0
        self.confirmation: QMessageBox | None = None

        layout = QVBoxLayout(self)
        details = [role_label(owner.role), status_label(owner.status)]
        if owner.structure_name:
            details.append(owner.structure_name)
        self.owner_label = QLabel(f"{owner.display_name} — {', '.join(details)}")
        self.owner_label.setObjectName("owner_label")
        self.owner_label.setWordWrap(True)
        style.set_role(self.owner_label, "section")
        layout.addWidget(self.owner_label)
        self.count_label = QLabel(self.tr("Counting the files…"))
        self.count_label.setObjectName("count_label")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        hint = QLabel(
            self.tr(
                "The successor becomes the owner of every one of these files; {name} keeps no "
                "access. Their secretaries follow the files: the successor's secretaries see "
                "them, the former ones no longer do. Each file's transfer is recorded in the "
                "event log."
            ).format(name=owner.display_name)
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        layout.addWidget(hint)

        search_label = QLabel(self.tr("Successor (an active practitioner):"))
        layout.addWidget(search_label)
        self.search_edit = search_field(
            "successor_search_edit", self.tr("Search: name, RPPS, structure…")
        )
        search_label.setBuddy(self.search_edit)
        layout.addWidget(self.search_edit)
        self.candidate_list = QListWidget()
        self.candidate_list.setObjectName("candidate_list")
        self.candidate_list.setMinimumHeight(150)
        layout.addWidget(self.candidate_list, 1)
        self.empty_label = QLabel("")
        self.empty_label.setObjectName("candidates_empty_label")
        self.empty_label.setWordWrap(True)
        style.set_role(self.empty_label, "hint")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.transfer_button, self.cancel_button = ok_cancel_buttons(
            "transfer_button", self.tr("Transfer…")
        )
        buttons.accepted.connect(self._on_transfer_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.candidate_list.itemSelectionChanged.connect(self._update_button)
        self.candidate_list.itemDoubleClicked.connect(lambda _item: self._on_transfer_clicked())

        self._update_button()
        self._tasks.run(
            self._session.sharing.files_of,
            owner.id,
            on_success=self._on_files_loaded,
            on_failure=self._on_files_failed,
            label=self.tr("Counting the files…"),
            owner=self,
        )
        self.search()

    # ------------------------------------------------------------------ files
    def _on_files_loaded(self, ids: tuple[int, ...]) -> None:
        self.file_ids = tuple(ids)
        if ids:
            self.count_label.setText(self.tr("%n file(s) to transfer.", "", len(ids)))
        else:
            self.count_label.setText(
                self.tr("{name} owns no file: there is nothing to transfer.").format(
                    name=self.owner.display_name
                )
            )
        self._update_button()
        self.sig_files_loaded.emit()

    def _on_files_failed(self, exc: BaseException) -> None:
        self.file_ids = None
        self.count_label.setText("")
        self._show_error(error_text(exc))
        self._update_button()
        self.sig_files_loaded.emit()

    # ------------------------------------------------------------------ successor
    def search(self) -> None:
        self._debounce.stop()
        self._search_seq += 1
        seq = self._search_seq
        self._tasks.run(
            self._session.sharing.find_recipients,
            self.search_edit.text(),
            on_success=lambda found, seq=seq: self._on_candidates(seq, found),
            on_failure=lambda exc, seq=seq: self._on_candidates_failed(seq, exc),
            owner=self,
        )

    def _on_candidates(self, seq: int, found: tuple[UserRef, ...]) -> None:
        if seq != self._search_seq:
            return
        selected = self.successor()
        self.candidate_list.clear()
        # A file goes to a practitioner only; never back to its departed owner.
        for user in found:
            if user.role is not Role.PRACTITIONER or user.id == self.owner.id:
                continue
            details = [role_label(user.role)]
            if user.structure_name:
                details.append(user.structure_name)
            if user.rpps:
                details.append(self.tr("RPPS {rpps}").format(rpps=user.rpps))
            item = QListWidgetItem(f"{user.display_name} — {', '.join(details)}")
            item.setData(Qt.ItemDataRole.UserRole, user)
            self.candidate_list.addItem(item)
            if selected is not None and selected.id == user.id:
                item.setSelected(True)
        empty = self.candidate_list.count() == 0
        self.empty_label.setText(
            self.tr("No active practitioner matches this search.") if empty else ""
        )
        self.empty_label.setVisible(empty)
        self._update_button()
        self.sig_candidates_loaded.emit()

    def _on_candidates_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._search_seq:
            return
        self.candidate_list.clear()
        self._show_error(error_text(exc))
        self._update_button()
        self.sig_candidates_loaded.emit()

    def successor(self) -> UserRef | None:
        items = self.candidate_list.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_successor(self, user_id: int) -> bool:
        for row in range(self.candidate_list.count()):
            item = self.candidate_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).id == user_id:
                self.candidate_list.setCurrentItem(item)
                return True
        return False

    def _update_button(self) -> None:
        self.transfer_button.setEnabled(bool(self.file_ids) and self.successor() is not None)

    # ------------------------------------------------------------------ transfer
    def _on_transfer_clicked(self) -> None:
        successor = self.successor()
        ids = self.file_ids
        if successor is None or not ids or not self.transfer_button.isEnabled():
            return
        self.confirmation = confirm(
            self,
            self.tr("Transfer the files"),
            self.tr("Transfer %n file(s)?", "", len(ids)),
            self.tr(
                "The files of {owner} go to {successor}, who becomes their owner. {owner} will "
                "have no access to them any more, and neither will their secretaries."
            ).format(owner=self.owner.display_name, successor=successor.display_name),
            self.tr("Transfer"),
            lambda: self.transfer(successor, ids),
        )

    def transfer(self, successor: UserRef, ids: tuple[int, ...]) -> None:
        """Transfer ``ids`` to ``successor`` in the background (after the confirmation)."""
        self.transfer_button.setEnabled(False)
        self.error_label.hide()
        self._tasks.run(
            self._session.sharing.transfer,
            ids,
            successor.id,
            on_success=lambda count: self._on_transferred(successor, count),
            on_failure=self._on_transfer_failed,
            label=self.tr("Transferring the files…"),
            owner=self,
        )

    def _on_transferred(self, successor: UserRef, count: int) -> None:
        self.sig_transferred.emit(int(count), successor.display_name)
        self.accept()

    def _on_transfer_failed(self, exc: BaseException) -> None:
        self._show_error(error_text(exc))
        self._update_button()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
