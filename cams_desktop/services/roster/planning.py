"""Previewing a roster import: what each row of a file would do (F-22).

``plan_import`` compares a read ``Roster`` with the students of the actor's
school and says, per row, whether it adds a student, updates one, changes
nothing, is refused (and why) or is left out. Nothing is written: the plan is
what the preview shows and what ``applying.apply_import`` writes once the
user agrees. The school is read once into dictionaries, so planning 50,000
rows costs a handful of queries, not a few per row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
import re
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from cams_desktop.db.base import Record, new_id
from cams_desktop.db.engine import Database
from cams_desktop.db.school import Language, School, SchoolSetting, Staff
from cams_desktop.db.students import (
    GRADES,
    MAX_NAME_LENGTH,
    Gender,
    Parent,
    ParentLink,
    PlanStatus,
    Student,
)
from cams_desktop.formatting import format_date
from cams_desktop.labels import (
    field_label,
    gender_label,
    language_label,
    plan_status_label,
)
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.roster.formats import (
    ColumnMapping,
    layout_signature,
    read_roster,
    read_tables,
    suggest_mapping,
)
from cams_desktop.services.roster.records import (
    DateOrder,
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
    StudentRecord,
)
from cams_desktop.services.roster.sources import Table
from cams_desktop.services.students import (
    EMAIL_PATTERN,
    GRADUATION_YEARS,
    OLDEST_BIRTH_DATE,
    STUDENT_USERNAME_PATTERN,
    email_error,
    gc_paused,
    name_errors,
    username_error,
)
from cams_desktop.text import code_point, fold, unsafe_character

log = logging.getLogger(__name__)

# Student columns a roster may fill, in the order the preview lists changes.
STUDENT_FIELDS = (
    "source_id",
    "student_number",
    "username",
    "first_name",
    "last_name",
    "grade",
    "gender",
    "birth_date",
    "expected_graduation",
    "email",
    "preferred_language",
)
# Parent columns a roster may fill (names are always given).
PARENT_FIELDS = (
    "source_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "preferred_language",
)
# A made-up username: at most this much of the name, then a number of up to
# four digits, within the 64 characters of a username.
MADE_UP_STEM_LENGTH = 60
# The made-up username of a name with too few letters a username can hold.
MADE_UP_FALLBACK = "eleve"
# The longest value of the file a problem quotes in full.
SHOWN_VALUE_LENGTH = 80
# Where a school keeps the column mapping of each table layout it imported.
MAPPING_SETTING_PREFIX = "import.mapping."


class RowKind(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"
    SKIPPED = "skipped"


class FieldChange(NamedTuple):
    """One value a row sets: a student column, or ``parent``/``parent.<column>``.

    A tuple, not a dataclass: a preview of 50,000 new students makes 400,000.
    """

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ParentStep:
    """What a row does to one of its parents once applied.

    A parent new to the school is created by the first row naming it; its
    brothers' and sisters' rows carry the same ``parent_id`` and only link.
    """

    parent_id: uuid.UUID
    record: ParentRecord
    create: bool
    link: bool  # a new link to the student, or a removed one restored
    link_row_id: uuid.UUID | None  # the existing link row, if any
    link_version: int | None
    parent_version: int | None  # None for a parent this import creates
    changes: tuple[FieldChange, ...]  # the parent's own columns
    relationship: FieldChange | None  # of an existing link


@dataclass(frozen=True, slots=True)
class ImportRow:
    kind: RowKind
    file: str
    line: int
    record: StudentRecord
    student_id: uuid.UUID | None = None  # matched, or the id a NEW row gets
    version: int | None = None  # the matched student's version when planned
    changes: tuple[FieldChange, ...] = ()
    problems: tuple[Problem, ...] = ()
    parents: tuple[ParentStep, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceSchool:
    """A school of the student information system that the file names."""

    id: str
    name: str
    rows: int


@dataclass(frozen=True, slots=True)
class MissingStudent:
    """An active student of the school that a full roster does not list."""

    id: uuid.UUID
    version: int
    first_name: str
    last_name: str
    grade: int
    username: str


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """The figures the preview and the command line show."""

    new: int
    update: int
    unchanged: int
    error: int
    skipped: int
    missing: int
    passwords_ignored: int
    rows_read: int
    other_rows: int
    file_problems: int


@dataclass(slots=True)
class ImportPlan:
    """Everything ``apply_import`` needs, as the preview showed it."""

    school_id: uuid.UUID
    format: RosterFormat
    full: bool
    rows: list[ImportRow]
    problems: list[Problem]  # about the whole file
    source_schools: tuple[SourceSchool, ...]
    chosen_schools: frozenset[str] | None
    missing: tuple[MissingStudent, ...]
    passwords_ignored: int
    rows_read: int
    other_rows: int
    # (layout signature, mapping as JSON) of a table file, kept on apply.
    mapping: tuple[str, Any] | None = None
    # Active students of the school when the preview was made.
    active_students: int = 0

    @property
    def needs_school_choice(self) -> bool:
        return len(self.source_schools) > 1 and self.chosen_schools is None

    @property
    def deactivates_many(self) -> bool:
        """Deactivating the missing would end more than half of the active plans."""
        return len(self.missing) * 2 > self.active_students

    def deactivation_refusal(self) -> str | None:
        """Why the missing students may not be deactivated, if they may not.

        A file whose students match nobody is the wrong file, or read with
        the wrong columns or school: deactivating "the others" would then end
        every plan of the school.
        """
        if self.problems:
            return QCoreApplication.translate(
                "RosterImport",
                "The file has problems (listed in the preview): no plan is "
                "deactivated from it.",
            )
        if not any(row.kind is not RowKind.SKIPPED for row in self.rows):
            return QCoreApplication.translate(
                "RosterImport",
                "The file lists no student of this school: no plan is "
                "deactivated from it.",
            )
        known = (RowKind.UPDATE, RowKind.UNCHANGED)
        if not any(row.kind in known for row in self.rows):
            return QCoreApplication.translate(
                "RosterImport",
                "No row of the file is a student of this school already: no "
                "plan is deactivated from it. Check the file and the school "
                "chosen.",
            )
        return None

    def counts(self) -> dict[RowKind, int]:
        found = Counter(row.kind for row in self.rows)
        return {kind: found[kind] for kind in RowKind}

    def summary(self) -> PlanSummary:
        counts = self.counts()
        return PlanSummary(
            new=counts[RowKind.NEW],
            update=counts[RowKind.UPDATE],
            unchanged=counts[RowKind.UNCHANGED],
            error=counts[RowKind.ERROR],
            skipped=counts[RowKind.SKIPPED],
            missing=len(self.missing),
            passwords_ignored=self.passwords_ignored,
            rows_read=self.rows_read,
            other_rows=self.other_rows,
            file_problems=len(self.problems),
        )

    def error_problems(self) -> list[Problem]:
        """The file's problems, then every problem of the rows refused, in order."""
        return self.problems + [
            problem
            for row in self.rows
            if row.kind is RowKind.ERROR
            for problem in row.problems
        ]


