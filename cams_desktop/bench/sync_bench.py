"""Benchmark of synchronization with the school's PostgreSQL server.

``cams bench sync`` makes a demo school of ``--students`` students (2,000 by
default) in a temporary folder and loads it into a throwaway database
``cams_bench_<hex>`` of the PostgreSQL server named by ``--server-url`` (or
CAMS_BENCH_PG_URL; loopback addresses only). The database and its roles are
dropped at the end, whatever happens. As the demo program administrator's
own login role, through the real engine and transport (``SyncEngine`` over
``PgServer``), it then measures in one run:

* the first download of the whole school by a new desktop (a fresh local
  database, cursor 0), against copying the same rows with PostgreSQL's
  ``COPY … TO STDOUT`` into SQLite with ``executemany`` (goal: at most 2×);
* a cycle pushing 1,000 mutations made through the ORM, ten per local
  transaction (goal: the push under 2 s);
* a cycle pulling 10,000 changes made on the server (goal: under 3 s).

Each cycle is split into its push, pull and check phases, and each phase
into the time spent waiting for the server and the time spent here. A
missed goal never changes the exit status. Only counts and timings are
printed, never names.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import secrets
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import conninfo, sql
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import Note
from cams_desktop.db.school import Staff
from cams_desktop.db.students import Student
from cams_desktop.server.connection import shown
from cams_desktop.server.roles import add_staff_role, owner_role, role_prefix
from cams_desktop.server.schema import synced_tables as server_tables
from cams_desktop.server.setup import init_server, load_from_local
from cams_desktop.services.demo import generate_demo
from cams_desktop.sync import local
from cams_desktop.sync.engine import SyncEngine, SyncReport
from cams_desktop.sync.pg import PgServer
from cams_desktop.sync.protocol import (
    Counts,
    Mutation,
    PullPage,
    PushReply,
    SyncServer,
)

ACTOR = "admin"  # the demo program administrator: sees the whole school
URL_VARIABLE = "CAMS_BENCH_PG_URL"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
MUTATIONS = 1_000
MUTATIONS_PER_TRANSACTION = 10
CHANGES = 10_000

GOAL_DOWNLOAD_VS_COPY = 2.0
GOAL_PUSH = 2.0
GOAL_PULL = 3.0


class BenchError(Exception):
    """The benchmark cannot run (no server, not a loopback address)."""


# --- the server ------------------------------------------------------------


def server_url(args: argparse.Namespace) -> str:
    """The administrator URL to use, refused unless it names a loopback host."""
    url = args.server_url or os.environ.get(URL_VARIABLE, DEFAULT_URL)
    try:
        options = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise BenchError(f"the server URL cannot be read: {error}") from error
    hosts = [
        host
        for key in ("host", "hostaddr")
        for host in str(options.get(key) or "").split(",")
        if host
    ]
    if not hosts or any(host not in LOOPBACK for host in hosts):
        raise BenchError(
            "the benchmark only talks to a server on this computer: give a URL "
            f"whose host is 127.0.0.1 or ::1, not {', '.join(hosts) or 'none'}"
        )
    return url


@dataclass(slots=True)
class BenchServer:
    """The throwaway database: its administrator URL and the desktop's login."""

    name: str
    url: str
    role_url: str = ""


@contextlib.contextmanager
def throwaway_database(admin_url: str) -> Iterator[BenchServer]:
    """A new database ``cams_bench_<hex>``, dropped with its roles afterwards."""
    name = f"cams_bench_{secrets.token_hex(6)}"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchError(
            f"cannot make a database on {shown(admin_url)}: {error}"
        ) from error
    try:
        yield BenchServer(name, conninfo.make_conninfo(admin_url, dbname=name))
    finally:
        _drop(admin_url, name)


def _drop(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        # The owner and the staff group last: the logins are their members.
        roles = admin.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)"
            " ORDER BY rolname LIKE '%%owner', rolname LIKE '%%staff'",
            (role_prefix(name),),
        ).fetchall()
        for (role,) in roles:
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def _sign_up(server: BenchServer) -> None:
    """Give the demo administrator a login role with a random password."""
    with psycopg.connect(server.url) as connection:
        row = connection.execute(
            "SELECT id FROM cams.staff WHERE username = %s", (ACTOR,)
        ).fetchone()
    if row is None:
        raise BenchError(f"the demo school has no account {ACTOR!r}")
    password = secrets.token_urlsafe(18)
    role = add_staff_role(server.url, row[0], ACTOR, password)
    server.role_url = conninfo.make_conninfo(server.url, user=role, password=password)


