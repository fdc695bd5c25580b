"""Transfer students to another school of the board (F-20)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import transfers
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.students import StudentRow, ValidationError
from cams_desktop.services.transfers import TransferResult
from cams_desktop.views.background import show_error

# Names listed in the confirmation before "and N more".
SHOWN_NAMES = 10


class TransferDialog(QDialog):
    """Chooses the receiving school, then transfers the selected students."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        rows: list[StudentRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.rows = rows
        self.changed = False
        self.transfer_result: TransferResult | None = None
        destinations = transfers.list_transfer_destinations(db, actor)

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.names = QLabel()
        self.names.setWordWrap(True)
        self.destination_box = QComboBox()
        for school in destinations:
            self.destination_box.addItem(school.name, school.id)
        self.destination_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.skipped_list = QListWidget()
        self.skipped_list.hide()
        # Close replaces OK and Cancel once a result is shown.
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).hide()
        self.transfer_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.transfer_button.setEnabled(bool(destinations) and bool(rows))

        form = QFormLayout()
        form.addRow(self.destination_label, self.destination_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.names)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.skipped_list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

        self.buttons.accepted.connect(self._on_transfer_clicked)
        self.buttons.rejected.connect(self.reject)

        self.retranslate()

    # public API

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer"))
        count = len(self.rows)
        self.explanation.setText(
            self.tr(
                "Transfer {0} students to another school of the school board. "
                "Their plan and its history go with them; this school will no "
                "longer see them.",
                "",
                count,
            ).format(format_number(count, current_language()))
        )
        names = ", ".join(
            f"{r.first_name} {r.last_name}" for r in self.rows[:SHOWN_NAMES]
        )
        more = count - SHOWN_NAMES
        if more > 0:
            names += " " + self.tr("and {0} more", "", more).format(
                format_number(more, current_language())
            )
        self.names.setText(names)
        self.destination_label.setText(self.tr("Receiving school:"))
        if self.destination_box.count() == 0:
            self.destination_box.setPlaceholderText(
                self.tr("There is no other school in the school board.")
            )
        self.transfer_button.setText(self.tr("Transfer"))
        if self.transfer_result is not None:
            self._show_result(self.transfer_result)

    # slots

    @Slot()
    def _on_transfer_clicked(self) -> None:
        school_id = self.destination_box.currentData()
        if school_id is None:
            return
        try:
            self.transfer_result = transfers.transfer_students(
                self.db, self.actor, [row.id for row in self.rows], school_id
            )
        except (NotFound, PermissionDenied, ValidationError) as error:
            show_error(self, self.windowTitle(), error)
            return
        self.changed = bool(self.transfer_result.transferred)
        if not self.transfer_result.skipped:
            self.accept()
            return
        # Some students stayed: say which and why before closing.
        self._show_result(self.transfer_result)
        self.destination_box.setEnabled(False)
        for button in (
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Cancel,
        ):
            self.buttons.button(button).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).show()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _show_result(self, result: TransferResult) -> None:
        language = current_language()
        done, skipped = len(result.transferred), len(result.skipped)
        self.result_label.setText(
            self.tr("{0} students transferred to {1}.", "", done).format(
                format_number(done, language), result.to_school
            )
            + " "
            + self.tr("{0} students stayed:", "", skipped).format(
                format_number(skipped, language)
            )
        )
        self.result_label.show()
        self.skipped_list.clear()
        for student in result.skipped:
            self.skipped_list.addItem(
                self.tr("{0}: {1}").format(student.name, student.reason)
            )
        self.skipped_list.show()
