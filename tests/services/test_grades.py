"""Promote, demote, graduate, and the year-end rollover with its undo (F-19)."""

from __future__ import annotations

import re
import uuid
from collections import Counter

import pytest
from sqlalchemy import func, select

from cams_desktop.cancel import Cancelled
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import School, SchoolSetting
from cams_desktop.db.students import GradeChange, PlanStatus, Student
from cams_desktop.services import grades, students
from cams_desktop.services.access import NotFound, PermissionDenied, actor_for
from cams_desktop.services.grades import (
    Reason,
    SkipReason,
    StalePreview,
)
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit


def add(school, username: str, grade: int, last: str = "Tremblay") -> uuid.UUID:
    return students.add_student(
        school.db,
        school.admin,
        StudentDraft(
            first_name=username.capitalize(),
            last_name=last,
            grade=grade,
            username=username,
        ),
    )


def state(db, school_id=None) -> set[tuple[uuid.UUID, int, PlanStatus]]:
    """(id, grade, plan status) of every student, the rollover's whole effect."""
    with db.read() as session:
        query = select(Student.id, Student.grade, Student.plan_status)
        if school_id is not None:
            query = query.where(Student.school_id == school_id)
        return {tuple(row) for row in session.execute(query)}  # type: ignore[misc]


def grade_of(db, student_id) -> tuple[int, PlanStatus]:
    with db.read() as session:
        student = session.get_one(Student, student_id)
        return student.grade, student.plan_status


def journal_counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.scalar(select(func.count()).select_from(OutboxEntry)) or 0,
        )


def set_plan(db, actor, student_id, status: PlanStatus) -> None:
    with db.transaction(actor.staff_id) as session:
        session.get_one(Student, student_id).plan_status = status


# --- promote, demote, graduate ----------------------------------------------


