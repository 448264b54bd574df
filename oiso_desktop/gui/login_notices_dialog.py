"""What happened to my files since my last login: the files newly shared with me,
and the emergency (break-the-glass) openings of my files by colleagues.

The main window reads both (``load_login_notices``, in the background) after
login and shows :class:`LoginNoticesDialog` when there is something; "I have
read this" acknowledges them (``session.sharing.acknowledge_notices``) so that
they are not announced again. Closed otherwise, they come back at the next login.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import icon
from oiso_desktop.gui.patient_table_model import format_date
from oiso_desktop.gui.shares_table_model import share_level_label
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession
    from oiso_desktop.services.sharing_service import BreakGlassNotice, ShareView

__all__ = ["LoginNotices", "LoginNoticesDialog", "load_login_notices"]


@dataclass(frozen=True)
class LoginNotices:
    new_shares: tuple[ShareView, ...]
    break_glass: tuple[BreakGlassNotice, ...]

    def __bool__(self) -> bool:
        return bool(self.new_shares or self.break_glass)


def load_login_notices(session: UserSession) -> LoginNotices:
    """Both lists (two reads; run it in the background)."""
    return LoginNotices(
        new_shares=session.sharing.new_shares_since_last_login(),
        break_glass=session.sharing.break_glass_notices(),
    )


def _local(moment) -> tuple[str, str]:  # noqa: ANN001 - an aware datetime
    local = moment.astimezone()
    return format_date(local.date()), local.strftime("%H:%M")


class LoginNoticesDialog(QDialog):
    """The new shares and the break-the-glass accesses, in one dialog.

    ``sig_acknowledged`` once the service recorded that they were seen.
    """

    sig_acknowledged = Signal()

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        notices: LoginNotices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_notices_dialog")
        self.setWindowTitle(self.tr("Since your last login"))
        self._session = session
        self._tasks = tasks
        self.notices = notices
        self.acknowledged = False

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.shares_title_label = QLabel(
            self.tr("New files shared with you (%n)", "", len(notices.new_shares))
        )
        self.shares_title_label.setObjectName("shares_title_label")
        style.set_role(self.shares_title_label, "section")
        self.shares_browser = QTextBrowser()
        self.shares_browser.setObjectName("shares_browser")
        self.shares_browser.setHtml(self._shares_html())
        self.break_glass_title_label = QLabel(
            self.tr("Emergency access to your files (%n)", "", len(notices.break_glass))
        )
        self.break_glass_title_label.setObjectName("break_glass_title_label")
        style.set_role(self.break_glass_title_label, "section")
        self.break_glass_hint_label = QLabel(
            self.tr(
                "A colleague opened one of your files read only, without it being shared "
                "with them, giving the reason below. An administrator reviews each of "
                "these accesses."
            )
        )
        self.break_glass_hint_label.setWordWrap(True)
        style.set_role(self.break_glass_hint_label, "hint")
        self.break_glass_browser = QTextBrowser()
        self.break_glass_browser.setObjectName("break_glass_browser")
        self.break_glass_browser.setHtml(self._break_glass_html())

        for widgets, shown in (
            ((self.shares_title_label, self.shares_browser), bool(notices.new_shares)),
            (
                (
                    self.break_glass_title_label,
                    self.break_glass_hint_label,
                    self.break_glass_browser,
                ),
                bool(notices.break_glass),
            ),
        ):
            for widget in widgets:
                layout.addWidget(widget, 1 if isinstance(widget, QTextBrowser) else 0)
                widget.setVisible(shown)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.hide()
        layout.addWidget(self.message_label)

        buttons = QDialogButtonBox()
        self.acknowledge_button = QPushButton(icon("verify"), self.tr("I have read this"))
        self.acknowledge_button.setObjectName("acknowledge_button")
        self.acknowledge_button.setDefault(True)
        buttons.addButton(self.acknowledge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        layout.addWidget(buttons)
        self.resize(680, 460 if notices.new_shares and notices.break_glass else 340)

    # ---------------------------------------------------------------- content
    def _shares_html(self) -> str:
        items = []
        for share in self.notices.new_shares:
            day, time = _local(share.granted_at)
            line = self.tr(
                "<b>{patient}</b> (born on {birth}), shared by {owner}: <b>{level}</b>, "
                "on {date} at {time}"
            ).format(
                patient=html.escape(share.patient.display_name),
                birth=format_date(share.patient.birth_date),
                owner=html.escape(share.granted_by.display_name),
                level=html.escape(share_level_label(share.access).lower()),
                date=day,
                time=time,
            )
            if share.message:
                line += "<br>" + self.tr("Message: “{message}”").format(
                    message=html.escape(share.message).replace("\n", "<br>")
                )
            items.append(f"<li style='margin-bottom:6px'>{line}</li>")
        return "<ul>" + "".join(items) + "</ul>"

    def _break_glass_html(self) -> str:
        items = []
        for notice in self.notices.break_glass:
            day, time = _local(notice.occurred_at)
            if notice.patient is not None:
                patient = self.tr("the file of <b>{patient}</b> (born on {birth})").format(
                    patient=html.escape(notice.patient.display_name),
                    birth=format_date(notice.patient.birth_date),
                )
            else:
                patient = self.tr("the file no. {id} (no longer one of yours)").format(
                    id=notice.patient_id
                )
            line = self.tr("<b>{user}</b> opened {patient} on {date} at {time}.").format(
                user=html.escape(notice.user.display_name), patient=patient, date=day, time=time
            )
            line += "<br>" + self.tr("Reason given: “{reason}”").format(
                reason=html.escape(notice.reason)
            )
            items.append(f"<li style='margin-bottom:6px'>{line}</li>")
        return "<ul>" + "".join(items) + "</ul>"

    # ---------------------------------------------------------------- acknowledge
    def acknowledge(self) -> None:
        """Record that the notices were seen, then close."""
        self.acknowledge_button.setEnabled(False)
        self.message_label.hide()
        self._tasks.run(
            self._session.sharing.acknowledge_notices,
            self.notices.new_shares,  # those shown: not one that arrived since
            self.notices.break_glass,
            on_success=self._on_acknowledged,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_acknowledged(self, _result: object) -> None:
        self.acknowledged = True
        self.sig_acknowledged.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.acknowledge_button.setEnabled(True)
        show_banner(self.message_label, error_text(exc), "error")
