"""What students saved in their plans: the data behind the reports (F-70 to F-76)."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Enum, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record, enum_values


class AssessmentKind(enum.StrEnum):
    INTEREST = "interest"
    LEARNING_STYLE = "learning_style"
    OTHER = "other"


class SuggestionKind(enum.StrEnum):
    CAREER = "career"
    CLUSTER = "cluster"


class EducationInterestKind(enum.StrEnum):
    SCHOOL = "school"
    PROGRAM = "program"
    APPRENTICESHIP = "apprenticeship"


class ExperienceKind(enum.StrEnum):
    EXTRACURRICULAR = "extracurricular"
    HOBBY = "hobby"
    VOLUNTEER = "volunteer"
    WORK = "work"
    AWARD = "award"


def _enum(enum_class: type[enum.StrEnum]) -> Enum:
    return Enum(enum_class, native_enum=False, length=30, values_callable=enum_values)


class AssessmentResult(Record):
    """One completed assessment; for interests the student marks a best match."""

    __tablename__ = "assessment_results"
    # Covers the readiness counts, which run each time the student list opens.
    __table_args__ = (
        Index("ix_assessment_results_student", "student_id", "kind", "deleted_at"),
    )

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    kind: Mapped[AssessmentKind] = mapped_column(_enum(AssessmentKind))
    name: Mapped[str] = mapped_column(String(100))
    taken_at: Mapped[dt.datetime]
    is_best_match: Mapped[bool] = mapped_column(default=False)
    # Learning style results: the dominant style (visual, auditory, tactile).
    outcome: Mapped[str | None] = mapped_column(String(100))


class AssessmentSuggestion(Record):
    """A career or cluster an assessment result suggested, in rank order."""

    __tablename__ = "assessment_suggestions"
    __table_args__ = (UniqueConstraint("result_id", "kind", "rank"),)
    __audited__ = False

    result_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessment_results.id"))
    kind: Mapped[SuggestionKind] = mapped_column(_enum(SuggestionKind))
    rank: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))


class CareerInterest(Record):
    __tablename__ = "career_interests"
    __table_args__ = (Index("ix_career_interests_student", "student_id", "deleted_at"),)

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    career_code: Mapped[str] = mapped_column(String(40))
    career_title: Mapped[str] = mapped_column(String(200))
    # 1 to 3 for the top careers of the post-secondary plan; None otherwise.
    rank: Mapped[int | None]
    comment: Mapped[str] = mapped_column(default="")


class ClusterInterest(Record):
    __tablename__ = "cluster_interests"
    __table_args__ = (
        Index("ix_cluster_interests_student", "student_id", "deleted_at"),
    )

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"))
    cluster_code: Mapped[str] = mapped_column(String(40))
    cluster_title: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str] = mapped_column(default="")


class EducationInterest(Record):
    """A school, program or apprenticeship a student saved (F-73)."""

    __tablename__ = "education_interests"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    kind: Mapped[EducationInterestKind] = mapped_column(_enum(EducationInterestKind))
    institution: Mapped[str] = mapped_column(String(200))
    program: Mapped[str | None] = mapped_column(String(200))
    program_group: Mapped[str | None] = mapped_column(String(200))
    rank: Mapped[int | None]


class PostSecondaryPlan(Record):
    __tablename__ = "postsecondary_plans"

    student_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("students.id"), unique=True
    )
    intended_education_level: Mapped[str] = mapped_column(String(100))
    reflection_confirmed_at: Mapped[dt.datetime | None]


class PlanningActivity(Record):
    __tablename__ = "planning_activities"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    activity: Mapped[str] = mapped_column(String(100))
    completed_at: Mapped[dt.datetime]


class Experience(Record):
    """Extracurriculars, hobbies, volunteer and work experience, awards (F-75)."""

    __tablename__ = "experiences"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    kind: Mapped[ExperienceKind] = mapped_column(_enum(ExperienceKind))
    title: Mapped[str] = mapped_column(String(200))
    hours: Mapped[float | None]
    started_on: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None]


class JournalEntry(Record):
    """An entry of the student's "My Journal" (F-38)."""

    __tablename__ = "journal_entries"

    student_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("students.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str]
    written_at: Mapped[dt.datetime]
    read_by_staff_at: Mapped[dt.datetime | None]
