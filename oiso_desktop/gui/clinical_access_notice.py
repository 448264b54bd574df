"""What a clinical view shows instead of clinical data the session cannot read.

A clinical account not approved yet (``ClinicalAccess.AWAITING_APPROVAL``)
holds no clinical key: its clinical tabs show :class:`ClinicalAccessNotice`
rather than failing on an error. The patient-file window builds one in place
of its clinical tabs::

    state = session.clinical_access  # or clinical_access_state_of(exc) on a failure
    if state is not ClinicalAccess.GRANTED:
        notice = ClinicalAccessNotice(state, session=session, tasks=tasks)
        notice.sig_access_changed.connect(self._on_clinical_access_changed)

With a session and a task runner, the notice offers "Check again", which asks
the services (in the background) and emits ``sig_access_changed`` when the
state changed, e.g. a colleague approved the account meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError, PermissionDenied
from oiso_desktop.domain.permissions import Permission
from oiso_desktop.gui import style
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.gui.icons import pixmap
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.gui.widgets.field_message import show_banner
from oiso_desktop.services.clinical_key_service import ClinicalAccess

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = [
    "ClinicalAccessNotice",
    "clinical_access_state_of",
    "clinical_access_text",
    "clinical_access_title",
]

CONTEXT = "ClinicalAccessNotice"

_TITLES = {
    ClinicalAccess.AWAITING_APPROVAL: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice", "Access to clinical data awaiting approval"
    ),
    ClinicalAccess.NOT_APPLICABLE: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice", "Clinical data are reserved for practitioners and counsellors"
    ),
    ClinicalAccess.GRANTED: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice", "Access to clinical data approved"
    ),
}

_TEXTS = {
    ClinicalAccess.AWAITING_APPROVAL: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice",
        "Your account does not hold the clinical key yet: personal history, family and "
        "the other clinical data stay encrypted for you until a practitioner or genetic "
        "counsellor who already has access approves your account (they are asked at "
        "their next login). Meanwhile, patients' identity remains available.",
    ),
    ClinicalAccess.NOT_APPLICABLE: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice",
        "Clinical data (personal history, family, genetics) are encrypted for the "
        "practitioners and genetic counsellors approved to read them. Your role does not "
        "give access to them.",
    ),
    ClinicalAccess.GRANTED: QT_TRANSLATE_NOOP(
        "ClinicalAccessNotice",
        "Your account now holds the clinical key: open the file again to see its clinical data.",
    ),
}

_CLINICAL_PERMISSIONS = {
    str(Permission.HOLD_CLINICAL_KEY),
    str(Permission.VIEW_CLINICAL),
    str(Permission.EDIT_CLINICAL),
}


def clinical_access_title(state: ClinicalAccess | str) -> str:
    """The short translated title of ``state`` ("Accès aux données cliniques en attente…")."""
    return QCoreApplication.translate(CONTEXT, _TITLES[ClinicalAccess(state)])


def clinical_access_text(state: ClinicalAccess | str) -> str:
    """The translated explanation of ``state``, for a notice or a tooltip."""
    return QCoreApplication.translate(CONTEXT, _TEXTS[ClinicalAccess(state)])


def clinical_access_state_of(exc: BaseException) -> ClinicalAccess | None:
    """The access state an error of a clinical call stands for, or None.

    ``clinical_access_awaiting``: the account is not approved yet; a refusal of
    the role for a clinical permission: the role never holds the clinical key.
    """
    if not isinstance(exc, OisoError):
        return None
    if exc.code == ErrorCode.CLINICAL_ACCESS_AWAITING:
        return ClinicalAccess.AWAITING_APPROVAL
    if (
        isinstance(exc, PermissionDenied)
        and exc.params.get("reason") == "role"
        and exc.params.get("permission") in _CLINICAL_PERMISSIONS
    ):
        return ClinicalAccess.NOT_APPLICABLE
    return None


class ClinicalAccessNotice(QWidget):
    """A card explaining why clinical data are not shown (in place of clinical tabs).

    ``state``: a :class:`ClinicalAccess` (or its value). With ``session`` and
    ``tasks``, an awaiting account gets a "Check again" button; the check runs
    in the background and ``sig_access_changed(str)`` (the new state's value)
    is emitted when the state changed.
    """

    sig_access_changed = Signal(str)

    def __init__(
        self,
        state: ClinicalAccess | str = ClinicalAccess.AWAITING_APPROVAL,
        *,
        session: UserSession | None = None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinical_access_notice")
        self._session = session
        self._tasks = tasks
        self._state = ClinicalAccess(state)
        self._checking = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("clinical_access_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(640)
        card.setStyleSheet(
            "QFrame#clinical_access_card { background: #ffffff; border: 1px solid #cbd2d9;"
            " border-radius: 6px; }"
        )
        card_layout = QHBoxLayout(card)
        card_layout.setContentsMargins(20, 18, 20, 18)
        card_layout.setSpacing(16)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(pixmap("lock", 40))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        card_layout.addWidget(self.icon_label)
        text_column = QVBoxLayout()
        text_column.setSpacing(8)
        self.title_label = QLabel()
        self.title_label.setObjectName("clinical_access_title_label")
        self.title_label.setWordWrap(True)
        style.set_role(self.title_label, "title")
        self.text_label = QLabel()
        self.text_label.setObjectName("clinical_access_text_label")
        self.text_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("clinical_access_message_label")
        show_banner(self.message_label, "")
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.setObjectName("check_again_button")
        self.check_button.clicked.connect(self.check_again)
        button_row = QHBoxLayout()
        button_row.addWidget(self.check_button)
        button_row.addStretch(1)
        text_column.addWidget(self.title_label)
        text_column.addWidget(self.text_label)
        text_column.addWidget(self.message_label)
        text_column.addLayout(button_row)
        card_layout.addLayout(text_column, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._show_state()

    # ----------------------------------------------------------------- public
    def state(self) -> ClinicalAccess:
        return self._state

    def set_state(self, state: ClinicalAccess | str) -> None:
        """Show ``state``; ``sig_access_changed`` is emitted only by :meth:`check_again`."""
        self._state = ClinicalAccess(state)
        self._show_state()

    def title(self) -> str:
        return self.title_label.text()

    def text(self) -> str:
        return self.text_label.text()

    def check_again(self) -> None:
        """Ask the services for the session's state again (in the background)."""
        if self._session is None or self._tasks is None or self._checking:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        show_banner(self.message_label, "")
        self._tasks.run(
            self._session.clinical_key.access_state,
            on_success=self._on_checked,
            on_failure=self._on_check_failed,
            label=self.tr("Checking access to clinical data..."),
            owner=self,
        )

    # ---------------------------------------------------------------- private
    def _show_state(self) -> None:
        self.title_label.setText(clinical_access_title(self._state))
        self.text_label.setText(clinical_access_text(self._state))
        can_check = self._session is not None and self._tasks is not None
        self.check_button.setVisible(can_check and self._state is ClinicalAccess.AWAITING_APPROVAL)
        self.check_button.setEnabled(not self._checking)

    def _on_checked(self, state: ClinicalAccess) -> None:
        self._checking = False
        changed = ClinicalAccess(state) is not self._state
        self.set_state(state)
        if changed:
            self.sig_access_changed.emit(self._state.value)
        else:
            show_banner(
                self.message_label,
                self.tr("Still awaiting approval: nobody has approved your account yet."),
                "hint",
            )

    def _on_check_failed(self, exc: BaseException) -> None:
        self._checking = False
        self._show_state()
        show_banner(self.message_label, error_text(exc), "error")
