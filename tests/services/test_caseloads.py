"""Caseloads (F-42): adding, removing, finding students and who may do it."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import School
from cams_desktop.db.students import CaseloadAssignment, Gender, Student
from cams_desktop.services import caseloads, staff, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied
from cams_desktop.services.students import StudentDraft
from cams_desktop.text import fold, name_sort_key

pytestmark = pytest.mark.unit

# (first name, last name, grade, username)
PEOPLE = [
    ("Zoé", "Gagnon", 9, "zgagnon"),
    ("Luc", "Gélinas", 10, "lgelinas"),
    ("Ana", "Giroux", 9, "agiroux"),
    ("Marie", "Abel", 11, "mabel"),
    ("Éric", "Émond", 9, "eemond"),
    ("José", "De la Cruz", 12, "jdelacruz"),
    ("Noé", "Gfeller", 10, "ngfeller"),
    ("Lou", "Gearing", 11, "lgearing"),
]


def make_students(db: Database, actor: Actor) -> dict[str, uuid.UUID]:
    """The students of PEOPLE by last name; the program admin lists none."""
    return {
        last: students.add_student(
            db,
            actor,
            StudentDraft(
                first_name=first,
                last_name=last,
                grade=grade,
                gender=Gender.UNSPECIFIED,
                username=username,
            ),
        )
        for first, last, grade, username in PEOPLE
    }


def names(rows: list[caseloads.CaseloadStudent]) -> list[str]:
    return [row.last_name for row in rows]


def written(db: Database) -> tuple[int, int, int]:
    """Caseload links, outbox entries and refusals in the database."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(CaseloadAssignment)) or 0,
            session.scalar(select(func.count()).select_from(OutboxEntry)) or 0,
            session.scalar(select(func.count()).where(AuditEntry.action == "denied"))
            or 0,
        )


