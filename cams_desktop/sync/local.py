"""The desktop's side of synchronization: its outbox, its copy, its state.

Everything here runs against the local SQLite file. Changes that come from
the server are written with Core statements, not through the ORM: they are
not this desktop's changes, so they must not enter its audit trail or its
outbox.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import sys
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Integer,
    LargeBinary,
    Table,
    UniqueConstraint,
    Uuid,
    delete,
    func,
    select,
    tuple_,
    update,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cams_desktop.db.base import Base, Record, UTCDateTime, utcnow
from cams_desktop.db.bulk import column_processors, stored_rows
from cams_desktop.db.engine import Database
from cams_desktop.db.journal import DeviceState, OutboxEntry, SyncIssue
from cams_desktop.sync.protocol import (
    SETTLED,
    Mutation,
    MutationResult,
    Outcome,
    PullPage,
    TableDigest,
)

log = logging.getLogger(__name__)

_OUTBOX = cast(Table, OutboxEntry.__table__)
_STATE = cast(Table, DeviceState.__table__)
_ISSUES = cast(Table, SyncIssue.__table__)

CURSOR = "sync.cursor"
LAST_PUSH = "sync.last_push_at"
LAST_PULL = "sync.last_pull_at"
LAST_ERROR = "sync.last_error"


def synced_tables() -> dict[str, Table]:
    """Every synchronized table, parents before children."""
    synced = {
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Record) and mapper.class_.__synced__
    }
    return {t.name: t for t in Base.metadata.sorted_tables if t.name in synced}


# --- state -----------------------------------------------------------------


def read_state(db: Database, key: str) -> str | None:
    with db.read() as session:
        state = session.get(DeviceState, key)
        return None if state is None else state.value


def write_state(connection: Connection, key: str, value: str | None) -> None:
    table = _STATE
    if value is None:
        connection.execute(delete(table).where(table.c.key == key))
        return
    statement = sqlite_insert(table).values(key=key, value=value)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"value": statement.excluded.value}
        )
    )


def cursor(db: Database) -> int:
    return int(read_state(db, CURSOR) or 0)


def set_cursor(db: Database, value: int) -> None:
    with db.engine.begin() as connection:
        write_state(connection, CURSOR, str(value))


# --- the outbox --------------------------------------------------------------


def pending_transactions(
    db: Database, *, resend_from: int | None = None
) -> list[list[Mutation]]:
    """The outbox, one list per local transaction, in mutation order.

    Normally the changes not yet acknowledged; with ``resend_from``, every
    change kept from that mutation id on, acknowledged or not.
    """
    query = select(OutboxEntry).order_by(OutboxEntry.mutation_id)
    if resend_from is None:
        query = query.where(OutboxEntry.acknowledged_at.is_(None))
    else:
        query = query.where(OutboxEntry.mutation_id >= resend_from)
    with db.read() as session:
        entries = session.scalars(query).all()
    groups: dict[uuid.UUID, list[Mutation]] = {}
    for entry in entries:
        groups.setdefault(entry.transaction_id, []).append(
            Mutation(
                mutation_id=entry.mutation_id,
                transaction_id=entry.transaction_id,
                table=entry.table_name,
                row_id=entry.row_id,
                operation=entry.operation,
                base_version=entry.base_version,
                changes=entry.changes,
                recorded_at=entry.recorded_at.isoformat(),
            )
        )
    return list(groups.values())


def first_kept_mutation(db: Database) -> int | None:
    """The oldest change kept in the outbox, acknowledged or not."""
    with db.read() as session:
        return session.scalar(select(func.min(OutboxEntry.mutation_id)))


def pending_summary(db: Database) -> tuple[int, dt.datetime | None]:
    """How many changes wait to be sent, and since when the oldest waits."""
    with db.read() as session:
        count, oldest = session.execute(
            select(func.count(), func.min(OutboxEntry.recorded_at)).where(
                OutboxEntry.acknowledged_at.is_(None)
            )
        ).one()
    if oldest is not None and isinstance(oldest, str):
        oldest = dt.datetime.fromisoformat(oldest)
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return int(count), oldest


def settle(
    db: Database, sent: Sequence[Mutation], results: Iterable[MutationResult]
) -> list[MutationResult]:
    """Forget the mutations the server settled; keep conflicts and refusals.

    Returns the results that are not settled (to be sent again later).
    """
    by_id = {m.mutation_id: m for m in sent}
    done: list[int] = []
    kept: list[dict[str, Any]] = []
    waiting: list[MutationResult] = []
    for result in results:
        mutation = by_id.get(result.mutation_id)
        if mutation is None:
            continue
        if result.outcome not in SETTLED:
            waiting.append(result)
            continue
        done.append(mutation.mutation_id)
        if result.outcome in (Outcome.CONFLICT, Outcome.REJECTED):
            kept.append(
                {
                    "mutation_id": mutation.mutation_id,
                    "transaction_id": mutation.transaction_id,
                    "table_name": mutation.table,
                    "row_id": mutation.row_id,
                    "operation": mutation.operation,
                    "changes": mutation.changes,
                    "outcome": result.outcome.value,
                    "reason": result.reason,
                    "recorded_at": dt.datetime.fromisoformat(mutation.recorded_at),
                    "settled_at": utcnow(),
                }
            )
    outbox = _OUTBOX
    now = utcnow()
    with db.engine.begin() as connection:
        if kept:
            # A change sent again (to a server restored from a backup) that
            # is refused again is listed once.
            listed = set(
                connection.scalars(
                    select(_ISSUES.c.mutation_id).where(
                        _ISSUES.c.mutation_id.in_([k["mutation_id"] for k in kept])
                    )
                )
            )
            kept = [k for k in kept if k["mutation_id"] not in listed]
        if kept:
            connection.execute(_ISSUES.insert(), kept)
        for start in range(0, len(done), 500):
            connection.execute(
                update(outbox)
                .where(
                    outbox.c.mutation_id.in_(done[start : start + 500]),
                    outbox.c.acknowledged_at.is_(None),
                )
                .values(acknowledged_at=now)
            )
        write_state(connection, LAST_PUSH, now.isoformat())
    if kept:
        log.warning("the server kept %s change(s) as conflicts or refusals", len(kept))
    return waiting


def forget_acknowledged(db: Database, older_than: dt.datetime) -> int:
    """Delete acknowledged changes acknowledged before ``older_than``."""
    outbox = _OUTBOX
    with db.engine.begin() as connection:
        result = connection.execute(
            delete(outbox).where(
                outbox.c.acknowledged_at.is_not(None),
                outbox.c.acknowledged_at < older_than,
            )
        )
    return result.rowcount


def export_outbox(db: Database, out: IO[str]) -> int:
    """Write every unsent change to ``out`` as JSON lines (SYNC.md rule 15)."""
    count = 0
    for transaction in pending_transactions(db):
        for mutation in transaction:
            out.write(
                json.dumps(
                    {
                        "mutation_id": mutation.mutation_id,
                        "transaction_id": str(mutation.transaction_id),
                        "table": mutation.table,
                        "row_id": str(mutation.row_id),
                        "operation": mutation.operation,
                        "base_version": mutation.base_version,
                        "changes": mutation.changes,
                        "recorded_at": mutation.recorded_at,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            count += 1
    return count


# --- applying what the server sends ------------------------------------------


def from_wire(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A row in JSON form back to the Python values of ``table``'s columns."""
    return {
        key: None if (value := row[key]) is None else convert(value)
        for key, convert in _readers(table)
        if key in row
    }


