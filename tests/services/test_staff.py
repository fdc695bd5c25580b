"""Staff administration (F-40, F-41) and its permission rules on real SQLite files."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel, Language, Staff
from cams_desktop.db.students import CaseloadAssignment
from cams_desktop.db.tracking import SECRET_SHOWN
from cams_desktop.services import notes, staff, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied, actor_for
from cams_desktop.services.staff import StaffDraft
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit

PA, SA, TE, OS = (
    AccessLevel.PROGRAM_ADMIN,
    AccessLevel.SCHOOL_ADMIN,
    AccessLevel.TEACHER,
    AccessLevel.OTHER_STAFF,
)


def draft(**changes: object) -> StaffDraft:
    values: dict[str, object] = {
        "username": "mtremblay",
        "first_name": "Émilie",
        "last_name": "Tremblay",
        "email": "emilie.tremblay@example.org",
        "access_level": TE,
        "preferred_language": Language.ENGLISH,
    }
    values.update(changes)
    return StaffDraft(**values)  # type: ignore[arg-type]


def counts(db: Database) -> tuple[int, int, int]:
    """Staff rows, audit entries other than refusals, and refusals."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Staff)) or 0,
            session.scalar(select(func.count()).where(AuditEntry.action != "denied"))
            or 0,
            session.scalar(select(func.count()).where(AuditEntry.action == "denied"))
            or 0,
        )


def refusals(db: Database) -> list[tuple[uuid.UUID | None, str | None, uuid.UUID]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(AuditEntry.actor_id, AuditEntry.field, AuditEntry.row_id)
                .where(AuditEntry.action == "denied")
                .order_by(AuditEntry.id)
            )
        ]


def stored(db: Database, staff_id: uuid.UUID) -> Staff:
    with db.read() as session:
        return session.get_one(Staff, staff_id)


def add_student(
    db: Database, actor: Actor, username: str, **changes: object
) -> uuid.UUID:
    values: dict[str, object] = {
        "first_name": "Zoé",
        "last_name": "O’Neil",
        "grade": 9,
        "username": username,
    }
    values.update(changes)
    return students.add_student(db, actor, StudentDraft(**values))  # type: ignore[arg-type]


# --- listing ----------------------------------------------------------------


def test_list_staff_sorted_by_last_then_first_name_with_caseload_sizes(tiny_school):
    db = tiny_school.db
    add_student(db, tiny_school.teacher, "zoneil")

    rows = staff.list_staff(db, tiny_school.counsellor)

    assert [(r.last_name, r.first_name) for r in rows] == [
        ("Bédard", "Lise"),
        ("Côté", "Paul"),
        ("Gagnon", "Hélène"),
        ("Ouellet", "Marc"),
        ("Roy", "Sophie"),
    ]
    teacher = rows[1]
    assert teacher == staff.StaffRow(
        id=tiny_school.teacher.staff_id,
        username="enseignant",
        first_name="Paul",
        last_name="Côté",
        email=None,
        access_level=TE,
        preferred_language=Language.FRENCH,
        is_active=True,
        locked_until=None,
        last_sign_in_at=None,
        caseload_size=1,
    )
    assert [r.caseload_size for r in rows] == [0, 1, 0, 0, 0]


def test_only_administrators_list_and_manage_staff(tiny_school):
    teacher, office = tiny_school.teacher, tiny_school.office
    for actor in (teacher, office):
        with pytest.raises(PermissionDenied):
            staff.list_staff(tiny_school.db, actor)
    assert refusals(tiny_school.db) == [
        (teacher.staff_id, "view_staff", teacher.staff_id),
        (office.staff_id, "view_staff", office.staff_id),
    ]
    assert staff.manageable_levels(tiny_school.admin) == [PA, SA, TE, OS]
    assert staff.manageable_levels(tiny_school.counsellor) == [TE, OS]
    assert staff.manageable_levels(teacher) == []
    assert staff.manageable_levels(office) == []


# --- adding -----------------------------------------------------------------

ACTORS = {PA: "admin", SA: "counsellor", TE: "teacher", OS: "office"}
MAY_ADD = {PA: {PA, SA, TE, OS}, SA: {TE, OS}, TE: set(), OS: set()}


