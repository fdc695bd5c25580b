"""``cams bench sync`` at a tiny size: its figures, and a server left as it was."""

from __future__ import annotations

import re

import psycopg
import pytest

from cams_desktop import cli
from cams_desktop.server.roles import role_prefix

pytestmark = pytest.mark.pg

SECONDS = r"\d+(\.\d\d)? m?s"
SPLIT = rf"server {SECONDS}, desktop {SECONDS}"
CYCLE = (
    rf"  whole cycle {SECONDS}: push {SECONDS} \({SPLIT}\), pull {SECONDS} "
    rf"\({SPLIT}\), check {SECONDS} \({SPLIT}\)"
)
VERDICT = r"goal met|goal MISSED"


def test_the_bench_measures_download_push_and_pull(pg_admin_url, capsys):
    code = cli.main(["bench", "sync", "--students", "60", "--server-url", pg_admin_url])

    printed = capsys.readouterr()
    assert (code, printed.err) == (0, "")
    lines = printed.out.splitlines()
    assert lines[0].startswith("cams bench sync — 60 students (seed 7), Python ")
    made = re.fullmatch(
        r"server database (cams_bench_[0-9a-f]{12}) \(dropped at the end\); demo "
        r"school made in \d+\.\d s, server set up and loaded in \d+\.\d s "
        r"\(not timed\)",
        lines[1],
    )
    assert made is not None
    assert lines[2] == ""

    download = re.fullmatch(
        rf"first download: ([\d,]+) rows \([\d,]+ written\) in \d+ pages, {SECONDS}",
        lines[3],
    )
    assert download is not None
    copied = re.fullmatch(rf"  COPY baseline: ([\d,]+) rows, {SECONDS}", lines[4])
    # The baseline copies exactly the rows the engine downloaded.
    assert copied is not None and copied[1] == download[1]
    assert re.fullmatch(
        rf"  ratio \d+\.\d\d× \(goal at most 2×: ({VERDICT})\)", lines[5]
    )
    assert re.fullmatch(CYCLE, lines[6])
    # Nothing to push, and a copy that agrees with the server afterwards.
    assert re.fullmatch(
        r"  server calls: 1 counts, \d+ pull; pushed: nothing; rows pulled: "
        r"[\d,]+; tables downloaded again: none",
        lines[7],
    )

    assert re.fullmatch(
        rf"push: 1,000 mutations in 100 local transactions, {SECONDS} "
        rf"\(goal under 2 s: ({VERDICT})\)",
        lines[9],
    )
    assert re.fullmatch(CYCLE, lines[10])
    assert re.fullmatch(
        r"  server calls: 1 counts, 1 pull, 100 push; pushed: 1,000 applied; "
        r"rows pulled: [\d,]+; tables downloaded again: none",
        lines[11],
    )

    # Sixty students have fewer rows than the 10,000 changes of the goal.
    pulled = re.fullmatch(
        rf"pull: ([\d,]+) changes made on the server, {SECONDS} \(goal under 3 s "
        r"for 10,000: not judged at this size\)",
        lines[13],
    )
    assert pulled is not None
    assert re.fullmatch(CYCLE, lines[14])
    assert re.fullmatch(
        r"  server calls: 1 counts, \d+ pull; pushed: nothing; rows pulled: "
        r"[\d,]+; tables downloaded again: none",
        lines[15],
    )
    assert lines[17].startswith("Phases: push until the first pull call")

    with psycopg.connect(pg_admin_url) as admin:
        databases = admin.execute(
            "SELECT count(*) FROM pg_database WHERE datname = %s", (made[1],)
        ).fetchone()
        roles = admin.execute(
            "SELECT count(*) FROM pg_roles WHERE starts_with(rolname, %s)",
            (role_prefix(made[1]),),
        ).fetchone()
    assert (databases, roles) == ((0,), (0,))


def test_the_bench_talks_to_this_computer_only(capsys):
    code = cli.main(
        [
            "bench",
            "sync",
            "--students",
            "60",
            "--server-url",
            "postgresql://postgres@db.example.org:5432/postgres",
        ]
    )

    printed = capsys.readouterr()
    assert (code, printed.out) == (1, "")
    assert printed.err == (
        "cams bench sync: the benchmark only talks to a server on this computer: "
        "give a URL whose host is 127.0.0.1 or ::1, not "
        "db.example.org\n"
    )
