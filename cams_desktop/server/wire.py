"""How rows travel as JSON, written as SQL functions of each synced table.

The wire form of a value is exactly what the desktop's outbox records
(``db.tracking.plain``): UUIDs, dates and numerics as strings, UTC timestamps in
``isoformat()`` form (``2026-09-01T08:30:00+00:00``, microseconds only when not
zero), binary data in base64 without line breaks, enumerations by their value
(an ``AccessLevel`` travels as 3 although the column stores ``TEACHER``), JSON
columns as JSON. ``wire_<table>(row)`` gives a row in that form and
``unwire_<table>(json)`` turns the form back into a row, refusing values an
enumeration does not have; comparing two wire forms compares the values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeEngine

from cams_desktop.db.tracking import plain
from cams_desktop.server.schema import SyncedTable

# jsonb_build_object takes at most 100 arguments: wide rows are built in parts.
_PAIRS_PER_CALL = 40


@dataclass(frozen=True)
class ColumnForm:
    """How one column's value is written to and read from the wire."""

    name: str
    kind: str  # plain, timestamp, numeric, binary or enum
    # Enumerations: (wire value as JSON text, stored text), in member order.
    members: tuple[tuple[str, str], ...] = ()

    @property
    def renamed_members(self) -> bool:
        return any(json.loads(wire) != stored for wire, stored in self.members)


def _base_type(kind: TypeEngine[object]) -> TypeEngine[object]:
    while isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    return kind


def column_form(name: str, kind: TypeEngine[object]) -> ColumnForm:
    """The wire form of a column type; unknown types are refused, not guessed."""
    base = _base_type(kind)
    if isinstance(base, Enum):
        if base.enum_class is None:
            stored = tuple(base.enums)
            return ColumnForm(name, "enum", tuple((json.dumps(s), s) for s in stored))
        return ColumnForm(
            name,
            "enum",
            tuple(
                (json.dumps(plain(member)), stored)
                for member, stored in zip(base.enum_class, base.enums, strict=True)
            ),
        )
    if isinstance(base, DateTime):
        if not base.timezone:
            raise ValueError(f"column {name}: only UTC timestamps can be synced")
        return ColumnForm(name, "timestamp")
    if isinstance(base, Float):
        return ColumnForm(name, "plain")
    if isinstance(base, Numeric):
        return ColumnForm(name, "numeric")
    if isinstance(base, LargeBinary):
        return ColumnForm(name, "binary")
    if isinstance(base, Boolean | Integer | String | Uuid | Date | postgresql.JSONB):
        return ColumnForm(name, "plain")
    raise ValueError(f"column {name}: no wire form for {base!r}")


def table_forms(synced: SyncedTable) -> list[ColumnForm]:
    return [column_form(column.name, column.type) for column in synced.columns]


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _to_wire(form: ColumnForm, value: str) -> str:
    """SQL turning the stored ``value`` into its jsonb wire form."""
    if form.kind == "timestamp":
        return f"cams.wire_ts({value})"
    if form.kind == "numeric":
        return f"to_jsonb({value}::text)"
    if form.kind == "binary":
        return f"to_jsonb(translate(encode({value}, 'base64'), E'\\n', ''))"
    if form.kind == "enum" and form.renamed_members:
        cases = " ".join(
            f"WHEN {_sql_text(stored)} THEN {_sql_text(wire)}::jsonb"
            for wire, stored in form.members
        )
        return f"CASE {value} {cases} END"
    return f"to_jsonb({value})"


def _from_wire(table: str, form: ColumnForm) -> str | None:
    """SQL giving the text jsonb_populate_record reads for a wire value.

    None when the wire form is already what the column's input accepts.
    """
    value = f"j -> '{form.name}'"
    invalid = f"cams.invalid_value('{table}', '{form.name}', {value})"
    if form.kind == "binary":
        return (
            f"CASE jsonb_typeof({value}) WHEN 'null' THEN 'null'::jsonb "
            f"WHEN 'string' THEN to_jsonb('\\x' || encode(decode({value} #>> '{{}}', "
            f"'base64'), 'hex')) ELSE {invalid} END"
        )
    if form.kind == "enum":
        cases = " ".join(
            f"WHEN {_sql_text(wire)}::jsonb THEN to_jsonb({_sql_text(stored)}::text)"
            for wire, stored in form.members
        )
        return (
            f"CASE {value} WHEN 'null'::jsonb THEN 'null'::jsonb {cases} "
            f"ELSE {invalid} END"
        )
    return None


def wire_function(synced: SyncedTable) -> str:
    """``cams.wire_<table>(row) returns jsonb``: the row in wire form."""
    forms = table_forms(synced)
    pairs = [f"'{form.name}', {_to_wire(form, 'r.' + form.name)}" for form in forms]
    parts = [
        "jsonb_build_object(" + ", ".join(pairs[start : start + _PAIRS_PER_CALL]) + ")"
        for start in range(0, len(pairs), _PAIRS_PER_CALL)
    ]
    body = " || ".join(parts)
    return (
        f"CREATE OR REPLACE FUNCTION cams.wire_{synced.name}(r cams.{synced.name}) "
        f"RETURNS jsonb LANGUAGE sql STABLE AS $$ SELECT {body} $$"
    )


def unwire_function(synced: SyncedTable) -> str:
    """``cams.unwire_<table>(jsonb) returns <table>``: a row from its wire form.

    Keys that are absent give null columns; values a column cannot hold raise
    a data exception, which ``push`` reports as a validation rejection.
    """
    converted = []
    for form in table_forms(synced):
        expression = _from_wire(synced.name, form)
        if expression is not None:
            converted.append(
                f" || CASE WHEN j ? '{form.name}' THEN "
                f"jsonb_build_object('{form.name}', {expression}) "
                "ELSE '{}'::jsonb END"
            )
    return (
        f"CREATE OR REPLACE FUNCTION cams.unwire_{synced.name}(j jsonb) "
        f"RETURNS cams.{synced.name} LANGUAGE sql STABLE AS $$ "
        f"SELECT * FROM jsonb_populate_record(NULL::cams.{synced.name}, "
        f"j{''.join(converted)}) $$"
    )


def put_function(synced: SyncedTable) -> str:
    """``cams.put_<table>(row, is_new)``: insert the row, or overwrite it by id."""
    names = [column.name for column in synced.columns]
    assignments = ", ".join(f"{name} = r.{name}" for name in names if name != "id")
    return (
        f"CREATE OR REPLACE FUNCTION cams.put_{synced.name}"
        f"(r cams.{synced.name}, is_new boolean) RETURNS void LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n"
        f"  IF is_new THEN\n"
        f"    INSERT INTO cams.{synced.name} SELECT (r).*;\n"
        f"  ELSE\n"
        f"    UPDATE cams.{synced.name} SET {assignments} WHERE id = r.id;\n"
        f"  END IF;\n"
        f"END $$"
    )


WIRE_TS = """
CREATE OR REPLACE FUNCTION cams.wire_ts(ts timestamptz) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN ts IS NULL THEN 'null'::jsonb ELSE to_jsonb(
    to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
    || CASE WHEN extract(microseconds FROM ts)::bigint % 1000000 <> 0
            THEN to_char(ts AT TIME ZONE 'UTC', '.US') ELSE '' END
    || '+00:00') END
$$"""

INVALID_VALUE = """
CREATE OR REPLACE FUNCTION cams.invalid_value(table_name text, column_name text,
                                              value jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE EXCEPTION '%.% cannot be %', table_name, column_name, value
    USING ERRCODE = 'invalid_parameter_value';
END $$"""