@pytest.mark.parametrize("new_level", [PA, SA, TE, OS], ids=lambda lv: lv.name)
@pytest.mark.parametrize("actor_level", [PA, SA, TE, OS], ids=lambda lv: lv.name)
def test_add_staff_at_each_level_by_each_level(tiny_school, actor_level, new_level):
    db = tiny_school.db
    actor = getattr(tiny_school, ACTORS[actor_level])
    before = counts(db)

    if new_level in MAY_ADD[actor_level]:
        new_id = staff.add_staff(db, actor, draft(access_level=new_level))
        added = stored(db, new_id)
        assert (added.access_level, added.school_id, added.is_active) == (
            new_level,
            tiny_school.school_id,
            True,
        )
        assert added.created_by_id == actor.staff_id
        assert added.password_hash is None
        assert counts(db)[0] == before[0] + 1
        assert counts(db)[2] == 0
    else:
        with pytest.raises(PermissionDenied):
            staff.add_staff(db, actor, draft(access_level=new_level))
        staff_rows, changes, denied = counts(db)
        assert (staff_rows, changes) == before[:2]
        assert denied == 1
        what = "manage_staff" if actor_level in (TE, OS) else "add_staff"
        assert refusals(db)[0][:2] == (actor.staff_id, what)


def test_add_staff_stores_the_draft_with_keys(tiny_school):
    db = tiny_school.db
    new_id = staff.add_staff(
        db, tiny_school.admin, draft(username=" MTremblay ", first_name=" Émilie ")
    )

    added = stored(db, new_id)
    assert (added.username, added.username_key, added.first_name) == (
        "MTremblay",
        "mtremblay",
        "Émilie",
    )
    assert staff.get_staff(db, tiny_school.counsellor, new_id) == draft(
        username="MTremblay"
    )
    assert actor_for(db, "mtremblay").access_level == TE


def test_username_taken_by_a_student_or_staff_suggests_a_free_one(
    tiny_school,
):
    db = tiny_school.db
    add_student(db, tiny_school.admin, "mtremblay")
    add_student(db, tiny_school.admin, "mtremblay2", first_name="Max")

    with pytest.raises(ValidationError) as caught:
        staff.add_staff(db, tiny_school.admin, draft(username="MTremblay"))

    assert caught.value.suggestion == "mtremblay3"
    assert caught.value.errors == {
        "username": "The username MTremblay is already taken in the school board. "
        "mtremblay3 is free."
    }
    with pytest.raises(ValidationError) as caught:
        staff.add_staff(db, tiny_school.admin, draft(username="Enseignant"))
    assert caught.value.suggestion == "enseignant2"
    assert set(caught.value.errors) == {"username"}


def test_every_problem_of_a_draft_is_reported_at_once_and_nothing_written(
    tiny_school,
):
    db = tiny_school.db
    before = counts(db)

    with pytest.raises(ValidationError) as caught:
        staff.add_staff(
            db,
            tiny_school.admin,
            draft(
                username="é",
                first_name="  ",
                last_name="x" * 101,
                email="not-an-address",
            ),
        )
    with pytest.raises(ValidationError) as unsafe:
        staff.add_staff(db, tiny_school.admin, draft(first_name="evil\u202e"))

    assert caught.value.errors == {
        "first_name": "First name is required.",
        "last_name": "Last name is longer than 100 characters.",
        "username": "A username has 3 to 64 characters: letters without accents, "
        "digits, dots, hyphens or underscores, starting with a letter or a digit.",
        "email": "not-an-address is not an email address.",
    }
    assert unsafe.value.errors == {
        "first_name": "First name contains a character that cannot be stored (U+202E)."
    }
    assert counts(db) == before


# --- editing ----------------------------------------------------------------


def test_program_admin_promotes_a_teacher_to_school_admin(tiny_school):
    db, teacher_id = tiny_school.db, tiny_school.teacher.staff_id
    profile = staff.get_staff(db, tiny_school.admin, teacher_id)
    profile.access_level = SA

    staff.update_staff(db, tiny_school.admin, teacher_id, profile)

    assert stored(db, teacher_id).access_level == SA


def test_school_admin_cannot_promote_a_teacher_to_school_admin(tiny_school):
    db, teacher_id = tiny_school.db, tiny_school.teacher.staff_id
    counsellor = tiny_school.counsellor
    profile = staff.get_staff(db, counsellor, teacher_id)
    profile.access_level = SA
    profile.last_name = "Côté-Leblanc"
    before = counts(db)

    with pytest.raises(PermissionDenied) as caught:
        staff.update_staff(db, counsellor, teacher_id, profile)

    assert str(caught.value) == (
        "You can only manage staff of a lower access level than yours."
    )
    assert (stored(db, teacher_id).access_level, stored(db, teacher_id).last_name) == (
        TE,
        "Côté",
    )
    assert counts(db)[:2] == before[:2]
    assert refusals(db) == [(counsellor.staff_id, "update_staff", teacher_id)]


