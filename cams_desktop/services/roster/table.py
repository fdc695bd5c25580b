"""Students from one table through a column mapping (any CSV or .xlsx).

This is also how an SDS v1 Student.csv is read: its columns are the ones a
Contoso SIS export has, which the mapping's synonyms recognize.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from cams_desktop.services.roster import values
from cams_desktop.services.roster.mapping import (
    ColumnMapping,
    ParentColumns,
    TargetField,
    field_label,
)
from cams_desktop.services.roster.records import (
    DateOrder,
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
    StudentRecord,
)
from cams_desktop.services.roster.sources import Table, header_key


def read_table(
    table: Table,
    mapping: ColumnMapping,
    *,
    roster_format: RosterFormat = RosterFormat.TABLE,
    date_order: DateOrder | None = None,
    default_order: DateOrder | None = None,
) -> Roster:
    """One student per row; file-level problems for columns that are missing.

    ``date_order`` is the user's choice (over the mapping's); without one
    the dates of each column decide, then ``default_order`` (the format's
    documented order), and a column whose dates stay ambiguous is reported.
    A table is taken to list every student: the planner only deactivates
    the others if the user asks to.
    """
    roster = Roster(roster_format, full=True, rows_read=len(table.rows))
    columns: dict[TargetField, int] = {}
    for target, header in mapping.columns.items():
        index = _find(table, header)
        if index is None:
            roster.problems.append(
                Problem(
                    table.name,
                    None,
                    header,
                    None,
                    QCoreApplication.translate(
                        "Roster", "This column is not in the file."
                    ),
                )
            )
        else:
            columns[target] = index
    roster.problems.extend(_duplicated(table, mapping))
    missing = [
        target
        for target in (TargetField.FIRST_NAME, TargetField.LAST_NAME, TargetField.GRADE)
        if target not in columns
    ]
    if missing:
        roster.problems.append(
            Problem(
                table.name,
                None,
                None,
                None,
                QCoreApplication.translate(
                    "Roster", "No column is chosen for: {0}."
                ).format(", ".join(field_label(target) for target in missing)),
            )
        )
        return roster

    order = date_order or mapping.date_order
    birth_dates = date_column(
        table,
        columns.get(TargetField.BIRTH_DATE),
        order,
        default_order,
        roster.problems,
    )
    graduations = date_column(
        table,
        columns.get(TargetField.GRADUATION),
        order,
        default_order,
        roster.problems,
        years=True,
    )
    parents = [_parent_indexes(table, parent) for parent in mapping.parents]
    _read_rows(table, columns, birth_dates, graduations, parents, roster)
    return roster


def _duplicated(table: Table, mapping: ColumnMapping) -> list[Problem]:
    """A column the mapping reads that the header has twice: which one is
    meant cannot be told, so neither is used silently."""
    used: list[str | None] = [*mapping.columns.values()]
    for parent in mapping.parents:
        used += [parent.first_name, parent.last_name, parent.email]
        used += [*parent.phones, parent.relationship]
    counts = Counter(header_key(text) for text in table.header)
    problems: list[Problem] = []
    reported: set[str] = set()
    for header in used:
        key = header_key(header) if header is not None else ""
        if key and counts[key] > 1 and key not in reported:
            reported.add(key)
            problems.append(
                Problem(
                    table.name,
                    None,
                    header,
                    None,
                    QCoreApplication.translate(
                        "Roster",
                        "This column is in the file more than once: keep only one "
                        "of them.",
                    ),
                )
            )
    return problems


def _find(table: Table, header: str) -> int | None:
    try:
        return table.header.index(header)
    except ValueError:
        return table.column(header)


def date_column(
    table: Table,
    index: int | None,
    order: DateOrder | None,
    default_order: DateOrder | None,
    problems: list[Problem],
    *,
    years: bool = False,
) -> values.DateColumn:
    """How to read the dates of a column, reporting a column that cannot say."""
    if index is None or order is not None:
        return values.DateColumn(order, years)
    header = table.header[index]
    found = values.detect_order({row[index] for row in table.rows})
    if found.conflicting:
        problems.append(
            Problem(
                table.name,
                None,
                header,
                None,
                QCoreApplication.translate(
                    "Roster",
                    "This column has dates written day first and others month "
                    "first: correct the file.",
                ),
            )
        )
        return values.DateColumn(None, years, conflicting=True)
    order = found.order or default_order
    if order is None and found.ambiguous:
        problems.append(
            Problem(
                table.name,
                None,
                header,
                None,
                QCoreApplication.translate(
                    "Roster",
                    "The dates of this column can be read day first or month "
                    "first: choose the date order.",
                ),
            )
        )
    return values.DateColumn(order, years)


class _ParentIndexes(NamedTuple):
    first_name: int | None
    last_name: int | None
    email: int | None
    phones: list[int]
    relationship: int | None


def _parent_indexes(table: Table, parent: ParentColumns) -> _ParentIndexes:
    def index(header: str | None) -> int | None:
        return None if header is None else _find(table, header)

    phones = [i for i in (index(phone) for phone in parent.phones) if i is not None]
    return _ParentIndexes(
        index(parent.first_name),
        index(parent.last_name),
        index(parent.email),
        phones,
        index(parent.relationship),
    )


def _read_rows(
    table: Table,
    columns: dict[TargetField, int],
    birth_dates: values.DateColumn,
    graduations: values.DateColumn,
    parent_columns: list[_ParentIndexes],
    roster: Roster,
) -> None:
    name = table.name
    header = table.header
    lines = table.lines
    row_problems = table.row_problems
    students = roster.students
    schools = roster.source_schools
    first_name = columns[TargetField.FIRST_NAME]
    last_name = columns[TargetField.LAST_NAME]
    grade_index = columns[TargetField.GRADE]
    optional = columns.get
    source_id = optional(TargetField.SOURCE_ID)
    student_number = optional(TargetField.STUDENT_NUMBER)
    username = optional(TargetField.USERNAME)
    email = optional(TargetField.EMAIL)
    school = optional(TargetField.SCHOOL_ID)
    school_name = optional(TargetField.SCHOOL_NAME)
    birth = optional(TargetField.BIRTH_DATE)
    graduation = optional(TargetField.GRADUATION)
    gender_index = optional(TargetField.GENDER)
    language_index = optional(TargetField.LANGUAGE)
    status = optional(TargetField.STATUS)
    password = optional(TargetField.PASSWORD)
    passwords = 0

    for position, row in enumerate(table.rows):
        line = lines[position]
        problems = row_problems.get(position, ())

        grade = None
        if text := row[grade_index].strip():
            grade = values.grade(text)
            if grade is None:
                problems += (
                    Problem(
                        name, line, header[grade_index], text, values.grade_problem()
                    ),
                )
        birth_date = None
        if birth is not None and (text := row[birth].strip()):
            birth_date, error = birth_dates.read(text)
            if error:
                problems += (Problem(name, line, header[birth], text, error),)
        expected_graduation = None
        if graduation is not None and (text := row[graduation].strip()):
            expected_graduation, error = graduations.read(text)
            if error:
                problems += (Problem(name, line, header[graduation], text, error),)
        gender = None
        if gender_index is not None and (text := row[gender_index].strip()):
            gender = values.gender(text)
            if gender is None:
                problems += (
                    Problem(
                        name, line, header[gender_index], text, values.gender_problem()
                    ),
                )
        language = None
        if language_index is not None and (text := row[language_index].strip()):
            language = values.language(text)
            if language is None:
                problems += (
                    Problem(
                        name,
                        line,
                        header[language_index],
                        text,
                        values.language_problem(),
                    ),
                )
        active = None
        if status is not None and (text := row[status].strip()):
            active = values.active(text)
            if active is None:
                problems += (
                    Problem(name, line, header[status], text, values.status_problem()),
                )
        school_id = None
        if school is not None and (school_id := row[school].strip() or None):
            if school_name is not None and (label := row[school_name].strip()):
                schools[school_id] = label
            elif school_id not in schools:
                schools[school_id] = school_id
        had_password = password is not None and row[password] != ""
        passwords += had_password
        parents: tuple[ParentRecord, ...] = ()
        if parent_columns:
            parents, parent_problems = _parents(row, line, parent_columns, name, header)
            problems += parent_problems

        students.append(
            StudentRecord(
                file=name,
                line=line,
                source_id=(row[source_id].strip() or None)
                if source_id is not None
                else None,
                student_number=(
                    (row[student_number].strip() or None)
                    if student_number is not None
                    else None
                ),
                username=(row[username].strip() or None)
                if username is not None
                else None,
                first_name=row[first_name].strip(),
                last_name=row[last_name].strip(),
                grade=grade,
                gender=gender,
                birth_date=birth_date,
                expected_graduation=expected_graduation,
                email=(row[email].strip() or None) if email is not None else None,
                preferred_language=language,
                school_source_id=school_id,
                active=active,
                parents=parents,
                had_password=had_password,
                problems=problems,
            )
        )
    roster.passwords_ignored += passwords


def _parents(
    row: list[str],
    line: int,
    parent_columns: list[_ParentIndexes],
    name: str,
    header: list[str],
) -> tuple[tuple[ParentRecord, ...], tuple[Problem, ...]]:
    """The parent contacts of a row: those with a name, or a problem."""

    def cell(index: int | None) -> str | None:
        return (row[index].strip() or None) if index is not None else None

    parents: list[ParentRecord] = []
    problems: list[Problem] = []
    for columns in parent_columns:
        first_name, last_name = cell(columns.first_name), cell(columns.last_name)
        email = cell(columns.email)
        phone = next((text for i in columns.phones if (text := row[i].strip())), None)
        if first_name and last_name:
            parents.append(
                ParentRecord(
                    source_id=None,
                    first_name=first_name,
                    last_name=last_name,
                    email=email,
                    phone=phone,
                    relationship=cell(columns.relationship) or "parent",
                )
            )
        elif first_name or last_name or email or phone:
            missing = columns.last_name if first_name else columns.first_name
            problems.append(
                Problem(
                    name,
                    line,
                    header[missing] if missing is not None else None,
                    None,
                    QCoreApplication.translate(
                        "Roster", "A parent contact needs a first and a last name."
                    ),
                )
            )
    return tuple(parents), tuple(problems)
