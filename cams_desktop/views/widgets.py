"""Small widgets every dialog uses the same way."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"


def error_label(name: str = "") -> QLabel:
    """A hidden, word-wrapped red label where a dialog says what is wrong."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def may_discard(parent: QWidget, unsaved: bool, question: str) -> bool:
    """Whether a dialog may close: yes at once, or if the user agrees to lose text."""
    if not unsaved:
        return True
    answer = QMessageBox.question(parent, parent.windowTitle(), question)
    return answer == QMessageBox.StandardButton.Yes


def read_only_table(columns: int, *, single_selection: bool = False) -> QTableWidget:
    """A table of whole rows to read, not to edit."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace a read-only table's rows with ``rows`` of text."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