@functools.cache
def _readers(table: Table) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each column's conversion from its wire form, chosen once per table."""
    return tuple(
        (column.key, functools.partial(_value, column.type)) for column in table.columns
    )


def _value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, Uuid):
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if isinstance(kind, UTCDateTime):
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer) and not isinstance(value, bool):
        return int(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value) if isinstance(value, str) else value
    if isinstance(kind, SqlEnum) and kind.enum_class is not None:
        # Enumerations travel by value (an access level as 3).
        return kind.enum_class(value)
    return value  # text, JSON


@contextlib.contextmanager
def _without_foreign_keys(db: Database) -> Iterator[Connection]:
    """A connection in one transaction that does not check references.

    The server guarantees references (a child of a deleted parent is
    refused), but a page may bring a child before the parent it was
    created after; the whole download is checked once it is complete.
    """
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                yield connection
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def apply_page(db: Database, page: PullPage, *, move_cursor: bool = True) -> int:
    """Apply one page and its cursor in one transaction; returns rows written.

    A row with changes still waiting in the outbox keeps its local values
    for those fields (SYNC.md rule 7): the server's row is written, then
    the waiting changes are laid over it again.
    """
    tables = synced_tables()
    pending = _pending_fields(db)
    written = 0
    with _without_foreign_keys(db) as connection:
        by_table: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for changed in page.rows:
            table = tables.get(changed.table)
            if table is None:
                log.warning(
                    "the server sent rows of an unknown table %s", changed.table
                )
                continue
            values = from_wire(table, changed.row)
            overlay = pending.get((changed.table, values["id"]))
            if overlay:
                values.update(
                    {k: _value(table.c[k].type, v) for k, v in overlay.items()}
                )
            by_table[changed.table].append(values)
        for name, table in tables.items():
            rows = by_table.get(name)
            if rows:
                written += _upsert(connection, table, rows)
        removed = _removal(connection, tables, page, pending)
        for name, table in reversed(tables.items()):
            ids = sorted(removed.get(name, ()))
            for start in range(0, len(ids), 500):
                connection.execute(
                    delete(table).where(table.c.id.in_(ids[start : start + 500]))
                )
                written += len(ids[start : start + 500])
        if move_cursor:
            write_state(connection, CURSOR, str(page.cursor))
        write_state(connection, LAST_PULL, utcnow().isoformat())
    return written


