"""Add student, Edit profile, Notes and Export dialogs, in both languages."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.students import Student
from cams_desktop.dialogs.export_dialog import ExportDialog
from cams_desktop.dialogs.notes_dialog import NotesDialog
from cams_desktop.dialogs.student_dialog import StudentDialog
from cams_desktop.reports.exporters import ExportFormat
from cams_desktop.services import students
from cams_desktop.services.access import actor_for

pytestmark = pytest.mark.gui


@pytest.fixture
def counsellor(demo_db):
    return actor_for(demo_db, "conseiller")


@pytest.fixture
def first_row(demo_db, counsellor):
    return students.list_students(demo_db, counsellor)[0]


def dialogs(demo_db, counsellor, first_row, settings):
    rows = students.list_students(demo_db, counsellor)[:3]
    return {
        "add": (
            StudentDialog(demo_db, counsellor, None),
            "Ajouter un(e) élève",
            "Add a student",
        ),
        "edit": (
            StudentDialog(demo_db, counsellor, first_row.id),
            "Modifier le profil",
            "Edit profile",
        ),
        "notes": (
            NotesDialog(demo_db, counsellor, first_row),
            f"Notes — {first_row.first_name} {first_row.last_name}",
            f"Notes — {first_row.first_name} {first_row.last_name}",
        ),
        "export": (
            ExportDialog(demo_db, counsellor, rows, settings),
            "Exporter la liste",
            "Export the list",
        ),
    }


def test_every_dialog_opens_in_french_and_english(
    qtbot, demo_db, counsellor, first_row, settings, languages
):
    opened = dialogs(demo_db, counsellor, first_row, settings)
    for dialog, french, _ in opened.values():
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == french

    languages.set_language("en")

    for name, (dialog, _, english) in opened.items():
        assert dialog.windowTitle() == english, name
    add = opened["add"][0]
    assert add._labels["first_name"].text() == "First name *"
    assert add.gender.itemText(add.gender.currentIndex()) == "Not specified"
    notes = opened["notes"][0]
    assert notes.save_button.text() == "Add note"
    export = opened["export"][0]
    assert export.summary.text() == "3 students, as filtered and sorted in the list."
    assert export.column_list.item(0).text() == "Last name"

    languages.set_language("fr")
    assert add._labels["first_name"].text() == "Prénom *"
    assert add.gender.itemText(add.gender.currentIndex()) == "Non précisé"
    assert export.format_box.itemText(0) == "Classeur Excel (.xlsx)"


def test_add_student_shows_errors_and_the_free_username(
    qtbot, demo_db, counsellor, first_row, languages
):
    dialog = StudentDialog(demo_db, counsellor, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("Zoé")
    dialog.last_name.setText("O’Neil-Tremblay")
    dialog.username.setText(first_row.username.upper())
    dialog.birth_date.known.setChecked(True)
    dialog.birth_date.edit.setDate(QDate(2011, 5, 2))

    dialog._on_save_clicked()

    error = dialog.error_labels["username"]
    assert error.isVisible()
    suggestion = dialog._suggestion
    assert suggestion is not None and suggestion.startswith(
        first_row.username.lower().rstrip("0123456789")
    )
    assert error.text() == (
        f"Le nom d'utilisateur {first_row.username.upper()} est déjà pris dans "
        f"le conseil scolaire. {suggestion} est libre."
    )
    assert dialog.suggestion_button.text() == f"Utiliser {suggestion}"
    assert dialog.result() == 0

    qtbot.mouseClick(dialog.suggestion_button, Qt.MouseButton.LeftButton)
    assert dialog.username.text() == suggestion
    dialog._on_save_clicked()

    assert dialog.result() == 1
    with demo_db.read() as session:
        saved = session.get_one(Student, dialog.saved_id)
    assert (saved.first_name, saved.last_name, saved.username, saved.birth_date) == (
        "Zoé",
        "O’Neil-Tremblay",
        suggestion,
        dt.date(2011, 5, 2),
    )


def test_required_fields_are_named(qtbot, demo_db, counsellor, languages):
    dialog = StudentDialog(demo_db, counsellor, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._on_save_clicked()
    assert (
        dialog.error_labels["first_name"].text()
        == "Le champ « Prénom » est obligatoire."
    )
    assert (
        dialog.error_labels["last_name"].text()
        == "Le champ « Nom de famille » est obligatoire."
    )
    assert (
        dialog.error_labels["username"].text()
        == "Le nom d'utilisateur est obligatoire."
    )
    assert not dialog.error_labels["email"].isVisible()


def test_edit_profile_saves_and_shows_the_change_in_history(
    qtbot, demo_db, counsellor, first_row, languages
):
    dialog = StudentDialog(demo_db, counsellor, first_row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_name.text() == first_row.first_name
    new_grade = 12 if first_row.grade != 12 else 11
    dialog.grade.setValue(new_grade)
    dialog._on_save_clicked()
    assert dialog.result() == 1

    with demo_db.read() as session:
        audit = session.execute(
            select(
                AuditEntry.field,
                AuditEntry.old_value,
                AuditEntry.new_value,
                AuditEntry.actor_id,
            ).where(AuditEntry.row_id == first_row.id, AuditEntry.action == "update")
        ).all()
    assert audit == [
        ("grade", str(first_row.grade), str(new_grade), counsellor.staff_id)
    ]

    again = StudentDialog(demo_db, counsellor, first_row.id)
    qtbot.addWidget(again)
    top = again.history.topLevelItem(0)
    assert [top.text(i) for i in range(1, 5)] == [
        counsellor.display_name,
        "Année",
        str(first_row.grade),
        str(new_grade),
    ]


def test_private_note_stays_private_between_two_users(
    qtbot, demo_db, counsellor, languages, monkeypatch
):
    teacher = actor_for(demo_db, "enseignant")
    row = students.list_students(demo_db, teacher)[0]
    mine = NotesDialog(demo_db, counsellor, row)
    qtbot.addWidget(mine)
    before = mine.note_list.count()
    mine.editor.setPlainText("Entretien confidentiel — famille")
    mine.private_box.setChecked(True)
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    mine.editor.setPlainText("Visible par l’équipe")
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)

    assert mine.note_list.count() == before + 2
    assert mine.note_list.item(0).text().endswith("\nVisible par l’équipe")
    assert "(privée)" in mine.note_list.item(1).text().split("\n")[0]

    theirs = NotesDialog(demo_db, teacher, row)
    qtbot.addWidget(theirs)
    texts = [theirs.note_list.item(i).text() for i in range(theirs.note_list.count())]
    assert texts[0].endswith("\nVisible par l’équipe")
    assert not any("Entretien confidentiel" in t for t in texts)
    theirs.note_list.setCurrentRow(0)
    assert not theirs.edit_button.isEnabled()
    assert not theirs.delete_button.isEnabled()

    mine.note_list.setCurrentRow(0)
    assert mine.edit_button.isEnabled()
    qtbot.mouseClick(mine.edit_button, Qt.MouseButton.LeftButton)
    assert mine.save_button.text() == "Enregistrer les modifications"
    mine.editor.setPlainText("Visible par l’équipe (corrigé)")
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    assert mine.note_list.item(0).text().endswith("\nVisible par l’équipe (corrigé)")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    mine.note_list.setCurrentRow(0)
    qtbot.mouseClick(mine.delete_button, Qt.MouseButton.LeftButton)
    assert mine.note_list.count() == before + 1


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_writes_the_list_as_shown(
    qtbot, demo_db, counsellor, settings, tmp_path, languages, fmt, monkeypatch
):
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok
    )
    rows = students.list_students(demo_db, counsellor)[:5][::-1]
    dialog = ExportDialog(demo_db, counsellor, rows, settings)
    qtbot.addWidget(dialog)
    for i in range(dialog.column_list.count()):
        item = dialog.column_list.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in (
            "last_name",
            "first_name",
            "grade",
            "username",
        )
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt.value))
    target = tmp_path / f"liste.{fmt.value}"
    dialog.path_edit.setText(str(target))

    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog._on_export_clicked()

    expected = [["Nom de famille", "Prénom", "Année", "Nom d'utilisateur"]] + [
        [r.last_name, r.first_name, r.grade, r.username] for r in rows
    ]
    if fmt is ExportFormat.XLSX:
        values = (
            CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
        )
        assert [
            [int(v) if isinstance(v, float) else v for v in line] for line in values
        ] == expected
    else:
        raw = target.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw[3:].decode("utf-8")
        assert text.count("\r\n") == 6
        delimiter = "," if fmt is ExportFormat.CSV else "\t"
        parsed = list(csv.reader(text.splitlines(), delimiter=delimiter))
        assert parsed == [[str(v) for v in line] for line in expected]
    assert dialog.export_result is not None and dialog.export_result.rows_written == 5
    assert settings.value("export/format") == fmt.value


def test_export_without_a_file_says_so(qtbot, demo_db, counsellor, settings, languages):
    dialog = ExportDialog(demo_db, counsellor, [], settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._on_export_clicked()
    assert dialog.error_label.text() == "Choisissez le fichier à écrire."


def test_characters_an_xlsx_cannot_hold_are_removed_and_the_user_is_told(
    qtbot, demo_db, counsellor, settings, tmp_path, languages, monkeypatch
):
    told = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    row = students.list_students(demo_db, counsellor)[0]
    with demo_db.transaction(None) as session:
        # As an import from another system could have left it.
        session.get_one(Student, row.id).first_name = "Zo\x07é"
    dialog = ExportDialog(demo_db, counsellor, [row], settings)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("xlsx"))
    target = tmp_path / "liste.xlsx"
    dialog.path_edit.setText(str(target))

    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog._on_export_clicked()

    assert told == [
        "1 élève écrit dans liste.xlsx.\n1 cellule contenait des caractères "
        "qu'un classeur Excel ne peut pas conserver; ils ont été retirés."
    ]
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert sheet[1][1] == "Zoé"


def test_a_cancelled_background_task_reports_the_cancel(qtbot, qapp):
    from PySide6.QtWidgets import QWidget

    from cams_desktop.reports.exporters import ExportCancelled
    from cams_desktop.views.background import BackgroundTask

    def work(progress, cancelled):
        done = 0
        while not cancelled():
            done += 1
            progress(done % 100, 100)
        raise ExportCancelled

    parent = QWidget()
    qtbot.addWidget(parent)
    task = BackgroundTask(parent, "Exportation…", work)
    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        task.start()
        task.cancel()
    assert isinstance(failure.args[0], ExportCancelled)


def test_parents_tab_adds_a_contact_and_reports_a_bad_email(
    qtbot, demo_db, counsellor, first_row, languages
):
    from PySide6.QtWidgets import QTableWidgetItem

    dialog = StudentDialog(demo_db, counsellor, first_row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    before = students.get_profile(demo_db, counsellor, first_row.id).draft.parents or ()
    assert dialog.parent_table.rowCount() == len(before)
    assert dialog.tabs.tabText(1) == "Parents"

    qtbot.mouseClick(dialog.add_parent_button, Qt.MouseButton.LeftButton)
    row = dialog.parent_table.rowCount() - 1
    for column, text in enumerate(
        ("Jiří", "Nováček", "pas-une-adresse", "514-555-0199")
    ):
        dialog.parent_table.setItem(row, column, QTableWidgetItem(text))
    dialog._on_save_clicked()

    assert dialog.result() == 0
    assert dialog.tabs.currentIndex() == 1
    assert dialog.parent_error.text() == (
        f"Parent {row + 1} : pas-une-adresse n'est pas une adresse courriel."
    )

    dialog.parent_table.setItem(row, 2, QTableWidgetItem("jiri@example.org"))
    dialog._on_save_clicked()

    assert dialog.result() == 1
    after = students.get_profile(demo_db, counsellor, first_row.id).draft.parents or ()
    added = [p for p in after if p.first_name == "Jiří"]
    assert [(p.last_name, p.email, p.phone) for p in added] == [
        ("Nováček", "jiri@example.org", "514-555-0199")
    ]
    assert len(after) == len(before) + 1


def test_export_uses_the_formats_extension_and_asks_before_replacing(
    qtbot, demo_db, counsellor, settings, tmp_path, languages, monkeypatch
):
    asked = []

    def refuse(_parent, _title, text):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    existing = tmp_path / "liste.csv"
    existing.write_bytes(b"keep")
    dialog = ExportDialog(
        demo_db, counsellor, students.list_students(demo_db, counsellor)[:2], settings
    )
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.path_edit.setText(str(tmp_path / "liste.xlsx"))

    dialog._on_export_clicked()

    assert dialog.path_edit.text() == str(existing)
    assert asked == ["liste.csv existe déjà. Le remplacer?"]
    assert existing.read_bytes() == b"keep"
    assert dialog.task is None


def test_closing_notes_with_unsaved_text_asks_first(
    qtbot, demo_db, counsellor, first_row, languages, monkeypatch
):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog = NotesDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("Brouillon important")

    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert answers == []
