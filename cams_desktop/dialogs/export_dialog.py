"""Export the student list as shown (F-14): columns, format and file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.reports.exporters import ExportCancelled, ExportFormat, ExportResult
from cams_desktop.services.access import Actor
from cams_desktop.services.student_export import (
    DEFAULT_COLUMNS,
    ExportColumn,
    column_label,
    export_students,
)
from cams_desktop.services.students import StudentRow
from cams_desktop.views.background import BackgroundTask, show_error
from cams_desktop.views.widgets import error_label


class ExportDialog(QDialog):
    """Chooses what to export, then runs the export off the GUI thread."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        rows: list[StudentRow],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.rows = rows
        self.settings = settings
        self.task: BackgroundTask | None = None
        self.export_result: ExportResult | None = None

        self.summary = QLabel()
        self.column_list = QListWidget()
        self.format_box = QComboBox()
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        chosen = self.settings.value("export/columns")
        chosen_columns = (
            [c for c in ExportColumn if c.value in chosen]
            if isinstance(chosen, list)
            else list(DEFAULT_COLUMNS)
        )
        for column in ExportColumn:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if column in chosen_columns
                else Qt.CheckState.Unchecked
            )
            self.column_list.addItem(item)

        self.form = QFormLayout()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.columns_label = QLabel()
        self.format_label = QLabel()
        self.file_label = QLabel()
        self.form.addRow(self.columns_label, self.column_list)
        self.form.addRow(self.format_label, self.format_box)
        self.form.addRow(self.file_label, path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.buttons.accepted.connect(self._on_export_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        last_format = self.settings.value("export/format", ExportFormat.XLSX.value)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(last_format)))

    # public API

    def columns(self) -> list[ExportColumn]:
        return [
            ExportColumn(self.column_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.column_list.count())
            if self.column_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def export_format(self) -> ExportFormat:
        return ExportFormat(self.format_box.currentData())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the list"))
        self.summary.setText(
            self.tr(
                "{0} students, as filtered and sorted in the list.", "", len(self.rows)
            ).format(format_number(len(self.rows), current_language()))
        )
        self.columns_label.setText(self.tr("Columns"))
        self.format_label.setText(self.tr("Format"))
        self.file_label.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Browse…"))
        for i in range(self.column_list.count()):
            item = self.column_list.item(i)
            item.setText(
                column_label(ExportColumn(item.data(Qt.ItemDataRole.UserRole)))
            )
        current = self.format_box.currentData()
        self.format_box.blockSignals(True)
        self.format_box.clear()
        self.format_box.addItem(
            self.tr("Excel workbook (.xlsx)"), ExportFormat.XLSX.value
        )
        self.format_box.addItem(
            self.tr("CSV, comma-separated (.csv)"), ExportFormat.CSV.value
        )
        self.format_box.addItem(
            self.tr("Tab-delimited text (.txt)"), ExportFormat.TEXT.value
        )
        if current is not None:
            self.format_box.setCurrentIndex(self.format_box.findData(current))
        self.format_box.blockSignals(False)

    # slots

    @Slot()
    def _on_browse_clicked(self) -> None:
        suffix = self.export_format().value
        # The suggested file name, in the interface language.
        stem = self.tr("students")
        folder = Path(str(self.settings.value("export/folder", str(Path.home()))))
        start = self.path_edit.text() or str(folder / f"{stem}.{suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the list"), start, f"*.{suffix}"
        )
        if path:
            self.path_edit.setText(path)

    @Slot()
    def _on_format_changed(self) -> None:
        text = self.path_edit.text()
        if text:
            self.path_edit.setText(
                str(Path(text).with_suffix("." + self.export_format().value))
            )

    @Slot()
    def _on_export_clicked(self) -> None:
        self.error_label.hide()
        columns = self.columns()
        text = self.path_edit.text().strip()
        if not columns:
            self._show_error(self.tr("Choose at least one column."))
            return
        if not text:
            self._show_error(self.tr("Choose the file to write."))
            return
        fmt = self.export_format()
        # The chosen format decides the file's extension.
        path = Path(text).with_suffix("." + fmt.value)
        self.path_edit.setText(str(path))
        if not path.parent.is_dir():
            self._show_error(
                self.tr("The folder {0} does not exist.").format(path.parent)
            )
            return
        if path.is_dir():
            self._show_error(self.tr("{0} is a folder; give a file name.").format(path))
            return
        if path.exists():
            answer = QMessageBox.question(
                self,
                self.tr("Export the list"),
                self.tr("{0} already exists. Replace it?").format(path.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.settings.setValue("export/columns", [c.value for c in columns])
        self.settings.setValue("export/format", fmt.value)
        self.settings.setValue("export/folder", str(path.parent))
        ids = [row.id for row in self.rows]
        self.buttons.setEnabled(False)
        self.task = BackgroundTask(
            self,
            self.tr("Exporting…"),
            lambda progress, cancel: export_students(
                self.db, self.actor, ids, columns, fmt, path, progress, cancel
            ),
        )
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.start()

    @Slot(object)
    def _on_task_succeeded(self, result: ExportResult) -> None:
        self.export_result = result
        message = self.tr(
            "{0} students written to {1}.", "", result.rows_written
        ).format(
            format_number(result.rows_written, current_language()), result.path.name
        )
        if result.cleaned_cells:
            message += "\n" + self.tr(
                "{0} cells held characters an Excel workbook cannot store; "
                "they were removed.",
                "",
                result.cleaned_cells,
            ).format(format_number(result.cleaned_cells, current_language()))
        QMessageBox.information(self, self.tr("Export the list"), message)
        self.accept()

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ExportCancelled):
            self._show_error(self.tr("Export cancelled; no file was written."))
            return
        if isinstance(error, OSError):
            self._show_error(
                self.tr(
                    "The file could not be written ({0}); nothing was saved."
                ).format(error.strerror or error)
            )
            return
        show_error(self, self.tr("Export the list"), error)

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
