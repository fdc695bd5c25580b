"""Student passwords and slips (F-16), login history (F-31), inviting others (F-35)."""

from __future__ import annotations

import datetime as dt
import logging
import re
import stat
import uuid

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from cams_desktop.db.journal import AuditEntry, OutboxEntry
from cams_desktop.db.school import Language
from cams_desktop.db.students import (
    CaseloadAssignment,
    LoginEvent,
    PlanInvitation,
    PlanStatus,
    Student,
)
from cams_desktop.db.tracking import SECRET_SHOWN
from cams_desktop.services import print_jobs, student_logins
from cams_desktop.services.access import NotFound, PermissionDenied, actor_for
from cams_desktop.services.student_logins import (
    PASSWORD_BITS,
    InviteOthers,
    LoginRecord,
    check_student_password,
    invite_others_state,
    login_history,
    new_password,
    personal_parts,
    reset_passwords,
    set_invite_others,
)

pytestmark = pytest.mark.unit

SYLLABLE = "[bcdfghjkmnprstvz][aeiou]"
PASSWORD = re.compile(rf"^(?:{SYLLABLE}){{4}}-(?:{SYLLABLE}){{3}}-[2-9]{{2}}$")


@pytest.fixture
def admin(demo_db):
    return actor_for(demo_db, "admin")


@pytest.fixture
def teacher(demo_db):
    return actor_for(demo_db, "enseignant")


def all_students(db) -> list[Student]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Student)
                .where(Student.plan_status == PlanStatus.ACTIVE)
                .order_by(Student.sort_key)
            )
        )


def caseload(db, actor) -> set[uuid.UUID]:
    with db.read() as session:
        return set(
            session.scalars(
                select(CaseloadAssignment.student_id).where(
                    CaseloadAssignment.staff_id == actor.staff_id,
                    CaseloadAssignment.deleted_at.is_(None),
                )
            )
        )


def stored_hash(db, student_id) -> str | None:
    with db.read() as session:
        return session.get_one(Student, student_id).password_hash


def refusals(db) -> list[tuple[uuid.UUID | None, str | None]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(AuditEntry.actor_id, AuditEntry.field)
                .where(AuditEntry.action == "denied")
                .order_by(AuditEntry.id)
            )
        ]


# -- new passwords --------------------------------------------------------------


def test_passwords_are_readable_long_random_and_unique():
    made = [new_password() for _ in range(1000)]
    assert len(set(made)) == 1000
    for password in made:
        assert PASSWORD.match(password), password
        assert len(password) == 18
        assert not set(password) & set("0O1lI")
    assert 50 <= PASSWORD_BITS < 51


def test_personal_parts_are_name_words_username_and_birth_date_pieces():
    assert personal_parts("Zoé-Ève", "O’Neil Li", "zoneil", dt.date(2010, 3, 25)) == {
        "zoe",
        "eve",
        "neil",
        "zoneil",
        "2010",
        "10",
        "03",
        "25",
        "0325",
        "2503",
    }
    assert personal_parts("Bo", "Ng", "bng", None) == {"bng"}


def test_a_candidate_with_a_name_birth_date_or_rude_word_is_drawn_again(monkeypatch):
    avoid = personal_parts("Sara", "Tanaka", "stanaka", dt.date(2010, 3, 25))
    candidates = iter(
        [
            "sarabeta-mikosa-47",  # first name
            "bakomute-tanaka-47",  # last name
            "bakomusa-rabeta-47",  # first name across the hyphen
            "bakomute-sinira-25",  # day of birth
            "bakomute-sinira-10",  # year of birth
            "putekomu-sinira-47",  # a rude word
            "bakomute-sinira-47",
        ]
    )
    monkeypatch.setattr(student_logins, "_candidate", lambda: next(candidates))
    assert new_password(avoid) == "bakomute-sinira-47"
    assert next(candidates, None) is None


