"""The student list (Liste des élèves): filters, table and selection."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.students import GRADES, Gender, PlanStatus
from cams_desktop.formatting import format_number
from cams_desktop.labels import gender_label, group_kind_label, plan_status_label
from cams_desktop.models.student_table import (
    StudentFilter,
    StudentListProxy,
    StudentTableModel,
    TransferredTableModel,
)
from cams_desktop.services.search import StudentSearch
from cams_desktop.services.students import GroupChoice, StaffChoice, StudentRow
from cams_desktop.services.transfers import TransferredRow

_T = TypeVar("_T")


class StudentListView(QWidget):
    """Filter bar over the student table; asks its owner for rows."""

    scope_changed = Signal(bool)  # True: my students only
    context_menu_requested = Signal(QPoint)
    activated = Signal(object)  # the StudentRow double-clicked
    selection_changed = Signal()
    # True: the list shows the read-only rows of transferred students.
    transferred_shown = Signal(bool)

    def __init__(
        self, language: str, can_see_all: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = StudentTableModel(language)
        self.model.setParent(self)
        self.proxy = StudentListProxy()
        self.proxy.setParent(self)
        self.proxy.set_source(self.model)
        self._counsellors: list[StaffChoice] = []
        self._groups: list[GroupChoice] = []
        self._search: StudentSearch | None = None
        self._can_see_all = can_see_all
        self._transferred_shown = False

        self.all_button = QRadioButton()
        self.mine_button = QRadioButton()
        self._scope = QButtonGroup(self)
        self._scope.addButton(self.all_button)
        self._scope.addButton(self.mine_button)
        (self.all_button if can_see_all else self.mine_button).setChecked(True)
        self.all_button.setVisible(can_see_all)
        self.mine_button.setVisible(can_see_all)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.grade_box = QComboBox()
        self.status_box = QComboBox()
        self.gender_box = QComboBox()
        self.counsellor_box = QComboBox()
        self.group_box = QComboBox()
        self.count_label = QLabel()
        # Shown while an advanced search is on, with a button to remove it.
        self.search_bar = QWidget()
        self.search_label = QLabel()
        self.search_label.setWordWrap(True)
        self.clear_search_button = QToolButton()
        self.clear_search_button.setText("✕")
        self.search_bar.hide()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((170, 150, 70, 150, 120, 100, 200, 90)):
            self.table.setColumnWidth(column, width)

        # What the school keeps of the students it transferred (F-20): a few
        # facts, rows that cannot be selected, so no View/Action on them.
        self.transferred_model = TransferredTableModel(language)
        self.transferred_model.setParent(self)
        self.transferred_table = QTableView()
        self.transferred_table.setModel(self.transferred_model)
        self.transferred_table.setSelectionMode(
            QAbstractItemView.SelectionMode.NoSelection
        )
        self.transferred_table.verticalHeader().setVisible(False)
        self.transferred_table.horizontalHeader().setStretchLastSection(True)
        self.transferred_table.hide()

        self.filter_edit.setMinimumWidth(260)
        search_row = QHBoxLayout()
        search_row.addWidget(self.all_button)
        search_row.addWidget(self.mine_button)
        search_row.addWidget(self.filter_edit, 1)
        filters = QHBoxLayout()
        for box in (
            self.grade_box,
            self.status_box,
            self.gender_box,
            self.counsellor_box,
            self.group_box,
        ):
            filters.addWidget(box, 1)
        search_bar_row = QHBoxLayout(self.search_bar)
        search_bar_row.setContentsMargins(0, 0, 0, 0)
        search_bar_row.addWidget(self.search_label, 1)
        search_bar_row.addWidget(self.clear_search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table)
        layout.addWidget(self.transferred_table)
        layout.addWidget(self.count_label)

        self.filter_edit.textChanged.connect(self._on_filters_changed)
        for box in (
            self.grade_box,
            self.status_box,
            self.gender_box,
            self.counsellor_box,
            self.group_box,
        ):
            box.currentIndexChanged.connect(self._on_filters_changed)
        self.mine_button.toggled.connect(self.scope_changed)
        self.clear_search_button.clicked.connect(self._on_clear_search_clicked)
        self.table.customContextMenuRequested.connect(self._on_table_menu)
        # Activation is a double-click or Enter, as the platform has it.
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)

        self.retranslate()

    # public API

    def set_choices(
        self, counsellors: list[StaffChoice], groups: list[GroupChoice]
    ) -> None:
        self._counsellors = counsellors
        self._groups = groups
        self._fill_boxes()
        self._describe_search()
        # A group deleted meanwhile is no longer in its box: stop filtering by it.
        self._on_filters_changed()

    def set_rows(self, rows: list[StudentRow]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        if selected:
            self.select_ids(selected)

    def selected_rows(self) -> list[StudentRow]:
        if self._transferred_shown:
            return []
        rows = sorted(
            {index.row() for index in self.table.selectionModel().selectedRows()}
        )
        return [self.proxy.row_at(r) for r in rows]

    def selected_ids(self) -> list[uuid.UUID]:
        return [row.id for row in self.selected_rows()]

    def select_ids(self, ids: set[uuid.UUID]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.row_at(proxy_row).id in ids:
                selection.select(
                    self.proxy.index(proxy_row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def set_search(self, search: StudentSearch | None) -> None:
        """Apply an advanced search on top of the filter bar (None removes it)."""
        if search is not None and search.is_empty:
            search = None
        self._search = search
        if search is not None and search.plan_status is not None:
            # The search names the plan status: the bar's default "active
            # plans only" would otherwise hide every inactive or graduated one.
            self.status_box.setCurrentIndex(0)
        self.search_bar.setVisible(search is not None)
        self._describe_search()
        self._on_filters_changed()

    def search(self) -> StudentSearch | None:
        return self._search

    def showing_transferred(self) -> bool:
        return self._transferred_shown

    def set_transferred_rows(self, rows: list[TransferredRow]) -> None:
        self.transferred_model.set_rows(rows)
        self._update_count()

    def mine_only(self) -> bool:
        return self.mine_button.isChecked()

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        self.table.horizontalHeader().restoreState(state)

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.transferred_model.set_language(language)

    def retranslate(self) -> None:
        self.all_button.setText(self.tr("All students"))
        self.mine_button.setText(self.tr("My students"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or username"))
        self.filter_edit.setAccessibleName(self.tr("Filter by name or username"))
        self._fill_boxes()
        self._describe_search()
        self._update_count()

    # slots

    @Slot()
    def _on_filters_changed(self) -> None:
        self.proxy.set_filter(
            StudentFilter(
                text=self.filter_edit.text(),
                grade=self.grade_box.currentData(),
                plan_status=_optional(PlanStatus, self.status_box.currentData()),
                gender=_optional(Gender, self.gender_box.currentData()),
                counsellor_id=self.counsellor_box.currentData(),
                group_id=self.group_box.currentData(),
                search=self._search,
            )
        )
        shown = self.status_box.currentData() == PlanStatus.TRANSFERRED
        if shown != self._transferred_shown:
            self._transferred_shown = shown
            self.table.setVisible(not shown)
            self.transferred_table.setVisible(shown)
            self._update_count()
            self.transferred_shown.emit(shown)

    @Slot()
    def _on_clear_search_clicked(self) -> None:
        self.set_search(None)

    @Slot(QPoint)
    def _on_table_menu(self, point: QPoint) -> None:
        if self.table.indexAt(point).isValid():
            self.context_menu_requested.emit(self.table.viewport().mapToGlobal(point))

    @Slot()
    def _on_table_activated(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.activated.emit(rows[0])

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _fill_boxes(self) -> None:
        def refill(
            box: QComboBox, items: list[tuple[str, object]], default: object = None
        ) -> None:
            current = box.currentData() if box.count() else default
            box.blockSignals(True)
            box.clear()
            for text, value in items:
                box.addItem(text, value)
            found = next((i for i, (_, v) in enumerate(items) if v == current), 0)
            box.setCurrentIndex(found)
            box.blockSignals(False)

        grade_items: list[tuple[str, object]] = [(self.tr("All grades"), None)]
        grade_items += [(self.tr("Grade {0}").format(g), g) for g in GRADES]
        refill(self.grade_box, grade_items)
        status_items: list[tuple[str, object]] = [(self.tr("Any plan status"), None)]
        # Transferred students belong to another school now; who sees the whole
        # school may list those it sent, read-only (F-20).
        status_items += [
            (plan_status_label(s), s) for s in PlanStatus if s != PlanStatus.TRANSFERRED
        ]
        if self._can_see_all:
            status_items.append(
                (self.tr("Transferred students"), PlanStatus.TRANSFERRED)
            )
        # Deactivated plans leave the list unless asked for (F-17).
        refill(self.status_box, status_items, PlanStatus.ACTIVE)
        gender_items: list[tuple[str, object]] = [(self.tr("Any gender"), None)]
        gender_items += [(gender_label(g), g) for g in Gender]
        refill(self.gender_box, gender_items)
        counsellor_items: list[tuple[str, object]] = [(self.tr("Any counsellor"), None)]
        counsellor_items += [(c.name, c.id) for c in self._counsellors]
        refill(self.counsellor_box, counsellor_items)
        group_items: list[tuple[str, object]] = [(self.tr("Any group"), None)]
        group_items += [
            (f"{g.name} ({group_kind_label(g.kind)})", g.id) for g in self._groups
        ]
        refill(self.group_box, group_items)

    def _describe_search(self) -> None:
        self.clear_search_button.setToolTip(self.tr("Remove the search"))
        self.clear_search_button.setAccessibleName(self.tr("Remove the search"))
        if self._search is None:
            self.search_label.clear()
            return
        self.search_label.setText(
            self.tr("Search: {0}").format(
                self._search.describe(
                    {c.id: c.name for c in self._counsellors},
                    {g.id: g.name for g in self._groups},
                )
            )
        )

    def _update_count(self) -> None:
        if self._transferred_shown:
            count = self.transferred_model.rowCount()
            self.count_label.setText(
                self.tr("{0} students transferred to another school", "", count).format(
                    format_number(count, self.model.language)
                )
            )
            return
        self.count_label.setText(
            self.tr("{0} of {1} students shown", "", self.proxy.rowCount()).format(
                format_number(self.proxy.rowCount(), self.model.language),
                format_number(self.model.rowCount(), self.model.language),
            )
        )


def _optional(kind: Callable[[str], _T], value: object) -> _T | None:
    """A combo box's enum value (Qt hands StrEnums back as plain str)."""
    return None if value is None else kind(str(value))
