"""Student logins: password resets (F-16), login history (F-31), inviting others (F-35).

A student's password is never stored in clear. A reset makes a new readable
password, keeps only its Argon2id hash (the audit trail shows "••••••" and
the sync outbox carries the hash) and returns the clear password once, for
the staff member to give or print on a login slip
(``print_jobs.print_login_slips_with_passwords``). The student site signs
students in; ``check_student_password`` only proves here that a hash works.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import secrets
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cams_desktop.db.engine import Database
from cams_desktop.db.students import (
    CaseloadAssignment,
    LoginEvent,
    PlanInvitation,
    Student,
)
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.auth import hash_password
from cams_desktop.services.students import visible_student
from cams_desktop.text import fold

log = logging.getLogger(__name__)

# --- new passwords -----------------------------------------------------------
# A password is two made-up words of consonant-vowel syllables and two digits,
# e.g. "bakomute-sinira-47": easy to read aloud in French or English and to
# type on a phone. No look-alikes: no l (1, I), no digit 0 or 1; o and i stay,
# since neither 0 nor 1 nor capitals are used.
CONSONANTS = "bcdfghjkmnprstvz"
VOWELS = "aeiou"
DIGITS = "23456789"
WORD_SYLLABLES = (4, 3)
DIGIT_COUNT = 2
# log2(80^7 × 8^2) ≈ 50.2 bits: out of reach of guessing at the student site.
PASSWORD_BITS = sum(WORD_SYLLABLES) * math.log2(
    len(CONSONANTS) * len(VOWELS)
) + DIGIT_COUNT * math.log2(len(DIGITS))
# Rude words (French or English) that syllables could spell: a slip handed
# to a twelve-year-old must not carry them.
RUDE_WORDS = frozenset({"bite", "caca", "kaka", "nazi", "pute", "suce", "zizi"})
# Name parts shorter than this ("Li", "Bo") are too common inside syllables.
MIN_NAME_PART = 3
# Ids per IN (...) list, well under SQLite's limit on bound parameters.
CHUNK = 500

# Any Argon2 hash verifies: its parameters are written in the hash itself.
_VERIFIER = PasswordHasher()


@dataclass(frozen=True, slots=True)
class NewPassword:
    """A student's new password, in clear: shown once, printed, never stored."""

    student_id: uuid.UUID
    username: str
    name: str
    # Kept out of repr() so that no log line or traceback ever shows it.
    password: str = field(repr=False)


class LoginRecord(NamedTuple):
    """One opening of a student's plan on the planning site."""

    occurred_at: dt.datetime
    source: str


@dataclass(frozen=True, slots=True)
class LoginHistory:
    """How often and when a student opened their plan; events newest first."""

    count: int
    first: dt.datetime | None
    last: dt.datetime | None
    events: list[LoginRecord]


@dataclass(frozen=True, slots=True)
class InviteOthers:
    """Whether chosen students may invite others, and whom they have invited."""

    # True only when every chosen student may.
    allowed: bool
    invitations: int


def _candidate() -> str:
    words = (
        "".join(
            secrets.choice(CONSONANTS) + secrets.choice(VOWELS)
            for _ in range(syllables)
        )
        for syllables in WORD_SYLLABLES
    )
    digits = "".join(secrets.choice(DIGITS) for _ in range(DIGIT_COUNT))
    return "-".join([*words, digits])


def personal_parts(
    first_name: str, last_name: str, username: str, birth_date: dt.date | None
) -> set[str]:
    """Pieces of a student's identity that their password must not contain.

    Every name or username word of MIN_NAME_PART letters or more (accents and
    case ignored) and, of the birth date, the year (2009 and 09), the day,
    the month and both day-month orders.
    """
    words = re.split(r"[^a-z0-9]+", fold(f"{first_name} {last_name} {username}"))
    parts = {word for word in words if len(word) >= MIN_NAME_PART}
    if birth_date is not None:
        year, month, day = (
            f"{birth_date.year:04d}",
            f"{birth_date.month:02d}",
            f"{birth_date.day:02d}",
        )
        parts |= {year, year[2:], month, day, month + day, day + month}
    return parts


def new_password(avoid: Iterable[str] = ()) -> str:
    """A random readable password (PASSWORD_BITS) containing none of ``avoid``.

    ``avoid`` holds lowercase pieces (``personal_parts``): a candidate that
    contains one, or a rude word, with or without its hyphens, is drawn again.
    """
    unwanted = RUDE_WORDS | {part for part in avoid if part}
    while True:
        candidate = _candidate()
        joined = candidate.replace("-", "")
        if not any(part in candidate or part in joined for part in unwanted):
            return candidate


# --- scope -------------------------------------------------------------------


def _in_scope(
    actor: Actor, student_ids: Sequence[uuid.UUID]
) -> list[ColumnElement[bool]]:
    """Conditions on Student: one of ``student_ids`` and visible to ``actor``."""
    conditions: list[ColumnElement[bool]] = [
        Student.id.in_(student_ids),
        Student.school_id == actor.school_id,
        Student.deleted_at.is_(None),
    ]
    if not actor.sees_all_students:
        conditions.append(
            Student.id.in_(
                select(CaseloadAssignment.student_id).where(
                    CaseloadAssignment.staff_id == actor.staff_id,
                    CaseloadAssignment.deleted_at.is_(None),
                )
            )
        )
    return conditions


