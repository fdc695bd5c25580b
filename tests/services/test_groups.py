"""Student groups (F-21): visibility and edit rules per kind, scope, memberships."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from cams_desktop.db.base import link_id
from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.students import GroupKind, GroupMembership, StudentGroup
from cams_desktop.services import groups, students
from cams_desktop.services.access import NotFound, PermissionDenied, actor_for
from cams_desktop.services.groups import GroupRow, MembersAdded, MembersRemoved
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit


@dataclass
class Groups:
    db: Database
    managed: uuid.UUID  # "Parcours PAI", by the program administrator
    shared: uuid.UUID  # "Robotique", by the counsellor
    private: uuid.UUID  # "Mes suivis", by the counsellor
    # Students by username: the teacher's list holds "ateacher" and "bteacher".
    ids: dict[str, uuid.UUID]


@pytest.fixture
def school(tiny_school) -> Groups:
    db = tiny_school.db
    ids = {}
    for username, counsellor in (
        ("ateacher", tiny_school.teacher),
        ("bteacher", tiny_school.teacher),
        ("ccounsel", tiny_school.counsellor),
        ("dcounsel", tiny_school.counsellor),
    ):
        ids[username] = students.add_student(
            db,
            tiny_school.admin,
            StudentDraft(
                first_name=username[0].upper(),
                last_name=username[1:].capitalize(),
                username=username,
                counsellor_ids=frozenset({counsellor.staff_id}),
            ),
        )
    return Groups(
        db,
        groups.create_group(db, tiny_school.admin, "Parcours PAI", GroupKind.MANAGED),
        groups.create_group(db, tiny_school.counsellor, "Robotique", GroupKind.SHARED),
        groups.create_group(
            db, tiny_school.counsellor, "Mes suivis", GroupKind.PRIVATE
        ),
        ids,
    )


def seen(db, actor) -> list[tuple[str, GroupKind, int, bool]]:
    return [
        (g.name, g.kind, g.member_count, g.editable)
        for g in groups.list_groups(db, actor)
    ]


def group_count(db: Database) -> tuple[int, int]:
    """Live groups and live memberships."""
    with db.read() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(StudentGroup)
                .where(StudentGroup.deleted_at.is_(None))
            )
            or 0,
            session.scalar(
                select(func.count())
                .select_from(GroupMembership)
                .where(GroupMembership.deleted_at.is_(None))
            )
            or 0,
        )


# --- visibility and edit rules per kind and level -----------------------------------


def test_each_level_sees_shared_and_managed_groups_and_only_its_own_private_ones(
    tiny_school, school
):
    db = school.db
    assert seen(db, tiny_school.counsellor) == [
        ("Mes suivis", GroupKind.PRIVATE, 0, True),
        ("Parcours PAI", GroupKind.MANAGED, 0, False),
        ("Robotique", GroupKind.SHARED, 0, True),
    ]
    assert seen(db, tiny_school.admin) == [
        ("Parcours PAI", GroupKind.MANAGED, 0, True),
        ("Robotique", GroupKind.SHARED, 0, True),
    ]
    assert seen(db, tiny_school.other_counsellor) == [
        ("Parcours PAI", GroupKind.MANAGED, 0, False),
        ("Robotique", GroupKind.SHARED, 0, True),
    ]
    assert seen(db, tiny_school.teacher) == [
        ("Parcours PAI", GroupKind.MANAGED, 0, False),
        ("Robotique", GroupKind.SHARED, 0, True),
    ]
    # Other staff see and filter by groups but change none.
    assert seen(db, tiny_school.office) == [
        ("Parcours PAI", GroupKind.MANAGED, 0, False),
        ("Robotique", GroupKind.SHARED, 0, False),
    ]
    assert [g.name for g in students.list_groups(db, tiny_school.teacher)] == [
        "Parcours PAI",
        "Robotique",
    ]


def test_only_program_administrators_change_a_managed_group(tiny_school, school):
    db = school.db
    for actor in (tiny_school.counsellor, tiny_school.teacher):
        with pytest.raises(PermissionDenied):
            groups.rename_group(db, actor, school.managed, "Mon PAI")
        with pytest.raises(PermissionDenied):
            groups.delete_group(db, actor, school.managed)
        with pytest.raises(PermissionDenied):
            groups.add_members(db, actor, school.managed, [school.ids["ateacher"]])
        with pytest.raises(PermissionDenied):
            groups.create_group(db, actor, "Autre PAI", GroupKind.MANAGED)
    assert group_count(db) == (3, 0)

    added = groups.add_members(
        db, tiny_school.admin, school.managed, list(school.ids.values())
    )
    groups.rename_group(db, tiny_school.admin, school.managed, "PAI")

    assert added == MembersAdded(4, 0)
    assert seen(db, tiny_school.teacher)[0] == ("PAI", GroupKind.MANAGED, 4, False)
    with db.read() as session:
        refused = session.scalars(
            select(AuditEntry.field).where(AuditEntry.action == "denied")
        ).all()
    assert sorted(refused) == ["manage_managed_groups"] * 8


def test_anyone_who_manages_groups_edits_and_deletes_a_shared_group(
    tiny_school, school
):
    db = school.db
    other = tiny_school.other_counsellor

    groups.rename_group(db, other, school.shared, "Robotique FIRST")
    assert groups.add_members(db, other, school.shared, [school.ids["ccounsel"]]) == (
        MembersAdded(1, 0)
    )
    assert seen(db, tiny_school.counsellor)[2] == (
        "Robotique FIRST",
        GroupKind.SHARED,
        1,
        True,
    )
    groups.delete_group(db, other, school.shared)

    assert [g.name for g in groups.list_groups(db, tiny_school.counsellor)] == [
        "Mes suivis",
        "Parcours PAI",
    ]
    assert group_count(db) == (2, 0)
    with db.read() as session:
        group = session.get_one(StudentGroup, school.shared)
        link = session.get_one(
            GroupMembership, link_id(school.shared, school.ids["ccounsel"])
        )
        assert group.deleted_at is not None and link.deleted_at is not None
        assert (group.updated_by_id, link.updated_by_id) == (
            other.staff_id,
            other.staff_id,
        )
        audited = session.execute(
            select(AuditEntry.table_name, AuditEntry.action, AuditEntry.field)
            .where(AuditEntry.actor_id == other.staff_id)
            .order_by(AuditEntry.occurred_at)
        ).all()
    assert audited == [
        ("student_groups", "update", "name"),
        ("group_memberships", "create", None),
        ("student_groups", "delete", "deleted_at"),
        ("group_memberships", "delete", "deleted_at"),
    ]
    # Other staff may not change even a shared group.
    with pytest.raises(PermissionDenied):
        groups.create_group(db, tiny_school.office, "Club", GroupKind.SHARED)


def test_a_private_group_is_invisible_to_everyone_but_its_owner(tiny_school, school):
    db = school.db
    for actor in (tiny_school.admin, tiny_school.other_counsellor):
        with pytest.raises(NotFound, match="not visible to you"):
            groups.rename_group(db, actor, school.private, "À moi")
        with pytest.raises(NotFound):
            groups.add_members(db, actor, school.private, [school.ids["ccounsel"]])
        with pytest.raises(NotFound):
            groups.delete_group(db, actor, school.private)
    assert group_count(db) == (3, 0)

    groups.add_members(
        db, tiny_school.counsellor, school.private, [school.ids["dcounsel"]]
    )
    rows = {r.username: r for r in students.list_students(db, tiny_school.counsellor)}
    assert rows["dcounsel"].group_ids == frozenset({school.private})


def test_the_program_administrator_creates_a_managed_group(tiny_school):
    db = tiny_school.db
    group_id = groups.create_group(
        db, tiny_school.admin, "  Sport-études  ", GroupKind.MANAGED
    )
    assert groups.list_groups(db, tiny_school.teacher) == [
        GroupRow(
            group_id,
            "Sport-études",
            GroupKind.MANAGED,
            tiny_school.admin.staff_id,
            0,
            False,
        )
    ]
    with db.read() as session:
        outbox = session.execute(
            select(
                OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.operation
            ).where(OutboxEntry.table_name == "student_groups")
        ).all()
    assert outbox == [("student_groups", group_id, "insert")]


# --- names ------------------------------------------------------------------


def test_names_are_unique_among_the_groups_one_sees(tiny_school, school):
    db = school.db
    with pytest.raises(ValidationError) as caught:
        groups.create_group(db, tiny_school.teacher, "ROBOTIQUE", GroupKind.PRIVATE)
    assert caught.value.errors == {
        "name": "There is already a group named “ROBOTIQUE”."
    }
    with pytest.raises(ValidationError):
        groups.rename_group(db, tiny_school.counsellor, school.private, "parcours pai")
    # Someone else's private group does not take the name.
    groups.create_group(db, tiny_school.teacher, "Mes suivis", GroupKind.PRIVATE)
    # A group keeps its own name in another case; a deleted one frees its name.
    groups.rename_group(db, tiny_school.counsellor, school.shared, "ROBOTIQUE")
    groups.delete_group(db, tiny_school.counsellor, school.shared)
    groups.create_group(db, tiny_school.teacher, "Robotique", GroupKind.SHARED)
    assert group_count(db) == (4, 0)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (" \t ", "Give the group a name."),
        ("x" * 201, "A group name holds at most 200 characters."),
        ("Club\u200b", "The name contains a character that cannot be stored (U+200B)."),
    ],
)
def test_bad_group_names_are_refused(tiny_school, name, message):
    with pytest.raises(ValidationError) as caught:
        groups.create_group(
            tiny_school.db, tiny_school.counsellor, name, GroupKind.SHARED
        )
    assert caught.value.errors == {"name": message}
    assert group_count(tiny_school.db) == (0, 0)


def test_a_name_of_200_characters_is_kept(tiny_school):
    name = "é" * 200
    group_id = groups.create_group(
        tiny_school.db, tiny_school.counsellor, name, GroupKind.SHARED
    )
    assert [
        (g.id, g.name)
        for g in groups.list_groups(tiny_school.db, tiny_school.counsellor)
    ] == [(group_id, name)]


# --- members -------------------------------------------------------------------


def test_a_teacher_adds_and_removes_only_students_of_their_list(tiny_school, school):
    db, teacher = school.db, tiny_school.teacher
    mine = [school.ids["ateacher"], school.ids["bteacher"]]

    with pytest.raises(NotFound, match="not in your list"):
        groups.add_members(db, teacher, school.shared, [*mine, school.ids["ccounsel"]])
    assert group_count(db) == (3, 0)

    assert groups.add_members(db, teacher, school.shared, mine) == MembersAdded(2, 0)
    groups.add_members(
        db, tiny_school.counsellor, school.shared, [school.ids["ccounsel"]]
    )
    with pytest.raises(NotFound):
        groups.remove_members(
            db, teacher, school.shared, [school.ids["ateacher"], school.ids["ccounsel"]]
        )
    assert group_count(db) == (3, 3)

    assert groups.remove_members(
        db, teacher, school.shared, [school.ids["ateacher"]]
    ) == (MembersRemoved(1, 0))
    rows = students.list_students(db, tiny_school.admin)
    assert [r.username for r in rows if school.shared in r.group_ids] == [
        "ccounsel",
        "bteacher",
    ]


def test_unknown_students_are_refused_and_nothing_is_written(tiny_school, school):
    with pytest.raises(NotFound):
        groups.add_members(
            school.db,
            tiny_school.admin,
            school.shared,
            [school.ids["ateacher"], uuid.uuid4()],
        )
    assert group_count(school.db) == (3, 0)


def test_memberships_converge_and_a_removed_one_is_revived(tiny_school, school):
    db, actor = school.db, tiny_school.counsellor
    student = school.ids["ccounsel"]
    link = link_id(school.shared, student)

    assert groups.add_members(db, actor, school.shared, [student, student]) == (
        MembersAdded(1, 0)
    )
    assert groups.add_members(db, actor, school.shared, [student]) == MembersAdded(0, 1)
    assert groups.remove_members(db, actor, school.shared, [student]) == MembersRemoved(
        1, 0
    )
    assert groups.remove_members(
        db, actor, school.shared, [student, school.ids["dcounsel"]]
    ) == MembersRemoved(0, 2)
    assert groups.add_members(
        db, actor, school.shared, [student, school.ids["dcounsel"]]
    ) == MembersAdded(2, 0)

    with db.read() as session:
        rows = session.scalars(
            select(GroupMembership)
            .where(GroupMembership.student_id == student)
            .order_by(GroupMembership.created_at)
        ).all()
        assert [(r.id, r.deleted_at, r.version) for r in rows] == [(link, None, 3)]
        operations = session.execute(
            select(OutboxEntry.operation, OutboxEntry.base_version)
            .where(OutboxEntry.row_id == link)
            .order_by(OutboxEntry.mutation_id)
        ).all()
    assert operations == [("insert", None), ("delete", 1), ("update", 2)]
    assert [g.member_count for g in groups.list_groups(db, actor)] == [0, 0, 2]


def test_group_filter_on_the_demo_school_counts_members(demo_db):
    counsellor = actor_for(demo_db, "conseiller")
    listed = groups.list_groups(demo_db, counsellor)
    rows = students.list_students(demo_db, actor_for(demo_db, "admin"))
    for group in listed:
        assert group.member_count == sum(group.id in r.group_ids for r in rows)
    assert {(g.kind, g.editable) for g in listed} == {
        (GroupKind.PRIVATE, True),
        (GroupKind.SHARED, True),
        (GroupKind.MANAGED, False),
    }
