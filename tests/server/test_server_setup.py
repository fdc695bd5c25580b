"""Setting up a school's server: schema, roles, idempotent runs, upgrades, loads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cams_desktop import cli
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.server import ServerError
from cams_desktop.server.roles import role_prefix
from cams_desktop.server.schema import SERVER_TABLES, synced_tables
from cams_desktop.server.setup import init_server, load_from_local, upgrade_server

pytestmark = pytest.mark.pg

# Everything a run could change: objects with their oids (a dropped and
# remade object differs), definitions, privileges, roles, and the server's
# own bookkeeping rows.
SNAPSHOT = """
SELECT 'class', c.oid::text, c.relname, c.relkind::text,
       coalesce(c.relacl::text, ''), c.relrowsecurity::text
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'cams'
UNION ALL
SELECT 'column', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
       a.attnotnull::text, coalesce(a.attacl::text, '')
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'cams' AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'function', p.oid::text, p.proname, md5(p.prosrc),
       coalesce(p.proacl::text, ''), coalesce(p.proconfig::text, '')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'cams'
UNION ALL
SELECT 'policy', p.oid::text, p.polname, pg_get_expr(p.polqual, p.polrelid),
       p.polroles::text, ''
FROM pg_policy p
UNION ALL
SELECT 'trigger', t.oid::text, t.tgname, t.tgrelid::regclass::text, '', ''
FROM pg_trigger t WHERE NOT t.tgisinternal
UNION ALL
SELECT 'constraint', c.oid::text, c.conname, c.conrelid::regclass::text, '', ''
FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
WHERE n.nspname = 'cams'
UNION ALL
SELECT 'role', r.oid::text, r.rolname, r.rolcanlogin::text, '', ''
FROM pg_roles r WHERE starts_with(r.rolname, %(prefix)s)
UNION ALL
SELECT 'member', m.roleid::regrole::text, m.member::regrole::text, '', '', ''
FROM pg_auth_members m WHERE starts_with(m.roleid::regrole::text, %(prefix)s)
UNION ALL
SELECT 'schema', n.oid::text, n.nspname, coalesce(n.nspacl::text, ''), '', ''
FROM pg_namespace n WHERE n.nspname = 'cams'
UNION ALL
SELECT 'object', key, fingerprint, '', '', '' FROM cams.schema_objects
UNION ALL
SELECT 'info', version, min_client_version, max_client_version, role_prefix,
       updated_at::text FROM cams.schema_info