def test_school_admin_edits_lower_levels_only(tiny_school):
    db, counsellor = tiny_school.db, tiny_school.counsellor
    teacher_id = tiny_school.teacher.staff_id
    profile = staff.get_staff(db, counsellor, teacher_id)
    profile.access_level = OS
    profile.email = "paul.cote@example.org"

    staff.update_staff(db, counsellor, teacher_id, profile)

    assert (stored(db, teacher_id).access_level, stored(db, teacher_id).email) == (
        OS,
        "paul.cote@example.org",
    )
    for target in (tiny_school.admin, tiny_school.other_counsellor):
        same = staff.get_staff(db, counsellor, target.staff_id)
        with pytest.raises(PermissionDenied):
            staff.update_staff(db, counsellor, target.staff_id, same)
    assert [r[2] for r in refusals(db)] == [
        tiny_school.admin.staff_id,
        tiny_school.other_counsellor.staff_id,
    ]


def test_program_admin_manages_another_program_admin_but_not_own_level(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    other = staff.add_staff(db, admin, draft(username="padmin2", access_level=PA))
    profile = staff.get_staff(db, admin, other)
    profile.access_level = SA
    staff.update_staff(db, admin, other, profile)
    assert stored(db, other).access_level == SA

    mine = staff.get_staff(db, admin, admin.staff_id)
    mine.access_level = SA
    with pytest.raises(PermissionDenied) as caught:
        staff.update_staff(db, admin, admin.staff_id, mine)

    assert str(caught.value) == "Nobody can change their own access level."
    assert stored(db, admin.staff_id).access_level == PA
    assert refusals(db) == [(admin.staff_id, "change_own_level", admin.staff_id)]


def test_editing_an_unknown_staff_member_is_not_found(tiny_school):
    with pytest.raises(NotFound):
        staff.update_staff(tiny_school.db, tiny_school.admin, uuid.uuid4(), draft())
    with pytest.raises(NotFound):
        staff.get_staff(tiny_school.db, tiny_school.admin, uuid.uuid4())


# --- own profile ------------------------------------------------------------


def test_everyone_edits_their_own_name_and_email(tiny_school):
    db, office = tiny_school.db, tiny_school.office
    mine = staff.get_staff(db, office, office.staff_id)
    mine.first_name = "Lyse"
    mine.email = "lyse.bedard@example.org"
    mine.preferred_language = Language.ENGLISH

    staff.update_own_profile(db, office, mine)

    assert staff.get_staff(db, office, office.staff_id) == StaffDraft(
        username="secretariat",
        first_name="Lyse",
        last_name="Bédard",
        email="lyse.bedard@example.org",
        access_level=OS,
        preferred_language=Language.ENGLISH,
    )


def test_nobody_changes_their_own_level(tiny_school):
    db, teacher = tiny_school.db, tiny_school.teacher
    before = counts(db)

    for new_level in (PA, SA, OS):
        mine = staff.get_staff(db, teacher, teacher.staff_id)
        mine.access_level = new_level
        mine.first_name = "Pierre"
        with pytest.raises(PermissionDenied) as caught:
            staff.update_own_profile(db, teacher, mine)
        assert str(caught.value) == "Nobody can change their own access level."

    row = stored(db, teacher.staff_id)
    assert (row.access_level, row.first_name) == (TE, "Paul")
    assert counts(db)[:2] == before[:2]
    assert refusals(db) == 3 * [
        (teacher.staff_id, "change_own_level", teacher.staff_id)
    ]


def test_a_teacher_reads_and_edits_nobody_elses_profile(tiny_school):
    db, teacher = tiny_school.db, tiny_school.teacher
    other = tiny_school.office.staff_id
    with pytest.raises(PermissionDenied):
        staff.get_staff(db, teacher, other)
    with pytest.raises(PermissionDenied):
        staff.update_staff(db, teacher, other, draft(access_level=OS))
    with pytest.raises(PermissionDenied):
        staff.set_staff_active(db, teacher, other, False)

    assert [r[1] for r in refusals(db)] == [
        "view_staff",
        "manage_staff",
        "manage_staff",
    ]
    assert stored(db, other).first_name == "Lise"
    assert stored(db, other).is_active


# --- deactivating -----------------------------------------------------------


def test_deactivated_staff_keep_their_notes_and_come_back(tiny_school):
    db, admin, teacher = tiny_school.db, tiny_school.admin, tiny_school.teacher
    student_id = add_student(db, teacher, "zoneil")
    notes.add_note(db, teacher, student_id, "Rencontre avec Zoé.", is_private=False)

    staff.set_staff_active(db, admin, teacher.staff_id, False)

    assert [r.username for r in staff.list_staff(db, admin)] == [
        "secretariat",
        "admin",
        "conseiller",
        "conseillere",
    ]
    everyone = staff.list_staff(db, admin, include_inactive=True)
    assert [(r.username, r.is_active) for r in everyone][:2] == [
        ("secretariat", True),
        ("enseignant", False),
    ]
    with pytest.raises(NotFound):
        actor_for(db, "enseignant")
    assert [(n.author, n.body) for n in notes.list_notes(db, admin, student_id)] == [
        ("Paul Côté", "Rencontre avec Zoé.")
    ]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(CaseloadAssignment)) == 1

    staff.set_staff_active(db, admin, teacher.staff_id, True)

    assert actor_for(db, "enseignant").staff_id == teacher.staff_id


