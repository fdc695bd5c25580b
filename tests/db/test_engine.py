"""The local file: migrations at start-up, tracking of writes, backups."""

from __future__ import annotations

import sqlite3
import time
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

import cams_desktop.db  # noqa: F401
from cams_desktop.db.base import Base, link_id, new_id
from cams_desktop.db.engine import Database, DatabaseError, backup_file, head_revision
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import Board

pytestmark = pytest.mark.unit


def test_migrations_build_exactly_the_declared_schema(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    assert db.backup_path is None


def test_reopening_needs_no_migration_and_keeps_the_device_id(tmp_path):
    first = Database(tmp_path / "a.sqlite")
    device = first.device_id
    first.close()
    again = Database(tmp_path / "a.sqlite")
    assert again.backup_path is None
    assert again.device_id == device


def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    with db.engine.connect() as connection:
        pragmas = [
            connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys")
        ]
    assert pragmas == ["wal", 2, 1]


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "a.sqlite"
    Database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()

    with pytest.raises(DatabaseError) as caught:
        Database(path)

    assert str(caught.value) == (
        "a.sqlite was written by a newer version of CAMS Desktop (database schema "
        f"9999; this version knows up to {head_revision()}). Install the newer "
        "version to open it."
    )
    assert path.read_bytes() == before


def test_one_transaction_shares_one_outbox_transaction_id(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    actor = uuid.uuid4()
    with db.transaction(actor) as session:
        session.add_all([Board(name="Un"), Board(name="Deux")])
    with db.transaction(actor) as session:
        session.scalars(select(Board).where(Board.name == "Un")).one().name = "Premier"

    with db.read() as session:
        entries = session.scalars(
            select(OutboxEntry).order_by(OutboxEntry.mutation_id)
        ).all()
        audit = session.scalars(
            select(AuditEntry).order_by(AuditEntry.occurred_at)
        ).all()
    assert [e.operation for e in entries] == ["insert", "insert", "update"]
    assert (
        entries[0].transaction_id
        == entries[1].transaction_id
        != entries[2].transaction_id
    )
    assert entries[2].changes == {"name": ["Un", "Premier"]}
    assert entries[2].base_version == 1
    assert {e.device_id for e in entries} == {db.device_id}
    assert [(a.action, a.field, a.old_value, a.new_value, a.actor_id) for a in audit][
        -1
    ] == (
        "update",
        "name",
        "Un",
        "Premier",
        actor,
    )


def test_a_failed_transaction_leaves_neither_row_nor_record(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    with pytest.raises(RuntimeError), db.transaction(None) as session:
        session.add(Board(name="Jamais"))
        session.flush()
        raise RuntimeError("crash in the middle")
    with db.read() as session:
        counts = [
            session.scalar(select(func.count()).select_from(table))
            for table in (Board, OutboxEntry, AuditEntry)
        ]
    assert counts == [0, 0, 0]


def test_backup_copies_a_live_database(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    with db.transaction(None) as session:
        session.add(Board(name="Sauvegardé"))
    backup_file(db.path, tmp_path / "copy.sqlite")
    copy = Database(tmp_path / "copy.sqlite")
    with copy.read() as session:
        assert session.scalars(select(Board.name)).all() == ["Sauvegardé"]


def test_keys_are_uuid7_and_link_ids_are_deterministic():
    first, second = new_id(), new_id()
    assert first.version == 7
    assert first.variant == uuid.RFC_4122
    assert first < second
    # Ids made within one millisecond still grow, and keep version and variant.
    many = [new_id() for _ in range(20_000)]
    assert many == sorted(many)
    assert len(set(many)) == len(many)
    assert {(i.version, i.variant) for i in many} == {(7, uuid.RFC_4122)}
    assert abs((many[-1].int >> 80) - time.time() * 1000) < 5_000  # no drift ahead
    a, b = uuid.uuid4(), uuid.uuid4()
    assert link_id(a, b) == link_id(a, b) != link_id(b, a)


def test_an_older_file_is_copied_before_it_is_migrated(tmp_path):
    from alembic import command

    from cams_desktop.db.engine import alembic_config, current_revision, make_engine

    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()

    db = Database(path)

    assert db.backup_path is not None
    assert db.backup_path.name.startswith("old.before-")
    assert current_revision(db.engine) == head_revision()
    old = make_engine(db.backup_path)
    assert current_revision(old) == "0001"
    old.dispose()


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("pas une base de données\n" * 100, encoding="utf-8")
    with pytest.raises(DatabaseError) as caught:
        Database(path)
    assert (
        str(caught.value)
        == f"{path} is not a CAMS Desktop database (or it is damaged)."
    )
    assert path.read_text(encoding="utf-8").startswith("pas une base")


def test_a_missing_file_is_not_created_when_it_must_exist(tmp_path):
    path = tmp_path / "typo" / "ecole.sqlite"
    with pytest.raises(DatabaseError) as caught:
        Database(path, create=False)
    assert str(caught.value) == f"There is no database at {path}."
    assert not path.parent.exists()


def test_backups_are_private_and_never_half_written(tmp_path):
    db = Database(tmp_path / "a.sqlite")
    target = tmp_path / "copy.sqlite"
    backup_file(db.path, target)
    assert target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(DatabaseError):
        backup_file(db.path, tmp_path / "missing-folder" / "copy.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == [
        "copy.sqlite"
    ]


def test_the_outbox_schema_version_is_the_newest_migration():
    from cams_desktop.db.tracking import SCHEMA_VERSION

    assert head_revision() == SCHEMA_VERSION


def test_the_outbox_carries_a_new_password_hash_but_never_the_old_one(tmp_path):
    from cams_desktop.db.school import AccessLevel, School, Staff

    db = Database(tmp_path / "a.sqlite")
    with db.transaction(None) as session:
        board = Board(name="B")
        session.add(board)
        session.flush()
        school = School(board_id=board.id, name="É", code="E")
        session.add(school)
        session.flush()
        member = Staff(
            school_id=school.id,
            username="jo",
            username_key="jo",
            first_name="Jo",
            last_name="Roy",
            access_level=AccessLevel.TEACHER,
            password_hash="$argon2id$old",
        )
        session.add(member)
    with db.transaction(None) as session:
        session.get_one(Staff, member.id).password_hash = "$argon2id$new"
    with db.read() as session:
        last = session.scalars(
            select(OutboxEntry).order_by(OutboxEntry.mutation_id.desc()).limit(1)
        ).one()
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.field == "password_hash")
        ).one()
    assert last.changes == {"password_hash": [None, "$argon2id$new"]}
    assert (audit.old_value, audit.new_value) == ("••••••", "••••••")
