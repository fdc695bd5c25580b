"""The student list, adding students, profiles and plan (de)activation."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import gc
import logging
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from cams_desktop.db.base import link_id, utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel, Language, School, Staff
from cams_desktop.db.students import (
    GRADES,
    MAX_NAME_LENGTH,
    CaseloadAssignment,
    Gender,
    GradeChange,
    GroupKind,
    GroupMembership,
    LoginEvent,
    Parent,
    ParentLink,
    PlanStatus,
    Student,
    StudentGroup,
)
from cams_desktop.services import plan_options, readiness
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    require,
)
from cams_desktop.text import code_point, fold, name_sort_key, unsafe_character

log = logging.getLogger(__name__)

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")
# A student may also sign in with the email-style login (UPN) of the school
# system, "jcraig@school.org": one @ between two plain parts, 3 to 64 in all.
STUDENT_USERNAME_PATTERN = re.compile(
    r"^(?=.{3,64}$)[A-Za-z0-9][A-Za-z0-9._-]*(?:@[A-Za-z0-9][A-Za-z0-9._-]*)?$"
)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
OLDEST_BIRTH_DATE = dt.date(1900, 1, 1)
# Earliest year, and how many years ahead, an expected graduation may be.
GRADUATION_YEARS = (1950, 20)
# The grade history reason of a graduated plan reactivated (grades.Reason).
GRADUATION_UNDONE = "graduation undone"


class StudentRow(NamedTuple):
    """One line of the student list (a tuple: 50,000 of them are made at once)."""

    id: uuid.UUID
    first_name: str
    last_name: str
    grade: int
    username: str
    gender: Gender
    plan_status: PlanStatus
    email: str | None
    last_login: dt.datetime | None
    counsellors: str
    counsellor_ids: frozenset[uuid.UUID]
    group_ids: frozenset[uuid.UUID]
    readiness_met: int
    readiness_total: int
    sort_key: str
    search_text: str


@dataclass(frozen=True, slots=True)
class StaffChoice:
    id: uuid.UUID
    name: str
    access_level: AccessLevel


@dataclass(frozen=True, slots=True)
class GroupChoice:
    id: uuid.UUID
    name: str
    kind: GroupKind


@dataclass(frozen=True, slots=True)
class ParentContact:
    """A parent or guardian as the profile shows it; ``id`` None means new."""

    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    preferred_language: Language = Language.FRENCH
    relationship: str = "parent"
    id: uuid.UUID | None = None


@dataclass(slots=True)
class StudentDraft:
    """What the Add student and Edit profile dialogs collect."""

    first_name: str = ""
    last_name: str = ""
    grade: int = 9
    gender: Gender = Gender.UNSPECIFIED
    username: str = ""
    student_number: str = ""
    birth_date: dt.date | None = None
    expected_graduation: dt.date | None = None
    email: str = ""
    preferred_language: Language = Language.FRENCH
    counsellor_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    # None leaves the student's parent contacts as they are.
    parents: tuple[ParentContact, ...] | None = None


@dataclass(frozen=True, slots=True)
class StudentProfile:
    id: uuid.UUID
    draft: StudentDraft
    plan_status: PlanStatus
    plan_created_at: dt.datetime | None
    updated_at: dt.datetime
    version: int


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One audited change of a student's profile."""

    occurred_at: dt.datetime
    author: str
    field: str | None
    action: str
    old_value: str | None
    new_value: str | None


