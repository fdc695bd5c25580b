"""Plan readiness: which of their grade's requirements each student meets (F-61)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    String,
    func,
    literal,
    select,
    type_coerce,
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


def progress_by_student(
    session: Session, school_id: uuid.UUID, today: dt.date | None = None
) -> dict[str, tuple[int, int]]:
    """(requirements met, requirements of the grade) for every student of a school.

    Keyed by the student id as SQLite stores it (32 hex digits): the student
    list, which calls this for up to 50,000 students, reads ids that way.
    """
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
