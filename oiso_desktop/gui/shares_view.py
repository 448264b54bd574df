"""The "Partages" page: the files I shared (change the level, remove the access)
and the files shared with me; open a file with a double-click or Enter.

Both lists come from ``session.sharing`` (``shared_by_me``, ``shared_with_me``),
read in the background each time the page is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.permissions import Permission, ShareAccess
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.shares_table_model import (
    SharedByMeModel,
    SharedWithMeModel,
    ShareFilterProxyModel,
)
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    search_field,
    set_column_modes,
)
from oiso_desktop.gui.widgets.dialog_parts import confirm
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.sharing_service import ShareView

__all__ = ["SharesView"]

_BY_ME, _WITH_ME = 0, 1


def _load_both(session: UserSession) -> tuple[tuple[ShareView, ...], tuple[ShareView, ...]]:
    """Both lists, in one background task (two reads)."""
    return session.sharing.shared_by_me(), session.sharing.shared_with_me()


class _ShareTab(QWidget):
    """One tab: a count, the table (or a sentence when there is nothing), actions."""

    def __init__(self, name: str, model: SharedByMeModel | SharedWithMeModel) -> None:
        super().__init__()
        self.setObjectName(f"{name}_tab")
        self.model = model
        self.proxy = ShareFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.count_label = count_label()
        self.count_label.setObjectName(f"{name}_count_label")
        layout.addWidget(self.count_label)
        self.stack = QStackedWidget()
        self.table: QTableView = data_table(f"{name}_table", self.proxy)
        self.table.setWordWrap(False)
        set_column_modes(
            self.table.horizontalHeader(),
            widths={model.COL_PATIENT: 220, model.COL_PERSON: 200},
            contents=(model.COL_BIRTH_DATE, model.COL_LEVEL, model.COL_DATE),
            stretch=(model.COL_MESSAGE,),
        )
        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{name}_empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style.set_role(self.empty_label, "hint")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        layout.addWidget(self.stack, 1)
        self.actions = QHBoxLayout()
        self.actions.addStretch(1)
        layout.addLayout(self.actions)

    def selected_share(self) -> ShareView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return index.data(SharedByMeModel.SHARE_ROLE)

    def show_empty(self, text: str | None) -> None:
        """The sentence instead of the table (None: the table)."""
        if text:
            self.empty_label.setText(text)
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)


class SharesView(QWidget):
    """The files I shared and the files shared with me.

    ``sig_open_patient(int)``: the user asked to open a file (the main window opens
    it as the patient list does); ``sig_shares_loaded`` after each load, and
    ``sig_share_changed`` after a level change or a removal (tests, other pages).
    """

    sig_open_patient = Signal(int)
    sig_shares_loaded = Signal()
    sig_share_changed = Signal()

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shares_view")
        self._session = session
        self._tasks = tasks
        self._loaded = False
        self._loading = False
        self.last_confirmation: QMessageBox | None = None

        layout, _title = page_layout(self, self.tr("Sharing"))

        top = QHBoxLayout()
        self.filter_edit = search_field(
            "filter_edit", self.tr("Filter: patient, colleague, level, message…")
        )
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        top.addWidget(self.filter_edit, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("shares_tab_widget")
        self.by_me = _ShareTab("by_me", SharedByMeModel(self))
        self.with_me = _ShareTab("with_me", SharedWithMeModel(self))
        self.tabs.addTab(self.by_me, icon("shares"), "")
        self.tabs.addTab(self.with_me, icon("patients"), "")
        # Only practitioners own files: a counsellor sees what is shared with them.
        self.tabs.setTabVisible(_BY_ME, session.can(Permission.CREATE_PATIENT))
        if not self.tabs.isTabVisible(_BY_ME):
            self.tabs.setCurrentIndex(_WITH_ME)
        layout.addWidget(self.tabs, 1)

        self.level_button = self._button("edit", "", "level_button")
        # Its text follows the selected share: wide enough for either.
        widths = []
        for text in (self.tr("Make read only"), self.tr("Allow writing")):
            self.level_button.setText(text)
            widths.append(self.level_button.sizeHint().width())
        self.level_button.setMinimumWidth(max(widths))
        self.level_button.clicked.connect(self._on_level_clicked)
        self.revoke_button = self._button("revoke", self.tr("Remove the access…"), "revoke_button")
        self.revoke_button.setToolTip(
            self.tr("The colleague no longer sees this file (you may share it again later)")
        )
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.open_by_me_button = self._button("patients", self.tr("Open the file"), "open_button")
        for button in (self.level_button, self.revoke_button, self.open_by_me_button):
            self.by_me.actions.addWidget(button)
        self.open_with_me_button = self._button("patients", self.tr("Open the file"), "open_button")
        self.with_me.actions.addWidget(self.open_with_me_button)
        self.open_by_me_button.clicked.connect(lambda: self._open_selected(self.by_me))
        self.open_with_me_button.clicked.connect(lambda: self._open_selected(self.with_me))

        for tab in (self.by_me, self.with_me):
            tab.table.doubleClicked.connect(self._on_row_activated)
            tab.table.installEventFilter(self)
            tab.table.selectionModel().selectionChanged.connect(self._update_actions)
            tab.proxy.modelReset.connect(self._update_actions)
        self._update_counts()
        self._update_actions()

    def _button(self, icon_name: str, text: str, name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        return button

    # ---------------------------------------------------------------- loading
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()  # someone may have shared or removed a file meanwhile

    def refresh(self) -> None:
        """Read both lists again, in the background."""
        if self._loading:
            return
        self._loading = True
        self._tasks.run(
            _load_both,
            self._session,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            label=self.tr("Loading the shares…"),
            writer=False,
            owner=self,
        )

    def is_loaded(self) -> bool:
        return self._loaded

    def _on_loaded(self, result: tuple[tuple[ShareView, ...], tuple[ShareView, ...]]) -> None:
        self._loading = False
        self._loaded = True
        by_me, with_me = result
        self._set_shares(self.by_me, by_me)
        self._set_shares(self.with_me, with_me)
        self._update_counts()
        self.sig_shares_loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_banner(self.message_label, error_text(exc), "error")
        self.sig_shares_loaded.emit()

    @staticmethod
    def _set_shares(tab: _ShareTab, shares: tuple[ShareView, ...]) -> None:
        """New rows, keeping the selected share selected when it is still there."""
        kept = tab.selected_share()
        tab.model.set_shares(shares)
        if kept is None:
            if shares:  # a row selected: Enter opens it, the actions apply to it
                tab.table.selectRow(0)
        else:
            for row, share in enumerate(shares):
                if (share.patient.id, share.recipient.id) == (
                    kept.patient.id,
                    kept.recipient.id,
                ):
                    tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(row, 0)).row())
                    break

    def _on_filter_changed(self, text: str) -> None:
        for tab in (self.by_me, self.with_me):
            tab.proxy.set_filter_text(text)
        self._update_counts()
        self._update_actions()

    def _count_text(self, tab: _ShareTab, count: int) -> str:
        if tab is self.by_me:
            return self.tr("%Ln share(s) of your files", "", count)
        return self.tr("%Ln file(s) shared with you", "", count)

    def _empty_text(self, tab: _ShareTab) -> str:
        if tab is self.by_me:
            return self.tr("You have not shared any file. A file is shared from its “Sharing” tab.")
        return self.tr("No file is shared with you.")

    def _update_counts(self) -> None:
        filtered = bool(self.filter_edit.text().strip())
        titles = {self.by_me: self.tr("Shared by me"), self.with_me: self.tr("Shared with me")}
        for tab, title in titles.items():
            total = tab.model.rowCount()
            shown = tab.proxy.rowCount()
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{title} ({total})")
            if not self._loaded:
                tab.count_label.setText(self.tr("Loading…"))
                tab.show_empty(None)
            elif total == 0:
                tab.count_label.setText("")
                tab.show_empty(self._empty_text(tab))
            elif filtered:
                tab.count_label.setText(
                    self.tr("%Ln shown out of", "", shown) + " " + self._count_text(tab, total)
                )
                tab.show_empty(None if shown else self.tr("No share matches the filter."))
            else:
                tab.count_label.setText(self._count_text(tab, total))
                tab.show_empty(None)

    # ---------------------------------------------------------------- actions
    def _update_actions(self) -> None:
        share = self.by_me.selected_share()
        self.level_button.setEnabled(share is not None)
        self.revoke_button.setEnabled(share is not None)
        self.open_by_me_button.setEnabled(share is not None)
        self.open_with_me_button.setEnabled(self.with_me.selected_share() is not None)
        if share is not None and share.access is ShareAccess.WRITE:
            self.level_button.setText(self.tr("Make read only"))
            self.level_button.setToolTip(
                self.tr("The colleague may read the file but no longer change it")
            )
        else:
            self.level_button.setText(self.tr("Allow writing"))
            self.level_button.setToolTip(
                self.tr("The colleague may change the file, not only read it")
            )

    def _on_level_clicked(self) -> None:
        share = self.by_me.selected_share()
        if share is None:
            return
        level = ShareAccess.READ if share.access is ShareAccess.WRITE else ShareAccess.WRITE
        self.change_level(share, level)

    def change_level(self, share: ShareView, level: ShareAccess) -> None:
        self.message_label.hide()
        self._tasks.run(
            self._session.sharing.change_level,
            share.patient.id,
            share.recipient.id,
            level,
            on_success=lambda _view: self._on_changed(
                self.tr("The level of the share has been changed.")
            ),
            on_failure=self._on_action_failed,
            label=self.tr("Changing the level…"),
            owner=self,
        )

    def _on_revoke_clicked(self) -> None:
        share = self.by_me.selected_share()
        if share is None:
            return
        self.last_confirmation = confirm(
            self,
            self.tr("Remove the access"),
            self.tr("Remove the access of {colleague} to the file of {patient}?").format(
                colleague=share.recipient.display_name, patient=share.patient.display_name
            ),
            self.tr(
                "{colleague} will no longer see this file, nor find it in a search. You may "
                "share it again later."
            ).format(colleague=share.recipient.display_name),
            self.tr("Remove the access"),
            lambda: self.revoke(share),
            object_name="revoke_confirmation_box",
        )

    def revoke(self, share: ShareView) -> None:
        """Remove the access (after the confirmation)."""
        self.message_label.hide()
        self._tasks.run(
            self._session.sharing.revoke_share,
            share.patient.id,
            share.recipient.id,
            on_success=lambda _none: self._on_changed(
                self.tr("{colleague} no longer has access to the file of {patient}.").format(
                    colleague=share.recipient.display_name, patient=share.patient.display_name
                )
            ),
            on_failure=self._on_action_failed,
            label=self.tr("Removing the access…"),
            owner=self,
        )

    def _on_changed(self, text: str) -> None:
        show_banner(self.message_label, text, "ok")
        self.sig_share_changed.emit()
        self.refresh()

    def _on_action_failed(self, exc: BaseException) -> None:
        show_banner(self.message_label, error_text(exc), "error")
        self.refresh()

    # ---------------------------------------------------------------- open
    def _on_row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = index.data(SharedByMeModel.PATIENT_ID_ROLE)
        if patient_id is not None:
            self.sig_open_patient.emit(int(patient_id))

    def _open_selected(self, tab: _ShareTab) -> None:
        share = tab.selected_share()
        if share is not None:
            self.sig_open_patient.emit(share.patient.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QTableView)
        ):
            self._on_row_activated(watched.currentIndex())
            return True
        return super().eventFilter(watched, event)
