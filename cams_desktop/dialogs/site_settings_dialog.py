"""Site settings a program administrator keeps: idle lock, the site account,
and whether the sync connection must be encrypted (F-63)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.services import auth
from cams_desktop.services.access import Actor, PermissionDenied
from cams_desktop.services.server_connection import set_tls_required, tls_required
from cams_desktop.services.students import ValidationError
from cams_desktop.views.widgets import error_label


class SiteSettingsDialog(QDialog):
    """Paramètres du site: minutes before the idle lock; the school site account."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

        self.idle_box = QGroupBox()
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, auth.MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setValue(auth.idle_lock_minutes(db, actor))
        self.site_box = QGroupBox()
        self.site_username = QLineEdit()
        self.site_password = QLineEdit()
        self.site_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls_required = QCheckBox()
        self.tls_required.setChecked(tls_required(db, actor))
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        self._labels = [QLabel() for _ in range(3)]
        idle_form = QFormLayout(self.idle_box)
        idle_form.addRow(self._labels[0], self.idle_minutes)
        site_form = QFormLayout(self.site_box)
        site_form.addRow(self._labels[1], self.site_username)
        site_form.addRow(self._labels[2], self.site_password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.idle_box)
        layout.addWidget(self.site_box)
        layout.addWidget(self.tls_required)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Site settings"))
        self.idle_box.setTitle(self.tr("Lock after a time without activity"))
        self._labels[0].setText(self.tr("Minutes (0: never)"))
        self.site_box.setTitle(
            self.tr("School site account (leave empty to keep the current one)")
        )
        self._labels[1].setText(self.tr("Site username"))
        self._labels[2].setText(self.tr("New site password"))
        self.tls_required.setText(
            self.tr("Encrypted transfer required (the sync connection must use TLS)")
        )

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        try:
            auth.set_idle_lock_minutes(self.db, self.actor, self.idle_minutes.value())
            set_tls_required(self.db, self.actor, self.tls_required.isChecked())
            if self.site_username.text().strip() or self.site_password.text():
                auth.set_site_account(
                    self.db,
                    self.actor,
                    self.site_username.text(),
                    self.site_password.text(),
                )
        except ValidationError as error:
            self.error_label.setText("\n".join(error.errors.values()))
            self.error_label.show()
            return
        except PermissionDenied as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
