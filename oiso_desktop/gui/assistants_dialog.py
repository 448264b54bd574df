""" "Mes secrétaires": the secretaries who assist me (a practitioner or a counsellor
adds and removes them), or, for a secretary, the practitioners she assists
(read only). Every read and change goes through ``session.sharing`` in the
background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.sharing_service import UserRef

__all__ = ["AssistantsDialog"]

_ID_ROLE = Qt.ItemDataRole.UserRole


def _load_for_practitioner(session: UserSession) -> tuple[tuple[UserRef, ...], tuple[UserRef, ...]]:
    return session.sharing.assistants(), session.sharing.available_secretaries()


class AssistantsDialog(QDialog):
    """The secretaries who assist the signed-in practitioner or counsellor (add,
    remove), or the practitioners a secretary assists (read only).

    ``sig_loaded`` after each read, ``sig_assistants_changed(tuple)`` with the new
    list of assistants (``UserRef``) after a change.
    """

    sig_loaded = Signal()
    sig_assistants_changed = Signal(tuple)

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assistants_dialog")
        self._session = session
        self._tasks = tasks
        self.secretary_mode = session.actor.role is Role.SECRETARY
        self._assistants: tuple[UserRef, ...] = ()
        self._available: tuple[UserRef, ...] = ()
        self._busy = False

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.explanation_label = QLabel()
        self.explanation_label.setObjectName("explanation_label")
        self.explanation_label.setWordWrap(True)
        layout.addWidget(self.explanation_label)

        self.list_title_label = QLabel()
        style.set_role(self.list_title_label, "section")
        layout.addWidget(self.list_title_label)
        self.people_list = QListWidget()
        self.people_list.setObjectName("people_list")
        self.people_list.setMinimumHeight(140)
        self.people_list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style.set_role(self.empty_label, "hint")
        # the list, or a sentence when there is nobody
        self.people_stack = QStackedWidget()
        self.people_stack.addWidget(self.people_list)
        self.people_stack.addWidget(self.empty_label)
        layout.addWidget(self.people_stack, 1)

        self.remove_button = QPushButton(icon("revoke"), self.tr("Remove"))
        self.remove_button.setObjectName("remove_button")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.add_combo = QComboBox()
        self.add_combo.setObjectName("add_combo")
        self.add_combo.setMinimumContentsLength(28)
        self.add_button = QPushButton(icon("add"), self.tr("Add"))
        self.add_button.setObjectName("add_button")
        self.add_button.clicked.connect(self._on_add_clicked)
        if not self.secretary_mode:
            remove_row = QHBoxLayout()
            remove_row.addStretch(1)
            remove_row.addWidget(self.remove_button)
            layout.addLayout(remove_row)
            add_title = QLabel(self.tr("Add a secretary"))
            style.set_role(add_title, "section")
            layout.addWidget(add_title)
            add_row = QHBoxLayout()
            add_row.addWidget(self.add_combo, 1)
            add_row.addWidget(self.add_button)
            layout.addLayout(add_row)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.hide()
        layout.addWidget(self.message_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if self.secretary_mode:
            self.setWindowTitle(self.tr("Practitioners I assist"))
            self.list_title_label.setText(self.tr("Practitioners I assist"))
            self.explanation_label.setText(
                self.tr(
                    "You see the identity, contact details, follow-up plan and "
                    "appointments of these practitioners' files (the files they are "
                    "responsible for and those shared with them read and write), never "
                    "their clinical content. A practitioner designates their secretaries "
                    "in “My secretaries”."
                )
            )
        else:
            self.setWindowTitle(self.tr("My secretaries"))
            self.list_title_label.setText(self.tr("Secretaries who assist me"))
            self.explanation_label.setText(
                self.tr(
                    "A secretary who assists you sees the identity, contact details, "
                    "follow-up plan and appointments of your files (the files you are "
                    "responsible for and those shared with you read and write), and may "
                    "create files in your name. She never sees their clinical content: "
                    "history, family, genetics, documents."
                )
            )
        self.resize(560, 480)
        self._update_buttons()
        self.reload()

    # ---------------------------------------------------------------- reading
    def reload(self) -> None:
        self._set_busy(True)
        if self.secretary_mode:
            self._tasks.run(
                self._session.sharing.assisted_practitioners,
                on_success=self._on_practitioners_loaded,
                on_failure=self._on_failed,
                owner=self,
            )
        else:
            self._tasks.run(
                _load_for_practitioner,
                self._session,
                on_success=self._on_loaded,
                on_failure=self._on_failed,
                writer=False,
                owner=self,
            )

    def _on_practitioners_loaded(self, practitioners: tuple[UserRef, ...]) -> None:
        self._assistants = practitioners
        self._fill_list(practitioners, self.tr("You do not assist any practitioner yet."))
        self._set_busy(False)
        self.sig_loaded.emit()

    def _on_loaded(self, result: tuple[tuple[UserRef, ...], tuple[UserRef, ...]]) -> None:
        self._assistants, self._available = result
        self._fill()
        self._set_busy(False)
        self.sig_loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_banner(self.message_label, error_text(exc), "error")
        self.sig_loaded.emit()

    def _describe(self, user: UserRef) -> str:
        parts = [user.display_name]
        if self.secretary_mode:
            parts.append(role_label(user.role))
        if user.structure_name:
            parts.append(user.structure_name)
        text = " — ".join(parts)
        if user.status is not AccountStatus.ACTIVE:
            text += " " + self.tr("(account inactive)")
        return text

    def _fill_list(self, people: tuple[UserRef, ...], empty: str) -> None:
        self.people_list.clear()
        for user in people:
            item = QListWidgetItem(icon("user"), self._describe(user))
            item.setData(_ID_ROLE, user.id)
            self.people_list.addItem(item)
        self.empty_label.setText(empty)
        self.people_stack.setCurrentWidget(self.people_list if people else self.empty_label)

    def _fill(self) -> None:
        self._fill_list(
            self._assistants,
            self.tr("No secretary assists you. Add one below."),
        )
        current = {user.id for user in self._assistants}
        self.add_combo.clear()
        for user in self._available:
            if user.id not in current:
                self.add_combo.addItem(self._describe(user), user.id)
        if not self.add_combo.count():
            self.add_combo.setPlaceholderText(self.tr("No other active secretary"))
            self.add_combo.setCurrentIndex(-1)
        self._update_buttons()

    # ---------------------------------------------------------------- API
    def assistants(self) -> tuple[UserRef, ...]:
        """The list shown: my assistants (or, for a secretary, whom she assists)."""
        return self._assistants

    def add_secretary(self, user_id: int) -> None:
        self._apply({user.id for user in self._assistants} | {user_id})

    def remove_secretary(self, user_id: int) -> None:
        self._apply({user.id for user in self._assistants} - {user_id})

    # ---------------------------------------------------------------- changes
    def _on_add_clicked(self) -> None:
        user_id = self.add_combo.currentData()
        if user_id is not None:
            self.add_secretary(int(user_id))

    def _on_remove_clicked(self) -> None:
        item = self.people_list.currentItem()
        if item is not None and item.isSelected():
            self.remove_secretary(int(item.data(_ID_ROLE)))

    def _apply(self, secretary_ids: set[int]) -> None:
        if self.secretary_mode or self._busy:
            return
        self.message_label.hide()
        self._set_busy(True)
        self._tasks.run(
            self._session.sharing.set_assistants,
            sorted(secretary_ids),
            on_success=self._on_applied,
            on_failure=self._on_failed,
            label=self.tr("Saving your secretaries…"),
            owner=self,
        )

    def _on_applied(self, assistants: tuple[UserRef, ...]) -> None:
        self._assistants = assistants
        self._fill()
        self._set_busy(False)
        show_banner(self.message_label, self.tr("Your secretaries have been saved."), "ok")
        self.sig_assistants_changed.emit(assistants)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.people_list.currentItem()
        self.remove_button.setEnabled(
            not self._busy and selected is not None and selected.isSelected()
        )
        self.add_button.setEnabled(not self._busy and self.add_combo.count() > 0)
        self.add_combo.setEnabled(not self._busy and self.add_combo.count() > 0)
