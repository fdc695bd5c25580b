"""Staff administration: add, list, edit, deactivate and the change log (F-40, F-41).

Who manages whom (F-04): a program administrator manages every staff member
but their own level and activation; a school administrator manages staff of
a lower level only; teachers and other staff manage nobody. Everyone edits
their own profile, but nobody changes their own level. Staff are never
deleted, so the notes and log entries they wrote keep their author.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel, Language, Staff
from cams_desktop.db.students import (
    CaseloadAssignment,
    PlanStatus,
    Student,
)
from cams_desktop.db.tracking import SECRET_SHOWN
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    PermissionDenied,
    allowed,
    refuse,
    require,
)
from cams_desktop.services.students import (
    ValidationError,
    email_error,
    name_errors,
    username_error,
)
from cams_desktop.text import name_sort_key

log = logging.getLogger(__name__)

# Columns that sign-in keeps up to date on every attempt; in the change log
# they would bury the changes people made. username_key repeats username.
UNLOGGED_FIELDS = frozenset(
    {"failed_sign_ins", "last_failed_sign_in_at", "last_sign_in_at", "username_key"}
)


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One line of the staff list."""

    id: uuid.UUID
    username: str
    first_name: str
    last_name: str
    email: str | None
    access_level: AccessLevel
    preferred_language: Language
    is_active: bool
    locked_until: dt.datetime | None
    last_sign_in_at: dt.datetime | None
    caseload_size: int


@dataclass(slots=True)
class StaffDraft:
    """What the Add staff, Edit staff and Edit my profile dialogs collect."""

    username: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    access_level: AccessLevel = AccessLevel.TEACHER
    preferred_language: Language = Language.FRENCH


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One changed field of a staff profile, as the change log shows it."""

    occurred_at: dt.datetime
    author: str
    staff_id: uuid.UUID
    staff_name: str
    # create, update (or delete, should a row ever be removed).
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None


# --- who manages whom -------------------------------------------------------


def manageable_levels(actor: Actor) -> list[AccessLevel]:
    """The levels ``actor`` may give to, or manage in, other staff members."""
    if not allowed(actor, Action.MANAGE_STAFF):
        return []
    if actor.access_level == AccessLevel.PROGRAM_ADMIN:
        return list(AccessLevel)
    # Level 1 has the most rights: "lower level" means a larger number.
    return [level for level in AccessLevel if level > actor.access_level]


def _refuse(
    db: Database, actor: Actor, what: str, row_id: uuid.UUID | None, message: str
) -> None:
    """Audit a refusal like access.refuse, but explain which rule refused it."""
    try:
        refuse(db, actor, what, row_id)
    except PermissionDenied:
        raise PermissionDenied(message) from None


def _refuse_level(
    db: Database, actor: Actor, what: str, row_id: uuid.UUID | None
) -> None:
    _refuse(
        db,
        actor,
        what,
        row_id,
        QCoreApplication.translate(
            "Staff", "You can only manage staff of a lower access level than yours."
        ),
    )


def _refuse_own_level(db: Database, actor: Actor) -> None:
    _refuse(
        db,
        actor,
        "change_own_level",
        actor.staff_id,
        QCoreApplication.translate(
            "Staff", "Nobody can change their own access level."
        ),
    )


# --- reading --------------------------------------------------------------


def _staff_of_school(session: Session, actor: Actor, staff_id: uuid.UUID) -> Staff:
    staff = session.get(Staff, staff_id)
    if (
        staff is None
        or staff.deleted_at is not None
        or staff.school_id != actor.school_id
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Staff", "This staff member does not exist in this school."
            )
        )
    return staff


def list_staff(
    db: Database, actor: Actor, *, include_inactive: bool = False
) -> list[StaffRow]:
    """The school's staff, by last name then first name."""
    require(db, actor, Action.VIEW_STAFF)
    with db.read() as session:
        query = select(Staff).where(
            Staff.school_id == actor.school_id, Staff.deleted_at.is_(None)
        )
        if not include_inactive:
            query = query.where(Staff.is_active)
        staff = session.scalars(query).all()
        # Counted like "My students": links to students still in this school.
        sizes: dict[uuid.UUID, int] = dict(
            session.execute(
                select(CaseloadAssignment.staff_id, func.count())
                .join(Student, Student.id == CaseloadAssignment.student_id)
                .where(
                    CaseloadAssignment.deleted_at.is_(None),
                    Student.school_id == actor.school_id,
                    Student.deleted_at.is_(None),
                    Student.plan_status != PlanStatus.TRANSFERRED,
                )
                .group_by(CaseloadAssignment.staff_id)
            ).all()
        )
    rows = [
        StaffRow(
            s.id,
            s.username,
            s.first_name,
            s.last_name,
            s.email,
            s.access_level,
            s.preferred_language,
            s.is_active,
            s.locked_until,
            s.last_sign_in_at,
            sizes.get(s.id, 0),
        )
        for s in staff
    ]
    rows.sort(key=lambda row: (name_sort_key(row.last_name, row.first_name), row.id))
    return rows


