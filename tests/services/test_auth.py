"""Signing in, lockout, password resets, the usage agreement and the idle lock."""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import (
    AccessLevel,
    School,
    SchoolSetting,
    Staff,
    UsageAgreement,
)
from cams_desktop.db.tracking import SECRET_SHOWN
from cams_desktop.services import auth
from cams_desktop.services.access import NotFound, PermissionDenied, actor_for
from cams_desktop.services.auth import (
    AccountDisabled,
    AccountLocked,
    SignInError,
    TooSoon,
)
from cams_desktop.services.students import ValidationError

pytestmark = pytest.mark.unit

NOW = dt.datetime(2027, 1, 11, 14, 30, tzinfo=dt.UTC)
SITE = ("lac", "Site du Lac 2027")
EDITION = "2026-1"


def password_of(username: str) -> str:
    return f"Mot de passe {username} 42"


@functools.cache
def stored_hash(password: str) -> str:
    """Hashed once per test run: Argon2 is slow on purpose."""
    return auth.hash_password(password)


def at(seconds: float) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


@pytest.fixture
def school(tiny_school):
    """The tiny school with a site account, passwords, an agreement and a
    second program administrator ("adjointe")."""
    db = tiny_school.db
    with db.transaction(None) as session:
        row = session.get_one(School, tiny_school.school_id)
        row.site_username = SITE[0]
        row.site_password_hash = stored_hash(SITE[1])
        session.add(
            Staff(
                school_id=tiny_school.school_id,
                username="adjointe",
                username_key="adjointe",
                first_name="Anne",
                last_name="Poirier",
                access_level=AccessLevel.PROGRAM_ADMIN,
            )
        )
        session.flush()
        for staff in session.scalars(select(Staff)):
            staff.password_hash = stored_hash(password_of(staff.username))
        session.add(
            UsageAgreement(
                edition=EDITION,
                text_fr="Je protège les renseignements des élèves.",
                text_en="I protect students' information.",
                published_on=dt.date(2026, 8, 15),
            )
        )
    tiny_school.second_admin = actor_for(db, "adjointe")
    return tiny_school


def sign_in(school, username: str, password: str | None = None, when=NOW, site=SITE):
    return auth.sign_in(
        school.db,
        site[0],
        site[1],
        username,
        password_of(username) if password is None else password,
        now=when,
    )


def staff_row(school, username: str) -> Staff:
    with school.db.read() as session:
        return session.scalars(select(Staff).where(Staff.username == username)).one()


def audit(school, action: str) -> list[AuditEntry]:
    with school.db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.occurred_at)
            )
        )


def fail(school, username: str, when: dt.datetime) -> SignInError:
    with pytest.raises(SignInError) as caught:
        sign_in(school, username, "not the password", when)
    return caught.value


# -- hashing -------------------------------------------------------------------


def test_hashes_are_salted_argon2id_never_the_password():
    first = auth.hash_password("Un mot de passe 1")
    second = auth.hash_password("Un mot de passe 1")
    assert first.startswith("$argon2id$")
    assert "Un mot de passe 1" not in first
    assert first != second
    PasswordHasher().verify(first, "Un mot de passe 1")
    salt = b"0123456789abcdef"
    assert auth.hash_password("x", salt=salt) == auth.hash_password("x", salt=salt)


# -- signing in ----------------------------------------------------------------


def test_sign_in_gives_the_actor_and_what_to_do_first(school):
    result = sign_in(school, "conseiller")
    assert result.actor == school.counsellor
    assert result.must_change_password is False
    assert result.school_name == "École secondaire du Lac"
    assert result.agreement_to_accept == auth.Agreement(
        EDITION,
        "Je protège les renseignements des élèves.",
        "I protect students' information.",
        dt.date(2026, 8, 15),
    )
    assert staff_row(school, "conseiller").last_sign_in_at == NOW


def test_usernames_ignore_case_and_surrounding_spaces(school):
    result = auth.sign_in(
        school.db,
        " LAC ",
        SITE[1],
        " Conseiller ",
        password_of("conseiller"),
        now=NOW,
    )
    assert result.actor == school.counsellor


