"""One idiom for background work in the GUI.

Every call into the services that may take time (argon2, queries, writes)
goes through :class:`TaskRunner`::

    self._tasks.run(
        self._session.patients.search, self._session.actor, text,
        on_success=self._on_search_done,
        label=self.tr("Searching..."),
    )

* the pool follows the service method's own declaration (``@reads`` /
  ``@writes`` in ``services.context``): reads run on a small thread pool,
  writes one at a time on a single writer thread, so two saves never race on
  the database; an undeclared callable (a login, a wizard step) says
  ``writer=True`` when it writes;
* the result (or the exception) comes back on the GUI thread through a queued
  signal, then ``on_success(result)`` or ``on_failure(exc)`` is called;
* without ``on_failure``, the error is shown in a message box (French text from
  :func:`~oiso_desktop.gui.error_text.error_text`);
* ``owner``: if that QObject (usually the view) is destroyed before the task
  ends, the callbacks are skipped;
* ``sig_busy_changed(bool)`` drives the busy indicator of the status bar.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from oiso_desktop.domain.errors import OisoError, SessionEnded
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.services.context import AccessMode, access_mode_of
from oiso_desktop.system.diagnostics import exception_summary

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


@dataclass
class _Pending:
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    label: str | None
    owner: QObject | None


class _Job(QRunnable):
    """Runs ``fn`` in a pool thread and reports through the runner's signal."""

    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[..., Any], args, kwargs):
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._task_id = task_id
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:  # called in a pool thread
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(exc, OisoError):
                # Never the message nor the traceback text: they may quote data.
                log.error("Background task failed: %s", exception_summary(exc))
            self._emit(False, exc)
        else:
            self._emit(True, result)
        finally:
            # Drop references (sessions, large results) held by the pool thread.
            self._fn = None  # type: ignore[assignment]
            self._args = ()
            self._kwargs = {}

    def _emit(self, ok: bool, payload: object) -> None:
        runner = self._runner
        if shiboken6.isValid(runner):
            runner._sig_done.emit(self._task_id, ok, payload)


class TaskRunner(QObject):
    """Background work for the GUI: reads in a pool, writes on one writer thread."""

    sig_busy_changed = Signal(bool)
    #: label of the most recent running task ("" when idle), for the status bar
    sig_label_changed = Signal(str)
    #: every failure, handled or not (useful for logging and tests)
    sig_task_failed = Signal(object)
    #: the session's account was suspended or revoked meanwhile (SessionEnded):
    #: the main window logs out; the task's own callbacks are not called
    sig_session_ended = Signal(object)

    # internal: (task_id, ok, result_or_exception), emitted from pool threads
    _sig_done = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, max_readers: int = 4) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(max_readers)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        # Keep the writer thread alive: a database connection may be bound to it.
        self._writer.setExpiryTimeout(-1)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._closed = False
        self._boxes: set[QMessageBox] = set()
        self._sig_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    # ----------------------------------------------------------------- public
    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
        label: str | None = None,
        writer: bool | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> int:
        """Run ``fn(*args, **kwargs)`` in the background; return a task id.

        A service method runs on the pool its declaration names; ``writer``
        may not contradict it.
        """
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        task_id = next(self._ids)
        was_busy = bool(self._pending)
        self._pending[task_id] = _Pending(on_success, on_failure, label, owner)
        job = _Job(self, task_id, fn, args, kwargs)
        (self._writer if self._writes(fn, writer) else self._readers).start(job)
        if not was_busy:
            self.sig_busy_changed.emit(True)
        if label:
            self.sig_label_changed.emit(label)
        return task_id

    @staticmethod
    def _writes(fn: Callable[..., Any], writer: bool | None) -> bool:
        declared = access_mode_of(fn)
        if declared is None:
            return bool(writer)
        if writer is not None and writer != (declared is AccessMode.WRITE):
            raise ValueError(f"{getattr(fn, '__name__', fn)!r} is declared {declared.value}")
        return declared is AccessMode.WRITE

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every task has finished and delivered its result.

        Meant for tests and for shutdown; returns False on timeout.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._pending:
                time.sleep(0.002)
        QCoreApplication.processEvents()
        return True

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Refuse new tasks and wait for running ones (a write must not be cut short)."""
        self._closed = True
        ok_r = self._readers.waitForDone(QDeadlineTimer(timeout_ms))
        ok_w = self._writer.waitForDone(QDeadlineTimer(timeout_ms))
        return ok_r and ok_w

    # --------------------------------------------------------------- private
    @Slot(int, bool, object)
    def _on_done(self, task_id: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.sig_busy_changed.emit(False)
            self.sig_label_changed.emit("")
        if pending is None:
            return
        if not ok:
            self.sig_task_failed.emit(payload)
            if isinstance(payload, SessionEnded):
                self.sig_session_ended.emit(payload)
                return
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return  # the view that asked has gone; nobody to tell
        try:
            if ok:
                if pending.on_success is not None:
                    pending.on_success(payload)
            else:
                assert isinstance(payload, BaseException)
                if pending.on_failure is not None:
                    pending.on_failure(payload)
                else:
                    self.show_error(payload)
        except Exception as exc:
            # A bug in a callback must not take the whole application down.
            log.error("Task callback failed: %s", exception_summary(exc))

    def show_error(self, exc: BaseException, parent: QWidget | None = None) -> None:
        """Default failure handler: a (non-blocking) warning box in French."""
        if parent is None:
            owner = self.parent()
            parent = owner if isinstance(owner, QWidget) else QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setIcon(
            QMessageBox.Icon.Warning if isinstance(exc, OisoError) else QMessageBox.Icon.Critical
        )
        box.setWindowTitle(self.tr("OISO Desktop"))
        box.setText(error_text(exc))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("task_error_box")
        # A parentless box must be kept alive by Python until it is closed.
        self._boxes.add(box)
        box.finished.connect(lambda _result, b=box: self._boxes.discard(b))
        box.open()