class ValidationError(Exception):
    """Input that cannot be saved; ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str], suggestion: str | None = None) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors
        self.suggestion = suggestion


# --- reading --------------------------------------------------------------


def list_students(
    db: Database, actor: Actor, *, mine: bool = False
) -> list[StudentRow]:
    """Every student the actor may see (or only their caseload), by last name.

    This runs each time a list opens, for up to 50,000 students: ids are
    read as their stored text and turned into UUIDs once per student, and
    the garbage collector waits until the rows are built.
    """
    require(db, actor, Action.VIEW_STUDENT_LIST)
    students_table = Student.__table__
    with db.read() as session, gc_paused():
        connection = session.connection()
        query = select(
            _text(students_table.c.id),
            students_table.c.first_name,
            students_table.c.last_name,
            students_table.c.grade,
            students_table.c.username,
            _text(students_table.c.gender),
            _text(students_table.c.plan_status),
            students_table.c.email,
            students_table.c.sort_key,
            students_table.c.search_text,
        ).where(
            students_table.c.school_id == actor.school_id,
            students_table.c.deleted_at.is_(None),
            students_table.c.plan_status != PlanStatus.TRANSFERRED.value,
        )
        if mine or not actor.sees_all_students:
            query = query.where(students_table.c.id.in_(_caseload_ids(actor.staff_id)))
        students = connection.execute(query.order_by(students_table.c.sort_key)).all()

        staff_names: dict[str, str] = {}
        staff_ids: dict[str, uuid.UUID] = {}
        for staff_id, last, first in connection.execute(
            select(Staff.id, Staff.last_name, Staff.first_name).where(
                Staff.school_id == actor.school_id
            )
        ):
            staff_names[staff_id.hex] = f"{last}, {first}"
            staff_ids[staff_id.hex] = staff_id
        counsellors: defaultdict[str, list[str]] = defaultdict(list)
        for student_hex, staff_hex in connection.execute(
            select(
                _text(CaseloadAssignment.student_id), _text(CaseloadAssignment.staff_id)
            ).where(CaseloadAssignment.deleted_at.is_(None))
        ):
            counsellors[student_hex].append(staff_hex)
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for student_hex, group_hex in connection.execute(
            select(
                _text(GroupMembership.student_id), _text(GroupMembership.group_id)
            ).where(GroupMembership.deleted_at.is_(None))
        ):
            groups[student_hex].append(group_hex)
        last_logins: dict[str, str] = dict(
            connection.execute(
                select(
                    _text(LoginEvent.student_id),
                    _text(func.max(LoginEvent.occurred_at)),
                ).group_by(LoginEvent.student_id)
            ).all()
        )
        progress = readiness.progress_by_student(session, actor.school_id)

        genders = {g.value: g for g in Gender}
        statuses = {s.value: s for s in PlanStatus}
        group_ids: dict[str, uuid.UUID] = {}
        none: list[str] = []
        rows = []
        for (
            sid,
            first,
            last,
            grade,
            username,
            gender,
            status,
            email,
            key,
            text,
        ) in students:
            staff = counsellors.get(sid, none)
            met, total = progress.get(sid, (0, 0))
            login = last_logins.get(sid)
            rows.append(
                StudentRow(
                    uuid.UUID(sid),
                    first,
                    last,
                    grade,
                    username,
                    genders[gender],
                    statuses[status],
                    email,
                    None if login is None else _utc(login),
                    "; ".join(sorted(staff_names.get(s, "?") for s in staff)),
                    frozenset(staff_ids[s] for s in staff if s in staff_ids),
                    frozenset(
                        group_ids.get(g) or group_ids.setdefault(g, uuid.UUID(g))
                        for g in groups.get(sid, none)
                    ),
                    met,
                    total,
                    key,
                    text,
                )
            )
    return rows


def _text(column: Any) -> Any:
    """A column read as the text SQLite stores (ids: 32 hex digits)."""
    return type_coerce(column, String)


def _utc(stored: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cycle collector while building many small objects at once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _caseload_ids(staff_id: uuid.UUID) -> Select[uuid.UUID]:
    return select(CaseloadAssignment.student_id).where(
        CaseloadAssignment.staff_id == staff_id,
        CaseloadAssignment.deleted_at.is_(None),
    )


def list_counsellors(db: Database, actor: Actor) -> list[StaffChoice]:
    """Staff who can have a caseload, for filters and the profile dialog."""
    with db.read() as session:
        staff = session.scalars(
            select(Staff)
            .where(
                Staff.school_id == actor.school_id,
                Staff.is_active,
                Staff.deleted_at.is_(None),
            )
            .order_by(Staff.last_name, Staff.first_name)
        ).all()
    return [
        StaffChoice(s.id, f"{s.last_name}, {s.first_name}", s.access_level)
        for s in staff
    ]


def list_groups(db: Database, actor: Actor) -> list[GroupChoice]:
    """Groups the actor can see: their private ones, shared and managed ones."""
    with db.read() as session:
        groups = session.scalars(
            select(StudentGroup)
            .where(
                StudentGroup.school_id == actor.school_id,
                StudentGroup.deleted_at.is_(None),
                (StudentGroup.kind != GroupKind.PRIVATE)
                | (StudentGroup.owner_id == actor.staff_id),
            )
            .order_by(StudentGroup.name)
        ).all()
    return [GroupChoice(g.id, g.name, g.kind) for g in groups]


def school_time_zone(db: Database, actor: Actor) -> str:
    with db.read() as session:
        zone = session.scalar(
            select(School.time_zone).where(School.id == actor.school_id)
        )
    return zone or "America/Toronto"


def get_profile(db: Database, actor: Actor, student_id: uuid.UUID) -> StudentProfile:
    with db.read() as session:
        student = visible_student(session, actor, student_id)
        return StudentProfile(
            student.id,
            _draft_of(session, student),
            student.plan_status,
            student.plan_created_at,
            student.updated_at,
            student.version,
        )


def _draft_of(session: Session, student: Student) -> StudentDraft:
    """The profile as stored now, in the form the dialogs edit."""
    counsellor_ids = frozenset(
        session.scalars(
            select(CaseloadAssignment.staff_id).where(
                CaseloadAssignment.student_id == student.id,
                CaseloadAssignment.deleted_at.is_(None),
            )
        )
    )
    return StudentDraft(
        first_name=student.first_name,
        last_name=student.last_name,
        grade=student.grade,
        gender=student.gender,
        username=student.username,
        student_number=student.student_number or "",
        birth_date=student.birth_date,
        expected_graduation=student.expected_graduation,
        email=student.email or "",
        preferred_language=student.preferred_language,
        counsellor_ids=counsellor_ids,
        parents=tuple(_parent_contacts(session, student.id)),
    )


def profile_history(
    db: Database, actor: Actor, student_id: uuid.UUID
) -> list[HistoryRow]:
    """The audited changes of a student's profile, newest first."""
    with db.read() as session:
        visible_student(session, actor, student_id)
        entries = session.execute(
            select(AuditEntry, Staff.first_name, Staff.last_name)
            .outerjoin(Staff, Staff.id == AuditEntry.actor_id)
            .where(AuditEntry.table_name == "students", AuditEntry.row_id == student_id)
            .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        ).all()
    return [
        HistoryRow(
            entry.occurred_at,
            f"{first} {last}" if first is not None else "",
            entry.field,
            entry.action,
            entry.old_value,
            entry.new_value,
        )
        for entry, first, last in entries
    ]


