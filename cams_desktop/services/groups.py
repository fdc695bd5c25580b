"""Student groups (F-21): private, shared and managed groups and their members.

Who sees and changes a group depends on its kind: a private group is its
creator's alone; a shared group is seen, edited and deleted by everyone who
manages groups; a managed group is seen and filtered by everyone but changed
only by program administrators. Teachers add and remove only the students of
their own list. Memberships are link rows whose id comes from the pair, so two
desktops adding the same student converge on one row, and removing then adding
again revives that row.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.db.base import link_id, utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.students import (
    CaseloadAssignment,
    GroupKind,
    GroupMembership,
    PlanStatus,
    Student,
    StudentGroup,
)
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    allowed,
    require,
)
from cams_desktop.services.students import ValidationError
from cams_desktop.text import code_point, sort_key, unsafe_character

log = logging.getLogger(__name__)

MAX_GROUP_NAME_LENGTH = 200
# Ids per IN (...) list, well under SQLite's limit on bound parameters.
CHUNK = 500


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group as the Manage groups dialog lists it."""

    id: uuid.UUID
    name: str
    kind: GroupKind
    owner_id: uuid.UUID
    member_count: int
    # Whether the actor may rename it, delete it and change its members.
    editable: bool


@dataclass(frozen=True, slots=True)
class MembersAdded:
    added: int
    already_members: int


@dataclass(frozen=True, slots=True)
class MembersRemoved:
    removed: int
    not_members: int


def may_create(actor: Actor, kind: GroupKind) -> bool:
    """Whether the actor's access level allows creating a group of ``kind``."""
    if kind is GroupKind.MANAGED:
        return allowed(actor, Action.MANAGE_MANAGED_GROUPS)
    return allowed(actor, Action.MANAGE_GROUPS)


def may_edit(actor: Actor, kind: GroupKind, owner_id: uuid.UUID) -> bool:
    """Whether the actor may rename, delete or fill a visible group."""
    if kind is GroupKind.PRIVATE and owner_id != actor.staff_id:
        return False
    return may_create(actor, kind)


def list_groups(db: Database, actor: Actor) -> list[GroupRow]:
    """The groups the actor sees, by name, with their number of students."""
    require(db, actor, Action.VIEW_STUDENT_LIST)
    with db.read() as session:
        members = (
            select(GroupMembership.group_id, func.count().label("member_count"))
            .join(Student, Student.id == GroupMembership.student_id)
            .where(
                GroupMembership.deleted_at.is_(None),
                Student.deleted_at.is_(None),
                Student.plan_status != PlanStatus.TRANSFERRED,
            )
            .group_by(GroupMembership.group_id)
            .subquery()
        )
        found = session.execute(
            select(
                StudentGroup.id,
                StudentGroup.name,
                StudentGroup.kind,
                StudentGroup.owner_id,
                func.coalesce(members.c.member_count, 0),
            )
            .outerjoin(members, members.c.group_id == StudentGroup.id)
            .where(*_visible(actor))
        ).all()
    rows = [
        GroupRow(group_id, name, kind, owner_id, count, may_edit(actor, kind, owner_id))
        for group_id, name, kind, owner_id, count in found
    ]
    return sorted(rows, key=lambda row: (sort_key(row.name), row.name, row.id))


def create_group(db: Database, actor: Actor, name: str, kind: GroupKind) -> uuid.UUID:
    """Create an empty group owned by the actor; returns its id."""
    require(db, actor, Action.MANAGE_GROUPS)
    if kind is GroupKind.MANAGED:
        require(db, actor, Action.MANAGE_MANAGED_GROUPS)
    name = _checked_name(name)
    with db.transaction(actor.staff_id) as session:
        _check_name_is_free(session, actor, name, None)
        group = StudentGroup(
            school_id=actor.school_id, name=name, kind=kind, owner_id=actor.staff_id
        )
        session.add(group)
    log.info("group %s (%s) created by staff %s", group.id, kind, actor.staff_id)
    return group.id


def rename_group(db: Database, actor: Actor, group_id: uuid.UUID, name: str) -> None:
    _check_may_edit(db, actor, group_id)
    name = _checked_name(name)
    with db.transaction(actor.staff_id) as session:
        group = _visible_group(session, actor, group_id)
        _check_name_is_free(session, actor, name, group_id)
        group.name = name


def delete_group(db: Database, actor: Actor, group_id: uuid.UUID) -> None:
    """Soft-delete the group and its memberships; no student is touched."""
    _check_may_edit(db, actor, group_id)
    with db.transaction(actor.staff_id) as session:
        group = _visible_group(session, actor, group_id)
        now = utcnow()
        group.deleted_at = now
        for link in session.scalars(
            select(GroupMembership).where(
                GroupMembership.group_id == group_id,
                GroupMembership.deleted_at.is_(None),
            )
        ):
            link.deleted_at = now
    log.info("group %s deleted by staff %s", group_id, actor.staff_id)


