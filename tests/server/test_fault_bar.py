"""SYNC.md's fault bar: twenty scenarios against the real server, with injected faults.

Desktops are files of their own synced by the application's engine and
transport, through a loopback proxy that can cut the network. After every
scenario the network heals, every desktop syncs, and ``Fleet.check`` runs
the checks the fault bar lists.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select
from sync_checks import Desktop, Fleet, proxy_for

from cams_desktop.db.base import link_id, utcnow
from cams_desktop.db.courses import Course
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import Note
from cams_desktop.db.journal import OutboxEntry
from cams_desktop.db.school import AccessLevel, Staff
from cams_desktop.db.students import (
    CaseloadAssignment,
    GroupMembership,
    Student,
    StudentGroup,
)
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.services.students import StudentDraft, add_student
from cams_desktop.sync import local
from cams_desktop.sync.engine import SyncEngine
from cams_desktop.sync.local import SyncBusy
from cams_desktop.sync.pg import PgServer, SyncRefused
from cams_desktop.sync.protocol import ClientTooOld, Outcome, ServerUnavailable

pytestmark = pytest.mark.pg

ROOT = Path(__file__).resolve().parents[2]


def _fleet(server: Any, demo: Path, folder: Path) -> Iterator[Fleet]:
    proxy = proxy_for(server.url)
    fleet = Fleet(server, demo, folder, proxy)
    try:
        yield fleet
    finally:
        fleet.close()
        proxy.close()


@pytest.fixture
def fleet(demo_server: Any, demo50: Path, tmp_path: Path) -> Iterator[Fleet]:
    """Desktops on the module's server (scenarios that leave the server as it is)."""
    yield from _fleet(demo_server, demo50, tmp_path)


@pytest.fixture
def fresh_fleet(
    fresh_demo_server: Any, demo50: Path, tmp_path: Path
) -> Iterator[Fleet]:
    """Desktops on a server of their own (scenarios that change the server)."""
    yield from _fleet(fresh_demo_server, demo50, tmp_path)


def _students(desktop: Desktop, count: int, *, skip: int = 0) -> list[uuid.UUID]:
    return sorted(desktop.visible_students())[skip : skip + count]


def _on_server(fleet: Fleet, query: str, *params: Any) -> Any:
    return fleet.server.scalar(query, *params)


def _audit(fleet: Fleet, desktop: Desktop) -> list[tuple[int, str]]:
    with fleet.server.admin() as connection:
        return [
            (int(mutation_id), str(decision))
            for mutation_id, decision in connection.execute(
                "SELECT mutation_id, decision FROM cams.server_audit"
                " WHERE device_id = %s AND mutation_id IS NOT NULL ORDER BY 1",
                (desktop.db.device_id,),
            )
        ]


