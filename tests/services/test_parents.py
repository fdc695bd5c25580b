"""Parent accounts, activation codes, comments and letters on real SQLite files."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import AccessLevel, Board, Language, Staff
from cams_desktop.db.school import School as SchoolRow
from cams_desktop.db.students import (
    ActivationCode,
    Gender,
    Parent,
    ParentComment,
    ParentLink,
    PlanStatus,
    Student,
)
from cams_desktop.services import parents, students
from cams_desktop.services.access import Actor, NotFound, PermissionDenied, actor_for
from cams_desktop.services.parents import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEFAULT_VALIDITY_DAYS,
    CodeStatus,
    StudentCriteria,
    normalise_code,
)
from cams_desktop.services.students import (
    ParentContact,
    StudentDraft,
    ValidationError,
)

pytestmark = pytest.mark.unit

NOW = dt.datetime(2026, 9, 1, 12, 0, tzinfo=dt.UTC)
EVERYONE = StudentCriteria()
CODE_FORMAT = re.compile(
    "^{0}{{4}}-{0}{{4}}-{0}{{4}}$".format(f"[{re.escape(CODE_ALPHABET)}]")
)
NOT_VALID = (
    "This activation code is not valid. Check it against your letter, "
    "or ask the school for a new one."
)
ALREADY_USED = (
    "This activation code has already been used. Ask the school for a new one "
    "if you still need to open an account."
)


@dataclass
class School:
    db: Database
    admin: Actor
    teacher: Actor
    office: Actor


@dataclass
class Families:
    """A school with five students and four parents.

    Marie O’Neil is the mother of Zoé (grade 9) and Léo (grade 11); Zoé's
    father is Jean Tremblay. Amir Haddad (grade 9, the teacher's only
    student) has Nadia Haddad. Béatrice Roy has no parent on file, and
    Tom Inactif's plan is inactive.
    """

    school: School
    zoe: uuid.UUID
    leo: uuid.UUID
    amir: uuid.UUID
    bea: uuid.UUID
    tom: uuid.UUID
    marie: uuid.UUID
    jean: uuid.UUID
    nadia: uuid.UUID


def _open(db: Database) -> School:
    return School(
        db,
        actor_for(db, "admin"),
        actor_for(db, "enseignant"),
        actor_for(db, "secretariat"),
    )


def _add(school, first, last, grade, gender, username, number, **extra) -> uuid.UUID:
    draft = StudentDraft(
        first_name=first,
        last_name=last,
        grade=grade,
        gender=gender,
        username=username,
        student_number=number,
        **extra,
    )
    return students.add_student(school.db, school.admin, draft)


def _parent_ids(school, student_id) -> dict[str, uuid.UUID]:
    profile = students.get_profile(school.db, school.admin, student_id)
    return {p.first_name: p.id for p in profile.draft.parents or () if p.id}


def _build(db: Database) -> dict[str, uuid.UUID]:
    with db.transaction(None) as session:
        board = Board(name="Conseil scolaire des Rivières")
        session.add(board)
        session.flush()
        place = SchoolRow(board_id=board.id, name="École secondaire du Lac", code="L")
        session.add(place)
        session.flush()
        for username, level in (
            ("admin", AccessLevel.PROGRAM_ADMIN),
            ("enseignant", AccessLevel.TEACHER),
            ("secretariat", AccessLevel.OTHER_STAFF),
        ):
            session.add(
                Staff(
                    school_id=place.id,
                    username=username,
                    username_key=username,
                    first_name=username.title(),
                    last_name="Test",
                    access_level=level,
                )
            )
    school = _open(db)
    zoe = _add(
        school,
        "Zoé",
        "O’Neil",
        9,
        Gender.FEMALE,
        "zoneil",
        "1",
        parents=(
            ParentContact("Marie", "O’Neil", "marie.oneil@example.org"),
            ParentContact("Jean", "Tremblay", preferred_language=Language.ENGLISH),
        ),
    )
    ids = _parent_ids(school, zoe)
    marie = ParentContact("Marie", "O’Neil", "marie.oneil@example.org", id=ids["Marie"])
    leo = _add(
        school, "Léo", "O’Neil", 11, Gender.MALE, "loneil", "2", parents=(marie,)
    )
    amir = _add(
        school,
        "Amir",
        "Haddad",
        9,
        Gender.MALE,
        "ahaddad",
        "3",
        parents=(
            ParentContact(
                "Nadia",
                "Haddad",
                "nadia@example.com",
                preferred_language=Language.ENGLISH,
            ),
        ),
        counsellor_ids=frozenset({school.teacher.staff_id}),
    )
    bea = _add(school, "Béatrice", "Roy", 10, Gender.FEMALE, "broy", "4")
    tom = _add(
        school,
        "Tom",
        "Inactif",
        9,
        Gender.MALE,
        "tinactif",
        "5",
        parents=(ParentContact("Paul", "Inactif"),),
    )
    students.set_plan_active(school.db, school.admin, [tom], active=False)
    return {
        "zoe": zoe,
        "leo": leo,
        "amir": amir,
        "bea": bea,
        "tom": tom,
        "marie": ids["Marie"],
        "jean": ids["Jean"],
        "nadia": _parent_ids(school, amir)["Nadia"],
    }


@pytest.fixture(scope="module")
def families_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, uuid.UUID]]:
    """The families written once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("parents") / "template.sqlite"
    db = Database(path)
    ids = _build(db)
    db.close()
    Database(path).close()  # checkpoints the WAL into the main file
    return path, ids


