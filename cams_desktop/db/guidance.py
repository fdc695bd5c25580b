"""Notes, counselling log, annual reviews, messages, assignments and links."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record, enum_values


class Note(Record):
    """A note on a student (F-32): public to staff, or private to its author."""

    __tablename__ = "notes"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    body: Mapped[str]
    is_private: Mapped[bool] = mapped_column(default=False)


class CounsellingTopic(Record):
    __tablename__ = "counselling_topics"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    label_fr: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))


class CounsellingGroupEntry(Record):
    """One entry written for many students at once (F-33 group entries)."""

    __tablename__ = "counselling_group_entries"

    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    session_date: Mapped[dt.date]
    topic_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("counselling_topics.id")
    )
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str]


class CounsellingLogEntry(Record):
    __tablename__ = "counselling_log_entries"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    session_date: Mapped[dt.date]
    topic_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("counselling_topics.id")
    )
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str]
    group_entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("counselling_group_entries.id")
    )


class AnnualReview(Record):
    """A counsellor's annual plan review of one school year (F-34)."""

    __tablename__ = "annual_reviews"
    __table_args__ = (UniqueConstraint("student_id", "school_year"),)

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    # The calendar year in which the school year starts (2026 for 2026-2027).
    school_year: Mapped[int]
    completed_on: Mapped[dt.date]
    reviewer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    comment: Mapped[str] = mapped_column(default="")


class Message(Record):
    """An internal message to students (F-30); insert-only, delete retracts."""

    __tablename__ = "messages"

    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str]
    sent_at: Mapped[dt.datetime]
    audience: Mapped[str] = mapped_column(String(500), default="")


class MessageRecipient(Record):
    __tablename__ = "message_recipients"
    __table_args__ = (UniqueConstraint("message_id", "student_id"),)
    __audited__ = False

    message_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("messages.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    read_at: Mapped[dt.datetime | None]


class EmailStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class EmailOutboxItem(Record):
    """An email copy of a message waiting to go out (F-30); never lost."""

    __tablename__ = "email_outbox"
    __synced__ = False
    __audited__ = False

    recipient_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("message_recipients.id"), unique=True
    )
    to_address: Mapped[str] = mapped_column(String(254))
    status: Mapped[EmailStatus] = mapped_column(
        Enum(EmailStatus, native_enum=False, length=20, values_callable=enum_values),
        default=EmailStatus.PENDING,
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None]
    sent_at: Mapped[dt.datetime | None]


class Assignment(Record):
    """A template file with a due date given to students (F-37)."""

    __tablename__ = "assignments"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    title: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str] = mapped_column(default="")
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_content: Mapped[bytes | None]
    due_on: Mapped[dt.date | None]
    # None: every student; otherwise the group the assignment is for.
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("student_groups.id"))


class AssignmentSubmission(Record):
    __tablename__ = "assignment_submissions"
    __table_args__ = (UniqueConstraint("assignment_id", "student_id"),)

    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignments.id"))
    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    file_name: Mapped[str] = mapped_column(String(255))
    file_content: Mapped[bytes]
    submitted_at: Mapped[dt.datetime]
    reviewed_at: Mapped[dt.datetime | None]


class CustomLink(Record):
    """A link or document on the plan home page (F-64)."""

    __tablename__ = "custom_links"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(1000))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_content: Mapped[bytes | None]
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("student_groups.id"))


class SpecialContact(Record):
    """A person or organization students may invite to view their plan (F-67)."""

    __tablename__ = "special_contacts"

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    name: Mapped[str] = mapped_column(String(200))
    organization: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
