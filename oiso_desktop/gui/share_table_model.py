"""The shares of one file, as the file's "Partage" tab lists them (no widget code)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.gui.i18n import role_label
from oiso_desktop.gui.patient_table_model import format_date
from oiso_desktop.gui.shares_table_model import share_level_label
from oiso_desktop.gui.table_model_base import RowTableModel
from oiso_desktop.services.sharing_service import ShareView

__all__ = ["ShareRow", "ShareTableModel", "level_label", "moment_label"]

CONTEXT = "ShareTableModel"

_AT = QT_TRANSLATE_NOOP("ShareTableModel", "{date} at {time}")


def level_label(access: ShareAccess) -> str:
    """ "Lecture seule" / "Lecture et écriture", as on the Partages page."""
    return share_level_label(access)


def moment_label(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return QCoreApplication.translate(CONTEXT, _AT).format(
        date=format_date(local.date()), time=local.strftime("%H:%M")
    )


@dataclass(frozen=True)
class ShareRow:
    """One share; its id is the recipient's (one share per recipient and file)."""

    id: int
    share: ShareView


class ShareTableModel(RowTableModel[ShareRow]):
    CONTEXT = CONTEXT
    COL_NAME, COL_ROLE, COL_STRUCTURE, COL_RPPS, COL_LEVEL, COL_GRANTED, COL_BY, COL_MESSAGE = (
        range(8)
    )
    HEADERS = (
        QT_TRANSLATE_NOOP("ShareTableModel", "Recipient"),
        QT_TRANSLATE_NOOP("ShareTableModel", "Role"),
        QT_TRANSLATE_NOOP("ShareTableModel", "Structure"),
        QT_TRANSLATE_NOOP("ShareTableModel", "RPPS"),
        QT_TRANSLATE_NOOP("ShareTableModel", "Access"),
        QT_TRANSLATE_NOOP("ShareTableModel", "Shared on"),
        QT_TRANSLATE_NOOP("ShareTableModel", "By"),
        QT_TRANSLATE_NOOP("ShareTableModel", "Message"),
    )

    def set_shares(self, shares: tuple[ShareView, ...]) -> None:
        self.set_rows([ShareRow(id=s.recipient.id, share=s) for s in shares])

    def display(self, item: ShareRow, column: int) -> str | None:
        share = item.share
        recipient = share.recipient
        if column == self.COL_NAME:
            return recipient.display_name
        if column == self.COL_ROLE:
            return role_label(recipient.role)
        if column == self.COL_STRUCTURE:
            return recipient.structure_name or "—"
        if column == self.COL_RPPS:
            return recipient.rpps or "—"
        if column == self.COL_LEVEL:
            return level_label(share.access)
        if column == self.COL_GRANTED:
            return moment_label(share.granted_at)
        if column == self.COL_BY:
            return share.granted_by.display_name
        if column == self.COL_MESSAGE:
            return " ".join(share.message.split())
        return None

    def role_data(self, item: ShareRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_MESSAGE:
            return item.share.message or None
        return None