def test_add_remove_and_revive_with_exact_counts(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    teacher_id = tiny_school.teacher.staff_id
    ids = make_students(db, admin)

    assert (
        caseloads.add_to_caseload(
            db, admin, teacher_id, [ids["Gagnon"], ids["Abel"], ids["Abel"]]
        )
        == 2
    )
    assert (
        caseloads.add_to_caseload(
            db, admin, teacher_id, [ids["Gagnon"], ids["Abel"], ids["Émond"]]
        )
        == 1
    )
    assert names(caseloads.caseload(db, admin, teacher_id)) == [
        "Abel",
        "Émond",
        "Gagnon",
    ]

    assert (
        caseloads.remove_from_caseload(
            db, admin, teacher_id, [ids["Abel"], ids["Giroux"]]
        )
        == 1
    )
    assert caseloads.remove_from_caseload(db, admin, teacher_id, [ids["Abel"]]) == 0
    assert names(caseloads.caseload(db, admin, teacher_id)) == ["Émond", "Gagnon"]

    assert caseloads.add_to_caseload(db, admin, teacher_id, [ids["Abel"]]) == 1
    with db.read() as session:
        links = session.scalars(
            select(CaseloadAssignment).where(
                CaseloadAssignment.student_id == ids["Abel"]
            )
        ).all()
        operations = session.scalars(
            select(OutboxEntry.operation)
            .where(OutboxEntry.row_id == links[0].id)
            .order_by(OutboxEntry.mutation_id)
        ).all()
    assert len(links) == 1
    assert links[0].deleted_at is None
    assert operations == ["insert", "delete", "update"]
    assert names(caseloads.caseload(db, admin, teacher_id)) == [
        "Abel",
        "Émond",
        "Gagnon",
    ]


def test_several_staff_per_student_and_my_students_follows(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    teacher, counsellor = tiny_school.teacher, tiny_school.counsellor
    ids = make_students(db, admin)

    caseloads.add_to_caseload(db, admin, teacher.staff_id, [ids["Abel"], ids["Gagnon"]])
    caseloads.add_to_caseload(db, admin, counsellor.staff_id, [ids["Abel"]])

    def mine(actor: Actor) -> list[str]:
        return [row.last_name for row in students.list_students(db, actor, mine=True)]

    assert mine(teacher) == ["Abel", "Gagnon"]
    assert mine(counsellor) == ["Abel"]
    abel = next(r for r in students.list_students(db, admin) if r.last_name == "Abel")
    assert abel.counsellor_ids == {teacher.staff_id, counsellor.staff_id}
    assert abel.counsellors == "Côté, Paul; Ouellet, Marc"
    sizes = {r.username: r.caseload_size for r in staff.list_staff(db, admin)}
    assert (sizes["enseignant"], sizes["conseiller"]) == (2, 1)

    caseloads.remove_from_caseload(db, admin, teacher.staff_id, [ids["Abel"]])

    assert mine(teacher) == ["Gagnon"]
    assert mine(counsellor) == ["Abel"]


def test_teachers_and_other_staff_find_and_add_students_to_their_own_list(tiny_school):
    db, admin, teacher = tiny_school.db, tiny_school.admin, tiny_school.teacher
    make_students(db, admin)
    assert students.list_students(db, teacher) == []

    found = caseloads.candidates(db, teacher, teacher.staff_id, text="zoe")
    assert [
        (r.first_name, r.last_name, r.grade, r.username, r.in_caseload) for r in found
    ] == [("Zoé", "Gagnon", 9, "zgagnon", False)]
    assert caseloads.add_to_caseload(db, teacher, teacher.staff_id, [found[0].id]) == 1

    assert [r.last_name for r in students.list_students(db, teacher)] == ["Gagnon"]
    again = caseloads.candidates(db, teacher, teacher.staff_id, text="ZOÉ")
    assert [r.in_caseload for r in again] == [True]
    assert (
        caseloads.remove_from_caseload(db, teacher, teacher.staff_id, [found[0].id])
        == 1
    )
    assert students.list_students(db, teacher) == []

    office = tiny_school.office
    emond = caseloads.candidates(db, office, office.staff_id, text="emond")
    assert caseloads.add_to_caseload(db, office, office.staff_id, [emond[0].id]) == 1
    assert names(caseloads.caseload(db, office, office.staff_id)) == ["Émond"]


def test_teachers_cannot_touch_someone_elses_list(tiny_school):
    db, teacher = tiny_school.db, tiny_school.teacher
    counsellor_id = tiny_school.counsellor.staff_id
    ids = make_students(db, tiny_school.admin)
    caseloads.add_to_caseload(db, tiny_school.admin, counsellor_id, [ids["Abel"]])
    before = written(db)

    with pytest.raises(PermissionDenied):
        caseloads.add_to_caseload(db, teacher, counsellor_id, [ids["Gagnon"]])
    with pytest.raises(PermissionDenied):
        caseloads.remove_from_caseload(db, teacher, counsellor_id, [ids["Abel"]])
    with pytest.raises(PermissionDenied):
        caseloads.caseload(db, teacher, counsellor_id)
    with pytest.raises(PermissionDenied):
        caseloads.candidates(db, tiny_school.office, counsellor_id)

    assert written(db) == (before[0], before[1], 4)
    with db.read() as session:
        refusals = session.execute(
            select(AuditEntry.actor_id, AuditEntry.field, AuditEntry.row_id)
            .where(AuditEntry.action == "denied")
            .order_by(AuditEntry.id)
        ).all()
    assert refusals == 3 * [(teacher.staff_id, "assign_caseloads", counsellor_id)] + [
        (tiny_school.office.staff_id, "assign_caseloads", counsellor_id)
    ]
    assert names(caseloads.caseload(db, tiny_school.admin, counsellor_id)) == ["Abel"]


def test_candidates_by_text_grade_and_last_name_range(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    teacher_id = tiny_school.teacher.staff_id
    ids = make_students(db, admin)
    caseloads.add_to_caseload(db, admin, teacher_id, [ids["Gélinas"]])

    def find(**criteria: object) -> list[str]:
        return names(caseloads.candidates(db, admin, teacher_id, **criteria))  # type: ignore[arg-type]

    assert find() == [
        "Abel",
        "De la Cruz",
        "Émond",
        "Gagnon",
        "Gearing",
        "Gélinas",
        "Gfeller",
        "Giroux",
    ]
    assert find(text="zoe") == ["Gagnon"]
    assert find(text="GELI") == ["Gélinas"]
    assert find(text="de la") == ["De la Cruz"]
    assert find(text="e g") == ["Gagnon", "Gearing", "Gélinas", "Gfeller"]
    assert find(text="50%") == []
    assert find(grade=9) == ["Émond", "Gagnon", "Giroux"]
    assert find(last_names=("A", "Ge")) == [
        "Abel",
        "De la Cruz",
        "Émond",
        "Gagnon",
        "Gearing",
        "Gélinas",
    ]
    assert find(last_names=("dé", "E")) == ["De la Cruz", "Émond"]
    assert find(last_names=("Gf", "")) == ["Gfeller", "Giroux"]
    assert find(last_names=("a", "ge"), grade=10, text="luc") == ["Gélinas"]
    flags = {
        r.last_name: r.in_caseload
        for r in caseloads.candidates(db, admin, teacher_id, grade=10)
    }
    assert flags == {"Gélinas": True, "Gfeller": False}

    students.set_plan_active(db, admin, [ids["Abel"]], active=False)
    assert find(last_names=("A", "B")) == []


def test_unknown_or_foreign_students_are_not_found_and_nothing_written(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    teacher_id = tiny_school.teacher.staff_id
    ids = make_students(db, admin)
    with db.transaction(None) as session:
        school = session.get_one(School, tiny_school.school_id)
        other = School(board_id=school.board_id, name="École du Nord", code="EDN")
        session.add(other)
        session.flush()
        foreign = Student(
            school_id=other.id,
            username="ailleurs",
            username_key="ailleurs",
            first_name="Ève",
            last_name="Ailleurs",
            sort_key=name_sort_key("Ailleurs", "Ève"),
            search_text=fold("Ève Ailleurs ailleurs"),
            grade=9,
            gender=Gender.FEMALE,
        )
        session.add(foreign)
    before = written(db)

    for wrong in (uuid.uuid4(), foreign.id):
        with pytest.raises(NotFound):
            caseloads.add_to_caseload(db, admin, teacher_id, [ids["Abel"], wrong])

    assert written(db) == before
    assert caseloads.caseload(db, admin, teacher_id) == []


def test_the_target_must_be_active_staff_of_the_school(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    teacher_id = tiny_school.teacher.staff_id
    ids = make_students(db, admin)
    caseloads.add_to_caseload(db, admin, teacher_id, [ids["Abel"]])
    staff.set_staff_active(db, admin, teacher_id, False)

    with pytest.raises(NotFound):
        caseloads.add_to_caseload(db, admin, teacher_id, [ids["Gagnon"]])
    with pytest.raises(NotFound):
        caseloads.candidates(db, admin, teacher_id)
    with pytest.raises(NotFound):
        caseloads.add_to_caseload(db, admin, uuid.uuid4(), [ids["Gagnon"]])
    # Handing a deactivated colleague's students to others stays possible.
    assert names(caseloads.caseload(db, admin, teacher_id)) == ["Abel"]
    assert caseloads.remove_from_caseload(db, admin, teacher_id, [ids["Abel"]]) == 1


def test_teachers_find_students_by_name_and_never_browse_the_school(tiny_school):
    from cams_desktop.services import caseloads, students
    from cams_desktop.services.students import StudentDraft

    db, teacher = tiny_school.db, tiny_school.teacher
    for i, last in enumerate(("Gagnon", "Gélinas", "Roy")):
        students.add_student(
            db,
            tiny_school.admin,
            StudentDraft(first_name="Élève", last_name=last, username=f"eleve{i}"),
        )

    assert caseloads.candidates(db, teacher, teacher.staff_id) == []
    assert caseloads.candidates(db, teacher, teacher.staff_id, text="g") == []
    found = caseloads.candidates(db, teacher, teacher.staff_id, text="ge")
    assert [s.last_name for s in found] == ["Gélinas"]
    everyone = caseloads.candidates(db, tiny_school.admin, teacher.staff_id)
    assert [s.last_name for s in everyone] == ["Gagnon", "Gélinas", "Roy"]
