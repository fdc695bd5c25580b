"""Promote, demote and graduate students; the year-end rollover and its undo (F-19).

Grade changes are written with ``db.bulk`` (Core ``executemany`` plus the same
audit and outbox rows the ORM hook writes): a rollover moves every student of
a school, up to 50,000, in one transaction. Each change also leaves a
``GradeChange`` row, the student's grade history; those of a rollover share
its batch id, which is what the undo reads back.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.cancel import Cancelled
from cams_desktop.db.base import new_id, utcnow
from cams_desktop.db.bulk import StaleRowError, Update, bulk_insert, bulk_update
from cams_desktop.db.engine import Database
from cams_desktop.db.school import School, SchoolSetting, Staff
from cams_desktop.db.students import (
    GRADES,
    CaseloadAssignment,
    GradeChange,
    PlanStatus,
    Student,
)
from cams_desktop.db.tracking import CamsSession
from cams_desktop.services.access import Action, Actor, NotFound, require
from cams_desktop.services.students import (
    GRADUATION_UNDONE,
    ValidationError,
    visible_student,
)

log = logging.getLogger(__name__)

FIRST_GRADE = GRADES[0]
LAST_GRADE = GRADES[-1]
# The newest rollover, which is the one that can be undone: {batch, year, at, by}.
LAST_ROLLOVER_SETTING = "rollover.last"
# Every school year rolled over (and not undone), oldest first.
ROLLED_YEARS_SETTING = "rollover.years"
SCHOOL_YEAR_PATTERN = re.compile(r"^(\d{4})\s*[-‐‑–—]\s*(\d{4})$")
# Students written per statement, between two progress reports and cancel checks.
CHUNK = 5_000
# SQLite allows 32,766 bound values per statement; ids are read in chunks.
_ID_CHUNK = 900

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class Reason(enum.StrEnum):
    """Why a grade changed, as stored in ``GradeChange.reason``."""

    PROMOTED = "promoted"
    DEMOTED = "demoted"
    GRADUATED = "graduated"
    ROLLOVER = "rollover"
    ROLLOVER_UNDONE = "rollover undone"
    GRADUATION_UNDONE = GRADUATION_UNDONE


class SkipReason(enum.Enum):
    """Why a student was left as they were."""

    LAST_GRADE = "last_grade"
    FIRST_GRADE = "first_grade"
    GRADUATED = "graduated"
    PLAN_INACTIVE = "plan_inactive"
    ALREADY_ROLLED = "already_rolled"
    LATER_YEAR_ROLLED = "later_year_rolled"
    GRADE_CHANGED = "grade_changed"
    STATUS_CHANGED = "status_changed"
    LEFT_SCHOOL = "left_school"


def reason_label(reason: Reason) -> str:
    match reason:
        case Reason.PROMOTED:
            return QCoreApplication.translate("Grades", "Promoted")
        case Reason.DEMOTED:
            return QCoreApplication.translate("Grades", "Demoted")
        case Reason.GRADUATED:
            return QCoreApplication.translate("Grades", "Graduated")
        case Reason.ROLLOVER:
            return QCoreApplication.translate("Grades", "Year-end rollover")
        case Reason.ROLLOVER_UNDONE:
            return QCoreApplication.translate("Grades", "Rollover undone")
        case Reason.GRADUATION_UNDONE:
            return QCoreApplication.translate("Grades", "Graduation undone")


def skip_text(reason: SkipReason, detail: str = "") -> str:
    """The sentence that tells the user why a student was left alone."""
    match reason:
        case SkipReason.LAST_GRADE:
            return QCoreApplication.translate(
                "Grades", "Already in grade {0}, the last grade: use Graduate."
            ).format(LAST_GRADE)
        case SkipReason.FIRST_GRADE:
            return QCoreApplication.translate(
                "Grades", "Already in grade {0}, the first grade."
            ).format(FIRST_GRADE)
        case SkipReason.GRADUATED:
            return QCoreApplication.translate("Grades", "Already graduated.")
        case SkipReason.PLAN_INACTIVE:
            return QCoreApplication.translate("Grades", "Plan inactive.")
        case SkipReason.ALREADY_ROLLED:
            return QCoreApplication.translate(
                "Grades", "Already rolled over for {0}."
            ).format(detail)
        case SkipReason.LATER_YEAR_ROLLED:
            return QCoreApplication.translate(
                "Grades", "The school was already rolled over for {0}, a later year."
            ).format(detail)
        case SkipReason.GRADE_CHANGED:
            return QCoreApplication.translate(
                "Grades", "Grade changed since the rollover (now {0})."
            ).format(detail)
        case SkipReason.STATUS_CHANGED:
            return QCoreApplication.translate(
                "Grades", "Plan status changed since the rollover."
            )
        case SkipReason.LEFT_SCHOOL:
            return QCoreApplication.translate(
                "Grades", "No longer a student of this school."
            )


@dataclass(frozen=True, slots=True)
class StudentMove:
    """A student whose grade changed; ``to_grade`` None means graduated."""

    id: uuid.UUID
    name: str
    from_grade: int
    to_grade: int | None


@dataclass(frozen=True, slots=True)
class Skipped:
    id: uuid.UUID
    name: str
    grade: int
    reason: SkipReason
    detail: str = ""

    @property
    def text(self) -> str:
        return skip_text(self.reason, self.detail)


@dataclass(frozen=True, slots=True)
class MoveResult:
    moved: tuple[StudentMove, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class GradeHistoryRow:
    changed_at: dt.datetime
    from_grade: int
    to_grade: int | None
    # A Reason value; kept as stored, since a newer desktop may write others.
    reason: str
    author: str
    batch_id: uuid.UUID | None

    @property
    def label(self) -> str:
        try:
            return reason_label(Reason(self.reason))
        except ValueError:
            return self.reason


class Outcome(enum.Enum):
    """What the rollover does to one student."""

    MOVES = "moves"
    GRADUATES = "graduates"
    # The top grade of an elementary school: left as is, to be transferred.
    FINISHING = "finishing"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class RolloverRow:
    id: uuid.UUID
    name: str
    sort_key: str
    from_grade: int
    to_grade: int | None
    outcome: Outcome
    reason: SkipReason | None = None
    detail: str = ""

    @property
    def note(self) -> str:
        """What the preview says beside the student."""
        match self.outcome:
            case Outcome.MOVES:
                return ""
            case Outcome.GRADUATES:
                return QCoreApplication.translate("Grades", "Graduates")
            case Outcome.FINISHING:
                return QCoreApplication.translate(
                    "Grades", "Finishing elementary school — transfer them"
                )
            case Outcome.SKIPPED:
                assert self.reason is not None
                return skip_text(self.reason, self.detail)


@dataclass(frozen=True, slots=True)
class GradeSummary:
    """The preview's counts for the students now in ``grade``."""

    grade: int
    moving: int
    graduating: int
    finishing: int
    skipped: int