# --- labels ---------------------------------------------------------------


def change_label(name: str) -> str:
    """The translated name of a FieldChange's field."""
    if name == "source_id":
        return QCoreApplication.translate("RosterImport", "Id in the school system")
    if name == "parent":
        return QCoreApplication.translate("RosterImport", "Parent")
    if name == "parent.relationship":
        return QCoreApplication.translate("RosterImport", "Relationship")
    if name.startswith("parent."):
        return QCoreApplication.translate("RosterImport", "Parent: {0}").format(
            change_label(name.removeprefix("parent."))
        )
    return field_label(name)


def value_text(value: Any, language: str) -> str:
    """A planned value as the preview shows it."""
    if value is None:
        return ""
    if isinstance(value, Gender):
        return gender_label(value)
    if isinstance(value, Language):
        return language_label(value)
    if isinstance(value, PlanStatus):
        return plan_status_label(value)
    if isinstance(value, dt.date):
        return format_date(value, language, "medium")
    return str(value)


def shown_value(value: str | None) -> str:
    """A value of the file as a report quotes it: a long one is cut, with
    its length said (a 5,000-character cell must not fill the report)."""
    value = value or ""
    if len(value) <= SHOWN_VALUE_LENGTH:
        return f'"{value}"'
    return f'"{value[: SHOWN_VALUE_LENGTH - 1]}…" ' + QCoreApplication.translate(
        "RosterImport", "({0} characters)"
    ).format(len(value))


def problem_text(problem: Problem, row: ImportRow | None = None) -> str:
    """``Email "x@": x@ is not an email address.``, with the file and line
    when they are not the row's own (a problem found in another file)."""
    text = problem.message
    if problem.column is not None:
        text = f"{problem.column} {shown_value(problem.value)}: {text}"
    if row is not None and (problem.file, problem.line) != (row.file, row.line):
        place = problem.file + (f":{problem.line}" if problem.line else "")
        text = f"{place}: {text}"
    return text


def describe_changes(row: ImportRow, language: str) -> str:
    """``Grade: 9 → 10; Email: a@b.org``, or the problems of a refused row.

    A new student's row shows the username and grade the student gets.
    """
    if row.kind in (RowKind.ERROR, RowKind.SKIPPED):
        return " ".join(problem_text(problem, row) for problem in row.problems)
    changes = row.changes
    if row.kind is RowKind.NEW:
        changes = tuple(c for c in changes if c.field in ("username", "grade"))
    parts = []
    for change in changes:
        label = change_label(change.field)
        old, new = value_text(change.old, language), value_text(change.new, language)
        parts.append(f"{label}: {old} → {new}" if old else f"{label}: {new}")
    return "; ".join(parts)


# --- planning ---------------------------------------------------------------


@dataclass(slots=True)
class _Known:
    """A student as stored: the values an import compares."""

    id: uuid.UUID
    version: int
    values: dict[str, Any]
    plan_status: PlanStatus


@dataclass(slots=True)
class _ParentState:
    """A parent as it will be once the rows planned so far are applied."""

    id: uuid.UUID
    version: int | None
    values: dict[str, Any]
    created: bool = False


@dataclass(slots=True)
class _School:
    """What the planner reads of the database, once."""

    school_id: uuid.UUID
    school_names: dict[uuid.UUID, str]
    by_source: dict[str, _Known]
    by_number: dict[str, _Known]
    by_username: dict[str, _Known]
    by_id: dict[uuid.UUID, _Known]
    # username key → (school of the student, or None for staff)
    usernames: dict[str, uuid.UUID | None]
    # student number → school, for students of the board's other schools
    board_numbers: dict[str, uuid.UUID]
    parents: dict[uuid.UUID, _ParentState]
    parents_by_source: dict[str, _ParentState]
    parents_by_email: dict[str, _ParentState]
    # student → parent → (link id, version, relationship, removed)
    links: dict[uuid.UUID, dict[uuid.UUID, tuple[uuid.UUID, int, str, bool]]]


