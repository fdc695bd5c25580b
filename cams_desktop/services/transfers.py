"""Transferring students to another school of the board (F-20).

The student row moves: its school becomes the receiving school, and the plan,
notes, logs and history, which hang off the student, go with it. The sending
school ends its caseload assignments and group memberships and keeps only a
``StudentTransfer`` record, shown read-only under "Transferred students".
Parents belong to one school, so their contacts travel too (``_move_parents``).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from cams_desktop.db.base import link_id, utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.school import School, Staff
from cams_desktop.db.students import (
    ActivationCode,
    CaseloadAssignment,
    GroupMembership,
    Parent,
    ParentLink,
    PlanStatus,
    Student,
    StudentGroup,
    StudentTransfer,
)
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.students import ValidationError, visible_student
from cams_desktop.text import sort_key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SchoolChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class TransferSkipped:
    id: uuid.UUID
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class TransferResult:
    to_school: str
    transferred: tuple[uuid.UUID, ...]
    skipped: tuple[TransferSkipped, ...]


@dataclass(frozen=True, slots=True)
class TransferredRow:
    """A student who left the actor's school, as the sending school sees them."""

    transfer_id: uuid.UUID
    student_id: uuid.UUID
    first_name: str
    last_name: str
    grade: int
    transferred_at: dt.datetime
    to_school: str
    transferred_by: str


def list_transfer_destinations(db: Database, actor: Actor) -> list[SchoolChoice]:
    """The other schools of the actor's board, by name."""
    require(db, actor, Action.TRANSFER_STUDENT)
    with db.read() as session:
        found = [
            SchoolChoice(school_id, name)
            for school_id, name in session.execute(_destinations(actor))
        ]
    return sorted(found, key=lambda school: sort_key(school.name))


def transfer_students(
    db: Database,
    actor: Actor,
    student_ids: Iterable[uuid.UUID],
    to_school_id: uuid.UUID,
) -> TransferResult:
    """Send the students to ``to_school_id``, in one transaction.

    Graduated students, and students whose student number the receiving
    school already uses, stay and are listed with the reason.
    """
    require(db, actor, Action.TRANSFER_STUDENT)
    with db.transaction(actor.staff_id) as session:
        names = {
            school_id: name for school_id, name in session.execute(_destinations(actor))
        }
        destination = names.get(to_school_id)
        if destination is None:
            raise ValidationError(
                {
                    "to_school_id": QCoreApplication.translate(
                        "Transfers", "Choose another school of the school board."
                    )
                }
            )
        now = utcnow()
        transferred: list[uuid.UUID] = []
        skipped: list[TransferSkipped] = []
        for student_id in dict.fromkeys(student_ids):
            student = visible_student(session, actor, student_id)
            reason = _problem(session, student, to_school_id, destination)
            if reason is not None:
                skipped.append(
                    TransferSkipped(
                        student.id, f"{student.first_name} {student.last_name}", reason
                    )
                )
                continue
            session.add(
                StudentTransfer(
                    student_id=student.id,
                    from_school_id=actor.school_id,
                    to_school_id=to_school_id,
                    transferred_at=now,
                    transferred_by_id=actor.staff_id,
                    grade=student.grade,
                )
            )
            _end_links(session, student.id, actor.school_id, now)
            student.school_id = to_school_id
            student.transferred_to_school_id = to_school_id
            student.transferred_at = now
            transferred.append(student.id)
            # The next student's checks query the database: write this one first.
            session.flush()
        _move_parents(session, transferred, actor.school_id, to_school_id, now)
    log.info(
        "%d students transferred from school %s to %s by staff %s (%d skipped)",
        len(transferred),
        actor.school_id,
        to_school_id,
        actor.staff_id,
        len(skipped),
    )
    return TransferResult(destination, tuple(transferred), tuple(skipped))


def list_transferred(db: Database, actor: Actor) -> list[TransferredRow]:
    """Students who left the actor's school for another one, newest first.

    Only these few facts stay with the sending school; the student's profile,
    plan and notes are the receiving school's now.
    """
    require(db, actor, Action.VIEW_ALL_STUDENTS)
    destination = aliased(School)
    with db.read() as session:
        rows = session.execute(
            select(
                StudentTransfer.id,
                Student.id,
                Student.first_name,
                Student.last_name,
                StudentTransfer.grade,
                StudentTransfer.transferred_at,
                destination.name,
                Staff.first_name,
                Staff.last_name,
            )
            .join(Student, Student.id == StudentTransfer.student_id)
            .join(destination, destination.id == StudentTransfer.to_school_id)
            .outerjoin(Staff, Staff.id == StudentTransfer.transferred_by_id)
            .where(
                StudentTransfer.from_school_id == actor.school_id,
                StudentTransfer.deleted_at.is_(None),
                # A student who came back is in the list again, not here.
                Student.school_id != actor.school_id,
            )
            .order_by(
                StudentTransfer.transferred_at.desc(),
                Student.sort_key,
                StudentTransfer.id,
            )
        ).all()
    return [
        TransferredRow(
            transfer_id,
            student_id,
            first,
            last,
            grade,
            at,
            school,
            "" if by_first is None else f"{by_first} {by_last}",
        )
        for (
            transfer_id,
            student_id,
            first,
            last,
            grade,
            at,
            school,
            by_first,
            by_last,
        ) in rows
    ]


