"""Caseloads (F-42): which students each staff member works with.

Administrators add or remove students on any staff member's list; teachers
and other staff on their own list only. A student may be on several lists.
A caseload drives "My students" and what teachers and other staff see.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.db.base import link_id, utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.school import Staff
from cams_desktop.db.students import CaseloadAssignment, PlanStatus, Student
from cams_desktop.services.access import Action, Actor, NotFound, allowed, refuse
from cams_desktop.text import fold, sort_key

log = logging.getLogger(__name__)

# A teacher or other staff member adding to their own list types at least this
# much of a name or username, and sees at most this many matches.
MIN_SEARCH_FOR_OWN_LIST = 2
MAX_MATCHES_FOR_OWN_LIST = 50

# Ids per IN (...) list: well under SQLite's limit on bound parameters,
# since an administrator may select a whole school at once.
CHUNK = 500


@dataclass(frozen=True, slots=True)
class CaseloadStudent:
    """A student as the caseload dialog shows them: names, grade and username."""

    id: uuid.UUID
    first_name: str
    last_name: str
    grade: int
    username: str
    in_caseload: bool


def _check_access(db: Database, actor: Actor, staff_id: uuid.UUID) -> None:
    """Refuse (audited) unless the actor may work on ``staff_id``'s list."""
    if staff_id == actor.staff_id:
        action = Action.EDIT_OWN_CASELOAD
    else:
        action = Action.ASSIGN_CASELOADS
    if not allowed(actor, action):
        refuse(db, actor, action.value, staff_id)


def _target(
    session: Session, actor: Actor, staff_id: uuid.UUID, *, active: bool
) -> Staff:
    """The staff member whose list it is; NotFound if not of this school.

    ``active`` False lets administrators read and empty the list of someone
    who was deactivated, to hand their students to colleagues.
    """
    staff = session.get(Staff, staff_id)
    if (
        staff is None
        or staff.deleted_at is not None
        or staff.school_id != actor.school_id
        or (active and not staff.is_active)
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Caseloads", "This staff member does not exist or is not active."
            )
        )
    return staff


def _in_school(actor: Actor) -> list[ColumnElement[bool]]:
    """Students still in the actor's school, as "My students" counts them."""
    return [
        Student.school_id == actor.school_id,
        Student.deleted_at.is_(None),
        Student.plan_status != PlanStatus.TRANSFERRED,
    ]


def _linked(staff_id: uuid.UUID) -> Any:
    return select(CaseloadAssignment.student_id).where(
        CaseloadAssignment.staff_id == staff_id,
        CaseloadAssignment.deleted_at.is_(None),
    )


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _unique(ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(ids))


def caseload(db: Database, actor: Actor, staff_id: uuid.UUID) -> list[CaseloadStudent]:
    """The staff member's students, by last name then first name."""
    _check_access(db, actor, staff_id)
    with db.read() as session:
        _target(session, actor, staff_id, active=False)
        rows = session.execute(
            select(
                Student.id,
                Student.first_name,
                Student.last_name,
                Student.grade,
                Student.username,
            )
            .where(*_in_school(actor), Student.id.in_(_linked(staff_id)))
            .order_by(Student.sort_key, Student.id)
        ).all()
    return [
        CaseloadStudent(sid, first, last, student_grade, username, True)
        for sid, first, last, student_grade, username in rows
    ]