def plan_import(
    db: Database,
    actor: Actor,
    roster: Roster,
    *,
    source_schools: frozenset[str] | None = None,
    mapping: tuple[str, Any] | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Say what importing ``roster`` into the actor's school would do.

    ``source_schools`` chooses, in a file of several schools, whose rows to
    import. ``mapping`` is the (layout signature, mapping JSON) a table file
    was read with, which applying remembers for the school.
    """
    require(db, actor, Action.IMPORT_ROSTER)
    today = today or dt.date.today()
    with db.read() as session, gc_paused():
        known = _read_school(session, actor.school_id)
        planner = _Planner(session, actor, roster, known, source_schools, today)
        rows = planner.plan_rows()
    counts = Counter(row.kind for row in rows)
    log.info(
        "import planned by staff %s: %d rows (%s)",
        actor.staff_id,
        len(rows),
        ", ".join(f"{kind.value} {counts[kind]}" for kind in RowKind),
    )
    return ImportPlan(
        school_id=actor.school_id,
        format=roster.format,
        full=roster.full,
        rows=rows,
        problems=list(roster.problems) + planner.file_problems,
        source_schools=planner.source_schools,
        chosen_schools=source_schools,
        missing=planner.missing(rows) if roster.full else (),
        passwords_ignored=planner.passwords_ignored(rows),
        rows_read=roster.rows_read,
        other_rows=roster.other_rows,
        mapping=mapping if roster.format is RosterFormat.TABLE else None,
        active_students=sum(
            known.plan_status is PlanStatus.ACTIVE for known in known.by_id.values()
        ),
    )


def remembered_mapping(db: Database, actor: Actor, signature: str) -> Any:
    """The mapping (as JSON) the school last imported this table layout with."""
    require(db, actor, Action.IMPORT_ROSTER)
    with db.read() as session:
        return session.scalar(
            select(SchoolSetting.value).where(
                SchoolSetting.school_id == actor.school_id,
                SchoolSetting.key == MAPPING_SETTING_PREFIX + signature,
                SchoolSetting.deleted_at.is_(None),
            )
        )


@dataclass(frozen=True, slots=True)
class ReadInput:
    """A file read for an import, and the column mapping a table used."""

    roster: Roster
    table: Table | None = None  # the students' sheet of a table file
    signature: str | None = None  # its layout_signature
    mapping: ColumnMapping | None = None

    def mapping_to_remember(self) -> tuple[str, Any] | None:
        if self.signature is None or self.mapping is None:
            return None
        return self.signature, self.mapping.to_json()


def read_for_import(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    mapping: ColumnMapping | None = None,
    date_order: DateOrder | None = None,
) -> ReadInput:
    """Read ``path``; a table file with ``mapping``, else with the mapping the
    school used last for the same layout, else with the suggested one.

    Raises RosterError if the input cannot be read at all.
    """
    require(db, actor, Action.IMPORT_ROSTER)
    roster = read_roster(path, mapping=mapping, date_order=date_order)
    if roster.format is not RosterFormat.TABLE:
        return ReadInput(roster)
    table = read_tables(path)[0]
    signature = layout_signature(table)
    if mapping is None:
        saved = remembered_mapping(db, actor, signature)
        if saved is not None:
            try:
                mapping = ColumnMapping.from_json(saved)
            except ValueError:
                log.warning(
                    "the remembered mapping of layout %s is unusable", signature
                )
        if mapping is not None:
            roster = read_roster(path, mapping=mapping, date_order=date_order)
        else:
            mapping = suggest_mapping(table)
    if date_order is not None:
        mapping = dataclasses.replace(mapping, date_order=date_order)
    return ReadInput(roster, table, signature, mapping)


def _read_school(session: Session, school_id: uuid.UUID) -> _School:
    school = session.get_one(School, school_id)
    school_names = dict(
        session.execute(
            select(School.id, School.name).where(School.board_id == school.board_id)
        ).all()
    )
    students = Student.__table__.c
    by_source: dict[str, _Known] = {}
    by_number: dict[str, _Known] = {}
    by_username: dict[str, _Known] = {}
    by_id: dict[uuid.UUID, _Known] = {}
    for row in session.execute(
        select(
            students.id,
            students.version,
            students.plan_status,
            *(students[name] for name in STUDENT_FIELDS),
        ).where(students.school_id == school_id, students.deleted_at.is_(None))
    ):
        values = {name: row._mapping[name] for name in STUDENT_FIELDS}
        known = _Known(row.id, row.version, values, row.plan_status)
        by_id[row.id] = known
        by_username[values["username"].casefold()] = known
        if values["source_id"]:
            by_source.setdefault(values["source_id"], known)
        if values["student_number"]:
            by_number[values["student_number"]] = known

    usernames: dict[str, uuid.UUID | None] = dict(
        session.execute(select(Student.username_key, Student.school_id)).all()
    )
    usernames.update((key, None) for key in session.scalars(select(Staff.username_key)))
    board_numbers = {
        number: school
        for number, school in session.execute(
            select(Student.student_number, Student.school_id).where(
                Student.school_id.in_(set(school_names) - {school_id}),
                Student.student_number.is_not(None),
                Student.deleted_at.is_(None),
            )
        )
        if number is not None
    }

    parents: dict[uuid.UUID, _ParentState] = {}
    parents_by_source: dict[str, _ParentState] = {}
    parents_by_email: dict[str, _ParentState] = {}
    columns = Parent.__table__.c
    for row in session.execute(
        select(
            columns.id, columns.version, *(columns[name] for name in PARENT_FIELDS)
        ).where(columns.school_id == school_id, columns.deleted_at.is_(None))
    ):
        state = _ParentState(
            row.id, row.version, {name: row._mapping[name] for name in PARENT_FIELDS}
        )
        parents[row.id] = state
        if state.values["source_id"]:
            parents_by_source.setdefault(state.values["source_id"], state)
        if state.values["email"]:
            parents_by_email.setdefault(state.values["email"].casefold(), state)
    links: dict[uuid.UUID, dict[uuid.UUID, tuple[uuid.UUID, int, str, bool]]] = {}
    for link in session.execute(
        select(
            ParentLink.id,
            ParentLink.version,
            ParentLink.parent_id,
            ParentLink.student_id,
            ParentLink.relationship,
            ParentLink.deleted_at,
        ).where(
            ParentLink.parent_id.in_(
                select(columns.id).where(columns.school_id == school_id)
            )
        )
    ):
        links.setdefault(link.student_id, {})[link.parent_id] = (
            link.id,
            link.version,
            link.relationship,
            link.deleted_at is not None,
        )
    return _School(
        school_id,
        school_names,
        by_source,
        by_number,
        by_username,
        by_id,
        usernames,
        board_numbers,
        parents,
        parents_by_source,
        parents_by_email,
        links,
    )


def _length(model: type[Record], name: str) -> int:
    length = model.__table__.c[name].type.length  # type: ignore[attr-defined]
    assert isinstance(length, int)
    return length


class _Planner:
    """Plans the rows of one roster, in file order."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        roster: Roster,
        known: _School,
        chosen: frozenset[str] | None,
        today: dt.date,
    ) -> None:
        self.session = session
        self.actor = actor
        self.roster = roster
        self.known = known
        self.chosen = chosen
        self.today = today
        self.file_problems: list[Problem] = []
        self.source_schools = self._source_schools()
        # Keys already claimed by an earlier row: value → its line.
        self.seen_source: dict[str, int] = {}
        self.seen_number: dict[str, int] = {}
        self.seen_username: dict[str, int] = {}
        self.matched: dict[uuid.UUID, int] = {}
        # Rows and students without any id, by folded names and birth date.
        self.seen_person: dict[tuple[str, str, dt.date | None], int] = {}
        self.by_person: dict[tuple[str, str, dt.date | None], list[_Known]] | None = (
            None
        )
        # Usernames of the board and of the file, and those made up so far:
        # a made-up username avoids them all. One set, kept up to date, so
        # that 20,000 rows of one name cost 20,000 lookups, not 20,000 sets.
        self.taken = set(known.usernames)
        self.taken.update(
            record.username.casefold() for record in roster.students if record.username
        )
        # The next number to try after a stem ("jroy" → 3 once jroy2 is made).
        self.next_number: dict[str, int] = {}
        self.lengths = {name: _length(Student, name) for name in _TEXT_FIELDS}
        self.parent_lengths = {
            name: _length(Parent, name) for name in _PARENT_TEXT_FIELDS
        } | {"relationship": _length(ParentLink, "relationship")}

    def _source_schools(self) -> tuple[SourceSchool, ...]:
        counts = Counter(record.school_source_id for record in self.roster.students)
        ids = list(self.roster.source_schools) + [
            school
            for school in counts
            if school and school not in self.roster.source_schools
        ]
        schools = tuple(
            SourceSchool(
                school, self.roster.source_schools.get(school, ""), counts[school]
            )
            for school in ids
            if counts[school]
        )
        if len(schools) > 1 and self.chosen is None:
            listed = ", ".join(
                QCoreApplication.translate(
                    "RosterImport", "{0} ({1}, rows: {2})"
                ).format(school.id, school.name, school.rows)
                for school in schools
            )
            first = self.roster.students[0].file if self.roster.students else ""
            self.file_problems.append(
                Problem(
                    first,
                    None,
                    None,
                    None,
                    QCoreApplication.translate(
                        "RosterImport",
                        "The file lists students of {0} schools: {1}. Choose the "
                        "school or schools to import into this school.",
                    ).format(len(schools), listed),
                )
            )
        return schools

    def passwords_ignored(self, rows: list[ImportRow]) -> int:
        """Passwords of the rows imported; of all rows while a school is to
        choose (the rows of schools left out are not imported at all)."""
        if len(self.source_schools) > 1 and self.chosen is None:
            return self.roster.passwords_ignored
        return sum(
            row.record.had_password for row in rows if row.kind is not RowKind.SKIPPED
        )

    def plan_rows(self) -> list[ImportRow]:
        return [self._plan(record) for record in self.roster.students]

    def missing(self, rows: list[ImportRow]) -> tuple[MissingStudent, ...]:
        """Active students no row matched (none while a school is to choose)."""
        if len(self.source_schools) > 1 and self.chosen is None:
            return ()
        out = [
            MissingStudent(
                known.id,
                known.version,
                known.values["first_name"],
                known.values["last_name"],
                known.values["grade"],
                known.values["username"],
            )
            for known in self.known.by_id.values()
            if known.plan_status is PlanStatus.ACTIVE and known.id not in self.matched
        ]
        out.sort(key=lambda m: (fold(m.last_name), fold(m.first_name), m.username))
        return tuple(out)

    # -- one row

    def _plan(self, record: StudentRecord) -> ImportRow:
        skipped = self._skipped_school(record)
        if skipped is not None:
            return self._row(RowKind.SKIPPED, record, problems=(skipped,))

        duplicate = self._duplicate(record)
        if duplicate is not None:
            return self._row(RowKind.ERROR, record, problems=(duplicate,))

        known = self._match(record)
        if not (record.source_id or record.student_number or record.username):
            found = self._same_person(record)
            if len(found) > 1:
                return self._row(
                    RowKind.ERROR,
                    record,
                    problems=(
                        self._problem(
                            record,
                            None,
                            None,
                            QCoreApplication.translate(
                                "RosterImport",
                                "Several students of this school have this name "
                                "and birth date, and the row has no id, student "
                                "number or username to tell which.",
                            ),
                        ),
                    ),
                )
            known = found[0] if found else None
        elif known is None and record.birth_date is not None:
            # A student imported from names and birth dates alone, now
            # listed with an id or number: the same student, who gets them.
            found = [
                other
                for other in self._same_person(record)
                if not (other.values["source_id"] or other.values["student_number"])
            ]
            if len(found) > 1:
                return self._row(
                    RowKind.ERROR,
                    record,
                    problems=(
                        self._problem(
                            record,
                            None,
                            None,
                            QCoreApplication.translate(
                                "RosterImport",
                                "Several students of this school have this name "
                                "and birth date and no id or student number yet: "
                                "CAMS cannot tell which one this row is.",
                            ),
                        ),
                    ),
                )
            known = found[0] if found else None
        if known is not None and known.id in self.matched:
            return self._row(
                RowKind.ERROR,
                record,
                student_id=known.id,
                problems=(
                    self._problem(
                        record,
                        None,
                        None,
                        QCoreApplication.translate(
                            "RosterImport",
                            "This row is the same student as line {0}.",
                        ).format(self.matched[known.id]),
                    ),
                ),
            )
        if known is not None:
            self.matched[known.id] = record.line
        if record.problems:
            return self._row(
                RowKind.ERROR,
                record,
                student_id=known.id if known else None,
                problems=record.problems,
            )
        if known is None and (record.to_delete or record.active is False):
            return self._row(
                RowKind.SKIPPED,
                record,
                problems=(
                    self._problem(
                        record,
                        None,
                        None,
                        QCoreApplication.translate(
                            "RosterImport",
                            "Not imported: the file marks this student as gone "
                            "and CAMS has no such student.",
                        ),
                    ),
                ),
            )

        problems = self._problems(record, known)
        if problems:
            return self._row(
                RowKind.ERROR,
                record,
                student_id=known.id if known else None,
                problems=tuple(problems),
            )
        if known is None:
            return self._new_row(record)
        return self._update_row(record, known)

    def _row(
        self,
        kind: RowKind,
        record: StudentRecord,
        *,
        student_id: uuid.UUID | None = None,
        version: int | None = None,
        changes: tuple[FieldChange, ...] = (),
        problems: tuple[Problem, ...] = (),
        parents: tuple[ParentStep, ...] = (),
    ) -> ImportRow:
        return ImportRow(
            kind,
            record.file,
            record.line,
            record,
            student_id,
            version,
            changes,
            problems,
            parents,
        )

    def _problem(
        self,
        record: StudentRecord,
        name: str | None,
        value: object,
        message: str,
    ) -> Problem:
        return Problem(
            record.file,
            record.line,
            None if name is None else change_label(name),
            None if value is None else str(value),
            message,
        )

    def _skipped_school(self, record: StudentRecord) -> Problem | None:
        school = record.school_source_id
        if len(self.source_schools) < 2 and self.chosen is None:
            return None
        if school is None or (self.chosen is not None and school in self.chosen):
            return None
        name = self.roster.source_schools.get(school, "")
        return self._problem(
            record,
            None,
            None,
            QCoreApplication.translate(
                "RosterImport",
                "Left out: this student is in school {0} ({1}), which was not "
                "chosen for this import.",
            ).format(school, name),
        )

    def _duplicate(self, record: StudentRecord) -> Problem | None:
        """The later of two rows naming the same student is refused."""
        keys = (
            ("source_id", record.source_id, self.seen_source),
            ("student_number", record.student_number, self.seen_number),
            (
                "username",
                record.username.casefold() if record.username else None,
                self.seen_username,
            ),
        )
        if not any(value for _, value, _ in keys):
            person = (*_person(record.first_name, record.last_name), record.birth_date)
            if person in self.seen_person:
                return self._problem(
                    record,
                    None,
                    None,
                    QCoreApplication.translate(
                        "RosterImport",
                        "Line {0} has the same name and birth date, and neither "
                        "row has an id, student number or username; only the "
                        "first of the two rows can be imported.",
                    ).format(self.seen_person[person]),
                )
            self.seen_person[person] = record.line
            return None
        for name, value, seen in keys:
            if value is not None and value in seen:
                return self._problem(
                    record,
                    name,
                    getattr(record, name),
                    QCoreApplication.translate(
                        "RosterImport",
                        "Line {0} has the same value; only the first of the two "
                        "rows can be imported.",
                    ).format(seen[value]),
                )
        for _, value, seen in keys:
            if value is not None:
                seen[value] = record.line
        return None

    def _match(self, record: StudentRecord) -> _Known | None:
        """By source id, else student number, else username (any case)."""
        known = self.known
        if record.source_id and record.source_id in known.by_source:
            return known.by_source[record.source_id]
        if record.student_number and record.student_number in known.by_number:
            return known.by_number[record.student_number]
        if record.username:
            return known.by_username.get(record.username.casefold())
        return None

    def _same_person(self, record: StudentRecord) -> list[_Known]:
        """Students with the row's names and birth date, for a row with no id,
        student number or username (so that importing it again adds no one)."""
        if self.by_person is None:
            self.by_person = {}
            for known in self.known.by_id.values():
                values = known.values
                key = _person(values["first_name"], values["last_name"])
                self.by_person.setdefault((*key, values["birth_date"]), []).append(
                    known
                )
        key = _person(record.first_name, record.last_name)
        return self.by_person.get((*key, record.birth_date), [])

    # -- validation

    def _problems(self, record: StudentRecord, known: _Known | None) -> list[Problem]:
        problems: list[Problem] = []
        too_long: set[str] = set()
        for name in _TEXT_FIELDS:
            value = getattr(record, name)
            if value is not None and len(value) > self.lengths[name]:
                too_long.add(name)
                problems.append(
                    self._problem(
                        record,
                        name,
                        value,
                        QCoreApplication.translate(
                            "Students", "{0} is longer than {1} characters."
                        ).format(change_label(name), self.lengths[name]),
                    )
                )

        if not (_plain(record.first_name) and _plain(record.last_name)):
            for name, message in name_errors(
                record.first_name, record.last_name
            ).items():
                if name not in too_long:
                    problems.append(
                        self._problem(record, name, getattr(record, name), message)
                    )
        for name in ("source_id", "student_number"):
            value = getattr(record, name)
            if (
                value
                and name not in too_long
                and not value.isprintable()
                and (bad := unsafe_character(value))
            ):
                problems.append(
                    self._problem(
                        record,
                        name,
                        value,
                        QCoreApplication.translate(
                            "Students",
                            "{0} contains a character that cannot be stored ({1}).",
                        ).format(change_label(name), code_point(bad)),
                    )
                )
        email = record.email
        if (
            email
            and "email" not in too_long
            # What email_error checks, without its cost for the usual address.
            and not (EMAIL_PATTERN.match(email) and email.isprintable())
        ):
            refused = email_error(email)
            if refused:
                problems.append(self._problem(record, "email", record.email, refused))

        if record.grade is None and known is None:
            problems.append(
                self._problem(
                    record,
                    "grade",
                    None,
                    QCoreApplication.translate(
                        "RosterImport", "The grade is missing; a new student needs one."
                    ),
                )
            )
        elif record.grade is not None and record.grade not in GRADES:
            problems.append(
                self._problem(
                    record,
                    "grade",
                    record.grade,
                    QCoreApplication.translate(
                        "Students", "The grade must be between 1 and 12."
                    ),
                )
            )
        problems.extend(self._date_problems(record, known))

        if record.username and "username" not in too_long:
            problems.extend(self._username_problems(record, known))
        number = record.student_number
        if number and "student_number" not in too_long:
            owner = self.known.by_number.get(number)
            other_school = self.known.board_numbers.get(number)
            if owner is not None and (known is None or owner.id != known.id):
                message = QCoreApplication.translate(
                    "Students",
                    "Another student of this school has the student number {0}.",
                ).format(number)
                problems.append(
                    self._problem(record, "student_number", number, message)
                )
            elif known is None and other_school is not None:
                problems.append(
                    self._problem(
                        record,
                        "student_number",
                        number,
                        QCoreApplication.translate(
                            "RosterImport",
                            "The student number {0} belongs to a student of another "
                            "school of the board ({1}).",
                        ).format(number, self.known.school_names.get(other_school, "")),
                    )
                )
        if record.source_id and known is not None and "source_id" not in too_long:
            owner = self.known.by_source.get(record.source_id)
            if owner is not None and owner.id != known.id:
                problems.append(
                    self._problem(
                        record,
                        "source_id",
                        record.source_id,
                        QCoreApplication.translate(
                            "RosterImport",
                            "Another student of this school has this id ({0} {1}).",
                        ).format(owner.values["first_name"], owner.values["last_name"]),
                    )
                )
        for number_, parent in enumerate(record.parents, start=1):
            problems.extend(self._parent_problems(record, number_, parent))
        return problems

    def _date_problems(
        self, record: StudentRecord, known: _Known | None
    ) -> list[Problem]:
        """The birth date and graduation rules of the profile (students.validate)."""
        problems: list[Problem] = []
        born = record.birth_date
        if born is not None and born >= self.today:
            problems.append(
                self._problem(
                    record,
                    "birth_date",
                    born.isoformat(),
                    QCoreApplication.translate(
                        "Students", "The birth date must be in the past."
                    ),
                )
            )
        elif born is not None and born < OLDEST_BIRTH_DATE:
            problems.append(
                self._problem(
                    record,
                    "birth_date",
                    born.isoformat(),
                    QCoreApplication.translate(
                        "Students", "The birth date is before 1900."
                    ),
                )
            )
        graduation = record.expected_graduation
        if born is None and known is not None:
            born = known.values["birth_date"]
        latest = self.today.year + GRADUATION_YEARS[1]
        if graduation is not None and not (
            GRADUATION_YEARS[0] <= graduation.year <= latest
        ):
            problems.append(
                self._problem(
                    record,
                    "expected_graduation",
                    graduation.isoformat(),
                    QCoreApplication.translate(
                        "Students",
                        "The expected graduation year must be between {0} and {1}.",
                    ).format(GRADUATION_YEARS[0], latest),
                )
            )
        elif graduation is not None and born is not None and graduation <= born:
            problems.append(
                self._problem(
                    record,
                    "expected_graduation",
                    graduation.isoformat(),
                    QCoreApplication.translate(
                        "Students",
                        "The expected graduation date must come after the birth date.",
                    ),
                )
            )
        return problems

    def _username_problems(
        self, record: StudentRecord, known: _Known | None
    ) -> list[Problem]:
        username = record.username or ""
        if not STUDENT_USERNAME_PATTERN.match(username):
            # Refused by its form alone: username_error says why without a query.
            message, _ = username_error(self.session, username, student=True)
            return [self._problem(record, "username", username, message or "")]
        key = username.casefold()
        if key not in self.known.usernames:
            return []
        owner_school = self.known.usernames[key]
        mine = self.known.by_username.get(key)
        if mine is not None and known is not None and mine.id == known.id:
            return []
        if owner_school is None:
            message = QCoreApplication.translate(
                "RosterImport", "The username {0} belongs to a staff member."
            ).format(username)
        elif owner_school != self.known.school_id:
            message = QCoreApplication.translate(
                "RosterImport",
                "The username {0} belongs to a student of another school of the "
                "board ({1}).",
            ).format(username, self.known.school_names.get(owner_school, ""))
        elif mine is not None:
            message = QCoreApplication.translate(
                "RosterImport",
                "The username {0} belongs to another student of this school ({1} {2}).",
            ).format(username, mine.values["first_name"], mine.values["last_name"])
        else:
            message = QCoreApplication.translate(
                "RosterImport", "The username {0} is already taken."
            ).format(username)
        return [self._problem(record, "username", username, message)]

    def _parent_problems(
        self, record: StudentRecord, number: int, parent: ParentRecord
    ) -> list[Problem]:
        messages: list[tuple[str, object, str]] = []
        too_long: set[str] = set()
        for name in (*_PARENT_TEXT_FIELDS, "relationship"):
            value = getattr(parent, name)
            if value is not None and len(value) > self.parent_lengths[name]:
                too_long.add(name)
                messages.append(
                    (
                        name,
                        value,
                        QCoreApplication.translate(
                            "Students", "{0} is longer than {1} characters."
                        ).format(change_label(name), self.parent_lengths[name]),
                    )
                )
        for name, message in name_errors(parent.first_name, parent.last_name).items():
            if name not in too_long:
                messages.append((name, getattr(parent, name), message))
        if parent.email and "email" not in too_long:
            problem = email_error(parent.email)
            if problem:
                messages.append(("email", parent.email, problem))
        for name in ("source_id", "phone", "relationship"):
            value = getattr(parent, name)
            if (
                value
                and name not in too_long
                and not value.isprintable()
                and (bad := unsafe_character(value))
            ):
                messages.append(
                    (
                        name,
                        value,
                        QCoreApplication.translate(
                            "Students",
                            "{0} contains a character that cannot be stored ({1}).",
                        ).format(change_label(name), code_point(bad)),
                    )
                )
        return [
            self._problem(
                record,
                "parent." + name,
                value,
                QCoreApplication.translate("Students", "Parent {0}: {1}").format(
                    number, message
                ),
            )
            for name, value, message in messages
        ]

    # -- rows that write

    def _new_row(self, record: StudentRecord) -> ImportRow:
        username = record.username or self._made_up_username(record)
        self.taken.add(username.casefold())
        values: dict[str, Any] = {
            name: getattr(record, name) for name in STUDENT_FIELDS
        }
        values["username"] = username
        values["gender"] = record.gender or Gender.UNSPECIFIED
        values["preferred_language"] = record.preferred_language or Language.FRENCH
        changes = [
            FieldChange(name, None, values[name])
            for name in STUDENT_FIELDS
            if values[name] is not None
        ]
        student_id = new_id()
        steps = self._parent_steps(record, student_id, None)
        changes.extend(_parent_changes(steps))
        return self._row(
            RowKind.NEW,
            record,
            student_id=student_id,
            changes=tuple(changes),
            parents=steps,
        )

    def _made_up_username(self, record: StudentRecord) -> str:
        """First initial and last name; a number after it when that is taken.

        Always a valid username: a name that folds to fewer than three
        letters or digits (emoji, Arabic or Chinese letters) gives eleve2,
        eleve3…
        """
        wanted = f"{record.first_name[:1]}{record.last_name}"
        base = re.sub(r"[^a-z0-9._-]", "", fold(wanted).replace(" ", ""))
        base = base.lstrip("._-")[:MADE_UP_STEM_LENGTH]
        if len(base) < 3:
            base = MADE_UP_FALLBACK
        elif base not in self.taken:
            return base
        # "jroy2" taken suggests "jroy3", not "jroy22".
        stem = re.sub(r"\d+$", "", base) or base
        number = self.next_number.get(stem, 2)
        while f"{stem}{number}" in self.taken:
            number += 1
        self.next_number[stem] = number + 1
        return f"{stem}{number}"

    def _update_row(self, record: StudentRecord, known: _Known) -> ImportRow:
        changes: list[FieldChange] = []
        for name in STUDENT_FIELDS:
            new = getattr(record, name)
            old = known.values[name]
            if new is not None and new != old:
                changes.append(FieldChange(name, old, new))
        status = known.plan_status
        if (record.to_delete or record.active is False) and status is PlanStatus.ACTIVE:
            changes.append(FieldChange("plan_status", status, PlanStatus.INACTIVE))
        elif record.active is True and status is PlanStatus.INACTIVE:
            changes.append(FieldChange("plan_status", status, PlanStatus.ACTIVE))
        if record.username and record.username != known.values["username"]:
            self.taken.add(record.username.casefold())
        steps = self._parent_steps(record, known.id, known)
        changes.extend(_parent_changes(steps))
        return self._row(
            RowKind.UPDATE if changes else RowKind.UNCHANGED,
            record,
            student_id=known.id,
            version=known.version,
            changes=tuple(changes),
            parents=steps,
        )

    def _parent_steps(
        self, record: StudentRecord, student_id: uuid.UUID, known: _Known | None
    ) -> tuple[ParentStep, ...]:
        links = self.known.links.get(student_id, {}) if known is not None else {}
        steps: list[ParentStep] = []
        for parent in record.parents:
            state = self._find_parent(parent, links)
            create = state is None
            if state is None:
                state = _ParentState(
                    new_id(),
                    None,
                    {name: getattr(parent, name) for name in PARENT_FIELDS}
                    | {
                        "preferred_language": parent.preferred_language
                        or Language.FRENCH
                    },
                    created=True,
                )
                self._remember_parent(state)
                changes: tuple[FieldChange, ...] = ()
            else:
                changes = self._parent_changes(state, parent)
            link = links.get(state.id)
            relationship = None
            if link is not None and not link[3] and link[2] != parent.relationship:
                relationship = FieldChange("relationship", link[2], parent.relationship)
            steps.append(
                ParentStep(
                    state.id,
                    parent,
                    create,
                    link is None or link[3],
                    None if link is None else link[0],
                    None if link is None else link[1],
                    state.version,
                    changes,
                    relationship,
                )
            )
        return tuple(steps)

    def _find_parent(
        self,
        parent: ParentRecord,
        links: dict[uuid.UUID, tuple[uuid.UUID, int, str, bool]],
    ) -> _ParentState | None:
        """By source id or email in the school; else a same-named parent of
        this very student (two parents who share a surname stay two)."""
        known = self.known
        if parent.source_id and parent.source_id in known.parents_by_source:
            return known.parents_by_source[parent.source_id]
        if parent.email and parent.email.casefold() in known.parents_by_email:
            return known.parents_by_email[parent.email.casefold()]
        if parent.source_id or parent.email:
            return None
        name = (fold(parent.first_name), fold(parent.last_name))
        for parent_id in links:
            state = known.parents.get(parent_id)
            if state is not None and name == (
                fold(state.values["first_name"]),
                fold(state.values["last_name"]),
            ):
                return state
        return None

    def _remember_parent(self, state: _ParentState) -> None:
        self.known.parents[state.id] = state
        if state.values["source_id"]:
            self.known.parents_by_source.setdefault(state.values["source_id"], state)
        if state.values["email"]:
            self.known.parents_by_email.setdefault(
                state.values["email"].casefold(), state
            )

    def _parent_changes(
        self, state: _ParentState, parent: ParentRecord
    ) -> tuple[FieldChange, ...]:
        """Changes of an existing parent; later rows compare with this row's."""
        changes = []
        for name in PARENT_FIELDS:
            new = getattr(parent, name)
            old = state.values[name]
            if new is None or new == old:
                continue
            if name == "email" and old is not None and new.casefold() == old.casefold():
                continue  # the address that found this parent, in another case
            changes.append(FieldChange(name, old, new))
            state.values[name] = new
        self._remember_parent(state)
        return tuple(changes)


_TEXT_FIELDS = (
    "source_id",
    "student_number",
    "username",
    "first_name",
    "last_name",
    "email",
)
_PARENT_TEXT_FIELDS = ("source_id", "first_name", "last_name", "email", "phone")


def _person(first_name: str, last_name: str) -> tuple[str, str]:
    return fold(first_name), fold(last_name)


def _plain(name: str) -> bool:
    """True for a name ``name_errors`` accepts, found without its translations.

    A printable string holds no control, format or surrogate character, the
    characters ``unsafe_character`` refuses; most rows of a file are plain.
    """
    return 0 < len(name) <= MAX_NAME_LENGTH and name.isprintable()


def _parent_changes(steps: Iterable[ParentStep]) -> list[FieldChange]:
    """What the preview shows of the rows' parent steps."""
    changes: list[FieldChange] = []
    for step in steps:
        name = f"{step.record.first_name} {step.record.last_name}"
        if step.link:
            changes.append(FieldChange("parent", None, name))
        changes.extend(
            FieldChange("parent." + change.field, change.old, change.new)
            for change in step.changes
        )
        if step.relationship is not None:
            changes.append(
                FieldChange(
                    "parent.relationship", step.relationship.old, step.relationship.new
                )
            )
    return changes
