"""Student search (F-12): each criterion, combinations, JSON and saved searches."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.students import Gender, GroupKind, PlanStatus, SavedSearch
from cams_desktop.services import groups, search, students
from cams_desktop.services.access import NotFound, PermissionDenied, actor_for
from cams_desktop.services.search import StudentSearch
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit

# (first name, last name, grade, gender, username, counsellors)
PEOPLE = [
    ("Zoé", "O’Neil", 9, Gender.FEMALE, "zoneil", "c"),
    ("Léa", "Côté-Roy", 10, Gender.FEMALE, "lcoteroy", "o"),
    ("Marc-André", "Dupuis", 9, Gender.MALE, "madupuis", "t"),
    ("Noah", "D'Amours", 11, Gender.MALE, "ndamours", "ct"),
    ("Chloé", "Tremblay", 12, Gender.NON_BINARY, "ctremblay", ""),
    ("Éloïse", "Roy", 10, Gender.FEMALE, "eroy", "o"),
]


@dataclass
class People:
    db: Database
    ids: dict[str, uuid.UUID]  # by username
    group_id: uuid.UUID


@pytest.fixture
def people(tiny_school) -> People:
    """Six students; Noah's plan is inactive; Zoé and Éloïse in a shared group."""
    db = tiny_school.db
    staff = {
        "c": tiny_school.counsellor.staff_id,
        "o": tiny_school.other_counsellor.staff_id,
        "t": tiny_school.teacher.staff_id,
    }
    ids = {
        username: students.add_student(
            db,
            tiny_school.admin,
            StudentDraft(
                first_name=first,
                last_name=last,
                grade=grade,
                gender=gender,
                username=username,
                counsellor_ids=frozenset(staff[c] for c in counsellors),
            ),
        )
        for first, last, grade, gender, username, counsellors in PEOPLE
    }
    students.set_plan_active(db, tiny_school.admin, [ids["ndamours"]], False)
    group_id = groups.create_group(
        db, tiny_school.counsellor, "Robotique", GroupKind.SHARED
    )
    groups.add_members(
        db, tiny_school.counsellor, group_id, [ids["zoneil"], ids["eroy"]]
    )
    return People(db, ids, group_id)


def found(people: People, actor, criteria: StudentSearch) -> list[str]:
    return [row.username for row in search.search_students(people.db, actor, criteria)]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (
            StudentSearch(),
            ["lcoteroy", "ndamours", "madupuis", "zoneil", "eroy", "ctremblay"],
        ),
        (StudentSearch(grades=frozenset({9})), ["madupuis", "zoneil"]),
        (StudentSearch(grades=frozenset({10, 12})), ["lcoteroy", "eroy", "ctremblay"]),
        (StudentSearch(username="ROY"), ["lcoteroy", "eroy"]),
        (StudentSearch(username="damo"), ["ndamours"]),
        # Accents and case ignored: "eloise" finds Éloïse, "CHLOE" finds Chloé.
        (StudentSearch(first_name="eloise"), ["eroy"]),
        (StudentSearch(first_name="CHLOE"), ["ctremblay"]),
        (StudentSearch(first_name="andré"), ["madupuis"]),
        # Any apostrophe: a straight one finds O’Neil, a curly one D'Amours.
        (StudentSearch(last_name="o'neil"), ["zoneil"]),
        (StudentSearch(last_name="d’am"), ["ndamours"]),
        (StudentSearch(last_name="cote"), ["lcoteroy"]),
        # Apostrophes, hyphens and spaces count for nothing in the names.
        (StudentSearch(last_name="oneil"), ["zoneil"]),
        (StudentSearch(last_name="damours"), ["ndamours"]),
        (StudentSearch(last_name="coteroy"), ["lcoteroy"]),
        (StudentSearch(last_name="côté roy"), ["lcoteroy"]),
        (StudentSearch(first_name="marcandre"), ["madupuis"]),
        (StudentSearch(first_name="marc andré"), ["madupuis"]),
        # The username is matched as it was: "o'neil" is not in "zoneil".
        (StudentSearch(username="z-oneil"), []),
        # "roy" is in Léa's last name, not in her first name.
        (StudentSearch(last_name="roy"), ["lcoteroy", "eroy"]),
        (StudentSearch(first_name="roy"), []),
        (StudentSearch(plan_status=PlanStatus.INACTIVE), ["ndamours"]),
        (StudentSearch(plan_status=PlanStatus.ACTIVE, grades=frozenset({11})), []),
        (StudentSearch(gender=Gender.MALE), ["ndamours", "madupuis"]),
        (StudentSearch(gender=Gender.NON_BINARY), ["ctremblay"]),
        (
            StudentSearch(
                gender=Gender.FEMALE, last_name="roy", grades=frozenset({10})
            ),
            ["lcoteroy", "eroy"],
        ),
        (
            StudentSearch(gender=Gender.FEMALE, first_name="lea", last_name="roy"),
            ["lcoteroy"],
        ),
    ],
)
def test_each_criterion_and_combinations(tiny_school, people, criteria, expected):
    assert found(people, tiny_school.admin, criteria) == expected


