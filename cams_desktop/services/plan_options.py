"""Plan options of a school (F-60): how plans are created (F-10).

Student-directed: students create their own plans on the planning site, so
a student added here has an account but no plan yet. School-directed: staff
create one plan per student (adding a student creates it) and the planning
site's "create new plan" option is off. The planning site reads both
settings from the school's settings. Turning school-directed creates the
plans that students have not created yet.
"""

from __future__ import annotations

import enum
import logging
import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.db.base import utcnow
from cams_desktop.db.bulk import bulk_update
from cams_desktop.db.engine import Database
from cams_desktop.db.school import SchoolSetting
from cams_desktop.db.students import Student
from cams_desktop.services.access import Action, Actor, require

log = logging.getLogger(__name__)


class PlanCreationMode(enum.StrEnum):
    STUDENT = "student"
    SCHOOL = "school"


# The setting keys the planning site reads (the demo school has both).
CREATION_MODE_SETTING = "plan_creation_mode"
CREATE_PLAN_SETTING = "allow_create_plan"
DEFAULT_CREATION_MODE = PlanCreationMode.SCHOOL
# Plans created per statement when the school takes plan creation over.
CHUNK = 2000


def _setting(session: Session, school_id: uuid.UUID, key: str) -> SchoolSetting | None:
    """The school's setting ``key``, removed or not (one row per school and key)."""
    return session.scalars(
        select(SchoolSetting).where(
            SchoolSetting.school_id == school_id, SchoolSetting.key == key
        )
    ).first()


def creation_mode(session: Session, school_id: uuid.UUID) -> PlanCreationMode:
    """The school's plan creation mode, inside a caller's session."""
    setting = _setting(session, school_id, CREATION_MODE_SETTING)
    if setting is None or setting.deleted_at is not None:
        return DEFAULT_CREATION_MODE
    try:
        return PlanCreationMode(setting.value)
    except ValueError:
        # A value from elsewhere (a sync, an import) that makes no sense.
        return DEFAULT_CREATION_MODE


def get_plan_creation_mode(db: Database, actor: Actor) -> PlanCreationMode:
    with db.read() as session:
        return creation_mode(session, actor.school_id)


def _without_plan(school_id: uuid.UUID) -> list[ColumnElement[bool]]:
    return [
        Student.school_id == school_id,
        Student.deleted_at.is_(None),
        Student.plan_created_at.is_(None),
    ]


def students_without_plan(db: Database, actor: Actor) -> int:
    """How many students of the school have not created their plan yet."""
    require(db, actor, Action.EDIT_PLAN_OPTIONS)
    with db.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Student)
            .where(*_without_plan(actor.school_id))
        )
    return count or 0


def set_plan_creation_mode(
    db: Database, actor: Actor, mode: PlanCreationMode | str
) -> int:
    """Set how the school's plans are created; ValueError for an unknown mode.

    The planning site's "create new plan" option follows: on when students
    direct their plans, off when the school does (F-10). School-directed,
    every student needs the one plan the school makes: the students
    without one get it in the same transaction (audited). Returns how many
    plans were created.
    """
    require(db, actor, Action.EDIT_PLAN_OPTIONS)
    mode = PlanCreationMode(mode)
    created = 0
    wanted = {
        CREATION_MODE_SETTING: mode.value,
        CREATE_PLAN_SETTING: mode is PlanCreationMode.STUDENT,
    }
    with db.transaction(actor.staff_id) as session:
        for key, value in wanted.items():
            setting = _setting(session, actor.school_id, key)
            if setting is None:
                session.add(
                    SchoolSetting(school_id=actor.school_id, key=key, value=value)
                )
            elif setting.value != value or setting.deleted_at is not None:
                setting.value = value
                setting.deleted_at = None
        if mode is PlanCreationMode.SCHOOL:
            now = utcnow()
            missing = session.execute(
                select(Student.id, Student.version).where(
                    *_without_plan(actor.school_id)
                )
            ).all()
            for start in range(0, len(missing), CHUNK):
                bulk_update(
                    session,
                    Student,
                    [
                        (student_id, version, {"plan_created_at": (None, now)})
                        for student_id, version in missing[start : start + CHUNK]
                    ],
                )
            created = len(missing)
    log.info(
        "staff %s set the plan creation mode of school %s to %s (%d plans created)",
        actor.staff_id,
        actor.school_id,
        mode.value,
        created,
    )
    return created
