"""Synchronization in the background, owned by the main window.

A cycle runs on a thread of its own, never on the GUI thread: a few seconds
after the last local change, every two minutes, and when the user asks. A
server that cannot be reached is not an error: the desktop works offline
and tries again later, waiting longer after each failure. The runner only
schedules; the status widget shows what it knows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from cams_desktop.db.engine import Database
from cams_desktop.services.access import Actor
from cams_desktop.services.sync_status import (
    SyncHealth,
    SyncNotReady,
    pending_changes,
    run_sync,
    sync_health,
)
from cams_desktop.sync.engine import SyncReport
from cams_desktop.sync.local import SyncBusy
from cams_desktop.sync.protocol import ServerUnavailable

log = logging.getLogger(__name__)

DEBOUNCE_MS = 5_000
PERIOD_MS = 120_000
POLL_MS = 2_000
# Waits after one, two, three… failed tries in a row.
BACKOFF_SECONDS = (60, 120, 300, 600, 900)


class _Call(QObject):
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread
            self.failed.emit(error)
        else:
            self.finished.emit(result)


class Job(QObject):
    """One blocking service call on a thread of its own.

    ``done`` or ``failed`` arrives in the thread that made the job, once the
    worker thread has ended.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._call = _Call(work)
        self._call.moveToThread(self._thread)
        self._thread.started.connect(self._call.run)
        self._call.finished.connect(self._on_finished)
        self._call.failed.connect(self._on_failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker thread ends (when the window closes)."""
        self._thread.quit()
        self._thread.wait()

    def _end(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.running = False

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._end()
        self.done.emit(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._end()
        self.failed.emit(error)


class SyncRunner(QObject):
    """Decides when to synchronize and remembers how the last try went."""

    # The status to show changed (a cycle started or ended, changes wait).
    changed = Signal()
    # A cycle brought rows from the server: lists should be read again.
    pulled = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        period_ms: int = PERIOD_MS,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.health: SyncHealth = sync_health(db)
        # Set while the server cannot be reached: why, and when the next try is.
        self.offline_reason: str | None = None
        self.next_try_at: dt.datetime | None = None
        # Why no cycle can run or the last one stopped (not a network matter).
        self.problem: str | None = None
        self._failures = 0
        self._again = False
        self._seen_pending = self.health.pending
        self._job: Job | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._period = QTimer(self)
        self._period.setInterval(period_ms)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._debounce.timeout.connect(self.sync_now)
        self._period.timeout.connect(self._on_period)
        self._poll.timeout.connect(self.local_changed)
        self._retry.timeout.connect(self.sync_now)

    @property
    def configured(self) -> bool:
        return self.health.configured

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Follow the server settings: run when a server is set, else nothing."""
        self.health = sync_health(self.db)
        if not self.health.configured:
            self.stop_timers()
            self.changed.emit()
            return
        self._period.start()
        self._poll.start()
        self._debounce.start()  # a first cycle soon after the window opens
        self.changed.emit()

    def stop_timers(self) -> None:
        for timer in (self._debounce, self._period, self._poll, self._retry):
            timer.stop()

    def shutdown(self) -> None:
        """Stop scheduling and wait for a running cycle (the window closes)."""
        self.stop_timers()
        if self._job is not None:
            self._job.wait()

    @Slot()
    def sync_now(self) -> None:
        """Start a cycle now, or right after the one running."""
        if not self.health.configured:
            return
        if self._job is not None:
            self._again = True
            return
        self._debounce.stop()
        self._retry.stop()
        self._again = False
        db, actor = self.db, self.actor
        self._job = Job(lambda: run_sync(db, actor), self)
        self._job.done.connect(self._on_done)
        self._job.failed.connect(self._on_failed)
        self._job.start()
        self.changed.emit()

    @Slot()
    def local_changed(self) -> None:
        """Sync a few seconds after the last local change (cheap to call often)."""
        if not self.health.configured:
            return
        pending = pending_changes(self.db)
        if pending == self._seen_pending:
            return
        self._seen_pending = pending
        self.health = sync_health(self.db)
        if pending and self.next_try_at is None:
            self._debounce.start()
        self.changed.emit()

    @Slot()
    def _on_period(self) -> None:
        if self.next_try_at is None:
            self.sync_now()

    def _finish(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
        self._job = None
        self.health = sync_health(self.db)
        self._seen_pending = self.health.pending

    @Slot(object)
    def _on_done(self, report: object) -> None:
        self._finish()
        self._failures = 0
        self.offline_reason = None
        self.next_try_at = None
        self.problem = None
        self.changed.emit()
        if isinstance(report, SyncReport) and report.pulled:
            self.pulled.emit()
        if self._again:
            self.sync_now()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._finish()
        if isinstance(error, ServerUnavailable | SyncBusy):
            self._failures += 1
            wait = BACKOFF_SECONDS[min(self._failures, len(BACKOFF_SECONDS)) - 1]
            self.offline_reason = str(error)
            self.next_try_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)
            self._retry.start(wait * 1000)
            log.info("server not reached; next try in %d s", wait)
        else:
            self.offline_reason = None
            self.next_try_at = None
            self.problem = str(error)
            if not isinstance(error, SyncNotReady):
                log.warning("synchronization failed: %s", type(error).__name__)
        self._again = False
        self.changed.emit()
