"""Push and pull as desktops call them: plain psycopg, JSON built here (SYNC.md)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb
from sqlalchemy import select

from cams_desktop.db.base import link_id
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import Note
from cams_desktop.db.journal import OutboxEntry
from cams_desktop.db.students import Student
from cams_desktop.db.tracking import SCHEMA_VERSION, plain
from cams_desktop.services import notes
from cams_desktop.services.access import actor_for

pytestmark = pytest.mark.pg

NOW = "2026-10-01T12:00:00+00:00"


class Device:
    """A simulated desktop of one staff member: a device id and its numbering."""

    def __init__(
        self, connection: psycopg.Connection[Any], device_id: uuid.UUID | None = None
    ) -> None:
        self.connection = connection
        self.id = device_id or uuid.uuid4()
        self.next_mutation = 1

    def push(self, *mutations: dict[str, Any]) -> dict[str, Any]:
        """Push one local transaction, numbering its mutations in order."""
        transaction = str(uuid.uuid4())
        batch = []
        for mutation in mutations:
            batch.append(
                {
                    **mutation,
                    "mutation_id": self.next_mutation,
                    "transaction_id": transaction,
                    "device_id": str(self.id),
                    "schema_version": SCHEMA_VERSION,
                    "recorded_at": NOW,
                }
            )
            self.next_mutation += 1
        return self.send(batch)

    def send(
        self, batch: list[dict[str, Any]], version: str = SCHEMA_VERSION
    ) -> dict[str, Any]:
        return self.connection.execute(
            "SELECT cams.push(%s, %s, %s)", (self.id, version, Jsonb(batch))
        ).fetchone()[0]


def update(table: str, row_id: object, base: int | None, **fields: Any) -> dict:
    """An update; each field given as (old, new)."""
    return {
        "table_name": table,
        "row_id": str(row_id),
        "operation": "update",
        "base_version": base,
        "changes": {name: list(pair) for name, pair in fields.items()},
    }


def insert(table: str, row_id: object, **values: Any) -> dict:
    return {
        "table_name": table,
        "row_id": str(row_id),
        "operation": "insert",
        "base_version": None,
        "changes": {
            name: [None, value]
            for name, value in {
                "id": str(row_id),
                "created_at": NOW,
                "updated_at": NOW,
                "deleted_at": None,
                "version": 1,
                **values,
            }.items()
        },
    }


def delete(table: str, row_id: object, base: int) -> dict:
    return {
        "table_name": table,
        "row_id": str(row_id),
        "operation": "delete",
        "base_version": base,
        "changes": {"deleted_at": [None, NOW]},
    }


def note(student: uuid.UUID, author: uuid.UUID, body: str, private: bool = False):
    return insert(
        "notes",
        uuid.uuid4(),
        student_id=str(student),
        author_id=str(author),
        body=body,
        is_private=private,
    )


def results(answer: dict[str, Any]) -> list[tuple[Any, ...]]:
    assert answer["status"] == "ok", answer
    return [(r["mutation_id"], r["result"], r.get("reason")) for r in answer["results"]]


def pull(connection, cursor: int, page_size: int = 5000) -> dict[str, Any]:
    return connection.execute(
        "SELECT cams.pull(%s, %s, %s)", (cursor, SCHEMA_VERSION, page_size)
    ).fetchone()[0]


def pull_all(connection, cursor: int, page_size: int = 5000) -> tuple[dict, set, int]:
    """Every page from ``cursor``: rows by (table, id), removals, last cursor."""
    rows: dict[tuple[str, str], dict] = {}
    removed: set[tuple[str, str]] = set()
    while True:
        page = pull(connection, cursor, page_size)
        assert page["status"] == "ok", page
        assert page["cursor"] >= cursor
        for row in page["rows"]:
            rows[row["table"], row["id"]] = row["data"]
            removed.discard((row["table"], row["id"]))
        for gone in page["removed"]:
            removed.add((gone["table"], gone["id"]))
            rows.pop((gone["table"], gone["id"]), None)
        cursor = page["cursor"]
        if not page["has_more"]:
            return rows, removed, cursor


def last_seq(server) -> int:
    return server.scalar("SELECT max(last_seq) FROM cams.school_counters")


def row(server, table: str, row_id: object) -> dict[str, Any]:
    return server.scalar(
        f"SELECT cams.wire_{table}(r) FROM cams.{table} r WHERE r.id = %s", row_id
    )


@pytest.fixture(scope="module")
def school(demo_server):
    for username in ("enseignant", "conseiller", "secretariat"):
        demo_server.add_role(username)
    return demo_server


@pytest.fixture(scope="module")
def students(school) -> list[uuid.UUID]:
    """The teacher's students, one or two per test."""
    return sorted(
        school.column(
            "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s",
            school.staff["enseignant"],
        )
    )


