"""Bulk writes record the same audit trail and outbox as the ORM hook."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from cams_desktop.db.bulk import StaleRowError, bulk_insert, bulk_update
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import Language
from cams_desktop.db.students import Gender, PlanStatus, Student

BORN = dt.date(2010, 5, 17)


def _values(school_id: uuid.UUID, username: str) -> dict[str, object]:
    return {
        "school_id": school_id,
        "username": username,
        "username_key": username.casefold(),
        "first_name": "Élodie",
        "last_name": "D'Amours",
        "sort_key": "damours elodie",
        "search_text": "elodie damours " + username,
        "grade": 9,
        "gender": Gender.FEMALE,
        "birth_date": BORN,
        "preferred_language": Language.FRENCH,
        "plan_status": PlanStatus.ACTIVE,
    }


def _outbox(db, row_id):
    with db.read() as session:
        return session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.row_id == row_id)
            .order_by(OutboxEntry.mutation_id)
        ).all()


def _audit(db, row_id):
    with db.read() as session:
        return [
            (a.action, a.field, a.old_value, a.new_value, a.actor_id)
            for a in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.row_id == row_id)
                .order_by(AuditEntry.field)
            )
        ]


def test_bulk_insert_records_what_the_orm_records(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        orm = Student(**_values(tiny_school.school_id, "orm01"))
        session.add(orm)
    with db.transaction(actor.staff_id) as session:
        (bulk_id,) = bulk_insert(
            session, Student, [_values(tiny_school.school_id, "bulk01")]
        )

    with db.read() as session:
        stored = session.get(Student, bulk_id)
        assert stored is not None
        assert (stored.version, stored.created_by_id, stored.updated_by_id) == (
            1,
            actor.staff_id,
            actor.staff_id,
        )
        assert stored.invite_others_allowed is True  # the column's default
        assert stored.birth_date == BORN
    (orm_entry,) = _outbox(db, orm.id)
    (bulk_entry,) = _outbox(db, bulk_id)
    assert bulk_entry.operation == "insert"
    assert bulk_entry.base_version is None
    assert bulk_entry.device_id == db.device_id
    assert set(bulk_entry.changes) == set(orm_entry.changes)
    assert orm_entry.changes["invite_others_allowed"] == [None, True]
    assert bulk_entry.changes["invite_others_allowed"] == [None, True]
    assert bulk_entry.changes["first_name"] == [None, "Élodie"]
    assert bulk_entry.changes["birth_date"] == [None, "2010-05-17"]
    assert bulk_entry.changes["gender"] == [None, "female"]
    assert bulk_entry.changes["id"] == [None, str(bulk_id)]
    assert _audit(db, bulk_id) == [("create", None, None, None, actor.staff_id)]


def test_bulk_update_records_what_the_orm_records(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        orm_id, bulk_id = bulk_insert(
            session,
            Student,
            [
                _values(tiny_school.school_id, "orm02"),
                _values(tiny_school.school_id, "bulk02"),
            ],
        )
    with db.transaction(actor.staff_id) as session:
        student = session.get(Student, orm_id)
        assert student is not None
        student.grade = 10
        student.password_hash = "secret-hash"
    with db.transaction(actor.staff_id) as session:
        bulk_update(
            session,
            Student,
            [
                (
                    bulk_id,
                    1,
                    {
                        "grade": (9, 10),
                        "password_hash": (None, "secret-hash"),
                        "last_name": ("D'Amours", "D'Amours"),  # no change: dropped
                    },
                )
            ],
        )

    orm_entry = _outbox(db, orm_id)[-1]
    bulk_entry = _outbox(db, bulk_id)[-1]
    assert (orm_entry.operation, orm_entry.base_version, orm_entry.changes) == (
        bulk_entry.operation,
        bulk_entry.base_version,
        bulk_entry.changes,
    )
    assert bulk_entry.changes == {
        "grade": [9, 10],
        "password_hash": [None, "secret-hash"],
    }
    orm_audit = [row for row in _audit(db, orm_id) if row[0] != "create"]
    bulk_audit = [row for row in _audit(db, bulk_id) if row[0] != "create"]
    assert (
        bulk_audit
        == orm_audit
        == [
            ("update", "grade", "9", "10", actor.staff_id),
            ("update", "password_hash", "••••••", "••••••", actor.staff_id),
        ]
    )
    with db.read() as session:
        stored = session.get(Student, bulk_id)
        assert stored is not None
        assert (stored.grade, stored.version) == (10, 2)


def test_bulk_update_of_a_changed_row_writes_nothing(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        first, second = bulk_insert(
            session,
            Student,
            [
                _values(tiny_school.school_id, "stale01"),
                _values(tiny_school.school_id, "stale02"),
            ],
        )
    with db.read() as session:
        outbox_before = session.scalar(select(func.count()).select_from(OutboxEntry))

    with (
        pytest.raises(StaleRowError) as raised,
        db.transaction(actor.staff_id) as session,
    ):
        bulk_update(
            session,
            Student,
            [(first, 1, {"grade": (9, 10)}), (second, 7, {"grade": (9, 10)})],
        )
    assert raised.value.row_ids == (second,)
    with db.read() as session:
        grades = set(
            session.scalars(
                select(Student.grade).where(Student.id.in_([first, second]))
            )
        )
        outbox_after = session.scalar(select(func.count()).select_from(OutboxEntry))
    assert grades == {9}
    assert outbox_after == outbox_before


def test_a_deleted_at_change_is_a_delete(tiny_school):
    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        (row_id,) = bulk_insert(
            session, Student, [_values(tiny_school.school_id, "gone01")]
        )
    when = dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC)
    with db.transaction(actor.staff_id) as session:
        bulk_update(session, Student, [(row_id, 1, {"deleted_at": (None, when)})])
    entry = _outbox(db, row_id)[-1]
    assert (entry.operation, entry.changes) == (
        "delete",
        {"deleted_at": [None, "2026-06-30T12:00:00+00:00"]},
    )


def test_bulk_rows_are_stored_exactly_as_the_orm_stores_them(tiny_school):
    import sqlite3

    db, actor = tiny_school.db, tiny_school.admin
    when = dt.datetime(2026, 6, 30, 12, 0, 5, 123456, tzinfo=dt.UTC)
    extra = {"expected_graduation": dt.date(2028, 6, 30), "plan_created_at": when}
    with db.transaction(actor.staff_id) as session:
        orm = Student(**_values(tiny_school.school_id, "orm03"), **extra)
        session.add(orm)
    with db.transaction(actor.staff_id) as session:
        (bulk_id,) = bulk_insert(
            session, Student, [_values(tiny_school.school_id, "bulk03") | extra]
        )
    with db.transaction(actor.staff_id) as session:
        bulk_update(session, Student, [(bulk_id, 1, {"deleted_at": (None, when)})])
        session.get(Student, orm.id).deleted_at = when

    raw = sqlite3.connect(db.path)
    raw.row_factory = sqlite3.Row
    rows = {
        row["username"]: dict(row)
        for row in raw.execute(
            "SELECT * FROM students WHERE username IN ('orm03', 'bulk03')"
        )
    }
    audit_types = raw.execute(
        "SELECT DISTINCT typeof(id), typeof(row_id), typeof(occurred_at), "
        "length(id), length(occurred_at) FROM audit_entries"
    ).fetchall()
    raw.close()
    orm_row, bulk_row = rows["orm03"], rows["bulk03"]
    differing = {
        "id",
        "username",
        "username_key",
        "search_text",
        "created_at",
        "updated_at",
    }
    assert {k: v for k, v in bulk_row.items() if k not in differing} == {
        k: v for k, v in orm_row.items() if k not in differing
    }
    assert bulk_row["deleted_at"] == "2026-06-30 12:00:05.123456"
    assert len(bulk_row["id"]) == len(orm_row["id"]) == 32
    assert len(bulk_row["created_at"]) == len(orm_row["created_at"])
    assert len(audit_types) == 1  # one storage format for every audit row


def test_a_json_none_is_stored_as_json_null_as_the_orm_stores_it(tiny_school):
    import sqlite3

    from cams_desktop.db.school import SchoolSetting

    db, actor = tiny_school.db, tiny_school.admin
    with db.transaction(actor.staff_id) as session:
        session.add(
            SchoolSetting(school_id=tiny_school.school_id, key="orm", value=None)
        )
    with db.transaction(actor.staff_id) as session:
        bulk_insert(
            session,
            SchoolSetting,
            [{"school_id": tiny_school.school_id, "key": "bulk", "value": None}],
        )

    raw = sqlite3.connect(db.path)
    stored = dict(
        raw.execute(
            "SELECT key, value FROM school_settings WHERE key IN ('orm', 'bulk')"
        )
    )
    raw.close()
    assert stored == {"orm": "null", "bulk": "null"}