def test_counsellor_and_group_criteria(tiny_school, people):
    admin = tiny_school.admin
    by_teacher = StudentSearch(counsellor_id=tiny_school.teacher.staff_id)
    assert found(people, admin, by_teacher) == ["ndamours", "madupuis"]
    in_group = StudentSearch(group_id=people.group_id)
    assert found(people, admin, in_group) == ["zoneil", "eroy"]
    assert found(
        people,
        admin,
        StudentSearch(
            group_id=people.group_id, counsellor_id=tiny_school.counsellor.staff_id
        ),
    ) == ["zoneil"]


def test_a_teacher_searches_only_their_caseload(tiny_school, people):
    teacher = tiny_school.teacher
    assert found(people, teacher, StudentSearch()) == ["ndamours", "madupuis"]
    assert found(people, teacher, StudentSearch(gender=Gender.FEMALE)) == []
    # Other staff may search too, within their (empty) list.
    assert found(people, tiny_school.office, StudentSearch(grades=frozenset({9}))) == []


def test_a_group_the_actor_cannot_see_is_refused(tiny_school, people):
    private = groups.create_group(
        people.db, tiny_school.other_counsellor, "Mes suivis", GroupKind.PRIVATE
    )
    with pytest.raises(NotFound, match="not visible to you"):
        search.search_students(
            people.db, tiny_school.counsellor, StudentSearch(group_id=private)
        )
    assert (
        found(people, tiny_school.other_counsellor, StudentSearch(group_id=private))
        == []
    )


def test_search_matches_rows_of_the_list(tiny_school, people):
    rows = {r.username: r for r in students.list_students(people.db, tiny_school.admin)}
    criteria = StudentSearch(last_name="  ROY ", grades=frozenset({10}))
    assert criteria.last_name == "ROY"
    assert [u for u, r in rows.items() if criteria.matches(r)] == ["lcoteroy", "eroy"]
    assert StudentSearch().is_empty
    assert not criteria.is_empty


# --- JSON ---------------------------------------------------------------------


def test_json_round_trip_keeps_every_criterion():
    counsellor, group = uuid.uuid4(), uuid.uuid4()
    criteria = StudentSearch(
        grades=frozenset({12, 9}),
        username="zo",
        first_name="Zoé",
        last_name="O’Neil",
        counsellor_id=counsellor,
        plan_status=PlanStatus.GRADUATED,
        gender=Gender.NON_BINARY,
        group_id=group,
    )
    data = criteria.to_json()
    assert data == {
        "version": 1,
        "grades": [9, 12],
        "username": "zo",
        "first_name": "Zoé",
        "last_name": "O’Neil",
        "counsellor_id": str(counsellor),
        "group_id": str(group),
        "plan_status": "graduated",
        "gender": "non_binary",
    }
    assert StudentSearch.from_json(data) == criteria
    assert StudentSearch().to_json() == {"version": 1}
    assert StudentSearch.from_json({"version": 1}) == StudentSearch()


