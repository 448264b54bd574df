"""Table model over the clinical accounts awaiting access to clinical data.

One row per ``services.dto.UserView`` returned by
``session.clinical_key.awaiting_approval()``. No widget code: tested on its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.dto import UserView

__all__ = ["AwaitingAccountTableModel", "is_approvable"]

CONTEXT = "AwaitingAccountTableModel"

_READY_COLOUR = "#1e7a3c"
_WAITING_COLOUR = "#9a5b00"


def is_approvable(account: UserView) -> bool:
    """An account is approved only once it has replaced its one-time password: the
    clinical key is sealed to the key pair the user made with their own password."""
    return not account.must_change_password


class AwaitingAccountTableModel(RowTableModel[UserView]):
    """Name, role, RPPS / ADELI and whether the account can be approved now."""

    CONTEXT = CONTEXT
    COL_NAME = 0
    COL_ROLE = 1
    COL_IDENTIFIER = 2
    COL_STATE = 3
    HEADERS = (
        QT_TRANSLATE_NOOP("AwaitingAccountTableModel", "Name"),
        QT_TRANSLATE_NOOP("AwaitingAccountTableModel", "Role"),
        QT_TRANSLATE_NOOP("AwaitingAccountTableModel", "RPPS / ADELI"),
        QT_TRANSLATE_NOOP("AwaitingAccountTableModel", "State"),
    )

    def display(self, item: UserView, column: int) -> str | None:
        if column == self.COL_NAME:
            return item.display_name
        if column == self.COL_ROLE:
            return role_label(item.role)
        if column == self.COL_IDENTIFIER:
            parts = []
            if item.rpps:
                parts.append(
                    QCoreApplication.translate("AwaitingAccountTableModel", "RPPS {number}").format(
                        number=item.rpps
                    )
                )
            if item.adeli:
                parts.append(
                    QCoreApplication.translate(
                        "AwaitingAccountTableModel", "ADELI {number}"
                    ).format(number=item.adeli)
                )
            return " · ".join(parts) or QCoreApplication.translate(
                "AwaitingAccountTableModel", "None given"
            )
        if column == self.COL_STATE:
            if is_approvable(item):
                return QCoreApplication.translate(
                    "AwaitingAccountTableModel", "Ready to be approved"
                )
            return QCoreApplication.translate(
                "AwaitingAccountTableModel", "Temporary password not replaced yet"
            )
        return None

    def role_data(self, item: UserView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATE:
            return QColor(_READY_COLOUR if is_approvable(item) else _WAITING_COLOUR)
        pending = column == self.COL_STATE and not is_approvable(item)
        if role == Qt.ItemDataRole.ToolTipRole and pending:
            return QCoreApplication.translate(
                "AwaitingAccountTableModel",
                "The account can be approved once its holder has signed in and "
                "chosen their own password.",
            )
        return None
