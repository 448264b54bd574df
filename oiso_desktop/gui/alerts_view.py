"""Administration: the access alerts raised by the maintenance job (DESIGN.md §6).

Inform the user (an email through the outbox), suspend the account (with a
confirmation), mark the alert reviewed with an optional comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from oiso_desktop.gui import style
from oiso_desktop.gui.alert_table_model import AlertTableModel, alert_kind_label
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    set_column_modes,
)
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.services.alerts_service import AccessAlertView, AlertsService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from oiso_desktop.services.auth_service import UserSession

__all__ = ["AlertsView"]


class AlertsView(QWidget):
    """The administrators' queue of access alerts."""

    sig_alerts_loaded = Signal()
    #: alerts not yet reviewed (the navigation entry's tool tip)
    sig_pending_count_changed = Signal(int)

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_view")
        self._session = session
        self._tasks = tasks
        self._service = AlertsService(session.ctx)
        self.last_confirmation: QMessageBox | None = None

        layout, _title = page_layout(self, self.tr("Access alerts"))
        intro = QLabel(
            self.tr(
                "Raised by the daily maintenance: many files opened in a short time, use "
                "outside working hours (21:00–07:00 and weekends), repeated failed sign-ins, "
                "break-the-glass. Never a patient's data."
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        layout.addWidget(intro)

        top = QHBoxLayout()
        self.show_reviewed_check = QCheckBox(self.tr("Show the alerts already reviewed"))
        self.show_reviewed_check.setObjectName("show_reviewed_check")
        top.addWidget(self.show_reviewed_check)
        top.addStretch(1)
        self.count_label = count_label()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.model = AlertTableModel(self)
        self.table = data_table("alert_table", self.model)
        set_column_modes(
            self.table.horizontalHeader(),
            contents=(
                AlertTableModel.COL_WHEN,
                AlertTableModel.COL_KIND,
                AlertTableModel.COL_COUNT,
            ),
            stretch=(AlertTableModel.COL_ACCOUNT, AlertTableModel.COL_STATE),
        )
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.inform_button = QPushButton(icon("info"), self.tr("Inform the user"))
        self.inform_button.setObjectName("inform_button")
        self.suspend_button = QPushButton(icon("suspend"), self.tr("Suspend the account…"))
        self.suspend_button.setObjectName("suspend_button")
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("comment_edit")
        self.comment_edit.setPlaceholderText(self.tr("Comment (optional)"))
        self.review_button = QPushButton(icon("verify"), self.tr("Mark as reviewed"))
        self.review_button.setObjectName("review_button")
        actions.addWidget(self.inform_button)
        actions.addWidget(self.suspend_button)
        actions.addSpacing(12)
        actions.addWidget(self.comment_edit, 1)
        actions.addWidget(self.review_button)
        layout.addLayout(actions)

        self.status_label = QLabel("")
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.show_reviewed_check.toggled.connect(lambda _checked: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.inform_button.clicked.connect(self._on_inform_clicked)
        self.suspend_button.clicked.connect(self._on_suspend_clicked)
        self.review_button.clicked.connect(self._on_review_clicked)
        self._update_buttons()
        self.reload()

    # -------------------------------------------------------------------- data
    def reload(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_alert()
            select_id = current.id if current is not None else None
        self._tasks.run(
            self._service.list_alerts,
            include_reviewed=self.show_reviewed_check.isChecked(),
            on_success=lambda rows: self._on_loaded(rows, select_id),
            on_failure=self._on_failed,
            label=self.tr("Loading the alerts…"),
            owner=self,
        )

    def _on_loaded(self, rows: tuple[AccessAlertView, ...], select_id: int | None) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n alert(s)", "", len(rows)))
        if select_id is not None and (row := self.model.row_of(select_id)) >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.sig_pending_count_changed.emit(sum(1 for row in rows if row.reviewed_at is None))
        self.sig_alerts_loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self.sig_alerts_loaded.emit()

    def selected_alert(self) -> AccessAlertView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(AlertTableModel.ROW_ROLE)

    def _update_buttons(self, *_args: object) -> None:
        alert = self.selected_alert()
        account = alert is not None and alert.user_id is not None and bool(alert.display_name)
        myself = alert is not None and alert.user_id == self._session.actor.user_id
        self.inform_button.setEnabled(account)
        self.suspend_button.setEnabled(
            account and alert is not None and alert.user_status == "active" and not myself
        )
        self.review_button.setEnabled(alert is not None and alert.reviewed_at is None)
        self.comment_edit.setEnabled(self.review_button.isEnabled())

    def _show_status(self, text: str, kind: str = "ok") -> None:
        self.status_label.setText(text)
        style.set_role(self.status_label, kind)

    # ------------------------------------------------------------------ actions
    def _act(self, fn, alert: AccessAlertView, done: str, label: str, *args: object) -> None:  # type: ignore[no-untyped-def]
        self._tasks.run(
            fn,
            alert.id,
            *args,
            writer=True,
            on_success=lambda _view: self._on_done(alert, done),
            on_failure=self._on_action_failed,
            label=label,
            owner=self,
        )

    def _on_done(self, alert: AccessAlertView, text: str) -> None:
        self._show_status(text, "ok")
        self.reload(select_id=alert.id)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._show_status(error_text(exc), "error")
        self.reload()

    def _on_inform_clicked(self) -> None:
        alert = self.selected_alert()
        if alert is None:
            return
        self._act(
            self._service.inform_user,
            alert,
            self.tr("An email to {name} is queued (no patient data in it).").format(
                name=alert.display_name
            ),
            self.tr("Preparing the email…"),
        )

    def _on_suspend_clicked(self) -> None:
        alert = self.selected_alert()
        if alert is None:
            return
        self.last_confirmation = confirm(
            self,
            self.tr("Suspend an account"),
            self.tr("Suspend the account {login} ({name})?").format(
                login=alert.login, name=alert.display_name
            ),
            self.tr(
                "Alert: {kind}. The user will no longer be able to sign in until the account "
                "is reactivated in the user accounts. Their patient files stay as they are."
            ).format(kind=alert_kind_label(alert.kind)),
            self.tr("Suspend"),
            lambda: self._act(
                self._service.suspend_user,
                alert,
                self.tr("Account {login} suspended.").format(login=alert.login),
                self.tr("Suspending the account…"),
            ),
        )

    def _on_review_clicked(self) -> None:
        alert = self.selected_alert()
        if alert is None:
            return
        comment = self.comment_edit.text()
        self.comment_edit.clear()
        self._act(
            self._service.mark_reviewed,
            alert,
            self.tr("Alert marked as reviewed."),
            self.tr("Saving…"),
            comment,
        )
