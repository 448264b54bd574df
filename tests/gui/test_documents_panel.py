"""The Documents tab: attach (file dialog, drop), view in memory (PDF pages, images, protected
PDFs, damaged content), edit, save a copy, delete; read-only; a 20 MB scan under a second
with no file left behind."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

import pytest
import shiboken6
from document_samples import jpeg_image, large_pdf, png_image, text_pdf
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from oiso_desktop.domain.documents import DocumentCategory, DocumentDetails
from oiso_desktop.domain.patients import IdentityFields
from oiso_desktop.gui.document_table_model import DocumentTableModel
from oiso_desktop.gui.documents_panel import DocumentDetailsDialog, DocumentsPanel
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.dto import DocumentContent

MARKER = "ZEBRE-8W1P BRCA2"


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
        birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
    )
    return clinician.patients.create(fields).id


_MADE: list[DocumentsPanel] = []


@pytest.fixture(autouse=True)
def _release_panels():
    """The panels of a test are released at its end (their open PDF closed, as the file
    window does when it closes)."""
    yield
    for panel in _MADE:
        if shiboken6.isValid(panel):
            panel.release()
    _MADE.clear()


def _panel(qtbot, session, tasks, patient_id, *, width: int = 1240) -> DocumentsPanel:
    panel = DocumentsPanel(session, tasks, patient_id)
    qtbot.addWidget(panel)
    _MADE.append(panel)
    panel.resize(width, 640)
    panel.show()
    _settle(tasks)
    return panel


def _settle(tasks, ms: int = 250) -> None:
    """Let the debounce timers fire and every task deliver its result."""
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert tasks.wait_idle(15000)
    QApplication.processEvents()


def _shown(qtbot, panel: DocumentsPanel, title: str) -> None:
    """Select the row titled ``title`` and wait until its first page is on screen."""
    row = next(i for i, d in enumerate(panel.documents()) if d.title == title)
    with qtbot.waitSignal(panel.viewer.sig_first_page_shown, timeout=15000):
        panel.table.selectRow(row)


def _add(session, patient_id, name, data, title, **details) -> int:
    return session.documents.add(patient_id, name, data, DocumentDetails(title=title, **details)).id


# ---------------------------------------------------------------- list and viewer


def test_the_list_shows_each_document_and_the_viewer_its_pages(
    qtbot, gui_tasks, clinician, patient_id
):
    _add(
        clinician,
        patient_id,
        "courrier.png",
        png_image(800, 600),
        "Courrier",
        document_date=dt.date(2024, 3, 1),
        category=DocumentCategory.LETTER,
    )
    _add(
        clinician,
        patient_id,
        "cr.pdf",
        text_pdf("Compte rendu", MARKER, pages=3),
        "CR BRCA2",
        document_date=dt.date(2025, 11, 4),
        category=DocumentCategory.LAB_REPORT,
    )
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    model = panel.model
    assert [model.header_label(c) for c in range(model.COLUMN_COUNT)] == [
        "Titre",
        "Date",
        "Catégorie",
        "Taille",
    ]
    assert [model.display(d, c) for d in panel.documents() for c in range(3)] == [
        "CR BRCA2",
        "04/11/2025",
        "Laboratoire",
        "Courrier",
        "01/03/2024",
        "Courrier",
    ]
    assert all(model.display(d, model.COL_SIZE).endswith(" ko") for d in panel.documents())
    assert panel.count_label.text() == "2 documents"
    # the first row is selected and shown
    qtbot.waitUntil(lambda: 0 in panel.viewer.rendered_pages(), timeout=15000)
    assert panel.title_label.text() == "CR BRCA2"
    assert panel.subtitle_label.text().startswith(
        "Compte rendu de laboratoire — 04/11/2025 — PDF, 3 pages — "
    )
    viewer = panel.viewer
    assert viewer.state() == "shown" and viewer.page_count() == 3
    assert viewer.page_label.text() == "Page 1 / 3"
    assert viewer.is_fit_width() and viewer.fit_button.isChecked()
    image = viewer.grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if image.pixelColor(x, y).lightness() < 40
    )
    assert dark > 20  # the page's black rectangle is painted
    # zoom and pages
    fitted = viewer.zoom()
    viewer.zoom_in()
    assert viewer.zoom() > fitted and not viewer.is_fit_width()
    assert viewer.zoom_label.text() == f"{round(viewer.zoom() * 100)} %"
    viewer.go_to_page(2)
    _settle(gui_tasks)
    assert viewer.current_page() == 2 and viewer.page_label.text() == "Page 3 / 3"
    assert 2 in viewer.rendered_pages()
    viewer.fit_width()
    assert viewer.is_fit_width() and abs(viewer.zoom() - fitted) < 0.01
    # the image
    _shown(qtbot, panel, "Courrier")
    assert viewer.page_count() == 1 and viewer.state() == "shown"
    assert panel.subtitle_label.text().startswith("Courrier — 01/03/2024 — PNG — ")
    assert len(clinician.events.list(action="document_viewed")) == 2


def test_the_table_model_reads_in_french_without_widgets(qtbot, clinician, patient_id):
    ids = [
        _add(clinician, patient_id, "protege.pdf", text_pdf("x", password="pw"), "Protégé"),
        _add(
            clinician,
            patient_id,
            "scan.jpg",
            jpeg_image(),
            "Photo",
            category=DocumentCategory.CONSENT_FORM,
        ),
    ]
    rows = clinician.documents.list(patient_id)
    model = DocumentTableModel()
    model.set_rows(rows)
    assert [model.row_at(r).id for r in range(2)] == ids[::-1]  # undated: newest first
    protected = next(d for d in rows if d.title == "Protégé")
    assert model.display(protected, model.COL_DATE) == "—"
    assert model.display(protected, model.COL_CATEGORY) == "Autre"
    tip = model.role_data(protected, model.COL_TITLE, Qt.ItemDataRole.ToolTipRole)
    assert "PDF protégé" in tip and "Fichier « protege.pdf », joint par Claire Dubois" in tip
    assert "Protégé par un mot de passe" in tip
    assert model.role_data(protected, model.COL_DATE, Qt.ItemDataRole.ToolTipRole) == "non daté"
    photo = next(d for d in rows if d.title == "Photo")
    assert model.display(photo, model.COL_CATEGORY) == "Consentement"
    assert model.display(photo, model.COL_SIZE) == f"{photo.size} o"  # under 1 kio


# ---------------------------------------------------------------- attaching


def test_a_file_is_attached_through_its_details(qtbot, gui_tasks, clinician, patient_id, tmp_path):
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    assert panel.count_label.text() == "Aucun document pour l'instant"
    assert panel.viewer.message() == "Choisissez un document dans la liste."
    path = tmp_path / "CR_BRCA2_2025.pdf"
    path.write_bytes(text_pdf("Compte rendu", MARKER, pages=2))
    panel.add_file(path)
    qtbot.waitUntil(lambda: panel.details_dialog is not None, timeout=10000)
    dialog = panel.details_dialog
    assert dialog.windowTitle() == "Joindre un document"
    assert dialog.file_label.text().startswith("Fichier « CR_BRCA2_2025.pdf » — PDF, 2 pages, ")
    assert dialog.title_edit.text() == "CR BRCA2 2025"
    assert dialog.category_combo.currentText() == "Compte rendu de laboratoire"
    assert not dialog.protected_label.isVisible()
    dialog.title_edit.setText("Compte rendu BRCA2")
    dialog.date_edit.setText("04/11/2025")
    with qtbot.waitSignal(panel.sig_document_added, timeout=15000) as added:
        dialog.ok_button.click()
    document = added.args[0]
    assert (document.title, document.document_date, document.category) == (
        "Compte rendu BRCA2",
        dt.date(2025, 11, 4),
        DocumentCategory.LAB_REPORT,
    )
    qtbot.waitUntil(lambda: panel.viewer.state() == "shown", timeout=15000)
    assert panel.selected().id == document.id
    assert panel.banner_label.text() == "« Compte rendu BRCA2 » est joint au dossier."
    # given details: no dialog
    other = tmp_path / "photo.png"
    other.write_bytes(png_image())
    with qtbot.waitSignal(panel.sig_document_added, timeout=15000):
        panel.add_file(other, DocumentDetails(title="Photo"))
    assert panel.details_dialog is None
    _settle(gui_tasks)
    assert sorted(d.title for d in panel.documents()) == ["Compte rendu BRCA2", "Photo"]


def test_the_details_dialog_checks_as_one_types(qtbot, clinician, patient_id):
    view = clinician.documents.get(_add(clinician, patient_id, "a.pdf", text_pdf("x"), "Titre"))
    dialog = DocumentDetailsDialog(document=view, today=dt.date(2026, 3, 2))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Informations du document"
    assert dialog.ok_button.text() == "Enregistrer" and dialog.ok_button.isEnabled()
    dialog.title_edit.setText("")
    assert dialog.field_message("title") == "Donnez un titre au document."
    assert not dialog.ok_button.isEnabled()
    dialog.title_edit.setText("Titre")
    dialog.date_edit.setText("31/02/2025")
    assert dialog.field_message("document_date") == "Cette date n'existe pas."
    dialog.date_edit.setText("03/03/2026")
    assert (
        dialog.field_message("document_date")
        == "La date du document (03/03/2026) est dans le futur."
    )
    dialog.date_edit.setText("")
    assert dialog.field_message("document_date") == "Laissez vide si le document n'est pas daté."
    assert dialog.ok_button.isEnabled()


def test_refused_files_say_why_and_protected_pdfs_ask_their_password(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    liar = tmp_path / "compte-rendu.pdf"
    liar.write_bytes(png_image())
    with qtbot.waitSignal(panel.sig_failed, timeout=10000):
        panel.add_file(liar)
    assert panel.details_dialog is None
    assert panel.banner_label.text() == (
        "Le fichier « compte-rendu.pdf » n'a pas été joint : son nom annonce un fichier PDF "
        "mais son contenu est de type PNG."
    )
    damaged = tmp_path / "tronque.pdf"
    pdf = text_pdf("x", pages=2)
    damaged.write_bytes(pdf[: len(pdf) // 2])
    with qtbot.waitSignal(panel.sig_failed, timeout=10000):
        panel.add_file(damaged)
    assert "est endommagé et ne peut pas être lu" in panel.banner_label.text()
    word = tmp_path / "lettre.docx"
    word.write_bytes(b"PK\x03\x04" + bytes(100))
    with qtbot.waitSignal(panel.sig_failed, timeout=10000):
        panel.add_file(word)
    assert "seuls les fichiers PDF, JPEG et PNG sont acceptés (extension .docx)" in (
        panel.banner_label.text()
    )
    assert panel.documents() == ()

    protected = tmp_path / "protege.pdf"
    protected.write_bytes(text_pdf("Compte rendu", MARKER, password="labo2026"))
    panel.add_file(protected)
    qtbot.waitUntil(lambda: panel.details_dialog is not None, timeout=10000)
    dialog = panel.details_dialog
    assert dialog.protected_label.isVisibleTo(dialog)
    assert "PDF protégé" in dialog.file_label.text()
    with qtbot.waitSignal(panel.sig_document_added, timeout=15000):
        dialog.ok_button.click()
    viewer = panel.viewer
    qtbot.waitUntil(lambda: viewer.state() == "password", timeout=15000)
    viewer.password_edit.setText("faux")
    viewer.password_button.click()
    qtbot.waitUntil(
        lambda: viewer.message() == "Mot de passe incorrect : ce PDF n'a pas pu être ouvert.",
        timeout=10000,
    )
    assert viewer.state() == "password"
    viewer.password_edit.setText("labo2026")
    with qtbot.waitSignal(viewer.sig_first_page_shown, timeout=15000):
        viewer.password_button.click()
    assert viewer.state() == "shown" and viewer.page_count() == 1


def test_dropped_files_are_attached_and_a_read_only_tab_takes_none(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    files = []
    for name, data in (("scan.jpg", jpeg_image()), ("lettre.png", png_image())):
        path = tmp_path / name
        path.write_bytes(data)
        files.append(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])

    def drop() -> QDropEvent:
        return QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )

    event = drop()
    panel.dropEvent(event)
    assert event.isAccepted()
    for expected in ("scan", "lettre"):
        qtbot.waitUntil(lambda: panel.details_dialog is not None, timeout=10000)
        assert panel.details_dialog.title_edit.text() == expected
        with qtbot.waitSignal(panel.sig_document_added, timeout=15000):
            panel.details_dialog.ok_button.click()
    _settle(gui_tasks)
    assert sorted(d.title for d in panel.documents()) == ["lettre", "scan"]

    panel.set_read_only(True)
    assert panel.is_read_only()
    assert not panel.add_button.isVisibleTo(panel) and not panel.drop_label.isVisibleTo(panel)
    assert not panel.edit_button.isVisibleTo(panel) and not panel.delete_button.isVisibleTo(panel)
    assert panel.copy_button.isEnabled()
    refused = drop()
    panel.dropEvent(refused)
    assert not refused.isAccepted()
    panel.add_file(files[0])
    panel.edit_selected()
    panel.delete_selected()
    _settle(gui_tasks)
    assert panel.details_dialog is None and panel.confirm_box is None
    assert len(panel.documents()) == 2


# ---------------------------------------------------------------- editing, deleting, copies


def test_details_are_edited_copies_saved_and_documents_deleted(
    qtbot, gui_tasks, clinician, patient_id, tmp_path
):
    pdf = text_pdf("Compte rendu", MARKER)
    _add(clinician, patient_id, "cr.pdf", pdf, "CR", category=DocumentCategory.LAB_REPORT)
    _add(clinician, patient_id, "autre.png", png_image(), "Autre chose")
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    _shown(qtbot, panel, "CR")
    panel.edit_selected()
    dialog = panel.details_dialog
    assert dialog is not None and dialog.title_edit.text() == "CR"
    assert dialog.file_label.text().startswith("Fichier « cr.pdf » — PDF, 1 page, ")
    assert (
        "joint le" in dialog.file_label.text() and "par Claire Dubois" in dialog.file_label.text()
    )
    dialog.title_edit.setText("Compte rendu BRCA2")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("pathology_report"))
    dialog.ok_button.click()
    _settle(gui_tasks)
    edited = panel.selected()
    assert (edited.title, edited.category, edited.version) == (
        "Compte rendu BRCA2",
        DocumentCategory.PATHOLOGY_REPORT,
        2,
    )
    assert panel.title_label.text() == "Compte rendu BRCA2"

    copy = tmp_path / "copie.pdf"
    with qtbot.waitSignal(panel.sig_copy_saved, timeout=10000):
        panel.save_copy_to(copy)
    assert copy.read_bytes() == pdf
    assert panel.banner_label.text() == f"Copie enregistrée : {copy}"
    assert len(clinician.events.list(action="document_exported")) == 1
    panel.save_copy()  # the file dialog proposes the original name
    assert panel.file_dialog is not None
    assert panel.file_dialog.selectedFiles()[0].endswith("cr.pdf")
    panel.file_dialog.reject()

    panel.delete_selected()
    box = panel.confirm_box
    assert isinstance(box, QMessageBox)
    assert box.text() == "Supprimer « Compte rendu BRCA2 » de ce dossier ?"
    box.findChild(type(panel.add_button), "confirm_button").click()
    _settle(gui_tasks)
    assert [d.title for d in panel.documents()] == ["Autre chose"]
    assert panel.banner_label.text() == "« Compte rendu BRCA2 » a été supprimé."
    assert len(clinician.events.list(action="document_deleted")) == 1


def test_an_edit_after_someone_else_s_is_a_conflict_and_the_list_is_read_again(
    qtbot, gui_db, gui_tasks, clinician, patient_id
):
    document_id = _add(clinician, patient_id, "a.pdf", text_pdf("x"), "Premier titre")
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    stale = panel.selected()
    clinician.documents.update(
        document_id, DocumentDetails(title="Titre d'un autre"), expected_version=1
    )
    with qtbot.waitSignal(panel.sig_failed, timeout=10000):
        panel.update_details(stale, DocumentDetails(title="Mon titre"))
    assert panel.banner_label.text().startswith(
        "Ce document a été modifié ou supprimé par quelqu'un d'autre depuis son affichage"
    )
    _settle(gui_tasks)
    assert [d.title for d in panel.documents()] == ["Titre d'un autre"]


# ---------------------------------------------------------------- never crashes, never on disk


def test_content_that_cannot_be_shown_gives_a_message(qtbot, gui_tasks, clinician, patient_id):
    pdf_id = _add(clinician, patient_id, "a.pdf", text_pdf("x"), "PDF")
    png_id = _add(clinician, patient_id, "b.png", png_image(), "Image")
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    viewer = panel.viewer
    for document_id, junk in (
        (pdf_id, b"%PDF-1.7\n" + os.urandom(3000)),
        (png_id, b"\x89PNG\r\n\x1a\n" + os.urandom(500)),
    ):
        real = clinician.documents.content(document_id)
        viewer.show_content(DocumentContent(real.document, junk))
        qtbot.waitUntil(lambda: viewer.state() == "error", timeout=10000)
        assert viewer.message() == (
            "Ce document ne peut pas être affiché : son contenu est illisible. Enregistrez-en une "
            "copie pour l'ouvrir avec un autre logiciel."
        )
    viewer.clear()
    assert viewer.state() == "empty" and viewer.content() is None


def _listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_a_20_mb_scan_opens_in_under_a_second_and_leaves_no_file(
    qtbot, gui_db, gui_tasks, clinician, patient_id
):
    data = large_pdf(20 * 1024 * 1024, marker=MARKER)
    _add(clinician, patient_id, "scan.pdf", text_pdf("petit"), "Petit")
    _add(
        clinician,
        patient_id,
        "scan20.pdf",
        data,
        "Scan de 20 Mo",
        document_date=dt.date(2020, 1, 1),
    )
    panel = _panel(qtbot, clinician, gui_tasks, patient_id)
    qtbot.waitUntil(lambda: panel.viewer.state() == "shown", timeout=15000)  # "Petit"
    temp = Path(tempfile.gettempdir())
    before = (_listing(gui_db.folder), {p.name for p in temp.iterdir()})
    row = next(i for i, d in enumerate(panel.documents()) if d.title == "Scan de 20 Mo")
    panel.table.selectRow(row)
    started = time.perf_counter()
    with qtbot.waitSignal(panel.viewer.sig_first_page_shown, timeout=15000):
        panel.show_document(panel.documents()[row].id)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"the first page took {elapsed:.2f} s"
    viewer = panel.viewer
    assert viewer.page_count() > 5
    assert viewer.content().data == data
    viewer.go_to_page(viewer.page_count() - 1)
    _settle(gui_tasks)
    assert viewer.page_count() - 1 in viewer.rendered_pages()
    assert len(viewer.rendered_pages()) <= 6  # pages far from the view are dropped
    after = (_listing(gui_db.folder), {p.name for p in temp.iterdir()})
    assert after == before
    for path in gui_db.folder.iterdir():
        assert MARKER.encode() not in path.read_bytes()
