"""The idle lock: the window stays as it was; the password opens it again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_local_time
from cams_desktop.i18n import current_language
from cams_desktop.services import auth
from cams_desktop.services.access import Actor
from cams_desktop.views.widgets import error_label


class LockDialog(QDialog):
    """Modal over the whole application until the right password is given.

    Rejecting it (Sign out) is the caller's cue to close the application.
    """

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_out_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole
        )

        panel = QWidget()
        panel.setMaximumWidth(520)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self.message)
        panel_layout.addWidget(self.password)
        panel_layout.addWidget(self.error_label)
        panel_layout.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        # Covers the whole screen, above every window, so nothing of the
        # students' data shows while the session is locked.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.setAutoFillBackground(True)

        self.buttons.accepted.connect(self._on_unlock_clicked)
        self.sign_out_button.clicked.connect(self._on_sign_out_clicked)

        self.retranslate()
        self.password.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Session locked"))
        self.message.setText(
            self.tr(
                "CAMS Desktop was locked after a time without activity. "
                "Enter the password of {0} to continue where you were."
            ).format(self.actor.display_name)
        )
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Sign out"))

    def exec(self) -> int:
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        return super().exec()

    def reject(self) -> None:
        """Escape does nothing here; only "Sign out", after asking, leaves."""

    @Slot()
    def _on_sign_out_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            self.tr("Sign out and close CAMS Desktop? Unsaved changes are lost."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.done(QDialog.DialogCode.Rejected)

    @Slot()
    def _on_unlock_clicked(self) -> None:
        try:
            ok = auth.verify_password(self.db, self.actor, self.password.text())
        except auth.AccountLocked as error:
            self._show(
                self.tr(
                    "Too many wrong passwords: the account is locked until {0}."
                ).format(format_local_time(error.until, current_language()))
            )
            return
        except auth.SignInError as error:
            self._show(str(error))
            return
        if not ok:
            self._show(self.tr("That is not the right password."))
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, message: str) -> None:
        self.password.clear()
        self.error_label.setText(message)
        self.error_label.show()
