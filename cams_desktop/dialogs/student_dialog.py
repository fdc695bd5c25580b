"""Add a student (F-15) and Edit profile (F-18), with the profile's history."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.school import Language
from cams_desktop.db.students import Gender
from cams_desktop.formatting import format_datetime
from cams_desktop.i18n import current_language
from cams_desktop.labels import field_label, gender_label, language_label, value_label
from cams_desktop.services import plan_options, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.students import ParentContact, StudentDraft, ValidationError
from cams_desktop.views.widgets import error_label


class OptionalDateEdit(QWidget):
    """A date that may be left empty (a check box in front of a date edit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.known.toggled.connect(self.edit.setEnabled)

    def value(self) -> dt.date | None:
        if not self.known.isChecked():
            return None
        value = self.edit.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def set_value(self, value: dt.date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class StudentDialog(QDialog):
    """One dialog for both adding a student and editing a profile."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student_id: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.student_id = student_id
        self.saved_id: uuid.UUID | None = None
        self._suggestion: str | None = None
        self._profile = (
            students.get_profile(db, actor, student_id)
            if student_id is not None
            else None
        )
        self._counsellors = students.list_counsellors(db, actor)

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.grade = QSpinBox()
        self.grade.setRange(1, 12)
        self.gender = QComboBox()
        self.username = QLineEdit()
        self.suggestion_button = QPushButton()
        self.suggestion_button.hide()
        self.student_number = QLineEdit()
        self.birth_date = OptionalDateEdit()
        self.expected_graduation = OptionalDateEdit()
        self.email = QLineEdit()
        self.language = QComboBox()
        self.counsellor_list = QListWidget()
        self.counsellor_list.setMaximumHeight(120)
        self.error_labels: dict[str, QLabel] = {}
        self.parent_table = QTableWidget(0, 5)
        self.parent_table.verticalHeader().setVisible(False)
        self.parent_table.horizontalHeader().setStretchLastSection(True)
        self.add_parent_button = QPushButton()
        self.remove_parent_button = QPushButton()
        self.parent_error = error_label()
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.header().setStretchLastSection(False)
        self.history.header().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # Where students create their own plans (F-10), adding one makes no plan.
        self.plan_note = QLabel()
        self.plan_note.setWordWrap(True)
        student_directed = (
            student_id is None
            and plan_options.get_plan_creation_mode(db, actor)
            is plan_options.PlanCreationMode.STUDENT
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        username_row = QHBoxLayout()
        username_row.addWidget(self.username, 1)
        username_row.addWidget(self.suggestion_button)
        for name, field in (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("grade", self.grade),
            ("gender", self.gender),
            ("username", username_row),
            ("student_number", self.student_number),
            ("birth_date", self.birth_date),
            ("expected_graduation", self.expected_graduation),
            ("email", self.email),
            ("preferred_language", self.language),
            ("counsellor_ids", self.counsellor_list),
        ):
            label = QLabel()
            self._labels[name] = label
            self.form.addRow(label, field)
            error = error_label(f"error_{name}")
            self.error_labels[name] = error
            self.form.addRow("", error)
        profile_page = QWidget()
        profile_page.setLayout(self.form)
        parents_page = QWidget()
        parent_buttons = QHBoxLayout()
        parent_buttons.addWidget(self.add_parent_button)
        parent_buttons.addWidget(self.remove_parent_button)
        parent_buttons.addStretch(1)
        parents_layout = QVBoxLayout(parents_page)
        parents_layout.addWidget(self.parent_table)
        parents_layout.addWidget(self.parent_error)
        parents_layout.addLayout(parent_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(profile_page, "")
        self.tabs.addTab(parents_page, "")
        if student_id is not None:
            self.tabs.addTab(self.history, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.plan_note)
        layout.addWidget(self.buttons)
        self.plan_note.setVisible(student_directed)
        self.resize(560, self.sizeHint().height())

        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.suggestion_button.clicked.connect(self._on_suggestion_clicked)
        self.add_parent_button.clicked.connect(self._on_add_parent_clicked)
        self.remove_parent_button.clicked.connect(self._on_remove_parent_clicked)

        self.retranslate()
        self._load()

    # public API

    def draft(self) -> StudentDraft:
        checked = frozenset(
            self.counsellor_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.counsellor_list.count())
            if self.counsellor_list.item(i).checkState() == Qt.CheckState.Checked
        )
        return StudentDraft(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            grade=self.grade.value(),
            gender=Gender(self.gender.currentData()),
            username=self.username.text(),
            student_number=self.student_number.text(),
            birth_date=self.birth_date.value(),
            expected_graduation=self.expected_graduation.value(),
            email=self.email.text(),
            preferred_language=Language(self.language.currentData()),
            counsellor_ids=checked,
            parents=self._parent_contacts(),
        )

    def retranslate(self) -> None:
        if self.student_id is None:
            self.setWindowTitle(self.tr("Add a student"))
        else:
            self.setWindowTitle(self.tr("Edit profile"))
        self.tabs.setTabText(0, self.tr("Profile"))
        self.tabs.setTabText(1, self.tr("Parents"))
        if self.tabs.count() > 2:
            self.tabs.setTabText(2, self.tr("Change history"))
        self.parent_table.setHorizontalHeaderLabels(
            [
                self.tr("First name"),
                self.tr("Last name"),
                self.tr("Email"),
                self.tr("Phone"),
                self.tr("Language"),
            ]
        )
        self.add_parent_button.setText(self.tr("Add a parent"))
        self.remove_parent_button.setText(self.tr("Remove from this student"))
        for row in range(self.parent_table.rowCount()):
            box = self.parent_table.cellWidget(row, 4)
            if isinstance(box, QComboBox):
                self._fill_language_box(box, box.currentData())
        self.history.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Field"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        for name, text in (
            ("first_name", self.tr("First name *")),
            ("last_name", self.tr("Last name *")),
            ("grade", self.tr("Grade *")),
            ("gender", self.tr("Gender")),
            ("username", self.tr("Username *")),
            ("student_number", self.tr("Student number")),
            ("birth_date", self.tr("Birth date")),
            ("expected_graduation", self.tr("Expected graduation")),
            ("email", self.tr("Email")),
            ("preferred_language", self.tr("Preferred language")),
            ("counsellor_ids", self.tr("Assigned counsellors")),
        ):
            self._labels[name].setText(text)
        self.birth_date.known.setText(self.tr("Known"))
        self.expected_graduation.known.setText(self.tr("Known"))
        self.plan_note.setText(
            self.tr(
                "The student will create their plan on the planning site; "
                "this school lets students direct their plans."
            )
        )
        if self._suggestion:
            self.suggestion_button.setText(self.tr("Use {0}").format(self._suggestion))
        self._fill_choices()

    # slots

    @Slot()
    def _on_save_clicked(self) -> None:
        for label in self.error_labels.values():
            label.hide()
        self.parent_error.hide()
        self._suggestion = None
        self.suggestion_button.hide()
        try:
            if self.student_id is None:
                self.saved_id = students.add_student(self.db, self.actor, self.draft())
            else:
                assert self._profile is not None
                students.update_profile(
                    self.db,
                    self.actor,
                    self.student_id,
                    self.draft(),
                    self._profile.draft,
                )
                self.saved_id = self.student_id
        except ValidationError as error:
            if self.student_id is not None:
                # Saving again keeps what is typed here, knowing what changed.
                self._profile = students.get_profile(
                    self.db, self.actor, self.student_id
                )
            self._show_errors(error)
            return
        except (NotFound, PermissionDenied) as error:
            self._show_errors(ValidationError({"first_name": str(error)}))
            return
        self.accept()

    @Slot()
    def _on_add_parent_clicked(self) -> None:
        self._append_parent(ParentContact("", ""))
        self.parent_table.setCurrentCell(self.parent_table.rowCount() - 1, 0)
        self.parent_table.editItem(self.parent_table.currentItem())

    @Slot()
    def _on_remove_parent_clicked(self) -> None:
        row = self.parent_table.currentRow()
        if row >= 0:
            self.parent_table.removeRow(row)

    @Slot()
    def _on_suggestion_clicked(self) -> None:
        if self._suggestion:
            self.username.setText(self._suggestion)
            self.suggestion_button.hide()
            self.error_labels["username"].hide()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._load_history()
        super().changeEvent(event)

    # private helpers

    def _fill_choices(self) -> None:
        gender = self.gender.currentData()
        self.gender.clear()
        for value in Gender:
            self.gender.addItem(gender_label(value), value)
        if gender is not None:
            self.gender.setCurrentIndex(self.gender.findData(gender))
        language = self.language.currentData()
        self._fill_language_box(self.language, language)

    def _fill_language_box(self, box: QComboBox, current: object) -> None:
        box.clear()
        for choice in Language:
            box.addItem(language_label(choice), choice.value)
        if current is not None:
            box.setCurrentIndex(box.findData(current))

    def _load(self) -> None:
        checked: frozenset[uuid.UUID] = frozenset()
        if self._profile is not None:
            draft = self._profile.draft
            self.first_name.setText(draft.first_name)
            self.last_name.setText(draft.last_name)
            self.grade.setValue(draft.grade)
            self.gender.setCurrentIndex(self.gender.findData(draft.gender))
            self.username.setText(draft.username)
            self.student_number.setText(draft.student_number)
            self.birth_date.set_value(draft.birth_date)
            self.expected_graduation.set_value(draft.expected_graduation)
            self.email.setText(draft.email)
            self.language.setCurrentIndex(
                self.language.findData(draft.preferred_language)
            )
            checked = draft.counsellor_ids
            for contact in draft.parents or ():
                self._append_parent(contact)
            self._load_history()
        else:
            self.grade.setValue(StudentDraft().grade)
            self.gender.setCurrentIndex(self.gender.findData(Gender.UNSPECIFIED))
            self.language.setCurrentIndex(self.language.findData(Language.FRENCH))
        # Assigned staff first, so a long staff list does not hide them.
        ordered = sorted(self._counsellors, key=lambda c: c.id not in checked)
        for choice in ordered:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if not self.actor.sees_all_students and choice.id != self.actor.staff_id:
                # Teachers and other staff manage only their own list.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(
                Qt.CheckState.Checked
                if choice.id in checked
                else Qt.CheckState.Unchecked
            )
            self.counsellor_list.addItem(item)

    def _append_parent(self, contact: ParentContact) -> None:
        row = self.parent_table.rowCount()
        self.parent_table.insertRow(row)
        for column, text in enumerate(
            (contact.first_name, contact.last_name, contact.email, contact.phone)
        ):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, contact)
            self.parent_table.setItem(row, column, item)
        box = QComboBox()
        self._fill_language_box(box, contact.preferred_language.value)
        self.parent_table.setCellWidget(row, 4, box)

    def _parent_contacts(self) -> tuple[ParentContact, ...]:
        contacts = []
        for row in range(self.parent_table.rowCount()):
            texts = [
                (self.parent_table.item(row, c) or QTableWidgetItem()).text()
                for c in range(4)
            ]
            first = self.parent_table.item(row, 0)
            original = first.data(Qt.ItemDataRole.UserRole) if first else None
            box = self.parent_table.cellWidget(row, 4)
            language = (
                Language(box.currentData())
                if isinstance(box, QComboBox)
                else Language.FRENCH
            )
            contacts.append(
                ParentContact(
                    texts[0],
                    texts[1],
                    texts[2],
                    texts[3],
                    language,
                    original.relationship if original else "parent",
                    original.id if original else None,
                )
            )
        return tuple(contacts)

    def _load_history(self) -> None:
        if self.student_id is None:
            return
        language = current_language()
        zone = students.school_time_zone(self.db, self.actor)
        self.history.clear()
        for entry in students.profile_history(self.db, self.actor, self.student_id):
            if entry.field is not None:
                field = field_label(entry.field)
            else:
                field = self.tr("Created") if entry.action == "create" else ""
            QTreeWidgetItem(
                self.history,
                [
                    format_datetime(entry.occurred_at, language, zone),
                    entry.author,
                    field,
                    value_label(entry.field or "", entry.old_value),
                    value_label(entry.field or "", entry.new_value),
                ],
            )

    def _show_errors(self, error: ValidationError) -> None:
        for name, message in error.errors.items():
            if name == "parents":
                self.parent_error.setText(message)
                self.parent_error.show()
                self.tabs.setCurrentIndex(1)
                continue
            label = self.error_labels.get(name, self.error_labels["first_name"])
            label.setText(message)
            label.show()
        if error.suggestion:
            self._suggestion = error.suggestion
            self.suggestion_button.setText(self.tr("Use {0}").format(error.suggestion))
            self.suggestion_button.show()
        first = next(iter(error.errors))
        widget = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "username": self.username,
            "email": self.email,
            "student_number": self.student_number,
        }.get(first)
        if widget is not None:
            widget.setFocus()
