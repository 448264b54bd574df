"""The maintenance job in the background (issue 10), for the status bar and the
administrators' "Maintenance" page.

:class:`MaintenanceJob` runs ``MaintenanceService.run`` on the task runner's
writer thread and reports its progress as translated step names and an overall
percentage. ``stop()`` asks the run to stop at its next progress point: every
step commits on its own and the job is resumable (the next run completes it),
so a run stopped between two steps or two batches leaves nothing half-done.
Logging out calls ``stop()`` then ``wait()``, like the clinical re-encryption
job: the session's database must not close under a running step.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEventLoop,
    QObject,
    Signal,
)

from oiso_desktop.domain.errors import OisoError
from oiso_desktop.gui.error_text import error_text
from oiso_desktop.services.auth_service import UserSession
from oiso_desktop.services.maintenance_service import (
    MaintenanceProgress,
    MaintenanceReport,
    MaintenanceService,
    MaintenanceStep,
)

CONTEXT = "MaintenanceJob"

# the steps in the order of ``MaintenanceService.run`` (for the overall percentage)
STEP_ORDER = (
    MaintenanceStep.PURGE,
    MaintenanceStep.INACTIVITY,
    MaintenanceStep.INTEGRITY,
    MaintenanceStep.FILES,
    MaintenanceStep.ALERTS,
    MaintenanceStep.OUTBOX,
)

_STEP_LABELS = {
    MaintenanceStep.PURGE: QT_TRANSLATE_NOOP("MaintenanceJob", "purging the event log"),
    MaintenanceStep.INTEGRITY: QT_TRANSLATE_NOOP("MaintenanceJob", "checking the database"),
    MaintenanceStep.INACTIVITY: QT_TRANSLATE_NOOP("MaintenanceJob", "inactive accounts"),
    MaintenanceStep.FILES: QT_TRANSLATE_NOOP("MaintenanceJob", "departed users' files"),
    MaintenanceStep.ALERTS: QT_TRANSLATE_NOOP("MaintenanceJob", "access alerts"),
    MaintenanceStep.OUTBOX: QT_TRANSLATE_NOOP("MaintenanceJob", "sending emails"),
}


def step_label(step: str) -> str:
    """The translated name of a maintenance step."""
    source = _STEP_LABELS.get(step)
    return QCoreApplication.translate(CONTEXT, source) if source else step


def overall_percent(progress: MaintenanceProgress) -> int:
    """The whole run's progress, each step counting for an equal share."""
    try:
        index = STEP_ORDER.index(progress.step)
    except ValueError:
        return 0
    fraction = 0.0
    if progress.total > 0:
        fraction = min(1.0, max(0.0, progress.done / progress.total))
    return min(100, int(100 * (index + fraction) / len(STEP_ORDER)))


def report_error_texts(codes: tuple[str, ...] | list[str]) -> list[str]:
    """The translated texts of the error codes a maintenance report lists."""
    texts = []
    for code in codes:
        try:
            text = error_text(OisoError("", code=code))
        except TypeError:  # not a listed code: the text of an unexpected error
            text = error_text(RuntimeError(code))
        if text not in texts:
            texts.append(text)
    return texts


class MaintenanceStopped(Exception):
    """Raised in the worker at a progress point after ``stop()`` (never shown)."""


class _Bridge(QObject):
    """Carries progress from the worker thread to the GUI thread (queued)."""

    sig_progress = Signal(object)


class MaintenanceJob(QObject):
    """One maintenance run at a time, in the background.

    Signals: ``sig_progress(step_label, percent)``, ``sig_finished(report)``
    (a :class:`MaintenanceReport`), ``sig_failed(exc)`` (not emitted for a stop
    or after the session ended), ``sig_running_changed(bool)``.
    """

    sig_progress = Signal(str, int)
    sig_finished = Signal(object)
    sig_failed = Signal(object)
    sig_running_changed = Signal(bool)

    def __init__(
        self,
        session: UserSession,
        tasks: object,
        *,
        now: dt.datetime | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._now = now
        self._running = False
        self._stop = threading.Event()
        self.report: MaintenanceReport | None = None
        self.percent = 0
        self._bridge = _Bridge(self)
        self._bridge.sig_progress.connect(self._on_progress)
        tasks.sig_session_ended.connect(self._on_session_ended)  # type: ignore[attr-defined]

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> bool:
        """Start a run; False if one is running already or the session is closed."""
        if self._running or self._session.closed:
            return False
        self._stop.clear()
        self.report = None
        self.percent = 0
        service = MaintenanceService(self._session.ctx)
        try:
            self._tasks.run(  # type: ignore[attr-defined]
                service.run,
                now=self._now,
                progress=self._report_progress,
                on_success=self._on_done,
                on_failure=self._on_failed,
                label=QCoreApplication.translate("MaintenanceJob", "Maintenance..."),
                owner=self,
            )
        except RuntimeError:  # the task runner is shut down: the application is closing
            return False
        self._set_running(True)
        return True

    def stop(self) -> None:
        """Ask the run to stop at its next progress point (what is done stays done)."""
        self._stop.set()

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Process events until the run has ended; False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._running:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._running:
                time.sleep(0.005)
        return True

    # ------------------------------------------------------------- private
    def _report_progress(self, progress: MaintenanceProgress) -> None:
        """Called in the worker thread, between two committed transactions."""
        if self._stop.is_set():
            raise MaintenanceStopped
        bridge = self._bridge
        if shiboken6.isValid(bridge):
            bridge.sig_progress.emit(progress)

    def _on_progress(self, progress: MaintenanceProgress) -> None:
        if not self._running:
            return
        self.percent = max(self.percent, overall_percent(progress))
        self.sig_progress.emit(step_label(progress.step), self.percent)

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.sig_running_changed.emit(running)

    def _on_done(self, report: MaintenanceReport) -> None:
        self.report = report
        self.percent = 100
        self._set_running(False)
        self.sig_finished.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        if isinstance(exc, MaintenanceStopped) or self._session.closed:
            return
        self.sig_failed.emit(exc)

    def _on_session_ended(self, _exc: object) -> None:
        # The task runner does not call back a task whose session ended.
        self._stop.set()
        self._set_running(False)
