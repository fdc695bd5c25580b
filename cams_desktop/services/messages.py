"""Internal messages to students (F-30): targeting, sending, managing.

Students read messages in their plan and cannot reply. A student with an
email address also gets a copy by email: ``send_message`` queues one
``EmailOutboxItem`` per such recipient in the same transaction as the
message, and ``services.mail.deliver_due`` sends them.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import case, func, select, update

from cams_desktop.db.base import new_id, utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import (
    EmailOutboxItem,
    EmailStatus,
    Message,
    MessageRecipient,
)
from cams_desktop.db.school import AccessLevel, Staff
from cams_desktop.db.students import Gender, PlanStatus
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    allowed,
    refuse,
    require,
)
from cams_desktop.services.students import (
    ValidationError,
    list_groups,
    list_students,
)
from cams_desktop.text import code_point, unsafe_character

log = logging.getLogger(__name__)

MAX_SUBJECT_LENGTH = 200
MAX_BODY_LENGTH = 20_000
RETRACTED = "retracted"


@dataclass(frozen=True)
class Audience:
    """Who a message goes to; the filters combine (a student must match all).

    ``student_ids`` names students (View/Action on one student, or a
    report's result); ``mine`` is the actor's own list; ``everyone`` is all
    students of the school (levels 1 and 2). ``grade``, ``gender``,
    ``counsellor_id`` and ``group_id`` narrow any of these, or on their own
    choose among the students the actor may see.
    """

    student_ids: tuple[uuid.UUID, ...] = ()
    mine: bool = False
    everyone: bool = False
    grade: int | None = None
    gender: Gender | None = None
    counsellor_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None

    @property
    def is_empty(self) -> bool:
        return (
            not self.student_ids
            and not self.mine
            and not self.everyone
            and self.grade is None
            and self.gender is None
            and self.counsellor_id is None
            and self.group_id is None
        )

    def describe(self, actor: Actor) -> str:
        """The audience as stored with the message ("grade:12; gender:female")."""
        parts: list[str] = []
        if self.student_ids:
            parts.append(f"students:{len(set(self.student_ids))}")
        if self.mine:
            parts.append(f"caseload:{actor.staff_id}")
        if self.everyone:
            parts.append("everyone")
        if self.grade is not None:
            parts.append(f"grade:{self.grade}")
        if self.gender is not None:
            parts.append(f"gender:{self.gender.value}")
        if self.counsellor_id is not None:
            parts.append(f"counsellor:{self.counsellor_id}")
        if self.group_id is not None:
            parts.append(f"group:{self.group_id}")
        return "; ".join(parts)[:500]


@dataclass(frozen=True)
class SentMessageRow:
    id: uuid.UUID
    sent_at: dt.datetime
    subject: str
    recipients: int
    read: int
    emails_sent: int
    # Waiting for the server, or being sent now.
    emails_pending: int
    # Refused for good, retracted, or interrupted (see services.mail).
    emails_failed: int
    author: str = ""


def recipients(db: Database, actor: Actor, audience: Audience) -> list[uuid.UUID]:
    """The exact students ``audience`` reaches, in list order.

    Only students the actor may see, and only those whose plan is active.
    Named students outside the actor's scope raise NotFound; a group the
    actor cannot see raises NotFound; "everyone" needs MESSAGE_ALL_STUDENTS.
    """
    require(db, actor, Action.SEND_MESSAGE)
    if audience.is_empty:
        raise ValidationError(
            {
                "audience": QCoreApplication.translate(
                    "Messages", "Choose the students who will receive the message."
                )
            }
        )
    if audience.everyone:
        require(db, actor, Action.MESSAGE_ALL_STUDENTS)
    if audience.group_id is not None and audience.group_id not in {
        group.id for group in list_groups(db, actor)
    }:
        raise NotFound(
            QCoreApplication.translate(
                "Messages", "This group does not exist or is not visible to you."
            )
        )
    rows = list_students(db, actor, mine=audience.mine)
    if audience.student_ids:
        visible = {row.id for row in rows}
        if not set(audience.student_ids) <= visible:
            raise NotFound(
                QCoreApplication.translate(
                    "Messages",
                    "A chosen student does not exist or is not in your list.",
                )
            )
    named = set(audience.student_ids)
    return [
        row.id
        for row in rows
        if row.plan_status == PlanStatus.ACTIVE
        and (not named or row.id in named)
        and (audience.grade is None or row.grade == audience.grade)
        and (audience.gender is None or row.gender == audience.gender)
        and (
            audience.counsellor_id is None
            or audience.counsellor_id in row.counsellor_ids
        )
        and (audience.group_id is None or audience.group_id in row.group_ids)
    ]


def _check_text(subject: str, body: str) -> None:
    errors: dict[str, str] = {}
    if not subject.strip():
        errors["subject"] = QCoreApplication.translate(
            "Messages", "A message needs a subject."
        )
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors["subject"] = QCoreApplication.translate(
            "Messages", "A subject holds at most {0} characters."
        ).format(MAX_SUBJECT_LENGTH)
    elif (bad := unsafe_character(subject)) is not None:
        errors["subject"] = QCoreApplication.translate(
            "Messages", "The subject contains a character that cannot be sent ({0})."
        ).format(code_point(bad))
    if not body.strip():
        errors["body"] = QCoreApplication.translate(
            "Messages", "A message cannot be empty."
        )
    elif len(body) > MAX_BODY_LENGTH:
        errors["body"] = QCoreApplication.translate(
            "Messages", "A message holds at most {0} characters."
        ).format(MAX_BODY_LENGTH)
    elif (bad := unsafe_character(body, allow_newlines=True)) is not None:
        errors["body"] = QCoreApplication.translate(
            "Messages", "The message contains a character that cannot be sent ({0})."
        ).format(code_point(bad))
    if errors:
        raise ValidationError(errors)


def send_message(
    db: Database,
    actor: Actor,
    audience: Audience,
    subject: str,
    body: str,
    *,
    now: dt.datetime | None = None,
) -> uuid.UUID:
    """Send a message to the audience; email copies are queued, not sent here.

    The message, one recipient row per student and one outbox item per
    recipient with an email address are written in one transaction.
    """
    require(db, actor, Action.SEND_MESSAGE)
    _check_text(subject, body)
    student_ids = set(recipients(db, actor, audience))
    if not student_ids:
        raise ValidationError(
            {
                "audience": QCoreApplication.translate(
                    "Messages", "No student with an active plan matches this choice."
                )
            }
        )
    emails = {
        row.id: row.email.strip()
        for row in list_students(db, actor, mine=audience.mine)
        if row.id in student_ids and row.email and row.email.strip()
    }
    sent_at = now or utcnow()
    message_id = new_id()
    with db.transaction(actor.staff_id) as session:
        session.add(
            Message(
                id=message_id,
                author_id=actor.staff_id,
                subject=subject,
                body=body,
                sent_at=sent_at,
                audience=audience.describe(actor),
            )
        )
        session.flush()
        outbox: list[EmailOutboxItem] = []
        for student_id in sorted(student_ids):
            recipient_id = new_id()
            session.add(
                MessageRecipient(
                    id=recipient_id, message_id=message_id, student_id=student_id
                )
            )
            if student_id in emails:
                outbox.append(
                    EmailOutboxItem(
                        recipient_id=recipient_id,
                        to_address=emails[student_id],
                        status=EmailStatus.PENDING,
                        attempts=0,
                        next_attempt_at=sent_at,
                    )
                )
        # No relationship orders these inserts: the recipients go first.
        session.flush()
        session.add_all(outbox)
    log.info(
        "message %s sent by staff %s to %d students (%d emails queued)",
        message_id,
        actor.staff_id,
        len(student_ids),
        len(emails),
    )
    return message_id


def sent_messages(db: Database, actor: Actor) -> list[SentMessageRow]:
    """Messages not retracted: the actor's own (administrators: the school's)."""
    require(db, actor, Action.MANAGE_MESSAGES)
    with db.read() as session:
        query = (
            select(Message, Staff.first_name, Staff.last_name)
            .join(Staff, Staff.id == Message.author_id)
            .where(Message.deleted_at.is_(None), Staff.school_id == actor.school_id)
            .order_by(Message.sent_at.desc(), Message.id.desc())
        )
        if not actor.sees_all_students:
            query = query.where(Message.author_id == actor.staff_id)
        messages = session.execute(query).all()
        ids = [message.id for message, _, _ in messages]
        counts = {
            message_id: (total, read)
            for message_id, total, read in session.execute(
                select(
                    MessageRecipient.message_id,
                    func.count(),
                    func.count(MessageRecipient.read_at),
                )
                .where(MessageRecipient.message_id.in_(ids))
                .group_by(MessageRecipient.message_id)
            )
        }
        status = EmailOutboxItem.status
        emails = {
            message_id: (sent or 0, pending or 0, failed or 0)
            for message_id, sent, pending, failed in session.execute(
                select(
                    MessageRecipient.message_id,
                    func.sum(case((status == EmailStatus.SENT, 1), else_=0)),
                    func.sum(
                        case(
                            (
                                status.in_([EmailStatus.PENDING, EmailStatus.SENDING]),
                                1,
                            ),
                            else_=0,
                        )
                    ),
                    func.sum(case((status == EmailStatus.FAILED, 1), else_=0)),
                )
                .join(
                    MessageRecipient,
                    MessageRecipient.id == EmailOutboxItem.recipient_id,
                )
                .where(MessageRecipient.message_id.in_(ids))
                .group_by(MessageRecipient.message_id)
            )
        }
    return [
        SentMessageRow(
            message.id,
            message.sent_at,
            message.subject,
            *counts.get(message.id, (0, 0)),
            *emails.get(message.id, (0, 0, 0)),
            author=f"{first} {last}",
        )
        for message, first, last in messages
    ]


def delete_message(db: Database, actor: Actor, message_id: uuid.UUID) -> None:
    """Retract a message (kept, hidden from students) and cancel unsent email.

    Only its author, or a program administrator of the school, may. Email
    copies already being handed to the server cannot be called back.
    """
    require(db, actor, Action.MANAGE_MESSAGES)
    with db.read() as session:
        found = session.execute(
            select(Message.author_id, Message.deleted_at, Staff.school_id)
            .join(Staff, Staff.id == Message.author_id)
            .where(Message.id == message_id)
        ).first()
    if (
        found is None
        or found.deleted_at is not None
        or found.school_id != actor.school_id
        or (found.author_id != actor.staff_id and not actor.sees_all_students)
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Messages", "This message does not exist or was deleted."
            )
        )
    if found.author_id != actor.staff_id and not (
        actor.access_level == AccessLevel.PROGRAM_ADMIN
        and allowed(actor, Action.MANAGE_MESSAGES)
    ):
        refuse(db, actor, "delete_message", message_id)
    now = utcnow()
    with db.transaction(actor.staff_id) as session:
        session.get_one(Message, message_id).deleted_at = now
        session.execute(
            update(EmailOutboxItem)
            .where(
                EmailOutboxItem.status == EmailStatus.PENDING,
                EmailOutboxItem.recipient_id.in_(
                    select(MessageRecipient.id).where(
                        MessageRecipient.message_id == message_id
                    )
                ),
            )
            .values(
                status=EmailStatus.FAILED,
                last_error=RETRACTED,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    log.info("message %s retracted by staff %s", message_id, actor.staff_id)