def test_every_wrong_part_gives_the_same_message(school):
    attempts = [
        ("conseiller", "wrong password", SITE),
        ("conseiller", None, (SITE[0], "wrong site password")),
        ("conseiller", None, ("other-site", SITE[1])),
        ("nobody", None, SITE),
        ("", None, SITE),
    ]
    messages = set()
    for username, password, site in attempts:
        with pytest.raises(SignInError) as caught:
            sign_in(school, username, password, NOW, site)
        assert type(caught.value) is SignInError
        messages.add(str(caught.value))
    assert len(messages) == 1
    assert "program administrator" in messages.pop()


def test_unknown_username_costs_the_same_argon2_work(school, monkeypatch):
    verified: list[str] = []
    real = auth._HASHER

    class Counting:
        def verify(self, stored: str, password: str) -> bool:
            verified.append(stored)
            return real.verify(stored, password)

        def check_needs_rehash(self, stored: str) -> bool:
            return real.check_needs_rehash(stored)

        def hash(self, password: str) -> str:
            return real.hash(password)

    monkeypatch.setattr(auth, "_HASHER", Counting())
    fail(school, "nobody", NOW)
    unknown = len(verified)
    verified.clear()
    fail(school, "conseiller", NOW)
    assert unknown == len(verified) == 2
    verified.clear()
    with pytest.raises(SignInError):
        sign_in(school, "enseignant", site=("other-site", SITE[1]))
    assert len(verified) == 2


def test_slow_down_then_lock_after_eight_failures(school):
    # Three free failures, and the fourth: no waiting between them.
    for _ in range(4):
        assert type(fail(school, "enseignant", NOW)) is SignInError
    clock = 0.0
    for delay in (5, 10, 20, 40):
        # Too soon: refused with the wait, even with the right password,
        # and not counted.
        with pytest.raises(TooSoon) as caught:
            sign_in(school, "enseignant", when=at(clock))
        assert caught.value.wait_seconds == delay
        assert str(delay) in str(caught.value)
        with pytest.raises(TooSoon) as caught:
            sign_in(school, "enseignant", "not the password", at(clock + delay - 1))
        assert caught.value.wait_seconds == 1
        clock += delay
        error = fail(school, "enseignant", at(clock))
    assert isinstance(error, AccountLocked)
    assert error.until == at(clock) + dt.timedelta(minutes=15)
    assert error.until.tzinfo is not None
    row = staff_row(school, "enseignant")
    assert row.failed_sign_ins == 8
    assert row.locked_until == error.until
    teacher = school.teacher.staff_id
    assert [e.row_id for e in audit(school, "sign_in_failed")] == [teacher] * 8
    assert [(e.row_id, e.new_value) for e in audit(school, "locked")] == [
        (teacher, error.until.isoformat())
    ]


def lock(school, username: str) -> dt.datetime:
    """Fail eight times as fast as allowed; the moment the lock ends."""
    clock = 0.0
    for failure in range(8):
        if failure >= 4:
            clock += (5, 10, 20, 40)[failure - 4]
        error = fail(school, username, at(clock))
    assert isinstance(error, AccountLocked)
    return error.until


def test_locked_account_refuses_the_right_password_until_the_end(school):
    until = lock(school, "enseignant")
    with pytest.raises(AccountLocked) as caught:
        sign_in(school, "enseignant", when=until - dt.timedelta(seconds=1))
    assert caught.value.until == until
    assert len(audit(school, "sign_in_failed")) == 8
    result = sign_in(school, "enseignant", when=until)
    assert result.actor == school.teacher
    row = staff_row(school, "enseignant")
    assert (row.failed_sign_ins, row.locked_until, row.last_failed_sign_in_at) == (
        0,
        None,
        None,
    )


def test_counting_starts_again_when_a_lock_runs_out(school):
    until = lock(school, "enseignant")
    for _ in range(4):
        assert type(fail(school, "enseignant", until)) is SignInError
    with pytest.raises(TooSoon):
        sign_in(school, "enseignant", when=until)


