"""Parent portal accounts, activation codes and the parent comment log (F-36, F-82).

A parent opens a portal account with an activation code printed on a letter
(F-82). Codes are random, single-use and expire; a code is made for one
(student, parent) pair, or for a student alone when no parent is on file.
Teachers and other staff work on the students of their caseload only, and
on those students' parents, codes and comments.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import math
import secrets
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, CursorResult, Row, and_, select, update
from sqlalchemy.orm import Session

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.school import Language
from cams_desktop.db.students import (
    ActivationCode,
    CaseloadAssignment,
    Gender,
    Parent,
    ParentComment,
    ParentLink,
    PlanStatus,
    Student,
)
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    refuse,
    require,
)
from cams_desktop.services.students import ValidationError, visible_student
from cams_desktop.text import fold, name_sort_key

log = logging.getLogger(__name__)

# --- the codes themselves ---------------------------------------------------

# Characters never used in a code because they are easily misread on paper or
# typed for one another: zero and the round letters, one and the thin letters.
NEVER_USED = "0OQ1IL"
# Letters that look like a digit of the alphabet: the digit is kept and a
# parent who types the letter gets the digit (the letter never appears).
LOOK_ALIKE_DIGITS = {"S": "5", "Z": "2", "B": "8"}
# Upper-case letters and digits without any of the above: 19 letters and the
# 8 digits 2-9, 27 symbols of log2(27) = 4.75 bits each.
CODE_ALPHABET = "23456789ACDEFGHJKMNPRTUVWXY"
CODE_LENGTH = 12
CODE_GROUP = 4
# 12 symbols: 57 bits, printed as three groups of four ("K7XM-3XPD-VH9A").
CODE_BITS = CODE_LENGTH * math.log2(len(CODE_ALPHABET))
DEFAULT_VALIDITY_DAYS = 60
MAX_VALIDITY_DAYS = 366

# Checked with a raise rather than ``assert``, which python -O would drop.
if CODE_BITS < 50:
    raise AssertionError(f"activation codes carry only {CODE_BITS:.1f} bits")
if (
    len(set(CODE_ALPHABET)) != len(CODE_ALPHABET)
    or set(CODE_ALPHABET) & set(NEVER_USED + "".join(LOOK_ALIKE_DIGITS))
    or not set(LOOK_ALIKE_DIGITS.values()) <= set(CODE_ALPHABET)
):
    raise AssertionError("the activation code alphabet has look-alikes")

_LOOK_ALIKES = str.maketrans(LOOK_ALIKE_DIGITS)

# A code's (student, parent) pair; no parent when none is on file.
Pair = tuple[uuid.UUID, uuid.UUID | None]

# Ids per IN (...) list: well under SQLite's limit on bound parameters, since
# an administrator may generate codes for a whole school at once.
CHUNK = 500


class CodeStatus(enum.StrEnum):
    """A code's state; a str, so "valid" == CodeStatus.VALID."""

    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"


def _grouped(symbols: str) -> str:
    return "-".join(
        symbols[start : start + CODE_GROUP]
        for start in range(0, len(symbols), CODE_GROUP)
    )


