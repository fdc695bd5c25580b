"""Counselling log (F-33), annual plan review (F-34), journal (F-38), parent comments.

Ownership: only the author of a counselling log entry or group entry edits
or deletes it; a refusal is audited like every other refusal.

Actions used:

* topics are read by anyone who reads logs (``VIEW_COUNSELLING_LOG``) and
  added by school and program administrators, the holders of
  ``Action.VIEW_STAFF`` (``TOPIC_ADMIN_ACTION``): the topic list is a school
  setting of the same people who run the school's staff;
* the per-grade "annual review required" setting is the ``annual_review``
  readiness requirement of each grade (F-61), edited with
  ``EDIT_READINESS_STANDARDS``, so the full readiness standards extend it;
* whether a review is required and the reviews themselves are part of the
  plan's readiness (``VIEW_PLAN``); the list column (``review_status``)
  follows the student list (``VIEW_STUDENT_LIST``).

Text people write (subjects, descriptions, comments) is stored as typed,
after removing surrounding spaces, in whatever language it was written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import (
    AnnualReview,
    CounsellingGroupEntry,
    CounsellingLogEntry,
    CounsellingTopic,
)
from cams_desktop.db.plans import JournalEntry
from cams_desktop.db.readiness import ReadinessRequirement
from cams_desktop.db.school import Staff
from cams_desktop.db.students import (
    GRADES,
    CaseloadAssignment,
    Parent,
    ParentComment,
    PlanStatus,
    Student,
)
from cams_desktop.services.access import Action, Actor, NotFound, refuse, require
from cams_desktop.services.readiness import school_year_of
from cams_desktop.services.students import (
    ValidationError,
    _caseload_ids,
    visible_student,
)
from cams_desktop.text import code_point, fold, unsafe_character

MAX_SUBJECT_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 20_000
MAX_COMMENT_LENGTH = 20_000
MAX_TOPIC_LENGTH = 200
OLDEST_SESSION_DATE = dt.date(2000, 1, 1)
ANNUAL_REVIEW = "annual_review"
TOPIC_ADMIN_ACTION = Action.VIEW_STAFF


# --- topics -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Topic:
    id: uuid.UUID
    label_fr: str
    label_en: str


def list_topics(db: Database, actor: Actor) -> list[Topic]:
    """The school's counselling topics, by French label."""
    require(db, actor, Action.VIEW_COUNSELLING_LOG)
    with db.read() as session:
        topics = session.scalars(
            select(CounsellingTopic).where(
                CounsellingTopic.school_id == actor.school_id,
                CounsellingTopic.deleted_at.is_(None),
            )
        ).all()
        rows = [Topic(t.id, t.label_fr, t.label_en) for t in topics]
    return sorted(rows, key=lambda t: (fold(t.label_fr), t.id))


def _check_label(label: str) -> str | None:
    text = label.strip()
    if not text:
        return QCoreApplication.translate(
            "Guidance", "A topic needs a label in both languages."
        )
    if (bad := unsafe_character(text)) is not None:
        return QCoreApplication.translate(
            "Guidance", "The label contains a character that cannot be stored ({0})."
        ).format(code_point(bad))
    if len(text) > MAX_TOPIC_LENGTH:
        return QCoreApplication.translate(
            "Guidance", "A label holds at most {0} characters."
        ).format(MAX_TOPIC_LENGTH)
    return None


def add_topic(db: Database, actor: Actor, label_fr: str, label_en: str) -> uuid.UUID:
    """Add a topic to the school's list (administrators, see module doc)."""
    require(db, actor, TOPIC_ADMIN_ACTION)
    errors = {
        field: error
        for field, label in (("label_fr", label_fr), ("label_en", label_en))
        if (error := _check_label(label)) is not None
    }
    if errors:
        raise ValidationError(errors)
    with db.transaction(actor.staff_id) as session:
        topic = CounsellingTopic(
            school_id=actor.school_id,
            label_fr=label_fr.strip(),
            label_en=label_en.strip(),
        )
        session.add(topic)
    return topic.id


