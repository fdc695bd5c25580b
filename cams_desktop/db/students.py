"""Students, their plans, caseloads, groups, logins and parents."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record, enum_values
from cams_desktop.db.school import LANGUAGE_ENUM, Language


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    UNSPECIFIED = "unspecified"


class PlanStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    GRADUATED = "graduated"
    TRANSFERRED = "transferred"


class GroupKind(enum.StrEnum):
    PRIVATE = "private"
    SHARED = "shared"
    MANAGED = "managed"


GRADES = range(1, 13)
MAX_NAME_LENGTH = 100


class Student(Record):
    """A student and the state of their plan (one plan per student)."""

    __tablename__ = "students"
    __secret_columns__ = frozenset({"password_hash"})
    __table_args__ = (
        Index("ix_students_school_grade", "school_id", "grade"),
        UniqueConstraint("school_id", "student_number"),
    )

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    student_number: Mapped[str | None] = mapped_column(String(40))
    # Id of the student in the school's information system (roster imports).
    source_id: Mapped[str | None] = mapped_column(String(100), index=True)
    username: Mapped[str] = mapped_column(String(64))
    # casefold() of the username: unique across the whole board (F-15).
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    last_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    # text.name_sort_key(last, first) and text.fold of names and username,
    # kept by the services so that lists sort and filter without work.
    sort_key: Mapped[str] = mapped_column(String(2 * MAX_NAME_LENGTH + 1), index=True)
    search_text: Mapped[str] = mapped_column(String(300))
    grade: Mapped[int]
    gender: Mapped[Gender] = mapped_column(
        Enum(Gender, native_enum=False, length=20, values_callable=enum_values)
    )
    birth_date: Mapped[dt.date | None]
    expected_graduation: Mapped[dt.date | None]
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_language: Mapped[Language] = mapped_column(
        LANGUAGE_ENUM, default=Language.FRENCH
    )
    plan_status: Mapped[PlanStatus] = mapped_column(
        Enum(PlanStatus, native_enum=False, length=20, values_callable=enum_values),
        default=PlanStatus.ACTIVE,
    )
    plan_created_at: Mapped[dt.datetime | None]
    plan_status_changed_at: Mapped[dt.datetime | None]
    invite_others_allowed: Mapped[bool] = mapped_column(default=True)
    # Hash of the student's planning-site password; never the password (F-16).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    transferred_to_school_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("schools.id")
    )
    transferred_at: Mapped[dt.datetime | None]


class GradeChange(Record):
    """One step of a student's grade history (promote, demote, rollover)."""

    __tablename__ = "grade_changes"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    from_grade: Mapped[int]
    to_grade: Mapped[int | None]
    reason: Mapped[str] = mapped_column(String(40))
    # The year-end rollover (or its undo) that made the change; None by hand.
    batch_id: Mapped[uuid.UUID | None] = mapped_column(index=True)


class StudentTransfer(Record):
    """A student sent to another school of the board (F-20).

    The student row itself moves to the receiving school; this record is what
    the sending school keeps: who left, in which grade, when, where and by whom.
    """

    __tablename__ = "student_transfers"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    from_school_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("schools.id"), index=True
    )
    to_school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    transferred_at: Mapped[dt.datetime]
    transferred_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    grade: Mapped[int]


class CaseloadAssignment(Record):
    """A student assigned to a staff member (F-42); id is link_id(staff, student)."""

    __tablename__ = "caseload_assignments"
    __table_args__ = (UniqueConstraint("staff_id", "student_id"),)

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)


class StudentGroup(Record):
    __tablename__ = "student_groups"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[GroupKind] = mapped_column(
        Enum(GroupKind, native_enum=False, length=20, values_callable=enum_values)
    )
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))


class GroupMembership(Record):
    """A student in a group; id is link_id(group, student)."""

    __tablename__ = "group_memberships"
    __table_args__ = (UniqueConstraint("group_id", "student_id"),)

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("student_groups.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)


class SavedSearch(Record):
    __tablename__ = "saved_searches"

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    name: Mapped[str] = mapped_column(String(200))
    criteria: Mapped[Any] = mapped_column(JSON)


class LoginEvent(Record):
    """A student opening their plan on the planning site (F-31)."""

    __tablename__ = "login_events"
    __table_args__ = (Index("ix_login_events_student", "student_id", "occurred_at"),)
    __audited__ = False

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    occurred_at: Mapped[dt.datetime]
    source: Mapped[str] = mapped_column(String(40), default="web")


class PlanInvitation(Record):
    """Someone a student invited to view their plan (F-35)."""

    __tablename__ = "plan_invitations"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    invitee_name: Mapped[str] = mapped_column(String(200))
    invitee_email: Mapped[str | None] = mapped_column(String(254))
    special_contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("special_contacts.id")
    )


class Parent(Record):
    """A parent or guardian account of the parent portal (F-36)."""

    __tablename__ = "parents"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    source_id: Mapped[str | None] = mapped_column(String(100), index=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    last_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    preferred_language: Mapped[Language] = mapped_column(
        LANGUAGE_ENUM, default=Language.FRENCH
    )
    account_active: Mapped[bool] = mapped_column(default=False)
    last_sign_in_at: Mapped[dt.datetime | None]


class ParentLink(Record):
    """A parent linked to a student; id is link_id(parent, student)."""

    __tablename__ = "parent_links"
    __table_args__ = (UniqueConstraint("parent_id", "student_id"),)

    parent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parents.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    relationship: Mapped[str] = mapped_column(String(40), default="parent")


class ActivationCode(Record):
    """A single-use code that lets a parent open a portal account (F-36)."""

    __tablename__ = "activation_codes"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("parents.id"))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class ParentComment(Record):
    __tablename__ = "parent_comments"

    parent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parents.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    body: Mapped[str]
    written_at: Mapped[dt.datetime]