def test_success_resets_the_count(school):
    for _ in range(3):
        fail(school, "enseignant", NOW)
    sign_in(school, "enseignant")
    for _ in range(4):
        assert type(fail(school, "enseignant", NOW)) is SignInError
    assert staff_row(school, "enseignant").failed_sign_ins == 4


def test_an_administrator_unlocks(school):
    lock(school, "enseignant")
    auth.unlock_staff(school.db, school.counsellor, school.teacher.staff_id)
    assert sign_in(school, "enseignant", when=at(80)).actor == school.teacher
    [entry] = audit(school, "unlocked")
    assert (entry.actor_id, entry.row_id) == (
        school.counsellor.staff_id,
        school.teacher.staff_id,
    )


def test_deactivated_staff_is_told_whom_to_ask(school):
    with school.db.transaction(None) as session:
        session.get_one(Staff, school.teacher.staff_id).is_active = False
    with pytest.raises(AccountDisabled) as caught:
        sign_in(school, "enseignant")
    assert "program administrator of your school" in str(caught.value)
    # A wrong password does not tell that the account is deactivated.
    assert type(fail(school, "enseignant", NOW)) is SignInError


def test_staff_without_password_or_school_without_site_account_cannot_sign_in(
    school,
):
    with school.db.transaction(None) as session:
        session.get_one(Staff, school.office.staff_id).password_hash = None
    assert type(fail(school, "secretariat", NOW)) is SignInError
    with pytest.raises(SignInError):
        sign_in(school, "secretariat", "")
    with school.db.transaction(None) as session:
        session.get_one(School, school.school_id).site_password_hash = None
    with pytest.raises(SignInError):
        sign_in(school, "conseiller")


def test_old_parameters_are_rehashed_at_sign_in(school):
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    with school.db.transaction(None) as session:
        staff = session.get_one(Staff, school.office.staff_id)
        staff.password_hash = weak.hash(password_of("secretariat"))
    sign_in(school, "secretariat")
    stored = staff_row(school, "secretariat").password_hash
    assert stored is not None and not auth._HASHER.check_needs_rehash(stored)
    assert sign_in(school, "secretariat").actor == school.office


def test_naive_time_is_refused(school):
    with pytest.raises(ValueError):
        sign_in(school, "conseiller", when=dt.datetime(2027, 1, 1))


# -- resetting a password (F-02) -----------------------------------------------

TEMPORARY = re.compile(r"^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$")


def test_reset_gives_a_temporary_password_to_change_at_once(school):
    lock(school, "enseignant")
    temporary = auth.reset_staff_password(
        school.db, school.counsellor, school.teacher.staff_id
    )
    assert TEMPORARY.match(temporary)
    assert (
        auth.reset_staff_password(school.db, school.counsellor, school.teacher.staff_id)
        != temporary
    )
    temporary = auth.reset_staff_password(
        school.db, school.counsellor, school.teacher.staff_id
    )
    # The reset also unlocked the account; the old password no longer works.
    assert type(fail(school, "enseignant", at(90))) is SignInError
    with pytest.raises(SignInError):
        sign_in(school, "enseignant", when=at(90))
    result = sign_in(school, "enseignant", temporary, at(90))
    assert result.must_change_password is True
    auth.change_own_password(
        school.db, school.teacher, temporary, "Une phrase bien à moi", now=at(91)
    )
    again = sign_in(school, "enseignant", "Une phrase bien à moi", at(92))
    assert again.must_change_password is False
    with pytest.raises(SignInError):
        sign_in(school, "enseignant", temporary, at(93))


def refusals(school) -> list[tuple[uuid.UUID | None, str | None, uuid.UUID]]:
    return [(e.actor_id, e.field, e.row_id) for e in audit(school, "denied")]


USERNAMES = {
    "admin": "admin",
    "second_admin": "adjointe",
    "counsellor": "conseiller",
    "other_counsellor": "conseillere",
    "teacher": "enseignant",
    "office": "secretariat",
}


