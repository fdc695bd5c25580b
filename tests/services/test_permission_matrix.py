"""The whole permission matrix: every access level × every service action."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel
from cams_desktop.reports.exporters import ExportFormat
from cams_desktop.services import auth, caseloads, notes, staff, students
from cams_desktop.services.access import MATRIX, Action, Actor, PermissionDenied
from cams_desktop.services.student_export import ExportColumn, export_students
from cams_desktop.services.students import StudentDraft

pytestmark = pytest.mark.unit

LEVEL_USERS = {
    AccessLevel.PROGRAM_ADMIN: "admin",
    AccessLevel.SCHOOL_ADMIN: "conseiller",
    AccessLevel.TEACHER: "enseignant",
    AccessLevel.OTHER_STAFF: "secretariat",
}


@dataclass
class Scene:
    db: object
    school: object
    student_id: uuid.UUID
    target_staff_id: uuid.UUID
    tmp_path: object


def _draft(
    username: str, counsellors: frozenset[uuid.UUID] = frozenset()
) -> StudentDraft:
    return StudentDraft(
        first_name="Zoé",
        last_name="Tremblay",
        username=username,
        counsellor_ids=counsellors,
    )


def _call(action: Action, scene: Scene, actor: Actor) -> None:
    db = scene.db
    match action:
        case Action.VIEW_STUDENT_LIST:
            students.list_students(db, actor)
        case Action.EXPORT_STUDENTS:
            export_students(
                db,
                actor,
                [scene.student_id],
                [ExportColumn.USERNAME],
                ExportFormat.CSV,
                scene.tmp_path / "x.csv",
            )
        case Action.ADD_STUDENT:
            students.add_student(
                db,
                actor,
                _draft(f"new{actor.access_level.value}", frozenset({actor.staff_id})),
            )
        case Action.EDIT_PROFILE:
            profile = students.get_profile(db, actor, scene.student_id)
            changed = StudentDraft(
                **{
                    f: getattr(profile.draft, f)
                    for f in StudentDraft.__dataclass_fields__
                }
            )
            changed.grade = 11
            students.update_profile(db, actor, scene.student_id, changed)
        case Action.DEACTIVATE_PLAN:
            students.set_plan_active(db, actor, [scene.student_id], False)
        case Action.VIEW_NOTES:
            notes.list_notes(db, actor, scene.student_id)
        case Action.ADD_NOTE:
            notes.add_note(db, actor, scene.student_id, "Suivi", False)
        case Action.VIEW_STAFF:
            staff.list_staff(db, actor)
        case Action.MANAGE_STAFF:
            staff.add_staff(
                db,
                actor,
                staff.StaffDraft(
                    username=f"nouveau{actor.access_level.value}",
                    first_name="Léa",
                    last_name="Roy",
                    access_level=AccessLevel.OTHER_STAFF,
                ),
            )
        case Action.RESET_STAFF_PASSWORD:
            auth.reset_staff_password(db, actor, scene.target_staff_id)
        case Action.VIEW_STAFF_CHANGE_LOG:
            staff.staff_change_log(db, actor)
        case Action.EDIT_OWN_PROFILE:
            staff.update_own_profile(
                db, actor, staff.get_staff(db, actor, actor.staff_id)
            )
        case Action.ASSIGN_CASELOADS:
            caseloads.add_to_caseload(
                db, actor, scene.target_staff_id, [scene.student_id]
            )
        case Action.EDIT_OWN_CASELOAD:
            caseloads.add_to_caseload(db, actor, actor.staff_id, [scene.student_id])
        case Action.EDIT_SITE_SETTINGS:
            auth.set_idle_lock_minutes(db, actor, 20)
        case _:
            raise AssertionError(f"no service call for {action}")


# Actions whose services the matrix already guards; the others arrive with
# their issues and join this list then.
SERVICE_ACTIONS = [
    Action.VIEW_STUDENT_LIST,
    Action.EXPORT_STUDENTS,
    Action.ADD_STUDENT,
    Action.EDIT_PROFILE,
    Action.DEACTIVATE_PLAN,
    Action.VIEW_NOTES,
    Action.ADD_NOTE,
    Action.VIEW_STAFF,
    Action.MANAGE_STAFF,
    Action.RESET_STAFF_PASSWORD,
    Action.VIEW_STAFF_CHANGE_LOG,
    Action.EDIT_OWN_PROFILE,
    Action.ASSIGN_CASELOADS,
    Action.EDIT_OWN_CASELOAD,
    Action.EDIT_SITE_SETTINGS,
]
# Decided by the interface alone (which menu items exist): tested with the GUI.
INTERFACE_ACTIONS = {Action.VIEW_PERMISSION_MATRIX}
NOT_BUILT_YET = (
    set(Action) - set(SERVICE_ACTIONS) - INTERFACE_ACTIONS - {Action.VIEW_ALL_STUDENTS}
)


@pytest.fixture
def scene(tiny_school, tmp_path):
    db = tiny_school.db
    everyone = frozenset(
        {
            tiny_school.admin.staff_id,
            tiny_school.counsellor.staff_id,
            tiny_school.teacher.staff_id,
            tiny_school.office.staff_id,
        }
    )
    student_id = students.add_student(
        db, tiny_school.admin, _draft("partage", everyone)
    )
    target = staff.add_staff(
        db,
        tiny_school.admin,
        staff.StaffDraft(
            username="cible",
            first_name="Rémi",
            last_name="Cyr",
            access_level=AccessLevel.OTHER_STAFF,
        ),
    )
    return Scene(db, tiny_school, student_id, target, tmp_path)


def _denied_count(db) -> int:
    with db.read() as session:
        return session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "denied")
        )


@pytest.mark.parametrize(
    ("level", "action"), list(itertools.product(list(AccessLevel), SERVICE_ACTIONS))
)
def test_each_level_may_do_exactly_what_the_matrix_says(scene, level, action):
    actor = {
        AccessLevel.PROGRAM_ADMIN: scene.school.admin,
        AccessLevel.SCHOOL_ADMIN: scene.school.counsellor,
        AccessLevel.TEACHER: scene.school.teacher,
        AccessLevel.OTHER_STAFF: scene.school.office,
    }[level]
    before = _denied_count(scene.db)

    if level in MATRIX[action][1]:
        _call(action, scene, actor)
        assert _denied_count(scene.db) == before
    else:
        with pytest.raises(PermissionDenied):
            _call(action, scene, actor)
        assert _denied_count(scene.db) == before + 1


@pytest.mark.parametrize("level", list(AccessLevel))
def test_seeing_all_students_follows_the_matrix(scene, level):
    actor = {
        AccessLevel.PROGRAM_ADMIN: scene.school.admin,
        AccessLevel.SCHOOL_ADMIN: scene.school.counsellor,
        AccessLevel.TEACHER: scene.school.teacher,
        AccessLevel.OTHER_STAFF: scene.school.office,
    }[level]
    outsider = students.add_student(scene.db, scene.school.admin, _draft("horsliste"))

    seen = {row.id for row in students.list_students(scene.db, actor)}

    expected = (
        {scene.student_id, outsider}
        if level in MATRIX[Action.VIEW_ALL_STUDENTS][1]
        else {scene.student_id}
    )
    assert seen == expected


def test_every_action_of_the_matrix_is_either_tested_or_listed_as_not_built():
    assert set(MATRIX) == set(Action)
    assert set(SERVICE_ACTIONS) | INTERFACE_ACTIONS | NOT_BUILT_YET | {
        Action.VIEW_ALL_STUDENTS
    } == set(Action)
    assert all(MATRIX[action][1] for action in Action)


def test_the_matrix_as_the_app_shows_it():
    """The levels of a few landmark actions, as SPEC F-04 describes them."""
    levels = {
        action: sorted(level.value for level in MATRIX[action][1]) for action in Action
    }
    assert levels[Action.EDIT_PLAN_OPTIONS] == [1]
    assert levels[Action.MANAGE_MANAGED_GROUPS] == [1]
    assert levels[Action.VIEW_ALL_STUDENTS] == [1, 2]
    assert levels[Action.EDIT_PROFILE] == [1, 2, 3]
    assert levels[Action.PRINT_LOGIN_SLIPS] == [1, 2, 3, 4]
    assert levels[Action.VIEW_REPORTS] == [1, 2, 3, 4]
    assert levels[Action.EDIT_COURSE_LIST] == [1, 2]


def test_a_demoted_or_deactivated_member_loses_rights_at_once(scene):
    school = scene.school
    old_self = school.counsellor
    draft = staff.get_staff(scene.db, school.admin, old_self.staff_id)
    draft.access_level = AccessLevel.TEACHER
    staff.update_staff(scene.db, school.admin, old_self.staff_id, draft)

    with pytest.raises(PermissionDenied) as caught:
        staff.list_staff(scene.db, old_self)
    assert str(caught.value) == (
        "Your account was deactivated or its access level changed. "
        "Sign in again to continue."
    )
    staff.set_staff_active(scene.db, school.admin, school.teacher.staff_id, False)
    with pytest.raises(PermissionDenied):
        students.list_students(scene.db, school.teacher)
    with pytest.raises(PermissionDenied):
        notes.add_note(scene.db, school.teacher, scene.student_id, "Encore", False)


def test_a_teacher_adding_a_student_puts_them_on_their_own_list_only(scene):
    school = scene.school
    new_id = students.add_student(
        scene.db,
        school.teacher,
        _draft("ajout", frozenset({school.counsellor.staff_id, school.admin.staff_id})),
    )
    profile = students.get_profile(scene.db, school.admin, new_id)
    assert profile.draft.counsellor_ids == {school.teacher.staff_id}
