"""``cams import`` (preview and apply) and ``cams bench import``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cams_desktop import cli
from cams_desktop.db.engine import Database
from cams_desktop.db.students import PlanStatus, Student
from cams_desktop.services import auth
from cams_desktop.services.demo import DEMO_SITE_ACCOUNT

pytestmark = pytest.mark.unit

ROSTERS = Path(__file__).resolve().parent / "data" / "rosters"
CONTOSO = ROSTERS / "oea-contoso-sis" / "students.csv"


@pytest.fixture
def demo_path(qapp, demo_db, monkeypatch) -> Path:
    """The demo school, its administrator signed in once (agreement accepted).

    ``qapp`` first: the command makes a QCoreApplication when there is none,
    and widget tests later in the session need a QApplication.
    """
    result = auth.sign_in(demo_db, *DEMO_SITE_ACCOUNT, "admin", "demo-admin")
    assert result.agreement_to_accept is not None
    auth.accept_agreement(demo_db, result.actor, result.agreement_to_accept.edition)
    for name, value in (
        ("CAMS_SITE_USERNAME", DEMO_SITE_ACCOUNT[0]),
        ("CAMS_SITE_PASSWORD", DEMO_SITE_ACCOUNT[1]),
        ("CAMS_USERNAME", "admin"),
        ("CAMS_PASSWORD", "demo-admin"),
    ):
        monkeypatch.setenv(name, value)
    demo_db.close()
    return demo_db.path


def statuses(path: Path) -> dict[PlanStatus, int]:
    db = Database(path, create=False)
    try:
        with db.read() as session:
            rows = session.execute(
                select(Student.plan_status, func.count()).group_by(Student.plan_status)
            ).all()
    finally:
        db.close()
    return dict(rows)  # type: ignore[arg-type]


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["import", *args])
    printed = capsys.readouterr()
    return code, printed.out.splitlines(), printed.err


def counts(new=0, update=0, unchanged=0, error=0, skipped=0, missing=0, passwords=0):
    return [
        f"  new: {new}",
        f"  update: {update}",
        f"  unchanged: {unchanged}",
        f"  error: {error}",
        f"  skipped: {skipped}",
        f"  missing students: {missing}",
        f"  passwords ignored: {passwords}",
    ]


CONTOSO_SCHOOLS = [f"  school sch{n} (sch{n}): 100 rows" for n in range(4)]


def test_a_preview_of_several_schools_asks_to_choose_and_writes_nothing(
    demo_path, capsys
):
    before = statuses(demo_path)

    code, out, _ = run(capsys, str(CONTOSO), "--db", str(demo_path))

    assert code == 1
    assert out == [
        "students.csv: table, 400 rows read (full roster)",
        *counts(skipped=400, passwords=400),
        *CONTOSO_SCHOOLS,
        "students.csv: The file lists students of 4 schools: sch0 (sch0, rows: 100), "
        "sch1 (sch1, rows: 100), sch2 (sch2, rows: 100), sch3 (sch3, rows: 100). "
        "Choose the school or schools to import into this school.",
    ]
    assert statuses(demo_path) == before


def test_preview_then_apply_one_school_and_deactivate_the_missing(demo_path, capsys):
    active = statuses(demo_path)[PlanStatus.ACTIVE]
    chosen = ("--source-school", "sch0", "--db", str(demo_path))

    preview = run(capsys, str(CONTOSO), *chosen)
    # None of its rows is a student of the school yet: nothing is deactivated.
    refused = run(capsys, str(CONTOSO), *chosen, "--apply", "--deactivate-missing")
    applied = run(capsys, str(CONTOSO), *chosen, "--apply")
    # Now all 100 rows match, and the other students are more than half.
    many = run(capsys, str(CONTOSO), *chosen, "--apply", "--deactivate-missing")
    confirmed = run(
        capsys,
        str(CONTOSO),
        *chosen,
        "--apply",
        "--deactivate-missing",
        "--yes-deactivate-many",
    )

    head = counts(new=100, skipped=300, missing=active, passwords=100)
    assert preview == (
        0,
        ["students.csv: table, 400 rows read (full roster)", *head, *CONTOSO_SCHOOLS],
        "",
    )
    assert (refused[0], refused[2]) == (
        1,
        "cams import: No row of the file is a student of this school already: no "
        "plan is deactivated from it. Check the file and the school chosen. "
        "Nothing was imported.\n",
    )
    assert applied[0] == 0
    assert applied[1][-6:-1] == [
        "  added: 100",
        "  updated: 0",
        "  unchanged: 0",
        "  plans deactivated: 0",
        "  rows in error, not imported: 0",
    ]
    assert (many[0], many[2]) == (
        1,
        f"cams import: This would deactivate the plans of {active} of the "
        f"{active + 100} active students; confirm it to go on. Nothing was "
        "imported.\n",
    )
    assert confirmed[0] == 0
    assert confirmed[1][-7:] == [
        "imported:",
        "  added: 0",
        "  updated: 0",
        "  unchanged: 100",
        f"  plans deactivated: {active}",
        "  rows in error, not imported: 0",
        "100 passwords in the file were ignored: passwords are never stored.",
    ]
    after = statuses(demo_path)
    assert after[PlanStatus.ACTIVE] == 100
    assert after[PlanStatus.INACTIVE] >= active


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        (
            "courses.csv",
            (),
            "The file has problems (listed in the preview); correct them, then "
            "preview it again. Nothing was imported.",
        ),
        (
            "header-only.csv",
            (),
            "The file lists no student of this school: no plan is deactivated "
            "from it. Nothing was imported.",
        ),
        (
            "contoso",
            ("--source-school", "NOPE"),
            "The file lists no student of this school: no plan is deactivated "
            "from it. Nothing was imported.",
        ),
    ],
)
def test_a_file_that_matches_nobody_never_deactivates_the_school(
    demo_path, capsys, tmp_path, name, options, message
):
    paths = {
        "courses.csv": ROSTERS / "onerostergen-templates" / "courses.csv",
        "header-only.csv": tmp_path / "header-only.csv",
        "contoso": CONTOSO,
    }
    paths["header-only.csv"].write_text("First Name,Last Name,Grade\n")
    before = statuses(demo_path)

    code, _, err = run(
        capsys,
        str(paths[name]),
        *options,
        "--apply",
        "--deactivate-missing",
        "--yes-deactivate-many",
        "--db",
        str(demo_path),
    )

    assert (code, err) == (1, f"cams import: {message}\n")
    assert statuses(demo_path) == before


def test_rows_in_error_are_listed_with_file_line_column_and_value(demo_path, capsys):
    active = statuses(demo_path)[PlanStatus.ACTIVE]
    arguments = (
        str(ROSTERS / "ms-sds-csv-samples" / "sds-v2.1"),
        "--source-school",
        "110001",
        "--source-school",
        "110003",
        "--db",
        str(demo_path),
    )

    preview = run(capsys, *arguments)
    applied = run(capsys, *arguments, "--apply")

    error = (
        'roles.csv:8: grade "ps1": The grade is outside grades 1 to 12 (or is not '
        "a grade)."
    )
    assert preview[0] == 1
    assert preview[1][1:8] == counts(new=3, error=1, missing=active, passwords=4)
    assert preview[1][-1] == error
    # The rest is imported, and the status still says a row was left out.
    assert applied[0] == 1
    assert applied[1][-7:] == [
        "imported:",
        "  added: 3",
        "  updated: 0",
        "  unchanged: 0",
        "  plans deactivated: 0",
        "  rows in error, not imported: 1",
        "4 passwords in the file were ignored: passwords are never stored.",
    ]


def test_a_mapping_file_and_date_order_are_used_and_remembered(
    demo_path, capsys, tmp_path
):
    roster = tmp_path / "eleves.csv"
    roster.write_text(
        "Prénom;Nom;Niveau;Naissance;Code\n"
        "Zoé;Bélanger;9;04/02/2011;zbelanger\n"
        "Léo;Côté;10;13/11/2010;lcote77\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "colonnes.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "first_name": "Prénom",
                    "last_name": "Nom",
                    "grade": "Niveau",
                    "birth_date": "Naissance",
                    "username": "Code",
                }
            }
        ),
        encoding="utf-8",
    )
    db = ("--db", str(demo_path))

    applied = run(
        capsys,
        str(roster),
        "--mapping",
        str(mapping),
        "--date-order",
        "dmy",
        "--apply",
        *db,
    )
    # No --mapping: the school remembered the one used for this layout.
    again = run(capsys, str(roster), *db)

    assert applied[0] == 0 and applied[1][-5] == "  added: 2"
    assert again[0] == 0
    assert again[1][1:5] == ["  new: 0", "  update: 0", "  unchanged: 2", "  error: 0"]
    check = Database(demo_path, create=False)
    with check.read() as session:
        zoe = session.scalars(
            select(Student).where(Student.username == "zbelanger")
        ).one()
    check.close()
    assert zoe.birth_date.isoformat() == "2011-02-04"


def test_unreadable_input_exits_with_2(demo_path, capsys, tmp_path):
    empty = tmp_path / "exports"
    empty.mkdir()

    code, out, err = run(capsys, str(empty), "--db", str(demo_path))

    assert (code, out) == (2, [])
    assert err == "cams import: exports: The folder holds no CSV or Excel file.\n"


def test_the_import_benchmark_prints_its_figures(capsys):
    assert cli.main(["bench", "import", "--students", "200"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        r"import: 200 students from a \d+\.\d MB CSV \(Python .+, SQLite .+\)", lines[0]
    )
    assert re.fullmatch(
        r"  baseline \(csv\.reader \+ sqlite3 executemany, plain table\): +"
        r"\d+\.\d\d s +\d+ rows/s",
        lines[1],
    )
    assert re.fullmatch(
        r"  CAMS \(read, preview, apply with audit and outbox\): +"
        r"\d+\.\d\d s +\d+ rows/s",
        lines[2],
    )
    assert re.fullmatch(
        r"    read \d+\.\d\d s, preview \d+\.\d\d s, apply \d+\.\d\d s", lines[3]
    )
    assert re.fullmatch(
        r"  ratio \d+\.\d\d× \(goal ≤ 3×\): goal (met|missed)", lines[4]
    )
    assert len(lines) == 5


def test_the_module_runs_as_a_program(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cams_desktop.cli",
            "import",
            str(tmp_path / "eleves.csv"),
            "--db",
            str(tmp_path / "nothing.sqlite"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 2
    assert done.stderr.startswith("cams import: ")
    assert "Traceback" not in done.stderr