@dataclass(frozen=True)
class RolloverPreview:
    school_year: str
    elementary: bool
    top_grade: int
    rows: tuple[RolloverRow, ...]
    # Every student's version when previewed: applying refuses if one changed.
    versions: Mapping[uuid.UUID, int] = field(repr=False)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)

    @property
    def changes(self) -> int:
        """How many students the rollover would write."""
        return sum(
            1 for row in self.rows if row.outcome in (Outcome.MOVES, Outcome.GRADUATES)
        )

    def by_grade(self) -> list[GradeSummary]:
        counts = Counter((row.from_grade, row.outcome) for row in self.rows)
        return [
            GradeSummary(
                grade,
                counts[grade, Outcome.MOVES],
                counts[grade, Outcome.GRADUATES],
                counts[grade, Outcome.FINISHING],
                counts[grade, Outcome.SKIPPED],
            )
            for grade in sorted({row.from_grade for row in self.rows})
        ]


@dataclass(frozen=True, slots=True)
class RolloverResult:
    school_year: str
    # None when nothing had to change (and nothing was written).
    batch_id: uuid.UUID | None
    moved: int
    graduated: int
    finishing: int
    skipped: int


@dataclass(frozen=True, slots=True)
class LastRollover:
    batch_id: uuid.UUID
    school_year: str
    applied_at: dt.datetime
    applied_by: str


@dataclass(frozen=True, slots=True)
class UndoResult:
    school_year: str
    restored: int
    skipped: tuple[Skipped, ...]


