"""Plan readiness standards per grade (F-61) and saved report settings (F-77)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record


class ReadinessRequirement(Record):
    """One requirement a plan must meet in a grade, such as "save 3 careers"."""

    __tablename__ = "readiness_requirements"
    __table_args__ = (UniqueConstraint("school_id", "grade", "criterion"),)

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    grade: Mapped[int]
    # interest_assessment, careers_saved, course_plan, annual_review,
    # reflect_confirm, ...
    criterion: Mapped[str] = mapped_column(String(60))
    threshold: Mapped[int] = mapped_column(default=1)


class ReportConfiguration(Record):
    """A saved report configuration: the settings, never the data."""

    __tablename__ = "report_configurations"

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    report: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    parameters: Mapped[Any] = mapped_column(JSON)
