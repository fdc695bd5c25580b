"""Real roster files, read, previewed, imported and imported again."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.students import Gender, Parent, ParentLink, Student
from cams_desktop.services.roster.applying import apply_import
from cams_desktop.services.roster.planning import (
    RowKind,
    SourceSchool,
    plan_import,
    problem_text,
    read_for_import,
)
from cams_desktop.services.roster.records import RosterFormat

pytestmark = pytest.mark.unit

ROSTERS = Path(__file__).resolve().parents[2] / "data" / "rosters"
NEW, UPDATE, UNCHANGED, ERROR, SKIPPED = RowKind
TODAY = dt.date(2026, 12, 1)


def preview(school, name: str, schools: set[str] | None = None):
    found = read_for_import(school.db, school.admin, ROSTERS / name)
    return plan_import(
        school.db,
        school.admin,
        found.roster,
        source_schools=frozenset(schools) if schools else None,
        mapping=found.mapping_to_remember(),
        today=TODAY,
    )


def kinds(plan) -> Counter[RowKind]:
    return Counter(row.kind for row in plan.rows)


def journal(db) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.scalar(select(func.count()).select_from(OutboxEntry)) or 0,
        )


def import_twice(school, name: str, schools: set[str] | None = None):
    """Import the file, then preview and apply it again: nothing may change."""
    first = preview(school, name, schools)
    result = apply_import(school.db, school.admin, first)
    before = journal(school.db)
    again = preview(school, name, schools)
    apply_import(school.db, school.admin, again)
    assert journal(school.db) == before
    return first, result, again


def test_contoso_lists_four_schools_and_imports_the_one_chosen(tiny_school):
    unchosen = preview(tiny_school, "oea-contoso-sis/students.csv")
    first, result, again = import_twice(
        tiny_school, "oea-contoso-sis/students.csv", {"sch0"}
    )

    assert unchosen.format is RosterFormat.TABLE and unchosen.full
    assert unchosen.needs_school_choice
    assert unchosen.source_schools == tuple(
        SourceSchool(f"sch{n}", f"sch{n}", 100) for n in range(4)
    )
    assert kinds(unchosen) == {SKIPPED: 400}
    assert kinds(first) == {NEW: 100, SKIPPED: 300}
    # Only the passwords of the school imported are counted (the file has 400).
    assert (unchosen.passwords_ignored, first.passwords_ignored) == (400, 100)
    assert (result.added, result.passwords_ignored) == (100, 100)
    assert kinds(again) == {UNCHANGED: 100, SKIPPED: 300}
    assert again.missing == ()
    with tiny_school.db.read() as session:
        albert = session.scalars(
            select(Student).where(Student.username == "albertibarra1")
        ).one()
        stored = session.scalar(select(func.count()).select_from(Student))
    assert stored == 100
    assert (
        albert.source_id,
        albert.student_number,
        albert.first_name,
        albert.last_name,
        albert.grade,
        albert.gender,
        albert.birth_date,
        albert.expected_graduation,
        albert.email,
        albert.password_hash,
    ) == (
        "st1",
        "1",
        "Albert",
        "Ibarra",
        11,
        Gender.MALE,
        dt.date(2004, 4, 2),
        dt.date(2020, 6, 30),
        "albertibarra1@Classrmtest86.org",
        None,
    )


def test_sds_v1_imports_contoso_high_and_leaves_fabrikam_out(tiny_school):
    first, result, again = import_twice(
        tiny_school, "ms-sds-csv-samples/sds-v1-100-users", {"10001"}
    )

    assert first.format is RosterFormat.SDS_V1
    assert first.source_schools == (
        SourceSchool("10001", "Contoso High School", 60),
        SourceSchool("10002", "Fabrikam High School", 26),
    )
    assert kinds(first) == {NEW: 60, SKIPPED: 26}
    assert (result.added, result.passwords_ignored) == (60, 60)
    assert kinds(again) == {UNCHANGED: 60, SKIPPED: 26}
    ora = next(row for row in first.rows if row.record.username == "OKlein")
    assert (ora.line, ora.record.grade, ora.record.birth_date) == (
        2,
        9,
        dt.date(2000, 4, 2),
    )


def test_sds_v2_imports_its_email_style_usernames(tiny_school):
    first, result, again = import_twice(
        tiny_school, "ms-sds-csv-samples/sds-v2.1", {"110003"}
    )
    both = preview(tiny_school, "ms-sds-csv-samples/sds-v2.1", {"110001", "110003"})

    assert first.format is RosterFormat.SDS_V21
    assert [(row.kind, row.line, row.record.username) for row in first.rows] == [
        (NEW, 2, "jcraig@classrmtest31.org"),
        (NEW, 4, "fhutch@classrmtest31.org"),
        (NEW, 5, "asmithee@classrmtest31.org"),
        (SKIPPED, 9, "smiller@classrmtest31.org"),
    ]
    assert (result.added, result.errors_skipped, result.passwords_ignored) == (
        3,
        0,
        3,
    )
    assert kinds(again) == {UNCHANGED: 3, SKIPPED: 1}
    assert [(row.kind, row.line, [problem_text(p, row) for p in row.problems])
            for row in both.rows] == [
        (UNCHANGED, 2, []),
        (UNCHANGED, 4, []),
        (UNCHANGED, 5, []),
        (
            ERROR,
            9,
            [
                'roles.csv:8: grade "ps1": The grade is outside grades 1 to 12 '
                "(or is not a grade)."
            ],
        ),
    ]  # fmt: skip


def test_oneroster_imports_students_and_links_the_parent(tiny_school):
    first, result, again = import_twice(tiny_school, "oneroster-moodle-enrol/v1p1_full")

    assert first.format is RosterFormat.ONEROSTER_11
    assert [(row.kind, row.line, row.record.username) for row in first.rows] == [
        (NEW, 3, "mary.jones"),
        (NEW, 6, "mmichel.jones"),
        (NEW, 7, "anna.brown"),
    ]
    assert (first.rows_read, first.other_rows, result.added) == (6, 3, 3)
    assert kinds(again) == {UNCHANGED: 3}
    with tiny_school.db.read() as session:
        links = session.execute(
            select(Parent.first_name, Parent.last_name, Parent.email, Student.username)
            .join(ParentLink, ParentLink.parent_id == Parent.id)
            .join(Student, Student.id == ParentLink.student_id)
        ).all()
    assert links == [("Thomas", "Jones", "thomas.jones@testemail.com", "mary.jones")]


def test_opensis_rows_without_ids_get_usernames_and_are_found_again(tiny_school):
    first, _, again = import_twice(tiny_school, "opensis-bulk-student/upload.csv")

    assert [row.changes[0].new for row in first.rows] == ["dgerry", "mbaum", "djohnson"]
    assert kinds(first) == {NEW: 3}
    assert kinds(again) == {UNCHANGED: 3}


def test_opensis_rows_found_again_by_name_and_birth_date_get_their_number(
    tiny_school, tmp_path
):
    import_twice(tiny_school, "opensis-bulk-student/upload.csv")
    lines = (ROSTERS / "opensis-bulk-student" / "upload.csv").read_text().splitlines()
    numbered = tmp_path / "upload-numbered.csv"
    numbered.write_text(
        "\n".join(
            [lines[0] + ",student number"]
            + [f"{line},{9000 + n}" for n, line in enumerate(lines[1:], start=1)]
        )
        + "\n"
    )

    found = read_for_import(tiny_school.db, tiny_school.admin, numbered)
    second = plan_import(tiny_school.db, tiny_school.admin, found.roster, today=TODAY)
    apply_import(tiny_school.db, tiny_school.admin, second)

    assert [
        (row.kind, [(c.field, c.old, c.new) for c in row.changes])
        for row in second.rows
    ] == [
        (UPDATE, [("student_number", None, "9001")]),
        (UPDATE, [("student_number", None, "9002")]),
        (UPDATE, [("student_number", None, "9003")]),
    ]
    with tiny_school.db.read() as session:
        stored = session.execute(
            select(Student.username, Student.student_number).order_by(Student.username)
        ).all()
    assert stored == [("dgerry", "9001"), ("djohnson", "9003"), ("mbaum", "9002")]


def test_opensis_parents_of_one_family_stay_apart(tiny_school):
    first, _, again = import_twice(
        tiny_school, "opensis-bulk-student/enhanced_upload.csv"
    )

    assert kinds(first) == {NEW: 5}
    assert kinds(again) == {UNCHANGED: 5}
    with tiny_school.db.read() as session:
        gerry = session.execute(
            select(Parent.first_name, Parent.phone, ParentLink.relationship)
            .join(ParentLink, ParentLink.parent_id == Parent.id)
            .join(Student, Student.id == ParentLink.student_id)
            .where(Student.last_name == "Gerry")
            .order_by(Parent.first_name)
        ).all()
        parents = session.scalar(select(func.count()).select_from(Parent))
    assert gerry == [("John", "206-555-1212", "Father"), ("Martha", None, "Mother")]
    assert parents == sum(len(row.record.parents) for row in first.rows)
