"""Plan creation mode of a school (F-10) and adding students under each mode."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import SchoolSetting
from cams_desktop.db.students import Student
from cams_desktop.services import students
from cams_desktop.services.access import PermissionDenied, actor_for
from cams_desktop.services.plan_options import (
    PlanCreationMode,
    get_plan_creation_mode,
    set_plan_creation_mode,
    students_without_plan,
)
from cams_desktop.services.students import StudentDraft

pytestmark = pytest.mark.unit


def settings_of(db, school_id) -> dict[str, object]:
    with db.read() as session:
        return {
            setting.key: setting.value
            for setting in session.scalars(
                select(SchoolSetting).where(
                    SchoolSetting.school_id == school_id,
                    SchoolSetting.deleted_at.is_(None),
                )
            )
        }


def setting_audit(db) -> list[tuple[object, ...]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    AuditEntry.actor_id,
                    AuditEntry.action,
                    AuditEntry.field,
                    AuditEntry.old_value,
                    AuditEntry.new_value,
                )
                .where(AuditEntry.table_name == "school_settings")
                .order_by(AuditEntry.occurred_at, AuditEntry.id)
            )
        ]


def test_school_directed_by_default(tiny_school):
    assert get_plan_creation_mode(tiny_school.db, tiny_school.teacher) is (
        PlanCreationMode.SCHOOL
    )
    assert settings_of(tiny_school.db, tiny_school.school_id) == {}


def test_the_demo_school_lets_students_direct_their_plans(demo_db):
    assert get_plan_creation_mode(demo_db, actor_for(demo_db, "enseignant")) is (
        PlanCreationMode.STUDENT
    )


def test_program_administrator_sets_the_mode_and_the_create_plan_option(
    tiny_school,
):
    db, admin = tiny_school.db, tiny_school.admin

    set_plan_creation_mode(db, admin, PlanCreationMode.STUDENT)
    assert get_plan_creation_mode(db, tiny_school.counsellor) is (
        PlanCreationMode.STUDENT
    )
    assert settings_of(db, tiny_school.school_id) == {
        "plan_creation_mode": "student",
        "allow_create_plan": True,
    }

    set_plan_creation_mode(db, admin, "school")
    assert get_plan_creation_mode(db, admin) is PlanCreationMode.SCHOOL
    assert settings_of(db, tiny_school.school_id) == {
        "plan_creation_mode": "school",
        "allow_create_plan": False,
    }
    set_plan_creation_mode(db, admin, PlanCreationMode.SCHOOL)

    who = admin.staff_id
    assert setting_audit(db) == [
        (who, "create", None, None, None),
        (who, "create", None, None, None),
        (who, "update", "value", "student", "school"),
        (who, "update", "value", "True", "False"),
    ]


def test_only_program_administrators_set_the_mode(tiny_school):
    db = tiny_school.db
    for actor in (tiny_school.teacher, tiny_school.counsellor, tiny_school.office):
        with pytest.raises(PermissionDenied):
            set_plan_creation_mode(db, actor, PlanCreationMode.STUDENT)
    assert get_plan_creation_mode(db, tiny_school.admin) is PlanCreationMode.SCHOOL
    assert settings_of(db, tiny_school.school_id) == {}
    with db.read() as session:
        refused = session.execute(
            select(AuditEntry.actor_id, AuditEntry.field).where(
                AuditEntry.action == "denied"
            )
        ).all()
    assert sorted(refused) == sorted(
        (actor.staff_id, "edit_plan_options")
        for actor in (tiny_school.teacher, tiny_school.counsellor, tiny_school.office)
    )


def test_unknown_modes_are_refused_and_ignored_when_stored(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    with pytest.raises(ValueError):
        set_plan_creation_mode(db, admin, "both")
    with db.transaction(admin.staff_id) as session:
        session.add(
            SchoolSetting(
                school_id=tiny_school.school_id,
                key="plan_creation_mode",
                value="everyone",
            )
        )
    assert get_plan_creation_mode(db, admin) is PlanCreationMode.SCHOOL
    set_plan_creation_mode(db, admin, PlanCreationMode.STUDENT)
    assert get_plan_creation_mode(db, admin) is PlanCreationMode.STUDENT


def add(db, actor, username: str):
    student_id = students.add_student(
        db,
        actor,
        StudentDraft(first_name="Zoé", last_name="O’Neil", grade=9, username=username),
    )
    with db.read() as session:
        return session.get_one(Student, student_id)


def test_adding_a_student_follows_the_mode(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin

    school_made = add(db, tiny_school.counsellor, "zoneil")
    assert school_made.plan_created_at is not None
    assert school_made.plan_created_at == school_made.plan_status_changed_at

    set_plan_creation_mode(db, admin, PlanCreationMode.STUDENT)
    student_made = add(db, tiny_school.teacher, "zoneil2")
    assert student_made.plan_created_at is None
    assert student_made.plan_status_changed_at is not None
    profile = students.get_profile(db, tiny_school.teacher, student_made.id)
    assert profile.plan_created_at is None


def test_turning_school_directed_creates_the_missing_plans(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    set_plan_creation_mode(db, admin, PlanCreationMode.STUDENT)
    waiting = [add(db, admin, name).id for name in ("zoneil", "zoneil2")]
    before = add(db, admin, "zoneil3")
    with db.transaction(None) as session:
        session.get_one(Student, before.id).plan_created_at = before.created_at

    counted = students_without_plan(db, admin)
    created = set_plan_creation_mode(db, admin, PlanCreationMode.SCHOOL)
    again = set_plan_creation_mode(db, admin, PlanCreationMode.SCHOOL)

    with db.read() as session:
        made = {s.id: s.plan_created_at for s in session.scalars(select(Student))}
        audited = session.scalars(
            select(AuditEntry.row_id).where(
                AuditEntry.table_name == "students",
                AuditEntry.action == "update",
                AuditEntry.field == "plan_created_at",
                AuditEntry.actor_id == admin.staff_id,
            )
        ).all()
    assert (counted, created, again) == (2, 2, 0)
    assert made[waiting[0]] is not None and made[waiting[0]] == made[waiting[1]]
    assert made[before.id] == before.created_at
    assert sorted(audited, key=str) == sorted(waiting, key=str)
    assert students_without_plan(db, admin) == 0
    with pytest.raises(PermissionDenied):
        students_without_plan(db, tiny_school.counsellor)