@pytest.fixture
def families(families_template, tmp_path) -> Iterator[Families]:
    template, ids = families_template
    shutil.copyfile(template, tmp_path / "families.sqlite")
    db = Database(tmp_path / "families.sqlite")
    yield Families(_open(db), **ids)
    db.close()


def _codes(families, student_id=None, now=NOW):
    return parents.list_codes(
        families.school.db, families.school.admin, student_id=student_id, now=now
    )


def _code_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ActivationCode)) or 0


def _denials(db) -> list[tuple[str | None, uuid.UUID]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(AuditEntry.field, AuditEntry.row_id).where(
                    AuditEntry.table_name == "permission",
                    AuditEntry.action == "denied",
                )
            )
        ]


# --- the codes ------------------------------------------------------------------


def test_alphabet_has_no_look_alikes_and_codes_carry_over_50_bits():
    assert set(CODE_ALPHABET).isdisjoint("0Oo1lIiLQSZB")
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 27
    assert "".join(sorted(CODE_ALPHABET)) == CODE_ALPHABET
    assert all(ch.isdigit() or ch.isupper() for ch in CODE_ALPHABET)
    bits = CODE_LENGTH * math.log2(len(CODE_ALPHABET))
    assert bits >= 50
    assert round(bits, 1) == 57.1


def test_2000_codes_are_unique_and_well_formed():
    codes = [parents.new_code() for _ in range(2000)]

    assert len(set(codes)) == 2000
    assert all(CODE_FORMAT.match(code) for code in codes)
    # 24,000 symbols: every symbol of the alphabet turns up.
    assert set("".join(codes).replace("-", "")) == set(CODE_ALPHABET)


def test_normalise_code_folds_case_spaces_dashes_and_look_alikes():
    assert normalise_code("k7xm 3xpd vh9a") == "K7XM-3XPD-VH9A"
    assert normalise_code("  K7XM3XPDVH9A ") == "K7XM-3XPD-VH9A"
    assert normalise_code("k7xm–3xpd—vh9a") == "K7XM-3XPD-VH9A"
    assert normalise_code("Ｋ７ＸＭ３ＸＰＤＶＨ９Ａ") == "K7XM-3XPD-VH9A"
    # S, Z and B are read for the digits 5, 2 and 8; 0, O, 1 and I stay.
    assert normalise_code("sz b8-2 5aa-aaaa") == "5288-25AA-AAAA"
    assert normalise_code("o0i1-aaaa-aaaa") == "O0I1-AAAA-AAAA"


# --- generating -------------------------------------------------------------------


