"""Messages (F-30): exact recipient sets, sending, managing and retracting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from cams_desktop.db.base import link_id
from cams_desktop.db.guidance import (
    EmailOutboxItem,
    EmailStatus,
    Message,
    MessageRecipient,
)
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.students import Gender, GroupKind, GroupMembership, StudentGroup
from cams_desktop.services import messages, students
from cams_desktop.services.access import NotFound, PermissionDenied
from cams_desktop.services.messages import Audience
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit

T0 = dt.datetime(2025, 3, 3, 14, 0, tzinfo=dt.UTC)


@dataclass
class Class:
    ada: object
    ben: object
    cleo: object
    dan: object  # plan deactivated
    eve: object
    shared_group: object
    private_group: object


def _add(school, first, username, grade, gender, email, counsellors):
    return students.add_student(
        school.db,
        school.admin,
        StudentDraft(
            first_name=first,
            last_name="Élève",
            username=username,
            grade=grade,
            gender=gender,
            email=email,
            counsellor_ids=frozenset(counsellors),
        ),
    )


@pytest.fixture
def klass(tiny_school):
    s = tiny_school
    ada = _add(
        s,
        "Ada",
        "ada",
        10,
        Gender.FEMALE,
        "ada@example.org",
        {s.teacher.staff_id, s.counsellor.staff_id},
    )
    ben = _add(s, "Ben", "ben", 10, Gender.MALE, "", {s.teacher.staff_id})
    cleo = _add(
        s,
        "Cléo",
        "cleo",
        11,
        Gender.FEMALE,
        "cleo@example.org",
        {s.counsellor.staff_id},
    )
    dan = _add(
        s, "Dan", "dan", 11, Gender.MALE, "dan@example.org", {s.teacher.staff_id}
    )
    eve = _add(
        s,
        "Ève",
        "eve",
        12,
        Gender.NON_BINARY,
        "eve@example.org",
        {s.other_counsellor.staff_id},
    )
    students.set_plan_active(s.db, s.admin, [dan], False)
    with s.db.transaction(s.admin.staff_id) as session:
        shared = StudentGroup(
            school_id=s.school_id,
            name="Robotique",
            kind=GroupKind.SHARED,
            owner_id=s.counsellor.staff_id,
        )
        private = StudentGroup(
            school_id=s.school_id,
            name="Suivi",
            kind=GroupKind.PRIVATE,
            owner_id=s.other_counsellor.staff_id,
        )
        session.add_all([shared, private])
        session.flush()
        for group, members in ((shared, (ada, cleo, eve, dan)), (private, (ben,))):
            for student_id in members:
                session.add(
                    GroupMembership(
                        id=link_id(group.id, student_id),
                        group_id=group.id,
                        student_id=student_id,
                    )
                )
    return Class(ada, ben, cleo, dan, eve, shared.id, private.id)


def _targets(school, actor, **audience):
    return set(messages.recipients(school.db, actor, Audience(**audience)))


def test_each_audience_kind_gives_the_exact_set(tiny_school, klass):
    s, k = tiny_school, klass
    admin = s.counsellor  # level 2: sees every student
    assert _targets(s, admin, everyone=True) == {k.ada, k.ben, k.cleo, k.eve}
    assert _targets(s, admin, mine=True) == {k.ada, k.cleo}
    assert _targets(s, admin, student_ids=(k.ben,)) == {k.ben}
    assert _targets(s, admin, student_ids=(k.dan,)) == set()  # inactive plan
    assert _targets(s, admin, grade=10) == {k.ada, k.ben}
    assert _targets(s, admin, gender=Gender.FEMALE) == {k.ada, k.cleo}
    assert _targets(s, admin, counsellor_id=s.other_counsellor.staff_id) == {k.eve}
    assert _targets(s, admin, group_id=k.shared_group) == {k.ada, k.cleo, k.eve}


def test_filters_combine(tiny_school, klass):
    s, k = tiny_school, klass
    admin = s.counsellor
    assert _targets(s, admin, everyone=True, grade=11) == {k.cleo}
    assert _targets(s, admin, mine=True, grade=10) == {k.ada}
    assert _targets(s, admin, group_id=k.shared_group, gender=Gender.FEMALE) == {
        k.ada,
        k.cleo,
    }
    assert _targets(
        s,
        admin,
        student_ids=(k.ada, k.ben, k.eve),
        counsellor_id=s.teacher.staff_id,
    ) == {k.ada, k.ben}
    assert _targets(s, admin, grade=12, gender=Gender.MALE) == set()


def test_teacher_reaches_only_their_students(tiny_school, klass):
    s, k = tiny_school, klass
    teacher = s.teacher
    assert _targets(s, teacher, mine=True) == {k.ada, k.ben}
    assert _targets(s, teacher, gender=Gender.FEMALE) == {k.ada}
    assert _targets(s, teacher, group_id=k.shared_group) == {k.ada}
    with pytest.raises(NotFound):
        _targets(s, teacher, student_ids=(k.cleo,))
    with pytest.raises(NotFound):
        _targets(s, teacher, group_id=k.private_group)
    with pytest.raises(PermissionDenied):
        _targets(s, teacher, everyone=True)
    with s.db.read() as session:
        denied = session.scalars(
            select(AuditEntry.field).where(
                AuditEntry.action == "denied",
                AuditEntry.actor_id == teacher.staff_id,
            )
        ).all()
    assert "message_all_students" in denied
    with pytest.raises(PermissionDenied):
        messages.recipients(s.db, s.office, Audience(mine=True))


def test_empty_audience_is_refused(tiny_school, klass):
    with pytest.raises(ValidationError):
        messages.recipients(tiny_school.db, tiny_school.counsellor, Audience())


def test_send_writes_message_recipients_and_outbox(tiny_school, klass):
    s, k = tiny_school, klass
    subject = "  Date limite : OUAC  "
    body = "Bonjour,\n\nN’oubliez pas la date limite.\n"
    message_id = messages.send_message(
        s.db, s.counsellor, Audience(grade=10), subject, body, now=T0
    )
    with s.db.read() as session:
        message = session.get_one(Message, message_id)
        assert (message.subject, message.body) == (subject, body)  # as typed
        assert message.sent_at == T0
        assert message.author_id == s.counsellor.staff_id
        assert message.audience == "grade:10"
        rows = session.execute(
            select(MessageRecipient.student_id, EmailOutboxItem)
            .outerjoin(
                EmailOutboxItem, EmailOutboxItem.recipient_id == MessageRecipient.id
            )
            .where(MessageRecipient.message_id == message_id)
        ).all()
    by_student = dict(rows)
    assert set(by_student) == {k.ada, k.ben}
    assert by_student[k.ben] is None  # no email address: no copy
    item = by_student[k.ada]
    assert item.to_address == "ada@example.org"
    assert item.status == EmailStatus.PENDING
    assert item.attempts == 0
    assert item.next_attempt_at == T0


def test_send_refuses_empty_text_and_no_recipient(tiny_school, klass):
    s, k = tiny_school, klass
    with pytest.raises(ValidationError) as caught:
        messages.send_message(s.db, s.counsellor, Audience(grade=10), " ", "\n")
    assert set(caught.value.errors) == {"subject", "body"}
    with pytest.raises(ValidationError):
        messages.send_message(s.db, s.counsellor, Audience(grade=10), "A\nB", "x")
    with pytest.raises(ValidationError):
        messages.send_message(
            s.db, s.counsellor, Audience(student_ids=(k.dan,)), "Sujet", "Texte"
        )
    with s.db.read() as session:
        assert session.scalars(select(Message)).all() == []


def test_sent_messages_counts_and_scope(tiny_school, klass):
    s, k = tiny_school, klass
    first = messages.send_message(
        s.db, s.counsellor, Audience(everyone=True), "Tous", "Texte", now=T0
    )
    second = messages.send_message(
        s.db,
        s.teacher,
        Audience(mine=True),
        "Mes élèves",
        "Texte",
        now=T0 + dt.timedelta(hours=1),
    )
    with s.db.transaction(None) as session:
        for recipient in session.scalars(
            select(MessageRecipient).where(
                MessageRecipient.message_id == first,
                MessageRecipient.student_id.in_([k.ada, k.eve]),
            )
        ):
            recipient.read_at = T0 + dt.timedelta(minutes=5)

    rows = messages.sent_messages(s.db, s.counsellor)
    assert [(r.id, r.subject, r.recipients, r.read) for r in rows] == [
        (second, "Mes élèves", 2, 0),
        (first, "Tous", 4, 2),
    ]
    assert (rows[1].emails_pending, rows[1].emails_sent, rows[1].emails_failed) == (
        3,
        0,
        0,
    )
    assert rows[0].author == "Paul Côté"
    assert [r.id for r in messages.sent_messages(s.db, s.teacher)] == [second]
    with pytest.raises(PermissionDenied):
        messages.sent_messages(s.db, s.office)


def test_delete_retracts_and_cancels_pending_mail(tiny_school, klass):
    s = tiny_school
    message_id = messages.send_message(
        s.db, s.teacher, Audience(mine=True), "Sujet", "Texte", now=T0
    )
    with pytest.raises(PermissionDenied):  # not the author, not level 1
        messages.delete_message(s.db, s.counsellor, message_id)
    with pytest.raises(PermissionDenied):  # no "Manage messages" at level 4
        messages.delete_message(s.db, s.office, message_id)

    messages.delete_message(s.db, s.teacher, message_id)

    assert messages.sent_messages(s.db, s.teacher) == []
    with s.db.read() as session:
        assert session.get_one(Message, message_id).deleted_at is not None
        items = session.scalars(select(EmailOutboxItem)).all()
    assert [(i.status, i.last_error) for i in items] == [
        (EmailStatus.FAILED, "retracted")
    ]
    with pytest.raises(NotFound):
        messages.delete_message(s.db, s.teacher, message_id)


def test_program_admin_deletes_anyones_message(tiny_school, klass):
    s = tiny_school
    message_id = messages.send_message(
        s.db, s.teacher, Audience(mine=True), "Sujet", "Texte", now=T0
    )
    messages.delete_message(s.db, s.admin, message_id)
    assert messages.sent_messages(s.db, s.admin) == []