def _wait_for_lock(fleet: Fleet, role: str, waiting: int = 1) -> list[int]:
    """Backend ids of ``role`` waiting on a lock, once ``waiting`` of them do."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        pids = fleet.server.column(
            "SELECT pid FROM pg_stat_activity WHERE usename = %s"
            " AND wait_event_type = 'Lock'",
            role,
        )
        if len(pids) >= waiting:
            return [int(pid) for pid in pids]
        time.sleep(0.02)
    raise AssertionError(f"{role} never waited on a lock")


class _Holding:
    """An administrator transaction holding a row lock until released."""

    def __init__(self, fleet: Fleet, table: str, row_id: uuid.UUID) -> None:
        self.connection = psycopg.connect(fleet.server.url)
        self.connection.execute(
            sql.SQL("SELECT 1 FROM cams.{} WHERE id = %s FOR UPDATE").format(
                sql.Identifier(table)
            ),
            (row_id,),
        )

    def release(self) -> None:
        self.connection.rollback()
        self.connection.close()


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run ``work`` in a thread; the list gets its result or its exception."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(work())
        except Exception as error:  # handed to the test
            out.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


# --- the twenty scenarios ----------------------------------------------------


def test_01_response_lost_after_commit_then_retry(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    one, two = _students(first, 2)

    # The transport's own retry meets the duplicate at once.
    first.edit(Student, one, email="perdue-1@ecole.example")
    fleet.proxy.lose_answer_to(b"cams.push")
    assert first.sync().outcomes == {Outcome.DUPLICATE: 1}
    # Both answers lost: the desktop goes offline, and sends again later.
    first.edit(Student, two, email="perdue-2@ecole.example")
    fleet.proxy.lose_answer_to(b"cams.push", count=2)
    with pytest.raises(ServerUnavailable):
        first.sync()
    assert fleet.proxy.dropped_answers == 3
    assert first.pending() == 1
    email = "SELECT email FROM cams.students WHERE id = %s"
    assert _on_server(fleet, email, two) == "perdue-2@ecole.example"
    assert first.sync().outcomes == {Outcome.DUPLICATE: 1}

    # A refusal whose answer was lost still reaches the desktop's list.
    with first.db.read() as session:
        program_admin = session.scalars(
            select(Staff.id).where(Staff.username == "admin")
        ).one()
    first.edit(Staff, program_admin, email="refus@ecole.example")
    fleet.proxy.lose_answer_to(b"cams.push")
    assert first.sync().outcomes == {Outcome.REJECTED: 1}
    assert [(i.row_id, i.outcome) for i in first.issues()] == [
        (program_admin, "rejected")
    ]

    fleet.heal_and_sync()
    assert [d for _, d in _audit(fleet, first)] == ["applied", "applied", "rejected"]
    assert second.student(two).email == "perdue-2@ecole.example"
    fleet.check()


def test_02_server_fails_in_the_middle_of_a_three_row_transaction(fleet):
    desktop, other = fleet.desktop("direction"), fleet.desktop("conseiller")
    rows = _students(desktop, 3, skip=3)
    with desktop.db.transaction(desktop.staff_id) as session:
        for number, student_id in enumerate(rows):
            session.get(Student, student_id).email = f"trois-{number}@ecole.example"
    (sent,) = local.pending_transactions(desktop.db)
    assert len(sent) == 3
    holding = _Holding(fleet, "students", sent[-1].row_id)
    try:
        thread, out = _in_thread(desktop.sync)
        (pid,) = _wait_for_lock(fleet, desktop.role)
        # The server stops half-way (the third row waits) and is unreachable.
        fleet.proxy.refuse()
        assert _on_server(fleet, "SELECT pg_terminate_backend(%s)", pid)
        thread.join(15)
        assert isinstance(out[0], ServerUnavailable)
    finally:
        holding.release()

    emails = fleet.server.column(
        "SELECT email FROM cams.students WHERE id = ANY(%s) ORDER BY id", rows
    )
    assert not any((e or "").startswith("trois-") for e in emails)
    assert _audit(fleet, desktop) == []
    assert desktop.pending() == 3

    fleet.heal_and_sync()
    assert [d for _, d in _audit(fleet, desktop)] == ["applied"] * 3
    assert sorted(other.student(s).email for s in rows) == [
        f"trois-{n}@ecole.example" for n in range(3)
    ]
    fleet.check()


def test_03_pull_cut_off_part_way(fleet, monkeypatch):
    writer, reader = fleet.desktop("direction"), fleet.desktop("conseiller")
    rows = _students(writer, 12, skip=6)
    for number, student_id in enumerate(rows):
        writer.edit(Student, student_id, email=f"page-{number}@ecole.example")
    writer.sync()
    reader.engine.page_size = 3
    pages: list[Any] = []
    pull = reader.transport.pull

    def cut_on_third(cursor: int, version: str, size: int) -> Any:
        if len(pages) == 2:
            fleet.proxy.cut()
            fleet.proxy.refuse()
        page = pull(cursor, version, size)
        pages.append(page)
        return page

    monkeypatch.setattr(reader.transport, "pull", cut_on_third)
    with pytest.raises(ServerUnavailable):
        reader.sync()

    # The two whole pages are in, with their cursor; nothing of the third.
    assert local.cursor(reader.db) == pages[1].cursor
    applied = {
        uuid.UUID(str(r.row["id"])): r.row["version"]
        for page in pages
        for r in page.rows
        if r.table == "students"
    }
    assert applied
    for student_id, version in applied.items():
        assert reader.student(student_id).version == version
    unseen = [s for s in rows if s not in applied]
    assert unseen
    assert all(not (reader.student(s).email or "").startswith("page-") for s in unseen)

    monkeypatch.undo()
    fleet.heal_and_sync()
    assert sorted(reader.student(s).email for s in rows) == sorted(
        f"page-{n}@ecole.example" for n in range(12)
    )
    fleet.check()


_WRITER = """
import sys, uuid
from pathlib import Path
from cams_desktop.db.engine import Database
from cams_desktop.db.students import Student
db = Database(Path(sys.argv[1]))
staff, student = uuid.UUID(sys.argv[2]), uuid.UUID(sys.argv[3])
number = 0
while True:
    with db.transaction(staff) as session:
        session.get(Student, student).email = f"tue-{number}@ecole.example"
    print(number, flush=True)
    number += 1