# --- log entries --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogEntryRow:
    id: uuid.UUID
    student_id: uuid.UUID
    author_id: uuid.UUID
    author: str
    session_date: dt.date
    topic_id: uuid.UUID | None
    subject: str
    description: str
    group_entry_id: uuid.UUID | None
    updated_at: dt.datetime

    def editable_by(self, actor: Actor) -> bool:
        return self.author_id == actor.staff_id


@dataclass(slots=True)
class LogEntryDraft:
    session_date: dt.date
    topic_id: uuid.UUID | None
    subject: str
    description: str


def _clean_draft(draft: LogEntryDraft, today: dt.date | None = None) -> LogEntryDraft:
    """The draft with its text stripped; ValidationError if it cannot be saved."""
    today = today or dt.date.today()
    subject = draft.subject.strip()
    description = draft.description.strip()
    errors: dict[str, str] = {}
    if not subject:
        errors["subject"] = QCoreApplication.translate(
            "Guidance", "An entry needs a subject."
        )
    elif (bad := unsafe_character(subject)) is not None:
        errors["subject"] = QCoreApplication.translate(
            "Guidance", "The subject contains a character that cannot be stored ({0})."
        ).format(code_point(bad))
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors["subject"] = QCoreApplication.translate(
            "Guidance", "A subject holds at most {0} characters."
        ).format(MAX_SUBJECT_LENGTH)
    if (bad := unsafe_character(description, allow_newlines=True)) is not None:
        errors["description"] = QCoreApplication.translate(
            "Guidance",
            "The description contains a character that cannot be stored ({0}).",
        ).format(code_point(bad))
    elif len(description) > MAX_DESCRIPTION_LENGTH:
        errors["description"] = QCoreApplication.translate(
            "Guidance", "A description holds at most {0} characters."
        ).format(MAX_DESCRIPTION_LENGTH)
    if draft.session_date > today:
        errors["session_date"] = QCoreApplication.translate(
            "Guidance", "The session date cannot be in the future."
        )
    elif draft.session_date < OLDEST_SESSION_DATE:
        errors["session_date"] = QCoreApplication.translate(
            "Guidance", "The session date cannot be before 2000."
        )
    if errors:
        raise ValidationError(errors)
    return LogEntryDraft(draft.session_date, draft.topic_id, subject, description)


def _check_topic(session: Session, actor: Actor, topic_id: uuid.UUID | None) -> None:
    if topic_id is None:
        return
    topic = session.get(CounsellingTopic, topic_id)
    if (
        topic is None
        or topic.deleted_at is not None
        or topic.school_id != actor.school_id
    ):
        raise ValidationError(
            {
                "topic_id": QCoreApplication.translate(
                    "Guidance", "This topic is not in the school's list."
                )
            }
        )


def _entry_for(
    student_id: uuid.UUID,
    actor: Actor,
    draft: LogEntryDraft,
    group_entry_id: uuid.UUID | None = None,
) -> CounsellingLogEntry:
    return CounsellingLogEntry(
        student_id=student_id,
        author_id=actor.staff_id,
        session_date=draft.session_date,
        topic_id=draft.topic_id,
        subject=draft.subject,
        description=draft.description,
        group_entry_id=group_entry_id,
    )


def list_log(db: Database, actor: Actor, student_id: uuid.UUID) -> list[LogEntryRow]:
    """The student's counselling log, newest session first."""
    require(db, actor, Action.VIEW_COUNSELLING_LOG)
    with db.read() as session:
        visible_student(session, actor, student_id)
        found = session.execute(
            select(CounsellingLogEntry, Staff.first_name, Staff.last_name)
            .join(Staff, Staff.id == CounsellingLogEntry.author_id)
            .where(
                CounsellingLogEntry.student_id == student_id,
                CounsellingLogEntry.deleted_at.is_(None),
            )
            .order_by(
                CounsellingLogEntry.session_date.desc(),
                CounsellingLogEntry.created_at.desc(),
                CounsellingLogEntry.id.desc(),
            )
        ).all()
        return [
            LogEntryRow(
                e.id,
                e.student_id,
                e.author_id,
                f"{first} {last}",
                e.session_date,
                e.topic_id,
                e.subject,
                e.description,
                e.group_entry_id,
                e.updated_at,
            )
            for e, first, last in found
        ]


