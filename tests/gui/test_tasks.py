"""TaskRunner: results on the GUI thread, writes serialised, failures reported."""

from __future__ import annotations

import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QThread  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from oiso_desktop.domain.errors import AccountLocked, NotFound  # noqa: E402
from oiso_desktop.gui.error_text import error_text  # noqa: E402
from oiso_desktop.gui.tasks import TaskRunner  # noqa: E402


def test_success_is_delivered_on_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(a, b):
        seen["worker"] = threading.get_ident()
        return a + b

    def done(result):
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is QApplication.instance().thread()

    with qtbot.waitSignal(runner.sig_busy_changed) as blocker:
        runner.run(work, 2, 3, on_success=done)
    assert blocker.args == [True]
    assert runner.wait_idle(5000)
    assert seen["result"] == 5
    assert seen["on_gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert not runner.is_busy()


def test_writes_run_one_at_a_time(qtbot):
    runner = TaskRunner()
    active = []
    overlap = []
    lock = threading.Lock()

    def write(i):
        with lock:
            active.append(i)
            if len(active) > 1:
                overlap.append(tuple(active))
        time.sleep(0.02)
        with lock:
            active.remove(i)
        return i

    results = []
    for i in range(5):
        runner.run(write, i, on_success=results.append, writer=True)
    assert runner.wait_idle(5000)
    assert overlap == []
    assert results == [0, 1, 2, 3, 4]


def test_failure_goes_to_handler_with_french_text(qtbot):
    runner = TaskRunner()
    errors = []

    def fail():
        raise AccountLocked("Compte verrouillé", retry_after_seconds=300)

    runner.run(fail, on_failure=errors.append)
    assert runner.wait_idle(5000)
    assert isinstance(errors[0], AccountLocked)
    assert "5" in error_text(errors[0])


def test_default_failure_handler_shows_message_box(qtbot):
    runner = TaskRunner()

    def fail():
        raise NotFound("Introuvable")

    runner.run(fail)
    assert runner.wait_idle(5000)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes, "a message box should be shown"
    box = boxes[-1]
    assert box.text() == error_text(NotFound("Introuvable"))
    box.close()


def test_unexpected_exception_gets_generic_text(qtbot):
    text = error_text(ZeroDivisionError("boom"))
    assert "boom" not in text


def test_callbacks_skipped_when_owner_deleted(qtbot):
    runner = TaskRunner()
    owner = QObject()
    called = []
    gate = threading.Event()

    def work():
        gate.wait(2)
        return 1

    runner.run(work, on_success=called.append, owner=owner)
    owner.deleteLater()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    assert runner.wait_idle(5000)
    assert called == []