# (actor, target) pairs, as attributes of the school fixture.
REFUSED = [
    ("counsellor", "admin"),  # a school admin and a program admin
    ("counsellor", "other_counsellor"),  # two school admins
    ("counsellor", "counsellor"),  # oneself
    ("admin", "admin"),  # oneself, even a program admin
    ("teacher", "office"),  # teachers administer nobody (the matrix)
    ("office", "office"),
]
ALLOWED = [
    ("counsellor", "teacher"),
    ("counsellor", "office"),
    ("admin", "counsellor"),
    ("admin", "second_admin"),  # program admins reset anyone but themselves
    ("second_admin", "admin"),
]


def test_reset_and_unlock_refusals_are_audited(school):
    expected = []
    for actor, target in REFUSED:
        by, of = getattr(school, actor), getattr(school, target)
        with pytest.raises(PermissionDenied):
            auth.reset_staff_password(school.db, by, of.staff_id)
        with pytest.raises(PermissionDenied):
            auth.unlock_staff(school.db, by, of.staff_id)
        expected += [
            (by.staff_id, "reset_staff_password", of.staff_id),
            (by.staff_id, "manage_staff", of.staff_id),
        ]
    assert refusals(school) == expected
    for username in USERNAMES.values():
        row = staff_row(school, username)
        assert row.password_hash == stored_hash(password_of(username))
        assert row.must_change_password is False


def test_reset_allowed_on_lower_levels_and_between_program_admins(school):
    for actor, target in ALLOWED:
        by, of = getattr(school, actor), getattr(school, target)
        temporary = auth.reset_staff_password(school.db, by, of.staff_id)
        auth.unlock_staff(school.db, by, of.staff_id)
        assert sign_in(school, USERNAMES[target], temporary).must_change_password
    assert refusals(school) == []


def test_reset_of_unknown_staff_is_not_found(school):
    with pytest.raises(NotFound):
        auth.reset_staff_password(school.db, school.admin, uuid.uuid4())
    with pytest.raises(NotFound):
        auth.unlock_staff(school.db, school.admin, uuid.uuid4())


# -- the usage agreement -------------------------------------------------------


def test_agreement_asked_until_accepted_and_again_for_a_new_edition(school):
    first = sign_in(school, "conseiller").agreement_to_accept
    assert first is not None and first.edition == EDITION
    auth.accept_agreement(school.db, school.counsellor, EDITION, now=NOW)
    row = staff_row(school, "conseiller")
    assert (row.agreement_edition, row.agreement_accepted_at) == (EDITION, NOW)
    recorded = {
        (e.field, e.new_value)
        for e in audit(school, "update")
        if e.row_id == school.counsellor.staff_id
    }
    assert ("agreement_edition", EDITION) in recorded
    assert sign_in(school, "conseiller", when=at(60)).agreement_to_accept is None
    # Others still have to accept it.
    assert sign_in(school, "enseignant").agreement_to_accept == first

    with school.db.transaction(None) as session:
        session.add(
            UsageAgreement(
                edition="2027-1",
                text_fr="Nouvelle édition.",
                text_en="New edition.",
                published_on=dt.date(2027, 1, 4),
            )
        )
        # Published before the current one: never the one to accept.
        session.add(
            UsageAgreement(
                edition="2025-9",
                text_fr="Ancienne.",
                text_en="Old.",
                published_on=dt.date(2025, 9, 1),
            )
        )
    newest = auth.current_agreement(school.db)
    assert newest is not None and newest.edition == "2027-1"
    assert sign_in(school, "conseiller", when=at(120)).agreement_to_accept == newest
    auth.accept_agreement(school.db, school.counsellor, "2027-1", now=at(121))
    assert sign_in(school, "conseiller", when=at(180)).agreement_to_accept is None


def test_unknown_agreement_edition_is_not_found(school):
    with pytest.raises(NotFound):
        auth.accept_agreement(school.db, school.counsellor, "1999-1", now=NOW)


def test_no_agreement_published_asks_nothing(tiny_school):
    assert auth.current_agreement(tiny_school.db) is None


# -- one's own password --------------------------------------------------------


