"""Signing in (F-01, F-02): the school's site account and the user's password."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_local_time
from cams_desktop.i18n import LanguageSwitch
from cams_desktop.labels import access_level_label
from cams_desktop.services import auth
from cams_desktop.services.demo import DEMO_ACCOUNTS, DEMO_SITE_ACCOUNT, demo_password
from cams_desktop.views.widgets import error_label


class SignInDialog(QDialog):
    """Asks for the site account and the user's own password; holds the result."""

    def __init__(
        self,
        db: Database,
        languages: LanguageSwitch,
        contacts: list[str],
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.languages = languages
        self.contacts = contacts
        self.demo = demo
        self.result_: auth.SignInResult | None = None

        self.site_box = QGroupBox()
        self.site_username = QLineEdit()
        self.site_password = QLineEdit()
        self.site_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_box = QGroupBox()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_label("sign_in_error")
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.language_button = QPushButton()
        self.demo_box = QGroupBox()
        self.demo_list = QListWidget()
        self.demo_list.setMinimumHeight(6 * self.fontMetrics().height() + 12)
        self.demo_box.setVisible(demo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        site_form = QFormLayout(self.site_box)
        self._site_labels = (QLabel(), QLabel())
        site_form.addRow(self._site_labels[0], self.site_username)
        site_form.addRow(self._site_labels[1], self.site_password)
        user_form = QFormLayout(self.user_box)
        self._user_labels = (QLabel(), QLabel())
        user_form.addRow(self._user_labels[0], self.username)
        user_form.addRow(self._user_labels[1], self.password)
        demo_layout = QVBoxLayout(self.demo_box)
        demo_layout.addWidget(self.demo_list)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.site_box)
        layout.addWidget(self.user_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.help_label)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)
        self.language_button.clicked.connect(self._on_language_clicked)
        self.demo_list.itemActivated.connect(self._on_demo_account_chosen)
        self.demo_list.itemClicked.connect(self._on_demo_account_chosen)

        self.retranslate()
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())
        self.username.setFocus()

    # public API

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CAMS — Sign in"))
        self.site_box.setTitle(self.tr("School site account"))
        self._site_labels[0].setText(self.tr("Site username"))
        self._site_labels[1].setText(self.tr("Site password"))
        self.user_box.setTitle(self.tr("Your counsellor account"))
        self._user_labels[0].setText(self.tr("Username"))
        self._user_labels[1].setText(self.tr("Password"))
        self.language_button.setText(
            "English" if self.languages.language == "fr" else "Français"
        )
        if self.contacts:
            help_text = self.tr(
                "Forgot your login? Ask a program administrator of your school "
                "to reset your password: {0}."
            ).format(", ".join(self.contacts))
        else:
            help_text = self.tr(
                "Forgot your login? Ask a program administrator of your school "
                "to reset your password."
            )
        self.help_label.setText(help_text)
        self.demo_box.setTitle(
            self.tr("Demo school accounts (site account {0} / {1})").format(
                *DEMO_SITE_ACCOUNT
            )
        )
        self.demo_list.clear()
        for username, level in DEMO_ACCOUNTS:
            item = QListWidgetItem(
                self.tr("{0} — {1} (password {2})").format(
                    username, access_level_label(level), demo_password(username)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, username)
            self.demo_list.addItem(item)

    # slots

    @Slot()
    def _on_sign_in_clicked(self) -> None:
        self.error_label.hide()
        try:
            self.result_ = auth.sign_in(
                self.db,
                self.site_username.text().strip(),
                self.site_password.text(),
                self.username.text().strip(),
                self.password.text(),
            )
        except auth.TooSoon as error:
            self._show_error(
                self.tr(
                    "Too many failed attempts: wait {0} seconds, then try again."
                ).format(error.wait_seconds)
            )
            return
        except auth.AccountLocked as error:
            self._show_error(
                self.tr(
                    "This account is locked until {0} after too many failed "
                    "attempts. A program administrator can unlock it sooner."
                ).format(format_local_time(error.until, self.languages.language))
            )
            return
        except auth.SignInError as error:
            self._show_error(str(error))
            return
        self.password.clear()
        self.accept()

    @Slot()
    def _on_language_clicked(self) -> None:
        self.languages.set_language(self.languages.other())

    @Slot(QListWidgetItem)
    def _on_demo_account_chosen(self, item: QListWidgetItem) -> None:
        username = str(item.data(Qt.ItemDataRole.UserRole))
        self.site_username.setText(DEMO_SITE_ACCOUNT[0])
        self.site_password.setText(DEMO_SITE_ACCOUNT[1])
        self.username.setText(username)
        self.password.setText(demo_password(username))

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _show_error(self, message: str) -> None:
        self.password.clear()
        self.error_label.setText(message)
        self.error_label.show()
        self.password.setFocus()
