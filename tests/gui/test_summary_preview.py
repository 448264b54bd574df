"""The summary preview: made in the background, shown from memory, a copy saved and the
pages printed only by explicit, logged acts; refusals shown; no planted name left in any
file outside the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.family import Age
from oiso_desktop.domain.genetics import Genetics, GeneticTest, Variant
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.domain.personal_history import HistoryCancer, PersonalHistory
from oiso_desktop.domain.roles import Role
from oiso_desktop.domain.sample_families import large_family, lynch_family
from oiso_desktop.gui import summary_preview
from oiso_desktop.gui.summary_preview import SummaryPreviewDialog, open_summary_preview
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.pdf_pages import PdfPages

PLANTED = "QUINTARD"
BORN = dt.date(1981, 6, 3)

GENETICS = Genetics(
    tests=(
        GeneticTest(
            id="t1",
            kind="panel",
            date=dt.date(2023, 5, 4),
            laboratory="Laboratoire Kerdoc",
            genes=("MLH1", "MSH2", "MSH6", "PMS2", "BRCA2"),
            status="result_received",
        ),
    ),
    variants=(
        Variant(gene="MLH1", hgvs_c="c.1852_1854del", acmg_class=5, test_id="t1"),
        Variant(gene="BRCA2", hgvs_c="c.7007G>A", hgvs_p="p.(Arg2336His)", acmg_class=3),
    ),
)


@pytest.fixture
def clinician(gui_db, created_db) -> UserSession:
    """Claire Dubois, practitioner, holding the clinical key."""
    session = gui_db.login("cdubois")
    session.clinical_key.approve_with_recovery_code(
        gui_db.user_ids["cdubois"], str(created_db.recovery_code)
    )
    return session


@pytest.fixture
def patient_id(clinician: UserSession) -> int:
    fields = IdentityFields(
        birth_name=PLANTED, first_names="Julien", birth_date=dt.date(1981, 6, 3), sex="M"
    )
    patient = clinician.patients.create(fields).id
    family = lynch_family()
    proband = dataclasses.replace(family.person("p1"), birth_year=1981, genetic_results=())
    family = dataclasses.replace(
        family, people=tuple(proband if p.id == "p1" else p for p in family.people)
    )
    clinician.forms.save(patient, "family", family, expected_version=0)
    history = PersonalHistory(
        cancers=(HistoryCancer(site="colorectal", age=Age.exact(41), msi="msi", confirmed=True),)
    )
    clinician.forms.save(patient, "history", history, expected_version=0)
    clinician.forms.save(patient, "genetics", GENETICS, expected_version=0)
    return patient


def _dialog(qtbot, session, tasks, patient_id, **kwargs) -> SummaryPreviewDialog:
    dialog = SummaryPreviewDialog(session, tasks, patient_id, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _shown(qtbot, dialog: SummaryPreviewDialog) -> None:
    with qtbot.waitSignal(dialog.viewer.sig_first_page_shown, timeout=15000):
        pass


def _details(session: UserSession, action: str) -> list[dict[str, object]]:
    return [json.loads(e.details or "{}") for e in session.events.list(action=action)]


def test_the_summary_is_made_and_shown_from_memory_then_saved_on_request(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    dialog = _dialog(qtbot, clinician, gui_tasks, patient_id)
    assert not dialog.save_button.isEnabled()  # nothing to save while it is made
    _shown(qtbot, dialog)
    pdf = dialog.pdf()
    assert pdf is not None and pdf.startswith(b"%PDF-")
    assert dialog.viewer.state() == "shown"
    assert dialog.viewer.page_count() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert dialog.save_button.isEnabled() and dialog.windowTitle() == "Synthèse du dossier"
    assert dialog.save_button.text() == "Enregistrer une copie…"
    assert len(clinician.events.list(action="patient_summary_created")) == 1
    assert clinician.events.list(action="patient_summary_exported") == []
    assert dialog.width() <= 1366 and dialog.height() <= 768

    # the file dialog proposes a name without the patient's
    dialog.save_copy()
    file_dialog = dialog.file_dialog
    assert file_dialog is not None
    assert file_dialog.selectedFiles()[0].endswith(f"synthese-dossier-{dt.date.today()}.pdf")
    assert PLANTED not in file_dialog.selectedFiles()[0]
    file_dialog.reject()

    target = tmp_path / "envoi"
    with qtbot.waitSignal(dialog.sig_copy_saved, timeout=10000) as saved:
        dialog.save_to(target)
    assert saved.args == [str(target.with_suffix(".pdf"))]
    assert target.with_suffix(".pdf").read_bytes() == pdf  # what was previewed
    assert _details(clinician, "patient_summary_exported") == [{"size": len(pdf)}]
    assert "Copie enregistrée" in dialog.banner.text()


@pytest.mark.skipif(not summary_preview.PRINT_SUPPORT, reason="no QtPrintSupport")
def test_printing_is_logged_then_every_page_goes_to_the_printer(
    qtbot, gui_tasks, clinician, tmp_path
):
    from PIL import Image, ImageOps
    from PySide6.QtPrintSupport import QPrinter

    # the 40-person family: its pedigree prints on a landscape page of its own
    patient = clinician.patients.create(
        IdentityFields(birth_name="ALBERT", first_names="Sophie", birth_date=BORN, sex="F")
    ).id
    family = large_family()
    proband = dataclasses.replace(family.person("p1"), birth_year=BORN.year)
    family = dataclasses.replace(
        family, people=tuple(proband if p.id == "p1" else p for p in family.people)
    )
    clinician.forms.save(patient, "family", family, expected_version=0)
    dialog = _dialog(qtbot, clinician, gui_tasks, patient)
    _shown(qtbot, dialog)
    assert dialog.print_button is not None and dialog.print_button.text() == "Imprimer…"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    output = tmp_path / "imprimante.pdf"
    printer.setOutputFileName(str(output))
    with qtbot.waitSignal(dialog.sig_printed, timeout=15000) as printed:
        dialog.print_to(printer)
    summary = PdfReader(io.BytesIO(dialog.pdf() or b""))
    assert printed.args == [len(summary.pages)]
    assert _details(clinician, "patient_summary_printed") == [{"pages": len(summary.pages)}]
    assert "imprimante" in dialog.banner.text()
    sheets = PdfReader(str(output)).pages
    assert [float(p.mediabox.width) > float(p.mediabox.height) for p in sheets] == [
        float(p.mediabox.width) > float(p.mediabox.height) for p in summary.pages
    ]
    # the landscape page is filled across, not drawn in a portrait corner
    pages = PdfPages(output.read_bytes())
    try:
        last = pages.render(pages.page_count - 1, 0.5)
    finally:
        pages.close()
    image = Image.frombuffer(
        "RGBX", (last.width, last.height), last.pixels, "raw", "RGBX", last.stride, 1
    )
    ink = ImageOps.invert(image.convert("L")).getbbox()
    assert ink is not None and ink[2] - ink[0] > 0.85 * last.width


@pytest.mark.skipif(not summary_preview.PRINT_SUPPORT, reason="no QtPrintSupport")
def test_a_printer_that_cannot_be_opened_is_said(qtbot, gui_tasks, clinician, patient_id, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = _dialog(qtbot, clinician, gui_tasks, patient_id)
    _shown(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "absent" / "sortie.pdf"))
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000) as failed:
        dialog.print_to(printer)
    assert failed.args == [
        "La synthèse n'a pas pu être imprimée : l'imprimante n'a pas pu être ouverte."
    ]
    assert dialog.save_button.isEnabled()  # the copy remains possible


def test_without_print_support_only_the_copy_is_offered(
    qtbot, gui_tasks, clinician, patient_id, monkeypatch
):
    monkeypatch.setattr(summary_preview, "PRINT_SUPPORT", False)
    dialog = _dialog(qtbot, clinician, gui_tasks, patient_id)
    _shown(qtbot, dialog)
    assert dialog.print_button is None
    assert dialog.print_unavailable_label.isVisibleTo(dialog)
    assert "impression" in dialog.print_unavailable_label.text().lower()


def test_unsaved_entries_are_said_and_closing_forgets_the_summary(
    qtbot, gui_tasks, clinician, patient_id
):
    dialog = _dialog(qtbot, clinician, gui_tasks, patient_id, unsaved=True)
    assert dialog.unsaved_label.isVisibleTo(dialog)
    assert "non enregistrées" in dialog.unsaved_label.text()
    _shown(qtbot, dialog)
    dialog.reject()
    assert dialog.pdf() is None and dialog.viewer.state() == "empty"
    assert not dialog.save_button.isEnabled()


def test_a_refusal_is_shown_in_the_viewer(qtbot, gui_db, gui_tasks, clinician, patient_id):
    gui_db.add_user(
        "sleroy",
        Role.SECRETARY,
        first_name="Sylvie",
        last_name="Leroy",
        assisted_practitioner_ids=(gui_db.user_ids["cdubois"],),
    )
    secretary = gui_db.login("sleroy")
    dialog = _dialog(qtbot, secretary, gui_tasks, patient_id)
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000) as failed:
        pass
    assert dialog.viewer.state() == "error"
    assert dialog.viewer.message() == failed.args[0] and failed.args[0]
    assert not dialog.save_button.isEnabled()
    assert secretary.events.list(action="patient_summary_created") == []


def test_a_planted_name_stays_out_of_every_file_but_the_copy_saved(
    qtbot, gui_db, gui_tasks, clinician, patient_id, tmp_path, monkeypatch
):
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    dialog = open_summary_preview(clinician, gui_tasks, patient_id)
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    dialog.viewer.go_to_page(dialog.viewer.page_count() - 1)
    assert gui_tasks.wait_idle(15000)
    QApplication.processEvents()
    copy = tmp_path / "choisi" / "synthese.pdf"
    copy.parent.mkdir()
    with qtbot.waitSignal(dialog.sig_copy_saved, timeout=10000):
        dialog.save_to(copy)
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(copy)).pages)
    assert PLANTED in text and "MLH1" in text and "BRCA2 VSI" in text
    dialog.close()
    clinician.logout()
    scanned = 0
    for folder in (gui_db.folder, private_temp, Path(os.environ["OISO_CONFIG_DIR"])):
        for path in folder.rglob("*"):
            if path.is_file():
                scanned += 1
                data = path.read_bytes()
                assert PLANTED.encode() not in data, path
                assert PLANTED.encode("utf-16-le") not in data, path
    assert scanned >= 3
    assert list(private_temp.iterdir()) == []
