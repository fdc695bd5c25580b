"""Options du plan: whether students or the school create the plans (F-10, F-60)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cams_desktop.db.engine import Database
from cams_desktop.formatting import format_number
from cams_desktop.i18n import current_language
from cams_desktop.services import plan_options
from cams_desktop.services.access import Actor, PermissionDenied
from cams_desktop.services.plan_options import PlanCreationMode
from cams_desktop.views.widgets import error_label

# The explanation's width, in pixels, before it wraps.
EXPLANATION_WIDTH = 460


class PlanOptionsDialog(QDialog):
    """The school's plan creation mode, with what each choice means."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor

        self.mode_box = QGroupBox()
        self.student_button = QRadioButton()
        self.school_button = QRadioButton()
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.student_button)
        self.choices.addButton(self.school_button)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        # Wide enough to read; the dialog then takes the height the text needs.
        self.explanation.setMinimumWidth(EXPLANATION_WIDTH)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
        )

        box_layout = QVBoxLayout(self.mode_box)
        box_layout.addWidget(self.student_button)
        box_layout.addWidget(self.school_button)
        box_layout.addWidget(self.explanation)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # The dialog follows its content: a longer explanation (another
        # choice, another language) grows it rather than being cut.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

        self.choices.buttonToggled.connect(self._on_choice_toggled)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

        mode = plan_options.get_plan_creation_mode(db, actor)
        if mode is PlanCreationMode.STUDENT:
            self.student_button.setChecked(True)
        else:
            self.school_button.setChecked(True)
        self.retranslate()

    # public API

    def mode(self) -> PlanCreationMode:
        if self.student_button.isChecked():
            return PlanCreationMode.STUDENT
        return PlanCreationMode.SCHOOL

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan options"))
        self.mode_box.setTitle(self.tr("Who creates the plans"))
        self.student_button.setText(
            self.tr("Student-directed: students create their own plan")
        )
        self.school_button.setText(
            self.tr("School-directed: staff create one plan per student")
        )
        self._explain()

    # slots

    @Slot()
    def _on_choice_toggled(self) -> None:
        self._explain()

    @Slot()
    def _on_save_clicked(self) -> None:
        self.error_label.hide()
        try:
            if self.mode() is PlanCreationMode.SCHOOL and not self._confirm_plans():
                return
            plan_options.set_plan_creation_mode(self.db, self.actor, self.mode())
        except PermissionDenied as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.accept()

    # Qt overrides

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # private helpers

    def _confirm_plans(self) -> bool:
        """Say how many plans school-directed creation makes, if any."""
        count = plan_options.students_without_plan(self.db, self.actor)
        if count == 0:
            return True
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "{0} students have no plan yet: the school creates their plans "
                "now. Continue?",
                "",
                count,
            ).format(format_number(count, current_language())),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _explain(self) -> None:
        if self.mode() is PlanCreationMode.STUDENT:
            self.explanation.setText(
                self.tr(
                    "A student added here gets an account without a plan; they "
                    "create their plan on the planning site. The planning site "
                    "offers them “create new plan”."
                )
            )
        else:
            self.explanation.setText(
                self.tr(
                    "Adding a student creates their plan. The planning site "
                    "does not offer “create new plan”: each student has "
                    "the one plan the school made."
                )
            )
