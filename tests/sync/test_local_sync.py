"""The desktop's side of sync: outbox groups, settling, applying pages, the lock."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid

import pytest
from sqlalchemy import func, select

from cams_desktop.db.base import new_id
from cams_desktop.db.bulk import bulk_insert
from cams_desktop.db.journal import AuditEntry, OutboxEntry, SyncIssue
from cams_desktop.db.students import Gender, PlanStatus, Student
from cams_desktop.db.tracking import plain
from cams_desktop.sync import local
from cams_desktop.sync.protocol import (
    ChangedRow,
    MutationResult,
    Outcome,
    PullPage,
    RemovedRow,
)

pytestmark = pytest.mark.unit


def _student(school_id: uuid.UUID, username: str, **extra: object) -> dict[str, object]:
    return {
        "school_id": school_id,
        "username": username,
        "username_key": username.casefold(),
        "first_name": "Noé",
        "last_name": "Lévesque",
        "sort_key": "levesque noe",
        "search_text": f"noe levesque {username}",
        "grade": 10,
        "gender": Gender.MALE,
        "plan_status": PlanStatus.ACTIVE,
        **extra,
    }


def _wire(db, student_id) -> dict[str, object]:
    """A row as the server sends it: every column in JSON form."""
    with db.read() as session:
        row = session.get(Student, student_id)
        return {
            column.key: plain(getattr(row, column.key))
            for column in Student.__table__.columns
        }


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_outbox_is_sent_per_local_transaction_in_order(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        first, second = bulk_insert(
            session,
            Student,
            [
                _student(tiny_school.school_id, "a1"),
                _student(tiny_school.school_id, "a2"),
            ],
        )
    with db.transaction(actor.staff_id) as session:
        session.get(Student, first).grade = 11

    groups = local.pending_transactions(db)

    assert [[(m.table, m.row_id, m.operation) for m in g] for g in groups][-2:] == [
        [("students", first, "insert"), ("students", second, "insert")],
        [("students", first, "update")],
    ]
    ids = [m.mutation_id for g in groups for m in g]
    assert ids == sorted(ids)
    assert groups[-1][0].changes == {"grade": [10, 11]}
    assert groups[-1][0].base_version == 1


def test_settled_changes_are_acknowledged_and_refusals_kept(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        bulk_insert(session, Student, [_student(tiny_school.school_id, "b1")])
    with db.transaction(actor.staff_id) as session:
        bulk_insert(session, Student, [_student(tiny_school.school_id, "b2")])
    *_, applied, refused = local.pending_transactions(db)
    sent = [*applied, *refused]
    earlier = [m for g in local.pending_transactions(db)[:-2] for m in g]

    waiting = local.settle(
        db,
        sent + earlier,
        [MutationResult(m.mutation_id, Outcome.APPLIED) for m in earlier + applied]
        + [MutationResult(refused[0].mutation_id, Outcome.REJECTED, "username taken")],
    )

    assert waiting == []
    assert local.pending_transactions(db) == []
    assert local.pending_summary(db) == (0, None)
    with db.read() as session:
        issue = session.scalars(select(SyncIssue)).one()
        kept = session.scalars(select(OutboxEntry.mutation_id)).all()
    assert (issue.row_id, issue.outcome, issue.reason) == (
        refused[0].row_id,
        "rejected",
        "username taken",
    )
    assert issue.changes["username"] == [None, "b2"]
    # Acknowledged changes stay a while, for a server restored from a backup.
    assert [
        m.mutation_id for g in local.pending_transactions(db, resend_from=1) for m in g
    ] == kept
    assert local.forget_acknowledged(
        db, dt.datetime.now(dt.UTC) + dt.timedelta(1)
    ) == len(kept)


def test_a_retry_keeps_the_change_waiting(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        bulk_insert(session, Student, [_student(tiny_school.school_id, "c1")])
    mutations = [m for g in local.pending_transactions(db) for m in g]
    results = [MutationResult(m.mutation_id, Outcome.RETRY, "busy") for m in mutations]

    assert local.settle(db, mutations, results) == results
    assert [m for g in local.pending_transactions(db) for m in g] == mutations


def test_a_page_writes_rows_without_auditing_them_and_moves_the_cursor(
    tiny_school, tmp_path
):
    from cams_desktop.db.engine import Database

    server_copy = Database(tmp_path / "server-copy.sqlite")
    db = tiny_school.db
    # The same school exists on both sides (as after a first download).
    with db.read() as session:
        school_rows = {
            name: [dict(r._mapping) for r in session.execute(select(table))]
            for name, table in local.synced_tables().items()
            if name in ("boards", "schools", "staff")
        }
    with server_copy.engine.begin() as connection:
        for name in ("boards", "schools", "staff"):
            connection.execute(local.synced_tables()[name].insert(), school_rows[name])
    with server_copy.transaction(tiny_school.admin.staff_id) as session:
        (remote_id,) = bulk_insert(
            session,
            Student,
            [
                _student(
                    tiny_school.school_id,
                    "d1",
                    birth_date=dt.date(2011, 2, 28),
                    invite_others_allowed=False,
                    first_name="Zoë « Ève »",
                )
            ],
        )
    audit_before, outbox_before = _count(db, AuditEntry), _count(db, OutboxEntry)

    written = local.apply_page(
        db,
        PullPage(
            rows=(ChangedRow("students", _wire(server_copy, remote_id)),),
            removed=(),
            cursor=41,
            more=False,
        ),
    )

    assert written == 1
    assert local.cursor(db) == 41
    with db.read() as session:
        stored = session.get(Student, remote_id)
        assert (
            stored.first_name,
            stored.birth_date,
            stored.invite_others_allowed,
            stored.version,
        ) == ("Zoë « Ève »", dt.date(2011, 2, 28), False, 1)
    assert (_count(db, AuditEntry), _count(db, OutboxEntry)) == (
        audit_before,
        outbox_before,
    )
    server_copy.close()


def test_a_waiting_local_change_stays_over_the_servers_row(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        (student_id,) = bulk_insert(
            session, Student, [_student(tiny_school.school_id, "e1")]
        )
    local.settle(
        db,
        [m for g in local.pending_transactions(db) for m in g],
        [
            MutationResult(m.mutation_id, Outcome.APPLIED)
            for g in local.pending_transactions(db)
            for m in g
        ],
    )
    with db.transaction(actor.staff_id) as session:
        session.get(Student, student_id).first_name = "Noémie"  # not sent yet
    server_row = _wire(db, student_id) | {
        "first_name": "Noé",
        "grade": 11,  # another desktop's change
        "version": 3,
    }

    local.apply_page(db, PullPage((ChangedRow("students", server_row),), (), 50, False))

    with db.read() as session:
        stored = session.get(Student, student_id)
        assert (stored.first_name, stored.grade, stored.version) == ("Noémie", 11, 3)


def test_rows_no_longer_visible_are_removed(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        gone, kept = bulk_insert(
            session,
            Student,
            [
                _student(tiny_school.school_id, "f1"),
                _student(tiny_school.school_id, "f2"),
            ],
        )
    mutations = [m for g in local.pending_transactions(db) for m in g]
    local.settle(
        db,
        mutations,
        [MutationResult(m.mutation_id, Outcome.APPLIED) for m in mutations],
    )

    local.apply_page(db, PullPage((), (RemovedRow("students", gone),), 60, False))

    with db.read() as session:
        assert set(
            session.scalars(select(Student.id).where(Student.id.in_([gone, kept])))
        ) == {kept}


def _acknowledge_all(db) -> None:
    mutations = [m for g in local.pending_transactions(db) for m in g]
    local.settle(
        db,
        mutations,
        [MutationResult(m.mutation_id, Outcome.APPLIED) for m in mutations],
    )


def test_the_servers_row_takes_a_username_back_from_a_refused_local_row(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    _acknowledge_all(db)
    with db.transaction(actor.staff_id) as session:
        (mine,) = bulk_insert(session, Student, [_student(tiny_school.school_id, "g1")])
    mutations = [m for g in local.pending_transactions(db) for m in g]
    local.settle(
        db,
        mutations,
        [
            MutationResult(m.mutation_id, Outcome.REJECTED, "username taken")
            for m in mutations
        ],
    )
    theirs = new_id()
    row = _wire(db, mine) | {"id": str(theirs), "first_name": "Autre"}

    local.apply_page(db, PullPage((ChangedRow("students", row),), (), 70, False))

    with db.read() as session:
        assert session.scalars(
            select(Student.id).where(Student.username_key == "g1")
        ).all() == [theirs]
        # The refused row's content is kept in the list of refused changes.
        assert session.scalars(select(SyncIssue.row_id)).all() == [mine]


def test_digests_count_and_hash_ids_with_versions():
    a, b = uuid.UUID(int=1), uuid.UUID(int=2)
    assert local.digest([(b, 2), (a, 1)]) == local.digest([(a, 1), (b, 2)])
    assert local.digest([(a, 1), (b, 2)]).count == 2
    assert local.digest([(a, 1), (b, 2)]) != local.digest([(a, 1), (b, 3)])
    assert local.digest([]).digest == "d41d8cd98f00b204e9800998ecf8427e"


def test_one_sync_at_a_time_per_file(tmp_path):
    path = tmp_path / "ecole.sqlite"
    with local.SyncLock(path), pytest.raises(local.SyncBusy), local.SyncLock(path):
        pass
    with local.SyncLock(path):  # released on exit
        pass


def test_unsent_changes_export_as_json_lines(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        (student_id,) = bulk_insert(
            session, Student, [_student(tiny_school.school_id, "h1")]
        )
    out = io.StringIO()

    count = local.export_outbox(db, out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines) >= 1
    assert lines[-1]["row_id"] == str(student_id)
    assert lines[-1]["changes"]["username"] == [None, "h1"]
