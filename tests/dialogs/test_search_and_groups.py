"""Advanced search, saved searches and groups, as a user drives them in the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from cams_desktop.db.students import Gender, GroupKind, PlanStatus
from cams_desktop.dialogs.export_dialog import ExportDialog
from cams_desktop.dialogs.groups_dialog import GroupMembershipDialog, GroupsDialog
from cams_desktop.dialogs.message_dialogs import SendMessageDialog
from cams_desktop.dialogs.print_dialog import PrintDialog, PrintKind
from cams_desktop.dialogs.search_dialog import SearchDialog
from cams_desktop.models.student_table import Column
from cams_desktop.services import groups, search, students
from cams_desktop.services.access import actor_for
from cams_desktop.services.search import StudentSearch
from cams_desktop.text import fold
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui


def make_window(qtbot, demo_db, languages, settings, username="conseiller"):
    window = MainWindow(
        demo_db, actor_for(demo_db, username), languages, settings, "École du Lac"
    )
    qtbot.addWidget(window)
    window.show()
    return window


def shown(window) -> list[str]:
    proxy = window.student_list.proxy
    return [proxy.index(r, Column.USERNAME).data() for r in range(proxy.rowCount())]


def listed(demo_db, username="conseiller"):
    return students.list_students(demo_db, actor_for(demo_db, username))


def choose(box, value) -> None:
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == value))


def test_advanced_search_narrows_the_list_until_removed(
    qtbot, demo_db, languages, settings, monkeypatch
):
    languages.set_language("en")
    window = make_window(qtbot, demo_db, languages, settings)
    rows = listed(demo_db)
    active = [r.username for r in rows if r.plan_status == PlanStatus.ACTIVE]
    expected = [
        r.username
        for r in rows
        if r.grade in (10, 11)
        and r.gender == Gender.FEMALE
        and "a" in fold(r.last_name)
    ]
    assert 0 < len(expected) < 60
    assert shown(window) == active

    def fill_in(dialog: SearchDialog) -> int:
        dialog.grade_boxes[10].setChecked(True)
        dialog.grade_boxes[11].setChecked(True)
        dialog.last_name.setText("A")
        choose(dialog.gender_box, "female")
        choose(dialog.status_box, None)
        dialog.search_button.click()
        return dialog.result()

    monkeypatch.setattr(SearchDialog, "exec", fill_in)
    window.search_action.trigger()

    view = window.student_list
    # The search does not name a plan status: the bar's "active" still applies.
    assert shown(window) == [
        r.username
        for r in rows
        if r.username in expected and r.plan_status == PlanStatus.ACTIVE
    ]
    assert view.search_bar.isVisible()
    assert view.search_label.text() == (
        "Search: Grade: 10, 11; Last name contains “A”; Gender: Female"
    )
    assert view.count_label.text() == (
        f"{len(shown(window))} of {len(rows)} students shown"
    )

    # The filter bar narrows the search result further.
    typed = expected[0][:2]
    view.filter_edit.setText(typed)
    assert shown(window) == [
        r.username
        for r in rows
        if r.username in expected
        and r.plan_status == PlanStatus.ACTIVE
        and fold(typed) in r.search_text
    ]
    view.filter_edit.clear()

    view.clear_search_button.click()
    assert not view.search_bar.isVisible()
    assert view.search() is None
    assert shown(window) == active


def test_a_search_on_plan_status_shows_those_plans(qtbot, demo_db, languages, settings):
    window = make_window(qtbot, demo_db, languages, settings, "admin")
    rows = listed(demo_db, "admin")
    inactive = [r.username for r in rows if r.plan_status == PlanStatus.INACTIVE]
    assert inactive

    window.student_list.set_search(StudentSearch(plan_status=PlanStatus.INACTIVE))

    assert shown(window) == inactive
    assert window.student_list.status_box.currentData() is None


def test_a_saved_search_is_applied_from_the_menu(qtbot, demo_db, languages, settings):
    actor = actor_for(demo_db, "conseiller")
    grade_12 = StudentSearch(grades=frozenset({12}), gender=Gender.MALE)
    search.save_search(demo_db, actor, "Finissants", grade_12)
    search.save_search(demo_db, actor, "Aucun", StudentSearch(last_name="zzzz"))
    search.save_search(
        demo_db, actor_for(demo_db, "admin"), "Pas à moi", StudentSearch()
    )
    window = make_window(qtbot, demo_db, languages, settings)

    window.saved_searches_menu.aboutToShow.emit()
    actions = window.saved_searches_menu.actions()
    assert [a.text() for a in actions] == ["Aucun", "Finissants"]
    actions[1].trigger()

    assert window.student_list.search() == grade_12
    assert shown(window) == [
        r.username
        for r in listed(demo_db)
        if r.grade == 12
        and r.gender == Gender.MALE
        and r.plan_status == PlanStatus.ACTIVE
    ]
    actions[0].trigger()
    assert shown(window) == []
    assert window.student_list.count_label.text().startswith("0 ")


def test_the_search_dialog_saves_renames_and_deletes_searches(
    qtbot, demo_db, languages, settings, monkeypatch
):
    languages.set_language("en")
    actor = actor_for(demo_db, "conseiller")
    counsellor = students.list_counsellors(demo_db, actor)[0]
    dialog = SearchDialog(demo_db, actor)
    qtbot.addWidget(dialog)
    dialog.grade_boxes[9].setChecked(True)
    dialog.username.setText("  ab ")
    choose(dialog.counsellor_box, counsellor.id)
    names = iter([("Mes 9e", True), ("mes 9E", True), ("Neuvième", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(names))

    dialog.save_as_button.click()
    wanted = StudentSearch(
        grades=frozenset({9}), username="ab", counsellor_id=counsellor.id
    )
    assert [(s.name, s.search) for s in search.list_saved_searches(demo_db, actor)] == [
        ("Mes 9e", wanted)
    ]
    assert dialog.saved_list.currentItem().text() == "Mes 9e"

    dialog.save_as_button.click()
    assert dialog.error_label.text() == (
        "You already have a saved search named “mes 9E”."
    )

    dialog.rename_button.click()
    assert [s.name for s in search.list_saved_searches(demo_db, actor)] == ["Neuvième"]

    dialog.set_search(StudentSearch())
    dialog.saved_list.setCurrentRow(-1)
    dialog.saved_list.setCurrentRow(0)
    assert dialog.search() == wanted
    dialog.clear_button.click()
    assert dialog.search() == StudentSearch()

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    dialog.delete_button.click()
    assert search.list_saved_searches(demo_db, actor) == []
    assert dialog.saved_list.count() == 0
    assert not dialog.delete_button.isEnabled()


def test_messages_printing_and_export_take_the_search_result(
    qtbot, demo_db, languages, settings, monkeypatch
):
    window = make_window(qtbot, demo_db, languages, settings)
    window.student_list.set_search(StudentSearch(grades=frozenset({9})))
    expected = [
        r.id
        for r in listed(demo_db)
        if r.grade == 9 and r.plan_status == PlanStatus.ACTIVE
    ]
    assert expected
    opened: dict[str, object] = {}

    def capture(name, value):
        opened[name] = value
        return 0

    monkeypatch.setattr(
        SendMessageDialog, "exec", lambda d: capture("message", list(d.student_ids))
    )
    monkeypatch.setattr(
        PrintDialog,
        "exec",
        lambda d: capture(d.kind.value, list(d.criteria().student_ids)),
    )
    monkeypatch.setattr(
        ExportDialog, "exec", lambda d: capture("export", [r.id for r in d.rows])
    )

    window.new_message_action.trigger()
    window.slips_action.trigger()
    window.letters_action.trigger()
    window.export_action.trigger()

    assert opened == {
        "message": expected,
        "slips": expected,
        "letters": expected,
        "export": expected,
    }

    # Without a search, a new message starts from the audience filters again.
    window.student_list.set_search(None)
    window.new_message_action.trigger()
    assert opened["message"] == []


# --- groups ---------------------------------------------------------------------


def test_add_to_a_new_group_then_filter_by_it(
    qtbot, demo_db, languages, settings, monkeypatch
):
    languages.set_language("en")
    window = make_window(qtbot, demo_db, languages, settings)

    def create(dialog: GroupsDialog) -> int:
        dialog.name_edit.setText("Stage 2026")
        choose(dialog.kind_box, "shared")
        dialog.create_button.click()
        return 0

    monkeypatch.setattr(GroupsDialog, "exec", create)
    window.manage_groups_action.trigger()
    group = next(
        g for g in groups.list_groups(demo_db, window.actor) if g.name == "Stage 2026"
    )
    view = window.student_list
    assert view.group_box.findText("Stage 2026 (shared)") > 0

    chosen = [view.proxy.row_at(row).id for row in (1, 3, 4)]
    view.select_ids(set(chosen))
    assert view.selected_ids() == chosen

    def add(dialog: GroupMembershipDialog) -> int:
        choose(dialog.group_box, group.id)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(GroupMembershipDialog, "exec", add)
    window.view_action_menu.aboutToShow.emit()
    assert window.add_to_group_action in window.view_action_menu.actions()
    window.add_to_group_action.trigger()

    assert window.statusBar().currentMessage() == (
        "Added to “Stage 2026”: 3; already in it: 0."
    )
    choose(view.group_box, group.id)
    assert view.selected_ids() == chosen
    assert sorted(view.proxy.row_at(r).id for r in range(view.proxy.rowCount())) == (
        sorted(chosen)
    )
    assert view.count_label.text().startswith("3 of ")

    # Removing one of them from the group shows at once in the filtered list.
    view.select_ids({chosen[0]})
    window.remove_from_group_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Removed from “Stage 2026”: 1; not in it: 0."
    )
    assert sorted(view.proxy.row_at(r).id for r in range(view.proxy.rowCount())) == (
        sorted(chosen[1:])
    )


def test_deleting_the_filtered_group_clears_the_filter(
    qtbot, demo_db, languages, settings, monkeypatch
):
    actor = actor_for(demo_db, "conseiller")
    group_id = groups.create_group(demo_db, actor, "Éphémère", GroupKind.SHARED)
    member = next(r.id for r in listed(demo_db) if r.plan_status == PlanStatus.ACTIVE)
    groups.add_members(demo_db, actor, group_id, [member])
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    choose(view.group_box, group_id)
    assert [view.proxy.row_at(r).id for r in range(view.proxy.rowCount())] == [member]

    def delete(dialog: GroupsDialog) -> int:
        item = next(
            dialog.group_list.topLevelItem(i)
            for i in range(dialog.group_list.topLevelItemCount())
            if dialog.group_list.topLevelItem(i).text(0) == "Éphémère"
        )
        dialog.group_list.setCurrentItem(item)
        dialog.delete_button.click()
        return 0

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(GroupsDialog, "exec", delete)
    window.manage_groups_action.trigger()

    assert view.group_box.findData(group_id) == -1
    assert view.group_box.currentIndex() == 0
    assert view.proxy.rowCount() == len(
        [r for r in listed(demo_db) if r.plan_status == PlanStatus.ACTIVE]
    )


def test_manage_groups_follows_the_rules_of_each_kind(
    qtbot, demo_db, languages, settings, monkeypatch
):
    languages.set_language("en")
    teacher = actor_for(demo_db, "enseignant")
    dialog = GroupsDialog(demo_db, teacher)
    qtbot.addWidget(dialog)
    visible = groups.list_groups(demo_db, teacher)
    assert [
        dialog.group_list.topLevelItem(i).text(0)
        for i in range(dialog.group_list.topLevelItemCount())
    ] == [g.name for g in visible]
    assert [dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())] == [
        "private",
        "shared",
    ]

    for index, group in enumerate(visible):
        dialog.group_list.setCurrentItem(dialog.group_list.topLevelItem(index))
        assert dialog.delete_button.isEnabled() is (group.kind != GroupKind.MANAGED)
        assert dialog.rename_button.isEnabled() is (group.kind != GroupKind.MANAGED)

    dialog.name_edit.setText(visible[0].name.upper())
    dialog.create_button.click()
    assert dialog.error_label.text() == (
        f"There is already a group named “{visible[0].name.upper()}”."
    )
    assert not dialog.changed

    dialog.name_edit.setText("Mes élèves à suivre")
    dialog.create_button.click()
    created = next(
        g
        for g in groups.list_groups(demo_db, teacher)
        if g.name == "Mes élèves à suivre"
    )
    assert (created.kind, created.owner_id, created.member_count) == (
        GroupKind.PRIVATE,
        teacher.staff_id,
        0,
    )
    assert dialog.group_list.currentItem().text(0) == "Mes élèves à suivre"
    assert dialog.changed

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Suivi serré", True))
    dialog.rename_button.click()
    assert dialog.group_list.currentItem().text(0) == "Suivi serré"

    office = GroupsDialog(demo_db, actor_for(demo_db, "secretariat"))
    qtbot.addWidget(office)
    assert not office.new_box.isEnabled()
    assert office.kind_box.count() == 0
    office.group_list.setCurrentItem(office.group_list.topLevelItem(0))
    assert not office.rename_button.isEnabled()
    assert not office.delete_button.isEnabled()


def test_the_membership_dialog_reports_students_outside_the_list(
    qtbot, demo_db, languages
):
    teacher = actor_for(demo_db, "enseignant")
    outside = next(
        r.id
        for r in listed(demo_db, "admin")
        if r.id not in {m.id for m in listed(demo_db, "enseignant")}
    )
    group_id = groups.create_group(demo_db, teacher, "Projet", GroupKind.PRIVATE)
    dialog = GroupMembershipDialog(demo_db, teacher, [outside], True)
    qtbot.addWidget(dialog)
    choose(dialog.group_box, group_id)

    dialog.ok_button.click()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.result_ is None
    assert not dialog.error_label.isHidden()
    assert [
        g.member_count for g in groups.list_groups(demo_db, teacher) if g.id == group_id
    ] == [0]


def test_the_dialogs_open_in_french_and_english(qtbot, demo_db, languages):
    actor = actor_for(demo_db, "conseiller")
    opened = [
        (SearchDialog(demo_db, actor), "Recherche avancée", "Advanced search"),
        (GroupsDialog(demo_db, actor), "Gérer les groupes", "Manage groups"),
        (
            GroupMembershipDialog(demo_db, actor, [listed(demo_db)[0].id], True),
            "Ajouter au groupe",
            "Add to group",
        ),
    ]
    for dialog, french, _ in opened:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == french
    assert opened[2][0].students_label.text() == (
        "Ajouter 1 élève sélectionné au groupe :"
    )

    languages.set_language("en")

    for dialog, _, english in opened:
        assert dialog.windowTitle() == english
    assert opened[0][0].search_button.text() == "Search"
    assert opened[1][0].kind_box.itemText(0) == "Private (only I see it)"
    assert opened[2][0].students_label.text() == "Add 1 selected student to:"


def test_a_grade_4_student_is_found_by_the_grade_filter_and_the_search(
    qtbot, demo_db, languages, settings, monkeypatch
):
    languages.set_language("en")
    actor = actor_for(demo_db, "conseiller")
    students.add_student(
        demo_db,
        actor,
        students.StudentDraft(
            first_name="Léa",
            last_name="Primaire",
            grade=4,
            username="lprimaire",
            counsellor_ids=frozenset({actor.staff_id}),
        ),
    )
    window = make_window(qtbot, demo_db, languages, settings)
    grade_box = window.student_list.grade_box

    choose(grade_box, 4)
    by_filter = shown(window)
    choose(grade_box, None)

    def fill_in(dialog: SearchDialog) -> int:
        dialog.grade_boxes[4].setChecked(True)
        dialog.search_button.click()
        return dialog.result()

    monkeypatch.setattr(SearchDialog, "exec", fill_in)
    window.search_action.trigger()
    printing = PrintDialog(demo_db, actor, PrintKind.PARENT_LETTERS, settings)
    qtbot.addWidget(printing)

    assert [grade_box.itemData(i) for i in range(grade_box.count())] == [
        None,
        *range(1, 13),
    ]
    assert grade_box.itemText(4) == "Grade 4"
    assert by_filter == ["lprimaire"]
    assert window.student_list.search() == StudentSearch(grades=frozenset({4}))
    assert shown(window) == ["lprimaire"]
    assert 4 in [
        printing.grade_box.itemData(i) for i in range(printing.grade_box.count())
    ]