def test_promote_and_demote_move_one_grade_and_refuse_past_the_ends(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    first = add(tiny_school, "alice", 1)
    middle = add(tiny_school, "bruno", 5)
    last = add(tiny_school, "chloe", 12)

    promoted = grades.move_students(db, admin, [first, middle, last], 1)

    assert [(m.name, m.from_grade, m.to_grade) for m in promoted.moved] == [
        ("Alice Tremblay", 1, 2),
        ("Bruno Tremblay", 5, 6),
    ]
    assert [(s.id, s.reason, s.text) for s in promoted.skipped] == [
        (
            last,
            SkipReason.LAST_GRADE,
            "Already in grade 12, the last grade: use Graduate.",
        )
    ]
    assert [grade_of(db, i)[0] for i in (first, middle, last)] == [2, 6, 12]

    grades.move_students(db, admin, [first, middle, last], -1)
    demoted = grades.move_students(db, admin, [first, middle, last], -1)

    assert [(m.from_grade, m.to_grade) for m in demoted.moved] == [(5, 4), (11, 10)]
    assert [(s.id, s.text) for s in demoted.skipped] == [
        (first, "Already in grade 1, the first grade.")
    ]
    assert [grade_of(db, i)[0] for i in (first, middle, last)] == [1, 4, 10]


def test_a_moved_student_is_listed_once_in_the_new_grade(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    moved = add(tiny_school, "alice", 9)
    add(tiny_school, "bruno", 9)

    grades.move_students(db, admin, [moved], 1)

    rows = students.list_students(db, admin)
    assert sorted((r.username, r.grade) for r in rows) == [
        ("alice", 10),
        ("bruno", 9),
    ]


def test_grade_changes_are_audited_and_go_to_the_outbox(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    student_id = add(tiny_school, "alice", 9)

    grades.move_students(db, admin, [student_id], 1)

    with db.read() as session:
        audit = session.execute(
            select(AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value).where(
                AuditEntry.row_id == student_id, AuditEntry.action == "update"
            )
        ).all()
        outbox = session.execute(
            select(OutboxEntry.operation, OutboxEntry.base_version, OutboxEntry.changes)
            .where(OutboxEntry.row_id == student_id)
            .order_by(OutboxEntry.mutation_id)
        ).all()
        student = session.get_one(Student, student_id)
    assert audit == [("grade", "9", "10")]
    assert outbox[-1] == ("update", 1, {"grade": [9, 10]})
    assert (student.version, student.updated_by_id) == (2, admin.staff_id)


def test_graduating_keeps_the_student_with_an_inactive_plan(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    senior = add(tiny_school, "alice", 12)
    junior = add(tiny_school, "bruno", 11)

    result = grades.graduate_students(db, admin, [senior, junior])
    again = grades.graduate_students(db, admin, [senior])

    assert [(m.id, m.from_grade, m.to_grade) for m in result.moved] == [
        (senior, 12, None),
        (junior, 11, None),
    ]
    assert [(s.id, s.text) for s in again.skipped] == [(senior, "Already graduated.")]
    assert again.moved == ()
    with db.read() as session:
        rows = session.execute(
            select(
                Student.id, Student.grade, Student.plan_status, Student.deleted_at
            ).order_by(Student.grade)
        ).all()
        changes = session.execute(
            select(
                GradeChange.student_id,
                GradeChange.from_grade,
                GradeChange.to_grade,
                GradeChange.reason,
            ).order_by(GradeChange.from_grade)
        ).all()
    assert [tuple(r) for r in rows] == [
        (junior, 11, PlanStatus.GRADUATED, None),
        (senior, 12, PlanStatus.GRADUATED, None),
    ]
    assert [tuple(c) for c in changes] == [
        (junior, 11, None, "graduated"),
        (senior, 12, None, "graduated"),
    ]
    listed = students.list_students(db, admin)
    assert {(r.id, r.plan_status) for r in listed} == {
        (senior, PlanStatus.GRADUATED),
        (junior, PlanStatus.GRADUATED),
    }
    # A graduate moves no more.
    moved = grades.move_students(db, admin, [junior], 1)
    assert [(s.id, s.text) for s in moved.skipped] == [(junior, "Already graduated.")]


def test_grade_history_lists_every_change_with_its_author(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    student_id = add(tiny_school, "alice", 10)
    grades.move_students(db, admin, [student_id], 1)
    grades.move_students(db, tiny_school.counsellor, [student_id], -1)
    grades.move_students(db, admin, [student_id], 1)
    grades.graduate_students(db, admin, [student_id])

    history = grades.grade_history(db, tiny_school.counsellor, student_id)

    assert [
        (h.from_grade, h.to_grade, h.reason, h.label, h.author) for h in history
    ] == [
        (10, 11, Reason.PROMOTED, "Promoted", "Hélène Gagnon"),
        (11, 10, Reason.DEMOTED, "Demoted", "Marc Ouellet"),
        (10, 11, Reason.PROMOTED, "Promoted", "Hélène Gagnon"),
        (11, None, Reason.GRADUATED, "Graduated", "Hélène Gagnon"),
    ]
    assert all(h.batch_id is None for h in history)
    assert history == sorted(history, key=lambda h: h.changed_at)


def test_reactivating_a_graduated_plan_undoes_the_graduation(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    student_id = add(tiny_school, "alice", 12)
    grades.graduate_students(db, admin, [student_id])

    kept = students.set_plan_active(db, admin, [student_id], False)
    changed = students.set_plan_active(db, admin, [student_id], True)
    demoted = grades.move_students(db, admin, [student_id], -1)

    history = grades.grade_history(db, admin, student_id)
    assert (kept, changed) == (0, 1)
    assert [(m.from_grade, m.to_grade) for m in demoted.moved] == [(12, 11)]
    assert [(h.from_grade, h.to_grade, h.reason, h.label) for h in history] == [
        (12, None, Reason.GRADUATED, "Graduated"),
        (12, 12, Reason.GRADUATION_UNDONE, "Graduation undone"),
        (12, 11, Reason.DEMOTED, "Demoted"),
    ]
    with db.read() as session:
        student = session.get_one(Student, student_id)
    assert (student.plan_status, student.grade) == (PlanStatus.ACTIVE, 11)


def test_a_whole_grade_moves_and_inactive_plans_stay(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    a = add(tiny_school, "alice", 8)
    b = add(tiny_school, "bruno", 8)
    asleep = add(tiny_school, "chloe", 8)
    other = add(tiny_school, "denis", 9)
    students.set_plan_active(db, admin, [asleep], False)

    result = grades.move_grade(db, admin, 8, 1)

    assert {m.id for m in result.moved} == {a, b}
    assert [(s.id, s.reason, s.text) for s in result.skipped] == [
        (asleep, SkipReason.PLAN_INACTIVE, "Plan inactive.")
    ]
    assert [grade_of(db, i)[0] for i in (a, b, asleep, other)] == [9, 9, 8, 9]
    with pytest.raises(ValidationError):
        grades.move_grade(db, admin, 13, -1)


def test_promoting_needs_the_right_and_the_students_in_scope(tiny_school):
    db = tiny_school.db
    student_id = add(tiny_school, "alice", 9)

    for actor in (tiny_school.teacher, tiny_school.office):
        with pytest.raises(PermissionDenied):
            grades.move_students(db, actor, [student_id], 1)
        with pytest.raises(PermissionDenied):
            grades.graduate_students(db, actor, [student_id])
    with pytest.raises(NotFound):
        grades.move_students(db, tiny_school.admin, [student_id, uuid.uuid4()], 1)
    with pytest.raises(ValueError, match="by 1 or -1"):
        grades.move_students(db, tiny_school.admin, [student_id], 2)

    assert grade_of(db, student_id) == (9, PlanStatus.ACTIVE)


# --- the year-end rollover ----------------------------------------------------


@pytest.fixture
def school(tiny_school):
    """Seven students: two grade 7, an inactive and a graduated one, two seniors."""
    ids = {
        "g7a": add(tiny_school, "g7a", 7),
        "g7b": add(tiny_school, "g7b", 7),
        "g9": add(tiny_school, "g9i", 9),
        "g11": add(tiny_school, "g11", 11),
        "g12a": add(tiny_school, "g12a", 12),
        "g12b": add(tiny_school, "g12b", 12),
        "old": add(tiny_school, "old", 12),
    }
    students.set_plan_active(tiny_school.db, tiny_school.admin, [ids["g9"]], False)
    grades.graduate_students(tiny_school.db, tiny_school.admin, [ids["old"]])
    tiny_school.ids = ids
    return tiny_school


def test_preview_counts_each_grade_and_names_the_skipped(school):
    preview = grades.preview_rollover(school.db, school.admin, "2026-2027")

    assert [
        (g.grade, g.moving, g.graduating, g.finishing, g.skipped)
        for g in preview.by_grade()
    ] == [(7, 2, 0, 0, 0), (9, 0, 0, 0, 1), (11, 1, 0, 0, 0), (12, 0, 2, 0, 1)]
    assert (preview.changes, preview.top_grade, preview.elementary) == (5, 12, False)
    by_name = {row.name: row for row in preview.rows}
    assert (by_name["G7a Tremblay"].to_grade, by_name["G7a Tremblay"].note) == (8, "")
    assert (by_name["G12a Tremblay"].to_grade, by_name["G12a Tremblay"].note) == (
        None,
        "Graduates",
    )
    assert by_name["G9i Tremblay"].note == "Plan inactive."
    assert by_name["Old Tremblay"].note == "Already graduated."


def test_apply_moves_everyone_once_and_a_second_apply_changes_nothing(school):
    db, admin, ids = school.db, school.admin, school.ids

    result = grades.apply_rollover(db, admin, "2026-2027")

    assert (result.moved, result.graduated, result.skipped) == (3, 2, 2)
    assert {name: grade_of(db, i) for name, i in ids.items()} == {
        "g7a": (8, PlanStatus.ACTIVE),
        "g7b": (8, PlanStatus.ACTIVE),
        "g9": (9, PlanStatus.INACTIVE),
        "g11": (12, PlanStatus.ACTIVE),
        "g12a": (12, PlanStatus.GRADUATED),
        "g12b": (12, PlanStatus.GRADUATED),
        "old": (12, PlanStatus.GRADUATED),
    }
    with db.read() as session:
        batch = session.execute(
            select(
                GradeChange.student_id, GradeChange.to_grade, GradeChange.reason
            ).where(GradeChange.batch_id == result.batch_id)
        ).all()
        last = session.scalars(
            select(SchoolSetting.value).where(SchoolSetting.key == "rollover.last")
        ).one()
    assert sorted((str(s), t or 0, r) for s, t, r in batch) == sorted(
        [
            (str(ids["g7a"]), 8, "rollover"),
            (str(ids["g7b"]), 8, "rollover"),
            (str(ids["g11"]), 12, "rollover"),
            (str(ids["g12a"]), 0, "graduated"),
            (str(ids["g12b"]), 0, "graduated"),
        ]
    )
    assert (last["batch"], last["year"], last["by"]) == (
        str(result.batch_id),
        "2026-2027",
        str(admin.staff_id),
    )
    latest = grades.last_rollover(db, admin)
    assert latest is not None
    assert (latest.school_year, latest.applied_by) == ("2026-2027", "Hélène Gagnon")

    before, journal = state(db), journal_counts(db)
    preview = grades.preview_rollover(db, admin, "2026-2027")
    again = grades.apply_rollover(db, admin, preview)

    assert {row.note for row in preview.rows} == {"Already rolled over for 2026-2027."}
    assert (again.batch_id, again.moved, again.graduated, again.skipped) == (
        None,
        0,
        0,
        7,
    )
    assert state(db) == before
    assert journal_counts(db) == journal


def test_undo_puts_everything_back_and_skips_hand_edited_students(school):
    db, admin, ids = school.db, school.admin, school.ids
    before = state(db)
    grades.apply_rollover(db, admin, "2026-2027")
    profile = students.get_profile(db, admin, ids["g7b"])
    edited = profile.draft
    edited.grade = 10
    students.update_profile(db, admin, ids["g7b"], edited)

    undone = grades.undo_last_rollover(db, admin)

    assert (undone.school_year, undone.restored) == ("2026-2027", 4)
    assert [(s.id, s.text) for s in undone.skipped] == [
        (ids["g7b"], "Grade changed since the rollover (now 10).")
    ]
    expected = {(i, 10 if i == ids["g7b"] else g, s) for i, g, s in before}
    assert state(db) == expected
    assert grades.last_rollover(db, admin) is None
    with pytest.raises(NotFound, match="no rollover to undo"):
        grades.undo_last_rollover(db, admin)
    history = grades.grade_history(db, admin, ids["g11"])
    assert [(h.from_grade, h.to_grade, h.reason) for h in history] == [
        (11, 12, Reason.ROLLOVER),
        (12, 11, Reason.ROLLOVER_UNDONE),
    ]

    # The undone year may be rolled over again.
    again = grades.apply_rollover(db, admin, "2026-2027")
    assert (again.moved, again.graduated) == (3, 2)
    assert grade_of(db, ids["g7a"]) == (8, PlanStatus.ACTIVE)


def test_undo_skips_a_graduate_whose_plan_was_reactivated(school):
    db, admin, ids = school.db, school.admin, school.ids
    grades.apply_rollover(db, admin, "2026-2027")
    set_plan(db, admin, ids["g12a"], PlanStatus.ACTIVE)

    undone = grades.undo_last_rollover(db, admin)

    assert [(s.id, s.text) for s in undone.skipped] == [
        (ids["g12a"], "Plan status changed since the rollover.")
    ]
    assert grade_of(db, ids["g12b"]) == (12, PlanStatus.ACTIVE)
    assert grade_of(db, ids["g7a"]) == (7, PlanStatus.ACTIVE)


def test_a_stale_preview_is_refused_and_nothing_is_written(school):
    db, admin, ids = school.db, school.admin, school.ids
    preview = grades.preview_rollover(db, admin, "2026-2027")
    students.set_plan_active(db, admin, [ids["g7a"]], False)
    before, journal = state(db), journal_counts(db)

    with pytest.raises(StalePreview, match="Preview the rollover again"):
        grades.apply_rollover(db, admin, preview)

    assert state(db) == before
    assert journal_counts(db) == journal
    fresh = grades.preview_rollover(db, admin, "2026-2027")
    assert grades.apply_rollover(db, admin, fresh).moved == 2


def test_a_new_student_makes_the_preview_stale(school):
    preview = grades.preview_rollover(school.db, school.admin, "2026-2027")
    add(school, "newcomer", 8)
    with pytest.raises(StalePreview):
        grades.apply_rollover(school.db, school.admin, preview)


def test_cancelling_the_rollover_leaves_everything_as_it_was(school):
    db, admin = school.db, school.admin
    before, journal = state(db), journal_counts(db)
    with pytest.raises(Cancelled):
        grades.apply_rollover(db, admin, "2026-2027", cancel=lambda: True)
    assert state(db) == before
    assert journal_counts(db) == journal
    assert grades.last_rollover(db, admin) is None


def test_an_earlier_year_after_a_later_one_changes_nothing(school):
    db, admin = school.db, school.admin
    grades.apply_rollover(db, admin, "2027-2028")
    preview = grades.preview_rollover(db, admin, "2026-2027")
    assert preview.changes == 0
    assert {row.note for row in preview.rows} == {
        "The school was already rolled over for 2027-2028, a later year."
    }
    assert grades.suggested_school_year(db, admin) == "2028-2029"


@pytest.mark.parametrize("text", ["2026", "2026-2028", "26-27", "deux mille", ""])
def test_a_school_year_is_two_years_that_follow(tiny_school, text):
    with pytest.raises(ValidationError) as caught:
        grades.preview_rollover(tiny_school.db, tiny_school.admin, text)
    assert caught.value.errors == {
        "school_year": "Write the school year as two years that follow, like 2026-2027."
    }
    assert grades.check_school_year(" 2026 – 2027 ") == "2026-2027"


def test_only_program_administrators_roll_the_school_over(school):
    for actor in (school.counsellor, school.teacher, school.office):
        with pytest.raises(PermissionDenied):
            grades.preview_rollover(school.db, actor, "2026-2027")
        with pytest.raises(PermissionDenied):
            grades.apply_rollover(school.db, actor, "2026-2027")
        with pytest.raises(PermissionDenied):
            grades.undo_last_rollover(school.db, actor)


def test_an_elementary_school_keeps_its_top_grade_for_transfer(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    with db.transaction(None) as session:
        session.get_one(School, tiny_school.school_id).is_elementary = True
    ids = {name: add(tiny_school, name, grade) for name, grade in
           [("g4x", 4), ("g5x", 5), ("g6a", 6), ("g6b", 6)]}  # fmt: skip

    preview = grades.preview_rollover(db, admin, "2026-2027")
    result = grades.apply_rollover(db, admin, preview)

    assert (preview.top_grade, preview.elementary) == (6, True)
    assert [(g.grade, g.moving, g.finishing) for g in preview.by_grade()] == [
        (4, 1, 0),
        (5, 1, 0),
        (6, 0, 2),
    ]
    assert {row.note for row in preview.rows if row.from_grade == 6} == {
        "Finishing elementary school — transfer them"
    }
    assert (result.moved, result.graduated, result.finishing) == (2, 0, 2)
    assert {name: grade_of(db, i) for name, i in ids.items()} == {
        "g4x": (5, PlanStatus.ACTIVE),
        "g5x": (6, PlanStatus.ACTIVE),
        "g6a": (6, PlanStatus.ACTIVE),
        "g6b": (6, PlanStatus.ACTIVE),
    }


def test_rollover_of_the_demo_school_and_its_undo(demo_db):
    admin = actor_for(demo_db, "admin")
    with demo_db.read() as session:
        school_id = session.scalar(select(Student.school_id).limit(1))
    before = state(demo_db, school_id)
    listed = students.list_students(demo_db, admin)
    active = Counter(r.grade for r in listed if r.plan_status == PlanStatus.ACTIVE)
    inactive = Counter(r.grade for r in listed if r.plan_status != PlanStatus.ACTIVE)
    progress: list[tuple[int, int]] = []

    preview = grades.preview_rollover(demo_db, admin, "2027-2028")
    result = grades.apply_rollover(
        demo_db, admin, preview, lambda done, total: progress.append((done, total))
    )

    assert [
        (g.grade, g.moving, g.graduating, g.skipped) for g in preview.by_grade()
    ] == [
        (
            grade,
            active[grade] if grade < 12 else 0,
            active[grade] if grade == 12 else 0,
            inactive[grade],
        )
        for grade in range(7, 13)
    ]
    assert (result.moved, result.graduated) == (
        sum(active.values()) - active[12],
        active[12],
    )
    assert progress[-1] == (preview.changes, preview.changes)
    after = {i: (g, s) for i, g, s in state(demo_db, school_id)}
    for i, grade, status in before:
        if status != PlanStatus.ACTIVE:
            assert after[i] == (grade, status)
        elif grade == 12:
            assert after[i] == (12, PlanStatus.GRADUATED)
        else:
            assert after[i] == (grade + 1, PlanStatus.ACTIVE)

    undone = grades.undo_last_rollover(demo_db, admin)

    assert (undone.restored, undone.skipped) == (preview.changes, ())
    assert state(demo_db, school_id) == before


def test_the_rollover_benchmark_prints_its_figures(capsys):
    from cams_desktop import cli

    code = cli.main(["bench", "rollover", "--students", "300"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert len(lines) == 5
    assert lines[0].startswith("cams bench rollover — 300 students (seed 7), Python ")
    assert re.fullmatch(r"demo school made in \d+\.\d s \(not timed\)", lines[1])
    preview = re.fullmatch(
        r"preview +\d+\.\d\d s  300 students: (\d+) move up, (\d+) graduate, "
        r"(\d+) skipped",
        lines[2],
    )
    assert preview is not None
    moving, graduating, skipped = (int(n) for n in preview.groups())
    assert moving + graduating + skipped == 300
    assert 0 < graduating < moving
    changed = moving + graduating
    assert re.fullmatch(
        rf"apply +\d+\.\d\d s  {changed} students written to 2027-2028 "
        r"\(goal under 5 s: goal (met|MISSED)\)",
        lines[3],
    )
    assert re.fullmatch(
        rf"undo +\d+\.\d\d s  {changed} students restored, 0 skipped", lines[4]
    )
