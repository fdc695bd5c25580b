"""Many rows at once, with the same audit trail and outbox as the ORM.

The ORM's ``before_flush`` hook (``tracking``) records every write, but it
needs one Python object per row: an import of 50,000 students or a year-end
rollover would spend most of its time building objects. These functions write
with Core ``executemany`` and record, in the same transaction, exactly the
audit and outbox rows the hook would have recorded for the same change. Rows
are written in the order given, after whatever the session already holds, so
outbox mutation ids keep the order of the writes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Boolean, Column, Date, Enum, Integer, String, Table, Uuid, select
from sqlalchemy.engine import Dialect

from cams_desktop.db.base import Record, UTCDateTime, new_id, utcnow
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.tracking import (
    BOOKKEEPING_COLUMNS,
    SCHEMA_VERSION,
    SECRET_SHOWN,
    CamsSession,
    audit_text,
    plain,
    transaction_id,
)

# SQLite allows 32,766 bound values per statement; ids are checked in chunks.
_CHUNK = 900

# (row id, version the caller read, {field: (old, new)})
Update = tuple[uuid.UUID, int, Mapping[str, tuple[Any, Any]]]


class StaleRowError(Exception):
    """A row changed (or vanished) since the caller read it."""

    def __init__(self, table: str, row_ids: Sequence[uuid.UUID]) -> None:
        super().__init__(
            f"{len(row_ids)} row(s) of {table} changed since they were read"
        )
        self.table = table
        self.row_ids = tuple(row_ids)


def bulk_insert(
    session: CamsSession, model: type[Record], rows: Sequence[Mapping[str, Any]]
) -> list[uuid.UUID]:
    """Insert ``rows`` (column → value) of ``model``; returns their ids.

    Missing columns take their declared defaults (or None); the bookkeeping columns
    (id, who and when, version) are filled as the hook fills them.
    """
    if not rows:
        return []
    session.flush()
    now = utcnow()
    actor_id = session.actor_id
    table: Table = model.__table__  # type: ignore[assignment]
    defaults = {column.key: None for column in table.columns} | _defaults(table)
    complete: list[dict[str, Any]] = []
    for row in rows:
        values = {**defaults, **row}
        values["id"] = values.get("id") or new_id()
        values["created_at"] = values.get("created_at") or now
        values["updated_at"] = now
        values["created_by_id"] = values.get("created_by_id") or actor_id
        values["updated_by_id"] = actor_id
        values["version"] = 1
        for key, default in values.items():
            if callable(default):
                values[key] = default()
        complete.append(values)
    _insert_rows(session, table, complete)

    if model.__synced__:
        keys = [column.key for column in table.columns]
        wire = _converted(
            complete, keys, [_to_json(column.type) for column in table.columns]
        )
        _outbox(
            session,
            model,
            now,
            [
                (
                    values["id"],
                    "insert",
                    None,
                    {key: [None, value] for key, value in zip(keys, row, strict=True)},
                )
                for values, row in zip(complete, wire, strict=True)
            ],
        )
    if model.__audited__:
        _insert_rows(
            session,
            _AUDIT,
            [
                {
                    "id": new_id(),
                    "occurred_at": now,
                    "actor_id": actor_id,
                    "table_name": table.name,
                    "row_id": values["id"],
                    "action": "create",
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                }
                for values in complete
            ],
        )
    return [values["id"] for values in complete]


def bulk_update(
    session: CamsSession, model: type[Record], updates: Sequence[Update]
) -> None:
    """Apply field changes to rows the caller read at a known version.

    Raises StaleRowError, and writes nothing, if any row's version is not
    the one given. Changes whose old and new values are equal are dropped,
    as the hook drops them; a row left with no change is not written.
    """
    session.flush()
    table: Table = model.__table__  # type: ignore[assignment]
    changes_of: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]] = {}
    for row_id, version, changes in updates:
        kept = {
            field: (old, new)
            for field, (old, new) in changes.items()
            if old != new and field not in BOOKKEEPING_COLUMNS
        }
        if kept:
            changes_of[row_id] = (version, kept)
    if not changes_of:
        return
    _check_versions(session, table, {i: v for i, (v, _) in changes_of.items()})

    now = utcnow()
    actor_id = session.actor_id
    by_fields: defaultdict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row_id, (version, changes) in changes_of.items():
        fields = tuple(sorted(changes))
        values = {f"new_{field}": changes[field][1] for field in fields}
        values |= {"row_id": row_id, "new_version": version + 1}
        by_fields[fields].append(values)
    for fields, params in by_fields.items():
        _update_rows(session, table, fields, params, now, actor_id)

    secret = model.__secret_columns__
    if model.__synced__:
        _outbox(
            session,
            model,
            now,
            [
                (
                    row_id,
                    _operation(changes),
                    version,
                    {
                        field: [None if field in secret else plain(old), plain(new)]
                        for field, (old, new) in changes.items()
                    },
                )
                for row_id, (version, changes) in changes_of.items()
            ],
        )
    if model.__audited__:
        _insert_rows(
            session,
            _AUDIT,
            [
                {
                    "id": new_id(),
                    "occurred_at": now,
                    "actor_id": actor_id,
                    "table_name": table.name,
                    "row_id": row_id,
                    "action": _operation(changes),
                    "field": field,
                    "old_value": SECRET_SHOWN if field in secret else audit_text(old),
                    "new_value": SECRET_SHOWN if field in secret else audit_text(new),
                }
                for row_id, (_, changes) in changes_of.items()
                for field, (old, new) in changes.items()
            ],
        )
    # Objects of these rows already in the session would show old values.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id in changes_of:
            session.expire(obj)


def _defaults(table: Table) -> dict[str, Any]:
    """Each column's Python-side default: a value, or a function to call."""
    out: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is None:
            continue
        if default.is_scalar:
            out[column.key] = default.arg  # type: ignore[attr-defined]
        elif default.is_callable:
            function = default.arg  # type: ignore[attr-defined]
            out[column.key] = lambda function=function: function(None)
    return out


