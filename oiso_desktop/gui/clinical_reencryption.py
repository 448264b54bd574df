"""The re-encryption of clinical data after a rotation of the clinical key, in the background.

After a rotation, values written with an older generation of the clinical key
are re-encrypted batch by batch (``session.clinical_key.rekey_clinical_data``).
:class:`ClinicalReencryptionJob` runs one batch at a time on the task runner's
writer thread: each batch is its own short transaction, so other users' and this
user's saves go in between, and the UI thread never waits.

* Resumable: every batch commits. If the application closes, or the session
  ends, mid-way, the next session holding the clinical key starts the job again
  and it goes on where it stopped (only values still under an older generation
  are touched).
* Stopped cleanly: :meth:`ClinicalReencryptionJob.stop` schedules no further
  batch (the one underway finishes and commits); a session that ends by itself
  (account suspended or revoked: ``SessionEnded``) stops it too; while the
  screen is locked, the job waits and goes on after the unlock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from oiso_desktop.domain.error_codes import ErrorCode
from oiso_desktop.domain.errors import OisoError
from oiso_desktop.gui.tasks import TaskRunner
from oiso_desktop.services.clinical_key_service import DEFAULT_BATCH_SIZE, ClinicalRekeyProgress

if TYPE_CHECKING:
    from oiso_desktop.services.auth_service import UserSession

__all__ = ["ClinicalReencryptionJob"]

# how often a job paused by the lock screen looks whether the session was unlocked
LOCKED_RETRY_MS = 2000


class ClinicalReencryptionJob(QObject):
    """Re-encrypts the clinical data left under older key generations, batch by batch.

    Signals: ``sig_progress(done, total)`` after every batch (``total`` is what
    was left when the job started, plus what it found since); ``sig_finished(done)``
    once nothing is left (``done`` may be 0: nothing was stale);
    ``sig_failed(exc)`` when a batch failed for another reason than the lock
    screen; ``sig_running_changed(bool)``.
    """

    sig_progress = Signal(int, int)
    sig_finished = Signal(int)
    sig_failed = Signal(object)
    sig_running_changed = Signal(bool)

    def __init__(
        self,
        session: UserSession,
        tasks: TaskRunner,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        locked_retry_ms: int = LOCKED_RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self._session = session
        self._tasks = tasks
        self._batch_size = batch_size
        self._locked_retry_ms = locked_retry_ms
        self._running = False
        self._stopped = False
        self._in_flight = False
        self._done = 0
        self._total = 0
        self._batches = 0
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._next_batch)
        tasks.sig_session_ended.connect(self._on_session_ended)

    # ----------------------------------------------------------------- state
    @property
    def running(self) -> bool:
        return self._running

    @property
    def batch_size(self) -> int:
        """Values re-encrypted per transaction (the next batch uses a new value)."""
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        if value < 1:
            raise ValueError("batch_size must be positive")
        self._batch_size = value

    @property
    def locked_retry_ms(self) -> int:
        """How often a job paused by the lock screen looks whether it was unlocked."""
        return self._locked_retry_ms

    @locked_retry_ms.setter
    def locked_retry_ms(self, value: int) -> None:
        self._locked_retry_ms = max(1, value)

    @property
    def done(self) -> int:
        """Values re-encrypted by this job so far."""
        return self._done

    @property
    def total(self) -> int:
        """Values to re-encrypt, as far as the job knows (0 until the first batch)."""
        return self._total

    @property
    def batches(self) -> int:
        """Batches completed by this job."""
        return self._batches

    def percent(self) -> int:
        if self._total <= 0:
            return 100 if self._batches else 0
        return min(100, (100 * self._done) // self._total)

    # ---------------------------------------------------------------- control
    def start(self) -> None:
        """Start (or resume) the job; nothing happens while it is already running."""
        if self._running:
            return
        self._stopped = False
        self._done = 0
        self._total = 0
        self._batches = 0
        self._set_running(True)
        self._next_batch()

    def stop(self) -> None:
        """Schedule no further batch; the one underway finishes and commits."""
        self._stopped = True
        self._retry_timer.stop()
        if not self._in_flight:
            self._set_running(False)

    # ---------------------------------------------------------------- private
    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.sig_running_changed.emit(running)

    def _next_batch(self) -> None:
        if self._stopped or self._session.closed:
            self._set_running(False)
            return
        if self._session.locked:
            self._retry_timer.start(self._locked_retry_ms)
            return
        try:
            self._tasks.run(
                self._session.clinical_key.rekey_clinical_data,
                self._batch_size,
                on_success=self._on_batch_done,
                on_failure=self._on_batch_failed,
                label=self.tr("Re-encrypting clinical data..."),
                owner=self,
            )
        except RuntimeError:  # the task runner is shut down: the application is closing
            self._set_running(False)
            return
        self._in_flight = True

    def _on_batch_done(self, progress: ClinicalRekeyProgress) -> None:
        self._in_flight = False
        self._batches += 1
        self._done += progress.reencrypted
        self._total = max(self._total, self._done + progress.remaining)
        self.sig_progress.emit(self._done, self._total)
        if progress.done:
            self._set_running(False)
            self.sig_finished.emit(self._done)
            return
        if self._stopped:
            self._set_running(False)
            return
        self._next_batch()

    def _on_batch_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        locked = isinstance(exc, OisoError) and exc.code == ErrorCode.SESSION_LOCKED
        if locked and not self._stopped:
            # Locked between two batches: go on after the unlock.
            self._retry_timer.start(self._locked_retry_ms)
            return
        self._set_running(False)
        if not self._stopped and not self._session.closed:
            self.sig_failed.emit(exc)

    def _on_session_ended(self, _exc: object) -> None:
        # The task runner does not call back a task whose session ended.
        self._in_flight = False
        self.stop()
