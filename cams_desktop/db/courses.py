"""The school's course list and students' four-year course plans (F-68, F-76)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record


class Course(Record):
    __tablename__ = "courses"
    __table_args__ = (UniqueConstraint("school_id", "code"),)

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    code: Mapped[str] = mapped_column(String(20))
    title_fr: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    grade: Mapped[int]
    credits: Mapped[Decimal] = mapped_column(Numeric(4, 2))
    subject: Mapped[str] = mapped_column(String(100))


class CoursePrerequisite(Record):
    __tablename__ = "course_prerequisites"
    __table_args__ = (UniqueConstraint("course_id", "prerequisite_id"),)

    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id"))
    prerequisite_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id"))


class CoursePlanEntry(Record):
    """A course a student plans to take in a school year."""

    __tablename__ = "course_plan_entries"
    __table_args__ = (
        UniqueConstraint("student_id", "course_id"),
        Index("ix_course_plan_entries_student", "student_id", "deleted_at"),
    )

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id"))
    school_year: Mapped[int]