def _removal(
    connection: Connection,
    tables: dict[str, Table],
    page: PullPage,
    pending: dict[tuple[str, uuid.UUID], dict[str, Any]],
) -> dict[str, set[uuid.UUID]]:
    """The rows a page removes, with the local rows that depend on them.

    The server names the rows it has; a row only this desktop made (a note
    the server refused, then deleted here) goes with its parent too, or it
    would stay behind as an orphan. Rows with changes still waiting stay.
    """
    gone: defaultdict[str, set[uuid.UUID]] = defaultdict(set)
    for row in page.removed:
        if row.table in tables and (row.table, row.row_id) not in pending:
            gone[row.table].add(row.row_id)
    if not gone:
        return gone
    for name, table in tables.items():  # parents first
        for key in table.foreign_keys:
            parents = sorted(gone.get(key.column.table.name, ()))
            for start in range(0, len(parents), 500):
                for (row_id,) in connection.execute(
                    select(table.c.id).where(
                        key.parent.in_(parents[start : start + 500])
                    )
                ):
                    if (name, row_id) not in pending:
                        gone[name].add(row_id)
    return gone


def _upsert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """INSERT … ON CONFLICT DO UPDATE through the driver, one statement per shape.

    Values go through the columns' own conversions (``bulk.stored_rows``),
    without SQLAlchemy's per-row bookkeeping: a first download writes tens
    of thousands of rows.
    """
    dialect = connection.dialect
    by_columns: defaultdict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_columns[tuple(sorted(row))].append(row)
    for keys, group in by_columns.items():
        _free_unique_values(connection, table, group)
        columns = [table.c[key] for key in keys]
        names = ", ".join(f'"{c.name}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(
            f'"{c.name}" = excluded."{c.name}"' for c in columns if c.key != "id"
        )
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        processors = column_processors(dialect, columns)
        connection.exec_driver_sql(
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks}) '
            f'ON CONFLICT ("id") {action}',
            stored_rows(group, keys, processors),
        )
    return len(rows)


