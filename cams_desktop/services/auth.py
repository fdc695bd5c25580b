"""Signing in (F-01), staff passwords (F-02), the usage agreement and the idle lock.

Passwords, staff and school site account alike, are kept only as Argon2id
hashes (parameters at _PARAMETERS below).

Failed attempts slow down, then lock the account (see the constants below).
The counter lives on the staff row, so it survives restarting the program.
A failure never says which of the site account, the username or the password
was wrong, and an unknown username costs the same Argon2 work as a known one,
so that the answer and its timing do not tell whether a username exists.
(An account that is already slowed down or locked does say so: the person
must know when to try again, and only someone who failed several times on
that username can see it.)

The permission matrix rules on staff administration (``access.MATRIX``); on
top of it, an administrator resets or unlocks only staff of a lower level,
except that a program administrator may do it for anyone; nobody does it for
themselves (their own password is changed with ``change_own_password``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import secrets
import uuid
from dataclasses import dataclass
from typing import TypeGuard

from argon2 import Parameters, PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import hash_secret
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import (
    AccessLevel,
    School,
    SchoolSetting,
    Staff,
    UsageAgreement,
)
from cams_desktop.db.tracking import CamsSession
from cams_desktop.formatting import format_datetime
from cams_desktop.i18n import current_language
from cams_desktop.services.access import (
    Action,
    Actor,
    NotFound,
    allowed,
    refuse,
    require,
)
from cams_desktop.services.students import ValidationError
from cams_desktop.text import fold

log = logging.getLogger(__name__)

# --- lockout policy ----------------------------------------------------------
# Consecutive failures that cost nothing: typing mistakes happen.
FREE_FAILURES = 3
# After failure number FREE_FAILURES + 1, + 2, ... the next attempt must wait
# this many seconds (counted from that failure). An attempt made too soon is
# refused with TooSoon and does not count as a failure.
SLOW_DOWN_SECONDS = (5, 10, 20, 40)
# This many consecutive failures lock the account for LOCK_DURATION. Once
# the lock has run out, counting starts again from zero; an administrator
# can unlock it sooner (unlock_staff, or reset_staff_password).
LOCK_AFTER_FAILURES = FREE_FAILURES + len(SLOW_DOWN_SECONDS) + 1
LOCK_DURATION = dt.timedelta(minutes=15)

# --- password rules (password_problem) ---------------------------------------
MIN_PASSWORD_LENGTH = 10
# Argon2 hashes any length, but a megabyte of "password" is not one.
MAX_PASSWORD_LENGTH = 128
# Kinds of characters: lowercase letters, uppercase letters, digits, others
# (spaces, punctuation, symbols). A password mixes at least this many kinds,
# so "correct horse battery" (letters and spaces) passes, "abcdefghijkl" not.
MIN_CHARACTER_KINDS = 2
# "aaaaaaaaa1" has two kinds but barely more than one character.
MIN_DISTINCT_CHARACTERS = 5
# Names shorter than this ("Li", "Ng") are too common inside words to refuse.
MIN_NAME_LENGTH = 3
# The letters (or digits) of the most guessed passwords, French and English:
# "Password123!" and "Azerty2024" are refused, a phrase containing them is not.
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "passw0rd",
        "motdepasse",
        "qwerty",
        "azerty",
        "qwertyuiop",
        "azertyuiop",
        "letmein",
        "welcome",
        "bienvenue",
        "iloveyou",
        "jetaime",
        "bonjour",
        "soleil",
        "admin",
        "administrator",
        "administrateur",
        "secret",
        "changeme",
        "123456",
        "1234567890",
        "0123456789",
        "9876543210",
    }
)

# --- temporary passwords (reset_staff_password) ------------------------------
# Lowercase letters and digits without look-alikes (0/o, 1/l/i): easy to read
# aloud or copy from a screen. 4 groups of 4 from 31 symbols = 79 bits.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_GROUPS = 4
TEMPORARY_GROUP_LENGTH = 4

# --- idle lock ---------------------------------------------------------------
IDLE_LOCK_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15
MAX_IDLE_LOCK_MINUTES = 240

# Argon2id with OWASP's recommended minimum cost (Password Storage Cheat
# Sheet: 19 MiB, 2 passes, 1 lane), about 20 ms here. A sign-in checks two
# passwords, and the tests sign in hundreds of times; argon2-cffi's default
# (RFC 9106 "low memory": 64 MiB, 3 passes) is five times slower. Hashes made
# with other parameters still verify, and are redone at the next sign-in.
_PARAMETERS = Parameters(
    type=Type.ID,
    version=19,
    salt_len=16,
    hash_len=32,
    time_cost=2,
    memory_cost=19 * 1024,
    parallelism=1,
)
_HASHER = PasswordHasher.from_parameters(_PARAMETERS)


# --- errors and results ------------------------------------------------------


class SignInError(Exception):
    """Signing in (or unlocking) failed; the message says what to do."""


class TooSoon(SignInError):
    """Too many failures in a row: the next attempt must wait ``wait_seconds``."""

    def __init__(self, message: str, wait_seconds: int) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class AccountLocked(SignInError):
    """Locked after too many failures until ``until`` (aware, UTC)."""

    def __init__(self, message: str, until: dt.datetime) -> None:
        super().__init__(message)
        self.until = until


class AccountDisabled(SignInError):
    """The staff member was deactivated; only an administrator can help."""


@dataclass(frozen=True)
class Agreement:
    """One edition of the usage agreement (F-01)."""

    edition: str
    text_fr: str
    text_en: str
    published_on: dt.date


@dataclass(frozen=True)
class SignInResult:
    """Who signed in, and what they must do before anything else."""

    actor: Actor
    # A temporary password was used: it must be changed now (F-02).
    must_change_password: bool
    # The agreement edition to show and have accepted, None if already done.
    agreement_to_accept: Agreement | None
    school_name: str


# --- hashing -----------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The Argon2id hash of ``password`` in PHC form (``$argon2id$...``).

    ``salt`` is only for reproducible demo data, whose passwords are public
    anyway; everything else gets a random salt.
    """
    if salt is None:
        return _HASHER.hash(password)
    return hash_secret(
        password.encode("utf-8"),
        salt,
        time_cost=_PARAMETERS.time_cost,
        memory_cost=_PARAMETERS.memory_cost,
        parallelism=_PARAMETERS.parallelism,
        hash_len=_PARAMETERS.hash_len,
        type=Type.ID,
        version=_PARAMETERS.version,
    ).decode("ascii")


