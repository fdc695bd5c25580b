"""The server's tables: the local synced tables in PostgreSQL, and its own.

The synced tables are copied from the local SQLAlchemy metadata each time the
server is set up, so a table or column added to the local schema reaches the
server with the next ``cams server upgrade``; nothing here lists them by hand.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import JSON, Column, MetaData, Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import URL, Dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from cams_desktop.db import Base
from cams_desktop.db.base import NAMING_CONVENTION

SCHEMA = "cams"

# Columns every synced row has; the server, not the desktop, sets the id,
# version and who/when columns of what it stores.
RECORD_COLUMNS = (
    "id",
    "created_at",
    "created_by_id",
    "updated_at",
    "updated_by_id",
    "deleted_at",
    "version",
)


@dataclass(frozen=True)
class SyncedTable:
    """A synced table as the server holds it."""

    table: Table
    # Position in foreign-key order: parents before children.
    rank: int
    # Columns whose values staff roles never read directly (password hashes).
    secret_columns: frozenset[str]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> list[Column[object]]:
        return list(self.table.columns)

    def references(self) -> dict[str, str]:
        """Foreign-key columns and the synced table each one refers to."""
        return {
            fk.parent.name: fk.column.table.name
            for fk in sorted(self.table.foreign_keys, key=lambda fk: fk.parent.name)
        }


@functools.cache
def synced_tables() -> tuple[SyncedTable, ...]:
    """Every synced table of the local schema, in PostgreSQL, parents first."""
    classes = {
        mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers
    }
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    out: list[SyncedTable] = []
    for local in Base.metadata.sorted_tables:
        model = classes.get(local.name)
        if model is None or not model.__synced__:
            continue
        table = local.to_metadata(metadata, schema=SCHEMA)
        for column in table.columns:
            if isinstance(column.type, JSON):
                column.type = postgresql.JSONB()
        out.append(SyncedTable(table, len(out), frozenset(model.__secret_columns__)))
    names = {synced.name for synced in out}
    for synced in out:
        outside = set(synced.references().values()) - names
        if outside:
            raise ValueError(
                f"synced table {synced.name} refers to unsynced {sorted(outside)}"
            )
    return tuple(out)


@functools.cache
def _dialect() -> Dialect:
    return URL.create("postgresql+psycopg").get_dialect()()


def table_ddl(synced: SyncedTable) -> str:
    return str(CreateTable(synced.table).compile(dialect=_dialect())).strip()


def index_ddl(synced: SyncedTable) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the table's indexes."""
    dialect = _dialect()
    return sorted(
        (str(index.name), str(CreateIndex(index).compile(dialect=dialect)).strip())
        for index in synced.table.indexes
    )


def column_ddl(synced: SyncedTable, column: Column[object]) -> str:
    """ALTER TABLE adding ``column`` to a table made by an older release.

    The new column accepts nulls whatever the local schema says: rows already
    on the server, and desktops of the previous release, have no value for it.
    """
    dialect = _dialect()
    kind = column.type.compile(dialect=dialect)
    clause = f"ALTER TABLE {SCHEMA}.{synced.name} ADD COLUMN {column.name} {kind}"
    target = synced.references().get(column.name)
    if target is not None:
        clause += f" REFERENCES {SCHEMA}.{target} (id)"
    return clause


