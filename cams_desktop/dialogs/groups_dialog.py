"""Student groups (F-21): manage the groups, and add or remove chosen students."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.students import GroupKind
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.labels import group_kind_label
from cams_desktop.services import groups
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.groups import GroupRow, MembersAdded, MembersRemoved
from cams_desktop.services.students import ValidationError
from cams_desktop.views.widgets import error_label


class GroupsDialog(QDialog):
    """Gérer les groupes: the visible groups; create, rename and delete."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        # Whether a group was created, renamed or deleted (the list refreshes).
        self.changed = False
        self._groups: list[GroupRow] = []

        self.group_list = QTreeWidget()
        self.group_list.setRootIsDecorated(False)
        self.group_list.setAlternatingRowColors(True)
        self.group_list.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection
        )
        self.group_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.new_box = QGroupBox()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(groups.MAX_GROUP_NAME_LENGTH)
        self.kind_box = QComboBox()
        self.create_button = QPushButton()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.rename_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        self._labels = [QLabel(), QLabel()]
        new_form = QFormLayout(self.new_box)
        new_form.addRow(self._labels[0], self.name_edit)
        new_form.addRow(self._labels[1], self.kind_box)
        new_form.addRow(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group_list, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.new_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

        self.group_list.currentItemChanged.connect(self._update_buttons)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.name_edit.returnPressed.connect(self._on_create_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self, current: uuid.UUID | None = None) -> None:
        self._groups = groups.list_groups(self.db, self.actor)
        self._fill_list(current)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manage groups"))
        self.group_list.setHeaderLabels(
            [self.tr("Group"), self.tr("Kind"), self.tr("Students")]
        )
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Delete"))
        self.new_box.setTitle(self.tr("New group"))
        self._labels[0].setText(self.tr("Name"))
        self._labels[1].setText(self.tr("Kind"))
        self.create_button.setText(self.tr("Create the group"))
        current = self.kind_box.currentData()
        self.kind_box.clear()
        for kind in GroupKind:
            if groups.may_create(self.actor, kind):
                self.kind_box.addItem(_kind_description(kind), kind.value)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(current)))
        self.new_box.setEnabled(self.kind_box.count() > 0)
        self._fill_list(self._current_id())

    # slots

    @Slot()
    def _on_create_clicked(self) -> None:
        self.error_label.hide()
        kind = self.kind_box.currentData()
        if kind is None:
            return
        try:
            group_id = groups.create_group(
                self.db, self.actor, self.name_edit.text(), GroupKind(str(kind))
            )
        except (ValidationError, PermissionDenied) as error:
            self._show_error(str(error))
            return
        self.changed = True
        self.name_edit.clear()
        self.reload(group_id)

    @Slot()
    def _on_rename_clicked(self) -> None:
        group = self._current()
        if group is None:
            return
        self.error_label.hide()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename the group"),
            self.tr("New name of the group:"),
            text=group.name,
        )
        if not ok:
            return
        try:
            groups.rename_group(self.db, self.actor, group.id, name)
        except (ValidationError, NotFound, PermissionDenied) as error:
            self._show_error(str(error))
            return
        self.changed = True
        self.reload(group.id)

    @Slot()
    def _on_delete_clicked(self) -> None:
        group = self._current()
        if group is None:
            return
        self.error_label.hide()
        answer = QMessageBox.question(
            self,
            self.tr("Delete the group"),
            self.tr(
                "Delete the group “{0}”? Its students stay in the school; "
                "only the group goes."
            ).format(group.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            groups.delete_group(self.db, self.actor, group.id)
        except (NotFound, PermissionDenied) as error:
            self._show_error(str(error))
            return
        self.changed = True
        self.reload()

    @Slot()
    def _update_buttons(self) -> None:
        group = self._current()
        editable = group is not None and group.editable
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _fill_list(self, current: uuid.UUID | None) -> None:
        self.group_list.clear()
        for group in self._groups:
            item = QTreeWidgetItem(
                [
                    group.name,
                    group_kind_label(group.kind),
                    format_number(group.member_count, current_language()),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, group.id)
            item.setTextAlignment(
                2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.group_list.addTopLevelItem(item)
            if group.id == current:
                self.group_list.setCurrentItem(item)
        self._update_buttons()

    def _current_id(self) -> uuid.UUID | None:
        group = self._current()
        return None if group is None else group.id

    def _current(self) -> GroupRow | None:
        item = self.group_list.currentItem()
        if item is None:
            return None
        group_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((g for g in self._groups if g.id == group_id), None)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class GroupMembershipDialog(QDialog):
    """Ajouter au groupe / Retirer du groupe: the list's chosen students."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student_ids: list[uuid.UUID],
        adding: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.student_ids = list(student_ids)
        self.adding = adding
        self.result_: MembersAdded | MembersRemoved | None = None
        self._groups = [g for g in groups.list_groups(db, actor) if g.editable]

        self.students_label = QLabel()
        self.group_box = QComboBox()
        for group in self._groups:
            self.group_box.addItem(
                f"{group.name} ({group_kind_label(group.kind)})", group.id
            )
        self.no_group_label = QLabel()
        self.no_group_label.setWordWrap(True)
        self.no_group_label.setVisible(not self._groups)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(bool(self._groups) and bool(self.student_ids))

        self._group_label = QLabel()
        form = QFormLayout()
        form.addRow(self.students_label)
        form.addRow(self._group_label, self.group_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.no_group_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(480, 180)

        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def group_id(self) -> uuid.UUID | None:
        value = self.group_box.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def group_name(self) -> str:
        group_id = self.group_id()
        return next((g.name for g in self._groups if g.id == group_id), "")

    def retranslate(self) -> None:
        count = len(self.student_ids)
        shown = format_number(count, current_language())
        if self.adding:
            self.setWindowTitle(self.tr("Add to group"))
            self.students_label.setText(
                self.tr("Add {0} selected students to:", "", count).format(shown)
            )
        else:
            self.setWindowTitle(self.tr("Remove from group"))
            self.students_label.setText(
                self.tr("Remove {0} selected students from:", "", count).format(shown)
            )
        self._group_label.setText(self.tr("Group"))
        self.no_group_label.setText(
            self.tr(
                "There is no group you can change. Create one with "
                "Students › Manage groups."
            )
        )

    # slots

    @Slot()
    def _on_ok_clicked(self) -> None:
        group_id = self.group_id()
        if group_id is None:
            return
        self.error_label.hide()
        try:
            if self.adding:
                self.result_ = groups.add_members(
                    self.db, self.actor, group_id, self.student_ids
                )
            else:
                self.result_ = groups.remove_members(
                    self.db, self.actor, group_id, self.student_ids
                )
        except (NotFound, PermissionDenied) as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _kind_description(kind: GroupKind) -> str:
    match kind:
        case GroupKind.PRIVATE:
            return QCoreApplication.translate("GroupsDialog", "Private (only I see it)")
        case GroupKind.SHARED:
            return QCoreApplication.translate(
                "GroupsDialog", "Shared (everyone sees and changes it)"
            )
        case GroupKind.MANAGED:
            return QCoreApplication.translate(
                "GroupsDialog",
                "Managed (everyone sees it; program administrators change it)",
            )