@pytest.fixture
def teacher(school) -> Iterator[psycopg.Connection[Any]]:
    with school.connect_as("enseignant") as connection:
        yield connection


@pytest.fixture
def counsellor(school) -> Iterator[psycopg.Connection[Any]]:
    with school.connect_as("conseiller") as connection:
        yield connection


def test_real_outbox_entries_apply_and_come_back_exactly(
    school, demo50: Path, tmp_path, teacher
):
    path = tmp_path / "desktop.sqlite"
    shutil.copyfile(demo50, path)
    db = Database(path)
    actor = actor_for(db, "enseignant")
    student_id = sorted(
        school.column(
            "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s",
            actor.staff_id,
        )
    )[-1]
    note_id = notes.add_note(
        db, actor, student_id, "Élève « Zoë » — 日本語 ✓ 🙂\nligne 2", True
    )
    with db.transaction(actor.staff_id) as session:
        student = session.get(Student, student_id)
        student.invite_others_allowed = not student.invite_others_allowed
        student.plan_status_changed_at = dt.datetime(
            2026, 3, 4, 5, 6, 7, 123456, tzinfo=dt.UTC
        )
        student.email = "zoë.ève@example.org"
    with db.read() as session:
        outbox = session.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id))
        batches: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for entry in outbox:
            batches.setdefault(entry.transaction_id, []).append(
                {
                    column.name: plain(getattr(entry, column.name))
                    for column in OutboxEntry.__table__.columns
                }
            )
        local_note = session.get(Note, note_id)
        local_student = session.get(Student, student_id)
    device = Device(teacher, db.device_id)
    cursor = last_seq(school)

    answers = [device.send(batch) for batch in batches.values()]

    assert [results(answer) for answer in answers] == [
        [(1, "applied", None)],
        [(2, "applied", None)],
    ]
    rows, removed, _ = pull_all(teacher, cursor)
    assert removed == set()
    assert set(rows) == {("notes", str(note_id)), ("students", str(student_id))}
    for table, local in (("notes", local_note), ("students", local_student)):
        expected = {
            column.name: plain(getattr(local, column.name))
            for column in type(local).__table__.columns
            if column.name != "updated_at"  # the server's clock says when
        }
        pulled = rows[table, str(local.id)]
        assert {k: v for k, v in pulled.items() if k != "updated_at"} == expected
    assert rows["notes", str(note_id)]["body"] == "Élève « Zoë » — 日本語 ✓ 🙂\nligne 2"
    assert rows["students", str(student_id)]["plan_status_changed_at"] == (
        "2026-03-04T05:06:07.123456+00:00"
    )
    db.close()


