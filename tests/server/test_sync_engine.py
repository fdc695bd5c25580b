"""Desktops synchronizing through the school's server with the sync engine.

Each desktop is a local database file of its own, signed in to the server
as a staff member's role; the engine and the PostgreSQL transport are the
ones the application runs.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cams_desktop.db.engine import Database, become_new_device
from cams_desktop.db.guidance import Note
from cams_desktop.db.journal import SyncIssue
from cams_desktop.db.school import AccessLevel, Staff
from cams_desktop.db.students import CaseloadAssignment, Student
from cams_desktop.sync import local
from cams_desktop.sync.engine import SyncEngine
from cams_desktop.sync.pg import PgServer
from cams_desktop.sync.protocol import Outcome

pytestmark = pytest.mark.pg


class Desktop:
    """A desktop: its own copy of the school, synced as one staff member."""

    def __init__(self, path: Path, server: Any, username: str) -> None:
        self.db = Database(path)
        self.username = username
        self.transport = PgServer(server.role_url(server.roles[username]))
        self.engine = SyncEngine(self.db, self.transport, page_size=500)
        with self.db.read() as session:
            self.staff_id = session.scalar(
                select(Staff.id).where(Staff.username == username)
            )

    def sync(self) -> Any:
        return self.engine.run()

    def close(self) -> None:
        self.transport.close()
        self.db.close()

    def student(self, student_id: uuid.UUID) -> Student | None:
        with self.db.read() as session:
            return session.get(Student, student_id)

    def visible_students(self) -> set[uuid.UUID]:
        with self.db.read() as session:
            return set(
                session.scalars(select(Student.id).where(Student.deleted_at.is_(None)))
            )


@pytest.fixture
def desktops(fresh_demo_server: Any, demo50: Path, tmp_path: Path) -> Iterator[Any]:
    server = fresh_demo_server
    made: list[Desktop] = []

    def make(username: str) -> Desktop:
        if username not in server.roles:
            server.add_role(username)
        path = tmp_path / f"{username}-{len(made)}.sqlite"
        shutil.copy(demo50, path)
        with contextlib.closing(sqlite3.connect(path)) as connection:
            become_new_device(connection)
        desktop = Desktop(path, server, username)
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        desktop.close()


def _students_on_server(server: Any, role: str) -> set[uuid.UUID]:
    with server.connect_as(role) as connection:
        return {
            row[0]
            for row in connection.execute(
                "SELECT id FROM cams.students WHERE deleted_at IS NULL"
            )
        }


def test_a_first_sync_leaves_exactly_what_the_role_may_see(desktops, fresh_demo_server):
    teacher = desktops("enseignant")

    report = teacher.sync()

    assert report.redownloaded  # the copy held other students and schools
    assert teacher.visible_students() == _students_on_server(
        fresh_demo_server, "enseignant"
    )
    with teacher.db.read() as session:
        caseload = set(
            session.scalars(
                select(CaseloadAssignment.student_id).where(
                    CaseloadAssignment.staff_id == teacher.staff_id,
                    CaseloadAssignment.deleted_at.is_(None),
                )
            )
        )
    assert teacher.visible_students() == caseload
    assert teacher.sync().redownloaded == []  # in agreement from now on


def test_an_edit_reaches_the_other_desktop(desktops):
    first, second = desktops("admin"), desktops("admin")
    first.sync()
    second.sync()
    student_id = sorted(first.visible_students())[0]
    with first.db.transaction(first.staff_id) as session:
        session.get(Student, student_id).first_name = "Éloïse-Marie"

    pushed = first.sync()
    pulled = second.sync()

    assert pushed.outcomes == {Outcome.APPLIED: 1}
    assert local.pending_transactions(first.db) == []
    assert pulled.pulled >= 1
    assert second.student(student_id).first_name == "Éloïse-Marie"
    assert second.student(student_id).version == first.student(student_id).version


def test_edits_of_different_fields_on_two_offline_desktops_both_survive(desktops):
    first, second = desktops("admin"), desktops("direction")
    first.sync()
    second.sync()
    student_id = sorted(first.visible_students() & second.visible_students())[0]
    with first.db.transaction(first.staff_id) as session:
        session.get(Student, student_id).email = "nouvelle@ecole.example"
    with second.db.transaction(second.staff_id) as session:
        session.get(Student, student_id).grade = 11

    first.sync()
    merged = second.sync()
    first.sync()

    assert merged.outcomes.keys() <= {Outcome.APPLIED, Outcome.MERGED}
    for desktop in (first, second):
        stored = desktop.student(student_id)
        assert (stored.email, stored.grade) == ("nouvelle@ecole.example", 11)


def test_a_private_note_never_reaches_another_desktop(desktops):
    author, colleague = desktops("admin"), desktops("direction")
    author.sync()
    colleague.sync()
    student_id = sorted(author.visible_students() & colleague.visible_students())[0]
    with author.db.transaction(author.staff_id) as session:
        note = Note(
            student_id=student_id,
            author_id=author.staff_id,
            body="Confidentiel : rencontre avec la famille.",
            is_private=True,
        )
        session.add(note)
        session.flush()
        note_id = note.id

    assert author.sync().outcomes == {Outcome.APPLIED: 1}
    colleague.sync()

    with colleague.db.read() as session:
        assert session.get(Note, note_id) is None
    with author.db.read() as session:
        assert session.get(Note, note_id).body.startswith("Confidentiel")


def test_a_refused_change_is_kept_and_the_copy_returns_to_the_servers(desktops):
    teacher = desktops("enseignant")
    teacher.sync()
    with teacher.db.transaction(teacher.staff_id) as session:
        session.get(Staff, teacher.staff_id).access_level = AccessLevel.PROGRAM_ADMIN

    report = teacher.sync()

    assert report.outcomes == {Outcome.REJECTED: 1}
    assert "staff" in report.redownloaded
    with teacher.db.read() as session:
        issue = session.scalars(select(SyncIssue)).one()
        level = session.get(Staff, teacher.staff_id).access_level
    assert (issue.table_name, issue.row_id, issue.outcome) == (
        "staff",
        teacher.staff_id,
        "rejected",
    )
    assert issue.changes["access_level"] == [3, 1]
    assert level == AccessLevel.TEACHER  # the server's value again
    assert local.pending_transactions(teacher.db) == []


def test_a_refused_sign_in_is_not_taken_for_an_offline_server(fresh_demo_server):
    from psycopg import conninfo

    from cams_desktop.sync.pg import SyncRefused
    from cams_desktop.sync.protocol import ServerUnavailable

    unknown = conninfo.make_conninfo(fresh_demo_server.url, user="cams_nobody_here")
    closed = conninfo.make_conninfo(
        fresh_demo_server.url, host="127.0.0.1", port="1", connect_timeout="2"
    )

    with pytest.raises(SyncRefused, match="refused the sign-in"):
        PgServer(unknown).counts("0")
    with pytest.raises(ServerUnavailable):
        PgServer(closed).counts("0")