def visible_student(session: Session, actor: Actor, student_id: uuid.UUID) -> Student:
    """The student, if the actor's scope includes them; NotFound otherwise."""
    student = session.get(Student, student_id)
    if (
        student is None
        or student.deleted_at is not None
        or student.school_id != actor.school_id
        or (
            not actor.sees_all_students and not _in_caseload(session, actor, student_id)
        )
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Students", "This student does not exist or is not in your list."
            )
        )
    return student


def _in_caseload(session: Session, actor: Actor, student_id: uuid.UUID) -> bool:
    found = session.scalar(
        select(CaseloadAssignment.id).where(
            CaseloadAssignment.staff_id == actor.staff_id,
            CaseloadAssignment.student_id == student_id,
            CaseloadAssignment.deleted_at.is_(None),
        )
    )
    return found is not None


# --- validation -------------------------------------------------------------


def suggest_username(session: Session, wanted: str) -> str:
    """The first free username made of ``wanted`` and a number."""
    base = re.sub(r"[^a-z0-9._-]", "", fold(wanted).replace(" ", "")) or "eleve"
    # "jroy2" taken suggests "jroy3", not "jroy22".
    base = (re.sub(r"\d+$", "", base) or base)[:60]
    taken = set(
        session.scalars(
            select(Student.username_key).where(Student.username_key.like(f"{base}%"))
        )
    ) | set(
        session.scalars(
            select(Staff.username_key).where(Staff.username_key.like(f"{base}%"))
        )
    )
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def _clean(draft: StudentDraft) -> StudentDraft:
    return StudentDraft(
        first_name=draft.first_name.strip(),
        last_name=draft.last_name.strip(),
        grade=draft.grade,
        gender=draft.gender,
        username=draft.username.strip(),
        student_number=draft.student_number.strip(),
        birth_date=draft.birth_date,
        expected_graduation=draft.expected_graduation,
        email=draft.email.strip(),
        preferred_language=draft.preferred_language,
        counsellor_ids=draft.counsellor_ids,
        parents=None
        if draft.parents is None
        else tuple(
            ParentContact(
                p.first_name.strip(),
                p.last_name.strip(),
                p.email.strip(),
                p.phone.strip(),
                p.preferred_language,
                p.relationship.strip() or "parent",
                p.id,
            )
            for p in draft.parents
        ),
    )


