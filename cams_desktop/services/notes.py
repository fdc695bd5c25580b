"""Notes on a student (F-32): anyone adds, only the author edits them."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.guidance import Note
from cams_desktop.db.school import Staff
from cams_desktop.services.access import Action, Actor, NotFound, refuse, require
from cams_desktop.services.students import ValidationError, visible_student
from cams_desktop.text import code_point, unsafe_character

MAX_NOTE_LENGTH = 20_000


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: uuid.UUID
    author_id: uuid.UUID
    author: str
    body: str
    is_private: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    def editable_by(self, actor: Actor) -> bool:
        return self.author_id == actor.staff_id


def list_notes(db: Database, actor: Actor, student_id: uuid.UUID) -> list[NoteRow]:
    """The student's notes the actor may read, newest first."""
    require(db, actor, Action.VIEW_NOTES)
    with db.read() as session:
        visible_student(session, actor, student_id)
        rows = session.execute(
            select(Note, Staff.first_name, Staff.last_name)
            .join(Staff, Staff.id == Note.author_id)
            .where(
                Note.student_id == student_id,
                Note.deleted_at.is_(None),
                ~Note.is_private | (Note.author_id == actor.staff_id),
            )
            .order_by(Note.created_at.desc(), Note.id.desc())
        ).all()
    return [
        NoteRow(
            note.id,
            note.author_id,
            f"{first} {last}",
            note.body,
            note.is_private,
            note.created_at,
            note.updated_at,
        )
        for note, first, last in rows
    ]


def _check_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationError(
            {"body": QCoreApplication.translate("Notes", "A note cannot be empty.")}
        )
    if (bad := unsafe_character(text, allow_newlines=True)) is not None:
        raise ValidationError(
            {
                "body": QCoreApplication.translate(
                    "Notes",
                    "The note contains a character that cannot be stored ({0}).",
                ).format(code_point(bad))
            }
        )
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {
                "body": QCoreApplication.translate(
                    "Notes", "A note holds at most {0} characters."
                ).format(MAX_NOTE_LENGTH)
            }
        )
    return text


def add_note(
    db: Database, actor: Actor, student_id: uuid.UUID, body: str, is_private: bool
) -> uuid.UUID:
    require(db, actor, Action.ADD_NOTE)
    text = _check_body(body)
    with db.transaction(actor.staff_id) as session:
        visible_student(session, actor, student_id)
        note = Note(
            student_id=student_id,
            author_id=actor.staff_id,
            body=text,
            is_private=is_private,
        )
        session.add(note)
    return note.id


def _own_note(db: Database, actor: Actor, note_id: uuid.UUID, what: str) -> None:
    """Refuse unless the note exists, is visible and was written by the actor."""
    with db.read() as session:
        note = session.get(Note, note_id)
        if note is not None:
            visible_student(session, actor, note.student_id)
    if (
        note is None
        or note.deleted_at is not None
        or (note.is_private and note.author_id != actor.staff_id)
    ):
        raise NotFound(
            QCoreApplication.translate(
                "Notes", "This note does not exist or was deleted."
            )
        )
    if note.author_id != actor.staff_id:
        refuse(db, actor, what, note_id)


def edit_note(
    db: Database, actor: Actor, note_id: uuid.UUID, body: str, is_private: bool
) -> None:
    """Change a note's text or privacy; only its author may."""
    text = _check_body(body)
    _own_note(db, actor, note_id, "edit_note")
    with db.transaction(actor.staff_id) as session:
        note = session.get_one(Note, note_id)
        note.body = text
        note.is_private = is_private


def delete_note(db: Database, actor: Actor, note_id: uuid.UUID) -> None:
    """Remove a note from view (kept in the database); only its author may."""
    _own_note(db, actor, note_id, "delete_note")
    with db.transaction(actor.staff_id) as session:
        session.get_one(Note, note_id).deleted_at = utcnow()