def _free_unique_values(
    connection: Connection, table: Table, rows: list[dict[str, Any]]
) -> None:
    """Remove local rows the server replaced under another id.

    A unique value (a username, a student number in a school) held locally
    by a row the server does not have any more cannot stay: the server's
    row wins, and the local row's own changes are kept in the outbox or the
    list of refused changes.
    """
    for constraint_columns in _unique_columns(table):
        columns = [table.c[name] for name in constraint_columns]
        wanted = {
            tuple(row[c.key] for c in columns): row["id"]
            for row in rows
            if all(row.get(c.key) is not None for c in columns)
        }
        if not wanted:
            continue
        keys = list(wanted)
        for start in range(0, len(keys), 500):
            for row_id, *value in connection.execute(
                select(table.c.id, *columns).where(
                    tuple_(*columns).in_(keys[start : start + 500])
                )
            ):
                if row_id != wanted[tuple(value)]:
                    connection.execute(delete(table).where(table.c.id == row_id))


def _unique_columns(table: Table) -> list[tuple[str, ...]]:
    found = [
        tuple(c.key for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    found += [(c.key,) for c in table.columns if c.unique]
    found += [
        tuple(c.key for c in index.columns) for index in table.indexes if index.unique
    ]
    return found


def _pending_fields(db: Database) -> dict[tuple[str, uuid.UUID], dict[str, Any]]:
    """For each row with unsent changes, the newest value of each changed field."""
    overlay: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    with db.read() as session:
        for table_name, row_id, changes in session.execute(
            select(OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.changes)
            .where(OutboxEntry.acknowledged_at.is_(None))
            .order_by(OutboxEntry.mutation_id)
        ):
            fields = overlay.setdefault((table_name, row_id), {})
            for field, (_, new) in changes.items():
                fields[field] = new
    return overlay


def check_references(db: Database) -> list[tuple[str, int]]:
    """Rows whose parent is missing, per table (logged after a full download)."""
    with db.engine.connect() as connection:
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    counts: defaultdict[str, int] = defaultdict(int)
    for table, *_ in problems:
        counts[table] += 1
    return sorted(counts.items())


# --- agreeing with the server ------------------------------------------------


def digest(rows: Iterable[tuple[uuid.UUID, int]]) -> TableDigest:
    """Count, and md5 of the lines "id:version" in id order joined by newlines.

    The server computes the same over the rows this user may see that are
    not deleted (SYNC.md rule 6).
    """
    ordered = sorted((str(row_id), version) for row_id, version in rows)
    text = "\n".join(f"{row_id}:{version}" for row_id, version in ordered)
    return TableDigest(
        len(ordered),
        hashlib.md5(text.encode("ascii"), usedforsecurity=False).hexdigest(),
    )


def local_digests(db: Database, tables: Iterable[str]) -> dict[str, TableDigest]:
    known = synced_tables()
    out: dict[str, TableDigest] = {}
    with db.engine.connect() as connection:
        for name in tables:
            table = known.get(name)
            if table is None:
                continue
            out[name] = digest(
                connection.execute(
                    select(table.c.id, table.c.version).where(
                        table.c.deleted_at.is_(None)
                    )
                )
            )
    return out


def forget_table(db: Database, name: str) -> int:
    """Drop the local copy of one table (its unsent changes stay in the outbox)."""
    table = synced_tables()[name]
    pending = {row_id for t, row_id in _pending_fields(db) if t == name}
    with _without_foreign_keys(db) as connection:
        ids = [
            row_id
            for (row_id,) in connection.execute(select(table.c.id))
            if row_id not in pending
        ]
        for start in range(0, len(ids), 500):
            connection.execute(
                delete(table).where(table.c.id.in_(ids[start : start + 500]))
            )
    return len(ids)


# --- one sync at a time ------------------------------------------------------


class SyncBusy(Exception):
    """Another sync of this database file is running."""


class SyncLock:
    """An operating-system lock on a file beside the database (SYNC.md rule 14).

    The lock goes with the process: a crashed sync never leaves it taken.
    """

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(f".{database.name}.sync-lock")
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> SyncLock:
        handle = self.path.open("a+b")  # held until __exit__
        try:
            _lock(handle)
        except OSError as error:
            handle.close()
            raise SyncBusy(str(self.path)) from error
        self._handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows desktops
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
