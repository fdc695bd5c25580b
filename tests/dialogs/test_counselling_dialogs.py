"""Counselling log, Manage logs, Group entries and Annual review dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget

from cams_desktop.dialogs.counselling_dialogs import (
    AnnualReviewDialog,
    CounsellingLogDialog,
    GroupEntriesDialog,
    ManageLogsDialog,
)
from cams_desktop.services import guidance, students
from cams_desktop.services.access import actor_for
from cams_desktop.services.guidance import LogEntryDraft
from cams_desktop.services.readiness import school_year_of

pytestmark = pytest.mark.gui


@pytest.fixture
def counsellor(demo_db):
    return actor_for(demo_db, "conseiller")


@pytest.fixture
def first_row(demo_db, counsellor):
    return students.list_students(demo_db, counsellor)[0]


def rows_with(table: QTableWidget, column: int, text: str) -> list[int]:
    return [
        row for row in range(table.rowCount()) if table.item(row, column).text() == text
    ]


def test_every_dialog_opens_in_french_and_english(
    qtbot, demo_db, counsellor, first_row, languages
):
    name = f"{first_row.first_name} {first_row.last_name}"
    opened = {
        "log": (
            CounsellingLogDialog(demo_db, counsellor, first_row),
            f"Journal de consultation — {name}",
            f"Counselling log — {name}",
        ),
        "manage": (
            ManageLogsDialog(demo_db, counsellor),
            "Gérer les journaux de consultation",
            "Manage counselling logs",
        ),
        "group": (
            GroupEntriesDialog(demo_db, counsellor, [first_row.id]),
            "Gérer les entrées pour des groupes",
            "Group entries",
        ),
        "review": (
            AnnualReviewDialog(demo_db, counsellor, first_row),
            f"Révision annuelle — {name}",
            f"Annual review — {name}",
        ),
    }
    for dialog, french, _ in opened.values():
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == french
    log = opened["log"][0]
    assert isinstance(log, CounsellingLogDialog)
    assert log.save_button.text() == "Ajouter l'entrée"
    assert log.editor.topic.itemText(0) == "(aucun sujet)"
    topics = guidance.list_topics(demo_db, counsellor)
    assert log.editor.topic.itemText(1) == topics[0].label_fr
    group = opened["group"][0]
    assert isinstance(group, GroupEntriesDialog)
    assert group.save_button.text() == (
        "Nouvelle entrée de groupe pour l'élève sélectionné(e)"
    )

    languages.set_language("en")

    for key, (dialog, _, english) in opened.items():
        assert dialog.windowTitle() == english, key
    assert log.save_button.text() == "Add entry"
    assert log.editor.topic.itemText(1) == topics[0].label_en
    assert log.entry_table.horizontalHeaderItem(0).text() == "Session date"
    manage = opened["manage"][0]
    assert isinstance(manage, ManageLogsDialog)
    assert manage.grade_box.itemText(0) == "All grades"
    assert manage.student_table.horizontalHeaderItem(5).text() == "Entries"
    assert group.members_button.text() == "Set members to the selected students"
    review = opened["review"][0]
    assert isinstance(review, AnnualReviewDialog)
    assert review.mark_button.text() == "Mark this year's review complete"

    languages.set_language("fr")
    assert manage.student_table.horizontalHeaderItem(5).text() == "Entrées"
    assert review.mark_button.text() == (
        "Marquer la révision de cette année comme terminée"
    )


def test_add_a_log_entry_keeps_the_text_on_error(
    qtbot, demo_db, counsellor, first_row, languages
):
    dialog = CounsellingLogDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.entry_table.rowCount()
    topic = guidance.list_topics(demo_db, counsellor)[0]
    day = dt.date.today() - dt.timedelta(days=3)

    dialog.editor.description.setPlainText("Parle de l’école d’été.\nÀ revoir.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Une entrée a besoin d'un objet."
    assert dialog.editor.description.toPlainText() == (
        "Parle de l’école d’été.\nÀ revoir."
    )
    assert dialog.entry_table.rowCount() == before

    dialog.editor.session_date.setDate(QDate(day.year, day.month, day.day))
    dialog.editor.topic.setCurrentIndex(dialog.editor.topic.findText(topic.label_fr))
    dialog.editor.subject.setText("Rencontre d’orientation — Zoé")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.error_label.isVisible()
    assert dialog.editor.subject.text() == ""
    assert dialog.entry_table.rowCount() == before + 1
    saved = [
        e
        for e in guidance.list_log(demo_db, counsellor, first_row.id)
        if e.subject == "Rencontre d’orientation — Zoé"
    ]
    assert len(saved) == 1
    assert saved[0].description == "Parle de l’école d’été.\nÀ revoir."
    assert saved[0].session_date == day
    assert saved[0].topic_id == topic.id
    assert saved[0].author_id == counsellor.staff_id
    [row] = rows_with(dialog.entry_table, 2, "Rencontre d’orientation — Zoé")
    assert dialog.entry_table.item(row, 1).text() == topic.label_fr
    assert dialog.entry_table.item(row, 3).text() == "Noémie St-Onge"


def test_only_the_author_edits_an_entry(
    qtbot, demo_db, counsellor, first_row, languages, monkeypatch
):
    other = actor_for(demo_db, "direction")
    today = dt.date.today()
    guidance.add_log_entry(
        demo_db, other, first_row.id, LogEntryDraft(today, None, "Suivi direction", "")
    )
    guidance.add_log_entry(
        demo_db, counsellor, first_row.id, LogEntryDraft(today, None, "Mon suivi", "")
    )
    guidance.add_group_entry(
        demo_db,
        counsellor,
        [first_row.id],
        LogEntryDraft(today, None, "Atelier CV", "En groupe"),
    )

    mine = CounsellingLogDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(mine)
    mine.show()
    table = mine.entry_table
    [theirs] = rows_with(table, 2, "Suivi direction")
    table.selectRow(theirs)
    assert not mine.edit_button.isEnabled()
    assert not mine.delete_button.isEnabled()

    [copy] = rows_with(table, 2, "Atelier CV")
    table.selectRow(copy)
    assert table.item(copy, 4).text() == "(groupe)"
    assert mine.details.toPlainText() == "En groupe"
    assert not mine.edit_button.isEnabled()
    assert mine.group_note.isVisible()

    [own] = rows_with(table, 2, "Mon suivi")
    table.selectRow(own)
    assert mine.edit_button.isEnabled()
    assert not mine.group_note.isVisible()
    qtbot.mouseClick(mine.edit_button, Qt.MouseButton.LeftButton)
    assert mine.save_button.text() == "Enregistrer les modifications"
    mine.editor.subject.setText("Mon suivi (corrigé)")
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    subjects = [e.subject for e in guidance.list_log(demo_db, counsellor, first_row.id)]
    assert "Mon suivi (corrigé)" in subjects
    assert "Mon suivi" not in subjects

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    [own] = rows_with(table, 2, "Mon suivi (corrigé)")
    table.selectRow(own)
    qtbot.mouseClick(mine.delete_button, Qt.MouseButton.LeftButton)
    assert rows_with(table, 2, "Mon suivi (corrigé)") == []

    theirs_dialog = CounsellingLogDialog(demo_db, other, first_row)
    qtbot.addWidget(theirs_dialog)
    [row] = rows_with(theirs_dialog.entry_table, 2, "Suivi direction")
    theirs_dialog.entry_table.selectRow(row)
    assert theirs_dialog.edit_button.isEnabled()


def test_closing_with_unsaved_text_asks(
    qtbot, demo_db, counsellor, first_row, languages, monkeypatch
):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog = CounsellingLogDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.subject.setText("Pas encore enregistré")
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert answers == []


def test_manage_logs_shows_the_count_of_a_student(
    qtbot, demo_db, counsellor, first_row, languages
):
    today = dt.date.today()
    for subject in ("Premier suivi", "Deuxième suivi"):
        guidance.add_log_entry(
            demo_db, counsellor, first_row.id, LogEntryDraft(today, None, subject, "")
        )
    expected = len(guidance.list_log(demo_db, counsellor, first_row.id))

    dialog = ManageLogsDialog(demo_db, counsellor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText(first_row.username)
    table = dialog.student_table
    [row] = rows_with(table, 3, first_row.username)
    assert table.item(row, 0).text() == first_row.last_name
    assert table.item(row, 5).text() == str(expected)
    assert table.item(row, 6).text() != ""
    assert dialog.count_label.text() == f"Élèves affichés : {table.rowCount()}"

    table.selectRow(row)
    log = dialog.log_dialog(first_row.id)
    assert log is not None
    qtbot.addWidget(log)
    assert log.windowTitle() == (
        f"Journal de consultation — {first_row.first_name} {first_row.last_name}"
    )
    assert log.entry_table.rowCount() == expected


def test_group_entry_reaches_every_selected_student(
    qtbot, demo_db, counsellor, languages, monkeypatch
):
    chosen = students.list_students(demo_db, counsellor)[:4]
    three = [row.id for row in chosen[:3]]
    dialog = GroupEntriesDialog(demo_db, counsellor, three)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.text() == (
        "Nouvelle entrée de groupe pour les 3 élèves sélectionnés"
    )
    dialog.editor.subject.setText("Atelier « Mon avenir »")
    dialog.editor.description.setPlainText("Présentation des programmes.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [group] = [
        g
        for g in guidance.list_group_entries(demo_db, counsellor)
        if g.subject == "Atelier « Mon avenir »"
    ]
    assert group.student_ids == frozenset(three)
    for student_id in three:
        subjects = [
            e.subject for e in guidance.list_log(demo_db, counsellor, student_id)
        ]
        assert subjects.count("Atelier « Mon avenir »") == 1
    [row] = rows_with(dialog.group_table, 2, "Atelier « Mon avenir »")
    assert dialog.group_table.item(row, 3).text() == "3"

    dialog.group_table.selectRow(row)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert dialog.editor.description.toPlainText() == "Présentation des programmes."
    dialog.editor.subject.setText("Atelier « Mon avenir » (2e partie)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    for student_id in three:
        subjects = [
            e.subject for e in guidance.list_log(demo_db, counsellor, student_id)
        ]
        assert "Atelier « Mon avenir » (2e partie)" in subjects
        assert "Atelier « Mon avenir »" not in subjects

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    others = GroupEntriesDialog(demo_db, counsellor, [three[0], chosen[3].id])
    qtbot.addWidget(others)
    others.show()
    [row] = rows_with(others.group_table, 2, "Atelier « Mon avenir » (2e partie)")
    others.group_table.selectRow(row)
    qtbot.mouseClick(others.members_button, Qt.MouseButton.LeftButton)
    assert others.status_label.text() == "1 ajouté(s), 2 retiré(s)"
    [group] = [
        g for g in guidance.list_group_entries(demo_db, counsellor) if g.id == group.id
    ]
    assert group.student_ids == frozenset({three[0], chosen[3].id})

    empty = GroupEntriesDialog(demo_db, counsellor, [])
    qtbot.addWidget(empty)
    assert not empty.save_button.isEnabled()
    empty.group_table.selectRow(0)
    assert not empty.members_button.isEnabled()


def test_annual_review_in_a_required_grade(
    qtbot, demo_db, counsellor, first_row, languages
):
    admin = actor_for(demo_db, "admin")
    guidance.set_annual_review_grades(demo_db, admin, {first_row.grade})
    dialog = AnnualReviewDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.isEnabled()
    assert not dialog.not_required_label.isVisible()
    dialog.comment.setPlainText("Plan revu avec la famille.")
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)

    today = dt.date.today()
    year = school_year_of(today)
    reviews = guidance.annual_reviews(demo_db, counsellor, first_row.id)
    assert reviews[0] == guidance.ReviewRow(
        year, today, "Noémie St-Onge", "Plan revu avec la famille."
    )
    assert dialog.review_table.item(0, 0).text() == f"{year}–{year + 1}"
    assert dialog.review_table.item(0, 3).text() == "Plan revu avec la famille."
    assert dialog.comment.toPlainText() == ""


def test_annual_review_form_is_disabled_when_not_required(
    qtbot, demo_db, counsellor, first_row, languages
):
    admin = actor_for(demo_db, "admin")
    other_grade = 12 if first_row.grade != 12 else 11
    guidance.set_annual_review_grades(demo_db, admin, {other_grade})
    dialog = AnnualReviewDialog(demo_db, counsellor, first_row)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.form.isEnabled()
    assert not dialog.mark_button.isEnabled()
    assert dialog.not_required_label.isVisible()
    assert dialog.not_required_label.text() == (
        f"L'année de l'élève ({first_row.grade}) n'exige pas de révision annuelle."
    )
    languages.set_language("en")
    assert dialog.not_required_label.text() == (
        f"The student's grade ({first_row.grade}) does not require an annual review."
    )
