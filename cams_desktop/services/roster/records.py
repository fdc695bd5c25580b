"""What a roster file says, once read, whatever its format.

Readers (``formats``) turn a file, a folder or a zip into a ``Roster``: one
``StudentRecord`` per student row, with the problems found while reading
(an impossible date, a grade that is not a number). The planner
(``planning``) compares the records with the database and says, per row,
whether it is new, an update, unchanged or an error; applying (``applying``)
writes the plan in one transaction.

Values are kept as the file gave them, only trimmed: a value too long for
its field is reported by the planner, never cut.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from cams_desktop.db.school import Language
from cams_desktop.db.students import Gender


class RosterFormat(enum.StrEnum):
    ONEROSTER_11 = "oneroster-1.1"
    ONEROSTER_12 = "oneroster-1.2"
    SDS_V1 = "sds-v1"
    SDS_V21 = "sds-v2.1"
    TABLE = "table"  # any CSV or .xlsx, through a column mapping


class DateOrder(enum.StrEnum):
    """How to read a date such as 04/02/2010 (ISO dates are always read)."""

    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file: where, and what (a translated sentence)."""

    file: str  # file name as the user knows it (member name inside a zip)
    line: int | None  # 1-based line of the file (the header is line 1)
    column: str | None  # the column's header as written in the file
    value: str | None  # the offending value as written
    message: str


@dataclass(frozen=True, slots=True)
class ParentRecord:
    source_id: str | None
    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    relationship: str = "parent"  # parent, guardian, relative, …
    preferred_language: Language | None = None


@dataclass(frozen=True, slots=True)
class StudentRecord:
    """One student row. None means "the file does not say"."""

    file: str
    line: int
    source_id: str | None
    student_number: str | None
    username: str | None
    first_name: str
    last_name: str
    grade: int | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    expected_graduation: dt.date | None = None
    email: str | None = None
    preferred_language: Language | None = None
    school_source_id: str | None = None
    active: bool | None = None  # the file's status; False: plan deactivated
    to_delete: bool = False  # OneRoster delta "tobedeleted"
    parents: tuple[ParentRecord, ...] = ()
    had_password: bool = False  # a password was in the row: never stored
    problems: tuple[Problem, ...] = ()  # found while reading this row


@dataclass(slots=True)
class Roster:
    """A whole file (or bundle) read."""

    format: RosterFormat
    full: bool  # True: the file lists every student (bulk); False: delta
    students: list[StudentRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # file-level
    source_schools: dict[str, str] = field(default_factory=dict)  # id → name
    passwords_ignored: int = 0
    rows_read: int = 0  # data rows seen in the students' file(s)
    other_rows: int = 0  # rows that are not students (staff, parents, …)


class RosterError(Exception):
    """The input cannot be read at all (not a roster, unreadable zip…)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
