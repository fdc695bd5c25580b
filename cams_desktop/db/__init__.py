"""The local database: schema, engine, sessions and migrations."""

from cams_desktop.db import (
    courses,
    guidance,
    journal,
    plans,
    readiness,
    school,
    students,
)
from cams_desktop.db.base import Base, Record

__all__ = [
    "Base",
    "Record",
    "courses",
    "guidance",
    "journal",
    "plans",
    "readiness",
    "school",
    "students",
]
