"""No clear-text trace of the folders visited in file dialogs (QtProject.conf): the folder
of an attachment often names the patient."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from document_samples import text_pdf
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.gui.documents_panel import DocumentsPanel


@pytest.fixture
def clinician(gui_db, created_db):  # type: ignore[no-untyped-def]
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


def test_choosing_an_attachment_leaves_no_trace_of_its_folder(
    qtbot, gui_tasks, clinician, tmp_path
):  # type: ignore[no-untyped-def]
    pid = clinician.patients.create(
        IdentityFields(
            birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
        )
    ).id
    folder = tmp_path / "LEFEVRE-ZEBRE Helene"
    folder.mkdir()
    (folder / "cr.pdf").write_bytes(text_pdf("CR", "x"))
    conf = Path(
        QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").fileName()
    )
    before = conf.read_text(errors="replace") if conf.exists() else ""
    panel = DocumentsPanel(clinician, gui_tasks, pid)
    qtbot.addWidget(panel)
    panel.show()
    panel.choose_files()
    dialog = panel.file_dialog
    dialog.setDirectory(str(folder))
    dialog.reject()  # even without choosing: the folder visited is remembered
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the deleteLater
    QApplication.processEvents()
    after = conf.read_text(errors="replace") if conf.exists() else ""
    assert "ZEBRE" not in after.replace(before, ""), f"{conf}:\n{after}"
