"""Notes: anyone adds, only the author edits or deletes, private stays private."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cams_desktop.db.guidance import Note
from cams_desktop.db.journal import AuditEntry
from cams_desktop.services import notes, students
from cams_desktop.services.access import NotFound, PermissionDenied
from cams_desktop.services.students import StudentDraft, ValidationError

pytestmark = pytest.mark.unit


@pytest.fixture
def student_id(tiny_school):
    everyone = frozenset(
        {
            tiny_school.counsellor.staff_id,
            tiny_school.teacher.staff_id,
            tiny_school.office.staff_id,
        }
    )
    return students.add_student(
        tiny_school.db,
        tiny_school.admin,
        StudentDraft(
            first_name="Noémie",
            last_name="D’Amours",
            username="ndamours",
            counsellor_ids=everyone,
        ),
    )


def test_private_note_reaches_only_its_author(tiny_school, student_id):
    db = tiny_school.db
    notes.add_note(
        db, tiny_school.counsellor, student_id, "Rencontre avec la mère.", False
    )
    private = notes.add_note(
        db, tiny_school.counsellor, student_id, "  Suivi délicat.  ", True
    )
    notes.add_note(db, tiny_school.teacher, student_id, "Met with the student.", False)

    own = notes.list_notes(db, tiny_school.counsellor, student_id)
    theirs = notes.list_notes(db, tiny_school.teacher, student_id)

    assert [(n.body, n.is_private, n.author) for n in own] == [
        ("Met with the student.", False, "Paul Côté"),
        ("Suivi délicat.", True, "Marc Ouellet"),
        ("Rencontre avec la mère.", False, "Marc Ouellet"),
    ]
    assert [n.body for n in theirs] == [
        "Met with the student.",
        "Rencontre avec la mère.",
    ]
    assert [n.body for n in notes.list_notes(db, tiny_school.admin, student_id)] == [
        "Met with the student.",
        "Rencontre avec la mère.",
    ]
    with pytest.raises(NotFound):
        notes.edit_note(db, tiny_school.teacher, private, "lu", False)
    with pytest.raises(NotFound):
        notes.delete_note(db, tiny_school.admin, private)


def test_only_the_author_edits_or_deletes(tiny_school, student_id):
    db = tiny_school.db
    note_id = notes.add_note(
        db, tiny_school.teacher, student_id, "Texte original", False
    )

    with pytest.raises(PermissionDenied):
        notes.edit_note(db, tiny_school.admin, note_id, "Réécrit", False)
    with pytest.raises(PermissionDenied):
        notes.delete_note(db, tiny_school.counsellor, note_id)
    notes.edit_note(db, tiny_school.teacher, note_id, "Texte corrigé", True)

    with db.read() as session:
        note = session.get_one(Note, note_id)
        denied = session.scalars(
            select(AuditEntry.field)
            .where(AuditEntry.action == "denied")
            .order_by(AuditEntry.occurred_at)
        ).all()
    assert (note.body, note.is_private, note.version) == ("Texte corrigé", True, 2)
    assert denied == ["edit_note", "delete_note"]

    notes.delete_note(db, tiny_school.teacher, note_id)
    assert notes.list_notes(db, tiny_school.teacher, student_id) == []
    with db.read() as session:
        kept = session.get_one(Note, note_id)
        assert kept.body == "Texte corrigé"
        assert kept.deleted_at is not None


def test_empty_or_huge_notes_are_refused(tiny_school, student_id):
    with pytest.raises(ValidationError) as caught:
        notes.add_note(tiny_school.db, tiny_school.teacher, student_id, " \n ", False)
    assert caught.value.errors == {"body": "A note cannot be empty."}
    with pytest.raises(ValidationError):
        notes.add_note(
            tiny_school.db, tiny_school.teacher, student_id, "x" * 20_001, False
        )


def test_notes_of_a_student_outside_the_caseload_are_out_of_reach(tiny_school):
    outsider = students.add_student(
        tiny_school.db,
        tiny_school.admin,
        StudentDraft(first_name="Ève", last_name="Roy", username="eroy"),
    )
    notes.add_note(tiny_school.db, tiny_school.admin, outsider, "Note", False)
    with pytest.raises(NotFound):
        notes.list_notes(tiny_school.db, tiny_school.teacher, outsider)
    with pytest.raises(NotFound):
        notes.add_note(tiny_school.db, tiny_school.teacher, outsider, "Hello", False)