def test_reset_passwords_never_contain_the_students_names_or_birth_date(demo_db, admin):
    chosen = [s for s in all_students(demo_db) if s.birth_date is not None][:40]
    for _ in range(3):
        for new, student in zip(
            reset_passwords(demo_db, admin, [s.id for s in chosen]),
            chosen,
            strict=True,
        ):
            assert new.student_id == student.id
            assert new.username == student.username
            assert new.name == f"{student.first_name} {student.last_name}"
            assert PASSWORD.match(new.password)
            parts = personal_parts(
                student.first_name,
                student.last_name,
                student.username,
                student.birth_date,
            )
            joined = new.password.replace("-", "")
            assert not any(p in new.password or p in joined for p in parts)


# -- resetting --------------------------------------------------------------------


def test_reset_keeps_only_an_argon2id_hash_and_the_password_opens_the_account(
    demo_db, admin
):
    first, second = all_students(demo_db)[:2]
    assert stored_hash(demo_db, first.id) is None
    assert not check_student_password(demo_db, first.username, "")

    news = reset_passwords(demo_db, admin, [first.id, second.id, first.id])

    assert [n.student_id for n in news] == [first.id, second.id]
    assert news[0].password != news[1].password
    assert news[0].password not in repr(news[0])
    for new in news:
        assert stored_hash(demo_db, new.student_id).startswith("$argon2id$v=19$")
        assert check_student_password(demo_db, new.username, new.password)
        assert check_student_password(
            demo_db, f"  {new.username.upper()} ", new.password
        )
    assert not check_student_password(demo_db, first.username, news[1].password)
    assert not check_student_password(demo_db, "nobody", news[0].password)

    again = reset_passwords(demo_db, admin, [first.id])
    assert not check_student_password(demo_db, first.username, news[0].password)
    assert check_student_password(demo_db, first.username, again[0].password)
    assert check_student_password(demo_db, second.username, news[1].password)


def test_the_clear_password_is_nowhere_in_the_database_audit_outbox_or_log(
    demo_db, admin, caplog
):
    chosen = all_students(demo_db)[:3]
    caplog.set_level(logging.DEBUG)
    news = reset_passwords(demo_db, admin, [s.id for s in chosen])

    with demo_db.read() as session:
        audit = session.execute(
            select(AuditEntry.row_id, AuditEntry.old_value, AuditEntry.new_value).where(
                AuditEntry.field == "password_hash"
            )
        ).all()
        outbox = session.scalars(
            select(OutboxEntry).where(
                OutboxEntry.table_name == "students",
                OutboxEntry.row_id.in_([s.id for s in chosen]),
            )
        ).all()
    assert sorted(audit) == sorted((s.id, SECRET_SHOWN, SECRET_SHOWN) for s in chosen)
    assert len(outbox) == 3
    for entry, new in zip(
        sorted(outbox, key=lambda e: e.row_id),
        sorted(news, key=lambda n: n.student_id),
        strict=True,
    ):
        assert set(entry.changes) == {"password_hash"}
        assert entry.changes["password_hash"][1].startswith("$argon2id$")
        assert new.password not in str(entry.changes)

    demo_db.close()
    files = [demo_db.path, demo_db.path.with_name(demo_db.path.name + "-wal")]
    stored = b"".join(path.read_bytes() for path in files if path.exists())
    assert b"$argon2id$" in stored
    for new in news:
        assert new.password.encode() not in stored
        assert new.password not in caplog.text


def test_teachers_reset_only_their_own_students_and_nothing_half_done(demo_db, teacher):
    mine = sorted(caseload(demo_db, teacher))
    other = next(s.id for s in all_students(demo_db) if s.id not in mine)

    with pytest.raises(NotFound):
        reset_passwords(demo_db, teacher, [mine[0], other])
    assert stored_hash(demo_db, mine[0]) is None
    assert stored_hash(demo_db, other) is None

    [new] = reset_passwords(demo_db, teacher, [mine[0]])
    assert new.student_id == mine[0]
    assert stored_hash(demo_db, mine[0]) is not None


