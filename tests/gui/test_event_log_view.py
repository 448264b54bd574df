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
    assert not view.export_button.isVisible()
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
