"""Sends the email copies of messages in the background (F-30).

Every ``interval_ms`` a run of ``services.mail.deliver_due`` starts on a
worker thread, never while the previous run is still going. A failing run is
logged and the next tick tries again; nothing is raised into the interface.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from cams_desktop.db.engine import Database
from cams_desktop.services import mail
from cams_desktop.services.mail import DeliveryReport

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 60_000


class _Relay(QObject):
    """Lives in the GUI thread: the worker's outcome reaches it queued."""

    finished = Signal(object)  # DeliveryReport, or None when the run failed


class MailSender(QObject):
    """Delivers due email copies off the GUI thread, one run at a time."""

    delivered = Signal(object)  # DeliveryReport

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._running = False
        self._timer = QTimer(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)

        self._timer.timeout.connect(self._on_timer_timeout)
        self._relay.finished.connect(self._on_relay_finished)

    # public API

    def start(self, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        """Run now, then every ``interval_ms``."""
        self._timer.start(interval_ms)
        self.run_now()

    def stop(self) -> None:
        """No more runs; waits for the run in progress (its items are claimed)."""
        self._timer.stop()
        self._pool.waitForDone()

    def run_now(self) -> bool:
        """Start a run unless one is going; False when one already is."""
        if self._running:
            return False
        self._running = True
        self._pool.start(self._deliver)
        return True

    def is_running(self) -> bool:
        return self._running

    # slots

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.run_now()

    @Slot(object)
    def _on_relay_finished(self, report: object) -> None:
        self._running = False
        if isinstance(report, DeliveryReport):
            if report.sent or report.retried or report.failed:
                log.info(
                    "email copies: %d sent, %d to retry, %d failed",
                    report.sent,
                    report.retried,
                    report.failed,
                )
            self.delivered.emit(report)

    # private helpers

    def _deliver(self) -> None:
        """Runs on the worker thread."""
        report: DeliveryReport | None = None
        try:
            report = mail.deliver_due(self.db)
        except Exception:  # logged; the next tick tries again
            log.exception("delivering email copies failed")
        self._relay.finished.emit(report)