def _chunks(student_ids: Sequence[uuid.UUID]) -> Iterator[Sequence[uuid.UUID]]:
    """Ids by CHUNK: an administrator may choose a whole school at once."""
    for start in range(0, len(student_ids), CHUNK):
        yield student_ids[start : start + CHUNK]


def _check_found(
    session: Session,
    actor: Actor,
    student_ids: Sequence[uuid.UUID],
    found: Collection[uuid.UUID],
) -> None:
    missing = [student_id for student_id in student_ids if student_id not in found]
    if missing:
        # Raises NotFound with the same message as every other student service.
        visible_student(session, actor, missing[0])


def visible_students(
    session: Session, actor: Actor, student_ids: Sequence[uuid.UUID]
) -> list[Student]:
    """The students in the order of ``student_ids``; NotFound if one is not visible."""
    found: dict[uuid.UUID, Student] = {}
    for chunk in _chunks(student_ids):
        found.update(
            (student.id, student)
            for student in session.scalars(
                select(Student).where(*_in_scope(actor, chunk))
            )
        )
    _check_found(session, actor, student_ids, found)
    return [found[student_id] for student_id in student_ids]


def _unique(student_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(student_ids))


# --- password resets (F-16) --------------------------------------------------


def reset_passwords(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID]
) -> list[NewPassword]:
    """Give each student a new password; return them in clear, this once.

    Only the Argon2id hash is written, all students in one transaction (a
    student out of the actor's scope raises NotFound and nothing changes).
    No password is made of the student's names, username or birth date.
    """
    require(db, actor, Action.RESET_STUDENT_PASSWORD)
    ids = _unique(student_ids)
    with db.read() as session:
        passwords = [
            NewPassword(
                student.id,
                student.username,
                f"{student.first_name} {student.last_name}",
                new_password(
                    personal_parts(
                        student.first_name,
                        student.last_name,
                        student.username,
                        student.birth_date,
                    )
                ),
            )
            for student in visible_students(session, actor, ids)
        ]

    # Hashing takes a moment per student: done before the write transaction.
    hashes = {new.student_id: hash_password(new.password) for new in passwords}
    with db.transaction(actor.staff_id) as session:
        for student in visible_students(session, actor, ids):
            student.password_hash = hashes[student.id]
    log.info(
        "staff %s reset the passwords of %s students", actor.staff_id, len(passwords)
    )
    return passwords


def check_student_password(db: Database, student_username: str, password: str) -> bool:
    """Whether ``password`` is the student's; the student site does the signing in.

    For support and tests: proves that a reset password opens the account.
    """
    with db.read() as session:
        stored = session.scalar(
            select(Student.password_hash).where(
                Student.username_key == student_username.strip().casefold(),
                Student.deleted_at.is_(None),
            )
        )
    if not stored:
        return False
    try:
        return _VERIFIER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# --- login history (F-31) ----------------------------------------------------


def login_history(db: Database, actor: Actor, student_id: uuid.UUID) -> LoginHistory:
    """When and how often the student opened their plan, newest first."""
    require(db, actor, Action.VIEW_LOGIN_HISTORY)
    with db.read() as session:
        visible_student(session, actor, student_id)
        events = [
            LoginRecord(occurred_at, source)
            for occurred_at, source in session.execute(
                select(LoginEvent.occurred_at, LoginEvent.source)
                .where(
                    LoginEvent.student_id == student_id,
                    LoginEvent.deleted_at.is_(None),
                )
                .order_by(LoginEvent.occurred_at.desc(), LoginEvent.id.desc())
            )
        ]
    return LoginHistory(
        count=len(events),
        first=events[-1].occurred_at if events else None,
        last=events[0].occurred_at if events else None,
        events=events,
    )


# --- inviting others (F-35) --------------------------------------------------


def invite_others_state(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID]
) -> InviteOthers:
    """Whether every chosen student may invite others, and their invitations."""
    require(db, actor, Action.TOGGLE_INVITE_OTHERS)
    ids = _unique(student_ids)
    allowed: dict[uuid.UUID, bool] = {}
    invitations = 0
    with db.read() as session:
        # Only two columns: the menu asks this for every selection shown.
        for chunk in _chunks(ids):
            for student_id, may_invite in session.execute(
                select(Student.id, Student.invite_others_allowed).where(
                    *_in_scope(actor, chunk)
                )
            ):
                allowed[student_id] = may_invite
            invitations += (
                session.scalar(
                    select(func.count()).where(
                        PlanInvitation.student_id.in_(chunk),
                        PlanInvitation.deleted_at.is_(None),
                    )
                )
                or 0
            )
        _check_found(session, actor, ids, allowed)
    return InviteOthers(allowed=all(allowed.values()), invitations=invitations)


def set_invite_others(
    db: Database, actor: Actor, student_ids: Iterable[uuid.UUID], allowed: bool
) -> int:
    """Allow or stop the students inviting others; returns how many changed.

    Turning it off keeps the invitations already made (PlanInvitation rows
    stay): the student site stops sharing the plan with those people while
    it is off, and shares again if it is turned back on. Each change is in
    the audit trail.
    """
    require(db, actor, Action.TOGGLE_INVITE_OTHERS)
    changed = 0
    with db.transaction(actor.staff_id) as session:
        for student in visible_students(session, actor, _unique(student_ids)):
            if student.invite_others_allowed != allowed:
                student.invite_others_allowed = allowed
                changed += 1
    log.info(
        "staff %s set inviting others to %s for %s students",
        actor.staff_id,
        allowed,
        changed,
    )
    return changed
