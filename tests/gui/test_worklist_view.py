"""The Suivi page's worklists and week calendar on a real database: each list holds
the right patients, the filters and the sorting narrow and order it, a secretary sees
only the files of the practitioners she assists, a booked appointment is drawn in its
day's column, a double-click opens the file. The lazy model on its own, too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from followup_fixtures import FollowupTeam, make_followup_team
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from oiso_desktop.domain.followup.exams import ExamKind
from oiso_desktop.domain.followup.worklist import WorklistKind
from oiso_desktop.gui.followup_page import FollowupPage
from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.gui.week_calendar_view import WeekCalendarView, first_working_monday, monday_of
from oiso_desktop.gui.worklist_table_model import WorklistTableModel
from oiso_desktop.gui.worklist_view import WorklistView
from oiso_desktop.services.followup_service import WorklistIds, WorklistRow


@pytest.fixture
def team(gui_db, created_db) -> FollowupTeam:  # type: ignore[no-untyped-def]
    return make_followup_team(gui_db, str(created_db.recovery_code))


def _view(qtbot, session, gui_tasks) -> WorklistView:  # type: ignore[no-untyped-def]
    view = WorklistView(session, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    _settle(qtbot, view)
    return view


def _settle(qtbot, view: WorklistView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10000)
    qtbot.waitUntil(
        lambda: all(view.model.row_at(r) is not None for r in range(view.model.rowCount())),
        timeout=10000,
    )


def _rows(view: WorklistView) -> list[tuple[str, str]]:
    rows = [view.model.row_at(r) for r in range(view.model.rowCount())]
    return [(row.patient_name.split()[0], row.exam.value) for row in rows if row is not None]


def test_each_list_holds_the_right_patients(qtbot, team: FollowupTeam, gui_tasks) -> None:
    view = _view(qtbot, team.secretary(), gui_tasks)
    assert view.current_kind() is WorklistKind.DUE_SOON
    assert _rows(view) == [
        ("LEFÈVRE", "breast_mri"),
        ("MARTIN", "breast_mri"),
        ("NGUYEN", "breast_mri"),
    ]
    due = view.model.row_at(0)
    assert due is not None and due.next_due == dt.date.today() + dt.timedelta(days=10)

    view.set_kind(WorklistKind.OVERDUE)
    _settle(qtbot, view)
    overdue = _rows(view)
    assert ("ROUX", "breast_mri") in overdue  # 60 days late: overdue, not lost
    assert not any(
        exam == "breast_mri" and name != "ROUX" for name, exam in overdue if name != "PETIT"
    )
    assert {name for name, _ in overdue} == {"LEFÈVRE", "MARTIN", "NGUYEN", "ROUX", "PETIT"}

    view.set_kind(WorklistKind.LOST)
    _settle(qtbot, view)
    lost = _rows(view)
    assert ("PETIT", "breast_mri") in lost and ("PETIT", "mammography") in lost
    assert ("ROUX", "breast_mri") not in lost
    assert all(view.model.index(r, 0).data(WorklistTableModel.LOST_ROLE) for r in range(len(lost)))
    assert view.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # they stand out
    tip = view.model.index(0, WorklistTableModel.COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Aucun examen depuis plus de deux intervalles : perdu de vue"

    # booked: off the "not scheduled" list, on the others with its date
    view.set_kind(WorklistKind.NOT_SCHEDULED)
    _settle(qtbot, view)
    assert ("LEFÈVRE", "breast_mri") in _rows(view)
    team.book("LEFÈVRE", "breast_mri", 5, 10)
    view.refresh()
    _settle(qtbot, view)
    assert ("LEFÈVRE", "breast_mri") not in _rows(view)
    qtbot.waitUntil(lambda: len(view.counts()) == 4, timeout=10000)
    counts = view.counts()
    assert counts[WorklistKind.DUE_SOON] == 3 and counts[WorklistKind.LOST] == len(lost)
    assert view.list_tabs.tabText(3) == f"Perdu de vue ({len(lost)})"


def test_filters_and_sorting(qtbot, team: FollowupTeam, gui_tasks) -> None:
    view = _view(qtbot, team.practitioner, gui_tasks)
    view.set_kind(WorklistKind.OVERDUE)
    _settle(qtbot, view)
    everything = _rows(view)
    assert len(everything) > 5

    view.set_exam(ExamKind.MAMMOGRAPHY.value)
    _settle(qtbot, view)
    assert {exam for _, exam in _rows(view)} == {"mammography"}
    assert len(_rows(view)) == 5

    # ordered by name, then backwards, by clicking the header
    view.table.sortByColumn(WorklistTableModel.COL_PATIENT, Qt.SortOrder.AscendingOrder)
    _settle(qtbot, view)
    assert [name for name, _ in _rows(view)] == ["LEFÈVRE", "MARTIN", "NGUYEN", "PETIT", "ROUX"]
    view.table.sortByColumn(WorklistTableModel.COL_PATIENT, Qt.SortOrder.DescendingOrder)
    _settle(qtbot, view)
    assert [name for name, _ in _rows(view)] == ["ROUX", "PETIT", "NGUYEN", "MARTIN", "LEFÈVRE"]
    view.table.sortByColumn(WorklistTableModel.COL_BIRTH_DATE, Qt.SortOrder.AscendingOrder)
    _settle(qtbot, view)
    assert [name for name, _ in _rows(view)] == ["PETIT", "NGUYEN", "ROUX", "MARTIN", "LEFÈVRE"]
    # the last exam: the mammographies were never done, the MRIs were
    view.set_exam(ExamKind.BREAST_MRI.value)
    view.table.sortByColumn(WorklistTableModel.COL_LAST_DONE, Qt.SortOrder.DescendingOrder)
    _settle(qtbot, view)
    assert [name for name, _ in _rows(view)] == ["ROUX", "PETIT"]
    assert view.model.row_at(1).last_done is None  # never done: last
    view.table.sortByColumn(WorklistTableModel.COL_PRACTITIONER, Qt.SortOrder.AscendingOrder)
    _settle(qtbot, view)
    assert view.model.sort_order() == (WorklistTableModel.COL_PRACTITIONER, False)
    view.set_exam(ExamKind.MAMMOGRAPHY.value)
    _settle(qtbot, view)

    # the practitioner filter: the other practitioner's files are not hers to see
    qtbot.waitUntil(lambda: view.practitioner_combo.count() == 3, timeout=5000)
    assert view.set_practitioner(team.other_id)
    _settle(qtbot, view)
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "Aucun examen dans cette liste"
    assert view.set_practitioner(team.practitioner_id)
    _settle(qtbot, view)
    assert len(_rows(view)) == 5
    # the site filter: both practitioners work at the structure
    assert view.site_combo.count() == 2
    assert view.set_site(view.site_combo.itemData(1))
    _settle(qtbot, view)
    assert len(_rows(view)) == 5


def test_a_secretary_sees_only_the_files_of_the_practitioners_she_assists(
    qtbot, team: FollowupTeam, gui_tasks
) -> None:
    view = _view(qtbot, team.secretary(), gui_tasks)
    qtbot.waitUntil(lambda: view.practitioner_combo.count() == 2, timeout=5000)
    assert view.practitioner_combo.itemText(1) == "Claire Dubois"
    for kind in (WorklistKind.OVERDUE, WorklistKind.LOST, WorklistKind.NOT_SCHEDULED):
        view.set_kind(kind)
        _settle(qtbot, view)
        assert view.model.rowCount() > 0
        assert "BERNARDIN" not in {name for name, _ in _rows(view)}
    other = team.db.login("pbernard")
    mine = _view(qtbot, other, gui_tasks)
    mine.set_kind(WorklistKind.LOST)
    _settle(qtbot, mine)
    assert {name for name, _ in _rows(mine)} == {"BERNARDIN"}


def test_the_calendar_draws_appointments_in_their_day_and_marks_conflicts(
    qtbot, team: FollowupTeam, gui_tasks
) -> None:
    # next week, so that every day is to come
    monday = monday_of(dt.date.today()) + dt.timedelta(days=7)
    offset = (monday - dt.date.today()).days
    tuesday = team.book("LEFÈVRE", "breast_mri", offset + 1, 9)
    same_place = team.book("MARTIN", "breast_mri", offset + 1, 9)
    friday = team.book("ROUX", "mammography", offset + 4, 14, place="Sénologie")
    calendar = WeekCalendarView(team.secretary(), gui_tasks)
    qtbot.addWidget(calendar)
    calendar.resize(1200, 640)
    calendar.show()
    qtbot.waitUntil(
        lambda: calendar.week() is not None and not calendar.is_loading(), timeout=10000
    )
    calendar.go_to(monday)
    qtbot.waitUntil(lambda: not calendar.is_loading(), timeout=10000)
    week = calendar.week()
    assert week is not None and week.monday == monday
    assert calendar.day_column_of(tuesday) == 1
    assert calendar.day_column_of(same_place) == 1
    assert calendar.day_column_of(friday) == 4
    block = calendar.block_of(tuesday)
    assert block is not None
    assert block.text() == "09:00 LEFÈVRE Hélène\nIRM mammaire · Réservé"
    assert block.conflict and calendar.block_of(same_place).conflict
    assert block.toolTip().endswith("Le lieu est déjà réservé à cette heure")
    assert not calendar.block_of(friday).conflict
    assert (
        calendar.message_label.text()
        == "3 rendez-vous cette semaine. 2 en conflit (bordure rouge)."
    )

    # a click opens the actions; confirming changes the status drawn
    qtbot.mouseClick(block, Qt.MouseButton.LeftButton)
    menu = calendar.menu
    assert menu is not None
    labels = [action.text() for action in menu.actions() if action.text()]
    assert labels == [
        "Confirmer",
        "Marquer comme manqué",
        "Reprogrammer…",
        "Annuler le rendez-vous…",
        "Ouvrir le dossier",
    ]
    with qtbot.waitSignal(calendar.sig_changed, timeout=10000):
        next(a for a in menu.actions() if a.text() == "Confirmer").trigger()
    qtbot.waitUntil(lambda: not calendar.is_loading(), timeout=10000)
    assert "Confirmé" in calendar.block_of(tuesday).text()

    # by place: only the radiology appointments
    calendar.set_place("radiologie")
    qtbot.waitUntil(lambda: not calendar.is_loading(), timeout=10000)
    assert {a.id for a in calendar.week().appointments} == {tuesday, same_place}
    calendar.go_to(monday + dt.timedelta(days=7))
    qtbot.waitUntil(lambda: not calendar.is_loading(), timeout=10000)
    assert calendar.week().appointments == ()
    assert calendar.message_label.text() == "Aucun rendez-vous cette semaine."


def test_a_double_click_opens_the_file_and_the_ics_export_is_explained(
    qtbot, team: FollowupTeam, gui_tasks, tmp_path: Path
) -> None:
    window = MainWindow(team.secretary(), gui_tasks, database_folder=team.db.folder)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("followup")
    page = window.pages["followup"]
    assert isinstance(page, FollowupPage)
    view = page.worklists
    _settle(qtbot, view)
    patients = window.pages["patients"]
    rect = view.table.visualRect(view.model.index(0, 0))
    # a double-click is a press then a double-click event (as a real mouse sends them)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: team.patients["LEFÈVRE"] in patients.file_windows, timeout=10000)
    file_window = patients.file_windows[team.patients["LEFÈVRE"]]
    # on its Suivi tab
    assert file_window.tabs.currentWidget() is file_window.followup_panel
    file_window.close()

    team.book("LEFÈVRE", "breast_mri", 3, 11)
    view.refresh()
    _settle(qtbot, view)
    view.select_rows([0, 2])
    view.export_calendar()
    qtbot.waitUntil(lambda: view.ics_box is not None, timeout=10000)
    box = view.ics_box
    assert "aucun nom, aucun diagnostic, aucun gène" in box.informativeText()
    assert box.text().startswith("Exporter 1 rendez-vous")
    box.close()
    target = tmp_path / "rdv"
    appointment = team.practitioner.appointments.for_patient(team.patients["LEFÈVRE"])[0]
    with qtbot.waitSignal(view.sig_calendar_exported, timeout=10000):
        view.export_calendar_to(target, [appointment.id])
    text = target.with_suffix(".ics").read_text(encoding="utf-8")
    assert "SUMMARY:Rendez-vous IRM mammaire" in text
    assert "LEF" not in text.upper() and "Hélène" not in text and "BRCA" not in text
    assert view.count_label.text() == "1 rendez-vous exporté."
    window.close()


def _row(item_id: int) -> WorklistRow:
    return WorklistRow(
        item_id=item_id,
        patient_id=1000 + item_id,
        patient_name=f"NOM{item_id} Prénom",
        birth_date=dt.date(1980, 1, 1),
        owner_id=1,
        owner_name="Claire Dubois",
        exam=ExamKind.BREAST_MRI,
        label="",
        next_due=dt.date(2026, 1, 1),
        last_done=None,
        interval_months=12,
        kinds=frozenset({WorklistKind.OVERDUE}),
        scheduled_on=None,
    )


def test_the_model_holds_a_few_pages_and_fetches_the_rows_in_view(qapp) -> None:
    asked: list[tuple[int, ...]] = []
    answers = {}

    def loader(ids, on_success, on_failure) -> None:  # type: ignore[no-untyped-def]
        asked.append(ids)
        answers[ids[0]] = on_success

    model = WorklistTableModel(loader)
    ids = tuple(range(1, 5001))
    model.set_result(
        WorklistIds(WorklistKind.OVERDUE, ids, dt.date(2026, 3, 2)),
        [_row(i) for i in range(1, 51)],
    )
    assert model.rowCount() == 5000 and model.held_pages() == (0,)
    assert model.index(0, 0).data() == "NOM1 Prénom"
    assert model.index(60, 0).data() == "…"
    assert model.index(60, 0).data(WorklistTableModel.ITEM_ID_ROLE) == 61
    assert model.load_rows(0, 40) == []
    assert model.load_rows(2400, 2440) == [48]
    assert asked == [ids[2400:2450]]
    answers[2401]([_row(i) for i in range(2401, 2451) if i != 2405])
    assert model.index(2400, WorklistTableModel.COL_EXAM).data() == "IRM mammaire"
    assert model.index(2404, 0).data() == "Ne figure plus dans cette liste"
    assert model.index(2400, WorklistTableModel.COL_STATUS).data() == "En retard · non programmé"
    for page in range(60, 60 + WorklistTableModel.MAX_HELD_PAGES + 2):
        model.load_rows(page * 50, page * 50)
        answers[page * 50 + 1]([_row(i) for i in range(page * 50 + 1, page * 50 + 51)])
    assert len(model.held_pages()) == WorklistTableModel.MAX_HELD_PAGES
    assert 0 not in model.held_pages()
    # a header click asks the view for the list in the service's order
    requested: list[tuple[str, bool]] = []
    model.sig_sort_requested.connect(lambda key, desc: requested.append((key, desc)))
    model.sort(WorklistTableModel.COL_PRACTITIONER, Qt.SortOrder.DescendingOrder)
    assert requested == [("practitioner", True)]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Patient"
    assert not model.index(0, 0, QModelIndex()).parent().isValid()
    QApplication.processEvents()


def test_the_calendar_opens_on_the_coming_week_at_the_weekend() -> None:
    # Wednesday 25 November 2026: this week; Saturday 28 and Sunday 29: the next one
    assert first_working_monday(dt.date(2026, 11, 25)) == dt.date(2026, 11, 23)
    assert first_working_monday(dt.date(2026, 11, 27)) == dt.date(2026, 11, 23)
    assert first_working_monday(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)
    assert first_working_monday(dt.date(2026, 11, 29)) == dt.date(2026, 11, 30)
