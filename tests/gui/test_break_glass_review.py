"""The administrator's review queue of break-the-glass accesses ("Accès d'urgence"),
against a real encrypted database and real sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from oiso_desktop.domain.errors import PermissionDenied
from oiso_desktop.domain.identifiers import luhn_key
from oiso_desktop.domain.roles import Role
from oiso_desktop.gui.break_glass_review_view import BreakGlassReviewView, ReviewDialog
from oiso_desktop.gui.break_glass_table_model import BreakGlassTableModel
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.services.dto import IdentityFields

REASON = "Patiente inconsciente admise aux urgences cette nuit"
SECOND_RPPS = "1000000001" + luhn_key("1000000001")


@pytest.fixture
def glass(gui_db, gui_practitioner):
    """cdubois owns a file (LEFÈVRE Hélène); jmartin broke the glass on it."""
    gui_db.add_user(
        "jmartin", Role.PRACTITIONER, first_name="Jérôme", last_name="Martin", rpps=SECOND_RPPS
    )
    patient = gui_practitioner.patients.create(
        IdentityFields(
            birth_name="Lefèvre", first_names="Hélène", birth_date=dt.date(1975, 3, 12), sex="F"
        )
    )
    intruder = gui_db.login("jmartin")
    notice = intruder.sharing.break_glass(patient.id, REASON)
    return patient, notice


@pytest.fixture
def review_view(qtbot, gui_admin, gui_tasks):
    def build() -> BreakGlassReviewView:
        view = BreakGlassReviewView(gui_admin, gui_tasks)
        qtbot.addWidget(view)
        view.resize(1170, 600)
        view.show()
        assert gui_tasks.wait_idle(10000)
        return view

    return build


def _cells(view: BreakGlassReviewView, row: int = 0) -> list[str]:
    return [
        view.model.index(row, column).data() or "" for column in range(view.model.columnCount())
    ]


def test_queue_lists_the_access_with_reason_and_file_id_and_no_name(glass, review_view):
    patient, notice = glass
    view = review_view()
    assert view.model.rowCount() == 1
    cells = _cells(view)
    assert cells[BreakGlassTableModel.COL_USER] == "Jérôme Martin"
    assert cells[BreakGlassTableModel.COL_ROLE] == "Praticien"
    assert cells[BreakGlassTableModel.COL_FILE] == str(patient.id)
    assert cells[BreakGlassTableModel.COL_REASON] == REASON
    assert cells[BreakGlassTableModel.COL_STATUS] == "À examiner"
    assert view.count_label.text() == "1 accès à examiner"
    view.select_review(notice.id)
    shown = " ".join(cells) + view.detail_label.text()
    assert REASON in view.detail_label.text()
    # The patient's identity never reaches the administrator's screen.
    for secret in ("Lefèvre", "LEFÈVRE", "Hélène", "1975"):
        assert secret not in shown


def test_mark_reviewed_with_a_comment(qtbot, glass, review_view, gui_admin, gui_tasks, gui_type):
    _patient, notice = glass
    view = review_view()
    assert not view.review_button.isEnabled()  # nothing selected yet
    view.select_review(notice.id)
    assert view.review_button.isEnabled()
    qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    dialog = view.review_dialog
    assert isinstance(dialog, ReviewDialog)
    assert dialog.reason_label.text() == REASON
    gui_type(dialog.comment_edit, "Justifié : patiente hospitalisée")
    with qtbot.waitSignal(view.sig_reviews_loaded, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert gui_tasks.wait_idle(10000)

    # Gone from "À examiner", with an empty-state sentence.
    assert view.model.rowCount() == 0
    assert view.body.currentWidget() is view.empty_label
    assert view.empty_label.text() == "Aucun accès d'urgence n'attend d'examen."
    assert "examiné" in view.status_label.text()
    [review] = gui_admin.sharing.list_break_glass_reviews(include_reviewed=True)
    assert review.reviewed_by is not None and review.reviewed_by.id == gui_admin.actor.user_id
    assert review.comment == "Justifié : patiente hospitalisée"

    # "Tous": the reviewed access, by whom, when, with the comment.
    with qtbot.waitSignal(view.sig_reviews_loaded, timeout=10000):
        view.filter_combo.setCurrentIndex(view.filter_combo.findData(view.FILTER_ALL))
    assert view.model.rowCount() == 1
    cells = _cells(view)
    assert cells[BreakGlassTableModel.COL_STATUS].startswith("Examiné le ")
    assert gui_admin.actor.display_name in cells[BreakGlassTableModel.COL_STATUS]
    assert cells[BreakGlassTableModel.COL_COMMENT] == "Justifié : patiente hospitalisée"
    view.select_review(notice.id)
    assert not view.review_button.isEnabled()
    assert "Commentaire : Justifié" in view.detail_label.text()


def test_empty_queue_says_so(review_view):
    view = review_view()
    assert view.body.currentWidget() is view.empty_label
    assert view.empty_label.text() == "Aucun accès d'urgence n'attend d'examen."


def test_only_admins_get_the_page_and_the_service_refuses_the_others(
    qtbot, glass, gui_db, gui_admin, gui_practitioner, gui_tasks
):
    window = MainWindow(gui_practitioner, gui_tasks, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    assert "break_glass" not in window.page_keys()
    with pytest.raises(PermissionDenied):
        gui_practitioner.sharing.list_break_glass_reviews()
    _patient, notice = glass
    with pytest.raises(PermissionDenied):
        gui_practitioner.sharing.mark_reviewed(notice.id, "vu")

    admin_window = MainWindow(gui_admin, gui_tasks, idle_timeout_ms=600000)
    qtbot.addWidget(admin_window)
    assert "break_glass" in admin_window.page_keys()
    assert gui_tasks.wait_idle(10000)
    [entry] = [
        admin_window.navigation.item(row)
        for row in range(admin_window.navigation.count())
        if admin_window.navigation.item(row).text() == "Accès d'urgence"
    ]
    assert entry.toolTip() == "1 à examiner"


def test_table_model_without_widgets() -> None:
    from oiso_desktop.domain.roles import AccountStatus
    from oiso_desktop.services.sharing_service import BreakGlassReview, UserRef

    when = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    user = UserRef(7, "Jérôme Martin", Role.PRACTITIONER, AccountStatus.ACTIVE, "CHU Nord", None)
    admin = UserRef(1, "Alice Martin", Role.ADMIN, AccountStatus.ACTIVE, "", None)
    pending = BreakGlassReview(1, user, 42, when, REASON, None, None, "")
    reviewed = BreakGlassReview(2, user, 43, when, REASON, when, admin, "Justifié")
    model = BreakGlassTableModel()
    model.set_rows([pending, reviewed])
    assert model.pending_count() == 1
    assert model.index(0, BreakGlassTableModel.COL_FILE).data() == "42"
    assert model.index(0, BreakGlassTableModel.COL_STRUCTURE).data() == "CHU Nord"
    assert model.index(0, BreakGlassTableModel.COL_STATUS).data() == "À examiner"
    status = model.index(1, BreakGlassTableModel.COL_STATUS).data()
    assert status.startswith("Examiné le ") and status.endswith(" par Alice Martin")
    assert model.index(1, BreakGlassTableModel.COL_COMMENT).data() == "Justifié"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "N° de dossier"
