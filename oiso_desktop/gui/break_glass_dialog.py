"""Break-the-glass: a practitioner opens, read-only, a file not shared with them
(DESIGN.md §3; issue 8).

Two steps. First an exact identity — the whole NIR, or the birth name, a first
name and the birth date — looked up by ``session.sharing.find_for_break_glass``
(exact matches only, among the files the user may not open; never a partial
search). Then the file chosen and the reason written (at least
:data:`~oiso_desktop.domain.permissions.BREAK_GLASS_REASON_MIN` characters, a live
counter, OK disabled below); ``session.sharing.break_glass`` then opens the file
for the session, and ``sig_opened(patient_id)`` asks the patient list to show it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.permissions import BREAK_GLASS_REASON_MIN
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.patient_table_model import format_date
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.date_line_edit import DateLineEdit
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.sharing_service import BreakGlassCandidate

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["BreakGlassDialog", "reason_length"]

_CANDIDATE_ROLE = Qt.ItemDataRole.UserRole


def reason_length(text: str) -> int:
    """The length the service counts (spaces collapsed, ends stripped)."""
    return len(" ".join(text.split()))


class BreakGlassDialog(QDialog):
    """Find a file by its exact identity, give a reason, open it read-only."""

    sig_opened = Signal(int)  # the patient id, now readable for the session
    sig_looked_up = Signal()  # tests: a lookup answered (or failed)

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("break_glass_dialog")
        self.setWindowTitle(self.tr("Emergency access (break-the-glass)"))
        self._session = session
        self._tasks = tasks
        self.busy = False
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._identity_page())
        self.stack.addWidget(self._reason_page())
        self.error_label = error_label()
        layout.addWidget(self.error_label)

        buttons_row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("back_button")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._on_back)
        buttons_row.addWidget(self.back_button)
        buttons_row.addStretch(1)
        buttons, self.ok_button, _cancel = ok_cancel_buttons("break_glass_ok_button")
        # wide enough for the text of either step (it changes with the step)
        metrics = self.ok_button.fontMetrics()
        self.ok_button.setMinimumWidth(
            max(metrics.horizontalAdvance(text) for text in self._ok_texts()) + 32
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        buttons_row.addWidget(buttons)
        layout.addLayout(buttons_row)
        self._show_step(0)
        self.resize(640, 560)

    # ------------------------------------------------------------------ pages
    def _identity_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("identity_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "In an emergency, you may read a patient file that is not shared with you. "
                "Enter the patient's exact identity: the full NIR, or the birth name, a "
                "first name and the birth date. Only an exact match is shown, never a list "
                "of patients."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.nir_edit = QLineEdit()
        self.nir_edit.setObjectName("nir_edit")
        self.nir_edit.setPlaceholderText(self.tr("15 characters, key included"))
        self.nir_edit.setMaxLength(21)
        form.addRow(self.tr("NIR:"), self.nir_edit)
        or_label = QLabel(self.tr("or"))
        style.set_role(or_label, "hint")
        form.addRow("", or_label)
        self.birth_name_edit = QLineEdit()
        self.birth_name_edit.setObjectName("birth_name_edit")
        form.addRow(self.tr("Birth name:"), self.birth_name_edit)
        self.first_name_edit = QLineEdit()
        self.first_name_edit.setObjectName("first_name_edit")
        form.addRow(self.tr("First name:"), self.first_name_edit)
        self.birth_date_edit = DateLineEdit()
        self.birth_date_edit.setObjectName("birth_date_edit")
        form.addRow(self.tr("Birth date:"), self.birth_date_edit)
        layout.addLayout(form)
        self.lookup_status = QLabel()
        self.lookup_status.setObjectName("lookup_status_label")
        self.lookup_status.setWordWrap(True)
        style.set_role(self.lookup_status, "hint")
        layout.addWidget(self.lookup_status)
        layout.addStretch(1)
        # Enter in a field presses the dialog's default button (Look up).
        for edit in (self.nir_edit, self.birth_name_edit, self.first_name_edit):
            edit.textChanged.connect(self._update_ok)
        self.birth_date_edit.textChanged.connect(self._update_ok)
        return page

    def _reason_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("reason_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("File to open"))
        style.set_role(title, "section")
        layout.addWidget(title)
        self.candidates = QListWidget()
        self.candidates.setObjectName("candidate_list")
        self.candidates.setMaximumHeight(110)
        self.candidates.currentRowChanged.connect(self._update_ok)
        layout.addWidget(self.candidates)
        reason_title = QLabel(self.tr("Why do you need this file?"))
        style.set_role(reason_title, "section")
        layout.addWidget(reason_title)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(
            self.tr("For example: patient admitted to the emergency department tonight")
        )
        self.reason_edit.textChanged.connect(self._update_ok)
        layout.addWidget(self.reason_edit, 1)
        self.counter_label = QLabel()
        self.counter_label.setObjectName("reason_counter_label")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.counter_label)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("break_glass_warning_label")
        self.warning_label.setWordWrap(True)
        layout.addWidget(self.warning_label)
        show_banner(
            self.warning_label,
            self.tr(
                "This access is logged with your name and your reason, shown to the file's "
                "owner at their next login, and reviewed by an administrator. The file opens "
                "read-only, until you log out."
            ),
            "warning",
        )
        return page

    # ------------------------------------------------------------------ state
    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.ok_button.setText(self._ok_texts()[index])
        self.error_label.hide()
        self._update_ok()
        if index == 0:
            self.nir_edit.setFocus()
        else:
            self.reason_edit.setFocus()

    def _ok_texts(self) -> tuple[str, str]:
        return self.tr("Look up"), self.tr("Open read-only")

    def reason_ok(self) -> bool:
        return reason_length(self.reason_edit.toPlainText()) >= BREAK_GLASS_REASON_MIN

    def _update_ok(self) -> None:
        count = reason_length(self.reason_edit.toPlainText())
        self.counter_label.setText(
            self.tr("{count} / {minimum} characters minimum").format(
                count=count, minimum=BREAK_GLASS_REASON_MIN
            )
        )
        style.set_role(self.counter_label, "ok" if self.reason_ok() else "hint")
        if self.step() == 0:
            identity = (
                self.birth_name_edit.text().strip()
                and self.first_name_edit.text().strip()
                and self.birth_date_edit.date() is not None
            )
            ready = bool(self.nir_edit.text().strip() or identity)
        else:
            ready = self.chosen() is not None and self.reason_ok()
        self.ok_button.setEnabled(ready and not self.busy)

    def chosen(self) -> BreakGlassCandidate | None:
        item = self.candidates.currentItem()
        return item.data(_CANDIDATE_ROLE) if item is not None else None

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_ok()

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    # ------------------------------------------------------------------ actions
    def _on_back(self) -> None:
        self._show_step(0)

    def _on_ok(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.step() == 0:
            self._look_up()
        else:
            self._break_glass()

    def _look_up(self) -> None:
        self.error_label.hide()
        self.lookup_status.setText("")
        self._set_busy(True)
        nir = self.nir_edit.text().strip()
        kwargs: dict[str, object] = (
            {"nir": nir}
            if nir
            else {
                "birth_name": self.birth_name_edit.text(),
                "first_name": self.first_name_edit.text(),
                "birth_date": self.birth_date_edit.date(),
            }
        )
        self._tasks.run(
            self._session.sharing.find_for_break_glass,
            on_success=self._on_found,
            on_failure=self._on_lookup_failed,
            label=self.tr("Looking up the identity…"),
            owner=self,
            **kwargs,
        )

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(exc)
        self.sig_looked_up.emit()

    def _on_found(self, found: tuple[BreakGlassCandidate, ...]) -> None:
        self._set_busy(False)
        if not found:
            self.lookup_status.setText(
                self.tr(
                    "No file you cannot already open matches this identity exactly. Check "
                    "the spelling, the birth date or the NIR (a file you can open is in your "
                    "list)."
                )
            )
            self.sig_looked_up.emit()
            return
        self.candidates.clear()
        for candidate in found:
            item = QListWidgetItem(
                self.tr("{name} — born on {date} — owner: {owner}").format(
                    name=candidate.display_name,
                    date=format_date(candidate.birth_date),
                    owner=candidate.owner_name,
                )
            )
            item.setData(_CANDIDATE_ROLE, candidate)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        self._show_step(1)
        self.sig_looked_up.emit()

    def _break_glass(self) -> None:
        candidate = self.chosen()
        if candidate is None:
            return
        self.error_label.hide()
        self._set_busy(True)
        self._tasks.run(
            self._session.sharing.break_glass,
            candidate.id,
            self.reason_edit.toPlainText(),
            on_success=lambda _notice: self._on_opened(candidate.id),
            on_failure=self._on_break_failed,
            label=self.tr("Opening the file in an emergency…"),
            owner=self,
        )

    def _on_break_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(exc)

    def _on_opened(self, patient_id: int) -> None:
        self._set_busy(False)
        self.sig_opened.emit(patient_id)
        self.accept()
