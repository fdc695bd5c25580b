"""The sync health in the status bar (SYNC.md rule 13).

Shows when the desktop last synchronized, how many changes wait and since
when, whether it is offline and when it tries again, the last error, and the
changes the server did not take. Hidden in standalone mode (no server).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from babel.dates import format_timedelta
from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from cams_desktop.formatting import locale_for
from cams_desktop.views.sync_runner import SyncRunner

# How often the relative times are written again.
REFRESH_MS = 20_000


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SyncStatusWidget(QWidget):
    """A permanent status-bar widget following a SyncRunner."""

    issues_requested = Signal()

    def __init__(
        self,
        runner: SyncRunner,
        language: Callable[[], str],
        can_review: bool,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._language = language
        self._can_review = can_review
        self._clock = clock

        self.state_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.issues_button = QToolButton(self)
        self.issues_button.setAutoRaise(True)
        self.issues_button.setEnabled(can_review)
        self.sync_button = QToolButton(self)
        self.sync_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.issues_button)
        layout.addWidget(self.sync_button)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        runner.changed.connect(self.refresh)
        self.sync_button.clicked.connect(runner.sync_now)
        self.issues_button.clicked.connect(self.issues_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("Synchronize now"))
        self.refresh()

    def _ago(self, moment: dt.datetime) -> str:
        return format_timedelta(
            moment - self._clock(),
            add_direction=True,
            format="short",
            granularity="minute",
            locale=locale_for(self._language()),
        )

    @Slot()
    def refresh(self) -> None:
        runner, health = self.runner, self.runner.health
        self.setVisible(health.configured)
        if not health.configured:
            return
        self.state_label.setToolTip(runner.offline_reason or "")
        self.sync_button.setEnabled(not runner.busy)
        if runner.busy:
            state = self.tr("Synchronizing…")
        elif runner.next_try_at is not None and runner.next_try_at > self._clock():
            state = self.tr("Offline — next try {0}").format(
                self._ago(runner.next_try_at)
            )
        elif runner.next_try_at is not None:
            state = self.tr("Offline — trying again…")
        elif runner.problem or health.last_error:
            state = self.tr("Not synchronized: {0}").format(
                runner.problem or health.last_error
            )
        elif health.last_pull_at is None:
            state = self.tr("Not synchronized yet")
        else:
            state = self.tr("Synchronized {0}").format(self._ago(health.last_pull_at))
        self.state_label.setText(state)

        pending = ""
        if health.pending:
            pending = self.tr("%n change(s) waiting", "", health.pending)
            if health.oldest_pending_at is not None:
                pending += " " + self.tr("(oldest {0})").format(
                    self._ago(health.oldest_pending_at)
                )
        self.pending_label.setText(pending)
        self.pending_label.setVisible(bool(pending))
        self.issues_button.setText(
            self.tr("%n conflict(s) or refused change(s)", "", health.issues)
        )
        self.issues_button.setVisible(health.issues > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