def get_staff(db: Database, actor: Actor, staff_id: uuid.UUID) -> StaffDraft:
    """A staff profile in the form the dialogs edit; anyone reads their own."""
    if staff_id != actor.staff_id:
        require(db, actor, Action.VIEW_STAFF)
    with db.read() as session:
        return _draft_of(_staff_of_school(session, actor, staff_id))


def _draft_of(staff: Staff) -> StaffDraft:
    return StaffDraft(
        username=staff.username,
        first_name=staff.first_name,
        last_name=staff.last_name,
        email=staff.email or "",
        access_level=staff.access_level,
        preferred_language=staff.preferred_language,
    )


def staff_change_log(
    db: Database, actor: Actor, staff_id: uuid.UUID | None = None
) -> list[ChangeRow]:
    """Changes of the school's staff profiles (or of one), newest first.

    Within one change the fields keep the order in which they were written.
    """
    require(db, actor, Action.VIEW_STAFF_CHANGE_LOG)
    author = aliased(Staff)
    subject = aliased(Staff)
    query = (
        select(
            AuditEntry,
            author.first_name,
            author.last_name,
            subject.first_name,
            subject.last_name,
        )
        .join(subject, subject.id == AuditEntry.row_id)
        .outerjoin(author, author.id == AuditEntry.actor_id)
        .where(
            AuditEntry.table_name == Staff.__tablename__,
            subject.school_id == actor.school_id,
            AuditEntry.field.is_(None) | AuditEntry.field.not_in(UNLOGGED_FIELDS),
            # Profile changes only: sign-in failures and locks are audited
            # under their own actions and would drown the log.
            AuditEntry.action.in_(("create", "update", "delete")),
        )
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id)
    )
    if staff_id is not None:
        query = query.where(AuditEntry.row_id == staff_id)
    with db.read() as session:
        entries = session.execute(query).all()
    secret = Staff.__secret_columns__
    return [
        ChangeRow(
            entry.occurred_at,
            "" if author_first is None else f"{author_first} {author_last}",
            entry.row_id,
            f"{first} {last}",
            entry.action,
            entry.field,
            # Entries written before hashes were masked may still hold one.
            _masked(entry.old_value) if entry.field in secret else entry.old_value,
            _masked(entry.new_value) if entry.field in secret else entry.new_value,
        )
        for entry, author_first, author_last, first, last in entries
    ]


def _masked(value: str | None) -> str | None:
    return None if value is None else SECRET_SHOWN


# --- validation -------------------------------------------------------------


def _clean(draft: StaffDraft) -> StaffDraft:
    return StaffDraft(
        username=draft.username.strip(),
        first_name=draft.first_name.strip(),
        last_name=draft.last_name.strip(),
        email=draft.email.strip(),
        access_level=AccessLevel(draft.access_level),
        preferred_language=Language(draft.preferred_language),
    )


def validate(
    session: Session, draft: StaffDraft, staff_id: uuid.UUID | None = None
) -> None:
    """Raise ValidationError listing every problem of ``draft``."""
    errors = name_errors(draft.first_name, draft.last_name)
    problem, suggestion = username_error(session, draft.username, staff_id=staff_id)
    if problem:
        errors["username"] = problem
    if draft.email and (problem := email_error(draft.email)):
        errors["email"] = problem

    if errors:
        raise ValidationError(errors, suggestion)