def add_log_entry(
    db: Database, actor: Actor, student_id: uuid.UUID, draft: LogEntryDraft
) -> uuid.UUID:
    require(db, actor, Action.ADD_COUNSELLING_ENTRY)
    clean = _clean_draft(draft)
    with db.transaction(actor.staff_id) as session:
        visible_student(session, actor, student_id)
        _check_topic(session, actor, clean.topic_id)
        entry = _entry_for(student_id, actor, clean)
        session.add(entry)
    return entry.id


def _own_entry(
    db: Database, actor: Actor, entry_id: uuid.UUID, what: str
) -> CounsellingLogEntry:
    """The entry, if visible and written by the actor; refuse (audited) otherwise."""
    with db.read() as session:
        entry = session.get(CounsellingLogEntry, entry_id)
        if entry is not None:
            visible_student(session, actor, entry.student_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFound(
            QCoreApplication.translate(
                "Guidance", "This entry does not exist or was deleted."
            )
        )
    if entry.author_id != actor.staff_id:
        refuse(db, actor, what, entry_id)
    return entry


def edit_log_entry(
    db: Database, actor: Actor, entry_id: uuid.UUID, draft: LogEntryDraft
) -> None:
    """Change an entry; only its author may. Group copies change as a group."""
    require(db, actor, Action.ADD_COUNSELLING_ENTRY)
    clean = _clean_draft(draft)
    entry = _own_entry(db, actor, entry_id, "edit_counselling_entry")
    if entry.group_entry_id is not None:
        raise ValidationError(
            {
                "entry": QCoreApplication.translate(
                    "Guidance",
                    "This entry belongs to a group entry: edit the group entry.",
                )
            }
        )
    with db.transaction(actor.staff_id) as session:
        _check_topic(session, actor, clean.topic_id)
        _apply(session.get_one(CounsellingLogEntry, entry_id), clean)


def _apply(
    entry: CounsellingLogEntry | CounsellingGroupEntry, draft: LogEntryDraft
) -> None:
    entry.session_date = draft.session_date
    entry.topic_id = draft.topic_id
    entry.subject = draft.subject
    entry.description = draft.description


def delete_log_entry(db: Database, actor: Actor, entry_id: uuid.UUID) -> None:
    """Remove an entry from view (kept in the database); only its author may.

    A group entry's copy deleted here leaves the group.
    """
    require(db, actor, Action.ADD_COUNSELLING_ENTRY)
    _own_entry(db, actor, entry_id, "delete_counselling_entry")
    with db.transaction(actor.staff_id) as session:
        session.get_one(CounsellingLogEntry, entry_id).deleted_at = utcnow()


# --- manage counselling logs ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogSummaryRow:
    student_id: uuid.UUID
    first_name: str
    last_name: str
    grade: int
    username: str
    counsellors: str
    entries: int
    last_update: dt.datetime | None


def _students_in_scope(actor: Actor) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        Student.school_id == actor.school_id,
        Student.deleted_at.is_(None),
        Student.plan_status != PlanStatus.TRANSFERRED,
    ]
    if not actor.sees_all_students:
        where.append(Student.id.in_(_caseload_ids(actor.staff_id)))
    return where


