"""Transfers between two schools of one board, seen from both schools (F-20)."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from cams_desktop.db.base import link_id
from cams_desktop.db.school import AccessLevel, Board, School, Staff
from cams_desktop.db.students import (
    ActivationCode,
    CaseloadAssignment,
    GradeChange,
    GroupKind,
    GroupMembership,
    PlanStatus,
    Student,
    StudentGroup,
    StudentTransfer,
)
from cams_desktop.reports.exporters import ExportFormat
from cams_desktop.services import grades, notes, parents, students, transfers
from cams_desktop.services.access import (
    Actor,
    NotFound,
    PermissionDenied,
    actor_for,
)
from cams_desktop.services.parents import StudentCriteria
from cams_desktop.services.student_export import ExportColumn, export_students
from cams_desktop.services.students import (
    ParentContact,
    StudentDraft,
    ValidationError,
)

pytestmark = pytest.mark.unit


@dataclass
class Board2:
    """The tiny school, a second school of its board, and a school elsewhere."""

    school: object
    receiving_id: uuid.UUID
    receiving_admin: Actor
    far_id: uuid.UUID


@pytest.fixture
def board(tiny_school) -> Board2:
    db = tiny_school.db
    with db.transaction(None) as session:
        board_id = session.get_one(School, tiny_school.school_id).board_id
        receiving = School(
            board_id=board_id, name="École secondaire de la Montagne", code="ESM"
        )
        elsewhere = Board(name="Conseil scolaire du Nord")
        session.add_all([receiving, elsewhere])
        session.flush()
        far = School(board_id=elsewhere.id, name="École du Nord", code="EDN")
        session.add(far)
        session.flush()
        session.add(
            Staff(
                school_id=receiving.id,
                username="direction",
                username_key="direction",
                first_name="Anne",
                last_name="Lavoie",
                access_level=AccessLevel.PROGRAM_ADMIN,
            )
        )
        receiving_id, far_id = receiving.id, far.id
    return Board2(tiny_school, receiving_id, actor_for(db, "direction"), far_id)


def add(school, username: str, grade: int = 8, number: str = "") -> uuid.UUID:
    return students.add_student(
        school.db,
        school.admin,
        StudentDraft(
            first_name=username.capitalize(),
            last_name="Bélanger",
            grade=grade,
            username=username,
            student_number=number,
            counsellor_ids=frozenset({school.teacher.staff_id}),
        ),
    )


def test_destinations_are_the_other_schools_of_the_board(board):
    school = board.school
    found = transfers.list_transfer_destinations(school.db, school.admin)
    assert [(s.id, s.name) for s in found] == [
        (board.receiving_id, "École secondaire de la Montagne")
    ]
    with pytest.raises(PermissionDenied):
        transfers.list_transfer_destinations(school.db, school.teacher)


def test_the_student_moves_with_plan_and_history_and_leaves_the_sender(board):
    school = board.school
    db, sender, receiver = school.db, school.admin, board.receiving_admin
    student_id = add(school, "alice", 8, number="8001")
    stays = add(school, "bruno", 8)
    grades.move_students(db, sender, [student_id], 1)
    note_id = notes.add_note(
        db, school.counsellor, student_id, "Aime les maths.", False
    )
    with db.transaction(sender.staff_id) as session:
        group = StudentGroup(
            school_id=school.school_id,
            name="Robotique",
            kind=GroupKind.SHARED,
            owner_id=sender.staff_id,
        )
        session.add(group)
        session.flush()
        session.add(
            GroupMembership(
                id=link_id(group.id, student_id),
                group_id=group.id,
                student_id=student_id,
            )
        )

    result = transfers.transfer_students(db, sender, [student_id], board.receiving_id)

    assert (result.to_school, result.transferred, result.skipped) == (
        "École secondaire de la Montagne",
        (student_id,),
        (),
    )
    # The sending school sees the student nowhere.
    assert [r.id for r in students.list_students(db, sender)] == [stays]
    assert [r.id for r in students.list_students(db, school.teacher)] == [stays]
    for read in (
        lambda: students.get_profile(db, sender, student_id),
        lambda: notes.list_notes(db, sender, student_id),
        lambda: notes.add_note(db, sender, student_id, "Encore là?", False),
        lambda: grades.grade_history(db, sender, student_id),
        lambda: grades.move_students(db, sender, [student_id], 1),
    ):
        with pytest.raises(NotFound):
            read()
    with pytest.raises(PermissionDenied):
        export_students(
            db,
            sender,
            [student_id],
            [ExportColumn.USERNAME],
            ExportFormat.CSV,
            Path(db.path).with_name("export.csv"),
        )

    # The receiving school has them, active, with their plan and history.
    listed = students.list_students(db, receiver)
    assert [(r.id, r.grade, r.plan_status) for r in listed] == [
        (student_id, 9, PlanStatus.ACTIVE)
    ]
    assert students.get_profile(db, receiver, student_id).draft.student_number == (
        "8001"
    )
    assert [n.id for n in notes.list_notes(db, receiver, student_id)] == [note_id]
    assert [
        (h.from_grade, h.to_grade)
        for h in grades.grade_history(db, receiver, student_id)
    ] == [(8, 9)]

    with db.read() as session:
        student = session.get_one(Student, student_id)
        assert (student.school_id, student.transferred_to_school_id) == (
            board.receiving_id,
            board.receiving_id,
        )
        links = session.execute(
            select(CaseloadAssignment.student_id, CaseloadAssignment.deleted_at)
        ).all()
        assert {sid: at is not None for sid, at in links} == {
            student_id: True,
            stays: False,
        }
        membership = session.get_one(GroupMembership, link_id(group.id, student_id))
        assert membership.deleted_at == student.transferred_at
        record = session.scalars(select(StudentTransfer)).one()
        assert (
            record.student_id,
            record.from_school_id,
            record.to_school_id,
            record.transferred_by_id,
            record.grade,
            record.transferred_at,
        ) == (
            student_id,
            school.school_id,
            board.receiving_id,
            sender.staff_id,
            9,
            student.transferred_at,
        )
        assert session.scalars(select(GradeChange.student_id)).all() == [student_id]

    # The sender keeps the read-only trace; the receiver has none.
    (row,) = transfers.list_transferred(db, sender)
    assert (
        row.student_id,
        row.first_name,
        row.last_name,
        row.grade,
        row.to_school,
        row.transferred_by,
        row.transferred_at,
    ) == (
        student_id,
        "Alice",
        "Bélanger",
        9,
        "École secondaire de la Montagne",
        "Hélène Gagnon",
        student.transferred_at,
    )
    assert transfers.list_transferred(db, receiver) == []
    with pytest.raises(PermissionDenied):
        transfers.list_transferred(db, school.teacher)


def test_a_student_who_comes_back_leaves_the_transferred_list(board):
    school = board.school
    student_id = add(school, "alice")
    transfers.transfer_students(
        school.db, school.admin, [student_id], board.receiving_id
    )
    transfers.transfer_students(
        school.db, board.receiving_admin, [student_id], school.school_id
    )

    assert transfers.list_transferred(school.db, school.admin) == []
    assert [r.to_school for r in transfers.list_transferred(
        school.db, board.receiving_admin
    )] == ["École secondaire du Lac"]  # fmt: skip
    assert [r.id for r in students.list_students(school.db, school.admin)] == [
        student_id
    ]


def test_only_schools_of_the_same_board_receive_students(board):
    school = board.school
    student_id = add(school, "alice")
    for target in (board.far_id, school.school_id, uuid.uuid4()):
        with pytest.raises(ValidationError) as caught:
            transfers.transfer_students(school.db, school.admin, [student_id], target)
        assert caught.value.errors == {
            "to_school_id": "Choose another school of the school board."
        }
    with pytest.raises(PermissionDenied):
        transfers.transfer_students(
            school.db, school.teacher, [student_id], board.receiving_id
        )
    assert [r.id for r in students.list_students(school.db, school.admin)] == [
        student_id
    ]


def test_graduates_and_taken_student_numbers_stay(board):
    school = board.school
    db = school.db
    graduate = add(school, "alice", 12)
    clash = add(school, "bruno", 8, number="5005")
    leaves = add(school, "chloe", 8, number="5006")
    grades.graduate_students(db, school.admin, [graduate])
    students.add_student(
        db,
        board.receiving_admin,
        StudentDraft(
            first_name="Denis", last_name="Roy", username="denis", student_number="5005"
        ),
    )

    result = transfers.transfer_students(
        db, school.admin, [graduate, clash, leaves], board.receiving_id
    )

    assert result.transferred == (leaves,)
    assert [(s.id, s.name, s.reason) for s in result.skipped] == [
        (graduate, "Alice Bélanger", "Graduated students are not transferred."),
        (
            clash,
            "Bruno Bélanger",
            "École secondaire de la Montagne already has a student with the "
            "number 5005.",
        ),
    ]
    assert {r.id for r in students.list_students(db, school.admin)} == {
        graduate,
        clash,
    }


def test_parents_travel_with_the_students_and_the_receiver_can_edit_them(board):
    school = board.school
    db, sender, receiver = school.db, school.admin, board.receiving_admin
    julie = ParentContact("Julie", "Bélanger", "julie@example.org", "514-555-0101")
    marc = ParentContact("Marc", "Gagnon", relationship="beau-père")
    alice = students.add_student(
        db,
        sender,
        StudentDraft("Alice", "Bélanger", 8, username="alice", parents=(julie, marc)),
    )
    found = {
        p.first_name: p for p in students.get_profile(db, sender, alice).draft.parents
    }
    # Bruno, Alice's brother, stays: Julie is his mother too.
    bruno = students.add_student(
        db,
        sender,
        StudentDraft(
            "Bruno", "Bélanger", 10, username="bruno", parents=(found["Julie"],)
        ),
    )
    parents.generate_codes(db, sender, StudentCriteria(student_ids=(alice, bruno)))

    transfers.transfer_students(db, sender, [alice], board.receiving_id)

    profile = students.get_profile(db, receiver, alice)
    kept = [
        (p.first_name, p.email, p.phone, p.relationship) for p in profile.draft.parents
    ]
    draft = dataclasses.replace(profile.draft, email="alice@example.org")
    students.update_profile(db, receiver, alice, draft, profile.draft)

    copy_id = next(p.id for p in profile.draft.parents if p.first_name == "Julie")
    assert kept == [
        ("Julie", "julie@example.org", "514-555-0101", "parent"),
        ("Marc", "", "", "beau-père"),
    ]
    assert copy_id != found["Julie"].id
    assert students.get_profile(db, receiver, alice).draft.email == "alice@example.org"
    assert [
        (row.first_name, row.students)
        for row in parents.list_parent_accounts(db, sender)
    ] == [("Julie", ("Bruno Bélanger (10)",))]
    assert [
        (row.id, row.first_name, row.students)
        for row in parents.list_parent_accounts(db, receiver)
    ] == [
        (copy_id, "Julie", ("Alice Bélanger (8)",)),
        (found["Marc"].id, "Marc", ("Alice Bélanger (8)",)),
    ]
    # Marc's code moved with him; the code for Julie at the sending school ended.
    with db.read() as session:
        codes = session.execute(
            select(ActivationCode.student_id, ActivationCode.parent_id).where(
                ActivationCode.deleted_at.is_(None)
            )
        ).all()
    assert sorted(codes, key=str) == sorted(
        [(alice, found["Marc"].id), (bruno, found["Julie"].id)], key=str
    )
