"""The demo school generator: determinism, content rules and refusals."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cams_desktop.db.base import link_id
from cams_desktop.db.engine import Database
from cams_desktop.db.students import MAX_NAME_LENGTH
from cams_desktop.services import demo
from cams_desktop.services.demo import (
    AGREEMENT_EDITION,
    DEMO_ACCOUNTS,
    REFERENCE_NOW,
    SCHOOL_YEAR,
    DemoSummary,
    generate_demo,
)
from cams_desktop.text import fold, name_sort_key

pytestmark = pytest.mark.unit

STUDENTS = 200
SEED = 2026
# Local bookkeeping that is not demo content (the device id is random).
NOT_CONTENT = {"alembic_version", "device_state"}


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        yield connection


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with connect(path) as connection:
        return connection.execute(sql, params).fetchall()


def column(path: Path, sql: str, *params: Any) -> list[Any]:
    return [row[0] for row in rows(path, sql, *params)]


def count(path: Path, table: str) -> int:
    return int(rows(path, f'SELECT count(*) FROM "{table}"')[0][0])


def stored(moment: dt.datetime) -> str:
    """A UTC timestamp as SQLite holds it, comparable as text."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def content_tables(path: Path) -> list[str]:
    names = column(
        path,
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    return [name for name in names if name not in NOT_CONTENT]


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every content table's rows, in id order (or rowid for keyless tables)."""
    out = {}
    with connect(path) as connection:
        for table in content_tables(path):
            names = [r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')]
            order = "id" if "id" in names else "rowid"
            out[table] = connection.execute(
                f'SELECT * FROM "{table}" ORDER BY {order}'
            ).fetchall()
    return out


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    return path, generate_demo(path, STUDENTS, SEED)


@pytest.fixture(scope="module")
def path(school: tuple[Path, DemoSummary]) -> Path:
    return school[0]


# -- determinism ---------------------------------------------------------------


def test_same_seed_gives_identical_tables(tmp_path: Path) -> None:
    first = dump_of(tmp_path / "a.sqlite", 120, 7)
    second = dump_of(tmp_path / "b.sqlite", 120, 7)
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    assert len(first["students"]) == 120


def test_different_seed_gives_different_school(tmp_path: Path) -> None:
    first = dump_of(tmp_path / "a.sqlite", 120, 7)
    other = dump_of(tmp_path / "b.sqlite", 120, 8)
    assert first["students"] != other["students"]
    assert {r[0] for r in first["students"]}.isdisjoint(r[0] for r in other["students"])


def dump_of(path: Path, students: int, seed: int) -> dict[str, list[tuple[Any, ...]]]:
    generate_demo(path, students, seed)
    return dump(path)


def test_ids_are_uuid7_and_times_fixed(path: Path) -> None:
    for table in ("students", "staff", "notes", "login_events", "courses"):
        for value in column(path, f"SELECT id FROM {table}"):
            key = uuid.UUID(value)
            assert key.version == 7, table
            assert key.variant == uuid.RFC_4122, table
    # Nothing comes from the clock: every row was made before the reference.
    latest = stored(REFERENCE_NOW)
    for table in content_tables(path):
        names = [r[1] for r in rows(path, f'PRAGMA table_info("{table}")')]
        if "created_at" in names:
            assert column(
                path,
                f'SELECT count(*) FROM "{table}" '
                "WHERE created_at > ? OR updated_at > ? OR version != 1",
                latest,
                latest,
            ) == [0], table


# -- counts and structure --------------------------------------------------------


def test_summary_matches_tables(school: tuple[Path, DemoSummary]) -> None:
    path, summary = school
    assert summary.students == STUDENTS
    assert summary.staff == count(path, "staff") == 6
    assert summary.parents == count(path, "parents")
    assert summary.groups == count(path, "student_groups") == 6
    assert summary.notes == count(path, "notes")
    assert summary.log_entries == count(path, "counselling_log_entries")
    assert summary.login_events == count(path, "login_events")
    assert summary.seconds > 0
    assert column(path, "SELECT id FROM schools WHERE code = 'DEMO-ERA'") == [
        summary.school_id.hex
    ]


def test_board_schools_and_school_wide_lists(path: Path) -> None:
    assert count(path, "boards") == 1
    assert count(path, "schools") == 3
    assert count(path, "counselling_topics") == 10
    assert ("Choix de cours", "Course selection") in rows(
        path, "SELECT label_fr, label_en FROM counselling_topics"
    )
    assert column(path, "SELECT edition FROM usage_agreements") == [AGREEMENT_EDITION]
    settings = dict(
        rows(
            path,
            "SELECT key, value FROM school_settings s JOIN schools c "
            "ON c.id = s.school_id WHERE c.code = 'DEMO-ERA'",
        )
    )
    assert json.loads(settings["annual_review_grades"]) == [9, 10, 11, 12]
    assert json.loads(settings["plan_creation_mode"]) == "student"
    grades = column(path, "SELECT DISTINCT grade FROM readiness_requirements")
    assert sorted(grades) == [7, 8, 9, 10, 11, 12]
    assert column(path, "SELECT count(*) FROM audit_entries") == [0]
    assert column(path, "SELECT count(*) FROM sync_outbox") == [0]
    assert rows(path, "PRAGMA foreign_key_check") == []


def test_students_core_fields(path: Path) -> None:
    students = rows(
        path,
        "SELECT grade, birth_date, expected_graduation, plan_status, "
        "plan_created_at, preferred_language, student_number FROM students",
    )
    assert len(students) == STUDENTS
    for grade, birth, graduation, status, created, language, _ in students:
        assert 7 <= grade <= 12
        # Grade 7 in 2026-2027 is born in 2014, or 2013 if a year behind.
        assert int(birth[:4]) in (SCHOOL_YEAR - grade - 5, SCHOOL_YEAR - grade - 6)
        assert graduation == f"{SCHOOL_YEAR + 13 - grade}-06-30"
        assert status in ("active", "inactive")
        assert created is not None
        assert language in ("fr", "en")
    assert {s[0] for s in students} == set(range(7, 13))
    statuses = Counter(s[3] for s in students)
    assert 0 < statuses["inactive"] < STUDENTS * 0.1
    french = sum(1 for s in students if s[5] == "fr")
    assert 0.45 * STUDENTS < french < 0.75 * STUDENTS
    assert len({s[6] for s in students}) == STUDENTS


def test_genders(path: Path) -> None:
    genders = Counter(column(path, "SELECT gender FROM students"))
    assert set(genders) == {"female", "male", "non_binary", "unspecified"}
    assert genders["non_binary"] < STUDENTS * 0.1


def test_names_try_every_rule(path: Path) -> None:
    names = rows(path, "SELECT first_name, last_name FROM students")
    lasts = {last for _, last in names}
    firsts = {first for first, _ in names}
    assert any("’" in last for last in lasts)
    assert any("'" in last for last in lasts)
    assert any("-" in last for last in lasts)
    assert any("-" in first for first in firsts)
    assert {"de la Fontaine", "Van der Berg", "St-Pierre", "de Souza"} <= lasts
    assert {"Nguyễn", "Nováček", "Ødegård", "Ñúñez"} <= lasts
    assert {"Zoé", "Théo", "Marie-Ève", "Jean-François"} <= firsts
    assert max(len(last) for last in lasts) > 50
    assert max(len(n) for pair in names for n in pair) <= MAX_NAME_LENGTH


def test_sort_and_search_keys(path: Path) -> None:
    for first, last, username, sort_key, search_text in rows(
        path,
        "SELECT first_name, last_name, username, sort_key, search_text FROM students",
    ):
        assert sort_key == name_sort_key(last, first)
        assert search_text == fold(f"{first} {last} {username}")


def test_usernames_unique_ascii_case_insensitive(path: Path) -> None:
    for table in ("students", "staff"):
        pairs = rows(path, f"SELECT username, username_key FROM {table}")
        assert all(key == name.casefold() for name, key in pairs)
        assert all(name.isascii() and " " not in name for name, _ in pairs)
        assert len({key for _, key in pairs}) == len(pairs)
    students = set(column(path, "SELECT username_key FROM students"))
    staff = set(column(path, "SELECT username_key FROM staff"))
    assert students.isdisjoint(staff)
    assert "zoe.oconnor" in students


def test_staff_levels_and_demo_accounts(path: Path) -> None:
    staff = dict(rows(path, "SELECT username, access_level FROM staff"))
    for username, level in DEMO_ACCOUNTS:
        assert staff[username] == level.name
    assert set(staff.values()) == {
        "PROGRAM_ADMIN",
        "SCHOOL_ADMIN",
        "TEACHER",
        "OTHER_STAFF",
    }
    # Only the demo accounts can sign in (with the documented passwords).
    assert column(
        path, "SELECT count(*) FROM staff WHERE password_hash IS NOT NULL"
    ) == [len(DEMO_ACCOUNTS)]


def test_every_student_has_one_counsellor(path: Path) -> None:
    per_student = dict(
        rows(
            path,
            "SELECT s.id, count(c.id) FROM students s "
            "LEFT JOIN caseload_assignments c ON c.student_id = s.id "
            "LEFT JOIN staff f ON f.id = c.staff_id "
            "AND f.access_level = 'SCHOOL_ADMIN' "
            "WHERE c.id IS NULL OR f.id IS NOT NULL GROUP BY s.id",
        )
    )
    assert len(per_student) == STUDENTS
    assert set(per_student.values()) == {1}
    caseloads = dict(
        rows(
            path,
            "SELECT f.username, count(*) FROM caseload_assignments c "
            "JOIN staff f ON f.id = c.staff_id GROUP BY f.username",
        )
    )
    assert caseloads["conseiller"] > 0
    assert caseloads["enseignant"] > 0
    assert "direction" not in caseloads
    for row_id, staff_id, student_id in rows(
        path, "SELECT id, staff_id, student_id FROM caseload_assignments"
    ):
        assert uuid.UUID(row_id) == link_id(uuid.UUID(staff_id), uuid.UUID(student_id))


def test_groups_and_memberships(path: Path) -> None:
    kinds = Counter(column(path, "SELECT kind FROM student_groups"))
    assert set(kinds) == {"private", "shared", "managed"}
    managed_owners = column(
        path,
        "SELECT DISTINCT f.access_level FROM student_groups g "
        "JOIN staff f ON f.id = g.owner_id WHERE g.kind = 'managed'",
    )
    assert managed_owners == ["PROGRAM_ADMIN"]
    members = rows(path, "SELECT id, group_id, student_id FROM group_memberships")
    assert members
    for row_id, group_id, student_id in members:
        assert uuid.UUID(row_id) == link_id(uuid.UUID(group_id), uuid.UUID(student_id))


def test_parents_and_siblings(path: Path) -> None:
    links = rows(path, "SELECT id, parent_id, student_id FROM parent_links")
    for row_id, parent_id, student_id in links:
        assert uuid.UUID(row_id) == link_id(uuid.UUID(parent_id), uuid.UUID(student_id))
    children = Counter(parent for _, parent, _ in links)
    assert max(children.values()) >= 2  # siblings share their parents' rows
    assert len(children) == count(path, "parents")  # no parent without a child
    surnames = Counter(column(path, "SELECT last_name FROM parents"))
    assert max(surnames.values()) >= 2
    codes = column(path, "SELECT code FROM activation_codes")
    assert codes
    assert len(set(codes)) == len(codes)
    assert count(path, "parent_comments") > 0
    phones = column(path, "SELECT phone FROM parents")
    assert all(phone[4:10] == "555-01" for phone in phones)


def test_notes_logs_messages_and_logins(path: Path) -> None:
    notes = rows(path, "SELECT author_id, is_private FROM notes")
    assert {private for _, private in notes} == {0, 1}
    assert len({author for author, _ in notes}) >= 2
    entries = rows(
        path,
        "SELECT e.subject, g.subject FROM counselling_log_entries e "
        "JOIN counselling_group_entries g ON g.id = e.group_entry_id",
    )
    assert entries
    assert all(mine == group for mine, group in entries)
    assert (
        column(
            path,
            "SELECT count(*) FROM counselling_log_entries WHERE group_entry_id IS NULL",
        )[0]
        > 0
    )
    assert count(path, "messages") == 4
    assert count(path, "message_recipients") > 0
    assert count(path, "journal_entries") > 0
    year_ago = stored(REFERENCE_NOW - dt.timedelta(days=365))
    now = stored(REFERENCE_NOW)
    logins = column(path, "SELECT occurred_at FROM login_events")
    assert logins
    assert all(year_ago <= when <= now for when in logins)


def test_assessments_best_match_suggestions(path: Path) -> None:
    best = Counter(
        column(
            path,
            "SELECT student_id FROM assessment_results "
            "WHERE kind = 'interest' AND is_best_match",
        )
    )
    interest_students = set(
        column(
            path, "SELECT student_id FROM assessment_results WHERE kind = 'interest'"
        )
    )
    assert interest_students
    assert set(best) == interest_students
    assert set(best.values()) == {1}
    suggestions = rows(
        path,
        "SELECT r.is_best_match, s.kind, count(*), min(s.rank), max(s.rank) "
        "FROM assessment_suggestions s JOIN assessment_results r "
        "ON r.id = s.result_id GROUP BY s.result_id, s.kind",
    )
    assert {(1, "career", 10, 1, 10), (1, "cluster", 2, 1, 2)} == set(suggestions)
    assert len(suggestions) == 2 * len(best)
    outcomes = set(
        column(
            path, "SELECT outcome FROM assessment_results WHERE kind = 'learning_style'"
        )
    )
    assert outcomes == {"visual", "auditory", "tactile"}


def test_plan_data_for_reports(path: Path) -> None:
    ranks = set(column(path, "SELECT rank FROM career_interests"))
    assert {1, 2, 3, None} <= ranks
    assert ranks <= {1, 2, 3, None}
    assert any(column(path, "SELECT comment FROM cluster_interests"))
    assert set(column(path, "SELECT kind FROM education_interests")) == {
        "school",
        "program",
        "apprenticeship",
    }
    assert count(path, "postsecondary_plans") > 0
    assert count(path, "planning_activities") > 0
    experiences = rows(path, "SELECT kind, hours FROM experiences")
    assert {kind for kind, _ in experiences} == {
        "extracurricular",
        "hobby",
        "volunteer",
        "work",
        "award",
    }
    assert all(hours > 0 for kind, hours in experiences if kind == "volunteer")


def test_courses_and_course_plans(path: Path) -> None:
    courses = rows(path, "SELECT grade, title_fr, title_en, credits FROM courses")
    assert {grade for grade, *_ in courses} == {9, 10, 11, 12}
    assert all(fr and en for _, fr, en, _ in courses)
    assert {credits for *_, credits in courses} == {0.5, 1}
    assert count(path, "course_prerequisites") > 0
    plans = rows(
        path,
        "SELECT s.grade, c.grade, p.school_year FROM course_plan_entries p "
        "JOIN students s ON s.id = p.student_id JOIN courses c ON c.id = p.course_id",
    )
    assert plans
    for student_grade, course_grade, year in plans:
        assert course_grade >= student_grade
        assert year == SCHOOL_YEAR + course_grade - student_grade
    assert {course_grade for _, course_grade, _ in plans} == {9, 10, 11, 12}


# -- progress and refusals --------------------------------------------------------


def test_progress_reaches_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    generate_demo(
        tmp_path / "p.sqlite", 30, 1, lambda done, total: calls.append((done, total))
    )
    assert calls
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1][0] == calls[-1][1]
    assert len({total for _, total in calls}) == 1


def test_refuses_a_file_with_students(tmp_path: Path) -> None:
    path = tmp_path / "school.sqlite"
    generate_demo(path, 12, 1)
    before = dump(path)
    with pytest.raises(ValueError, match="already holds 12 students"):
        generate_demo(path, 12, 2)
    assert dump(path) == before


def test_accepts_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    Database(path).close()
    assert generate_demo(path, 5, 1).students == 5
    assert count(path, "students") == 5


def test_refuses_fewer_than_one_student(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(ValueError, match="at least 1 student"):
        generate_demo(path, 0, 1)
    assert not path.exists()


def test_a_failure_leaves_no_half_made_school(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: object) -> None:
        raise RuntimeError("disk full")

    # Fails after every student row has been sent to SQLite.
    monkeypatch.setattr(demo._Generator, "make_groups", fail)
    path = tmp_path / "broken.sqlite"
    with pytest.raises(RuntimeError, match="disk full"):
        generate_demo(path, 30, 1)
    assert [count(path, t) for t in ("students", "staff", "schools")] == [0, 0, 0]