def _check_versions(
    session: CamsSession, table: Table, expected: dict[uuid.UUID, int]
) -> None:
    ids = list(expected)
    found: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row_id, version in session.execute(
            select(table.c.id, table.c.version).where(table.c.id.in_(chunk))
        ):
            found[row_id] = version
    stale = [row_id for row_id in ids if found.get(row_id) != expected[row_id]]
    if stale:
        raise StaleRowError(table.name, stale)


def _operation(changes: Mapping[str, tuple[Any, Any]]) -> str:
    deleted = changes.get("deleted_at")
    return "delete" if deleted is not None and deleted[1] is not None else "update"


def _outbox(
    session: CamsSession,
    model: type[Record],
    now: dt.datetime,
    entries: list[tuple[uuid.UUID, str, int | None, dict[str, list[Any]]]],
) -> None:
    device_id = session.info.get("device_id")
    if not isinstance(device_id, uuid.UUID):
        raise RuntimeError("session has no device id; open it through Database")
    tx_id = transaction_id(session)
    _insert_rows(
        session,
        _OUTBOX,
        [
            {
                "device_id": device_id,
                "transaction_id": tx_id,
                "table_name": model.__tablename__,
                "row_id": row_id,
                "operation": operation,
                "base_version": base_version,
                "changes": changes,
                "schema_version": SCHEMA_VERSION,
                "recorded_at": now,
                "acknowledged_at": None,
            }
            for row_id, operation, base_version, changes in entries
        ],
    )


_AUDIT = cast(Table, AuditEntry.__table__)
# The outbox's own key numbers the mutations: it is left to SQLite.
_OUTBOX = cast(Table, OutboxEntry.__table__)


def _processors(
    session: CamsSession, columns: Sequence[Column[Any]]
) -> list[Callable[[Any], Any] | None]:
    return column_processors(session.get_bind().dialect, columns)


