"""New passwords, login history and plan options dialogs, and their menu items."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from cams_desktop.dialogs.login_dialogs import LoginHistoryDialog, NewPasswordsDialog
from cams_desktop.dialogs.plan_options_dialog import PlanOptionsDialog
from cams_desktop.dialogs.student_dialog import StudentDialog
from cams_desktop.formatting import format_datetime
from cams_desktop.services import plan_options, student_logins, students
from cams_desktop.services.access import NotFound, actor_for
from cams_desktop.services.plan_options import PlanCreationMode
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def admin(demo_db):
    return actor_for(demo_db, "admin")


def cells(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_new_passwords_are_shown_copied_printed_then_forgotten(
    qtbot, demo_db, admin, settings, languages, tmp_path, monkeypatch
):
    rows = students.list_students(demo_db, admin)[:2]
    news = student_logins.reset_passwords(demo_db, admin, [r.id for r in rows])
    dialog = NewPasswordsDialog(demo_db, admin, news, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    languages.set_language("en")

    assert dialog.windowTitle() == "New passwords"
    assert dialog.warning.text().startswith(
        "These passwords are shown only now and will not be shown again."
    )
    assert cells(dialog.table) == [[n.name, n.username, n.password] for n in news]

    dialog.copy_button.click()
    copied = "\n".join(f"{n.name}\t{n.username}\t{n.password}" for n in news)
    assert QGuiApplication.clipboard().text() == copied

    out = tmp_path / "fiches"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args: (str(out / "groupe-9"), "PDF files (*.pdf)"),
    )
    dialog.print_button.click()
    printed = out / "groupe-9.pdf"
    assert [p.name for p in out.iterdir()] == ["groupe-9.pdf"]
    texts = [page.extract_text() for page in PdfReader(printed).pages]
    assert len(texts) == 2
    assert all(any(n.password in text for text in texts) for n in news)
    assert dialog.saved_label.isVisible()
    assert "groupe-9.pdf" in dialog.saved_label.text()
    assert not dialog.error_label.isVisible()
    assert settings.value("print/folder") == str(out)

    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.table.rowCount() == 0
    assert QGuiApplication.clipboard().text() == ""
    assert all(
        student_logins.check_student_password(demo_db, n.username, n.password)
        for n in news
    )


def test_a_slip_file_that_cannot_be_written_is_reported(
    qtbot, demo_db, admin, settings, languages, tmp_path, monkeypatch
):
    languages.set_language("en")
    row = students.list_students(demo_db, admin)[0]
    news = student_logins.reset_passwords(demo_db, admin, [row.id])
    dialog = NewPasswordsDialog(demo_db, admin, news, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    missing = tmp_path / "missing" / "slips.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(missing), "")
    )

    dialog.print_button.click()

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "The file could not be written (No such file or directory)."
    )
    assert not dialog.saved_label.isVisible()
    assert not missing.parent.exists()


def test_login_history_dialog_lists_the_logins_newest_first(
    qtbot, demo_db, admin, languages
):
    rows = students.list_students(demo_db, admin)
    histories = {r.id: student_logins.login_history(demo_db, admin, r.id) for r in rows}
    row = max(rows, key=lambda r: histories[r.id].count)
    history = histories[row.id]
    zone = students.school_time_zone(demo_db, admin)
    dialog = LoginHistoryDialog(demo_db, admin, row)
    qtbot.addWidget(dialog)
    dialog.show()

    assert [c[0] for c in cells(dialog.table)] == [
        format_datetime(e.occurred_at, "fr", zone) for e in history.events
    ]

    languages.set_language("en")

    assert dialog.windowTitle() == (f"Login history — {row.first_name} {row.last_name}")
    assert dialog.count_label.text() == f"{history.count} logins"
    assert dialog.last_label.text() == (
        f"Last login: {format_datetime(history.last, 'en', zone)}"
    )
    sources = {"web": "Planning site", "mobile": "Mobile app"}
    assert cells(dialog.table) == [
        [format_datetime(e.occurred_at, "en", zone), sources[e.source]]
        for e in history.events
    ]
    assert history.count == len(history.events) >= 4

    never = next(r for r in rows if histories[r.id].count == 0)
    empty = LoginHistoryDialog(demo_db, admin, never)
    qtbot.addWidget(empty)
    assert empty.count_label.text() == "0 logins"
    assert empty.last_label.text() == "The student has never signed in."
    assert empty.table.rowCount() == 0


def test_login_history_of_a_student_outside_the_caseload_is_refused(
    qtbot, demo_db, admin
):
    teacher = actor_for(demo_db, "enseignant")
    mine = {r.id for r in students.list_students(demo_db, teacher)}
    other = next(r for r in students.list_students(demo_db, admin) if r.id not in mine)
    with pytest.raises(NotFound):
        LoginHistoryDialog(demo_db, teacher, other)


def test_plan_options_dialog_saves_the_mode(
    qtbot, demo_db, admin, languages, monkeypatch
):
    asked: list[str] = []

    def answer(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    for username in ("sansplan1", "sansplan2"):
        students.add_student(
            demo_db,
            admin,
            students.StudentDraft("Léa", "Sansplan", 9, username=username),
        )
    waiting = plan_options.students_without_plan(demo_db, admin)
    dialog = PlanOptionsDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    languages.set_language("en")

    assert dialog.windowTitle() == "Plan options"
    assert dialog.student_button.isChecked()
    assert dialog.explanation.text().startswith("A student added here gets an account")
    fits = [
        dialog.explanation.height()
        >= dialog.explanation.heightForWidth(dialog.explanation.width())
    ]

    dialog.school_button.click()
    qtbot.wait(10)
    fits.append(
        dialog.explanation.height()
        >= dialog.explanation.heightForWidth(dialog.explanation.width())
    )
    assert dialog.explanation.text().startswith("Adding a student creates their plan.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert fits == [True, True]
    assert waiting == 2
    assert asked == [
        "2 students have no plan yet: the school creates their plans now. Continue?"
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert plan_options.get_plan_creation_mode(demo_db, admin) is (
        PlanCreationMode.SCHOOL
    )
    assert plan_options.students_without_plan(demo_db, admin) == 0


def test_plan_options_dialog_keeps_the_mode_when_the_plans_are_not_wanted(
    qtbot, demo_db, admin, languages, monkeypatch
):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No
    )
    students.add_student(
        demo_db, admin, students.StudentDraft("Léa", "Sansplan", 9, username="lea")
    )
    dialog = PlanOptionsDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.school_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.isVisible()
    assert plan_options.get_plan_creation_mode(demo_db, admin) is (
        PlanCreationMode.STUDENT
    )


def test_plan_options_refused_to_a_school_administrator(qtbot, demo_db, languages):
    languages.set_language("en")
    counsellor = actor_for(demo_db, "conseiller")
    dialog = PlanOptionsDialog(demo_db, counsellor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.school_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Your access level does not allow this action."
    )
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert plan_options.get_plan_creation_mode(demo_db, counsellor) is (
        PlanCreationMode.STUDENT
    )


def test_add_student_dialog_says_when_students_create_their_plan(
    qtbot, demo_db, admin, languages
):
    languages.set_language("en")
    first = students.list_students(demo_db, admin)[0]
    adding = StudentDialog(demo_db, admin, None)
    editing = StudentDialog(demo_db, admin, first.id)
    for dialog in (adding, editing):
        qtbot.addWidget(dialog)
        dialog.show()
    assert adding.plan_note.isVisible()
    assert adding.plan_note.text() == (
        "The student will create their plan on the planning site; "
        "this school lets students direct their plans."
    )
    assert not editing.plan_note.isVisible()

    plan_options.set_plan_creation_mode(demo_db, admin, PlanCreationMode.SCHOOL)
    school_directed = StudentDialog(demo_db, admin, None)
    qtbot.addWidget(school_directed)
    school_directed.show()
    assert not school_directed.plan_note.isVisible()


# -- from the window's View/Action menu -------------------------------------------


def make_window(qtbot, demo_db, languages, settings, username):
    window = MainWindow(
        demo_db, actor_for(demo_db, username), languages, settings, "École du Lac"
    )
    qtbot.addWidget(window)
    window.show()
    languages.set_language("en")
    return window


def test_reset_password_from_the_menu_shows_the_new_password(
    qtbot, demo_db, languages, settings, monkeypatch
):
    window = make_window(qtbot, demo_db, languages, settings, "conseiller")
    window.student_list.table.selectRow(0)
    row = window.student_list.selected_rows()[0]
    items = [a.text() for a in window.view_action_items()]
    assert {"Login history", "Allow inviting others", "Reset password…"} <= set(items)
    questions = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text: (
            questions.append((title, text)) or QMessageBox.StandardButton.Yes
        ),
    )
    shown = []
    monkeypatch.setattr(
        NewPasswordsDialog, "exec", lambda self: shown.append(cells(self.table)) or 0
    )

    window.reset_password_action.trigger()

    assert questions == [
        (
            "Reset password",
            "Give this student a new password? Their current password stops "
            f"working at once.\n\n{row.first_name} {row.last_name}",
        )
    ]
    [[[name, username, password]]] = shown
    assert (name, username) == (f"{row.first_name} {row.last_name}", row.username)
    assert student_logins.check_student_password(demo_db, username, password)


def test_invite_others_toggle_reflects_and_sets_the_students(
    qtbot, demo_db, languages, settings, monkeypatch
):
    window = make_window(qtbot, demo_db, languages, settings, "conseiller")
    view = window.student_list
    view.table.selectRow(0)
    ids = view.selected_ids()
    student_logins.set_invite_others(demo_db, window.actor, ids, True)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: next(answers))

    window.view_action_items()
    assert window.invite_others_action.isChecked()
    window.invite_others_action.trigger()
    assert student_logins.invite_others_state(demo_db, window.actor, ids).allowed

    window.view_action_items()
    window.invite_others_action.trigger()
    assert not student_logins.invite_others_state(demo_db, window.actor, ids).allowed
    window.view_action_items()
    assert not window.invite_others_action.isChecked()

    window.invite_others_action.trigger()
    assert student_logins.invite_others_state(demo_db, window.actor, ids).allowed


def test_plan_options_only_in_a_program_administrators_menu(
    qtbot, demo_db, languages, settings
):
    admin = make_window(qtbot, demo_db, languages, settings, "admin")
    assert admin.plan_options_action in admin.admin_menu.actions()
    assert admin.plan_options_action.text() == "Plan options…"
    counsellor = make_window(qtbot, demo_db, languages, settings, "conseiller")
    assert counsellor.plan_options_action not in counsellor.admin_menu.actions()
