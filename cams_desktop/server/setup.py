"""Setting up and upgrading a school's server, and loading its first data.

``init_server`` and ``upgrade_server`` run the same list of steps, each
creating one object (role, table, column, index, function, trigger, policy,
grants). A step whose object is already there, made from the same SQL, is
skipped, so a second run changes nothing. Upgrades only add: a column or
table the local schema no longer has stays on the server (expand, then
contract in a later release, SYNC.md rule 11). Everything runs in one
transaction: a failed run leaves the server as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError

from cams_desktop.db import Base
from cams_desktop.db.engine import Database
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.server import ServerError
from cams_desktop.server.connection import Connection, shown, transaction
from cams_desktop.server.functions import (
    DISABLE_INACTIVE_LOGIN,
    DISABLE_INACTIVE_LOGIN_TRIGGER,
    HELPERS,
    LOGIN_FUNCTIONS,
    SERVER_FUNCTIONS,
    VIEWER,
    Function,
    log_functions,
    log_triggers,
)
from cams_desktop.server.policies import (
    rows_of_student_function,
    sync_tables_rows,
    table_functions,
    visible_sql,
)
from cams_desktop.server.roles import (
    logins_role,
    owner_role,
    role_prefix,
    staff_group,
)
from cams_desktop.server.schema import (
    SCHEMA,
    SERVER_INDEXES,
    SERVER_TABLES,
    SERVER_TYPES,
    SyncedTable,
    column_ddl,
    index_ddl,
    synced_tables,
    table_ddl,
)
from cams_desktop.server.wire import (
    INVALID_VALUE,
    WIRE_TS,
    put_function,
    unwire_function,
    wire_function,
)

log = logging.getLogger(__name__)

# Objects whose presence the catalog tells; the others (grants, settings)
# count as present once their step has run.
_CATALOG_KINDS = frozenset(
    {
        "role",
        "schema",
        "type",
        "table",
        "column",
        "index",
        "function",
        "trigger",
        "policy",
    }
)
_LOAD_BATCH = 1000


@dataclass(frozen=True)
class Step:
    kind: str
    name: str
    sql: str
    # False: made once and never changed (roles, tables, columns, indexes).
    replaceable: bool = True
    # Objects the step makes along with its own (a table's columns).
    also: tuple[tuple[str, str], ...] = ()
    # Steps that, when they run, make this one run again (a table's grants
    # after the table or one of its columns was made).
    after: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass
class SetupReport:
    """What a run created or changed; both empty when there was nothing to do."""

    database: str
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def nothing_to_do(self) -> bool:
        return not self.created and not self.changed

    def lines(self) -> list[str]:
        return [f"created {key}" for key in self.created] + [
            f"changed {key}" for key in self.changed
        ]


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _function_step(function: Function, group: str) -> Step:
    grants = f"REVOKE ALL ON FUNCTION {function.signature} FROM PUBLIC"
    if function.for_staff:
        grants += f";\nGRANT EXECUTE ON FUNCTION {function.signature} TO {group}"
    return Step("function", f"{SCHEMA}.{function.name}", f"{function.sql};\n{grants}")


def _table_function_steps(
    synced: SyncedTable, group: str, statements: Iterable[tuple[str, str]]
) -> Iterator[Step]:
    """Steps of functions taking a row of ``synced`` (unwire takes JSON)."""
    for name, statement in statements:
        arguments = "jsonb" if name.startswith("unwire_") else f"cams.{synced.name}"
        yield _function_step(Function(name, arguments, statement), group)


def _administrator_steps(prefix: str) -> Iterator[Step]:
    """The roles and the schema, made by the administrator running the setup."""
    owner, group = owner_role(prefix), staff_group(prefix)
    yield Step("role", owner, f"CREATE ROLE {owner} NOLOGIN", replaceable=False)
    yield Step("role", group, f"CREATE ROLE {group} NOLOGIN", replaceable=False)
    logins = logins_role(prefix)
    yield Step(
        "role", logins, f"CREATE ROLE {logins} NOLOGIN CREATEROLE", replaceable=False
    )
    # From PostgreSQL 16, a role that creates roles grants only the roles it
    # administers.
    yield Step(
        "grants",
        f"role {logins}",
        f"GRANT {group} TO {logins} WITH ADMIN OPTION",
        after=(f"role {logins}",),
    )
    yield Step(
        "schema",
        SCHEMA,
        f"CREATE SCHEMA {SCHEMA} AUTHORIZATION {owner}",
        replaceable=False,
    )


def _owner_steps(prefix: str) -> Iterator[Step]:
    """The schema's objects, made as its owner, in the order they depend on."""
    group = staff_group(prefix)
    tables = synced_tables()
    for name, ddl in SERVER_TYPES:
        yield Step("type", f"{SCHEMA}.{name}", ddl, replaceable=False)
    for synced in tables:
        yield Step(
            "table",
            f"{SCHEMA}.{synced.name}",
            table_ddl(synced),
            replaceable=False,
            also=tuple(
                ("column", f"{SCHEMA}.{synced.name}.{column.name}")
                for column in synced.columns
            ),
        )
        for column in synced.columns:
            yield Step(
                "column",
                f"{SCHEMA}.{synced.name}.{column.name}",
                column_ddl(synced, column),
                replaceable=False,
            )
        for name, ddl in index_ddl(synced):
            yield Step("index", f"{SCHEMA}.{name}", ddl, replaceable=False)
    for name, ddl in SERVER_TABLES:
        yield Step("table", f"{SCHEMA}.{name}", ddl.strip(), replaceable=False)
    for name, ddl in SERVER_INDEXES:
        yield Step("index", f"{SCHEMA}.{name}", ddl, replaceable=False)
    yield Step("settings", f"{SCHEMA}.sync_tables", sync_tables_rows())
    yield Step(
        "grants",
        f"schema {SCHEMA}",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {group}",
        after=(f"schema {SCHEMA}",),
    )

    for basic in (
        Function("wire_ts", "timestamptz", WIRE_TS),
        Function("invalid_value", "text, text, jsonb", INVALID_VALUE),
    ):
        yield _function_step(basic, group)
    for synced in tables:
        yield from _table_function_steps(
            synced,
            group,
            [
                (f"wire_{synced.name}", wire_function(synced)),
                (f"unwire_{synced.name}", unwire_function(synced)),
            ],
        )
        yield _function_step(
            Function(
                f"put_{synced.name}",
                f"cams.{synced.name}, boolean",
                put_function(synced),
            ),
            group,
        )
    yield _function_step(VIEWER, group)
    for helper in HELPERS:
        yield _function_step(helper, group)
    for synced in tables:
        yield from _table_function_steps(synced, group, table_functions(synced))
    yield _function_step(
        Function("rows_of_student", "uuid", rows_of_student_function()), group
    )
    for synced in tables:
        for function in log_functions(synced):
            yield _function_step(function, group)
    for function in SERVER_FUNCTIONS:
        yield _function_step(function, group)

    for synced in tables:
        qualified = f"{SCHEMA}.{synced.name}"
        for name, ddl in log_triggers(synced):
            yield Step(
                "trigger",
                f"{qualified}.{name}",
                f"DROP TRIGGER IF EXISTS {name} ON {qualified};\n{ddl}",
            )
        readable = ", ".join(
            column.name
            for column in synced.columns
            if column.name not in synced.secret_columns
        )
        yield Step(
            "grants",
            qualified,
            after=(
                f"table {qualified}",
                *(f"column {qualified}.{column.name}" for column in synced.columns),
            ),
            sql=f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY;\n"
            f"REVOKE ALL ON {qualified} FROM {group};\n"
            f"GRANT SELECT ({readable}) ON {qualified} TO {group}",
        )
        yield Step(
            "policy",
            f"{qualified}.visible",
            f"DROP POLICY IF EXISTS visible ON {qualified};\n"
            f"CREATE POLICY visible ON {qualified} FOR SELECT TO {group} "
            f"USING ({visible_sql(synced.name, synced.name)})",
        )


