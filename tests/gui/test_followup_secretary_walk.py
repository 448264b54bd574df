"""A secretary's follow-up morning, through the real main window: she opens the Suivi
page, reads the "due" list, books appointments from it with the booking dialog,
selects several rows and prints their convocations. The PDF (the bytes shown, then
the file saved) has one page per patient with the right name, exam and date."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import shiboken6
from followup_fixtures import make_followup_team
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTime
from PySide6.QtPrintSupport import QPrinter

from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.gui.worklist_table_model import WorklistTableModel
from oiso_desktop.reports.common import french_date
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.uow import UnitOfWork


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _names(view) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model
    return [model.row_at(row).patient_name for row in range(model.rowCount())]


def _open(dialog) -> bool:  # type: ignore[no-untyped-def]
    return shiboken6.isValid(dialog) and dialog.isVisible()


def _book_with_dialog(qtbot, view, row: int, day: dt.date, hour: int):  # type: ignore[no-untyped-def]
    view.select_rows([row])
    qtbot.mouseClick(view.book_button, Qt.MouseButton.LeftButton)
    dialog = view.last_dialog
    assert dialog is not None and dialog.exam_combo.currentData() == "breast_mri"
    qtbot.waitUntil(lambda: dialog.practitioner_combo.currentData() is not None, timeout=5000)
    assert dialog.practitioner_combo.currentText() == "Claire Dubois"
    dialog.date_edit.setDate(day)
    dialog.time_edit.setTime(QTime(hour, 30))
    dialog.place_edit.clear()
    qtbot.keyClicks(dialog.place_edit, "Radiologie, site Nord")
    with qtbot.waitSignal(view.sig_booked, timeout=10000) as booked:
        # a first click may show conflicts ("book anyway"): click again then
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not _open(dialog) or bool(dialog.warnings), timeout=10000)
        if _open(dialog):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return booked.args[0].appointment


def test_a_secretary_books_from_the_due_list_and_prints_one_convocation_per_patient(
    qtbot, gui_db, gui_tasks, created_db, tmp_path: Path
) -> None:
    team = make_followup_team(gui_db, str(created_db.recovery_code))
    window = MainWindow(team.secretary(), gui_tasks, database_folder=gui_db.folder)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert "followup" in window.page_keys()
    assert window.show_page("followup")
    view = window.pages["followup"].worklists

    # the "due within 8 weeks" list: the three MRIs due soon, earliest first
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10000)
    assert view.list_tabs.tabText(0).startswith("À échéance sous 8 semaines")
    assert _names(view) == ["LEFÈVRE Hélène", "MARTIN Julie", "NGUYEN Anh"]
    assert {view.model.row_at(r).exam.value for r in range(3)} == {"breast_mri"}
    assert view.count_label.text() == "3 examens à suivre"
    qtbot.waitUntil(lambda: len(view.counts()) == 4, timeout=10000)
    assert view.list_tabs.tabText(0).endswith("(3)")

    # she books Hélène Lefèvre's and Julie Martin's MRIs from the list
    today = dt.date.today()
    first_day, second_day = today + dt.timedelta(days=9), today + dt.timedelta(days=16)
    first = _book_with_dialog(qtbot, view, 0, first_day, 9)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10000)
    second = _book_with_dialog(qtbot, view, 1, second_day, 14)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10000)
    assert first.patient_name == "LEFÈVRE Hélène" and second.patient_name == "MARTIN Julie"
    status = view.model.index(0, WorklistTableModel.COL_STATUS).data()
    assert status == f"À échéance proche · RDV le {first_day:%d/%m/%Y}"
    assert view.model.index(2, WorklistTableModel.COL_STATUS).data().endswith("non programmé")

    # the three rows selected: convocations for the two booked, the third one skipped
    view.select_rows([0, 1, 2])
    assert view.convocation_button.isEnabled()
    with qtbot.waitSignal(view.sig_letters_opened, timeout=10000) as opened:
        qtbot.mouseClick(view.convocation_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.batch() is not None, timeout=15000)
    assert "1 ligne sélectionnée sans rendez-vous à venir" in dialog.skipped_label.text()
    assert dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.viewer.page_count() == 2, timeout=10000)

    pages = _pages(dialog.pdf())
    assert len(pages) == 2
    expected = [
        ("Hélène LEFÈVRE", first_day, "9 h 30", "MARTIN"),
        ("Julie MARTIN", second_day, "14 h 30", "LEFÈVRE"),
    ]
    for text, (name, day, time, other) in zip(pages, expected, strict=True):
        assert name in text
        assert other not in text and "NGUYEN" not in text
        assert f"{french_date(day)} à {time}" in text
        assert "IRM mammaire" in text and "Radiologie, site Nord" in text
        assert "Dr Claire Dubois" in text
        assert "BRCA" not in text  # no gene in a letter

    # "Enregistrer…": the very bytes previewed, logged with the count only
    target = tmp_path / "convocations"
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save_to(target)
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == dialog.pdf()
    assert [text.split("\n")[0] for text in _pages(saved.read_bytes())] == [
        text.split("\n")[0] for text in pages
    ]
    with UnitOfWork(team.practitioner.ctx.database.session_factory) as uow:
        details = {
            row.action: json.loads(row.details)
            for row in uow.session.query(Event).filter(
                Event.action.in_(("letters_printed", "letters_exported"))
            )
        }
    assert details == {
        "letters_printed": {"kind": "convocation", "count": 2},
        "letters_exported": {"kind": "convocation", "count": 2},
    }

    # "Imprimer…": every letter sent to the printer (here a PDF printer), one page each
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.sig_printed, timeout=20000) as printed:
        dialog.print_to(printer)
    assert printed.args == [2]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    dialog.close()
    window.close()
