"""Connected mode against a real server: testing the connection, syncing from
the window, and resolving conflicts on the conflicts screen."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
import uuid
from typing import Any

import pytest
from psycopg import conninfo
from psycopg.types.json import Jsonb
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import insert

from cams_desktop.db.engine import Database, become_new_device
from cams_desktop.db.journal import SyncIssue
from cams_desktop.db.students import Student
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.dialogs.conflicts_dialog import MERGED, ConflictsDialog
from cams_desktop.dialogs.server_dialog import ServerDialog
from cams_desktop.i18n import LanguageSwitch
from cams_desktop.services.access import actor_for
from cams_desktop.services.server_connection import (
    ServerSettings,
    login_role,
    save_server_settings,
    set_tls_required,
    store_server_password,
)
from cams_desktop.views.main_window import MainWindow

pytestmark = [pytest.mark.pg, pytest.mark.gui]


PASSWORD = "mot-de-passe-1"  # the test server's staff password (conftest)


@pytest.fixture(scope="module")
def server(demo_server: Any) -> Any:
    for username in ("admin", "conseiller"):
        demo_server.add_role(username)
    return demo_server


def _address(server: Any) -> ServerSettings:
    parts = conninfo.conninfo_to_dict(server.url)
    return ServerSettings(
        str(parts.get("host") or "127.0.0.1"),
        server.name,
        int(parts.get("port") or 5432),
    )


@pytest.fixture
def desktop(server, demo50, tmp_path, file_keyring):
    """The administrator's desktop, connected to the server, encryption optional."""
    path = tmp_path / "desktop.sqlite"
    shutil.copy(demo50, path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        become_new_device(connection)
    db = Database(path)
    admin = actor_for(db, "admin")
    set_tls_required(db, admin, False)
    save_server_settings(db, admin, _address(server))
    store_server_password(db, admin, _address(server), PASSWORD)
    yield db
    db.close()


def test_the_desktop_names_the_role_the_server_made(server):
    assert login_role(server.name, "admin") == server.roles["admin"]
    assert login_role(server.name, "conseiller") == server.roles["conseiller"]


def test_testing_the_connection_tells_tls_and_the_schema(
    qtbot, server, demo_db, file_keyring
):
    admin = actor_for(demo_db, "admin")
    dialog = ServerDialog(demo_db, admin)
    qtbot.addWidget(dialog)
    address = _address(server)
    dialog.host.setText(address.host)
    dialog.port.setText(str(address.port))
    dialog.database.setText(address.database)
    dialog.password.setText(PASSWORD)

    # The demo school requires encryption; the test server has no TLS.
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.done, timeout=15_000):
        pass
    assert dialog.result_label.text() == (
        "The school requires encrypted transfer (TLS), but the server "
        f"{address.label()} does not offer it."
    )

    set_tls_required(demo_db, admin, False)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.done, timeout=15_000):
        pass
    assert dialog.result_label.text() == (
        f"Connected to {address.label()}, not encrypted. "
        f"Server schema {SCHEMA_VERSION}."
    )
    assert dialog.last_check is not None
    assert (dialog.last_check.ok, dialog.last_check.encrypted) == (True, False)


def _window(qtbot, db, tmp_path):
    languages = LanguageSwitch()
    languages.language = "en"  # no translator installed: the English text
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, actor_for(db, "admin"), languages, settings, "École")
    qtbot.addWidget(window)
    window.show()
    return window


def _sync(qtbot, window):
    window.sync_now_action.trigger()
    qtbot.waitUntil(lambda: not window.sync_runner.busy, timeout=60_000)
    assert window.sync_runner.problem is None
    assert window.sync_runner.next_try_at is None


def _names(window):
    model = window.student_list.proxy
    return {
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }


def test_synchronize_now_brings_a_change_made_on_the_server(
    qtbot, server, desktop, tmp_path
):
    window = _window(qtbot, desktop, tmp_path)
    _sync(qtbot, window)
    assert window.sync_status.state_label.text() == "Synchronized 1 min ago"
    student_id = server.scalar(
        "SELECT id FROM cams.students WHERE school_id = (SELECT school_id"
        " FROM cams.staff WHERE username = 'admin') AND deleted_at IS NULL"
        " ORDER BY id LIMIT 1"
    )
    with server.admin() as connection:
        connection.execute(
            "UPDATE cams.students SET last_name = 'Nouveaunom',"
            " version = version + 1 WHERE id = %s",
            (student_id,),
        )
    assert not any("Nouveaunom" in name for name in _names(window))

    with qtbot.waitSignal(window.students_reloaded, timeout=60_000):
        _sync(qtbot, window)

    assert any("Nouveaunom" in name for name in _names(window))
    with desktop.read() as session:
        assert session.get(Student, student_id).last_name == "Nouveaunom"
    window.close()