class StalePreview(Exception):
    """Students changed since the preview was made; nothing was written."""


class _Student(NamedTuple):
    id: uuid.UUID
    first_name: str
    last_name: str
    sort_key: str
    grade: int
    plan_status: PlanStatus
    version: int
    plan_status_changed_at: dt.datetime | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


_COLUMNS = (
    Student.id,
    Student.first_name,
    Student.last_name,
    Student.sort_key,
    Student.grade,
    Student.plan_status,
    Student.version,
    Student.plan_status_changed_at,
)


# --- promote, demote, graduate ----------------------------------------------


def move_students(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID], step: int
) -> MoveResult:
    """Move the chosen students one grade up (``step`` 1) or down (-1).

    Plans inactive but kept are moved too: the user chose these students.
    A student who would leave grades 1 to 12 is skipped with the reason.
    """
    require(db, actor, Action.PROMOTE_STUDENTS)
    _check_step(step)
    with db.transaction(actor.staff_id) as session:
        found = _students_in_scope(session, actor, list(dict.fromkeys(student_ids)))
        result = _move(session, found, step)
    _log_moves("moved by hand", result, actor)
    return result


def move_grade(db: Database, actor: Actor, grade: int, step: int) -> MoveResult:
    """Move every active plan of ``grade`` one grade up or down.

    Inactive plans of that grade stay where they are and are listed as skipped.
    """
    require(db, actor, Action.PROMOTE_STUDENTS)
    _check_step(step)
    if grade not in GRADES:
        raise ValidationError(
            {
                "grade": QCoreApplication.translate(
                    "Grades", "The grade must be between 1 and 12."
                )
            }
        )
    with db.transaction(actor.staff_id) as session:
        query = select(*_COLUMNS).where(
            *_scope(actor),
            Student.grade == grade,
            Student.plan_status.in_([PlanStatus.ACTIVE, PlanStatus.INACTIVE]),
        )
        found = [_Student(*row) for row in session.execute(query.order_by(*_ORDER))]
        active = [s for s in found if s.plan_status == PlanStatus.ACTIVE]
        result = _move(session, active, step)
        inactive = tuple(
            Skipped(s.id, s.name, s.grade, SkipReason.PLAN_INACTIVE)
            for s in found
            if s.plan_status != PlanStatus.ACTIVE
        )
        result = MoveResult(result.moved, result.skipped + inactive)
    _log_moves(f"moved with grade {grade}", result, actor)
    return result


def graduate_students(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID]
) -> MoveResult:
    """Graduate the chosen students: the plan turns inactive and stays readable.

    Nothing is deleted; the grade stays the last one the student was in.
    """
    require(db, actor, Action.PROMOTE_STUDENTS)
    with db.transaction(actor.staff_id) as session:
        found = _students_in_scope(session, actor, list(dict.fromkeys(student_ids)))
        now = utcnow()
        changes: list[_Change] = []
        skipped: list[Skipped] = []
        for student in found:
            if student.plan_status == PlanStatus.GRADUATED:
                skipped.append(
                    Skipped(
                        student.id, student.name, student.grade, SkipReason.GRADUATED
                    )
                )
                continue
            changes.append(_graduation(student, now, Reason.GRADUATED))
        _write(session, changes, None)
        result = MoveResult(tuple(c.move for c in changes), tuple(skipped))
    _log_moves("graduated", result, actor)
    return result


def active_by_grade(db: Database, actor: Actor) -> dict[int, int]:
    """How many active plans each grade holds: what "a whole grade" would move."""
    require(db, actor, Action.PROMOTE_STUDENTS)
    with db.read() as session:
        rows = session.execute(
            select(Student.grade, func.count())
            .where(*_scope(actor), Student.plan_status == PlanStatus.ACTIVE)
            .group_by(Student.grade)
            .order_by(Student.grade)
        ).all()
    return {grade: count for grade, count in rows}