def name_errors(first_name: str, last_name: str) -> dict[str, str]:
    """Problems of a person's first and last names (students and staff alike)."""
    errors: dict[str, str] = {}
    for name, value, label in (
        (
            "first_name",
            first_name,
            QCoreApplication.translate("Students", "First name"),
        ),
        ("last_name", last_name, QCoreApplication.translate("Students", "Last name")),
    ):
        if not value:
            errors[name] = QCoreApplication.translate(
                "Students", "{0} is required."
            ).format(label)
        elif len(value) > MAX_NAME_LENGTH:
            errors[name] = QCoreApplication.translate(
                "Students", "{0} is longer than {1} characters."
            ).format(label, MAX_NAME_LENGTH)
        elif (bad := unsafe_character(value)) is not None:
            errors[name] = QCoreApplication.translate(
                "Students", "{0} contains a character that cannot be stored ({1})."
            ).format(label, code_point(bad))
    return errors


def username_error(
    session: Session,
    username: str,
    *,
    student_id: uuid.UUID | None = None,
    staff_id: uuid.UUID | None = None,
    student: bool = False,
) -> tuple[str | None, str | None]:
    """(problem, free suggestion) of a username; students and staff share one
    name space across the board, so each is checked against both.

    A ``student``'s username may also be email-style (STUDENT_USERNAME_PATTERN);
    a staff member's may not.
    """
    if not username:
        return QCoreApplication.translate("Students", "Username is required."), None
    if student and not STUDENT_USERNAME_PATTERN.match(username):
        return (
            QCoreApplication.translate(
                "Students",
                "A username has 3 to 64 characters: letters without accents, digits, "
                "dots, hyphens or underscores, starting with a letter or a digit, "
                "and at most one @ (an email-style login).",
            ),
            None,
        )
    if not student and not USERNAME_PATTERN.match(username):
        return (
            QCoreApplication.translate(
                "Students",
                "A username has 3 to 64 characters: letters without accents, digits, "
                "dots, hyphens or underscores, starting with a letter or a digit.",
            ),
            None,
        )
    key = username.casefold()
    student_owner = session.scalar(
        select(Student.id).where(Student.username_key == key)
    )
    staff_owner = session.scalar(select(Staff.id).where(Staff.username_key == key))
    if (student_owner is not None and student_owner != student_id) or (
        staff_owner is not None and staff_owner != staff_id
    ):
        suggestion = suggest_username(session, username)
        return (
            QCoreApplication.translate(
                "Students",
                "The username {0} is already taken in the school board. {1} is free.",
            ).format(username, suggestion),
            suggestion,
        )
    return None, None


def email_error(email: str) -> str | None:
    if len(email) > 254 or not EMAIL_PATTERN.match(email) or unsafe_character(email):
        return QCoreApplication.translate(
            "Students", "{0} is not an email address."
        ).format(email)
    return None


