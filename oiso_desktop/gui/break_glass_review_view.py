"""Administration: the review queue of break-the-glass accesses ("Accès d'urgence").

A practitioner may open a file not shared with them in an emergency, with a
written reason (``SharingService.break_glass``); each such access waits here
until an administrator marks it reviewed, with a comment. The administrator sees
who, when, which file id and the reason, never the patient's name nor the
content of the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.break_glass_table_model import BreakGlassTableModel, review_status_text
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.user_table_model import format_local_datetime
from oiso_desktop.gui.widgets.data_table import (
    count_label,
    data_table,
    page_layout,
    set_column_modes,
)
from oiso_desktop.gui.widgets.dialog_parts import error_label, ok_cancel_buttons
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.sharing_service import BreakGlassReview

__all__ = ["BreakGlassReviewView", "ReviewDialog"]

COMMENT_MAX = 2000


def _who(review: BreakGlassReview) -> str:
    """ "Claire Dubois (Praticien, CHU de Lyon)"."""
    details = role_label(review.user.role)
    if review.user.structure_name:
        details = f"{details}, {review.user.structure_name}"
    return f"{review.user.display_name} ({details})"


class ReviewDialog(QDialog):
    """Mark one break-the-glass access as reviewed, with a comment.

    ``sig_reviewed(review_id)`` once the service has recorded it.
    """

    sig_reviewed = Signal(int)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        review: BreakGlassReview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("review_dialog")
        self.setWindowTitle(self.tr("Mark an emergency access as reviewed"))
        self.setMinimumWidth(520)
        self._session = session
        self._tasks = tasks
        self.review = review

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.who_label = QLabel(_who(review))
        self.who_label.setObjectName("who_label")
        self.who_label.setWordWrap(True)
        form.addRow(self.tr("User:"), self.who_label)
        form.addRow(self.tr("Date and time:"), QLabel(format_local_datetime(review.occurred_at)))
        self.file_label = QLabel(str(review.patient_id))
        self.file_label.setObjectName("file_label")
        form.addRow(self.tr("File no.:"), self.file_label)
        self.reason_label = QLabel(review.reason)
        self.reason_label.setObjectName("reason_label")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Reason given:"), self.reason_label)
        layout.addLayout(form)

        comment_label = QLabel(self.tr("Your comment (checks made, follow-up):"))
        layout.addWidget(comment_label)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("comment_edit")
        self.comment_edit.setPlaceholderText(
            self.tr("For example: justified, the patient was admitted to the emergency unit.")
        )
        self.comment_edit.setFixedHeight(90)
        self.comment_edit.setTabChangesFocus(True)
        comment_label.setBuddy(self.comment_edit)
        layout.addWidget(self.comment_edit)

        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            "mark_reviewed_button", self.tr("Mark as reviewed")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()[:COMMENT_MAX]

    def save(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        self._tasks.run(
            self._session.sharing.mark_reviewed,
            self.review.id,
            self.comment(),
            on_success=lambda _result: self._on_saved(),
            on_failure=self._on_save_failed,
            label=self.tr("Recording the review…"),
            owner=self,
        )

    def _on_saved(self) -> None:
        self.sig_reviewed.emit(self.review.id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.error_label.show()


class BreakGlassReviewView(QWidget):
    """The queue of break-the-glass accesses and the administrator's review of them."""

    #: after each load of the queue (tests)
    sig_reviews_loaded = Signal()
    #: how many accesses await review, after each load
    sig_pending_count_changed = Signal(int)

    FILTER_PENDING = "pending"
    FILTER_ALL = "all"

    def __init__(
        self, session: UserSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("break_glass_review_view")
        self._session = session
        self._tasks = tasks
        self._load_seq = 0
        self._select_after_load: int | None = None
        self.review_dialog: ReviewDialog | None = None

        layout, _title = page_layout(self, self.tr("Emergency accesses"))
        intro = QLabel(
            self.tr(
                "A practitioner may open a file that is not shared with them in an emergency, "
                "after writing a reason. Each access waits here for your review: who, when, "
                "which file and why. The patient's name and the content of the file are never "
                "shown here."
            )
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        style.set_role(intro, "hint")
        layout.addWidget(intro)

        top = QHBoxLayout()
        top.setSpacing(8)
        show_label = QLabel(self.tr("Show:"))
        top.addWidget(show_label)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("filter_combo")
        self.filter_combo.addItem(self.tr("To review"), self.FILTER_PENDING)
        self.filter_combo.addItem(self.tr("All"), self.FILTER_ALL)
        show_label.setBuddy(self.filter_combo)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        self.refresh_button = QPushButton(icon("search"), self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        top.addWidget(self.refresh_button)
        self.review_button = QPushButton(icon("verify"), self.tr("Mark as reviewed…"))
        self.review_button.setObjectName("review_button")
        top.addWidget(self.review_button)
        layout.addLayout(top)

        self.model = BreakGlassTableModel(self)
        self.table = data_table("break_glass_table", self.model)
        set_column_modes(
            self.table.horizontalHeader(),
            widths={
                BreakGlassTableModel.COL_USER: 150,
                BreakGlassTableModel.COL_STRUCTURE: 150,
                BreakGlassTableModel.COL_STATUS: 180,
            },
            contents=(
                BreakGlassTableModel.COL_WHEN,
                BreakGlassTableModel.COL_ROLE,
                BreakGlassTableModel.COL_FILE,
            ),
            stretch=(BreakGlassTableModel.COL_REASON, BreakGlassTableModel.COL_COMMENT),
        )
        self.empty_label = QLabel("")
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        style.set_role(self.empty_label, "hint")
        self.body = QStackedWidget()
        self.body.setObjectName("body_stacked_widget")
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)
        layout.addWidget(self.body, 1)

        # The selected access in full: the table cuts long reasons and comments.
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_label)

        bottom = QHBoxLayout()
        self.count_label = count_label()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.status_label = QLabel("")
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)

        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.review_button.clicked.connect(self._on_review_clicked)
        self.table.doubleClicked.connect(lambda _index: self._on_review_clicked())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self._on_selection_changed()
        self.reload()

    # -------------------------------------------------------------------- data
    def include_reviewed(self) -> bool:
        return self.filter_combo.currentData() == self.FILTER_ALL

    def reload(self, select_review_id: int | None = None) -> None:
        if select_review_id is None:
            current = self.selected_review()
            select_review_id = current.id if current is not None else None
        self._select_after_load = select_review_id
        self._load_seq += 1
        seq = self._load_seq
        include = self.include_reviewed()
        self._tasks.run(
            self._session.sharing.list_break_glass_reviews,
            include_reviewed=include,
            on_success=lambda rows, seq=seq, include=include: self._on_loaded(seq, include, rows),
            on_failure=lambda exc, seq=seq: self._on_load_failed(seq, exc),
            label=self.tr("Loading the emergency accesses…"),
            owner=self,
        )

    def _on_loaded(
        self, seq: int, include_reviewed: bool, rows: tuple[BreakGlassReview, ...]
    ) -> None:
        if seq != self._load_seq:
            return
        self.model.set_rows(rows)
        # The comment column only says something once reviewed accesses are listed.
        self.table.setColumnHidden(BreakGlassTableModel.COL_COMMENT, not include_reviewed)
        pending = self.model.pending_count()
        if not rows:
            self.empty_label.setText(
                self.tr("No emergency access has been recorded.")
                if include_reviewed
                else self.tr("No emergency access awaits review.")
            )
            self.body.setCurrentWidget(self.empty_label)
            self.count_label.setText("")
        else:
            self.body.setCurrentWidget(self.table)
            if include_reviewed:
                self.count_label.setText(
                    self.tr("%n access(es) recorded", "", len(rows))
                    + " — "
                    + self.tr("%n to review", "", pending)
                )
            else:
                self.count_label.setText(self.tr("%n access(es) to review", "", pending))
        if self._select_after_load is not None:
            row = self.model.row_of(self._select_after_load)
            if row >= 0:
                self.table.selectRow(row)
        self._on_selection_changed()
        if not include_reviewed or rows:
            self.sig_pending_count_changed.emit(pending)
        self.sig_reviews_loaded.emit()

    def _on_load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._load_seq:
            return
        self.model.clear()
        self.body.setCurrentWidget(self.table)
        self.count_label.setText("")
        self._show_status(error_text(exc), "error")
        self._on_selection_changed()
        self.sig_reviews_loaded.emit()

    def selected_review(self) -> BreakGlassReview | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(BreakGlassTableModel.ROW_ROLE)

    def select_review(self, review_id: int) -> bool:
        row = self.model.row_of(review_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _on_selection_changed(self, *_args: object) -> None:
        review = self.selected_review()
        self.review_button.setEnabled(review is not None and review.reviewed_at is None)
        if review is None:
            self.detail_label.hide()
            return
        lines = [
            self.tr("{who} — file no. {file} — {when}").format(
                who=_who(review),
                file=review.patient_id,
                when=format_local_datetime(review.occurred_at),
            ),
            self.tr("Reason: {reason}").format(reason=review.reason),
        ]
        if review.reviewed_at is not None:
            lines.append(review_status_text(review))
            if review.comment:
                lines.append(self.tr("Comment: {comment}").format(comment=review.comment))
        self.detail_label.setText("\n".join(lines))
        self.detail_label.show()

    def _show_status(self, text: str, kind: str = "ok") -> None:
        show_banner(self.status_label, text, kind)

    # ------------------------------------------------------------------ review
    def _on_review_clicked(self) -> None:
        review = self.selected_review()
        if review is None or review.reviewed_at is not None:
            return
        dialog = ReviewDialog(self._session, self._tasks, review, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_reviewed.connect(self._on_reviewed)
        self.review_dialog = dialog
        dialog.open()

    def _on_reviewed(self, review_id: int) -> None:
        self._show_status(self.tr("The emergency access has been marked as reviewed."), "ok")
        self.reload(select_review_id=review_id)