def test_values_round_trip_exactly(school, teacher, students):
    device = Device(teacher)
    me = str(school.staff["enseignant"])
    school_id = str(school.scalar("SELECT school_id FROM cams.staff WHERE id = %s", me))
    experience, assignment = uuid.uuid4(), uuid.uuid4()
    sent = {
        ("experiences", str(experience)): {
            "student_id": str(students[0]),
            "kind": "volunteer",
            "title": "Bénévolat « Œuvre » 🙂",
            "hours": 2.5,
            "started_on": "2026-02-28",
            "ended_on": None,
        },
        ("assignments", str(assignment)): {
            "school_id": school_id,
            "author_id": me,
            "title": "Réflexion — année 9",
            "instructions": "",
            "file_name": "modèle.docx",
            "file_content": base64.b64encode(b"\x00\x01\xffbinary\xff").decode(),
            "due_on": "2026-11-30",
            "group_id": None,
            "created_at": "2026-09-01T08:30:00+00:00",
        },
    }
    before = last_seq(school)

    answer = device.push(
        insert("experiences", experience, **sent["experiences", str(experience)]),
        insert("assignments", assignment, **sent["assignments", str(assignment)]),
        update(
            "students",
            students[0],
            None,
            invite_others_allowed=[True, False],
            plan_status_changed_at=[None, "2026-09-01T08:30:00.000001+00:00"],
            transferred_at=[None, "2026-09-01T08:30:00+00:00"],
        ),
    )

    assert [r[1] for r in results(answer)] == ["applied", "applied", "merged"]
    rows, _, _ = pull_all(teacher, before)
    for key, values in sent.items():
        assert {k: rows[key][k] for k in values} == values
    pulled_student = rows["students", str(students[0])]
    assert pulled_student["invite_others_allowed"] is False
    assert (
        pulled_student["plan_status_changed_at"] == "2026-09-01T08:30:00.000001+00:00"
    )
    assert pulled_student["transferred_at"] == "2026-09-01T08:30:00+00:00"
    with teacher.cursor() as cursor:
        stored = cursor.execute(
            "SELECT a.file_content, a.due_on, s.invite_others_allowed,"
            " s.plan_status_changed_at FROM cams.assignments a, cams.students s"
            " WHERE a.id = %s AND s.id = %s",
            (assignment, students[0]),
        ).fetchone()
    assert stored == (
        b"\x00\x01\xffbinary\xff",
        dt.date(2026, 11, 30),
        False,
        dt.datetime(2026, 9, 1, 8, 30, 0, 1, tzinfo=dt.UTC),
    )


def test_a_resent_push_is_a_duplicate_without_effect(school, teacher, students):
    device = Device(teacher)
    batch = [
        {
            **update(
                "students", students[1], None, email=[None, "premier@example.org"]
            ),
            "mutation_id": 1,
        }
    ]
    first = device.send(batch)
    version = row(school, "students", students[1])["version"]

    again = device.send(batch)

    assert results(first) == [(1, "merged", None)]
    assert results(again) == [(1, "duplicate", None)]
    assert row(school, "students", students[1])["version"] == version
    assert (
        school.scalar(
            "SELECT count(*) FROM cams.server_audit WHERE device_id = %s", device.id
        )
        == 1
    )


def test_a_gap_is_refused_with_where_to_resend_from(school, teacher, students):
    device = Device(teacher)
    device.push(update("students", students[2], None, email=[None, "a@example.org"]))
    device.next_mutation = 5
    before = row(school, "students", students[2])

    answer = device.push(update("students", students[2], None, email=["a", "b@x.org"]))

    assert answer == {"status": "resend", "resend_from": 2, "last_mutation_id": 1}
    assert row(school, "students", students[2]) == before


def test_edits_of_different_fields_merge(school, teacher, students):
    first, second = Device(teacher), Device(teacher)
    base = row(school, "students", students[3])

    a = first.push(
        update(
            "students", students[3], base["version"], email=[base["email"], "a@x.org"]
        )
    )
    b = second.push(
        update(
            "students",
            students[3],
            base["version"],
            preferred_language=[base["preferred_language"], "en"],
        )
    )

    assert (results(a), results(b)) == ([(1, "applied", None)], [(1, "merged", None)])
    after = row(school, "students", students[3])
    assert (after["email"], after["preferred_language"], after["version"]) == (
        "a@x.org",
        "en",
        base["version"] + 2,
    )


def test_same_ordinary_field_later_arrival_wins_and_audit_keeps_earlier(
    school, teacher, counsellor, students
):
    desk, office = Device(teacher), Device(counsellor)
    base = row(school, "students", students[4])

    desk.push(
        update(
            "students", students[4], base["version"], email=[base["email"], "a@x.org"]
        )
    )
    later = office.push(
        update(
            "students", students[4], base["version"], email=[base["email"], "b@x.org"]
        )
    )

    assert results(later) == [(1, "merged", None)]
    assert row(school, "students", students[4])["email"] == "b@x.org"
    with school.admin() as connection:
        audit = connection.execute(
            "SELECT decision, policy, before, after FROM cams.server_audit"
            " WHERE device_id = %s",
            (office.id,),
        ).fetchall()
    assert audit == [("merged", "merge", {"email": "a@x.org"}, {"email": "b@x.org"})]