# --- timing the engine -------------------------------------------------------


@dataclass(slots=True)
class Call:
    kind: str  # push, pull, counts or table_rows
    started: float
    seconds: float


class Stopwatch:
    """A SyncServer that times each call of the one it wraps.

    A call's time is the server's work, the loopback round trip and the
    decoding of its JSON answer; the rest of a cycle is the desktop's.
    """

    def __init__(self, server: SyncServer) -> None:
        self._server = server
        self.calls: list[Call] = []

    def _timed(self, kind: str, started: float) -> None:
        self.calls.append(Call(kind, started, time.perf_counter() - started))

    def push(
        self, device_id: uuid.UUID, schema_version: str, mutations: list[Mutation]
    ) -> PushReply:
        started = time.perf_counter()
        try:
            return self._server.push(device_id, schema_version, mutations)
        finally:
            self._timed("push", started)

    def pull(self, cursor: int, schema_version: str, page_size: int) -> PullPage:
        started = time.perf_counter()
        try:
            return self._server.pull(cursor, schema_version, page_size)
        finally:
            self._timed("pull", started)

    def counts(self, schema_version: str) -> Counts:
        started = time.perf_counter()
        try:
            return self._server.counts(schema_version)
        finally:
            self._timed("counts", started)

    def table_rows(
        self,
        table: str,
        after_id: uuid.UUID | None,
        page_size: int,
        schema_version: str,
    ) -> tuple[list[dict[str, Any]], uuid.UUID | None, bool, int]:
        started = time.perf_counter()
        try:
            return self._server.table_rows(table, after_id, page_size, schema_version)
        finally:
            self._timed("table_rows", started)


@dataclass(frozen=True, slots=True)
class Phase:
    seconds: float
    server: float  # of which waiting for the server

    @property
    def desktop(self) -> float:
        return max(0.0, self.seconds - self.server)


@dataclass(slots=True)
class Cycle:
    """One timed ``SyncEngine.run()`` and its phases."""

    report: SyncReport
    seconds: float
    push: Phase
    pull: Phase
    check: Phase
    calls: dict[str, int] = field(default_factory=dict)


def timed_cycle(engine: SyncEngine, stopwatch: Stopwatch) -> Cycle:
    """Run one cycle; the push lasts until the first pull, the pull until the
    counts are asked for, the check until the cycle ends."""
    stopwatch.calls.clear()
    started = time.perf_counter()
    report = engine.run()
    ended = time.perf_counter()
    calls = list(stopwatch.calls)

    def first(kind: str, default: float) -> float:
        return min((c.started for c in calls if c.kind == kind), default=default)

    check_start = first("counts", ended)
    pull_start = min(first("pull", check_start), check_start)

    def phase(start: float, end: float) -> Phase:
        server = sum(c.seconds for c in calls if start <= c.started < end)
        return Phase(end - start, server)

    kinds: dict[str, int] = {}
    for call in calls:
        kinds[call.kind] = kinds.get(call.kind, 0) + 1
    return Cycle(
        report,
        ended - started,
        phase(started, pull_start),
        phase(pull_start, check_start),
        phase(check_start, ended),
        kinds,
    )


# --- the baseline --------------------------------------------------------------


