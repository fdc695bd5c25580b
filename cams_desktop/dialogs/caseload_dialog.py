"""Assign students to a counsellor (F-42): search, pick, add or remove."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.students import GRADES
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import caseloads, students
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.caseloads import CaseloadStudent
from cams_desktop.views.background import show_error


class CaseloadDialog(QDialog):
    """Left: students who could be added; right: the counsellor's students."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.changed = False

        self.staff_box = QComboBox()
        if allowed(actor, Action.ASSIGN_CASELOADS):
            for choice in students.list_counsellors(db, actor):
                self.staff_box.addItem(choice.name, choice.id)
            self.staff_box.setCurrentIndex(
                max(0, self.staff_box.findData(actor.staff_id))
            )
        else:
            self.staff_box.addItem(actor.display_name, actor.staff_id)
            self.staff_box.setEnabled(False)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.grade_box = QComboBox()
        self.from_edit = QLineEdit()
        self.to_edit = QLineEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(60)
        self.candidate_list = QListWidget()
        self.caseload_list = QListWidget()
        for listing in (self.candidate_list, self.caseload_list):
            listing.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton()
        self.add_all_button = QPushButton()
        self.remove_button = QPushButton()
        self.candidate_count = QLabel()
        self._browse = allowed(actor, Action.ASSIGN_CASELOADS)
        # Teachers and other staff find students by name; no "add everyone".
        self.add_all_button.setVisible(self._browse)
        self.caseload_count = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        self._labels = {
            name: QLabel() for name in ("staff", "search", "grade", "range", "to")
        }
        top = QHBoxLayout()
        top.addWidget(self._labels["staff"])
        top.addWidget(self.staff_box, 1)
        filters = QHBoxLayout()
        filters.addWidget(self._labels["search"])
        filters.addWidget(self.search, 2)
        filters.addWidget(self._labels["grade"])
        filters.addWidget(self.grade_box)
        filters.addWidget(self._labels["range"])
        filters.addWidget(self.from_edit)
        filters.addWidget(self._labels["to"])
        filters.addWidget(self.to_edit)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.add_button)
        middle.addWidget(self.add_all_button)
        middle.addWidget(self.remove_button)
        middle.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.candidate_count, 0, 0)
        grid.addWidget(self.caseload_count, 0, 2)
        grid.addWidget(self.candidate_list, 1, 0)
        grid.addLayout(middle, 1, 1)
        grid.addWidget(self.caseload_list, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)

        self.staff_box.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self._reload_candidates)
        self.grade_box.currentIndexChanged.connect(self._reload_candidates)
        self.from_edit.textChanged.connect(self._reload_candidates)
        self.to_edit.textChanged.connect(self._reload_candidates)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.add_all_button.clicked.connect(self._on_add_all_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.candidate_list.itemActivated.connect(self._on_add_clicked)
        self.caseload_list.itemActivated.connect(self._on_remove_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def staff_id(self) -> uuid.UUID:
        value = self.staff_box.currentData()
        assert isinstance(value, uuid.UUID)
        return value

    @Slot()
    def reload(self) -> None:
        self._fill(
            self.caseload_list, caseloads.caseload(self.db, self.actor, self.staff_id())
        )
        self._reload_candidates()

    def retranslate(self) -> None:
        if allowed(self.actor, Action.ASSIGN_CASELOADS):
            self.setWindowTitle(self.tr("Assign students to a counsellor"))
        else:
            self.setWindowTitle(self.tr("Students on my list"))
        self._labels["staff"].setText(self.tr("Counsellor"))
        self._labels["search"].setText(self.tr("Name or username"))
        self._labels["grade"].setText(self.tr("Grade"))
        self._labels["range"].setText(self.tr("Last names from"))
        self._labels["to"].setText(self.tr("to"))
        self.from_edit.setPlaceholderText("A")
        self.to_edit.setPlaceholderText("Ge")
        self.add_button.setText(self.tr("Add →"))
        self.add_all_button.setText(self.tr("Add all shown →"))
        self.remove_button.setText(self.tr("← Remove"))
        grade = self.grade_box.currentData()
        self.grade_box.blockSignals(True)
        self.grade_box.clear()
        self.grade_box.addItem(self.tr("All grades"), None)
        for value in GRADES:
            self.grade_box.addItem(str(value), value)
        self.grade_box.setCurrentIndex(max(0, self.grade_box.findData(grade)))
        self.grade_box.blockSignals(False)
        self._update_counts()

    # slots

    @Slot()
    def _reload_candidates(self) -> None:
        low, high = self.from_edit.text().strip(), self.to_edit.text().strip()
        found = caseloads.candidates(
            self.db,
            self.actor,
            self.staff_id(),
            text=self.search.text(),
            grade=self.grade_box.currentData(),
            last_names=(low, high) if low or high else None,
        )
        self._fill(self.candidate_list, [s for s in found if not s.in_caseload])

    @Slot()
    def _on_add_clicked(self) -> None:
        self._change(self._selected(self.candidate_list), add=True)

    @Slot()
    def _on_add_all_clicked(self) -> None:
        ids = [
            self.candidate_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.candidate_list.count())
        ]
        self._change(ids, add=True)

    @Slot()
    def _on_remove_clicked(self) -> None:
        self._change(self._selected(self.caseload_list), add=False)

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _change(self, ids: list[uuid.UUID], *, add: bool) -> None:
        if not ids:
            return
        try:
            if add:
                caseloads.add_to_caseload(self.db, self.actor, self.staff_id(), ids)
            else:
                caseloads.remove_from_caseload(
                    self.db, self.actor, self.staff_id(), ids
                )
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
        else:
            self.changed = True
        self.reload()

    @staticmethod
    def _selected(listing: QListWidget) -> list[uuid.UUID]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in listing.selectedItems()]

    def _fill(self, listing: QListWidget, rows: list[CaseloadStudent]) -> None:
        listing.clear()
        for row in rows:
            item = QListWidgetItem(
                f"{row.last_name}, {row.first_name} — {row.grade} — {row.username}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            listing.addItem(item)
        self._update_counts()

    def _update_counts(self) -> None:
        language = current_language()
        if not self._browse and len(self.search.text().strip()) < 2:
            self.candidate_count.setText(
                self.tr("Type at least two letters of a name or username.")
            )
        else:
            self.candidate_count.setText(
                self.tr("Students who can be added: {0}").format(
                    format_number(self.candidate_list.count(), language)
                )
            )
        self.caseload_count.setText(
            self.tr("Students of this counsellor: {0}").format(
                format_number(self.caseload_list.count(), language)
            )
        )