def test_reset_of_an_unknown_student_is_not_found(demo_db, admin):
    with pytest.raises(NotFound):
        reset_passwords(demo_db, admin, [uuid.uuid4()])


# -- login slips with the new password -------------------------------------------


def test_slips_one_page_per_student_in_their_language_with_the_password(
    demo_db, admin, tmp_path
):
    everyone = all_students(demo_db)
    french = [s for s in everyone if s.preferred_language is Language.FRENCH][:2]
    english = [s for s in everyone if s.preferred_language is Language.ENGLISH][:2]
    chosen = [english[1], french[0], english[0], french[1]]
    news = reset_passwords(demo_db, admin, [s.id for s in chosen])
    folder = tmp_path / "fiches"
    folder.mkdir()
    out = folder / "fiches.pdf"

    pages = print_jobs.print_login_slips_with_passwords(demo_db, admin, news, out)

    assert pages == 4
    assert [p.name for p in folder.iterdir()] == ["fiches.pdf"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    by_id = {n.student_id: n for n in news}
    in_order = sorted(chosen, key=lambda s: s.sort_key)
    for page, student in zip(reader.pages, in_order, strict=True):
        text = page.extract_text()
        assert f"{student.first_name} {student.last_name}" in text
        assert student.username in text
        assert by_id[student.id].password in text
        if student.preferred_language is Language.FRENCH:
            assert "Fiche de connexion de l’élève" in text
            assert "Mot de passe" in text
        else:
            assert "Student login slip" in text
            assert "Password:" in text
        for other in news:
            if other.student_id != student.id:
                assert other.password not in text


def test_slips_outside_the_scope_or_without_passwords_write_nothing(
    demo_db, admin, teacher, tmp_path
):
    other = next(
        s for s in all_students(demo_db) if s.id not in caseload(demo_db, teacher)
    )
    news = reset_passwords(demo_db, admin, [other.id])
    folder = tmp_path / "fiches"
    folder.mkdir()
    with pytest.raises(NotFound):
        print_jobs.print_login_slips_with_passwords(
            demo_db, teacher, news, folder / "a.pdf"
        )
    with pytest.raises(ValueError, match="no new password"):
        print_jobs.print_login_slips_with_passwords(
            demo_db, admin, [], folder / "b.pdf"
        )
    assert list(folder.iterdir()) == []


def test_a_failed_drawing_leaves_no_file_behind(demo_db, admin, tmp_path, monkeypatch):
    news = reset_passwords(demo_db, admin, [all_students(demo_db)[0].id])
    folder = tmp_path / "fiches"
    folder.mkdir()

    def broken(slips, path):
        path.write_bytes(news[0].password.encode())
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(print_jobs, "render_slips", broken)
    with pytest.raises(OSError, match="No space"):
        print_jobs.print_login_slips_with_passwords(
            demo_db, admin, news, folder / "fiches.pdf"
        )
    assert list(folder.iterdir()) == []


# -- login history ------------------------------------------------------------------


def logins_by_student(db) -> dict[uuid.UUID, list[tuple[dt.datetime, str]]]:
    found: dict[uuid.UUID, list[tuple[dt.datetime, str]]] = {}
    with db.read() as session:
        for student_id, occurred_at, source in session.execute(
            select(LoginEvent.student_id, LoginEvent.occurred_at, LoginEvent.source)
        ):
            found.setdefault(student_id, []).append((occurred_at, source))
    return found


def test_login_history_counts_and_orders_the_demo_logins(demo_db, admin):
    logins = logins_by_student(demo_db)
    busiest = max(logins, key=lambda student_id: len(logins[student_id]))
    expected = sorted(logins[busiest], reverse=True)
    assert len(expected) >= 4

    history = login_history(demo_db, admin, busiest)

    assert history.count == len(expected)
    assert history.events == [LoginRecord(*event) for event in expected]
    assert history.last == expected[0][0]
    assert history.first == expected[-1][0]
    assert {e.source for e in history.events} <= {"web", "mobile"}

    never = next(s.id for s in all_students(demo_db) if s.id not in logins)
    empty = login_history(demo_db, admin, never)
    assert (empty.count, empty.first, empty.last, empty.events) == (0, None, None, [])

    total = sum(
        login_history(demo_db, admin, s.id).count for s in all_students(demo_db)[:50]
    )
    assert total == sum(len(logins.get(s.id, [])) for s in all_students(demo_db)[:50])


def test_login_history_outside_the_scope_is_refused(demo_db, teacher):
    mine = caseload(demo_db, teacher)
    other = next(s.id for s in all_students(demo_db) if s.id not in mine)
    with pytest.raises(NotFound):
        login_history(demo_db, teacher, other)
    own = min(mine)
    assert login_history(demo_db, teacher, own).count == len(
        logins_by_student(demo_db).get(own, [])
    )

    office = actor_for(demo_db, "secretariat")
    with pytest.raises(PermissionDenied):
        login_history(demo_db, office, other)
    assert refusals(demo_db) == [(office.staff_id, "view_login_history")]


# -- inviting others ----------------------------------------------------------------


def invitations_of(db) -> dict[uuid.UUID, int]:
    with db.read() as session:
        return dict(
            session.execute(
                select(PlanInvitation.student_id, func.count()).group_by(
                    PlanInvitation.student_id
                )
            ).all()
        )


def test_turning_invitations_off_is_audited_and_keeps_the_invitations(demo_db, admin):
    invited = invitations_of(demo_db)
    sharing = [s for s in all_students(demo_db) if s.id in invited][:2]
    plain = next(
        s
        for s in all_students(demo_db)
        if s.id not in invited and s.invite_others_allowed
    )
    ids = [sharing[0].id, sharing[1].id, plain.id]
    for student in sharing:
        set_invite_others(demo_db, admin, [student.id], True)
    count = invited[sharing[0].id] + invited[sharing[1].id]
    assert invite_others_state(demo_db, admin, ids) == InviteOthers(True, count)

    assert set_invite_others(demo_db, admin, ids, False) == 3
    assert set_invite_others(demo_db, admin, ids, False) == 0

    assert invite_others_state(demo_db, admin, ids) == InviteOthers(False, count)
    assert invitations_of(demo_db) == invited
    with demo_db.read() as session:
        audit = session.execute(
            select(
                AuditEntry.actor_id,
                AuditEntry.row_id,
                AuditEntry.old_value,
                AuditEntry.new_value,
            ).where(
                AuditEntry.field == "invite_others_allowed",
                AuditEntry.new_value == "False",
            )
        ).all()
    assert sorted(audit) == sorted((admin.staff_id, i, "True", "False") for i in ids)

    assert set_invite_others(demo_db, admin, [plain.id], True) == 1
    assert invite_others_state(demo_db, admin, [plain.id]) == InviteOthers(True, 0)
    assert invite_others_state(demo_db, admin, ids).allowed is False


def test_inviting_others_in_the_teachers_scope_only(demo_db, teacher):
    mine = sorted(caseload(demo_db, teacher))
    other = next(s.id for s in all_students(demo_db) if s.id not in mine)
    with pytest.raises(NotFound):
        set_invite_others(demo_db, teacher, [mine[0], other], False)
    with pytest.raises(NotFound):
        invite_others_state(demo_db, teacher, [other])
    with demo_db.read() as session:
        stored = session.get_one(Student, mine[0]).invite_others_allowed
    assert invite_others_state(demo_db, teacher, [mine[0]]).allowed is stored

    set_invite_others(demo_db, teacher, [mine[0]], False)
    assert invite_others_state(demo_db, teacher, [mine[0]]).allowed is False

    office = actor_for(demo_db, "secretariat")
    with pytest.raises(PermissionDenied):
        set_invite_others(demo_db, office, [other], False)
    assert refusals(demo_db) == [(office.staff_id, "toggle_invite_others")]