UNION ALL
SELECT 'settings', table_name, md5(sync_tables::text), '', '', '' FROM cams.sync_tables
ORDER BY 1, 2, 3
"""


def snapshot(server) -> list[tuple[str, ...]]:
    with server.admin() as connection:
        return connection.execute(
            SNAPSHOT, {"prefix": role_prefix(server.name)}
        ).fetchall()


def test_init_makes_every_table_with_postgresql_types(make_server_db):
    server = make_server_db()

    report = init_server(server.url)

    tables = set(
        server.column(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'cams'"
        )
    )
    assert tables == {t.name for t in synced_tables()} | {n for n, _ in SERVER_TABLES}
    assert "student_transfers" in tables  # tables the local schema gained follow
    assert "created table cams.students" in report.lines()
    assert f"created role {role_prefix(server.name)}staff" in report.lines()
    assert "created function cams.push" in report.lines()
    assert report.changed == []
    types = dict(
        server.column(
            "SELECT ARRAY[table_name || '.' || column_name, "
            "  CASE WHEN data_type = 'character varying' "
            "  THEN 'varchar(' || coalesce(character_maximum_length::text, '') || ')' "
            "  WHEN data_type = 'numeric' "
            "  THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')' "
            "  ELSE data_type END || CASE WHEN is_nullable = 'NO' THEN ' not null' "
            "  ELSE '' END] FROM information_schema.columns "
            "WHERE table_schema = 'cams'"
        )
    )
    assert {
        name: types[name]
        for name in (
            "students.id",
            "students.school_id",
            "students.created_at",
            "students.deleted_at",
            "students.invite_others_allowed",
            "students.first_name",
            "students.birth_date",
            "students.version",
            "school_settings.value",
            "courses.credits",
            "assignments.file_content",
            "experiences.hours",
            "staff.access_level",
        )
    } == {
        "students.id": "uuid not null",
        "students.school_id": "uuid not null",
        "students.created_at": "timestamp with time zone not null",
        "students.deleted_at": "timestamp with time zone",
        "students.invite_others_allowed": "boolean not null",
        "students.first_name": "varchar(100) not null",
        "students.birth_date": "date",
        "students.version": "integer not null",
        "school_settings.value": "jsonb not null",
        "courses.credits": "numeric(4,2) not null",
        "assignments.file_content": "bytea",
        "experiences.hours": "double precision",
        "staff.access_level": "varchar(20) not null",
    }
    with server.admin() as connection:
        info = connection.execute(
            "SELECT version, min_client_version, max_client_version, role_prefix"
            " FROM cams.schema_info"
        ).fetchone()
    assert info == (
        SCHEMA_VERSION,
        SCHEMA_VERSION,
        SCHEMA_VERSION,
        f"cams_{server.name}_",
    )


def test_second_runs_change_nothing(make_server_db):
    server = make_server_db()
    init_server(server.url)
    before = snapshot(server)

    again = init_server(server.url)
    upgraded = upgrade_server(server.url)

    assert (again.nothing_to_do, upgraded.nothing_to_do) == (True, True)
    assert (again.lines(), upgraded.lines()) == ([], [])
    assert snapshot(server) == before


def test_upgrade_adds_what_is_missing_and_drops_nothing(make_server_db):
    server = make_server_db()
    init_server(server.url)
    with server.admin() as connection:
        # A server made by an older release: no login events, no transfer date,
        # and a column this release no longer has.
        connection.execute("DROP TABLE cams.login_events CASCADE")
        connection.execute("ALTER TABLE cams.students DROP COLUMN transferred_at")
        connection.execute("ALTER TABLE cams.students ADD COLUMN legacy_code text")
        connection.execute("UPDATE cams.schema_info SET version = '0001'")

    report = upgrade_server(server.url)

    lines = report.lines()
    assert "created table cams.login_events" in lines
    assert "created column cams.students.transferred_at" in lines
    assert "created function cams.sees_login_events" in lines
    assert "created trigger cams.login_events.log_insert" in lines
    assert "created policy cams.login_events.visible" in lines
    assert "changed grants cams.students" in lines
    assert f"changed server schema version 0001 to {SCHEMA_VERSION}" in lines
    assert "created column cams.students.legacy_code" not in lines
    columns = server.column(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = 'cams' AND table_name = 'students'"
    )
    assert {"transferred_at", "legacy_code"} <= set(columns)
    assert server.scalar("SELECT version FROM cams.schema_info") == SCHEMA_VERSION
    # Desktops of the older release keep working (expand only).
    assert server.scalar("SELECT min_client_version FROM cams.schema_info") == (
        SCHEMA_VERSION
    )
    assert upgrade_server(server.url).nothing_to_do


def test_upgrade_needs_an_initialized_server_and_refuses_a_newer_one(make_server_db):
    server = make_server_db()

    with pytest.raises(ServerError, match="run cams server init"):
        upgrade_server(server.url)

    init_server(server.url)
    with server.admin() as connection:
        connection.execute("UPDATE cams.schema_info SET version = '9999'")
    with pytest.raises(ServerError, match="newer than this program"):
        init_server(server.url)


def test_load_from_local_copies_every_synced_row_once(make_server_db, demo50: Path):
    server = make_server_db()
    init_server(server.url)

    copied = load_from_local(server.url, demo50)

    with sqlite3.connect(demo50) as local:
        expected = {
            t.name: local.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
            for t in synced_tables()
        }
    assert copied == expected
    assert copied["students"] == 50
    on_server = {
        t.name: server.scalar(f"SELECT count(*) FROM cams.{t.name}")
        for t in synced_tables()
    }
    assert on_server == expected
    # Every row has its change-log entry in the school that sees it.
    demo_school = server.scalar(
        "SELECT school_id FROM cams.staff WHERE username = 'enseignant'"
    )
    logged = server.scalar(
        "SELECT count(*) FROM cams.change_log WHERE school_id = %s AND table_name = "
        "'students'",
        demo_school,
    )
    assert logged == 50
    assert server.scalar(
        "SELECT last_seq = (SELECT count(*) FROM cams.change_log WHERE school_id = %s)"
        " FROM cams.school_counters WHERE school_id = %s",
        demo_school,
        demo_school,
    )
    assert load_from_local(server.url, demo50) == dict.fromkeys(expected, 0)


def test_load_needs_an_initialized_server(make_server_db, demo50: Path):
    server = make_server_db()

    with pytest.raises(ServerError, match="run cams server init"):
        load_from_local(server.url, demo50)


def test_cli_init_and_upgrade_say_what_they_did(make_server_db, capsys):
    server = make_server_db()

    assert cli.main(["server", "init", "--url", server.url]) == 0
    first = capsys.readouterr().out.splitlines()
    assert cli.main(["server", "init", "--url", server.url]) == 0
    second = capsys.readouterr().out.splitlines()
    assert cli.main(["server", "upgrade", "--url", server.url]) == 0
    third = capsys.readouterr().out.splitlines()

    assert "created table cams.students" in first
    assert f"created role cams_{server.name}_owner" in first
    assert first[-1] == f"{server.name}: server schema {SCHEMA_VERSION} ready"
    assert second == [f"{server.name}: nothing to do"]
    assert third == [f"{server.name}: nothing to do"]


def test_cli_reports_an_unreachable_server(capsys):
    url = "postgresql://postgres:secret@127.0.0.1:1/nowhere"

    assert cli.main(["server", "init", "--url", url]) == 2

    error = capsys.readouterr().err
    assert error.startswith("cams server: Cannot connect to ")
    assert "port=1" in error
    assert "secret" not in error


def test_role_prefix_keeps_names_apart():
    assert role_prefix("ecole_du_lac") == "cams_ecole_du_lac_"
    assert role_prefix("École-du-Lac").startswith("cams_cole_du_lac_")
    assert role_prefix("ecole-du-lac") != role_prefix("ecole_du_lac")
    # Room is left for "u_" and a username of 25 characters.
    assert len(role_prefix("x" * 63)) == 36
