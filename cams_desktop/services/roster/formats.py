"""Reading a roster: which format a file, folder or zip is, and its students.

The format is recognized by the files present: a OneRoster bundle has
manifest.csv; SDS v2.1 has users.csv and roles.csv without a manifest; SDS
v1 has Student.csv with SIS ID columns. Anything else is a table read
through a column mapping, the suggested one unless the user gave theirs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from cams_desktop.services.roster.mapping import (
    ColumnMapping,
    ParentColumns,
    TargetField,
    field_label,
    layout_signature,
    suggest_mapping,
)
from cams_desktop.services.roster.oneroster import read_bundle
from cams_desktop.services.roster.records import (
    DateOrder,
    Problem,
    Roster,
    RosterError,
    RosterFormat,
)
from cams_desktop.services.roster.sds import read_sds_v1, sds_v1_students
from cams_desktop.services.roster.sources import Source, Table, open_source
from cams_desktop.services.roster.table import read_table

__all__ = [
    "ColumnMapping",
    "ParentColumns",
    "TargetField",
    "detect_format",
    "field_label",
    "layout_signature",
    "read_roster",
    "read_tables",
    "suggest_mapping",
]

log = logging.getLogger(__name__)

# Files that are likely the student list of a folder of exports.
_STUDENT_WORDS = ("student", "eleve", "élève", "upload", "roster")


def read_roster(
    path: Path,
    *,
    mapping: ColumnMapping | None = None,
    date_order: DateOrder | None = None,
) -> Roster:
    """The students of a file, folder or zip; RosterError if it is unreadable.

    ``mapping`` only applies to tables (the other formats name their
    columns); ``date_order`` overrides what the dates themselves show.
    """
    source = open_source(path)
    roster = _read(source, mapping, date_order)
    log.info(
        "Roster read: format %s, %d rows, %d students, %d file problems",
        roster.format,
        roster.rows_read,
        len(roster.students),
        len(roster.problems),
    )
    return roster


def read_tables(path: Path) -> list[Table]:
    """The input's tables, the one students are read from first.

    The import wizard shows the first one's columns at the mapping step.
    Files of a folder or zip that cannot be read are left out, unless the
    students' table is one of them.
    """
    source = open_source(path)
    first = _main_table(source)
    tables = [first]
    for stem in source.stems():
        try:
            table = source.table(stem)
        except RosterError:
            continue
        if table is not None and table is not first:
            tables.append(table)
    return tables


def detect_format(source: Source) -> RosterFormat:
    """The format of an opened input, from the files it holds."""
    if source.has("manifest"):
        version = _manifest(source).get("oneroster.version", "")
        if version.startswith("1.2") or (not version and source.has("roles")):
            return RosterFormat.ONEROSTER_12
        return RosterFormat.ONEROSTER_11
    if source.has("users") and source.has("roles"):
        return RosterFormat.SDS_V21
    if sds_v1_students(source) is not None:
        return RosterFormat.SDS_V1
    if _oneroster_users(source):
        return RosterFormat.ONEROSTER_11
    return RosterFormat.TABLE


def _read(
    source: Source, mapping: ColumnMapping | None, date_order: DateOrder | None
) -> Roster:
    roster_format = detect_format(source)
    if roster_format in (RosterFormat.ONEROSTER_11, RosterFormat.ONEROSTER_12):
        return _read_oneroster(source, roster_format, date_order)
    if roster_format is RosterFormat.SDS_V21:
        return read_bundle(source, roster_format, full=True, date_order=date_order)
    if roster_format is RosterFormat.SDS_V1:
        students = sds_v1_students(source)
        if students is not None:
            return read_sds_v1(source, students, date_order)
    table = _students_table(source, mapping)
    return read_table(
        table,
        mapping or suggest_mapping(table),
        date_order=date_order,
        default_order=_documented_order(table),
    )


def _read_oneroster(
    source: Source, roster_format: RosterFormat, date_order: DateOrder | None
) -> Roster:
    """A bundle; its manifest says whether users.csv is whole (bulk) or a delta."""
    manifest = _manifest(source)
    users = manifest.get("file.users", "bulk" if source.has("users") else "absent")
    if users == "absent":
        roster = Roster(roster_format, full=False)
        roster.problems.append(
            Problem(
                "manifest.csv",
                None,
                "file.users",
                users,
                QCoreApplication.translate(
                    "Roster", "The manifest says that this bundle has no users."
                ),
            )
        )
        return roster
    return read_bundle(
        source, roster_format, full=users == "bulk", date_order=date_order
    )


def _manifest(source: Source) -> dict[str, str]:
    """Property name (lower case) → value (lower case) of manifest.csv."""
    table = source.table("manifest") if source.has("manifest") else None
    if table is None:
        return {}
    name, value = table.column("propertyName"), table.column("value")
    if name is None or value is None:
        return {}
    return {
        row[name].strip().casefold(): row[value].strip().casefold()
        for row in table.rows
    }


def _oneroster_users(source: Source) -> bool:
    """A users.csv with OneRoster's columns, without its manifest."""
    if not source.has("users"):
        return False
    users = source.table("users")
    return users is not None and all(
        users.column(name) is not None
        for name in ("sourcedId", "role", "givenName", "familyName")
    )


def _main_table(source: Source) -> Table:
    """The table the students are read from, whatever the format."""
    match detect_format(source):
        case RosterFormat.SDS_V1:
            table = sds_v1_students(source)
        case RosterFormat.TABLE:
            table = _students_table(source, None)
        case _:
            table = source.table("users")
    return table if table is not None else _students_table(source, None)


def _students_table(source: Source, mapping: ColumnMapping | None) -> Table:
    """The table whose rows are students: the first that the mapping fits.

    Without a mapping, the first whose suggested mapping finds first name,
    last name and grade; files named like a student list are tried first.
    """
    stems = sorted(
        source.stems(),
        key=lambda stem: not any(word in stem for word in _STUDENT_WORDS),
    )
    first: Table | None = None
    error: RosterError | None = None
    for stem in stems:
        try:
            table = source.table(stem)
        except RosterError as unreadable:
            error = error or unreadable
            continue
        if table is None:
            continue
        first = first or table
        if mapping is not None:
            if all(
                table.column(header) is not None for header in mapping.columns.values()
            ):
                return table
        elif not suggest_mapping(table).missing_required():
            return table
    if first is not None:
        return first
    if error is not None:
        raise error
    raise RosterError(
        Problem(
            source.name,
            None,
            None,
            None,
            QCoreApplication.translate(
                "Roster", "The folder holds no CSV or Excel file."
            ),
        )
    )


def _documented_order(table: Table) -> DateOrder | None:
    """SIS exports in the SDS layout (Contoso's) write dates month first."""
    if table.column("SIS ID") is not None and table.column("School SIS ID") is not None:
        return DateOrder.MONTH_FIRST
    return None