def _login_steps(prefix: str) -> Iterator[Step]:
    """What lets a program administrator's desktop create and disable logins.

    The functions belong to ``<prefix>logins``, which may create roles and
    read or write only what they need; the schema's owner, whose functions
    run push and pull, may not create roles. They are made as that role,
    allowed to create in the schema for that moment only. Runs as the owner.
    """
    owner, group, logins = owner_role(prefix), staff_group(prefix), logins_role(prefix)
    yield Step(
        "grants",
        f"{SCHEMA} for {logins}",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {logins};\n"
        f"GRANT SELECT (role_prefix) ON {SCHEMA}.schema_info TO {logins};\n"
        f"GRANT SELECT (id, school_id, username, is_active, deleted_at)"
        f" ON {SCHEMA}.staff TO {logins};\n"
        f"GRANT SELECT, INSERT, UPDATE ON {SCHEMA}.staff_roles TO {logins};\n"
        f"GRANT EXECUTE ON FUNCTION {VIEWER.signature} TO {logins}",
        after=(
            f"role {logins}",
            f"table {SCHEMA}.staff",
            f"table {SCHEMA}.staff_roles",
            f"table {SCHEMA}.schema_info",
        ),
    )
    for function in LOGIN_FUNCTIONS:
        grants = f"REVOKE ALL ON FUNCTION {function.signature} FROM PUBLIC"
        if function.for_staff:
            grants += f";\nGRANT EXECUTE ON FUNCTION {function.signature} TO {group}"
        if function is DISABLE_INACTIVE_LOGIN:
            # The owner of cams.staff attaches it to the table.
            grants += f";\nGRANT EXECUTE ON FUNCTION {function.signature} TO {owner}"
        yield Step(
            "function",
            f"{SCHEMA}.{function.name}",
            f"GRANT CREATE ON SCHEMA {SCHEMA} TO {logins};\n"
            f"SET LOCAL ROLE {logins};\n{function.sql};\n{grants};\n"
            f"SET LOCAL ROLE {owner};\n"
            f"REVOKE CREATE ON SCHEMA {SCHEMA} FROM {logins}",
        )
    name, ddl = DISABLE_INACTIVE_LOGIN_TRIGGER
    yield Step(
        "trigger",
        f"{SCHEMA}.staff.{name}",
        f"DROP TRIGGER IF EXISTS {name} ON {SCHEMA}.staff;\n{ddl}",
    )


