"""Desktops behind a breakable network, and the checks SYNC.md's fault bar asks for.

A ``Fleet`` is several desktop files of one school, each signed in to the
test server as a staff member's own role through a ``TcpProxy``; the engine
and the transport are the ones the application runs. ``Fleet.check`` runs,
after every scenario, the checks listed above the fault bar:

- every acknowledged write is on the server, with exactly one audit decision;
- no duplicate logical rows (one student per number, one link per pair);
- no deleted row comes back;
- each desktop holds exactly what its role may see: the same (id, version)
  pairs as the role's own psycopg connection reads, and the same digests
  as ``cams.counts``;
- outboxes drain once the network heals.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from psycopg import conninfo
from sqlalchemy import Table, select
from tcp_proxy import TcpProxy

from cams_desktop.db.engine import Database, become_new_device
from cams_desktop.db.journal import OutboxEntry, SyncIssue
from cams_desktop.db.school import Staff
from cams_desktop.db.students import Student
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.services.access import Actor
from cams_desktop.sync import local
from cams_desktop.sync.engine import SyncEngine, SyncReport
from cams_desktop.sync.pg import PgServer

PASSWORD = "mot-de-passe-1"
# Link tables: a re-add after a removal undeletes the link (rule 8).
LINKS = ("caseload_assignments", "group_memberships", "parent_links")
# Logical keys that must stay unique among rows not deleted.
LOGICAL_KEYS = {
    "students": ("school_id", "student_number"),
    "group_memberships": ("group_id", "student_id"),
    "caseload_assignments": ("staff_id", "student_id"),
    "parent_links": ("parent_id", "student_id"),
}


def proxy_for(admin_url: str) -> TcpProxy:
    """A proxy in front of the server the administrator URL names."""
    options = conninfo.conninfo_to_dict(admin_url)
    return TcpProxy(
        (str(options.get("host") or "127.0.0.1"), int(options.get("port") or 5432))
    )


class Desktop:
    """One desktop file, synced as one staff member through the proxy."""

    def __init__(self, path: Path, server: Any, username: str, port: int) -> None:
        self.path = path
        self.server = server
        self.username = username
        self.role = server.roles[username]
        self.conninfo = conninfo.make_conninfo(
            server.url,
            user=self.role,
            password=PASSWORD,
            host="127.0.0.1",
            port=str(port),
            connect_timeout="5",
        )
        self.db = Database(path)
        self.transport = PgServer(self.conninfo)
        self.engine = SyncEngine(self.db, self.transport, page_size=200)
        with self.db.read() as session:
            staff = session.scalars(select(Staff).where(Staff.username == username))
            me = staff.one()
            self.staff_id = me.id
            self.actor = Actor(me.id, me.school_id, me.access_level, username)

    def sync(self) -> SyncReport:
        return self.engine.run()

    def close(self) -> None:
        self.transport.close()
        self.db.close()

    def pending(self) -> int:
        return local.pending_summary(self.db)[0]

    def student(self, student_id: uuid.UUID) -> Student:
        with self.db.read() as session:
            found = session.get(Student, student_id)
            assert found is not None, f"student {student_id} missing on {self}"
            return found

    def get(self, model: Any, row_id: uuid.UUID) -> Any:
        with self.db.read() as session:
            return session.get(model, row_id)

    def edit(self, model: Any, row_id: uuid.UUID, **values: Any) -> None:
        """One local transaction changing ``values`` of one row."""
        with self.db.transaction(self.staff_id) as session:
            row = session.get(model, row_id)
            assert row is not None
            for name, value in values.items():
                setattr(row, name, value)

    def visible_students(self) -> set[uuid.UUID]:
        with self.db.read() as session:
            return set(
                session.scalars(select(Student.id).where(Student.deleted_at.is_(None)))
            )

    def issues(self) -> list[SyncIssue]:
        with self.db.read() as session:
            return list(session.scalars(select(SyncIssue).order_by(SyncIssue.id)))

    def __repr__(self) -> str:
        return f"<desktop {self.path.name}>"


class Fleet:
    """Desktops of one school behind one proxy; ``check`` after every scenario."""

    def __init__(self, server: Any, demo: Path, folder: Path, proxy: TcpProxy) -> None:
        self.server = server
        self.demo = demo
        self.folder = folder
        self.proxy = proxy
        self.desktops: list[Desktop] = []
        # A synced copy per role: later desktops of that role start from it.
        self._synced: dict[str, Path] = {}

    def desktop(self, username: str, *, sync: bool = True) -> Desktop:
        """A new desktop file (a new device) of ``username``, synced once."""
        if username not in self.server.roles:
            self.server.add_role(username)
        path = self.folder / f"{username}-{len(self.desktops)}.sqlite"
        shutil.copy(self._synced.get(username, self.demo), path)
        with contextlib.closing(sqlite3.connect(path)) as connection:
            become_new_device(connection)
        desktop = Desktop(path, self.server, username, self.proxy.port)
        self.desktops.append(desktop)
        if sync:
            desktop.sync()
            if username not in self._synced:
                template = self.folder / f"template-{username}.sqlite"
                with (
                    contextlib.closing(sqlite3.connect(path)) as source,
                    contextlib.closing(sqlite3.connect(template)) as target,
                ):
                    source.backup(target)
                self._synced[username] = template
        return desktop

    def close(self) -> None:
        for desktop in self.desktops:
            desktop.close()

    def heal_and_sync(self, rounds: int = 2) -> None:
        """Mend the network; sync every desktop until nothing waits, then once more."""
        self.proxy.heal()
        for _ in range(rounds):
            for desktop in self.desktops:
                desktop.sync()
        for desktop in self.desktops:
            desktop.sync()

    # the checks

    def check(self) -> None:
        """The checks of SYNC.md's fault bar; call after heal_and_sync."""
        for desktop in self.desktops:
            assert desktop.pending() == 0, f"{desktop} still has changes to send"
        with self.server.admin() as admin:
            self._check_audit(admin)
            self._check_unique(admin)
            self._check_deleted_stay_deleted(admin)
        for desktop in self.desktops:
            self._check_desktop(desktop)

    def _check_audit(self, admin: Any) -> None:
        twice = admin.execute(
            "SELECT device_id, mutation_id FROM cams.server_audit"
            " WHERE mutation_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1"
        ).fetchall()
        assert twice == [], f"mutations with more than one audit decision: {twice}"
        for desktop in self.desktops:
            with desktop.db.read() as session:
                sent = {
                    e.mutation_id: e
                    for e in session.scalars(
                        select(OutboxEntry).where(
                            OutboxEntry.acknowledged_at.is_not(None)
                        )
                    )
                }
                issues = {
                    i.mutation_id: i.outcome for i in session.scalars(select(SyncIssue))
                }
            decisions = dict(
                admin.execute(
                    "SELECT mutation_id, decision FROM cams.server_audit"
                    " WHERE device_id = %s AND mutation_id IS NOT NULL",
                    (desktop.db.device_id,),
                ).fetchall()
            )
            missing = sorted(set(sent) - set(decisions))
            assert missing == [], f"{desktop}: acknowledged, never decided: {missing}"
            unknown = sorted(set(decisions) - set(sent))
            assert unknown == [], f"{desktop}: decided, never sent: {unknown}"
            for mutation_id, entry in sent.items():
                decision = decisions[mutation_id]
                if decision in ("conflict", "rejected"):
                    assert issues.get(mutation_id) == decision, (
                        f"{desktop}: {entry.table_name} change {mutation_id} was "
                        f"{decision} on the server, {issues.get(mutation_id)} here"
                    )
                    continue
                found = admin.execute(
                    f"SELECT version FROM cams.{entry.table_name} WHERE id = %s",
                    (entry.row_id,),
                ).fetchone()
                assert found is not None, f"{desktop}: {entry.table_name} lost"

    def _check_unique(self, admin: Any) -> None:
        for table, key in LOGICAL_KEYS.items():
            columns = ", ".join(key)
            filled = " AND ".join(f"{c} IS NOT NULL" for c in key)
            query = (
                f"SELECT {columns}, count(*) FROM {{}}{table} WHERE deleted_at IS NULL"
                f" AND {filled} GROUP BY {columns} HAVING count(*) > 1"
            )
            twice = admin.execute(query.format("cams.")).fetchall()
            assert twice == [], f"duplicate {table} on the server: {twice}"
            for desktop in self.desktops:
                with desktop.db.engine.connect() as connection:
                    twice = connection.exec_driver_sql(query.format("")).all()
                assert twice == [], f"duplicate {table} on {desktop}: {twice}"

    def _check_deleted_stay_deleted(self, admin: Any) -> None:
        """Deleted rows (not links, whose re-add wins) stay deleted everywhere."""
        deleted = admin.execute(
            "SELECT DISTINCT a.table_name, a.row_id FROM cams.server_audit a"
            " WHERE a.operation IN ('delete', 'purge')"
            " AND a.decision IN ('applied', 'merged') AND a.table_name <> ALL (%s)",
            (list(LINKS),),
        ).fetchall()
        for table, row_id in deleted:
            (gone,) = admin.execute(
                f"SELECT deleted_at IS NOT NULL FROM cams.{table} WHERE id = %s",
                (row_id,),
            ).fetchone()
            assert gone, f"deleted {table} {row_id} came back on the server"

    def _check_desktop(self, desktop: Desktop) -> None:
        tables = local.synced_tables()
        seen: dict[str, dict[uuid.UUID, int]] = {}
        with self.server.connect_as(desktop.username) as connection:
            for name in tables:
                seen[name] = dict(
                    connection.execute(
                        f"SELECT id, version FROM cams.{name} WHERE deleted_at IS NULL"
                    ).fetchall()
                )
        with desktop.db.engine.connect() as connection:
            for name, table in tables.items():
                held = _held(connection, table)
                assert held == seen[name], (
                    f"{desktop} holds other {name} than its role sees: "
                    f"only here {sorted(set(held) - set(seen[name]))[:5]}, "
                    f"only there {sorted(set(seen[name]) - set(held))[:5]}"
                )
        remote = desktop.transport.counts(SCHEMA_VERSION).tables
        assert local.local_digests(desktop.db, remote) == {
            name: remote[name] for name in tables if name in remote
        }
        orphans = local.check_references(desktop.db)
        assert orphans == [], f"{desktop} holds rows whose parent it lacks: {orphans}"


def _held(connection: Any, table: Table) -> dict[uuid.UUID, int]:
    return {
        row_id: version
        for row_id, version in connection.execute(
            select(table.c.id, table.c.version).where(table.c.deleted_at.is_(None))
        )
    }
