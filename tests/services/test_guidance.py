"""Counselling log, group entries, annual review, journal and parent comments."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cams_desktop.db.guidance import CounsellingLogEntry
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.plans import JournalEntry
from cams_desktop.db.readiness import ReadinessRequirement
from cams_desktop.db.students import Parent, ParentComment
from cams_desktop.services import guidance, students
from cams_desktop.services.access import NotFound, PermissionDenied
from cams_desktop.services.guidance import LogEntryDraft
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit

DAY = dt.date(2024, 10, 3)


def _student(school, first, last, username, grade=9, counsellors=()):
    return students.add_student(
        school.db,
        school.admin,
        StudentDraft(
            first_name=first,
            last_name=last,
            username=username,
            grade=grade,
            counsellor_ids=frozenset(counsellors),
        ),
    )


@pytest.fixture
def pupils(tiny_school):
    """Four students: the first two on the teacher's and Marc's list."""
    s = tiny_school
    mine = (s.counsellor.staff_id, s.teacher.staff_id)
    return [
        _student(s, "Noémie", "D’Amours", "ndamours", 9, mine),
        _student(s, "Éloi", "Bélanger", "ebelanger", 10, mine),
        _student(s, "Zoé", "Caron", "zcaron", 11, (s.other_counsellor.staff_id,)),
        _student(s, "Jean", "Arsenault", "jarsenault", 12),
    ]


def _draft(subject="Choix de cours", description="Discuté des options.\nSuivi."):
    return LogEntryDraft(DAY, None, subject, description)


def _denials(db, field):
    with db.read() as session:
        return session.scalars(
            select(AuditEntry.actor_id).where(
                AuditEntry.table_name == "permission", AuditEntry.field == field
            )
        ).all()


def test_only_the_author_edits_or_deletes_an_entry(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    topic = guidance.add_topic(db, s.admin, "Orientation", "Career guidance")
    entry = guidance.add_log_entry(
        db,
        s.counsellor,
        pupils[0],
        LogEntryDraft(DAY, topic, "  Choix de cours  ", " Rencontre.\nÀ revoir. "),
    )
    older = guidance.add_log_entry(
        db,
        s.other_counsellor,
        pupils[0],
        LogEntryDraft(DAY.replace(day=1), None, "Met", ""),
    )

    rows = guidance.list_log(db, s.teacher, pupils[0])
    assert [(r.subject, r.description, r.author, r.topic_id) for r in rows] == [
        ("Choix de cours", "Rencontre.\nÀ revoir.", "Marc Ouellet", topic),
        ("Met", "", "Sophie Roy", None),
    ]
    assert rows[0].editable_by(s.counsellor) and not rows[0].editable_by(s.admin)

    with pytest.raises(PermissionDenied):
        guidance.edit_log_entry(db, s.other_counsellor, entry, _draft("Autre"))
    with pytest.raises(PermissionDenied):
        guidance.delete_log_entry(db, s.admin, entry)
    assert _denials(db, "edit_counselling_entry") == [s.other_counsellor.staff_id]
    assert _denials(db, "delete_counselling_entry") == [s.admin.staff_id]

    guidance.edit_log_entry(db, s.counsellor, entry, _draft("Nouveau sujet"))
    guidance.delete_log_entry(db, s.other_counsellor, older)
    assert [r.subject for r in guidance.list_log(db, s.admin, pupils[0])] == [
        "Nouveau sujet"
    ]
    with db.read() as session:  # soft delete: the row stays
        assert session.get_one(CounsellingLogEntry, older).deleted_at is not None
    with pytest.raises(NotFound):
        guidance.edit_log_entry(db, s.other_counsellor, older, _draft())


def test_teacher_works_on_own_students_only(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    guidance.add_log_entry(db, s.teacher, pupils[1], _draft())
    with pytest.raises(NotFound):
        guidance.add_log_entry(db, s.teacher, pupils[2], _draft())
    with pytest.raises(NotFound):
        guidance.list_log(db, s.teacher, pupils[2])
    with pytest.raises(PermissionDenied):
        guidance.list_log(db, s.office, pupils[0])
    assert [r.last_name for r in guidance.manage_logs(db, s.teacher)] == [
        "Bélanger",
        "D’Amours",
    ]


def test_validation_keeps_text_as_typed(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    with pytest.raises(ValidationError) as error:
        guidance.add_log_entry(
            db, s.counsellor, pupils[0], LogEntryDraft(DAY, None, "  ", "x\u202e")
        )
    assert set(error.value.errors) == {"subject", "description"}
    future = dt.date.today() + dt.timedelta(days=1)
    for day in (future, dt.date(1999, 12, 31)):
        with pytest.raises(ValidationError) as error:
            guidance.add_log_entry(
                db, s.counsellor, pupils[0], LogEntryDraft(day, None, "S", "")
            )
        assert set(error.value.errors) == {"session_date"}
    with pytest.raises(ValidationError):
        guidance.add_log_entry(db, s.counsellor, pupils[0], _draft("x" * 201))
    with pytest.raises(ValidationError):
        guidance.add_log_entry(
            db, s.counsellor, pupils[0], LogEntryDraft(DAY, pupils[1], "S", "")
        )
    with pytest.raises(PermissionDenied):
        guidance.add_topic(db, s.teacher, "Santé", "Health")
    guidance.add_topic(db, s.counsellor, "Santé", "Health")
    assert [(t.label_fr, t.label_en) for t in guidance.list_topics(db, s.teacher)] == [
        ("Santé", "Health")
    ]


def test_manage_logs_counts_and_last_update(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    guidance.add_log_entry(db, s.counsellor, pupils[0], _draft())
    second = guidance.add_log_entry(db, s.counsellor, pupils[0], _draft())
    gone = guidance.add_log_entry(db, s.counsellor, pupils[2], _draft())
    guidance.delete_log_entry(db, s.counsellor, gone)
    guidance.edit_log_entry(db, s.counsellor, second, _draft("Changé"))
    last = max(r.updated_at for r in guidance.list_log(db, s.admin, pupils[0]))

    rows = guidance.manage_logs(db, s.admin)
    assert [(r.last_name, r.entries) for r in rows] == [
        ("Arsenault", 0),
        ("Bélanger", 0),
        ("Caron", 0),
        ("D’Amours", 2),
    ]
    assert rows[3].last_update == last
    assert rows[3].counsellors == "Côté, Paul; Ouellet, Marc"
    assert rows[0].last_update is None

    def names(**filters):
        return [r.username for r in guidance.manage_logs(db, s.admin, **filters)]

    assert names(text="damours") == ["ndamours"]
    assert names(text="ZOE") == ["zcaron"]
    assert names(grade=10) == ["ebelanger"]
    assert names(counsellor_id=s.other_counsellor.staff_id) == ["zcaron"]


def test_group_entry_created_edited_shrunk_and_grown(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    group = guidance.add_group_entry(db, s.counsellor, pupils[:3], _draft("Atelier"))

    def copies():
        with db.read() as session:
            return sorted(
                (e.student_id, e.subject, e.deleted_at is None)
                for e in session.scalars(
                    select(CounsellingLogEntry).where(
                        CounsellingLogEntry.group_entry_id == group
                    )
                )
            )

    assert copies() == sorted((p, "Atelier", True) for p in pupils[:3])
    [row] = guidance.list_group_entries(db, s.counsellor)
    assert (row.subject, row.author, row.student_ids) == (
        "Atelier",
        "Marc Ouellet",
        frozenset(pupils[:3]),
    )
    assert guidance.list_group_entries(db, s.other_counsellor) == []

    guidance.edit_group_entry(db, s.counsellor, group, _draft("Atelier CV"))
    assert copies() == sorted((p, "Atelier CV", True) for p in pupils[:3])
    assert guidance.list_log(db, s.admin, pupils[2])[0].subject == "Atelier CV"
    with pytest.raises(PermissionDenied):
        guidance.edit_group_entry(db, s.other_counsellor, group, _draft("Non"))
    assert _denials(db, "edit_group_entry") == [s.other_counsellor.staff_id]
    member = guidance.list_log(db, s.counsellor, pupils[0])[0].id
    with pytest.raises(ValidationError):
        guidance.edit_log_entry(db, s.counsellor, member, _draft("Seul"))

    assert guidance.set_group_members(db, s.counsellor, group, pupils[:2]) == (0, 1)
    assert guidance.list_log(db, s.admin, pupils[2]) == []
    assert guidance.set_group_members(db, s.counsellor, group, pupils) == (2, 0)
    live = [c for c in copies() if c[2]]
    assert sorted(live) == sorted((p, "Atelier CV", True) for p in pupils)
    [row] = guidance.list_group_entries(db, s.counsellor)
    assert row.student_ids == frozenset(pupils)


def test_group_entry_needs_every_student_in_scope(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    with pytest.raises(NotFound):
        guidance.add_group_entry(db, s.teacher, pupils[1:3], _draft())
    with db.read() as session:
        assert session.scalars(select(CounsellingLogEntry)).all() == []
    group = guidance.add_group_entry(db, s.teacher, pupils[:2], _draft())
    with pytest.raises(NotFound):
        guidance.set_group_members(db, s.teacher, group, pupils[:3])
    [row] = guidance.list_group_entries(db, s.teacher)
    assert row.student_ids == frozenset(pupils[:2])


def test_annual_review_only_in_configured_grades(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    today = dt.date(2025, 3, 1)  # school year 2024-2025
    with pytest.raises(PermissionDenied):
        guidance.set_annual_review_grades(db, s.counsellor, {9})
    guidance.set_annual_review_grades(db, s.admin, {9, 11, 12})
    guidance.set_annual_review_grades(db, s.admin, {9, 11})
    assert guidance.annual_review_grades(db, s.teacher) == frozenset({9, 11})
    with db.read() as session:  # the readiness standard's own rows
        assert sorted(
            session.scalars(
                select(ReadinessRequirement.grade).where(
                    ReadinessRequirement.criterion == "annual_review",
                    ReadinessRequirement.deleted_at.is_(None),
                )
            )
        ) == [9, 11]

    assert [guidance.review_required(db, s.admin, p) for p in pupils] == [
        True,
        False,
        True,
        False,
    ]
    with pytest.raises(ValidationError):
        guidance.mark_annual_review(
            db, s.counsellor, pupils[1], dt.date(2025, 2, 1), "", today=today
        )
    for bad_day in (dt.date(2025, 3, 2), dt.date(2024, 7, 31)):
        with pytest.raises(ValidationError):
            guidance.mark_annual_review(
                db, s.counsellor, pupils[0], bad_day, "", today=today
            )
    with pytest.raises(PermissionDenied):
        guidance.mark_annual_review(
            db, s.office, pupils[0], dt.date(2025, 2, 1), "", today=today
        )

    guidance.mark_annual_review(
        db, s.counsellor, pupils[0], dt.date(2024, 9, 15), " Plan revu. ", today=today
    )
    guidance.mark_annual_review(
        db,
        s.other_counsellor,
        pupils[0],
        dt.date(2025, 2, 1),
        "Revu encore.",
        today=today,
    )
    assert guidance.annual_reviews(db, s.admin, pupils[0]) == [
        guidance.ReviewRow(2024, dt.date(2025, 2, 1), "Sophie Roy", "Revu encore.")
    ]
    assert guidance.review_status(db, s.admin, today=today) == {
        pupils[0]: True,
        pupils[2]: False,
    }
    assert guidance.review_status(db, s.teacher, today=today) == {pupils[0]: True}
    assert guidance.review_status(db, s.admin, today=dt.date(2025, 9, 1)) == {
        pupils[0]: False,
        pupils[2]: False,
    }
    guidance.set_annual_review_grades(db, s.admin, {9, 11, 12})  # brought back
    assert guidance.review_required(db, s.admin, pupils[3])


def test_journal_and_parent_comments_newest_first(tiny_school, pupils):
    s, db = tiny_school, tiny_school.db
    at = dt.datetime(2025, 1, 10, 15, 0, tzinfo=dt.UTC)
    with db.transaction(None) as session:
        parent = Parent(school_id=s.school_id, first_name="Anne", last_name="Roy")
        session.add(parent)
        session.flush()
        session.add_all(
            [
                JournalEntry(
                    student_id=pupils[0],
                    title="Stage",
                    body="J’ai aimé.",
                    written_at=at,
                ),
                JournalEntry(
                    student_id=pupils[0],
                    title="Later",
                    body="Fun.",
                    written_at=at + dt.timedelta(days=2),
                ),
                JournalEntry(
                    student_id=pupils[1], title="Autre", body="", written_at=at
                ),
                ParentComment(
                    parent_id=parent.id,
                    student_id=pupils[0],
                    body="Merci.",
                    written_at=at,
                ),
                ParentComment(
                    parent_id=parent.id,
                    student_id=pupils[0],
                    body="Thanks again.",
                    written_at=at + dt.timedelta(hours=1),
                ),
            ]
        )
    assert [(j.title, j.body) for j in guidance.journal(db, s.teacher, pupils[0])] == [
        ("Later", "Fun."),
        ("Stage", "J’ai aimé."),
    ]
    assert [
        (c.parent_name, c.body, c.written_at)
        for c in guidance.parent_comments(db, s.counsellor, pupils[0])
    ] == [
        ("Anne Roy", "Thanks again.", at + dt.timedelta(hours=1)),
        ("Anne Roy", "Merci.", at),
    ]
    with pytest.raises(NotFound):
        guidance.journal(db, s.teacher, pupils[2])
    with pytest.raises(PermissionDenied):
        guidance.parent_comments(db, s.office, pupils[0])


def test_manage_logs_matches_the_demo_school(demo_db):
    from sqlalchemy import func

    from cams_desktop.services.access import actor_for

    admin = actor_for(demo_db, "admin")
    teacher = actor_for(demo_db, "enseignant")
    with demo_db.read() as session:
        expected = dict(
            session.execute(
                select(CounsellingLogEntry.student_id, func.count())
                .where(CounsellingLogEntry.deleted_at.is_(None))
                .group_by(CounsellingLogEntry.student_id)
            ).all()
        )
    rows = guidance.manage_logs(demo_db, admin)
    assert {r.student_id: r.entries for r in rows if r.entries} == expected
    assert sum(expected.values()) > 0
    assert all((r.last_update is None) == (r.entries == 0) for r in rows)
    theirs = guidance.manage_logs(demo_db, teacher)
    assert 0 < len(theirs) < len(rows)
    assert {r.student_id for r in theirs} == {
        r.id for r in students.list_students(demo_db, teacher)
    }