def test_same_sensitive_field_first_arrival_stays_second_is_conflict(
    school, teacher, counsellor, students
):
    desk, office = Device(teacher), Device(counsellor)
    base = row(school, "students", students[5])

    desk.push(
        update(
            "students",
            students[5],
            base["version"],
            first_name=[base["first_name"], "Zoé"],
        )
    )
    second = office.push(
        update(
            "students",
            students[5],
            base["version"],
            first_name=[base["first_name"], "Chloé"],
            email=[base["email"], "c@x.org"],
        )
    )

    assert results(second) == [(1, "conflict", None)]
    assert second["results"][0]["fields"] == ["first_name"]
    after = row(school, "students", students[5])
    assert (after["first_name"], after["email"]) == ("Zoé", "c@x.org")
    with school.admin() as connection:
        kept = connection.execute(
            "SELECT kind, fields, staff_id FROM cams.conflicts WHERE id = %s",
            (second["results"][0]["conflict_id"],),
        ).fetchone()
    assert kept == (
        "field",
        {"first_name": {"base": base["first_name"], "theirs": "Zoé", "mine": "Chloé"}},
        school.staff["conseiller"],
    )


def test_second_offline_note_edit_becomes_a_conflict_revision(
    school, teacher, counsellor, students
):
    desk, laptop = Device(teacher), Device(teacher)
    me = school.staff["enseignant"]
    created = note(students[6], me, "Premier jet")
    note_id = created["row_id"]
    desk.push(created)

    first = desk.push(
        update("notes", note_id, 1, body=["Premier jet", "Version du bureau"])
    )
    second = laptop.push(
        update("notes", note_id, 1, body=["Premier jet", "Version du portable"])
    )
    stranger = Device(counsellor).push(
        update("notes", note_id, 2, body=["Version du bureau", "Pas à moi"])
    )

    assert results(first) == [(2, "applied", None)]
    assert results(second) == [(1, "conflict", None)]
    assert results(stranger) == [(1, "rejected", "permission")]
    assert row(school, "notes", note_id)["body"] == "Version du bureau"
    with school.admin() as connection:
        kept = connection.execute(
            "SELECT kind, fields FROM cams.conflicts WHERE id = %s",
            (second["results"][0]["conflict_id"],),
        ).fetchone()
    assert kept == (
        "revision",
        {
            "body": {
                "base": "Premier jet",
                "theirs": "Version du bureau",
                "mine": "Version du portable",
            }
        },
    )


def test_an_edit_of_a_deleted_row_is_a_conflict_never_an_undelete(
    school, teacher, students
):
    desk, laptop = Device(teacher), Device(teacher)
    created = note(students[7], school.staff["enseignant"], "À effacer")
    desk.push(created)

    deleted = desk.push(delete("notes", created["row_id"], 1))
    edited = laptop.push(
        update("notes", created["row_id"], 1, body=["À effacer", "Non"])
    )

    assert results(deleted) == [(2, "applied", None)]
    assert results(edited) == [(1, "conflict", None)]
    after = row(school, "notes", created["row_id"])
    assert (after["body"], after["deleted_at"], after["version"]) == (
        "À effacer",
        NOW,
        2,
    )
    assert (
        school.scalar(
            "SELECT kind FROM cams.conflicts WHERE id = %s",
            edited["results"][0]["conflict_id"],
        )
        == "deleted"
    )


def test_a_child_of_a_deleted_parent_is_rejected(school, teacher, counsellor, students):
    gone = students[8]
    version = row(school, "students", gone)["version"]
    assert results(Device(counsellor).push(delete("students", gone, version))) == [
        (1, "applied", None)
    ]

    device = Device(teacher)
    answer = device.push(note(gone, school.staff["enseignant"], "Trop tard"))

    assert results(answer) == [(1, "rejected", "deleted_parent")]
    assert (
        school.scalar(
            "SELECT count(*) FROM cams.notes"
            " WHERE student_id = %s AND body = 'Trop tard'",
            gone,
        )
        == 0
    )
    # Kept for an administrator.
    assert (
        school.scalar(
            "SELECT mutation -> 'changes' -> 'body' ->> 1 FROM cams.rejected_mutations"
            " WHERE device_id = %s AND reason = 'deleted_parent'",
            device.id,
        )
        == "Trop tard"
    )


