"""Runs long service functions off the GUI thread with progress and cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from cams_desktop.cancel import Cancelled
from cams_desktop.services.access import NotFound, PermissionDenied
from cams_desktop.services.roster.applying import ImportRefused, StalePlan
from cams_desktop.services.roster.records import RosterError
from cams_desktop.services.students import ValidationError

log = logging.getLogger(__name__)

# What services raise to tell the user something (an unreadable file, a
# refused import): not a fault of the program, so no traceback is logged,
# and no message either, which may quote a name or a value of the file.
EXPECTED_ERRORS = (
    RosterError,
    StalePlan,
    ImportRefused,
    ValidationError,
    PermissionDenied,
    NotFound,
)

# A service function: work(progress, cancelled) -> result.
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as error:  # reported to the user by the GUI thread
            if isinstance(error, Cancelled):
                log.info("background task cancelled")
            elif isinstance(error, EXPECTED_ERRORS):
                log.warning("background task refused: %s", type(error).__name__)
            else:
                log.exception("background task failed")
            self.failed.emit(error)
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    """One long operation with a progress dialog; emits ``succeeded``/``ended``."""

    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(self, parent: QWidget, title: str, work: Work) -> None:
        super().__init__(parent)
        self._parent = parent
        self._cancel = threading.Event()
        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)

        self._done = False
        self._dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self._dialog.setWindowTitle(title)
        # Not modal: a modal progress dialog runs the event loop inside
        # setValue(), which would let the end of the task arrive in the middle
        # of a progress update. The caller disables its own controls instead.
        self._dialog.setWindowModality(Qt.WindowModality.NonModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)

        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self._dialog.canceled.connect(self._cancel.set)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot(int, int)
    def _on_worker_progressed(self, done: int, total: int) -> None:
        if self._done:
            return
        if self._dialog.maximum() != total:
            self._dialog.setMaximum(total)
        self._dialog.setValue(min(done, total))

    @Slot(object)
    def _on_worker_finished(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
        self.ended.emit()

    def _finish(self) -> None:
        self._done = True
        self._thread.quit()
        self._thread.wait()
        self._dialog.reset()
        self._dialog.close()


def show_error(parent: QWidget, title: str, error: object) -> None:
    """The one way errors of services reach the user."""
    QMessageBox.warning(parent, title, str(error))
