"""Staff members and the staff change log as read-only tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from cams_desktop.formatting import format_datetime, format_number
from cams_desktop.i18n import current_language
from cams_desktop.labels import access_level_label, field_label, value_label
from cams_desktop.services.staff import ChangeRow, StaffRow

ModelIndex = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    """Name, username, level, email, status, caseload size, last sign-in."""

    COLUMNS = 7

    def __init__(self, time_zone: str) -> None:
        super().__init__()
        self.time_zone = time_zone
        self._rows: list[StaffRow] = []

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> StaffRow:
        return self._rows[row]

    def rows(self) -> list[StaffRow]:
        return self._rows

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        language = current_language()
        match index.column():
            case 0:
                return f"{row.last_name}, {row.first_name}"
            case 1:
                return row.username
            case 2:
                return access_level_label(row.access_level)
            case 3:
                return row.email or ""
            case 4:
                if not row.is_active:
                    return QCoreApplication.translate("StaffTable", "Deactivated")
                if row.locked_until is not None:
                    return QCoreApplication.translate("StaffTable", "Locked")
                return QCoreApplication.translate("StaffTable", "Active")
            case 5:
                return format_number(row.caseload_size, language)
            case 6:
                return format_datetime(
                    row.last_sign_in_at, language, self.time_zone, "short"
                )
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
        titles = (
            QCoreApplication.translate("StaffTable", "Name"),
            QCoreApplication.translate("StaffTable", "Username"),
            QCoreApplication.translate("StaffTable", "Access level"),
            QCoreApplication.translate("StaffTable", "Email"),
            QCoreApplication.translate("StaffTable", "Status"),
            QCoreApplication.translate("StaffTable", "Students"),
            QCoreApplication.translate("StaffTable", "Last sign-in"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class ChangeLogModel(QAbstractTableModel):
    """When, who, which staff member, what changed: old → new."""

    COLUMNS = 6

    def __init__(self, time_zone: str) -> None:
        super().__init__()
        self.time_zone = time_zone
        self._rows: list[ChangeRow] = []

    def set_rows(self, rows: list[ChangeRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ChangeRow:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        match index.column():
            case 0:
                return format_datetime(
                    row.occurred_at, current_language(), self.time_zone, "short"
                )
            case 1:
                return row.author
            case 2:
                return row.staff_name
            case 3:
                if row.field is None:
                    return QCoreApplication.translate("StaffTable", "Created")
                return field_label(row.field)
            case 4:
                return value_label(row.field or "", row.old_value)
            case 5:
                return value_label(row.field or "", row.new_value)
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
        titles = (
            QCoreApplication.translate("StaffTable", "When"),
            QCoreApplication.translate("StaffTable", "Changed by"),
            QCoreApplication.translate("StaffTable", "Staff member"),
            QCoreApplication.translate("StaffTable", "Field"),
            QCoreApplication.translate("StaffTable", "Before"),
            QCoreApplication.translate("StaffTable", "After"),
        )
        return titles[section] if 0 <= section < len(titles) else None
