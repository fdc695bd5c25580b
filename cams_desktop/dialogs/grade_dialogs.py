"""Promote, demote or graduate students, and the year-end rollover (F-19)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.cancel import Cancelled
from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import grades
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.grades import (
    MoveResult,
    RolloverPreview,
    RolloverResult,
    RolloverRow,
    StalePreview,
    UndoResult,
)
from cams_desktop.services.students import StudentRow, ValidationError
from cams_desktop.views.background import BackgroundTask, Work, show_error
from cams_desktop.views.widgets import error_label

ModelIndex = QModelIndex | QPersistentModelIndex


class MoveKind(enum.Enum):
    PROMOTE = "promote"
    DEMOTE = "demote"
    GRADUATE = "graduate"


class GradeMoveDialog(QDialog):
    """Promote, demote or graduate the selected students (or a whole grade).

    The dialog is the confirmation: it says how many students the action
    will touch. Students the service leaves alone are listed with the reason.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        kind: MoveKind,
        selected: list[StudentRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.kind = kind
        self.selected = selected
        self.changed = False
        self.move_result: MoveResult | None = None
        # A whole grade is offered for moves, not for graduation.
        self._by_grade = (
            {} if kind is MoveKind.GRADUATE else grades.active_by_grade(db, actor)
        )

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.selected_button = QRadioButton()
        self.grade_button = QRadioButton()
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.selected_button)
        self._choice.addButton(self.grade_button)
        self.grade_box = QComboBox()
        self.count_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.skipped_list = QListWidget()
        self.skipped_list.hide()
        # Close replaces OK and Cancel once a result is shown.
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).hide()
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.selected_button.setEnabled(bool(selected))
        self.grade_button.setVisible(kind is not MoveKind.GRADUATE)
        self.grade_box.setVisible(kind is not MoveKind.GRADUATE)
        (self.selected_button if selected else self.grade_button).setChecked(True)

        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade_button)
        grade_row.addWidget(self.grade_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.selected_button)
        layout.addLayout(grade_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.skipped_list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

        self.selected_button.toggled.connect(self._update_count)
        self.grade_box.currentIndexChanged.connect(self._update_count)
        self.buttons.accepted.connect(self._on_run_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def count(self) -> int:
        """How many students the action would touch as chosen now."""
        if self.selected_button.isChecked():
            return len(self.selected)
        grade = self.grade_box.currentData()
        return self._by_grade.get(grade, 0) if isinstance(grade, int) else 0

    def retranslate(self) -> None:
        match self.kind:
            case MoveKind.PROMOTE:
                self.setWindowTitle(self.tr("Promote students"))
                self.explanation.setText(
                    self.tr(
                        "Move students up one grade. Students in grade 12 stay "
                        "where they are: graduate them instead."
                    )
                )
                self.run_button.setText(self.tr("Promote"))
            case MoveKind.DEMOTE:
                self.setWindowTitle(self.tr("Demote students"))
                self.explanation.setText(
                    self.tr(
                        "Move students down one grade. Students in grade 1 stay "
                        "where they are."
                    )
                )
                self.run_button.setText(self.tr("Demote"))
            case MoveKind.GRADUATE:
                self.setWindowTitle(self.tr("Graduate students"))
                self.explanation.setText(
                    self.tr(
                        "Graduated students leave the lists; their plan becomes "
                        "inactive and stays readable by the student. Nothing is "
                        "deleted."
                    )
                )
                self.run_button.setText(self.tr("Graduate"))
        self.selected_button.setText(
            self.tr("The selected students ({0})").format(
                format_number(len(self.selected), current_language())
            )
        )
        self.grade_button.setText(self.tr("Every active plan of a grade:"))
        current = self.grade_box.currentData()
        self.grade_box.blockSignals(True)
        self.grade_box.clear()
        for grade, count in self._by_grade.items():
            self.grade_box.addItem(
                self.tr("Grade {0} ({1} students)", "", count).format(
                    grade, format_number(count, current_language())
                ),
                grade,
            )
        self.grade_box.setCurrentIndex(max(0, self.grade_box.findData(current)))
        self.grade_box.blockSignals(False)
        self._update_count()
        if self.move_result is not None:
            self._show_result(self.move_result)

    # slots

    @Slot()
    def _update_count(self) -> None:
        count = self.count()
        number = format_number(count, current_language())
        match self.kind:
            case MoveKind.PROMOTE:
                text = self.tr("{0} students will move up one grade.", "", count)
            case MoveKind.DEMOTE:
                text = self.tr("{0} students will move down one grade.", "", count)
            case MoveKind.GRADUATE:
                text = self.tr(
                    "{0} students will graduate: their plans are deactivated. "
                    "Reactivating a plan undoes a graduation.",
                    "",
                    count,
                )
        self.count_label.setText(text.format(number))
        if self.move_result is None:
            self.run_button.setEnabled(count > 0)

    @Slot()
    def _on_run_clicked(self) -> None:
        try:
            self.move_result = self._run()
        except (NotFound, PermissionDenied, ValidationError) as error:
            show_error(self, self.windowTitle(), error)
            return
        self.changed = bool(self.move_result.moved)
        if not self.move_result.skipped:
            self.accept()
            return
        # Some students stayed: say which and why before closing.
        self._show_result(self.move_result)
        for widget in (self.selected_button, self.grade_button, self.grade_box):
            widget.setEnabled(False)
        for button in (
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Cancel,
        ):
            self.buttons.button(button).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).show()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _run(self) -> MoveResult:
        ids = [row.id for row in self.selected]
        grade = self.grade_box.currentData()
        if self.kind is MoveKind.GRADUATE:
            return grades.graduate_students(self.db, self.actor, ids)
        step = 1 if self.kind is MoveKind.PROMOTE else -1
        if self.selected_button.isChecked():
            return grades.move_students(self.db, self.actor, ids, step)
        return grades.move_grade(self.db, self.actor, int(grade), step)

    def _show_result(self, result: MoveResult) -> None:
        moved = len(result.moved)
        match self.kind:
            case MoveKind.PROMOTE:
                text = self.tr("{0} students promoted.", "", moved)
            case MoveKind.DEMOTE:
                text = self.tr("{0} students demoted.", "", moved)
            case MoveKind.GRADUATE:
                text = self.tr("{0} students graduated.", "", moved)
        skipped = len(result.skipped)
        self.result_label.setText(
            text.format(format_number(moved, current_language()))
            + " "
            + self.tr("{0} students stayed as they were:", "", skipped).format(
                format_number(skipped, current_language())
            )
        )
        self.result_label.show()
        self.skipped_list.clear()
        for student in result.skipped:
            self.skipped_list.addItem(
                self.tr("{0} (grade {1}): {2}").format(
                    student.name, student.grade, student.text
                )
            )
        self.skipped_list.show()


class RolloverColumn(enum.IntEnum):
    NAME = 0
    GRADE = 1
    NEXT_GRADE = 2
    NOTE = 3


class RolloverTableModel(QAbstractTableModel):
    """The preview's students: name, grade now, grade next year, and why not."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[RolloverRow, ...] = ()

    def set_rows(self, rows: tuple[RolloverRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, RolloverColumn.NOTE),
                self.index(len(self._rows) - 1, RolloverColumn.NOTE),
            )
        self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(RolloverColumn) - 1
        )

    # Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RolloverColumn)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = RolloverColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            RolloverColumn.GRADE,
            RolloverColumn.NEXT_GRADE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match column:
            case RolloverColumn.NAME:
                return row.name
            case RolloverColumn.GRADE:
                return str(row.from_grade)
            case RolloverColumn.NEXT_GRADE:
                return "" if row.to_grade is None else str(row.to_grade)
            case RolloverColumn.NOTE:
                return row.note

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != (
            Qt.ItemDataRole.DisplayRole
        ):
            return None
        match RolloverColumn(section):
            case RolloverColumn.NAME:
                return self.tr("Student")
            case RolloverColumn.GRADE:
                return self.tr("Grade now")
            case RolloverColumn.NEXT_GRADE:
                return self.tr("Next grade")
            case RolloverColumn.NOTE:
                return self.tr("Note")


class RolloverDialog(QDialog):
    """Year-end rollover: preview, apply in the background, undo the last one."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        time_zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.time_zone = time_zone
        self.changed = False
        self.preview: RolloverPreview | None = None
        self.task: BackgroundTask | None = None
        # What the last apply or undo did (or Cancelled), shown under the table.
        self.outcome: RolloverResult | UndoResult | Cancelled | None = None

        self.year_label = QLabel()
        self.year_edit = QLineEdit(grades.suggested_school_year(db, actor))
        self.year_edit.setMaximumWidth(120)
        self.preview_button = QPushButton()
        # Enter in the year field previews, rather than closing the dialog.
        self.preview_button.setDefault(True)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.grade_table = QTableWidget(0, 5)
        self.grade_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grade_table.verticalHeader().setVisible(False)
        self.grade_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.model = RolloverTableModel()
        self.model.setParent(self)
        self.student_table = QTableView()
        self.student_table.setModel(self.model)
        self.student_table.verticalHeader().setVisible(False)
        self.student_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.student_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.student_table.horizontalHeader().setStretchLastSection(True)
        self.student_table.setColumnWidth(RolloverColumn.NAME, 240)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.skipped_list = QListWidget()
        self.skipped_list.hide()
        self.apply_button = QPushButton()
        self.undo_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(
            self.apply_button, QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ResetRole)

        year_row = QHBoxLayout()
        year_row.addWidget(self.year_label)
        year_row.addWidget(self.year_edit)
        year_row.addWidget(self.preview_button)
        year_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.last_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.grade_table)
        layout.addWidget(self.student_table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.skipped_list)
        layout.addWidget(self.buttons)
        self.resize(860, 700)

        self.preview_button.clicked.connect(self.refresh_preview)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.refresh_preview()

    # public API

    @Slot()
    def refresh_preview(self) -> None:
        """Preview the rollover to the school year typed in."""
        self.error_label.hide()
        try:
            self.preview = grades.preview_rollover(
                self.db, self.actor, self.year_edit.text()
            )
        except (ValidationError, PermissionDenied) as error:
            self.preview = None
            self.error_label.setText(str(error))
            self.error_label.show()
        else:
            self.year_edit.setText(self.preview.school_year)
        self.model.set_rows(() if self.preview is None else self.preview.rows)
        self._fill_summary()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Year-end rollover"))
        self.year_label.setText(self.tr("Next school year:"))
        self.preview_button.setText(self.tr("Preview"))
        self.apply_button.setText(self.tr("Apply the rollover"))
        self.undo_button.setText(self.tr("Undo the last rollover"))
        self.grade_table.setHorizontalHeaderLabels(
            [
                self.tr("Grade"),
                self.tr("Moving up"),
                self.tr("Graduating"),
                self.tr("Finishing"),
                self.tr("Skipped"),
            ]
        )
        self.model.retranslate()
        self._fill_summary()
        self._fill_last()
        self._show_outcome()

    # slots

    @Slot()
    def _on_apply_clicked(self) -> None:
        preview = self.preview
        if preview is None or preview.changes == 0:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Roll the school over to {0}? {1} students change grade or "
                "graduate. The rollover can be undone afterwards.",
                "",
                preview.changes,
            ).format(
                preview.school_year,
                format_number(preview.changes, current_language()),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._start(
            self.tr("Rolling the school over…"),
            lambda progress, cancel: grades.apply_rollover(
                self.db, self.actor, preview, progress, cancel
            ),
        )

    @Slot()
    def _on_undo_clicked(self) -> None:
        last = grades.last_rollover(self.db, self.actor)
        if last is None:
            self._fill_last()
            self._update_buttons()
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Undo the rollover to {0}? Grades and plan statuses go back to "
                "what they were before it."
            ).format(last.school_year),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._start(
            self.tr("Undoing the rollover…"),
            lambda progress, cancel: grades.undo_last_rollover(
                self.db, self.actor, progress, cancel
            ),
        )

    @Slot(object)
    def _on_task_succeeded(self, result: object) -> None:
        if isinstance(result, RolloverResult | UndoResult):
            self.outcome = result
        if isinstance(result, UndoResult) or (
            isinstance(result, RolloverResult) and result.batch_id is not None
        ):
            self.changed = True
        self._show_outcome()
        self._fill_last()
        self.refresh_preview()

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        if isinstance(error, StalePreview):
            self.refresh_preview()
            self.error_label.setText(str(error))
            self.error_label.show()
        elif isinstance(error, Cancelled):
            self.outcome = error
            self._show_outcome()
        else:
            show_error(self, self.windowTitle(), error)

    @Slot()
    def _on_task_ended(self) -> None:
        self.task = None
        self._update_buttons()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        # The rollover runs in one transaction: it finishes or is cancelled.
        if self.task is None:
            super().reject()

    # private helpers

    def _start(self, title: str, work: Work) -> None:
        self.error_label.hide()
        self.outcome = None
        self._show_outcome()
        for button in (self.apply_button, self.undo_button, self.preview_button):
            button.setEnabled(False)
        self.task = BackgroundTask(self, title, work)
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.ended.connect(self._on_task_ended)
        self.task.start()

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.preview_button.setEnabled(idle)
        self.apply_button.setEnabled(
            idle and self.preview is not None and self.preview.changes > 0
        )
        self.undo_button.setEnabled(
            idle and grades.last_rollover(self.db, self.actor) is not None
        )

    def _fill_summary(self) -> None:
        preview = self.preview
        self.grade_table.setRowCount(0)
        if preview is None:
            self.summary_label.clear()
            return
        language = current_language()
        self.summary_label.setText(
            self.tr(
                "{0} students will change grade or graduate; {1} students in all.",
                "",
                preview.changes,
            ).format(
                format_number(preview.changes, language),
                format_number(len(preview.rows), language),
            )
        )
        summaries = preview.by_grade()
        self.grade_table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            for column, value in enumerate(
                (
                    summary.grade,
                    summary.moving,
                    summary.graduating,
                    summary.finishing,
                    summary.skipped,
                )
            ):
                item = QTableWidgetItem(format_number(value, language))
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self.grade_table.setItem(row, column, item)
        self.grade_table.setColumnHidden(3, not preview.elementary)
        self.grade_table.setColumnHidden(2, preview.elementary)

    def _fill_last(self) -> None:
        last = grades.last_rollover(self.db, self.actor)
        if last is None:
            self.last_label.setText(self.tr("No rollover to undo."))
            return
        self.last_label.setText(
            self.tr("Last rollover: to {0}, on {1} by {2}.").format(
                last.school_year,
                format_datetime(last.applied_at, current_language(), self.time_zone),
                last.applied_by,
            )
        )

    def _show_outcome(self) -> None:
        outcome = self.outcome
        language = current_language()
        self.skipped_list.clear()
        self.skipped_list.setVisible(
            isinstance(outcome, UndoResult) and bool(outcome.skipped)
        )
        if outcome is None:
            self.status_label.clear()
        elif isinstance(outcome, Cancelled):
            self.status_label.setText(self.tr("Cancelled; nothing was changed."))
        elif isinstance(outcome, RolloverResult):
            changed = outcome.moved + outcome.graduated
            if outcome.batch_id is None:
                text = self.tr(
                    "Nothing to change: the school is already rolled over to {0}."
                ).format(outcome.school_year)
            else:
                text = self.tr(
                    "Rollover to {0} applied: {1} students changed grade or graduated.",
                    "",
                    changed,
                ).format(outcome.school_year, format_number(changed, language))
            self.status_label.setText(text)
        else:
            text = self.tr(
                "Rollover to {0} undone: {1} students put back as they were.",
                "",
                outcome.restored,
            ).format(outcome.school_year, format_number(outcome.restored, language))
            if outcome.skipped:
                text += " " + self.tr(
                    "{0} students changed since the rollover stay as they are now:",
                    "",
                    len(outcome.skipped),
                ).format(format_number(len(outcome.skipped), language))
            self.status_label.setText(text)
            for student in outcome.skipped:
                self.skipped_list.addItem(
                    self.tr("{0} (grade {1}): {2}").format(
                        student.name, student.grade, student.text
                    )
                )
