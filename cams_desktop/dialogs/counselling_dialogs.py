"""Counselling log (F-33), its management, group entries and the annual review (F-34).

Every change goes through ``services.guidance``; who may change what is
decided there (and by ``access.allowed``), never here. Text people typed is
shown exactly as written; topics in the interface language.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.students import GRADES
from cams_desktop.formatting import format_date, format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import guidance, students
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.guidance import (
    GroupEntryRow,
    LogEntryDraft,
    LogEntryRow,
    LogSummaryRow,
    ReviewRow,
    Topic,
)
from cams_desktop.services.students import StudentRow, ValidationError
from cams_desktop.views.background import show_error
from cams_desktop.views.widgets import error_label, may_discard


def topic_label(topic: Topic) -> str:
    """The topic in the interface language."""
    return topic.label_fr if current_language() == "fr" else topic.label_en


def _to_date(value: QDate) -> dt.date:
    result = value.toPython()
    assert isinstance(result, dt.date)
    return result


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _index_of(combo: QComboBox, value: object) -> int:
    """The index of the item holding ``value`` (findData cannot compare UUIDs)."""
    found = (i for i in range(combo.count()) if combo.itemData(i) == value)
    return next(found, 0)


def _table(columns: int) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
    )
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_row(
    table: QTableWidget, row: int, key: uuid.UUID | None, texts: list[str]
) -> None:
    for column, text in enumerate(texts):
        item = QTableWidgetItem(text)
        if column == 0:
            item.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, column, item)


def _current_key(table: QTableWidget) -> uuid.UUID | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return value if isinstance(value, uuid.UUID) else None


def _select_key(table: QTableWidget, key: uuid.UUID | None) -> None:
    if key is None:
        return
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            table.selectRow(row)
            return


class LogEntryEditor(QWidget):
    """Session date, topic, subject and description of one (group) entry."""

    def __init__(self, topics: list[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._topics = topics
        self.session_date = QDateEdit()
        self.session_date.setCalendarPopup(True)
        self.session_date.setDisplayFormat("yyyy-MM-dd")
        self.session_date.setDate(QDate.currentDate())
        self.topic = QComboBox()
        self.subject = QLineEdit()
        self.subject.setMaxLength(guidance.MAX_SUBJECT_LENGTH)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(110)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in zip(
            self._labels,
            (self.session_date, self.topic, self.subject, self.description),
            strict=True,
        ):
            form.addRow(label, field)
        self.retranslate()

    # public API

    def draft(self) -> LogEntryDraft:
        topic = self.topic.currentData()
        return LogEntryDraft(
            session_date=_to_date(self.session_date.date()),
            topic_id=topic if isinstance(topic, uuid.UUID) else None,
            subject=self.subject.text(),
            description=self.description.toPlainText(),
        )

    def set_values(
        self,
        session_date: dt.date,
        topic_id: uuid.UUID | None,
        subject: str,
        description: str,
    ) -> None:
        self.session_date.setDate(_to_qdate(session_date))
        self.topic.setCurrentIndex(_index_of(self.topic, topic_id))
        self.subject.setText(subject)
        self.description.setPlainText(description)

    def clear(self) -> None:
        self.session_date.setDate(QDate.currentDate())
        self.topic.setCurrentIndex(0)
        self.subject.clear()
        self.description.clear()

    def has_text(self) -> bool:
        return bool(
            self.subject.text().strip() or self.description.toPlainText().strip()
        )

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Session date"),
                self.tr("Topic"),
                self.tr("Subject *"),
                self.tr("Description"),
            ),
            strict=True,
        ):
            label.setText(text)
        chosen = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("(no topic)"), None)
        for topic in self._topics:
            self.topic.addItem(topic_label(topic), topic.id)
        self.topic.setCurrentIndex(_index_of(self.topic, chosen))
        self.topic.blockSignals(False)

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CounsellingLogDialog(QDialog):
    """One student's counselling log: newest session first, own entries editable."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student: StudentRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.student = student
        self.changed = False
        self._topics = {t.id: t for t in guidance.list_topics(db, actor)}
        self._entries: list[LogEntryRow] = []
        self._editing: uuid.UUID | None = None

        self.entry_table = _table(5)
        self.details_label = QLabel()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.group_note = QLabel()
        self.group_note.setWordWrap(True)
        self.group_note.hide()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.editor_label = QLabel()
        self.editor = LogEntryEditor(list(self._topics.values()))
        self.error_label = error_label()
        self.cancel_edit_button = QPushButton()
        self.cancel_edit_button.hide()
        self.save_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        can_write = allowed(actor, Action.ADD_COUNSELLING_ENTRY)
        self.editor.setEnabled(can_write)
        self.save_button.setEnabled(can_write)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.edit_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_edit_button)
        editor_buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_table, 1)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details)
        layout.addWidget(self.group_note)
        layout.addLayout(row_buttons)
        layout.addWidget(self.editor_label)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        layout.addLayout(editor_buttons)
        layout.addWidget(self.buttons)
        self.resize(820, 720)

        self.entry_table.itemSelectionChanged.connect(
            self._on_entry_table_selection_changed
        )
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.cancel_edit_button.clicked.connect(self._on_cancel_edit_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self) -> None:
        chosen = _current_key(self.entry_table)
        self._entries = guidance.list_log(self.db, self.actor, self.student.id)
        language = current_language()
        self.entry_table.blockSignals(True)
        self.entry_table.setRowCount(0)
        self.entry_table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            topic = self._topics.get(entry.topic_id) if entry.topic_id else None
            _fill_row(
                self.entry_table,
                row,
                entry.id,
                [
                    format_date(entry.session_date, language, "medium"),
                    topic_label(topic) if topic is not None else "",
                    entry.subject,
                    entry.author,
                    self.tr("(group)") if entry.group_entry_id is not None else "",
                ],
            )
        _select_key(self.entry_table, chosen)
        self.entry_table.blockSignals(False)
        self._show_current()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Counselling log — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.entry_table.setHorizontalHeaderLabels(
            [
                self.tr("Session date"),
                self.tr("Topic"),
                self.tr("Subject"),
                self.tr("Author"),
                self.tr("Group"),
            ]
        )
        self.details_label.setText(self.tr("Description"))
        self.group_note.setText(
            self.tr(
                "This entry is a copy of a group entry: to change it, edit the "
                "group entry (Group entries)."
            )
        )
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.cancel_edit_button.setText(self.tr("Cancel editing"))
        self._retranslate_editor()

    # slots

    @Slot()
    def _on_entry_table_selection_changed(self) -> None:
        self._show_current()

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        draft = self.editor.draft()
        try:
            if self._editing is None:
                guidance.add_log_entry(self.db, self.actor, self.student.id, draft)
            else:
                guidance.edit_log_entry(self.db, self.actor, self._editing, draft)
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            # What was typed stays in the editor, to be copied elsewhere.
            show_error(self, self.windowTitle(), error)
            self.reload()
            return
        self.changed = True
        self._stop_editing()
        self.reload()

    @Slot()
    def _on_edit_clicked(self) -> None:
        entry = self._current()
        if entry is None:
            return
        self._editing = entry.id
        self.editor.set_values(
            entry.session_date, entry.topic_id, entry.subject, entry.description
        )
        self.error_label.hide()
        self.cancel_edit_button.show()
        self._retranslate_editor()
        self.editor.subject.setFocus()

    @Slot()
    def _on_delete_clicked(self) -> None:
        entry = self._current()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete this entry?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            guidance.delete_log_entry(self.db, self.actor, entry.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
        else:
            self.changed = True
            if self._editing == entry.id:
                self._stop_editing()
        self.reload()

    @Slot()
    def _on_cancel_edit_clicked(self) -> None:
        self._stop_editing()

    # Qt overrides

    def reject(self) -> None:
        """Closing with unsaved text asks first (Close, Esc, window button)."""
        if may_discard(
            self,
            bool(self.editor.has_text()),
            self.tr("The entry you are writing is not saved. Close and lose it?"),
        ):
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    # private helpers

    def _current(self) -> LogEntryRow | None:
        key = _current_key(self.entry_table)
        return next((e for e in self._entries if e.id == key), None)

    def _show_current(self) -> None:
        entry = self._current()
        self.details.setPlainText(entry.description if entry is not None else "")
        mine = entry is not None and entry.editable_by(self.actor)
        in_group = entry is not None and entry.group_entry_id is not None
        self.edit_button.setEnabled(mine and not in_group)
        self.delete_button.setEnabled(mine)
        self.group_note.setVisible(in_group)

    def _stop_editing(self) -> None:
        self._editing = None
        self.editor.clear()
        self.cancel_edit_button.hide()
        self._retranslate_editor()

    def _retranslate_editor(self) -> None:
        if self._editing is None:
            self.editor_label.setText(self.tr("New entry"))
            self.save_button.setText(self.tr("Add entry"))
        else:
            self.editor_label.setText(self.tr("Editing your entry"))
            self.save_button.setText(self.tr("Save changes"))


class ManageLogsDialog(QDialog):
    """Students in scope with their number of entries; opens a student's log."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.time_zone = students.school_time_zone(db, actor)
        self._rows: list[LogSummaryRow] = []

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.grade_box = QComboBox()
        self.counsellor_box = QComboBox()
        self._counsellors = students.list_counsellors(db, actor)
        self.student_table = _table(7)
        self.count_label = QLabel()
        self.open_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        self._labels = {name: QLabel() for name in ("search", "grade", "counsellor")}
        filters = QHBoxLayout()
        filters.addWidget(self._labels["search"])
        filters.addWidget(self.search, 2)
        filters.addWidget(self._labels["grade"])
        filters.addWidget(self.grade_box)
        filters.addWidget(self._labels["counsellor"])
        filters.addWidget(self.counsellor_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.student_table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)
        self.resize(980, 620)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.grade_box.currentIndexChanged.connect(self._on_grade_box_changed)
        self.counsellor_box.currentIndexChanged.connect(self._on_counsellor_box_changed)
        self.student_table.itemActivated.connect(self._on_student_table_activated)
        self.student_table.itemSelectionChanged.connect(
            self._on_student_table_selection_changed
        )
        self.open_button.clicked.connect(self._on_open_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self) -> None:
        chosen = _current_key(self.student_table)
        grade = self.grade_box.currentData()
        counsellor = self.counsellor_box.currentData()
        self._rows = guidance.manage_logs(
            self.db,
            self.actor,
            text=self.search.text(),
            grade=grade if isinstance(grade, int) else None,
            counsellor_id=counsellor if isinstance(counsellor, uuid.UUID) else None,
        )
        language = current_language()
        self.student_table.blockSignals(True)
        self.student_table.setRowCount(0)
        self.student_table.setRowCount(len(self._rows))
        for row, summary in enumerate(self._rows):
            _fill_row(
                self.student_table,
                row,
                summary.student_id,
                [
                    summary.last_name,
                    summary.first_name,
                    format_number(summary.grade, language),
                    summary.username,
                    summary.counsellors,
                    format_number(summary.entries, language),
                    format_datetime(
                        summary.last_update, language, self.time_zone, "short"
                    ),
                ],
            )
            if (count := self.student_table.item(row, 5)) is not None:
                count.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
        _select_key(self.student_table, chosen)
        self.student_table.blockSignals(False)
        self._update_count()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manage counselling logs"))
        self._labels["search"].setText(self.tr("Name or username"))
        self._labels["grade"].setText(self.tr("Grade"))
        self._labels["counsellor"].setText(self.tr("Counsellor"))
        self.open_button.setText(self.tr("Open the log"))
        self.student_table.setHorizontalHeaderLabels(
            [
                self.tr("Last name"),
                self.tr("First name"),
                self.tr("Grade"),
                self.tr("Username"),
                self.tr("Counsellors"),
                self.tr("Entries"),
                self.tr("Last update"),
            ]
        )
        language = current_language()
        grade = self.grade_box.currentData()
        self.grade_box.blockSignals(True)
        self.grade_box.clear()
        self.grade_box.addItem(self.tr("All grades"), None)
        for value in GRADES:
            self.grade_box.addItem(format_number(value, language), value)
        self.grade_box.setCurrentIndex(_index_of(self.grade_box, grade))
        self.grade_box.blockSignals(False)
        counsellor = self.counsellor_box.currentData()
        self.counsellor_box.blockSignals(True)
        self.counsellor_box.clear()
        self.counsellor_box.addItem(self.tr("All counsellors"), None)
        for choice in self._counsellors:
            self.counsellor_box.addItem(choice.name, choice.id)
        self.counsellor_box.setCurrentIndex(_index_of(self.counsellor_box, counsellor))
        self.counsellor_box.blockSignals(False)
        self._update_count()

    def log_dialog(self, student_id: uuid.UUID) -> CounsellingLogDialog | None:
        """The log dialog of a listed student; None (and says so) if gone."""
        row = next(
            (
                s
                for s in students.list_students(self.db, self.actor)
                if s.id == student_id
            ),
            None,
        )
        if row is None:
            show_error(
                self,
                self.windowTitle(),
                self.tr("This student is no longer in your list."),
            )
            self.reload()
            return None
        return CounsellingLogDialog(self.db, self.actor, row, self)

    # slots

    @Slot()
    def _on_search_text_changed(self) -> None:
        self.reload()

    @Slot()
    def _on_grade_box_changed(self) -> None:
        self.reload()

    @Slot()
    def _on_counsellor_box_changed(self) -> None:
        self.reload()

    @Slot()
    def _on_student_table_activated(self) -> None:
        self._open_current()

    @Slot()
    def _on_student_table_selection_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def _on_open_clicked(self) -> None:
        self._open_current()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    # private helpers

    def _open_current(self) -> None:
        key = _current_key(self.student_table)
        if key is None:
            return
        dialog = self.log_dialog(key)
        if dialog is None:
            return
        dialog.exec()
        self.reload()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(_current_key(self.student_table) is not None)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Students shown: {0}").format(
                format_number(self.student_table.rowCount(), current_language())
            )
        )


class GroupEntriesDialog(QDialog):
    """The actor's group entries: write one for the selected students, edit one."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        selected_student_ids: list[uuid.UUID],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.selected_student_ids = list(dict.fromkeys(selected_student_ids))
        self._topics = {t.id: t for t in guidance.list_topics(db, actor)}
        self._groups: list[GroupEntryRow] = []
        self._editing: uuid.UUID | None = None
        self._members_result: tuple[int, int] | None = None

        self.group_table = _table(4)
        self.details_label = QLabel()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(90)
        self.edit_button = QPushButton()
        self.members_button = QPushButton()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.editor_label = QLabel()
        self.editor_label.setWordWrap(True)
        self.editor = LogEntryEditor(list(self._topics.values()))
        self.error_label = error_label()
        self.cancel_edit_button = QPushButton()
        self.cancel_edit_button.hide()
        self.save_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.edit_button)
        row_buttons.addWidget(self.members_button)
        row_buttons.addStretch(1)
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_edit_button)
        editor_buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group_table, 1)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details)
        layout.addLayout(row_buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.editor_label)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        layout.addLayout(editor_buttons)
        layout.addWidget(self.buttons)
        self.resize(820, 700)

        self.group_table.itemSelectionChanged.connect(
            self._on_group_table_selection_changed
        )
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.members_button.clicked.connect(self._on_members_clicked)
        self.cancel_edit_button.clicked.connect(self._on_cancel_edit_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self) -> None:
        chosen = _current_key(self.group_table)
        self._groups = guidance.list_group_entries(self.db, self.actor)
        language = current_language()
        self.group_table.blockSignals(True)
        self.group_table.setRowCount(0)
        self.group_table.setRowCount(len(self._groups))
        for row, group in enumerate(self._groups):
            topic = self._topics.get(group.topic_id) if group.topic_id else None
            _fill_row(
                self.group_table,
                row,
                group.id,
                [
                    format_date(group.session_date, language, "medium"),
                    topic_label(topic) if topic is not None else "",
                    group.subject,
                    format_number(len(group.student_ids), language),
                ],
            )
        _select_key(self.group_table, chosen)
        self.group_table.blockSignals(False)
        self._show_current()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Group entries"))
        self.group_table.setHorizontalHeaderLabels(
            [
                self.tr("Session date"),
                self.tr("Topic"),
                self.tr("Subject"),
                self.tr("Students"),
            ]
        )
        self.details_label.setText(self.tr("Description"))
        self.edit_button.setText(self.tr("Edit"))
        self.members_button.setText(self.tr("Set members to the selected students"))
        self.cancel_edit_button.setText(self.tr("Cancel editing"))
        if self._members_result is not None:
            added, removed = self._members_result
            language = current_language()
            self.status_label.setText(
                self.tr("{0} added, {1} removed").format(
                    format_number(added, language), format_number(removed, language)
                )
            )
        self._retranslate_editor()

    # slots

    @Slot()
    def _on_group_table_selection_changed(self) -> None:
        self._show_current()

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        draft = self.editor.draft()
        try:
            if self._editing is None:
                guidance.add_group_entry(
                    self.db, self.actor, self.selected_student_ids, draft
                )
            else:
                guidance.edit_group_entry(self.db, self.actor, self._editing, draft)
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            # What was typed stays in the editor, to be copied elsewhere.
            show_error(self, self.windowTitle(), error)
            self.reload()
            return
        self._stop_editing()
        self.reload()

    @Slot()
    def _on_edit_clicked(self) -> None:
        group = self._current()
        if group is None:
            return
        self._editing = group.id
        self.editor.set_values(
            group.session_date, group.topic_id, group.subject, group.description
        )
        self.error_label.hide()
        self.cancel_edit_button.show()
        self._retranslate_editor()
        self.editor.subject.setFocus()

    @Slot()
    def _on_members_clicked(self) -> None:
        group = self._current()
        if group is None or not self.selected_student_ids:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Make the {0} selected students the students of this group entry? "
                "Students not selected lose their copy."
            ).format(format_number(len(self.selected_student_ids), current_language())),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._members_result = guidance.set_group_members(
                self.db, self.actor, group.id, self.selected_student_ids
            )
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
            self.reload()
            return
        self.retranslate()
        self.status_label.show()
        self.reload()

    @Slot()
    def _on_cancel_edit_clicked(self) -> None:
        self._stop_editing()

    # Qt overrides

    def reject(self) -> None:
        """Closing with unsaved text asks first (Close, Esc, window button)."""
        if may_discard(
            self,
            bool(self.editor.has_text()),
            self.tr("The entry you are writing is not saved. Close and lose it?"),
        ):
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    # private helpers

    def _current(self) -> GroupEntryRow | None:
        key = _current_key(self.group_table)
        return next((g for g in self._groups if g.id == key), None)

    def _show_current(self) -> None:
        group = self._current()
        self.details.setPlainText(group.description if group is not None else "")
        self.edit_button.setEnabled(group is not None)
        self.members_button.setEnabled(
            group is not None and bool(self.selected_student_ids)
        )

    def _stop_editing(self) -> None:
        self._editing = None
        self.editor.clear()
        self.cancel_edit_button.hide()
        self._retranslate_editor()

    def _retranslate_editor(self) -> None:
        count = len(self.selected_student_ids)
        if self._editing is not None:
            self.editor_label.setText(
                self.tr(
                    "Editing the group entry: the change reaches every student "
                    "of the group."
                )
            )
            self.save_button.setText(self.tr("Save changes"))
            self.save_button.setEnabled(True)
            return
        self.editor_label.setText(self.tr("New group entry"))
        if count == 1:
            self.save_button.setText(
                self.tr("New group entry for the selected student")
            )
        else:
            self.save_button.setText(
                self.tr("New group entry for the {0} selected students").format(
                    format_number(count, current_language())
                )
            )
        self.save_button.setEnabled(count > 0)