def manage_logs(
    db: Database,
    actor: Actor,
    *,
    text: str = "",
    grade: int | None = None,
    counsellor_id: uuid.UUID | None = None,
) -> list[LogSummaryRow]:
    """Students in scope with their entry count and last update, by last name.

    ``text`` matches names and username whatever the accents and case; every
    word must match.
    """
    require(db, actor, Action.VIEW_COUNSELLING_LOG)
    with db.read() as session:
        query = select(
            Student.id,
            Student.first_name,
            Student.last_name,
            Student.grade,
            Student.username,
            Student.search_text,
        ).where(*_students_in_scope(actor))
        if grade is not None:
            query = query.where(Student.grade == grade)
        if counsellor_id is not None:
            query = query.where(Student.id.in_(_caseload_ids(counsellor_id)))
        students = session.execute(query.order_by(Student.sort_key, Student.id)).all()
        words = fold(text).split()
        students = [s for s in students if all(w in s.search_text for w in words)]
        ids = [s.id for s in students]

        counts: dict[uuid.UUID, tuple[int, dt.datetime | None]] = {}
        names: defaultdict[uuid.UUID, list[str]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for sid, count, last in session.execute(
                select(
                    CounsellingLogEntry.student_id,
                    func.count(CounsellingLogEntry.id),
                    func.max(CounsellingLogEntry.updated_at),
                )
                .where(
                    CounsellingLogEntry.student_id.in_(chunk),
                    CounsellingLogEntry.deleted_at.is_(None),
                )
                .group_by(CounsellingLogEntry.student_id)
            ):
                counts[sid] = (count, last)
            for sid, first, last_name in session.execute(
                select(CaseloadAssignment.student_id, Staff.first_name, Staff.last_name)
                .join(Staff, Staff.id == CaseloadAssignment.staff_id)
                .where(
                    CaseloadAssignment.student_id.in_(chunk),
                    CaseloadAssignment.deleted_at.is_(None),
                )
            ):
                names[sid].append(f"{last_name}, {first}")
    rows = []
    for s in students:
        count, latest = counts.get(s.id, (0, None))
        rows.append(
            LogSummaryRow(
                s.id,
                s.first_name,
                s.last_name,
                s.grade,
                s.username,
                "; ".join(sorted(names.get(s.id, []), key=fold)),
                count,
                latest,
            )
        )
    return rows


# --- group entries ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupEntryRow:
    id: uuid.UUID
    author: str
    session_date: dt.date
    topic_id: uuid.UUID | None
    subject: str
    description: str
    student_ids: frozenset[uuid.UUID]


def _need_students(student_ids: Iterable[uuid.UUID]) -> frozenset[uuid.UUID]:
    chosen = frozenset(student_ids)
    if not chosen:
        raise ValidationError(
            {
                "students": QCoreApplication.translate(
                    "Guidance", "Choose at least one student."
                )
            }
        )
    return chosen


def add_group_entry(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID], draft: LogEntryDraft
) -> uuid.UUID:
    """One entry for many students: a copy in each log, all in one transaction."""
    require(db, actor, Action.GROUP_COUNSELLING_ENTRIES)
    chosen = _need_students(student_ids)
    clean = _clean_draft(draft)
    with db.transaction(actor.staff_id) as session:
        for student_id in chosen:
            visible_student(session, actor, student_id)
        _check_topic(session, actor, clean.topic_id)
        group = CounsellingGroupEntry(
            author_id=actor.staff_id,
            session_date=clean.session_date,
            topic_id=clean.topic_id,
            subject=clean.subject,
            description=clean.description,
        )
        session.add(group)
        session.flush()
        session.add_all(_entry_for(sid, actor, clean, group.id) for sid in chosen)
    return group.id


def _members(session: Session, group_id: uuid.UUID) -> list[CounsellingLogEntry]:
    return list(
        session.scalars(
            select(CounsellingLogEntry).where(
                CounsellingLogEntry.group_entry_id == group_id,
                CounsellingLogEntry.deleted_at.is_(None),
            )
        ).all()
    )


