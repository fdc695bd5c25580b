"""Microsoft School Data Sync v1 CSV files (Student.csv, School.csv…).

SDS v1 writes dates month first (4/2/2000 is April 2) and always sends
every student. Guardians come, when the school syncs them, in a
Guardianrelationship file keyed by the student's SIS ID.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from cams_desktop.services.roster.mapping import suggest_mapping
from cams_desktop.services.roster.records import (
    DateOrder,
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
)
from cams_desktop.services.roster.sources import Source, Table
from cams_desktop.services.roster.table import read_table

STUDENTS = "student"
SCHOOLS = "school"
GUARDIANS = ("guardianrelationship", "guardian", "guardians")


def sds_v1_students(source: Source) -> Table | None:
    """Student.csv with SDS's SIS ID columns (a plain students.csv is a table)."""
    students = source.table(STUDENTS) if source.has(STUDENTS) else None
    if students is None or students.column("SIS ID", "School SIS ID") is None:
        return None
    return students


def read_sds_v1(
    source: Source, students: Table, date_order: DateOrder | None
) -> Roster:
    roster = read_table(
        students,
        suggest_mapping(students),
        roster_format=RosterFormat.SDS_V1,
        date_order=date_order,
        default_order=DateOrder.MONTH_FIRST,
    )
    schools = source.table(SCHOOLS)
    if schools is not None:
        roster.source_schools.update(_school_names(schools))
    guardians = next(
        (table for stem in GUARDIANS if (table := source.table(stem)) is not None), None
    )
    if guardians is not None:
        _add_guardians(roster, guardians)
    return roster


def _school_names(schools: Table) -> dict[str, str]:
    key = schools.column("SIS ID")
    name = schools.column("Name", "School Name")
    if key is None:
        return {}
    found: dict[str, str] = {}
    for row in schools.rows:
        if school_id := row[key].strip():
            found[school_id] = (
                row[name].strip() if name is not None else ""
            ) or school_id
    return found


def _add_guardians(roster: Roster, guardians: Table) -> None:
    """Link each guardian row to the student of the same SIS ID."""
    student = guardians.column("SIS ID", "Student SIS ID")
    first = guardians.column("First Name")
    last = guardians.column("Last Name")
    if student is None or first is None or last is None:
        return
    email = guardians.column("Email")
    phone = guardians.column("Phone", "Mobile", "Cell")
    role = guardians.column("Role", "Relationship")
    parents: dict[str, list[ParentRecord]] = {}
    problems: dict[str, list[Problem]] = {}
    for row, line in zip(guardians.rows, guardians.lines, strict=True):
        student_id = row[student].strip()
        first_name, last_name = row[first].strip(), row[last].strip()
        if not (first_name and last_name):
            problems.setdefault(student_id, []).append(
                Problem(
                    guardians.name,
                    line,
                    guardians.header[last if first_name else first],
                    None,
                    QCoreApplication.translate(
                        "Roster", "A parent contact needs a first and a last name."
                    ),
                )
            )
            continue
        parents.setdefault(student_id, []).append(
            ParentRecord(
                source_id=None,
                first_name=first_name,
                last_name=last_name,
                email=(row[email].strip() or None) if email is not None else None,
                phone=(row[phone].strip() or None) if phone is not None else None,
                relationship=(row[role].strip() if role is not None else "")
                or "parent",
            )
        )
    roster.students = [
        dataclasses.replace(
            record,
            parents=record.parents + tuple(parents.get(record.source_id, ())),
            problems=record.problems + tuple(problems.get(record.source_id, ())),
        )
        if record.source_id in parents or record.source_id in problems
        else record
        for record in roster.students
    ]
