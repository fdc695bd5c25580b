"""Advanced student search (F-12): combinable criteria and the user's saved searches."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
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
from cams_desktop.db.students import GRADES, MAX_NAME_LENGTH, Gender, PlanStatus
from cams_desktop.labels import gender_label, group_kind_label, plan_status_label
from cams_desktop.services import search as search_service
from cams_desktop.services import students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.search import SavedSearchRow, StudentSearch
from cams_desktop.services.students import ValidationError
from cams_desktop.views.widgets import error_label


class SearchDialog(QDialog):
    """Criteria on the left, saved searches on the right; Search applies them."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        initial: StudentSearch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._counsellors = students.list_counsellors(db, actor)
        self._groups = students.list_groups(db, actor)
        self._saved: list[SavedSearchRow] = []

        self.criteria_box = QGroupBox()
        self.grade_boxes = {grade: QCheckBox(str(grade)) for grade in GRADES}
        self.username = QLineEdit()
        self.username.setMaxLength(search_service.MAX_USERNAME_LENGTH)
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(MAX_NAME_LENGTH)
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(MAX_NAME_LENGTH)
        self.counsellor_box = QComboBox()
        self.status_box = QComboBox()
        self.gender_box = QComboBox()
        self.group_box = QComboBox()
        self.clear_button = QPushButton()
        self.saved_box = QGroupBox()
        self.saved_list = QListWidget()
        self.save_as_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.search_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.search_button.setDefault(True)

        self._labels = [QLabel() for _ in range(8)]
        grade_row = QWidget()
        grades = QHBoxLayout(grade_row)
        grades.setContentsMargins(0, 0, 0, 0)
        for box in self.grade_boxes.values():
            grades.addWidget(box)
        grades.addStretch(1)
        form = QFormLayout(self.criteria_box)
        for label, field in zip(
            self._labels,
            (
                grade_row,
                self.username,
                self.first_name,
                self.last_name,
                self.counsellor_box,
                self.status_box,
                self.gender_box,
                self.group_box,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        form.addRow(self.clear_button)
        saved_buttons = QHBoxLayout()
        saved_buttons.addWidget(self.rename_button)
        saved_buttons.addWidget(self.delete_button)
        saved_layout = QVBoxLayout(self.saved_box)
        saved_layout.addWidget(self.saved_list, 1)
        saved_layout.addLayout(saved_buttons)
        saved_layout.addWidget(self.save_as_button)
        panes = QHBoxLayout()
        panes.addWidget(self.criteria_box, 3)
        panes.addWidget(self.saved_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(860, 460)

        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.saved_list.currentRowChanged.connect(self._on_saved_chosen)
        self.saved_list.itemDoubleClicked.connect(self._on_saved_double_clicked)
        self.save_as_button.clicked.connect(self._on_save_as_clicked)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.set_search(initial or StudentSearch())
        self._reload_saved()

    # public API

    def search(self) -> StudentSearch:
        """The criteria as filled in now."""
        status = self.status_box.currentData()
        gender = self.gender_box.currentData()
        return StudentSearch(
            grades=frozenset(
                g for g, box in self.grade_boxes.items() if box.isChecked()
            ),
            username=self.username.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            counsellor_id=_id(self.counsellor_box.currentData()),
            plan_status=None if status is None else PlanStatus(str(status)),
            gender=None if gender is None else Gender(str(gender)),
            group_id=_id(self.group_box.currentData()),
        )

    def set_search(self, search: StudentSearch) -> None:
        """Fill the form with ``search``."""
        for grade, box in self.grade_boxes.items():
            box.setChecked(grade in search.grades)
        self.username.setText(search.username)
        self.first_name.setText(search.first_name)
        self.last_name.setText(search.last_name)
        _select(self.counsellor_box, search.counsellor_id)
        _select(self.status_box, search.plan_status and search.plan_status.value)
        _select(self.gender_box, search.gender and search.gender.value)
        _select(self.group_box, search.group_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Advanced search"))
        self.criteria_box.setTitle(self.tr("Find the students who match all of:"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Grades"),
                self.tr("Username contains"),
                self.tr("First name contains"),
                self.tr("Last name contains"),
                self.tr("Counsellor"),
                self.tr("Plan status"),
                self.tr("Gender"),
                self.tr("Group"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.clear_button.setText(self.tr("Clear the criteria"))
        self.saved_box.setTitle(self.tr("My saved searches"))
        self.save_as_button.setText(self.tr("Save as…"))
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Delete"))
        self.search_button.setText(self.tr("Search"))
        self._refill(
            self.counsellor_box,
            [(self.tr("Any counsellor"), None)]
            + [(c.name, c.id) for c in self._counsellors],
        )
        self._refill(
            self.status_box,
            [(self.tr("Any plan status"), None)]
            + [
                (plan_status_label(s), s.value)
                for s in PlanStatus
                if s != PlanStatus.TRANSFERRED
            ],
        )
        self._refill(
            self.gender_box,
            [(self.tr("Any gender"), None)]
            + [(gender_label(g), g.value) for g in Gender],
        )
        self._refill(
            self.group_box,
            [(self.tr("Any group"), None)]
            + [(f"{g.name} ({group_kind_label(g.kind)})", g.id) for g in self._groups],
        )
        self._fill_saved_list()

    # slots

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.set_search(StudentSearch())

    @Slot(int)
    def _on_saved_chosen(self, row: int) -> None:
        self.error_label.hide()
        saved = self._saved[row] if 0 <= row < len(self._saved) else None
        self.rename_button.setEnabled(saved is not None)
        self.delete_button.setEnabled(saved is not None)
        if saved is None:
            return
        if saved.search is None:
            self._show_error(
                self.tr(
                    "This search was saved by a newer version of CAMS Desktop "
                    "and cannot be used here."
                )
            )
            return
        self.set_search(saved.search)

    @Slot(QListWidgetItem)
    def _on_saved_double_clicked(self, item: QListWidgetItem) -> None:
        saved = self._saved[self.saved_list.row(item)]
        if saved.search is not None:
            self.set_search(saved.search)
            self.accept()

    @Slot()
    def _on_save_as_clicked(self) -> None:
        self.error_label.hide()
        name, ok = QInputDialog.getText(
            self, self.tr("Save the search"), self.tr("Name of the search:")
        )
        if not ok:
            return
        try:
            saved_id = search_service.save_search(
                self.db, self.actor, name, self.search()
            )
        except (ValidationError, PermissionDenied) as error:
            self._show_error(str(error))
            return
        self._reload_saved(saved_id)

    @Slot()
    def _on_rename_clicked(self) -> None:
        saved = self._current_saved()
        if saved is None:
            return
        self.error_label.hide()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename the search"),
            self.tr("New name of the search:"),
            text=saved.name,
        )
        if not ok:
            return
        try:
            search_service.rename_saved_search(self.db, self.actor, saved.id, name)
        except (ValidationError, NotFound, PermissionDenied) as error:
            self._show_error(str(error))
            return
        self._reload_saved(saved.id)

    @Slot()
    def _on_delete_clicked(self) -> None:
        saved = self._current_saved()
        if saved is None:
            return
        self.error_label.hide()
        answer = QMessageBox.question(
            self,
            self.tr("Delete the search"),
            self.tr("Delete the saved search “{0}”?").format(saved.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            search_service.delete_saved_search(self.db, self.actor, saved.id)
        except (NotFound, PermissionDenied) as error:
            self._show_error(str(error))
        self._reload_saved()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _reload_saved(self, current: uuid.UUID | None = None) -> None:
        self._saved = search_service.list_saved_searches(self.db, self.actor)
        self._fill_saved_list(current)

    def _fill_saved_list(self, current: uuid.UUID | None = None) -> None:
        """List the saved searches without applying one to the form."""
        self.saved_list.blockSignals(True)
        self.saved_list.clear()
        for saved in self._saved:
            item = QListWidgetItem(saved.name)
            item.setData(Qt.ItemDataRole.UserRole, saved.id)
            if saved.search is None:
                item.setToolTip(self.tr("Saved by a newer version of CAMS Desktop"))
            self.saved_list.addItem(item)
            if saved.id == current:
                self.saved_list.setCurrentItem(item)
        self.saved_list.blockSignals(False)
        has_current = self._current_saved() is not None
        self.rename_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)

    def _current_saved(self) -> SavedSearchRow | None:
        row = self.saved_list.currentRow()
        return self._saved[row] if 0 <= row < len(self._saved) else None

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.clear()
        for text, value in items:
            box.addItem(text, value)
        _select(box, current)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


def _id(value: object) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None


def _select(box: QComboBox, value: object) -> None:
    """Make the item holding ``value`` current (the first, "any", if none)."""
    found = next((i for i in range(box.count()) if box.itemData(i) == value), 0)
    box.setCurrentIndex(found)