def _catalog(connection: Connection, prefix: str) -> dict[str, set[str]]:
    """The names of the server's objects, by kind, as the steps name them."""
    queries = {
        "role": ("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %(prefix)s)"),
        "schema": "SELECT nspname FROM pg_namespace WHERE nspname = %(schema)s",
        "type": (
            "SELECT n.nspname || '.' || t.typname FROM pg_type t"
            " JOIN pg_namespace n ON n.oid = t.typnamespace"
            " JOIN pg_class c ON c.oid = t.typrelid"
            " WHERE n.nspname = %(schema)s AND c.relkind = 'c'"
        ),
        "table": (
            "SELECT n.nspname || '.' || c.relname FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %(schema)s AND c.relkind = 'r'"
        ),
        "column": (
            "SELECT n.nspname || '.' || c.relname || '.' || a.attname"
            " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %(schema)s AND c.relkind = 'r'"
            " AND a.attnum > 0 AND NOT a.attisdropped"
        ),
        "index": (
            "SELECT n.nspname || '.' || c.relname FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %(schema)s AND c.relkind = 'i'"
        ),
        "function": (
            "SELECT n.nspname || '.' || p.proname FROM pg_proc p"
            " JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = %(schema)s"
        ),
        "trigger": (
            "SELECT n.nspname || '.' || c.relname || '.' || t.tgname"
            " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %(schema)s AND NOT t.tgisinternal"
        ),
        "policy": (
            "SELECT n.nspname || '.' || c.relname || '.' || p.polname"
            " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %(schema)s"
        ),
    }
    parameters = {"prefix": prefix, "schema": SCHEMA}
    return {
        kind: {str(row[0]) for row in connection.execute(query, parameters)}
        for kind, query in queries.items()
    }


def _server_state(connection: Connection) -> tuple[str | None, str | None]:
    """(server schema version, role prefix), or Nones on a new database."""
    found = connection.execute("SELECT to_regclass('cams.schema_info')").fetchone()
    if found is None or found[0] is None:
        return None, None
    row = connection.execute(
        "SELECT version, role_prefix FROM cams.schema_info"
    ).fetchone()
    return (None, None) if row is None else (str(row[0]), str(row[1]))


def _fingerprints(connection: Connection) -> dict[str, str]:
    found = connection.execute("SELECT to_regclass('cams.schema_objects')").fetchone()
    if found is None or found[0] is None:
        return {}
    return {
        str(key): str(value)
        for key, value in connection.execute(
            "SELECT key, fingerprint FROM cams.schema_objects"
        )
    }


def _is_superuser(connection: Connection) -> bool:
    row = connection.execute(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


def _record_version(
    connection: Connection, version: str | None, prefix: str, report: SetupReport
) -> None:
    """Write this release's schema version and the desktops the server takes.

    Desktops of older releases stay welcome: an upgrade only adds (rule 11).
    """
    if version is None:
        connection.execute(
            "INSERT INTO cams.schema_info (version, min_client_version,"
            " max_client_version, role_prefix) VALUES (%s, %s, %s, %s)",
            (SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION, prefix),
        )
        report.created.append(f"server schema version {SCHEMA_VERSION}")
    elif version != SCHEMA_VERSION:
        connection.execute(
            "UPDATE cams.schema_info SET version = %s, max_client_version = %s,"
            " updated_at = now()",
            (SCHEMA_VERSION, SCHEMA_VERSION),
        )
        report.changed.append(f"server schema version {version} to {SCHEMA_VERSION}")


class _Runner:
    """Runs the steps whose object is missing or was made from other SQL."""

    def __init__(
        self,
        connection: Connection,
        existing: dict[str, set[str]],
        recorded: dict[str, str],
        report: SetupReport,
    ) -> None:
        self.connection = connection
        self.existing = existing
        self.recorded = recorded
        self.report = report
        self.made: dict[str, str] = {}
        self.ran: set[str] = set()

    def run(self, steps: Iterable[Step]) -> None:
        for step in steps:
            fingerprint = _fingerprint(step.sql)
            if step.kind in _CATALOG_KINDS:
                present = step.name in self.existing.get(step.kind, set())
            else:
                present = step.key in self.recorded
            unchanged = (
                not step.replaceable or self.recorded.get(step.key) == fingerprint
            )
            if present and unchanged and not self.ran.intersection(step.after):
                continue
            self.connection.execute(step.sql)
            self.ran.add(step.key)
            for kind, name in step.also:
                self.existing.setdefault(kind, set()).add(name)
            if step.replaceable:
                self.made[step.key] = fingerprint
            (self.report.changed if present else self.report.created).append(step.key)

    def record_fingerprints(self) -> None:
        """Remember what each replaceable object was made from, for next time."""
        if not self.made:
            return
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO cams.schema_objects (key, fingerprint)"
                " VALUES (%s, %s) ON CONFLICT (key)"
                " DO UPDATE SET fingerprint = EXCLUDED.fingerprint",
                list(self.made.items()),
            )