def list_group_entries(db: Database, actor: Actor) -> list[GroupEntryRow]:
    """The actor's own group entries, newest session first."""
    require(db, actor, Action.GROUP_COUNSELLING_ENTRIES)
    with db.read() as session:
        groups = session.scalars(
            select(CounsellingGroupEntry)
            .where(
                CounsellingGroupEntry.author_id == actor.staff_id,
                CounsellingGroupEntry.deleted_at.is_(None),
            )
            .order_by(
                CounsellingGroupEntry.session_date.desc(),
                CounsellingGroupEntry.created_at.desc(),
                CounsellingGroupEntry.id.desc(),
            )
        ).all()
        members: defaultdict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for group_id, student_id in session.execute(
            select(CounsellingLogEntry.group_entry_id, CounsellingLogEntry.student_id)
            .join(
                CounsellingGroupEntry,
                CounsellingGroupEntry.id == CounsellingLogEntry.group_entry_id,
            )
            .where(
                CounsellingGroupEntry.author_id == actor.staff_id,
                CounsellingLogEntry.deleted_at.is_(None),
            )
        ):
            if group_id is not None:
                members[group_id].add(student_id)
        return [
            GroupEntryRow(
                g.id,
                actor.display_name,
                g.session_date,
                g.topic_id,
                g.subject,
                g.description,
                frozenset(members.get(g.id, set())),
            )
            for g in groups
        ]


def _own_group(
    db: Database, actor: Actor, group_id: uuid.UUID, what: str
) -> CounsellingGroupEntry:
    with db.read() as session:
        group = session.get(CounsellingGroupEntry, group_id)
        author_school = (
            None
            if group is None
            else session.scalar(
                select(Staff.school_id).where(Staff.id == group.author_id)
            )
        )
    if (
        group is None
        or group.deleted_at is not None
        or author_school != actor.school_id
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Guidance", "This group entry does not exist or was deleted."
            )
        )
    if group.author_id != actor.staff_id:
        refuse(db, actor, what, group_id)
    return group


def edit_group_entry(
    db: Database, actor: Actor, group_id: uuid.UUID, draft: LogEntryDraft
) -> None:
    """Change a group entry and every member's copy; only its author may."""
    require(db, actor, Action.GROUP_COUNSELLING_ENTRIES)
    clean = _clean_draft(draft)
    _own_group(db, actor, group_id, "edit_group_entry")
    with db.transaction(actor.staff_id) as session:
        _check_topic(session, actor, clean.topic_id)
        _apply(session.get_one(CounsellingGroupEntry, group_id), clean)
        for entry in _members(session, group_id):
            _apply(entry, clean)


def set_group_members(
    db: Database, actor: Actor, group_id: uuid.UUID, student_ids: Iterable[uuid.UUID]
) -> tuple[int, int]:
    """Make ``student_ids`` the group's students; returns (added, removed).

    Removed students' copies are soft-deleted; added students get a copy of
    the group's text. Every added student must be in the actor's scope.
    """
    require(db, actor, Action.GROUP_COUNSELLING_ENTRIES)
    wanted = _need_students(student_ids)
    _own_group(db, actor, group_id, "edit_group_entry")
    with db.transaction(actor.staff_id) as session:
        group = session.get_one(CounsellingGroupEntry, group_id)
        current = {e.student_id: e for e in _members(session, group_id)}
        added = wanted - current.keys()
        removed = current.keys() - wanted
        for student_id in added:
            visible_student(session, actor, student_id)
        now = utcnow()
        for student_id in removed:
            current[student_id].deleted_at = now
        text = LogEntryDraft(
            group.session_date, group.topic_id, group.subject, group.description
        )
        session.add_all(_entry_for(sid, actor, text, group_id) for sid in added)
    return len(added), len(removed)


# --- annual plan review -------------------------------------------------------------


def _review_grades(session: Session, school_id: uuid.UUID) -> frozenset[int]:
    return frozenset(
        session.scalars(
            select(ReadinessRequirement.grade).where(
                ReadinessRequirement.school_id == school_id,
                ReadinessRequirement.criterion == ANNUAL_REVIEW,
                ReadinessRequirement.deleted_at.is_(None),
            )
        ).all()
    )


