"""Who may read and write which rows on the server (F-91, SYNC.md rules 8 and 10).

Every synced row is *anchored* to what decides who sees it: a student (notes,
plans, caseload links...), a school (courses, staff, settings...), or a row
that is itself anchored (an assessment suggestion to its assessment result, a
message to its author). The anchor is found from the foreign keys of the local
schema, so a new table needs no entry here unless it has a rule of its own.

One SQL predicate per table (``visible_sql``) serves the row-level security
policy of direct reads, pull, counts and, as ``cams.sees_<table>(row)``, the
checks of push. It names the caller through ``session_user`` only
(``cams.viewer()``); nothing a desktop sends can widen it. Set-wide reads
use the predicate itself, not the function: PostgreSQL runs its subqueries
once per query there, but once per row inside a function.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from cams_desktop.db.school import AccessLevel
from cams_desktop.server.schema import SyncedTable, synced_tables

# Levels that see every student of their school (VIEW_ALL_STUDENTS in
# services.access.MATRIX); teachers and other staff see their caseload only.
SEES_ALL_STUDENTS = AccessLevel.SCHOOL_ADMIN

# Who may write a table at all: the highest access level allowed (1 has the
# most rights). Tables not listed: staff who work with students (levels 1-3).
WRITE_LEVEL: dict[str, AccessLevel] = {
    "boards": AccessLevel.PROGRAM_ADMIN,
    "schools": AccessLevel.PROGRAM_ADMIN,
    "usage_agreements": AccessLevel.PROGRAM_ADMIN,
    "school_settings": AccessLevel.PROGRAM_ADMIN,
    "readiness_requirements": AccessLevel.PROGRAM_ADMIN,
    "courses": AccessLevel.SCHOOL_ADMIN,
    "course_prerequisites": AccessLevel.SCHOOL_ADMIN,
    "counselling_topics": AccessLevel.SCHOOL_ADMIN,
    "custom_links": AccessLevel.SCHOOL_ADMIN,
    "special_contacts": AccessLevel.SCHOOL_ADMIN,
    "staff": AccessLevel.SCHOOL_ADMIN,
    "notes": AccessLevel.OTHER_STAFF,
    "caseload_assignments": AccessLevel.OTHER_STAFF,
    "saved_searches": AccessLevel.OTHER_STAFF,
    "report_configurations": AccessLevel.OTHER_STAFF,
}
DEFAULT_WRITE_LEVEL = AccessLevel.TEACHER

# Fields anyone who sees the row may change whatever their level: every
# staff member may reset a student's password (F-16).
LOW_LEVEL_FIELDS: dict[str, frozenset[str]] = {
    "students": frozenset({"password_hash"}),
}

# Rows only their author (or owner) writes, even an administrator.
AUTHOR_COLUMN: dict[str, str] = {
    "notes": "author_id",
    "counselling_log_entries": "author_id",
    "counselling_group_entries": "author_id",
    "assignments": "author_id",
    "messages": "author_id",
    "saved_searches": "owner_id",
    "report_configurations": "owner_id",
}

# Rows staff below SEES_ALL_STUDENTS write only for themselves (their own
# caseload, F-42); administrators write them for anyone.
OWN_COLUMN: dict[str, str] = {"caseload_assignments": "staff_id"}

# Staff records: an administrator manages staff of a lower level (the rank
# column); everyone edits these fields of their own record.
RANK_COLUMN: dict[str, str] = {"staff": "access_level"}
SELF_FIELDS: dict[str, frozenset[str]] = {
    "staff": frozenset(
        {
            "first_name",
            "last_name",
            "email",
            "preferred_language",
            "password_hash",
            "must_change_password",
            "failed_sign_ins",
            "last_failed_sign_in_at",
            "locked_until",
            "agreement_edition",
            "agreement_accepted_at",
            "last_sign_in_at",
        }
    ),
}

# Conflict policies of SYNC.md rule 8:
# - merge: field by field; on one field the later arrival wins, except the
#   sensitive fields below, where the first arrival stays and the second
#   becomes a conflict;
# - strict: field by field; two edits of one field are a conflict (course
#   lists and settings, kept by administrators);
# - author: only the author edits; an edit made from an older version than
#   the server's is stored as a conflict revision, never dropped;
# - insert_only: rows are never edited; deleting one retracts it.
POLICY: dict[str, str] = {
    "notes": "author",
    "counselling_log_entries": "author",
    "messages": "insert_only",
    "courses": "strict",
    "course_prerequisites": "strict",
    "school_settings": "strict",
    "readiness_requirements": "strict",
}
DEFAULT_POLICY = "merge"
SENSITIVE_FIELDS: dict[str, frozenset[str]] = {
    "students": frozenset({"first_name", "last_name", "birth_date"}),
}

# Link rows whose id is link_id(pair): two offline adds meet on one row, and a
# re-add after a removal wins (it undeletes the link).
LINK_TABLES = frozenset(
    {
        "caseload_assignments",
        "group_memberships",
        "parent_links",
        "course_prerequisites",
    }
)

# Rules on top of the anchor ({r} is the row), and the fields they read:
# private notes reach their author only; teachers see the parents of their
# own students only.
EXTRA_RULES: dict[str, tuple[str, frozenset[str]]] = {
    "notes": (
        "NOT {r}.is_private OR {r}.author_id = (SELECT cams.my_staff_id())",
        frozenset({"is_private", "author_id"}),
    ),
    "parents": (
        "(SELECT cams.sees_all_students()) OR {r}.id IN (SELECT pl.parent_id "
        "FROM cams.parent_links pl WHERE pl.student_id IN "
        "(SELECT cams.my_students()))",
        frozenset(),
    ),
}

# Secret columns pull shows only on the caller's own row (their own password
# hash, their own school's site account); direct reads never show them.
OWN_ROW: dict[str, str] = {
    "staff": "{r}.id = (SELECT cams.my_staff_id())",
    "schools": "{r}.id = (SELECT cams.my_school_id())",
}


@dataclass(frozen=True)
class Anchor:
    """The column deciding who sees a row, and the table it refers to."""

    column: str
    target: str


@functools.cache
def _by_name() -> dict[str, SyncedTable]:
    return {synced.name: synced for synced in synced_tables()}


def anchor(name: str) -> Anchor | None:
    """The column that decides who sees a row of ``name``, and what it refers to.

    A student first, then a school, then the first required reference; None
    for board-wide tables (usage agreements).
    """
    if name in {"students", "schools", "boards"}:
        return None
    refs = _by_name()[name].references()
    if refs.get("student_id") == "students":
        return Anchor("student_id", "students")
    if refs.get("school_id") == "schools":
        return Anchor("school_id", "schools")
    for column in _by_name()[name].columns:
        target = refs.get(column.name)
        if target is not None and not column.nullable and target != name:
            return Anchor(column.name, target)
    return None


def board_wide_tables() -> list[str]:
    """Tables every staff member of the board sees (usage agreements)."""
    return [
        synced.name
        for synced in synced_tables()
        if synced.name not in {"students", "schools", "boards"}
        and anchor(synced.name) is None
    ]


def visible_sql(name: str, alias: str, depth: int = 0, *, per_row: bool = False) -> str:
    """SQL that is true when the caller may see the row ``alias`` of ``name``.

    ``per_row``: for a check of one row at a time (push), which asks about
    its one student instead of listing every student the caller sees.
    """

    def sees(student: str) -> str:
        if per_row:
            return f"cams.sees_student({student})"
        return f"{student} IN (SELECT cams.my_students())"

    if name == "students":
        base = sees(f"{alias}.id")
    elif name == "schools":
        base = f"{alias}.board_id = (SELECT cams.my_board_id())"
    elif name == "boards":
        base = f"{alias}.id = (SELECT cams.my_board_id())"
    else:
        found = anchor(name)
        if found is None:
            base = "true"
        elif found.target == "students":
            base = sees(f"{alias}.{found.column}")
        elif found.target == "schools":
            base = f"{alias}.{found.column} = (SELECT cams.my_school_id())"
        else:
            parent = f"p{depth + 1}"
            base = (
                f"{alias}.{found.column} IN (SELECT {parent}.id FROM "
                f"cams.{found.target} {parent} WHERE "
                f"{visible_sql(found.target, parent, depth + 1, per_row=per_row)})"
            )
    extra = EXTRA_RULES.get(name)
    if extra is None:
        return base
    return f"({base}) AND ({extra[0].format(r=alias)})"


def student_sql(name: str, alias: str, depth: int = 0) -> str | None:
    """SQL giving the student a row of ``name`` belongs to, if any."""
    if name == "students":
        return f"{alias}.id"
    found = anchor(name)
    if found is None:
        return None
    if found.target == "students":
        return f"{alias}.{found.column}"
    parent = f"p{depth + 1}"
    inner = student_sql(found.target, parent, depth + 1)
    if inner is None:
        return None
    return (
        f"(SELECT {inner} FROM cams.{found.target} {parent} "
        f"WHERE {parent}.id = {alias}.{found.column})"
    )


def schools_sql(name: str, alias: str) -> str:
    """A query of the schools whose change log records a change of the row."""
    if name == "students":
        return f"SELECT {alias}.school_id"
    if name == "schools":
        return f"SELECT s.id FROM cams.schools s WHERE s.board_id = {alias}.board_id"
    if name == "boards":
        return f"SELECT s.id FROM cams.schools s WHERE s.board_id = {alias}.id"
    found = anchor(name)
    if found is None:
        return "SELECT s.id FROM cams.schools s"
    if found.target == "schools":
        return f"SELECT {alias}.{found.column}"
    return (
        f"SELECT x.school_id FROM cams.{found.target} p "
        f"CROSS JOIN LATERAL cams.school_of_{found.target}(p) x(school_id) "
        f"WHERE p.id = {alias}.{found.column}"
    )


def anchored_ids_sql(name: str, student: str) -> str | None:
    """A query of the ids of rows of ``name`` that belong to ``student``."""
    found = anchor(name)
    if found is None:
        return None
    if found.target == "students":
        return f"SELECT id FROM cams.{name} WHERE {found.column} = {student}"
    inner = anchored_ids_sql(found.target, student)
    if inner is None:
        return None
    return f"SELECT id FROM cams.{name} WHERE {found.column} IN ({inner})"


def visibility_fields(name: str) -> frozenset[str]:
    """Fields whose change can hide a row from someone who saw it."""
    found = anchor(name)
    fields = set(EXTRA_RULES.get(name, ("", frozenset()))[1])
    if found is not None:
        fields.add(found.column)
    if name == "students":
        fields.add("school_id")
    return frozenset(fields)


# --- the generated SQL --------------------------------------------------------


def table_functions(synced: SyncedTable) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the access functions of one table."""
    name = synced.name
    student = student_sql(name, "r") or "NULL::uuid"
    pull_pairs = ""
    own = OWN_ROW.get(name)
    if own is not None and synced.secret_columns:
        masked = ", ".join(f"'{column}'" for column in sorted(synced.secret_columns))
        pull_pairs = (
            f" || CASE WHEN {own.format(r='r')} THEN '{{}}'::jsonb ELSE "
            f"(SELECT jsonb_object_agg(k, NULL) FROM unnest(ARRAY[{masked}]) k) END"
        )
    return [
        (
            f"sees_{name}",
            f"CREATE OR REPLACE FUNCTION cams.sees_{name}(r cams.{name}) "
            f"RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT "
            f"{visible_sql(name, 'r', per_row=True)} $$",
        ),
        (
            f"student_of_{name}",
            f"CREATE OR REPLACE FUNCTION cams.student_of_{name}(r cams.{name}) "
            f"RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT {student} $$",
        ),
        (
            f"school_of_{name}",
            f"CREATE OR REPLACE FUNCTION cams.school_of_{name}(r cams.{name}) "
            f"RETURNS SETOF uuid LANGUAGE sql STABLE AS $$ "
            f"{schools_sql(name, 'r')} $$",
        ),
        (
            f"pull_wire_{name}",
            f"CREATE OR REPLACE FUNCTION cams.pull_wire_{name}(r cams.{name}) "
            f"RETURNS jsonb LANGUAGE sql STABLE AS $$ SELECT "
            f"cams.wire_{name}(r){pull_pairs} $$",
        ),
    ]


