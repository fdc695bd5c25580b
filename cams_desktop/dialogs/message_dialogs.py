"""Messages to students (F-30), email settings, a student's journal (F-38)
and the comments parents left about a student."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.students import GRADES, Gender
from cams_desktop.formatting import format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.labels import gender_label
from cams_desktop.services import guidance, mail, messages, students
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.guidance import JournalRow, ParentCommentRow
from cams_desktop.services.mail import SmtpSettings
from cams_desktop.services.messages import Audience, SentMessageRow
from cams_desktop.services.students import StudentRow, ValidationError
from cams_desktop.views.background import show_error
from cams_desktop.views.widgets import error_label, fill_table, read_only_table

DEFAULT_SMTP_PORT = 587


def _errors(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(error.errors.values())
    return str(error)


def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace the items of ``box``, keeping the chosen one (by its data)."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(chosen)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


class SendMessageDialog(QDialog):
    """Envoyer un message: to selected students, or to students chosen by filters."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student_ids: list[uuid.UUID],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.student_ids = tuple(student_ids)
        self.message_id: uuid.UUID | None = None
        self.recipient_count = 0
        self.email_count = 0
        self._with_email = {
            row.id
            for row in students.list_students(db, actor)
            if row.email and row.email.strip()
        }
        self._counsellors = students.list_counsellors(db, actor)
        self._groups = students.list_groups(db, actor)

        self.audience_box = QGroupBox()
        self.selected_label = QLabel()
        self.scope_box = QComboBox()
        self.grade_box = QComboBox()
        self.gender_box = QComboBox()
        self.counsellor_box = QComboBox()
        self.group_box = QComboBox()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.subject = QLineEdit()
        self.subject.setMaxLength(messages.MAX_SUBJECT_LENGTH)
        self.body = QPlainTextEdit()
        self.no_reply_label = QLabel()
        self.no_reply_label.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )

        self._filter_labels = [QLabel() for _ in range(5)]
        self._text_labels = [QLabel() for _ in range(2)]
        audience_form = QFormLayout(self.audience_box)
        audience_form.addRow(self.selected_label)
        for label, field in zip(
            self._filter_labels,
            (
                self.scope_box,
                self.grade_box,
                self.gender_box,
                self.counsellor_box,
                self.group_box,
            ),
            strict=True,
        ):
            audience_form.addRow(label, field)
        audience_form.addRow(self.count_label)
        text_form = QFormLayout()
        text_form.addRow(self._text_labels[0], self.subject)
        text_form.addRow(self._text_labels[1], self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.audience_box)
        layout.addLayout(text_form, 1)
        layout.addWidget(self.no_reply_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, 620)

        chosen = bool(self.student_ids)
        self.selected_label.setVisible(chosen)
        for label, field in zip(
            self._filter_labels,
            (
                self.scope_box,
                self.grade_box,
                self.gender_box,
                self.counsellor_box,
                self.group_box,
            ),
            strict=True,
        ):
            label.setVisible(not chosen)
            field.setVisible(not chosen)

        for box in (
            self.scope_box,
            self.grade_box,
            self.gender_box,
            self.counsellor_box,
            self.group_box,
        ):
            box.currentIndexChanged.connect(self._on_audience_changed)
        self.buttons.accepted.connect(self._on_send_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def audience(self) -> Audience:
        """The audience as chosen now."""
        if self.student_ids:
            return Audience(student_ids=self.student_ids)
        scope = self.scope_box.currentData()
        gender = self.gender_box.currentData()
        counsellor = self.counsellor_box.currentData()
        group = self.group_box.currentData()
        grade = self.grade_box.currentData()
        return Audience(
            mine=scope == "mine",
            everyone=scope == "all",
            grade=grade if isinstance(grade, int) else None,
            gender=None if gender is None else Gender(str(gender)),
            counsellor_id=counsellor if isinstance(counsellor, uuid.UUID) else None,
            group_id=group if isinstance(group, uuid.UUID) else None,
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send a message"))
        self.audience_box.setTitle(self.tr("Recipients"))
        count = len(set(self.student_ids))
        self.selected_label.setText(
            self.tr("{0} selected students", "", count).format(
                format_number(count, current_language())
            )
        )
        for label, text in zip(
            self._filter_labels,
            (
                self.tr("Students"),
                self.tr("Grade"),
                self.tr("Gender"),
                self.tr("Counsellor"),
                self.tr("Group"),
            ),
            strict=True,
        ):
            label.setText(text)
        self._text_labels[0].setText(self.tr("Subject"))
        self._text_labels[1].setText(self.tr("Message"))
        self.no_reply_label.setText(
            self.tr(
                "Students read the message in their plan and cannot reply to it. "
                "Those with an email address also receive a copy by email."
            )
        )
        self.send_button.setText(self.tr("Send"))
        self._fill_filters()
        self._update_count()

    # slots

    @Slot()
    def _on_audience_changed(self) -> None:
        self._update_count()

    @Slot()
    def _on_send_clicked(self) -> None:
        self.error_label.hide()
        try:
            self.message_id = messages.send_message(
                self.db,
                self.actor,
                self.audience(),
                self.subject.text(),
                self.body.toPlainText(),
            )
        except (ValidationError, NotFound, PermissionDenied) as error:
            self.error_label.setText(_errors(error))
            self.error_label.show()
            return
        self._update_count()
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "The message was sent to {0} students.", "", self.recipient_count
            ).format(format_number(self.recipient_count, current_language())),
        )
        self.accept()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _fill_filters(self) -> None:
        scopes: list[tuple[str, object]] = [(self.tr("My students"), "mine")]
        if allowed(self.actor, Action.MESSAGE_ALL_STUDENTS):
            scopes.append((self.tr("All students"), "all"))
        _refill(self.scope_box, scopes)
        _refill(
            self.grade_box,
            [(self.tr("All grades"), None)]
            + [(format_number(grade, current_language()), grade) for grade in GRADES],
        )
        _refill(
            self.gender_box,
            [(self.tr("Any gender"), None)]
            + [(gender_label(gender), gender.value) for gender in Gender],
        )
        _refill(
            self.counsellor_box,
            [(self.tr("Any counsellor"), None)]
            + [(choice.name, choice.id) for choice in self._counsellors],
        )
        _refill(
            self.group_box,
            [(self.tr("Any group"), None)]
            + [(group.name, group.id) for group in self._groups],
        )

    def _update_count(self) -> None:
        try:
            chosen = messages.recipients(self.db, self.actor, self.audience())
        except (ValidationError, NotFound, PermissionDenied) as error:
            self.recipient_count = self.email_count = 0
            self.count_label.setText(_errors(error))
            self.send_button.setEnabled(False)
            return
        self.recipient_count = len(chosen)
        self.email_count = sum(1 for sid in chosen if sid in self._with_email)
        language = current_language()
        self.count_label.setText(
            self.tr(
                "{0} students will receive it; {1} of them also by email.",
                "",
                self.recipient_count,
            ).format(
                format_number(self.recipient_count, language),
                format_number(self.email_count, language),
            )
        )
        self.send_button.setEnabled(self.recipient_count > 0)


