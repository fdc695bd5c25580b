"""Student list, add, edit profile and plan deactivation on real SQLite files."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import Language
from cams_desktop.db.students import CaseloadAssignment, Gender, PlanStatus, Student
from cams_desktop.services import students
from cams_desktop.services.access import NotFound, PermissionDenied
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit


def draft(**changes: object) -> StudentDraft:
    values: dict[str, object] = {
        "first_name": "Zoé",
        "last_name": "O’Neil",
        "grade": 9,
        "gender": Gender.NON_BINARY,
        "username": "zoneil",
        "student_number": "100200",
        "birth_date": dt.date(2011, 3, 14),
        "expected_graduation": dt.date(2029, 6, 30),
        "email": "zoe.oneil@example.org",
        "preferred_language": Language.FRENCH,
    }
    values.update(changes)
    return StudentDraft(**values)  # type: ignore[arg-type]


def test_add_student_stores_names_as_entered_with_keys(tiny_school):
    student_id = students.add_student(
        tiny_school.db,
        tiny_school.counsellor,
        draft(counsellor_ids=frozenset({tiny_school.counsellor.staff_id})),
    )

    with tiny_school.db.read() as session:
        student = session.get_one(Student, student_id)
        assert (student.first_name, student.last_name) == ("Zoé", "O’Neil")
        assert student.username_key == "zoneil"
        assert student.sort_key == "oneil\x01zoe"
        assert student.search_text == "zoe o'neil zoneil"
        assert student.plan_status == PlanStatus.ACTIVE
        assert student.created_by_id == tiny_school.counsellor.staff_id
        assert student.version == 1
        link = session.scalars(select(CaseloadAssignment)).one()
        assert link.staff_id == tiny_school.counsellor.staff_id
        outbox = session.execute(
            select(OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.operation)
            .where(OutboxEntry.table_name.in_(["students", "caseload_assignments"]))
            .order_by(OutboxEntry.mutation_id)
        ).all()
    assert outbox == [
        ("students", student_id, "insert"),
        ("caseload_assignments", link.id, "insert"),
    ]


def test_username_taken_case_insensitively_is_refused_with_a_free_suggestion(
    tiny_school,
):
    db, actor = tiny_school.db, tiny_school.counsellor
    students.add_student(db, actor, draft(username="zoneil", student_number="1"))
    students.add_student(db, actor, draft(username="zoneil2", student_number="2"))

    with pytest.raises(ValidationError) as caught:
        students.add_student(db, actor, draft(username="ZONeil", student_number="3"))

    assert caught.value.suggestion == "zoneil3"
    assert caught.value.errors == {
        "username": "The username ZONeil is already taken in the school board. "
        "zoneil3 is free."
    }
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == 2


def test_staff_username_is_taken_too(tiny_school):
    with pytest.raises(ValidationError) as caught:
        students.add_student(tiny_school.db, tiny_school.admin, draft(username="Admin"))
    assert caught.value.suggestion == "admin2"


def test_a_student_username_may_be_an_email_style_login(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    student_id = students.add_student(
        db, actor, draft(username="JCraig@classrmtest31.org")
    )
    form = (
        "A username has 3 to 64 characters: letters without accents, digits, "
        "dots, hyphens or underscores, starting with a letter or a digit, and at "
        "most one @ (an email-style login)."
    )
    refused = {}
    for username in ("a@b@c.org", "@craig.org", "craig@", "é@b.org", "a@" + "b" * 63):
        with pytest.raises(ValidationError) as caught:
            students.add_student(db, actor, draft(username=username, student_number=""))
        refused[username] = caught.value.errors["username"]
    with pytest.raises(ValidationError) as taken:
        students.add_student(
            db, actor, draft(username="jcraig@CLASSRMTEST31.org", student_number="")
        )
    with db.read() as session:
        staff = students.username_error(session, "anne@example.org")

    assert students.get_profile(db, actor, student_id).draft.username == (
        "JCraig@classrmtest31.org"
    )
    assert set(refused.values()) == {form}
    assert taken.value.errors["username"].startswith(
        "The username jcraig@CLASSRMTEST31.org is already taken"
    )
    # Staff usernames keep their own rule.
    assert staff == (
        "A username has 3 to 64 characters: letters without accents, digits, "
        "dots, hyphens or underscores, starting with a letter or a digit.",
        None,
    )


def test_every_problem_is_reported_at_once(tiny_school):
    bad = draft(
        first_name="  ",
        last_name="x" * 101,
        grade=13,
        username="a b",
        email="pas-une-adresse",
        birth_date=dt.date(2031, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        students.add_student(
            tiny_school.db,
            tiny_school.admin,
            bad,
        )
    assert sorted(caught.value.errors) == [
        "birth_date",
        "email",
        "expected_graduation",
        "first_name",
        "grade",
        "last_name",
        "username",
    ]
    assert caught.value.errors["first_name"] == "First name is required."
    assert (
        caught.value.errors["last_name"] == "Last name is longer than 100 characters."
    )
    assert caught.value.errors["birth_date"] == "The birth date must be in the past."


def test_graduation_before_birth_is_refused(tiny_school):
    with pytest.raises(ValidationError) as caught:
        students.add_student(
            tiny_school.db,
            tiny_school.admin,
            draft(
                birth_date=dt.date(2011, 1, 1), expected_graduation=dt.date(2010, 6, 1)
            ),
        )
    assert list(caught.value.errors) == ["expected_graduation"]


def test_update_profile_audits_each_changed_field(tiny_school):
    db, actor = tiny_school.db, tiny_school.counsellor
    student_id = students.add_student(db, actor, draft())

    students.update_profile(
        db, actor, student_id, draft(grade=10, email="", last_name="O'Neil-Tremblay")
    )

    with db.read() as session:
        changes = session.execute(
            select(AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value)
            .where(AuditEntry.row_id == student_id, AuditEntry.action == "update")
            .order_by(AuditEntry.field)
        ).all()
        student = session.get_one(Student, student_id)
    assert changes == [
        ("email", "zoe.oneil@example.org", None),
        ("grade", "9", "10"),
        ("last_name", "O’Neil", "O'Neil-Tremblay"),
        ("search_text", "zoe o'neil zoneil", "zoe o'neil-tremblay zoneil"),
        ("sort_key", "oneil\x01zoe", "oneiltremblay\x01zoe"),
    ]
    assert student.version == 2
    history = students.profile_history(db, actor, student_id)
    assert [(h.field, h.author) for h in history[:1]] == [
        (history[0].field, "Marc Ouellet")
    ]
    assert {h.field for h in history} == {
        None,
        "email",
        "grade",
        "last_name",
        "search_text",
        "sort_key",
    }


def test_saving_an_unchanged_profile_writes_nothing(tiny_school):
    db, actor = tiny_school.db, tiny_school.counsellor
    student_id = students.add_student(db, actor, draft())
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))

    students.update_profile(db, actor, student_id, draft())

    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before
        assert session.get_one(Student, student_id).version == 1


def test_deactivate_keeps_everything_and_reactivate_undoes_it(tiny_school):
    db, actor = tiny_school.db, tiny_school.counsellor
    student_id = students.add_student(db, actor, draft())

    assert students.set_plan_active(db, actor, [student_id], False) == 1
    assert students.set_plan_active(db, actor, [student_id], False) == 0
    row = next(r for r in students.list_students(db, actor) if r.id == student_id)
    assert row.plan_status == PlanStatus.INACTIVE
    assert students.get_profile(db, actor, student_id).draft == draft(parents=())

    assert students.set_plan_active(db, actor, [student_id], True) == 1
    with db.read() as session:
        assert session.get_one(Student, student_id).plan_status == PlanStatus.ACTIVE


def test_teacher_sees_only_their_caseload(tiny_school):
    db = tiny_school.db
    mine = students.add_student(
        db,
        tiny_school.admin,
        draft(counsellor_ids=frozenset({tiny_school.teacher.staff_id})),
    )
    other = students.add_student(
        db,
        tiny_school.admin,
        draft(username="autre", student_number="2", first_name="Théo"),
    )

    assert [r.id for r in students.list_students(db, tiny_school.teacher)] == [mine]
    assert {r.id for r in students.list_students(db, tiny_school.admin)} == {
        mine,
        other,
    }
    assert students.list_students(db, tiny_school.admin, mine=True) == []
    with pytest.raises(NotFound):
        students.get_profile(db, tiny_school.teacher, other)
    with pytest.raises(NotFound):
        students.update_profile(db, tiny_school.teacher, other, draft())


def test_teacher_adding_a_student_keeps_them_in_their_list(tiny_school):
    new = students.add_student(tiny_school.db, tiny_school.teacher, draft())
    assert [
        r.id for r in students.list_students(tiny_school.db, tiny_school.teacher)
    ] == [new]


def test_other_staff_cannot_add_or_edit_and_the_refusal_is_audited(tiny_school):
    db, office = tiny_school.db, tiny_school.office
    with pytest.raises(PermissionDenied):
        students.add_student(db, office, draft())
    with pytest.raises(PermissionDenied):
        students.set_plan_active(db, office, [], False)
    with db.read() as session:
        denied = session.execute(
            select(AuditEntry.actor_id, AuditEntry.field).where(
                AuditEntry.action == "denied"
            )
        ).all()
        assert session.scalar(select(func.count()).select_from(Student)) == 0
    assert denied == [
        (office.staff_id, "add_student"),
        (office.staff_id, "deactivate_plan"),
    ]


def test_list_rows_carry_counsellors_sorted_by_name(tiny_school):
    db = tiny_school.db
    students.add_student(
        db,
        tiny_school.admin,
        draft(
            counsellor_ids=frozenset(
                {tiny_school.counsellor.staff_id, tiny_school.other_counsellor.staff_id}
            )
        ),
    )
    (row,) = students.list_students(db, tiny_school.admin)
    assert row.counsellors == "Ouellet, Marc; Roy, Sophie"
    assert row.counsellor_ids == {
        tiny_school.counsellor.staff_id,
        tiny_school.other_counsellor.staff_id,
    }
    assert (row.readiness_met, row.readiness_total, row.last_login) == (0, 0, None)


def test_removing_a_counsellor_is_a_soft_link_change_and_readding_revives_it(
    tiny_school,
):
    db, admin = tiny_school.db, tiny_school.admin
    both = frozenset({tiny_school.counsellor.staff_id, tiny_school.teacher.staff_id})
    student_id = students.add_student(db, admin, draft(counsellor_ids=both))
    students.update_profile(
        db,
        admin,
        student_id,
        draft(counsellor_ids=frozenset({tiny_school.counsellor.staff_id})),
    )
    assert students.list_students(db, tiny_school.teacher) == []
    students.update_profile(db, admin, student_id, draft(counsellor_ids=both))
    assert [r.id for r in students.list_students(db, tiny_school.teacher)] == [
        student_id
    ]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(CaseloadAssignment)) == 2


def test_parent_contacts_are_added_edited_and_unlinked_without_losing_siblings(
    tiny_school,
):
    from cams_desktop.db.students import Parent, ParentLink
    from cams_desktop.services.students import ParentContact

    db, actor = tiny_school.db, tiny_school.admin
    mother = ParentContact("Élise", "Nguyễn", "elise@example.org", "514-555-0101")
    first = students.add_student(db, actor, draft(parents=(mother,)))
    (saved,) = students.get_profile(db, actor, first).draft.parents or ()
    assert (saved.first_name, saved.last_name, saved.email, saved.relationship) == (
        "Élise",
        "Nguyễn",
        "elise@example.org",
        "parent",
    )
    sibling = students.add_student(
        db, actor, draft(username="sibling", student_number="2", parents=(saved,))
    )
    assert students.get_profile(db, actor, sibling).draft.parents == (saved,)

    students.update_profile(db, actor, first, draft(parents=()))

    assert students.get_profile(db, actor, first).draft.parents == ()
    assert students.get_profile(db, actor, sibling).draft.parents == (saved,)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Parent)) == 1
        links = session.execute(
            select(ParentLink.student_id, ParentLink.deleted_at.is_(None))
        ).all()
    assert sorted(links) == sorted([(first, False), (sibling, True)])


def test_a_bad_parent_contact_is_named_by_its_position(tiny_school):
    from cams_desktop.services.students import ParentContact

    with pytest.raises(ValidationError) as caught:
        students.add_student(
            tiny_school.db,
            tiny_school.admin,
            draft(
                parents=(
                    ParentContact("Ana", "Roy"),
                    ParentContact("Léo", "Roy", "roy@"),
                )
            ),
        )
    assert caught.value.errors == {"parents": "Parent 2: roy@ is not an email address."}


def test_edits_of_different_fields_by_two_people_both_survive(tiny_school):
    db = tiny_school.db
    student_id = students.add_student(db, tiny_school.admin, draft())
    seen_by_a = students.get_profile(db, tiny_school.admin, student_id).draft
    seen_by_b = students.get_profile(db, tiny_school.counsellor, student_id).draft

    mine = draft(email="nouvelle@example.org", parents=())
    students.update_profile(db, tiny_school.admin, student_id, mine, seen_by_a)
    theirs = draft(grade=11, parents=())
    students.update_profile(db, tiny_school.counsellor, student_id, theirs, seen_by_b)

    saved = students.get_profile(db, tiny_school.admin, student_id).draft
    assert (saved.email, saved.grade) == ("nouvelle@example.org", 11)


def test_the_same_field_changed_meanwhile_is_reported_not_overwritten(tiny_school):
    db = tiny_school.db
    student_id = students.add_student(db, tiny_school.admin, draft())
    seen_by_a = students.get_profile(db, tiny_school.admin, student_id).draft
    seen_by_b = students.get_profile(db, tiny_school.counsellor, student_id).draft
    students.update_profile(
        db, tiny_school.admin, student_id, draft(grade=10, parents=()), seen_by_a
    )

    with pytest.raises(ValidationError) as caught:
        students.update_profile(
            db,
            tiny_school.counsellor,
            student_id,
            draft(grade=12, parents=()),
            seen_by_b,
        )

    assert caught.value.errors == {
        "grade": "Someone else changed this field while you were editing it. "
        "It now reads: 10"
    }
    assert students.get_profile(db, tiny_school.admin, student_id).draft.grade == 10


def test_a_teacher_changes_only_their_own_place_in_the_caseload(tiny_school):
    db, teacher = tiny_school.db, tiny_school.teacher
    both = frozenset({tiny_school.counsellor.staff_id, teacher.staff_id})
    student_id = students.add_student(db, tiny_school.admin, draft(counsellor_ids=both))

    students.update_profile(
        db, teacher, student_id, draft(counsellor_ids=frozenset({teacher.staff_id}))
    )
    assert students.get_profile(db, teacher, student_id).draft.counsellor_ids == both

    students.update_profile(db, teacher, student_id, draft(counsellor_ids=frozenset()))
    assert students.list_students(db, teacher) == []
    profile = students.get_profile(db, tiny_school.admin, student_id)
    assert profile.draft.counsellor_ids == {tiny_school.counsellor.staff_id}


def test_a_teacher_cannot_take_over_a_parent_of_another_students(tiny_school):
    from cams_desktop.services.students import ParentContact

    db, teacher = tiny_school.db, tiny_school.teacher
    mother = ParentContact("Élise", "Roy", "elise@example.org")
    outsider = students.add_student(db, tiny_school.admin, draft(parents=(mother,)))
    (linked,) = (
        students.get_profile(db, tiny_school.admin, outsider).draft.parents or ()
    )
    mine = students.add_student(
        db,
        tiny_school.admin,
        draft(
            username="mine",
            student_number="9",
            counsellor_ids=frozenset({teacher.staff_id}),
        ),
    )
    hijack = ParentContact("Élise", "Roy", "pirate@example.org", id=linked.id)

    with pytest.raises(NotFound):
        students.update_profile(
            db,
            teacher,
            mine,
            draft(username="mine", student_number="9", parents=(hijack,)),
        )

    (still,) = students.get_profile(db, tiny_school.admin, outsider).draft.parents or ()
    assert still.email == "elise@example.org"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("‮evil", "U+202E"),
        ("Zo\x07é", "U+0007"),
        ("\u200b", "U+200B"),
        ("Ana\ud800", "U+D800"),
    ],
)
def test_names_that_would_hide_or_break_text_are_refused(tiny_school, name, shown):
    with pytest.raises(ValidationError) as caught:
        students.add_student(tiny_school.db, tiny_school.admin, draft(first_name=name))
    message = f"First name contains a character that cannot be stored ({shown})."
    assert caught.value.errors == {"first_name": message}


def test_graduation_years_out_of_range_are_refused(tiny_school):
    with pytest.raises(ValidationError) as caught:
        students.add_student(
            tiny_school.db,
            tiny_school.admin,
            draft(birth_date=None, expected_graduation=dt.date(1899, 6, 1)),
        )
    assert list(caught.value.errors) == ["expected_graduation"]