def new_code() -> str:
    """A fresh random code from the operating system's CSPRNG, with hyphens."""
    return _grouped("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))


def _typed_symbols(typed: str) -> str:
    """Letters and digits of what was typed, upper-case, full-width folded."""
    text = unicodedata.normalize("NFKC", typed).upper()
    # Spaces, hyphens, dashes and dots are how people copy the groups.
    return "".join(ch for ch in text if ch.isalnum())


def normalise_code(typed: str) -> str:
    """The stored form of a code as a parent typed it.

    Case, spaces, hyphens and other dashes do not matter, and the letters S,
    Z and B become the digits 5, 2 and 8 they are mistaken for (codes never
    contain those letters). 0, O, Q, 1, I and L stay as typed: no code
    contains them, so neither reading of one of them can be right.
    """
    return _grouped(_typed_symbols(typed).translate(_LOOK_ALIKES))


def _lookup_forms(typed: str) -> list[str]:
    """Stored forms to look up: the literal one first, then the normalised one.

    The literal form finds codes made before this alphabet (the demo school
    and imported codes may contain S, Z, B or L); an exact match wins.
    """
    normal = normalise_code(typed)
    literal = _grouped(_typed_symbols(typed))
    return [normal] if literal == normal else [literal, normal]


# --- rows ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParentAccountRow:
    id: uuid.UUID
    first_name: str
    last_name: str
    email: str | None
    preferred_language: Language
    account_active: bool
    last_sign_in_at: dt.datetime | None
    # "First Last (grade)" of the linked students in the actor's scope,
    # by the students' last name then first name.
    students: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeRow:
    id: uuid.UUID
    code: str
    student_id: uuid.UUID
    student_name: str
    parent_id: uuid.UUID | None
    parent_name: str | None
    expires_at: dt.datetime
    used_at: dt.datetime | None
    status: CodeStatus


@dataclass(frozen=True, slots=True)
class CommentRow:
    id: uuid.UUID
    written_at: dt.datetime
    parent_name: str
    student_id: uuid.UUID
    student_name: str
    body: str


@dataclass(frozen=True, slots=True)
class LetterRecipient:
    """One letter: a (parent, student) pair with a valid code."""

    parent_id: uuid.UUID
    parent_first_name: str
    parent_last_name: str
    parent_language: Language
    student_id: uuid.UUID
    student_first_name: str
    student_last_name: str
    student_grade: int
    student_sort_key: str
    code: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class StudentCriteria:
    """Which students: all criteria together; all empty = every student in scope.

    ``student_ids`` is a selection made in a list: naming a student outside
    the actor's scope is refused. ``usernames`` (any case), ``counsellor_id``,
    ``grade`` and ``gender`` are a search, limited to the actor's scope.
    """

    usernames: tuple[str, ...] = ()
    counsellor_id: uuid.UUID | None = None
    grade: int | None = None
    gender: Gender | None = None
    student_ids: tuple[uuid.UUID, ...] = ()


# --- scope ----------------------------------------------------------------------


def _caseload(staff_id: uuid.UUID) -> Any:
    return select(CaseloadAssignment.student_id).where(
        CaseloadAssignment.staff_id == staff_id,
        CaseloadAssignment.deleted_at.is_(None),
    )


def _in_scope(actor: Actor) -> list[ColumnElement[bool]]:
    """Students of the actor's school that the actor works with."""
    conditions = [
        Student.school_id == actor.school_id,
        Student.deleted_at.is_(None),
        Student.plan_status != PlanStatus.TRANSFERRED,
    ]
    if not actor.sees_all_students:
        conditions.append(Student.id.in_(_caseload(actor.staff_id)))
    return conditions


def _chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _matches(words: list[str], *texts: str | None) -> bool:
    """True when every folded word is in one of ``texts`` (filter-as-you-type)."""
    haystack = fold(" ".join(text for text in texts if text))
    return all(word in haystack for word in words)


def _visible_parent(session: Session, actor: Actor, parent_id: uuid.UUID) -> None:
    """NotFound unless the parent is of the school and linked to a student in scope."""
    parent = session.get(Parent, parent_id)
    visible = (
        parent is not None
        and parent.deleted_at is None
        and parent.school_id == actor.school_id
    )
    if visible and not actor.sees_all_students:
        visible = (
            session.scalar(
                select(ParentLink.id)
                .join(Student, Student.id == ParentLink.student_id)
                .where(
                    ParentLink.parent_id == parent_id,
                    ParentLink.deleted_at.is_(None),
                    *_in_scope(actor),
                )
                .limit(1)
            )
            is not None
        )
    if not visible:
        raise NotFound(
            QCoreApplication.translate(
                "Parents",
                "This parent does not exist or is not linked to your students.",
            )
        )


def _check_selection(
    db: Database, actor: Actor, action: Action, student_ids: Sequence[uuid.UUID]
) -> None:
    """NotFound for an unknown student; refuse (audited) one outside the scope.

    Checked before the writing transaction opens: ``refuse`` writes its audit
    entry in a transaction of its own.
    """
    wanted = list(dict.fromkeys(student_ids))
    outside: uuid.UUID | None = None
    with db.read() as session:
        known: set[uuid.UUID] = set()
        mine: set[uuid.UUID] = set()
        for chunk in _chunks(wanted):
            known.update(
                session.scalars(
                    select(Student.id).where(
                        Student.id.in_(chunk),
                        Student.school_id == actor.school_id,
                        Student.deleted_at.is_(None),
                    )
                )
            )
            if not actor.sees_all_students:
                mine.update(
                    session.scalars(
                        select(CaseloadAssignment.student_id).where(
                            CaseloadAssignment.staff_id == actor.staff_id,
                            CaseloadAssignment.deleted_at.is_(None),
                            CaseloadAssignment.student_id.in_(chunk),
                        )
                    )
                )
        if len(known) != len(wanted):
            raise NotFound(
                QCoreApplication.translate(
                    "Parents", "A selected student no longer exists in this school."
                )
            )
        if not actor.sees_all_students:
            outside = next((sid for sid in wanted if sid not in mine), None)
    if outside is not None:
        refuse(db, actor, action.value, outside)


def _selected_students(
    session: Session, actor: Actor, criteria: StudentCriteria
) -> list[Row[Any]]:
    """Students in scope with an active plan matching ``criteria``, by name."""
    query = select(
        Student.id,
        Student.first_name,
        Student.last_name,
        Student.grade,
        Student.sort_key,
        Student.username_key,
    ).where(*_in_scope(actor), Student.plan_status == PlanStatus.ACTIVE)
    if criteria.counsellor_id is not None:
        query = query.where(Student.id.in_(_caseload(criteria.counsellor_id)))
    if criteria.grade is not None:
        query = query.where(Student.grade == criteria.grade)
    if criteria.gender is not None:
        query = query.where(Student.gender == criteria.gender)
    keys = list(dict.fromkeys(u.strip().casefold() for u in criteria.usernames))
    rows: list[Row[Any]] = []
    if criteria.student_ids:
        for chunk in _chunks(list(dict.fromkeys(criteria.student_ids))):
            rows.extend(session.execute(query.where(Student.id.in_(chunk))))
        if keys:
            wanted = set(keys)
            rows = [row for row in rows if row.username_key in wanted]
    elif keys:
        for chunk in _chunks(keys):
            rows.extend(session.execute(query.where(Student.username_key.in_(chunk))))
    else:
        rows.extend(session.execute(query))
    rows.sort(key=lambda row: (row.sort_key, row.id))
    return rows


# --- parent accounts ------------------------------------------------------------


def list_parent_accounts(
    db: Database, actor: Actor, *, text: str = ""
) -> list[ParentAccountRow]:
    """The school's parent accounts, each once, by last name then first name.

    A parent of several children is one row listing them all. Administrators
    see every parent of the school; teachers and other staff the parents of
    their own students. ``text`` matches the parent's names and email
    whatever the accents, case and apostrophes; every word must match.
    """
    require(db, actor, Action.VIEW_PARENT_ACCOUNTS)
    with db.read() as session:
        children: defaultdict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
        for parent_id, first, last, grade, key in session.execute(
            select(
                ParentLink.parent_id,
                Student.first_name,
                Student.last_name,
                Student.grade,
                Student.sort_key,
            )
            .join(Student, Student.id == ParentLink.student_id)
            .where(ParentLink.deleted_at.is_(None), *_in_scope(actor))
        ):
            children[parent_id].append((key, f"{first} {last} ({grade})"))
        parents = session.execute(
            select(
                Parent.id,
                Parent.first_name,
                Parent.last_name,
                Parent.email,
                Parent.preferred_language,
                Parent.account_active,
                Parent.last_sign_in_at,
            ).where(Parent.school_id == actor.school_id, Parent.deleted_at.is_(None))
        ).all()
    words = fold(text).split()
    rows = [
        ParentAccountRow(
            parent_id,
            first,
            last,
            email,
            language,
            active,
            signed_in,
            tuple(name for _, name in sorted(children.get(parent_id, []))),
        )
        for parent_id, first, last, email, language, active, signed_in in parents
        if (actor.sees_all_students or parent_id in children)
        and _matches(words, first, last, email)
    ]
    rows.sort(key=lambda row: (name_sort_key(row.last_name, row.first_name), row.id))
    return rows


# --- activation codes -----------------------------------------------------------


def _status(code: ActivationCode, now: dt.datetime) -> CodeStatus:
    if code.used_at is not None:
        return CodeStatus.USED
    if code.expires_at <= now:
        return CodeStatus.EXPIRED
    return CodeStatus.VALID


def _valid(now: dt.datetime) -> list[ColumnElement[bool]]:
    return [
        ActivationCode.deleted_at.is_(None),
        ActivationCode.used_at.is_(None),
        ActivationCode.expires_at > now,
    ]


def list_codes(
    db: Database,
    actor: Actor,
    *,
    student_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[CodeRow]:
    """Codes not deleted, of students in scope, by student then parent name.

    Deleted codes are gone from the list: they can no longer be used.
    """
    require(db, actor, Action.MANAGE_ACTIVATION_CODES)
    now = now or utcnow()
    with db.read() as session:
        query = (
            select(
                ActivationCode,
                Student.first_name,
                Student.last_name,
                Parent.first_name,
                Parent.last_name,
            )
            .join(Student, Student.id == ActivationCode.student_id)
            .outerjoin(Parent, Parent.id == ActivationCode.parent_id)
            .where(ActivationCode.deleted_at.is_(None), *_in_scope(actor))
        )
        if student_id is not None:
            visible_student(session, actor, student_id)
            query = query.where(ActivationCode.student_id == student_id)
        if parent_id is not None:
            _visible_parent(session, actor, parent_id)
            query = query.where(ActivationCode.parent_id == parent_id)
        found = session.execute(
            query.order_by(
                Student.sort_key,
                Student.id,
                Parent.last_name,
                Parent.first_name,
                ActivationCode.parent_id,
                ActivationCode.expires_at.desc(),
                ActivationCode.id,
            )
        ).all()
    return [
        CodeRow(
            code.id,
            code.code,
            code.student_id,
            f"{student_first} {student_last}",
            code.parent_id,
            None if parent_first is None else f"{parent_first} {parent_last}",
            code.expires_at,
            code.used_at,
            _status(code, now),
        )
        for code, student_first, student_last, parent_first, parent_last in found
    ]


def _fresh_codes(session: Session, count: int) -> list[str]:
    """``count`` new codes found in no row, deleted ones included.

    The column is unique: a collision (about one in 10^9 for a school's
    codes) would otherwise fail the whole batch.
    """
    codes: set[str] = set()
    while len(codes) < count:
        drawn = {new_code() for _ in range(count - len(codes))} - codes
        ordered = sorted(drawn)
        for chunk in _chunks(ordered):
            drawn.difference_update(
                session.scalars(
                    select(ActivationCode.code).where(ActivationCode.code.in_(chunk))
                )
            )
        codes |= drawn
    return sorted(codes)


def generate_codes(
    db: Database,
    actor: Actor,
    criteria: StudentCriteria,
    *,
    only_without_code: bool = False,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
    now: dt.datetime | None = None,
) -> int:
    """Make one code per (student, linked parent) pair; returns how many.

    A student with no parent on file gets one code for no parent. With
    ``only_without_code``, pairs that already have a valid code keep it and
    get none; otherwise their valid codes are deleted and replaced, so the
    newest letter is the only one that works. Students with an active plan
    only. One transaction: all codes or none.
    """
    require(db, actor, Action.MANAGE_ACTIVATION_CODES)
    if not 1 <= validity_days <= MAX_VALIDITY_DAYS:
        raise ValidationError(
            {
                "validity_days": QCoreApplication.translate(
                    "Parents", "An activation code is valid for {0} to {1} days."
                ).format(1, MAX_VALIDITY_DAYS)
            }
        )
    _check_selection(db, actor, Action.MANAGE_ACTIVATION_CODES, criteria.student_ids)
    now = now or utcnow()
    expires_at = now + dt.timedelta(days=validity_days)
    with db.transaction(actor.staff_id) as session:
        student_ids = [row.id for row in _selected_students(session, actor, criteria)]
        parents: defaultdict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        current: defaultdict[Pair, list[ActivationCode]] = defaultdict(list)
        for chunk in _chunks(student_ids):
            for sid, pid in session.execute(
                select(ParentLink.student_id, ParentLink.parent_id)
                .join(Parent, Parent.id == ParentLink.parent_id)
                .where(
                    ParentLink.student_id.in_(chunk),
                    ParentLink.deleted_at.is_(None),
                    Parent.deleted_at.is_(None),
                    Parent.school_id == actor.school_id,
                )
                .order_by(ParentLink.student_id, ParentLink.parent_id)
            ):
                parents[sid].append(pid)
            for code in session.scalars(
                select(ActivationCode).where(
                    ActivationCode.student_id.in_(chunk), *_valid(now)
                )
            ):
                current[code.student_id, code.parent_id].append(code)
        pairs: list[Pair] = []
        for sid in student_ids:
            linked: list[uuid.UUID | None] = list(parents.get(sid, []))
            for pair in [(sid, pid) for pid in linked or [None]]:
                if current.get(pair):
                    if only_without_code:
                        continue
                    for old in current[pair]:
                        old.deleted_at = now
                pairs.append(pair)
        session.add_all(
            ActivationCode(
                student_id=sid, parent_id=pid, code=code, expires_at=expires_at
            )
            for (sid, pid), code in zip(
                pairs, _fresh_codes(session, len(pairs)), strict=True
            )
        )
    log.info("%d activation codes generated by staff %s", len(pairs), actor.staff_id)
    return len(pairs)


def delete_code(db: Database, actor: Actor, code_id: uuid.UUID) -> None:
    """Delete a code: from now on it cannot be used (soft delete, synced)."""
    require(db, actor, Action.MANAGE_ACTIVATION_CODES)
    not_found = NotFound(
        QCoreApplication.translate("Parents", "This activation code does not exist.")
    )
    with db.read() as session:
        code = session.get(ActivationCode, code_id)
        if code is None or code.deleted_at is not None:
            raise not_found
        student = session.get(Student, code.student_id)
        if (
            student is None
            or student.deleted_at is not None
            or student.school_id != actor.school_id
        ):
            raise not_found
        outside = not actor.sees_all_students and (
            session.scalar(
                _caseload(actor.staff_id).where(
                    CaseloadAssignment.student_id == student.id
                )
            )
            is None
        )
    if outside:
        refuse(db, actor, Action.MANAGE_ACTIVATION_CODES.value, code_id)
    with db.transaction(actor.staff_id) as session:
        code = session.get(ActivationCode, code_id)
        if code is None or code.deleted_at is not None:
            raise not_found
        code.deleted_at = utcnow()
    log.info("activation code %s deleted by staff %s", code_id, actor.staff_id)


def redeem_code(
    db: Database, typed: str, *, now: dt.datetime | None = None
) -> uuid.UUID:
    """What the parent portal does with a typed code; returns the code's id.

    A valid code is marked used and opens its parent's account. A used or
    expired code is refused as such; an unknown or deleted one (or one whose
    parent no longer has the student) gets one message for all, so trying
    codes teaches nothing.
    """
    now = now or utcnow()
    invalid = ValidationError(
        {
            "code": QCoreApplication.translate(
                "Parents",
                "This activation code is not valid. Check it against your letter, "
                "or ask the school for a new one.",
            )
        }
    )
    used = ValidationError(
        {
            "code": QCoreApplication.translate(
                "Parents",
                "This activation code has already been used. Ask the school for a "
                "new one if you still need to open an account.",
            )
        }
    )
    forms = _lookup_forms(typed)
    with db.transaction(None) as session:
        found = {
            code.code: code
            for code in session.scalars(
                select(ActivationCode).where(ActivationCode.code.in_(forms))
            )
        }
        code = next((found[form] for form in forms if form in found), None)
        if code is None or code.deleted_at is not None:
            raise invalid
        student = session.get(Student, code.student_id)
        if (
            student is None
            or student.deleted_at is not None
            or student.plan_status == PlanStatus.TRANSFERRED
        ):
            raise invalid
        parent: Parent | None = None
        if code.parent_id is not None:
            parent = session.get(Parent, code.parent_id)
            link = session.scalar(
                select(ParentLink.id).where(
                    ParentLink.parent_id == code.parent_id,
                    ParentLink.student_id == code.student_id,
                    ParentLink.deleted_at.is_(None),
                )
            )
            # A parent removed from the student's contacts since the letter
            # was printed (a custody change) must not gain access with it.
            if parent is None or parent.deleted_at is not None or link is None:
                raise invalid
        if code.used_at is not None:
            raise used
        if code.expires_at <= now:
            raise ValidationError(
                {
                    "code": QCoreApplication.translate(
                        "Parents",
                        "This activation code has expired. Ask the school for a "
                        "new one.",
                    )
                }
            )
        # Claim the code with one conditional UPDATE: of two redemptions at
        # the same moment, the second finds it used and changes nothing.
        claimed = cast(
            CursorResult[Any],
            session.execute(
                update(ActivationCode)
                .where(
                    ActivationCode.id == code.id,
                    ActivationCode.used_at.is_(None),
                    ActivationCode.deleted_at.is_(None),
                )
                .values(used_at=now)
                .execution_options(synchronize_session=False)
            ),
        )
        if claimed.rowcount != 1:
            raise used
        # The same change through the ORM, so the audit trail and the sync
        # outbox record it.
        code.used_at = now
        if parent is not None:
            parent.account_active = True
        code_id = code.id
    log.info("activation code %s redeemed", code_id)
    return code_id


# --- comments and letters -------------------------------------------------------


def comment_log(
    db: Database,
    actor: Actor,
    *,
    text: str = "",
    student_id: uuid.UUID | None = None,
) -> list[CommentRow]:
    """Parent comments on students in scope, newest first.

    ``text`` matches the comment, the parent's and the student's names
    whatever the accents, case and apostrophes; every word must match.
    """
    require(db, actor, Action.VIEW_PARENT_COMMENTS)
    with db.read() as session:
        query = (
            select(
                ParentComment.id,
                ParentComment.written_at,
                Parent.first_name,
                Parent.last_name,
                ParentComment.student_id,
                Student.first_name,
                Student.last_name,
                ParentComment.body,
            )
            .join(Student, Student.id == ParentComment.student_id)
            .join(Parent, Parent.id == ParentComment.parent_id)
            .where(ParentComment.deleted_at.is_(None), *_in_scope(actor))
        )
        if student_id is not None:
            visible_student(session, actor, student_id)
            query = query.where(ParentComment.student_id == student_id)
        found = session.execute(
            query.order_by(ParentComment.written_at.desc(), ParentComment.id.desc())
        ).all()
    words = fold(text).split()
    return [
        CommentRow(
            comment_id,
            written_at,
            f"{parent_first} {parent_last}",
            sid,
            f"{student_first} {student_last}",
            body,
        )
        for (
            comment_id,
            written_at,
            parent_first,
            parent_last,
            sid,
            student_first,
            student_last,
            body,
        ) in found
        if _matches(words, body, parent_first, parent_last, student_first, student_last)
    ]


def letter_recipients(
    db: Database,
    actor: Actor,
    criteria: StudentCriteria,
    *,
    now: dt.datetime | None = None,
) -> list[LetterRecipient]:
    """One letter per (parent, student) pair with a valid code (F-82).

    Only parents still linked to the student; a pair with several valid
    codes (made on two desktops) gets the one that lasts longest. Codes for
    a student with no parent on file have no addressee and are left out.
    Sorted by the student's last and first names, then the parent's.
    """
    require(db, actor, Action.PRINT_PARENT_LETTERS)
    _check_selection(db, actor, Action.PRINT_PARENT_LETTERS, criteria.student_ids)
    now = now or utcnow()
    letters: dict[tuple[uuid.UUID, uuid.UUID], LetterRecipient] = {}
    with db.read() as session:
        students = {row.id: row for row in _selected_students(session, actor, criteria)}
        for chunk in _chunks(list(students)):
            for code, expires_at, sid, pid, first, last, language in session.execute(
                select(
                    ActivationCode.code,
                    ActivationCode.expires_at,
                    ActivationCode.student_id,
                    Parent.id,
                    Parent.first_name,
                    Parent.last_name,
                    Parent.preferred_language,
                )
                .join(Parent, Parent.id == ActivationCode.parent_id)
                .join(
                    ParentLink,
                    and_(
                        ParentLink.parent_id == ActivationCode.parent_id,
                        ParentLink.student_id == ActivationCode.student_id,
                    ),
                )
                .where(
                    ActivationCode.student_id.in_(chunk),
                    *_valid(now),
                    ParentLink.deleted_at.is_(None),
                    Parent.deleted_at.is_(None),
                )
                .order_by(ActivationCode.expires_at, ActivationCode.code)
            ):
                student = students[sid]
                # Ordered by expiry: the longest-lasting code wins.
                letters[pid, sid] = LetterRecipient(
                    pid,
                    first,
                    last,
                    language,
                    sid,
                    student.first_name,
                    student.last_name,
                    student.grade,
                    student.sort_key,
                    code,
                    expires_at,
                )
    return sorted(
        letters.values(),
        key=lambda letter: (
            letter.student_sort_key,
            letter.student_id.hex,
            name_sort_key(letter.parent_last_name, letter.parent_first_name),
            letter.parent_id.hex,
        ),
    )
