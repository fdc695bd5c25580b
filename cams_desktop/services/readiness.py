"""Plan readiness: which of their grade's requirements each student meets (F-61)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    case,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from cams_desktop.db.courses import CoursePlanEntry
from cams_desktop.db.guidance import AnnualReview
from cams_desktop.db.plans import (
    AssessmentKind,
    AssessmentResult,
    CareerInterest,
    ClusterInterest,
    PostSecondaryPlan,
)
from cams_desktop.db.readiness import ReadinessRequirement
from cams_desktop.db.students import Student


def school_year_of(day: dt.date) -> int:
    """The year a school year starts in: 2026 for any day of 2026-2027."""
    return day.year if day.month >= 8 else day.year - 1


def _count(column: Any, *where: Any) -> tuple[Any, tuple[Any, ...]]:
    return column, where


def _criterion_parts(criterion: str, year: int) -> tuple[Any, tuple[Any, ...]] | None:
    """The student id column and conditions that count ``criterion``."""
    match criterion:
        case "interest_assessment":
            return _count(
                AssessmentResult.student_id,
                AssessmentResult.kind == AssessmentKind.INTEREST,
                AssessmentResult.deleted_at.is_(None),
            )
        case "careers_saved":
            return _count(
                CareerInterest.student_id, CareerInterest.deleted_at.is_(None)
            )
        case "clusters_saved":
            return _count(
                ClusterInterest.student_id, ClusterInterest.deleted_at.is_(None)
            )
        case "course_plan":
            return _count(
                CoursePlanEntry.student_id, CoursePlanEntry.deleted_at.is_(None)
            )
        case "reflect_confirm":
            return _count(
                PostSecondaryPlan.student_id,
                PostSecondaryPlan.reflection_confirmed_at.is_not(None),
                PostSecondaryPlan.deleted_at.is_(None),
            )
        case "annual_review":
            return _count(
                AnnualReview.student_id,
                AnnualReview.school_year == year,
                AnnualReview.deleted_at.is_(None),
            )
    return None


CRITERIA = (
    "interest_assessment",
    "careers_saved",
    "clusters_saved",
    "course_plan",
    "reflect_confirm",
    "annual_review",
)


def progress_query(school_id: uuid.UUID, year: int) -> Select[str, int, int]:
    """(student id as stored, requirements met, requirements of the grade).

    One statement: SQLite counts what each student saved per criterion and
    compares it with the thresholds of the student's grade; a criterion this
    version does not know counts as not met.
    """
    parts = []
    for criterion in CRITERIA:
        found = _criterion_parts(criterion, year)
        assert found is not None
        column, where = found
        parts.append(
            select(
                literal(criterion).label("criterion"),
                column.label("student_id"),
                func.count().label("n"),
            )
            .where(*where)
            .group_by(column)
        )
    counts = union_all(*parts).subquery("counts")
    requirement = ReadinessRequirement
    met = func.sum(
        case((func.coalesce(counts.c.n, 0) >= requirement.threshold, 1), else_=0)
    )
    return (
        select(type_coerce(Student.id, String), met, func.count(requirement.id))
        .select_from(Student)
        .join(
            requirement,
            and_(
                requirement.school_id == Student.school_id,
                requirement.grade == Student.grade,
                requirement.deleted_at.is_(None),
            ),
        )
        .outerjoin(
            counts,
            and_(
                counts.c.student_id == Student.id,
                counts.c.criterion == requirement.criterion,
            ),
        )
        .where(Student.school_id == school_id, Student.deleted_at.is_(None))
        .group_by(Student.id)
    )


def progress_by_student(
    session: Session, school_id: uuid.UUID, today: dt.date | None = None
) -> dict[uuid.UUID, tuple[int, int]]:
    """(requirements met, requirements of the grade) for every student of a school."""
    return {
        uuid.UUID(key): value
        for key, value in progress_by_student_key(session, school_id, today).items()
    }


def progress_by_student_key(
    session: Session, school_id: uuid.UUID, today: dt.date | None = None
) -> dict[str, tuple[int, int]]:
    """progress_by_student keyed by the stored text of the student ids (faster)."""
    connection = session.connection()
    requirements: dict[int, list[tuple[str, int]]] = {}
    for grade, criterion, threshold in connection.execute(
        select(
            ReadinessRequirement.grade,
            ReadinessRequirement.criterion,
            ReadinessRequirement.threshold,
        ).where(
            ReadinessRequirement.school_id == school_id,
            ReadinessRequirement.deleted_at.is_(None),
        )
    ).all():
        requirements.setdefault(grade, []).append((criterion, threshold))
    if not requirements:
        return {}

    # One row per student with a count per criterion, each an index lookup.
    year = school_year_of(today or dt.date.today())
    wanted = sorted({c for reqs in requirements.values() for c in dict(reqs)})
    columns: list[Any] = []
    for criterion in wanted:
        found = _criterion_parts(criterion, year)
        if found is None:
            columns.append(literal(0))
            continue
        column, where = found
        columns.append(
            select(func.count())
            .where(column == Student.id, *where)
            .correlate(Student)
            .scalar_subquery()
        )
    position = {criterion: i for i, criterion in enumerate(wanted, start=2)}
    tests = {
        grade: [(position[c], threshold) for c, threshold in reqs]
        for grade, reqs in requirements.items()
    }
    result: dict[str, tuple[int, int]] = {}
    for row in connection.execute(
        select(type_coerce(Student.id, String), Student.grade, *columns).where(
            Student.school_id == school_id,
            Student.deleted_at.is_(None),
            Student.grade.in_(list(tests)),
        )
    ).all():
        grade_tests = tests[row[1]]
        met = sum(1 for i, threshold in grade_tests if int(row[i]) >= threshold)
        result[row[0]] = (met, len(grade_tests))
    return result