def test_losing_a_student_removes_their_rows_and_rejects_later_edits(
    school, teacher, counsellor, students
):
    leaving = students[9]
    me = school.staff["enseignant"]
    desk = Device(teacher)
    desk.push(note(leaving, me, "Avant le départ"))
    _, _, cursor = pull_all(teacher, 0)
    link = link_id(me, leaving)
    student_rows = {
        ("students", str(leaving)),
        ("caseload_assignments", str(link)),
        *(
            ("notes", str(n))
            for n in school.column(
                "SELECT id FROM cams.notes WHERE student_id = %s", leaving
            )
        ),
    }

    office = Device(counsellor)
    assert results(office.push(delete("caseload_assignments", link, 1))) == [
        (1, "applied", None)
    ]
    rows, removed, cursor = pull_all(teacher, cursor)
    rejected = desk.push(
        update("students", leaving, None, email=[None, "x@example.org"]),
    )
    new_note = desk.push(note(leaving, me, "Après le départ"))

    assert student_rows <= removed
    assert ("students", str(leaving)) not in rows
    assert results(rejected) == [(2, "rejected", "access_revoked")]
    assert results(new_note) == [(3, "rejected", "access_revoked")]
    assert school.column(
        "SELECT reason FROM cams.rejected_mutations WHERE device_id = %s"
        " ORDER BY mutation_id",
        desk.id,
    ) == ["access_revoked", "access_revoked"]

    # Gaining access back brings the student's rows in again.
    deleted_at = row(school, "caseload_assignments", link)["deleted_at"]
    readded = office.push(
        update("caseload_assignments", link, 2, deleted_at=[deleted_at, None])
    )
    rows, removed, _ = pull_all(teacher, cursor)
    assert results(readded) == [(2, "applied", None)]
    assert student_rows <= set(rows)
    assert removed == set()


def test_a_forged_device_id_is_refused(school, teacher, counsellor, students):
    own = Device(teacher)
    own.push(update("students", students[10], None, email=[None, "mine@x.org"]))
    forged = Device(counsellor, own.id)
    forged.next_mutation = 2
    before = row(school, "students", students[10])

    answer = forged.push(
        update("students", students[10], None, email=[None, "forged@x.org"])
    )

    assert answer["status"] == "refused"
    assert answer["reason"] == "device_of_another_user"
    assert row(school, "students", students[10]) == before
    assert (
        school.scalar(
            "SELECT decision FROM cams.server_audit"
            " WHERE device_id = %s AND staff_id = %s",
            own.id,
            school.staff["conseiller"],
        )
        == "refused"
    )


def test_the_transaction_that_commits_later_gets_the_higher_sequence(
    school, counsellor, students
):
    cursor = last_seq(school)
    outcome: dict[str, Any] = {}
    with (
        psycopg.connect(school.role_url(school.roles["enseignant"])) as first,
        school.connect_as("conseiller") as second,
    ):
        # The first push's transaction stays open; the second one has to wait.
        Device(first).push(
            update("students", students[11], None, email=[None, "1@x.org"])
        )
        waiting = threading.Thread(
            target=lambda: outcome.update(
                answer=Device(second).push(
                    update("students", students[12], None, email=[None, "2@x.org"])
                )
            )
        )
        waiting.start()
        deadline = time.monotonic() + 10
        while (
            school.scalar(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                second.info.backend_pid,
            )
            != "Lock"
        ):
            assert time.monotonic() < deadline, "the second push never waited"
            time.sleep(0.01)
        # A third desktop pulling now sees neither change.
        assert pull(counsellor, cursor)["rows"] == []

        first.commit()
        waiting.join(10)

    rows = pull(counsellor, cursor)["rows"]
    assert [(r["id"], r["seq"]) for r in rows] == [
        (str(students[11]), cursor + 1),
        (str(students[12]), cursor + 2),
    ]
    assert results(outcome["answer"]) == [(1, "merged", None)]


