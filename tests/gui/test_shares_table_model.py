"""The "Partages" table models and their filter, without widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from oiso_desktop.domain.permissions import ShareAccess
from oiso_desktop.domain.roles import AccountStatus, Role
from oiso_desktop.gui.shares_table_model import (
    SharedByMeModel,
    SharedWithMeModel,
    ShareFilterProxyModel,
)
from oiso_desktop.services.sharing_service import PatientRef, ShareView, UserRef

DUBOIS = UserRef(1, "Claire Dubois", Role.PRACTITIONER, AccountStatus.ACTIVE, "CHU Lyon", None)
MARTIN = UserRef(2, "Paul Martin", Role.PRACTITIONER, AccountStatus.ACTIVE, "", None)
PETIT = UserRef(3, "Chloé Petit", Role.GENETIC_COUNSELLOR, AccountStatus.ACTIVE, "CLB", None)


def _share(pid: int, name: str, recipient: UserRef, access: ShareAccess, message: str = ""):
    return ShareView(
        patient=PatientRef(pid, name, dt.date(1975, 3, 12)),
        owner=DUBOIS,
        recipient=recipient,
        access=access,
        granted_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC),
        granted_by=DUBOIS,
        message=message,
    )


SHARES = (
    _share(10, "LEFÈVRE Hélène", MARTIN, ShareAccess.WRITE, "Avis\nsvp"),
    _share(11, "GARNIER Élise", PETIT, ShareAccess.READ),
)


def test_shared_by_me_columns_roles_and_tooltips(qapp):
    model = SharedByMeModel()
    model.set_shares(SHARES)
    assert model.rowCount() == 2 and model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Patient", "Né(e) le", "Partagé avec", "Niveau", "Depuis le", "Message"]
    row = [model.index(0, c).data() for c in range(6)]
    assert row[:4] == ["LEFÈVRE Hélène", "12/03/1975", "Paul Martin", "Lecture et écriture"]
    assert row[4].startswith("02/03/2026")
    assert row[5] == "Avis svp"  # one line; the tool tip keeps it whole
    assert model.index(0, model.COL_MESSAGE).data(Qt.ItemDataRole.ToolTipRole) == "Avis\nsvp"
    assert model.index(1, model.COL_PERSON).data(Qt.ItemDataRole.ToolTipRole) == (
        "Chloé Petit — CLB"
    )
    assert model.index(1, 0).data(model.PATIENT_ID_ROLE) == 11
    assert model.index(1, 3).data(model.SHARE_ROLE) is SHARES[1]
    assert model.index(1, 3).data() == "Lecture seule"


def test_shared_with_me_shows_the_owner(qapp):
    model = SharedWithMeModel()
    model.set_shares(SHARES[:1])
    assert model.headerData(model.COL_PERSON, Qt.Orientation.Horizontal) == (
        "Praticien responsable"
    )
    assert model.index(0, model.COL_PERSON).data() == "Claire Dubois"


def test_filter_ignores_accents_and_case(qapp):
    model = SharedByMeModel()
    model.set_shares(SHARES)
    proxy = ShareFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text("elise")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "GARNIER Élise"
    proxy.set_filter_text("lecture écriture MARTIN")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(model.PATIENT_ID_ROLE) == 10
    proxy.set_filter_text("")
    assert proxy.rowCount() == 2