def rows_of_student_function() -> str:
    """``cams.rows_of_student(id)``: the rows that come and go with a student.

    Pull sends them when a student joins the caller's list and removes them
    when the student leaves it (rule 10).
    """
    parts = ["SELECT 'students'::text, s.id FROM cams.students s WHERE s.id = student"]
    for synced in synced_tables():
        query = anchored_ids_sql(synced.name, "student")
        if query is not None:
            parts.append(f"SELECT '{synced.name}'::text, x.id FROM ({query}) x")
    parts.append(
        "SELECT 'parents'::text, pl.parent_id FROM cams.parent_links pl "
        "WHERE pl.student_id = student"
    )
    body = "\n  UNION ALL ".join(parts)
    return (
        "CREATE OR REPLACE FUNCTION cams.rows_of_student(student uuid) "
        "RETURNS TABLE (table_name text, row_id uuid) LANGUAGE sql STABLE AS $$\n  "
        f"{body}\n$$"
    )


def _array(values: frozenset[str] | None) -> str:
    if values is None:
        return "NULL"
    return "ARRAY[" + ", ".join(f"'{v}'" for v in sorted(values)) + "]::text[]"


def _text(value: str | None) -> str:
    return "NULL" if value is None else f"'{value}'"


def sync_tables_rows() -> str:
    """The statement filling ``cams.sync_tables``, read by push and pull."""
    rows = []
    for synced in synced_tables():
        name = synced.name
        refs = ", ".join(
            f"'{column}', '{target}'" for column, target in synced.references().items()
        )
        rows.append(
            "("
            + ", ".join(
                [
                    f"'{name}'",
                    str(synced.rank),
                    _array(frozenset(c.name for c in synced.columns)),
                    f"jsonb_build_object({refs})",
                    f"'{POLICY.get(name, DEFAULT_POLICY)}'",
                    "true" if name in LINK_TABLES else "false",
                    str(int(WRITE_LEVEL.get(name, DEFAULT_WRITE_LEVEL))),
                    _text(AUTHOR_COLUMN.get(name)),
                    _text(OWN_COLUMN.get(name)),
                    _text(RANK_COLUMN.get(name)),
                    _array(SELF_FIELDS.get(name)),
                    _array(LOW_LEVEL_FIELDS.get(name, frozenset())),
                    _array(SENSITIVE_FIELDS.get(name, frozenset())),
                    _array(visibility_fields(name)),
                    "'" + visible_sql(name, "r").replace("'", "''") + "'",
                ]
            )
            + ")"
        )
    return (
        "DELETE FROM cams.sync_tables;\n"
        "INSERT INTO cams.sync_tables VALUES\n  " + ",\n  ".join(rows)
    )
