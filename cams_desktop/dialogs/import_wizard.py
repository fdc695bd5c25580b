"""Import students from a roster file (F-22): choose, map, preview, apply.

The wizard reads, previews and applies in the background (a file of 50,000
students takes a while), shows every row the import would change or refuse,
and writes nothing until the user presses Import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.cancel import Cancelled
from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.roster.applying import (
    ImportResult,
    StalePlan,
    apply_import,
)
from cams_desktop.services.roster.formats import (
    ColumnMapping,
    TargetField,
    field_label,
)
from cams_desktop.services.roster.planning import (
    ImportPlan,
    ImportRow,
    ReadInput,
    RowKind,
    describe_changes,
    plan_import,
    problem_text,
    read_for_import,
)
from cams_desktop.services.roster.records import DateOrder, RosterError, RosterFormat
from cams_desktop.views.background import BackgroundTask, show_error
from cams_desktop.views.widgets import error_label

ModelIndex = QModelIndex | QPersistentModelIndex
# How many missing students the preview names; the count says the rest.
MISSING_SHOWN = 500


class ImportRowsModel(QAbstractTableModel):
    """The preview's rows: what each row of the file would do."""

    KIND, LINE, STUDENT, DETAILS = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportRow] = []
        self._details: dict[int, str] = {}

    def set_rows(self, rows: list[ImportRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._details = {}
        self.endResetModel()

    def row_at(self, number: int) -> ImportRow:
        return self._rows[number]

    def kind_label(self, kind: RowKind) -> str:
        match kind:
            case RowKind.NEW:
                return self.tr("New")
            case RowKind.UPDATE:
                return self.tr("Update")
            case RowKind.UNCHANGED:
                return self.tr("Unchanged")
            case RowKind.ERROR:
                return self.tr("Error")
            case RowKind.SKIPPED:
                return self.tr("Left out")

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(
        self,
        index: ModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        match index.column():
            case self.KIND:
                return self.kind_label(row.kind)
            case self.LINE:
                return f"{row.file}:{row.line}"
            case self.STUDENT:
                return f"{row.record.last_name}, {row.record.first_name}"
            case self.DETAILS:
                # Made when first shown: most of 50,000 rows never are.
                text = self._details.get(index.row())
                if text is None:
                    text = describe_changes(row, current_language())
                    self._details[index.row()] = text
                return text
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
        ):
            return None
        return (
            self.tr("Outcome"),
            self.tr("File and line"),
            self.tr("Student"),
            self.tr("Changes or reason"),
        )[section]


class ImportWizard(QDialog):
    """Choose a file, map its columns, choose schools, preview, import."""

    imported = Signal(object)  # the ImportResult

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.changed = False
        self.task: BackgroundTask | None = None
        self.input: ReadInput | None = None
        self.plan: ImportPlan | None = None
        self.result_: ImportResult | None = None
        self._chosen: frozenset[str] | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.pages = QStackedWidget()
        self.error_label = error_label("import_error")
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.close_button = QPushButton()

        self.source_page = QWidget()
        self.source_help = QLabel()
        self.source_help.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.file_button = QPushButton()
        self.folder_button = QPushButton()
        source_row = QHBoxLayout()
        source_row.addWidget(self.path_edit, 1)
        source_row.addWidget(self.file_button)
        source_row.addWidget(self.folder_button)
        source_layout = QVBoxLayout(self.source_page)
        source_layout.addWidget(self.source_help)
        source_layout.addLayout(source_row)
        source_layout.addStretch(1)

        self.mapping_page = QWidget()
        self.mapping_help = QLabel()
        self.mapping_help.setWordWrap(True)
        self.mapping_form = QFormLayout()
        self.field_boxes: dict[TargetField, QComboBox] = {}
        self.field_labels: dict[TargetField, QLabel] = {}
        for target in TargetField:
            box = QComboBox()
            label = QLabel()
            self.field_boxes[target] = box
            self.field_labels[target] = label
            self.mapping_form.addRow(label, box)
        self.date_order_box = QComboBox()
        self.date_order_label = QLabel()
        self.mapping_form.addRow(self.date_order_label, self.date_order_box)
        mapping_layout = QVBoxLayout(self.mapping_page)
        mapping_layout.addWidget(self.mapping_help)
        mapping_layout.addLayout(self.mapping_form)
        mapping_layout.addStretch(1)

        self.schools_page = QWidget()
        self.schools_help = QLabel()
        self.schools_help.setWordWrap(True)
        self.school_list = QListWidget()
        schools_layout = QVBoxLayout(self.schools_page)
        schools_layout.addWidget(self.schools_help)
        schools_layout.addWidget(self.school_list)

        self.preview_page = QWidget()
        self.counts_form = QFormLayout()
        self.count_labels: dict[RowKind, tuple[QLabel, QLabel]] = {
            kind: (QLabel(), QLabel()) for kind in RowKind
        }
        for caption, value in self.count_labels.values():
            self.counts_form.addRow(caption, value)
        self.file_problems = QLabel()
        self.file_problems.setWordWrap(True)
        self.passwords_notice = QLabel()
        self.passwords_notice.setWordWrap(True)
        self.errors_only = QCheckBox()
        self.rows_model = ImportRowsModel(self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.verticalHeader().hide()
        self.rows_view.horizontalHeader().setSectionResizeMode(
            ImportRowsModel.DETAILS, QHeaderView.ResizeMode.Stretch
        )
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_list = QListWidget()
        self.missing_list.setMaximumHeight(120)
        self.deactivate_missing = QCheckBox()
        preview_layout = QVBoxLayout(self.preview_page)
        preview_layout.addLayout(self.counts_form)
        preview_layout.addWidget(self.file_problems)
        preview_layout.addWidget(self.passwords_notice)
        preview_layout.addWidget(self.errors_only)
        preview_layout.addWidget(self.rows_view, 1)
        preview_layout.addWidget(self.missing_label)
        preview_layout.addWidget(self.missing_list)
        preview_layout.addWidget(self.deactivate_missing)

        self.result_page = QWidget()
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        result_layout = QVBoxLayout(self.result_page)
        result_layout.addWidget(self.result_text)
        result_layout.addStretch(1)

        for page in (
            self.source_page,
            self.mapping_page,
            self.schools_page,
            self.preview_page,
            self.result_page,
        ):
            self.pages.addWidget(page)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.file_button.clicked.connect(self._on_file_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.close_button.clicked.connect(self.reject)
        self.errors_only.toggled.connect(self._on_errors_only_toggled)
        self.pages.currentChanged.connect(self._update_buttons)

        self.resize(900, 640)
        self.retranslate()
        self._update_buttons()

    # public API

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import students"))
        self.source_help.setText(
            self.tr(
                "Choose the file exported by the school's information system: a "
                "CSV or Excel file, or a OneRoster or School Data Sync folder or "
                "zip file. Nothing is written before you have seen the preview "
                "and pressed Import."
            )
        )
        self.file_button.setText(self.tr("Choose a file…"))
        self.folder_button.setText(self.tr("Choose a folder…"))
        self.mapping_help.setText(
            self.tr(
                "Say which column of the file holds each value. First name, last "
                "name and grade are required; the school remembers your choice "
                "for the next file laid out the same way."
            )
        )
        for target, label in self.field_labels.items():
            label.setText(field_label(target))
        for box in self.field_boxes.values():
            if box.count():
                box.setItemText(0, self.tr("(not in the file)"))
        self.date_order_label.setText(self.tr("Dates such as 04/02/2010"))
        current = self.date_order_box.currentData()
        self.date_order_box.clear()
        self.date_order_box.addItem(self.tr("Tell from the dates"), None)
        self.date_order_box.addItem(
            self.tr("Day first (04/02/2010 is February 4)"), DateOrder.DAY_FIRST.value
        )
        self.date_order_box.addItem(
            self.tr("Month first (04/02/2010 is April 2)"), DateOrder.MONTH_FIRST.value
        )
        self.date_order_box.setCurrentIndex(
            max(0, self.date_order_box.findData(current))
        )
        self.schools_help.setText(
            self.tr(
                "The file lists students of several schools. Check the school or "
                "schools whose students belong to this school."
            )
        )
        self.errors_only.setText(self.tr("Show only the rows in error"))
        captions = {
            RowKind.NEW: self.tr("New students"),
            RowKind.UPDATE: self.tr("Students to update"),
            RowKind.UNCHANGED: self.tr("Students unchanged"),
            RowKind.ERROR: self.tr("Rows in error (not imported)"),
            RowKind.SKIPPED: self.tr("Rows left out"),
        }
        for kind, (caption, _) in self.count_labels.items():
            caption.setText(captions[kind])
        self.back_button.setText(self.tr("Back"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
        if self.plan is not None:
            self._show_plan(self.plan)
        if self.result_ is not None:
            self._show_result(self.result_)

    # slots

    @Slot()
    def _on_file_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster file"),
            self.path_edit.text() or str(Path.home()),
            self.tr("Roster files (*.csv *.txt *.xlsx *.zip);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    @Slot()
    def _on_folder_clicked(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the roster folder"),
            self.path_edit.text() or str(Path.home()),
        )
        if path:
            self.path_edit.setText(path)

    @Slot()
    def _on_back_clicked(self) -> None:
        self.error_label.hide()
        page = self.current_page()
        if page is self.preview_page and self.plan and self.plan.source_schools[1:]:
            self.pages.setCurrentWidget(self.schools_page)
        elif page in (self.preview_page, self.schools_page) and self._is_table():
            self.pages.setCurrentWidget(self.mapping_page)
        else:
            self.pages.setCurrentWidget(self.source_page)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.error_label.hide()
        page = self.current_page()
        if page is self.source_page:
            self._read()
        elif page is self.mapping_page:
            self._read_with_mapping()
        elif page is self.schools_page:
            self._plan_for_schools()
        elif page is self.preview_page:
            self._apply()

    @Slot(bool)
    def _on_errors_only_toggled(self, checked: bool) -> None:
        if self.plan is not None:
            self._fill_rows(self.plan)

    @Slot(object)
    def _on_read(self, found: tuple[ReadInput, ImportPlan | None]) -> None:
        self.input, plan = found
        if plan is None:
            self._fill_mapping(self.input)
            self.pages.setCurrentWidget(self.mapping_page)
        else:
            self._on_planned(plan)

    @Slot(object)
    def _on_planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        if plan.needs_school_choice:
            self._fill_schools(plan)
            self.pages.setCurrentWidget(self.schools_page)
            return
        self._show_plan(plan)
        self.pages.setCurrentWidget(self.preview_page)

    @Slot(object)
    def _on_applied(self, result: ImportResult) -> None:
        self.result_ = result
        self.changed = True
        self._show_result(result)
        self.pages.setCurrentWidget(self.result_page)
        self.imported.emit(result)

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        if isinstance(error, RosterError):
            self._show_error(problem_text(error.problem))
        elif isinstance(error, Cancelled | StalePlan | ValueError | OSError):
            self._show_error(str(error))
        elif isinstance(error, PermissionDenied | NotFound):
            show_error(self, self.windowTitle(), error)
        else:
            show_error(
                self,
                self.windowTitle(),
                self.tr("The import failed; nothing was imported. ({0})").format(error),
            )

    @Slot()
    def _on_task_ended(self) -> None:
        self.task = None
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        page = self.current_page()
        idle = self.task is None
        self.back_button.setVisible(page not in (self.source_page, self.result_page))
        self.back_button.setEnabled(idle)
        self.next_button.setVisible(page is not self.result_page)
        # A file with problems cannot be imported: apply_import refuses it.
        refused = page is self.preview_page and bool(self.plan and self.plan.problems)
        self.next_button.setEnabled(idle and not refused)
        self.next_button.setText(
            self.tr("Import") if page is self.preview_page else self.tr("Next")
        )
        self.path_edit.setEnabled(idle)
        headings = {
            self.source_page: self.tr("1. The file"),
            self.mapping_page: self.tr("2. The columns"),
            self.schools_page: self.tr("3. The schools"),
            self.preview_page: self.tr("4. Preview: nothing is written yet"),
            self.result_page: self.tr("Done"),
        }
        self.heading.setText(f"<b>{headings.get(page, '')}</b>")

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        # Closing while the task runs would leave it without a window.
        if self.task is not None:
            self.task.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.task.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # private helpers

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _is_table(self) -> bool:
        return self.input is not None and self.input.roster.format is RosterFormat.TABLE

    def _start(self, title: str, work: Callable[..., Any], done: Any) -> None:
        self.task = BackgroundTask(self, title, work)
        self.task.succeeded.connect(done)
        self.task.failed.connect(self._on_task_failed)
        self.task.ended.connect(self._on_task_ended)
        self._update_buttons()
        self.task.start()

    def _read(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose the file, folder or zip to import."))
            return
        path = Path(text)
        if not path.exists():
            self._show_error(self.tr("{0} does not exist.").format(path))
            return
        db, actor = self.db, self.actor

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> tuple[ReadInput, ImportPlan | None]:
            found = read_for_import(db, actor, path)
            if found.roster.format is RosterFormat.TABLE:
                return found, None
            return found, plan_import(db, actor, found.roster)

        self._chosen = None
        self._start(self.tr("Reading the file…"), work, self._on_read)

    def _fill_mapping(self, found: ReadInput) -> None:
        headers = found.table.header if found.table is not None else []
        mapping = found.mapping or ColumnMapping()
        for target, box in self.field_boxes.items():
            box.clear()
            box.addItem(self.tr("(not in the file)"), None)
            for header in headers:
                box.addItem(header, header)
            chosen = mapping.columns.get(target)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
        order = mapping.date_order.value if mapping.date_order else None
        self.date_order_box.setCurrentIndex(max(0, self.date_order_box.findData(order)))

    def _mapping(self) -> ColumnMapping:
        found = self.input.mapping if self.input else None
        order = self.date_order_box.currentData()
        return ColumnMapping(
            {
                target: box.currentData()
                for target, box in self.field_boxes.items()
                if box.currentData() is not None
            },
            found.parents if found is not None else (),
            DateOrder(order) if order else None,
        )

    def _read_with_mapping(self) -> None:
        assert self.input is not None
        mapping = self._mapping()
        missing = mapping.missing_required()
        if missing:
            self._show_error(
                self.tr("Choose the column of: {0}.").format(
                    ", ".join(field_label(target) for target in missing)
                )
            )
            return
        path = Path(self.path_edit.text().strip())
        db, actor, chosen = self.db, self.actor, self._chosen

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> tuple[ReadInput, ImportPlan]:
            found = read_for_import(
                db, actor, path, mapping=mapping, date_order=mapping.date_order
            )
            return found, plan_import(
                db,
                actor,
                found.roster,
                source_schools=chosen,
                mapping=found.mapping_to_remember(),
            )

        self._start(self.tr("Reading the file…"), work, self._on_read)

    def _fill_schools(self, plan: ImportPlan) -> None:
        self.school_list.clear()
        for school in plan.source_schools:
            item = QListWidgetItem(
                self.tr("{0} — {1} ({2} rows)", "", school.rows).format(
                    school.id,
                    school.name,
                    format_number(school.rows, current_language()),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, school.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = self._chosen is not None and school.id in self._chosen
            item.setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
            self.school_list.addItem(item)

    def _plan_for_schools(self) -> None:
        assert self.input is not None
        chosen = frozenset(
            str(self.school_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.school_list.count())
            if self.school_list.item(i).checkState() == Qt.CheckState.Checked
        )
        if not chosen:
            self._show_error(self.tr("Check at least one school."))
            return
        self._chosen = chosen
        db, actor, found = self.db, self.actor, self.input

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> ImportPlan:
            return plan_import(
                db,
                actor,
                found.roster,
                source_schools=chosen,
                mapping=found.mapping_to_remember(),
            )

        self._start(self.tr("Preparing the preview…"), work, self._on_planned)

    def _show_plan(self, plan: ImportPlan) -> None:
        language = current_language()
        counts = plan.counts()
        for kind, (_, value) in self.count_labels.items():
            value.setText(format_number(counts[kind], language))
        problems = [problem_text(p) for p in plan.problems]
        self.file_problems.setText("\n".join(problems))
        self.file_problems.setVisible(bool(problems))
        self.passwords_notice.setText(
            self.tr(
                "{0} passwords in the file will be ignored: passwords are never "
                "stored.",
                "",
                plan.passwords_ignored,
            ).format(format_number(plan.passwords_ignored, language))
        )
        self.passwords_notice.setVisible(plan.passwords_ignored > 0)
        self._fill_rows(plan)

        missing = len(plan.missing)
        self.missing_label.setText(
            self.tr(
                "{0} active students of the school are not in this file.",
                "",
                missing,
            ).format(format_number(missing, language))
        )
        self.missing_list.clear()
        for student in plan.missing[:MISSING_SHOWN]:
            self.missing_list.addItem(
                f"{student.last_name}, {student.first_name} ({student.username})"
            )
        if missing > MISSING_SHOWN:
            self.missing_list.addItem(
                self.tr("and {0} more", "", missing - MISSING_SHOWN).format(
                    format_number(missing - MISSING_SHOWN, language)
                )
            )
        self.deactivate_missing.setText(
            self.tr("Deactivate the plans of these {0} students", "", missing).format(
                format_number(missing, language)
            )
        )
        for widget in (self.missing_label, self.missing_list):
            widget.setVisible(missing > 0)
        # A file with problems, or whose rows match no student of the
        # school, must not end the plans of "the others".
        self.deactivate_missing.setChecked(False)
        self.deactivate_missing.setVisible(
            missing > 0 and plan.deactivation_refusal() is None
        )

    def _fill_rows(self, plan: ImportPlan) -> None:
        rows = plan.rows
        if self.errors_only.isChecked():
            rows = [row for row in rows if row.kind is RowKind.ERROR]
        self.rows_model.set_rows(rows)

    def _apply(self) -> None:
        plan = self.plan
        assert plan is not None
        deactivate = self.deactivate_missing.isChecked()
        if deactivate and plan.deactivates_many and not self._confirm_many(plan):
            return
        db, actor = self.db, self.actor

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> ImportResult:
            stop = threading.Event()

            def report(done: int, total: int) -> None:
                progress(done, total)
                if cancelled():
                    stop.set()

            return apply_import(
                db,
                actor,
                plan,
                deactivate_missing=deactivate,
                deactivate_many=deactivate,
                progress=report,
                cancel=stop,
            )

        self._start(self.tr("Importing…"), work, self._on_applied)

    def _confirm_many(self, plan: ImportPlan) -> bool:
        """The second confirmation, when most of the school would be ended."""
        language = current_language()
        answer = QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr(
                "This import will deactivate the plans of {0} of the {1} active "
                "students of the school. Deactivate them?",
                "",
                len(plan.missing),
            ).format(
                format_number(len(plan.missing), language),
                format_number(plan.active_students, language),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_result(self, result: ImportResult) -> None:
        language = current_language()

        def number(value: int) -> str:
            return format_number(value, language)

        lines = [
            self.tr("{0} students added.", "", result.added).format(
                number(result.added)
            ),
            self.tr("{0} students updated.", "", result.updated).format(
                number(result.updated)
            ),
            self.tr("{0} students unchanged.", "", result.unchanged).format(
                number(result.unchanged)
            ),
            self.tr("{0} plans deactivated.", "", result.deactivated).format(
                number(result.deactivated)
            ),
        ]
        if result.errors_skipped:
            lines.append(
                self.tr(
                    "{0} rows in error were not imported.", "", result.errors_skipped
                ).format(number(result.errors_skipped))
            )
        if result.passwords_ignored:
            lines.append(
                self.tr(
                    "{0} passwords in the file were ignored: passwords are never "
                    "stored.",
                    "",
                    result.passwords_ignored,
                ).format(number(result.passwords_ignored))
            )
        self.result_text.setText("\n".join(lines))