class AnnualReviewDialog(QDialog):
    """A student's annual plan reviews; marks this school year's one complete."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student: StudentRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.student = student
        self.changed = False
        self.required = guidance.review_required(db, actor, student.id)
        self._reviews: list[ReviewRow] = []

        self.review_table = _table(4)
        self.form_label = QLabel()
        self.not_required_label = QLabel()
        self.not_required_label.setWordWrap(True)
        self.not_required_label.setVisible(not self.required)
        self.completed_on = QDateEdit()
        self.completed_on.setCalendarPopup(True)
        self.completed_on.setDisplayFormat("yyyy-MM-dd")
        self.completed_on.setDate(QDate.currentDate())
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(110)
        self.mark_button = QPushButton()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        self.form = QWidget()
        self._labels = [QLabel(), QLabel()]
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._labels[0], self.completed_on)
        form.addRow(self._labels[1], self.comment)
        mark_row = QHBoxLayout()
        mark_row.addStretch(1)
        mark_row.addWidget(self.mark_button)
        form.addRow(mark_row)
        self.form.setEnabled(
            self.required and allowed(actor, Action.MARK_ANNUAL_REVIEW)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.review_table, 1)
        layout.addWidget(self.form_label)
        layout.addWidget(self.not_required_label)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

        self.mark_button.clicked.connect(self._on_mark_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self) -> None:
        self._reviews = guidance.annual_reviews(self.db, self.actor, self.student.id)
        language = current_language()
        self.review_table.setRowCount(0)
        self.review_table.setRowCount(len(self._reviews))
        for row, review in enumerate(self._reviews):
            _fill_row(
                self.review_table,
                row,
                None,
                [
                    f"{review.school_year}–{review.school_year + 1}",
                    format_date(review.completed_on, language, "medium"),
                    review.reviewer,
                    review.comment,
                ],
            )

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Annual review — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.review_table.setHorizontalHeaderLabels(
            [
                self.tr("School year"),
                self.tr("Date"),
                self.tr("Reviewer"),
                self.tr("Comment"),
            ]
        )
        self.form_label.setText(self.tr("This school year's review"))
        self.not_required_label.setText(
            self.tr(
                "The student's grade ({0}) does not require an annual review."
            ).format(format_number(self.student.grade, current_language()))
        )
        self._labels[0].setText(self.tr("Completed on"))
        self._labels[1].setText(self.tr("Comment"))
        self.mark_button.setText(self.tr("Mark this year's review complete"))

    # slots

    @Slot()
    def _on_mark_clicked(self) -> None:
        self.error_label.hide()
        try:
            guidance.mark_annual_review(
                self.db,
                self.actor,
                self.student.id,
                _to_date(self.completed_on.date()),
                self.comment.toPlainText(),
            )
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            # What was typed stays in the form, to be copied elsewhere.
            show_error(self, self.windowTitle(), error)
            return
        self.changed = True
        self.comment.clear()
        self.reload()

    # Qt overrides

    def reject(self) -> None:
        """Closing with an unsaved comment asks first."""
        if may_discard(
            self,
            bool(self.comment.toPlainText().strip()),
            self.tr("The comment you are writing is not saved. Close and lose it?"),
        ):
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)
