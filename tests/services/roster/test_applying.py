"""Applying an import: all or nothing, audited, idempotent and never stale."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest
from sqlalchemy import func, select
from test_planning import TODAY, known, plan, record, zoe_as_stored

from cams_desktop.cancel import Cancelled
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import SchoolSetting
from cams_desktop.db.students import (
    GradeChange,
    Parent,
    ParentLink,
    PlanStatus,
    Student,
)
from cams_desktop.db.tracking import CamsSession
from cams_desktop.services import students
from cams_desktop.services.roster import applying
from cams_desktop.services.roster.applying import (
    ImportRefused,
    ImportResult,
    StalePlan,
    apply_import,
)
from cams_desktop.services.roster.planning import (
    RowKind,
    plan_import,
    remembered_mapping,
)
from cams_desktop.services.roster.records import (
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
)
from cams_desktop.text import fold

pytestmark = pytest.mark.unit
__all__ = ["known"]


def counts(db) -> tuple[int, ...]:
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (
                Student,
                Parent,
                ParentLink,
                GradeChange,
                AuditEntry,
                OutboxEntry,
            )
        )


def some_rows():
    return (
        zoe_as_stored(2, grade=10),
        record(3, "Louis", "Côté", source_id="st2", email="louis@example.org"),
        record(
            4,
            "Élodie",
            "Gagnon",
            source_id="n1",
            student_number="2001",
            username="egagnon",
            grade=7,
            birth_date=dt.date(2014, 1, 5),
            parents=(ParentRecord("p1", "Julie", "Gagnon", email="julie@example.org"),),
        ),
        record(
            5,
            "Éric",
            "Gagnon",
            source_id="n2",
            grade=9,
            parents=(ParentRecord("p1", "Julie", "Gagnon", email="julie@example.org"),),
        ),
        record(6, "Marc", "Roy", username="mroy", email="pas-un-courriel"),
    )


def test_apply_writes_new_students_updates_and_grade_history(known):
    result = apply_import(known.db, known.admin, plan(known, *some_rows()))

    assert result == ImportResult(
        added=2,
        updated=2,
        unchanged=0,
        deactivated=0,
        errors_skipped=1,
        passwords_ignored=0,
    )
    with known.db.read() as session:
        elodie = session.scalars(select(Student).where(Student.source_id == "n1")).one()
        eric = session.scalars(select(Student).where(Student.source_id == "n2")).one()
        zoe = session.get_one(Student, known.zoe)
        louis = session.get_one(Student, known.louis)
        marc = session.get_one(Student, known.marc)
        history = session.execute(
            select(
                GradeChange.student_id,
                GradeChange.from_grade,
                GradeChange.to_grade,
                GradeChange.reason,
            )
        ).all()
        julie = session.scalars(select(Parent).where(Parent.source_id == "p1")).one()
        links = set(
            session.execute(select(ParentLink.parent_id, ParentLink.student_id)).all()
        )
        elodie_outbox = session.execute(
            select(OutboxEntry.operation, OutboxEntry.changes).where(
                OutboxEntry.row_id == elodie.id
            )
        ).all()
        elodie_audit = session.execute(
            select(AuditEntry.action, AuditEntry.actor_id).where(
                AuditEntry.row_id == elodie.id
            )
        ).all()
        louis_audit = session.execute(
            select(AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value)
            .where(AuditEntry.row_id == known.louis, AuditEntry.action == "update")
            .order_by(AuditEntry.field)
        ).all()

    assert (
        elodie.first_name,
        elodie.username,
        elodie.username_key,
        elodie.sort_key,
        elodie.search_text,
        elodie.student_number,
        elodie.grade,
        elodie.birth_date,
        elodie.plan_status,
        elodie.created_by_id,
        elodie.version,
    ) == (
        "Élodie",
        "egagnon",
        "egagnon",
        "gagnon\x01elodie",
        "elodie gagnon egagnon",
        "2001",
        7,
        dt.date(2014, 1, 5),
        PlanStatus.ACTIVE,
        known.admin.staff_id,
        1,
    )
    assert elodie.plan_created_at is not None  # the school creates plans
    assert eric.username == "egagnon2"
    assert (zoe.grade, zoe.version) == (10, 2)
    assert (louis.email, louis.version) == ("louis@example.org", 2)
    assert (marc.email, marc.version) == (None, 1)
    assert history == [(known.zoe, 9, 10, "import")]
    assert links == {
        (julie.id, elodie.id),
        (julie.id, eric.id),
        (known.jean, known.zoe),
    }
    ((operation, changes),) = elodie_outbox
    assert operation == "insert"
    assert changes["username"] == [None, "egagnon"]
    assert changes["birth_date"] == [None, "2014-01-05"]
    assert changes["version"] == [None, 1]
    assert elodie_audit == [("create", known.admin.staff_id)]
    assert louis_audit == [
        ("email", None, "louis@example.org"),
    ]


def test_reimporting_the_same_file_changes_nothing(known):
    rows = some_rows()
    apply_import(known.db, known.admin, plan(known, *rows))
    before = counts(known.db)

    again = plan(known, *rows)
    result = apply_import(known.db, known.admin, again)

    assert [row.kind for row in again.rows] == [
        RowKind.UNCHANGED,
        RowKind.UNCHANGED,
        RowKind.UNCHANGED,
        RowKind.UNCHANGED,
        RowKind.ERROR,
    ]
    assert (result.added, result.updated, result.unchanged) == (0, 0, 4)
    assert counts(known.db) == before


def test_cancel_midway_leaves_everything_as_it_was(known, monkeypatch):
    monkeypatch.setattr(applying, "CHUNK", 1)
    before = counts(known.db)
    cancel = threading.Event()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        cancel.set()

    with pytest.raises(Cancelled):
        apply_import(
            known.db,
            known.admin,
            plan(known, *some_rows()),
            progress=progress,
            cancel=cancel,
        )

    assert seen == [(1, 4)]
    assert counts(known.db) == before


def test_a_crash_midway_leaves_everything_as_it_was(known, monkeypatch):
    monkeypatch.setattr(applying, "CHUNK", 1)
    the_plan = plan(known, *some_rows())
    before = counts(known.db)
    real_flush = CamsSession.flush
    seen = []

    def failing_flush(self, *args, **kwargs):
        real_flush(self, *args, **kwargs)
        written = self.connection().exec_driver_sql("SELECT count(*) FROM students")
        seen.append(written.scalar())
        if seen[-1] > before[0]:
            raise OSError("disk full")

    monkeypatch.setattr(CamsSession, "flush", failing_flush)
    with pytest.raises(OSError, match="disk full"):
        apply_import(known.db, known.admin, the_plan)
    monkeypatch.undo()

    # The first new student was written, then everything was rolled back.
    assert seen[-1] == before[0] + 1
    assert counts(known.db) == before


def test_a_plan_made_before_a_change_is_refused(known):
    the_plan = plan(known, *some_rows())
    profile = students.get_profile(known.db, known.admin, known.louis)
    draft = dataclasses.replace(profile.draft, grade=11)
    students.update_profile(known.db, known.admin, known.louis, draft)
    before = counts(known.db)

    with pytest.raises(StalePlan, match="preview the file again"):
        apply_import(known.db, known.admin, the_plan)

    assert counts(known.db) == before


def test_a_username_taken_since_the_preview_refuses_the_plan(known):
    the_plan = plan(known, *some_rows())
    students.add_student(
        known.db,
        known.admin,
        students.StudentDraft(
            first_name="Autre", last_name="Gagnon", username="EGagnon"
        ),
    )
    before = counts(known.db)

    with pytest.raises(StalePlan):
        apply_import(known.db, known.admin, the_plan)

    assert counts(known.db) == before


def test_missing_students_are_deactivated_only_on_request(known):
    kept = apply_import(known.db, known.admin, plan(known, zoe_as_stored(), full=True))
    with known.db.read() as session:
        statuses = {s.id: s.plan_status for s in session.scalars(select(Student))}
    assert kept.deactivated == 0
    assert statuses[known.louis] is PlanStatus.ACTIVE

    # Louis and Marc are 2 of the 3 active students: more than half.
    many = plan(known, zoe_as_stored(), full=True)
    with pytest.raises(ImportRefused) as refused:
        apply_import(known.db, known.admin, many, deactivate_missing=True)
    done = apply_import(
        known.db, known.admin, many, deactivate_missing=True, deactivate_many=True
    )
    with known.db.read() as session:
        louis = session.get_one(Student, known.louis)
        marc = session.get_one(Student, known.marc)
        ana = session.get_one(Student, known.ana)
    assert (many.active_students, many.deactivates_many) == (3, True)
    assert str(refused.value) == (
        "This would deactivate the plans of 2 of the 3 active students; confirm "
        "it to go on. Nothing was imported."
    )
    assert done.deactivated == 2
    assert (louis.plan_status, marc.plan_status, ana.plan_status) == (
        PlanStatus.INACTIVE,
        PlanStatus.INACTIVE,
        PlanStatus.INACTIVE,
    )
    assert louis.version == 2 and louis.plan_status_changed_at is not None


def test_half_of_the_school_or_less_needs_no_second_confirmation(known):
    louis = record(3, "Louis", "Côté", source_id="st2", grade=10)

    done = apply_import(
        known.db,
        known.admin,
        plan(known, zoe_as_stored(), louis, full=True),
        deactivate_missing=True,
    )

    assert done.deactivated == 1


@pytest.mark.parametrize(
    ("rows", "problems", "message"),
    [
        (
            (zoe_as_stored(),),
            True,
            "The file has problems (listed in the preview); correct them, then "
            "preview it again. Nothing was imported.",
        ),
        (
            (),
            False,
            "The file lists no student of this school: no plan is deactivated "
            "from it. Nothing was imported.",
        ),
        (
            (record(2, "Nouveau", "Venu", grade=9),),
            False,
            "No row of the file is a student of this school already: no plan is "
            "deactivated from it. Check the file and the school chosen. Nothing "
            "was imported.",
        ),
    ],
)
def test_a_file_that_matches_nobody_never_deactivates_anyone(
    known, rows, problems, message
):
    planned = plan(known, *rows, full=True)
    if problems:
        planned.problems.append(Problem("eleves.csv", None, None, None, "No grade."))
    before = counts(known.db)

    with pytest.raises(ImportRefused) as refused:
        apply_import(
            known.db,
            known.admin,
            planned,
            deactivate_missing=True,
            deactivate_many=True,
        )

    assert str(refused.value) == message
    assert counts(known.db) == before


def test_the_mapping_of_a_table_layout_is_remembered_once(known):
    mapping = {"columns": {"first_name": "Prénom"}, "parents": [], "date_order": None}
    table = Roster(RosterFormat.TABLE, False, [zoe_as_stored()], rows_read=1)

    first = plan_import(
        known.db, known.admin, table, mapping=("abc123", mapping), today=TODAY
    )
    apply_import(known.db, known.admin, first)
    before = counts(known.db)
    again = plan_import(
        known.db, known.admin, table, mapping=("abc123", mapping), today=TODAY
    )
    apply_import(known.db, known.admin, again)

    assert remembered_mapping(known.db, known.admin, "abc123") == mapping
    assert remembered_mapping(known.db, known.admin, "other") is None
    assert counts(known.db) == before
    with known.db.read() as session:
        assert session.scalar(select(func.count()).select_from(SchoolSetting)) == 1


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Zoé", "O’Neil-Tremblay"),
        ("Ngọc  Anh", "Nguyễn"),
        ("Łukasz", "Øvergård"),
        ("Jean-François", "Ó Súilleabháin"),
        ("\u0301", "Roy"),  # a name folding to nothing
    ],
)
def test_search_text_from_folded_names_is_fold_of_the_whole(first, last):
    assert applying.search_text(first, last, "ZRoy.2") == fold(f"{first} {last} ZRoy.2")
