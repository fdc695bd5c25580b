"""Exporting the student list: chosen columns, order kept, scope enforced."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.students import Gender, LoginEvent
from cams_desktop.reports.exporters import ExportFormat
from cams_desktop.services import students
from cams_desktop.services.access import PermissionDenied
from cams_desktop.services.student_export import ExportColumn, export_students
from cams_desktop.services.students import StudentDraft

pytestmark = pytest.mark.unit


@pytest.fixture
def two_students(tiny_school):
    teacher = frozenset({tiny_school.teacher.staff_id})
    first = students.add_student(
        tiny_school.db,
        tiny_school.admin,
        StudentDraft(
            first_name="Zoé",
            last_name="=Bédard",
            grade=10,
            username="zbedard",
            gender=Gender.FEMALE,
            counsellor_ids=teacher,
        ),
    )
    second = students.add_student(
        tiny_school.db,
        tiny_school.admin,
        StudentDraft(
            first_name="Liam",
            last_name="O’Neil",
            grade=9,
            username="loneil",
            email="liam@example.org",
        ),
    )
    with tiny_school.db.transaction(None) as session:
        session.add(
            LoginEvent(
                student_id=first,
                occurred_at=dt.datetime(2026, 7, 1, 13, 5, tzinfo=dt.UTC),
            )
        )
    return first, second


def test_csv_export_keeps_the_given_order_and_neutralises_formulas(
    tiny_school, two_students, tmp_path
):
    first, second = two_students
    target = tmp_path / "eleves.csv"

    result = export_students(
        tiny_school.db,
        tiny_school.admin,
        [second, first],
        [
            ExportColumn.LAST_NAME,
            ExportColumn.FIRST_NAME,
            ExportColumn.GRADE,
            ExportColumn.LAST_LOGIN,
            ExportColumn.GENDER,
            ExportColumn.EMAIL,
            ExportColumn.COUNSELLOR,
        ],
        ExportFormat.CSV,
        target,
    )

    assert result.rows_written == 2
    assert target.read_bytes() == (
        "\ufeffLast name,First name,Grade,Last login,Gender,Email,Counsellor\r\n"
        "O’Neil,Liam,9,,Not specified,liam@example.org,\r\n"
        '\'=Bédard,Zoé,10,2026-07-01 09:05,Female,,"Côté, Paul"\r\n'
    ).encode("utf-8")


def test_an_id_outside_the_scope_refuses_the_export_and_writes_nothing(
    tiny_school, two_students, tmp_path
):
    first, second = two_students
    target = tmp_path / "eleves.xlsx"

    with pytest.raises(PermissionDenied):
        export_students(
            tiny_school.db,
            tiny_school.teacher,
            [first, second],
            [ExportColumn.USERNAME],
            ExportFormat.XLSX,
            target,
        )

    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "eleves" in p.name] == []
    with tiny_school.db.read() as session:
        denied = session.scalars(
            select(AuditEntry.field).where(AuditEntry.action == "denied")
        ).all()
    assert denied == ["export_students (out of scope)"]


def test_teacher_exports_their_own_students(tiny_school, two_students, tmp_path):
    first, _ = two_students
    target = tmp_path / "mine.txt"
    export_students(
        tiny_school.db,
        tiny_school.teacher,
        [first],
        [ExportColumn.USERNAME, ExportColumn.READINESS],
        ExportFormat.TEXT,
        target,
    )
    assert (
        target.read_bytes()
        == "\ufeffUsername\tReadiness status\r\nzbedard\t\r\n".encode()
    )