def copy_baseline(role_url: str, target: Path) -> tuple[float, int]:
    """Seconds to copy every table the role may read with COPY, and the rows.

    As the same login role, so row-level security gives the rows the engine
    downloads; the columns the role may read; values as PostgreSQL's text,
    unconverted, inserted into a fresh local database of the same schema.
    """
    Database(target).close()
    secret = {t.name: t.secret_columns for t in server_tables()}
    rows_copied = 0
    with (
        psycopg.connect(role_url) as server,
        contextlib.closing(sqlite3.connect(target)) as desktop,
    ):
        started = time.perf_counter()
        with desktop:
            for name, table in local.synced_tables().items():
                columns = [
                    c.name for c in table.columns if c.name not in secret.get(name, ())
                ]
                query = sql.SQL("COPY (SELECT {} FROM cams.{}) TO STDOUT").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.Identifier(name),
                )
                with server.cursor() as cursor, cursor.copy(query) as copy:
                    rows = list(copy.rows())
                desktop.executemany(
                    f'INSERT INTO "{name}" ({", ".join(columns)}) '
                    f"VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )
                rows_copied += len(rows)
        seconds = time.perf_counter() - started
    return seconds, rows_copied


def local_rows(db: Database) -> int:
    """Rows of the synced tables in the local file."""
    with contextlib.closing(sqlite3.connect(db.path)) as connection:
        return sum(
            connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in local.synced_tables()
        )


# --- the workloads -------------------------------------------------------------


def make_mutations(db: Database, count: int) -> int:
    """``count`` changes through the ORM, ten per local transaction.

    Half of each transaction edits students' email addresses, the other half
    writes new notes on them, as a counsellor's day would; returns the
    number of transactions.
    """
    with db.read() as session:
        staff_id = session.scalar(select(Staff.id).where(Staff.username == ACTOR))
        students = list(
            session.scalars(
                select(Student.id)
                .where(Student.deleted_at.is_(None))
                .order_by(Student.id)
            )
        )
    if staff_id is None or not students:
        raise BenchError("the downloaded school has no administrator or no student")
    transactions = 0
    for start in range(0, count, MUTATIONS_PER_TRANSACTION):
        size = min(MUTATIONS_PER_TRANSACTION, count - start)
        with db.transaction(staff_id) as session:
            for offset in range(size):
                number = start + offset
                student_id = students[number % len(students)]
                if offset % 2 == 0:
                    student = session.get(Student, student_id)
                    if student is None:
                        raise BenchError("a downloaded student is missing")
                    student.email = f"bench.{number}@ecole.example"
                else:
                    session.add(
                        Note(
                            student_id=student_id,
                            author_id=staff_id,
                            body=f"Rencontre de suivi numéro {number}.",
                        )
                    )
        transactions += 1
    return transactions


def make_server_changes(server: BenchServer, count: int) -> int:
    """Change up to ``count`` rows the desktop sees, on the server; returns how many.

    Each row gets a new version, as another desktop's push would leave it:
    one change-log entry per row, written by the server's own triggers.
    Rows are taken table by table, parents first.
    """
    picked: list[tuple[str, list[Any]]] = []
    with psycopg.connect(server.role_url) as connection:
        for synced in server_tables():
            remaining = count - sum(len(ids) for _, ids in picked)
            if remaining <= 0:
                break
            ids = [
                row[0]
                for row in connection.execute(
                    sql.SQL(
                        "SELECT id FROM cams.{} WHERE deleted_at IS NULL "
                        "ORDER BY id LIMIT %s"
                    ).format(sql.Identifier(synced.name)),
                    (remaining,),
                )
            ]
            if ids:
                picked.append((synced.name, ids))
    with psycopg.connect(server.url) as connection:
        connection.execute(
            sql.SQL("SET LOCAL ROLE {}").format(
                sql.Identifier(owner_role(role_prefix(server.name)))
            )
        )
        for name, ids in picked:
            connection.execute(
                sql.SQL(
                    "UPDATE cams.{} SET version = version + 1, updated_at = now() "
                    "WHERE id = ANY(%s)"
                ).format(sql.Identifier(name)),
                (ids,),
            )
    return sum(len(ids) for _, ids in picked)


# --- the report ----------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def _split(phase: Phase) -> str:
    return f"server {_seconds(phase.server)}, desktop {_seconds(phase.desktop)}"


def _verdict(met: bool | None) -> str:
    if met is None:
        return "not judged at this size"
    return "goal met" if met else "goal MISSED"


def _outcomes(report: SyncReport) -> str:
    if not report.outcomes:
        return "nothing"
    return ", ".join(
        f"{count:,} {outcome.value}"
        for outcome, count in sorted(report.outcomes.items())
    )


def _print_cycle(cycle: Cycle) -> None:
    print(
        f"  whole cycle {_seconds(cycle.seconds)}: push {_seconds(cycle.push.seconds)}"
        f" ({_split(cycle.push)}), pull {_seconds(cycle.pull.seconds)}"
        f" ({_split(cycle.pull)}), check {_seconds(cycle.check.seconds)}"
        f" ({_split(cycle.check)})"
    )
    calls = ", ".join(f"{n} {kind}" for kind, n in sorted(cycle.calls.items()))
    redone = ", ".join(cycle.report.redownloaded) or "none"
    print(
        f"  server calls: {calls}; pushed: {_outcomes(cycle.report)}; "
        f"rows pulled: {cycle.report.pulled:,}; tables downloaded again: {redone}"
    )


def _run(args: argparse.Namespace) -> int:
    if args.students < 1:
        raise BenchError(f"--students must be at least 1, not {args.students}")
    if args.db is not None:
        raise BenchError("--db is not used: each run makes its own demo school")
    admin_url = server_url(args)
    print(
        f"cams bench sync — {args.students:,} students (seed {args.seed}), "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"psycopg {psycopg.__version__}",
        flush=True,
    )
    missed: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="cams-bench-sync-") as folder,
        throwaway_database(admin_url) as server,
    ):
        demo = Path(folder) / "demo.sqlite"
        started = time.perf_counter()
        generate_demo(demo, args.students, args.seed)
        made = time.perf_counter() - started
        started = time.perf_counter()
        init_server(server.url)
        load_from_local(server.url, demo)
        _sign_up(server)
        loaded = time.perf_counter() - started
        print(
            f"server database {server.name} (dropped at the end); demo school "
            f"made in {made:.1f} s, server set up and loaded in {loaded:.1f} s "
            "(not timed)"
        )

        copy_seconds, copied = copy_baseline(
            server.role_url, Path(folder) / "copy.sqlite"
        )
        db = Database(Path(folder) / "desktop.sqlite")
        transport = PgServer(server.role_url)
        try:
            stopwatch = Stopwatch(transport)
            engine = SyncEngine(db, stopwatch)

            download = timed_cycle(engine, stopwatch)
            ratio = download.seconds / copy_seconds if copy_seconds > 0 else None
            met = None if ratio is None else ratio <= GOAL_DOWNLOAD_VS_COPY
            print()
            print(
                f"first download: {local_rows(db):,} rows "
                f"({download.report.pulled:,} written) in "
                f"{download.report.pages} pages, {_seconds(download.seconds)}"
            )
            print(f"  COPY baseline: {copied:,} rows, {_seconds(copy_seconds)}")
            print(
                f"  ratio {'—' if ratio is None else f'{ratio:.2f}×'} "
                f"(goal at most {GOAL_DOWNLOAD_VS_COPY:g}×: {_verdict(met)})"
            )
            if met is False:
                missed.append("first download")
            _print_cycle(download)

            transactions = make_mutations(db, MUTATIONS)
            push = timed_cycle(engine, stopwatch)
            met = push.push.seconds < GOAL_PUSH
            print()
            print(
                f"push: {MUTATIONS:,} mutations in {transactions:,} local "
                f"transactions, {_seconds(push.push.seconds)} "
                f"(goal under {GOAL_PUSH:g} s: {_verdict(met)})"
            )
            if not met:
                missed.append("push")
            _print_cycle(push)

            changes = make_server_changes(server, CHANGES)
            pull = timed_cycle(engine, stopwatch)
            met = pull.pull.seconds < GOAL_PULL if changes >= CHANGES else None
            print()
            print(
                f"pull: {changes:,} changes made on the server, "
                f"{_seconds(pull.pull.seconds)} (goal under {GOAL_PULL:g} s for "
                f"{CHANGES:,}: {_verdict(met)})"
            )
            if met is False:
                missed.append("pull")
            _print_cycle(pull)
        finally:
            transport.close()
            db.close()
    print()
    print(
        "Phases: push until the first pull call, pull until the counts are "
        "asked for, check to the end; server = waiting for the server's "
        "answers (loopback), desktop = the rest."
    )
    if missed:
        print("goals missed: " + ", ".join(missed) + " (see above).")
    return 0


def main(args: argparse.Namespace) -> int:
    """Run the sync benchmark; 1 only if it could not run."""
    try:
        return _run(args)
    except Exception as error:
        print(f"cams bench sync: {error}", file=sys.stderr)
        return 1
