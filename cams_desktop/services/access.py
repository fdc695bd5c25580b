"""Who may do what: the acting user, the permission matrix and its refusals."""

from __future__ import annotations

import enum
import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel, Staff

log = logging.getLogger(__name__)


class Action(enum.StrEnum):
    """Every operation the permission matrix rules on."""

    VIEW_ALL_STUDENTS = "view_all_students"
    ADD_STUDENT = "add_student"
    EDIT_PROFILE = "edit_profile"
    DEACTIVATE_PLAN = "deactivate_plan"
    VIEW_NOTES = "view_notes"
    ADD_NOTE = "add_note"
    EXPORT_STUDENTS = "export_students"


_ALL = frozenset(AccessLevel)
_MANAGERS = frozenset(
    {AccessLevel.PROGRAM_ADMIN, AccessLevel.SCHOOL_ADMIN, AccessLevel.TEACHER}
)

# Access level × action (SPEC F-04). Teachers and other staff are further
# limited to their caseload by ``in_scope``; ownership rules (author-only
# edits of notes) are checked where the record is known.
MATRIX: dict[Action, frozenset[AccessLevel]] = {
    Action.VIEW_ALL_STUDENTS: frozenset(
        {AccessLevel.PROGRAM_ADMIN, AccessLevel.SCHOOL_ADMIN}
    ),
    Action.ADD_STUDENT: _MANAGERS,
    Action.EDIT_PROFILE: _MANAGERS,
    Action.DEACTIVATE_PLAN: _MANAGERS,
    Action.VIEW_NOTES: _ALL,
    Action.ADD_NOTE: _ALL,
    Action.EXPORT_STUDENTS: _ALL,
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in staff member on whose behalf a service runs."""

    staff_id: uuid.UUID
    school_id: uuid.UUID
    access_level: AccessLevel
    display_name: str

    @property
    def sees_all_students(self) -> bool:
        return allowed(self, Action.VIEW_ALL_STUDENTS)


class PermissionDenied(Exception):
    """The acting user may not do this; nothing was written."""


class NotFound(Exception):
    """The record does not exist or is not visible to the acting user."""


def allowed(actor: Actor, action: Action) -> bool:
    return actor.access_level in MATRIX[action]


def require(db: Database, actor: Actor, action: Action) -> None:
    """Raise PermissionDenied, and audit the refusal, unless ``actor`` may act."""
    if not allowed(actor, action):
        refuse(db, actor, action.value)


def refuse(
    db: Database, actor: Actor, what: str, row_id: uuid.UUID | None = None
) -> None:
    """Audit a refused operation, then raise PermissionDenied."""
    with db.transaction(actor.staff_id) as session:
        session.add(
            AuditEntry(
                actor_id=actor.staff_id,
                table_name="permission",
                row_id=row_id or actor.staff_id,
                action="denied",
                field=what,
            )
        )
    log.warning("refused %s to staff %s", what, actor.staff_id)
    raise PermissionDenied(
        QCoreApplication.translate(
            "Access", "Your access level does not allow this action."
        )
    )


def actor_for(db: Database, username: str) -> Actor:
    """The Actor of the active staff member ``username``."""
    with db.read() as session:
        staff = session.scalars(
            select(Staff).where(
                Staff.username_key == username.casefold(),
                Staff.is_active,
                Staff.deleted_at.is_(None),
            )
        ).first()
    if staff is None:
        raise NotFound(
            QCoreApplication.translate(
                "Access", "There is no active staff member named {0}."
            ).format(username)
        )
    return Actor(staff.id, staff.school_id, staff.access_level, staff.display_name)
