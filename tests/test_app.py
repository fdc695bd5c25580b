"""Start-up: choosing the database and the demo school."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from cams_desktop import app, cli
from cams_desktop.db.journal import OutboxEntry
from cams_desktop.db.students import Student

pytestmark = pytest.mark.unit


def test_demo_start_makes_the_demo_school_once(tmp_path):
    path = tmp_path / "demo.sqlite"
    args = app.parse_args(["--demo", "--db", str(path)])

    db = app._open_database(args)
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(Student))
    db.close()
    assert count == app.DEMO_STUDENTS

    again = app._open_database(args)
    with again.read() as session:
        assert session.scalar(select(func.count()).select_from(Student)) == count


def test_cams_demo_refuses_an_existing_school_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    assert (
        cli.main(["demo", "--students", "20", "--seed", "3", "--out", str(path)]) == 0
    )
    assert capsys.readouterr().out.startswith(f"{path}: 20 students, ")

    assert cli.main(["demo", "--students", "20", "--out", str(path)]) == 2
    assert capsys.readouterr().err.startswith("cams demo: ")


def test_cams_backup_and_migrate(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    cli.main(["demo", "--students", "5", "--out", str(path)])
    copy = tmp_path / "copy.sqlite"
    assert cli.main(["backup", "--db", str(path), "--out", str(copy)]) == 0
    assert cli.main(["migrate", "--db", str(copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [f"{path} copied to {copy}", f"{copy}: schema up to date"]
    assert (
        cli.main(["backup", "--db", str(tmp_path / "none.sqlite"), "--out", str(copy)])
        == 2
    )


def test_backup_does_not_replace_a_file_unless_forced(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    cli.main(["demo", "--students", "5", "--out", str(path)])
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"keep me")
    assert cli.main(["backup", "--db", str(path), "--out", str(other)]) == 2
    assert other.read_bytes() == b"keep me"
    assert capsys.readouterr().err.strip() == (
        f"cams backup: {other} exists; add --force to replace it"
    )
    assert cli.main(["backup", "--db", str(path), "--out", str(other), "--force"]) == 0
    assert other.read_bytes().startswith(b"SQLite format 3")


def test_restore_puts_a_backup_back_and_keeps_what_was_there(tmp_path, capsys):
    from cams_desktop.db.engine import Database

    path = tmp_path / "école #1.sqlite"
    cli.main(["demo", "--students", "5", "--out", str(path)])
    db = Database(path)
    with db.transaction(None) as session:
        session.scalars(
            select(Student)
        ).first().first_name = "Restaurée"  # in the outbox
    db.close()
    backup = tmp_path / "friday.sqlite"
    assert cli.main(["backup", "--db", str(path), "--out", str(backup)]) == 0
    db = Database(path)
    with db.transaction(None) as session:
        session.scalars(select(Student)).first().deleted_at = dt.datetime.now(dt.UTC)
    db.close()
    capsys.readouterr()

    assert cli.main(["restore", "--db", str(path), "--from", str(backup)]) == 0

    (safety,) = tmp_path.glob("école #1.before-restore-*.sqlite")
    assert capsys.readouterr().out.strip() == (
        f"{backup} restored into {path}; the database as it was is in {safety}"
    )

    def live_students(file):
        database = Database(file)
        with database.read() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Student)
                .where(Student.deleted_at.is_(None))
            )
        database.close()
        return count

    assert (live_students(path), live_students(safety)) == (5, 4)
    # The restored file numbers its changes as a new device.
    restored, kept = Database(path), Database(safety)
    with restored.read() as session:
        outbox_devices = set(session.scalars(select(OutboxEntry.device_id)))
    assert restored.device_id != kept.device_id
    assert outbox_devices == {restored.device_id}
    restored.close()
    kept.close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_restore_refuses_what_is_not_a_backup(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    cli.main(["demo", "--students", "5", "--out", str(path)])
    before = path.read_bytes()
    text = tmp_path / "notes.sqlite"
    text.write_text("pas une sauvegarde\n" * 50, encoding="utf-8")
    capsys.readouterr()

    assert cli.main(["restore", "--db", str(path), "--from", str(text)]) == 2
    assert cli.main(["restore", "--db", str(path), "--from", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"cams restore: {text} is not a CAMS Desktop database (or it is damaged).",
        f"cams restore: {path} is the database itself, not a backup of it.",
    ]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.sqlite",
        "school.sqlite",
    ]


def test_migrate_names_a_missing_file_instead_of_creating_it(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite"
    assert cli.main(["migrate", "--db", str(missing)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"cams migrate: There is no database at {missing}."
    )
    assert not missing.exists()
