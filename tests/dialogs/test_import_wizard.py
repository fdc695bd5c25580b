"""The import wizard, driven like a user: file, columns, schools, preview, import."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from cams_desktop.db.students import Student
from cams_desktop.dialogs.import_wizard import ImportRowsModel, ImportWizard
from cams_desktop.services import students
from cams_desktop.services.access import actor_for
from cams_desktop.services.roster.formats import TargetField
from cams_desktop.services.roster.planning import RowKind
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"
CONTOSO = ROSTERS / "oea-contoso-sis" / "students.csv"
WAIT = 30_000


def students_in(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Student)) or 0


def open_wizard(qtbot, db, actor, languages) -> ImportWizard:
    languages.set_language("en")
    wizard = ImportWizard(db, actor)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def go_next(qtbot, wizard: ImportWizard, page) -> None:
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.current_page() is page, timeout=WAIT)
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)


def shown(model: ImportRowsModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(4)]


def test_the_wizard_imports_one_school_of_a_table_file(qtbot, tiny_school, languages):
    db = tiny_school.db
    wizard = open_wizard(qtbot, db, tiny_school.admin, languages)
    assert wizard.current_page() is wizard.source_page
    assert not wizard.back_button.isVisible()
    wizard.path_edit.setText(str(CONTOSO))

    go_next(qtbot, wizard, wizard.mapping_page)
    boxes = wizard.field_boxes
    assert boxes[TargetField.FIRST_NAME].currentText() == "First Name"
    assert boxes[TargetField.LAST_NAME].currentText() == "Last Name"
    assert boxes[TargetField.GRADE].currentText() == "Grade"
    assert boxes[TargetField.SCHOOL_ID].currentText() == "School SIS ID"
    # The email is left out of this import, and remembered so next time.
    boxes[TargetField.EMAIL].setCurrentIndex(0)

    go_next(qtbot, wizard, wizard.schools_page)
    items = [wizard.school_list.item(i) for i in range(wizard.school_list.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == [
        "sch0",
        "sch1",
        "sch2",
        "sch3",
    ]
    wizard.next_button.click()
    assert wizard.error_label.isVisible()  # no school checked yet
    items[0].setCheckState(Qt.CheckState.Checked)

    go_next(qtbot, wizard, wizard.preview_page)
    counts = {kind: value.text() for kind, (_, value) in wizard.count_labels.items()}
    assert counts == {
        RowKind.NEW: "100",
        RowKind.UPDATE: "0",
        RowKind.UNCHANGED: "0",
        RowKind.ERROR: "0",
        RowKind.SKIPPED: "300",
    }
    model = wizard.rows_model
    assert model.rowCount() == 400
    assert shown(model, 0) == [
        "New",
        "students.csv:2",
        "Ibarra, Albert",
        "Username: albertibarra1; Grade: 11",
    ]
    assert wizard.passwords_notice.isVisible()
    assert not wizard.deactivate_missing.isVisible()  # the school had no student
    wizard.errors_only.setChecked(True)
    assert model.rowCount() == 0
    assert students_in(db) == 0

    with qtbot.waitSignal(wizard.imported, timeout=WAIT) as done:
        wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)
    result = done.args[0]
    assert wizard.current_page() is wizard.result_page
    assert (result.added, result.passwords_ignored) == (100, 100)
    assert wizard.result_text.text() == (
        "100 students added.\n"
        "0 students updated.\n"
        "0 students unchanged.\n"
        "0 plans deactivated.\n"
        "100 passwords in the file were ignored: passwords are never stored."
    )
    assert wizard.changed
    assert students_in(db) == 100
    with db.read() as session:
        emails = session.scalars(select(Student.email).distinct()).all()
    assert emails == [None]

    again = open_wizard(qtbot, db, tiny_school.admin, languages)
    again.path_edit.setText(str(CONTOSO))
    go_next(qtbot, again, again.mapping_page)
    assert again.field_boxes[TargetField.EMAIL].currentIndex() == 0
    assert again.field_boxes[TargetField.FIRST_NAME].currentText() == "First Name"


def test_a_bundle_needs_no_mapping_and_the_preview_shows_its_errors(
    qtbot, tiny_school, languages
):
    wizard = open_wizard(qtbot, tiny_school.db, tiny_school.admin, languages)
    wizard.path_edit.setText(str(ROSTERS / "ms-sds-csv-samples" / "sds-v2.1"))

    go_next(qtbot, wizard, wizard.schools_page)
    for i in range(wizard.school_list.count()):
        wizard.school_list.item(i).setCheckState(Qt.CheckState.Checked)
    go_next(qtbot, wizard, wizard.preview_page)
    wizard.errors_only.setChecked(True)
    model = wizard.rows_model
    assert [shown(model, row)[:3] for row in range(model.rowCount())] == [
        ["Error", "users.csv:9", "Miller, Simon"],
    ]
    assert 'roles.csv:8: grade "ps1"' in shown(model, 0)[3]


def test_a_missing_file_is_said_on_the_first_page(qtbot, tiny_school, languages):
    wizard = open_wizard(qtbot, tiny_school.db, tiny_school.admin, languages)
    wizard.next_button.click()
    first = wizard.error_label.text()
    wizard.path_edit.setText(str(ROSTERS / "nothing-here.csv"))
    wizard.next_button.click()

    assert wizard.current_page() is wizard.source_page
    assert first == "Choose the file, folder or zip to import."
    assert wizard.error_label.text().endswith("nothing-here.csv does not exist.")


def test_the_main_window_offers_the_import_to_administrators_and_reloads(
    qtbot, demo_db, languages, settings, monkeypatch
):
    admin = actor_for(demo_db, "admin")
    window = MainWindow(demo_db, admin, languages, settings, "École des Érables")
    qtbot.addWidget(window)
    teacher = MainWindow(
        demo_db, actor_for(demo_db, "enseignant"), languages, settings, "École"
    )
    qtbot.addWidget(teacher)

    def imported(wizard: ImportWizard) -> int:
        wizard.changed = True
        return 1

    monkeypatch.setattr(ImportWizard, "exec", imported)
    with qtbot.waitSignal(window.students_reloaded, timeout=WAIT):
        window.import_action.trigger()

    assert window.import_action in window.admin_menu.actions()
    assert teacher.import_action not in teacher.admin_menu.actions()


def preview_of(qtbot, school, languages, path) -> ImportWizard:
    wizard = open_wizard(qtbot, school.db, school.admin, languages)
    wizard.path_edit.setText(str(path))
    go_next(qtbot, wizard, wizard.mapping_page)
    go_next(qtbot, wizard, wizard.preview_page)
    return wizard


def test_deactivating_is_offered_only_for_a_file_that_matches_the_school(
    qtbot, tiny_school, languages, tmp_path, monkeypatch
):
    db, admin = tiny_school.db, tiny_school.admin
    for first in ("Zoé", "Louis", "Marc"):
        students.add_student(
            db,
            admin,
            students.StudentDraft(first, "Roy", 9, username=f"{first[0].lower()}roy"),
        )
    files = {
        "problems": "First Name,Last Name,Grade,Grade\nZoé,Roy,9,9\n",
        "empty": "First Name,Last Name,Grade\n",
        "one": "First Name,Last Name,Grade,Username\nZoé,Roy,9,zroy\n",
    }
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def warning(parent, title, text, *rest):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", warning)

    with_problems = preview_of(qtbot, tiny_school, languages, tmp_path / "problems.csv")
    empty = preview_of(qtbot, tiny_school, languages, tmp_path / "empty.csv")
    one = preview_of(qtbot, tiny_school, languages, tmp_path / "one.csv")
    offered = [
        (w.missing_list.count(), w.deactivate_missing.isVisible())
        for w in (with_problems, empty, one)
    ]
    one.deactivate_missing.setChecked(True)
    one.next_button.click()
    declined = one.current_page() is one.preview_page
    with qtbot.waitSignal(one.imported, timeout=WAIT) as done:
        one.next_button.click()
    qtbot.waitUntil(lambda: one.task is None, timeout=WAIT)

    assert offered == [(2, False), (3, False), (2, True)]
    assert with_problems.file_problems.isVisible()
    assert not with_problems.next_button.isEnabled()
    assert declined
    assert (
        asked
        == [
            "This import will deactivate the plans of 2 of the 3 active students of "
            "the school. Deactivate them?"
        ]
        * 2
    )
    assert done.args[0].deactivated == 2


def test_an_unreadable_file_is_logged_as_one_line_without_its_content(
    qtbot, tiny_school, languages, tmp_path, caplog
):
    empty = tmp_path / "Dossier de Zoé Roy"
    empty.mkdir()
    wizard = open_wizard(qtbot, tiny_school.db, tiny_school.admin, languages)
    wizard.path_edit.setText(str(empty))

    with caplog.at_level(logging.INFO, logger="cams_desktop.views.background"):
        wizard.next_button.click()
        qtbot.waitUntil(lambda: wizard.task is None, timeout=WAIT)

    assert wizard.error_label.text() == "The folder holds no CSV or Excel file."
    assert [
        (r.levelno, r.getMessage(), r.exc_info)
        for r in caplog.records
        if r.name == "cams_desktop.views.background"
    ] == [(logging.WARNING, "background task refused: RosterError", None)]
