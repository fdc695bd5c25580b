"""The permission matrix as a read-only table: actions by area × access levels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from cams_desktop.db.school import AccessLevel
from cams_desktop.labels import access_level_label
from cams_desktop.services.access import MATRIX, Action, Area, action_label, area_label

ModelIndex = QModelIndex | QPersistentModelIndex
LEVELS = tuple(AccessLevel)
ALLOWED_MARK = "✔"


class PermissionTableModel(QAbstractTableModel):
    """One row per area heading and per action; one column per access level."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Area | Action] = []
        for area in Area:
            actions = [a for a in Action if MATRIX[a][0] == area]
            if actions:
                self._rows.append(area)
                self._rows.extend(actions)
        self._heading_font = QFont()
        self._heading_font.setBold(True)

    # public API

    def retranslate(self) -> None:
        """Labels follow the interface language; call after a language change."""
        self.dataChanged.emit(
            self.index(0, 0), self.index(len(self._rows) - 1, len(LEVELS))
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LEVELS))

    # Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LEVELS) + 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if isinstance(item, Area):
            if role == Qt.ItemDataRole.DisplayRole:
                return area_label(item) if column == 0 else ""
            if role == Qt.ItemDataRole.FontRole:
                return self._heading_font
            return None
        allowed = column > 0 and LEVELS[column - 1] in MATRIX[item][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return action_label(item)
            return ALLOWED_MARK if allowed else ""
        if role == Qt.ItemDataRole.AccessibleTextRole and column > 0:
            if allowed:
                return QCoreApplication.translate("PermissionTable", "allowed")
            return QCoreApplication.translate("PermissionTable", "not allowed")
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
        ):
            return None
        if section == 0:
            return QCoreApplication.translate("PermissionTable", "Action")
        if 1 <= section <= len(LEVELS):
            level = LEVELS[section - 1]
            return f"{int(level)}.\n{access_level_label(level)}"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
