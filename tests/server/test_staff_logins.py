"""Server logins made from a program administrator's desktop.

The administrator adds a staff member on a connected desktop; the server
makes their login role through ``cams.set_staff_login`` (run as the
``<prefix>logins`` role), and turns it off when the staff member is
deactivated. Each staff member then connects with plain psycopg, as any
PostgreSQL client could.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from psycopg import conninfo
from PySide6.QtCore import Qt
from sqlalchemy import select

from cams_desktop.db.engine import Database, become_new_device
from cams_desktop.db.school import AccessLevel, Language
from cams_desktop.db.students import Student
from cams_desktop.dialogs import staff_dialogs
from cams_desktop.dialogs.staff_dialogs import StaffAdminDialog
from cams_desktop.server.roles import role_prefix, staff_role_name
from cams_desktop.server.setup import init_server, upgrade_server
from cams_desktop.services import auth, staff
from cams_desktop.services.access import Actor, actor_for
from cams_desktop.services.caseloads import add_to_caseload
from cams_desktop.services.server_connection import (
    ServerSettings,
    login_role,
    save_server_settings,
    set_tls_required,
    store_server_password,
)
from cams_desktop.services.server_logins import (
    ServerLoginError,
    create_server_login,
    disable_server_login,
    server_logins_available,
)
from cams_desktop.services.staff import StaffDraft
from cams_desktop.services.sync_status import run_sync

pytestmark = pytest.mark.pg

PASSWORD = "mot-de-passe-1"  # the test server's staff password (conftest)
NEW_PASSWORD = "Lac-Bleu 2026!"


class MemoryKeyring(KeyringBackend):
    """A keychain in memory, so tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def server(demo_server: Any) -> Any:
    for username in ("admin", "enseignant"):
        demo_server.add_role(username)
    return demo_server


def _address(server: Any, port: int | None = None) -> ServerSettings:
    parts = conninfo.conninfo_to_dict(server.url)
    return ServerSettings(
        str(parts.get("host") or "127.0.0.1"),
        server.name,
        port or int(parts.get("port") or 5432),
    )