def test_generate_for_a_selection_makes_one_code_per_parent(families):
    db, admin = families.school.db, families.school.admin

    made = parents.generate_codes(
        db, admin, StudentCriteria(student_ids=(families.zoe, families.bea)), now=NOW
    )

    assert made == 3
    rows = _codes(families)
    assert [(r.student_name, r.parent_name, r.status) for r in rows] == [
        ("Zoé O’Neil", "Marie O’Neil", CodeStatus.VALID),
        ("Zoé O’Neil", "Jean Tremblay", CodeStatus.VALID),
        ("Béatrice Roy", None, CodeStatus.VALID),
    ]
    assert [r.parent_id for r in rows] == [families.marie, families.jean, None]
    assert {r.expires_at for r in rows} == {NOW + dt.timedelta(days=60)}
    assert DEFAULT_VALIDITY_DAYS == 60
    assert all(CODE_FORMAT.match(r.code) and r.used_at is None for r in rows)


def test_generate_by_grade_skips_inactive_plans(families):
    db, admin = families.school.db, families.school.admin

    made = parents.generate_codes(db, admin, StudentCriteria(grade=9), now=NOW)

    assert made == 3
    assert [(r.student_name, r.parent_name) for r in _codes(families)] == [
        ("Amir Haddad", "Nadia Haddad"),
        ("Zoé O’Neil", "Marie O’Neil"),
        ("Zoé O’Neil", "Jean Tremblay"),
    ]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (StudentCriteria(usernames=("ZONeil", " loneil ")), 3),
        (StudentCriteria(gender=Gender.FEMALE), 3),
        (StudentCriteria(gender=Gender.FEMALE, grade=10), 1),
        (StudentCriteria(counsellor_id=None, usernames=("nobody",)), 0),
        (EVERYONE, 5),
    ],
)
def test_generate_from_a_search(families, criteria, expected):
    db, admin = families.school.db, families.school.admin

    assert parents.generate_codes(db, admin, criteria, now=NOW) == expected
    assert _code_count(db) == expected


def test_generate_by_counsellor(families):
    db, admin = families.school.db, families.school.admin
    criteria = StudentCriteria(counsellor_id=families.school.teacher.staff_id)

    assert parents.generate_codes(db, admin, criteria, now=NOW) == 1
    assert [r.student_id for r in _codes(families)] == [families.amir]


