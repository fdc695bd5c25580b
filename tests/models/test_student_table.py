"""The student list model and its proxy: exact order, filtering, model sanity."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt

from cams_desktop.db.students import Gender, PlanStatus
from cams_desktop.models.student_table import (
    Column,
    StudentFilter,
    StudentListProxy,
    StudentTableModel,
)
from cams_desktop.services.students import StudentRow
from cams_desktop.text import fold, name_sort_key

pytestmark = pytest.mark.gui

COUNSELLOR = uuid.uuid4()
GROUP = uuid.uuid4()


def row(
    first,
    last,
    grade,
    username,
    *,
    status=PlanStatus.ACTIVE,
    gender=Gender.FEMALE,
    counsellor=False,
    group=False,
    login=None,
):
    return StudentRow(
        id=uuid.uuid4(),
        first_name=first,
        last_name=last,
        grade=grade,
        username=username,
        gender=gender,
        plan_status=status,
        email=None,
        last_login=login,
        counsellors="Roy, Sophie" if counsellor else "",
        counsellor_ids=frozenset({COUNSELLOR}) if counsellor else frozenset(),
        group_ids=frozenset({GROUP}) if group else frozenset(),
        readiness_met=1,
        readiness_total=3,
        sort_key=name_sort_key(last, first),
        search_text=fold(f"{first} {last} {username}"),
    )


ROWS = [
    row("Zoé", "Zola", 9, "zzola", counsellor=True),
    row("Émile", "Émond", 10, "eemond", gender=Gender.MALE, group=True),
    row("Anne", "de la Fontaine", 12, "adelafontaine", status=PlanStatus.INACTIVE),
    row("Liam", "O’Neil", 7, "loneil", counsellor=True, group=True),
    row(
        "Ava",
        "O'Brien",
        11,
        "aobrien",
        gender=Gender.NON_BINARY,
        login=dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC),
    ),
    row("Éloi", "eddy", 8, "eeddy"),
    row("Marie-Ève", "Dufour", 10, "medufour"),
]


@pytest.fixture
def proxy(qtbot):
    model = StudentTableModel("fr")
    model.set_rows(list(ROWS))
    proxy = StudentListProxy()
    proxy.set_source(model)
    proxy.set_filter(StudentFilter(plan_status=None))
    return proxy


def shown(proxy, column=Column.LAST_NAME):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_default_order_is_by_last_name_ignoring_accents_case_spaces_and_apostrophes(
    proxy,
):
    assert shown(proxy) == [
        "de la Fontaine",
        "Dufour",
        "eddy",
        "Émond",
        "O'Brien",
        "O’Neil",
        "Zola",
    ]


def test_descending_last_name(proxy):
    proxy.sort(Column.LAST_NAME, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == [
        "Zola",
        "O’Neil",
        "O'Brien",
        "Émond",
        "eddy",
        "Dufour",
        "de la Fontaine",
    ]


def test_grades_sort_numerically_with_names_breaking_ties(proxy):
    proxy.sort(Column.GRADE, Qt.SortOrder.AscendingOrder)
    assert shown(proxy, Column.GRADE) == ["7", "8", "9", "10", "10", "11", "12"]
    assert shown(proxy)[3:5] == ["Dufour", "Émond"]


def test_first_name_sort(proxy):
    proxy.sort(Column.FIRST_NAME, Qt.SortOrder.AscendingOrder)
    assert shown(proxy, Column.FIRST_NAME) == [
        "Anne",
        "Ava",
        "Éloi",
        "Émile",
        "Liam",
        "Marie-Ève",
        "Zoé",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("o'neil", ["O’Neil"]),
        ("O’BRIEN", ["O'Brien"]),
        ("emo", ["Émond"]),
        ("marie eve", []),
        ("marie-eve", ["Dufour"]),
        ("delafont", ["de la Fontaine"]),
        ("de la font", ["de la Fontaine"]),
        ("zzol", ["Zola"]),
    ],
)
def test_filter_as_you_type_ignores_accents_case_and_apostrophe_style(
    proxy, typed, expected
):
    proxy.set_filter(StudentFilter(text=typed, plan_status=None))
    assert shown(proxy) == expected


def test_combined_filters(proxy):
    proxy.set_filter(
        StudentFilter(counsellor_id=COUNSELLOR, group_id=GROUP, plan_status=None)
    )
    assert shown(proxy) == ["O’Neil"]
    proxy.set_filter(StudentFilter(grade=10))
    assert shown(proxy) == ["Dufour", "Émond"]
    proxy.set_filter(StudentFilter(gender=Gender.NON_BINARY, plan_status=None))
    assert shown(proxy) == ["O'Brien"]
    proxy.set_filter(StudentFilter(plan_status=PlanStatus.INACTIVE))
    assert shown(proxy) == ["de la Fontaine"]
    proxy.set_filter(StudentFilter())
    assert len(shown(proxy)) == 6


def test_cells_show_values_exactly_and_labels_in_the_interface_language(
    proxy, languages
):
    obrien = [shown(proxy, c)[4] for c in Column]
    assert obrien == [
        "O'Brien",
        "Ava",
        "11",
        "aobrien",
        "2 nov. 2026",
        "Actif",
        "",
        "1/3",
    ]
    proxy.student_model().set_language("en")
    assert proxy.index(4, Column.LAST_LOGIN).data() == "Nov 2, 2026"


def test_selection_follows_rows_through_sort_and_filter(proxy, qtbot):
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(proxy.index(1, 0))  # Dufour
    proxy.sort(Column.GRADE, Qt.SortOrder.DescendingOrder)
    assert kept.data() == "Dufour"
    assert kept.row() == 2
    proxy.set_filter(StudentFilter(text="zola", plan_status=None))
    assert not kept.isValid()


def test_models_pass_the_qt_model_tester(qtmodeltester, proxy):
    qtmodeltester.check(proxy.student_model())
    qtmodeltester.check(proxy)
    proxy.sort(Column.GRADE, Qt.SortOrder.DescendingOrder)
    proxy.set_filter(StudentFilter(text="o"))
    qtmodeltester.check(proxy)


def test_typing_and_erasing_letter_by_letter_matches_a_fresh_filter(proxy):
    typed = ["o", "o'", "o'n", "o'ne", "o'n", "o", "", "e", "em", "e"]
    for text in typed:
        proxy.set_filter(StudentFilter(text=text, plan_status=None))
        fresh = StudentListProxy()
        fresh.set_source(proxy.student_model())
        fresh.set_filter(StudentFilter(text=text, plan_status=None))
        assert shown(proxy) == shown(fresh), text
    proxy.set_filter(StudentFilter(text="e", grade=10))
    assert shown(proxy) == ["Dufour", "Émond"]