def annual_review_grades(db: Database, actor: Actor) -> frozenset[int]:
    """Grades whose readiness standards require an annual review.

    A school setting every staff member may read (it decides which students
    show the review action); only its change is restricted.
    """
    with db.read() as session:
        return _review_grades(session, actor.school_id)


def set_annual_review_grades(db: Database, actor: Actor, grades: Iterable[int]) -> None:
    """Require the annual review in exactly ``grades`` (readiness standards)."""
    require(db, actor, Action.EDIT_READINESS_STANDARDS)
    wanted = frozenset(grades)
    if bad := sorted(g for g in wanted if g not in GRADES):
        raise ValidationError(
            {
                "grades": QCoreApplication.translate(
                    "Guidance", "There is no grade {0}."
                ).format(bad[0])
            }
        )
    with db.transaction(actor.staff_id) as session:
        rows = {
            r.grade: r
            for r in session.scalars(
                select(ReadinessRequirement).where(
                    ReadinessRequirement.school_id == actor.school_id,
                    ReadinessRequirement.criterion == ANNUAL_REVIEW,
                )
            )
        }
        now = utcnow()
        for grade, row in rows.items():
            if grade not in wanted and row.deleted_at is None:
                row.deleted_at = now
            elif grade in wanted and row.deleted_at is not None:
                row.deleted_at = None
        session.add_all(
            ReadinessRequirement(
                school_id=actor.school_id,
                grade=grade,
                criterion=ANNUAL_REVIEW,
                threshold=1,
            )
            for grade in sorted(wanted - rows.keys())
        )


def review_required(db: Database, actor: Actor, student_id: uuid.UUID) -> bool:
    """Whether the student's grade requires the annual review (shows the action)."""
    require(db, actor, Action.VIEW_PLAN)
    with db.read() as session:
        student = visible_student(session, actor, student_id)
        return student.grade in _review_grades(session, actor.school_id)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    school_year: int
    completed_on: dt.date
    reviewer: str
    comment: str


def annual_reviews(
    db: Database, actor: Actor, student_id: uuid.UUID
) -> list[ReviewRow]:
    """The student's annual reviews, newest school year first."""
    require(db, actor, Action.VIEW_PLAN)
    with db.read() as session:
        visible_student(session, actor, student_id)
        found = session.execute(
            select(AnnualReview, Staff.first_name, Staff.last_name)
            .join(Staff, Staff.id == AnnualReview.reviewer_id)
            .where(
                AnnualReview.student_id == student_id,
                AnnualReview.deleted_at.is_(None),
            )
            .order_by(AnnualReview.school_year.desc())
        ).all()
        return [
            ReviewRow(r.school_year, r.completed_on, f"{first} {last}", r.comment)
            for r, first, last in found
        ]