def _destinations(actor: Actor) -> Select[uuid.UUID, str]:
    board = select(School.board_id).where(School.id == actor.school_id)
    return select(School.id, School.name).where(
        School.board_id.in_(board.scalar_subquery()),
        School.id != actor.school_id,
        School.deleted_at.is_(None),
    )


def _problem(
    session: Session, student: Student, to_school_id: uuid.UUID, destination: str
) -> str | None:
    if student.plan_status == PlanStatus.GRADUATED:
        return QCoreApplication.translate(
            "Transfers", "Graduated students are not transferred."
        )
    if student.student_number:
        taken = session.scalar(
            select(Student.id).where(
                Student.school_id == to_school_id,
                Student.student_number == student.student_number,
            )
        )
        if taken is not None:
            return QCoreApplication.translate(
                "Transfers", "{0} already has a student with the number {1}."
            ).format(destination, student.student_number)
    return None


def _end_links(
    session: Session, student_id: uuid.UUID, school_id: uuid.UUID, now: dt.datetime
) -> None:
    """End the sending school's caseload assignments and group memberships."""
    for link in session.scalars(
        select(CaseloadAssignment).where(
            CaseloadAssignment.student_id == student_id,
            CaseloadAssignment.deleted_at.is_(None),
        )
    ):
        link.deleted_at = now
    for membership in session.scalars(
        select(GroupMembership)
        .join(StudentGroup, StudentGroup.id == GroupMembership.group_id)
        .where(
            GroupMembership.student_id == student_id,
            GroupMembership.deleted_at.is_(None),
            StudentGroup.school_id == school_id,
        )
    ):
        membership.deleted_at = now


def _move_parents(
    session: Session,
    student_ids: list[uuid.UUID],
    from_school_id: uuid.UUID,
    to_school_id: uuid.UUID,
    now: dt.datetime,
) -> None:
    """Give the receiving school the parents of the students it received.

    A parent whose linked students all left goes with them. A parent who
    still has a child at the sending school stays there, and the receiving
    school gets a copy (same contact data, no portal account yet) that the
    children who left are linked to instead. The valid activation codes of
    a link that moved end, as when a parent is removed from a student's
    contacts (parents.redeem_code would refuse them anyway); the receiving
    school prints new ones for the copy. A parent who moves keeps its codes.
    """
    moved: defaultdict[uuid.UUID, list[ParentLink]] = defaultdict(list)
    for link in session.scalars(
        select(ParentLink)
        .join(Parent, Parent.id == ParentLink.parent_id)
        .where(
            ParentLink.student_id.in_(student_ids),
            ParentLink.deleted_at.is_(None),
            Parent.school_id == from_school_id,
            Parent.deleted_at.is_(None),
        )
        .order_by(ParentLink.parent_id, ParentLink.student_id)
    ):
        moved[link.parent_id].append(link)
    for parent_id, links in moved.items():
        parent = session.get_one(Parent, parent_id)
        child_stays = session.scalar(
            select(ParentLink.id)
            .join(Student, Student.id == ParentLink.student_id)
            .where(
                ParentLink.parent_id == parent_id,
                ParentLink.deleted_at.is_(None),
                Student.school_id == from_school_id,
                Student.deleted_at.is_(None),
            )
            .limit(1)
        )
        if child_stays is None:
            parent.school_id = to_school_id
            continue
        copy = Parent(
            school_id=to_school_id,
            source_id=parent.source_id,
            first_name=parent.first_name,
            last_name=parent.last_name,
            email=parent.email,
            phone=parent.phone,
            preferred_language=parent.preferred_language,
        )
        session.add(copy)
        session.flush()
        for link in links:
            link.deleted_at = now
            session.add(
                ParentLink(
                    id=link_id(copy.id, link.student_id),
                    parent_id=copy.id,
                    student_id=link.student_id,
                    relationship=link.relationship,
                )
            )
            for code in session.scalars(
                select(ActivationCode).where(
                    ActivationCode.student_id == link.student_id,
                    ActivationCode.parent_id == parent_id,
                    ActivationCode.deleted_at.is_(None),
                    ActivationCode.used_at.is_(None),
                    ActivationCode.expires_at > now,
                )
            ):
                code.deleted_at = now
    session.flush()