def _set_up(url: str, *, upgrade: bool) -> SetupReport:
    with transaction(url) as connection:
        # Two administrators running it at once would trip over each other.
        connection.execute(
            "SELECT pg_advisory_xact_lock(hashtext('cams server setup'))"
        )
        database = connection.info.dbname
        version, prefix = _server_state(connection)
        if upgrade and version is None:
            raise ServerError(
                f"{database} has no CAMS server to upgrade: run cams server init."
            )
        if version is not None and version > SCHEMA_VERSION:
            raise ServerError(
                f"{database} is at server schema {version}, newer than this "
                f"program's {SCHEMA_VERSION}: use a newer CAMS Desktop."
            )
        prefix = prefix or role_prefix(database)
        report = SetupReport(database)
        existing = _catalog(connection, prefix)
        runner = _Runner(connection, existing, _fingerprints(connection), report)
        runner.run(_administrator_steps(prefix))
        owner = sql.Identifier(owner_role(prefix))
        if not _is_superuser(connection):
            connection.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(owner))
            connection.execute(
                sql.SQL("GRANT {} TO CURRENT_USER").format(
                    sql.Identifier(logins_role(prefix))
                )
            )
        # The owner makes the rest: its functions run as a role that is not a
        # superuser.
        connection.execute(sql.SQL("SET LOCAL ROLE {}").format(owner))
        runner.run(_owner_steps(prefix))
        runner.run(_login_steps(prefix))
        _record_version(connection, version, prefix, report)
        runner.record_fingerprints()
    log.info(
        "server %s: %d created, %d changed",
        shown(url),
        len(report.created),
        len(report.changed),
    )
    return report


def init_server(url: str) -> SetupReport:
    """Make the CAMS server in the database at ``url`` (idempotent)."""
    return _set_up(url, upgrade=False)


def upgrade_server(url: str) -> SetupReport:
    """Add what this release has and the server lacks; never drops anything."""
    return _set_up(url, upgrade=True)


def _pg_engine(url: str) -> Engine:
    return create_engine(
        "postgresql+psycopg://",
        creator=lambda: psycopg.connect(url, connect_timeout=10),
    )


def load_from_local(admin_url: str, sqlite_path: Path) -> dict[str, int]:
    """Copy a local database's synced rows to the server; rows per table.

    The administrator's first load of staff, schools, caseloads and students.
    The file is opened as the application opens it (brought to this
    release's schema first). Rows the server already has (same id) are left
    as they are, so the load can be run again; every copied row gets its
    change-log entry.
    """
    with transaction(admin_url) as connection:
        version, prefix = _server_state(connection)
    if version is None or prefix is None:
        raise ServerError("This database has no CAMS server: run cams server init.")
    db = Database(sqlite_path, create=False)
    engine = _pg_engine(admin_url)
    copied: dict[str, int] = {}
    try:
        with db.read() as session, engine.begin() as server:
            server.exec_driver_sql(f"SET LOCAL ROLE {owner_role(prefix)}")
            for synced in synced_tables():
                local = Base.metadata.tables[synced.name]
                rows = [dict(row) for row in session.execute(select(local)).mappings()]
                statement = (
                    postgresql.insert(synced.table)
                    .on_conflict_do_nothing(index_elements=["id"])
                    .returning(synced.table.c.id)
                )
                count = 0
                for start in range(0, len(rows), _LOAD_BATCH):
                    batch = rows[start : start + _LOAD_BATCH]
                    count += len(server.execute(statement, batch).all())
                copied[synced.name] = count
    except DBAPIError as error:
        raise ServerError(
            f"The server {shown(admin_url)} refused the rows: {error.orig}"
        ) from error
    finally:
        engine.dispose()
        db.close()
    log.info("loaded %d rows into %s", sum(copied.values()), shown(admin_url))
    return copied
