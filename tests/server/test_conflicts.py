"""Open conflicts and their resolution on the server, as the staff roles see them."""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from cams_desktop.db.tracking import SCHEMA_VERSION

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def server(demo_server: Any) -> Any:
    for username in ("admin", "conseiller", "enseignant"):
        demo_server.add_role(username)
    return demo_server


def _students(server: Any, count: int) -> list[tuple[uuid.UUID, str, int]]:
    with server.connect_as("admin") as connection:
        return [
            (row[0], row[1], row[2])
            for row in connection.execute(
                "SELECT id, first_name, version FROM cams.students"
                " WHERE deleted_at IS NULL ORDER BY id LIMIT %s",
                (count,),
            )
        ]


def _conflict(server: Any, student: tuple[uuid.UUID, str, int], new: str) -> str:
    """An offline edit of a sensitive field the server changed meanwhile."""
    student_id, _first_name, version = student
    mutation = {
        "mutation_id": 1,
        "transaction_id": str(uuid.uuid4()),
        "table_name": "students",
        "row_id": str(student_id),
        "operation": "update",
        "base_version": version - 1 if version > 1 else 0,
        "changes": {"first_name": ["Prénom d'avant", new]},
        "recorded_at": "2026-11-02T10:00:00+00:00",
    }
    with server.connect_as("conseiller") as connection:
        answer = connection.execute(
            "SELECT cams.push(%s, %s, %s)",
            (uuid.uuid4(), SCHEMA_VERSION, Jsonb([mutation])),
        ).fetchone()[0]
    assert answer["results"][0]["result"] == "conflict"
    return str(answer["results"][0]["conflict_id"])


def _open(server: Any, username: str) -> list[dict[str, Any]]:
    with server.connect_as(username) as connection:
        answer = connection.execute("SELECT cams.open_conflicts()").fetchone()[0]
    assert answer["status"] == "ok"
    return list(answer["conflicts"])


def _resolve(
    server: Any, username: str, conflict_id: str, choice: str, merged: Any = None
) -> dict[str, Any]:
    with server.connect_as(username) as connection:
        return dict(
            connection.execute(
                "SELECT cams.resolve_conflict(%s, %s, %s)",
                (conflict_id, choice, None if merged is None else Jsonb(merged)),
            ).fetchone()[0]
        )


def test_an_administrator_sees_base_theirs_and_mine(server):
    student = _students(server, 1)[0]
    conflict_id = _conflict(server, student, "Nouveau")

    listed = {c["id"]: c for c in _open(server, "admin")}

    found = listed[conflict_id]
    assert found["table"] == "students"
    assert found["row_id"] == str(student[0])
    assert found["kind"] == "field"
    assert found["fields"] == {
        "first_name": {
            "base": "Prénom d'avant",
            "theirs": student[1],
            "mine": "Nouveau",
        }
    }
    assert found["student"].startswith(student[1] + " ")
    assert found["author"]


def test_taking_the_desktop_value_is_a_new_audited_change(server):
    student = _students(server, 2)[1]
    conflict_id = _conflict(server, student, "Choisi")
    before_seq = server.scalar("SELECT max(seq) FROM cams.change_log")

    answer = _resolve(server, "admin", conflict_id, "mine")

    assert answer == {
        "status": "ok",
        "changed": ["first_name"],
        "version": student[2] + 1,
    }
    assert (
        server.scalar("SELECT first_name FROM cams.students WHERE id = %s", student[0])
        == "Choisi"
    )
    assert server.column(
        "SELECT version FROM cams.change_log WHERE row_id = %s AND seq > %s",
        student[0],
        before_seq,
    ) == [student[2] + 1]
    audit = server.scalar(
        "SELECT jsonb_build_object('decision', decision, 'reason', reason,"
        " 'before', before, 'after', after, 'role', role_name)"
        " FROM cams.server_audit WHERE row_id = %s AND decision = 'resolved'",
        student[0],
    )
    assert audit == {
        "decision": "resolved",
        "reason": "mine",
        "before": {"first_name": student[1]},
        "after": {"first_name": "Choisi"},
        "role": server.roles["admin"],
    }
    # The losing side stays in the conflict row.
    resolved = server.scalar(
        "SELECT jsonb_build_object('by', resolved_by, 'fields', fields)"
        " FROM cams.conflicts WHERE id = %s",
        conflict_id,
    )
    assert resolved == {
        "by": server.roles["admin"],
        "fields": {
            "first_name": {
                "base": "Prénom d'avant",
                "theirs": student[1],
                "mine": "Choisi",
            }
        },
    }
    assert conflict_id not in {c["id"] for c in _open(server, "admin")}


def test_keeping_the_server_value_changes_nothing_but_closes_it(server):
    student = _students(server, 3)[2]
    conflict_id = _conflict(server, student, "Refusé")

    answer = _resolve(server, "admin", conflict_id, "theirs")

    assert answer == {"status": "ok", "changed": [], "version": student[2]}
    assert (
        server.scalar("SELECT first_name FROM cams.students WHERE id = %s", student[0])
        == student[1]
    )
    assert server.scalar(
        "SELECT resolved_at IS NOT NULL FROM cams.conflicts WHERE id = %s", conflict_id
    )


def test_a_merged_value_is_written(server):
    student = _students(server, 4)[3]
    conflict_id = _conflict(server, student, "Autre")

    _resolve(server, "admin", conflict_id, "merge", {"first_name": "Fusionné"})

    assert (
        server.scalar("SELECT first_name FROM cams.students WHERE id = %s", student[0])
        == "Fusionné"
    )
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="already resolved"):
        _resolve(server, "admin", conflict_id, "mine")


def test_bad_choices_are_refused(server):
    student = _students(server, 5)[4]
    conflict_id = _conflict(server, student, "Essai")

    with pytest.raises(psycopg.errors.InvalidParameterValue, match="theirs, mine"):
        _resolve(server, "admin", conflict_id, "both")
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="fields of"):
        _resolve(server, "admin", conflict_id, "merge", {"last_name": "X"})
    assert conflict_id in {c["id"] for c in _open(server, "admin")}


@pytest.mark.parametrize("username", ["enseignant", "conseiller"])
def test_other_staff_may_neither_list_nor_resolve(server, username):
    student = _students(server, 6)[5]
    conflict_id = _conflict(server, student, "Interdit")

    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="administrators"):
        _open(server, username)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="administrators"):
        _resolve(server, username, conflict_id, "mine")
    assert server.scalar(
        "SELECT resolved_at IS NULL FROM cams.conflicts WHERE id = %s", conflict_id
    )