def grade_history(
    db: Database, actor: Actor, student_id: uuid.UUID
) -> list[GradeHistoryRow]:
    """The student's grade changes, oldest first."""
    require(db, actor, Action.VIEW_STUDENT_LIST)
    with db.read() as session:
        visible_student(session, actor, student_id)
        rows = session.execute(
            select(GradeChange, Staff.first_name, Staff.last_name)
            .outerjoin(Staff, Staff.id == GradeChange.created_by_id)
            .where(
                GradeChange.student_id == student_id,
                GradeChange.deleted_at.is_(None),
            )
            .order_by(GradeChange.created_at, GradeChange.id)
        ).all()
    return [
        GradeHistoryRow(
            change.created_at,
            change.from_grade,
            change.to_grade,
            change.reason,
            f"{first} {last}" if first is not None else "",
            change.batch_id,
        )
        for change, first, last in rows
    ]


def _check_step(step: int) -> None:
    if step not in (1, -1):
        raise ValueError(f"a grade moves by 1 or -1, not {step}")


def _move(session: CamsSession, found: Sequence[_Student], step: int) -> MoveResult:
    reason = Reason.PROMOTED if step > 0 else Reason.DEMOTED
    changes: list[_Change] = []
    skipped: list[Skipped] = []
    for student in found:
        target = student.grade + step
        problem: SkipReason | None = None
        if student.plan_status == PlanStatus.GRADUATED:
            problem = SkipReason.GRADUATED
        elif target > LAST_GRADE:
            problem = SkipReason.LAST_GRADE
        elif target < FIRST_GRADE:
            problem = SkipReason.FIRST_GRADE
        if problem is None:
            changes.append(_grade_change(student, target, reason))
        else:
            skipped.append(Skipped(student.id, student.name, student.grade, problem))
    _write(session, changes, None)
    return MoveResult(tuple(c.move for c in changes), tuple(skipped))


class _Change(NamedTuple):
    """One student's write: the row's new values and its grade history line."""

    update: Update
    move: StudentMove
    reason: Reason


def _grade_change(student: _Student, target: int, reason: Reason) -> _Change:
    return _Change(
        (student.id, student.version, {"grade": (student.grade, target)}),
        StudentMove(student.id, student.name, student.grade, target),
        reason,
    )


def _graduation(student: _Student, now: dt.datetime, reason: Reason) -> _Change:
    return _Change(
        (
            student.id,
            student.version,
            {
                "plan_status": (student.plan_status, PlanStatus.GRADUATED),
                "plan_status_changed_at": (student.plan_status_changed_at, now),
            },
        ),
        StudentMove(student.id, student.name, student.grade, None),
        reason,
    )


def _write(
    session: CamsSession, changes: Sequence[_Change], batch_id: uuid.UUID | None
) -> None:
    """Write the students' new values and their grade history rows."""
    bulk_update(session, Student, [change.update for change in changes])
    bulk_insert(
        session,
        GradeChange,
        [
            {
                "student_id": change.move.id,
                "from_grade": change.move.from_grade,
                "to_grade": change.move.to_grade,
                "reason": change.reason.value,
                "batch_id": batch_id,
            }
            for change in changes
        ],
    )


def _write_in_chunks(
    session: CamsSession,
    changes: Sequence[_Change],
    batch_id: uuid.UUID,
    progress: Progress | None,
    cancel: Cancel | None,
) -> None:
    """``_write`` a chunk at a time, reporting progress and checking for cancel."""
    for start in range(0, len(changes), CHUNK):
        _check_cancel(cancel)
        _write(session, changes[start : start + CHUNK], batch_id)
        if progress is not None:
            progress(min(start + CHUNK, len(changes)), len(changes))
    _check_cancel(cancel)


_ORDER = (Student.grade, Student.sort_key, Student.id)


def _scope(actor: Actor) -> list[ColumnElement[bool]]:
    """Conditions that keep only the actor's students: their school, or caseload."""
    conditions = [
        Student.school_id == actor.school_id,
        Student.deleted_at.is_(None),
        Student.plan_status != PlanStatus.TRANSFERRED,
    ]
    if not actor.sees_all_students:
        conditions.append(
            Student.id.in_(
                select(CaseloadAssignment.student_id).where(
                    CaseloadAssignment.staff_id == actor.staff_id,
                    CaseloadAssignment.deleted_at.is_(None),
                )
            )
        )
    return conditions


