"""Staff administration (F-40, F-41): staff list, staff profile, change log."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.db.school import AccessLevel, Language
from cams_desktop.labels import (
    access_level_label,
    field_label,
    language_label,
    value_label,
)
from cams_desktop.models.staff_table import ChangeLogModel, StaffTableModel
from cams_desktop.services import auth, server_logins, staff
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
)
from cams_desktop.services.staff import StaffDraft, StaffRow
from cams_desktop.services.students import ValidationError, school_time_zone
from cams_desktop.views.background import show_error
from cams_desktop.views.sync_runner import Job
from cams_desktop.views.widgets import error_label

log = logging.getLogger(__name__)

# What a server login job may fail with and say to the user.
_LOGIN_ERRORS = (
    server_logins.ServerLoginError,
    NotFound,
    PermissionDenied,
    ValidationError,
)


class StaffProfileDialog(QDialog):
    """Add staff, edit a staff member, or edit one's own profile."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        staff_id: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.staff_id = staff_id
        self.own = staff_id == actor.staff_id
        self.saved_id: uuid.UUID | None = None
        loaded = staff.get_staff(db, actor, staff_id) if staff_id is not None else None

        self.username = QLineEdit()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.level = QComboBox()
        self.language = QComboBox()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self._labels,
            (
                self.username,
                self.first_name,
                self.last_name,
                self.email,
                self.level,
                self.language,
            ),
            strict=True,
        ):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self._levels = (
            [loaded.access_level]
            if self.own and loaded
            else staff.manageable_levels(actor)
        )
        if loaded is not None and loaded.access_level not in self._levels:
            self._levels.insert(0, loaded.access_level)
        self.retranslate()
        if loaded is not None:
            self.username.setText(loaded.username)
            self.first_name.setText(loaded.first_name)
            self.last_name.setText(loaded.last_name)
            self.email.setText(loaded.email)
            self.level.setCurrentIndex(self.level.findData(int(loaded.access_level)))
            self.language.setCurrentIndex(
                self.language.findData(loaded.preferred_language.value)
            )
        else:
            # A new account starts at the lowest level this actor may give.
            self.level.setCurrentIndex(self.level.count() - 1)
        # Nobody raises (or changes) their own level.
        self.level.setEnabled(not self.own)

    def draft(self) -> StaffDraft:
        return StaffDraft(
            username=self.username.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            access_level=AccessLevel(int(self.level.currentData())),
            preferred_language=Language(str(self.language.currentData())),
        )

    def retranslate(self) -> None:
        if self.own:
            self.setWindowTitle(self.tr("Edit my profile"))
        elif self.staff_id is None:
            self.setWindowTitle(self.tr("Add a counsellor"))
        else:
            self.setWindowTitle(self.tr("Edit a staff profile"))
        for label, text in zip(
            self._labels,
            (
                self.tr("Username *"),
                self.tr("First name *"),
                self.tr("Last name *"),
                self.tr("Email"),
                self.tr("Access level"),
                self.tr("Preferred language"),
            ),
            strict=True,
        ):
            label.setText(text)
        level = self.level.currentData()
        self.level.clear()
        for choice in self._levels:
            self.level.addItem(
                f"{int(choice)}. {access_level_label(choice)}", int(choice)
            )
        if level is not None:
            self.level.setCurrentIndex(self.level.findData(level))
        language = self.language.currentData()
        self.language.clear()
        for spoken in Language:
            self.language.addItem(language_label(spoken), spoken.value)
        if language is not None:
            self.language.setCurrentIndex(self.language.findData(language))

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        try:
            if self.own:
                staff.update_own_profile(self.db, self.actor, self.draft())
                self.saved_id = self.actor.staff_id
            elif self.staff_id is None:
                self.saved_id = staff.add_staff(self.db, self.actor, self.draft())
            else:
                staff.update_staff(self.db, self.actor, self.staff_id, self.draft())
                self.saved_id = self.staff_id
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChangeLogDialog(QDialog):
    """Who changed which staff profile, when, old → new, with details."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        staff_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = ChangeLogModel(school_time_zone(db, actor))
        self.model.setParent(self)
        self.model.set_rows(staff.staff_change_log(db, actor, staff_id))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff change log"))

    @Slot()
    def _on_row_changed(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            self.details.clear()
            return
        change = self.model.row_at(row)
        field = field_label(change.field) if change.field else self.tr("Created")
        self.details.setPlainText(
            self.tr(
                "Staff member: {0}\nChanged by: {1}\nField: {2}\n\n"
                "Before:\n{3}\n\nAfter:\n{4}"
            ).format(
                change.staff_name,
                change.author,
                field,
                value_label(change.field or "", change.old_value),
                value_label(change.field or "", change.new_value),
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.layoutChanged.emit()
        super().changeEvent(event)


class StaffAdminDialog(QDialog):
    """Administration des conseillers: list, add, edit, deactivate, reset, unlock."""

    # A server login job ended; the sentence shown under the list.
    server_login_finished = Signal(str)

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = StaffTableModel(school_time_zone(db, actor))
        self.model.setParent(self)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.active_button = QPushButton()
        self.reset_button = QPushButton()
        self.unlock_button = QPushButton()
        self.log_button = QPushButton()
        self.server_login_button = QPushButton()
        # What the last server login job did; jobs never block the dialog.
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        self.server_status.hide()
        self._jobs: list[Job] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.active_button,
            self.reset_button,
            self.unlock_button,
            self.server_login_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.server_status)
        layout.addWidget(self.buttons)
        self.resize(1000, 600)

        manage = allowed(actor, Action.MANAGE_STAFF)
        self.add_button.setVisible(manage)
        self.edit_button.setVisible(manage)
        self.active_button.setVisible(manage)
        self.unlock_button.setVisible(manage)
        self.reset_button.setVisible(allowed(actor, Action.RESET_STAFF_PASSWORD))
        self.log_button.setVisible(allowed(actor, Action.VIEW_STAFF_CHANGE_LOG))
        self.server_logins = server_logins.server_logins_available(db, actor)
        self.server_login_button.setVisible(self.server_logins)

        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.active_button.clicked.connect(self._on_active_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.log_button.clicked.connect(self._on_log_clicked)
        self.server_login_button.clicked.connect(self._on_server_login_clicked)
        self.table.activated.connect(self._on_edit_clicked)

        self.retranslate()
        self.reload()
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def reload(self) -> None:
        self.model.set_rows(
            staff.list_staff(self.db, self.actor, include_inactive=True)
        )
        self._update_buttons()

    def selected(self) -> StaffRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Counsellor administration"))
        self.add_button.setText(self.tr("Add a counsellor"))
        self.edit_button.setText(self.tr("Edit"))
        self.reset_button.setText(self.tr("Reset password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.log_button.setText(self.tr("Change log"))
        self.server_login_button.setText(self.tr("Server login…"))
        self._update_buttons()
        self.model.retranslate()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected()
        levels = staff.manageable_levels(self.actor)
        manageable = (
            row is not None
            and row.id != self.actor.staff_id
            and row.access_level in levels
        )
        self.edit_button.setEnabled(manageable)
        self.active_button.setEnabled(manageable)
        self.reset_button.setEnabled(manageable and row is not None and row.is_active)
        self.unlock_button.setEnabled(
            manageable and row is not None and row.locked_until is not None
        )
        self.server_login_button.setEnabled(
            manageable and row is not None and row.is_active
        )
        if row is not None and not row.is_active:
            self.active_button.setText(self.tr("Reactivate"))
        else:
            self.active_button.setText(self.tr("Deactivate"))

    @Slot()
    def _on_add_clicked(self) -> None:
        dialog = StaffProfileDialog(self.db, self.actor, None, self)
        if not dialog.exec() or dialog.saved_id is None:
            return
        self.reload()
        # A new account has no password yet: give the first one now, once.
        row = next(r for r in self.model.rows() if r.id == dialog.saved_id)
        password = auth.reset_staff_password(self.db, self.actor, row.id)
        TemporaryPasswordDialog(row, password, self).exec()
        self.reload()
        if self.server_logins:
            # The same temporary password opens their server login.
            self.start_server_login(row, password, new=True)

    @Slot()
    def _on_edit_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.edit_button.isEnabled():
            return
        if StaffProfileDialog(self.db, self.actor, row.id, self).exec():
            self.reload()

    @Slot()
    def _on_active_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            staff.set_staff_active(self.db, self.actor, row.id, not row.is_active)
        except (NotFound, PermissionDenied, ValidationError) as error:
            show_error(self, self.windowTitle(), error)
            self.reload()
            return
        self.reload()
        if row.is_active and self.server_logins:
            self.start_server_logout(row)

    @Slot()
    def _on_reset_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reset password"),
            self.tr(
                "Give {0} {1} a new temporary password? Their current password "
                "stops working now."
            ).format(row.first_name, row.last_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            password = auth.reset_staff_password(self.db, self.actor, row.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Reset password"), error)
            return
        TemporaryPasswordDialog(row, password, self).exec()
        self.reload()

    @Slot()
    def _on_unlock_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            auth.unlock_staff(self.db, self.actor, row.id)
        except (NotFound, PermissionDenied) as error:
            show_error(self, self.tr("Unlock"), error)
        self.reload()

    @Slot()
    def _on_log_clicked(self) -> None:
        row = self.selected()
        ChangeLogDialog(self.db, self.actor, row.id if row else None, self).exec()

    @Slot()
    def _on_server_login_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.server_login_button.isEnabled():
            return
        dialog = ServerPasswordDialog(self.db, self.actor, row, self)
        if dialog.exec():
            self.start_server_login(row, dialog.password.text(), new=False)

    def start_server_login(self, row: StaffRow, password: str, *, new: bool) -> None:
        """Create or reset ``row``'s server login in the background."""
        db, actor = self.db, self.actor
        name = f"{row.first_name} {row.last_name}"
        self._show_server_status(
            self.tr("Creating the server login of {0}…").format(name)
        )

        def done(role: object) -> None:
            self._finish(
                self.tr("The server login {0} of {1} is ready.").format(role, name)
            )

        def failed(error: object) -> None:
            reason = self._reason(error)
            if new:
                self._finish(
                    self.tr(
                        "{0} was added, but their server login was not created: {1}"
                    ).format(name, reason)
                )
            else:
                self._finish(
                    self.tr("The server password of {0} was not set: {1}").format(
                        name, reason
                    )
                )

        self._run(
            lambda: server_logins.create_server_login(db, actor, row.id, password),
            done,
            failed,
        )

    def start_server_logout(self, row: StaffRow) -> None:
        """Turn ``row``'s server login off in the background."""
        db, actor = self.db, self.actor
        name = f"{row.first_name} {row.last_name}"

        def done(role: object) -> None:
            self._finish(
                self.tr("The server login of {0} is turned off.").format(name)
                if role is not None
                else self.tr("{0} had no server login.").format(name)
            )

        def failed(error: object) -> None:
            self._finish(self._reason(error))

        self._run(
            lambda: server_logins.disable_server_login(db, actor, row.id),
            done,
            failed,
        )

    def _reason(self, error: object) -> str:
        if isinstance(error, _LOGIN_ERRORS):
            return str(error)
        log.error("server login job failed: %s", type(error).__name__)
        return self.tr("An unexpected error stopped it; see the log.")

    def _run(
        self,
        work: Callable[[], object],
        done: Callable[[object], None],
        failed: Callable[[object], None],
    ) -> None:
        self._jobs = [job for job in self._jobs if job.running]
        job = Job(work, self)
        self._jobs.append(job)
        job.done.connect(done)
        job.failed.connect(failed)
        job.start()

    def _show_server_status(self, message: str) -> None:
        self.server_status.setText(message)
        self.server_status.show()

    def _finish(self, message: str) -> None:
        self._show_server_status(message)
        self.server_login_finished.emit(message)

    def done(self, result: int) -> None:
        # A job's thread must not outlive the dialog that owns it.
        for job in self._jobs:
            if job.running:
                job.wait()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TemporaryPasswordDialog(QDialog):
    """Shows a temporary password once; it is not kept anywhere."""

    def __init__(
        self, row: StaffRow, password: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.password = QLineEdit(password)
        self.password.setReadOnly(True)
        font = self.password.font()
        font.setPointSize(font.pointSize() + 4)
        font.setFamily("monospace")
        self.password.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.password)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.setWindowTitle(self.tr("Temporary password"))
        self.message.setText(
            self.tr(
                "The temporary password of {0} {1} ({2}) is shown only now. "
                "Give it to them in person; they must choose a new one when they "
                "next sign in."
            ).format(row.first_name, row.last_name, row.username)
        )


class ServerPasswordDialog(QDialog):
    """Asks twice for a staff member's new server password (Server login…)."""

    def __init__(
        self, db: Database, actor: Actor, row: StaffRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.row = row
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._labels = [QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self._labels[0], self.password)
        form.addRow(self._labels[1], self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Server login"))
        self.message.setText(
            self.tr(
                "A new password for the school server login of {0} {1} ({2}). "
                "Their current server password stops working."
            ).format(self.row.first_name, self.row.last_name, self.row.username)
        )
        self._labels[0].setText(self.tr("New server password"))
        self._labels[1].setText(self.tr("Type it again"))

    @Slot()
    def _on_ok_clicked(self) -> None:
        self.error_label.hide()
        try:
            server_logins.validate_server_password(
                self.db,
                self.actor,
                self.row.id,
                self.password.text(),
                self.again.text(),
            )
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except (NotFound, PermissionDenied) as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
