"""Promote, demote, graduate, rollover and transfer dialogs on the demo school."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from cams_desktop.db.students import PlanStatus, Student
from cams_desktop.dialogs.grade_dialogs import (
    GradeMoveDialog,
    MoveKind,
    RolloverDialog,
)
from cams_desktop.dialogs.transfer_dialog import TransferDialog
from cams_desktop.models.student_table import TransferredColumn
from cams_desktop.services import grades, students, transfers
from cams_desktop.services.access import actor_for
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui

YEAR = "2027-2028"


@pytest.fixture
def admin(demo_db):
    return actor_for(demo_db, "admin")


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )


def active(demo_db, actor):
    return [
        r
        for r in students.list_students(demo_db, actor)
        if r.plan_status == PlanStatus.ACTIVE
    ]


def state(demo_db):
    with demo_db.read() as session:
        return set(
            session.execute(select(Student.id, Student.grade, Student.plan_status))
        )


def grade_now(demo_db, student_id):
    with demo_db.read() as session:
        student = session.get_one(Student, student_id)
        return student.grade, student.plan_status


def test_dialogs_open_in_french_and_english(qtbot, demo_db, admin, languages):
    rows = active(demo_db, admin)[:3]
    opened = [
        (
            GradeMoveDialog(demo_db, admin, MoveKind.PROMOTE, rows),
            "Faire passer les élèves",
            "Promote students",
        ),
        (
            GradeMoveDialog(demo_db, admin, MoveKind.DEMOTE, rows),
            "Rétrograder les élèves",
            "Demote students",
        ),
        (
            GradeMoveDialog(demo_db, admin, MoveKind.GRADUATE, rows),
            "Diplômer les élèves",
            "Graduate students",
        ),
        (
            RolloverDialog(demo_db, admin, "America/Toronto"),
            "Passage à l'année suivante",
            "Year-end rollover",
        ),
        (TransferDialog(demo_db, admin, rows), "Transférer", "Transfer"),
    ]
    for dialog, french, _ in opened:
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == french

    languages.set_language("en")

    for dialog, _, english in opened:
        assert dialog.windowTitle() == english


def test_promote_the_selection_and_list_who_stayed(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    listed = active(demo_db, admin)
    senior = next(r for r in listed if r.grade == 12)
    juniors = [r for r in listed if r.grade == 9][:2]
    dialog = GradeMoveDialog(demo_db, admin, MoveKind.PROMOTE, [*juniors, senior])
    qtbot.addWidget(dialog)

    assert dialog.selected_button.isChecked()
    assert dialog.selected_button.text() == "The selected students (3)"
    assert dialog.count_label.text() == "3 students will move up one grade."
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    assert dialog.changed
    # (The rest of the sentence is a singular, which the English file words.)
    assert dialog.result_label.text().startswith("2 students promoted. ")
    assert [
        dialog.skipped_list.item(i).text() for i in range(dialog.skipped_list.count())
    ] == [
        f"{senior.first_name} {senior.last_name} (grade 12): Already in grade 12, "
        "the last grade: use Graduate."
    ]
    assert [grade_now(demo_db, r.id)[0] for r in [*juniors, senior]] == [10, 10, 12]
    assert not dialog.run_button.isVisibleTo(dialog)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisibleTo(dialog)
    # Switching language with the result shown re-words it (French checked above).
    languages.set_language("fr")
    assert dialog.result_label.text().startswith("2 ")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)


def test_demote_a_whole_grade(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    by_grade = Counter(r.grade for r in active(demo_db, admin))
    dialog = GradeMoveDialog(demo_db, admin, MoveKind.DEMOTE, [])
    qtbot.addWidget(dialog)

    assert not dialog.selected_button.isEnabled()
    assert dialog.grade_button.isChecked()
    assert [dialog.grade_box.itemText(i) for i in range(dialog.grade_box.count())] == [
        f"Grade {g} ({by_grade[g]} students)" for g in range(7, 13)
    ]
    dialog.grade_box.setCurrentIndex(dialog.grade_box.findData(8))
    assert dialog.count_label.text() == (
        f"{by_grade[8]} students will move down one grade."
    )
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    # Inactive plans of grade 8 stayed: the dialog says so and stays open.
    now = Counter(r.grade for r in active(demo_db, admin))
    assert (now[7], now[8]) == (by_grade[7] + by_grade[8], 0)
    inactive = [
        r
        for r in students.list_students(demo_db, admin)
        if r.grade == 8 and r.plan_status == PlanStatus.INACTIVE
    ]
    assert dialog.skipped_list.count() == len(inactive)
    assert dialog.changed


def test_graduate_the_selection(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    seniors = [r for r in active(demo_db, admin) if r.grade == 12][:2]
    dialog = GradeMoveDialog(demo_db, admin, MoveKind.GRADUATE, seniors)
    qtbot.addWidget(dialog)
    assert not dialog.grade_button.isVisibleTo(dialog)
    assert dialog.count_label.text() == (
        "2 students will graduate: their plans are deactivated. Reactivating a "
        "plan undoes a graduation."
    )
    assert dialog.run_button.text() == "Graduate"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    assert [grade_now(demo_db, r.id) for r in seniors] == [
        (12, PlanStatus.GRADUATED),
        (12, PlanStatus.GRADUATED),
    ]


def test_rollover_preview_apply_and_undo(
    qtbot, qtmodeltester, demo_db, admin, languages, yes
):
    languages.set_language("en")
    before = state(demo_db)
    expected = grades.preview_rollover(demo_db, admin, YEAR)
    dialog = RolloverDialog(demo_db, admin, "America/Toronto")
    qtbot.addWidget(dialog)
    dialog.year_edit.setText(YEAR)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    table = dialog.grade_table
    assert [
        [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())
    ] == [
        [str(g.grade), str(g.moving), str(g.graduating), "0", str(g.skipped)]
        for g in expected.by_grade()
    ]
    assert dialog.model.rowCount() == len(expected.rows)
    qtmodeltester.check(dialog.model)
    assert dialog.summary_label.text() == (
        f"{expected.changes} students will change grade or graduate; "
        f"{len(expected.rows)} students in all."
    )
    assert dialog.last_label.text() == "No rollover to undo."
    assert not dialog.undo_button.isEnabled()
    first = expected.rows[0]
    assert [dialog.model.index(0, c).data() for c in range(4)] == [
        first.name,
        str(first.from_grade),
        "" if first.to_grade is None else str(first.to_grade),
        first.note,
    ]

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.task.ended, timeout=30_000):
        pass

    assert dialog.status_label.text() == (
        f"Rollover to {YEAR} applied: {expected.changes} students changed grade "
        "or graduated."
    )
    assert dialog.changed
    assert dialog.last_label.text().startswith(f"Last rollover: to {YEAR}, on ")
    assert dialog.last_label.text().endswith(f" by {admin.display_name}.")
    assert dialog.undo_button.isEnabled()
    assert not dialog.apply_button.isEnabled()
    assert {dialog.model.index(r, 3).data() for r in range(3)} == {
        f"Already rolled over for {YEAR}."
    }

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.task.ended, timeout=30_000):
        pass

    assert dialog.status_label.text() == (
        f"Rollover to {YEAR} undone: {expected.changes} students put back as they were."
    )
    assert not dialog.skipped_list.isVisibleTo(dialog)
    assert state(demo_db) == before
    assert dialog.apply_button.isEnabled()
    assert not dialog.undo_button.isEnabled()


def test_a_stale_preview_asks_to_preview_again(qtbot, demo_db, admin, languages, yes):
    languages.set_language("en")
    dialog = RolloverDialog(demo_db, admin, "America/Toronto")
    qtbot.addWidget(dialog)
    dialog.year_edit.setText(YEAR)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    students.set_plan_active(demo_db, admin, [active(demo_db, admin)[0].id], False)
    before = state(demo_db)

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.task.ended, timeout=30_000):
        pass

    assert dialog.error_label.text() == (
        "Students changed since the preview was made; nothing was changed. "
        "Preview the rollover again."
    )
    assert state(demo_db) == before
    assert dialog.preview is not None
    assert dialog.preview == grades.preview_rollover(demo_db, admin, YEAR)


def test_a_bad_school_year_is_explained(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    dialog = RolloverDialog(demo_db, admin, "America/Toronto")
    qtbot.addWidget(dialog)
    dialog.year_edit.setText("2027")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Write the school year as two years that follow, like 2026-2027."
    )
    assert dialog.model.rowCount() == 0
    assert not dialog.apply_button.isEnabled()


def test_transfer_dialog_sends_the_students(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    rows = active(demo_db, admin)[:2]
    dialog = TransferDialog(demo_db, admin, rows)
    qtbot.addWidget(dialog)

    assert [
        dialog.destination_box.itemText(i)
        for i in range(dialog.destination_box.count())
    ] == ["École secondaire du Ruisseau", "Lakeview Heights Secondary School"]
    assert dialog.explanation.text().startswith("Transfer 2 students to another ")
    assert dialog.names.text() == ", ".join(
        f"{r.first_name} {r.last_name}" for r in rows
    )
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)

    assert dialog.changed
    left = {r.id for r in rows}
    assert not left & {r.id for r in students.list_students(demo_db, admin)}
    assert {r.student_id for r in transfers.list_transferred(demo_db, admin)} == left


def make_window(qtbot, demo_db, languages, settings, username="admin"):
    window = MainWindow(
        demo_db, actor_for(demo_db, username), languages, settings, "École du Lac"
    )
    qtbot.addWidget(window)
    window.show()
    languages.set_language("en")
    return window


def test_window_offers_the_actions_to_administrators_only(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    window.student_list.table.selectRow(0)
    texts = [a.text() for a in window.view_action_items()]
    assert [t for t in texts if t.endswith("…")][-4:] == [
        "Promote…",
        "Demote…",
        "Graduate…",
        "Transfer…",
    ]
    assert window.rollover_action in window.admin_menu.actions()
    assert {window.promote_action, window.graduate_action} <= set(
        window.student_menu.actions()
    )

    counsellor = make_window(qtbot, demo_db, languages, settings, "conseiller")
    assert counsellor.rollover_action not in counsellor.admin_menu.actions()
    teacher = make_window(qtbot, demo_db, languages, settings, "enseignant")
    teacher.student_list.table.selectRow(0)
    assert not {
        teacher.promote_action,
        teacher.transfer_action,
    } & set(teacher.view_action_items())
    assert teacher.promote_action not in teacher.student_menu.actions()
    assert teacher.student_list.status_box.findData(PlanStatus.TRANSFERRED) == -1


def test_transferred_students_show_read_only(
    qtbot, qtmodeltester, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    rows = active(demo_db, window.actor)[:3]
    destination = transfers.list_transfer_destinations(demo_db, window.actor)[0]
    transfers.transfer_students(
        demo_db, window.actor, [r.id for r in rows], destination.id
    )
    window.reload()
    assert not {r.id for r in rows} & {r.id for r in view.model.rows()}

    view.status_box.setCurrentIndex(view.status_box.findData(PlanStatus.TRANSFERRED))

    assert view.status_box.currentText() == "Transferred students"
    assert view.transferred_table.isVisibleTo(view)
    assert not view.table.isVisibleTo(view)
    model = view.transferred_model
    shown = {
        tuple(model.index(r, c).data() for c in TransferredColumn)
        for r in range(model.rowCount())
    }
    (moved,) = {r.transferred_at for r in transfers.list_transferred(
        demo_db, window.actor
    )}  # fmt: skip
    from cams_desktop.formatting import format_date

    day = format_date(moved.date(), "en", "medium")
    assert shown == {
        (r.last_name, r.first_name, str(r.grade), day, destination.name) for r in rows
    }
    assert view.count_label.text() == "3 students transferred to another school"
    qtmodeltester.check(model)
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.ItemIsEnabled
    assert view.selected_rows() == []
    assert not window.view_action_button.isEnabled()
    assert window.view_action_items() == []

    view.status_box.setCurrentIndex(view.status_box.findData(PlanStatus.ACTIVE))
    assert view.table.isVisibleTo(view)
    assert not view.transferred_table.isVisibleTo(view)


def test_promoting_from_the_window_reloads_the_list(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    view.grade_box.setCurrentIndex(view.grade_box.findData(9))
    view.table.selectRow(0)
    chosen = view.selected_rows()[0]

    def promote() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GradeMoveDialog)
        assert dialog.selected_button.text() == "The selected students (1)"
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, promote)
    window.promote_action.trigger()

    assert chosen.id not in view.selected_ids()
    moved = next(r for r in view.model.rows() if r.id == chosen.id)
    assert moved.grade == 10


def test_transfer_dialog_lists_who_stayed(qtbot, demo_db, admin, languages):
    languages.set_language("en")
    rows = [r for r in active(demo_db, admin) if r.grade == 12][:3]
    grades.graduate_students(demo_db, admin, [rows[0].id])
    dialog = TransferDialog(demo_db, admin, rows)
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)

    assert dialog.changed
    assert dialog.result_label.text().startswith(
        "2 students transferred to École secondaire du Ruisseau. "
    )
    assert [
        dialog.skipped_list.item(i).text() for i in range(dialog.skipped_list.count())
    ] == [
        f"{rows[0].first_name} {rows[0].last_name}: Graduated students are not "
        "transferred."
    ]
    assert not dialog.transfer_button.isVisibleTo(dialog)
    languages.set_language("fr")
    assert dialog.result_label.text().startswith("2 ")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).isVisibleTo(
        dialog
    )


def test_reactivating_a_graduate_from_the_window_undoes_the_graduation(
    qtbot, demo_db, admin, languages, settings
):
    senior = next(r for r in active(demo_db, admin) if r.grade == 12)
    grades.graduate_students(demo_db, admin, [senior.id])
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    view.status_box.setCurrentIndex(view.status_box.findData(PlanStatus.GRADUATED))
    view.select_ids({senior.id})

    offered = window.reactivate_action in window.view_action_items()
    window.reactivate_action.trigger()

    assert offered
    assert window.reactivate_action.text() == "Reactivate plan"
    assert grade_now(demo_db, senior.id) == (12, PlanStatus.ACTIVE)
