"""Benchmark of the year-end rollover: preview, apply and undo at school scale.

``cams bench rollover`` makes a new demo school of ``--students`` students
(50,000 by default) in a temporary folder, deleted afterwards, so no run
reuses another's file. As the demo program administrator it then times, once
each and in this order, the preview, the apply (goal: under 5 s) and the undo
of the rollover of the whole school to the next school year. A missed goal
never changes the exit status. Only counts and timings are printed.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from cams_desktop.db.engine import Database
from cams_desktop.services.access import actor_for
from cams_desktop.services.demo import SCHOOL_YEAR, generate_demo
from cams_desktop.services.grades import (
    Outcome,
    apply_rollover,
    preview_rollover,
    undo_last_rollover,
)

ACTOR = "admin"  # the demo program administrator
# The demo school is in its first year; the rollover prepares the next one.
ROLLED_YEAR = f"{SCHOOL_YEAR + 1}-{SCHOOL_YEAR + 2}"
GOAL_APPLY = 5.0


def _run(args: argparse.Namespace) -> int:
    if args.students < 1:
        raise ValueError(f"--students must be at least 1, not {args.students}")
    if args.db is not None:
        raise ValueError("--db is not used: each run makes its own demo school")
    print(
        f"cams bench rollover — {args.students:,} students (seed {args.seed}), "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    with tempfile.TemporaryDirectory(prefix="cams-bench-rollover-") as folder:
        path = Path(folder) / "rollover.sqlite"
        started = time.perf_counter()
        generate_demo(path, args.students, args.seed)
        print(f"demo school made in {time.perf_counter() - started:.1f} s (not timed)")
        db = Database(path)
        try:
            actor = actor_for(db, ACTOR)

            started = time.perf_counter()
            preview = preview_rollover(db, actor, ROLLED_YEAR)
            preview_seconds = time.perf_counter() - started

            started = time.perf_counter()
            result = apply_rollover(db, actor, preview)
            apply_seconds = time.perf_counter() - started

            started = time.perf_counter()
            undone = undo_last_rollover(db, actor)
            undo_seconds = time.perf_counter() - started
        finally:
            db.close()

    print(
        f"preview {preview_seconds:6.2f} s  {len(preview.rows):,} students: "
        f"{preview.count(Outcome.MOVES):,} move up, "
        f"{preview.count(Outcome.GRADUATES):,} graduate, "
        f"{preview.count(Outcome.SKIPPED):,} skipped"
    )
    verdict = "goal met" if apply_seconds < GOAL_APPLY else "goal MISSED"
    print(
        f"apply   {apply_seconds:6.2f} s  {result.moved + result.graduated:,} "
        f"students written to {ROLLED_YEAR} (goal under {GOAL_APPLY:g} s: {verdict})"
    )
    print(
        f"undo    {undo_seconds:6.2f} s  {undone.restored:,} students restored, "
        f"{len(undone.skipped):,} skipped"
    )
    return 0


def main(args: argparse.Namespace) -> int:
    """Run the rollover benchmark; 1 only if it could not run."""
    try:
        return _run(args)
    except Exception as error:
        print(f"cams bench rollover: {error}", file=sys.stderr)
        return 1
