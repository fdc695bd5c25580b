"""Plan readiness: requirements of the student's grade met, counted exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from cams_desktop.db.base import utcnow
from cams_desktop.db.guidance import AnnualReview
from cams_desktop.db.plans import AssessmentKind, AssessmentResult, CareerInterest
from cams_desktop.db.readiness import ReadinessRequirement
from cams_desktop.services import students
from cams_desktop.services.readiness import school_year_of
from cams_desktop.services.students import StudentDraft

pytestmark = pytest.mark.unit


def test_school_year_starts_in_august():
    assert school_year_of(dt.date(2026, 8, 1)) == 2026
    assert school_year_of(dt.date(2027, 6, 30)) == 2026
    assert school_year_of(dt.date(2026, 7, 31)) == 2025


def test_the_list_shows_requirements_met_for_each_grade(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    ids = {
        name: students.add_student(
            db,
            admin,
            StudentDraft(first_name=name, last_name="Roy", grade=grade, username=name),
        )
        for name, grade in (("ana", 9), ("ben", 9), ("cleo", 10), ("dan", 11))
    }
    year = school_year_of(dt.date.today())
    with db.transaction(admin.staff_id) as session:
        for grade, criterion, threshold in (
            (9, "careers_saved", 2),
            (9, "interest_assessment", 1),
            (9, "annual_review", 1),
            (10, "careers_saved", 1),
            (10, "a_criterion_of_a_later_version", 1),
        ):
            session.add(
                ReadinessRequirement(
                    school_id=tiny_school.school_id,
                    grade=grade,
                    criterion=criterion,
                    threshold=threshold,
                )
            )
        for student, count in (("ana", 2), ("ben", 1), ("cleo", 3)):
            for n in range(count):
                session.add(
                    CareerInterest(
                        student_id=ids[student], career_code=f"C{n}", career_title="X"
                    )
                )
        session.add(
            AssessmentResult(
                student_id=ids["ana"],
                kind=AssessmentKind.INTEREST,
                name="interest_39",
                taken_at=utcnow(),
            )
        )
        session.add(
            AssessmentResult(
                student_id=ids["ben"],
                kind=AssessmentKind.LEARNING_STYLE,
                name="learning_styles",
                taken_at=utcnow(),
            )
        )
        session.add(
            AnnualReview(
                student_id=ids["ben"],
                school_year=year,
                completed_on=dt.date.today(),
                reviewer_id=admin.staff_id,
            )
        )
        # Last year's review does not count this year.
        session.add(
            AnnualReview(
                student_id=ids["ana"],
                school_year=year - 1,
                completed_on=dt.date(year - 1, 10, 1),
                reviewer_id=admin.staff_id,
            )
        )

    rows = {r.first_name: r for r in students.list_students(db, admin)}
    progress = {name: (r.readiness_met, r.readiness_total) for name, r in rows.items()}

    assert progress == {"ana": (2, 3), "ben": (1, 3), "cleo": (1, 2), "dan": (0, 0)}