def _students_in_scope(
    session: Session, actor: Actor, ids: Sequence[uuid.UUID]
) -> list[_Student]:
    """The students ``ids``, in that order; NotFound if one is not the actor's."""
    found: dict[uuid.UUID, _Student] = {}
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        query = select(*_COLUMNS).where(*_scope(actor), Student.id.in_(chunk))
        found.update((row.id, _Student(*row)) for row in session.execute(query))
    if len(found) != len(ids):
        raise NotFound(
            QCoreApplication.translate(
                "Students", "This student does not exist or is not in your list."
            )
        )
    return [found[student_id] for student_id in ids]


def _log_moves(what: str, result: MoveResult, actor: Actor) -> None:
    log.info(
        "%d students %s by staff %s (%d skipped)",
        len(result.moved),
        what,
        actor.staff_id,
        len(result.skipped),
    )


# --- the year-end rollover ----------------------------------------------------


def check_school_year(text: str) -> str:
    """``text`` as a school year like 2026-2027; ValidationError if it is not one."""
    match = SCHOOL_YEAR_PATTERN.match(text.strip())
    if match is None or int(match[2]) != int(match[1]) + 1:
        raise ValidationError(
            {
                "school_year": QCoreApplication.translate(
                    "Grades",
                    "Write the school year as two years that follow, like 2026-2027.",
                )
            }
        )
    return f"{match[1]}-{match[2]}"


def suggested_school_year(
    db: Database, actor: Actor, today: dt.date | None = None
) -> str:
    """The school year a rollover would most likely be for.

    The year after the last one rolled over; otherwise the coming school year
    (a rollover is done from the end of one year to the start of the next).
    """
    require(db, actor, Action.YEAR_END_ROLLOVER)
    with db.read() as session:
        rolled = _rolled_years(session, actor.school_id)
    if rolled:
        start = _start(rolled[-1]) + 1
    else:
        today = today or dt.date.today()
        start = today.year if today.month <= 9 else today.year + 1
    return f"{start}-{start + 1}"


def preview_rollover(db: Database, actor: Actor, school_year: str) -> RolloverPreview:
    """Who would move up a grade, graduate, finish or be skipped, and why."""
    require(db, actor, Action.YEAR_END_ROLLOVER)
    year = check_school_year(school_year)
    with db.read() as session:
        return _plan(session, actor.school_id, year)[0]


