"""UserTableModel and its filter without widgets."""

from __future__ import annotations

import os
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from oiso_desktop.domain.roles import AccountStatus, Role  # noqa: E402
from oiso_desktop.gui.i18n import role_label, status_label  # noqa: E402
from oiso_desktop.gui.user_table_model import (  # noqa: E402
    UserFilterProxyModel,
    UserTableModel,
    format_local_datetime,
)
from oiso_desktop.services.dto import UserView  # noqa: E402


def _user(**changes) -> UserView:
    values = dict(
        id=1,
        login="cdubois",
        first_name="Claire",
        last_name="Dubois",
        display_name="Claire Dubois",
        role=Role.PRACTITIONER,
        status=AccountStatus.ACTIVE,
        email="claire.dubois@chu.example.fr",
        phone="",
        profession="Médecin",
        specialty="Génétique médicale",
        rpps="10005173140",
        adeli="",
        structure_id=1,
        structure_name="CHU de Nantes",
        must_change_password=False,
        last_login_at=datetime(2026, 3, 1, 8, 30, tzinfo=UTC),
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        assisted_practitioner_ids=(),
        version=1,
    )
    values.update(changes)
    return UserView(**values)


def _rows():
    return [
        _user(),
        _user(
            id=2,
            login="mlefevre",
            first_name="Maëlle",
            last_name="Lefèvre",
            display_name="Maëlle Lefèvre",
            role=Role.SECRETARY,
            status=AccountStatus.SUSPENDED,
            rpps="",
            adeli="751234567",
            last_login_at=None,
        ),
        _user(id=3, login="admin", display_name="Admin", role=Role.ADMIN, rpps=""),
    ]


def test_columns(qapp):
    model = UserTableModel()
    model.set_rows(_rows())
    assert model.rowCount() == 3

    def cell(row, column):
        return model.index(row, column).data()

    assert cell(0, UserTableModel.COL_LOGIN) == "cdubois"
    assert cell(0, UserTableModel.COL_NAME) == "Claire Dubois"
    assert cell(0, UserTableModel.COL_ROLE) == role_label(Role.PRACTITIONER)
    assert cell(1, UserTableModel.COL_STATUS) == status_label(AccountStatus.SUSPENDED)
    assert "10005173140" in cell(0, UserTableModel.COL_IDENTIFIER)
    assert "751234567" in cell(1, UserTableModel.COL_IDENTIFIER)
    assert cell(2, UserTableModel.COL_IDENTIFIER) == ""
    assert cell(0, UserTableModel.COL_STRUCTURE) == "CHU de Nantes"
    expected = datetime(2026, 3, 1, 8, 30, tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
    assert cell(0, UserTableModel.COL_LAST_LOGIN) == expected
    assert cell(1, UserTableModel.COL_LAST_LOGIN)  # "Never", translated
    assert model.index(1, 3).data(UserTableModel.USER_ID_ROLE) == 2
    assert model.index(1, 0).data(UserTableModel.USER_ROLE).login == "mlefevre"
    assert model.row_of(3) == 2


def test_filter_ignores_accents_and_case(qapp):
    model = UserTableModel()
    model.set_rows(_rows())
    proxy = UserFilterProxyModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 3
    proxy.set_filter_text("LEFEVRE")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "mlefevre"
    proxy.set_filter_text("maelle lef")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("nantes")
    assert proxy.rowCount() == 3
    proxy.set_filter_text("10005173140")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("nobody")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == 3


def test_format_local_datetime_accepts_iso_text():
    instant = datetime(2026, 11, 23, 21, 3, 41, tzinfo=UTC)
    local = instant.astimezone().strftime("%d/%m/%Y %H:%M:%S")
    assert format_local_datetime("2026-11-23T21:03:41.123456Z", seconds=True) == local
    assert format_local_datetime(instant.replace(tzinfo=None), seconds=True) == local
    assert format_local_datetime(None) == ""
