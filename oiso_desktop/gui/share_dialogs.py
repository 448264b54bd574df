"""The dialogs of the file's "Partage" tab: share a file, transfer it to a successor.

Both find a colleague the same way (:class:`RecipientSearch`): the text typed is
sent to ``session.sharing.find_recipients`` in the background once typing
pauses; the results show name, role, structure and RPPS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import search_field
from oiso_desktop.gui.widgets.dialog_parts import confirm, error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.sharing_service import MESSAGE_MAX, ShareView, UserRef

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["RECIPIENT_DEBOUNCE_MS", "RecipientSearch", "ShareDialog", "TransferDialog"]

RECIPIENT_DEBOUNCE_MS = 250
_USER_ROLE = Qt.ItemDataRole.UserRole


class RecipientSearch(QWidget):
    """A search field and the colleagues it finds (``find_recipients``), in the
    background once typing pauses. ``roles``: keep only these roles."""

    sig_chosen_changed = Signal()
    sig_results_shown = Signal()  # tests

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        roles: frozenset[Role] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._roles = roles
        self._seq = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = search_field(
            "recipient_search_edit", self.tr("Name, RPPS number or structure…")
        )
        layout.addWidget(self.search_edit)
        self.results = QListWidget()
        self.results.setObjectName("recipient_results")
        self.results.setAlternatingRowColors(True)
        layout.addWidget(self.results, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("recipient_status_label")
        style.set_role(self.status_label, "hint")
        layout.addWidget(self.status_label)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RECIPIENT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.results.currentRowChanged.connect(lambda _row: self.sig_chosen_changed.emit())
        self.search()

    def search(self) -> None:
        self._debounce.stop()
        self._seq += 1
        seq = self._seq
        self._tasks.run(
            self._session.sharing.find_recipients,
            self.search_edit.text(),
            on_success=lambda found: self._show(seq, found),
            on_failure=lambda exc: self._failed(seq, exc),
            owner=self,
        )

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.status_label.setText(error_text(exc))

    def _show(self, seq: int, found: tuple[UserRef, ...]) -> None:
        if seq != self._seq:
            return  # an older query: its answer is stale
        chosen = self.chosen()
        self.results.clear()
        for user in found:
            if self._roles is not None and user.role not in self._roles:
                continue
            details = [role_label(user.role)]
            if user.structure_name:
                details.append(user.structure_name)
            if user.rpps:
                details.append(self.tr("RPPS {number}").format(number=user.rpps))
            item = QListWidgetItem(f"{user.display_name} — {' — '.join(details)}")
            item.setData(_USER_ROLE, user)
            self.results.addItem(item)
            if chosen is not None and user.id == chosen.id:
                self.results.setCurrentItem(item)
        count = self.results.count()
        if count == 0:
            self.status_label.setText(self.tr("Nobody matches this search."))
        else:
            self.status_label.setText(self.tr("{count} colleague(s) found.").format(count=count))
        self.sig_chosen_changed.emit()
        self.sig_results_shown.emit()

    def chosen(self) -> UserRef | None:
        item = self.results.currentItem()
        return item.data(_USER_ROLE) if item is not None else None

    def choose(self, user_id: int) -> bool:
        """Select the colleague ``user_id`` among the results (tests, keyboard users)."""
        for row in range(self.results.count()):
            if self.results.item(row).data(_USER_ROLE).id == user_id:
                self.results.setCurrentRow(row)
                return True
        return False


class ShareDialog(QDialog):
    """Share a file one owns with a practitioner or a genetic counsellor."""

    sig_shared = Signal(object)  # ShareView

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        patient_id: int,
        patient_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("share_dialog")
        self.setWindowTitle(self.tr("Share the file of {patient}").format(patient=patient_label))
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self.sending = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a practitioner or a genetic counsellor, of any structure. They will "
                "see this file in their list, marked as shared with them, and be told at "
                "their next login."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.recipients = RecipientSearch(session, tasks, parent=self)
        self.recipients.sig_chosen_changed.connect(self._update_ok)
        layout.addWidget(self.recipients, 1)

        level_box = QGroupBox(self.tr("Access"))
        level_layout = QVBoxLayout(level_box)
        self.read_radio = QRadioButton(self.tr("Read: they may read the file, not change it"))
        self.read_radio.setObjectName("read_radio")
        self.write_radio = QRadioButton(
            self.tr("Read and write: they may also change the identity and the clinical forms")
        )
        self.write_radio.setObjectName("write_radio")
        self.read_radio.setChecked(True)
        self._levels = QButtonGroup(self)
        self._levels.addButton(self.read_radio)
        self._levels.addButton(self.write_radio)
        level_layout.addWidget(self.read_radio)
        level_layout.addWidget(self.write_radio)
        layout.addWidget(level_box)

        message_label = QLabel(self.tr("Message to the recipient (optional):"))
        layout.addWidget(message_label)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setObjectName("message_edit")
        self.message_edit.setPlaceholderText(self.tr("For example: for your opinion on the family"))
        self.message_edit.setFixedHeight(64)
        layout.addWidget(self.message_edit)
        hint = QLabel(self.tr("The message is shown to the recipient; it is not kept in the log."))
        style.set_role(hint, "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, _cancel = ok_cancel_buttons("share_ok_button", self.tr("Share"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_ok()
        self.resize(620, 600)

    def access(self) -> ShareAccess:
        return ShareAccess.WRITE if self.write_radio.isChecked() else ShareAccess.READ

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.recipients.chosen() is not None and not self.sending)

    def _on_ok(self) -> None:
        recipient = self.recipients.chosen()
        if recipient is None or self.sending:
            return
        self.sending = True
        self.error_label.hide()
        self._update_ok()
        self._tasks.run(
            self._session.sharing.share,
            self._patient_id,
            recipient.id,
            self.access(),
            self.message_edit.toPlainText()[:MESSAGE_MAX],
            on_success=self._on_shared,
            on_failure=self._on_failed,
            label=self.tr("Sharing the file…"),
            owner=self,
        )

    def _on_shared(self, view: ShareView) -> None:
        self.sending = False
        self.sig_shared.emit(view)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.sending = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._update_ok()


class TransferDialog(QDialog):
    """Make another practitioner the owner of a file one owns (asks for confirmation)."""

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
        self.setObjectName("transfer_dialog")
        self.setWindowTitle(self.tr("Transfer the file of {patient}").format(patient=patient_label))
        self._session = session
        self._tasks = tasks
        self._patient_id = patient_id
        self._patient_label = patient_label
        self.sending = False
        self.confirm_box: QWidget | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the practitioner who takes over this file (a successor). They "
                "become its owner; the other shares stay."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.recipients = RecipientSearch(
            session, tasks, roles=frozenset({Role.PRACTITIONER}), parent=self
        )
        self.recipients.sig_chosen_changed.connect(self._update_ok)
        layout.addWidget(self.recipients, 1)
        warning = QLabel(
            self.tr(
                "After the transfer you no longer have any access to this file, unless the "
                "new owner shares it with you. Its window closes."
            )
        )
        warning.setObjectName("transfer_warning_label")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        show_banner(warning, warning.text(), "warning")
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, _cancel = ok_cancel_buttons(
            "transfer_ok_button", self.tr("Transfer…")
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_ok()
        self.resize(620, 520)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.recipients.chosen() is not None and not self.sending)

    def _on_ok(self) -> None:
        successor = self.recipients.chosen()
        if successor is None or self.sending:
            return
        self.confirm_box = confirm(
            self,
            self.tr("Transfer the file"),
            self.tr("Transfer the file of {patient} to {name}?").format(
                patient=self._patient_label, name=successor.display_name
            ),
            self.tr(
                "{name} becomes its owner. You will no longer see this file unless they "
                "share it with you. The transfer is logged."
            ).format(name=successor.display_name),
            self.tr("Transfer"),
            lambda: self._transfer(successor),
            object_name="transfer_confirm_box",
        )

    def _transfer(self, successor: UserRef) -> None:
        self.sending = True
        self.error_label.hide()
        self._update_ok()
        self._tasks.run(
            self._session.sharing.transfer,
            [self._patient_id],
            successor.id,
            on_success=lambda _moved: self._on_transferred(successor),
            on_failure=self._on_failed,
            label=self.tr("Transferring the file…"),
            owner=self,
        )

    def _on_transferred(self, successor: UserRef) -> None:
        self.sending = False
        self.sig_transferred.emit(successor)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.sending = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._update_ok()
