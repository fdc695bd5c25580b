"""Notes on a student (F-32): read, add, and edit or delete one's own."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_datetime
from cams_desktop.i18n import current_language
from cams_desktop.services import notes, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.notes import NoteRow
from cams_desktop.services.students import StudentRow, ValidationError
from cams_desktop.views.background import show_error
from cams_desktop.views.widgets import error_label, may_discard


class NotesDialog(QDialog):
    """The notes of one student, newest first."""

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
        self.time_zone = students.school_time_zone(db, actor)
        self._notes: list[NoteRow] = []
        self._editing: uuid.UUID | None = None

        self.note_list = QListWidget()
        self.note_list.setWordWrap(True)
        self.note_list.setAlternatingRowColors(True)
        self.editor_label = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setMaximumHeight(120)
        self.private_box = QCheckBox()
        self.save_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.cancel_edit_button = QPushButton()
        self.cancel_edit_button.hide()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.edit_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        editor_buttons = QHBoxLayout()
        editor_buttons.addWidget(self.private_box)
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_edit_button)
        editor_buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_list, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.editor_label)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        layout.addLayout(editor_buttons)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

        self.save_button.clicked.connect(self._on_save_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.cancel_edit_button.clicked.connect(self._stop_editing)
        self.note_list.currentRowChanged.connect(self._update_buttons)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        self.reload()

    # public API

    def reload(self) -> None:
        self._notes = notes.list_notes(self.db, self.actor, self.student.id)
        self.note_list.clear()
        for note in self._notes:
            header = self.tr("{0} — {1}").format(
                format_datetime(
                    note.created_at, current_language(), self.time_zone, "short"
                ),
                note.author,
            )
            if note.is_private:
                header += " " + self.tr("(private)")
            if note.updated_at > note.created_at:
                header += " " + self.tr("(edited)")
            item = QListWidgetItem(f"{header}\n{note.body}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.note_list.addItem(item)
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Notes — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.private_box.setText(self.tr("Private (only I can see it)"))
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.cancel_edit_button.setText(self.tr("Cancel editing"))
        self._retranslate_editor()

    # slots

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        body = self.editor.toPlainText()
        try:
            if self._editing is None:
                notes.add_note(
                    self.db,
                    self.actor,
                    self.student.id,
                    body,
                    self.private_box.isChecked(),
                )
            else:
                notes.edit_note(
                    self.db,
                    self.actor,
                    self._editing,
                    body,
                    self.private_box.isChecked(),
                )
        except ValidationError as error:
            self.error_label.setText(str(error))
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
        note = self._current()
        if note is None:
            return
        self._editing = note.id
        self.editor.setPlainText(note.body)
        self.private_box.setChecked(note.is_private)
        self.cancel_edit_button.show()
        self._retranslate_editor()
        self.editor.setFocus()

    @Slot()
    def _on_delete_clicked(self) -> None:
        note = self._current()
        if note is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete this note?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            notes.delete_note(self.db, self.actor, note.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
        self.reload()

    @Slot()
    def _stop_editing(self) -> None:
        self._editing = None
        self.editor.clear()
        self.private_box.setChecked(False)
        self.cancel_edit_button.hide()
        self._retranslate_editor()

    @Slot()
    def _update_buttons(self) -> None:
        note = self._current()
        mine = note is not None and note.editable_by(self.actor)
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)

    # Qt overrides

    def reject(self) -> None:
        """Closing with an unsaved note asks first (Close, Esc, window button)."""
        if may_discard(
            self,
            bool(self.editor.toPlainText().strip()),
            self.tr("The note you are writing is not saved. Close and lose it?"),
        ):
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    # private helpers

    def _current(self) -> NoteRow | None:
        row = self.note_list.currentRow()
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def _retranslate_editor(self) -> None:
        if self._editing is None:
            self.editor_label.setText(self.tr("New note"))
            self.save_button.setText(self.tr("Add note"))
        else:
            self.editor_label.setText(self.tr("Editing your note"))
            self.save_button.setText(self.tr("Save changes"))