def _desktop(path: Path, demo: Path, username: str) -> tuple[Database, Actor]:
    shutil.copy(demo, path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        become_new_device(connection)
    db = Database(path)
    return db, actor_for(db, username)


@pytest.fixture
def desktop(
    server: Any, demo50: Path, tmp_path: Path, memory_keyring: None
) -> Iterator[tuple[Database, Actor]]:
    """The program administrator's desktop, connected to the server."""
    db, admin = _desktop(tmp_path / "admin.sqlite", demo50, "admin")
    set_tls_required(db, admin, False)
    save_server_settings(db, admin, _address(server))
    store_server_password(db, admin, _address(server), PASSWORD)
    yield db, admin
    db.close()


def _add_member(db: Database, admin: Actor, username: str) -> tuple[uuid.UUID, str]:
    """A new teacher with three students on her list; her temporary password."""
    staff_id = staff.add_staff(
        db,
        admin,
        StaffDraft(
            username=username,
            first_name="Nadia",
            last_name="Nouvelle",
            access_level=AccessLevel.TEACHER,
            preferred_language=Language.FRENCH,
        ),
    )
    with db.read() as session:
        students = session.scalars(
            select(Student.id)
            .where(Student.school_id == admin.school_id, Student.deleted_at.is_(None))
            .order_by(Student.id)
            .limit(3)
        ).all()
    add_to_caseload(db, admin, staff_id, students)
    return staff_id, auth.reset_staff_password(db, admin, staff_id)


def _connect(server: Any, role: str, password: str) -> psycopg.Connection[Any]:
    return psycopg.connect(server.role_url(role, password), autocommit=True)


def _ids(connection: psycopg.Connection[Any], query: str) -> set[uuid.UUID]:
    return {row[0] for row in connection.execute(query)}


def _can_log_in(server: Any, role: str) -> bool:
    return bool(
        server.scalar("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", role)
    )


def _verifier(connection: psycopg.Connection[Any], role: str) -> str:
    return connection.pgconn.encrypt_password(
        NEW_PASSWORD.encode(), role.encode(), b"scram-sha-256"
    ).decode()


def test_python_and_the_server_name_logins_alike(server):
    prefix = role_prefix(server.name)
    usernames = [
        "enseignant",
        "Marie-Ève.Tremblay",
        "o'brien",
        "__",
        "ÉLODIE",
        "straße",
        "\u212aelvin",  # the Kelvin sign lowers to an ASCII k in Python only
        "x" * 70,
    ]
    taken = {f"{prefix}u_enseignant"}
    with server.admin() as connection:
        for username in usernames:
            for clashes in (set(), taken):
                expected = staff_role_name(prefix, username, clashes)
                found = connection.execute(
                    "SELECT cams.staff_role_name(%s, %s, %s)",
                    (prefix, username, list(clashes)),
                ).fetchone()
                assert found == (expected,), username
    assert staff_role_name(prefix, "ÉLODIE", set()) == f"{prefix}u_lodie"
    assert staff_role_name(prefix, "enseignant", taken).startswith(
        f"{prefix}u_enseignant_"
    )


def test_a_new_staff_member_connects_with_the_login_made_from_the_desktop(
    server, desktop
):
    db, admin = desktop
    staff_id, password = _add_member(db, admin, "nadia")

    role = create_server_login(db, admin, staff_id, password)

    assert role == login_role(server.name, "nadia") == f"cams_{server.name}_u_nadia"
    assert server.scalar(
        "SELECT rolpassword FROM pg_authid WHERE rolname = %s", role
    ).startswith("SCRAM-SHA-256$")
    with db.read() as session:
        caseload = set(
            session.scalars(
                select(Student.id)
                .where(Student.school_id == admin.school_id)
                .order_by(Student.id)
                .limit(3)
            )
        )
    with _connect(server, role, password) as member:
        assert member.execute("SELECT (cams.viewer()).staff_id").fetchone() == (
            staff_id,
        )
        assert _ids(member, "SELECT id FROM cams.students") == caseload
        assert (
            _ids(member, "SELECT student_id FROM cams.caseload_assignments") == caseload
        )


def test_a_teacher_may_not_make_or_disable_logins(server):
    target = server.staff["secretariat"]
    with server.connect_as("enseignant") as teacher:
        verifier = _verifier(teacher, "x")
        made = teacher.execute(
            "SELECT cams.set_staff_login(%s, %s)", (target, verifier)
        ).fetchone()[0]
        disabled = teacher.execute(
            "SELECT cams.disable_staff_login(%s)", (server.staff["admin"],)
        ).fetchone()[0]

    assert (made["status"], made["reason"]) == ("refused", "not_administrator")
    assert (disabled["status"], disabled["reason"]) == ("refused", "not_administrator")
    assert _can_log_in(server, server.roles["admin"])
    assert server.scalar(
        "SELECT count(*) FROM cams.staff_roles WHERE staff_id = %s", target
    ) == (0)


def test_only_a_scram_verifier_is_taken_never_a_password(server):
    target = server.staff["secretariat"]
    with server.connect_as("admin") as admin:
        answers = [
            admin.execute(
                "SELECT cams.set_staff_login(%s, %s)", (target, sent)
            ).fetchone()[0]
            for sent in (
                PASSWORD,
                "md5" + "0" * 32,
                "SCRAM-SHA-256$4096:c2FsdA==$x'; DROP ROLE admin; --",
            )
        ]
        unknown = admin.execute(
            "SELECT cams.set_staff_login(%s, %s)",
            (uuid.uuid4(), _verifier(admin, "x")),
        ).fetchone()[0]
        own = admin.execute(
            "SELECT cams.disable_staff_login(%s)", (server.staff["admin"],)
        ).fetchone()[0]

    assert [(a["status"], a["reason"]) for a in answers] == [
        ("refused", "not_a_verifier")
    ] * 3
    assert unknown == {"status": "not_on_server"}
    assert (own["status"], own["reason"]) == ("refused", "own_login")
    assert server.scalar(
        "SELECT count(*) FROM cams.staff_roles WHERE staff_id = %s", target
    ) == (0)


def test_a_login_the_schools_it_made_is_reset_from_the_desktop(server, desktop):
    db, admin = desktop
    role = server.roles["enseignant"]  # made with cams server add-staff-role
    assert server.scalar(
        "SELECT admin_option FROM pg_auth_members"
        " WHERE roleid = %s::regrole AND member = %s::regrole",
        role,
        f"cams_{server.name}_logins",
    )

    assert create_server_login(db, admin, server.staff["enseignant"], NEW_PASSWORD) == (
        role
    )
    try:
        _connect(server, role, NEW_PASSWORD).close()
    finally:
        create_server_login(db, admin, server.staff["enseignant"], PASSWORD)


def test_deactivating_on_a_desktop_turns_the_login_off_when_it_syncs(server, desktop):
    db, admin = desktop
    staff_id, password = _add_member(db, admin, "lucie")
    role = create_server_login(db, admin, staff_id, password)
    with _connect(server, role, password) as open_session:
        assert len(_ids(open_session, "SELECT id FROM cams.students")) == 3

        # The row alone turns the login off: the server does it on arrival.
        staff.set_staff_active(db, admin, staff_id, False)
        run_sync(db, admin)

        assert open_session.execute("SELECT cams.viewer()").fetchone() == (None,)
        assert _ids(open_session, "SELECT id FROM cams.students") == set()
    assert not _can_log_in(server, role)
    assert server.scalar(
        "SELECT disabled_at IS NOT NULL FROM cams.staff_roles WHERE role_name = %s",
        role,
    )
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _connect(server, role, password)

    # Reactivated, they get a new server password and can sign in again.
    staff.set_staff_active(db, admin, staff_id, True)
    assert create_server_login(db, admin, staff_id, NEW_PASSWORD) == role
    with _connect(server, role, NEW_PASSWORD) as member:
        assert len(_ids(member, "SELECT id FROM cams.students")) == 3


def test_disabling_from_the_desktop_and_a_server_out_of_reach(
    server, desktop, demo50, tmp_path
):
    db, admin = desktop
    staff_id, password = _add_member(db, admin, "rosalie")
    role = create_server_login(db, admin, staff_id, password)

    assert disable_server_login(db, admin, staff_id) == role
    assert not _can_log_in(server, role)

    offline, actor = _desktop(tmp_path / "offline.sqlite", demo50, "admin")
    unreachable = _address(server, port=1)
    save_server_settings(offline, actor, unreachable)
    store_server_password(offline, actor, unreachable, PASSWORD)
    member, temporary = _add_member(offline, actor, "offline")
    with pytest.raises(ServerLoginError) as error:
        create_server_login(offline, actor, member, temporary)
    offline.close()
    assert str(error.value) == (
        "The server cannot be reached; create the server login later with "
        "Staff administration → Server login…"
    )


def test_setting_up_again_after_logins_changes_nothing(server):
    assert init_server(server.url).nothing_to_do
    assert init_server(server.url).nothing_to_do
    assert upgrade_server(server.url).nothing_to_do
    logins = f"cams_{server.name}_logins"
    assert (
        server.scalar(
            "SELECT (rolcanlogin, rolcreaterole, rolsuper)::text FROM pg_roles"
            " WHERE rolname = %s",
            logins,
        )
        == "(f,t,f)"
    )
    owners = server.column(
        "SELECT p.proname || ' ' || pg_get_userbyid(p.proowner) FROM pg_proc p"
        " WHERE p.pronamespace = 'cams'::regnamespace AND p.proname IN"
        " ('set_staff_login', 'disable_staff_login')"
    )
    assert sorted(owners) == [
        f"disable_staff_login {logins}",
        f"set_staff_login {logins}",
    ]
    # Only for the moment functions are made does it create in the schema.
    assert (
        server.scalar("SELECT has_schema_privilege(%s, 'cams', 'CREATE')", logins)
        is False
    )


# --- the staff administration dialog ----------------------------------------------


@pytest.mark.gui
def test_the_server_login_button_is_for_program_administrators_connected(
    qtbot, server, desktop, demo_db, tmp_path
):
    db, admin = desktop
    connected = StaffAdminDialog(db, admin)
    qtbot.addWidget(connected)
    assert not connected.server_login_button.isHidden()
    assert server_logins_available(db, admin)

    offline = StaffAdminDialog(demo_db, actor_for(demo_db, "admin"))
    qtbot.addWidget(offline)
    assert offline.server_login_button.isHidden()

    school_admin = actor_for(db, "conseiller")
    assert not server_logins_available(db, school_admin)
    other = StaffAdminDialog(db, school_admin)
    qtbot.addWidget(other)
    assert other.server_login_button.isHidden()


def _select(dialog: StaffAdminDialog, username: str) -> None:
    rows = dialog.model.rows()
    index = next(i for i, row in enumerate(rows) if row.username == username)
    dialog.table.selectRow(index)


@pytest.mark.gui
def test_adding_setting_and_deactivating_from_the_dialog(
    qtbot, server, desktop, monkeypatch
):
    db, admin = desktop
    dialog = StaffAdminDialog(db, admin)
    qtbot.addWidget(dialog)
    shown: list[str] = []

    def fill_profile(profile: Any) -> int:
        profile.username.setText("zoe")
        profile.first_name.setText("Zoé")
        profile.last_name.setText("Zèbre")
        profile._on_save_clicked()
        return int(profile.result())

    def note_password(temporary: Any) -> int:
        shown.append(temporary.password.text())
        return 1

    monkeypatch.setattr(staff_dialogs.StaffProfileDialog, "exec", fill_profile)
    monkeypatch.setattr(staff_dialogs.TemporaryPasswordDialog, "exec", note_password)
    with qtbot.waitSignal(dialog.server_login_finished, timeout=60_000) as added:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    role = f"cams_{server.name}_u_zoe"
    assert added.args == [f"The server login {role} of Zoé Zèbre is ready."]
    with _connect(server, role, shown[0]) as member:
        assert member.execute("SELECT count(*) FROM cams.students").fetchone() == (0,)

    def type_twice(asking: Any) -> int:
        asking.password.setText(NEW_PASSWORD)
        asking.again.setText(NEW_PASSWORD)
        asking._on_ok_clicked()
        return int(asking.result())

    monkeypatch.setattr(staff_dialogs.ServerPasswordDialog, "exec", type_twice)
    _select(dialog, "zoe")
    with qtbot.waitSignal(dialog.server_login_finished, timeout=60_000) as reset:
        qtbot.mouseClick(dialog.server_login_button, Qt.MouseButton.LeftButton)
    assert reset.args == [f"The server login {role} of Zoé Zèbre is ready."]
    _connect(server, role, NEW_PASSWORD).close()

    _select(dialog, "zoe")
    with qtbot.waitSignal(dialog.server_login_finished, timeout=60_000) as off:
        qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert off.args == ["The server login of Zoé Zèbre is turned off."]
    assert dialog.server_status.text() == off.args[0]
    assert not _can_log_in(server, role)


@pytest.mark.gui
def test_the_server_password_is_asked_twice(qtbot, desktop):
    db, admin = desktop
    dialog = StaffAdminDialog(db, admin)
    qtbot.addWidget(dialog)
    row = next(r for r in dialog.model.rows() if r.username == "enseignant")
    asking = staff_dialogs.ServerPasswordDialog(db, admin, row, dialog)
    qtbot.addWidget(asking)
    asking.password.setText(NEW_PASSWORD)
    asking.again.setText(NEW_PASSWORD + "x")

    asking._on_ok_clicked()

    assert asking.result() == 0
    assert asking.error_label.text() == "The two passwords are not the same."


def test_upgrading_a_server_of_an_older_release_adds_the_logins_role(make_server_db):
    server = make_server_db()
    init_server(server.url)
    logins = f"cams_{server.name}_logins"
    with server.admin() as connection:
        # What a server set up before this release lacks.
        connection.execute("DROP TRIGGER disable_login ON cams.staff")
        connection.execute(f"DROP OWNED BY {logins}")
        connection.execute(f"DROP ROLE {logins}")
        connection.execute(
            "DELETE FROM cams.schema_objects WHERE key LIKE '%login%'"
            " OR key = 'function cams.staff_role_name'"
        )

    lines = upgrade_server(server.url).lines()

    assert {
        f"created role {logins}",
        f"created grants role {logins}",
        f"created grants cams for {logins}",
        "created function cams.set_staff_login",
        "created function cams.disable_staff_login",
        "created trigger cams.staff.disable_login",
    } <= set(lines)
    assert upgrade_server(server.url).nothing_to_do
    assert (
        server.scalar(
            "SELECT pg_get_userbyid(proowner) FROM pg_proc"
            " WHERE proname = 'set_staff_login'"
        )
        == logins
    )


@pytest.mark.gui
def test_adding_offline_says_how_to_make_the_login_later(
    qtbot, server, demo50, tmp_path, memory_keyring, monkeypatch
):
    db, admin = _desktop(tmp_path / "offline.sqlite", demo50, "admin")
    unreachable = _address(server, port=1)
    save_server_settings(db, admin, unreachable)
    store_server_password(db, admin, unreachable, PASSWORD)
    dialog = StaffAdminDialog(db, admin)
    qtbot.addWidget(dialog)

    def fill_profile(profile: Any) -> int:
        profile.username.setText("hors_ligne")
        profile.first_name.setText("Hugo")
        profile.last_name.setText("Horsligne")
        profile._on_save_clicked()
        return int(profile.result())

    monkeypatch.setattr(staff_dialogs.StaffProfileDialog, "exec", fill_profile)
    monkeypatch.setattr(staff_dialogs.TemporaryPasswordDialog, "exec", lambda _: 1)
    with qtbot.waitSignal(dialog.server_login_finished, timeout=60_000) as ended:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    db.close()

    assert ended.args == [
        "Hugo Horsligne was added, but their server login was not created: "
        "The server cannot be reached; create the server login later with "
        "Staff administration → Server login…"
    ]
    assert any(row.username == "hors_ligne" for row in dialog.model.rows())