def test_only_without_code_skips_pairs_that_have_a_valid_one(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(
        db, admin, StudentCriteria(student_ids=(families.zoe,)), now=NOW
    )
    first = {r.parent_id: r.code for r in _codes(families)}

    made = parents.generate_codes(db, admin, EVERYONE, only_without_code=True, now=NOW)

    # Léo, Amir and Béatrice; Zoé's two parents keep their codes.
    assert made == 3
    zoe = {r.parent_id: r.code for r in _codes(families, families.zoe)}
    assert zoe == first
    assert len(_codes(families)) == 5


def test_only_without_code_gives_a_new_code_where_the_old_one_expired(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(
        db, admin, StudentCriteria(student_ids=(families.bea,)), now=NOW
    )
    later = NOW + dt.timedelta(days=61)

    made = parents.generate_codes(
        db,
        admin,
        StudentCriteria(student_ids=(families.bea,)),
        only_without_code=True,
        now=later,
    )

    assert made == 1
    assert [r.status for r in _codes(families, families.bea, now=later)] == [
        CodeStatus.VALID,
        CodeStatus.EXPIRED,
    ]


def test_generating_again_replaces_and_invalidates_the_older_codes(families):
    db, admin = families.school.db, families.school.admin
    selection = StudentCriteria(student_ids=(families.zoe,))
    parents.generate_codes(db, admin, selection, now=NOW)
    old = [r.code for r in _codes(families)]

    assert parents.generate_codes(db, admin, selection, now=NOW) == 2

    new = [r.code for r in _codes(families)]
    assert len(new) == 2 and set(new).isdisjoint(old)
    assert _code_count(db) == 4
    with pytest.raises(ValidationError) as caught:
        parents.redeem_code(db, old[0], now=NOW)
    assert caught.value.errors == {"code": NOT_VALID}


def test_validity_days_out_of_range_is_refused(families):
    db, admin = families.school.db, families.school.admin

    with pytest.raises(ValidationError) as caught:
        parents.generate_codes(db, admin, EVERYONE, validity_days=0, now=NOW)

    assert caught.value.errors == {
        "validity_days": "An activation code is valid for 1 to 366 days."
    }
    assert _code_count(db) == 0


def test_custom_validity(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(
        db,
        admin,
        StudentCriteria(student_ids=(families.bea,)),
        validity_days=7,
        now=NOW,
    )

    assert [r.expires_at for r in _codes(families)] == [NOW + dt.timedelta(days=7)]


# --- redeeming and deleting -------------------------------------------------------


def _zoe_codes(families) -> dict[uuid.UUID | None, parents.CodeRow]:
    parents.generate_codes(
        families.school.db,
        families.school.admin,
        StudentCriteria(student_ids=(families.zoe,)),
        now=NOW,
    )
    return {r.parent_id: r for r in _codes(families, families.zoe)}


def test_redeem_once_activates_the_parent_then_refuses(families):
    db = families.school.db
    row = _zoe_codes(families)[families.jean]
    typed = row.code.lower().replace("-", " ")
    at = NOW + dt.timedelta(days=3)

    assert parents.redeem_code(db, typed, now=at) == row.id

    with db.read() as session:
        assert session.get_one(ActivationCode, row.id).used_at == at
        assert session.get_one(Parent, families.jean).account_active
        assert not session.get_one(Parent, families.marie).account_active
        # The redemption travels to the server and is audited like any change.
        synced = session.execute(
            select(OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.changes)
            .where(OutboxEntry.operation == "update")
            .order_by(OutboxEntry.mutation_id)
        ).all()
        audited = session.execute(
            select(AuditEntry.table_name, AuditEntry.field).where(
                AuditEntry.row_id.in_([row.id, families.jean]),
                AuditEntry.action == "update",
            )
        ).all()
    assert sorted(
        (table, row_id, sorted(changes)) for table, row_id, changes in synced[-2:]
    ) == [
        ("activation_codes", row.id, ["used_at"]),
        ("parents", families.jean, ["account_active"]),
    ]
    assert sorted(audited) == [
        ("activation_codes", "used_at"),
        ("parents", "account_active"),
    ]
    assert [r.status for r in _codes(families, families.zoe)] == [
        CodeStatus.VALID,
        CodeStatus.USED,
    ]
    with pytest.raises(ValidationError) as caught:
        parents.redeem_code(db, row.code, now=at)
    assert caught.value.errors == {"code": ALREADY_USED}


def test_expired_code_is_refused(families):
    db = families.school.db
    row = _zoe_codes(families)[families.marie]

    with pytest.raises(ValidationError) as caught:
        parents.redeem_code(db, row.code, now=row.expires_at)

    assert caught.value.errors == {
        "code": "This activation code has expired. Ask the school for a new one."
    }
    parents.redeem_code(db, row.code, now=row.expires_at - dt.timedelta(seconds=1))


def test_deleted_code_is_refused_at_once_like_an_unknown_one(families):
    db, admin = families.school.db, families.school.admin
    row = _zoe_codes(families)[families.marie]

    parents.delete_code(db, admin, row.id)

    for typed in (row.code, "AAAA-AAAA-AAAA"):
        with pytest.raises(ValidationError) as caught:
            parents.redeem_code(db, typed, now=NOW)
        assert caught.value.errors == {"code": NOT_VALID}
    assert [r.parent_id for r in _codes(families, families.zoe)] == [families.jean]
    with pytest.raises(NotFound):
        parents.delete_code(db, admin, row.id)
    with db.read() as session:
        assert not session.get_one(Parent, families.marie).account_active


def test_code_of_a_parent_removed_from_the_student_is_refused(families):
    db, admin = families.school.db, families.school.admin
    row = _zoe_codes(families)[families.jean]
    with db.transaction(admin.staff_id) as session:
        link = session.scalars(
            select(ParentLink).where(ParentLink.parent_id == families.jean)
        ).one()
        link.deleted_at = NOW

    with pytest.raises(ValidationError) as caught:
        parents.redeem_code(db, row.code, now=NOW)

    assert caught.value.errors == {"code": NOT_VALID}


def test_code_for_a_student_without_parent_is_redeemed_without_account(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(
        db, admin, StudentCriteria(student_ids=(families.bea,)), now=NOW
    )
    (row,) = _codes(families)

    assert parents.redeem_code(db, row.code, now=NOW) == row.id
    assert [r.status for r in _codes(families)] == [CodeStatus.USED]


def test_codes_made_before_this_alphabet_still_redeem(families):
    db = families.school.db
    with db.transaction(None) as session:
        session.add(
            ActivationCode(
                student_id=families.bea,
                code="SBZL-2345-6789",
                expires_at=NOW + dt.timedelta(days=1),
            )
        )

    parents.redeem_code(db, "sbzl 2345 6789", now=NOW)

    assert [r.status for r in _codes(families)] == [CodeStatus.USED]


# --- parent accounts ------------------------------------------------------------


def test_a_parent_of_two_children_appears_once_with_both(families):
    db, admin = families.school.db, families.school.admin

    rows = parents.list_parent_accounts(db, admin)

    assert [(r.first_name, r.last_name, r.students) for r in rows] == [
        ("Nadia", "Haddad", ("Amir Haddad (9)",)),
        ("Paul", "Inactif", ("Tom Inactif (9)",)),
        ("Marie", "O’Neil", ("Léo O’Neil (11)", "Zoé O’Neil (9)")),
        ("Jean", "Tremblay", ("Zoé O’Neil (9)",)),
    ]
    marie = rows[2]
    assert marie.id == families.marie
    assert marie.email == "marie.oneil@example.org"
    assert marie.preferred_language == Language.FRENCH
    assert (marie.account_active, marie.last_sign_in_at) == (False, None)


def test_parent_accounts_filter_on_names_and_email(families):
    db, admin = families.school.db, families.school.admin

    def names(text):
        return [r.last_name for r in parents.list_parent_accounts(db, admin, text=text)]

    assert names("o'neil") == ["O’Neil"]
    assert names("MARIE oneil") == ["O’Neil"]
    assert names("marie haddad") == []
    assert names("marie o’neil") == ["O’Neil"]
    assert names("example.com") == ["Haddad"]
    assert names("zzz") == []


# --- scope ----------------------------------------------------------------------


def test_a_teacher_sees_only_the_parents_codes_and_comments_of_their_students(
    families,
):
    db, admin, teacher = (
        families.school.db,
        families.school.admin,
        families.school.teacher,
    )
    parents.generate_codes(db, admin, EVERYONE, now=NOW)
    _comment(db, families.marie, families.zoe, "Merci", NOW)
    _comment(db, families.nadia, families.amir, "Thank you", NOW)

    accounts = parents.list_parent_accounts(db, teacher)
    assert [(r.id, r.students) for r in accounts] == [
        (families.nadia, ("Amir Haddad (9)",))
    ]
    assert [r.student_id for r in parents.list_codes(db, teacher)] == [families.amir]
    assert [c.body for c in parents.comment_log(db, teacher)] == ["Thank you"]
    with pytest.raises(NotFound):
        parents.list_codes(db, teacher, student_id=families.zoe)
    with pytest.raises(NotFound):
        parents.list_codes(db, teacher, parent_id=families.marie)
    with pytest.raises(NotFound):
        parents.comment_log(db, teacher, student_id=families.zoe)
    assert _denials(db) == []


def test_a_teacher_cannot_generate_or_delete_codes_of_other_students(families):
    db, admin, teacher = (
        families.school.db,
        families.school.admin,
        families.school.teacher,
    )
    selection = StudentCriteria(student_ids=(families.amir, families.zoe))

    with pytest.raises(PermissionDenied):
        parents.generate_codes(db, teacher, selection, now=NOW)

    assert _code_count(db) == 0
    assert _denials(db) == [("manage_activation_codes", families.zoe)]

    # A search stays within the teacher's list.
    assert parents.generate_codes(db, teacher, EVERYONE, now=NOW) == 1
    assert parents.generate_codes(db, teacher, StudentCriteria(grade=9), now=NOW) == 1
    assert (
        parents.generate_codes(
            db, teacher, StudentCriteria(usernames=("zoneil",)), now=NOW
        )
        == 0
    )

    parents.generate_codes(
        db, admin, StudentCriteria(student_ids=(families.zoe,)), now=NOW
    )
    zoe_code = _codes(families, families.zoe)[0]
    with pytest.raises(PermissionDenied):
        parents.delete_code(db, teacher, zoe_code.id)
    assert _denials(db)[-1] == ("manage_activation_codes", zoe_code.id)
    assert [r.status for r in _codes(families, families.zoe)] == [CodeStatus.VALID] * 2

    (amir_code,) = parents.list_codes(db, teacher)
    parents.delete_code(db, teacher, amir_code.id)
    assert parents.list_codes(db, teacher) == []


def test_other_staff_cannot_manage_codes_but_print_letters_for_their_list(families):
    db, admin = families.school.db, families.school.admin
    office = families.school.office
    parents.generate_codes(db, admin, EVERYONE, now=NOW)

    with pytest.raises(PermissionDenied):
        parents.generate_codes(db, office, EVERYONE, now=NOW)
    with pytest.raises(PermissionDenied):
        parents.list_codes(db, office)

    assert parents.letter_recipients(db, office, EVERYONE, now=NOW) == []
    assert [field for field, _ in _denials(db)] == [
        "manage_activation_codes",
        "manage_activation_codes",
    ]


def test_unknown_selected_student_is_not_found(families):
    db, admin = families.school.db, families.school.admin

    with pytest.raises(NotFound):
        parents.generate_codes(
            db, admin, StudentCriteria(student_ids=(uuid.uuid4(),)), now=NOW
        )


# --- comments -------------------------------------------------------------------


def _comment(db, parent_id, student_id, body, written_at) -> uuid.UUID:
    with db.transaction(None) as session:
        comment = ParentComment(
            parent_id=parent_id, student_id=student_id, body=body, written_at=written_at
        )
        session.add(comment)
    return comment.id


def test_comment_log_is_newest_first_and_filters(families):
    db, admin = families.school.db, families.school.admin
    day = dt.timedelta(days=1)
    _comment(db, families.marie, families.zoe, "Merci pour le suivi.", NOW - 2 * day)
    _comment(db, families.nadia, families.amir, "Question about courses", NOW)
    _comment(db, families.jean, families.zoe, "Le bulletin est arrivé.", NOW - day)
    deleted = _comment(db, families.marie, families.leo, "Effacé", NOW)
    with db.transaction(None) as session:
        session.get_one(ParentComment, deleted).deleted_at = NOW

    log = parents.comment_log(db, admin)
    assert [(c.written_at, c.parent_name, c.student_name, c.body) for c in log] == [
        (NOW, "Nadia Haddad", "Amir Haddad", "Question about courses"),
        (NOW - day, "Jean Tremblay", "Zoé O’Neil", "Le bulletin est arrivé."),
        (NOW - 2 * day, "Marie O’Neil", "Zoé O’Neil", "Merci pour le suivi."),
    ]

    def bodies(**filters):
        return [c.body for c in parents.comment_log(db, admin, **filters)]

    assert bodies(text="ARRIVE") == ["Le bulletin est arrivé."]
    assert bodies(text="zoe") == ["Le bulletin est arrivé.", "Merci pour le suivi."]
    assert bodies(text="tremblay bulletin") == ["Le bulletin est arrivé."]
    assert bodies(student_id=families.amir) == ["Question about courses"]
    assert bodies(student_id=families.zoe, text="merci") == ["Merci pour le suivi."]


# --- letters --------------------------------------------------------------------


def test_letter_recipients_order_and_content(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(db, admin, EVERYONE, now=NOW)
    codes = {(r.student_id, r.parent_id): r.code for r in _codes(families)}

    letters = parents.letter_recipients(db, admin, EVERYONE, now=NOW)

    assert [
        (
            r.student_first_name,
            r.student_last_name,
            r.student_grade,
            r.parent_first_name,
            r.parent_last_name,
            r.parent_language,
        )
        for r in letters
    ] == [
        ("Amir", "Haddad", 9, "Nadia", "Haddad", Language.ENGLISH),
        ("Léo", "O’Neil", 11, "Marie", "O’Neil", Language.FRENCH),
        ("Zoé", "O’Neil", 9, "Marie", "O’Neil", Language.FRENCH),
        ("Zoé", "O’Neil", 9, "Jean", "Tremblay", Language.ENGLISH),
    ]
    assert [r.code for r in letters] == [
        codes[r.student_id, r.parent_id] for r in letters
    ]
    assert {r.expires_at for r in letters} == {NOW + dt.timedelta(days=60)}
    assert [r.student_sort_key for r in letters] == [
        "haddad\x01amir",
        "oneil\x01leo",
        "oneil\x01zoe",
        "oneil\x01zoe",
    ]


def test_letters_only_for_valid_codes_and_the_search(families):
    db, admin = families.school.db, families.school.admin
    parents.generate_codes(db, admin, EVERYONE, now=NOW)
    codes = {(r.student_id, r.parent_id): r for r in _codes(families)}
    parents.redeem_code(db, codes[families.zoe, families.jean].code, now=NOW)
    parents.delete_code(db, admin, codes[families.amir, families.nadia].id)

    def pairs(criteria, now=NOW):
        return [
            (r.student_first_name, r.parent_first_name)
            for r in parents.letter_recipients(db, admin, criteria, now=now)
        ]

    assert pairs(EVERYONE) == [("Léo", "Marie"), ("Zoé", "Marie")]
    assert pairs(StudentCriteria(grade=11)) == [("Léo", "Marie")]
    assert pairs(StudentCriteria(usernames=("ZONEIL",))) == [("Zoé", "Marie")]
    assert pairs(EVERYONE, now=NOW + dt.timedelta(days=60)) == []


def test_a_teacher_prints_letters_for_their_students_only(families):
    db, admin, teacher = (
        families.school.db,
        families.school.admin,
        families.school.teacher,
    )
    parents.generate_codes(db, admin, EVERYONE, now=NOW)

    letters = parents.letter_recipients(db, teacher, EVERYONE, now=NOW)
    assert [(r.student_id, r.parent_id) for r in letters] == [
        (families.amir, families.nadia)
    ]
    with pytest.raises(PermissionDenied):
        parents.letter_recipients(
            db, teacher, StudentCriteria(student_ids=(families.leo,)), now=NOW
        )
    assert _denials(db) == [("print_parent_letters", families.leo)]


# --- the demo school ------------------------------------------------------------


def test_demo_parents_appear_once_each(demo_db):
    admin = actor_for(demo_db, "admin")
    teacher = actor_for(demo_db, "enseignant")

    rows = parents.list_parent_accounts(demo_db, admin)

    with demo_db.read() as session:
        expected = session.scalar(
            select(func.count())
            .select_from(Parent)
            .where(Parent.school_id == admin.school_id, Parent.deleted_at.is_(None))
        )
    assert len(rows) == len({r.id for r in rows}) == expected
    assert any(len(r.students) > 1 for r in rows)
    mine = parents.list_parent_accounts(demo_db, teacher)
    assert {r.id for r in mine} <= {r.id for r in rows}
    assert all(r.students for r in mine)


def test_demo_generation_for_a_grade_and_letters(demo_db):
    admin = actor_for(demo_db, "admin")
    with demo_db.read() as session:
        active = session.scalars(
            select(Student.id).where(
                Student.school_id == admin.school_id,
                Student.grade == 10,
                Student.plan_status == PlanStatus.ACTIVE,
                Student.deleted_at.is_(None),
            )
        ).all()
        with_parent = session.scalar(
            select(func.count(func.distinct(ParentLink.id))).where(
                ParentLink.student_id.in_(active), ParentLink.deleted_at.is_(None)
            )
        )
    now = dt.datetime.now(dt.UTC)

    made = parents.generate_codes(demo_db, admin, StudentCriteria(grade=10), now=now)

    letters = parents.letter_recipients(
        demo_db, admin, StudentCriteria(grade=10), now=now
    )
    assert len(letters) == with_parent
    assert made >= len(letters) > 0
    assert [r.student_sort_key for r in letters] == sorted(
        r.student_sort_key for r in letters
    )
