"""Benchmark of the roster import: a school's CSV of students into an empty school.

``cams bench import`` writes a CSV of ``--students`` students (the same file
for a seed: names with diacritics, usernames, student numbers, birth dates,
emails, grades 7 to 12), then measures in one run:

* the baseline: ``csv.reader`` over the file and one ``sqlite3``
  ``executemany`` of its rows into a plain table of a new database file;
* CAMS: ``read_roster`` (format detection, mapping, values checked),
  ``plan_import`` (matching, validation) and ``apply_import`` (students with
  their audit trail and sync outbox, in one transaction) into a new database
  holding a school and its staff but no student.

It prints rows per second of each and their ratio (goal: at most 3×); a
missed goal never changes the exit status. Only counts and timings are
printed, never names.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import platform
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from cams_desktop.db.engine import Database
from cams_desktop.db.school import AccessLevel, Board, School, Staff
from cams_desktop.db.students import Student
from cams_desktop.services.access import actor_for
from cams_desktop.services.roster.applying import apply_import
from cams_desktop.services.roster.formats import read_roster
from cams_desktop.services.roster.planning import RowKind, plan_import
from cams_desktop.text import fold, sort_key

GOAL = 3.0
HEADER = [
    "SIS ID",
    "Student Number",
    "Username",
    "First Name",
    "Last Name",
    "Grade",
    "Birthdate",
    "Gender",
    "Email",
    "Language",
]

FIRST = ["Zoé", "Hà", "Jiří", "Élodie", "Mathéo", "Siobhán", "Łukasz", "Noël",
         "Marie-Ève", "Björn", "Ngọc Anh", "Jean-François", "Aïcha", "Sofía",
         "Léa", "Océane", "Chloé", "Raphaël", "Amélie", "Thomas", "Maëlle",
         "Zacharie", "Anaïs", "Félix"]  # fmt: skip
LAST = ["Nguyễn", "Nováček", "O’Neil-Tremblay", "Émond", "Gagnon", "Côté",
        "Lévesque", "Øvergård", "Bouchard-Saint-Laurent", "Trần", "Dvořák",
        "Müller", "Ó Súilleabháin", "Bélanger", "Kowalczyk", "Roy", "Pelletier",
        "Bérubé", "D’Amours", "Nadeau", "Fortin", "Gélinas"]  # fmt: skip


def write_csv(path: Path, count: int, seed: int) -> None:
    """``count`` invented students; the same file for the same seed."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for index in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            grade = rng.randint(7, 12)
            born = dt.date(2026 - 6 - grade, 1, 1) + dt.timedelta(rng.randrange(365))
            username = f"{fold(first)[:1]}{sort_key(last)[:20]}{index}"
            writer.writerow(
                [
                    f"sis-{index:06d}",
                    str(100000 + index),
                    username,
                    first,
                    last,
                    str(grade),
                    born.isoformat(),
                    rng.choice("FMX"),
                    f"{username}@eleves.example.org",
                    rng.choice(("fr", "en")),
                ]
            )


def baseline(csv_path: Path, db_path: Path) -> int:
    """The bare minimum: parse the CSV and insert its rows as they are."""
    connection = sqlite3.connect(db_path)
    try:
        connection.execute(
            "CREATE TABLE students (sis_id TEXT, student_number TEXT, "
            "username TEXT, first_name TEXT, last_name TEXT, grade INTEGER, "
            "birth_date TEXT, gender TEXT, email TEXT, language TEXT)"
        )
        with csv_path.open(encoding="utf-8", newline="") as source:
            rows = csv.reader(source)
            next(rows)
            with connection:
                connection.executemany(
                    "INSERT INTO students VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
        count: int = connection.execute("SELECT count(*) FROM students").fetchone()[0]
    finally:
        connection.close()
    return count


def empty_school(db_path: Path) -> Database:
    """A new database with one school, its administrator and no student."""
    db = Database(db_path)
    with db.transaction(None) as session:
        board = Board(name="Conseil scolaire des Érables")
        session.add(board)
        session.flush()
        school = School(
            board_id=board.id, name="École secondaire des Érables", code="ESE"
        )
        session.add(school)
        session.flush()
        session.add_all(
            Staff(
                school_id=school.id,
                username=username,
                username_key=username,
                first_name=first,
                last_name=last,
                access_level=level,
            )
            for username, first, last, level in (
                ("admin", "Hélène", "Desrochers", AccessLevel.PROGRAM_ADMIN),
                ("conseiller", "Noémie", "St-Onge", AccessLevel.SCHOOL_ADMIN),
                ("enseignant", "Daniel", "O’Reilly", AccessLevel.TEACHER),
            )
        )
    return db


def main(args: argparse.Namespace) -> int:
    count = int(args.students)
    seed = int(getattr(args, "seed", 7))
    with tempfile.TemporaryDirectory(prefix="cams-bench-import-") as scratch:
        folder = Path(scratch)
        csv_path = folder / "eleves.csv"
        write_csv(csv_path, count, seed)
        size = csv_path.stat().st_size

        start = time.perf_counter()
        inserted = baseline(csv_path, folder / "baseline.sqlite")
        bare = time.perf_counter() - start

        db = empty_school(folder / "cams.sqlite")
        try:
            actor = actor_for(db, "admin")
            start = time.perf_counter()
            roster = read_roster(csv_path)
            read_done = time.perf_counter()
            plan = plan_import(db, actor, roster)
            plan_done = time.perf_counter()
            result = apply_import(db, actor, plan)
            ours = time.perf_counter() - start
            with db.read() as session:
                stored = session.query(Student).count()
        finally:
            db.close()

    if inserted != count or stored != count or result.added != count:
        raise RuntimeError(
            f"the import stored {stored} of {count} students "
            f"({plan.counts()[RowKind.ERROR]} rows in error)"
        )
    ratio = ours / bare
    print(
        f"import: {count:,} students from a {size / 1e6:.1f} MB CSV "
        f"(Python {platform.python_version()}, SQLite {sqlite3.sqlite_version})"
    )
    print(
        f"  baseline (csv.reader + sqlite3 executemany, plain table): "
        f"{bare:6.2f} s  {count / bare:9.0f} rows/s"
    )
    print(
        f"  CAMS (read, preview, apply with audit and outbox):        "
        f"{ours:6.2f} s  {count / ours:9.0f} rows/s"
    )
    print(
        f"    read {read_done - start:.2f} s, preview {plan_done - read_done:.2f} s, "
        f"apply {start + ours - plan_done:.2f} s"
    )
    verdict = "goal met" if ratio <= GOAL else "goal missed"
    print(f"  ratio {ratio:.2f}× (goal ≤ {GOAL:g}×): {verdict}")
    return 0
