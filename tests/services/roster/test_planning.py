"""Previewing a roster import: kinds of rows, matching, refusals and parents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from cams_desktop.db.school import Board, Language, School
from cams_desktop.db.students import Gender, Parent, ParentLink, PlanStatus, Student
from cams_desktop.services.access import PermissionDenied
from cams_desktop.services.roster import planning
from cams_desktop.services.roster.planning import (
    FieldChange,
    MissingStudent,
    RowKind,
    SourceSchool,
    describe_changes,
    plan_import,
)
from cams_desktop.services.roster.records import (
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
    StudentRecord,
)
from cams_desktop.services.students import username_error
from cams_desktop.text import fold, name_sort_key

pytestmark = pytest.mark.unit

TODAY = dt.date(2026, 12, 1)
FILE = "eleves.csv"


@dataclass
class Known:
    """The tiny school with four students, a parent and a neighbour school."""

    db: object
    admin: object
    teacher: object
    school_id: uuid.UUID
    zoe: uuid.UUID  # st1, 1001, ztremblay, grade 9
    louis: uuid.UUID  # st2, 1002, lcote, grade 10
    ana: uuid.UUID  # no id, 1003, aroy, grade 11, plan inactive
    marc: uuid.UUID  # no id, no number, mroy, grade 12
    jean: uuid.UUID  # Zoé's father, no id nor email


def student(school_id: uuid.UUID, username: str, first: str, last: str, **values):
    return Student(
        school_id=school_id,
        username=username,
        username_key=username.casefold(),
        first_name=first,
        last_name=last,
        sort_key=name_sort_key(last, first),
        search_text=fold(f"{first} {last} {username}"),
        gender=values.pop("gender", Gender.UNSPECIFIED),
        **values,
    )


@pytest.fixture
def known(tiny_school) -> Iterator[Known]:
    db = tiny_school.db
    with db.transaction(None) as session:
        school = session.get_one(School, tiny_school.school_id)
        north = School(board_id=school.board_id, name="École du Nord", code="EDN")
        elsewhere = Board(name="Autre conseil")
        session.add_all([north, elsewhere])
        session.flush()
        sid = school.id
        zoe = student(
            sid,
            "ztremblay",
            "Zoé",
            "Tremblay",
            source_id="st1",
            student_number="1001",
            grade=9,
            gender=Gender.FEMALE,
            birth_date=dt.date(2011, 3, 14),
            email="zoe@example.org",
        )
        louis = student(
            sid,
            "lcote",
            "Louis",
            "Côté",
            source_id="st2",
            student_number="1002",
            grade=10,
        )
        ana = student(
            sid,
            "aroy",
            "Ana",
            "Roy",
            student_number="1003",
            grade=11,
            plan_status=PlanStatus.INACTIVE,
        )
        marc = student(sid, "mroy", "Marc", "Roy", grade=12)
        neighbour = student(
            north.id, "nord1", "Nadia", "Nord", student_number="5001", grade=9
        )
        session.add_all([zoe, louis, ana, marc, neighbour])
        session.flush()
        jean = Parent(school_id=sid, first_name="Jean", last_name="Tremblay")
        session.add(jean)
        session.flush()
        session.add(ParentLink(parent_id=jean.id, student_id=zoe.id))
        ids = (zoe.id, louis.id, ana.id, marc.id, jean.id)
    yield Known(db, tiny_school.counsellor, tiny_school.teacher, sid, *ids)


def record(line: int, first: str, last: str, **values) -> StudentRecord:
    values.setdefault("source_id", None)
    values.setdefault("student_number", None)
    values.setdefault("username", None)
    return StudentRecord(FILE, line, first_name=first, last_name=last, **values)


def zoe_as_stored(line: int = 2, **changes) -> StudentRecord:
    values = {
        "source_id": "st1",
        "student_number": "1001",
        "username": "ztremblay",
        "grade": 9,
        "gender": Gender.FEMALE,
        "birth_date": dt.date(2011, 3, 14),
        "email": "zoe@example.org",
    } | changes
    return record(line, "Zoé", "Tremblay", **values)


def roster(*records: StudentRecord, full: bool = False, **values) -> Roster:
    return Roster(
        RosterFormat.ONEROSTER_11,
        full,
        list(records),
        rows_read=len(records),
        **values,
    )


def plan(known: Known, *records: StudentRecord, **options):
    full = options.pop("full", False)
    extra = options.pop("roster", {})
    return plan_import(
        known.db,
        known.admin,
        roster(*records, full=full, **extra),
        today=TODAY,
        **options,
    )


def problem(line: int, column: str | None, value: str | None, message: str) -> Problem:
    return Problem(FILE, line, column, value, message)


def summary(result) -> list[tuple]:
    return [(row.kind, row.line, row.changes, row.problems) for row in result.rows]


# --- kinds of rows --------------------------------------------------------------


def test_each_kind_of_row_with_its_changes(known):
    result = plan(
        known,
        zoe_as_stored(2),
        record(3, "Louis", "Côté", source_id="st2", grade=11),
        record(
            4,
            "Élodie",
            "Gagnon",
            username="egagnon",
            grade=7,
            birth_date=dt.date(2014, 1, 5),
        ),
        record(5, "Marc", "Roy", username="mroy", email="pas-un-courriel"),
    )

    assert summary(result) == [
        (RowKind.UNCHANGED, 2, (), ()),
        (RowKind.UPDATE, 3, (FieldChange("grade", 10, 11),), ()),
        (
            RowKind.NEW,
            4,
            (
                FieldChange("username", None, "egagnon"),
                FieldChange("first_name", None, "Élodie"),
                FieldChange("last_name", None, "Gagnon"),
                FieldChange("grade", None, 7),
                FieldChange("gender", None, Gender.UNSPECIFIED),
                FieldChange("birth_date", None, dt.date(2014, 1, 5)),
                FieldChange("preferred_language", None, Language.FRENCH),
            ),
            (),
        ),
        (
            RowKind.ERROR,
            5,
            (),
            (
                problem(
                    5,
                    "Email",
                    "pas-un-courriel",
                    "pas-un-courriel is not an email address.",
                ),
            ),
        ),
    ]
    assert [row.student_id for row in result.rows[:2]] == [known.zoe, known.louis]
    assert result.rows[3].student_id == known.marc
    assert result.counts() == {
        RowKind.NEW: 1,
        RowKind.UPDATE: 1,
        RowKind.UNCHANGED: 1,
        RowKind.ERROR: 1,
        RowKind.SKIPPED: 0,
    }
    assert describe_changes(result.rows[1], "en") == "Grade: 10 → 11"


def test_only_what_the_file_gives_is_compared(known):
    # No email, grade or birth date in the file: the stored ones stay.
    result = plan(known, record(2, "Zoé", "Tremblay", source_id="st1"))

    assert summary(result) == [(RowKind.UNCHANGED, 2, (), ())]


def test_a_summary_counts_rows_missing_students_and_passwords(known):
    result = plan(
        known,
        zoe_as_stored(2, had_password=True),
        full=True,
        roster={"passwords_ignored": 1, "other_rows": 3},
    )

    data = result.summary()
    assert (data.unchanged, data.new, data.missing) == (1, 0, 2)
    assert (data.passwords_ignored, data.rows_read, data.other_rows) == (1, 1, 3)


def test_importing_needs_the_import_permission(known):
    with pytest.raises(PermissionDenied):
        plan_import(known.db, known.teacher, roster(zoe_as_stored()), today=TODAY)


# --- matching ------------------------------------------------------------------


def test_matching_by_source_id_then_number_then_username(known):
    result = plan(
        known,
        # The source id wins over a username that is another student's.
        record(2, "Zoé", "Tremblay", source_id="st1", username="ZTremblay"),
        # No id known: the student number finds Ana.
        record(3, "Ana", "Roy", source_id="x9", student_number="1003"),
        # Neither: the username finds Marc, whatever its case.
        record(4, "Marc", "Roy", username="MROY"),
    )

    assert [(row.kind, row.student_id, row.changes) for row in result.rows] == [
        (
            RowKind.UPDATE,
            known.zoe,
            (FieldChange("username", "ztremblay", "ZTremblay"),),
        ),
        (RowKind.UPDATE, known.ana, (FieldChange("source_id", None, "x9"),)),
        (RowKind.UPDATE, known.marc, (FieldChange("username", "mroy", "MROY"),)),
    ]


def test_values_of_another_student_of_the_school_are_refused(known):
    result = plan(
        known,
        record(2, "Louis", "Côté", source_id="st2", student_number="1001"),
        record(3, "Marc", "Roy", student_number="1003", username="mroy"),
    )

    assert summary(result) == [
        (
            RowKind.ERROR,
            2,
            (),
            (
                problem(
                    2,
                    "Student number",
                    "1001",
                    "Another student of this school has the student number 1001.",
                ),
            ),
        ),
        # 1003 finds Ana first; mroy is Marc's username.
        (
            RowKind.ERROR,
            3,
            (),
            (
                problem(
                    3,
                    "Username",
                    "mroy",
                    "The username mroy belongs to another student of this school "
                    "(Marc Roy).",
                ),
            ),
        ),
    ]


def test_the_later_of_two_rows_for_one_student_is_refused(known):
    result = plan(
        known,
        record(2, "Élodie", "Gagnon", source_id="n1", username="egagnon", grade=7),
        record(3, "Élodie", "Gagnon", source_id="n1", username="egagnon2", grade=7),
        record(4, "Paul", "Hébert", student_number="77", username="phebert", grade=8),
        record(5, "Paule", "Hébert", student_number="77", username="phebert2", grade=8),
        record(6, "Éli", "Gagnon", username="EGAGNON", grade=7),
        # Two rows that find the same student by different keys.
        record(7, "Louis", "Côté", source_id="st2"),
        record(8, "Louis", "Côté", username="lcote"),
    )

    assert [(row.kind, row.line, row.problems) for row in result.rows] == [
        (RowKind.NEW, 2, ()),
        (
            RowKind.ERROR,
            3,
            (
                problem(
                    3,
                    "Id in the school system",
                    "n1",
                    "Line 2 has the same value; only the first of the two rows can "
                    "be imported.",
                ),
            ),
        ),
        (RowKind.NEW, 4, ()),
        (
            RowKind.ERROR,
            5,
            (
                problem(
                    5,
                    "Student number",
                    "77",
                    "Line 4 has the same value; only the first of the two rows can "
                    "be imported.",
                ),
            ),
        ),
        (
            RowKind.ERROR,
            6,
            (
                problem(
                    6,
                    "Username",
                    "EGAGNON",
                    "Line 2 has the same value; only the first of the two rows can "
                    "be imported.",
                ),
            ),
        ),
        (RowKind.UNCHANGED, 7, ()),
        (
            RowKind.ERROR,
            8,
            (problem(8, None, None, "This row is the same student as line 7."),),
        ),
    ]


def test_usernames_and_numbers_of_other_schools_and_staff_are_refused(known):
    result = plan(
        known,
        record(2, "Nadia", "Nord", username="nord1", grade=9),
        record(3, "Marc", "Ouellet", username="Conseiller", grade=9),
        record(4, "Nadia", "Nord", username="nnord", student_number="5001", grade=9),
    )

    assert [row.problems for row in result.rows] == [
        (
            problem(
                2,
                "Username",
                "nord1",
                "The username nord1 belongs to a student of another school of the "
                "board (École du Nord).",
            ),
        ),
        (
            problem(
                3,
                "Username",
                "Conseiller",
                "The username Conseiller belongs to a staff member.",
            ),
        ),
        (
            problem(
                4,
                "Student number",
                "5001",
                "The student number 5001 belongs to a student of another school of "
                "the board (École du Nord).",
            ),
        ),
    ]
    assert {row.kind for row in result.rows} == {RowKind.ERROR}


# --- validation ------------------------------------------------------------------


def test_values_too_long_are_refused_never_cut(known):
    number = "1" * 41
    result = plan(
        known,
        record(2, "Élodie", "G" * 101, student_number=number, username="eg", grade=7),
    )

    (row,) = result.rows
    assert row.kind is RowKind.ERROR
    assert row.problems == (
        problem(
            2, "Student number", number, "Student number is longer than 40 characters."
        ),
        problem(2, "Last name", "G" * 101, "Last name is longer than 100 characters."),
        problem(
            2,
            "Username",
            "eg",
            "A username has 3 to 64 characters: letters without accents, digits, "
            "dots, hyphens or underscores, starting with a letter or a digit, and "
            "at most one @ (an email-style login).",
        ),
    )


def test_records_the_reader_refused_and_impossible_dates_are_errors(known):
    bad_date = problem(2, "Birthdate", "31/02/2010", "31/02/2010 is not a date.")
    result = plan(
        known,
        record(
            2, "Élodie", "Gagnon", username="egagnon", grade=7, problems=(bad_date,)
        ),
        record(3, "Paul", "Hébert", username="phebert", grade=8, birth_date=TODAY),
        record(
            4,
            "Zoé",
            "Tremblay",
            source_id="st1",
            expected_graduation=dt.date(2010, 6, 30),
        ),
        record(5, "Léa", "Roy", username="lroy", grade=13),
        record(6, "Léo", "Roy", username="leoroy"),
    )

    assert [(row.kind, row.problems) for row in result.rows] == [
        (RowKind.ERROR, (bad_date,)),
        (
            RowKind.ERROR,
            (
                problem(
                    3, "Birth date", "2026-12-01", "The birth date must be in the past."
                ),
            ),
        ),
        (
            RowKind.ERROR,
            (
                problem(
                    4,
                    "Expected graduation",
                    "2010-06-30",
                    "The expected graduation date must come after the birth date.",
                ),
            ),
        ),
        (
            RowKind.ERROR,
            (problem(5, "Grade", "13", "The grade must be between 1 and 12."),),
        ),
        (
            RowKind.ERROR,
            (
                problem(
                    6, "Grade", None, "The grade is missing; a new student needs one."
                ),
            ),
        ),
    ]


def test_a_new_row_without_username_gets_a_free_one(known):
    result = plan(
        known,
        record(2, "Élodie", "Gagnon", grade=7),
        record(3, "Zacharie", "Tremblay", grade=8),
        # Given later in the file: the made-up usernames leave it alone.
        record(4, "Emma", "Gagnon", username="egagnon2", grade=7),
        record(5, "Éric", "Gagnon", grade=7),
    )

    assert [row.changes[0] for row in result.rows] == [
        FieldChange("username", None, "egagnon"),
        FieldChange("username", None, "ztremblay2"),
        FieldChange("username", None, "egagnon2"),
        FieldChange("username", None, "egagnon3"),
    ]


def test_a_long_value_is_quoted_cut_with_its_length(known):
    result = plan(known, record(2, "Élodie", "G" * 5000, grade=7))

    (row,) = result.rows
    assert describe_changes(row, "en") == (
        f'Last name "{"G" * 79}…" (5000 characters): Last name is longer than 100 '
        "characters."
    )


def test_made_up_usernames_are_always_valid_usernames(known):
    result = plan(
        known,
        record(2, "🙂", "🌟🌟", grade=7),
        record(3, "زينب", "حداد", grade=8),
        record(4, "Z", "李", grade=8),
        record(5, "Ève", "-.Lé", grade=8),
        record(6, "-", "..Roy", grade=8),
    )

    made_up = [row.changes[0].new for row in result.rows]
    with known.db.read() as session:
        errors = [username_error(session, name, student=True) for name in made_up]
    assert made_up == ["eleve2", "eleve3", "eleve4", "e-.le", "roy"]
    assert errors == [(None, None)] * 5


def test_made_up_usernames_are_counted_on_not_rebuilt_for_each_row(known, monkeypatch):
    """3,000 rows of one name: the board's usernames are read into one set
    once, not copied for each row (that made 20,000 rows take a minute)."""
    reads = 0

    class Counted(dict):
        def keys(self):
            nonlocal reads
            reads += 1
            return super().keys()

        def __iter__(self):
            nonlocal reads
            reads += 1
            return super().__iter__()

    read_school = planning._read_school

    def counted(session, school_id):
        found = read_school(session, school_id)
        found.usernames = Counted(found.usernames)
        return found

    monkeypatch.setattr(planning, "_read_school", counted)
    born = dt.date(2012, 1, 1)
    rows = [
        record(
            line,
            "Zacharie",
            "Tremblay",
            grade=8,
            birth_date=born + dt.timedelta(days=line),
        )
        for line in range(2, 3002)
    ]

    result = plan(known, *rows)

    assert reads == 1
    assert [row.changes[0].new for row in result.rows] == [
        f"ztremblay{n}" for n in range(2, 3002)
    ]


# --- status ------------------------------------------------------------------------


def test_status_deactivates_and_reactivates_but_never_deletes(known):
    result = plan(
        known,
        record(2, "Zoé", "Tremblay", source_id="st1", to_delete=True),
        record(3, "Louis", "Côté", source_id="st2", active=False),
        record(4, "Ana", "Roy", username="aroy", active=True),
        record(5, "Marc", "Roy", username="mroy", active=True),
        record(6, "Inconnu", "Parti", username="iparti", grade=9, to_delete=True),
    )

    inactive = FieldChange("plan_status", PlanStatus.ACTIVE, PlanStatus.INACTIVE)
    assert [(row.kind, row.changes) for row in result.rows] == [
        (RowKind.UPDATE, (inactive,)),
        (RowKind.UPDATE, (inactive,)),
        (
            RowKind.UPDATE,
            (FieldChange("plan_status", PlanStatus.INACTIVE, PlanStatus.ACTIVE),),
        ),
        (RowKind.UNCHANGED, ()),
        (RowKind.SKIPPED, ()),
    ]
    assert result.rows[4].problems[0].message == (
        "Not imported: the file marks this student as gone and CAMS has no such "
        "student."
    )


def test_a_full_roster_lists_the_active_students_it_does_not_name(known):
    full = plan(known, zoe_as_stored(), full=True)
    delta = plan(known, zoe_as_stored())

    # Ana's plan is inactive: she is not "missing".
    assert full.missing == (
        MissingStudent(known.louis, 1, "Louis", "Côté", 10, "lcote"),
        MissingStudent(known.marc, 1, "Marc", "Roy", 12, "mroy"),
    )
    assert delta.missing == ()


# --- several schools in one file ---------------------------------------------------


def test_a_file_of_several_schools_asks_which_to_import(known):
    records = (
        dataclasses.replace(zoe_as_stored(2), school_source_id="sch0"),
        record(3, "Louis", "Côté", source_id="st2", school_source_id="sch1"),
        record(4, "Marc", "Roy", username="mroy", school_source_id="sch1"),
    )
    names = {"source_schools": {"sch0": "Lakeside", "sch1": "Hillside"}}

    unchosen = plan(known, *records, full=True, roster=names)
    chosen = plan(
        known, *records, full=True, roster=names, source_schools=frozenset({"sch1"})
    )

    assert unchosen.needs_school_choice
    assert unchosen.source_schools == (
        SourceSchool("sch0", "Lakeside", 1),
        SourceSchool("sch1", "Hillside", 2),
    )
    assert [p.message for p in unchosen.problems] == [
        "The file lists students of 2 schools: sch0 (Lakeside, rows: 1), "
        "sch1 (Hillside, rows: 2). Choose the school or schools to import into "
        "this school."
    ]
    assert {row.kind for row in unchosen.rows} == {RowKind.SKIPPED}
    assert unchosen.missing == ()

    assert not chosen.needs_school_choice
    assert chosen.problems == []
    assert [row.kind for row in chosen.rows] == [
        RowKind.SKIPPED,
        RowKind.UNCHANGED,
        RowKind.UNCHANGED,
    ]
    assert chosen.rows[0].problems == (
        problem(
            2,
            None,
            None,
            "Left out: this student is in school sch0 (Lakeside), which was not "
            "chosen for this import.",
        ),
    )
    assert [m.id for m in chosen.missing] == [known.zoe]


# --- parents -------------------------------------------------------------------------


def test_siblings_share_a_parent_and_same_surnames_stay_apart(known):
    mother = ParentRecord("p1", "Julie", "Gagnon", email="julie@example.org")
    result = plan(
        known,
        record(2, "Élodie", "Gagnon", username="egagnon", grade=7, parents=(mother,)),
        record(
            3,
            "Éric",
            "Gagnon",
            username="ericg",
            grade=9,
            # The same mother, known by her email in another case.
            parents=(ParentRecord(None, "Julie", "Gagnon", email="JULIE@example.org"),),
        ),
        record(
            4,
            "Paul",
            "Roy",
            username="proy",
            grade=8,
            parents=(
                ParentRecord(None, "Luc", "Roy"),
                ParentRecord(None, "Anne", "Roy"),
            ),
        ),
    )

    first, second, third = (row.parents for row in result.rows)
    assert first[0].create and not second[0].create
    assert first[0].parent_id == second[0].parent_id
    assert [step.create for step in third] == [True, True]
    assert third[0].parent_id != third[1].parent_id
    assert result.rows[2].changes[-2:] == (
        FieldChange("parent", None, "Luc Roy"),
        FieldChange("parent", None, "Anne Roy"),
    )


def test_a_parent_without_id_or_email_is_matched_only_on_the_same_student(known):
    father = ParentRecord(None, "Jean", "Tremblay")
    result = plan(
        known,
        zoe_as_stored(2, parents=(father,)),
        record(3, "Marc", "Roy", username="mroy", parents=(father,)),
    )

    zoe, marc = result.rows
    assert (zoe.kind, zoe.parents[0].parent_id, zoe.parents[0].link) == (
        RowKind.UNCHANGED,
        known.jean,
        False,
    )
    # Another Jean Tremblay for Marc: a new parent, not Zoé's father.
    assert marc.kind is RowKind.UPDATE
    assert marc.parents[0].create and marc.parents[0].parent_id != known.jean


def test_an_existing_parent_found_by_email_gets_the_new_values(known):
    with known.db.transaction(None) as session:
        session.get_one(Parent, known.jean).email = "jean@example.org"
    result = plan(
        known,
        zoe_as_stored(
            2,
            parents=(
                ParentRecord(
                    "P-7",
                    "Jean",
                    "Tremblay",
                    email="Jean@Example.org",
                    phone="555-0100",
                    relationship="father",
                ),
            ),
        ),
    )

    (row,) = result.rows
    assert row.kind is RowKind.UPDATE
    assert row.changes == (
        # Found by its email: a difference of case is no change.
        FieldChange("parent.source_id", None, "P-7"),
        FieldChange("parent.phone", None, "555-0100"),
        FieldChange("parent.relationship", "parent", "father"),
    )


def test_a_parent_with_a_bad_email_refuses_the_row(known):
    result = plan(
        known,
        zoe_as_stored(2, parents=(ParentRecord(None, "Jean", "Tremblay", email="x@"),)),
    )

    assert result.rows[0].problems == (
        problem(2, "Parent: Email", "x@", "Parent 1: x@ is not an email address."),
    )


def test_rows_without_any_id_are_matched_by_names_and_birth_date(known):
    with known.db.transaction(None) as session:
        session.add(student(known.school_id, "aroy2", "Ana", "Roy", grade=8))
    result = plan(
        known,
        record(2, "Zoé", "Tremblay", grade=10, birth_date=dt.date(2011, 3, 14)),
        record(3, "ZOE", "tremblay", grade=10, birth_date=dt.date(2011, 3, 14)),
        record(4, "Marc", "Roy", grade=12),
        record(5, "Marc", "Roy", grade=8, birth_date=dt.date(2013, 1, 1)),
        record(6, "Ana", "Roy", grade=11),
    )

    assert [(row.kind, row.student_id, row.changes[:1]) for row in result.rows] == [
        (RowKind.UPDATE, known.zoe, (FieldChange("grade", 9, 10),)),
        (RowKind.ERROR, None, ()),
        (RowKind.UNCHANGED, known.marc, ()),
        (
            RowKind.NEW,
            result.rows[3].student_id,
            (FieldChange("username", None, "mroy2"),),
        ),
        (RowKind.ERROR, None, ()),
    ]
    assert [row.problems[0].message for row in result.rows if row.problems] == [
        "Line 2 has the same name and birth date, and neither row has an id, "
        "student number or username; only the first of the two rows can be "
        "imported.",
        "Several students of this school have this name and birth date, and the "
        "row has no id, student number or username to tell which.",
    ]