# --- writing --------------------------------------------------------------


def _apply(staff: Staff, draft: StaffDraft, *, level: bool = True) -> None:
    staff.username = draft.username
    staff.username_key = draft.username.casefold()
    staff.first_name = draft.first_name
    staff.last_name = draft.last_name
    staff.email = draft.email or None
    if level:
        staff.access_level = draft.access_level
    staff.preferred_language = draft.preferred_language


def add_staff(db: Database, actor: Actor, draft: StaffDraft) -> uuid.UUID:
    """Create a staff member (no password yet); returns the new id."""
    require(db, actor, Action.MANAGE_STAFF)
    draft = _clean(draft)
    if draft.access_level not in manageable_levels(actor):
        _refuse_level(db, actor, "add_staff", None)
    with db.transaction(actor.staff_id) as session:
        validate(session, draft)
        staff = Staff(school_id=actor.school_id, is_active=True)
        _apply(staff, draft)
        session.add(staff)
        session.flush()
    log.info("staff %s added by staff %s", staff.id, actor.staff_id)
    return staff.id


def update_staff(
    db: Database, actor: Actor, staff_id: uuid.UUID, draft: StaffDraft
) -> None:
    """Save an administrator's edit of a staff profile, level included.

    Editing oneself from the staff list is an "Edit my profile": the level
    stays as it is (a changed one is refused).
    """
    require(db, actor, Action.MANAGE_STAFF)
    if staff_id == actor.staff_id:
        update_own_profile(db, actor, draft)
        return
    draft = _clean(draft)
    with db.read() as session:
        current_level = _staff_of_school(session, actor, staff_id).access_level
    levels = manageable_levels(actor)
    if current_level not in levels or draft.access_level not in levels:
        _refuse_level(db, actor, "update_staff", staff_id)
    with db.transaction(actor.staff_id) as session:
        staff = _staff_of_school(session, actor, staff_id)
        if staff.access_level != current_level:
            # Changed since the check above (by sync or a colleague).
            raise ValidationError(
                {
                    "access_level": QCoreApplication.translate(
                        "Staff",
                        "Someone else changed this staff member's access level "
                        "meanwhile. Open the profile again.",
                    )
                }
            )
        validate(session, draft, staff_id)
        _apply(staff, draft)
    log.info("staff %s updated by staff %s", staff_id, actor.staff_id)


def update_own_profile(db: Database, actor: Actor, draft: StaffDraft) -> None:
    """Save the actor's own profile; the access level cannot change here."""
    require(db, actor, Action.EDIT_OWN_PROFILE)
    draft = _clean(draft)
    with db.read() as session:
        current_level = _staff_of_school(session, actor, actor.staff_id).access_level
    if draft.access_level != current_level:
        _refuse_own_level(db, actor)
    with db.transaction(actor.staff_id) as session:
        staff = _staff_of_school(session, actor, actor.staff_id)
        validate(session, draft, actor.staff_id)
        # The level is never written from here, so an administrator's change
        # of it made meanwhile cannot be undone by this save.
        _apply(staff, draft, level=False)
    log.info("staff %s updated their own profile", actor.staff_id)


def set_staff_active(
    db: Database, actor: Actor, staff_id: uuid.UUID, active: bool
) -> None:
    """Deactivate or reactivate a staff member; nothing is ever deleted.

    A deactivated staff member cannot sign in; their notes, log entries and
    caseload links stay, so reactivating them gives everything back.
    """
    require(db, actor, Action.MANAGE_STAFF)
    if staff_id == actor.staff_id:
        _refuse(
            db,
            actor,
            "set_own_activation",
            staff_id,
            QCoreApplication.translate(
                "Staff", "You cannot deactivate or reactivate your own account."
            ),
        )
    with db.read() as session:
        level = _staff_of_school(session, actor, staff_id).access_level
    if level not in manageable_levels(actor):
        _refuse_level(db, actor, "set_staff_active", staff_id)
    with db.transaction(actor.staff_id) as session:
        staff = _staff_of_school(session, actor, staff_id)
        staff.is_active = active
    log.info(
        "staff %s %s by staff %s",
        staff_id,
        "reactivated" if active else "deactivated",
        actor.staff_id,
    )
