"""The counsellor home page on the demo school, as a user drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cams_desktop.db.students import PlanStatus
from cams_desktop.models.student_table import Column
from cams_desktop.services import students
from cams_desktop.services.access import actor_for
from cams_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.gui


def make_window(qtbot, demo_db, languages, settings, username="conseiller"):
    window = MainWindow(
        demo_db, actor_for(demo_db, username), languages, settings, "École du Lac"
    )
    qtbot.addWidget(window)
    window.show()
    return window


def column(window, col):
    proxy = window.student_list.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def active_rows(demo_db, username="conseiller", mine=False):
    rows = students.list_students(demo_db, actor_for(demo_db, username), mine=mine)
    return [r for r in rows if r.plan_status == PlanStatus.ACTIVE]


def test_opens_on_the_demo_school_in_french(qtbot, demo_db, languages, settings):
    window = make_window(qtbot, demo_db, languages, settings)
    expected = active_rows(demo_db)

    assert window.windowTitle() == "CAMS — Page d'accueil du conseiller — École du Lac"
    assert column(window, Column.LAST_NAME) == [r.last_name for r in expected]
    assert window.student_list.count_label.text() == (
        f"{len(expected)} élèves affichés sur {window.student_list.model.rowCount()}"
    )
    assert window.language_button.text() == "English"
    assert [a.text() for a in window.toolbar.actions() if a.text()] == [
        "Ajouter un(e) élève",
        "Exporter la liste…",
    ]


def test_language_switch_keeps_filter_selection_and_data(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    qtbot.keyClicks(view.filter_edit, "an")
    view.table.selectRow(2)
    before_names = column(window, Column.LAST_NAME)
    selected = view.selected_ids()

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)

    assert languages.language == "en"
    assert window.windowTitle() == "CAMS — Counsellor home page — École du Lac"
    assert view.filter_edit.text() == "an"
    assert view.selected_ids() == selected
    assert column(window, Column.LAST_NAME) == before_names
    assert set(column(window, Column.PLAN_STATUS)) == {"Active"}
    assert (
        window.student_list.proxy.headerData(0, Qt.Orientation.Horizontal)
        == "Last name"
    )
    assert view.mine_button.text() == "My students"
    assert window.language_button.text() == "Français"
    assert settings.value("preferences/language") == "en"

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert set(column(window, Column.PLAN_STATUS)) == {"Actif"}
    assert view.grade_box.itemText(0) == "Toutes les années"


def test_typing_in_the_filter_ignores_accents_and_apostrophes(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    rows = active_rows(demo_db)
    curly = next(r for r in rows if "’" in r.last_name)
    typed = curly.last_name.replace("’", "'").upper()

    qtbot.keyClicks(window.student_list.filter_edit, typed)

    assert curly.last_name in column(window, Column.LAST_NAME)
    from cams_desktop.text import fold

    expected = [r.last_name for r in rows if fold(typed) in r.search_text]
    assert column(window, Column.LAST_NAME) == expected


def test_header_clicks_sort_grades_numerically_and_names_alphabetically(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings)
    rows = active_rows(demo_db)
    header = window.student_list.table.horizontalHeader()

    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(header, Column.GRADE),
    )
    by_grade = sorted(rows, key=lambda r: (r.grade, r.sort_key))
    assert column(window, Column.GRADE) == [str(r.grade) for r in by_grade]
    assert column(window, Column.LAST_NAME) == [r.last_name for r in by_grade]

    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(header, Column.GRADE),
    )
    assert column(window, Column.GRADE)[0] == "12"
    assert column(window, Column.GRADE)[-1] == "7"

    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(header, Column.LAST_NAME),
    )
    assert column(window, Column.LAST_NAME) == [r.last_name for r in rows]


def _section_centre(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


# Révision annuelle appears only when the student's grade requires a review.
FULL_MENU = [
    "Modifier le profil",
    "Notes",
    "Journal de consultation",
    "Révision annuelle",
    "Envoyer un message",
    "Voir Mon Journal",
    "Commentaires du parent",
    "Historique des connexions",
    "Permettre d'inviter d'autres personnes",
    "Réinitialiser le mot de passe…",
    "Ajouter au groupe…",
    "Retirer du groupe…",
    "Faire passer…",
    "Rétrograder…",
    "Diplômer…",
    "Transférer…",
    "Supprimer le plan",
]
# Promoting, demoting, graduating and transferring are for administrators.
ADMIN_ONLY = ["Faire passer…", "Rétrograder…", "Diplômer…", "Transférer…"]
TEACHER_MENU = [item for item in FULL_MENU if item not in ADMIN_ONLY]


def expected_menu(demo_db, window, items):
    from cams_desktop.services import guidance

    grade = window.student_list.selected_rows()[0].grade
    if grade not in guidance.annual_review_grades(demo_db, window.actor):
        return [item for item in items if item != "Révision annuelle"]
    return items


@pytest.mark.parametrize(
    ("username", "items", "can_add"),
    [
        ("admin", FULL_MENU, True),
        ("conseiller", FULL_MENU, True),
        ("enseignant", TEACHER_MENU, True),
        ("secretariat", ["Notes", "Réinitialiser le mot de passe…"], False),
    ],
)
def test_view_action_items_follow_the_access_level(
    qtbot, demo_db, languages, settings, username, items, can_add
):
    window = make_window(qtbot, demo_db, languages, settings, username)
    assert window.view_action_items() == []
    window.student_list.table.selectRow(0)
    items = expected_menu(demo_db, window, items)

    assert [a.text() for a in window.view_action_items()] == items
    assert (window.add_student_action in window.toolbar.actions()) is can_add
    window.view_action_menu.aboutToShow.emit()
    assert [a.text() for a in window.view_action_menu.actions()] == items


def test_teacher_and_office_staff_see_only_their_caseload(
    qtbot, demo_db, languages, settings
):
    window = make_window(qtbot, demo_db, languages, settings, "enseignant")
    mine = active_rows(demo_db, "enseignant")
    assert not window.student_list.all_button.isVisible()
    assert column(window, Column.USERNAME) == [r.username for r in mine]
    assert 0 < len(mine) < len(active_rows(demo_db, "admin"))


def test_my_students_shows_the_caseload(qtbot, demo_db, languages, settings):
    window = make_window(qtbot, demo_db, languages, settings)
    window.student_list.mine_button.click()
    assert column(window, Column.USERNAME) == [
        r.username for r in active_rows(demo_db, mine=True)
    ]
    window.student_list.all_button.click()
    assert len(column(window, Column.USERNAME)) == len(active_rows(demo_db))


def test_deactivate_then_undo(qtbot, demo_db, languages, settings, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    window = make_window(qtbot, demo_db, languages, settings)
    view = window.student_list
    view.table.selectRow(0)
    view.table.selectRow(1)
    first = view.selected_rows()[0]
    count = view.proxy.rowCount()

    window.deactivate_action.trigger()

    assert view.proxy.rowCount() == count - 1
    assert first.username not in column(window, Column.USERNAME)
    assert window.undo_label.text() == "1 plan supprimé."
    assert window.undo_button.isVisibleTo(window)

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert view.proxy.rowCount() == count
    assert first.username in column(window, Column.USERNAME)
    assert not window.undo_button.isVisibleTo(window)

    status_index = view.status_box.findData(PlanStatus.INACTIVE)
    view.status_box.setCurrentIndex(status_index)
    assert view.proxy.rowCount() == len(
        [
            r
            for r in students.list_students(demo_db, window.actor)
            if r.plan_status == PlanStatus.INACTIVE
        ]
    )
    view.table.selectRow(0)
    assert [a.text() for a in window.view_action_items()] == expected_menu(
        demo_db, window, [*FULL_MENU[:-1], "Réactiver le plan"]
    )
    inactive = view.selected_rows()[0]
    window.reactivate_action.trigger()
    assert inactive.username not in column(window, Column.USERNAME)


def test_window_geometry_and_column_layout_persist(qtbot, demo_db, languages, settings):
    window = make_window(qtbot, demo_db, languages, settings)
    window.resize(700, 500)
    size = (window.width(), window.height())
    header = window.student_list.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.GRADE), 0)
    header.resizeSection(Column.USERNAME, 222)
    window.close()

    again = make_window(qtbot, demo_db, languages, settings)
    header = again.student_list.table.horizontalHeader()
    assert header.visualIndex(Column.GRADE) == 0
    assert header.sectionSize(Column.USERNAME) == 222
    assert (again.width(), again.height()) == size
