"""Lock screen: an opaque overlay above a window's content, not a new window.

Everything underneath (open forms, unsaved edits) stays as it was; the overlay
only hides it and takes the input until the password is typed again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from oiso_desktop.gui.icons import icon, pixmap
from oiso_desktop.gui.style import set_role
from oiso_desktop.gui.widgets.dialog_parts import error_label


class LockScreen(QWidget):
    """Covers its parent widget entirely; follows its size.

    Signals: ``sig_unlock_requested(password)`` and ``sig_switch_user_requested``.
    The owner runs the unlock and calls :meth:`show_error` or hides the overlay.
    """

    sig_unlock_requested = Signal(str)
    sig_switch_user_requested = Signal()

    def __init__(self, parent: QWidget, *, user_name: str = "", compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        # Opaque painting of the stylesheet background (the content must not show through).
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)

        self.card = QFrame(self)
        self.card.setObjectName("lock_card_frame")
        self.card.setMinimumWidth(340 if compact else 400)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.setSpacing(10)

        header = QHBoxLayout()
        lock_icon = QLabel()
        lock_icon.setPixmap(pixmap("lock", 40))
        header.addWidget(lock_icon)
        titles = QVBoxLayout()
        self.title_label = QLabel(self.tr("Session locked"))
        set_role(self.title_label, "title")
        self.user_label = QLabel(user_name)
        self.user_label.setObjectName("lock_user_label")
        titles.addWidget(self.title_label)
        titles.addWidget(self.user_label)
        header.addLayout(titles, 1)
        card_layout.addLayout(header)

        hint = QLabel(self.tr("Your open windows are kept. Type your password to continue."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        card_layout.addWidget(hint)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlock_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        card_layout.addWidget(self.password_edit)

        self.error_label = error_label("unlock_error_label")
        card_layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.switch_button = QPushButton(icon("logout"), self.tr("Switch user"))
        self.switch_button.setObjectName("switch_user_button")
        self.switch_button.setAutoDefault(False)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setProperty("primary", True)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        card_layout.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.password_edit.returnPressed.connect(self._on_unlock_clicked)
        self.switch_button.clicked.connect(self.sig_switch_user_requested)
        parent.installEventFilter(self)
        self.hide()

    # ---------------------------------------------------------------- public
    def lock(self) -> None:
        """Cover the parent and take the keyboard focus."""
        self.password_edit.clear()
        self.set_busy(False)
        self.show_error("")
        self._fit()
        self.show()
        self.raise_()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.password_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text:
            self.password_edit.clear()
            self.password_edit.setFocus()

    # --------------------------------------------------------------- private
    def _on_unlock_clicked(self) -> None:
        if self.password_edit.text() and self.unlock_button.isEnabled():
            self.sig_unlock_requested.emit(self.password_edit.text())

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.parentWidget() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self._fit()
            if self.isVisible():
                self.raise_()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # Keys must not reach the hidden content (e.g. shortcuts of a form).
        event.accept()
