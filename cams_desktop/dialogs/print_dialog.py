"""Bulk printing of parent letters and login slips (F-80, F-82), with a preview."""

from __future__ import annotations

import enum
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
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
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.cancel import Cancelled
from cams_desktop.db.engine import Database
from cams_desktop.db.students import GRADES, Gender
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.labels import gender_label
from cams_desktop.printing.batches import BatchResult
from cams_desktop.services import print_jobs, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.parents import StudentCriteria
from cams_desktop.views.background import BackgroundTask, show_error
from cams_desktop.views.widgets import error_label


class PrintKind(enum.Enum):
    PARENT_LETTERS = "letters"
    LOGIN_SLIPS = "slips"


class PrintDialog(QDialog):
    """Criteria and a folder; then the files, a preview and the system viewer."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        kind: PrintKind,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.kind = kind
        self.settings = settings
        self.task: BackgroundTask | None = None
        self.result_: BatchResult | None = None
        self._student_ids: tuple[uuid.UUID, ...] = ()
        self.selection_label = QLabel()
        self.selection_label.hide()

        self.grade_box = QComboBox()
        self.gender_box = QComboBox()
        self.counsellor_box = QComboBox()
        self.usernames = QLineEdit()
        self.folder = QLineEdit(str(settings.value("print/folder", str(Path.home()))))
        self.browse_button = QPushButton()
        self.print_button = QPushButton()
        self.error_label = error_label()
        self.summary = QLabel()
        self.files = QListWidget()
        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.open_button = QPushButton()
        self.open_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._counsellors = students.list_counsellors(db, actor)

        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        for label, field in zip(
            self._labels[:4],
            (self.grade_box, self.gender_box, self.counsellor_box, self.usernames),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.form.addRow(self._labels[4], folder_row)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.selection_label)
        left_layout.addLayout(self.form)
        left_layout.addWidget(self.print_button)
        left_layout.addWidget(self.error_label)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.files, 1)
        left_layout.addWidget(self.open_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1040, 720)

        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.files.currentRowChanged.connect(self._on_file_chosen)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def preselect(self, student_ids: list[uuid.UUID]) -> None:
        """Print for these students (the list's selection) instead of criteria."""
        self._student_ids = tuple(student_ids)
        self.selection_label.setText(
            self.tr("{0} students selected in the list.", "", len(student_ids)).format(
                format_number(len(student_ids), current_language())
            )
        )
        self.selection_label.show()

    def criteria(self) -> StudentCriteria:
        typed = self.usernames.text().replace(",", " ").split()
        gender = self.gender_box.currentData()
        return StudentCriteria(
            student_ids=self._student_ids,
            usernames=tuple(typed),
            counsellor_id=self.counsellor_box.currentData(),
            grade=self.grade_box.currentData(),
            gender=None if gender is None else Gender(str(gender)),
        )

    def retranslate(self) -> None:
        if self.kind is PrintKind.PARENT_LETTERS:
            self.setWindowTitle(self.tr("Print parent access letters"))
        else:
            self.setWindowTitle(self.tr("Print login slips"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Grade"),
                self.tr("Gender"),
                self.tr("Counsellor"),
                self.tr("Usernames (optional)"),
                self.tr("Folder for the PDF files"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.usernames.setPlaceholderText(self.tr("Separated by spaces or commas"))
        self.browse_button.setText(self.tr("Browse…"))
        self.print_button.setText(self.tr("Make the PDF files"))
        self.open_button.setText(self.tr("Open in the system viewer"))
        self._refill(
            self.grade_box,
            [(self.tr("All grades"), None)] + [(str(g), g) for g in GRADES],
        )
        self._refill(
            self.gender_box,
            [(self.tr("Any gender"), None)]
            + [(gender_label(g), g.value) for g in Gender],
        )
        self._refill(
            self.counsellor_box,
            [(self.tr("Any counsellor"), None)]
            + [(c.name, c.id) for c in self._counsellors],
        )

    # slots

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.windowTitle(), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    @Slot()
    def _on_print_clicked(self) -> None:
        self.error_label.hide()
        out_dir = Path(self.folder.text().strip())
        if not out_dir.is_dir():
            self._show_error(self.tr("The folder {0} does not exist.").format(out_dir))
            return
        self.settings.setValue("print/folder", str(out_dir))
        criteria = self.criteria()
        job = (
            print_jobs.print_parent_letters
            if self.kind is PrintKind.PARENT_LETTERS
            else print_jobs.print_login_slips
        )
        self.print_button.setEnabled(False)
        self.task = BackgroundTask(
            self,
            self.tr("Making the PDF files…"),
            lambda progress, cancel: job(
                self.db, self.actor, criteria, out_dir, progress=progress, cancel=cancel
            ),
        )
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.start()

    @Slot(object)
    def _on_task_succeeded(self, result: BatchResult) -> None:
        self.print_button.setEnabled(True)
        self.result_ = result
        self.summary.setText(
            self.tr("{0} pages in {1} files:", "", result.pages).format(
                format_number(result.pages, current_language()),
                format_number(len(result.files), current_language()),
            )
        )
        self.files.clear()
        for path in result.files:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        if result.files:
            self.files.setCurrentRow(0)

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        self.print_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self._show_error(self.tr("Printing cancelled; no file was left behind."))
        elif isinstance(error, ValueError | NotFound | PermissionDenied):
            self._show_error(str(error))
        elif isinstance(error, OSError):
            self._show_error(
                self.tr("The files could not be written ({0}).").format(
                    error.strerror or error
                )
            )
        else:
            show_error(self, self.windowTitle(), error)

    @Slot(int)
    def _on_file_chosen(self, row: int) -> None:
        item = self.files.item(row) if row >= 0 else None
        self.open_button.setEnabled(item is not None)
        if item is not None:
            self.document.load(str(item.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_open_clicked(self) -> None:
        item = self.files.currentItem()
        if item is not None:
            QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(item.data(Qt.ItemDataRole.UserRole)))
            )

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.clear()
        for text, value in items:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
