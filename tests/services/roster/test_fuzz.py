"""Whatever bytes a file holds, reading it gives a roster or a RosterError."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cams_desktop.services.roster.formats import read_roster
from cams_desktop.services.roster.records import Problem, Roster, RosterError

pytestmark = pytest.mark.unit

# About 140 examples in all: CI runs these on every push.
FUZZ = settings(max_examples=30, deadline=None, database=None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def read(path: Path, data: bytes) -> Roster | None:
    """Read ``data`` as ``path``; check that every problem says what and where."""
    path.write_bytes(data)
    try:
        roster = read_roster(path)
    except RosterError as error:
        check(error.problem)
        return None
    for problem in roster.problems:
        check(problem)
    for student in roster.students:
        assert student.line >= 2
        for problem in student.problems:
            check(problem)
            assert problem.line is not None and problem.line >= 2
    return roster


def check(problem: Problem) -> None:
    assert problem.message.strip()
    assert problem.file.strip()


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".zip"]))
def test_random_bytes(folder, data, suffix):
    read(folder / f"random{suffix}", data)


CELL = st.text(alphabet=st.sampled_from('ab9/-,;\t"\r\n é0KG3\x0b'), max_size=8)
HEADERS = st.sampled_from(
    ["Prénom", "Nom", "Année", "Date de naissance", "Sexe", "Password", "p-first name"]
)


@FUZZ
@given(
    header=st.lists(HEADERS, min_size=1, max_size=6),
    rows=st.lists(st.lists(CELL, max_size=7), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_random_csv_text(folder, header, rows, delimiter, encoding):
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    data = "\n".join(lines).encode(encoding, errors="replace")
    roster = read(folder / "eleves.csv", data)
    if roster is not None:
        assert len(roster.students) <= roster.rows_read


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


XLSX_PARTS = st.sampled_from(
    [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
    ]
)
XML = st.one_of(
    st.binary(max_size=60),
    st.sampled_from(
        [
            b"<?xml version='1.0'?><workbook/>",
            b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>9</v></c></row>"
            b"</sheetData></worksheet>",
            b"<Relationships/>",
            b"<sst><si><t>Pr\xc3\xa9nom</t></si></sst>",
        ]
    ),
)


@FUZZ
@given(members=st.dictionaries(XLSX_PARTS, XML, max_size=7))
def test_xlsx_like_zips(folder, members):
    read(folder / "eleves.xlsx", zip_of(members))


def real_workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Prénom", "Nom", "Année"])
    book.active.append(["Zoé", "Roy", 9])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = real_workbook()
BUNDLE = zip_of(
    {
        "b/manifest.csv": b"propertyName,value\n"
        b"oneroster.version,1.2\nfile.users,bulk\n",
        "b/users.csv": b"sourcedId,givenName,familyName,grades\nu1,Zo\xc3\xa9,Roy,09\n",
        "b/roles.csv": b"userSourcedId,role,orgSourcedId\nu1,student,s\n",
    }
)


@settings(FUZZ, max_examples=25)
@given(
    original=st.sampled_from([("eleves.xlsx", WORKBOOK), ("bundle.zip", BUNDLE)]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flip=st.integers(min_value=0, max_value=255),
)
def test_truncated_or_altered_zips(tmp_path_factory, original, cut, flip):
    name, data = original
    changed = bytearray(data[: int(len(data) * cut)])
    if changed and flip:
        changed[len(changed) // 2] ^= flip
    read(tmp_path_factory.mktemp("cut") / name, bytes(changed))


USER_COLUMNS = st.sampled_from(
    [
        "sourcedId",
        "status",
        "enabledUser",
        "role",
        "givenName",
        "familyName",
        "grades",
        "agentSourcedIds",
        "orgSourcedIds",
        "primaryOrgSourcedId",
        "password",
    ]
)
IDS = st.sampled_from(["u1", "u2", "p1", "o1", "", "u1,p1", "tobedeleted", "KG"])
VALUES = st.one_of(
    IDS,
    st.sampled_from(["student", "parent", "guardian", "true", "FALSE", "09", "x"]),
)


def csv_text(columns: list[str], rows: list[list[str]]) -> bytes:
    return "\n".join([",".join(columns), *(",".join(row) for row in rows)]).encode()


@settings(FUZZ, max_examples=25)
@given(
    version=st.sampled_from(["1.1", "1.2", ""]),
    users_mode=st.sampled_from(["bulk", "delta", "absent", ""]),
    columns=st.lists(USER_COLUMNS, min_size=1, max_size=8, unique=True),
    rows=st.lists(st.lists(VALUES, max_size=9), max_size=5),
    roles=st.lists(st.lists(VALUES, min_size=3, max_size=5), max_size=4),
    demographics=st.lists(st.lists(VALUES, max_size=3), max_size=3),
)
def test_oneroster_like_bundles(
    tmp_path_factory, version, users_mode, columns, rows, roles, demographics
):
    data = zip_of(
        {
            "manifest.csv": csv_text(
                ["propertyName", "value"],
                [["oneroster.version", version], ["file.users", users_mode]],
            ),
            "users.csv": csv_text(columns, rows),
            "roles.csv": csv_text(
                ["userSourcedId", "role", "orgSourcedId", "roleType", "grade"], roles
            ),
            "demographics.csv": csv_text(
                ["sourcedId", "sex", "birthDate"], demographics
            ),
            "orgs.csv": b"sourcedId,type,parentSourcedId\no1,school,o1\no2,x,o2\n",
        }
    )
    read(tmp_path_factory.mktemp("or") / "bundle.zip", data)


def test_the_intact_originals_are_read(tmp_path):
    workbook = read(tmp_path / "eleves.xlsx", WORKBOOK)
    bundle = read(tmp_path / "bundle.zip", BUNDLE)
    assert workbook is not None and bundle is not None
    assert [(s.first_name, s.grade) for s in workbook.students] == [("Zoé", 9)]
    assert [(s.first_name, s.grade) for s in bundle.students] == [("Zoé", 9)]
