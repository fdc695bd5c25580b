"""Connecting this desktop to the school's server (F-90, F-63).

A program administrator sets the server's address; every staff member keeps
their own server password in the system keychain. "Test the connection"
signs in as the staff member's role off the GUI thread and says whether it
worked, whether the transfer is encrypted and which schema the server has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.services.access import Actor, PermissionDenied
from cams_desktop.services.server_connection import (
    ConnectionCheck,
    ServerSettings,
    check_connection,
    login_for,
    save_server_settings,
    server_settings,
    store_server_password,
    tls_required,
    validate_settings,
)
from cams_desktop.services.students import ValidationError
from cams_desktop.views.sync_runner import Job
from cams_desktop.views.widgets import error_label

FIELDS = ("host", "port", "database", "password")


class ServerDialog(QDialog):
    """Serveur de l'école: the address (administrators) and one's own password.

    With ``own_password_only`` the address is shown but not edited: any
    signed-in staff member sets their server password this way.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        own_password_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.own_password_only = own_password_only
        self.job: Job | None = None
        self.last_check: ConnectionCheck | None = None
        current = server_settings(db)

        self.host = QLineEdit(current.host if current else "")
        self.port = QLineEdit(str(current.port if current else 5432))
        self.database = QLineEdit(current.database if current else "")
        for line in (self.host, self.port, self.database):
            line.setReadOnly(own_password_only)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls_label = QLabel()
        self.tls_label.setWordWrap(True)
        self.errors = {name: error_label(f"{name}_error") for name in FIELDS}
        self.test_button = QPushButton()
        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        self._labels = [QLabel() for _ in FIELDS]
        form = QFormLayout()
        for label, line, name in zip(
            self._labels,
            (self.host, self.port, self.database, self.password),
            FIELDS,
            strict=True,
        ):
            form.addRow(label, line)
            form.addRow("", self.errors[name])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tls_label)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.test_button.clicked.connect(self._on_test_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Server password")
            if self.own_password_only
            else self.tr("School server")
        )
        for label, text in zip(
            self._labels,
            (
                self.tr("Server address"),
                self.tr("Port"),
                self.tr("Database"),
                self.tr("Your server password"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.tls_label.setText(
            self.tr("The school requires encrypted transfer (TLS).")
            if tls_required(self.db, self.actor)
            else self.tr(
                "Encrypted transfer (TLS) is not required: it is used when the "
                "server offers it. Site settings change this."
            )
        )
        self.test_button.setText(self.tr("Test the connection"))

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)

    def _settings(self) -> ServerSettings | None:
        """The address typed, or None after showing what is wrong."""
        self._show_errors({})
        try:
            return validate_settings(
                self.host.text(), self.port.text(), self.database.text()
            )
        except ValidationError as error:
            self._show_errors(error.errors)
            return None

    @Slot()
    def _on_test_clicked(self) -> None:
        settings = self._settings()
        if settings is None:
            return
        try:
            login = login_for(self.db, self.actor, settings, self.password.text())
        except ValidationError as error:
            self._show_errors(error.errors)
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting…"))
        self.job = Job(lambda: check_connection(login), self)
        self.job.done.connect(self._on_checked)
        self.job.failed.connect(self._on_check_failed)
        self.job.start()

    @Slot(object)
    def _on_checked(self, check: object) -> None:
        self.test_button.setEnabled(True)
        if isinstance(check, ConnectionCheck):
            self.last_check = check
            self.result_label.setText(check.message)

    @Slot(object)
    def _on_check_failed(self, error: object) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(str(error))

    @Slot()
    def _on_save_clicked(self) -> None:
        settings = self._settings()
        if settings is None:
            return
        try:
            if not self.own_password_only:
                save_server_settings(self.db, self.actor, settings)
            if self.password.text():
                store_server_password(
                    self.db, self.actor, settings, self.password.text()
                )
            elif self.own_password_only:
                login_for(self.db, self.actor, settings, "")
        except ValidationError as error:
            self._show_errors(error.errors)
            return
        except PermissionDenied as error:
            self.result_label.setText(str(error))
            return
        self.accept()

    def done(self, result: int) -> None:
        if self.job is not None and self.job.running:
            self.job.wait()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
