"""Dialogs of the clinical key: four-eyes approvals, the recovery code, the new sheet.

* :class:`ClinicalApprovalDialog` lists the clinical accounts awaiting access to
  clinical data and approves them: a holder of the clinical key approves a
  colleague (``session.clinical_key.approve``); while nobody holds it, each
  approval asks for the recovery code (:class:`RecoveryCodeApprovalDialog`).
* :func:`confirm_recovery_endorsement` asks a holder to give the clinical key to
  the recovery code of a new recovery sheet (``endorse_recovery_slot``).

Every call runs in the background; the services make the real checks.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.awaiting_account_table_model import AwaitingAccountTableModel, is_approvable
from oiso_desktop.gui.clinical_key_status import ClinicalKeyStatus, fetch_clinical_key_status
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import data_table, set_column_modes
from oiso_desktop.gui.widgets.dialog_parts import confirm, error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import fit_label_height, show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.dto import UserView

__all__ = [
    "ClinicalApprovalDialog",
    "RecoveryCodeApprovalDialog",
    "confirm_recovery_endorsement",
]

# the recovery-code dialog's width; its height follows its texts
DIALOG_WIDTH = 620


class RecoveryCodeApprovalDialog(QDialog):
    """The recovery code approves ``account`` while no clinical account holds the key.

    ``approved`` is the account as approved (a ``UserView``) once accepted. A
    wrong code changes nothing and is shown in the dialog, which stays open.
    """

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        account: UserView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_approval_dialog")
        self.setWindowTitle(self.tr("Approval with the recovery code"))
        self.setWindowIcon(icon("key"))
        self._session = session
        self._tasks = tasks
        self._account = account
        self._busy = False
        self.approved: UserView | None = None

        self.intro_label = QLabel(
            self.tr(
                "No practitioner or genetic counsellor holds the clinical key yet (a new "
                "database, or no approved clinical account is left). The first clinical "
                "account is therefore approved with the recovery code of the database, "
                "printed on the recovery sheet kept under lock and key. The next accounts "
                "are approved by a colleague who holds the key, at their login."
            )
        )
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.account_label = QLabel(
            self.tr(
                "Type the recovery code to give <b>{name}</b> access to clinical data. The "
                "use of the code is recorded in the event log; wrong codes are throttled "
                "like passwords."
            ).format(name=html.escape(account.display_name))
        )
        self.account_label.setObjectName("account_label")
        self.account_label.setWordWrap(True)
        self.account_label.setTextFormat(Qt.TextFormat.RichText)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.code_edit.setMinimumWidth(320)
        form = QFormLayout()
        form.addRow(self.tr("Recovery &code:"), self.code_edit)
        self.error_label = error_label("error_label")
        self.buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "approve_with_code_button", self.tr("Approve")
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.account_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setFixedWidth(DIALOG_WIDTH)
        self._fit_texts()
        self.code_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    @property
    def busy(self) -> bool:
        return self._busy

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _fit_texts(self) -> None:
        """Wrapped texts get the height they need (a dialog does not grow by itself for
        height-for-width labels), then the dialog takes its new size."""
        margins = self.layout().contentsMargins()
        width = DIALOG_WIDTH - margins.left() - margins.right()
        for label in (self.intro_label, self.account_label, self.error_label):
            fit_label_height(label, width)
        self.adjustSize()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.code_edit.text().strip()) and not self._busy)

    def _on_ok_clicked(self) -> None:
        code = self.code_edit.text().strip()
        if not code or self._busy:
            return
        self._busy = True
        self._update_ok()
        self.error_label.hide()
        self._tasks.run(
            self._session.clinical_key.approve_with_recovery_code,
            self._account.id,
            code,
            on_success=self._on_approved,
            on_failure=self._on_failed,
            label=self.tr("Checking the recovery code..."),
            owner=self,
        )

    def _on_approved(self, view: UserView) -> None:
        self._busy = False
        self.approved = view
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._fit_texts()
        self._update_ok()
        self.code_edit.setFocus()
        self.code_edit.selectAll()


class ClinicalApprovalDialog(QDialog):
    """The clinical accounts awaiting access, and their approval (four-eyes).

    ``status``: what the caller already fetched (else the dialog asks the
    services). ``sig_approved(UserView)`` after each approval; the list is then
    read again. "Later" closes the dialog; the approvals stay available from
    the Security menu and the banner.
    """

    sig_approved = Signal(object)
    # the list was (re)loaded (tests)
    sig_loaded = Signal()

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        status: ClinicalKeyStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinical_approval_dialog")
        self.setWindowTitle(self.tr("Access to clinical data"))
        self.setWindowIcon(icon("key"))
        self._session = session
        self._tasks = tasks
        self._status: ClinicalKeyStatus | None = None
        self._busy = False
        self.code_dialog: RecoveryCodeApprovalDialog | None = None
        self.approved: list[UserView] = []

        self.title_label = QLabel(self.tr("Accounts awaiting access to clinical data"))
        style.set_role(self.title_label, "title")
        self.intro_label = QLabel()
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.model = AwaitingAccountTableModel(self)
        self.table = data_table("awaiting_table", self.model, row_height=30)
        set_column_modes(
            self.table.horizontalHeader(),
            widths={AwaitingAccountTableModel.COL_ROLE: 170},
            contents=(AwaitingAccountTableModel.COL_IDENTIFIER,),
            stretch=(AwaitingAccountTableModel.COL_NAME, AwaitingAccountTableModel.COL_STATE),
        )
        self.table.setMinimumHeight(150)
        self.message_label = QLabel()
        self.message_label.setObjectName("approval_message_label")
        show_banner(self.message_label, "")
        self.approve_button = QPushButton(self.tr("Approve access"))
        self.approve_button.setObjectName("approve_button")
        self.approve_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.setObjectName("later_button")
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.resize(780, 430)

        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.later_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(self._on_row_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        if status is not None:
            self.set_status(status)
        else:
            self._update_buttons()
            self.reload()

    # ----------------------------------------------------------------- public
    @property
    def status(self) -> ClinicalKeyStatus | None:
        return self._status

    def message(self) -> str:
        return "" if self.message_label.isHidden() else self.message_label.text()

    def reload(self) -> None:
        """Read the awaiting accounts again (in the background)."""
        self._tasks.run(
            fetch_clinical_key_status,
            self._session,
            on_success=self.set_status,
            on_failure=self._on_failed,
            label=self.tr("Loading the accounts awaiting approval..."),
            owner=self,
        )

    def set_status(self, status: ClinicalKeyStatus) -> None:
        selected = self.selected_account()
        self._status = status
        self.model.set_rows(status.awaiting)
        self.intro_label.setText(self._intro(status))
        self.approve_button.setText(
            self.tr("Approve with the recovery code...")
            if status.recovery_code_needed and not status.holder
            else self.tr("Approve access")
        )
        row = self.model.row_of(selected.id) if selected is not None else -1
        if row < 0:
            row = next(
                (i for i, account in enumerate(status.awaiting) if is_approvable(account)), -1
            )
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.sig_loaded.emit()

    def selected_account(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select_account(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    # ---------------------------------------------------------------- private
    def _intro(self, status: ClinicalKeyStatus) -> str:
        if not status.awaiting:
            return self.tr("No account is awaiting access to clinical data.")
        if status.holder:
            return self.tr(
                "These practitioner and genetic counsellor accounts are waiting for access to "
                "clinical data. Approving an account gives it the clinical key that protects "
                "all the clinical data of the database: approve only colleagues whose identity "
                "you have checked (name, RPPS or ADELI)."
            )
        if status.recovery_code_needed:
            return self.tr(
                "Nobody holds the clinical key yet: the first account is approved with the "
                "recovery code of the database. Once approved, that account approves its "
                "colleagues."
            )
        return self.tr(
            "You do not hold the clinical key yet: these accounts will be approved by a "
            "colleague who holds it."
        )

    def _update_buttons(self, *_args: object) -> None:
        status = self._status
        account = self.selected_account()
        can = (
            status is not None
            and status.may_approve
            and account is not None
            and is_approvable(account)
            and not self._busy
        )
        self.approve_button.setEnabled(can)
        self.approve_button.setVisible(status is None or bool(status.awaiting))
        waiting = status is not None and bool(status.approvable) and status.may_approve
        self.later_button.setText(self.tr("Later") if waiting else self.tr("Close"))

    def _on_row_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.approve_button.isEnabled():
            self._on_approve_clicked()

    def _on_approve_clicked(self) -> None:
        status = self._status
        account = self.selected_account()
        if status is None or account is None or self._busy or not is_approvable(account):
            return
        show_banner(self.message_label, "")
        if status.holder:
            self._busy = True
            self._update_buttons()
            self._tasks.run(
                self._session.clinical_key.approve,
                account.id,
                on_success=self._on_approved,
                on_failure=self._on_failed,
                label=self.tr("Approving access to clinical data..."),
                owner=self,
            )
        elif status.recovery_code_needed:
            dialog = RecoveryCodeApprovalDialog(self._session, self._tasks, account, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda d=dialog: self._on_approved(d.approved))
            self.code_dialog = dialog
            dialog.open()

    def _on_approved(self, view: UserView | None) -> None:
        self._busy = False
        if view is None:
            return
        self.approved.append(view)
        show_banner(
            self.message_label,
            self.tr("Access to clinical data approved for {name}.").format(name=view.display_name),
            "ok",
        )
        self.sig_approved.emit(view)
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        show_banner(self.message_label, error_text(exc), "error")
        self._update_buttons()


_ENDORSE_TITLE = QT_TRANSLATE_NOOP("ClinicalKeyDialogs", "New recovery sheet")
_ENDORSE_TEXT = QT_TRANSLATE_NOOP(
    "ClinicalKeyDialogs", "Give the clinical key to the code of the new recovery sheet?"
)
_ENDORSE_DETAIL = QT_TRANSLATE_NOOP(
    "ClinicalKeyDialogs",
    "An administrator issued a new recovery sheet. Until a holder of the clinical key "
    "endorses it, its code cannot open clinical data: if nobody held the key any more, "
    "they could not be recovered.\n\n"
    "Endorse it only if you trust the administrator who issued it and know that they did "
    "so recently: whoever knows that code can read all the clinical data. If no new sheet "
    "was issued, do not endorse it and alert your administrator: the key file may have "
    "been tampered with.",
)
_ENDORSE_BUTTON = QT_TRANSLATE_NOOP("ClinicalKeyDialogs", "Endorse the sheet")


def confirm_recovery_endorsement(parent: QWidget, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask a holder to give the clinical key to the code of a new recovery sheet.

    Nothing in the key file proves who made the recovery slot: the holder must
    trust the administrator who issued the sheet (docs/security.md).
    """
    return confirm(
        parent,
        _tr(_ENDORSE_TITLE),
        _tr(_ENDORSE_TEXT),
        _tr(_ENDORSE_DETAIL),
        _tr(_ENDORSE_BUTTON),
        on_yes,
        object_name="endorse_recovery_box",
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClinicalKeyDialogs", text)