def validate(
    session: Session,
    actor: Actor,
    draft: StudentDraft,
    student_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> None:
    """Raise ValidationError listing every problem of ``draft``."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    suggestion: str | None = None

    errors.update(name_errors(draft.first_name, draft.last_name))

    if draft.grade not in GRADES:
        errors["grade"] = QCoreApplication.translate(
            "Students", "The grade must be between 1 and 12."
        )

    problem, suggestion = username_error(
        session, draft.username, student_id=student_id, student=True
    )
    if problem:
        errors["username"] = problem

    if draft.student_number:
        owner = session.scalar(
            select(Student.id).where(
                Student.school_id == actor.school_id,
                Student.student_number == draft.student_number,
            )
        )
        if owner is not None and owner != student_id:
            errors["student_number"] = QCoreApplication.translate(
                "Students", "Another student of this school has the student number {0}."
            ).format(draft.student_number)
        elif len(draft.student_number) > 40:
            errors["student_number"] = QCoreApplication.translate(
                "Students", "The student number is too long."
            )

    if draft.student_number and unsafe_character(draft.student_number) is not None:
        errors["student_number"] = QCoreApplication.translate(
            "Students", "The student number contains a character that cannot be stored."
        )
    if draft.email and (problem := email_error(draft.email)):
        errors["email"] = problem

    if draft.birth_date is not None:
        if draft.birth_date >= today:
            errors["birth_date"] = QCoreApplication.translate(
                "Students", "The birth date must be in the past."
            )
        elif draft.birth_date < OLDEST_BIRTH_DATE:
            errors["birth_date"] = QCoreApplication.translate(
                "Students", "The birth date is before 1900."
            )
    graduation = draft.expected_graduation
    if graduation is not None and not (
        GRADUATION_YEARS[0] <= graduation.year <= today.year + GRADUATION_YEARS[1]
    ):
        errors["expected_graduation"] = QCoreApplication.translate(
            "Students", "The expected graduation year must be between {0} and {1}."
        ).format(GRADUATION_YEARS[0], today.year + GRADUATION_YEARS[1])
    elif (
        graduation is not None
        and draft.birth_date is not None
        and graduation <= draft.birth_date
    ):
        errors["expected_graduation"] = QCoreApplication.translate(
            "Students", "The expected graduation date must come after the birth date."
        )

    staff_ids = set(
        session.scalars(
            select(Staff.id).where(
                Staff.id.in_(draft.counsellor_ids), Staff.school_id == actor.school_id
            )
        )
    )
    if staff_ids != set(draft.counsellor_ids):
        errors["counsellor_ids"] = QCoreApplication.translate(
            "Students", "An assigned counsellor is not staff of this school."
        )

    for number, parent in enumerate(draft.parents or (), start=1):
        problem = _parent_problem(parent)
        if problem:
            errors["parents"] = QCoreApplication.translate(
                "Students", "Parent {0}: {1}"
            ).format(number, problem)
            break

    if errors:
        raise ValidationError(errors, suggestion)


def _parent_problem(parent: ParentContact) -> str | None:
    for value in (parent.first_name, parent.last_name, parent.email, parent.phone):
        if (bad := unsafe_character(value)) is not None:
            return QCoreApplication.translate(
                "Students", "a character cannot be stored ({0})."
            ).format(code_point(bad))
    if not parent.first_name or not parent.last_name:
        return QCoreApplication.translate(
            "Students", "first and last names are required."
        )
    if max(len(parent.first_name), len(parent.last_name)) > MAX_NAME_LENGTH:
        return QCoreApplication.translate("Students", "a name is too long.")
    if parent.email and (
        len(parent.email) > 254 or not EMAIL_PATTERN.match(parent.email)
    ):
        return QCoreApplication.translate(
            "Students", "{0} is not an email address."
        ).format(parent.email)
    if len(parent.phone) > 40:
        return QCoreApplication.translate("Students", "the phone number is too long.")
    return None


# --- writing --------------------------------------------------------------


def add_student(db: Database, actor: Actor, draft: StudentDraft) -> uuid.UUID:
    """Create a student and their plan; returns the new student's id.

    Where students direct their plans (F-10), the student gets an account
    and creates the plan on the planning site: plan_created_at stays None.
    """
    require(db, actor, Action.ADD_STUDENT)
    draft = _clean(draft)
    if not actor.sees_all_students:
        # A teacher's new student joins their own list (or they could not see
        # it), and only theirs: they manage no one else's list (F-42).
        draft.counsellor_ids = frozenset({actor.staff_id})
    with db.transaction(actor.staff_id) as session:
        validate(session, actor, draft)
        now = utcnow()
        school_directed = (
            plan_options.creation_mode(session, actor.school_id)
            is plan_options.PlanCreationMode.SCHOOL
        )
        student = Student(
            school_id=actor.school_id,
            plan_status=PlanStatus.ACTIVE,
            plan_created_at=now if school_directed else None,
            plan_status_changed_at=now,
        )
        _apply(student, draft)
        session.add(student)
        session.flush()
        _set_counsellors(session, student.id, draft.counsellor_ids)
        _set_parents(session, actor, student.id, draft.parents)
    log.info("student %s added by staff %s", student.id, actor.staff_id)
    return student.id


def update_profile(
    db: Database,
    actor: Actor,
    student_id: uuid.UUID,
    draft: StudentDraft,
    original: StudentDraft | None = None,
) -> None:
    """Save an edited profile; each changed field lands in the audit trail.

    ``original`` is the profile as the user first saw it. Only the fields
    the user changed are written, so a colleague's change to another field
    in the meantime survives; a colleague's change to the same field is
    reported instead of being overwritten.
    """
    require(db, actor, Action.EDIT_PROFILE)
    draft = _clean(draft)
    with db.transaction(actor.staff_id) as session:
        student = visible_student(session, actor, student_id)
        current = _draft_of(session, student)
        if original is not None:
            draft = _merge(_clean(original), draft, current)
        if not actor.sees_all_students:
            # Teachers and other staff manage their own list only (F-42).
            others = current.counsellor_ids - {actor.staff_id}
            mine = draft.counsellor_ids & {actor.staff_id}
            draft.counsellor_ids = frozenset(others | mine)
        validate(session, actor, draft, student_id)
        _apply(student, draft)
        _set_counsellors(session, student.id, draft.counsellor_ids)
        _set_parents(session, actor, student.id, draft.parents)


def _merge(
    original: StudentDraft, mine: StudentDraft, current: StudentDraft
) -> StudentDraft:
    """Three-way merge of a profile field by field; raises on a clash."""
    merged = StudentDraft()
    clashes: dict[str, str] = {}
    for name in StudentDraft.__dataclass_fields__:
        base, ours, theirs = (getattr(d, name) for d in (original, mine, current))
        if ours == base:
            value = theirs
        elif theirs in (base, ours):
            value = ours
        else:
            clashes[name] = QCoreApplication.translate(
                "Students",
                "Someone else changed this field while you were editing it. "
                "It now reads: {0}",
            ).format(_shown(theirs))
            value = ours
        setattr(merged, name, value)
    if clashes:
        raise ValidationError(clashes)
    return merged


def _shown(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, frozenset | tuple):
        return str(len(value))
    return "" if value is None else str(value)


def set_plan_active(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID], active: bool
) -> int:
    """Deactivate or reactivate plans; nothing is deleted. Returns how many changed.

    Reactivating a graduated plan undoes the graduation: the student is
    back in their last grade, and the grade history says so. Deactivating
    leaves a graduated plan as it is.
    """
    require(db, actor, Action.DEACTIVATE_PLAN)
    wanted = PlanStatus.ACTIVE if active else PlanStatus.INACTIVE
    changed = 0
    with db.transaction(actor.staff_id) as session:
        for student_id in student_ids:
            student = visible_student(session, actor, student_id)
            if student.plan_status == PlanStatus.TRANSFERRED or (
                student.plan_status == PlanStatus.GRADUATED and not active
            ):
                continue
            if student.plan_status == PlanStatus.GRADUATED:
                session.add(
                    GradeChange(
                        student_id=student.id,
                        from_grade=student.grade,
                        to_grade=student.grade,
                        reason=GRADUATION_UNDONE,
                    )
                )
            if student.plan_status != wanted:
                student.plan_status = wanted
                student.plan_status_changed_at = utcnow()
                changed += 1
    return changed


def _apply(student: Student, draft: StudentDraft) -> None:
    student.first_name = draft.first_name
    student.last_name = draft.last_name
    student.grade = draft.grade
    student.gender = draft.gender
    student.username = draft.username
    student.username_key = draft.username.casefold()
    student.student_number = draft.student_number or None
    student.birth_date = draft.birth_date
    student.expected_graduation = draft.expected_graduation
    student.email = draft.email or None
    student.preferred_language = draft.preferred_language
    student.sort_key = name_sort_key(draft.last_name, draft.first_name)
    student.search_text = fold(f"{draft.first_name} {draft.last_name} {draft.username}")


def _set_counsellors(
    session: Session, student_id: uuid.UUID, staff_ids: frozenset[uuid.UUID]
) -> None:
    """Make the student's caseload links exactly ``staff_ids`` (soft removals)."""
    existing = {
        link.staff_id: link
        for link in session.scalars(
            select(CaseloadAssignment).where(
                CaseloadAssignment.student_id == student_id
            )
        )
    }
    now = utcnow()
    for staff_id, link in existing.items():
        if staff_id in staff_ids and link.deleted_at is not None:
            link.deleted_at = None
        elif staff_id not in staff_ids and link.deleted_at is None:
            link.deleted_at = now
    for staff_id in staff_ids - existing.keys():
        session.add(
            CaseloadAssignment(
                id=link_id(staff_id, student_id),
                staff_id=staff_id,
                student_id=student_id,
            )
        )


def _parent_contacts(session: Session, student_id: uuid.UUID) -> list[ParentContact]:
    rows = session.execute(
        select(Parent, ParentLink.relationship)
        .join(ParentLink, ParentLink.parent_id == Parent.id)
        .where(
            ParentLink.student_id == student_id,
            ParentLink.deleted_at.is_(None),
            Parent.deleted_at.is_(None),
        )
        .order_by(Parent.last_name, Parent.first_name, Parent.id)
    ).all()
    return [
        ParentContact(
            parent.first_name,
            parent.last_name,
            parent.email or "",
            parent.phone or "",
            parent.preferred_language,
            relationship,
            parent.id,
        )
        for parent, relationship in rows
    ]


def _parent_in_scope(session: Session, actor: Actor, parent_id: uuid.UUID) -> bool:
    if actor.sees_all_students:
        return True
    linked = session.scalar(
        select(ParentLink.id).where(
            ParentLink.parent_id == parent_id,
            ParentLink.deleted_at.is_(None),
            ParentLink.student_id.in_(_caseload_ids(actor.staff_id)),
        )
    )
    return linked is not None


def _set_parents(
    session: Session,
    actor: Actor,
    student_id: uuid.UUID,
    contacts: tuple[ParentContact, ...] | None,
) -> None:
    """Make the student's parent contacts ``contacts``.

    A removed contact only loses its link to this student: the same parent
    may be linked to a brother or sister.
    """
    if contacts is None:
        return
    links = {
        link.parent_id: link
        for link in session.scalars(
            select(ParentLink).where(ParentLink.student_id == student_id)
        )
    }
    kept: set[uuid.UUID] = set()
    for contact in contacts:
        if contact.id is None:
            parent = Parent(school_id=actor.school_id, first_name="", last_name="")
            session.add(parent)
        else:
            # An existing parent, such as a brother's or sister's, whom the
            # actor can already see through a student of their own.
            found = session.get(Parent, contact.id)
            if (
                found is None
                or found.school_id != actor.school_id
                or (
                    contact.id not in links
                    and not _parent_in_scope(session, actor, contact.id)
                )
            ):
                raise NotFound(
                    QCoreApplication.translate(
                        "Students", "This parent does not exist in this school."
                    )
                )
            parent = found
        parent.first_name = contact.first_name
        parent.last_name = contact.last_name
        parent.email = contact.email or None
        parent.phone = contact.phone or None
        parent.preferred_language = contact.preferred_language
        session.flush()
        kept.add(parent.id)
        link = links.get(parent.id)
        if link is None:
            link = ParentLink(
                id=link_id(parent.id, student_id),
                parent_id=parent.id,
                student_id=student_id,
            )
            session.add(link)
        link.relationship = contact.relationship
        link.deleted_at = None
    now = utcnow()
    for parent_id, link in links.items():
        if parent_id not in kept and link.deleted_at is None:
            link.deleted_at = now