def mark_annual_review(
    db: Database,
    actor: Actor,
    student_id: uuid.UUID,
    completed_on: dt.date,
    comment: str,
    *,
    today: dt.date | None = None,
) -> None:
    """Mark this school year's review complete; marking again updates it."""
    require(db, actor, Action.MARK_ANNUAL_REVIEW)
    today = today or dt.date.today()
    text = comment.strip()
    errors: dict[str, str] = {}
    if completed_on > today:
        errors["completed_on"] = QCoreApplication.translate(
            "Guidance", "The review date cannot be in the future."
        )
    elif school_year_of(completed_on) != school_year_of(today):
        errors["completed_on"] = QCoreApplication.translate(
            "Guidance", "The review date must be in this school year."
        )
    if (bad := unsafe_character(text, allow_newlines=True)) is not None:
        errors["comment"] = QCoreApplication.translate(
            "Guidance", "The comment contains a character that cannot be stored ({0})."
        ).format(code_point(bad))
    elif len(text) > MAX_COMMENT_LENGTH:
        errors["comment"] = QCoreApplication.translate(
            "Guidance", "A comment holds at most {0} characters."
        ).format(MAX_COMMENT_LENGTH)
    if errors:
        raise ValidationError(errors)
    year = school_year_of(completed_on)
    with db.transaction(actor.staff_id) as session:
        student = visible_student(session, actor, student_id)
        if student.grade not in _review_grades(session, actor.school_id):
            raise ValidationError(
                {
                    "student": QCoreApplication.translate(
                        "Guidance",
                        "The readiness standards do not require an annual "
                        "review in grade {0}.",
                    ).format(student.grade)
                }
            )
        review = session.scalars(
            select(AnnualReview).where(
                AnnualReview.student_id == student_id,
                AnnualReview.school_year == year,
            )
        ).first()
        if review is None:
            session.add(
                AnnualReview(
                    student_id=student_id,
                    school_year=year,
                    completed_on=completed_on,
                    reviewer_id=actor.staff_id,
                    comment=text,
                )
            )
        else:
            review.deleted_at = None
            review.completed_on = completed_on
            review.reviewer_id = actor.staff_id
            review.comment = text


def review_status(
    db: Database, actor: Actor, *, today: dt.date | None = None
) -> dict[uuid.UUID, bool]:
    """Student id → review done this school year, for students whose grade needs it."""
    require(db, actor, Action.VIEW_STUDENT_LIST)
    year = school_year_of(today or dt.date.today())
    with db.read() as session:
        grades = _review_grades(session, actor.school_id)
        if not grades:
            return {}
        students = session.scalars(
            select(Student.id).where(
                *_students_in_scope(actor),
                Student.grade.in_(grades),
            )
        ).all()
        done = set(
            session.scalars(
                select(AnnualReview.student_id)
                .join(Student, Student.id == AnnualReview.student_id)
                .where(
                    Student.school_id == actor.school_id,
                    AnnualReview.school_year == year,
                    AnnualReview.deleted_at.is_(None),
                )
            ).all()
        )
    return {sid: sid in done for sid in students}


# --- journal and parent comments ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class JournalRow:
    id: uuid.UUID
    written_at: dt.datetime
    title: str
    body: str
    read_by_staff_at: dt.datetime | None


def journal(db: Database, actor: Actor, student_id: uuid.UUID) -> list[JournalRow]:
    """The student's "My Journal" entries, newest first; read-only."""
    require(db, actor, Action.VIEW_PLAN)
    with db.read() as session:
        visible_student(session, actor, student_id)
        entries = session.scalars(
            select(JournalEntry)
            .where(
                JournalEntry.student_id == student_id,
                JournalEntry.deleted_at.is_(None),
            )
            .order_by(JournalEntry.written_at.desc(), JournalEntry.id.desc())
        ).all()
        return [
            JournalRow(e.id, e.written_at, e.title, e.body, e.read_by_staff_at)
            for e in entries
        ]


@dataclass(frozen=True, slots=True)
class ParentCommentRow:
    id: uuid.UUID
    written_at: dt.datetime
    parent_name: str
    body: str


def parent_comments(
    db: Database, actor: Actor, student_id: uuid.UUID
) -> list[ParentCommentRow]:
    """Comments parents left about the student, newest first."""
    require(db, actor, Action.VIEW_PARENT_COMMENTS)
    with db.read() as session:
        visible_student(session, actor, student_id)
        found = session.execute(
            select(
                ParentComment.id,
                ParentComment.written_at,
                Parent.first_name,
                Parent.last_name,
                ParentComment.body,
            )
            .join(Parent, Parent.id == ParentComment.parent_id)
            .where(
                ParentComment.student_id == student_id,
                ParentComment.deleted_at.is_(None),
            )
            .order_by(ParentComment.written_at.desc(), ParentComment.id.desc())
        ).all()
    return [
        ParentCommentRow(cid, written, f"{first} {last}", body)
        for cid, written, first, last, body in found
    ]