def test_change_own_password_checks_the_old_one_and_counts_failures(school):
    with pytest.raises(ValidationError) as caught:
        auth.change_own_password(
            school.db, school.teacher, "pas le bon", "Une phrase bien à moi", now=NOW
        )
    assert list(caught.value.errors) == ["old_password"]
    assert staff_row(school, "enseignant").failed_sign_ins == 1
    assert [e.field for e in audit(school, "sign_in_failed")] == ["password_change"]
    # The old password still works.
    assert sign_in(school, "enseignant", when=at(1)).actor == school.teacher


WEAK = [
    "Court 1",  # too short
    "abcdefghijklmno",  # one kind of characters
    "aaaaaaaaa1",  # almost one character
    "Enseignant 2027",  # the username
    "Paul-Côté 2027!",  # the names, accents ignored
    "Password123!",  # a common password with digits
    " Espace au début 1",
    "Mot de passe enseignant 42",  # the old password (and the username)
]


def test_weak_new_passwords_are_refused_without_counting(school):
    for new in WEAK:
        with pytest.raises(ValidationError) as caught:
            auth.change_own_password(
                school.db, school.teacher, password_of("enseignant"), new, now=NOW
            )
        assert list(caught.value.errors) == ["new_password"], new
    row = staff_row(school, "enseignant")
    assert row.failed_sign_ins == 0
    assert row.password_hash == stored_hash(password_of("enseignant"))


def test_new_password_same_as_old_is_refused(school):
    with school.db.transaction(None) as session:
        staff = session.get_one(Staff, school.teacher.staff_id)
        staff.password_hash = stored_hash("Une phrase bien à moi")
    with pytest.raises(ValidationError) as caught:
        auth.change_own_password(
            school.db,
            school.teacher,
            "Une phrase bien à moi",
            "Une phrase bien à moi",
            now=NOW,
        )
    assert "different" in caught.value.errors["new_password"]


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Une phrase bien à moi", False),
        ("correct horse battery", False),
        ("K7#pq2zW9x", False),
        ("1234567890", True),
        ("ABCDEFGHIJKL", True),
        ("x" * 129 + "A1", True),
        ("Azerty2024!", True),
        ("Motdepasse 2027", True),
    ],
)
def test_password_rules(password, problem):
    assert (auth.password_problem(password, "gagnon", "Li") is not None) is problem


def test_names_shorter_than_three_letters_are_not_refused():
    assert auth.password_problem("Lina va au lac 7", "Li") is None
    assert auth.password_problem("Madame Gagnon 77", "Hélène", "Gagnon") is not None


# -- unlocking an idle-locked session ------------------------------------------


def test_verify_password_counts_failures_toward_the_lockout(school):
    db, teacher = school.db, school.teacher
    assert auth.verify_password(db, teacher, password_of("enseignant"), now=NOW)
    for _ in range(4):
        assert not auth.verify_password(db, teacher, "pas le bon", now=NOW)
    with pytest.raises(TooSoon) as caught:
        auth.verify_password(db, teacher, password_of("enseignant"), now=at(1))
    assert caught.value.wait_seconds == 4
    clock = 0.0
    for delay in (5, 10, 20):
        clock += delay
        assert not auth.verify_password(db, teacher, "pas le bon", now=at(clock))
    clock += 40
    with pytest.raises(AccountLocked) as locked:
        auth.verify_password(db, teacher, "pas le bon", now=at(clock))
    assert locked.value.until == at(clock) + dt.timedelta(minutes=15)
    assert [e.field for e in audit(school, "sign_in_failed")] == (
        ["session_unlock"] * 8
    )
    # Signing in is locked too.
    with pytest.raises(AccountLocked):
        sign_in(school, "enseignant", when=at(clock + 1))


def test_verify_password_success_clears_the_count(school):
    for _ in range(3):
        auth.verify_password(school.db, school.teacher, "pas le bon", now=NOW)
    assert auth.verify_password(
        school.db, school.teacher, password_of("enseignant"), now=NOW
    )
    assert staff_row(school, "enseignant").failed_sign_ins == 0