def test_unknown_keys_are_ignored():
    data = {"version": 1, "grades": [10], "school_year": "2026-2027", "colour": 3}
    assert StudentSearch.from_json(data) == StudentSearch(grades=frozenset({10}))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "A saved search must be a JSON object."),
        ("grades", "A saved search must be a JSON object."),
        ({"grades": [9]}, "The saved search has no valid format version."),
        ({"version": "1"}, "The saved search has no valid format version."),
        ({"version": True}, "The saved search has no valid format version."),
        (
            {"version": 2, "grades": [9]},
            "This search was saved by a newer version of CAMS Desktop.",
        ),
        (
            {"version": 1, "grades": [13]},
            "The saved search has an invalid value for “grades”.",
        ),
        (
            {"version": 1, "grades": 9},
            "The saved search has an invalid value for “grades”.",
        ),
        (
            {"version": 1, "grades": [True]},
            "The saved search has an invalid value for “grades”.",
        ),
        (
            {"version": 1, "username": 42},
            "The saved search has an invalid value for “username”.",
        ),
        (
            {"version": 1, "last_name": "x" * 101},
            "The saved search has an invalid value for “last_name”.",
        ),
        (
            {"version": 1, "first_name": "Zo\u202eé"},
            "The saved search has an invalid value for “first_name”.",
        ),
        (
            {"version": 1, "counsellor_id": "not-an-id"},
            "The saved search has an invalid value for “counsellor_id”.",
        ),
        (
            {"version": 1, "group_id": 7},
            "The saved search has an invalid value for “group_id”.",
        ),
        (
            {"version": 1, "plan_status": "asleep"},
            "The saved search has an invalid value for “plan_status”.",
        ),
        (
            {"version": 1, "gender": ["female"]},
            "The saved search has an invalid value for “gender”.",
        ),
    ],
)
def test_bad_json_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ValueError) as caught:
        StudentSearch.from_json(data)
    assert str(caught.value) == message


def test_describe_names_every_criterion(tiny_school):
    counsellor, group = uuid.uuid4(), uuid.uuid4()
    criteria = StudentSearch(
        grades=frozenset({10, 9}),
        last_name="roy",
        counsellor_id=counsellor,
        plan_status=PlanStatus.INACTIVE,
        gender=Gender.FEMALE,
        group_id=group,
    )
    assert criteria.describe({counsellor: "Roy, Sophie"}, {group: "Robotique"}) == (
        "Grade: 9, 10; Last name contains “roy”; Counsellor: Roy, Sophie; "
        "Plan status: Inactive; Gender: Female; Group: Robotique"
    )


# --- saved searches ---------------------------------------------------------------


def test_saved_searches_belong_to_their_owner(tiny_school):
    db = tiny_school.db
    mine, other = tiny_school.counsellor, tiny_school.other_counsellor
    grade_9 = StudentSearch(grades=frozenset({9}))
    roys = StudentSearch(last_name="roy", gender=Gender.FEMALE)
    first = search.save_search(db, mine, "  Secondaire   3 ", grade_9)
    second = search.save_search(db, mine, "Les Roy", roys)
    search.save_search(db, other, "Secondaire 3", grade_9)

    assert search.list_saved_searches(db, mine) == [
        search.SavedSearchRow(second, "Les Roy", roys),
        search.SavedSearchRow(first, "Secondaire 3", grade_9),
    ]
    assert [s.name for s in search.list_saved_searches(db, other)] == ["Secondaire 3"]
    assert search.list_saved_searches(db, tiny_school.teacher) == []
    with db.read() as session:
        stored = session.get_one(SavedSearch, first)
        assert (stored.owner_id, stored.criteria) == (
            mine.staff_id,
            {"version": 1, "grades": [9]},
        )

    search.rename_saved_search(db, mine, first, "Troisième secondaire")
    search.delete_saved_search(db, mine, second)
    assert [(s.id, s.name) for s in search.list_saved_searches(db, mine)] == [
        (first, "Troisième secondaire")
    ]
    with db.read() as session:
        assert session.get_one(SavedSearch, second).deleted_at is not None


def test_others_saved_searches_cannot_be_changed(tiny_school):
    db = tiny_school.db
    saved = search.save_search(
        db, tiny_school.counsellor, "Mes 9e", StudentSearch(grades=frozenset({9}))
    )

    with pytest.raises(PermissionDenied):
        search.rename_saved_search(db, tiny_school.other_counsellor, saved, "À moi")
    with pytest.raises(PermissionDenied):
        search.delete_saved_search(db, tiny_school.admin, saved)
    with pytest.raises(NotFound):
        search.delete_saved_search(db, tiny_school.counsellor, uuid.uuid4())
    search.delete_saved_search(db, tiny_school.counsellor, saved)
    with pytest.raises(NotFound):
        search.rename_saved_search(db, tiny_school.counsellor, saved, "Encore")

    assert [
        s.name for s in search.list_saved_searches(db, tiny_school.counsellor)
    ] == []
    with db.read() as session:
        refusals = session.scalars(
            select(AuditEntry.field)
            .where(AuditEntry.action == "denied")
            .order_by(AuditEntry.occurred_at)
        ).all()
        assert refusals == ["rename_saved_search", "delete_saved_search"]
        assert session.get_one(SavedSearch, saved).name == "Mes 9e"


