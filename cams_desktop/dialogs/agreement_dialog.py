"""The usage agreement, accepted before anything else at first sign-in (F-01)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.i18n import current_language
from cams_desktop.services.auth import Agreement


class AgreementDialog(QDialog):
    """Shows the agreement in the interface language; Accept or Decline."""

    def __init__(self, agreement: Agreement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement = agreement

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.decline_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Counsellor tool usage agreement"))
        self.intro.setText(
            self.tr(
                "Read and accept the agreement (edition {0}) to use CAMS Desktop."
            ).format(self.agreement.edition)
        )
        french = current_language() == "fr"
        self.text.setPlainText(
            self.agreement.text_fr if french else self.agreement.text_en
        )
        self.accept_button.setText(self.tr("I accept"))
        self.decline_button.setText(self.tr("I decline"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