def test_verify_password_of_a_deactivated_account(school):
    with school.db.transaction(None) as session:
        session.get_one(Staff, school.teacher.staff_id).is_active = False
    with pytest.raises(AccountDisabled):
        auth.verify_password(school.db, school.teacher, password_of("enseignant"))


# -- school settings -----------------------------------------------------------


def test_idle_lock_minutes_default_set_and_validated(school):
    db = school.db
    assert auth.idle_lock_minutes(db, school.teacher) == 15
    auth.set_idle_lock_minutes(db, school.admin, 30)
    assert auth.idle_lock_minutes(db, school.teacher) == 30
    auth.set_idle_lock_minutes(db, school.admin, 0)
    assert auth.idle_lock_minutes(db, school.office) == 0
    auth.set_idle_lock_minutes(db, school.admin, 240)
    for wrong in (-1, 241, True, 1.5):
        with pytest.raises(ValidationError) as caught:
            auth.set_idle_lock_minutes(db, school.admin, wrong)  # type: ignore[arg-type]
        assert list(caught.value.errors) == ["idle_lock_minutes"]
    with pytest.raises(PermissionDenied):
        auth.set_idle_lock_minutes(db, school.counsellor, 5)
    assert auth.idle_lock_minutes(db, school.admin) == 240
    with db.read() as session:
        settings = session.scalars(
            select(SchoolSetting).where(SchoolSetting.key == "idle_lock_minutes")
        ).all()
    assert len(settings) == 1


def test_idle_lock_minutes_ignores_nonsense_stored_elsewhere(school):
    with school.db.transaction(None) as session:
        session.add(
            SchoolSetting(
                school_id=school.school_id, key="idle_lock_minutes", value="soon"
            )
        )
    assert auth.idle_lock_minutes(school.db, school.teacher) == 15


def test_site_account_is_set_by_program_administrators(school):
    auth.set_site_account(school.db, school.admin, " ecole-lac ", "Nouveau site 2027")
    assert sign_in(school, "conseiller", site=("ecole-lac", "Nouveau site 2027"))
    with pytest.raises(SignInError):
        sign_in(school, "conseiller", when=at(1))
    with pytest.raises(PermissionDenied):
        auth.set_site_account(school.db, school.counsellor, "x", "Nouveau site 2027")
    with pytest.raises(ValidationError) as caught:
        auth.set_site_account(school.db, school.admin, "  ", "court")
    assert set(caught.value.errors) == {"site_username", "site_password"}


# -- the audit trail keeps no secret -------------------------------------------


def test_audit_trail_never_holds_a_password_or_its_hash(school):
    db = school.db
    auth.set_site_account(db, school.admin, "ecole-lac", "Nouveau site 2027")
    site = ("ecole-lac", "Nouveau site 2027")
    secrets_used = ["Nouveau site 2027", "not the password"]
    for _ in range(2):
        fail(school, "enseignant", NOW)
    temporary = auth.reset_staff_password(db, school.admin, school.teacher.staff_id)
    sign_in(school, "enseignant", temporary, at(1), site)
    auth.change_own_password(
        db, school.teacher, temporary, "Une phrase bien à moi", now=at(2)
    )
    auth.verify_password(db, school.teacher, "Une phrase bien à moi", now=at(3))
    secrets_used += [temporary, "Une phrase bien à moi"]
    with db.read() as session:
        hashes = [
            *session.scalars(select(Staff.password_hash)),
            *session.scalars(select(School.site_password_hash)),
        ]
        entries = session.scalars(select(AuditEntry)).all()
    texts = [
        text
        for e in entries
        for text in (e.field, e.old_value, e.new_value)
        if text is not None
    ]
    assert texts
    for text in texts:
        assert "$argon2" not in text
        for secret in [*secrets_used, *(h for h in hashes if h)]:
            assert secret not in text
    masked = {
        (e.table_name, e.old_value, e.new_value)
        for e in entries
        if e.field in {"password_hash", "site_password_hash"}
    }
    assert masked == {
        ("staff", SECRET_SHOWN, SECRET_SHOWN),
        ("schools", SECRET_SHOWN, SECRET_SHOWN),
    }
