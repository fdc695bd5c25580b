"""Synchronizing with the school's server, and what the desktop shows of it.

The engine (``cams_desktop.sync``) does the work; this module runs it as the
signed-in staff member, remembers how the last cycle ended, and reads the
sync health every desktop shows (SYNC.md rule 13): waiting changes, last
push and pull, the last error, and the changes the server did not take.
Program administrators also review and resolve the server's open conflicts
here (Action.REVIEW_CONFLICTS).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import SyncIssue
from cams_desktop.db.students import Student
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.server_connection import (
    ServerLogin,
    connect,
    explain,
    server_login,
    server_settings,
)
from cams_desktop.sync import local
from cams_desktop.sync.engine import SyncEngine, SyncError, SyncReport
from cams_desktop.sync.pg import PgServer, SyncRefused
from cams_desktop.sync.protocol import ClientTooOld, CursorTooOld

log = logging.getLogger(__name__)

# How the administrator settles a conflict (cams.resolve_conflict).
KEEP_SERVER = "theirs"
TAKE_DESKTOP = "mine"
MERGE = "merge"


class SyncNotReady(Exception):
    """No server is set up, or the staff member has no server password here."""


class ServerProblem(Exception):
    """The server could not answer; the message is for the user."""


@dataclass(frozen=True, slots=True)
class SyncHealth:
    configured: bool
    pending: int
    oldest_pending_at: dt.datetime | None
    last_push_at: dt.datetime | None
    last_pull_at: dt.datetime | None
    last_error: str | None
    issues: int


def _login(db: Database, actor: Actor) -> ServerLogin:
    if server_settings(db) is None:
        raise SyncNotReady(
            QCoreApplication.translate(
                "Sync", "This desktop is not connected to a school server."
            )
        )
    login = server_login(db, actor)
    if login is None:
        raise SyncNotReady(
            QCoreApplication.translate(
                "Sync",
                "Set your server password (My account → Server password…) "
                "to synchronize.",
            )
        )
    return login


def _record_error(db: Database, message: str | None) -> None:
    with db.engine.begin() as connection:
        local.write_state(connection, local.LAST_ERROR, message)


def run_sync(db: Database, actor: Actor) -> SyncReport:
    """One push-pull cycle as the signed-in staff member.

    Raises ServerUnavailable when the server cannot be reached (work goes on
    offline) and SyncBusy when another cycle runs on this file; other
    failures are remembered as the last error, shown in the status bar.
    """
    login = _login(db, actor)
    server = PgServer(login.conninfo())
    try:
        report = SyncEngine(db, server).run()
    except (SyncError, SyncRefused, ClientTooOld, CursorTooOld) as error:
        _record_error(db, str(error))
        log.warning("synchronization stopped: %s", type(error).__name__)
        raise
    finally:
        server.close()
    _record_error(db, None)
    log.info("synchronized: %d pulled, %d waiting", report.pulled, report.waiting)
    return report


def _moment(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def sync_health(db: Database) -> SyncHealth:
    """What the status bar shows; cheap enough to read every few seconds."""
    pending, oldest = local.pending_summary(db)
    with db.read() as session:
        issues = session.scalar(select(func.count()).select_from(SyncIssue)) or 0
    return SyncHealth(
        configured=server_settings(db) is not None,
        pending=pending,
        oldest_pending_at=oldest,
        last_push_at=_moment(local.read_state(db, local.LAST_PUSH)),
        last_pull_at=_moment(local.read_state(db, local.LAST_PULL)),
        last_error=local.read_state(db, local.LAST_ERROR),
        issues=int(issues),
    )


def pending_changes(db: Database) -> int:
    """How many local changes wait to be sent."""
    return local.pending_summary(db)[0]


# --- conflicts and refused changes ----------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalIssue:
    """A change of this desktop the server kept as a conflict or refused."""

    id: int
    table: str
    label: str  # the student the row belongs to, when there is one
    changes: dict[str, tuple[Any, Any]]  # field → (old, new)
    outcome: str  # conflict, rejected
    reason: str
    recorded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ConflictField:
    base: Any
    theirs: Any  # the server's value when the conflict arose
    mine: Any  # the desktop's value


@dataclass(frozen=True, slots=True)
class ServerConflict:
    id: uuid.UUID
    table: str
    label: str
    kind: str  # field, revision, deleted
    author: str
    created_at: dt.datetime
    fields: dict[str, ConflictField]


def _student_name(student: Student | None) -> str:
    return "" if student is None else f"{student.first_name} {student.last_name}"


def _label(db: Database, table_name: str, row_id: uuid.UUID) -> str:
    with db.read() as session:
        if table_name == Student.__tablename__:
            return _student_name(session.get(Student, row_id))
        table = local.synced_tables().get(table_name)
        if table is None or "student_id" not in table.c:
            return ""
        student_id = session.execute(
            select(table.c.student_id).where(table.c.id == row_id)
        ).scalar()
        return (
            ""
            if student_id is None
            else _student_name(session.get(Student, student_id))
        )


def local_issues(db: Database, actor: Actor) -> list[LocalIssue]:
    """This desktop's refused and conflicting changes, newest first."""
    require(db, actor, Action.REVIEW_CONFLICTS)
    with db.read() as session:
        issues = session.scalars(
            select(SyncIssue).order_by(SyncIssue.settled_at.desc(), SyncIssue.id)
        ).all()
    found = []
    for issue in issues:
        changes = issue.changes if isinstance(issue.changes, dict) else {}
        found.append(
            LocalIssue(
                id=issue.id,
                table=issue.table_name,
                label=_label(db, issue.table_name, issue.row_id),
                changes={
                    str(name): (pair[0], pair[1])
                    for name, pair in changes.items()
                    if isinstance(pair, list) and len(pair) == 2
                },
                outcome=issue.outcome,
                reason=issue.reason,
                recorded_at=issue.recorded_at,
            )
        )
    return found


