"""New student passwords, shown once (F-16), and a student's login history (F-31)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QUrl, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import print_jobs, student_logins, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.student_logins import LoginHistory, NewPassword
from cams_desktop.services.students import StudentRow
from cams_desktop.views.widgets import error_label, fill_table, read_only_table

# Column of the password in the new passwords table.
PASSWORD_COLUMN = 2


class NewPasswordsDialog(QDialog):
    """The passwords a reset just made, shown this once; copy or print them.

    Closing the dialog forgets them: the table is emptied and, if the
    clipboard still holds the copied passwords, it is cleared too.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        passwords: list[NewPassword],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self._passwords = list(passwords)
        self._copied: str | None = None

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.table = read_only_table(3)
        self.copy_button = QPushButton()
        self.print_button = QPushButton()
        self.saved_label = QLabel()
        self.saved_label.setOpenExternalLinks(True)
        self.saved_label.hide()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(600, 360)

        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.buttons.rejected.connect(self.reject)

        fill_table(
            self.table, [[p.name, p.username, p.password] for p in self._passwords]
        )
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for r in range(self.table.rowCount()):
            item = self.table.item(r, PASSWORD_COLUMN)
            assert item is not None
            item.setFont(fixed)
        self.retranslate()

    # public API

    def retranslate(self) -> None:
        count = len(self._passwords)
        self.setWindowTitle(self.tr("New passwords", "", count))
        self.warning.setText(
            self.tr(
                "These passwords are shown only now and will not be shown again. "
                "Give them to the students in person or print their login slips.",
                "",
                count,
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Student"), self.tr("Username"), self.tr("Password")]
        )
        self.copy_button.setText(self.tr("Copy"))
        self.print_button.setText(self.tr("Print the login slips", "", count))

    # slots

    @Slot()
    def _on_copy_clicked(self) -> None:
        self._copied = "\n".join(
            f"{p.name}\t{p.username}\t{p.password}" for p in self._passwords
        )
        QGuiApplication.clipboard().setText(self._copied)

    @Slot()
    def _on_print_clicked(self) -> None:
        self.error_label.hide()
        folder = Path(str(self.settings.value("print/folder", str(Path.home()))))
        suggested = folder / (self.tr("login-slips") + ".pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Print the login slips", "", len(self._passwords)),
            str(suggested),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            print_jobs.print_login_slips_with_passwords(
                self.db, self.actor, self._passwords, path
            )
        except (NotFound, PermissionDenied, ValueError) as error:
            self._show_error(str(error))
            return
        except OSError as error:
            self._show_error(
                self.tr("The file could not be written ({0}).").format(
                    error.strerror or error
                )
            )
            return
        self.settings.setValue("print/folder", str(path.parent))
        link = QUrl.fromLocalFile(str(path)).toString()
        self.saved_label.setText(
            self.tr("Login slips saved in {0}.").format(
                f'<a href="{html.escape(link)}">{html.escape(str(path))}</a>'
            )
        )
        self.saved_label.show()

    # Qt overrides

    def done(self, result: int) -> None:
        self._passwords = []
        self.table.setRowCount(0)
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class LoginHistoryDialog(QDialog):
    """Historique: how often and when a student opened their plan, newest first."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        student: StudentRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.student = student
        self.time_zone = students.school_time_zone(db, actor)
        self.history: LoginHistory = student_logins.login_history(db, actor, student.id)

        self.count_label = QLabel()
        self.last_label = QLabel()
        self.table = read_only_table(2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.last_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(480, 440)

        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def retranslate(self) -> None:
        language = current_language()
        history = self.history
        self.setWindowTitle(
            self.tr("Login history — {0} {1}").format(
                self.student.first_name, self.student.last_name
            )
        )
        self.count_label.setText(
            self.tr("{0} logins", "", history.count).format(
                format_number(history.count, language)
            )
        )
        if history.last is None:
            self.last_label.setText(self.tr("The student has never signed in."))
        else:
            self.last_label.setText(
                self.tr("Last login: {0}").format(
                    format_datetime(history.last, language, self.time_zone)
                )
            )
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("From")])
        fill_table(
            self.table,
            [
                [
                    format_datetime(event.occurred_at, language, self.time_zone),
                    self._source_label(event.source),
                ]
                for event in history.events
            ],
        )

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _source_label(self, source: str) -> str:
        if source == "web":
            return self.tr("Planning site")
        if source == "mobile":
            return self.tr("Mobile app")
        return source
