"""Event log view: filters, own events for non-admins, integrity check, CSV export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from oiso_desktop.gui.event_log_view import EventLogView
from oiso_desktop.gui.event_table_model import EventTableModel, action_label


@pytest.fixture
def admin_log(qtbot, gui_admin, gui_tasks):
    view = EventLogView(gui_admin, gui_tasks)
    qtbot.addWidget(view)
    view.resize(1150, 520)
    view.show()
    assert gui_tasks.wait_idle(10000)
    return view


def _actions(view) -> list[str]:
    return [view.model.row_at(row).action for row in range(view.model.rowCount())]


def test_admin_sees_all_events_and_filters(qtbot, admin_log, gui_tasks, gui_db):
    actions = _actions(admin_log)
    assert "database_created" in actions and "user_created" in actions
    logins = {admin_log.model.row_at(r).login for r in range(admin_log.model.rowCount())}
    assert {"admin", "cdubois"} <= logins
    row = actions.index("user_created")
    assert admin_log.model.index(row, EventTableModel.COL_ACTION).data() == action_label(
        "user_created"
    )

    combo = admin_log.action_combo
    combo.setCurrentIndex(combo.findData("password_changed"))
    assert gui_tasks.wait_idle(5000)
    assert set(_actions(admin_log)) == {"password_changed"}

    combo.setCurrentIndex(0)
    users = admin_log.user_combo
    users.setCurrentIndex(users.findData(gui_db.user_ids["cdubois"]))
    assert gui_tasks.wait_idle(5000)
    rows = [admin_log.model.row_at(r) for r in range(admin_log.model.rowCount())]
    assert rows and {e.user_id for e in rows} == {gui_db.user_ids["cdubois"]}

    # A period in the future has no events; an inverted period is refused.
    users.setCurrentIndex(0)
    future = (date.today() + timedelta(days=10)).strftime("%d/%m/%Y")
    admin_log.from_date_edit.setText(future)
    admin_log.reload()
    assert gui_tasks.wait_idle(5000)
    assert admin_log.model.rowCount() == 0
    admin_log.to_date_edit.setText(date.today().strftime("%d/%m/%Y"))
    admin_log.reload()
    assert admin_log.filter_message_label.text()
    admin_log.from_date_edit.setText(date.today().strftime("%d/%m/%Y"))
    admin_log.reload()
    assert gui_tasks.wait_idle(5000)
    assert admin_log.model.rowCount() > 0


def test_verify_shows_green_result(qtbot, admin_log, gui_tasks, gui_admin):
    with qtbot.waitSignal(admin_log.sig_verify_finished, timeout=10000) as done:
        qtbot.mouseClick(admin_log.verify_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.ok and report.checked > 0
    text = admin_log.result_text()
    assert str(report.checked) in text
    assert admin_log.result_label.property("role") == "ok"
    assert gui_admin.events.list(action="events_verified")


def test_export_csv(qtbot, admin_log, gui_tasks, tmp_path):
    target = tmp_path / "journal.csv"
    with qtbot.waitSignal(admin_log.sig_export_finished, timeout=10000) as done:
        admin_log.export_to(target)
    count = done.args[0]
    assert isinstance(count, int) and count > 0
    content = target.read_text(encoding="utf-8-sig")
    assert "user_created" in content
    assert str(target) in admin_log.result_text()


def test_non_admin_sees_only_their_own_events(qtbot, gui_practitioner, gui_tasks, gui_db):
    view = EventLogView(gui_practitioner, gui_tasks)
    qtbot.addWidget(view)
    view.show()
    assert gui_tasks.wait_idle(10000)
    assert view.model.rowCount() > 0
    user_ids = {view.model.row_at(r).user_id for r in range(view.model.rowCount())}
    assert user_ids == {gui_db.user_ids["cdubois"]}
    assert not view.verify_button.isVisible()
    assert view.export_button.isVisible()  # their own events, as shown
    assert not view.user_combo.isVisible()


def test_export_pdf_follows_the_filters(qtbot, admin_log, gui_tasks, tmp_path):
    import pypdfium2 as pdfium

    combo = admin_log.action_combo
    combo.setCurrentIndex(combo.findData("user_created"))
    assert gui_tasks.wait_idle(5000)
    shown = admin_log.model.rowCount()
    target = tmp_path / "journal.pdf"
    assert admin_log.export_pdf_button.isVisible()
    with qtbot.waitSignal(admin_log.sig_pdf_export_finished, timeout=10000) as done:
        admin_log.export_pdf_to(target)
    assert done.args[0] == shown > 0
    document = pdfium.PdfDocument(str(target))
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "Extrait du journal des événements" in text
    assert text.count(action_label("user_created")) == shown + 1  # rows + the filter line
    assert str(target) in admin_log.result_text()
    assert "PDF" in admin_log.result_text()
    qtbot.wait(50)
    admin_log.grab().save(str(tmp_path / "journal.png"))


def test_a_non_admin_exports_their_own_events_as_pdf(qtbot, gui_practitioner, gui_tasks, tmp_path):
    view = EventLogView(gui_practitioner, gui_tasks)
    qtbot.addWidget(view)
    view.show()
    assert gui_tasks.wait_idle(10000)
    assert view.export_pdf_button.isVisible()
    with qtbot.waitSignal(view.sig_pdf_export_finished, timeout=10000) as done:
        view.export_pdf_to(tmp_path / "mien.pdf")
    assert done.args[0] == view.model.rowCount()


def _csv_rows(path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_export_csv_follows_the_filters(qtbot, admin_log, gui_tasks, gui_db, tmp_path):
    """The CSV button writes what the Journal shows: user, action and period."""
    from PySide6.QtWidgets import QFileDialog

    cdubois = gui_db.user_ids["cdubois"]
    users = admin_log.user_combo
    users.setCurrentIndex(users.findData(cdubois))
    actions = admin_log.action_combo
    actions.setCurrentIndex(actions.findData("password_changed"))
    today = date.today().strftime("%d/%m/%Y")
    admin_log.from_date_edit.setText(today)
    admin_log.to_date_edit.setText(today)
    admin_log.reload()
    assert gui_tasks.wait_idle(5000)
    shown = [admin_log.model.row_at(r).id for r in range(admin_log.model.rowCount())]
    assert shown  # cdubois set her own password at her first sign-in

    # Through the button and its file dialog, as a user would.
    qtbot.mouseClick(admin_log.export_button, Qt.MouseButton.LeftButton)
    dialog = admin_log.export_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "journal-cdubois.csv"
    with qtbot.waitSignal(admin_log.sig_export_finished, timeout=10000) as done:
        dialog.fileSelected.emit(str(target))
        dialog.close()
    assert done.args[0] == len(shown)
    rows = _csv_rows(target)
    assert sorted(int(row["numéro"]) for row in rows) == sorted(shown)
    assert {(row["utilisateur_id"], row["action"]) for row in rows} == {
        (str(cdubois), "password_changed")
    }
    assert {row["date_utc"][:10] for row in rows} <= {
        (date.today() + timedelta(days=d)).isoformat() for d in (-1, 0, 1)
    }
    assert str(target) in admin_log.result_text()

    # Another action: the file follows the new filter.
    actions.setCurrentIndex(actions.findData("login"))
    assert gui_tasks.wait_idle(5000)
    logins = tmp_path / "connexions.csv"
    with qtbot.waitSignal(admin_log.sig_export_finished, timeout=10000) as done:
        admin_log.export_to(logins)
    rows = _csv_rows(logins)
    assert done.args[0] == len(rows) > 0
    assert {(row["utilisateur_id"], row["action"]) for row in rows} == {(str(cdubois), "login")}


def test_a_non_admin_exports_their_own_events_as_csv(qtbot, gui_practitioner, gui_tasks, tmp_path):
    view = EventLogView(gui_practitioner, gui_tasks)
    qtbot.addWidget(view)
    view.show()
    assert gui_tasks.wait_idle(10000)
    shown = sorted(view.model.row_at(r).id for r in range(view.model.rowCount()))
    target = tmp_path / "mien.csv"
    with qtbot.waitSignal(view.sig_export_finished, timeout=10000) as done:
        view.export_to(target)
    rows = _csv_rows(target)
    assert done.args[0] == len(rows) == len(shown)
    assert sorted(int(row["numéro"]) for row in rows) == shown
    assert {row["identifiant"] for row in rows} == {"cdubois"}