class _NoneToo:
    """A conversion that also applies to None (a JSON column stores "null")."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self.convert = convert

    def __call__(self, value: Any) -> Any:
        return self.convert(value)


def column_processors(
    dialect: Dialect, columns: Sequence[Column[Any]]
) -> list[Callable[[Any], Any] | None]:
    """How the driver receives each column's values, as SQLAlchemy does it."""
    out: list[Callable[[Any], Any] | None] = []
    for column in columns:
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None and column.type.should_evaluate_none:
            process = _NoneToo(process)
        out.append(process)
    return out


def stored_rows(
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    processors: Sequence[Callable[[Any], Any] | None],
) -> list[tuple[Any, ...]]:
    """Rows as the driver stores them, through the columns' own conversions."""
    return _converted(rows, keys, processors)


def _converted(
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    conversions: Sequence[Callable[[Any], Any] | None],
) -> list[tuple[Any, ...]]:
    """``rows`` as tuples of ``keys``, each column through its conversion.

    Converted column by column: one tight loop per column is several times
    faster than one generator per row. None stays None, except for the
    conversions that say otherwise.
    """
    columns: list[list[Any]] = []
    for key, convert in zip(keys, conversions, strict=True):
        values = [row[key] for row in rows]
        if convert is None or convert is _same:
            pass
        elif isinstance(convert, _NoneToo):
            values = [convert(v) for v in values]
        elif _repeats(values):
            # The time of the write, the school, the author: each distinct
            # value is converted once.
            memo = {v: None if v is None else convert(v) for v in set(values)}
            values = [memo[v] for v in values]
        else:
            values = [None if v is None else convert(v) for v in values]
        columns.append(values)
    return list(zip(*columns, strict=True))


def _repeats(values: list[Any]) -> bool:
    """Whether a column's values look like a few values repeated (from a sample)."""
    sample = values[:64]
    try:
        return len(set(sample)) * 4 <= len(sample)
    except TypeError:  # JSON documents cannot be compared by hash
        return False


def _insert_rows(
    session: CamsSession, table: Table, rows: list[dict[str, Any]]
) -> None:
    """INSERT through the driver's executemany, values converted by the columns.

    The same conversions as SQLAlchemy's, without its per-row bookkeeping,
    which would cost more than the writing itself at 50,000 rows.
    """
    if not rows:
        return
    columns = [c for c in table.columns if c.key in rows[0]]
    names = ", ".join(f'"{c.name}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    session.connection().exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
        stored_rows(rows, [c.key for c in columns], _processors(session, columns)),
    )


def _update_rows(
    session: CamsSession,
    table: Table,
    fields: tuple[str, ...],
    params: list[dict[str, Any]],
    now: dt.datetime,
    actor_id: uuid.UUID | None,
) -> None:
    columns = [table.c[field] for field in fields]
    bookkeeping = [table.c.version, table.c.updated_at, table.c.updated_by_id]
    assignments = ", ".join(f'"{c.name}" = ?' for c in [*columns, *bookkeeping])
    keys = [f"new_{field}" for field in fields] + [
        "new_version",
        "now",
        "actor",
        "row_id",
    ]
    rows = [p | {"now": now, "actor": actor_id} for p in params]
    session.connection().exec_driver_sql(
        f'UPDATE "{table.name}" SET {assignments} WHERE "id" = ?',
        stored_rows(
            rows, keys, _processors(session, [*columns, *bookkeeping, table.c.id])
        ),
    )


def _to_json(kind: Any) -> Callable[[Any], Any]:
    """The outbox's JSON form of a column's values (as ``tracking.plain``)."""
    if isinstance(kind, Enum):
        return plain
    if isinstance(kind, String | Integer | Boolean):
        return _same
    if isinstance(kind, Uuid):
        return _uuid_text
    if isinstance(kind, UTCDateTime | Date):
        return _iso
    return plain


def _same(value: Any) -> Any:
    return value


def _uuid_text(value: Any) -> Any:
    return None if value is None else str(value)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else plain(value)