def test_nobody_deactivates_themselves(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin

    with pytest.raises(PermissionDenied) as caught:
        staff.set_staff_active(db, admin, admin.staff_id, False)

    assert str(caught.value) == "You cannot deactivate or reactivate your own account."
    assert stored(db, admin.staff_id).is_active
    assert refusals(db) == [(admin.staff_id, "set_own_activation", admin.staff_id)]


def test_school_admin_deactivates_lower_levels_only(tiny_school):
    db, counsellor = tiny_school.db, tiny_school.counsellor
    staff.set_staff_active(db, counsellor, tiny_school.office.staff_id, False)
    with pytest.raises(PermissionDenied):
        staff.set_staff_active(db, counsellor, tiny_school.admin.staff_id, False)
    with pytest.raises(PermissionDenied):
        staff.set_staff_active(
            db, counsellor, tiny_school.other_counsellor.staff_id, False
        )

    assert not stored(db, tiny_school.office.staff_id).is_active
    assert stored(db, tiny_school.admin.staff_id).is_active
    assert stored(db, tiny_school.other_counsellor.staff_id).is_active


# --- change log -------------------------------------------------------------


def test_change_log_shows_author_field_old_and_new_newest_first(tiny_school):
    db, admin, teacher = tiny_school.db, tiny_school.admin, tiny_school.teacher
    profile = staff.get_staff(db, admin, teacher.staff_id)
    profile.last_name = "Côté-Leblanc"
    profile.email = "paul@example.org"
    profile.access_level = SA
    staff.update_staff(db, admin, teacher.staff_id, profile)
    # What signing in and changing a password write (services.auth).
    with db.transaction(teacher.staff_id) as session:
        row = session.get_one(Staff, teacher.staff_id)
        row.password_hash = "$argon2id$v=19$m=65536,t=3,p=4$secret"
        row.last_sign_in_at = utcnow()
        row.failed_sign_ins = 2

    log = staff.staff_change_log(db, tiny_school.counsellor, teacher.staff_id)

    assert [
        (r.author, r.staff_name, r.action, r.field, r.old_value, r.new_value)
        for r in log
    ] == [
        (
            "Paul Côté-Leblanc",
            "Paul Côté-Leblanc",
            "update",
            "password_hash",
            SECRET_SHOWN,
            SECRET_SHOWN,
        ),
        (
            "Hélène Gagnon",
            "Paul Côté-Leblanc",
            "update",
            "last_name",
            "Côté",
            "Côté-Leblanc",
        ),
        (
            "Hélène Gagnon",
            "Paul Côté-Leblanc",
            "update",
            "email",
            None,
            "paul@example.org",
        ),
        ("Hélène Gagnon", "Paul Côté-Leblanc", "update", "access_level", "3", "2"),
        # The fixture made the staff without a signed-in author.
        ("", "Paul Côté-Leblanc", "create", None, None, None),
    ]
    assert {r.staff_id for r in log} == {teacher.staff_id}
    times = [r.occurred_at for r in log]
    assert times == sorted(times, reverse=True)
    assert not any("argon2" in (r.old_value or "") + (r.new_value or "") for r in log)


def test_change_log_of_the_whole_school_and_who_reads_it(tiny_school):
    db, admin = tiny_school.db, tiny_school.admin
    new_id = staff.add_staff(db, admin, draft())
    staff.set_staff_active(db, admin, new_id, False)

    log = staff.staff_change_log(db, admin)

    assert [
        (r.author, r.staff_name, r.action, r.field, r.old_value, r.new_value)
        for r in log[:2]
    ] == [
        ("Hélène Gagnon", "Émilie Tremblay", "update", "is_active", "True", "False"),
        ("Hélène Gagnon", "Émilie Tremblay", "create", None, None, None),
    ]
    assert len(log) == 7  # and the five staff of the fixture, created
    with pytest.raises(PermissionDenied):
        staff.staff_change_log(db, tiny_school.teacher)