class ManageMessagesDialog(QDialog):
    """Gérer les messages: the messages sent, how many read them, email status."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.time_zone = students.school_time_zone(db, actor)
        self._rows: list[SentMessageRow] = []

        self.table = read_only_table(8, single_selection=True)
        self.delete_button = QPushButton()
        self.resend_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.delete_button)
        row_buttons.addWidget(self.resend_button)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.buttons)
        self.resize(960, 520)

        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.resend_button.clicked.connect(self._on_resend_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def reload(self) -> None:
        chosen = self._current()
        self._rows = messages.sent_messages(self.db, self.actor)
        language = current_language()
        fill_table(
            self.table,
            [
                [
                    format_datetime(row.sent_at, language, self.time_zone, "short"),
                    row.subject,
                    row.author,
                    format_number(row.recipients, language),
                    format_number(row.read, language),
                    format_number(row.emails_sent, language),
                    format_number(row.emails_pending, language),
                    format_number(row.emails_failed, language),
                ]
                for row in self._rows
            ],
        )
        for index, row in enumerate(self._rows):
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(index)
        self._on_table_selection_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manage messages"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Sent"),
                self.tr("Subject"),
                self.tr("Author"),
                self.tr("Recipients"),
                self.tr("Read"),
                self.tr("Emails sent"),
                self.tr("Emails pending"),
                self.tr("Emails failed"),
            ]
        )
        self.delete_button.setText(self.tr("Delete"))
        self.resend_button.setText(self.tr("Resend failed emails"))
        self.reload()

    # slots

    @Slot()
    def _on_table_selection_changed(self) -> None:
        row = self._current()
        self.delete_button.setEnabled(row is not None)
        self.resend_button.setEnabled(row is not None and row.emails_failed > 0)

    @Slot()
    def _on_delete_clicked(self) -> None:
        row = self._current()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr(
                "Delete the message “{0}”? Students will no longer see it and "
                "unsent email copies are cancelled."
            ).format(row.subject),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            messages.delete_message(self.db, self.actor, row.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
        self.reload()

    @Slot()
    def _on_resend_clicked(self) -> None:
        row = self._current()
        if row is None or row.emails_failed == 0:
            return
        try:
            count = mail.requeue_failed(self.db, self.actor, row.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.windowTitle(), error)
            self.reload()
            return
        self.reload()
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("{0} email copies will be sent again.", "", count).format(
                format_number(count, current_language())
            ),
        )

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _current(self) -> SentMessageRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self._rows[index] if 0 <= index < len(self._rows) else None


class MailSettingsDialog(QDialog):
    """Paramètres du courriel: the SMTP server; its password in the keychain."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_SMTP_PORT)
        self.security = QComboBox()
        self.username = QLineEdit()
        self.sender_address = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remove_password = QCheckBox()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        self._labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        fields: tuple[QWidget, ...] = (
            self.host,
            self.port,
            self.security,
            self.username,
            self.sender_address,
            self.password,
        )
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
        form.addRow("", self.remove_password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

        self.remove_password.toggled.connect(self._on_remove_password_toggled)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        stored = mail.smtp_settings(db, actor)
        if stored is not None:
            self.host.setText(stored.host)
            self.port.setValue(stored.port)
            self.security.setCurrentIndex(
                max(self.security.findData(stored.security), 0)
            )
            self.username.setText(stored.username)
            self.sender_address.setText(stored.sender)

    # public API

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Email settings"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Mail server"),
                self.tr("Port"),
                self.tr("Security"),
                self.tr("Account"),
                self.tr("Sender address"),
                self.tr("Password"),
            ),
            strict=True,
        ):
            label.setText(text)
        _refill(
            self.security,
            [
                (self.tr("STARTTLS"), "starttls"),
                (self.tr("SSL/TLS"), "ssl"),
                (self.tr("None (not encrypted)"), "none"),
            ],
        )
        self.password.setPlaceholderText(
            self.tr("Leave empty to keep the stored password")
        )
        self.remove_password.setText(self.tr("Remove the stored password"))

    # slots

    @Slot(bool)
    def _on_remove_password_toggled(self, checked: bool) -> None:
        self.password.setEnabled(not checked)

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        password: str | None
        if self.remove_password.isChecked():
            password = ""
        else:
            password = self.password.text() or None
        settings = SmtpSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            username=self.username.text(),
            sender=self.sender_address.text(),
        )
        try:
            mail.save_smtp_settings(self.db, self.actor, settings, password)
        except (ValidationError, PermissionDenied) as error:
            self.error_label.setText(_errors(error))
            self.error_label.show()
            return
        self.accept()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class JournalDialog(QDialog):
    """Mon Journal of one student, newest first; read-only."""

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
        self._entries: list[JournalRow] = guidance.journal(db, actor, student.id)

        self.table = read_only_table(2, single_selection=True)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.empty_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()
        if self._entries:
            self.table.selectRow(0)

    # public API

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("My Journal — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Written"), self.tr("Title")])
        self.empty_label.setText(self.tr("The student has written nothing yet."))
        self.empty_label.setVisible(not self._entries)
        self._fill()

    # slots

    @Slot()
    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else -1
        self.body.setPlainText(
            self._entries[index].body if 0 <= index < len(self._entries) else ""
        )

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _fill(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = rows[0].row() if rows else -1
        language = current_language()
        fill_table(
            self.table,
            [
                [
                    format_datetime(
                        entry.written_at, language, self.time_zone, "short"
                    ),
                    entry.title,
                ]
                for entry in self._entries
            ],
        )
        if 0 <= chosen < len(self._entries):
            self.table.selectRow(chosen)


class ParentCommentsDialog(QDialog):
    """Commentaires du parent about one student, newest first."""

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
        self._comments: list[ParentCommentRow] = guidance.parent_comments(
            db, actor, student.id
        )

        self.table = read_only_table(3, single_selection=True)
        self.table.setWordWrap(True)
        self.empty_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Parent comments — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Written"), self.tr("Parent"), self.tr("Comment")]
        )
        self.empty_label.setText(self.tr("No parent has left a comment."))
        self.empty_label.setVisible(not self._comments)
        language = current_language()
        fill_table(
            self.table,
            [
                [
                    format_datetime(
                        comment.written_at, language, self.time_zone, "short"
                    ),
                    comment.parent_name,
                    comment.body,
                ]
                for comment in self._comments
            ],
        )
        self.table.resizeRowsToContents()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