def test_a_rejected_mutation_does_not_block_the_others(school, teacher, students):
    device = Device(teacher)
    bad = note(students[13], school.staff["enseignant"], "Couleur")
    bad["changes"]["colour"] = [None, "bleu"]
    base = row(school, "students", students[13])

    answer = device.push(
        update(
            "students", students[13], base["version"], email=[base["email"], "1@x.org"]
        ),
        bad,
        update("notes", bad["row_id"], 1, body=["Couleur", "Autre"]),
        update(
            "students", students[13], base["version"] + 1, grade=[base["grade"], 12]
        ),
    )

    assert results(answer) == [
        (1, "applied", None),
        (2, "rejected", "validation"),
        (3, "rejected", "dependency"),
        (4, "applied", None),
    ]
    assert answer["results"][1]["message"] == "notes has no column colour"
    assert answer["last_mutation_id"] == 4
    after = row(school, "students", students[13])
    assert (after["email"], after["grade"]) == ("1@x.org", 12)
    assert school.column(
        "SELECT decision FROM cams.server_audit WHERE device_id = %s ORDER BY id",
        device.id,
    ) == ["applied", "rejected", "rejected", "applied"]
    # A later transaction building on the refused note is refused with it.
    later = device.push(
        update("notes", bad["row_id"], 2, body=["Autre", "Encore"]),
        insert(
            "notes",
            uuid.uuid4(),
            student_id=str(uuid.uuid4()),
            author_id=str(school.staff["enseignant"]),
            body="Élève inconnu",
            is_private=False,
        ),
    )
    assert results(later) == [
        (5, "rejected", "dependency"),
        (6, "rejected", "validation"),
    ]
    assert later["results"][1]["message"] == "student_id refers to a missing row"


def test_a_teachers_new_student_is_seen_through_the_link_of_the_same_push(
    school, teacher
):
    me = school.staff["enseignant"]
    school_id = str(school.scalar("SELECT school_id FROM cams.staff WHERE id = %s", me))
    device = Device(teacher)

    def new_student(username: str) -> dict:
        return insert(
            "students",
            uuid.uuid4(),
            school_id=school_id,
            username=username,
            username_key=username,
            first_name="Éloïse",
            last_name="Nouvelle",
            sort_key="nouvelle",
            search_text="eloise nouvelle",
            grade=9,
            gender="female",
            preferred_language="fr",
            plan_status="active",
            invite_others_allowed=True,
        )

    kept = new_student("enouvelle")
    with_link = device.push(
        kept,
        insert(
            "caseload_assignments",
            link_id(me, uuid.UUID(kept["row_id"])),
            staff_id=str(me),
            student_id=kept["row_id"],
        ),
    )
    alone = new_student("enouvelle2")
    without_link = device.push(alone)

    assert results(with_link) == [(1, "applied", None), (2, "applied", None)]
    assert results(without_link) == [(3, "rejected", "permission")]
    assert row(school, "students", kept["row_id"])["first_name"] == "Éloïse"
    assert row(school, "students", alone["row_id"]) is None


def test_writes_outside_the_caseload_are_rejected(school, teacher):
    me = school.staff["enseignant"]
    outside = school.scalar(
        "SELECT id FROM cams.students s WHERE NOT EXISTS (SELECT 1 FROM"
        " cams.caseload_assignments c WHERE c.student_id = s.id AND c.staff_id = %s)"
        " AND school_id = (SELECT school_id FROM cams.staff WHERE id = %s)"
        " ORDER BY id LIMIT 1",
        me,
        me,
    )
    before = row(school, "students", outside)

    answer = Device(teacher).push(
        update("students", outside, None, email=[None, "intrus@x.org"]),
        note(outside, me, "Intrus"),
        update("staff", me, None, access_level=[3, 1]),
    )

    assert results(answer) == [
        (1, "rejected", "permission"),
        (2, "rejected", "permission"),
        (3, "rejected", "permission"),
    ]
    assert row(school, "students", outside) == before


def test_a_desktop_outside_the_version_window_is_told_what_to_install(teacher):
    device = Device(teacher)

    old = device.send([], version="0000")
    new = teacher.execute("SELECT cams.pull(0, '9999', 10)").fetchone()[0]

    assert old["status"] == new["status"] == "upgrade_required"
    assert old["install"] == new["install"] == SCHEMA_VERSION
    assert f"install a CAMS Desktop of schema {SCHEMA_VERSION}" in old["message"]
    assert "upgrade the server" in new["message"]


