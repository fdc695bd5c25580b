"""Small widgets every dialog uses the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

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
