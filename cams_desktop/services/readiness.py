"""Plan readiness: which of their grade's requirements each student meets (F-61)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import Select, func, select
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


def _count(column: Any, *where: Any) -> Select[uuid.UUID, int]:
    return select(column, func.count()).where(*where).group_by(column)


def criterion_query(criterion: str, year: int) -> Select[uuid.UUID, int] | None:
    """(student id, how many of ``criterion`` the student has), or None if unknown."""
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
) -> dict[uuid.UUID, tuple[int, int]]:
    """(requirements met, requirements of the grade) for every student of a school."""
    requirements: defaultdict[int, list[tuple[str, int]]] = defaultdict(list)
    for grade, criterion, threshold in session.execute(
        select(
            ReadinessRequirement.grade,
            ReadinessRequirement.criterion,
            ReadinessRequirement.threshold,
        ).where(
            ReadinessRequirement.school_id == school_id,
            ReadinessRequirement.deleted_at.is_(None),
        )
    ):
        requirements[grade].append((criterion, threshold))
    if not requirements:
        return {}

    year = school_year_of(today or dt.date.today())
    counts: dict[str, dict[uuid.UUID, int]] = {}
    for criterion in {c for reqs in requirements.values() for c, _ in reqs}:
        query = criterion_query(criterion, year)
        counts[criterion] = (
            {} if query is None else {sid: n for sid, n in session.execute(query)}
        )

    result: dict[uuid.UUID, tuple[int, int]] = {}
    for student_id, grade in session.execute(
        select(Student.id, Student.grade).where(
            Student.school_id == school_id, Student.deleted_at.is_(None)
        )
    ):
        reqs = requirements.get(grade)
        if not reqs:
            continue
        met = sum(
            1
            for criterion, threshold in reqs
            if counts.get(criterion, {}).get(student_id, 0) >= threshold
        )
        result[student_id] = (met, len(reqs))
    return result