def test_pages_add_up_to_one_pull_and_agree_with_counts(school, teacher):
    whole, _, end = pull_all(teacher, 0)
    paged, _, paged_end = pull_all(teacher, 0, page_size=97)
    counts = teacher.execute("SELECT cams.counts(%s)", (SCHEMA_VERSION,)).fetchone()[0]

    assert paged == whole
    assert paged_end == end == last_seq(school)
    for table, figures in counts["tables"].items():
        live = sorted(
            (uuid.UUID(row_id), data["version"])
            for (name, row_id), data in whole.items()
            if name == table and data["deleted_at"] is None
        )
        lines = "\n".join(f"{row_id}:{version}" for row_id, version in live)
        assert figures == {
            "count": len(live),
            "hash": hashlib.md5(lines.encode()).hexdigest(),
        }, table


def test_an_old_cursor_or_one_ahead_of_the_server_means_download_again(
    fresh_demo_server,
):
    server = fresh_demo_server
    server.add_role("enseignant")
    with server.connect_as("enseignant") as teacher:
        _, _, cursor = pull_all(teacher, 0)
        created = note(
            server.column(
                "SELECT student_id FROM cams.caseload_assignments WHERE staff_id = %s",
                server.staff["enseignant"],
            )[0],
            server.staff["enseignant"],
            "Bientôt effacée",
        )
        device = Device(teacher)
        device.push(created)
        device.push(delete("notes", created["row_id"], 1))
        assert server.scalar("SELECT cams.compact_change_log('0 seconds')") == 2

        old = pull(teacher, cursor)
        from_scratch = pull(teacher, 0)
        first_page = teacher.execute(
            "SELECT cams.table_rows('notes', NULL, 1000, %s)", (SCHEMA_VERSION,)
        ).fetchone()[0]
        caught_up = pull(teacher, first_page["cursor"])
        ahead = pull(teacher, cursor + 1000)

    assert old == from_scratch == {"status": "cursor_too_old", "horizon": cursor + 2}
    assert first_page["cursor"] == cursor + 2
    downloaded = {item["id"]: item["data"] for item in first_page["rows"]}
    assert downloaded[created["row_id"]]["deleted_at"] == NOW
    assert (caught_up["status"], caught_up["rows"], caught_up["cursor"]) == (
        "ok",
        [],
        cursor + 2,
    )
    assert ahead == {"status": "cursor_ahead", "last_seq": cursor + 2}


def test_a_link_added_on_two_desktops_is_one_row_and_a_re_add_wins(
    school, teacher, students
):
    desk, laptop = Device(teacher), Device(teacher)
    group = school.scalar(
        "SELECT id FROM cams.student_groups g WHERE kind = 'shared' AND NOT EXISTS"
        " (SELECT 1 FROM cams.group_memberships m WHERE m.group_id = g.id"
        " AND m.student_id = %s) ORDER BY id LIMIT 1",
        students[14],
    )
    membership = link_id(group, students[14])
    add = insert(
        "group_memberships",
        membership,
        group_id=str(group),
        student_id=str(students[14]),
    )

    first, second = desk.push(add), laptop.push(add)
    removed = desk.push(delete("group_memberships", membership, 1))
    re_added = laptop.push(
        update("group_memberships", membership, 1, deleted_at=[NOW, None])
    )

    assert [results(a) for a in (first, second, removed, re_added)] == [
        [(1, "applied", None)],
        [(1, "merged", None)],
        [(2, "applied", None)],
        [(2, "merged", None)],
    ]
    assert (
        school.scalar(
            "SELECT count(*) FROM cams.group_memberships WHERE group_id = %s"
            " AND student_id = %s AND deleted_at IS NULL",
            group,
            students[14],
        )
        == 1
    )


def test_messages_are_never_edited_and_deleting_one_retracts_it(school, teacher):
    device = Device(teacher)
    sent = insert(
        "messages",
        uuid.uuid4(),
        author_id=str(school.staff["enseignant"]),
        subject="Rencontre",
        body="Demain à 9 h",
        sent_at=NOW,
        audience="",
    )

    answer = device.push(sent)
    edited = device.push(
        update("messages", sent["row_id"], 1, subject=["Rencontre", "Annulée"])
    )
    retracted = device.push(delete("messages", sent["row_id"], 1))

    assert results(answer) == [(1, "applied", None)]
    assert results(edited) == [(2, "rejected", "validation")]
    assert results(retracted) == [(3, "applied", None)]
    after = row(school, "messages", sent["row_id"])
    assert (after["subject"], after["deleted_at"]) == ("Rencontre", NOW)