"""

_PULLER = """
import sys
from pathlib import Path
from cams_desktop.db.engine import Database
from cams_desktop.sync.engine import SyncEngine
from cams_desktop.sync.pg import PgServer
db = Database(Path(sys.argv[1]))
print("pulling", flush=True)
while True:
    SyncEngine(db, PgServer(sys.argv[2]), page_size=2).run()
"""


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    assert child.stdout is not None
    child.stdout.close()


def _intact(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_04_desktop_killed_during_a_local_write_an_outbox_append_a_pull_apply(fleet):
    writer, reader = fleet.desktop("direction"), fleet.desktop("conseiller")
    (target,) = _students(writer, 1, skip=18)

    # Killed while writing: each committed change has its outbox entry.
    child = _child(_WRITER, str(writer.path), str(writer.staff_id), str(target))
    assert child.stdout is not None
    last = -1
    while last < 30:
        last = int(child.stdout.readline())
    _kill(child)
    _intact(writer.path)
    reopened = Database(writer.path)
    try:
        with reopened.read() as session:
            email = session.get(Student, target).email
            entries = session.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.row_id == target)
                .order_by(OutboxEntry.mutation_id)
            ).all()
    finally:
        reopened.close()
    written = int(email.split("-")[1].split("@")[0])
    assert written >= last
    assert len(entries) == written + 1
    assert entries[-1].changes["email"][1] == email

    # Killed while pulling many small pages: the file stays whole.
    for number, student_id in enumerate(_students(writer, 20, skip=20)):
        writer.edit(Student, student_id, email=f"tire-{number}@ecole.example")
    writer.sync()
    child = _child(_PULLER, str(reader.path), reader.conninfo)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "pulling"
    time.sleep(0.8)
    _kill(child)
    _intact(reader.path)
    assert local.cursor(reader.db) >= 0

    fleet.heal_and_sync()
    assert reader.student(target).email == email
    fleet.check()


def test_05_two_offline_desktops_edit_different_fields_of_one_profile(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    (student_id,) = _students(first, 1, skip=24)
    fleet.proxy.cut()
    fleet.proxy.refuse()
    first.edit(Student, student_id, email="champ@ecole.example")
    second.edit(Student, student_id, grade=11)
    for desktop in (first, second):
        with pytest.raises(ServerUnavailable):
            desktop.sync()

    fleet.heal_and_sync()
    for desktop in (first, second):
        stored = desktop.student(student_id)
        assert (stored.email, stored.grade) == ("champ@ecole.example", 11)
    assert [d for _, d in _audit(fleet, first)] == ["applied"]
    assert [d for _, d in _audit(fleet, second)] == ["merged"]
    fleet.check()


def test_06_same_field_edited_on_two_offline_desktops(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    (student_id,) = _students(first, 1, skip=25)
    name = first.student(student_id).first_name
    # An ordinary field: the later arrival wins, the earlier stays in the audit.
    first.edit(Student, student_id, email="premier@ecole.example")
    second.edit(Student, student_id, email="second@ecole.example")
    # A sensitive field: the first arrival stays, the second is a conflict.
    first.edit(Student, student_id, first_name="Alphonsine")
    second.edit(Student, student_id, first_name="Bérénice")
    assert first.sync().outcomes == {Outcome.APPLIED: 2}
    assert second.sync().outcomes == {Outcome.MERGED: 1, Outcome.CONFLICT: 1}

    fleet.heal_and_sync()
    for desktop in (first, second):
        stored = desktop.student(student_id)
        assert (stored.email, stored.first_name) == (
            "second@ecole.example",
            "Alphonsine",
        )
    with fleet.server.admin() as admin:
        before = admin.execute(
            "SELECT before ->> 'email' FROM cams.server_audit"
            " WHERE device_id = %s AND table_name = 'students' AND before ? 'email'",
            (second.db.device_id,),
        ).fetchone()
        kept = admin.execute(
            "SELECT fields FROM cams.conflicts WHERE device_id = %s",
            (second.db.device_id,),
        ).fetchone()
    assert before == ("premier@ecole.example",)
    assert kept is not None
    assert kept[0]["first_name"] == {
        "base": name,
        "theirs": "Alphonsine",
        "mine": "Bérénice",
    }
    (issue,) = second.issues()
    assert (issue.outcome, issue.changes["first_name"]) == (
        "conflict",
        [name, "Bérénice"],
    )
    fleet.check()


def test_07_same_note_edited_offline_on_two_desktops_of_its_author(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("direction")
    (student_id,) = _students(first, 1, skip=27)
    with first.db.transaction(first.staff_id) as session:
        note = Note(student_id=student_id, author_id=first.staff_id, body="Départ")
        session.add(note)
        session.flush()
        note_id = note.id
    first.sync()
    second.sync()
    first.edit(Note, note_id, body="Version du bureau")
    second.edit(Note, note_id, body="Version du portable")
    first.sync()
    assert second.sync().outcomes == {Outcome.CONFLICT: 1}

    fleet.heal_and_sync()
    for desktop in (first, second):
        assert desktop.get(Note, note_id).body == "Version du bureau"
    kept = fleet.server.scalar(
        "SELECT jsonb_build_array(kind, fields -> 'body' ->> 'mine')"
        " FROM cams.conflicts WHERE row_id = %s",
        note_id,
    )
    assert kept == ["revision", "Version du portable"]  # no text is dropped
    assert [i.outcome for i in second.issues()] == ["conflict"]
    fleet.check()


def test_08_course_deleted_by_one_administrator_while_another_edits_it(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    with first.db.read() as session:
        course = session.scalars(
            select(Course).where(Course.deleted_at.is_(None)).order_by(Course.id)
        ).first()
        assert course is not None
        course_id, title = course.id, course.title_fr
    first.edit(Course, course_id, deleted_at=utcnow())
    second.edit(Course, course_id, title_fr="Mathématiques avancées")
    first.sync()
    assert second.sync().outcomes == {Outcome.CONFLICT: 1}

    fleet.heal_and_sync()
    with fleet.server.admin() as connection:
        deleted, stored = connection.execute(
            "SELECT deleted_at IS NOT NULL, title_fr FROM cams.courses WHERE id = %s",
            (course_id,),
        ).fetchone()
    assert (deleted, stored) == (True, title)  # never an undelete
    assert second.get(Course, course_id).deleted_at is not None
    assert (
        fleet.server.scalar(
            "SELECT kind FROM cams.conflicts WHERE row_id = %s", course_id
        )
        == "deleted"
    )
    fleet.check()


def test_09_desktop_offline_longer_than_the_tombstone_horizon(fresh_fleet):
    fleet = fresh_fleet
    admin, away = fleet.desktop("direction"), fleet.desktop("conseiller")
    kept, gone = _students(admin, 2)
    away.edit(Student, kept, email="revenu@ecole.example")
    admin.edit(Student, gone, deleted_at=utcnow())
    admin.edit(Student, kept, grade=12)
    admin.sync()
    fleet.server.scalar("SELECT cams.compact_change_log(interval '0 seconds')")
    assert fleet.server.scalar("SELECT max(horizon_seq) FROM cams.school_counters")

    report = away.sync()

    assert report.outcomes == {Outcome.MERGED: 1}
    assert set(report.redownloaded) == set(local.synced_tables())
    stored = away.student(kept)
    assert (stored.email, stored.grade) == ("revenu@ecole.example", 12)
    assert gone not in away.visible_students()
    fleet.heal_and_sync()
    fleet.check()


def test_10_same_student_added_to_the_same_group_on_two_offline_desktops(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    with first.db.read() as session:
        taken = {
            (group, student)
            for group, student in session.execute(
                select(GroupMembership.group_id, GroupMembership.student_id)
            )
        }
        groups = session.scalars(
            select(StudentGroup.id)
            .where(StudentGroup.deleted_at.is_(None))
            .order_by(StudentGroup.id)
        ).all()
    group_id, student_id = next(
        (group, student)
        for group in groups
        for student in sorted(first.visible_students())
        if (group, student) not in taken
    )
    membership = link_id(group_id, student_id)
    for desktop in (first, second):
        with desktop.db.transaction(desktop.staff_id) as session:
            session.add(
                GroupMembership(id=membership, group_id=group_id, student_id=student_id)
            )

    fleet.heal_and_sync()
    assert (
        fleet.server.scalar(
            "SELECT count(*) FROM cams.group_memberships"
            " WHERE group_id = %s AND student_id = %s",
            group_id,
            student_id,
        )
        == 1
    )
    for desktop in (first, second):
        assert desktop.get(GroupMembership, membership).deleted_at is None
    fleet.check()


def test_11_two_desktops_create_a_student_with_the_same_number_offline(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    made = [
        add_student(
            desktop.db,
            desktop.actor,
            StudentDraft(
                first_name=name,
                last_name="Doublon",
                grade=10,
                username=f"doublon.{name.lower()}",
                student_number="990011",
            ),
        )
        for desktop, name in ((first, "Camille"), (second, "Dominique"))
    ]
    first.sync()
    report = second.sync()

    assert report.outcomes[Outcome.REJECTED] >= 1
    assert report.outcomes.keys() <= {Outcome.REJECTED}
    fleet.heal_and_sync()
    for desktop in (first, second):
        with desktop.db.read() as session:
            numbered = session.scalars(
                select(Student.id).where(Student.student_number == "990011")
            ).all()
        assert numbered == [made[0]]
    assert [i.row_id for i in second.issues() if i.table_name == "students"] == [
        made[1]
    ]
    fleet.check()


def test_12_student_leaves_a_teacher_caseload_with_pending_edits(fleet):
    teacher, admin = fleet.desktop("enseignant"), fleet.desktop("direction")
    (student_id,) = _students(teacher, 1, skip=2)
    teacher.edit(Student, student_id, email="enseignant@ecole.example")
    # A note written and deleted here, never on the server.
    with teacher.db.transaction(teacher.staff_id) as session:
        note = Note(student_id=student_id, author_id=teacher.staff_id, body="Brouillon")
        session.add(note)
        session.flush()
        note_id = note.id
    teacher.edit(Note, note_id, deleted_at=utcnow())
    admin.edit(
        CaseloadAssignment, link_id(teacher.staff_id, student_id), deleted_at=utcnow()
    )
    admin.sync()

    report = teacher.sync()

    assert report.outcomes == {Outcome.REJECTED: 3}
    assert student_id not in teacher.visible_students()
    assert teacher.get(Note, note_id) is None  # gone with its student
    issue, *of_note = teacher.issues()
    assert (issue.row_id, issue.outcome) == (student_id, "rejected")
    assert issue.reason == "this student is no longer in your list"
    assert [(i.row_id, i.operation) for i in of_note] == [
        (note_id, "insert"),
        (note_id, "delete"),
    ]
    assert (
        fleet.server.scalar(
            "SELECT reason FROM cams.rejected_mutations WHERE row_id = %s", student_id
        )
        == "access_revoked"
    )
    assert (
        fleet.server.scalar("SELECT email FROM cams.students WHERE id = %s", student_id)
        != "enseignant@ecole.example"
    )
    fleet.heal_and_sync()
    fleet.check()


def test_13_modified_client_asks_for_other_rows_or_forges_a_device_id(fleet):
    teacher, admin = fleet.desktop("enseignant"), fleet.desktop("direction")
    mine = teacher.visible_students()
    others = admin.visible_students() - mine
    assert others
    with fleet.server.connect_as("enseignant") as connection:
        listed = connection.execute(
            "SELECT cams.table_rows('students', NULL, 5000, %s)", (SCHEMA_VERSION,)
        ).fetchone()[0]
        pulled = connection.execute(
            "SELECT cams.pull(0, %s, 5000)", (SCHEMA_VERSION,)
        ).fetchone()[0]
        direct = connection.execute(
            "SELECT id FROM cams.students WHERE id = ANY(%s)", (list(others),)
        ).fetchall()
    assert {uuid.UUID(r["id"]) for r in listed["rows"]} == mine
    pulled_students = {
        uuid.UUID(r["id"]) for r in pulled["rows"] if r["table"] == "students"
    }
    assert pulled_students <= mine
    assert direct == []

    # Pushing under another user's device id is refused as a whole.
    admin.edit(Student, sorted(mine)[0], grade=11)
    admin.sync()
    teacher.edit(Staff, teacher.staff_id, email="moi@ecole.example")
    (mine_sent,) = local.pending_transactions(teacher.db)
    with pytest.raises(SyncRefused, match="another staff member"):
        teacher.transport.push(admin.db.device_id, SCHEMA_VERSION, mine_sent)
    assert (
        fleet.server.scalar(
            "SELECT count(*) FROM cams.server_audit WHERE decision = 'refused'"
            " AND device_id = %s AND staff_id = %s",
            admin.db.device_id,
            teacher.staff_id,
        )
        == 1
    )
    # Writing a row out of sight (never in this teacher's list), from a
    # device of its own making.
    listed_once = set(
        fleet.server.column(
            "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s",
            teacher.staff_id,
        )
    )
    stranger = sorted(others - listed_once)[0]
    forged = local.Mutation(
        1,
        uuid.uuid4(),
        "students",
        stranger,
        "update",
        1,
        {"email": [None, "vole@ecole.example"]},
        utcnow().isoformat(),
    )
    reply = teacher.transport.push(uuid.uuid4(), SCHEMA_VERSION, [forged])
    assert [(r.outcome, r.reason) for r in reply.results] == [
        (Outcome.REJECTED, "this row is outside what you may see")
    ]
    # The desktop's own change is still waiting, and goes through.
    assert teacher.pending() == 1
    assert teacher.sync().outcomes == {Outcome.APPLIED: 1}
    fleet.heal_and_sync()
    assert (
        fleet.server.scalar("SELECT email FROM cams.students WHERE id = %s", stranger)
        != "vole@ecole.example"
    )
    fleet.check()


def test_14_desktop_clocks_days_ahead_and_an_hour_behind(fleet, monkeypatch):
    ahead, behind = fleet.desktop("direction"), fleet.desktop("conseiller")
    (student_id,) = _students(ahead, 1, skip=30)
    real = utcnow()
    monkeypatch.setattr(
        "cams_desktop.db.tracking.utcnow", lambda: real + dt.timedelta(days=3)
    )
    ahead.edit(Student, student_id, email="avance@ecole.example")
    monkeypatch.setattr(
        "cams_desktop.db.tracking.utcnow", lambda: real - dt.timedelta(hours=1)
    )
    behind.edit(Student, student_id, email="retard@ecole.example")
    monkeypatch.undo()
    ahead.sync()
    behind.sync()

    fleet.heal_and_sync()
    # Arrival order decides, never the clocks.
    assert ahead.student(student_id).email == "retard@ecole.example"
    with fleet.server.admin() as admin:
        recorded = dict(
            admin.execute(
                "SELECT device_id, client_recorded_at - received_at"
                " FROM cams.server_audit WHERE row_id = %s",
                (student_id,),
            ).fetchall()
        )
        updated = admin.execute(
            "SELECT abs(extract(epoch FROM updated_at - now()))"
            " FROM cams.students WHERE id = %s",
            (student_id,),
        ).fetchone()[0]
    assert recorded[ahead.db.device_id] > dt.timedelta(days=2)
    assert recorded[behind.db.device_id] < dt.timedelta(minutes=-50)
    assert updated < 120  # the server's time, not the desktop's
    fleet.check()


def test_15_two_pushes_commit_out_of_sequence_order_while_a_third_pulls(fleet):
    first, second = fleet.desktop("direction"), fleet.desktop("sduchesne")
    reader = fleet.desktop("conseiller")
    one, two = _students(first, 2, skip=33)
    first.edit(Student, one, email="lent@ecole.example")
    second.edit(Student, two, email="rapide@ecole.example")
    holding = _Holding(fleet, "students", one)
    try:
        slow, slow_out = _in_thread(first.sync)
        _wait_for_lock(fleet, first.role)
        fast, fast_out = _in_thread(second.sync)
        _wait_for_lock(fleet, second.role)
        reader.sync()  # pulls while both pushes wait
    finally:
        holding.release()
    slow.join(15)
    fast.join(15)
    assert not isinstance(slow_out[0], Exception)
    assert not isinstance(fast_out[0], Exception)

    reader.sync()
    assert reader.student(one).email == "lent@ecole.example"
    assert reader.student(two).email == "rapide@ecole.example"
    fleet.heal_and_sync()
    fleet.check()


def test_16_old_client_after_an_additive_migration_and_a_too_old_client(fresh_fleet):
    fleet = fresh_fleet
    old, admin = fleet.desktop("direction"), fleet.desktop("conseiller")
    one, two = _students(old, 2)
    with fleet.server.admin() as connection:
        connection.execute("ALTER TABLE cams.students ADD COLUMN nickname text")
        connection.execute(
            "UPDATE cams.schema_info SET max_client_version = %s",
            (f"{int(SCHEMA_VERSION) + 1:04d}",),
        )
    admin.edit(Student, one, grade=11)
    admin.sync()
    old.edit(Student, two, email="ancien@ecole.example")
    assert old.sync().outcomes == {Outcome.APPLIED: 1}
    assert old.student(one).grade == 11

    with fleet.server.admin() as connection:
        connection.execute(
            "UPDATE cams.schema_info SET min_client_version = %s",
            (f"{int(SCHEMA_VERSION) + 1:04d}",),
        )
    old.edit(Student, two, grade=12)
    with pytest.raises(ClientTooOld) as refused:
        old.sync()
    assert refused.value.required == f"{int(SCHEMA_VERSION) + 1:04d}"
    assert old.pending() == 1  # kept until this desktop is upgraded

    with fleet.server.admin() as connection:
        connection.execute(
            "UPDATE cams.schema_info SET min_client_version = %s", (SCHEMA_VERSION,)
        )
    fleet.heal_and_sync()
    assert admin.student(two).grade == 12
    fleet.check()


def test_17_column_renamed_expand_contract_while_a_desktop_is_offline(fresh_fleet):
    fleet = fresh_fleet
    away, other = fleet.desktop("direction"), fleet.desktop("conseiller")
    late = fleet.desktop("sduchesne")
    one, two = _students(away, 2)
    fleet.proxy.refuse()
    away.edit(Student, one, first_name="Renée")
    late.edit(Student, two, first_name="Gaëlle")
    # Expand: the new column, filled and kept in step with the old one for
    # desktops of the previous release.
    with fleet.server.admin() as connection:
        connection.execute("ALTER TABLE cams.students ADD COLUMN given_name text")
        connection.execute("UPDATE cams.students SET given_name = first_name")
        connection.execute(
            """
            CREATE FUNCTION cams.keep_given_name() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              NEW.given_name := NEW.first_name;
              RETURN NEW;
            END $$"""
        )
        connection.execute(
            "CREATE TRIGGER keep_given_name BEFORE INSERT OR UPDATE"
            " ON cams.students FOR EACH ROW EXECUTE FUNCTION cams.keep_given_name()"
        )
    fleet.proxy.heal()
    assert away.sync().outcomes == {Outcome.APPLIED: 1}
    assert (
        fleet.server.scalar("SELECT given_name FROM cams.students WHERE id = %s", one)
        == "Renée"
    )
    # Contract: only once no desktop of the old release is accepted.
    newer = f"{int(SCHEMA_VERSION) + 1:04d}"
    with fleet.server.admin() as connection:
        connection.execute(
            "UPDATE cams.schema_info SET min_client_version = %s,"
            " max_client_version = %s",
            (newer, newer),
        )
    with pytest.raises(ClientTooOld):
        late.sync()
    assert late.pending() == 1
    assert (
        fleet.server.scalar("SELECT first_name FROM cams.students WHERE id = %s", two)
        != "Gaëlle"
    )
    with fleet.server.admin() as connection:
        connection.execute(
            "UPDATE cams.schema_info SET min_client_version = %s,"
            " max_client_version = %s",
            (SCHEMA_VERSION, SCHEMA_VERSION),
        )
    fleet.heal_and_sync()
    assert other.student(two).first_name == "Gaëlle"
    fleet.check()


def test_18_two_sync_runs_at_once_on_one_desktop(fleet, monkeypatch):
    desktop = fleet.desktop("direction")
    (student_id,) = _students(desktop, 1, skip=36)
    desktop.edit(Student, student_id, email="seul@ecole.example")
    entered, release = threading.Event(), threading.Event()
    push = desktop.transport.push

    def slow_push(*args: Any) -> Any:
        entered.set()
        release.wait(15)
        return push(*args)

    monkeypatch.setattr(desktop.transport, "push", slow_push)
    thread, out = _in_thread(desktop.sync)
    assert entered.wait(15)
    twin = Database(desktop.path)
    try:
        with pytest.raises(SyncBusy):
            SyncEngine(twin, PgServer(desktop.conninfo)).run()
        with pytest.raises(SyncBusy):
            desktop.sync()
    finally:
        twin.close()
        release.set()
    thread.join(15)
    assert out[0].outcomes == {Outcome.APPLIED: 1}
    monkeypatch.undo()
    fleet.heal_and_sync()
    assert [d for _, d in _audit(fleet, desktop)] == ["applied"]
    fleet.check()


def test_19_the_third_of_ten_queued_mutations_is_permanently_invalid(fleet):
    teacher = fleet.desktop("enseignant")
    rows = _students(teacher, 9, skip=5)
    for number, student_id in enumerate(rows):
        if number == 2:
            teacher.edit(Staff, teacher.staff_id, access_level=AccessLevel.SCHOOL_ADMIN)
        teacher.edit(Student, student_id, email=f"file-{number}@ecole.example")

    report = teacher.sync()

    assert report.outcomes == {Outcome.APPLIED: 9, Outcome.REJECTED: 1}
    assert [d for _, d in _audit(fleet, teacher)][2] == "rejected"
    (issue,) = teacher.issues()
    assert (issue.table_name, issue.outcome) == ("staff", "rejected")
    emails = fleet.server.column(
        "SELECT email FROM cams.students WHERE id = ANY(%s)", rows
    )
    assert sorted(emails) == sorted(f"file-{n}@ecole.example" for n in range(9))
    fleet.heal_and_sync()
    with teacher.db.read() as session:
        assert session.get(Staff, teacher.staff_id).access_level == AccessLevel.TEACHER
    fleet.check()


def test_20_server_restored_from_an_older_backup(fresh_fleet, pg_admin_url):
    fleet = fresh_fleet
    first, second = fleet.desktop("direction"), fleet.desktop("conseiller")
    one, two, three = _students(first, 3)
    first.edit(Student, one, email="avant@ecole.example")
    second.edit(Student, one, grade=11)
    late = fleet.desktop("sduchesne")  # signed in, never pushed before the backup
    fleet.heal_and_sync()
    backup = f"{fleet.server.name}_backup"

    def copy(source: str, target: str) -> None:
        for desktop in fleet.desktops:
            desktop.transport.close()
        with psycopg.connect(pg_admin_url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(target)
                )
            )
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(target), sql.Identifier(source)
                )
            )

    copy(fleet.server.name, backup)
    try:
        first.edit(Student, two, email="apres@ecole.example")
        second.edit(Student, three, email="perdu-sans-retour@ecole.example")
        fleet.heal_and_sync()
        late.edit(Student, three, grade=12)
        late.sync()
        copy(backup, fleet.server.name)
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(backup)
                )
            )

    fleet.heal_and_sync()
    for desktop in fleet.desktops:
        stored = (desktop.student(two).email, desktop.student(three).email)
        assert stored == ("apres@ecole.example", "perdu-sans-retour@ecole.example")
        assert desktop.student(three).grade == 12
    fleet.check()