def apply_rollover(
    db: Database,
    actor: Actor,
    preview_or_year: RolloverPreview | str,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RolloverResult:
    """Roll the whole school over to the next school year, in one transaction.

    Given a preview, refuses (StalePreview) if any student changed since it
    was made. A year already rolled over changes nothing and writes nothing.
    Cancelling leaves everything as it was.
    """
    require(db, actor, Action.YEAR_END_ROLLOVER)
    if isinstance(preview_or_year, RolloverPreview):
        year = preview_or_year.school_year
    else:
        year = check_school_year(preview_or_year)
    with db.transaction(actor.staff_id) as session:
        plan, students = _plan(session, actor.school_id, year)
        if isinstance(preview_or_year, RolloverPreview) and (
            plan.versions != preview_or_year.versions
            or plan.rows != preview_or_year.rows
        ):
            raise _stale()
        result = RolloverResult(
            year,
            None,
            plan.count(Outcome.MOVES),
            plan.count(Outcome.GRADUATES),
            plan.count(Outcome.FINISHING),
            plan.count(Outcome.SKIPPED),
        )
        if plan.changes == 0:
            return result

        batch_id = new_id()
        now = utcnow()
        changes = [
            _grade_change(students[row.id], row.from_grade + 1, Reason.ROLLOVER)
            if row.outcome is Outcome.MOVES
            else _graduation(students[row.id], now, Reason.GRADUATED)
            for row in plan.rows
            if row.outcome in (Outcome.MOVES, Outcome.GRADUATES)
        ]
        try:
            _write_in_chunks(session, changes, batch_id, progress, cancel)
        except StaleRowError as error:
            raise _stale() from error

        rolled = _rolled_years(session, actor.school_id)
        _set_setting(
            session,
            actor.school_id,
            ROLLED_YEARS_SETTING,
            sorted({*rolled, year}, key=_start),
        )
        _set_setting(
            session,
            actor.school_id,
            LAST_ROLLOVER_SETTING,
            {
                "batch": str(batch_id),
                "year": year,
                "at": now.isoformat(),
                "by": str(actor.staff_id),
            },
        )
    log.info(
        "school %s rolled over to %s by staff %s: %d moved, %d graduated, batch %s",
        actor.school_id,
        year,
        actor.staff_id,
        result.moved,
        result.graduated,
        batch_id,
    )
    return replace(result, batch_id=batch_id)


def last_rollover(db: Database, actor: Actor) -> LastRollover | None:
    """The rollover that "Undo last rollover" would undo, if any."""
    require(db, actor, Action.YEAR_END_ROLLOVER)
    with db.read() as session:
        value = _last_rollover_value(session, actor.school_id)
        if value is None:
            return None
        author = session.execute(
            select(Staff.first_name, Staff.last_name).where(
                Staff.id == uuid.UUID(value["by"])
            )
        ).first()
    return LastRollover(
        uuid.UUID(value["batch"]),
        value["year"],
        dt.datetime.fromisoformat(value["at"]),
        "" if author is None else f"{author.first_name} {author.last_name}",
    )


def undo_last_rollover(
    db: Database,
    actor: Actor,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> UndoResult:
    """Put back the grades and plan statuses the last rollover changed.

    Students changed since (a grade edited by hand, a plan reactivated, a
    transfer) are left as they are now and listed with the reason. The undone
    year may be rolled over again; the same rollover cannot be undone twice.
    """
    require(db, actor, Action.YEAR_END_ROLLOVER)
    with db.transaction(actor.staff_id) as session:
        value = _last_rollover_value(session, actor.school_id)
        if value is None:
            raise NotFound(
                QCoreApplication.translate("Grades", "There is no rollover to undo.")
            )
        batch_id = uuid.UUID(value["batch"])
        year = str(value["year"])
        changes = session.execute(
            select(
                GradeChange.from_grade,
                GradeChange.to_grade,
                GradeChange.reason,
                Student.school_id,
                Student.deleted_at,
                *_COLUMNS,
            )
            .join(Student, Student.id == GradeChange.student_id)
            .where(
                GradeChange.batch_id == batch_id,
                GradeChange.reason.in_([Reason.ROLLOVER, Reason.GRADUATED]),
                GradeChange.deleted_at.is_(None),
            )
            .order_by(Student.grade, Student.sort_key, Student.id)
        ).all()

        now = utcnow()
        undo: list[_Change] = []
        skipped: list[Skipped] = []
        for from_grade, to_grade, reason, school_id, deleted_at, *columns in changes:
            student = _Student(*columns)
            problem: SkipReason | None = None
            if school_id != actor.school_id or deleted_at is not None:
                problem = SkipReason.LEFT_SCHOOL
            elif reason == Reason.GRADUATED:
                if student.plan_status != PlanStatus.GRADUATED:
                    problem = SkipReason.STATUS_CHANGED
                elif student.grade != from_grade:
                    problem = SkipReason.GRADE_CHANGED
            elif student.grade != to_grade:
                problem = SkipReason.GRADE_CHANGED
            if problem is not None:
                skipped.append(
                    Skipped(
                        student.id,
                        student.name,
                        student.grade,
                        problem,
                        str(student.grade),
                    )
                )
            elif reason == Reason.GRADUATED:
                undo.append(
                    _Change(
                        (
                            student.id,
                            student.version,
                            {
                                "plan_status": (student.plan_status, PlanStatus.ACTIVE),
                                "plan_status_changed_at": (
                                    student.plan_status_changed_at,
                                    now,
                                ),
                            },
                        ),
                        StudentMove(
                            student.id, student.name, student.grade, student.grade
                        ),
                        Reason.ROLLOVER_UNDONE,
                    )
                )
            else:
                undo.append(_grade_change(student, from_grade, Reason.ROLLOVER_UNDONE))
        _write_in_chunks(session, undo, batch_id, progress, cancel)

        rolled = _rolled_years(session, actor.school_id)
        _set_setting(
            session,
            actor.school_id,
            ROLLED_YEARS_SETTING,
            [y for y in rolled if y != year],
        )
        _set_setting(session, actor.school_id, LAST_ROLLOVER_SETTING, None)
    log.info(
        "rollover %s of school %s undone by staff %s: %d restored, %d skipped",
        batch_id,
        actor.school_id,
        actor.staff_id,
        len(undo),
        len(skipped),
    )
    return UndoResult(year, len(undo), tuple(skipped))


def _plan(
    session: Session, school_id: uuid.UUID, year: str
) -> tuple[RolloverPreview, dict[uuid.UUID, _Student]]:
    """What the rollover to ``year`` does to each student of the school now."""
    elementary = bool(
        session.scalar(select(School.is_elementary).where(School.id == school_id))
    )
    students = [
        _Student(*row)
        for row in session.execute(
            select(*_COLUMNS)
            .where(
                Student.school_id == school_id,
                Student.deleted_at.is_(None),
                Student.plan_status != PlanStatus.TRANSFERRED,
            )
            .order_by(*_ORDER)
        )
    ]
    in_use = [s.grade for s in students if s.plan_status == PlanStatus.ACTIVE]
    top = max(in_use, default=LAST_GRADE) if elementary else LAST_GRADE

    rolled = _rolled_years(session, school_id)
    done: tuple[SkipReason, str] | None = None
    if year in rolled:
        done = (SkipReason.ALREADY_ROLLED, year)
    elif rolled and _start(rolled[-1]) > _start(year):
        done = (SkipReason.LATER_YEAR_ROLLED, rolled[-1])

    rows: list[RolloverRow] = []
    for s in students:
        skip: tuple[SkipReason, str] | None = done
        if skip is None and s.plan_status == PlanStatus.GRADUATED:
            skip = (SkipReason.GRADUATED, "")
        elif skip is None and s.plan_status != PlanStatus.ACTIVE:
            skip = (SkipReason.PLAN_INACTIVE, "")
        if skip is not None:
            row = RolloverRow(
                s.id, s.name, s.sort_key, s.grade, s.grade, Outcome.SKIPPED, *skip
            )
        elif s.grade >= top and elementary:
            row = RolloverRow(
                s.id, s.name, s.sort_key, s.grade, s.grade, Outcome.FINISHING
            )
        elif s.grade >= top:
            row = RolloverRow(
                s.id, s.name, s.sort_key, s.grade, None, Outcome.GRADUATES
            )
        else:
            row = RolloverRow(
                s.id, s.name, s.sort_key, s.grade, s.grade + 1, Outcome.MOVES
            )
        rows.append(row)
    preview = RolloverPreview(
        year, elementary, top, tuple(rows), {s.id: s.version for s in students}
    )
    return preview, {s.id: s for s in students}


def _stale() -> StalePreview:
    return StalePreview(
        QCoreApplication.translate(
            "Grades",
            "Students changed since the preview was made; nothing was changed. "
            "Preview the rollover again.",
        )
    )


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled(
            QCoreApplication.translate("Grades", "Cancelled; nothing was changed.")
        )


def _start(year: str) -> int:
    return int(year[:4])


def _setting(session: Session, school_id: uuid.UUID, key: str) -> SchoolSetting | None:
    return session.scalars(
        select(SchoolSetting).where(
            SchoolSetting.school_id == school_id, SchoolSetting.key == key
        )
    ).first()


def _set_setting(
    session: Session, school_id: uuid.UUID, key: str, value: object
) -> None:
    setting = _setting(session, school_id, key)
    if setting is None:
        session.add(SchoolSetting(school_id=school_id, key=key, value=value))
    else:
        setting.value = value
        setting.deleted_at = None


def _rolled_years(session: Session, school_id: uuid.UUID) -> list[str]:
    setting = _setting(session, school_id, ROLLED_YEARS_SETTING)
    value = None if setting is None or setting.deleted_at else setting.value
    if not isinstance(value, list):
        return []
    years = [y for y in value if isinstance(y, str) and SCHOOL_YEAR_PATTERN.match(y)]
    return sorted(years, key=_start)


def _last_rollover_value(
    session: Session, school_id: uuid.UUID
) -> dict[str, Any] | None:
    setting = _setting(session, school_id, LAST_ROLLOVER_SETTING)
    value = None if setting is None or setting.deleted_at else setting.value
    if not isinstance(value, dict) or not {"batch", "year", "at", "by"} <= set(value):
        return None
    return value