def candidates(
    db: Database,
    actor: Actor,
    staff_id: uuid.UUID,
    *,
    text: str = "",
    grade: int | None = None,
    last_names: tuple[str, str] | None = None,
) -> list[CaseloadStudent]:
    """Students with an active plan who could join ``staff_id``'s list.

    ``text`` matches names and username whatever the accents, case and
    apostrophes; every word must match. ``last_names`` ("A", "Ge") keeps
    the last names from A up to those starting with "Ge" (accents, spaces
    and hyphens ignored: "Gélinas" is in, "Giroux" is out); an empty bound
    leaves that side open. ``in_caseload`` tells who is already on the list.
    """
    _check_access(db, actor, staff_id)
    browse = allowed(actor, Action.ASSIGN_CASELOADS)
    if not browse and len(fold(text).replace(" ", "")) < MIN_SEARCH_FOR_OWN_LIST:
        # Teachers and other staff find a student by name; they do not browse
        # the school (F-04: they work with their own students only).
        return []
    conditions = [*_in_school(actor), Student.plan_status == PlanStatus.ACTIVE]
    for word in fold(text).split():
        conditions.append(Student.search_text.contains(word, autoescape=True))
    if grade is not None:
        conditions.append(Student.grade == grade)
    if last_names is not None:
        low, high = (sort_key(bound) for bound in last_names)
        # Student.sort_key is the last name's key, "\x01", the first name's:
        # "\x01" sorts before any letter, so comparing the whole key compares
        # the last names (see text.name_sort_key).
        if low:
            conditions.append(Student.sort_key >= low)
        if high:
            conditions.append(func.substr(Student.sort_key, 1, len(high)) <= high)
    with db.read() as session:
        _target(session, actor, staff_id, active=True)
        linked = _linked(staff_id).subquery()
        rows = session.execute(
            select(
                Student.id,
                Student.first_name,
                Student.last_name,
                Student.grade,
                Student.username,
                linked.c.student_id.is_not(None),
            )
            .outerjoin(linked, linked.c.student_id == Student.id)
            .where(*conditions)
            .order_by(Student.sort_key, Student.id)
        ).all()
    return [
        CaseloadStudent(sid, first, last, student_grade, username, bool(linked_now))
        for sid, first, last, student_grade, username, linked_now in rows
    ]


def add_to_caseload(
    db: Database, actor: Actor, staff_id: uuid.UUID, student_ids: Iterable[uuid.UUID]
) -> int:
    """Put students on ``staff_id``'s list; returns how many were not on it.

    A student removed earlier gets their old link back (same id on every
    desktop, see db.base.link_id). Unknown students, or students of another
    school, raise NotFound and nothing is written.
    """
    _check_access(db, actor, staff_id)
    wanted = _unique(student_ids)
    added = 0
    with db.transaction(actor.staff_id) as session:
        _target(session, actor, staff_id, active=True)
        found: set[uuid.UUID] = set()
        links: dict[uuid.UUID, CaseloadAssignment] = {}
        for chunk in _chunks(wanted):
            found.update(
                session.scalars(
                    select(Student.id).where(*_in_school(actor), Student.id.in_(chunk))
                )
            )
            links.update(
                (link.student_id, link)
                for link in session.scalars(
                    select(CaseloadAssignment).where(
                        CaseloadAssignment.staff_id == staff_id,
                        CaseloadAssignment.student_id.in_(chunk),
                    )
                )
            )
        if len(found) != len(wanted):
            # Raised inside the transaction: it rolls back, nothing is written.
            raise NotFound(
                QCoreApplication.translate(
                    "Caseloads",
                    "A chosen student does not exist or is not in this school.",
                )
            )
        for student_id in wanted:
            link = links.get(student_id)
            if link is None:
                session.add(
                    CaseloadAssignment(
                        id=link_id(staff_id, student_id),
                        staff_id=staff_id,
                        student_id=student_id,
                    )
                )
                added += 1
            elif link.deleted_at is not None:
                link.deleted_at = None
                added += 1
    log.info(
        "%d students added to the caseload of staff %s by staff %s",
        added,
        staff_id,
        actor.staff_id,
    )
    return added


def remove_from_caseload(
    db: Database, actor: Actor, staff_id: uuid.UUID, student_ids: Iterable[uuid.UUID]
) -> int:
    """Take students off ``staff_id``'s list; returns how many were on it.

    The links are marked removed, not deleted, so the change travels to the
    server and adding the student again revives the same row. Students not
    on the list are skipped.
    """
    _check_access(db, actor, staff_id)
    wanted = _unique(student_ids)
    removed = 0
    now = utcnow()
    with db.transaction(actor.staff_id) as session:
        _target(session, actor, staff_id, active=False)
        for chunk in _chunks(wanted):
            for link in session.scalars(
                select(CaseloadAssignment).where(
                    CaseloadAssignment.staff_id == staff_id,
                    CaseloadAssignment.student_id.in_(chunk),
                    CaseloadAssignment.deleted_at.is_(None),
                )
            ):
                link.deleted_at = now
                removed += 1
    log.info(
        "%d students removed from the caseload of staff %s by staff %s",
        removed,
        staff_id,
        actor.staff_id,
    )
    return removed