@functools.cache
def _stand_in_hash() -> str:
    """A hash nobody knows the password of, verified when there is no real one."""
    return _HASHER.hash(secrets.token_urlsafe(32))


def _verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``, with the same work when missing."""
    try:
        return _HASHER.verify(stored or _stand_in_hash(), password) and bool(stored)
    except (VerificationError, InvalidHashError):
        return False


# --- messages ----------------------------------------------------------------


def _failed_message() -> str:
    return QCoreApplication.translate(
        "Auth",
        "Sign-in failed: check the school's site account, your username and "
        "your password, then try again. If you forgot your password, ask a "
        "program administrator of your school to reset it.",
    )


def _too_soon(wait_seconds: int) -> TooSoon:
    message = QCoreApplication.translate(
        "Auth",
        # The waits are 5 to 40 seconds: always plural, no numerus form needed.
        "Too many failed attempts. Wait {0} seconds, then try again.",
    ).format(wait_seconds)
    return TooSoon(message, wait_seconds)


def _locked(until: dt.datetime, time_zone: str) -> AccountLocked:
    message = QCoreApplication.translate(
        "Auth",
        "This account is locked after too many failed attempts, until {0}. "
        "An administrator of your school can unlock it sooner.",
    ).format(format_datetime(until, current_language(), time_zone, "short"))
    return AccountLocked(message, until)


def _disabled() -> AccountDisabled:
    return AccountDisabled(
        QCoreApplication.translate(
            "Auth",
            "This account is deactivated. Ask a program administrator of your "
            "school to reactivate it.",
        )
    )


def _staff_not_found() -> NotFound:
    return NotFound(
        QCoreApplication.translate(
            "Auth", "This staff member does not exist or was deleted."
        )
    )


# --- the lockout counter -----------------------------------------------------


def _aware(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return utcnow()
    if now.tzinfo is None:
        raise ValueError("naive datetime given as now")
    return now.astimezone(dt.UTC)


def _failures(staff: Staff, now: dt.datetime) -> int:
    """Consecutive failures that still count (a lock that ran out clears them)."""
    if staff.locked_until is not None and staff.locked_until <= now:
        return 0
    return staff.failed_sign_ins


def _pace_error(staff: Staff, time_zone: str, now: dt.datetime) -> SignInError | None:
    """AccountLocked or TooSoon if ``staff`` may not try a password at ``now``."""
    if staff.locked_until is not None and staff.locked_until > now:
        return _locked(staff.locked_until, time_zone)
    failures = _failures(staff, now)
    if failures <= FREE_FAILURES or staff.last_failed_sign_in_at is None:
        return None
    delay = SLOW_DOWN_SECONDS[
        min(failures, LOCK_AFTER_FAILURES - 1) - FREE_FAILURES - 1
    ]
    elapsed = (now - staff.last_failed_sign_in_at).total_seconds()
    if elapsed >= delay:
        return None
    # A clock set back must not make the wait longer than the rule says.
    return _too_soon(min(delay, math.ceil(delay - elapsed)))


def _record_failure(
    session: CamsSession,
    staff: Staff,
    time_zone: str,
    now: dt.datetime,
    where: str | None,
) -> AccountLocked | None:
    """Count one failure (audited); the AccountLocked to raise if it locks."""
    failures = _failures(staff, now) + 1
    staff.failed_sign_ins = failures
    staff.last_failed_sign_in_at = now
    staff.locked_until = None
    session.add(
        AuditEntry(
            occurred_at=now,
            actor_id=session.actor_id,
            table_name=Staff.__tablename__,
            row_id=staff.id,
            action="sign_in_failed",
            field=where,
            new_value=str(failures),
        )
    )
    log.info("failed sign-in %d in a row for staff %s", failures, staff.id)
    if failures < LOCK_AFTER_FAILURES:
        return None
    until = now + LOCK_DURATION
    staff.locked_until = until
    session.add(
        AuditEntry(
            occurred_at=now,
            actor_id=session.actor_id,
            table_name=Staff.__tablename__,
            row_id=staff.id,
            action="locked",
            field="locked_until",
            new_value=until.isoformat(),
        )
    )
    log.warning("staff %s locked until %s", staff.id, until.isoformat())
    return _locked(until, time_zone)


def _clear_failures(staff: Staff) -> None:
    # Only assigned when different, so an unchanged row writes no audit entry.
    if staff.failed_sign_ins:
        staff.failed_sign_ins = 0
    if staff.last_failed_sign_in_at is not None:
        staff.last_failed_sign_in_at = None
    if staff.locked_until is not None:
        staff.locked_until = None


# --- signing in --------------------------------------------------------------


def _time_zone(school: School | None) -> str:
    return school.time_zone if school is not None else "UTC"


def _same_username(school: School | None, site_username: str) -> bool:
    if school is None or not school.site_username:
        return False
    return school.site_username.casefold() == site_username.strip().casefold()


def _agreement(row: UsageAgreement) -> Agreement:
    return Agreement(row.edition, row.text_fr, row.text_en, row.published_on)


def _current_agreement(session: CamsSession) -> Agreement | None:
    row = session.scalars(
        select(UsageAgreement)
        .where(UsageAgreement.deleted_at.is_(None))
        .order_by(UsageAgreement.published_on.desc(), UsageAgreement.edition.desc())
        .limit(1)
    ).first()
    return None if row is None else _agreement(row)


def current_agreement(db: Database) -> Agreement | None:
    """The newest edition of the usage agreement (by publication date), if any."""
    with db.read() as session:
        return _current_agreement(session)


def _signed_in(
    session: CamsSession, staff: Staff, school: School, password: str, now: dt.datetime
) -> SignInResult:
    """Record a successful sign-in and say what comes first."""
    # The staff member's own changes from here on.
    session.info["actor_id"] = staff.id
    _clear_failures(staff)
    staff.last_sign_in_at = now
    if staff.password_hash and _HASHER.check_needs_rehash(staff.password_hash):
        staff.password_hash = hash_password(password)
    agreement = _current_agreement(session)
    if agreement is not None and staff.agreement_edition == agreement.edition:
        agreement = None
    log.info("staff %s signed in", staff.id)
    return SignInResult(
        actor=Actor(staff.id, staff.school_id, staff.access_level, staff.display_name),
        must_change_password=staff.must_change_password,
        agreement_to_accept=agreement,
        school_name=school.name,
    )


def sign_in(
    db: Database,
    site_username: str,
    site_password: str,
    username: str,
    password: str,
    *,
    now: dt.datetime | None = None,
) -> SignInResult:
    """Check the school site's account and the staff member's own password.

    Raises SignInError (wrong site account, username or password, all alike),
    TooSoon, AccountLocked or AccountDisabled. Every failure of an existing
    account counts toward its lockout, whichever part was wrong.
    """
    now = _aware(now)
    key = username.strip().casefold()
    error: SignInError | None = None
    result: SignInResult | None = None
    with db.transaction(None) as session:
        staff = (
            session.scalars(
                select(Staff).where(
                    Staff.username_key == key, Staff.deleted_at.is_(None)
                )
            ).first()
            if key
            else None
        )
        school = session.get(School, staff.school_id) if staff is not None else None
        time_zone = _time_zone(school)
        if staff is not None:
            error = _pace_error(staff, time_zone, now)
        if error is None:
            # Both checks always run (no short cut), so that every failure
            # takes the same Argon2 work.
            site_matches = _verify(
                school.site_password_hash if school is not None else None,
                site_password,
            ) and _same_username(school, site_username)
            user_matches = _verify(
                staff.password_hash if staff is not None else None, password
            )
            if staff is None or school is None:
                log.info("failed sign-in with an unknown username")
                error = SignInError(_failed_message())
            elif not (site_matches and user_matches):
                error = _record_failure(
                    session, staff, time_zone, now, None
                ) or SignInError(_failed_message())
            elif not staff.is_active:
                log.info("sign-in refused to deactivated staff %s", staff.id)
                error = _disabled()
            else:
                result = _signed_in(session, staff, school, password, now)
    # Raised after the transaction, so that the failure's record is kept.
    if error is not None:
        raise error
    assert result is not None
    return result


def accept_agreement(
    db: Database, actor: Actor, edition: str, *, now: dt.datetime | None = None
) -> None:
    """Record that ``actor`` accepted ``edition`` of the usage agreement, and when."""
    now = _aware(now)
    with db.transaction(actor.staff_id) as session:
        exists = session.scalar(
            select(UsageAgreement.id).where(
                UsageAgreement.edition == edition, UsageAgreement.deleted_at.is_(None)
            )
        )
        staff = session.get(Staff, actor.staff_id)
        if exists is None or staff is None:
            raise NotFound(
                QCoreApplication.translate(
                    "Auth", "This edition of the usage agreement does not exist."
                )
            )
        # The tracking hook audits both fields: the record of acceptance.
        staff.agreement_edition = edition
        staff.agreement_accepted_at = now
    log.info("staff %s accepted usage agreement %s", actor.staff_id, edition)


# --- the signed-in staff member's own password -------------------------------


def _own_password_matches(
    db: Database, actor: Actor, password: str, now: dt.datetime, where: str
) -> bool:
    """Check the signed-in actor's password, counting failures like sign_in.

    Raises TooSoon, AccountLocked or AccountDisabled as sign_in does.
    """
    error: SignInError | None = None
    matches = False
    with db.transaction(actor.staff_id) as session:
        staff = session.get(Staff, actor.staff_id)
        if staff is None or staff.deleted_at is not None or not staff.is_active:
            error = _disabled()
        else:
            time_zone = _time_zone(session.get(School, staff.school_id))
            error = _pace_error(staff, time_zone, now)
            if error is None:
                matches = _verify(staff.password_hash, password)
                if matches:
                    _clear_failures(staff)
                else:
                    error = _record_failure(session, staff, time_zone, now, where)
    # Raised after the transaction, so that the failure's record is kept.
    if error is not None:
        raise error
    return matches


def verify_password(
    db: Database, actor: Actor, password: str, *, now: dt.datetime | None = None
) -> bool:
    """Whether ``password`` is the actor's, to unlock a session locked when idle.

    A wrong password counts toward the lockout like a failed sign-in; raises
    TooSoon, AccountLocked or AccountDisabled as sign_in does (the session
    should then go back to the sign-in screen).
    """
    return _own_password_matches(db, actor, password, _aware(now), "session_unlock")


def _character_kinds(password: str) -> int:
    kinds = set()
    for ch in password:
        if ch.isdigit():
            kinds.add("digit")
        elif ch.isupper():
            kinds.add("upper")
        elif ch.isalpha():
            # Letters without case (most scripts) count with lowercase.
            kinds.add("lower")
        else:
            kinds.add("other")
    return len(kinds)


def password_problem(password: str, *names: str) -> str | None:
    """What makes ``password`` too weak for a staff account, or None.

    The rules: at least MIN_PASSWORD_LENGTH characters (and at most
    MAX_PASSWORD_LENGTH); at least MIN_CHARACTER_KINDS kinds of characters
    among lowercase letters, uppercase letters, digits and others (spaces,
    punctuation); at least MIN_DISTINCT_CHARACTERS different characters; not
    containing any of ``names`` (the username, first and last names: accents,
    case and punctuation ignored); not a common password with digits or
    symbols added ("Password123!").
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate(
            "Auth", "The password must have at least {0} characters."
        ).format(MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return QCoreApplication.translate(
            "Auth", "The password must have at most {0} characters."
        ).format(MAX_PASSWORD_LENGTH)
    if password != password.strip():
        return QCoreApplication.translate(
            "Auth", "The password must not begin or end with a space."
        )
    if (
        _character_kinds(password) < MIN_CHARACTER_KINDS
        or len(set(password)) < MIN_DISTINCT_CHARACTERS
    ):
        return QCoreApplication.translate(
            "Auth",
            "The password is too simple: mix letters with digits, capitals, "
            "spaces or punctuation, or use a few words.",
        )
    letters = "".join(ch for ch in fold(password) if ch.isalnum())
    for name in names:
        folded = "".join(ch for ch in fold(name) if ch.isalnum())
        if len(folded) >= MIN_NAME_LENGTH and folded in letters:
            return QCoreApplication.translate(
                "Auth", "The password must not contain your name or username."
            )
    alphabetic = "".join(ch for ch in letters if ch.isalpha())
    if letters in COMMON_PASSWORDS or alphabetic in COMMON_PASSWORDS:
        return QCoreApplication.translate(
            "Auth", "This password is one of the first that anyone would try."
        )
    return None


def change_own_password(
    db: Database,
    actor: Actor,
    old_password: str,
    new_password: str,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Replace the actor's password; clears must_change_password.

    Raises ValidationError with "new_password" (too weak, or the same as the
    old one) or "old_password" (not right; that counts toward the lockout
    like a failed sign-in, so TooSoon and AccountLocked may come too).
    """
    now = _aware(now)
    require(db, actor, Action.EDIT_OWN_PROFILE)
    with db.read() as session:
        staff = session.get(Staff, actor.staff_id)
        if staff is None:
            raise _staff_not_found()
        names = (staff.username, staff.first_name, staff.last_name)
    problem = password_problem(new_password, *names)
    if problem is None and new_password == old_password:
        problem = QCoreApplication.translate(
            "Auth", "The new password must be different from the current one."
        )
    if problem is not None:
        raise ValidationError({"new_password": problem})
    if not _own_password_matches(db, actor, old_password, now, "password_change"):
        raise ValidationError(
            {
                "old_password": QCoreApplication.translate(
                    "Auth", "The current password is not right."
                )
            }
        )
    new_hash = hash_password(new_password)
    with db.transaction(actor.staff_id) as session:
        staff = session.get_one(Staff, actor.staff_id)
        staff.password_hash = new_hash
        staff.must_change_password = False
    log.info("staff %s changed their password", actor.staff_id)


# --- staff administration ----------------------------------------------------


def _outranks(actor: Actor, staff_id: uuid.UUID, level: AccessLevel) -> bool:
    """Whether ``actor`` may reset or unlock the staff member ``staff_id``."""
    if staff_id == actor.staff_id:
        return False
    if actor.access_level is AccessLevel.PROGRAM_ADMIN:
        return True
    # Level 1 has the most rights: a lower level has a larger number.
    return level > actor.access_level


def _target_level(db: Database, actor: Actor, staff_id: uuid.UUID) -> AccessLevel:
    with db.read() as session:
        staff = session.get(Staff, staff_id)
    if staff is None or staff.deleted_at is not None:
        raise _staff_not_found()
    if staff.school_id != actor.school_id:
        raise _staff_not_found()
    return staff.access_level


def _check_administration(
    db: Database, actor: Actor, action: Action, staff_id: uuid.UUID
) -> None:
    """Refuse (audited) unless ``actor`` may do ``action`` to ``staff_id``."""
    if not allowed(actor, action):
        refuse(db, actor, action.value, staff_id)
    level = _target_level(db, actor, staff_id)
    if not _outranks(actor, staff_id, level):
        refuse(db, actor, action.value, staff_id)


def _new_temporary_password() -> str:
    groups = (
        "".join(
            secrets.choice(TEMPORARY_ALPHABET) for _ in range(TEMPORARY_GROUP_LENGTH)
        )
        for _ in range(TEMPORARY_GROUPS)
    )
    return "-".join(groups)


def reset_staff_password(db: Database, actor: Actor, staff_id: uuid.UUID) -> str:
    """Give a staff member a temporary password, returned here and only here.

    The password works until they sign in with it and choose their own (F-02);
    the account is unlocked too.
    """
    _check_administration(db, actor, Action.RESET_STAFF_PASSWORD, staff_id)
    temporary = _new_temporary_password()
    new_hash = hash_password(temporary)
    with db.transaction(actor.staff_id) as session:
        staff = session.get_one(Staff, staff_id)
        staff.password_hash = new_hash
        staff.must_change_password = True
        _clear_failures(staff)
    log.info("staff %s reset the password of staff %s", actor.staff_id, staff_id)
    return temporary


def unlock_staff(db: Database, actor: Actor, staff_id: uuid.UUID) -> None:
    """Lift a lockout (and the slow-down) before it runs out."""
    _check_administration(db, actor, Action.MANAGE_STAFF, staff_id)
    with db.transaction(actor.staff_id) as session:
        staff = session.get_one(Staff, staff_id)
        if staff.locked_until is not None:
            session.add(
                AuditEntry(
                    actor_id=actor.staff_id,
                    table_name=Staff.__tablename__,
                    row_id=staff.id,
                    action="unlocked",
                    field="locked_until",
                    old_value=staff.locked_until.isoformat(),
                )
            )
        _clear_failures(staff)
    log.info("staff %s unlocked staff %s", actor.staff_id, staff_id)


# --- school settings ---------------------------------------------------------


def set_site_account(db: Database, actor: Actor, username: str, password: str) -> None:
    """Set the school site's account asked at every sign-in (F-01).

    Raises ValidationError with "site_username" or "site_password".
    """
    require(db, actor, Action.EDIT_SITE_SETTINGS)
    username = username.strip()
    errors: dict[str, str] = {}
    if not username:
        errors["site_username"] = QCoreApplication.translate(
            "Auth", "Enter the username of the school's site account."
        )
    elif len(username) > 64 or any(not ch.isprintable() for ch in username):
        errors["site_username"] = QCoreApplication.translate(
            "Auth",
            "The site account's username must have at most 64 characters, "
            "without control characters.",
        )
    # The site account is shared by the whole school and chosen on the
    # planning site: only the general rules apply, not the names rule.
    problem = password_problem(password)
    if problem is not None:
        errors["site_password"] = problem
    if errors:
        raise ValidationError(errors)
    new_hash = hash_password(password)
    with db.transaction(actor.staff_id) as session:
        school = session.get_one(School, actor.school_id)
        school.site_username = username
        school.site_password_hash = new_hash
    log.info(
        "staff %s changed the site account of school %s",
        actor.staff_id,
        actor.school_id,
    )


def _idle_setting(session: CamsSession, school_id: uuid.UUID) -> SchoolSetting | None:
    return session.scalars(
        select(SchoolSetting).where(
            SchoolSetting.school_id == school_id,
            SchoolSetting.key == IDLE_LOCK_SETTING,
            SchoolSetting.deleted_at.is_(None),
        )
    ).first()


def _valid_minutes(value: object) -> TypeGuard[int]:
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and 0 <= value <= MAX_IDLE_LOCK_MINUTES
    )


def idle_lock_minutes(db: Database, actor: Actor) -> int:
    """Minutes without input after which the session locks; 0 means never."""
    with db.read() as session:
        setting = _idle_setting(session, actor.school_id)
        value = None if setting is None else setting.value
    # A value from elsewhere (a sync, an import) that makes no sense is ignored.
    return value if _valid_minutes(value) else DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(db: Database, actor: Actor, minutes: int) -> None:
    """Set the school's idle lock, 0 (never) to MAX_IDLE_LOCK_MINUTES."""
    require(db, actor, Action.EDIT_SITE_SETTINGS)
    if not _valid_minutes(minutes):
        raise ValidationError(
            {
                IDLE_LOCK_SETTING: QCoreApplication.translate(
                    "Auth",
                    "The idle lock must be between 0 (never) and {0} minutes.",
                ).format(MAX_IDLE_LOCK_MINUTES)
            }
        )
    with db.transaction(actor.staff_id) as session:
        setting = _idle_setting(session, actor.school_id)
        if setting is None:
            session.add(
                SchoolSetting(
                    school_id=actor.school_id, key=IDLE_LOCK_SETTING, value=minutes
                )
            )
        elif setting.value != minutes:
            setting.value = minutes