def test_saved_search_names_are_unique_per_user_in_any_case(tiny_school):
    db, actor = tiny_school.db, tiny_school.counsellor
    first = search.save_search(
        db, actor, "Finissants", StudentSearch(grades=frozenset({12}))
    )
    other = search.save_search(db, actor, "Autres", StudentSearch())

    with pytest.raises(ValidationError) as caught:
        search.save_search(db, actor, "FINISSANTS", StudentSearch())
    assert caught.value.errors == {
        "name": "You already have a saved search named “FINISSANTS”."
    }
    with pytest.raises(ValidationError):
        search.rename_saved_search(db, actor, other, "finissants")
    # Renaming a search to its own name in another case is no clash.
    search.rename_saved_search(db, actor, first, "FINISSANTS")
    # Another user may use the same name; a deleted search frees its name.
    search.save_search(db, tiny_school.admin, "Finissants", StudentSearch())
    search.delete_saved_search(db, actor, first)
    search.save_search(db, actor, "finissants", StudentSearch())

    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(SavedSearch)) == 4


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Give the search a name."),
        ("x" * 201, "A search name holds at most 200 characters."),
        (
            "Mes\u202eélèves",
            "The name contains a character that cannot be stored (U+202E).",
        ),
    ],
)
def test_bad_search_names_are_refused(tiny_school, name, message):
    with pytest.raises(ValidationError) as caught:
        search.save_search(
            tiny_school.db, tiny_school.counsellor, name, StudentSearch()
        )
    assert caught.value.errors == {"name": message}


def test_a_search_saved_by_a_newer_version_is_listed_without_criteria(tiny_school):
    db, actor = tiny_school.db, tiny_school.counsellor
    with db.transaction(actor.staff_id) as session:
        session.add(
            SavedSearch(
                owner_id=actor.staff_id,
                name="Du futur",
                criteria={"version": 9, "planets": ["Mars"]},
            )
        )
    (row,) = search.list_saved_searches(db, actor)
    assert (row.name, row.search) == ("Du futur", None)
    search.delete_saved_search(db, actor, row.id)
    assert search.list_saved_searches(db, actor) == []


def test_search_on_the_demo_school_matches_a_plain_filter(demo_db):
    admin = actor_for(demo_db, "admin")
    rows = students.list_students(demo_db, admin)
    group = next(
        g
        for g in students.list_groups(demo_db, admin)
        if g.name == "Advanced Placement"
    )
    criteria = StudentSearch(
        grades=frozenset({8}), gender=Gender.FEMALE, group_id=group.id
    )
    expected = [
        r.id
        for r in rows
        if r.grade == 8 and r.gender == Gender.FEMALE and group.id in r.group_ids
    ]
    assert len(expected) == 22
    assert [r.id for r in search.search_students(demo_db, admin, criteria)] == expected


def test_names_are_found_without_their_apostrophes_hyphens_and_spaces(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    for first, last, username in (
        ("Siobhan", "O'Connor", "soconnor"),
        ("Karim", "Abou-Rjeili", "kabourjeili"),
        ("Anne", "De la Cruz", "adelacruz"),
    ):
        students.add_student(
            db,
            admin,
            StudentDraft(first_name=first, last_name=last, grade=9, username=username),
        )

    def names(**criteria: str) -> list[str]:
        rows = search.search_students(db, admin, StudentSearch(**criteria))
        return [row.last_name for row in rows]

    assert names(last_name="oconnor") == ["O'Connor"]
    assert names(last_name="abourjeili") == ["Abou-Rjeili"]
    assert names(last_name="abou rjeili") == ["Abou-Rjeili"]
    assert names(last_name="delacruz") == ["De la Cruz"]
    assert names(last_name="o-connor") == ["O'Connor"]
