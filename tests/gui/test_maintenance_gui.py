"""The maintenance job in the background after login (status bar), against a real
encrypted database."""

from __future__ import annotations

from sqlalchemy import select

from oiso_desktop.gui.main_window import MainWindow
from oiso_desktop.storage.models import Event
from oiso_desktop.storage.uow import UnitOfWork


def _actions(session) -> list[str]:
    with UnitOfWork(session.ctx.database.session_factory) as uow:
        return list(uow.session.scalars(select(Event.action).order_by(Event.id)))


def test_the_main_window_runs_maintenance_in_the_background(qtbot, gui_admin, gui_tasks):
    window = MainWindow(gui_admin, gui_tasks, idle_timeout_ms=600000, maintenance=True)
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[str, int]] = []
    shown: list[tuple[str, bool]] = []

    def on_progress(step: str, percent: int) -> None:
        seen.append((step, percent))
        # The status bar shows it (this slot runs after the window's own).
        shown.append((window.maintenance_label.text(), window.maintenance_bar.isVisible()))

    window.maintenance_job.sig_progress.connect(on_progress)
    with qtbot.waitSignal(window.maintenance_job.sig_finished, timeout=20000) as finished:
        pass
    assert shown[0] == ("Maintenance : purge du journal… 0 %", True)
    report = finished.args[0]
    assert report.errors == () and report.integrity_ok is True
    steps = [step for step, _ in seen]
    assert steps[0] == "purge du journal" and "alertes d'accès" in steps
    percents = [percent for _, percent in seen]
    assert percents == sorted(percents) and max(percents) < 100
    # Done: the label and the bar are gone, the run is in the log.
    assert not window.maintenance_label.isVisible() and not window.maintenance_bar.isVisible()
    actions = _actions(gui_admin)
    assert actions.count("maintenance_started") == 1
    assert actions.count("maintenance_finished") == 1


def test_progress_text_is_french(qtbot, gui_admin, gui_tasks):
    window = MainWindow(gui_admin, gui_tasks, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    window._on_maintenance_progress("purge du journal", 40)
    assert window.maintenance_label.text() == "Maintenance : purge du journal… 40 %"
    window._on_maintenance_finished(type("R", (), {"errors": ("database_corrupted",)})())
    assert window.maintenance_label.text() == "⚠ Maintenance incomplète"
    assert "n'a pas pu" in window.maintenance_label.toolTip()


def test_logout_stops_the_job_cleanly(qtbot, gui_admin, gui_tasks):
    window = MainWindow(gui_admin, gui_tasks, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    window.show()
    assert window.start_maintenance()
    window.logout()  # stops at the next step, waits, then closes the session
    assert not window.maintenance_job.running
    assert gui_admin.closed
    assert not window.maintenance_job.start()  # never again on a closed session


def test_without_the_flag_nothing_runs(qtbot, gui_admin, gui_tasks):
    window = MainWindow(gui_admin, gui_tasks, idle_timeout_ms=600000)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert gui_tasks.wait_idle(10000)
    assert "maintenance_started" not in _actions(gui_admin)


def test_a_stopped_run_stops_quietly_and_the_next_one_completes(qtbot, gui_admin, gui_tasks):
    from oiso_desktop.gui.maintenance_job import MaintenanceJob

    job = MaintenanceJob(gui_admin, gui_tasks)
    failures: list[object] = []
    finished: list[object] = []
    job.sig_failed.connect(failures.append)
    job.sig_finished.connect(finished.append)
    assert job.start()
    job.stop()  # the first progress point (after "maintenance_started") stops it
    assert job.running and not job.start()  # one run at a time
    assert job.wait(20000) and not job.running
    assert failures == [] and finished == []
    actions = _actions(gui_admin)
    assert actions.count("maintenance_started") == 1
    assert "maintenance_finished" not in actions
    # The next run goes to the end.
    with qtbot.waitSignal(job.sig_finished, timeout=20000):
        assert job.start()
    assert finished and finished[0].errors == ()
    assert _actions(gui_admin).count("maintenance_finished") == 1