def _server_call(db: Database, actor: Actor, query: str, *params: Any) -> Any:
    login = _login(db, actor)
    try:
        with connect(login) as connection:
            row = connection.execute(query, params).fetchone()
    except psycopg.errors.InsufficientPrivilege as error:
        raise ServerProblem(
            QCoreApplication.translate(
                "Sync",
                "The server says only program administrators review conflicts.",
            )
        ) from error
    except psycopg.errors.InvalidParameterValue as error:
        raise ServerProblem(
            QCoreApplication.translate(
                "Sync", "The server did not take this choice: {0}"
            ).format(str(error).splitlines()[0])
        ) from error
    except psycopg.Error as error:
        raise ServerProblem(explain(error, login)) from error
    return None if row is None else row[0]


def server_conflicts(db: Database, actor: Actor) -> list[ServerConflict]:
    """The server's unresolved conflicts of this school (blocks: off the GUI)."""
    require(db, actor, Action.REVIEW_CONFLICTS)
    answer = _server_call(db, actor, "SELECT cams.open_conflicts()")
    found = []
    for item in (answer or {}).get("conflicts", []):
        found.append(
            ServerConflict(
                id=uuid.UUID(str(item["id"])),
                table=str(item["table"]),
                label=str(item.get("student") or ""),
                kind=str(item["kind"]),
                author=str(item.get("author") or ""),
                created_at=dt.datetime.fromisoformat(str(item["created_at"])),
                fields={
                    str(name): ConflictField(
                        sides.get("base"), sides.get("theirs"), sides.get("mine")
                    )
                    for name, sides in dict(item["fields"]).items()
                },
            )
        )
    return found


def resolve_conflict(
    db: Database,
    actor: Actor,
    conflict_id: uuid.UUID,
    choice: str,
    merged: dict[str, Any] | None = None,
) -> list[str]:
    """Settle one conflict on the server; the fields it changed.

    The change reaches this desktop, and every other, with the next pull.
    """
    require(db, actor, Action.REVIEW_CONFLICTS)
    answer = _server_call(
        db,
        actor,
        "SELECT cams.resolve_conflict(%s, %s, %s)",
        conflict_id,
        choice,
        None if merged is None else Jsonb(merged),
    )
    log.info("conflict %s resolved (%s)", conflict_id, choice)
    return [str(name) for name in (answer or {}).get("changed", [])]
