"""``cams sync``: one cycle with the school's server, the sync health, the export.

The desktop is a copy of the demo school made a new device, pointed at a
server of its own on the local PostgreSQL; the keychain is an in-memory
keyring backend.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from psycopg import conninfo
from sqlalchemy import select

from cams_desktop import cli
from cams_desktop.db.engine import Database, become_new_device
from cams_desktop.db.guidance import Note
from cams_desktop.db.school import Staff
from cams_desktop.db.students import Student
from cams_desktop.services import auth
from cams_desktop.services.demo import DEMO_SITE_ACCOUNT
from cams_desktop.services.server_connection import (
    ServerSettings,
    save_server_settings,
    set_tls_required,
    store_server_password,
)
from cams_desktop.sync import local

PASSWORD = "mot-de-passe-1"  # the test server's staff password (conftest)

pytestmark = pytest.mark.pg


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in the test: the real one is never touched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        del self.passwords[(service, username)]


@pytest.fixture
def keychain():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


@dataclass(frozen=True)
class Desktop:
    path: Path
    settings: ServerSettings


@pytest.fixture
def desktop(fresh_demo_server, demo50, tmp_path, keychain, monkeypatch):
    """The administrator's desktop, set up for the server, its agreement accepted.

    The local server offers no TLS, so the school's "encrypted transfer
    required" setting is turned off (a change waiting to be pushed).
    """
    server = fresh_demo_server
    server.add_role("admin")
    path = tmp_path / "desktop.sqlite"
    shutil.copy(demo50, path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        become_new_device(connection)
    db = Database(path)
    try:
        result = auth.sign_in(db, *DEMO_SITE_ACCOUNT, "admin", "demo-admin")
        assert result.agreement_to_accept is not None
        auth.accept_agreement(db, result.actor, result.agreement_to_accept.edition)
        set_tls_required(db, result.actor, False)
        options = conninfo.conninfo_to_dict(server.url)
        settings = ServerSettings(
            str(options["host"]), server.name, int(options.get("port") or 5432)
        )
        save_server_settings(db, result.actor, settings)
    finally:
        db.close()
    for name, value in (
        ("CAMS_SITE_USERNAME", DEMO_SITE_ACCOUNT[0]),
        ("CAMS_SITE_PASSWORD", DEMO_SITE_ACCOUNT[1]),
        ("CAMS_USERNAME", "admin"),
        ("CAMS_PASSWORD", "demo-admin"),
    ):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("CAMS_SERVER_PASSWORD", raising=False)
    return Desktop(path, settings)


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["sync", *args])
    printed = capsys.readouterr()
    return code, printed.out.splitlines(), printed.err


def open_db(desktop) -> Database:
    return Database(desktop.path, create=False)


def store_password(desktop) -> None:
    db = open_db(desktop)
    try:
        actor = auth.sign_in(db, *DEMO_SITE_ACCOUNT, "admin", "demo-admin").actor
        store_server_password(db, actor, desktop.settings, PASSWORD)
    finally:
        db.close()


def last_seq(server) -> int:
    return int(server.scalar("SELECT max(last_seq) FROM cams.school_counters"))


def test_a_sync_pushes_pulls_and_prints_what_it_did(desktop, fresh_demo_server, capsys):
    store_password(desktop)

    code, lines, err = run(capsys, "--db", str(desktop.path))

    assert (code, err) == (0, "")
    pushed = re.fullmatch(r"pushed: (\d+) applied", lines[0])
    assert pushed is not None
    assert re.fullmatch(r"pulled: \d+ rows in \d+ pages", lines[1])
    assert lines[2] == f"cursor: {last_seq(fresh_demo_server)}"
    # The copy held the other schools' rows: those tables are fetched again.
    assert lines[3].startswith("downloaded again: ") and lines[3] != (
        "downloaded again: none"
    )
    assert lines[4:] == ["waiting: 0 changes"]
    # The school setting turned off on the desktop reached the server.
    assert (
        fresh_demo_server.scalar(
            "SELECT value FROM cams.school_settings"
            " WHERE key = 'encrypted_transfer_required' AND school_id ="
            " (SELECT school_id FROM cams.staff WHERE username = 'admin')"
        )
        is False
    )

    code, lines, err = run(capsys, "--db", str(desktop.path))

    # Signing in again is the only change; the copy now agrees with the server.
    assert (code, err) == (0, "")
    assert lines[0] == "pushed: 1 applied"
    assert lines[2:] == [
        f"cursor: {last_seq(fresh_demo_server)}",
        "downloaded again: none",
        "waiting: 0 changes",
    ]


def test_status_and_export_show_what_waits_and_what_the_server_refused(
    desktop, fresh_demo_server, capsys, monkeypatch, tmp_path
):
    # No password in the keychain: the variable gives it.
    monkeypatch.setenv("CAMS_SERVER_PASSWORD", PASSWORD)
    assert run(capsys, "--db", str(desktop.path))[0] == 0
    db = open_db(desktop)
    try:
        with db.read() as session:
            admin_id = session.scalar(select(Staff.id).where(Staff.username == "admin"))
            note_id = session.scalar(
                select(Note.id).where(Note.author_id != admin_id).order_by(Note.id)
            )
            student_id = session.scalar(select(Student.id).order_by(Student.id))
        # Only its author edits a note, even a program administrator.
        with db.transaction(admin_id) as session:
            session.get(Note, note_id).body = "Réécrite par quelqu'un d'autre."
    finally:
        db.close()
    assert run(capsys, "--db", str(desktop.path))[0] == 0
    db = open_db(desktop)
    try:
        with db.transaction(admin_id) as session:
            session.get(Student, student_id).email = "nouvelle@ecole.example"
        waiting = local.pending_transactions(db)
    finally:
        db.close()

    code, lines, err = run(capsys, "--db", str(desktop.path), "--status")

    assert (code, err) == (0, "")
    assert lines[0] == f"server: {desktop.settings.label()}"
    # The sign-in of this command and the email change wait.
    assert re.fullmatch(
        r"waiting changes: 2 \(oldest \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)", lines[1]
    )
    assert re.fullmatch(r"last push: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", lines[2])
    assert re.fullmatch(r"last pull: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", lines[3])
    assert lines[4:] == [
        "last error: none",
        "changes the server did not take, kept here: 1",
    ]

    out = tmp_path / "outbox.jsonl"
    code, lines, err = run(
        capsys, "--db", str(desktop.path), "--export-outbox", str(out)
    )

    assert (code, err) == (0, "")
    exported = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert lines == [f"{len(exported)} unsent changes written to {out}"]
    email = [e for e in exported if e["table"] == "students"]
    assert len(email) == 1
    assert email[0]["row_id"] == str(student_id)
    assert email[0]["changes"]["email"][1] == "nouvelle@ecole.example"
    assert email[0]["mutation_id"] == waiting[-1][0].mutation_id
    # Each export signs in once more: the file holds one sign-in more.
    assert len(exported) == 3

    # An existing file is never replaced.
    code, _, err = run(capsys, "--db", str(desktop.path), "--export-outbox", str(out))
    assert code == 2 and "exists" in err


def test_without_a_server_password_nothing_is_sent(desktop, capsys):
    code, lines, err = run(capsys, "--db", str(desktop.path))

    assert (code, lines) == (2, [])
    assert err.startswith("cams sync: no server password in the keychain")
    db = open_db(desktop)
    try:
        assert local.cursor(db) == 0
        assert local.pending_summary(db)[0] > 0
    finally:
        db.close()
