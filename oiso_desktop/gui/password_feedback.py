"""Live feedback on a new password against the policy (domain.passwords)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from oiso_desktop.domain.passwords import password_problems
from oiso_desktop.gui.error_text import password_problem_text
from oiso_desktop.gui.style import set_role


class PasswordFeedback(QLabel):
    """A label under the password fields saying what is still missing.

    Call :meth:`check` whenever one of the fields changes; it returns True when the
    new password meets the policy and the confirmation matches.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_feedback_label")
        self.setWordWrap(True)
        self.problems: list[str] = []
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for the longest feedback, so that the dialog does not jump while typing.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 6)
        self.check("", "")

    def check(
        self,
        password: str,
        confirmation: str,
        *,
        login: str = "",
        names: Sequence[str] = (),
        old_password: str | None = None,
    ) -> bool:
        lines: list[str] = []
        if not password:
            self.problems = ["empty"]
            set_role(self, "hint")
            self.setText(
                self.tr(
                    "At least 12 characters with lower case, upper case, digits and symbols "
                    "(or 14 characters with three of them, or a passphrase of 7 words)."
                )
            )
            return False
        problems = password_problems(password, login=login, names=names)
        lines = [password_problem_text(code) for code in problems]
        if old_password is not None and password == old_password:
            problems.append("same_as_old")
            lines.append(self.tr("The new password must differ from the current one."))
        if not problems and confirmation != password:
            problems.append("mismatch")
            lines.append(
                self.tr("Type the same password in both fields.")
                if confirmation
                else self.tr("Confirm the password in the second field.")
            )
        self.problems = problems
        if problems:
            set_role(self, "error")
            self.setText("\n".join(f"• {line}" for line in lines))
            return False
        set_role(self, "ok")
        self.setText(self.tr("✓ The password meets the security rules."))
        return True
