"""Conflicts and refused changes (SYNC.md rules 4 and 13; program administrators).

Two lists: the changes of this desktop the server kept as a conflict or
refused (from the local copy, always available), and the school's open
conflicts on the server, each with the base, the server's and the desktop's
value per field. The administrator keeps the server's value, takes the
desktop's, or merges by editing the value; nothing is dropped: the server
keeps both sides in the conflict.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_datetime
from cams_desktop.services import students
from cams_desktop.services.access import Actor
from cams_desktop.services.sync_status import (
    KEEP_SERVER,
    MERGE,
    TAKE_DESKTOP,
    ServerConflict,
    local_issues,
    resolve_conflict,
    server_conflicts,
)
from cams_desktop.views.sync_runner import Job
from cams_desktop.views.widgets import error_label

# Columns of the field table of one server conflict.
FIELD, BASE, THEIRS, MINE, MERGED = range(5)


def shown_value(value: Any) -> str:
    """A field's value as the lists show it (JSON values from the server)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _item(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    return item


class ConflictsDialog(QDialog):
    """Conflits et changements refusés."""

    loaded = Signal()
    resolved = Signal()

    def __init__(
        self, db: Database, actor: Actor, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.language = language
        self.time_zone = students.school_time_zone(db, actor)
        self.job: Job | None = None
        self.conflicts: list[ServerConflict] = []

        self.tabs = QTabWidget()
        self.local_table = QTableWidget(0, 5)
        self.local_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.server_table = QTableWidget(0, 4)
        self.server_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.server_table.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection
        )
        self.server_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table = QTableWidget(0, 5)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.refresh_button = QPushButton()
        self.keep_button = QPushButton()
        self.take_button = QPushButton()
        self.merge_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for table in (self.local_table, self.server_table, self.fields_table):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents
            )
            table.horizontalHeader().setStretchLastSection(True)

        server_page = QWidget()
        server_layout = QVBoxLayout(server_page)
        server_layout.addWidget(self.server_table)
        server_layout.addWidget(self.fields_table)
        choices = QHBoxLayout()
        for button in (
            self.refresh_button,
            self.keep_button,
            self.take_button,
            self.merge_button,
        ):
            choices.addWidget(button)
        server_layout.addLayout(choices)
        self.tabs.addTab(self.local_table, "")
        self.tabs.addTab(server_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.server_table.itemSelectionChanged.connect(self._show_fields)
        self.refresh_button.clicked.connect(self.load_server)
        self.keep_button.clicked.connect(lambda: self._resolve(KEEP_SERVER))
        self.take_button.clicked.connect(lambda: self._resolve(TAKE_DESKTOP))
        self.merge_button.clicked.connect(lambda: self._resolve(MERGE))
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self._fill_local()
        self._update_buttons()
        self.load_server()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflicts and refused changes"))
        self.tabs.setTabText(0, self.tr("Changes of this desktop"))
        self.tabs.setTabText(1, self.tr("Open conflicts on the server"))
        self.local_table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Changes"),
                self.tr("Outcome"),
                self.tr("Reason"),
                self.tr("When"),
            ]
        )
        self.server_table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Fields"),
                self.tr("Changed by"),
                self.tr("When"),
            ]
        )
        self.fields_table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Before both"),
                self.tr("Server"),
                self.tr("Desktop"),
                self.tr("Merged value"),
            ]
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.keep_button.setText(self.tr("Keep the server's value"))
        self.take_button.setText(self.tr("Take the desktop's value"))
        self.merge_button.setText(self.tr("Merge (the edited values)"))

    def _record(self, table: str, label: str) -> str:
        return f"{label} ({table})" if label else table

    def _fill_local(self) -> None:
        issues = local_issues(self.db, self.actor)
        self.local_table.setRowCount(len(issues))
        for row, issue in enumerate(issues):
            changes = "\n".join(
                f"{name}: {shown_value(old)} → {shown_value(new)}"
                for name, (old, new) in sorted(issue.changes.items())
            )
            outcome = (
                self.tr("Conflict")
                if issue.outcome == "conflict"
                else self.tr("Refused")
            )
            for column, text in enumerate(
                (
                    self._record(issue.table, issue.label),
                    changes,
                    outcome,
                    issue.reason,
                    format_datetime(
                        issue.recorded_at, self.language, self.time_zone, "short"
                    ),
                )
            ):
                self.local_table.setItem(row, column, _item(text))
        self.local_table.resizeRowsToContents()

    @Slot()
    def load_server(self) -> None:
        """Read the server's open conflicts again, off the GUI thread."""
        if self.job is not None and self.job.running:
            return
        self.error_label.hide()
        self.status_label.setText(self.tr("Reading the server's conflicts…"))
        db, actor = self.db, self.actor
        self._start(lambda: server_conflicts(db, actor), self._on_loaded)

    def _start(self, work: Any, on_done: Any) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = Job(work, self)
        self.job.done.connect(on_done)
        self.job.failed.connect(self._on_failed)
        self.job.start()
        self._update_buttons()

    @Slot(object)
    def _on_loaded(self, conflicts: object) -> None:
        self.conflicts = list(conflicts) if isinstance(conflicts, list) else []
        self.server_table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            for column, text in enumerate(
                (
                    self._record(conflict.table, conflict.label),
                    ", ".join(sorted(conflict.fields)),
                    conflict.author,
                    format_datetime(
                        conflict.created_at, self.language, self.time_zone, "short"
                    ),
                )
            ):
                self.server_table.setItem(row, column, _item(text))
        self.status_label.setText(
            self.tr("%n open conflict(s) on the server.", "", len(self.conflicts))
        )
        if self.conflicts:
            self.server_table.selectRow(0)
        self._show_fields()
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.status_label.setText("")
        self.error_label.setText(str(error))
        self.error_label.show()
        self._update_buttons()
        self.loaded.emit()

    def selected_conflict(self) -> ServerConflict | None:
        rows = self.server_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.conflicts[rows[0].row()]

    @Slot()
    def _show_fields(self) -> None:
        conflict = self.selected_conflict()
        fields = sorted(conflict.fields.items()) if conflict else []
        self.fields_table.setRowCount(len(fields))
        for row, (name, sides) in enumerate(fields):
            self.fields_table.setItem(row, FIELD, _item(name))
            self.fields_table.setItem(row, BASE, _item(shown_value(sides.base)))
            self.fields_table.setItem(row, THEIRS, _item(shown_value(sides.theirs)))
            self.fields_table.setItem(row, MINE, _item(shown_value(sides.mine)))
            merged = "" if sides.mine is None else shown_value(sides.mine)
            self.fields_table.setItem(row, MERGED, _item(merged, editable=True))
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.job is None or not self.job.running
        chosen = self.selected_conflict() is not None
        self.refresh_button.setEnabled(idle)
        for button in (self.keep_button, self.take_button, self.merge_button):
            button.setEnabled(idle and chosen)

    def merged_values(self) -> dict[str, Any]:
        """The edited values; an empty cell stands for no value."""
        conflict = self.selected_conflict()
        values: dict[str, Any] = {}
        for row, name in enumerate(sorted(conflict.fields) if conflict else []):
            item = self.fields_table.item(row, MERGED)
            text = item.text() if item is not None else ""
            values[name] = text if text else None
        return values

    def _resolve(self, choice: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        merged = self.merged_values() if choice == MERGE else None
        db, actor = self.db, self.actor
        self.error_label.hide()
        self._start(
            lambda: resolve_conflict(db, actor, conflict.id, choice, merged),
            self._on_resolved,
        )

    @Slot(object)
    def _on_resolved(self, _changed: object) -> None:
        self.resolved.emit()
        self.load_server()

    def done(self, result: int) -> None:
        if self.job is not None and self.job.running:
            self.job.wait()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
