"""What each staff role may read and write on the server (F-91).

Every check connects as the staff member's own PostgreSQL role with plain
psycopg, as a modified desktop could, not through the project's code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from cams_desktop.db.school import AccessLevel
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.server.policies import SEES_ALL_STUDENTS
from cams_desktop.server.roles import disable_staff_role
from cams_desktop.server.schema import SERVER_TABLES, synced_tables
from cams_desktop.services.access import MATRIX, Action

pytestmark = pytest.mark.pg

OTHER_SCHOOL_STUDENT = uuid.UUID("01a05a43-fc00-7fff-8000-000000000001")
OTHER_SCHOOL_NOTE = uuid.UUID("01a05a43-fc00-7fff-8000-000000000002")
OTHER_SCHOOL_TEACHER = uuid.UUID("01a05a43-fc00-7fff-8000-000000000003")
PRIVATE_NOTE = uuid.UUID("01a05a43-fc00-7fff-8000-000000000004")


@dataclass
class Scene:
    server: Any  # conftest.ServerDb
    demo_school: uuid.UUID
    # A student of the teacher's list with a counsellor's private note.
    private_note_student: uuid.UUID


@pytest.fixture(scope="module")
def school(demo_server):
    """The demo school with logins, a private note and a second school's rows."""
    for username in ("enseignant", "conseiller", "secretariat", "admin"):
        demo_server.add_role(username)
    with demo_server.admin() as connection:
        demo_school, other_school = (
            row[0]
            for row in connection.execute(
                "SELECT id FROM cams.schools ORDER BY (id = (SELECT school_id FROM"
                " cams.staff WHERE username = 'admin')) DESC, code LIMIT 2"
            )
        )
        teacher = demo_server.staff["enseignant"]
        counsellor = demo_server.staff["conseiller"]
        first_student = connection.execute(
            "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s"
            " ORDER BY student_id LIMIT 1",
            (teacher,),
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO cams.notes (id, student_id, author_id, body, is_private,"
            " created_at, updated_at, version) VALUES"
            " (%s, %s, %s, 'Confidentiel', true, now(), now(), 1)",
            (PRIVATE_NOTE, first_student, counsellor),
        )
        connection.execute(
            "INSERT INTO cams.staff (id, school_id, username, username_key,"
            " first_name, last_name, access_level, preferred_language,"
            " must_change_password, is_active, failed_sign_ins, created_at,"
            " updated_at, version) VALUES (%s, %s, 'autre', 'autre', 'Anne',"
            " 'Autre', 'TEACHER', 'fr', false, true, 0, now(), now(), 1)",
            (OTHER_SCHOOL_TEACHER, other_school),
        )
        connection.execute(
            "INSERT INTO cams.students (id, school_id, username, username_key,"
            " first_name, last_name, sort_key, search_text, grade, gender,"
            " preferred_language, plan_status, invite_others_allowed, created_at,"
            " updated_at, version) VALUES (%s, %s, 'ailleurs', 'ailleurs', 'Léa',"
            " 'Ailleurs', 'ailleurs', 'lea ailleurs', 9, 'female', 'fr', 'active',"
            " true, now(), now(), 1)",
            (OTHER_SCHOOL_STUDENT, other_school),
        )
        connection.execute(
            "INSERT INTO cams.notes (id, student_id, author_id, body, is_private,"
            " created_at, updated_at, version) VALUES"
            " (%s, %s, %s, 'Autre école', false, now(), now(), 1)",
            (OTHER_SCHOOL_NOTE, OTHER_SCHOOL_STUDENT, OTHER_SCHOOL_TEACHER),
        )
        # The other school's teacher has this student on her list, and a login.
        connection.execute(
            "INSERT INTO cams.caseload_assignments (id, staff_id, student_id,"
            " created_at, updated_at, version) VALUES (%s, %s, %s, now(), now(), 1)",
            (uuid.uuid4(), OTHER_SCHOOL_TEACHER, OTHER_SCHOOL_STUDENT),
        )
    demo_server.staff["autre"] = OTHER_SCHOOL_TEACHER
    demo_server.add_role("autre")
    return Scene(demo_server, demo_school, first_student)


def caseload(server, username: str) -> set[uuid.UUID]:
    return set(
        server.column(
            "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s"
            " AND deleted_at IS NULL",
            server.staff[username],
        )
    )


def ids(connection, query: str, *params: object) -> set[uuid.UUID]:
    return {row[0] for row in connection.execute(query, params)}


def test_levels_that_see_all_students_agree_with_the_permission_matrix():
    _, levels, _ = MATRIX[Action.VIEW_ALL_STUDENTS]
    assert max(levels) == SEES_ALL_STUDENTS
    assert AccessLevel.TEACHER not in levels


def test_a_teacher_reads_exactly_their_caseload(school):
    expected = caseload(school.server, "enseignant")
    assert 0 < len(expected) < 50

    with school.server.connect_as("enseignant") as teacher:
        students = ids(teacher, "SELECT id FROM cams.students")
        notes = teacher.execute(
            "SELECT student_id, author_id, is_private FROM cams.notes"
        ).fetchall()
        links = ids(teacher, "SELECT student_id FROM cams.caseload_assignments")

    assert students == expected
    assert {student for student, _, _ in notes} <= expected
    assert all(
        not private or author == school.server.staff["enseignant"]
        for _, author, private in notes
    )
    assert links == expected
    public_notes_of_caseload = set(
        school.server.column(
            "SELECT id FROM cams.notes WHERE student_id = ANY(%s)"
            " AND (NOT is_private OR author_id = %s)",
            list(expected),
            school.server.staff["enseignant"],
        )
    )
    with school.server.connect_as("enseignant") as teacher:
        assert ids(teacher, "SELECT id FROM cams.notes") == public_notes_of_caseload


def test_other_staff_read_their_caseload_and_administrators_the_school(school):
    with school.server.connect_as("secretariat") as office:
        office_students = ids(office, "SELECT id FROM cams.students")
    with school.server.connect_as("conseiller") as counsellor:
        counsellor_students = ids(counsellor, "SELECT id FROM cams.students")

    assert office_students == caseload(school.server, "secretariat")
    assert counsellor_students == set(
        school.server.column(
            "SELECT id FROM cams.students WHERE school_id = %s", school.demo_school
        )
    )
    assert len(counsellor_students) == 50


def test_private_notes_reach_their_author_only(school):
    with school.server.connect_as("conseiller") as author:
        seen_by_author = ids(author, "SELECT id FROM cams.notes WHERE is_private")
    with school.server.connect_as("admin") as program_admin:
        seen_by_admin = ids(
            program_admin, "SELECT id FROM cams.notes WHERE id = %s", PRIVATE_NOTE
        )
    with school.server.connect_as("enseignant") as teacher:
        student_seen = ids(
            teacher,
            "SELECT id FROM cams.students WHERE id = %s",
            school.private_note_student,
        )
        seen_by_teacher = ids(
            teacher, "SELECT id FROM cams.notes WHERE id = %s", PRIVATE_NOTE
        )

    assert PRIVATE_NOTE in seen_by_author
    assert student_seen == {school.private_note_student}
    assert seen_by_teacher == set()
    assert seen_by_admin == set()


def test_another_schools_rows_are_never_seen(school):
    for username in ("enseignant", "conseiller", "admin"):
        with school.server.connect_as(username) as connection:
            assert (
                ids(
                    connection,
                    "SELECT id FROM cams.students WHERE id = %s",
                    OTHER_SCHOOL_STUDENT,
                )
                == set()
            )
            assert (
                ids(
                    connection,
                    "SELECT id FROM cams.notes WHERE id = %s",
                    OTHER_SCHOOL_NOTE,
                )
                == set()
            )
            assert (
                ids(
                    connection,
                    "SELECT id FROM cams.staff WHERE id = %s",
                    OTHER_SCHOOL_TEACHER,
                )
                == set()
            )
            pulled = connection.execute(
                "SELECT cams.pull(0, %s, 5000)", (SCHEMA_VERSION,)
            ).fetchone()[0]
            assert {row["id"] for row in pulled["rows"]}.isdisjoint(
                {
                    str(OTHER_SCHOOL_STUDENT),
                    str(OTHER_SCHOOL_NOTE),
                    str(OTHER_SCHOOL_TEACHER),
                }
            )
    with school.server.connect_as("autre") as other:
        assert ids(other, "SELECT id FROM cams.students") == {OTHER_SCHOOL_STUDENT}
        assert ids(other, "SELECT id FROM cams.notes") == {OTHER_SCHOOL_NOTE}


def test_a_teacher_cannot_write_tables_directly(school):
    outside = next(
        iter(
            set(
                school.server.column(
                    "SELECT id FROM cams.students WHERE school_id = %s",
                    school.demo_school,
                )
            )
            - caseload(school.server, "enseignant")
        )
    )
    statements = [
        ("UPDATE cams.students SET email = 'x@example.org' WHERE id = %s", (outside,)),
        ("UPDATE cams.students SET email = 'x@example.org'", ()),
        (
            "INSERT INTO cams.notes (id, student_id, author_id, body, is_private,"
            " created_at, updated_at, version) VALUES (%s, %s, %s, 'x', false,"
            " now(), now(), 1)",
            (uuid.uuid4(), outside, school.server.staff["enseignant"]),
        ),
        ("DELETE FROM cams.notes", ()),
        (
            "INSERT INTO cams.caseload_assignments (id, staff_id, student_id,"
            " created_at, updated_at, version) VALUES (%s, %s, %s, now(), now(), 1)",
            (uuid.uuid4(), school.server.staff["enseignant"], outside),
        ),
    ]
    before = school.server.scalar(
        "SELECT md5(string_agg(s::text, '' ORDER BY id)) FROM cams.students s"
    )

    with school.server.connect_as("enseignant") as teacher:
        for statement, params in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                teacher.execute(statement, params)

    assert (
        school.server.scalar(
            "SELECT md5(string_agg(s::text, '' ORDER BY id)) FROM cams.students s"
        )
        == before
    )


@pytest.mark.parametrize("table", [name for name, _ in SERVER_TABLES])
def test_server_tables_are_out_of_reach(school, table):
    with school.server.connect_as("enseignant") as teacher:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            teacher.execute(f"SELECT count(*) FROM cams.{table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            teacher.execute(f"DELETE FROM cams.{table}")


def test_secrets_and_inner_functions_are_out_of_reach(school):
    with school.server.connect_as("conseiller") as counsellor:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            counsellor.execute("SELECT password_hash FROM cams.staff")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            counsellor.execute("SELECT site_password_hash FROM cams.schools")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            counsellor.execute("SELECT cams.compact_change_log('0 seconds')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            counsellor.execute("SELECT cams.put_notes(cams.unwire_notes('{}'), true)")
        # What the counsellor may read: the other columns.
        assert counsellor.execute("SELECT count(*) FROM cams.staff").fetchone() == (6,)


def test_the_staff_group_may_only_read_and_only_under_row_security(school):
    group = f"cams_{school.server.name}_staff"
    with school.server.admin() as connection:
        for synced in synced_tables():
            table = f"cams.{synced.name}"
            privileges = connection.execute(
                "SELECT has_table_privilege(%s, %s, 'INSERT'),"
                " has_table_privilege(%s, %s, 'UPDATE'),"
                " has_table_privilege(%s, %s, 'DELETE'),"
                " (SELECT relrowsecurity FROM pg_class WHERE oid = %s::regclass)",
                (group, table, group, table, group, table, table),
            ).fetchone()
            assert privileges == (False, False, False, True), table


def test_a_disabled_role_can_neither_sign_in_nor_see(school):
    school.server.add_role("direction")
    with school.server.connect_as("direction") as open_session:
        assert len(ids(open_session, "SELECT id FROM cams.students")) == 50

        disable_staff_role(school.server.url, school.server.staff["direction"])

        assert ids(open_session, "SELECT id FROM cams.students") == set()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not an active"):
            open_session.execute("SELECT cams.pull(0, %s, 10)", (SCHEMA_VERSION,))
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        school.server.connect_as("direction")


def test_staff_roles_are_named_after_the_database(school):
    assert (
        school.server.roles["enseignant"] == f"cams_{school.server.name}_u_enseignant"
    )
    assert (
        school.server.scalar(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
            f"cams_{school.server.name}_staff",
        )
        is False
    )
    assert school.server.scalar(
        "SELECT pg_has_role(%s, %s, 'MEMBER')",
        school.server.roles["enseignant"],
        f"cams_{school.server.name}_staff",
    )


def test_pull_shows_secrets_on_the_callers_own_rows_only(school):
    with school.server.connect_as("conseiller") as counsellor:
        pulled = counsellor.execute(
            "SELECT cams.pull(0, %s, 5000)", (SCHEMA_VERSION,)
        ).fetchone()[0]
    staff = {
        row["data"]["username"]: row["data"]["password_hash"]
        for row in pulled["rows"]
        if row["table"] == "staff"
    }
    schools = {
        row["id"]: row["data"]["site_password_hash"]
        for row in pulled["rows"]
        if row["table"] == "schools"
    }

    own_hash = school.server.scalar(
        "SELECT password_hash FROM cams.staff WHERE username = 'conseiller'"
    )
    assert own_hash.startswith("$argon2")
    assert staff["conseiller"] == own_hash
    assert school.server.scalar(
        "SELECT password_hash FROM cams.staff WHERE username = 'enseignant'"
    ).startswith("$argon2")
    assert {name: value for name, value in staff.items() if name != "conseiller"} == (
        dict.fromkeys(set(staff) - {"conseiller"})
    )
    assert schools[str(school.demo_school)].startswith("$argon2")
    assert len(schools) == 3


def test_staff_may_run_the_sync_functions_and_the_helpers_of_row_security_only(
    school,
):
    group = f"cams_{school.server.name}_staff"

    runnable = set(
        school.server.column(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n"
            " ON n.oid = p.pronamespace WHERE n.nspname = 'cams'"
            " AND has_function_privilege(%s, p.oid, 'EXECUTE')",
            group,
        )
    )

    assert runnable == {
        "push",
        "pull",
        "counts",
        "table_rows",
        "viewer",
        "my_staff_id",
        "my_school_id",
        "my_board_id",
        "my_students",
        "sees_all_students",
        # Checking a connection; conflicts (program administrators only).
        "server_info",
        "open_conflicts",
        "resolve_conflict",
        # Server logins (program administrators only, checked inside).
        "set_staff_login",
        "disable_staff_login",
    }