def add_members(
    db: Database,
    actor: Actor,
    group_id: uuid.UUID,
    student_ids: Iterable[uuid.UUID],
) -> MembersAdded:
    """Put the students in the group; ones already in it are counted, not doubled.

    Every student must be in the actor's scope, or nothing is written.
    """
    _check_may_edit(db, actor, group_id)
    wanted = list(dict.fromkeys(student_ids))
    added = 0
    with db.transaction(actor.staff_id) as session:
        _visible_group(session, actor, group_id)
        _check_students_in_scope(session, actor, wanted)
        links = _links(session, group_id, wanted)
        for student_id in wanted:
            link = links.get(student_id)
            if link is None:
                session.add(
                    GroupMembership(
                        id=link_id(group_id, student_id),
                        group_id=group_id,
                        student_id=student_id,
                    )
                )
                added += 1
            elif link.deleted_at is not None:
                link.deleted_at = None
                added += 1
    return MembersAdded(added, len(wanted) - added)


def remove_members(
    db: Database,
    actor: Actor,
    group_id: uuid.UUID,
    student_ids: Iterable[uuid.UUID],
) -> MembersRemoved:
    """Take the students out of the group (soft removal of their links).

    Every student must be in the actor's scope, or nothing is written.
    """
    _check_may_edit(db, actor, group_id)
    wanted = list(dict.fromkeys(student_ids))
    removed = 0
    with db.transaction(actor.staff_id) as session:
        _visible_group(session, actor, group_id)
        _check_students_in_scope(session, actor, wanted)
        now = utcnow()
        for link in _links(session, group_id, wanted).values():
            if link.deleted_at is None:
                link.deleted_at = now
                removed += 1
    return MembersRemoved(removed, len(wanted) - removed)


# --- private helpers --------------------------------------------------------


def _visible(actor: Actor) -> list[ColumnElement[bool]]:
    return [
        StudentGroup.school_id == actor.school_id,
        StudentGroup.deleted_at.is_(None),
        (StudentGroup.kind != GroupKind.PRIVATE)
        | (StudentGroup.owner_id == actor.staff_id),
    ]


def _visible_group(session: Session, actor: Actor, group_id: uuid.UUID) -> StudentGroup:
    group = session.scalars(
        select(StudentGroup).where(StudentGroup.id == group_id, *_visible(actor))
    ).first()
    if group is None:
        raise NotFound(
            QCoreApplication.translate(
                "Groups", "This group does not exist or is not visible to you."
            )
        )
    return group


def _check_may_edit(db: Database, actor: Actor, group_id: uuid.UUID) -> None:
    """Refuse, audited, unless the actor's level may change this group."""
    require(db, actor, Action.MANAGE_GROUPS)
    with db.read() as session:
        kind = _visible_group(session, actor, group_id).kind
    # A visible private group is the actor's own: only managed groups need more.
    if kind is GroupKind.MANAGED:
        require(db, actor, Action.MANAGE_MANAGED_GROUPS)


def _check_students_in_scope(
    session: Session, actor: Actor, student_ids: Sequence[uuid.UUID]
) -> None:
    """NotFound unless every student is in the school and the actor's scope."""
    found: set[uuid.UUID] = set()
    for start in range(0, len(student_ids), CHUNK):
        chunk = student_ids[start : start + CHUNK]
        query = select(Student.id).where(
            Student.id.in_(chunk),
            Student.school_id == actor.school_id,
            Student.deleted_at.is_(None),
            Student.plan_status != PlanStatus.TRANSFERRED,
        )
        if not actor.sees_all_students:
            query = query.where(
                Student.id.in_(
                    select(CaseloadAssignment.student_id).where(
                        CaseloadAssignment.staff_id == actor.staff_id,
                        CaseloadAssignment.deleted_at.is_(None),
                    )
                )
            )
        found.update(session.scalars(query))
    if len(found) != len(student_ids):
        raise NotFound(
            QCoreApplication.translate(
                "Groups",
                "A chosen student does not exist or is not in your list; "
                "no group was changed.",
            )
        )


def _links(
    session: Session, group_id: uuid.UUID, student_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, GroupMembership]:
    """The group's membership rows of these students, removed ones included."""
    links: dict[uuid.UUID, GroupMembership] = {}
    for start in range(0, len(student_ids), CHUNK):
        chunk = student_ids[start : start + CHUNK]
        for link in session.scalars(
            select(GroupMembership).where(
                GroupMembership.group_id == group_id,
                GroupMembership.student_id.in_(chunk),
            )
        ):
            links[link.student_id] = link
    return links


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    problem = None
    if not name:
        problem = QCoreApplication.translate("Groups", "Give the group a name.")
    elif len(name) > MAX_GROUP_NAME_LENGTH:
        problem = QCoreApplication.translate(
            "Groups", "A group name holds at most {0} characters."
        ).format(MAX_GROUP_NAME_LENGTH)
    elif (bad := unsafe_character(name)) is not None:
        problem = QCoreApplication.translate(
            "Groups", "The name contains a character that cannot be stored ({0})."
        ).format(code_point(bad))
    if problem:
        raise ValidationError({"name": problem})
    return name


def _check_name_is_free(
    session: Session, actor: Actor, name: str, group_id: uuid.UUID | None
) -> None:
    """Refuse a name that a group the actor sees already has, in any case."""
    wanted = name.casefold()
    taken = session.execute(
        select(StudentGroup.id, StudentGroup.name).where(*_visible(actor))
    ).all()
    if any(other != group_id and n.casefold() == wanted for other, n in taken):
        raise ValidationError(
            {
                "name": QCoreApplication.translate(
                    "Groups", "There is already a group named “{0}”."
                ).format(name)
            }
        )