# The server's own tables (SYNC.md rules 3, 5, 9, 11 and 13). Staff roles get
# no privilege on any of them: only the server's functions read and write them.
SERVER_TABLES: tuple[tuple[str, str], ...] = (
    (
        "schema_objects",
        """
        CREATE TABLE cams.schema_objects (
            key text PRIMARY KEY,
            fingerprint text NOT NULL
        )""",
    ),
    (
        "schema_info",
        """
        CREATE TABLE cams.schema_info (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            version text NOT NULL,
            min_client_version text NOT NULL,
            max_client_version text NOT NULL,
            role_prefix text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        )""",
    ),
    (
        "sync_tables",
        """
        CREATE TABLE cams.sync_tables (
            table_name text PRIMARY KEY,
            rank integer NOT NULL,
            columns text[] NOT NULL,
            refs jsonb NOT NULL,
            policy text NOT NULL,
            link boolean NOT NULL,
            write_level integer NOT NULL,
            author_column text,
            own_column text,
            rank_column text,
            self_fields text[],
            low_level_fields text[] NOT NULL,
            sensitive_fields text[] NOT NULL,
            visibility_fields text[] NOT NULL,
            -- The row-level predicate of policies.visible_sql, the row being r.
            visible text NOT NULL
        )""",
    ),
    (
        "school_counters",
        """
        CREATE TABLE cams.school_counters (
            school_id uuid PRIMARY KEY,
            last_seq bigint NOT NULL DEFAULT 0,
            horizon_seq bigint NOT NULL DEFAULT 0
        )""",
    ),
    (
        "change_log",
        """
        CREATE TABLE cams.change_log (
            school_id uuid NOT NULL,
            seq bigint NOT NULL,
            table_name text NOT NULL,
            row_id uuid NOT NULL,
            version integer NOT NULL,
            operation text NOT NULL,
            fields text[],
            logged_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (school_id, seq)
        )""",
    ),
    (
        "staff_roles",
        """
        CREATE TABLE cams.staff_roles (
            role_name text PRIMARY KEY,
            staff_id uuid NOT NULL UNIQUE REFERENCES cams.staff (id),
            created_at timestamptz NOT NULL DEFAULT now(),
            disabled_at timestamptz
        )""",
    ),
    (
        "device_progress",
        """
        CREATE TABLE cams.device_progress (
            device_id uuid PRIMARY KEY,
            staff_id uuid NOT NULL,
            role_name text NOT NULL,
            last_mutation_id bigint NOT NULL,
            first_push_at timestamptz NOT NULL DEFAULT now(),
            last_push_at timestamptz NOT NULL DEFAULT now()
        )""",
    ),
    (
        "server_audit",
        """
        CREATE TABLE cams.server_audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            received_at timestamptz NOT NULL DEFAULT now(),
            client_recorded_at timestamptz,
            device_id uuid,
            staff_id uuid,
            role_name text NOT NULL,
            mutation_id bigint,
            transaction_id uuid,
            table_name text,
            row_id uuid,
            operation text,
            base_version integer,
            decision text NOT NULL,
            policy text,
            reason text,
            before jsonb,
            after jsonb,
            requested jsonb
        )""",
    ),
    (
        "conflicts",
        """
        CREATE TABLE cams.conflicts (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            created_at timestamptz NOT NULL DEFAULT now(),
            device_id uuid NOT NULL,
            staff_id uuid NOT NULL,
            mutation_id bigint NOT NULL,
            table_name text NOT NULL,
            row_id uuid NOT NULL,
            kind text NOT NULL,
            base_version integer,
            server_version integer NOT NULL,
            fields jsonb NOT NULL,
            resolved_at timestamptz,
            resolved_by text
        )""",
    ),
    (
        "rejected_mutations",
        """
        CREATE TABLE cams.rejected_mutations (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            created_at timestamptz NOT NULL DEFAULT now(),
            device_id uuid NOT NULL,
            staff_id uuid NOT NULL,
            mutation_id bigint,
            table_name text,
            row_id uuid,
            reason text NOT NULL,
            message text NOT NULL,
            mutation jsonb NOT NULL,
            resolved_at timestamptz,
            resolved_by text
        )""",
    ),
)

SERVER_INDEXES: tuple[tuple[str, str], ...] = (
    (
        "ix_change_log_row",
        "CREATE INDEX ix_change_log_row ON cams.change_log "
        "(school_id, table_name, row_id)",
    ),
    (
        "ix_server_audit_device",
        "CREATE INDEX ix_server_audit_device ON cams.server_audit "
        "(device_id, mutation_id)",
    ),
    (
        "ix_conflicts_staff",
        "CREATE INDEX ix_conflicts_staff ON cams.conflicts (staff_id, resolved_at)",
    ),
)

# Composite types of the server functions.
SERVER_TYPES: tuple[tuple[str, str], ...] = (
    (
        "viewer",
        "CREATE TYPE cams.viewer AS "
        "(staff_id uuid, school_id uuid, board_id uuid, access_level integer)",
    ),
    (
        "change",
        "CREATE TYPE cams.change AS (school_id uuid, table_name text, "
        "row_id uuid, version integer, operation text, fields text[])",
    ),
    (
        "pull_candidate",
        "CREATE TYPE cams.pull_candidate AS "
        "(seq bigint, table_name text, row_id uuid, removable boolean)",
    ),
)
