"""PatientTableModel without widgets: columns, formatting, roles."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, Qt  # noqa: E402

from oiso_desktop.domain.permissions import PatientAccess  # noqa: E402
from oiso_desktop.gui.patient_table_model import (  # noqa: E402
    PatientTableModel,
    format_nir,
    ins_status_label,
)
from oiso_desktop.services.dto import PatientSummary  # noqa: E402


def _summary(**changes) -> PatientSummary:
    values = dict(
        id=42,
        birth_name="LEFÈVRE",
        used_name="MARTIN",
        first_names="Hélène Marie",
        birth_date=date(1995, 10, 3),
        sex="F",
        nir="295109912611193",
        ins_status="QUAL",
        owner_display_name="Dr Claire Dubois",
        access=PatientAccess.WRITE,
    )
    values.update(changes)
    return PatientSummary(**values)


def test_columns_show_formatted_values(qapp):
    model = PatientTableModel()
    model.set_rows([_summary(), _summary(id=7, used_name="", nir=None, ins_status="PROV")])
    assert model.rowCount() == 2
    assert model.columnCount() == PatientTableModel.COLUMN_COUNT == 8

    def cell(row, column):
        return model.index(row, column).data()

    assert cell(0, PatientTableModel.COL_BIRTH_NAME) == "LEFÈVRE"
    assert cell(0, PatientTableModel.COL_USED_NAME) == "MARTIN"
    assert cell(0, PatientTableModel.COL_FIRST_NAMES) == "Hélène Marie"
    assert cell(0, PatientTableModel.COL_BIRTH_DATE) == "03/10/1995"
    assert cell(0, PatientTableModel.COL_SEX) == "F"
    assert cell(0, PatientTableModel.COL_NIR) == "2 95 10 99 126 111 93"
    assert cell(0, PatientTableModel.COL_INS_STATUS) == ins_status_label("QUAL")
    assert cell(0, PatientTableModel.COL_OWNER) == "Dr Claire Dubois"
    assert cell(1, PatientTableModel.COL_USED_NAME) == ""
    assert cell(1, PatientTableModel.COL_NIR) == ""


def test_patient_id_role_and_lookup(qapp):
    model = PatientTableModel()
    model.set_rows([_summary(id=3), _summary(id=9)])
    for column in range(model.columnCount()):
        assert model.index(1, column).data(PatientTableModel.PATIENT_ID_ROLE) == 9
    assert model.index(0, 0).data(PatientTableModel.SUMMARY_ROLE).id == 3
    assert model.row_of(9) == 1
    assert model.row_of(1234) == -1
    assert model.row_at(0).id == 3


def test_headers_are_translated_strings_and_flat(qapp):
    model = PatientTableModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(isinstance(h, str) and h for h in headers)
    assert len(set(headers)) == len(headers)
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    # A flat table: no children under a row.
    model.set_rows([_summary()])
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(5, 0)) is None
    assert model.rowCount(QModelIndex()) == 1


def test_reset_signals_and_clear(qapp, qtbot):
    model = PatientTableModel()
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([_summary()])
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0


def test_nir_formatting():
    assert format_nir("253072B07300470") == "2 53 07 2B 073 004 70"
    assert format_nir("2 95 10 99 126 111 93") == "2 95 10 99 126 111 93"
    assert format_nir("12345") == "12345"
    assert format_nir(None) == ""


def test_ins_labels_cover_every_status():
    from oiso_desktop.domain.patients import INS_STATUSES
    from oiso_desktop.gui.patient_table_model import INS_STATUS_LABELS

    assert set(INS_STATUS_LABELS) == set(INS_STATUSES)
