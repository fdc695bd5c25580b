"""The permission matrix, read-only, for administrators (F-04)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.models.permission_table import PermissionTableModel
from cams_desktop.services.access import OWNERSHIP_RULES


class PermissionsDialog(QDialog):
    """What each access level may do, as the services enforce it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PermissionTableModel()
        self.model.setParent(self)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules)
        layout.addWidget(self.buttons)
        self.resize(980, 680)

        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Access levels and permissions"))
        self.intro.setText(
            self.tr(
                "What each access level may do. The application enforces this "
                "table; it cannot be changed here."
            )
        )
        self.rules.setText(
            "\n".join(
                "• " + QCoreApplication.translate("Access", str(rule))
                for rule in OWNERSHIP_RULES
            )
        )
        self.model.retranslate()
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            # Level names are long in French: fixed, narrower level columns
            # leave the room to the action labels.
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 190)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
