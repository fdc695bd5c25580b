"""Changing one's own password, required after an administrator's reset (F-02)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.services import auth
from cams_desktop.services.access import Actor
from cams_desktop.services.students import ValidationError
from cams_desktop.views.widgets import error_label


class PasswordDialog(QDialog):
    """Old password, new password twice; the service judges the new one."""

    def __init__(
        self, db: Database, actor: Actor, required: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.required = required

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.old_password = QLineEdit()
        self.new_password = QLineEdit()
        self.repeat_password = QLineEdit()
        for edit in (self.old_password, self.new_password, self.repeat_password):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        self.form = QFormLayout()
        self._labels = (QLabel(), QLabel(), QLabel())
        self.form.addRow(self._labels[0], self.old_password)
        self.form.addRow(self._labels[1], self.new_password)
        self.form.addRow(self._labels[2], self.repeat_password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change my password"))
        if self.required:
            self.intro.setText(
                self.tr(
                    "Your password was reset. Choose a new one before you continue."
                )
            )
        else:
            self.intro.setText(self.tr("Choose a new password."))
        self._labels[0].setText(self.tr("Current password"))
        self._labels[1].setText(self.tr("New password"))
        self._labels[2].setText(self.tr("New password again"))

    @Slot()
    def _on_ok_clicked(self) -> None:
        self.error_label.hide()
        if self.new_password.text() != self.repeat_password.text():
            self._show(self.tr("The two new passwords are not the same."))
            return
        try:
            auth.change_own_password(
                self.db, self.actor, self.old_password.text(), self.new_password.text()
            )
        except ValidationError as error:
            self._show(str(error))
            return
        except auth.SignInError as error:
            self._show(str(error))
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