def _server_conflict(server: Any, student_id: uuid.UUID, new: str) -> str:
    mutation = {
        "mutation_id": 1,
        "transaction_id": str(uuid.uuid4()),
        "table_name": "students",
        "row_id": str(student_id),
        "operation": "update",
        "base_version": 1,
        "changes": {"first_name": ["Avant", new]},
        "recorded_at": "2026-11-02T10:00:00+00:00",
    }
    with server.connect_as("conseiller") as connection:
        answer = connection.execute(
            "SELECT cams.push(%s, %s, %s)",
            (uuid.uuid4(), SCHEMA_VERSION, Jsonb([mutation])),
        ).fetchone()[0]
    return str(answer["results"][0]["conflict_id"])


def test_the_conflicts_screen_lists_both_and_resolves_by_merging(
    qtbot, server, desktop
):
    admin = actor_for(desktop, "admin")
    student_id, first, last = server.column(
        "SELECT jsonb_build_array(id, first_name, last_name) FROM cams.students"
        " WHERE school_id = (SELECT school_id FROM cams.staff WHERE username ="
        " 'admin') AND deleted_at IS NULL ORDER BY id DESC LIMIT 1"
    )[0]
    conflict_id = _server_conflict(server, uuid.UUID(student_id), "Desktop")
    with desktop.engine.begin() as connection:
        connection.execute(
            insert(SyncIssue).values(
                mutation_id=12,
                transaction_id=uuid.uuid4(),
                table_name="students",
                row_id=uuid.UUID(student_id),
                operation="update",
                changes={"first_name": [first, "Refusé"]},
                outcome="rejected",
                reason="your access level may not change students",
                recorded_at=dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.UTC),
            )
        )

    dialog = ConflictsDialog(desktop, admin, "en")
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=15_000).wait()

    local = [dialog.local_table.item(0, column).text() for column in range(4)]
    assert local == [
        f"{first} {last} (students)",
        f"first_name: {first} → Refusé",
        "Refused",
        "your access level may not change students",
    ]
    row = [str(c.id) for c in dialog.conflicts].index(conflict_id)
    dialog.server_table.selectRow(row)
    assert dialog.server_table.item(row, 0).text() == f"{first} {last} (students)"
    assert [dialog.fields_table.item(0, column).text() for column in range(5)] == [
        "first_name",
        "Avant",
        first,
        "Desktop",
        "Desktop",
    ]

    dialog.fields_table.item(0, MERGED).setText("Fusion")
    with qtbot.waitSignal(dialog.resolved, timeout=15_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitSignal(dialog.loaded, timeout=15_000).wait()

    assert (
        server.scalar("SELECT first_name FROM cams.students WHERE id = %s", student_id)
        == "Fusion"
    )
    assert conflict_id not in [str(c.id) for c in dialog.conflicts]
    dialog.close()


def test_the_cli_gives_and_disables_a_staff_login(server, monkeypatch, capsys):
    import psycopg

    from cams_desktop import cli

    monkeypatch.setenv("CAMS_STAFF_PASSWORD", "mdp-enseignant")
    role = login_role(server.name, "enseignant")

    assert (
        cli.main(
            [
                "server",
                "add-staff-role",
                "--url",
                server.url,
                "--username",
                "Enseignant",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == f"{role}: login ready for Enseignant\n"
    with psycopg.connect(server.role_url(role, "mdp-enseignant")) as connection:
        assert connection.execute("SELECT session_user").fetchone() == (role,)

    assert (
        cli.main(
            [
                "server",
                "disable-staff-role",
                "--url",
                server.url,
                "--username",
                "enseignant",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == f"{role}: login disabled\n"
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(server.role_url(role, "mdp-enseignant"))

    assert (
        cli.main(
            ["server", "add-staff-role", "--url", server.url, "--username", "personne"]
        )
        == 2
    )
    assert capsys.readouterr().err == (
        "cams server: No staff member 'personne' on the server; load the staff first.\n"
    )


def test_a_schema_the_server_does_not_take_is_told(server, desktop):
    from cams_desktop.services.server_connection import check_connection, login_for

    login = login_for(desktop, actor_for(desktop, "admin"), _address(server), PASSWORD)
    accepted = server.scalar("SELECT min_client_version FROM cams.schema_info")
    with server.admin() as connection:
        connection.execute("UPDATE cams.schema_info SET min_client_version = '9999'")
    try:
        check = check_connection(login)
    finally:
        with server.admin() as connection:
            connection.execute(
                "UPDATE cams.schema_info SET min_client_version = %s", (accepted,)
            )

    assert not check.ok
    assert check.message == (
        f"The server takes desktops of schema 9999 to {SCHEMA_VERSION}; this "
        f"desktop has {SCHEMA_VERSION}. Install the CAMS Desktop the school's IT "
        "gives, or ask them to upgrade the server."
    )
